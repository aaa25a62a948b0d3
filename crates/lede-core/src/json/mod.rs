//! The JSON form of a document (one object per document; JSONL for many).
//!
//! ```json
//! {"id": "...", "text": "...",
//!  "sentences": [{"start": 0, "end": 57}],
//!  "tokens": [{"start": 0, "end": 8, "kind": "word"}],
//!  "entities": [{"start": 140, "end": 153, "label": "PERSON", "canonical": "Steve Witkoff"}],
//!  "numbers": [{"start": 10, "end": 16, "kind": "cardinal", "value": 35000.0, "unit": "lives", "modifier": "over"}],
//!  "quotes": [{"start": 5, "end": 80, "kind": "direct", "speaker": {"start": 90, "end": 104, "text": "Antony Blinken", "canonical": "Antony Blinken"}, "cue": "said"}]}
//! ```
//!
//! Offsets are Unicode code points by default (Python's `text[start:end]`),
//! or bytes with [`OffsetUnit::Bytes`]. Metadata fields are written at the top
//! level when asked for; plugin layers appear under their layer name as
//! `[{"start", "end", "label", ...attributes}]`.
//!
//! Writing goes through serde: [`DocumentJson`] is a `Serialize` view of a
//! document that serde_json streams into any `io::Write`, so a large document
//! is never held as one string. Reading goes through one `Deserialize`,
//! [`RawDocument`], for every kind of input. The keys `id`, `text`, `error`
//! and every layer name are reserved: a kept metadata field or a plugin layer
//! that would take one is refused ([`WriteError`]), never written twice.

mod read;
mod write;

use std::io;

use serde::ser::SerializeMap;
use serde_json::ser::{CharEscape, CompactFormatter, Formatter};
use serde_json::Value;

use crate::{Document, OffsetMap, Span};

pub use read::RawDocument;
pub use write::{is_reserved_layer_name, DocumentJson, RESERVED_KEYS};

/// Which offsets the JSON carries.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum OffsetUnit {
    /// Unicode code points (the default).
    #[default]
    CodePoints,
    /// UTF-8 bytes.
    Bytes,
}

/// Which metadata fields to write at the top level.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum KeepMetadata {
    /// None (the default).
    #[default]
    None,
    /// All of them.
    All,
    /// Only these fields, when present.
    Fields(Vec<String>),
}

/// Choices for writing a document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WriteOptions {
    pub offsets: OffsetUnit,
    /// Include the document text (default true).
    pub include_text: bool,
    pub keep: KeepMetadata,
}

impl Default for WriteOptions {
    fn default() -> Self {
        WriteOptions {
            offsets: OffsetUnit::CodePoints,
            include_text: true,
            keep: KeepMetadata::None,
        }
    }
}

/// Why a JSON record could not be read as a document.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    /// Not JSON at all; `line` and `column` are within the record.
    #[error("not valid JSON: {message}")]
    Syntax {
        message: String,
        line: usize,
        column: usize,
    },
    #[error("expected a JSON object")]
    NotAnObject,
    #[error("missing field \"{0}\"")]
    Missing(&'static str),
    #[error("field \"{0}\" is given twice")]
    DuplicateKey(String),
    #[error("field \"{field}\" {message}")]
    Field { field: String, message: String },
}

impl ReadError {
    fn from_json(e: serde_json::Error) -> ReadError {
        if e.classify() == serde_json::error::Category::Data {
            return ReadError::NotAnObject;
        }
        ReadError::Syntax {
            message: e.to_string(),
            line: e.line(),
            column: e.column(),
        }
    }
}

/// Why a document could not be written.
#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    #[error("document {id:?}: metadata field \"{key}\" has the name of a key lede writes (id, text, error or a layer); rename it in the input or leave it out of --keep")]
    ReservedKey { id: String, key: String },
    #[error("document {id:?}: a plugin layer is called \"{name}\", a name reserved for the record or a built-in layer")]
    ReservedLayer { id: String, name: String },
    #[error("cannot write output: {0}")]
    Io(#[from] io::Error),
}

impl WriteError {
    fn from_json(e: serde_json::Error) -> WriteError {
        match e.io_error_kind() {
            Some(kind) => WriteError::Io(io::Error::new(kind, e)),
            None => WriteError::Io(io::Error::other(e)),
        }
    }
}

/// Converts offsets of one text between bytes and the output unit: what a
/// [`LayerItem`](crate::LayerItem) uses to write and read its spans.
pub struct Offsets<'a> {
    text: &'a str,
    map: Option<OffsetMap>,
}

impl<'a> Offsets<'a> {
    pub fn new(text: &'a str, unit: OffsetUnit) -> Self {
        let map = match unit {
            OffsetUnit::CodePoints => Some(OffsetMap::new(text)),
            OffsetUnit::Bytes => None,
        };
        Offsets { text, map }
    }

    /// A byte offset of the text in the output unit.
    pub fn out(&self, byte: usize) -> usize {
        match &self.map {
            Some(map) => map.byte_to_char(self.text, byte),
            None => byte,
        }
    }

    /// The span of `start..end` given in the output unit.
    pub(crate) fn span_in(&self, start: usize, end: usize) -> Result<Span, String> {
        let (s, e) = match &self.map {
            Some(map) => (
                map.char_to_byte(self.text, start)
                    .ok_or_else(|| format!("offset {start} is past the end of the text"))?,
                map.char_to_byte(self.text, end)
                    .ok_or_else(|| format!("offset {end} is past the end of the text"))?,
            ),
            None => (start, end),
        };
        Span::new(self.text, s, e).map_err(|e| e.to_string())
    }
}

/// Writes `start` and `end` of `span` into an item's map.
pub fn span_entries<M: SerializeMap>(
    map: &mut M,
    off: &Offsets,
    span: Span,
) -> Result<(), M::Error> {
    map.serialize_entry("start", &off.out(span.start()))?;
    map.serialize_entry("end", &off.out(span.end()))
}

/// A [`ReadError::Field`] about the layer or field `field`.
pub fn field_error(field: &str, message: impl ToString) -> ReadError {
    ReadError::Field {
        field: field.to_string(),
        message: message.to_string(),
    }
}

/// A string member of a JSON object, if present and a string.
pub fn opt_string(obj: &Value, key: &str) -> Option<String> {
    obj.get(key).and_then(Value::as_str).map(str::to_string)
}

/// A span given as `{"start", "end"}` or as `[start, end]` (the gold form),
/// in the unit of `off`, checked against the text.
pub fn read_span(off: &Offsets, field: &str, value: &Value) -> Result<Span, ReadError> {
    let (start, end) = match value {
        Value::Array(pair) if pair.len() == 2 => (pair[0].as_u64(), pair[1].as_u64()),
        Value::Object(o) => (
            o.get("start").and_then(Value::as_u64),
            o.get("end").and_then(Value::as_u64),
        ),
        _ => (None, None),
    };
    match (start, end) {
        (Some(s), Some(e)) => off
            .span_in(s as usize, e as usize)
            .map_err(|m| field_error(field, m)),
        _ => Err(field_error(
            field,
            "each item needs non-negative integer `start` and `end`",
        )),
    }
}

/// serde_json's compact form, except that backspace and form feed are
/// written as `\u0008` and `\u000c` like every other control character, as
/// lede has always written them.
pub(crate) struct LedeFormatter;

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

/// Writes `doc` as one JSON object (no newline) straight to `out`.
pub fn write_document<W: io::Write>(
    out: W,
    doc: &Document,
    options: &WriteOptions,
) -> Result<(), WriteError> {
    DocumentJson::new(doc, options)?.write_to(out)
}

/// `doc` as one JSON object in a string, for tests and small documents
/// (`lede run` streams with [`write_document`]). Where [`write_document`]
/// would refuse the kept metadata, it is left out; a document with a plugin
/// layer of a reserved name (which a checked pipeline never makes) gives "".
pub fn to_json(doc: &Document, options: &WriteOptions) -> String {
    let mut out = Vec::with_capacity(doc.text.len() + 256);
    let written = match DocumentJson::new(doc, options) {
        Ok(json) => json.write_to(&mut out),
        Err(_) => {
            let plain = WriteOptions {
                keep: KeepMetadata::None,
                ..options.clone()
            };
            DocumentJson::new(doc, &plain).and_then(|json| json.write_to(&mut out))
        }
    };
    if written.is_err() {
        out.clear();
    }
    // serde_json writes only valid UTF-8.
    String::from_utf8(out).unwrap_or_default()
}

/// Reads a document from its JSON form, with offsets in `unit`.
pub fn from_json(src: &str, unit: OffsetUnit) -> Result<Document, ReadError> {
    RawDocument::parse(src)?.into_document(unit)
}

/// Like [`from_json`], from an already parsed value.
pub fn from_value(value: serde_json::Value, unit: OffsetUnit) -> Result<Document, ReadError> {
    read::raw_from_value(value)?.into_document(unit)
}

#[cfg(test)]
mod tests;
