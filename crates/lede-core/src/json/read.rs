//! Reading a document from JSON: one `Deserialize` ([`RawDocument`]) used by
//! every reader (run input, gold files, `--from` annotations), then one
//! conversion into a [`Document`] once the text is known, since code-point
//! offsets can only be turned into byte offsets against the text and JSON
//! keys may come in any order.
//!
//! The text goes straight into a `String`; only layers and metadata pass
//! through `serde_json::Value`.

use std::collections::BTreeMap;
use std::fmt;

use serde::de::{self, Deserialize, Deserializer, MapAccess, Visitor};
use serde_json::Value;

use super::{OffsetUnit, Offsets, ReadError};
use crate::layer;
use crate::{
    AttrValue, Document, Entity, EntityLabel, GenericAnnotation, NumberAnnotation, NumberKind,
    NumberValue, Quote, QuoteKind, Span, Speaker, Token, TokenKind,
};

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
            match key.as_str() {
                layer::PARAGRAPHS => layers.paragraphs = Some(read_spans(&off, &key, &value)?),
                layer::SENTENCES => layers.sentences = Some(read_spans(&off, &key, &value)?),
                layer::TOKENS => layers.tokens = Some(read_tokens(&off, &value)?),
                layer::ENTITIES => layers.entities = Some(read_entities(&off, &value)?),
                layer::NUMBERS => layers.numbers = Some(read_numbers(&off, &value)?),
                layer::QUOTES => layers.quotes = Some(read_quotes(&off, &value)?),
                _ if looks_like_generic_layer(&value) => {
                    let items = read_generic(&off, &key, &value)?;
                    layers.generic.insert(key, items);
                }
                _ => {
                    doc.metadata.insert(key, value);
                }
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

fn field_err(field: &str, message: impl Into<String>) -> ReadError {
    ReadError::Field {
        field: field.to_string(),
        message: message.into(),
    }
}

fn looks_like_generic_layer(value: &Value) -> bool {
    match value {
        Value::Array(items) => {
            !items.is_empty()
                && items.iter().all(|it| {
                    it.get("start").is_some_and(Value::is_u64)
                        && it.get("end").is_some_and(Value::is_u64)
                        && it.get("label").is_some_and(Value::is_string)
                })
        }
        _ => false,
    }
}

fn as_array<'v>(field: &str, value: &'v Value) -> Result<&'v Vec<Value>, ReadError> {
    value
        .as_array()
        .ok_or_else(|| field_err(field, "must be an array"))
}

/// A span given as `{"start", "end"}` or as `[start, end]` (the gold form).
fn read_span_value(off: &Offsets, field: &str, value: &Value) -> Result<Span, ReadError> {
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
            .map_err(|m| field_err(field, m)),
        _ => Err(field_err(
            field,
            "each item needs non-negative integer `start` and `end`",
        )),
    }
}

fn read_spans(off: &Offsets, field: &str, value: &Value) -> Result<Vec<Span>, ReadError> {
    as_array(field, value)?
        .iter()
        .map(|v| read_span_value(off, field, v))
        .collect()
}

fn opt_string(obj: &Value, key: &str) -> Option<String> {
    obj.get(key).and_then(Value::as_str).map(str::to_string)
}

fn read_tokens(off: &Offsets, value: &Value) -> Result<Vec<Token>, ReadError> {
    let field = layer::TOKENS;
    as_array(field, value)?
        .iter()
        .map(|v| {
            let span = read_span_value(off, field, v)?;
            let kind = match v.get("kind").and_then(Value::as_str) {
                Some(k) => k.parse::<TokenKind>().map_err(|m| field_err(field, m))?,
                None => TokenKind::Word,
            };
            Ok(Token { span, kind })
        })
        .collect()
}

fn read_entities(off: &Offsets, value: &Value) -> Result<Vec<Entity>, ReadError> {
    let field = layer::ENTITIES;
    as_array(field, value)?
        .iter()
        .map(|v| {
            let span = read_span_value(off, field, v)?;
            let label = v
                .get("label")
                .and_then(Value::as_str)
                .ok_or_else(|| field_err(field, "each entity needs a string `label`"))?
                .parse::<EntityLabel>()
                .map_err(|m| field_err(field, m))?;
            Ok(Entity {
                span,
                label,
                canonical: opt_string(v, "canonical"),
                title: opt_string(v, "title"),
            })
        })
        .collect()
}

fn read_numbers(off: &Offsets, value: &Value) -> Result<Vec<NumberAnnotation>, ReadError> {
    let field = layer::NUMBERS;
    as_array(field, value)?
        .iter()
        .map(|v| {
            let span = read_span_value(off, field, v)?;
            let kind = v
                .get("kind")
                .and_then(Value::as_str)
                .ok_or_else(|| field_err(field, "each number needs a string `kind`"))?
                .parse::<NumberKind>()
                .map_err(|m| field_err(field, m))?;
            let value = match v.get("value") {
                Some(Value::Number(n)) => NumberValue::Number(n.as_f64().unwrap_or(f64::NAN)),
                Some(Value::String(s)) => NumberValue::Text(s.clone()),
                _ => return Err(field_err(field, "each number needs a `value`")),
            };
            Ok(NumberAnnotation {
                span,
                kind,
                value,
                unit: opt_string(v, "unit"),
                modifier: opt_string(v, "modifier"),
                approx: v.get("approx").and_then(Value::as_bool).unwrap_or(false),
                low: v.get("low").and_then(Value::as_f64),
                high: v.get("high").and_then(Value::as_f64),
                per: opt_string(v, "per"),
            })
        })
        .collect()
}

fn read_quotes(off: &Offsets, value: &Value) -> Result<Vec<Quote>, ReadError> {
    let field = layer::QUOTES;
    as_array(field, value)?
        .iter()
        .map(|v| {
            let span = read_span_value(off, field, v)?;
            let kind = match v.get("kind").and_then(Value::as_str) {
                Some(k) => k.parse::<QuoteKind>().map_err(|m| field_err(field, m))?,
                None => QuoteKind::Direct,
            };
            let speaker = match v.get("speaker") {
                None | Some(Value::Null) => None,
                // Our own output: {"start", "end", "text", "canonical"}.
                Some(sp @ Value::Object(_)) => Some(Speaker {
                    span: if sp.get("start").is_some() {
                        Some(read_span_value(off, field, sp)?)
                    } else {
                        None
                    },
                    text: opt_string(sp, "text").unwrap_or_default(),
                    canonical: opt_string(sp, "canonical"),
                    entity: match sp.get("entity") {
                        Some(e @ Value::Object(_)) => Some(read_span_value(off, field, e)?),
                        _ => None,
                    },
                }),
                // The gold form: "speaker": "name", "speaker_start", "speaker_end".
                Some(Value::String(name)) => {
                    let span = match (
                        v.get("speaker_start").and_then(Value::as_u64),
                        v.get("speaker_end").and_then(Value::as_u64),
                    ) {
                        (Some(s), Some(e)) => Some(
                            off.span_in(s as usize, e as usize)
                                .map_err(|m| field_err(field, m))?,
                        ),
                        _ => None,
                    };
                    Some(Speaker {
                        span,
                        text: name.clone(),
                        canonical: Some(name.clone()),
                        entity: None,
                    })
                }
                Some(_) => {
                    return Err(field_err(
                        field,
                        "`speaker` must be an object, string or null",
                    ))
                }
            };
            Ok(Quote {
                span,
                kind,
                speaker,
                cue: opt_string(v, "cue"),
            })
        })
        .collect()
}

fn read_generic(
    off: &Offsets,
    field: &str,
    value: &Value,
) -> Result<Vec<GenericAnnotation>, ReadError> {
    as_array(field, value)?
        .iter()
        .map(|v| {
            let span = read_span_value(off, field, v)?;
            let label = opt_string(v, "label").unwrap_or_default();
            let mut attrs = BTreeMap::new();
            if let Some(obj) = v.as_object() {
                for (k, val) in obj {
                    if matches!(k.as_str(), "start" | "end" | "label") {
                        continue;
                    }
                    let attr = match val {
                        Value::Bool(b) => AttrValue::Bool(*b),
                        Value::Number(n) => match n.as_i64() {
                            Some(i) => AttrValue::Int(i),
                            None => AttrValue::Float(n.as_f64().unwrap_or(f64::NAN)),
                        },
                        Value::String(s) => AttrValue::Str(s.clone()),
                        other => AttrValue::Str(other.to_string()),
                    };
                    attrs.insert(k.clone(), attr);
                }
            }
            Ok(GenericAnnotation { span, label, attrs })
        })
        .collect()
}
