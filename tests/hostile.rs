//! Bugs a hostile tester found, each pinned through the built binary.

use crate::harness::Env;

/// Sam answers today's question; Alex has not.
fn sam_answered(env: &Env) {
    env.as_partner("sam")
        .ok(&["log", "answer", "-q", "SAM HIDDEN"]);
}

#[test]
fn history_partner_filter_keeps_the_blind_rule_for_the_reader() {
    let env = Env::new();
    sam_answered(&env);
    for args in [
        &["history", "--partner", "sam"][..],
        &["--partner", "sam", "history"],
        &["history", "--partner", "sam", "--format", "csv"],
        &["history", "--partner", "sam", "--format", "json"],
        &["history", "--partner", "sam", "--grep", "hidden"],
    ] {
        let out = env.ok(args);
        assert!(!out.contains("SAM HIDDEN"), "{args:?} showed:\n{out}");
    }
    // The filter still filters: only sam's rows.
    env.ok(&["log", "care", "ALEX CARE"]);
    let out = env.ok(&["history", "--partner", "sam"]);
    assert!(out.contains("sam answered"), "{out}");
    assert!(!out.contains("ALEX CARE"), "{out}");
    // Once Alex answers, the same filter shows Sam's answer.
    env.ok(&["log", "answer", "-q", "mine"]);
    let out = env.ok(&["history", "--partner", "sam"]);
    assert!(out.contains("SAM HIDDEN"), "{out}");
    assert!(!out.contains("mine"), "{out}");
}

#[test]
fn history_partner_filter_without_a_reader_hides_every_answer() {
    let env = Env::new();
    sam_answered(&env);
    let mut cmd = env.command(&["history", "--partner", "sam"]);
    cmd.env_remove("COUPLE_PARTNER")
        .env_remove("USER")
        .env_remove("LOGNAME");
    let run = crate::harness::run(cmd);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(!run.stdout.contains("SAM HIDDEN"), "{}", run.stdout);
}

#[test]
fn review_partner_filter_keeps_the_blind_rule_for_the_reader() {
    let env = Env::new();
    sam_answered(&env);
    for args in [
        &["review", "--partner", "sam"][..],
        &["review", "--partner", "sam", "--format", "html"],
        &["review", "--partner", "sam", "--format", "json"],
        &["review", "--partner", "sam", "--format", "csv"],
        &["review", "--partner", "sam", "--due"],
    ] {
        let run = env.run(args);
        assert!(
            !run.stdout.contains("SAM HIDDEN"),
            "{args:?} showed:\n{}",
            run.stdout
        );
    }
    let page = env.home().join("page.html");
    env.ok(&[
        "review",
        "--partner",
        "sam",
        "--format",
        "html",
        "-o",
        page.to_str().unwrap(),
    ]);
    let html = std::fs::read_to_string(page).unwrap();
    assert!(!html.contains("SAM HIDDEN"), "{html}");
}

/// A header and eight good rows, then a bad date on file line 10, with
/// `end` ending every line.
fn log_with_a_bad_date_on_line_10(end: &str) -> String {
    let mut rows = vec!["id,date,partner,kind,minutes,mood,prompt,note,logged_at".to_string()];
    for i in 1..=8 {
        rows.push(format!("a{i:07},2026-11-0{i},alex,care,,,,note {i},"));
    }
    rows.push("bbbbbbbb,2026-13-45,alex,care,,,,bad,".to_string());
    rows.join(end) + end
}

#[test]
fn a_bad_row_is_named_by_its_file_line_whatever_the_line_ends() {
    for end in ["\n", "\r\n", "\r"] {
        let env = Env::new();
        env.write("log.csv", log_with_a_bad_date_on_line_10(end));
        for args in [&["history"][..], &["review"], &["export"]] {
            let err = env.fails(args, 65);
            assert!(
                err.starts_with("couple: log.csv line 10: column date:"),
                "{end:?} {args:?}: {err}"
            );
        }
    }
}

#[test]
fn a_short_row_and_a_multi_line_note_in_a_crlf_file_are_named_by_file_line() {
    let env = Env::new();
    let header = "id,date,partner,kind,minutes,mood,prompt,note,logged_at";
    env.write(
        "log.csv",
        [
            header,
            "a0000001,2026-11-01,alex,care,,,,\"two\r\nlines\",",
            "a0000002,2026-11-02,alex,care,,,,x,",
            "a0000003,2026-11-03,alex,care,,,x,",
            "",
        ]
        .join("\r\n"),
    );
    let err = env.fails(&["history"], 65);
    assert!(
        err.starts_with("couple: log.csv line 5: expected 9 fields, found 8"),
        "{err}"
    );
}
