//! git as the sync engine: two clones of one repository holding the data
//! directory, couple's merge driver set up as the README says, each
//! machine changing the same goal and adding to the log before a pull.
//! Nothing may be lost, and the pull must need no hand.

use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

use crate::harness::{Env, require_tool};

/// The lines the README tells you to put in `.gitattributes`.
const GITATTRIBUTES: &str =
    "log.csv merge=couple\ngoals.csv merge=couple\nremoved.csv merge=couple\n";

/// A bare repository and two clones of it, one per machine.
struct Repos {
    env: Env,
}

impl Repos {
    /// Alex's machine starts the repository, as in the README; Sam's clones it.
    fn new() -> Self {
        let repos = Self { env: Env::new() };
        let home = repos.env.home().to_path_buf();
        repos.git(&home, &["init", "--bare", "-q", "-b", "main", "shared.git"]);
        repos.git(&home, &["clone", "-q", "shared.git", "alex"]);
        repos.setup("alex");
        let alex = repos.dir("alex");
        std::fs::write(alex.join(".gitattributes"), GITATTRIBUTES).unwrap();
        std::fs::write(alex.join(".gitignore"), ".lock\n.couple-tmp-*\n.merged/\n").unwrap();
        repos.couple("alex", &["log", "care", "tea in bed"]);
        repos.commit_and_push("alex", "our rituals");
        repos.git(&home, &["clone", "-q", "shared.git", "sam"]);
        repos.setup("sam");
        repos
    }

    fn dir(&self, machine: &str) -> PathBuf {
        self.env.home().join(machine)
    }

    /// What the README asks of each clone: who commits, and the driver.
    fn setup(&self, machine: &str) {
        let dir = self.dir(machine);
        // git keeps no modes: `chmod 700` the clone, as the README says.
        std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o700)).unwrap();
        let driver = format!("{} merge-driver %O %A %B %P", env!("CARGO_BIN_EXE_couple"));
        for (key, value) in [
            ("user.name", machine),
            ("user.email", &format!("{machine}@example.org")),
            ("merge.couple.name", "couple's merge of its data files"),
            ("merge.couple.driver", &driver),
            ("pull.rebase", "false"),
        ] {
            self.git(&dir, &["config", key, value]);
        }
    }

    /// Runs git in `dir`, in a scrubbed environment; asserts success.
    #[track_caller]
    fn git(&self, dir: &Path, args: &[&str]) -> Output {
        let out = self.git_command(dir, args).output().unwrap();
        assert!(
            out.status.success(),
            "git {args:?} failed: {}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        out
    }

    fn git_command(&self, dir: &Path, args: &[&str]) -> Command {
        let mut cmd = Command::new("git");
        cmd.env_clear()
            .envs(self.env.vars("nobody"))
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env("GIT_TERMINAL_PROMPT", "0")
            .current_dir(dir)
            .args(args);
        cmd
    }

    /// Runs couple on `machine`'s clone as that partner; asserts success
    /// with nothing on stderr, and returns stdout.
    #[track_caller]
    fn couple(&self, machine: &str, args: &[&str]) -> String {
        let out = self
            .env
            .std_command(args)
            .env("COUPLE_DIR", self.dir(machine))
            .env("COUPLE_PARTNER", machine)
            .output()
            .unwrap();
        assert!(
            out.status.success() && out.stderr.is_empty(),
            "couple {args:?} on {machine}: {out:?}"
        );
        String::from_utf8(out.stdout).unwrap()
    }

    #[track_caller]
    fn commit_and_push(&self, machine: &str, message: &str) {
        let dir = self.dir(machine);
        self.git(&dir, &["add", "-A"]);
        self.git(&dir, &["commit", "-q", "-m", message]);
        self.git(&dir, &["push", "-q", "origin", "main"]);
    }

    #[track_caller]
    fn commit(&self, machine: &str, message: &str) {
        let dir = self.dir(machine);
        self.git(&dir, &["add", "-A"]);
        self.git(&dir, &["commit", "-q", "-m", message]);
    }

    /// `git pull` on `machine`: its output.
    #[track_caller]
    fn pull(&self, machine: &str) -> Output {
        self.git(
            &self.dir(machine),
            &["pull", "-q", "--no-edit", "origin", "main"],
        )
    }

    /// The ids `couple export` lists on `machine`, sorted.
    fn log_ids(&self, machine: &str) -> Vec<String> {
        let mut ids: Vec<String> = self
            .couple(machine, &["export", "--raw"])
            .lines()
            .skip(1)
            .map(|l| l.split(',').next().unwrap().to_string())
            .collect();
        ids.sort();
        ids
    }

    fn goal(&self, machine: &str, id: &str) -> Value {
        let all: Value = serde_json::from_str(&self.couple(
            machine,
            &["goals", "list", "--status", "all", "--format", "json"],
        ))
        .unwrap();
        all.as_array()
            .unwrap()
            .iter()
            .find(|g| g["id"] == id)
            .unwrap_or_else(|| panic!("no goal {id} on {machine}: {all}"))
            .clone()
    }

    /// Whether `machine`'s clone has nothing left to merge or commit.
    fn is_clean(&self, machine: &str) -> bool {
        let out = self.git(&self.dir(machine), &["status", "--porcelain"]);
        out.stdout.is_empty()
    }
}

#[test]
fn two_clones_changing_different_fields_of_one_goal_and_logging_both_lose_nothing() {
    if !require_tool("git") {
        return;
    }
    let repos = Repos::new();
    let goal = repos.couple("alex", &["goals", "add", "Learn to tango"]);
    let goal = goal.trim();
    repos.commit_and_push("alex", "a goal");
    repos.pull("sam");

    // Each machine changes the goal twice and logs, without syncing.
    repos.couple("alex", &["-q", "goals", "done", goal]);
    let alex_talk = repos.couple("alex", &["log", "talk", "--minutes", "15", "the move"]);
    repos.couple(
        "alex",
        &[
            "-q",
            "goals",
            "edit",
            goal,
            "--title",
            "Learn to tango, at last",
        ],
    );
    repos.commit_and_push("alex", "alex's evening");
    repos.couple(
        "sam",
        &["-q", "goals", "edit", goal, "--note", "Ana knows a teacher"],
    );
    let sam_care = repos.couple("sam", &["log", "care", "a note in the bag"]);
    repos.couple("sam", &["-q", "goals", "edit", goal, "--due", "2027-03-01"]);
    repos.commit("sam", "sam's evening");

    let pull = repos.pull("sam");
    assert!(
        pull.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&pull.stderr)
    );
    assert!(repos.is_clean("sam"), "the merge needed no hand");
    repos.git(&repos.dir("sam"), &["push", "-q", "origin", "main"]);
    repos.pull("alex");

    for machine in ["alex", "sam"] {
        let g = repos.goal(machine, goal);
        assert_eq!(g["status"], "done", "{machine}: {g}");
        assert_eq!(g["title"], "Learn to tango, at last", "{machine}: {g}");
        assert_eq!(g["note"], "Ana knows a teacher", "{machine}: {g}");
        assert_eq!(g["due"], "2027-03-01", "{machine}: {g}");
        let ids = repos.log_ids(machine);
        assert_eq!(ids.len(), 3, "{machine}: {ids:?}");
        assert!(ids.contains(&alex_talk.trim().to_string()));
        assert!(ids.contains(&sam_care.trim().to_string()));
    }
    // Both clones hold the same bytes.
    let read = |m: &str, f: &str| std::fs::read(repos.dir(m).join(f)).unwrap();
    assert_eq!(read("alex", "goals.csv"), read("sam", "goals.csv"));
    assert_eq!(read("alex", "log.csv"), read("sam", "log.csv"));
}

#[test]
fn a_field_both_clones_changed_keeps_the_later_and_reports_the_other() {
    if !require_tool("git") {
        return;
    }
    let repos = Repos::new();
    let goal = repos.couple("alex", &["goals", "add", "Learn to tango"]);
    let goal = goal.trim();
    repos.commit_and_push("alex", "a goal");
    repos.pull("sam");
    repos.couple(
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
    repos.commit("sam", "sam's note");
    repos.couple(
        "alex",
        &["-q", "goals", "edit", goal, "--note", "Thursdays with Ana"],
    );
    repos.commit_and_push("alex", "alex's note");

    let pull = repos.pull("sam");
    let stderr = String::from_utf8_lossy(&pull.stderr);
    assert!(
        stderr.contains(&format!(
            "couple: warning: goal {goal} \"Learn to tango\": note was changed on both machines; kept \"Thursdays with Ana\""
        )) && stderr.contains("overwrote \"Tuesdays at the hall\""),
        "{stderr}"
    );
    assert!(repos.is_clean("sam"));
    assert_eq!(repos.goal("sam", goal)["note"], "Thursdays with Ana");
    let kept =
        std::fs::read_to_string(repos.dir("sam").join(".merged/goals-overwritten.csv")).unwrap();
    assert!(kept.contains(",note,Thursdays with Ana,"), "{kept}");
    assert!(kept.contains(",Tuesdays at the hall,"), "{kept}");
    assert!(kept.contains("goals.csv (ours)"), "{kept}");
}

#[test]
fn an_entry_undone_on_one_clone_does_not_come_back_from_the_other() {
    if !require_tool("git") {
        return;
    }
    let repos = Repos::new();
    let oops = repos.couple("alex", &["log", "care", "typo"]);
    repos.commit_and_push("alex", "oops");
    repos.pull("sam");
    repos.couple("alex", &["-q", "log", "--undo"]);
    repos.commit_and_push("alex", "undone");
    let sam = repos.couple("sam", &["log", "affection", "a long hug"]);
    repos.commit("sam", "sam's hug");

    let pull = repos.pull("sam");
    assert!(
        pull.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&pull.stderr)
    );
    assert!(repos.is_clean("sam"));
    let ids = repos.log_ids("sam");
    assert!(!ids.contains(&oops.trim().to_string()), "{ids:?}");
    assert!(ids.contains(&sam.trim().to_string()), "{ids:?}");
    assert_eq!(ids.len(), 2, "{ids:?}");
    let log = std::fs::read_to_string(repos.dir("sam").join("log.csv")).unwrap();
    assert!(!log.contains("typo"), "{log}");
    let removed = std::fs::read_to_string(repos.dir("sam").join("removed.csv")).unwrap();
    assert!(removed.contains(oops.trim()), "{removed}");
}

#[test]
fn a_version_that_cannot_be_read_leaves_the_merge_to_you() {
    if !require_tool("git") {
        return;
    }
    let repos = Repos::new();
    repos.couple("sam", &["log", "care", "mine"]);
    repos.commit("sam", "sam's care");
    // Alex's side breaks a date by hand.
    let alex_log = repos.dir("alex").join("log.csv");
    let text = std::fs::read_to_string(&alex_log).unwrap();
    std::fs::write(&alex_log, format!("{text}zz,25/11/2026,alex,care,,,,,\n")).unwrap();
    repos.commit_and_push("alex", "a bad row");

    let out = repos
        .git_command(
            &repos.dir("sam"),
            &["pull", "-q", "--no-edit", "origin", "main"],
        )
        .output()
        .unwrap();
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("couple: log.csv (theirs) line 3: column date:"),
        "{stderr}"
    );
    let status = repos.git(&repos.dir("sam"), &["status", "--porcelain"]);
    assert!(
        String::from_utf8_lossy(&status.stdout).contains("UU log.csv"),
        "git leaves the file unmerged"
    );
}

#[test]
fn the_driver_refuses_a_file_it_does_not_merge_and_writes_nothing() {
    let env = Env::new();
    for name in ["o", "a", "b"] {
        env.write(name, "id,theme,depth,text\nmine-1,play,light,Why?\n");
    }
    let (o, a, b) = (env.path("o"), env.path("a"), env.path("b"));
    let err = env.fails(
        &[
            "merge-driver",
            &o.to_string_lossy(),
            &a.to_string_lossy(),
            &b.to_string_lossy(),
            "prompts.csv",
        ],
        2,
    );
    assert_eq!(
        err,
        "couple: merge-driver merges log.csv, goals.csv, removed.csv and couple's encrypted files (*.csv.age), not prompts.csv\n\
         hint: in .gitattributes, give merge=couple to those files only: log.csv merge=couple, *.csv.age merge=couple\n"
    );
    env.assert_file("a", "id,theme,depth,text\nmine-1,play,light,Why?\n");
}

/// A side whose log.csv holds no rows (cut short by a crash, a sync gone
/// wrong) would read as every entry taken out: the driver refuses, git
/// leaves the file unmerged, ours stays as it was. A version that is not there at
/// all is refused too, never read as empty.
#[test]
fn an_empty_or_missing_version_is_refused_and_ours_kept() {
    let env = Env::new();
    let header = "id,date,partner,kind,minutes,mood,prompt,note,logged_at\n";
    let a1 = "a1,2026-11-20,sam,care,,,,sam's words,2026-11-20T10:00:00.000+00:00\n";
    let a2 = "a2,2026-11-21,alex,care,,,,tea,2026-11-21T10:00:00.000+00:00\n";
    env.write("o", format!("{header}{a1}"));
    let ours = format!("{header}{a1}{a2}");
    env.write("a", &ours);
    let (o, a, b) = (env.path("o"), env.path("a"), env.path("b"));
    let args = |b: &std::path::Path| {
        [
            "merge-driver".to_string(),
            o.display().to_string(),
            a.display().to_string(),
            b.display().to_string(),
            "log.csv".to_string(),
        ]
    };
    let quoted_break = "id,date,partner,kind,minutes,mood,prompt,note,logged_at,\"mine\nx\"\n";
    for theirs in ["", "\u{feff}\r\n", header, quoted_break] {
        env.write("b", theirs);
        let args = args(&b);
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let err = env.fails(&args, 1);
        assert!(
            err.starts_with(
                "couple: cannot merge log.csv: log.csv (theirs) holds no rows, and the common ancestor does\n"
            ),
            "{err}"
        );
        env.assert_file("a", &ours);
    }
    // Every row of the ancestor undone on their side (removed.csv says
    // so): no file cut short, and the merge goes on.
    std::fs::write(
        env.home().join("removed.csv"),
        "id,partner,removed_at,file\na1,sam,2026-11-22T10:00:00.000+00:00,log.csv\n",
    )
    .unwrap();
    env.write("b", header);
    {
        let args = args(&b);
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        env.ok(&args);
        env.assert_file("a", &format!("{header}{a2}"));
        env.write("a", &ours);
    }
    let missing = env.path("nothing-here");
    let args = args(&missing);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let err = env.fails(&args, 1);
    assert!(err.starts_with("couple: cannot read "), "{err}");
    env.assert_file("a", &ours);
}
