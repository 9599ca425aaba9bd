//! The guided rituals as pure data and arithmetic: the countdown of the
//! daily talk, and the steps of a repair and of the weekly "state of us".
//! No I/O and no terminal: `cmd/talk` and `cmd/log` drive them through
//! `term`.

pub(crate) mod countdown;
pub(crate) mod steps;
