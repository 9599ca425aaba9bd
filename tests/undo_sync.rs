//! Undo that stays undone: an entry `log --undo` removed never comes back
//! from a sync-conflict copy, or from the other machine's log, that still
//! holds it (its id is kept in removed.csv).

use crate::harness::Env;

const HEADER: &str = "id,date,partner,kind,minutes,mood,prompt,note,logged_at\n";

fn row(id: &str, note: &str) -> String {
    format!("{id},2026-11-24,alex,care,,,,{note},2026-11-24T10:00:00.000+00:00\n")
}

/// The ids `export` lists, in order.
fn exported_ids(env: &Env) -> Vec<String> {
    env.ok(&["export", "--raw"])
        .lines()
        .skip(1)
        .map(|l| l.split(',').next().unwrap().to_string())
        .collect()
}

/// Alex logged `keep` and `oops`, a copy of the log went to Sam's machine,
/// then Alex undid `oops`.
fn undone() -> Env {
    let env = Env::new();
    env.write(
        "log.csv",
        format!("{HEADER}{}{}", row("keep", "tea"), row("oops", "typo")),
    );
    assert_eq!(
        env.ok(&["log", "--undo"]),
        "removed oops (2026-11-24 care, \"typo\")\n"
    );
    env
}

#[test]
fn undo_records_the_removed_id_in_removed_csv() {
    let env = undone();
    let removed = env.file("removed.csv").unwrap();
    let mut lines = removed.lines();
    assert_eq!(lines.next(), Some("id,partner,removed_at,file"));
    let row = lines.next().unwrap();
    assert!(row.starts_with("oops,alex,20"), "{removed}");
    assert!(row.ends_with(",log.csv"), "{removed}");
    assert_eq!(lines.next(), None);
    assert_eq!(exported_ids(&env), ["keep"]);
}

#[test]
fn a_conflict_copy_still_holding_an_undone_entry_does_not_bring_it_back() {
    let env = undone();
    // Sam's machine added `sam1` to a log that still held `oops`.
    env.write(
        "log.sync-conflict-20261125-101010-SAMPHONE.csv",
        format!(
            "{HEADER}{}{}{}",
            row("keep", "tea"),
            row("oops", "typo"),
            row("sam1", "hug")
        ),
    );
    assert_eq!(exported_ids(&env), ["keep", "sam1"]);
    let id = env.ok(&["log", "care", "after"]);
    let log = env.file("log.csv").unwrap();
    assert!(!log.contains("oops"), "{log}");
    assert!(
        log.contains("\nsam1,") && log.contains(&format!("\n{}", id.trim())),
        "{log}"
    );
    assert!(
        env.path(".merged/log.sync-conflict-20261125-101010-SAMPHONE.csv")
            .exists()
    );
    assert_eq!(exported_ids(&env), ["keep", "sam1", id.trim()]);
}

#[test]
fn the_other_machines_log_winning_the_name_does_not_bring_it_back() {
    let env = undone();
    // The sync tool kept Sam's version (with `oops`) as log.csv, Alex's as the copy.
    let alex = env.file("log.csv").unwrap();
    env.write("log (alex's conflicted copy 2026-11-25).csv", alex);
    env.write(
        "log.csv",
        format!(
            "{HEADER}{}{}{}",
            row("keep", "tea"),
            row("oops", "typo"),
            row("sam1", "hug")
        ),
    );
    assert_eq!(exported_ids(&env), ["keep", "sam1"]);
    let review = env.ok(&["review", "--format", "json"]);
    assert!(!review.contains("typo"), "{review}");
    env.ok(&["log", "care", "after"]);
    let log = env.file("log.csv").unwrap();
    assert!(!log.contains("oops"), "the fold takes it out again:\n{log}");
    assert_eq!(exported_ids(&env).len(), 3);
    // And a second undo takes the latest entry still there, not the ghost.
    env.ok(&["log", "--undo"]);
    assert_eq!(exported_ids(&env), ["keep", "sam1"]);
}

#[test]
fn ids_in_a_conflict_copy_of_removed_csv_stay_removed_and_are_folded_in() {
    let env = undone();
    env.write(
        "log.csv",
        format!(
            "{HEADER}{}{}{}",
            row("keep", "tea"),
            row("gone", "x"),
            row("sam1", "hug")
        ),
    );
    env.write(
        "removed.sync-conflict-20261125-101010-SAMPHONE.csv",
        "id,partner,removed_at\ngone,sam,2026-11-25T09:00:00.000+00:00\n",
    );
    assert_eq!(exported_ids(&env), ["keep", "sam1"]);
    env.ok(&["log", "care", "after"]);
    let removed = env.file("removed.csv").unwrap();
    assert!(
        removed.contains("\noops,") && removed.contains("\ngone,sam,"),
        "{removed}"
    );
    assert!(
        !env.path("removed.sync-conflict-20261125-101010-SAMPHONE.csv")
            .exists()
    );
    assert!(
        env.path(".merged/removed.sync-conflict-20261125-101010-SAMPHONE.csv")
            .exists()
    );
}

#[test]
fn a_malformed_removed_csv_is_named_and_nothing_is_written() {
    let env = undone();
    env.write("removed.csv", "id,partner\n,alex\n");
    let before = env.file("log.csv").unwrap();
    let err = env.fails(&["log", "--undo"], 65);
    assert!(
        err.starts_with("couple: removed.csv line 2: column id:"),
        "{err}"
    );
    env.assert_file("log.csv", &before);
    let err = env.fails(&["review"], 65);
    assert!(err.starts_with("couple: removed.csv line 2:"), "{err}");
}

/// Two rows of one id (written by hand): undoing the caller's would take
/// the partner's out too, and its id in removed.csv would hide it
/// everywhere. Refused, naming both lines; nothing written.
#[test]
fn undo_refuses_an_id_two_rows_share_and_writes_nothing() {
    let env = Env::new();
    let log = format!(
        "{HEADER}mine,2026-11-01,sam,appreciation,,,,sam's words,2026-11-01T00:00:00.000Z\n{}",
        row("mine", "alex's row")
    );
    env.write("log.csv", &log);
    assert_eq!(
        env.fails(&["log", "--undo"], 65),
        "couple: log.csv line 3: the id mine is also on line 2: log --undo cannot tell which entry to take out\n\
         hint: give one of them another id (any word no other row has) in a text editor, then undo again\n"
    );
    env.assert_file("log.csv", &log);
    env.assert_no_file("removed.csv");
}

/// A pause and an entry may share an id (both written by hand): taking
/// the pause out leaves the entry in the log, and undoing the entry leaves
/// the pause.
#[test]
fn a_pause_and_an_entry_of_one_id_are_removed_apart() {
    let env = Env::new();
    env.write(
        "log.csv",
        format!("{HEADER}{}", row("1", "sam's handwritten note")),
    );
    env.write(
        "pauses.csv",
        "id,from,to,rituals,partner,note,logged_at\n\
         1,2026-11-01,2026-11-02,,alex,,2026-11-01T00:00:00Z\n",
    );
    env.ok_with_stderr(&["rituals", "unpause", "1"], "removed pause 1\n");
    assert_eq!(exported_ids(&env), ["1"]);
    // A pause of that id again, then the entry undone: the pause stays.
    env.write(
        "pauses.csv",
        "id,from,to,rituals,partner,note,logged_at\n\
         2,2026-12-01,2026-12-02,,alex,,2026-11-01T00:00:00Z\n",
    );
    env.ok(&["log", "--undo"]);
    assert_eq!(exported_ids(&env), Vec::<String>::new());
    assert!(env.ok(&["rituals"]).contains("2026-12-01"));
}

/// Two pauses of one id would both go with `rituals unpause`: pauses.csv
/// is refused as goals.csv is, naming the line.
#[test]
fn two_pauses_of_one_id_are_named_and_nothing_is_written() {
    let env = Env::new();
    let pauses = "id,from,to,rituals,partner,note,logged_at\n\
                  p1,2026-11-01,2026-11-02,,sam,,2026-11-01T00:00:00Z\n\
                  p1,2026-11-05,2026-11-06,,alex,,2026-11-01T00:00:00Z\n";
    env.write("pauses.csv", pauses);
    let err = env.fails(&["rituals", "unpause", "p1"], 65);
    assert!(
        err.starts_with("couple: pauses.csv line 3: column id: p1 is also the id on line 2\n"),
        "{err}"
    );
    env.assert_file("pauses.csv", pauses);
    env.assert_no_file("removed.csv");
}

/// An id a hand left a space in (log.csv reads it as written) is undone
/// like any other, and removed.csv reads back what undo wrote into it.
#[test]
fn an_id_with_a_space_is_undone_and_everything_still_reads() {
    let env = Env::new();
    env.write(
        "log.csv",
        format!("{HEADER}{}{}", row("keep", "tea"), row(" spaced", "typo")),
    );
    env.ok(&["log", "--undo"]);
    assert_eq!(exported_ids(&env), ["keep"]);
    env.ok(&["review"]);
    env.ok(&["history"]);
}

/// An entry edited by hand on one machine, arriving in a sync-conflict
/// copy: log.csv's version is kept (rows are told apart by id), and the
/// next write says so once, pointing at the copy kept in `.merged/`.
#[test]
fn an_entry_a_copy_holds_otherwise_is_kept_as_the_log_has_it_and_said() {
    let env = Env::new();
    env.write("log.csv", format!("{HEADER}{}", row("keep", "tea")));
    let copy = "log.sync-conflict-20261125-101010-SAMPHONE.csv";
    env.write(
        copy,
        format!(
            "{HEADER}{}{}",
            row("keep", "tea with honey"),
            row("sam1", "hug")
        ),
    );
    let run = env.run(&["log", "care", "-q", "after"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        run.stderr,
        "couple: warning: entry keep differs in a sync-conflict copy of log.csv: log.csv's version was kept\n\
         hint: the copy is in .merged/; put back what it holds with an editor if it was the one you wanted\n"
    );
    let log = env.file("log.csv").unwrap();
    assert!(log.contains(",tea,") && !log.contains("honey"), "{log}");
    assert!(log.contains("\nsam1,"), "{log}");
    assert!(env.path(".merged").join(copy).exists());
    // Said once: the copy is folded and gone.
    assert_eq!(env.run(&["log", "care", "-q", "again"]).stderr, "");
}
