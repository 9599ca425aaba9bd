//! Reading log.csv newest first without holding it, for `couple history`.
//!
//! The log is appended to, so it is roughly in date order, but not exactly
//! (a backdated entry, a row a sync copy brought in, a mistyped year). Two
//! passes over one open file. The first ([`first`]) reads forward,
//! splitting every row but reading only its date and kind: it notes where
//! every 256 KiB chunk of rows starts and the latest date it holds, sets
//! apart the strays (rows dated far later than their neighbours), and
//! decodes whole the rows the caller wants before anything is shown (the
//! answers, for the prompts the reader has answered). The second reads
//! the strays, then goes through the chunks from the last to the first,
//! seeking to each, decodes and checks every row, and gives out, newest
//! first, every row later than anything the chunks before it hold. Memory
//! holds a few chunks of rows and the strays, whatever the size of the
//! log; a row backdated far only waits longer itself.
//!
//! Both passes use the machine's second core. The first reads a long file
//! in two halves at once; the second reads on a thread of its own, a
//! chunk or two ahead of the caller, who lays out and writes what it reads
//! meanwhile. A date or a kind that does not read is reported before
//! anything is shown; any other bad cell where the second pass meets it,
//! after the rows newer than it were given out (as `git log` stops at a
//! broken object).
//!
//! Both passes read with the store's one reader (`schema::Reader` over
//! `store::rows`, which splits a row at its commas).

use std::path::Path;
use std::sync::mpsc;

use chrono::{Datelike, NaiveDate};
use csv::Position;
use rustc_hash::FxHashSet;

use super::{LOG_FILE, conflicts, removed};
use crate::dates;
use crate::error::{Error, Kind as ErrorKind, Result};
use crate::model::{Entry, Kind};
use crate::store::crypt::{self, Source};
use crate::store::schema::Reader;

mod first;

use first::{Found, HALVES_FROM, Scan, halves, second_handle};

/// How many bytes of rows a chunk holds, about.
const CHUNK_BYTES: u64 = 256 * 1024;

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
    /// How long the file was when the first pass began.
    len: u64,
    /// The newest bad row of the copies, named in its turn.
    bad: Option<Bad>,
}

/// A bad row met, named once every row newer than it is given out: its
/// error, and its date and place (see [`Extra`]).
type Bad = (Error, (u32, u64));

/// Keeps the newer of two bad rows.
fn newest(bad: &mut Option<Bad>, met: Bad) {
    if bad.as_ref().is_none_or(|(_, key)| met.1 > *key) {
        *bad = Some(met);
    }
}

/// A row's error as a [`Bad`] row (it lies at `at`), when it is bad data
/// whose date and kind read (what the first pass names at once); else the
/// error.
fn deferred<I: crate::store::table::Source>(
    err: Error,
    rows: &Reader<I, Entry>,
    at: u64,
) -> Result<Bad> {
    let cell = |name| Reader::<I, Entry>::column(name).map(|column| rows.cell(column));
    let date = cell("date").and_then(dates::parse_iso);
    let kind = cell("kind").and_then(Kind::from_bytes);
    match (date, kind) {
        (Some(date), Some(_)) if err.kind == ErrorKind::Data => Ok((err, (day(date), at))),
        _ => Err(err),
    }
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
    let scan = Scan::new(wants, keep, &removed, !copies.is_empty())?;
    let mut found = Found::default();
    let len = file.as_ref().map_or(0, Source::len);
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
    // What the copies add is kept whole: they are small, and rare. A bad
    // row in one (its date read) is named in its turn, as in the log.
    let mut extra: Vec<Extra> = Vec::new();
    let mut bad = None;
    for copy in &copies {
        let Some(source) = crypt::open(copy)? else {
            continue;
        };
        let mut rows = Reader::<_, Entry>::open(&conflicts::display_name(copy), source)?;
        let mut entry = Entry::default();
        loop {
            match rows.next(&mut entry, |_| true) {
                Ok(true) => {}
                Ok(false) => break,
                Err(err) => {
                    newest(&mut bad, deferred(err, &rows, u64::MAX)?);
                    continue;
                }
            }
            if found.seen.insert(entry.id.clone()) && !removed.contains(entry.id.as_bytes()) {
                if wants(entry.kind, entry.date)
                    && let Some(key) = keep(&entry)
                {
                    found.keys.insert(key);
                }
                extra.push(Extra {
                    date: day(entry.date),
                    at: u64::MAX,
                    entry: std::mem::take(&mut entry),
                });
            }
        }
    }
    let log = NewestFirst {
        len,
        bad,
        rows: reader,
        chunks: found.chunks,
        extra,
        strays: found.strays,
        removed,
    };
    Ok((log, found.keys))
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
            mut rows,
            chunks,
            mut extra,
            strays,
            removed,
            len,
            mut bad,
        } = self;
        // The strays first, each where it lies: the reading passes them by.
        let mut passed: FxHashSet<u64> = FxHashSet::default();
        if let Some(rows) = rows.as_mut() {
            for at in &strays {
                rows.table().seek(at)?;
                let mut entry = Entry::default();
                let read = match rows.next(&mut entry, |e| visit_text(e.kind, e.date)) {
                    Ok(read) => read,
                    // A stray cut short is the file cut shorter meanwhile.
                    Err(_) if rows.table().source().len() < len => return Err(cut_shorter()),
                    Err(err) => {
                        newest(&mut bad, deferred(err, rows, at.byte())?);
                        false
                    }
                };
                if read && !removed.contains(entry.id.as_bytes()) {
                    extra.push(Extra {
                        date: day(entry.date),
                        at: at.byte(),
                        entry,
                    });
                }
                passed.insert(at.byte());
            }
        }
        // Newest last, so the next one out is `pop`ped.
        extra.sort_by_key(|e| (e.date, e.at));
        let Some(rows) = rows else {
            return match bad {
                Some((err, key)) => {
                    give_extra(&mut extra, Some(key), &mut visit)?;
                    Err(err)
                }
                None => give_extra(&mut extra, None, &mut visit),
            };
        };
        std::thread::scope(|scope| {
            // Two chunks of rows on their way at most: memory stays flat.
            let (ready, batches) = mpsc::sync_channel(2);
            let (done, spares) = mpsc::channel();
            let backward = Backward {
                chunks: &chunks,
                len,
                removed: &removed,
                passed: &passed,
                visit_text,
                bad,
            };
            scope.spawn(move || {
                let read = backward.read(rows, &ready, &spares);
                // The error after the rows read before it; none when the
                // visit stopped first (it has its own).
                if let Err(err) = read {
                    let _ = ready.send(Err((err, (u32::MAX, u64::MAX))));
                }
            });
            for batch in batches {
                let batch = match batch {
                    Ok(batch) => batch,
                    Err((err, key)) => {
                        give_extra(&mut extra, Some(key), &mut visit)?;
                        return Err(err);
                    }
                };
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

/// Rows going to the visit, newest first; or the bad row that ended the
/// reading, its error and its date and place (what came before it in the
/// journal is out by then, and the rows beside the chunks newer than it
/// are given out before it is named).
type Batch = std::result::Result<Vec<Waiting>, (Error, (u32, u64))>;

/// The second pass's reading, on a thread of its own.
struct Backward<'a> {
    chunks: &'a [Chunk],
    /// How long the file was when the first pass began.
    len: u64,
    removed: &'a removed::Removed,
    /// Where the strays start: read already.
    passed: &'a FxHashSet<u64>,
    visit_text: &'a (dyn Fn(Kind, NaiveDate) -> bool + Sync),
    /// The newest bad row met before (a stray's, a copy's).
    bad: Option<Bad>,
}

impl Backward<'_> {
    /// Reads the chunks from the last to the first and sends, newest first,
    /// every row later than anything the chunks before it hold (the
    /// `removed` ones and the strays left out). Stops when the visit does
    /// (`ready` is closed).
    fn read(
        self,
        mut rows: Reader<Source, Entry>,
        ready: &mpsc::SyncSender<Batch>,
        spares: &mpsc::Receiver<Vec<Waiting>>,
    ) -> Result<()> {
        let Self {
            chunks,
            len,
            removed,
            passed,
            visit_text,
            mut bad,
        } = self;
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
                match rows.next(&mut entry, |e| visit_text(e.kind, e.date)) {
                    Ok(true) => {}
                    Ok(false) => break,
                    Err(err) => {
                        spare.push(entry);
                        // A row cut short is the file cut shorter meanwhile.
                        if rows.table().source().len() < len {
                            return Err(cut_shorter());
                        }
                        let at = rows.row().position().map_or(0, Position::byte);
                        newest(&mut bad, deferred(err, &rows, at)?);
                        continue;
                    }
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
            // After a bad row, once the chunks before can hold nothing newer.
            let done = bad
                .as_ref()
                .is_some_and(|(_, (date, _))| floor.is_none_or(|f| f <= *date));
            let ready_now = waiting
                .iter()
                .take_while(|w| {
                    bad.as_ref().is_none_or(|(_, key)| (w.date, w.at) > *key)
                        && (done || floor.is_none_or(|f| w.date > f))
                })
                .count();
            let rest = waiting.split_off(ready_now);
            let batch = std::mem::replace(&mut waiting, rest);
            if ready.send(Ok(batch)).is_err() {
                return Ok(());
            }
            if done {
                break;
            }
        }
        // Cut shorter in place meanwhile, by another program: rows were
        // lost, and a bad row met may be one cut short (a stray's).
        if rows.table().source().len() < len {
            return Err(cut_shorter());
        }
        if let Some((err, key)) = bad {
            let _ = ready.send(Err((err, key)));
        }
        Ok(())
    }
}

/// The error for a log cut shorter in place while it was read.
fn cut_shorter() -> Error {
    Error::runtime(format!(
        "{LOG_FILE} was cut shorter while it was read: rows may be missing"
    ))
    .with_hint("run couple history again")
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
mod tests;
