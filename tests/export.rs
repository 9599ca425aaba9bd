//! `couple export`.

use std::fmt::Write as _;
use std::process::{Command, Stdio};

use crate::harness::{Env, require, require_tool, tree};

const HEADER: &str = "id,date,partner,kind,minutes,mood,prompt,note,logged_at\n";

/// A sandbox whose log.csv holds `rows` under the contract header.
fn with_log(rows: &str) -> Env {
    let env = Env::new();
    env.write("log.csv", format!("{HEADER}{rows}"));
    env
}

/// Four entries by two partners over four days.
const ROWS: &str = "\
e1,2026-11-20,alex,talk,15,4,listen-001,after dinner,2026-11-20T21:00:00+00:00
e2,2026-11-21,sam,care,,,,left a note,2026-11-21T08:00:00+00:00
e3,2026-11-23,alex,us-time,90,5,,a long walk,2026-11-23T18:00:00+00:00
e4,2026-11-25,sam,talk,10,,,,2026-11-25T20:00:00+00:00
";

/// The ids in a CSV export, in order.
fn ids(csv: &str) -> Vec<&str> {
    csv.lines()
        .skip(1)
        .map(|line| line.split(',').next().unwrap_or_default())
        .collect()
}

#[test]
fn exports_every_entry_under_the_contract_header() {
    let env = with_log(ROWS);
    assert_eq!(env.ok(&["export"]), format!("{HEADER}{ROWS}"));
    assert_eq!(env.ok(&["export", "log"]), format!("{HEADER}{ROWS}"));
}

#[test]
fn a_log_in_another_column_order_exports_in_the_contract_order() {
    let env = Env::new();
    env.write(
        "log.csv",
        "\u{feff}note,kind,partner,date,id,extra\r\nhi,care,sam,2026-11-21,e1,x\r\n",
    );
    assert_eq!(
        env.ok(&["export"]),
        format!("{HEADER}e1,2026-11-21,sam,care,,,,hi,\n")
    );
}

#[test]
fn no_log_yet_exports_only_the_header_or_an_empty_array() {
    let env = Env::new();
    assert_eq!(env.ok(&["export"]), HEADER);
    assert_eq!(env.ok(&["export", "--format", "json"]), "[]\n");
    assert_eq!(tree(&env.data()), Vec::<std::path::PathBuf>::new());
}

#[test]
fn python_csv_reads_back_exactly_what_was_logged() {
    let notes = [
        "He said \"yes\", then left",
        "line one\nline two",
        "café, naïve — 💛 über 東京",
        "a,b,,c",
        " leading and trailing spaces ",
    ];
    let mut rows = String::new();
    for (i, note) in notes.iter().enumerate() {
        let quoted = note.replace('"', "\"\"");
        writeln!(
            rows,
            "n{i},2026-11-2{i},zoë,care,,,,\"{quoted}\",2026-11-20T08:00:00+01:00"
        )
        .unwrap();
    }
    let env = with_log(&rows);
    let exported = env.ok(&["export"]);
    if !require_tool("python3") {
        return;
    }

    let script = "import csv, io, json, sys\n\
                  rows = list(csv.reader(io.TextIOWrapper(sys.stdin.buffer, encoding='utf-8', newline='')))\n\
                  sys.stdout.write(json.dumps(rows))";
    let child = Command::new("python3")
        .args(["-c", script])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn();
    let mut child = child.expect("python3 runs");
    std::io::Write::write_all(&mut child.stdin.take().unwrap(), exported.as_bytes()).unwrap();
    let output = child.wait_with_output().unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let read: Vec<Vec<String>> = serde_json::from_slice(&output.stdout).unwrap();

    assert_eq!(read[0], HEADER.trim_end().split(',').collect::<Vec<_>>());
    assert_eq!(read.len(), notes.len() + 1);
    for (i, note) in notes.iter().enumerate() {
        let row = &read[i + 1];
        assert_eq!(row[0], format!("n{i}"));
        assert_eq!(row[1], format!("2026-11-2{i}"));
        assert_eq!(row[2], "zoë");
        assert_eq!(row[7], *note);
        assert_eq!(row[8], "2026-11-20T08:00:00+01:00");
    }
}

#[test]
fn from_and_to_narrow_to_a_range_of_days_inclusive() {
    let env = with_log(ROWS);
    assert_eq!(
        ids(&env.ok(&["export", "--from", "2026-11-21"])),
        ["e2", "e3", "e4"]
    );
    assert_eq!(
        ids(&env.ok(&["export", "--to", "2026-11-21"])),
        ["e1", "e2"]
    );
    assert_eq!(
        ids(&env.ok(&["export", "--from", "2026-11-21", "--to", "2 days ago"])),
        ["e2", "e3"]
    );
    assert_eq!(ids(&env.ok(&["export", "--from", "today"])), ["e4"]);
}

#[test]
fn kind_narrows_to_the_kinds_named() {
    let env = with_log(ROWS);
    assert_eq!(ids(&env.ok(&["export", "--kind", "talk"])), ["e1", "e4"]);
    assert_eq!(
        ids(&env.ok(&["export", "--kind", "Care", "--kind", "us-time"])),
        ["e2", "e3"]
    );
}

#[test]
fn partner_on_the_command_line_narrows_but_couple_partner_does_not() {
    let env = with_log(ROWS);
    // The harness sets COUPLE_PARTNER=alex: that is who I am, not a filter.
    assert_eq!(ids(&env.ok(&["export"])), ["e1", "e2", "e3", "e4"]);
    assert_eq!(ids(&env.ok(&["export", "--partner", "sam"])), ["e2", "e4"]);
    assert_eq!(ids(&env.ok(&["--partner", "sam", "export"])), ["e2", "e4"]);
    assert_eq!(
        ids(&env.ok(&["export", "--partner", "alex", "--kind", "talk"])),
        ["e1"]
    );
}

#[test]
fn a_partner_with_no_entries_gets_a_warning_naming_those_who_have() {
    let env = with_log(ROWS);
    let run = env.run(&["export", "--partner", "bob"]);
    assert_eq!(run.code, 0);
    assert_eq!(run.stdout, HEADER);
    assert_eq!(
        run.stderr,
        "couple: warning: no entry is by \"bob\" (partners in the log: alex, sam)\n"
    );
}

#[test]
fn json_is_an_array_of_the_same_entries() {
    let env = with_log(ROWS);
    let out = env.ok(&["export", "--format", "json", "--kind", "talk"]);
    assert_eq!(
        out,
        r#"[
{"id":"e1","date":"2026-11-20","partner":"alex","kind":"talk","minutes":15,"mood":4,"prompt":"listen-001","note":"after dinner","logged_at":"2026-11-20T21:00:00+00:00"},
{"id":"e4","date":"2026-11-25","partner":"sam","kind":"talk","minutes":10,"mood":null,"prompt":null,"note":null,"logged_at":"2026-11-25T20:00:00+00:00"}
]
"#
    );
    let all: serde_json::Value =
        serde_json::from_str(&env.ok(&["export", "--format", "json"])).unwrap();
    let ids: Vec<&str> = all
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["e1", "e2", "e3", "e4"]);
}

#[test]
fn formula_notes_are_neutralised_and_raw_keeps_them_as_stored() {
    let env = with_log(
        "f1,2026-11-20,alex,care,,,,=1+1,\n\
         f2,2026-11-20,alex,care,,,,@SUM(A1:A2),\n\
         f3,2026-11-20,alex,appreciation,,,,+thanks,\n\
         f4,2026-11-20,sam,repair,,,,-sorry,\n\
         f5,2026-11-20,=cmd,repair,5,2,,\"\tTAB\",\n",
    );
    let safe = format!(
        "{HEADER}\
         f1,2026-11-20,alex,care,,,,'=1+1,\n\
         f2,2026-11-20,alex,care,,,,'@SUM(A1:A2),\n\
         f3,2026-11-20,alex,appreciation,,,,'+thanks,\n\
         f4,2026-11-20,sam,repair,,,,'-sorry,\n\
         f5,2026-11-20,'=cmd,repair,5,2,,'\tTAB,\n"
    );
    assert_eq!(env.ok(&["export"]), safe);
    let raw = format!(
        "{HEADER}\
         f1,2026-11-20,alex,care,,,,=1+1,\n\
         f2,2026-11-20,alex,care,,,,@SUM(A1:A2),\n\
         f3,2026-11-20,alex,appreciation,,,,+thanks,\n\
         f4,2026-11-20,sam,repair,,,,-sorry,\n\
         f5,2026-11-20,=cmd,repair,5,2,,\tTAB,\n"
    );
    assert_eq!(env.ok(&["export", "--raw"]), raw);
    let json = env.ok(&["export", "--format", "json"]);
    assert!(json.contains(r#""note":"=1+1""#), "{json}");
}

#[test]
fn excel_starts_with_a_bom_and_ends_lines_with_crlf() {
    let env = with_log("x1,2026-11-20,alex,care,,,,\"two\nlines\",\n");
    let out = env.command(&["export", "--excel"]).output().unwrap();
    assert!(out.status.success(), "{out:?}");
    assert_eq!(String::from_utf8_lossy(&out.stderr), "");
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        "\u{feff}id,date,partner,kind,minutes,mood,prompt,note,logged_at\r\n\
         x1,2026-11-20,alex,care,,,,\"two\nlines\",\r\n"
    );
}

#[test]
fn output_file_is_private_and_holds_the_export() {
    let env = with_log(ROWS);
    let target = env.home().join("out.csv");
    std::fs::write(&target, "old contents").unwrap();
    let out = env.ok(&["export", "-o", "out.csv", "--kind", "care"]);
    assert_eq!(out, "", "nothing on stdout");
    assert_eq!(
        std::fs::read_to_string(&target).unwrap(),
        format!("{HEADER}e2,2026-11-21,sam,care,,,,left a note,2026-11-21T08:00:00+00:00\n")
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&target).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }
    let leftovers: Vec<_> = tree(env.home())
        .into_iter()
        .filter(|p| p.to_string_lossy().contains(".couple-tmp-"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn a_log_that_cannot_be_read_leaves_the_output_file_as_it_was() {
    let env = with_log("e1,2026-11-20,alex,talk,15,4,,,\ne2,20/11/2026,alex,talk,,,,,\n");
    let target = env.home().join("out.csv");
    std::fs::write(&target, "old contents").unwrap();
    let err = env.fails(&["export", "-o", target.to_str().unwrap()], 65);
    assert!(
        err.starts_with("couple: log.csv line 3: column date:"),
        "{err}"
    );
    assert_eq!(std::fs::read_to_string(&target).unwrap(), "old contents");
    assert_eq!(tree(env.home()).len(), 3, "{:?}", tree(env.home()));
}

#[test]
fn output_refuses_to_overwrite_couples_own_files() {
    let env = with_log(ROWS);
    let before = env.file("log.csv");
    let log = env.path("log.csv");
    let err = env.fails(&["export", "-o", log.to_str().unwrap()], 2);
    assert!(err.contains("refusing to overwrite"), "{err}");
    assert_eq!(env.file("log.csv"), before);
}

#[test]
fn a_full_disk_exits_1_with_a_message() {
    let env = with_log(ROWS);
    let full = std::fs::OpenOptions::new().write(true).open("/dev/full");
    if !require("/dev/full", full.is_ok()) {
        return;
    }
    let full = full.unwrap();
    let out = env.std_command(&["export"]).stdout(full).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "couple: writing output: No space left on device\n"
    );
}

#[test]
fn a_closed_pipe_exits_0_quietly() {
    let row = "p0000000,2026-11-20,alex,talk,15,4,,a note long enough to fill pipes,\n";
    let env = with_log(&row.repeat(20_000));
    let (first, run) = env.first_line_then_gone(&["export"]);
    assert_eq!(first, HEADER);
    assert_eq!((run.code, run.stderr.as_str()), (0, ""));
}

#[test]
fn export_goals_writes_goals_and_narrows_by_status_and_horizon() {
    let env = Env::new();
    let goals = "id,title,horizon,status,owner,due,created,closed,note,updated_at\n\
                 g1,Walk the Camino,someday,open,us,,2026-01-02,,\"pack light, go slow\",2026-01-02T10:00:00+00:00\n\
                 g2,Learn to tango,year,done,sam,2026-06-30,2026-01-05,2026-05-01,,\n\
                 g3,=Paint the hall,month,dropped,alex,2026-02-01,2026-01-06,2026-01-20,,\n";
    env.write("goals.csv", goals);
    // Every column of goals.csv, `changed` (when each field changed) included.
    assert_eq!(
        env.ok(&["export", "goals"]),
        goals
            .replace(",=Paint", ",'=Paint")
            .replace("updated_at\n", "updated_at,changed\n")
            .replace("00:00\n", "00:00,\n")
            .replace(",,\n", ",,,\n")
    );
    assert_eq!(
        ids(&env.ok(&["export", "goals", "--status", "open"])),
        ["g1"]
    );
    assert_eq!(
        ids(&env.ok(&["export", "goals", "--status", "all"])),
        ["g1", "g2", "g3"]
    );
    assert_eq!(
        ids(&env.ok(&["export", "goals", "--horizon", "year"])),
        ["g2"]
    );
    let json: serde_json::Value =
        serde_json::from_str(&env.ok(&["export", "goals", "--format", "json"])).unwrap();
    assert_eq!(json[1]["due"], "2026-06-30");
    assert_eq!(json[0]["due"], serde_json::Value::Null);
    assert_eq!(json[0]["note"], "pack light, go slow");
    assert_eq!(json[2]["title"], "=Paint the hall");
}

#[test]
fn a_bad_goals_file_exits_65_naming_line_and_column() {
    let env = Env::new();
    env.write(
        "goals.csv",
        "id,title,horizon,status,owner,due,created,closed,note,updated_at\n\
         g1,Walk,someday,paused,us,,2026-01-02,,,\n",
    );
    let err = env.fails(&["export", "goals"], 65);
    assert!(
        err.starts_with("couple: goals.csv line 2: column status: \"paused\" is not a status\n"),
        "{err}"
    );
}

#[test]
fn export_prompts_writes_the_deck_with_the_users_own_and_narrows_by_theme() {
    let env = Env::new();
    env.write(
        "prompts.csv",
        "id,theme,depth,text\nmine-001,ours,light,\"Where next, love?\"\n",
    );
    let all = env.ok(&["export", "prompts"]);
    assert!(all.starts_with("id,theme,depth,text,added\n"), "{all}");
    assert!(all.lines().count() > 300, "the built-in deck");
    assert!(
        all.ends_with("mine-001,ours,light,\"Where next, love?\",\n"),
        "{all}"
    );

    let ours = env.ok(&["export", "prompts", "--theme", "ours", "--format", "json"]);
    assert_eq!(
        ours,
        "[\n{\"id\":\"mine-001\",\"theme\":\"ours\",\"depth\":\"light\",\"text\":\"Where next, love?\",\"added\":null}\n]\n"
    );
    let play = env.ok(&["export", "prompts", "--theme", "play"]);
    assert!(play.lines().skip(1).all(|l| l.contains(",play,")), "{play}");
    let err = env.fails(&["export", "prompts", "--theme", "plya"], 2);
    assert!(err.contains("did you mean play?"), "{err}");
}

#[test]
fn a_bad_kind_status_or_date_exits_2() {
    let env = with_log(ROWS);
    let err = env.fails(&["export", "--kind", "tlak"], 2);
    assert!(
        err.starts_with("couple: unknown kind \"tlak\"\nhint: did you mean talk?"),
        "{err}"
    );
    let err = env.fails(&["export", "goals", "--status", "finished"], 2);
    assert!(
        err.contains("invalid value 'finished' for '--status"),
        "{err}"
    );
    let err = env.fails(&["export", "--from", "05/03/2026"], 2);
    assert!(
        err.starts_with("couple: cannot read \"05/03/2026\" as a date"),
        "{err}"
    );
    let err = env.fails(&["export", "--from", "2026-11-25", "--to", "2026-11-01"], 2);
    assert_eq!(err, "couple: --from 2026-11-25 is after --to 2026-11-01\n");
}

#[test]
fn filters_for_other_data_are_refused() {
    let env = with_log(ROWS);
    let err = env.fails(&["export", "--status", "open"], 2);
    assert_eq!(
        err,
        "couple: --status does not apply to `couple export log`\nhint: --status filters `couple export goals`\n"
    );
    env.fails(&["export", "goals", "--kind", "talk"], 2);
    env.fails(&["export", "goals", "--partner", "sam"], 2);
    env.fails(&["export", "prompts", "--from", "today"], 2);
    env.fails(&["export", "log", "--theme", "play"], 2);
    let err = env.fails(&["export", "--format", "json", "--excel"], 2);
    assert!(err.contains("--excel"), "{err}");
}

#[cfg(unix)]
#[test]
fn output_to_a_pipe_writes_into_it_and_leaves_it_a_pipe() {
    use std::os::unix::fs::FileTypeExt;
    let env = with_log(ROWS);
    let fifo = env.home().join("pipe");
    if !require_tool("mkfifo") {
        return;
    }
    let made = std::process::Command::new("mkfifo").arg(&fifo).status();
    assert!(made.is_ok_and(|s| s.success()), "mkfifo {}", fifo.display());
    let reader = {
        let fifo = fifo.clone();
        std::thread::spawn(move || std::fs::read_to_string(fifo).unwrap())
    };
    env.ok(&["export", "-o", fifo.to_str().unwrap()]);
    let got = reader.join().unwrap();
    assert!(got.starts_with("id,date,partner,kind,"), "{got}");
    assert!(
        std::fs::symlink_metadata(&fifo)
            .unwrap()
            .file_type()
            .is_fifo(),
        "still a pipe"
    );
}

#[cfg(unix)]
#[test]
fn output_through_a_symlink_replaces_the_file_and_keeps_the_link() {
    let env = with_log(ROWS);
    let real = env.home().join("real.csv");
    std::fs::write(&real, "old").unwrap();
    let link = env.home().join("link.csv");
    std::os::unix::fs::symlink(&real, &link).unwrap();
    env.ok(&["export", "-o", link.to_str().unwrap()]);
    assert!(
        std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert!(
        std::fs::read_to_string(&real)
            .unwrap()
            .starts_with("id,date,")
    );
}

/// LibreOffice Calc opens the export and shows the formula-like notes as
/// text, while the `--raw` export of the same notes gets `=1+1` computed.
/// (CI installs it: `libreoffice-calc`, headless.)
#[test]
fn libreoffice_shows_neutralised_cells_as_text() {
    if !require_tool("soffice") {
        return;
    }
    let env = Env::new();
    for note in ["=1+1", "@SUM(A1:A2)", "+thanks", "-sorry"] {
        env.ok(&["-q", "log", "care", "--", note]);
    }
    let dir = env.home();
    env.ok(&["export", "-o", dir.join("safe.csv").to_str().unwrap()]);
    env.ok(&[
        "export",
        "--raw",
        "-o",
        dir.join("raw.csv").to_str().unwrap(),
    ]);
    // Calc reads each CSV (evaluating formulas, as it does by default) and
    // writes back what its cells show.
    let status = crate::harness::calc_converts(
        dir,
        "csv:Text - txt - csv (StarCalc):44,34,76,1",
        &dir.join("shown"),
        &[&dir.join("safe.csv"), &dir.join("raw.csv")],
    );
    assert!(
        status.status.success(),
        "{}",
        String::from_utf8_lossy(&status.stderr)
    );
    let notes = |name: &str| -> Vec<String> {
        let text = std::fs::read_to_string(dir.join("shown").join(name)).unwrap();
        let mut reader = csv::Reader::from_reader(text.as_bytes());
        reader
            .records()
            .map(|r| r.unwrap()[7].to_string())
            .collect()
    };
    assert_eq!(
        notes("safe.csv"),
        ["'=1+1", "'@SUM(A1:A2)", "'+thanks", "'-sorry"]
    );
    assert_eq!(
        notes("raw.csv")[0],
        "2",
        "the control: a raw =1+1 is computed"
    );
}
