use std::fmt::Write as _;
use std::io::Cursor;

use super::*;
use crate::error::Error;

const HEADER: &str = "id,date,partner,kind,minutes,mood,prompt,note,logged_at\n";

/// Both passes over `bytes` as a data dir's log.csv, the first reading
/// a file of `halves_from` bytes or more in halves: the ids of the
/// answers the first pass kept, sorted, then the rows the second gave
/// out; or the error.
fn both_passes(bytes: &[u8], halves_from: u64) -> Result<(Vec<String>, Vec<String>)> {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join(LOG_FILE), bytes).unwrap();
    let (log, kept) = newest_first_halving(
        dir.path(),
        &|kind, _| kind == Kind::Answer,
        &|e| Some(e.id.clone()),
        halves_from,
    )?;
    let mut kept: Vec<String> = kept.into_iter().collect();
    kept.sort();
    let mut visited = Vec::new();
    log.visit(&|_, _| true, |e| {
        visited.push(shown(e));
        Ok(())
    })?;
    Ok((kept, visited))
}

fn shown(e: &Entry) -> String {
    format!(
        "{} {} {} {} {:?} {:?} {} {:?} {}",
        e.id, e.date, e.partner, e.kind, e.minutes, e.mood, e.prompt, e.note, e.logged_at
    )
}

/// Every entry, read by the one reader, put newest first by sorting;
/// and the ids of the answers, sorted.
fn sorted(bytes: &[u8]) -> Result<(Vec<String>, Vec<String>)> {
    let file = Source::Memory(Cursor::new(bytes.to_vec()));
    let mut reader = Reader::<_, Entry>::open(LOG_FILE, file)?;
    let mut all = Vec::new();
    let mut answers = Vec::new();
    while reader.advance(|_| true)? {
        let entry = reader.record();
        all.push((entry.date, all.len(), shown(entry)));
        if entry.kind == Kind::Answer {
            answers.push(entry.id.clone());
        }
    }
    all.sort_by_key(|e| std::cmp::Reverse((e.0, e.1)));
    answers.sort();
    Ok((answers, all.into_iter().map(|(_, _, e)| e).collect()))
}

/// A log of `rows` rows, dates out of order now and then (some by
/// years, across chunks), notes quoted, some over two lines, neighbours
/// alike and not.
fn log(rows: usize, bad: Option<(usize, &str)>) -> String {
    let mut text = HEADER.to_string();
    for i in 0..rows {
        if let Some((at, row)) = bad
            && at == i
        {
            text.push_str(row);
            text.push('\n');
        }
        let day = match i % 97 {
            5 => i / 40,
            50 => i / 9 + 400,
            _ => i / 9,
        };
        let date = NaiveDate::from_ymd_opt(2000, 1, 1).unwrap() + chrono::Days::new(day as u64);
        let note = match i % 5 {
            0 => format!("\"note, {i}\""),
            1 => format!("\"two\nlines {i}\""),
            2 => String::new(),
            _ => format!("note {i}"),
        };
        let _ = writeln!(
            text,
            "r{i},{date},{},{},{},,p-{},{note},t{}",
            if i % 3 == 0 { "alex" } else { "sam" },
            if i % 4 == 0 { "care" } else { "answer" },
            i % 30,
            i % 7,
            i % 2
        );
    }
    text
}

#[test]
fn rows_come_newest_first_and_each_once_read_whole_or_in_halves() {
    // A note over many lines around the middle: a line end found there
    // is inside it, and the first half does not end where it looked.
    // Its lines read as rows of their own to a reader that starts
    // among them.
    let mut long_note = log(2_000, None);
    long_note.push_str("n1,2001-01-01,alex,care,,,,\"the first line\n");
    long_note.push_str(&"q0,2001-01-01,alex,answer,,,p,fake,t\n".repeat(5_000));
    long_note.push_str("q9,2001-01-01,alex,answer,,,p,fake\",t\n");
    long_note.push_str(&log(2_000, None)[HEADER.len()..].replace("\nr", "\nq"));
    for text in [
        log(12_000, None),
        log(11_997, None),
        log(12_000, None).replace('\n', "\r\n"),
        log(3, None).replace('\n', "\r\n"),
        format!("\u{feff}{}", log(50, None)),
        log(20, None).trim_end().to_string(),
        log(1, None),
        long_note,
        HEADER.to_string(),
        String::new(),
    ] {
        let want = sorted(text.as_bytes()).unwrap();
        for halves_from in [u64::MAX, 0] {
            assert_eq!(both_passes(text.as_bytes(), halves_from).unwrap(), want);
        }
    }
}

#[test]
fn a_bad_row_is_the_readers_error_read_whole_or_in_halves() {
    for row in [
        "x,2001-02-30,alex,care,,,,,t",
        "x,2001-01-01,alex,care,,,,\"open",
        "x,2001-01-01,alex,care,,,,a\0b,t",
        "<<<<<<< HEAD",
        "x,2001-01-01,alex,care,,,,,t,extra",
        "x,2001-01-01,alex,talk,ten,,,,t",
    ] {
        for at in [0, 4_000, 6_000, 8_000, 11_999] {
            let text = log(12_000, Some((at, row)));
            for text in [
                text.clone(),
                text.replace('\n', "\r\n"),
                text.replace('\n', "\r"),
            ] {
                let message = |r: Result<()>| r.map_err(|e: Error| (e.message, e.hint));
                let theirs = message(sorted(text.as_bytes()).map(|_| ()));
                for halves_from in [u64::MAX, 0] {
                    let ours = both_passes(text.as_bytes(), halves_from).map(|_| ());
                    assert!(ours.is_err(), "{row}");
                    assert_eq!(message(ours), theirs, "{row} at {at}");
                }
            }
        }
    }
}

/// Another program cuts log.csv shorter in place between the two passes:
/// wherever the cut falls (in a stray read apart, in a chunk, before the
/// first row) that is the error, never a torn row or a journal ending
/// early as if all was shown.
#[test]
fn a_log_cut_shorter_between_the_passes_is_that_error() {
    let mut text = log(12_000, None);
    let stray_at = text.find("\nr4000,").unwrap() + 1;
    text.insert_str(stray_at, "s1,2099-01-01,alex,care,,,,\"far, ahead\",t\n");
    let len = text.len() as u64;
    for cut in [
        0,
        HEADER.len() as u64,
        stray_at as u64 + 20,
        len / 2 + 5,
        len - 3,
    ] {
        for halves_from in [u64::MAX, 0] {
            let dir = tempfile::tempdir().unwrap();
            let path = dir.path().join(LOG_FILE);
            std::fs::write(&path, &text).unwrap();
            let (log, _) =
                newest_first_halving(dir.path(), &|_, _| false, &|_| None, halves_from).unwrap();
            assert!(
                log.strays.iter().any(|at| at.byte() == stray_at as u64),
                "the row far ahead is read apart"
            );
            let file = std::fs::OpenOptions::new().write(true).open(&path).unwrap();
            file.set_len(cut).unwrap();
            let mut visited = 0;
            let err = log
                .visit(&|_, _| true, |_| {
                    visited += 1;
                    Ok(())
                })
                .unwrap_err();
            assert_eq!(
                err.message, "log.csv was cut shorter while it was read: rows may be missing",
                "cut at {cut}, halves from {halves_from}, {visited} rows out"
            );
        }
    }
}
