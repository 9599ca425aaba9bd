//! Encryption at rest where two machines' versions meet: git's merge
//! driver on `*.csv.age`, conflict folding that keeps overwritten goal
//! values in `.merged/`, a SIGKILL in the middle of those writes, and a key
//! replaced by another.

use std::fs;
use std::io::Read as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use crate::harness::{Env, Run, allowed_here, require_tool, run, tree};
use crate::keyholders::{command_in, config, couple, identity, ok, temp};

/// A sync-conflict copy's name, as Syncthing gives it.
const GOALS_COPY: &str = "goals.sync-conflict-20261125-101010-ABCDEF7.csv.age";
const LOG_COPY: &str = "log.sync-conflict-20261125-101010-ABCDEF7.csv.age";

/// `grep -rlF NEEDLE` over the data directory and the temporary directory:
/// the files holding it (none, when grep exits 1).
fn grep(env: &Env, roots: &[PathBuf], needle: &str) -> Vec<String> {
    let out = Command::new("grep")
        .arg("-rlF")
        .arg("--")
        .arg(needle)
        .args(roots)
        .arg(temp(env))
        .output()
        .expect("grep runs");
    assert!(
        out.status.code() == Some(0) || out.status.code() == Some(1),
        "grep failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(str::to_string)
        .collect()
}

#[track_caller]
fn assert_no_plaintext(env: &Env, roots: &[PathBuf], needles: &[&str], when: &str) {
    for needle in needles {
        assert_eq!(
            grep(env, roots, needle),
            Vec::<String>::new(),
            "{when}: {needle:?} found in plain text"
        );
    }
}

/// The plaintext of an age file, opened with `who`'s key.
fn open_as(env: &Env, who: &str, file: &Path) -> Result<String, String> {
    let text = fs::read_to_string(identity(env, who)).unwrap();
    let key: age::x25519::Identity = text
        .lines()
        .find(|l| l.starts_with("AGE-SECRET-KEY-"))
        .unwrap()
        .parse()
        .unwrap();
    let bytes = fs::read(file).map_err(|e| e.to_string())?;
    let decryptor = age::Decryptor::new_buffered(&bytes[..]).map_err(|e| e.to_string())?;
    let mut reader = decryptor
        .decrypt(std::iter::once(&key as &dyn age::Identity))
        .map_err(|e| e.to_string())?;
    let mut out = String::new();
    reader.read_to_string(&mut out).map_err(|e| e.to_string())?;
    Ok(out)
}

/// The age tool opens `file` with `who`'s key, giving its plaintext.
fn age_opens(env: &Env, who: &str, file: &Path) -> String {
    let out = Command::new("age")
        .arg("--decrypt")
        .arg("-i")
        .arg(identity(env, who))
        .arg(file)
        .output()
        .expect("age runs");
    assert!(
        out.status.success(),
        "age -d {} as {who}: {}",
        file.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// Every `.age` file under `dir`.
fn age_files(dir: &Path) -> Vec<PathBuf> {
    tree(dir)
        .into_iter()
        .filter(|p| p.is_file() && p.to_string_lossy().ends_with(".age"))
        .collect()
}

// ---------------------------------------------------------------- git

/// Two clones of one bare repository holding an encrypted data directory,
/// set up as the README says.
struct Clones {
    env: Env,
}

impl Clones {
    fn dir(&self, machine: &str) -> PathBuf {
        self.env.home().join(machine)
    }

    #[track_caller]
    fn git(&self, machine: &str, args: &[&str]) -> Output {
        let dir = if machine.is_empty() {
            self.env.home().to_path_buf()
        } else {
            self.dir(machine)
        };
        let out = Command::new("git")
            .env_clear()
            .envs(self.env.vars("nobody"))
            // The driver runs with git's environment: this machine's key.
            .env("XDG_CONFIG_HOME", config(&self.env, machine))
            .env("TMPDIR", temp(&self.env))
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env("GIT_TERMINAL_PROMPT", "0")
            .current_dir(dir)
            .args(args)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "git {args:?} on {machine}: {}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        out
    }

    fn setup(&self, machine: &str) {
        use std::os::unix::fs::PermissionsExt;
        fs::set_permissions(self.dir(machine), fs::Permissions::from_mode(0o700)).unwrap();
        let driver = format!("{} merge-driver %O %A %B %P", env!("CARGO_BIN_EXE_couple"));
        for (key, value) in [
            ("user.name", machine),
            ("user.email", &format!("{machine}@example.org")),
            ("merge.couple.name", "couple's merge of its data files"),
            ("merge.couple.driver", &driver),
            ("pull.rebase", "false"),
        ] {
            self.git(machine, &["config", key, value]);
        }
    }

    #[track_caller]
    fn couple(&self, machine: &str, args: &[&str]) -> String {
        let out = command_in(&self.env, &self.dir(machine), machine, args)
            .output()
            .unwrap();
        assert!(
            out.status.success() && out.stderr.is_empty(),
            "couple {args:?} on {machine}: {out:?}"
        );
        String::from_utf8(out.stdout).unwrap()
    }

    #[track_caller]
    fn commit(&self, machine: &str, message: &str) {
        self.git(machine, &["add", "-A"]);
        self.git(machine, &["commit", "-q", "-m", message]);
    }

    #[track_caller]
    fn push(&self, machine: &str) {
        self.git(machine, &["push", "-q", "origin", "main"]);
    }

    #[track_caller]
    fn pull(&self, machine: &str) -> Output {
        self.git(machine, &["pull", "-q", "--no-edit", "origin", "main"])
    }

    /// Alex's clone holds an encrypted data directory (the README's
    /// .gitattributes, with `*.csv.age`); Sam's clone joins with its key and
    /// alex writes once for it. Returns the clones and a goal's id.
    fn encrypted_for_both() -> (Self, String) {
        let clones = Clones { env: Env::new() };
        clones.git("", &["init", "--bare", "-q", "-b", "main", "shared.git"]);
        clones.git("", &["clone", "-q", "shared.git", "alex"]);
        clones.setup("alex");
        let alex = clones.dir("alex");
        // The README's lines, with the encrypted files.
        fs::write(
            alex.join(".gitattributes"),
            "log.csv merge=couple\ngoals.csv merge=couple\nremoved.csv merge=couple\n*.csv.age merge=couple\n",
        )
        .unwrap();
        fs::write(alex.join(".gitignore"), ".lock\n.couple-tmp-*\n.merged/\n").unwrap();
        clones.couple("alex", &["-q", "crypt", "init"]);
        clones.couple("alex", &["log", "care", "tea in bed, whispered"]);
        let goal = clones.couple("alex", &["goals", "add", "Learn to tango in secret"]);
        clones.couple("alex", &["-q", "crypt", "on"]);
        clones.commit("alex", "our rituals, encrypted");
        clones.push("alex");
        // Sam's machine joins: its key, then one write of alex's for it.
        clones.git("", &["clone", "-q", "shared.git", "sam"]);
        clones.setup("sam");
        let init = command_in(
            &clones.env,
            &clones.dir("sam"),
            "sam",
            &["-q", "crypt", "init"],
        )
        .output()
        .unwrap();
        assert!(init.status.success(), "{init:?}");
        clones.commit("sam", "sam's key");
        clones.push("sam");
        clones.pull("alex");
        clones.couple("alex", &["log", "appreciation", "for both of us"]);
        clones.commit("alex", "now for both");
        clones.push("alex");
        clones.pull("sam");
        let goal = goal.trim().to_string();
        (clones, goal)
    }

    fn is_clean(&self, machine: &str) -> bool {
        self.git(machine, &["status", "--porcelain"])
            .stdout
            .is_empty()
    }
}

/// `couple merge-driver ARGS` as `who`, run as git runs it: at the top of
/// the work tree (here, the data dir).
fn driver(env: &Env, who: &str, args: &[&str]) -> Run {
    let mut cmd = command_in(env, &env.data(), who, &[&["merge-driver"], args].concat());
    cmd.current_dir(env.data());
    run(assert_cmd::Command::from_std(cmd))
}

#[test]
#[cfg(unix)]
fn git_merges_encrypted_files_through_the_driver_and_only_ciphertext_reaches_the_disk() {
    if !require_tool("git") {
        return;
    }
    let (clones, goal) = Clones::encrypted_for_both();
    let goal = goal.as_str();

    // Each changes the goal (the note on both) and logs, without syncing.
    clones.couple("alex", &["-q", "goals", "done", goal]);
    clones.couple(
        "alex",
        &["-q", "goals", "edit", goal, "--note", "Thursdays with Ana"],
    );
    let alex_talk = clones.couple(
        "alex",
        &["log", "talk", "--minutes", "15", "the move, quietly"],
    );
    clones.commit("alex", "alex's evening");
    clones.push("alex");
    clones.couple("sam", &["-q", "goals", "edit", goal, "--due", "2027-03-01"]);
    clones.couple(
        "sam",
        &[
            "-q",
            "goals",
            "edit",
            goal,
            "--note",
            "Tuesdays at the hall",
        ],
    );
    let sam_care = clones.couple("sam", &["log", "care", "a note in the bag"]);
    clones.commit("sam", "sam's evening");

    let pull = clones.pull("sam");
    let stderr = String::from_utf8_lossy(&pull.stderr);
    assert!(
        stderr.contains("note was changed on both machines; kept \"Tuesdays at the hall\"")
            && stderr.contains("overwrote \"Thursdays with Ana\"")
            && stderr.contains(
                "hint: the overwritten value is kept in .merged/goals-overwritten.csv.age"
            ),
        "{stderr}"
    );
    assert!(clones.is_clean("sam"), "the merge needed no hand");
    clones.push("sam");
    clones.pull("alex");

    for machine in ["alex", "sam"] {
        let goals = clones.couple(
            machine,
            &["goals", "list", "--status", "all", "--format", "json"],
        );
        let goals: serde_json::Value = serde_json::from_str(&goals).unwrap();
        let g = &goals[0];
        assert_eq!(
            (&g["status"], &g["note"], &g["due"]),
            (
                &serde_json::json!("done"),
                &serde_json::json!("Tuesdays at the hall"),
                &serde_json::json!("2027-03-01")
            ),
            "{machine}: {g}"
        );
        let history = clones.couple(machine, &["export", "--raw"]);
        for id in [alex_talk.trim(), sam_care.trim()] {
            assert!(history.contains(id), "{machine}: {id}: {history}");
        }
        assert!(history.contains("tea in bed, whispered"), "{history}");
        assert_eq!(history.lines().count(), 5, "{machine}: {history}");
        let dir = clones.dir(machine);
        assert!(!dir.join("log.csv").exists() && !dir.join("goals.csv").exists());
    }
    // What git committed is ciphertext, and each key opens it.
    let committed = clones.git("sam", &["show", "HEAD:goals.csv.age"]).stdout;
    assert!(committed.starts_with(b"age-encryption.org/v1\n"));
    let sam = clones.dir("sam");
    for who in ["alex", "sam"] {
        let goals = open_as(&clones.env, who, &sam.join("goals.csv.age")).unwrap();
        assert!(goals.contains("Tuesdays at the hall"), "{goals}");
        let kept = open_as(
            &clones.env,
            who,
            &sam.join(".merged/goals-overwritten.csv.age"),
        )
        .unwrap();
        assert!(kept.contains(",note,Tuesdays at the hall,"), "{kept}");
        assert!(kept.contains(",Thursdays with Ana,"), "{kept}");
    }
    assert!(!sam.join(".merged/goals-overwritten.csv").exists());
    // No plaintext anywhere on either machine, nor in the temporary directory.
    let roots = [clones.dir("alex"), clones.dir("sam")];
    assert_no_plaintext(
        &clones.env,
        &roots,
        &[
            "tea in bed",
            "Learn to tango",
            "Thursdays with Ana",
            "Tuesdays at the hall",
            "the move, quietly",
            "a note in the bag",
        ],
        "after the merge",
    );
}

#[test]
fn the_driver_without_a_key_that_opens_the_versions_exits_1_and_writes_nothing() {
    let env = Env::new();
    ok(&env, "alex", &["-q", "crypt", "init"]);
    ok(&env, "alex", &["log", "care", "a secret"]);
    ok(&env, "alex", &["-q", "crypt", "on"]);
    let sealed = env.file_bytes("log.csv.age").unwrap();
    for name in ["o", "a", "b"] {
        fs::write(env.path(name), &sealed).unwrap();
    }
    let before = tree(&env.data());
    let out = driver(&env, "sam", &["o", "a", "b", "log.csv.age"]);
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert_eq!(
        out.stderr,
        "couple: this data is encrypted to the keys in .age-recipients (alex); no key on this machine opens log.csv.age (the common ancestor)\n\
         hint: run `couple crypt init` and ask your partner to re-run any write (a `couple log`), which encrypts to your key too\n"
    );
    assert_eq!(fs::read(env.path("a")).unwrap(), sealed, "ours untouched");
    assert_eq!(tree(&env.data()), before, "nothing written");
}

#[test]
fn the_driver_merges_another_encrypted_file_when_one_side_changed_what_it_holds() {
    let env = Env::new();
    ok(&env, "alex", &["-q", "crypt", "init"]);
    ok(&env, "alex", &["log", "care", "a secret"]);
    ok(&env, "alex", &["-q", "crypt", "on"]);
    let recipients = fs::read_to_string(env.path(".age-recipients")).unwrap();
    let key = recipients.lines().find(|l| l.starts_with("age1")).unwrap();
    let seal = |text: &str| -> Vec<u8> {
        let to: age::x25519::Recipient = key.parse().unwrap();
        age::encrypt(&to, text.as_bytes()).unwrap()
    };
    let base = "id,theme,depth,text\nmine-1,play,light,Why?\n";
    let theirs = "id,theme,depth,text\nmine-1,play,light,Why?\nmine-2,play,light,Where to?\n";
    // Ours holds the same as the ancestor, re-encrypted.
    fs::write(env.path("o"), seal(base)).unwrap();
    fs::write(env.path("a"), seal(base)).unwrap();
    fs::write(env.path("b"), seal(theirs)).unwrap();
    let out = driver(&env, "alex", &["o", "a", "b", "prompts.csv.age"]);
    assert_eq!((out.code, out.stderr.as_str()), (0, ""));
    let merged = env.path("a");
    assert!(
        fs::read(&merged)
            .unwrap()
            .starts_with(b"age-encryption.org/v1\n")
    );
    assert_eq!(open_as(&env, "alex", &merged).unwrap(), theirs);
    // Both changed it: a conflict for git, ours as it was.
    fs::write(env.path("a"), seal("id,theme,depth,text\n")).unwrap();
    let ours = fs::read(env.path("a")).unwrap();
    let out = driver(&env, "alex", &["o", "a", "b", "prompts.csv.age"]);
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert!(
        out.stderr
            .starts_with("couple: prompts.csv.age: both sides changed it differently"),
        "{}",
        out.stderr
    );
    assert_eq!(fs::read(env.path("a")).unwrap(), ours);
}

// ------------------------------------------------- .merged and SIGKILL

/// An encrypted data directory where a goal's note was changed on two
/// machines: goals.csv.age holds the later note, a Syncthing copy the
/// earlier. Returns the goal's id.
fn goal_changed_on_two_machines(env: &Env) -> String {
    ok(env, "alex", &["-q", "crypt", "init"]);
    let goal = ok(env, "alex", &["goals", "add", "Learn to tango in secret"]);
    ok(env, "alex", &["log", "care", "tea in bed, whispered"]);
    ok(env, "alex", &["-q", "crypt", "on"]);
    let goal = goal.trim().to_string();
    let start = env.file_bytes("goals.csv.age").unwrap();
    ok(
        env,
        "alex",
        &[
            "-q",
            "goals",
            "edit",
            &goal,
            "--note",
            "Tuesdays at the hall",
        ],
    );
    let earlier = env.file_bytes("goals.csv.age").unwrap();
    fs::write(env.path("goals.csv.age"), start).unwrap();
    ok(
        env,
        "alex",
        &["-q", "goals", "edit", &goal, "--note", "Thursdays with Ana"],
    );
    fs::write(env.path(GOALS_COPY), earlier).unwrap();
    goal
}

const WORDS: [&str; 6] = [
    "Learn to tango",
    "Tuesdays at the hall",
    "Thursdays with Ana",
    "tea in bed",
    "Plant a tree",
    "killed mid-write",
];

#[test]
fn a_folded_goal_conflict_keeps_the_overwritten_note_encrypted_and_grep_finds_nothing() {
    let env = Env::new();
    let goal = goal_changed_on_two_machines(&env);
    let run = couple(&env, "alex", &["goals", "add", "Plant a tree"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr.contains(&format!(
            "couple: warning: goal {goal} \"Learn to tango in secret\": note was changed on both machines; kept \"Thursdays with Ana\""
        )) && run
            .stderr
            .contains("hint: the overwritten value is kept in .merged/goals-overwritten.csv.age\n"),
        "{}",
        run.stderr
    );
    assert!(env.file(".merged/goals-overwritten.csv").is_none());
    let kept = open_as(&env, "alex", &env.path(".merged/goals-overwritten.csv.age")).unwrap();
    assert!(
        kept.starts_with("id,title,field,kept,kept_changed,overwritten,overwritten_changed,from\n"),
        "{kept}"
    );
    assert!(kept.contains(",note,Thursdays with Ana,") && kept.contains(",Tuesdays at the hall,"));
    assert!(env.path(".merged").join(GOALS_COPY).exists());
    assert_no_plaintext(&env, &[env.data()], &WORDS, "after the fold");
    // A second fold adds to the same file, still encrypted.
    let start = env.file_bytes("goals.csv.age").unwrap();
    ok(
        &env,
        "alex",
        &["-q", "goals", "edit", &goal, "--note", "Mondays, maybe"],
    );
    let earlier = env.file_bytes("goals.csv.age").unwrap();
    fs::write(env.path("goals.csv.age"), start).unwrap();
    ok(
        &env,
        "alex",
        &["-q", "goals", "edit", &goal, "--note", "Fridays, surely"],
    );
    fs::write(env.path(GOALS_COPY), earlier).unwrap();
    let run = couple(
        &env,
        "alex",
        &["-q", "goals", "edit", &goal, "--due", "2027-01-01"],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let kept = open_as(&env, "alex", &env.path(".merged/goals-overwritten.csv.age")).unwrap();
    assert_eq!(kept.lines().count(), 3, "{kept}");
    assert!(
        kept.contains(",Mondays, maybe,") || kept.contains(",\"Mondays, maybe\","),
        "{kept}"
    );
    assert_no_plaintext(
        &env,
        &[env.data()],
        &["Mondays", "Fridays"],
        "after the second fold",
    );
}

#[test]
fn a_plain_goals_overwritten_file_left_by_an_earlier_couple_is_taken_in_and_removed() {
    let env = Env::new();
    let goal = goal_changed_on_two_machines(&env);
    fs::create_dir_all(env.path(".merged")).unwrap();
    env.write(
        ".merged/goals-overwritten.csv",
        "id,title,field,kept,kept_changed,overwritten,overwritten_changed,from\nzz,Old,note,kept words,,Lost words,,goals.csv\n",
    );
    let run = couple(
        &env,
        "alex",
        &["-q", "goals", "edit", &goal, "--due", "2027-01-01"],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(env.file(".merged/goals-overwritten.csv").is_none());
    let kept = open_as(&env, "alex", &env.path(".merged/goals-overwritten.csv.age")).unwrap();
    assert!(
        kept.contains("zz,Old,note,kept words,,Lost words,,goals.csv\n"),
        "{kept}"
    );
    assert!(kept.contains(",Tuesdays at the hall,"), "{kept}");
    assert_eq!(kept.matches("id,title,field").count(), 1, "{kept}");
    assert_no_plaintext(
        &env,
        &[env.data()],
        &["Lost words", "Tuesdays"],
        "after the fold",
    );
}

/// Whether strace can trace here (ptrace may be forbidden).
fn strace_works() -> bool {
    Command::new("strace")
        .args(["-qq", "-e", "trace=none", "true"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

/// `couple ARGS` as alex under strace, SIGKILLed as it makes its `nth`
/// rename: the moment an atomic rewrite has written its temporary file
/// whole and not yet put it in place. Returns whether it was killed (false:
/// it made fewer renames and finished).
fn killed_at_rename(env: &Env, nth: usize, args: &[&str]) -> bool {
    let couple = command_in(env, &env.data(), "alex", args);
    let mut cmd = Command::new("strace");
    cmd.env_clear()
        .envs(couple.get_envs().filter_map(|(k, v)| v.map(|v| (k, v))))
        .current_dir(env.home())
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .args([
            "-f",
            "-qq",
            "-o",
            "/dev/null",
            "-e",
            "trace=rename,renameat,renameat2",
        ])
        .arg("-e")
        .arg(format!(
            "inject=rename,renameat,renameat2:signal=SIGKILL:when={nth}"
        ))
        .arg(env!("CARGO_BIN_EXE_couple"))
        .args(args);
    let out = cmd.output().unwrap();
    match out.status.code() {
        Some(0) => false,
        // strace dies of the signal its tracee died of.
        None | Some(137) => true,
        other => panic!(
            "couple {args:?} under strace: {other:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        ),
    }
}

fn temporaries(dir: &Path) -> Vec<PathBuf> {
    tree(dir)
        .into_iter()
        .filter(|p| {
            p.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with(".couple-tmp-"))
        })
        .collect()
}

#[test]
#[cfg(unix)]
fn no_plaintext_after_a_sigkill_in_the_middle_of_each_rewrite_of_a_fold() {
    if !require_tool("strace") || !allowed_here("ptrace, for strace", strace_works()) {
        return;
    }
    let env = Env::new();
    goal_changed_on_two_machines(&env);
    let goals = env.file_bytes("goals.csv.age").unwrap();
    let copy = env.file_bytes(GOALS_COPY).unwrap();
    let mut left_mid_write = 0;
    // Kill the fold at its first rename, then (from the same start) at its
    // second, and so on until it finishes: goals.csv.age, the copy moved
    // into .merged/, goals-overwritten.csv.age.
    for nth in 1.. {
        let _ = fs::remove_dir_all(env.path(".merged"));
        fs::write(env.path("goals.csv.age"), &goals).unwrap();
        fs::write(env.path(GOALS_COPY), &copy).unwrap();
        let killed = killed_at_rename(&env, nth, &["goals", "add", "Plant a tree"]);
        if !temporaries(&env.data()).is_empty() {
            left_mid_write += 1;
        }
        assert_no_plaintext(
            &env,
            &[env.data()],
            &WORDS,
            &format!("killed at rename {nth}"),
        );
        if !killed {
            assert!(
                nth >= 3,
                "the fold makes at least three renames, not {}",
                nth - 1
            );
            break;
        }
        assert!(nth < 20, "the fold never finished");
    }
    // And an append to the encrypted log, killed as it replaces the file.
    for nth in 1..=2 {
        killed_at_rename(&env, nth, &["log", "care", "killed mid-write"]);
        if !temporaries(&env.data()).is_empty() {
            left_mid_write += 1;
        }
        assert_no_plaintext(
            &env,
            &[env.data()],
            &WORDS,
            &format!("log killed at rename {nth}"),
        );
    }
    assert!(
        left_mid_write >= 3,
        "{left_mid_write} kills left a rewrite half done"
    );
    // Everything still reads, and the next write cleans up.
    let run = couple(&env, "alex", &["-q", "goals", "add", "After the kills"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(temporaries(&env.data()), Vec::<PathBuf>::new());
    assert!(ok(&env, "alex", &["history"]).contains("tea in bed, whispered"));
    assert_no_plaintext(&env, &[env.data()], &WORDS, "after the kills");
}

// ------------------------------------------------------ a key replaced

#[test]
fn a_key_replaced_by_another_re_encrypts_everything_on_the_next_write() {
    let env = Env::new();
    ok(&env, "alex", &["-q", "crypt", "init"]);
    ok(&env, "sam", &["-q", "crypt", "init"]);
    ok(&env, "alex", &["log", "care", "tea in bed, whispered"]);
    ok(&env, "alex", &["goals", "add", "Learn to tango in secret"]);
    ok(
        &env,
        "alex",
        &["-q", "rituals", "set", "walks", "2/week", "--kind", "talk"],
    );
    ok(&env, "alex", &["-q", "crypt", "on"]);
    // A folded copy, kept in .merged/.
    let older = env.file_bytes("log.csv.age").unwrap();
    ok(&env, "alex", &["log", "care", "only in the copy"]);
    fs::rename(env.path("log.csv.age"), env.path(LOG_COPY)).unwrap();
    fs::write(env.path("log.csv.age"), older).unwrap();
    ok(&env, "sam", &["log", "care", "folded"]);
    assert!(env.path(".merged").join(LOG_COPY).exists());
    for file in age_files(&env.data()) {
        assert!(open_as(&env, "sam", &file).is_ok(), "{}", file.display());
    }

    // Sam's laptop was lost: a new key takes the old one's place.
    let new = age::x25519::Identity::generate();
    {
        use age::secrecy::ExposeSecret as _;
        let path = identity(&env, "sam2");
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(&path, format!("{}\n", new.to_string().expose_secret())).unwrap();
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            fs::set_permissions(&path, fs::Permissions::from_mode(0o600)).unwrap();
        }
    }
    let recipients = fs::read_to_string(env.path(".age-recipients")).unwrap();
    let old = recipients
        .lines()
        .skip_while(|l| *l != "# sam")
        .nth(1)
        .unwrap()
        .to_string();
    let swapped = recipients.replace(&old, &new.to_public().to_string());
    assert_eq!(swapped.lines().count(), recipients.lines().count());
    fs::write(env.path(".age-recipients"), swapped).unwrap();

    // One write by alex.
    ok(&env, "alex", &["log", "care", "after the swap"]);
    let files = age_files(&env.data());
    assert!(files.len() >= 4, "{files:?}");
    for file in &files {
        assert!(
            open_as(&env, "sam2", file).is_ok(),
            "the new key opens {}",
            file.display()
        );
        assert!(open_as(&env, "alex", file).is_ok(), "{}", file.display());
        assert!(
            open_as(&env, "sam", file).is_err(),
            "the removed key opens {}",
            file.display()
        );
    }
    let history = ok(&env, "sam2", &["history"]);
    for words in ["tea in bed", "only in the copy", "folded", "after the swap"] {
        assert!(history.contains(words), "{words}: {history}");
    }
    assert!(ok(&env, "sam2", &["goals"]).contains("Learn to tango in secret"));
    assert!(ok(&env, "sam2", &["rituals"]).contains("walks"));
    let refused = couple(&env, "sam", &["goals"]);
    assert_eq!(refused.code, 1, "{}", refused.stderr);
    if require_tool("age") {
        for file in &files {
            age_opens(&env, "sam2", file);
        }
    }
    // Nothing is re-encrypted again when the keys did not change.
    let before: Vec<Vec<u8>> = files
        .iter()
        .filter(|f| !f.ends_with("log.csv.age"))
        .map(|f| fs::read(f).unwrap())
        .collect();
    ok(&env, "alex", &["log", "care", "once more"]);
    let after: Vec<Vec<u8>> = files
        .iter()
        .filter(|f| !f.ends_with("log.csv.age"))
        .map(|f| fs::read(f).unwrap())
        .collect();
    assert!(
        before == after,
        "files re-encrypted with the keys unchanged"
    );
}

// ------------------------------------- a plain file beside its .age file

#[test]
fn a_plain_log_written_beside_the_encrypted_one_is_folded_in_encrypted_not_deleted() {
    let env = Env::new();
    ok(&env, "alex", &["-q", "crypt", "init"]);
    ok(&env, "alex", &["log", "care", "tea in bed, whispered"]);
    ok(
        &env,
        "alex",
        &["-q", "rituals", "set", "walks", "2/week", "--kind", "talk"],
    );
    let plain_log = env.file("log.csv").unwrap();
    let plain_rituals = env.file("rituals.csv").unwrap();
    ok(&env, "alex", &["-q", "crypt", "on"]);
    assert!(env.path("rituals.csv.age").exists());
    // Sam's machine had not seen `crypt on` yet and wrote into its plain
    // files; the sync tool brought them back beside the encrypted ones (and
    // a pauses.csv the encrypted side never had).
    env.write(
        "log.csv",
        format!(
            "{plain_log}sam1234567,2026-11-25,sam,affection,,,,a long hug before the sync,2026-11-25T09:00:00.000+00:00\n"
        ),
    );
    env.write(
        "rituals.csv",
        format!("{plain_rituals}hugs,affection,3,week,\n"),
    );
    env.write(
        "pauses.csv",
        "id,from,to,rituals,partner,note,logged_at\np1,2026-12-01,2026-12-05,,sam,a secret trip,2026-11-25T10:00:00+00:00\n",
    );
    ok(&env, "alex", &["log", "care", "after the sync"]);
    for plain in ["log.csv", "rituals.csv", "pauses.csv"] {
        assert!(env.file(plain).is_none(), "{plain} is still there");
    }
    let history = ok(&env, "alex", &["history"]);
    for words in ["tea in bed", "a long hug before the sync", "after the sync"] {
        assert!(history.contains(words), "{words}: {history}");
    }
    assert_eq!(history.matches("tea in bed").count(), 1, "{history}");
    // The plain rituals.csv beside rituals.csv.age is folded in like a
    // sync-conflict copy, and kept, encrypted.
    assert!(
        open_as(&env, "alex", &env.path(".merged/rituals.csv.age"))
            .unwrap()
            .contains("hugs,affection")
    );
    let rituals = open_as(&env, "alex", &env.path("rituals.csv.age")).unwrap();
    assert!(
        rituals.contains("hugs,affection") && rituals.contains("walks"),
        "{rituals}"
    );
    // The pauses.csv alone is simply encrypted.
    assert!(
        open_as(&env, "alex", &env.path("pauses.csv.age"))
            .unwrap()
            .contains("a secret trip")
    );
    assert_no_plaintext(
        &env,
        &[env.data()],
        &[
            "a long hug",
            "tea in bed",
            "hugs,affection",
            "a secret trip",
            "walks",
        ],
        "after the write",
    );
}
