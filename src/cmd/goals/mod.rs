//! `couple goals`: shared goals, dreams and bucket-list ideas — add, list,
//! finish, drop, reopen and edit them by id or unique prefix — and, in
//! `review`, the monthly sit-down.

mod agenda;
mod review;

use chrono::SecondsFormat;
use comfy_table::{Attribute, Cell, Color, ContentArrangement, Table, TableComponent, presets};

use crate::cli::{
    GoalIdArgs, GoalsAddArgs, GoalsArgs, GoalsCommand, GoalsEditArgs, GoalsFormat, GoalsListArgs,
    StatusFilter,
};
use crate::config::Config;
use crate::dates;
use crate::error::{Error, Result};
use crate::model::lookup::{By, Lookup};
use crate::model::{
    Changes, GOAL_ID_LEN, Goal, Horizon, Status, fresh_id, is_us, list_order, same_partner,
};
use crate::printer::say;
use crate::render::{Out, shown};
use crate::store::{self, goals::StoredGoal, schema};

pub(crate) fn run(args: GoalsArgs, cfg: &Config) -> Result<()> {
    match args.command {
        None => list(args.list, cfg),
        Some(GoalsCommand::List(args)) => list(args, cfg),
        Some(GoalsCommand::Add(args)) => add(args, cfg),
        Some(GoalsCommand::Done(args)) => set_status(&args, Status::Done, cfg),
        Some(GoalsCommand::Drop(args)) => set_status(&args, Status::Dropped, cfg),
        Some(GoalsCommand::Reopen(args)) => {
            set_status(&GoalIdArgs { id: args.id }, Status::Open, cfg)
        }
        Some(GoalsCommand::Edit(args)) => edit(args, cfg),
        Some(GoalsCommand::Review(args)) => review::run(args, cfg),
    }
}

fn add(args: GoalsAddArgs, cfg: &Config) -> Result<()> {
    let title = title(&args.title.join(" "))?;
    let due = args
        .due
        .as_deref()
        .map(|text| dates::parse_user_date(text, cfg.today))
        .transpose()?;
    let mut goal = Goal {
        id: String::new(),
        title,
        horizon: args
            .horizon
            .unwrap_or_else(|| Horizon::for_due(due, cfg.today)),
        status: Status::Open,
        owner: owner(&args.owner, cfg)?,
        due,
        created: cfg.today,
        closed: None,
        note: args.note.map(|n| n.trim().to_string()).unwrap_or_default(),
        updated_at: timestamp(cfg),
        changed: Changes::default(),
    };
    let id = store::goals::update(&cfg.dir, |goals| {
        let mut id = fresh_id(GOAL_ID_LEN);
        // 40 bits make a clash all but impossible; all but is not never.
        while goals.iter().any(|g| g.record.id.eq_ignore_ascii_case(&id)) {
            id = fresh_id(GOAL_ID_LEN);
        }
        goal.id.clone_from(&id);
        goal.owner = spelled_as_before(goals, &goal.owner);
        goals.push(StoredGoal::new(goal.clone()));
        Ok(id)
    })?
    .print();
    crate::hooks::goal_written(cfg, &goal);
    Out::stdout(cfg.color).finish_recorded(
        (!cfg.quiet).then_some(id.as_str()),
        &format!("the goal {id}"),
    )
}

fn list(args: GoalsListArgs, cfg: &Config) -> Result<()> {
    let mut goals = store::goals::read(&cfg.dir)?;
    goals.retain(|g| args.status.keeps(g.status) && args.horizon.is_none_or(|h| g.horizon == h));
    goals.sort_by(|a, b| list_order(a, b, cfg.today));

    let mut out = Out::stdout(cfg.color);
    match args.format {
        GoalsFormat::Table if goals.is_empty() => {
            if !cfg.quiet && args.status == StatusFilter::Open && args.horizon.is_none() {
                say("no open goals yet; add one with: couple goals add \"a dream of yours\"");
            }
        }
        GoalsFormat::Table => out.line(&table(&goals, cfg))?,
        GoalsFormat::Csv => out.csv_with(args.raw, |csv| schema::write_all(csv, &goals))?,
        GoalsFormat::Json => out.json(&goals)?,
    }
    out.finish()
}

/// The goals as a table for people: id, title, horizon, due (overdue
/// marked), owner, status.
fn table(goals: &[Goal], cfg: &Config) -> String {
    let mut table = Table::new();
    // Columns apart by two spaces and nothing else, like `ls -l` or `git branch -v`.
    table
        .load_preset(presets::NOTHING)
        .remove_style(TableComponent::LeftBorder)
        .remove_style(TableComponent::RightBorder);
    if cfg.color {
        table.enforce_styling();
    } else {
        table.force_no_tty();
    }
    if cfg.stdout_is_terminal {
        table.set_content_arrangement(ContentArrangement::Dynamic);
    }
    let head = |name: &str| {
        let cell = Cell::new(name);
        if cfg.color {
            cell.add_attribute(Attribute::Bold)
        } else {
            cell
        }
    };
    table.set_header(["id", "title", "horizon", "due", "owner", "status"].map(head));
    for goal in goals {
        let due = goal.due.map(dates::iso).unwrap_or_default();
        let due = if goal.is_overdue(cfg.today) {
            let cell = Cell::new(format!("{due} (overdue)"));
            if cfg.color { cell.fg(Color::Red) } else { cell }
        } else if goal.is_due_soon(cfg.today) && cfg.color {
            Cell::new(due).fg(Color::Yellow)
        } else {
            Cell::new(due)
        };
        table.add_row([
            Cell::new(shown(&goal.id)),
            Cell::new(shown(&goal.title)),
            Cell::new(goal.horizon.as_str()),
            due,
            Cell::new(shown(&goal.owner)),
            Cell::new(goal.status.as_str()),
        ]);
    }
    for column in table.column_iter_mut() {
        column.set_padding((0, 2));
    }
    table.trim_fmt()
}

/// `done`, `drop` and `reopen`: set the status, and set or clear `closed`.
fn set_status(args: &GoalIdArgs, status: Status, cfg: &Config) -> Result<()> {
    let now = timestamp(cfg);
    let (goal, changed) = store::goals::update(&cfg.dir, |goals| {
        let at = find(goals, &args.id)?;
        let goal = &mut goals[at].record;
        if goal.status == status {
            return Ok((goal.clone(), false));
        }
        goal.status = status;
        goal.closed = (status != Status::Open).then_some(cfg.today);
        goal.updated_at.clone_from(&now);
        Ok((goal.clone(), true))
    })?
    .print();
    if changed {
        crate::hooks::goal_written(cfg, &goal);
    }
    if !cfg.quiet {
        if changed {
            let done = match status {
                Status::Open => "reopened",
                Status::Done => "done",
                Status::Dropped => "dropped",
            };
            say(format!("{done}: {}  {}", goal.id, goal.title));
        } else {
            say(format!(
                "{} is already {}: nothing changed",
                goal.id,
                status.as_str()
            ));
        }
    }
    Ok(())
}

fn edit(args: GoalsEditArgs, cfg: &Config) -> Result<()> {
    let new_title = args.title.as_deref().map(title).transpose()?;
    let new_due = if args.no_due {
        Some(None)
    } else {
        let due = args.due.as_deref();
        due.map(|text| dates::parse_user_date(text, cfg.today).map(Some))
            .transpose()?
    };
    let new_owner = args.owner.as_deref().map(|o| owner(o, cfg)).transpose()?;
    let new_note = args.note.map(|n| n.trim().to_string());
    if new_title.is_none()
        && args.horizon.is_none()
        && new_due.is_none()
        && new_owner.is_none()
        && new_note.is_none()
    {
        return Err(Error::usage("nothing to change")
            .with_hint("give --title, --horizon, --due, --no-due, --owner or --note"));
    }
    let now = timestamp(cfg);
    let (goal, changed) = store::goals::update(&cfg.dir, |goals| {
        let at = find(goals, &args.id)?;
        let new_owner = new_owner.as_deref().map(|o| spelled_as_before(goals, o));
        let goal = &mut goals[at].record;
        let before = goal.clone();
        if let Some(title) = &new_title {
            goal.title.clone_from(title);
        }
        if let Some(h) = args.horizon {
            goal.horizon = h;
        }
        if let Some(due) = new_due {
            goal.due = due;
        }
        if let Some(owner) = new_owner {
            goal.owner = owner;
        }
        if let Some(note) = &new_note {
            goal.note.clone_from(note);
        }
        let changed = *goal != before;
        if changed {
            goal.updated_at.clone_from(&now);
        }
        Ok((goal.clone(), changed))
    })?
    .print();
    if changed {
        crate::hooks::goal_written(cfg, &goal);
    }
    if !cfg.quiet {
        if changed {
            say(format!("edited: {}  {}", goal.id, goal.title));
        } else {
            say(format!("{} already reads so: nothing changed", goal.id));
        }
    }
    Ok(())
}

/// The goal `input` names, by its id or a unique prefix of it.
fn find(goals: &[StoredGoal], input: &str) -> Result<usize> {
    const GOAL_IDS: Lookup<'static> = Lookup {
        what: "goal",
        plural: "goals",
        by: By::Id {
            listed_by: "couple goals list --status all",
        },
    };
    let ids: Vec<&str> = goals.iter().map(|g| g.record.id.as_str()).collect();
    GOAL_IDS.pick(&ids, input, |i| {
        format!("{} ({})", goals[i].record.id, goals[i].record.title)
    })
}

/// A title as typed, trimmed; an empty one is refused.
fn title(text: &str) -> Result<String> {
    let text = text.trim();
    if text.is_empty() {
        return Err(Error::usage("a goal needs a title").with_hint(
            "say what you want to do, see or become: couple goals add \"Learn to tango\"",
        ));
    }
    Ok(text.to_string())
}

/// An owner as typed: `us`, `me` (the caller), or a partner's name.
fn owner(text: &str, cfg: &Config) -> Result<String> {
    let text = text.trim();
    if text.is_empty() {
        return Err(Error::usage("an owner cannot be empty")
            .with_hint("use us for both of you, me, or a partner's name"));
    }
    crate::config::check_name(text, "--owner")?;
    Ok(if is_us(text) {
        "us".to_string()
    } else if text.eq_ignore_ascii_case("me") {
        cfg.partner()?.to_string()
    } else {
        text.to_string()
    })
}

/// `owner` as the goals already spell them (`Alex` is the `alex` of an
/// earlier goal): one partner, one name, as first written.
fn spelled_as_before(goals: &[StoredGoal], owner: &str) -> String {
    goals
        .iter()
        .map(|g| g.record.owner.trim())
        .find(|before| same_partner(before, owner))
        .unwrap_or(owner)
        .to_string()
}

/// This run's moment as `updated_at` holds it: RFC 3339, milliseconds, offset.
pub(super) fn timestamp(cfg: &Config) -> String {
    cfg.now().to_rfc3339_opts(SecondsFormat::Millis, false)
}
