//! The weekly "state of us" in a review: each partner's latest, from the
//! period or the week before it, so the note written on Sunday is read in
//! the next week's review. A partner's own note is not shown back to them.

use chrono::{Days, NaiveDate};
use serde::Serialize;

use crate::dates::Period;
use crate::model::{Entry, Kind, same_partner};

/// One partner's latest state of us.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub(crate) struct StateOfUs {
    pub(crate) partner: String,
    pub(crate) date: NaiveDate,
    pub(crate) note: String,
}

/// The days whose `state-of-us` notes a review of `range` as of `as_of`
/// reads: the week before the period, and the period up to the as-of date.
pub(crate) fn window(range: Period, as_of: NaiveDate) -> Period {
    Period {
        from: range
            .from
            .checked_sub_days(Days::new(7))
            .unwrap_or(range.from),
        to: range.to.min(as_of),
    }
}

/// The latest `state-of-us` per partner within the window, folded one
/// entry at a time.
#[derive(Debug)]
pub(crate) struct Latest {
    window: Period,
    found: Vec<StateOfUs>,
}

impl Latest {
    pub(crate) fn new(range: Period, as_of: NaiveDate) -> Self {
        Self {
            window: window(range, as_of),
            found: Vec::new(),
        }
    }

    pub(crate) fn add(&mut self, entry: &Entry) {
        if entry.kind != Kind::StateOfUs || !self.window.contains(entry.date) {
            return;
        }
        match self
            .found
            .iter_mut()
            .find(|s| same_partner(&s.partner, &entry.partner))
        {
            // On the same day, the row written later wins; the name stays
            // as first written.
            Some(known) if known.date <= entry.date => {
                known.date = entry.date;
                known.note.clone_from(&entry.note);
            }
            Some(_) => {}
            None => self.found.push(StateOfUs {
                partner: entry.partner.trim().to_string(),
                date: entry.date,
                note: entry.note.clone(),
            }),
        }
    }

    /// What `caller` reads: every other partner's, by name.
    pub(crate) fn finish(self, caller: &str) -> Vec<StateOfUs> {
        let mut from_others: Vec<StateOfUs> = self
            .found
            .into_iter()
            .filter(|s| !same_partner(&s.partner, caller) && !s.note.is_empty())
            .collect();
        from_others.sort_by(|a, b| a.partner.cmp(&b.partner));
        from_others
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
    }

    fn state(date: &str, partner: &str, note: &str) -> Entry {
        Entry {
            date: day(date),
            partner: partner.into(),
            kind: Kind::StateOfUs,
            note: note.into(),
            ..Entry::default()
        }
    }

    #[test]
    fn the_partners_latest_from_the_period_or_the_week_before_is_read() {
        let as_of = day("2026-12-02");
        let mut latest = Latest::new(Period::week_of(as_of), as_of);
        latest.add(&state("2026-11-22", "alex", "too old"));
        latest.add(&state("2026-11-23", "alex", "last week's"));
        latest.add(&state("2026-11-29", "alex", "Sunday's"));
        latest.add(&state("2026-11-26", "alex", "earlier, read after"));
        latest.add(&state("2026-12-03", "alex", "after the as-of date"));
        latest.add(&state("2026-11-30", "sam", "my own"));
        assert_eq!(
            latest.finish("sam"),
            [StateOfUs {
                partner: "alex".into(),
                date: day("2026-11-29"),
                note: "Sunday's".into()
            }]
        );
    }

    #[test]
    fn other_kinds_are_not_states_of_us() {
        let as_of = day("2026-12-02");
        let mut latest = Latest::new(Period::week_of(as_of), as_of);
        latest.add(&Entry {
            kind: Kind::Appreciation,
            ..state("2026-11-30", "alex", "the tea")
        });
        assert_eq!(latest.finish("sam"), []);
    }
}
