//! Writing a document as JSON: a view over a `&Document` that serde_json
//! writes straight into the output, piece by piece, with no whole-document
//! string in between. Every layer, built-in, of a kind defined elsewhere or
//! from a plugin, is written by its kind ([`crate::StoredLayer`]).

use std::io;

use serde::Serialize;
use serde_json::Value;

use super::{KeepMetadata, LedeFormatter, Offsets, WriteError, WriteOptions};
use crate::layer;
use crate::Document;

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
/// uses, so writing cannot produce a key twice.
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
            if is_reserved_layer_name(name) || doc.layers.named.contains_key(name) {
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

    /// Writes the document as one JSON object (no newline) to `out`, in the
    /// compact form: `{"id":...,"text":...,` kept metadata, then each layer.
    pub fn write_to<W: io::Write>(&self, mut out: W) -> Result<(), WriteError> {
        let out: &mut dyn io::Write = &mut out;
        self.write_dyn(out).map_err(WriteError::from_json)
    }

    fn write_dyn(&self, out: &mut dyn io::Write) -> serde_json::Result<()> {
        let doc = self.doc;
        out.write_all(b"{").map_err(serde_json::Error::io)?;
        entry(out, "id", true)?;
        value(out, &doc.id)?;
        if self.include_text {
            entry(out, "text", false)?;
            value(out, &doc.text)?;
        }
        for (key, v) in &self.kept {
            entry(out, key, false)?;
            value(out, v)?;
        }
        for (name, layer) in doc.layers.iter_stored() {
            entry(out, name, false)?;
            layer.write_json(out, &self.off)?;
        }
        out.write_all(b"}").map_err(serde_json::Error::io)
    }
}

/// Writes `,` (unless first) and `"key":`.
fn entry(out: &mut dyn io::Write, key: &str, first: bool) -> serde_json::Result<()> {
    if !first {
        out.write_all(b",").map_err(serde_json::Error::io)?;
    }
    value(out, key)?;
    out.write_all(b":").map_err(serde_json::Error::io)
}

fn value<T: Serialize + ?Sized>(out: &mut dyn io::Write, v: &T) -> serde_json::Result<()> {
    v.serialize(&mut serde_json::Serializer::with_formatter(
        out,
        LedeFormatter,
    ))
}
