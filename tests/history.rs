//! `couple history`: the shared journal, read by two partners.

use std::fmt::Write as _;

use serde_json::{Value, json};

use crate::harness::Env;
use crate::terminal::Terminal;

const HEADER: &str = "id,date,partner,kind,minutes,mood,prompt,note,logged_at\n";

/// A sync-conflict copy of log.csv, as Syncthing names one.
const COPY: &str = "log.sync-conflict-20261122-101010-ABCDEFG.csv";

/// The journal of three days' care, as `--format csv` prints it.
const TEA_SOUP_FLOWERS: &str = "\
date,partner,kind,minutes,mood,prompt,question,note,hidden
2026-11-22,alex,care,,,,,flowers,false
2026-11-21,sam,care,,,,,soup,false
2026-11-20,alex,care,,,,,tea,false
";

/// The id of the question of the day for `date`.
fn question_id(env: &Env, date: &str) -> String {
    let out = env.ok(&["prompt", "--date", date, "--format", "json"]);
    let prompt: Value = serde_json::from_str(&out).unwrap();
    prompt["id"].as_str().unwrap().to_string()
}

fn question_text(env: &Env, id: &str) -> String {
    env.ok(&["prompt", "--id", id, "--format", "json"])
        .parse::<Value>()
        .unwrap()["text"]
        .as_str()
        .unwrap()
        .to_string()
}

/// Alex answers Monday's question on Monday; sam answers it on Tuesday.
#[test]
fn an_answer_stays_hidden_until_you_answer_that_question_then_both_read_both() {
    let mut env = Env::new();
    env.today = "2026-11-23".into(); // a Monday
    let id = question_id(&env, "2026-11-23");
    let question = question_text(&env, &id);
    env.as_partner("alex")
        .ok(&["log", "answer", "-q", "The walk by the river."]);

    env.today = "2026-11-24".into();
    let sam = env.as_partner("sam");
    // Before sam answers: only that alex did, with the question's text.
    assert_eq!(
        sam.ok(&["history"]),
        format!(
            "Mon 23 Nov 2026\n  {question}  [{id}]\n    alex answered: answer it to see theirs (couple log answer --prompt {id})\n"
        )
    );
    // On Tuesday the question of the day is another one: sam answers Monday's by id.
    assert_ne!(question_id(&env, "2026-11-24"), id);
    sam.ok(&[
        "log",
        "answer",
        "-q",
        "--prompt",
        &id,
        "The coffee you brought me.",
    ]);

    let both = format!(
        "\
Tue 24 Nov 2026
  {question}  [{id}]
    sam: The coffee you brought me.

Mon 23 Nov 2026
  {question}  [{id}]
    alex: The walk by the river.
    sam, Tue 24 Nov: The coffee you brought me.
"
    );
    assert_eq!(sam.ok(&["history"]), both);
    assert_eq!(env.as_partner("alex").ok(&["history"]), both);
}

#[test]
fn csv_rows_carry_the_question_and_keep_the_blind_rule() {
    let env = Env::new();
    env.write(
        "log.csv",
        format!(
            "{HEADER}\
a1,2026-11-23,alex,answer,,,listening-001,the walk,2026-11-23T20:00:00+00:00
t1,2026-11-23,sam,talk,15,,,=about the move,2026-11-23T21:00:00+00:00
k1,2026-11-24,sam,checkin,,4,,,2026-11-24T08:02:00+00:00
"
        ),
    );
    let question = question_text(&env, "listening-001");
    assert_eq!(
        env.as_partner("sam").ok(&["history", "--format", "csv"]),
        format!(
            "\
date,partner,kind,minutes,mood,prompt,question,note,hidden
2026-11-24,sam,checkin,,4,,,,false
2026-11-23,sam,talk,15,,,,'=about the move,false
2026-11-23,alex,answer,,,listening-001,\"{question}\",,true
"
        )
    );
    // Alex wrote it: alex reads it.
    let alex = env
        .as_partner("alex")
        .ok(&["history", "--format", "csv", "--raw"]);
    assert!(alex.ends_with(",the walk,false\n"), "{alex}");
    assert!(alex.contains(",=about the move,"), "--raw: {alex}");
}

#[test]
fn grep_finds_a_note_and_a_question_in_any_case() {
    let env = Env::new();
    env.write(
        "prompts.csv",
        "id,theme,depth,text\nours-001,dreams,light,Shall we go back to Lisbon in the spring?\n",
    );
    env.write(
        "log.csv",
        format!(
            "{HEADER}\
c1,2026-11-20,alex,care,,,,booked the LISBON flights,2026-11-20T20:00:00+00:00
c2,2026-11-21,alex,care,,,,made tea,2026-11-21T20:00:00+00:00
a1,2026-11-22,sam,answer,,,ours-001,yes please,2026-11-22T20:00:00+00:00
a2,2026-11-22,sam,answer,,,listening-001,about lisbon,2026-11-22T20:01:00+00:00
"
        ),
    );
    let out: Value =
        serde_json::from_str(&env.ok(&["history", "--grep", "lisbon", "--format", "json"]))
            .unwrap();
    // Alex has not answered either question: the note of an answer that is
    // hidden is not searched, its question is.
    assert_eq!(
        out,
        json!([
            {"date": "2026-11-22", "partner": "sam", "kind": "answer", "minutes": null, "mood": null,
             "prompt": "ours-001", "question": "Shall we go back to Lisbon in the spring?",
             "note": null, "hidden": true},
            {"date": "2026-11-20", "partner": "alex", "kind": "care", "minutes": null, "mood": null,
             "prompt": null, "question": null, "note": "booked the LISBON flights", "hidden": false},
        ])
    );
    // Sam wrote them: sam's search finds both answers.
    let sam: Value = serde_json::from_str(&env.as_partner("sam").ok(&[
        "history", "--grep", "LisBon", "--format", "json", "--kind", "answer",
    ]))
    .unwrap();
    assert_eq!(sam.as_array().unwrap().len(), 2, "{sam}");
}

#[test]
fn on_this_day_lists_the_same_date_in_earlier_years_and_a_month_ago() {
    let env = Env::new(); // today is 2026-11-25
    let mut log = HEADER.to_string();
    for (i, date) in [
        "2023-11-24",
        "2023-11-25",
        "2024-02-29",
        "2024-11-25",
        "2025-11-25",
        "2025-11-26",
        "2026-10-25",
        "2026-11-24",
        "2026-11-25",
    ]
    .iter()
    .enumerate()
    {
        writeln!(
            log,
            "c{i},{date},alex,care,,,,on {date},{date}T20:00:00+00:00"
        )
        .unwrap();
    }
    env.write("log.csv", &log);
    let out = env.ok(&["history", "--on-this-day", "--format", "csv"]);
    let days: Vec<&str> = out.lines().skip(1).map(|l| &l[..10]).collect();
    assert_eq!(
        days,
        ["2026-10-25", "2025-11-25", "2024-11-25", "2023-11-25"]
    );
    // A leap day comes back on the 28th of a common year.
    let mut leap = Env::new();
    leap.today = "2027-02-28".into();
    leap.write("log.csv", &log);
    let out = leap.ok(&["history", "--on-this-day"]);
    assert_eq!(out, "Thu 29 Feb 2024\n  alex, care: on 2024-02-29\n");
}

#[test]
fn filters_narrow_by_date_kind_and_partner() {
    let env = Env::new();
    env.write(
        "log.csv",
        format!(
            "{HEADER}\
t1,2026-11-20,alex,talk,15,,,about work,2026-11-20T20:00:00+00:00
c1,2026-11-21,sam,care,,,,tea,2026-11-21T20:00:00+00:00
c2,2026-11-22,alex,care,,,,flowers,2026-11-22T20:00:00+00:00
p1,2026-11-23,sam,appreciation,,,,for the flowers,2026-11-23T20:00:00+00:00
"
        ),
    );
    assert_eq!(
        env.ok(&[
            "history",
            "--kind",
            "care",
            "--from",
            "2026-11-21",
            "--to",
            "2026-11-22"
        ]),
        "Sun 22 Nov 2026\n  alex, care: flowers\n\nSat 21 Nov 2026\n  sam, care: tea\n"
    );
    assert_eq!(
        env.ok(&["history", "--partner", "sam", "--kind", "appreciation"]),
        "Mon 23 Nov 2026\n  sam, appreciation: for the flowers\n"
    );
    let err = env.fails(&["history", "--kind", "hug"], 2);
    assert!(err.starts_with("couple: unknown kind \"hug\""), "{err}");
    let err = env.fails(
        &["history", "--from", "2026-11-23", "--to", "2026-11-01"],
        2,
    );
    assert_eq!(err, "couple: --from 2026-11-23 is after --to 2026-11-01\n");
}

#[test]
fn an_empty_or_missing_log_shows_nothing() {
    let env = Env::new();
    assert_eq!(env.ok(&["history"]), "");
    assert_eq!(env.ok(&["history", "--format", "json"]), "[]\n");
}

#[test]
fn a_bad_row_is_named_by_file_and_line() {
    let env = Env::new();
    env.write(
        "log.csv",
        format!(
            "{HEADER}\
t1,2026-11-20,alex,talk,15,,,,2026-11-20T20:00:00+00:00
t2,2026-11-21,alex,tlak,15,,,,2026-11-21T20:00:00+00:00
"
        ),
    );
    let err = env.fails(&["history"], 65);
    assert!(
        err.starts_with("couple: log.csv line 3: column kind: \"tlak\" is not a kind"),
        "{err}"
    );
}

/// Rows far out of date order, over many chunks of the file, come out in
/// date order, newest first, the last written first within a day.
#[test]
fn a_long_log_out_of_order_comes_out_newest_first() {
    let env = Env::new();
    let mut log = HEADER.to_string();
    let padding = "x".repeat(300);
    let first = chrono::NaiveDate::from_ymd_opt(2020, 1, 1).unwrap();
    let mut expected: Vec<(chrono::NaiveDate, usize)> = Vec::new();
    for i in 0..6000usize {
        // Mostly in order, two rows a day; every 97th row is backdated by
        // up to three years, every 89th dated a year ahead.
        let mut date = first + chrono::Days::new((i / 2) as u64);
        if i % 97 == 0 {
            date = date - chrono::Days::new((i % 1100) as u64);
        } else if i % 89 == 0 {
            date = date + chrono::Days::new(365);
        }
        writeln!(
            log,
            "r{i},{date},alex,care,,,,\"n{i}, {padding}\",2026-01-01T00:00:00+00:00"
        )
        .unwrap();
        expected.push((date, i));
    }
    env.write("log.csv", &log);
    assert!(log.len() > 3 * 256 * 1024, "several chunks");
    expected.sort_by(|a, b| b.cmp(a));
    let out = env.ok(&["history", "--format", "csv"]);
    let got: Vec<String> = out
        .lines()
        .skip(1)
        .map(|l| {
            let (date, rest) = l.split_once(",alex,care,,,,,\"n").unwrap();
            format!("{date} {}", rest.split_once(',').unwrap().0)
        })
        .collect();
    let want: Vec<String> = expected
        .iter()
        .map(|(date, i)| format!("{date} {i}"))
        .collect();
    assert_eq!(got, want);
}

/// A log of `rows` rows, two a day from 2020 on, each note padded so that
/// the file holds several of history's 256 KiB chunks; row `bad.0` (line
/// `bad.0 + 2`) is `bad.1` instead.
fn long_log(rows: usize, bad: Option<(usize, &str)>) -> String {
    let mut log = HEADER.to_string();
    let padding = "x".repeat(300);
    let first = chrono::NaiveDate::from_ymd_opt(2020, 1, 1).unwrap();
    for i in 0..rows {
        match bad {
            Some((at, row)) if at == i => writeln!(log, "{row}").unwrap(),
            _ => {
                let date = first + chrono::Days::new((i / 2) as u64);
                writeln!(log, "r{i},{date},alex,care,,,,\"n{i}, {padding}\",").unwrap();
            }
        }
    }
    assert!(log.len() > 3 * 256 * 1024, "several chunks");
    log
}

/// A cell the journal decodes only when it reaches the row (a number, the
/// text) is named where it does: the newer days are out by then, as `git
/// log` shows the commits before a broken one.
#[test]
fn a_bad_cell_deep_in_a_long_log_is_named_when_the_journal_reaches_it() {
    let env = Env::new();
    env.write(
        "log.csv",
        long_log(4000, Some((10, "r10,2020-01-06,alex,talk,ten,,,,"))),
    );
    let run = env.run(&["history", "--format", "csv"]);
    assert_eq!(run.code, 65, "{}", run.stderr);
    assert!(
        run.stderr
            .starts_with("couple: log.csv line 12: column minutes: must be a whole number"),
        "{}",
        run.stderr
    );
    // Every row newer than it (11 to 3999), and none older, is out.
    assert_eq!(run.stdout.lines().count(), 1 + 3989);
    assert!(run.stdout.contains("\"n3999, x"), "the newest row is out");
    assert!(
        run.stdout.contains("\"n11, x"),
        "the row after it, that day"
    );
    assert!(
        !run.stdout.contains("\"n9, x"),
        "nothing older than the bad row"
    );
}

/// A row with a mistyped year near the top of a long log comes first, and
/// every other row in its place.
#[test]
fn a_row_dated_decades_ahead_comes_first_and_the_rest_in_order() {
    let env = Env::new();
    env.write(
        "log.csv",
        long_log(4000, Some((10, "r10,2099-01-06,alex,care,,,,typo,"))),
    );
    let out = env.ok(&["history", "--format", "csv"]);
    let dates: Vec<&str> = out.lines().skip(1).map(|l| &l[..10]).collect();
    assert_eq!(dates.len(), 4000);
    assert_eq!(dates[0], "2099-01-06");
    assert!(dates[1..].windows(2).all(|w| w[0] >= w[1]), "newest first");
    assert!(out.lines().nth(1).unwrap().ends_with(",typo,false"));
}

/// A line break in a name or a prompt id (written into log.csv by hand or
/// by another program) is shown as `\n`: it cannot start a line that
/// looks like a day or an entry of the journal.
#[test]
fn a_line_break_in_a_name_or_an_id_cannot_fake_a_line_of_the_journal() {
    let env = Env::new();
    env.write(
        "log.csv",
        format!(
            "{HEADER}s1,2024-01-01,\"sam\nFri 1 Jan 2100\n  alex, care: fake\",care,,,,real,x\n\
s2,2024-01-02,sam,answer,,,\"p1\nWed 1 Jan 2025\",n,x\n"
        ),
    );
    let out = env.ok(&["history"]);
    assert!(
        out.contains("  sam\\nFri 1 Jan 2100\\n  alex, care: fake, care: real"),
        "{out}"
    );
    assert!(out.contains("[p1\\nWed 1 Jan 2025]"), "{out}");
    assert!(
        !out.lines().any(|l| l.starts_with("Fri 1 Jan 2100")),
        "{out}"
    );
    assert!(
        !out.lines().any(|l| l.starts_with("Wed 1 Jan 2025")),
        "{out}"
    );
}

/// A bad cell in an answer (which the first pass reads whole, for the
/// blind rule) is named in its turn like any other: after the newer rows,
/// and not before a newer bad row.
#[test]
fn a_bad_cell_in_an_answer_is_named_in_its_turn() {
    let env = Env::new();
    env.write(
        "log.csv",
        format!(
            "{HEADER}a1,2024-01-01,alex,answer,,x,p1,old answer,\n\
t2,2024-01-05,alex,talk,y,,,newer,\n\
c3,2024-01-06,alex,care,,,,newest,\n"
        ),
    );
    let run = env.run(&["history", "--format", "csv"]);
    assert_eq!(run.code, 65, "{}", run.stderr);
    assert!(
        run.stderr
            .starts_with("couple: log.csv line 3: column minutes:"),
        "{}",
        run.stderr
    );
    assert!(run.stdout.contains(",newest,"), "{}", run.stdout);
    assert!(!run.stdout.contains("answer"), "{}", run.stdout);
}

/// A bad cell in a stray (a row dated far after its neighbours, read
/// apart) is named in its turn too, after every row newer than it.
#[test]
fn a_bad_cell_in_a_row_dated_far_ahead_is_named_after_the_newer_rows() {
    let env = Env::new();
    let mut log = HEADER.to_string();
    let first = chrono::NaiveDate::from_ymd_opt(2000, 1, 1).unwrap();
    for i in 0..30_000u64 {
        if i == 100 {
            log.push_str("r100,2003-01-01,alex,care,abc,,,bad,x\n");
        } else {
            let date = first + chrono::Days::new(i / 20);
            writeln!(log, "r{i},{date},alex,care,,,,a note,x").unwrap();
        }
    }
    env.write("log.csv", &log);
    let run = env.run(&["history", "--format", "csv"]);
    assert_eq!(run.code, 65, "{}", run.stderr);
    assert!(
        run.stderr
            .starts_with("couple: log.csv line 102: column minutes:"),
        "{}",
        run.stderr
    );
    // Every row dated 2003-01-01 or later (all written after it).
    let newer = (0..30_000u64)
        .filter(|&i| {
            i != 100
                && first + chrono::Days::new(i / 20)
                    >= chrono::NaiveDate::from_ymd_opt(2003, 1, 1).unwrap()
        })
        .count();
    assert_eq!(run.stdout.lines().count(), 1 + newer);
}

/// A bad cell in a sync-conflict copy is named in its turn too.
#[test]
fn a_bad_cell_in_a_conflict_copy_is_named_after_the_newer_rows() {
    let env = Env::new();
    env.write(
        "log.csv",
        format!(
            "{HEADER}\
c1,2026-11-20,alex,care,,,,tea,x
c3,2026-11-22,alex,care,,,,flowers,x
"
        ),
    );
    env.write(
        COPY,
        format!(
            "{HEADER}\
c1,2026-11-20,alex,care,,,,tea,x
c2,2026-11-21,sam,care,abc,,,soup,x
"
        ),
    );
    let run = env.run(&["history", "--format", "csv"]);
    assert_eq!(run.code, 65, "{}", run.stderr);
    assert!(
        run.stderr
            .starts_with(&format!("couple: {COPY} line 3: column minutes:")),
        "{}",
        run.stderr
    );
    assert_eq!(
        run.stdout,
        "date,partner,kind,minutes,mood,prompt,question,note,hidden\n\
         2026-11-22,alex,care,,,,,flowers,false\n"
    );
}

/// A date or a kind that does not read is named before anything is shown,
/// wherever it is in the log.
#[test]
fn a_bad_date_or_kind_in_a_long_log_is_named_before_anything_is_shown() {
    let env = Env::new();
    for (row, message) in [
        (
            "r10,2020-02-30,alex,care,,,,,",
            "couple: log.csv line 12: column date: \"2020-02-30\" is not a YYYY-MM-DD date",
        ),
        (
            "r10,2020-01-06,alex,kare,,,,,",
            "couple: log.csv line 12: column kind: \"kare\" is not a kind",
        ),
    ] {
        env.write("log.csv", long_log(4000, Some((10, row))));
        let err = env.fails(&["history"], 65);
        assert!(err.starts_with(message), "{err}");
    }
}

/// The reader leaves after a line (`| head -1`): history stops at once,
/// quietly, its reading thread with it.
#[test]
fn a_reader_gone_after_one_line_ends_history_quietly() {
    let env = Env::new();
    env.write("log.csv", long_log(8000, None));
    let (first, run) = env.first_line_then_gone(&["history", "--format", "csv"]);
    assert!(first.starts_with("date,partner,kind"), "{first}");
    assert_eq!((run.code, run.stderr.as_str()), (0, ""));
}

#[test]
fn rows_a_sync_conflict_copy_adds_are_read_in_their_place() {
    let env = Env::new();
    env.write(
        "log.csv",
        format!(
            "{HEADER}\
c1,2026-11-20,alex,care,,,,tea,2026-11-20T20:00:00+00:00
c3,2026-11-22,alex,care,,,,flowers,2026-11-22T20:00:00+00:00
"
        ),
    );
    env.write(
        COPY,
        format!(
            "{HEADER}\
c1,2026-11-20,alex,care,,,,tea,2026-11-20T20:00:00+00:00
c2,2026-11-21,sam,care,,,,soup,2026-11-21T20:00:00+00:00
"
        ),
    );
    assert_eq!(env.ok(&["history", "--format", "csv"]), TEA_SOUP_FLOWERS);
}

/// Only a sync-conflict copy arrived (no log.csv yet on this machine): its
/// rows still come newest first.
#[test]
fn a_conflict_copy_without_a_log_is_read_newest_first() {
    let env = Env::new();
    env.write(
        COPY,
        format!(
            "{HEADER}\
c1,2026-11-20,alex,care,,,,tea,2026-11-20T20:00:00+00:00
c3,2026-11-22,alex,care,,,,flowers,2026-11-22T20:00:00+00:00
c2,2026-11-21,sam,care,,,,soup,2026-11-21T20:00:00+00:00
"
        ),
    );
    assert_eq!(env.ok(&["history", "--format", "csv"]), TEA_SOUP_FLOWERS);
}

fn paged_env() -> Env {
    let env = Env::new();
    env.write(
        "log.csv",
        format!("{HEADER}c1,2026-11-20,alex,care,,,,tea \u{1b}[31mred,2026-11-20T20:00:00+00:00\n"),
    );
    env
}

/// A pager of our own, outside the data dir: a shell script of `body`.
fn pager_script(env: &Env, body: &str) -> std::path::PathBuf {
    let pager = env.home().join("pager");
    std::fs::write(&pager, format!("#!/bin/sh\n{body}\n")).unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&pager, std::fs::Permissions::from_mode(0o700)).unwrap();
    }
    pager
}

/// A pager that shows what it got, each line marked with `$LESS`.
fn marking_pager(env: &Env) -> std::path::PathBuf {
    pager_script(env, "exec sed \"s/^/paged($LESS):/\"")
}

/// `couple history` on a terminal through `pager`, colour off: its exit
/// code and the screen (`None` where no terminal can be had).
fn paged_history(env: &Env, pager: &std::path::Path) -> Option<(i32, String)> {
    let vars = [("PAGER", pager.to_str().unwrap()), ("NO_COLOR", "1")];
    Terminal::start_with(env, "alex", &vars, &["history"]).map(Terminal::finish)
}

#[test]
fn on_a_terminal_the_journal_goes_through_the_pager_with_less_options() {
    let env = paged_env();
    let pager = marking_pager(&env);
    let Some((code, screen)) = paged_history(&env, &pager) else {
        return;
    };
    assert_eq!(code, 0, "{screen}");
    // Control characters in a note are shown escaped, never sent to the terminal.
    assert!(
        screen.contains("paged(FRX):  alex, care: tea \\x1b[31mred"),
        "{screen}"
    );
    assert!(!screen.contains('\u{1b}'), "{screen:?}");
}

/// A bad cell the journal meets once the pager runs: the pager gets the
/// newer rows and is let go, then the error is named (couple used to wait
/// for the pager while still holding its input open: a hang).
#[test]
fn a_bad_cell_met_while_paging_lets_the_pager_go_then_is_named() {
    let env = Env::new();
    env.write(
        "log.csv",
        format!(
            "{HEADER}a1,2024-01-01,alex,talk,10,,,first,x\n\
a2,2024-01-02,sam,talk,abc,,,bad minutes,x\n\
a3,2024-01-03,alex,care,,,,third,x\n"
        ),
    );
    let pager = marking_pager(&env);
    let Some((code, screen)) = paged_history(&env, &pager) else {
        return;
    };
    assert_eq!(code, 65, "{screen}");
    assert!(
        screen.contains("paged(FRX):  alex, care: third"),
        "{screen}"
    );
    assert!(!screen.contains("first"), "{screen}");
    assert!(
        screen.contains("couple: log.csv line 3: column minutes: must be a whole number"),
        "{screen}"
    );
}

/// Ctrl-C reaches the pager too (less reads it as a key): couple does not
/// die under it and leave it on the terminal alone, but waits for it to
/// end, then ends as Ctrl-C would have ended it.
#[test]
fn ctrl_c_while_paging_is_the_pagers_and_couple_ends_after_it() {
    let env = paged_env();
    let pager = pager_script(
        &env,
        "kill -INT $PPID\nsleep 0.3\n\
         kill -0 $PPID 2>/dev/null && echo 'couple waits'\nexec sed s/^/paged:/",
    );
    let Some((code, screen)) = paged_history(&env, &pager) else {
        return;
    };
    assert!(screen.contains("couple waits"), "{screen}");
    assert!(screen.contains("paged:  alex, care: tea"), "{screen}");
    // Ended by the signal, once the pager was done.
    assert_eq!(code, 130, "{screen}");
}

/// Another program cuts log.csv shorter in place while history reads it
/// (here, the pager, before it reads anything): rows went missing, and
/// history says so instead of ending as if all was shown.
#[test]
fn a_log_cut_shorter_while_it_is_read_is_an_error() {
    let env = Env::new();
    env.write("log.csv", long_log(8000, None));
    let log = env.path("log.csv");
    // To nothing, and to the middle of a row.
    for cut in [": >", "truncate -s 1000001"] {
        env.write("log.csv", long_log(8000, None));
        let pager = pager_script(
            &env,
            &format!(
                "{cut} '{}'\ncat > /dev/null\necho pager done",
                log.display()
            ),
        );
        let Some((code, screen)) = paged_history(&env, &pager) else {
            return;
        };
        assert!(screen.contains("pager done"), "{screen}");
        assert_eq!(code, 1, "{cut}: {screen}");
        assert!(
            screen
                .contains("couple: log.csv was cut shorter while it was read: rows may be missing"),
            "{screen}"
        );
    }
}

#[test]
fn without_a_pager_or_when_it_cannot_start_the_journal_goes_to_the_terminal() {
    let env = paged_env();
    for (pager, args) in [
        ("sed s/^/paged:/", &["history", "--no-pager"][..]),
        ("/nonexistent/pager -R", &["history"][..]),
        ("cat", &["history"][..]),
    ] {
        let vars = [("PAGER", pager), ("NO_COLOR", "1")];
        let Some(term) = Terminal::start_with(&env, "alex", &vars, args) else {
            return;
        };
        let (code, screen) = term.finish();
        assert_eq!(code, 0, "{screen}");
        assert!(
            screen.contains("  alex, care: tea \\x1b[31mred"),
            "PAGER={pager} {args:?}: {screen}"
        );
        assert!(!screen.contains("paged:"), "{screen}");
    }
}

#[test]
fn in_a_pipe_there_is_no_pager() {
    let env = paged_env();
    let out = env
        .command(&["history"])
        .env("PAGER", "sed s/^/paged:/")
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "Fri 20 Nov 2026\n  alex, care: tea \\x1b[31mred\n"
    );
}

#[test]
fn an_entry_taken_back_with_undo_is_not_in_the_journal() {
    let env = Env::new();
    env.ok(&["log", "care", "-q", "tea"]);
    env.ok(&["log", "care", "-q", "a typo"]);
    env.ok(&["log", "--undo", "-q"]);
    assert_eq!(env.ok(&["history"]), "Wed 25 Nov 2026\n  alex, care: tea\n");
}
