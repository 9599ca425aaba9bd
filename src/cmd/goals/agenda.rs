//! The sit-down's agenda, for when nobody is at a terminal (cron, a pipe,
//! `--no-input`): overdue goals, goals due soon, the rest, the last
//! sit-down and what was done since. It reads, and writes nothing.

use chrono::{Days, Months, NaiveDate};

use crate::config::Config;
use crate::dates::{self, Period};
use crate::error::Result;
use crate::model::{Goal, Kind, Standing, is_us};
use crate::printer;
use crate::render::{Out, shown};
use crate::store;

/// The day of the latest sit-down on or before `as_of`, by either partner.
pub(super) fn last_sit_down(cfg: &Config, as_of: NaiveDate) -> Result<Option<NaiveDate>> {
    let mut last = None;
    store::log::for_each(&cfg.dir, |entry| {
        if entry.kind == Kind::SitDown && entry.date <= as_of {
            last = last.max(Some(entry.date));
        }
        Ok(())
    })?;
    Ok(last)
}

/// The days "done since the last sit-down" covers: from the day after it,
/// or (before the first one) the month up to `as_of`.
pub(super) fn since(last: Option<NaiveDate>, as_of: NaiveDate) -> Period {
    let before = last
        .or_else(|| as_of.checked_sub_months(Months::new(1)))
        .unwrap_or(as_of);
    Period {
        from: before + Days::new(1),
        to: as_of,
    }
}

/// Prints the agenda, for cron and pipes; writes nothing anywhere.
pub(super) fn print(as_of: NaiveDate, cfg: &Config) -> Result<()> {
    let goals = store::goals::read(&cfg.dir)?;
    let last = last_sit_down(cfg, as_of)?;
    let period = since(last, as_of);
    let standing = Standing::of(&goals, as_of, period);

    let mut out = Out::stdout(cfg.color);
    let title = out.bold(&format!(
        "Sit-down agenda, {}",
        as_of.format("%A %-d %B %Y")
    ));
    out.line(&title)?;
    out.line(&match last {
        Some(day) => format!(
            "Last sit-down: {} ({})",
            dates::iso(day),
            days_ago((as_of - day).num_days())
        ),
        None => "Last sit-down: none yet".to_string(),
    })?;
    let later: Vec<&Goal> = standing.later().collect();
    let rest = if later.len() == standing.open.len() {
        "Open"
    } else {
        "Also open"
    };
    section(&mut out, "Overdue", &standing.overdue, due_detail)?;
    section(
        &mut out,
        "Due within 7 days",
        &standing.due_soon,
        due_detail,
    )?;
    section(&mut out, rest, &later, due_detail)?;
    let done = match last {
        Some(day) => format!("Done since {}", dates::iso(day)),
        None => "Done in the last month".to_string(),
    };
    section(&mut out, &done, &standing.done_in_period, |g| {
        g.closed
            .map_or_else(String::new, |d| format!("done {}", dates::iso(d)))
    })?;
    if standing.open.is_empty() {
        out.line("")?;
        out.line("No open goals: bring a dream or two, or a silly bucket-list idea.")?;
    }
    out.finish()?;
    if !cfg.quiet {
        printer::hint(
            "on a terminal, `couple goals review` walks through them and records the sit-down",
        );
    }
    Ok(())
}

/// One heading and its goals, or nothing when there are none.
fn section(
    out: &mut Out,
    heading: &str,
    goals: &[&Goal],
    detail: impl Fn(&Goal) -> String,
) -> Result<()> {
    if goals.is_empty() {
        return Ok(());
    }
    out.line("")?;
    let heading = out.bold(&format!("{heading}:"));
    out.line(&heading)?;
    for goal in goals {
        let mut details: Vec<String> = Some(detail(goal))
            .filter(|d| !d.is_empty())
            .into_iter()
            .collect();
        if !is_us(&goal.owner) {
            details.push(goal.owner.clone());
        }
        let details = if details.is_empty() {
            String::new()
        } else {
            out.dim(&format!("  ({})", details.join(", ")))
        };
        let goal_line = format!("  {}  {}", goal.id, goal.title);
        out.line(&format!("{}{details}", shown(&goal_line)))?;
        if !goal.note.is_empty() {
            out.line(&format!("            {}", out.dim(&goal.note)))?;
        }
    }
    Ok(())
}

fn due_detail(goal: &Goal) -> String {
    match goal.due {
        Some(due) => format!("due {}", dates::iso(due)),
        None => goal.horizon.as_str().to_string(),
    }
}

fn days_ago(days: i64) -> String {
    match days {
        0 => "today".to_string(),
        1 => "yesterday".to_string(),
        n => format!("{n} days ago"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> NaiveDate {
        dates::parse_iso(text.as_bytes()).unwrap()
    }

    #[test]
    fn done_since_runs_from_the_day_after_the_last_sit_down() {
        let period = since(Some(day("2026-10-28")), day("2026-11-25"));
        assert_eq!(
            (period.from, period.to),
            (day("2026-10-29"), day("2026-11-25"))
        );
        let first = since(None, day("2026-11-25"));
        assert_eq!(
            (first.from, first.to),
            (day("2026-10-26"), day("2026-11-25"))
        );
    }
}
