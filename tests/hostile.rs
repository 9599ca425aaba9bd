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

const PAUSES_HEADER: &str = "id,from,to,rituals,partner,note,logged_at\n";

/// Alex's pauses.csv holds one pause; Sam's, which only arrived as a sync
/// tool's conflict copy named `copy`, another, covering today.
fn pauses_with_a_copy(env: &Env, copy: &str) {
    env.write(
        "pauses.csv",
        format!("{PAUSES_HEADER}alexaaaa,2026-12-20,2026-12-24,,alex,holidays,\n"),
    );
    env.write(
        copy,
        format!(
            "{PAUSES_HEADER}alexaaaa,2026-12-20,2026-12-24,,alex,holidays,\nsamsssss,2026-11-20,2026-11-30,talk,sam,a cold,\n"
        ),
    );
}

#[test]
fn a_pause_only_in_a_conflict_copy_is_read_then_folded_once() {
    for copy in [
        "pauses.sync-conflict-20261125-101010-ABCDEFG.csv",
        "pauses (Sam's conflicted copy 2026-11-25).csv",
    ] {
        let env = Env::new();
        pauses_with_a_copy(&env, copy);
        let listed = env.ok(&["rituals"]);
        assert!(listed.contains("samsssss"), "{copy}: {listed}");
        assert_eq!(listed.matches("alexaaaa").count(), 1, "{listed}");
        // Talk is paused: review --due does not nag about it.
        let due = env.ok(&["review", "--due"]);
        assert!(!due.contains("talk"), "{copy}: {due}");
        assert!(due.contains("sit-down"), "{due}");

        // The next write folds it in, each pause once, and sets the copy aside.
        let id = env.ok_with_stderr(
            &[
                "rituals",
                "pause",
                "--from",
                "2027-01-01",
                "--to",
                "2027-01-02",
            ],
            "paused every ritual from 2027-01-01 to 2027-01-02 (2 days)\n",
        );
        let pauses = env.file("pauses.csv").unwrap();
        assert!(
            pauses.starts_with(&format!(
                "{PAUSES_HEADER}alexaaaa,2026-12-20,2026-12-24,,alex,holidays,\nsamsssss,2026-11-20,2026-11-30,talk,sam,a cold,\n{}",
                id.trim()
            )),
            "{pauses}"
        );
        assert_eq!(pauses.lines().count(), 4, "{pauses}");
        env.assert_no_file(copy);
        assert!(env.path(".merged").join(copy).exists(), "{copy}");
        let due = env.ok(&["review", "--due"]);
        assert!(!due.contains("talk"), "{due}");
    }
}

#[test]
fn unpausing_a_pause_a_copy_holds_folds_the_copy_and_removes_it() {
    let env = Env::new();
    let copy = "pauses.sync-conflict-20261125-101010-ABCDEFG.csv";
    pauses_with_a_copy(&env, copy);
    env.ok_with_stderr(
        &["rituals", "unpause", "samsssss"],
        "removed pause samsssss\n",
    );
    env.assert_file(
        "pauses.csv",
        &format!("{PAUSES_HEADER}alexaaaa,2026-12-20,2026-12-24,,alex,holidays,\n"),
    );
    env.assert_no_file(copy);
    let due = env.ok(&["review", "--due"]);
    assert!(due.contains("talk"), "{due}");
}

#[test]
fn a_ritual_only_in_a_conflict_copy_is_read_then_folded() {
    let env = Env::new();
    let header = "name,kinds,target,per,minutes\n";
    env.write("rituals.csv", format!("{header}talk,talk,5,week,\n"));
    let copy = "rituals (Sam's conflicted copy 2026-11-25).csv";
    env.write(
        copy,
        format!("{header}talk,talk,3,week,\ncloseness,affection,2,week,\n"),
    );
    let listed = env.ok(&["rituals"]);
    assert!(listed.contains("closeness"), "{listed}");
    assert!(
        listed.contains("5/week"),
        "the file's own version first: {listed}"
    );
    // A write folds it in; the one the file and the copy hold otherwise is said.
    let run = env.run(&["rituals", "set", "talk", "4/week"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr
            .contains(&format!("{copy} had talk otherwise than rituals.csv")),
        "{}",
        run.stderr
    );
    env.assert_file(
        "rituals.csv",
        &format!("{header}talk,talk,4,week,\ncloseness,affection,2,week,\n"),
    );
    env.assert_no_file(copy);
    assert!(env.path(".merged").join(copy).exists());
}

#[test]
fn a_bad_row_in_a_pauses_copy_is_named_with_the_copy() {
    let env = Env::new();
    let copy = "pauses.sync-conflict-20261125-101010-ABCDEFG.csv";
    env.write("pauses.csv", PAUSES_HEADER);
    env.write(
        copy,
        format!("{PAUSES_HEADER}x,2026-11-30,2026-11-20,,sam,,\n"),
    );
    let err = env.fails(&["rituals"], 65);
    assert!(
        err.starts_with(&format!("couple: {copy} line 2: column to:")),
        "{err}"
    );
}

/// Runs couple with its stdout on /dev/full: (exit code, stderr).
fn to_full_disk(env: &Env, args: &[&str]) -> Option<(i32, String)> {
    let full = std::fs::OpenOptions::new().write(true).open("/dev/full");
    if !crate::harness::require("/dev/full", full.is_ok()) {
        return None;
    }
    let out = env
        .std_command(args)
        .stdout(full.unwrap())
        .output()
        .unwrap();
    Some((
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    ))
}

/// The id in stderr's first line, "… {what} ID was recorded".
fn recorded<'s>(stderr: &'s str, what: &str) -> &'s str {
    let first = stderr.lines().next().unwrap_or_default();
    let prefix = format!("couple: warning: writing output: No space left on device; {what} ");
    first
        .strip_prefix(&prefix)
        .and_then(|rest| rest.strip_suffix(" was recorded"))
        .unwrap_or_else(|| panic!("unexpected stderr: {stderr}"))
}

#[test]
fn a_pause_whose_output_fails_is_recorded_once_and_exits_0() {
    let env = Env::new();
    let Some((code, stderr)) = to_full_disk(
        &env,
        &[
            "rituals",
            "pause",
            "--from",
            "2026-12-01",
            "--to",
            "2026-12-02",
            "trip",
        ],
    ) else {
        return;
    };
    assert_eq!(code, 0, "{stderr}");
    let id = recorded(&stderr, "the pause");
    assert!(
        stderr.contains("\nhint: do not run the command again: that would record it twice\n"),
        "{stderr}"
    );
    let pauses = env.file("pauses.csv").unwrap();
    assert_eq!(pauses.lines().count(), 2, "{pauses}");
    assert!(
        pauses.contains(&format!("{id},2026-12-01,2026-12-02,,alex,trip,")),
        "{pauses}"
    );
}

#[test]
fn a_skip_or_a_deck_upgrade_whose_output_fails_is_recorded_and_exits_0() {
    let env = Env::new();
    env.ok(&["log", "care"]);
    let Some((code, stderr)) = to_full_disk(&env, &["prompt", "--skip"]) else {
        return;
    };
    assert_eq!(code, 0, "{stderr}");
    let id = recorded(&stderr, "the skip");
    let log = env.file("log.csv").unwrap();
    assert!(
        log.contains(&format!("{id},{},alex,skip,", crate::harness::TODAY)),
        "{log}"
    );

    // A directory on edition 1 (it held data before editions).
    let old = Env::new();
    old.write(
        "log.csv",
        "id,date,partner,kind,minutes,mood,prompt,note,logged_at\n",
    );
    let (code, stderr) = to_full_disk(&old, &["prompt", "--upgrade-deck"]).unwrap();
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stderr.starts_with(
            "couple: warning: writing output: No space left on device; the upgrade to deck edition "
        ),
        "{stderr}"
    );
    assert!(old.file("settings.csv").unwrap().contains("deck_edition,"));
    // Nothing written, nothing to warn about: an output failure fails.
    let (code, stderr) = to_full_disk(&old, &["prompt", "--upgrade-deck"]).unwrap();
    assert_eq!(code, 1, "{stderr}");
}

#[test]
fn a_name_with_a_line_break_or_control_character_is_refused_with_exit_2() {
    let env = Env::new();
    for name in [
        "a\nb",
        "a\rb",
        "a\tb",
        "a\u{1b}[2Jb",
        "a\u{85}b",
        "a\u{2028}b",
    ] {
        let err = env.fails(&["--partner", name, "log", "care", "x"], 2);
        assert!(err.starts_with("couple: --partner \"a"), "{name:?}: {err}");
        assert!(err.contains("\nhint: "), "{err}");
        assert!(
            !err.chars().any(|c| c.is_control() && c != '\n'),
            "the name is shown escaped: {err:?}"
        );
        let err = env.as_partner(name).fails(&["log", "care", "x"], 2);
        assert!(
            err.starts_with("couple: COUPLE_PARTNER \"a"),
            "{name:?}: {err}"
        );
        env.fails(&["history", "--partner", name], 2);
        env.fails(&["goals", "add", "g", "--owner", name], 2);
    }
    env.assert_no_file("log.csv");
    env.assert_no_file("goals.csv");
    // The plain name still works, spaces and accents too.
    env.as_partner("Émile O'Neil").ok(&["log", "care", "x"]);
    assert!(env.ok(&["history"]).contains("Émile O'Neil"));
}

/// Writes an executable hook under HOME/.config/couple/hooks.
#[cfg(unix)]
fn hook(env: &Env, name: &str, script: &str) {
    use std::os::unix::fs::PermissionsExt;
    let dir = env.home().join(".config/couple/hooks");
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, format!("#!/bin/sh\n{script}\n")).unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).unwrap();
}

#[cfg(unix)]
#[test]
fn a_hook_that_never_reads_a_large_row_is_stopped_at_the_timeout() {
    use std::time::{Duration, Instant};
    let env = Env::new();
    hook(&env, "post-log", "sleep 60");
    let note = "x".repeat(100_000);
    let started = Instant::now();
    let run = env.run(&["log", "care", &note]);
    let took = started.elapsed();
    assert_eq!(run.code, 0, "{run:?}");
    assert!(
        took < Duration::from_secs(40),
        "the timeout did not hold: {took:?}"
    );
    assert_eq!(
        run.stderr,
        "couple: warning: hook post-log took longer than 5 s and was stopped; \
         the entry is recorded all the same\n"
    );
    let log = env.file("log.csv").unwrap();
    assert_eq!(log.lines().count(), 2);
    assert!(log.contains(&note));
}

#[cfg(unix)]
#[test]
fn a_hook_reading_a_large_row_gets_all_of_it() {
    let env = Env::new();
    let got = env.home().join("got.json");
    hook(&env, "post-log", &format!("cat > '{}'", got.display()));
    let note = "y".repeat(100_000);
    env.ok(&["log", "care", &note]);
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(got).unwrap()).unwrap();
    assert_eq!(json["note"].as_str().unwrap(), note);
}

const LOG_HEADER: &str = "id,date,partner,kind,minutes,mood,prompt,note,logged_at";

/// What couple says of git's markers in `shown` (as errors name it) at
/// `line`; `file` is what git adds.
fn conflict_markers_said(shown: &str, file: &str, line: u32) -> String {
    format!(
        "couple: {shown} line {line}: holds git conflict markers (an unresolved merge): <<<<<<<, ======= and >>>>>>> lines are still in the file\n\
         hint: resolve it by hand: keep the rows you want from each side, delete the marker lines, then git add {file} and commit; \
         or git merge --abort, register couple's merge driver (couple merge-driver --help) and merge again\n"
    )
}

#[test]
fn the_merge_driver_names_git_conflict_markers_in_a_version() {
    for end in ["\n", "\r\n"] {
        let env = Env::new();
        let lines = |rows: &[&str]| rows.join(end) + end;
        let base = lines(&[LOG_HEADER, "a1,2026-11-01,alex,care,,,,x,"]);
        let ours = lines(&[
            LOG_HEADER,
            "a1,2026-11-01,alex,care,,,,x,",
            "<<<<<<< HEAD",
            "a2,2026-11-02,alex,care,,,,y,",
            "=======",
            "a3,2026-11-02,sam,care,,,,z,",
            ">>>>>>> origin/main",
        ]);
        let theirs = lines(&[
            LOG_HEADER,
            "a1,2026-11-01,alex,care,,,,x,",
            "a4,2026-11-03,sam,care,,,,w,",
        ]);
        let dir = env.home();
        for (name, text) in [("base", &base), ("ours", &ours), ("theirs", &theirs)] {
            std::fs::write(dir.join(name), text).unwrap();
        }
        let err = env.fails(&["merge-driver", "base", "ours", "theirs", "log.csv"], 65);
        assert_eq!(
            err,
            conflict_markers_said("log.csv (ours)", "log.csv", 3),
            "{end:?}"
        );
        assert_eq!(
            std::fs::read_to_string(dir.join("ours")).unwrap(),
            ours,
            "nothing written"
        );
        let err = env.fails(&["merge-driver", "base", "theirs", "ours", "log.csv"], 65);
        assert!(
            err.starts_with("couple: log.csv (theirs) line 3: holds git conflict markers"),
            "{err}"
        );
    }
}

#[test]
fn conflict_markers_in_the_rows_of_a_small_file_are_named_as_such() {
    let env = Env::new();
    env.write(
        "pauses.csv",
        format!(
            "{PAUSES_HEADER}<<<<<<< HEAD\np1,2026-11-20,2026-11-30,,alex,,\n=======\np2,2026-11-21,2026-11-30,,sam,,\n>>>>>>> theirs\n"
        ),
    );
    assert_eq!(
        env.fails(&["rituals"], 65),
        conflict_markers_said("pauses.csv", "pauses.csv", 2)
    );
    env.write(
        "goals.csv",
        "id,title,horizon,status,owner,due,created,closed,note,updated_at\n\
         g1,Tango,someday,open,us,,2026-11-01,,,\n=======\n",
    );
    assert_eq!(
        env.fails(&["goals", "list"], 65),
        conflict_markers_said("goals.csv", "goals.csv", 3)
    );
}

#[test]
fn an_unpaused_pause_never_comes_back_from_a_copy_or_the_other_machines_file() {
    let env = Env::new();
    let copy = "pauses.sync-conflict-20261125-101010-ABCDEFG.csv";
    let both = format!(
        "{PAUSES_HEADER}alexaaaa,2026-12-20,2026-12-24,,alex,holidays,\nsamsssss,2026-11-20,2026-11-30,talk,sam,a cold,\n"
    );
    env.write("pauses.csv", &both);
    env.ok_with_stderr(
        &["rituals", "unpause", "samsssss"],
        "removed pause samsssss\n",
    );
    let removed = env.file("removed.csv").unwrap();
    assert!(removed.contains("\nsamsssss,alex,"), "{removed}");
    // Sam's machine had not seen the unpause: its file arrives as a copy…
    env.write(copy, &both);
    assert!(!env.ok(&["rituals"]).contains("samsssss"));
    assert!(env.ok(&["review", "--due"]).contains("talk"));
    // …or wins the name.
    env.write("pauses.csv", &both);
    assert!(!env.ok(&["rituals"]).contains("samsssss"));
    // The next write folds the copy and leaves the removed pause out.
    env.ok(&[
        "-q",
        "rituals",
        "pause",
        "--from",
        "2027-01-01",
        "--to",
        "2027-01-02",
    ]);
    let pauses = env.file("pauses.csv").unwrap();
    assert!(!pauses.contains("samsssss"), "{pauses}");
    assert!(pauses.contains("alexaaaa"), "{pauses}");
    env.assert_no_file(copy);
}

#[test]
fn a_quote_never_closed_in_a_small_file_is_a_torn_end_not_a_lost_row() {
    let env = Env::new();
    let goals = "id,title,horizon,status,owner,due,created,closed,note\n\
                 g1,Tango,someday,open,us,,2026-11-01,,\"note\n\
                 g2,Walk,someday,open,us,,2026-11-01,,note\n";
    env.write("goals.csv", goals);
    let torn = "couple: goals.csv line 2: a quote opened in this row is never closed: the end of the file looks torn\n\
                hint: close the quote or remove the broken row in a text editor (the rows after it read as part of it)\n";
    // Before, the read took g2 into g1's note, and the write lost it.
    assert_eq!(env.fails(&["goals", "add", "new"], 65), torn);
    assert_eq!(env.fails(&["goals", "list"], 65), torn);
    env.assert_file("goals.csv", goals);

    let pauses = format!(
        "{PAUSES_HEADER}p1,2026-11-20,2026-11-30,,alex,\"a cold,\np2,2026-12-20,2026-12-24,,sam,trip,\n"
    );
    env.write("pauses.csv", &pauses);
    let err = env.fails(&["rituals", "unpause", "p1"], 65);
    assert!(
        err.starts_with("couple: pauses.csv line 2: a quote opened in this row is never closed"),
        "{err}"
    );
    env.assert_file("pauses.csv", &pauses);
}

#[test]
fn a_settings_copy_is_folded_in_by_the_next_write_the_newer_deck_pin_winning() {
    let env = Env::new();
    let copy = "settings.sync-conflict-20261125-101010-ABCDEFG.csv";
    // Sam set the couple's time zone while Alex upgraded the deck.
    env.write(
        "settings.csv",
        "key,value\ntimezone,Europe/Berlin\ndeck_edition,1\n",
    );
    env.write(
        copy,
        "key,value\ndeck_edition,2\ndeck_edition_since,2026-11-20\ndeck_edition_before,1\ndeck_edition_needs,0.1.0\n",
    );
    env.ok(&["-q", "log", "care", "x"]);
    env.assert_file(
        "settings.csv",
        "key,value\ntimezone,Europe/Berlin\ndeck_edition,2\ndeck_edition_since,2026-11-20\ndeck_edition_before,1\ndeck_edition_needs,0.1.0\n",
    );
    env.assert_no_file(copy);
    assert!(env.path(".merged").join(copy).exists());

    // The other way round: the main file's newer pin stays, the copy's
    // time zone joins it.
    let env = Env::new();
    env.write(
        "settings.csv",
        "key,value\ndeck_edition,2\ndeck_edition_since,2026-11-20\ndeck_edition_before,1\n",
    );
    env.write(copy, "key,value\ntimezone,Europe/Berlin\ndeck_edition,1\n");
    env.ok(&["-q", "goals", "add", "g"]);
    env.assert_file(
        "settings.csv",
        "key,value\ndeck_edition,2\ndeck_edition_since,2026-11-20\ndeck_edition_before,1\ntimezone,Europe/Berlin\n",
    );
    env.assert_no_file(copy);
}

#[test]
fn a_bad_settings_copy_is_named_and_nothing_is_written() {
    let env = Env::new();
    let copy = "settings (Sam's conflicted copy 2026-11-25).csv";
    env.write("settings.csv", "key,value\ndeck_edition,1\n");
    env.write(copy, "key,value\ntimezone,Mars/Olympus\n");
    let err = env.fails(&["log", "care", "x"], 65);
    assert!(
        err.starts_with(&format!("couple: {copy} line 2: column value:")),
        "{err}"
    );
    env.assert_no_file("log.csv");
    env.assert_file("settings.csv", "key,value\ndeck_edition,1\n");
}

/// Blank lines above a bad row (a hand edit leaves them) are counted: the
/// line named is the row's own, in LF and CRLF files, for a bad cell, a
/// short row and a merge marker alike.
#[test]
fn a_bad_row_after_blank_lines_is_named_at_its_own_line() {
    let env = Env::new();
    let header = "id,date,partner,kind,minutes,mood,prompt,note,logged_at";
    for (bad, message) in [
        ("b1,2020-01-02,sam,talk,zz,,,x,y", "line 5: column minutes"),
        (
            "b1,2020-01-02,sam,talk,5,,,x",
            "line 5: expected 9 fields, found 8",
        ),
        ("<<<<<<< HEAD", "line 5"),
    ] {
        for end in ["\n", "\r\n"] {
            let lines = [header, "g1,2020-01-01,sam,talk,5,,,x,y", "", "", bad, ""];
            env.write("log.csv", lines.join(end));
            let err = env.fails(&["export"], 65);
            assert!(
                err.starts_with(&format!("couple: log.csv {message}")),
                "{bad:?} {end:?}: {err}"
            );
        }
    }
}
