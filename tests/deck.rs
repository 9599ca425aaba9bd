//! The deck across editions, the shared skip, ideas, and the couple's time
//! zone (`couple prompt`, settings.csv).

use std::collections::HashSet;
use std::fmt::Write as _;

use crate::harness::{Env, Run, run};

const LOG_HEADER: &str = "id,date,partner,kind,minutes,mood,prompt,note,logged_at\n";

/// The id of the question `couple prompt` gives on `date`.
fn question_id(env: &Env, date: &str) -> String {
    let out = env.ok(&["prompt", "--date", date, "--format", "csv"]);
    out.lines()
        .nth(1)
        .unwrap()
        .split(',')
        .next()
        .unwrap()
        .to_string()
}

fn days(from: &str, n: usize) -> Vec<String> {
    let start = chrono::NaiveDate::parse_from_str(from, "%Y-%m-%d").unwrap();
    start.iter_days().take(n).map(|d| d.to_string()).collect()
}

#[test]
fn a_data_dir_from_before_editions_gets_edition_1s_questions_for_a_year() {
    // Captured from the edition-1 couple on 2026-11-30, for the 365 days
    // from then.
    let env = Env::new();
    env.write("log.csv", LOG_HEADER);
    let fixture = include_str!("../src/deck/fixtures/edition1-days.csv");
    for line in fixture.lines().skip(1) {
        let (date, id) = line.split_once(',').unwrap();
        assert_eq!(question_id(&env, date), id, "{date}");
    }
    env.assert_no_file("settings.csv");
    let themes = env.ok(&["prompt", "--themes", "--format", "csv"]);
    assert!(themes.contains("\ncheck-in,32,16,16\n"), "{themes}");
}

#[test]
fn a_dir_pinned_to_edition_1_by_hand_asks_the_same_as_one_without_settings() {
    let old = Env::new();
    old.write("log.csv", LOG_HEADER);
    let pinned = Env::new();
    pinned.write("settings.csv", "key,value\ndeck_edition,1\n");
    for date in days("2027-01-01", 20) {
        assert_eq!(question_id(&old, &date), question_id(&pinned, &date));
    }
}

#[test]
fn upgrade_deck_says_what_changes_and_keeps_the_days_before_it() {
    let env = Env::new();
    env.write("log.csv", LOG_HEADER);
    let before: Vec<String> = days("2026-10-01", 85)
        .iter()
        .map(|d| question_id(&env, d))
        .collect();
    let out = env.ok(&["prompt", "--upgrade-deck"]);
    assert_eq!(
        out,
        "deck edition 1 → 2 from 2026-11-25 on: 624 new prompts join the 384 of edition 1 (1008 in all). Earlier days keep their question; your partner needs a couple that knows edition 2 (this one, 0.1.0, or newer).\n"
    );
    env.assert_file(
        "settings.csv",
        "key,value\ndeck_edition,2\ndeck_edition_since,2026-11-25\ndeck_edition_before,1\ndeck_edition_needs,0.1.0\n",
    );
    // 2026-10-01 + 55 days is 2026-11-25, the day of the upgrade.
    let after: Vec<String> = days("2026-10-01", 85)
        .iter()
        .map(|d| question_id(&env, d))
        .collect();
    assert_eq!(after[..55], before[..55], "the days before keep theirs");
    assert_ne!(after[55..], before[55..], "from the upgrade on, edition 2");
    let themes = env.ok(&["prompt", "--themes", "--format", "csv"]);
    assert!(themes.contains("\ncheck-in,84,42,42\n"), "{themes}");
    assert_eq!(
        env.ok(&["prompt", "--upgrade-deck"]),
        "already on deck edition 2, the newest this couple knows (1008 prompts)\n"
    );
}

#[test]
fn the_first_write_into_a_fresh_dir_pins_the_newest_edition_and_an_old_dir_gets_none() {
    let fresh = Env::new();
    fresh.ok(&["log", "care", "a note"]);
    fresh.assert_file(
        "settings.csv",
        "key,value\ndeck_edition,2\ndeck_edition_needs,0.1.0\n",
    );
    let old = Env::new();
    old.write(
        "goals.csv",
        "id,title,horizon,status,owner,due,created,closed,note,updated_at\n",
    );
    old.ok(&["log", "care", "a note"]);
    old.assert_no_file("settings.csv");
    // What a fresh dir asked before its first write, it asks after.
    let empty = Env::new();
    let asked = question_id(&empty, "2026-11-25");
    empty.ok(&["log", "talk", "--minutes", "10"]);
    assert_eq!(question_id(&empty, "2026-11-25"), asked);
}

#[test]
fn an_edition_newer_than_this_couple_knows_is_refused_naming_the_version() {
    let env = Env::new();
    env.write("settings.csv", "key,value\ndeck_edition,3\n");
    let err = env.fails(&["prompt"], 65);
    assert_eq!(
        err,
        "couple: settings.csv line 2: deck_edition 3 needs a couple newer than 0.1.0: this couple 0.1.0 knows editions 1 to 2\n\
         hint: your partner's couple pinned a newer deck so you both get the same question: install a couple newer than 0.1.0 too\n"
    );
    env.write(
        "settings.csv",
        "key,value\ndeck_edition,3\ndeck_edition_needs,0.3.0\n",
    );
    let err = env.fails(&["log", "answer", "yes"], 65);
    assert!(
        err.contains("deck_edition 3 needs couple 0.3.0 or newer"),
        "{err}"
    );
    env.assert_no_file("log.csv");
    // The edition before an upgrade is named on its own line.
    env.write(
        "settings.csv",
        "key,value\ndeck_edition,2\ndeck_edition_since,2099-01-01\ndeck_edition_before,7\n",
    );
    let err = env.fails(&["prompt"], 65);
    assert!(
        err.starts_with(
            "couple: settings.csv line 4: deck_edition_before 7 needs a couple newer than 0.1.0:"
        ),
        "{err}"
    );
}

#[test]
fn adding_a_prompt_changes_no_past_day() {
    let env = Env::new();
    env.write("log.csv", LOG_HEADER);
    env.write(
        "prompts.csv",
        "id,theme,depth,text,added\nmine-001,ours,light,What song is ours?,\n",
    );
    let past = days("2026-09-26", 60); // the 60 days before 2026-11-25
    let before: Vec<String> = past.iter().map(|d| question_id(&env, d)).collect();
    env.write(
        "prompts.csv",
        "id,theme,depth,text,added\nmine-001,ours,light,What song is ours?,\nmine-002,ours,deep,What do we never say?,2026-11-25\n",
    );
    let after: Vec<String> = past.iter().map(|d| question_id(&env, d)).collect();
    assert_eq!(before, after);
    let listed = env.ok(&["prompt", "--list", "--theme", "ours", "--format", "csv"]);
    assert_eq!(listed.lines().count(), 3, "both are in the deck: {listed}");
    let err = env.fails(
        &[
            "prompt",
            "--theme",
            "ours",
            "--depth",
            "deep",
            "--date",
            "2026-11-24",
        ],
        2,
    );
    assert!(
        err.starts_with("couple: no prompt is in play on 2026-11-24"),
        "{err}"
    );
}

#[test]
fn a_skip_gives_both_partners_the_same_next_question_and_leaves_tomorrow_alone() {
    let env = Env::new();
    let today = env.ok(&["prompt"]);
    let tomorrow = env.ok(&["prompt", "--date", "tomorrow"]);
    let yesterday = env.ok(&["prompt", "--date", "yesterday"]);
    let next = env.ok(&["prompt", "--skip"]);
    assert_ne!(next, today);
    assert!(next != tomorrow && next != yesterday);
    assert_eq!(env.as_partner("sam").ok(&["prompt"]), next);
    assert_eq!(env.ok(&["prompt"]), next);
    assert_eq!(env.ok(&["prompt", "--date", "tomorrow"]), tomorrow);
    let log = env.file("log.csv").unwrap();
    let row = log.lines().nth(1).unwrap();
    assert!(row.contains(",2026-11-25,alex,skip,,,"), "{row}");
    // sam skips the replacement: both move on again, to a third question.
    let third = env.as_partner("sam").ok(&["prompt", "--skip"]);
    assert!(third != next && third != today);
    assert_eq!(env.ok(&["prompt"]), third);
    // An answer today is to the question shown.
    env.ok(&["log", "answer", "this one"]);
    let shown = question_id(&env, "2026-11-25");
    assert!(
        env.file("log.csv")
            .unwrap()
            .lines()
            .last()
            .unwrap()
            .contains(&shown)
    );
    // A skip is no ritual: review counts nothing for it.
    let review = env.ok(&["review", "--format", "json"]);
    assert!(!review.contains("skip"), "{review}");
    let err = env.fails(&["log", "skip"], 2);
    assert!(err.contains("couple prompt --skip"), "{err}");
}

#[test]
fn a_skip_is_found_at_the_end_of_a_long_log() {
    let env = Env::new();
    let mut log = String::from(LOG_HEADER);
    for i in 0..5000 {
        writeln!(
            log,
            "e{i:05},2026-01-01,sam,care,,,,a long enough note to fill the file,2026-01-01T10:00:00Z"
        )
        .unwrap();
    }
    env.write("log.csv", &log);
    let today = env.ok(&["prompt"]);
    let next = env.ok(&["prompt", "--skip"]);
    assert_ne!(today, next);
    assert_eq!(env.as_partner("sam").ok(&["prompt"]), next);
}

#[test]
fn us_time_is_the_same_for_both_all_week_and_care_differs_per_partner_and_day() {
    let mut env = Env::new();
    let mut week = HashSet::new();
    let mut care: Vec<(String, String)> = Vec::new();
    for day in days("2026-11-23", 7) {
        env.today = day;
        week.insert(env.ok(&["prompt", "--idea", "us-time"]));
        week.insert(env.as_partner("sam").ok(&["prompt", "--idea", "us-time"]));
        care.push((
            env.ok(&["prompt", "--idea", "care"]),
            env.as_partner("sam").ok(&["prompt", "--idea", "care"]),
        ));
    }
    assert_eq!(week.len(), 1, "{week:?}");
    env.today = "2026-11-30".into();
    assert!(
        !week.contains(&env.ok(&["prompt", "--idea", "us-time"])),
        "next week, another"
    );
    let alex: HashSet<&String> = care.iter().map(|(a, _)| a).collect();
    assert_eq!(alex.len(), 7, "one a day");
    assert!(care.iter().filter(|(a, s)| a == s).count() <= 1, "{care:?}");
}

#[test]
fn ideas_list_in_csv_and_json_and_the_users_own_join() {
    let env = Env::new();
    let csv = env.ok(&["prompt", "--idea", "care", "--list", "--format", "csv"]);
    assert_eq!(csv.lines().next(), Some("id,kind,text"));
    assert!(csv.lines().count() > 150);
    env.write(
        "ideas.csv",
        "id,kind,text,added\nmine-1,us-time,Walk to the river.,\n",
    );
    let json = env.ok(&["prompt", "--idea", "us-time", "--list", "--format", "json"]);
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    let ideas = value.as_array().unwrap();
    assert!(ideas.len() > 150);
    assert!(
        ideas
            .iter()
            .any(|i| i["id"] == "mine-1" && i["kind"] == "us-time")
    );
    let one = env.ok(&["prompt", "--idea", "us-time", "--format", "json"]);
    let value: serde_json::Value = serde_json::from_str(&one).unwrap();
    assert_eq!(value["kind"], "us-time");
}

/// `couple prompt` as `partner` in time zone `tz` at `instant`, without a
/// pinned "today".
fn prompt_at(env: &Env, partner: &str, tz: &str, instant: &str) -> Run {
    let mut cmd = assert_cmd::Command::from_std(env.std_command(&["prompt", "--format", "csv"]));
    cmd.env_remove("COUPLE_TODAY")
        .env("COUPLE_PARTNER", partner)
        .env("TZ", tz)
        .env("COUPLE_NOW", instant);
    run(cmd)
}

#[test]
fn with_a_couple_time_zone_berlin_and_new_york_get_the_same_question_all_day() {
    let env = Env::new();
    env.write("settings.csv", "key,value\ntimezone,America/New_York\n");
    let mut questions = HashSet::new();
    for hour in 0..24 {
        // Every hour of 2026-11-25 in New York (UTC-5).
        let instant = format!("2026-11-25T{hour:02}:30:00-05:00");
        let berlin = prompt_at(&env, "alex", "Europe/Berlin", &instant);
        let new_york = prompt_at(&env, "sam", "America/New_York", &instant);
        assert_eq!((berlin.code, &*berlin.stderr), (0, ""), "{instant}");
        assert_eq!(berlin.stdout, new_york.stdout, "{instant}");
        questions.insert(berlin.stdout);
    }
    assert_eq!(questions.len(), 1, "one question-day");
    // Without the setting, Berlin is already on the next day at 18:30 in New York.
    env.write("settings.csv", "key,value\n");
    let instant = "2026-11-25T18:30:00-05:00";
    assert_ne!(
        prompt_at(&env, "alex", "Europe/Berlin", instant).stdout,
        prompt_at(&env, "sam", "America/New_York", instant).stdout
    );
}

#[test]
fn a_bad_time_zone_is_a_data_error_naming_file_and_line() {
    let env = Env::new();
    env.write("settings.csv", "key,value\ntimezone,Europe/Paris\n");
    env.ok(&["prompt"]);
    env.write(
        "settings.csv",
        "key,value\ndeck_edition,2\ntimezone,Europe/Pariss\n",
    );
    let err = env.fails(&["review"], 65);
    assert_eq!(
        err.lines().next().unwrap(),
        "couple: settings.csv line 3: column value: timezone \"Europe/Pariss\" is not a time zone"
    );
}
