//! The shared layers seen from outside: one stderr printer, one CSV writer
//! for everything a user receives, one matcher for ids and names, one
//! vocabulary per enum. Each test pins one promise of issue 10.

use crate::harness::Env;

#[cfg(unix)]
#[test]
fn a_warning_to_a_full_stderr_neither_panics_nor_aborts() {
    use std::os::unix::fs::PermissionsExt;
    let env = Env::new();
    env.ok(&["log", "care"]);
    // A data dir others can read makes `log` warn on stderr.
    std::fs::set_permissions(env.data(), std::fs::Permissions::from_mode(0o755)).unwrap();
    let full = std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .expect("/dev/full exists on this system");
    let output = env
        .std_command(&["log", "care", "x"])
        .stderr(full)
        .output()
        .expect("couple runs");
    let code = output.status.code();
    assert!(
        matches!(code, Some(0 | 1)),
        "exit {code:?} (134 is an abort), stdout {:?}",
        String::from_utf8_lossy(&output.stdout)
    );
    assert_eq!(env.file("log.csv").unwrap().lines().count(), 3);
}
