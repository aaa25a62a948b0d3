//! Property tests: spelled-out numbers round-trip through a generator of
//! English number words; the stage never panics, returns valid, ordered,
//! non-overlapping spans inside sentences with finite values, reads digit
//! numbers exactly, and is deterministic.

use lede_core::{Document, NumberValue, Span, Stage};
use lede_numbers::NumbersStage;
use proptest::prelude::*;

const ONES: [&str; 20] = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
];
const TENS: [&str; 10] = [
    "", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
];

fn below_hundred(n: u64, hyphen: bool) -> String {
    if n < 20 {
        return ONES[n as usize].to_string();
    }
    let tens = TENS[(n / 10) as usize];
    match n % 10 {
        0 => tens.to_string(),
        ones => format!(
            "{tens}{}{}",
            if hyphen { "-" } else { " " },
            ONES[ones as usize]
        ),
    }
}

fn below_thousand(n: u64, and: bool, hyphen: bool) -> String {
    let (hundreds, rest) = (n / 100, n % 100);
    let mut out = String::new();
    if hundreds > 0 {
        out.push_str(ONES[hundreds as usize]);
        out.push_str(" hundred");
    }
    if rest > 0 {
        if hundreds > 0 {
            out.push_str(if and { " and " } else { " " });
        }
        out.push_str(&below_hundred(rest, hyphen));
    }
    out
}

/// English words for `n` (< 10^15), British "and" optional.
fn to_words(n: u64, and: bool, hyphen: bool) -> String {
    if n == 0 {
        return "zero".to_string();
    }
    let mut parts = Vec::new();
    let mut rest = n;
    for (scale, name) in [
        (1_000_000_000_000, "trillion"),
        (1_000_000_000, "billion"),
        (1_000_000, "million"),
        (1_000, "thousand"),
    ] {
        let q = rest / scale;
        if q > 0 {
            parts.push(format!("{} {name}", below_thousand(q, and, hyphen)));
            rest %= scale;
        }
    }
    if rest > 0 {
        if and && !parts.is_empty() && rest < 100 {
            parts.push(format!("and {}", below_hundred(rest, hyphen)));
        } else {
            parts.push(below_thousand(rest, and, hyphen));
        }
    }
    parts.join(" ")
}

#[test]
fn generator_writes_english() {
    assert_eq!(to_words(105, true, true), "one hundred and five");
    assert_eq!(to_words(2_005, true, true), "two thousand and five");
    assert_eq!(
        to_words(1_234_567, false, false),
        "one million two hundred thirty four thousand five hundred sixty seven"
    );
    assert_eq!(to_words(23, true, true), "twenty-three");
}

fn stage() -> NumbersStage {
    NumbersStage::new(false).expect("stage builds")
}

fn check_layer(text: &str, sentences: &[Span], stage: &NumbersStage) -> Result<(), TestCaseError> {
    let found = stage.find(text, sentences, None);
    let again = stage.find(text, sentences, None);
    prop_assert_eq!(&found, &again, "not deterministic");
    let mut prev_end = 0;
    for n in &found {
        let span = n.span;
        prop_assert!(
            Span::new(text, span.start(), span.end()).is_ok(),
            "invalid span {span}"
        );
        prop_assert!(!span.is_empty());
        prop_assert!(span.start() >= prev_end, "overlap or disorder at {span}");
        prev_end = span.end();
        prop_assert!(
            sentences.iter().any(|s| s.contains(span)),
            "{span} crosses a sentence boundary"
        );
        if let NumberValue::Number(v) = n.value {
            prop_assert!(v.is_finite());
        }
        for bound in [n.low, n.high].into_iter().flatten() {
            prop_assert!(bound.is_finite());
        }
    }
    Ok(())
}

/// Cuts `text` into sentence spans at the given fractions of its length.
fn sentences_at(text: &str, cuts: &[f64]) -> Vec<Span> {
    let mut points: Vec<usize> = cuts
        .iter()
        .map(|c| {
            let mut p = (c * text.len() as f64) as usize;
            while p < text.len() && !text.is_char_boundary(p) {
                p += 1;
            }
            p.min(text.len())
        })
        .collect();
    points.push(0);
    points.push(text.len());
    points.sort_unstable();
    points.dedup();
    points
        .windows(2)
        .map(|w| Span::from_boundaries(text, w[0], w[1]))
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn spelled_numbers_round_trip(n in 0u64..1_000_000_000_000_000, and: bool, hyphen: bool) {
        let stage = stage();
        let words = to_words(n, and, hyphen);
        prop_assert_eq!(stage.parse_spelled(&words), Some(n as f64), "{}", words);
        // And inside a sentence, with the noun it counts.
        let text = format!("Officials said {words} ballots were counted.");
        let found = stage.find_in_text(&text);
        prop_assert_eq!(found.len(), 1, "{:?}", found);
        prop_assert_eq!(found[0].span.text(&text), words.as_str());
        prop_assert_eq!(&found[0].value, &NumberValue::Number(n as f64));
        prop_assert_eq!(found[0].unit.as_deref(), Some("ballots"));
    }

    #[test]
    fn small_spelled_numbers_round_trip(n in 0u64..10_000, and: bool, hyphen: bool) {
        let words = to_words(n, and, hyphen);
        prop_assert_eq!(stage().parse_spelled(&words), Some(n as f64), "{}", words);
    }

    #[test]
    fn digit_numbers_are_exact(n in 0u64..1_000_000_000_000, decimals in proptest::option::of(0u32..1000), commas: bool) {
        let int = if commas {
            let digits = n.to_string();
            let mut out = String::new();
            for (k, c) in digits.chars().enumerate() {
                if k > 0 && (digits.len() - k) % 3 == 0 {
                    out.push(',');
                }
                out.push(c);
            }
            out
        } else {
            n.to_string()
        };
        let written = match decimals {
            Some(d) => format!("{int}.{d}"),
            None => int,
        };
        let text = format!("Officials counted {written} ballots in total.");
        let found = stage().find_in_text(&text);
        prop_assert_eq!(found.len(), 1, "{:?}", found);
        prop_assert_eq!(found[0].span.text(&text), written.as_str());
        let expected: f64 = written.replace(',', "").parse().expect("digits parse");
        prop_assert_eq!(&found[0].value, &NumberValue::Number(expected));
    }

    #[test]
    fn never_panics_on_any_text(
        text in "(\\PC|[0-9$€%,.:/\\-‑– ]|one |thousand |first |May |a\\.m\\. |pre-){0,120}",
        cuts in proptest::collection::vec(0.0f64..1.0, 0..5),
    ) {
        let stage = stage();
        let sentences = sentences_at(&text, &cuts);
        check_layer(&text, &sentences, &stage)?;
    }

    #[test]
    fn never_panics_on_news_like_text(
        parts in proptest::collection::vec(
            prop_oneof![
                Just("over "), Just("35,000 "), Just("Palestinians "), Just("a "), Just("year "),
                Just("60-day "), Just("ceasefire "), Just("October 7, 2023"), Just("10 p.m. "),
                Just("$1.5 billion "), Just("hundreds of thousands "), Just("between 20 and 30 "),
                Just("two-thirds "), Just("one "), Just("half "), Just("Channel 13 "), Just("85% "),
                Just("twenty-three "), Just("and "), Just("-"), Just("‑"), Just("."), Just(", "),
                Just("the "), Just("first "), Just("pre"), Just("9"), Just("/"), Just("’s "),
                Just("1990s "), Just("'90s "), Just("mid-"), Just("2025-26 "), Just("spring "),
                Just("40C "), Just("(104F) "), Just("°C "), Just("degrees "), Just("Celsius "),
                Just("mb/d "), Just("km2 "), Just("metric "), Just("tons "), Just("eleventh "),
                Just("Tuesday "), Just("twelve (12) "), Just("per cent of "),
            ],
            0..40,
        ),
        cuts in proptest::collection::vec(0.0f64..1.0, 0..4),
    ) {
        let text: String = parts.concat();
        let stage = stage();
        let sentences = sentences_at(&text, &cuts);
        check_layer(&text, &sentences, &stage)?;
        let mut doc = Document::new("p", text.clone());
        doc.layers.sentences = Some(sentences);
        prop_assert!(stage.process(&mut doc).is_ok());
    }
}

#[test]
fn missing_sentences_is_an_error_not_a_panic() {
    let mut doc = Document::new("x", "Over 35,000 died.");
    assert!(stage().process(&mut doc).is_err());
}

#[test]
fn work_grows_linearly() {
    // The output for a repeated paragraph is the paragraph's output repeated:
    // nothing looks further than a few tokens.
    let para =
        "Over 35,000 Palestinians died in a 60-day war; 2.3 million fled by October 7, 2023. ";
    let stage = stage();
    let one = stage.find_in_text(para).len();
    let text = para.repeat(200);
    assert_eq!(stage.find_in_text(&text).len(), one * 200);
}

#[test]
fn linear_on_a_long_run_of_digits_commas_and_words() {
    // One sentence of a few megabytes with no white space in the digit runs
    // ("1,2,3,...") and number words between them: every number is found
    // and the output for a repeated block is the block's output repeated.
    let block = "1,2,3,45,678,9,10,twenty,30,1990s,40C,2025-26,eleventh,";
    let stage = stage();
    let one = stage.find_in_text(block).len();
    assert!(one >= 10, "{one}");
    let reps = 2_000_000 / block.len();
    let text = block.repeat(reps);
    assert_eq!(stage.find_in_text(&text).len(), one * reps);
}
