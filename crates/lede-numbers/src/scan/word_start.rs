//! Expressions that start with a word: currency codes ("USD 20"), "percent
//! of 20", number words, signs ("minus 4,500"), ordinal words, "a year",
//! "a third of", vague plurals ("thousands of") and "half".

use super::{is_plural_form, padded, Found, Num, Scanner, Step};
use crate::lexicon::NumWord;
use crate::tokens::Kind;
use lede_core::{NumberKind, NumberValue};

impl<'a> Scanner<'a> {
    pub(super) fn at_word(&self, i: usize) -> Step {
        let Some(info) = self.info(i) else {
            return Step::Nothing;
        };
        if info.ordinal.is_some() || info.relative || info.from_end.is_some() {
            if let Some(f) = self.counted_from_end(i) {
                return Step::Emit(f);
            }
        }
        if info.month.is_some() || info.month_abbr.is_some() {
            if let Some(f) = self.month_date(i, info) {
                return Step::Emit(f);
            }
            return Step::Nothing;
        }
        if let Some(code) = info.currency {
            // "USD 20", "NIS 500"
            let all_caps = self.bytes(i).iter().all(u8::is_ascii_uppercase);
            // "Rs 500", "KSh 2,000": written with one capital.
            let capital = matches!(self.bytes(i), b"Rs" | b"KSh");
            let named = self.word_is(i, "dollar") || self.word_is(i, "euro");
            // "Rs. 20 crore"
            let at = if capital && self.punct(i + 1) == Some('.') && self.glued(i + 1) {
                i + 2
            } else {
                i + 1
            };
            // Glued only to digits: "RM100,000", "USD500".
            let spaced =
                !self.glued(at) || (self.is_kind(at, Kind::Digits) && (all_caps || capital));
            if (all_caps || named || capital) && spaced {
                if let Some(num) = self.digits_number(at).filter(|n| !n.ordinal) {
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
            return match self.unstated_percent(i) {
                Some(f) => Step::Emit(f),
                None => Step::Nothing,
            };
        }
        if let Some(hour) = info.clock {
            return Step::Emit(Found::text(
                i,
                i + 1,
                NumberKind::Time,
                padded(&[("T", u32::from(hour), 2), (":", 0, 2)]),
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
            if num.lone_one && !num.fraction && !self.one_is_a_number(i) {
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
    pub(super) fn one_is_a_number(&self, i: usize) -> bool {
        // Before a unit it is a number whatever comes first ("that one
        // mile", "the one kilometre stretch").
        if self.info(i + 1).is_some_and(|w| w.measure) && self.is_lower_word(i + 1) {
            return true;
        }
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
    pub(super) fn ordinal_word(&self, i: usize, value: f64) -> Option<Found> {
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
    #[inline]
    pub(super) fn after_article(&self, i: usize) -> Option<Found> {
        // Most words after an article are none of those below: one bit
        // test turns them away.
        if !self.is_kind(i + 1, Kind::Word) {
            return None;
        }
        let (head, len) = self.head_of(i + 1);
        if !self.lex.may_follow_article(head, len) {
            return None;
        }
        self.after_article_word(i)
    }

    /// [`Scanner::after_article`] once the word after it may make
    /// something of it.
    #[inline(never)]
    fn after_article_word(&self, i: usize) -> Option<Found> {
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
    pub(super) fn vague(&self, i: usize, base: f64) -> Option<Found> {
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

    /// A percent whose amount is not stated: "a small percentage of
    /// voters", "what percentage of the budget", "the % of increase". The
    /// percent word (or sign) at `i` is the span, the value is
    /// [`NumberValue::UNSTATED`] and a size adjective before it is the
    /// modifier. Without a size or an "of" after it ("on a percentage
    /// basis") it is not a mention of a share.
    pub(super) fn unstated_percent(&self, i: usize) -> Option<Found> {
        if i >= 1 && (self.is_kind(i - 1, Kind::Digits) || self.glued(i)) {
            return None;
        }
        let size = (i >= 1)
            .then(|| i - 1)
            .filter(|&k| self.info(k).is_some_and(|w| w.size));
        let before = size.unwrap_or(i);
        let determined = before >= 1
            && (self
                .info(before - 1)
                .is_some_and(|w| w.determiner || w.article)
                || self.word_is(before - 1, "what")
                || self.word_is(before - 1, "which"));
        let of_after = self.word_is(i + 1, "of");
        if !(determined && (size.is_some() || of_after)) {
            return None;
        }
        let mut f = Found::text(i, i + 1, NumberKind::Percent, String::new());
        f.value = NumberValue::UNSTATED;
        f.modifier = size;
        Some(f)
    }

    /// An ordinal counted from the end, valued "end-N" for N places before
    /// the last: "penultimate", "second-to-last", "next to last", "third
    /// from last", "last but one" ("end-1"), "antepenultimate" ("end-2").
    /// "last" alone is not an ordinal: it is mostly "last week".
    pub(super) fn counted_from_end(&self, i: usize) -> Option<Found> {
        let w = self.info(i)?;
        let (before, end) = if let Some(n) = w.from_end {
            (u32::from(n), i + 1)
        } else if self.word_is(i, "last") {
            // "last but one", "last but two"
            if !self.word_is(i + 1, "but") {
                return None;
            }
            let n = match self.info(i + 2).and_then(|w| w.num) {
                Some(NumWord::Ones(v)) if (1.0..=9.0).contains(&v) => v as u32,
                _ => return None,
            };
            (n, i + 3)
        } else {
            // "second to last", "second-to-last", "next-to-last", "third from last"
            let place = if self.word_is(i, "next") {
                2
            } else {
                let v = w.ordinal?;
                if !(2.0..=20.0).contains(&v) {
                    return None;
                }
                v as u32
            };
            let linked = self.hyphen_link(i + 1) && self.hyphen_link(i + 3);
            let (to, last) = if linked {
                (i + 2, i + 4)
            } else {
                (i + 1, i + 2)
            };
            if !(self.word_is(to, "to") || self.word_is(to, "from")) || !self.word_is(last, "last")
            {
                return None;
            }
            if !linked && (self.glued(to) || self.glued(last)) {
                return None;
            }
            (place - 1, last + 1)
        };
        Some(Found::text(
            i,
            end,
            NumberKind::Ordinal,
            format!("end-{before}"),
        ))
    }
}
