//! Throughput of the quotes stage alone over the seeds, given the gold
//! sentences and entities (paragraphs from lines), repeated `N` times
//! (first argument, default 118). Run under /usr/bin/time to see CPU time;
//! a second argument `setup` stops before the stage runs, so the difference
//! of the two user times is the stage's own CPU time:
//!
//! ```text
//! cargo build --release -p lede-quotes --example quotes_throughput
//! /usr/bin/time target/release/examples/quotes_throughput 1000
//! /usr/bin/time target/release/examples/quotes_throughput 1000 setup
//! ```

use std::time::Instant;

use lede_core::json::{from_json, OffsetUnit};
use lede_core::{Span, Stage};
use lede_quotes::QuotesStage;

const GOLD: &str = include_str!("../../../corpus/seeds/gold.jsonl");

fn main() {
    let repeat: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(118);
    let inputs: Vec<_> = GOLD
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|line| {
            let mut doc = from_json(line, OffsetUnit::CodePoints).expect("gold parses");
            doc.layers.quotes = None;
            doc.layers.numbers = None;
            let mut paragraphs = Vec::new();
            let mut start = 0;
            for l in doc.text.split('\n') {
                let t = l.trim();
                if !t.is_empty() {
                    let s = start + (l.len() - l.trim_start().len());
                    paragraphs.push(Span::new(&doc.text, s, s + t.len()).expect("line"));
                }
                start += l.len() + 1;
            }
            doc.layers.paragraphs = Some(paragraphs);
            doc
        })
        .collect();
    let copies: Vec<_> = (0..repeat).flat_map(|_| inputs.iter().cloned()).collect();
    let bytes: usize = copies.iter().map(|d| d.text.len()).sum();
    if std::env::args().nth(2).as_deref() == Some("setup") {
        println!("{} docs, {bytes} bytes prepared", copies.len());
        return;
    }
    let stage = QuotesStage::new();
    let mut docs = copies;
    let t = Instant::now();
    let mut quotes = 0;
    for doc in &mut docs {
        stage.process(doc).expect("quotes runs");
        quotes += doc.layers.quotes.as_ref().map_or(0, Vec::len);
    }
    let secs = t.elapsed().as_secs_f64();
    println!(
        "{} docs, {bytes} bytes, {quotes} quotes in {secs:.3}s wall: {:.1} MB/s",
        docs.len(),
        bytes as f64 / secs / 1e6
    );
}
