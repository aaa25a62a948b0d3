//! Calendar arithmetic for the `relative_dates` option: a reference date
//! from the document metadata ("2025-10-09") and the dates that "yesterday"
//! or "last Wednesday" name relative to it.

/// A proleptic Gregorian date.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RefDate {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

/// What a relative expression says.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Relative {
    /// Days from the reference date (yesterday = -1).
    Days(i64),
    /// A bare weekday (1 = Monday): the latest such day on or before the
    /// reference date, as news reports past events.
    Weekday(u8),
    /// "last Wednesday": the week before the bare weekday (news style uses
    /// the bare name for the past seven days).
    LastWeekday(u8),
    /// "next Wednesday": the first such day strictly after.
    NextWeekday(u8),
}

/// The year of "last <season>" (`next` false) or "next <season>" said on
/// `reference`, for an ISO 8601-2 season code (21 spring, 22 summer, 23
/// autumn: March-May, June-August, September-November; 24 winter, December
/// to February, counted in the year of its December). "Last" is the latest
/// such season already over, "next" the first not yet begun.
pub(crate) fn season_year(reference: RefDate, code: u32, next: bool) -> i32 {
    let (y, m) = (reference.year, reference.month);
    if code == 24 {
        // The winter under way (or the one ahead, from March on).
        let current = match m {
            12 => Some(y),
            1 | 2 => Some(y - 1),
            _ => None,
        };
        return match (current, next) {
            (Some(c), false) => c - 1,
            (Some(c), true) => c + 1,
            (None, false) => y - 1,
            (None, true) => y,
        };
    }
    let first = 3 + (code.saturating_sub(21)) * 3;
    let last = first + 2;
    if next {
        if m < first {
            y
        } else {
            y + 1
        }
    } else if m > last {
        y
    } else {
        y - 1
    }
}

impl RefDate {
    /// Parses "YYYY-MM-DD" (anything after the day, like a time, is ignored).
    pub fn parse(s: &str) -> Option<RefDate> {
        let b = s.as_bytes();
        if b.len() < 10 || b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        let year: i32 = s.get(0..4)?.parse().ok()?;
        let month: u32 = s.get(5..7)?.parse().ok()?;
        let day: u32 = s.get(8..10)?.parse().ok()?;
        if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
            return None;
        }
        Some(RefDate { year, month, day })
    }

    /// Days since 1970-01-01 (H. Hinnant's civil-from-days inverse).
    fn to_days(self) -> i64 {
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    fn from_days(z: i64) -> RefDate {
        let z = z + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let y = yoe + era * 400;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let d = doy - (153 * mp + 2) / 5 + 1;
        let m = if mp < 10 { mp + 3 } else { mp - 9 };
        RefDate {
            year: (y + i64::from(m <= 2)) as i32,
            month: m as u32,
            day: d as u32,
        }
    }

    /// ISO weekday, 1 = Monday.
    fn weekday(self) -> u8 {
        // 1970-01-01 was a Thursday (4).
        ((self.to_days() + 3).rem_euclid(7) + 1) as u8
    }

    pub fn iso(self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 31,
    }
}

/// The ISO date a relative expression names.
pub(crate) fn resolve(reference: RefDate, rel: Relative) -> String {
    let today = reference.to_days();
    let wd = i64::from(reference.weekday());
    let days = match rel {
        Relative::Days(n) => today + n,
        Relative::Weekday(w) => today - (wd - i64::from(w)).rem_euclid(7),
        Relative::LastWeekday(w) => today - (wd - i64::from(w)).rem_euclid(7) - 7,
        Relative::NextWeekday(w) => {
            let ahead = (i64::from(w) - wd).rem_euclid(7);
            today + if ahead == 0 { 7 } else { ahead }
        }
    };
    RefDate::from_days(days).iso()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seasons_before_and_after_a_date() {
        let on = |s: &str| RefDate::parse(s).expect("date");
        // In October the summer is over: "last summer" is this year's.
        assert_eq!(season_year(on("2025-10-09"), 22, false), 2025);
        assert_eq!(season_year(on("2025-10-09"), 22, true), 2026);
        // In July it is under way: the last one was a year ago.
        assert_eq!(season_year(on("2025-07-01"), 22, false), 2024);
        assert_eq!(season_year(on("2025-04-20"), 22, true), 2025);
        // Winters are counted in the year of their December.
        assert_eq!(season_year(on("2026-01-15"), 24, false), 2024);
        assert_eq!(season_year(on("2026-01-15"), 24, true), 2026);
        assert_eq!(season_year(on("2025-10-09"), 24, false), 2024);
        assert_eq!(season_year(on("2025-10-09"), 24, true), 2025);
    }

    #[test]
    fn weekdays_and_offsets() {
        // 2025-10-09 was a Thursday.
        let r = RefDate::parse("2025-10-09").expect("valid");
        assert_eq!(r.weekday(), 4);
        assert_eq!(resolve(r, Relative::Days(-1)), "2025-10-08");
        assert_eq!(resolve(r, Relative::Weekday(3)), "2025-10-08");
        assert_eq!(resolve(r, Relative::Weekday(4)), "2025-10-09");
        assert_eq!(resolve(r, Relative::LastWeekday(4)), "2025-10-02");
        assert_eq!(resolve(r, Relative::LastWeekday(3)), "2025-10-01");
        assert_eq!(resolve(r, Relative::NextWeekday(1)), "2025-10-13");
        let leap = RefDate::parse("2024-03-01").expect("valid");
        assert_eq!(resolve(leap, Relative::Days(-1)), "2024-02-29");
        assert_eq!(RefDate::parse("2025-02-30"), None);
        assert_eq!(RefDate::parse("soon"), None);
    }
}
