//! The seed articles' sentences must equal the gold sentences exactly
//! (sentence-boundary F1 = 100 on corpus/seeds/gold.jsonl).

use lede_core::json::{from_json, OffsetUnit};
use lede_segment::Segmenter;

const GOLD: &str = include_str!("../../../corpus/seeds/gold.jsonl");

#[test]
fn seed_sentences_equal_the_gold() {
    let segmenter = Segmenter::new();
    let mut failures = Vec::new();
    let mut docs = 0;
    for line in GOLD.lines().filter(|l| !l.trim().is_empty()) {
        let doc = from_json(line, OffsetUnit::CodePoints).expect("gold line parses");
        let gold = doc.layers.sentences.clone().expect("gold has sentences");
        let found = segmenter.sentences(&doc.text);
        docs += 1;
        let gold_texts: Vec<&str> = gold.iter().map(|s| doc.slice(*s)).collect();
        let found_texts: Vec<&str> = found.iter().map(|s| doc.slice(*s)).collect();
        for g in &gold_texts {
            if !found_texts.contains(g) {
                failures.push(format!("{}: missed gold sentence {:?}", doc.id, g));
            }
        }
        for f in &found_texts {
            if !gold_texts.contains(f) {
                failures.push(format!("{}: produced sentence {:?}", doc.id, f));
            }
        }
        assert_eq!(
            found.len(),
            gold.len(),
            "{}: sentence count\n{}",
            doc.id,
            failures.join("\n")
        );
        assert_eq!(found, gold, "{}", doc.id);
    }
    assert_eq!(docs, 5);
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
