//! Folding sync-conflict copies of log.csv into it: the entries a copy
//! holds and the log does not are added, with the cells of the users' own
//! columns, matched by column name (a column the log lacks is added to
//! it), and the copies are moved aside.

use std::collections::HashMap;
use std::io;
use std::path::Path;

use csv::ByteRecord;

use super::append::append_rows;
use super::undo::{BOM, head_shape, rewrite_dropping};
use super::{LOG_FILE, read_file};
use crate::error::{Error, Result};
use crate::model::Entry;
use crate::printer::Warning;
use crate::render::csv::{Csv, CsvStyle};
use crate::store::conflicts;
use crate::store::crypt;
use crate::store::fsx;
use crate::store::removed::{self, Removed};
use crate::store::schema::{self, Layout, Reader};
use crate::store::table::Table;

/// The cells of an entry's columns of the users' own: (header name as the
/// copy wrote it, cell), the empty ones left out.
pub(super) type OwnCells = Vec<(Vec<u8>, Vec<u8>)>;

/// A header name as columns are matched: trimmed, any case, no BOM.
pub(super) fn column_key(name: &[u8]) -> String {
    String::from_utf8_lossy(name)
        .trim_start_matches('\u{feff}')
        .trim()
        .to_lowercase()
}

/// An entry's own cells laid out under `header`: each column's cell from
/// the copy that wrote it (matched by [`column_key`]), empty where it had
/// none.
pub(super) fn own_row(header: &[Vec<u8>], cells: &OwnCells) -> Vec<Vec<u8>> {
    header
        .iter()
        .map(|name| {
            let key = column_key(name);
            cells
                .iter()
                .find(|(theirs, _)| column_key(theirs) == key)
                .map(|(_, cell)| cell.clone())
                .unwrap_or_default()
        })
        .collect()
}

/// Folds what sync-conflict copies add into the main file and moves them
/// aside; an entry removed by `--undo` is not taken in, and leaves the main
/// file if a copy brought it back there. An entry a copy holds otherwise
/// than the main file (edited by hand on one machine) keeps the main
/// file's version, and a warning says so: the copy is in `.merged/`. Call
/// with the lock held.
pub(crate) fn fold_copies(dir: &Path) -> Result<Vec<Warning>> {
    let mut warnings: Vec<Warning> = removed::fold_copies(dir)?.into_iter().collect();
    let copies = conflicts::copies(dir, LOG_FILE)?;
    if copies.is_empty() {
        return Ok(warnings);
    }
    let removed = removed::read(dir)?;
    let path = dir.join(LOG_FILE);
    // Each entry's id, and a digest of what it holds.
    let mut seen: HashMap<String, u64> = HashMap::new();
    let mut resurrected = false;
    read_file(&path, LOG_FILE, |entry, _| {
        resurrected |= removed.contains(entry.id.as_bytes());
        seen.insert(entry.id.clone(), digest(entry));
        Ok(())
    })?;
    let (mut entries, mut own) = (Vec::new(), Vec::new());
    let mut differing: Vec<String> = Vec::new();
    for copy in &copies {
        read_copy(
            copy,
            &mut seen,
            &removed,
            &mut entries,
            &mut own,
            &mut differing,
        )?;
    }
    if let Some(first) = differing.first() {
        let others = match differing.len() - 1 {
            0 => String::new(),
            n => format!(" and {n} more"),
        };
        warnings.push(
            Warning::new(format!(
                "entry {first}{others} differs in a sync-conflict copy of {LOG_FILE}: {LOG_FILE}'s version was kept"
            ))
            .with_hint(format!(
                "the copy is in {}/; put back what it holds with an editor if it was the one you wanted",
                conflicts::MERGED_DIR
            )),
        );
    }
    if resurrected {
        rewrite_dropping(&path, |id, _| Ok(removed.contains(id)))?;
    }
    if !entries.is_empty() {
        let have = header_keys(dir)?;
        let mut extra: Vec<Vec<u8>> = Vec::new();
        for (name, _) in own.iter().flatten() {
            let key = column_key(name);
            if !have.contains(&key) && !extra.iter().any(|e| column_key(e) == key) {
                extra.push(name.clone());
            }
        }
        if extra.is_empty() {
            append_rows(dir, &entries, &own)?;
        } else {
            rewrite_with(dir, &extra, &entries, &own)?;
        }
    }
    warnings.extend(conflicts::set_aside(dir, &copies)?);
    Ok(warnings)
}

/// A digest of what an entry holds, its id aside: two rows of one id
/// holding the same have the same.
fn digest(entry: &Entry) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut hasher = std::hash::DefaultHasher::new();
    (
        entry.date,
        &entry.partner,
        entry.kind.as_str(),
        entry.minutes,
        entry.mood,
        &entry.prompt,
        &entry.note,
        &entry.logged_at,
    )
        .hash(&mut hasher);
    hasher.finish()
}

/// Takes in the entries of `copy` not `seen` yet nor `removed`, with their
/// own cells.
fn read_copy(
    copy: &Path,
    seen: &mut HashMap<String, u64>,
    removed: &Removed,
    entries: &mut Vec<Entry>,
    own: &mut Vec<OwnCells>,
    differing: &mut Vec<String>,
) -> Result<()> {
    // None: another writer just moved it aside; its entries are in the log.
    let Some(file) = conflicts::open(copy)? else {
        return Ok(());
    };
    let mut reader = Reader::<_, Entry>::open(&conflicts::display_name(copy), file)?;
    let header: Vec<Vec<u8>> = reader.table().header().iter().map(<[u8]>::to_vec).collect();
    let ours: Vec<String> = schema::names::<Entry>()
        .into_iter()
        .map(str::to_string)
        .collect();
    let theirs: Vec<usize> = (0..header.len())
        .filter(|&at| !ours.contains(&column_key(&header[at])))
        .collect();
    let mut entry = Entry::default();
    while reader.next(&mut entry, |_| true)? {
        let held = digest(&entry);
        let known = seen.get(&entry.id).copied();
        if let Some(kept) = known
            && kept != held
            && !removed.contains(entry.id.as_bytes())
            && !differing.contains(&entry.id)
        {
            differing.push(entry.id.clone());
        }
        if known.is_none() {
            seen.insert(entry.id.clone(), held);
        }
        if known.is_none() && !removed.contains(entry.id.as_bytes()) {
            let row = reader.row();
            own.push(
                theirs
                    .iter()
                    .filter_map(|&at| {
                        let cell = row.get(at).filter(|c| !c.is_empty())?;
                        Some((header[at].clone(), cell.to_vec()))
                    })
                    .collect(),
            );
            entries.push(entry.clone());
        }
    }
    Ok(())
}

/// The column names of `DIR/log.csv`, as matched (none when it is missing
/// or empty).
fn header_keys(dir: &Path) -> Result<Vec<String>> {
    let path = dir.join(LOG_FILE);
    let Some(file) = crypt::open(&path)? else {
        return Ok(Vec::new());
    };
    let table = Table::open::<Entry>(LOG_FILE, file)?;
    Ok(table.header().iter().map(column_key).collect())
}

/// Rewrites log.csv atomically with the columns `extra` added to its header
/// (every row gets them empty), then `entries` with their own cells: for
/// the rare fold whose copy has a column of the users' own the log lacks.
fn rewrite_with(dir: &Path, extra: &[Vec<u8>], entries: &[Entry], own: &[OwnCells]) -> Result<()> {
    let path = dir.join(LOG_FILE);
    let source = crypt::open(&path)?;
    let (bom, crlf) = if source.is_some() {
        head_shape(&path)?
    } else {
        (false, false)
    };
    let mut table = source
        .map(|file| Table::open::<Entry>(LOG_FILE, file))
        .transpose()?;
    let mut header: Vec<Vec<u8>> = table
        .as_ref()
        .map(|t| t.header().iter().map(<[u8]>::to_vec).collect())
        .unwrap_or_default();
    if header.is_empty() {
        header = schema::names::<Entry>()
            .into_iter()
            .map(|n| n.as_bytes().to_vec())
            .collect();
    }
    let old_width = header.len();
    header.extend(extra.iter().cloned());
    let layout = Layout::<Entry>::of(header.iter().map(Vec::as_slice));
    fsx::replace(&path, |out| {
        let fail = |e: &io::Error| {
            Error::runtime(format!(
                "rewriting {LOG_FILE}: {}; nothing was changed",
                crate::error::plain(e)
            ))
        };
        // The reader takes the byte-order mark off; a spreadsheet's file keeps it.
        if bom && !header[0].starts_with(BOM) {
            out.write_all(BOM).map_err(|e| fail(&e))?;
        }
        let style = CsvStyle {
            neutralise: false,
            bom: false,
            crlf,
        };
        let mut writer = Csv::new(out, style, &fail)?;
        for name in &header {
            writer.bytes(name)?;
        }
        writer.end_row()?;
        if let Some(table) = table.as_mut() {
            let mut record = ByteRecord::new();
            while table.next(&mut record)? {
                for cell in &record {
                    writer.bytes(cell)?;
                }
                for _ in old_width..header.len() {
                    writer.bytes(b"")?;
                }
                writer.end_row()?;
            }
        }
        for (entry, cells) in entries.iter().zip(own) {
            let row = own_row(&header, cells);
            layout.write_row(&mut writer, entry, &row)?;
        }
        writer.finish()
    })
}
