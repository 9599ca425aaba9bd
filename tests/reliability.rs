//! What couple promises about your data, under concurrent writers, a held
//! lock, a careless umask and files that other programs wrote.

use std::collections::HashSet;
use std::fmt::Write as _;
use std::process::Stdio;
use std::time::{Duration, Instant};

use crate::harness::{Env, require};

/// Runs `couple` in a shell with `umask`, so the umask is really in force,
/// and expects success with nothing on stderr.
#[cfg(unix)]
#[track_caller]
fn ok_with_umask(env: &Env, umask: &str, args: &[&str]) {
    let out = std::process::Command::new("sh")
        .arg("-c")
        .arg(format!("umask {umask}; exec \"$0\" \"$@\""))
        .arg(env!("CARGO_BIN_EXE_couple"))
        .args(args)
        .env_clear()
        .envs(env.vars(&env.partner))
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert!(out.status.success(), "umask {umask}: {args:?}: {out:?}");
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "",
        "umask {umask}: {args:?}"
    );
}

#[test]
fn concurrent_appends_keep_every_row_whole_and_once() {
    let env = Env::new();
    let per_writer = 150;
    std::thread::scope(|scope| {
        for writer in ["alex", "sam"] {
            let env = &env;
            scope.spawn(move || {
                for i in 0..per_writer {
                    let note =
                        format!("{writer} #{i}: \"quoted\", with commas,\nand a second line");
                    env.as_partner(writer).ok(&["-q", "log", "care", &note]);
                }
            });
        }
    });
    let bytes = env.file_bytes("log.csv").unwrap();
    let mut reader = csv::Reader::from_reader(bytes.as_slice());
    let mut ids = HashSet::new();
    let mut notes = HashSet::new();
    for record in reader.records() {
        let record = record.expect("every row is whole");
        assert_eq!(record.len(), 9);
        assert!(
            ids.insert(record[0].to_string()),
            "duplicate id {}",
            &record[0]
        );
        notes.insert(record[7].to_string());
    }
    assert_eq!(ids.len(), 2 * per_writer);
    for writer in ["alex", "sam"] {
        for i in 0..per_writer {
            let note = format!("{writer} #{i}: \"quoted\", with commas,\nand a second line");
            assert!(notes.contains(&note), "lost: {note:?}");
        }
    }
}

/// goals.csv's rows as (id, title, status), checking each is whole.
fn goal_rows(env: &Env) -> Vec<(String, String, String)> {
    let bytes = env.file_bytes("goals.csv").unwrap();
    let mut reader = csv::Reader::from_reader(bytes.as_slice());
    // 10 columns, and `changed` once a goal was done.
    let columns = reader.headers().unwrap().len();
    assert!(matches!(columns, 10 | 11), "{columns} columns");
    reader
        .records()
        .map(|record| {
            let record = record.expect("every row is whole");
            assert_eq!(record.len(), columns);
            (
                record[0].to_string(),
                record[1].to_string(),
                record[3].to_string(),
            )
        })
        .collect()
}

#[test]
fn concurrent_goals_adds_keep_every_goal_once() {
    let env = Env::new();
    let per_writer = 40;
    std::thread::scope(|scope| {
        for writer in ["alex", "sam"] {
            let env = &env;
            scope.spawn(move || {
                for i in 0..per_writer {
                    let title = format!("{writer}'s goal #{i}, \"quoted\"");
                    env.as_partner(writer).ok(&["goals", "add", &title]);
                }
            });
        }
    });
    let rows = goal_rows(&env);
    assert_eq!(rows.len(), 2 * per_writer);
    let ids: HashSet<&str> = rows.iter().map(|(id, _, _)| id.as_str()).collect();
    assert_eq!(ids.len(), rows.len(), "an id came twice");
    let titles: HashSet<&str> = rows.iter().map(|(_, title, _)| title.as_str()).collect();
    for writer in ["alex", "sam"] {
        for i in 0..per_writer {
            let title = format!("{writer}'s goal #{i}, \"quoted\"");
            assert!(titles.contains(title.as_str()), "lost: {title}");
        }
    }
}

#[test]
fn concurrent_goals_done_and_add_lose_no_update() {
    let env = Env::new();
    let per_writer = 20;
    let mut seeded =
        String::from("id,title,horizon,status,owner,due,created,closed,note,updated_at\n");
    for i in 0..2 * per_writer {
        writeln!(
            seeded,
            "g{i:03},Seeded {i},year,open,us,,2026-01-01,,,2026-01-01T10:00:00.000+00:00"
        )
        .unwrap();
    }
    env.write("goals.csv", &seeded);
    // Alex finishes the even goals, Sam the odd ones; each adds one after
    // every goal finished, so reads, rewrites and appends interleave.
    std::thread::scope(|scope| {
        for (writer, parity) in [("alex", 0), ("sam", 1)] {
            let env = &env;
            scope.spawn(move || {
                for i in 0..per_writer {
                    let id = format!("g{:03}", 2 * i + parity);
                    env.as_partner(writer).ok(&["-q", "goals", "done", &id]);
                    let title = format!("added by {writer} #{i}");
                    env.as_partner(writer).ok(&["goals", "add", &title]);
                }
            });
        }
    });
    let rows = goal_rows(&env);
    assert_eq!(rows.len(), 4 * per_writer);
    let ids: HashSet<&str> = rows.iter().map(|(id, _, _)| id.as_str()).collect();
    assert_eq!(ids.len(), rows.len(), "an id came twice");
    for (id, title, status) in &rows {
        let want = if title.starts_with("Seeded") {
            "done"
        } else {
            "open"
        };
        assert_eq!(status, want, "{id} {title}");
    }
    for writer in ["alex", "sam"] {
        for i in 0..per_writer {
            let title = format!("added by {writer} #{i}");
            assert!(rows.iter().any(|(_, t, _)| *t == title), "lost: {title}");
        }
    }
}

#[cfg(unix)]
#[test]
fn a_lock_held_elsewhere_fails_the_write_after_about_ten_seconds_naming_it() {
    let env = Env::new();
    env.ok(&["log", "care"]);
    let before = env.file("log.csv").unwrap();
    let lock = std::fs::OpenOptions::new()
        .write(true)
        .open(env.path(".lock"))
        .unwrap();
    lock.lock().unwrap();
    let start = Instant::now();
    let err = env.fails(&["log", "talk"], 1);
    let waited = start.elapsed();
    assert!(
        waited >= Duration::from_secs(9) && waited < Duration::from_secs(30),
        "waited {waited:?}"
    );
    assert!(
        err.contains(&env.path(".lock").display().to_string()),
        "{err}"
    );
    env.assert_file("log.csv", &before);
    lock.unlock().unwrap();
    env.ok(&["log", "talk"]);
}

#[cfg(unix)]
#[test]
fn under_crons_umask_the_dir_is_0700_and_the_files_0600() {
    use std::os::unix::fs::PermissionsExt;
    for umask in ["022", "000"] {
        let env = Env::new();
        ok_with_umask(&env, umask, &["log", "care", "x"]);
        let mode = |name: &str| {
            std::fs::metadata(env.path(name))
                .unwrap()
                .permissions()
                .mode()
                & 0o777
        };
        assert_eq!(
            std::fs::metadata(env.data()).unwrap().permissions().mode() & 0o777,
            0o700,
            "umask {umask}"
        );
        assert_eq!(mode("log.csv"), 0o600, "umask {umask}");
        assert_eq!(mode(".lock"), 0o600, "umask {umask}");
    }
}

#[cfg(unix)]
#[test]
fn a_data_dir_others_can_read_gets_a_warning() {
    use std::os::unix::fs::PermissionsExt;
    let env = Env::new();
    env.ok(&["log", "care"]);
    std::fs::set_permissions(env.data(), std::fs::Permissions::from_mode(0o755)).unwrap();
    let data = env.data();
    let data = data.display();
    let id = env.ok_with_stderr(
        &["log", "care"],
        &format!(
            "couple: warning: {data} can be read by others (mode 755)\n\
             hint: chmod 700 {data}\n"
        ),
    );
    assert_eq!(id.trim_end().len(), 10, "the entry is still logged: {id}");
}

#[test]
fn a_semicolon_separated_file_is_refused_with_a_hint() {
    let env = Env::new();
    let text =
        "id;date;partner;kind;minutes;mood;prompt;note;logged_at\r\nk;2026-11-01;sam;care;;;;;\r\n";
    env.write("log.csv", text);
    let err = env.fails(&["review"], 65);
    assert!(
        err.starts_with("couple: log.csv line 1: the header lacks"),
        "{err}"
    );
    assert!(err.contains("';'"), "{err}");
    env.fails(&["log", "care"], 65);
    env.assert_file("log.csv", text);
}

#[test]
fn a_torn_tail_is_reported_with_its_line_and_blocks_writes() {
    let env = Env::new();
    env.ok(&["log", "care", "one"]);
    env.ok(&["log", "care", "two"]);
    let mut bytes = env.file_bytes("log.csv").unwrap();
    bytes.extend_from_slice(b"abc,2026-11-25,al\0\0\0\0\0\0\0\0");
    env.write("log.csv", &bytes);
    let err = env.fails(&["log", "care", "three"], 65);
    assert!(err.starts_with("couple: log.csv line 4:"), "{err}");
    assert_eq!(env.file_bytes("log.csv").unwrap(), bytes);
    let err = env.fails(&["review"], 65);
    assert!(err.starts_with("couple: log.csv line 4:"), "{err}");
}

#[test]
fn a_crashed_writers_temporary_file_is_never_read_and_is_cleaned_up() {
    let env = Env::new();
    env.ok(&["log", "care", "one"]);
    env.write(".couple-tmp-log.csv-99999", "id,date,partner,kind,minutes,mood,prompt,note,logged_at\nghost,2026-11-25,alex,care,,,,,\n");
    let review = env.ok(&["review", "--format", "json"]);
    assert!(review.contains("\"care\": 1"), "{review}");
    env.ok(&["log", "care", "two"]);
    assert!(!env.path(".couple-tmp-log.csv-99999").exists());
}

/// Commands whose output is data, not chatter.
const OUTPUTS: [&[&str]; 3] = [
    &["prompt", "--list"],
    &["review", "--format", "json"],
    &["goals", "list", "--format", "csv"],
];

/// A sandbox with a log entry and `goals` goals, so every output has data.
fn with_data(goals: usize) -> Env {
    let env = Env::new();
    env.ok(&["-q", "log", "care", "a note"]);
    let mut text =
        String::from("id,title,horizon,status,owner,due,created,closed,note,updated_at\n");
    for i in 0..goals {
        writeln!(
            text,
            "g{i:07},Goal {i} of many,year,open,us,,2026-01-01,,,2026-01-01T10:00:00.000+00:00"
        )
        .unwrap();
    }
    env.write("goals.csv", text);
    env
}

#[test]
fn a_full_disk_on_stdout_exits_1_with_a_message() {
    let env = with_data(3);
    if !require("/dev/full", std::path::Path::new("/dev/full").exists()) {
        return;
    }
    for args in OUTPUTS {
        let full = std::fs::OpenOptions::new()
            .write(true)
            .open("/dev/full")
            .unwrap();
        let out = env.std_command(args).stdout(full).output().unwrap();
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        assert_eq!(
            String::from_utf8_lossy(&out.stderr),
            "couple: writing output: No space left on device\n",
            "{args:?}"
        );
    }
}

#[test]
fn a_pipe_closed_before_any_output_exits_0_quietly() {
    let env = with_data(3);
    for args in OUTPUTS {
        let mut child = env
            .std_command(args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        // The reader is gone before couple has started to write.
        drop(child.stdout.take());
        let out = child.wait_with_output().unwrap();
        assert_eq!(out.status.code(), Some(0), "{args:?}");
        assert_eq!(String::from_utf8_lossy(&out.stderr), "", "{args:?}");
    }
}

#[test]
fn a_pipe_closed_after_one_line_exits_0_quietly() {
    // 5,000 goals make far more output than a pipe holds, so couple is
    // still writing when the reader goes, as under `| head -1`.
    let env = with_data(5_000);
    for args in [
        &["prompt", "--list"][..],
        &["goals", "list", "--format", "csv"],
    ] {
        let (first, run) = env.first_line_then_gone(args);
        assert!(!first.is_empty(), "{args:?}");
        assert_eq!((run.code, run.stderr.as_str()), (0, ""), "{args:?}");
    }
}

/// `sh -c 'ulimit -f 1; couple ARGS'`: couple under a 1 KiB file-size limit.
fn under_a_file_size_limit(env: &Env, args: &[&str]) -> std::process::Output {
    std::process::Command::new("sh")
        .arg("-c")
        .arg("ulimit -f 1 && exec \"$0\" \"$@\"")
        .arg(env!("CARGO_BIN_EXE_couple"))
        .args(args)
        .env_clear()
        .envs(env.vars(&env.partner))
        .current_dir(env.home())
        .stdin(Stdio::null())
        .output()
        .expect("sh runs")
}

#[test]
fn a_file_size_limit_refuses_the_row_and_leaves_every_file_whole() {
    let env = Env::new();
    env.ok(&["log", "care", "first"]);
    env.ok(&["goals", "add", "a", "first", "goal"]);
    let (log, goals) = (env.file("log.csv").unwrap(), env.file("goals.csv").unwrap());
    let note = "y".repeat(3000);
    for args in [&["log", "care", &note][..], &["goals", "add", &note]] {
        let out = under_a_file_size_limit(&env, args);
        let stderr = String::from_utf8_lossy(&out.stderr);
        // Not killed by SIGXFSZ half-way through a row: refused, saying why.
        assert_eq!(out.status.code(), Some(1), "{:?}: {stderr}", &args[..2]);
        assert!(stderr.contains("File too large"), "{stderr}");
    }
    assert_eq!(env.file("log.csv").unwrap(), log);
    assert_eq!(env.file("goals.csv").unwrap(), goals);
    let left: Vec<_> = crate::harness::tree(&env.data())
        .into_iter()
        .filter(|p| {
            p.file_name()
                .is_some_and(|name| name.to_string_lossy().contains("tmp"))
        })
        .collect();
    assert!(left.is_empty(), "temporary files left: {left:?}");
    env.ok(&["review"]);

    // What is written by a rename outside the data directory too: an
    // export, a review page.
    let mut more = String::new();
    for i in 0..40 {
        writeln!(more, "r{i},2026-11-20,alex,care,,,,{},", "x".repeat(100)).unwrap();
    }
    env.write("log.csv", format!("{log}{more}"));
    for args in [
        &["export", "-o", "out.csv"][..],
        &["review", "--format", "html", "-o", "page.html"],
    ] {
        let out = under_a_file_size_limit(&env, args);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{args:?}: {stderr}");
        assert!(stderr.contains("File too large"), "{stderr}");
        let left: Vec<_> = std::fs::read_dir(env.home())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|name| name.contains("tmp") || name == "out.csv" || name == "page.html")
            .collect();
        assert!(left.is_empty(), "{args:?}: left {left:?}");
    }
}

/// A pipe, or a folder, where a data file goes is refused at once, naming
/// it: opening a FIFO to read waits for a writer, and couple runs in every
/// new shell and from cron, where a wait is a hang.
#[cfg(unix)]
#[test]
fn a_pipe_or_a_folder_where_a_data_file_goes_is_refused_at_once() {
    if !crate::harness::require_tool("mkfifo") {
        return;
    }
    for file in ["log.csv", "settings.csv", "goals.csv"] {
        for make in ["mkfifo", "mkdir", "socket"] {
            let env = Env::new();
            env.write(
                "prompts.csv",
                "id,theme,depth,text\nown-1,play,light,What made you laugh?\n",
            );
            let path = env.path(file);
            let _socket = if make == "socket" {
                Some(std::os::unix::net::UnixListener::bind(&path).unwrap())
            } else {
                let made = std::process::Command::new(make).arg(&path).status();
                assert!(made.is_ok_and(|s| s.success()), "{make} {file}");
                None
            };
            let args: &[&[&str]] = match file {
                "log.csv" => &[
                    &["prompt"],
                    &["log", "care"],
                    &["review", "--due"],
                    &["history"],
                ],
                "settings.csv" => &[&["prompt"], &["log", "care"], &["review", "--due"]],
                _ => &[&["goals", "list"], &["review", "--due"]],
            };
            for args in args {
                let mut cmd = env.command(args);
                cmd.timeout(Duration::from_secs(20));
                let out = cmd
                    .output()
                    .unwrap_or_else(|e| panic!("{make} {file}: couple {args:?} waited: {e}"));
                let stderr = String::from_utf8_lossy(&out.stderr);
                assert_eq!(
                    out.status.code(),
                    Some(1),
                    "{make} {file} {args:?}: {stderr}"
                );
                assert!(out.stdout.is_empty(), "{make} {file} {args:?}");
                let named = format!("{}: ", path.display());
                let said = [
                    "not a plain file (a pipe, a device, a socket or a folder)",
                    "Is a directory",
                ];
                assert!(
                    said.iter()
                        .any(|what| stderr.contains(&format!("{named}{what}\n"))),
                    "{make} {file} {args:?}: {stderr}"
                );
                assert!(
                    stderr.contains("\nhint: couple keeps its data in plain files: move"),
                    "{stderr}"
                );
            }
        }
    }
}

/// A data file that is a link pointing nowhere (into a synced folder not
/// mounted) is named, never read as a new, empty file: the review would
/// nag for what was done, and the next write would start a log beside
/// the real one.
#[cfg(unix)]
#[test]
fn a_link_pointing_nowhere_is_named_not_read_as_empty() {
    let env = Env::new();
    env.ok(&["log", "care", "tea"]);
    let gone = env.home().join("cloud/not-mounted/log.csv");
    std::fs::remove_file(env.path("log.csv")).unwrap();
    std::os::unix::fs::symlink(&gone, env.path("log.csv")).unwrap();
    for args in [
        &["export"][..],
        &["review", "--due"],
        &["prompt"],
        &["history"],
        &["log", "care", "more tea"],
    ] {
        let err = env.fails(args, 1);
        assert!(
            err.starts_with(&format!(
                "couple: {} is a link to {}, which is not there\n",
                env.path("log.csv").display(),
                gone.display()
            )),
            "{args:?}: {err}"
        );
    }
    assert!(!gone.exists());
}

/// A pipe where the lock goes, or a file where the folder of folded copies
/// goes, is named before anything is written: the copy's rows were folded
/// into log.csv and then the write failed half-way.
#[cfg(unix)]
#[test]
fn a_lock_or_a_merged_folder_that_is_no_such_thing_stops_a_write_before_it_starts() {
    if !crate::harness::require_tool("mkfifo") {
        return;
    }
    for (name, said) in [
        (".lock", "cannot open the lock"),
        (
            ".merged",
            "is not a folder: couple moves the sync-conflict copies it folded in there",
        ),
    ] {
        let env = Env::new();
        env.ok(&["log", "care", "tea"]);
        let log = env.file("log.csv").unwrap();
        let copy = "log.sync-conflict-20261122-101010-ABCDEFG.csv";
        let row = "c1,2026-11-20,sam,care,,,,from the copy,\n";
        env.write(
            copy,
            format!("{}{row}", log.lines().next().unwrap().to_owned() + "\n"),
        );
        std::fs::remove_file(env.path(name)).ok();
        let made = std::process::Command::new("mkfifo")
            .arg(env.path(name))
            .status();
        assert!(made.is_ok_and(|s| s.success()), "mkfifo {name}");
        let mut cmd = env.command(&["log", "care", "more tea"]);
        cmd.timeout(Duration::from_secs(20));
        let out = cmd.output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{name}: {stderr}");
        assert!(stderr.contains(said), "{name}: {stderr}");
        assert_eq!(env.file("log.csv").unwrap(), log, "{name}: nothing written");
        assert!(env.file(copy).is_some(), "{name}: the copy stays");
    }
}

/// A `.lock` that is a link to nowhere is named, never followed (its
/// target was made wherever it pointed); a `.merged` that is no folder is
/// named before a guided flow asks anything, so nothing typed is lost.
#[cfg(unix)]
#[test]
fn a_dangling_lock_is_named_and_a_bad_merged_folder_is_named_before_asking() {
    let env = Env::new();
    env.ok(&["log", "care", "tea"]);
    let target = env.home().join("elsewhere-lock");
    std::fs::remove_file(env.path(".lock")).unwrap();
    std::os::unix::fs::symlink(&target, env.path(".lock")).unwrap();
    let err = env.fails(&["log", "care", "more"], 1);
    assert!(err.contains("/.lock is a link to "), "{err}");
    assert!(!target.exists(), "the link was followed");

    let env = Env::new();
    env.ok(&["log", "care", "tea"]);
    env.write(".merged", "");
    let Some(term) = crate::terminal::Terminal::start(&env, &["log", "repair"]) else {
        return;
    };
    let (code, screen) = term.finish();
    assert_eq!(code, 1, "{screen}");
    assert!(screen.contains(".merged is not a folder"), "{screen}");
    assert!(!screen.contains("A repair, step by step"), "{screen}");
}
