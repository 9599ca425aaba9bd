//! The one CSV writer: every CSV couple writes, the data files (raw, in
//! their own line ends and BOM) and everything a user receives (export,
//! `--format csv`: neutralised so a spreadsheet cannot run a cell as a
//! formula, unless `--raw`). Row by row with reused buffers; export's JSON
//! array beside it.

use std::io::{self, Write};

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use crate::error::{Error, Result};

/// How a write error is reported: stdout and a named file say it differently.
pub(crate) type OnError<'a> = &'a dyn Fn(&io::Error) -> Error;

/// How the output is shaped, checked against the flags.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Style {
    pub(crate) json: bool,
    /// CSV cells exactly as stored.
    pub(crate) raw: bool,
    /// CSV with a byte-order mark and CRLF line ends.
    pub(crate) excel: bool,
}

/// Where the rows go.
// One per run, on the stack: boxing the CSV writer would save nothing.
#[allow(clippy::large_enum_variant)]
pub(crate) enum Sink<'w> {
    Csv(Csv<'w>),
    Json(JsonArray<'w>),
}

impl<'w> Sink<'w> {
    /// Starts the output; for CSV, writes `columns` as the header.
    pub(crate) fn open(
        out: &'w mut dyn Write,
        style: Style,
        columns: &[&str],
        on_error: OnError<'w>,
    ) -> Result<Self> {
        if style.json {
            return Ok(Sink::Json(JsonArray {
                out,
                rows: 0,
                on_error,
            }));
        }
        let mut csv = Csv::new(
            out,
            CsvStyle {
                neutralise: !style.raw,
                bom: style.excel,
                crlf: style.excel,
            },
            on_error,
        )?;
        for column in columns {
            csv.text(column)?;
        }
        csv.end_row()?;
        Ok(Sink::Csv(csv))
    }

    /// Ends the output and flushes it.
    pub(crate) fn finish(self) -> Result<()> {
        match self {
            Sink::Csv(csv) => csv.finish(),
            Sink::Json(json) => json.finish(),
        }
    }
}

/// CSV, one field at a time, quoted as RFC 4180 asks: a field holding a
/// comma, a quote or a line break is wrapped in quotes, its quotes doubled.
/// Written by hand rather than through `csv::Writer`: on a million rows the
/// general writer's per-field state machine was a fifth of the run.
pub(crate) struct Csv<'w> {
    out: &'w mut dyn Write,
    /// Rows not yet written; flushed in large pieces.
    buf: Vec<u8>,
    safe: bool,
    terminator: &'static [u8],
    /// Whether the next field starts a row (no comma before it).
    row_start: bool,
    /// Holds a neutralised cell; reused, so a row allocates nothing.
    scratch: Vec<u8>,
    on_error: OnError<'w>,
}

impl super::Cells for Csv<'_> {
    fn text(&mut self, cell: &str) -> Result<()> {
        Csv::text(self, cell)
    }

    fn date(&mut self, date: NaiveDate) -> Result<()> {
        Csv::date(self, date)
    }

    fn optional_date(&mut self, date: Option<NaiveDate>) -> Result<()> {
        Csv::optional_date(self, date)
    }

    fn number(&mut self, number: Option<u16>) -> Result<()> {
        Csv::number(self, number)
    }
}

/// How a CSV output is shaped.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct CsvStyle {
    /// Text cells a spreadsheet would run as formulas get a leading `'`:
    /// on for what users receive, off for the data files and `--raw`.
    pub(crate) neutralise: bool,
    /// A UTF-8 byte-order mark first (Excel needs one; a file that had one keeps it).
    pub(crate) bom: bool,
    /// CRLF line ends instead of LF.
    pub(crate) crlf: bool,
}

impl CsvStyle {
    /// What a person receives on stdout: neutralised unless `raw`, LF.
    pub(crate) fn for_user(raw: bool) -> Self {
        Self {
            neutralise: !raw,
            ..Self::default()
        }
    }
}

impl<'w> Csv<'w> {
    pub(crate) fn new(
        out: &'w mut dyn Write,
        style: CsvStyle,
        on_error: OnError<'w>,
    ) -> Result<Self> {
        if style.bom {
            // Excel reads a CSV without a byte-order mark as the local code page.
            out.write_all("\u{feff}".as_bytes())
                .map_err(|e| on_error(&e))?;
        }
        Ok(Self {
            out,
            buf: Vec::with_capacity(BUF + 4096),
            safe: style.neutralise,
            terminator: if style.crlf { b"\r\n" } else { b"\n" },
            row_start: true,
            scratch: Vec::with_capacity(256),
            on_error,
        })
    }

    /// A text cell, neutralised unless `--raw`.
    #[inline]
    pub(crate) fn text(&mut self, cell: &str) -> Result<()> {
        if self.safe && is_formula(cell.as_bytes()) {
            return self.neutralised(cell.as_bytes());
        }
        self.field(cell.as_bytes())
    }

    /// A cell a spreadsheet would run, behind a `'`.
    #[cold]
    fn neutralised(&mut self, cell: &[u8]) -> Result<()> {
        let mut scratch = std::mem::take(&mut self.scratch);
        let written = self.field(neutralise(cell, &mut scratch));
        self.scratch = scratch;
        written
    }

    /// A cell exactly as given, never neutralised (data files, headers).
    pub(crate) fn bytes(&mut self, cell: &[u8]) -> Result<()> {
        self.field(cell)
    }

    /// A whole row of text cells.
    pub(crate) fn row<S: AsRef<str>>(&mut self, cells: impl IntoIterator<Item = S>) -> Result<()> {
        for cell in cells {
            self.text(cell.as_ref())?;
        }
        self.end_row()
    }

    /// A date cell, YYYY-MM-DD.
    pub(crate) fn date(&mut self, date: NaiveDate) -> Result<()> {
        self.plain(&iso_bytes(date))
    }

    pub(crate) fn optional_date(&mut self, date: Option<NaiveDate>) -> Result<()> {
        match date {
            Some(date) => self.date(date),
            None => self.plain(b""),
        }
    }

    /// A number cell (validated when read), bare.
    pub(crate) fn number(&mut self, number: Option<u16>) -> Result<()> {
        let mut digits = [0u8; 5];
        match number {
            Some(n) => self.plain(decimal(n, &mut digits)),
            None => self.plain(b""),
        }
    }

    /// A cell of digits and dashes: never quoted, never neutralised.
    // Infallible until a row ends; a Result keeps every cell writer alike.
    #[allow(clippy::unnecessary_wraps)]
    fn plain(&mut self, bytes: &[u8]) -> Result<()> {
        debug_assert!(!needs_quotes(bytes));
        if !self.row_start {
            self.buf.push(b',');
        }
        self.row_start = false;
        self.buf.extend_from_slice(bytes);
        Ok(())
    }

    pub(crate) fn end_row(&mut self) -> Result<()> {
        self.row_start = true;
        self.buf.extend_from_slice(self.terminator);
        if self.buf.len() >= BUF {
            self.out
                .write_all(&self.buf)
                .map_err(|e| (self.on_error)(&e))?;
            self.buf.clear();
        }
        Ok(())
    }

    // Infallible until a row ends; a Result keeps every cell writer alike.
    #[allow(clippy::unnecessary_wraps)]
    fn field(&mut self, bytes: &[u8]) -> Result<()> {
        if !self.row_start {
            self.buf.push(b',');
        }
        self.row_start = false;
        if needs_quotes(bytes) {
            self.buf.push(b'"');
            for (i, part) in bytes.split(|&b| b == b'"').enumerate() {
                if i > 0 {
                    self.buf.extend_from_slice(b"\"\"");
                }
                self.buf.extend_from_slice(part);
            }
            self.buf.push(b'"');
        } else {
            self.buf.extend_from_slice(bytes);
        }
        Ok(())
    }

    pub(crate) fn finish(self) -> Result<()> {
        self.out
            .write_all(&self.buf)
            .and_then(|()| self.out.flush())
            .map_err(|e| (self.on_error)(&e))
    }
}

/// How much CSV is gathered before a write.
const BUF: usize = 64 * 1024;

/// Whether a field holds a comma, a quote, a CR or an LF. Looked for eight
/// bytes at a time (the classic "has a zero byte" trick on `word ^ byte`):
/// this test runs on every field of a million-row export.
fn needs_quotes(bytes: &[u8]) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    let holds = |word: u64, byte: u8| {
        let x = word ^ (ONES * u64::from(byte));
        x.wrapping_sub(ONES) & !x & HIGHS != 0
    };
    let mut words = bytes.chunks_exact(8);
    for chunk in &mut words {
        let mut eight = [0u8; 8];
        eight.copy_from_slice(chunk);
        let word = u64::from_le_bytes(eight);
        if holds(word, b',') || holds(word, b'"') || holds(word, b'\n') || holds(word, b'\r') {
            return true;
        }
    }
    // The last bytes as one more word, padded with NULs (which match none).
    let rest = words.remainder();
    let mut eight = [0u8; 8];
    eight[..rest.len()].copy_from_slice(rest);
    let word = u64::from_le_bytes(eight);
    holds(word, b',') || holds(word, b'"') || holds(word, b'\n') || holds(word, b'\r')
}

/// A JSON array, one object per row, objects on lines of their own.
pub(crate) struct JsonArray<'w> {
    out: &'w mut dyn Write,
    rows: u64,
    on_error: OnError<'w>,
}

impl JsonArray<'_> {
    pub(crate) fn row(&mut self, value: &impl Serialize) -> Result<()> {
        let before: &[u8] = if self.rows == 0 { b"[\n" } else { b",\n" };
        self.out
            .write_all(before)
            .map_err(|e| (self.on_error)(&e))?;
        serde_json::to_writer(&mut *self.out, value)
            // An I/O error comes back out of serde_json as it went in.
            .map_err(|e| (self.on_error)(&io::Error::from(e)))?;
        self.rows += 1;
        Ok(())
    }

    fn finish(self) -> Result<()> {
        let end: &[u8] = if self.rows == 0 { b"[]\n" } else { b"\n]\n" };
        self.out
            .write_all(end)
            .and_then(|()| self.out.flush())
            .map_err(|e| (self.on_error)(&e))
    }
}

/// `cell`, or `cell` behind a `'` when a spreadsheet would run it as a
/// formula: it starts with `=`, `+`, `-`, `@`, a tab, a carriage return or a
/// line feed (OWASP's advice on CSV injection). The spreadsheet then shows
/// the text as written, and a program can strip the one leading `'`.
pub(crate) fn neutralise<'a>(cell: &'a [u8], scratch: &'a mut Vec<u8>) -> &'a [u8] {
    if is_formula(cell) {
        scratch.clear();
        scratch.push(b'\'');
        scratch.extend_from_slice(cell);
        scratch
    } else {
        cell
    }
}

/// Whether a spreadsheet would run `cell` as a formula (see [`neutralise`]).
#[inline]
fn is_formula(cell: &[u8]) -> bool {
    matches!(
        cell.first(),
        Some(b'=' | b'+' | b'-' | b'@' | b'\t' | b'\r' | b'\n')
    )
}

/// YYYY-MM-DD without a formatter; the files only hold years 0 to 9999.
fn iso_bytes(date: NaiveDate) -> [u8; 10] {
    let year = date.year().clamp(0, 9999) as u32;
    let digit = |n: u32| b'0' + (n % 10) as u8;
    [
        digit(year / 1000),
        digit(year / 100),
        digit(year / 10),
        digit(year),
        b'-',
        digit(date.month() / 10),
        digit(date.month()),
        b'-',
        digit(date.day() / 10),
        digit(date.day()),
    ]
}

/// `n` in decimal, in `buf`.
fn decimal(mut n: u16, buf: &mut [u8; 5]) -> &[u8] {
    let mut at = buf.len();
    loop {
        at -= 1;
        buf[at] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            return &buf[at..];
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_are_quoted_exactly_when_they_hold_a_comma_quote_or_line_break() {
        for (field, quoted) in [
            ("plain words here", false),
            ("", false),
            ("a,b", true),
            ("twelve chars, then", true),
            ("say \"hi\"", true),
            ("line\nbreak", true),
            ("carriage\rreturn in a long field", true),
            ("tab\tis fine", false),
            ("café ❤ and more text", false),
        ] {
            assert_eq!(needs_quotes(field.as_bytes()), quoted, "{field:?}");
        }
        // Every position of a 17-byte field, so both the words and the tail.
        for at in 0..17 {
            let mut field = vec![b'x'; 17];
            field[at] = b'"';
            assert!(needs_quotes(&field), "quote at {at}");
        }
    }

    #[test]
    fn formula_starts_get_a_quote_and_nothing_else_does() {
        let mut scratch = Vec::new();
        for cell in [
            "=1+1",
            "@SUM(A1:A2)",
            "+thanks",
            "-sorry",
            "\tx",
            "\rx",
            "\nx",
        ] {
            let safe = neutralise(cell.as_bytes(), &mut scratch);
            assert_eq!(safe, format!("'{cell}").as_bytes(), "{cell:?}");
        }
        for cell in [
            "",
            "plain",
            " =not at the start",
            "café",
            "'quoted",
            "1+1",
            "a=b",
        ] {
            assert_eq!(neutralise(cell.as_bytes(), &mut scratch), cell.as_bytes());
        }
    }

    #[test]
    fn dates_and_numbers_are_written_without_a_formatter() {
        let date = NaiveDate::from_ymd_opt(2026, 3, 1).unwrap();
        assert_eq!(&iso_bytes(date), b"2026-03-01");
        let date = NaiveDate::from_ymd_opt(987, 12, 31).unwrap();
        assert_eq!(&iso_bytes(date), b"0987-12-31");
        let mut buf = [0; 5];
        assert_eq!(decimal(0, &mut buf), b"0");
        assert_eq!(decimal(1440, &mut buf), b"1440");
        assert_eq!(decimal(u16::MAX, &mut buf), b"65535");
    }
}
