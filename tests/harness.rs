//! The test harness: each test gets its own data directory, a scrubbed
//! environment (nothing leaks in from the developer's shell), a fixed
//! "today", and helpers that assert on everything the user sees: the exit
//! code, stdout, stderr (empty unless the test names it) and the files.

// Not every test module needs every helper.
#![allow(dead_code)]

use std::fs;
use std::io::Write as _;
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

    /// Runs couple with a reader that goes away after the first line, as
    /// `| head -1` does while couple is still writing: that line, and how
    /// couple ended.
    pub(crate) fn first_line_then_gone(&self, args: &[&str]) -> (String, Run) {
        use std::io::BufRead as _;
        let mut child = self
            .std_command(args)
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .expect("couple starts");
        let mut first = String::new();
        std::io::BufReader::new(child.stdout.take().expect("piped"))
            .read_line(&mut first)
            .expect("a line");
        let out = child.wait_with_output().expect("couple ends");
        let run = Run {
            code: out.status.code().unwrap_or(-1),
            stdout: String::new(),
            stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        };
        (first, run)
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

    /// Runs couple and expects success with nothing on stderr; returns
    /// stdout.
    #[track_caller]
    pub(crate) fn ok(&self, args: &[&str]) -> String {
        expect_ok(self.run(args), args, "")
    }

    /// Runs couple and expects success with exactly `stderr` on stderr;
    /// returns stdout.
    #[track_caller]
    pub(crate) fn ok_with_stderr(&self, args: &[&str], stderr: &str) -> String {
        expect_ok(self.run(args), args, stderr)
    }

    /// Runs couple and expects exit `code` with nothing on stdout; returns
    /// stderr.
    #[track_caller]
    pub(crate) fn fails(&self, args: &[&str], code: i32) -> String {
        expect_code(self.run(args), args, code, "")
    }

    /// Runs couple and expects exit `code` with exactly `stdout` on stdout;
    /// returns stderr.
    #[track_caller]
    pub(crate) fn fails_with_stdout(&self, args: &[&str], code: i32, stdout: &str) -> String {
        expect_code(self.run(args), args, code, stdout)
    }

    /// Asserts a data file's whole content, byte for byte.
    #[track_caller]
    pub(crate) fn assert_file(&self, name: &str, expected: &str) {
        let Some(actual) = self.file_bytes(name) else {
            panic!("{name} does not exist; expected:\n{expected}");
        };
        if actual != expected.as_bytes() {
            assert_eq!(
                String::from_utf8_lossy(&actual),
                expected,
                "the whole of {name}"
            );
            panic!("{name} is not valid UTF-8: {actual:?}");
        }
    }

    /// Asserts a data file does not exist.
    #[track_caller]
    pub(crate) fn assert_no_file(&self, name: &str) {
        if let Some(actual) = self.file(name) {
            panic!("{name} exists, holding:\n{actual}");
        }
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
        expect_ok(self.run(args), args, "")
    }

    #[track_caller]
    pub(crate) fn ok_with_stderr(&self, args: &[&str], stderr: &str) -> String {
        expect_ok(self.run(args), args, stderr)
    }

    #[track_caller]
    pub(crate) fn fails(&self, args: &[&str], code: i32) -> String {
        expect_code(self.run(args), args, code, "")
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
fn expect_ok(run: Run, args: &[&str], stderr: &str) -> String {
    assert_eq!(
        run.code, 0,
        "couple {args:?} failed:\nstdout:\n{}\nstderr:\n{}",
        run.stdout, run.stderr
    );
    assert_eq!(run.stderr, stderr, "couple {args:?}: stderr");
    run.stdout
}

#[track_caller]
fn expect_code(run: Run, args: &[&str], code: i32, stdout: &str) -> String {
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
    assert_eq!(run.stdout, stdout, "couple {args:?}: stdout");
    run.stderr
}

/// Whether `tool` is on the PATH. When it is not, a test cannot run here:
/// it says so on stderr (`SKIPPED: <test> needs <tool>`) and returns false,
/// so the caller returns early; under `CI` (set and non-empty) it panics
/// instead, because CI installs every tool and a skip there would be a
/// check silently lost.
#[track_caller]
pub(crate) fn require_tool(tool: &str) -> bool {
    require(tool, on_path(tool))
}

/// Like [`require_tool`], for a need that is not simply a program on the
/// PATH (a util-linux `script`, /dev/full): `available` says whether it is
/// met here, `need` names it in the message.
#[track_caller]
pub(crate) fn require(need: &str, available: bool) -> bool {
    if available {
        return true;
    }
    let test = std::thread::current()
        .name()
        .unwrap_or("this test")
        .to_string();
    let at = std::panic::Location::caller();
    let under_ci = std::env::var_os("CI").is_some_and(|v| !v.is_empty());
    assert!(
        !under_ci,
        "{test} needs {need}, which CI must install ({at})"
    );
    // Straight to the process's stderr: libtest captures `eprintln!` of a
    // passing test, and a skip must show.
    let _ = writeln!(
        std::io::stderr().lock(),
        "SKIPPED: {test} needs {need} ({at})"
    );
    false
}

/// For a need no install can meet, because the machine's kernel decides
/// it (ptrace allowed in a container, say): skips the test where it is not
/// met, saying so, under CI too.
#[track_caller]
pub(crate) fn allowed_here(need: &str, available: bool) -> bool {
    if !available {
        let test = std::thread::current()
            .name()
            .unwrap_or("this test")
            .to_string();
        let at = std::panic::Location::caller();
        let _ = writeln!(
            std::io::stderr().lock(),
            "SKIPPED: {test} needs {need}, which this machine does not allow ({at})"
        );
    }
    available
}

fn on_path(tool: &str) -> bool {
    std::env::var_os("PATH").is_some_and(|paths| {
        std::env::split_paths(&paths).any(|dir| {
            let candidate = dir.join(tool);
            #[cfg(unix)]
            {
                use std::os::unix::fs::PermissionsExt;
                fs::metadata(&candidate)
                    .is_ok_and(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
            }
            #[cfg(not(unix))]
            {
                candidate.is_file() || candidate.with_extension("exe").is_file()
            }
        })
    })
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

/// LibreOffice converting `files` with `filter` into `out`, headless, its
/// profile under `home`: its output. Stopped, and a failure, after five
/// minutes (a LibreOffice that cannot start waits for ever).
pub(crate) fn calc_converts(
    home: &Path,
    filter: &str,
    out: &Path,
    files: &[&Path],
) -> std::process::Output {
    let profile = file_url(&home.join("lo-profile"));
    let mut soffice = std::process::Command::new("soffice")
        .arg(format!("-env:UserInstallation={profile}"))
        .args(["--headless", "--convert-to", filter, "--outdir"])
        .arg(out)
        .args(files)
        .env("HOME", home)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("soffice starts");
    let deadline = std::time::Instant::now() + Duration::from_secs(300);
    while soffice.try_wait().expect("soffice runs").is_none() {
        if std::time::Instant::now() > deadline {
            let _ = soffice.kill();
            panic!("soffice did not finish in 5 minutes");
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    soffice.wait_with_output().expect("soffice ends")
}

/// `path` as a `file://` URL, each byte a URL may not hold as it is
/// written `%XX` (a space in TMPDIR, say).
fn file_url(path: &Path) -> String {
    use std::fmt::Write as _;
    let mut url = String::from("file://");
    for &byte in path.as_os_str().as_encoded_bytes() {
        if byte.is_ascii_alphanumeric() || b"/-._~".contains(&byte) {
            url.push(char::from(byte));
        } else {
            let _ = write!(url, "%{byte:02X}");
        }
    }
    url
}
