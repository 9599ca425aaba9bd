//! `couple prompt` in a shell start-up file, with the data encrypted: it
//! never asks for a passphrase, never fails over encryption, and reads
//! today's skips with a key that needs nothing asked.

use std::fs;

use crate::harness::Env;
use crate::keyholders::{config, couple, done, identity, ok};
use crate::terminal::Terminal;

/// alex: a key, an entry, everything encrypted; then today's question
/// skipped. Gives (the question before the skip, the one after).
fn encrypted_and_skipped(env: &Env) -> (String, String) {
    done(env, "alex", &["crypt", "init"]);
    done(env, "alex", &["log", "care", "the blue scarf secret"]);
    done(env, "alex", &["crypt", "on"]);
    assert!(env.file("log.csv").is_none() && env.file("log.csv.age").is_some());
    let before = ok(env, "alex", &["prompt"]);
    let run = couple(env, "alex", &["prompt", "--skip"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_ne!(run.stdout, before);
    (before, run.stdout)
}

/// alex's key, now protected by a passphrase (as `age -p` makes it;
/// `armor`: as `age -p -a`).
fn protect_with_a_passphrase(env: &Env, armor: bool) {
    let text = fs::read(identity(env, "alex")).unwrap();
    let encryptor = age::Encryptor::with_user_passphrase(age::secrecy::SecretString::from(
        "hunter2".to_string(),
    ));
    let format = if armor {
        age::armor::Format::AsciiArmor
    } else {
        age::armor::Format::Binary
    };
    let mut sealed = Vec::new();
    let out = age::armor::ArmoredWriter::wrap_output(&mut sealed, format).unwrap();
    let mut writer = encryptor.wrap_output(out).unwrap();
    std::io::Write::write_all(&mut writer, &text).unwrap();
    writer.finish().unwrap().finish().unwrap();
    fs::write(identity(env, "alex"), &sealed).unwrap();
}

#[test]
fn a_key_without_a_passphrase_reads_todays_skips_from_the_encrypted_log() {
    let env = Env::new();
    let (before, after) = encrypted_and_skipped(&env);
    assert_eq!(ok(&env, "alex", &["prompt"]), after, "the skip holds");
    assert_eq!(ok(&env, "alex", &["prompt", "--date", "today"]), after);
    // A machine with no key: the question before the skip, quietly.
    assert_eq!(ok(&env, "sam", &["prompt"]), before);
    // Asked with options, prompt reads like every command: it says why.
    let run = couple(&env, "sam", &["prompt", "--date", "today"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr.contains("this data is encrypted to"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_passphrase_is_never_asked_by_the_start_up_prompt_nor_is_it_an_error() {
    for armor in [false, true] {
        never_asked(armor);
    }
}

fn never_asked(armor: bool) {
    let env = Env::new();
    let (before, _) = encrypted_and_skipped(&env);
    protect_with_a_passphrase(&env, armor);
    let files = crate::harness::tree(&env.data());
    // No terminal: the question, without the skip check, and nothing else.
    assert_eq!(ok(&env, "alex", &["prompt"]), before);
    // On a terminal (a new shell): no question asked, it just ends.
    let config = config(&env, "alex");
    if let Some(terminal) = Terminal::start_with(
        &env,
        "alex",
        &[("XDG_CONFIG_HOME", config.to_str().unwrap())],
        &["prompt"],
    ) {
        let (code, screen) = terminal.finish();
        assert_eq!(code, 0, "{screen}");
        assert!(!screen.contains("assphrase"), "{screen}");
        assert!(screen.contains(before.trim_end()), "{screen}");
    }
    // With options it reads as every command does: it needs the passphrase.
    let run = couple(&env, "alex", &["prompt", "--date", "today"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr.contains("is protected by a passphrase"),
        "{}",
        run.stderr
    );
    assert_eq!(crate::harness::tree(&env.data()), files, "nothing written");
}

#[test]
fn a_damaged_log_does_not_stop_the_start_up_prompt() {
    let env = Env::new();
    let (before, _) = encrypted_and_skipped(&env);
    let path = env.path("log.csv.age");
    let mut bytes = fs::read(&path).unwrap();
    let at = bytes.len() - 10;
    bytes[at] ^= 0x01;
    fs::write(&path, &bytes).unwrap();
    assert_eq!(ok(&env, "alex", &["prompt"]), before);
    let run = couple(&env, "alex", &["prompt", "--date", "today"]);
    assert_eq!(run.code, 65, "{}", run.stderr);
    assert!(run.stderr.contains("log.csv.age"), "{}", run.stderr);
}

#[test]
fn own_prompts_behind_a_passphrase_give_a_note_not_a_failure_nor_another_question() {
    let env = Env::new();
    env.write(
        "prompts.csv",
        "id,theme,depth,text\nmine-001,play,light,\"Which game of ours would you bring back, and why?\"\n",
    );
    done(&env, "alex", &["crypt", "init"]);
    done(&env, "alex", &["log", "care", "the blue scarf secret"]);
    done(&env, "alex", &["crypt", "on"]);
    assert!(env.file("prompts.csv.age").is_some());
    let question = ok(&env, "alex", &["prompt"]);
    assert_eq!(question, ok(&env, "alex", &["prompt", "--date", "today"]));
    protect_with_a_passphrase(&env, true);
    let run = couple(&env, "alex", &["prompt"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(run.stdout, "", "no question but the couple's");
    assert_eq!(
        run.stderr,
        "couple: warning: today's question needs your own prompts (prompts.csv.age), and your key asks for a passphrase, which `couple prompt` alone never does\nhint: `couple prompt --date today` asks for it\n"
    );
}

#[test]
fn turning_encryption_on_keeps_a_dir_from_before_editions_on_its_edition() {
    let env = Env::new();
    // Data from before deck editions (no settings.csv): edition 1.
    env.write(
        "log.csv",
        "id,date,partner,kind,minutes,mood,prompt,note,logged_at\n",
    );
    let before = ok(&env, "alex", &["prompt", "--date", "2026-03-01"]);
    done(&env, "alex", &["crypt", "init"]);
    done(&env, "alex", &["crypt", "on"]);
    assert!(env.file("log.csv").is_none());
    assert_eq!(
        ok(&env, "alex", &["prompt", "--date", "2026-03-01"]),
        before
    );
}
