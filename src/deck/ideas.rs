//! The ideas deck: things to do together (us-time) and small acts of care,
//! and the rules that pick one. Pure: no files, no clock.
//!
//! The ideas of a kind in play (the built-in ones, and the user's added on
//! or before the day) are put in id order and shuffled as the prompts are.
//! Us-time is the couple's: ISO week `w` (counted from 0001-01-01) gets
//! position `w mod n`, the same idea for both partners from Monday to
//! Sunday. Care is one partner's: the shuffle's seed is mixed with a hash
//! of the partner's name (trimmed, lower-cased), and day `d` gets position
//! `d mod n` — a different idea each day, and different for each partner.

use chrono::{Datelike, NaiveDate};

use super::{IDEAS, shuffle};
use crate::model::{Idea, IdeaKind};

/// Fixed forever: changing it would change every week's idea.
const SEED: u64 = 0x6964_6561_7320_3120; // "ideas 1 "

/// The built-in ideas, as ideas that borrow the binary's strings.
pub(crate) fn builtin() -> Vec<Idea> {
    IDEAS
        .iter()
        .map(|&(id, kind, text)| Idea {
            id: id.text().into(),
            kind,
            text: text.text().into(),
            added: None,
        })
        .collect()
}

/// The ideas of `kind`, every one whenever it joins (for `--list`).
pub(crate) fn of_kind(ideas: &[Idea], kind: IdeaKind) -> Vec<&Idea> {
    ideas.iter().filter(|i| i.kind == kind).collect()
}

/// The idea of `kind` for `date`; care ideas are `partner`'s own.
pub(crate) fn idea_for<'d>(
    ideas: &'d [Idea],
    kind: IdeaKind,
    date: NaiveDate,
    partner: &str,
) -> Option<&'d Idea> {
    match kind {
        IdeaKind::UsTime => {
            let monday = date - chrono::Days::new(u64::from(date.weekday().num_days_from_monday()));
            let week = i64::from(monday.num_days_from_ce()).div_euclid(7);
            pick(ideas, kind, monday, SEED, week)
        }
        IdeaKind::Care => {
            let seed = SEED ^ fnv1a(partner.trim().to_lowercase().as_bytes());
            pick(ideas, kind, date, seed, i64::from(date.num_days_from_ce()))
        }
    }
}

/// Position `step mod n` of the ideas of `kind` in play on `date`,
/// shuffled with `seed`.
fn pick(ideas: &[Idea], kind: IdeaKind, date: NaiveDate, seed: u64, step: i64) -> Option<&Idea> {
    let mut order: Vec<&Idea> = ideas
        .iter()
        .filter(|i| i.kind == kind && i.added.is_none_or(|a| a <= date))
        .collect();
    if order.is_empty() {
        return None;
    }
    order.sort_unstable_by(|a, b| a.id.cmp(&b.id));
    shuffle(&mut order, seed);
    Some(order[step.rem_euclid(order.len() as i64) as usize])
}

/// FNV-1a, 64 bits (Fowler, Noll, Vo): a hash written here so that no
/// dependency upgrade can change whose idea is whose.
fn fnv1a(bytes: &[u8]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        hash ^= u64::from(b);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    hash
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> NaiveDate {
        crate::dates::parse_iso(text.as_bytes()).unwrap()
    }

    #[test]
    fn fnv1a_matches_its_reference_values() {
        assert_eq!(fnv1a(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a(b"a"), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(fnv1a(b"foobar"), 0x8594_4171_f739_67e8);
    }

    #[test]
    fn the_built_in_ideas_hold_150_of_each_kind_with_unique_ids_and_texts() {
        let ideas = builtin();
        for kind in IdeaKind::ALL {
            assert!(of_kind(&ideas, *kind).len() >= 150, "{kind}");
        }
        let mut ids = std::collections::HashSet::new();
        let mut texts = std::collections::HashSet::new();
        for idea in &ideas {
            assert!(ids.insert(&idea.id), "duplicate id {}", idea.id);
            assert!(texts.insert(idea.text.to_lowercase()), "{}", idea.id);
            assert!(
                idea.id.starts_with(&format!("{}-", idea.kind)),
                "{} is not <kind>-NNN",
                idea.id
            );
        }
    }

    #[test]
    fn us_time_is_one_idea_from_monday_to_sunday_and_moves_on_each_week() {
        let ideas = builtin();
        let monday = day("2026-11-23");
        let first = idea_for(&ideas, IdeaKind::UsTime, monday, "alex").unwrap();
        for d in monday.iter_days().take(7) {
            for partner in ["alex", "sam"] {
                assert_eq!(idea_for(&ideas, IdeaKind::UsTime, d, partner), Some(first));
            }
        }
        let next = idea_for(&ideas, IdeaKind::UsTime, day("2026-11-30"), "alex").unwrap();
        assert_ne!(first, next);
        let n = of_kind(&ideas, IdeaKind::UsTime).len();
        let weeks: std::collections::HashSet<_> = (0..n as u64)
            .map(|w| {
                let d = monday + chrono::Days::new(7 * w);
                idea_for(&ideas, IdeaKind::UsTime, d, "x").map(|i| i.id.clone())
            })
            .collect();
        assert_eq!(weeks.len(), n, "every idea once in n weeks");
    }

    #[test]
    fn care_is_personal_and_daily_and_the_name_is_read_trimmed_in_any_case() {
        let ideas = builtin();
        let start = day("2026-11-25");
        let mut same = 0;
        for d in start.iter_days().take(30) {
            let alex = idea_for(&ideas, IdeaKind::Care, d, "alex");
            assert_eq!(alex, idea_for(&ideas, IdeaKind::Care, d, " Alex "));
            if alex == idea_for(&ideas, IdeaKind::Care, d, "sam") {
                same += 1;
            }
            assert_ne!(
                alex,
                idea_for(&ideas, IdeaKind::Care, d.succ_opt().unwrap(), "alex")
            );
        }
        assert!(same <= 2, "alex and sam share {same} of 30 days");
    }

    #[test]
    fn a_users_idea_joins_on_the_day_it_was_added() {
        let mut ideas = builtin();
        let before: Vec<_> = day("2026-01-01")
            .iter_days()
            .take(60)
            .map(|d| idea_for(&ideas, IdeaKind::Care, d, "alex").cloned())
            .collect();
        ideas.push(Idea {
            id: "mine-1".into(),
            kind: IdeaKind::Care,
            text: "Warm the towel.".into(),
            added: Some(day("2026-03-02")),
        });
        for (d, was) in day("2026-01-01").iter_days().take(60).zip(before) {
            assert_eq!(idea_for(&ideas, IdeaKind::Care, d, "alex").cloned(), was);
        }
    }
}
