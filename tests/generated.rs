//! completions/ and man/, as the binary serves them and as shells and man
//! read them. (That they match the clap definitions is checked beside the
//! code that makes them, in src/generated.rs.)

use std::fs;
use std::path::PathBuf;

use crate::harness::Env;

const REGENERATE: &str =
    "regenerate them with: COUPLE_REGENERATE=1 cargo test committed_completions";

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
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
fn completions_offer_no_maintainer_only_command() {
    let bash = fs::read_to_string(repo().join("completions/couple.bash")).unwrap();
    let fish = fs::read_to_string(repo().join("completions/couple.fish")).unwrap();
    assert!(
        !bash.contains("generate"),
        "bash offers a maintainer command"
    );
    assert!(
        !fish.contains("generate"),
        "fish offers a maintainer command"
    );
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
