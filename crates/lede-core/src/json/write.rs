//! Writing a document as JSON: a `Serialize` view over a `&Document`, so
//! serde_json writes it straight into the output, piece by piece, with no
//! whole-document string in between.

use std::io;

use serde::ser::{SerializeMap, SerializeSeq};
use serde::{Serialize, Serializer};
use serde_json::ser::{CharEscape, CompactFormatter, Formatter};
use serde_json::Value;

use super::{KeepMetadata, Offsets, WriteError, WriteOptions};
use crate::layer;
use crate::{
    AttrValue, Document, Entity, GenericAnnotation, NumberAnnotation, NumberValue, Quote, Span,
    Speaker, Token,
};

/// Keys no metadata field or plugin layer may take: they would make a record
/// read as something else (`error` marks a failed document).
pub const RESERVED_KEYS: [&str; 3] = ["id", "text", "error"];

/// True when `name` is a key of the document record itself or of a
/// built-in layer, so a plugin layer may not be called that.
pub fn is_reserved_layer_name(name: &str) -> bool {
    RESERVED_KEYS.contains(&name) || layer::BUILT_IN.contains(&name)
}

/// A document ready to be written: its offsets converter is built and the
/// kept metadata fields are checked against the keys the record already
/// uses, so serialising cannot produce a key twice.
pub struct DocumentJson<'a> {
    doc: &'a Document,
    include_text: bool,
    kept: Vec<(&'a str, &'a Value)>,
    off: Offsets<'a>,
}

impl<'a> DocumentJson<'a> {
    /// Fails with [`WriteError::ReservedKey`] when a kept metadata field has
    /// the name of `id`, `text`, `error` or a layer of the document.
    pub fn new(doc: &'a Document, options: &WriteOptions) -> Result<DocumentJson<'a>, WriteError> {
        let kept: Vec<(&str, &Value)> = match &options.keep {
            KeepMetadata::None => Vec::new(),
            KeepMetadata::All => doc.metadata.iter().map(|(k, v)| (k.as_str(), v)).collect(),
            KeepMetadata::Fields(fields) => fields
                .iter()
                .filter_map(|f| doc.metadata.get_key_value(f))
                .map(|(k, v)| (k.as_str(), v))
                .collect(),
        };
        for (key, _) in &kept {
            if RESERVED_KEYS.contains(key) || doc.layers.has(key) {
                return Err(WriteError::ReservedKey {
                    id: doc.id.clone(),
                    key: key.to_string(),
                });
            }
        }
        for name in doc.layers.generic.keys() {
            if is_reserved_layer_name(name) {
                return Err(WriteError::ReservedLayer {
                    id: doc.id.clone(),
                    name: name.clone(),
                });
            }
        }
        Ok(DocumentJson {
            doc,
            include_text: options.include_text,
            kept,
            off: Offsets::new(&doc.text, options.offsets),
        })
    }

    /// Writes the document as one JSON object (no newline) to `out`.
    pub fn write_to<W: io::Write>(&self, out: W) -> Result<(), WriteError> {
        let mut ser = serde_json::Serializer::with_formatter(out, LedeFormatter);
        self.serialize(&mut ser).map_err(WriteError::from_json)
    }
}

/// serde_json's compact form, except that backspace and form feed are
/// written as `\u0008` and `\u000c` like every other control character, as
/// lede has always written them.
struct LedeFormatter;

impl Formatter for LedeFormatter {
    fn write_char_escape<W: ?Sized + io::Write>(
        &mut self,
        writer: &mut W,
        char_escape: CharEscape,
    ) -> io::Result<()> {
        match char_escape {
            CharEscape::Backspace => writer.write_all(b"\\u0008"),
            CharEscape::FormFeed => writer.write_all(b"\\u000c"),
            other => CompactFormatter.write_char_escape(writer, other),
        }
    }
}

impl Serialize for DocumentJson<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let doc = self.doc;
        let off = &self.off;
        let mut map = s.serialize_map(None)?;
        map.serialize_entry("id", &doc.id)?;
        if self.include_text {
            map.serialize_entry("text", &doc.text)?;
        }
        for (key, value) in &self.kept {
            map.serialize_entry(key, value)?;
        }
        let layers = &doc.layers;
        if let Some(items) = &layers.paragraphs {
            map.serialize_entry(layer::PARAGRAPHS, &List { off, items })?;
        }
        if let Some(items) = &layers.sentences {
            map.serialize_entry(layer::SENTENCES, &List { off, items })?;
        }
        if let Some(items) = &layers.tokens {
            map.serialize_entry(layer::TOKENS, &List { off, items })?;
        }
        if let Some(items) = &layers.entities {
            map.serialize_entry(layer::ENTITIES, &List { off, items })?;
        }
        if let Some(items) = &layers.numbers {
            map.serialize_entry(layer::NUMBERS, &List { off, items })?;
        }
        if let Some(items) = &layers.quotes {
            map.serialize_entry(layer::QUOTES, &List { off, items })?;
        }
        for (name, items) in &layers.generic {
            map.serialize_entry(name, &List { off, items })?;
        }
        map.end()
    }
}

/// A layer: a JSON array of its items.
struct List<'a, T> {
    off: &'a Offsets<'a>,
    items: &'a [T],
}

/// One annotation with the offsets converter it needs.
struct Item<'a, T> {
    off: &'a Offsets<'a>,
    item: &'a T,
}

impl<'a, T> Serialize for List<'a, T>
where
    Item<'a, T>: Serialize,
{
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut seq = s.serialize_seq(Some(self.items.len()))?;
        for item in self.items {
            seq.serialize_element(&Item {
                off: self.off,
                item,
            })?;
        }
        seq.end()
    }
}

fn span_entries<M: SerializeMap>(map: &mut M, off: &Offsets, span: Span) -> Result<(), M::Error> {
    map.serialize_entry("start", &off.out(span.start()))?;
    map.serialize_entry("end", &off.out(span.end()))
}

/// Non-finite numbers have no JSON form; they are written as `null`.
fn finite(x: f64) -> Option<f64> {
    x.is_finite().then_some(x)
}

impl Serialize for Item<'_, Span> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(2))?;
        span_entries(&mut map, self.off, *self.item)?;
        map.end()
    }
}

impl Serialize for Item<'_, Token> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(3))?;
        span_entries(&mut map, self.off, self.item.span)?;
        map.serialize_entry("kind", self.item.kind.as_str())?;
        map.end()
    }
}

impl Serialize for Item<'_, Entity> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let e = self.item;
        let mut map = s.serialize_map(None)?;
        span_entries(&mut map, self.off, e.span)?;
        map.serialize_entry("label", e.label.as_str())?;
        if let Some(c) = &e.canonical {
            map.serialize_entry("canonical", c)?;
        }
        if let Some(t) = &e.title {
            map.serialize_entry("title", t)?;
        }
        map.end()
    }
}

impl Serialize for Item<'_, NumberAnnotation> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let n = self.item;
        let mut map = s.serialize_map(None)?;
        span_entries(&mut map, self.off, n.span)?;
        map.serialize_entry("kind", n.kind.as_str())?;
        match &n.value {
            NumberValue::Number(x) => map.serialize_entry("value", &finite(*x))?,
            NumberValue::Text(t) => map.serialize_entry("value", t)?,
        }
        if let Some(u) = &n.unit {
            map.serialize_entry("unit", u)?;
        }
        if let Some(m) = &n.modifier {
            map.serialize_entry("modifier", m)?;
        }
        if n.approx {
            map.serialize_entry("approx", &true)?;
        }
        if let Some(x) = n.low {
            map.serialize_entry("low", &finite(x))?;
        }
        if let Some(x) = n.high {
            map.serialize_entry("high", &finite(x))?;
        }
        if let Some(p) = &n.per {
            map.serialize_entry("per", p)?;
        }
        map.end()
    }
}

impl Serialize for Item<'_, Quote> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let q = self.item;
        let mut map = s.serialize_map(None)?;
        span_entries(&mut map, self.off, q.span)?;
        map.serialize_entry("kind", q.kind.as_str())?;
        let speaker = q.speaker.as_ref().map(|item| Item {
            off: self.off,
            item,
        });
        map.serialize_entry("speaker", &speaker)?;
        map.serialize_entry("cue", &q.cue)?;
        map.end()
    }
}

impl Serialize for Item<'_, Speaker> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let sp = self.item;
        let mut map = s.serialize_map(None)?;
        if let Some(span) = sp.span {
            span_entries(&mut map, self.off, span)?;
        }
        map.serialize_entry("text", &sp.text)?;
        map.serialize_entry("canonical", &sp.canonical)?;
        if let Some(entity) = &sp.entity {
            map.serialize_entry(
                "entity",
                &Item {
                    off: self.off,
                    item: entity,
                },
            )?;
        }
        map.end()
    }
}

impl Serialize for Item<'_, GenericAnnotation> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let g = self.item;
        let mut map = s.serialize_map(None)?;
        span_entries(&mut map, self.off, g.span)?;
        map.serialize_entry("label", &g.label)?;
        for (key, value) in &g.attrs {
            // The item's own keys win; an attribute cannot repeat them.
            if matches!(key.as_str(), "start" | "end" | "label") {
                continue;
            }
            match value {
                AttrValue::Bool(b) => map.serialize_entry(key, b)?,
                AttrValue::Int(i) => map.serialize_entry(key, i)?,
                AttrValue::Float(x) => map.serialize_entry(key, &finite(*x))?,
                AttrValue::Str(t) => map.serialize_entry(key, t)?,
            }
        }
        map.end()
    }
}
