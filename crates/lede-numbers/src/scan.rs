//! The matcher: walks the tokens of one sentence left to right and, at each
//! token that can start a numeric expression, reads the longest expression
//! it can (a date, a time, an amount of money, a number and what follows
//! it), then looks back for a hedge word.

use lede_core::{NumberAnnotation, NumberKind, NumberValue, Span};

use crate::dates::{self, RefDate};
use crate::lexicon::{HedgeScope, Lexicon, NumWord, WordInfo, NO_INFO};
use crate::tokens::{Kind, Tok};

mod money;
mod periods;
mod words;

/// A number read from digits or words, before it is classified.
#[derive(Clone, Copy, Debug)]
struct Num {
    start: usize,
    /// One past the last token.
    end: usize,
    value: f64,
    digits: bool,
    /// A plain four-digit integer (a possible year).
    year_like: bool,
    ordinal: bool,
    fraction: bool,
    /// The single word "one".
    lone_one: bool,
    approx: bool,
}

/// An expression found, as token indices.
#[derive(Debug)]
struct Found {
    start: usize,
    end: usize,
    kind: NumberKind,
    value: NumberValue,
    unit: Option<String>,
    approx: bool,
    low: Option<f64>,
    high: Option<f64>,
    /// The time unit of a rate written as one unit ("1.5 mb/d").
    per: Option<&'static str>,
}

impl Found {
    fn number(start: usize, end: usize, kind: NumberKind, value: f64) -> Found {
        Found {
            start,
            end,
            kind,
            value: NumberValue::Number(value),
            unit: None,
            approx: false,
            low: None,
            high: None,
            per: None,
        }
    }

    fn text(start: usize, end: usize, kind: NumberKind, value: String) -> Found {
        Found {
            start,
            end,
            kind,
            value: NumberValue::Text(value),
            unit: None,
            approx: false,
            low: None,
            high: None,
            per: None,
        }
    }
}

/// What the matcher does at one token.
enum Step {
    Emit(Found),
    /// Nothing here, and nothing up to this token either (identifiers,
    /// phone numbers).
    SkipTo(usize),
    Nothing,
}

fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '\u{2010}' | '\u{2011}')
}

fn is_range_dash(c: char) -> bool {
    is_hyphen(c) || c == '\u{2013}'
}

fn is_plural_form(word: &[u8]) -> bool {
    word.len() > 3
        && word.last() == Some(&b's')
        && !word.ends_with(b"ss")
        && !word.ends_with(b"us")
        && !word.ends_with(b"is")
        && !word.ends_with(b"'s")
        && !word.ends_with("’s".as_bytes())
}

/// The value of a vulgar fraction character ("½").
fn vulgar_fraction(c: char) -> Option<f64> {
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
fn power_suffix(b: &[u8], base: f64) -> Option<(f64, usize)> {
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
fn parse_digits(s: &[u8]) -> Option<f64> {
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

pub(crate) struct Scanner<'a> {
    pub text: &'a str,
    pub toks: &'a [Tok],
    pub lex: &'a Lexicon,
    /// Reference date for weekday names and "yesterday" (the
    /// `relative_dates` option with a document date).
    pub reference: Option<RefDate>,
    /// Weekday names are dates (the `relative_dates` option): resolved with
    /// `reference`, else the ISO weekday "-W-2".
    pub weekdays: bool,
}

impl<'a> Scanner<'a> {
    pub fn scan(&self, out: &mut Vec<NumberAnnotation>) {
        let mut i = 0;
        while i < self.toks.len() {
            match self.step(i) {
                Step::Emit(found) => {
                    let next = found.end.max(i + 1);
                    self.emit(found, out);
                    i = next;
                }
                Step::SkipTo(next) => i = next.max(i + 1),
                Step::Nothing => i += 1,
            }
        }
    }

    /// The value of a spelled-out number covering all the tokens.
    pub fn spelled_value(&self) -> Option<f64> {
        let num = self.words_number(0)?;
        (num.end == self.toks.len() && !num.ordinal).then_some(num.value)
    }

    // ---- token helpers -------------------------------------------------

    fn tok(&self, i: usize) -> Option<&Tok> {
        self.toks.get(i)
    }

    fn bytes(&self, i: usize) -> &'a [u8] {
        match self.toks.get(i) {
            Some(t) => self.text.as_bytes().get(t.start()..t.end()).unwrap_or(b""),
            None => b"",
        }
    }

    fn str_of(&self, i: usize) -> &'a str {
        match self.toks.get(i) {
            Some(t) => self.text.get(t.start()..t.end()).unwrap_or(""),
            None => "",
        }
    }

    fn is_kind(&self, i: usize, kind: Kind) -> bool {
        self.tok(i).is_some_and(|t| t.kind == kind)
    }

    fn info(&self, i: usize) -> Option<&'a WordInfo> {
        let t = self.toks.get(i)?;
        if t.kind != Kind::Word {
            return None;
        }
        if t.info != NO_INFO {
            return self.lex.info(t.info);
        }
        self.lex.info(self.lex.lookup(self.bytes(i)))
    }

    fn word_is(&self, i: usize, w: &str) -> bool {
        self.is_kind(i, Kind::Word) && self.bytes(i).eq_ignore_ascii_case(w.as_bytes())
    }

    fn punct(&self, i: usize) -> Option<char> {
        self.tok(i).filter(|t| t.kind == Kind::Punct).map(|t| t.ch)
    }

    fn glued(&self, i: usize) -> bool {
        self.tok(i).is_some_and(|t| t.glued)
    }

    /// A hyphen at `i` glued on both sides.
    fn hyphen_link(&self, i: usize) -> bool {
        self.punct(i).is_some_and(is_hyphen) && self.glued(i) && self.glued(i + 1)
    }

    fn digits_value(&self, i: usize) -> Option<f64> {
        if !self.is_kind(i, Kind::Digits) {
            return None;
        }
        parse_digits(self.bytes(i))
    }

    /// A plain integer of at most `max_len` digits.
    fn small_int(&self, i: usize, max_len: usize) -> Option<u32> {
        let b = self.bytes(i);
        if !self.is_kind(i, Kind::Digits) || b.len() > max_len || !b.iter().all(u8::is_ascii_digit)
        {
            return None;
        }
        std::str::from_utf8(b).ok()?.parse().ok()
    }

    fn year_at(&self, i: usize) -> Option<u32> {
        let b = self.bytes(i);
        if b.len() != 4 {
            return None;
        }
        self.small_int(i, 4).filter(|y| (1000..=2100).contains(y))
    }

    fn is_lower_word(&self, i: usize) -> bool {
        self.tok(i).is_some_and(|t| t.kind == Kind::Word && !t.cap)
    }

    /// The possessive "’s" token (split off its word by the tokenizer).
    fn is_possessive(&self, i: usize) -> bool {
        let b = self.bytes(i);
        self.is_kind(i, Kind::Word) && (b == b"'s" || b == "’s".as_bytes())
    }

    // ---- dispatch --------------------------------------------------------

    fn step(&self, i: usize) -> Step {
        let Some(t) = self.tok(i) else {
            return Step::Nothing;
        };
        match t.kind {
            Kind::Digits => self.at_digits(i),
            // Only words that can start a number carry an entry here.
            Kind::Word if t.info == NO_INFO => Step::Nothing,
            Kind::Word => self.at_word(i),
            Kind::Punct => match self.at_currency_symbol(i) {
                Some(f) => Step::Emit(f),
                None => match vulgar_fraction(t.ch) {
                    // "¾", "½ mile"
                    Some(v) => self.finish_number(Num {
                        start: i,
                        end: i + 1,
                        value: v,
                        digits: true,
                        year_like: false,
                        ordinal: false,
                        fraction: true,
                        lone_one: false,
                        approx: false,
                    }),
                    None => Step::Nothing,
                },
            },
            Kind::Skip => Step::Nothing,
        }
    }

    /// End of the run of glued digit groups and dashes starting at `i`.
    fn end_of_digit_chain(&self, mut i: usize) -> usize {
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

    fn at_digits(&self, i: usize) -> Step {
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
        if let Some(f) = self.decade(i).or_else(|| self.season(i)) {
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
        // comes before it.
        if i >= 1
            && self.glued(i)
            && matches!(self.punct(i - 1), Some('-' | '\u{2212}'))
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
    fn is_name_word(&self, i: usize) -> bool {
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
    fn digits_number(&self, i: usize) -> Option<Num> {
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
            if w.measure && w.scale_abbr.is_some() && lower && !after_currency {
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
            } else if w.meridiem.is_none() && !w.measure && w.currency.is_none() {
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
        let num = self.digits_with_words(num);
        num.value.is_finite().then_some(num)
    }

    /// A power or scientific notation glued after the digit group at `i`:
    /// its value and the token after it.
    fn power_at(&self, i: usize, base: f64) -> Option<(f64, usize)> {
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

    /// "14:30", "10:30 p.m."
    fn clock_time(&self, i: usize) -> Option<Found> {
        if !(self.punct(i + 1) == Some(':') && self.glued(i + 1) && self.glued(i + 2)) {
            return None;
        }
        let hour = self.small_int(i, 2)?;
        if self.bytes(i + 2).len() != 2 {
            return None;
        }
        let minute = self.small_int(i + 2, 2)?;
        if hour > 24 || minute > 59 {
            return None;
        }
        let mut end = i + 3;
        let mut hour = hour;
        if let Some((offset, e)) = self.meridiem_at(end) {
            if hour > 12 || hour == 0 {
                return None;
            }
            hour = hour % 12 + offset;
            end = e;
        }
        Some(Found::text(
            i,
            end,
            NumberKind::Time,
            format!("T{hour:02}:{minute:02}"),
        ))
    }

    /// "a.m.", "p.m", "am", "PM" at `i`: the hour offset and the end.
    fn meridiem_at(&self, i: usize) -> Option<(u32, usize)> {
        if let Some(m) = self.info(i).and_then(|w| w.meridiem) {
            return Some((u32::from(m), i + 1));
        }
        let offset = if self.word_is(i, "a") {
            0
        } else if self.word_is(i, "p") {
            12
        } else {
            return None;
        };
        if self.punct(i + 1) == Some('.')
            && self.glued(i + 1)
            && self.word_is(i + 2, "m")
            && self.glued(i + 2)
        {
            let end = if self.punct(i + 3) == Some('.') && self.glued(i + 3) {
                i + 4
            } else {
                i + 3
            };
            return Some((offset, end));
        }
        None
    }

    /// "8 October", "8th of October 2023".
    fn day_first_date(&self, i: usize) -> Option<Found> {
        let day = self.small_int(i, 2).filter(|d| (1..=31).contains(d))?;
        let mut k = i + 1;
        if self.glued(k) && self.info(k).is_some_and(|w| w.ordinal_suffix) {
            k += 1;
        }
        if self.word_is(k, "of") {
            k += 1;
        }
        let month = self.info(k).and_then(|w| w.month)?;
        if !self.tok(k).is_some_and(|t| t.cap) {
            return None;
        }
        k += 1;
        if let Some(year) = self.year_at(k) {
            return Some(Found::text(
                i,
                k + 1,
                NumberKind::Date,
                format!("{year:04}-{month:02}-{day:02}"),
            ));
        }
        Some(Found::text(
            i,
            k,
            NumberKind::Date,
            format!("--{month:02}-{day:02}"),
        ))
    }

    /// "July 4", "June 29, 2025", "March 2024", "in May".
    fn month_date(&self, i: usize, info: &WordInfo) -> Option<Found> {
        if !self.tok(i).is_some_and(|t| t.cap) {
            return None;
        }
        let (month, mut k, abbr) = match (info.month, info.month_abbr) {
            (Some(m), _) => (m, i + 1, false),
            (None, Some(m)) => {
                if self.punct(i + 1) == Some('.') && self.glued(i + 1) {
                    (m, i + 2, true)
                } else {
                    (m, i + 1, true)
                }
            }
            _ => return None,
        };
        if let Some(day) = self.small_int(k, 2).filter(|d| (1..=31).contains(d)) {
            // Not "May 5-7" ranges or "March 2:1".
            if !(self.glued(k + 1) && self.punct(k + 1).is_some_and(|c| c != ',' && c != '.')) {
                k += 1;
                if self.glued(k) && self.info(k).is_some_and(|w| w.ordinal_suffix) {
                    k += 1;
                }
                let year = if self.punct(k) == Some(',') {
                    self.year_at(k + 1).map(|y| (y, k + 2))
                } else {
                    self.year_at(k).map(|y| (y, k + 1))
                };
                return Some(match year {
                    Some((y, end)) => Found::text(
                        i,
                        end,
                        NumberKind::Date,
                        format!("{y:04}-{month:02}-{day:02}"),
                    ),
                    None => Found::text(i, k, NumberKind::Date, format!("--{month:02}-{day:02}")),
                });
            }
        }
        if let Some(y) = self.year_at(k) {
            return Some(Found::text(
                i,
                k + 1,
                NumberKind::Date,
                format!("{y:04}-{month:02}"),
            ));
        }
        if abbr && k == i + 1 {
            return None;
        }
        // A month name alone follows a function word ("in May", "the
        // January agreement", "late September"), a possessive or nothing; not
        // "Theresa May" or a title-case headline ("Thousands March").
        if i >= 1
            && self.is_kind(i - 1, Kind::Word)
            && !self.is_possessive(i - 1)
            && !self.is_possessive(i + 1)
        {
            let function_word = self
                .info(i - 1)
                .is_some_and(|w| w.stop || w.hedge || w.determiner);
            if !function_word {
                return None;
            }
        }
        // "May" starting a sentence and followed by a verb is the modal.
        if self.word_is(i, "may")
            && (i == 0 || !self.is_kind(i - 1, Kind::Word))
            && self.is_kind(i + 1, Kind::Word)
        {
            return None;
        }
        Some(Found::text(i, k, NumberKind::Date, format!("--{month:02}")))
    }

    fn currency_of_symbol(c: char) -> Option<&'static str> {
        match c {
            '$' => Some("USD"),
            '€' => Some("EUR"),
            '£' => Some("GBP"),
            '¥' => Some("JPY"),
            '₪' => Some("ILS"),
            '₹' => Some("INR"),
            '₡' => Some("CRC"),
            '₾' => Some("GEL"),
            '₽' => Some("RUB"),
            '₩' => Some("KRW"),
            '₺' => Some("TRY"),
            '₦' => Some("NGN"),
            '₱' => Some("PHP"),
            '₴' => Some("UAH"),
            '₿' => Some("BTC"),
            _ => None,
        }
    }

    /// "$20", "€3bn", "$1.5 billion", "US$5".
    fn at_currency_symbol(&self, i: usize) -> Option<Found> {
        let code = Self::currency_of_symbol(self.punct(i)?)?;
        let mut num = self.digits_number(i + 1)?;
        if num.ordinal || num.fraction {
            return None;
        }
        // "US$5", "C$ 20", "mxn$ 15", "u.s $ 100": a prefix names the dollar;
        // one letter only glued ("a $5 fee" is not Australian).
        let (code, start) = match self.dollar_prefix_before(i) {
            Some((prefix_code, k))
                if self.glued(i)
                    || i - k > 1
                    || self.bytes(k).len() > 1
                    || self.word_is(k, "c") =>
            {
                (prefix_code, k)
            }
            _ => (code, i),
        };
        // "$ 10 dollars"
        if self.info(num.end).and_then(|w| w.currency) == Some(code) {
            num.end += 1;
        }
        let mut f = Found::number(start, num.end, NumberKind::Money, num.value);
        // "$20-30 million"
        if self.punct(num.end).is_some_and(is_range_dash)
            && self.glued(num.end)
            && self.glued(num.end + 1)
        {
            if let Some(high) = self.digits_number(num.end + 1) {
                let scale = if high.end > high.start + 1 && num.end == num.start + 1 {
                    high.value / self.digits_value(high.start).unwrap_or(high.value)
                } else {
                    1.0
                };
                num.value *= scale;
                if high.value > num.value {
                    f = Found::number(start, high.end, NumberKind::Money, num.value);
                    f.low = Some(num.value);
                    f.high = Some(high.value);
                }
            }
        }
        f.unit = Some(code.to_string());
        Some(self.with_minor_units(f))
    }

    fn at_word(&self, i: usize) -> Step {
        let Some(info) = self.info(i) else {
            return Step::Nothing;
        };
        if info.month.is_some() || info.month_abbr.is_some() {
            if let Some(f) = self.month_date(i, info) {
                return Step::Emit(f);
            }
            return Step::Nothing;
        }
        if let Some(code) = info.currency {
            // "USD 20", "NIS 500"
            let all_caps = self.bytes(i).iter().all(u8::is_ascii_uppercase);
            let named = self.word_is(i, "dollar") || self.word_is(i, "euro");
            if (all_caps || named) && !self.glued(i + 1) {
                if let Some(num) = self.digits_number(i + 1).filter(|n| !n.ordinal) {
                    let mut f = Found::number(i, num.end, NumberKind::Money, num.value);
                    f.unit = Some(code.to_string());
                    return Step::Emit(f);
                }
            }
            return Step::Nothing;
        }
        if let Some(code) = info.currency_million {
            // "MAUD 60": sixty million Australian dollars.
            let all_caps = self.bytes(i).iter().all(u8::is_ascii_uppercase);
            if let Some(num) = self.digits_number(i + 1).filter(|n| all_caps && !n.ordinal) {
                let mut f = Found::number(i, num.end, NumberKind::Money, num.value * 1e6);
                f.unit = Some(code.to_string());
                return Step::Emit(f);
            }
            return Step::Nothing;
        }
        if info.percent {
            // "percent of 10", "per cent of 20"
            if self.word_is(i + 1, "of") && !(i >= 1 && self.is_kind(i - 1, Kind::Digits)) {
                if let Some(num) = self
                    .digits_number(i + 2)
                    .filter(|n| !n.ordinal && !n.fraction)
                {
                    if num.end == i + 3 && !self.is_kind(num.end, Kind::Word) {
                        return Step::Emit(Found::number(
                            i,
                            num.end,
                            NumberKind::Percent,
                            num.value,
                        ));
                    }
                }
            }
            return Step::Nothing;
        }
        if let Some(hour) = info.clock {
            return Step::Emit(Found::text(
                i,
                i + 1,
                NumberKind::Time,
                format!("T{hour:02}:00"),
            ));
        }
        if info.weekday.is_some() || info.relative {
            if let Some(reference) = self.reference {
                if let Some(f) = self.relative_date(i, reference) {
                    return Step::Emit(f);
                }
            } else if self.weekdays {
                if let Some(f) = self.bare_weekday(i) {
                    return Step::Emit(f);
                }
            }
            return Step::Nothing;
        }
        if info.article {
            return match self.after_article(i) {
                Some(f) => Step::Emit(f),
                None => Step::Nothing,
            };
        }
        if let Some(base) = info.vague {
            return match self.vague(i, base) {
                Some(f) => Step::Emit(f),
                None => Step::Nothing,
            };
        }
        if info.sign {
            // "minus 4,500", "negative one", "minus five percent"
            let num = if self.is_kind(i + 1, Kind::Digits) {
                self.digits_number(i + 1)
            } else if self.info(i + 1).is_some_and(|w| w.num.is_some()) {
                self.words_number(i + 1)
            } else {
                None
            };
            return match num.filter(|n| !n.ordinal) {
                Some(num) => self.finish_number(Num {
                    start: i,
                    value: -num.value,
                    year_like: false,
                    lone_one: false,
                    ..num
                }),
                None => Step::Nothing,
            };
        }
        if info.num.is_some() {
            // "Four Seasons": a capitalised number word inside a name.
            let t = self.toks[i];
            if t.cap
                && i >= 1
                && self.is_kind(i - 1, Kind::Word)
                && self
                    .tok(i + 1)
                    .is_some_and(|n| n.kind == Kind::Word && n.cap)
            {
                return Step::Nothing;
            }
            let Some(num) = self.words_number(i) else {
                return Step::Nothing;
            };
            if i >= 1 && self.info(i - 1).is_some_and(|w| w.ordinal_head) && !num.fraction {
                return Step::Emit(Found::number(i, num.end, NumberKind::Ordinal, num.value));
            }
            if num.lone_one && !self.one_is_a_number(i) {
                return Step::Nothing;
            }
            return self.finish_number(num);
        }
        if let Some(value) = info.ordinal {
            return match self.ordinal_word(i, value) {
                Some(f) => Step::Emit(f),
                None => Step::Nothing,
            };
        }
        if let (Some(den), Some(NumWord::Scale(scale))) =
            (info.denominator, self.info(i + 1).and_then(|w| w.num))
        {
            // "quarter million", "half billion"
            if !is_plural_form(self.bytes(i)) {
                let num = Num {
                    start: i,
                    end: i + 2,
                    value: scale / den,
                    digits: false,
                    year_like: false,
                    ordinal: false,
                    fraction: true,
                    lone_one: false,
                    approx: false,
                };
                return self.finish_number(num);
            }
        }
        if info.denominator == Some(2.0) && self.word_is(i, "half") {
            // "half a million"
            if self.info(i + 1).is_some_and(|w| w.article)
                && matches!(
                    self.info(i + 2).and_then(|w| w.num),
                    Some(NumWord::Hundred | NumWord::Scale(_) | NumWord::Dozen)
                )
            {
                if let Some(num) = self.words_number(i + 1) {
                    let half = Num {
                        start: i,
                        value: num.value / 2.0,
                        ..num
                    };
                    return self.finish_number(half);
                }
            }
            if self.hyphen_link(i + 1) {
                if let Some(unit) = self.info(i + 2).and_then(|w| w.time_unit) {
                    let mut f = Found::number(i, i + 3, NumberKind::Duration, 0.5);
                    f.unit = Some(unit.to_string());
                    return Step::Emit(f);
                }
                return Step::Nothing;
            }
            return Step::Emit(Found::number(i, i + 1, NumberKind::Cardinal, 0.5));
        }
        Step::Nothing
    }

    /// "one" is a number before a counted noun ("one official said"), not
    /// as a pronoun ("one can't", "no one", "one of them", "the one that").
    fn one_is_a_number(&self, i: usize) -> bool {
        if i >= 1 {
            if let Some(prev) = self.info(i - 1) {
                if prev.determiner
                    || self.word_is(i - 1, "no")
                    || self.word_is(i - 1, "any")
                    || self.word_is(i - 1, "that")
                    || self.word_is(i - 1, "which")
                {
                    return false;
                }
            }
        }
        if self.hyphen_link(i + 1) {
            return true;
        }
        match self.tok(i + 1) {
            Some(t) if t.kind == Kind::Word => {
                if self
                    .info(i + 1)
                    .is_some_and(|w| w.stop || w.hedge || w.num.is_some())
                {
                    return false;
                }
                let b = self.bytes(i + 1);
                !(b.ends_with(b"'t") || b.ends_with("’t".as_bytes()) || b.ends_with(b"ly"))
            }
            _ => false,
        }
    }

    /// "first", "third": an ordinal after a determiner or possessive ("the
    /// first time", "a first step", "Israel's first"), not the adverb ("we
    /// must first put aside").
    fn ordinal_word(&self, i: usize, value: f64) -> Option<Found> {
        let det =
            i >= 1 && (self.info(i - 1).is_some_and(|w| w.determiner) || self.is_possessive(i - 1));
        // "finished eleventh", "the seventh": from "third" on an ordinal word
        // is an ordinal without a determiner too ("first" and "second" are
        // also an adverb and a time unit; capitals start names: "Third
        // Avenue").
        let plain = value >= 3.0 && !self.tok(i).is_some_and(|t| t.cap);
        if !det && !plain {
            return None;
        }
        // "a second" alone is a moment; "a second round" is an ordinal.
        if self.info(i).is_some_and(|w| w.time_unit.is_some())
            && !self.is_kind(i + 1, Kind::Word)
            && !self.hyphen_link(i + 1)
        {
            return None;
        }
        Some(Found::number(i, i + 1, NumberKind::Ordinal, value))
    }

    /// After "a"/"an": "a year", "a dozen", "a hundred", "a third of".
    fn after_article(&self, i: usize) -> Option<Found> {
        // "a couple of patients"
        if self.word_is(i + 1, "couple") && self.word_is(i + 2, "of") {
            let mut f = Found::number(i, i + 2, NumberKind::Cardinal, 2.0);
            f.unit = self.counted_unit(i + 3, 2.0);
            return Some(f);
        }
        let next = self.info(i + 1)?;
        if let Some(unit) = next.time_unit {
            let singular = !is_plural_form(self.bytes(i + 1));
            let ordinal_use = next.ordinal.is_some() && self.is_kind(i + 2, Kind::Word);
            if singular && !ordinal_use && !self.hyphen_link(i + 2) {
                let mut f = Found::number(i, i + 2, NumberKind::Duration, 1.0);
                f.unit = Some(unit.to_string());
                return Some(f);
            }
            return None;
        }
        if next.denominator.is_some() || next.ordinal.is_some() {
            // "a third of", "a half", "a fifth", "a trillionth", "a quarter
            // million", "a half turn"; not "a third round".
            let f = self.fraction_at(i, None)?;
            let f = self.after_fraction(f);
            let fits = (f.end > i + 2
                || self.word_is(f.end, "of")
                || !self.is_kind(f.end, Kind::Word)
                || self.info(f.end).is_some_and(|w| w.measure))
                && !self.hyphen_link(f.end);
            if !fits {
                return None;
            }
            return match self.finish_number(f) {
                Step::Emit(found) => Some(found),
                _ => None,
            };
        }
        if matches!(
            next.num,
            Some(NumWord::Hundred | NumWord::Scale(_) | NumWord::Dozen)
        ) {
            let num = self.words_number(i)?;
            return match self.finish_number(num) {
                Step::Emit(f) => Some(f),
                _ => None,
            };
        }
        None
    }

    /// "thousands", "hundreds of thousands", "billions of dollars".
    fn vague(&self, i: usize, base: f64) -> Option<Found> {
        let mut value = base;
        let mut end = i + 1;
        if self.word_is(end, "of") {
            if let Some(scale) = self.info(end + 1).and_then(|w| w.vague_scale) {
                if scale > 10.0 && scale >= base / 2.0 {
                    value = base * scale;
                    end += 2;
                }
            }
        }
        if self.word_is(i, "tens") && end == i + 1 {
            return None;
        }
        if self.word_is(end, "of") {
            if let Some(code) = self.info(end + 1).and_then(|w| w.currency) {
                let mut f = Found::number(i, end + 2, NumberKind::Money, value);
                f.unit = Some(code.to_string());
                f.approx = true;
                return Some(f);
            }
        }
        let mut f = Found::number(i, end, NumberKind::Cardinal, value);
        f.approx = true;
        if self.word_is(end, "of") {
            f.unit = self.counted_unit(end + 1, value);
        }
        Some(f)
    }

    /// Classifies a number by what follows it: a percent sign, a unit, a
    /// currency, a range, "-year-old", or the noun it counts.
    fn finish_number(&self, num: Num) -> Step {
        if num.ordinal {
            return Step::Emit(Found::number(
                num.start,
                num.end,
                NumberKind::Ordinal,
                num.value,
            ));
        }
        let mut num = num;
        let mut low_high = None;
        // Ranges: "20-30", "20–30 people", "between 20 and 30", "from 2019 to 2021".
        if num.digits && !num.fraction {
            let j = num.end;
            if self.punct(j).is_some_and(is_range_dash) && self.glued(j) && self.glued(j + 1) {
                if !self.is_kind(j + 1, Kind::Digits) {
                    // "20-point", "60-day": handled below.
                } else {
                    let second = self.digits_number(j + 1);
                    let chain = self.end_of_digit_chain(j + 1);
                    let leading_zero = self.bytes(j + 1).first() == Some(&b'0');
                    // "2025-26", "2009-10": a year range with the second
                    // year in two digits, later in the same century.
                    let short_year = self
                        .small_int(j + 1, 2)
                        .filter(|_| num.year_like && self.bytes(j + 1).len() == 2 && chain == j + 2)
                        .map(|yy| (num.value as u32) / 100 * 100 + yy)
                        .filter(|&y| f64::from(y) > num.value);
                    if let Some(high) = short_year {
                        low_high = Some((num.value, f64::from(high), num.start));
                        num.end = j + 2;
                    }
                    match second {
                        _ if short_year.is_some() => {}
                        Some(high)
                            if chain == j + 2
                                && !leading_zero
                                && high.value > num.value
                                && !high.ordinal =>
                        {
                            let raw_high = self.digits_value(high.start).unwrap_or(high.value);
                            let scale = if num.end == num.start + 1 && raw_high != 0.0 {
                                high.value / raw_high
                            } else {
                                1.0
                            };
                            low_high = Some((num.value * scale, high.value, num.start));
                            num = Num {
                                start: num.start,
                                ..high
                            };
                        }
                        _ => return Step::SkipTo(chain),
                    }
                }
            }
        }
        if low_high.is_none() && !num.fraction {
            let j = num.end;
            let connector = self.word_is(j, "to")
                || (self.word_is(j, "and")
                    && num.start >= 1
                    && self.word_is(num.start - 1, "between"));
            if connector {
                let second = if num.digits {
                    self.digits_number(j + 1)
                        .filter(|n| !n.ordinal && !n.fraction)
                } else if self.info(j + 1).and_then(|w| w.num).is_some() {
                    self.words_number(j + 1)
                        .filter(|n| !n.ordinal && !n.fraction)
                } else {
                    None
                };
                if let Some(high) = second {
                    if high.value > num.value && high.year_like == num.year_like {
                        low_high = Some((num.value, high.value, num.start));
                        num = Num {
                            start: num.start,
                            ..high
                        };
                    }
                }
            }
        }
        let mut found = self.classify(num);
        if let Some((low, high, _)) = low_high {
            found.low = Some(low);
            found.high = Some(high);
            found.value = match found.value {
                NumberValue::Text(_) if found.kind == NumberKind::Year => {
                    NumberValue::Text(format!("{}", low as u32))
                }
                NumberValue::Text(t) => NumberValue::Text(t),
                NumberValue::Number(_) => NumberValue::Number(low),
            };
        }
        Step::Emit(found)
    }

    fn classify(&self, num: Num) -> Found {
        let (s, j, v) = (num.start, num.end, num.value);
        let number = |end: usize, kind: NumberKind| Found::number(s, end, kind, v);
        let with_unit = |mut f: Found, unit: &str| {
            f.unit = Some(unit.to_string());
            f
        };
        // Percent.
        if self.punct(j) == Some('%') {
            return number(j + 1, NumberKind::Percent);
        }
        if self.word_is(j, "per") && self.word_is(j + 1, "cent") {
            return number(j + 2, NumberKind::Percent);
        }
        if let Some((unit, end)) = self.temperature_after(j) {
            return with_unit(number(end, NumberKind::Quantity), unit);
        }
        if let Some((scale, end)) = self.barrels_a_day(j) {
            let mut f = Found::number(s, end, NumberKind::Quantity, v * scale);
            f.unit = Some("barrels".to_string());
            f.per = Some("day");
            return f;
        }
        if let Some(w) = self.info(j).filter(|w| w.percent) {
            let _ = w;
            let end = if self.word_is(j, "percentage") {
                if self.word_is(j + 1, "points") || self.word_is(j + 1, "point") {
                    j + 2
                } else if !self.is_lower_word(j + 1) {
                    // "thirty percentage" at the end of a clause
                    j + 1
                } else {
                    return self.counted(num);
                }
            } else {
                j + 1
            };
            return number(end, NumberKind::Percent);
        }
        // Hyphenated compounds: "60-day", "43-year-old", "three-phase".
        if self.hyphen_link(j) && self.is_kind(j + 1, Kind::Word) {
            let w = self.info(j + 1);
            if let Some(unit) = w.and_then(|w| w.time_unit) {
                if self.hyphen_link(j + 2) && self.word_is(j + 3, "old") {
                    return with_unit(number(j + 4, NumberKind::Age), unit);
                }
                return with_unit(number(j + 2, NumberKind::Duration), unit);
            }
            if w.is_some_and(|w| w.percent) {
                return number(j + 2, NumberKind::Percent);
            }
            if w.is_some_and(|w| w.measure) {
                return with_unit(number(j + 2, NumberKind::Quantity), self.str_of(j + 1));
            }
            let idiom = num.lone_one
                && ["on", "off", "sided", "of", "way", "another", "and"]
                    .iter()
                    .any(|x| self.word_is(j + 1, x));
            if self.is_lower_word(j + 1) && !idiom && !self.word_is(j + 1, "and") {
                return with_unit(number(j + 2, NumberKind::Cardinal), self.str_of(j + 1));
            }
            return self.counted(num);
        }
        if let Some((code, end, scale)) = self.currency_after(j) {
            // "20 €" followed by digits only in "10 $ 30 cent".
            let spaced_digits = self.punct(j).is_some() && self.is_kind(j + 1, Kind::Digits);
            let minor_after = self
                .info(j + 2)
                .and_then(|w| w.currency)
                .is_some_and(|c| c.len() > 3);
            if !spaced_digits || minor_after {
                let mut f = Found::number(s, end, NumberKind::Money, v * scale);
                f.unit = Some(code.to_string());
                return self.with_minor_units(f);
            }
        }
        if let Some(w) = self.info(j) {
            // "seven months", "43 years old", "3 years of age"
            if let Some(unit) = w.time_unit {
                if !num.year_like {
                    if self.word_is(j + 1, "old") {
                        return with_unit(number(j + 2, NumberKind::Age), unit);
                    }
                    if self.word_is(j + 1, "of") && self.word_is(j + 2, "age") {
                        return with_unit(number(j + 3, NumberKind::Age), unit);
                    }
                    return with_unit(number(j + 1, NumberKind::Duration), unit);
                }
            }
            if w.measure {
                return with_unit(number(j + 1, NumberKind::Quantity), self.str_of(j));
            }
        }
        if let Some((offset, end)) = self.meridiem_at(j) {
            if num.digits && v.fract() == 0.0 && (1.0..=12.0).contains(&v) {
                let hour = (v as u32) % 12 + offset;
                return Found::text(s, end, NumberKind::Time, format!("T{hour:02}:00"));
            }
        }
        // "7 o'clock", "1400 GMT"
        if num.digits && v.fract() == 0.0 {
            let b = self.bytes(j);
            if (b.eq_ignore_ascii_case(b"o'clock") || b.eq_ignore_ascii_case("o’clock".as_bytes()))
                && (1.0..=12.0).contains(&v)
            {
                return Found::text(s, j + 1, NumberKind::Time, format!("T{:02}:00", v as u32));
            }
            if (self.word_is(j, "GMT") || self.word_is(j, "UTC")) && self.bytes(s).len() == 4 {
                let (h, m) = ((v as u32) / 100, (v as u32) % 100);
                if h < 24 && m < 60 {
                    return Found::text(s, j + 1, NumberKind::Time, format!("T{h:02}:{m:02}"));
                }
            }
        }
        for prefix in ["square", "cubic", "metric"] {
            if self.word_is(j, prefix) && self.info(j + 1).is_some_and(|w| w.measure) {
                let unit = format!("{prefix} {}", self.str_of(j + 1));
                return with_unit(number(j + 2, NumberKind::Quantity), &unit);
            }
        }
        if let Some(unit) = self.power_unit(j) {
            return with_unit(number(j + 1, NumberKind::Quantity), &unit);
        }
        if num.fraction {
            return number(j, NumberKind::Cardinal);
        }
        // "aged 43"; "age 87" and "87 yo" keep the word in the span.
        if s >= 1 && self.word_is(s - 1, "aged") {
            return with_unit(number(j, NumberKind::Age), "year");
        }
        if s >= 1 && self.word_is(s - 1, "age") && num.digits {
            let mut f = Found::number(s - 1, j, NumberKind::Age, v);
            f.unit = Some("year".to_string());
            return f;
        }
        if self.word_is(j, "yo") || self.word_is(j, "y/o") {
            return with_unit(number(j + 1, NumberKind::Age), "year");
        }
        // "Fatima Abdelrahman, 43, a teacher": an age in apposition.
        if num.digits
            && j == s + 1
            && (1.0..=120.0).contains(&v)
            && v.fract() == 0.0
            && s >= 2
            && self.punct(s - 1) == Some(',')
            && self.punct(j) == Some(',')
            && self.is_name_word(s - 2)
        {
            return with_unit(number(j, NumberKind::Age), "year");
        }
        // Years: "in 2019", "his 2019 indictment", "the 1967 lines", but not
        // "2000 people".
        let after_the = s >= 1 && (self.word_is(s - 1, "the") || self.is_possessive(s - 1));
        if num.year_like && (after_the || !self.counts_plural(j)) {
            return Found::text(s, j, NumberKind::Year, format!("{}", v as u32));
        }
        self.counted(num)
    }

    fn counts_plural(&self, j: usize) -> bool {
        self.is_lower_word(j)
            && (self.info(j).is_some_and(|w| w.plural) || is_plural_form(self.bytes(j)))
            && !self.info(j).is_some_and(|w| w.stop)
    }

    /// A cardinal with the noun it counts.
    fn counted(&self, num: Num) -> Found {
        let mut f = Found::number(num.start, num.end, NumberKind::Cardinal, num.value);
        f.approx = num.approx;
        f.unit = self.counted_unit(num.end, num.value);
        f
    }

    /// The head noun a number counts: the first plural noun within a few
    /// words, skipping adjectives ("130 Israeli hostages", "three other
    /// militant group officials"), else the first plain noun ("seven front
    /// war", "one official").
    fn counted_unit(&self, j: usize, value: f64) -> Option<String> {
        let mut fallback = None;
        for k in j..(j + 4).min(self.toks.len()) {
            let t = self.toks[k];
            if t.kind != Kind::Word {
                break;
            }
            if let Some(w) = self.info(k) {
                if w.stop
                    || w.num.is_some()
                    || w.vague.is_some()
                    || w.time_unit.is_some()
                    || w.month.is_some()
                    || w.weekday.is_some()
                    || w.hedge
                {
                    break;
                }
                if w.plural {
                    return Some(self.str_of(k).to_string());
                }
            }
            let b = self.bytes(k);
            let plain = !t.cap
                && !b.ends_with(b"ly")
                && !b.ends_with(b"ed")
                && !b.ends_with(b"ing")
                && !b.ends_with(b"'t")
                && !b.ends_with("’t".as_bytes());
            if value == 1.0 {
                // Singular: the last noun of the adjective run ("one senior
                // official").
                if plain {
                    fallback = Some(k);
                    if !self.is_lower_word(k + 1)
                        || self.info(k + 1).is_some_and(|w| w.stop || w.hedge)
                    {
                        break;
                    }
                } else if !t.cap {
                    break;
                }
                continue;
            }
            let participle = b.ends_with(b"ly") || b.ends_with(b"ed") || b.ends_with(b"ing");
            if is_plural_form(b) && !participle {
                return Some(self.str_of(k).to_string());
            }
            if fallback.is_none() && plain {
                fallback = Some(k);
            }
            // Participles and adverbs may stand between a number and its
            // noun ("2,000 displaced people", "internally displaced"); a
            // negated verb may not.
            if b.ends_with(b"'t") || b.ends_with("’t".as_bytes()) {
                break;
            }
        }
        fallback.map(|k| self.str_of(k).to_string())
    }

    /// Weekday names and "yesterday" (only with the `relative_dates` option
    /// and a document date).
    fn relative_date(&self, i: usize, reference: RefDate) -> Option<Found> {
        let (offset_kind, day_tok) = if self.word_is(i, "last") || self.word_is(i, "next") {
            let wd = self.info(i + 1).and_then(|w| w.weekday)?;
            let rel = if self.word_is(i, "last") {
                dates::Relative::LastWeekday(wd)
            } else {
                dates::Relative::NextWeekday(wd)
            };
            (rel, i + 1)
        } else if let Some(wd) = self.info(i).and_then(|w| w.weekday) {
            if !self.tok(i).is_some_and(|t| t.cap) {
                return None;
            }
            // "Wednesday, October 8th": the date that follows says it all.
            if self.punct(i + 1) == Some(',') && self.info(i + 2).is_some_and(|w| w.month.is_some())
            {
                return None;
            }
            (dates::Relative::Weekday(wd), i)
        } else if self.word_is(i, "yesterday") {
            (dates::Relative::Days(-1), i)
        } else if self.word_is(i, "today") {
            (dates::Relative::Days(0), i)
        } else if self.word_is(i, "tomorrow") {
            (dates::Relative::Days(1), i)
        } else {
            return None;
        };
        let value = dates::resolve(reference, offset_kind);
        Some(Found::text(i, day_tok + 1, NumberKind::Date, value))
    }

    fn emit(&self, found: Found, out: &mut Vec<NumberAnnotation>) {
        let (Some(first), Some(last)) =
            (self.tok(found.start), self.tok(found.end.saturating_sub(1)))
        else {
            return;
        };
        let Ok(span) = Span::new(self.text, first.start(), last.end()) else {
            return;
        };
        if let NumberValue::Number(v) = found.value {
            if !v.is_finite() {
                return;
            }
        }
        let mut ann = NumberAnnotation::new(span, found.kind, found.value);
        ann.unit = found.unit;
        ann.approx = found.approx;
        ann.low = found.low.filter(|x| x.is_finite());
        ann.high = found.high.filter(|x| x.is_finite());
        ann.per = found.per.map(str::to_string);
        if found.kind != NumberKind::Ordinal {
            ann.modifier = self.modifier_before(found.start, found.kind);
        }
        out.push(ann);
    }

    /// The hedge written just before token `s`, if it fits the kind.
    fn modifier_before(&self, s: usize, kind: NumberKind) -> Option<String> {
        let calendar = matches!(kind, NumberKind::Date | NumberKind::Year | NumberKind::Time);
        // "pre‑March 2", "mid-2024", "post-October 7"
        if s >= 2 && self.hyphen_link(s - 1) && self.is_kind(s - 2, Kind::Word) {
            for prefix in ["pre", "post", "mid"] {
                if self.word_is(s - 2, prefix) {
                    return calendar.then(|| prefix.to_string());
                }
            }
        }
        for m in &self.lex.modifiers {
            let n = m.words.len();
            if s < n {
                continue;
            }
            let fits = match m.scope {
                HedgeScope::Amount => !calendar,
                HedgeScope::Calendar => calendar,
                HedgeScope::Any => true,
            };
            if !fits {
                continue;
            }
            if m.words
                .iter()
                .enumerate()
                .all(|(k, w)| self.word_is(s - n + k, w))
            {
                // "pre"/"post" as separate words are not hedges.
                if n == 1 && (m.text == "pre" || m.text == "post") {
                    continue;
                }
                return Some(m.text.to_string());
            }
        }
        None
    }
}
