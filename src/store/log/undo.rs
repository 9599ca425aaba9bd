//! `couple log --undo`: the caller's latest entry out, by an atomic rewrite,
//! and its id into removed.csv.

use std::path::Path;

use chrono::{DateTime, FixedOffset};
use csv::ByteRecord;

use super::append::read_up_to;
use super::fold::fold_copies;
use super::{LOG_FILE, read_file};
use crate::error::{Error, Result};
use crate::model::{Entry, Removal, same_partner};
use crate::printer::{Warned, Warning};
use crate::render::csv::{Csv, CsvStyle};
use crate::store::crypt;
use crate::store::fsx::{self, Lock};
use crate::store::removed;
use crate::store::table::{Table, first_line_ends_crlf};

/// Removes the latest entry (by `logged_at`, then by place in the file) of
/// `partner`, rewriting the file atomically; returns it, or `None` when the
/// partner has no entry. Its id then goes to removed.csv (stamped
/// `removed_at`), so that no copy still holding the entry brings it back.
pub(crate) fn remove_last_of(
    dir: &Path,
    partner: &str,
    removed_at: &str,
) -> Result<Warned<Option<Entry>>> {
    let path = dir.join(LOG_FILE);
    if !dir.exists() {
        return Ok(Warned::new(None, Vec::new()));
    }
    let mut warnings: Vec<Warning> = fsx::ensure_dir(dir)?.into_iter().collect();
    let _lock = Lock::acquire(dir)?;
    warnings.extend(fold_copies(dir)?);

    let removed = removed::read(dir)?;
    let mut latest: Option<(Option<DateTime<FixedOffset>>, Entry)> = None;
    read_file(&path, LOG_FILE, |entry, _| {
        if same_partner(&entry.partner, partner) && !removed.contains(entry.id.as_bytes()) {
            let at = DateTime::parse_from_rfc3339(&entry.logged_at).ok();
            if latest.as_ref().is_none_or(|(best, _)| at >= *best) {
                latest = Some((at, entry.clone()));
            }
        }
        Ok(())
    })?;
    let Some((_, entry)) = latest else {
        return Ok(Warned::new(None, warnings));
    };
    // Two rows of one id (written by hand) would both go, and the id in
    // removed.csv hide the other one everywhere: refused, the file as it was.
    let mut first_line = None;
    rewrite_dropping(&path, |id, line| {
        if id != entry.id.as_bytes() {
            return Ok(removed.contains(id));
        }
        match first_line.replace(line) {
            None => Ok(true),
            Some(first) => Err(Error::data(
                LOG_FILE,
                line,
                format!("the id {} is also on line {first}: log --undo cannot tell which entry to take out", entry.id),
            )
            .with_hint("give one of them another id (any word no other row has) in a text editor, then undo again")),
        }
    })?;
    let removal = Removal {
        id: entry.id.clone(),
        partner: partner.to_string(),
        removed_at: removed_at.to_string(),
        file: LOG_FILE.to_string(),
    };
    let recorded = removed::add(dir, &[removal]).map_err(|e| {
        Error::runtime(format!(
            "{} was removed from {LOG_FILE}, but not recorded in {}: {}",
            entry.id,
            removed::REMOVED_FILE,
            e.message
        ))
        .with_hint(format!(
            "should a sync-conflict copy bring it back, add a line {} to {}",
            entry.id,
            removed::REMOVED_FILE
        ))
    })?;
    warnings.extend(recorded);
    Ok(Warned::new(Some(entry), warnings))
}

/// Rewrites log.csv atomically without the rows whose id (and line)
/// `drop` picks, every other row byte for byte as it was (the file's BOM,
/// line ends and columns kept); an error from `drop` leaves the file as it
/// was. Call with the lock held.
pub(super) fn rewrite_dropping(
    path: &Path,
    mut drop: impl FnMut(&[u8], u64) -> Result<bool>,
) -> Result<()> {
    let source = crypt::open(path)?.ok_or_else(|| {
        Error::io(
            "cannot read",
            path,
            &std::io::Error::from(std::io::ErrorKind::NotFound),
        )
    })?;
    let mut table = Table::open::<Entry>(LOG_FILE, source)?;
    let (bom, crlf) = head_shape(path)?;
    fsx::replace(path, |out| {
        // The reader takes the byte-order mark off; a spreadsheet's file keeps it.
        if bom
            && !table
                .header()
                .get(0)
                .is_some_and(|first| first.starts_with(BOM))
        {
            out.write_all(BOM).map_err(|e| rewrite_error(&e))?;
        }
        let fail = rewrite_error;
        let style = CsvStyle {
            neutralise: false,
            bom: false,
            crlf,
        };
        let mut writer = Csv::new(out, style, &fail)?;
        let mut write = |record: &ByteRecord| -> Result<()> {
            for cell in record {
                writer.bytes(cell)?;
            }
            writer.end_row()
        };
        write(table.header())?;
        let mut record = ByteRecord::new();
        while table.next(&mut record)? {
            if !drop(table.bytes(&record, 0), table.line(&record))? {
                write(&record)?;
            }
        }
        writer.finish()
    })
}

fn rewrite_error(e: &std::io::Error) -> Error {
    Error::runtime(format!(
        "rewriting {LOG_FILE}: {}; nothing was removed",
        crate::error::plain(e)
    ))
}

/// The UTF-8 byte-order mark spreadsheets put first.
pub(super) const BOM: &[u8] = "\u{feff}".as_bytes();

/// Whether the file starts with a byte-order mark, and whether its first
/// line ends with CRLF (as spreadsheets write both).
pub(super) fn head_shape(path: &Path) -> Result<(bool, bool)> {
    let Some(mut file) = crypt::open(path)? else {
        return Ok((false, false));
    };
    let mut head = [0u8; 4096];
    let n = read_up_to(&mut file, &mut head)?;
    Ok((
        head[..n].starts_with("\u{feff}".as_bytes()),
        first_line_ends_crlf(&head[..n]),
    ))
}
