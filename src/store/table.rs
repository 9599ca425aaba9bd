//! Reading couple's CSV files: columns found by their header name in any
//! order, columns we do not know carried along, strict field counts, and
//! every problem reported with its file and line.

use std::io::{Read, Seek};

use csv::ByteRecord;

use super::schema::{Problem, Record};
use crate::error::{Error, Result};

/// A CSV file opened for reading, its header matched against a record's
/// columns.
pub(crate) struct Table<R: Read> {
    name: String,
    reader: csv::Reader<R>,
    header: ByteRecord,
    /// For each column of the record, where it stands in this file (if it does).
    positions: Vec<Option<usize>>,
    /// Rows starting at or after this byte are checked for NUL bytes.
    nul_check_from: u64,
}

impl<R: Read> Table<R> {
    /// Reads the header of `input`. An empty input is a table without rows.
    pub(crate) fn open<T: Record>(name: &str, input: R) -> Result<Self> {
        let reader = csv::ReaderBuilder::new()
            // Big reads: a million-row log in 400 syscalls, not 12,000.
            .buffer_capacity(256 * 1024)
            .has_headers(false)
            .flexible(false)
            .from_reader(input);
        let mut header = ByteRecord::new();
        let mut table = Self {
            name: name.to_string(),
            reader,
            header: ByteRecord::new(),
            positions: vec![None; T::COLUMNS.len()],
            nul_check_from: 0,
        };
        if !table
            .reader
            .read_byte_record(&mut header)
            .map_err(|e| table.csv_error(&e))?
        {
            // An empty file: every schema column is "present" at no position.
            return Ok(table);
        }
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

    /// Checks for NUL bytes only the rows in the last `tail` bytes of a
    /// file `len` bytes long. A write torn by a crash leaves its NULs at
    /// the end of the file; looking only there keeps a million-row read
    /// fast.
    pub(crate) fn check_nul_in_last(&mut self, tail: u64, len: u64) {
        self.nul_check_from = len.saturating_sub(tail);
    }

    /// The header as it stands in the file (empty for an empty file).
    pub(crate) fn header(&self) -> &ByteRecord {
        &self.header
    }

    /// Where column `column` (an index into the record's columns) stands in this file.
    pub(crate) fn position(&self, column: usize) -> Option<usize> {
        self.positions[column]
    }

    /// Reads the next row into `record`; false at the end.
    pub(crate) fn next(&mut self, record: &mut ByteRecord) -> Result<bool> {
        let more = self
            .reader
            .read_byte_record(record)
            .map_err(|e| self.csv_error(&e))?;
        if more
            && record
                .position()
                .is_some_and(|p| p.byte() >= self.nul_check_from)
            && record.as_slice().contains(&0)
        {
            return Err(Error::data(&self.name, line(record), "contains NUL bytes")
                .with_hint("the end of the file looks torn by a crash: remove the broken row in a text editor"));
        }
        Ok(more)
    }

    /// The raw bytes of column `column` (empty when the file lacks it).
    pub(crate) fn bytes<'r>(&self, record: &'r ByteRecord, column: usize) -> &'r [u8] {
        self.positions[column]
            .and_then(|at| record.get(at))
            .unwrap_or_default()
    }

    /// A problem with the cell of column `column` of `record`.
    #[cold]
    pub(crate) fn problem(&self, record: &ByteRecord, column: &str, problem: Problem) -> Error {
        problem.at(&self.name, line(record), column)
    }

    fn csv_error(&self, err: &csv::Error) -> Error {
        match err.kind() {
            csv::ErrorKind::UnequalLengths {
                pos,
                expected_len,
                len,
            } => Error::data(
                &self.name,
                pos.as_ref().map_or(0, csv::Position::line),
                format!("expected {expected_len} fields, found {len}"),
            )
            .with_hint(
                "a quote may be missing, a row may be cut short, or a comma in a note may be unquoted: fix that line in a text editor",
            ),
            csv::ErrorKind::Io(io) => Error::runtime(format!("reading {}: {}", self.name, crate::error::plain(io))),
            _ => Error::data(
                &self.name,
                err.position().map_or(0, csv::Position::line),
                "cannot be read as CSV",
            ),
        }
    }
}

impl<R: Read + Seek> Table<R> {
    /// Goes back (or forth) to a record's start, as a reader found it
    /// earlier: the next row read is that record, with its own line number.
    pub(crate) fn seek(&mut self, position: &csv::Position) -> Result<()> {
        self.reader
            .seek(position.clone())
            .map_err(|e| self.csv_error(&e))
    }
}

/// The line a record starts on, counting the header as line 1.
pub(crate) fn line(record: &ByteRecord) -> u64 {
    record.position().map_or(0, csv::Position::line)
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
