//! Completions that know your data: the open goals' ids (with their titles
//! where the shell shows descriptions) and the themes of your deck, your
//! own prompts.csv included. The shell scripts in completions/ only
//! register `couple` as its own completer (clap_complete's `CompleteEnv`):
//! at each TAB the shell runs `COMPLETE=SHELL couple -- WORDS…`, and clap
//! answers from the same definitions as `--help`. A value with nothing to
//! offer (a date, an owner, a prompt id) offers nothing, never file names.
//!
//! It reads the data directory from COUPLE_DIR or the default (a `--dir`
//! typed earlier on the line is not seen), and any error reads as "nothing
//! to offer": a completion never prints an error into the command line.

use std::ffi::{OsStr, OsString};

use clap_complete::engine::CompletionCandidate;
use clap_complete::env::EnvCompleter;

use crate::deck;
use crate::model::{Goal, Status};
use crate::store;

/// Done, drop, edit: the open goals.
pub(crate) fn open_goals(current: &OsStr) -> Vec<CompletionCandidate> {
    goals(current, |goal| goal.status == Status::Open)
}

/// Reopen: the goals done or dropped.
pub(crate) fn closed_goals(current: &OsStr) -> Vec<CompletionCandidate> {
    goals(current, |goal| goal.status != Status::Open)
}

fn goals(current: &OsStr, keep: impl Fn(&Goal) -> bool) -> Vec<CompletionCandidate> {
    let typed = current.to_string_lossy().to_lowercase();
    let Some(dir) = crate::config::completion_dir() else {
        return Vec::new();
    };
    let Ok(goals) = store::goals::read(&dir) else {
        return Vec::new();
    };
    goals
        .iter()
        .filter(|goal| keep(goal) && goal.id.to_lowercase().starts_with(&typed))
        .map(|goal| CompletionCandidate::new(&goal.id).help(Some(one_line(&goal.title).into())))
        .collect()
}

/// --theme: the built-in themes and those of your prompts.csv.
pub(crate) fn themes(current: &OsStr) -> Vec<CompletionCandidate> {
    let typed = current.to_string_lossy().to_lowercase();
    let deck = crate::config::completion_dir()
        .and_then(|dir| store::prompts::load(&dir, None).ok())
        .unwrap_or_else(deck::builtin);
    deck::themes(&deck)
        .iter()
        .filter(|t| t.theme.to_lowercase().starts_with(&typed))
        .map(|t| {
            CompletionCandidate::new(t.theme).help(Some(format!("{} prompts", t.prompts).into()))
        })
        .collect()
}

/// A title as one line without control characters, for a menu.
fn one_line(text: &str) -> String {
    text.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}

/// The shells couple completes in, each answering as clap_complete's own,
/// except that options are offered only once a `-` is typed: `couple log
/// <TAB>` lists the kinds, not the kinds and twenty options.
pub(crate) const SHELLS: [&dyn EnvCompleter; 5] = [
    &OptionsOnDash(&clap_complete::env::Bash),
    &OptionsOnDash(&clap_complete::env::Elvish),
    &OptionsOnDash(&clap_complete::env::Fish),
    &OptionsOnDash(&clap_complete::env::Powershell),
    &OptionsOnDash(&clap_complete::env::Zsh),
];

/// A shell's completer with the options hidden while the word being
/// completed does not start with `-` (clap_complete shows hidden options
/// only when nothing else is offered).
pub(crate) struct OptionsOnDash(&'static dyn EnvCompleter);

impl EnvCompleter for OptionsOnDash {
    fn name(&self) -> &'static str {
        self.0.name()
    }

    fn is(&self, name: &str) -> bool {
        self.0.is(name)
    }

    fn write_registration(
        &self,
        var: &str,
        name: &str,
        bin: &str,
        completer: &str,
        buf: &mut dyn std::io::Write,
    ) -> std::io::Result<()> {
        self.0.write_registration(var, name, bin, completer, buf)
    }

    fn write_complete(
        &self,
        cmd: &mut clap::Command,
        args: Vec<OsString>,
        current_dir: Option<&std::path::Path>,
        buf: &mut dyn std::io::Write,
    ) -> std::io::Result<()> {
        // bash and zsh say which word is completed; the others complete
        // the last one.
        let index = std::env::var("_CLAP_COMPLETE_INDEX")
            .ok()
            .and_then(|i| i.parse::<usize>().ok())
            .filter(|&i| i < args.len())
            .unwrap_or(args.len().saturating_sub(1));
        let current = args.get(index).map(|a| a.to_string_lossy().into_owned());
        if !current.unwrap_or_default().starts_with('-') {
            *cmd = hide_options(std::mem::take(cmd));
        }
        self.0.write_complete(cmd, args, current_dir, buf)
    }
}

fn hide_options(cmd: clap::Command) -> clap::Command {
    cmd.mut_args(|arg| {
        if arg.is_positional() {
            arg
        } else {
            arg.hide(true)
        }
    })
    .mut_subcommands(hide_options)
}
