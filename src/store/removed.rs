//! `removed.csv`: the ids `couple log --undo` took out of log.csv (and
//! `couple rituals unpause` out of pauses.csv, each row naming its file,
//! so that a pause and an entry of the same id stay apart), so that an entry undone on
//! one machine never comes back from a copy that still holds it (a sync
//! tool's conflict copy, the other machine's log, a git merge). Small: read whole, changed under the lock by an atomic rewrite
//! in the file's own shape. Its own sync-conflict copies are read with it
//! (an id any of them names stays removed) and folded in by the next write.

use std::collections::HashSet;
use std::io::Write;
use std::path::Path;

use super::conflicts;
use super::fsx;
use super::log::LOG_FILE;
use super::read_if_exists;
use super::rituals::PAUSES_FILE;
use super::schema::{Column, Document, Problem, Record, Stored};
use crate::error::Result;
use crate::model::Removal;
use crate::printer::Warning;

pub(crate) const REMOVED_FILE: &str = "removed.csv";

/// The columns of removed.csv; only `id` is needed to read it.
impl Record for Removal {
    const COLUMNS: &'static [Column<Self>] = &[
        Column::required(
            "id",
            |r, cell| {
                // Exactly as log.csv holds it (spaces a hand left in too:
                // undo writes what it removed, and must read it back).
                cell.text_into(&mut r.id)?;
                if r.id.trim().is_empty() {
                    return Err(Problem::new(
                        "is empty: it must be an id from log.csv or pauses.csv",
                    ));
                }
                Ok(())
            },
            |r, csv| csv.text(&r.id),
        ),
        Column::optional(
            "partner",
            |r, cell| cell.text_into(&mut r.partner),
            |r, csv| csv.text(&r.partner),
        ),
        Column::optional(
            "removed_at",
            |r, cell| cell.text_into(&mut r.removed_at),
            |r, csv| csv.text(&r.removed_at),
        ),
        Column::optional(
            "file",
            |r, cell| {
                let file = cell.text()?.trim();
                if !(file.is_empty()
                    || file.eq_ignore_ascii_case(LOG_FILE)
                    || file.eq_ignore_ascii_case(PAUSES_FILE))
                {
                    return Err(Problem::new(format!(
                        "{file:?} is not a file ids are removed from"
                    ))
                    .hint("write log.csv or pauses.csv, or leave it empty for both"));
                }
                r.file = file.to_string();
                Ok(())
            },
            |r, csv| csv.text(&r.file),
        ),
    ];
}

/// The ids removed, exactly as log.csv and pauses.csv hold them.
#[derive(Debug, Default, Clone)]
pub(crate) struct Removed {
    /// Out of log.csv.
    ids: HashSet<Vec<u8>>,
    /// Out of pauses.csv.
    pauses: HashSet<Vec<u8>>,
}

impl Removed {
    /// Whether the entry of log.csv with this id was removed.
    pub(crate) fn contains(&self, id: &[u8]) -> bool {
        !self.ids.is_empty() && self.ids.contains(id)
    }

    /// Whether the pause of pauses.csv with this id was removed.
    pub(crate) fn holds_pause(&self, id: &[u8]) -> bool {
        self.pauses.contains(id)
    }

    /// The ids of one file's bytes (`name` in its errors).
    #[cfg(test)]
    pub(crate) fn parse(name: &str, bytes: &[u8]) -> Result<Self> {
        let mut removed = Self::default();
        removed.take_in(&parse(name, bytes)?);
        Ok(removed)
    }

    fn take_in(&mut self, file: &RemovedFile) {
        for Stored {
            record: removal, ..
        } in &file.rows
        {
            let id = || removal.id.as_bytes().to_vec();
            let from = removal.file.as_str();
            // A row from before the column: both, as then.
            if from.is_empty() || from.eq_ignore_ascii_case(LOG_FILE) {
                self.ids.insert(id());
            }
            if from.is_empty() || from.eq_ignore_ascii_case(PAUSES_FILE) {
                self.pauses.insert(id());
            }
        }
    }
}

/// Every id `DIR/removed.csv` and its sync-conflict copies name. A missing
/// file names none.
pub(crate) fn read(dir: &Path) -> Result<Removed> {
    let mut removed = Removed::default();
    if let Some(bytes) = read_if_exists(&dir.join(REMOVED_FILE))? {
        removed.take_in(&parse(REMOVED_FILE, &bytes)?);
    }
    for copy in conflicts::copies(dir, REMOVED_FILE)? {
        let bytes = conflicts::read(&copy)?.unwrap_or_default();
        removed.take_in(&parse(&conflicts::display_name(&copy), &bytes)?);
    }
    Ok(removed)
}

/// Adds `removals` to `DIR/removed.csv` (those not there yet), folding in
/// its sync-conflict copies and moving them aside. Call with the lock held.
pub(crate) fn add(dir: &Path, removals: &[Removal]) -> Result<Option<Warning>> {
    let path = dir.join(REMOVED_FILE);
    let bytes = read_if_exists(&path)?.unwrap_or_default();
    let mut file = parse(REMOVED_FILE, &bytes)?;
    let mut known: HashSet<(String, String)> = file.rows.iter().map(|s| key(&s.record)).collect();
    let copies = conflicts::copies(dir, REMOVED_FILE)?;
    let mut changed = false;
    for copy in &copies {
        let bytes = conflicts::read(copy)?.unwrap_or_default();
        let theirs = parse(&conflicts::display_name(copy), &bytes)?;
        for Stored {
            record: removal, ..
        } in theirs.rows
        {
            if known.insert(key(&removal)) {
                file.rows.push(Stored::new(removal));
                changed = true;
            }
        }
    }
    for removal in removals {
        if known.insert(key(removal)) {
            file.rows.push(Stored::new(removal.clone()));
            changed = true;
        }
    }
    if changed {
        fsx::replace(&path, |out| write(out, &file))?;
    }
    conflicts::set_aside(dir, &copies)
}

/// Two versions of removed.csv as one (for git's merge driver): ours, then
/// the ids only theirs holds; `ours_name` and `theirs_name` in errors.
pub(crate) fn merge(
    ours_name: &str,
    ours: &[u8],
    theirs_name: &str,
    theirs: &[u8],
) -> Result<Vec<u8>> {
    let mut file = parse(ours_name, ours)?;
    let mut known: HashSet<(String, String)> = file.rows.iter().map(|s| key(&s.record)).collect();
    let theirs = parse(theirs_name, theirs)?;
    for Stored {
        record: removal,
        row: cells,
    } in theirs.rows
    {
        if known.insert(key(&removal)) {
            // Their own columns, by name, where ours has them.
            let own = file
                .header
                .iter()
                .map(|name| {
                    theirs
                        .header
                        .iter()
                        .position(|h| h.eq_ignore_ascii_case(name))
                        .and_then(|at| cells.get(at).cloned())
                        .unwrap_or_default()
                })
                .collect();
            file.rows.push(Stored {
                record: removal,
                row: own,
            });
        }
    }
    let mut out = Vec::new();
    write(&mut out, &file)?;
    Ok(out)
}

/// A removal told apart from others: its file (any case) and its id.
fn key(removal: &Removal) -> (String, String) {
    (removal.file.to_ascii_lowercase(), removal.id.clone())
}

/// Folds the sync-conflict copies of removed.csv in. Call with the lock held.
pub(crate) fn fold_copies(dir: &Path) -> Result<Option<Warning>> {
    if conflicts::copies(dir, REMOVED_FILE)?.is_empty() {
        return Ok(None);
    }
    add(dir, &[])
}

/// removed.csv as read, to be written back in its own shape.
type RemovedFile = Document<Removal>;

fn parse(name: &str, bytes: &[u8]) -> Result<RemovedFile> {
    Document::parse(name, bytes, |_, _| Ok(()))
}

fn write(out: &mut dyn Write, file: &RemovedFile) -> Result<()> {
    file.write(out, REMOVED_FILE)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_read_exactly_and_blank_rows_skipped() {
        let removed = Removed::parse(
            REMOVED_FILE,
            b"partner,id\r\nalex,ab12cd34ef\r\n,\r\nsam,Zz9\r\n",
        )
        .unwrap();
        assert!(removed.contains(b"ab12cd34ef"));
        assert!(removed.contains(b"Zz9"));
        assert!(!removed.contains(b"zz9"));
        assert!(Removed::parse(REMOVED_FILE, b"").unwrap().ids.is_empty());
    }

    #[test]
    fn a_bad_row_is_named_with_its_line() {
        let err = Removed::parse(REMOVED_FILE, b"id,partner\nab,alex\n,sam\n").unwrap_err();
        assert_eq!(
            err.message,
            "removed.csv line 3: column id: is empty: it must be an id from log.csv or pauses.csv"
        );
        let err = Removed::parse(REMOVED_FILE, b"who,when\nalex,now\n").unwrap_err();
        assert!(
            err.message
                .starts_with("removed.csv line 1: the header lacks"),
            "{}",
            err.message
        );
    }

    #[test]
    fn a_rewrite_keeps_the_files_shape_and_own_columns() {
        let mut file = parse(REMOVED_FILE, b"why,id\r\nmistake,ab\r\n").unwrap();
        file.rows.push(Stored::new(Removal {
            id: "cd".into(),
            partner: "sam".into(),
            removed_at: "2026-11-25T10:00:00.000+00:00".into(),
            file: "log.csv".into(),
        }));
        let mut out = Vec::new();
        write(&mut out, &file).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "why,id,partner,removed_at,file\r\nmistake,ab,,,\r\n,cd,sam,2026-11-25T10:00:00.000+00:00,log.csv\r\n"
        );
    }

    /// An id removed from pauses.csv hides no entry of log.csv of the same
    /// id, nor the other way round; a row from before the file column
    /// counts in both, as it did.
    #[test]
    fn a_removal_counts_in_its_own_file() {
        let removed = Removed::parse(
            REMOVED_FILE,
            b"id,partner,removed_at,file\n1,alex,t,pauses.csv\n2,alex,t,log.csv\n3,sam,t,\n4,sam,t,Pauses.CSV\n",
        )
        .unwrap();
        assert!(removed.holds_pause(b"1") && !removed.contains(b"1"));
        assert!(removed.contains(b"2") && !removed.holds_pause(b"2"));
        assert!(removed.contains(b"3") && removed.holds_pause(b"3"));
        assert!(removed.holds_pause(b"4") && !removed.contains(b"4"));
        let old = Removed::parse(REMOVED_FILE, b"id,partner,removed_at\n5,sam,t\n").unwrap();
        assert!(old.contains(b"5") && old.holds_pause(b"5"));
    }

    /// A file ids are not removed from is named, never read as neither
    /// (its entry would come back); an id with a space a hand left in
    /// log.csv reads back as written.
    #[test]
    fn an_unknown_file_is_named_and_a_spaced_id_reads_back() {
        let err = Removed::parse(REMOVED_FILE, b"id,file\nab,log\n").unwrap_err();
        assert_eq!(
            err.message,
            "removed.csv line 2: column file: \"log\" is not a file ids are removed from"
        );
        let removed = Removed::parse(REMOVED_FILE, b"id,file\n\" ab\",log.csv\n").unwrap();
        assert!(removed.contains(b" ab"));
    }
}
