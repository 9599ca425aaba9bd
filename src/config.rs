//! What every command needs to know about its surroundings, resolved once:
//! the data directory, who is calling, what day it is, and whether there is
//! a person at a terminal. Commands never read the environment or the clock
//! themselves, so tests can pin all of it.

use std::cell::OnceCell;
use std::env;
use std::io::IsTerminal;
use std::path::PathBuf;

use chrono::{DateTime, FixedOffset, Local, NaiveDate, Utc};

use crate::cli::{ColorChoice, GlobalArgs};
use crate::dates;
use crate::error::{Error, Result};
use crate::store::settings::{self, Settings};

/// The resolved surroundings of one run.
#[derive(Debug)]
pub(crate) struct Config {
    /// The data directory; it may not exist yet.
    pub(crate) dir: PathBuf,
    partner: Option<String>,
    /// `--partner NAME` as typed on the command line (not from the
    /// environment): reports and exports narrow to that partner.
    pub(crate) partner_filter: Option<String>,
    /// Who is reading, for the blind rule: as `partner`, except that a
    /// `--partner` typed on the command line is not taken as the reader
    /// (on a report it filters): `COUPLE_PARTNER`, else the login name.
    reader: Option<String>,
    /// Where this machine keeps what is its own and not shared (what
    /// `review --due` already said): `$XDG_STATE_HOME/couple`, else
    /// `~/.local/state/couple`; `None` without a home directory.
    pub(crate) state_dir: Option<PathBuf>,
    /// `$XDG_CONFIG_HOME/couple/hooks`: executables run after a write.
    pub(crate) hooks_dir: Option<PathBuf>,
    /// The date "today" means: in the couple's time zone when settings.csv
    /// names one, else the local date.
    pub(crate) today: NaiveDate,
    /// The couple's shared settings (settings.csv), read once.
    pub(crate) settings: Settings,
    /// The moment of this run.
    instant: DateTime<Utc>,
    /// [`Config::now`], worked out when first asked: the local offset
    /// means reading the system's zone file, which `couple prompt` (in
    /// every new shell) does not need when the couple has a time zone.
    now: OnceCell<DateTime<FixedOffset>>,
    /// Whether we may ask questions: stdin is a terminal and `--no-input` is off.
    pub(crate) interactive: bool,
    /// Whether stdout is a terminal (decorations, not just data).
    pub(crate) stdout_is_terminal: bool,
    /// Whether to colour stdout.
    pub(crate) color: bool,
    pub(crate) quiet: bool,
    /// The pager long output goes through on a terminal: `$PAGER`, else
    /// `less -R`; `None` when PAGER is empty or `cat`.
    pub(crate) pager: Option<Pager>,
}

/// A pager command line, and the `LESS` options to give it when the user
/// set none (`FRX`: quit when it fits on one screen, keep colours, leave
/// the text on the screen), as `git` does.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Pager {
    pub(crate) command: String,
    pub(crate) less: Option<&'static str>,
}

impl Config {
    pub(crate) fn resolve(global: &GlobalArgs, partner_typed: bool) -> Result<Self> {
        // COUPLE_NOW pins the clock (an RFC 3339 instant) for tests.
        let instant: DateTime<Utc> = match env::var("COUPLE_NOW") {
            Ok(text) => DateTime::parse_from_rfc3339(&text)
                .map_err(|_| {
                    Error::usage(format!("COUPLE_NOW={text:?} is not an RFC 3339 instant"))
                        .with_hint("write it like 2026-11-25T18:30:00+01:00, or unset it")
                })?
                .to_utc(),
            Err(_) => Utc::now(),
        };
        let now = OnceCell::new();
        let dir = match &global.dir {
            Some(dir) => dir.clone(),
            None => default_dir()?,
        };
        let settings = settings::read(&dir)?;
        // COUPLE_TODAY pins "today" for tests and for reproducible scripts.
        let today = match env::var_os("COUPLE_TODAY") {
            Some(text) => dates::parse_pinned_today(&text.to_string_lossy())?,
            None => match settings.date_at(instant) {
                Some(day) => day,
                None => now.get_or_init(|| local(instant)).date_naive(),
            },
        };
        let stdout_is_terminal = std::io::stdout().is_terminal();
        let color = match global.color {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => {
                stdout_is_terminal && env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
            }
        };
        // An empty value counts as unset, so `COUPLE_PARTNER=` falls through
        // to the login name; the name is kept as typed, bar surrounding spaces.
        let typed = global.partner.as_deref().and_then(nonblank);
        if partner_typed && typed.is_none() {
            return Err(Error::usage("--partner needs a name")
                .with_hint("couple --partner yourname …, or leave it out to use COUPLE_PARTNER"));
        }
        if let Some(name) = typed {
            let from = if partner_typed {
                "--partner"
            } else {
                "COUPLE_PARTNER"
            };
            check_name(name, from)?;
        }
        let partner = typed.map(str::to_string).or_else(login_name);
        // clap let the typed flag win over COUPLE_PARTNER; the reader is
        // the name the flag hid.
        let reader = if partner_typed {
            match env::var("COUPLE_PARTNER")
                .ok()
                .as_deref()
                .and_then(nonblank)
            {
                Some(name) => Some(check_name(name, "COUPLE_PARTNER")?.to_string()),
                None => login_name(),
            }
        } else {
            partner.clone()
        };
        let dir = match &global.dir {
            Some(dir) if dir.as_os_str().is_empty() => return Err(empty_dir()),
            Some(dir) => dir.clone(),
            None => default_dir()?,
        };
        Ok(Self {
            partner_filter: partner.clone().filter(|_| partner_typed),
            dir,
            partner,
            reader,
            state_dir: state_dir(),
            hooks_dir: config_dir().map(|dir| dir.join("hooks")),
            today,
            settings,
            instant,
            now,
            interactive: !global.no_input && std::io::stdin().is_terminal(),
            stdout_is_terminal,
            color,
            quiet: global.quiet,
            pager: pager(),
        })
    }

    /// The moment of this run, with the local offset, for `logged_at`.
    pub(crate) fn now(&self) -> DateTime<FixedOffset> {
        *self.now.get_or_init(|| local(self.instant))
    }

    /// Who is calling: `--partner`, `COUPLE_PARTNER`, else the login name
    /// (`USER`, else `LOGNAME`); an empty value counts as unset.
    pub(crate) fn partner(&self) -> Result<&str> {
        self.partner.as_deref().ok_or_else(|| {
            Error::usage("cannot tell who you are: no --partner, COUPLE_PARTNER, USER or LOGNAME")
                .with_hint("set COUPLE_PARTNER=yourname, for example in ~/.profile or the crontab")
        })
    }

    /// Who is calling, if anyone can tell: commands that only read need no name.
    pub(crate) fn caller(&self) -> Option<&str> {
        self.partner.as_deref()
    }

    /// Who is reading a report, for the blind rule: `COUPLE_PARTNER`, else
    /// the login name, never the `--partner` that filters the report (a
    /// filter must not reveal the answers of the partner it names). `None`
    /// when nobody can tell: then every answer stays hidden.
    pub(crate) fn reader(&self) -> Option<&str> {
        self.reader.as_deref()
    }
}

/// Refuses a name with a control character or a line separator in it
/// (`from` says where it came from), as an empty `--partner` is refused.
pub(crate) fn check_name<'n>(name: &'n str, from: &str) -> Result<&'n str> {
    match crate::model::unfit_in_name(name) {
        None => Ok(name),
        Some(c) => Err(Error::usage(format!(
            "{from} {:?} holds {}: a name is one line of plain text",
            name,
            crate::render::shown(&c.to_string())
                .replace('\n', "a line break")
                .replace('\t', "a tab")
        ))
        .with_hint("write the name without control characters, like --partner alex")),
    }
}

fn local(instant: DateTime<Utc>) -> DateTime<FixedOffset> {
    instant.with_timezone(&Local).fixed_offset()
}

fn nonblank(name: &str) -> Option<&str> {
    Some(name.trim()).filter(|name| !name.is_empty())
}

fn pager() -> Option<Pager> {
    let command = env::var("PAGER").unwrap_or_else(|_| "less -R".to_string());
    let command = command.trim();
    if command.is_empty() || command == "cat" {
        return None;
    }
    Some(Pager {
        command: command.to_string(),
        less: env::var_os("LESS").is_none().then_some("FRX"),
    })
}

/// `USER`, else `LOGNAME`; a login name with a control character in it
/// is no name (commands that need one then ask for COUPLE_PARTNER).
fn login_name() -> Option<String> {
    ["USER", "LOGNAME"].into_iter().find_map(|var| {
        env::var(var)
            .ok()
            .as_deref()
            .and_then(nonblank)
            .filter(|name| crate::model::unfit_in_name(name).is_none())
            .map(str::to_string)
    })
}

/// `--dir ""` or `COUPLE_DIR=`: refused rather than read as "the default",
/// so a script whose variable came out empty never writes to a directory
/// the other partner does not sync.
fn empty_dir() -> Error {
    let from = if env::var_os("COUPLE_DIR").is_some_and(|v| v.is_empty()) {
        "COUPLE_DIR is set but empty"
    } else {
        "--dir is empty"
    };
    Error::usage(format!("{from}: no data directory"))
        .with_hint("name a directory, or unset COUPLE_DIR to use the default")
}

/// `$XDG_CONFIG_HOME/couple`, else `~/.config/couple`: this machine's own
/// settings (hooks), outside the shared data directory.
fn config_dir() -> Option<PathBuf> {
    if let Some(xdg) = env::var_os("XDG_CONFIG_HOME").filter(|v| !v.is_empty()) {
        let xdg = PathBuf::from(xdg);
        if xdg.is_absolute() {
            return Some(xdg.join("couple"));
        }
    }
    let home = env::var_os("HOME").filter(|v| !v.is_empty())?;
    Some(PathBuf::from(home).join(".config/couple"))
}

/// `$XDG_STATE_HOME/couple`, else `~/.local/state/couple`: per machine,
/// outside the shared data directory.
fn state_dir() -> Option<PathBuf> {
    if let Some(xdg) = env::var_os("XDG_STATE_HOME").filter(|v| !v.is_empty()) {
        let xdg = PathBuf::from(xdg);
        if xdg.is_absolute() {
            return Some(xdg.join("couple"));
        }
    }
    let home = env::var_os("HOME").filter(|v| !v.is_empty())?;
    Some(PathBuf::from(home).join(".local/state/couple"))
}

/// The data directory as completions see it: COUPLE_DIR, else the
/// default. (A completion runs before any command line is parsed.)
pub(crate) fn completion_dir() -> Option<PathBuf> {
    match env::var_os("COUPLE_DIR").filter(|v| !v.is_empty()) {
        Some(dir) => Some(PathBuf::from(dir)),
        None => default_dir().ok(),
    }
}

/// The platform's data directory: `$XDG_DATA_HOME/couple`, else
/// `~/.local/share/couple` (on macOS `~/Library/Application Support/couple`).
fn default_dir() -> Result<PathBuf> {
    if let Some(xdg) = env::var_os("XDG_DATA_HOME").filter(|v| !v.is_empty()) {
        let xdg = PathBuf::from(xdg);
        // The XDG spec says a relative path is invalid and must be ignored.
        if xdg.is_absolute() {
            return Ok(xdg.join("couple"));
        }
    }
    let home = env::var_os("HOME")
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
        .ok_or_else(|| {
            Error::usage("cannot find the data directory: HOME is not set")
                .with_hint("pass --dir DIR or set COUPLE_DIR")
        })?;
    let base = if cfg!(target_os = "macos") {
        home.join("Library/Application Support")
    } else {
        home.join(".local/share")
    };
    Ok(base.join("couple"))
}
