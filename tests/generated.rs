//! completions/ and man/ are generated from the clap definitions and kept
//! current: these tests fail when a committed file drifts.

use std::fs;
use std::path::{Path, PathBuf};

use crate::harness::Env;

const REGENERATE: &str = "regenerate them with: cargo run -- generate .";

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn files(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .map(|entries| {
            entries
                .flatten()
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
}

#[test]
fn committed_completions_and_man_pages_match_fresh_output() {
    let env = Env::new();
    let fresh = env.home().join("fresh");
    env.ok(&["generate", fresh.to_str().unwrap()]);
    for dir in ["completions", "man"] {
        let (want, have) = (files(&fresh.join(dir)), files(&repo().join(dir)));
        assert_eq!(
            have, want,
            "{dir}/ holds other files than the binary makes; {REGENERATE}"
        );
        for name in want {
            let fresh_bytes = fs::read(fresh.join(dir).join(&name)).unwrap();
            let committed = fs::read(repo().join(dir).join(&name)).unwrap();
            assert!(
                fresh_bytes == committed,
                "{dir}/{name} is out of date; {REGENERATE}"
            );
        }
    }
}

#[test]
fn completions_print_exactly_the_committed_scripts() {
    let env = Env::new();
    for (shell, name) in [
        ("bash", "couple.bash"),
        ("zsh", "_couple"),
        ("fish", "couple.fish"),
        ("elvish", "couple.elv"),
        ("powershell", "_couple.ps1"),
    ] {
        let committed = fs::read_to_string(repo().join("completions").join(name)).unwrap();
        assert!(
            env.ok(&["completions", shell]) == committed,
            "{shell}: {REGENERATE}"
        );
    }
}

#[test]
fn completions_offer_the_subcommands_and_values() {
    let bash = fs::read_to_string(repo().join("completions/couple.bash")).unwrap();
    let fish = fs::read_to_string(repo().join("completions/couple.fish")).unwrap();
    for word in [
        "prompt",
        "log",
        "review",
        "goals",
        "export",
        "us-time",
        "sit-down",
        "listening",
        "someday",
    ] {
        assert!(bash.contains(word), "bash completion lacks {word}");
        assert!(fish.contains(word), "fish completion lacks {word}");
    }
}

#[test]
fn the_zsh_script_parses_and_the_man_page_renders_when_the_tools_exist() {
    let zsh = std::process::Command::new("zsh")
        .arg("-n")
        .arg(repo().join("completions/_couple"))
        .output();
    if let Ok(out) = zsh {
        assert!(
            out.status.success(),
            "zsh -n: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let man = std::process::Command::new("man")
        .args(["-l", "-P", "cat"])
        .arg(repo().join("man/couple.1"))
        .env("MANWIDTH", "80")
        .output();
    if let Ok(out) = man
        && out.status.success()
    {
        let text = String::from_utf8_lossy(&out.stdout);
        for section in ["FILES", "ENVIRONMENT", "EXIT STATUS", "EXAMPLES"] {
            assert!(text.contains(section), "man couple lacks {section}");
        }
    }
}
