//! Dates and clock times: "14:30", "10 p.m.", "8 October", "June 29, 2025",
//! "in May", and weekdays and "yesterday" against a document date.

use super::{padded, Found, Scanner};
use crate::dates::{self, RefDate};
use crate::lexicon::WordInfo;
use crate::tokens::Kind;
use lede_core::NumberKind;

impl<'a> Scanner<'a> {
    /// "14:30", "10:30 p.m."
    pub(super) fn clock_time(&self, i: usize) -> Option<Found> {
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
            padded(&[("T", hour, 2), (":", minute, 2)]),
        ))
    }

    /// "a.m.", "p.m", "am", "PM" at `i`: the hour offset and the end.
    pub(super) fn meridiem_at(&self, i: usize) -> Option<(u32, usize)> {
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
    pub(super) fn day_first_date(&self, i: usize) -> Option<Found> {
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
                padded(&[("", year, 4), ("-", u32::from(month), 2), ("-", day, 2)]),
            ));
        }
        Some(Found::text(
            i,
            k,
            NumberKind::Date,
            padded(&[("--", u32::from(month), 2), ("-", day, 2)]),
        ))
    }

    /// "July 4", "June 29, 2025", "March 2024", "in May".
    pub(super) fn month_date(&self, i: usize, info: &WordInfo) -> Option<Found> {
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
                        padded(&[("", y, 4), ("-", u32::from(month), 2), ("-", day, 2)]),
                    ),
                    None => Found::text(
                        i,
                        k,
                        NumberKind::Date,
                        padded(&[("--", u32::from(month), 2), ("-", day, 2)]),
                    ),
                });
            }
        }
        if let Some(y) = self.year_at(k) {
            return Some(Found::text(
                i,
                k + 1,
                NumberKind::Date,
                padded(&[("", y, 4), ("-", u32::from(month), 2)]),
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
        Some(Found::text(
            i,
            k,
            NumberKind::Date,
            padded(&[("--", u32::from(month), 2)]),
        ))
    }

    /// Weekday names and "yesterday" (only with the `relative_dates` option
    /// and a document date).
    pub(super) fn relative_date(&self, i: usize, reference: RefDate) -> Option<Found> {
        // "last summer", "next spring": the season of the year it falls in.
        if self.word_is(i, "last") || self.word_is(i, "next") {
            if let Some(&(_, code)) = super::periods::SEASONS
                .iter()
                .find(|(w, _)| self.word_is(i + 1, w))
            {
                let next = self.word_is(i, "next");
                let year = dates::season_year(reference, code, next);
                return Some(Found::text(
                    i,
                    i + 2,
                    NumberKind::Date,
                    format!("{year:04}-{code}"),
                ));
            }
        }
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
}
