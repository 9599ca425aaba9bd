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
    /// From when it joins the rotation.
    #[serde(skip)]
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

impl Default for Joins {
    /// A prompt read from a file without an `added` date: from the start.
    fn default() -> Self {
        Joins::Added(None)
    }
}
