//! A conversation prompt from a deck.

use std::borrow::Cow;

use serde::Serialize;

/// One question, as it stands in a deck. The built-in deck's strings are
/// borrowed from the binary; a user's deck owns its own.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub(crate) struct Prompt {
    pub(crate) id: Cow<'static, str>,
    pub(crate) theme: Cow<'static, str>,
    pub(crate) depth: Depth,
    pub(crate) text: Cow<'static, str>,
}

/// Light prompts suit dinner in a good mood; deep ones a quiet evening.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub(crate) enum Depth {
    Light,
    Deep,
}

impl Depth {
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            Depth::Light => "light",
            Depth::Deep => "deep",
        }
    }

    pub(crate) fn parse(text: &str) -> Option<Depth> {
        match text {
            "light" => Some(Depth::Light),
            "deep" => Some(Depth::Deep),
            _ => None,
        }
    }
}
