//! Properties: the stage never panics, its quote spans are valid, ordered
//! and non-overlapping, a speaker span never lies inside its own quote, the
//! output is deterministic, and time grows linearly with input size even on
//! text full of unbalanced quote marks.

use std::time::Instant;

use lede_core::{Document, Entity, EntityLabel, OptionValue, Options, Span, Stage};
use lede_quotes::QuotesStage;
use proptest::prelude::*;

fn all_kinds() -> QuotesStage {
    let mut options = Options::new();
    options.insert(
        "kinds",
        OptionValue::StringList(vec!["direct".into(), "partial".into(), "scare".into()]),
    );
    QuotesStage::from_options(&options).unwrap()
}

/// Pieces news text is made of, quote marks and apostrophes over-represented.
const PIECES: &[&str] = &[
    "“",
    "”",
    "\"",
    "‘",
    "’",
    "'",
    "«",
    "»",
    "„",
    " ",
    " ",
    " ",
    "\n",
    "\n\n",
    ", ",
    ". ",
    ": ",
    "? ",
    "! ",
    "…",
    "—",
    "Trump",
    "Netanyahu",
    "Fatima Abdelrahman",
    "Hamas",
    "Hamas’s",
    "don’t",
    "’90s",
    "al-Shara’a",
    "said",
    "told",
    "says",
    "according to",
    "he",
    "she",
    "they",
    "it",
    "the president",
    "one official",
    "the US official",
    "Mr.",
    "U.S.",
    "called",
    "statement",
    "We",
    "will",
    "never",
    "agree",
    "é",
    "👍",
    "\u{200D}",
    "ß",
    "Ω",
];

fn text_strategy() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..120).prop_map(|v| v.concat())
}

/// Char-boundary offsets of `text`, used to cut spans anywhere.
fn boundaries(text: &str) -> Vec<usize> {
    text.char_indices()
        .map(|(i, _)| i)
        .chain([text.len()])
        .collect()
}

/// A document with arbitrary (valid) layers: cut points pick sentence and
/// paragraph ends, entity spans come from pairs of boundaries.
fn document(text: String, cuts: Vec<usize>, ents: Vec<(usize, usize, u8)>) -> Document {
    let b = boundaries(&text);
    let pick = |k: usize| b[k % b.len()];
    let mut ends: Vec<usize> = cuts.iter().map(|&k| pick(k)).collect();
    ends.push(text.len());
    ends.sort_unstable();
    ends.dedup();
    let mut sentences = Vec::new();
    let mut start = 0;
    for &e in &ends {
        if e > start {
            sentences.push(Span::new(&text, start, e).unwrap());
            start = e;
        }
    }
    let paragraphs: Vec<Span> = sentences.iter().step_by(3).copied().collect();
    let labels = [
        EntityLabel::Person,
        EntityLabel::Org,
        EntityLabel::Gpe,
        EntityLabel::Norp,
    ];
    let entities: Vec<Entity> = ents
        .into_iter()
        .map(|(x, y, l)| {
            let (s, e) = (pick(x).min(pick(y)), pick(x).max(pick(y)));
            Entity {
                span: Span::new(&text, s, e).unwrap(),
                label: labels[l as usize % labels.len()],
                canonical: None,
                title: None,
            }
        })
        .collect();
    let mut doc = Document::new("p", text);
    doc.layers.sentences = Some(sentences);
    doc.layers.paragraphs = Some(paragraphs);
    // Overlapping, unsorted entities on purpose: the stage must cope.
    doc.layers.entities = Some(entities);
    doc
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn quotes_are_valid_ordered_and_deterministic(
        text in text_strategy(),
        cuts in prop::collection::vec(any::<usize>(), 0..12),
        ents in prop::collection::vec((any::<usize>(), any::<usize>(), any::<u8>()), 0..12),
    ) {
        let stage = all_kinds();
        let mut doc = document(text, cuts, ents);
        let mut again = doc.clone();
        stage.process(&mut doc).unwrap();
        stage.process(&mut again).unwrap();
        prop_assert_eq!(&doc.layers.quotes, &again.layers.quotes);
        let quotes = doc.layers.quotes.as_deref().unwrap();
        let mut last_end = 0;
        for q in quotes {
            prop_assert!(Span::new(&doc.text, q.span.start(), q.span.end()).is_ok());
            prop_assert!(!q.span.is_empty());
            prop_assert!(q.span.start() >= last_end, "quotes overlap or are out of order");
            last_end = q.span.end();
            if let Some(sp) = q.speaker.as_ref().and_then(|s| s.span) {
                prop_assert!(Span::new(&doc.text, sp.start(), sp.end()).is_ok());
                prop_assert!(!q.span.overlaps(sp), "speaker {:?} inside its quote {:?}", sp, q.span);
            }
        }
    }

    #[test]
    fn never_panics_without_layers_or_on_any_text(text in "\\PC{0,300}") {
        let stage = all_kinds();
        let mut doc = Document::new("x", text);
        stage.process(&mut doc).unwrap();
        prop_assert!(doc.layers.quotes.is_some());
    }
}

/// `n` bytes of one paragraph and one sentence full of unbalanced quote
/// marks, reporting verbs and names, with PERSON entities on every name.
fn unbalanced(n: usize) -> Document {
    let unit =
        "Trump said “we will “win ’ don’t ‘ and \" Netanyahu told ” she said « x » ’90s “ he, \
         ''no,'' Trump, a chief of the union, wrote, “and ” the three senators and Netanyahu said, ";
    let mut text = String::with_capacity(n + unit.len());
    while text.len() < n {
        text.push_str(unit);
    }
    let mut entities = Vec::new();
    for name in ["Trump", "Netanyahu"] {
        for (s, _) in text.match_indices(name) {
            entities.push(Entity {
                span: Span::new(&text, s, s + name.len()).unwrap(),
                label: EntityLabel::Person,
                canonical: None,
                title: None,
            });
        }
    }
    entities.sort_by_key(|e| e.span.start());
    let whole = Span::new(&text, 0, text.len()).unwrap();
    let mut doc = Document::new("big", text);
    doc.layers.paragraphs = Some(vec![whole]);
    doc.layers.sentences = Some(vec![whole]);
    doc.layers.entities = Some(entities);
    doc
}

fn seconds(stage: &QuotesStage, n: usize) -> f64 {
    let mut doc = unbalanced(n);
    let t = Instant::now();
    stage.process(&mut doc).unwrap();
    let secs = t.elapsed().as_secs_f64();
    assert!(!doc.layers.quotes.as_deref().unwrap().is_empty());
    secs
}

#[test]
fn time_is_linear_on_ten_megabytes_of_unbalanced_quotes() {
    let stage = all_kinds();
    let small = seconds(&stage, 1_000_000).max(1e-3);
    let big = seconds(&stage, 10_000_000);
    eprintln!(
        "unbalanced quotes: 1 MB {small:.3}s, 10 MB {big:.3}s, ratio {:.1}",
        big / small
    );
    // Linear would be 10; quadratic 100. Leave room for noise on a shared machine.
    assert!(big / small < 25.0, "1 MB {small:.3}s vs 10 MB {big:.3}s");
}
