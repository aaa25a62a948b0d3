use std::collections::BTreeMap;

use crate::layer;
use crate::{Entity, GenericAnnotation, NumberAnnotation, Quote, Span, Token};

/// All layers of a document. A layer is `None` until a stage produces it, so
/// "not computed" and "computed, found nothing" stay distinct.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Layers {
    pub paragraphs: Option<Vec<Span>>,
    pub sentences: Option<Vec<Span>>,
    pub tokens: Option<Vec<Token>>,
    pub entities: Option<Vec<Entity>>,
    pub numbers: Option<Vec<NumberAnnotation>>,
    pub quotes: Option<Vec<Quote>>,
    /// Plugin layers, by layer name.
    pub generic: BTreeMap<String, Vec<GenericAnnotation>>,
}

impl Layers {
    /// True when the layer called `name` has been produced.
    pub fn has(&self, name: &str) -> bool {
        match name {
            layer::PARAGRAPHS => self.paragraphs.is_some(),
            layer::SENTENCES => self.sentences.is_some(),
            layer::TOKENS => self.tokens.is_some(),
            layer::ENTITIES => self.entities.is_some(),
            layer::NUMBERS => self.numbers.is_some(),
            layer::QUOTES => self.quotes.is_some(),
            other => self.generic.contains_key(other),
        }
    }

    /// Names of the produced layers, built-in ones first in pipeline order.
    pub fn names(&self) -> Vec<&str> {
        let mut names: Vec<&str> = layer::BUILT_IN
            .iter()
            .copied()
            .filter(|n| self.has(n))
            .collect();
        names.extend(self.generic.keys().map(String::as_str));
        names
    }
}

/// One news article (or any text): the text is owned here once and every
/// annotation is a stand-off span into it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Document {
    pub id: String,
    pub text: String,
    /// Input fields other than id and text (e.g. `date`, `url`), available to
    /// stages and passed through to the output on request.
    pub metadata: BTreeMap<String, serde_json::Value>,
    pub layers: Layers,
}

impl Document {
    pub fn new(id: impl Into<String>, text: impl Into<String>) -> Document {
        Document {
            id: id.into(),
            text: text.into(),
            metadata: BTreeMap::new(),
            layers: Layers::default(),
        }
    }

    /// The text a span covers ("" for a span that does not fit).
    pub fn slice(&self, span: Span) -> &str {
        span.text(&self.text)
    }

    /// A metadata field as a string, if present and a string.
    pub fn meta_str(&self, key: &str) -> Option<&str> {
        self.metadata.get(key).and_then(|v| v.as_str())
    }
}
