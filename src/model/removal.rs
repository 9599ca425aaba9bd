//! An entry `couple log --undo` took out of the log, remembered so that no
//! copy still holding it brings it back.

use serde::Serialize;

/// One row of removed.csv.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub(crate) struct Removal {
    /// The id the entry had in log.csv.
    pub(crate) id: String,
    /// Who removed it.
    pub(crate) partner: String,
    /// When (RFC 3339).
    pub(crate) removed_at: String,
}
