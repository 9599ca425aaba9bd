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
