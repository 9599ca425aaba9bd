//! The couple's rituals (what counts, how often) and their pauses, as plain
//! data with the rules that make a value valid. No I/O.

use chrono::{Datelike, Days, NaiveDate};
use serde::Serialize;

use super::Kind;

super::vocab::vocabulary! {
    /// The period a ritual's target is set for.
    enum Per ("period", "periods") {
        Day => "day", "every day";
        Week => "week", "every ISO week, Monday to Sunday";
        Month => "month", "every calendar month";
    }
}

impl Per {
    /// The most a target per this period may ask: a ritual counts days
    /// with an entry, so a day holds one, a week seven, and every month
    /// has at least 28 days.
    pub(crate) fn max_target(self) -> u32 {
        match self {
            Per::Day => 1,
            Per::Week => 7,
            Per::Month => 28,
        }
    }

    /// `day`, `days`.
    pub(crate) fn unit(self, count: u32) -> String {
        if count == 1 {
            self.as_str().to_string()
        } else {
            format!("{}s", self.as_str())
        }
    }
}

/// One ritual: the kinds it counts, and how many days with one of them it
/// asks for per day, week or month.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub(crate) struct Ritual {
    pub(crate) name: String,
    pub(crate) kinds: Vec<Kind>,
    pub(crate) target: u32,
    pub(crate) per: Per,
    /// Only entries of at least this many minutes count.
    pub(crate) minutes: Option<u16>,
}

impl Default for Ritual {
    fn default() -> Self {
        Self {
            name: String::new(),
            kinds: Vec::new(),
            target: 1,
            per: Per::Day,
            minutes: None,
        }
    }
}

impl Ritual {
    /// The seed's three, used while rituals.csv does not exist.
    pub(crate) fn defaults() -> Vec<Ritual> {
        let one = |kind: Kind, per| Ritual {
            name: kind.as_str().to_string(),
            kinds: vec![kind],
            target: 1,
            per,
            minutes: None,
        };
        vec![
            one(Kind::Talk, Per::Day),
            one(Kind::UsTime, Per::Week),
            one(Kind::SitDown, Per::Month),
        ]
    }

    /// Whether an entry of `kind` lasting `minutes` counts for this ritual.
    pub(crate) fn counts(&self, kind: Kind, minutes: Option<u16>) -> bool {
        self.kinds.contains(&kind) && self.minutes.is_none_or(|min| minutes.unwrap_or(0) >= min)
    }

    /// `5/week`.
    pub(crate) fn cadence(&self) -> String {
        format!("{}/{}", self.target, self.per)
    }

    /// The kinds as rituals.csv writes them: `talk us-time`.
    pub(crate) fn kinds_text(&self) -> String {
        self.kinds
            .iter()
            .map(|k| k.as_str())
            .collect::<Vec<_>>()
            .join(" ")
    }
}

/// Reads `5/week` (also `5 per week`, `5/weeks`): the target and its period.
pub(crate) fn parse_cadence(text: &str) -> Result<(u32, Per), String> {
    let bad = || format!("{text:?} is not a cadence like 1/day, 5/week or 1/month");
    let text = text.trim();
    let (count, per) = text
        .split_once('/')
        .or_else(|| text.split_once(" per "))
        .ok_or_else(bad)?;
    let count: u32 = count.trim().parse().map_err(|_| bad())?;
    let per = per.trim();
    let per = Per::parse(per.strip_suffix('s').unwrap_or(per)).ok_or_else(bad)?;
    check_target(count, per)?;
    Ok((count, per))
}

/// Whether `target` can be asked per `per`.
pub(crate) fn check_target(target: u32, per: Per) -> Result<(), String> {
    let max = per.max_target();
    if (1..=max).contains(&target) {
        Ok(())
    } else if per == Per::Day {
        Err(format!(
            "a ritual counts days with an entry, so its target per day is 1, not {target}"
        ))
    } else {
        Err(format!(
            "the target per {per} must be from 1 to {max}, not {target} (a ritual counts days with an entry)"
        ))
    }
}

/// Whether rituals may count `kind`: a skip says a day was let go on
/// purpose, so no ritual ever counts it.
pub(crate) fn countable(kind: Kind) -> bool {
    kind != Kind::Skip
}

/// Reads the kinds of a ritual, separated by blanks or `+`: `talk us-time`.
pub(crate) fn parse_kinds(text: &str) -> Result<Vec<Kind>, String> {
    let mut kinds = Vec::new();
    for word in text.split(|c: char| c.is_whitespace() || c == '+') {
        if word.is_empty() {
            continue;
        }
        let kind = Kind::parse(word).ok_or_else(|| {
            format!(
                "{word:?} is not a kind (kinds: {})",
                Kind::names()
                    .filter(|k| countable_name(k))
                    .collect::<Vec<_>>()
                    .join(", ")
            )
        })?;
        if !countable(kind) {
            return Err(format!("no ritual counts {kind}: a skip is never counted"));
        }
        if !kinds.contains(&kind) {
            kinds.push(kind);
        }
    }
    if kinds.is_empty() {
        return Err("names no kind to count".into());
    }
    Ok(kinds)
}

fn countable_name(name: &str) -> bool {
    Kind::parse(name).is_some_and(countable)
}

/// A break from some or all rituals, on the days from `from` to `to`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub(crate) struct Pause {
    pub(crate) id: String,
    pub(crate) from: NaiveDate,
    pub(crate) to: NaiveDate,
    /// The rituals paused, by name; empty for all of them.
    pub(crate) rituals: Vec<String>,
    /// Who logged it (a pause holds for both).
    pub(crate) partner: String,
    pub(crate) note: String,
    pub(crate) logged_at: String,
}

impl Pause {
    /// Whether the pause holds for the ritual called `name`.
    pub(crate) fn holds_for(&self, name: &str) -> bool {
        self.rituals.is_empty() || self.rituals.iter().any(|r| r.eq_ignore_ascii_case(name))
    }

    /// Whether it pauses every ritual.
    pub(crate) fn is_total(&self) -> bool {
        self.rituals.is_empty()
    }

    /// What it pauses, for people: "every ritual", or the rituals' names.
    pub(crate) fn what(&self) -> String {
        if self.is_total() {
            "every ritual".to_string()
        } else {
            self.rituals.join(", ")
        }
    }

    /// How many days it lasts.
    pub(crate) fn days(&self) -> i64 {
        (self.to - self.from).num_days() + 1
    }

    /// The rituals as pauses.csv writes them: `talk us-time`, or empty.
    pub(crate) fn rituals_text(&self) -> String {
        self.rituals.join(" ")
    }
}

/// The day spans during which a ritual is paused, sorted and merged, for
/// quick "is this day paused" and "how many paused days in this week".
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Paused {
    /// Inclusive spans of day numbers (days from the common era), sorted,
    /// not overlapping.
    spans: Vec<(i32, i32)>,
}

impl Paused {
    /// The days `pauses` take from the ritual called `name`.
    pub(crate) fn of(pauses: &[Pause], name: &str) -> Self {
        let mut spans: Vec<(i32, i32)> = pauses
            .iter()
            .filter(|p| p.holds_for(name) && p.from <= p.to)
            .map(|p| (p.from.num_days_from_ce(), p.to.num_days_from_ce()))
            .collect();
        spans.sort_unstable();
        let mut merged: Vec<(i32, i32)> = Vec::with_capacity(spans.len());
        for (from, to) in spans {
            match merged.last_mut() {
                Some(last) if from <= last.1 + 1 => last.1 = last.1.max(to),
                _ => merged.push((from, to)),
            }
        }
        Self { spans: merged }
    }

    pub(crate) fn contains(&self, day: NaiveDate) -> bool {
        let n = day.num_days_from_ce();
        self.spans.iter().any(|&(from, to)| from <= n && n <= to)
    }

    /// How many of the days from `from` to `to` (inclusive) are paused.
    pub(crate) fn count(&self, from: NaiveDate, to: NaiveDate) -> u32 {
        let (a, b) = (from.num_days_from_ce(), to.num_days_from_ce());
        self.spans
            .iter()
            .map(|&(f, t)| (t.min(b) - f.max(a) + 1).max(0) as u32)
            .sum()
    }

    /// The days not paused from `from` to `to`.
    pub(crate) fn open_days(&self, from: NaiveDate, to: NaiveDate) -> u32 {
        if to < from {
            return 0;
        }
        ((to - from).num_days() as u32 + 1) - self.count(from, to)
    }
}

/// The day before `day`, or `day` itself at the start of the calendar.
pub(crate) fn day_before(day: NaiveDate) -> NaiveDate {
    day.checked_sub_days(Days::new(1)).unwrap_or(day)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn cadences_read_as_users_write_them() {
        assert_eq!(parse_cadence("5/week"), Ok((5, Per::Week)));
        assert_eq!(parse_cadence(" 1 / Day "), Ok((1, Per::Day)));
        assert_eq!(parse_cadence("2 per months"), Ok((2, Per::Month)));
        for bad in [
            "5",
            "week",
            "0/week",
            "8/week",
            "2/day",
            "29/month",
            "1/fortnight",
            "-1/week",
        ] {
            assert!(parse_cadence(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn kinds_are_checked_and_deduplicated() {
        assert_eq!(
            parse_kinds("talk us-time+talk"),
            Ok(vec![Kind::Talk, Kind::UsTime])
        );
        assert!(parse_kinds("").is_err());
        assert!(parse_kinds("skip").unwrap_err().contains("never counted"));
        assert!(
            parse_kinds("talk hug")
                .unwrap_err()
                .contains("\"hug\" is not a kind")
        );
    }

    #[test]
    fn a_minimum_of_minutes_leaves_shorter_entries_out() {
        let mut talk = Ritual::defaults().remove(0);
        assert!(talk.counts(Kind::Talk, None));
        talk.minutes = Some(10);
        assert!(talk.counts(Kind::Talk, Some(10)));
        assert!(!talk.counts(Kind::Talk, Some(9)));
        assert!(!talk.counts(Kind::Talk, None));
        assert!(!talk.counts(Kind::Care, Some(30)));
    }

    #[test]
    fn paused_spans_merge_and_count_days() {
        let pause = |from: &str, to: &str, rituals: &[&str]| Pause {
            id: "p".into(),
            from: day(from),
            to: day(to),
            rituals: rituals.iter().map(|r| (*r).to_string()).collect(),
            partner: "alex".into(),
            note: String::new(),
            logged_at: String::new(),
        };
        let pauses = [
            pause("2026-11-10", "2026-11-12", &[]),
            pause("2026-11-13", "2026-11-14", &["talk"]),
            pause("2026-11-20", "2026-11-20", &["us-time"]),
        ];
        let talk = Paused::of(&pauses, "Talk");
        assert!(talk.contains(day("2026-11-14")));
        assert!(!talk.contains(day("2026-11-20")));
        assert_eq!(talk.count(day("2026-11-09"), day("2026-11-15")), 5);
        assert_eq!(talk.open_days(day("2026-11-09"), day("2026-11-15")), 2);
        let us_time = Paused::of(&pauses, "us-time");
        assert_eq!(us_time.count(day("2026-11-01"), day("2026-11-30")), 4);
    }
}
