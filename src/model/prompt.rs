//! A conversation prompt from a deck.

use std::borrow::Cow;

use serde::Serialize;

/// One question, as it stands in a deck. The built-in deck's strings are
/// borrowed from the binary; a user's deck owns its own.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub(crate) struct Prompt {
    pub(crate) id: Cow<'static, str>,
    pub(crate) theme: Cow<'static, str>,
    pub(crate) depth: Depth,
    pub(crate) text: Cow<'static, str>,
}

super::vocab::vocabulary! {
    /// Light prompts suit dinner in a good mood; deep ones a quiet evening.
    enum Depth ("depth", "depths") {
        Light => "light", "for dinner in a good mood";
        Deep => "deep", "for a quiet evening";
    }
}
