//! Case scoring for number-recognition suites: short texts, each tagged
//! with the model (kind of number) it tests and every number of that kind it
//! holds. One JSON object a line:
//!
//! ```json
//! {"id": "PercentModel-002", "model": "PercentModel", "text": " 100 percent",
//!  "expected": [{"start": 1, "end": 12, "value": 100.0}]}
//! ```
//!
//! Offsets are code points; `value` is a number, a string or null (a
//! mention without a value, such as "the % of increase"). Other fields are
//! ignored. A case is right when every expected span is found, as a number
//! of the model's kind, with the same value, and nothing else of that kind
//! is found. Numbers of other kinds are not looked at: a suite for percents
//! does not list the year in "in 2006 95% of them".

use std::collections::BTreeMap;

use lede_core::{NumberAnnotation, NumberKind, NumberValue, OffsetMap};
use serde_json::{json, Value};

use crate::same_value;

/// The kind of number a case tests.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum CaseModel {
    Number,
    Ordinal,
    Percent,
    Currency,
    Dimension,
    Age,
}

impl CaseModel {
    pub const ALL: [CaseModel; 6] = [
        CaseModel::Number,
        CaseModel::Ordinal,
        CaseModel::Percent,
        CaseModel::Currency,
        CaseModel::Dimension,
        CaseModel::Age,
    ];

    /// The model named in a case file ("NumberModel" or "Number").
    pub fn parse(name: &str) -> Option<CaseModel> {
        let name = name.strip_suffix("Model").unwrap_or(name);
        CaseModel::ALL.into_iter().find(|m| m.as_str() == name)
    }

    pub fn as_str(self) -> &'static str {
        match self {
            CaseModel::Number => "Number",
            CaseModel::Ordinal => "Ordinal",
            CaseModel::Percent => "Percent",
            CaseModel::Currency => "Currency",
            CaseModel::Dimension => "Dimension",
            CaseModel::Age => "Age",
        }
    }

    /// The lede number kind that answers this model.
    pub fn kind(self) -> NumberKind {
        match self {
            CaseModel::Number => NumberKind::Cardinal,
            CaseModel::Ordinal => NumberKind::Ordinal,
            CaseModel::Percent => NumberKind::Percent,
            CaseModel::Currency => NumberKind::Money,
            CaseModel::Dimension => NumberKind::Quantity,
            CaseModel::Age => NumberKind::Age,
        }
    }
}

/// One expected number, in code-point offsets.
#[derive(Clone, Debug, PartialEq)]
pub struct ExpectedNumber {
    pub start: usize,
    pub end: usize,
    /// None when the suite gives no value.
    pub value: Option<NumberValue>,
}

/// One case of a suite.
#[derive(Clone, Debug, PartialEq)]
pub struct Case {
    pub id: String,
    pub model: CaseModel,
    pub text: String,
    pub expected: Vec<ExpectedNumber>,
}

/// Reads a case file (JSONL). Errors name the line.
pub fn parse_cases(jsonl: &str) -> Result<Vec<Case>, String> {
    let mut cases = Vec::new();
    for (n, line) in jsonl.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let at = |what: &str| format!("line {}: {what}", n + 1);
        let v: Value = serde_json::from_str(line).map_err(|e| at(&e.to_string()))?;
        let text = v["text"].as_str().ok_or_else(|| at("no \"text\""))?;
        let model_name = v["model"].as_str().ok_or_else(|| at("no \"model\""))?;
        let model = CaseModel::parse(model_name)
            .ok_or_else(|| at(&format!("unknown model {model_name:?}")))?;
        let id = v["id"].as_str().unwrap_or_default().to_string();
        let mut expected = Vec::new();
        for e in v["expected"]
            .as_array()
            .ok_or_else(|| at("no \"expected\" list"))?
        {
            let offset = |key: &str| -> Result<usize, String> {
                e[key]
                    .as_u64()
                    .and_then(|x| usize::try_from(x).ok())
                    .ok_or_else(|| at(&format!("expected number without \"{key}\"")))
            };
            let (start, end) = (offset("start")?, offset("end")?);
            if start > end || end > text.chars().count() {
                return Err(at(&format!("span {start}..{end} outside the text")));
            }
            let value = match &e["value"] {
                Value::Number(x) => x.as_f64().map(NumberValue::Number),
                Value::String(s) => Some(NumberValue::Text(s.clone())),
                _ => None,
            };
            expected.push(ExpectedNumber { start, end, value });
        }
        cases.push(Case {
            id,
            model,
            text: text.to_string(),
            expected,
        });
    }
    Ok(cases)
}

/// What was found for one case, compared with what was expected.
#[derive(Clone, Debug, PartialEq)]
pub struct CaseOutcome {
    pub id: String,
    pub model: CaseModel,
    pub right: bool,
    /// Expected numbers not found with that span, kind and value
    /// ("text=value").
    pub missing: Vec<String>,
    /// Numbers of the model's kind found but not expected, or found with
    /// another value ("text=value").
    pub extra: Vec<String>,
}

fn show_value(v: &Option<NumberValue>) -> String {
    match v {
        Some(NumberValue::Number(x)) => format!("{x}"),
        Some(NumberValue::Text(s)) => format!("{s:?}"),
        None => "null".to_string(),
    }
}

/// Scores one case against the numbers found in its text.
pub fn score_case(case: &Case, found: &[NumberAnnotation]) -> CaseOutcome {
    let map = OffsetMap::new(&case.text);
    let char_span = |n: &NumberAnnotation| {
        (
            map.byte_to_char(&case.text, n.span.start()),
            map.byte_to_char(&case.text, n.span.end()),
        )
    };
    let slice = |start: usize, end: usize| -> String {
        case.text.chars().skip(start).take(end - start).collect()
    };
    let kind = case.model.kind();
    let of_kind: Vec<&NumberAnnotation> = found.iter().filter(|n| n.kind == kind).collect();
    let mut used = vec![false; of_kind.len()];
    let mut missing = Vec::new();
    for e in &case.expected {
        let hit = of_kind.iter().enumerate().position(|(k, n)| {
            !used[k]
                && char_span(n) == (e.start, e.end)
                && match &e.value {
                    Some(v) => same_value(v, &n.value),
                    None => true,
                }
        });
        match hit {
            Some(k) => used[k] = true,
            None => missing.push(format!(
                "{}={}",
                slice(e.start, e.end),
                show_value(&e.value)
            )),
        }
    }
    let extra: Vec<String> = of_kind
        .iter()
        .zip(&used)
        .filter(|(_, &u)| !u)
        .map(|(n, _)| {
            let (s, e) = char_span(n);
            format!("{}={}", slice(s, e), show_value(&Some(n.value.clone())))
        })
        .collect();
    CaseOutcome {
        id: case.id.clone(),
        model: case.model,
        right: missing.is_empty() && extra.is_empty(),
        missing,
        extra,
    }
}

/// Cases right and cases in all, per model, with every wrong case.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct CasesReport {
    pub per_model: BTreeMap<CaseModel, (usize, usize)>,
    pub wrong: Vec<CaseOutcome>,
}

impl CasesReport {
    pub fn add(&mut self, outcome: CaseOutcome) {
        let entry = self.per_model.entry(outcome.model).or_default();
        entry.1 += 1;
        if outcome.right {
            entry.0 += 1;
        } else {
            self.wrong.push(outcome);
        }
    }

    pub fn to_text(&self, show_wrong: bool) -> String {
        let mut out = String::from("model       right  cases  share\n");
        let (mut right, mut total) = (0, 0);
        for (model, &(r, n)) in &self.per_model {
            out.push_str(&format!(
                "{:<10} {:>6} {:>6} {:>6.1}%\n",
                model.as_str(),
                r,
                n,
                share(r, n)
            ));
            right += r;
            total += n;
        }
        out.push_str(&format!(
            "{:<10} {:>6} {:>6} {:>6.1}%\n",
            "all",
            right,
            total,
            share(right, total)
        ));
        if show_wrong {
            for w in &self.wrong {
                out.push_str(&format!(
                    "wrong {}: missing {:?} extra {:?}\n",
                    w.id, w.missing, w.extra
                ));
            }
        }
        out
    }

    pub fn to_json(&self) -> Value {
        let models: serde_json::Map<String, Value> = self
            .per_model
            .iter()
            .map(|(m, &(r, n))| {
                (
                    m.as_str().to_string(),
                    json!({"right": r, "cases": n, "share": share(r, n) / 100.0}),
                )
            })
            .collect();
        let wrong: Vec<Value> = self
            .wrong
            .iter()
            .map(|w| json!({"id": w.id, "missing": w.missing, "extra": w.extra}))
            .collect();
        json!({"models": models, "wrong": wrong})
    }
}

fn share(right: usize, total: usize) -> f64 {
    if total == 0 {
        0.0
    } else {
        100.0 * right as f64 / total as f64
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use lede_core::Span;

    fn number(text: &str, part: &str, kind: NumberKind, value: f64) -> NumberAnnotation {
        let start = text.find(part).expect("part of text");
        let span = Span::new(text, start, start + part.len()).expect("span");
        NumberAnnotation::new(span, kind, NumberValue::Number(value))
    }

    const LINE: &str = r#"{"id": "P-1", "model": "PercentModel", "text": "Prices rose 5% in €-land, 3 percent here.", "expected": [{"start": 12, "end": 14, "value": 5.0}, {"start": 26, "end": 35, "value": 3}]}"#;

    #[test]
    fn a_case_is_right_when_every_number_of_its_kind_matches() {
        let cases = parse_cases(LINE).expect("parses");
        let case = &cases[0];
        assert_eq!(case.model, CaseModel::Percent);
        let text = case.text.as_str();
        // "€" is one code point but three bytes: the second span checks the
        // offset conversion.
        let right = [
            number(text, "5%", NumberKind::Percent, 5.0),
            number(text, "3 percent", NumberKind::Percent, 3.0),
            // Another kind is not looked at.
            number(text, "land", NumberKind::Cardinal, 3.0),
        ];
        assert!(score_case(case, &right).right);
        let wrong_value = [
            number(text, "5%", NumberKind::Percent, 5.0),
            number(text, "3 percent", NumberKind::Percent, 30.0),
        ];
        let outcome = score_case(case, &wrong_value);
        assert!(!outcome.right);
        assert_eq!(outcome.missing, ["3 percent=3"]);
        assert_eq!(outcome.extra, ["3 percent=30"]);
    }

    #[test]
    fn an_unexpected_number_of_the_kind_makes_a_case_wrong() {
        let line = r#"{"id": "C-1", "model": "CurrencyModel", "text": "All seventeen tests passed.", "expected": []}"#;
        let cases = parse_cases(line).expect("parses");
        let text = cases[0].text.as_str();
        let cardinal = [number(text, "seventeen", NumberKind::Cardinal, 17.0)];
        assert!(score_case(&cases[0], &cardinal).right);
        let money = [number(text, "seventeen", NumberKind::Money, 17.0)];
        let outcome = score_case(&cases[0], &money);
        assert!(!outcome.right);
        assert_eq!(outcome.extra, ["seventeen=17"]);
    }

    #[test]
    fn bad_lines_are_errors() {
        assert!(parse_cases(r#"{"model": "NumberModel", "text": "x", "expected": []}"#).is_ok());
        assert!(parse_cases(r#"{"model": "Weather", "text": "x", "expected": []}"#).is_err());
        let outside = r#"{"model": "AgeModel", "text": "x", "expected": [{"start": 0, "end": 5}]}"#;
        assert!(parse_cases(outside).is_err());
    }
}
