//! The five seed articles with their gold sentences and entities as input
//! (gold quotes removed, paragraphs from lines): direct-quote span F1 and
//! speaker accuracy, scored as `lede eval` scores them.

use lede_core::json::{from_json, OffsetUnit};
mod common;

use common::{score, Score};
use lede_core::{Document, QuoteKind, Stage};
use lede_quotes::QuotesStage;

const GOLD: &str = include_str!("../../../corpus/seeds/gold.jsonl");

/// Gold documents, and the same documents prepared as pipeline input.
fn seeds() -> Vec<(Document, Document)> {
    GOLD.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|line| {
            let gold = from_json(line, OffsetUnit::CodePoints).expect("gold line parses");
            let mut input = gold.clone();
            input.layers.quotes = None;
            input.layers.numbers = None;
            input.layers.paragraphs = Some(lede_quotes::lines(&input.text));
            (gold, input)
        })
        .collect()
}

#[test]
fn seeds_meet_the_direct_quote_targets() {
    let stage = QuotesStage::new();
    let mut s = Score::default();
    for (gold, mut input) in seeds() {
        stage.process(&mut input).unwrap();
        let pred = input.layers.quotes.clone().unwrap();
        score(&gold, &pred, &mut s);
    }
    s.report("seeds (gold sentences and entities)");
    let (f1, speaker) = (s.f1(), s.speaker_accuracy());
    assert!(f1 >= 95.0, "direct-quote span F1 {f1:.1} < 95");
    assert!(speaker >= 95.0, "speaker accuracy {speaker:.1}% < 95%");
}

#[test]
fn seed_quotes_keep_their_exact_gold_spans() {
    // Span F1 uses overlap; the spans should nonetheless be the gold ones.
    let stage = QuotesStage::new();
    let mut exact = 0;
    let mut total = 0;
    for (gold, mut input) in seeds() {
        stage.process(&mut input).unwrap();
        let pred = input.layers.quotes.unwrap();
        for g in gold.layers.quotes.as_deref().unwrap_or(&[]) {
            if g.kind == QuoteKind::Scare {
                continue;
            }
            total += 1;
            if pred.iter().any(|p| p.span == g.span) {
                exact += 1;
            }
        }
    }
    assert_eq!(
        exact, total,
        "{exact} of {total} direct gold spans reproduced exactly"
    );
}
