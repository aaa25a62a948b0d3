//! Numbers written in digits: digit groups and their glued suffixes ("8th",
//! "1.5bn", "40C"), fractions ("1/4", "1½"), powers ("1.1^23", "1.3x10^6"),
//! and the numbers inside names and identifiers that are not read.

use super::{is_range_dash, Found, Num, Scanner, Step};
use crate::tokens::Kind;
use lede_core::NumberKind;

/// The value of a vulgar fraction character ("½").
pub(super) fn vulgar_fraction(c: char) -> Option<f64> {
    let (n, d) = match c {
        '½' => (1.0, 2.0),
        '⅓' => (1.0, 3.0),
        '⅔' => (2.0, 3.0),
        '¼' => (1.0, 4.0),
        '¾' => (3.0, 4.0),
        '⅕' => (1.0, 5.0),
        '⅖' => (2.0, 5.0),
        '⅗' => (3.0, 5.0),
        '⅘' => (4.0, 5.0),
        '⅙' => (1.0, 6.0),
        '⅚' => (5.0, 6.0),
        '⅐' => (1.0, 7.0),
        '⅛' => (1.0, 8.0),
        '⅜' => (3.0, 8.0),
        '⅝' => (5.0, 8.0),
        '⅞' => (7.0, 8.0),
        '⅑' => (1.0, 9.0),
        '⅒' => (1.0, 10.0),
        _ => return None,
    };
    Some(n / d)
}

/// The value of `base` with a glued power suffix at the start of `b`
/// ("^23", "e+14", "x10^-4", "×10^6") and the suffix length in bytes.
pub(super) fn power_suffix(b: &[u8], base: f64) -> Option<(f64, usize)> {
    // An optionally signed integer exponent at `b[k..]`, not followed by a
    // letter or digit: its value and end.
    let exponent = |k: usize| -> Option<(i32, usize)> {
        let (neg, mut j) = match b.get(k) {
            Some(b'-') => (true, k + 1),
            Some(b'+') => (false, k + 1),
            _ => (false, k),
        };
        let from = j;
        while j < b.len() && b[j].is_ascii_digit() && j - from < 3 {
            j += 1;
        }
        if j == from || b.get(j).is_some_and(u8::is_ascii_alphanumeric) {
            return None;
        }
        let e: i32 = std::str::from_utf8(&b[from..j]).ok()?.parse().ok()?;
        Some((if neg { -e } else { e }, j))
    };
    match b.first()? {
        b'^' => {
            let (e, end) = exponent(1)?;
            Some((base.powi(e), end))
        }
        b'e' | b'E' => {
            let (e, end) = exponent(1)?;
            Some((base * 10f64.powi(e), end))
        }
        _ => {
            let times = if b.starts_with(b"x10^") || b.starts_with(b"*10^") {
                4
            } else if b.starts_with("×10^".as_bytes()) {
                5
            } else {
                return None;
            };
            let (e, end) = exponent(times)?;
            Some((base * 10f64.powi(e), end))
        }
    }
}

/// Parses a digit group ("35,000", "2.3", "25 000", ".25") exactly.
pub(super) fn parse_digits(s: &[u8]) -> Option<f64> {
    let mut buf = [0u8; 64];
    let mut n = 0;
    for &b in s {
        // Group separators: commas, spaces, no-break spaces (UTF-8 bytes).
        if b == b',' || b == b' ' || b >= 0x80 {
            continue;
        }
        if n == buf.len() {
            return None;
        }
        buf[n] = b;
        n += 1;
    }
    let v: f64 = std::str::from_utf8(&buf[..n]).ok()?.parse().ok()?;
    v.is_finite().then_some(v)
}

impl<'a> Scanner<'a> {
    /// End of the run of glued digit groups and dashes starting at `i`.
    pub(super) fn end_of_digit_chain(&self, mut i: usize) -> usize {
        while i + 1 < self.toks.len()
            && self.glued(i + 1)
            && (self.is_kind(i + 1, Kind::Digits)
                || self
                    .punct(i + 1)
                    .is_some_and(|c| is_range_dash(c) || c == '/' || c == '.'))
        {
            i += 1;
        }
        i + 1
    }

    pub(super) fn at_digits(&self, i: usize) -> Step {
        // Digits glued after "+", "F-", "COVID-" or another digit group and
        // a dash belong to an identifier or a phone number.
        if i >= 1 && self.glued(i) {
            if self.punct(i - 1) == Some('+') {
                return Step::SkipTo(self.end_of_digit_chain(i));
            }
            if self
                .punct(i - 1)
                .is_some_and(|c| is_range_dash(c) || c == '/' || c == '.')
                && i >= 2
                && self.glued(i - 1)
            {
                let prefix_ok = self.info(i - 2).is_some_and(|w| w.hedge)
                    && self.is_kind(i - 2, Kind::Word)
                    && (self.word_is(i - 2, "pre")
                        || self.word_is(i - 2, "post")
                        || self.word_is(i - 2, "mid"));
                if !prefix_ok && !self.is_kind(i - 2, Kind::Punct) {
                    return Step::SkipTo(self.end_of_digit_chain(i));
                }
            }
        }
        // "+972 54 123 4567": three or more bare digit groups in a row are a
        // phone number (two are two numbers: "423 0000").
        if self.is_kind(i + 1, Kind::Digits)
            && !self.glued(i + 1)
            && self.is_kind(i + 2, Kind::Digits)
        {
            let mut k = i + 1;
            while self.is_kind(k, Kind::Digits) {
                k = self.end_of_digit_chain(k);
            }
            return Step::SkipTo(k);
        }
        // "No. 5"
        if i >= 2 && self.punct(i - 1) == Some('.') && self.word_is(i - 2, "no") {
            return Step::Nothing;
        }
        if let Some(f) = self
            .decade_of_life(i)
            .or_else(|| self.decade(i))
            .or_else(|| self.season(i))
        {
            return Step::Emit(f);
        }
        if let Some(f) = self.clock_time(i) {
            return Step::Emit(f);
        }
        if let Some(f) = self.day_first_date(i) {
            return Step::Emit(f);
        }
        // Numbers inside names: "Channel 13", "Resolution 2735", "Route 60".
        let after_head = i >= 1 && self.info(i - 1).is_some_and(|w| w.ordinal_head);
        let name_head = i >= 1 && self.info(i - 1).is_some_and(|w| w.name_head);
        if i >= 1 && !after_head && (name_head || self.is_name_word(i - 1)) {
            return Step::SkipTo(self.end_of_digit_chain(i));
        }
        let Some(mut num) = self.digits_number(i) else {
            return Step::SkipTo(self.end_of_digit_chain(i));
        };
        // "-12", "−4/5": a minus sign glued to the number and not to what
        // comes before it, nor after another number ("75 -300mm" is a
        // range, "won 3 -2" a score).
        if i >= 1
            && self.glued(i)
            && matches!(self.punct(i - 1), Some('-' | '\u{2212}'))
            && !(i >= 2 && self.is_kind(i - 2, Kind::Digits))
            && (i == 1
                || !self.glued(i - 1)
                || matches!(self.punct(i - 2), Some('(' | '[' | ':' | '=')))
        {
            num.start = i - 1;
            num.value = -num.value;
            num.year_like = false;
        }
        if after_head && !num.ordinal && num.value.fract() == 0.0 {
            return Step::Emit(Found::number(i, num.end, NumberKind::Ordinal, num.value));
        }
        self.finish_number(num)
    }

    /// A capitalised word that is not a function word, month or hedge: the
    /// number after it is part of a name.
    pub(super) fn is_name_word(&self, i: usize) -> bool {
        let Some(t) = self.tok(i) else { return false };
        if t.kind != Kind::Word || !t.cap || self.is_possessive(i) {
            return false;
        }
        // Contractions are pronouns and verbs, not names: "I'm 1.8m tall",
        // "It's 40C".
        let b = self.bytes(i);
        if b.contains(&b'\'') || b.windows(3).any(|w| w == "’".as_bytes()) {
            return false;
        }
        match self.info(i) {
            None => true,
            Some(w) => {
                !(w.stop
                    || w.hedge
                    || w.determiner
                    || w.month.is_some()
                    || w.month_abbr.is_some()
                    || w.weekday.is_some()
                    || w.currency.is_some()
                    || w.num.is_some()
                    || w.ordinal_head)
            }
        }
    }

    /// A number written in digits at `i`, with a glued suffix ("8th",
    /// "1.5bn"), a fraction ("1/4") or a following scale word ("2.3 million").
    pub(super) fn digits_number(&self, i: usize) -> Option<Num> {
        let value = self.digits_value(i)?;
        let b = self.bytes(i);
        let mut num = Num {
            start: i,
            end: i + 1,
            value,
            digits: true,
            year_like: b.len() == 4
                && b.iter().all(u8::is_ascii_digit)
                && (1000.0..=2100.0).contains(&value),
            ordinal: false,
            fraction: false,
            lone_one: false,
            approx: false,
        };
        if let Some(v) = self.decimal_comma(i, value) {
            // "5,5%", "€4,99": a decimal comma in a price or a share.
            num.value = v;
            num.year_like = false;
            num.end = i + 3;
            return Some(self.digits_with_words(num));
        }
        if let Some((v, end)) = self.power_at(i, value) {
            // "1.1^23", "12.32e+14", "1.3x10^6"
            num.value = v;
            num.year_like = false;
            num.end = end;
            return v.is_finite().then_some(num);
        }
        if let Some(v) = self
            .punct(i + 1)
            .filter(|_| self.glued(i + 1))
            .and_then(vulgar_fraction)
        {
            // "1½"
            num.value += v;
            num.fraction = true;
            num.year_like = false;
            num.end = i + 2;
            return Some(num);
        }
        if self.is_kind(i + 1, Kind::Word) && self.glued(i + 1) {
            // "40C", "104F": the scale is read by `classify`.
            if self.temperature_after(i + 1).is_some() {
                return Some(num);
            }
            let w = self.info(i + 1)?;
            // "5m" is five metres unless it is money ("$5m"); "5M" is five
            // million.
            let lower = self.bytes(i + 1).iter().all(u8::is_ascii_lowercase);
            let after_currency = i >= 1
                && (self
                    .punct(i - 1)
                    .and_then(Self::currency_of_symbol)
                    .is_some()
                    || self.info(i - 1).is_some_and(|p| p.currency.is_some()));
            // "2.5m people", "2m hectares": a count or a measure after it
            // makes the "m" a million.
            let counted_after = (self.counts_plural(i + 2)
                || self
                    .info(i + 2)
                    .is_some_and(|n| (n.measure || n.currency.is_some()) && !n.stop))
                && !self.info(i + 2).is_some_and(|n| n.race);
            if w.measure && w.scale_abbr.is_some() && lower && !after_currency && !counted_after {
                return Some(num);
            }
            if w.ordinal_suffix {
                num.ordinal = true;
                num.year_like = false;
                num.end = i + 2;
                return Some(num);
            } else if let Some(scale) = w.scale_abbr {
                num.value *= scale;
                num.year_like = false;
                num.end = i + 2;
            } else if w.meridiem.is_none() && !w.measure && w.currency.is_none() && !w.percent {
                return None;
            }
        } else if self.punct(i + 1) == Some('/') && self.glued(i + 1) && self.glued(i + 2) {
            let den = self.digits_value(i + 2)?;
            // Only proper fractions: "24/7" and "7/4/2025" are not.
            if den <= value
                || (den > 10.0 && den != 100.0 && den != 1000.0)
                || den == 0.0
                || self.glued(i + 3) && self.punct(i + 3) == Some('/')
            {
                return None;
            }
            num.value = value / den;
            num.fraction = true;
            num.year_like = false;
            num.end = i + 3;
            return Some(num);
        }
        if num.end == i + 1 {
            if let Some(scale) = self.info(i + 1).and_then(|w| w.scale_abbr) {
                if self.bytes(i + 1).len() > 1 && self.info(i + 1).is_some_and(|w| w.num.is_none())
                {
                    num.value *= scale;
                    num.year_like = false;
                    num.end = i + 2;
                }
            }
        }
        if let Some(part) = self.mixed_fraction(i) {
            // "2 1/2 years", "3 3/4 miles"
            num.value += part;
            num.fraction = true;
            num.year_like = false;
            num.end = i + 4;
            return Some(num);
        }
        let num = self.digits_with_words(num);
        num.value.is_finite().then_some(num)
    }

    /// A power or scientific notation glued after the digit group at `i`:
    /// its value and the token after it.
    pub(super) fn power_at(&self, i: usize, base: f64) -> Option<(f64, usize)> {
        let t = self.tok(i)?;
        let last_end = self.toks.last().map_or(t.end(), |l| l.end());
        let rest = self.text.as_bytes().get(t.end()..last_end)?;
        let (value, len) = power_suffix(rest, base)?;
        let end_byte = t.end() + len;
        // The suffix must end on a token boundary.
        let mut k = i + 1;
        while k < self.toks.len() && self.toks[k].end() < end_byte {
            k += 1;
        }
        (k < self.toks.len() && self.toks[k].end() == end_byte).then_some((value, k + 1))
    }

    /// The value of "5,5" or "4,99" at `i` when the comma is a decimal
    /// comma: one or two digits after it, and a percent sign or word or a
    /// currency right after, or a currency symbol right before ("5,5%",
    /// "€4,99", "12,50 euros"). Elsewhere "1,5" stays two numbers.
    pub(super) fn decimal_comma(&self, i: usize, whole: f64) -> Option<f64> {
        if self.punct(i + 1) != Some(',') || !self.glued(i + 1) || !self.glued(i + 2) {
            return None;
        }
        let head = self.bytes(i);
        let frac = self.bytes(i + 2);
        if !self.is_kind(i + 2, Kind::Digits)
            || !(1..=2).contains(&frac.len())
            || !head.iter().all(u8::is_ascii_digit)
            || !frac.iter().all(u8::is_ascii_digit)
            || (self.glued(i + 3)
                && !self.is_kind(i + 3, Kind::Punct)
                && !self.is_kind(i + 3, Kind::Word))
            || (self.glued(i + 3) && self.punct(i + 3) == Some(','))
        {
            return None;
        }
        let j = i + 3;
        let symbol_before = i >= 1
            && self
                .punct(i - 1)
                .and_then(Self::currency_of_symbol)
                .is_some();
        let percent_after = self.punct(j) == Some('%') || self.info(j).is_some_and(|w| w.percent);
        let money_after = self.currency_after(j).is_some();
        if !(symbol_before || percent_after || money_after) {
            return None;
        }
        let f: f64 = std::str::from_utf8(frac).ok()?.parse().ok()?;
        Some(whole + f / 10f64.powi(frac.len() as i32))
    }

    /// The proper fraction written after the whole number at `i`, spaced
    /// from it ("2 1/2"): a denominator from 2 to 16, not a date ("3
    /// 1/2/2024").
    pub(super) fn mixed_fraction(&self, i: usize) -> Option<f64> {
        if !self.bytes(i).iter().all(u8::is_ascii_digit)
            || self.glued(i + 1)
            || self.punct(i + 2) != Some('/')
            || !self.glued(i + 2)
            || !self.glued(i + 3)
            || (self.glued(i + 4) && self.tok(i + 4).is_some_and(|t| t.kind != Kind::Word))
        {
            return None;
        }
        let n = self.small_int(i + 1, 2)?;
        let d = self.small_int(i + 3, 2)?;
        (n >= 1 && n < d && (2..=16).contains(&d)).then(|| f64::from(n) / f64::from(d))
    }
}
