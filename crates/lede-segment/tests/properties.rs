//! Properties that hold for any input, and linear running time.

use std::time::{Duration, Instant};

use lede_core::Span;
use lede_segment::{paragraphs, Segmenter};
use proptest::prelude::*;

/// Text built from the characters that steer the scanners (news
/// punctuation, quotes, apostrophes, dashes, white space of every kind,
/// marks, emoji, digits, other scripts) plus any other code point.
fn newsy_text() -> impl Strategy<Value = String> {
    let pieces = prop_oneof![
        4 => "[a-zA-Z]{1,8}",
        2 => "[0-9]{1,4}",
        3 => prop::sample::select(vec![
            " ", " ", "\n", "\r\n", "\t", "\u{00A0}", "\u{2029}", "\u{3000}", ".", "..", "...", "…", "?", "!", "?!",
            ",", ":", ";", "-", "--", "—", "–", "\u{2011}", "'", "’", "‘", "“", "”", "\"", "(", ")", "[", "]",
            "@", "#", "&", "$", "%", "+", "/", "_", "U.S.", "Mr.", "p.m.", "J.D.", "etc.", "1.", "2.3",
            "35,000", "n’t", "’s", "https://", "www.", "t.co/", "@x.com", "\u{0301}", "\u{200D}", "\u{FE0F}",
            "😀", "🇮", "🇱", "👍🏽", "中", "נ", "ש", "é", "\u{1F3FB}", "\u{0}", "\u{1F}", "\u{FEFF}",
        ]).prop_map(str::to_string),
        1 => "\\PC",
        1 => any::<char>().prop_map(|c| c.to_string()),
    ];
    prop::collection::vec(pieces, 0..60).prop_map(|v| v.concat())
}

fn non_space_offsets(text: &str) -> Vec<usize> {
    text.char_indices()
        .filter(|(_, c)| !c.is_whitespace())
        .map(|(i, _)| i)
        .collect()
}

fn check_partition(text: &str, spans: &[Span], what: &str) -> Result<(), TestCaseError> {
    let mut last_end = 0;
    for s in spans {
        prop_assert!(
            Span::new(text, s.start(), s.end()).is_ok(),
            "{what} {s} not on char boundaries"
        );
        prop_assert!(!s.is_empty(), "empty {what}");
        prop_assert!(
            s.start() >= last_end,
            "{what} out of order or overlapping at {s}"
        );
        last_end = s.end();
    }
    // Every non-white-space char lies in exactly one span (spans are
    // ordered and disjoint, so a merge walk counts coverage).
    let mut k = 0;
    for off in non_space_offsets(text) {
        while k < spans.len() && spans[k].end() <= off {
            k += 1;
        }
        prop_assert!(
            k < spans.len() && spans[k].start() <= off,
            "char at {off} is in no {what}"
        );
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn sentences_partition_the_text_within_paragraphs(text in newsy_text()) {
        let segmenter = Segmenter::new();
        let paras = paragraphs(&text);
        let sentences = segmenter.sentences(&text);
        check_partition(&text, &paras, "paragraph")?;
        check_partition(&text, &sentences, "sentence")?;
        for s in &sentences {
            prop_assert!(paras.iter().any(|p| p.contains(*s)), "sentence {} crosses a paragraph", s);
            let t = s.text(&text);
            prop_assert!(!t.starts_with(char::is_whitespace) && !t.ends_with(char::is_whitespace), "untrimmed {:?}", t);
        }
        prop_assert_eq!(segmenter.sentences_in(&text, &paras), sentences.clone());
        prop_assert_eq!(segmenter.sentences(&text), sentences, "not deterministic");
    }

    #[test]
    fn tokens_partition_the_non_space_text(text in newsy_text()) {
        let segmenter = Segmenter::new();
        let tokens = segmenter.tokens(&text);
        let spans: Vec<Span> = tokens.iter().map(|t| t.span).collect();
        check_partition(&text, &spans, "token")?;
        for t in &tokens {
            prop_assert!(!t.span.text(&text).contains(char::is_whitespace), "token {:?} has white space", t.span.text(&text));
        }
        prop_assert_eq!(segmenter.tokens(&text), tokens, "not deterministic");
    }

    #[test]
    fn sentences_never_cut_a_token(text in newsy_text()) {
        let segmenter = Segmenter::new();
        let sentences = segmenter.sentences(&text);
        for t in segmenter.tokens(&text) {
            prop_assert!(sentences.iter().any(|s| s.contains(t.span)), "token {:?} crosses a sentence", t.span.text(&text));
        }
    }
}

/// Best of three runs of `f`.
fn best_time(f: impl Fn()) -> Duration {
    (0..3)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed()
        })
        .min()
        .unwrap_or_default()
}

/// Time on `small` copies of `unit` against 4 times as many. Linear code
/// takes about 4 times as long, give or take cache effects and other load
/// on the machine (hence the slack of a factor 10 plus 0.3 s); a scan that
/// is quadratic on these inputs would take minutes on the larger one.
fn assert_linear(name: &str, unit: &str, small: usize) {
    let segmenter = Segmenter::new();
    let a = unit.repeat(small);
    let b = unit.repeat(small * 4);
    let run = |text: &str| {
        std::hint::black_box(segmenter.sentences(text));
        std::hint::black_box(segmenter.tokens(text));
    };
    let ta = best_time(|| run(&a)).as_secs_f64().max(1e-4);
    let tb = best_time(|| run(&b)).as_secs_f64();
    let ratio = tb / ta;
    assert!(
        tb < 10.0 * ta + 0.3,
        "{name}: {} bytes took {ta:.4}s, {} bytes took {tb:.4}s (x{ratio:.1})",
        a.len(),
        b.len()
    );
}

#[test]
fn linear_on_text_without_sentence_punctuation() {
    assert_linear(
        "no punctuation",
        "hamas and israel agreed on a framework ",
        512 * 1024 / 40,
    );
}

#[test]
fn linear_on_a_single_huge_word() {
    assert_linear("one word", "a", 256 * 1024);
    assert_linear("one dotted word", "a.", 64 * 1024);
    assert_linear("one hyphenated number", "1-", 64 * 1024);
}

#[test]
fn linear_on_adversarial_runs() {
    for unit in [
        ".",
        "…",
        "’",
        "?”",
        "U.S. ",
        "1,000",
        "(",
        "http://x/(",
        "a@",
        "#",
        "\u{0301}",
        "👨\u{200D}",
        "1. ",
    ] {
        assert_linear(unit, unit, 48 * 1024 / unit.len());
    }
}
