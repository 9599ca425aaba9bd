//! The kinds of entry in the log: one per ritual.

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
