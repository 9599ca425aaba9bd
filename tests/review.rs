//! `couple review`, on a hand-made fortnight with known figures.

use serde_json::{Value, json};

use crate::harness::Env;

/// Monday 16 to Sunday 29 November 2026, seen on Wednesday the 25th.
const FORTNIGHT: &str = "\
id,date,partner,kind,minutes,mood,prompt,note,logged_at
s1,2026-10-05,alex,sit-down,30,,,,2026-10-05T20:00:00+00:00
s2,2026-11-02,sam,sit-down,45,,,,2026-11-02T20:00:00+00:00
u0,2026-11-14,sam,us-time,60,,,,2026-11-14T20:00:00+00:00
t1,2026-11-16,alex,talk,15,,,,2026-11-16T20:00:00+00:00
c1,2026-11-16,alex,care,,,,a note,2026-11-16T20:01:00+00:00
k1,2026-11-16,alex,checkin,,4,,,2026-11-16T20:02:00+00:00
t2,2026-11-17,sam,talk,10,,,,2026-11-17T20:00:00+00:00
c2,2026-11-17,alex,care,,,,\"tea, in bed\",2026-11-17T20:01:00+00:00
k2,2026-11-17,sam,checkin,,5,,,2026-11-17T20:02:00+00:00
t3,2026-11-18,alex,talk,20,,,,2026-11-18T20:00:00+00:00
t4,2026-11-18,sam,talk,5,,,,2026-11-18T21:00:00+00:00
a1,2026-11-18,sam,appreciation,,,,,2026-11-18T21:01:00+00:00
k3,2026-11-18,alex,checkin,,3,,,2026-11-18T21:02:00+00:00
c3,2026-11-19,sam,care,,,,,2026-11-19T20:00:00+00:00
t5,2026-11-20,alex,talk,15,,,,2026-11-20T20:00:00+00:00
r1,2026-11-20,alex,repair,,,,sorry about the keys,2026-11-20T20:01:00+00:00
t6,2026-11-21,sam,talk,30,,,,2026-11-21T20:00:00+00:00
u1,2026-11-21,alex,us-time,120,,,market and lunch,2026-11-21T20:01:00+00:00
t7,2026-11-22,alex,talk,10,,,,2026-11-22T20:00:00+00:00
t8,2026-11-23,alex,talk,15,,,,2026-11-23T20:00:00+00:00
c4,2026-11-23,sam,care,,,,,2026-11-23T20:01:00+00:00
t9,2026-11-24,sam,talk,20,,,,2026-11-24T20:00:00+00:00
c5,2026-11-24,sam,care,,,,,2026-11-24T20:01:00+00:00
f1,2026-11-24,alex,affection,,,,,2026-11-24T20:02:00+00:00
k4,2026-11-24,sam,checkin,,2,,,2026-11-24T20:03:00+00:00
n1,2026-11-25,sam,answer,,,reconnecting-013,the river walk,2026-11-25T08:00:00+00:00
";

/// The question sam answered on the 25th.
const QUESTION: &str =
    "What question would you love me to ask when we've both been too busy to talk properly?";

/// `couple review` of [`FORTNIGHT`], in a pipe. The tables pad their last
/// column, so some lines end in spaces: they are part of the output.
const TABLE: &str = "\
Mon 23 Nov 2026 to Sun 29 Nov 2026 (as of Wed 25 Nov)

 ritual    target   done  minutes  streak   
 talk      1/day    2/3   35       5 days   
 us-time   1/week   0/1   0        2 weeks  
 sit-down  1/month  1/1   0        2 months 

 partner  care  appreciation  repair  affection  answers  check-ins  mood 
 alex     0     0             0       1          0        0          —    
 sam      2     0             0       0          1        1          2.0  

Talk minutes
  MTWTFSS
  ▇█·····   35 min
  ·▃·   mood

Last sit-down: 2026-11-02

Goals: 0 open

Answers of 2026-11-25
  What question would you love me to ask when we've both been too busy to talk properly?  [reconnecting-013]
    sam answered: answer it to see theirs

Due
  talk: none yet today
  answer: sam answered \"What question would you love me to ask when we've both been too busy to talk properly?\"; answer it to see theirs: couple log answer --prompt reconnecting-013
";

fn fortnight() -> Env {
    let env = Env::new();
    env.write("log.csv", FORTNIGHT);
    env
}

fn json_of(env: &Env, args: &[&str]) -> Value {
    serde_json::from_str(&env.ok(args)).unwrap()
}

/// One of the default rituals' lines: `name` counts the kind of that name,
/// once per `per`.
pub(crate) fn ritual(
    target: u32,
    done: u32,
    minutes: u32,
    streak: u32,
    name: &str,
    per: &str,
) -> Value {
    json!({
        "ritual": name, "kinds": [name], "every": 1, "per": per, "min_minutes": null,
        "target": target, "done": done, "minutes": minutes, "streak": streak, "paused": false,
    })
}

#[test]
fn the_week_has_exact_targets_done_minutes_and_streaks() {
    let env = fortnight();
    let r = json_of(&env, &["review", "--format", "json"]);
    assert_eq!(
        (r["from"].as_str(), r["to"].as_str(), r["as_of"].as_str()),
        (Some("2026-11-23"), Some("2026-11-29"), Some("2026-11-25"))
    );
    assert_eq!(
        r["rituals"],
        json!([
            ritual(3, 2, 35, 5, "talk", "day"),
            ritual(1, 0, 0, 2, "us-time", "week"),
            ritual(1, 1, 0, 2, "sit-down", "month"),
        ])
    );
    assert_eq!(
        r["partners"],
        json!([
            {"partner": "alex", "care": 0, "appreciation": 0, "repair": 0, "affection": 1, "answers": 0, "checkins": 0, "mood": null},
            {"partner": "sam", "care": 2, "appreciation": 0, "repair": 0, "affection": 0, "answers": 1, "checkins": 1, "mood": 2.0},
        ])
    );
    assert_eq!(r["last_sit_down"], "2026-11-02");
}

#[test]
fn the_fortnight_counts_each_day_once_and_sums_minutes() {
    let env = fortnight();
    let r = json_of(
        &env,
        &[
            "review",
            "--from",
            "2026-11-16",
            "--to",
            "2026-11-29",
            "--format",
            "json",
        ],
    );
    assert_eq!(
        r["rituals"],
        json!([
            ritual(10, 8, 140, 5, "talk", "day"),
            ritual(2, 1, 120, 2, "us-time", "week"),
            ritual(1, 1, 0, 2, "sit-down", "month"),
        ])
    );
    assert_eq!(
        r["partners"],
        json!([
            {"partner": "alex", "care": 2, "appreciation": 0, "repair": 1, "affection": 1, "answers": 0, "checkins": 2, "mood": 3.5},
            {"partner": "sam", "care": 3, "appreciation": 1, "repair": 0, "affection": 0, "answers": 1, "checkins": 2, "mood": 3.5},
        ])
    );
}

#[test]
fn a_month_and_an_earlier_as_of_date_move_the_window() {
    let env = fortnight();
    let r = json_of(&env, &["review", "--month", "--format", "json"]);
    assert_eq!(
        (r["from"].as_str(), r["to"].as_str()),
        (Some("2026-11-01"), Some("2026-11-30"))
    );
    assert_eq!(r["rituals"][0], ritual(25, 8, 140, 5, "talk", "day"));
    assert_eq!(r["rituals"][1], ritual(4, 2, 180, 2, "us-time", "week"));
    assert_eq!(r["rituals"][2], ritual(1, 1, 45, 2, "sit-down", "month"));

    let r = json_of(
        &env,
        &["review", "--date", "2026-11-22", "--format", "json"],
    );
    assert_eq!(r["rituals"][0], ritual(7, 6, 105, 3, "talk", "day"));
    assert_eq!(r["rituals"][1]["streak"], 2);
    assert_eq!(r["answers"], json!([]));
}

#[test]
fn the_other_partners_answer_stays_hidden_until_you_answer() {
    let env = fortnight();
    let r = json_of(&env, &["review", "--format", "json"]);
    assert_eq!(
        r["answers"],
        json!([{"partner": "sam", "date": "2026-11-25", "prompt": "reconnecting-013", "question": QUESTION, "text": null}])
    );
    assert_eq!(env.ok(&["review"]), TABLE, "sam's answer is not shown");

    env.ok(&[
        "log",
        "answer",
        "the old bridge",
        "--prompt",
        "reconnecting-013",
    ]);
    let r = json_of(&env, &["review", "--format", "json"]);
    assert_eq!(
        r["answers"],
        json!([
            {"partner": "alex", "date": "2026-11-25", "prompt": "reconnecting-013", "question": QUESTION, "text": "the old bridge"},
            {"partner": "sam", "date": "2026-11-25", "prompt": "reconnecting-013", "question": QUESTION, "text": "the river walk"},
        ])
    );
    assert_eq!(
        env.ok(&["review"]),
        "\
Mon 23 Nov 2026 to Sun 29 Nov 2026 (as of Wed 25 Nov)

 ritual    target   done  minutes  streak   
 talk      1/day    2/3   35       5 days   
 us-time   1/week   0/1   0        2 weeks  
 sit-down  1/month  1/1   0        2 months 

 partner  care  appreciation  repair  affection  answers  check-ins  mood 
 alex     0     0             0       1          1        0          —    
 sam      2     0             0       0          1        1          2.0  

Talk minutes
  MTWTFSS
  ▇█·····   35 min
  ·▃·   mood

Last sit-down: 2026-11-02

Goals: 0 open

Answers of 2026-11-25
  What question would you love me to ask when we've both been too busy to talk properly?  [reconnecting-013]
    alex: the old bridge
    sam: the river walk

Due
  talk: none yet today
"
    );
    // Sam sees both, too, and themselves first.
    assert_eq!(
        env.as_partner("sam").ok(&["review"]),
        "\
Mon 23 Nov 2026 to Sun 29 Nov 2026 (as of Wed 25 Nov)

 ritual    target   done  minutes  streak   
 talk      1/day    2/3   35       5 days   
 us-time   1/week   0/1   0        2 weeks  
 sit-down  1/month  1/1   0        2 months 

 partner  care  appreciation  repair  affection  answers  check-ins  mood 
 sam      2     0             0       0          1        1          2.0  
 alex     0     0             0       1          1        0          —    

Talk minutes
  MTWTFSS
  ▇█·····   35 min
  ·▃·   mood

Last sit-down: 2026-11-02

Goals: 0 open

Answers of 2026-11-25
  What question would you love me to ask when we've both been too busy to talk properly?  [reconnecting-013]
    sam: the river walk
    alex: the old bridge

Due
  talk: none yet today
"
    );
}

#[test]
fn due_names_each_due_item_and_the_exit_code_says_so() {
    let env = fortnight();
    // The first run tells what is new from sam, once (tests/reading.rs).
    let news = env.ok(&["review", "--due"]);
    let due = env.ok(&["review", "--due"]);
    assert_eq!(
        due,
        format!(
            "talk: none yet today\n\
             answer: sam answered \"{QUESTION}\"; answer it to see theirs: couple log answer --prompt reconnecting-013\n"
        )
    );
    assert!(news.ends_with(&due), "{news}");
    let err = env.fails_with_stdout(&["review", "--due", "--exit-code"], 1, &due);
    assert_eq!(err, "");
    let r = json_of(&env, &["review", "--format", "json"]);
    let whats: Vec<&str> = r["due"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["what"].as_str().unwrap())
        .collect();
    assert_eq!(whats, ["talk", "answer"]);
}

#[test]
fn due_prints_nothing_at_all_when_nothing_is_due() {
    let env = fortnight();
    env.ok(&["log", "talk", "--minutes", "12"]);
    env.ok(&["log", "us-time", "--minutes", "60"]);
    env.ok(&["log", "answer", "mine"]);
    // What is new from sam is told once (tests/reading.rs); then nothing.
    env.ok(&["review", "--due"]);
    let run = env.run(&["review", "--due", "--exit-code"]);
    assert_eq!(
        (run.code, run.stdout.as_str(), run.stderr.as_str()),
        (0, "", "")
    );
}

#[test]
fn a_partner_typed_on_the_command_line_narrows_the_counts() {
    let env = fortnight();
    let r = json_of(&env, &["review", "--partner", "sam", "--format", "json"]);
    let names: Vec<&str> = r["partners"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["partner"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["sam"]);
    // From the environment it only says who is calling.
    let r = json_of(&env, &["review", "--format", "json"]);
    assert_eq!(r["partners"].as_array().unwrap().len(), 2);
}

#[test]
fn csv_is_one_measure_per_row() {
    let env = fortnight();
    assert_eq!(
        env.ok(&["review", "--format", "csv"]),
        "\
section,item,measure,value
period,range,from,2026-11-23
period,range,to,2026-11-29
period,range,as_of,2026-11-25
ritual,talk,cadence,1/day
ritual,talk,target,3
ritual,talk,done,2
ritual,talk,minutes,35
ritual,talk,streak,5
ritual,us-time,cadence,1/week
ritual,us-time,target,1
ritual,us-time,done,0
ritual,us-time,minutes,0
ritual,us-time,streak,2
ritual,sit-down,cadence,1/month
ritual,sit-down,target,1
ritual,sit-down,done,1
ritual,sit-down,minutes,0
ritual,sit-down,streak,2
partner,alex,care,0
partner,alex,appreciation,0
partner,alex,repair,0
partner,alex,affection,1
partner,alex,answers,0
partner,alex,checkins,0
partner,alex,mood,
partner,sam,care,2
partner,sam,appreciation,0
partner,sam,repair,0
partner,sam,affection,0
partner,sam,answers,1
partner,sam,checkins,1
partner,sam,mood,2
sit-down,last,date,2026-11-02
answer,sam,reconnecting-013,
goals,open,count,0
due,talk,message,talk: none yet today
due,answer,message,\"answer: sam answered \"\"What question would you love me to ask when we've both been too busy to talk properly?\"\"; answer it to see theirs: couple log answer --prompt reconnecting-013\"
from_partner,sam,care 2026-11-24,
from_partner,sam,care 2026-11-23,
"
    );
}

#[test]
fn the_table_shows_rituals_partners_and_a_chart_without_colour_in_a_pipe() {
    let env = fortnight();
    // No colour in a pipe: the whole table, byte for byte.
    assert_eq!(env.ok(&["review"]), TABLE);
    let coloured = env.ok(&["review", "--color", "always"]);
    assert!(coloured.contains('\u{1b}'), "{coloured}");
    assert_eq!(
        without_colour(&coloured),
        TABLE,
        "colour changes nothing but colour"
    );
}

/// `text` without its ANSI SGR sequences (`ESC [ … m`).
fn without_colour(text: &str) -> String {
    let mut plain = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find("\u{1b}[") {
        plain.push_str(&rest[..at]);
        let after = &rest[at + 2..];
        let end = after.find('m').expect("an SGR sequence ends in m");
        rest = &after[end + 1..];
    }
    plain.push_str(rest);
    plain
}

#[test]
fn an_empty_or_missing_data_dir_reviews_as_nothing_done() {
    let env = Env::new();
    let r = json_of(&env, &["review", "--format", "json"]);
    assert_eq!(r["rituals"][0], ritual(3, 0, 0, 0, "talk", "day"));
    assert!(!env.data().exists(), "review never creates the data dir");
}

#[test]
fn bad_values_inside_the_log_name_the_line_and_column() {
    let cases = [
        (
            "x1,2026-02-30,alex,talk,,,,,",
            "column date: \"2026-02-30\" is not a YYYY-MM-DD date",
        ),
        (
            "x1,46082,alex,talk,,,,,",
            "spreadsheet's date serial number",
        ),
        ("x1,2026-11-01,alex,talk,ten,,,,", "column minutes"),
        ("x1,2026-11-01,alex,checkin,,7,,,", "column mood"),
        (
            "x1,2026-11-01,alex,hug,,,,,",
            "column kind: \"hug\" is not a kind",
        ),
    ];
    for (row, message) in cases {
        let env = Env::new();
        env.write("log.csv", format!("id,date,partner,kind,minutes,mood,prompt,note,logged_at\nok,2026-11-01,sam,care,,,,,\n{row}\n"));
        let err = env.fails(&["review"], 65);
        assert!(err.starts_with("couple: log.csv line 3: "), "{err}");
        assert!(err.contains(message), "{err}");
    }
    let env = Env::new();
    env.write("log.csv", b"id,date,partner,kind,minutes,mood,prompt,note,logged_at\nx,2026-11-01,al\xffex,care,,,,,\n");
    let err = env.fails(&["review"], 65);
    assert!(
        err.starts_with("couple: log.csv line 2: column partner: is not valid UTF-8"),
        "{err}"
    );
}

#[test]
fn from_after_to_is_a_usage_error() {
    let env = fortnight();
    env.fails(&["review", "--from", "2026-11-20", "--to", "2026-11-01"], 2);
    env.fails(&["review", "--from", "2026-11-20"], 2);
    env.fails(&["review", "--date", "someday"], 2);
}
