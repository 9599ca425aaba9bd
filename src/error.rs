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
        let error = Self::runtime(format!("{what} {}: {}", path.display(), plain(err)));
        let not_a_file = err.kind() == io::ErrorKind::IsADirectory
            || err
                .get_ref()
                .is_some_and(<dyn std::error::Error + Send + Sync>::is::<NotRegular>);
        if not_a_file {
            return error.with_hint(format!(
                "couple keeps its data in plain files: move {} out of the way",
                shell_quoted(path)
            ));
        }
        error
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
    without_os_codes(&err.to_string())
}

/// `path` as a shell reads it back, for a hint to be pasted: bare when it
/// holds only characters no shell treats specially, else in single quotes
/// (a quote inside written `'\''`).
pub(crate) fn shell_quoted(path: &Path) -> String {
    let text = path.to_string_lossy();
    let plain = |c: char| c.is_ascii_alphanumeric() || "_-./,:@%+=".contains(c);
    if !text.is_empty() && text.chars().all(plain) {
        text.into_owned()
    } else {
        format!("'{}'", text.replace('\'', "'\\''"))
    }
}

/// `text` without any " (os error N)": the printer's last guard, for an
/// error that reached a message without going through [`plain`].
pub(crate) fn without_os_codes(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find(" (os error ") {
        let tail = &rest[at + " (os error ".len()..];
        let digits = tail.bytes().take_while(u8::is_ascii_digit).count();
        if digits > 0 && tail[digits..].starts_with(')') {
            out.push_str(&rest[..at]);
            rest = &tail[digits + 1..];
        } else {
            out.push_str(&rest[..=at]);
            rest = &rest[at + 1..];
        }
    }
    out.push_str(rest);
    out
}

/// A data file that is a pipe, a device, a socket or a directory.
#[derive(Debug)]
pub(crate) struct NotRegular;

impl fmt::Display for NotRegular {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("not a plain file (a pipe, a device, a socket or a folder)")
    }
}

impl std::error::Error for NotRegular {}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::{shell_quoted, without_os_codes};

    #[test]
    fn paths_are_quoted_for_the_shell_only_when_they_need_it() {
        assert_eq!(
            shell_quoted(Path::new("/home/a/.local/share/couple")),
            "/home/a/.local/share/couple"
        );
        assert_eq!(
            shell_quoted(Path::new("/home/a/my data")),
            "'/home/a/my data'"
        );
        assert_eq!(
            shell_quoted(Path::new("/x/Sam's $HOME")),
            "'/x/Sam'\\''s $HOME'"
        );
        assert_eq!(shell_quoted(Path::new("")), "''");
    }

    #[test]
    fn os_error_codes_are_cut_and_the_rest_kept() {
        assert_eq!(
            without_os_codes("cannot write x: File too large (os error 27)"),
            "cannot write x: File too large"
        );
        assert_eq!(
            without_os_codes("a (os error 2) and b (os error 13); c"),
            "a and b; c"
        );
        assert_eq!(without_os_codes("a (os error x) b"), "a (os error x) b");
        assert_eq!(without_os_codes("note (os error"), "note (os error");
    }
}
