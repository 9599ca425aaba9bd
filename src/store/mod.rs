//! Every file couple reads or writes: where it lives, how it is parsed, and
//! how it is changed safely. Commands ask this module for typed records and
//! hand it typed records; nothing else opens a path.

mod fsx;
pub(crate) mod goals;
pub(crate) mod log;
pub(crate) mod prompts;
mod table;

use std::fs;
use std::io;
use std::path::Path;

use crate::error::{Error, Result};

pub(crate) const PROMPTS_FILE: &str = "prompts.csv";

/// The whole of a file, or `None` when it does not exist (a directory not
/// created yet reads as empty, never as an error).
pub(crate) fn read_if_exists(path: &Path) -> Result<Option<Vec<u8>>> {
    match fs::read(path) {
        Ok(bytes) => Ok(Some(bytes)),
        Err(err) if err.kind() == io::ErrorKind::NotFound => Ok(None),
        Err(err) => Err(Error::io("cannot read", path, &err)),
    }
}

/// The user's own prompts, `DIR/prompts.csv`, as (display name, bytes).
pub(crate) fn user_deck(dir: &Path) -> Result<Option<(String, Vec<u8>)>> {
    let path = dir.join(PROMPTS_FILE);
    Ok(read_if_exists(&path)?.map(|bytes| (PROMPTS_FILE.to_string(), bytes)))
}

/// A deck file named on the command line, as (display name, bytes).
pub(crate) fn deck_file(path: &Path) -> Result<(String, Vec<u8>)> {
    let bytes = fs::read(path).map_err(|err| {
        let e = Error::io("cannot read deck", path, &err);
        if err.kind() == io::ErrorKind::NotFound {
            Error::usage(e.message)
        } else {
            e
        }
    })?;
    Ok((path.display().to_string(), bytes))
}
