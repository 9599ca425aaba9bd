//! Two versions of one goal merged field by field, so that what two
//! machines changed in different fields both survives.
//!
//! Beside its values, a goal carries its [`Changes`] (the `changed` column
//! of goals.csv): for each field, the moment it last changed and the moment
//! of the value that change replaced. Two versions merge field by field and
//! the value changed later wins: a last-writer-wins register per field,
//! which needs no common ancestor, so it works with any sync tool's
//! conflict copies, however many times each machine wrote before they met.
//! When the losing value is one the winner never saw (its change did not
//! replace it), both machines changed the field: a [`Conflict`] the caller
//! reports; the winner's stamp then counts that value as replaced, so the
//! same stale value, brought again by the other machine, is not reported
//! twice. Given the common ancestor (git hands one to its merge driver), a
//! field only one side changed since then is taken from that side, and a
//! field both changed is a conflict the later change wins.

use std::cmp::Ordering;
use std::fmt;

use chrono::{DateTime, FixedOffset};

use super::Goal;

super::super::vocab::vocabulary! {
    /// A part of a goal merged on its own. `status` carries the `closed`
    /// day with it: the two always change together.
    enum Field ("field", "fields") {
        Title => "title", "the title";
        Horizon => "horizon", "how far away it is";
        Status => "status", "where it stands, and the day it was closed";
        Owner => "owner", "whose it is";
        Due => "due", "the due date";
        Note => "note", "the note";
    }
}

impl Field {
    /// Whether `a` and `b` hold the same value of this field.
    fn same(self, a: &Goal, b: &Goal) -> bool {
        match self {
            Field::Title => a.title == b.title,
            Field::Horizon => a.horizon == b.horizon,
            Field::Status => a.status == b.status && a.closed == b.closed,
            Field::Owner => a.owner == b.owner,
            Field::Due => a.due == b.due,
            Field::Note => a.note == b.note,
        }
    }

    /// Sets this field of `into` to its value in `from`.
    fn copy(self, into: &mut Goal, from: &Goal) {
        match self {
            Field::Title => into.title.clone_from(&from.title),
            Field::Horizon => into.horizon = from.horizon,
            Field::Status => {
                into.status = from.status;
                into.closed = from.closed;
            }
            Field::Owner => into.owner.clone_from(&from.owner),
            Field::Due => into.due = from.due,
            Field::Note => into.note.clone_from(&from.note),
        }
    }

    /// The field's value in `goal`, as people read it.
    pub(crate) fn shown(self, goal: &Goal) -> String {
        let day = |d: Option<chrono::NaiveDate>| {
            d.map(|d| d.format("%Y-%m-%d").to_string())
                .unwrap_or_default()
        };
        match self {
            Field::Title => goal.title.clone(),
            Field::Horizon => goal.horizon.as_str().to_string(),
            Field::Status => match goal.closed {
                Some(closed) => format!("{} {}", goal.status, day(Some(closed))),
                None => goal.status.as_str().to_string(),
            },
            Field::Owner => goal.owner.clone(),
            Field::Due => day(goal.due),
            Field::Note => goal.note.clone(),
        }
    }
}

/// A moment as a file holds it (RFC 3339), compared as an instant.
#[derive(Debug, Clone)]
pub(crate) struct Moment {
    text: String,
    instant: DateTime<FixedOffset>,
}

impl Moment {
    /// `text` as a moment, when it is RFC 3339 (blanks around it ignored).
    pub(crate) fn parse(text: &str) -> Option<Moment> {
        let text = text.trim();
        DateTime::parse_from_rfc3339(text)
            .ok()
            .map(|instant| Moment {
                text: text.to_string(),
                instant,
            })
    }

    pub(crate) fn as_str(&self) -> &str {
        &self.text
    }
}

impl PartialEq for Moment {
    fn eq(&self, other: &Self) -> bool {
        self.instant == other.instant
    }
}

impl Eq for Moment {}

impl PartialOrd for Moment {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Moment {
    fn cmp(&self, other: &Self) -> Ordering {
        self.instant.cmp(&other.instant)
    }
}

/// When a field last changed, and when the value it replaced had been set
/// (none: the value the goal was added with, or one no time was kept for).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Stamp {
    pub(crate) at: Moment,
    pub(crate) replaced: Option<Moment>,
}

/// The stamps of one goal's fields, by field name. Names this version of
/// couple does not know (a later one's fields) are kept as they are.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Changes {
    /// Known fields in [`Field::ALL`] order, then the others by name.
    stamps: Vec<(String, Stamp)>,
}

/// Separates the fields in a `changed` cell.
const SEPARATOR: char = ';';
/// Separates a field's moment from the moment of the value it replaced.
const REPLACED: char = '~';

impl Changes {
    /// A `changed` cell: `title=2026-11-25T10:00:00.000+01:00;note=…~…`,
    /// each field at most once; empty for none. The problem, if not.
    pub(crate) fn parse(text: &str) -> Result<Changes, String> {
        let mut changes = Changes::default();
        for part in text.split(SEPARATOR) {
            let part = part.trim();
            if part.is_empty() {
                continue;
            }
            let bad = || {
                format!("{part:?} is not field=moment (like note=2026-11-25T10:00:00.000+01:00)")
            };
            let (name, times) = part.split_once('=').ok_or_else(bad)?;
            let name = name.trim().to_lowercase();
            if name.is_empty() {
                return Err(bad());
            }
            let (at, replaced) = match times.split_once(REPLACED) {
                Some((at, replaced)) => (at, Some(replaced)),
                None => (times, None),
            };
            let at = Moment::parse(at).ok_or_else(bad)?;
            let replaced = replaced
                .map(|r| Moment::parse(r).ok_or_else(bad))
                .transpose()?;
            if changes.stamps.iter().any(|(n, _)| *n == name) {
                return Err(format!("names {name} twice"));
            }
            changes.set(&name, Stamp { at, replaced });
        }
        Ok(changes)
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.stamps.is_empty()
    }

    /// The stamp of `field`, if it changed since the goal was added.
    pub(crate) fn get(&self, field: Field) -> Option<&Stamp> {
        self.by_name(field.as_str())
    }

    fn by_name(&self, name: &str) -> Option<&Stamp> {
        self.stamps.iter().find(|(n, _)| n == name).map(|(_, s)| s)
    }

    /// Sets the stamp of the field named `name`, keeping the order.
    fn set(&mut self, name: &str, stamp: Stamp) {
        if let Some(slot) = self.stamps.iter_mut().find(|(n, _)| n == name) {
            slot.1 = stamp;
            return;
        }
        let rank = |n: &str| {
            Field::ALL
                .iter()
                .position(|f| f.as_str() == n)
                .unwrap_or(Field::ALL.len())
        };
        let at = self
            .stamps
            .iter()
            .position(|(n, _)| (rank(n), n.as_str()) > (rank(name), name))
            .unwrap_or(self.stamps.len());
        self.stamps.insert(at, (name.to_string(), stamp));
    }
}

/// As JSON, the cell's text; null when no field changed.
impl serde::Serialize for Changes {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        if self.is_empty() {
            s.serialize_none()
        } else {
            s.collect_str(self)
        }
    }
}

impl fmt::Display for Changes {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, (name, stamp)) in self.stamps.iter().enumerate() {
            if i > 0 {
                write!(f, "{SEPARATOR}")?;
            }
            write!(f, "{name}={}", stamp.at.as_str())?;
            if let Some(replaced) = &stamp.replaced {
                write!(f, "{REPLACED}{}", replaced.as_str())?;
            }
        }
        Ok(())
    }
}

impl Goal {
    /// Stamps every field changed since `before` (this goal as it was
    /// read) with the moment of the change, this goal's `updated_at`, and
    /// remembers the stamp each replaced. Nothing is stamped when
    /// `updated_at` is not a moment: then nobody can say when it happened.
    pub(crate) fn stamp_changes_since(&mut self, before: &Goal) {
        let Some(now) = Moment::parse(&self.updated_at) else {
            return;
        };
        for &field in Field::ALL {
            if !field.same(before, self) {
                let replaced = self.changed.get(field).map(|s| s.at.clone());
                self.changed.set(
                    field.as_str(),
                    Stamp {
                        at: now.clone(),
                        replaced,
                    },
                );
            }
        }
    }
}

/// Which of the two versions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Side {
    Ours,
    Theirs,
}

/// A field both versions changed: the value kept, and the one it overwrote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Conflict {
    pub(crate) field: Field,
    pub(crate) kept: String,
    pub(crate) kept_at: Option<String>,
    pub(crate) lost: String,
    pub(crate) lost_at: Option<String>,
    /// The version the overwritten value came from.
    pub(crate) lost_side: Side,
}

/// The merge of two versions of a goal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Merged {
    /// The merged goal, its `changed` stamps merged too.
    pub(crate) goal: Goal,
    /// Fields both versions changed, each once.
    pub(crate) conflicts: Vec<Conflict>,
    /// The version changed last as a whole (by `updated_at`; ours on a
    /// tie): it decides what no field stamp can, like the users' own columns.
    pub(crate) newer: Side,
}

/// Merges `theirs` into `ours`, field by field (see the module comment).
/// `ancestor` is the version both grew from, when known.
pub(crate) fn merge(ours: &Goal, theirs: &Goal, ancestor: Option<&Goal>) -> Merged {
    let newer = if newer_row(theirs, ours) {
        Side::Theirs
    } else {
        Side::Ours
    };
    let pick = |side| match side {
        Side::Ours => ours,
        Side::Theirs => theirs,
    };
    let mut goal = ours.clone();
    goal.updated_at.clone_from(&pick(newer).updated_at);
    let mut changes = ours.changed.clone();
    let mut conflicts = Vec::new();

    for &field in Field::ALL {
        let (our_stamp, their_stamp) = (ours.changed.get(field), theirs.changed.get(field));
        if field.same(ours, theirs) {
            if let Some(stamp) = their_stamp.filter(|s| later(Some(s), our_stamp)) {
                changes.set(field.as_str(), stamp.clone());
            }
            continue;
        }
        let changed_since = |side: &Goal| ancestor.is_none_or(|a| !field.same(a, side));
        let (winner, conflict) = match (changed_since(ours), changed_since(theirs)) {
            (true, false) => (Side::Ours, false),
            (false, true) => (Side::Theirs, false),
            _ => {
                let winner = match stamp_order(our_stamp, their_stamp) {
                    Ordering::Greater => Side::Ours,
                    Ordering::Less => Side::Theirs,
                    Ordering::Equal => newer,
                };
                let (won, lost) = match winner {
                    Side::Ours => (our_stamp, their_stamp),
                    Side::Theirs => (their_stamp, our_stamp),
                };
                // Without an ancestor, the loser's value was seen by the
                // winner when the winning change is the one that replaced it.
                let seen =
                    lost.is_none_or(|lost| won.and_then(|w| w.replaced.as_ref()) == Some(&lost.at));
                (winner, ancestor.is_some() || !seen)
            }
        };
        let loser = match winner {
            Side::Ours => Side::Theirs,
            Side::Theirs => Side::Ours,
        };
        let (won, lost) = (pick(winner), pick(loser));
        if conflict {
            let at = |v: &Goal| v.changed.get(field).map(|s| s.at.as_str().to_string());
            conflicts.push(Conflict {
                field,
                kept: field.shown(won),
                kept_at: at(won),
                lost: field.shown(lost),
                lost_at: at(lost),
                lost_side: loser,
            });
        }
        field.copy(&mut goal, won);
        match won.changed.get(field) {
            Some(stamp) => {
                let mut stamp = stamp.clone();
                // The overwritten value is now one the winner has seen: the
                // loser's machine, still holding it, will bring it again.
                if let Some(lost) = lost.changed.get(field).filter(|_| conflict) {
                    stamp.replaced = Some(lost.at.clone());
                }
                changes.set(field.as_str(), stamp);
            }
            None => changes.stamps.retain(|(n, _)| n != field.as_str()),
        }
    }
    // Stamps of fields a later couple knows: the later one of each.
    for (name, stamp) in &theirs.changed.stamps {
        if Field::ALL.iter().all(|f| f.as_str() != name)
            && later(Some(stamp), changes.by_name(name))
        {
            changes.set(name, stamp.clone());
        }
    }
    goal.changed = changes;
    Merged {
        goal,
        conflicts,
        newer,
    }
}

/// Whether stamp `a` is later than `b` (any stamp is later than none).
fn later(a: Option<&Stamp>, b: Option<&Stamp>) -> bool {
    stamp_order(a, b) == Ordering::Greater
}

fn stamp_order(a: Option<&Stamp>, b: Option<&Stamp>) -> Ordering {
    a.map(|s| &s.at).cmp(&b.map(|s| &s.at))
}

/// Whether `candidate` changed later than `current` as a whole: its
/// `updated_at` is a later instant (offsets taken into account). A value
/// that is not RFC 3339, or is empty, loses to one that is; on a tie the
/// current version stays.
pub(crate) fn newer_row(candidate: &Goal, current: &Goal) -> bool {
    match (
        Moment::parse(&candidate.updated_at),
        Moment::parse(&current.updated_at),
    ) {
        (Some(candidate), Some(current)) => candidate > current,
        (Some(_), None) => true,
        (None, _) => false,
    }
}

#[cfg(test)]
mod tests;
