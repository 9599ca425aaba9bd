//! The README's cron, systemd and shell start-up recipes, run as written:
//! each block after a `<!-- recipe: KIND -->` marker in README.md, under
//! `env -i` as cron runs a job, with only Alex's home (/home/alex) moved
//! into the sandbox. The test and the manual cannot drift apart.

use std::fs;
use std::path::Path;
use std::process::Command;

use crate::harness::{Env, require_tool};

/// The code blocks after each `<!-- recipe: KIND -->` marker.
fn recipes(kind: &str) -> Vec<String> {
    let readme =
        fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md")).unwrap();
    let marker = format!("<!-- recipe: {kind} -->\n```");
    let blocks: Vec<String> = readme
        .split(&marker)
        .skip(1)
        .map(|rest| {
            let body = rest.split_once('\n').unwrap().1;
            body.split("\n```").next().unwrap().to_string()
        })
        .collect();
    assert!(!blocks.is_empty(), "README has no {kind} recipe");
    blocks
}

/// Alex's home in the sandbox: couple at ~/.cargo/bin, the data in ~/Sync.
fn alex_home(env: &Env) -> String {
    let home = env.home().join("alex");
    fs::create_dir_all(home.join(".cargo/bin")).unwrap();
    let link = home.join(".cargo/bin/couple");
    if !link.exists() {
        std::os::unix::fs::symlink(env!("CARGO_BIN_EXE_couple"), &link).unwrap();
    }
    home.to_string_lossy().into_owned()
}

/// Runs `command` as cron would: nothing of this environment but `vars`.
#[track_caller]
fn run_bare(vars: &[(String, String)], command: &str) -> std::process::Output {
    Command::new("/usr/bin/env")
        .arg("-i")
        .args(vars.iter().map(|(k, v)| format!("{k}={v}")))
        .args(["/bin/sh", "-c", command])
        .output()
        .unwrap()
}

#[test]
fn every_cron_line_runs_under_env_i_as_written() {
    let env = Env::new();
    let home = alex_home(&env);
    for block in recipes("cron") {
        let mut vars: Vec<(String, String)> = vec![("HOME".into(), home.clone())];
        let mut jobs = 0;
        for line in block.lines().map(str::trim) {
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let line = line.replace("/home/alex", &home);
            if let Some((name, value)) = line.split_once('=').filter(|(n, _)| !n.contains(' ')) {
                vars.push((name.to_string(), value.to_string()));
                continue;
            }
            let command: Vec<&str> = line.split_whitespace().skip(5).collect();
            let out = run_bare(&vars, &command.join(" "));
            // A hint (goals review's "on a terminal, …") is fine; an error
            // or a warning is not.
            let stderr = String::from_utf8_lossy(&out.stderr);
            assert!(
                out.status.success() && stderr.lines().all(|l| l.starts_with("hint: ")),
                "{line}: {}",
                String::from_utf8_lossy(&out.stderr)
            );
            jobs += 1;
        }
        assert!(jobs > 0, "{block}");
    }
}

#[test]
fn the_systemd_service_runs_as_written() {
    let env = Env::new();
    let home = alex_home(&env);
    let block = &recipes("systemd")[0];
    let mut vars: Vec<(String, String)> = vec![("HOME".into(), home.clone())];
    let mut exec = None;
    for line in block.lines() {
        let line = line.replace("/home/alex", &home);
        if let Some(assign) = line.strip_prefix("Environment=") {
            let (k, v) = assign.split_once('=').unwrap();
            vars.push((k.into(), v.into()));
        } else if let Some(command) = line.strip_prefix("ExecStart=") {
            exec = Some(command.to_string());
        }
    }
    let out = run_bare(&vars, &exec.expect("an ExecStart line"));
    assert!(
        out.status.success() && out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("talk:"));
}

#[test]
fn the_shell_start_up_line_prints_only_in_interactive_shells() {
    let env = Env::new();
    let home = alex_home(&env);
    let line = recipes("shell-startup")[0].trim().to_string();
    let question = env.ok(&["prompt"]);
    for shell in ["bash", "zsh"] {
        if !require_tool(shell) {
            continue;
        }
        let path = format!("{home}/.cargo/bin:/usr/bin:/bin");
        let vars = env.vars(&env.partner);
        let run = |interactive: bool| {
            let mut cmd = Command::new(shell);
            if shell == "zsh" {
                cmd.arg("-f");
            } else {
                cmd.arg("--norc");
            }
            if interactive {
                cmd.arg("-i");
            }
            cmd.args(["-c", &line])
                .env_clear()
                .envs(vars.clone())
                .env("PATH", &path)
                .env("HOME", &home)
                .stdin(std::process::Stdio::null())
                .output()
                .unwrap()
        };
        let quiet = run(false);
        assert!(quiet.status.success(), "{shell}");
        assert_eq!(
            String::from_utf8_lossy(&quiet.stdout),
            "",
            "{shell} non-interactive"
        );
        let shown = run(true);
        assert_eq!(
            String::from_utf8_lossy(&shown.stdout),
            question,
            "{shell} interactive"
        );
    }
}
