//! The review as people read it: a table per section, the charts, and
//! what the partner wrote.

use comfy_table::{Cell, Table, presets};

use crate::dates;
use crate::error::Result;
use crate::guide::steps::SEPARATOR;
use crate::render::{Out, shown, shown_line};
use crate::report::Review;
use crate::report::partner::{self, FromPartner};

/// The review on a terminal or in a pipe: tables, the charts, and what
/// the partner wrote.
pub(super) fn render(
    out: &mut Out,
    review: &Review,
    extra: &FromPartner,
    terminal: bool,
) -> Result<()> {
    let title = format!(
        "{} to {} (as of {})",
        review.from.format("%a %-d %b %Y"),
        review.to.format("%a %-d %b %Y"),
        review.as_of.format("%a %-d %b")
    );
    out.line(&out.bold(&title))?;
    out.line("")?;

    let mut rituals = new_table(["ritual", "target", "done", "minutes", "streak"]);
    for r in &review.rituals {
        rituals.add_row(vec![
            Cell::new(if r.paused {
                format!("{} (paused)", r.ritual)
            } else {
                r.ritual.clone()
            }),
            Cell::new(r.cadence()),
            Cell::new(format!("{}/{}", r.done, r.target)),
            Cell::new(r.minutes),
            Cell::new(r.streak_text()),
        ]);
    }
    out.line(&rituals.to_string())?;
    render_pauses(out, review)?;
    out.line("")?;

    let mut partners = new_table([
        "partner",
        "care",
        "appreciation",
        "repair",
        "affection",
        "answers",
        "check-ins",
        "mood",
    ]);
    for p in &review.partners {
        partners.add_row(vec![
            Cell::new(shown_line(&p.partner)),
            Cell::new(p.care),
            Cell::new(p.appreciation),
            Cell::new(p.repair),
            Cell::new(p.affection),
            Cell::new(p.answers),
            Cell::new(p.checkins),
            Cell::new(
                p.mood
                    .map_or_else(|| "—".to_string(), |m| format!("{m:.1}")),
            ),
        ]);
    }
    out.line(&partners.to_string())?;

    super::charts::render(out, review)?;

    out.line("")?;
    let last = review
        .last_sit_down
        .map_or_else(|| "never".to_string(), dates::iso);
    out.line(&format!("Last sit-down: {last}"))?;

    render_goals(out, review)?;

    partner_sections(out, review, extra, terminal)?;

    render_state_of_us(out, review)?;

    if !review.due.is_empty() {
        out.line("")?;
        out.line("Due")?;
        for d in &review.due {
            out.line(&format!("  {}", out.warn(&d.message)))?;
        }
    }
    Ok(())
}

/// The answers side by side under their question, on this day, and (on a
/// terminal only: not in a cron mail) the notes from the partner.
fn partner_sections(
    out: &mut Out,
    review: &Review,
    extra: &FromPartner,
    terminal: bool,
) -> Result<()> {
    if !review.answers.is_empty() {
        out.line("")?;
        out.line(&format!("Answers of {}", dates::iso(review.as_of)))?;
        let mut prompt = None;
        for a in &review.answers {
            if prompt != Some(&a.prompt) {
                prompt = Some(&a.prompt);
                let question = a
                    .question
                    .as_deref()
                    .unwrap_or("(a question not in the deck)");
                let id = out.dim(&format!("[{}]", shown_line(&a.prompt)));
                out.line(&format!("  {}  {id}", shown_line(question)))?;
            }
            let when = if a.date == review.as_of {
                String::new()
            } else {
                a.date.format(", %a %-d %b").to_string()
            };
            let who = shown_line(&a.partner);
            match &a.text {
                Some(text) => out.line(&format!("    {who}{when}: {}", shown(text)))?,
                None => out.line(&format!(
                    "    {who}{when} answered: answer it to see theirs"
                ))?,
            }
        }
    }
    if !extra.on_this_day.is_empty() {
        out.line("")?;
        for day in &extra.on_this_day {
            out.line(&shown(&partner::on_this_day_line(day)))?;
        }
    }
    if terminal && !extra.notes.is_empty() {
        /// A week of notes reads well; a year's are in `couple history`.
        const SHOWN: usize = 20;
        let mut names: Vec<&str> = extra.notes.iter().map(|n| n.partner.as_str()).collect();
        names.dedup();
        out.line("")?;
        out.line(&format!("From {}", shown_line(&names.join(" and "))))?;
        for n in extra.notes.iter().take(SHOWN) {
            let text = n.text.replace(SEPARATOR, "; ");
            let note = if text.is_empty() {
                String::new()
            } else {
                format!(": {}", shown(&text))
            };
            out.line(&format!(
                "  {}  {}{note}",
                n.date.format("%a %-d %b"),
                n.kind
            ))?;
        }
        if extra.notes.len() > SHOWN {
            out.line(&format!(
                "  … and {} more: couple history --kind appreciation --kind care --kind repair --kind affection",
                extra.notes.len() - SHOWN
            ))?;
        }
    }
    Ok(())
}

/// The partner's latest weekly "state of us", one labelled answer a line.
fn render_state_of_us(out: &mut Out, review: &Review) -> Result<()> {
    for state in &review.state_of_us {
        out.line("")?;
        out.line(&format!(
            "{}'s state of us ({})",
            shown_line(&state.partner),
            dates::iso(state.date)
        ))?;
        for part in state.note.split(SEPARATOR) {
            out.line(&format!("  {}", shown(part)))?;
        }
    }
    Ok(())
}

fn render_pauses(out: &mut Out, review: &Review) -> Result<()> {
    for p in &review.pauses {
        let what = p.what();
        let note = if p.note.is_empty() {
            String::new()
        } else {
            format!(": {}", shown(&p.note))
        };
        out.line(&format!(
            " paused {} to {}, {what}{note}",
            p.from.format("%a %-d %b"),
            p.to.format("%a %-d %b")
        ))?;
    }
    Ok(())
}

fn render_goals(out: &mut Out, review: &Review) -> Result<()> {
    let goals = &review.goals;
    let done = match goals.done_in_period.len() {
        0 => String::new(),
        n => format!(", {n} done in this period"),
    };
    out.line("")?;
    out.line(&format!("Goals: {} open{done}", goals.open))?;
    for (label, list) in [("overdue", &goals.overdue), ("due soon", &goals.due_soon)] {
        for goal in list {
            let due = goal.due.map(dates::iso).unwrap_or_default();
            out.line(&shown(&format!(
                "  {label}: {} ({due}, {})",
                goal.title, goal.id
            )))?;
        }
    }
    Ok(())
}

fn new_table<const N: usize>(header: [&str; N]) -> Table {
    let mut table = Table::new();
    table.load_preset(presets::NOTHING).set_header(header);
    table
}
