//! Encryption at rest: two partners' keys in two config directories, one
//! shared data directory, and the age files read by the age tool too.

use std::fs;
use std::io::Read as _;
use std::path::{Path, PathBuf};
use std::str::FromStr as _;

use crate::harness::{Env, require_tool, tree};
use crate::keyholders::{config, couple, done, identity, temp};

/// Every file under the data directory and the temporary directory whose
/// bytes contain `needle`.
fn holding(env: &Env, needle: &str) -> Vec<PathBuf> {
    let mut files = tree(&env.data());
    files.extend(tree(&temp(env)));
    files
        .into_iter()
        .filter(|p| p.is_file())
        .filter(|p| {
            fs::read(p).is_ok_and(|b| b.windows(needle.len()).any(|w| w == needle.as_bytes()))
        })
        .collect()
}

/// alex: init, some words, on.
fn encrypted_by_alex(env: &Env) {
    done(env, "alex", &["crypt", "init"]);
    done(env, "alex", &["log", "care", "the blue scarf secret"]);
    done(env, "alex", &["goals", "add", "a hope afraid to say"]);
    done(env, "alex", &["crypt", "on"]);
}

fn age_decrypt(identity: &Path, file: &Path) -> String {
    let out = std::process::Command::new("age")
        .arg("--decrypt")
        .arg("-i")
        .arg(identity)
        .arg(file)
        .output()
        .expect("age runs");
    assert!(
        out.status.success(),
        "age -d {}: {}",
        file.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn two_partners_share_an_encrypted_dir_and_age_opens_it_with_either_key() {
    let env = Env::new();
    encrypted_by_alex(&env);
    done(
        &env,
        "alex",
        &["log", "talk", "--minutes", "20", "we spoke of the trip"],
    );
    assert!(env.file("log.csv").is_none() && env.file("goals.csv").is_none());
    assert!(env.file("log.csv.age").is_some() && env.file("goals.csv.age").is_some());
    done(&env, "sam", &["crypt", "init"]);
    // Before alex writes again, sam cannot read: exit 1, with what to do.
    let before = couple(&env, "sam", &["history"]);
    assert_eq!(before.code, 1, "{}", before.stderr);
    assert!(
        before.stderr.contains("this data is encrypted to"),
        "{}",
        before.stderr
    );
    assert!(
        before.stderr.contains("couple crypt init"),
        "{}",
        before.stderr
    );
    // One write by alex re-encrypts everything to both keys.
    done(&env, "alex", &["log", "care", "tea in bed"]);
    let history = done(&env, "sam", &["history"]);
    for words in [
        "the blue scarf secret",
        "we spoke of the trip",
        "tea in bed",
    ] {
        assert!(history.contains(words), "{words}: {history}");
    }
    assert!(done(&env, "sam", &["goals"]).contains("a hope afraid to say"));
    // Sam writes, alex reads.
    done(&env, "sam", &["log", "appreciation", "your patience"]);
    assert!(done(&env, "alex", &["history"]).contains("your patience"));
    let status = done(&env, "sam", &["crypt", "status"]);
    assert!(status.starts_with("encryption: on\n"), "{status}");
    assert!(
        status.contains("  alex  age1") && status.contains("  sam  age1"),
        "{status}"
    );
    assert!(status.contains("log.csv.age  encrypted"), "{status}");
    if !require_tool("age") {
        return;
    }
    for who in ["alex", "sam"] {
        let log = age_decrypt(&identity(&env, who), &env.path("log.csv.age"));
        assert!(log.starts_with("id,date,partner,kind"), "{log}");
        assert!(
            log.contains("your patience") && log.contains("tea in bed"),
            "{log}"
        );
        let goals = age_decrypt(&identity(&env, who), &env.path("goals.csv.age"));
        assert!(goals.contains("a hope afraid to say"), "{goals}");
    }
}

#[test]
#[cfg(unix)]
fn no_plaintext_in_the_data_dir_merged_or_temp_even_after_a_sigkill() {
    let env = Env::new();
    encrypted_by_alex(&env);
    // A log big enough that a write takes a while to kill in.
    for i in 0..30 {
        done(
            &env,
            "alex",
            &[
                "log",
                "care",
                &format!("whisper-{i} of the blue scarf secret"),
            ],
        );
    }
    for delay in [0u64, 2, 5, 10, 20, 40] {
        let mut cmd = env.std_command(&["log", "care", "killed mid-write secret"]);
        cmd.env("XDG_CONFIG_HOME", config(&env, "alex"))
            .env("TMPDIR", temp(&env))
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null());
        let mut child = cmd.spawn().unwrap();
        std::thread::sleep(std::time::Duration::from_millis(delay));
        let _ = child.kill();
        let _ = child.wait();
    }
    done(&env, "alex", &["log", "care", "after the kills"]);
    for needle in [
        "blue scarf",
        "afraid to say",
        "killed mid-write",
        "after the kills",
        "whisper-",
    ] {
        assert_eq!(holding(&env, needle), Vec::<PathBuf>::new(), "{needle}");
    }
    // And everything is still there.
    let history = done(&env, "alex", &["history"]);
    assert!(
        history.contains("whisper-29") && history.contains("after the kills"),
        "{history}"
    );
}

#[test]
fn a_flipped_byte_is_refused_with_65_naming_the_file_and_nothing_is_written() {
    let env = Env::new();
    encrypted_by_alex(&env);
    let path = env.path("log.csv.age");
    let mut bytes = fs::read(&path).unwrap();
    let at = bytes.len() - 10;
    bytes[at] ^= 0x01;
    fs::write(&path, &bytes).unwrap();
    let files = tree(&env.data());
    for args in [
        &["history"][..],
        &["log", "care", "more"],
        &["review"],
        &["export"],
    ] {
        let run = couple(&env, "alex", args);
        assert_eq!(run.code, 65, "{args:?}: {}", run.stderr);
        assert!(run.stderr.contains("log.csv.age"), "{}", run.stderr);
        assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
        assert_eq!(run.stdout, "", "{args:?}");
    }
    assert_eq!(fs::read(&path).unwrap(), bytes, "nothing written");
    assert_eq!(tree(&env.data()), files);
}

#[test]
fn a_machine_without_a_key_gets_exit_1_with_what_to_do() {
    let env = Env::new();
    encrypted_by_alex(&env);
    let run = couple(&env, "sam", &["log", "care", "x"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr.starts_with("couple: this data is encrypted to the keys in .age-recipients (alex); no key on this machine opens"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains("run `couple crypt init` and ask your partner to re-run any write"),
        "{}",
        run.stderr
    );
}

#[test]
#[cfg(unix)]
fn an_identity_others_can_read_is_refused() {
    use std::os::unix::fs::PermissionsExt;
    let env = Env::new();
    encrypted_by_alex(&env);
    fs::set_permissions(identity(&env, "alex"), fs::Permissions::from_mode(0o644)).unwrap();
    let run = couple(&env, "alex", &["history"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr.contains("can be read by others (mode 644)"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("hint: chmod 600"), "{}", run.stderr);
    assert!(fs::metadata(config(&env, "sam")).is_err());
    done(&env, "sam", &["crypt", "init"]);
    let mode = fs::metadata(identity(&env, "sam"))
        .unwrap()
        .permissions()
        .mode();
    assert_eq!(mode & 0o777, 0o600);
}

#[test]
fn conflict_copies_of_encrypted_files_are_folded_with_nothing_lost() {
    let env = Env::new();
    encrypted_by_alex(&env);
    let path = env.path("log.csv.age");
    let older = fs::read(&path).unwrap();
    done(&env, "alex", &["log", "care", "only in the copy"]);
    // The newer version became the conflict copy; the main file is older.
    fs::rename(
        &path,
        env.path("log.sync-conflict-20261125-101010-ABCDEF7.csv.age"),
    )
    .unwrap();
    fs::write(&path, older).unwrap();
    // Readers take the copy in already.
    assert!(done(&env, "alex", &["history"]).contains("only in the copy"));
    done(&env, "alex", &["log", "care", "after the fold"]);
    assert!(
        env.file("log.sync-conflict-20261125-101010-ABCDEF7.csv.age")
            .is_none()
    );
    let history = done(&env, "alex", &["history"]);
    for words in [
        "the blue scarf secret",
        "only in the copy",
        "after the fold",
    ] {
        assert!(history.contains(words), "{words}: {history}");
    }
    assert!(
        env.path(".merged/log.sync-conflict-20261125-101010-ABCDEF7.csv.age")
            .exists()
    );
    assert_eq!(holding(&env, "only in the copy"), Vec::<PathBuf>::new());
}

#[test]
fn crypt_off_brings_plain_csv_back() {
    let env = Env::new();
    encrypted_by_alex(&env);
    done(&env, "alex", &["crypt", "off"]);
    assert!(env.file("log.csv.age").is_none());
    assert!(
        env.file("log.csv")
            .unwrap()
            .contains("the blue scarf secret")
    );
    assert!(
        env.file("goals.csv")
            .unwrap()
            .contains("a hope afraid to say")
    );
    done(&env, "alex", &["log", "care", "plain again"]);
    assert!(env.file("log.csv").unwrap().contains("plain again"));
    assert!(done(&env, "alex", &["crypt", "status"]).starts_with("encryption: off\n"));
}

#[test]
fn a_backup_key_opens_every_file() {
    let env = Env::new();
    let backup = age::x25519::Identity::generate();
    let public = backup.to_public().to_string();
    done(&env, "alex", &["crypt", "init", "--backup", &public]);
    done(&env, "alex", &["log", "care", "for the paper key"]);
    done(&env, "alex", &["crypt", "on"]);
    let bytes = fs::read(env.path("log.csv.age")).unwrap();
    let plain = open_with(&backup, &bytes);
    assert!(plain.contains("for the paper key"), "{plain}");
    let bad = couple(&env, "alex", &["crypt", "init", "--backup", "age1nope"]);
    assert_eq!(bad.code, 2, "{}", bad.stderr);
}

fn open_with(identity: &age::x25519::Identity, bytes: &[u8]) -> String {
    let decryptor = age::Decryptor::new_buffered(bytes).unwrap();
    let mut reader = decryptor
        .decrypt(std::iter::once(identity as &dyn age::Identity))
        .unwrap();
    let mut out = String::new();
    reader.read_to_string(&mut out).unwrap();
    out
}

#[test]
fn a_passphrase_protected_key_fails_clearly_without_a_terminal() {
    let env = Env::new();
    encrypted_by_alex(&env);
    // alex's key, now protected by a passphrase (as `age -p` would).
    let text = fs::read_to_string(identity(&env, "alex")).unwrap();
    let secret = text
        .lines()
        .find(|l| l.starts_with("AGE-SECRET-KEY-"))
        .unwrap();
    assert!(age::x25519::Identity::from_str(secret).is_ok());
    let encryptor = age::Encryptor::with_user_passphrase(age::secrecy::SecretString::from(
        "hunter2".to_string(),
    ));
    let mut sealed = Vec::new();
    let mut writer = encryptor.wrap_output(&mut sealed).unwrap();
    std::io::Write::write_all(&mut writer, text.as_bytes()).unwrap();
    writer.finish().unwrap();
    fs::write(identity(&env, "alex"), &sealed).unwrap();
    let run = couple(&env, "alex", &["history"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("is protected by a passphrase, and there is no terminal to ask it on"),
        "{}",
        run.stderr
    );
}
