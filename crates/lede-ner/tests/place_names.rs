//! Place names whose capitalised "The" is part of the name: written inside
//! a sentence, "The Oval" and "The Curragh" keep it; a lower-case "the" and
//! a sentence-opening "The" stay outside the span.

mod common;

use common::{check_cases, Case};
use lede_ner::Ner;

const CASES: &[Case] = &[
    Case {
        text: "Surrey beat Warwickshire by an innings and 164 runs at The Oval on Saturday.",
        // The span is right; its fine label is still GPE where FAC is.
        want: &[("Surrey", "ORG"), ("Warwickshire", "ORG")],
        not: &["Oval"],
    },
    Case {
        text: "Dance Design won the Irish Oaks at The Curragh on Sunday, its trainer said.",
        want: &[],
        not: &["Curragh"],
    },
    Case {
        text: "Officials in the United States said the talks would resume in Geneva.",
        want: &[("United States", "GPE"), ("Geneva", "GPE")],
        not: &["the United States"],
    },
];

#[test]
fn capitalised_the_inside_a_sentence_stays_in_place_names() {
    let ner = Ner::new().expect("model");
    let (checks, failures) = check_cases(&ner, CASES);
    assert!(checks > 0);
    assert!(failures.is_empty(), "{failures:#?}");
    let found = common::entities(&ner, CASES[0].text);
    assert!(found.iter().any(|(t, _)| t == "The Oval"), "{found:?}");
    let found = common::entities(&ner, CASES[1].text);
    assert!(found.iter().any(|(t, _)| t == "The Curragh"), "{found:?}");
}
