//! While dialoguer asks a question: Ctrl-C kept a key, SIGINT a
//! cancelling, SIGTERM, SIGHUP and SIGQUIT ending couple with the terminal
//! given back first, and the cursor shown again however the question ends.

use std::io;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use super::{ACTIVE, SIGNALS};

/// While dialoguer asks something. Its menus hide the cursor, and on
/// Ctrl-C the console crate raises SIGINT at couple, which would end it
/// where it stands with the cursor still hidden. While an `Asking` lives,
/// SIGINT only sets a flag: the read it interrupted comes back as an error,
/// the asking code returns it like any other, and dropping the guard shows
/// the cursor again. Ctrl-C typed on the terminal is kept a key meanwhile
/// (see [`keys_for_ctrl_c`]), and the terminal's settings are put back.
/// SIGTERM, SIGHUP and SIGQUIT end couple as ever, the terminal put back
/// first (see [`ending_on_signals`]).
pub(crate) struct Asking {
    id: Option<signal_hook::SigId>,
    caught: Arc<AtomicBool>,
    /// The terminal's settings before, to put back.
    settings: Option<rustix::termios::Termios>,
    ender: Option<Ender>,
}

/// Starts an [`Asking`]; a failure to install the handler leaves SIGINT as
/// it was (the old behaviour), never an error.
pub(crate) fn asking() -> Asking {
    let caught = Arc::new(AtomicBool::new(false));
    let id = signal_hook::flag::register(signal_hook::consts::SIGINT, Arc::clone(&caught)).ok();
    // After a talk, SIGINT may still be wired to end couple at once.
    if let Some(signals) = SIGNALS.get() {
        signals.outside.store(false, Ordering::SeqCst);
    }
    let settings = keys_for_ctrl_c();
    Asking {
        id,
        caught,
        ender: ending_on_signals(settings.clone()),
        settings,
    }
}

/// A stop signal caught while dialoguer asks (its number, set by the
/// handler itself), the handlers, and the thread that ends couple should
/// the question not come back.
type Ender = (
    Arc<std::sync::atomic::AtomicUsize>,
    Vec<signal_hook::SigId>,
    signal_hook::iterator::Handle,
    std::thread::JoinHandle<()>,
);

/// On SIGTERM, SIGHUP or SIGQUIT while dialoguer asks, couple ends as the
/// signal would have ended it, the terminal put back (`before`, the cursor
/// shown) first: dialoguer reads in raw mode with the cursor hidden, and
/// dying there left the terminal so. The signal breaks dialoguer's wait
/// for a key, the question comes back cancelled, and dropping the
/// [`Asking`] puts the terminal back and ends couple by the signal; should
/// the question not come back within a second, a thread does. `None`
/// where the handlers cannot be had (the signals then do as ever).
fn ending_on_signals(before: Option<rustix::termios::Termios>) -> Option<Ender> {
    use signal_hook::consts::{SIGHUP, SIGQUIT, SIGTERM};
    let stops = [SIGTERM, SIGHUP, SIGQUIT];
    let caught = Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let mut ids = Vec::new();
    for signal in stops {
        let value = usize::try_from(signal).ok()?;
        ids.push(signal_hook::flag::register_usize(signal, Arc::clone(&caught), value).ok()?);
    }
    let mut signals = signal_hook::iterator::Signals::new(stops).ok()?;
    let handle = signals.handle();
    let thread = std::thread::spawn(move || {
        if let Some(signal) = signals.forever().next() {
            std::thread::sleep(Duration::from_secs(1));
            put_back(before.as_ref());
            end_by(signal);
        }
    });
    Some((caught, ids, handle, thread))
}

/// The terminal's settings as they were, and the cursor shown.
fn put_back(before: Option<&rustix::termios::Termios>) {
    if let Some(before) = before {
        let _ =
            rustix::termios::tcsetattr(io::stdin(), rustix::termios::OptionalActions::Now, before);
    }
    let term = dialoguer::console::Term::stderr();
    if term.is_term() {
        let _ = term.show_cursor();
    }
}

/// Ends couple as `signal` does by default.
fn end_by(signal: i32) {
    let _ = dialoguer::console::Term::stderr().write_line("");
    let _ = signal_hook::low_level::emulate_default_handler(signal);
}

/// Ctrl-C as a key, not a signal, while dialoguer asks: it reads each key
/// in raw mode, but between two keys the terminal is cooked again, and a
/// Ctrl-C typed then became a SIGINT that only set the flag, its key gone,
/// while the next read waited for ever. As a key it waits in the input
/// until that read, which then ends the question. The settings before, to
/// put back; `None` where stdin is no terminal.
fn keys_for_ctrl_c() -> Option<rustix::termios::Termios> {
    use rustix::termios::{LocalModes, OptionalActions, tcgetattr, tcsetattr};
    let stdin = io::stdin();
    let before = tcgetattr(&stdin).ok()?;
    let mut asking = before.clone();
    asking.local_modes.remove(LocalModes::ISIG);
    tcsetattr(&stdin, OptionalActions::Now, &asking).ok()?;
    Some(before)
}

impl Drop for Asking {
    fn drop(&mut self) {
        if let Some(before) = self.settings.take() {
            let _ = rustix::termios::tcsetattr(
                io::stdin(),
                rustix::termios::OptionalActions::Now,
                &before,
            );
        }
        if let Some(id) = self.id.take() {
            signal_hook::low_level::unregister(id);
        }
        if let Some(signals) = SIGNALS.get()
            && !ACTIVE.load(Ordering::SeqCst)
        {
            signals.outside.store(true, Ordering::SeqCst);
        }
        let term = dialoguer::console::Term::stderr();
        if term.is_term() {
            let _ = term.show_cursor();
            // The question's line was left open: end it before what
            // couple says next.
            if self.caught.load(Ordering::SeqCst) {
                let _ = term.write_line("");
            }
        }
        // The terminal is back: a stop signal caught meanwhile ends couple.
        if let Some((caught, ids, handle, thread)) = self.ender.take() {
            if let Ok(signal) = i32::try_from(caught.load(Ordering::SeqCst))
                && signal != 0
            {
                end_by(signal);
            }
            for id in ids {
                signal_hook::low_level::unregister(id);
            }
            handle.close();
            let _ = thread.join();
        }
    }
}

/// What a failed question means for the command: Ctrl-C is the user
/// leaving ("cancelled: OUTCOME"); anything else is the terminal failing
/// ("asking on the terminal: WHY: OUTCOME"). `outcome` says what was, or
/// was not, written.
pub(crate) fn asking_failed(err: dialoguer::Error, outcome: &str) -> crate::error::Error {
    let dialoguer::Error::IO(err) = err;
    crate::error::Error::runtime(if err.kind() == io::ErrorKind::Interrupted {
        format!("cancelled: {outcome}")
    } else {
        format!(
            "asking on the terminal: {}: {outcome}",
            crate::error::plain(&err)
        )
    })
}
