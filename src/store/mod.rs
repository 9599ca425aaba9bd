//! Every file couple reads or writes: where it lives, how it is parsed, and
//! how it is changed safely. Commands ask this module for typed records and
//! hand it typed records; nothing else opens a path.

mod conflicts;
mod fsx;
pub(crate) mod goals;
pub(crate) mod log;
pub(crate) mod prompts;
pub(crate) mod rituals;
pub(crate) mod said;
pub(crate) mod schema;
mod table;
mod whole;

use std::fs::{self, OpenOptions};
use std::io::{self, Write};
use std::path::Path;

use crate::error::{Error, Result};

/// A record for a small file's rewrite (`rituals::update`): not in the
/// file yet.
pub(crate) fn whole_stored<R>(record: R) -> whole::Stored<R> {
    whole::Stored::new(record)
}

/// The whole of a file, or `None` when it does not exist (a directory not
/// created yet reads as empty, never as an error).
pub(crate) fn read_if_exists(path: &Path) -> Result<Option<Vec<u8>>> {
    match fs::read(path) {
        Ok(bytes) => Ok(Some(bytes)),
        Err(err) if err.kind() == io::ErrorKind::NotFound => Ok(None),
        Err(err) => Err(Error::io("cannot read", path, &err)),
    }
}

/// Writes a file the user named (`export -o FILE`) whole or not at all, as
/// couple writes its own: a private (0600) temporary file beside it, synced,
/// renamed over it. Refuses to overwrite couple's own files in `data_dir`.
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
    match fs::metadata(path) {
        Ok(meta) if meta.is_dir() => {
            return Err(Error::usage(format!("{} is a directory", path.display()))
                .with_hint("name a file to write, like -o log.csv"));
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
    fsx::replace(path, write_all)
}

/// The name of the data file `path` is, if it is one of couple's own.
fn own_file(path: &Path, data_dir: &Path) -> Option<&'static str> {
    let name = path.file_name()?;
    let parent = path.parent().filter(|p| !p.as_os_str().is_empty());
    let parent = fs::canonicalize(parent.unwrap_or(Path::new("."))).ok()?;
    if parent != fs::canonicalize(data_dir).ok()? {
        return None;
    }
    [
        log::LOG_FILE,
        goals::GOALS_FILE,
        prompts::PROMPTS_FILE,
        rituals::RITUALS_FILE,
        rituals::PAUSES_FILE,
        fsx::LOCK_FILE,
    ]
    .into_iter()
    .find(|own| name == *own)
}
