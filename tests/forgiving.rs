//! A CLI that forgives: bare `couple`, trailing words as the note, a
//! number where a flag was meant, short flags, help that separates the
//! global options, usage lines that do not blame the environment, and a
//! picker that filters as you type and cancels cleanly.

use crate::harness::Env;
use crate::terminal::Terminal;

#[test]
fn bare_couple_prints_the_question_of_the_day_then_what_is_due() {
    let env = Env::new();
    let question = env.ok(&["prompt"]);
    let bare = env.ok(&[]);
    // Bare couple marks nothing as said: review --due still says it all.
    let due = env.ok(&["review", "--due"]);
    assert!(!due.is_empty(), "nothing is due in an empty log");
    assert_eq!(bare, format!("{question}\n{due}"));
    assert_eq!(env.ok(&[]), bare);
}

#[test]
fn bare_couple_prints_only_the_question_when_nothing_is_due() {
    let env = Env::new();
    env.ok(&["log", "talk", "-m", "15"]);
    env.ok(&["log", "us-time"]);
    env.ok(&["log", "sit-down"]);
    assert_eq!(env.ok(&["review", "--due"]), "");
    assert_eq!(env.ok(&[]), env.ok(&["prompt"]));
}

#[test]
fn bare_couple_shows_the_question_prompt_shows_after_a_skip() {
    let env = Env::new();
    env.ok(&["log", "talk", "-m", "15"]);
    env.ok(&["log", "us-time"]);
    env.ok(&["log", "sit-down"]);
    let before = env.ok(&["prompt"]);
    let after = env.ok(&["prompt", "--skip"]);
    assert_ne!(before, after);
    assert_eq!(env.ok(&["prompt"]), after);
    assert_eq!(
        env.ok(&[]),
        after,
        "bare couple skips today's skipped question too"
    );
}

#[test]
fn bare_couple_honours_the_global_options_on_the_command_line() {
    let env = Env::new();
    let other = env.home().join("other");
    let other = other.to_str().unwrap();
    env.ok(&["--dir", other, "--partner", "sam", "log", "talk"]);
    // In the other directory sam talked today: no talk is due there.
    let out = env.ok(&["--dir", other, "--partner", "sam"]);
    assert!(!out.contains("talk:"), "{out}");
    assert!(env.ok(&[]).contains("talk:"));
}

#[test]
fn trailing_words_after_the_kind_join_into_the_note() {
    let env = Env::new();
    env.ok(&["log", "talk", "about", "the", "move", "--minutes", "15"]);
    let log = env.file("log.csv").unwrap();
    assert!(log.contains(",alex,talk,15,,,about the move,"), "{log}");
}

#[test]
fn a_note_that_is_only_a_number_is_refused_with_the_flag_it_meant() {
    let env = Env::new();
    let err = env.fails(&["log", "talk", "15"], 2);
    assert!(
        err.starts_with("couple: the note \"15\" is only a number: did you mean --minutes 15?\n"),
        "{err}"
    );
    let err = env.fails(&["log", "checkin", "4"], 2);
    assert!(err.contains("did you mean --mood 4?"), "{err}");
    env.assert_no_file("log.csv");
}

#[test]
fn short_flags_work_and_are_listed_in_help() {
    let env = Env::new();
    env.ok(&["log", "talk", "-m", "20", "-d", "yesterday", "on the sofa"]);
    let log = env.file("log.csv").unwrap();
    assert!(
        log.contains("2026-11-24,alex,talk,20,,,on the sofa,"),
        "{log}"
    );
    let help = env.ok(&["log", "--help"]);
    assert!(help.contains("-m, --minutes <N>"), "{help}");
    assert!(help.contains("-d, --date <DATE>"), "{help}");
    let help = env.ok(&["prompt", "--help"]);
    assert!(help.contains("-t, --theme <THEME>"), "{help}");
    assert!(help.contains("-d, --date <DATE>"), "{help}");
    assert_eq!(
        env.ok(&["prompt", "-t", "play", "-d", "2026-01-01"]),
        env.ok(&["prompt", "--theme", "play", "--date", "2026-01-01"])
    );
}

#[test]
fn help_lists_the_global_options_under_their_own_heading() {
    let env = Env::new();
    for args in [
        &["--help"][..],
        &["log", "--help"],
        &["goals", "done", "--help"],
    ] {
        let help = env.ok(args);
        let (local, global) = help
            .split_once("\nGlobal options:\n")
            .unwrap_or_else(|| panic!("{args:?}: no Global options heading:\n{help}"));
        for option in [
            "\n      --dir <DIR>",
            "\n      --partner <NAME>",
            "\n      --no-input",
            "\n      --color <WHEN>",
            "\n  -q, --quiet",
        ] {
            let global = format!("\n{global}");
            assert!(
                global.contains(option),
                "{args:?}: {option} not global:\n{help}"
            );
            assert!(!local.contains(option), "{args:?}: {option} twice:\n{help}");
        }
    }
}

#[test]
fn usage_lines_do_not_show_options_the_environment_supplied_as_required() {
    let env = Env::new();
    for (args, usage) in [
        (&["goals", "done"][..], "Usage: couple goals done <ID>\n"),
        (
            &["review", "--from", "monday"],
            "Usage: couple review --from <DATE> --to <DATE>\n",
        ),
        (&["goals", "add"], "Usage: couple goals add <TITLE>...\n"),
    ] {
        let err = env.fails(args, 2);
        assert!(err.contains(usage), "{args:?}:\n{err}");
        assert!(!err.contains("--dir"), "{args:?}:\n{err}");
        assert!(!err.contains("--partner"), "{args:?}:\n{err}");
    }
}

#[test]
fn the_kind_picker_filters_as_you_type() {
    let env = Env::new();
    let Some(mut term) = Terminal::start(&env, &["log"]) else {
        return;
    };
    term.expect("What would you like to log?");
    term.expect("state-of-us");
    term.send("care\r");
    term.expect("A note");
    term.send("tea in bed\r");
    let (code, screen) = term.finish();
    assert_eq!(code, 0, "{screen}");
    let log = env.file("log.csv").unwrap();
    assert!(log.contains(",alex,care,,,,tea in bed,"), "{log}");
}

#[test]
fn escape_in_the_kind_picker_cancels_with_nothing_written() {
    let env = Env::new();
    let Some(mut term) = Terminal::start(&env, &["log"]) else {
        return;
    };
    term.expect("What would you like to log?");
    term.expect("state-of-us");
    term.send("\x1b");
    let (code, screen) = term.finish();
    assert_eq!(code, 1, "{screen}");
    assert!(screen.contains("nothing was logged"), "{screen}");
    env.assert_no_file("log.csv");
}

#[test]
fn q_in_the_kind_picker_cancels_before_anything_is_typed() {
    let env = Env::new();
    let Some(mut term) = Terminal::start(&env, &["log"]) else {
        return;
    };
    term.expect("Esc or q to cancel");
    term.expect("state-of-us");
    term.send("q");
    let (code, screen) = term.finish();
    assert_eq!(code, 1, "{screen}");
    assert!(screen.contains("nothing was logged"), "{screen}");
    env.assert_no_file("log.csv");
}

#[test]
fn ctrl_c_in_the_kind_picker_gives_the_cursor_back_with_nothing_written() {
    let env = Env::new();
    let Some(mut term) = Terminal::start(&env, &["log"]) else {
        return;
    };
    term.expect("state-of-us");
    term.send("\x03");
    let (code, screen) = term.finish();
    assert_eq!(code, 1, "{screen}");
    assert!(
        screen.contains("couple: cancelled: nothing was logged"),
        "{screen:?}"
    );
    // The menu hid the cursor; the last word on it shows it again.
    let hidden = screen
        .rfind("\x1b[?25l")
        .expect("the menu hides the cursor");
    assert!(screen[hidden..].contains("\x1b[?25h"), "{screen:?}");
    env.assert_no_file("log.csv");
}

#[test]
fn q_typed_after_other_letters_filters_like_any_letter() {
    let env = Env::new();
    let Some(mut term) = Terminal::start(&env, &["log", "--prompt", "small-moments-001"]) else {
        return;
    };
    term.expect("state-of-us");
    // "a" then "q" narrows to the answer kind, whose label holds "question".
    term.send("aq");
    term.expect("> answer");
    term.send("\r");
    term.expect("Your answer");
    term.send("the bus stop\r");
    let (code, screen) = term.finish();
    assert_eq!(code, 0, "{screen}");
    let log = env.file("log.csv").unwrap();
    assert!(
        log.contains(",alex,answer,,,small-moments-001,the bus stop,"),
        "{log}"
    );
}

/// While a question waits, Ctrl-C is a key, not a signal (typed between
/// two keys, when dialoguer has the terminal cooked again, a signal's key
/// was lost and couple waited for ever): it ends the question, and the
/// terminal's settings are as before afterwards, signals on.
#[test]
fn ctrl_c_while_asking_ends_the_question_and_the_settings_come_back() {
    let env = Env::new();
    let line = "stty -a > before; \"$COUPLE\" log; echo \"exit $?\"; stty -a > after";
    let Some(mut term) = Terminal::shell(&env, &env.partner, &[], line) else {
        return;
    };
    term.expect("state-of-us");
    term.send("\x03");
    let (_, screen) = term.finish();
    assert!(screen.contains("exit 1"), "{screen}");
    assert!(
        screen.contains("couple: cancelled: nothing was logged"),
        "{screen}"
    );
    let read = |name| std::fs::read_to_string(env.home().join(name)).unwrap();
    let before = read("before");
    assert!(before.split_whitespace().any(|w| w == "isig"), "{before}");
    assert_eq!(before, read("after"), "stty -a before and after differ");
    env.assert_no_file("log.csv");
}

/// SIGTERM, SIGHUP or SIGQUIT while a question waits end couple as they
/// always did, but the terminal comes back first: its settings as before,
/// the cursor shown (dialoguer reads in raw mode with the cursor hidden,
/// and dying there left the terminal so).
#[test]
fn a_signal_while_asking_ends_couple_and_gives_the_terminal_back() {
    for (signal, code) in [("TERM", 143), ("HUP", 129), ("QUIT", 131)] {
        let env = Env::new();
        let line = "stty -a > before; sh -c 'echo $$ > couple.pid; exec \"$COUPLE\" log'; \
                    echo \"exit $?\"; stty -a > after";
        let Some(mut term) = Terminal::shell(&env, &env.partner, &[], line) else {
            return;
        };
        term.expect("state-of-us");
        let pid = std::fs::read_to_string(env.home().join("couple.pid")).unwrap();
        let killed = std::process::Command::new("kill")
            .args([&format!("-{signal}"), pid.trim()])
            .status()
            .unwrap();
        assert!(killed.success());
        let (_, screen) = term.finish();
        assert!(
            screen.contains(&format!("exit {code}")),
            "{signal}: {screen}"
        );
        let read = |name| std::fs::read_to_string(env.home().join(name)).unwrap();
        assert_eq!(read("before"), read("after"), "{signal}: stty -a differs");
        let hidden = screen
            .rfind("\x1b[?25l")
            .expect("the menu hides the cursor");
        assert!(
            screen[hidden..].contains("\x1b[?25h"),
            "{signal}: {screen:?}"
        );
        env.assert_no_file("log.csv");
    }
}
