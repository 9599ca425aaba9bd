//! Which log entries a reader wants: the filters `export` and `history`
//! share (`--from`, `--to`, `--kind`, `--partner`).

use chrono::NaiveDate;

use super::{Entry, Kind, same_partner};
use crate::dates;
use crate::error::{Error, Result};

/// Which log entries to keep.
#[derive(Debug, Default)]
pub(crate) struct LogFilter {
    pub(crate) from: Option<NaiveDate>,
    pub(crate) to: Option<NaiveDate>,
    pub(crate) partner: Option<String>,
    pub(crate) kinds: Vec<Kind>,
}

impl LogFilter {
    /// The filter the flags describe, dates read relative to `today`.
    pub(crate) fn parse(
        from: Option<&str>,
        to: Option<&str>,
        kinds: &[String],
        partner: Option<String>,
        today: NaiveDate,
    ) -> Result<Self> {
        let date = |text: Option<&str>| text.map(|t| dates::parse_past_date(t, today)).transpose();
        let (from, to) = (date(from)?, date(to)?);
        if let (Some(from), Some(to)) = (from, to)
            && from > to
        {
            return Err(Error::usage(format!(
                "--from {} is after --to {}",
                dates::iso(from),
                dates::iso(to)
            )));
        }
        let kinds = kinds
            .iter()
            .map(|text| Kind::parse_typed(text))
            .collect::<Result<_>>()?;
        Ok(Self {
            from,
            to,
            partner,
            kinds,
        })
    }

    /// Whether the entry's date and kind pass (the partner is not looked at).
    pub(crate) fn keeps_kind_and_date(&self, kind: Kind, date: NaiveDate) -> bool {
        self.from.is_none_or(|from| from <= date)
            && self.to.is_none_or(|to| date <= to)
            && (self.kinds.is_empty() || self.kinds.contains(&kind))
    }

    pub(crate) fn keeps(&self, entry: &Entry) -> bool {
        self.keeps_kind_and_date(entry.kind, entry.date)
            && self
                .partner
                .as_deref()
                .is_none_or(|p| same_partner(p, &entry.partner))
    }
}
