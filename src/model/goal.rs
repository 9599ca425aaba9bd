//! A shared goal, dream or bucket-list idea, and the pure rules about
//! goals: the order they are listed in, which are overdue or due soon, and
//! finding one by a prefix of its id.

use std::cmp::Ordering;

use chrono::{Days, Months, NaiveDate};
use serde::Serialize;

use crate::dates::Period;

pub(crate) mod merge;

/// An open goal due within this many days of the as-of date is due soon.
pub(crate) const DUE_SOON_DAYS: u64 = 7;

/// One row of goals.csv (its columns: `store::goals`'s table). As JSON,
/// the file's columns with empty cells as null.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub(crate) struct Goal {
    pub(crate) id: String,
    pub(crate) title: String,
    pub(crate) horizon: Horizon,
    pub(crate) status: Status,
    /// `us`, or the name of the partner it belongs to.
    pub(crate) owner: String,
    pub(crate) due: Option<NaiveDate>,
    pub(crate) created: NaiveDate,
    pub(crate) closed: Option<NaiveDate>,
    #[serde(serialize_with = "super::empty_as_null")]
    pub(crate) note: String,
    #[serde(serialize_with = "super::empty_as_null")]
    pub(crate) updated_at: String,
    /// When each field last changed, for merging two machines' versions
    /// field by field (see [`merge`]). As JSON, the cell (null when empty).
    pub(crate) changed: merge::Changes,
}

impl Goal {
    /// Open and past its due date as of `today`.
    pub(crate) fn is_overdue(&self, today: NaiveDate) -> bool {
        self.status == Status::Open && self.due.is_some_and(|due| due < today)
    }

    /// Whether the goal was open on `day`: added by then, and not closed
    /// by then (a done or dropped goal without a `closed` day counts as
    /// closed all along).
    pub(crate) fn was_open_on(&self, day: NaiveDate) -> bool {
        self.created <= day
            && match self.status {
                Status::Open => true,
                Status::Done | Status::Dropped => self.closed.is_some_and(|closed| closed > day),
            }
    }

    /// Open and due on `today` or within [`DUE_SOON_DAYS`] after it.
    pub(crate) fn is_due_soon(&self, today: NaiveDate) -> bool {
        let horizon = today + Days::new(DUE_SOON_DAYS);
        self.status == Status::Open && self.due.is_some_and(|due| today <= due && due <= horizon)
    }
}

/// The order goals are listed in as of `today`: overdue first, then by due
/// date, then the undated ones; ties by creation, then by id.
pub(crate) fn list_order(a: &Goal, b: &Goal, today: NaiveDate) -> Ordering {
    let key = |g: &Goal| (!g.is_overdue(today), g.due.is_none(), g.due, g.created);
    key(a).cmp(&key(b)).then_with(|| a.id.cmp(&b.id))
}

/// Where the goals stand on an as-of date: what a sit-down or a review shows.
#[derive(Debug, Serialize)]
pub(crate) struct Standing<'g> {
    /// Every open goal, in list order.
    pub(crate) open: Vec<&'g Goal>,
    /// Open goals past their due date.
    pub(crate) overdue: Vec<&'g Goal>,
    /// Open goals due on the as-of date or within [`DUE_SOON_DAYS`] after it.
    pub(crate) due_soon: Vec<&'g Goal>,
    /// Goals marked done on a day of the period, by the day they were done.
    pub(crate) done_in_period: Vec<&'g Goal>,
}

impl<'g> Standing<'g> {
    /// Sorts `goals` out as they stood on `as_of`: a goal done since then
    /// was still open that day, and one added since did not exist yet.
    /// `period` bounds `done_in_period`.
    pub(crate) fn of(goals: &'g [Goal], as_of: NaiveDate, period: Period) -> Self {
        let mut open: Vec<&Goal> = goals.iter().filter(|g| g.was_open_on(as_of)).collect();
        open.sort_by_key(|g| {
            (
                g.due.is_none_or(|due| due >= as_of),
                g.due.is_none(),
                g.due,
                g.created,
                &g.id,
            )
        });
        let mut done_in_period: Vec<&Goal> = goals
            .iter()
            .filter(|g| g.status == Status::Done && g.closed.is_some_and(|d| period.contains(d)))
            .collect();
        done_in_period.sort_by(|a, b| (a.closed, &a.id).cmp(&(b.closed, &b.id)));
        let soon = as_of + Days::new(DUE_SOON_DAYS);
        Self {
            overdue: open
                .iter()
                .copied()
                .filter(|g| g.due.is_some_and(|due| due < as_of))
                .collect(),
            due_soon: open
                .iter()
                .copied()
                .filter(|g| g.due.is_some_and(|due| as_of <= due && due <= soon))
                .collect(),
            open,
            done_in_period,
        }
    }

    /// The open goals neither overdue nor due soon, in list order.
    pub(crate) fn later(&self) -> impl Iterator<Item = &'g Goal> {
        self.open.iter().copied().filter(|g| {
            !self.overdue.iter().any(|o| o.id == g.id)
                && !self.due_soon.iter().any(|s| s.id == g.id)
        })
    }
}

super::vocab::vocabulary! {
    /// How far away a goal is.
    enum Horizon ("horizon", "horizons") {
        Month => "month", "within a month";
        Year => "year", "within a year";
        Someday => "someday", "some day";
    }
}

impl Horizon {
    /// The horizon a goal due on `due` has, seen from `today`: a month or
    /// less away is `month`, a year or less `year`, else (or undated) `someday`.
    pub(crate) fn for_due(due: Option<NaiveDate>, today: NaiveDate) -> Horizon {
        match due {
            Some(due)
                if today
                    .checked_add_months(Months::new(1))
                    .is_some_and(|d| due <= d) =>
            {
                Horizon::Month
            }
            Some(due)
                if today
                    .checked_add_months(Months::new(12))
                    .is_some_and(|d| due <= d) =>
            {
                Horizon::Year
            }
            _ => Horizon::Someday,
        }
    }
}

super::vocab::vocabulary! {
    /// Where a goal stands.
    enum Status ("status", "statuses") {
        Open => "open", "still to do";
        Done => "done", "done";
        Dropped => "dropped", "no longer wanted";
    }
}

#[cfg(test)]
mod tests;
