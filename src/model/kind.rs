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
        // Byte patterns rather than string literals: they compile to inline
        // compares, and this runs once per row of a million-row log.
        Some(match bytes {
            [b't', b'a', b'l', b'k'] => Kind::Talk,
            [b'u', b's', b'-', b't', b'i', b'm', b'e'] => Kind::UsTime,
            [b'c', b'a', b'r', b'e'] => Kind::Care,
            [
                b'a',
                b'p',
                b'p',
                b'r',
                b'e',
                b'c',
                b'i',
                b'a',
                b't',
                b'i',
                b'o',
                b'n',
            ] => Kind::Appreciation,
            [b'r', b'e', b'p', b'a', b'i', b'r'] => Kind::Repair,
            [b'a', b'f', b'f', b'e', b'c', b't', b'i', b'o', b'n'] => Kind::Affection,
            [b'c', b'h', b'e', b'c', b'k', b'i', b'n'] => Kind::Checkin,
            [b'a', b'n', b's', b'w', b'e', b'r'] => Kind::Answer,
            [b's', b'i', b't', b'-', b'd', b'o', b'w', b'n'] => Kind::SitDown,
            _ => return None,
        })
    }

    /// The kind a user typed; case does not matter.
    pub(crate) fn parse(text: &str) -> Option<Kind> {
        Kind::from_bytes(text.trim().to_ascii_lowercase().as_bytes())
    }

    /// The kind a user typed (any case), or a usage error that suggests the
    /// closest kind.
    pub(crate) fn parse_typed(text: &str) -> crate::error::Result<Kind> {
        Kind::parse(text).ok_or_else(|| {
            let names: Vec<&str> = Kind::names().collect();
            crate::model::lookup::Lookup {
                what: "kind",
                plural: "kinds",
                by: crate::model::lookup::By::Name,
            }
            .unknown(text, &names)
        })
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
