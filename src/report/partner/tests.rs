use super::*;
use crate::dates::parse_iso;

fn day(text: &str) -> NaiveDate {
    parse_iso(text.as_bytes()).unwrap()
}

fn entry(date: &str, partner: &str, kind: Kind, prompt: &str, note: &str) -> Entry {
    Entry {
        id: note.into(),
        date: day(date),
        partner: partner.into(),
        kind,
        minutes: None,
        mood: None,
        prompt: prompt.into(),
        note: note.into(),
        logged_at: String::new(),
    }
}

fn fold(caller: &str, as_of: &str, entries: &[Entry]) -> (Vec<Answer>, Vec<Due>, FromPartner) {
    let mut fold = PartnerFold::new(caller, Period::week_of(day(as_of)), day(as_of));
    for e in entries {
        fold.add(e);
    }
    fold.finish(|p| (p == "p1").then_some("Where shall we go?"))
}

fn texts(answers: &[Answer]) -> Vec<(&str, Option<&str>)> {
    answers
        .iter()
        .map(|a| (a.partner.as_str(), a.text.as_deref()))
        .collect()
}

#[test]
fn an_answer_stays_hidden_until_the_caller_answers_that_question_on_any_day() {
    let monday = entry("2026-11-23", "alex", Kind::Answer, "p1", "Lisbon");
    let (answers, due, _) = fold("sam", "2026-11-23", std::slice::from_ref(&monday));
    assert_eq!(texts(&answers), [("alex", None)]);
    assert_eq!(answers[0].question.as_deref(), Some("Where shall we go?"));
    assert_eq!(
        due[0].message,
        "answer: alex answered \"Where shall we go?\"; answer it to see theirs: couple log answer --prompt p1"
    );
    // The next day the due line stays, until sam answers that question.
    let (answers, due, _) = fold("sam", "2026-11-24", std::slice::from_ref(&monday));
    assert!(answers.is_empty());
    assert_eq!(due.len(), 1);
    let tuesday = entry("2026-11-24", "sam", Kind::Answer, "p1", "Porto");
    let (answers, due, _) = fold("sam", "2026-11-24", &[monday.clone(), tuesday.clone()]);
    assert_eq!(
        texts(&answers),
        [("sam", Some("Porto")), ("alex", Some("Lisbon"))]
    );
    assert!(due.is_empty());
    // And alex, on Tuesday, reads both too.
    let (answers, _, _) = fold("alex", "2026-11-24", &[monday, tuesday]);
    assert_eq!(
        texts(&answers),
        [("alex", Some("Lisbon")), ("sam", Some("Porto"))]
    );
}

#[test]
fn the_partners_notes_of_the_period_come_newest_first_and_not_ones_own() {
    let entries = [
        entry("2026-11-16", "sam", Kind::Care, "", "last week"),
        entry("2026-11-23", "sam", Kind::Appreciation, "", "for the note"),
        entry("2026-11-23", "alex", Kind::Care, "", "mine"),
        entry("2026-11-24", "sam", Kind::Talk, "", "a talk"),
        entry("2026-11-24", "sam", Kind::Repair, "", "sorry"),
        entry("2026-11-24", "sam", Kind::Affection, "", "a hug"),
    ];
    let (_, _, extra) = fold("alex", "2026-11-25", &entries);
    let notes: Vec<&str> = extra.notes.iter().map(|n| n.text.as_str()).collect();
    assert_eq!(notes, ["a hug", "sorry", "for the note"]);
}

#[test]
fn on_this_day_names_a_question_both_answered_in_an_earlier_year() {
    let entries = [
        entry("2025-11-25", "alex", Kind::Answer, "p1", "a"),
        entry("2025-11-25", "sam", Kind::Answer, "p1", "b"),
        entry("2024-11-25", "alex", Kind::Answer, "p2", "only one"),
        entry("2025-11-24", "alex", Kind::Answer, "p3", "c"),
        entry("2025-11-24", "sam", Kind::Answer, "p3", "d"),
    ];
    let (_, _, extra) = fold("alex", "2026-11-25", &entries);
    assert_eq!(extra.on_this_day.len(), 1);
    assert_eq!(
        on_this_day_line(&extra.on_this_day[0]),
        "On this day in 2025 you both answered: Where shall we go?"
    );
}

#[test]
fn news_is_the_partners_last_week_newest_first_on_one_line_each() {
    let entries = [
        entry("2026-11-17", "sam", Kind::Appreciation, "", "too old"),
        entry("2026-11-20", "sam", Kind::Appreciation, "", "for the\nnote"),
        entry("2026-11-21", "alex", Kind::Appreciation, "", "mine"),
        entry("2026-11-22", "sam", Kind::Answer, "p1", "secret"),
        entry(
            "2026-11-22",
            "sam",
            Kind::Answer,
            "p2",
            "not answered by alex: due, not news",
        ),
        entry("2026-11-22", "alex", Kind::Answer, "p1", "mine"),
        entry("2026-11-23", "sam", Kind::Talk, "", "not news"),
        entry("2026-11-24", "sam", Kind::Care, "", ""),
    ];
    let (_, _, extra) = fold("alex", "2026-11-25", &entries);
    let news: Vec<&str> = extra.news.iter().map(|n| n.message.as_str()).collect();
    assert_eq!(
        news,
        [
            "sam did something caring",
            "sam answered: Where shall we go?",
            "sam appreciated you: for the note",
        ]
    );
}

/// A partner's answer to no question (a row written by hand) is not due:
/// there is nothing to answer in turn. An id a shell would split is
/// quoted in the command the due line gives.
#[test]
fn an_answer_to_no_question_is_not_due_and_an_odd_id_is_quoted() {
    let blank = entry("2026-11-23", "alex", Kind::Answer, "", "Lisbon");
    let (_, due, _) = fold("sam", "2026-11-23", &[blank]);
    assert!(due.is_empty(), "{due:?}");
    let odd = entry("2026-11-23", "alex", Kind::Answer, "our q1", "Lisbon");
    let (_, due, _) = fold("sam", "2026-11-23", &[odd]);
    assert!(
        due[0]
            .message
            .ends_with("couple log answer --prompt 'our q1'"),
        "{}",
        due[0].message
    );
}
