//! Reading a data file where a passphrase must never be asked and
//! encryption must never make a command fail: `couple prompt`, which runs
//! in every new shell. (Every other read goes through [`super::crypt`]:
//! a key behind a passphrase is asked for on a terminal, and a file no key
//! opens is an error that says what to do.)
//!
//! An encrypted file is opened here only with a key that needs nothing
//! asked, and it is not decrypted whole: age encrypts in 64 KiB chunks,
//! each authenticated, so a read decrypts the chunks it reads (and, for the
//! length, the last one, which proves the file was not cut short). Looking
//! at the end of a log then costs the same for any size.

use std::io::{self, BufReader, Read, Seek};
use std::path::Path;
use std::sync::OnceLock;

use age::x25519;

use super::crypt::{
    identity_path, is_age, is_protected, parse_identities, refuse_shared, sealed_path,
};
use super::fsx;
use crate::error::{Error, Result};

/// Content that is read where it stands.
pub(crate) trait ReadSeek: Read + Seek {}

impl<T: Read + Seek> ReadSeek for T {}

/// A file as [`open`] finds it.
pub(crate) enum Quiet {
    /// Its content, read in place; `sealed` when it is decrypted as it is
    /// read (a read error is then a damaged file, not a failing disk).
    Readable {
        content: Box<dyn ReadSeek>,
        sealed: bool,
    },
    /// Encrypted, and no key here opens it without asking: there is none,
    /// it is behind a passphrase or readable by others, or the file's
    /// header is damaged. The commands that read it whole say which.
    Locked,
}

/// `path`'s content as [`super::crypt::open`] finds it (its `.age` sibling
/// when there is one, else the file, an age file or not), opened without
/// asking anything. `None`: there is no such file. An error only for a
/// file that cannot be read at all (no permission, say), as every read.
pub(crate) fn open(path: &Path) -> Result<Option<Quiet>> {
    let sealed = sealed_path(path);
    let (file, at) = match fsx::open_to_read(&sealed) {
        Ok(file) => (file, sealed.as_path()),
        Err(err) if err.kind() == io::ErrorKind::NotFound => match fsx::open_to_read(path) {
            Ok(file) => (fsx::absent(&sealed).map(|()| file)?, path),
            Err(err) if err.kind() == io::ErrorKind::NotFound => {
                fsx::absent(&sealed)?;
                fsx::absent(path)?;
                return Ok(None);
            }
            Err(err) => return Err(Error::io("cannot read", path, &err)),
        },
        Err(err) => return Err(Error::io("cannot read", &sealed, &err)),
    };
    let mut file = file;
    let mut head = [0u8; 32];
    let mut filled = 0;
    while filled < head.len() {
        match file.read(&mut head[filled..]) {
            Ok(0) => break,
            Ok(read) => filled += read,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(Error::io("cannot read", at, &e)),
        }
    }
    file.seek(io::SeekFrom::Start(0))
        .map_err(|e| Error::io("cannot read", at, &e))?;
    if !is_age(&head[..filled]) {
        return Ok(Some(Quiet::Readable {
            content: Box::new(file),
            sealed: false,
        }));
    }
    let input = BufReader::new(file);
    let Some(identities) = identities() else {
        return Ok(Some(Quiet::Locked));
    };
    let reader = age::Decryptor::new_buffered(input).ok().and_then(|d| {
        d.decrypt(identities.iter().map(|i| i as &dyn age::Identity))
            .ok()
    });
    Ok(Some(match reader {
        Some(reader) => Quiet::Readable {
            content: Box::new(reader),
            sealed: true,
        },
        None => Quiet::Locked,
    }))
}

/// Whether this machine's key is behind a passphrase (an age file, binary
/// or armored, as `age -p` makes one): then nothing encrypted can be read
/// without asking.
pub(crate) fn key_needs_passphrase() -> bool {
    identity_path()
        .and_then(|path| fsx::read(path).ok())
        .is_some_and(|bytes| is_protected(&bytes))
}

/// This machine's identities when they can be had without asking: `None`
/// when there is no key, or one behind a passphrase or readable by others.
fn identities() -> Option<&'static [x25519::Identity]> {
    static LOADED: OnceLock<Option<Vec<x25519::Identity>>> = OnceLock::new();
    LOADED
        .get_or_init(|| {
            let path = identity_path()?;
            let bytes = fsx::read(&path).ok()?;
            if is_protected(&bytes) || refuse_shared(&path).is_err() {
                return None;
            }
            parse_identities(&path, std::str::from_utf8(&bytes).ok()?)
                .ok()
                .filter(|ids| !ids.is_empty())
        })
        .as_deref()
}
