//! The guided conversations through a pseudo-terminal: the repair steps of
//! `couple log repair`, and the weekly "state of us" of `couple talk
//! --weekly`, which the other partner reads in next week's review.

use crate::harness::Env;
use crate::terminal::Terminal;

/// The rows of log.csv without its header, as (partner, kind, note), read
/// with a real CSV parser (notes may hold commas).
fn entries(env: &Env) -> Vec<(String, String, String)> {
    let Some(text) = env.file("log.csv") else {
        return Vec::new();
    };
    csv::Reader::from_reader(text.as_bytes())
        .records()
        .map(|row| {
            let row = row.unwrap();
            (row[2].to_string(), row[3].to_string(), row[7].to_string())
        })
        .collect()
}

/// Answers each question as it shows: `(question, answer)`.
fn answer(term: &mut Terminal, steps: &[(&str, &str)]) {
    for (question, text) in steps {
        term.expect(question);
        term.send(&format!("{text}\r"));
    }
}

#[test]
fn a_guided_repair_records_one_labelled_note() {
    let env = Env::new();
    let Some(mut term) = Terminal::start(&env, &["log", "repair"]) else {
        return;
    };
    term.expect("Each step can be skipped with Enter.");
    answer(
        &mut term,
        &[
            (
                "What happened, as I saw it",
                "We argued about the trip, at dinner",
            ),
            ("What I felt", "I felt unheard"),
            ("What I needed", ""),
            ("My part in it", "I interrupted you"),
            ("What I will do next time", ""),
            ("Anything I want to say", "Sorry. Thank you for listening."),
        ],
    );
    let (code, screen) = term.finish();
    assert_eq!(code, 0, "{screen}");
    assert_eq!(
        entries(&env),
        [(
            "alex".into(),
            "repair".into(),
            "What happened: We argued about the trip, at dinner · I felt: I felt unheard · \
             My part: I interrupted you · I want to say: Sorry. Thank you for listening."
                .into()
        )]
    );
}

#[test]
fn a_guided_repair_with_every_step_skipped_records_nothing() {
    let env = Env::new();
    let Some(mut term) = Terminal::start(&env, &["log", "repair"]) else {
        return;
    };
    for question in [
        "What happened, as I saw it",
        "What I felt",
        "What I needed",
        "My part in it",
        "What I will do next time",
        "Anything I want to say",
    ] {
        term.expect(question);
        term.send("\r");
    }
    let (code, screen) = term.finish();
    assert_eq!(code, 1, "{screen}");
    assert!(
        screen.contains("couple: every step was skipped: nothing was recorded"),
        "{screen}"
    );
    assert_eq!(env.file("log.csv"), None);
}

#[test]
fn a_repair_note_on_the_command_line_is_recorded_without_questions() {
    let env = Env::new();
    let Some(term) = Terminal::start(&env, &["log", "repair", "sorry about dinner"]) else {
        return;
    };
    let (code, screen) = term.finish();
    assert_eq!(code, 0, "{screen}");
    assert!(!screen.contains("What happened"), "{screen}");
    assert_eq!(
        entries(&env),
        [("alex".into(), "repair".into(), "sorry about dinner".into())]
    );
    // Without a terminal, a repair without a note is recorded as before.
    env.ok(&["log", "repair"]);
    assert_eq!(
        entries(&env)[1],
        ("alex".into(), "repair".into(), String::new())
    );
}

/// alex's weekly "state of us", up to the one thing to talk about.
fn weekly_by_alex(env: &Env, topic: &str) -> Option<Terminal> {
    let mut term = Terminal::start(env, &["talk", "--weekly"])?;
    term.expect("every question can be skipped with Enter");
    answer(
        &mut term,
        &[
            (
                "(1/3) Something I appreciated about you this week",
                "the tea when I came home late",
            ),
            (
                "(2/3) Something I appreciated about you this week",
                "you called my mother",
            ),
            (
                "(3/3) Something I appreciated about you this week",
                "the playlist",
            ),
            (
                "What went well for us this week",
                "two evenings without phones",
            ),
            ("One thing to talk about (optional)", topic),
        ],
    );
    Some(term)
}

#[test]
fn the_weekly_state_of_us_records_three_appreciations_and_one_state_of_us_the_partner_reads_next_week()
 {
    let mut env = Env::new();
    env.today = "2026-11-29".into();
    let Some(mut term) = weekly_by_alex(&env, "") else {
        return;
    };
    answer(
        &mut term,
        &[(
            "What would make you feel loved this coming week",
            "a walk on Sunday morning",
        )],
    );
    let (code, screen) = term.finish();
    assert_eq!(code, 0, "{screen}");
    assert!(
        screen.contains("Recorded: 3 appreciations, 1 state-of-us."),
        "{screen}"
    );
    let entries = entries(&env);
    let kinds: Vec<&str> = entries.iter().map(|(_, kind, _)| kind.as_str()).collect();
    assert_eq!(
        kinds,
        [
            "appreciation",
            "appreciation",
            "appreciation",
            "state-of-us"
        ]
    );
    assert!(entries.iter().all(|(partner, _, _)| partner == "alex"));
    assert_eq!(entries[1].2, "you called my mother");
    assert_eq!(
        entries[3].2,
        "Went well: two evenings without phones · \
         What would make me feel loved this week: a walk on Sunday morning"
    );

    // Next week, sam's review shows it.
    env.today = "2026-12-02".into();
    let review = env.as_partner("sam").ok(&["review"]);
    assert!(
        review.contains("alex's state of us (2026-11-29)"),
        "{review}"
    );
    assert!(
        review.contains("What would make me feel loved this week: a walk on Sunday morning"),
        "{review}"
    );
    // alex's own review does not show alex's note back to alex.
    let own = env.ok(&["review"]);
    assert!(!own.contains("a walk on Sunday morning"), "{own}");
}

#[test]
fn one_thing_to_talk_about_offers_the_repair_steps() {
    let env = Env::new();
    let Some(mut term) = weekly_by_alex(&env, "the dishes") else {
        return;
    };
    term.expect("Walk the repair steps about it now?");
    term.send("y");
    answer(
        &mut term,
        &[
            ("What happened, as I saw it", "the sink was full again"),
            ("What I felt", "I felt tired"),
            ("What I needed", ""),
            ("My part in it", ""),
            ("What I will do next time", "ask earlier"),
            ("Anything I want to say", ""),
            ("What would make you feel loved this coming week", ""),
        ],
    );
    let (code, screen) = term.finish();
    assert_eq!(code, 0, "{screen}");
    let entries = entries(&env);
    assert_eq!(entries.len(), 5, "{entries:?}");
    assert_eq!(
        entries[3].2,
        "What happened: the sink was full again · I felt: I felt tired · Next time: ask earlier"
    );
    assert_eq!(entries[3].1, "repair");
    assert_eq!(
        entries[4].2,
        "Went well: two evenings without phones · To talk about: the dishes"
    );
}

#[test]
fn the_state_of_us_has_a_flag_form_and_shows_in_export() {
    let env = Env::new();
    env.ok(&[
        "log",
        "state-of-us",
        "What would make me feel loved: a note",
    ]);
    let csv = env.ok(&["export", "--kind", "state-of-us"]);
    assert!(
        csv.contains(",alex,state-of-us,,,,What would make me feel loved: a note,"),
        "{csv}"
    );
}

#[test]
fn review_shows_the_partners_latest_state_of_us_from_the_week_before_in_every_format() {
    let mut env = Env::new();
    env.today = "2026-11-29".into();
    env.ok(&[
        "log",
        "state-of-us",
        "--date",
        "2026-11-22",
        "Went well: an older week",
    ]);
    env.ok(&[
        "log",
        "state-of-us",
        "Went well: the weekend · To talk about: money",
    ]);
    env.today = "2026-12-02".into();
    let sam = env.as_partner("sam");
    let table = sam.ok(&["review"]);
    assert!(
        table.contains(
            "alex's state of us (2026-11-29)\n  Went well: the weekend\n  To talk about: money\n"
        ),
        "{table}"
    );
    assert!(!table.contains("an older week"), "{table}");
    let csv = sam.ok(&["review", "--format", "csv"]);
    assert!(
        csv.contains("state-of-us,alex,2026-11-29,Went well: the weekend · To talk about: money\n"),
        "{csv}"
    );
    let json: serde_json::Value =
        serde_json::from_str(&sam.ok(&["review", "--format", "json"])).unwrap();
    assert_eq!(json["state_of_us"][0]["partner"], "alex");
    assert_eq!(json["state_of_us"][0]["date"], "2026-11-29");
    // Two weeks on, it is no longer news.
    env.today = "2026-12-09".into();
    assert!(
        !env.as_partner("sam")
            .ok(&["review"])
            .contains("state of us")
    );
}

#[test]
fn repair_chosen_from_the_menu_walks_the_same_steps() {
    let env = Env::new();
    let Some(mut term) = Terminal::start(&env, &["log"]) else {
        return;
    };
    term.expect("What would you like to log?");
    term.expect("sit-down");
    // Typing filters the menu; Enter takes the best match.
    term.send("repair\r");
    answer(
        &mut term,
        &[
            ("What happened, as I saw it", ""),
            ("What I felt", "I felt left out"),
            ("What I needed", ""),
            ("My part in it", ""),
            ("What I will do next time", ""),
            ("Anything I want to say", ""),
        ],
    );
    let (code, screen) = term.finish();
    assert_eq!(code, 0, "{screen}");
    assert_eq!(
        entries(&env),
        [(
            "alex".into(),
            "repair".into(),
            "I felt: I felt left out".into()
        )]
    );
}

#[test]
fn hints_are_dim_on_a_colour_terminal_not_escape_codes_spelled_out() {
    let env = Env::new();
    let Some(mut term) = Terminal::start(&env, &["--color", "always", "log", "repair"]) else {
        return;
    };
    term.expect("What happened, as I saw it");
    term.send("\x03");
    let (code, screen) = term.finish();
    assert_eq!(code, 1, "{screen}");
    assert!(
        screen.contains("\ncouple: cancelled: nothing was recorded"),
        "{screen:?}"
    );
    // The dim attribute reaches the terminal as an escape code, not as the
    // text `\x1b[2m` that escaping it would print.
    assert!(screen.contains("\x1b[2m"), "{screen:?}");
    assert!(!screen.contains("\\x1b"), "{screen:?}");
    assert_eq!(env.file("log.csv"), None);
}
