//! `due.csv` in the state directory (per machine, never synced): what
//! `review --due` already said, and when, so that a goal turning due is
//! said once and an overdue goal or a drift once a week. Columns
//! `partner,item,said`; each partner's rows are their own.

use std::path::Path;

use super::fsx;
use super::read_if_exists;
use super::schema::{Column, Reader, Record, write_header, write_row};
use crate::error::{Error, Result};
use crate::model::same_partner;
use crate::printer::Warned;
use crate::render::csv::{Csv, CsvStyle};
use crate::report::Said;

pub(crate) const DUE_FILE: &str = "due.csv";

/// One row: what was said to whom, and when.
#[derive(Debug, Clone, Default)]
struct Row {
    partner: String,
    said: Said,
}

impl Record for Row {
    const COLUMNS: &'static [Column<Self>] = &[
        Column::required(
            "partner",
            |r, cell| cell.text_into(&mut r.partner),
            |r, csv| csv.text(&r.partner),
        ),
        Column::required(
            "item",
            |r, cell| cell.text_into(&mut r.said.key),
            |r, csv| csv.text(&r.said.key),
        ),
        Column::required(
            "said",
            |r, cell| {
                r.said.on = cell.date()?;
                Ok(())
            },
            |r, csv| csv.date(r.said.on),
        ),
    ];
}

/// All rows of the file.
fn read_all(state_dir: &Path) -> Result<Vec<Row>> {
    let path = state_dir.join(DUE_FILE);
    let Some(bytes) = read_if_exists(&path)? else {
        return Ok(Vec::new());
    };
    let hint = |e: Error| {
        e.with_hint(format!(
            "{} only remembers what review --due said; delete it to start afresh",
            path.display()
        ))
    };
    let mut reader = Reader::<_, Row>::open(DUE_FILE, bytes.as_slice())
        .map_err(hint)?
        .skipping_blank_rows();
    let mut row = Row::default();
    let mut rows = Vec::new();
    while reader.next(&mut row, |_| true).map_err(hint)? {
        rows.push(row.clone());
    }
    Ok(rows)
}

/// What `--due` said to `partner` on this machine.
pub(crate) fn read(state_dir: &Path, partner: &str) -> Result<Vec<Said>> {
    Ok(read_all(state_dir)?
        .into_iter()
        .filter(|r| same_partner(&r.partner, partner))
        .map(|r| r.said)
        .collect())
}

/// Replaces what `partner` was told with `said`, atomically; the other
/// partners' rows stay.
pub(crate) fn write(state_dir: &Path, partner: &str, said: &[Said]) -> Result<Warned<()>> {
    let warnings: Vec<_> = fsx::ensure_dir(state_dir)?.into_iter().collect();
    let mut rows: Vec<Row> = read_all(state_dir)?
        .into_iter()
        .filter(|r| !same_partner(&r.partner, partner))
        .collect();
    rows.extend(said.iter().map(|s| Row {
        partner: partner.to_string(),
        said: s.clone(),
    }));
    fsx::replace_plain(&state_dir.join(DUE_FILE), |out| {
        let fail = |e: &std::io::Error| Error::runtime(format!("writing {DUE_FILE}: {e}"));
        let mut csv = Csv::new(out, CsvStyle::default(), &fail)?;
        write_header::<Row>(&mut csv)?;
        for row in &rows {
            write_row(&mut csv, row)?;
        }
        csv.finish()
    })?;
    Ok(Warned::new((), warnings))
}
