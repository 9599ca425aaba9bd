//! An entry `couple log --undo` took out of the log (or a pause `couple
//! rituals unpause` took out of pauses.csv), remembered so that no copy
//! still holding it brings it back.

use serde::Serialize;

/// One row of removed.csv.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub(crate) struct Removal {
    /// The id the entry had in log.csv (or the pause in pauses.csv).
    pub(crate) id: String,
    /// Who removed it.
    pub(crate) partner: String,
    /// When (RFC 3339).
    pub(crate) removed_at: String,
    /// The file it was removed from: `log.csv` or `pauses.csv`; empty in
    /// rows written before the column (the id then counts in both).
    pub(crate) file: String,
}
