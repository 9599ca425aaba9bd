//! The first pass of [`newest_first`](super::newest_first): forward over
//! the file, every row split but only its date and kind read, chunk by
//! chunk; a long file in two halves at once; the strays set apart.

use std::collections::HashSet;
use std::fs::File;
use std::io::{Read, Seek, SeekFrom};
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};

use chrono::{Datelike, NaiveDate};
use csv::Position;
use rustc_hash::FxHashSet;

use super::{CHUNK_BYTES, Chunk, Keep, Wants};
use crate::dates;
use crate::error::{Error, Result};
use crate::model::{Entry, Kind};
use crate::store::crypt::Source;
use crate::store::log::{LOG_FILE, removed};
use crate::store::schema::Reader;

/// How many days later than most rows of its chunk a row is a stray: see
/// [`Found::close`].
const STRAY_DAYS: i32 = 31;

/// How long a file is read in two halves at once, in bytes.
pub(super) const HALVES_FROM: u64 = 4 * CHUNK_BYTES;

/// A second handle on the log, of its own (its own offset), and the log's
/// length, when it is a file long enough to be read in halves; `None` when
/// the path no longer names the file opened.
#[cfg(unix)]
pub(super) fn second_handle(path: &Path, file: &Source, halves_from: u64) -> Option<(File, u64)> {
    use std::os::unix::fs::MetadataExt;
    let Source::File(file) = file else {
        return None;
    };
    let first = file.metadata().ok()?;
    if first.len() < halves_from {
        return None;
    }
    let again = File::open(path).ok()?;
    let second = again.metadata().ok()?;
    (second.dev() == first.dev() && second.ino() == first.ino()).then_some((again, first.len()))
}

#[cfg(not(unix))]
pub(super) fn second_handle(_: &Path, _: &Source, _: u64) -> Option<(File, u64)> {
    None
}

/// Reads the log in two halves at once: this thread from the start, a
/// second from a row start near the middle (through `again`), each to the
/// other's start. The middle is found by looking for a line end, which
/// may lie inside a quoted note: the second half counts only once the
/// first half, read row by row, is seen to end right there. Otherwise, or
/// when the second half met a row it could not read (its line numbers are
/// only known then), this thread reads on to the end itself.
pub(super) fn halves(
    scan: &Scan<'_>,
    rows: &mut Reader<Source, Entry>,
    mut again: File,
    len: u64,
    found: &mut Found,
) -> Result<()> {
    let Some(middle) = middle(&mut again, len) else {
        return scan.rows(rows, None, found);
    };
    let stop = AtomicBool::new(false);
    std::thread::scope(|scope| {
        let second = scope.spawn(|| {
            // The header first, then the middle.
            again.seek(SeekFrom::Start(0)).ok()?;
            let mut rows = Reader::<_, Entry>::open(LOG_FILE, Source::File(again)).ok()?;
            let mut start = Position::new();
            start.set_byte(middle);
            rows.table().seek(&start).ok()?;
            let mut half = Found::default();
            scan.rows_until_stopped(&mut rows, &stop, &mut half).ok()?;
            Some(half)
        });
        let first = scan.rows(rows, Some(middle), found);
        let met = rows.next_start().byte() == middle;
        if first.is_err() || !met {
            stop.store(true, Ordering::Relaxed);
        }
        let second = second.join().ok().flatten();
        first?;
        match second {
            Some(half) if met => {
                found.join(half, rows.next_start());
                Ok(())
            }
            _ => scan.rows(rows, None, found),
        }
    })
}

/// Where a row may start near the middle of the file: right after the
/// first line end past it (at the `\n` of a `\r\n`, where a reader leaves
/// off after a row ending so).
fn middle(file: &mut File, len: u64) -> Option<u64> {
    let from = (len / 2).max(1);
    file.seek(SeekFrom::Start(from - 1)).ok()?;
    let mut bytes = vec![0u8; 64 * 1024];
    let mut filled = 0;
    while filled < bytes.len() {
        match file.read(&mut bytes[filled..]) {
            Ok(0) => break,
            Ok(n) => filled += n,
            Err(err) if err.kind() == std::io::ErrorKind::Interrupted => {}
            Err(_) => return None,
        }
    }
    let bytes = &bytes[..filled];
    let end = 1 + memchr::memchr(b'\n', bytes.get(1..)?)?;
    let at = from - 1 + end as u64;
    let start = if bytes[end - 1] == b'\r' { at } else { at + 1 };
    (start < len).then_some(start)
}

/// How the first pass reads rows.
pub(super) struct Scan<'a> {
    wants: Wants<'a>,
    keep: Keep<'a>,
    removed: &'a removed::Removed,
    /// Sync-conflict copies are about: every row is decoded, for its id.
    copies: bool,
    /// Where the date and the kind are in the entry's columns.
    date: usize,
    kind: usize,
}

impl<'a> Scan<'a> {
    /// Reads the rows `wants` picks whole, keeping what `keep` keeps of
    /// them, but those `removed`; every row whole when sync-conflict
    /// `copies` are about (their ids tell what the copies add).
    pub(super) fn new(
        wants: Wants<'a>,
        keep: Keep<'a>,
        removed: &'a removed::Removed,
        copies: bool,
    ) -> Result<Self> {
        Ok(Self {
            wants,
            keep,
            removed,
            copies,
            date: column("date")?,
            kind: column("kind")?,
        })
    }
}

/// Where log.csv's column `name` is in the entry's table.
fn column(name: &str) -> Result<usize> {
    Reader::<Source, Entry>::column(name)
        .ok_or_else(|| Error::runtime(format!("log.csv has no column {name} in its table")))
}

/// What the first pass found in some rows.
#[derive(Default)]
pub(super) struct Found {
    pub(super) chunks: Vec<Chunk>,
    /// The rows of the chunk being read: their dates and where they start.
    open: Vec<(NaiveDate, Position)>,
    pub(super) strays: Vec<Position>,
    pub(super) keys: FxHashSet<String>,
    /// Every id, when sync-conflict copies are about.
    pub(super) seen: HashSet<String>,
}

impl Found {
    /// Adds what the second half found, its rows counted from `start`
    /// (where the first half ends): it counted as from the top of a file
    /// (`Position::new()`: line 1, record 0).
    fn join(&mut self, half: Found, start: &Position) {
        let moved = |mut at: Position| {
            at.set_line(start.line() + at.line().saturating_sub(1));
            at.set_record(start.record() + at.record());
            at
        };
        for mut chunk in half.chunks {
            chunk.start = moved(chunk.start);
            self.chunks.push(chunk);
        }
        self.strays.extend(half.strays.into_iter().map(moved));
        self.keys.extend(half.keys);
        self.seen.extend(half.seen);
    }

    /// Adds a row to the chunk being read, closing it first when the row
    /// starts a new one.
    fn add(&mut self, date: NaiveDate, at: Position) {
        if self
            .open
            .first()
            .is_some_and(|(_, start)| at.byte() - start.byte() >= CHUNK_BYTES)
        {
            self.close();
        }
        self.open.push((date, at));
    }

    /// Closes the chunk being read. A row dated more than [`STRAY_DAYS`]
    /// after nine in ten of the chunk's rows (or more than the time the
    /// middle eight in ten span, in a chunk that spans months) is a stray
    /// (a year mistyped, a date in the future): it is read apart, and
    /// left out of the
    /// chunk's latest date, which would otherwise keep every row after it
    /// in the file waiting in memory until its chunk is read.
    fn close(&mut self) {
        let Some((_, start)) = self.open.first() else {
            return;
        };
        let start = start.clone();
        let mut days: Vec<i32> = self
            .open
            .iter()
            .map(|(d, _)| d.num_days_from_ce())
            .collect();
        let nine_in_ten = days.len() * 9 / 10;
        let (below, &mut ninetieth, _) = days.select_nth_unstable(nine_in_ten);
        // One in ten of all is one in nine of those below.
        let tenth = match below.len() / 9 {
            at if at < below.len() => *below.select_nth_unstable(at).1,
            _ => ninetieth,
        };
        let limit = ninetieth + STRAY_DAYS.max(ninetieth - tenth);
        let mut latest = NaiveDate::MIN;
        for (date, at) in &self.open {
            if date.num_days_from_ce() > limit {
                self.strays.push(at.clone());
            } else {
                latest = latest.max(*date);
            }
        }
        self.chunks.push(Chunk {
            start,
            rows: self.open.len(),
            latest,
        });
        self.open.clear();
    }
}

impl Scan<'_> {
    /// Reads rows to the end, or until the next one starts at `until` or
    /// past it: where each chunk of rows starts and the latest date it
    /// holds, and what `keep` keeps.
    pub(super) fn rows(
        &self,
        rows: &mut Reader<Source, Entry>,
        until: Option<u64>,
        found: &mut Found,
    ) -> Result<()> {
        while until.is_none_or(|until| rows.next_start().byte() < until) && rows.skim()? {
            self.row(rows, found)?;
        }
        found.close();
        Ok(())
    }

    /// Reads rows to the end, unless `stop` is set first.
    fn rows_until_stopped(
        &self,
        rows: &mut Reader<Source, Entry>,
        stop: &AtomicBool,
        found: &mut Found,
    ) -> Result<()> {
        while !stop.load(Ordering::Relaxed) && rows.skim()? {
            self.row(rows, found)?;
        }
        found.close();
        Ok(())
    }

    /// What the first pass keeps of a row read whole.
    fn keep(&self, entry: &Entry, found: &mut Found) {
        if self.copies {
            found.seen.insert(entry.id.clone());
        }
        if (self.wants)(entry.kind, entry.date)
            && !self.removed.contains(entry.id.as_bytes())
            && let Some(key) = (self.keep)(entry)
        {
            found.keys.insert(key);
        }
    }

    /// The row just skimmed.
    fn row(&self, rows: &mut Reader<Source, Entry>, found: &mut Found) -> Result<()> {
        let at = rows.row().position().cloned().unwrap_or_else(Position::new);
        let read = (
            dates::parse_iso(rows.cell(self.date)),
            Kind::from_bytes(rows.cell(self.kind)),
        );
        let day = match read {
            (Some(day), Some(kind)) if !self.copies && !(self.wants)(kind, day) => day,
            // A row wanted whole whose other cells do not read is the
            // second pass's to name, in its turn (after the newer rows).
            (Some(day), Some(_)) if !self.copies => {
                if rows.decode(|_| true).is_ok() {
                    self.keep(rows.record(), found);
                }
                day
            }
            // A date or a kind that does not read is named now; with
            // copies about, every row is read whole (its id tells what
            // they add).
            _ => {
                rows.decode(|_| true)?;
                self.keep(rows.record(), found);
                rows.record().date
            }
        };
        found.add(day, at);
        Ok(())
    }
}
