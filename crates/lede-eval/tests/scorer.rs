//! The scorer on small hand-made cases whose P/R/F1 were worked out by hand
//! (the arithmetic is in the comments).

use lede_core::{
    Document, EntityLabel, NumberAnnotation, NumberKind, NumberValue, Quote, QuoteKind, Span,
    Speaker,
};
use lede_eval::{
    evaluate, same_speaker, score_entities, score_numbers, score_quotes, Counts, LabelMap,
};

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-9
}

use lede_core::testing::{entity, find, nth};

#[test]
fn counts_give_precision_recall_f1() {
    // P = 3/4, R = 3/5, F1 = 2 * .75 * .6 / 1.35 = 2/3.
    let c = Counts {
        tp: 3,
        fp: 1,
        fn_: 2,
    };
    assert!(close(c.precision(), 0.75));
    assert!(close(c.recall(), 0.6));
    assert!(close(c.f1(), 2.0 / 3.0));
    let empty = Counts::default();
    assert_eq!(
        (empty.precision(), empty.recall(), empty.f1()),
        (0.0, 0.0, 0.0)
    );
}

#[test]
fn sentences_exact_and_by_end_boundary() {
    let text = "Hamas accepted. Israel did not. Talks go on.";
    let mut gold = Document::new("s", text);
    gold.layers.sentences = Some(vec![
        find(text, "Hamas accepted."),
        find(text, "Israel did not."),
        find(text, "Talks go on."),
    ]);
    let mut pred = Document::new("s", text);
    // The first split was missed.
    pred.layers.sentences = Some(vec![
        find(text, "Hamas accepted. Israel did not."),
        find(text, "Talks go on."),
    ]);
    let report = evaluate(&[gold], &[pred], LabelMap::OntoNotes).unwrap();
    // Exact spans: only "Talks go on." matches: tp 1, fp 1, fn 2;
    // P = 1/2, R = 1/3, F1 = 2 * (1/6) / (5/6) = 0.4.
    let exact = report.sentences.unwrap();
    assert_eq!(
        exact,
        Counts {
            tp: 1,
            fp: 1,
            fn_: 2
        }
    );
    assert!(close(exact.f1(), 0.4));
    // End boundaries: gold ends {15, 31, 44}, predicted {31, 44}: tp 2, fn 1;
    // P = 1, R = 2/3, F1 = 0.8.
    let ends = report.sentence_ends.unwrap();
    assert_eq!(
        ends,
        Counts {
            tp: 2,
            fp: 0,
            fn_: 1
        }
    );
    assert!(close(ends.f1(), 0.8));
    assert!(
        report.entities.is_none(),
        "gold without entities is not scored"
    );
}

#[test]
fn entities_exact_span_and_label_micro_per_label_and_conll() {
    let text = "Steve Witkoff met Egyptian officials in Cairo and Doha, speaking Arabic.";
    let gold = vec![
        entity(text, "Steve Witkoff", EntityLabel::Person),
        entity(text, "Egyptian", EntityLabel::Norp),
        entity(text, "Cairo", EntityLabel::Gpe),
        entity(text, "Doha", EntityLabel::Gpe),
        // Dropped by the scorer on both sides.
        entity(text, "Arabic", EntityLabel::Language),
    ];
    let pred = vec![
        entity(text, "Witkoff", EntityLabel::Person), // wrong span
        entity(text, "Egyptian", EntityLabel::Norp),
        entity(text, "Cairo", EntityLabel::Loc), // wrong label
        entity(text, "Doha", EntityLabel::Gpe),
    ];
    // OntoNotes: hits Egyptian, Doha; tp 2, fp 2, fn 2: P = R = F1 = 0.5.
    let s = score_entities(&gold, &pred, LabelMap::OntoNotes);
    assert_eq!(
        s.micro,
        Counts {
            tp: 2,
            fp: 2,
            fn_: 2
        }
    );
    assert!(close(s.micro.f1(), 0.5));
    assert_eq!(
        s.per_label["PERSON"],
        Counts {
            tp: 0,
            fp: 1,
            fn_: 1
        }
    );
    assert_eq!(
        s.per_label["NORP"],
        Counts {
            tp: 1,
            fp: 0,
            fn_: 0
        }
    );
    assert_eq!(
        s.per_label["GPE"],
        Counts {
            tp: 1,
            fp: 0,
            fn_: 1
        }
    );
    assert_eq!(
        s.per_label["LOC"],
        Counts {
            tp: 0,
            fp: 1,
            fn_: 0
        }
    );
    assert!(!s.per_label.contains_key("LANGUAGE"));
    // CoNLL: Cairo is LOC on both sides now; only Witkoff's span is wrong:
    // tp 3, fp 1, fn 1: P = R = F1 = 0.75.
    let c = score_entities(&gold, &pred, LabelMap::Conll);
    assert_eq!(
        c.micro,
        Counts {
            tp: 3,
            fp: 1,
            fn_: 1
        }
    );
    assert!(close(c.micro.f1(), 0.75));
    assert_eq!(
        c.per_label["LOC"],
        Counts {
            tp: 2,
            fp: 0,
            fn_: 0
        }
    );
    assert_eq!(
        c.per_label["MISC"],
        Counts {
            tp: 1,
            fp: 0,
            fn_: 0
        }
    );
    assert_eq!(
        c.per_label["PER"],
        Counts {
            tp: 0,
            fp: 1,
            fn_: 1
        }
    );
}

#[test]
fn numbers_span_f1_with_kind_and_value_accuracy() {
    let text = "Over 35,000 died in 2024 and 60 percent fled.";
    let num = |part: &str, kind, value| NumberAnnotation::new(find(text, part), kind, value);
    let gold = vec![
        num("35,000", NumberKind::Cardinal, NumberValue::Number(35000.0)),
        num("2024", NumberKind::Year, NumberValue::Text("2024".into())),
        num("60 percent", NumberKind::Percent, NumberValue::Number(60.0)),
    ];
    let pred = vec![
        // Within 1e-9 relative: the same value.
        num(
            "35,000",
            NumberKind::Cardinal,
            NumberValue::Number(35_000.000_000_01),
        ),
        // Right span, wrong kind, and a number is never equal to a string.
        num("2024", NumberKind::Cardinal, NumberValue::Number(2024.0)),
        // Span too short: a false positive and a miss.
        num("60", NumberKind::Percent, NumberValue::Number(60.0)),
    ];
    // tp 2, fp 1, fn 1: P = R = F1 = 2/3; kind 1/2, value 1/2.
    let s = score_numbers(&gold, &pred);
    assert_eq!(
        s.spans,
        Counts {
            tp: 2,
            fp: 1,
            fn_: 1
        }
    );
    assert!(close(s.spans.f1(), 2.0 / 3.0));
    assert_eq!((s.kind.correct, s.kind.total), (1, 2));
    assert_eq!((s.value.correct, s.value.total), (1, 2));
    assert_eq!(s.value.value(), Some(0.5));
}

fn speaker(text: &str, part: Option<&str>, name: &str, canonical: Option<&str>) -> Option<Speaker> {
    Some(Speaker {
        span: part.map(|p| find(text, p)),
        text: name.into(),
        canonical: canonical.map(str::to_string),
        entity: None,
    })
}

#[test]
fn quotes_overlap_matching_scare_dont_care_and_speakers() {
    let text = "“We are close to a deal,” said Mr. Witkoff. Hamas called it “a trap.” \
                The “framework” stands. “Talks go on,” one official said. The end.";
    let q = |span: Span, kind, speaker| Quote {
        span,
        kind,
        speaker,
        cue: None,
    };
    let gold_doc = Document::new("q", text);
    let gold = vec![
        q(
            find(text, "We are close to a deal,"),
            QuoteKind::Direct,
            speaker(text, Some("Witkoff"), "Witkoff", Some("Witkoff")),
        ),
        q(
            find(text, "a trap."),
            QuoteKind::Partial,
            speaker(text, Some("Hamas"), "Hamas", Some("Hamas")),
        ),
        q(find(text, "framework"), QuoteKind::Scare, None),
        q(
            find(text, "Talks go on,"),
            QuoteKind::Direct,
            speaker(
                text,
                Some("one official"),
                "one official",
                Some("one official"),
            ),
        ),
    ];
    let pred_doc = Document::new("q", text);
    let pred = vec![
        // Overlaps gold 1; speaker named in full, no span: suffix rule.
        q(
            find(text, "We are close"),
            QuoteKind::Direct,
            speaker(text, None, "Steve Witkoff", Some("Steve Witkoff")),
        ),
        // "a trap." predicted as scare: ignored, so gold 2 is missed.
        q(find(text, "a trap."), QuoteKind::Scare, None),
        // On a gold scare quote: don't care.
        q(find(text, "framework"), QuoteKind::Direct, None),
        // Matches gold 4 but names the wrong speaker.
        q(
            find(text, "Talks go on,"),
            QuoteKind::Direct,
            speaker(text, Some("Hamas"), "Hamas", Some("Hamas")),
        ),
        // Not a quote at all.
        q(nth(text, "The end.", 0), QuoteKind::Direct, None),
    ];
    // tp 2 (gold 1, gold 4), fp 1 ("The end."), fn 1 (gold 2):
    // P = R = F1 = 2/3; speakers 1 of 2.
    let s = score_quotes(&gold_doc, &gold, &pred_doc, &pred);
    assert_eq!(
        s.spans,
        Counts {
            tp: 2,
            fp: 1,
            fn_: 1
        }
    );
    assert!(close(s.spans.precision(), 2.0 / 3.0));
    assert_eq!((s.speaker.correct, s.speaker.total), (1, 2));
}

#[test]
fn one_gold_quote_matches_one_prediction_only() {
    let text = "“The parties have the framework, now they need to close the gaps,” he said.";
    let doc = Document::new("q", text);
    let gold = vec![Quote {
        span: find(
            text,
            "The parties have the framework, now they need to close the gaps,",
        ),
        kind: QuoteKind::Direct,
        speaker: None,
        cue: Some("said".into()),
    }];
    let half = |part: &str| Quote {
        span: find(text, part),
        kind: QuoteKind::Direct,
        speaker: None,
        cue: None,
    };
    // Two halves: the larger overlap matches, the other is a false positive.
    // tp 1, fp 1, fn 0: P = 0.5, R = 1, F1 = 2/3. Both speakers null: right.
    let pred = vec![
        half("The parties have"),
        half("the framework, now they need to close the gaps,"),
    ];
    let s = score_quotes(&doc, &gold, &doc, &pred);
    assert_eq!(
        s.spans,
        Counts {
            tp: 1,
            fp: 1,
            fn_: 0
        }
    );
    assert!(close(s.spans.f1(), 2.0 / 3.0));
    assert_eq!((s.speaker.correct, s.speaker.total), (1, 1));
}

#[test]
fn speaker_agreement_rules() {
    let text = "Steve Witkoff said so. The US official agreed. Mr. Koff did not.";
    let doc = Document::new("sp", text);
    let gold_witkoff = speaker(
        text,
        Some("Steve Witkoff"),
        "Steve Witkoff",
        Some("Steve Witkoff"),
    );
    let only_surname = speaker(text, None, "Witkoff", None);
    let koff = speaker(text, Some("Koff"), "Koff", None);
    let official_gold = speaker(
        text,
        Some("The US official"),
        "The US official",
        Some("The US official"),
    );
    let official_pred = speaker(text, None, "the US official", None);
    let overlapping = speaker(text, Some("Witkoff"), "Envoy", None);
    assert!(same_speaker(&doc, None, &doc, None));
    assert!(!same_speaker(&doc, gold_witkoff.as_ref(), &doc, None));
    assert!(!same_speaker(&doc, None, &doc, only_surname.as_ref()));
    assert!(same_speaker(
        &doc,
        gold_witkoff.as_ref(),
        &doc,
        only_surname.as_ref()
    ));
    // "Koff" is a suffix of "Witkoff" but not a whole word of it.
    assert!(!same_speaker(
        &doc,
        gold_witkoff.as_ref(),
        &doc,
        koff.as_ref()
    ));
    assert!(same_speaker(
        &doc,
        official_gold.as_ref(),
        &doc,
        official_pred.as_ref()
    ));
    // Span overlap is enough, whatever the text says.
    assert!(same_speaker(
        &doc,
        gold_witkoff.as_ref(),
        &doc,
        overlapping.as_ref()
    ));
}

#[test]
fn layers_missing_from_predictions_score_zero_recall_and_are_listed() {
    let text = "Qatar and Egypt mediated.";
    let mut gold = Document::new("m", text);
    gold.layers.entities = Some(vec![
        entity(text, "Qatar", EntityLabel::Gpe),
        entity(text, "Egypt", EntityLabel::Gpe),
    ]);
    let pred = Document::new("m", text);
    let report = evaluate(&[gold.clone()], &[pred], LabelMap::OntoNotes).unwrap();
    assert_eq!(
        report.entities.unwrap().micro,
        Counts {
            tp: 0,
            fp: 0,
            fn_: 2
        }
    );
    assert_eq!(report.not_predicted, vec!["entities".to_string()]);
    let json = report_json(&gold);
    assert_eq!(json["layers"]["entities"]["recall"], 1.0);
    assert_eq!(json["layers"]["entities"]["per_label"]["GPE"]["tp"], 2);
    let other = Document::new("m", "another text");
    assert!(evaluate(&[gold], &[other], LabelMap::OntoNotes).is_err());
}

fn report_json(gold: &Document) -> serde_json::Value {
    evaluate(
        std::slice::from_ref(gold),
        std::slice::from_ref(gold),
        LabelMap::OntoNotes,
    )
    .unwrap()
    .to_json()
}
