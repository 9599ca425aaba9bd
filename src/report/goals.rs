//! The goals part of a review: what is open, overdue, due soon, and what
//! was done in the period; overdue and due-soon goals are due items.

use chrono::NaiveDate;
use serde::Serialize;

use super::Due;
use crate::dates::{Period, iso};
use crate::model::{Goal, Standing};

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
        });
    }
    for goal in &summary.due_soon {
        let when = match goal.due {
            Some(day) if day == as_of => "today".to_string(),
            Some(day) => iso(day),
            None => String::new(),
        };
        due.push(Due {
            what: "goal".into(),
            message: format!("goal: {:?} is due {when}", goal.title),
        });
    }
    (summary, due)
}
