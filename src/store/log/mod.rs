//! `log.csv`: appended one row at a time under the lock, read in one
//! streaming pass, rewritten atomically (for `--undo`).

use std::collections::HashSet;
use std::fs::File;
use std::io::{self, Read};
use std::path::Path;

use chrono::NaiveDate;
use csv::ByteRecord;

use super::conflicts;
use super::table::{Schema, Table, line};
use crate::dates;
use crate::error::{Error, Result};
use crate::model::{Entry, EntryRef, Kind, MAX_MINUTES, MOOD_RANGE};
use crate::printer::Warning;

mod append;
mod undo;

pub(crate) use append::{append, check_appendable};
pub(crate) use undo::remove_last_of;

pub(crate) const LOG_FILE: &str = "log.csv";

/// A file must name at least these to be read; an append needs them all.
const SCHEMA: Schema = Schema {
    columns: &Entry::COLUMNS,
    required: 4,
};
const ID: usize = 0;
const DATE: usize = 1;
const PARTNER: usize = 2;
const KIND: usize = 3;
const MINUTES: usize = 4;
const MOOD: usize = 5;
const PROMPT: usize = 6;
const NOTE: usize = 7;
const LOGGED_AT: usize = 8;

/// How far from the end of a log NUL bytes (a write torn by a crash) are
/// looked for when reading it.
const TORN_TAIL: u64 = 1024 * 1024;

/// Calls `visit` with every entry of `DIR/log.csv`, in file order, in one
/// pass with one reused buffer; then the entries that sync-conflict copies
/// add (each id once). A missing file has no entries.
pub(crate) fn for_each(dir: &Path, visit: impl FnMut(&EntryRef<'_>) -> Result<()>) -> Result<()> {
    for_each_decoding(dir, &|_, _| true, visit)
}

/// Which rows get their text (id, prompt, note, logged_at) decoded, by kind
/// and date; the others come with those empty.
pub(crate) type WantsText<'a> = &'a dyn Fn(Kind, NaiveDate) -> bool;

/// Like [`for_each`], decoding the text of only the rows `wants_text`
/// picks: a review of a million rows needs the notes of a few. What is not
/// decoded is not checked either; date, partner, kind, minutes and mood
/// always are.
pub(crate) fn for_each_decoding(
    dir: &Path,
    wants_text: WantsText<'_>,
    mut visit: impl FnMut(&EntryRef<'_>) -> Result<()>,
) -> Result<()> {
    let copies = conflicts::copies(dir, LOG_FILE)?;
    if copies.is_empty() {
        let mut reader = |entry: &EntryRef<'_>, _| visit(entry);
        return read_file_decoding(&dir.join(LOG_FILE), LOG_FILE, wants_text, &mut reader);
    }
    // Only with copies around do we need to remember ids.
    let mut seen: HashSet<String> = HashSet::new();
    read_file(&dir.join(LOG_FILE), LOG_FILE, |entry, _| {
        seen.insert(entry.id.to_string());
        visit(entry)
    })?;
    for copy in &copies {
        read_file(copy, &conflicts::display_name(copy), |entry, _| {
            if seen.insert(entry.id.to_string()) {
                visit(entry)?;
            }
            Ok(())
        })?;
    }
    Ok(())
}

/// Streams one log file, with the line each entry starts on.
pub(super) fn read_file(
    path: &Path,
    name: &str,
    mut visit: impl FnMut(&EntryRef<'_>, u64) -> Result<()>,
) -> Result<()> {
    read_file_decoding(path, name, &|_, _| true, &mut visit)
}

fn read_file_decoding(
    path: &Path,
    name: &str,
    wants_text: WantsText<'_>,
    visit: &mut dyn FnMut(&EntryRef<'_>, u64) -> Result<()>,
) -> Result<()> {
    let file = match File::open(path) {
        Ok(file) => file,
        Err(err) if err.kind() == io::ErrorKind::NotFound => return Ok(()),
        Err(err) => return Err(Error::io("cannot read", path, &err)),
    };
    let len = file.metadata().map_or(0, |m| m.len());
    let mut table = Table::open(name, file, &SCHEMA)?;
    table.check_nul_in_last(TORN_TAIL, len);
    let mut reader = RowReader::new(table);
    let mut record = ByteRecord::new();
    while reader.table.next(&mut record)? {
        let entry = reader.row(&record, wants_text)?;
        visit(&entry, line(&record))?;
    }
    Ok(())
}

/// Folds what sync-conflict copies add into the main file and moves them
/// aside. Call with the lock held.
fn fold_copies(dir: &Path) -> Result<Option<Warning>> {
    let copies = conflicts::copies(dir, LOG_FILE)?;
    if copies.is_empty() {
        return Ok(None);
    }
    let mut seen: HashSet<String> = HashSet::new();
    read_file(&dir.join(LOG_FILE), LOG_FILE, |entry, _| {
        seen.insert(entry.id.to_string());
        Ok(())
    })?;
    let mut missing = Vec::new();
    for copy in &copies {
        read_file(copy, &conflicts::display_name(copy), |entry, _| {
            if seen.insert(entry.id.to_string()) {
                missing.push(entry.to_entry());
            }
            Ok(())
        })?;
    }
    if !missing.is_empty() {
        append::append_rows(dir, &missing)?;
    }
    conflicts::set_aside(dir, &copies)
}

/// Turns records into validated rows; remembers the last date it parsed,
/// since neighbouring rows mostly share one.
struct RowReader<R: Read> {
    table: Table<R>,
    last_date: ([u8; 10], NaiveDate),
}

impl<R: Read> RowReader<R> {
    fn new(table: Table<R>) -> Self {
        Self {
            table,
            last_date: ([0; 10], NaiveDate::MIN),
        }
    }

    fn row<'r>(
        &mut self,
        record: &'r ByteRecord,
        wants_text: WantsText<'_>,
    ) -> Result<EntryRef<'r>> {
        let t = &self.table;
        let bad = |column: usize, problem: String| {
            t.value_error(record, SCHEMA.columns[column], &problem)
        };

        if t.bytes(record, ID).is_empty() {
            return Err(bad(ID, "is empty".into())
                .with_hint("every entry needs an id; give it any unique word"));
        }
        let raw_date = t.bytes(record, DATE);
        let date = if raw_date == self.last_date.0 {
            self.last_date.1
        } else {
            let date = dates::parse_file_date(raw_date).map_err(|problem| {
                bad(DATE, problem).with_hint(
                    "if a spreadsheet changed the dates, format that column as text YYYY-MM-DD",
                )
            })?;
            if let Ok(key) = raw_date.try_into() {
                self.last_date = (key, date);
            }
            date
        };
        let raw_kind = t.bytes(record, KIND);
        let kind = Kind::from_bytes(raw_kind).ok_or_else(|| {
            bad(
                KIND,
                format!("{:?} is not a kind", String::from_utf8_lossy(raw_kind)),
            )
            .with_hint(format!(
                "kinds: {}",
                Kind::names().collect::<Vec<_>>().join(", ")
            ))
        })?;
        let minutes = number(t.bytes(record, MINUTES), 0, MAX_MINUTES).map_err(|()| {
            bad(
                MINUTES,
                format!("must be a whole number from 0 to {MAX_MINUTES}"),
            )
        })?;
        let mood = number(
            t.bytes(record, MOOD),
            u16::from(*MOOD_RANGE.start()),
            u16::from(*MOOD_RANGE.end()),
        )
        .map_err(|()| bad(MOOD, "must be a whole number from 1 to 5".into()))?
        .map(|m| m as u8);

        let mut entry = EntryRef {
            id: "",
            date,
            partner: "",
            kind,
            minutes,
            mood,
            prompt: "",
            note: "",
            logged_at: "",
        };
        if wants_text(kind, date) {
            // One UTF-8 check for the whole row; a field is then a slice of
            // it (valid where it starts and ends on character boundaries;
            // where not, `not_utf8` names the field).
            let whole = std::str::from_utf8(record.as_slice()).unwrap_or_default();
            let text = |column: usize| -> Result<&'r str> {
                match t.position(column).and_then(|at| record.range(at)) {
                    Some(range) => match whole.get(range) {
                        Some(text) => Ok(text),
                        None => not_utf8(t, record, column),
                    },
                    None => Ok(""),
                }
            };
            entry.id = text(ID)?;
            entry.partner = text(PARTNER)?;
            entry.prompt = text(PROMPT)?;
            entry.note = text(NOTE)?;
            entry.logged_at = text(LOGGED_AT)?;
        } else {
            entry.partner = t.text(record, PARTNER, &SCHEMA)?;
        }
        if entry.partner.is_empty() {
            return Err(bad(PARTNER, "is empty".into()));
        }
        Ok(entry)
    }
}

/// The field is not valid UTF-8 (the whole row was not): say which.
#[cold]
fn not_utf8<'r, R: Read>(
    table: &Table<R>,
    record: &'r ByteRecord,
    column: usize,
) -> Result<&'r str> {
    table.text(record, column, &SCHEMA)
}

/// An optional whole number in `min..=max`: empty is `None`.
fn number(bytes: &[u8], min: u16, max: u16) -> std::result::Result<Option<u16>, ()> {
    if bytes.is_empty() {
        return Ok(None);
    }
    if bytes.len() > 5 || !bytes.iter().all(u8::is_ascii_digit) {
        return Err(());
    }
    let value = bytes.iter().fold(0u32, |n, b| n * 10 + u32::from(b - b'0'));
    if (u32::from(min)..=u32::from(max)).contains(&value) {
        Ok(Some(value as u16))
    } else {
        Err(())
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::append::{cells, last_line_is_whole, write_row};
    use super::*;

    /// Every entry of `bytes` read as log.csv, or the first error.
    fn read_all(bytes: &[u8]) -> Result<Vec<Entry>> {
        let mut reader = RowReader::new(Table::open(LOG_FILE, bytes, &SCHEMA)?);
        let mut record = ByteRecord::new();
        let mut entries = Vec::new();
        while reader.table.next(&mut record)? {
            entries.push(reader.row(&record, &|_, _| true)?.to_entry());
        }
        Ok(entries)
    }

    proptest! {
        #[test]
        fn the_reader_never_panics_on_arbitrary_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..600)) {
            let mut input = b"id,date,partner,kind,minutes,mood,prompt,note,logged_at\n".to_vec();
            input.extend_from_slice(&bytes);
            let _ = read_all(&input);
            let _ = read_all(&bytes);
        }

        #[test]
        fn any_note_and_partner_survive_a_write_and_a_read(
            note in any::<String>(),
            partner in "[^\\x00]{1,12}",
            minutes in proptest::option::of(0u16..=1440),
            days in 0u64..40_000,
        ) {
            prop_assume!(!partner.trim().is_empty() && !note.contains('\0'));
            let entry = Entry {
                id: "k3j9x2m4qa".into(),
                date: NaiveDate::from_ymd_opt(1950, 1, 1).unwrap() + chrono::Days::new(days),
                partner: partner.clone(),
                kind: Kind::Care,
                minutes,
                mood: None,
                prompt: String::new(),
                note: note.clone(),
                logged_at: "2026-11-25T10:00:00.000+00:00".into(),
            };
            let header: Vec<String> = Entry::COLUMNS.iter().map(|c| (*c).to_string()).collect();
            let mut bytes = Vec::new();
            write_row(&mut bytes, &header, b"\n").unwrap();
            write_row(&mut bytes, &cells(&entry, &header), b"\n").unwrap();
            let back = read_all(&bytes).unwrap();
            prop_assert_eq!(back, vec![entry]);
        }
    }

    #[test]
    fn numbers_are_whole_and_in_range() {
        assert_eq!(number(b"", 0, 1440), Ok(None));
        assert_eq!(number(b"15", 0, 1440), Ok(Some(15)));
        assert_eq!(number(b"1440", 0, 1440), Ok(Some(1440)));
        assert_eq!(number(b"1441", 0, 1440), Err(()));
        assert_eq!(number(b"-1", 0, 1440), Err(()));
        assert_eq!(number(b"1.5", 0, 1440), Err(()));
        assert_eq!(number(b"0", 1, 5), Err(()));
        assert_eq!(number(b"99999999999", 1, 5), Err(()));
    }

    #[test]
    fn a_last_line_is_whole_only_with_all_its_fields() {
        assert!(last_line_is_whole(b"a,b,c\n1,\"x, y\",3\n", 3));
        assert!(!last_line_is_whole(b"a,b,c\n1,2\n", 3));
        assert!(!last_line_is_whole(b"a,b,c\n1,\"multi\nline\",3\n", 3));
        assert!(!last_line_is_whole(b"a,b,c\n1,2,\0\0\n", 3));
        assert!(last_line_is_whole(b"a,b,c\r\n1,2,3\r\n", 3));
    }
}
