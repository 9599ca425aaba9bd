//! Opening the files couple reads and appends to, safely: a plain file
//! only (never waiting on a FIFO), a link to nowhere named.

use std::fs::{self, File, OpenOptions};
use std::io;
use std::path::Path;

use super::private_options;
use crate::error::{Error, NotRegular, Result};

/// Opens a file of the data directory (or of couple's own) to read. Only
/// a regular file is read: a pipe, a device or a socket where a data file
/// goes would hang `couple prompt` in every new shell and `review --due`
/// in cron (opening a FIFO waits for a writer, reading a device never
/// ends). The open itself never waits (`O_NONBLOCK`, which reads from a
/// regular file do not heed).
pub(crate) fn open_to_read(path: impl AsRef<Path>) -> io::Result<File> {
    let mut options = OpenOptions::new();
    options.read(true);
    let file = without_waiting(&mut options).open(path).map_err(socket)?;
    regular(&file)?;
    Ok(file)
}

/// A socket cannot be opened (ENXIO): said as what it is, not a plain file.
pub(super) fn socket(err: io::Error) -> io::Error {
    #[cfg(unix)]
    if err.raw_os_error() == Some(rustix::io::Errno::NXIO.raw_os_error()) {
        return io::Error::new(io::ErrorKind::InvalidInput, NotRegular);
    }
    err
}

/// Opens `path` to append to, created private when missing, without
/// waiting on a FIFO: a plain file only.
pub(crate) fn open_to_append(path: &Path) -> io::Result<File> {
    let mut options = private_options();
    options.read(true).append(true).create(true);
    let file = without_waiting(&mut options).open(path).map_err(socket)?;
    regular(&file)?;
    Ok(file)
}

/// `options` opening without waiting (`O_NONBLOCK`): a FIFO opens at once
/// (or fails), and a regular file reads and writes as ever.
pub(super) fn without_waiting(options: &mut OpenOptions) -> &mut OpenOptions {
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(rustix::fs::OFlags::NONBLOCK.bits().cast_signed());
    }
    options
}

/// Nothing is at `path`, as a read that found no file is told: an error
/// when a symbolic link is there that points nowhere (into a synced
/// folder not mounted, say), where reading on as if the file were new
/// would show an empty log and nag for what was done.
pub(crate) fn absent(path: &Path) -> Result<()> {
    match fs::symlink_metadata(path) {
        Ok(meta) if meta.file_type().is_symlink() => {
            let to = fs::read_link(path).map_or_else(|_| "?".into(), |to| to.display().to_string());
            Err(Error::runtime(format!(
                "{} is a link to {to}, which is not there",
                path.display()
            ))
            .with_hint("bring back (or mount) what it points to, or remove the link"))
        }
        _ => Ok(()),
    }
}

/// The whole of a file (see [`open_to_read`]).
pub(crate) fn read(path: impl AsRef<Path>) -> io::Result<Vec<u8>> {
    let mut file = open_to_read(path)?;
    let mut bytes = Vec::new();
    io::Read::read_to_end(&mut file, &mut bytes)?;
    Ok(bytes)
}

/// The whole of a text file (see [`open_to_read`]).
pub(crate) fn read_to_string(path: impl AsRef<Path>) -> io::Result<String> {
    let bytes = read(path)?;
    String::from_utf8(bytes).map_err(|_| {
        io::Error::new(
            io::ErrorKind::InvalidData,
            "stream did not contain valid UTF-8",
        )
    })
}

/// An error unless `file` is a regular file.
pub(crate) fn regular(file: &File) -> io::Result<()> {
    if file.metadata()?.is_file() {
        Ok(())
    } else {
        Err(io::Error::new(io::ErrorKind::InvalidInput, NotRegular))
    }
}
