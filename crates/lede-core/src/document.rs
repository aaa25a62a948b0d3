use std::collections::BTreeMap;

use crate::layer_kind::NamedLayers;
use crate::layers::{built_in_kind, BUILT_IN_KINDS};
use crate::{Entity, GenericAnnotation, NumberAnnotation, Quote, Span, StoredLayer, Token};

/// All layers of a document. A layer is `None` until a stage produces it, so
/// "not computed" and "computed, found nothing" stay distinct.
///
/// The built-in kinds are fields, for direct typed access; plugin layers are
/// `generic`; layers of kinds defined outside lede-core are reached through
/// their [`LayerKind`](crate::LayerKind) (`kind.get(&doc.layers)`).
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
    /// Layers of kinds stored by name (`LayerKind::new`).
    pub(crate) named: NamedLayers,
}

impl Layers {
    /// True when the layer called `name` has been produced.
    pub fn has(&self, name: &str) -> bool {
        match built_in_kind(name) {
            Some(kind) => kind.present(self),
            None => self.named.contains_key(name) || self.generic.contains_key(name),
        }
    }

    /// Names of the produced layers, built-in ones first in pipeline order.
    pub fn names(&self) -> Vec<&str> {
        let mut names: Vec<&str> = BUILT_IN_KINDS
            .iter()
            .filter(|k| k.present(self))
            .map(|k| k.id().as_str())
            .collect();
        for name in self.named.names() {
            names.push(name);
        }
        names.extend(self.generic.keys().map(String::as_str));
        names
    }

    /// The layer called `name` with its item type erased (for writing,
    /// plugin views and checks), if produced.
    pub fn stored(&self, name: &str) -> Option<&(dyn StoredLayer + 'static)> {
        match built_in_kind(name) {
            Some(kind) => kind.stored(self),
            None => self
                .named
                .get(name)
                .or_else(|| self.generic.get(name).map(|v| v as &dyn StoredLayer)),
        }
    }

    /// Every produced layer by name, in output order.
    pub fn iter_stored(&self) -> Vec<(&str, &(dyn StoredLayer + 'static))> {
        crate::layers::stored(self)
    }

    /// Moves every layer whose name `keep` refuses out of `self` and returns
    /// them: how the runner hides from a stage the layers it did not ask for.
    pub fn split_off(&mut self, keep: &dyn Fn(&str) -> bool) -> Layers {
        let mut hidden = Layers::default();
        for kind in BUILT_IN_KINDS {
            if !keep(kind.id().as_str()) {
                kind.transfer(self, &mut hidden);
            }
        }
        self.named.split_into(&mut hidden.named, keep);
        let names: Vec<String> = self.generic.keys().filter(|n| !keep(n)).cloned().collect();
        for name in names {
            if let Some(items) = self.generic.remove(&name) {
                hidden.generic.insert(name, items);
            }
        }
        hidden
    }

    /// Puts back layers taken by [`Layers::split_off`]. A layer present on
    /// both sides keeps the value in `self`; the caller checks for that
    /// first (its name is in both [`Layers::names`]).
    pub fn restore(&mut self, mut hidden: Layers) {
        for kind in BUILT_IN_KINDS {
            if !kind.present(self) {
                kind.transfer(&mut hidden, self);
            }
        }
        hidden.named.split_into(&mut NamedLayers::default(), &|n| {
            !self.named.contains_key(n)
        });
        self.named.append(&mut hidden.named);
        for (name, items) in hidden.generic {
            self.generic.entry(name).or_insert(items);
        }
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
