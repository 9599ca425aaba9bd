//! Where the encryption key may and may not go: never into the data
//! directory (`crypt init`), never overwritten by an export, and a key
//! protected by a passphrase read as such (asked on a terminal, refused
//! clearly without one).

use std::fs;
use std::path::{Path, PathBuf};

use crate::harness::{Env, Run, run};
use crate::terminal::Terminal;

/// `couple ARGS` with this machine's config and state directories in the
/// sandbox, and `COUPLE_DIR` as given.
fn couple_in(env: &Env, data: &Path, config: &Path, args: &[&str]) -> Run {
    let mut cmd = env.std_command(args);
    cmd.env("COUPLE_DIR", data)
        .env("XDG_CONFIG_HOME", config)
        .env("XDG_STATE_HOME", env.home().join("state"));
    run(assert_cmd::Command::from_std(cmd))
}

fn config(env: &Env) -> PathBuf {
    env.home().join("config")
}

fn couple(env: &Env, args: &[&str]) -> Run {
    couple_in(env, &env.data(), &config(env), args)
}

#[track_caller]
fn ok(env: &Env, args: &[&str]) -> String {
    let run = couple(env, args);
    assert_eq!(run.code, 0, "{args:?}: {}", run.stderr);
    run.stdout
}

fn identity(env: &Env) -> PathBuf {
    config(env).join("couple/identity.txt")
}

/// A refusal: exit `code`, nothing on stdout, a first line naming what,
/// then a hint.
#[track_caller]
fn refused(run: &Run, code: i32) -> Vec<String> {
    assert_eq!(run.code, code, "{run:?}");
    assert_eq!(run.stdout, "");
    let lines: Vec<String> = run.stderr.lines().map(str::to_string).collect();
    assert_eq!(lines.len(), 2, "{}", run.stderr);
    assert!(lines[1].starts_with("hint: "), "{}", run.stderr);
    lines
}

#[test]
fn crypt_init_refuses_a_config_dir_equal_to_or_inside_the_data_dir() {
    let env = Env::new();
    // COUPLE_DIR=$XDG_CONFIG_HOME/couple: the key would land in the
    // synced folder.
    let data = config(&env).join("couple");
    let run = couple_in(&env, &data, &config(&env), &["crypt", "init"]);
    let lines = refused(&run, 1);
    assert!(
        lines[0].contains(&data.display().to_string()) && lines[0].contains("data directory"),
        "{}",
        run.stderr
    );
    assert!(!identity(&env).exists(), "no key written");
    assert!(!data.join(".age-recipients").exists());

    // The config dir inside the data dir.
    let inside = env.data().join("cfg");
    let run = couple_in(&env, &env.data(), &inside, &["crypt", "init"]);
    let lines = refused(&run, 1);
    assert!(
        lines[0].contains(&inside.join("couple").display().to_string())
            && lines[0].contains(&env.data().display().to_string()),
        "{}",
        run.stderr
    );
    assert!(!inside.join("couple/identity.txt").exists());

    // The same, reached through a symbolic link to the config directory.
    fs::create_dir_all(config(&env).join("couple")).unwrap();
    let link = env.home().join("shared");
    std::os::unix::fs::symlink(config(&env), &link).unwrap();
    let run = couple_in(&env, &link, &config(&env), &["crypt", "init"]);
    refused(&run, 1);
    assert!(!identity(&env).exists());

    // Apart, it works.
    ok(&env, &["crypt", "init"]);
    assert!(identity(&env).exists());
}

#[test]
fn export_refuses_to_overwrite_the_key_or_anything_in_the_config_dir() {
    let env = Env::new();
    ok(&env, &["crypt", "init"]);
    ok(&env, &["log", "care", "a"]);
    let key = fs::read(identity(&env)).unwrap();
    let link = env.home().join("key-link");
    std::os::unix::fs::symlink(identity(&env), &link).unwrap();
    let hard = env.home().join("key-hard");
    fs::hard_link(identity(&env), &hard).unwrap();
    for target in [identity(&env), link, hard] {
        let target = target.display().to_string();
        let run = couple(&env, &["export", "-o", &target]);
        let lines = refused(&run, 2);
        assert!(
            lines[0].contains("this machine's encryption key: refusing to overwrite it"),
            "{target}: {}",
            run.stderr
        );
        assert_eq!(fs::read(identity(&env)).unwrap(), key, "{target}");
    }
    let other = config(&env).join("couple/notes.csv");
    let run = couple(&env, &["export", "-o", &other.display().to_string()]);
    let lines = refused(&run, 2);
    assert!(
        lines[0].contains("in couple's config directory"),
        "{}",
        run.stderr
    );
    assert!(!other.exists());
    // Elsewhere, it works.
    let out = env.home().join("out.csv");
    ok(&env, &["export", "-o", &out.display().to_string()]);
    assert!(fs::read_to_string(out).unwrap().contains(",care,"));
}

/// alex's key protected by the passphrase `hunter2`, as `age -p` writes it
/// (`armor`: as `age -p -a`).
fn protect_key(env: &Env, armor: bool) {
    let text = fs::read(identity(env)).unwrap();
    let encryptor = age::Encryptor::with_user_passphrase(age::secrecy::SecretString::from(
        "hunter2".to_string(),
    ));
    let mut sealed = Vec::new();
    {
        use std::io::Write as _;
        let format = if armor {
            age::armor::Format::AsciiArmor
        } else {
            age::armor::Format::Binary
        };
        let out = age::armor::ArmoredWriter::wrap_output(&mut sealed, format).unwrap();
        let mut writer = encryptor.wrap_output(out).unwrap();
        writer.write_all(&text).unwrap();
        writer.finish().unwrap().finish().unwrap();
    }
    fs::write(identity(env), &sealed).unwrap();
}

#[test]
fn crypt_init_with_a_passphrase_protected_key_says_so_without_a_terminal() {
    for armor in [false, true] {
        let env = Env::new();
        ok(&env, &["crypt", "init"]);
        let recipients = env.file(".age-recipients").unwrap();
        protect_key(&env, armor);
        let key = fs::read(identity(&env)).unwrap();
        let run = couple(&env, &["crypt", "init"]);
        let lines = refused(&run, 1);
        assert_eq!(
            lines[0],
            format!(
                "couple: the key {} is protected by a passphrase, and there is no terminal to ask it on",
                identity(&env).display()
            ),
            "armor {armor}"
        );
        assert!(lines[1].contains("run this on a terminal"), "{}", lines[1]);
        assert!(!run.stderr.contains("UTF-8"));
        assert_eq!(fs::read(identity(&env)).unwrap(), key);
        assert_eq!(env.file(".age-recipients").unwrap(), recipients);
    }
}

#[test]
fn crypt_init_with_a_passphrase_protected_key_asks_for_it_on_a_terminal() {
    for armor in [false, true] {
        let env = Env::new();
        ok(&env, &["crypt", "init"]);
        let public = env
            .file(".age-recipients")
            .unwrap()
            .lines()
            .find(|l| l.starts_with("age1"))
            .unwrap()
            .to_string();
        protect_key(&env, armor);
        // A backup key to add: init has something to write once unlocked.
        let backup = age::x25519::Identity::generate().to_public().to_string();
        let config = config(&env).display().to_string();
        let state = env.home().join("state").display().to_string();
        let vars = [
            ("XDG_CONFIG_HOME", config.as_str()),
            ("XDG_STATE_HOME", state.as_str()),
        ];
        let line = format!("tty > tty.txt; exec \"$COUPLE\" crypt init --backup {backup}");
        let Some(mut term) = Terminal::shell(&env, "alex", &vars, &line) else {
            return;
        };
        term.expect("Passphrase for ");
        // dialoguer shows the question, then turns echo off and flushes
        // what was typed (TCSAFLUSH): keys sent in between are lost, and
        // couple waits for ever. Typed once echo is off.
        wait_for_echo_off(&env);
        term.send("hunter2\r");
        let (code, screen) = term.finish();
        assert_eq!(code, 0, "armor {armor}: {screen}");
        assert!(
            screen.contains(&format!("{public} already in .age-recipients")),
            "{screen}"
        );
        assert!(env.file(".age-recipients").unwrap().contains(&backup));
        assert!(!screen.contains("hunter2"), "the passphrase is not echoed");
    }
}

/// Waits until the terminal couple runs on (its name in `tty.txt`) has
/// echo off, as it has while a passphrase is read.
fn wait_for_echo_off(env: &Env) {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    loop {
        let tty = fs::read_to_string(env.home().join("tty.txt")).unwrap_or_default();
        let settings = std::process::Command::new("stty")
            .args(["-a", "-F", tty.trim()])
            .output()
            .map(|out| String::from_utf8_lossy(&out.stdout).into_owned())
            .unwrap_or_default();
        if settings.split_whitespace().any(|w| w == "-echo") {
            return;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "echo never went off: {settings}"
        );
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
}
