//! A period's answers, question by question, side by side: what the
//! review page shows. Blind until you answer: a partner's answer to a
//! question the caller has not answered (on any day up to the as-of date)
//! stays hidden, as on the day itself.

use std::collections::HashSet;

use chrono::NaiveDate;
use serde::Serialize;

use crate::dates::Period;
use crate::model::{Entry, Kind, same_partner};

/// One question of the period and everyone's answers to it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub(crate) struct Question {
    /// The prompt's id, as logged (empty for an answer logged without one).
    pub(crate) prompt: String,
    /// The first day it was answered within the period.
    pub(crate) date: NaiveDate,
    /// One per partner who answered it, the caller first; a later answer
    /// by the same partner replaces an earlier one.
    pub(crate) answers: Vec<Said>,
}

/// One partner's answer to a question.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub(crate) struct Said {
    pub(crate) partner: String,
    /// `None` while the caller has not answered that question.
    pub(crate) text: Option<String>,
}

/// The answers of a period, folded one entry at a time: the period's
/// answers, and which questions the caller answered (on any day up to the
/// as-of date), never every answer of the log.
#[derive(Debug)]
pub(crate) struct Answers {
    range: Period,
    as_of: NaiveDate,
    caller: String,
    /// The period's answers up to the as-of date: (date, partner, prompt, text).
    seen: Vec<(NaiveDate, String, String, String)>,
    /// The questions the caller answered, by [`key`]: at most the deck's
    /// prompts and the period's days.
    answered: HashSet<String>,
}

/// A question's key: its prompt id, or for an answer logged without one
/// the question of its day.
fn key(date: NaiveDate, prompt: &str) -> String {
    if prompt.is_empty() {
        format!("@{date}")
    } else {
        prompt.to_string()
    }
}

impl Answers {
    pub(crate) fn new(range: Period, as_of: NaiveDate, caller: &str) -> Self {
        Self {
            range,
            as_of,
            caller: caller.to_string(),
            seen: Vec::new(),
            answered: HashSet::new(),
        }
    }

    /// Takes note of an answer (any other entry is passed over). Answers
    /// before the range count only for what the caller has answered.
    pub(crate) fn add(&mut self, entry: &Entry) {
        if entry.kind != Kind::Answer || entry.date > self.as_of {
            return;
        }
        let prompt = entry.prompt.trim();
        let in_range = self.range.contains(entry.date);
        if same_partner(&entry.partner, &self.caller) {
            if !prompt.is_empty() {
                if !self.answered.contains(prompt) {
                    self.answered.insert(prompt.to_string());
                }
            } else if in_range {
                // Outside the period, it answers no question of it.
                self.answered.insert(key(entry.date, prompt));
            }
        }
        if in_range {
            self.seen.push((
                entry.date,
                entry.partner.trim().to_string(),
                prompt.to_string(),
                entry.note.clone(),
            ));
        }
    }

    /// The period's questions in the order first answered, as the caller
    /// may see them.
    pub(crate) fn finish(mut self) -> Vec<Question> {
        let caller = self.caller.as_str();
        self.seen.sort_by_key(|(date, ..)| *date);
        let answered = &self.answered;
        let mut questions: Vec<(String, Question)> = Vec::new();
        for (date, partner, prompt, text) in self.seen {
            let k = key(date, &prompt);
            let at = if let Some(at) = questions.iter().position(|(q, _)| *q == k) {
                at
            } else {
                questions.push((
                    k.clone(),
                    Question {
                        prompt: prompt.clone(),
                        date,
                        answers: Vec::new(),
                    },
                ));
                questions.len() - 1
            };
            let seen = same_partner(&partner, caller) || answered.contains(&k);
            let answer = Said {
                partner,
                text: seen.then_some(text),
            };
            let answers = &mut questions[at].1.answers;
            match answers
                .iter()
                .position(|a| same_partner(&a.partner, &answer.partner))
            {
                Some(i) => answers[i] = answer,
                None => answers.push(answer),
            }
        }
        let not_caller = |name: &str| !same_partner(name, caller);
        questions
            .into_iter()
            .map(|(_, mut q)| {
                q.answers.sort_by(|a, b| {
                    (not_caller(&a.partner), &a.partner).cmp(&(not_caller(&b.partner), &b.partner))
                });
                q
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    type Row<'a> = (&'a str, Vec<(&'a str, Option<&'a str>)>);

    fn answer(date: &str, partner: &str, prompt: &str, note: &str) -> Entry {
        Entry {
            date: date.parse().unwrap(),
            partner: partner.into(),
            kind: Kind::Answer,
            prompt: prompt.into(),
            note: note.into(),
            ..Entry::default()
        }
    }

    fn year() -> (Period, NaiveDate) {
        let as_of = "2026-11-25".parse().unwrap();
        (Period::year_of(as_of), as_of)
    }

    #[test]
    fn a_partners_answer_shows_only_once_you_answered_the_same_question() {
        let (range, as_of) = year();
        let mut fold = Answers::new(range, as_of, "Alex");
        for e in [
            answer("2026-03-01", "sam", "play-001", "the band"),
            answer("2026-03-02", "alex", "play-001", "the trip"),
            answer("2026-04-01", "sam", "deep-002", "secret"),
            answer("2025-12-30", "alex", "deep-003", "last year"),
            answer("2026-05-01", "sam", "deep-003", "this year"),
            answer("2026-11-26", "alex", "deep-002", "after the as-of date"),
        ] {
            fold.add(&e);
        }
        let questions = fold.finish();
        let shown: Vec<Row<'_>> = questions
            .iter()
            .map(|q| {
                (
                    q.prompt.as_str(),
                    q.answers
                        .iter()
                        .map(|a| (a.partner.as_str(), a.text.as_deref()))
                        .collect(),
                )
            })
            .collect();
        assert_eq!(
            shown,
            [
                (
                    "play-001",
                    vec![("alex", Some("the trip")), ("sam", Some("the band"))]
                ),
                ("deep-002", vec![("sam", None)]),
                ("deep-003", vec![("sam", Some("this year"))]),
            ]
        );
        assert_eq!(questions[0].date.to_string(), "2026-03-01");
    }
}
