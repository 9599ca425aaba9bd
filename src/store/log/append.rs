//! Appending to log.csv: one write under the lock, in the file's own
//! column order and line ends, after a look at its header and its tail.

use std::fs::File;
use std::io::{self, Cursor, Read, Seek, SeekFrom, Write};
use std::path::Path;

use csv::ByteRecord;

use super::LOG_FILE;
use super::fold::{OwnCells, fold_copies, own_row};
use crate::error::{Error, Result};
use crate::model::{Entry, same_partner};
use crate::printer::{Warned, Warning};
use crate::render::csv::{Csv, CsvStyle};
use crate::store::crypt::{self, Source};
use crate::store::fsx::{self, Lock};
use crate::store::schema::{self, Layout, Reader};
use crate::store::table::{Lex, Table, first_line_ends_crlf, lex};

/// How much of the end of the file an append looks at.
const TAIL: u64 = 64 * 1024;

/// Appends `entry` to `DIR/log.csv` under the lock, in one write, in the
/// file's own column order and line ends.
pub(crate) fn append(dir: &Path, entry: &Entry) -> Result<Warned<()>> {
    let mut warnings: Vec<Warning> = fsx::ensure_dir(dir)?.into_iter().collect();
    let _lock = Lock::acquire(dir)?;
    warnings.extend(fold_copies(dir)?);
    append_rows(dir, std::slice::from_ref(entry), &[])?;
    Ok(Warned::new((), warnings))
}

/// Whether an append would be taken, without making one: the header names
/// every contract column and the end of the file is whole. For a command
/// that writes another file first (`goals review`), so that it refuses
/// before changing anything.
pub(crate) fn check_appendable(dir: &Path) -> Result<()> {
    // What the write takes first, so that nothing typed is asked for in
    // vain: the lock, and the folder sync-conflict copies go to.
    fsx::check_lock_file(dir)?;
    crate::store::conflicts::check_merged_dir(dir)?;
    let path = dir.join(LOG_FILE);
    let Some(mut file) = crypt::open(&path)? else {
        return Ok(());
    };
    let len = file.len();
    if len == 0 {
        return Ok(());
    }
    inspect(&mut file, len).map(|_| ())
}

/// Appends `entries` in one write. Call with the lock held. `own` holds,
/// entry by entry (or not at all), cells of columns of the users' own by
/// name: each lands in the file's column of that name (the caller makes
/// sure the file has it).
pub(super) fn append_rows(dir: &Path, entries: &[Entry], own: &[OwnCells]) -> Result<()> {
    let path = dir.join(LOG_FILE);
    if crypt::is_on(dir) {
        return append_sealed(&path, entries, own);
    }
    let mut file = fsx::open_to_append(&path).map_err(|e| match fsx::absent(&path) {
        // A link into a folder that is not there.
        Err(link) if e.kind() == std::io::ErrorKind::NotFound => link,
        _ => Error::io("cannot open", &path, &e),
    })?;
    let len = file
        .metadata()
        .map_err(|e| Error::io("cannot read", &path, &e))?
        .len();

    let bytes = new_rows(&mut file, len, entries, own)?;
    // One write: a reader (or a crash) never sees half a row of ours.
    match file.write_all(&bytes).and_then(|()| file.sync_data()) {
        Ok(()) => Ok(()),
        Err(err) => Err(take_back(&file, &path, len, &err)),
    }
}

/// An age file cannot be appended to: the log is decrypted in memory, the
/// rows added there, and the whole encrypted again and replaced atomically
/// (under the lock the caller holds). A crash leaves the old file or the
/// new one, never plaintext.
fn append_sealed(path: &Path, entries: &[Entry], own: &[OwnCells]) -> Result<()> {
    let mut file = match crypt::open(path)? {
        Some(Source::Memory(bytes)) => bytes,
        Some(Source::File(mut file)) => {
            let mut bytes = Vec::new();
            file.read_to_end(&mut bytes)
                .map_err(|e| Error::io("cannot read", path, &e))?;
            Cursor::new(bytes)
        }
        None => Cursor::new(Vec::new()),
    };
    let len = file.get_ref().len() as u64;
    let rows = new_rows(&mut file, len, entries, own)?;
    let mut all = file.into_inner();
    all.extend_from_slice(&rows);
    fsx::replace(path, |out| {
        out.write_all(&all)
            .map_err(|e| Error::io("cannot write", path, &e))
    })?;
    all.fill(0);
    Ok(())
}

/// The bytes that append `entries` to a log of `len` bytes read from
/// `file`: its header first when it is empty, in its own column order and
/// line ends.
fn new_rows<F: crate::store::table::Source + Seek>(
    file: &mut F,
    len: u64,
    entries: &[Entry],
    own: &[OwnCells],
) -> Result<Vec<u8>> {
    let mut bytes = Vec::with_capacity(256 * entries.len());
    let shape = if len == 0 {
        Shape {
            layout: Layout::of(schema::names::<Entry>().into_iter().map(str::as_bytes)),
            header: schema::names::<Entry>()
                .into_iter()
                .map(|n| n.as_bytes().to_vec())
                .collect(),
            crlf: false,
            ends_with_newline: true,
            tail: Vec::new(),
            partner_at: None,
        }
    } else {
        inspect(file, len)?
    };
    let fail = |e: &io::Error| Error::runtime(format!("writing a row: {}", crate::error::plain(e)));
    let style = CsvStyle {
        neutralise: false,
        bom: false,
        crlf: shape.crlf,
    };
    let mut writer = Csv::new(&mut bytes, style, &fail)?;
    if len == 0 {
        schema::write_header::<Entry>(&mut writer)?;
    }
    if !shape.ends_with_newline {
        writer.end_row()?; // the last line had no line end
    }
    for (i, entry) in entries.iter().enumerate() {
        let own: Vec<Vec<u8>> = match own.get(i) {
            Some(cells) if !cells.is_empty() => own_row(&shape.header, cells),
            _ => Vec::new(),
        };
        match shape
            .partner_at
            .and_then(|at| spelled_in(&shape.tail, at, &entry.partner))
        {
            Some(before) => {
                let entry = Entry {
                    partner: before,
                    ..entry.clone()
                };
                shape.layout.write_row(&mut writer, &entry, &own)?;
            }
            None => shape.layout.write_row(&mut writer, entry, &own)?,
        }
    }
    writer.finish()?;
    Ok(bytes)
}

/// After a failed append (a full disk, a file-size limit) some of the row
/// may be on disk: cut the file back to `len`, its length before, so that
/// it reads as it did and the next command works.
fn take_back(file: &File, path: &Path, len: u64, err: &io::Error) -> Error {
    let why = crate::error::plain(err);
    match file.set_len(len).and_then(|()| file.sync_data()) {
        Ok(()) => Error::runtime(format!(
            "cannot append to {}: {why}; nothing was recorded",
            path.display()
        ))
        .with_hint(
            "the file is as it was: make room (or fix the cause), then run the command again",
        ),
        Err(_) => Error::runtime(format!(
            "cannot append to {}: {why}; part of a row may be left at its end",
            path.display()
        ))
        .with_hint(
            "remove the incomplete last line in a text editor; couple will name it if you do not",
        ),
    }
}

/// How the rows in `tail` spell `partner`, when one spells it otherwise
/// (`alex` for `Alex`, ` sam` for `sam`): a partner stays as first written.
/// Only the tail is looked at, so that an append stays as fast on a
/// million rows as on none; readers take the spellings as one partner
/// anyway. `tail` may start inside a row: what does not parse is skipped,
/// and only a name equal to `partner` but for case and spaces is taken.
fn spelled_in(tail: &[u8], column: usize, partner: &str) -> Option<String> {
    let start = tail.iter().position(|&b| b == b'\n')? + 1;
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(&tail[start..]);
    let mut record = ByteRecord::new();
    while let Ok(true) = reader.read_byte_record(&mut record) {
        let Some(Ok(name)) = record.get(column).map(std::str::from_utf8) else {
            continue;
        };
        if name == partner {
            return None;
        }
        if !name.trim().is_empty() && same_partner(name, partner) {
            return Some(name.trim().to_string());
        }
    }
    None
}

/// What an append needs to know about an existing file.
struct Shape {
    /// The file's columns, in its order, and their names as written.
    layout: Layout<Entry>,
    header: Vec<Vec<u8>>,
    crlf: bool,
    ends_with_newline: bool,
    /// The last bytes of the file (up to [`TAIL`]), and where its partner
    /// column stands.
    tail: Vec<u8>,
    partner_at: Option<usize>,
}

/// Reads the header and checks the tail, without reading the whole file
/// unless the tail looks wrong (then a full read finds and names the line).
fn inspect<F: crate::store::table::Source + Seek>(file: &mut F, len: u64) -> Result<Shape> {
    let table = Table::open::<Entry>(LOG_FILE, &mut *file)?;
    let layout = Layout::<Entry>::of(table.header());
    let header: Vec<Vec<u8>> = table.header().iter().map(<[u8]>::to_vec).collect();
    let partner_at = table.header().iter().position(|name| {
        String::from_utf8_lossy(name)
            .trim_start_matches('\u{feff}')
            .trim()
            .eq_ignore_ascii_case("partner")
    });
    let missing: Vec<&str> = schema::names::<Entry>()
        .into_iter()
        .enumerate()
        .filter(|&(i, _)| table.position(i).is_none())
        .map(|(_, c)| c)
        .collect();
    if !missing.is_empty() {
        return Err(Error::data(
            LOG_FILE,
            1,
            format!("the header lacks the column(s) {}", missing.join(", ")),
        )
        .with_hint(format!(
            "add them to the first line (any order): {}",
            schema::names::<Entry>().join(",")
        )));
    }
    drop(table);

    let mut head = [0u8; 4096];
    file.seek(SeekFrom::Start(0)).map_err(seek_error)?;
    let n = read_up_to(file, &mut head)?;
    let crlf = first_line_ends_crlf(&head[..n]);

    let start = len.saturating_sub(TAIL);
    let mut tail = vec![0u8; (len - start) as usize];
    file.seek(SeekFrom::Start(start)).map_err(seek_error)?;
    let n = read_up_to(file, &mut tail)?;
    tail.truncate(n);
    let ends_with_newline = tail.last() == Some(&b'\n');
    let whole = ends_with_newline
        && last_line_is_whole(&tail, layout.len())
        && ends_outside_quotes(&tail, layout.len(), start == 0);
    if !whole {
        // Slow path: read every row; the first bad one is reported.
        file.seek(SeekFrom::Start(0)).map_err(seek_error)?;
        let mut reader = Reader::<_, Entry>::open(LOG_FILE, &mut *file)?;
        while reader.advance(|_| true)? {}
    }
    Ok(Shape {
        layout,
        header,
        crlf,
        ends_with_newline,
        tail,
        partner_at,
    })
}

/// Whether the last line of `tail` (which ends with a newline) is a whole
/// row on its own: no NUL, balanced quotes, and the header's field count.
pub(super) fn last_line_is_whole(tail: &[u8], fields: usize) -> bool {
    let body = &tail[..tail.len() - 1];
    let body = body.strip_suffix(b"\r").unwrap_or(body);
    let Some(start) = body.iter().rposition(|&b| b == b'\n').map(|p| p + 1) else {
        return false;
    };
    let last = &body[start..];
    let quotes = last.split(|&b| b == b'"').count() - 1;
    if last.contains(&0) || !quotes.is_multiple_of(2) {
        return false;
    }
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(last);
    let mut record = ByteRecord::new();
    matches!(reader.read_byte_record(&mut record), Ok(true)) && record.len() == fields
}

/// Whether the file whose last bytes are `tail` (all of it when
/// `whole_file`) ends outside any quoted field: an open quote would take
/// an appended row into its field. A tail may start inside a quoted field
/// (a long note), so both readings of it are tried, and the rows each
/// yields must have the header's `fields`: the end counts as whole only
/// when the reading that fits says so and no other reading that fits says
/// otherwise. Anything less certain takes the slow path, a full read.
pub(super) fn ends_outside_quotes(tail: &[u8], fields: usize, whole_file: bool) -> bool {
    // Lexes `bytes` from `state`; the final state, if every record after
    // the first `skip` ones has `fields` fields.
    let fitting = |bytes: &[u8], state: Lex, skip: usize| {
        let (mut seen, mut fits) = (0, true);
        let end = lex(bytes, state, |n| {
            seen += 1;
            fits = seen <= skip || n == fields;
            fits
        });
        fits.then_some(end)
    };
    if whole_file {
        return fitting(tail, Lex::RecordStart, 1) == Some(Lex::RecordStart);
    }
    let Some(first_line_end) = tail.iter().position(|&b| b == b'\n') else {
        return false;
    };
    let rest = &tail[first_line_end + 1..];
    let at_a_row = fitting(rest, Lex::RecordStart, 0);
    let in_a_quote = fitting(rest, Lex::Quoted, 1);
    at_a_row == Some(Lex::RecordStart) && in_a_quote.is_none_or(|end| end == Lex::RecordStart)
}

pub(super) fn read_up_to(file: &mut impl Read, buf: &mut [u8]) -> Result<usize> {
    let mut filled = 0;
    while filled < buf.len() {
        match file.read(&mut buf[filled..]) {
            Ok(0) => break,
            Ok(n) => filled += n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => {
                return Err(Error::runtime(format!(
                    "reading {LOG_FILE}: {}",
                    crate::error::plain(&e)
                )));
            }
        }
    }
    Ok(filled)
}

fn seek_error(e: io::Error) -> Error {
    Error::runtime(format!("reading {LOG_FILE}: {}", crate::error::plain(&e)))
}
