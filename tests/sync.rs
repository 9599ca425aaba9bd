//! Sync-conflict copies (Syncthing, Dropbox): read together with the main
//! file, each entry once (of a goal, its latest version); folded in and
//! moved aside by the next write.

use serde_json::Value;

use crate::harness::Env;

const HEADER: &str = "id,date,partner,kind,minutes,mood,prompt,note,logged_at\n";

fn row(id: &str, partner: &str) -> String {
    format!("{id},2026-11-24,{partner},care,,,,note {id},2026-11-24T10:00:00+00:00\n")
}

fn care_counts(env: &Env) -> Vec<(String, u64)> {
    let r: Value = serde_json::from_str(&env.ok(&["review", "--format", "json"])).unwrap();
    r["partners"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            (
                p["partner"].as_str().unwrap().to_string(),
                p["care"].as_u64().unwrap(),
            )
        })
        .collect()
}

fn conflicted() -> Env {
    let env = Env::new();
    env.write(
        "log.csv",
        format!("{HEADER}{}{}", row("a", "alex"), row("b", "sam")),
    );
    // Sam's machine wrote c while Alex's wrote d: two copies, both namings.
    env.write(
        "log.sync-conflict-20261124-101010-SAMPHONE.csv",
        format!(
            "{HEADER}{}{}{}",
            row("a", "alex"),
            row("b", "sam"),
            row("c", "sam")
        ),
    );
    env.write(
        "log (alex's conflicted copy 2026-11-24).csv",
        format!("{HEADER}{}{}", row("a", "alex"), row("d", "alex")),
    );
    env
}

#[test]
fn copies_are_read_with_the_main_file_each_entry_once() {
    let env = conflicted();
    assert_eq!(
        care_counts(&env),
        [("alex".to_string(), 2), ("sam".to_string(), 2)]
    );
    assert!(
        env.path("log.sync-conflict-20261124-101010-SAMPHONE.csv")
            .exists(),
        "reading moves nothing"
    );
}

#[test]
fn the_next_write_folds_copies_in_and_moves_them_aside() {
    let env = conflicted();
    env.ok(&["log", "care", "after"]);
    let log = env.file("log.csv").unwrap();
    for id in ["a", "b", "c", "d"] {
        assert_eq!(
            log.matches(&format!("\n{id},")).count(),
            1,
            "{id} once in\n{log}"
        );
    }
    assert!(log.contains(",after,"));
    assert!(
        !env.path("log.sync-conflict-20261124-101010-SAMPHONE.csv")
            .exists()
    );
    assert!(
        !env.path("log (alex's conflicted copy 2026-11-24).csv")
            .exists()
    );
    assert!(
        env.path(".merged/log.sync-conflict-20261124-101010-SAMPHONE.csv")
            .exists()
    );
    assert!(
        env.path(".merged/log (alex's conflicted copy 2026-11-24).csv")
            .exists()
    );
    assert_eq!(
        care_counts(&env),
        [("alex".to_string(), 3), ("sam".to_string(), 2)]
    );
}

#[test]
fn a_malformed_copy_is_named_and_nothing_is_written() {
    let env = Env::new();
    env.write("log.csv", format!("{HEADER}{}", row("a", "alex")));
    env.write(
        "log.sync-conflict-20261124-101010-X.csv",
        format!("{HEADER}a,2026-11-24,alex\n"),
    );
    let before = env.file("log.csv").unwrap();
    let err = env.fails(&["log", "care"], 65);
    assert!(
        err.starts_with("couple: log.sync-conflict-20261124-101010-X.csv line 2:"),
        "{err}"
    );
    env.assert_file("log.csv", &before);
}

const GOALS_HEADER: &str = "id,title,horizon,status,owner,due,created,closed,note,updated_at\n";
const SYNCTHING_GOALS: &str = "goals.sync-conflict-20261124-101010-SAMPHONE.csv";
const DROPBOX_GOALS: &str = "goals (alex's conflicted copy 2026-11-24).csv";

/// goals.csv and two copies: Sam's phone finished `a` (after goals.csv
/// last changed it) and added `c`; Alex's laptop added `c` too (it synced
/// it before the conflict) and `d`; both hold an older `b`.
fn goals_conflicted() -> Env {
    let env = Env::new();
    env.write(
        "goals.csv",
        format!(
            "{GOALS_HEADER}\
             a,Learn to tango,year,open,us,,2026-10-01,,,2026-11-01T10:00:00.000+00:00\n\
             b,Book Lisbon,month,open,sam,,2026-10-02,,,2026-11-20T10:00:00.000+00:00\n"
        ),
    );
    env.write(
        SYNCTHING_GOALS,
        format!(
            "{GOALS_HEADER}\
             a,Learn to tango,year,done,us,,2026-10-01,2026-11-23,,2026-11-23T09:00:00.000+01:00\n\
             b,Book Lisbon (old title),month,open,sam,,2026-10-02,,,2026-11-02T10:00:00.000+00:00\n\
             c,See the northern lights,someday,open,us,,2026-11-22,,,2026-11-22T10:00:00.000+00:00\n"
        ),
    );
    env.write(
        DROPBOX_GOALS,
        format!(
            "{GOALS_HEADER}\
             a,Learn to tango,year,open,us,,2026-10-01,,,2026-11-01T10:00:00.000+00:00\n\
             c,See the northern lights,someday,open,us,,2026-11-22,,,2026-11-22T10:00:00.000+00:00\n\
             d,Paint the hall,year,open,alex,,2026-11-23,,,2026-11-23T10:00:00.000+00:00\n"
        ),
    );
    env
}

/// The goals `goals list` shows with `args`, as (id, status, title), by id.
fn listed_goals(env: &Env, args: &[&str]) -> Vec<(String, String, String)> {
    let mut all = vec!["goals", "list", "--format", "json"];
    all.extend_from_slice(args);
    let goals: Value = serde_json::from_str(&env.ok(&all)).unwrap();
    let mut found: Vec<(String, String, String)> = goals
        .as_array()
        .unwrap()
        .iter()
        .map(|g| {
            let text = |key: &str| g[key].as_str().unwrap().to_string();
            (text("id"), text("status"), text("title"))
        })
        .collect();
    found.sort();
    found
}

fn goal(id: &str, status: &str, title: &str) -> (String, String, String) {
    (id.into(), status.into(), title.into())
}

#[test]
fn goal_copies_are_read_with_goals_csv_each_goal_once() {
    let env = goals_conflicted();
    let open = listed_goals(&env, &[]);
    let open_ids: Vec<&str> = open.iter().map(|g| g.0.as_str()).collect();
    assert_eq!(open_ids, ["b", "c", "d"]);
    assert_eq!(listed_goals(&env, &["--status", "all"]).len(), 4);
    let review: Value = serde_json::from_str(&env.ok(&["review", "--format", "json"])).unwrap();
    assert_eq!(review["goals"]["open"], 3, "{review}");
    assert!(env.path(SYNCTHING_GOALS).exists(), "reading moves nothing");
    assert!(env.path(DROPBOX_GOALS).exists(), "reading moves nothing");
}

#[test]
fn of_a_goal_in_several_files_the_latest_updated_at_wins() {
    let env = goals_conflicted();
    assert_eq!(
        listed_goals(&env, &["--status", "all"]),
        [
            // Finished on the phone at 08:00 UTC on the 23rd, after goals.csv.
            goal("a", "done", "Learn to tango"),
            // goals.csv's title is newer than the copy's.
            goal("b", "open", "Book Lisbon"),
            goal("c", "open", "See the northern lights"),
            goal("d", "open", "Paint the hall"),
        ]
    );
}

#[test]
fn the_next_goals_write_folds_copies_in_and_moves_them_aside() {
    let env = goals_conflicted();
    let id = env.ok(&["goals", "add", "Plant a tree"]);
    let id = id.trim();
    let file = env.file("goals.csv").unwrap();
    for id in ["a", "b", "c", "d", id] {
        assert_eq!(
            file.matches(&format!("\n{id},")).count(),
            1,
            "{id} once in\n{file}"
        );
    }
    assert!(
        file.contains(
            "\na,Learn to tango,year,done,us,,2026-10-01,2026-11-23,,2026-11-23T09:00:00.000+01:00\n"
        ),
        "{file}"
    );
    assert!(!file.contains("old title"), "{file}");
    for copy in [SYNCTHING_GOALS, DROPBOX_GOALS] {
        assert!(!env.path(copy).exists(), "{copy} still in place");
        assert!(
            env.path(&format!(".merged/{copy}")).exists(),
            "{copy} not set aside"
        );
    }
    assert_eq!(listed_goals(&env, &["--status", "all"]).len(), 5);
    let review: Value = serde_json::from_str(&env.ok(&["review", "--format", "json"])).unwrap();
    assert_eq!(review["goals"]["open"], 4, "{review}");
}

#[test]
fn a_malformed_goals_copy_is_named_and_nothing_is_written() {
    let env = goals_conflicted();
    env.write(
        SYNCTHING_GOALS,
        format!("{GOALS_HEADER}c,Northern lights,decade,open,us,,2026-11-22,,,\n"),
    );
    let before = env.file("goals.csv").unwrap();
    for args in [
        &["goals", "add", "Plant a tree"][..],
        &["goals", "done", "b"],
        &["goals", "list"],
        &["review"],
    ] {
        let err = env.fails(args, 65);
        assert!(
            err.starts_with(&format!(
                "couple: {SYNCTHING_GOALS} line 2: column horizon: \"decade\" is not a horizon"
            )),
            "{args:?}: {err}"
        );
    }
    env.assert_file("goals.csv", &before);
    assert!(env.path(SYNCTHING_GOALS).exists());
    assert!(env.path(DROPBOX_GOALS).exists());
    assert!(!env.path(".merged").exists());
}

#[test]
fn a_refused_goals_write_leaves_the_copies_where_they_are() {
    let env = goals_conflicted();
    let before = env.file("goals.csv").unwrap();
    env.fails(&["goals", "done", "zzz"], 2);
    env.assert_file("goals.csv", &before);
    assert!(env.path(SYNCTHING_GOALS).exists());
    assert!(env.path(DROPBOX_GOALS).exists());
}
