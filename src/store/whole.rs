//! Changing a small data file read whole (`rituals.csv`, `pauses.csv`):
//! under the lock, through [`Document`], rewritten atomically in its own
//! shape.

use std::path::Path;

use super::fsx::{self, Lock};
use super::read_if_exists;
use super::schema::{Document, Record};
use crate::error::Result;
use crate::printer::{Warned, Warning};

/// `DIR/name` read whole and checked by `check` (each record with its
/// line), or `None` when it does not exist.
pub(crate) fn read<R: Record + Clone>(
    dir: &Path,
    name: &str,
    check: impl FnMut(&R, u64) -> Result<()>,
) -> Result<Option<Document<R>>> {
    read_if_exists(&dir.join(name))?
        .map(|bytes| Document::parse(name, &bytes, check))
        .transpose()
}

/// Reads `DIR/name` under the lock (holding `fresh` records when it does
/// not exist), lets `change` change it, and writes it back atomically if
/// it changed (or did not exist). Nothing is written when the file does
/// not parse or `change` fails. Callers check what the user typed before,
/// so that a refusal creates no directory.
pub(crate) fn update<R, T>(
    dir: &Path,
    name: &str,
    check: impl FnMut(&R, u64) -> Result<()>,
    fresh: impl FnOnce() -> Vec<R>,
    change: impl FnOnce(&mut Document<R>) -> Result<T>,
) -> Result<Warned<T>>
where
    R: Record + Clone + PartialEq,
{
    let warnings: Vec<Warning> = fsx::ensure_dir(dir)?.into_iter().collect();
    let _lock = Lock::acquire(dir)?;
    let existing = read(dir, name, check)?;
    let existed = existing.is_some();
    let mut doc = if let Some(doc) = existing {
        doc
    } else {
        let mut doc = Document::parse(name, b"", |_: &R, _| Ok(()))?;
        doc.rows
            .extend(fresh().into_iter().map(super::schema::Stored::new));
        doc
    };
    let before: Vec<R> = doc.rows.iter().map(|s| s.record.clone()).collect();
    let value = change(&mut doc)?;
    let changed =
        doc.rows.len() != before.len() || doc.rows.iter().zip(&before).any(|(s, b)| s.record != *b);
    if changed || !existed {
        fsx::replace(&dir.join(name), |out| doc.write(out, name))?;
    }
    Ok(Warned::new(value, warnings))
}
