//! Partners with keys of their own: `couple` run as one of them, with their
//! own config directory (`XDG_CONFIG_HOME`, where `crypt init` puts the
//! key) and a scratch `TMPDIR` inside the test's home, so a test can look
//! for plain text there too.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::harness::{Env, Run, run};

/// `who`'s config directory.
pub(crate) fn config(env: &Env, who: &str) -> PathBuf {
    env.home().join(format!("config-{who}"))
}

/// `who`'s key, where `crypt init` makes it.
pub(crate) fn identity(env: &Env, who: &str) -> PathBuf {
    config(env, who).join("couple").join("identity.txt")
}

/// The temporary directory every run is given.
pub(crate) fn temp(env: &Env) -> PathBuf {
    let dir = env.home().join("tmp");
    fs::create_dir_all(&dir).unwrap();
    dir
}

/// `couple ARGS` as `who` (their own key), in `dir`'s data directory.
pub(crate) fn command_in(env: &Env, dir: &Path, who: &str, args: &[&str]) -> Command {
    let mut cmd = env.std_command(args);
    cmd.env("COUPLE_PARTNER", who)
        .env("COUPLE_DIR", dir)
        .env("XDG_CONFIG_HOME", config(env, who))
        .env("TMPDIR", temp(env));
    cmd
}

/// `couple ARGS` as `who`, in the test's data directory.
pub(crate) fn couple(env: &Env, who: &str, args: &[&str]) -> Run {
    run(assert_cmd::Command::from_std(command_in(
        env,
        &env.data(),
        who,
        args,
    )))
}

/// Succeeds, whatever it says on stderr; gives stdout.
#[track_caller]
pub(crate) fn done(env: &Env, who: &str, args: &[&str]) -> String {
    let run = couple(env, who, args);
    assert_eq!(run.code, 0, "{who} {args:?}: {}", run.stderr);
    run.stdout
}

/// Succeeds with nothing on stderr; gives stdout.
#[track_caller]
pub(crate) fn ok(env: &Env, who: &str, args: &[&str]) -> String {
    let run = couple(env, who, args);
    assert_eq!((run.code, &*run.stderr), (0, ""), "{who} {args:?}");
    run.stdout
}
