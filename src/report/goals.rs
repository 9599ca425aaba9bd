//! The goals part of a review: what is open, overdue, due soon, and what
//! was done in the period. An overdue goal is a due item (said once a week
//! by `--due`), and so is one due within [`TURNING_DUE_DAYS`] (said once).

use chrono::{Days, NaiveDate};
use serde::Serialize;

use super::{Due, Remind};
use crate::dates::{Period, iso};
use crate::model::{Goal, Standing};

/// A goal due within this many days of the as-of date is a due item.
pub(crate) const TURNING_DUE_DAYS: u64 = 3;

/// Goals as a review shows them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub(crate) struct GoalsSummary {
    /// How many goals were open on the as-of date.
    pub(crate) open: usize,
    pub(crate) due_soon: Vec<GoalLine>,
    pub(crate) overdue: Vec<GoalLine>,
    pub(crate) done_in_period: Vec<GoalLine>,
}

/// One goal in a review.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub(crate) struct GoalLine {
    pub(crate) id: String,
    pub(crate) title: String,
    pub(crate) owner: String,
    pub(crate) due: Option<NaiveDate>,
    pub(crate) closed: Option<NaiveDate>,
}

impl GoalLine {
    fn of(goal: &Goal) -> Self {
        Self {
            id: goal.id.clone(),
            title: goal.title.clone(),
            owner: goal.owner.clone(),
            due: goal.due,
            closed: goal.closed,
        }
    }
}

/// Sums up `goals` as they stood on `as_of`, and what of them is due.
pub(crate) fn summarize(
    goals: &[Goal],
    as_of: NaiveDate,
    range: Period,
) -> (GoalsSummary, Vec<Due>) {
    let standing = Standing::of(goals, as_of, range);
    let lines = |list: &[&Goal]| list.iter().map(|g| GoalLine::of(g)).collect::<Vec<_>>();
    let summary = GoalsSummary {
        open: standing.open.len(),
        due_soon: lines(&standing.due_soon),
        overdue: lines(&standing.overdue),
        done_in_period: lines(&standing.done_in_period),
    };
    let mut due = Vec::new();
    for goal in &summary.overdue {
        due.push(Due {
            what: "goal".into(),
            message: format!(
                "goal: {:?} was due {}",
                goal.title,
                goal.due.map(iso).unwrap_or_default()
            ),
            remind: Remind::Weekly(format!("goal-overdue {}", goal.id)),
        });
    }
    let turning = as_of.checked_add_days(Days::new(TURNING_DUE_DAYS));
    for goal in &summary.due_soon {
        let Some(day) = goal.due.filter(|d| turning.is_none_or(|t| *d <= t)) else {
            continue;
        };
        let when = if day == as_of {
            "today".to_string()
        } else {
            iso(day)
        };
        due.push(Due {
            what: "goal".into(),
            message: format!("goal: {:?} is due {when}", goal.title),
            remind: Remind::Once(format!("goal-soon {} {}", goal.id, iso(day))),
        });
    }
    (summary, due)
}
