//! Table-driven cases (tests/data/cases.txt): for each sentence the number in
//! [brackets] must be found with exactly that span, kind, value, unit,
//! modifier, approx flag and range bounds, and no other number may overlap
//! it; "none" lines must yield no number at all.

use lede_core::{NumberAnnotation, NumberValue};
use lede_numbers::NumbersStage;

const CASES: &str = include_str!("data/cases.txt");

struct Case {
    line: usize,
    text: String,
    span: Option<(usize, usize)>,
    kind: String,
    value: String,
    unit: Option<String>,
    modifier: Option<String>,
    flags: String,
}

fn opt(s: &str) -> Option<String> {
    (s != "-" && !s.is_empty()).then(|| s.to_string())
}

fn parse_cases() -> Vec<Case> {
    let mut cases = Vec::new();
    for (n, line) in CASES.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let fields: Vec<&str> = line.split('|').map(str::trim).collect();
        assert!(fields.len() >= 5, "line {}: {line}", n + 1);
        let raw = fields[0];
        let span = match (raw.find('['), raw.find(']')) {
            (Some(a), Some(b)) => Some((a, b - 1)),
            _ => None,
        };
        cases.push(Case {
            line: n + 1,
            text: raw.replace(['[', ']'], ""),
            span,
            kind: fields[1].to_string(),
            value: fields[2].to_string(),
            unit: opt(fields[3]),
            modifier: opt(fields[4]),
            flags: fields.get(5).copied().unwrap_or("").to_string(),
        });
    }
    cases
}

fn describe(text: &str, n: &NumberAnnotation) -> String {
    format!(
        "[{}] {} {:?} unit={:?} mod={:?} approx={} low={:?} high={:?}",
        n.span.text(text),
        n.kind.as_str(),
        n.value,
        n.unit,
        n.modifier,
        n.approx,
        n.low,
        n.high
    )
}

fn check(stage: &NumbersStage, case: &Case) -> Result<(), String> {
    let found = stage.find_in_text(&case.text);
    let all: Vec<String> = found.iter().map(|n| describe(&case.text, n)).collect();
    let Some((start, end)) = case.span else {
        return if found.is_empty() {
            Ok(())
        } else {
            Err(format!("expected no number, got {all:?}"))
        };
    };
    for n in &found {
        let overlaps = n.span.start() < end && start < n.span.end();
        if overlaps && (n.span.start(), n.span.end()) != (start, end) {
            return Err(format!("wrong span: got {all:?}"));
        }
    }
    let Some(n) = found
        .iter()
        .find(|n| (n.span.start(), n.span.end()) == (start, end))
    else {
        return Err(format!("not found; got {all:?}"));
    };
    let mut errors = Vec::new();
    if n.kind.as_str() != case.kind {
        errors.push(format!("kind {} != {}", n.kind.as_str(), case.kind));
    }
    let value_ok = match &n.value {
        v if v.is_unstated() => case.value == "null",
        NumberValue::Number(v) => case
            .value
            .parse::<f64>()
            .is_ok_and(|e| (v - e).abs() <= 1e-9 * e.abs().max(1.0)),
        NumberValue::Text(t) => *t == case.value,
    };
    if !value_ok {
        errors.push(format!("value {:?} != {}", n.value, case.value));
    }
    if n.unit != case.unit {
        errors.push(format!("unit {:?} != {:?}", n.unit, case.unit));
    }
    if n.modifier != case.modifier {
        errors.push(format!("modifier {:?} != {:?}", n.modifier, case.modifier));
    }
    let approx = case.flags.split(',').any(|f| f.trim() == "approx");
    if n.approx != approx {
        errors.push(format!("approx {} != {approx}", n.approx));
    }
    let bound = |key: &str| {
        case.flags
            .split(',')
            .filter_map(|f| f.trim().strip_prefix(key))
            .find_map(|v| v.parse::<f64>().ok())
    };
    if n.low != bound("low=") || n.high != bound("high=") {
        errors.push(format!("range {:?}..{:?}", n.low, n.high));
    }
    let per = case
        .flags
        .split(',')
        .find_map(|f| f.trim().strip_prefix("per="));
    if n.per.as_deref() != per {
        errors.push(format!("per {:?} != {per:?}", n.per));
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "{} (got {})",
            errors.join("; "),
            describe(&case.text, n)
        ))
    }
}

#[test]
fn table_of_cases() {
    let stage = NumbersStage::new(false).expect("stage builds");
    let cases = parse_cases();
    assert!(cases.len() >= 150, "only {} cases", cases.len());
    let mut failures = Vec::new();
    for case in &cases {
        if let Err(e) = check(&stage, case) {
            failures.push(format!("line {}: {:?}: {e}", case.line, case.text));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases failed:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}
