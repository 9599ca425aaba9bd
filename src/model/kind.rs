//! The kinds of entry in the log: one per ritual.

use std::fmt;

/// What a log entry records.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) enum Kind {
    Talk,
    UsTime,
    Care,
    Appreciation,
    Repair,
    Affection,
    Checkin,
    Answer,
    SitDown,
}

impl Kind {
    pub(crate) const ALL: [Kind; 9] = [
        Kind::Talk,
        Kind::UsTime,
        Kind::Care,
        Kind::Appreciation,
        Kind::Repair,
        Kind::Affection,
        Kind::Checkin,
        Kind::Answer,
        Kind::SitDown,
    ];

    pub(crate) fn as_str(self) -> &'static str {
        match self {
            Kind::Talk => "talk",
            Kind::UsTime => "us-time",
            Kind::Care => "care",
            Kind::Appreciation => "appreciation",
            Kind::Repair => "repair",
            Kind::Affection => "affection",
            Kind::Checkin => "checkin",
            Kind::Answer => "answer",
            Kind::SitDown => "sit-down",
        }
    }

    /// The kind a log.csv cell names, exactly as written there.
    pub(crate) fn from_bytes(bytes: &[u8]) -> Option<Kind> {
        Some(match bytes {
            b"talk" => Kind::Talk,
            b"us-time" => Kind::UsTime,
            b"care" => Kind::Care,
            b"appreciation" => Kind::Appreciation,
            b"repair" => Kind::Repair,
            b"affection" => Kind::Affection,
            b"checkin" => Kind::Checkin,
            b"answer" => Kind::Answer,
            b"sit-down" => Kind::SitDown,
            _ => return None,
        })
    }

    /// The kind a user typed; case does not matter.
    pub(crate) fn parse(text: &str) -> Option<Kind> {
        Kind::from_bytes(text.trim().to_ascii_lowercase().as_bytes())
    }

    /// Every kind's name, for help and suggestions.
    pub(crate) fn names() -> impl Iterator<Item = &'static str> {
        Kind::ALL.iter().map(|k| k.as_str())
    }

    /// Whether minutes make sense for this kind (offered when asking).
    pub(crate) fn has_minutes(self) -> bool {
        matches!(self, Kind::Talk | Kind::UsTime | Kind::SitDown)
    }
}

impl serde::Serialize for Kind {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::Kind;

    #[test]
    fn every_kind_round_trips_through_its_name() {
        for kind in Kind::ALL {
            assert_eq!(Kind::from_bytes(kind.as_str().as_bytes()), Some(kind));
            assert_eq!(Kind::parse(&kind.as_str().to_uppercase()), Some(kind));
        }
        assert_eq!(Kind::from_bytes(b"Talk"), None, "the file is exact");
    }
}
