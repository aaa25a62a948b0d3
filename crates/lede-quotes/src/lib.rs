//! lede-quotes: every quotation in a news text, what kind it is, and who
//! said it.
//!
//! Quote marks (“…”, "…", ‘…’ nested inside them, « ») are paired by
//! position and direction within each paragraph, never confused with
//! apostrophes; a quote left open at a paragraph end stops there, and when
//! the next paragraph reopens it (news style) the parts are linked and share
//! a speaker. Each quote gets a kind — `direct` (verbatim words standing as
//! their own sentence or after a colon), `partial` (a fragment inside the
//! reporter's sentence, attributed there), or `scare` (single words,
//! "so-called" terms, names and titles, fragments nobody is credited with) —
//! and a speaker: a sieve of attribution rules (see [`attribution`]) gives
//! one candidate, a few looser patterns (sign-offs, transcript labels, a
//! cue ending the previous paragraph, the subject of a nearby reporting
//! verb, the previous quote's speaker) give others, and a learned ranker
//! picks among them and "nobody".
//! Speakers carry the mention, its text and the canonical name from the
//! entity layer; when the entity layer gives no canonical name, the fullest
//! PERSON name in the document that ends with the mention is used.
//!
//! It does not find indirect speech ("Blinken said the talks would go on"),
//! does not read quotes without marks, and guesses no speaker beyond its
//! candidates: when the ranker prefers nobody the speaker is `None`.

#![forbid(unsafe_code)]

mod attribution;
mod lexicon;
mod marks;
mod spans;

use std::borrow::Cow;

use lede_core::{
    layer, Document, OptionKind, OptionSpec, OptionValue, Options, QuoteKind, Span, Stage,
    StageError, StageInfo,
};

use crate::lexicon::Lexicon;

pub use spans::lines;

/// The speaker ranker's weights (`examples/train_ranker.rs` rebuilds them).
const SPEAKER_WEIGHTS: &str = include_str!("../data/speaker_weights.txt");

/// A quote's candidate speakers as the ranker sees them; the training
/// material for the ranker (see [`QuotesStage::speaker_choices`]).
#[doc(hidden)]
#[derive(Clone, Debug)]
pub struct SpeakerChoice {
    /// The quoted words.
    pub quote: Span,
    /// The candidates; the first is always "nobody" (no mention).
    pub options: Vec<SpeakerOption>,
}

/// One candidate speaker of a [`SpeakerChoice`].
#[doc(hidden)]
#[derive(Clone, Debug)]
pub struct SpeakerOption {
    /// The mention at the cue; `None` for "nobody".
    pub mention: Option<Span>,
    /// The name mention the candidate resolves to.
    pub entity: Option<Span>,
    /// The ranker's features of this candidate.
    pub features: Vec<String>,
}

/// The stage's entry for the runner's registry.
pub fn stage_info() -> StageInfo {
    StageInfo {
        id: "quotes",
        description: "direct quotations, their kind (direct, partial, scare) and their speakers",
        requires: &[layer::PARAGRAPHS, layer::SENTENCES, layer::ENTITIES],
        produces: &[layer::QUOTES],
        options: vec![
            OptionSpec {
                name: "kinds",
                kind: OptionKind::StringList,
                default: Some(OptionValue::StringList(vec![
                    "direct".to_string(),
                    "partial".to_string(),
                ])),
                help: "quote kinds to emit: any of \"direct\", \"partial\", \"scare\"",
            },
            OptionSpec {
                name: "speech_verbs",
                kind: OptionKind::StringList,
                default: Some(OptionValue::StringList(Vec::new())),
                help:
                    "extra reporting verbs, base form (\"quip\"); -s, -ed and -ing forms are added",
            },
        ],
        build: |options: &Options| Ok(Box::new(QuotesStage::from_options(options)?)),
    }
}

/// The quotes stage: finds quotations and credits them.
#[derive(Debug)]
pub struct QuotesStage {
    lexicon: Lexicon,
    weights: attribution::Weights,
    emit_direct: bool,
    emit_partial: bool,
    emit_scare: bool,
}

impl QuotesStage {
    /// The stage with default options (direct and partial quotes).
    pub fn new() -> QuotesStage {
        QuotesStage {
            lexicon: Lexicon::new(&[]),
            weights: attribution::Weights::parse(SPEAKER_WEIGHTS),
            emit_direct: true,
            emit_partial: true,
            emit_scare: false,
        }
    }

    /// The stage from checked options; an unknown kind name is an error.
    pub fn from_options(options: &Options) -> Result<QuotesStage, StageError> {
        let mut stage = QuotesStage::new();
        if let Some(kinds) = options.string_list("kinds") {
            stage.emit_direct = false;
            stage.emit_partial = false;
            stage.emit_scare = false;
            for k in kinds {
                match k.parse::<QuoteKind>() {
                    Ok(QuoteKind::Direct) => stage.emit_direct = true,
                    Ok(QuoteKind::Partial) => stage.emit_partial = true,
                    Ok(QuoteKind::Scare) => stage.emit_scare = true,
                    Err(_) => {
                        return Err(StageError::BadOption {
                            option: "kinds".to_string(),
                            message: format!(
                                "unknown quote kind {k:?}; use \"direct\", \"partial\" or \"scare\""
                            ),
                        })
                    }
                }
            }
        }
        if let Some(verbs) = options.string_list("speech_verbs") {
            stage.lexicon = Lexicon::new(verbs);
        }
        Ok(stage)
    }

    fn emits(&self, kind: QuoteKind) -> bool {
        match kind {
            QuoteKind::Direct => self.emit_direct,
            QuoteKind::Partial => self.emit_partial,
            QuoteKind::Scare => self.emit_scare,
        }
    }
}

impl QuotesStage {
    /// Every quote's candidate speakers and their features, the sieve's
    /// answer standing (no ranking): what `examples/train_ranker.rs`
    /// trains on. Reads the same layers as [`Stage::process`].
    #[doc(hidden)]
    pub fn speaker_choices(&self, doc: &Document) -> Vec<SpeakerChoice> {
        let text = doc.text.as_str();
        let paragraphs = match &doc.layers.paragraphs {
            Some(p) => spans::clean(text, p),
            None => Cow::Owned(spans::lines(text)),
        };
        let raw = marks::find_quotes(text, &paragraphs);
        let sentences = match &doc.layers.sentences {
            Some(s) => spans::clean(text, s),
            None => Cow::Borrowed(&paragraphs[..]),
        };
        let entities = doc.layers.entities.as_deref().unwrap_or(&[]);
        let view =
            attribution::DocView::new(text, &sentences, &paragraphs, entities, &raw, &self.lexicon);
        let mut choices = Vec::new();
        attribution::attribute(&view, &self.weights, Some(&mut choices), |_| false);
        choices
    }
}

impl Default for QuotesStage {
    fn default() -> Self {
        QuotesStage::new()
    }
}

impl Stage for QuotesStage {
    fn name(&self) -> &str {
        "quotes"
    }

    fn requires(&self) -> Vec<String> {
        vec![
            layer::PARAGRAPHS.to_string(),
            layer::SENTENCES.to_string(),
            layer::ENTITIES.to_string(),
        ]
    }

    fn produces(&self) -> Vec<String> {
        vec![layer::QUOTES.to_string()]
    }

    /// Missing layers are tolerated (lines stand in for paragraphs,
    /// paragraphs for sentences, and no entities means no named speakers),
    /// so the stage also works on bare text in tests and tools.
    fn process(&self, doc: &mut Document) -> Result<(), StageError> {
        let text = doc.text.as_str();
        let paragraphs = match &doc.layers.paragraphs {
            Some(p) => spans::clean(text, p),
            None => Cow::Owned(spans::lines(text)),
        };
        let raw = marks::find_quotes(text, &paragraphs);
        if raw.is_empty() {
            doc.layers.quotes = Some(Vec::new());
            return Ok(());
        }
        let sentences = match &doc.layers.sentences {
            Some(s) => spans::clean(text, s),
            None => Cow::Borrowed(&paragraphs[..]),
        };
        let entities = doc.layers.entities.as_deref().unwrap_or(&[]);
        let view =
            attribution::DocView::new(text, &sentences, &paragraphs, entities, &raw, &self.lexicon);
        let quotes = attribution::attribute(&view, &self.weights, None, |k| self.emits(k));
        doc.layers.quotes = Some(quotes);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use super::*;

    /// The weight table answers as a map from the hash of a feature's name:
    /// every listed name its last weight, anything else nothing.
    #[test]
    fn weights_read_as_a_map_would() {
        let weights = attribution::Weights::parse(SPEAKER_WEIGHTS);
        let mut map: HashMap<u64, f32> = HashMap::new();
        let mut names = Vec::new();
        for line in SPEAKER_WEIGHTS.lines().filter(|l| !l.starts_with('#')) {
            let Some((name, w)) = line.rsplit_once('\t') else {
                continue;
            };
            let Ok(w) = w.trim().parse::<f32>() else {
                continue;
            };
            map.insert(attribution::fnv(&[name.as_bytes()]), w);
            names.push(name);
        }
        assert!(names.len() > 1000, "{} weights", names.len());
        for name in &names {
            let key = attribution::fnv(&[name.as_bytes()]);
            assert_eq!(weights.get(key).to_bits(), map[&key].to_bits(), "{name}");
            let other = attribution::fnv(&[name.as_bytes(), b"|x"]);
            assert_eq!(weights.get(other), map.get(&other).copied().unwrap_or(0.0));
        }
        let twice = attribution::Weights::parse("a\t1\nb\t2\na\t3\n# a\t4\n");
        assert_eq!(twice.get(attribution::fnv(&[b"a"])), 3.0);
        assert_eq!(twice.get(attribution::fnv(&[b"b"])), 2.0);
        assert_eq!(attribution::Weights::default().get(7), 0.0);
    }
}
