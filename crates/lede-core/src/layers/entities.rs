//! The `entities` layer: named entity mentions with their label, canonical
//! name and title.

use std::fmt;
use std::str::FromStr;

use serde::ser::SerializeMap;
use serde_json::Value;

use super::UnknownName;
use crate::json::{self, Offsets, ReadError};
use crate::{LayerItem, Span};

/// OntoNotes-style entity labels, plus `Misc` for a coarse tagger output that
/// could not be refined.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum EntityLabel {
    Person,
    Norp,
    Org,
    Gpe,
    Loc,
    Fac,
    Event,
    Law,
    Product,
    WorkOfArt,
    Language,
    Misc,
}

impl EntityLabel {
    pub const ALL: [EntityLabel; 12] = [
        EntityLabel::Person,
        EntityLabel::Norp,
        EntityLabel::Org,
        EntityLabel::Gpe,
        EntityLabel::Loc,
        EntityLabel::Fac,
        EntityLabel::Event,
        EntityLabel::Law,
        EntityLabel::Product,
        EntityLabel::WorkOfArt,
        EntityLabel::Language,
        EntityLabel::Misc,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            EntityLabel::Person => "PERSON",
            EntityLabel::Norp => "NORP",
            EntityLabel::Org => "ORG",
            EntityLabel::Gpe => "GPE",
            EntityLabel::Loc => "LOC",
            EntityLabel::Fac => "FAC",
            EntityLabel::Event => "EVENT",
            EntityLabel::Law => "LAW",
            EntityLabel::Product => "PRODUCT",
            EntityLabel::WorkOfArt => "WORK_OF_ART",
            EntityLabel::Language => "LANGUAGE",
            EntityLabel::Misc => "MISC",
        }
    }

    /// The CoNLL-2003 label this maps to: PERSON->PER, ORG->ORG,
    /// GPE/LOC/FAC->LOC, everything else->MISC.
    pub fn conll(self) -> &'static str {
        match self {
            EntityLabel::Person => "PER",
            EntityLabel::Org => "ORG",
            EntityLabel::Gpe | EntityLabel::Loc | EntityLabel::Fac => "LOC",
            _ => "MISC",
        }
    }
}

impl fmt::Display for EntityLabel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for EntityLabel {
    type Err = UnknownName;
    /// Accepts the OntoNotes names and the CoNLL names (`PER` -> PERSON,
    /// `LOC` -> LOC, `MISC` -> MISC).
    fn from_str(s: &str) -> Result<Self, UnknownName> {
        if s == "PER" {
            return Ok(EntityLabel::Person);
        }
        EntityLabel::ALL
            .into_iter()
            .find(|l| l.as_str() == s)
            .ok_or_else(|| UnknownName::new("entity label", s))
    }
}

/// A named entity mention. Entities never overlap.
#[derive(Clone, Debug, PartialEq, Hash)]
pub struct Entity {
    pub span: Span,
    pub label: EntityLabel,
    /// The fullest name of this entity in the document ("Steve Witkoff" for
    /// "Mr. Witkoff"); set for PERSON and ORG when known.
    pub canonical: Option<String>,
    /// A title written before the name and kept outside the span ("Mr.",
    /// "Prime Minister").
    pub title: Option<String>,
}

impl LayerItem for Entity {
    fn span(&self) -> Span {
        self.span
    }
    fn label(&self) -> &str {
        self.label.as_str()
    }
    fn write_fields<M: SerializeMap>(&self, map: &mut M, _: &Offsets) -> Result<(), M::Error> {
        map.serialize_entry("label", self.label.as_str())?;
        if let Some(c) = &self.canonical {
            map.serialize_entry("canonical", c)?;
        }
        if let Some(t) = &self.title {
            map.serialize_entry("title", t)?;
        }
        Ok(())
    }
    fn read(value: &Value, off: &Offsets, layer: &str) -> Result<Self, ReadError> {
        let span = json::read_span(off, layer, value)?;
        let label = value
            .get("label")
            .and_then(Value::as_str)
            .ok_or_else(|| json::field_error(layer, "each entity needs a string `label`"))?
            .parse()
            .map_err(|e| json::field_error(layer, e))?;
        Ok(Entity {
            span,
            label,
            canonical: json::opt_string(value, "canonical"),
            title: json::opt_string(value, "title"),
        })
    }
}
