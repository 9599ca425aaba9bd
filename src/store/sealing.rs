//! `couple crypt`: making this machine's key, adding it (and a backup key)
//! to the data directory's recipients, and turning encryption on and off.
//! The reading and writing of encrypted files is [`super::crypt`].

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use super::conflicts::{self, MERGED_DIR};
use super::crypt::{self, RECIPIENTS_FILE, Recipients, SUFFIX};
use super::fsx::{self, Lock};
use crate::error::{Error, Result};
use crate::printer::{Warned, Warning};

/// What `crypt init` did.
pub(crate) struct Init {
    /// Where the key is, and whether it was made now.
    pub(crate) identity: PathBuf,
    pub(crate) made: bool,
    /// The public key added to the recipients (or already there).
    pub(crate) public: String,
    pub(crate) added: bool,
    pub(crate) backup_added: bool,
}

/// Makes this machine's identity if it has none (0600, in a 0700
/// directory), and adds its public key, and `backup` if given, to
/// `DIR/.age-recipients`.
pub(crate) fn init(dir: &Path, name: &str, backup: Option<&str>) -> Result<Warned<Init>> {
    if let Some(key) = backup {
        Recipients::parse(key).map_err(|_| {
            Error::usage(format!("--backup {key:?} is not an age public key (age1…)"))
                .with_hint("make one with `age-keygen -o backup.txt`, print it, and give the line `Public key: age1…`")
        })?;
    }
    let identity = crypt::identity_path().ok_or_else(|| {
        Error::runtime("cannot tell where to keep the key: neither XDG_CONFIG_HOME nor HOME is set")
            .with_hint("set HOME (or XDG_CONFIG_HOME)")
    })?;
    refuse_key_in_data_dir(&identity, dir)?;
    let (text, made) = match fsx::read(&identity) {
        Ok(bytes) => {
            crypt::refuse_shared(&identity)?;
            (crypt::identity_text(&identity, &bytes)?, false)
        }
        Err(err) if err.kind() == io::ErrorKind::NotFound => (make_identity(&identity)?, true),
        Err(err) => return Err(Error::io("cannot read the key", &identity, &err)),
    };
    let public = crypt::public_keys(&identity, &text)?
        .into_iter()
        .next()
        .ok_or_else(|| {
            Error::runtime(format!("{} holds no key", identity.display()))
                .with_hint("remove the file and run `couple crypt init` again")
        })?;
    let mut warnings: Vec<Warning> = fsx::ensure_dir(dir)?.into_iter().collect();
    let _lock = Lock::acquire(dir)?;
    let path = dir.join(RECIPIENTS_FILE);
    let mut current = match fsx::read_to_string(&path) {
        Ok(text) => text,
        Err(err) if err.kind() == io::ErrorKind::NotFound => String::new(),
        Err(err) => return Err(Error::io("cannot read", &path, &err)),
    };
    let known: Vec<String> = current
        .lines()
        .map(str::trim)
        .filter(|l| !l.starts_with('#'))
        .map(str::to_string)
        .collect();
    let before = current.clone();
    let mut add = |who: &str, key: &str| -> bool {
        if known.iter().any(|k| k == key) {
            return false;
        }
        if !current.is_empty() && !current.ends_with('\n') {
            current.push('\n');
        }
        current.push_str("# ");
        current.push_str(who);
        current.push('\n');
        current.push_str(key);
        current.push('\n');
        true
    };
    let added = add(name, &public);
    let backup_added = backup.is_some_and(|key| add("backup", key.trim()));
    if current != before {
        Recipients::parse(&current)?;
        fsx::replace_plain(&path, |out| {
            out.write_all(current.as_bytes())
                .map_err(|e| Error::io("cannot write", &path, &e))
        })?;
    }
    if crypt::is_on(dir) && (added || backup_added) {
        warnings.push(
            Warning::new("the files already encrypted are not yet readable with the new key")
                .with_hint("the next write (any `couple log`) by a partner who can read them includes it; or that partner runs `couple crypt on` to re-encrypt every file now"),
        );
    }
    Ok(Warned::new(
        Init {
            identity,
            made,
            public,
            added,
            backup_added,
        },
        warnings,
    ))
}

/// Refuses to keep the key where the sync tool would share it: couple's
/// config directory inside the data directory, or the same directory
/// (symbolic links resolved, for directories not made yet too).
fn refuse_key_in_data_dir(identity: &Path, dir: &Path) -> Result<()> {
    let config = identity.parent().unwrap_or(identity);
    if fsx::resolved(config).starts_with(fsx::resolved(dir)) {
        return Err(Error::runtime(format!(
            "refusing to keep the key in the data directory: {} is inside {}",
            config.display(),
            dir.display()
        ))
        .with_hint("everything in the data directory is shared by the sync tool; set XDG_CONFIG_HOME (or --dir, COUPLE_DIR) so that the two are apart"));
    }
    Ok(())
}

/// Writes a new identity file, private from the first moment.
fn make_identity(path: &Path) -> Result<String> {
    if let Some(parent) = path.parent() {
        fsx::ensure_dir(parent)?;
    }
    let (secret, public) = crypt::generate();
    let text = format!(
        "# couple's key for this machine: never share it, never put it in the data directory\n# public key: {public}\n{secret}\n"
    );
    let mut file = fsx::private_options()
        .write(true)
        .create_new(true)
        .open(path)
        .map_err(|e| Error::io("cannot create the key", path, &e))?;
    file.write_all(text.as_bytes())
        .and_then(|()| file.sync_all())
        .map_err(|e| Error::io("cannot write the key", path, &e))?;
    Ok(text)
}

/// The files `crypt on` and `off` turn: couple's own, but settings.csv.
fn sealed_names() -> impl Iterator<Item = &'static str> {
    super::DATA_FILES
        .into_iter()
        .filter(|n| crypt::is_sealed(n))
}

/// Encrypts every data file to the recipients (again, when it already is:
/// then a key added since is included), removes the plain files, and
/// encrypts the sync-conflict copies and what `.merged/` keeps. The copies
/// of the log, goals and removed (a plain file beside its `.age` one
/// among them) are folded in first, as a write does. A data file that is
/// a symbolic link is refused. Returns the files now encrypted.
pub(crate) fn on(dir: &Path) -> Result<Warned<Vec<String>>> {
    let mut warnings: Vec<Warning> = fsx::ensure_dir(dir)?.into_iter().collect();
    for name in sealed_names() {
        crypt::refuse_link(&dir.join(name))?;
    }
    let _lock = Lock::acquire(dir)?;
    let recipients = Recipients::read(dir)?;
    warnings.extend(fold_copies(dir)?);
    // Read everything first: a file that cannot be read stops us before
    // anything is written. Each: where it is read, where its ciphertext
    // goes, its plaintext.
    let mut plain: Vec<(PathBuf, PathBuf, Vec<u8>)> = Vec::new();
    for name in sealed_names() {
        let path = dir.join(name);
        match crypt::read_if_exists(&path)? {
            Some(bytes) => plain.push((path.clone(), crypt::sealed_path(&path), bytes)),
            // An empty log marks the directory as encrypted.
            None if name == super::log::LOG_FILE => {
                plain.push((path.clone(), crypt::sealed_path(&path), Vec::new()));
            }
            None => {}
        }
        for copy in conflicts::copies(dir, name)? {
            let bytes = conflicts::read(&copy)?.unwrap_or_default();
            let sealed = if conflicts::display_name(&copy).ends_with(SUFFIX) {
                copy.clone()
            } else {
                crypt::sealed_path(&copy)
            };
            plain.push((copy, sealed, bytes));
        }
    }
    let merged = dir.join(MERGED_DIR);
    if let Ok(entries) = fs::read_dir(&merged) {
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_file() && !entry.file_name().to_string_lossy().ends_with(SUFFIX) {
                let bytes = conflicts::read(&path)?.unwrap_or_default();
                plain.push((path.clone(), crypt::sealed_path(&path), bytes));
            }
        }
    }
    let mut done = Vec::new();
    for (_, sealed, bytes) in &plain {
        let ciphertext = recipients.encrypt(bytes)?;
        fsx::replace_plain(sealed, |out| {
            out.write_all(&ciphertext)
                .map_err(|e| Error::io("cannot write", sealed, &e))
        })?;
        done.push(
            sealed
                .strip_prefix(dir)
                .unwrap_or(sealed)
                .display()
                .to_string(),
        );
    }
    for (path, sealed, _) in &plain {
        if path != sealed {
            remove_if_exists(path)?;
        }
    }
    fsx::sync_dir(dir)?;
    Ok(Warned::new(done, warnings))
}

/// Folds the sync-conflict copies of the log, goals, removed, rituals and
/// pauses (and a plain one beside its `.age` file) in, as any write does first, so that
/// `crypt on` and `off` never write one version over another.
pub(crate) fn fold_copies(dir: &Path) -> Result<Vec<Warning>> {
    let mut warnings: Vec<Warning> = super::log::fold_copies(dir)?.into_iter().collect();
    warnings.extend(super::goals::fold_copies(dir)?);
    warnings.extend(super::rituals::fold_copies(dir)?);
    Ok(warnings)
}

/// Decrypts every data file back to plain CSV (the sync-conflict copies
/// too, under their plain names) and removes the encrypted ones; the
/// copies of the log, goals and removed are folded in first. Returns the
/// files now plain.
pub(crate) fn off(dir: &Path) -> Result<Warned<Vec<String>>> {
    if !dir.exists() {
        return Ok(Warned::new(Vec::new(), Vec::new()));
    }
    let mut warnings: Vec<Warning> = fsx::ensure_dir(dir)?.into_iter().collect();
    let _lock = Lock::acquire(dir)?;
    warnings.extend(fold_copies(dir)?);
    // Each: the encrypted file, where its plaintext goes, the plaintext.
    let mut sealed: Vec<(PathBuf, PathBuf, Vec<u8>)> = Vec::new();
    for name in sealed_names() {
        let path = dir.join(name);
        let age = crypt::sealed_path(&path);
        if age.exists() {
            let bytes = crypt::read_if_exists(&path)?.unwrap_or_default();
            sealed.push((age, path, bytes));
        }
        for copy in conflicts::copies(dir, name)? {
            let shown = conflicts::display_name(&copy);
            if let Some(plain) = shown
                .ends_with(SUFFIX)
                .then(|| conflicts::plain_name(&shown, name))
                .flatten()
            {
                let bytes = conflicts::read(&copy)?.unwrap_or_default();
                sealed.push((copy.clone(), copy.with_file_name(plain), bytes));
            }
        }
    }
    let mut done = Vec::new();
    for (_, path, bytes) in &sealed {
        fsx::replace_plain(path, |out| {
            out.write_all(bytes)
                .map_err(|e| Error::io("cannot write", path, &e))
        })?;
        done.push(path.strip_prefix(dir).unwrap_or(path).display().to_string());
    }
    for (age, _, _) in &sealed {
        remove_if_exists(age)?;
    }
    fsx::sync_dir(dir)?;
    Ok(Warned::new(done, warnings))
}

fn remove_if_exists(path: &Path) -> Result<()> {
    match fs::remove_file(path) {
        Ok(()) => Ok(()),
        Err(err) if err.kind() == io::ErrorKind::NotFound => Ok(()),
        Err(err) => Err(Error::io("cannot remove", path, &err)),
    }
}

/// What `crypt status` shows.
pub(crate) struct Status {
    pub(crate) on: bool,
    /// Each recipient's name and key.
    pub(crate) recipients: Vec<(String, String)>,
    /// Each of couple's files present: its name as on disk and whether it
    /// is encrypted.
    pub(crate) files: Vec<(String, bool)>,
    /// With encryption on, what is still plain text in the data directory
    /// or `.merged/` (paths inside the data directory).
    pub(crate) plaintext: Vec<String>,
    pub(crate) identity: Option<PathBuf>,
    /// This machine's public key, when its identity can be read without a
    /// passphrase, and whether it is among the recipients.
    pub(crate) public: Option<(String, bool)>,
}

pub(crate) fn status(dir: &Path) -> Result<Status> {
    let path = dir.join(RECIPIENTS_FILE);
    let text = match fsx::read_to_string(&path) {
        Ok(text) => text,
        Err(err) if err.kind() == io::ErrorKind::NotFound => String::new(),
        Err(err) => return Err(Error::io("cannot read", &path, &err)),
    };
    let mut recipients = Vec::new();
    let mut who = String::new();
    for line in text.lines().map(str::trim) {
        if let Some(c) = line.strip_prefix('#') {
            who = c.trim().to_string();
        } else if !line.is_empty() {
            recipients.push((std::mem::take(&mut who), line.to_string()));
        }
    }
    let mut files = Vec::new();
    for name in super::DATA_FILES {
        let plain = dir.join(name);
        if crypt::sealed_path(&plain).exists() {
            files.push((format!("{name}{SUFFIX}"), true));
        }
        if plain.exists() {
            files.push((name.to_string(), false));
        }
    }
    let identity = crypt::identity_path();
    let public = identity
        .as_ref()
        .and_then(|p| fsx::read_to_string(p).ok().map(|t| (p, t)))
        .filter(|(_, t)| !crypt::is_age(t.as_bytes()))
        .and_then(|(p, t)| crypt::public_keys(p, &t).ok())
        .and_then(|keys| keys.into_iter().next())
        .map(|key| {
            let known = recipients.iter().any(|(_, k)| *k == key);
            (key, known)
        });
    let on = crypt::is_on(dir);
    Ok(Status {
        plaintext: if on { plaintext(dir) } else { Vec::new() },
        on,
        recipients,
        files,
        identity,
        public,
    })
}

/// What is plain text, with encryption on, among couple's files in `dir`
/// (a data file, a sync-conflict copy) and in `.merged/`.
fn plaintext(dir: &Path) -> Vec<String> {
    let mut found = Vec::new();
    let mut look = |path: &Path, shown: String| {
        if fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink()) {
            found.push(format!("{shown} (a symbolic link)"));
        } else if path.is_file() && !starts_as_age(path) {
            found.push(shown);
        }
    };
    if let Ok(entries) = fs::read_dir(dir) {
        let mut names: Vec<String> = entries
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| sealed_names().any(|own| n == own || conflicts::is_copy_of(n, own)))
            .collect();
        names.sort();
        for name in names {
            look(&dir.join(&name), name);
        }
    }
    if let Ok(entries) = fs::read_dir(dir.join(MERGED_DIR)) {
        let mut names: Vec<String> = entries
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        for name in names {
            look(
                &dir.join(MERGED_DIR).join(&name),
                format!("{MERGED_DIR}/{name}"),
            );
        }
    }
    found
}

/// Whether the file at `path` starts as an age file does.
fn starts_as_age(path: &Path) -> bool {
    use std::io::Read as _;
    let mut head = Vec::with_capacity(64);
    fsx::open_to_read(path)
        .and_then(|f| f.take(64).read_to_end(&mut head))
        .is_ok_and(|_| crypt::is_age(&head))
}
