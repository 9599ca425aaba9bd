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

/// What a shell offers for a command line, from the committed script;
/// `None` when that shell is not installed here.
fn offered(shell: &str, line: &str) -> Option<Vec<String>> {
    let script = repo().join(match shell {
        "bash" => "completions/couple.bash",
        _ => "completions/couple.fish",
    });
    let mut words: Vec<&str> = line.split(' ').collect();
    let program = match shell {
        "bash" => {
            let current = words.pop().unwrap_or_default();
            let previous = words.last().copied().unwrap_or_default();
            format!(
                "source \"$1\"; COMP_WORDS=({} \"{current}\"); COMP_CWORD={}; _couple couple \"{current}\" \"{previous}\"; printf '%s\\n' \"${{COMPREPLY[@]}}\"",
                words.join(" "),
                words.len()
            )
        }
        _ => format!("source $argv[1]; complete -C '{line}'"),
    };
    let out = std::process::Command::new(shell)
        .args(["-c", &program])
        .arg(if shell == "bash" { "bash" } else { "--" })
        .arg(&script)
        .output()
        .ok()?;
    assert!(
        out.status.success(),
        "{shell}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    Some(
        String::from_utf8_lossy(&out.stdout)
            .lines()
            .map(|l| l.split('\t').next().unwrap_or_default().to_string())
            .collect(),
    )
}

#[test]
fn bash_and_fish_offer_the_five_subcommands() {
    for shell in ["bash", "fish"] {
        let Some(words) = offered(shell, "couple ") else {
            eprintln!("skipped: no {shell}");
            continue;
        };
        for sub in ["prompt", "log", "goals", "review", "export"] {
            assert!(
                words.iter().any(|w| w == sub),
                "{shell} does not offer {sub}: {words:?}"
            );
        }
    }
}

#[test]
fn bash_offers_kinds_and_themes_as_values() {
    let Some(words) = offered("bash", "couple log ") else {
        return;
    };
    assert!(words.iter().any(|w| w == "us-time"), "{words:?}");
    let Some(words) = offered("bash", "couple prompt --theme ") else {
        return;
    };
    assert!(words.iter().any(|w| w == "small-moments"), "{words:?}");
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
fn the_zsh_and_fish_scripts_parse_and_the_man_page_renders_when_the_tools_exist() {
    for (shell, file) in [("zsh", "_couple"), ("fish", "couple.fish")] {
        if let Ok(out) = std::process::Command::new(shell)
            .arg("-n")
            .arg(repo().join("completions").join(file))
            .output()
        {
            assert!(
                out.status.success(),
                "{shell} -n: {}",
                String::from_utf8_lossy(&out.stderr)
            );
        }
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
