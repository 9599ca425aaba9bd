//! `log.csv`: appended one row at a time under the lock, read in one
//! streaming pass, rewritten atomically (for `--undo`, whose removed ids
//! stay out: see `store::removed`).

use std::collections::HashSet;
use std::path::Path;

use chrono::NaiveDate;

use super::conflicts;
use super::crypt;
use super::removed;
use super::schema::{Problem, Reader, table};
use crate::error::Result;
use crate::model::{Entry, Kind, MAX_MINUTES, MOOD_RANGE};

mod append;
mod fold;
mod newest;
mod skips;
mod undo;

pub(crate) use append::{append, check_appendable};
pub(crate) use fold::fold_copies;
pub(crate) use newest::newest_first;
pub(crate) use skips::{Look, skipped_on};
pub(crate) use undo::remove_last_of;

pub(crate) const LOG_FILE: &str = "log.csv";

// The columns of log.csv, in the order a new file gets them. A file must
// name the required ones to be read; an append needs them all. The lazy
// ones are decoded only for the rows a reader wants the text of.
table! {
    Entry {
        required "id": |e, cell| {
            if cell.bytes().is_empty() {
                return Err(Problem::new("is empty")
                    .hint("every entry needs an id; give it any unique word"));
            }
            cell.text_into(&mut e.id)
        }, |e, csv| csv.text(&e.id);
        required "date": |e, cell| {
            e.date = cell.date()?;
            Ok(())
        }, |e, csv| csv.date(e.date);
        required "partner": |e, cell| {
            cell.text_into(&mut e.partner)?;
            if e.partner.is_empty() {
                return Err(Problem::new("is empty"));
            }
            Ok(())
        }, |e, csv| csv.text(&e.partner);
        required "kind": |e, cell| {
            e.kind = Kind::from_bytes(cell.bytes()).ok_or_else(|| {
                let shown = String::from_utf8_lossy(cell.bytes());
                Problem::new(format!("{shown:?} is not a kind"))
                    .hint(format!("kinds: {}", Kind::names().collect::<Vec<_>>().join(", ")))
            })?;
            Ok(())
        }, |e, csv| csv.text(e.kind.as_str());
        optional "minutes": |e, cell| {
            e.minutes = cell.number(0, MAX_MINUTES)?;
            Ok(())
        }, |e, csv| csv.number(e.minutes);
        optional "mood": |e, cell| {
            let (low, high) = (*MOOD_RANGE.start(), *MOOD_RANGE.end());
            e.mood = cell.number(low.into(), high.into())?.map(|m| m as u8);
            Ok(())
        }, |e, csv| csv.number(e.mood.map(u16::from));
        lazy "prompt": |e, cell| cell.text_into(&mut e.prompt), |e, csv| csv.text(&e.prompt);
        lazy "note": |e, cell| cell.text_into(&mut e.note), |e, csv| csv.text(&e.note);
        lazy "logged_at": |e, cell| cell.text_into(&mut e.logged_at), |e, csv| csv.text(&e.logged_at);
    }
}

/// Calls `visit` with every entry of `DIR/log.csv`, in file order, in one
/// pass with one reused record; then the entries that sync-conflict copies
/// add (each id once). An entry removed by `--undo` (its id in
/// removed.csv) is never visited, whichever file still holds it. A missing
/// file has no entries.
pub(crate) fn for_each(dir: &Path, visit: impl FnMut(&Entry) -> Result<()>) -> Result<()> {
    for_each_decoding(dir, &|_, _| true, visit)
}

/// Which rows get their text (prompt, note, logged_at) decoded, by kind
/// and date; the others come with those empty.
pub(crate) type WantsText<'a> = &'a dyn Fn(Kind, NaiveDate) -> bool;

/// Like [`for_each`], decoding the text of only the rows `wants_text`
/// picks: a review of a million rows needs the notes of a few. What is not
/// decoded is not checked either; the other columns always are.
pub(crate) fn for_each_decoding(
    dir: &Path,
    wants_text: WantsText<'_>,
    mut visit: impl FnMut(&Entry) -> Result<()>,
) -> Result<()> {
    let removed = removed::read(dir)?;
    let copies = conflicts::copies(dir, LOG_FILE)?;
    if copies.is_empty() {
        let mut reader = |entry: &Entry, _| {
            if removed.contains(entry.id.as_bytes()) {
                return Ok(());
            }
            visit(entry)
        };
        return read_file_decoding(&dir.join(LOG_FILE), LOG_FILE, wants_text, &mut reader);
    }
    // Only with copies around do we need to remember ids.
    let mut seen: HashSet<String> = HashSet::new();
    read_file(&dir.join(LOG_FILE), LOG_FILE, |entry, _| {
        if seen.insert(entry.id.clone()) && !removed.contains(entry.id.as_bytes()) {
            visit(entry)?;
        }
        Ok(())
    })?;
    for copy in &copies {
        read_copy(copy, |entry| {
            if seen.insert(entry.id.clone()) && !removed.contains(entry.id.as_bytes()) {
                visit(entry)?;
            }
            Ok(())
        })?;
    }
    Ok(())
}

/// Streams a sync-conflict copy of the log: the file itself, never its
/// `.age` sibling (a plain twin's is the log).
pub(super) fn read_copy(copy: &Path, mut visit: impl FnMut(&Entry) -> Result<()>) -> Result<()> {
    let Some(file) = conflicts::open(copy)? else {
        return Ok(());
    };
    let mut reader = Reader::<_, Entry>::open(&conflicts::display_name(copy), file)?;
    while reader.advance(|_| true)? {
        visit(reader.record())?;
    }
    Ok(())
}

/// Streams one log file, with the line each entry starts on.
pub(super) fn read_file(
    path: &Path,
    name: &str,
    mut visit: impl FnMut(&Entry, u64) -> Result<()>,
) -> Result<()> {
    read_file_decoding(path, name, &|_, _| true, &mut visit)
}

fn read_file_decoding(
    path: &Path,
    name: &str,
    wants_text: WantsText<'_>,
    visit: &mut dyn FnMut(&Entry, u64) -> Result<()>,
) -> Result<()> {
    let Some(file) = crypt::open(path)? else {
        return Ok(());
    };
    let mut reader = Reader::<_, Entry>::open(name, file)?;
    while reader.advance(|e| wants_text(e.kind, e.date))? {
        visit(reader.record(), reader.line())?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::append::{ends_outside_quotes, last_line_is_whole};
    use super::*;
    use crate::render::csv::{Csv, CsvStyle};
    use crate::store::schema;

    /// Every entry of `bytes` read as log.csv, or the first error.
    fn read_all(bytes: &[u8]) -> Result<Vec<Entry>> {
        let mut reader = Reader::<_, Entry>::open(LOG_FILE, bytes)?;
        let mut entries = Vec::new();
        while reader.advance(|_| true)? {
            entries.push(reader.record().clone());
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
            let mut bytes = Vec::new();
            let fail = |e: &std::io::Error| crate::error::Error::runtime(e.to_string());
            let mut csv = Csv::new(&mut bytes, CsvStyle::default(), &fail).unwrap();
            schema::write_header::<Entry>(&mut csv).unwrap();
            schema::write_row(&mut csv, &entry).unwrap();
            csv.finish().unwrap();
            let back = read_all(&bytes).unwrap();
            prop_assert_eq!(back, vec![entry]);
        }
    }

    #[test]
    fn advancing_skips_only_what_did_not_change() {
        let log = "id,date,partner,kind,minutes,mood,prompt,note,logged_at\n\
                   a1,2026-11-20,alex,answer,,,p-1,first,t1\n\
                   a2,2026-11-20,alex,answer,,,p-1,second,t2\n\
                   a3,2026-11-20,sam,care,5,,,,t3\n\
                   a4,2026-11-21,sam,care,5,3,p-2,fourth,t4\n\
                   a5,2026-11-21,sam,talk,,3,p-2,fifth,\n";
        // Every other row's text wanted: lazy cells come and go.
        let wants = |e: &Entry| e.id.ends_with(['1', '2', '4']);
        let mut by_next = Vec::new();
        let mut reader = Reader::<_, Entry>::open(LOG_FILE, log.as_bytes()).unwrap();
        let mut entry = Entry::default();
        while reader.next(&mut entry, wants).unwrap() {
            by_next.push(entry.clone());
        }
        let mut by_advance = Vec::new();
        let mut reader = Reader::<_, Entry>::open(LOG_FILE, log.as_bytes()).unwrap();
        while reader.advance(wants).unwrap() {
            by_advance.push(reader.record().clone());
        }
        assert_eq!(by_advance, by_next);
        let notes: Vec<&str> = by_next.iter().map(|e| e.note.as_str()).collect();
        assert_eq!(notes, ["first", "second", "", "fourth", ""]);
        assert_eq!(by_next[4].mood, Some(3));
        assert_eq!(by_next[2].minutes, Some(5));
    }

    #[test]
    fn a_last_line_is_whole_only_with_all_its_fields() {
        assert!(last_line_is_whole(b"a,b,c\n1,\"x, y\",3\n", 3));
        assert!(!last_line_is_whole(b"a,b,c\n1,2\n", 3));
        assert!(!last_line_is_whole(b"a,b,c\n1,\"multi\nline\",3\n", 3));
        assert!(!last_line_is_whole(b"a,b,c\n1,2,\0\0\n", 3));
        assert!(last_line_is_whole(b"a,b,c\r\n1,2,3\r\n", 3));
    }

    #[test]
    fn an_open_quote_anywhere_before_the_end_is_never_a_whole_end() {
        let whole = |tail: &[u8], from_start| ends_outside_quotes(tail, 3, from_start);
        assert!(whole(b"a,b,c\n1,\"x, y\",3\n2,\"two\nlines\",3\n", true));
        // The last line looks whole, but it sits inside the quote opened above.
        assert!(!whole(b"a,b,c\n1,2,\"open\n4,5,6\n", true));
        assert!(!whole(b"a,b,c\n1,2,\"open\n", true));
        // A tail starting mid-row: read from its first line end.
        assert!(whole(b"e note\n1,2,3\n4,\"5\",6\n", false));
        assert!(!whole(b"e note\n1,2,\"open\n4,5,6\n", false));
        // Inside a long note, the tail's first line end is no row end:
        // either reading fits, and they disagree about the end.
        assert!(!whole(b"note\",2,3\n4,5,\"open\n", false));
    }
}
