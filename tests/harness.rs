//! The test harness: each test gets its own data directory, a scrubbed
//! environment (nothing leaks in from the developer's shell), a fixed
//! "today", and helpers that assert on the exit code, stdout and stderr.

// Not every test module needs every helper.
#![allow(dead_code)]

use std::fs;
use std::path::{Path, PathBuf};

use std::time::Duration;

/// "Today" in every test: Wednesday 25 November 2026.
pub(crate) const TODAY: &str = "2026-11-25";

/// A sandbox: a home directory with a data directory inside it.
pub(crate) struct Env {
    home: tempfile::TempDir,
    pub(crate) partner: String,
    pub(crate) today: String,
}

/// What a run of couple did.
#[derive(Debug)]
pub(crate) struct Run {
    pub(crate) code: i32,
    pub(crate) stdout: String,
    pub(crate) stderr: String,
}

impl Env {
    pub(crate) fn new() -> Self {
        Self {
            home: tempfile::tempdir().expect("a temporary directory"),
            partner: "alex".into(),
            today: TODAY.into(),
        }
    }

    /// The same sandbox, as the other partner.
    pub(crate) fn as_partner(&self, name: &str) -> Partner<'_> {
        Partner {
            env: self,
            name: name.to_string(),
        }
    }

    pub(crate) fn home(&self) -> &Path {
        self.home.path()
    }

    /// The data directory (it may not exist yet).
    pub(crate) fn data(&self) -> PathBuf {
        self.home.path().join("data")
    }

    pub(crate) fn path(&self, name: &str) -> PathBuf {
        self.data().join(name)
    }

    /// A data file's contents, or None when it does not exist.
    pub(crate) fn file(&self, name: &str) -> Option<String> {
        fs::read(self.path(name))
            .ok()
            .map(|b| String::from_utf8_lossy(&b).into_owned())
    }

    pub(crate) fn file_bytes(&self, name: &str) -> Option<Vec<u8>> {
        fs::read(self.path(name)).ok()
    }

    /// Writes a data file (creating the data directory, private).
    pub(crate) fn write(&self, name: &str, contents: impl AsRef<[u8]>) {
        fs::create_dir_all(self.data()).unwrap();
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            // As couple makes it; a shared one would add a warning to stderr.
            fs::set_permissions(self.data(), fs::Permissions::from_mode(0o700)).unwrap();
        }
        fs::write(self.path(name), contents).unwrap();
    }

    /// The couple command, scrubbed and pinned, not yet run.
    pub(crate) fn command(&self, args: &[&str]) -> assert_cmd::Command {
        self.command_as(&self.partner, args)
    }

    fn command_as(&self, partner: &str, args: &[&str]) -> assert_cmd::Command {
        let mut cmd = assert_cmd::Command::from_std(self.std_command_as(partner, args));
        // No test may hang: a command waiting for input fails the test instead.
        cmd.timeout(Duration::from_secs(60)).write_stdin(Vec::new());
        cmd
    }

    /// The same command as a plain `std::process::Command`, for what
    /// assert_cmd cannot do: run several at once, kill one, or send its
    /// output to /dev/full or a pipe. Its stdin is empty.
    pub(crate) fn std_command(&self, args: &[&str]) -> std::process::Command {
        self.std_command_as(&self.partner, args)
    }

    fn std_command_as(&self, partner: &str, args: &[&str]) -> std::process::Command {
        let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_couple"));
        cmd.env_clear()
            .envs(self.vars(partner))
            .current_dir(self.home())
            .stdin(std::process::Stdio::null())
            .args(args);
        cmd
    }

    /// The whole environment couple runs in: nothing from the developer's
    /// shell, today pinned. For wrappers (`sh -c 'umask …'`, `script`).
    pub(crate) fn vars(&self, partner: &str) -> Vec<(&'static str, std::ffi::OsString)> {
        vec![
            ("PATH", std::env::var_os("PATH").unwrap_or_default()),
            ("HOME", self.home().into()),
            ("TZ", "UTC".into()),
            ("COUPLE_DIR", self.data().into()),
            ("COUPLE_PARTNER", partner.into()),
            ("COUPLE_TODAY", (&self.today).into()),
        ]
    }

    /// Runs couple as the default partner.
    pub(crate) fn run(&self, args: &[&str]) -> Run {
        run(self.command(args))
    }

    /// Runs couple and expects success; returns stdout.
    #[track_caller]
    pub(crate) fn ok(&self, args: &[&str]) -> String {
        expect_ok(self.run(args), args)
    }

    /// Runs couple and expects exit `code`; returns stderr.
    #[track_caller]
    pub(crate) fn fails(&self, args: &[&str], code: i32) -> String {
        expect_code(self.run(args), args, code)
    }
}

/// The sandbox seen by another partner.
pub(crate) struct Partner<'e> {
    env: &'e Env,
    name: String,
}

impl Partner<'_> {
    pub(crate) fn run(&self, args: &[&str]) -> Run {
        run(self.env.command_as(&self.name, args))
    }

    #[track_caller]
    pub(crate) fn ok(&self, args: &[&str]) -> String {
        expect_ok(self.run(args), args)
    }

    #[track_caller]
    pub(crate) fn fails(&self, args: &[&str], code: i32) -> String {
        expect_code(self.run(args), args, code)
    }
}

pub(crate) fn run(mut cmd: assert_cmd::Command) -> Run {
    let output = cmd.output().expect("couple runs");
    Run {
        code: output.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    }
}

#[track_caller]
fn expect_ok(run: Run, args: &[&str]) -> String {
    assert_eq!(run.code, 0, "couple {args:?} failed:\n{}", run.stderr);
    run.stdout
}

#[track_caller]
fn expect_code(run: Run, args: &[&str], code: i32) -> String {
    assert_eq!(
        run.code, code,
        "couple {args:?}: expected exit {code}\nstdout:\n{}\nstderr:\n{}",
        run.stdout, run.stderr
    );
    assert!(
        !run.stderr.contains("panicked"),
        "couple {args:?} panicked:\n{}",
        run.stderr
    );
    run.stderr
}

/// Every file under `dir`, for "nothing was created" checks.
pub(crate) fn tree(dir: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    if let Ok(entries) = fs::read_dir(dir) {
        for entry in entries.flatten() {
            found.push(entry.path());
            found.extend(tree(&entry.path()));
        }
    }
    found.sort();
    found
}
