//! The files made from the clap definitions and kept in the repository:
//! the completion scripts in `completions/` and the man pages in `man/`.
//! `couple completions SHELL` prints a script; the man pages are made only
//! by the test below, which fails when a committed file drifts and rewrites
//! them all when run with `COUPLE_REGENERATE=1`.

use clap_complete::Shell;

#[cfg(test)]
mod man;

/// The completion script for `shell`: it registers `couple` as its own
/// completer (see `crate::complete`), as `COMPLETE=SHELL couple` prints it,
/// with two changes: bash gets no file-name fallback, and zsh's also
/// completes when autoloaded from $fpath.
pub(crate) fn script(shell: Shell) -> Vec<u8> {
    let mut bytes = Vec::new();
    let name = shell.to_string();
    if let Some(completer) = clap_complete::env::Shells(&crate::complete::SHELLS).completer(&name) {
        // Writing to a Vec cannot fail.
        let _ = completer.write_registration("COMPLETE", "couple", "couple", "couple", &mut bytes);
    }
    if shell == Shell::Bash {
        // Without bashdefault: when couple offers nothing (a date, an
        // owner), bash offers nothing either, not file names.
        bytes = String::from_utf8_lossy(&bytes)
            .replace(" -o bashdefault", "")
            .into_bytes();
    }
    if shell == Shell::Zsh {
        // Autoloaded from $fpath as _couple, the file is the function's
        // body: define the completer, then complete this first TAB too.
        bytes.extend_from_slice(
            b"if [ \"$funcstack[1]\" = \"_couple\" ]; then\n    _clap_dynamic_completer_couple \"$@\"\nfi\n",
        );
    }
    bytes
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;
    use clap_complete::Shell;

    use super::script;
    use crate::cli::Cli;

    /// Every generated file: its path in the repository, and its bytes.
    fn files() -> Vec<(String, Vec<u8>)> {
        let mut files: Vec<(String, Vec<u8>)> = SCRIPTS
            .iter()
            .map(|&(shell, name)| (format!("completions/{name}"), script(shell)))
            .collect();
        for (name, page) in man_pages() {
            files.push((format!("man/{name}"), page));
        }
        files
    }

    /// The shells, and the file each one's script is kept in.
    const SCRIPTS: [(Shell, &str); 5] = [
        (Shell::Bash, "couple.bash"),
        (Shell::Zsh, "_couple"),
        (Shell::Fish, "couple.fish"),
        (Shell::Elvish, "couple.elv"),
        (Shell::PowerShell, "_couple.ps1"),
    ];

    /// Every man page, from the clap definitions (see `man`).
    fn man_pages() -> Vec<(String, Vec<u8>)> {
        let mut cmd = Cli::command().disable_help_subcommand(true);
        cmd.build();
        super::man::pages(&cmd)
            .into_iter()
            .map(|(name, text)| (name, text.into_bytes()))
            .collect()
    }

    #[test]
    fn committed_completions_and_man_pages_match_fresh_output() {
        let repo = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let regenerate = std::env::var_os("COUPLE_REGENERATE").is_some();
        let files = files();
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
