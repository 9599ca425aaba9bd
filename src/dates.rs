//! Dates: what a user types (`2026-03-01`, `yesterday`, `last friday`), what
//! the files hold (`YYYY-MM-DD`), and the periods a review covers.

use chrono::{Datelike, Days, Months, NaiveDate, NaiveTime, TimeZone, Utc, Weekday};

use crate::error::{Error, Result};

/// A date the user typed, read relative to `today`: ISO dates, `today`,
/// `yesterday`, `tomorrow`, `3 days ago`, `last monday`, `next friday`,
/// `1 march 2026`. Phrases go through the `interim` crate; a bare weekday
/// (`friday`) means the next one to come.
pub(crate) fn parse_user_date(input: &str, today: NaiveDate) -> Result<NaiveDate> {
    parse(input, today, Toward::Future)
}

/// A date the user typed about what has happened (`review --date`, the
/// log filters of `history` and `export`): like [`parse_user_date`], but a
/// bare weekday (`tuesday`) is the most recent one, today included.
pub(crate) fn parse_past_date(input: &str, today: NaiveDate) -> Result<NaiveDate> {
    parse(input, today, Toward::Past)
}

/// A day that has happened, as `--date` of a command that records the past
/// (`log`, `goals review`) takes it: a bare weekday (`friday`) is the most
/// recent one, today included, and a day that has not come is refused.
/// Without a `--date`, today.
pub(crate) fn past_day_or_today(input: Option<&str>, today: NaiveDate) -> Result<NaiveDate> {
    let Some(text) = input else {
        return Ok(today);
    };
    let date = parse(text, today, Toward::Past)?;
    if date > today {
        return Err(Error::usage(format!("{} has not come yet", iso(date)))
            .with_hint("--date takes today or a day before it"));
    }
    Ok(date)
}

/// `COUPLE_TODAY`: strictly `YYYY-MM-DD`, so "today" is always a day the
/// files can hold and every phrase read from it stays in reach.
pub(crate) fn parse_pinned_today(text: &str) -> Result<NaiveDate> {
    parse_iso(text.as_bytes()).ok_or_else(|| {
        Error::usage(format!("COUPLE_TODAY={text:?} is not a date"))
            .with_hint("write it as YYYY-MM-DD (years 0000 to 9999), or unset it")
    })
}

/// Which way a bare weekday points.
#[derive(Clone, Copy)]
enum Toward {
    Past,
    Future,
}

fn parse(input: &str, today: NaiveDate, bare_weekday: Toward) -> Result<NaiveDate> {
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
    // refuse rather than guess. A bare number (`25`) is a day to some and a
    // year to interim (0025); a sign or a fifth year digit (`+10000-01-01`)
    // is a year the files cannot hold.
    if text.contains('/') || text.is_empty() || looks_numeric_but_not_iso(text) {
        return Err(bad());
    }
    let lower = text.to_lowercase();
    let words: Vec<&str> = lower.split_whitespace().collect();
    let date = match words.as_slice() {
        ["today" | "now"] => Some(today),
        ["yesterday"] => today.pred_opt(),
        ["tomorrow"] => today.succ_opt(),
        // interim reads `last friday` said on a Friday as today, and (in
        // its UK dialect) `next wednesday` as the one of next week, up to
        // 14 days away; and a bare weekday always as one to come. These
        // few phrases are read here, the way people mean them.
        [day] if weekday(day).is_some() => weekday(day).map(|day| match bare_weekday {
            Toward::Past => most_recent(day, today),
            Toward::Future => next_after(day, today),
        }),
        ["last", day] if weekday(day).is_some() => {
            weekday(day).map(|day| most_recent(day, today - Days::new(1)))
        }
        ["next", day] if weekday(day).is_some() => weekday(day).map(|day| next_after(day, today)),
        _ => {
            // Noon, so that no time phrase can slip across midnight.
            let now = Utc.from_utc_datetime(
                &today.and_time(NaiveTime::from_hms_opt(12, 0, 0).unwrap_or_default()),
            );
            interim::parse_date_string(&lower, now, interim::Dialect::Uk)
                .ok()
                .map(|moment| moment.date_naive())
        }
    };
    let date = date.ok_or_else(bad)?;
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

/// Text made only of digits, signs and dashes that is not `YYYY-MM-DD`
/// with a four-digit year: `25`, `2026`, `+2026-01-01`, `10000-01-01`.
fn looks_numeric_but_not_iso(text: &str) -> bool {
    if !text
        .bytes()
        .all(|b| b.is_ascii_digit() || b == b'-' || b == b'+')
    {
        return false;
    }
    let year_digits = text.bytes().take_while(u8::is_ascii_digit).count();
    year_digits != 4 || !text.contains('-')
}

/// A weekday as interim names it: a prefix of its English name, at least
/// three letters (`fri`, `frid`, `friday`).
fn weekday(word: &str) -> Option<Weekday> {
    const DAYS: [(&str, Weekday); 7] = [
        ("monday", Weekday::Mon),
        ("tuesday", Weekday::Tue),
        ("wednesday", Weekday::Wed),
        ("thursday", Weekday::Thu),
        ("friday", Weekday::Fri),
        ("saturday", Weekday::Sat),
        ("sunday", Weekday::Sun),
    ];
    DAYS.iter()
        .find(|(name, _)| word.len() >= 3 && name.starts_with(word))
        .map(|&(_, day)| day)
}

/// The last `day` on or before `from`.
fn most_recent(day: Weekday, from: NaiveDate) -> NaiveDate {
    let back = (7 + from.weekday().num_days_from_monday() - day.num_days_from_monday()) % 7;
    from - Days::new(u64::from(back))
}

/// The first `day` after `from`: one to seven days on.
fn next_after(day: Weekday, from: NaiveDate) -> NaiveDate {
    let on = (6 + day.num_days_from_monday() - from.weekday().num_days_from_monday()) % 7 + 1;
    from + Days::new(u64::from(on))
}

/// The day a `--date` option names, or `today` without one.
pub(crate) fn day_or_today(input: Option<&str>, today: NaiveDate) -> Result<NaiveDate> {
    input.map_or(Ok(today), |text| parse_user_date(text, today))
}

/// A `YYYY-MM-DD` date exactly as the files hold it; `None` otherwise.
/// Hand-rolled because review reads one per row, a million rows a run;
/// and a log's neighbouring rows mostly share their date, so the last
/// date read on a thread is kept and not read again.
pub(crate) fn parse_iso(bytes: &[u8]) -> Option<NaiveDate> {
    thread_local! {
        static LAST: std::cell::Cell<([u8; 10], Option<NaiveDate>)> =
            const { std::cell::Cell::new(([0; 10], None)) };
    }
    let text: [u8; 10] = bytes.try_into().ok()?;
    LAST.with(|last| {
        let (seen, date) = last.get();
        if date.is_some() && seen == text {
            return date;
        }
        let date = read_iso(text);
        if date.is_some() {
            last.set((text, date));
        }
        date
    })
}

/// [`parse_iso`], every time.
fn read_iso(text: [u8; 10]) -> Option<NaiveDate> {
    let [y0, y1, y2, y3, b'-', m0, m1, b'-', d0, d1] = text else {
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

/// Whether `date` is "on this day" for `today`: the same calendar date in
/// an earlier year, or a month ago. A 29 February is remembered on the 28th
/// in years without one, and on the 28th of a common year the 29ths of the
/// leap years before it come back.
pub(crate) fn on_this_day(date: NaiveDate, today: NaiveDate) -> bool {
    date < today && (Some(date) == a_month_ago(today) || is_anniversary(date, today))
}

/// The same calendar date in an earlier year (29 February: see [`on_this_day`]).
pub(crate) fn is_anniversary(date: NaiveDate, today: NaiveDate) -> bool {
    if date.year() >= today.year() {
        return false;
    }
    let (month, day) = (today.month(), today.day());
    if (date.month(), date.day()) == (month, day) {
        return true;
    }
    let leap_day = |d: NaiveDate| (d.month(), d.day()) == (2, 29);
    let last_of_february = |d: NaiveDate| (d.month(), d.day()) == (2, 28) && !d.leap_year();
    (leap_day(today) && last_of_february(date)) || (last_of_february(today) && leap_day(date))
}

/// The same day of the month before, or its last day when it is shorter
/// (31 March → 28 or 29 February).
pub(crate) fn a_month_ago(today: NaiveDate) -> Option<NaiveDate> {
    today.checked_sub_months(Months::new(1))
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
    fn a_date_read_again_reads_the_same_and_a_bad_one_is_never_kept() {
        let cases = [
            "2026-11-25",
            "2026-11-25",
            "2026-02-30",
            "2026-11-25",
            "2024-02-29",
            "2024-02-29",
            "2023-02-29",
            "2023-02-29",
            "2026-1-25",
            "x026-11-25",
            "2026-11-25",
            "0000-01-01",
        ];
        for text in cases {
            let want = chrono::NaiveDate::parse_from_str(text, "%Y-%m-%d")
                .ok()
                .filter(|_| text.len() == 10);
            assert_eq!(parse_iso(text.as_bytes()), want, "{text}");
        }
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

    /// Monday 23 to Sunday 29 November 2026: "today" on each weekday.
    fn each_weekday() -> impl Iterator<Item = NaiveDate> {
        (23..=29).map(|d| NaiveDate::from_ymd_opt(2026, 11, d).unwrap())
    }

    const NAMES: [&str; 7] = [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    ];

    #[test]
    fn last_weekday_is_one_to_seven_days_back_never_today() {
        for today in each_weekday() {
            for name in NAMES {
                let date = parse_user_date(&format!("last {name}"), today).unwrap();
                let back = (today - date).num_days();
                assert!((1..=7).contains(&back), "last {name} on {today}: {date}");
                assert_eq!(date.format("%A").to_string().to_lowercase(), name);
            }
        }
        // Said on a Friday, `last friday` is a week ago.
        assert_eq!(
            parse_user_date("last friday", day("2026-11-27")).unwrap(),
            day("2026-11-20")
        );
    }

    #[test]
    fn next_weekday_is_the_first_one_after_today() {
        for today in each_weekday() {
            for name in NAMES {
                let date = parse_user_date(&format!("next {name}"), today).unwrap();
                let on = (date - today).num_days();
                assert!((1..=7).contains(&on), "next {name} on {today}: {date}");
                assert_eq!(date.format("%A").to_string().to_lowercase(), name);
            }
        }
        // Said on a Wednesday, `next wednesday` is 7 days on, not 14.
        assert_eq!(
            parse_user_date("next wednesday", day("2026-11-25")).unwrap(),
            day("2026-12-02")
        );
        assert_eq!(
            parse_user_date("Next Fri", day("2026-11-25")).unwrap(),
            day("2026-11-27")
        );
    }

    #[test]
    fn a_bare_weekday_in_a_past_date_is_the_most_recent_today_included() {
        for today in each_weekday() {
            for name in NAMES {
                let date = past_day_or_today(Some(name), today).unwrap();
                let back = (today - date).num_days();
                assert!((0..=6).contains(&back), "{name} on {today}: {date}");
                assert_eq!(date.format("%A").to_string().to_lowercase(), name);
            }
        }
        let friday = day("2026-11-27");
        assert_eq!(past_day_or_today(Some("Friday"), friday).unwrap(), friday);
        assert_eq!(
            past_day_or_today(Some("thu"), friday).unwrap(),
            day("2026-11-26")
        );
    }

    #[test]
    fn a_past_date_refuses_a_day_to_come() {
        let today = day("2026-11-25");
        assert_eq!(past_day_or_today(None, today).unwrap(), today);
        for input in ["tomorrow", "next monday", "2026-11-26", "3 days"] {
            let err = past_day_or_today(Some(input), today).unwrap_err();
            assert_eq!(err.exit_code(), 2, "{input}");
            assert!(err.message.contains("has not come yet"), "{input}");
        }
    }

    #[test]
    fn bare_numbers_and_years_beyond_four_digits_are_refused() {
        let today = day("2026-11-25");
        for input in [
            "25",
            "2026",
            "+10000-01-01",
            "10000-01-01",
            "+2026-11-25",
            "-0001-01-01",
            "02026-01-01",
        ] {
            let err = parse_user_date(input, today).unwrap_err();
            assert_eq!(err.exit_code(), 2, "{input}");
        }
    }

    #[test]
    fn yesterday_and_tomorrow_stay_inside_four_digit_years() {
        let first = day("0000-01-01");
        let last = day("9999-12-31");
        assert!(parse_user_date("yesterday", first).is_err());
        assert!(parse_user_date("tomorrow", last).is_err());
        assert!(parse_user_date("next monday", last).is_err());
        assert!(parse_user_date("last monday", first).is_err());
        assert_eq!(
            parse_user_date("tomorrow", first).unwrap(),
            day("0000-01-02")
        );
    }

    #[test]
    fn couple_today_is_strictly_yyyy_mm_dd() {
        assert_eq!(parse_pinned_today("2026-11-25").unwrap(), day("2026-11-25"));
        for text in [
            "+10000-01-01",
            "10000-01-01",
            "2026-1-5",
            " 2026-11-25",
            "25",
            "",
        ] {
            assert_eq!(
                parse_pinned_today(text).unwrap_err().exit_code(),
                2,
                "{text}"
            );
        }
    }

    proptest::proptest! {
        /// Whatever COUPLE_TODAY holds, nothing panics: it is refused, or it
        /// is a day from which every phrase stays within 0000 to 9999.
        #[test]
        fn no_couple_today_panics(text in "\\PC*|[+-]?[0-9]{1,7}-[0-9]{1,2}-[0-9]{1,2}") {
            if let Ok(today) = parse_pinned_today(&text) {
                for phrase in [
                    "yesterday", "tomorrow", "last friday", "next wednesday", "friday",
                    "3 days ago", "9000 years", "9999999 days ago", "next month",
                ] {
                    if let Ok(date) = parse_user_date(phrase, today) {
                        proptest::prop_assert!((0..=9999).contains(&date.year()));
                    }
                    let _ = past_day_or_today(Some(phrase), today);
                }
                let _ = (Period::week_of(today), Period::month_of(today), Period::year_of(today));
            }
        }

        /// No phrase panics, whatever "today" is.
        #[test]
        fn no_phrase_panics(text in "\\PC{0,30}", days in 0_u64..3_652_424) {
            let today = day("0000-01-01") + Days::new(days);
            if let Ok(date) = parse_user_date(&text, today) {
                proptest::prop_assert!((0..=9999).contains(&date.year()));
            }
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
    fn on_this_day_is_every_earlier_year_and_a_month_ago() {
        let today = day("2026-11-25");
        for yes in ["2025-11-25", "2024-11-25", "1990-11-25", "2026-10-25"] {
            assert!(on_this_day(day(yes), today), "{yes}");
        }
        for no in [
            "2026-11-25",
            "2026-11-24",
            "2027-11-25",
            "2025-11-26",
            "2026-09-25",
        ] {
            assert!(!on_this_day(day(no), today), "{no}");
        }
    }

    #[test]
    fn a_leap_day_is_remembered_on_the_28th_in_common_years() {
        let leap = day("2028-02-29");
        assert!(on_this_day(day("2024-02-29"), leap));
        assert!(
            on_this_day(day("2027-02-28"), leap),
            "a common year's last day of February"
        );
        assert!(
            !on_this_day(day("2024-02-28"), leap),
            "a leap year has its own 29th"
        );
        assert!(on_this_day(day("2028-01-29"), leap), "a month ago");
        // And the 28th of a common year brings back the leap days before it.
        let common = day("2027-02-28");
        assert!(on_this_day(day("2024-02-29"), common));
        assert!(on_this_day(day("2026-02-28"), common));
        assert!(on_this_day(day("2024-02-28"), common), "the same date, too");
        assert!(!on_this_day(day("2024-03-01"), common));
        // A month before 31 March is the last day of February.
        assert_eq!(a_month_ago(day("2027-03-31")), Some(day("2027-02-28")));
        assert_eq!(a_month_ago(day("2028-03-31")), Some(day("2028-02-29")));
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
