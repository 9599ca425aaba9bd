//! The man pages, written from the clap definitions: one page per
//! (sub)subcommand with NAME, SYNOPSIS, DESCRIPTION, OPTIONS (the global
//! ones in their own subsection), FILES and ENVIRONMENT where the command
//! touches them, EXIT STATUS, EXAMPLES (the help's "Examples:" block) and
//! SEE ALSO.
//!
//! Written here rather than by clap_mangen, whose pages mandoc warns about
//! (`.br` beside `.sp`, a `.TH` without a date, lines past 80 bytes) and
//! which puts the examples under a section called EXTRA. The roff is kept
//! plain: ASCII only (other characters as `\[uXXXX]`), no blank lines, no
//! input line longer than 80 bytes, so `mandoc -T lint` has nothing to say.

use std::fmt::Write as _;

use clap::{Arg, ArgAction, Command};

/// The date on every page's `.TH` line: the day the pages last changed in
/// substance. Bump it with the version when the command surface changes.
pub(super) const DATE: &str = "2026-11-30";

/// A file some commands read or write, for FILES.
struct File {
    path: &'static str,
    text: &'static str,
    /// The top-level commands whose pages list it; empty: every page.
    used_by: &'static [&'static str],
}

const FILES: &[File] = &[
    File {
        path: "$COUPLE_DIR",
        text: "The data directory: --dir, else COUPLE_DIR, else $XDG_DATA_HOME/couple \
               (~/.local/share/couple). Created 0700, its files 0600. Columns are matched by \
               header name; a spreadsheet's column order, extra columns, BOM and CRLF are kept.",
        used_by: &[],
    },
    File {
        path: "$COUPLE_DIR/log.csv",
        text: "Every ritual logged, one row each: \
               id,date,partner,kind,minutes,mood,prompt,note,logged_at. Appended under the lock.",
        used_by: &[
            "", "log", "goals", "review", "history", "export", "talk", "rituals",
        ],
    },
    File {
        path: "$COUPLE_DIR/goals.csv",
        text: "Shared goals and dreams: \
               id,title,horizon,status,owner,due,created,closed,note,updated_at. \
               Rewritten atomically.",
        used_by: &["", "goals", "review", "export"],
    },
    File {
        path: "$COUPLE_DIR/prompts.csv",
        text: "Optional prompts of your own (id,theme,depth,text), added to the built-in deck.",
        used_by: &["", "prompt", "log", "talk", "export", "history"],
    },
    File {
        path: "$COUPLE_DIR/rituals.csv, $COUPLE_DIR/pauses.csv",
        text: "The couple's rituals with their targets, and the pauses that keep a streak.",
        used_by: &["", "rituals", "review"],
    },
    File {
        path: "$COUPLE_DIR/settings.csv",
        text: "The couple's settings: the time zone of the question-day, the pinned deck edition.",
        used_by: &["", "prompt", "log", "talk"],
    },
    File {
        path: "$COUPLE_DIR/.lock",
        text: "Writers take an exclusive lock on it; a writer waits about 10 seconds, then fails.",
        used_by: &["", "log", "goals", "talk", "rituals", "prompt"],
    },
    File {
        path: "$XDG_CONFIG_HOME/couple/hooks/",
        text: "Executables run after a successful write (post-log, post-goal, post-answer), \
               with the new row as JSON on stdin. Never anything in the data directory.",
        used_by: &["", "log", "goals", "talk"],
    },
    File {
        path: "$COUPLE_DIR/.age-recipients",
        text: "With encryption on (couple crypt), the public keys every write encrypts to, \
               one a line, each after a # comment naming whose; the data files are then \
               log.csv.age, goals.csv.age, ... (settings.csv stays plain).",
        used_by: &["", "crypt"],
    },
    File {
        path: "$XDG_CONFIG_HOME/couple/identity.txt",
        text: "This machine's age key (0600; one readable by others is refused), \
               made by couple crypt init. Losing every key loses encrypted data.",
        used_by: &["", "crypt"],
    },
    File {
        path: "$XDG_STATE_HOME/couple/",
        text: "What this machine remembers for you (what review --due already said).",
        used_by: &["", "review"],
    },
];

const ENVIRONMENT: &[(&str, &str)] = &[
    ("COUPLE_DIR", "The data directory (as --dir)."),
    (
        "COUPLE_PARTNER",
        "Who you are (as --partner); otherwise USER, else LOGNAME.",
    ),
    ("NO_COLOR", "When set and not empty, no colour."),
    (
        "XDG_DATA_HOME, XDG_CONFIG_HOME, XDG_STATE_HOME",
        "Where the default data directory, the hooks and this machine's state live.",
    ),
    (
        "COUPLE_TODAY",
        "A YYYY-MM-DD date that \"today\" means instead of the clock's \
         (for tests and reproducible reports).",
    ),
    (
        "TZ",
        "The local time zone, which decides what date today is \
         (unless settings.csv names the couple's).",
    ),
];

const EXIT_STATUS: &[(&str, &str)] = &[
    ("0", "Success, also when the reader of a pipe goes away."),
    (
        "1",
        "A runtime failure (I/O, a lock that never came free); \
         with review --exit-code, something is due.",
    ),
    (
        "2",
        "A usage error: a bad flag, date, kind, theme or id. Nothing was written.",
    ),
    (
        "65",
        "A data file cannot be parsed, or an encrypted one was changed or damaged; \
         the message names the file (and line). Nothing was written.",
    ),
];

/// The examples of `man couple`, which has no "Examples:" block of its own.
const MAIN_EXAMPLES: &[(&str, &str)] = &[
    ("couple", "Today's question, and what is due."),
    (
        "couple prompt",
        "Today's question, the same for both of you.",
    ),
    (
        "couple log talk -m 15 about the move",
        "Record the daily talk, with a note.",
    ),
    (
        "couple log care \"left a note in her bag\"",
        "Record a small act of care.",
    ),
    ("couple review", "How this week is going."),
    (
        "couple review --due",
        "What is due now; nothing when all is well. For cron.",
    ),
    (
        "couple goals add \"Learn to sail\" --horizon year",
        "Write down a shared goal.",
    ),
    (
        "couple export log --from 2026-01-01 --excel -o year.csv",
        "The year's log for a spreadsheet.",
    ),
];

/// Every page: its file name and its text.
pub(super) fn pages(root: &Command) -> Vec<(String, String)> {
    let mut pages = Vec::new();
    walk(root, &[], &mut pages);
    pages.sort();
    pages
}

fn walk(cmd: &Command, parents: &[&Command], pages: &mut Vec<(String, String)>) {
    let mut path: Vec<&Command> = parents.to_vec();
    path.push(cmd);
    pages.push((format!("{}.1", page_name(&path)), page(&path)));
    for sub in visible_subcommands(cmd) {
        walk(sub, &path, pages);
    }
}

fn visible_subcommands(cmd: &Command) -> impl Iterator<Item = &Command> {
    cmd.get_subcommands()
        .filter(|s| !s.is_hide_set() && s.get_name() != "help")
}

/// `couple-goals-done`
fn page_name(path: &[&Command]) -> String {
    path.iter()
        .map(|c| c.get_name())
        .collect::<Vec<_>>()
        .join("-")
}

fn page(path: &[&Command]) -> String {
    let cmd = *path.last().expect("a page has a command");
    let name = page_name(path);
    let words = path
        .iter()
        .map(|c| c.get_name())
        .collect::<Vec<_>>()
        .join(" ");
    let top = path.get(1).map_or("", |c| c.get_name());
    let version = path[0].get_version().unwrap_or_default();
    let mut m = Roff::default();

    m.control(&format!(
        ".TH {} 1 {DATE} \"couple {version}\" \"User Commands\"",
        name.to_uppercase()
    ));
    m.control(".SH NAME");
    let about = cmd.get_about().map(ToString::to_string).unwrap_or_default();
    m.text(&format!("{name} - {about}"));

    m.control(".SH SYNOPSIS");
    synopsis(&mut m, cmd, &words);

    m.control(".SH DESCRIPTION");
    let long = cmd
        .get_long_about()
        .or(cmd.get_about())
        .map(ToString::to_string)
        .unwrap_or_default();
    m.paragraphs(&long);
    let subs: Vec<&Command> = visible_subcommands(cmd).collect();
    if !subs.is_empty() {
        m.control(".SS Commands");
        for sub in &subs {
            m.control(".TP");
            m.raw(&format!(
                "\\fB{} {}\\fR",
                escape(&words),
                escape(sub.get_name())
            ));
            m.text(&sub.get_about().map(ToString::to_string).unwrap_or_default());
            m.text(&format!("See {name}-{}(1).", sub.get_name()));
        }
    }

    m.control(".SH OPTIONS");
    let (global, local): (Vec<&Arg>, Vec<&Arg>) = cmd
        .get_arguments()
        .filter(|a| !a.is_hide_set())
        .partition(|a| a.is_global_set());
    let (positional, flags): (Vec<&Arg>, Vec<&Arg>) =
        local.into_iter().partition(|a| a.is_positional());
    for arg in positional.iter().chain(&flags) {
        option(&mut m, arg);
    }
    if !global.is_empty() {
        m.control(".SS Global options");
        m.text("These go before or after the command name.");
        for arg in global {
            option(&mut m, arg);
        }
    }

    reference(&mut m, top);

    let examples = examples(cmd, path.len() == 1);
    if !examples.is_empty() {
        m.control(".SH EXAMPLES");
        for (line, text) in examples {
            m.control(".TP");
            m.raw(&format!("\\fB{}\\fR", escape(&line)));
            m.text(if text.is_empty() { " " } else { &text });
        }
    }

    m.control(".SH SEE ALSO");
    let mut see: Vec<String> = Vec::new();
    if path.len() > 1 {
        see.push(page_name(&path[..path.len() - 1]));
    }
    see.extend(subs.iter().map(|s| format!("{name}-{}", s.get_name())));
    if path.len() == 2 {
        see.extend(
            visible_subcommands(path[0])
                .filter(|s| s.get_name() != cmd.get_name())
                .map(|s| format!("couple-{}", s.get_name())),
        );
    }
    let count = see.len();
    for (i, page) in see.iter().enumerate() {
        let comma = if i + 1 < count { " ," } else { "" };
        m.control(&format!(".BR {} (1){comma}", escape(page)));
    }
    m.finish()
}

/// FILES (those the command touches), ENVIRONMENT and EXIT STATUS.
fn reference(m: &mut Roff, top: &str) {
    let files: Vec<&File> = FILES
        .iter()
        .filter(|f| f.used_by.is_empty() || f.used_by.contains(&top))
        .collect();
    if top != "completions" {
        m.control(".SH FILES");
        for file in files {
            m.control(".TP");
            m.raw(&format!("\\fI{}\\fR", escape(file.path)));
            m.text(file.text);
        }
    }
    m.control(".SH ENVIRONMENT");
    for (var, text) in ENVIRONMENT {
        m.control(".TP");
        m.raw(&format!("\\fB{}\\fR", escape(var)));
        m.text(text);
    }
    m.control(".SH EXIT STATUS");
    for (code, text) in EXIT_STATUS {
        m.control(".TP");
        m.raw(&format!("\\fB{code}\\fR"));
        m.text(text);
    }
}

/// `couple log [OPTIONS] [KIND] [NOTE]...`, as clap's usage says it, in roff.
fn synopsis(m: &mut Roff, cmd: &Command, words: &str) {
    let mut parts = vec![format!("\\fB{}\\fR", escape(words))];
    if cmd
        .get_arguments()
        .any(|a| !a.is_positional() && !a.is_hide_set())
    {
        parts.push("[\\fIOPTIONS\\fR]".to_string());
    }
    for arg in cmd.get_positionals().filter(|a| !a.is_hide_set()) {
        let name = arg
            .get_value_names()
            .and_then(|n| n.first())
            .map_or_else(|| arg.get_id().to_string(), ToString::to_string);
        let more = if matches!(arg.get_action(), ArgAction::Append)
            || arg.get_num_args().is_some_and(|n| n.max_values() > 1)
        {
            "..."
        } else {
            ""
        };
        let name = format!("\\fI{}\\fR{more}", escape(&name));
        parts.push(if arg.is_required_set() {
            name
        } else {
            format!("[{name}]")
        });
    }
    if cmd.get_subcommands().any(|s| !s.is_hide_set()) {
        let command = if cmd.is_subcommand_required_set() {
            "\\fICOMMAND\\fR".to_string()
        } else {
            "[\\fICOMMAND\\fR]".to_string()
        };
        parts.push(command);
    }
    m.words(&parts.join(" "));
}

/// One option: its names and value, then its long help, values, default
/// and environment variable.
fn option(m: &mut Roff, arg: &Arg) {
    let value = arg
        .get_value_names()
        .and_then(|n| n.first())
        .map(ToString::to_string);
    let mut tag = Vec::new();
    if arg.is_positional() {
        tag.push(format!(
            "\\fI{}\\fR",
            escape(&value.clone().unwrap_or_else(|| arg.get_id().to_string()))
        ));
    } else {
        if let Some(short) = arg.get_short() {
            tag.push(format!("\\fB\\-{}\\fR", escape(&short.to_string())));
        }
        if let Some(long) = arg.get_long() {
            tag.push(format!("\\fB\\-\\-{}\\fR", escape(long)));
        }
    }
    let mut tag = tag.join(", ");
    if let Some(value) = value.as_ref().filter(|_| !arg.is_positional())
        && arg.get_action().takes_values()
    {
        tag = format!("{tag} \\fI{}\\fR", escape(value));
    }
    m.control(".TP");
    m.raw(&tag);
    let help = arg
        .get_long_help()
        .or(arg.get_help())
        .map(ToString::to_string)
        .unwrap_or_default();
    let mut first = true;
    for paragraph in help.split("\n\n").filter(|p| !p.trim().is_empty()) {
        if !first {
            m.control(".IP");
        }
        first = false;
        m.text(paragraph);
    }
    let mut notes = Vec::new();
    if !arg.is_hide_possible_values_set() && arg.get_action().takes_values() {
        let values: Vec<String> = arg
            .get_possible_values()
            .iter()
            .filter(|v| !v.is_hide_set())
            .map(|v| v.get_name().to_string())
            .collect();
        if !values.is_empty() {
            notes.push(format!("One of: {}.", values.join(", ")));
        }
    }
    if !arg.is_hide_default_value_set() && arg.get_action().takes_values() {
        let defaults: Vec<String> = arg
            .get_default_values()
            .iter()
            .map(|v| v.to_string_lossy().into_owned())
            .collect();
        if !defaults.is_empty() {
            notes.push(format!("Default: {}.", defaults.join(", ")));
        }
    }
    if let Some(env) = arg.get_env() {
        notes.push(format!("Environment: {}.", env.to_string_lossy()));
    }
    if !notes.is_empty() {
        if first {
            m.text(&notes.join(" "));
        } else {
            m.control(".IP");
            m.text(&notes.join(" "));
        }
    }
}

/// The help's "Examples:" block, one (command line, comment) per line; a
/// line that is only indented further continues the one before.
fn examples(cmd: &Command, main: bool) -> Vec<(String, String)> {
    if main {
        return MAIN_EXAMPLES
            .iter()
            .map(|&(a, b)| (a.to_string(), b.to_string()))
            .collect();
    }
    let Some(after) = cmd.get_after_help().map(ToString::to_string) else {
        return Vec::new();
    };
    let Some((_, block)) = after.split_once("Examples:\n") else {
        return Vec::new();
    };
    let mut found: Vec<(String, String)> = Vec::new();
    for line in block.lines() {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        // The command and its comment are set apart by two or more spaces.
        match line.find("  ") {
            Some(at) => found.push((line[..at].trim().to_string(), line[at..].trim().to_string())),
            None => found.push((line.to_string(), String::new())),
        }
    }
    found
}

/// Roff text, written so mandoc has nothing to say.
#[derive(Default)]
struct Roff {
    out: String,
}

impl Roff {
    fn control(&mut self, line: &str) {
        self.out.push_str(line);
        self.out.push('\n');
    }

    /// A line already in roff (escaped, fonts set): a `.TP` tag, which
    /// must stay one input line.
    fn raw(&mut self, line: &str) {
        self.push_line(line);
    }

    /// Plain text: escaped, its paragraphs joined, wrapped at 80 bytes.
    fn text(&mut self, text: &str) {
        let joined = text.split_whitespace().collect::<Vec<_>>().join(" ");
        self.wrap(&escape(&joined));
    }

    /// Roff words, wrapped.
    fn words(&mut self, line: &str) {
        self.wrap(line);
    }

    /// Paragraphs separated by blank lines, each its own `.PP`.
    fn paragraphs(&mut self, text: &str) {
        let mut first = true;
        for paragraph in text.split("\n\n").filter(|p| !p.trim().is_empty()) {
            if !first {
                self.control(".PP");
            }
            first = false;
            self.text(paragraph);
        }
    }

    fn wrap(&mut self, line: &str) {
        let mut current = String::new();
        for word in line.split(' ').filter(|w| !w.is_empty()) {
            if !current.is_empty() && current.len() + 1 + word.len() > 78 {
                self.push_line(&current);
                current.clear();
            }
            if !current.is_empty() {
                current.push(' ');
            }
            current.push_str(word);
        }
        if !current.is_empty() {
            self.push_line(&current);
        }
    }

    fn push_line(&mut self, line: &str) {
        // A line starting with . or ' would be read as a request.
        if line.starts_with('.') || line.starts_with('\'') {
            self.out.push_str("\\&");
        }
        self.out.push_str(line);
        self.out.push('\n');
    }

    fn finish(self) -> String {
        self.out
    }
}

/// Text as roff: backslashes and hyphens escaped, anything not ASCII as
/// a Unicode escape.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\e"),
            '-' => out.push_str("\\-"),
            '\u{2014}' => out.push_str("\\(em"),
            '\u{2013}' => out.push_str("\\(en"),
            '\u{2026}' => out.push_str("..."),
            '\u{2018}' | '\u{2019}' => out.push('\''),
            '\u{201c}' | '\u{201d}' => out.push('"'),
            c if c.is_ascii() => out.push(c),
            c => {
                let _ = write!(out, "\\[u{:04X}]", u32::from(c));
            }
        }
    }
    out
}
