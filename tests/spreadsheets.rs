//! `couple export --format xlsx`: a real spreadsheet file, typed cells, a
//! sheet per data set, and the same output rules as every export.

use std::io::Read as _;
use std::path::Path;

use crate::harness::{Env, require_tool, tree};
use crate::terminal::Terminal;

const HEADER: &str = "id,date,partner,kind,minutes,mood,prompt,note,logged_at\n";

/// Four entries by two partners, with text a spreadsheet might run.
const ROWS: &str = "\
e1,2026-11-20,alex,talk,15,4,listen-001,=1+1,2026-11-20T21:00:00+00:00
e2,2026-11-21,sam,checkin,,5,,schön 😀 gemütlich,2026-11-21T08:00:00+00:00
e3,2026-11-23,alex,us-time,90,,,@SUM(A1:A2),2026-11-23T18:00:00+00:00
e4,2026-11-25,sam,talk,10,,,\"a long,
two-line note\",2026-11-25T20:00:00+00:00
";

const GOALS: &str = "id,title,horizon,status,owner,due,created,closed,note,updated_at\n\
k3m9x2ab,Learn to tango,year,open,us,2026-12-31,2026-11-01,,,\n\
k3p7q8cd,+Book the Lisbon trip,year,done,us,,2026-11-02,2026-11-20,,\n";

fn with_data() -> Env {
    let env = Env::new();
    env.write("log.csv", format!("{HEADER}{ROWS}"));
    env.write("goals.csv", GOALS);
    env
}

/// One part of an .xlsx file (a zip of XML files), as text.
fn part(xlsx: &Path, name: &str) -> String {
    let file = std::fs::File::open(xlsx).unwrap();
    let mut zip = zip::ZipArchive::new(file).expect("an xlsx is a zip");
    let mut text = String::new();
    zip.by_name(name)
        .unwrap_or_else(|_| panic!("{name} in {}", xlsx.display()))
        .read_to_string(&mut text)
        .unwrap();
    text
}

/// The sheet names of a workbook, in order.
fn sheet_names(xlsx: &Path) -> Vec<String> {
    part(xlsx, "xl/workbook.xml")
        .split("<sheet name=\"")
        .skip(1)
        .map(|s| s.split('"').next().unwrap().to_string())
        .collect()
}

/// LibreOffice Calc's reading of every sheet of `xlsx`, as CSV with every
/// text cell quoted and numbers and dates bare, one file per sheet
/// (`<stem>-<sheet>.csv`) in `out`.
fn calc_reads(env: &Env, xlsx: &Path, out: &Path) {
    // Fields: comma, quote, UTF-8, from line 1, -, -, quote all text
    // cells, -, save as shown, not formulas, -, every sheet.
    let filter = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,true,true,true,false,false,-1";
    let output = crate::harness::calc_converts(env.home(), filter, out, &[xlsx]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
}

/// LibreOffice opens the workbook and finds dates as dates, numbers as
/// numbers, `=1+1` as the text `=1+1` (no apostrophe, nothing computed),
/// umlauts and emoji intact, and a sheet per data set.
/// (CI installs it: `libreoffice-calc`, headless.)
#[test]
fn libreoffice_reads_typed_cells_on_a_sheet_per_data_set() {
    if !require_tool("soffice") {
        return;
    }
    let env = with_data();
    env.write(
        "rituals.csv",
        "name,kinds,target,per,minutes\ntalk,talk,1,day,10\n",
    );
    env.write(
        "pauses.csv",
        "id,from,to,rituals,partner,note,logged_at\np1,2026-12-01,2026-12-03,,alex,=away,\n",
    );
    let xlsx = env.home().join("ours.xlsx");
    env.ok(&["export", "all", "--format", "xlsx", "-o", "ours.xlsx"]);
    assert_eq!(sheet_names(&xlsx), ["log", "goals", "rituals", "pauses"]);

    let out = env.home().join("shown");
    calc_reads(&env, &xlsx, &out);
    let sheet = |name: &str| std::fs::read_to_string(out.join(format!("ours-{name}.csv"))).unwrap();
    assert_eq!(
        sheet("log"),
        "\"id\",\"date\",\"partner\",\"kind\",\"minutes\",\"mood\",\"prompt\",\"note\",\"logged_at\"\n\
         \"e1\",2026-11-20,\"alex\",\"talk\",15,4,\"listen-001\",\"=1+1\",\"2026-11-20T21:00:00+00:00\"\n\
         \"e2\",2026-11-21,\"sam\",\"checkin\",,5,,\"schön 😀 gemütlich\",\"2026-11-21T08:00:00+00:00\"\n\
         \"e3\",2026-11-23,\"alex\",\"us-time\",90,,,\"@SUM(A1:A2)\",\"2026-11-23T18:00:00+00:00\"\n\
         \"e4\",2026-11-25,\"sam\",\"talk\",10,,,\"a long,\ntwo-line note\",\"2026-11-25T20:00:00+00:00\"\n"
    );
    assert_eq!(
        sheet("goals"),
        "\"id\",\"title\",\"horizon\",\"status\",\"owner\",\"due\",\"created\",\"closed\",\"note\",\"updated_at\",\"changed\"\n\
         \"k3m9x2ab\",\"Learn to tango\",\"year\",\"open\",\"us\",2026-12-31,2026-11-01,,,,\n\
         \"k3p7q8cd\",\"+Book the Lisbon trip\",\"year\",\"done\",\"us\",,2026-11-02,2026-11-20,,,\n"
    );
    assert_eq!(
        sheet("rituals"),
        "\"name\",\"kinds\",\"target\",\"per\",\"minutes\"\n\"talk\",\"talk\",1,\"day\",10\n"
    );
    assert_eq!(
        sheet("pauses"),
        "\"id\",\"from\",\"to\",\"rituals\",\"partner\",\"note\",\"logged_at\"\n\
         \"p1\",2026-12-01,2026-12-03,,\"alex\",\"=away\",\n"
    );
}

/// Each cell's type in the sheet's XML: a date is a number shown through
/// a date format, text is a string (never a formula), and the sheet has a
/// frozen header, an autofilter and widths that fit.
#[test]
fn cells_are_typed_and_the_sheet_is_ready_to_filter() {
    let env = with_data();
    env.ok(&["export", "--format", "xlsx", "-o", "log.xlsx"]);
    let xlsx = env.home().join("log.xlsx");
    assert_eq!(sheet_names(&xlsx), ["log"], "no rituals or pauses files");
    let sheet = part(&xlsx, "xl/worksheets/sheet1.xml");
    assert!(!sheet.contains("<f>"), "no formula anywhere: {sheet}");
    // 2026-11-20 is day 46346 of the spreadsheet calendar.
    assert!(
        sheet.contains("<c r=\"B2\" s=\"2\"><v>46346</v></c>"),
        "{sheet}"
    );
    assert!(sheet.contains("<c r=\"E2\"><v>15</v></c>"), "{sheet}");
    assert!(
        sheet.contains("<c r=\"H2\" t=\"inlineStr\"><is><t>=1+1</t></is></c>"),
        "{sheet}"
    );
    assert!(sheet.contains("state=\"frozen\""), "{sheet}");
    assert!(sheet.contains("<autoFilter ref=\"A1:I5\"/>"), "{sheet}");
    let styles = part(&xlsx, "xl/styles.xml");
    assert!(styles.contains("formatCode=\"yyyy-mm-dd\""), "{styles}");
    // The note column is as wide as its longest line ("@SUM(A1:A2)" is
    // shorter than "schön 😀 gemütlich"), not as the two lines together.
    assert!(
        sheet.contains("<col min=\"8\" max=\"8\" width=\"18.7109375\" customWidth=\"1\"/>"),
        "{sheet}"
    );
}

#[test]
fn the_same_filters_as_csv_apply() {
    let env = with_data();
    env.ok(&[
        "export",
        "--format",
        "xlsx",
        "--from",
        "2026-11-21",
        "--kind",
        "talk",
        "-o",
        "t.xlsx",
    ]);
    let sheet = part(&env.home().join("t.xlsx"), "xl/worksheets/sheet1.xml");
    assert_eq!(
        sheet.matches("<row ").count(),
        2,
        "the header and e4: {sheet}"
    );
    assert!(sheet.contains("<t>e4</t>") && !sheet.contains("<t>e1</t>"));

    env.ok(&[
        "export",
        "all",
        "--format",
        "xlsx",
        "--status",
        "done",
        "--partner",
        "alex",
        "-o",
        "a.xlsx",
    ]);
    let a = env.home().join("a.xlsx");
    let log = part(&a, "xl/worksheets/sheet1.xml");
    assert!(log.contains("<t>e1</t>") && log.contains("<t>e3</t>") && !log.contains("<t>e2</t>"));
    let goals = part(&a, "xl/worksheets/sheet2.xml");
    assert!(
        goals.contains("k3p7q8cd") && !goals.contains("k3m9x2ab"),
        "{goals}"
    );

    let err = env.fails(&["export", "all", "--format", "xlsx", "--theme", "play"], 2);
    assert!(
        err.starts_with("couple: --theme does not apply to `couple export all`"),
        "{err}"
    );
}

#[test]
fn all_needs_a_spreadsheet_and_csv_flags_are_refused() {
    let env = with_data();
    let err = env.fails(&["export", "all"], 2);
    assert_eq!(
        err,
        "couple: `couple export all` writes a sheet per data set: it needs --format xlsx\n\
         hint: couple export all --format xlsx -o ours.xlsx\n"
    );
    for flag in ["--raw", "--excel"] {
        let err = env.fails(&["export", "--format", "xlsx", flag, "-o", "x.xlsx"], 2);
        assert!(
            err.starts_with(&format!("couple: {flag} shapes CSV")),
            "{err}"
        );
    }
    assert!(!env.home().join("x.xlsx").exists());
}

/// Binary on a terminal is garbage: refused before anything is read. To
/// a pipe or a file (`> ours.xlsx`), stdout gets the workbook.
#[test]
fn a_spreadsheet_goes_to_a_file_or_a_pipe_never_to_a_terminal() {
    let env = with_data();
    let piped = env
        .command(&["export", "--format", "xlsx"])
        .output()
        .unwrap();
    assert_eq!(piped.status.code(), Some(0));
    assert!(piped.stdout.starts_with(b"PK\x03\x04"), "a zip on stdout");
    assert!(piped.stderr.is_empty());

    let Some(term) = Terminal::start(&env, &["export", "--format", "xlsx"]) else {
        return;
    };
    let (code, screen) = term.finish();
    assert_eq!(code, 2, "{screen}");
    assert!(
        screen.contains("couple: refusing to write a spreadsheet to the terminal"),
        "{screen}"
    );
    assert!(!screen.contains("PK"), "{screen}");
}

/// The rules every `-o` follows: never onto couple's own files, private,
/// whole or not at all.
#[test]
fn output_rules_are_those_of_every_export() {
    let env = with_data();
    let before = env.file("log.csv");
    let log = env.path("log.csv");
    let err = env.fails(
        &["export", "--format", "xlsx", "-o", log.to_str().unwrap()],
        2,
    );
    assert!(err.contains("refusing to overwrite"), "{err}");
    assert_eq!(env.file("log.csv"), before);

    let target = env.home().join("ours.xlsx");
    std::fs::write(&target, "old contents").unwrap();
    env.ok(&["export", "--format", "xlsx", "-o", "ours.xlsx"]);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&target).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }
    assert!(std::fs::read(&target).unwrap().starts_with(b"PK"));

    // A log that cannot be read leaves the file as it was, and no temporary.
    std::fs::write(&target, "old contents").unwrap();
    env.write("log.csv", format!("{HEADER}e9,20/11/2026,alex,talk,,,,,\n"));
    let err = env.fails(&["export", "--format", "xlsx", "-o", "ours.xlsx"], 65);
    assert!(
        err.starts_with("couple: log.csv line 2: column date:"),
        "{err}"
    );
    assert_eq!(std::fs::read_to_string(&target).unwrap(), "old contents");
    let leftovers: Vec<_> = tree(env.home())
        .into_iter()
        .filter(|p| p.to_string_lossy().contains(".couple-tmp-"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}
