//! The journal `couple history` shows, from log entries read newest first:
//! one day at a time, the answers grouped under their question (with the
//! other partner's answer to it from the days after, so a question answered
//! on Monday and on Tuesday reads side by side), then every note with its
//! author; the blind rule; `--grep`. Pure: memory holds one day and a
//! week of answers, never the log.

use std::collections::VecDeque;

use rustc_hash::FxHashSet;

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
    pub(crate) answered: &'a FxHashSet<String>,
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

/// One entry as the reader may see it: the row of `history --format
/// csv|json`. Its strings are filled again row after row (a million rows
/// are read with the strings of a few days), so an absent prompt or note
/// is an empty one; the question's text is the deck's.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub(crate) struct Row<'q> {
    pub(crate) date: NaiveDate,
    pub(crate) partner: String,
    pub(crate) kind: Kind,
    pub(crate) minutes: Option<u16>,
    pub(crate) mood: Option<u8>,
    #[serde(serialize_with = "crate::model::empty_as_null")]
    prompt: String,
    /// The question's text, when the prompt is in the deck.
    pub(crate) question: Option<&'q str>,
    /// The note or the answer; empty when hidden.
    #[serde(serialize_with = "crate::model::empty_as_null")]
    note: String,
    /// An answer the reader may not see yet.
    pub(crate) hidden: bool,
}

/// The reader's view of one entry, filled into `row` (its strings
/// reused): false when `grep` does not find it in what they may see (the
/// note unless hidden, the question), and `row` is then left as it was,
/// or half filled.
pub(crate) fn view_into<'q>(
    entry: &Entry,
    question: Option<&'q str>,
    blind: Blind<'_>,
    grep: Option<&Grep>,
    row: &mut Row<'q>,
) -> bool {
    let hidden = blind.hides(entry);
    if let Some(grep) = grep {
        let in_note = !hidden && grep.finds(&entry.note);
        if !in_note && !question.is_some_and(|q| grep.finds(q)) {
            return false;
        }
    }
    row.date = entry.date;
    set(&mut row.partner, &entry.partner);
    row.kind = entry.kind;
    row.minutes = entry.minutes;
    row.mood = entry.mood;
    set(&mut row.prompt, &entry.prompt);
    row.question = question;
    set(&mut row.note, if hidden { "" } else { &entry.note });
    row.hidden = hidden;
    true
}

impl<'q> Row<'q> {
    /// An empty row, to be filled by [`view_into`].
    pub(crate) fn blank() -> Self {
        Self {
            date: NaiveDate::MIN,
            partner: String::new(),
            kind: Kind::default(),
            minutes: None,
            mood: None,
            prompt: String::new(),
            question: None,
            note: String::new(),
            hidden: false,
        }
    }

    /// The prompt answered, if any.
    pub(crate) fn prompt(&self) -> Option<&str> {
        some(&self.prompt)
    }

    /// The note or the answer, unless empty or hidden.
    pub(crate) fn note(&self) -> Option<&str> {
        some(&self.note)
    }

    /// Makes this row a copy of `other`, reusing its strings.
    fn copy_from(&mut self, other: &Row<'q>) {
        self.date = other.date;
        set(&mut self.partner, &other.partner);
        self.kind = other.kind;
        self.minutes = other.minutes;
        self.mood = other.mood;
        set(&mut self.prompt, &other.prompt);
        self.question = other.question;
        set(&mut self.note, &other.note);
        self.hidden = other.hidden;
    }
}

/// `text`, unless it is empty.
fn some(text: &str) -> Option<&str> {
    (!text.is_empty()).then_some(text)
}

/// `text` into `field`, in the buffer it has.
fn set(field: &mut String, text: &str) {
    field.clear();
    field.push_str(text);
}

/// One day of the journal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Day<'q> {
    pub(crate) date: NaiveDate,
    /// The questions answered that day, in the order first met (newest first).
    pub(crate) questions: Vec<Question<'q>>,
    /// Everything else, newest first.
    pub(crate) notes: Vec<Row<'q>>,
}

/// A question and its answers: that day's, then the later ones that joined it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Question<'q> {
    pub(crate) prompt: String,
    pub(crate) text: Option<&'q str>,
    pub(crate) answers: Vec<Row<'q>>,
}

/// Folds rows, newest first, into days.
#[derive(Debug, Default)]
pub(crate) struct Journal<'q> {
    day: Option<Day<'q>>,
    /// Answers of the days already given out, within [`ROUND_DAYS`] of the
    /// current one: the front is the oldest (the day given out last).
    later: VecDeque<Row<'q>>,
    /// Rows, questions and a day given back ([`Journal::recycle`]), to be
    /// filled again: a million rows are read with the strings of a few days.
    spare_rows: Vec<Row<'q>>,
    spare_questions: Vec<Question<'q>>,
    spare_day: Option<Day<'q>>,
}

impl<'q> Journal<'q> {
    /// A row to fill with [`view_into`] and [`push`](Journal::push) (or
    /// give back).
    pub(crate) fn blank(&mut self) -> Row<'q> {
        self.spare_rows.pop().unwrap_or_else(Row::blank)
    }

    /// A row not pushed after all.
    pub(crate) fn give_back(&mut self, row: Row<'q>) {
        self.spare_rows.push(row);
    }

    /// A day given out and done with: its rows are filled again.
    pub(crate) fn recycle(&mut self, mut day: Day<'q>) {
        for mut question in day.questions.drain(..) {
            self.spare_rows.append(&mut question.answers);
            self.spare_questions.push(question);
        }
        self.spare_rows.append(&mut day.notes);
        self.spare_day = Some(day);
    }

    /// A copy of `row`, in a spare row's strings.
    fn copy(&mut self, row: &Row<'q>) -> Row<'q> {
        let mut copy = self.blank();
        copy.copy_from(row);
        copy
    }

    /// Adds the next row (rows come newest first); gives back the day before
    /// it when this row starts a new one.
    pub(crate) fn push(&mut self, row: Row<'q>) -> Option<Day<'q>> {
        let done = match &self.day {
            Some(day) if day.date != row.date => self.close(),
            _ => None,
        };
        if self.day.is_none() {
            let mut day = self.spare_day.take().unwrap_or_else(|| Day {
                date: row.date,
                questions: Vec::new(),
                notes: Vec::new(),
            });
            day.date = row.date;
            self.day = Some(day);
        }
        let Some(day) = self.day.as_mut() else {
            return done;
        };
        if row.kind == Kind::Answer {
            let prompt = row.prompt.as_str();
            if let Some(question) = day.questions.iter_mut().find(|q| q.prompt == prompt) {
                question.answers.push(row);
            } else {
                let mut question = self.spare_questions.pop().unwrap_or_else(|| Question {
                    prompt: String::new(),
                    text: None,
                    answers: Vec::new(),
                });
                set(&mut question.prompt, prompt);
                question.text = row.question;
                question.answers.push(row);
                day.questions.push(question);
            }
        } else {
            day.notes.push(row);
        }
        done
    }

    /// The last day, once every row has been pushed.
    pub(crate) fn finish(mut self) -> Option<Day<'q>> {
        self.close()
    }

    /// Ends the current day: its answers are put in the order written
    /// (oldest first reads as a conversation), joined by the later answers
    /// of partners who had not answered that day, and remembered for the
    /// days before.
    fn close(&mut self) -> Option<Day<'q>> {
        let mut day = self.day.take()?;
        let horizon = day.date + chrono::Days::new(ROUND_DAYS as u64);
        while self.later.back().is_some_and(|a| a.date > horizon) {
            if let Some(row) = self.later.pop_back() {
                self.spare_rows.push(row);
            }
        }
        for question in &mut day.questions {
            question.answers.reverse();
            let mut joined: Vec<Row<'q>> = Vec::new();
            // Oldest first, so each partner's first answer after this day joins.
            for at in 0..self.later.len() {
                let answer = &self.later[at];
                if answer.prompt == question.prompt
                    && !question
                        .answers
                        .iter()
                        .any(|a| same_partner(&a.partner, &answer.partner))
                    && !joined
                        .iter()
                        .any(|a| same_partner(&a.partner, &answer.partner))
                {
                    let mut copy = self.spare_rows.pop().unwrap_or_else(Row::blank);
                    copy.copy_from(&self.later[at]);
                    joined.push(copy);
                }
            }
            question.answers.append(&mut joined);
        }
        for question in day.questions.iter().rev() {
            for answer in question.answers.iter().filter(|a| a.date == day.date).rev() {
                let copy = self.copy(answer);
                self.later.push_front(copy);
            }
        }
        Some(day)
    }
}

#[cfg(test)]
mod tests;
