//! Periods and temperatures around a number: decades ("the 1990s", "the
//! '90s", "mid-2000s"), a season with its year ("spring 2023"), a weekday
//! with no document date to resolve it ("on Tuesday" -> "-W-2") and
//! temperatures ("40C", "-5°C", "104 degrees Fahrenheit").

use super::{Found, Scanner};
use crate::tokens::Kind;
use lede_core::NumberKind;

/// ISO 8601-2 season codes, written after the year ("2023-21" is spring
/// 2023), by the season words news uses.
pub(super) const SEASONS: [(&str, u32); 5] = [
    ("spring", 21),
    ("summer", 22),
    ("autumn", 23),
    ("fall", 23),
    ("winter", 24),
];

impl<'a> Scanner<'a> {
    /// An age given as a decade of life at the digit token `i`.
    pub(super) fn decade_of_life(&self, i: usize) -> Option<Found> {
        // "a man in his 40s", "in their early 20s": an age from the first
        // to the last year of the decade, "early"/"mid"/"late" its modifier.
        if !(self.glued(i + 1) && self.word_is(i + 1, "s")) || self.bytes(i).len() != 2 {
            return None;
        }
        let n = self.small_int(i, 2)?;
        if n % 10 != 0 || n < 10 {
            return None;
        }
        let part = (i >= 1
            && ["early", "mid", "late"]
                .iter()
                .any(|w| self.word_is(i - 1, w)))
        .then(|| i - 1);
        let mut k = part.unwrap_or(i);
        if part.is_some() && k >= 1 && self.hyphen_link(k) {
            // "mid-30s": the hyphen joins them
            return None;
        }
        if k == 0 {
            return None;
        }
        k -= 1;
        let owner = ["his", "her", "their", "my", "your", "our"]
            .iter()
            .any(|w| self.word_is(k, w));
        if !owner {
            return None;
        }
        let mut f = Found::number(i, i + 2, NumberKind::Age, f64::from(n));
        f.unit = Some("year".to_string());
        f.low = Some(f64::from(n));
        f.high = Some(f64::from(n + 9));
        f.modifier = part;
        Some(f)
    }

    /// A decade at the digit token `i`: "1990s" (4 digits ending in 0, then a
    /// glued "s"), "'90s" and "the 90s" (the 20th century, or the 21st for
    /// "'00s" and "'10s"). A year with `low`/`high` the first and last year
    /// of the decade, the value its first year.
    pub(super) fn decade(&self, i: usize) -> Option<Found> {
        if !(self.glued(i + 1) && self.word_is(i + 1, "s")) {
            return None;
        }
        // "1990s-era": the decade still ends at the "s".
        let n = self.small_int(i, 4)?;
        if n % 10 != 0 {
            return None;
        }
        let (start, first) = match self.bytes(i).len() {
            4 if (1000..=2100).contains(&n) => (i, n),
            2 => {
                let century = if n <= 10 { 2000 } else { 1900 };
                let apostrophe =
                    i >= 1 && self.glued(i) && matches!(self.punct(i - 1), Some('\'' | '’' | '‘'));
                if apostrophe {
                    (i - 1, century + n)
                } else if i >= 1 && (self.word_is(i - 1, "the") || self.hyphen_link(i - 1)) {
                    // "the 90s", "mid-90s"
                    (i, century + n)
                } else {
                    return None;
                }
            }
            _ => return None,
        };
        let mut f = Found::text(start, i + 2, NumberKind::Year, first.to_string());
        f.low = Some(f64::from(first));
        f.high = Some(f64::from(first + 9));
        Some(f)
    }

    /// "spring 2023", "last winter's 2022 drought" aside: a season word right
    /// before the year at `i` makes one date, "2023-21".
    pub(super) fn season(&self, i: usize) -> Option<Found> {
        if i == 0 || self.glued(i) {
            return None;
        }
        let year = self.year_at(i)?;
        let word = self.bytes(i - 1);
        let (_, code) = SEASONS
            .iter()
            .find(|(w, _)| word.eq_ignore_ascii_case(w.as_bytes()))?;
        if !self.is_kind(i - 1, Kind::Word) || self.glued(i + 1) && self.is_kind(i + 1, Kind::Word)
        {
            return None;
        }
        Some(Found::text(
            i - 1,
            i + 1,
            NumberKind::Date,
            format!("{year}-{code}"),
        ))
    }

    /// A weekday name at `i` when there is no document date: the ISO 8601
    /// truncated form "-W-2" (a Tuesday of some week).
    pub(super) fn bare_weekday(&self, i: usize) -> Option<Found> {
        let wd = self.info(i).and_then(|w| w.weekday)?;
        if !self.tok(i).is_some_and(|t| t.cap) {
            return None;
        }
        // "Wednesday, October 8th": the date that follows says it all.
        if self.punct(i + 1) == Some(',') && self.info(i + 2).is_some_and(|w| w.month.is_some()) {
            return None;
        }
        Some(Found::text(i, i + 1, NumberKind::Date, format!("-W-{wd}")))
    }

    /// A temperature unit at token `j` after an amount: "°C", "°F" and the
    /// token after it. "40C"/"104F" (a capital letter glued to the digits),
    /// "40 °C", "-5°C", "40 degrees Celsius", "104 degrees F".
    pub(super) fn temperature_after(&self, j: usize) -> Option<(&'static str, usize)> {
        let scale = |k: usize, spelled: bool| -> Option<&'static str> {
            let b = self.bytes(k);
            if !self.is_kind(k, Kind::Word) {
                return None;
            }
            if b == b"C" {
                Some("°C")
            } else if b == b"F" {
                Some("°F")
            } else if spelled
                && (b.eq_ignore_ascii_case(b"celsius") || b.eq_ignore_ascii_case(b"centigrade"))
            {
                Some("°C")
            } else if spelled && b.eq_ignore_ascii_case(b"fahrenheit") {
                Some("°F")
            } else {
                None
            }
        };
        // The scale letter must end the word: "40Cs" or "5Fx" are not.
        let alone = |k: usize| !(self.glued(k + 1) && self.is_kind(k + 1, Kind::Word));
        if self.punct(j) == Some('°') {
            return scale(j + 1, true)
                .filter(|_| self.glued(j + 1) || self.bytes(j + 1).len() > 1)
                .map(|u| (u, j + 2));
        }
        if self.glued(j) {
            return scale(j, false).filter(|_| alone(j)).map(|u| (u, j + 1));
        }
        if self.word_is(j, "degrees") || self.word_is(j, "degree") {
            return scale(j + 1, true).map(|u| (u, j + 2));
        }
        None
    }

    /// The oil trade's barrels a day at token `j`: "1.5 mb/d", "mbpd" (a
    /// million barrels a day), "600,000 bpd", "b/d". The multiplier and the
    /// token after the unit.
    pub(super) fn barrels_a_day(&self, j: usize) -> Option<(f64, usize)> {
        let b = self.bytes(j);
        if !self.is_kind(j, Kind::Word) {
            return None;
        }
        let one_word = |w: &[u8]| b.eq_ignore_ascii_case(w);
        if one_word(b"mbpd") || one_word(b"mbd") {
            return Some((1e6, j + 1));
        }
        if one_word(b"bpd") {
            return Some((1.0, j + 1));
        }
        let slash_d = self.punct(j + 1) == Some('/')
            && self.glued(j + 1)
            && self.glued(j + 2)
            && self.word_is(j + 2, "d");
        if slash_d && one_word(b"mb") {
            return Some((1e6, j + 3));
        }
        if slash_d && one_word(b"b") {
            return Some((1.0, j + 3));
        }
        None
    }

    /// A unit of measure with a power glued to it at token `j` (the
    /// tokenizer keeps "km2" whole as an identifier): "190 km2" is "square
    /// km", "24703m2" "square m", "5 m3" "cubic m".
    pub(super) fn power_unit(&self, j: usize) -> Option<String> {
        if !self.is_kind(j, Kind::Skip) {
            return None;
        }
        let b = self.bytes(j);
        let (&last, stem) = b.split_last()?;
        let power = match last {
            b'2' => "square",
            b'3' => "cubic",
            _ => return None,
        };
        let known = !stem.is_empty()
            && stem.iter().all(u8::is_ascii_alphabetic)
            && self
                .lex
                .info(self.lex.lookup(stem))
                .is_some_and(|w| w.measure);
        let stem = std::str::from_utf8(stem).ok()?;
        known.then(|| format!("{power} {stem}"))
    }
}
