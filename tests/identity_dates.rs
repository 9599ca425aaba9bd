//! Who is calling and what day it is: empty variables fall through or are
//! named, read-only commands need no name, and dates mean what people mean
//! (`last friday` on a Friday is a week ago; a bare weekday in a past
//! `--date` is the most recent one).

use crate::harness::{self, Env, Run};
use crate::terminal::Terminal;

/// Runs couple with `vars` set (an empty value sets it empty) and `unset`
/// removed from the harness's environment.
fn run_with(env: &Env, vars: &[(&str, &str)], unset: &[&str], args: &[&str]) -> Run {
    let mut cmd = env.command(args);
    for name in unset {
        cmd.env_remove(name);
    }
    for (name, value) in vars {
        cmd.env(name, value);
    }
    harness::run(cmd)
}

/// The `partner` and `date` of each row of log.csv.
fn logged(env: &Env) -> Vec<(String, String)> {
    let text = env.file("log.csv").unwrap_or_default();
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    reader
        .records()
        .map(|row| {
            let row = row.unwrap();
            (row[2].to_string(), row[1].to_string())
        })
        .collect()
}

#[test]
fn an_empty_couple_partner_falls_through_to_user() {
    let env = Env::new();
    let run = run_with(
        &env,
        &[("COUPLE_PARTNER", ""), ("USER", "sam")],
        &[],
        &["-q", "log", "care", "tea"],
    );
    assert_eq!((run.code, run.stderr.as_str()), (0, ""), "{run:?}");
    assert_eq!(logged(&env), [("sam".into(), "2026-11-25".into())]);
}

#[test]
fn an_empty_user_falls_through_to_logname() {
    let env = Env::new();
    let run = run_with(
        &env,
        &[("USER", ""), ("LOGNAME", "kim")],
        &["COUPLE_PARTNER"],
        &["-q", "log", "care", "tea"],
    );
    assert_eq!((run.code, run.stderr.as_str()), (0, ""), "{run:?}");
    assert_eq!(logged(&env), [("kim".into(), "2026-11-25".into())]);
}

#[test]
fn the_callers_name_is_kept_without_surrounding_spaces() {
    let env = Env::new();
    let run = run_with(
        &env,
        &[("COUPLE_PARTNER", "  Alex\t")],
        &[],
        &["-q", "log", "care", "tea"],
    );
    assert_eq!((run.code, run.stderr.as_str()), (0, ""), "{run:?}");
    assert_eq!(logged(&env), [("Alex".into(), "2026-11-25".into())]);
}

#[test]
fn with_no_name_at_all_a_write_says_what_it_tried() {
    let env = Env::new();
    let run = run_with(
        &env,
        &[("COUPLE_PARTNER", ""), ("USER", " ")],
        &[],
        &["log", "care", "tea"],
    );
    assert_eq!(run.code, 2, "{run:?}");
    assert_eq!(
        run.stderr,
        "couple: cannot tell who you are: no --partner, COUPLE_PARTNER, USER or LOGNAME\n\
         hint: set COUPLE_PARTNER=yourname, for example in ~/.profile or the crontab\n"
    );
    assert_eq!(env.file("log.csv"), None);
}

#[test]
fn an_empty_partner_flag_is_refused_not_read_as_the_login_name() {
    let env = Env::new();
    let stderr = env.fails(&["export", "--partner", " "], 2);
    assert!(
        stderr.starts_with("couple: --partner needs a name\n"),
        "{stderr}"
    );
}

#[test]
fn an_empty_couple_dir_is_refused_naming_it() {
    let env = Env::new();
    let run = run_with(&env, &[("COUPLE_DIR", "")], &[], &["log", "care", "tea"]);
    assert_eq!(run.code, 2, "{run:?}");
    assert_eq!(
        run.stderr,
        "couple: COUPLE_DIR is set but empty: no data directory\n\
         hint: name a directory, or unset COUPLE_DIR to use the default\n"
    );
    assert_eq!(harness::tree(env.home()), Vec::<std::path::PathBuf>::new());
}

#[test]
fn read_only_commands_need_no_name() {
    let env = Env::new();
    env.ok(&["-q", "log", "talk", "--minutes", "15"]);
    env.ok(&["-q", "goals", "add", "Plant a tree"]);
    let nameless = |args: &[&str]| run_with(&env, &[], &["COUPLE_PARTNER"], args);
    for args in [
        &["prompt"][..],
        &["review"],
        &["review", "--due"],
        &["export"],
        &["goals", "list"],
        &["goals"],
    ] {
        let run = nameless(args);
        assert_eq!(
            (run.code, run.stderr.as_str()),
            (0, ""),
            "{args:?}: {run:?}"
        );
    }
    // A caller without a name is no one: no blank partner in the report.
    let json = nameless(&["review", "--format", "json"]).stdout;
    let review: serde_json::Value = serde_json::from_str(&json).unwrap();
    let partners: Vec<&str> = review["partners"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["partner"].as_str().unwrap())
        .collect();
    assert_eq!(partners, ["alex"]);
}

/// Friday 27 November 2026.
fn on_a_friday() -> Env {
    let mut env = Env::new();
    env.today = "2026-11-27".into();
    env
}

#[test]
fn last_friday_said_on_a_friday_is_a_week_ago() {
    let env = on_a_friday();
    env.ok(&["-q", "log", "talk", "--date", "last friday"]);
    assert_eq!(logged(&env), [("alex".into(), "2026-11-20".into())]);
}

#[test]
fn a_bare_weekday_logs_the_most_recent_one_today_included() {
    let env = on_a_friday();
    env.ok(&["-q", "log", "talk", "--date", "friday"]);
    env.ok(&["-q", "log", "talk", "--date", "Saturday"]);
    env.ok(&["-q", "log", "talk", "--date", "thu"]);
    assert_eq!(
        logged(&env),
        [
            ("alex".into(), "2026-11-27".into()),
            ("alex".into(), "2026-11-21".into()),
            ("alex".into(), "2026-11-26".into()),
        ]
    );
}

#[test]
fn next_wednesday_said_on_a_wednesday_is_a_week_away() {
    let env = Env::new();
    env.ok(&[
        "-q",
        "goals",
        "add",
        "Plant a tree",
        "--due",
        "next wednesday",
    ]);
    let goals = env.file("goals.csv").unwrap();
    assert!(goals.contains(",2026-12-02,"), "{goals}");
}

#[test]
fn a_bare_number_or_a_year_beyond_four_digits_is_refused() {
    let env = Env::new();
    for date in ["25", "+10000-01-01", "10000-01-01", "-0001-01-01"] {
        let stderr = env.fails(&["log", "talk", &format!("--date={date}")], 2);
        assert!(
            stderr.starts_with("couple: cannot read"),
            "{date}: {stderr}"
        );
    }
    assert_eq!(env.file("log.csv"), None);
    for today in ["+10000-01-01", "10000-01-01", "2026-1-5"] {
        let run = run_with(&env, &[("COUPLE_TODAY", today)], &[], &["prompt"]);
        assert_eq!(run.code, 2, "{today}: {run:?}");
        assert!(run.stderr.starts_with("couple: COUPLE_TODAY="), "{run:?}");
    }
}

#[test]
fn yesterday_and_tomorrow_stay_inside_four_digit_years() {
    let mut env = Env::new();
    env.today = "9999-12-31".into();
    let stderr = env.fails(&["prompt", "--date", "tomorrow"], 2);
    assert!(stderr.contains("beyond the years 0000 to 9999"), "{stderr}");
    env.today = "0000-01-01".into();
    let stderr = env.fails(&["log", "talk", "--date", "yesterday"], 2);
    assert!(stderr.contains("beyond the years 0000 to 9999"), "{stderr}");
    assert_eq!(env.file("log.csv"), None);
}

#[test]
fn goals_review_refuses_a_day_that_has_not_come() {
    let env = Env::new();
    env.ok(&["-q", "goals", "add", "Plant a tree"]);
    let stderr = env.fails(&["goals", "review", "--date", "tomorrow"], 2);
    assert_eq!(
        stderr,
        "couple: 2026-11-26 has not come yet\nhint: --date takes today or a day before it\n"
    );
}

#[test]
fn interactive_log_checks_date_and_prompt_before_asking() {
    let env = Env::new();
    for (args, said) in [
        (
            &["log", "--date", "tomorrow"][..],
            "2026-11-26 has not come yet",
        ),
        (&["log", "--prompt", "no-such-prompt"], "no-such-prompt"),
    ] {
        let Some(term) = Terminal::start(&env, args) else {
            return;
        };
        let (code, screen) = term.finish();
        assert_eq!(code, 2, "{args:?}: {screen}");
        assert!(screen.contains(said), "{args:?}: {screen}");
        assert!(!screen.contains("What would you like to log?"), "{screen}");
    }
    assert_eq!(env.file("log.csv"), None);
}

const LOG_HEADER: &str = "id,date,partner,kind,minutes,mood,prompt,note,logged_at\n";

/// A log where alex is written three ways (as a spreadsheet or a capital
/// typed once leaves it) and sam one way.
fn three_spellings() -> Env {
    let env = Env::new();
    env.write(
        "log.csv",
        format!(
            "{LOG_HEADER}\
             a1,2026-11-23,alex,care,,,,tea,2026-11-23T08:00:00.000+00:00\n\
             a2,2026-11-24, Alex ,care,,,,a note,2026-11-24T08:00:00.000+00:00\n\
             s1,2026-11-24,sam,care,,,,flowers,2026-11-24T09:00:00.000+00:00\n\
             a3,2026-11-25,ALEX,answer,,,listen-001,mine,2026-11-25T08:00:00.000+00:00\n\
             s2,2026-11-25,sam,answer,,,listen-001,theirs,2026-11-25T09:00:00.000+00:00\n"
        ),
    );
    env
}

#[test]
fn a_partner_written_in_another_case_or_with_spaces_is_one_partner_in_review() {
    let env = three_spellings();
    for name in ["alex", "Alex", " ALEX "] {
        let me = env.as_partner(name);
        let json = me.ok(&["review", "--format", "json"]);
        let review: serde_json::Value = serde_json::from_str(&json).unwrap();
        let partners: Vec<(&str, u64)> = review["partners"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| (p["partner"].as_str().unwrap(), p["care"].as_u64().unwrap()))
            .collect();
        assert_eq!(partners, [("alex", 2), ("sam", 1)], "as {name:?}");
        // Blind answers: alex answered (as ALEX), so sam's answer shows.
        let answers: Vec<(&str, &str)> = review["answers"]
            .as_array()
            .unwrap()
            .iter()
            .map(|a| {
                (
                    a["partner"].as_str().unwrap(),
                    a["text"].as_str().unwrap_or("(hidden)"),
                )
            })
            .collect();
        assert_eq!(
            answers,
            [("alex", "mine"), ("sam", "theirs")],
            "as {name:?}"
        );
        let due = me.ok(&["review", "--due"]);
        // (The news that sam answered is told; no answer is due.)
        assert!(
            !due.contains("answer it to see theirs"),
            "as {name:?}: {due}"
        );
    }
    let only = env.ok(&["--partner", "ALEX", "review", "--format", "json"]);
    let only: serde_json::Value = serde_json::from_str(&only).unwrap();
    assert_eq!(only["partners"].as_array().unwrap().len(), 1);
    assert_eq!(only["partners"][0]["care"], 2);
}

#[test]
fn export_partner_and_undo_match_a_name_in_any_case_and_keep_cells_as_written() {
    let env = three_spellings();
    let export = env.ok(&["--partner", "Alex", "export"]);
    let ids: Vec<&str> = export.lines().skip(1).map(|l| &l[..2]).collect();
    assert_eq!(ids, ["a1", "a2", "a3"]);
    assert!(
        export.contains("a2,2026-11-24, Alex ,care"),
        "exact cells: {export}"
    );
    // Alex's latest entry was written as ALEX.
    let removed = env.as_partner("Alex").ok(&["log", "--undo"]);
    assert!(removed.starts_with("removed a3 "), "{removed}");
}

#[test]
fn a_name_is_stored_as_first_written() {
    let env = three_spellings();
    env.as_partner("Sam").ok(&["-q", "log", "care", "a hug"]);
    let last = env.file("log.csv").unwrap();
    assert!(
        last.lines().last().unwrap().contains(",sam,care,"),
        "{last}"
    );
    let fresh = Env::new();
    fresh.as_partner("Alex").ok(&["-q", "log", "care", "one"]);
    fresh.as_partner(" alex").ok(&["-q", "log", "care", "two"]);
    let log = fresh.file("log.csv").unwrap();
    let partners: Vec<&str> = log
        .lines()
        .skip(1)
        .map(|l| l.split(',').nth(2).unwrap())
        .collect();
    assert_eq!(partners, ["Alex", "Alex"]);
}

#[test]
fn a_goal_owner_is_matched_in_any_case_and_stored_as_first_written() {
    let env = Env::new();
    env.ok(&["-q", "goals", "add", "Learn to tango", "--owner", "Sam"]);
    env.ok(&["-q", "goals", "add", "Run 10k", "--owner", " SAM "]);
    env.ok(&["-q", "goals", "add", "A trip", "--owner", "US"]);
    let goals = env.ok(&["goals", "list", "--format", "json"]);
    let goals: serde_json::Value = serde_json::from_str(&goals).unwrap();
    let owners: Vec<&str> = goals
        .as_array()
        .unwrap()
        .iter()
        .map(|g| g["owner"].as_str().unwrap())
        .collect();
    let mut owners = owners;
    owners.sort_unstable();
    assert_eq!(owners, ["Sam", "Sam", "us"]);
}
