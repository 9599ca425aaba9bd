//! Goals edited on two machines before they synced: what each changed in
//! different fields survives; of a field both changed, the later change
//! wins and the value it overwrote is reported once and kept in
//! `.merged/goals-overwritten.csv`. Each machine is its own data directory
//! here; the sync tool's part is played by copying one machine's goals.csv
//! into the other's directory as a conflict copy.

use serde_json::Value;

use crate::harness::Env;

const COPY: &str = "goals.sync-conflict-20261125-101010-ALEXLAPTOP.csv";

const GOALS: &str = "\
id,title,horizon,status,owner,due,created,closed,note,updated_at
k3m9x2ab,Learn to tango,year,open,us,,2026-10-01,,,2026-10-01T20:00:00.000+00:00
p2q3r4st,Paint the hall,month,open,alex,,2026-10-02,,,2026-10-02T20:00:00.000+00:00
";

/// Two machines holding the same goals.csv, as after their last sync.
fn two_machines() -> (Env, Env) {
    let (sam, alex) = (Env::new(), Env::new());
    for env in [&sam, &alex] {
        env.write("goals.csv", GOALS);
    }
    (sam, alex)
}

/// The sync tool brings Alex's goals.csv to Sam's machine as a conflict copy.
fn sync_as_copy(from: &Env, to: &Env) {
    to.write(COPY, from.file("goals.csv").unwrap());
}

/// Goal `id` as `goals list --format json` shows it.
fn goal(env: &Env, id: &str) -> Value {
    let all: Value =
        serde_json::from_str(&env.ok(&["goals", "list", "--status", "all", "--format", "json"]))
            .unwrap();
    all.as_array()
        .unwrap()
        .iter()
        .find(|g| g["id"] == id)
        .unwrap_or_else(|| panic!("no goal {id} in {all}"))
        .clone()
}

#[test]
fn each_machine_writing_twice_before_syncing_loses_no_field() {
    let (sam, alex) = two_machines();
    // Interleaved in time, as two people on two machines would be.
    sam.ok(&["-q", "goals", "done", "k3m"]);
    alex.ok(&[
        "-q",
        "goals",
        "edit",
        "k3m",
        "--note",
        "Ana knows a teacher",
    ]);
    sam.ok(&[
        "-q",
        "goals",
        "edit",
        "k3m",
        "--title",
        "Learn to tango, at last",
    ]);
    alex.ok(&["-q", "goals", "edit", "k3m", "--due", "2027-03-01"]);
    sync_as_copy(&alex, &sam);

    let want = |g: &Value| {
        assert_eq!(g["status"], "done", "{g}");
        assert_eq!(g["closed"], "2026-11-25", "{g}");
        assert_eq!(g["title"], "Learn to tango, at last", "{g}");
        assert_eq!(g["note"], "Ana knows a teacher", "{g}");
        assert_eq!(g["due"], "2027-03-01", "{g}");
    };
    // Read with the copy, before any write…
    want(&goal(&sam, "k3m9x2ab"));
    // …and folded in by the next write, quietly: nothing was overwritten.
    sam.ok(&["-q", "goals", "add", "Plant a tree"]);
    assert!(!sam.path(COPY).exists());
    assert!(sam.path(&format!(".merged/{COPY}")).exists());
    assert!(!sam.path(".merged/goals-overwritten.csv").exists());
    want(&goal(&sam, "k3m9x2ab"));
    assert_eq!(goal(&sam, "p2q3r4st")["status"], "open");
    let file = sam.file("goals.csv").unwrap();
    assert!(
        file.starts_with(
            "id,title,horizon,status,owner,due,created,closed,note,updated_at,changed\n"
        )
    );
    assert_eq!(file.matches("\nk3m9x2ab,").count(), 1, "{file}");
}

#[test]
fn the_same_field_changed_on_both_keeps_the_later_and_reports_the_other_once() {
    let (sam, alex) = two_machines();
    sam.ok(&[
        "-q",
        "goals",
        "edit",
        "k3m",
        "--note",
        "Tuesdays at the hall",
    ]);
    let sams_old = sam.file("goals.csv").unwrap();
    alex.ok(&["-q", "goals", "edit", "k3m", "--note", "Thursdays with Ana"]);
    sync_as_copy(&alex, &sam);

    assert_eq!(goal(&sam, "k3m9x2ab")["note"], "Thursdays with Ana");
    let run = sam.run(&["-q", "goals", "add", "Plant a tree"]);
    assert_eq!(run.code, 0, "{run:?}");
    let lines: Vec<&str> = run.stderr.lines().collect();
    assert_eq!(lines.len(), 2, "{}", run.stderr);
    assert!(
        lines[0].starts_with(
            "couple: warning: goal k3m9x2ab \"Learn to tango\": note was changed on both machines; \
             kept \"Thursdays with Ana\" (changed 2026-"
        ) && lines[0].contains("overwrote \"Tuesdays at the hall\" (changed 2026-")
            && lines[0].ends_with(") from goals.csv"),
        "{}",
        run.stderr
    );
    assert_eq!(
        lines[1],
        "hint: the overwritten value is kept in .merged/goals-overwritten.csv"
    );
    let kept = sam.file(".merged/goals-overwritten.csv").unwrap();
    let mut rows = kept.lines();
    assert_eq!(
        rows.next(),
        Some("id,title,field,kept,kept_changed,overwritten,overwritten_changed,from")
    );
    let row = rows.next().unwrap();
    assert!(
        row.starts_with("k3m9x2ab,Learn to tango,note,Thursdays with Ana,2026-")
            && row.contains(",Tuesdays at the hall,2026-")
            && row.ends_with(",goals.csv"),
        "{kept}"
    );
    assert_eq!(rows.next(), None);
    assert_eq!(goal(&sam, "k3m9x2ab")["note"], "Thursdays with Ana");

    // Reported once: the next writes are quiet, even when Sam's old
    // version of the goal turns up again in another copy.
    sam.ok(&["-q", "goals", "add", "Plant another tree"]);
    sam.write("goals (sam's conflicted copy 2026-11-25).csv", &sams_old);
    sam.ok(&["-q", "goals", "edit", "p2q", "--due", "2026-12-24"]);
    assert_eq!(sam.file(".merged/goals-overwritten.csv").unwrap(), kept);
}

#[test]
fn a_stale_copy_of_a_value_already_overwritten_is_not_reported_again() {
    let (sam, alex) = two_machines();
    sam.ok(&[
        "-q",
        "goals",
        "edit",
        "k3m",
        "--note",
        "Tuesdays at the hall",
    ]);
    let sams_old = sam.file("goals.csv").unwrap();
    alex.ok(&["-q", "goals", "edit", "k3m", "--note", "Thursdays with Ana"]);
    // Alex's machine takes Sam's version in first (a conflict the other way).
    alex.write("goals (sam's conflicted copy 2026-11-25).csv", &sams_old);
    let run = alex.run(&["-q", "goals", "add", "Plant a tree"]);
    assert_eq!(run.stderr.lines().count(), 2, "reported once: {run:?}");
    let merged = alex.file("goals.csv").unwrap();
    // Then Sam's machine, still holding its old note, conflicts again.
    alex.write(COPY, &sams_old);
    alex.ok(&["-q", "goals", "add", "Plant another tree"]);
    assert_eq!(goal(&alex, "k3m9x2ab")["note"], "Thursdays with Ana");
    assert!(merged.contains("Thursdays with Ana"));
    assert_eq!(
        alex.file(".merged/goals-overwritten.csv")
            .unwrap()
            .lines()
            .count(),
        2,
        "a header and one row"
    );
}

#[test]
fn a_bad_changed_cell_is_named_and_nothing_is_written() {
    let env = Env::new();
    let bad = "id,title,horizon,status,created,changed\nab,Tango,year,open,2026-01-02,note=soon\n";
    env.write("goals.csv", bad);
    let err = env.fails(&["goals", "done", "ab"], 65);
    assert!(
        err.starts_with(
            "couple: goals.csv line 2: column changed: \"note=soon\" is not field=moment"
        ),
        "{err}"
    );
    env.assert_file("goals.csv", bad);
}
