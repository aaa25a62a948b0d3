//! Token agreement with the CoNLL-2003 tokenisation.
//!
//! Reads a JSONL file of documents whose text is the space-joined CoNLL
//! tokens and whose `tokens` layer holds the gold token spans, re-tokenises
//! each text and reports the share of gold tokens found exactly (same start
//! and end), the share of produced tokens that are gold, and the most
//! frequent disagreements.
//!
//! cargo run --release -p lede-segment --example conll_agreement -- dev.jsonl

use std::collections::{HashMap, HashSet};

use lede_core::json::{from_json, OffsetUnit};
use lede_segment::Segmenter;

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: conll_agreement <file.jsonl>");
        std::process::exit(2);
    };
    let input = match std::fs::read_to_string(&path) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("cannot read {path}: {e}");
            std::process::exit(1);
        }
    };
    let segmenter = Segmenter::new();
    let (mut gold_total, mut found_total, mut matched) = (0usize, 0usize, 0usize);
    // Gold token text -> (how we split it, count).
    let mut missed: HashMap<String, usize> = HashMap::new();
    for (n, line) in input
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
    {
        let doc = match from_json(line, OffsetUnit::CodePoints) {
            Ok(d) => d,
            Err(e) => {
                eprintln!("line {}: {e}", n + 1);
                continue;
            }
        };
        let Some(gold) = doc.layers.tokens.as_ref() else {
            continue;
        };
        let found = segmenter.tokens(&doc.text);
        let found_set: HashSet<(usize, usize)> = found
            .iter()
            .map(|t| (t.span.start(), t.span.end()))
            .collect();
        gold_total += gold.len();
        found_total += found.len();
        for g in gold {
            if found_set.contains(&(g.span.start(), g.span.end())) {
                matched += 1;
            } else {
                let ours: Vec<&str> = found
                    .iter()
                    .filter(|t| t.span.overlaps(g.span))
                    .map(|t| doc.slice(t.span))
                    .collect();
                let key = format!("{:?} -> {:?}", doc.slice(g.span), ours);
                *missed.entry(key).or_default() += 1;
            }
        }
    }
    if gold_total == 0 {
        eprintln!("no gold tokens in {path}");
        std::process::exit(1);
    }
    println!("gold tokens {gold_total}, produced {found_total}, exact matches {matched}");
    println!(
        "agreement (gold tokens found exactly): {:.2}%",
        100.0 * matched as f64 / gold_total as f64
    );
    println!(
        "precision (produced tokens that are gold): {:.2}%",
        100.0 * matched as f64 / found_total.max(1) as f64
    );
    let mut top: Vec<(String, usize)> = missed.into_iter().collect();
    top.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    println!("top disagreements (gold token -> our tokens):");
    for (key, count) in top.iter().take(40) {
        println!("{count:6}  {key}");
    }
}
