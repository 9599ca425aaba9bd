//! Counting a ritual honestly: only days up to the as-of date, the weeks
//! and months that lie within a range, paused days left out, and the rules
//! that say when a ritual is at risk (due) or drifting.
//!
//! The rules, as README and `review --help` state them:
//! - A ritual counts the days with at least one entry of its kinds (by
//!   either partner), at most its target per period.
//! - A range counts the periods that have begun by the as-of date and whose
//!   middle day lies in it: each day; each ISO week whose Thursday does (as
//!   ISO years count weeks); each month whose 15th does. A week spanning
//!   two months thus counts in one of them only. A range too short to hold
//!   such a middle day at all (a week, for a monthly ritual) counts the
//!   period holding its last day up to the as-of date.
//! - A paused day asks nothing: a week or month asks its target scaled to
//!   its days not paused, rounded; one that asks nothing is paused, and a
//!   paused period neither extends nor breaks a streak.

use chrono::{Datelike, Days, NaiveDate};
use serde::Serialize;

use crate::dates::{Period, month_start, week_start};
use crate::model::{Paused, Per, Ritual, day_before};

/// The days on which something was done: one bit per day (numbered from
/// the common era) over the span seen, so a fold of forty years keeps
/// about 2 KiB per ritual and an insert is a shift, not a hash.
#[derive(Debug, Default)]
pub(crate) struct DaySet {
    /// Bit `i` of word `w` is day `base + 64 * w + i`.
    words: Vec<u64>,
    /// A multiple of 64.
    base: i32,
    first: Option<i32>,
}

impl DaySet {
    pub(crate) fn insert(&mut self, day: NaiveDate) {
        let n = day.num_days_from_ce();
        if self.words.is_empty() {
            self.base = n.div_euclid(64) * 64;
        } else if n < self.base {
            // Logs are mostly in date order: going back is rare, so the
            // span grows by at least as much as it holds.
            let need = ((self.base - n) as usize).div_ceil(64);
            let grow = need.max(self.words.len());
            self.words.splice(0..0, std::iter::repeat_n(0, grow));
            self.base -= 64 * grow as i32;
        }
        let at = (n - self.base) as usize;
        let word = at / 64;
        if word >= self.words.len() {
            self.words.resize(word + 1, 0);
        }
        self.words[word] |= 1 << (at % 64);
        self.first = Some(self.first.map_or(n, |f| f.min(n)));
    }

    fn holds(&self, n: i32) -> bool {
        if n < self.base {
            return false;
        }
        let at = (n - self.base) as usize;
        self.words
            .get(at / 64)
            .is_some_and(|word| word & (1 << (at % 64)) != 0)
    }

    #[cfg(test)]
    fn contains(&self, day: NaiveDate) -> bool {
        self.holds(day.num_days_from_ce())
    }

    /// How many days from `from` to `to` (inclusive) are in the set.
    fn count(&self, from: NaiveDate, to: NaiveDate) -> u32 {
        if to < from {
            return 0;
        }
        (from.num_days_from_ce()..=to.num_days_from_ce())
            .filter(|&n| self.holds(n))
            .count() as u32
    }

    fn first(&self) -> Option<NaiveDate> {
        self.first.and_then(NaiveDate::from_num_days_from_ce_opt)
    }
}

/// The period of `per` holding `day`.
pub(crate) fn period_of(per: Per, day: NaiveDate) -> Period {
    match per {
        Per::Day => Period { from: day, to: day },
        Per::Week => Period::week_of(day),
        Per::Month => Period::month_of(day),
    }
}

/// The day that decides which range a period belongs to: a week's
/// Thursday, a month's 15th.
fn middle(per: Per, period: Period) -> NaiveDate {
    match per {
        Per::Day => period.from,
        Per::Week => week_start(period.from) + Days::new(3),
        Per::Month => month_start(period.from) + Days::new(14),
    }
}

fn next(per: Per, period: Period) -> Option<Period> {
    period.to.succ_opt().map(|day| period_of(per, day))
}

fn previous(per: Per, period: Period) -> Option<Period> {
    period.from.pred_opt().map(|day| period_of(per, day))
}

/// The periods of `per` that count in `range` as of `as_of` (see the
/// module comment); with `fallback`, a range holding no middle day counts
/// the period of its last day up to `as_of`.
pub(crate) fn periods_in(per: Per, range: Period, as_of: NaiveDate, fallback: bool) -> Vec<Period> {
    let end = range.to.min(as_of);
    if end < range.from {
        return Vec::new();
    }
    let mut counted = Vec::new();
    let mut period = Some(period_of(per, range.from));
    while let Some(p) = period {
        if p.from > end {
            break;
        }
        if range.contains(middle(per, p)) {
            counted.push(p);
        }
        period = next(per, p);
    }
    // Only a range too short to hold a middle day at all: in the first
    // days of January the week begun in December is December's still.
    if counted.is_empty() && fallback && !holds_a_middle(per, range) {
        counted.push(period_of(per, end));
    }
    counted
}

/// Whether some period of `per` has its middle day in `range`.
fn holds_a_middle(per: Per, range: Period) -> bool {
    let mut period = Some(period_of(per, range.from));
    while let Some(p) = period.filter(|p| p.from <= range.to) {
        if range.contains(middle(per, p)) {
            return true;
        }
        period = next(per, p);
    }
    false
}

/// One ritual as of a day: what it asks, what was done, what is paused.
pub(crate) struct Tally<'a> {
    pub(crate) ritual: &'a Ritual,
    pub(crate) done: &'a DaySet,
    pub(crate) paused: Paused,
    pub(crate) as_of: NaiveDate,
}

/// Done and asked, over some periods.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub(crate) struct Score {
    pub(crate) done: u32,
    pub(crate) target: u32,
}

impl Tally<'_> {
    fn period_of(&self, day: NaiveDate) -> Period {
        period_of(self.ritual.per, day)
    }

    /// What `period` asks: the target scaled to its days not paused,
    /// rounded half up; 0 when it is paused.
    pub(crate) fn target_of(&self, period: Period) -> u32 {
        let len = period.days() as u32;
        let open = self.paused.open_days(period.from, period.to);
        (self.ritual.target * open * 2 + len) / (2 * len)
    }

    /// Days done in `period`, up to the as-of date.
    fn count_in(&self, period: Period) -> u32 {
        self.done.count(period.from, period.to.min(self.as_of))
    }

    /// Done (at most the target of each period) and asked, over the
    /// periods that count in `range`.
    pub(crate) fn score(&self, range: Period, fallback: bool) -> Score {
        periods_in(self.ritual.per, range, self.as_of, fallback)
            .into_iter()
            .fold(Score::default(), |sum, p| {
                let target = self.target_of(p);
                Score {
                    done: sum.done + self.count_in(p).min(target),
                    target: sum.target + target,
                }
            })
    }

    /// Periods met in a row up to the as-of one (or the one before, while
    /// the current one is not met yet); paused periods are stepped over.
    pub(crate) fn streak(&self) -> u32 {
        let Some(first) = self.done.first() else {
            return 0;
        };
        let current = self.period_of(self.as_of);
        let mut period = Some(current);
        let mut streak = 0;
        while let Some(p) = period {
            let target = self.target_of(p);
            if target > 0 {
                if self.count_in(p) >= target {
                    streak += 1;
                } else if p != current {
                    break;
                }
            }
            if p.from <= first {
                break;
            }
            period = previous(self.ritual.per, p);
        }
        streak
    }

    /// What is left to do in the as-of period, if it is at risk: a day's
    /// when it is not done; a week's or month's when what is left needs
    /// every day after today (from Saturday for 1 per week), and a month's
    /// in its last 7 days too. Nothing on a paused day.
    pub(crate) fn at_risk(&self) -> Option<AtRisk> {
        if self.paused.contains(self.as_of) {
            return None;
        }
        let period = self.period_of(self.as_of);
        let target = self.target_of(period);
        let done = self.count_in(period);
        if done >= target {
            return None;
        }
        let remaining = target - done;
        let after = match self.as_of.succ_opt() {
            Some(tomorrow) => self.paused.open_days(tomorrow, period.to),
            None => 0,
        };
        let risky = match self.ritual.per {
            Per::Day | Per::Week => after <= remaining,
            Per::Month => after < 7 || after <= remaining,
        };
        risky.then_some(AtRisk {
            done,
            target,
            days_left: after + 1,
        })
    }

    /// A drift: the rate of the last two weeks (up to the day before the
    /// as-of date) below half the rate of the eight weeks before, when that
    /// was at least once a week. Rates are days done per 7 days not paused;
    /// each window needs half its days not paused.
    pub(crate) fn drift(&self) -> Option<Drift> {
        if self.paused.contains(self.as_of) {
            return None;
        }
        let end = day_before(self.as_of);
        let recent_from = end.checked_sub_days(Days::new(13))?;
        let earlier_to = recent_from.pred_opt()?;
        let earlier_from = earlier_to.checked_sub_days(Days::new(55))?;
        let rate = |from: NaiveDate, to: NaiveDate, least: u32| {
            let open = self.paused.open_days(from, to);
            (open >= least).then(|| f64::from(self.done.count(from, to)) * 7.0 / f64::from(open))
        };
        let recent = rate(recent_from, end, 7)?;
        let earlier = rate(earlier_from, earlier_to, 28)?;
        (earlier >= 1.0 && recent < earlier / 2.0).then(|| Drift {
            ritual: self.ritual.name.clone(),
            recent: tenths(recent),
            earlier: tenths(earlier),
        })
    }

    /// One cell per column: done and asked within it, `None` for a column
    /// not begun by the as-of date.
    pub(crate) fn trend(&self, columns: &[Period]) -> Vec<Option<Score>> {
        columns
            .iter()
            .map(|c| (c.from <= self.as_of).then(|| self.score(*c, false)))
            .collect()
    }
}

fn tenths(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
}

/// A period at risk: how much of it is done, and how many days are left.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct AtRisk {
    pub(crate) done: u32,
    pub(crate) target: u32,
    /// Days not paused from the as-of date to the period's end, both in.
    pub(crate) days_left: u32,
}

/// A ritual falling well below the couple's own recent rate.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub(crate) struct Drift {
    pub(crate) ritual: String,
    /// Days done a week, over the last 2 weeks.
    pub(crate) recent: f64,
    /// Days done a week, over the 8 weeks before.
    pub(crate) earlier: f64,
}

impl Drift {
    pub(crate) fn message(&self) -> String {
        format!(
            "drift: {} {:.1} days a week over the last 2 weeks, down from {:.1} in the 8 weeks before",
            self.ritual, self.recent, self.earlier
        )
    }
}

/// The columns of a trend over `range`: its weeks when it spans up to
/// about a quarter, its months when longer; none for a week or less.
pub(crate) fn trend_columns(range: Period) -> (Per, Vec<Period>) {
    let per = if range.days() <= 92 {
        Per::Week
    } else {
        Per::Month
    };
    if range.days() <= 7 {
        return (per, Vec::new());
    }
    // Every column, as of the range's end; the future ones show empty.
    (per, periods_in(per, range, range.to, false))
}

/// Whether a ritual of `per` can show in a trend by `column` (a monthly
/// ritual has nothing to say week by week).
pub(crate) fn fits(per: Per, column: Per) -> bool {
    let rank = |p: Per| match p {
        Per::Day => 0,
        Per::Week => 1,
        Per::Month => 2,
    };
    rank(per) <= rank(column)
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use proptest::prelude::*;

    use super::*;

    proptest! {
        /// The bit set holds, counts and starts as a set of the same days.
        #[test]
        fn a_day_set_is_a_set_of_days(days in proptest::collection::vec(0i32..3000, 0..200)) {
            let origin = NaiveDate::from_ymd_opt(2020, 1, 1).unwrap();
            let day = |n: i32| origin + chrono::Duration::days(i64::from(n) - 1500);
            let mut set = DaySet::default();
            let mut model = BTreeSet::new();
            for &n in &days {
                set.insert(day(n));
                model.insert(n);
            }
            for n in -70..3070 {
                prop_assert_eq!(set.contains(day(n)), model.contains(&n));
            }
            prop_assert_eq!(set.first(), model.first().map(|&n| day(n)));
            for (from, to) in [(0, 2999), (100, 164), (-64, 64), (2000, 1999)] {
                let want = model.iter().filter(|&&n| from <= n && n <= to).count() as u32;
                prop_assert_eq!(set.count(day(from), day(to)), want);
            }
        }
    }
}
