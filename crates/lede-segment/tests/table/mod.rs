//! The runner shared by the sentence tables: each case is (category, text,
//! the sentences a careful reader finds).

use lede_segment::Segmenter;

pub type Case = (&'static str, &'static str, &'static [&'static str]);

fn split<'a>(segmenter: &Segmenter, text: &'a str) -> Vec<&'a str> {
    segmenter
        .sentences(text)
        .iter()
        .map(|s| s.text(text))
        .collect()
}

/// Every case splits as expected; all differences are reported at once.
pub fn assert_cases_split_as_expected(cases: &[Case], at_least: usize) {
    assert!(cases.len() >= at_least, "only {} cases", cases.len());
    let segmenter = Segmenter::new();
    let mut failures = Vec::new();
    for (category, text, expected) in cases {
        let got = split(&segmenter, text);
        if got != *expected {
            failures.push(format!(
                "[{category}] {text:?}\n   expected {expected:?}\n   got      {got:?}"
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases differ:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}

/// The sentences of each case, joined, give back the text minus white space.
pub fn assert_cases_keep_all_text(cases: &[Case]) {
    let segmenter = Segmenter::new();
    for (_, text, _) in cases {
        let joined: String = split(&segmenter, text)
            .concat()
            .split_whitespace()
            .collect();
        let original: String = text.split_whitespace().collect();
        assert_eq!(joined, original);
    }
}
