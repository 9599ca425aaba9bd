//! Output: text for people, CSV and JSON for programs, colour only where a
//! person will see it. stdout carries data only.

use std::io::{self, BufWriter, Write};

pub(crate) mod charts;
pub(crate) mod csv;
pub(crate) mod html;
pub(crate) mod journal;
pub(crate) mod pager;
mod shown;
pub(crate) mod xlsx;

pub(crate) use shown::{shown, shown_line};

use serde::Serialize;

use self::csv::{Csv, CsvStyle};
use crate::error::{Error, Kind as ErrorKind, Result};
use crate::printer::{self, Warning};

/// Where a record's cells go, one at a time in column order: the one CSV
/// writer ([`Csv`]: text, neutralised or raw) or a spreadsheet's typed row
/// ([`xlsx::Sheet`]: dates as dates, numbers as numbers). A schema table's
/// `encode` says which kind each cell is; the sink decides how it looks.
pub(crate) trait Cells {
    /// A text cell: never a formula, whatever it starts with.
    fn text(&mut self, cell: &str) -> Result<()>;
    fn date(&mut self, date: chrono::NaiveDate) -> Result<()>;
    /// A date, or an empty cell.
    fn optional_date(&mut self, date: Option<chrono::NaiveDate>) -> Result<()>;
    /// A whole number, or an empty cell.
    fn number(&mut self, number: Option<u16>) -> Result<()>;
}

/// Buffered stdout. Every write error goes through [`Error::output`], so a
/// closed pipe ends the run quietly.
pub(crate) struct Out {
    inner: BufWriter<Box<dyn Write>>,
    color: bool,
}

impl Out {
    pub(crate) fn stdout(color: bool) -> Self {
        Self::to(Box::new(io::stdout().lock()), color)
    }

    /// Output to another stream than stdout (a pager's stdin).
    pub(crate) fn to(writer: Box<dyn Write>, color: bool) -> Self {
        Self {
            inner: BufWriter::with_capacity(64 * 1024, writer),
            color,
        }
    }

    pub(crate) fn line(&mut self, text: &str) -> Result<()> {
        self.inner
            .write_all(text.as_bytes())
            .map_err(|e| Error::output(&e))?;
        self.inner.write_all(b"\n").map_err(|e| Error::output(&e))
    }

    pub(crate) fn raw(&mut self, bytes: &[u8]) -> Result<()> {
        self.inner.write_all(bytes).map_err(|e| Error::output(&e))
    }

    /// The buffered stdout itself, for a command that streams its own
    /// format; map its write errors with [`Error::output`].
    pub(crate) fn writer(&mut self) -> &mut dyn Write {
        &mut self.inner
    }

    /// Whether colour is on.
    pub(crate) fn color(&self) -> bool {
        self.color
    }

    /// `text` dimmed, when colour is on.
    pub(crate) fn dim(&self, text: &str) -> String {
        self.paint("2", text)
    }

    /// `text` in bold, when colour is on.
    pub(crate) fn bold(&self, text: &str) -> String {
        self.paint("1", text)
    }

    /// `text` in green, for what was done, when colour is on.
    pub(crate) fn good(&self, text: &str) -> String {
        self.paint("32", text)
    }

    /// `text` in yellow, for things that are due, when colour is on.
    pub(crate) fn warn(&self, text: &str) -> String {
        self.paint("33", text)
    }

    /// `text`, escaped for the terminal (see [`shown()`]), in colour when on.
    fn paint(&self, sgr: &str, text: &str) -> String {
        let text = shown(text);
        if self.color {
            format!("\x1b[{sgr}m{text}\x1b[0m")
        } else {
            text.into_owned()
        }
    }

    /// Writes `rows` as CSV with `header`, through the one CSV writer:
    /// neutralised for a spreadsheet unless `raw`.
    pub(crate) fn csv<const N: usize>(
        &mut self,
        header: [&str; N],
        rows: impl IntoIterator<Item = [String; N]>,
        raw: bool,
    ) -> Result<()> {
        let mut csv = Csv::new(&mut self.inner, CsvStyle::for_user(raw), &Error::output)?;
        csv.row(header)?;
        for row in rows {
            csv.row(row)?;
        }
        csv.finish()
    }

    /// Writes CSV through the one CSV writer, neutralised for a spreadsheet
    /// unless `raw`: `write` gets the writer.
    pub(crate) fn csv_with(
        &mut self,
        raw: bool,
        write: impl FnOnce(&mut Csv<'_>) -> Result<()>,
    ) -> Result<()> {
        let mut csv = Csv::new(&mut self.inner, CsvStyle::for_user(raw), &Error::output)?;
        write(&mut csv)?;
        csv.finish()
    }

    /// Writes `value` as pretty JSON and a newline.
    pub(crate) fn json(&mut self, value: &impl Serialize) -> Result<()> {
        serde_json::to_writer_pretty(&mut self.inner, value).map_err(|e| {
            match e.io_error_kind() {
                Some(kind) => Error::output(&io::Error::from(kind)),
                None => Error::runtime(format!("writing JSON: {e}")),
            }
        })?;
        self.raw(b"\n")
    }

    /// Flushes what is buffered; call once at the end of a command.
    pub(crate) fn finish(mut self) -> Result<()> {
        self.inner.flush().map_err(|e| Error::output(&e))
    }

    /// Ends a command whose write to the data files has succeeded: prints
    /// `line` (unless `None`, for `--quiet`) and flushes, and if stdout
    /// fails now, says on stderr that `what` was recorded and still
    /// succeeds. Failing here would tell a script the write did not happen,
    /// and a retry would record it twice.
    pub(crate) fn finish_recorded(mut self, line: Option<&str>, what: &str) -> Result<()> {
        let written = match line {
            Some(text) => self.line(text),
            None => Ok(()),
        };
        self.settle_recorded(written, what)
    }

    /// Like [`Out::finish_recorded`], after the command wrote to `self`
    /// itself (`written`: how that went).
    pub(crate) fn settle_recorded(self, written: Result<()>, what: &str) -> Result<()> {
        match written.and_then(|()| self.finish()) {
            Err(err) if err.kind == ErrorKind::Runtime => {
                printer::warn(
                    &Warning::new(format!("{}; {what} was recorded", err.message))
                        .with_hint("do not run the command again: that would record it twice"),
                );
                Ok(())
            }
            other => other,
        }
    }
}

/// A row of bars, one per value, scaled to the largest: `▁▃█ ▅`.
pub(crate) fn bars(values: &[u32]) -> String {
    const LEVELS: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];
    let max = values.iter().copied().max().unwrap_or(0);
    values
        .iter()
        .map(|&v| {
            if v == 0 || max == 0 {
                '·'
            } else {
                LEVELS[((u64::from(v) * 7).div_ceil(u64::from(max))) as usize]
            }
        })
        .collect()
}

/// A month as a calendar grid, Monday first, each day showing its value.
pub(crate) fn calendar(first: chrono::NaiveDate, values: &[u32]) -> Vec<String> {
    use chrono::Datelike;
    use std::fmt::Write as _;
    let mut lines = vec![" Mon  Tue  Wed  Thu  Fri  Sat  Sun".to_string()];
    let mut line = "     ".repeat(first.weekday().num_days_from_monday() as usize);
    for (i, value) in values.iter().enumerate() {
        let date = first + chrono::Days::new(i as u64);
        let cell = if *value == 0 {
            "·".to_string()
        } else {
            value.to_string()
        };
        let _ = write!(line, "{cell:>4} ");
        if date.weekday() == chrono::Weekday::Sun {
            lines.push(line.trim_end().to_string());
            line = String::new();
        }
    }
    if !line.trim().is_empty() {
        lines.push(line.trim_end().to_string());
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bars_scale_to_the_largest_value() {
        assert_eq!(bars(&[0, 10, 20, 40]), "·▃▅█");
        assert_eq!(bars(&[0, 0]), "··");
    }

    #[test]
    fn a_calendar_starts_on_the_right_weekday() {
        // November 2026 begins on a Sunday.
        let first = chrono::NaiveDate::from_ymd_opt(2026, 11, 1).unwrap();
        let lines = calendar(first, &[15; 30]);
        assert_eq!(lines[1], format!("{}  15", " ".repeat(30)));
        assert_eq!(lines.len(), 1 + 6);
    }
}
