//! Scores the stage on the five seed articles against their gold numbers:
//! once with the gold sentences (the stage's own score) and once with the
//! sentences of lede-segment (the pipeline's). Targets: span F1 at least 95,
//! kind and value right on at least 98% of matched spans.

use lede_core::json::{from_json, OffsetUnit};
use lede_core::{Document, NumberAnnotation, NumberValue, Stage};
use lede_numbers::NumbersStage;

const GOLD: &str = include_str!("../../../corpus/seeds/gold.jsonl");

fn same_value(a: &NumberValue, b: &NumberValue) -> bool {
    match (a, b) {
        (NumberValue::Number(x), NumberValue::Number(y)) => {
            (x - y).abs() <= 1e-9 * y.abs().max(1.0)
        }
        (NumberValue::Text(x), NumberValue::Text(y)) => x == y,
        _ => false,
    }
}

fn show(doc: &Document, n: &NumberAnnotation) -> String {
    format!(
        "{:?} {} {:?} unit={:?} mod={:?} approx={}",
        doc.slice(n.span),
        n.kind.as_str(),
        n.value,
        n.unit,
        n.modifier,
        n.approx
    )
}

#[derive(Clone, Copy)]
enum Sentences {
    Gold,
    Segmenter,
}

#[test]
fn seeds_meet_the_targets_with_gold_sentences() {
    score(Sentences::Gold);
}

#[test]
fn seeds_meet_the_targets_with_segmenter_sentences() {
    score(Sentences::Segmenter);
}

fn score(sentences: Sentences) {
    let stage = NumbersStage::new(false).expect("stage builds");
    let (mut tp, mut fp, mut fn_, mut kind_value_ok, mut unit_ok, mut modifier_ok) =
        (0usize, 0usize, 0usize, 0usize, 0usize, 0usize);
    for line in GOLD.lines().filter(|l| !l.trim().is_empty()) {
        let gold_doc = from_json(line, OffsetUnit::CodePoints).expect("gold parses");
        let gold = gold_doc.layers.numbers.clone().expect("gold has numbers");
        let mut doc = Document::new(gold_doc.id.clone(), gold_doc.text.clone());
        doc.layers.sentences = match sentences {
            Sentences::Gold => gold_doc.layers.sentences.clone(),
            Sentences::Segmenter => Some(lede_segment::sentences(&doc.text)),
        };
        stage.process(&mut doc).expect("stage runs");
        let found = doc.layers.numbers.clone().expect("numbers layer");
        for g in &gold {
            match found.iter().find(|f| f.span == g.span) {
                Some(f) => {
                    tp += 1;
                    if f.kind == g.kind && same_value(&f.value, &g.value) {
                        kind_value_ok += 1;
                    } else {
                        println!(
                            "{} VALUE gold {} / got {}",
                            doc.id,
                            show(&doc, g),
                            show(&doc, f)
                        );
                    }
                    if f.unit == g.unit {
                        unit_ok += 1;
                    } else {
                        println!(
                            "{} UNIT gold {} / got {}",
                            doc.id,
                            show(&doc, g),
                            show(&doc, f)
                        );
                    }
                    if f.modifier == g.modifier && f.approx == g.approx {
                        modifier_ok += 1;
                    } else {
                        println!(
                            "{} MOD gold {} / got {}",
                            doc.id,
                            show(&doc, g),
                            show(&doc, f)
                        );
                    }
                }
                None => {
                    fn_ += 1;
                    println!("{} MISSED {}", doc.id, show(&doc, g));
                }
            }
        }
        for f in &found {
            if !gold.iter().any(|g| g.span == f.span) {
                fp += 1;
                println!("{} EXTRA {}", doc.id, show(&doc, f));
            }
        }
    }
    let precision = tp as f64 / (tp + fp).max(1) as f64;
    let recall = tp as f64 / (tp + fn_).max(1) as f64;
    let f1 = 100.0 * 2.0 * precision * recall / (precision + recall).max(f64::EPSILON);
    let kind_value = 100.0 * kind_value_ok as f64 / tp.max(1) as f64;
    println!(
        "span F1 {f1:.1} (tp {tp}, fp {fp}, fn {fn_}); kind+value {kind_value:.1}%; unit {unit_ok}/{tp}; modifier+approx {modifier_ok}/{tp}"
    );
    assert!(f1 >= 95.0, "span F1 {f1:.1} < 95");
    assert!(kind_value >= 98.0, "kind+value {kind_value:.1}% < 98%");
}
