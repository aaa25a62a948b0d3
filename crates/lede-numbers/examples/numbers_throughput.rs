//! Runs the numbers stage over the seed articles many times and prints the
//! bytes processed, for `/usr/bin/time` to turn into CPU-time throughput:
//! `cargo run --release -p lede-numbers --example numbers_throughput -- 118`.

use lede_core::{Document, Span, Stage};
use lede_numbers::NumbersStage;

const SEEDS: [&str; 5] = [
    include_str!("../../../corpus/seeds/000_bd8a3d32f232023b.txt"),
    include_str!("../../../corpus/seeds/001_a253fbec9e659c08.txt"),
    include_str!("../../../corpus/seeds/002_d83068df1eced973.txt"),
    include_str!("../../../corpus/seeds/003_14d1caff0cac3eef.txt"),
    include_str!("../../../corpus/seeds/004_23516cacd10e633e.txt"),
];

/// Sentences cut at line breaks (the stage's cost does not depend on where
/// the cuts fall).
fn lines(text: &str) -> Vec<Span> {
    let mut spans = Vec::new();
    let mut start = 0;
    for (i, b) in text.bytes().enumerate() {
        if b == b'\n' {
            spans.push(Span::from_boundaries(text, start, i));
            start = i + 1;
        }
    }
    spans.push(Span::from_boundaries(text, start, text.len()));
    spans
}

fn main() {
    let repeat: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(118);
    let Ok(stage) = NumbersStage::new(false) else {
        eprintln!("stage failed to build");
        return;
    };
    let mut docs: Vec<Document> = SEEDS
        .iter()
        .map(|t| {
            let mut d = Document::new("seed", *t);
            d.layers.sentences = Some(lines(t));
            d
        })
        .collect();
    let (mut bytes, mut found) = (0usize, 0usize);
    let start = std::time::Instant::now();
    for _ in 0..repeat {
        for doc in &mut docs {
            if stage.process(doc).is_ok() {
                bytes += doc.text.len();
                found += doc.layers.numbers.as_ref().map_or(0, Vec::len);
            }
        }
    }
    let secs = start.elapsed().as_secs_f64();
    println!(
        "{bytes} bytes, {found} numbers, {secs:.3} s wall, {:.1} MB/s wall",
        bytes as f64 / secs / 1e6
    );
}
