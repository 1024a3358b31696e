//! Calendar dates (proleptic Gregorian), the time axis of every scenario: parsing, day arithmetic, months.
//!
//! The simulation steps one day at a time, so a date is stored as a count of days since 1970-01-01.
//! Dates shown to users are always calendar dates, never "day 73".

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// A calendar date. Ordered, copyable, and cheap to step by days.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    /// Days since 1970-01-01 (negative before it).
    days_since_epoch: i32,
}

/// The earliest year a scenario may use; older dates are certainly typing mistakes.
pub const MIN_YEAR: i32 = 2000;
/// The latest year a scenario may use.
pub const MAX_YEAR: i32 = 2100;

impl Date {
    /// The date with the given year, month (1-12) and day (1-31), or `None` if no such date exists
    /// or the year is outside [`MIN_YEAR`]..=[`MAX_YEAR`].
    pub fn from_ymd(year: i32, month: u32, day: u32) -> Option<Date> {
        if !(MIN_YEAR..=MAX_YEAR).contains(&year) || !(1..=12).contains(&month) {
            return None;
        }
        if day == 0 || day > days_in_month(year, month) {
            return None;
        }
        Some(Date { days_since_epoch: days_from_civil(year, month, day) })
    }

    /// Parses `YYYY-MM-DD` (exactly that shape), returning `None` for anything else.
    pub fn parse(text: &str) -> Option<Date> {
        let bytes = text.as_bytes();
        if bytes.len() != 10 || bytes[4] != b'-' || bytes[7] != b'-' {
            return None;
        }
        let digits = |range: std::ops::Range<usize>| -> Option<u32> {
            let part = &text[range];
            if part.bytes().all(|b| b.is_ascii_digit()) {
                part.parse().ok()
            } else {
                None
            }
        };
        let year = digits(0..4)?;
        let month = digits(5..7)?;
        let day = digits(8..10)?;
        Date::from_ymd(i32::try_from(year).ok()?, month, day)
    }

    /// The calendar year.
    pub fn year(self) -> i32 {
        civil_from_days(self.days_since_epoch).0
    }

    /// The month, 1-12.
    pub fn month(self) -> u32 {
        civil_from_days(self.days_since_epoch).1
    }

    /// The day of the month, 1-31.
    pub fn day(self) -> u32 {
        civil_from_days(self.days_since_epoch).2
    }

    /// This date moved by `n_days` (negative moves back).
    pub fn add_days(self, n_days: i32) -> Date {
        Date { days_since_epoch: self.days_since_epoch + n_days }
    }

    /// Whole days from `earlier` to `self` (negative if `self` is before `earlier`).
    pub fn days_since(self, earlier: Date) -> i32 {
        self.days_since_epoch - earlier.days_since_epoch
    }

    /// The number of days in this date's month.
    pub fn days_in_month(self) -> u32 {
        let (year, month, _) = civil_from_days(self.days_since_epoch);
        days_in_month(year, month)
    }

    /// Chinese short form used in the UI, e.g. `6月30日`.
    pub fn zh_month_day(self) -> String {
        format!("{}月{}日", self.month(), self.day())
    }
}

impl fmt::Display for Date {
    /// ISO form `YYYY-MM-DD`, the form used in scenario files and CSV.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (year, month, day) = civil_from_days(self.days_since_epoch);
        write!(f, "{year:04}-{month:02}-{day:02}")
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Date, D::Error> {
        let text = String::deserialize(deserializer)?;
        Date::parse(&text).ok_or_else(|| serde::de::Error::custom(format!("not a date YYYY-MM-DD: {text}")))
    }
}

/// True for leap years of the Gregorian calendar.
pub fn is_leap_year(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

/// Days in the given month (1-12) of the given year.
pub fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap_year(year) => 29,
        2 => 28,
        _ => 0,
    }
}

/// Howard Hinnant's `days_from_civil`: days since 1970-01-01 for a valid date.
fn days_from_civil(year: i32, month: u32, day: u32) -> i32 {
    let year = if month <= 2 { year - 1 } else { year };
    let era = if year >= 0 { year } else { year - 399 } / 400;
    let year_of_era = year - era * 400;
    let month_index = (month + 9) % 12; // March = 0
    let day_of_year = (153 * month_index + 2) / 5 + day - 1;
    let day_of_era = year_of_era as u32 * 365 + year_of_era as u32 / 4 - year_of_era as u32 / 100 + day_of_year;
    era * 146_097 + day_of_era as i32 - 719_468
}

/// Inverse of [`days_from_civil`].
fn civil_from_days(days_since_epoch: i32) -> (i32, u32, u32) {
    let z = days_since_epoch + 719_468;
    let era = if z >= 0 { z } else { z - 146_096 } / 146_097;
    let day_of_era = (z - era * 146_097) as u32;
    let year_of_era = (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let month_index = (5 * day_of_year + 2) / 153;
    let day = day_of_year - (153 * month_index + 2) / 5 + 1;
    let month = if month_index < 10 { month_index + 3 } else { month_index - 9 };
    let year = year_of_era as i32 + era * 400 + i32::from(month <= 2);
    (year, month, day)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check_round_trip(text: &str) {
        let date = Date::parse(text).expect("valid date");
        assert_eq!(date.to_string(), text);
    }

    #[test]
    fn parses_and_prints() {
        check_round_trip("2022-03-10");
        check_round_trip("2024-02-29");
        check_round_trip("2000-01-01");
        check_round_trip("2100-12-31");
    }

    #[test]
    fn rejects_bad_dates() {
        for text in [
            "2022-02-29",
            "2022-13-01",
            "2022-00-10",
            "2022-04-31",
            "22-03-10",
            "2022/03/10",
            "1999-12-31",
            "2022-3-10",
            "２０２２-03-10",
            "",
        ] {
            assert_eq!(Date::parse(text), None, "{text}");
        }
    }

    #[test]
    fn day_arithmetic_crosses_months_and_years() {
        let start = Date::parse("2022-12-30").expect("valid");
        assert_eq!(start.add_days(3).to_string(), "2023-01-02");
        let end = Date::parse("2023-01-01").expect("valid");
        assert_eq!(end.days_since(Date::parse("2022-01-01").expect("valid")), 365);
        assert_eq!(Date::parse("2022-06-30").expect("valid").zh_month_day(), "6月30日");
    }

    #[test]
    fn every_day_of_a_century_round_trips() {
        let mut date = Date::parse("2000-01-01").expect("valid");
        let end = Date::parse("2100-12-31").expect("valid");
        while date <= end {
            let again = Date::from_ymd(date.year(), date.month(), date.day()).expect("valid");
            assert_eq!(again, date);
            date = date.add_days(1);
        }
    }
}
