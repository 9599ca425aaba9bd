//! Reading log.csv newest first without holding it, for `couple history`.
//!
//! The log is appended to, so it is roughly in date order, but not exactly
//! (a backdated entry, a row a sync copy brought in). Two passes over one
//! open file: the first reads forward, validates every row, gives each to
//! the caller (who collects what they need before anything is shown, like
//! the prompts the reader has answered), and notes where every 256 KiB
//! chunk of rows starts and the latest date it holds. The second goes
//! through the chunks from the last to the first, seeking to each, and
//! gives out, newest first, every row later than anything the chunks
//! before it hold. Memory holds a chunk or two of rows, whatever the size
//! of the log; a row far out of order only keeps rows waiting longer.

use std::collections::HashSet;
use std::path::Path;

use chrono::NaiveDate;
use csv::{ByteRecord, Position};

use super::{LOG_FILE, WantsText, conflicts, read_file, removed};
use crate::dates;
use crate::error::Result;
use crate::model::Entry;
use crate::store::crypt::{self, Source};
use crate::store::schema::{Reader, Record};

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
    date: NaiveDate,
    /// Where it starts in the file: later rows of a day come first.
    at: u64,
    record: ByteRecord,
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

/// The first pass: calls `first` with every entry of `DIR/log.csv` in file
/// order (decoding the text of those `first_text` picks), then with those
/// that sync-conflict copies add. A missing file has no entries.
pub(crate) fn newest_first(
    dir: &Path,
    first_text: WantsText<'_>,
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
        let mut entry = Entry::default();
        // With copies about, every id is needed to tell what they add.
        let all_text: WantsText<'_> = &|_, _| true;
        let wants = if copies.is_empty() {
            first_text
        } else {
            all_text
        };
        while rows.next(&mut entry, |e| wants(e.kind, e.date))? {
            let at = rows.row().position().cloned().unwrap_or_else(Position::new);
            match chunks.last_mut() {
                Some(chunk) if at.byte() - chunk.start.byte() < CHUNK_BYTES => {
                    chunk.rows += 1;
                    chunk.latest = chunk.latest.max(entry.date);
                }
                _ => chunks.push(Chunk {
                    start: at,
                    rows: 1,
                    latest: entry.date,
                }),
            }
            if !copies.is_empty() {
                seen.insert(entry.id.clone());
            }
            if !removed.contains(entry.id.as_bytes()) {
                first(&entry)?;
            }
        }
        reader = Some(rows);
    }
    // What the copies add is kept whole: they are small, and rare.
    let mut extra: Vec<Entry> = Vec::new();
    for copy in &copies {
        read_file(copy, &conflicts::display_name(copy), |entry, _| {
            if seen.insert(entry.id.clone()) && !removed.contains(entry.id.as_bytes()) {
                first(entry)?;
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
    /// (decoding the text of those `visit_text` picks).
    pub(crate) fn visit(
        self,
        visit_text: WantsText<'_>,
        mut visit: impl FnMut(&Entry) -> Result<()>,
    ) -> Result<()> {
        let Self {
            rows,
            chunks,
            mut extra,
            removed,
        } = self;
        let Some(mut rows) = rows else {
            return give_extra(&mut extra, None, &mut visit);
        };
        // The latest date of all the chunks before each one.
        let mut before = Vec::with_capacity(chunks.len());
        let mut latest = NaiveDate::MIN;
        for chunk in &chunks {
            before.push(latest);
            latest = latest.max(chunk.latest);
        }
        let date_column = Entry::COLUMNS
            .iter()
            .position(|c| c.name == "date")
            .unwrap_or(1);
        let mut entry = Entry::default();
        let mut waiting: Vec<Waiting> = Vec::new();
        let mut spare: Vec<ByteRecord> = Vec::new();
        for (k, chunk) in chunks.iter().enumerate().rev() {
            rows.table().seek(&chunk.start)?;
            for _ in 0..chunk.rows {
                let mut record = spare.pop().unwrap_or_default();
                if !rows.table().next(&mut record)? {
                    break;
                }
                // Every date was checked in the first pass.
                let date = dates::parse_iso(rows.table().bytes(&record, date_column))
                    .unwrap_or(NaiveDate::MIN);
                let at = record.position().map_or(0, Position::byte);
                waiting.push(Waiting { date, at, record });
            }
            waiting.sort_unstable_by_key(|w| std::cmp::Reverse((w.date, w.at)));
            let floor = (k > 0).then(|| before[k]);
            let ready = waiting
                .iter()
                .take_while(|w| floor.is_none_or(|f| w.date > f))
                .count();
            for w in waiting.drain(..ready) {
                give_extra(&mut extra, Some(w.date), &mut visit)?;
                rows.decode(&w.record, &mut entry, |e| visit_text(e.kind, e.date))?;
                if !removed.contains(entry.id.as_bytes()) {
                    visit(&entry)?;
                }
                spare.push(w.record);
            }
        }
        give_extra(&mut extra, None, &mut visit)
    }
}

/// Gives out the copies' entries dated after `than` (all, without one).
/// On the same day they count as written last.
fn give_extra(
    extra: &mut Vec<Entry>,
    than: Option<NaiveDate>,
    visit: &mut impl FnMut(&Entry) -> Result<()>,
) -> Result<()> {
    while extra
        .last()
        .is_some_and(|e| than.is_none_or(|t| e.date >= t))
    {
        if let Some(entry) = extra.pop() {
            visit(&entry)?;
        }
    }
    Ok(())
}
