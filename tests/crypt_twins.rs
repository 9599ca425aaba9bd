//! With encryption on, the other versions of a file a sync tool leaves
//! about: a plain `log.csv` beside `log.csv.age` (from a machine not yet
//! on `crypt on`), the names Syncthing and Dropbox give copies of `.age`
//! files, plain copies folded after `crypt on`, and a data file that is a
//! symbolic link. Nothing is lost, nothing stays in plain text.

use std::fs;
use std::io::Read as _;
use std::path::{Path, PathBuf};
use std::str::FromStr as _;

use crate::harness::{Env, Run, run, tree};

const HEADER: &str = "id,date,partner,kind,minutes,mood,prompt,note,logged_at\n";
const SAMS_ROW: &str = "sam1234567,2026-11-24,sam,care,,,,sams row from the other machine,2026-11-25T09:00:00.000+00:00\n";
const SAMS_NOTE: &str = "sams row from the other machine";

/// `couple ARGS` with this machine's config and state in the sandbox.
fn couple(env: &Env, args: &[&str]) -> Run {
    let mut cmd = env.std_command(args);
    cmd.env("XDG_CONFIG_HOME", env.home().join("config"))
        .env("XDG_STATE_HOME", env.home().join("state"));
    run(assert_cmd::Command::from_std(cmd))
}

#[track_caller]
fn ok(env: &Env, args: &[&str]) -> String {
    let run = couple(env, args);
    assert_eq!(run.code, 0, "{args:?}: {}", run.stderr);
    assert_eq!(run.stderr, "", "{args:?}");
    run.stdout
}

/// alex: `crypt init; log care a; crypt on`.
fn encrypted(env: &Env) {
    ok(env, &["-q", "crypt", "init"]);
    ok(env, &["log", "care", "a"]);
    ok(env, &["-q", "crypt", "on"]);
}

/// The plaintext of an age file, opened with this machine's key.
fn open(env: &Env, file: &Path) -> String {
    let text = fs::read_to_string(env.home().join("config/couple/identity.txt")).unwrap();
    let secret = text
        .lines()
        .find(|l| l.starts_with("AGE-SECRET-KEY-"))
        .unwrap();
    let identity = age::x25519::Identity::from_str(secret).unwrap();
    let bytes = fs::read(file).unwrap();
    let decryptor = age::Decryptor::new_buffered(&bytes[..])
        .unwrap_or_else(|e| panic!("{}: {e}", file.display()));
    let mut reader = decryptor
        .decrypt(std::iter::once(&identity as &dyn age::Identity))
        .unwrap();
    let mut out = String::new();
    reader.read_to_string(&mut out).unwrap();
    out
}

/// Every file under the data directory whose bytes hold `needle`.
#[track_caller]
fn assert_nowhere_in_plain_text(env: &Env, needle: &str) {
    let holding: Vec<PathBuf> = tree(&env.data())
        .into_iter()
        .filter(|p| p.is_file())
        .filter(|p| {
            fs::read(p).is_ok_and(|b| b.windows(needle.len()).any(|w| w == needle.as_bytes()))
        })
        .collect();
    assert_eq!(holding, Vec::<PathBuf>::new(), "{needle:?} in plain text");
}

/// The files in the data directory and `.merged/`, by name.
fn listing(env: &Env) -> Vec<String> {
    tree(&env.data())
        .into_iter()
        .filter(|p| p.is_file())
        .map(|p| p.strip_prefix(env.data()).unwrap().display().to_string())
        .collect()
}

#[test]
fn a_plain_log_beside_the_encrypted_one_is_read_folded_and_kept_encrypted() {
    let env = Env::new();
    encrypted(&env);
    // Syncthing brings back the log the other machine, not yet on crypt,
    // appended to.
    env.write("log.csv", format!("{HEADER}{SAMS_ROW}"));
    // Readers take it in already.
    assert!(ok(&env, &["export"]).contains(SAMS_NOTE));
    ok(&env, &["log", "care", "b"]);
    assert!(env.file("log.csv").is_none(), "the plain file is gone");
    let log = open(&env, &env.path("log.csv.age"));
    assert!(log.contains(SAMS_NOTE), "folded in: {log}");
    assert!(log.contains(",care,,,,b,"), "{log}");
    // Kept in .merged/, encrypted.
    assert!(open(&env, &env.path(".merged/log.csv.age")).contains(SAMS_NOTE));
    assert_nowhere_in_plain_text(&env, SAMS_NOTE);
    let export = ok(&env, &["export"]);
    assert_eq!(export.matches(SAMS_NOTE).count(), 1, "{export}");
}

#[test]
fn a_plain_goals_and_removed_beside_their_encrypted_ones_are_folded() {
    let env = Env::new();
    encrypted(&env);
    ok(&env, &["goals", "add", "learn to dance"]);
    let undone = ok(&env, &["log", "care", "taken back"]).trim().to_string();
    ok(&env, &["-q", "log", "--undo"]);
    assert!(env.path("goals.csv.age").exists() && env.path("removed.csv.age").exists());
    env.write(
        "goals.csv",
        "id,title,horizon,status,owner,due,created,closed,note,updated_at\nsamgoal01,a secret trip to Lisbon,year,open,us,,2026-11-24,,,2026-11-24T09:00:00.000+00:00\n",
    );
    // The other machine still had the undone entry, and undid another.
    env.write(
        "log.csv",
        format!("{HEADER}{SAMS_ROW}{undone},2026-11-25,alex,care,,,,taken back,2026-11-25T09:00:00.000+00:00\nsam7654321,2026-11-24,sam,care,,,,undone over there,2026-11-25T09:00:00.000+00:00\n"),
    );
    env.write(
        "removed.csv",
        "id,removed_at\nsam7654321,2026-11-25T10:00:00.000+00:00\n",
    );
    let goals = ok(&env, &["goals", "list"]);
    assert!(goals.contains("a secret trip to Lisbon") && goals.contains("learn to dance"));
    let export = ok(&env, &["export"]);
    assert!(export.contains(SAMS_NOTE), "{export}");
    assert!(!export.contains("taken back") && !export.contains("undone over there"));
    // Any write folds them all: the plain goals.csv does not wait for a
    // goals write.
    ok(&env, &["log", "care", "c"]);
    assert!(env.file("goals.csv").is_none());
    ok(&env, &["goals", "add", "plant a tree"]);
    for plain in ["goals.csv", "log.csv", "removed.csv"] {
        assert!(env.file(plain).is_none(), "{plain} is still there");
    }
    let goals = open(&env, &env.path("goals.csv.age"));
    for title in ["a secret trip to Lisbon", "learn to dance", "plant a tree"] {
        assert!(goals.contains(title), "{title}: {goals}");
    }
    assert!(open(&env, &env.path("removed.csv.age")).contains("sam7654321"));
    let export = ok(&env, &["export"]);
    assert!(export.contains(SAMS_NOTE), "{export}");
    assert!(!export.contains("taken back") && !export.contains("undone over there"));
    for words in ["a secret trip to Lisbon", SAMS_NOTE, "undone over there"] {
        assert_nowhere_in_plain_text(&env, words);
    }
}

#[test]
fn a_plain_log_beside_the_encrypted_one_that_does_not_parse_is_refused_with_65_and_nothing_written()
{
    let env = Env::new();
    encrypted(&env);
    let bad = format!("{HEADER}{}", SAMS_ROW.replace("2026-11-24", "2026-13-24"));
    env.write("log.csv", &bad);
    let before = listing(&env);
    let sealed = env.file_bytes("log.csv.age").unwrap();
    for args in [
        &["log", "care", "b"][..],
        &["export"],
        &["crypt", "on"],
        &["crypt", "off"],
    ] {
        let run = couple(&env, args);
        assert_eq!(run.code, 65, "{args:?}: {}", run.stderr);
        assert_eq!(run.stdout, "", "{args:?}");
        assert!(
            run.stderr.starts_with(
                "couple: log.csv (plain, beside log.csv.age) line 2: column date: \"2026-13-24\""
            ),
            "{args:?}: {}",
            run.stderr
        );
        assert_eq!(listing(&env), before, "{args:?}: nothing written");
        assert_eq!(env.file_bytes("log.csv.age").unwrap(), sealed);
        assert_eq!(env.file("log.csv").unwrap(), bad);
    }
}

#[test]
fn crypt_off_and_on_fold_a_plain_log_beside_the_encrypted_one_instead_of_overwriting_it() {
    let env = Env::new();
    encrypted(&env);
    env.write("log.csv", format!("{HEADER}{SAMS_ROW}"));
    ok(&env, &["-q", "crypt", "on"]);
    assert!(env.file("log.csv").is_none());
    assert!(open(&env, &env.path("log.csv.age")).contains(SAMS_NOTE));
    assert_nowhere_in_plain_text(&env, SAMS_NOTE);

    let other = SAMS_ROW
        .replace("sam1234567", "sam7654321")
        .replace("sams row", "sams second row");
    env.write("log.csv", format!("{HEADER}{other}"));
    ok(&env, &["-q", "crypt", "off"]);
    let log = env.file("log.csv").unwrap();
    assert!(
        log.contains(SAMS_NOTE) && log.contains("sams second row") && log.contains(",care,,,,a,"),
        "{log}"
    );
    assert!(env.file("log.csv.age").is_none());
}

#[test]
fn the_names_syncthing_and_dropbox_give_copies_of_age_files_are_read_and_folded() {
    let env = Env::new();
    encrypted(&env);
    ok(&env, &["goals", "add", "learn to dance"]);
    let log_v0 = env.file_bytes("log.csv.age").unwrap();
    let goals_v0 = env.file_bytes("goals.csv.age").unwrap();
    ok(&env, &["log", "care", "only in the syncthing copy"]);
    ok(&env, &["goals", "add", "only in the dropbox copy"]);
    let log_v1 = env.file_bytes("log.csv.age").unwrap();
    let goals_v1 = env.file_bytes("goals.csv.age").unwrap();
    fs::write(env.path("log.csv.age"), &log_v0).unwrap();
    ok(&env, &["log", "care", "only in the dropbox log copy"]);
    let log_v2 = env.file_bytes("log.csv.age").unwrap();
    // The newer versions became conflict copies, named as the sync tools
    // name a copy of NAME.csv.age (the marker before the last
    // extension); the main files are the older ones.
    let copies = [
        ("log.csv.sync-conflict-20261125-211530-7QXK2LD.age", log_v1),
        ("log.csv (Sam's conflicted copy 2026-11-25).age", log_v2),
        ("goals.csv (Sam's conflicted copy 2026-11-25).age", goals_v1),
    ];
    for (name, bytes) in &copies {
        fs::write(env.path(name), bytes).unwrap();
    }
    fs::write(env.path("log.csv.age"), &log_v0).unwrap();
    fs::write(env.path("goals.csv.age"), &goals_v0).unwrap();
    // Readers see every copy's entries.
    let export = ok(&env, &["export"]);
    assert!(export.contains("only in the syncthing copy"), "{export}");
    assert!(export.contains("only in the dropbox log copy"), "{export}");
    assert!(ok(&env, &["goals", "list"]).contains("only in the dropbox copy"));
    // The next writes fold them and keep them in .merged/.
    ok(&env, &["log", "care", "after the fold"]);
    ok(&env, &["goals", "add", "after the goals fold"]);
    for (name, _) in &copies {
        assert!(env.file(name).is_none(), "{name} is still there");
        assert!(env.path(".merged").join(name).exists(), "{name} not kept");
    }
    let log = open(&env, &env.path("log.csv.age"));
    for note in [
        ",a,",
        "only in the syncthing copy",
        "only in the dropbox log copy",
        "after the fold",
    ] {
        assert_eq!(log.matches(note).count(), 1, "{note}: {log}");
    }
    let goals = open(&env, &env.path("goals.csv.age"));
    for title in [
        "learn to dance",
        "only in the dropbox copy",
        "after the goals fold",
    ] {
        assert_eq!(goals.matches(title).count(), 1, "{title}: {goals}");
    }
}

#[test]
fn a_plain_conflict_copy_folded_after_crypt_on_is_kept_encrypted() {
    let env = Env::new();
    encrypted(&env);
    let copy = "log.sync-conflict-20261125-211530-7QXK2LD.csv";
    env.write(copy, format!("{HEADER}{SAMS_ROW}"));
    ok(&env, &["log", "care", "b"]);
    assert!(env.file(copy).is_none());
    assert!(!env.path(".merged").join(copy).exists());
    let kept = env.path(".merged").join(format!("{copy}.age"));
    assert!(open(&env, &kept).contains(SAMS_NOTE));
    assert!(open(&env, &env.path("log.csv.age")).contains(SAMS_NOTE));
    assert_nowhere_in_plain_text(&env, SAMS_NOTE);
}

#[test]
fn crypt_on_refuses_a_data_file_that_is_a_symbolic_link_and_changes_nothing() {
    let env = Env::new();
    ok(&env, &["-q", "crypt", "init"]);
    ok(&env, &["log", "care", "a secret in the linked file"]);
    let real = env.home().join("elsewhere.csv");
    fs::rename(env.path("log.csv"), &real).unwrap();
    std::os::unix::fs::symlink(&real, env.path("log.csv")).unwrap();
    let content = fs::read(&real).unwrap();
    let run = couple(&env, &["crypt", "on"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_eq!(run.stdout, "");
    let lines: Vec<&str> = run.stderr.lines().collect();
    assert_eq!(lines.len(), 2, "{}", run.stderr);
    assert_eq!(
        lines[0],
        format!(
            "couple: {} is a symbolic link (to {}): refusing to encrypt through it, which would leave that file in plain text",
            env.path("log.csv").display(),
            real.display()
        )
    );
    assert!(lines[1].starts_with("hint: "));
    assert!(
        fs::symlink_metadata(env.path("log.csv"))
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert_eq!(fs::read(&real).unwrap(), content);
    assert!(!env.path("log.csv.age").exists());
    // With encryption on, a link planted later is refused by every write.
    fs::remove_file(env.path("log.csv")).unwrap();
    fs::rename(&real, env.path("log.csv")).unwrap();
    ok(&env, &["-q", "crypt", "on"]);
    std::os::unix::fs::symlink(&real, env.path("goals.csv")).unwrap();
    fs::write(&real, "id,title\n").unwrap();
    let run = couple(&env, &["log", "care", "b"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr.contains("goals.csv is a symbolic link"),
        "{}",
        run.stderr
    );
}

#[test]
fn crypt_status_names_what_is_plain_text_with_encryption_on() {
    let env = Env::new();
    encrypted(&env);
    assert!(!ok(&env, &["crypt", "status"]).contains("plain text"));
    env.write("log.csv", format!("{HEADER}{SAMS_ROW}"));
    env.write(
        "log.sync-conflict-20261125-211530-7QXK2LD.csv",
        format!("{HEADER}{SAMS_ROW}"),
    );
    fs::create_dir_all(env.path(".merged")).unwrap();
    {
        use std::os::unix::fs::PermissionsExt as _;
        fs::set_permissions(env.path(".merged"), fs::Permissions::from_mode(0o700)).unwrap();
    }
    env.write(".merged/goals.sync-conflict-1.csv", "id,title\n");
    let run = couple(&env, &["crypt", "status"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout.contains(
            "plain text, though encryption is on:\n  .merged/goals.sync-conflict-1.csv\n  log.csv\n  log.sync-conflict-20261125-211530-7QXK2LD.csv\n"
        ) || run.stdout.contains(
            "plain text, though encryption is on:\n  log.csv\n  log.sync-conflict-20261125-211530-7QXK2LD.csv\n  .merged/goals.sync-conflict-1.csv\n"
        ),
        "{}",
        run.stdout
    );
    assert_eq!(
        run.stderr,
        "couple: warning: 3 files are in plain text in the data directory though encryption is on\nhint: `couple crypt on` encrypts them (a plain log.csv, goals.csv or removed.csv beside its .age file is folded in first)\n"
    );
    // `crypt on` encrypts them all, folding the log's.
    ok(&env, &["-q", "crypt", "on"]);
    let run = couple(&env, &["crypt", "status"]);
    assert!(!run.stdout.contains("plain text"), "{}", run.stdout);
    assert_eq!(run.stderr, "");
    assert_nowhere_in_plain_text(&env, SAMS_NOTE);
    assert!(open(&env, &env.path("log.csv.age")).contains(SAMS_NOTE));
}

#[test]
fn export_refuses_to_overwrite_a_conflict_copy_of_an_age_file() {
    let env = Env::new();
    encrypted(&env);
    for name in [
        "log.csv.sync-conflict-20261125-211530-7QXK2LD.age",
        "log.csv (Sam's conflicted copy 2026-11-25).age",
        "Goals.CSV.sync-conflict-20261125-211530-7QXK2LD.age",
    ] {
        let target = env.path(name).display().to_string();
        let run = couple(&env, &["export", "-o", &target]);
        assert_eq!(run.code, 2, "{name}: {}", run.stderr);
        assert!(
            run.stderr.contains("refusing to overwrite it"),
            "{name}: {}",
            run.stderr
        );
        assert!(!env.path(name).exists(), "{name}");
    }
}
