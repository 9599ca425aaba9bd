//! The day's skips, read from the end of log.csv only: `couple prompt`
//! runs in every new shell and must not read the whole log. Today's rows
//! are at the end, where appends put them.

use std::io::{self, Read, SeekFrom};
use std::path::Path;

use chrono::NaiveDate;

use super::LOG_FILE;
use crate::dates;
use crate::error::{Error, Result};
use crate::model::Kind;
use crate::store::crypt;
use crate::store::quiet::{self, Quiet, ReadSeek};

/// How much of the end of log.csv is looked at for the day's skips.
const TAIL: u64 = 64 * 1024;
/// The header is looked for in the first this many bytes.
const HEAD: usize = 4096;

/// How the day's skips are looked for when the log is encrypted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Look {
    /// As every read of the log: a key behind a passphrase is asked for on
    /// a terminal, and no key or a damaged file is an error. For the
    /// commands that act on the question (`talk`, `log answer`, `--skip`).
    AsEveryRead,
    /// Never asking, and never failing over encryption (see
    /// [`crate::store::quiet`]): `couple prompt` shows the question in
    /// every new shell. A log no key here opens without asking, or a
    /// damaged one, shows no skips: the question before any skip, and the
    /// commands that read the log say what is wrong.
    Quietly,
}

/// The prompt ids the `skip` rows dated `date` in the last 64 KiB of
/// `DIR/log.csv` name, in file order. A missing log has none. Rows there
/// that cannot be read are passed over: the next full read reports them.
pub(crate) fn skipped_on(dir: &Path, date: NaiveDate, look: Look) -> Result<Vec<String>> {
    let path = dir.join(LOG_FILE);
    let (mut content, sealed): (Box<dyn ReadSeek>, bool) = match look {
        Look::AsEveryRead => match crypt::open(&path)? {
            Some(source) => (Box::new(source), false),
            None => return Ok(Vec::new()),
        },
        Look::Quietly => match quiet::open(&path)? {
            Some(Quiet::Readable { content, sealed }) => (content, sealed),
            Some(Quiet::Locked) | None => return Ok(Vec::new()),
        },
    };
    match skips_at_the_end(&mut content, date) {
        Ok(skipped) => Ok(skipped),
        // A damaged chunk of an encrypted log (age refuses it whole).
        Err(_) if sealed => Ok(Vec::new()),
        Err(e) => Err(Error::io("cannot read", &path, &e)),
    }
}

fn skips_at_the_end(file: &mut dyn ReadSeek, date: NaiveDate) -> io::Result<Vec<String>> {
    let len = file.seek(SeekFrom::End(0))?;
    let start = len.saturating_sub(TAIL);
    // Most days have no skip: a look for the word, piece by piece through
    // one small buffer, is cheaper than keeping the tail (fresh pages for
    // it cost more than the reads), let alone reading it as CSV.
    if !holds(file, start, Kind::Skip.as_str().as_bytes())? {
        return Ok(Vec::new());
    }
    file.seek(SeekFrom::Start(start))?;
    let tail = read_up_to(file, (len - start) as usize)?;
    let head = if start == 0 {
        tail[..tail.len().min(HEAD)].to_vec()
    } else {
        file.seek(SeekFrom::Start(0))?;
        read_up_to(file, HEAD.min(len as usize))?
    };
    let Some(header_end) = head.iter().position(|&b| b == b'\n').map(|p| p + 1) else {
        return Ok(Vec::new());
    };
    // Unless the tail starts at or before the end of the header, its first
    // line is cut: start after the first line end.
    let rows = match (header_end as u64).checked_sub(start) {
        Some(in_tail) => &tail[(in_tail as usize).min(tail.len())..],
        None => match memchr::memchr(b'\n', &tail) {
            Some(at) => &tail[at + 1..],
            None => return Ok(Vec::new()),
        },
    };
    let Some(columns) = columns(&head[..header_end]) else {
        return Ok(Vec::new());
    };
    Ok(skips_in(rows, &columns, date))
}

/// Whether `word` (a few bytes) occurs in `input` from `from` on.
fn holds(input: &mut dyn ReadSeek, from: u64, word: &[u8]) -> io::Result<bool> {
    input.seek(SeekFrom::Start(from))?;
    let finder = memchr::memmem::Finder::new(word);
    let mut piece = [0u8; 8192];
    // The end of the piece before, where `word` may begin.
    let mut kept = 0;
    loop {
        let read = match input.read(&mut piece[kept..]) {
            Ok(0) => return Ok(false),
            Ok(read) => read,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        let filled = kept + read;
        if finder.find(&piece[..filled]).is_some() {
            return Ok(true);
        }
        kept = (word.len() - 1).min(filled);
        piece.copy_within(filled - kept..filled, 0);
    }
}

/// Up to `n` bytes from `input`: fewer only at its end (a file that
/// shrank meanwhile).
fn read_up_to(input: &mut dyn ReadSeek, n: usize) -> io::Result<Vec<u8>> {
    let mut bytes = Vec::with_capacity(n);
    input.take(n as u64).read_to_end(&mut bytes)?;
    Ok(bytes)
}

/// Where date, kind and prompt stand in a header line.
struct Columns {
    date: usize,
    kind: usize,
    prompt: usize,
    count: usize,
}

/// The columns a header line names. A line without quotes or a stray
/// carriage return is split at its commas, as a CSV parser would; any
/// other goes through one.
fn columns(line: &[u8]) -> Option<Columns> {
    let line = line.strip_suffix(b"\n").unwrap_or(line);
    let line = line.strip_suffix(b"\r").unwrap_or(line);
    if memchr::memchr3(b'"', b'\r', b'\n', line).is_none() {
        return columns_of(line.split(|&b| b == b',').collect());
    }
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(line);
    let record = reader.byte_records().next()?.ok()?;
    columns_of(record.iter().collect())
}

fn columns_of(names: Vec<&[u8]>) -> Option<Columns> {
    let at = |name: &str| {
        names.iter().position(|cell| {
            let cell = cell.strip_prefix("\u{feff}".as_bytes()).unwrap_or(cell);
            cell.trim_ascii().eq_ignore_ascii_case(name.as_bytes())
        })
    };
    Some(Columns {
        date: at("date")?,
        kind: at("kind")?,
        prompt: at("prompt")?,
        count: names.len(),
    })
}

fn skips_in(rows: &[u8], columns: &Columns, date: NaiveDate) -> Vec<String> {
    let day = dates::iso(date);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(rows);
    let mut skipped = Vec::new();
    let mut record = csv::ByteRecord::new();
    while let Ok(true) = reader.read_byte_record(&mut record) {
        if record.len() == columns.count
            && record.get(columns.kind) == Some(Kind::Skip.as_str().as_bytes())
            && record.get(columns.date) == Some(day.as_bytes())
            && let Some(Ok(id)) = record.get(columns.prompt).map(std::str::from_utf8)
            && !id.trim().is_empty()
        {
            skipped.push(id.trim().to_string());
        }
    }
    skipped
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> NaiveDate {
        dates::parse_iso(text.as_bytes()).unwrap()
    }

    #[test]
    fn the_columns_looked_for_are_log_columns() {
        let names = crate::store::schema::names::<crate::model::Entry>();
        for name in ["date", "kind", "prompt"] {
            assert!(names.contains(&name), "{name}");
        }
    }

    #[test]
    fn only_skips_of_the_day_are_read_in_any_column_order() {
        let columns = columns(b"kind,prompt,date,x\n").unwrap();
        let rows = b"skip,a-1,2026-11-25,\nskip,a-2,2026-11-24,\ntalk,a-3,2026-11-25,\nskip,\"a-4\",2026-11-25,\"two\nlines\"\nskip,a-5,2026-11-25\n";
        assert_eq!(
            skips_in(rows, &columns, day("2026-11-25")),
            ["a-1", "a-4"],
            "a-5 has a field missing"
        );
    }

    #[test]
    fn a_header_is_read_as_a_csv_parser_reads_it() {
        for (line, want) in [
            (
                &b"id,date,partner,kind,minutes,mood,prompt,note,logged_at\n"[..],
                (1, 3, 6, 9),
            ),
            (b"\xef\xbb\xbfKind , prompt,DATE\r\n", (2, 0, 1, 3)),
            (b"\"kind\",\"a,b\",prompt,date\n", (3, 0, 2, 4)),
            (b"kind,prompt,date", (2, 0, 1, 3)),
        ] {
            let c = columns(line).unwrap_or_else(|| panic!("{line:?}"));
            assert_eq!((c.date, c.kind, c.prompt, c.count), want, "{line:?}");
        }
        assert!(columns(b"kind,prompt\n").is_none());
        assert!(columns(b"kind,\"prompt\ndate\"\n").is_none());
    }

    #[test]
    fn the_skips_of_the_day_are_found_in_the_last_64_kib_only() {
        let dir = tempfile::tempdir().unwrap();
        let header = "id,date,partner,kind,minutes,mood,prompt,note,logged_at\n";
        let row = |kind: &str, date: &str, prompt: &str| {
            format!(
                "x1,{date},sam,{kind},,,{prompt},\"a note,\nover two lines\",2026-11-25T10:00:00+01:00\n"
            )
        };
        let write = |rows: &str| {
            std::fs::write(dir.path().join(LOG_FILE), format!("{header}{rows}")).unwrap();
        };
        let today = day("2026-11-25");
        // Small: the tail holds the header.
        write(&(row("skip", "2026-11-25", "a-1") + &row("skip", "2026-11-24", "a-2")));
        assert_eq!(
            skipped_on(dir.path(), today, Look::AsEveryRead).unwrap(),
            ["a-1"]
        );
        write(&row("talk", "2026-11-25", "a-1"));
        assert!(
            skipped_on(dir.path(), today, Look::AsEveryRead)
                .unwrap()
                .is_empty()
        );
        // Big: a skip before the last 64 KiB is not seen; the first row of
        // the tail, cut, is passed over; the last ones are read.
        let filler = row("talk", "2026-11-25", "");
        let mut rows = row("skip", "2026-11-25", "old-1");
        while rows.len() < 2 * TAIL as usize {
            rows.push_str(&filler);
        }
        rows.push_str(&row("skip", "2026-11-25", "a-3"));
        rows.push_str(&row("skip", "2026-11-25", "a-4"));
        write(&rows);
        assert_eq!(
            skipped_on(dir.path(), today, Look::AsEveryRead).unwrap(),
            ["a-3", "a-4"]
        );
        assert!(
            skipped_on(dir.path(), day("2026-11-24"), Look::AsEveryRead)
                .unwrap()
                .is_empty()
        );
        // No log, an empty one, one without a line end.
        std::fs::remove_file(dir.path().join(LOG_FILE)).unwrap();
        assert!(
            skipped_on(dir.path(), today, Look::AsEveryRead)
                .unwrap()
                .is_empty()
        );
        std::fs::write(dir.path().join(LOG_FILE), "").unwrap();
        assert!(
            skipped_on(dir.path(), today, Look::AsEveryRead)
                .unwrap()
                .is_empty()
        );
        std::fs::write(dir.path().join(LOG_FILE), "kind,date,prompt,skip").unwrap();
        assert!(
            skipped_on(dir.path(), today, Look::AsEveryRead)
                .unwrap()
                .is_empty()
        );
    }

    #[test]
    fn the_word_is_found_across_the_pieces_it_is_read_in() {
        for at in [0, 1, 8188, 8189, 8190, 8191, 8192, 8193, 20_000, 65_532] {
            let mut bytes = vec![b'x'; 65_536];
            bytes[at..at + 4].copy_from_slice(b"skip");
            let mut input = io::Cursor::new(bytes);
            assert!(holds(&mut input, 0, b"skip").unwrap(), "{at}");
            assert!(!holds(&mut input, at as u64 + 1, b"skip").unwrap(), "{at}");
        }
        assert!(!holds(&mut io::Cursor::new(b"ski".to_vec()), 0, b"skip").unwrap());
    }
}
