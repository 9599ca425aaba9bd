//! `couple goals`: add, list, done, drop, reopen, edit, and the sit-down.

use std::process::{Child, Stdio};

use crate::harness::{Env, tree};
use crate::terminal::Terminal;

const HEADER: &str = "id,title,horizon,status,owner,due,created,closed,note,updated_at";

/// Seven goals as of 2026-11-25: one overdue, one due in five days, two for
/// later, two done (one since the last sit-down) and one dropped. `k3m…`
/// and `k3p…` share the prefix `k3`.
const GOALS: &str = "\
id,title,horizon,status,owner,due,created,closed,note,updated_at
k3m9x2ab,Learn to tango,month,open,us,2026-11-20,2026-10-01,,Thursday class?,2026-10-01T20:00:00.000+00:00
k3p7q8cd,Book the Lisbon trip,month,open,sam,2026-11-30,2026-10-02,,,2026-10-02T20:00:00.000+00:00
r8t2w4ef,See the northern lights,someday,open,us,,2026-03-14,,,2026-03-14T20:00:00.000+00:00
h5n6j7gh,Paint the hall green,year,open,alex,2027-04-01,2026-09-09,,,2026-09-09T20:00:00.000+00:00
a1b2c3jk,Run a half marathon,year,done,alex,2026-10-12,2026-01-05,2026-10-11,,2026-10-11T20:00:00.000+00:00
m4v5x6yz,Learn the ukulele,someday,dropped,sam,,2026-02-01,2026-11-02,,2026-11-02T20:00:00.000+00:00
p2q3r4st,Cook a five-course dinner,someday,done,us,,2026-08-01,2026-11-20,,2026-11-20T20:00:00.000+00:00
";

/// A sit-down on 2026-10-28, and one after the as-of date that must not count.
const LOG: &str = "\
id,date,partner,kind,minutes,mood,prompt,note,logged_at
e1e1e1e1e1,2026-10-28,sam,sit-down,,,,3 kept,2026-10-28T20:00:00.000+00:00
e2e2e2e2e2,2026-11-24,alex,talk,15,,,,2026-11-24T21:00:00.000+00:00
e3e3e3e3e3,2026-12-01,alex,sit-down,,,,,2026-12-01T20:00:00.000+00:00
";

/// What `couple goals review` says on stderr when not on a terminal.
const REVIEW_HINT: &str =
    "hint: on a terminal, `couple goals review` walks through them and records the sit-down\n";

fn with_goals() -> Env {
    let env = Env::new();
    write(&env, "goals.csv", GOALS);
    env
}

/// Writes a data file into a data directory as private as couple makes it
/// (so that no warning about its mode joins stderr).
fn write(env: &Env, name: &str, contents: &str) {
    env.write(name, contents);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(env.data(), std::fs::Permissions::from_mode(0o700)).unwrap();
    }
}

/// The row of goals.csv whose id is `id`, split into cells (no quoting in
/// these fixtures).
fn row(env: &Env, id: &str) -> Vec<String> {
    let file = env.file("goals.csv").expect("goals.csv exists");
    let line = file
        .lines()
        .find(|l| l.starts_with(id))
        .unwrap_or_else(|| panic!("no row {id} in\n{file}"));
    line.split(',').map(str::to_string).collect()
}

/// `updated_at` as couple writes it: RFC 3339 with milliseconds and offset.
#[track_caller]
fn assert_timestamp(text: &str) {
    let moment = chrono::DateTime::parse_from_rfc3339(text)
        .unwrap_or_else(|e| panic!("{text:?} is not RFC 3339: {e}"));
    assert_eq!(
        moment.to_rfc3339_opts(chrono::SecondsFormat::Millis, false),
        text
    );
}

#[test]
fn add_prints_a_new_eight_character_id_and_writes_the_contract_header() {
    let env = Env::new();
    let id = env.ok(&["goals", "add", "See the northern lights"]);
    let id = id.trim_end();
    assert_eq!(id.len(), 8, "{id:?}");
    assert!(
        id.bytes()
            .all(|b| b.is_ascii_digit() || b.is_ascii_lowercase())
    );

    let file = env.file("goals.csv").unwrap();
    assert_eq!(file.lines().next(), Some(HEADER));
    let cells = row(&env, id);
    assert_eq!(
        cells[..9],
        [
            id,
            "See the northern lights",
            "someday",
            "open",
            "us",
            "",
            "2026-11-25",
            "",
            ""
        ]
    );
    assert_timestamp(&cells[9]);

    let other = env.ok(&[
        "goals",
        "add",
        "Learn",
        "to",
        "tango",
        "--note",
        "Thursday class?",
    ]);
    assert_ne!(other, format!("{id}\n"));
    assert_eq!(
        row(&env, other.trim_end())[1],
        "Learn to tango",
        "words join into one title"
    );
    assert_eq!(env.file("goals.csv").unwrap().lines().count(), 3);
}

#[cfg(unix)]
#[test]
fn goals_csv_is_private_to_its_owner() {
    use std::os::unix::fs::PermissionsExt;
    let env = Env::new();
    env.ok(&["goals", "add", "Plant a tree"]);
    let mode = std::fs::metadata(env.path("goals.csv"))
        .unwrap()
        .permissions()
        .mode();
    assert_eq!(mode & 0o777, 0o600);
}

#[test]
fn add_takes_a_horizon_due_date_owner_and_note() {
    let env = Env::new();
    let id = env.ok(&[
        "goals",
        "add",
        "Book the Lisbon trip",
        "--due",
        "2026-12-15",
        "--owner",
        "sam",
        "--note",
        "trains, not planes",
    ]);
    assert_eq!(
        env.file("goals.csv").unwrap().lines().nth(1).unwrap()[..],
        format!(
            "{},Book the Lisbon trip,month,open,sam,2026-12-15,2026-11-25,,\"trains, not planes\",{}",
            id.trim_end(),
            row(&env, id.trim_end()).last().unwrap()
        )[..],
        "a due date within a month makes the horizon month"
    );
    let id = env.ok(&[
        "goals",
        "add",
        "Walk the Camino",
        "--due",
        "2027-06-01",
        "--owner",
        "me",
    ]);
    let cells = row(&env, id.trim_end());
    assert_eq!((cells[2].as_str(), cells[4].as_str()), ("year", "alex"));
    let id = env.ok(&[
        "goals",
        "add",
        "Learn Welsh",
        "--due",
        "tomorrow",
        "--horizon",
        "someday",
    ]);
    let cells = row(&env, id.trim_end());
    assert_eq!(
        (cells[2].as_str(), cells[5].as_str()),
        ("someday", "2026-11-26")
    );
}

#[test]
fn list_shows_open_goals_overdue_first_then_by_due_date_then_undated() {
    let env = with_goals();
    let table = "\
id        title                    horizon  due                   owner  status
k3m9x2ab  Learn to tango           month    2026-11-20 (overdue)  us     open
k3p7q8cd  Book the Lisbon trip     month    2026-11-30            sam    open
h5n6j7gh  Paint the hall green     year     2027-04-01            alex   open
r8t2w4ef  See the northern lights  someday                        us     open
";
    assert_eq!(env.ok(&["goals"]), table);
    assert_eq!(env.ok(&["goals", "list"]), table);
    assert_eq!(env.ok(&["goals", "list", "--format", "table"]), table);
}

#[test]
fn list_filters_by_status_and_horizon() {
    let env = with_goals();
    let ids = |args: &[&str]| -> Vec<String> {
        env.ok(args)
            .lines()
            .skip(1)
            .map(|l| l.split(',').next().unwrap().to_string())
            .collect()
    };
    let csv = ["goals", "list", "--format", "csv"];
    assert_eq!(
        ids(&[&csv[..], &["--status", "done"]].concat()),
        ["a1b2c3jk", "p2q3r4st"]
    );
    assert_eq!(
        ids(&[&csv[..], &["--status", "dropped"]].concat()),
        ["m4v5x6yz"]
    );
    assert_eq!(ids(&[&csv[..], &["--status", "all"]].concat()).len(), 7);
    assert_eq!(
        ids(&[&csv[..], &["--horizon", "month"]].concat()),
        ["k3m9x2ab", "k3p7q8cd"]
    );
    assert_eq!(
        ids(&[&csv[..], &["--status", "all", "--horizon", "someday"]].concat()),
        ["m4v5x6yz", "r8t2w4ef", "p2q3r4st"],
        "undated goals by creation"
    );
    assert_eq!(
        ids(&["goals", "--status", "dropped", "--format", "csv"]),
        ["m4v5x6yz"]
    );
}

#[test]
fn list_as_csv_carries_every_contract_column() {
    let env = with_goals();
    assert_eq!(
        env.ok(&["goals", "list", "--format", "csv", "--horizon", "month"]),
        format!(
            "{HEADER},changed\n{},\n{},\n",
            GOALS.lines().nth(1).unwrap(),
            GOALS.lines().nth(2).unwrap()
        )
    );
}

#[test]
fn list_as_json_carries_every_contract_field() {
    let env = with_goals();
    let out = env.ok(&["goals", "list", "--format", "json", "--horizon", "month"]);
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(
        json[0],
        serde_json::json!({
            "id": "k3m9x2ab",
            "title": "Learn to tango",
            "horizon": "month",
            "status": "open",
            "owner": "us",
            "due": "2026-11-20",
            "created": "2026-10-01",
            "closed": null,
            "note": "Thursday class?",
            "updated_at": "2026-10-01T20:00:00.000+00:00",
            "changed": null
        })
    );
    assert_eq!(json.as_array().unwrap().len(), 2);
}

#[test]
fn an_empty_list_prints_nothing_and_creates_nothing() {
    let env = Env::new();
    let out = env.ok_with_stderr(
        &["goals"],
        "no open goals yet; add one with: couple goals add \"a dream of yours\"\n",
    );
    assert_eq!(out, "");
    assert_eq!(
        env.ok(&["goals", "list", "--format", "csv"]),
        format!("{HEADER},changed\n")
    );
    assert_eq!(env.ok(&["goals", "list", "--format", "json"]), "[]\n");
    assert!(tree(env.home()).is_empty());
}

#[test]
fn done_drop_and_reopen_work_by_full_id_and_by_unique_prefix() {
    let env = with_goals();
    let out = env.ok_with_stderr(
        &["goals", "done", "k3m9x2ab"],
        "done: k3m9x2ab  Learn to tango\n",
    );
    assert_eq!(out, "");
    let cells = row(&env, "k3m9x2ab");
    assert_eq!(
        (cells[3].as_str(), cells[7].as_str()),
        ("done", "2026-11-25")
    );
    assert_timestamp(&cells[9]);
    // When the status changed, for merging with the other machine's edits.
    assert_eq!(cells[10], format!("status={}", cells[9]));

    env.ok_with_stderr(
        &["goals", "drop", "r8t"],
        "dropped: r8t2w4ef  See the northern lights\n",
    );
    let cells = row(&env, "r8t2w4ef");
    assert_eq!(
        (cells[3].as_str(), cells[7].as_str()),
        ("dropped", "2026-11-25")
    );
    assert_timestamp(&cells[9]);

    env.ok_with_stderr(
        &["goals", "reopen", "K3M"],
        "reopened: k3m9x2ab  Learn to tango\n",
    );
    let cells = row(&env, "k3m9x2ab");
    assert_eq!((cells[3].as_str(), cells[7].as_str()), ("open", ""));

    env.ok_with_stderr(
        &["goals", "reopen", "m4v5x6yz"],
        "reopened: m4v5x6yz  Learn the ukulele\n",
    );
    assert_eq!(row(&env, "m4v5x6yz")[3], "open");

    // Every other row is as it was, with an empty `changed` cell now that
    // the file has the column.
    let file = env.file("goals.csv").unwrap();
    assert!(file.starts_with(&format!("{HEADER},changed\n")), "{file}");
    for id in ["k3p7q8cd", "h5n6j7gh", "a1b2c3jk", "p2q3r4st"] {
        let before = GOALS.lines().find(|l| l.starts_with(id)).unwrap();
        assert!(
            file.lines().any(|l| l == format!("{before},")),
            "{id} changed:\n{file}"
        );
    }
}

#[test]
fn marking_a_goal_as_it_already_is_changes_nothing() {
    let env = with_goals();
    let out = env.ok_with_stderr(
        &["goals", "done", "a1b"],
        "a1b2c3jk is already done: nothing changed\n",
    );
    assert_eq!(out, "");
    env.assert_file("goals.csv", GOALS);
    assert_eq!(env.ok(&["-q", "goals", "done", "a1b"]), "");
}

#[test]
fn edit_changes_what_it_is_given_by_full_id_or_prefix() {
    let env = with_goals();
    env.ok_with_stderr(
        &[
            "goals",
            "edit",
            "h5n",
            "--title",
            "Paint the hall blue",
            "--horizon",
            "month",
            "--due",
            "2026-12-20",
            "--owner",
            "us",
            "--note",
            "ask sam about colours",
        ],
        "edited: h5n6j7gh  Paint the hall blue\n",
    );
    let cells = row(&env, "h5n6j7gh");
    assert_eq!(
        cells[..9],
        [
            "h5n6j7gh",
            "Paint the hall blue",
            "month",
            "open",
            "us",
            "2026-12-20",
            "2026-09-09",
            "",
            "ask sam about colours"
        ]
    );
    assert_timestamp(&cells[9]);

    env.ok_with_stderr(
        &["goals", "edit", "k3m9x2ab", "--no-due", "--note", ""],
        "edited: k3m9x2ab  Learn to tango\n",
    );
    let cells = row(&env, "k3m9x2ab");
    assert_eq!((cells[5].as_str(), cells[8].as_str()), ("", ""));
    assert_eq!(cells[1], "Learn to tango", "what was not given stays");
}

#[test]
fn edit_with_nothing_to_change_is_refused() {
    let env = with_goals();
    let err = env.fails(&["goals", "edit", "h5n"], 2);
    assert!(err.starts_with("couple: nothing to change\n"), "{err}");
    let err = env.fails(
        &["goals", "edit", "h5n", "--due", "2027-01-01", "--no-due"],
        2,
    );
    assert!(err.contains("cannot be used with"), "{err}");
    env.assert_file("goals.csv", GOALS);
}

#[test]
fn an_ambiguous_prefix_is_refused_with_its_candidates_and_nothing_written() {
    let env = with_goals();
    for command in [
        &["goals", "done", "k3"][..],
        &["goals", "drop", "k3"],
        &["goals", "reopen", "k3"],
        &["goals", "edit", "k3", "--title", "Something else"],
    ] {
        let err = env.fails(command, 2);
        assert_eq!(
            err,
            "couple: \"k3\" could be any of k3m9x2ab (Learn to tango), k3p7q8cd (Book the Lisbon trip)\n\
             hint: type more of the id\n",
            "{command:?}"
        );
        env.assert_file("goals.csv", GOALS);
    }
}

#[test]
fn an_unknown_id_is_refused_and_nothing_written() {
    let env = with_goals();
    for command in [
        &["goals", "done", "zz"][..],
        &["goals", "drop", "k3m9x2abc"],
        &["goals", "reopen", "nothing"],
        &["goals", "edit", "zz", "--note", "hi"],
    ] {
        let err = env.fails(command, 2);
        assert!(err.starts_with("couple: no goal has the id"), "{err}");
        assert!(err.contains("couple goals list --status all"), "{err}");
        env.assert_file("goals.csv", GOALS);
    }
}

#[test]
fn an_empty_title_a_bad_horizon_or_a_bad_date_is_refused_and_nothing_written() {
    let env = with_goals();
    for command in [
        &["goals", "add", "   "][..],
        &["goals", "add", "Tango", "--horizon", "decade"],
        &["goals", "add", "Tango", "--due", "05/06/2027"],
        &["goals", "add", "Tango", "--due", "2027-02-30"],
        &["goals", "add", "Tango", "--owner", " "],
        &["goals", "edit", "h5n", "--title", ""],
        &["goals", "edit", "h5n", "--horizon", "soon"],
        &["goals", "edit", "h5n", "--due", "someday"],
        &["goals", "list", "--status", "finished"],
        &["goals", "review", "--date", "the other day"],
    ] {
        env.fails(command, 2);
        assert_eq!(
            env.file_bytes("goals.csv").unwrap(),
            GOALS.as_bytes(),
            "{command:?}"
        );
    }
}

#[test]
fn a_refusal_with_no_data_directory_creates_nothing() {
    let env = Env::new();
    env.fails(&["goals", "done", "abc"], 2);
    env.fails(&["goals", "add", ""], 2);
    env.fails(&["goals", "edit", "abc", "--note", "x"], 2);
    assert!(tree(env.home()).is_empty(), "{:?}", tree(env.home()));
}

#[test]
fn a_spreadsheet_saved_goals_file_keeps_every_row_its_own_column_and_its_line_ends() {
    let env = Env::new();
    // What a spreadsheet writes: a BOM, CRLF, its own column order, and a
    // column of the users' own with values (one quoted, with a comma).
    let saved = "\u{feff}title,id,status,who pays,horizon,owner,due,created,closed,note,updated_at\r\n\
        Learn to tango,k3m9x2ab,open,\"me, this time\",month,us,2026-11-20,2026-10-01,,,2026-10-01T20:00:00.000+00:00\r\n\
        Book the Lisbon trip,k3p7q8cd,open,sam,month,sam,2026-11-30,2026-10-02,,,2026-10-02T20:00:00.000+00:00\r\n\
        See the northern lights,r8t2w4ef,open,,someday,us,,2026-03-14,,,2026-03-14T20:00:00.000+00:00\r\n";
    write(&env, "goals.csv", saved);

    assert_eq!(
        env.ok(&["goals", "list", "--format", "csv"]).lines().nth(1),
        Some(
            "k3m9x2ab,Learn to tango,month,open,us,2026-11-20,2026-10-01,,,2026-10-01T20:00:00.000+00:00,"
        )
    );
    env.ok_with_stderr(
        &["goals", "done", "k3m"],
        "done: k3m9x2ab  Learn to tango\n",
    );

    let after = env.file("goals.csv").unwrap();
    let lines: Vec<&str> = after.split_inclusive("\r\n").collect();
    assert_eq!(lines.len(), 4, "{after:?}");
    // The file gains the `changed` column at the end; the rest is as saved.
    assert_eq!(
        lines[0],
        saved
            .split_inclusive("\r\n")
            .next()
            .unwrap()
            .replace("\r\n", ",changed\r\n"),
        "BOM and header"
    );
    let changed = lines[1].strip_suffix("\r\n").unwrap();
    let (cells, stamps) = changed.rsplit_once(',').unwrap();
    let (cells, stamp) = cells.rsplit_once(',').unwrap();
    assert_eq!(
        cells,
        "Learn to tango,k3m9x2ab,done,\"me, this time\",month,us,2026-11-20,2026-10-01,2026-11-25,"
    );
    assert_timestamp(stamp);
    assert_eq!(stamps, format!("status={stamp}"));
    assert_eq!(
        lines[2..].concat(),
        saved
            .split_inclusive("\r\n")
            .skip(2)
            .map(|l| l.replace("\r\n", ",\r\n"))
            .collect::<String>()
    );
}

#[test]
fn a_goals_file_lacking_optional_columns_gains_them_at_the_end() {
    let env = Env::new();
    write(
        &env,
        "goals.csv",
        "id,title,horizon,status,created\nab12cd34,Tango,year,open,2026-01-02\n",
    );
    env.ok_with_stderr(
        &["goals", "edit", "ab", "--note", "Thursdays"],
        "edited: ab12cd34  Tango\n",
    );
    let file = env.file("goals.csv").unwrap();
    let mut lines = file.lines();
    assert_eq!(
        lines.next(),
        Some("id,title,horizon,status,created,owner,due,closed,note,updated_at,changed")
    );
    assert!(
        lines
            .next()
            .unwrap()
            .starts_with("ab12cd34,Tango,year,open,2026-01-02,us,,,Thursdays,2026-"),
        "{file}"
    );
}

#[test]
fn a_malformed_goals_file_is_refused_naming_its_line_and_not_one_byte_changes() {
    let bad_date = GOALS.replacen("2027-04-01", "01/04/2027", 1);
    let bad_horizon = GOALS.replacen(",someday,done,", ",one day,done,", 1);
    let ragged = format!("{GOALS}zz,Half a row\n");
    let cases = [
        (
            &bad_date,
            "couple: goals.csv line 5: column due: \"01/04/2027\" is ambiguous; dates are written YYYY-MM-DD",
        ),
        (
            &bad_horizon,
            "couple: goals.csv line 8: column horizon: \"one day\" is not a horizon",
        ),
        (
            &ragged,
            "couple: goals.csv line 9: expected 10 fields, found 2",
        ),
    ];
    for (contents, message) in cases {
        let env = Env::new();
        write(&env, "goals.csv", contents);
        for command in [
            &["goals"][..],
            &["goals", "add", "Something new"],
            &["goals", "done", "r8t"],
            &["goals", "edit", "r8t", "--note", "x"],
            &["goals", "review"],
        ] {
            let err = env.fails(command, 65);
            assert_eq!(err.lines().next(), Some(message), "{command:?}");
            env.assert_file("goals.csv", contents);
        }
        assert_eq!(
            tree(&env.data()).len(),
            2,
            "goals.csv and .lock, no temporary file"
        );
    }
}

#[test]
fn concurrent_adds_lose_nothing() {
    let env = Env::new();
    env.ok(&["goals", "add", "First"]);
    // Eight writers at once, each reading, changing and rewriting the file.
    let running: Vec<Child> = (0..8)
        .map(|n| {
            env.std_command(&["goals", "add", &format!("Racer {n}")])
                .stdout(Stdio::piped())
                .stderr(Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    for child in running {
        let out = child.wait_with_output().unwrap();
        assert!(out.status.success(), "{out:?}");
        assert_eq!(String::from_utf8_lossy(&out.stderr), "");
        assert_eq!(out.stdout.len(), 9, "an id and a line end: {out:?}");
    }
    let file = env.file("goals.csv").unwrap();
    assert_eq!(file.lines().count(), 1 + 1 + 8, "{file}");
    for n in 0..8 {
        assert!(
            file.contains(&format!(",Racer {n},")),
            "Racer {n} lost:\n{file}"
        );
    }
}

#[test]
fn review_without_a_terminal_prints_the_agenda_and_writes_nothing() {
    let env = with_goals();
    write(&env, "log.csv", LOG);
    let before = tree(env.home());
    let agenda = "\
Sit-down agenda, Wednesday 25 November 2026
Last sit-down: 2026-10-28 (28 days ago)

Overdue:
  k3m9x2ab  Learn to tango  (due 2026-11-20)
            Thursday class?

Due within 7 days:
  k3p7q8cd  Book the Lisbon trip  (due 2026-11-30, sam)

Also open:
  h5n6j7gh  Paint the hall green  (due 2027-04-01, alex)
  r8t2w4ef  See the northern lights  (someday)

Done since 2026-10-28:
  p2q3r4st  Cook a five-course dinner  (done 2026-11-20)
";
    assert_eq!(
        env.ok_with_stderr(&["goals", "review"], REVIEW_HINT),
        agenda
    );
    assert_eq!(env.ok(&["goals", "review", "--no-input", "-q"]), agenda);
    assert_eq!(tree(env.home()), before);
    env.assert_file("goals.csv", GOALS);
    env.assert_file("log.csv", LOG);
}

#[test]
fn review_on_an_earlier_date_sees_the_goals_as_they_were() {
    let env = with_goals();
    write(&env, "log.csv", LOG);
    assert_eq!(
        env.ok_with_stderr(&["goals", "review", "--date", "2026-10-10"], REVIEW_HINT),
        "\
Sit-down agenda, Saturday 10 October 2026
Last sit-down: none yet

Due within 7 days:
  a1b2c3jk  Run a half marathon  (due 2026-10-12, alex)

Also open:
  k3m9x2ab  Learn to tango  (due 2026-11-20)
            Thursday class?
  k3p7q8cd  Book the Lisbon trip  (due 2026-11-30, sam)
  h5n6j7gh  Paint the hall green  (due 2027-04-01, alex)
  m4v5x6yz  Learn the ukulele  (someday, sam)
  r8t2w4ef  See the northern lights  (someday)
  p2q3r4st  Cook a five-course dinner  (someday)
"
    );
}

#[test]
fn review_with_no_goals_and_no_data_directory_invites_some_and_creates_nothing() {
    let env = Env::new();
    let out = env.ok_with_stderr(&["goals", "review"], REVIEW_HINT);
    assert_eq!(
        out,
        "Sit-down agenda, Wednesday 25 November 2026\nLast sit-down: none yet\n\n\
         No open goals: bring a dream or two, or a silly bucket-list idea.\n"
    );
    assert!(tree(env.home()).is_empty());
}

#[test]
fn review_on_a_terminal_walks_the_goals_and_records_a_sit_down() {
    let env = with_goals();
    write(&env, "log.csv", LOG);
    let Some(mut term) = Terminal::start(&env, &["goals", "review"]) else {
        return;
    };
    term.expect("Last one: 2026-10-28.");
    term.expect("Done since: Cook a five-course dinner");
    // Four open goals, in list order. Keys: j moves down, Enter picks.
    term.expect("(1/4) Learn to tango");
    term.expect("add a note");
    term.send("j\r"); // done
    term.expect("(2/4) Book the Lisbon trip");
    term.expect("add a note");
    term.send("jjj\r"); // new due date
    term.expect("New due date");
    term.send("2026-12-12\r");
    term.expect("that's all");
    term.expect("add a note");
    term.send("jjjj\r"); // add a note
    term.expect("Note");
    term.send("window seats\r");
    term.expect("that's all");
    term.expect("add a note");
    term.send("\r");
    term.expect("(3/4) Paint the hall green");
    term.expect("add a note");
    term.send("jj\r"); // drop
    term.expect("(4/4) See the northern lights");
    term.expect("add a note");
    term.send("\r"); // keep
    term.expect("dreams, plans, silly bucket-list ideas");
    term.expect("New goal");
    term.send("Swim in the sea at night\r");
    term.expect("Due (empty for none)");
    term.send("\r");
    term.expect("someday");
    term.send("\r");
    term.expect("New goal");
    term.send("\r");
    term.expect("Sit-down recorded: 1 done, 1 dropped, 1 rescheduled, 1 new, 2 kept.");
    let (code, screen) = term.finish();
    assert_eq!(code, 0, "{screen}");

    assert_eq!(
        row(&env, "k3m9x2ab")[3..8],
        ["done", "us", "2026-11-20", "2026-10-01", "2026-11-25"]
    );
    assert_eq!(row(&env, "k3p7q8cd")[5], "2026-12-12");
    assert_eq!(row(&env, "k3p7q8cd")[8], "window seats");
    assert_eq!(row(&env, "h5n6j7gh")[3], "dropped");
    assert_eq!(
        row(&env, "r8t2w4ef").join(","),
        format!("{},", GOALS.lines().find(|l| l.starts_with("r8t")).unwrap()),
        "a kept goal is untouched (its `changed` cell empty)"
    );
    let file = env.file("goals.csv").unwrap();
    let new = file.lines().last().unwrap();
    assert!(
        new.contains(",Swim in the sea at night,someday,open,us,,2026-11-25,,,"),
        "{new}"
    );

    let log = env.file("log.csv").unwrap();
    assert!(log.starts_with(LOG), "{log}");
    let (entry, logged_at) = log.lines().last().unwrap().rsplit_once(',').unwrap();
    let (id, entry) = entry.split_once(',').unwrap();
    assert_eq!(
        entry,
        r#"2026-11-25,alex,sit-down,,,,"1 done, 1 dropped, 1 rescheduled, 1 new, 2 kept""#
    );
    assert_timestamp(logged_at);
    assert_eq!(id.len(), 10);

    // And review counts the sit-down it recorded.
    let review: serde_json::Value =
        serde_json::from_str(&env.ok(&["review", "--format", "json"])).unwrap();
    assert_eq!(review["last_sit_down"], "2026-11-25");
    assert_eq!(review["rituals"][2]["done"], 1);
    assert_eq!(review["rituals"][2]["streak"], 2);
    assert!(screen.contains(id), "the entry's id is printed");
    // The next agenda counts from this sit-down.
    let swim = new.split(',').next().unwrap();
    assert_eq!(
        env.ok_with_stderr(&["goals", "review"], REVIEW_HINT),
        format!(
            "\
Sit-down agenda, Wednesday 25 November 2026
Last sit-down: 2026-11-25 (today)

Open:
  k3p7q8cd  Book the Lisbon trip  (due 2026-12-12, sam)
            window seats
  r8t2w4ef  See the northern lights  (someday)
  {swim}  Swim in the sea at night  (someday)
"
        )
    );
}

#[test]
fn cancelling_the_sit_down_writes_nothing() {
    let env = with_goals();
    write(&env, "log.csv", LOG);
    let Some(mut term) = Terminal::start(&env, &["goals", "review"]) else {
        return;
    };
    term.expect("(1/4) Learn to tango");
    term.expect("add a note");
    term.send("j\r"); // done — but then:
    term.expect("(2/4) Book the Lisbon trip");
    term.expect("add a note");
    term.send("q");
    let (code, screen) = term.finish();
    assert_eq!(code, 1, "{screen}");
    assert!(
        screen.contains("the sit-down was cancelled: nothing was written"),
        "{screen}"
    );
    env.assert_file("goals.csv", GOALS);
    env.assert_file("log.csv", LOG);
}

#[test]
fn review_reports_open_due_soon_overdue_and_done_goals() {
    let env = with_goals();
    let review: serde_json::Value =
        serde_json::from_str(&env.ok(&["review", "--month", "--format", "json"])).unwrap();
    let goals = &review["goals"];
    assert_eq!(goals["open"], 4);
    let ids = |key: &str| -> Vec<String> {
        goals[key]
            .as_array()
            .unwrap()
            .iter()
            .map(|g| g["id"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(ids("overdue"), ["k3m9x2ab"]);
    assert_eq!(ids("due_soon"), ["k3p7q8cd"]);
    assert_eq!(ids("done_in_period"), ["p2q3r4st"]);
    assert_eq!(goals["overdue"][0]["title"], "Learn to tango");
    assert_eq!(goals["overdue"][0]["due"], "2026-11-20");
    // The table, whole; its tables pad their last column, so some lines
    // end in spaces.
    assert_eq!(
        env.ok(&["review"]),
        "\
Mon 23 Nov 2026 to Sun 29 Nov 2026 (as of Wed 25 Nov)

 ritual    target   done  minutes  streak 
 talk      1/day    0/3   0        —      
 us-time   1/week   0/1   0        —      
 sit-down  1/month  0/1   0        —      

 partner  care  appreciation  repair  affection  answers  check-ins  mood 
 alex     0     0             0       0          0        0          —    

Talk minutes
  MTWTFSS
  ·······   0 min

Last sit-down: never

Goals: 4 open
  overdue: Learn to tango (2026-11-20, k3m9x2ab)
  due soon: Book the Lisbon trip (2026-11-30, k3p7q8cd)

Due
  talk: none yet today
  sit-down: none yet this month, 6 days left
  goal: \"Learn to tango\" was due 2026-11-20
"
    );
}

#[test]
fn review_due_names_overdue_and_soon_due_goals() {
    let env = with_goals();
    assert_eq!(
        env.ok(&["review", "--due"]),
        "\
talk: none yet today
sit-down: none yet this month, 6 days left
goal: \"Learn to tango\" was due 2026-11-20
"
    );
    // An overdue goal is said once a week; the rituals at risk each time.
    assert_eq!(
        env.ok(&["review", "--due"]),
        "\
talk: none yet today
sit-down: none yet this month, 6 days left
"
    );
    env.ok_with_stderr(
        &["goals", "done", "k3m9"],
        "done: k3m9x2ab  Learn to tango\n",
    );
    env.ok_with_stderr(
        &["goals", "edit", "k3p7", "--due", "2027-01-31"],
        "edited: k3p7q8cd  Book the Lisbon trip\n",
    );
    assert_eq!(
        env.ok(&["review", "--due"]),
        "\
talk: none yet today
sit-down: none yet this month, 6 days left
"
    );
}

#[test]
fn a_sit_down_that_could_not_be_logged_is_refused_before_goals_change() {
    let env = with_goals();
    // A log readers accept, but an append would refuse: no logged_at column.
    write(
        &env,
        "log.csv",
        "id,date,partner,kind,minutes,mood,prompt,note\n",
    );
    let Some(term) = Terminal::start(&env, &["goals", "review"]) else {
        return;
    };
    let (code, screen) = term.finish();
    assert_eq!(code, 65, "{screen}");
    assert!(
        screen.contains("log.csv line 1: the header lacks the column(s) logged_at"),
        "{screen}"
    );
    env.assert_file("goals.csv", GOALS);
}
