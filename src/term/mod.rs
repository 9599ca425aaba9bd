//! The terminal while couple owns it whole: raw mode, the alternate screen
//! and a hidden cursor, given back on every way out. A [`Session`] restores
//! the terminal when it is dropped (a return, an error, `?`), the panic hook
//! restores it before a panic message is printed (also with `panic =
//! "abort"`), and SIGTERM, SIGHUP, SIGINT and SIGQUIT are turned into a
//! [`Key::Stop`] the countdown answers by ending, so the drop runs for those
//! too; so is a terminal that is gone. Keys are read here, not by a
//! library that reads a closed terminal again and again. Only one session
//! exists at a time.

mod asking;
pub(crate) mod pick;
pub(crate) mod walk;

pub(crate) use asking::{Asking, asking, asking_failed};

use std::collections::VecDeque;
use std::io::{self, Stdout, Write};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Once};
use std::time::Duration;

use crossterm::cursor::{Hide, MoveTo, Show};
use crossterm::style::{Attribute, Print, SetAttribute};
use crossterm::terminal::{
    self, Clear, ClearType, EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode,
    enable_raw_mode,
};
use crossterm::{execute, queue};
use rustix::event::{PollFd, PollFlags, Timespec};
use rustix::io::Errno;

/// Whether a session holds the terminal now (what the panic hook restores).
static ACTIVE: AtomicBool = AtomicBool::new(false);
static INSTALL: Once = Once::new();

/// The flags the signal handlers set, shared with the running session.
struct Signals {
    /// A stop signal came while a session held the terminal.
    received: Arc<AtomicBool>,
    /// No session holds the terminal: a signal takes its default action.
    outside: Arc<AtomicBool>,
}

static SIGNALS: std::sync::OnceLock<Signals> = std::sync::OnceLock::new();

/// The signals that end a talk: kill's default, a closed terminal, and
/// Ctrl-C or Ctrl-\ sent from outside (raw mode turns the keys into keys).
const STOP_SIGNALS: [i32; 4] = [
    signal_hook::consts::SIGTERM,
    signal_hook::consts::SIGHUP,
    signal_hook::consts::SIGINT,
    signal_hook::consts::SIGQUIT,
];

/// How a line of the screen stands out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Tone {
    Plain,
    /// Bold: what to look at.
    Strong,
    /// Dim: what can be ignored.
    Quiet,
}

/// What a key press (or a signal) asks of a running session.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Key {
    /// Space: pause or resume.
    Pause,
    /// `q` or Esc: end now.
    End,
    /// Ctrl-C: stop, and ask what to keep.
    Interrupt,
    /// `y` or Enter.
    Yes,
    /// `n`.
    No,
    /// The window changed size: draw again.
    Resized,
    /// A stop signal: restore the terminal and leave.
    Stop,
    /// Any other key.
    Other,
}

/// The terminal in raw mode on the alternate screen, cursor hidden, until
/// dropped.
pub(crate) struct Session {
    out: Stdout,
    /// Keys read but not given out yet (typed fast, or pasted).
    pending: VecDeque<Key>,
    /// The size the screen had when last looked at.
    size: (u16, u16),
    /// How many lines were drawn last, on a screen of what size.
    layout: Option<(usize, (u16, u16))>,
}

impl Session {
    /// Takes the terminal. Fails (and leaves it as it was) where stdin or
    /// stdout is not one.
    pub(crate) fn start() -> io::Result<Self> {
        install_restorers()?;
        enable_raw_mode()?;
        ACTIVE.store(true, Ordering::SeqCst);
        if let Some(signals) = SIGNALS.get() {
            signals.received.store(false, Ordering::SeqCst);
            signals.outside.store(false, Ordering::SeqCst);
        }
        // From here on, dropping the session restores whatever was changed.
        let mut session = Self {
            out: io::stdout(),
            pending: VecDeque::new(),
            size: Self::size(),
            layout: None,
        };
        execute!(
            session.out,
            EnterAlternateScreen,
            Hide,
            Clear(ClearType::All)
        )?;
        Ok(session)
    }

    /// Columns and rows; 80×24 where the terminal does not say (a pty
    /// nobody sized).
    pub(crate) fn size() -> (u16, u16) {
        match terminal::size() {
            Ok((cols, rows)) if cols >= 20 && rows >= 5 => (cols, rows),
            _ => (80, 24),
        }
    }

    /// Draws `lines`, each centred, the block in the middle of the screen;
    /// in bold or dim only when `styled`. The screen is cleared whole only
    /// when the block moves (more lines, another size); else each line is
    /// cleared and written again, so the ticking clock does not flicker.
    pub(crate) fn draw(&mut self, lines: &[(Tone, String)], styled: bool) -> io::Result<()> {
        let (cols, rows) = Self::size();
        let top = rows.saturating_sub(lines.len() as u16) / 2;
        let layout = (lines.len(), (cols, rows));
        if self.layout.replace(layout) != Some(layout) {
            queue!(self.out, Clear(ClearType::All))?;
        }
        for (row, (tone, line)) in lines.iter().enumerate() {
            let width = line.chars().count() as u16;
            let left = cols.saturating_sub(width) / 2;
            queue!(
                self.out,
                MoveTo(0, top + row as u16),
                Clear(ClearType::CurrentLine),
                MoveTo(left, top + row as u16)
            )?;
            let attribute = match tone {
                Tone::Plain => None,
                Tone::Strong => Some(Attribute::Bold),
                Tone::Quiet => Some(Attribute::Dim),
            };
            match attribute.filter(|_| styled) {
                Some(attribute) => queue!(
                    self.out,
                    SetAttribute(attribute),
                    Print(line),
                    SetAttribute(Attribute::Reset)
                )?,
                None => queue!(self.out, Print(line))?,
            }
        }
        self.out.flush()
    }

    /// The next key within `wait`, or `None` when none came. A terminal
    /// that is gone (closed, hung up: its input at an end) is a
    /// [`Key::Stop`], as the SIGHUP it sends would be: the session never
    /// waits on it, nor reads it again and again.
    // Taking the session keeps keys from being read outside raw mode.
    pub(crate) fn key(&mut self, wait: Duration) -> io::Result<Option<Key>> {
        if stop_received() {
            return Ok(Some(Key::Stop));
        }
        if let Some(key) = self.pending.pop_front() {
            return Ok(Some(key));
        }
        let size = Self::size();
        if size != self.size {
            self.size = size;
            return Ok(Some(Key::Resized));
        }
        let stdin = io::stdin();
        let mut fds = [PollFd::new(&stdin, PollFlags::IN)];
        let timeout = Timespec::try_from(wait).unwrap_or(Timespec {
            tv_sec: 1,
            tv_nsec: 0,
        });
        match rustix::event::poll(&mut fds, Some(&timeout)) {
            Ok(_) => {}
            // A signal interrupts the wait; it is looked at next.
            Err(Errno::INTR) => return Ok(None),
            Err(err) => return Err(err.into()),
        }
        if stop_received() {
            return Ok(Some(Key::Stop));
        }
        let ready = fds[0].revents();
        if ready.intersects(PollFlags::HUP | PollFlags::ERR | PollFlags::NVAL) {
            return Ok(Some(Key::Stop));
        }
        if !ready.contains(PollFlags::IN) {
            return Ok(None);
        }
        let mut bytes = vec![0u8; 64];
        let mut read = match rustix::io::read(&stdin, &mut bytes) {
            Ok(0) => return Ok(Some(Key::Stop)),
            Ok(read) => read,
            Err(Errno::INTR | Errno::AGAIN) => return Ok(None),
            // EIO: the terminal hung up.
            Err(_) => return Ok(Some(Key::Stop)),
        };
        // An arrow's bytes may come apart (over ssh, in tmux): the rest of
        // an escape sequence begun is waited for a moment, so that it is
        // not taken for Esc.
        while incomplete_escape(&bytes[..read]) && read + 16 <= bytes.len() {
            let mut more = [PollFd::new(&stdin, PollFlags::IN)];
            let moment = Timespec {
                tv_sec: 0,
                tv_nsec: 50_000_000,
            };
            match rustix::event::poll(&mut more, Some(&moment)) {
                Ok(n) if n > 0 && more[0].revents().contains(PollFlags::IN) => {}
                _ => break,
            }
            match rustix::io::read(&stdin, &mut bytes[read..]) {
                Ok(n) if n > 0 => read += n,
                _ => break,
            }
            if read + 16 > bytes.len() {
                bytes.resize(bytes.len() * 2, 0);
            }
        }
        self.pending.extend(keys_of(&bytes[..read]));
        Ok(self.pending.pop_front())
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        restore();
    }
}

/// Whether `bytes` end in the middle of an escape sequence: a lone Esc,
/// or a CSI (`ESC [`) or SS3 (`ESC O`) without its final byte yet.
fn incomplete_escape(bytes: &[u8]) -> bool {
    let Some(at) = bytes.iter().rposition(|&b| b == 0x1b) else {
        return false;
    };
    match &bytes[at + 1..] {
        [] | [b'O'] => true,
        [b'[', rest @ ..] => !rest.iter().any(|b| (0x40..=0x7e).contains(b)),
        _ => false,
    }
}

/// The keys in what the terminal sent, in raw mode. An escape sequence
/// (an arrow, a function key) is one key of no meaning here; Esc alone
/// ends.
fn keys_of(bytes: &[u8]) -> Vec<Key> {
    let mut keys = Vec::new();
    let mut at = 0;
    while at < bytes.len() {
        let byte = bytes[at];
        at += 1;
        keys.push(match byte {
            0x03 => Key::Interrupt,
            b' ' => Key::Pause,
            b'q' | b'Q' => Key::End,
            b'y' | b'Y' | b'\r' | b'\n' => Key::Yes,
            b'n' | b'N' => Key::No,
            0x1b if at == bytes.len() => Key::End,
            0x1b => {
                // CSI (`ESC [`) and SS3 (`ESC O`) run to a final byte;
                // Alt with a key is the two bytes.
                if matches!(bytes[at], b'[' | b'O') {
                    at += 1;
                    while at < bytes.len() && !(0x40..=0x7e).contains(&bytes[at]) {
                        at += 1;
                    }
                }
                at += 1;
                Key::Other
            }
            _ => Key::Other,
        });
    }
    keys
}

fn stop_received() -> bool {
    SIGNALS
        .get()
        .is_some_and(|s| s.received.load(Ordering::SeqCst))
}

/// Gives the terminal back: cursor shown, main screen, cooked mode. Safe to
/// call twice; only the first call after a start does anything.
fn restore() {
    if ACTIVE.swap(false, Ordering::SeqCst) {
        let mut out = io::stdout();
        let _ = execute!(out, Show, LeaveAlternateScreen);
        let _ = disable_raw_mode();
        if let Some(signals) = SIGNALS.get() {
            signals.outside.store(true, Ordering::SeqCst);
        }
    }
}

/// Once per run: the panic hook and the signal handlers.
fn install_restorers() -> io::Result<()> {
    let mut result = Ok(());
    INSTALL.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            restore();
            previous(info);
        }));
        result = install_signals();
    });
    result
}

fn install_signals() -> io::Result<()> {
    let signals = Signals {
        received: Arc::new(AtomicBool::new(false)),
        outside: Arc::new(AtomicBool::new(true)),
    };
    for signal in STOP_SIGNALS {
        // Outside a session a signal does what it always did (ends couple);
        // inside one it only sets the flag the countdown checks.
        signal_hook::flag::register_conditional_default(signal, Arc::clone(&signals.outside))?;
        signal_hook::flag::register(signal, Arc::clone(&signals.received))?;
    }
    let _ = SIGNALS.set(signals);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_arrow_is_one_key_of_no_meaning_and_esc_alone_ends() {
        assert_eq!(keys_of(b"\x1b"), [Key::End]);
        assert_eq!(keys_of(b"\x1b[A"), [Key::Other]);
        assert_eq!(keys_of(b"\x1bOB q"), [Key::Other, Key::Pause, Key::End]);
        assert_eq!(keys_of(b"\x1b[1;5Cn"), [Key::Other, Key::No]);
        assert_eq!(keys_of(b"\x1bq"), [Key::Other], "Alt-q");
        assert_eq!(keys_of(b"\x03Y\r"), [Key::Interrupt, Key::Yes, Key::Yes]);
    }

    #[test]
    fn an_escape_sequence_cut_short_is_waited_for() {
        for cut in [&b"\x1b"[..], b"q\x1b", b"\x1b[", b"\x1b[1;5", b"\x1bO"] {
            assert!(incomplete_escape(cut), "{cut:?}");
        }
        for whole in [&b"q"[..], b"\x1b[A", b"\x1bOB", b"\x1bq", b"\x1b[1;5C "] {
            assert!(!incomplete_escape(whole), "{whole:?}");
        }
    }
}
