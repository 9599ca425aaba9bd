//! git as the sync engine: the merge of two versions of a data file, given
//! their common ancestor, as `couple merge-driver` does it for git.
//!
//! - `log.csv`: every row of both versions, each id once, our rows first in
//!   their order (re-encoded: rows couple wrote come out byte for byte),
//!   then the rows only theirs holds, in theirs' order, moved to our
//!   columns by name. An entry undone since the
//!   ancestor (in the ancestor but gone from one side) or named in
//!   removed.csv stays out.
//! - `goals.csv`: each goal once; of a goal both hold, each field from the
//!   side that changed it since the ancestor, and of a field both changed,
//!   the later change (see `model::goal_merge`), the overwritten value
//!   reported and kept in `.merged/goals-overwritten.csv`.
//! - `removed.csv`: every id of both versions, once.
//! - each as `NAME.age` too, when the data directory is encrypted: the
//!   versions decrypted in memory, the result encrypted (see [`merge`]).
//!
//! Nothing is written when a version cannot be read: git then leaves the
//! file to be merged by hand.

use std::collections::HashSet;
use std::path::Path;

use super::goals::{self, GOALS_FILE};
use super::log::LOG_FILE;
use super::removed::{self, REMOVED_FILE, Removed};
use super::schema::{BOM, Reader};
use super::table::first_line_ends_crlf;
use super::{crypt, fsx, goals::merge::keep_overwritten};
use crate::error::{Error, Result};
use crate::model::Entry;
use crate::printer::{Warned, Warning};
use crate::render::csv::{Csv, CsvStyle};

/// Merges `theirs` into `ours` (which git takes as the result), given the
/// `ancestor`; `path` is the file's path in the repository, relative to
/// where git runs the driver (the top of the work tree): its name says
/// which file it is, its directory is the data directory.
///
/// An encrypted file (`log.csv.age`, …) is merged the same way: the three
/// versions are decrypted in memory with this machine's key, and the
/// result is encrypted to the keys in the data directory's
/// `.age-recipients` before anything is written (what `.merged/` keeps
/// too). Couple's other encrypted files (rituals, prompts, ideas,
/// pauses), whose ciphertext changes with every write, merge when only
/// one side changed what they hold.
pub(crate) fn merge(
    ancestor: &Path,
    ours: &Path,
    theirs: &Path,
    path: &Path,
) -> Result<Warned<()>> {
    let full_name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let (name, sealed) = match full_name.strip_suffix(crypt::SUFFIX) {
        Some(name) if crypt::is_sealed(name) => (name.to_string(), true),
        _ => (full_name.clone(), false),
    };
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let known = [LOG_FILE, GOALS_FILE, REMOVED_FILE].contains(&name.as_str());
    if !known && !sealed {
        return Err(Error::usage(format!(
            "merge-driver merges {LOG_FILE}, {GOALS_FILE}, {REMOVED_FILE} and couple's encrypted files (*.csv.age), not {}",
            path.display()
        ))
        .with_hint(format!(
            "in .gitattributes, give merge=couple to those files only: {LOG_FILE} merge=couple, *.csv.age merge=couple"
        )));
    }
    let labels = Labels::of(&full_name);
    // The recipients first: a merge that could not be written encrypted
    // reads nothing.
    let recipients = sealed.then(|| crypt::Recipients::read(dir)).transpose()?;
    // git hands over three files, the ancestor empty when both sides
    // added the file: a missing one is a mistake, never an empty version.
    let read = |file: &Path, label: &str| -> Result<Vec<u8>> {
        let bytes = fsx::read(file).map_err(|err| Error::io("cannot read", file, &err))?;
        if crypt::is_age(&bytes) {
            crypt::decrypt_as(label, dir, &bytes)
        } else {
            Ok(bytes)
        }
    };
    let mut base = read(ancestor, &labels.ancestor)?;
    let mut mine = read(ours, &labels.ours)?;
    let mut other = read(theirs, &labels.theirs)?;
    // A side of the log, the goals or the removals emptied of every row
    // since the ancestor (a crash, a sync gone wrong) would read as every
    // row taken out: left to the person, unmerged. couple never empties
    // those files (the others, you may: no prompts of your own any more).
    for (version, label) in [(&mine, &labels.ours), (&other, &labels.theirs)] {
        if known
            && holds_no_rows(version)
            && !holds_no_rows(&base)
            && !(name == LOG_FILE && all_undone(&base, &removed::read(dir)?))
        {
            return Err(Error::runtime(format!(
                "cannot merge {full_name}: {label} holds no rows, and the common ancestor does"
            ))
            .with_hint(format!(
                "nothing was merged; a file without rows is more likely cut short than every entry taken out: look at that side's {full_name}, then resolve the conflict by hand"
            )));
        }
    }
    let mut warnings = Vec::new();
    let merged = match name.as_str() {
        LOG_FILE => merge_log(&base, &mine, &other, &removed::read(dir)?, &labels),
        GOALS_FILE => merge_goals(dir, &base, &mine, &other, &labels, sealed, &mut warnings),
        REMOVED_FILE => removed::merge(&labels.ours, &mine, &labels.theirs, &other),
        _ => merge_whole(&base, &mine, &other, &full_name),
    };
    for version in [&mut base, &mut mine, &mut other] {
        version.fill(0);
    }
    let mut merged = merged?;
    let bytes = match &recipients {
        Some(recipients) => {
            let ciphertext = recipients.encrypt(&merged);
            merged.fill(0);
            ciphertext?
        }
        None => merged,
    };
    // `ours` is a temporary file git made; only ciphertext reaches it when
    // the file is encrypted.
    fsx::replace_plain(ours, |out| {
        out.write_all(&bytes)
            .map_err(|e| Error::io("cannot write", ours, &e))
    })?;
    Ok(Warned::new((), warnings))
}

/// goals.csv's three-way merge; a value both sides changed is reported
/// and kept in `.merged/`, encrypted when `sealed` or the directory is.
fn merge_goals(
    dir: &Path,
    base: &[u8],
    mine: &[u8],
    other: &[u8],
    labels: &Labels,
    sealed: bool,
    warnings: &mut Vec<Warning>,
) -> Result<Vec<u8>> {
    let mut file = goals::parse(&labels.ours, mine)?;
    let base = goals::parse(&labels.ancestor, base)?;
    let theirs = goals::parse(&labels.theirs, other)?;
    let outcome = file.merge(theirs, Some(&base), [&labels.ours, &labels.theirs]);
    if !outcome.overwritten.is_empty() {
        // Only the lock: git is mid-merge, nothing else may change.
        let _lock = fsx::Lock::hold(dir)?;
        *warnings = keep_overwritten(dir, &outcome.overwritten, sealed || crypt::is_on(dir))?;
    }
    let mut out = Vec::new();
    goals::write(&mut out, &file)?;
    Ok(out)
}

/// A file couple does not merge row by row: the side that changed what it
/// holds since the ancestor (their ciphertexts differ even when they hold
/// the same), or, when both changed it differently, a conflict for you.
fn merge_whole(base: &[u8], mine: &[u8], other: &[u8], name: &str) -> Result<Vec<u8>> {
    if mine == other || other == base {
        return Ok(mine.to_vec());
    }
    if mine == base {
        return Ok(other.to_vec());
    }
    Err(Error::runtime(format!(
        "{name}: both sides changed it differently; couple merges only log, goals and removed row by row"
    ))
    .with_hint(format!(
        "keep one side with `git checkout --ours {name}` (or --theirs), `git add {name}`, and make the other side's change again with couple"
    )))
}

/// How errors and reports name the three versions.
struct Labels {
    ancestor: String,
    ours: String,
    theirs: String,
}

impl Labels {
    fn of(name: &str) -> Self {
        Self {
            ancestor: format!("{name} (the common ancestor)"),
            ours: format!("{name} (ours)"),
            theirs: format!("{name} (theirs)"),
        }
    }
}

/// One version of log.csv as read: its shape and its rows' cells.
struct LogVersion {
    header: Vec<Vec<u8>>,
    crlf: bool,
    bom: bool,
    /// Each row's id and cells, in file order.
    rows: Vec<(String, Vec<Vec<u8>>)>,
}

/// Reads one version whole, every row validated (`name` in its errors).
fn read_log(name: &str, bytes: &[u8]) -> Result<LogVersion> {
    let mut reader = Reader::<_, Entry>::open(name, bytes)?;
    let header = reader.table().header().iter().map(<[u8]>::to_vec).collect();
    let mut rows = Vec::new();
    let mut entry = Entry::default();
    while reader.next(&mut entry, |_| true)? {
        rows.push((
            entry.id.clone(),
            reader.row().iter().map(<[u8]>::to_vec).collect(),
        ));
    }
    Ok(LogVersion {
        header,
        crlf: first_line_ends_crlf(bytes),
        bom: bytes.starts_with(BOM),
        rows,
    })
}

fn merge_log(
    base: &[u8],
    ours: &[u8],
    theirs: &[u8],
    removed: &Removed,
    labels: &Labels,
) -> Result<Vec<u8>> {
    let base = read_log(&labels.ancestor, base)?;
    let mut ours = read_log(&labels.ours, ours)?;
    let theirs = read_log(&labels.theirs, theirs)?;
    let ids =
        |v: &LogVersion| -> HashSet<String> { v.rows.iter().map(|(id, _)| id.clone()).collect() };
    let (in_base, in_ours, in_theirs) = (ids(&base), ids(&ours), ids(&theirs));
    // Undone on one side since the ancestor, or ever (removed.csv).
    let undone = |id: &str| {
        removed.contains(id.as_bytes())
            || (in_base.contains(id) && !(in_ours.contains(id) && in_theirs.contains(id)))
    };
    if ours.header.is_empty() {
        ours.header.clone_from(&theirs.header);
        ours.crlf = theirs.crlf;
        ours.bom = theirs.bom;
    }
    let mut rows: Vec<Vec<Vec<u8>>> = ours
        .rows
        .iter()
        .filter(|(id, _)| !undone(id))
        .map(|(_, cells)| cells.clone())
        .collect();
    for (id, cells) in &theirs.rows {
        if in_ours.contains(id) || undone(id) {
            continue;
        }
        let mut placed = vec![Vec::new(); ours.header.len()];
        for (name, cell) in theirs.header.iter().zip(cells) {
            let at = if let Some(at) = ours.header.iter().position(|h| same_column(h, name)) {
                at
            } else {
                ours.header.push(name.clone());
                placed.push(Vec::new());
                ours.header.len() - 1
            };
            placed[at].clone_from(cell);
        }
        rows.push(placed);
    }
    let mut out = Vec::new();
    let fail = |e: &std::io::Error| Error::runtime(format!("merging {LOG_FILE}: {e}"));
    let style = CsvStyle {
        neutralise: false,
        bom: ours.bom,
        crlf: ours.crlf,
    };
    let mut csv = Csv::new(&mut out, style, &fail)?;
    if !ours.header.is_empty() {
        let width = ours.header.len();
        for row in std::iter::once(&ours.header).chain(&rows) {
            for at in 0..width {
                csv.bytes(row.get(at).map_or(&[][..], Vec::as_slice))?;
            }
            csv.end_row()?;
        }
    }
    csv.finish()?;
    Ok(out)
}

/// Whether two header names name the same column (trimmed, any case, a
/// BOM ignored).
fn same_column(a: &[u8], b: &[u8]) -> bool {
    let key = |n: &[u8]| {
        String::from_utf8_lossy(n)
            .trim_start_matches('\u{feff}')
            .trim()
            .to_lowercase()
    };
    key(a) == key(b)
}

/// Whether a version holds no rows: nothing but a byte-order mark, white
/// space and at most one line (a header).
fn holds_no_rows(bytes: &[u8]) -> bool {
    // Records, not lines: a quoted cell of the header may hold a line break.
    let mut records = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(bytes.strip_prefix(BOM).unwrap_or(bytes));
    let mut record = csv::ByteRecord::new();
    let mut filled = 0;
    while records.read_byte_record(&mut record).unwrap_or(false) {
        if record
            .iter()
            .any(|cell| !cell.iter().all(u8::is_ascii_whitespace))
        {
            filled += 1;
            if filled > 1 {
                return false;
            }
        }
    }
    true
}

/// Whether every row of the ancestor's log.csv is named in removed.csv:
/// a side that holds none of them then undid them all, as `log --undo`
/// records, and is no file cut short.
fn all_undone(base: &[u8], removed: &Removed) -> bool {
    let mut records = csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(base.strip_prefix(BOM).unwrap_or(base));
    let at = records.byte_headers().ok().and_then(|header| {
        header.iter().position(|name| {
            String::from_utf8_lossy(name)
                .trim()
                .eq_ignore_ascii_case("id")
        })
    });
    let Some(at) = at else {
        return false;
    };
    let mut record = csv::ByteRecord::new();
    while records.read_byte_record(&mut record).unwrap_or(false) {
        if record
            .get(at)
            .is_some_and(|id| !id.is_empty() && !removed.contains(id))
        {
            return false;
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEADER: &str = "id,date,partner,kind,minutes,mood,prompt,note,logged_at\n";

    fn row(id: &str) -> String {
        format!("{id},2026-11-24,alex,care,,,,\"note, {id}\",2026-11-24T10:00:00.000+00:00\n")
    }

    fn log(ids: &[&str]) -> String {
        let mut text = HEADER.to_string();
        for id in ids {
            text.push_str(&row(id));
        }
        text
    }

    fn merged(base: &str, ours: &str, theirs: &str, removed: &Removed) -> String {
        let labels = Labels::of(LOG_FILE);
        let out = merge_log(
            base.as_bytes(),
            ours.as_bytes(),
            theirs.as_bytes(),
            removed,
            &labels,
        )
        .unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn both_sides_appends_are_kept_ours_first_each_id_once() {
        let base = log(&["a", "b"]);
        let ours = log(&["a", "b", "c", "d"]);
        let theirs = log(&["a", "b", "e", "c"]);
        assert_eq!(
            merged(&base, &ours, &theirs, &Removed::default()),
            log(&["a", "b", "c", "d", "e"]),
            "our bytes as they were, then theirs' new rows"
        );
    }

    #[test]
    fn an_entry_undone_on_either_side_since_the_ancestor_stays_out() {
        let base = log(&["a", "b", "c"]);
        let ours = log(&["a", "c", "d"]);
        let theirs = log(&["a", "b", "e"]);
        assert_eq!(
            merged(&base, &ours, &theirs, &Removed::default()),
            log(&["a", "d", "e"])
        );
    }

    #[test]
    fn an_id_in_removed_csv_stays_out_whoever_holds_it() {
        let removed = Removed::parse(REMOVED_FILE, b"id\nz\n").unwrap();
        let out = merged(&log(&[]), &log(&["a", "z"]), &log(&["z", "b"]), &removed);
        assert_eq!(out, log(&["a", "b"]));
    }

    #[test]
    fn theirs_rows_move_to_our_columns_and_their_own_columns_come_along() {
        let ours = "id,date,partner,kind,minutes,mood,prompt,note,logged_at,mine\r\n\
                    a,2026-11-24,alex,care,,,,tea,2026-11-24T10:00:00.000+00:00,x\r\n";
        let theirs = "note,id,date,partner,kind,minutes,mood,prompt,logged_at,where\n\
                      hug,b,2026-11-24,sam,affection,,,,2026-11-24T11:00:00.000+00:00,home\n";
        assert_eq!(
            merged("", ours, theirs, &Removed::default()),
            "id,date,partner,kind,minutes,mood,prompt,note,logged_at,mine,where\r\n\
             a,2026-11-24,alex,care,,,,tea,2026-11-24T10:00:00.000+00:00,x,\r\n\
             b,2026-11-24,sam,affection,,,,hug,2026-11-24T11:00:00.000+00:00,,home\r\n"
        );
    }

    #[test]
    fn a_version_that_cannot_be_read_is_named() {
        let labels = Labels::of(LOG_FILE);
        let bad = format!("{HEADER}a,2026-13-01,alex,care,,,,,\n");
        let err = merge_log(
            b"",
            log(&["a"]).as_bytes(),
            bad.as_bytes(),
            &Removed::default(),
            &labels,
        )
        .unwrap_err();
        assert!(
            err.message
                .starts_with("log.csv (theirs) line 2: column date:"),
            "{}",
            err.message
        );
    }
}
