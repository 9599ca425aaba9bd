//! The copies sync tools leave when both machines changed a file at once.
//!
//! Syncthing names them `log.sync-conflict-20261125-101010-ABCDEF7.csv`,
//! Dropbox `log (Sam's conflicted copy 2026-11-25).csv`. Readers take them
//! in beside the main file, counting each entry once by id; the next write
//! folds what they add into the main file, under the lock, and moves them
//! into `DIR/.merged/`, where they stay until the users delete them.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use super::{crypt, fsx};
use crate::error::{Error, Result};
use crate::printer::Warning;

/// Where folded copies are kept.
pub(crate) const MERGED_DIR: &str = ".merged";

/// The conflict copies of `file` (like `log.csv`) in `dir`, by name.
pub(crate) fn copies(dir: &Path, file: &str) -> Result<Vec<PathBuf>> {
    let entries = match fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(err) if err.kind() == io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(err) => return Err(Error::io("cannot list", dir, &err)),
    };
    let mut found: Vec<PathBuf> = entries
        .flatten()
        .filter(|e| is_copy_of(&e.file_name().to_string_lossy(), file))
        .map(|e| e.path())
        .collect();
    found.sort();
    Ok(found)
}

/// Whether `name` is a sync tool's conflict copy of `file`.
/// An encrypted copy (`log.sync-conflict-….csv.age`) counts too.
pub(crate) fn is_copy_of(name: &str, file: &str) -> bool {
    let name = name.strip_suffix(super::crypt::SUFFIX).unwrap_or(name);
    let (stem, ext) = file.rsplit_once('.').unwrap_or((file, ""));
    let Some(rest) = name.strip_prefix(stem) else {
        return false;
    };
    let Some(middle) = rest.strip_suffix(&format!(".{ext}")) else {
        return false;
    };
    middle.starts_with(".sync-conflict-")
        || (middle.starts_with(" (") && middle.contains("conflicted copy") && middle.ends_with(')'))
}

/// Moves folded copies into `DIR/.merged/`, never over an earlier one;
/// gives a warning when that directory can be read by others. In an
/// encrypted data directory a plain copy (from a machine that had not yet
/// seen `crypt on`) goes in encrypted, as `NAME.age`: nothing under
/// `.merged/` is plain then.
pub(crate) fn set_aside(dir: &Path, copies: &[PathBuf]) -> Result<Option<Warning>> {
    if copies.is_empty() {
        return Ok(None);
    }
    let merged = dir.join(MERGED_DIR);
    let warning = fsx::ensure_dir(&merged)?;
    let sealing = crypt::is_on(dir);
    for copy in copies {
        let mut name = copy
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let plain = if sealing && !name.ends_with(crypt::SUFFIX) {
            match fs::read(copy) {
                Ok(bytes) if !crypt::is_age(&bytes) => Some(bytes),
                Ok(_) => None,
                // Another writer moved it aside already.
                Err(err) if err.kind() == io::ErrorKind::NotFound => continue,
                Err(err) => return Err(Error::io("cannot read", copy, &err)),
            }
        } else {
            None
        };
        if plain.is_some() {
            name.push_str(crypt::SUFFIX);
        }
        let mut target = merged.join(&name);
        let mut n = 1;
        while target.exists() {
            n += 1;
            target = merged.join(format!("{name}.{n}"));
        }
        if let Some(mut bytes) = plain {
            let ciphertext = crypt::Recipients::read(dir)?.encrypt(&bytes);
            bytes.fill(0);
            let ciphertext = ciphertext?;
            fsx::replace_plain(&target, |out| {
                out.write_all(&ciphertext)
                    .map_err(|e| Error::io("cannot write", &target, &e))
            })?;
            fs::remove_file(copy).map_err(|e| Error::io("cannot remove", copy, &e))?;
        } else {
            fs::rename(copy, &target).map_err(|e| Error::io("cannot move aside", copy, &e))?;
        }
    }
    fsx::sync_dir(dir)?;
    Ok(warning)
}

/// The name errors give a copy: its file name.
pub(crate) fn display_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::is_copy_of;

    #[test]
    fn both_namings_are_recognised_and_nothing_else() {
        assert!(is_copy_of(
            "log.sync-conflict-20261125-101010-ABCDEF7.csv",
            "log.csv"
        ));
        assert!(is_copy_of(
            "log (Sam's conflicted copy 2026-11-25).csv",
            "log.csv"
        ));
        assert!(is_copy_of(
            "goals.sync-conflict-20261125-101010-X.csv",
            "goals.csv"
        ));
        assert!(!is_copy_of("log.csv", "log.csv"));
        assert!(!is_copy_of("goals.sync-conflict-1.csv", "log.csv"));
        assert!(!is_copy_of(".couple-tmp-log.csv-123", "log.csv"));
        assert!(!is_copy_of("log (old).csv", "log.csv"));
        assert!(is_copy_of(
            "log.sync-conflict-20261125-101010-ABCDEF7.csv.age",
            "log.csv"
        ));
        assert!(!is_copy_of("log.csv.age", "log.csv"));
        assert!(!is_copy_of("log.sync-conflict-1.csv.tmp", "log.csv"));
    }
}
