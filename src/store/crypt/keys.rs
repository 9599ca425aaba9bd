//! This machine's keys: where its identity lives (outside the data
//! directory), how it is read (a passphrase-protected one unlocked on the
//! terminal), a new one made, and the public keys of an identity file.

use std::fs;
use std::io::{self, IsTerminal, Read};
use std::path::{Path, PathBuf};
use std::str::FromStr;
use std::sync::OnceLock;

use age::secrecy::{ExposeSecret, SecretString};
use age::x25519;

use super::{IDENTITY_FILE, is_age, no_key};
use crate::error::{Error, Kind, Result, shell_quoted};
use crate::store::fsx;

/// Where this machine's identity is kept: `$XDG_CONFIG_HOME/couple`, else
/// `~/.config/couple`.
pub(crate) fn identity_path() -> Option<PathBuf> {
    let base = std::env::var_os("XDG_CONFIG_HOME")
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
        .filter(|p| p.is_absolute())
        .or_else(|| {
            std::env::var_os("HOME")
                .filter(|v| !v.is_empty())
                .map(|home| PathBuf::from(home).join(".config"))
        })?;
    Some(base.join("couple").join(IDENTITY_FILE))
}

/// couple's config directory on this machine, where the identity lives.
pub(crate) fn config_dir() -> Option<PathBuf> {
    identity_path().and_then(|p| p.parent().map(Path::to_path_buf))
}

/// This machine's identities, or the error reading them (kept to give
/// again).
type Loaded = std::result::Result<Vec<x25519::Identity>, (Kind, String, Option<String>)>;

/// This machine's identities, read once per run. Missing: none (then
/// nothing decrypts, and the error says what to do).
pub(super) fn identities(shown: &str, dir: &Path) -> Result<&'static [x25519::Identity]> {
    static LOADED: OnceLock<Loaded> = OnceLock::new();
    let loaded = LOADED.get_or_init(|| load_identities().map_err(|e| (e.kind, e.message, e.hint)));
    match loaded {
        Ok(ids) if ids.is_empty() => Err(no_key(shown, dir)),
        Ok(ids) => Ok(ids),
        Err((kind, message, hint)) => Err(Error {
            kind: *kind,
            message: message.clone(),
            hint: hint.clone(),
        }),
    }
}

fn load_identities() -> Result<Vec<x25519::Identity>> {
    let Some(path) = identity_path() else {
        return Ok(Vec::new());
    };
    let bytes = match fsx::read(&path) {
        Ok(bytes) => bytes,
        Err(err) if err.kind() == io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(err) => return Err(Error::io("cannot read the key", &path, &err)),
    };
    refuse_shared(&path)?;
    let text = identity_text(&path, &bytes)?;
    parse_identities(&path, &text)
}

/// The text of the identity file `path` holding `bytes`: as it is, or,
/// when it is protected by a passphrase (an age file, binary or armored,
/// as `age -p` writes it), opened with a passphrase asked on the terminal.
pub(crate) fn identity_text(path: &Path, bytes: &[u8]) -> Result<String> {
    if is_protected(bytes) {
        return unlock(path, bytes);
    }
    String::from_utf8(bytes.to_vec()).map_err(|_| {
        Error::runtime(format!(
            "{} is not an age key file: it is neither text nor protected by a passphrase",
            path.display()
        ))
        .with_hint("the file holds the key `couple crypt init` or age-keygen made; move it away and run `couple crypt init` to make a new one")
    })
}

/// Whether an identity file's `bytes` are passphrase-protected: an age
/// file, binary or ASCII-armored.
pub(crate) fn is_protected(bytes: &[u8]) -> bool {
    let start = bytes
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(bytes.len());
    is_age(bytes) || bytes[start..].starts_with(b"-----BEGIN AGE ENCRYPTED FILE-----")
}

/// The X25519 identities in an identity file's text.
pub(crate) fn parse_identities(path: &Path, text: &str) -> Result<Vec<x25519::Identity>> {
    let mut ids = Vec::new();
    for (at, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let id = x25519::Identity::from_str(line).map_err(|_| {
            Error::runtime(format!(
                "{} line {}: is not an age key (AGE-SECRET-KEY-1…)",
                path.display(),
                at + 1
            ))
            .with_hint(
                "the file holds the key `couple crypt init` or age-keygen made, and # comments",
            )
        })?;
        ids.push(id);
    }
    Ok(ids)
}

/// Refuses an identity file others may read.
#[cfg(unix)]
pub(crate) fn refuse_shared(path: &Path) -> Result<()> {
    use std::os::unix::fs::PermissionsExt;
    let mode = fs::metadata(path)
        .map_err(|e| Error::io("cannot read the key", path, &e))?
        .permissions()
        .mode();
    if mode & 0o077 != 0 {
        return Err(Error::runtime(format!(
            "{} can be read by others (mode {:o}): refusing to use this key",
            path.display(),
            mode & 0o777
        ))
        .with_hint(format!(
            "chmod 600 {} (and think about who may have copied it)",
            shell_quoted(path)
        )));
    }
    Ok(())
}

#[cfg(not(unix))]
pub(crate) fn refuse_shared(_: &Path) -> Result<()> {
    Ok(())
}

/// A passphrase-protected identity file (binary or armored), opened with
/// a passphrase asked on the terminal; without one, a clear failure
/// instead of a hang.
fn unlock(path: &Path, bytes: &[u8]) -> Result<String> {
    if !(io::stdin().is_terminal() && io::stderr().is_terminal()) {
        return Err(Error::runtime(format!(
            "the key {} is protected by a passphrase, and there is no terminal to ask it on",
            path.display()
        ))
        .with_hint("run this on a terminal; for cron, keep a key without a passphrase (`couple crypt init` makes one)"));
    }
    let passphrase = dialoguer::Password::new()
        .with_prompt(format!("Passphrase for {}", path.display()))
        .interact()
        .map_err(|e| Error::runtime(format!("cannot ask for the passphrase: {e}")))?;
    let identity = age::scrypt::Identity::new(SecretString::from(passphrase));
    // The armored reader passes a binary file through as it is.
    let decryptor = age::Decryptor::new(age::armor::ArmoredReader::new(bytes))
        .map_err(|e| Error::runtime(format!("{}: {e}", path.display())))?;
    let mut reader = decryptor
        .decrypt(std::iter::once(&identity as &dyn age::Identity))
        .map_err(|_| {
            Error::runtime(format!("wrong passphrase for {}", path.display()))
                .with_hint("try again")
        })?;
    let mut text = String::new();
    reader
        .read_to_string(&mut text)
        .map_err(|e| Error::runtime(format!("{}: {e}", path.display())))?;
    Ok(text)
}

/// A new identity: its secret line (for the identity file) and public key.
pub(crate) fn generate() -> (String, String) {
    let id = x25519::Identity::generate();
    let public = id.to_public().to_string();
    (id.to_string().expose_secret().to_string(), public)
}

/// The public keys of the identities in `text`.
pub(crate) fn public_keys(path: &Path, text: &str) -> Result<Vec<String>> {
    Ok(parse_identities(path, text)?
        .iter()
        .map(|id| id.to_public().to_string())
        .collect())
}
