//! `couple prompt` as a shell start-up file runs it: recognised without
//! building clap's whole command, answering exactly as before.

use crate::harness::{Env, run};

/// `couple ARGS` in `env`'s sandbox, COUPLE_DIR as given (None: unset).
fn with_dir_var(env: &Env, dir: Option<&str>, args: &[&str]) -> crate::harness::Run {
    let mut cmd = env.command(args);
    match dir {
        Some(dir) => cmd.env("COUPLE_DIR", dir),
        None => cmd.env_remove("COUPLE_DIR"),
    };
    run(cmd)
}

#[test]
fn every_start_up_form_gives_the_same_question_as_a_flag_form() {
    let env = Env::new();
    env.write(
        "log.csv",
        "id,date,partner,kind,minutes,mood,prompt,note,logged_at\n",
    );
    // Through clap (a flag the start-up forms do not take), for comparison.
    let by_clap = env.ok(&["prompt", "--format", "text"]);
    let data = env.data();
    let data = data.to_str().unwrap();
    for args in [
        &["prompt"][..],
        &["--dir", data, "prompt"],
        &[&format!("--dir={data}"), "prompt"],
        &["prompt", "--dir", data],
        &["prompt", &format!("--dir={data}")],
    ] {
        // `prompt` alone from COUPLE_DIR; the others with it unset.
        let run = with_dir_var(&env, (args.len() == 1).then_some(data), args);
        assert_eq!(
            (run.code, &*run.stdout, &*run.stderr),
            (0, &*by_clap, ""),
            "{args:?}"
        );
    }
}

#[test]
fn help_errors_and_odd_values_still_answer_as_clap_does() {
    let env = Env::new();
    let help = env.ok(&["prompt", "--help"]);
    assert!(help.contains("Print the question of the day"), "{help}");
    assert!(help.contains("--upgrade-deck"), "{help}");
    let err = env.fails(&["prompt", "--bogus"], 2);
    assert!(err.contains("unexpected argument '--bogus'"), "{err}");
    let err = env.fails(&["prompt", "prompt"], 2);
    assert!(err.contains("unexpected argument 'prompt'"), "{err}");
    // Config's own messages for an empty directory, from either source.
    let run = with_dir_var(&env, Some(""), &["prompt"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .starts_with("couple: COUPLE_DIR is set but empty"),
        "{}",
        run.stderr
    );
    let err = env.fails(&["prompt", "--dir", ""], 2);
    assert!(err.starts_with("couple: --dir is empty"), "{err}");
    let err = env.fails(&["prompt", "--dir="], 2);
    assert!(err.starts_with("couple: --dir is empty"), "{err}");
}

#[test]
fn the_start_up_form_reads_the_couples_own_prompts_and_todays_skips() {
    let env = Env::new();
    env.write(
        "prompts.csv",
        "id,theme,depth,text\nmine-001,play,light,Which game of ours would you bring back?\n",
    );
    let before = env.ok(&["prompt"]);
    assert_eq!(before, env.ok(&["prompt", "--format", "text"]));
    let skipped = env.ok(&["prompt", "--skip"]);
    assert_ne!(skipped, before);
    assert_eq!(env.ok(&["prompt"]), skipped, "the skip holds for the day");
    std::fs::remove_file(env.path("prompts.csv")).unwrap();
    assert_eq!(
        env.ok(&["prompt"]),
        env.ok(&["prompt", "--format", "text"]),
        "the built-in deck alone, skips and all"
    );
}
