//! Output: text for people, CSV and JSON for programs, colour only where a
//! person will see it. stdout carries data only.

use std::io::{self, BufWriter, StdoutLock, Write};

use serde::Serialize;

use crate::error::{Error, Result};

/// Buffered stdout. Every write error goes through [`Error::output`], so a
/// closed pipe ends the run quietly.
pub(crate) struct Out {
    inner: BufWriter<StdoutLock<'static>>,
    color: bool,
}

impl Out {
    pub(crate) fn stdout(color: bool) -> Self {
        Self {
            inner: BufWriter::with_capacity(64 * 1024, io::stdout().lock()),
            color,
        }
    }

    pub(crate) fn line(&mut self, text: &str) -> Result<()> {
        self.inner
            .write_all(text.as_bytes())
            .map_err(|e| Error::output(&e))?;
        self.inner.write_all(b"\n").map_err(|e| Error::output(&e))
    }

    pub(crate) fn raw(&mut self, bytes: &[u8]) -> Result<()> {
        self.inner.write_all(bytes).map_err(|e| Error::output(&e))
    }

    /// The buffered stdout itself, for a command that streams its own
    /// format; map its write errors with [`Error::output`].
    pub(crate) fn writer(&mut self) -> &mut dyn Write {
        &mut self.inner
    }

    /// `text` dimmed, when colour is on.
    pub(crate) fn dim(&self, text: &str) -> String {
        self.paint("2", text)
    }

    /// `text` in bold, when colour is on.
    pub(crate) fn bold(&self, text: &str) -> String {
        self.paint("1", text)
    }

    /// `text` in yellow, for things that are due, when colour is on.
    pub(crate) fn warn(&self, text: &str) -> String {
        self.paint("33", text)
    }

    pub(crate) fn color(&self) -> bool {
        self.color
    }

    fn paint(&self, sgr: &str, text: &str) -> String {
        if self.color {
            format!("\x1b[{sgr}m{text}\x1b[0m")
        } else {
            text.to_string()
        }
    }

    /// Writes `rows` as CSV with `header`.
    pub(crate) fn csv<const N: usize>(
        &mut self,
        header: [&str; N],
        rows: impl IntoIterator<Item = [String; N]>,
    ) -> Result<()> {
        let mut writer = csv::Writer::from_writer(&mut self.inner);
        let fail = |e: csv::Error| match e.into_kind() {
            csv::ErrorKind::Io(io) => Error::output(&io),
            other => Error::runtime(format!("writing CSV: {other:?}")),
        };
        writer.write_record(header).map_err(fail)?;
        for row in rows {
            writer.write_record(&row).map_err(fail)?;
        }
        writer.flush().map_err(|e| Error::output(&e))
    }

    /// Writes `value` as pretty JSON and a newline.
    pub(crate) fn json(&mut self, value: &impl Serialize) -> Result<()> {
        serde_json::to_writer_pretty(&mut self.inner, value).map_err(|e| {
            match e.io_error_kind() {
                Some(kind) => Error::output(&io::Error::from(kind)),
                None => Error::runtime(format!("writing JSON: {e}")),
            }
        })?;
        self.raw(b"\n")
    }

    /// Flushes what is buffered; call once at the end of a command.
    pub(crate) fn finish(mut self) -> Result<()> {
        self.inner.flush().map_err(|e| Error::output(&e))
    }
}
