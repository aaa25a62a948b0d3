//! Typed stage options. A stage declares its options as [`OptionSpec`]s; the
//! runner checks the user's values against them (reporting file, line and
//! column) before the stage is built, so a stage's constructor only sees
//! values of the declared type.

use std::collections::BTreeMap;
use std::fmt;

/// The type of one option.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OptionKind {
    Bool,
    Int,
    Float,
    String,
    StringList,
}

impl OptionKind {
    pub fn as_str(self) -> &'static str {
        match self {
            OptionKind::Bool => "boolean",
            OptionKind::Int => "integer",
            OptionKind::Float => "float",
            OptionKind::String => "string",
            OptionKind::StringList => "list of strings",
        }
    }
}

impl fmt::Display for OptionKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A value of one option.
#[derive(Clone, Debug, PartialEq)]
pub enum OptionValue {
    Bool(bool),
    Int(i64),
    Float(f64),
    String(String),
    StringList(Vec<String>),
}

impl OptionValue {
    pub fn kind(&self) -> OptionKind {
        match self {
            OptionValue::Bool(_) => OptionKind::Bool,
            OptionValue::Int(_) => OptionKind::Int,
            OptionValue::Float(_) => OptionKind::Float,
            OptionValue::String(_) => OptionKind::String,
            OptionValue::StringList(_) => OptionKind::StringList,
        }
    }
}

impl fmt::Display for OptionValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            OptionValue::Bool(b) => write!(f, "{b}"),
            OptionValue::Int(i) => write!(f, "{i}"),
            OptionValue::Float(x) => write!(f, "{x}"),
            OptionValue::String(s) => write!(f, "{s:?}"),
            OptionValue::StringList(items) => write!(f, "{items:?}"),
        }
    }
}

/// The declaration of one option of a stage.
#[derive(Clone, Debug)]
pub struct OptionSpec {
    pub name: &'static str,
    pub kind: OptionKind,
    /// `None` for options that are absent unless given.
    pub default: Option<OptionValue>,
    pub help: &'static str,
}

/// Checked option values for one stage, by name. Every declared option with
/// a default is present.
///
/// Options made from specs ([`Options::defaults`]) know the declared names:
/// reading a name that is not declared (a typo in a stage's code, which
/// would silently read nothing) fails a debug assertion, so the stage's
/// own tests catch it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Options {
    values: BTreeMap<String, OptionValue>,
    /// The declared names, or `None` for options made without specs.
    declared: Option<Vec<&'static str>>,
}

impl Options {
    pub fn new() -> Options {
        Options::default()
    }

    /// Options holding the defaults of `specs`.
    pub fn defaults(specs: &[OptionSpec]) -> Options {
        let mut options = Options::new();
        options.declared = Some(specs.iter().map(|s| s.name).collect());
        for spec in specs {
            if let Some(default) = &spec.default {
                options.insert(spec.name, default.clone());
            }
        }
        options
    }

    pub fn insert(&mut self, name: impl Into<String>, value: OptionValue) {
        self.values.insert(name.into(), value);
    }

    pub fn get(&self, name: &str) -> Option<&OptionValue> {
        if let Some(names) = &self.declared {
            debug_assert!(
                names.contains(&name),
                "option `{name}` is read but not declared in the stage's OptionSpecs"
            );
        }
        self.values.get(name)
    }

    pub fn iter(&self) -> impl Iterator<Item = (&str, &OptionValue)> {
        self.values.iter().map(|(k, v)| (k.as_str(), v))
    }

    pub fn bool(&self, name: &str) -> Option<bool> {
        match self.get(name) {
            Some(OptionValue::Bool(b)) => Some(*b),
            _ => None,
        }
    }

    pub fn int(&self, name: &str) -> Option<i64> {
        match self.get(name) {
            Some(OptionValue::Int(i)) => Some(*i),
            _ => None,
        }
    }

    /// A float option; integers are accepted too.
    pub fn float(&self, name: &str) -> Option<f64> {
        match self.get(name) {
            Some(OptionValue::Float(x)) => Some(*x),
            Some(OptionValue::Int(i)) => Some(*i as f64),
            _ => None,
        }
    }

    pub fn string(&self, name: &str) -> Option<&str> {
        match self.get(name) {
            Some(OptionValue::String(s)) => Some(s),
            _ => None,
        }
    }

    pub fn string_list(&self, name: &str) -> Option<&[String]> {
        match self.get(name) {
            Some(OptionValue::StringList(items)) => Some(items),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn specs() -> Vec<OptionSpec> {
        vec![OptionSpec {
            name: "relative_dates",
            kind: OptionKind::Bool,
            default: Some(OptionValue::Bool(true)),
            help: "resolve relative dates",
        }]
    }

    #[test]
    fn declared_options_read_their_defaults() {
        let options = Options::defaults(&specs());
        assert_eq!(options.bool("relative_dates"), Some(true));
        assert_eq!(Options::new().bool("anything"), None);
    }

    #[test]
    #[cfg(debug_assertions)]
    #[should_panic(expected = "option `relative_date` is read but not declared")]
    fn reading_an_undeclared_name_is_caught_in_tests() {
        let _ = Options::defaults(&specs()).bool("relative_date");
    }
}
