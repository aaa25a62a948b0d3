//! Reading a document from JSON: one `Deserialize` ([`RawDocument`]) used by
//! every reader (run input, gold files, `--from` annotations), then one
//! conversion into a [`Document`] once the text is known, since code-point
//! offsets can only be turned into byte offsets against the text and JSON
//! keys may come in any order.
//!
//! The text goes straight into a `String`; only layers and metadata pass
//! through `serde_json::Value`.

use std::fmt;

use serde::de::{self, Deserialize, Deserializer, MapAccess, Visitor};
use serde_json::Value;

use super::{OffsetUnit, Offsets, ReadError};
use crate::layers::{built_in_kind, looks_like_generic_layer};
use crate::{Document, GenericAnnotation, LayerItem};

/// One JSON record as read, before its offsets are checked against the text.
#[derive(Debug, Default)]
pub struct RawDocument {
    /// `id` as a string (a number id is written out), `None` when absent or null.
    pub id: Option<String>,
    pub text: Option<String>,
    /// Every other key, in input order.
    pub fields: Vec<(String, Value)>,
    /// Set when `id` is neither a string, a number nor null.
    bad_id: bool,
    /// Set when `text` is present but not a string.
    bad_text: bool,
    /// A key given twice (a record must not say two things).
    duplicate: Option<String>,
}

impl<'de> Deserialize<'de> for RawDocument {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<RawDocument, D::Error> {
        d.deserialize_map(RecordVisitor)
    }
}

struct RecordVisitor;

impl<'de> Visitor<'de> for RecordVisitor {
    type Value = RawDocument;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a JSON object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<RawDocument, A::Error> {
        let mut raw = RawDocument::default();
        let mut seen_id = false;
        while let Some(key) = map.next_key::<String>()? {
            match key.as_str() {
                "id" => {
                    if std::mem::replace(&mut seen_id, true) {
                        raw.duplicate.get_or_insert(key);
                        map.next_value::<de::IgnoredAny>()?;
                        continue;
                    }
                    match map.next_value::<Value>()? {
                        Value::String(s) => raw.id = Some(s),
                        Value::Number(n) => raw.id = Some(n.to_string()),
                        Value::Null => {}
                        _ => raw.bad_id = true,
                    }
                }
                "text" => {
                    if raw.text.is_some() || raw.bad_text {
                        raw.duplicate.get_or_insert(key);
                        map.next_value::<de::IgnoredAny>()?;
                        continue;
                    }
                    match map.next_value::<TextValue>()? {
                        TextValue(Some(s)) => raw.text = Some(s),
                        TextValue(None) => raw.bad_text = true,
                    }
                }
                _ => {
                    let value = map.next_value::<Value>()?;
                    if raw.fields.iter().any(|(k, _)| *k == key) {
                        raw.duplicate.get_or_insert(key);
                    } else {
                        raw.fields.push((key, value));
                    }
                }
            }
        }
        Ok(raw)
    }
}

/// The `text` field: a string, or anything else (an error reported later,
/// with the document id when there is one).
struct TextValue(Option<String>);

impl<'de> Deserialize<'de> for TextValue {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<TextValue, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = TextValue;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a string")
            }
            fn visit_str<E: de::Error>(self, s: &str) -> Result<TextValue, E> {
                Ok(TextValue(Some(s.to_string())))
            }
            fn visit_string<E: de::Error>(self, s: String) -> Result<TextValue, E> {
                Ok(TextValue(Some(s)))
            }
            fn visit_bool<E: de::Error>(self, _: bool) -> Result<TextValue, E> {
                Ok(TextValue(None))
            }
            fn visit_i64<E: de::Error>(self, _: i64) -> Result<TextValue, E> {
                Ok(TextValue(None))
            }
            fn visit_u64<E: de::Error>(self, _: u64) -> Result<TextValue, E> {
                Ok(TextValue(None))
            }
            fn visit_f64<E: de::Error>(self, _: f64) -> Result<TextValue, E> {
                Ok(TextValue(None))
            }
            fn visit_unit<E: de::Error>(self) -> Result<TextValue, E> {
                Ok(TextValue(None))
            }
            fn visit_seq<A: de::SeqAccess<'de>>(self, mut seq: A) -> Result<TextValue, A::Error> {
                while seq.next_element::<de::IgnoredAny>()?.is_some() {}
                Ok(TextValue(None))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<TextValue, A::Error> {
                while map
                    .next_entry::<de::IgnoredAny, de::IgnoredAny>()?
                    .is_some()
                {}
                Ok(TextValue(None))
            }
        }
        d.deserialize_any(V)
    }
}

impl RawDocument {
    /// Parses one record. Errors are about the JSON itself (syntax, not an
    /// object); what the fields hold is checked by [`RawDocument::into_document`].
    pub fn parse(src: &str) -> Result<RawDocument, ReadError> {
        serde_json::from_str(src).map_err(ReadError::from_json)
    }

    /// The document, with offsets in `unit` checked against the text. Keys
    /// other than id, text and the built-in layers become metadata, except a
    /// top-level array whose items all have integer `start`, `end` and a
    /// string `label`, which is read as a plugin layer. A missing id is "".
    pub fn into_document(self, unit: OffsetUnit) -> Result<Document, ReadError> {
        if let Some(key) = self.duplicate {
            return Err(ReadError::DuplicateKey(key));
        }
        if self.bad_id {
            return Err(field_err("id", "must be a string or a number"));
        }
        let id = self.id.unwrap_or_default();
        let text = match self.text {
            Some(text) => text,
            None if self.bad_text => return Err(field_err("text", "must be a string")),
            None => return Err(ReadError::Missing("text")),
        };
        let mut doc = Document::new(id, text);
        let off = Offsets::new(&doc.text, unit);
        let mut layers = std::mem::take(&mut doc.layers);
        for (key, value) in self.fields {
            if let Some(kind) = built_in_kind(&key) {
                kind.read_json(&mut layers, &value, &off)?;
            } else if looks_like_generic_layer(&value) {
                let items = value
                    .as_array()
                    .into_iter()
                    .flatten()
                    .map(|v| GenericAnnotation::read(v, &off, &key))
                    .collect::<Result<Vec<_>, ReadError>>()?;
                layers.generic.insert(key, items);
            } else {
                doc.metadata.insert(key, value);
            }
        }
        doc.layers = layers;
        Ok(doc)
    }
}

/// Converts an already parsed value (used where a caller holds a `Value`).
pub(super) fn raw_from_value(value: Value) -> Result<RawDocument, ReadError> {
    let Value::Object(obj) = value else {
        return Err(ReadError::NotAnObject);
    };
    let mut raw = RawDocument::default();
    for (key, value) in obj {
        match key.as_str() {
            "id" => match value {
                Value::String(s) => raw.id = Some(s),
                Value::Number(n) => raw.id = Some(n.to_string()),
                Value::Null => {}
                _ => raw.bad_id = true,
            },
            "text" => match value {
                Value::String(s) => raw.text = Some(s),
                _ => raw.bad_text = true,
            },
            _ => raw.fields.push((key, value)),
        }
    }
    Ok(raw)
}

fn field_err(field: &str, message: &str) -> ReadError {
    super::field_error(field, message)
}
