//! What is due, and what `review --due` says of it: a ritual at risk every
//! evening it is at risk, but a goal turning due once, an overdue goal and
//! a drift once a week. What was said when is remembered per machine (the
//! command keeps it in the state directory); this module only decides.

use chrono::NaiveDate;
use serde::Serialize;

/// Something due now.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub(crate) struct Due {
    pub(crate) what: String,
    pub(crate) message: String,
    /// How often `--due` repeats it.
    #[serde(skip)]
    pub(crate) remind: Remind,
}

/// How often `--due` says an item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Remind {
    /// Each time it is due (a ritual at risk, an answer waiting).
    Always,
    /// Once for this key (a goal turning due, by id and due date).
    Once(String),
    /// At most once in 7 days for this key (an overdue goal, a drift).
    Weekly(String),
}

/// How many days a remembered item is kept once it is no longer due.
const FORGET_AFTER_DAYS: i64 = 60;

/// A remembered saying: the item's key and the day it was last said.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Said {
    pub(crate) key: String,
    pub(crate) on: NaiveDate,
}

/// The items `--due` says `today`, and what to remember afterwards (the
/// old memory, updated, with what no longer matters forgotten).
pub(crate) fn to_say<'d>(
    due: &'d [Due],
    memory: &[Said],
    today: NaiveDate,
) -> (Vec<&'d Due>, Vec<Said>) {
    let last = |key: &str| memory.iter().find(|s| s.key == key).map(|s| s.on);
    let mut said_now: Vec<&str> = Vec::new();
    let mut spoken = Vec::new();
    for item in due {
        let say = match &item.remind {
            Remind::Always => true,
            Remind::Once(key) => last(key).is_none(),
            Remind::Weekly(key) => last(key).is_none_or(|on| (today - on).num_days() >= 7),
        };
        if say {
            spoken.push(item);
            if let Remind::Once(key) | Remind::Weekly(key) = &item.remind {
                said_now.push(key);
            }
        }
    }
    let still_due = |key: &str| {
        due.iter().any(|d| match &d.remind {
            Remind::Once(k) | Remind::Weekly(k) => k == key,
            Remind::Always => false,
        })
    };
    let mut kept: Vec<Said> = memory
        .iter()
        .filter(|s| !said_now.contains(&s.key.as_str()))
        .filter(|s| still_due(&s.key) || (today - s.on).num_days() < FORGET_AFTER_DAYS)
        .cloned()
        .collect();
    kept.extend(said_now.into_iter().map(|key| Said {
        key: key.to_string(),
        on: today,
    }));
    kept.sort_by(|a, b| a.key.cmp(&b.key));
    (spoken, kept)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
    }

    fn item(what: &str, remind: Remind) -> Due {
        Due {
            what: what.into(),
            message: what.into(),
            remind,
        }
    }

    fn said_on(due: &[Due], memory: &mut Vec<Said>, today: &str) -> Vec<String> {
        let (spoken, kept) = to_say(due, memory, day(today));
        *memory = kept;
        spoken.iter().map(|d| d.what.clone()).collect()
    }

    #[test]
    fn once_is_once_weekly_is_every_seven_days_always_is_always() {
        let due = [
            item("talk", Remind::Always),
            item("soon", Remind::Once("goal-soon g1 2026-11-28".into())),
            item("late", Remind::Weekly("goal-overdue g2".into())),
        ];
        let mut memory = Vec::new();
        assert_eq!(
            said_on(&due, &mut memory, "2026-11-25"),
            ["talk", "soon", "late"]
        );
        assert_eq!(said_on(&due, &mut memory, "2026-11-26"), ["talk"]);
        assert_eq!(said_on(&due, &mut memory, "2026-12-01"), ["talk"]);
        assert_eq!(said_on(&due, &mut memory, "2026-12-02"), ["talk", "late"]);
        assert_eq!(memory.len(), 2);
    }

    #[test]
    fn what_no_longer_matters_is_forgotten_after_sixty_days() {
        let mut memory = vec![
            Said {
                key: "old".into(),
                on: day("2026-01-01"),
            },
            Said {
                key: "recent".into(),
                on: day("2026-11-01"),
            },
        ];
        assert_eq!(
            said_on(&[], &mut memory, "2026-11-25"),
            Vec::<String>::new()
        );
        assert_eq!(
            memory.iter().map(|s| s.key.as_str()).collect::<Vec<_>>(),
            ["recent"]
        );
    }
}
