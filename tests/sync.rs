//! Sync-conflict copies (Syncthing, Dropbox): read together with the main
//! file, each entry once; folded in and moved aside by the next write.

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
    assert_eq!(env.file("log.csv").unwrap(), before);
}
