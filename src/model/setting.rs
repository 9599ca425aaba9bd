//! One row of settings.csv: a key and its value.

use serde::Serialize;

/// A shared setting of the couple (`timezone`, `deck_edition`, …).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub(crate) struct Setting {
    pub(crate) key: String,
    pub(crate) value: String,
}
