//! `couple rituals` (set, pause, unpause) and what they change in
//! `review`: targets of your own, breaks that keep a streak, honest
//! as-of counting, a `--due` that speaks only when it matters, drift, and
//! the trends.

use std::fmt::Write as _;

use serde_json::Value;

use crate::harness::Env;
use crate::terminal::Terminal;

const HEADER: &str = "id,date,partner,kind,minutes,mood,prompt,note,logged_at\n";

/// A log of one `kind` on each day from `from` to `to` that `on` picks.
fn log_of(kind: &str, from: &str, to: &str, on: impl Fn(chrono::NaiveDate) -> bool) -> String {
    let day = |t: &str| chrono::NaiveDate::parse_from_str(t, "%Y-%m-%d").unwrap();
    day(from)
        .iter_days()
        .take_while(|d| *d <= day(to))
        .filter(|d| on(*d))
        .enumerate()
        .fold(String::new(), |mut log, (i, d)| {
            let _ = writeln!(log, "e{i},{d},sam,{kind},15,,,,{d}T20:00:00+00:00");
            log
        })
}

fn json_of(env: &Env, args: &[&str]) -> Value {
    serde_json::from_str(&env.ok(args)).unwrap()
}

fn done_target(r: &Value, i: usize) -> (u64, u64) {
    (
        r["rituals"][i]["done"].as_u64().unwrap(),
        r["rituals"][i]["target"].as_u64().unwrap(),
    )
}

#[test]
fn setting_talk_to_five_a_week_counts_five_per_week() {
    let mut env = Env::new();
    env.today = "2026-11-29".into();
    // Talks every day of November.
    env.write(
        "log.csv",
        format!(
            "{HEADER}{}",
            log_of("talk", "2026-11-01", "2026-11-30", |_| true)
        ),
    );
    let r = json_of(&env, &["review", "--month", "--format", "json"]);
    assert_eq!(done_target(&r, 0), (29, 29));
    env.ok_with_stderr(
        &["rituals", "set", "talk", "5/week"],
        "talk: 5/week (talk)\n",
    );
    env.assert_file(
        "rituals.csv",
        "name,kinds,target,per,minutes\ntalk,talk,5,week,\nus-time,us-time,1,week,\nsit-down,sit-down,1,month,\n",
    );
    let r = json_of(&env, &["review", "--month", "--format", "json"]);
    assert_eq!(done_target(&r, 0), (20, 20), "4 weeks of 5 days");
    assert_eq!(r["rituals"][0]["streak"], 4);
    assert_eq!(
        env.ok(&["rituals"]),
        " ritual    target   counts    minutes \n talk      5/week   talk      any     \n us-time   1/week   us-time   any     \n sit-down  1/month  sit-down  any     \n"
    );
}

#[test]
fn a_new_ritual_needs_its_kinds_and_a_minimum_leaves_short_entries_out() {
    let env = Env::new();
    let err = env.fails(&["rituals", "set", "closeness", "3/week"], 2);
    assert!(
        err.starts_with("couple: unknown ritual \"closeness\""),
        "{err}"
    );
    assert!(err.contains("--kind"), "{err}");
    env.assert_no_file("rituals.csv");
    assert!(!env.data().exists(), "a refusal creates nothing");
    for bad in ["3", "8/week", "2/day", "1/fortnight"] {
        env.fails(&["rituals", "set", "talk", bad], 2);
    }
    env.ok_with_stderr(
        &[
            "rituals",
            "set",
            "closeness",
            "3/week",
            "--kind",
            "care",
            "--kind",
            "affection",
        ],
        "closeness: 3/week (care affection)\n",
    );
    env.ok_with_stderr(
        &["rituals", "set", "talk", "1/day", "--minutes", "10"],
        "talk: 1/day (talk, at least 10 minutes each)\n",
    );
    env.write(
        "log.csv",
        format!("{HEADER}a,2026-11-24,alex,talk,5,,,,\nb,2026-11-25,alex,talk,12,,,,\nc,2026-11-25,sam,care,,,,,\n"),
    );
    let r = json_of(&env, &["review", "--format", "json"]);
    assert_eq!(
        done_target(&r, 0),
        (1, 3),
        "the 5-minute talk does not count"
    );
    assert_eq!(r["rituals"][3]["ritual"], "closeness");
    assert_eq!(done_target(&r, 3), (1, 3));
}

#[test]
fn a_bad_rituals_csv_exits_65_naming_the_line() {
    let cases = [
        (
            "talk,talk,1,day\nhugs,hug,1,day\n",
            "rituals.csv line 3: column kinds: \"hug\" is not a kind",
        ),
        (
            "talk,talk,5,fortnight\n",
            "rituals.csv line 2: column per: \"fortnight\" is not day, week or month",
        ),
        (
            "talk,talk,2,day\n",
            "rituals.csv line 2: column target: a ritual counts days with an entry, so its target per day is 1, not 2",
        ),
        (
            "talk,talk,1,day\nTalk,care,1,week\n",
            "rituals.csv line 3: column name: Talk is also the name on line 2",
        ),
    ];
    for (rows, message) in cases {
        let env = Env::new();
        let file = format!("name,kinds,target,per\n{rows}");
        env.write("rituals.csv", &file);
        for args in [
            &["review"][..],
            &["rituals"],
            &["rituals", "set", "talk", "1/day"],
        ] {
            let err = env.fails(args, 65);
            assert!(
                err.starts_with(&format!("couple: {message}")),
                "{args:?}: {err}"
            );
        }
        env.assert_file("rituals.csv", &file);
    }
}

#[test]
fn a_two_week_pause_inside_a_five_week_daily_streak_keeps_it() {
    let mut env = Env::new();
    env.today = "2026-11-29".into();
    let away = |d: chrono::NaiveDate| {
        d.to_string().as_str() >= "2026-11-09" && d.to_string().as_str() <= "2026-11-22"
    };
    env.write(
        "log.csv",
        format!(
            "{HEADER}{}",
            log_of("talk", "2026-10-26", "2026-11-29", |d| !away(d))
        ),
    );
    let streak =
        |env: &Env| json_of(env, &["review", "--format", "json"])["rituals"][0]["streak"].clone();
    assert_eq!(
        streak(&env),
        7,
        "without a pause the fortnight away broke it"
    );
    let id = env.ok_with_stderr(
        &[
            "rituals",
            "pause",
            "--from",
            "2026-11-09",
            "--to",
            "2026-11-22",
            "visiting mum",
        ],
        "paused every ritual from 2026-11-09 to 2026-11-22 (14 days)\n",
    );
    let id = id.trim().to_string();
    assert_eq!(id.len(), 8);
    assert_eq!(streak(&env), 21, "35 days, 14 of them paused");
    let r = json_of(&env, &["review", "--month", "--format", "json"]);
    assert_eq!(done_target(&r, 0), (15, 15), "paused days ask nothing");
    assert_eq!(
        done_target(&r, 1),
        (0, 2),
        "two of the four weeks were paused"
    );
    let table = env.ok(&["review"]);
    assert!(
        table.contains(" talk      1/day    7/7   105      21 days"),
        "{table}"
    );
    let listed = env.ok(&["rituals"]);
    assert!(
        listed.contains(&format!(
            " {id}  2026-11-09  2026-11-22  all      alex  visiting mum"
        )),
        "{listed}"
    );
    // Removing it, by a prefix of its id, brings the break back.
    env.ok_with_stderr(
        &["rituals", "unpause", &id[..4]],
        &format!("removed pause {id}\n"),
    );
    assert_eq!(streak(&env), 7);
    env.assert_file("pauses.csv", "id,from,to,rituals,partner,note,logged_at\n");
}

#[test]
fn a_pause_makes_nothing_due() {
    let mut env = Env::new();
    env.today = "2026-11-28".into(); // a Saturday: talk and us-time are at risk
    env.ok(&["goals", "add", "Book the ferry", "--due", "2026-11-29"]);
    let due = env.ok(&["review", "--due"]);
    assert_eq!(
        due,
        "talk: none yet today\nus-time: none yet this week, 2 days left\nsit-down: none yet this month, 3 days left\ngoal: \"Book the ferry\" is due 2026-11-29\n"
    );
    env.ok(&[
        "-q",
        "rituals",
        "pause",
        "--from",
        "2026-11-27",
        "--to",
        "2026-11-29",
        "talk",
        "a cold",
    ]);
    env.ok(&["review", "--due"]);
    let run = env.run(&["review", "--due", "--exit-code"]);
    assert_eq!(
        run.stdout,
        "us-time: none yet this week, 2 days left\nsit-down: none yet this month, 3 days left\n"
    );
    assert_eq!(run.code, 1);
    env.ok(&[
        "-q",
        "rituals",
        "pause",
        "--from",
        "2026-11-28",
        "--to",
        "2026-12-02",
    ]);
    let run = env.run(&["review", "--due", "--exit-code"]);
    assert_eq!(
        (run.code, run.stdout.as_str(), run.stderr.as_str()),
        (0, "", "")
    );
    // News from the partner is still told during a break, once, and
    // --exit-code says something was said.
    env.as_partner("sam")
        .ok(&["log", "appreciation", "for the soup"]);
    let run = env.run(&["review", "--due", "--exit-code"]);
    assert_eq!(
        (run.code, run.stdout.as_str()),
        (1, "sam appreciated you: for the soup\n")
    );
    let run = env.run(&["review", "--due", "--exit-code"]);
    assert_eq!((run.code, run.stdout.as_str()), (0, ""));
    let table = env.ok(&["review"]);
    assert!(
        table.contains(" talk (paused)      1/day    0/4"),
        "{table}"
    );
    assert!(!table.contains("\nDue\n"), "{table}");
}

#[test]
fn the_date_option_leaves_out_entries_goals_and_pauses_after_it() {
    let env = Env::new();
    env.write(
        "log.csv",
        format!("{HEADER}a,2026-11-16,alex,talk,10,,,,\nb,2026-11-18,alex,talk,20,,,,\nc,2026-11-18,sam,care,,,,,\nd,2026-11-21,sam,talk,30,,,,\n"),
    );
    env.write(
        "goals.csv",
        "id,title,horizon,status,owner,due,created,closed,note,updated_at\ng1,Early,year,open,us,,2026-11-01,,,\ng2,Late,year,open,us,,2026-11-20,,,\n",
    );
    env.write(
        "pauses.csv",
        "id,from,to,rituals,partner,note,logged_at\np1,2026-11-19,2026-11-22,,alex,,\n",
    );
    let r = json_of(
        &env,
        &["review", "--date", "2026-11-18", "--format", "json"],
    );
    assert_eq!(done_target(&r, 0), (2, 3), "Monday to Wednesday");
    assert_eq!(r["rituals"][0]["minutes"], 30);
    assert_eq!(r["partners"][1]["care"], 1);
    assert_eq!(
        r["goals"]["open"], 1,
        "the goal created on the 20th did not exist"
    );
    assert_eq!(r["pauses"], serde_json::json!([]));
    let r = json_of(
        &env,
        &["review", "--date", "2026-11-22", "--format", "json"],
    );
    assert_eq!(done_target(&r, 0), (2, 3), "four paused days ask nothing");
    assert_eq!(r["goals"]["open"], 2);
    assert_eq!(r["pauses"][0]["id"], "p1");
    // --from/--to shows streaks as of --to.
    let r = json_of(
        &env,
        &[
            "review",
            "--from",
            "2026-11-16",
            "--to",
            "2026-11-18",
            "--format",
            "json",
        ],
    );
    assert_eq!(r["as_of"], "2026-11-18");
    assert_eq!(r["rituals"][0]["streak"], 1);
}

#[test]
fn drift_is_said_on_a_falling_log_and_not_on_a_steady_one() {
    use chrono::Datelike;
    let falling = log_of("talk", "2026-09-01", "2026-11-24", |d| {
        if d.to_string().as_str() < "2026-11-10" {
            d.weekday().num_days_from_monday() % 2 == 0
        } else {
            d.weekday() == chrono::Weekday::Sat
        }
    });
    let env = Env::new();
    env.write("log.csv", format!("{HEADER}{falling}"));
    let drift =
        "drift: talk 1.0 days a week over the last 2 weeks, down from 4.0 in the 8 weeks before";
    let table = env.ok(&["review"]);
    assert!(table.contains(&format!("\n  {drift}\n")), "{table}");
    let sit_down = "sit-down: none yet this month, 6 days left";
    assert_eq!(
        env.ok(&["review", "--due"]),
        format!("talk: none yet today\n{drift}\n{sit_down}\n")
    );
    assert_eq!(
        env.ok(&["review", "--due"]),
        format!("talk: none yet today\n{sit_down}\n"),
        "a drift once a week"
    );

    let steady = log_of("talk", "2026-09-01", "2026-11-24", |d| {
        d.weekday().num_days_from_monday() % 2 == 0
    });
    let env = Env::new();
    env.write("log.csv", format!("{HEADER}{steady}"));
    assert!(!env.ok(&["review"]).contains("drift"));
    assert_eq!(
        env.ok(&["review", "--due"]),
        "talk: none yet today\nsit-down: none yet this month, 6 days left\n"
    );
}

#[test]
fn the_month_and_year_show_trends_with_colour_only_when_asked() {
    use chrono::Datelike;
    let env = Env::new();
    let mut log = log_of("talk", "2026-01-05", "2026-11-25", |d| d.day() % 3 != 0);
    log.push_str("m1,2026-11-24,sam,checkin,,2,,,\nm2,2026-11-25,alex,checkin,,5,,,\n");
    env.write("log.csv", format!("{HEADER}{log}"));
    let month = env.ok(&["review", "--month"]);
    assert!(
        month.contains(" By week     W45 W46 W47 W48\n talk        ▆▆▆ ▅▅▅ ▆▆▆ ▆▆▆\n us-time     ··· ··· ··· ···\n"),
        "{month}"
    );
    assert!(
        month.contains("Mood, day by day\n  ·······················▃█\n"),
        "{month}"
    );
    let year = env.ok(&["review", "--year"]);
    assert!(
        year.contains(
            " By month    Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec\n talk        ▅▅▅ ▆▆▆"
        ),
        "{year}"
    );
    assert!(year.contains("Talks, day by day\n    Jan"), "{year}");
    assert!(year.contains("\nMon  █·███·███·██"), "{year}");
    assert!(!year.contains('\u{1b}'), "no colour in a pipe");
    let coloured = env.ok(&["review", "--year", "--color", "always"]);
    assert!(coloured.contains("\u{1b}[32m█\u{1b}[0m"), "{coloured}");
}

#[test]
fn on_a_terminal_trends_are_coloured_unless_no_color_is_set() {
    use chrono::Datelike;
    let env = Env::new();
    let log = log_of("talk", "2026-11-02", "2026-11-25", |d| d.day() % 3 != 0);
    env.write("log.csv", format!("{HEADER}{log}"));
    let Some(term) = Terminal::start(&env, &["review", "--month"]) else {
        return;
    };
    let (code, coloured) = term.finish();
    assert_eq!(code, 0, "{coloured}");
    assert!(coloured.contains("\u{1b}["), "{coloured}");
    let Some(term) =
        Terminal::start_with(&env, "alex", &[("NO_COLOR", "1")], &["review", "--month"])
    else {
        return;
    };
    let (code, plain) = term.finish();
    assert_eq!(code, 0, "{plain}");
    assert!(!plain.contains('\u{1b}'), "{plain}");
    assert!(plain.contains(" talk        ▆▆▆ ▅▅▅ ▆▆▆ ▆▆▆"), "{plain}");
}

/// `couple rituals pause --from FROM --to TO WORDS…`.
fn pause<'a>(from: &'a str, to: &'a str, words: &[&'a str]) -> Vec<&'a str> {
    let mut args = vec!["rituals", "pause", "--from", from, "--to", to];
    args.extend_from_slice(words);
    args
}

#[test]
fn a_pause_of_one_day_says_one_day() {
    let env = Env::new();
    env.ok_with_stderr(
        &pause("2026-12-24", "2026-12-24", &[]),
        "paused every ritual from 2026-12-24 to 2026-12-24 (1 day)\n",
    );
}

/// A ritual's name mistyped as the last word would be a note, and every
/// ritual paused: one word that close to a name is refused with the name.
#[test]
fn a_mistyped_ritual_is_not_taken_for_a_note() {
    let env = Env::new();
    let err = env.fails(&pause("2026-12-24", "2026-12-26", &["talkk"]), 2);
    assert_eq!(
        err,
        "couple: unknown ritual \"talkk\"\n\
         hint: did you mean talk? (a note of one word this close to a ritual's name needs a second word)\n"
    );
    env.assert_no_file("pauses.csv");
    // Rituals joined by commas are not a note either.
    let err = env.fails(&pause("2026-12-24", "2026-12-26", &["talk,us-time"]), 2);
    assert_eq!(
        err,
        "couple: \"talk,us-time\" names rituals joined by commas\n\
         hint: name them apart, with spaces: couple rituals pause --from D --to D talk us-time\n"
    );
    env.assert_no_file("pauses.csv");
    env.ok_with_stderr(
        &pause("2026-12-24", "2026-12-26", &["talk", "holidays"]),
        "paused talk from 2026-12-24 to 2026-12-26 (3 days)\n",
    );
    // Short words of their own are notes, even near a ritual's name.
    for note in ["walk", "us"] {
        let mut args = vec!["-q"];
        args.extend(pause("2027-01-05", "2027-01-06", &[note]));
        env.ok(&args);
        assert!(
            env.file("pauses.csv")
                .unwrap()
                .contains(&format!(",,alex,{note},"))
        );
    }
    assert!(
        env.file("pauses.csv")
            .unwrap()
            .contains(",talk,alex,holidays,")
    );
}
