//! Running couple as a person would: on a terminal. A pseudo-terminal made
//! by util-linux `script`, driven by waiting for a question to show, then
//! typing; and the harness's scrubbed command as a plain
//! `std::process::Command`, for running several at once.

use std::io::{Read, Write};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use crate::harness::{Env, require};

/// A run of couple on a pseudo-terminal, made by util-linux `script`, driven
/// like a person would: wait for a question to show, then type.
pub(crate) struct Terminal {
    child: Child,
    stdin: Option<ChildStdin>,
    screen: Arc<Mutex<Vec<u8>>>,
    /// Copies the screen until `script` closes its output.
    reader: thread::JoinHandle<()>,
    seen: usize,
}

impl Terminal {
    /// Starts `couple ARGS` on a terminal, or `None` where util-linux
    /// `script` is not installed: the test is then skipped, saying so on
    /// stderr, and fails under `CI` (see [`require`]).
    #[track_caller]
    pub(crate) fn start(env: &Env, args: &[&str]) -> Option<Self> {
        Self::start_with(env, &env.partner, &[], args)
    }

    /// Like [`Terminal::start`], as `partner`, with `vars` added to the
    /// scrubbed environment.
    #[track_caller]
    pub(crate) fn start_with(
        env: &Env,
        partner: &str,
        vars: &[(&str, &str)],
        args: &[&str],
    ) -> Option<Self> {
        let line = std::iter::once(env!("CARGO_BIN_EXE_couple"))
            .chain(args.iter().copied())
            .map(|word| format!("'{word}'"))
            .collect::<Vec<_>>()
            .join(" ");
        Self::shell(env, partner, vars, &line)
    }

    /// Runs a whole shell `line` on the terminal (`$COUPLE` names the
    /// binary), for what a bare run cannot do: look at the tty settings
    /// around couple, or signal it.
    #[track_caller]
    pub(crate) fn shell(
        env: &Env,
        partner: &str,
        vars: &[(&str, &str)],
        line: &str,
    ) -> Option<Self> {
        let usable = Command::new("script")
            .arg("--version")
            .output()
            .is_ok_and(|o| {
                o.status.success() && String::from_utf8_lossy(&o.stdout).contains("util-linux")
            });
        if !require("util-linux `script`", usable) {
            return None;
        }
        let mut child = Command::new("script")
            .args(["-qfec", line, "/dev/null"])
            .env_clear()
            .envs(env.vars(partner))
            .env("TERM", "dumb")
            .env("COUPLE", env!("CARGO_BIN_EXE_couple"))
            .envs(vars.iter().copied())
            .current_dir(env.home())
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("script runs");
        let mut stdout = child.stdout.take().unwrap();
        let screen = Arc::new(Mutex::new(Vec::new()));
        let sink = Arc::clone(&screen);
        let reader = thread::spawn(move || {
            let mut buf = [0u8; 4096];
            while let Ok(n) = stdout.read(&mut buf) {
                if n == 0 {
                    break;
                }
                sink.lock().unwrap().extend_from_slice(&buf[..n]);
            }
        });
        Some(Self {
            stdin: child.stdin.take(),
            child,
            screen,
            reader,
            seen: 0,
        })
    }

    /// Waits until `text` shows after what was already seen.
    #[track_caller]
    pub(crate) fn expect(&mut self, text: &str) {
        let deadline = Instant::now() + Duration::from_secs(30);
        loop {
            {
                let screen = self.screen.lock().unwrap();
                if let Some(at) = screen[self.seen..]
                    .windows(text.len())
                    .position(|w| w == text.as_bytes())
                {
                    self.seen += at + text.len();
                    return;
                }
            }
            if Instant::now() > deadline {
                let _ = self.child.kill();
                panic!("{text:?} never showed; the screen:\n{}", self.screen());
            }
            thread::sleep(Duration::from_millis(20));
        }
    }

    pub(crate) fn send(&mut self, keys: &str) {
        let stdin = self.stdin.as_mut().unwrap();
        stdin.write_all(keys.as_bytes()).unwrap();
        stdin.flush().unwrap();
    }

    pub(crate) fn screen(&self) -> String {
        String::from_utf8_lossy(&self.screen.lock().unwrap()).into_owned()
    }

    /// Waits for couple to end; returns its exit code and the whole screen.
    pub(crate) fn finish(mut self) -> (i32, String) {
        let deadline = Instant::now() + Duration::from_secs(30);
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                drop(self.stdin.take());
                // All of the screen: its reader ends at the end of
                // `script`'s output (a few seconds at most, should a
                // process started on the terminal still hold it).
                let until = Instant::now() + Duration::from_secs(5);
                while !self.reader.is_finished() && Instant::now() < until {
                    thread::sleep(Duration::from_millis(5));
                }
                return (status.code().unwrap_or(-1), self.screen());
            }
            if Instant::now() > deadline {
                let _ = self.child.kill();
                panic!("couple never ended; the screen:\n{}", self.screen());
            }
            thread::sleep(Duration::from_millis(20));
        }
    }
}
