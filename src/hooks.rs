//! Hooks: executables of your own that run after a successful write, with
//! the new row as JSON on stdin (`post-log`, `post-answer`, `post-goal`).
//!
//! They live in `$XDG_CONFIG_HOME/couple/hooks/`, on this machine only:
//! nothing in the data directory is ever run, because a partner or a sync
//! peer can write there. A hook runs after the row is safely written, so a
//! hook that fails, hangs or is killed never loses or repeats an entry; it
//! is stopped after [`TIMEOUT`] (with anything it started) and what went
//! wrong comes back as a warning for the printer.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use serde::Serialize;

use crate::printer::Warning;

/// How long a hook may run before it is stopped.
pub(crate) const TIMEOUT: Duration = Duration::from_secs(5);

/// The hooks couple runs, each named after its file (all run after a
/// write, as their names say; `Post` is part of the name, not noise).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[allow(clippy::enum_variant_names)]
pub(crate) enum Hook {
    /// After any entry is appended to log.csv.
    PostLog,
    /// After an answer is appended to log.csv (after post-log).
    PostAnswer,
    /// After a goal is added or changed in goals.csv.
    PostGoal,
}

impl Hook {
    pub(crate) fn file_name(self) -> &'static str {
        match self {
            Hook::PostLog => "post-log",
            Hook::PostAnswer => "post-answer",
            Hook::PostGoal => "post-goal",
        }
    }
}

/// Runs `hook` from `hooks_dir` (if it exists there) with `row` as one line
/// of JSON on its stdin. Its stdout and stderr are couple's stderr, so
/// stdout keeps carrying data only. What went wrong, as warnings.
pub(crate) fn run(
    hooks_dir: Option<&Path>,
    data_dir: &Path,
    hook: Hook,
    row: &impl Serialize,
) -> Vec<Warning> {
    let Some(hooks_dir) = hooks_dir else {
        return Vec::new();
    };
    let path = hooks_dir.join(hook.file_name());
    let Ok(meta) = std::fs::metadata(&path) else {
        return Vec::new();
    };
    let name = hook.file_name();
    if inside(&path, data_dir) {
        return vec![
            Warning::new(format!(
                "hook {name} was not run: {} is in the data directory",
                path.display()
            ))
            .with_hint("a partner or a sync peer can write there; keep hooks outside it"),
        ];
    }
    if !meta.is_file() || !executable(&meta) {
        return vec![
            Warning::new(format!(
                "hook {name} was not run: it is not an executable file"
            ))
            .with_hint(format!("chmod +x {}", path.display())),
        ];
    }
    let mut json = serde_json::to_vec(row).unwrap_or_default();
    json.push(b'\n');
    match spawn_and_wait(&path, &json) {
        Ok(Ended::Success) => Vec::new(),
        Ok(Ended::Failed(status)) => vec![Warning::new(format!(
            "hook {name} failed ({status}); the entry is recorded all the same"
        ))],
        Ok(Ended::TimedOut) => vec![Warning::new(format!(
            "hook {name} took longer than {} s and was stopped; the entry is recorded all the same",
            TIMEOUT.as_secs()
        ))],
        Err(err) => vec![Warning::new(format!(
            "hook {name} could not run: {}; the entry is recorded all the same",
            crate::error::plain(&err)
        ))],
    }
}

enum Ended {
    Success,
    Failed(std::process::ExitStatus),
    TimedOut,
}

fn spawn_and_wait(path: &Path, json: &[u8]) -> std::io::Result<Ended> {
    let mut command = Command::new(path);
    command.stdin(Stdio::piped()).stdout(stderr_copy()?);
    #[cfg(unix)]
    {
        // Its own process group, so a timeout stops whatever it started.
        use std::os::unix::process::CommandExt;
        command.process_group(0);
    }
    let deadline = Instant::now() + TIMEOUT;
    let mut child = command.spawn()?;
    if let Some(mut stdin) = child.stdin.take() {
        // From a thread of its own: a row bigger than the pipe holds would
        // block here until the hook reads it, and a hook that never reads
        // would hang couple past the timeout. Stopping the hook closes the
        // pipe, which ends the write (EPIPE: SIGPIPE is ignored); a hook
        // that does not read its stdin is fine. Never joined: a process
        // the hook left behind may keep the pipe open.
        let json = json.to_vec();
        std::thread::Builder::new()
            .name("hook stdin".into())
            .spawn(move || {
                let _ = stdin.write_all(&json);
            })?;
    }
    loop {
        if let Some(status) = child.try_wait()? {
            return Ok(if status.success() {
                Ended::Success
            } else {
                Ended::Failed(status)
            });
        }
        if Instant::now() >= deadline {
            stop(&mut child);
            return Ok(Ended::TimedOut);
        }
        std::thread::sleep(Duration::from_millis(10));
    }
}

/// Kills the hook and its process group, and reaps it.
fn stop(child: &mut std::process::Child) {
    #[cfg(unix)]
    if let Some(pid) = i32::try_from(child.id())
        .ok()
        .and_then(rustix::process::Pid::from_raw)
    {
        let _ = rustix::process::kill_process_group(pid, rustix::process::Signal::KILL);
    }
    let _ = child.kill();
    let _ = child.wait();
}

/// couple's stderr, for the hook's stdout.
fn stderr_copy() -> std::io::Result<Stdio> {
    #[cfg(unix)]
    {
        use std::os::fd::AsFd;
        Ok(Stdio::from(std::io::stderr().as_fd().try_clone_to_owned()?))
    }
    #[cfg(not(unix))]
    {
        Ok(Stdio::null())
    }
}

#[cfg(unix)]
fn executable(meta: &std::fs::Metadata) -> bool {
    use std::os::unix::fs::PermissionsExt;
    meta.permissions().mode() & 0o111 != 0
}

#[cfg(not(unix))]
fn executable(_meta: &std::fs::Metadata) -> bool {
    true
}

/// Whether `path` (symlinks followed) lies inside `dir`.
fn inside(path: &Path, dir: &Path) -> bool {
    let real = |p: &Path| -> PathBuf { std::fs::canonicalize(p).unwrap_or_else(|_| p.into()) };
    real(path).starts_with(real(dir))
}

/// After an entry is appended: post-log, then post-answer for an answer.
/// The warnings go straight to the printer.
pub(crate) fn entry_written(cfg: &crate::config::Config, entry: &crate::model::Entry) {
    let hooks = cfg.hooks_dir.as_deref();
    let mut warnings = run(hooks, &cfg.dir, Hook::PostLog, entry);
    if entry.kind == crate::model::Kind::Answer {
        warnings.extend(run(hooks, &cfg.dir, Hook::PostAnswer, entry));
    }
    for warning in &warnings {
        crate::printer::warn(warning);
    }
}

/// After a goal is added or changed: post-goal with the goal as it now is.
pub(crate) fn goal_written(cfg: &crate::config::Config, goal: &crate::model::Goal) {
    for warning in run(cfg.hooks_dir.as_deref(), &cfg.dir, Hook::PostGoal, goal) {
        crate::printer::warn(&warning);
    }
}
