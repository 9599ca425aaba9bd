//! The one printer that owns stderr: errors, warnings, hints and the short
//! confirmations meant for the person at the keyboard. Every layer reports
//! through it (`store` hands its warnings back to the command, which passes
//! them here). A failed write to stderr is ignored: there is nowhere left to
//! say it, and a closed or full stderr must never turn into a panic.
//! Control characters in what it prints (a name or a title quoted from a
//! file) are escaped: nothing on stderr drives the terminal.

use std::fmt::Display;
use std::io::Write;

use crate::error::without_os_codes;
use crate::render::shown;

/// Something worth telling that is not a failure, and what to do about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Warning {
    pub(crate) message: String,
    pub(crate) hint: Option<String>,
}

impl Warning {
    pub(crate) fn new(message: impl Into<String>) -> Self {
        Self {
            message: message.into(),
            hint: None,
        }
    }

    pub(crate) fn with_hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }
}

/// A value and the warnings met while producing it. `store` returns this
/// from its writers; the command prints the warnings with [`Warned::print`].
#[must_use = "the warnings are for the user: call .print()"]
#[derive(Debug)]
pub(crate) struct Warned<T> {
    pub(crate) value: T,
    pub(crate) warnings: Vec<Warning>,
}

impl<T> Warned<T> {
    pub(crate) fn new(value: T, warnings: Vec<Warning>) -> Self {
        Self { value, warnings }
    }

    /// Prints the warnings, and gives the value.
    pub(crate) fn print(self) -> T {
        for warning in &self.warnings {
            warn(warning);
        }
        self.value
    }
}

/// `couple: warning: …`, then `hint: …` when there is one.
pub(crate) fn warn(warning: &Warning) {
    lines(
        &format!("couple: warning: {}", warning.message),
        warning.hint.as_deref(),
    );
}

/// `couple: …`, then `hint: …`: the one way an error is shown (by `main`).
/// An "(os error N)" tail is a code for programmers: it never shows.
pub(crate) fn error(message: &str, hint: Option<&str>) {
    lines(
        &format!("couple: {}", without_os_codes(message)),
        hint.map(without_os_codes).as_deref(),
    );
}

/// A confirmation for the person at the keyboard (`done: 7kq3m2xa  Tango`):
/// on stderr, so pipes stay clean.
pub(crate) fn say(text: impl Display) {
    let text = text.to_string();
    let mut stderr = std::io::stderr().lock();
    let _ = writeln!(stderr, "{}", shown(&text));
}

/// `hint: …` on its own, after output that needs one.
pub(crate) fn hint(text: &str) {
    say(format_args!("hint: {text}"));
}

fn lines(first: &str, hint: Option<&str>) {
    let mut stderr = std::io::stderr().lock();
    // Ignored on purpose: see the module comment.
    let _ = writeln!(stderr, "{}", shown(first));
    if let Some(hint) = hint {
        let _ = writeln!(stderr, "hint: {}", shown(hint));
    }
}
