//! Scores the stage on the five seed articles against their gold numbers:
//! once with the gold sentences (the stage's own score) and once with the
//! sentences of lede-segment (the pipeline's). Targets: span F1 at least 95,
//! kind and value right on at least 98% of matched spans.

use lede_core::testing::gold_seeds;
use lede_core::{Document, NumberAnnotation, Stage};
use lede_eval::{same_value, score_numbers, Counts};
use lede_numbers::NumbersStage;

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
    // Span counts are lede-eval's (what `lede eval` reports); the loops
    // below only print what differs and count kind+value, unit, modifier.
    let mut spans = Counts::default();
    let (mut kind_value_ok, mut unit_ok, mut modifier_ok) = (0usize, 0usize, 0usize);
    for gold_doc in gold_seeds() {
        let gold = gold_doc.layers.numbers.clone().expect("gold has numbers");
        let mut doc = Document::new(gold_doc.id.clone(), gold_doc.text.clone());
        doc.layers.sentences = match sentences {
            Sentences::Gold => gold_doc.layers.sentences.clone(),
            Sentences::Segmenter => Some(lede_segment::sentences(&doc.text)),
        };
        stage.process(&mut doc).expect("stage runs");
        let found = doc.layers.numbers.clone().expect("numbers layer");
        spans.add(score_numbers(&gold, &found).spans);
        for g in &gold {
            match found.iter().find(|f| f.span == g.span) {
                Some(f) => {
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
                    println!("{} MISSED {}", doc.id, show(&doc, g));
                }
            }
        }
        for f in &found {
            if !gold.iter().any(|g| g.span == f.span) {
                println!("{} EXTRA {}", doc.id, show(&doc, f));
            }
        }
    }
    let Counts { tp, fp, fn_ } = spans;
    let f1 = 100.0 * spans.f1();
    let kind_value = 100.0 * kind_value_ok as f64 / tp.max(1) as f64;
    println!(
        "span F1 {f1:.1} (tp {tp}, fp {fp}, fn {fn_}); kind+value {kind_value:.1}%; unit {unit_ok}/{tp}; modifier+approx {modifier_ok}/{tp}"
    );
    assert!(f1 >= 95.0, "span F1 {f1:.1} < 95");
    assert!(kind_value >= 98.0, "kind+value {kind_value:.1}% < 98%");
}
