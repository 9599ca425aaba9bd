//! A log entry: one ritual, done by one partner, on one day.

use std::ops::RangeInclusive;

use chrono::NaiveDate;
use serde::Serialize;

use super::Kind;

/// A day has 1440 minutes; more is a typo.
pub(crate) const MAX_MINUTES: u16 = 1440;
/// Moods are rated 1 (low) to 5 (high).
pub(crate) const MOOD_RANGE: RangeInclusive<u8> = 1..=5;

/// One row of log.csv (its columns: `store::log`'s table). As JSON, the
/// log's columns with empty cells as null.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub(crate) struct Entry {
    pub(crate) id: String,
    pub(crate) date: NaiveDate,
    pub(crate) partner: String,
    pub(crate) kind: Kind,
    pub(crate) minutes: Option<u16>,
    pub(crate) mood: Option<u8>,
    #[serde(serialize_with = "super::empty_as_null")]
    pub(crate) prompt: String,
    #[serde(serialize_with = "super::empty_as_null")]
    pub(crate) note: String,
    #[serde(serialize_with = "super::empty_as_null")]
    pub(crate) logged_at: String,
}
