//! The typed annotation layers. Each layer is a `Vec` of plain structs sorted
//! by span start; whether spans in a layer may overlap is stated on each type.

use std::collections::BTreeMap;
use std::fmt;
use std::str::FromStr;

use crate::Span;

/// Anything that lives in a layer: it has a span and belongs to a named layer.
pub trait Annotation {
    fn span(&self) -> Span;
    /// The layer name as used in pipelines and JSON (`"tokens"`, `"entities"`, ...).
    fn layer(&self) -> &str;
}

impl Annotation for Span {
    fn span(&self) -> Span {
        *self
    }
    /// A bare span belongs to whichever span-only layer holds it; "spans" is
    /// the neutral name.
    fn layer(&self) -> &str {
        "spans"
    }
}

/// What a token is, decided once by the tokenizer so that later stages do not
/// re-read the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TokenKind {
    Word,
    Number,
    Punctuation,
    Symbol,
    Url,
    Email,
    Handle,
    Hashtag,
    Emoji,
}

impl TokenKind {
    pub const ALL: [TokenKind; 9] = [
        TokenKind::Word,
        TokenKind::Number,
        TokenKind::Punctuation,
        TokenKind::Symbol,
        TokenKind::Url,
        TokenKind::Email,
        TokenKind::Handle,
        TokenKind::Hashtag,
        TokenKind::Emoji,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            TokenKind::Word => "word",
            TokenKind::Number => "number",
            TokenKind::Punctuation => "punct",
            TokenKind::Symbol => "symbol",
            TokenKind::Url => "url",
            TokenKind::Email => "email",
            TokenKind::Handle => "handle",
            TokenKind::Hashtag => "hashtag",
            TokenKind::Emoji => "emoji",
        }
    }
}

impl FromStr for TokenKind {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        TokenKind::ALL
            .into_iter()
            .find(|k| k.as_str() == s)
            .ok_or_else(|| format!("unknown token kind {s:?}"))
    }
}

/// One token. Tokens never overlap and never contain white space.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    pub span: Span,
    pub kind: TokenKind,
}

impl Annotation for Token {
    fn span(&self) -> Span {
        self.span
    }
    fn layer(&self) -> &str {
        "tokens"
    }
}

/// OntoNotes-style entity labels, plus `Misc` for a coarse tagger output that
/// could not be refined.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum EntityLabel {
    Person,
    Norp,
    Org,
    Gpe,
    Loc,
    Fac,
    Event,
    Law,
    Product,
    WorkOfArt,
    Language,
    Misc,
}

impl EntityLabel {
    pub const ALL: [EntityLabel; 12] = [
        EntityLabel::Person,
        EntityLabel::Norp,
        EntityLabel::Org,
        EntityLabel::Gpe,
        EntityLabel::Loc,
        EntityLabel::Fac,
        EntityLabel::Event,
        EntityLabel::Law,
        EntityLabel::Product,
        EntityLabel::WorkOfArt,
        EntityLabel::Language,
        EntityLabel::Misc,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            EntityLabel::Person => "PERSON",
            EntityLabel::Norp => "NORP",
            EntityLabel::Org => "ORG",
            EntityLabel::Gpe => "GPE",
            EntityLabel::Loc => "LOC",
            EntityLabel::Fac => "FAC",
            EntityLabel::Event => "EVENT",
            EntityLabel::Law => "LAW",
            EntityLabel::Product => "PRODUCT",
            EntityLabel::WorkOfArt => "WORK_OF_ART",
            EntityLabel::Language => "LANGUAGE",
            EntityLabel::Misc => "MISC",
        }
    }

    /// The CoNLL-2003 label this maps to: PERSON->PER, ORG->ORG,
    /// GPE/LOC/FAC->LOC, everything else->MISC.
    pub fn conll(self) -> &'static str {
        match self {
            EntityLabel::Person => "PER",
            EntityLabel::Org => "ORG",
            EntityLabel::Gpe | EntityLabel::Loc | EntityLabel::Fac => "LOC",
            _ => "MISC",
        }
    }
}

impl fmt::Display for EntityLabel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for EntityLabel {
    type Err = String;
    /// Accepts the OntoNotes names and the CoNLL names (`PER` -> PERSON,
    /// `LOC` -> LOC, `MISC` -> MISC).
    fn from_str(s: &str) -> Result<Self, String> {
        if s == "PER" {
            return Ok(EntityLabel::Person);
        }
        EntityLabel::ALL
            .into_iter()
            .find(|l| l.as_str() == s)
            .ok_or_else(|| format!("unknown entity label {s:?}"))
    }
}

/// A named entity mention. Entities never overlap.
#[derive(Clone, Debug, PartialEq)]
pub struct Entity {
    pub span: Span,
    pub label: EntityLabel,
    /// The fullest name of this entity in the document ("Steve Witkoff" for
    /// "Mr. Witkoff"); set for PERSON and ORG when known.
    pub canonical: Option<String>,
    /// A title written before the name and kept outside the span ("Mr.",
    /// "Prime Minister").
    pub title: Option<String>,
}

impl Annotation for Entity {
    fn span(&self) -> Span {
        self.span
    }
    fn layer(&self) -> &str {
        "entities"
    }
}

/// The kinds of numeric expression (the `kind` values of the gold files).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum NumberKind {
    Cardinal,
    Ordinal,
    Percent,
    Money,
    Quantity,
    Duration,
    Age,
    Date,
    Time,
    Year,
}

impl NumberKind {
    pub const ALL: [NumberKind; 10] = [
        NumberKind::Cardinal,
        NumberKind::Ordinal,
        NumberKind::Percent,
        NumberKind::Money,
        NumberKind::Quantity,
        NumberKind::Duration,
        NumberKind::Age,
        NumberKind::Date,
        NumberKind::Time,
        NumberKind::Year,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            NumberKind::Cardinal => "cardinal",
            NumberKind::Ordinal => "ordinal",
            NumberKind::Percent => "percent",
            NumberKind::Money => "money",
            NumberKind::Quantity => "quantity",
            NumberKind::Duration => "duration",
            NumberKind::Age => "age",
            NumberKind::Date => "date",
            NumberKind::Time => "time",
            NumberKind::Year => "year",
        }
    }
}

impl FromStr for NumberKind {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        NumberKind::ALL
            .into_iter()
            .find(|k| k.as_str() == s)
            .ok_or_else(|| format!("unknown number kind {s:?}"))
    }
}

/// A normalised value: a number for counts and amounts, an ISO-like string
/// for dates ("--07-04", "2025-06-29"), times ("T22:00") and years ("2019").
#[derive(Clone, Debug, PartialEq)]
pub enum NumberValue {
    Number(f64),
    Text(String),
}

/// A numeric expression. Numbers never overlap.
#[derive(Clone, Debug, PartialEq)]
pub struct NumberAnnotation {
    pub span: Span,
    pub kind: NumberKind,
    pub value: NumberValue,
    /// What is counted or measured ("lives"), the time unit of a duration or
    /// age ("day"), or the ISO 4217 code of money ("USD").
    pub unit: Option<String>,
    /// A hedge written before the number and kept outside the span ("over").
    pub modifier: Option<String>,
    /// True for vague expressions ("thousands of prisoners").
    pub approx: bool,
    /// Bounds of a range ("between 20 and 30", "the 1990s" as 1990..1999).
    pub low: Option<f64>,
    pub high: Option<f64>,
    /// The time unit of a rate ("3 million barrels a day" gives "day").
    pub per: Option<String>,
}

impl NumberAnnotation {
    /// A number with only span, kind and value set.
    pub fn new(span: Span, kind: NumberKind, value: NumberValue) -> NumberAnnotation {
        NumberAnnotation {
            span,
            kind,
            value,
            unit: None,
            modifier: None,
            approx: false,
            low: None,
            high: None,
            per: None,
        }
    }
}

impl Annotation for NumberAnnotation {
    fn span(&self) -> Span {
        self.span
    }
    fn layer(&self) -> &str {
        "numbers"
    }
}

/// How a quotation is used.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum QuoteKind {
    /// Verbatim words of an identifiable speaker.
    Direct,
    /// A quoted fragment inside the reporter's sentence, attributed there.
    Partial,
    /// Scare quotes, single words, slogans, titles.
    Scare,
}

impl QuoteKind {
    pub fn as_str(self) -> &'static str {
        match self {
            QuoteKind::Direct => "direct",
            QuoteKind::Partial => "partial",
            QuoteKind::Scare => "scare",
        }
    }
}

impl FromStr for QuoteKind {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s {
            "direct" => Ok(QuoteKind::Direct),
            "partial" => Ok(QuoteKind::Partial),
            "scare" => Ok(QuoteKind::Scare),
            _ => Err(format!("unknown quote kind {s:?}")),
        }
    }
}

/// Who said a quotation.
#[derive(Clone, Debug, PartialEq)]
pub struct Speaker {
    /// The mention at the cue as written ("he", "the union", "Ms. Adler");
    /// `None` when the speaker is known only from context.
    pub span: Option<Span>,
    /// The mention's text.
    pub text: String,
    /// The resolved person or organisation name ("Ruth Adler"); `None` for
    /// unnamed sources.
    pub canonical: Option<String>,
    /// The name mention the speaker was resolved to, when it is not the
    /// mention itself (the earlier "Ruth Adler" for "he").
    pub entity: Option<Span>,
}

/// A quotation: the span is the quoted words without the quote marks.
/// Quotes never overlap.
#[derive(Clone, Debug, PartialEq)]
pub struct Quote {
    pub span: Span,
    pub kind: QuoteKind,
    pub speaker: Option<Speaker>,
    /// The reporting expression as written ("said", "according to").
    pub cue: Option<String>,
}

impl Annotation for Quote {
    fn span(&self) -> Span {
        self.span
    }
    fn layer(&self) -> &str {
        "quotes"
    }
}

/// An attribute value of a generic annotation.
#[derive(Clone, Debug, PartialEq)]
pub enum AttrValue {
    Bool(bool),
    Int(i64),
    Float(f64),
    Str(String),
}

/// One annotation of a plugin layer: span, label and free attributes.
/// Generic layers may overlap.
#[derive(Clone, Debug, PartialEq)]
pub struct GenericAnnotation {
    pub span: Span,
    pub label: String,
    pub attrs: BTreeMap<String, AttrValue>,
}

impl Annotation for GenericAnnotation {
    fn span(&self) -> Span {
        self.span
    }
    /// Generic annotations do not know which plugin layer holds them.
    fn layer(&self) -> &str {
        "generic"
    }
}
