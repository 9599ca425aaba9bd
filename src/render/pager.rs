//! The pager long output goes through on a terminal, as `git log` does:
//! `$PAGER`, else `less -R`, with `LESS=FRX` when the user set no `LESS`
//! (so output that fits on one screen is printed and does not wait). The
//! command line is split like a shell would, but no shell runs it, and it
//! comes from the environment only: nothing in the data dir is ever run.
//! A pager that cannot start is no failure: the output goes to stdout.

use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use signal_hook::consts::{SIGINT, SIGQUIT};

use super::Out;
use crate::config::Pager;
use crate::error::Result;

/// Runs `write` with its output going through `pager` when there is one
/// and it starts (call only for a terminal), else to stdout; then closes
/// the pager's input and waits for the person to quit it, whether `write`
/// succeeded or not (its error comes after, under the shell prompt, not
/// lost under the pager). While the pager runs, Ctrl-C and Ctrl-\ are the
/// pager's keys (less uses them): couple does not die and leave it behind
/// on the terminal, but ends as the signal would have ended it once the
/// person quits the pager.
pub(crate) fn page(
    pager: Option<&Pager>,
    color: bool,
    write: impl FnOnce(&mut Out) -> Result<()>,
) -> Result<()> {
    let Some(pager) = pager else {
        return to_stdout(color, write);
    };
    // Caught from before the pager starts: it may send one at once.
    let keys = Keys::catch();
    let Some((mut child, stdin)) = spawn(pager) else {
        keys.release();
        return to_stdout(color, write);
    };
    let mut out = Out::to(Box::new(stdin), color);
    let written = match write(&mut out) {
        Ok(()) => out.finish(),
        Err(err) => {
            drop(out);
            Err(err)
        }
    };
    let _ = child.wait();
    keys.release();
    written
}

/// `write` to stdout, no pager.
fn to_stdout(color: bool, write: impl FnOnce(&mut Out) -> Result<()>) -> Result<()> {
    let mut out = Out::stdout(color);
    write(&mut out)?;
    out.finish()
}

/// SIGINT and SIGQUIT caught while a pager runs, not acted on.
struct Keys([(i32, Arc<AtomicBool>, Option<signal_hook::SigId>); 2]);

impl Keys {
    fn catch() -> Self {
        Self([SIGINT, SIGQUIT].map(|signal| {
            let caught = Arc::new(AtomicBool::new(false));
            let id = signal_hook::flag::register(signal, Arc::clone(&caught)).ok();
            (signal, caught, id)
        }))
    }

    /// Back to what they do by default; one caught meanwhile does it now.
    fn release(self) {
        for (signal, caught, id) in self.0 {
            if let Some(id) = id {
                signal_hook::low_level::unregister(id);
            }
            if caught.load(Ordering::SeqCst) {
                let _ = signal_hook::low_level::emulate_default_handler(signal);
            }
        }
    }
}

/// The pager started, and the pipe to it.
fn spawn(pager: &Pager) -> Option<(Child, ChildStdin)> {
    let words = shell_words::split(&pager.command).ok()?;
    let (program, args) = words.split_first()?;
    let mut command = Command::new(program);
    command.args(args).stdin(Stdio::piped());
    if let Some(less) = pager.less {
        command.env("LESS", less);
    }
    let mut child = command.spawn().ok()?;
    let stdin = child.stdin.take()?;
    Some((child, stdin))
}
