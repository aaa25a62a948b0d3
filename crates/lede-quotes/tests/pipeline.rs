//! The seeds through the real upstream stages (lede-segment, lede-ner), as
//! `lede run` would process them, scored like `lede eval` scores quotes.

mod common;

use common::{score, Score};
use lede_core::json::{from_json, OffsetUnit};
use lede_core::{Document, Options, Stage, StageInfo};

const GOLD: &str = include_str!("../../../corpus/seeds/gold.jsonl");

fn build(info: StageInfo) -> Box<dyn Stage> {
    (info.build)(&Options::defaults(&info.options)).expect("stage builds")
}

#[test]
fn seeds_through_segment_and_ner() {
    let stages = [
        build(lede_segment::stage_info()),
        build(lede_ner::stage_info()),
        build(lede_quotes::stage_info()),
    ];
    let mut s = Score::default();
    for line in GOLD.lines().filter(|l| !l.trim().is_empty()) {
        let gold = from_json(line, OffsetUnit::CodePoints).unwrap();
        let mut doc = Document::new(gold.id.clone(), gold.text.clone());
        for stage in &stages {
            stage.process(&mut doc).unwrap();
        }
        score(&gold, doc.layers.quotes.as_deref().unwrap(), &mut s);
    }
    s.report("seeds (lede-segment + lede-ner)");
    // The targets, on predicted layers as `lede eval` measures them.
    assert!(s.f1() >= 95.0, "F1 {:.1}", s.f1());
    assert!(
        s.speaker_accuracy() >= 95.0,
        "speaker {:.1}%",
        s.speaker_accuracy()
    );
}

/// Readers' answers listed one to a line inside one paragraph (a segmenter
/// that breaks paragraphs only at blank lines): each signed line credits
/// its own signer, not the one above it.
#[test]
fn sign_offs_at_line_ends_inside_one_paragraph() {
    let text = "We asked readers what they made of the debate.\n\n\
“He never answered the question on trade. Not once.” ― Marta Kowalski\n\
“She had the numbers, and she had them ready.” ― Oscar P. Quintero\n\
“Neither of them talked about the rent.” ― Dev Patel";
    let mut doc = Document::new("letters", text);
    for stage in [
        build(lede_segment::stage_info()),
        build(lede_ner::stage_info()),
    ] {
        stage.process(&mut doc).unwrap();
    }
    let start = text.find('“').unwrap();
    let paragraphs = vec![
        lede_core::Span::from_boundaries(text, 0, start - 2),
        lede_core::Span::from_boundaries(text, start, text.len()),
    ];
    doc.layers.paragraphs = Some(paragraphs);
    build(lede_quotes::stage_info()).process(&mut doc).unwrap();
    let got: Vec<(&str, &str)> = doc
        .layers
        .quotes
        .as_deref()
        .unwrap()
        .iter()
        .map(|q| {
            (
                q.span.text(text),
                q.speaker.as_ref().map_or("-", |s| s.text.as_str()),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            (
                "He never answered the question on trade. Not once.",
                "Marta Kowalski"
            ),
            (
                "She had the numbers, and she had them ready.",
                "Oscar P. Quintero"
            ),
            ("Neither of them talked about the rent.", "Dev Patel"),
        ]
    );
}

/// A title the word lists lack, written with a period before the name
/// ("Del." for a delegate): the segmenter keeps the sentence whole, and the
/// phrase after "said" reads on across the period to the name.
#[test]
fn a_title_with_a_period_the_lists_lack() {
    let text = "Democrats also described the showdown as ominous.\n\n\
\"This is a waste of time. It is destroying this committee,\" said Del. Stacey Plaskett of the Virgin Islands.";
    let mut doc = Document::new("delegate", text);
    for stage in [
        build(lede_segment::stage_info()),
        build(lede_ner::stage_info()),
        build(lede_quotes::stage_info()),
    ] {
        stage.process(&mut doc).unwrap();
    }
    let got: Vec<(&str, Option<&str>)> = doc
        .layers
        .quotes
        .as_deref()
        .unwrap()
        .iter()
        .map(|q| {
            (
                q.span.text(text),
                q.speaker.as_ref().and_then(|s| s.canonical.as_deref()),
            )
        })
        .collect();
    // The entity layer may keep the title with the name ("Del. Stacey
    // Plaskett"); the speaker is the delegate either way.
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(
        got[0].0,
        "This is a waste of time. It is destroying this committee,"
    );
    assert!(
        got[0].1.is_some_and(|c| c.ends_with("Stacey Plaskett")),
        "{got:?}"
    );
}

/// Scraped news often keeps a no-break space (U+00A0) after "Mr." or
/// between words; a cue with one before a word ending in a period, between
/// two halves of a quotation, is read like any other.
#[test]
fn a_no_break_space_in_the_cue_between_two_quotes() {
    let stages = [
        build(lede_segment::stage_info()),
        build(lede_ner::stage_info()),
        build(lede_quotes::stage_info()),
    ];
    let text = "“I think,” said Mr.\u{a0}Lopez. He paused: “that the cuts will hold.”";
    let mut doc = Document::new("nbsp", text.to_string());
    for stage in &stages {
        stage.process(&mut doc).unwrap();
    }
    let quotes = doc.layers.quotes.as_deref().unwrap();
    let found: Vec<(&str, Option<&str>, Option<&str>)> = quotes
        .iter()
        .map(|q| {
            let sp = q.speaker.as_ref();
            (
                q.span.text(text),
                sp.map(|s| s.text.as_str()),
                sp.and_then(|s| s.canonical.as_deref()),
            )
        })
        .collect();
    assert_eq!(
        found,
        [
            ("I think,", Some("Lopez"), Some("Lopez")),
            ("that the cuts will hold.", Some("He"), Some("Lopez")),
        ]
    );
}
