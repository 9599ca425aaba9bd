//! Completions in real shells: the committed scripts are sourced by bash,
//! zsh and fish, which run the built couple (on the PATH) for candidates,
//! in a directory full of files that must never be offered.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::harness::{Env, require_tool};

fn script(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("completions")
        .join(name)
}

/// The words a shell offers at the end of `line` (a trailing space: a new
/// word), from the committed script and the built binary.
#[track_caller]
fn offered(env: &Env, shell: &str, line: &str) -> Vec<String> {
    let words: Vec<&str> = line.split(' ').collect();
    let current = words.last().copied().unwrap_or_default();
    let quoted: Vec<String> = words.iter().map(|w| format!("'{w}'")).collect();
    let index = words.len() - 1;
    let program = match shell {
        "bash" => format!(
            "source \"$1\"; COMP_WORDS=({}); COMP_CWORD={index}; COMP_TYPE=9; \
             _clap_complete_couple couple '{current}' '{}'; printf '%s\\n' \"${{COMPREPLY[@]}}\"",
            quoted.join(" "),
            words
                .get(index.wrapping_sub(1))
                .copied()
                .unwrap_or_default()
        ),
        // The completion widget's display is stubbed: _describe prints
        // what it was given to show, value:description.
        "zsh" => format!(
            "compdef() {{ : }}; _describe() {{ local n=${{@[-1]}}; print -rl -- ${{(P)n}} }}; \
             source \"$1\"; words=({}); CURRENT={}; _clap_dynamic_completer_couple",
            quoted.join(" "),
            index + 1
        ),
        _ => format!("source $argv[1]; complete -C '{line}'"),
    };
    let file = match shell {
        "bash" => "couple.bash",
        "zsh" => "_couple",
        _ => "couple.fish",
    };
    let mut cmd = Command::new(shell);
    match shell {
        "zsh" => cmd.arg("-f"),
        "fish" => cmd.arg("--no-config"),
        _ => cmd.arg("--norc"),
    };
    let bin_dir = Path::new(env!("CARGO_BIN_EXE_couple")).parent().unwrap();
    let path = std::env::join_paths(std::iter::once(bin_dir.to_path_buf()).chain(
        std::env::split_paths(&std::env::var_os("PATH").unwrap_or_default()),
    ))
    .unwrap();
    let out = cmd
        .args(["-c", &program])
        .arg(if shell == "fish" { "--" } else { shell })
        .arg(script(file))
        .env_clear()
        .envs(env.vars(&env.partner))
        .env("PATH", path)
        .current_dir(files_dir(env))
        .output()
        .unwrap_or_else(|e| panic!("{shell} runs: {e}"));
    assert!(
        out.status.success(),
        "{shell}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(String::from_utf8_lossy(&out.stderr), "", "{shell}: stderr");
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter(|l| !l.is_empty())
        .map(|l| {
            let value = l.split('\t').next().unwrap_or_default();
            if shell == "zsh" {
                value.split(':').next().unwrap_or_default().to_string()
            } else {
                value.to_string()
            }
        })
        .collect()
}

/// A working directory holding files (and one named like a kind prefix),
/// none of which any completion may offer.
fn files_dir(env: &Env) -> PathBuf {
    let dir = env.home().join("work");
    fs::create_dir_all(&dir).unwrap();
    for name in ["notes.txt", "talk-draft.md", "2026-11-25.csv", "sam"] {
        fs::write(dir.join(name), "").unwrap();
    }
    dir
}

const SHELLS: [&str; 3] = ["bash", "zsh", "fish"];

fn shells() -> impl Iterator<Item = &'static str> {
    SHELLS.into_iter().filter(|shell| require_tool(shell))
}

const KINDS: [&str; 10] = [
    "talk",
    "us-time",
    "care",
    "appreciation",
    "repair",
    "affection",
    "checkin",
    "answer",
    "sit-down",
    "state-of-us",
];

#[test]
fn log_offers_exactly_the_kinds() {
    let env = Env::new();
    for shell in shells() {
        assert_eq!(offered(&env, shell, "couple log "), KINDS, "{shell}");
        assert_eq!(
            offered(&env, shell, "couple log s"),
            ["sit-down", "state-of-us"],
            "{shell}"
        );
    }
}

#[test]
fn goal_commands_offer_the_goal_ids() {
    let env = Env::new();
    let sail = env.ok(&["goals", "add", "Learn", "to", "sail"]);
    let lights = env.ok(&["goals", "add", "See", "the", "lights"]);
    let trip = env.ok(&["goals", "add", "Lisbon"]);
    let (sail, lights, trip) = (sail.trim(), lights.trim(), trip.trim());
    env.ok_with_stderr(&["goals", "done", trip], &format!("done: {trip}  Lisbon\n"));
    let mut open = vec![sail.to_string(), lights.to_string()];
    open.sort();
    for shell in shells() {
        for command in ["done", "drop", "edit"] {
            let mut got = offered(&env, shell, &format!("couple goals {command} "));
            got.sort();
            assert_eq!(got, open, "{shell} {command}");
        }
        assert_eq!(
            offered(&env, shell, "couple goals reopen "),
            [trip],
            "{shell}"
        );
    }
}

#[test]
fn fish_and_zsh_show_the_goal_titles_beside_the_ids() {
    let env = Env::new();
    let id = env.ok(&["goals", "add", "Learn", "to", "sail"]);
    let id = id.trim();
    if require_tool("fish") {
        let out = Command::new("fish")
            .args([
                "--no-config",
                "-c",
                "source $argv[1]; complete -C 'couple goals done '",
            ])
            .arg(script("couple.fish"))
            .env_clear()
            .envs(env.vars(&env.partner))
            .env(
                "PATH",
                format!(
                    "{}:{}",
                    Path::new(env!("CARGO_BIN_EXE_couple"))
                        .parent()
                        .unwrap()
                        .display(),
                    std::env::var("PATH").unwrap_or_default()
                ),
            )
            .output()
            .unwrap();
        assert_eq!(
            String::from_utf8_lossy(&out.stdout),
            format!("{id}\tLearn to sail\n")
        );
    }
}

#[test]
fn export_offers_the_data_sets() {
    let env = Env::new();
    for shell in shells() {
        assert_eq!(
            offered(&env, shell, "couple export "),
            ["log", "goals", "prompts", "all"],
            "{shell}"
        );
    }
}

#[test]
fn theme_offers_the_decks_themes_and_the_users_own() {
    let env = Env::new();
    env.write(
        "prompts.csv",
        "id,theme,depth,text\nmine-001,kitchen-table,light,What shall we cook on Sunday?\n",
    );
    for shell in shells() {
        let got = offered(&env, shell, "couple prompt --theme ");
        for theme in ["listening", "play", "small-moments", "kitchen-table"] {
            assert!(
                got.iter().any(|t| t == theme),
                "{shell}: {theme} in {got:?}"
            );
        }
        assert_eq!(got.len(), 13, "{shell}: {got:?}");
        assert_eq!(
            offered(&env, shell, "couple talk -t k"),
            ["kitchen-table"],
            "{shell}"
        );
    }
}

#[test]
fn dates_owners_and_prompt_ids_never_complete_file_names() {
    let env = Env::new();
    for shell in shells() {
        for line in [
            "couple log talk --date ",
            "couple log talk -d 2",
            "couple goals add Trip --owner ",
            "couple goals add Trip --owner s",
            "couple log answer --prompt ",
            "couple review --date ",
        ] {
            assert_eq!(
                offered(&env, shell, line),
                Vec::<String>::new(),
                "{shell}: {line}"
            );
        }
    }
}

#[test]
fn options_are_offered_once_a_dash_is_typed() {
    let env = Env::new();
    for shell in shells() {
        let got = offered(&env, shell, "couple log --m");
        assert_eq!(got, ["--minutes", "--mood"], "{shell}");
    }
}

#[test]
fn the_committed_scripts_are_what_couple_registers() {
    let env = Env::new();
    for (shell, file) in [
        ("bash", "couple.bash"),
        ("zsh", "_couple"),
        ("fish", "couple.fish"),
    ] {
        let committed = fs::read_to_string(script(file)).unwrap();
        assert_eq!(env.ok(&["completions", shell]), committed, "{shell}");
        let mut cmd = env.command(&[]);
        cmd.env("COMPLETE", shell);
        let run = crate::harness::run(cmd);
        assert_eq!(run.stdout, committed, "COMPLETE={shell} couple");
    }
}

#[test]
fn bash_falls_back_to_nothing_not_to_file_names() {
    if !require_tool("bash") {
        return;
    }
    let out = Command::new("bash")
        .args(["--norc", "-c", "source \"$1\"; complete -p couple", "bash"])
        .arg(script("couple.bash"))
        .output()
        .unwrap();
    let spec = String::from_utf8_lossy(&out.stdout);
    assert!(spec.contains("-F _clap_complete_couple couple"), "{spec}");
    assert!(!spec.contains("default"), "{spec}");
}
