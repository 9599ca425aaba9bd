//! The pager long output goes through on a terminal, as `git log` does:
//! `$PAGER`, else `less -R`, with `LESS=FRX` when the user set no `LESS`
//! (so output that fits on one screen is printed and does not wait). The
//! command line is split like a shell would, but no shell runs it, and it
//! comes from the environment only: nothing in the data dir is ever run.
//! A pager that cannot start is no failure: the output goes to stdout.

use std::process::{Child, Command, Stdio};

use super::Out;
use crate::config::Pager;

/// A started pager; dropping it waits for the person to quit it.
pub(crate) struct Paging {
    child: Option<Child>,
}

impl Drop for Paging {
    fn drop(&mut self) {
        if let Some(child) = &mut self.child {
            // Its stdin is closed by now (the `Out` is gone): wait for the
            // person to quit it, so the shell prompt does not come back
            // under the pager.
            let _ = child.wait();
        }
    }
}

/// Where output goes: through `pager` when there is one and it starts
/// (call only for a terminal), else stdout. Keep the [`Paging`] alive
/// until the `Out` is finished.
pub(crate) fn open(pager: Option<&Pager>, color: bool) -> (Out, Paging) {
    if let Some(pager) = pager
        && let Some(mut child) = spawn(pager)
        && let Some(stdin) = child.stdin.take()
    {
        return (
            Out::to(Box::new(stdin), color),
            Paging { child: Some(child) },
        );
    }
    (Out::stdout(color), Paging { child: None })
}

fn spawn(pager: &Pager) -> Option<Child> {
    let words = shell_words::split(&pager.command).ok()?;
    let (program, args) = words.split_first()?;
    let mut command = Command::new(program);
    command.args(args).stdin(Stdio::piped());
    if let Some(less) = pager.less {
        command.env("LESS", less);
    }
    command.spawn().ok()
}
