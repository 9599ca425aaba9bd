//! The files made from the clap definitions and kept in the repository:
//! the completion scripts in `completions/` and the man pages in `man/`.
//! `couple completions SHELL` prints a script; the man pages are made only
//! by the test below, which fails when a committed file drifts and rewrites
//! them all when run with `COUPLE_REGENERATE=1`.

use clap::CommandFactory;
use clap_complete::Shell;

use crate::cli::Cli;

/// The completion script for `shell`.
pub(crate) fn script(shell: Shell) -> Vec<u8> {
    let mut bytes = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "couple", &mut bytes);
    bytes
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;
    use clap_complete::Shell;
    use clap_mangen::Man;
    use clap_mangen::roff::{Roff, bold, roman};

    use super::script;
    use crate::cli::Cli;

    /// Every generated file: its path in the repository, and its bytes.
    fn files() -> std::io::Result<Vec<(String, Vec<u8>)>> {
        let mut files: Vec<(String, Vec<u8>)> = SCRIPTS
            .iter()
            .map(|&(shell, name)| (format!("completions/{name}"), script(shell)))
            .collect();
        for (name, page) in man_pages()? {
            files.push((format!("man/{name}"), page));
        }
        Ok(files)
    }

    /// The shells, and the file each one's script is kept in.
    const SCRIPTS: [(Shell, &str); 5] = [
        (Shell::Bash, "couple.bash"),
        (Shell::Zsh, "_couple"),
        (Shell::Fish, "couple.fish"),
        (Shell::Elvish, "couple.elv"),
        (Shell::PowerShell, "_couple.ps1"),
    ];

    /// Every man page: couple.1 with the sections clap does not know about,
    /// and one page per (sub)subcommand.
    fn man_pages() -> std::io::Result<Vec<(String, Vec<u8>)>> {
        let mut cmd = Cli::command().disable_help_subcommand(true);
        cmd.build();
        let mut pages = Vec::new();
        let mut main = Vec::new();
        Man::new(cmd.clone()).render(&mut main)?;
        main.extend_from_slice(extra_sections().as_bytes());
        pages.push(("couple.1".to_string(), main));
        let mut stack: Vec<clap::Command> = cmd
            .get_subcommands()
            .filter(|s| !s.is_hide_set())
            .cloned()
            .collect();
        while let Some(sub) = stack.pop() {
            stack.extend(sub.get_subcommands().filter(|s| !s.is_hide_set()).cloned());
            let sub_page = Man::new(sub);
            let mut page = Vec::new();
            sub_page.render(&mut page)?;
            pages.push((sub_page.get_filename(), page));
        }
        pages.sort();
        Ok(pages)
    }

    /// The sections of `man couple` that clap knows nothing about.
    const SECTIONS: [(&str, &[(&str, &str)]); 4] = [
        (
            "FILES",
            &[
                (
                    "$COUPLE_DIR/log.csv",
                    "Every ritual logged, one row each: id,date,partner,kind,minutes,mood,prompt,note,logged_at. Appended under the lock.",
                ),
                (
                    "$COUPLE_DIR/goals.csv",
                    "Shared goals and dreams: id,title,horizon,status,owner,due,created,closed,note,updated_at. Rewritten atomically.",
                ),
                (
                    "$COUPLE_DIR/prompts.csv",
                    "Optional prompts of your own (id,theme,depth,text), added to the built-in deck.",
                ),
                (
                    "$COUPLE_DIR/.lock",
                    "Writers take an exclusive lock on it; a writer waits about 10 seconds, then fails.",
                ),
                (
                    "$COUPLE_DIR",
                    "The data directory: --dir, else COUPLE_DIR, else $XDG_DATA_HOME/couple (~/.local/share/couple). Created 0700, its files 0600. Columns are matched by header name; a spreadsheet's column order, extra columns, BOM and CRLF are kept.",
                ),
            ],
        ),
        (
            "ENVIRONMENT",
            &[
                ("COUPLE_DIR", "The data directory."),
                ("COUPLE_PARTNER", "Who you are; otherwise your login name."),
                ("NO_COLOR", "When set, no colour."),
                ("XDG_DATA_HOME", "Where the default data directory lives."),
                (
                    "COUPLE_TODAY",
                    "A YYYY-MM-DD date that \"today\" means instead of the clock's (for tests and reproducible reports).",
                ),
            ],
        ),
        (
            "EXIT STATUS",
            &[
                ("0", "Success, also when the reader of a pipe goes away."),
                (
                    "1",
                    "A runtime failure (I/O, a lock that never came free); with review --exit-code, something is due.",
                ),
                (
                    "2",
                    "A usage error: a bad flag, date, kind, theme or id. Nothing was written.",
                ),
                (
                    "65",
                    "A data file cannot be parsed; the message names the file and line. Nothing was written.",
                ),
            ],
        ),
        (
            "EXAMPLES",
            &[
                (
                    "couple prompt",
                    "Today's question, the same for both of you.",
                ),
                (
                    "couple log talk --minutes 15 \"about the move\"",
                    "Record the daily talk.",
                ),
                (
                    "couple log care \"left a note in her bag\"",
                    "Record a small act of care.",
                ),
                ("couple review", "How this week is going."),
                (
                    "couple review --due",
                    "What is due now; nothing when all is well. For cron: 0 20 * * * couple review --due",
                ),
                (
                    "couple goals add \"Learn to sail\" --horizon year",
                    "Write down a shared goal.",
                ),
                (
                    "couple goals review",
                    "The monthly sit-down; without a terminal it prints the agenda.",
                ),
                (
                    "couple export log --from 2026-01-01 --excel -o year.csv",
                    "The year's log for a spreadsheet.",
                ),
            ],
        ),
    ];

    fn extra_sections() -> String {
        let mut roff = Roff::new();
        for (title, items) in SECTIONS {
            roff.control("SH", [title]);
            for (term, text) in items {
                roff.control("TP", [])
                    .text([bold(*term)])
                    .text([roman(*text)]);
            }
        }
        roff.to_roff()
    }

    #[test]
    fn committed_completions_and_man_pages_match_fresh_output() {
        let repo = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let regenerate = std::env::var_os("COUPLE_REGENERATE").is_some();
        let files = files().expect("the man pages render");
        for dir in ["completions", "man"] {
            let mut committed: Vec<String> = std::fs::read_dir(repo.join(dir))
                .map(|entries| {
                    entries
                        .flatten()
                        .map(|e| format!("{dir}/{}", e.file_name().to_string_lossy()))
                        .collect()
                })
                .unwrap_or_default();
            committed.sort();
            let mut fresh: Vec<&String> = files
                .iter()
                .map(|(name, _)| name)
                .filter(|n| n.starts_with(&format!("{dir}/")))
                .collect();
            fresh.sort();
            if regenerate {
                for stale in committed.iter().filter(|c| !fresh.contains(c)) {
                    std::fs::remove_file(repo.join(stale)).expect("a stale file can be removed");
                }
            } else {
                assert_eq!(
                    committed.iter().collect::<Vec<_>>(),
                    fresh,
                    "{dir}/ holds other files than the definitions make; {HOW}"
                );
            }
        }
        for (name, bytes) in &files {
            let path = repo.join(name);
            if regenerate {
                std::fs::create_dir_all(path.parent().expect("a file has a folder"))
                    .expect("the folder can be made");
                std::fs::write(&path, bytes).expect("the file can be written");
            } else {
                let committed = std::fs::read(&path).unwrap_or_default();
                assert!(&committed == bytes, "{name} is out of date; {HOW}");
            }
        }
    }

    const HOW: &str = "regenerate with: COUPLE_REGENERATE=1 cargo test committed_completions";
}
