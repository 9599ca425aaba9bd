//! Errors, sorted by who can fix them: the caller (usage), a data file
//! (data), or the machine (runtime). `main` prints them once and picks the
//! exit code from the kind.

use std::fmt;
use std::io;
use std::path::Path;

pub(crate) type Result<T, E = Error> = std::result::Result<T, E>;

/// What went wrong, and who can put it right.
#[derive(Debug, PartialEq, Eq, Clone, Copy)]
pub(crate) enum Kind {
    /// A bad flag, date, kind or id: exit 2.
    Usage,
    /// A data file that cannot be parsed: exit 65.
    Data,
    /// I/O, a lock that never came free: exit 1.
    Runtime,
    /// The reader of stdout went away (`couple export | head`): exit 0, silently.
    BrokenPipe,
    /// The exit code is the answer (`review --exit-code`): exit 1, silently.
    QuietFailure,
}

/// One error: a first line for stderr and, when there is one, a hint.
#[derive(Debug)]
pub(crate) struct Error {
    pub(crate) kind: Kind,
    pub(crate) message: String,
    pub(crate) hint: Option<String>,
}

impl Error {
    pub(crate) fn usage(message: impl Into<String>) -> Self {
        Self::new(Kind::Usage, message)
    }

    pub(crate) fn runtime(message: impl Into<String>) -> Self {
        Self::new(Kind::Runtime, message)
    }

    /// A problem at one line of a data file: `log.csv line 42: …`.
    pub(crate) fn data(file: &str, line: u64, message: impl fmt::Display) -> Self {
        Self::new(Kind::Data, format!("{file} line {line}: {message}"))
    }

    /// Exit 1 without a message: the output already said it all.
    pub(crate) fn quiet_failure() -> Self {
        Self::new(Kind::QuietFailure, "")
    }

    /// An I/O failure on a path, with the path in the message.
    pub(crate) fn io(what: &str, path: &Path, err: &io::Error) -> Self {
        Self::runtime(format!("{what} {}: {}", path.display(), plain(err)))
    }

    /// A failure writing our own output. A closed pipe is not a failure.
    pub(crate) fn output(err: &io::Error) -> Self {
        if err.kind() == io::ErrorKind::BrokenPipe {
            Self::new(Kind::BrokenPipe, "broken pipe")
        } else {
            Self::runtime(format!("writing output: {}", plain(err)))
        }
    }

    pub(crate) fn with_hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    fn new(kind: Kind, message: impl Into<String>) -> Self {
        Self {
            kind,
            message: message.into(),
            hint: None,
        }
    }

    /// The process exit code for this error (DESIGN.md §5).
    pub(crate) fn exit_code(&self) -> u8 {
        match self.kind {
            Kind::BrokenPipe => 0,
            Kind::Runtime | Kind::QuietFailure => 1,
            Kind::Usage => 2,
            Kind::Data => 65,
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Error {}

/// An `io::Error` as a person would say it: "No such file or directory",
/// without the "(os error 2)" tail.
pub(crate) fn plain(err: &io::Error) -> String {
    let text = err.to_string();
    match text.find(" (os error") {
        Some(at) => text[..at].to_string(),
        None => text,
    }
}
