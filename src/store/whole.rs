//! Small data files read whole and rewritten whole (`rituals.csv`,
//! `pauses.csv`): each record with the rest of its row, so that a rewrite
//! keeps the file's own column order, the users' own columns and their
//! values, a BOM and CRLF line ends.

use std::io::Write;
use std::path::Path;

use super::fsx::{self, Lock};
use super::read_if_exists;
use super::schema::{Layout, Reader, Record};
use super::table::first_line_ends_crlf;
use crate::error::{Error, Result};
use crate::printer::{Warned, Warning};
use crate::render::csv::{Csv, CsvStyle};

const BOM: &[u8] = b"\xEF\xBB\xBF";

/// A file as read: its shape, and its records with the lines they start on.
#[derive(Debug, Clone)]
pub(crate) struct WholeFile<R> {
    /// The header as in the file, then any column of `R` it lacked.
    header: Vec<Vec<u8>>,
    crlf: bool,
    bom: bool,
    pub(crate) rows: Vec<Stored<R>>,
}

/// A record and the row it was read from (empty for a new one).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Stored<R> {
    pub(crate) record: R,
    pub(crate) line: u64,
    row: Vec<Vec<u8>>,
}

impl<R> Stored<R> {
    pub(crate) fn new(record: R) -> Self {
        Self {
            record,
            line: 0,
            row: Vec::new(),
        }
    }
}

impl<R: Record + Clone> WholeFile<R> {
    /// A file not written yet, holding `records`.
    pub(crate) fn new(records: Vec<R>) -> Self {
        Self {
            header: R::COLUMNS
                .iter()
                .map(|c| c.name.as_bytes().to_vec())
                .collect(),
            crlf: false,
            bom: false,
            rows: records.into_iter().map(Stored::new).collect(),
        }
    }

    /// Reads `bytes`, named `name` in errors.
    pub(crate) fn parse(name: &str, bytes: &[u8]) -> Result<Self> {
        let mut reader = Reader::<_, R>::open(name, bytes)?.skipping_blank_rows();
        let mut header: Vec<Vec<u8>> = reader.table().header().iter().map(<[u8]>::to_vec).collect();
        for (i, column) in R::COLUMNS.iter().enumerate() {
            if reader.table().position(i).is_none() {
                header.push(column.name.as_bytes().to_vec());
            }
        }
        let mut rows = Vec::new();
        let mut record = R::default();
        while reader.next(&mut record, |_| true)? {
            rows.push(Stored {
                record: record.clone(),
                line: reader.line(),
                row: reader.row().iter().map(<[u8]>::to_vec).collect(),
            });
            record = R::default();
        }
        Ok(Self {
            header,
            crlf: first_line_ends_crlf(bytes),
            bom: bytes.starts_with(BOM),
            rows,
        })
    }

    /// `DIR/name` read whole, or `None` when it does not exist.
    pub(crate) fn read(dir: &Path, name: &str) -> Result<Option<Self>> {
        read_if_exists(&dir.join(name))?
            .map(|bytes| Self::parse(name, &bytes))
            .transpose()
    }

    fn write(&self, out: &mut dyn Write, name: &str) -> Result<()> {
        let fail = |e: &std::io::Error| Error::runtime(format!("writing {name}: {e}"));
        let style = CsvStyle {
            neutralise: false,
            bom: self.bom,
            crlf: self.crlf,
        };
        let mut writer = Csv::new(out, style, &fail)?;
        for cell in &self.header {
            writer.bytes(cell)?;
        }
        writer.end_row()?;
        let layout = Layout::<R>::of(self.header.iter().map(Vec::as_slice));
        for stored in &self.rows {
            layout.write_row(&mut writer, &stored.record, &stored.row)?;
        }
        writer.finish()
    }
}

/// Reads `DIR/name` under the lock (`fresh` when it does not exist), lets
/// `change` change it, checks it with `check`, and writes it back
/// atomically if it changed (or did not exist). Nothing is written when
/// the file does not parse or `change` or `check` fails. Callers check
/// what the user typed before, so that a refusal creates no directory.
pub(crate) fn update<R, T>(
    dir: &Path,
    name: &str,
    fresh: impl FnOnce() -> WholeFile<R>,
    change: impl FnOnce(&mut WholeFile<R>) -> Result<T>,
    check: impl Fn(&WholeFile<R>) -> Result<()>,
) -> Result<Warned<T>>
where
    R: Record + Clone + PartialEq,
{
    let warnings: Vec<Warning> = fsx::ensure_dir(dir)?.into_iter().collect();
    let _lock = Lock::acquire(dir)?;
    let existing = WholeFile::read(dir, name)?;
    let existed = existing.is_some();
    let mut file = existing.unwrap_or_else(fresh);
    let before = file.rows.clone();
    let value = change(&mut file)?;
    check(&file)?;
    if file.rows != before || !existed {
        fsx::replace(&dir.join(name), |out| file.write(out, name))?;
    }
    Ok(Warned::new(value, warnings))
}
