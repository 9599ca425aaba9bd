//! `couple talk`, the guided repair and the weekly "state of us", driven
//! through a pseudo-terminal as a person would: what each way of ending
//! records, and that the terminal comes back as it was every time.

use std::process::Command;
use std::thread;
use std::time::{Duration, Instant};

use crate::harness::Env;
use crate::terminal::Terminal;

const ENTER_ALTERNATE: &str = "\x1b[?1049h";
const LEAVE_ALTERNATE: &str = "\x1b[?1049l";
const HIDE_CURSOR: &str = "\x1b[?25l";
const SHOW_CURSOR: &str = "\x1b[?25h";

/// The id of the question of the day, as `couple prompt` tells it.
fn question_of_the_day(env: &Env) -> String {
    let csv = env.ok(&["prompt", "--format", "csv"]);
    let row = csv.lines().nth(1).expect("a prompt row");
    row.split(',').next().unwrap().to_string()
}

/// The rows of log.csv without its header, split into cells (notes here
/// hold no commas).
fn rows(env: &Env) -> Vec<Vec<String>> {
    env.file("log.csv")
        .unwrap_or_default()
        .lines()
        .skip(1)
        .map(|line| line.split(',').map(str::to_string).collect())
        .collect()
}

/// The alternate screen was entered and left, and the cursor hidden and
/// shown again, the leaving after the last entering.
#[track_caller]
fn assert_restored(screen: &str) {
    let entered = screen
        .rfind(ENTER_ALTERNATE)
        .expect("the alternate screen was used");
    let left = screen
        .rfind(LEAVE_ALTERNATE)
        .expect("the alternate screen was left");
    assert!(left > entered, "left before the last entering:\n{screen:?}");
    let hidden = screen.rfind(HIDE_CURSOR).expect("the cursor was hidden");
    let shown = screen
        .rfind(SHOW_CURSOR)
        .expect("the cursor was shown again");
    assert!(shown > hidden, "the cursor stays hidden:\n{screen:?}");
}

#[test]
fn a_talk_that_runs_to_the_end_records_one_minute_and_the_question_of_the_day() {
    let env = Env::new();
    let id = question_of_the_day(&env);
    let Some(mut term) = Terminal::start(&env, &["talk", "--for", "3s"]) else {
        return;
    };
    term.expect(ENTER_ALTERNATE);
    term.expect("today's talk");
    term.expect("space pause · q end · ctrl-c stop");
    term.expect(LEAVE_ALTERNATE);
    term.expect(&format!("Recorded 1 minute of talk about {id}."));
    term.expect("Write your answer to it now?");
    term.send("n");
    let (code, screen) = term.finish();
    assert_eq!(code, 0, "{screen}");
    assert_restored(&screen);
    let rows = rows(&env);
    assert_eq!(rows.len(), 1, "{rows:?}");
    assert_eq!(rows[0][1..7], ["2026-11-25", "alex", "talk", "1", "", &id]);
}

#[test]
fn the_answer_offered_after_the_talk_is_recorded_for_the_same_question() {
    let env = Env::new();
    let id = question_of_the_day(&env);
    let Some(mut term) = Terminal::start(&env, &["talk", "--for", "1s"]) else {
        return;
    };
    term.expect("Write your answer to it now?");
    term.send("y");
    term.expect("Your answer");
    term.send("The walk by the river\r");
    let (code, screen) = term.finish();
    assert_eq!(code, 0, "{screen}");
    let rows = rows(&env);
    assert_eq!(rows.len(), 2, "{rows:?}");
    assert_eq!(rows[0][3..7], ["talk", "1", "", &id]);
    assert_eq!(
        rows[1][3..8],
        ["answer", "", "", &id, "The walk by the river"]
    );
}

#[test]
fn no_answer_is_offered_for_a_question_already_answered() {
    let env = Env::new();
    let id = question_of_the_day(&env);
    env.ok(&["log", "answer", "Already said it"]);
    let Some(mut term) = Terminal::start(&env, &["talk", "--for", "1s"]) else {
        return;
    };
    term.expect("You have answered it already; couple review shows both answers.");
    let (code, screen) = term.finish();
    assert_eq!(code, 0, "{screen}");
    assert!(!screen.contains("Write your answer"), "{screen}");
    let rows = rows(&env);
    assert_eq!(rows.len(), 2, "{rows:?}");
    assert_eq!(rows[1][3..7], ["talk", "1", "", &id]);
}

#[test]
fn q_after_a_second_ends_the_talk_and_records_nothing() {
    let env = Env::new();
    let Some(mut term) = Terminal::start(&env, &["talk", "--for", "2m"]) else {
        return;
    };
    term.expect("space pause · q end · ctrl-c stop");
    thread::sleep(Duration::from_secs(1));
    term.send("q");
    let (code, screen) = term.finish();
    assert_eq!(code, 0, "{screen}");
    assert!(
        screen.contains("Ended after 00:0")
            && screen.contains(": under a minute, so nothing was recorded."),
        "{screen}"
    );
    assert_restored(&screen);
    assert_eq!(env.file("log.csv"), None);
}

#[test]
fn esc_ends_the_talk_like_q() {
    let env = Env::new();
    let Some(mut term) = Terminal::start(&env, &["talk", "--for", "2m"]) else {
        return;
    };
    term.expect("space pause · q end · ctrl-c stop");
    term.send("\x1b");
    let (code, screen) = term.finish();
    assert_eq!(code, 0, "{screen}");
    assert!(
        screen.contains("under a minute, so nothing was recorded"),
        "{screen}"
    );
    assert_restored(&screen);
    assert_eq!(env.file("log.csv"), None);
}

#[test]
fn ctrl_c_then_no_records_nothing() {
    let env = Env::new();
    let Some(mut term) = Terminal::start(&env, &["talk", "--for", "2m"]) else {
        return;
    };
    term.expect("space pause · q end · ctrl-c stop");
    thread::sleep(Duration::from_secs(1));
    term.send("\x03");
    term.expect("Keep the minutes so far");
    term.send("n");
    let (code, screen) = term.finish();
    assert_eq!(code, 1, "{screen}");
    assert!(
        screen.contains("couple: the talk was stopped: nothing was recorded"),
        "{screen}"
    );
    assert_restored(&screen);
    assert_eq!(env.file("log.csv"), None);
}

#[test]
fn ctrl_c_then_yes_keeps_the_minutes_so_far() {
    let env = Env::new();
    let Some(mut term) = Terminal::start(&env, &["talk", "--for", "2m"]) else {
        return;
    };
    term.expect("space pause · q end · ctrl-c stop");
    term.send("\x03");
    term.expect("Keep the minutes so far");
    term.send("y");
    term.expect("Write your answer to it now?");
    term.send("n");
    let (code, screen) = term.finish();
    assert_eq!(code, 0, "{screen}");
    assert_restored(&screen);
    let rows = rows(&env);
    assert_eq!(rows.len(), 1, "{rows:?}");
    assert_eq!(rows[0][3..5], ["talk", "1"]);
}

#[test]
fn space_pauses_the_countdown_and_space_again_resumes_it() {
    let env = Env::new();
    let Some(mut term) = Terminal::start(&env, &["talk", "--for", "2m"]) else {
        return;
    };
    term.expect("space pause · q end · ctrl-c stop");
    term.send(" ");
    term.expect("paused · space to go on · q to end");
    // Paused, the clock stands: nothing is drawn again.
    thread::sleep(Duration::from_millis(300));
    let paused = term.screen();
    thread::sleep(Duration::from_secs(2));
    assert_eq!(term.screen(), paused, "the clock went on while paused");
    // Going on, it ticks again.
    term.send(" ");
    term.expect("space pause · q end · ctrl-c stop");
    let going = term.screen();
    let deadline = Instant::now() + Duration::from_secs(10);
    while term.screen() == going {
        assert!(Instant::now() < deadline, "the clock never went on");
        thread::sleep(Duration::from_millis(50));
    }
    term.send("q");
    let (code, screen) = term.finish();
    assert_eq!(code, 0, "{screen}");
    assert!(
        screen.contains("under a minute, so nothing was recorded"),
        "{screen}"
    );
    assert_eq!(env.file("log.csv"), None);
}

#[test]
fn talk_takes_the_question_by_id_and_refuses_a_length_it_cannot_read() {
    let env = Env::new();
    let Some(mut term) = Terminal::start(&env, &["talk", "--for", "1s", "--id", "play-001"]) else {
        return;
    };
    term.expect("today's talk · play");
    term.expect("Write your answer to it now?");
    term.send("n");
    let (code, screen) = term.finish();
    assert_eq!(code, 0, "{screen}");
    assert_eq!(rows(&env)[0][6], "play-001");

    let stderr = env.fails(&["talk", "--for", "soon"], 2);
    assert!(
        stderr.contains("\"soon\" is not a length of time"),
        "{stderr}"
    );
    let stderr = env.fails(&["talk", "--for", "0s"], 2);
    assert!(stderr.contains("out of range"), "{stderr}");
}

#[test]
fn without_a_terminal_talk_exits_2_at_once_with_a_hint() {
    let env = Env::new();
    for (args, hint) in [
        (&["talk"][..], "couple log talk --minutes 15"),
        (&["talk", "--weekly"][..], "couple log state-of-us"),
    ] {
        let started = Instant::now();
        let stderr = env.fails(args, 2);
        assert!(
            started.elapsed() < Duration::from_secs(10),
            "took {:?}",
            started.elapsed()
        );
        assert!(stderr.contains("needs a terminal"), "{stderr}");
        assert!(stderr.contains(hint), "{stderr}");
    }
    assert_eq!(env.file("log.csv"), None);
}

/// Runs `couple talk --for 2m` between two `stty -a` on one terminal, ends
/// it with `end` (keys, or a signal to couple), and returns the screen and
/// the terminal settings before and after.
fn tty_settings_around_a_talk(
    env: &Env,
    end: &dyn Fn(&mut Terminal, &Env),
) -> Option<(String, String, String)> {
    let line = "stty -a > before; sh -c 'echo $$ > couple.pid; exec \"$COUPLE\" talk --for 2m'; \
                echo \"exit $?\"; stty -a > after";
    let mut shell = Terminal::shell(env, &env.partner, &[], line)?;
    shell.expect("space pause · q end · ctrl-c stop");
    end(&mut shell, env);
    let (_, screen) = shell.finish();
    let read = |name| std::fs::read_to_string(env.home().join(name)).unwrap();
    Some((screen, read("before"), read("after")))
}

#[test]
fn the_terminal_settings_are_the_same_after_q() {
    let env = Env::new();
    let Some((screen, before, after)) =
        tty_settings_around_a_talk(&env, &|shell, _| shell.send("q"))
    else {
        return;
    };
    assert!(screen.contains("exit 0"), "{screen}");
    assert!(
        before.contains(" echo ") && before.contains(" icanon "),
        "{before}"
    );
    assert_eq!(before, after, "stty -a before and after differ");
    assert_restored(&screen);
}

#[test]
fn the_terminal_settings_are_the_same_after_ctrl_c() {
    let env = Env::new();
    let Some((screen, before, after)) = tty_settings_around_a_talk(&env, &|shell, _| {
        shell.send("\x03");
        shell.expect("Keep the minutes so far");
        shell.send("n");
    }) else {
        return;
    };
    assert!(screen.contains("exit 1"), "{screen}");
    assert_eq!(before, after, "stty -a before and after differ");
    assert_restored(&screen);
    assert_eq!(env.file("log.csv"), None);
}

/// Sends `signal` to couple during a talk: the terminal comes back, and
/// nothing is recorded.
fn a_signal_during_the_talk_gives_the_terminal_back(signal: &str) {
    let env = Env::new();
    let Some((screen, before, after)) = tty_settings_around_a_talk(&env, &|_, env| {
        let pid = std::fs::read_to_string(env.home().join("couple.pid")).unwrap();
        // The shell's own kill: no procps needed.
        let killed = Command::new("sh")
            .args(["-c", &format!("kill -{signal} {}", pid.trim())])
            .status()
            .unwrap();
        assert!(killed.success());
    }) else {
        return;
    };
    assert!(screen.contains("exit 1"), "SIG{signal}: {screen}");
    assert!(
        screen.contains("the talk was stopped: nothing was recorded"),
        "SIG{signal}: {screen}"
    );
    assert_eq!(
        before, after,
        "SIG{signal}: stty -a before and after differ"
    );
    assert_restored(&screen);
    assert_eq!(env.file("log.csv"), None);
}

#[test]
fn a_kill_during_the_talk_gives_the_terminal_back_and_records_nothing() {
    a_signal_during_the_talk_gives_the_terminal_back("TERM");
}

#[test]
fn a_hangup_during_the_talk_gives_the_terminal_back_and_records_nothing() {
    a_signal_during_the_talk_gives_the_terminal_back("HUP");
}

#[test]
fn quiet_talk_records_without_saying_so() {
    let env = Env::new();
    let Some(mut term) = Terminal::start(&env, &["talk", "--for", "1s", "-q"]) else {
        return;
    };
    term.expect("Write your answer to it now?");
    term.send("n");
    let (code, screen) = term.finish();
    assert_eq!(code, 0, "{screen}");
    assert!(!screen.contains("Recorded"), "{screen}");
    let rows = rows(&env);
    assert_eq!(rows.len(), 1, "{rows:?}");
    assert!(
        !screen.contains(&rows[0][0]),
        "the id was printed:\n{screen}"
    );
}

/// The terminal goes away under a running talk (its window closed, the
/// ssh link gone): the talk ends at once, records nothing, and neither
/// waits on the dead terminal nor reads it again and again (it did, at
/// full speed, until killed with SIGKILL).
#[test]
fn a_talk_whose_terminal_is_gone_ends_and_records_nothing() {
    let env = Env::new();
    // A terminal of its own, inside the test's, killed under the talk.
    std::fs::write(
        env.home().join("hang-up.sh"),
        r#"script -qfec 'sh -c "echo \$\$ > talk.pid; exec \"\$COUPLE\" talk --for 2m"' /dev/null > screen.txt &
terminal=$!
i=0
while ! grep -q 'space pause' screen.txt 2>/dev/null && [ $i -lt 300 ]; do sleep 0.1; i=$((i+1)); done
kill -9 $terminal
talk=$(cat talk.pid)
i=0
while kill -0 $talk 2>/dev/null && [ $i -lt 100 ]; do sleep 0.1; i=$((i+1)); done
if kill -0 $talk 2>/dev/null; then echo "the talk still runs"; kill -9 $talk; else echo "the talk ended"; fi
"#,
    )
    .unwrap();
    let Some(term) = Terminal::shell(&env, "alex", &[], "sh hang-up.sh") else {
        return;
    };
    let (code, screen) = term.finish();
    assert_eq!(code, 0, "{screen}");
    assert!(screen.contains("the talk ended"), "{screen}");
    assert_eq!(env.file("log.csv"), None);
}

/// An arrow whose bytes come apart (over ssh, in tmux) is one key of no
/// meaning, not Esc then letters: the talk goes on.
#[test]
fn an_arrow_sent_in_two_pieces_does_not_end_the_talk() {
    let env = Env::new();
    let Some(mut term) = Terminal::start(&env, &["talk", "--for", "2m"]) else {
        return;
    };
    term.expect("space pause · q end · ctrl-c stop");
    term.send("\x1b");
    thread::sleep(Duration::from_millis(5));
    term.send("[A");
    thread::sleep(Duration::from_millis(500));
    assert!(!term.screen().contains("Ended after"), "{}", term.screen());
    term.send(" ");
    term.expect("paused · space to go on · q to end");
    term.send("q");
    let (code, screen) = term.finish();
    assert_eq!(code, 0, "{screen}");
    assert!(screen.contains("Ended after"), "{screen}");
}
