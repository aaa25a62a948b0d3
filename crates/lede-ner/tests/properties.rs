//! Properties of the `ner` stage on arbitrary input: it never panics, its
//! entities lie inside one sentence, on token boundaries (or at a hyphen or
//! possessive inside a token), never overlap, and the output is
//! deterministic. Token layers are both the segmenter's and arbitrary ones.

use lede_core::{Document, Span, Stage, Token, TokenKind};
use lede_ner::Ner;
use proptest::prelude::*;
use std::sync::OnceLock;

fn ner() -> &'static Ner {
    static NER: OnceLock<Ner> = OnceLock::new();
    NER.get_or_init(|| Ner::new().expect("embedded model"))
}

/// News-like text: names, punctuation, hyphens, quotes and odd characters.
fn news_text() -> impl Strategy<Value = String> {
    let words = prop::sample::select(vec![
        "Hamas",
        "Israel",
        "Gaza",
        "Mr.",
        "Witkoff",
        "Steve",
        "said",
        "the",
        "U.S.-brokered",
        "Netanyahu’s",
        "Prime",
        "Minister",
        "Benjamin",
        "Netanyahu",
        "“",
        "”",
        ".",
        ",",
        "-",
        "al-Hayya",
        "Operation",
        "Resolution",
        "2735",
        "White",
        "House",
        "at",
        "crossing",
        "Rafah",
        "THE",
        "DEAL",
        "Qatari",
        "\n",
        "בנימין",
        "🙂",
        "https://t.co/x",
        "@netanyahu",
        "of",
        "for",
        "New",
        "York",
        "Times",
        "’s",
        "Sheikh",
        "bin",
        "Al",
        "Thani",
        "e\u{301}",
    ]);
    prop::collection::vec(words, 0..60).prop_map(|w| w.join(" "))
}

fn check(doc: &Document) {
    let text = &doc.text;
    let ents = doc.layers.entities.as_deref().expect("entities produced");
    let tokens = doc.layers.tokens.as_deref().unwrap_or(&[]);
    let sentences = doc.layers.sentences.as_deref().unwrap_or(&[]);
    let mut last_end = 0;
    for e in ents {
        let (s, t) = (e.span.start(), e.span.end());
        assert!(s < t, "empty entity");
        assert!(text.get(s..t).is_some(), "entity off char boundaries");
        assert!(s >= last_end, "entities overlap or are unsorted");
        let words = text[s..t].split_whitespace().count();
        assert!(
            t - s <= lede_ner::MAX_ENTITY_BYTES && words <= lede_ner::MAX_ENTITY_TOKENS,
            "entity of {} bytes, {words} words",
            t - s
        );
        assert_eq!(
            text[s..t].trim(),
            &text[s..t],
            "entity with white space at an edge"
        );
        last_end = t;
        assert!(
            sentences.iter().any(|x| x.start() <= s && t <= x.end()),
            "entity {s}..{t} crosses a sentence boundary"
        );
        // Starts at a token start or right after a hyphen inside a token;
        // ends at a token end or before a hyphen or possessive in a token.
        let starts_ok = tokens.iter().any(|k| {
            k.span.start() == s
                || (k.span.start() < s && s < k.span.end() && text[..s].ends_with(['-', '–', '‑']))
        });
        let ends_ok = tokens.iter().any(|k| {
            k.span.end() == t
                || (k.span.start() < t
                    && t < k.span.end()
                    && text[t..].starts_with(['-', '–', '‑', '’', '\'']))
        });
        assert!(
            starts_ok && ends_ok,
            "entity {:?} not on token boundaries",
            &text[s..t]
        );
    }
}

fn whitespace_tokens(text: &str) -> Document {
    let mut doc = Document::new("p", text);
    let tokens: Vec<Token> = text
        .split_whitespace()
        .filter_map(|w| Span::of_subslice(text, w))
        .map(|span| Token {
            span,
            kind: TokenKind::Word,
        })
        .collect();
    let sentences: Vec<Span> = text
        .split('\n')
        .filter(|l| !l.trim().is_empty())
        .filter_map(|l| Span::of_subslice(text, l))
        .collect();
    doc.layers.tokens = Some(tokens);
    doc.layers.sentences = Some(sentences);
    doc
}

fn segmented(text: &str) -> Document {
    let mut doc = Document::new("p", text);
    let seg = lede_segment::segment(text);
    doc.layers.sentences = Some(seg.sentences);
    doc.layers.tokens = Some(seg.tokens);
    doc
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn segmented_news_text(text in news_text()) {
        let mut doc = segmented(&text);
        ner().process(&mut doc).unwrap();
        check(&doc);
        let mut again = segmented(&text);
        ner().process(&mut again).unwrap();
        prop_assert_eq!(&doc.layers.entities, &again.layers.entities);
    }

    #[test]
    fn arbitrary_text(text in "\\PC{0,300}") {
        // Tokens split at white space and sentences at line ends, so that
        // any text is tried, whatever the segmenter does with it.
        let mut doc = whitespace_tokens(&text);
        ner().process(&mut doc).unwrap();
        check(&doc);
    }

    #[test]
    fn arbitrary_layers(
        text in news_text(),
        raw_tokens in prop::collection::vec((0usize..400, 0usize..12), 0..80),
        raw_sentences in prop::collection::vec((0usize..400, 0usize..200), 0..8),
    ) {
        // Any spans that are valid for the text, in any order, overlapping.
        let span = |a: usize, len: usize| {
            let mut s = a.min(text.len());
            while !text.is_char_boundary(s) { s -= 1; }
            let mut e = (s + len).min(text.len());
            while !text.is_char_boundary(e) { e += 1; }
            Span::new(&text, s, e).ok()
        };
        let tokens: Vec<Token> = raw_tokens
            .iter()
            .filter_map(|&(a, l)| span(a, l).map(|span| Token { span, kind: TokenKind::Word }))
            .collect();
        let sentences: Vec<Span> = raw_sentences.iter().filter_map(|&(a, l)| span(a, l)).collect();
        let mut doc = Document::new("p", text.clone());
        doc.layers.tokens = Some(tokens);
        doc.layers.sentences = Some(sentences);
        ner().process(&mut doc).unwrap();
        let ents = doc.layers.entities.as_deref().unwrap();
        let mut last_end = 0;
        for e in ents {
            prop_assert!(text.get(e.span.start()..e.span.end()).is_some());
            prop_assert!(e.span.len() <= lede_ner::MAX_ENTITY_BYTES);
            prop_assert_eq!(e.span.text(&text).trim(), e.span.text(&text));
            prop_assert!(e.span.start() >= last_end && !e.span.is_empty());
            last_end = e.span.end();
        }
    }
}

#[test]
fn time_is_linear_in_input_size() {
    // Ten copies of a seed article take about ten times as long as one:
    // allow a wide margin for a noisy machine, but not a square.
    let one = include_str!("../../../corpus/seeds/004_23516cacd10e633e.txt");
    let ten = one.repeat(10);
    let time = |t: &str| {
        let mut doc = segmented(t);
        let start = std::time::Instant::now();
        ner().process(&mut doc).unwrap();
        start.elapsed().as_secs_f64()
    };
    time(one);
    let t1 = (0..5).map(|_| time(one)).fold(f64::MAX, f64::min);
    let t10 = (0..3).map(|_| time(&ten)).fold(f64::MAX, f64::min);
    assert!(t10 < t1 * 40.0, "one {t1:.4}s, ten {t10:.4}s");
}

/// The checks of [`check`] that are linear, for large documents: entities
/// sorted, disjoint, short and without white space at their edges.
fn check_bounds(doc: &Document) {
    let mut last_end = 0;
    for e in doc.layers.entities.as_deref().expect("entities produced") {
        let t = e.span.text(&doc.text);
        assert!(e.span.start() >= last_end && !t.is_empty());
        last_end = e.span.end();
        assert!(t.len() <= lede_ner::MAX_ENTITY_BYTES);
        assert!(t.split_whitespace().count() <= lede_ner::MAX_ENTITY_TOKENS);
        assert_eq!(t.trim(), t);
    }
}

/// Seconds to tag `text` (best of `runs`), segmentation excluded.
fn best_time(text: &str, runs: usize) -> f64 {
    (0..runs)
        .map(|_| {
            let mut doc = segmented(text);
            let start = std::time::Instant::now();
            ner().process(&mut doc).unwrap();
            let secs = start.elapsed().as_secs_f64();
            check_bounds(&doc);
            secs
        })
        .fold(f64::MAX, f64::min)
}

#[test]
fn pathological_texts_take_linear_time() {
    // Every sentence a new person (canonical names once compared every
    // pair), and capitalised words with no sentence end (once one giant
    // entity). Eight times the text must not take much more than eight
    // times as long: under 32 times, half of the 64 a square would take,
    // so that a loaded machine (the best of several runs is kept) does not
    // fail it. One test, so the two do not compete for the CPU.
    type Make = fn(usize) -> String;
    let makers: [Make; 2] = [
        lede_ner::pathological::names_said,
        lede_ner::pathological::capitalised_words,
    ];
    for make in makers {
        let (small, large) = (make(50_000), make(400_000));
        let (t1, t8) = (best_time(&small, 5), best_time(&large, 3));
        assert!(t8 < t1 * 32.0, "50 kB {t1:.4}s, 400 kB {t8:.4}s");
    }
}

#[test]
fn one_long_line_of_names_gives_bounded_entities() {
    // No sentence end and no lower-case word: the whole line could be read
    // as one name.
    let text = "Steve Witkoff Benjamin Netanyahu Khalil al-Hayya ".repeat(2_000);
    let mut doc = whitespace_tokens(&text);
    ner().process(&mut doc).unwrap();
    check_bounds(&doc);
}
