//! Dates: what a user types (`2026-03-01`, `yesterday`, `last friday`), what
//! the files hold (`YYYY-MM-DD`), and the periods a review covers.

use chrono::{Datelike, Days, Months, NaiveDate, NaiveTime, TimeZone, Utc};

use crate::error::{Error, Result};

/// A date the user typed, read relative to `today`: ISO dates, `today`,
/// `yesterday`, `tomorrow`, `3 days ago`, `last monday`, `next friday`,
/// `1 march 2026`. Phrases go through the `interim` crate.
pub(crate) fn parse_user_date(input: &str, today: NaiveDate) -> Result<NaiveDate> {
    let text = input.trim();
    if let Some(date) = parse_iso(text.as_bytes()) {
        return Ok(date);
    }
    let bad = || {
        Error::usage(format!("cannot read {input:?} as a date")).with_hint(
            "write YYYY-MM-DD, or a phrase like today, yesterday, 3 days ago, last friday",
        )
    };
    // 05/03/2026 is the 5th of March to some and the 3rd of May to others:
    // refuse rather than guess.
    if text.contains('/') || text.is_empty() {
        return Err(bad());
    }
    let lower = text.to_lowercase();
    match lower.as_str() {
        "today" | "now" => return Ok(today),
        "yesterday" => return today.pred_opt().ok_or_else(bad),
        "tomorrow" => return today.succ_opt().ok_or_else(bad),
        _ => {}
    }
    // Noon, so that no time phrase can slip across midnight.
    let now = Utc
        .from_utc_datetime(&today.and_time(NaiveTime::from_hms_opt(12, 0, 0).unwrap_or_default()));
    let date = interim::parse_date_string(&lower, now, interim::Dialect::Uk)
        .map(|moment| moment.date_naive())
        .map_err(|_| bad())?;
    // The files hold four-digit years; a phrase may reach beyond them.
    if (0..=9999).contains(&date.year()) {
        Ok(date)
    } else {
        Err(Error::usage(format!(
            "{input:?} is {}, beyond the years 0000 to 9999",
            date.format("%Y-%m-%d")
        ))
        .with_hint("couple keeps dates as YYYY-MM-DD"))
    }
}

/// The day a `--date` option names, or `today` without one.
pub(crate) fn day_or_today(input: Option<&str>, today: NaiveDate) -> Result<NaiveDate> {
    input.map_or(Ok(today), |text| parse_user_date(text, today))
}

/// A `YYYY-MM-DD` date exactly as the files hold it; `None` otherwise.
/// Hand-rolled because review reads one per row, a million rows a run.
pub(crate) fn parse_iso(bytes: &[u8]) -> Option<NaiveDate> {
    let [y0, y1, y2, y3, b'-', m0, m1, b'-', d0, d1] = *bytes else {
        return None;
    };
    let digit = |b: u8| b.is_ascii_digit().then(|| u32::from(b - b'0'));
    let year = digit(y0)? * 1000 + digit(y1)? * 100 + digit(y2)? * 10 + digit(y3)?;
    let month = digit(m0)? * 10 + digit(m1)?;
    let day = digit(d0)? * 10 + digit(d1)?;
    NaiveDate::from_ymd_opt(year as i32, month, day)
}

/// A `YYYY-MM-DD` cell of a data file, or the reason it is not one.
pub(crate) fn parse_file_date(bytes: &[u8]) -> std::result::Result<NaiveDate, String> {
    parse_iso(bytes).ok_or_else(|| {
        let shown = String::from_utf8_lossy(bytes);
        if bytes.iter().all(u8::is_ascii_digit) && !bytes.is_empty() {
            format!(
                "{shown:?} looks like a spreadsheet's date serial number, not a YYYY-MM-DD date"
            )
        } else if bytes.contains(&b'/') || bytes.contains(&b'.') {
            format!("{shown:?} is ambiguous; dates are written YYYY-MM-DD")
        } else {
            format!("{shown:?} is not a YYYY-MM-DD date")
        }
    })
}

/// An inclusive range of days.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub(crate) struct Period {
    pub(crate) from: NaiveDate,
    pub(crate) to: NaiveDate,
}

impl Period {
    /// The ISO week (Monday to Sunday) holding `date`.
    pub(crate) fn week_of(date: NaiveDate) -> Self {
        let from = week_start(date);
        Self {
            from,
            to: from + Days::new(6),
        }
    }

    /// The calendar month holding `date`.
    pub(crate) fn month_of(date: NaiveDate) -> Self {
        let from = month_start(date);
        Self {
            from,
            to: from + Months::new(1) - Days::new(1),
        }
    }

    /// The calendar year holding `date`.
    pub(crate) fn year_of(date: NaiveDate) -> Self {
        Self {
            from: NaiveDate::from_ymd_opt(date.year(), 1, 1).unwrap_or(date),
            to: NaiveDate::from_ymd_opt(date.year(), 12, 31).unwrap_or(date),
        }
    }

    pub(crate) fn contains(self, date: NaiveDate) -> bool {
        self.from <= date && date <= self.to
    }

    /// How many days the period has.
    pub(crate) fn days(self) -> usize {
        (self.to - self.from).num_days() as usize + 1
    }
}

/// The Monday starting the ISO week of `date`.
pub(crate) fn week_start(date: NaiveDate) -> NaiveDate {
    date - Days::new(u64::from(date.weekday().num_days_from_monday()))
}

/// The first day of the month of `date`.
pub(crate) fn month_start(date: NaiveDate) -> NaiveDate {
    date.with_day(1).unwrap_or(date)
}

/// A date as the files and JSON write it.
pub(crate) fn iso(date: NaiveDate) -> String {
    date.format("%Y-%m-%d").to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> NaiveDate {
        parse_iso(text.as_bytes()).unwrap()
    }

    #[test]
    fn phrases_are_read_relative_to_today() {
        let today = day("2026-11-25"); // a Wednesday
        let cases = [
            ("today", "2026-11-25"),
            ("Yesterday", "2026-11-24"),
            ("tomorrow", "2026-11-26"),
            ("3 days ago", "2026-11-22"),
            ("last friday", "2026-11-20"),
            ("last monday", "2026-11-23"),
            ("2026-03-01", "2026-03-01"),
            (" 2024-02-29 ", "2024-02-29"),
        ];
        for (input, want) in cases {
            assert_eq!(parse_user_date(input, today).unwrap(), day(want), "{input}");
        }
    }

    #[test]
    fn ambiguous_and_impossible_dates_are_refused() {
        let today = day("2026-11-25");
        for input in [
            "05/03/2026",
            "2026-02-30",
            "",
            "someday",
            "2026-13-01",
            "3000 years ago",
            "9000 years",
        ] {
            let err = parse_user_date(input, today).unwrap_err();
            assert_eq!(err.exit_code(), 2, "{input}");
        }
    }

    #[test]
    fn file_dates_are_strict_and_explain_themselves() {
        assert_eq!(parse_file_date(b"2024-02-29"), Ok(day("2024-02-29")));
        assert!(parse_file_date(b"2023-02-29").is_err());
        assert!(
            parse_file_date(b"46082")
                .unwrap_err()
                .contains("serial number")
        );
        assert!(
            parse_file_date(b"05/03/2026")
                .unwrap_err()
                .contains("ambiguous")
        );
        assert!(parse_file_date(b"2026-3-1").is_err());
    }

    #[test]
    fn iso_weeks_start_on_monday_across_a_year_boundary() {
        // 2026-01-01 is a Thursday: its ISO week began on Monday 2025-12-29.
        let week = Period::week_of(day("2026-01-01"));
        assert_eq!((week.from, week.to), (day("2025-12-29"), day("2026-01-04")));
        // 2020 had an ISO week 53, running into 2021.
        let week = Period::week_of(day("2021-01-03"));
        assert_eq!((week.from, week.to), (day("2020-12-28"), day("2021-01-03")));
        assert_eq!(week.days(), 7);
    }

    #[test]
    fn months_and_years_know_their_lengths() {
        assert_eq!(Period::month_of(day("2024-02-10")).days(), 29);
        assert_eq!(Period::month_of(day("2026-02-28")).to, day("2026-02-28"));
        assert_eq!(Period::month_of(day("2026-12-31")).from, day("2026-12-01"));
        assert_eq!(Period::year_of(day("2024-06-01")).days(), 366);
        assert_eq!(Period::week_of(day("2026-11-25")).days(), 7);
    }
}
