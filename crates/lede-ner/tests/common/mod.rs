//! Helpers shared by the test files: run the stage on a text segmented as
//! the default pipeline does, list the entities found, and check lists of
//! news-sentence cases.

// Each test file uses a part of these.
#![allow(dead_code)]

use lede_core::{Document, Stage};
use lede_ner::Ner;

/// The document of `text`, segmented by lede-segment and tagged by `ner`.
pub fn run_with(ner: &Ner, text: &str) -> Document {
    let mut doc = Document::new("t", text);
    let seg = lede_segment::segment(text);
    doc.layers.sentences = Some(seg.sentences);
    doc.layers.tokens = Some(seg.tokens);
    ner.process(&mut doc).expect("ner runs");
    doc
}

/// (text, label) of every entity of a tagged document.
pub fn found(doc: &Document) -> Vec<(String, &'static str)> {
    doc.layers
        .entities
        .as_deref()
        .unwrap_or(&[])
        .iter()
        .map(|e| (doc.slice(e.span).to_string(), e.label.as_str()))
        .collect()
}

/// (text, label) of every entity `ner` finds in `text`.
pub fn entities(ner: &Ner, text: &str) -> Vec<(String, &'static str)> {
    found(&run_with(ner, text))
}

/// Labels of every mention of `name` in `text`, in order.
pub fn labels_of(ner: &Ner, text: &str, name: &str) -> Vec<&'static str> {
    entities(ner, text)
        .into_iter()
        .filter(|(t, _)| t == name)
        .map(|(_, l)| l)
        .collect()
}

/// A news text, the entities a careful reader marks in it (text, label) and
/// texts that must not be entities.
pub struct Case {
    pub text: &'static str,
    pub want: &'static [(&'static str, &'static str)],
    pub not: &'static [&'static str],
}

/// Checks every case: returns the number of checks made and a line per
/// failed one (a missing entity, a false one, an entity with white space at
/// an edge).
pub fn check_cases(ner: &Ner, cases: &[Case]) -> (usize, Vec<String>) {
    let mut failures = Vec::new();
    let mut checks = 0;
    for case in cases {
        let found = entities(ner, case.text);
        for &(text, label) in case.want {
            checks += 1;
            if !found.iter().any(|(t, l)| t == text && *l == label) {
                failures.push(format!(
                    "missing {text} {label} in {:?}: {found:?}",
                    case.text
                ));
            }
        }
        for &text in case.not {
            checks += 1;
            if found.iter().any(|(t, _)| t == text) {
                failures.push(format!(
                    "{text} is not an entity in {:?}: {found:?}",
                    case.text
                ));
            }
        }
        for (t, _) in &found {
            checks += 1;
            if t.trim() != t {
                failures.push(format!("{t:?} has white space at an edge"));
            }
        }
    }
    (checks, failures)
}
