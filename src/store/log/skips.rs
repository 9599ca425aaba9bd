//! The day's skips, read from the end of log.csv only: `couple prompt`
//! runs in every new shell and must not read the whole log. Today's rows
//! are at the end, where appends put them.

use std::io::{self, Read, Seek, SeekFrom};
use std::path::Path;

use chrono::NaiveDate;

use super::LOG_FILE;
use crate::dates;
use crate::error::{Error, Result};
use crate::model::Kind;

/// How much of the end of log.csv is looked at for the day's skips.
const TAIL: u64 = 64 * 1024;
/// The header is looked for in the first this many bytes.
const HEAD: usize = 4096;

/// The prompt ids the `skip` rows dated `date` in the last 64 KiB of
/// `DIR/log.csv` name, in file order. A missing log has none. Rows there
/// that cannot be read are passed over: the next full read reports them.
pub(crate) fn skipped_on(dir: &Path, date: NaiveDate) -> Result<Vec<String>> {
    let path = dir.join(LOG_FILE);
    let Some(mut file) = crate::store::crypt::open(&path)? else {
        return Ok(Vec::new());
    };
    let read_error = |e: &io::Error| Error::io("cannot read", &path, e);
    let len = file.len();
    let mut head = vec![0; HEAD.min(len as usize)];
    file.read_exact(&mut head).map_err(|e| read_error(&e))?;
    let Some(header_end) = head.iter().position(|&b| b == b'\n').map(|p| p as u64 + 1) else {
        return Ok(Vec::new());
    };
    let Some(columns) = columns(&head[..header_end as usize]) else {
        return Ok(Vec::new());
    };
    let start = len.saturating_sub(TAIL).max(header_end);
    file.seek(SeekFrom::Start(start))
        .map_err(|e| read_error(&e))?;
    let mut tail = Vec::with_capacity((len - start) as usize);
    file.read_to_end(&mut tail).map_err(|e| read_error(&e))?;
    // Most days have no skip: a look for the word is cheaper than reading
    // a thousand rows as CSV.
    if !tail.windows(4).any(|w| w == b"skip") {
        return Ok(Vec::new());
    }
    // Unless the tail starts right after the header, its first line is
    // cut: start after the first line end.
    let rows = if start == header_end {
        &tail[..]
    } else {
        match tail.iter().position(|&b| b == b'\n') {
            Some(at) => &tail[at + 1..],
            None => return Ok(Vec::new()),
        }
    };
    Ok(skips_in(rows, &columns, date))
}

/// Where date, kind and prompt stand in a header line.
struct Columns {
    date: usize,
    kind: usize,
    prompt: usize,
    count: usize,
}

fn columns(header: &[u8]) -> Option<Columns> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(header);
    let record = reader.byte_records().next()?.ok()?;
    let at = |name: &str| {
        record.iter().position(|cell| {
            let cell = cell.strip_prefix("\u{feff}".as_bytes()).unwrap_or(cell);
            cell.trim_ascii().eq_ignore_ascii_case(name.as_bytes())
        })
    };
    Some(Columns {
        date: at("date")?,
        kind: at("kind")?,
        prompt: at("prompt")?,
        count: record.len(),
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
}
