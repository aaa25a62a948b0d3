//! What a number is, read from what follows it: a range, a percent sign, a
//! unit, a currency, "-year-old", a clock word, a year, or the noun it
//! counts.

use super::{is_plural_form, is_range_dash, padded, Found, Num, Scanner, Step};
use crate::tokens::Kind;
use lede_core::{NumberKind, NumberValue};

impl<'a> Scanner<'a> {
    /// Classifies a number by what follows it: a percent sign, a unit, a
    /// currency, a range, "-year-old", or the noun it counts.
    pub(super) fn finish_number(&self, num: Num) -> Step {
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
        if found.kind == NumberKind::Money
            && found.end == num.end + 1
            && (self.word_is(num.end, "pounds") || self.word_is(num.end, "pound"))
            && matches!(self.small_int(found.end, 2), Some(0..=15))
            && (self.word_is(found.end + 1, "ounces") || self.word_is(found.end + 1, "oz"))
        {
            // "7 pounds 4 ounces" is a weight, not money.
            found.kind = NumberKind::Quantity;
            found.unit = Some(self.str_of(num.end).to_string());
        }
        if found.kind == NumberKind::Quantity && found.per.is_none() {
            // "120 km/h", "340 m/s": the time unit after a slash is the rate.
            if let Some((per, end)) = self.unit_rate(found.end) {
                found.per = Some(per);
                found.end = end;
            } else if let Some((part, end)) = self.smaller_unit_after(&found) {
                // "5 feet 11 inches", "7 lb 4 oz": one measure in the
                // larger unit.
                if let NumberValue::Number(v) = found.value {
                    found.value = NumberValue::Number(v + part);
                    found.end = end;
                }
            }
        }
        if let Some((low, high, _)) = low_high {
            found.low = Some(low);
            found.high = Some(high);
            found.value = match found.value {
                NumberValue::Text(_) if found.kind == NumberKind::Year => {
                    NumberValue::Text(padded(&[("", low as u32, 1)]))
                }
                NumberValue::Text(t) => NumberValue::Text(t),
                NumberValue::Number(_) => NumberValue::Number(low),
            };
        }
        Step::Emit(found)
    }

    pub(super) fn classify(&self, num: Num) -> Found {
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
        if num.digits && self.inch_mark(j) {
            // "a 55\" screen", "10″"
            return with_unit(number(j + 1, NumberKind::Quantity), "inches");
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
                return Found::text(
                    s,
                    end,
                    NumberKind::Time,
                    padded(&[("T", hour, 2), (":", 0, 2)]),
                );
            }
        }
        // "7 o'clock", "1400 GMT"
        if num.digits && v.fract() == 0.0 {
            let b = self.bytes(j);
            if (b.eq_ignore_ascii_case(b"o'clock") || b.eq_ignore_ascii_case("o’clock".as_bytes()))
                && (1.0..=12.0).contains(&v)
            {
                return Found::text(
                    s,
                    j + 1,
                    NumberKind::Time,
                    padded(&[("T", v as u32, 2), (":", 0, 2)]),
                );
            }
            if (self.word_is(j, "GMT") || self.word_is(j, "UTC")) && self.bytes(s).len() == 4 {
                let (h, m) = ((v as u32) / 100, (v as u32) % 100);
                if h < 24 && m < 60 {
                    return Found::text(
                        s,
                        j + 1,
                        NumberKind::Time,
                        padded(&[("T", h, 2), (":", m, 2)]),
                    );
                }
            }
        }
        if self.word_is(j, "basis")
            && (self.word_is(j + 1, "points") || self.word_is(j + 1, "point"))
        {
            // "25 basis points": hundredths of a percentage point.
            return with_unit(number(j + 2, NumberKind::Quantity), "basis points");
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
        // "aged between 5 and 11", "ages 12 to 17"
        let aged = s >= 1 && self.word_is(s - 1, "aged")
            || s >= 2 && self.word_is(s - 1, "between") && self.word_is(s - 2, "aged")
            || s >= 1 && self.word_is(s - 1, "ages") && num.digits;
        if aged {
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
            return Found::text(s, j, NumberKind::Year, padded(&[("", v as u32, 1)]));
        }
        self.counted(num)
    }

    pub(super) fn counts_plural(&self, j: usize) -> bool {
        self.is_lower_word(j)
            && (self.info(j).is_some_and(|w| w.plural) || is_plural_form(self.bytes(j)))
            && !self.info(j).is_some_and(|w| w.stop)
    }

    /// A cardinal with the noun it counts.
    pub(super) fn counted(&self, num: Num) -> Found {
        let mut f = Found::number(num.start, num.end, NumberKind::Cardinal, num.value);
        f.approx = num.approx;
        f.unit = self.counted_unit(num.end, num.value);
        f
    }

    /// The head noun a number counts: the first plural noun within a few
    /// words, skipping adjectives ("130 Israeli hostages", "three other
    /// militant group officials"), else the first plain noun ("seven front
    /// war", "one official").
    pub(super) fn counted_unit(&self, j: usize, value: f64) -> Option<String> {
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
                    || w.relative
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

    /// A time unit glued after a unit with a slash, at token `k` ("/h" of
    /// "km/h", "/s" of "m/s"): the rate's time unit and the end.
    pub(super) fn unit_rate(&self, k: usize) -> Option<(&'static str, usize)> {
        if self.punct(k) != Some('/') || !self.glued(k) || !self.glued(k + 1) {
            return None;
        }
        // Not "km/h/day" or "m/s2".
        if self.glued(k + 2)
            && self
                .tok(k + 2)
                .is_some_and(|t| t.kind != Kind::Punct || t.ch() == '/')
        {
            return None;
        }
        let b = self.bytes(k + 1).to_ascii_lowercase();
        let per = match b.as_slice() {
            b"ms" | b"millisecond" => "millisecond",
            b"s" | b"sec" | b"second" => "second",
            b"min" | b"minute" => "minute",
            b"h" | b"hr" | b"hour" => "hour",
            b"d" | b"day" => "day",
            b"wk" | b"week" => "week",
            b"yr" | b"year" | b"y" => "year",
            _ => return None,
        };
        Some((per, k + 2))
    }

    /// The smaller unit written after an imperial measure ("11 inches" of "5
    /// feet 11 inches", "4 oz" of "7 lb 4 oz"), in the larger unit, and the
    /// end of the pair.
    pub(super) fn smaller_unit_after(&self, found: &Found) -> Option<(f64, usize)> {
        const PAIRS: [(&[&str], &[&str], f64); 2] = [
            (&["feet", "foot", "ft"], &["inches", "inch", "in"], 12.0),
            (
                &["pounds", "pound", "lb", "lbs"],
                &["ounces", "ounce", "oz"],
                16.0,
            ),
        ];
        let unit = found.unit.as_deref()?;
        let k = found.end;
        let (_, small, per) = PAIRS
            .iter()
            .find(|(large, _, _)| large.iter().any(|u| unit.eq_ignore_ascii_case(u)))?;
        let n = f64::from(self.small_int(k, 2)?);
        if n >= *per || !self.is_kind(k + 1, Kind::Word) || self.punct(k + 2) == Some('/') {
            return None;
        }
        small
            .iter()
            .any(|u| self.word_is(k + 1, u))
            .then_some((n / per, k + 2))
    }

    /// An inch mark glued after a number at `j`: a double prime, or a
    /// straight double quote that does not close a quotation (an even
    /// number of straight quotes in the 40 tokens before it; the window
    /// keeps the test constant-time).
    pub(super) fn inch_mark(&self, j: usize) -> bool {
        if !self.glued(j) || self.glued(j + 1) && self.is_kind(j + 1, Kind::Word) {
            return false;
        }
        // What is measured follows ("55\" screen", "10″-wide"); a quote
        // closed before "he said" is not a mark.
        let noun_after = self.is_kind(j + 1, Kind::Word)
            && !self.info(j + 1).is_some_and(|w| w.stop || w.hedge)
            || self.hyphen_link(j + 1);
        if !noun_after {
            return false;
        }
        match self.punct(j) {
            Some('″') => true,
            Some('"') => {
                let quotes = (j.saturating_sub(40)..j)
                    .filter(|&k| self.punct(k) == Some('"'))
                    .count();
                quotes % 2 == 0
            }
            _ => false,
        }
    }
}
