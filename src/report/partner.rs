//! What one partner wrote for the other, in a review: the answers to a
//! question side by side under the blind rule (by question, not by day),
//! the period's notes "from your partner", the questions both answered on
//! this day in earlier years, and the news not yet told. Folded in the
//! review's one pass; memory holds a week of answers and the period's
//! notes from the partner, never the log.

use std::collections::HashSet;

use chrono::{Datelike, Days, NaiveDate};
use serde::Serialize;

use super::history::ROUND_DAYS;
use super::{Due, Remind};
use crate::dates::{self, Period};
use crate::model::{Entry, Kind, same_partner};

/// The kinds one partner writes for the other to read.
pub(crate) const FOR_YOU: [Kind; 5] = [
    Kind::Appreciation,
    Kind::Care,
    Kind::Repair,
    Kind::Affection,
    Kind::StateOfUs,
];

/// How far back news reaches: older entries are no news, even to a
/// partner who never ran `review --due`.
pub(crate) const NEWS_DAYS: u64 = 7;

/// An answer to a question answered on the as-of date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub(crate) struct Answer {
    pub(crate) partner: String,
    pub(crate) date: NaiveDate,
    pub(crate) prompt: String,
    pub(crate) question: Option<String>,
    /// `None` while the caller has not answered that question: blind until you do.
    pub(crate) text: Option<String>,
}

/// A note the partner wrote in the period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub(crate) struct Note {
    pub(crate) date: NaiveDate,
    pub(crate) partner: String,
    pub(crate) kind: Kind,
    #[serde(rename = "note")]
    pub(crate) text: String,
}

/// A question both partners answered on this day in an earlier year.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub(crate) struct OnThisDay {
    pub(crate) date: NaiveDate,
    pub(crate) prompt: String,
    pub(crate) question: Option<String>,
}

/// Something new from the partner, for `review --due`, told once.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub(crate) struct News {
    /// The entry's id: what is remembered once told.
    pub(crate) id: String,
    pub(crate) date: NaiveDate,
    pub(crate) message: String,
}

/// Everything this module adds to a review.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub(crate) struct FromPartner {
    /// The notes the partner wrote in the period, newest first.
    #[serde(rename = "from_partner")]
    pub(crate) notes: Vec<Note>,
    pub(crate) on_this_day: Vec<OnThisDay>,
    /// Not in JSON: news is told by `--due`, once.
    #[serde(skip)]
    pub(crate) news: Vec<News>,
}

/// An answer as read, kept while the pass goes on.
#[derive(Debug, Clone)]
struct Written {
    id: String,
    partner: String,
    date: NaiveDate,
    prompt: String,
    text: String,
}

/// Folds log entries, one at a time, into what a review shows of them.
#[derive(Debug)]
pub(crate) struct PartnerFold {
    caller: String,
    range: Period,
    as_of: NaiveDate,
    /// The questions the caller has answered, on any day.
    answered: HashSet<String>,
    /// Answers of the week up to the as-of date.
    recent: Vec<Written>,
    /// Answers on this day of earlier years.
    anniversaries: Vec<Written>,
    notes: Vec<Note>,
    /// Every partner met, named as first written (`Alex` and `alex` are one).
    names: Vec<String>,
    /// Every spelling of a partner's name met so far, as written, and
    /// whether it names the caller.
    spellings: Vec<(String, bool)>,
    /// The first day of the week of answers up to the as-of date, and of
    /// the news window (`None`: before the calendar's first day).
    recent_from: Option<NaiveDate>,
    news_from: Option<NaiveDate>,
    /// The partner's entries of the last [`NEWS_DAYS`] that may be news.
    news: Vec<(Written, Kind)>,
}

impl PartnerFold {
    pub(crate) fn new(caller: &str, range: Period, as_of: NaiveDate) -> Self {
        Self {
            caller: caller.to_string(),
            range,
            as_of,
            answered: HashSet::new(),
            recent: Vec::new(),
            anniversaries: Vec::new(),
            notes: Vec::new(),
            names: Vec::new(),
            spellings: Vec::new(),
            recent_from: as_of.checked_sub_days(Days::new(ROUND_DAYS as u64)),
            news_from: as_of.checked_sub_days(Days::new(NEWS_DAYS - 1)),
            news: Vec::new(),
        }
    }

    /// Which rows a fold over `range` as of `as_of` needs the text of (see
    /// `store::log::WantsText`): answers, and the notes of the period and
    /// of the news window.
    pub(crate) fn wants_text(range: Period, as_of: NaiveDate, kind: Kind, date: NaiveDate) -> bool {
        kind == Kind::Answer
            || (FOR_YOU.contains(&kind) && (range.contains(date) || news_window(as_of, date)))
    }

    /// [`news_window`], its first day reckoned once.
    fn news_window_holds(&self, date: NaiveDate) -> bool {
        date <= self.as_of && self.news_from.is_none_or(|from| date >= from)
    }

    /// `name` as first written in the log.
    fn name(&mut self, name: &str) -> String {
        if let Some(first) = self.names.iter().find(|n| same_partner(n, name)) {
            first.clone()
        } else {
            self.names.push(name.to_string());
            name.to_string()
        }
    }

    pub(crate) fn add(&mut self, entry: &Entry) {
        // Names as first written, whatever the kind (as the counts do).
        // Nearly every row spells a partner exactly as an earlier row did:
        // one byte comparison, no case folding per row.
        let mine = if let Some((_, mine)) = self.spellings.iter().find(|(s, _)| *s == entry.partner)
        {
            *mine
        } else {
            if !self.names.iter().any(|n| same_partner(n, &entry.partner)) {
                self.names.push(entry.partner.clone());
            }
            let mine = same_partner(&entry.partner, &self.caller);
            self.spellings.push((entry.partner.clone(), mine));
            mine
        };
        // Most rows are neither answers nor notes for the partner: one
        // look at the kind, nothing copied.
        let for_you = FOR_YOU.contains(&entry.kind);
        if entry.kind != Kind::Answer && !for_you {
            return;
        }
        if entry.kind == Kind::Answer {
            if mine && !self.answered.contains(&entry.prompt) {
                self.answered.insert(entry.prompt.clone());
            }
            let recent =
                entry.date <= self.as_of && self.recent_from.is_none_or(|from| entry.date >= from);
            let anniversary = dates::is_anniversary(entry.date, self.as_of);
            if recent || anniversary {
                let written = self.written(entry);
                if anniversary {
                    self.anniversaries.push(written.clone());
                }
                if recent {
                    self.recent.push(written);
                }
            }
        }
        if mine {
            return;
        }
        let in_period = for_you && self.range.contains(entry.date) && entry.date <= self.as_of;
        let news = self.news_window_holds(entry.date);
        if in_period {
            let partner = self.name(&entry.partner);
            self.notes.push(Note {
                date: entry.date,
                partner,
                kind: entry.kind,
                text: entry.note.clone(),
            });
        }
        if news {
            let written = self.written(entry);
            self.news.push((written, entry.kind));
        }
    }

    /// The entry as kept, its partner named as first written.
    fn written(&mut self, entry: &Entry) -> Written {
        Written {
            id: entry.id.clone(),
            partner: self.name(&entry.partner),
            date: entry.date,
            prompt: entry.prompt.clone(),
            text: entry.note.clone(),
        }
    }

    /// Due: each question a partner answered this week that the caller
    /// has not, newest first.
    fn due<'d>(&self, question: &impl Fn(&str) -> Option<&'d str>) -> Vec<Due> {
        let mut due = Vec::new();
        let mut waiting: Vec<(&str, &str)> = Vec::new();
        for said in self.recent.iter().rev() {
            // An answer to no question (a row written by hand) cannot be
            // answered in turn.
            if !same_partner(&said.partner, &self.caller)
                && !said.prompt.is_empty()
                && !self.answered.contains(&said.prompt)
                && !waiting.contains(&(said.partner.as_str(), said.prompt.as_str()))
            {
                waiting.push((&said.partner, &said.prompt));
                due.push(Due {
                    what: "answer".into(),
                    message: format!(
                        "answer: {} answered \"{}\"; answer it to see theirs: couple log answer --prompt {}",
                        said.partner,
                        question(&said.prompt).unwrap_or("a question not in the deck"),
                        crate::error::shell_quoted(std::path::Path::new(&said.prompt))
                    ),
                    remind: Remind::Always,
                });
            }
        }
        due
    }

    /// The answers to show (the questions answered on the as-of date, each
    /// with every answer of the week to it, blind where the caller has not
    /// answered it), what is due because a partner answered a question the
    /// caller has not, and the rest. `question` gives a prompt's text.
    pub(crate) fn finish<'d>(
        mut self,
        question: impl Fn(&str) -> Option<&'d str>,
    ) -> (Vec<Answer>, Vec<Due>, FromPartner) {
        let text = |p: &str| question(p).map(str::to_string);

        // Answers: the questions of the as-of date, oldest answer first.
        self.recent.sort_by_key(|s| s.date);
        let mut prompts: Vec<&str> = Vec::new();
        for said in self.recent.iter().filter(|s| s.date == self.as_of) {
            if !prompts.contains(&said.prompt.as_str()) {
                prompts.push(&said.prompt);
            }
        }
        let mut answers = Vec::new();
        for prompt in &prompts {
            let mut partners: Vec<&str> = Vec::new();
            // The latest answer of each partner to it.
            for said in self.recent.iter().rev().filter(|s| s.prompt == *prompt) {
                if partners.iter().any(|p| same_partner(p, &said.partner)) {
                    continue;
                }
                partners.push(&said.partner);
                let blind =
                    !same_partner(&said.partner, &self.caller) && !self.answered.contains(*prompt);
                answers.push(Answer {
                    partner: said.partner.clone(),
                    date: said.date,
                    prompt: (*prompt).to_string(),
                    question: text(prompt),
                    text: (!blind).then(|| said.text.clone()),
                });
            }
        }
        let not_caller = |name: &str| !same_partner(name, &self.caller);
        answers.sort_by(|a, b| {
            (&a.prompt, not_caller(&a.partner), &a.partner).cmp(&(
                &b.prompt,
                not_caller(&b.partner),
                &b.partner,
            ))
        });

        let due = self.due(&question);

        // On this day: a question both answered, a year (or more) ago today.
        let mut on_this_day: Vec<OnThisDay> = Vec::new();
        for said in &self.anniversaries {
            let both = self.anniversaries.iter().any(|other| {
                other.date == said.date
                    && other.prompt == said.prompt
                    && !same_partner(&other.partner, &said.partner)
            });
            if both
                && !on_this_day
                    .iter()
                    .any(|d| d.date == said.date && d.prompt == said.prompt)
            {
                on_this_day.push(OnThisDay {
                    date: said.date,
                    prompt: said.prompt.clone(),
                    question: text(&said.prompt),
                });
            }
        }
        on_this_day.sort_by_key(|d| std::cmp::Reverse(d.date));

        // The notes, newest first (stable: the last written first within a day).
        self.notes.reverse();
        self.notes.sort_by_key(|n| std::cmp::Reverse(n.date));

        // An answer to a question the caller has not answered is due (the
        // line above says so); it is news once it can be read.
        let answered = &self.answered;
        let news = self
            .news
            .into_iter()
            .rev()
            .filter(|(said, kind)| *kind != Kind::Answer || answered.contains(&said.prompt))
            .map(|(said, kind)| News {
                message: news_line(&said, kind, question(&said.prompt)),
                id: said.id,
                date: said.date,
            })
            .collect();
        let mut news: Vec<News> = news;
        news.sort_by_key(|n| std::cmp::Reverse(n.date));
        (
            answers,
            due,
            FromPartner {
                notes: self.notes,
                on_this_day,
                news,
            },
        )
    }
}

/// Whether `date` is recent enough, as of `as_of`, to be news.
fn news_window(as_of: NaiveDate, date: NaiveDate) -> bool {
    date <= as_of && date + Days::new(NEWS_DAYS) > as_of
}

/// `sam answered: <question>`, `sam appreciated you: <note>`.
fn news_line(said: &Written, kind: Kind, question: Option<&str>) -> String {
    let who = &said.partner;
    let (what, text) = match kind {
        Kind::Answer => (
            "answered",
            question.map_or_else(|| said.prompt.clone(), str::to_string),
        ),
        Kind::Appreciation => ("appreciated you", said.text.clone()),
        Kind::Care => ("did something caring", said.text.clone()),
        Kind::Repair => ("reached out to repair", said.text.clone()),
        Kind::Affection => ("showed affection", said.text.clone()),
        Kind::StateOfUs => ("wrote the state of us", said.text.clone()),
        _ => ("wrote", said.text.clone()),
    };
    // One line each in a cron mail: a note's own line breaks become spaces.
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if text.is_empty() {
        format!("{who} {what}")
    } else {
        format!("{who} {what}: {text}")
    }
}

/// `On this day in 2025 you both answered: <question>`.
pub(crate) fn on_this_day_line(day: &OnThisDay) -> String {
    format!(
        "On this day in {} you both answered: {}",
        day.date.year(),
        day.question.as_deref().unwrap_or(&day.prompt)
    )
}

#[cfg(test)]
mod tests;
