//! `couple goals review`: the monthly sit-down. On a terminal it walks the
//! open goals with the two of you, asks for new ones, and records the
//! sit-down in the log; anywhere else it prints the agenda and records
//! nothing.

use chrono::NaiveDate;
use dialoguer::console::Term;
use dialoguer::theme::SimpleTheme;
use dialoguer::{Input, Select};

use super::agenda::{self, last_sit_down, since};
use super::timestamp;
use crate::cli::GoalsReviewArgs;
use crate::config::Config;
use crate::dates;
use crate::error::{Error, Result};
use crate::model::{
    Changes, ENTRY_ID_LEN, Entry, GOAL_ID_LEN, Goal, Horizon, Kind, Standing, Status, fresh_id,
    is_us,
};
use crate::printer::{self, Warning};
use crate::render::{Out, shown};
use crate::store::{self, goals::StoredGoal};

pub(super) fn run(args: GoalsReviewArgs, cfg: &Config) -> Result<()> {
    let as_of = dates::past_day_or_today(args.date.as_deref(), cfg.today)?;
    if cfg.interactive {
        sit_down(as_of, cfg)
    } else {
        agenda::print(as_of, cfg)
    }
}

/// What the two of you decided about one open goal.
#[derive(Debug, Default)]
struct Decision {
    id: String,
    status: Option<Status>,
    due: Option<NaiveDate>,
    notes: Vec<String>,
}

/// The sit-down itself, on a terminal. Nothing is written until the end, so
/// Esc, `q` or Ctrl-C leaves every file as it was.
fn sit_down(as_of: NaiveDate, cfg: &Config) -> Result<()> {
    let _asking = crate::term::asking();
    let partner = cfg.partner()?.to_string();
    // The sit-down ends in log.csv: refuse now, before asking anything or
    // changing goals.csv, if that append would be refused.
    store::log::check_appendable(&cfg.dir)?;
    let goals = store::goals::read(&cfg.dir)?;
    let last = last_sit_down(cfg, as_of)?;
    let standing = Standing::of(&goals, as_of, since(last, as_of));
    let term = Term::stderr();
    let theme = SimpleTheme;

    tell(
        &term,
        &format!("Sit-down, {}", as_of.format("%A %-d %B %Y")),
    )?;
    tell(
        &term,
        &match last {
            Some(day) => format!("Last one: {}.", dates::iso(day)),
            None => "Your first one.".to_string(),
        },
    )?;
    for goal in &standing.done_in_period {
        tell(&term, &format!("Done since: {}", goal.title))?;
    }
    let mut decisions = Vec::new();
    let total = standing.open.len();
    for (n, goal) in standing.open.iter().enumerate() {
        decisions.push(decide(&term, &theme, goal, n + 1, total, as_of)?);
    }
    let new_goals = invite(&term, &theme, as_of, cfg)?;

    let now = timestamp(cfg);
    let missing = store::goals::update(&cfg.dir, |goals| {
        let mut missing = 0;
        for decision in &decisions {
            match goals.iter_mut().find(|g| g.record.id == decision.id) {
                Some(stored) => apply(&mut stored.record, decision, as_of, &now),
                None => missing += 1,
            }
        }
        goals.extend(new_goals.iter().cloned().map(StoredGoal::new));
        Ok(missing)
    })?
    .print();
    if missing > 0 {
        printer::warn(&Warning::new(format!(
            "{missing} goal(s) went from goals.csv during the sit-down; what you decided about them was not kept"
        )));
    }

    let entry = Entry {
        id: fresh_id(ENTRY_ID_LEN),
        date: as_of,
        partner,
        kind: Kind::SitDown,
        note: summary(&decisions, new_goals.len()),
        logged_at: now,
        ..Entry::default()
    };
    store::log::append(&cfg.dir, &entry)?.print();
    crate::hooks::entry_written(cfg, &entry);
    tell(&term, &format!("Sit-down recorded: {}.", entry.note))?;
    Out::stdout(cfg.color).finish_recorded(
        (!cfg.quiet).then_some(entry.id.as_str()),
        &format!("the sit-down {}", entry.id),
    )
}

/// Asks what to do with one goal: keep, done, drop, or change it first.
fn decide(
    term: &Term,
    theme: &SimpleTheme,
    goal: &Goal,
    n: usize,
    total: usize,
    as_of: NaiveDate,
) -> Result<Decision> {
    let mut decision = Decision {
        id: goal.id.clone(),
        ..Decision::default()
    };
    tell(term, "")?;
    let mut about = vec![goal.horizon.as_str().to_string()];
    if let Some(due) = goal.due {
        let late = if goal.is_overdue(as_of) {
            ", overdue"
        } else {
            ""
        };
        about.push(format!("due {}{late}", dates::iso(due)));
    }
    if !is_us(&goal.owner) {
        about.push(goal.owner.clone());
    }
    tell(
        term,
        &format!("({n}/{total}) {}  [{}]", goal.title, about.join(", ")),
    )?;
    if !goal.note.is_empty() {
        tell(term, &format!("      {}", goal.note))?;
    }
    loop {
        let changed = decision.due.is_some() || !decision.notes.is_empty();
        let keep = if changed { "that's all" } else { "keep" };
        let choice = Select::with_theme(theme)
            .with_prompt("What now?")
            .items(&[keep, "done", "drop", "new due date", "add a note"])
            .default(0)
            .interact_on_opt(term)
            .map_err(asking)?;
        match choice {
            None => return Err(cancelled()),
            Some(0) => return Ok(decision),
            Some(1) => {
                decision.status = Some(Status::Done);
                return Ok(decision);
            }
            Some(2) => {
                decision.status = Some(Status::Dropped);
                return Ok(decision);
            }
            Some(3) => decision.due = ask_date(term, theme, "New due date", as_of)?,
            Some(_) => {
                let note = ask(term, theme, "Note")?;
                if !note.is_empty() {
                    decision.notes.push(note);
                }
            }
        }
    }
}

/// New goals, until an empty title.
fn invite(term: &Term, theme: &SimpleTheme, as_of: NaiveDate, cfg: &Config) -> Result<Vec<Goal>> {
    tell(term, "")?;
    tell(
        term,
        "New goals: dreams, plans, silly bucket-list ideas. An empty title ends.",
    )?;
    let mut goals = Vec::new();
    loop {
        let title = ask(term, theme, "New goal")?;
        if title.is_empty() {
            return Ok(goals);
        }
        let due = ask_date(term, theme, "Due (empty for none)", as_of)?;
        let suggested = Horizon::for_due(due, as_of);
        let horizon = Select::with_theme(theme)
            .with_prompt("Horizon")
            .items(&Horizon::names().collect::<Vec<_>>())
            .default(
                Horizon::ALL
                    .iter()
                    .position(|&h| h == suggested)
                    .unwrap_or(0),
            )
            .interact_on_opt(term)
            .map_err(asking)?
            .ok_or_else(cancelled)?;
        goals.push(Goal {
            id: fresh_id(GOAL_ID_LEN),
            title,
            horizon: Horizon::ALL[horizon],
            status: Status::Open,
            owner: "us".to_string(),
            due,
            created: as_of,
            closed: None,
            note: String::new(),
            updated_at: timestamp(cfg),
            changed: Changes::default(),
        });
    }
}

/// Applies a decision; `updated_at` changes only when the goal did.
fn apply(goal: &mut Goal, decision: &Decision, as_of: NaiveDate, now: &str) {
    let before = goal.clone();
    if let Some(status) = decision.status {
        goal.status = status;
        goal.closed = Some(as_of);
    }
    if decision.due.is_some() {
        goal.due = decision.due;
    }
    for note in &decision.notes {
        if goal.note.is_empty() {
            goal.note.clone_from(note);
        } else {
            goal.note = format!("{}; {note}", goal.note);
        }
    }
    if *goal != before {
        goal.updated_at = now.to_string();
    }
}

/// The sit-down's note in the log: "2 done, 1 new, 3 kept".
fn summary(decisions: &[Decision], new: usize) -> String {
    let count = |status| decisions.iter().filter(|d| d.status == status).count();
    let rescheduled = decisions
        .iter()
        .filter(|d| d.status.is_none() && d.due.is_some())
        .count();
    let parts = [
        (count(Some(Status::Done)), "done"),
        (count(Some(Status::Dropped)), "dropped"),
        (rescheduled, "rescheduled"),
        (new, "new"),
        (count(None), "kept"),
    ];
    let said: Vec<String> = parts
        .iter()
        .filter(|(n, _)| *n > 0)
        .map(|(n, what)| format!("{n} {what}"))
        .collect();
    if said.is_empty() {
        "no goals yet".to_string()
    } else {
        said.join(", ")
    }
}

/// A line of text, trimmed; empty is allowed.
fn ask(term: &Term, theme: &SimpleTheme, prompt: &str) -> Result<String> {
    let text: String = Input::with_theme(theme)
        .with_prompt(prompt)
        .allow_empty(true)
        .interact_text_on(term)
        .map_err(asking)?;
    Ok(text.trim().to_string())
}

/// A date (ISO or a phrase, read from `as_of`), asked again until it reads;
/// empty is none.
fn ask_date(
    term: &Term,
    theme: &SimpleTheme,
    prompt: &str,
    as_of: NaiveDate,
) -> Result<Option<NaiveDate>> {
    let text: String = Input::with_theme(theme)
        .with_prompt(prompt)
        .allow_empty(true)
        .validate_with(|text: &String| -> std::result::Result<(), String> {
            if text.trim().is_empty() {
                return Ok(());
            }
            dates::parse_user_date(text, as_of)
                .map(|_| ())
                .map_err(|e| format!("{e}: write YYYY-MM-DD or a phrase like next friday"))
        })
        .interact_text_on(term)
        .map_err(asking)?;
    if text.trim().is_empty() {
        return Ok(None);
    }
    dates::parse_user_date(&text, as_of).map(Some)
}

/// A line for the people at the terminal (titles and notes escaped).
fn tell(term: &Term, text: &str) -> Result<()> {
    term.write_line(&shown(text)).map_err(|e| asking(e.into()))
}

fn asking(err: dialoguer::Error) -> Error {
    crate::term::asking_failed(err, "nothing was written")
}

fn cancelled() -> Error {
    Error::runtime("the sit-down was cancelled: nothing was written")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> NaiveDate {
        dates::parse_iso(text.as_bytes()).unwrap()
    }

    #[test]
    fn the_summary_counts_what_was_decided() {
        let decision = |status, due: Option<&str>| Decision {
            id: "x".into(),
            status,
            due: due.map(day),
            notes: Vec::new(),
        };
        let decisions = [
            decision(Some(Status::Done), None),
            decision(Some(Status::Done), None),
            decision(None, Some("2026-12-01")),
            decision(None, None),
        ];
        assert_eq!(
            summary(&decisions, 1),
            "2 done, 1 rescheduled, 1 new, 2 kept"
        );
        assert_eq!(summary(&[], 0), "no goals yet");
        assert_eq!(summary(&[], 2), "2 new");
    }

    #[test]
    fn a_decision_changes_updated_at_only_when_it_changes_the_goal() {
        let mut goal = Goal {
            id: "g".into(),
            title: "Tango".into(),
            horizon: Horizon::Year,
            status: Status::Open,
            owner: "us".into(),
            due: None,
            created: day("2026-01-01"),
            closed: None,
            note: "Thursdays".into(),
            updated_at: "before".into(),
            changed: Changes::default(),
        };
        let keep = Decision {
            id: "g".into(),
            ..Decision::default()
        };
        apply(&mut goal, &keep, day("2026-11-25"), "now");
        assert_eq!(goal.updated_at, "before");
        let done = Decision {
            id: "g".into(),
            status: Some(Status::Done),
            notes: vec!["at last".into()],
            ..Decision::default()
        };
        apply(&mut goal, &done, day("2026-11-25"), "now");
        assert_eq!(goal.status, Status::Done);
        assert_eq!(goal.closed, Some(day("2026-11-25")));
        assert_eq!(goal.note, "Thursdays; at last");
        assert_eq!(goal.updated_at, "now");
    }
}
