//! `couple log`.

use crate::harness::Env;

const HEADER: &str = "id,date,partner,kind,minutes,mood,prompt,note,logged_at";

#[test]
fn a_talk_appends_one_contract_row_and_prints_its_id() {
    let env = Env::new();
    let id = env.ok(&[
        "log",
        "talk",
        "--minutes",
        "15",
        "about the \"move\", mostly",
    ]);
    let id = id.trim();
    assert_eq!(id.len(), 10, "{id}");
    let log = env.file("log.csv").unwrap();
    let lines: Vec<&str> = log.lines().collect();
    assert_eq!(lines[0], HEADER);
    assert_eq!(lines.len(), 2);
    assert!(
        lines[1].starts_with(&format!(
            "{id},2026-11-25,alex,talk,15,,,\"about the \"\"move\"\", mostly\","
        )),
        "{}",
        lines[1]
    );
}

#[test]
fn a_note_after_double_dash_may_start_with_a_dash() {
    let env = Env::new();
    env.ok(&["-q", "log", "care", "--", "-1 day, --minutes 5"]);
    let log = env.file("log.csv").unwrap();
    assert!(
        log.contains(",2026-11-25,alex,care,,,,\"-1 day, --minutes 5\","),
        "{log}"
    );
    // Without `--`, clap reads it as a flag and says so.
    let err = env.fails(&["log", "care", "-x"], 2);
    assert!(err.contains("'-x'"), "{err}");
    assert!(err.contains("--"), "{err}");
}

#[cfg(unix)]
#[test]
fn the_data_dir_is_private_and_the_log_too_whatever_the_umask() {
    use std::os::unix::fs::PermissionsExt;
    let env = Env::new();
    // A permissive umask must not leak into the files.
    let out = std::process::Command::new("sh")
        .arg("-c")
        .arg("umask 000; exec \"$0\" \"$@\"")
        .arg(env!("CARGO_BIN_EXE_couple"))
        .args(["log", "care", "a note"])
        .env_clear()
        .envs(env.vars(&env.partner))
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    assert_eq!(String::from_utf8_lossy(&out.stderr), "");
    let mode = |p: std::path::PathBuf| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(env.data()), 0o700);
    assert_eq!(mode(env.path("log.csv")), 0o600);
}

#[test]
fn quiet_prints_nothing() {
    let env = Env::new();
    assert_eq!(env.ok(&["-q", "log", "affection"]), "");
    assert_eq!(env.file("log.csv").unwrap().lines().count(), 2);
}

#[test]
fn refusals_leave_the_log_byte_for_byte_unchanged() {
    let env = Env::new();
    env.ok(&["log", "talk", "--minutes", "10"]);
    let before = env.file_bytes("log.csv").unwrap();
    let cases: &[&[&str]] = &[
        &["log", "tlak"],
        &["log", "checkin", "--mood", "9"],
        &["log", "talk", "--minutes", "-5"],
        &["log", "talk", "--minutes", "1441"],
        &["log", "talk", "--date", "05/03/2026"],
        &["log", "talk", "--date", "tomorrow"],
        &["log", "answer"],
        &["log", "answer", "x", "--prompt", "no-such-prompt"],
        &["log"],
        &["log", "--no-input"],
    ];
    for args in cases {
        let err = env.fails(args, 2);
        assert!(!err.is_empty(), "{args:?} said nothing");
        assert_eq!(
            env.file_bytes("log.csv").unwrap(),
            before,
            "{args:?} changed the log"
        );
    }
}

#[test]
fn an_unknown_kind_suggests_the_nearest() {
    let env = Env::new();
    let err = env.fails(&["log", "aprecation"], 2);
    assert!(err.contains("did you mean appreciation?"), "{err}");
    // The kinds listed are those couple log records.
    assert!(err.ends_with(", sit-down, state-of-us\n"), "{err}");
    assert!(env.file("log.csv").is_none());
}

#[test]
fn without_a_terminal_a_missing_kind_fails_instead_of_waiting() {
    let env = Env::new();
    let err = env.fails(&["log"], 2);
    assert!(
        err.starts_with("couple: what to log? KIND is missing"),
        "{err}"
    );
    assert!(!env.data().exists());
}

#[test]
fn dates_backdate_through_phrases() {
    let env = Env::new();
    env.ok(&["log", "us-time", "--date", "last friday", "--minutes", "90"]);
    env.ok(&["log", "care", "--date", "3 days ago"]);
    let log = env.file("log.csv").unwrap();
    assert!(log.contains(",2026-11-20,alex,us-time,90,"), "{log}");
    assert!(log.contains(",2026-11-22,alex,care,"), "{log}");
}

#[test]
fn an_answer_refers_to_that_days_question_by_default() {
    let env = Env::new();
    let today = env.ok(&["prompt", "--format", "csv"]);
    let prompt_id = today
        .lines()
        .nth(1)
        .unwrap()
        .split(',')
        .next()
        .unwrap()
        .to_string();
    env.ok(&["log", "answer", "The walk by the river."]);
    assert!(
        env.file("log.csv")
            .unwrap()
            .contains(&format!(",answer,,,{prompt_id},The walk by the river.,"))
    );
    env.ok(&["log", "answer", "Another", "--prompt", "play-014"]);
    assert!(env.file("log.csv").unwrap().contains(",play-014,Another,"));
}

#[test]
fn undo_removes_only_the_callers_last_entry() {
    let env = Env::new();
    let first = env.ok(&["log", "care", "mine, first"]);
    let sam = env.as_partner("sam").ok(&["log", "care", "theirs"]);
    let second = env.ok(&["log", "talk", "mine, second"]);
    env.as_partner("sam")
        .ok(&["log", "repair", "theirs, later"]);
    let said = env.ok(&["log", "--undo"]);
    assert!(
        said.starts_with(&format!("removed {}", second.trim())),
        "{said}"
    );
    let log = env.file("log.csv").unwrap();
    assert!(
        log.contains(first.trim()) && log.contains(sam.trim()) && log.contains("theirs, later")
    );
    assert!(!log.contains(second.trim()));
    assert_eq!(log.lines().count(), 4);
}

#[test]
fn undo_with_nothing_to_undo_fails() {
    let env = Env::new();
    env.as_partner("sam").ok(&["log", "care"]);
    let err = env.fails(&["log", "--undo"], 1);
    assert!(err.contains("alex has no entry to undo"), "{err}");
}

#[test]
fn an_append_follows_a_spreadsheets_column_order_and_keeps_its_columns() {
    let env = Env::new();
    env.write(
        "log.csv",
        "\u{feff}note,kind,date,partner,id,where,logged_at,minutes,mood,prompt\r\nhello,care,2026-11-01,sam,aaaa,kitchen,2026-11-01T10:00:00+00:00,,,\r\n",
    );
    env.ok(&["log", "talk", "--minutes", "20", "by the window"]);
    let log = env.file("log.csv").unwrap();
    let last = log.lines().last().unwrap();
    assert!(
        last.starts_with("by the window,talk,2026-11-25,alex,"),
        "{last}"
    );
    assert!(log.ends_with("\r\n"), "CRLF is kept");
    assert!(log.starts_with("\u{feff}note,kind,"));
    assert!(log.contains("kitchen"));
    let review = env.ok(&["review", "--format", "json"]);
    assert!(review.contains("\"minutes\": 20"), "{review}");
}

#[test]
fn an_append_to_a_file_without_a_final_newline_starts_a_new_line() {
    let env = Env::new();
    env.write(
        "log.csv",
        format!("{HEADER}\nk1,2026-11-24,sam,care,,,,hi,2026-11-24T10:00:00+00:00"),
    );
    env.ok(&["log", "care", "back"]);
    let log = env.file("log.csv").unwrap();
    assert_eq!(log.lines().count(), 3, "{log}");
    assert!(log.lines().nth(1).unwrap().ends_with("+00:00"));
}

#[test]
fn a_header_without_a_contract_column_is_refused_untouched() {
    let env = Env::new();
    let text = "id,date,partner,kind,note\nk1,2026-11-24,sam,care,hi\n";
    env.write("log.csv", text);
    let err = env.fails(&["log", "care"], 65);
    assert!(err.starts_with("couple: log.csv line 1: the header lacks the column(s) minutes, mood, prompt, logged_at"), "{err}");
    env.assert_file("log.csv", text);
}

#[test]
fn a_malformed_log_is_refused_naming_the_line_and_stays_unchanged() {
    let env = Env::new();
    let text =
        format!("{HEADER}\nk1,2026-11-24,sam,care,,,,hi,t\nk2,2026-11-24,sam,care,,,,\"torn");
    env.write("log.csv", &text);
    let err = env.fails(&["log", "care"], 65);
    assert!(err.starts_with("couple: log.csv line 3:"), "{err}");
    let err = env.fails(&["log", "--undo"], 65);
    assert!(err.starts_with("couple: log.csv line 3:"), "{err}");
    let err = env.fails(&["review"], 65);
    assert!(err.starts_with("couple: log.csv line 3:"), "{err}");
    env.assert_file("log.csv", &text);
}

#[test]
fn undo_keeps_a_spreadsheets_byte_order_mark_and_line_ends() {
    let env = Env::new();
    env.write(
        "log.csv",
        format!("\u{feff}{HEADER}\r\nk1,2026-11-24,alex,care,,,,hi,2026-11-24T10:00:00+00:00\r\n"),
    );
    env.ok(&["log", "talk"]);
    env.ok(&["log", "--undo"]);
    env.assert_file(
        "log.csv",
        &format!("\u{feff}{HEADER}\r\nk1,2026-11-24,alex,care,,,,hi,2026-11-24T10:00:00+00:00\r\n"),
    );
}

#[test]
fn a_date_beyond_four_digit_years_is_refused_and_nothing_written() {
    let env = Env::new();
    env.fails(&["log", "care", "--date", "3000 years ago"], 2);
    env.fails(&["goals", "add", "far", "--due", "9000 years"], 2);
    assert!(!env.data().exists());
}
