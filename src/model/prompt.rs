//! A conversation prompt from a deck.

use std::borrow::Cow;

use chrono::NaiveDate;
use serde::Serialize;

/// One question, as it stands in a deck. The built-in deck's strings are
/// borrowed from the binary; a user's deck owns its own.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub(crate) struct Prompt {
    pub(crate) id: Cow<'static, str>,
    pub(crate) theme: Cow<'static, str>,
    pub(crate) depth: Depth,
    pub(crate) text: Cow<'static, str>,
    /// From when it joins the rotation; in JSON, `added` (the user's date,
    /// or null).
    #[serde(rename = "added", serialize_with = "added")]
    pub(crate) joins: Joins,
}

/// From when a prompt joins the rotation of the question of the day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Joins {
    /// A built-in prompt: with the deck edition that added it.
    Edition(u8),
    /// A user's prompt: on this day (`added`), or from the start.
    Added(Option<NaiveDate>),
}

super::vocab::vocabulary! {
    /// Light prompts suit dinner in a good mood; deep ones a quiet evening.
    enum Depth ("depth", "depths") {
        Light => "light", "for dinner in a good mood";
        Deep => "deep", "for a quiet evening";
    }
}

/// A user's `added` date as JSON; null for the built-in deck and "from
/// the start".
#[allow(clippy::trivially_copy_pass_by_ref)] // serde hands a reference
fn added<S: serde::Serializer>(joins: &Joins, s: S) -> Result<S::Ok, S::Error> {
    match joins {
        Joins::Added(Some(date)) => s.serialize_str(&date.format("%Y-%m-%d").to_string()),
        _ => s.serialize_none(),
    }
}

impl Default for Joins {
    /// A prompt read from a file without an `added` date: from the start.
    fn default() -> Self {
        Joins::Added(None)
    }
}
