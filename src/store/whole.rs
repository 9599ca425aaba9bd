//! Changing a small data file read whole (`rituals.csv`, `pauses.csv`):
//! under the lock, through [`Document`], rewritten atomically in its own
//! shape. Its sync-conflict copies are read with it, each record once (by
//! its key; the file's own version first), and the next write folds what
//! they add in and moves them into `DIR/.merged/` (see `conflicts`).

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use super::conflicts;
use super::fsx::{self, Lock};
use super::read_if_exists;
use super::schema::{Document, Record, Stored};
use crate::error::Result;
use crate::printer::{Warned, Warning};

/// What a file's rows are told apart by, and how each file's rows are
/// checked (each record with its line; the file's name for errors).
pub(crate) struct Rules<K, C> {
    pub(crate) key: K,
    pub(crate) check: C,
}

/// A file read with its copies.
struct Merged<R> {
    /// `None` when neither the file nor a copy exists.
    doc: Option<Document<R>>,
    existed: bool,
    copies: Vec<PathBuf>,
    /// Whether a copy added a record the file lacks.
    added: bool,
    /// The keys whose record a copy holds otherwise than the file (the
    /// file's is kept), with the copy's name.
    differing: Vec<(String, String)>,
}

fn read_merged<R, K, C, F>(dir: &Path, name: &str, rules: &Rules<K, C>) -> Result<Merged<R>>
where
    R: Record + Clone + PartialEq,
    K: Fn(&R) -> String,
    C: Fn(&str) -> F,
    F: FnMut(&R, u64) -> Result<()>,
{
    let mut doc = read_if_exists(&dir.join(name))?
        .map(|bytes| Document::parse(name, &bytes, (rules.check)(name)))
        .transpose()?;
    let existed = doc.is_some();
    let copies = conflicts::copies(dir, name)?;
    let mut added = false;
    let mut differing = Vec::new();
    for copy in &copies {
        // A copy another writer just moved aside: its rows are in the file.
        let Some(bytes) = conflicts::read(copy)? else {
            continue;
        };
        let shown = conflicts::display_name(copy);
        let theirs = Document::parse(&shown, &bytes, (rules.check)(&shown))?;
        let Some(ours) = &mut doc else {
            added = true;
            doc = Some(theirs);
            continue;
        };
        let mut keys: HashSet<String> = ours.rows.iter().map(|s| (rules.key)(&s.record)).collect();
        for stored in theirs.rows {
            let key = (rules.key)(&stored.record);
            if keys.insert(key.clone()) {
                let row = cells_under(&ours.header, &theirs.header, &stored.row);
                ours.rows.push(Stored {
                    record: stored.record,
                    row,
                });
                added = true;
            } else if ours
                .rows
                .iter()
                .find(|s| (rules.key)(&s.record) == key)
                .is_some_and(|s| s.record != stored.record)
            {
                differing.push((key, shown.clone()));
            }
        }
    }
    Ok(Merged {
        doc,
        existed,
        copies,
        added,
        differing,
    })
}

/// A copy's row rearranged under the file's header, by column name (the
/// users' own columns keep their values where the file has them too).
fn cells_under(header: &[Vec<u8>], theirs: &[Vec<u8>], row: &[Vec<u8>]) -> Vec<Vec<u8>> {
    let name = |raw: &[u8]| {
        String::from_utf8_lossy(raw)
            .trim_start_matches('\u{feff}')
            .trim()
            .to_lowercase()
    };
    header
        .iter()
        .map(|wanted| {
            let wanted = name(wanted);
            theirs
                .iter()
                .position(|have| name(have) == wanted)
                .and_then(|at| row.get(at).cloned())
                .unwrap_or_default()
        })
        .collect()
}

/// `DIR/name` read whole with its sync-conflict copies, or `None` when
/// neither exists.
pub(crate) fn read<R, K, C, F>(
    dir: &Path,
    name: &str,
    rules: &Rules<K, C>,
) -> Result<Option<Document<R>>>
where
    R: Record + Clone + PartialEq,
    K: Fn(&R) -> String,
    C: Fn(&str) -> F,
    F: FnMut(&R, u64) -> Result<()>,
{
    Ok(read_merged(dir, name, rules)?.doc)
}

/// Reads `DIR/name` and its copies under the lock (holding `fresh`
/// records when neither exists), lets `change` change it, and writes it
/// back atomically if it changed, a copy added to it, or it did not exist;
/// then moves the copies aside. Nothing is written when a file does not
/// parse or `change` fails. Callers check what the user typed before, so
/// that a refusal creates no directory.
pub(crate) fn update<R, T, K, C, F>(
    dir: &Path,
    name: &str,
    rules: &Rules<K, C>,
    fresh: impl FnOnce() -> Vec<R>,
    change: impl FnOnce(&mut Document<R>) -> Result<T>,
) -> Result<Warned<T>>
where
    R: Record + Clone + PartialEq,
    K: Fn(&R) -> String,
    C: Fn(&str) -> F,
    F: FnMut(&R, u64) -> Result<()>,
{
    let mut warnings: Vec<Warning> = fsx::ensure_dir(dir)?.into_iter().collect();
    let _lock = Lock::acquire(dir)?;
    let merged = read_merged(dir, name, rules)?;
    let mut doc = if let Some(doc) = merged.doc {
        doc
    } else {
        let mut doc = Document::parse(name, b"", |_: &R, _| Ok(()))?;
        doc.rows.extend(fresh().into_iter().map(Stored::new));
        doc
    };
    let before: Vec<R> = doc.rows.iter().map(|s| s.record.clone()).collect();
    let value = change(&mut doc)?;
    let changed =
        doc.rows.len() != before.len() || doc.rows.iter().zip(&before).any(|(s, b)| s.record != *b);
    if changed || merged.added || !merged.existed {
        fsx::replace(&dir.join(name), |out| doc.write(out, name))?;
    }
    // Only now is everything the copies held in the file.
    warnings.extend(set_aside(dir, name, merged.copies, merged.differing)?);
    Ok(Warned::new(value, warnings))
}

/// Folds the copies of `DIR/name` into it and moves them aside, as
/// [`update`] does before a change (for `crypt on` and `off`); nothing is
/// written when there are none. Call with the lock held.
pub(crate) fn fold_copies<R, K, C, F>(
    dir: &Path,
    name: &str,
    rules: &Rules<K, C>,
) -> Result<Vec<Warning>>
where
    R: Record + Clone + PartialEq,
    K: Fn(&R) -> String,
    C: Fn(&str) -> F,
    F: FnMut(&R, u64) -> Result<()>,
{
    let merged = read_merged(dir, name, rules)?;
    if merged.copies.is_empty() {
        return Ok(Vec::new());
    }
    if let Some(doc) = merged.doc.as_ref().filter(|_| merged.added) {
        fsx::replace(&dir.join(name), |out| doc.write(out, name))?;
    }
    set_aside(dir, name, merged.copies, merged.differing)
}

/// Moves the folded `copies` aside, with a warning for each record a copy
/// held otherwise than the file.
fn set_aside(
    dir: &Path,
    name: &str,
    copies: Vec<PathBuf>,
    differing: Vec<(String, String)>,
) -> Result<Vec<Warning>> {
    let mut warnings: Vec<Warning> = conflicts::set_aside(dir, &copies)?.into_iter().collect();
    for (key, copy) in differing {
        warnings.push(
            Warning::new(format!(
                "{copy} had {key} otherwise than {name}: {name}'s is kept"
            ))
            .with_hint(format!(
                "the copy is kept in {}/: set {key} again if its version was the right one",
                conflicts::MERGED_DIR
            )),
        );
    }
    Ok(warnings)
}
