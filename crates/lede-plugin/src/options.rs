//! Typed plugin options: a plugin declares what it accepts as
//! [`OptionSpec`]s; the values from the pipeline's `options = {...}` table
//! are checked against them before the plugin's constructor runs, so
//! unknown names and wrong types are reported the same way for every plugin.

use crate::json::{self, Value};

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
    /// As said in messages and docs.
    pub fn as_str(self) -> &'static str {
        match self {
            OptionKind::Bool => "boolean",
            OptionKind::Int => "integer",
            OptionKind::Float => "float",
            OptionKind::String => "string",
            OptionKind::StringList => "list of strings",
        }
    }

    /// "an integer", "a string", ...
    pub fn with_article(self) -> &'static str {
        match self {
            OptionKind::Bool => "a boolean",
            OptionKind::Int => "an integer",
            OptionKind::Float => "a float",
            OptionKind::String => "a string",
            OptionKind::StringList => "a list of strings",
        }
    }

    pub(crate) fn to_abi(self) -> u32 {
        match self {
            OptionKind::Bool => crate::abi::OPTION_BOOL,
            OptionKind::Int => crate::abi::OPTION_INT,
            OptionKind::Float => crate::abi::OPTION_FLOAT,
            OptionKind::String => crate::abi::OPTION_STRING,
            OptionKind::StringList => crate::abi::OPTION_STRING_LIST,
        }
    }

    /// The kind with this ABI code.
    pub fn from_abi(code: u32) -> Option<OptionKind> {
        [
            OptionKind::Bool,
            OptionKind::Int,
            OptionKind::Float,
            OptionKind::String,
            OptionKind::StringList,
        ]
        .into_iter()
        .find(|k| k.to_abi() == code)
    }

    fn accepts(self, value: &Value) -> bool {
        match (self, value) {
            (OptionKind::Bool, Value::Bool(_))
            | (OptionKind::Int, Value::Int(_))
            | (OptionKind::Float, Value::Float(_) | Value::Int(_))
            | (OptionKind::String, Value::String(_)) => true,
            (OptionKind::StringList, Value::Array(items)) => {
                items.iter().all(|i| matches!(i, Value::String(_)))
            }
            _ => false,
        }
    }
}

/// The declaration of one option.
#[derive(Clone, Copy, Debug)]
pub struct OptionSpec {
    pub name: &'static str,
    pub kind: OptionKind,
    /// The default written as JSON (`"2"`, `"\"topic\""`, `"[]"`), or `None`
    /// for an option that is absent unless given.
    pub default: Option<&'static str>,
    pub help: &'static str,
}

/// Checked option values: every key is a declared option of the declared
/// type, and declared defaults are filled in.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Options {
    values: Vec<(String, Value)>,
}

impl Options {
    /// Parses `json` (an object; empty text means no options) and checks it
    /// against `specs`.
    pub fn parse(json: &str, specs: &[OptionSpec]) -> Result<Options, String> {
        let given = if json.trim().is_empty() {
            Vec::new()
        } else {
            match json::parse(json)? {
                Value::Object(fields) => fields,
                other => {
                    return Err(format!(
                        "options must be a table, not {}",
                        other.kind_name()
                    ))
                }
            }
        };
        let mut values = Vec::with_capacity(specs.len());
        for (name, value) in given {
            let Some(spec) = specs.iter().find(|s| s.name == name) else {
                return Err(format!("unknown option `{name}`; {}", accepted_list(specs)));
            };
            if !spec.kind.accepts(&value) {
                return Err(format!(
                    "option `{name}` must be {}, not {} ({value})",
                    spec.kind.with_article(),
                    value.kind_name()
                ));
            }
            values.push((name, value));
        }
        for spec in specs {
            if values.iter().any(|(n, _)| n == spec.name) {
                continue;
            }
            if let Some(default) = spec.default {
                let value = json::parse(default)
                    .map_err(|e| format!("the default of option `{}` is broken: {e}", spec.name))?;
                values.push((spec.name.to_string(), value));
            }
        }
        Ok(Options { values })
    }

    /// The raw value of an option.
    pub fn get(&self, name: &str) -> Option<&Value> {
        self.values.iter().find(|(n, _)| n == name).map(|(_, v)| v)
    }

    pub fn bool(&self, name: &str) -> Option<bool> {
        match self.get(name) {
            Some(Value::Bool(b)) => Some(*b),
            _ => None,
        }
    }

    pub fn int(&self, name: &str) -> Option<i64> {
        match self.get(name) {
            Some(Value::Int(i)) => Some(*i),
            _ => None,
        }
    }

    /// A float option; integers are accepted too.
    pub fn float(&self, name: &str) -> Option<f64> {
        match self.get(name) {
            Some(Value::Float(x)) => Some(*x),
            Some(Value::Int(i)) => Some(*i as f64),
            _ => None,
        }
    }

    pub fn string(&self, name: &str) -> Option<&str> {
        match self.get(name) {
            Some(Value::String(s)) => Some(s),
            _ => None,
        }
    }

    /// A list-of-strings option.
    pub fn string_list(&self, name: &str) -> Option<Vec<&str>> {
        match self.get(name) {
            Some(Value::Array(items)) => Some(
                items
                    .iter()
                    .filter_map(|i| match i {
                        Value::String(s) => Some(s.as_str()),
                        _ => None,
                    })
                    .collect(),
            ),
            _ => None,
        }
    }
}

fn accepted_list(specs: &[OptionSpec]) -> String {
    if specs.is_empty() {
        return "this plugin takes no options".to_string();
    }
    let names: Vec<String> = specs
        .iter()
        .map(|s| format!("{} ({})", s.name, s.kind.as_str()))
        .collect();
    format!("accepted options: {}", names.join(", "))
}

#[cfg(test)]
mod tests {
    use super::*;

    const SPECS: &[OptionSpec] = &[
        OptionSpec {
            name: "terms",
            kind: OptionKind::StringList,
            default: Some("[]"),
            help: "terms to tag",
        },
        OptionSpec {
            name: "label",
            kind: OptionKind::String,
            default: Some("\"topic\""),
            help: "label of matches",
        },
        OptionSpec {
            name: "min_length",
            kind: OptionKind::Int,
            default: None,
            help: "shortest name",
        },
    ];

    #[test]
    fn fills_defaults_and_reads_given_values() {
        let o = Options::parse(r#"{"terms": ["ceasefire", "hostages"]}"#, SPECS).unwrap();
        assert_eq!(o.string_list("terms"), Some(vec!["ceasefire", "hostages"]));
        assert_eq!(o.string("label"), Some("topic"));
        assert_eq!(o.int("min_length"), None);
        let empty = Options::parse("", SPECS).unwrap();
        assert_eq!(empty.string_list("terms"), Some(vec![]));
    }

    #[test]
    fn names_the_unknown_or_mistyped_option() {
        let e = Options::parse(r#"{"term": ["ceasefire"]}"#, SPECS).unwrap_err();
        assert_eq!(
            e,
            "unknown option `term`; accepted options: terms (list of strings), label (string), min_length (integer)"
        );
        let e = Options::parse(r#"{"min_length": "two"}"#, SPECS).unwrap_err();
        assert_eq!(
            e,
            "option `min_length` must be an integer, not a string (\"two\")"
        );
        let e = Options::parse(r#"{"terms": ["a", 3]}"#, SPECS).unwrap_err();
        assert!(
            e.starts_with("option `terms` must be a list of strings"),
            "{e}"
        );
        assert!(Options::parse("[1]", SPECS)
            .unwrap_err()
            .contains("must be a table"));
    }
}
