//! Tags the seed articles `repeat` times (default 118, about 5 MB) with
//! tokens computed beforehand and prints the throughput; run under
//! /usr/bin/time to see CPU time. `speed [repeat] [dir]`.

use std::time::Instant;

use lede_core::Document;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let repeat: usize = args.first().and_then(|s| s.parse().ok()).unwrap_or(118);
    let dir = args
        .get(1)
        .cloned()
        .unwrap_or_else(|| "corpus/seeds".to_string());
    let mut docs = Vec::new();
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .expect("seed directory")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    for p in paths {
        let text = std::fs::read_to_string(&p).expect("seed text");
        let mut doc = Document::new(p.display().to_string(), text);
        let seg = lede_segment::segment(&doc.text);
        doc.layers.sentences = Some(seg.sentences);
        doc.layers.tokens = Some(seg.tokens);
        docs.push(doc);
    }
    let load = Instant::now();
    let tagger = lede_ner::Tagger::embedded().expect("embedded model");
    let load = load.elapsed();
    let bytes: usize = docs.iter().map(|d| d.text.len()).sum::<usize>() * repeat;
    let start = Instant::now();
    let mut n = 0;
    for _ in 0..repeat {
        for doc in &docs {
            n += tagger.entities(doc).len();
        }
    }
    let secs = start.elapsed().as_secs_f64();
    println!(
        "model load {:.1} ms; {} entities, {:.2} MB in {:.2} s: {:.2} MB/s",
        load.as_secs_f64() * 1e3,
        n,
        bytes as f64 / 1e6,
        secs,
        bytes as f64 / 1e6 / secs
    );
}
