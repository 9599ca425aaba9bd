//! Sync-conflict copies of goals.csv merged into it: each goal once by id,
//! and of a goal both files hold, the version changed last.

use std::collections::HashMap;

use chrono::DateTime;

use super::{GoalsFile, StoredGoal};
use crate::model::Goal;

impl GoalsFile {
    /// Takes in the goals of `copy`: one not here yet is added at the end,
    /// one here is replaced by the copy's version when that is newer (see
    /// [`supersedes`]). The copy's own columns come along with its rows.
    /// Returns whether anything changed.
    pub(super) fn merge(&mut self, copy: GoalsFile) -> bool {
        let mut at: HashMap<String, usize> = self
            .rows
            .iter()
            .enumerate()
            .map(|(i, s)| (s.record.id.to_lowercase(), i))
            .collect();
        let mut changed = false;
        for theirs in copy.rows {
            let key = theirs.record.id.to_lowercase();
            let found = at.get(&key).copied();
            if found.is_some_and(|i| !supersedes(&theirs.record, &self.rows[i].record)) {
                continue;
            }
            let adopted = StoredGoal {
                row: self.adopt_row(&copy.header, &theirs.row),
                record: theirs.record,
            };
            if let Some(i) = found {
                self.rows[i] = adopted;
            } else {
                at.insert(key, self.rows.len());
                self.rows.push(adopted);
            }
            changed = true;
        }
        changed
    }

    /// A row of a file headed `header`, its cells moved to this file's
    /// columns by name; columns this file lacks are added to its header.
    fn adopt_row(&mut self, header: &[Vec<u8>], row: &[Vec<u8>]) -> Vec<Vec<u8>> {
        let mut adopted: Vec<Vec<u8>> = vec![Vec::new(); self.header.len()];
        for (name, cell) in header.iter().zip(row) {
            let key = column_key(name);
            let known = self.header.iter().position(|h| column_key(h) == key);
            let at = known.unwrap_or_else(|| {
                self.header.push(name.clone());
                adopted.push(Vec::new());
                self.header.len() - 1
            });
            adopted[at].clone_from(cell);
        }
        adopted
    }
}

/// Whether `candidate` is a newer version of the goal than `current`: its
/// `updated_at` is a later instant (offsets taken into account). A value
/// that is not RFC 3339, or is empty, loses to one that is; on a tie the
/// current version stays, so goals.csv wins over its copies.
fn supersedes(candidate: &Goal, current: &Goal) -> bool {
    let instant = |goal: &Goal| DateTime::parse_from_rfc3339(goal.updated_at.trim()).ok();
    match (instant(candidate), instant(current)) {
        (Some(candidate), Some(current)) => candidate > current,
        (Some(_), None) => true,
        (None, _) => false,
    }
}

/// A header name as columns are matched: trimmed, any case.
fn column_key(name: &[u8]) -> String {
    String::from_utf8_lossy(name)
        .trim_start_matches('\u{feff}')
        .trim()
        .to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::super::{GOALS_FILE, parse, write};
    use super::*;

    const HEADER: &str = "id,title,horizon,status,owner,due,created,closed,note,updated_at";

    fn version(updated_at: &str) -> Goal {
        let file = parse(
            GOALS_FILE,
            format!("{HEADER}\nab,Tango,year,open,us,,2026-01-02,,,{updated_at}\n").as_bytes(),
        )
        .unwrap();
        file.rows[0].record.clone()
    }

    #[test]
    fn the_later_updated_at_wins_compared_as_instants() {
        let earlier = version("2026-11-25T10:00:00.000+00:00");
        let later = version("2026-11-25T10:00:00.001+00:00");
        assert!(supersedes(&later, &earlier));
        assert!(!supersedes(&earlier, &later));
        // 09:30 in UTC-01:00 is 10:30 UTC: later, though it reads earlier.
        let west = version("2026-11-25T09:30:00-01:00");
        assert!(supersedes(&west, &later));
        // 11:00 in UTC+02:00 is 09:00 UTC: earlier, though it reads later.
        let east = version("2026-11-25T11:00:00+02:00");
        assert!(supersedes(&earlier, &east));
    }

    #[test]
    fn a_tie_keeps_the_current_version() {
        let a = version("2026-11-25T10:00:00Z");
        let b = version("2026-11-25T11:00:00+01:00");
        assert!(!supersedes(&a, &b));
        assert!(!supersedes(&b, &a));
        let empty = version("");
        assert!(!supersedes(&empty, &version("")));
    }

    #[test]
    fn an_unreadable_updated_at_loses_to_a_readable_one() {
        let readable = version("2001-01-01T00:00:00Z");
        for bad in ["", "yesterday", "2026-11-25", "46082.5"] {
            assert!(supersedes(&readable, &version(bad)), "{bad:?}");
            assert!(!supersedes(&version(bad), &readable), "{bad:?}");
        }
    }

    #[test]
    fn merging_adds_new_goals_replaces_older_ones_and_keeps_newer_ones() {
        let mut main = parse(
            GOALS_FILE,
            format!(
                "{HEADER}\n\
                 a,Main newer,year,done,us,,2026-01-02,2026-11-20,,2026-11-20T10:00:00Z\n\
                 b,Main older,year,open,us,,2026-01-02,,,2026-11-01T10:00:00Z\n"
            )
            .as_bytes(),
        )
        .unwrap();
        let copy = parse(
            "copy.csv",
            format!(
                "{HEADER}\n\
                 A,Copy older,year,open,us,,2026-01-02,,,2026-11-10T10:00:00Z\n\
                 b,Copy newer,year,done,us,,2026-01-02,2026-11-21,,2026-11-21T10:00:00Z\n\
                 c,Copy only,someday,open,us,,2026-01-02,,,\n"
            )
            .as_bytes(),
        )
        .unwrap();
        assert!(main.merge(copy));
        let titles: Vec<&str> = main.rows.iter().map(|s| s.record.title.as_str()).collect();
        assert_eq!(titles, ["Main newer", "Copy newer", "Copy only"]);
    }

    #[test]
    fn merging_what_is_already_here_changes_nothing() {
        let text = format!("{HEADER}\na,One,year,open,us,,2026-01-02,,,2026-11-01T10:00:00Z\n");
        let mut main = parse(GOALS_FILE, text.as_bytes()).unwrap();
        assert!(!main.merge(parse("copy.csv", text.as_bytes()).unwrap()));
        assert!(!main.merge(parse("copy.csv", b"").unwrap()));
        assert_eq!(main.rows.len(), 1);
    }

    #[test]
    fn a_copys_rows_keep_their_own_columns_whatever_the_order() {
        let mut main = parse(
            GOALS_FILE,
            b"id,title,horizon,status,created,mood\r\na,One,year,open,2026-01-02,keen\r\n",
        )
        .unwrap();
        let copy = parse(
            "copy.csv",
            b"Status,ID,Title,Horizon,Created,place,MOOD\nopen,b,Two,year,2026-01-03,Paris,calm\n",
        )
        .unwrap();
        assert!(main.merge(copy));
        let mut out = Vec::new();
        write(&mut out, &main).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "id,title,horizon,status,created,mood,owner,due,closed,note,updated_at,place\r\n\
             a,One,year,open,2026-01-02,keen,us,,,,,\r\n\
             b,Two,year,open,2026-01-03,calm,us,,,,,Paris\r\n"
        );
    }
}
