//! Money around an amount: currency names of several words ("10,000 swiss
//! francs"), symbols written after the amount ("20 €"), prefixes of the
//! dollar sign ("C$", "US$", "mxn$", "u.s $"), millions of a code ("30
//! MUSD"), and a sum in major and minor units ("4 dollars 25 cents" is
//! 4.25; "15 dollars and 15" is 15.15).

use super::{is_range_dash, Found, Scanner};
use crate::tokens::Kind;
use lede_core::{NumberKind, NumberValue};

/// The currency of a letter prefix of "$" ("C$ 20", "US$5", "mxn$ 15").
fn dollar_prefix(word: &[u8]) -> Option<&'static str> {
    let lower = word.to_ascii_lowercase();
    Some(match lower.as_slice() {
        b"us" | b"usd" => "USD",
        b"c" | b"ca" | b"cad" => "CAD",
        b"a" | b"au" | b"aud" => "AUD",
        b"nz" | b"nzd" => "NZD",
        b"hk" | b"hkd" => "HKD",
        b"nt" | b"ntd" => "TWD",
        b"s" | b"sg" | b"sgd" => "SGD",
        b"mex" | b"mx" | b"mxn" => "MXN",
        b"r" => "BRL",
        _ => return None,
    })
}

impl<'a> Scanner<'a> {
    /// A currency written at token `j` after an amount: its code, the token
    /// after it and a multiplier ("MUSD" is a million dollars).
    pub(super) fn currency_after(&self, j: usize) -> Option<(&'static str, usize, f64)> {
        if let Some(c) = self.punct(j) {
            // "20 €", "100₾"; not "1 $10".
            let code = Self::currency_of_symbol(c)?;
            if self.is_kind(j + 1, Kind::Digits) && self.glued(j + 1) {
                return None;
            }
            return Some((code, j + 1, 1.0));
        }
        let w = self.info(j)?;
        if w.currency_lead {
            'phrases: for (words, code) in &self.lex.currency_phrases {
                for (k, word) in words.iter().enumerate() {
                    if !self.word_is(j + k, word) {
                        continue 'phrases;
                    }
                }
                return Some((code, j + words.len(), 1.0));
            }
        }
        if let Some(code) = w.currency {
            return Some((code, j + 1, 1.0));
        }
        if let Some(code) = w.currency_million {
            if self.bytes(j).iter().all(u8::is_ascii_uppercase) {
                return Some((code, j + 1, 1e6));
            }
        }
        None
    }

    /// The code and first token of a prefix written before the "$" at `i`.
    pub(super) fn dollar_prefix_before(&self, i: usize) -> Option<(&'static str, usize)> {
        if i == 0 || self.punct(i) != Some('$') {
            return None;
        }
        // "u.s $", "U.S.$"
        let mut k = i;
        if self.punct(k - 1) == Some('.') && k >= 2 {
            k -= 1;
        }
        if k >= 3
            && self.word_is(k - 1, "s")
            && self.punct(k - 2) == Some('.')
            && self.word_is(k - 3, "u")
        {
            return Some(("USD", k - 3));
        }
        if !self.is_kind(i - 1, Kind::Word) {
            return None;
        }
        let code = dollar_prefix(self.bytes(i - 1))?;
        Some((code, i - 1))
    }

    /// Adds the minor units after a sum of money ending at `f.end`: "3
    /// dollars 50 cents", "thirteen dollars forty five", "10 $ 30 cent",
    /// "15 dollars and 15". Minor units alone keep their amount.
    pub(super) fn with_minor_units(&self, mut f: Found) -> Found {
        let major = f.unit.as_deref().is_some_and(|u| u.len() == 3);
        let NumberValue::Number(value) = f.value else {
            return f;
        };
        if !major || f.low.is_some() || value.fract() != 0.0 {
            return f;
        }
        let mut k = f.end;
        if self.word_is(k, "and") {
            k += 1;
        }
        let minor = if self.is_kind(k, Kind::Digits) {
            self.small_int(k, 2)
                .filter(|_| !self.glued(k + 1) || self.punct(k + 1).is_some())
                .map(|v| (f64::from(v), k + 1))
        } else if self.info(k).is_some_and(|w| w.num.is_some()) {
            self.words_number(k).map(|n| (n.value, n.end))
        } else {
            None
        };
        let Some((cents, mut end)) =
            minor.filter(|(c, _)| *c >= 1.0 && *c < 100.0 && c.fract() == 0.0)
        else {
            return f;
        };
        let named = self
            .info(end)
            .and_then(|w| w.currency)
            .is_some_and(|c| c.len() > 3);
        if named {
            end += 1;
        } else if self.is_kind(end, Kind::Word) && !self.info(end).is_some_and(|w| w.stop) {
            // "5 dollars 20 people" is not a sum.
            return f;
        }
        f.value = NumberValue::Number(value + cents / 100.0);
        f.end = end;
        f.kind = NumberKind::Money;
        f
    }
}

impl<'a> Scanner<'a> {
    pub(super) fn currency_of_symbol(c: char) -> Option<&'static str> {
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
    pub(super) fn at_currency_symbol(&self, i: usize) -> Option<Found> {
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
}
