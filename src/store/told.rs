//! `told.csv` in the state directory (per machine, never synced): what each
//! partner has already been told by `review --due` of what is new from the
//! other, so it is told once. Columns `dir,partner,id,date`: the data dir,
//! who was told, the entry told of, and its date. Only what could still be
//! news is kept, so it stays a few lines long; the two partners' machines
//! never fight over it.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use super::fsx::{self, Lock};
use super::read_if_exists;
use super::schema::{Column, Reader, Record, write_header, write_row};
use crate::error::{Error, Result};
use crate::model::same_partner;
use crate::printer::Warned;
use crate::render::csv::{Csv, CsvStyle};

pub(crate) const TOLD_FILE: &str = "told.csv";

/// One line: an entry a partner was told of.
#[derive(Debug, Clone, Default)]
struct Told {
    dir: String,
    partner: String,
    id: String,
    date: NaiveDate,
}

impl Record for Told {
    const COLUMNS: &'static [Column<Self>] = &[
        Column::required(
            "dir",
            |t, cell| cell.text_into(&mut t.dir),
            |t, csv| csv.text(&t.dir),
        ),
        Column::required(
            "partner",
            |t, cell| cell.text_into(&mut t.partner),
            |t, csv| csv.text(&t.partner),
        ),
        Column::required(
            "id",
            |t, cell| cell.text_into(&mut t.id),
            |t, csv| csv.text(&t.id),
        ),
        Column::required(
            "date",
            |t, cell| {
                t.date = cell.date()?;
                Ok(())
            },
            |t, csv| csv.date(t.date),
        ),
    ];
}

impl Told {
    fn of(&self, dir: &str, partner: &str) -> bool {
        self.dir == dir && same_partner(&self.partner, partner)
    }
}

/// The ids `partner` has been told of, for the data dir `data_dir`.
pub(crate) fn read(state: &Path, data_dir: &Path, partner: &str) -> Result<HashSet<String>> {
    let key = dir_key(data_dir);
    Ok(read_all(state)?
        .into_iter()
        .filter(|t| t.of(&key, partner))
        .map(|t| t.id)
        .collect())
}

/// Adds `told` (ids and their dates) to what `partner` has been told, and
/// forgets what is dated before `keep_from` (it can be news no more). The
/// file is rewritten atomically, 0600 in a 0700 directory.
pub(crate) fn remember(
    state: &Path,
    data_dir: &Path,
    partner: &str,
    told: &[(String, NaiveDate)],
    keep_from: NaiveDate,
) -> Result<Warned<()>> {
    let warnings = fsx::ensure_dir(state)?.into_iter().collect();
    // The lock alone: this is no data directory, nothing to fold or pin.
    let _lock = Lock::hold(state)?;
    let key = dir_key(data_dir);
    let mut rows: Vec<Told> = read_all(state)?
        .into_iter()
        .filter(|t| !(t.of(&key, partner) && t.date < keep_from))
        .collect();
    for (id, date) in told {
        if !rows.iter().any(|t| t.of(&key, partner) && t.id == *id) {
            rows.push(Told {
                dir: key.clone(),
                partner: partner.to_string(),
                id: id.clone(),
                date: *date,
            });
        }
    }
    fsx::replace_plain(&state.join(TOLD_FILE), |out| {
        let fail = |e: &std::io::Error| Error::runtime(format!("writing {TOLD_FILE}: {e}"));
        let mut csv = Csv::new(out, CsvStyle::default(), &fail)?;
        write_header::<Told>(&mut csv)?;
        for row in &rows {
            write_row(&mut csv, row)?;
        }
        csv.finish()
    })?;
    Ok(Warned::new((), warnings))
}

fn read_all(state: &Path) -> Result<Vec<Told>> {
    let path = state.join(TOLD_FILE);
    let Some(bytes) = read_if_exists(&path)? else {
        return Ok(Vec::new());
    };
    let hint = |e: Error| {
        e.with_hint(format!(
            "{} only remembers what review --due told; delete it to start afresh",
            path.display()
        ))
    };
    let mut reader = Reader::<_, Told>::open(TOLD_FILE, bytes.as_slice())
        .map_err(hint)?
        .skipping_blank_rows();
    let mut row = Told::default();
    let mut rows = Vec::new();
    while reader.next(&mut row, |_| true).map_err(hint)? {
        rows.push(row.clone());
    }
    Ok(rows)
}

/// The data dir as the file names it: its canonical path when it has one.
fn dir_key(data_dir: &Path) -> String {
    std::fs::canonicalize(data_dir)
        .unwrap_or_else(|_| PathBuf::from(data_dir))
        .display()
        .to_string()
}
