//! The copies sync tools leave when both machines changed a file at once.
//!
//! Syncthing names them `log.sync-conflict-20261125-101010-ABCDEF7.csv`,
//! Dropbox `log (Sam's conflicted copy 2026-11-25).csv`; of an encrypted
//! `log.csv.age` they make `log.csv.sync-conflict-….age` and `log.csv
//! (Sam's conflicted copy 2026-11-25).age` (the marker goes before the
//! last extension), and couple's own encrypted copies are
//! `log.sync-conflict-….csv.age`. With encryption on, a plain `log.csv`
//! beside `log.csv.age` (written by a machine that had not yet seen
//! `crypt on`, brought back by the sync tool) is one more copy. Readers
//! take them in beside the main file, counting each entry once by id; the
//! next write folds what they add into the main file, under the lock, and
//! moves them into `DIR/.merged/`, where they stay until the users delete
//! them.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use super::{crypt, fsx};
use crate::error::{Error, Result};
use crate::printer::Warning;

/// Where folded copies are kept.
pub(crate) const MERGED_DIR: &str = ".merged";

/// The files whose copies are read and folded: the others' plain twins are
/// set aside whole (see `crypt::reseal_stale`).
pub(crate) const FOLDED: [&str; 5] = [
    super::log::LOG_FILE,
    super::goals::GOALS_FILE,
    super::removed::REMOVED_FILE,
    super::rituals::RITUALS_FILE,
    super::rituals::PAUSES_FILE,
];

/// The conflict copies of `file` (like `log.csv`) in `dir`: by name, and a
/// plain `file` beside `file.age` (its [`plain_twin`]) first.
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
    if let Some(twin) = plain_twin(dir, file) {
        found.insert(0, twin);
    }
    Ok(found)
}

/// `DIR/file` when it is there beside `DIR/file.age`: a plain version
/// from a machine not yet on `crypt on`, read and folded as a copy. Only
/// for the [`FOLDED`] files.
pub(crate) fn plain_twin(dir: &Path, file: &str) -> Option<PathBuf> {
    let plain = dir.join(file);
    (FOLDED.contains(&file)
        && fs::symlink_metadata(&plain).is_ok()
        && crypt::sealed_path(&plain).exists())
    .then_some(plain)
}

/// Whether `path` is a plain twin (see [`plain_twin`]).
fn is_twin(path: &Path) -> bool {
    let name = display_file_name(path);
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    plain_twin(dir, &name).is_some()
}

/// A copy's content to read: this file and no other (a plain twin's
/// `.age` sibling is the main file), decrypted in memory when it is an age
/// file; `None` when another writer just moved it aside.
pub(crate) fn open(copy: &Path) -> Result<Option<crypt::Source>> {
    crypt::open_file(copy)
}

/// The whole of a copy (see [`open`]).
pub(crate) fn read(copy: &Path) -> Result<Option<Vec<u8>>> {
    crypt::read_file(copy)
}

/// Whether `name` is a sync tool's conflict copy of `file`, in any of the
/// forms listed at the top.
pub(crate) fn is_copy_of(name: &str, file: &str) -> bool {
    marker(name, file).is_some()
}

/// What a copy's name adds to `file`'s (`.sync-conflict-…` or ` (…
/// conflicted copy …)`), and whether the name says it is encrypted.
fn marker<'n>(name: &'n str, file: &str) -> Option<(&'n str, bool)> {
    let is_marker = |middle: &str| {
        middle.starts_with(".sync-conflict-")
            || (middle.starts_with(" (")
                && middle.contains("conflicted copy")
                && middle.ends_with(')'))
    };
    // Of `log.csv.age`: `log.csv<marker>.age`.
    if let Some(middle) = name
        .strip_prefix(file)
        .and_then(|rest| rest.strip_suffix(crypt::SUFFIX))
        .filter(|m| is_marker(m))
    {
        return Some((middle, true));
    }
    // Of `log.csv`: `log<marker>.csv`, and couple's `log<marker>.csv.age`.
    let (plain, sealed) = match name.strip_suffix(crypt::SUFFIX) {
        Some(plain) => (plain, true),
        None => (name, false),
    };
    let (stem, ext) = file.rsplit_once('.').unwrap_or((file, ""));
    let middle = plain
        .strip_prefix(stem)?
        .strip_suffix(ext)?
        .strip_suffix('.')?;
    is_marker(middle).then_some((middle, sealed))
}

/// The plain name of the copy `name` of `file` (`log<marker>.csv`), for
/// `crypt off`; `None` when it is not one.
pub(crate) fn plain_name(name: &str, file: &str) -> Option<String> {
    let (middle, _) = marker(name, file)?;
    let (stem, ext) = file.rsplit_once('.').unwrap_or((file, ""));
    Some(format!("{stem}{middle}.{ext}"))
}

/// Checks, before anything is written, that `DIR/.merged` can take the
/// copies a write folds in: a folder, or nothing yet (made when needed).
/// Found only once the rows were folded, a file or a link to nowhere there
/// failed the write half-way.
pub(crate) fn check_merged_dir(dir: &Path) -> Result<()> {
    let merged = dir.join(MERGED_DIR);
    match fs::metadata(&merged) {
        Ok(meta) if meta.is_dir() => Ok(()),
        Ok(_) => Err(Error::runtime(format!(
            "{} is not a folder: couple moves the sync-conflict copies it folded in there",
            merged.display()
        ))
        .with_hint(format!(
            "move {} out of the way; couple makes the folder again",
            crate::error::shell_quoted(&merged)
        ))),
        Err(err) if err.kind() == io::ErrorKind::NotFound => fsx::absent(&merged),
        Err(err) => Err(Error::io("cannot open", &merged, &err)),
    }
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
            match fsx::read(copy) {
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

/// The name errors give a copy: its file name; a plain twin says so
/// (`log.csv (plain, beside log.csv.age)`).
pub(crate) fn display_name(path: &Path) -> String {
    let name = display_file_name(path);
    if is_twin(path) {
        format!("{name} (plain, beside {name}{})", crypt::SUFFIX)
    } else {
        name
    }
}

fn display_file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::{is_copy_of, plain_name};

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

    #[test]
    fn the_names_sync_tools_give_copies_of_age_files_are_recognised() {
        // Syncthing and Dropbox put their marker before the last extension.
        for name in [
            "log.csv.sync-conflict-20261125-211530-7QXK2LD.age",
            "log.csv (Sam's conflicted copy 2026-11-25).age",
            "log (Sam's conflicted copy 2026-11-25).csv.age",
        ] {
            assert!(is_copy_of(name, "log.csv"), "{name}");
            assert!(!is_copy_of(name, "goals.csv"), "{name}");
        }
        assert!(is_copy_of(
            "goals.csv.sync-conflict-20261125-211530-7QXK2LD.age",
            "goals.csv"
        ));
        assert!(!is_copy_of("log.csv.age.sync-conflict-1", "log.csv"));
        assert!(!is_copy_of("log.csv (old).age", "log.csv"));
        assert!(!is_copy_of("log.csv.sync-conflict-1.age.tmp", "log.csv"));
        assert_eq!(
            plain_name(
                "log.csv.sync-conflict-20261125-211530-7QXK2LD.age",
                "log.csv"
            )
            .as_deref(),
            Some("log.sync-conflict-20261125-211530-7QXK2LD.csv")
        );
        assert_eq!(
            plain_name("log.csv (Sam's conflicted copy 2026-11-25).age", "log.csv").as_deref(),
            Some("log (Sam's conflicted copy 2026-11-25).csv")
        );
        assert_eq!(
            plain_name("log.sync-conflict-1.csv.age", "log.csv").as_deref(),
            Some("log.sync-conflict-1.csv")
        );
        assert_eq!(plain_name("log.csv", "log.csv"), None);
    }
}
