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
//! Writing is hand-rolled (no intermediate `serde_json::Value`) because it
//! runs once per document on every `lede run`; reading goes through
//! `serde_json::Value`.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use serde_json::Value;

use crate::layer;
use crate::{
    AttrValue, Document, Entity, EntityLabel, GenericAnnotation, NumberAnnotation, NumberKind,
    NumberValue, OffsetMap, Quote, QuoteKind, Span, Speaker, Token, TokenKind,
};

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

/// Choices for [`to_json`].
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

/// Why a JSON document could not be read.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    #[error("invalid JSON: {0}")]
    Json(#[from] serde_json::Error),
    #[error("expected a JSON object")]
    NotAnObject,
    #[error("missing field `{0}`")]
    Missing(&'static str),
    #[error("field `{field}`: {message}")]
    Field { field: String, message: String },
}

fn field_err(field: &str, message: impl Into<String>) -> ReadError {
    ReadError::Field {
        field: field.to_string(),
        message: message.into(),
    }
}

struct Offsets<'a> {
    text: &'a str,
    unit: OffsetUnit,
    map: Option<OffsetMap>,
}

impl<'a> Offsets<'a> {
    fn new(text: &'a str, unit: OffsetUnit) -> Self {
        let map = match unit {
            OffsetUnit::CodePoints => Some(OffsetMap::new(text)),
            OffsetUnit::Bytes => None,
        };
        Offsets { text, unit, map }
    }

    fn out(&self, byte: usize) -> usize {
        match &self.map {
            Some(map) => map.byte_to_char(self.text, byte),
            None => byte,
        }
    }

    fn span_in(&self, start: usize, end: usize) -> Result<Span, String> {
        let (s, e) = match (&self.map, self.unit) {
            (Some(map), _) => (
                map.char_to_byte(self.text, start)
                    .ok_or_else(|| format!("offset {start} is past the end of the text"))?,
                map.char_to_byte(self.text, end)
                    .ok_or_else(|| format!("offset {end} is past the end of the text"))?,
            ),
            (None, _) => (start, end),
        };
        Span::new(self.text, s, e).map_err(|e| e.to_string())
    }
}

/// Appends `s` as a JSON string literal. Runs for every string of every
/// document, so it copies unescaped stretches whole and never allocates.
fn push_str(out: &mut String, s: &str) {
    out.reserve(s.len() + 2);
    out.push('"');
    let bytes = s.as_bytes();
    let mut from = 0;
    for (i, &b) in bytes.iter().enumerate() {
        let escaped: &str = match b {
            b'"' => "\\\"",
            b'\\' => "\\\\",
            b'\n' => "\\n",
            b'\r' => "\\r",
            b'\t' => "\\t",
            0x00..=0x1F => "",
            _ => continue,
        };
        // Every byte matched above is ASCII, so `from..i` and `i + 1` are
        // char boundaries.
        out.push_str(&s[from..i]);
        if escaped.is_empty() {
            let _ = write!(out, "\\u{:04x}", b);
        } else {
            out.push_str(escaped);
        }
        from = i + 1;
    }
    out.push_str(&s[from..]);
    out.push('"');
}

fn push_f64(out: &mut String, x: f64) {
    if x.is_finite() {
        match serde_json::to_string(&x) {
            Ok(s) => out.push_str(&s),
            Err(_) => out.push_str("null"),
        }
    } else {
        out.push_str("null");
    }
}

fn push_span(out: &mut String, off: &Offsets, span: Span) {
    let _ = write!(
        out,
        "\"start\":{},\"end\":{}",
        off.out(span.start()),
        off.out(span.end())
    );
}

fn push_key(out: &mut String, key: &str) {
    out.push(',');
    push_str(out, key);
    out.push(':');
}

fn push_opt_str(out: &mut String, key: &str, value: Option<&str>) {
    if let Some(v) = value {
        push_key(out, key);
        push_str(out, v);
    }
}

/// Writes `doc` as one JSON object (no trailing newline).
pub fn to_json(doc: &Document, options: &WriteOptions) -> String {
    let mut out = String::with_capacity(doc.text.len() * 3 + 256);
    write_json(doc, options, &mut out);
    out
}

/// Appends `doc` as one JSON object to `out`.
pub fn write_json(doc: &Document, options: &WriteOptions, out: &mut String) {
    let off = Offsets::new(&doc.text, options.offsets);
    out.push_str("{\"id\":");
    push_str(out, &doc.id);
    if options.include_text {
        push_key(out, "text");
        push_str(out, &doc.text);
    }
    let kept: Vec<(&String, &Value)> = match &options.keep {
        KeepMetadata::None => Vec::new(),
        KeepMetadata::All => doc.metadata.iter().collect(),
        KeepMetadata::Fields(fields) => fields
            .iter()
            .filter_map(|f| doc.metadata.get_key_value(f))
            .collect(),
    };
    for (key, value) in kept {
        push_key(out, key);
        out.push_str(&value.to_string());
    }
    let layers = &doc.layers;
    if let Some(spans) = &layers.paragraphs {
        write_spans(out, &off, layer::PARAGRAPHS, spans);
    }
    if let Some(spans) = &layers.sentences {
        write_spans(out, &off, layer::SENTENCES, spans);
    }
    if let Some(tokens) = &layers.tokens {
        write_list(out, layer::TOKENS, tokens, |out, t| {
            push_span(out, &off, t.span);
            push_key(out, "kind");
            push_str(out, t.kind.as_str());
        });
    }
    if let Some(entities) = &layers.entities {
        write_list(out, layer::ENTITIES, entities, |out, e| {
            push_span(out, &off, e.span);
            push_key(out, "label");
            push_str(out, e.label.as_str());
            push_opt_str(out, "canonical", e.canonical.as_deref());
            push_opt_str(out, "title", e.title.as_deref());
        });
    }
    if let Some(numbers) = &layers.numbers {
        write_list(out, layer::NUMBERS, numbers, |out, n| {
            push_span(out, &off, n.span);
            push_key(out, "kind");
            push_str(out, n.kind.as_str());
            push_key(out, "value");
            match &n.value {
                NumberValue::Number(x) => push_f64(out, *x),
                NumberValue::Text(s) => push_str(out, s),
            }
            push_opt_str(out, "unit", n.unit.as_deref());
            push_opt_str(out, "modifier", n.modifier.as_deref());
            if n.approx {
                out.push_str(",\"approx\":true");
            }
            for (key, bound) in [("low", n.low), ("high", n.high)] {
                if let Some(x) = bound {
                    push_key(out, key);
                    push_f64(out, x);
                }
            }
            push_opt_str(out, "per", n.per.as_deref());
        });
    }
    if let Some(quotes) = &layers.quotes {
        write_list(out, layer::QUOTES, quotes, |out, q| {
            push_span(out, &off, q.span);
            push_key(out, "kind");
            push_str(out, q.kind.as_str());
            push_key(out, "speaker");
            match &q.speaker {
                None => out.push_str("null"),
                Some(sp) => {
                    out.push('{');
                    if let Some(span) = sp.span {
                        push_span(out, &off, span);
                        out.push(',');
                    }
                    out.push_str("\"text\":");
                    push_str(out, &sp.text);
                    push_key(out, "canonical");
                    match &sp.canonical {
                        Some(c) => push_str(out, c),
                        None => out.push_str("null"),
                    }
                    if let Some(entity) = sp.entity {
                        out.push_str(",\"entity\":{");
                        push_span(out, &off, entity);
                        out.push('}');
                    }
                    out.push('}');
                }
            }
            push_key(out, "cue");
            match &q.cue {
                Some(c) => push_str(out, c),
                None => out.push_str("null"),
            }
        });
    }
    for (name, items) in &layers.generic {
        write_list(out, name, items, |out, g| {
            push_span(out, &off, g.span);
            push_key(out, "label");
            push_str(out, &g.label);
            for (key, value) in &g.attrs {
                if matches!(key.as_str(), "start" | "end" | "label") {
                    continue;
                }
                push_key(out, key);
                match value {
                    AttrValue::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
                    AttrValue::Int(i) => {
                        let _ = write!(out, "{i}");
                    }
                    AttrValue::Float(x) => push_f64(out, *x),
                    AttrValue::Str(s) => push_str(out, s),
                }
            }
        });
    }
    out.push('}');
}

fn write_spans(out: &mut String, off: &Offsets, name: &str, spans: &[Span]) {
    write_list(out, name, spans, |out, s| push_span(out, off, *s));
}

fn write_list<T>(out: &mut String, name: &str, items: &[T], mut item: impl FnMut(&mut String, &T)) {
    push_key(out, name);
    out.push('[');
    for (i, it) in items.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push('{');
        item(out, it);
        out.push('}');
    }
    out.push(']');
}

/// Reads a document from its JSON form, with offsets in `unit`. Top-level
/// keys other than id, text and the layers become metadata; a top-level array
/// whose items are objects with `start`, `end` and `label` is read as a
/// plugin layer.
pub fn from_json(src: &str, unit: OffsetUnit) -> Result<Document, ReadError> {
    let value: Value = serde_json::from_str(src)?;
    from_value(value, unit)
}

/// Like [`from_json`], from an already parsed value.
pub fn from_value(value: Value, unit: OffsetUnit) -> Result<Document, ReadError> {
    let Value::Object(mut obj) = value else {
        return Err(ReadError::NotAnObject);
    };
    let text = match obj.remove("text") {
        Some(Value::String(s)) => s,
        Some(_) => return Err(field_err("text", "must be a string")),
        None => return Err(ReadError::Missing("text")),
    };
    let id = match obj.remove("id") {
        Some(Value::String(s)) => s,
        Some(Value::Number(n)) => n.to_string(),
        Some(Value::Null) | None => String::new(),
        Some(_) => return Err(field_err("id", "must be a string or a number")),
    };
    let mut doc = Document::new(id, text);
    let off = Offsets::new(&doc.text, unit);
    let mut layers = std::mem::take(&mut doc.layers);
    for (key, value) in obj {
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

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn sample() -> Document {
        let text = "“The streets are quiet,” notes Hassan al-Masri. Over 35,000 died.";
        let mut doc = Document::new("001", text);
        let find = |s: &str| {
            let start = text.find(s).unwrap();
            Span::new(text, start, start + s.len()).unwrap()
        };
        doc.metadata
            .insert("date".into(), Value::String("2024-05-07".into()));
        doc.layers.sentences = Some(vec![
            find("“The streets are quiet,” notes Hassan al-Masri."),
            find("Over 35,000 died."),
        ]);
        doc.layers.tokens = Some(vec![Token {
            span: find("Hassan"),
            kind: TokenKind::Word,
        }]);
        doc.layers.entities = Some(vec![Entity {
            span: find("Hassan al-Masri"),
            label: EntityLabel::Person,
            canonical: Some("Hassan al-Masri".into()),
            title: None,
        }]);
        let mut n = NumberAnnotation::new(
            find("35,000"),
            NumberKind::Cardinal,
            NumberValue::Number(35000.0),
        );
        n.modifier = Some("over".into());
        doc.layers.numbers = Some(vec![n]);
        doc.layers.quotes = Some(vec![Quote {
            span: find("The streets are quiet,"),
            kind: QuoteKind::Direct,
            speaker: Some(Speaker {
                span: Some(find("Hassan al-Masri")),
                text: "Hassan al-Masri".into(),
                canonical: Some("Hassan al-Masri".into()),
                entity: None,
            }),
            cue: Some("notes".into()),
        }]);
        let mut attrs = BTreeMap::new();
        attrs.insert("score".into(), AttrValue::Float(0.5));
        doc.layers.generic.insert(
            "lexicon".into(),
            vec![GenericAnnotation {
                span: find("died"),
                label: "topic".into(),
                attrs,
            }],
        );
        doc
    }

    #[test]
    fn code_point_offsets_match_python_slicing() {
        let doc = sample();
        let json = to_json(&doc, &WriteOptions::default());
        let v: Value = serde_json::from_str(&json).unwrap();
        let quote = &v["quotes"][0];
        let chars: Vec<char> = doc.text.chars().collect();
        let s = quote["start"].as_u64().unwrap() as usize;
        let e = quote["end"].as_u64().unwrap() as usize;
        // The opening “ is one code point but three bytes.
        assert_eq!(s, 1);
        assert_eq!(
            chars[s..e].iter().collect::<String>(),
            "The streets are quiet,"
        );
        assert_eq!(v["numbers"][0]["value"], 35000.0);
        assert_eq!(v["numbers"][0]["modifier"], "over");
        assert!(
            v.get("date").is_none(),
            "metadata is not written unless kept"
        );
    }

    #[test]
    fn round_trips_in_both_offset_units() {
        let doc = sample();
        for unit in [OffsetUnit::CodePoints, OffsetUnit::Bytes] {
            let options = WriteOptions {
                offsets: unit,
                include_text: true,
                keep: KeepMetadata::All,
            };
            let json = to_json(&doc, &options);
            let back = from_json(&json, unit).unwrap();
            assert_eq!(back, doc);
        }
    }

    #[test]
    fn reads_the_gold_quote_form() {
        let text = "“Go,” said Blinken.";
        let json = r#"{"id":"g","text":"“Go,” said Blinken.","sentences":[[0,19]],
            "quotes":[{"start":1,"end":4,"kind":"direct","speaker":"Antony Blinken","speaker_start":11,"speaker_end":18,"cue":"said"}]}"#;
        let doc = from_json(json, OffsetUnit::CodePoints).unwrap();
        let q = &doc.layers.quotes.as_ref().unwrap()[0];
        assert_eq!(doc.slice(q.span), "Go,");
        let sp = q.speaker.as_ref().unwrap();
        assert_eq!(sp.span.unwrap().text(text), "Blinken");
        assert_eq!(sp.canonical.as_deref(), Some("Antony Blinken"));
    }

    #[test]
    fn rejects_spans_past_the_text() {
        let json = r#"{"id":"x","text":"abc","sentences":[[0,9]]}"#;
        let err = from_json(json, OffsetUnit::CodePoints).unwrap_err();
        assert!(err.to_string().contains("sentences"), "{err}");
        assert!(matches!(
            from_json(r#"{"id":"x"}"#, OffsetUnit::CodePoints),
            Err(ReadError::Missing("text"))
        ));
    }

    #[test]
    fn strings_are_escaped_as_json() {
        for s in [
            "plain",
            "quote \" and \\ slash",
            "line\nbreak\ttab\r",
            "ctl \u{1}\u{1f}",
            "“curly” בנימין 😀",
        ] {
            let mut out = String::new();
            push_str(&mut out, s);
            let back: String = serde_json::from_str(&out).unwrap();
            assert_eq!(back, s);
        }
    }

    proptest! {
        #[test]
        fn any_text_round_trips(text in "\\PC{0,200}", cut in 0usize..200) {
            let mut doc = Document::new("p", text.clone());
            let boundaries: Vec<usize> = text.char_indices().map(|(i, _)| i).chain([text.len()]).collect();
            let a = boundaries[cut % boundaries.len()];
            doc.layers.sentences = Some(vec![Span::new(&text, 0, a).unwrap(), Span::new(&text, a, text.len()).unwrap()]);
            for unit in [OffsetUnit::CodePoints, OffsetUnit::Bytes] {
                let opts = WriteOptions { offsets: unit, ..WriteOptions::default() };
                let back = from_json(&to_json(&doc, &opts), unit).unwrap();
                prop_assert_eq!(&back, &doc);
            }
        }
    }
}
