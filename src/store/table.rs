//! Reading couple's CSV files: columns found by their header name in any
//! order, columns we do not know carried along, strict field counts, and
//! every problem reported with its file and line.

use std::fs::File;
use std::io::{self, Read, Seek};

use csv::ByteRecord;

use super::rows::{Fields, How, Row, RowError, Rows};
use super::schema::{Problem, Record};
use crate::error::{Error, Result};

/// An input a table can look at again from an offset: at the end of the
/// file, the last record is re-read raw to see whether it ends inside an
/// open quote (which the CSV parser takes as the end of the field).
pub(crate) trait Source: Read {
    /// The bytes from `offset` to the end.
    fn bytes_from(&self, offset: u64) -> io::Result<Vec<u8>>;

    /// The whole input again, for one that reading uses up (a byte slice
    /// shrinks as it is read: once read, it no longer holds what lies
    /// before). Taken by [`Table::open`] before the first read.
    fn whole(&self) -> Option<Self>
    where
        Self: Sized,
    {
        None
    }
}

impl Source for &[u8] {
    fn bytes_from(&self, offset: u64) -> io::Result<Vec<u8>> {
        let at = usize::try_from(offset)
            .unwrap_or(usize::MAX)
            .min(self.len());
        Ok(self[at..].to_vec())
    }

    fn whole(&self) -> Option<Self> {
        Some(*self)
    }
}

impl Source for &File {
    fn bytes_from(&self, offset: u64) -> io::Result<Vec<u8>> {
        // A second handle: the table's own read position stays where it is.
        let mut again = self.try_clone()?;
        io::Seek::seek(&mut again, io::SeekFrom::Start(offset))?;
        let mut bytes = Vec::new();
        again.read_to_end(&mut bytes)?;
        Ok(bytes)
    }
}

impl<T: Source + ?Sized> Source for &mut T {
    fn bytes_from(&self, offset: u64) -> io::Result<Vec<u8>> {
        (**self).bytes_from(offset)
    }
}

impl Source for io::Cursor<Vec<u8>> {
    fn bytes_from(&self, offset: u64) -> io::Result<Vec<u8>> {
        self.get_ref().as_slice().bytes_from(offset)
    }
}

impl Source for File {
    fn bytes_from(&self, offset: u64) -> io::Result<Vec<u8>> {
        (&self).bytes_from(offset)
    }
}

/// A CSV file opened for reading, its header matched against a record's
/// columns.
pub(crate) struct Table<R: Source> {
    name: String,
    rows: Rows<R>,
    /// Where [`Table::next`] reads before copying.
    scratch: Row,
    header: ByteRecord,
    /// For each column of the record, where it stands in this file (if it does).
    positions: Vec<Option<usize>>,
    /// Where the last record read starts (byte, line), until the end of
    /// the file is checked.
    last_start: Option<(u64, u64)>,
    /// The input as it was before the first read, when reading uses it up
    /// (see [`Source::whole`]): where a row is looked at again.
    whole: Option<R>,
    /// Whether the header ends with a CR (CRLF or a lone CR): the parser
    /// counts lines by their LF, and takes a CRLF's LF only when it reads
    /// the next record, so its positions are a line short (see [`Table::line`]).
    cr_ends: bool,
}

impl<R: Source> Table<R> {
    /// Reads the header of `input`. An empty input is a table without rows.
    pub(crate) fn open<T: Record>(name: &str, input: R) -> Result<Self> {
        let whole = input.whole();
        // Big reads: a million-row log in 400 syscalls, not 12,000.
        let rows = Rows::new(input, 256 * 1024);
        let mut header = Row::default();
        let mut table = Self {
            name: name.to_string(),
            rows,
            scratch: Row::default(),
            header: ByteRecord::new(),
            positions: vec![None; T::COLUMNS.len()],
            last_start: None,
            whole,
            cr_ends: false,
        };
        if table
            .rows
            .next(&mut header)
            .map_err(|e| table.csv_error(e, 0))?
            .is_none()
        {
            // An empty file: every schema column is "present" at no position.
            return Ok(table);
        }
        let header = {
            let mut record = ByteRecord::new();
            header.copy_into(&mut record);
            record
        };
        if header.get(0).is_some_and(is_merge_marker) {
            return Err(unresolved_merge(name, 1));
        }
        // No LF taken while reading the header: it ended with a CR.
        table.cr_ends = table.rows.position().line() == 1;
        let names = header_names(name, &header)?;
        for (slot, wanted) in table.positions.iter_mut().zip(T::COLUMNS) {
            *slot = names
                .iter()
                .position(|have| have.eq_ignore_ascii_case(wanted.name));
        }
        let missing: Vec<&str> = T::COLUMNS
            .iter()
            .zip(&table.positions)
            .filter(|(col, at)| col.required && at.is_none())
            .map(|(col, _)| col.name)
            .collect();
        if !missing.is_empty() {
            return Err(header_error::<T>(name, &names, &missing));
        }
        table.header = header;
        Ok(table)
    }

    /// The header as it stands in the file (empty for an empty file).
    pub(crate) fn header(&self) -> &ByteRecord {
        &self.header
    }

    /// Where column `column` (an index into the record's columns) stands in this file.
    pub(crate) fn position(&self, column: usize) -> Option<usize> {
        self.positions[column]
    }

    /// Reads the next row into `record`; false at the end. A last record
    /// that ends inside an open quote is a torn end, reported with its line.
    pub(crate) fn next(&mut self, record: &mut ByteRecord) -> Result<bool> {
        let mut row = std::mem::take(&mut self.scratch);
        let more = self.next_row(&mut row);
        row.copy_into(record);
        self.scratch = row;
        more
    }

    /// Like [`Table::next`], into a [`Row`] (no copy per field).
    pub(crate) fn next_row(&mut self, record: &mut Row) -> Result<bool> {
        let how = match self.rows.next(record) {
            Ok(Some(how)) => how,
            Ok(None) => {
                self.check_the_end()?;
                return Ok(false);
            }
            // A row of the wrong length may be a marker line of an
            // unfinished git merge, or a row whose last field never ended.
            Err(err) => {
                if let RowError::UnequalLengths { pos, .. } = &err {
                    // The row as read: an in-memory source (a &[u8], as
                    // the merge driver and the small files read) cannot
                    // be read again from an offset.
                    if record.get(0).is_some_and(is_merge_marker) {
                        return Err(unresolved_merge(
                            &self.name,
                            self.line_at(pos) + record.blank_lines(),
                        ));
                    }
                    let raw = self.bytes_from(pos.byte()).unwrap_or_default();
                    // After a CR the record starts at the CRLF's LF.
                    if is_merge_marker(raw.trim_ascii_start()) {
                        return Err(unresolved_merge(
                            &self.name,
                            self.line_at(pos) + record.blank_lines(),
                        ));
                    }
                    if ends_in_open_quote(&raw) {
                        self.last_start =
                            Some((pos.byte(), self.line_at(pos) + record.blank_lines()));
                        self.check_the_end()?;
                    }
                }
                return Err(self.csv_error(err, record.blank_lines()));
            }
        };
        let start = Fields::position(record).map_or(0, csv::Position::byte);
        self.last_start = Some((start, self.line(record)));
        // NUL bytes are what a write torn by a crash leaves (the file grew,
        // its data never came); later appends may have buried them. A row
        // split at its commas was seen to hold none.
        if how == How::Parsed && Fields::as_slice(record).contains(&0) {
            return Err(Error::data(&self.name, self.line(record), "contains NUL bytes")
                .with_hint("a write torn by a crash looks like this: remove the broken row in a text editor"));
        }
        Ok(true)
    }

    /// The error for a last record that ends inside an open quote: the
    /// parser took the rest of the file as one field, so an entry appended
    /// after it would vanish into it.
    fn check_the_end(&mut self) -> Result<()> {
        let Some((start, line)) = self.last_start.take() else {
            return Ok(());
        };
        let raw = self.bytes_from(start).map_err(|e| {
            Error::runtime(format!(
                "reading {}: {}",
                self.name,
                crate::error::plain(&e)
            ))
        })?;
        if ends_in_open_quote(&raw) {
            return Err(Error::data(
                &self.name,
                line,
                "a quote opened in this row is never closed: the end of the file looks torn",
            )
            .with_hint(
                "close the quote or remove the broken row in a text editor (the rows after it read as part of it)",
            ));
        }
        Ok(())
    }

    /// The input's bytes from `offset` to its end.
    fn bytes_from(&self, offset: u64) -> io::Result<Vec<u8>> {
        match &self.whole {
            Some(whole) => whole.bytes_from(offset),
            None => self.rows.get_ref().bytes_from(offset),
        }
    }

    /// What the table reads from.
    pub(crate) fn source(&self) -> &R {
        self.rows.get_ref()
    }

    /// Where the next row starts, as the csv crate counts.
    pub(crate) fn next_start(&self) -> &csv::Position {
        self.rows.position()
    }

    /// The raw bytes of column `column` (empty when the file lacks it).
    pub(crate) fn bytes<'r>(&self, record: &'r ByteRecord, column: usize) -> &'r [u8] {
        self.positions[column]
            .and_then(|at| record.get(at))
            .unwrap_or_default()
    }

    /// A problem with the cell of column `column` of `record`.
    #[cold]
    pub(crate) fn problem(&self, record: &impl Fields, column: &str, problem: Problem) -> Error {
        problem.at(&self.name, self.line(record), column)
    }

    /// The line a record starts on, counting the header as line 1.
    pub(crate) fn line(&self, record: &impl Fields) -> u64 {
        record
            .position()
            .map_or(0, |p| self.line_at(p) + record.blank_lines())
    }

    /// The file line of a parser position. The parser counts LFs only, and
    /// a record after a CRLF starts at its LF, not yet counted: in a file
    /// whose lines end with CR, a record is at least one line below the
    /// parser's count, and at least its own number below the header (a
    /// file of lone CRs counts no LF at all).
    fn line_at(&self, pos: &csv::Position) -> u64 {
        if self.cr_ends && pos.record() > 0 {
            (pos.line() + 1).max(pos.record() + 1)
        } else {
            pos.line()
        }
    }

    /// The error for what the row reader met; `blank_lines` above the
    /// row (see [`Fields::blank_lines`]).
    fn csv_error(&self, err: RowError, blank_lines: u64) -> Error {
        match err {
            RowError::UnequalLengths {
                pos,
                expected,
                len,
            } => Error::data(
                &self.name,
                self.line_at(&pos) + blank_lines,
                format!("expected {expected} fields, found {len}"),
            )
            .with_hint(
                "a quote may be missing, a row may be cut short, or a comma in a note may be unquoted: fix that line in a text editor",
            ),
            RowError::Io(io) => Error::runtime(format!("reading {}: {}", self.name, crate::error::plain(&io))),
        }
    }
}

/// Where a CSV lexer stands, read as the `csv` crate reads: a quote opens a
/// quoted field only at the start of a field; `""` inside one is a quote;
/// after the closing quote, anything up to the next comma is literal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Lex {
    /// Before the first byte of a record (or between records).
    RecordStart,
    FieldStart,
    Unquoted,
    Quoted,
    /// A quote inside a quoted field: its end, or the first of `""`.
    QuoteInQuoted,
}

/// Lexes `bytes` from `state`; calls `on_record` with the field count of
/// each record that ends (a line end outside quotes; blank lines are no
/// records), and stops early when it returns false. Returns the final
/// state.
pub(crate) fn lex(bytes: &[u8], mut state: Lex, mut on_record: impl FnMut(usize) -> bool) -> Lex {
    let mut fields = usize::from(state != Lex::RecordStart);
    for &b in bytes {
        state = match (state, b) {
            (Lex::Quoted, b'"') => Lex::QuoteInQuoted,
            // Inside quotes, or `""`: a quote within the field.
            (Lex::Quoted, _) | (Lex::QuoteInQuoted, b'"') => Lex::Quoted,
            (Lex::RecordStart, b'\n' | b'\r') => Lex::RecordStart,
            (_, b'\n' | b'\r') => {
                if !on_record(fields) {
                    return Lex::RecordStart;
                }
                fields = 0;
                Lex::RecordStart
            }
            (_, b',') => {
                fields += usize::from(state == Lex::RecordStart) + 1;
                Lex::FieldStart
            }
            (Lex::RecordStart | Lex::FieldStart, b'"') => {
                fields += usize::from(state == Lex::RecordStart);
                Lex::Quoted
            }
            (Lex::RecordStart, _) => {
                fields += 1;
                Lex::Unquoted
            }
            _ => Lex::Unquoted,
        };
    }
    state
}

/// Whether `raw`, read from the start of a record to the end of the file,
/// ends inside a quoted field.
pub(crate) fn ends_in_open_quote(raw: &[u8]) -> bool {
    lex(raw, Lex::RecordStart, |_| true) == Lex::Quoted
}

/// Whether `line` starts with one of the markers git leaves in a file it
/// could not merge (`<<<<<<< ours`, `|||||||`, `=======`, `>>>>>>> theirs`).
fn is_merge_marker(line: &[u8]) -> bool {
    [&b"<<<<<<<"[..], b"|||||||", b"=======", b">>>>>>>"]
        .iter()
        .any(|marker| {
            line.strip_prefix(*marker)
                .is_some_and(|rest| matches!(rest.first(), None | Some(b' ' | b'\n' | b'\r')))
        })
}

/// The error for a file git left half-merged.
#[cold]
fn unresolved_merge(name: &str, line: u64) -> Error {
    // The merge driver names a version `log.csv (ours)`: git adds log.csv.
    let file = [" (ours)", " (theirs)", " (the common ancestor)"]
        .iter()
        .find_map(|side| name.strip_suffix(side))
        .unwrap_or(name);
    Error::data(
        name,
        line,
        "holds git conflict markers (an unresolved merge): <<<<<<<, ======= and >>>>>>> lines are still in the file",
    )
    .with_hint(format!(
        "resolve it by hand: keep the rows you want from each side, delete the marker lines, then git add {} and commit; or git merge --abort, register couple's merge driver (couple merge-driver --help) and merge again",
        crate::error::shell_quoted(std::path::Path::new(file))
    ))
}

impl<R: Source + Seek> Table<R> {
    /// Goes back (or forth) to a record's start, as a reader found it
    /// earlier: the next row read is that record, with its own line number.
    pub(crate) fn seek(&mut self, position: &csv::Position) -> Result<()> {
        self.rows
            .seek(position)
            .map_err(|e| self.csv_error(RowError::Io(e), 0))
    }
}

/// Whether a file's first line ends with CRLF (as spreadsheets write), so
/// that what couple adds to it ends its lines the same way.
pub(crate) fn first_line_ends_crlf(head: &[u8]) -> bool {
    head.iter()
        .position(|&b| b == b'\n')
        .is_some_and(|p| p > 0 && head[p - 1] == b'\r')
}

/// The header's names, trimmed, checked to be UTF-8 and unique.
fn header_names(name: &str, header: &ByteRecord) -> Result<Vec<String>> {
    let mut names: Vec<String> = Vec::with_capacity(header.len());
    for raw in header {
        let text = std::str::from_utf8(raw).map_err(|_| {
            Error::data(name, 1, "the header is not valid UTF-8")
                .with_hint("save the file as UTF-8")
        })?;
        let text = text.trim_start_matches('\u{feff}').trim();
        if !text.is_empty() && names.iter().any(|n| n.eq_ignore_ascii_case(text)) {
            return Err(Error::data(
                name,
                1,
                format!("column {text} appears twice in the header"),
            ));
        }
        names.push(text.to_string());
    }
    Ok(names)
}

fn header_error<T: Record>(name: &str, names: &[String], missing: &[&str]) -> Error {
    let err = Error::data(
        name,
        1,
        format!("the header lacks the column(s) {}", missing.join(", ")),
    );
    if names.len() == 1 && (names[0].contains(';') || names[0].contains('\t')) {
        err.with_hint(
            "the file looks separated by ';' or tabs (a spreadsheet's regional setting): save it as comma-separated CSV",
        )
    } else {
        err.with_hint(format!(
            "the first line must name the columns: {}",
            super::schema::names::<T>().join(",")
        ))
    }
}
