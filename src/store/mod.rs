//! Every file couple reads or writes: where it lives, how it is parsed, and
//! how it is changed safely. Commands ask this module for typed records and
//! hand it typed records; nothing else opens a path.

mod conflicts;
pub(crate) mod crypt;
mod fsx;
pub(crate) mod git_merge;
pub(crate) mod goals;
pub(crate) mod ideas;
pub(crate) mod log;
pub(crate) mod prompts;
pub(crate) mod quiet;
pub(crate) mod removed;
pub(crate) mod rituals;
mod rows;
pub(crate) mod said;
pub(crate) mod schema;
pub(crate) mod sealing;
pub(crate) mod settings;
mod table;
pub(crate) mod told;
mod whole;

use std::fs::{self, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

/// A record for a small file's rewrite (`rituals::update`): not in the
/// file yet.
pub(crate) fn whole_stored<R>(record: R) -> schema::Stored<R> {
    schema::Stored::new(record)
}

/// The whole of a file, or `None` when it does not exist (a directory not
/// created yet reads as empty, never as an error); decrypted in memory when
/// it is kept encrypted (`NAME.age`, see [`crypt`]).
pub(crate) fn read_if_exists(path: &Path) -> Result<Option<Vec<u8>>> {
    crypt::read_if_exists(path)
}

/// couple's own files in the data directory: what an export never
/// overwrites, and whose crash leftovers the next write cleans up.
pub(crate) const DATA_FILES: [&str; 8] = [
    log::LOG_FILE,
    goals::GOALS_FILE,
    prompts::PROMPTS_FILE,
    rituals::RITUALS_FILE,
    rituals::PAUSES_FILE,
    removed::REMOVED_FILE,
    settings::SETTINGS_FILE,
    ideas::IDEAS_FILE,
];

/// Writes a file the user named (`export -o FILE`) whole or not at all, as
/// couple writes its own: a private (0600) temporary file beside it, synced,
/// renamed over it. Refuses to overwrite couple's own files in `data_dir`,
/// however the path reaches them, and to write through a symbolic link
/// someone else owns.
pub(crate) fn write_output(
    path: &Path,
    data_dir: &Path,
    write_all: impl FnOnce(&mut dyn Write) -> Result<()>,
) -> Result<()> {
    if let Some(name) = own_file(path, data_dir) {
        return Err(Error::usage(format!(
            "{} is couple's own {name}: refusing to overwrite it",
            path.display()
        ))
        .with_hint("write the export somewhere else"));
    }
    if let Some(what) = config_file(path) {
        return Err(Error::usage(format!(
            "{} is {what}: refusing to overwrite it",
            path.display()
        ))
        .with_hint("write the export somewhere else"));
    }
    refuse_foreign_link(path)?;
    match fs::metadata(path) {
        Ok(meta) if meta.is_dir() => {
            return Err(Error::usage(format!("{} is a directory", path.display()))
                .with_hint("name a file to write in it, like -o DIR/FILE"));
        }
        // A device, a pipe or a socket (`-o /dev/stdout`, a FIFO) is written
        // to as it is: renaming a file over it would replace it.
        Ok(meta) if !meta.is_file() => {
            let file = OpenOptions::new()
                .write(true)
                .open(path)
                .map_err(|e| Error::io("cannot write", path, &e))?;
            let mut out = io::BufWriter::new(file);
            write_all(&mut out)?;
            return out.flush().map_err(|e| Error::io("cannot write", path, &e));
        }
        _ => {}
    }
    let parent = path.parent().filter(|p| !p.as_os_str().is_empty());
    if let Some(parent) = parent.filter(|p| !p.is_dir()) {
        return Err(Error::runtime(format!(
            "cannot write {}: there is no directory {}",
            path.display(),
            parent.display()
        )));
    }
    fsx::replace_plain(path, write_all)
}

/// Which of couple's own files `path` would overwrite, if any: followed
/// through symbolic links (even dangling ones), its directory compared with
/// the data directory as the same directory on disk (not as spelled), its
/// name compared ignoring case (as a case-insensitive file system does),
/// and an existing file compared with each data file as the same file (a
/// hard link).
fn own_file(path: &Path, data_dir: &Path) -> Option<String> {
    let target = follow_links(path);
    let name = target.file_name()?.to_string_lossy().into_owned();
    let parent = target
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let owns = |own: &str| {
        let plain = name
            .to_lowercase()
            .strip_suffix(crypt::SUFFIX)
            .map_or_else(|| name.to_lowercase(), str::to_string);
        plain.eq_ignore_ascii_case(own)
            || conflicts::is_copy_of(&plain, own)
            || conflicts::is_copy_of(&name.to_lowercase(), own)
    };
    if same_entry(parent, data_dir) {
        if let Some(own) = DATA_FILES.into_iter().find(|own| owns(own)) {
            return Some(own.to_string());
        }
        if let Some(own) = [fsx::LOCK_FILE, crypt::RECIPIENTS_FILE]
            .into_iter()
            .find(|own| name.eq_ignore_ascii_case(own))
        {
            return Some(own.to_string());
        }
    }
    DATA_FILES
        .into_iter()
        .find(|own| same_entry(&target, &data_dir.join(own)))
        .map(str::to_string)
}

/// What of couple's on this machine `path` would overwrite: the identity
/// (the encryption key; also through a link or a hard link), or anything
/// else in couple's config directory.
fn config_file(path: &Path) -> Option<String> {
    let config = crypt::config_dir()?;
    let identity = config.join(crypt::IDENTITY_FILE);
    let target = fsx::resolved(&follow_links(path));
    if target == fsx::resolved(&identity) || same_entry(path, &identity) {
        return Some("this machine's encryption key".to_string());
    }
    let config = fsx::resolved(&config);
    target
        .starts_with(&config)
        .then(|| format!("in couple's config directory {}", config.display()))
}

/// Where a chain of symbolic links ends, whether or not that exists.
fn follow_links(path: &Path) -> PathBuf {
    let mut path = path.to_path_buf();
    // As the kernel does, give up after 40 links (a loop).
    for _ in 0..40 {
        let Ok(next) = fs::read_link(&path) else {
            break;
        };
        path = match path.parent() {
            Some(parent) if next.is_relative() => parent.join(next),
            _ => next,
        };
    }
    path
}

/// Whether two paths name the same existing file or directory on disk.
fn same_entry(a: &Path, b: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        match (fs::metadata(a), fs::metadata(b)) {
            (Ok(a), Ok(b)) => (a.dev(), a.ino()) == (b.dev(), b.ino()),
            _ => false,
        }
    }
    #[cfg(not(unix))]
    {
        matches!((fs::canonicalize(a), fs::canonicalize(b)), (Ok(a), Ok(b)) if a == b)
    }
}

/// Refuses a symbolic link someone else owns: in a shared directory like
/// `/tmp`, another user may have planted it to have the export written over
/// a file of yours.
#[cfg(unix)]
fn refuse_foreign_link(path: &Path) -> Result<()> {
    use std::os::unix::fs::MetadataExt;
    match fs::symlink_metadata(path) {
        Ok(meta)
            if meta.file_type().is_symlink()
                && meta.uid() != rustix::process::geteuid().as_raw() =>
        {
            Err(Error::usage(format!(
                "{} is a symbolic link owned by someone else: refusing to write through it",
                path.display()
            ))
            .with_hint("name another file; in a shared directory like /tmp, a link you did not make may lead to a file of yours"))
        }
        _ => Ok(()),
    }
}

#[cfg(not(unix))]
fn refuse_foreign_link(_: &Path) -> Result<()> {
    Ok(())
}
