//! Spelled-out numbers: a small grammar of English number words.
//!
//! A run of number words is read left to right with the usual rules (ones
//! after tens, "hundred" after ones, scales in falling order, "and" after a
//! hundred or a scale), and may end in an ordinal word: "one hundred
//! twenty-fifth" is the ordinal 125. Fractions come out of the same
//! grammar: a run ending in a plural ordinal or a denominator ("fifths",
//! "quarters") splits into numerator and denominator, the denominator being
//! the longest ordinal the words allow ("one hundred thirty-fifths" is
//! 100/35, "twenty one fifths" 21/5); a singular one only after "one" or
//! "a" ("a fifth", "one twenty-fifth"). After a number come "and a half"
//! ("three and a half", "two million and a half": the half of the scale),
//! "of a million", "point five", "out of five" and "over three".

use super::{is_hyphen, is_plural_form, Num, Scanner};
use crate::lexicon::NumWord;
use crate::tokens::Kind;

#[derive(Clone, Copy, Debug, PartialEq)]
enum Last {
    Start,
    Ones,
    Ten,
    Hundred,
    Scale,
    And,
}

/// A run of number words read by the grammar.
#[derive(Clone, Copy, Debug)]
struct Run {
    value: f64,
    /// One past the last token.
    end: usize,
    words: usize,
    /// Ended in an ordinal word ("twenty-fifth").
    ordinal: bool,
    /// The scale of a run ending in a scale word ("two million": 1e6).
    end_scale: Option<f64>,
    /// "W and n": the value before the last "and", the value after it and
    /// the scale ending the part before it (1 if none).
    and_split: Option<(f64, f64, f64)>,
}

/// The grammar role of an ordinal's value ("fifth" acts as "five").
fn role_of_value(v: f64) -> Option<NumWord> {
    if v < 20.0 {
        Some(NumWord::Ones(v))
    } else if v < 100.0 && v % 10.0 == 0.0 {
        Some(NumWord::Ten(v))
    } else if v == 100.0 {
        Some(NumWord::Hundred)
    } else if v >= 1000.0 {
        Some(NumWord::Scale(v))
    } else {
        None
    }
}

/// Runs of number words are short by construction (scales fall, each
/// scale takes at most "nine hundred and ninety-nine"); this bounds the
/// fraction search so the stage stays linear on any input.
const MAX_FRACTION_TOKENS: usize = 24;

impl<'a> Scanner<'a> {
    /// The role of word `k` in the grammar: the number word, whether it is
    /// an ordinal, and whether it is a plural ordinal ("fifths").
    fn word_role(&self, k: usize) -> Option<(NumWord, bool, bool)> {
        let Some(w) = self.info(k) else {
            return self.plural_ordinal(k);
        };
        if let Some(n) = w.num {
            return Some((n, false, false));
        }
        if let Some(v) = w.ordinal {
            return Some((role_of_value(v)?, true, false));
        }
        // Plural multipliers after a number: "two millions", "3 dozens".
        if let Some(s) = w.vague_scale {
            let role = if s == 12.0 {
                NumWord::Dozen
            } else if s == 100.0 {
                NumWord::Hundred
            } else if s >= 1000.0 {
                NumWord::Scale(s)
            } else {
                return None;
            };
            return Some((role, false, false));
        }
        if w.time_unit.is_some() {
            // "seconds" is never "second" in the plural.
            return None;
        }
        self.plural_ordinal(k)
    }

    /// The value of an ordinal word, singular or plural ("fifth", "fifths").
    fn ordinal_value(&self, k: usize) -> Option<f64> {
        if let Some(v) = self.info(k).and_then(|w| w.ordinal) {
            return Some(v);
        }
        let b = self.bytes(k);
        if b.len() < 5
            || b.last() != Some(&b's')
            || self.info(k).is_some_and(|w| w.time_unit.is_some())
        {
            return None;
        }
        self.lex
            .info(self.lex.lookup(&b[..b.len() - 1]))
            .and_then(|w| w.ordinal)
    }

    /// "fifths", "hundredths", "firsts" (as in "twenty-firsts").
    fn plural_ordinal(&self, k: usize) -> Option<(NumWord, bool, bool)> {
        let b = self.bytes(k);
        if !self.is_kind(k, Kind::Word) || b.len() < 5 || b.last() != Some(&b's') {
            return None;
        }
        let id = self.lex.lookup(&b[..b.len() - 1]);
        let v = self.lex.info(id).and_then(|w| w.ordinal)?;
        Some((role_of_value(v)?, true, true))
    }

    fn is_article(&self, i: usize) -> bool {
        self.word_is(i, "a") || self.word_is(i, "an")
    }

    /// The grammar's run of number words starting at `i` and ending before
    /// `limit`; `init` is the value of a digit group at `i` ("322 hundred").
    fn number_run(&self, i: usize, init: Option<f64>, limit: usize) -> Option<Run> {
        let mut total = 0.0;
        let mut cur = 0.0;
        // The value of the ones and tens since the last hundred, scale or
        // "and": what "dozen" multiplies.
        let mut since = 0.0;
        let mut last = Last::Start;
        let mut prev_scale = f64::INFINITY;
        let mut j = i;
        let mut end = i;
        let mut words = 0;
        let mut ordinal = false;
        let mut before_and = None;
        if let Some(v) = init {
            cur = v;
            since = v;
            last = Last::Ones;
            j = i + 1;
            end = i + 1;
            words = 1;
        } else if self.is_article(i) {
            cur = 1.0;
            since = 1.0;
            last = Last::Ones;
            j += 1;
        }
        while j < limit {
            let role = match self.word_role(j) {
                Some(r) => Some(r),
                // "4 thousand 3 hundred"
                None if init.is_some() && matches!(last, Last::Scale | Last::And) => self
                    .small_int(j, 3)
                    .map(|v| (NumWord::Ones(f64::from(v)), false, false)),
                None => None,
            };
            let Some((role, is_ordinal, _)) = role else {
                break;
            };
            match role {
                NumWord::Ones(v) => {
                    let ok = matches!(last, Last::Start | Last::Hundred | Last::Scale | Last::And)
                        || (last == Last::Ten && v > 0.0 && v < 10.0);
                    if !ok {
                        break;
                    }
                    since = if last == Last::Ten { since + v } else { v };
                    cur += v;
                    last = Last::Ones;
                }
                NumWord::Ten(v) => {
                    if !matches!(last, Last::Start | Last::Hundred | Last::Scale | Last::And)
                        || cur % 100.0 != 0.0
                    {
                        break;
                    }
                    cur += v;
                    since = v;
                    last = Last::Ten;
                }
                NumWord::Hundred => {
                    let digits_head = init.is_some() && words == 1;
                    if !matches!(last, Last::Ones | Last::Ten)
                        || cur == 0.0
                        || (cur >= 100.0 && !digits_head)
                    {
                        break;
                    }
                    cur *= 100.0;
                    since = 0.0;
                    last = Last::Hundred;
                }
                NumWord::Scale(s) => {
                    if !matches!(last, Last::Ones | Last::Ten | Last::Hundred) || s >= prev_scale {
                        break;
                    }
                    total += cur * s;
                    cur = 0.0;
                    since = 0.0;
                    prev_scale = s;
                    last = Last::Scale;
                }
                NumWord::Dozen => {
                    if !matches!(last, Last::Ones | Last::Ten) || is_ordinal {
                        break;
                    }
                    cur += since * 11.0;
                    words += 1;
                    end = j + 1;
                    break;
                }
            }
            words += 1;
            end = j + 1;
            j += 1;
            if is_ordinal {
                ordinal = true;
                break;
            }
            // "twenty-three", "ninety - five", "hundred-fifths"
            if j < limit && self.punct(j).is_some_and(is_hyphen) {
                let spaced = !self.glued(j) && !self.glued(j + 1);
                if (self.hyphen_link(j) || (spaced && last == Last::Ten)) && j + 1 < limit {
                    if let Some((next, next_ordinal, _)) = self.word_role(j + 1) {
                        let fits = match next {
                            NumWord::Ones(v) => {
                                (last == Last::Ten && v > 0.0 && v < 10.0)
                                    || (next_ordinal
                                        && !spaced
                                        && matches!(last, Last::Hundred | Last::Scale))
                            }
                            NumWord::Hundred | NumWord::Scale(_) => !spaced,
                            _ => false,
                        };
                        if fits {
                            j += 1;
                            continue;
                        }
                    }
                }
                break;
            }
            if self.word_is(j, "and")
                && j + 1 < limit
                && matches!(last, Last::Hundred | Last::Scale)
                && matches!(
                    self.word_role(j + 1).map(|r| r.0),
                    Some(NumWord::Ones(_) | NumWord::Ten(_))
                )
            {
                let scale = if last == Last::Scale { prev_scale } else { 1.0 };
                before_and = Some((total + cur, scale));
                last = Last::And;
                j += 1;
                continue;
            }
        }
        if words == 0 || end <= i {
            return None;
        }
        let value = total + cur;
        Some(Run {
            value,
            end,
            words,
            ordinal,
            end_scale: (last == Last::Scale).then_some(prev_scale),
            and_split: before_and.map(|(w, s)| (w, value - w, s)),
        })
    }

    /// The denominator value of a word that is only a denominator
    /// ("half", "quarters"; ordinals such as "third" come from the grammar).
    fn plain_denominator(&self, k: usize) -> Option<f64> {
        let w = self.info(k)?;
        if w.ordinal.is_some() {
            return None;
        }
        w.denominator
    }

    /// A fraction starting at `i` ("two thirds", "a fifth", "one hundred
    /// and three quarters", "twenty one fifths", "3/4" is read elsewhere).
    pub(super) fn fraction_at(&self, i: usize, init: Option<f64>) -> Option<Num> {
        let head = self.number_run(i, init, self.toks.len());
        self.fraction_after_run(i, init, head)
    }

    /// [`Scanner::fraction_at`] with the run of number words at `i` read
    /// already (`head`: `number_run(i, init, ..)` to the end of the sentence).
    fn fraction_after_run(&self, i: usize, init: Option<f64>, head: Option<Run>) -> Option<Num> {
        let n = self.toks.len();
        // End of the ordinal or denominator closing the fraction.
        let close = match head {
            Some(r) if r.ordinal => r.end,
            _ => {
                let e = match head {
                    Some(r) => r.end,
                    None if self.is_article(i) && init.is_none() => i + 1,
                    None => return None,
                };
                let k = if self.hyphen_link(e) { e + 1 } else { e };
                if self.plain_denominator(k).is_some()
                    || self.word_role(k).is_some_and(|(_, ordinal, _)| ordinal)
                {
                    k + 1
                } else {
                    match self.number_run(k, None, n) {
                        Some(r) if r.ordinal => r.end,
                        _ => return None,
                    }
                }
            }
        };
        if close <= i + 1 || close - i > MAX_FRACTION_TOKENS {
            return None;
        }
        let last = close - 1;
        let plural = is_plural_form(self.bytes(last)) || self.word_is(last, "halves");
        // The longest denominator first.
        for k in i + 1..=last {
            if !self.is_kind(k, Kind::Word) {
                continue;
            }
            // Not inside "fifty-four".
            if k >= 2
                && self.hyphen_link(k - 1)
                && matches!(self.info(k - 2).and_then(|w| w.num), Some(NumWord::Ten(_)))
            {
                continue;
            }
            let den = if k == last {
                match (self.plain_denominator(k), self.ordinal_value(k)) {
                    (Some(d), _) | (None, Some(d)) => d,
                    (None, None) => continue,
                }
            } else {
                match self.number_run(k, None, close) {
                    Some(r) if r.ordinal && r.end == close => r.value,
                    _ => continue,
                }
            };
            if den == 0.0 {
                continue;
            }
            let ends_at_k = |end: usize| end == k || (end + 1 == k && self.hyphen_link(end));
            let (numerator, and_split) = if k == i + 1 && self.is_article(i) && init.is_none() {
                (1.0, None)
            } else {
                match self.number_run(i, init, k) {
                    Some(r) if !r.ordinal && ends_at_k(r.end) => (r.value, r.and_split),
                    _ => continue,
                }
            };
            let one_part = and_split.is_some_and(|(_, part, _)| part == 1.0);
            if !plural && numerator != 1.0 && !one_part {
                continue;
            }
            let mut end = close;
            let value = match and_split {
                // "one hundred and three quarters": 100 + 3/4, but "one
                // hundred and thirty fifths" is 130/5.
                Some((whole, part, scale)) if part / den < 1.0 => {
                    // "one billion and three quarters million"
                    let scale = match self.info(close).and_then(|w| w.num) {
                        Some(NumWord::Scale(s)) if s < scale => {
                            end += 1;
                            s
                        }
                        _ => scale,
                    };
                    whole + part / den * scale
                }
                _ if !plural && numerator != 1.0 => continue,
                _ => numerator / den,
            };
            return Some(Num {
                start: i,
                end,
                value,
                digits: init.is_some(),
                year_like: false,
                ordinal: false,
                fraction: true,
                lone_one: false,
                approx: false,
            });
        }
        None
    }

    /// A spelled-out number starting at `i` ("twenty-three", "one hundred
    /// and five", "a thousand", "two dozen", "two and a half", "two-thirds",
    /// "one hundred twenty-fifth").
    pub(super) fn words_number(&self, i: usize) -> Option<Num> {
        let head = self.number_run(i, None, self.toks.len());
        if let Some(f) = self.fraction_after_run(i, None, head) {
            return Some(self.after_fraction(f));
        }
        let run = head?;
        let num = Num {
            start: i,
            end: run.end,
            value: run.value,
            digits: false,
            year_like: false,
            ordinal: run.ordinal,
            fraction: false,
            lone_one: run.words == 1 && run.value == 1.0 && self.word_is(i, "one"),
            approx: false,
        };
        if run.ordinal {
            return Some(num);
        }
        let mut num = self.after_whole(num, run.end_scale);
        if num.end != run.end {
            num.lone_one = false;
        }
        Some(num)
    }

    /// Digits followed by number words ("322 hundred", "3 dozens", "4
    /// thousand 3 hundred", "3 million and a quarter").
    pub(super) fn digits_with_words(&self, num: Num) -> Num {
        if num.end != num.start + 1 || num.ordinal || num.fraction {
            return num;
        }
        let mut num = num;
        let mut end_scale = None;
        if let Some(run) = self.number_run(num.start, Some(num.value), self.toks.len()) {
            if run.end > num.end && !run.ordinal {
                num.value = run.value;
                num.end = run.end;
                num.year_like = false;
                end_scale = run.end_scale;
            }
        }
        self.after_whole(num, end_scale)
    }

    /// What may follow a whole number: "and a half", "point five", "out of
    /// five", "over three".
    fn after_whole(&self, num: Num, end_scale: Option<f64>) -> Num {
        let j = num.end;
        let mut num = num;
        if self.word_is(j, "and") {
            if let Some(f) = self.fraction_at(j + 1, None).filter(|f| f.value < 1.0) {
                let mut end = f.end;
                match (self.info(end).and_then(|w| w.num), end_scale) {
                    // "two and a half thousand"
                    (Some(NumWord::Scale(s)), None) => {
                        end += 1;
                        num.value = (num.value + f.value) * s;
                    }
                    // "one billion and a half million"
                    (Some(NumWord::Scale(s)), Some(e)) if s < e => {
                        end += 1;
                        num.value += f.value * s;
                    }
                    _ => num.value += f.value * end_scale.unwrap_or(1.0),
                }
                num.end = end;
                num.fraction = true;
                num.year_like = false;
                return num;
            }
        }
        if !num.digits && self.word_is(j, "point") {
            if let Some((decimals, end)) = self.spelled_decimals(j + 1) {
                if let Ok(v) = format!("{}.{decimals}", num.value).parse::<f64>() {
                    num.value = v;
                    num.end = end;
                }
                return num;
            }
        }
        // "two out of five", "one over three", "one in five adults": a ratio.
        let out_of = self.word_is(j, "out") && self.word_is(j + 1, "of");
        let over = self.word_is(j, "over");
        let one_in = self.word_is(j, "in") && num.value.fract() == 0.0 && num.value >= 1.0;
        if out_of || over || one_in {
            let k = if out_of { j + 2 } else { j + 1 };
            // The plain grammar only: a ratio does not chain.
            let init = self
                .digits_value(k)
                .filter(|_| !self.glued(k + 1) || self.punct(k + 1).is_some());
            let den = match (init, self.is_kind(k, Kind::Digits)) {
                (None, true) => None,
                (init, _) => self.number_run(k, init, self.toks.len()),
            };
            if let Some(den) = den.filter(|d| !d.ordinal && d.value > 0.0) {
                let unit_after = self.info(den.end).is_some_and(|w| {
                    w.time_unit.is_some() || w.measure || w.currency.is_some() || w.percent
                });
                let proper = num.value <= den.value;
                // "1 in 5", not "3 in 2019" or "5 in 10 days".
                let in_fits = !one_in
                    || (den.value.fract() == 0.0
                        && den.value <= 1000.0
                        && !(self.is_kind(k, Kind::Digits) && self.bytes(k).len() >= 4));
                if proper && in_fits && !unit_after && (out_of || num.value < den.value) {
                    num.value /= den.value;
                    num.end = den.end;
                    num.fraction = true;
                    num.year_like = false;
                }
            }
        }
        num
    }

    /// What may follow a fraction: a scale ("quarter million", "three
    /// quarters billion") or "of a million".
    pub(super) fn after_fraction(&self, f: Num) -> Num {
        let mut f = f;
        let j = f.end;
        if f.value >= 1.0 {
            return f;
        }
        if let Some(NumWord::Scale(s)) = self.info(j).and_then(|w| w.num) {
            f.value *= s;
            f.end = j + 1;
        } else if self.word_is(j, "of") && self.is_article(j + 1) {
            if let Some(NumWord::Scale(s)) = self.info(j + 2).and_then(|w| w.num) {
                f.value *= s;
                f.end = j + 3;
            }
        }
        f
    }

    /// The digits after a spelled "point": single digits ("point nought
    /// three") or one number word ("point eleven"), as a digit string.
    fn spelled_decimals(&self, k: usize) -> Option<(String, usize)> {
        let mut out = String::new();
        let mut j = k;
        while let Some(NumWord::Ones(v)) = self.info(j).and_then(|w| w.num) {
            if v >= 10.0 {
                if j == k {
                    out = format!("{}", v as u32);
                    j += 1;
                }
                break;
            }
            out.push(char::from(b'0' + v as u8));
            j += 1;
            if out.len() > 20 {
                break;
            }
        }
        (!out.is_empty()).then_some((out, j))
    }
}
