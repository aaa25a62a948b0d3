//! Properties of the scorer on arbitrary span sets: counts add up, scores
//! stay in [0, 1], a perfect prediction scores 1 and an empty one 0.

use lede_core::{Document, NumberAnnotation, NumberKind, NumberValue, Quote, QuoteKind, Span};
use lede_eval::{exact_spans, score_numbers, score_quotes};
use proptest::prelude::*;

const TEXT: &str =
    "Over 35,000 people have died, officials said, and talks resume in Cairo on Monday.";

/// Sorted, non-overlapping spans of TEXT from arbitrary cut points.
fn spans(cuts: &[usize]) -> Vec<Span> {
    let mut cuts: Vec<usize> = cuts.iter().map(|c| c % (TEXT.len() + 1)).collect();
    cuts.sort_unstable();
    cuts.dedup();
    cuts.chunks_exact(2)
        .filter(|pair| pair[0] < pair[1])
        .map(|pair| Span::new(TEXT, pair[0], pair[1]).unwrap())
        .collect()
}

fn quotes(spans: &[Span], kinds: &[u8]) -> Vec<Quote> {
    spans
        .iter()
        .enumerate()
        .map(|(i, s)| Quote {
            span: *s,
            kind: match kinds.get(i).copied().unwrap_or(0) % 3 {
                0 => QuoteKind::Direct,
                1 => QuoteKind::Partial,
                _ => QuoteKind::Scare,
            },
            speaker: None,
            cue: None,
        })
        .collect()
}

proptest! {
    #[test]
    fn exact_counts_add_up(g in prop::collection::vec(0usize..200, 0..20), p in prop::collection::vec(0usize..200, 0..20)) {
        let (gold, pred) = (spans(&g), spans(&p));
        let c = exact_spans(&gold, &pred);
        prop_assert_eq!(c.tp + c.fn_, gold.len());
        prop_assert_eq!(c.tp + c.fp, pred.len());
        for x in [c.precision(), c.recall(), c.f1()] {
            prop_assert!((0.0..=1.0).contains(&x));
        }
        let perfect = exact_spans(&gold, &gold);
        prop_assert_eq!(perfect.fp + perfect.fn_, 0);
        if !gold.is_empty() {
            prop_assert_eq!(perfect.f1(), 1.0);
            prop_assert_eq!(exact_spans(&gold, &[]).f1(), 0.0);
        }
    }

    #[test]
    fn quote_counts_never_exceed_the_inputs(
        g in prop::collection::vec(0usize..200, 0..16), gk in prop::collection::vec(any::<u8>(), 8),
        p in prop::collection::vec(0usize..200, 0..16), pk in prop::collection::vec(any::<u8>(), 8),
    ) {
        let doc = Document::new("p", TEXT);
        let gold = quotes(&spans(&g), &gk);
        let pred = quotes(&spans(&p), &pk);
        let s = score_quotes(&doc, &gold, &doc, &pred);
        let scored_gold = gold.iter().filter(|q| q.kind != QuoteKind::Scare).count();
        let scored_pred = pred.iter().filter(|q| q.kind != QuoteKind::Scare).count();
        prop_assert_eq!(s.spans.tp + s.spans.fn_, scored_gold);
        prop_assert!(s.spans.tp + s.spans.fp <= scored_pred);
        prop_assert_eq!(s.speaker.total, s.spans.tp);
        // Predicting the gold itself is perfect.
        let own = score_quotes(&doc, &gold, &doc, &gold);
        prop_assert_eq!((own.spans.fp, own.spans.fn_), (0, 0));
        prop_assert_eq!(own.speaker.correct, own.speaker.total);
    }

    #[test]
    fn number_accuracies_are_over_matched_spans(g in prop::collection::vec(0usize..200, 0..16), p in prop::collection::vec(0usize..200, 0..16)) {
        let make = |s: &Span| NumberAnnotation::new(*s, NumberKind::Cardinal, NumberValue::Number(s.start() as f64));
        let gold: Vec<NumberAnnotation> = spans(&g).iter().map(make).collect();
        let pred: Vec<NumberAnnotation> = spans(&p).iter().map(make).collect();
        let s = score_numbers(&gold, &pred);
        prop_assert_eq!(s.kind.total, s.spans.tp);
        prop_assert_eq!(s.value.total, s.spans.tp);
        // Same span, same made-up value: every match is right.
        prop_assert_eq!(s.value.correct, s.spans.tp);
    }
}
