//! The typed annotation layers and the one list of built-in layer kinds.
//!
//! Each layer is a `Vec` of plain structs sorted by span start. Each item
//! type lives in its own file together with its JSON form and plugin label
//! (its [`LayerItem`] impl); this file names the built-in kinds once, with
//! their overlap policy, in [`BUILT_IN_KINDS`]. Adding a built-in kind is a
//! new file here plus one entry in that list; a kind defined elsewhere
//! (`LayerKind::new`) needs no change to lede-core at all.

mod entities;
mod generic;
mod numbers;
mod quotes;
mod tokens;

use serde::ser::SerializeMap;
use serde_json::Value;

use crate::json::{self, Offsets, ReadError};
use crate::layer_kind::{AnyKind, LayerKind, Overlap};
use crate::{LayerItem, Layers, Span};

pub use entities::{Entity, EntityLabel};
pub(crate) use generic::looks_like_generic_layer;
pub use generic::{AttrValue, GenericAnnotation};
pub use numbers::{NumberAnnotation, NumberKind, NumberValue};
pub use quotes::{Quote, QuoteKind, Speaker};
pub use tokens::{Token, TokenKind};

/// A name that is not one of a fixed set (a token kind, an entity label,
/// ...), from `FromStr`.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("unknown {what} {name:?}")]
pub struct UnknownName {
    /// What was being named (`entity label`).
    pub what: &'static str,
    pub name: String,
}

impl UnknownName {
    pub(crate) fn new(what: &'static str, name: &str) -> UnknownName {
        UnknownName {
            what,
            name: name.to_string(),
        }
    }
}

impl From<UnknownName> for String {
    fn from(e: UnknownName) -> String {
        e.to_string()
    }
}

/// Paragraphs and sentences are bare spans: `{"start", "end"}` in JSON,
/// `[start, end]` accepted on input (the gold form).
impl LayerItem for Span {
    fn span(&self) -> Span {
        *self
    }
    fn write_fields<M: SerializeMap>(&self, _: &mut M, _: &Offsets) -> Result<(), M::Error> {
        Ok(())
    }
    fn read(value: &Value, off: &Offsets, layer: &str) -> Result<Self, ReadError> {
        json::read_span(off, layer, value)
    }
}

/// Ids of the built-in layers, as used in `requires`/`produces`, pipeline
/// files and the JSON output.
pub mod layer {
    use crate::LayerId;

    pub const PARAGRAPHS: LayerId = LayerId::new("paragraphs");
    pub const SENTENCES: LayerId = LayerId::new("sentences");
    pub const TOKENS: LayerId = LayerId::new("tokens");
    pub const ENTITIES: LayerId = LayerId::new("entities");
    pub const NUMBERS: LayerId = LayerId::new("numbers");
    pub const QUOTES: LayerId = LayerId::new("quotes");
    /// Their names, in the order the default pipeline produces them.
    pub const BUILT_IN: [&str; 6] = [
        PARAGRAPHS.as_str(),
        SENTENCES.as_str(),
        TOKENS.as_str(),
        ENTITIES.as_str(),
        NUMBERS.as_str(),
        QUOTES.as_str(),
    ];
}

/// The typed kinds of the built-in layers, for `kind.get(&doc.layers)`.
pub mod kind {
    use super::*;

    pub const PARAGRAPHS: LayerKind<Span> = LayerKind::field(
        layer::PARAGRAPHS,
        Overlap::Never,
        |l| &l.paragraphs,
        |l| &mut l.paragraphs,
    );
    pub const SENTENCES: LayerKind<Span> = LayerKind::field(
        layer::SENTENCES,
        Overlap::Never,
        |l| &l.sentences,
        |l| &mut l.sentences,
    );
    pub const TOKENS: LayerKind<Token> = LayerKind::field(
        layer::TOKENS,
        Overlap::Never,
        |l| &l.tokens,
        |l| &mut l.tokens,
    );
    pub const ENTITIES: LayerKind<Entity> = LayerKind::field(
        layer::ENTITIES,
        Overlap::Never,
        |l| &l.entities,
        |l| &mut l.entities,
    );
    pub const NUMBERS: LayerKind<NumberAnnotation> = LayerKind::field(
        layer::NUMBERS,
        Overlap::Never,
        |l| &l.numbers,
        |l| &mut l.numbers,
    );
    pub const QUOTES: LayerKind<Quote> = LayerKind::field(
        layer::QUOTES,
        Overlap::Never,
        |l| &l.quotes,
        |l| &mut l.quotes,
    );
}

/// Every built-in layer kind, in the order the default pipeline produces
/// them (and the JSON output lists them). The JSON writer and reader, the
/// plugin view and the runner's access checks walk this list.
pub static BUILT_IN_KINDS: [&dyn AnyKind; 6] = [
    &kind::PARAGRAPHS,
    &kind::SENTENCES,
    &kind::TOKENS,
    &kind::ENTITIES,
    &kind::NUMBERS,
    &kind::QUOTES,
];

/// The built-in kind called `name`.
pub fn built_in_kind(name: &str) -> Option<&'static dyn AnyKind> {
    BUILT_IN_KINDS.iter().copied().find(|k| k.id() == name)
}

/// The layers of `layers` as stored, by name: built-in ones first, then
/// kinds stored by name, then plugin layers.
pub(crate) fn stored<'l>(
    layers: &'l Layers,
) -> Vec<(&'l str, &'l (dyn crate::StoredLayer + 'static))> {
    let mut out: Vec<(&'l str, &'l (dyn crate::StoredLayer + 'static))> = BUILT_IN_KINDS
        .iter()
        .filter_map(|k| Some((k.id().as_str(), k.stored(layers)?)))
        .collect();
    for (name, layer) in layers.named.iter() {
        out.push((name, layer));
    }
    out.extend(
        layers
            .generic
            .iter()
            .map(|(name, items)| (name.as_str(), items as &(dyn crate::StoredLayer + 'static))),
    );
    out
}
