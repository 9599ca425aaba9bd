use chrono::NaiveDate;

use super::*;
use crate::model::{Horizon, Status};

fn day(text: &str) -> NaiveDate {
    crate::dates::parse_iso(text.as_bytes()).unwrap()
}

/// A moment on 25 November 2026, `hh:mm` UTC.
fn at(hhmm: &str) -> String {
    format!("2026-11-25T{hhmm}:00.000+00:00")
}

/// One machine's copy of one goal: what couple writes there.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Copy {
    goal: Goal,
}

impl Copy {
    /// The goal as `goals add` wrote it, before either machine changed it.
    fn added() -> Self {
        Self {
            goal: Goal {
                id: "7kq3m2xa".into(),
                title: "Learn to tango".into(),
                horizon: Horizon::Year,
                status: Status::Open,
                owner: "us".into(),
                due: None,
                created: day("2026-11-01"),
                closed: None,
                note: String::new(),
                updated_at: "2026-11-01T10:00:00.000+00:00".into(),
                changed: Changes::default(),
            },
        }
    }

    /// A command changing the goal at `hhmm`, as couple stamps it.
    fn edit(&mut self, hhmm: &str, change: impl FnOnce(&mut Goal)) -> &mut Self {
        let before = self.goal.clone();
        change(&mut self.goal);
        self.goal.updated_at = at(hhmm);
        self.goal.stamp_changes_since(&before);
        self
    }

    /// This copy after taking in `theirs` (no ancestor).
    fn merged(&self, theirs: &Copy) -> (Copy, Vec<Conflict>) {
        let m = merge(&self.goal, &theirs.goal, None);
        (Copy { goal: m.goal }, m.conflicts)
    }
}

fn done(on: &str) -> impl FnOnce(&mut Goal) {
    let on = day(on);
    move |g| {
        g.status = Status::Done;
        g.closed = Some(on);
    }
}

fn note(text: &str) -> impl FnOnce(&mut Goal) + '_ {
    move |g| g.note = text.into()
}

#[test]
fn changes_to_different_fields_on_two_machines_both_survive() {
    let mut sam = Copy::added();
    sam.edit("09:00", done("2026-11-25"));
    let mut alex = Copy::added();
    alex.edit("09:30", note("find a school"));
    for (ours, theirs) in [(&sam, &alex), (&alex, &sam)] {
        let (merged, conflicts) = ours.merged(theirs);
        assert_eq!(merged.goal.status, Status::Done);
        assert_eq!(merged.goal.closed, Some(day("2026-11-25")));
        assert_eq!(merged.goal.note, "find a school");
        assert_eq!(merged.goal.updated_at, at("09:30"));
        assert!(conflicts.is_empty(), "{conflicts:?}");
    }
}

#[test]
fn each_machine_writing_twice_before_syncing_loses_nothing() {
    // A machine's own last-read copy is no ancestor here: each side changed
    // two fields, one of them after the other side's first change.
    let mut sam = Copy::added();
    sam.edit("09:00", done("2026-11-25"))
        .edit("11:00", |g| g.title = "Learn to tango, at last".into());
    let mut alex = Copy::added();
    alex.edit("10:00", note("find a school"))
        .edit("12:00", |g| g.due = Some(day("2027-03-01")));
    let (merged, conflicts) = sam.merged(&alex);
    assert_eq!(merged.goal.status, Status::Done);
    assert_eq!(merged.goal.title, "Learn to tango, at last");
    assert_eq!(merged.goal.note, "find a school");
    assert_eq!(merged.goal.due, Some(day("2027-03-01")));
    assert!(conflicts.is_empty(), "{conflicts:?}");
    assert_eq!(
        alex.merged(&sam).0,
        merged,
        "the order of the merge matters not"
    );
}

#[test]
fn the_same_field_changed_on_both_keeps_the_newer_and_reports_the_other_once() {
    let mut sam = Copy::added();
    sam.edit("09:00", note("ask Ana for a teacher"))
        .edit("11:00", note("Ana's teacher, Tuesdays"));
    let mut alex = Copy::added();
    alex.edit("10:00", note("find a school"))
        .edit("10:30", |g| g.horizon = Horizon::Month);
    let (merged, conflicts) = alex.merged(&sam);
    assert_eq!(merged.goal.note, "Ana's teacher, Tuesdays");
    assert_eq!(merged.goal.horizon, Horizon::Month);
    assert_eq!(
        conflicts,
        [Conflict {
            field: Field::Note,
            kept: "Ana's teacher, Tuesdays".into(),
            kept_at: Some(at("11:00")),
            lost: "find a school".into(),
            lost_at: Some(at("10:00")),
            lost_side: Side::Ours,
        }]
    );
    let (again, conflicts) = sam.merged(&alex);
    assert_eq!(again, merged);
    assert_eq!(conflicts.len(), 1);
    assert_eq!(conflicts[0].lost_side, Side::Theirs);
    // Once merged, the loser is gone for good: merging it again reports nothing.
    assert!(merged.merged(&alex).1.is_empty());
    assert_eq!(merged.merged(&alex).0, merged);
}

#[test]
fn a_change_made_after_seeing_the_other_is_no_conflict() {
    let mut sam = Copy::added();
    sam.edit("09:00", note("find a school"));
    // Alex's machine received Sam's note, then changed it again.
    let mut alex = sam.clone();
    alex.edit("10:00", note("found one: Tuesdays"));
    // Sam's stale copy (a conflict over another goal kept it) meets Alex's.
    let (merged, conflicts) = sam.merged(&alex);
    assert_eq!(merged.goal.note, "found one: Tuesdays");
    assert!(conflicts.is_empty(), "{conflicts:?}");
}

#[test]
fn merging_is_the_same_in_any_order_and_merging_twice_changes_nothing() {
    let base = Copy::added();
    let mut a = base.clone();
    a.edit("09:00", note("one"))
        .edit("12:00", done("2026-11-25"));
    let mut b = base.clone();
    b.edit("10:00", |g| g.owner = "sam".into())
        .edit("10:30", note("two"));
    let mut c = base.clone();
    c.edit("11:00", |g| g.title = "Tango".into());
    let orders = [
        [&a, &b, &c],
        [&a, &c, &b],
        [&b, &a, &c],
        [&b, &c, &a],
        [&c, &a, &b],
        [&c, &b, &a],
    ];
    let fold = |order: [&Copy; 3]| order[0].merged(order[1]).0.merged(order[2]).0;
    let first = fold(orders[0]);
    for order in orders {
        assert_eq!(fold(order), first);
    }
    assert_eq!(first.goal.note, "two");
    assert_eq!(first.goal.owner, "sam");
    assert_eq!(first.goal.title, "Tango");
    assert_eq!(first.goal.status, Status::Done);
    assert_eq!(first.merged(&first), (first.clone(), Vec::new()));
}

#[test]
fn versions_without_stamps_take_each_field_from_the_newer_row_quietly() {
    // Rows an older couple wrote: no `changed` cell, only `updated_at`.
    let old = Copy::added();
    let mut newer = Copy::added();
    newer.goal.title = "Tango (new title)".into();
    newer.goal.updated_at = at("09:00");
    for (ours, theirs) in [(&old, &newer), (&newer, &old)] {
        let (merged, conflicts) = ours.merged(theirs);
        assert_eq!(merged.goal.title, "Tango (new title)");
        assert_eq!(merged.goal.updated_at, at("09:00"));
        assert!(conflicts.is_empty());
    }
}

#[test]
fn a_stamped_change_beats_an_unstamped_one() {
    let mut stamped = Copy::added();
    stamped.edit("09:00", note("stamped"));
    let mut by_hand = Copy::added();
    by_hand.goal.note = "typed in a spreadsheet".into();
    by_hand.goal.updated_at = at("23:00");
    let (merged, _) = by_hand.merged(&stamped);
    assert_eq!(merged.goal.note, "stamped");
    assert_eq!(merged.goal.updated_at, at("23:00"));
}

#[test]
fn with_an_ancestor_a_field_only_one_side_changed_is_taken_whatever_its_time() {
    let ancestor = Copy::added();
    let mut ours = ancestor.clone();
    ours.edit("12:00", done("2026-11-25"));
    // Theirs changed the note by hand: no stamp, and an older updated_at.
    let mut theirs = ancestor.clone();
    theirs.goal.note = "by hand".into();
    let m = merge(&ours.goal, &theirs.goal, Some(&ancestor.goal));
    assert_eq!(m.goal.note, "by hand");
    assert_eq!(m.goal.status, Status::Done);
    assert!(m.conflicts.is_empty());
}

#[test]
fn with_an_ancestor_a_field_both_changed_goes_to_the_later_and_is_reported() {
    let ancestor = Copy::added();
    let mut ours = ancestor.clone();
    ours.edit("09:00", note("ours"));
    let mut theirs = ancestor.clone();
    theirs.edit("08:00", note("theirs"));
    let m = merge(&ours.goal, &theirs.goal, Some(&ancestor.goal));
    assert_eq!(m.goal.note, "ours");
    assert_eq!(m.conflicts.len(), 1);
    assert_eq!(m.conflicts[0].lost, "theirs");
    assert_eq!(m.conflicts[0].lost_side, Side::Theirs);
}

#[test]
fn status_and_closed_move_together() {
    let mut sam = Copy::added();
    sam.edit("09:00", done("2026-11-20"));
    let mut alex = Copy::added();
    alex.edit("10:00", |g| {
        g.status = Status::Dropped;
        g.closed = Some(day("2026-11-22"));
    });
    let (merged, conflicts) = sam.merged(&alex);
    assert_eq!(
        (merged.goal.status, merged.goal.closed),
        (Status::Dropped, Some(day("2026-11-22")))
    );
    assert_eq!(conflicts[0].lost, "done 2026-11-20");
}

#[test]
fn a_changed_cell_round_trips_and_keeps_fields_it_does_not_know() {
    let text = "title=2026-11-25T09:00:00.000+00:00;note=2026-11-25T11:00:00.000+01:00~2026-11-25T09:00:00.000+00:00;mood=2026-11-25T08:00:00Z";
    let changes = Changes::parse(text).unwrap();
    assert_eq!(changes.to_string(), text);
    assert_eq!(
        changes
            .get(Field::Note)
            .unwrap()
            .replaced
            .as_ref()
            .unwrap()
            .as_str(),
        "2026-11-25T09:00:00.000+00:00"
    );
    assert_eq!(Changes::parse("").unwrap(), Changes::default());
    assert_eq!(
        Changes::parse(" note = 2026-11-25T09:00:00Z ; ")
            .unwrap()
            .to_string(),
        "note=2026-11-25T09:00:00Z"
    );
    // A later couple's field survives a merge with the later stamp.
    let mut a = Copy::added();
    a.goal.changed = Changes::parse("mood=2026-11-25T08:00:00Z").unwrap();
    let mut b = Copy::added();
    b.goal.changed = Changes::parse("mood=2026-11-25T09:00:00Z").unwrap();
    assert_eq!(
        a.merged(&b).0.goal.changed.to_string(),
        "mood=2026-11-25T09:00:00Z"
    );
}

#[test]
fn a_bad_changed_cell_is_refused_saying_why() {
    for bad in [
        "note",
        "note=yesterday",
        "=2026-11-25T09:00:00Z",
        "note=2026-11-25T09:00:00Z~soon",
        "note=2026-11-25",
    ] {
        let problem = Changes::parse(bad).unwrap_err();
        assert!(problem.contains("is not field=moment"), "{bad}: {problem}");
    }
    assert_eq!(
        Changes::parse("note=2026-11-25T09:00:00Z;Note=2026-11-25T10:00:00Z").unwrap_err(),
        "names note twice"
    );
}

#[test]
fn recording_stamps_only_the_fields_that_changed_and_remembers_what_they_replaced() {
    let mut copy = Copy::added();
    copy.edit("09:00", note("one"));
    copy.edit("10:00", note("two"));
    copy.edit("10:30", |g| g.title = "Tango".into());
    assert_eq!(
        copy.goal.changed.to_string(),
        format!("title={};note={}~{}", at("10:30"), at("10:00"), at("09:00"))
    );
    let before = copy.goal.changed.clone();
    let goal = copy.goal.clone();
    copy.goal.stamp_changes_since(&goal);
    assert_eq!(
        copy.goal.changed, before,
        "nothing changed, nothing stamped"
    );
}
