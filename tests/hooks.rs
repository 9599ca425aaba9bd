//! Hooks: executables in $XDG_CONFIG_HOME/couple/hooks run after a write,
//! with the new row as JSON on stdin; never from the data directory; a
//! failing or slow one never loses or repeats the entry.

use std::fs;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crate::harness::{Env, run};

/// Writes an executable hook under HOME/.config/couple/hooks (the default
/// when XDG_CONFIG_HOME is not set).
fn hook(env: &Env, name: &str, script: &str) -> PathBuf {
    hook_in(&env.home().join(".config/couple/hooks"), name, script)
}

fn hook_in(dir: &Path, name: &str, script: &str) -> PathBuf {
    fs::create_dir_all(dir).unwrap();
    let path = dir.join(name);
    fs::write(&path, format!("#!/bin/sh\n{script}\n")).unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        fs::set_permissions(&path, fs::Permissions::from_mode(0o755)).unwrap();
    }
    path
}

fn rows(env: &Env) -> Vec<String> {
    env.file("log.csv")
        .unwrap_or_default()
        .lines()
        .skip(1)
        .map(String::from)
        .collect()
}

#[test]
fn post_log_gets_the_new_entry_as_json_on_stdin() {
    let env = Env::new();
    hook(&env, "post-log", "cat > \"$HOME/got.json\"");
    let id = env.ok(&["log", "talk", "-m", "15", "about", "the", "move"]);
    let got = fs::read_to_string(env.home().join("got.json")).unwrap();
    let json: serde_json::Value = serde_json::from_str(&got).unwrap();
    assert_eq!(json["id"], id.trim());
    assert_eq!(json["kind"], "talk");
    assert_eq!(json["minutes"], 15);
    assert_eq!(json["note"], "about the move");
    assert_eq!(json["partner"], "alex");
    assert!(got.ends_with("}\n"), "{got}");
}

#[test]
fn post_answer_runs_for_answers_only_and_post_goal_for_goals() {
    let env = Env::new();
    hook(&env, "post-answer", "cat >> \"$HOME/answers.json\"");
    hook(&env, "post-goal", "cat >> \"$HOME/goals.json\"");
    env.ok(&["log", "care", "tea"]);
    assert!(!env.home().join("answers.json").exists());
    env.ok(&["log", "answer", "the walk by the river"]);
    let answers = fs::read_to_string(env.home().join("answers.json")).unwrap();
    assert_eq!(answers.lines().count(), 1, "{answers}");
    assert!(
        answers.contains("\"note\":\"the walk by the river\""),
        "{answers}"
    );
    let id = env.ok(&["goals", "add", "Learn", "to", "sail"]);
    env.ok_with_stderr(
        &["goals", "done", id.trim()],
        &format!("done: {}  Learn to sail\n", id.trim()),
    );
    let goals = fs::read_to_string(env.home().join("goals.json")).unwrap();
    let lines: Vec<serde_json::Value> = goals
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 2, "{goals}");
    assert_eq!(lines[0]["status"], "open");
    assert_eq!(lines[1]["status"], "done");
    assert_eq!(lines[1]["title"], "Learn to sail");
}

#[test]
fn a_failing_hook_leaves_exactly_the_entry_and_says_so() {
    let env = Env::new();
    hook(
        &env,
        "post-log",
        "cat >/dev/null; echo 'ntfy: no network' >&2; exit 1",
    );
    let run = env.run(&["log", "care", "tea"]);
    assert_eq!(run.code, 0, "{run:?}");
    assert_eq!(run.stdout.lines().count(), 1, "the id, and only that");
    assert_eq!(
        run.stderr,
        "ntfy: no network\n\
         couple: warning: hook post-log failed (exit status: 1); the entry is recorded all the same\n"
    );
    let rows = rows(&env);
    assert_eq!(rows.len(), 1, "{rows:?}");
    assert!(rows[0].contains(",alex,care,,,,tea,"), "{rows:?}");
}

#[test]
fn a_hook_that_sleeps_past_the_timeout_is_stopped_and_the_entry_stays_once() {
    let env = Env::new();
    // The sleep is a child of the hook: it is stopped too, or couple's
    // stderr would stay open (and this test wait) until it ended.
    hook(&env, "post-log", "sleep 60");
    let started = Instant::now();
    let run = env.run(&["log", "care", "tea"]);
    let took = started.elapsed();
    assert_eq!(run.code, 0, "{run:?}");
    assert!(took >= Duration::from_secs(5), "{took:?}");
    // Far below the sleep's minute: stopped, not waited for.
    assert!(took < Duration::from_secs(40), "{took:?}");
    assert_eq!(
        run.stderr,
        "couple: warning: hook post-log took longer than 5 s and was stopped; \
         the entry is recorded all the same\n"
    );
    assert_eq!(rows(&env).len(), 1);
}

#[test]
fn nothing_in_the_data_directory_is_ever_run() {
    let env = Env::new();
    env.write(
        "log.csv",
        "id,date,partner,kind,minutes,mood,prompt,note,logged_at\n",
    );
    // A hooks folder in the synced data directory: never looked at.
    hook_in(&env.data().join("hooks"), "post-log", "touch \"$HOME/ran\"");
    env.ok(&["log", "care", "tea"]);
    assert!(!env.home().join("ran").exists());
    // Nor when XDG_CONFIG_HOME itself points into the data directory.
    hook_in(
        &env.data().join("couple/hooks"),
        "post-log",
        "touch \"$HOME/ran\"",
    );
    let mut cmd = env.command(&["log", "care", "more tea"]);
    cmd.env("XDG_CONFIG_HOME", env.data());
    let run = run(cmd);
    assert_eq!(run.code, 0, "{run:?}");
    assert!(!env.home().join("ran").exists());
    assert!(
        run.stderr
            .starts_with("couple: warning: hook post-log was not run: ")
            && run.stderr.contains("is in the data directory"),
        "{}",
        run.stderr
    );
    assert_eq!(rows(&env).len(), 2);
}

#[test]
fn a_hook_that_is_not_executable_is_skipped_with_a_hint() {
    let env = Env::new();
    let path = hook(&env, "post-log", "touch \"$HOME/ran\"");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        fs::set_permissions(&path, fs::Permissions::from_mode(0o644)).unwrap();
    }
    let run = env.run(&["log", "care", "tea"]);
    assert_eq!(run.code, 0);
    assert!(
        run.stderr
            .starts_with("couple: warning: hook post-log was not run: it is not an executable file\nhint: chmod +x "),
        "{}",
        run.stderr
    );
    assert!(!env.home().join("ran").exists());
    assert_eq!(rows(&env).len(), 1);
}
