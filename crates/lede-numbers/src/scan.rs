//! The matcher: walks the tokens of one sentence left to right and, at each
//! token that can start a numeric expression, reads the longest expression
//! it can (a date, a time, an amount of money, a number and what follows
//! it), then looks back for a hedge word.

use lede_core::{NumberAnnotation, NumberKind, NumberValue, Span};

use crate::dates::RefDate;
use crate::lexicon::{folded_head, HedgeScope, Lexicon, WordInfo, NO_INFO};
use crate::tokens::{non_letters, Kind, Tok};
use digits::{parse_digits, vulgar_fraction};

mod calendar;
mod classify;
mod digits;
mod money;
mod periods;
mod word_start;
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
    /// The token of a modifier read with the expression, kept instead of
    /// a hedge before it ("a small percentage": "small").
    modifier: Option<usize>,
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
            modifier: None,
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
            modifier: None,
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

/// Numbers in decimal after their prefixes, each zero-padded to its width
/// as `format!("{:0w$}")` writes it: `[("T", 9, 2), (":", 5, 2)]` is
/// "T09:05". Dates and times are most of the text values, and this is a
/// fraction of the work of the formatting machinery.
fn padded(parts: &[(&str, u32, usize)]) -> String {
    let mut out = String::with_capacity(10);
    for &(prefix, value, width) in parts {
        out.push_str(prefix);
        let mut digits = [0u8; 10];
        let mut n = 0;
        let mut rest = value;
        while let Some(d) = digits.get_mut(n) {
            *d = b'0' + (rest % 10) as u8;
            n += 1;
            rest /= 10;
            if rest == 0 {
                break;
            }
        }
        for _ in n..width {
            out.push('0');
        }
        for &d in digits[..n].iter().rev() {
            out.push(char::from(d));
        }
    }
    out
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

/// The high bits of the first `n` bytes of a little-endian word.
static LEADING_HIGH: [u64; 9] = {
    let mut table = [0u64; 9];
    let mut n = 1;
    while n <= 8 {
        table[n] = table[n - 1] | 0x80 << (8 * (n - 1));
        n += 1;
    }
    table
};

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
            // Most tokens start nothing: words that are no number word and
            // ASCII punctuation other than "$" and "%". Pass over them in
            // one tight loop, before the dispatch builds a step (the
            // tokenizer marks the others `live`).
            match self
                .toks
                .get(i..)
                .and_then(|rest| rest.iter().position(|t| t.live))
            {
                Some(k) => i += k,
                None => break,
            }
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

    /// The [`folded_head`] and length of word `i`, from one eight-byte
    /// load where the text has eight bytes from the word on.
    fn head_of(&self, i: usize) -> (u64, usize) {
        let Some(t) = self.toks.get(i) else {
            return (0, 0);
        };
        let len = t.end() - t.start();
        match self
            .text
            .as_bytes()
            .get(t.start()..)
            .and_then(<[u8]>::first_chunk::<8>)
        {
            Some(&chunk) => {
                let mask = if len >= 8 {
                    u64::MAX
                } else {
                    (1u64 << (8 * len)) - 1
                };
                (
                    (u64::from_le_bytes(chunk) | 0x2020_2020_2020_2020) & mask,
                    len,
                )
            }
            None => (folded_head(self.bytes(i)), len),
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
        if t.info() != NO_INFO {
            return self.lex.info(t.info());
        }
        // Most words read as context are short and plain: their head is
        // the key of a smaller table.
        let (head, len) = self.head_of(i);
        let id = if (1..=8).contains(&len) && non_letters(head) & LEADING_HIGH[len] == 0 {
            self.lex.lookup_letters(head)
        } else {
            self.lex.lookup(self.bytes(i))
        };
        self.lex.info(id)
    }

    fn word_is(&self, i: usize, w: &str) -> bool {
        self.is_kind(i, Kind::Word) && self.bytes(i).eq_ignore_ascii_case(w.as_bytes())
    }

    fn punct(&self, i: usize) -> Option<char> {
        self.tok(i)
            .filter(|t| t.kind == Kind::Punct)
            .map(|t| t.ch())
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
            Kind::Word if t.info() == NO_INFO => Step::Nothing,
            Kind::Word => self.at_word(i),
            Kind::Punct => match self.at_currency_symbol(i) {
                Some(f) => Step::Emit(f),
                None if t.ch() == '%' => match self.unstated_percent(i) {
                    Some(f) => Step::Emit(f),
                    None => Step::Nothing,
                },
                None => match vulgar_fraction(t.ch()) {
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
            if !v.is_finite() && !found.value.is_unstated() {
                return;
            }
        }
        let mut ann = NumberAnnotation::new(span, found.kind, found.value);
        ann.unit = found.unit;
        ann.approx = found.approx;
        ann.low = found.low.filter(|x| x.is_finite());
        ann.high = found.high.filter(|x| x.is_finite());
        ann.per = found.per.map(str::to_string);
        if let Some(k) = found.modifier {
            ann.modifier = Some(self.str_of(k).to_lowercase());
        } else if found.kind != NumberKind::Ordinal {
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
        // Each modifier phrase ends in a word right before the number, and
        // the lexicon marks every word of every phrase as a hedge word: most
        // numbers have none before them, so one look-up saves the loop.
        if s == 0 || !self.info(s - 1).is_some_and(|w| w.hedge) {
            return None;
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

#[cfg(test)]
mod tests {
    use super::padded;

    #[test]
    fn padded_numbers_read_as_the_formatter_writes_them() {
        assert_eq!(
            padded(&[("", 2025, 4), ("-", 6, 2), ("-", 29, 2)]),
            "2025-06-29"
        );
        assert_eq!(padded(&[("--", 7, 2), ("-", 4, 2)]), "--07-04");
        assert_eq!(padded(&[("T", 22, 2), (":", 0, 2)]), "T22:00");
        for v in [0, 1, 9, 10, 99, 100, 999, 1000, 2100, 65_536, u32::MAX] {
            for width in 1..=4 {
                assert_eq!(padded(&[("", v, width)]), format!("{v:0width$}"));
            }
        }
    }
}
