//! The shared layers seen from outside: one stderr printer, one CSV writer
//! for everything a user receives, one matcher for ids and names, one
//! vocabulary per enum. Each test pins one promise of issue 10.

use std::fmt::Write as _;

use crate::harness::Env;

#[cfg(unix)]
#[test]
fn a_warning_to_a_full_stderr_neither_panics_nor_aborts() {
    use std::os::unix::fs::PermissionsExt;
    let env = Env::new();
    env.ok(&["log", "care"]);
    // A data dir others can read makes `log` warn on stderr.
    std::fs::set_permissions(env.data(), std::fs::Permissions::from_mode(0o755)).unwrap();
    let full = std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .expect("/dev/full exists on this system");
    let output = env
        .std_command(&["log", "care", "x"])
        .stderr(full)
        .output()
        .expect("couple runs");
    let code = output.status.code();
    assert!(
        matches!(code, Some(0 | 1)),
        "exit {code:?} (134 is an abort), stdout {:?}",
        String::from_utf8_lossy(&output.stdout)
    );
    assert_eq!(env.file("log.csv").unwrap().lines().count(), 3);
}

#[test]
fn a_prompt_id_matches_in_any_case() {
    let env = Env::new();
    let exact = env.ok(&["prompt", "--id", "play-001"]);
    assert_eq!(env.ok(&["prompt", "--id", "PLAY-001"]), exact);
}

#[test]
fn a_users_own_theme_can_be_chosen_as_written_or_in_lower_case() {
    let env = Env::new();
    env.write(
        "prompts.csv",
        "id,theme,depth,text\nmine-001,Work,light,What went well at work today?\n",
    );
    for theme in ["Work", "work", "WORK"] {
        assert_eq!(
            env.ok(&["prompt", "--theme", theme]),
            "What went well at work today?\n",
            "--theme {theme}"
        );
    }
    assert_eq!(
        env.ok(&["prompt", "--list", "--theme", "Work", "--format", "csv"]),
        "id,theme,depth,text,added\nmine-001,Work,light,What went well at work today?,\n"
    );
}

const TWO_GOALS: &str = "id,title,horizon,status,owner,due,created,closed,note,updated_at\n\
k3m9x2ab,Learn to tango,year,open,us,,2026-11-01,,,\n\
k3p7q8cd,Book the Lisbon trip,year,open,us,,2026-11-02,,,\n";

#[test]
fn a_goal_prefix_matches_in_upper_case() {
    let env = Env::new();
    env.write("goals.csv", TWO_GOALS);
    let err = env.fails(&["goals", "done", "K3M"], 0);
    assert_eq!(err, "done: k3m9x2ab  Learn to tango\n");
    assert!(
        env.file("goals.csv")
            .unwrap()
            .contains("k3m9x2ab,Learn to tango,year,done")
    );
}

/// The message after the quoted input: "could be any of a, b, … and N more".
fn candidates(err: &str) -> (usize, &str) {
    let first = err.lines().next().unwrap();
    let list = first.split_once(" could be any of ").unwrap().1;
    let shown = list.split(" and ").next().unwrap().split(", ").count();
    (
        shown,
        list.rsplit_once(" and ").map_or("", |(_, more)| more),
    )
}

#[test]
fn goals_and_prompts_list_the_same_capped_number_of_candidates() {
    let env = Env::new();
    let mut goals =
        String::from("id,title,horizon,status,owner,due,created,closed,note,updated_at\n");
    let mut prompts = String::from("id,theme,depth,text\n");
    for i in 0..13 {
        writeln!(goals, "zz{i:02}abcd,Goal {i},year,open,us,,2026-11-01,,,").unwrap();
        writeln!(prompts, "zz-{i:02},mine,light,Question {i}?").unwrap();
    }
    env.write("goals.csv", &goals);
    env.write("prompts.csv", &prompts);
    let goal_err = env.fails(&["goals", "done", "ZZ"], 2);
    let prompt_err = env.fails(&["prompt", "--id", "ZZ"], 2);
    assert_eq!(candidates(&goal_err), (10, "3 more"), "{goal_err}");
    assert_eq!(candidates(&prompt_err), (10, "3 more"), "{prompt_err}");
    assert!(
        goal_err.ends_with("hint: type more of the id\n"),
        "{goal_err}"
    );
    assert!(
        prompt_err.ends_with("hint: type more of the id\n"),
        "{prompt_err}"
    );
}

/// The four formula starts a spreadsheet would run, and their safe forms.
const FORMULAS: [(&str, &str); 4] = [
    ("=1+1", "'=1+1"),
    ("+1", "'+1"),
    ("-1", "'-1"),
    ("@x", "'@x"),
];

#[test]
fn goals_list_csv_neutralises_formulas_unless_raw() {
    let env = Env::new();
    for (formula, _) in FORMULAS {
        env.ok(&["goals", "add", "--", formula]);
    }
    let safe = env.ok(&["goals", "list", "--format", "csv"]);
    let raw = env.ok(&["goals", "list", "--format", "csv", "--raw"]);
    for (formula, neutral) in FORMULAS {
        assert!(safe.contains(&format!(",{neutral},")), "{formula}: {safe}");
        assert!(raw.contains(&format!(",{formula},")), "{formula}: {raw}");
    }
}

#[test]
fn prompt_list_csv_neutralises_formulas_unless_raw() {
    let env = Env::new();
    let mut deck = String::from("id,theme,depth,text\n");
    for (i, (formula, _)) in FORMULAS.iter().enumerate() {
        writeln!(deck, "f-{i},mine,light,{formula}").unwrap();
    }
    env.write("prompts.csv", &deck);
    let safe = env.ok(&["prompt", "--list", "--theme", "mine", "--format", "csv"]);
    let raw = env.ok(&[
        "prompt", "--list", "--theme", "mine", "--format", "csv", "--raw",
    ]);
    let expected = |cell: fn(&(&'static str, &'static str)) -> &'static str| {
        let mut want = String::from("id,theme,depth,text,added\n");
        for (i, pair) in FORMULAS.iter().enumerate() {
            writeln!(want, "f-{i},mine,light,{},", cell(pair)).unwrap();
        }
        want
    };
    assert_eq!(safe, expected(|p| p.1));
    assert_eq!(raw, expected(|p| p.0));
}

#[test]
fn review_csv_neutralises_formulas_unless_raw() {
    let env = Env::new();
    let partner_names = ["=1+1", "+1", "-1", "@x"];
    for name in partner_names {
        env.as_partner(name).ok(&["log", "care"]);
    }
    let safe = env.ok(&["review", "--format", "csv"]);
    let raw = env.ok(&["review", "--format", "csv", "--raw"]);
    for (formula, neutral) in FORMULAS {
        assert!(
            safe.contains(&format!("partner,{neutral},care,1\n")),
            "{formula}: {safe}"
        );
        assert!(
            raw.contains(&format!("partner,{formula},care,1\n")),
            "{formula}: {raw}"
        );
    }
}
