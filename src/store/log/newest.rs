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

//!
//! Both passes split rows with `store::split` (memchr, not a CSV parse per
//! byte) and decode them through the log's table. A log the splitter is
//! not sure of (a NUL byte, a row that does not decode, a quote the end of
//! the file closes…) is read the csv crate's way instead, from the start,
//! so that its error is the one every other reader gives.

use std::collections::HashSet;
use std::io::{self, Cursor, Read, Seek, SeekFrom};
use std::path::Path;

use chrono::{Datelike, NaiveDate};
use csv::{ByteRecord, Position};
use memchr::memchr;

use super::{LOG_FILE, WantsText, conflicts, read_copy, removed};
use crate::error::{Error, Result};
use crate::model::Entry;
use crate::store::crypt::{self, Source};
use crate::store::schema::{Reader, Record};
use crate::store::split::{Split, Splitter};

/// How many bytes of rows a chunk holds, about; and how many a read asks for.
const CHUNK_BYTES: u64 = 256 * 1024;

/// Where a chunk of rows starts, how many it has, and its latest date.
struct Chunk<P> {
    start: P,
    rows: usize,
    latest: NaiveDate,
}

/// A row read in the second pass, waiting for its turn.
struct Waiting {
    /// Its date as `YYYYMMDD`: see [`day`].
    date: u32,
    /// Where it starts in the file: later rows of a day come first.
    at: u64,
    record: ByteRecord,
}

/// The log, read once forward; [`NewestFirst::visit`] reads it again,
/// newest first.
pub(crate) struct NewestFirst {
    rows: Rows,
    /// What sync-conflict copies add, oldest first.
    extra: Vec<Entry>,
    /// The ids `log --undo` took out: never visited.
    removed: removed::Removed,
}

/// How the second pass reads the log.
enum Rows {
    /// There is no log.
    None,
    /// Split by `store::split`: nearly every log.
    Split {
        file: Source,
        /// Decodes rows in the file's column order (it holds the header).
        decoder: Reader<Cursor<Vec<u8>>, Entry>,
        chunks: Vec<Chunk<u64>>,
        /// Where the last row ends.
        end: u64,
    },
    /// Read by the csv crate.
    Csv {
        rows: Reader<Source, Entry>,
        chunks: Vec<Chunk<Position>>,
    },
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
    let mut rows = Rows::None;
    if let Some(file) = file {
        // With copies about, every id is needed to tell what they add.
        let all_text: WantsText<'_> = &|_, _| true;
        let wants = if copies.is_empty() {
            first_text
        } else {
            all_text
        };
        let mut each = |entry: &Entry| {
            if !copies.is_empty() {
                seen.insert(entry.id.clone());
            }
            if !removed.contains(entry.id.as_bytes()) {
                first(entry)?;
            }
            Ok(())
        };
        rows = forward(file, &path, wants, &mut each)?;
    }
    // What the copies add is kept whole: they are small, and rare.
    let mut extra: Vec<Entry> = Vec::new();
    for copy in &copies {
        read_copy(copy, |entry| {
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
        rows,
        extra,
        removed,
    })
}

/// The first pass over `file` (at `path`): with the splitter, or the csv
/// crate's way when the splitter is not sure.
fn forward(
    mut file: Source,
    path: &Path,
    wants: WantsText<'_>,
    each: &mut dyn FnMut(&Entry) -> Result<()>,
) -> Result<Rows> {
    let mut given = 0usize;
    let split = split_forward(&mut file, wants, &mut |entry| {
        given += 1;
        each(entry)
    })?;
    if let Some((decoder, chunks, end)) = split {
        return Ok(Rows::Split {
            file,
            decoder,
            chunks,
            end,
        });
    }
    // From the start; the rows given already are read again, not given again.
    file.seek(SeekFrom::Start(0))
        .map_err(|e| Error::io("cannot read", path, &e))?;
    csv_forward(file, wants, given, each)
}

/// Adds a row starting at `at` to the chunks.
fn chunk_up<P: Clone>(
    chunks: &mut Vec<Chunk<P>>,
    at: &P,
    byte: impl Fn(&P) -> u64,
    date: NaiveDate,
) {
    match chunks.last_mut() {
        Some(chunk) if byte(at) - byte(&chunk.start) < CHUNK_BYTES => {
            chunk.rows += 1;
            chunk.latest = chunk.latest.max(date);
        }
        _ => chunks.push(Chunk {
            start: at.clone(),
            rows: 1,
            latest: date,
        }),
    }
}

/// What the splitter's first pass leaves for the second.
type Split1 = (Reader<Cursor<Vec<u8>>, Entry>, Vec<Chunk<u64>>, u64);

/// The first pass with the splitter: `None` (having given `each` the rows
/// before) as soon as anything is not as it always is, for the csv crate
/// to read the file from the start and say what is wrong; errors are
/// `each`'s.
fn split_forward(
    file: &mut Source,
    wants: WantsText<'_>,
    each: &mut dyn FnMut(&Entry) -> Result<()>,
) -> Result<Option<Split1>> {
    let mut buf = vec![0u8; CHUNK_BYTES as usize];
    let Ok((mut hi, mut eof)) = fill(file, &mut buf, 0) else {
        return Ok(None);
    };
    // The header, read by the csv crate as every reader reads it.
    let Ok(mut header) = Reader::<_, Entry>::open(LOG_FILE, &buf[..hi]) else {
        return Ok(None);
    };
    let header_end = header.table().offset() as usize;
    let width = header.table().header().len();
    if header_end > hi || header_end == hi && !eof {
        return Ok(None);
    }
    let Ok(decoder) = Reader::open(LOG_FILE, Cursor::new(buf[..header_end].to_vec())) else {
        return Ok(None);
    };
    // NUL bytes: the csv crate's reader names the row.
    if memchr(0, &buf[header_end..hi]).is_some() {
        return Ok(None);
    }
    let mut chunks: Vec<Chunk<u64>> = Vec::new();
    let mut splitter = Splitter::default();
    let mut record = ByteRecord::new();
    let mut entry = Entry::default();
    let (mut lo, mut base) = (header_end, 0u64);
    loop {
        match splitter.next(&buf[lo..hi], eof) {
            Split::Record(taken, fields) => {
                if fields.len() != width {
                    return Ok(None);
                }
                record.clear();
                for field in fields.iter() {
                    record.push_field(field);
                }
                if decoder
                    .decode(&record, &mut entry, |e| wants(e.kind, e.date))
                    .is_err()
                {
                    return Ok(None);
                }
                chunk_up(&mut chunks, &(base + lo as u64), |b| *b, entry.date);
                each(&entry)?;
                lo += taken;
            }
            Split::More => {
                buf.copy_within(lo..hi, 0);
                base += lo as u64;
                hi -= lo;
                lo = 0;
                // A row longer than the buffer: a longer buffer.
                if hi == buf.len() {
                    buf.resize(buf.len() * 2, 0);
                }
                let Ok((filled, at_end)) = fill(file, &mut buf, hi) else {
                    return Ok(None);
                };
                if memchr(0, &buf[hi..filled]).is_some() {
                    return Ok(None);
                }
                hi = filled;
                eof = at_end;
            }
            Split::End => break,
            Split::Unsure => return Ok(None),
        }
    }
    Ok(Some((decoder, chunks, base + hi as u64)))
}

/// Reads into `buf[from..]` until it is full or the input ends: how far
/// it is filled, and whether the input ended.
fn fill(file: &mut Source, buf: &mut [u8], from: usize) -> io::Result<(usize, bool)> {
    let mut at = from;
    while at < buf.len() {
        match file.read(&mut buf[at..]) {
            Ok(0) => return Ok((at, true)),
            Ok(n) => at += n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok((at, false))
}

/// The first pass with the csv crate: every row read and checked, the
/// first `given` not given to `each` again.
fn csv_forward(
    file: Source,
    wants: WantsText<'_>,
    given: usize,
    each: &mut dyn FnMut(&Entry) -> Result<()>,
) -> Result<Rows> {
    let mut chunks: Vec<Chunk<Position>> = Vec::new();
    let mut rows = Reader::<_, Entry>::open(LOG_FILE, file)?;
    let mut entry = Entry::default();
    let mut read = 0usize;
    while rows.next(&mut entry, |e| wants(e.kind, e.date))? {
        let at = rows.row().position().cloned().unwrap_or_else(Position::new);
        chunk_up(&mut chunks, &at, Position::byte, entry.date);
        read += 1;
        if read > given {
            each(&entry)?;
        }
    }
    Ok(Rows::Csv { rows, chunks })
}

/// A date as `YYYYMMDD`: ordered as the dates are.
fn day(date: NaiveDate) -> u32 {
    date.year().max(0) as u32 * 10_000 + date.month() * 100 + date.day()
}

/// The `YYYYMMDD` of a `YYYY-MM-DD` cell already checked to be one.
fn day_of(cell: &[u8]) -> u32 {
    cell.iter()
        .filter(|b| b.is_ascii_digit())
        .fold(0, |n, b| n * 10 + u32::from(b - b'0'))
}

/// The error for a log that changed between the passes.
#[cold]
fn changed() -> Error {
    Error::runtime("log.csv changed while it was being read; run the command again")
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
            mut extra,
            removed,
        } = self;
        let date_column = Entry::COLUMNS
            .iter()
            .position(|c| c.name == "date")
            .unwrap_or(1);
        let mut entry = Entry::default();
        let mut waiting: Vec<Waiting> = Vec::new();
        let mut spare: Vec<ByteRecord> = Vec::new();
        // Gives out the rows of a chunk later than `floor`, newest first,
        // with the copies' entries as their turn comes.
        let mut give = |waiting: &mut Vec<Waiting>,
                        spare: &mut Vec<ByteRecord>,
                        floor: Option<u32>,
                        decode: &mut dyn FnMut(&ByteRecord, &mut Entry) -> Result<()>|
         -> Result<()> {
            // Rows come roughly in date order: reversed, they are runs a
            // merge sort only has to join.
            waiting.reverse();
            waiting.sort_by_key(|w| std::cmp::Reverse((w.date, w.at)));
            let ready = waiting
                .iter()
                .take_while(|w| floor.is_none_or(|f| w.date > f))
                .count();
            for w in waiting.drain(..ready) {
                give_extra(&mut extra, Some(w.date), &mut visit)?;
                decode(&w.record, &mut entry)?;
                if !removed.contains(entry.id.as_bytes()) {
                    visit(&entry)?;
                }
                spare.push(w.record);
            }
            Ok(())
        };
        match rows {
            Rows::None => {}
            Rows::Split {
                mut file,
                mut decoder,
                chunks,
                end,
            } => {
                let floors = floors(&chunks);
                let date_at = decoder.table().position(date_column).unwrap_or(1);
                let mut splitter = Splitter::default();
                let mut bytes: Vec<u8> = Vec::new();
                let mut decode = |record: &ByteRecord, entry: &mut Entry| {
                    decoder.decode(record, entry, |e| visit_text(e.kind, e.date))
                };
                for (k, chunk) in chunks.iter().enumerate().rev() {
                    let until = chunks.get(k + 1).map_or(end, |c| c.start);
                    bytes.resize((until - chunk.start) as usize, 0);
                    file.seek(SeekFrom::Start(chunk.start))
                        .and_then(|_| file.read_exact(&mut bytes))
                        .map_err(|e| {
                            Error::runtime(format!(
                                "reading {LOG_FILE}: {}",
                                crate::error::plain(&e)
                            ))
                        })?;
                    let mut at = 0;
                    for _ in 0..chunk.rows {
                        let Split::Record(taken, fields) = splitter.next(&bytes[at..], true) else {
                            return Err(changed());
                        };
                        let mut record = spare.pop().unwrap_or_default();
                        record.clear();
                        for field in fields.iter() {
                            record.push_field(field);
                        }
                        waiting.push(Waiting {
                            date: day_of(fields.get(date_at)),
                            at: chunk.start + at as u64,
                            record,
                        });
                        at += taken;
                    }
                    give(&mut waiting, &mut spare, floors[k], &mut decode)?;
                }
            }
            Rows::Csv { mut rows, chunks } => {
                let floors = floors(&chunks);
                for (k, chunk) in chunks.iter().enumerate().rev() {
                    rows.table().seek(&chunk.start)?;
                    for _ in 0..chunk.rows {
                        let mut record = spare.pop().unwrap_or_default();
                        if !rows.table().next(&mut record)? {
                            break;
                        }
                        // Every date was checked in the first pass.
                        let date = day_of(rows.table().bytes(&record, date_column));
                        let at = record.position().map_or(0, Position::byte);
                        waiting.push(Waiting { date, at, record });
                    }
                    let mut decode = |record: &ByteRecord, entry: &mut Entry| {
                        rows.decode(record, entry, |e| visit_text(e.kind, e.date))
                    };
                    give(&mut waiting, &mut spare, floors[k], &mut decode)?;
                }
            }
        }
        give_extra(&mut extra, None, &mut visit)
    }
}

/// For each chunk, the latest date of all the chunks before it (`None`
/// for the first): its rows later than that can be given out.
fn floors<P>(chunks: &[Chunk<P>]) -> Vec<Option<u32>> {
    let mut floors = Vec::with_capacity(chunks.len());
    let mut latest = None;
    for chunk in chunks {
        floors.push(latest);
        latest = latest.max(Some(day(chunk.latest)));
    }
    floors
}

/// Gives out the copies' entries dated after `than` (all, without one).
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

    use proptest::prelude::*;

    use super::*;

    /// What both passes give out over `bytes`: the first pass's ids, then
    /// the second's rows; read with the splitter, or the csv crate alone.
    fn both_passes(bytes: &[u8], csv_only: bool) -> Result<(Vec<String>, Vec<String>)> {
        let file = Source::Memory(Cursor::new(bytes.to_vec()));
        let mut firsts = Vec::new();
        let mut each = |e: &Entry| {
            firsts.push(e.id.clone());
            Ok(())
        };
        let wants: WantsText<'_> = &|_, _| true;
        let rows = if csv_only {
            csv_forward(file, wants, 0, &mut each)?
        } else {
            forward(file, Path::new(LOG_FILE), wants, &mut each)?
        };
        let log = NewestFirst {
            rows,
            extra: Vec::new(),
            removed: removed::Removed::default(),
        };
        let mut visited = Vec::new();
        log.visit(wants, |e| {
            visited.push(format!(
                "{} {} {} {} {:?} {:?} {} {:?}",
                e.id, e.date, e.partner, e.kind, e.minutes, e.mood, e.prompt, e.note
            ));
            Ok(())
        })?;
        Ok((firsts, visited))
    }

    fn agree(bytes: &[u8]) {
        match (both_passes(bytes, false), both_passes(bytes, true)) {
            (Ok(split), Ok(csv)) => assert_eq!(split, csv),
            (Err(split), Err(csv)) => {
                assert_eq!((split.message, split.hint), (csv.message, csv.hint));
            }
            (split, csv) => panic!("{split:?} but {csv:?}"),
        }
    }

    const HEADER: &str = "id,date,partner,kind,minutes,mood,prompt,note,logged_at\n";

    /// A log of `rows` rows, dates out of order now and then, notes
    /// quoted, some over two lines.
    fn log(rows: usize, bad: Option<(usize, &str)>) -> String {
        let mut text = HEADER.to_string();
        for i in 0..rows {
            if let Some((at, row)) = bad
                && at == i
            {
                text.push_str(row);
                text.push('\n');
            }
            let day = if i % 17 == 5 { i / 40 } else { i / 9 };
            let date = NaiveDate::from_ymd_opt(2000, 1, 1).unwrap() + chrono::Days::new(day as u64);
            let note = match i % 5 {
                0 => format!("\"note, {i}\""),
                1 => format!("\"two\nlines {i}\""),
                _ => format!("note {i}"),
            };
            let _ = writeln!(
                text,
                "r{i},{date},{},answer,{},,p-{},{note},t",
                if i % 2 == 0 { "alex" } else { "sam" },
                i % 30,
                i % 7
            );
        }
        text
    }

    #[test]
    fn the_splitter_and_the_csv_crate_give_the_same_log() {
        // Over several chunks, rows out of order across them.
        agree(log(12_000, None).as_bytes());
        agree(log(3, None).replace('\n', "\r\n").as_bytes());
        agree(format!("\u{feff}{}", log(50, None)).as_bytes());
        agree(b"");
        agree(HEADER.as_bytes());
        agree(HEADER.trim_end().as_bytes());
        agree(log(20, None).trim_end().as_bytes());
    }

    #[test]
    fn a_bad_row_anywhere_is_the_csv_crates_error_and_nothing_is_given_twice() {
        for row in [
            "x,2001-02-30,alex,care,,,,,t",
            "x,2001-01-01,alex,care,,,,\"open",
            "x,2001-01-01,alex,care,,,,a\0b,t",
            "x,2001-01-01,alex,care,,,,caf\u{e9}\"x\",t",
            "<<<<<<< HEAD",
            "x,2001-01-01,alex,care,,,,,t,extra",
        ] {
            for at in [0, 1, 4_000, 11_999] {
                agree(log(12_000, Some((at, row))).as_bytes());
            }
        }
        // The first pass gives every row once, even when the splitter
        // hands over to the csv crate half way.
        let odd = log(
            9_000,
            Some((6_000, "\u{feff}x,2001-01-01,alex,care,,,,\"q\"\"\",t")),
        );
        let mut file = Source::Memory(Cursor::new(odd.clone().into_bytes()));
        let mut given = 0;
        let split = split_forward(&mut file, &|_, _| true, &mut |_| {
            given += 1;
            Ok(())
        });
        assert!(matches!(split, Ok(None)) && given == 6_000);
        let (firsts, visited) = both_passes(odd.as_bytes(), false).unwrap();
        assert_eq!(firsts.len(), 9_001);
        assert_eq!(firsts.iter().collect::<HashSet<_>>().len(), 9_001);
        assert_eq!(visited.len(), 9_001);
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(200))]

        #[test]
        fn any_small_log_reads_the_same_both_ways(
            rows in proptest::collection::vec(
                ("[a-c]{0,2}", 0u32..4, "[ab, \"\n\r\0]{0,6}", 0u8..3),
                0..12,
            ),
        ) {
            let mut text = HEADER.to_string();
            for (id, day, note, kind) in &rows {
                let kind = ["care", "answer", "kare"][*kind as usize];
                let _ = writeln!(text, "{id},2026-01-0{},alex,{kind},,,p,{note},t", day + 1);
            }
            agree(text.as_bytes());
        }
    }
}
