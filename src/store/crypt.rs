//! Encryption at rest with age, opt-in per data directory.
//!
//! The seam every read and write already passes through: a data file is
//! read whole or streamed through [`open`] / [`read_if_exists`], which
//! decrypt `NAME.age` (or any file whose content is an age file: a
//! sync-conflict copy, the three versions git hands the merge driver) in
//! memory; [`super::fsx::replace`] asks [`sealed_target`] whether the file
//! it replaces is kept encrypted, and then writes ciphertext only, so that
//! no plaintext ever reaches a temporary file. An append to an encrypted
//! log is a decrypt, the new rows, and an atomic replace, under the lock.
//!
//! Encryption is on while any of couple's own files is kept as `NAME.age`
//! (`couple crypt on` makes `log.csv.age` even for an empty log). Every
//! write encrypts to everyone in `DIR/.age-recipients` (public keys, one a
//! line, `#` comments naming whose), so a key added later is included on
//! the next write. This machine's identity lives outside the data
//! directory, in `$XDG_CONFIG_HOME/couple/identity.txt` (0600).
//!
//! Each file also records whom it was encrypted to (see [`SEALED_FOR`]),
//! so that every write can re-encrypt the files written for another set
//! of keys: one added, removed or replaced.

use std::collections::HashSet;
use std::fs::{self, File};
use std::io::{self, Cursor, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};
use std::str::FromStr;

use age::{DecryptError, EncryptError, x25519};
use age_core::format::{FileKey, Stanza};
use sha2::{Digest, Sha256};

use super::fsx;
use super::settings::SETTINGS_FILE;
use crate::error::{Error, Kind, Result};

mod keys;

use keys::identities;
pub(crate) use keys::{
    config_dir, generate, identity_path, identity_text, is_protected, parse_identities,
    public_keys, refuse_shared,
};

/// The recipients file in the data directory (the passage convention).
pub(crate) const RECIPIENTS_FILE: &str = ".age-recipients";
/// What an encrypted file's name adds.
pub(crate) const SUFFIX: &str = ".age";
/// The identity's file name in couple's config directory.
pub(crate) const IDENTITY_FILE: &str = "identity.txt";
/// Every age file starts with this line.
const MAGIC: &[u8] = b"age-encryption.org/v1\n";
/// The tag of the header stanza in which a file records whom it was
/// encrypted to: `-> couple-recipients DIGEST`, with an empty body.
///
/// Why a stanza of couple's own: an X25519 stanza cannot say whose key it
/// is for (only the secret key can tell), so nothing in an age file names
/// its recipients, and counting the stanzas misses a key replaced by
/// another. So each file carries a digest of the set of keys it was
/// encrypted to (sorted, each once: comments and order in
/// `.age-recipients` do not count). It travels with the file through any
/// sync tool or git (a record beside the files could arrive out of step
/// with them); it is covered by the header's MAC like every stanza, so a
/// changed one makes the file fail to open; and age, rage and couple skip
/// a stanza they do not know (the age spec asks it; rage "greases"
/// headers with random ones to keep it so). Checking it costs reading the
/// header, not decrypting; a file without one (written by `age` or by an
/// earlier couple) counts as stale and is re-encrypted once.
const SEALED_FOR: &str = "couple-recipients";

/// Whether couple's own file `name` is encrypted when encryption is on.
/// settings.csv stays plain: `couple prompt` reads it in every new shell
/// (where a passphrase cannot be asked), and it holds no words of yours,
/// only the time zone and the deck edition.
pub(crate) fn is_sealed(name: &str) -> bool {
    name != SETTINGS_FILE && super::DATA_FILES.contains(&name)
}

/// `path` with `.age` added.
pub(crate) fn sealed_path(path: &Path) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(SUFFIX);
    PathBuf::from(name)
}

/// Whether encryption is on in `dir`: one of its own files is kept
/// encrypted.
pub(crate) fn is_on(dir: &Path) -> bool {
    super::DATA_FILES
        .iter()
        .filter(|name| is_sealed(name))
        .any(|name| dir.join(format!("{name}{SUFFIX}")).exists())
}

/// Where a replacement of `target` goes when it must be encrypted: its
/// `.age` sibling, with the recipients to encrypt to. `None` for a plain
/// write.
pub(crate) fn sealed_target(target: &Path) -> Result<Option<(PathBuf, Recipients)>> {
    let Some(name) = target.file_name().map(|n| n.to_string_lossy().into_owned()) else {
        return Ok(None);
    };
    let dir = target
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    if !is_sealed(&name) || !is_on(dir) {
        return Ok(None);
    }
    Ok(Some((sealed_path(target), Recipients::read(dir)?)))
}

/// A file's content to read: the file itself, or its plaintext in memory.
pub(crate) enum Source {
    File(File),
    Memory(Cursor<Vec<u8>>),
}

impl Source {
    /// How many bytes of content there are.
    pub(crate) fn len(&self) -> u64 {
        match self {
            Self::File(file) => file.metadata().map_or(0, |m| m.len()),
            Self::Memory(bytes) => bytes.get_ref().len() as u64,
        }
    }
}

impl Read for Source {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        match self {
            Self::File(file) => file.read(buf),
            Self::Memory(bytes) => bytes.read(buf),
        }
    }
}

impl super::table::Source for Source {
    fn bytes_from(&self, offset: u64) -> io::Result<Vec<u8>> {
        match self {
            Self::File(file) => file.bytes_from(offset),
            Self::Memory(bytes) => bytes.bytes_from(offset),
        }
    }
}

impl Seek for Source {
    fn seek(&mut self, pos: SeekFrom) -> io::Result<u64> {
        match self {
            Self::File(file) => file.seek(pos),
            Self::Memory(bytes) => bytes.seek(pos),
        }
    }
}

/// The content of `path` to read, or `None` when it does not exist: its
/// `.age` sibling decrypted when there is one, else the file (decrypted
/// too when it is an age file).
pub(crate) fn open(path: &Path) -> Result<Option<Source>> {
    let sealed = sealed_path(path);
    match fsx::read(&sealed) {
        Ok(bytes) => return decrypt(&sealed, &bytes).map(|b| Some(Source::Memory(Cursor::new(b)))),
        Err(err) if err.kind() == io::ErrorKind::NotFound => fsx::absent(&sealed)?,
        Err(err) => return Err(Error::io("cannot read", &sealed, &err)),
    }
    open_file(path)
}

/// The content of the file `path` itself (never its `.age` sibling), or
/// `None` when it does not exist: decrypted in memory when it is an age
/// file (a sync-conflict copy).
pub(crate) fn open_file(path: &Path) -> Result<Option<Source>> {
    let mut file = match fsx::open_to_read(path) {
        Ok(file) => file,
        Err(err) if err.kind() == io::ErrorKind::NotFound => {
            return fsx::absent(path).map(|()| None);
        }
        Err(err) => return Err(Error::io("cannot read", path, &err)),
    };
    let mut head = [0u8; MAGIC.len()];
    let mut filled = 0;
    while filled < head.len() {
        match file.read(&mut head[filled..]) {
            Ok(0) => break,
            Ok(n) => filled += n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(Error::io("cannot read", path, &e)),
        }
    }
    if head[..filled] == *MAGIC {
        let mut bytes = head.to_vec();
        file.read_to_end(&mut bytes)
            .map_err(|e| Error::io("cannot read", path, &e))?;
        return decrypt(path, &bytes).map(|b| Some(Source::Memory(Cursor::new(b))));
    }
    file.seek(SeekFrom::Start(0))
        .map_err(|e| Error::io("cannot read", path, &e))?;
    Ok(Some(Source::File(file)))
}

/// The whole content of `path` (see [`open`]), or `None`.
pub(crate) fn read_if_exists(path: &Path) -> Result<Option<Vec<u8>>> {
    whole(path, open(path)?)
}

/// The whole content of the file `path` itself (see [`open_file`]), or
/// `None`.
pub(crate) fn read_file(path: &Path) -> Result<Option<Vec<u8>>> {
    whole(path, open_file(path)?)
}

fn whole(path: &Path, source: Option<Source>) -> Result<Option<Vec<u8>>> {
    match source {
        None => Ok(None),
        Some(Source::Memory(bytes)) => Ok(Some(bytes.into_inner())),
        Some(Source::File(mut file)) => {
            let mut bytes = Vec::new();
            file.read_to_end(&mut bytes)
                .map_err(|e| Error::io("cannot read", path, &e))?;
            Ok(Some(bytes))
        }
    }
}

/// Whether `bytes` are an age file.
pub(crate) fn is_age(bytes: &[u8]) -> bool {
    bytes.starts_with(MAGIC)
}

/// The people (or keys) a data directory is encrypted to.
pub(crate) struct Recipients {
    /// Each key with the name its comment gave it.
    pub(crate) keys: Vec<(String, x25519::Recipient)>,
}

impl Recipients {
    /// Reads `DIR/.age-recipients`: one public key a line; a `# name`
    /// line names the key after it.
    pub(crate) fn read(dir: &Path) -> Result<Self> {
        let path = dir.join(RECIPIENTS_FILE);
        let text = match fsx::read_to_string(&path) {
            Ok(text) => text,
            Err(err) if err.kind() == io::ErrorKind::NotFound => String::new(),
            Err(err) => return Err(Error::io("cannot read", &path, &err)),
        };
        let keys = Self::parse(&text)?;
        if keys.keys.is_empty() {
            return Err(
                Error::runtime(format!("{} names no key to encrypt to", path.display()))
                    .with_hint("run `couple crypt init` to add yours"),
            );
        }
        Ok(keys)
    }

    /// The keys in a recipients file's text.
    pub(crate) fn parse(text: &str) -> Result<Self> {
        let mut keys = Vec::new();
        let mut name = String::new();
        for (at, line) in text.lines().enumerate() {
            let line = line.trim();
            if let Some(comment) = line.strip_prefix('#') {
                name = comment.trim().to_string();
                continue;
            }
            if line.is_empty() {
                continue;
            }
            let key = x25519::Recipient::from_str(line).map_err(|_| {
                Error::data(
                    RECIPIENTS_FILE,
                    at as u64 + 1,
                    "is not an age public key (age1…)",
                )
                .with_hint(
                    "each line is a key from `couple crypt init` or age-keygen, or a # comment",
                )
            })?;
            let shown = if name.is_empty() {
                abbreviated(line)
            } else {
                std::mem::take(&mut name)
            };
            keys.push((shown, key));
        }
        Ok(Self { keys })
    }

    /// Who the keys belong to, as a list for a message.
    pub(crate) fn names(&self) -> String {
        self.keys
            .iter()
            .map(|(name, _)| name.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// The digest of the set of keys (see [`SEALED_FOR`]): the first 16
    /// bytes of SHA-256 over the sorted keys, one a line, in hex.
    pub(crate) fn digest(&self) -> String {
        let mut keys: Vec<String> = self.keys.iter().map(|(_, k)| k.to_string()).collect();
        keys.sort();
        keys.dedup();
        let mut hash = Sha256::new();
        for key in &keys {
            hash.update(key.as_bytes());
            hash.update(b"\n");
        }
        hash.finalize()[..16]
            .iter()
            .fold(String::with_capacity(32), |mut hex, b| {
                use std::fmt::Write as _;
                let _ = write!(hex, "{b:02x}");
                hex
            })
    }

    /// `plain` encrypted to every key, the header recording their digest.
    pub(crate) fn encrypt(&self, plain: &[u8]) -> Result<Vec<u8>> {
        let record = SealedFor(self.digest());
        let encryptor = age::Encryptor::with_recipients(
            self.keys
                .iter()
                .map(|(_, k)| k as &dyn age::Recipient)
                .chain(std::iter::once(&record as &dyn age::Recipient)),
        )
        .map_err(|e| Error::runtime(format!("cannot encrypt: {e}")))?;
        let mut out = Vec::with_capacity(plain.len() + 512);
        let fail = |e: io::Error| Error::runtime(format!("cannot encrypt: {e}"));
        let mut writer = encryptor.wrap_output(&mut out).map_err(fail)?;
        writer.write_all(plain).map_err(fail)?;
        writer.finish().map_err(fail)?;
        Ok(out)
    }
}

/// The recipient that adds the [`SEALED_FOR`] stanza: it wraps no key.
struct SealedFor(String);

impl age::Recipient for SealedFor {
    fn wrap_file_key(
        &self,
        _: &FileKey,
    ) -> std::result::Result<(Vec<Stanza>, HashSet<String>), EncryptError> {
        let stanza = Stanza {
            tag: SEALED_FOR.to_string(),
            args: vec![self.0.clone()],
            body: Vec::new(),
        };
        // No labels, as X25519 recipients give none: they combine.
        Ok((vec![stanza], HashSet::new()))
    }
}

/// Encrypts again, to the current recipients, each file that was
/// encrypted to another set of keys (a partner's key joined since, a
/// backup key added, a key replaced or removed; see [`SEALED_FOR`]): so
/// the first write after `crypt init` on the other machine makes
/// everything readable there, and a removed key opens nothing written
/// since. Couple's own files and what `.merged/` keeps are checked. A
/// file this machine cannot open is left as it is (the command's own read
/// reports it). Called with the lock held, by every write.
pub(crate) fn reseal_stale(dir: &Path) -> Result<()> {
    if !is_on(dir) {
        return Ok(());
    }
    let Ok(recipients) = Recipients::read(dir) else {
        return Ok(());
    };
    adopt_plain(dir, &recipients)?;
    let digest = recipients.digest();
    let mut files: Vec<PathBuf> = super::DATA_FILES
        .iter()
        .filter(|n| is_sealed(n))
        .map(|name| dir.join(format!("{name}{SUFFIX}")))
        .collect();
    if let Ok(entries) = fs::read_dir(dir.join(super::conflicts::MERGED_DIR)) {
        files.extend(
            entries
                .flatten()
                .filter(|e| e.file_name().to_string_lossy().ends_with(SUFFIX))
                .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
                .map(|e| e.path()),
        );
    }
    for sealed in files {
        match sealed_for(&sealed) {
            Ok(Some(was)) if was == digest => continue,
            Ok(_) => {}
            Err(_) => continue,
        }
        let Ok(bytes) = fsx::read(&sealed) else {
            continue;
        };
        let Ok(mut plain) = decrypt(&sealed, &bytes) else {
            continue;
        };
        let ciphertext = recipients.encrypt(&plain);
        plain.fill(0);
        let ciphertext = ciphertext?;
        super::fsx::replace_plain(&sealed, |out| {
            out.write_all(&ciphertext)
                .map_err(|e| Error::io("cannot write", &sealed, &e))
        })?;
    }
    Ok(())
}

/// A plain `NAME` with encryption on: what a machine that had not yet
/// seen `crypt on` wrote (a sync tool brings back a file one side changed
/// and the other deleted). Alone, it is simply encrypted in place. Beside
/// `NAME.age`, a plain log, goals, removed, rituals or pauses file is a
/// copy like a sync-conflict copy (see `conflicts::plain_twin`): every
/// read takes it in, and this write folds every copy in (or refuses, exit
/// 65 naming it, when it does not parse, with nothing written) and keeps
/// it in `.merged/`, encrypted. (What the folds warn about is not said
/// here: the values are kept in `.merged/` all the same.) Any other
/// (`prompts.csv`) goes straight into `.merged/`, encrypted, as
/// `NAME-plain-STAMP.csv.age`, where it is kept. A symbolic link is
/// refused: removing it would leave the file it points to in plain text.
fn adopt_plain(dir: &Path, recipients: &Recipients) -> Result<()> {
    for name in super::DATA_FILES.iter().filter(|n| is_sealed(n)) {
        let plain = dir.join(name);
        refuse_link(&plain)?;
        let sealed = sealed_path(&plain);
        if sealed.exists() && super::conflicts::FOLDED.contains(name) {
            if fs::symlink_metadata(&plain).is_ok() {
                // Folded now, whatever this write is about, so that it
                // does not stay in plain text until a write of its own.
                super::sealing::fold_copies(dir)?;
            }
            continue;
        }
        let mut bytes = match fsx::read(&plain) {
            Ok(bytes) => bytes,
            Err(err) if err.kind() == io::ErrorKind::NotFound => continue,
            Err(err) => return Err(Error::io("cannot read", &plain, &err)),
        };
        if !sealed.exists() {
            // Alone, it is simply encrypted in place.
            let ciphertext = recipients.encrypt(&bytes);
            bytes.fill(0);
            let ciphertext = ciphertext?;
            super::fsx::replace_plain(&sealed, |out| {
                out.write_all(&ciphertext)
                    .map_err(|e| Error::io("cannot write", &sealed, &e))
            })?;
            fs::remove_file(&plain).map_err(|e| Error::io("cannot remove", &plain, &e))?;
            super::fsx::sync_dir(dir)?;
            continue;
        }
        let (stem, ext) = name.rsplit_once('.').unwrap_or((name, "csv"));
        let stamp = chrono::Utc::now().format("%Y%m%d-%H%M%S");
        let into = dir.join(super::conflicts::MERGED_DIR);
        super::fsx::ensure_dir(&into)?;
        let base = format!("{stem}-plain-{stamp}");
        let target = (1..1000)
            .map(|n| {
                let n = if n == 1 {
                    String::new()
                } else {
                    format!("-{n}")
                };
                into.join(format!("{base}{n}.{ext}{SUFFIX}"))
            })
            .find(|p| !p.exists())
            .unwrap_or_else(|| into.join(format!("{base}-last.{ext}{SUFFIX}")));
        let ciphertext = if is_age(&bytes) {
            Ok(std::mem::take(&mut bytes))
        } else {
            recipients.encrypt(&bytes)
        };
        bytes.fill(0);
        let ciphertext = ciphertext?;
        super::fsx::replace_plain(&target, |out| {
            out.write_all(&ciphertext)
                .map_err(|e| Error::io("cannot write", &target, &e))
        })?;
        fs::remove_file(&plain).map_err(|e| Error::io("cannot remove", &plain, &e))?;
        super::fsx::sync_dir(dir)?;
    }
    Ok(())
}

/// Refuses one of couple's files that is a symbolic link, with encryption
/// on (or being turned on): encrypting it would remove the link and leave
/// the file it points to, in plain text, where it is.
pub(crate) fn refuse_link(path: &Path) -> Result<()> {
    if !fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink()) {
        return Ok(());
    }
    let to = fs::read_link(path).map_or_else(|_| "?".to_string(), |t| t.display().to_string());
    Err(Error::runtime(format!(
        "{} is a symbolic link (to {to}): refusing to encrypt through it, which would leave that file in plain text",
        path.display()
    ))
    .with_hint("put the file itself in the data directory (or point COUPLE_DIR at the folder the link leads to), then run the command again"))
}

/// The digest of the keys the age file at `path` was encrypted to, from
/// its header (read up to the `---` line that ends it), or `None` when
/// its header records none.
fn sealed_for(path: &Path) -> io::Result<Option<String>> {
    let mut file = fsx::open_to_read(path)?;
    let mut header = Vec::with_capacity(1024);
    let mut chunk = [0u8; 1024];
    // A header of a few dozen keys fits many times in 64 KiB.
    while header.len() < 64 * 1024 && !header_ended(&header) {
        let n = file.read(&mut chunk)?;
        if n == 0 {
            break;
        }
        header.extend_from_slice(&chunk[..n]);
    }
    Ok(digest_in(&header))
}

/// Whether `bytes` hold a whole age header (up to its `---` line).
fn header_ended(bytes: &[u8]) -> bool {
    bytes.starts_with(b"---") || bytes.windows(4).any(|w| w == b"\n---")
}

/// The [`SEALED_FOR`] digest in the age header at the start of `bytes`.
fn digest_in(bytes: &[u8]) -> Option<String> {
    let prefix = format!("-> {SEALED_FOR} ");
    bytes
        .split(|&b| b == b'\n')
        .take_while(|line| !line.starts_with(b"---"))
        .find_map(|line| line.strip_prefix(prefix.as_bytes()))
        .map(|digest| String::from_utf8_lossy(digest).trim().to_string())
}

/// `age1abcdefgh…`, short enough for a message.
fn abbreviated(key: &str) -> String {
    key.chars().take(12).collect::<String>() + "…"
}

/// The plaintext of the age file `bytes`, read from `path`. A damaged or
/// changed file is a data error (exit 65) naming it; a file no key here
/// opens is exit 1, saying to whom it is encrypted.
fn decrypt(path: &Path, bytes: &[u8]) -> Result<Vec<u8>> {
    decrypt_as(&path.display().to_string(), dir_of(path), bytes)
}

/// The directory `path` is in (`.` for a bare name).
fn dir_of(path: &Path) -> &Path {
    path.parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
}

/// [`decrypt`] for bytes that are not (or not only) a file of the data
/// directory `dir`: a version git hands the merge driver, named `shown`
/// in errors.
pub(crate) fn decrypt_as(shown: &str, dir: &Path, bytes: &[u8]) -> Result<Vec<u8>> {
    let tampered = |why: &dyn std::fmt::Display| Error {
        kind: Kind::Data,
        message: format!(
            "{shown}: cannot be decrypted ({why}): it was damaged or changed outside couple"
        ),
        hint: Some(
            "nothing was read or written; restore it from a backup or a sync-conflict copy"
                .to_string(),
        ),
    };
    let decryptor = age::Decryptor::new_buffered(bytes).map_err(|e| tampered(&e))?;
    let identities = identities(shown, dir)?;
    let mut reader = match decryptor.decrypt(identities.iter().map(|i| i as &dyn age::Identity)) {
        Ok(reader) => reader,
        Err(DecryptError::NoMatchingKeys) => return Err(no_key(shown, dir)),
        Err(e) => return Err(tampered(&e)),
    };
    let mut plain = Vec::with_capacity(bytes.len());
    reader.read_to_end(&mut plain).map_err(|e| tampered(&e))?;
    Ok(plain)
}

/// No identity here opens the file `shown`, of the data directory `dir`.
fn no_key(shown: &str, dir: &Path) -> Error {
    let to = fsx::read_to_string(dir.join(RECIPIENTS_FILE))
        .ok()
        .and_then(|text| Recipients::parse(&text).ok())
        .map(|r| r.names())
        .filter(|names| !names.is_empty())
        .map_or_else(
            || "keys not on this machine".to_string(),
            |names| format!("the keys in {RECIPIENTS_FILE} ({names})"),
        );
    Error::runtime(format!(
        "this data is encrypted to {to}; no key on this machine opens {shown}"
    ))
    .with_hint(
        "run `couple crypt init` and ask your partner to re-run any write (a `couple log`), which encrypts to your key too",
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_round_trip_opens_with_either_key_and_a_flipped_byte_is_refused() {
        let (alex, alex_pub) = generate();
        let (_, sam_pub) = generate();
        let text = format!("# alex\n{alex_pub}\n\n# sam\n{sam_pub}\n");
        let recipients = Recipients::parse(&text).unwrap();
        assert_eq!(recipients.names(), "alex, sam");
        let sealed = recipients.encrypt(b"id,note\n1,a secret\n").unwrap();
        assert!(is_age(&sealed));
        assert_eq!(digest_in(&sealed), Some(recipients.digest()));
        let id = x25519::Identity::from_str(&alex).unwrap();
        let open = |bytes: &[u8]| -> std::result::Result<Vec<u8>, String> {
            let d = age::Decryptor::new_buffered(bytes).map_err(|e| e.to_string())?;
            let mut r = d
                .decrypt(std::iter::once(&id as &dyn age::Identity))
                .map_err(|e| e.to_string())?;
            let mut out = Vec::new();
            r.read_to_end(&mut out).map_err(|e| e.to_string())?;
            Ok(out)
        };
        assert_eq!(open(&sealed).unwrap(), b"id,note\n1,a secret\n");
        let mut bad = sealed.clone();
        let last = bad.len() - 3;
        bad[last] ^= 1;
        assert!(open(&bad).is_err());
    }

    #[test]
    fn the_digest_is_of_the_set_of_keys_whatever_their_order_or_names() {
        let (_, a) = generate();
        let (_, b) = generate();
        let (_, c) = generate();
        let digest = |text: &str| Recipients::parse(text).unwrap().digest();
        let ab = digest(&format!("# alex\n{a}\n# sam\n{b}\n"));
        assert_eq!(ab, digest(&format!("{b}\n\n# whoever\n{a}\n{a}\n")));
        assert_ne!(
            ab,
            digest(&format!("{a}\n{c}\n")),
            "one replaced, same count"
        );
        assert_ne!(ab, digest(&format!("{a}\n")));
        assert_eq!(ab.len(), 32);
        // No digest in a header without one (age's own files).
        assert_eq!(
            digest_in(b"age-encryption.org/v1\n-> X25519 abc\nxyz\n--- mac\n"),
            None
        );
    }

    #[test]
    fn a_bad_recipients_line_is_named() {
        let err = Recipients::parse("# alex\nnot-a-key\n").err().unwrap();
        assert_eq!(err.kind, Kind::Data);
        assert!(
            err.message.starts_with(".age-recipients line 2:"),
            "{}",
            err.message
        );
    }

    #[test]
    fn settings_stay_plain_and_the_log_is_sealed() {
        assert!(is_sealed("log.csv"));
        assert!(is_sealed("goals.csv"));
        assert!(!is_sealed("settings.csv"));
        assert!(!is_sealed("notes.txt"));
    }
}
