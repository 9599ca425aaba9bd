//! A log entry: one ritual, done by one partner, on one day.

use std::ops::RangeInclusive;

use chrono::NaiveDate;
use serde::Serialize;

use super::Kind;

/// A day has 1440 minutes; more is a typo.
pub(crate) const MAX_MINUTES: u16 = 1440;
/// Moods are rated 1 (low) to 5 (high).
pub(crate) const MOOD_RANGE: RangeInclusive<u8> = 1..=5;

/// One row of log.csv.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub(crate) struct Entry {
    pub(crate) id: String,
    pub(crate) date: NaiveDate,
    pub(crate) partner: String,
    pub(crate) kind: Kind,
    pub(crate) minutes: Option<u16>,
    pub(crate) mood: Option<u8>,
    pub(crate) prompt: String,
    pub(crate) note: String,
    pub(crate) logged_at: String,
}

impl Entry {
    /// The contract columns of log.csv, in the order a new file gets them.
    pub(crate) const COLUMNS: [&'static str; 9] = [
        "id",
        "date",
        "partner",
        "kind",
        "minutes",
        "mood",
        "prompt",
        "note",
        "logged_at",
    ];

    /// The cell for the contract column at `index` in [`Entry::COLUMNS`].
    pub(crate) fn cell(&self, index: usize) -> String {
        match index {
            0 => self.id.clone(),
            1 => self.date.format("%Y-%m-%d").to_string(),
            2 => self.partner.clone(),
            3 => self.kind.as_str().to_string(),
            4 => self.minutes.map(|m| m.to_string()).unwrap_or_default(),
            5 => self.mood.map(|m| m.to_string()).unwrap_or_default(),
            6 => self.prompt.clone(),
            7 => self.note.clone(),
            8 => self.logged_at.clone(),
            _ => String::new(),
        }
    }
}

/// An entry borrowed from a reader's buffer: what a streaming pass sees.
#[derive(Debug, Clone, Copy)]
pub(crate) struct EntryRef<'r> {
    pub(crate) id: &'r str,
    pub(crate) date: NaiveDate,
    pub(crate) partner: &'r str,
    pub(crate) kind: Kind,
    pub(crate) minutes: Option<u16>,
    pub(crate) mood: Option<u8>,
    pub(crate) prompt: &'r str,
    pub(crate) note: &'r str,
    pub(crate) logged_at: &'r str,
}

impl EntryRef<'_> {
    pub(crate) fn to_entry(self) -> Entry {
        Entry {
            id: self.id.to_string(),
            date: self.date,
            partner: self.partner.to_string(),
            kind: self.kind,
            minutes: self.minutes,
            mood: self.mood,
            prompt: self.prompt.to_string(),
            note: self.note.to_string(),
            logged_at: self.logged_at.to_string(),
        }
    }
}
