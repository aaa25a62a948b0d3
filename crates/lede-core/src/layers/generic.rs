//! Plugin layers: generic annotations (span, label, free attributes) under
//! a layer name the plugin chooses.

use std::collections::BTreeMap;
use std::hash::{Hash, Hasher};

use serde::ser::SerializeMap;
use serde_json::Value;

use crate::json::{self, Offsets, ReadError};
use crate::{LayerItem, Span};

/// An attribute value of a generic annotation.
#[derive(Clone, Debug, PartialEq)]
pub enum AttrValue {
    Bool(bool),
    Int(i64),
    Float(f64),
    Str(String),
}

/// One annotation of a plugin layer: span, label and free attributes.
/// Generic layers may overlap.
#[derive(Clone, Debug, PartialEq)]
pub struct GenericAnnotation {
    pub span: Span,
    pub label: String,
    pub attrs: BTreeMap<String, AttrValue>,
}

impl Hash for AttrValue {
    fn hash<H: Hasher>(&self, h: &mut H) {
        match self {
            AttrValue::Bool(b) => (0u8, *b).hash(h),
            AttrValue::Int(i) => (1u8, *i).hash(h),
            AttrValue::Float(x) => (2u8, x.to_bits()).hash(h),
            AttrValue::Str(t) => (3u8, t).hash(h),
        }
    }
}

impl Hash for GenericAnnotation {
    fn hash<H: Hasher>(&self, h: &mut H) {
        self.span.hash(h);
        self.label.hash(h);
        self.attrs.hash(h);
    }
}

impl LayerItem for GenericAnnotation {
    fn span(&self) -> Span {
        self.span
    }
    fn label(&self) -> &str {
        &self.label
    }
    fn write_fields<M: SerializeMap>(&self, map: &mut M, _: &Offsets) -> Result<(), M::Error> {
        map.serialize_entry("label", &self.label)?;
        for (key, value) in &self.attrs {
            // The item's own keys win; an attribute cannot repeat them.
            if matches!(key.as_str(), "start" | "end" | "label") {
                continue;
            }
            match value {
                AttrValue::Bool(b) => map.serialize_entry(key, b)?,
                AttrValue::Int(i) => map.serialize_entry(key, i)?,
                AttrValue::Float(x) => map.serialize_entry(key, &x.is_finite().then_some(*x))?,
                AttrValue::Str(t) => map.serialize_entry(key, t)?,
            }
        }
        Ok(())
    }
    fn read(v: &Value, off: &Offsets, layer: &str) -> Result<Self, ReadError> {
        let span = json::read_span(off, layer, v)?;
        let label = json::opt_string(v, "label").unwrap_or_default();
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
    }
}

/// True when a JSON value reads as a plugin layer: a non-empty array whose
/// items all have integer `start`, `end` and a string `label`.
pub(crate) fn looks_like_generic_layer(value: &Value) -> bool {
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
