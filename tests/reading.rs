//! Reading each other in `couple review`: answers by question under the
//! blind rule, "from your partner", on this day, and the news told once by
//! `review --due`.

use serde_json::{Value, json};

use crate::harness::{Env, Run, run};
use crate::terminal::Terminal;

const HEADER: &str = "id,date,partner,kind,minutes,mood,prompt,note,logged_at\n";

fn prompt_of(env: &Env, date: &str) -> (String, String) {
    let out = env.ok(&["prompt", "--date", date, "--format", "json"]);
    let prompt: Value = serde_json::from_str(&out).unwrap();
    (
        prompt["id"].as_str().unwrap().to_string(),
        prompt["text"].as_str().unwrap().to_string(),
    )
}

/// Alex answers on Monday; sam answers the same prompt on Tuesday.
#[test]
fn answers_given_on_different_days_are_read_side_by_side_in_review() {
    let mut env = Env::new();
    env.today = "2026-11-23".into();
    let (id, question) = prompt_of(&env, "2026-11-23");
    env.as_partner("alex")
        .ok(&["log", "answer", "-q", "The walk by the river."]);

    // Sam, before answering: that alex answered, with the question's text.
    let sam = env.as_partner("sam");
    let monday: Value = serde_json::from_str(&sam.ok(&["review", "--format", "json"])).unwrap();
    assert_eq!(
        monday["answers"],
        json!([{"partner": "alex", "date": "2026-11-23", "prompt": id, "question": question, "text": null}])
    );
    env.today = "2026-11-24".into();
    let sam = env.as_partner("sam");
    let due = format!(
        "answer: alex answered \"{question}\"; answer it to see theirs: couple log answer --prompt {id}"
    );
    let before: Value = serde_json::from_str(&sam.ok(&["review", "--format", "json"])).unwrap();
    assert!(
        before["due"]
            .as_array()
            .unwrap()
            .iter()
            .any(|d| d["message"] == due.as_str()),
        "{before}"
    );

    sam.ok(&[
        "log",
        "answer",
        "-q",
        "--prompt",
        &id,
        "The coffee you brought me.",
    ]);
    let both = |partner: &str| {
        let table = env.as_partner(partner).ok(&["review", "--date", "tuesday"]);
        let from = table.find("Answers of 2026-11-24").unwrap();
        let to = table[from..].find("\n\n").map_or(table.len(), |n| from + n);
        table[from..to].to_string()
    };
    assert_eq!(
        both("sam"),
        format!(
            "Answers of 2026-11-24\n  {question}  [{id}]\n    sam: The coffee you brought me.\n    alex, Mon 23 Nov: The walk by the river."
        )
    );
    assert_eq!(
        both("alex"),
        format!(
            "Answers of 2026-11-24\n  {question}  [{id}]\n    alex, Mon 23 Nov: The walk by the river.\n    sam: The coffee you brought me."
        )
    );
    let after = sam.ok(&["review", "--format", "json"]);
    assert!(!after.contains("answer it to see theirs"), "{after}");
}

/// A data dir where every ritual is met on 2026-11-25, so nothing is due.
fn all_met() -> Env {
    let env = Env::new();
    env.write(
        "log.csv",
        format!(
            "{HEADER}\
s1,2026-11-02,alex,sit-down,30,,,,2026-11-02T20:00:00+00:00
u1,2026-11-24,alex,us-time,60,,,,2026-11-24T20:00:00+00:00
t1,2026-11-25,alex,talk,15,,,,2026-11-25T07:00:00+00:00
"
        ),
    );
    env
}

/// `review --due` as `partner`, with the state dir pinned.
fn due_as(env: &Env, partner: &str) -> Run {
    let mut cmd = env.command(&["review", "--due"]);
    cmd.env("COUPLE_PARTNER", partner)
        .env("XDG_STATE_HOME", env.home().join("state"));
    run(cmd)
}

#[test]
fn review_due_tells_the_partners_new_appreciation_once_and_then_nothing() {
    let env = all_met();
    let quiet = due_as(&env, "alex");
    assert_eq!((quiet.code, &*quiet.stdout, &*quiet.stderr), (0, "", ""));

    env.as_partner("sam")
        .ok(&["log", "appreciation", "-q", "for the note in my pocket"]);
    let first = due_as(&env, "alex");
    assert_eq!(
        (first.code, &*first.stdout, &*first.stderr),
        (0, "sam appreciated you: for the note in my pocket\n", "")
    );
    let second = due_as(&env, "alex");
    assert_eq!(
        (second.code, &*second.stdout, &*second.stderr),
        (0, "", ""),
        "told once: cron mails nothing"
    );
    // Sam is not told of their own appreciation.
    let sam = due_as(&env, "sam");
    assert_eq!((sam.code, &*sam.stdout), (0, ""));

    // What was told is kept outside the data dir, private, and small.
    let state = env.home().join("state/couple");
    let told = std::fs::read_to_string(state.join("told.csv")).unwrap();
    let lines: Vec<&str> = told.lines().collect();
    assert_eq!(lines[0], "dir,partner,id,date");
    assert_eq!(lines.len(), 2, "{told}");
    assert!(
        lines[1].contains(",alex,") && lines[1].ends_with(",2026-11-25"),
        "{told}"
    );
    assert!(!env.data().join("told.csv").exists());
    // Only what this machine remembers: no data file of the couple's.
    let mut kept: Vec<String> = std::fs::read_dir(&state)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    kept.sort();
    assert_eq!(kept, [".lock", "told.csv"]);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = |p: &std::path::Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&state), 0o700);
        assert_eq!(mode(&state.join("told.csv")), 0o600);
    }
}

#[test]
fn review_due_tells_an_answer_by_its_question_and_the_answer_stays_hidden() {
    let env = all_met();
    let (id, question) = prompt_of(&env, "2026-11-25");
    env.as_partner("sam")
        .ok(&["log", "answer", "-q", "a secret answer"]);
    let due = format!(
        "answer: sam answered \"{question}\"; answer it to see theirs: couple log answer --prompt {id}\n"
    );
    // Until alex answers, it is due (each evening), and not news.
    let first = due_as(&env, "alex");
    assert_eq!(first.stdout, due);
    assert!(!first.stdout.contains("secret"));
    assert_eq!(due_as(&env, "alex").stdout, due);
    // Once alex has answered, it is news, once: sam's answer can be read.
    env.ok(&["log", "answer", "-q", "mine"]);
    assert_eq!(
        due_as(&env, "alex").stdout,
        format!("sam answered: {question}\n")
    );
    assert_eq!(due_as(&env, "alex").stdout, "");
}

#[test]
fn the_partners_notes_of_the_period_are_rows_in_csv_and_json() {
    let env = Env::new();
    env.write(
        "log.csv",
        format!(
            "{HEADER}\
p1,2026-11-23,sam,appreciation,,,,for the note in my pocket,2026-11-23T20:00:00+00:00
c1,2026-11-24,alex,care,,,,mine,2026-11-24T20:00:00+00:00
c2,2026-11-24,sam,care,,,,=tea in bed,2026-11-24T20:01:00+00:00
t1,2026-11-24,sam,talk,10,,,not for reading,2026-11-24T20:02:00+00:00
"
        ),
    );
    let r: Value = serde_json::from_str(&env.ok(&["review", "--format", "json"])).unwrap();
    assert_eq!(
        r["from_partner"],
        json!([
            {"date": "2026-11-24", "partner": "sam", "kind": "care", "note": "=tea in bed"},
            {"date": "2026-11-23", "partner": "sam", "kind": "appreciation", "note": "for the note in my pocket"},
        ])
    );
    let csv = env.ok(&["review", "--format", "csv"]);
    let rows: Vec<&str> = csv
        .lines()
        .filter(|l| l.starts_with("from_partner,"))
        .collect();
    assert_eq!(
        rows,
        [
            "from_partner,sam,care 2026-11-24,'=tea in bed",
            "from_partner,sam,appreciation 2026-11-23,for the note in my pocket",
        ]
    );
    // In a pipe (a cron mail), the table does not show them.
    assert!(!env.ok(&["review"]).contains("From sam"));
}

#[test]
fn on_a_terminal_review_shows_what_the_partner_wrote_newest_first() {
    let env = Env::new();
    env.write(
        "log.csv",
        format!(
            "{HEADER}\
p1,2026-11-23,sam,appreciation,,,,for the note in my pocket,2026-11-23T20:00:00+00:00
c2,2026-11-24,sam,care,,,,tea in bed \u{1b}[2J,2026-11-24T20:01:00+00:00
"
        ),
    );
    let Some(term) = Terminal::start_with(&env, "alex", &[("NO_COLOR", "1")], &["review"]) else {
        return;
    };
    let (code, screen) = term.finish();
    assert_eq!(code, 0, "{screen}");
    let screen = screen.replace("\r\n", "\n");
    assert!(
        screen.contains(
            "From sam\n  Tue 24 Nov  care: tea in bed \\x1b[2J\n  Mon 23 Nov  appreciation: for the note in my pocket\n"
        ),
        "{screen}"
    );
}

#[test]
fn review_says_on_this_day_when_both_answered_a_question_a_year_ago() {
    let env = Env::new();
    let (id, question) = prompt_of(&env, "2025-11-25");
    env.write(
        "log.csv",
        format!(
            "{HEADER}\
a1,2025-11-25,alex,answer,,,{id},the sea,2025-11-25T20:00:00+00:00
a2,2025-11-25,sam,answer,,,{id},the hills,2025-11-25T20:05:00+00:00
a3,2024-11-25,alex,answer,,,{id},only alex,2024-11-25T20:00:00+00:00
"
        ),
    );
    let table = env.ok(&["review"]);
    assert!(
        table.contains(&format!(
            "\nOn this day in 2025 you both answered: {question}\n"
        )),
        "{table}"
    );
    assert!(!table.contains("in 2024"), "{table}");
    let r: Value = serde_json::from_str(&env.ok(&["review", "--format", "json"])).unwrap();
    assert_eq!(
        r["on_this_day"],
        json!([{"date": "2025-11-25", "prompt": id, "question": question}])
    );
    // And history --on-this-day shows those answers.
    let days = env.ok(&["history", "--on-this-day"]);
    assert_eq!(
        days,
        format!(
            "Tue 25 Nov 2025\n  {question}  [{id}]\n    alex: the sea\n    sam: the hills\n\nMon 25 Nov 2024\n  {question}  [{id}]\n    alex: only alex\n"
        )
    );
}

#[test]
fn on_a_terminal_an_answer_picks_from_the_recent_questions_not_yet_answered() {
    let mut env = Env::new();
    env.today = "2026-11-23".into();
    let (monday, monday_text) = prompt_of(&env, "2026-11-23");
    env.as_partner("alex")
        .ok(&["log", "answer", "-q", "the walk"]);
    env.today = "2026-11-24".into();
    let (tuesday, _) = prompt_of(&env, "2026-11-24");
    let Some(mut term) = Terminal::start_with(
        &env,
        "sam",
        &[("NO_COLOR", "1")],
        &["log", "answer", "-q", "the coffee"],
    ) else {
        return;
    };
    term.expect("Which question are you answering?");
    term.expect(&format!("yesterday: {monday_text}"));
    term.send("j\r");
    let (code, screen) = term.finish();
    assert_eq!(code, 0, "{screen}");
    let log = env.file("log.csv").unwrap();
    let sam = log.lines().find(|l| l.contains(",sam,")).unwrap();
    assert!(
        sam.contains(&format!(",2026-11-24,sam,answer,,,{monday},the coffee,")),
        "{log}"
    );
    assert_ne!(monday, tuesday);
    // Now both read both.
    assert!(
        env.as_partner("alex")
            .ok(&["history"])
            .contains("sam, Tue 24 Nov: the coffee")
    );
}

#[test]
fn a_card_drawn_by_id_or_at_random_says_its_id() {
    let env = Env::new();
    let (id, text) = prompt_of(&env, "2026-11-25");
    assert_eq!(
        env.ok(&["prompt", "--id", &id]),
        format!("{text}  [{id}]\n")
    );
    let random = env.ok(&["prompt", "--random"]);
    let (_, drawn) = random.trim_end().rsplit_once("  [").unwrap();
    let drawn = drawn.trim_end_matches(']');
    assert!(
        random.starts_with(
            &env.ok(&["prompt", "--id", drawn])
                .replace(&format!("  [{drawn}]\n"), "")
        )
    );
    // The question of the day stays one plain line.
    assert_eq!(env.ok(&["prompt"]), format!("{text}\n"));
}
