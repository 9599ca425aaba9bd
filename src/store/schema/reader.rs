//! The streaming reader over a data file: rows decoded one at a time into
//! a record through its table of columns, every row checked (UTF-8, each
//! cell's decode), nothing allocated per row once the buffers have grown.

use super::{Cell, DecodeEach, Problem, Record, not_utf8};
use crate::error::{Error, Result};
use crate::store::rows::{Fields, Row};
use crate::store::table::{Source, Table};

/// Rows of a data file decoded one at a time, with one reused buffer:
/// nothing is allocated per row once the buffers have grown.
///
/// [`Reader::next`] decodes into a record of the caller's. [`Reader::advance`]
/// decodes into the reader's own ([`Reader::record`]), and skips a cell
/// that reads as in the row before (the date, kind and partner of
/// neighbouring log rows): the hot loop of a million-row read.
pub(crate) struct Reader<I: Source, R: Record> {
    table: Table<I>,
    /// Where each column stands in the file (`usize::MAX`: nowhere).
    positions: Vec<usize>,
    has_lazy: bool,
    row: Row,
    /// The row read before `row`, for [`Reader::advance`].
    previous: Row,
    /// What `record` holds: see [`Held`].
    held: Held,
    record: R,
    skip_blank_rows: bool,
}

/// What a reader's own record holds.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Held {
    /// Nothing known.
    Nothing,
    /// The eager cells of `previous`, decoded.
    Eager,
    /// Those, and `previous`'s lazy cells read as empty.
    EagerAndEmptyLazy,
}

impl<I: Source, R: Record> Reader<I, R> {
    /// Reads the header of `input`, named `name` in errors.
    pub(crate) fn open(name: &str, input: I) -> Result<Self> {
        let table = Table::open::<R>(name, input)?;
        let positions = (0..R::COLUMNS.len())
            .map(|i| table.position(i).unwrap_or(usize::MAX))
            .collect();
        Ok(Self {
            table,
            positions,
            has_lazy: R::COLUMNS.iter().any(|c| c.lazy),
            row: Row::default(),
            previous: Row::default(),
            held: Held::Nothing,
            record: R::default(),
            skip_blank_rows: false,
        })
    }

    /// Passes over rows whose cells are all blank, as a spreadsheet leaves
    /// them behind: they hold nothing.
    pub(crate) fn skipping_blank_rows(mut self) -> Self {
        self.skip_blank_rows = true;
        self
    }

    /// The table underneath (header, positions, NUL check).
    pub(crate) fn table(&mut self) -> &mut Table<I> {
        &mut self.table
    }

    /// Reads the next row into `row`, passing over blank ones if asked.
    fn read(&mut self) -> Result<bool> {
        loop {
            if !self.table.next_row(&mut self.row)? {
                return Ok(false);
            }
            if !(self.skip_blank_rows && self.row.iter().all(|c| c.trim_ascii().is_empty())) {
                return Ok(true);
            }
        }
    }

    /// Reads the next row into `into`; false at the end. The lazy columns
    /// are decoded only when `wants_lazy` says so, given the record with
    /// its other columns decoded; otherwise they read as empty.
    pub(crate) fn next(&mut self, into: &mut R, wants_lazy: impl Fn(&R) -> bool) -> Result<bool> {
        self.held = Held::Nothing;
        if !self.read()? {
            return Ok(false);
        }
        decode_row(
            &self.table,
            &self.positions,
            self.has_lazy,
            &self.row,
            None,
            into,
            wants_lazy,
        )?;
        Ok(true)
    }

    /// Like [`Reader::next`], into the reader's own record
    /// ([`Reader::record`]), not decoding again a cell that reads as in the
    /// row before.
    pub(crate) fn advance(&mut self, wants_lazy: impl Fn(&R) -> bool) -> Result<bool> {
        std::mem::swap(&mut self.row, &mut self.previous);
        let held = std::mem::replace(&mut self.held, Held::Nothing);
        if !self.read()? {
            return Ok(false);
        }
        let previous = (held != Held::Nothing).then_some((&self.previous, held));
        self.held = decode_row(
            &self.table,
            &self.positions,
            self.has_lazy,
            &self.row,
            previous,
            &mut self.record,
            wants_lazy,
        )?;
        Ok(true)
    }

    /// Reads the next row without decoding any of it (its cells are
    /// [`Reader::cell`]; [`Reader::decode`] decodes it): a pass that looks
    /// at two or three cells of a row. False at the end.
    pub(crate) fn skim(&mut self) -> Result<bool> {
        self.held = Held::Nothing;
        self.read()
    }

    /// The bytes of column `name` of `R` in the row last read (empty when
    /// the file lacks it): found once with [`Reader::column`].
    #[inline]
    pub(crate) fn cell(&self, column: usize) -> &[u8] {
        self.row.get(self.positions[column]).unwrap_or_default()
    }

    /// Where the next row starts (blank lines before it included), as the
    /// csv crate counts.
    pub(crate) fn next_start(&self) -> &csv::Position {
        self.table.next_start()
    }

    /// Where column `name` of `R` is in [`Record::COLUMNS`], for [`Reader::cell`].
    pub(crate) fn column(name: &str) -> Option<usize> {
        R::COLUMNS.iter().position(|c| c.name == name)
    }

    /// Decodes the row last [`skim`](Reader::skim)med into the reader's own
    /// record, as [`Reader::advance`] would have.
    pub(crate) fn decode(&mut self, wants_lazy: impl Fn(&R) -> bool) -> Result<()> {
        self.held = decode_row(
            &self.table,
            &self.positions,
            self.has_lazy,
            &self.row,
            None,
            &mut self.record,
            wants_lazy,
        )?;
        Ok(())
    }

    /// The reader's own record: the row [`Reader::advance`] read last.
    pub(crate) fn record(&self) -> &R {
        &self.record
    }

    /// The row last read, as it stands in the file.
    pub(crate) fn row(&self) -> &Row {
        &self.row
    }

    /// The line the row last read starts on.
    pub(crate) fn line(&self) -> u64 {
        self.table.line(&self.row)
    }
}

/// Decodes `row` into `record`: every column but the lazy ones, which only
/// when `wants_lazy` says so (else they read as empty). With `previous`
/// (a row and what `record` holds of it), a cell as in that row is not
/// decoded again. Returns what `record` then holds.
fn decode_row<I: Source, R: Record, F: Fields>(
    table: &Table<I>,
    positions: &[usize],
    has_lazy: bool,
    row: &F,
    previous: Option<(&F, Held)>,
    record: &mut R,
    wants_lazy: impl Fn(&R) -> bool,
) -> Result<Held> {
    // Every row is checked to be UTF-8, whatever is decoded of it (a lazy
    // cell left empty too): one check over the whole row, the cheap way;
    // a cell is then a slice of it.
    let Some(whole) = utf8_row(row) else {
        return Err(not_utf8_at::<I, R, F>(table, row));
    };
    let mut pass = Pass {
        table,
        positions,
        row,
        previous: previous.map(|(p, _)| p),
        whole: Some(whole),
        record,
        lazy: false,
        empty: false,
    };
    R::decode_columns(&mut pass)?;
    if !has_lazy {
        return Ok(Held::Eager);
    }
    pass.lazy = true;
    pass.empty = !wants_lazy(pass.record);
    // Lazy cells read as empty in the row before too: nothing to do.
    if !(pass.empty && previous.is_some_and(|(_, held)| held == Held::EagerAndEmptyLazy)) {
        R::decode_columns(&mut pass)?;
    }
    Ok(if pass.empty {
        Held::EagerAndEmptyLazy
    } else {
        Held::Eager
    })
}

/// One pass over a row's columns: the eager ones, or the lazy.
struct Pass<'a, I: Source, R, F> {
    table: &'a Table<I>,
    positions: &'a [usize],
    row: &'a F,
    /// The row before, whose eager cells `record` holds decoded.
    previous: Option<&'a F>,
    whole: Option<&'a str>,
    record: &'a mut R,
    /// Which columns this pass decodes.
    lazy: bool,
    /// Lazy cells are read as empty.
    empty: bool,
}

impl<I: Source, R: Record, F: Fields> DecodeEach<R> for Pass<'_, I, R, F> {
    // Inlined into every row's loop, so that `column.lazy` and each decode
    // are known there; measured in benches/run (review, export).
    #[allow(clippy::inline_always)]
    #[inline(always)]
    fn column(
        &mut self,
        index: usize,
        decode: impl Fn(&mut R, Cell<'_>) -> Result<(), Problem>,
    ) -> Result<()> {
        let column = &R::COLUMNS[index];
        if column.lazy != self.lazy {
            return Ok(());
        }
        let at = self.positions[index];
        let cell = if self.lazy && self.empty {
            Cell::EMPTY
        } else {
            if !self.lazy
                && let Some(previous) = self.previous
                && same(
                    self.row.get(at).unwrap_or_default(),
                    previous.get(at).unwrap_or_default(),
                )
            {
                return Ok(());
            }
            match self.row.range(at) {
                Some(range) => Cell {
                    bytes: &self.row.as_slice()[range.clone()],
                    text: self.whole.and_then(|w| w.get(range)),
                },
                None => Cell::EMPTY,
            }
        };
        decode(self.record, cell).map_err(|p| self.table.problem(self.row, column.name, p))
    }
}

/// Whether two cells are the same bytes; most that differ differ at once.
/// A cell of 8 to 16 bytes (a date, an id) is compared as two words, not
/// through a call to `memcmp`.
#[inline]
pub(super) fn same(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() || a.first() != b.first() {
        return false;
    }
    if (8..=16).contains(&a.len()) {
        let word = |cell: &[u8], at: usize| {
            let mut eight = [0u8; 8];
            eight.copy_from_slice(&cell[at..at + 8]);
            u64::from_le_bytes(eight)
        };
        let last = a.len() - 8;
        return word(a, 0) == word(b, 0) && word(a, last) == word(b, last);
    }
    a == b
}

/// The row as text, when it is UTF-8 and each field starts and ends on a
/// character boundary (fields are stored back to back, so two halves of a
/// character in two fields would pass the first check alone).
fn utf8_row<F: Fields>(record: &F) -> Option<&str> {
    let whole = std::str::from_utf8(record.as_slice()).ok()?;
    // A row split at its (ASCII) commas, or an ASCII row, has a character
    // boundary wherever a field starts or ends.
    if record.split_at_commas() || whole.is_ascii() {
        return Some(whole);
    }
    (0..record.len())
        .all(|at| {
            record
                .range(at)
                .is_some_and(|r| whole.is_char_boundary(r.start) && whole.is_char_boundary(r.end))
        })
        .then_some(whole)
}

/// The error for a row that is not UTF-8, naming the first field that is
/// not (by our column name, or the file's own for a column of the users').
#[cold]
fn not_utf8_at<I: Source, R: Record, F: Fields>(table: &Table<I>, record: &F) -> Error {
    let at = (0..record.len())
        .position(|i| std::str::from_utf8(record.get(i).unwrap_or_default()).is_err())
        .unwrap_or(0);
    let name = (0..R::COLUMNS.len())
        .find(|&i| table.position(i) == Some(at))
        .map(|i| R::COLUMNS[i].name.to_string())
        .or_else(|| {
            table
                .header()
                .get(at)
                .map(|h| String::from_utf8_lossy(h).trim().to_string())
        })
        .unwrap_or_else(|| (at + 1).to_string());
    table.problem(record, &name, not_utf8())
}
