//! The table of quote cases: how a case is written, the document it stands
//! for (entities as a recogniser would give them, sentences by a plain
//! splitter, lines as paragraphs), and the check that every case reads as
//! a careful reader would.
#![allow(dead_code)]

use lede_core::{Document, Entity, EntityLabel, OptionValue, Options, Span, Stage};
use lede_quotes::QuotesStage;

/// One case: the text, its entities as `LABEL:Name|LABEL:Name`, and the
/// expected quotes as (text, kind, speaker). The speaker is compared with the
/// canonical name (else the mention text); "" means no speaker and "*" means
/// the speaker of that (scare) quote is not checked.
pub struct Case {
    pub text: &'static str,
    pub entities: &'static str,
    pub expect: &'static [(&'static str, &'static str, &'static str)],
}

fn label(s: &str) -> EntityLabel {
    s.parse().unwrap_or_else(|e| panic!("{e}"))
}

/// Every whole-word occurrence of each name, longest names first, no overlaps.
fn entities(text: &str, spec: &str) -> Vec<Entity> {
    let mut names: Vec<(&str, &str)> = spec
        .split('|')
        .filter(|s| !s.is_empty())
        .map(|s| s.split_once(':').expect("LABEL:Name"))
        .collect();
    names.sort_by_key(|(_, n)| std::cmp::Reverse(n.len()));
    let mut out: Vec<Entity> = Vec::new();
    for (lab, name) in names {
        for (start, _) in text.match_indices(name) {
            let end = start + name.len();
            let before_ok = text[..start]
                .chars()
                .next_back()
                .is_none_or(|c| !c.is_alphanumeric());
            let after_ok = text[end..]
                .chars()
                .next()
                .is_none_or(|c| !c.is_alphanumeric());
            let free = out
                .iter()
                .all(|e| e.span.end() <= start || e.span.start() >= end);
            if before_ok && after_ok && free {
                out.push(Entity {
                    span: Span::new(text, start, end).unwrap(),
                    label: label(lab),
                    canonical: None,
                    title: None,
                });
            }
        }
    }
    out.sort_by_key(|e| e.span.start());
    out
}

const ABBREVIATIONS: [&str; 10] = [
    "Mr", "Mrs", "Ms", "Dr", "St", "U.S", "U.N", "a.m", "p.m", "J.D",
];

/// Sentences as the gold guidelines draw them: a sentence ends at . ! ? …
/// (with closing quotes) before white space and an uppercase letter, digit
/// or opening quote; never after an abbreviation.
fn sentences(text: &str, paragraphs: &[Span]) -> Vec<Span> {
    let mut out = Vec::new();
    for p in paragraphs {
        let (lo, hi) = (p.start(), p.end());
        let mut start = lo;
        let chars: Vec<(usize, char)> = text[lo..hi]
            .char_indices()
            .map(|(i, c)| (lo + i, c))
            .collect();
        let mut k = 0;
        while k < chars.len() {
            let (i, c) = chars[k];
            if matches!(c, '.' | '!' | '?' | '…') {
                let word_start = text[start..i]
                    .rfind(|c: char| c.is_whitespace())
                    .map_or(start, |w| start + w + 1);
                let word = &text[word_start..i];
                let abbreviation = ABBREVIATIONS.contains(&word)
                    || (word.len() == 1 && word.chars().all(|c| c.is_ascii_uppercase()));
                let mut e = k + 1;
                while e < chars.len() && matches!(chars[e].1, '”' | '"' | '’' | '\'' | ')' | '»')
                {
                    e += 1;
                }
                let end = chars.get(e).map_or(hi, |x| x.0);
                let next_ok = e < chars.len()
                    && chars[e].1.is_whitespace()
                    && chars.get(e + 1).is_some_and(|x| {
                        x.1.is_uppercase()
                            || x.1.is_ascii_digit()
                            || matches!(x.1, '“' | '"' | '‘' | '«')
                    });
                if c == '.' && abbreviation {
                    k += 1;
                    continue;
                }
                if next_ok {
                    out.push(Span::new(text, start, end).unwrap());
                    start = chars[e + 1].0;
                    k = e + 1;
                    continue;
                }
            }
            k += 1;
        }
        if start < hi {
            out.push(Span::new(text, start, hi).unwrap());
        }
    }
    out
}

pub fn document(text: &str, entity_spec: &str) -> Document {
    let mut doc = Document::new("case", text);
    let paragraphs = lede_quotes::lines(text);
    doc.layers.sentences = Some(sentences(text, &paragraphs));
    doc.layers.paragraphs = Some(paragraphs);
    doc.layers.entities = Some(entities(text, entity_spec));
    doc
}

pub fn all_kinds() -> QuotesStage {
    let mut options = Options::new();
    options.insert(
        "kinds",
        OptionValue::StringList(vec!["direct".into(), "partial".into(), "scare".into()]),
    );
    QuotesStage::from_options(&options).unwrap()
}

/// `got` is "canonical@mention"; `expected` is "*" (not checked), a name
/// (compared with the canonical name, else the mention) or "name@mention"
/// (both compared).
fn same_speaker(got: &str, expected: &str) -> bool {
    if expected == "*" {
        return true;
    }
    if expected.contains('@') {
        return got == expected;
    }
    got.split('@').next().unwrap_or("") == expected
}

/// Runs every case through the stage (all kinds emitted) and fails with
/// the list of cases read wrongly.
pub fn check(cases: &[Case]) {
    let stage = all_kinds();
    let mut failures = Vec::new();
    for case in cases {
        let mut doc = document(case.text, case.entities);
        stage.process(&mut doc).unwrap();
        let got: Vec<(String, String, String)> = doc
            .layers
            .quotes
            .as_deref()
            .unwrap()
            .iter()
            .map(|q| {
                let who = q
                    .speaker
                    .as_ref()
                    .map(|s| {
                        let name = s.canonical.clone().unwrap_or_else(|| s.text.clone());
                        format!("{name}@{}", s.text)
                    })
                    .unwrap_or_default();
                (
                    q.span.text(&doc.text).to_string(),
                    q.kind.as_str().to_string(),
                    who,
                )
            })
            .collect();
        let same = got.len() == case.expect.len()
            && got
                .iter()
                .zip(case.expect)
                .all(|(g, e)| g.0 == e.0 && g.1 == e.1 && same_speaker(&g.2, e.2));
        if !same {
            failures.push(format!(
                "{}\n    expected {:?}\n    got      {:?}",
                case.text, case.expect, got
            ));
        }
    }
    let credited: Vec<&(&str, &str, &str)> = cases
        .iter()
        .flat_map(|c| c.expect.iter())
        .filter(|e| e.1 != "scare")
        .collect();
    let nulls = credited.iter().filter(|e| e.2.is_empty()).count();
    eprintln!(
        "{} cases, {} direct/partial quotes, speaker null for {nulls} ({:.1}%)",
        cases.len(),
        credited.len(),
        100.0 * nulls as f64 / credited.len().max(1) as f64
    );
    assert!(
        failures.is_empty(),
        "{} of {} cases wrong:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}
