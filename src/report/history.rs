//! The journal `couple history` shows, from log entries read newest first:
//! one day at a time, the answers grouped under their question (with the
//! other partner's answer to it from the days after, so a question answered
//! on Monday and on Tuesday reads side by side), then every note with its
//! author; the blind rule; `--grep`. Pure: memory holds one day and a
//! week of answers, never the log.

use std::collections::{HashSet, VecDeque};

use chrono::NaiveDate;
use serde::Serialize;

use crate::model::{Entry, Kind, same_partner};

/// How many days after an answer the other partner's answer to the same
/// question still joins it ("answering yesterday's question this morning").
pub(crate) const ROUND_DAYS: i64 = 7;

/// The blind rule: an answer by someone else stays hidden from `caller`
/// until they have answered that question themselves, whenever they did.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Blind<'a> {
    pub(crate) caller: &'a str,
    /// The prompt ids the caller has answered (anywhere in the log).
    pub(crate) answered: &'a HashSet<String>,
}

impl Blind<'_> {
    pub(crate) fn hides(&self, entry: &Entry) -> bool {
        entry.kind == Kind::Answer
            && !same_partner(&entry.partner, self.caller)
            && !self.answered.contains(&entry.prompt)
    }
}

/// What `--grep` looks for: case-insensitive, in what the reader may see.
#[derive(Debug, Clone)]
pub(crate) struct Grep(String);

impl Grep {
    pub(crate) fn new(needle: &str) -> Self {
        Self(needle.to_lowercase())
    }

    fn finds(&self, text: &str) -> bool {
        // Most notes are ASCII: no allocation for them.
        if text.is_ascii() && self.0.is_ascii() {
            let (hay, needle) = (text.as_bytes(), self.0.as_bytes());
            return needle.is_empty()
                || hay
                    .windows(needle.len())
                    .any(|w| w.eq_ignore_ascii_case(needle));
        }
        text.to_lowercase().contains(&self.0)
    }
}

/// One entry as the reader may see it: the row of `history --format csv|json`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub(crate) struct Row {
    pub(crate) date: NaiveDate,
    pub(crate) partner: String,
    pub(crate) kind: Kind,
    pub(crate) minutes: Option<u16>,
    pub(crate) mood: Option<u8>,
    pub(crate) prompt: Option<String>,
    /// The question's text, when the prompt is in the deck.
    pub(crate) question: Option<String>,
    /// The note or the answer; `None` when empty or hidden.
    pub(crate) note: Option<String>,
    /// An answer the reader may not see yet.
    pub(crate) hidden: bool,
}

/// The reader's view of one entry, or `None` when `grep` does not find it
/// in what they may see (the note unless hidden, the question).
pub(crate) fn view(
    entry: &Entry,
    question: Option<&str>,
    blind: Blind<'_>,
    grep: Option<&Grep>,
) -> Option<Row> {
    let hidden = blind.hides(entry);
    if let Some(grep) = grep {
        let in_note = !hidden && grep.finds(&entry.note);
        if !in_note && !question.is_some_and(|q| grep.finds(q)) {
            return None;
        }
    }
    let some = |text: &str| (!text.is_empty()).then(|| text.to_string());
    Some(Row {
        date: entry.date,
        partner: entry.partner.clone(),
        kind: entry.kind,
        minutes: entry.minutes,
        mood: entry.mood,
        prompt: some(&entry.prompt),
        question: question.map(str::to_string),
        note: if hidden { None } else { some(&entry.note) },
        hidden,
    })
}

/// One day of the journal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Day {
    pub(crate) date: NaiveDate,
    /// The questions answered that day, in the order first met (newest first).
    pub(crate) questions: Vec<Question>,
    /// Everything else, newest first.
    pub(crate) notes: Vec<Row>,
}

/// A question and its answers: that day's, then the later ones that joined it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Question {
    pub(crate) prompt: String,
    pub(crate) text: Option<String>,
    pub(crate) answers: Vec<Row>,
}

/// Folds rows, newest first, into days.
#[derive(Debug, Default)]
pub(crate) struct Journal {
    day: Option<Day>,
    /// Answers of the days already given out, within [`ROUND_DAYS`] of the
    /// current one: the front is the oldest (the day given out last).
    later: VecDeque<Row>,
}

impl Journal {
    /// Adds the next row (rows come newest first); gives back the day before
    /// it when this row starts a new one.
    pub(crate) fn push(&mut self, row: Row) -> Option<Day> {
        let done = match &self.day {
            Some(day) if day.date != row.date => self.close(),
            _ => None,
        };
        let date = row.date;
        let day = self.day.get_or_insert_with(|| Day {
            date,
            questions: Vec::new(),
            notes: Vec::new(),
        });
        if row.kind == Kind::Answer {
            let prompt = row.prompt.clone().unwrap_or_default();
            match day.questions.iter_mut().find(|q| q.prompt == prompt) {
                Some(question) => question.answers.push(row),
                None => day.questions.push(Question {
                    prompt,
                    text: row.question.clone(),
                    answers: vec![row],
                }),
            }
        } else {
            day.notes.push(row);
        }
        done
    }

    /// The last day, once every row has been pushed.
    pub(crate) fn finish(mut self) -> Option<Day> {
        self.close()
    }

    /// Ends the current day: its answers are put in the order written
    /// (oldest first reads as a conversation), joined by the later answers
    /// of partners who had not answered that day, and remembered for the
    /// days before.
    fn close(&mut self) -> Option<Day> {
        let mut day = self.day.take()?;
        let horizon = day.date + chrono::Days::new(ROUND_DAYS as u64);
        while self.later.back().is_some_and(|a| a.date > horizon) {
            self.later.pop_back();
        }
        for question in &mut day.questions {
            question.answers.reverse();
            let mut joined: Vec<Row> = Vec::new();
            // Oldest first, so each partner's first answer after this day joins.
            for answer in &self.later {
                if answer.prompt.as_deref().unwrap_or_default() == question.prompt
                    && !question
                        .answers
                        .iter()
                        .any(|a| same_partner(&a.partner, &answer.partner))
                    && !joined
                        .iter()
                        .any(|a| same_partner(&a.partner, &answer.partner))
                {
                    joined.push(answer.clone());
                }
            }
            question.answers.extend(joined);
        }
        for question in day.questions.iter().rev() {
            for answer in question.answers.iter().filter(|a| a.date == day.date).rev() {
                self.later.push_front(answer.clone());
            }
        }
        Some(day)
    }
}

#[cfg(test)]
mod tests;
