//! Records written through the one CSV writer: the CSV users receive
//! (a header and rows in table order) and rows in a file's own column
//! order ([`Layout`]), the users' own columns kept.

use std::marker::PhantomData;

use super::Record;
use crate::error::Result;
use crate::render::Cells;
use crate::render::csv::Csv;

/// Writes the column names of `R` as a header row.
pub(crate) fn write_header<R: Record>(csv: &mut Csv<'_>) -> Result<()> {
    for column in R::COLUMNS {
        csv.bytes(column.name.as_bytes())?;
    }
    csv.end_row()
}

/// Writes `record` as one row, its columns in table order.
pub(crate) fn write_row<R: Record>(csv: &mut Csv<'_>, record: &R) -> Result<()> {
    record.encode_columns(csv)?;
    csv.end_row()
}

/// Writes `record`'s cells in table order, the row left open (a
/// spreadsheet's typed row, or a CSV row).
pub(crate) fn write_cells<R: Record>(cells: &mut dyn Cells, record: &R) -> Result<()> {
    for column in R::COLUMNS {
        (column.encode)(record, cells)?;
    }
    Ok(())
}

/// Writes a header and `records`, as `couple export` and `--format csv` do.
pub(crate) fn write_all<'r, R: Record>(
    csv: &mut Csv<'_>,
    records: impl IntoIterator<Item = &'r R>,
) -> Result<()> {
    write_header::<R>(csv)?;
    for record in records {
        write_row(csv, record)?;
    }
    Ok(())
}

/// Where each of a file's header fields comes from: a column of `R`, or
/// (for the users' own columns) nothing of ours.
pub(crate) struct Layout<R: Record> {
    fields: Vec<Option<usize>>,
    record_type: PhantomData<R>,
}

impl<R: Record> Layout<R> {
    /// The layout of a header (names trimmed, any case, BOM ignored).
    pub(crate) fn of<'h>(header: impl IntoIterator<Item = &'h [u8]>) -> Self {
        let fields = header
            .into_iter()
            .map(|raw| {
                let name = String::from_utf8_lossy(raw);
                let name = name.trim_start_matches('\u{feff}').trim();
                R::COLUMNS
                    .iter()
                    .position(|c| c.name.eq_ignore_ascii_case(name))
            })
            .collect();
        Self {
            fields,
            record_type: PhantomData,
        }
    }

    /// How many fields a row has.
    pub(crate) fn len(&self) -> usize {
        self.fields.len()
    }

    /// Writes `record` in this layout; a field not ours is taken from
    /// `own` (the row as it was read), or left empty.
    pub(crate) fn write_row(&self, csv: &mut Csv<'_>, record: &R, own: &[Vec<u8>]) -> Result<()> {
        for (at, field) in self.fields.iter().enumerate() {
            match field {
                Some(column) => (R::COLUMNS[*column].encode)(record, csv)?,
                None => csv.bytes(own.get(at).map_or(&[][..], Vec::as_slice))?,
            }
        }
        csv.end_row()
    }
}
