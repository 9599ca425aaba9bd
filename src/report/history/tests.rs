use rustc_hash::FxHashSet;

use super::*;
use crate::dates::parse_iso;

/// The reader's view of one entry, or `None` when `grep` does not find it.
fn view<'q>(
    entry: &Entry,
    question: Option<&'q str>,
    blind: Blind<'_>,
    grep: Option<&Grep>,
) -> Option<Row<'q>> {
    let mut row = Row::blank();
    view_into(entry, question, blind, grep, &mut row).then_some(row)
}

fn day(text: &str) -> NaiveDate {
    parse_iso(text.as_bytes()).unwrap()
}

fn answer(date: &str, partner: &str, prompt: &str, note: &str) -> Entry {
    Entry {
        id: "x".into(),
        date: day(date),
        partner: partner.into(),
        kind: Kind::Answer,
        minutes: None,
        mood: None,
        prompt: prompt.into(),
        note: note.into(),
        logged_at: String::new(),
    }
}

fn note(date: &str, partner: &str, kind: Kind, note: &str) -> Entry {
    Entry {
        kind,
        ..answer(date, partner, "", note)
    }
}

/// The days a reader sees, from entries given newest first.
fn days(caller: &str, answered: &[&str], entries: &[Entry]) -> Vec<Day<'static>> {
    let answered: FxHashSet<String> = answered.iter().map(|s| (*s).to_string()).collect();
    let blind = Blind {
        caller,
        answered: &answered,
    };
    let mut journal = Journal::default();
    let mut out = Vec::new();
    for e in entries {
        let row = view(e, Some("Q?"), blind, None).unwrap();
        out.extend(journal.push(row));
    }
    out.extend(journal.finish());
    out
}

fn said(q: &Question) -> Vec<(String, String, Option<String>)> {
    q.answers
        .iter()
        .map(|a| {
            (
                a.partner.clone(),
                crate::dates::iso(a.date),
                a.note().map(str::to_string),
            )
        })
        .collect()
}

#[test]
fn a_partners_answer_stays_hidden_until_you_answer_that_question() {
    let log = [answer("2026-11-23", "alex", "p1", "the walk")];
    let seen = days("sam", &[], &log);
    assert_eq!(
        said(&seen[0].questions[0]),
        [("alex".into(), "2026-11-23".into(), None)]
    );
    assert!(seen[0].questions[0].answers[0].hidden);
    // Answering it, on any day, reveals it.
    let seen = days("sam", &["p1"], &log);
    assert_eq!(seen[0].questions[0].answers[0].note(), Some("the walk"));
}

#[test]
fn an_answer_given_the_next_day_joins_the_question_side_by_side() {
    let log = [
        answer("2026-11-24", "sam", "p1", "the coffee"),
        note("2026-11-24", "sam", Kind::Care, "tea"),
        answer("2026-11-23", "alex", "p1", "the walk"),
    ];
    let seen = days("alex", &["p1"], &log);
    assert_eq!(seen.len(), 2);
    assert_eq!(seen[0].date, day("2026-11-24"));
    assert_eq!(
        said(&seen[0].questions[0]),
        [("sam".into(), "2026-11-24".into(), Some("the coffee".into()))]
    );
    assert_eq!(seen[0].notes.len(), 1);
    assert_eq!(
        said(&seen[1].questions[0]),
        [
            ("alex".into(), "2026-11-23".into(), Some("the walk".into())),
            ("sam".into(), "2026-11-24".into(), Some("the coffee".into())),
        ]
    );
}

#[test]
fn an_answer_more_than_a_week_later_does_not_join() {
    let log = [
        answer("2026-12-01", "sam", "p1", "late"),
        answer("2026-11-23", "alex", "p1", "the walk"),
    ];
    let seen = days("alex", &["p1"], &log);
    assert_eq!(seen[1].questions[0].answers.len(), 1);
}

#[test]
fn a_days_answers_read_oldest_first_under_one_question() {
    let log = [
        answer("2026-11-23", "sam", "p1", "second"),
        answer("2026-11-23", "alex", "p1", "first"),
        answer("2026-11-23", "alex", "p2", "other"),
    ];
    let seen = days("alex", &["p1", "p2"], &log);
    assert_eq!(seen[0].questions.len(), 2);
    assert_eq!(
        said(&seen[0].questions[0]),
        [
            ("alex".into(), "2026-11-23".into(), Some("first".into())),
            ("sam".into(), "2026-11-23".into(), Some("second".into())),
        ]
    );
}

#[test]
fn grep_looks_at_notes_and_questions_but_never_at_hidden_answers() {
    let none = FxHashSet::default();
    let blind = Blind {
        caller: "sam",
        answered: &none,
    };
    let grep = Grep::new("LISBON");
    let care = note("2026-11-23", "alex", Kind::Care, "booked Lisbon");
    assert!(view(&care, None, blind, Some(&grep)).is_some());
    let secret = answer("2026-11-23", "alex", "p1", "lisbon, always");
    assert!(view(&secret, Some("Where?"), blind, Some(&grep)).is_none());
    assert!(view(&secret, Some("Lisbon or Porto?"), blind, Some(&grep)).is_some());
    let accented = note("2026-11-23", "alex", Kind::Care, "ÉTÉ à Lisbonne");
    assert!(view(&accented, None, blind, Some(&Grep::new("été"))).is_some());
}

#[test]
fn reused_rows_make_the_same_days() {
    // Days of answers and notes, some questions answered days later.
    let mut log = Vec::new();
    for i in (0..400u32).rev() {
        let date = crate::dates::iso(day("2026-01-01") + chrono::Days::new(u64::from(i / 3)));
        let who = ["alex", "sam", "Alex"][(i % 3) as usize];
        match i % 4 {
            0 => log.push(note(
                &date,
                who,
                Kind::Care,
                if i % 8 == 0 { "" } else { "tea" },
            )),
            _ => log.push(answer(
                &date,
                who,
                &format!("p{}", i % 11),
                &format!("a{i}"),
            )),
        }
    }
    let answered: FxHashSet<String> = ["p1", "p2", "p3"]
        .iter()
        .map(|s| (*s).to_string())
        .collect();
    let blind = Blind {
        caller: "alex",
        answered: &answered,
    };
    let fresh: Vec<Day> = days("alex", &["p1", "p2", "p3"], &log)
        .into_iter()
        .map(|mut d| {
            d.notes.retain(|n| n.note() != Some("tea"));
            d
        })
        .filter(|d| !d.notes.is_empty() || !d.questions.is_empty())
        .collect();
    let mut journal = Journal::default();
    let mut reused = Vec::new();
    for e in &log {
        let mut row = journal.blank();
        // What --grep would leave out is given back.
        let grep = Grep::new(if e.note == "tea" { "nowhere" } else { "" });
        if !view_into(e, Some("Q?"), blind, Some(&grep), &mut row) {
            journal.give_back(row);
            continue;
        }
        if let Some(day) = journal.push(row) {
            reused.push(day.clone());
            journal.recycle(day);
        }
    }
    reused.extend(journal.finish());
    assert_eq!(reused, fresh);
    assert!(
        fresh
            .iter()
            .any(|d| d.questions.iter().any(|q| q.answers.len() > 1))
    );
}
