//! Reading log.csv newest first without holding it, for `couple history`.
//!
//! The log is appended to, so it is roughly in date order, but not exactly
//! (a backdated entry, a row a sync copy brought in). Two passes over one
//! open file. The first reads forward, splitting every row but reading
//! only its date and kind: it notes where every 256 KiB chunk of rows
//! starts and the latest date it holds, and decodes whole the rows the
//! caller wants before anything is shown (the answers, for the prompts the
//! reader has answered). The second goes through the chunks from the last
//! to the first, seeking to each, decodes and checks every row, and gives
//! out, newest first, every row later than anything the chunks before it
//! hold. Memory holds a few chunks of rows, whatever the size of the log;
//! a row far out of order only keeps rows waiting longer.
//!
//! Both passes use the machine's second core. The first reads a long
//! file in two halves at once, the second half from a line end near the
//! middle, counted only once the first half is seen to end right there (a
//! line end may lie inside a quoted note). The second pass reads on a
//! thread of its own, a chunk or two ahead of the caller, who lays out and
//! writes what it reads meanwhile. A bad row
//! is reported where the second pass meets it, after the rows newer than
//! it were given out (as `git log` stops at a broken object).
//!
//! Both passes read with the store's one reader (`schema::Reader` over
//! `store::rows`, which splits a row at its commas).

use std::collections::HashSet;
use std::fs::File;
use std::io::{Read, Seek, SeekFrom};
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc;

use chrono::{Datelike, NaiveDate};
use csv::Position;

use rustc_hash::FxHashSet;

use super::{LOG_FILE, conflicts, read_file, removed};
use crate::dates;
use crate::error::{Error, Result};
use crate::model::{Entry, Kind};
use crate::store::crypt::{self, Source};
use crate::store::schema::Reader;

/// How many bytes of rows a chunk holds, about.
const CHUNK_BYTES: u64 = 256 * 1024;

/// How many days later than most rows of its chunk a row is a stray: see
/// [`Found::close`].
const STRAY_DAYS: i32 = 31;

/// Where a chunk of rows starts, how many it has, and its latest date
/// (strays left out).
struct Chunk {
    start: Position,
    rows: usize,
    latest: NaiveDate,
}

/// A row given out from beside the file's chunks (what a sync-conflict
/// copy adds, a stray): its date as `YYYYMMDD` and where it starts (for a
/// copy's, after every row of the file), for its turn.
struct Extra {
    date: u32,
    at: u64,
    entry: Entry,
}

/// A row read in the second pass, waiting for its turn.
struct Waiting {
    /// Its date as `YYYYMMDD`: see [`day`].
    date: u32,
    /// Where it starts in the file: later rows of a day come first.
    at: u64,
    /// Boxed: sorting and handing rows over moves pointers, not entries.
    entry: Box<Entry>,
}

/// The log, read once forward; [`NewestFirst::visit`] reads it again,
/// newest first.
pub(crate) struct NewestFirst {
    rows: Option<Reader<Source, Entry>>,
    chunks: Vec<Chunk>,
    /// What sync-conflict copies add, oldest first.
    extra: Vec<Extra>,
    /// Where the strays start: read before the rest, given out in their turn.
    strays: Vec<Position>,
    /// The ids `log --undo` took out: never visited.
    removed: removed::Removed,
}

/// What the first pass is after: which rows to decode whole (by kind and
/// date), and what to keep of one (the prompts the reader answered).
pub(crate) type Wants<'a> = &'a (dyn Fn(Kind, NaiveDate) -> bool + Sync);
pub(crate) type Keep<'a> = &'a (dyn Fn(&Entry) -> Option<String> + Sync);

/// The first pass over `DIR/log.csv` and the rows sync-conflict copies
/// add: the set of what `keep` keeps of the entries `wants` picks by kind
/// and date (decoded whole, text and all). The other rows are only split
/// and their date and kind read: the second pass
/// ([`NewestFirst::visit`]) decodes and checks every row. A long file is
/// read in two halves at once (see [`halves`]). A missing file has no
/// entries.
pub(crate) fn newest_first(
    dir: &Path,
    wants: Wants<'_>,
    keep: Keep<'_>,
) -> Result<(NewestFirst, FxHashSet<String>)> {
    newest_first_halving(dir, wants, keep, HALVES_FROM)
}

/// [`newest_first`], halving a file of `halves_from` bytes or more.
fn newest_first_halving(
    dir: &Path,
    wants: Wants<'_>,
    keep: Keep<'_>,
    halves_from: u64,
) -> Result<(NewestFirst, FxHashSet<String>)> {
    let path = dir.join(LOG_FILE);
    let file = crypt::open(&path)?;
    let removed = removed::read(dir)?;
    let copies = conflicts::copies(dir, LOG_FILE)?;
    let scan = Scan {
        wants,
        keep,
        removed: &removed,
        copies: !copies.is_empty(),
        date: column("date")?,
        kind: column("kind")?,
    };
    let mut found = Found::default();
    let reader = match file {
        None => None,
        Some(file) => {
            // With copies about, every id is needed: one reading, forward.
            let again = if copies.is_empty() {
                second_handle(&path, &file, halves_from)
            } else {
                None
            };
            let mut rows = Reader::<_, Entry>::open(LOG_FILE, file)?;
            match again {
                Some((again, len)) => halves(&scan, &mut rows, again, len, &mut found)?,
                None => scan.rows(&mut rows, None, &mut found)?,
            }
            Some(rows)
        }
    };
    // What the copies add is kept whole: they are small, and rare.
    let mut extra: Vec<Extra> = Vec::new();
    for copy in &copies {
        read_file(copy, &conflicts::display_name(copy), |entry, _| {
            if found.seen.insert(entry.id.clone()) && !removed.contains(entry.id.as_bytes()) {
                if wants(entry.kind, entry.date)
                    && let Some(key) = keep(entry)
                {
                    found.keys.insert(key);
                }
                extra.push(Extra {
                    date: day(entry.date),
                    at: u64::MAX,
                    entry: entry.clone(),
                });
            }
            Ok(())
        })?;
    }
    let log = NewestFirst {
        rows: reader,
        chunks: found.chunks,
        extra,
        strays: found.strays,
        removed,
    };
    Ok((log, found.keys))
}

/// How long a file is read in two halves at once, in bytes.
const HALVES_FROM: u64 = 4 * CHUNK_BYTES;

/// A second handle on the log, of its own (its own offset), and the log's
/// length, when it is a file long enough to be read in halves; `None` when
/// the path no longer names the file opened.
#[cfg(unix)]
fn second_handle(path: &Path, file: &Source, halves_from: u64) -> Option<(File, u64)> {
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
fn second_handle(_: &Path, _: &Source, _: u64) -> Option<(File, u64)> {
    None
}

/// Reads the log in two halves at once: this thread from the start, a
/// second from a row start near the middle (through `again`), each to the
/// other's start. The middle is found by looking for a line end, which
/// may lie inside a quoted note: the second half counts only once the
/// first half, read row by row, is seen to end right there. Otherwise, or
/// when the second half met a row it could not read (its line numbers are
/// only known then), this thread reads on to the end itself.
fn halves(
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
struct Scan<'a> {
    wants: Wants<'a>,
    keep: Keep<'a>,
    removed: &'a removed::Removed,
    /// Sync-conflict copies are about: every row is decoded, for its id.
    copies: bool,
    /// Where the date and the kind are in the entry's columns.
    date: usize,
    kind: usize,
}

/// Where log.csv's column `name` is in the entry's table.
fn column(name: &str) -> Result<usize> {
    Reader::<Source, Entry>::column(name)
        .ok_or_else(|| Error::runtime(format!("log.csv has no column {name} in its table")))
}

/// What the first pass found in some rows.
#[derive(Default)]
struct Found {
    chunks: Vec<Chunk>,
    /// The rows of the chunk being read: their dates and where they start.
    open: Vec<(NaiveDate, Position)>,
    strays: Vec<Position>,
    keys: FxHashSet<String>,
    /// Every id, when sync-conflict copies are about.
    seen: HashSet<String>,
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
    /// after nine in ten of the chunk's rows is a stray (a year mistyped,
    /// a date in the future): it is read apart, and left out of the
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
        let limit = *days.select_nth_unstable(nine_in_ten).1 + STRAY_DAYS;
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
    fn rows(
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

    /// The row just skimmed.
    fn row(&self, rows: &mut Reader<Source, Entry>, found: &mut Found) -> Result<()> {
        let at = rows.row().position().cloned().unwrap_or_else(Position::new);
        let read = (
            dates::parse_iso(rows.cell(self.date)),
            Kind::from_bytes(rows.cell(self.kind)),
        );
        // With copies about, every id is needed to tell what they add; a
        // cell that does not read is the decoder's to name.
        let day = match read {
            (Some(day), Some(kind)) if !self.copies && !(self.wants)(kind, day) => day,
            _ => {
                rows.decode(|_| true)?;
                let entry = rows.record();
                if self.copies {
                    found.seen.insert(entry.id.clone());
                }
                if (self.wants)(entry.kind, entry.date)
                    && !self.removed.contains(entry.id.as_bytes())
                    && let Some(key) = (self.keep)(entry)
                {
                    found.keys.insert(key);
                }
                entry.date
            }
        };
        found.add(day, at);
        Ok(())
    }
}

impl NewestFirst {
    /// The second pass: calls `visit` with every entry, newest first: the
    /// latest date first, and within a day the last written first
    /// (decoding the text of those `visit_text` picks). The rows are read
    /// and decoded on a thread of their own, a chunk ahead of `visit`.
    pub(crate) fn visit(
        self,
        visit_text: &(dyn Fn(Kind, NaiveDate) -> bool + Sync),
        mut visit: impl FnMut(&Entry) -> Result<()>,
    ) -> Result<()> {
        let Self {
            rows,
            chunks,
            mut extra,
            strays,
            removed,
        } = self;
        let Some(mut rows) = rows else {
            return give_extra(&mut extra, None, &mut visit);
        };
        // The strays first, each where it lies: the reading passes them by.
        let mut passed: FxHashSet<u64> = FxHashSet::default();
        for at in &strays {
            rows.table().seek(at)?;
            let mut entry = Entry::default();
            if rows.next(&mut entry, |e| visit_text(e.kind, e.date))?
                && !removed.contains(entry.id.as_bytes())
            {
                extra.push(Extra {
                    date: day(entry.date),
                    at: at.byte(),
                    entry,
                });
            }
            passed.insert(at.byte());
        }
        // Newest last, so the next one out is `pop`ped.
        extra.sort_by_key(|e| (e.date, e.at));
        std::thread::scope(|scope| {
            // Two chunks of rows on their way at most: memory stays flat.
            let (ready, batches) = mpsc::sync_channel(2);
            let (done, spares) = mpsc::channel();
            let (chunks, removed, passed) = (&chunks, &removed, &passed);
            scope.spawn(move || {
                let read =
                    read_backward(rows, chunks, removed, passed, visit_text, &ready, &spares);
                // The error after the rows read before it; none when the
                // visit stopped first (it has its own).
                if let Err(err) = read {
                    let _ = ready.send(Err(err));
                }
            });
            for batch in batches {
                let batch = batch?;
                for waiting in &batch {
                    give_extra(&mut extra, Some((waiting.date, waiting.at)), &mut visit)?;
                    visit(&waiting.entry)?;
                }
                // Their strings are filled again; gone if the reader is done.
                let _ = done.send(batch);
            }
            give_extra(&mut extra, None, &mut visit)
        })
    }
}

/// Rows going to the visit, newest first, or the error that ended the reading.
type Batch = Result<Vec<Waiting>>;

/// Reads the chunks from the last to the first and sends, newest first,
/// every row later than anything the chunks before it hold (the
/// `removed` ones left out). Stops when the visit does (`ready` is closed).
fn read_backward(
    mut rows: Reader<Source, Entry>,
    chunks: &[Chunk],
    removed: &removed::Removed,
    passed: &FxHashSet<u64>,
    visit_text: &(dyn Fn(Kind, NaiveDate) -> bool + Sync),
    ready: &mpsc::SyncSender<Batch>,
    spares: &mpsc::Receiver<Vec<Waiting>>,
) -> Result<()> {
    // The latest date of all the chunks before each one.
    let mut before = Vec::with_capacity(chunks.len());
    let mut latest = 0;
    for chunk in chunks {
        before.push(latest);
        latest = latest.max(day(chunk.latest));
    }
    let mut waiting: Vec<Waiting> = Vec::new();
    // Entries given out and back, their strings to be filled again.
    let mut spare: Vec<Box<Entry>> = Vec::new();
    for (k, chunk) in chunks.iter().enumerate().rev() {
        while let Ok(batch) = spares.try_recv() {
            spare.extend(batch.into_iter().map(|w| w.entry));
        }
        rows.table().seek(&chunk.start)?;
        for _ in 0..chunk.rows {
            let mut entry = spare.pop().unwrap_or_default();
            if !rows.next(&mut entry, |e| visit_text(e.kind, e.date))? {
                break;
            }
            let at = rows.row().position().map_or(0, Position::byte);
            if removed.contains(entry.id.as_bytes()) || passed.contains(&at) {
                spare.push(entry);
                continue;
            }
            waiting.push(Waiting {
                date: day(entry.date),
                at,
                entry,
            });
        }
        // Rows come roughly in date order: reversed, they are runs a
        // merge sort only has to join.
        waiting.reverse();
        waiting.sort_by_key(|w| std::cmp::Reverse((w.date, w.at)));
        let floor = (k > 0).then(|| before[k]);
        let ready_now = waiting
            .iter()
            .take_while(|w| floor.is_none_or(|f| w.date > f))
            .count();
        let rest = waiting.split_off(ready_now);
        let batch = std::mem::replace(&mut waiting, rest);
        if ready.send(Ok(batch)).is_err() {
            return Ok(());
        }
    }
    Ok(())
}

/// A date as `YYYYMMDD`: ordered as the dates are.
fn day(date: NaiveDate) -> u32 {
    date.year().max(0) as u32 * 10_000 + date.month() * 100 + date.day()
}

/// Gives out the rows from beside the chunks that come before a row of
/// the file dated and placed `than` (all of them, without one): a later
/// date first, on the same day the later in the file (a copy's row counts
/// as written last).
fn give_extra(
    extra: &mut Vec<Extra>,
    than: Option<(u32, u64)>,
    visit: &mut impl FnMut(&Entry) -> Result<()>,
) -> Result<()> {
    while extra
        .last()
        .is_some_and(|e| than.is_none_or(|t| (e.date, e.at) > t))
    {
        if let Some(extra) = extra.pop() {
            visit(&extra.entry)?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use std::fmt::Write as _;
    use std::io::Cursor;

    use super::*;
    use crate::error::Error;

    const HEADER: &str = "id,date,partner,kind,minutes,mood,prompt,note,logged_at\n";

    /// Both passes over `bytes` as a data dir's log.csv, the first reading
    /// a file of `halves_from` bytes or more in halves: the ids of the
    /// answers the first pass kept, sorted, then the rows the second gave
    /// out; or the error.
    fn both_passes(bytes: &[u8], halves_from: u64) -> Result<(Vec<String>, Vec<String>)> {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join(LOG_FILE), bytes).unwrap();
        let (log, kept) = newest_first_halving(
            dir.path(),
            &|kind, _| kind == Kind::Answer,
            &|e| Some(e.id.clone()),
            halves_from,
        )?;
        let mut kept: Vec<String> = kept.into_iter().collect();
        kept.sort();
        let mut visited = Vec::new();
        log.visit(&|_, _| true, |e| {
            visited.push(shown(e));
            Ok(())
        })?;
        Ok((kept, visited))
    }

    fn shown(e: &Entry) -> String {
        format!(
            "{} {} {} {} {:?} {:?} {} {:?} {}",
            e.id, e.date, e.partner, e.kind, e.minutes, e.mood, e.prompt, e.note, e.logged_at
        )
    }

    /// Every entry, read by the one reader, put newest first by sorting;
    /// and the ids of the answers, sorted.
    fn sorted(bytes: &[u8]) -> Result<(Vec<String>, Vec<String>)> {
        let file = Source::Memory(Cursor::new(bytes.to_vec()));
        let mut reader = Reader::<_, Entry>::open(LOG_FILE, file)?;
        let mut all = Vec::new();
        let mut answers = Vec::new();
        while reader.advance(|_| true)? {
            let entry = reader.record();
            all.push((entry.date, all.len(), shown(entry)));
            if entry.kind == Kind::Answer {
                answers.push(entry.id.clone());
            }
        }
        all.sort_by_key(|e| std::cmp::Reverse((e.0, e.1)));
        answers.sort();
        Ok((answers, all.into_iter().map(|(_, _, e)| e).collect()))
    }

    /// A log of `rows` rows, dates out of order now and then (some by
    /// years, across chunks), notes quoted, some over two lines, neighbours
    /// alike and not.
    fn log(rows: usize, bad: Option<(usize, &str)>) -> String {
        let mut text = HEADER.to_string();
        for i in 0..rows {
            if let Some((at, row)) = bad
                && at == i
            {
                text.push_str(row);
                text.push('\n');
            }
            let day = match i % 97 {
                5 => i / 40,
                50 => i / 9 + 400,
                _ => i / 9,
            };
            let date = NaiveDate::from_ymd_opt(2000, 1, 1).unwrap() + chrono::Days::new(day as u64);
            let note = match i % 5 {
                0 => format!("\"note, {i}\""),
                1 => format!("\"two\nlines {i}\""),
                2 => String::new(),
                _ => format!("note {i}"),
            };
            let _ = writeln!(
                text,
                "r{i},{date},{},{},{},,p-{},{note},t{}",
                if i % 3 == 0 { "alex" } else { "sam" },
                if i % 4 == 0 { "care" } else { "answer" },
                i % 30,
                i % 7,
                i % 2
            );
        }
        text
    }

    #[test]
    fn rows_come_newest_first_and_each_once_read_whole_or_in_halves() {
        // A note over many lines around the middle: a line end found there
        // is inside it, and the first half does not end where it looked.
        // Its lines read as rows of their own to a reader that starts
        // among them.
        let mut long_note = log(2_000, None);
        long_note.push_str("n1,2001-01-01,alex,care,,,,\"the first line\n");
        long_note.push_str(&"q0,2001-01-01,alex,answer,,,p,fake,t\n".repeat(5_000));
        long_note.push_str("q9,2001-01-01,alex,answer,,,p,fake\",t\n");
        long_note.push_str(&log(2_000, None)[HEADER.len()..].replace("\nr", "\nq"));
        for text in [
            log(12_000, None),
            log(11_997, None),
            log(12_000, None).replace('\n', "\r\n"),
            log(3, None).replace('\n', "\r\n"),
            format!("\u{feff}{}", log(50, None)),
            log(20, None).trim_end().to_string(),
            log(1, None),
            long_note,
            HEADER.to_string(),
            String::new(),
        ] {
            let want = sorted(text.as_bytes()).unwrap();
            for halves_from in [u64::MAX, 0] {
                assert_eq!(both_passes(text.as_bytes(), halves_from).unwrap(), want);
            }
        }
    }

    #[test]
    fn a_bad_row_is_the_readers_error_read_whole_or_in_halves() {
        for row in [
            "x,2001-02-30,alex,care,,,,,t",
            "x,2001-01-01,alex,care,,,,\"open",
            "x,2001-01-01,alex,care,,,,a\0b,t",
            "<<<<<<< HEAD",
            "x,2001-01-01,alex,care,,,,,t,extra",
            "x,2001-01-01,alex,talk,ten,,,,t",
        ] {
            for at in [0, 4_000, 6_000, 8_000, 11_999] {
                let text = log(12_000, Some((at, row)));
                for text in [
                    text.clone(),
                    text.replace('\n', "\r\n"),
                    text.replace('\n', "\r"),
                ] {
                    let message = |r: Result<()>| r.map_err(|e: Error| (e.message, e.hint));
                    let theirs = message(sorted(text.as_bytes()).map(|_| ()));
                    for halves_from in [u64::MAX, 0] {
                        let ours = both_passes(text.as_bytes(), halves_from).map(|_| ());
                        assert!(ours.is_err(), "{row}");
                        assert_eq!(message(ours), theirs, "{row} at {at}");
                    }
                }
            }
        }
    }
}
