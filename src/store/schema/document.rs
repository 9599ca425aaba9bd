//! Small data files read whole (dozens of rows, not millions), changed,
//! and written back in their own shape; and the quick way through the
//! plain files couple writes itself.

use std::io::Write;

use super::{Cell, DecodeEach, Layout, Problem, Reader, Record};
use crate::error::{Error, Result};
use crate::render::csv::{Csv, CsvStyle};
use crate::store::table::first_line_ends_crlf;

/// A record as it stands in a file read whole, with the rest of its row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Stored<R> {
    pub(crate) record: R,
    /// The row's cells as read, in the file's column order (empty for a
    /// new record): where the users' own columns keep their values.
    pub(crate) row: Vec<Vec<u8>>,
}

impl<R> Stored<R> {
    /// A record not yet in the file.
    pub(crate) fn new(record: R) -> Self {
        Self {
            record,
            row: Vec::new(),
        }
    }
}

/// The records of a small file in the plain form couple writes — a header
/// naming the record's columns in table order, then rows of as many
/// fields, all UTF-8, without quotes, carriage returns, NUL bytes, blank
/// rows or lines that could be git's merge markers, each ending with a
/// line end — decoded as [`Reader`] decodes them, with their lines, but
/// without building a CSV parser: its transition table costs more than
/// the rest of reading `settings.csv`, which every command reads. `None`
/// for any other file, and for one whose cells do not decode: it then
/// goes the whole way, which reports what is wrong in its own words.
pub(crate) fn plain_records<R: Record>(bytes: &[u8]) -> Option<Vec<(R, u64)>> {
    let text = std::str::from_utf8(bytes).ok()?;
    if text.bytes().any(|b| matches!(b, b'"' | b'\r' | 0)) || !text.ends_with('\n') {
        return None;
    }
    let mut lines = text[..text.len() - 1].split('\n');
    let header = lines.next()?;
    if !header
        .split(',')
        .map(Some)
        .eq(R::COLUMNS.iter().map(|c| Some(c.name)))
    {
        return None;
    }
    let mut records = Vec::new();
    for (line, row) in (2..).zip(lines) {
        let cells: Vec<&str> = row.split(',').collect();
        if cells.len() != R::COLUMNS.len()
            || cells.iter().all(|c| c.trim().is_empty())
            || row.starts_with(['<', '=', '>', '|'])
        {
            return None;
        }
        let mut record = R::default();
        R::decode_columns(&mut PlainCells {
            cells: &cells,
            record: &mut record,
        })
        .ok()?;
        records.push((record, line));
    }
    Some(records)
}

/// One pass of [`plain_records`] over a row's cells.
struct PlainCells<'a, R> {
    cells: &'a [&'a str],
    record: &'a mut R,
}

impl<R: Record> DecodeEach<R> for PlainCells<'_, R> {
    fn column(
        &mut self,
        index: usize,
        decode: impl Fn(&mut R, Cell<'_>) -> Result<(), Problem>,
    ) -> Result<()> {
        let text = self.cells[index];
        decode(
            self.record,
            Cell {
                bytes: text.as_bytes(),
                text: Some(text),
            },
        )
        // Never shown: the whole way reads the file again.
        .map_err(|p| Error::data("", 0, p.message))
    }
}

/// A data file read whole (dozens of rows, not millions), to be changed
/// and written back in its own shape: BOM, column order, line ends, and
/// the users' own columns with their values.
#[derive(Debug)]
pub(crate) struct Document<R> {
    /// The header as in the file, then any column of ours it lacked.
    pub(crate) header: Vec<Vec<u8>>,
    pub(crate) crlf: bool,
    pub(crate) bom: bool,
    pub(crate) rows: Vec<Stored<R>>,
}

/// The UTF-8 byte-order mark spreadsheets put first.
pub(crate) const BOM: &[u8] = b"\xEF\xBB\xBF";

impl<R: Record + Clone> Document<R> {
    /// Reads a whole file, `name` in its errors (empty bytes: no rows, and
    /// a header of our columns). Rows of blank cells, as spreadsheets leave
    /// behind, are passed over; `check` sees every record with its line
    /// (to refuse an id seen before, say).
    pub(crate) fn parse(
        name: &str,
        bytes: &[u8],
        mut check: impl FnMut(&R, u64) -> Result<()>,
    ) -> Result<Self> {
        let mut reader = Reader::<_, R>::open(name, bytes)?.skipping_blank_rows();
        let mut header: Vec<Vec<u8>> = reader.table().header().iter().map(<[u8]>::to_vec).collect();
        for (i, column) in R::COLUMNS.iter().enumerate() {
            if reader.table().position(i).is_none() {
                header.push(column.name.as_bytes().to_vec());
            }
        }
        let mut rows = Vec::new();
        while reader.advance(|_| true)? {
            check(reader.record(), reader.line())?;
            rows.push(Stored {
                record: reader.record().clone(),
                row: reader.row().iter().map(<[u8]>::to_vec).collect(),
            });
        }
        Ok(Self {
            header,
            crlf: first_line_ends_crlf(bytes),
            bom: bytes.starts_with(BOM),
            rows,
        })
    }

    /// Writes the file in its own shape; `name` is for the error.
    pub(crate) fn write(&self, out: &mut dyn Write, name: &str) -> Result<()> {
        let fail = |e: &std::io::Error| {
            Error::runtime(format!(
                "writing {name}: {}; nothing was changed",
                crate::error::plain(e)
            ))
        };
        let style = CsvStyle {
            neutralise: false,
            bom: self.bom,
            crlf: self.crlf,
        };
        let mut writer = Csv::new(out, style, &fail)?;
        for field in &self.header {
            writer.bytes(field)?;
        }
        writer.end_row()?;
        let layout = Layout::<R>::of(self.header.iter().map(Vec::as_slice));
        for stored in &self.rows {
            layout.write_row(&mut writer, &stored.record, &stored.row)?;
        }
        writer.finish()
    }
}
