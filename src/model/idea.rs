//! An idea for one of the other rituals: time together, a small act of care.

use std::borrow::Cow;

use chrono::NaiveDate;
use serde::Serialize;

/// One idea, as it stands in the built-in ideas deck or the user's
/// `ideas.csv`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub(crate) struct Idea {
    pub(crate) id: Cow<'static, str>,
    pub(crate) kind: IdeaKind,
    pub(crate) text: Cow<'static, str>,
    /// The day a user's idea joins the rotation (`None`: from the start,
    /// and every built-in idea).
    #[serde(skip)]
    pub(crate) added: Option<NaiveDate>,
}

super::vocab::vocabulary! {
    /// What an idea is for: us-time is the couple's, care is one partner's.
    enum IdeaKind ("idea kind", "idea kinds") {
        UsTime => "us-time", "time together, the same idea for both all week";
        Care => "care", "a small act of care, yours for the day";
    }
}
