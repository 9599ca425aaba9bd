//! The kinds of entry in the log: one per ritual.

use super::lookup::{By, Lookup};
use crate::error::{Error, Result};

super::vocab::vocabulary! {
    /// What a log entry records. A new kind is one line here (and, if a
    /// ritual or a report counts it, a line there).
    enum Kind ("kind", "kinds") {
        Talk => "talk", "the daily talk";
        UsTime => "us-time", "time together";
        Care => "care", "a small act of care";
        Appreciation => "appreciation", "something you said or showed";
        Repair => "repair", "an apology, forgiveness, a hurt revisited";
        Affection => "affection", "a hug, a kiss, a hand held";
        Checkin => "checkin", "how you feel";
        Answer => "answer", "your answer to today's question";
        SitDown => "sit-down", "the monthly sit-down";
        StateOfUs => "state-of-us", "the weekly state of us";
        /// Written by `couple prompt --skip`, never by `couple log`; no
        /// ritual counts it.
        Skip => "skip", "today's question, skipped for both";
    }
}

impl Kind {
    /// Whether `couple log` records this kind (`skip` is `prompt --skip`'s).
    pub(crate) fn is_logged_by_hand(self) -> bool {
        self != Kind::Skip
    }

    /// The kind `couple log` was asked to record: an unknown one gets a
    /// "did you mean" among those it records, and `skip` says whose it is.
    pub(crate) fn parse_logged(text: &str) -> Result<Kind> {
        match Kind::parse(text) {
            Some(kind) if kind.is_logged_by_hand() => Ok(kind),
            Some(kind) => Err(Error::usage(format!("{kind} is not logged by hand"))
                .with_hint("couple prompt --skip skips today's question for you both")),
            None => {
                let names: Vec<&str> = Kind::ALL
                    .iter()
                    .filter(|k| k.is_logged_by_hand())
                    .map(|k| k.as_str())
                    .collect();
                let kinds = Lookup {
                    what: "kind",
                    plural: "kinds",
                    by: By::Name,
                };
                Err(kinds.unknown(text, &names))
            }
        }
    }

    /// Whether minutes make sense for this kind (offered when asking).
    pub(crate) fn has_minutes(self) -> bool {
        matches!(self, Kind::Talk | Kind::UsTime | Kind::SitDown)
    }
}

#[cfg(test)]
mod tests {
    use super::Kind;

    #[test]
    fn every_kind_round_trips_through_its_name() {
        for &kind in Kind::ALL {
            assert_eq!(Kind::from_bytes(kind.as_str().as_bytes()), Some(kind));
            assert_eq!(Kind::parse(&kind.as_str().to_uppercase()), Some(kind));
        }
        assert_eq!(Kind::from_bytes(b"Talk"), None, "the file is exact");
    }
}
