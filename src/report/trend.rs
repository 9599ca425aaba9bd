//! Trends: each ritual period by period (one column per week of a month,
//! per month of a year), as a row of cells a renderer turns into blocks.

use serde::Serialize;

use super::Score;
use crate::dates::Period;
use crate::model::Per;

/// A ritual's trend over a review's range.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub(crate) struct Trend {
    /// What a column is: a week or a month.
    pub(crate) per: Per,
    /// Empty for a range of a week or less.
    pub(crate) columns: Vec<Period>,
    pub(crate) rows: Vec<TrendRow>,
}

/// One ritual, column by column.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub(crate) struct TrendRow {
    pub(crate) ritual: String,
    /// Done and asked in each column; `null` for a column not begun by the
    /// as-of date; a target of 0 for a column paused throughout.
    pub(crate) cells: Vec<Option<Score>>,
}

/// How full a cell is, 0 to 8 (`None` for a future or paused one).
pub(crate) fn level(cell: Option<Score>) -> Option<u32> {
    let score = cell?;
    if score.target == 0 {
        return None;
    }
    Some((score.done.min(score.target) * 8).div_ceil(score.target))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cell_is_as_full_as_its_share_of_the_target() {
        let cell = |done, target| Some(Score { done, target });
        assert_eq!(level(cell(0, 7)), Some(0));
        assert_eq!(level(cell(1, 7)), Some(2));
        assert_eq!(level(cell(7, 7)), Some(8));
        assert_eq!(level(cell(3, 1)), Some(8));
        assert_eq!(level(cell(0, 0)), None, "paused");
        assert_eq!(level(None), None, "future");
    }
}
