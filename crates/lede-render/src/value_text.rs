//! Number values written the way people write them: "4.5 billion",
//! "35,000", "2/3", "4 July", "29 June 2025", "Tuesday", "22:00", "per
//! day"; never a raw float or a bare ISO form.

use lede_core::{NumberAnnotation, NumberKind, NumberValue};

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

const WEEKDAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

/// An integer with thousands separators: "35,000".
fn grouped(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// A decimal without trailing zeros, at most six places: "0.25".
fn decimal(x: f64) -> String {
    let s = format!("{x:.6}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s == "0" || s == "-0" {
        format!("{x:e}")
    } else {
        s.to_string()
    }
}

/// A number as a reader writes it.
pub fn readable_number(x: f64) -> String {
    readable(x, true)
}

/// An amount of money, a percent or a measure: decimals, never a
/// fraction ("5.20", "2.5 kg", "5.5%").
fn readable_amount(x: f64) -> String {
    readable(x, false)
}

fn readable(x: f64, fractions: bool) -> String {
    if !x.is_finite() {
        return "?".to_string();
    }
    let sign = if x < 0.0 { "-" } else { "" };
    let a = x.abs();
    for (scale, name) in [(1e12, "trillion"), (1e9, "billion"), (1e6, "million")] {
        let m = a / scale;
        if m >= 1.0 && (m * 1000.0 - (m * 1000.0).round()).abs() < 1e-6 && m < 1e6 {
            return format!("{sign}{} {name}", decimal(m));
        }
    }
    if a.fract() == 0.0 && a < 1e15 {
        return format!("{sign}{}", grouped(a as u64));
    }
    if !fractions {
        return format!("{sign}{}", decimal(a));
    }
    let whole = a.trunc();
    let part = a - whole;
    for den in 2..=12u32 {
        let num = part * f64::from(den);
        if (num - num.round()).abs() < 1e-9 && num.round() >= 1.0 {
            let fraction = format!("{}/{den}", num.round() as u64);
            return if whole == 0.0 {
                format!("{sign}{fraction}")
            } else {
                format!("{sign}{} {fraction}", grouped(whole as u64))
            };
        }
    }
    format!("{sign}{}", decimal(a))
}

/// The season of an ISO 8601-2 season code ("2023-21" is spring 2023).
fn season(code: &str) -> Option<&'static str> {
    Some(match code {
        "21" => "spring",
        "22" => "summer",
        "23" => "autumn",
        "24" => "winter",
        _ => return None,
    })
}

/// A date, time or year value as a reader writes it: "--07-04" is "4
/// July", "2025-06" "June 2025", "-W-2" "Tuesday", "T22:00" "22:00".
pub fn readable_text(s: &str) -> String {
    let month = |m: &str| {
        m.parse::<usize>()
            .ok()
            .and_then(|m| MONTHS.get(m.wrapping_sub(1)))
    };
    let day = |d: &str| d.parse::<u32>().ok();
    if let Some(w) = s.strip_prefix("-W-") {
        if let Some(name) = w
            .parse::<usize>()
            .ok()
            .and_then(|d| WEEKDAYS.get(d.wrapping_sub(1)))
        {
            return (*name).to_string();
        }
    }
    if let Some(t) = s.strip_prefix('T') {
        return t.to_string();
    }
    // An ordinal counted from the end: "end-1" is the second to last.
    if let Some(n) = s.strip_prefix("end-").and_then(|n| n.parse::<usize>().ok()) {
        const PLACES: [&str; 9] = [
            "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
        ];
        return match PLACES.get(n.wrapping_sub(1)) {
            Some(place) => format!("{place} to last"),
            None => format!("{}th to last", n + 1),
        };
    }
    if let Some(rest) = s.strip_prefix("--") {
        let mut parts = rest.split('-');
        return match (parts.next().and_then(month), parts.next().and_then(day)) {
            (Some(m), Some(d)) => format!("{d} {m}"),
            (Some(m), None) => (*m).to_string(),
            _ => s.to_string(),
        };
    }
    let parts: Vec<&str> = s.split('-').collect();
    match parts.as_slice() {
        [y, m, d] if y.len() == 4 => match (month(m), day(d)) {
            (Some(m), Some(d)) => format!("{d} {m} {y}"),
            _ => s.to_string(),
        },
        [y, m] if y.len() == 4 => match (month(m), season(m)) {
            (Some(m), _) => format!("{m} {y}"),
            (None, Some(season)) => format!("{season} {y}"),
            (None, None) => s.to_string(),
        },
        _ => s.to_string(),
    }
}

/// The value of a number as a reader writes it, with its range and rate:
/// "4.5 billion", "20–30", "the 1990s", "3 million per day".
pub fn readable_value(n: &NumberAnnotation) -> String {
    if n.value.is_unstated() {
        // "a small percentage": the text names a share, not its amount.
        return "amount not stated".to_string();
    }
    let mut s = match (n.low, n.high, &n.value) {
        (Some(lo), Some(hi), NumberValue::Text(_))
            if lo.fract() == 0.0 && lo % 10.0 == 0.0 && hi == lo + 9.0 =>
        {
            format!("{}s", lo as i64)
        }
        (Some(lo), Some(hi), NumberValue::Text(_)) => format!("{}–{}", lo as i64, hi as i64),
        (Some(lo), Some(hi), _) => format!("{}–{}", readable_number(lo), readable_number(hi)),
        (_, _, NumberValue::Number(x)) if n.kind == NumberKind::Cardinal => readable_number(*x),
        (_, _, NumberValue::Number(x)) => readable_amount(*x),
        (_, _, NumberValue::Text(t)) => readable_text(t),
    };
    if let Some(per) = &n.per {
        s.push_str(" per ");
        s.push_str(per);
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_read_as_written() {
        assert_eq!(readable_number(4.5e9), "4.5 billion");
        assert_eq!(readable_number(35000.0), "35,000");
        assert_eq!(readable_number(2.0 / 3.0), "2/3");
        assert_eq!(readable_number(100.75), "100 3/4");
        assert_eq!(readable_number(-12.0), "-12");
        assert_eq!(readable_number(0.008), "0.008");
        assert_eq!(readable_number(9.2321312), "9.232131");
        assert_eq!(readable_number(1234567.0), "1,234,567");
    }

    #[test]
    fn dates_read_as_written() {
        assert_eq!(readable_text("--07-04"), "4 July");
        assert_eq!(readable_text("2025-06-29"), "29 June 2025");
        assert_eq!(readable_text("2025-06"), "June 2025");
        assert_eq!(readable_text("--05"), "May");
        assert_eq!(readable_text("-W-2"), "Tuesday");
        assert_eq!(readable_text("T22:00"), "22:00");
        assert_eq!(readable_text("2019"), "2019");
        assert_eq!(readable_text("2023-21"), "spring 2023");
        assert_eq!(readable_text("2021-24"), "winter 2021");
        assert_eq!(readable_text("end-1"), "second to last");
        assert_eq!(readable_text("end-2"), "third to last");
    }

    #[test]
    fn an_unstated_share_says_so() {
        let text = "A small percentage left.";
        let span = lede_core::Span::new(text, 8, 18).expect("span");
        let mut n =
            NumberAnnotation::new(span, lede_core::NumberKind::Percent, NumberValue::UNSTATED);
        n.modifier = Some("small".into());
        assert_eq!(readable_value(&n), "amount not stated");
        assert_eq!(crate::number_compact(&n), "small share, not stated");
    }

    #[test]
    fn a_rate_keeps_its_unit_before_the_time() {
        let text = "The car reached 120 km/h.";
        let span = lede_core::Span::new(text, 16, 24).expect("span");
        let mut n = NumberAnnotation::new(
            span,
            lede_core::NumberKind::Quantity,
            NumberValue::Number(120.0),
        );
        n.unit = Some("km".into());
        n.per = Some("hour".into());
        assert_eq!(crate::number_compact(&n), "120 km per hour");
    }
}
