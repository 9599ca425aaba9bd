//! The terminal while couple owns it whole: raw mode, the alternate screen
//! and a hidden cursor, given back on every way out. A [`Session`] restores
//! the terminal when it is dropped (a return, an error, `?`), the panic hook
//! restores it before a panic message is printed (also with `panic =
//! "abort"`), and SIGTERM, SIGHUP, SIGINT and SIGQUIT are turned into a
//! [`Key::Stop`] the countdown answers by ending, so the drop runs for those
//! too. Only one session exists at a time.

pub(crate) mod pick;
pub(crate) mod walk;

use std::io::{self, Stdout, Write};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Once};
use std::time::Duration;

use crossterm::cursor::{Hide, MoveTo, Show};
use crossterm::event::{self, Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use crossterm::style::{Attribute, Print, SetAttribute};
use crossterm::terminal::{
    self, Clear, ClearType, EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode,
    enable_raw_mode,
};
use crossterm::{execute, queue};

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
        let mut session = Self { out: io::stdout() };
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

    /// Clears the screen and draws `lines`, each centred, the block in the
    /// middle of the screen; in bold or dim only when `styled`.
    pub(crate) fn draw(&mut self, lines: &[(Tone, String)], styled: bool) -> io::Result<()> {
        let (cols, rows) = Self::size();
        let top = rows.saturating_sub(lines.len() as u16) / 2;
        queue!(self.out, Clear(ClearType::All))?;
        for (row, (tone, line)) in lines.iter().enumerate() {
            let width = line.chars().count() as u16;
            let left = cols.saturating_sub(width) / 2;
            queue!(self.out, MoveTo(left, top + row as u16))?;
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

    /// The next key within `wait`, or `None` when none came.
    // Taking the session keeps keys from being read outside raw mode.
    #[allow(clippy::unused_self)]
    pub(crate) fn key(&mut self, wait: Duration) -> io::Result<Option<Key>> {
        if stop_received() {
            return Ok(Some(Key::Stop));
        }
        let ready = match event::poll(wait) {
            Ok(ready) => ready,
            // A signal interrupts the wait; the next call reports it.
            Err(err) if err.kind() == io::ErrorKind::Interrupted => return Ok(None),
            Err(err) => return Err(err),
        };
        if stop_received() {
            return Ok(Some(Key::Stop));
        }
        if !ready {
            return Ok(None);
        }
        Ok(match event::read()? {
            Event::Key(key) if key.kind != KeyEventKind::Release => Some(key_of(key)),
            Event::Resize(..) => Some(Key::Resized),
            _ => None,
        })
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        restore();
    }
}

fn key_of(key: KeyEvent) -> Key {
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    match key.code {
        KeyCode::Char('c' | 'C') if ctrl => Key::Interrupt,
        KeyCode::Char(' ') => Key::Pause,
        KeyCode::Char('q' | 'Q') | KeyCode::Esc => Key::End,
        KeyCode::Char('y' | 'Y') | KeyCode::Enter => Key::Yes,
        KeyCode::Char('n' | 'N') => Key::No,
        _ => Key::Other,
    }
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

/// While dialoguer asks something. Its menus hide the cursor, and on
/// Ctrl-C the console crate raises SIGINT at couple, which would end it
/// where it stands with the cursor still hidden. While an `Asking` lives,
/// SIGINT only sets a flag: the read it interrupted comes back as an error,
/// the asking code returns it like any other, and dropping the guard shows
/// the cursor again.
pub(crate) struct Asking {
    id: Option<signal_hook::SigId>,
    caught: Arc<AtomicBool>,
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
    Asking { id, caught }
}

impl Drop for Asking {
    fn drop(&mut self) {
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
