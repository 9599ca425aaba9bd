//! Data safety, round two: the holes an adversarial run found (issue 11).
//! Exports never land on couple's own files nor leak to other users, a
//! failed append leaves nothing behind, output failing after a write does
//! not invite a second one, and shared text never drives the terminal.

#![cfg(unix)]

use std::fmt::Write as _;
use std::fs;
use std::os::unix::fs::{PermissionsExt, symlink};
use std::process::Command;

use crate::harness::{Env, require, require_tool, tree};

const HEADER: &str = "id,date,partner,kind,minutes,mood,prompt,note,logged_at\n";
const ROWS: &str = "\
e1,2026-11-20,alex,talk,15,4,listen-001,after dinner,2026-11-20T21:00:00+00:00
e2,2026-11-21,sam,care,,,,left a note,2026-11-21T08:00:00+00:00
";

fn with_log(rows: &str) -> Env {
    let env = Env::new();
    env.write("log.csv", format!("{HEADER}{rows}"));
    env
}

fn mode(path: &std::path::Path) -> u32 {
    fs::metadata(path).unwrap().permissions().mode() & 0o777
}

/// couple run by `sh -c SCRIPT`, whose `exec couple` keeps the shell's pid
/// (`$$`): what a local attacker who guesses pids can prepare.
fn sh(env: &Env, script: &str) -> std::process::Output {
    Command::new("sh")
        .arg("-c")
        .arg(script)
        .env_clear()
        .envs(env.vars(&env.partner))
        .env("COUPLE", env!("CARGO_BIN_EXE_couple"))
        .current_dir(env.home())
        .output()
        .unwrap()
}

// --- 2. export -o never overwrites a data file --------------------------

#[test]
fn export_through_a_symlink_to_the_log_is_refused_and_the_log_kept() {
    let env = with_log(ROWS);
    let before = env.file("log.csv");
    symlink(env.path("log.csv"), env.home().join("log.csv")).unwrap();
    for args in [
        &["export", "--excel", "-o", "log.csv"][..],
        &["export", "goals", "-o", "log.csv"],
    ] {
        let err = env.fails(args, 2);
        assert!(
            err.starts_with("couple: log.csv is couple's own log.csv: refusing to overwrite it\n"),
            "{err}"
        );
        assert_eq!(env.file("log.csv"), before);
    }
}

#[test]
fn export_onto_a_data_file_spelled_in_another_case_or_through_a_linked_dir_is_refused() {
    let env = with_log(ROWS);
    env.write(
        "goals.csv",
        "id,title,horizon,status,owner,due,created,closed,note,updated_at\n",
    );
    symlink(env.data(), env.home().join("linked")).unwrap();
    for target in [
        "data/LOG.CSV",
        "linked/log.csv",
        "linked/Goals.csv",
        "data/.lock",
    ] {
        let err = env.fails(&["export", "-o", target], 2);
        assert!(err.contains("refusing to overwrite it"), "{target}: {err}");
    }
    // A dangling link into the data directory is refused too: the write
    // would create the data file.
    fs::remove_file(env.path("goals.csv")).unwrap();
    symlink(env.path("goals.csv"), env.home().join("dangling.csv")).unwrap();
    env.fails(&["export", "-o", "dangling.csv"], 2);
    assert!(!env.path("goals.csv").exists());
    assert!(!env.path("LOG.CSV").exists());
    assert_eq!(env.file("log.csv"), Some(format!("{HEADER}{ROWS}")));
}

// --- 3. export -o into a shared directory --------------------------------

#[test]
fn a_symlink_planted_at_the_old_predictable_temporary_name_is_not_followed() {
    let env = with_log(ROWS);
    let victim = env.home().join("victim.txt");
    fs::write(&victim, "the victim's own file\n").unwrap();
    // The name the temporary file used to have: .couple-tmp-NAME-PID.
    let out = sh(
        &env,
        "ln -s victim.txt .couple-tmp-out.csv-$$ && exec \"$COUPLE\" export -o out.csv",
    );
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    assert_eq!(
        fs::read_to_string(&victim).unwrap(),
        "the victim's own file\n"
    );
    assert_eq!(
        fs::read_to_string(env.home().join("out.csv")).unwrap(),
        format!("{HEADER}{ROWS}")
    );
}

#[test]
fn a_file_pre_created_at_the_old_temporary_name_never_holds_the_export() {
    let env = with_log(ROWS);
    // Another user makes the file first, readable by all, to read it later.
    let out = sh(
        &env,
        "umask 022; : > .couple-tmp-out.csv-$$ && exec \"$COUPLE\" export -o out.csv",
    );
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let exported = env.home().join("out.csv");
    assert_eq!(mode(&exported), 0o600, "the export is private");
    assert_eq!(
        fs::read_to_string(&exported).unwrap(),
        format!("{HEADER}{ROWS}")
    );
    let planted: Vec<_> = tree(env.home())
        .into_iter()
        .filter(|p| p.to_string_lossy().contains(".couple-tmp-"))
        .collect();
    assert_eq!(planted.len(), 1, "the planted file is left as it was");
    assert_eq!(fs::read(&planted[0]).unwrap(), b"");
}

#[test]
fn a_symlink_owned_by_someone_else_is_refused() {
    let env = with_log(ROWS);
    let victim = env.home().join("victim.txt");
    fs::write(&victim, "mine\n").unwrap();
    let link = env.home().join("out.csv");
    symlink(&victim, &link).unwrap();
    // Only root can give a link away; 65534 is `nobody`.
    let given = std::os::unix::fs::lchown(&link, Some(65534), Some(65534)).is_ok();
    if !require("root, to give a symlink to another user", given) {
        return;
    }
    let err = env.fails(&["export", "-o", "out.csv"], 2);
    assert!(
        err.starts_with(
            "couple: out.csv is a symbolic link owned by someone else: refusing to write through it\n"
        ),
        "{err}"
    );
    assert_eq!(fs::read_to_string(&victim).unwrap(), "mine\n");
}

// --- 11. leftovers and clean-ups ------------------------------------------

#[test]
fn a_temporary_file_left_beside_a_symlinks_target_is_cleaned_by_the_next_write() {
    let env = Env::new();
    let elsewhere = env.home().join("synced");
    fs::create_dir(&elsewhere).unwrap();
    fs::write(
        elsewhere.join("goals-real.csv"),
        "id,title,horizon,status,owner,due,created,closed,note,updated_at\n",
    )
    .unwrap();
    env.write("log.csv", format!("{HEADER}{ROWS}"));
    symlink(elsewhere.join("goals-real.csv"), env.path("goals.csv")).unwrap();
    let leftover = elsewhere.join(".couple-tmp-goals-real.csv-4242");
    fs::write(&leftover, "half a rewrite").unwrap();
    let unrelated = elsewhere.join(".couple-tmp-notes.txt-4242");
    fs::write(&unrelated, "not ours").unwrap();

    env.ok(&["-q", "goals", "add", "Learn to tango"]);
    assert!(!leftover.exists(), "the crash's leftover is gone");
    assert!(
        unrelated.exists(),
        "what is not a data file's is left alone"
    );
    assert!(
        fs::symlink_metadata(env.path("goals.csv"))
            .unwrap()
            .file_type()
            .is_symlink()
    );
}

#[test]
fn an_export_written_into_the_data_dir_survives_a_concurrent_writers_clean_up() {
    let env = with_log(ROWS);
    // What an export to DIR/out.csv has on disk while it is being written.
    let in_progress = env.path(".couple-tmp-out.csv-8Zk2QmPq7Rx1");
    fs::write(&in_progress, HEADER).unwrap();
    let crashed = env.path(".couple-tmp-log.csv-31337");
    fs::write(&crashed, HEADER).unwrap();
    env.ok(&["-q", "log", "care", "tea"]);
    assert!(
        in_progress.exists(),
        "another command's temporary file is left"
    );
    assert!(
        !crashed.exists(),
        "a crashed rewrite of the log is cleaned up"
    );
}

// --- 4. a failed append leaves nothing behind ------------------------------

#[test]
fn an_append_that_fails_part_way_is_taken_back_and_says_nothing_was_recorded() {
    let env = with_log(ROWS);
    let before = env.file_bytes("log.csv").unwrap();
    if !require_tool("prlimit") {
        return;
    }
    // A file-size limit 20 bytes past the end: the kernel takes the first
    // 20 bytes of the row and refuses the rest (EFBIG), as a disk that
    // fills up part-way would. The shell's `trap '' XFSZ` turns the signal
    // off so that the write fails instead of killing couple.
    let limit = before.len() + 20;
    let out = sh(
        &env,
        &format!(
            "trap '' XFSZ; exec prlimit --fsize={limit} \"$COUPLE\" log care 'a note long enough to be cut in two'"
        ),
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert_eq!(out.stdout, b"", "no id: nothing was recorded");
    let path = env.path("log.csv");
    assert_eq!(
        stderr,
        format!(
            "couple: cannot append to {}: File too large; nothing was recorded\n\
             hint: the file is as it was: make room (or fix the cause), then run the command again\n",
            path.display()
        )
    );
    assert_eq!(
        env.file_bytes("log.csv").unwrap(),
        before,
        "byte for byte as it was"
    );
    // And the next commands work, without an edit.
    env.ok(&["review"]);
    let id = env.ok(&["log", "care", "tea"]);
    assert!(env.file("log.csv").unwrap().contains(id.trim()));
}

// --- 7. output failing after a recorded write ------------------------------

/// Runs couple with its stdout on /dev/full.
fn to_full_disk(env: &Env, args: &[&str]) -> Option<(i32, String)> {
    let full = fs::OpenOptions::new().write(true).open("/dev/full");
    if !require("/dev/full", full.is_ok()) {
        return None;
    }
    let full = full.unwrap();
    let out = env.std_command(args).stdout(full).output().unwrap();
    Some((
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    ))
}

/// The one id in `stderr`'s "… ID was recorded" line.
fn recorded_id<'s>(stderr: &'s str, what: &str) -> &'s str {
    let first = stderr.lines().next().unwrap_or_default();
    let prefix = format!("couple: warning: writing output: No space left on device; {what} ");
    first
        .strip_prefix(&prefix)
        .and_then(|rest| rest.strip_suffix(" was recorded"))
        .unwrap_or_else(|| panic!("unexpected stderr: {stderr}"))
}

#[test]
fn a_log_whose_output_fails_is_recorded_once_and_says_so_with_its_id() {
    let env = with_log(ROWS);
    let Some((code, stderr)) = to_full_disk(&env, &["log", "care", "y"]) else {
        return;
    };
    assert_eq!(code, 0, "{stderr}");
    let id = recorded_id(&stderr, "the entry");
    assert!(stderr.ends_with("\nhint: do not run the command again: that would record it twice\n"));
    let log = env.file("log.csv").unwrap();
    assert_eq!(
        log.lines()
            .filter(|l| l.starts_with(&format!("{id},")))
            .count(),
        1
    );
    assert!(
        log.lines().last().unwrap().contains(",alex,care,,,,y,"),
        "{log}"
    );
}

#[test]
fn a_goal_added_or_an_undo_whose_output_fails_is_recorded_and_exits_0() {
    let env = with_log(ROWS);
    let Some((code, stderr)) = to_full_disk(&env, &["goals", "add", "g"]) else {
        return;
    };
    assert_eq!(code, 0, "{stderr}");
    let id = recorded_id(&stderr, "the goal").to_string();
    let goals = env.file("goals.csv").unwrap();
    assert!(goals.contains(&format!("{id},g,")), "{goals}");

    let (code, stderr) = to_full_disk(&env, &["log", "--undo"]).unwrap();
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(recorded_id(&stderr, "the removal of"), "e1");
    assert!(!env.file("log.csv").unwrap().contains("e1,"));
}

// --- 8. control characters never reach the terminal raw --------------------

/// Retitles a terminal, then clears it; a carriage return and a C1 CSI.
const EVIL: &str = "\u{1b}]0;owned\u{7}\u{1b}[2J\r\u{9b}31m";

/// Whether `text` holds a control character other than a line break or tab.
fn raw_controls(text: &str) -> bool {
    text.chars()
        .any(|c| c.is_control() && c != '\n' && c != '\t')
}

/// Every shared file holds EVIL in every text a person is shown.
fn poisoned() -> Env {
    let env = Env::new();
    let q = |s: &str| format!("\"{s}\"");
    env.write(
        "log.csv",
        format!(
            "{HEADER}\
             a1,2026-11-25,alex,answer,,,listen-001,{},2026-11-25T08:00:00+00:00\n\
             s1,2026-11-25,{},answer,,,listen-001,{},2026-11-25T09:00:00+00:00\n\
             s2,2026-11-24,{},care,,,,{},2026-11-24T09:00:00+00:00\n\
             a2,2026-11-24,alex,care,,,,{},2026-11-24T10:00:00+00:00\n",
            q(&format!("mine {EVIL}")),
            q(&format!("sam{EVIL}")),
            q(&format!("theirs {EVIL}")),
            q(&format!("sam{EVIL}")),
            q(&format!("a note {EVIL}")),
            q(&format!("my note {EVIL}")),
        ),
    );
    env.write(
        "goals.csv",
        format!(
            "id,title,horizon,status,owner,due,created,closed,note,updated_at\n\
             {},{},year,open,{},2026-11-27,2026-11-01,,{},2026-11-01T10:00:00.000+00:00\n",
            "g1",
            q(&format!("Tango {EVIL}")),
            q(&format!("sam{EVIL}")),
            q(&format!("a goal note {EVIL}")),
        ),
    );
    env.write(
        "prompts.csv",
        format!(
            "id,theme,depth,text\nevil-001,{},light,{}\n",
            q(&format!("dark{EVIL}")),
            q(&format!("What {EVIL}?"))
        ),
    );
    env
}

#[test]
fn text_from_shared_files_reaches_the_terminal_with_control_characters_escaped() {
    let env = poisoned();
    // What was escaped is still there to read.
    let review = env.run(&["review"]).stdout;
    assert!(
        review.contains("  sam\\x1b]0;owned\\x07\\x1b[2J\\r\\u{9b}31m: theirs \\x1b]0;owned"),
        "{review}"
    );
    // The last two change the files, so they come last.
    let shown = [
        &["review"][..],
        &["review", "--due"],
        &["review", "--date", "2026-11-24"],
        &["goals", "list"],
        &["goals", "review", "--no-input"],
        &["prompt", "--id", "evil-001"],
        &[
            "prompt",
            "--list",
            "--theme",
            "dark\u{1b}]0;owned\u{7}\u{1b}[2J\r\u{9b}31m",
        ],
        &["prompt", "--themes"],
        &["export", "--partner", "nobody"],
        &["goals", "done", "g"],
        &["log", "--undo"],
    ];
    for args in shown {
        let run = env.run(args);
        assert_eq!(run.code, 0, "couple {args:?}: {}", run.stderr);
        let visible = if args[0] == "export" {
            run.stderr.clone()
        } else {
            format!("{}{}", run.stdout, run.stderr)
        };
        assert!(
            !raw_controls(&visible),
            "couple {args:?} shows raw control characters:\n{visible:?}"
        );
    }
}

#[test]
fn data_outputs_keep_control_characters_exact() {
    let env = poisoned();
    let export = env.ok(&["export", "--raw"]);
    assert!(export.contains(&format!("my note {EVIL}")), "{export:?}");
    let json = env.ok(&["export", "--format", "json"]);
    assert!(json.contains("my note \\u001b]0;owned\\u0007"), "{json}");
    let goals = env.ok(&["goals", "list", "--format", "csv", "--raw"]);
    assert!(goals.contains(&format!("Tango {EVIL}")), "{goals:?}");
    let review = env.ok(&["review", "--format", "json"]);
    assert!(review.contains("theirs \\u001b]0;owned"), "{review}");
}

// --- 11. errors and hints a person can use ---------------------------------

#[test]
fn an_undo_that_cannot_be_written_says_why_without_an_os_error_code() {
    let mut rows = String::new();
    for i in 0..200 {
        writeln!(
            rows,
            "r{i:03},2026-11-20,alex,care,,,,note {i},2026-11-20T10:00:00+00:00"
        )
        .unwrap();
    }
    let env = with_log(&rows);
    let before = env.file_bytes("log.csv").unwrap();
    if !require_tool("prlimit") {
        return;
    }
    // Room for half of the rewritten file: the temporary file cannot be
    // written whole.
    let limit = before.len() / 2;
    let out = sh(
        &env,
        &format!("trap '' XFSZ; exec prlimit --fsize={limit} \"$COUPLE\" log --undo"),
    );
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "couple: rewriting log.csv: File too large; nothing was removed\n"
    );
    assert_eq!(env.file_bytes("log.csv").unwrap(), before);
    let leftovers: Vec<_> = tree(&env.data())
        .into_iter()
        .filter(|p| p.to_string_lossy().contains(".couple-tmp-"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn a_hint_naming_a_path_works_pasted_into_a_shell() {
    let env = Env::new();
    let dir = env.home().join("Sam's data $HOME");
    fs::create_dir(&dir).unwrap();
    fs::set_permissions(&dir, fs::Permissions::from_mode(0o755)).unwrap();
    let run = crate::harness::run({
        let mut cmd = env.command(&["-q", "log", "care", "tea"]);
        cmd.env("COUPLE_DIR", &dir);
        cmd
    });
    assert_eq!(run.code, 0, "{}", run.stderr);
    let hint = run
        .stderr
        .lines()
        .find_map(|l| l.strip_prefix("hint: "))
        .unwrap_or_else(|| panic!("no hint in {:?}", run.stderr));
    assert_eq!(
        hint,
        "chmod 700 '".to_string() + &env.home().display().to_string() + "/Sam'\\''s data $HOME'"
    );
    let pasted = Command::new("sh").arg("-c").arg(hint).output().unwrap();
    assert!(pasted.status.success(), "{pasted:?}");
    assert_eq!(mode(&dir), 0o700);
}

// --- 1. an open quote at the end of the file is a torn end ------------------

const TORN_QUOTE: &str = "couple: log.csv line 2: a quote opened in this row is never closed: the end of the file looks torn\n\
    hint: close the quote or remove the broken row in a text editor (the rows after it read as part of it)\n";

#[test]
fn an_open_quote_at_the_end_is_refused_by_writes_and_reported_by_reads_with_its_line() {
    let env = Env::new();
    let torn = "id,date,partner,kind,minutes,mood,prompt,note,logged_at,where\n\
                ab,2026-11-24,alex,care,,,,tea,2026-11-24T10:00:00.000+00:00,\"the kitchen\n";
    env.write("log.csv", torn);
    for args in [
        &["log", "talk", "new"][..],
        &["log", "--undo"],
        &["review"],
        &["export"],
    ] {
        let stderr = env.fails(args, 65);
        assert_eq!(stderr, TORN_QUOTE, "{args:?}");
    }
    // JSON streams: what came before the torn end may be out already.
    let json = env.run(&["export", "--format", "json"]);
    assert_eq!((json.code, json.stderr.as_str()), (65, TORN_QUOTE));
    env.assert_file("log.csv", torn);
}

#[test]
fn an_open_quote_above_a_whole_looking_last_line_is_refused_too() {
    // Over 64 KiB, so that an append sees only the end of the file; the
    // last line parses on its own, but it sits inside the quote.
    let mut log = String::from(HEADER);
    for i in 0..2000 {
        writeln!(
            log,
            "r{i:04},2026-11-20,alex,care,,,,\"tea, with \"\"milk\"\"\",2026-11-20T10:00:00+00:00"
        )
        .unwrap();
    }
    log.push_str("ab,2026-11-24,alex,care,,,,\"the kitchen\n");
    log.push_str("cd,2026-11-24,sam,care,,,,flowers,2026-11-24T11:00:00+00:00\n");
    let env = Env::new();
    env.write("log.csv", &log);
    // Row ab swallows row cd into its note and comes out a field short;
    // the open quote, not the count, is what the message names.
    for args in [&["log", "talk", "new"][..], &["review"]] {
        let stderr = env.fails(args, 65);
        assert!(
            stderr.starts_with(
                "couple: log.csv line 2002: a quote opened in this row is never closed"
            ),
            "{args:?}: {stderr}"
        );
    }
    // With the open quote in its last field, the row has all its fields.
    log = log.replace(",\"the kitchen\n", ",tea,\"2026-11-24T10:00\n");
    env.write("log.csv", &log);
    let stderr = env.fails(&["log", "talk", "new"], 65);
    assert!(
        stderr.starts_with("couple: log.csv line 2002: a quote opened in this row is never closed"),
        "{stderr}"
    );
    env.assert_file("log.csv", &log);
}

// --- 6. every read validates every row it reads ----------------------------

/// A log whose row 2 is `bad`, followed by more than a MiB of good rows.
fn bad_row_far_from_the_end(bad: &[u8]) -> Env {
    let mut log = HEADER.as_bytes().to_vec();
    log.extend_from_slice(bad);
    for i in 0..15_000 {
        log.extend_from_slice(
            format!(
                "r{i:05},2026-11-20,alex,care,,,,a note long enough to fill a mebibyte soon,2026-11-20T10:00:00+00:00\n"
            )
            .as_bytes(),
        );
    }
    assert!(log.len() > 1024 * 1024);
    let env = Env::new();
    env.write("log.csv", log);
    env
}

#[test]
fn invalid_utf8_in_an_old_note_is_reported_by_every_read() {
    let env = bad_row_far_from_the_end(b"u0,2026-01-01,alex,care,,,,caf\xe9 in Latin-1,\n");
    for args in [
        &["review"][..],
        &["review", "--due"],
        &["export"],
        &["goals", "review", "--no-input"],
    ] {
        let stderr = env.fails(args, 65);
        assert_eq!(
            stderr,
            "couple: log.csv line 2: column note: is not valid UTF-8\n\
             hint: save the file as UTF-8 (in a spreadsheet: CSV, UTF-8)\n",
            "{args:?}"
        );
    }
}

#[test]
fn a_date_of_nul_bytes_far_from_the_end_is_reported_not_read_as_a_year() {
    let env = bad_row_far_from_the_end(b"n0,\0\0\0\0\0\0\0\0\0\0,alex,care,,,,x,\n");
    for args in [
        &["review", "--format", "json"][..],
        &["export", "--format", "json"],
    ] {
        let run = env.run(args);
        assert_eq!(run.code, 65, "{args:?}: {}", run.stderr);
        assert!(
            run.stderr
                .starts_with("couple: log.csv line 2: contains NUL bytes\n"),
            "{args:?}: {}",
            run.stderr
        );
        assert!(!run.stdout.contains("-262143"), "{args:?}");
    }
}

#[test]
fn a_character_split_across_two_fields_or_in_a_column_of_your_own_is_not_utf8() {
    let env = Env::new();
    // "é" is C3 A9: its halves at the end of one field and the start of
    // the next make valid UTF-8 only when the fields are put together.
    env.write(
        "log.csv",
        b"id,date,partner,kind,minutes,mood,prompt,note,logged_at\n\
          s1,2026-11-20,alex,care,,,ab\xc3,\xa9cd,\n"
            .as_slice(),
    );
    let stderr = env.fails(&["review"], 65);
    assert!(
        stderr.starts_with("couple: log.csv line 2: column prompt: is not valid UTF-8\n"),
        "{stderr}"
    );
    env.write(
        "log.csv",
        b"id,date,partner,kind,minutes,mood,prompt,note,logged_at,place\n\
          s1,2026-11-20,alex,care,,,,tea,,k\xfcche\n"
            .as_slice(),
    );
    let stderr = env.fails(&["review"], 65);
    assert!(
        stderr.starts_with("couple: log.csv line 2: column place: is not valid UTF-8\n"),
        "{stderr}"
    );
}

// --- 5. folding a log.csv copy keeps the users' own columns ----------------

const COPY: &str = "log.sync-conflict-20261125-101010-ABCDEF7.csv";

#[test]
fn folding_a_log_copy_keeps_the_users_own_columns_by_name() {
    let env = Env::new();
    env.write(
        "log.csv",
        "place,id,date,partner,kind,minutes,mood,prompt,note,logged_at\n\
         home,e1,2026-11-20,alex,talk,15,,,,2026-11-20T21:00:00+00:00\n",
    );
    // The copy has the columns in another order, and `place` in capitals.
    env.write(
        COPY,
        "id,date,partner,kind,minutes,mood,prompt,note,logged_at,PLACE\n\
         e1,2026-11-20,alex,talk,15,,,,2026-11-20T21:00:00+00:00,home\n\
         s1,2026-11-21,sam,care,,,,tea,2026-11-21T08:00:00+00:00,the kitchen\n",
    );
    let id = env.ok(&["log", "care", "a hug"]);
    let log = env.file("log.csv").unwrap();
    let lines: Vec<&str> = log.lines().collect();
    assert_eq!(lines.len(), 4, "{log}");
    assert_eq!(
        lines[2],
        "the kitchen,s1,2026-11-21,sam,care,,,,tea,2026-11-21T08:00:00+00:00"
    );
    assert!(
        lines[3].starts_with(&format!(",{},2026-11-25,alex,care,", id.trim())),
        "{log}"
    );
    assert!(!env.path(COPY).exists());
}

#[test]
fn a_column_only_the_copy_has_is_added_to_the_log() {
    let env = Env::new();
    env.write(
        "log.csv",
        "id,date,partner,kind,minutes,mood,prompt,note,logged_at\r\n\
         e1,2026-11-20,alex,talk,15,,,,2026-11-20T21:00:00+00:00\r\n",
    );
    env.write(
        COPY,
        "id,date,partner,kind,minutes,mood,prompt,note,logged_at,with\n\
         s1,2026-11-21,sam,care,,,,tea,2026-11-21T08:00:00+00:00,\"Mia, our cat\"\n",
    );
    env.ok(&["-q", "log", "--undo"]);
    env.assert_file(
        "log.csv",
        "id,date,partner,kind,minutes,mood,prompt,note,logged_at,with\r\n\
         s1,2026-11-21,sam,care,,,,tea,2026-11-21T08:00:00+00:00,\"Mia, our cat\"\r\n",
    );
    assert!(!env.path(COPY).exists());
    env.ok(&["review"]);
}

// --- 11. a half-done git merge ----------------------------------------------

#[test]
fn a_file_holding_git_conflict_markers_is_named_as_an_unresolved_merge() {
    let env = Env::new();
    let log = format!(
        "{HEADER}\
         a1,2026-11-20,alex,care,,,,tea,2026-11-20T10:00:00+00:00\n\
         <<<<<<< HEAD\n\
         b1,2026-11-21,alex,care,,,,a hug,2026-11-21T10:00:00+00:00\n\
         =======\n\
         c1,2026-11-21,sam,care,,,,flowers,2026-11-21T11:00:00+00:00\n\
         >>>>>>> origin/main\n"
    );
    env.write("log.csv", &log);
    let said = |file: &str, line: u32| {
        format!(
            "couple: {file} line {line}: holds git conflict markers (an unresolved merge): <<<<<<<, ======= and >>>>>>> lines are still in the file\n\
             hint: resolve it by hand: keep the rows you want from each side, delete the marker lines, then git add {file} and commit; \
             or git merge --abort, register couple's merge driver (couple merge-driver --help) and merge again\n"
        )
    };
    for args in [
        &["review"][..],
        &["export"],
        &["log", "care", "x"],
        &["log", "--undo"],
    ] {
        assert_eq!(env.fails(args, 65), said("log.csv", 3), "{args:?}");
    }
    env.assert_file("log.csv", &log);
    env.write(
        "goals.csv",
        "<<<<<<< HEAD\nid,title,horizon,status,owner,due,created,closed,note,updated_at\n",
    );
    assert_eq!(env.fails(&["goals", "list"], 65), said("goals.csv", 1));
}
