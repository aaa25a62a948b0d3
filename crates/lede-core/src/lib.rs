//! lede-core: the shared vocabulary of every lede crate.
//!
//! It defines the [`Document`] (text owned once, plus metadata and layers),
//! [`Span`] (byte offsets that are always on char boundaries), the layer
//! model ([`LayerKind`] and [`LayerItem`]: a layer's name, overlap policy,
//! JSON form and plugin view in one place; the built-in kinds, paragraphs,
//! sentences, tokens, entities, numbers and quotes, listed once in
//! [`BUILT_IN_KINDS`]; the generic layer plugins write to), the [`Stage`]
//! trait every pipeline step implements, typed stage options, and the JSON
//! form of a document with code-point or byte offsets ([`json`]).
//!
//! It does not segment, tag or run anything: stage crates do the work and
//! lede-runner composes them.

#![forbid(unsafe_code)]

pub mod json;
mod layer_kind;
pub mod layers;
pub mod offsets;
pub mod options;
mod span;
pub mod stage;
#[cfg(any(test, feature = "testing"))]
pub mod testing;

mod document;

pub use document::{Document, Layers};
pub use layer_kind::{
    text_fingerprint, AnyKind, LayerId, LayerItem, LayerKind, Overlap, StoredLayer,
};
pub use layers::{
    kind, layer, AttrValue, Entity, EntityLabel, GenericAnnotation, NumberAnnotation, NumberKind,
    NumberValue, Quote, QuoteKind, Speaker, Token, TokenKind, UnknownName, BUILT_IN_KINDS,
};
pub use offsets::OffsetMap;
pub use options::{OptionKind, OptionSpec, OptionValue, Options};
pub use span::{Span, SpanError};
pub use stage::{AccessError, Stage, StageError, StageInfo};
