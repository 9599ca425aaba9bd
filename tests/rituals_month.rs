//! A month replayed day by day, as a couple would live it, with the
//! README's cron line run each evening: `--due` speaks on few evenings,
//! and each time there is a ritual at risk or a goal turning due.

use crate::harness::Env;

/// December 2026, day by day: what the two of them logged before 20:00.
fn day_of(env: &Env, day: u32, goals: &mut Vec<String>) {
    let sam = env.as_partner("sam");
    // A talk most days; missed on five.
    if ![4, 9, 17, 23, 27].contains(&day) {
        let who = if day.is_multiple_of(2) { "alex" } else { "sam" };
        if who == "alex" {
            env.ok(&["log", "talk", "--minutes", "15"]);
        } else {
            sam.ok(&["log", "talk", "--minutes", "20"]);
        }
    }
    // Us-time on Saturdays, but on the Sunday of the second week.
    if [5, 13, 19, 26].contains(&day) {
        sam.ok(&["log", "us-time", "--minutes", "90", "a long walk"]);
    }
    if day.is_multiple_of(3) {
        env.ok(&["log", "care", "left a note"]);
        sam.ok(&["log", "checkin", "--mood", "4"]);
    }
    match day {
        1 => {
            goals.push(
                env.ok(&["goals", "add", "Book the ferry", "--due", "2026-12-18"])
                    .trim()
                    .into(),
            );
            goals.push(
                env.ok(&["goals", "add", "Call the plumber", "--due", "2026-12-22"])
                    .trim()
                    .into(),
            );
        }
        13 => {
            env.ok(&["log", "sit-down", "--minutes", "60"]);
        }
        18 => {
            env.ok_with_stderr(
                &["goals", "done", &goals[0]],
                &format!("done: {}  Book the ferry\n", goals[0]),
            );
        }
        _ => {}
    }
}

#[test]
fn a_replayed_month_gets_mail_on_few_evenings_each_with_a_reason() {
    let mut env = Env::new();
    let mut goals = Vec::new();
    let mut evenings = Vec::new();
    for day in 1..=30 {
        env.today = format!("2026-12-{day:02}");
        day_of(&env, day, &mut goals);
        let said = env.ok(&["review", "--due"]);
        if !said.is_empty() {
            evenings.push(format!(
                "{day:02}: {}",
                said.trim_end().replace('\n', "\n    ")
            ));
        }
    }
    assert_eq!(
        evenings.join("\n"),
        "\
04: talk: none yet today
09: talk: none yet today
12: us-time: none yet this week, 2 days left
15: goal: \"Book the ferry\" is due 2026-12-18
17: talk: none yet today
19: goal: \"Call the plumber\" is due 2026-12-22
23: talk: none yet today
    goal: \"Call the plumber\" was due 2026-12-22
27: talk: none yet today
30: goal: \"Call the plumber\" was due 2026-12-22"
    );
    assert!(evenings.len() <= 10);
}
