//! lede-segment: paragraphs, sentences and tokens of news text.
//!
//! What it does: finds paragraphs (one per non-blank line), sentences (a
//! rule-based splitter tuned on news style: abbreviations, initials,
//! quotations, headlines, lists) and tokens (UAX #29-style word boundaries
//! plus news rules, each token with a [`TokenKind`]). It runs in one linear
//! pass per layer over the bytes, with no regex and no per-token allocation.
//! It does not tag, normalise or change the text; it never panics on any
//! input.
//!
//! Use it as the `segment` stage ([`stage_info`]) or as a library that
//! borrows the text and allocates only the output vectors:
//!
//! ```
//! let text = "Mr. Witkoff met U.S. officials at 10 p.m. on Friday. Hamas’s reply came later.";
//! let sentences = lede_segment::sentences(text);
//! assert_eq!(sentences.len(), 2);
//! assert_eq!(sentences[1].text(text), "Hamas’s reply came later.");
//! let words: Vec<&str> = lede_segment::tokens(text).iter().map(|t| t.span.text(text)).collect();
//! assert_eq!(&words[..5], ["Mr.", "Witkoff", "met", "U.S.", "officials"]);
//! ```
//!
//! # Token conventions
//!
//! - White space separates tokens and is never inside one; every other
//!   character belongs to exactly one token.
//! - Words and numbers stay whole across an inner `.` ("U.S", "2.3",
//!   "nytimes.com"), hyphens ("60-day", "al-Hayya", "1996-08-30", and
//!   "U.S.-brokered": a hyphen after an abbreviation joins too, as in
//!   CoNLL-2003), thousands commas ("35,000", "1,000.5"), slashes and
//!   colons between digits ("1/2", "10:30"), `&` between capitals ("AT&T"),
//!   underscores and apostrophes that are not clitics ("O’Brien").
//! - An abbreviation keeps its final period ("Mr.", "U.S.", "p.m.",
//!   "Inc.", "Jan.", initials such as "W." and "J.D."), also at the end of a
//!   sentence: "... at 10 p.m." ends with the token "p.m.". A one- or
//!   two-digit number opening a line keeps its period ("1." as a list
//!   marker). Any other final period is its own token.
//! - Clitics split Penn-Treebank style: possessives "Hamas" + "’s", plural
//!   possessive "Hamas" + "’", "they" + "’ll", "I" + "’m", and negation
//!   "do" + "n’t", "ca" + "n’t", "wo" + "n’t".
//! - URLs (with a scheme, `www.`, or a domain followed by `/`), e-mail
//!   addresses, @handles, #hashtags (with at least one letter) and emoji
//!   sequences (ZWJ sequences, skin tones, flags) are single tokens.
//!   Trailing punctuation and unbalanced closing brackets are not part of a
//!   URL.
//! - Punctuation is one token per character, except runs of periods
//!   ("...") and of ASCII hyphens ("--"). A `+` directly before a digit and
//!   a `.` directly before a digit belong to the number ("+48", ".496").
//! - Kinds: `Number` is a token of digits and number separators only
//!   ("35,000", "2.3", "1996-08-30", "1/2"); a token mixing letters and
//!   digits ("60-day", "3rd", "COVID-19") is a `Word`. Ideographs are one
//!   word each. Punctuation is `Punctuation`; other signs (`$`, `%`, `€`,
//!   a lone `@` or `#`) are `Symbol`.
//!
//! # Sentence conventions
//!
//! See [`Segmenter::sentences`].

#![forbid(unsafe_code)]

mod chars;
mod lexicon;
mod paragraphs;
mod sentence_context;
mod sentences;
mod tokens;

use std::sync::OnceLock;

use lede_core::{
    layer, Document, LayerId, OptionKind, OptionSpec, OptionValue, Options, Span, Stage,
    StageError, StageInfo, Token,
};

pub use lede_core::TokenKind;
pub use paragraphs::paragraphs;

use lexicon::Lexicon;

/// A sentence splitter and tokenizer with its abbreviation lists. Build it
/// once and share it: it holds no per-document state.
#[derive(Clone, Debug)]
pub struct Segmenter {
    lex: Lexicon,
}

impl Default for Segmenter {
    fn default() -> Self {
        Segmenter::new()
    }
}

/// All three layers of one text.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Segmentation {
    pub paragraphs: Vec<Span>,
    pub sentences: Vec<Span>,
    pub tokens: Vec<Token>,
}

impl Segmenter {
    /// A segmenter with the built-in abbreviation lists.
    pub fn new() -> Segmenter {
        Segmenter::with_abbreviations(&[])
    }

    /// A segmenter that also knows `extra` abbreviations (with or without
    /// their period, e.g. "Brig." or "Brig"). They keep their period as
    /// tokens and end a sentence only before a common sentence opener.
    pub fn with_abbreviations(extra: &[String]) -> Segmenter {
        Segmenter {
            lex: Lexicon::new(extra),
        }
    }

    /// The paragraphs of `text` (same as [`paragraphs`]).
    pub fn paragraphs(&self, text: &str) -> Vec<Span> {
        paragraphs::paragraphs(text)
    }

    /// The sentences of `text`, in order, trimmed, never crossing a
    /// paragraph.
    ///
    /// A sentence ends at the end of a paragraph, and inside one after `.`,
    /// `!`, `?` or `…` (with any closing quotes or brackets, and a `.`
    /// after a closing quote) when white space and then a capital or
    /// uncased letter, a digit or an opening quote or bracket follow. No
    /// boundary after a title ("Mr.", "Gen."); after another abbreviation
    /// ("U.S.", "p.m.", "Inc.", initials) only before a common sentence
    /// opener ("The", "He", ...); none after a list number that opens the
    /// sentence ("1."); none after `?`/`!` closing a quotation when a name
    /// and a reporting verb follow ("“Really?” Mr. Vance asked.").
    pub fn sentences(&self, text: &str) -> Vec<Span> {
        sentences::sentences(&self.lex, text)
    }

    /// The sentences of `text` given its paragraphs (as computed by
    /// [`paragraphs`]), avoiding a second paragraph pass.
    pub fn sentences_in(&self, text: &str, paragraphs: &[Span]) -> Vec<Span> {
        let mut out = Vec::with_capacity(text.len() / 120 + 1);
        for &para in paragraphs {
            if para.start() <= para.end()
                && para.end() <= text.len()
                && text.is_char_boundary(para.start())
                && text.is_char_boundary(para.end())
            {
                sentences::split_paragraph(&self.lex, text, para, &mut out);
            }
        }
        out
    }

    /// The tokens of `text`, in order.
    pub fn tokens(&self, text: &str) -> Vec<Token> {
        tokens::tokens(&self.lex, text)
    }

    /// Paragraphs, sentences and tokens of `text`.
    pub fn segment(&self, text: &str) -> Segmentation {
        let paragraphs = self.paragraphs(text);
        let sentences = self.sentences_in(text, &paragraphs);
        let tokens = self.tokens(text);
        Segmentation {
            paragraphs,
            sentences,
            tokens,
        }
    }
}

/// The segmenter with the built-in lists, built on first use.
fn default_segmenter() -> &'static Segmenter {
    static DEFAULT: OnceLock<Segmenter> = OnceLock::new();
    DEFAULT.get_or_init(Segmenter::new)
}

/// The sentences of `text` with the built-in abbreviation lists.
pub fn sentences(text: &str) -> Vec<Span> {
    default_segmenter().sentences(text)
}

/// The tokens of `text` with the built-in abbreviation lists.
pub fn tokens(text: &str) -> Vec<Token> {
    default_segmenter().tokens(text)
}

/// Paragraphs, sentences and tokens of `text` with the built-in lists.
pub fn segment(text: &str) -> Segmentation {
    default_segmenter().segment(text)
}

const LAYERS: [LayerId; 3] = [layer::PARAGRAPHS, layer::SENTENCES, layer::TOKENS];

/// The stage's entry for the runner's registry.
pub fn stage_info() -> StageInfo {
    StageInfo {
        id: "segment",
        description: "paragraphs (lines), sentences (rule-based, news-tuned) and tokens",
        requires: &[],
        produces: &LAYERS,
        options: vec![
            OptionSpec {
                name: "layers",
                kind: OptionKind::StringList,
                default: Some(OptionValue::StringList(
                    LAYERS.iter().map(|s| s.to_string()).collect(),
                )),
                help: "which layers to produce: any of paragraphs, sentences, tokens",
            },
            OptionSpec {
                name: "abbreviations",
                kind: OptionKind::StringList,
                default: Some(OptionValue::StringList(Vec::new())),
                help: "extra abbreviations that keep their period (e.g. \"Brig.\"); they end a sentence only before a common sentence opener",
            },
        ],
        build: build_stage,
    }
}

fn build_stage(options: &Options) -> Result<Box<dyn Stage>, StageError> {
    let mut produce = [false; 3];
    match options.string_list("layers") {
        None => produce = [true; 3],
        Some(names) => {
            for name in names {
                match LAYERS.iter().position(|l| l == name) {
                    Some(k) => produce[k] = true,
                    None => {
                        return Err(StageError::BadOption {
                            option: "layers".to_string(),
                            message: format!(
                                "unknown layer {name:?}; choose from paragraphs, sentences, tokens"
                            ),
                        })
                    }
                }
            }
            if !produce.iter().any(|&p| p) {
                return Err(StageError::BadOption {
                    option: "layers".to_string(),
                    message: "name at least one of paragraphs, sentences, tokens".to_string(),
                });
            }
        }
    }
    let extra = options.string_list("abbreviations").unwrap_or(&[]);
    if let Some(bad) = extra.iter().find(|a| {
        a.trim().trim_end_matches('.').is_empty() || a.trim().contains(char::is_whitespace)
    }) {
        return Err(StageError::BadOption {
            option: "abbreviations".to_string(),
            message: format!("{bad:?} is not an abbreviation (write e.g. \"Brig.\")"),
        });
    }
    Ok(Box::new(SegmentStage {
        segmenter: Segmenter::with_abbreviations(extra),
        produce,
    }))
}

/// The `segment` stage: a [`Segmenter`] plus the layers to produce.
struct SegmentStage {
    segmenter: Segmenter,
    /// paragraphs, sentences, tokens
    produce: [bool; 3],
}

impl Stage for SegmentStage {
    fn name(&self) -> &str {
        "segment"
    }

    fn requires(&self) -> Vec<String> {
        Vec::new()
    }

    fn produces(&self) -> Vec<String> {
        LAYERS
            .iter()
            .zip(self.produce)
            .filter(|(_, p)| *p)
            .map(|(l, _)| l.to_string())
            .collect()
    }

    fn process(&self, doc: &mut Document) -> Result<(), StageError> {
        let [want_paragraphs, want_sentences, want_tokens] = self.produce;
        let text = doc.text.as_str();
        if want_paragraphs || want_sentences {
            let paragraphs = self.segmenter.paragraphs(text);
            if want_sentences {
                doc.layers.sentences = Some(self.segmenter.sentences_in(text, &paragraphs));
            }
            if want_paragraphs {
                doc.layers.paragraphs = Some(paragraphs);
            }
        }
        if want_tokens {
            doc.layers.tokens = Some(self.segmenter.tokens(&doc.text));
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn options(layers: &[&str], abbreviations: &[&str]) -> Options {
        let mut o = Options::defaults(&stage_info().options);
        o.insert(
            "layers",
            OptionValue::StringList(layers.iter().map(|s| s.to_string()).collect()),
        );
        o.insert(
            "abbreviations",
            OptionValue::StringList(abbreviations.iter().map(|s| s.to_string()).collect()),
        );
        o
    }

    #[test]
    fn stage_produces_the_requested_layers() {
        let info = stage_info();
        assert_eq!(info.id, "segment");
        let stage = (info.build)(&Options::defaults(&info.options)).unwrap();
        assert_eq!(stage.produces(), vec!["paragraphs", "sentences", "tokens"]);
        let mut doc = Document::new("d", "Negotiation Leverage\nHamas agreed. Israel did not.");
        stage.process(&mut doc).unwrap();
        assert_eq!(doc.layers.paragraphs.as_ref().unwrap().len(), 2);
        assert_eq!(doc.layers.sentences.as_ref().unwrap().len(), 3);
        assert_eq!(doc.layers.tokens.as_ref().unwrap().len(), 9);

        let only_tokens = (info.build)(&options(&["tokens"], &[])).unwrap();
        assert_eq!(only_tokens.produces(), vec!["tokens"]);
        let mut doc = Document::new("d", "Hamas agreed.");
        only_tokens.process(&mut doc).unwrap();
        assert!(doc.layers.sentences.is_none());
        assert!(doc.layers.tokens.is_some());
    }

    #[test]
    fn stage_rejects_bad_options() {
        let info = stage_info();
        assert!((info.build)(&options(&["words"], &[])).is_err());
        assert!((info.build)(&options(&[], &[])).is_err());
        assert!((info.build)(&options(&["tokens"], &["."])).is_err());
    }

    #[test]
    fn extra_abbreviations_keep_their_period() {
        let info = stage_info();
        let stage = (info.build)(&options(&["sentences", "tokens"], &["Cmdt."])).unwrap();
        let mut doc = Document::new("d", "He met Cmdt. Cohen in Gaza. Talks went on.");
        stage.process(&mut doc).unwrap();
        let sentences: Vec<&str> = doc
            .layers
            .sentences
            .as_ref()
            .unwrap()
            .iter()
            .map(|s| doc.slice(*s))
            .collect();
        assert_eq!(sentences, ["He met Cmdt. Cohen in Gaza.", "Talks went on."]);
        let tokens: Vec<&str> = doc
            .layers
            .tokens
            .as_ref()
            .unwrap()
            .iter()
            .map(|t| doc.slice(t.span))
            .collect();
        assert_eq!(tokens[2], "Cmdt.");
    }
}
