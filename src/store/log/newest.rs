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
//! The second pass reads on a thread of its own, a chunk or two ahead of
//! the caller, who lays out and writes what it reads meanwhile. A bad row
//! is reported where the second pass meets it, after the rows newer than
//! it were given out (as `git log` stops at a broken object).
//!
//! Both passes read with the store's one reader (`schema::Reader` over
//! `store::rows`, which splits a row at its commas).

use std::collections::HashSet;
use std::path::Path;
use std::sync::mpsc;

use chrono::{Datelike, NaiveDate};
use csv::Position;

use super::{LOG_FILE, WantsText, conflicts, read_file, removed};
use crate::dates;
use crate::error::{Error, Result};
use crate::model::{Entry, Kind};
use crate::store::crypt::{self, Source};
use crate::store::schema::Reader;

/// How many bytes of rows a chunk holds, about.
const CHUNK_BYTES: u64 = 256 * 1024;

/// Where a chunk of rows starts, how many it has, and its latest date.
struct Chunk {
    start: Position,
    rows: usize,
    latest: NaiveDate,
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
    extra: Vec<Entry>,
    /// The ids `log --undo` took out: never visited.
    removed: removed::Removed,
}

/// The first pass: calls `first` with the entries of `DIR/log.csv` that
/// `first_wants` picks by kind and date (decoded whole, text and all), in
/// file order, then with those that sync-conflict copies add. The other
/// rows are only split and their date and kind read: the second pass
/// decodes and checks every row. A missing file has no entries.
pub(crate) fn newest_first(
    dir: &Path,
    first_wants: WantsText<'_>,
    mut first: impl FnMut(&Entry) -> Result<()>,
) -> Result<NewestFirst> {
    let path = dir.join(LOG_FILE);
    let file = crypt::open(&path)?;
    let removed = removed::read(dir)?;
    let copies = conflicts::copies(dir, LOG_FILE)?;
    let mut seen: HashSet<String> = HashSet::new();

    // First pass, forward.
    let mut chunks: Vec<Chunk> = Vec::new();
    let mut reader = None;
    if let Some(file) = file {
        let mut rows = Reader::<_, Entry>::open(LOG_FILE, file)?;
        let (date, kind) = (column("date")?, column("kind")?);
        while rows.skim()? {
            let at = rows.row().position().cloned().unwrap_or_else(Position::new);
            let read = (
                dates::parse_iso(rows.cell(date)),
                Kind::from_bytes(rows.cell(kind)),
            );
            // With copies about, every id is needed to tell what they add;
            // a cell that does not read is the decoder's to name.
            let day = match read {
                (Some(day), Some(kind)) if copies.is_empty() && !first_wants(kind, day) => day,
                _ => {
                    rows.decode(|_| true)?;
                    let entry = rows.record();
                    if !copies.is_empty() {
                        seen.insert(entry.id.clone());
                    }
                    if first_wants(entry.kind, entry.date) && !removed.contains(entry.id.as_bytes())
                    {
                        first(entry)?;
                    }
                    entry.date
                }
            };
            match chunks.last_mut() {
                Some(chunk) if at.byte() - chunk.start.byte() < CHUNK_BYTES => {
                    chunk.rows += 1;
                    chunk.latest = chunk.latest.max(day);
                }
                _ => chunks.push(Chunk {
                    start: at,
                    rows: 1,
                    latest: day,
                }),
            }
        }
        reader = Some(rows);
    }
    // What the copies add is kept whole: they are small, and rare.
    let mut extra: Vec<Entry> = Vec::new();
    for copy in &copies {
        read_file(copy, &conflicts::display_name(copy), |entry, _| {
            if seen.insert(entry.id.clone()) && !removed.contains(entry.id.as_bytes()) {
                if first_wants(entry.kind, entry.date) {
                    first(entry)?;
                }
                extra.push(entry.clone());
            }
            Ok(())
        })?;
    }
    // Newest last, so the next one out is `pop`ped.
    extra.sort_by_key(|e| e.date);
    Ok(NewestFirst {
        rows: reader,
        chunks,
        extra,
        removed,
    })
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
            removed,
        } = self;
        let Some(rows) = rows else {
            return give_extra(&mut extra, None, &mut visit);
        };
        std::thread::scope(|scope| {
            // Two chunks of rows on their way at most: memory stays flat.
            let (ready, batches) = mpsc::sync_channel(2);
            let (done, spares) = mpsc::channel();
            let (chunks, removed) = (&chunks, &removed);
            scope.spawn(move || {
                let read = read_backward(rows, chunks, removed, visit_text, &ready, &spares);
                // The error after the rows read before it; none when the
                // visit stopped first (it has its own).
                if let Err(err) = read {
                    let _ = ready.send(Err(err));
                }
            });
            for batch in batches {
                let batch = batch?;
                for waiting in &batch {
                    give_extra(&mut extra, Some(waiting.date), &mut visit)?;
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
            if removed.contains(entry.id.as_bytes()) {
                spare.push(entry);
                continue;
            }
            let at = rows.row().position().map_or(0, Position::byte);
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

/// Where log.csv's column `name` is in the entry's table.
fn column(name: &str) -> Result<usize> {
    Reader::<Source, Entry>::column(name)
        .ok_or_else(|| Error::runtime(format!("log.csv has no column {name} in its table")))
}

/// A date as `YYYYMMDD`: ordered as the dates are.
fn day(date: NaiveDate) -> u32 {
    date.year().max(0) as u32 * 10_000 + date.month() * 100 + date.day()
}

/// Gives out the copies' entries dated `than` or later (all, without one).
/// On the same day they count as written last.
fn give_extra(
    extra: &mut Vec<Entry>,
    than: Option<u32>,
    visit: &mut impl FnMut(&Entry) -> Result<()>,
) -> Result<()> {
    while extra
        .last()
        .is_some_and(|e| than.is_none_or(|t| day(e.date) >= t))
    {
        if let Some(entry) = extra.pop() {
            visit(&entry)?;
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

    /// What both passes give out over `bytes` (the first pass's ids, then
    /// the second's rows), or the error.
    fn both_passes(bytes: &[u8]) -> Result<(Vec<String>, Vec<String>)> {
        let file = Source::Memory(Cursor::new(bytes.to_vec()));
        let mut firsts = Vec::new();
        let mut chunks: Vec<Chunk> = Vec::new();
        let mut rows = Reader::<_, Entry>::open(LOG_FILE, file)?;
        while rows.advance(|_| true)? {
            let at = rows.row().position().cloned().unwrap_or_else(Position::new);
            firsts.push(rows.record().id.clone());
            match chunks.last_mut() {
                Some(chunk) if at.byte() - chunk.start.byte() < CHUNK_BYTES => {
                    chunk.rows += 1;
                    chunk.latest = chunk.latest.max(rows.record().date);
                }
                _ => chunks.push(Chunk {
                    start: at,
                    rows: 1,
                    latest: rows.record().date,
                }),
            }
        }
        let log = NewestFirst {
            rows: Some(rows),
            chunks,
            extra: Vec::new(),
            removed: removed::Removed::default(),
        };
        let mut visited = Vec::new();
        log.visit(&|_, _| true, |e| {
            visited.push(shown(e));
            Ok(())
        })?;
        Ok((firsts, visited))
    }

    fn shown(e: &Entry) -> String {
        format!(
            "{} {} {} {} {:?} {:?} {} {:?} {}",
            e.id, e.date, e.partner, e.kind, e.minutes, e.mood, e.prompt, e.note, e.logged_at
        )
    }

    /// Every entry, read by the one reader, put newest first by sorting.
    fn sorted(bytes: &[u8]) -> Result<Vec<String>> {
        let file = Source::Memory(Cursor::new(bytes.to_vec()));
        let mut reader = Reader::<_, Entry>::open(LOG_FILE, file)?;
        let mut all = Vec::new();
        while reader.advance(|_| true)? {
            all.push((reader.record().date, all.len(), shown(reader.record())));
        }
        all.sort_by_key(|e| std::cmp::Reverse((e.0, e.1)));
        Ok(all.into_iter().map(|(_, _, e)| e).collect())
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
    fn rows_come_newest_first_and_each_once() {
        for text in [
            log(12_000, None),
            log(3, None).replace('\n', "\r\n"),
            format!("\u{feff}{}", log(50, None)),
            log(20, None).trim_end().to_string(),
            HEADER.to_string(),
            String::new(),
        ] {
            let (firsts, visited) = both_passes(text.as_bytes()).unwrap();
            let sorted = sorted(text.as_bytes()).unwrap();
            assert_eq!(firsts.len(), sorted.len());
            assert_eq!(visited, sorted);
        }
    }

    #[test]
    fn a_bad_row_is_the_readers_error() {
        for row in [
            "x,2001-02-30,alex,care,,,,,t",
            "x,2001-01-01,alex,care,,,,\"open",
            "x,2001-01-01,alex,care,,,,a\0b,t",
            "<<<<<<< HEAD",
            "x,2001-01-01,alex,care,,,,,t,extra",
        ] {
            for at in [0, 4_000, 11_999] {
                let text = log(12_000, Some((at, row)));
                let ours = both_passes(text.as_bytes()).map(|_| ());
                let theirs = sorted(text.as_bytes()).map(|_| ());
                let message = |r: Result<()>| r.map_err(|e: Error| (e.message, e.hint));
                assert!(ours.is_err(), "{row}");
                assert_eq!(message(ours), message(theirs));
            }
        }
    }
}
