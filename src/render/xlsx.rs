//! Spreadsheets: `couple export --format xlsx`, one typed sheet per data
//! set. Dates are dates (shown YYYY-MM-DD), minutes and moods are numbers,
//! and text is written as a string cell, so `=1+1` is the text `=1+1`:
//! nothing needs the leading `'` CSV has to add. Each sheet has a bold,
//! frozen header row, an autofilter over its rows, and columns as wide as
//! what they hold (within reason).
//!
//! Rows go to a temporary file as they are written (the writer's
//! "constant memory" mode), so a long log costs no more memory than a
//! short one; the finished workbook is returned as bytes for the caller to
//! write where the user asked.

use chrono::{Datelike, NaiveDate};
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook, Worksheet, XlsxError};

use super::Cells;
use crate::error::{Error, Result};
use crate::store::schema::{self, Record};

/// The most rows a sheet holds, its header included.
const MAX_ROWS: u32 = 1_048_576;
/// The most characters a cell holds.
const MAX_TEXT: usize = 32_767;
/// Column widths, in characters: none narrower, none wider.
const MIN_WIDTH: usize = 6;
const MAX_WIDTH: usize = 60;
/// What a date cell shows.
const DATE_WIDTH: usize = 10;

/// A workbook being written, sheet by sheet.
pub(crate) struct Book {
    workbook: Workbook,
    header: Format,
    date: Format,
}

impl Book {
    pub(crate) fn new() -> Self {
        Self {
            workbook: Workbook::new(),
            header: Format::new().set_bold(),
            date: Format::new().set_num_format("yyyy-mm-dd"),
        }
    }

    /// Adds a sheet named `name` with `columns` as its header row; its
    /// rows are written in order, then [`Sheet::finish`] closes it.
    pub(crate) fn sheet(&mut self, name: &str, columns: &[&str]) -> Result<Sheet<'_>> {
        let Book {
            workbook,
            header,
            date,
        } = self;
        let ws = workbook
            .add_worksheet_with_constant_memory()
            .map_err(failed)?;
        ws.set_name(name).map_err(failed)?;
        for (col, column) in columns.iter().enumerate() {
            ws.write_string_with_format(0, col as u16, *column, header)
                .map_err(failed)?;
        }
        Ok(Sheet {
            ws,
            date,
            row: 1,
            col: 0,
            // The header's filter button takes about two characters.
            widths: columns.iter().map(|c| c.chars().count() + 2).collect(),
        })
    }

    /// The finished workbook, as the bytes of an .xlsx file.
    pub(crate) fn finish(mut self) -> Result<Vec<u8>> {
        self.workbook.save_to_buffer().map_err(failed)
    }
}

/// One sheet, written row by row.
pub(crate) struct Sheet<'b> {
    ws: &'b mut Worksheet,
    date: &'b Format,
    /// The row being written (0 is the header).
    row: u32,
    /// The next cell's column.
    col: u16,
    /// The widest cell seen in each column, in characters.
    widths: Vec<usize>,
}

impl Sheet<'_> {
    /// Writes `record` as the next row, its columns in table order.
    pub(crate) fn record<R: Record>(&mut self, record: &R) -> Result<()> {
        schema::write_cells(self, record)?;
        self.row += 1;
        self.col = 0;
        Ok(())
    }

    /// Where the next cell goes, checked against the sheet's limits.
    fn cell(&mut self, width: usize) -> Result<(u32, u16)> {
        if self.row >= MAX_ROWS {
            return Err(Error::usage(format!(
                "too many rows for one sheet: a spreadsheet holds {} and a header",
                MAX_ROWS - 1
            ))
            .with_hint("export a part of it (--from, --to), or as CSV"));
        }
        let at = (self.row, self.col);
        if let Some(widest) = self.widths.get_mut(usize::from(self.col)) {
            *widest = (*widest).max(width);
        }
        self.col += 1;
        Ok(at)
    }

    /// Sets the widths, freezes the header row and puts an autofilter
    /// over every row written.
    pub(crate) fn finish(self) -> Result<()> {
        for (col, width) in self.widths.iter().enumerate() {
            let width = (*width).clamp(MIN_WIDTH, MAX_WIDTH) + 1;
            self.ws
                .set_column_width(col as u16, width as f64)
                .map_err(failed)?;
        }
        self.ws.set_freeze_panes(1, 0).map_err(failed)?;
        if let Some(last_col) = self.widths.len().checked_sub(1) {
            self.ws
                .autofilter(0, 0, self.row - 1, last_col as u16)
                .map_err(failed)?;
        }
        Ok(())
    }
}

impl Cells for Sheet<'_> {
    fn text(&mut self, cell: &str) -> Result<()> {
        let chars = cell.chars().count();
        if chars > MAX_TEXT {
            return Err(Error::usage(format!(
                "row {} holds a text of {chars} characters; a spreadsheet cell holds at most {MAX_TEXT}",
                self.row
            ))
            .with_hint("export it as CSV"));
        }
        // The longest line is what shows.
        let width = cell.lines().map(|l| l.chars().count()).max().unwrap_or(0);
        let (row, col) = self.cell(width)?;
        if cell.is_empty() {
            return Ok(());
        }
        // A string cell, never a formula: `=1+1` stays the text `=1+1`.
        self.ws.write_string(row, col, cell).map_err(failed)?;
        Ok(())
    }

    fn date(&mut self, date: NaiveDate) -> Result<()> {
        let (row, col) = self.cell(DATE_WIDTH)?;
        match excel_date(date) {
            Some(excel) => self
                .ws
                .write_datetime_with_format(row, col, excel, self.date),
            // Before 1900 or after 9999 a spreadsheet has no date: the text.
            None => self.ws.write_string(row, col, crate::dates::iso(date)),
        }
        .map_err(failed)?;
        Ok(())
    }

    fn optional_date(&mut self, date: Option<NaiveDate>) -> Result<()> {
        match date {
            Some(date) => self.date(date),
            None => self.cell(0).map(drop),
        }
    }

    fn number(&mut self, number: Option<u16>) -> Result<()> {
        let width = number.map_or(0, |n| n.to_string().len());
        let (row, col) = self.cell(width)?;
        if let Some(n) = number {
            self.ws
                .write_number(row, col, f64::from(n))
                .map_err(failed)?;
        }
        Ok(())
    }
}

/// `date` as a spreadsheet date, if it has one (1900 to 9999).
fn excel_date(date: NaiveDate) -> Option<ExcelDateTime> {
    let year = u16::try_from(date.year())
        .ok()
        .filter(|y| (1900..=9999).contains(y))?;
    ExcelDateTime::from_ymd(year, date.month() as u8, date.day() as u8).ok()
}

#[cold]
fn failed(err: XlsxError) -> Error {
    Error::runtime(format!("cannot make the spreadsheet: {err}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_outside_a_spreadsheets_calendar_have_none() {
        let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
        assert!(excel_date(day(2026, 11, 30)).is_some());
        assert!(excel_date(day(1899, 12, 31)).is_none());
        assert!(excel_date(day(-5, 1, 1)).is_none());
        assert!(excel_date(day(10_000, 1, 1)).is_none());
    }
}
