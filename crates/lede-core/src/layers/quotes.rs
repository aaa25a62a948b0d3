//! The `quotes` layer: quotations (the words without their marks), their
//! kind, speaker and reporting cue.

use std::str::FromStr;

use serde::ser::SerializeMap;
use serde_json::Value;

use super::UnknownName;
use crate::json::{self, Offsets, ReadError};
use crate::{LayerItem, Span};

/// How a quotation is used.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum QuoteKind {
    /// Verbatim words of an identifiable speaker.
    Direct,
    /// A quoted fragment inside the reporter's sentence, attributed there.
    Partial,
    /// Scare quotes, single words, slogans, titles.
    Scare,
}

impl QuoteKind {
    pub fn as_str(self) -> &'static str {
        match self {
            QuoteKind::Direct => "direct",
            QuoteKind::Partial => "partial",
            QuoteKind::Scare => "scare",
        }
    }
}

impl FromStr for QuoteKind {
    type Err = UnknownName;
    fn from_str(s: &str) -> Result<Self, UnknownName> {
        match s {
            "direct" => Ok(QuoteKind::Direct),
            "partial" => Ok(QuoteKind::Partial),
            "scare" => Ok(QuoteKind::Scare),
            _ => Err(UnknownName::new("quote kind", s)),
        }
    }
}

/// Who said a quotation.
#[derive(Clone, Debug, PartialEq, Hash)]
pub struct Speaker {
    /// The mention at the cue as written ("he", "the union", "Ms. Adler");
    /// `None` when the speaker is known only from context.
    pub span: Option<Span>,
    /// The mention's text.
    pub text: String,
    /// The resolved person or organisation name ("Ruth Adler"); `None` for
    /// unnamed sources.
    pub canonical: Option<String>,
    /// The name mention the speaker was resolved to, when it is not the
    /// mention itself (the earlier "Ruth Adler" for "he").
    pub entity: Option<Span>,
}

/// A quotation: the span is the quoted words without the quote marks.
/// Quotes never overlap.
#[derive(Clone, Debug, PartialEq, Hash)]
pub struct Quote {
    pub span: Span,
    pub kind: QuoteKind,
    pub speaker: Option<Speaker>,
    /// The reporting expression as written ("said", "according to").
    pub cue: Option<String>,
}

impl LayerItem for Quote {
    fn span(&self) -> Span {
        self.span
    }
    fn label(&self) -> &str {
        self.kind.as_str()
    }
    fn write_fields<M: SerializeMap>(&self, map: &mut M, off: &Offsets) -> Result<(), M::Error> {
        map.serialize_entry("kind", self.kind.as_str())?;
        let speaker = self.speaker.as_ref().map(|sp| SpeakerJson { off, sp });
        map.serialize_entry("speaker", &speaker)?;
        map.serialize_entry("cue", &self.cue)
    }
    fn read(v: &Value, off: &Offsets, layer: &str) -> Result<Self, ReadError> {
        let span = json::read_span(off, layer, v)?;
        let kind = match v.get("kind").and_then(Value::as_str) {
            Some(k) => k.parse().map_err(|e| json::field_error(layer, e))?,
            None => QuoteKind::Direct,
        };
        let speaker = match v.get("speaker") {
            None | Some(Value::Null) => None,
            // Our own output: {"start", "end", "text", "canonical"}.
            Some(sp @ Value::Object(_)) => Some(Speaker {
                span: if sp.get("start").is_some() {
                    Some(json::read_span(off, layer, sp)?)
                } else {
                    None
                },
                text: json::opt_string(sp, "text").unwrap_or_default(),
                canonical: json::opt_string(sp, "canonical"),
                entity: match sp.get("entity") {
                    Some(e @ Value::Object(_)) => Some(json::read_span(off, layer, e)?),
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
                            .map_err(|m| json::field_error(layer, m))?,
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
                return Err(json::field_error(
                    layer,
                    "`speaker` must be an object, string or null",
                ))
            }
        };
        Ok(Quote {
            span,
            kind,
            speaker,
            cue: json::opt_string(v, "cue"),
        })
    }
}

/// A speaker as JSON: its span when it has one, text, canonical name and
/// the entity it was resolved to.
struct SpeakerJson<'a> {
    off: &'a Offsets<'a>,
    sp: &'a Speaker,
}

impl serde::Serialize for SpeakerJson<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let sp = self.sp;
        let mut map = s.serialize_map(None)?;
        if let Some(span) = sp.span {
            json::span_entries(&mut map, self.off, span)?;
        }
        map.serialize_entry("text", &sp.text)?;
        map.serialize_entry("canonical", &sp.canonical)?;
        if let Some(entity) = sp.entity {
            map.serialize_entry(
                "entity",
                &SpanJson {
                    off: self.off,
                    span: entity,
                },
            )?;
        }
        map.end()
    }
}

/// A bare span as `{"start", "end"}`.
struct SpanJson<'a> {
    off: &'a Offsets<'a>,
    span: Span,
}

impl serde::Serialize for SpanJson<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(2))?;
        json::span_entries(&mut map, self.off, self.span)?;
        map.end()
    }
}
