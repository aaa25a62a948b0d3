//! The `tokens` layer: one item per token, with the kind the tokenizer
//! decided.

use std::str::FromStr;

use serde::ser::SerializeMap;
use serde_json::Value;

use super::UnknownName;
use crate::json::{self, Offsets, ReadError};
use crate::{LayerItem, Span};

/// What a token is, decided once by the tokenizer so that later stages do not
/// re-read the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TokenKind {
    Word,
    Number,
    Punctuation,
    Symbol,
    Url,
    Email,
    Handle,
    Hashtag,
    Emoji,
}

impl TokenKind {
    pub const ALL: [TokenKind; 9] = [
        TokenKind::Word,
        TokenKind::Number,
        TokenKind::Punctuation,
        TokenKind::Symbol,
        TokenKind::Url,
        TokenKind::Email,
        TokenKind::Handle,
        TokenKind::Hashtag,
        TokenKind::Emoji,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            TokenKind::Word => "word",
            TokenKind::Number => "number",
            TokenKind::Punctuation => "punct",
            TokenKind::Symbol => "symbol",
            TokenKind::Url => "url",
            TokenKind::Email => "email",
            TokenKind::Handle => "handle",
            TokenKind::Hashtag => "hashtag",
            TokenKind::Emoji => "emoji",
        }
    }
}

impl FromStr for TokenKind {
    type Err = UnknownName;
    fn from_str(s: &str) -> Result<Self, UnknownName> {
        TokenKind::ALL
            .into_iter()
            .find(|k| k.as_str() == s)
            .ok_or_else(|| UnknownName::new("token kind", s))
    }
}

/// One token. Tokens never overlap and never contain white space.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    pub span: Span,
    pub kind: TokenKind,
}

/// Two words a token: the runner fingerprints the tokens layer before and
/// after every stage that reads it, and a derived hash would write three
/// (both ends and the kind).
impl std::hash::Hash for Token {
    fn hash<H: std::hash::Hasher>(&self, h: &mut H) {
        h.write_u64(self.span.start() as u64 | (self.span.end() as u64) << 32);
        h.write_u8(self.kind as u8);
    }
}

impl LayerItem for Token {
    fn span(&self) -> Span {
        self.span
    }
    fn label(&self) -> &str {
        self.kind.as_str()
    }
    fn write_fields<M: SerializeMap>(&self, map: &mut M, _: &Offsets) -> Result<(), M::Error> {
        map.serialize_entry("kind", self.kind.as_str())
    }
    fn read(value: &Value, off: &Offsets, layer: &str) -> Result<Self, ReadError> {
        let span = json::read_span(off, layer, value)?;
        let kind = match value.get("kind").and_then(Value::as_str) {
            Some(k) => k.parse().map_err(|e| json::field_error(layer, e))?,
            None => TokenKind::Word,
        };
        Ok(Token { span, kind })
    }
}
