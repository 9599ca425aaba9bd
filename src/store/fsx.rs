//! The file-system moves every writer shares: a private data directory,
//! private files whatever the umask, the lock, and atomic replacement.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::thread;
use std::time::{Duration, Instant};

use crate::error::{Error, NotRegular, Result, shell_quoted};
use crate::printer::Warning;

mod open;

pub(crate) use open::{absent, open_to_append, open_to_read, read, read_to_string, regular};
use open::{socket, without_waiting};

/// The name of the lock file in the data directory.
pub(crate) const LOCK_FILE: &str = ".lock";
/// How long a writer waits for another to finish before giving up.
const LOCK_WAIT: Duration = Duration::from_secs(10);
/// Temporary files start with this, so a crash's leftovers are recognisable.
pub(crate) const TEMP_PREFIX: &str = ".couple-tmp-";

/// Creates the data directory (0700) if needed; gives a warning when an
/// existing one can be read by others.
pub(crate) fn ensure_dir(dir: &Path) -> Result<Option<Warning>> {
    match fs::metadata(dir) {
        Ok(meta) if meta.is_dir() => Ok(shared_warning(dir, &meta)),
        Ok(_) => Err(
            Error::runtime(format!("{} is not a directory", dir.display()))
                .with_hint("point --dir or COUPLE_DIR at a directory"),
        ),
        Err(err) if err.kind() == io::ErrorKind::NotFound => create_private_dir(dir).map(|()| None),
        Err(err) => Err(Error::io("cannot open the data directory", dir, &err)),
    }
}

#[cfg(unix)]
fn create_private_dir(dir: &Path) -> Result<()> {
    use std::os::unix::fs::{DirBuilderExt, PermissionsExt};
    fs::DirBuilder::new()
        .recursive(true)
        .mode(0o700)
        .create(dir)
        .map_err(|e| Error::io("cannot create the data directory", dir, &e))?;
    // The umask may have taken bits away, never added them; set it exactly.
    fs::set_permissions(dir, fs::Permissions::from_mode(0o700))
        .map_err(|e| Error::io("cannot make private", dir, &e))
}

#[cfg(not(unix))]
fn create_private_dir(dir: &Path) -> Result<()> {
    fs::create_dir_all(dir).map_err(|e| Error::io("cannot create the data directory", dir, &e))
}

#[cfg(unix)]
fn shared_warning(dir: &Path, meta: &fs::Metadata) -> Option<Warning> {
    use std::os::unix::fs::PermissionsExt;
    let mode = meta.permissions().mode();
    (mode & 0o077 != 0).then(|| {
        Warning::new(format!(
            "{} can be read by others (mode {:o})",
            dir.display(),
            mode & 0o777
        ))
        .with_hint(format!("chmod 700 {}", shell_quoted(dir)))
    })
}

#[cfg(not(unix))]
fn shared_warning(_: &Path, _: &fs::Metadata) -> Option<Warning> {
    None
}

/// Checks `DIR/.lock` can be the lock: a plain file, or nothing yet. A
/// link to nowhere would be followed and its target made wherever it
/// points; a pipe or a device would take any lock.
pub(crate) fn check_lock_file(dir: &Path) -> Result<()> {
    let path = dir.join(LOCK_FILE);
    match fs::metadata(&path) {
        Ok(meta) if meta.is_file() => Ok(()),
        Ok(_) => Err(Error::io(
            "cannot open the lock",
            &path,
            &io::Error::new(io::ErrorKind::InvalidInput, NotRegular),
        )),
        Err(err) if err.kind() == io::ErrorKind::NotFound => absent(&path),
        Err(err) => Err(Error::io("cannot open the lock", &path, &err)),
    }
}

/// Options that create a file readable and writable by its owner only.
pub(crate) fn private_options() -> OpenOptions {
    survive_file_size_limit();
    let mut options = OpenOptions::new();
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    options
}

/// Past a file-size limit (`ulimit -f`) the kernel sends SIGXFSZ, whose
/// default ends couple in the middle of a row. Caught instead, the write
/// fails with EFBIG and the usual roll-back runs. Once, before the first
/// file couple creates or locks, or writes by a rename (an export too).
fn survive_file_size_limit() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        #[cfg(unix)]
        {
            let caught = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
            let _ = signal_hook::flag::register(signal_hook::consts::SIGXFSZ, caught);
        }
    });
}

/// The exclusive lock on `DIR/.lock`, held until dropped.
pub(crate) struct Lock {
    file: File,
}

impl Lock {
    /// Waits up to about ten seconds for the lock, then fails naming it;
    /// once held, checks `.merged/` can take folded copies, cleans up
    /// after crashed writers, pins the deck edition
    /// in a fresh directory, and brings encrypted files up to the current
    /// keys: what every write does first.
    pub(crate) fn acquire(dir: &Path) -> Result<Self> {
        let lock = Self::hold(dir)?;
        super::conflicts::check_merged_dir(dir)?;
        clean_temporaries(dir);
        // settings.csv's sync-conflict copies, folded in before anything
        // reads it under the lock.
        super::settings::fold_copies(dir)?;
        // Every write takes the lock first, so this is where the first
        // write into a fresh data directory pins the newest deck edition.
        super::settings::pin_if_fresh(dir)?;
        // Every write also brings encrypted files up to the current keys.
        super::crypt::reseal_stale(dir)?;
        Ok(lock)
    }

    /// The lock alone, for a writer that must change nothing else (git's
    /// merge driver, in the middle of a merge).
    pub(crate) fn hold(dir: &Path) -> Result<Self> {
        check_lock_file(dir)?;
        let path = dir.join(LOCK_FILE);
        let mut options = private_options();
        options.read(true).write(true).create(true).truncate(false);
        // A plain file: a device or a pipe there would take any lock.
        let file = without_waiting(&mut options)
            .open(&path)
            .map_err(socket)
            .and_then(|file| regular(&file).map(|()| file))
            .map_err(|e| match absent(&path) {
                Err(link) if e.kind() == io::ErrorKind::NotFound => link,
                _ => Error::io("cannot open the lock", &path, &e),
            })?;
        let start = Instant::now();
        let mut pause = Duration::from_millis(5);
        loop {
            match file.try_lock() {
                Ok(()) => break,
                Err(fs::TryLockError::WouldBlock) if start.elapsed() < LOCK_WAIT => {
                    thread::sleep(pause);
                    pause = (pause * 2).min(Duration::from_millis(200));
                }
                Err(fs::TryLockError::WouldBlock) => {
                    return Err(Error::runtime(format!(
                        "gave up after {} s waiting for the lock {}",
                        LOCK_WAIT.as_secs(),
                        path.display()
                    ))
                    .with_hint(format!("another couple is writing (or hung); try again, or find it with: fuser -v {}", shell_quoted(&path))));
                }
                Err(fs::TryLockError::Error(e)) => return Err(Error::io("cannot lock", &path, &e)),
            }
        }
        Ok(Self { file })
    }
}

impl Drop for Lock {
    fn drop(&mut self) {
        let _ = self.file.unlock();
    }
}

/// Removes the temporary files a crashed rewrite of one of couple's own
/// files left: beside it in the data directory, and beside the file it
/// points to when it is a symbolic link (where the rewrite happens). Only
/// called with the lock held, so no live writer owns them; a temporary file
/// of anything else (an export written into the data directory) is left
/// alone.
fn clean_temporaries(dir: &Path) {
    for own in super::DATA_FILES {
        let path = dir.join(own);
        clean_beside(dir, own);
        clean_beside(dir, &format!("{own}{}", super::crypt::SUFFIX));
        let is_link = fs::symlink_metadata(&path).is_ok_and(|m| m.file_type().is_symlink());
        if let Some(real) = is_link.then(|| fs::canonicalize(&path).ok()).flatten()
            && let (Some(parent), Some(name)) = (real.parent(), real.file_name())
        {
            clean_beside(parent, &name.to_string_lossy());
        }
    }
}

/// Removes `DIR/.couple-tmp-NAME-*`.
fn clean_beside(dir: &Path, name: &str) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    let prefix = temp_prefix(name);
    for entry in entries.flatten() {
        if entry.file_name().to_string_lossy().starts_with(&prefix) {
            let _ = fs::remove_file(entry.path());
        }
    }
}

/// How the temporary files of a rewrite of `name` start.
fn temp_prefix(name: &str) -> String {
    format!("{TEMP_PREFIX}{name}-")
}

/// Replaces `target` with what `write_all` writes, atomically: a private
/// temporary file in the same directory, synced, renamed over the target,
/// and the directory synced. A crash leaves the old file or the new one.
///
/// The temporary file is created exclusively (`O_EXCL`), readable by its
/// owner only from the first moment, under a name nobody can guess: in a
/// shared directory like `/tmp` another user can neither read it nor have
/// it written through a symbolic link planted in advance.
///
/// When `target` is one of couple's own files in a directory kept
/// encrypted, what `write_all` writes is encrypted in memory and only the
/// ciphertext is written, to `NAME.age`. The plain file, if any, is
/// removed when it was the one read (no `NAME.age` yet); beside `NAME.age`
/// it is another machine's copy, which the caller folded and sets aside:
/// it is never deleted here.
pub(crate) fn replace(
    target: &Path,
    write_all: impl FnOnce(&mut dyn Write) -> Result<()>,
) -> Result<()> {
    let Some((sealed, recipients)) = super::crypt::sealed_target(target)? else {
        return replace_plain(target, write_all);
    };
    if sealed.exists() {
        let mut plain = Vec::new();
        write_all(&mut plain)?;
        let ciphertext = recipients.encrypt(&plain)?;
        plain.fill(0);
        return replace_plain(&sealed, |out| {
            out.write_all(&ciphertext)
                .map_err(|e| Error::io("cannot write", &sealed, &e))
        });
    }
    let mut plain = Vec::new();
    write_all(&mut plain)?;
    let ciphertext = recipients.encrypt(&plain)?;
    plain.fill(0);
    replace_plain(&sealed, |out| {
        out.write_all(&ciphertext)
            .map_err(|e| Error::io("cannot write", &sealed, &e))
    })?;
    match fs::remove_file(target) {
        Ok(()) => sync_dir(
            target
                .parent()
                .filter(|p| !p.as_os_str().is_empty())
                .unwrap_or(Path::new(".")),
        ),
        Err(err) if err.kind() == io::ErrorKind::NotFound => Ok(()),
        Err(err) => Err(Error::io("cannot remove the plain copy", target, &err)),
    }
}

/// [`replace`], always writing what `write_all` writes as it is.
pub(crate) fn replace_plain(
    target: &Path,
    write_all: impl FnOnce(&mut dyn Write) -> Result<()>,
) -> Result<()> {
    survive_file_size_limit();
    // Through a symbolic link (a data file kept in a synced folder, say),
    // replace the file it points to and keep the link.
    let resolved;
    let target = match fs::symlink_metadata(target) {
        Ok(meta) if meta.file_type().is_symlink() => {
            resolved =
                fs::canonicalize(target).map_err(|e| Error::io("cannot follow", target, &e))?;
            resolved.as_path()
        }
        _ => target,
    };
    // A bare file name has the parent "", which cannot be opened to sync.
    let dir = target
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    // tempfile: O_EXCL, mode 0600, a random name; removed again on failure.
    let mut temp = tempfile::Builder::new()
        .prefix(&temp_prefix(&name))
        .rand_bytes(12)
        .tempfile_in(dir)
        .map_err(|e| Error::io("cannot create a temporary file in", dir, &e))?;
    let shown: PathBuf = temp.path().to_path_buf();
    {
        let mut writer = io::BufWriter::with_capacity(256 * 1024, temp.as_file_mut());
        write_all(&mut writer)?;
        writer
            .flush()
            .map_err(|e| Error::io("cannot write", &shown, &e))?;
    }
    temp.as_file()
        .sync_all()
        .map_err(|e| Error::io("cannot sync", &shown, &e))?;
    temp.persist(target)
        .map_err(|e| Error::io("cannot replace", target, &e.error))?;
    sync_dir(dir)
}

/// `path` made absolute with every symbolic link resolved, also when its
/// last components do not exist yet (they are kept as written): for
/// telling whether one directory lies inside another.
pub(crate) fn resolved(path: &Path) -> PathBuf {
    let absolute = if path.is_absolute() {
        path.to_path_buf()
    } else {
        std::env::current_dir().map_or_else(|_| path.to_path_buf(), |cwd| cwd.join(path))
    };
    let mut missing = Vec::new();
    let mut at = absolute.as_path();
    loop {
        if let Ok(mut real) = fs::canonicalize(at) {
            real.extend(missing.iter().rev());
            return real;
        }
        match (at.parent(), at.file_name()) {
            (Some(parent), Some(name)) => {
                missing.push(name.to_os_string());
                at = parent;
            }
            _ => return absolute,
        }
    }
}

/// Makes a rename in `dir` durable.
pub(crate) fn sync_dir(dir: &Path) -> Result<()> {
    #[cfg(unix)]
    File::open(dir)
        .and_then(|d| d.sync_all())
        .map_err(|e| Error::io("cannot sync", dir, &e))?;
    #[cfg(not(unix))]
    let _ = dir;
    Ok(())
}
