//! `couple history` as text for people: a day's heading, its questions
//! with the answers under them, then its notes, each with its author. What
//! people wrote goes through [`shown`], so a note cannot move the cursor or
//! recolour the screen.

use std::borrow::Cow;
use std::io::Write;

use super::{Out, shown};
use crate::error::{Error, Result};
use crate::report::history::{Day, Row};

/// Writes one day; `first` leaves out the blank line before it.
pub(crate) fn day(out: &mut Out, day: &Day, first: bool) -> Result<()> {
    let heading = day.date.format("%a %-d %b %Y").to_string();
    let heading = out.bold(&heading);
    let w = out.writer();
    if !first {
        w.write_all(b"\n").map_err(|e| Error::output(&e))?;
    }
    writeln!(w, "{heading}").map_err(|e| Error::output(&e))?;
    for question in &day.questions {
        let text = question
            .text
            .as_deref()
            .map_or(Cow::Borrowed("(a question not in the deck)"), |t| shown(t));
        let id = shown(&question.prompt);
        let id = out.dim(&format!("[{id}]"));
        writeln!(out.writer(), "  {text}  {id}").map_err(|e| Error::output(&e))?;
        for answer in &question.answers {
            let who = shown(&answer.partner);
            let when = if answer.date == day.date {
                String::new()
            } else {
                answer.date.format(", %a %-d %b").to_string()
            };
            let w = out.writer();
            if answer.hidden {
                writeln!(
                    w,
                    "    {who}{when} answered: answer it to see theirs (couple log answer --prompt {})",
                    shown(&question.prompt)
                )
            } else {
                write!(w, "    {who}{when}: ")
                    .and_then(|()| note(w, answer.note.as_deref().unwrap_or("")))
            }
            .map_err(|e| Error::output(&e))?;
        }
    }
    for row in &day.notes {
        note_line(out.writer(), row).map_err(|e| Error::output(&e))?;
    }
    Ok(())
}

/// `  sam, talk 15 min: about the move`.
fn note_line(w: &mut dyn Write, row: &Row) -> std::io::Result<()> {
    write!(w, "  {}, {}", shown(&row.partner), row.kind)?;
    if let Some(minutes) = row.minutes {
        write!(w, " {minutes} min")?;
    }
    if let Some(mood) = row.mood {
        write!(w, " mood {mood}/5")?;
    }
    match row.note.as_deref() {
        Some(text) => {
            w.write_all(b": ")?;
            note(w, text)
        }
        None => w.write_all(b"\n"),
    }
}

/// A note and its line end; its own line breaks are kept, indented.
fn note(w: &mut dyn Write, text: &str) -> std::io::Result<()> {
    let mut lines = text.split('\n');
    if let Some(line) = lines.next() {
        w.write_all(shown(line.strip_suffix('\r').unwrap_or(line)).as_bytes())?;
    }
    for line in lines {
        w.write_all(b"\n      ")?;
        w.write_all(shown(line.strip_suffix('\r').unwrap_or(line)).as_bytes())?;
    }
    w.write_all(b"\n")
}
