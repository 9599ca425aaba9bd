//! completions/ and man/, as the binary serves them and as shells and man
//! read them. (That they match the clap definitions is checked beside the
//! code that makes them, in src/generated.rs.)

use std::fs;
use std::path::PathBuf;

use crate::harness::{Env, require_tool};

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

/// `shell -n`: the committed script parses, silently.
#[track_caller]
fn assert_parses(shell: &str, file: &str) {
    let out = std::process::Command::new(shell)
        .arg("-n")
        .arg(repo().join("completions").join(file))
        .output()
        .unwrap_or_else(|e| panic!("{shell} runs: {e}"));
    assert!(
        out.status.success(),
        "{shell} -n: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(String::from_utf8_lossy(&out.stderr), "", "{shell} -n");
}

#[test]
fn the_zsh_script_parses() {
    if !require_tool("zsh") {
        return;
    }
    assert_parses("zsh", "_couple");
}

#[test]
fn the_fish_script_parses() {
    if !require_tool("fish") {
        return;
    }
    assert_parses("fish", "couple.fish");
}

fn man_pages() -> Vec<PathBuf> {
    let mut pages: Vec<PathBuf> = fs::read_dir(repo().join("man"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    pages.sort();
    assert!(pages.len() > 1, "{pages:?}");
    pages
}

/// Every page renders with man, without a warning, and has the sections a
/// packager expects (and no stray one, like clap_mangen's EXTRA).
#[test]
fn man_renders_every_page_with_its_sections() {
    if !require_tool("man") {
        return;
    }
    for page in man_pages() {
        let out = std::process::Command::new("man")
            .args(["-l", "-P", "cat"])
            .arg(&page)
            .env("MANWIDTH", "80")
            .env("MAN_KEEP_FORMATTING", "")
            // The review's page draws its chart with block characters: a
            // UTF-8 terminal's, whatever locale the tests run under.
            .env("LC_ALL", "C.UTF-8")
            .output()
            .unwrap();
        let name = page.display();
        assert!(
            out.status.success() && out.stderr.is_empty(),
            "man -l {name}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let text = String::from_utf8_lossy(&out.stdout);
        let headings: Vec<&str> = text
            .lines()
            .filter(|l| !l.is_empty() && !l.starts_with(' '))
            .skip(1)
            .filter(|l| !l.contains("User Commands") && !l.starts_with("couple "))
            .collect();
        let mut want = vec!["NAME", "SYNOPSIS", "DESCRIPTION", "OPTIONS"];
        if !name.to_string().ends_with("couple-completions.1") {
            want.push("FILES");
        }
        want.extend(["ENVIRONMENT", "EXIT STATUS", "EXAMPLES", "SEE ALSO"]);
        assert_eq!(headings, want, "{name}:\n{text}");
    }
}

/// Each page's `.TH` carries the section, a date mandoc can read, and the
/// source: `.TH COUPLE-LOG 1 2026-11-30 "couple 0.1.0" "User Commands"`.
#[test]
fn every_man_page_has_a_dated_title_line() {
    for page in man_pages() {
        let text = fs::read_to_string(&page).unwrap();
        let th = text.lines().find(|l| l.starts_with(".TH ")).unwrap();
        let words: Vec<&str> = th.split(' ').collect();
        let stem = page.file_stem().unwrap().to_string_lossy().to_uppercase();
        assert_eq!(&words[1..3], [stem.as_str(), "1"], "{th}");
        let date = words[3];
        assert!(
            date.len() == 10 && date.as_bytes()[4] == b'-' && date[..4].parse::<u16>().is_ok(),
            "{th}"
        );
        assert!(
            th.contains(concat!("\"couple ", env!("CARGO_PKG_VERSION"), "\"")),
            "{th}"
        );
    }
}

/// mandoc (the BSDs' and macOS's man) has nothing to say about any page:
/// no error, no warning, not even a style note.
#[test]
fn mandoc_lint_reports_nothing_for_any_man_page() {
    if !require_tool("mandoc") {
        return;
    }
    let out = std::process::Command::new("mandoc")
        .args(["-T", "lint", "-W", "style"])
        .args(man_pages())
        .output()
        .unwrap();
    assert!(
        out.status.success() && out.stdout.is_empty() && out.stderr.is_empty(),
        "mandoc -T lint: {}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}
