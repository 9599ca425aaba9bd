//! A shared goal, dream or bucket-list idea.

use chrono::NaiveDate;
use serde::Serialize;

/// One row of goals.csv.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub(crate) struct Goal {
    pub(crate) id: String,
    pub(crate) title: String,
    pub(crate) horizon: Horizon,
    pub(crate) status: Status,
    /// `us`, or the name of the partner it belongs to.
    pub(crate) owner: String,
    pub(crate) due: Option<NaiveDate>,
    pub(crate) created: NaiveDate,
    pub(crate) closed: Option<NaiveDate>,
    pub(crate) note: String,
    pub(crate) updated_at: String,
}

impl Goal {
    /// The contract columns of goals.csv, in the order a new file gets them.
    pub(crate) const COLUMNS: [&'static str; 10] = [
        "id",
        "title",
        "horizon",
        "status",
        "owner",
        "due",
        "created",
        "closed",
        "note",
        "updated_at",
    ];

    /// The cell for the contract column at `index` in [`Goal::COLUMNS`].
    pub(crate) fn cell(&self, index: usize) -> String {
        let date = |d: Option<NaiveDate>| {
            d.map(|d| d.format("%Y-%m-%d").to_string())
                .unwrap_or_default()
        };
        match index {
            0 => self.id.clone(),
            1 => self.title.clone(),
            2 => self.horizon.as_str().to_string(),
            3 => self.status.as_str().to_string(),
            4 => self.owner.clone(),
            5 => date(self.due),
            6 => date(Some(self.created)),
            7 => date(self.closed),
            8 => self.note.clone(),
            9 => self.updated_at.clone(),
            _ => String::new(),
        }
    }

    /// Open and past its due date as of `today`.
    pub(crate) fn is_overdue(&self, today: NaiveDate) -> bool {
        self.status == Status::Open && self.due.is_some_and(|due| due < today)
    }
}

/// How far away a goal is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub(crate) enum Horizon {
    Month,
    Year,
    Someday,
}

impl Horizon {
    pub(crate) const ALL: [Horizon; 3] = [Horizon::Month, Horizon::Year, Horizon::Someday];

    pub(crate) fn as_str(self) -> &'static str {
        match self {
            Horizon::Month => "month",
            Horizon::Year => "year",
            Horizon::Someday => "someday",
        }
    }

    pub(crate) fn parse(text: &str) -> Option<Horizon> {
        Horizon::ALL.into_iter().find(|h| h.as_str() == text)
    }
}

/// Where a goal stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub(crate) enum Status {
    Open,
    Done,
    Dropped,
}

impl Status {
    pub(crate) const ALL: [Status; 3] = [Status::Open, Status::Done, Status::Dropped];

    pub(crate) fn as_str(self) -> &'static str {
        match self {
            Status::Open => "open",
            Status::Done => "done",
            Status::Dropped => "dropped",
        }
    }

    pub(crate) fn parse(text: &str) -> Option<Status> {
        Status::ALL.into_iter().find(|s| s.as_str() == text)
    }
}
