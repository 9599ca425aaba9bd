//! The plain data couple works with, and what makes a value valid. No I/O.

mod entry;
mod filter;
mod goal;
mod id;
mod idea;
mod kind;
pub(crate) mod lookup;
mod partner;
mod prompt;
mod removal;
mod ritual;
mod setting;
mod vocab;

pub(crate) use entry::{Entry, MAX_MINUTES, MOOD_RANGE};
pub(crate) use filter::LogFilter;
pub(crate) use goal::merge::{self as goal_merge, Changes};
pub(crate) use goal::{Goal, Horizon, Standing, Status, list_order};
pub(crate) use id::{ENTRY_ID_LEN, GOAL_ID_LEN, fresh_id};
pub(crate) use idea::{Idea, IdeaKind};
pub(crate) use kind::Kind;
pub(crate) use partner::{is_us, same_partner, unfit_in_name};
pub(crate) use prompt::{Depth, Joins, Prompt};
pub(crate) use removal::Removal;
pub(crate) use ritual::{
    Pause, Paused, Per, Ritual, check_target, countable, day_before, parse_cadence, parse_kinds,
};
pub(crate) use setting::Setting;

/// Serialises an empty text cell as JSON null, as the files mean it.
pub(crate) fn empty_as_null<S: serde::Serializer>(text: &str, s: S) -> Result<S::Ok, S::Error> {
    if text.is_empty() {
        s.serialize_none()
    } else {
        s.serialize_str(text)
    }
}
