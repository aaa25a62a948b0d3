//! The `numbers` layer: numeric expressions with kind, normalised value,
//! unit, modifier, range and rate.

use std::hash::{Hash, Hasher};
use std::str::FromStr;

use serde::ser::SerializeMap;
use serde_json::Value;

use super::UnknownName;
use crate::json::{self, Offsets, ReadError};
use crate::{LayerItem, Span};

/// The kinds of numeric expression (the `kind` values of the gold files).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum NumberKind {
    Cardinal,
    Ordinal,
    Percent,
    Money,
    Quantity,
    Duration,
    Age,
    Date,
    Time,
    Year,
}

impl NumberKind {
    pub const ALL: [NumberKind; 10] = [
        NumberKind::Cardinal,
        NumberKind::Ordinal,
        NumberKind::Percent,
        NumberKind::Money,
        NumberKind::Quantity,
        NumberKind::Duration,
        NumberKind::Age,
        NumberKind::Date,
        NumberKind::Time,
        NumberKind::Year,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            NumberKind::Cardinal => "cardinal",
            NumberKind::Ordinal => "ordinal",
            NumberKind::Percent => "percent",
            NumberKind::Money => "money",
            NumberKind::Quantity => "quantity",
            NumberKind::Duration => "duration",
            NumberKind::Age => "age",
            NumberKind::Date => "date",
            NumberKind::Time => "time",
            NumberKind::Year => "year",
        }
    }
}

impl FromStr for NumberKind {
    type Err = UnknownName;
    fn from_str(s: &str) -> Result<Self, UnknownName> {
        NumberKind::ALL
            .into_iter()
            .find(|k| k.as_str() == s)
            .ok_or_else(|| UnknownName::new("number kind", s))
    }
}

/// A normalised value: a number for counts and amounts, an ISO-like string
/// for dates ("--07-04", "2025-06-29"), times ("T22:00") and years ("2019").
/// A mention whose amount the text does not state ("a small percentage")
/// has the value [`NumberValue::UNSTATED`], written as JSON `null`.
#[derive(Clone, Debug)]
pub enum NumberValue {
    Number(f64),
    Text(String),
}

impl NumberValue {
    /// The value of a mention that states no amount: not-a-number, which
    /// has no JSON form and is written (and read back) as `null`.
    pub const UNSTATED: NumberValue = NumberValue::Number(f64::NAN);

    /// True for [`NumberValue::UNSTATED`] (any NaN).
    pub fn is_unstated(&self) -> bool {
        matches!(self, NumberValue::Number(x) if x.is_nan())
    }
}

/// Equal numbers, equal strings, and two unstated values are equal (unlike
/// two NaN floats), so a layer with an unstated amount equals its copy.
impl PartialEq for NumberValue {
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (NumberValue::Number(x), NumberValue::Number(y)) => {
                x == y || (x.is_nan() && y.is_nan())
            }
            (NumberValue::Text(x), NumberValue::Text(y)) => x == y,
            _ => false,
        }
    }
}

/// A numeric expression. Numbers never overlap.
#[derive(Clone, Debug, PartialEq)]
pub struct NumberAnnotation {
    pub span: Span,
    pub kind: NumberKind,
    pub value: NumberValue,
    /// What is counted or measured ("lives"), the time unit of a duration or
    /// age ("day"), or the ISO 4217 code of money ("USD").
    pub unit: Option<String>,
    /// A hedge written before the number and kept outside the span ("over").
    pub modifier: Option<String>,
    /// True for vague expressions ("thousands of prisoners").
    pub approx: bool,
    /// Bounds of a range ("between 20 and 30", "the 1990s" as 1990..1999).
    pub low: Option<f64>,
    pub high: Option<f64>,
    /// The time unit of a rate ("3 million barrels a day" gives "day").
    pub per: Option<String>,
}

impl NumberAnnotation {
    /// A number with only span, kind and value set.
    pub fn new(span: Span, kind: NumberKind, value: NumberValue) -> NumberAnnotation {
        NumberAnnotation {
            span,
            kind,
            value,
            unit: None,
            modifier: None,
            approx: false,
            low: None,
            high: None,
            per: None,
        }
    }
}

/// Floats hash by their bits: a fingerprint only needs "same or changed".
impl Hash for NumberValue {
    fn hash<H: Hasher>(&self, h: &mut H) {
        match self {
            // Every NaN hashes alike, as every NaN is equal (see PartialEq).
            NumberValue::Number(x) if x.is_nan() => f64::NAN.to_bits().hash(h),
            NumberValue::Number(x) => x.to_bits().hash(h),
            NumberValue::Text(t) => t.hash(h),
        }
    }
}

impl Hash for NumberAnnotation {
    fn hash<H: Hasher>(&self, h: &mut H) {
        self.span.hash(h);
        self.kind.hash(h);
        self.value.hash(h);
        self.unit.hash(h);
        self.modifier.hash(h);
        self.approx.hash(h);
        self.low.map(f64::to_bits).hash(h);
        self.high.map(f64::to_bits).hash(h);
        self.per.hash(h);
    }
}

/// Non-finite numbers have no JSON form; they are written as `null`.
fn finite(x: f64) -> Option<f64> {
    x.is_finite().then_some(x)
}

impl LayerItem for NumberAnnotation {
    fn span(&self) -> Span {
        self.span
    }
    fn label(&self) -> &str {
        self.kind.as_str()
    }
    fn write_fields<M: SerializeMap>(&self, map: &mut M, _: &Offsets) -> Result<(), M::Error> {
        map.serialize_entry("kind", self.kind.as_str())?;
        match &self.value {
            NumberValue::Number(x) => map.serialize_entry("value", &finite(*x))?,
            NumberValue::Text(t) => map.serialize_entry("value", t)?,
        }
        if let Some(u) = &self.unit {
            map.serialize_entry("unit", u)?;
        }
        if let Some(m) = &self.modifier {
            map.serialize_entry("modifier", m)?;
        }
        if self.approx {
            map.serialize_entry("approx", &true)?;
        }
        if let Some(x) = self.low {
            map.serialize_entry("low", &finite(x))?;
        }
        if let Some(x) = self.high {
            map.serialize_entry("high", &finite(x))?;
        }
        if let Some(p) = &self.per {
            map.serialize_entry("per", p)?;
        }
        Ok(())
    }
    fn read(v: &Value, off: &Offsets, layer: &str) -> Result<Self, ReadError> {
        let span = json::read_span(off, layer, v)?;
        let kind = v
            .get("kind")
            .and_then(Value::as_str)
            .ok_or_else(|| json::field_error(layer, "each number needs a string `kind`"))?
            .parse()
            .map_err(|e| json::field_error(layer, e))?;
        let value = match v.get("value") {
            Some(Value::Number(n)) => NumberValue::Number(n.as_f64().unwrap_or(f64::NAN)),
            Some(Value::String(s)) => NumberValue::Text(s.clone()),
            Some(Value::Null) => NumberValue::UNSTATED,
            _ => return Err(json::field_error(layer, "each number needs a `value`")),
        };
        Ok(NumberAnnotation {
            span,
            kind,
            value,
            unit: json::opt_string(v, "unit"),
            modifier: json::opt_string(v, "modifier"),
            approx: v.get("approx").and_then(Value::as_bool).unwrap_or(false),
            low: v.get("low").and_then(Value::as_f64),
            high: v.get("high").and_then(Value::as_f64),
            per: json::opt_string(v, "per"),
        })
    }
}
