//! Rates: "3 million barrels a day", "$2 billion a year", "10 hours per day".
//!
//! The scanner reads "a day" after an amount as a duration of one day. A
//! reader wants the amount with `per: "day"` instead, so this pass, run once
//! over the sorted numbers of a document, moves the time unit onto the amount
//! before it and drops the one-unit duration. Linear in the number count.

use lede_core::{NumberAnnotation, NumberKind};

/// Time units a rate can be expressed in, as written after "a"/"per".
const RATE_UNITS: [&str; 9] = [
    "millisecond",
    "second",
    "minute",
    "hour",
    "day",
    "week",
    "month",
    "quarter",
    "year",
];

/// Words that make the following time unit a rate ("a day", "per year").
const RATE_WORDS: [&str; 4] = ["a", "an", "per", "each"];

/// The rate's time unit written at the start of `rest` (after the amount),
/// with the byte length of the phrase: " a day" gives ("day", 6).
fn rate_after(rest: &str) -> Option<(&'static str, usize)> {
    let trimmed = rest.trim_start_matches([' ', '\u{a0}']);
    let lead = rest.len() - trimmed.len();
    if lead == 0 || lead > 2 {
        return None;
    }
    let (word, after_word) = trimmed.split_once(' ')?;
    if !RATE_WORDS.contains(&word) {
        return None;
    }
    let unit_end = after_word
        .find(|c: char| !c.is_ascii_alphabetic())
        .unwrap_or(after_word.len());
    let unit = RATE_UNITS.iter().find(|u| **u == &after_word[..unit_end])?;
    Some((unit, lead + word.len() + 1 + unit_end))
}

/// Whether an amount of this kind can be a rate.
fn can_be_rate(kind: NumberKind) -> bool {
    matches!(
        kind,
        NumberKind::Cardinal
            | NumberKind::Money
            | NumberKind::Quantity
            | NumberKind::Percent
            | NumberKind::Duration
    )
}

/// Marks amounts followed by "a day", "per year"... as rates and removes the
/// one-unit durations the scanner read from those words. `numbers` is sorted
/// and non-overlapping, and stays so.
pub fn fold_rates(text: &str, numbers: &mut Vec<NumberAnnotation>) {
    // The end of the rate phrase of the last amount, while a duration read
    // from the same words may still follow.
    let mut swallow_until: Option<usize> = None;
    numbers.retain_mut(|n| {
        if let Some(until) = swallow_until {
            if n.span.start() < until && n.kind == NumberKind::Duration && n.per.is_none() {
                return false;
            }
            swallow_until = None;
        }
        if can_be_rate(n.kind) && n.per.is_none() {
            if let Some(rest) = text.get(n.span.end()..) {
                if let Some((unit, len)) = rate_after(rest) {
                    n.per = Some(unit.to_string());
                    swallow_until = Some(n.span.end() + len);
                }
            }
        }
        true
    });
}

#[cfg(test)]
mod tests {
    use super::rate_after;

    #[test]
    fn rate_phrases() {
        assert_eq!(rate_after(" a day of talks"), Some(("day", 6)));
        assert_eq!(rate_after(" per year."), Some(("year", 9)));
        assert_eq!(rate_after(" an hour"), Some(("hour", 8)));
        // "The probe closed at 50 meters per millisecond."
        assert_eq!(rate_after(" per millisecond."), Some(("millisecond", 16)));
        assert_eq!(rate_after(" a daylong"), None);
        assert_eq!(rate_after(" a dozen"), None);
        assert_eq!(rate_after("a day"), None);
    }
}
