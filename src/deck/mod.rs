//! The deck: the built-in prompts, and the rule that picks the question of
//! the day. Pure: no files, no clock.
//!
//! The rule. The prompts in play on day `d` — the built-in prompts of the
//! pinned edition or older (after `--theme`/`--depth`), and the user's
//! prompts added on or before `d` — are put in id order, then shuffled with
//! a fixed seed by a Fisher–Yates shuffle driven by SplitMix64 — both
//! written here, so no dependency upgrade can change the order. Day `d`
//! (counted from 0001-01-01) gets position `d mod n`. So both partners, on
//! any machine, get the same prompt for the same date and deck; any `n`
//! consecutive days visit every position once (no repeat until the whole
//! deck has been used); and a prompt added today changes no earlier day.
//!
//! A skip. The `k`-th skip of day `d` shows position
//! `(d + ceil(n/2) + k - 1) mod n`: half the deck away, so never
//! yesterday's or tomorrow's question; the next day is unaffected.

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate};

use crate::error::Result;
use crate::model::lookup::{By, Lookup};
use crate::model::{Depth, Joins, Prompt};

pub(crate) mod ideas;

// The built-in decks, compiled from prompts.csv and ideas.csv by build.rs.
include!(concat!(env!("OUT_DIR"), "/deck.rs"));

/// Where a string of the built-in decks stands in `TEXT`: offsets, not
/// pointers, so the tables need no relocation when the binary loads.
#[derive(Clone, Copy)]
struct Span(usize, usize);

impl Span {
    fn text(self) -> &'static str {
        &TEXT[self.0..self.1]
    }
}

/// The built-in deck, every edition, as prompts that borrow the binary's
/// strings.
pub(crate) fn builtin() -> Vec<Prompt> {
    (0..BUILTIN.len()).map(builtin_prompt).collect()
}

/// The built-in prompt at `at` in the compiled table.
fn builtin_prompt(at: usize) -> Prompt {
    let (id, theme, depth, edition, text) = BUILTIN[at];
    Prompt {
        id: id.text().into(),
        theme: theme.text().into(),
        depth,
        text: text.text().into(),
        joins: Joins::Edition(edition),
    }
}

/// The edition of the built-in deck a couple uses: `edition` from the day
/// `since` on (from the start when `None`), and `before` on earlier days —
/// so that `--upgrade-deck` changes no past day's question.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Pin {
    pub(crate) edition: u8,
    pub(crate) since: Option<NaiveDate>,
    pub(crate) before: u8,
}

impl Pin {
    /// One edition for every day.
    pub(crate) fn always(edition: u8) -> Self {
        Self {
            edition,
            since: None,
            before: edition,
        }
    }

    /// The edition in use on `date`.
    pub(crate) fn edition_on(self, date: NaiveDate) -> u8 {
        match self.since {
            Some(since) if date < since => self.before,
            _ => self.edition,
        }
    }
}

/// How many built-in prompts each edition adds, oldest first.
pub(crate) fn edition_sizes() -> Vec<(u8, usize)> {
    (1..=NEWEST_EDITION)
        .map(|e| (e, BUILTIN.iter().filter(|p| p.3 == e).count()))
        .collect()
}

/// The prompts of `prompts` in play on `date` under `edition`: built-in
/// prompts of that edition or older, the user's added on or before `date`.
pub(crate) fn in_play<'d>(prompts: &[&'d Prompt], edition: u8, date: NaiveDate) -> Vec<&'d Prompt> {
    prompts
        .iter()
        .copied()
        .filter(|p| match p.joins {
            Joins::Edition(e) => e <= edition,
            Joins::Added(added) => added.is_none_or(|a| a <= date),
        })
        .collect()
}

/// The prompts of `prompts` a couple on `edition` sees in the deck
/// (`--list`, `--themes`): every user prompt, whenever it joins.
pub(crate) fn in_edition<'d>(prompts: &[&'d Prompt], edition: u8) -> Vec<&'d Prompt> {
    prompts
        .iter()
        .copied()
        .filter(|p| match p.joins {
            Joins::Edition(e) => e <= edition,
            Joins::Added(_) => true,
        })
        .collect()
}

/// Fixed forever: changing it would change every day's question.
const SEED: u64 = 0x636f_7570_6c65_2031; // "couple 1"

/// Which prompts a command works with.
#[derive(Debug, Default)]
pub(crate) struct Filter {
    /// Keep these themes (all when empty).
    pub(crate) themes: Vec<String>,
    pub(crate) depth: Option<Depth>,
}

impl Filter {
    fn keeps(&self, prompt: &Prompt) -> bool {
        (self.themes.is_empty() || self.themes.iter().any(|t| *t == prompt.theme))
            && self.depth.is_none_or(|depth| prompt.depth == depth)
    }
}

/// The prompts `filter` keeps, in deck order.
pub(crate) fn select<'d>(deck: &'d [Prompt], filter: &Filter) -> Vec<&'d Prompt> {
    deck.iter().filter(|p| filter.keeps(p)).collect()
}

/// Each theme of the deck, in first-seen order, with its prompts by depth.
pub(crate) fn themes(deck: &[Prompt]) -> Vec<ThemeCount<'_>> {
    let mut order: Vec<&str> = Vec::new();
    let mut counts: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    for prompt in deck {
        let count = counts.entry(&prompt.theme).or_insert_with(|| {
            order.push(&prompt.theme);
            (0, 0)
        });
        match prompt.depth {
            Depth::Light => count.0 += 1,
            Depth::Deep => count.1 += 1,
        }
    }
    order
        .into_iter()
        .map(|theme| {
            let (light, deep) = counts[theme];
            ThemeCount {
                theme,
                prompts: light + deep,
                light,
                deep,
            }
        })
        .collect()
}

/// How many prompts a theme has.
#[derive(Debug, PartialEq, Eq, serde::Serialize)]
pub(crate) struct ThemeCount<'d> {
    pub(crate) theme: &'d str,
    pub(crate) prompts: usize,
    pub(crate) light: usize,
    pub(crate) deep: usize,
}

/// The question of the day for `date`, from the prompts in play that day
/// (see [`in_play`]), before any skip.
#[cfg_attr(not(test), allow(dead_code))]
pub(crate) fn question_of_the_day<'d>(
    prompts: &[&'d Prompt],
    date: NaiveDate,
) -> Option<&'d Prompt> {
    question_after_skips(prompts, date, &[])
}

/// The question of the day for `date` once the prompts in `skipped` (the
/// ids that day's skips name) have been skipped: each skip of the question
/// shown moves on to the next position of the skip rule. A skip naming
/// another question (another `--theme`'s, say) changes nothing here.
pub(crate) fn question_after_skips<'d>(
    prompts: &[&'d Prompt],
    date: NaiveDate,
    skipped: &[&str],
) -> Option<&'d Prompt> {
    let mut sorted = prompts.to_vec();
    // The built-in deck is compiled in id order, so this is mostly a check.
    if !sorted.is_sorted_by(|a, b| a.id <= b.id) {
        sorted.sort_unstable_by(|a, b| a.id.cmp(&b.id));
    }
    let at = position_of_day(sorted.len(), date, |i| {
        skipped.iter().any(|id| *id == sorted[i].id)
    })?;
    Some(sorted[at])
}

/// The question of the day of the built-in deck alone (no prompts of the
/// user's, no filter) under `edition`: what [`question_after_skips`] gives
/// for the built-in prompts [`in_play`], found in the compiled table
/// without making a [`Prompt`] of each of a thousand rows — `couple
/// prompt` runs in every new shell.
pub(crate) fn builtin_question(edition: u8, date: NaiveDate, skipped: &[&str]) -> Option<Prompt> {
    let in_play: Vec<usize> = (0..BUILTIN.len())
        .filter(|&i| BUILTIN[i].3 <= edition)
        .collect();
    let at = position_of_day(in_play.len(), date, |i| {
        let id = BUILTIN[in_play[i]].0.text();
        skipped.contains(&id)
    })?;
    Some(builtin_prompt(in_play[at]))
}

/// The rule over a deck of `n` prompts in id order: the position (in that
/// order) of the question of `date`, after the skips of that day
/// (`is_skipped` says whether the prompt at a position was skipped).
fn position_of_day(n: usize, date: NaiveDate, is_skipped: impl Fn(usize) -> bool) -> Option<usize> {
    if n == 0 {
        return None;
    }
    let order = day_order(n);
    let n = n as i64;
    let day = i64::from(date.num_days_from_ce());
    let mut shown = order[day.rem_euclid(n) as usize];
    let mut skips = 0;
    while skips < n && is_skipped(shown) {
        skips += 1;
        shown = order[skip_position(day, n, skips)];
    }
    Some(shown)
}

/// Where the `k`-th skip (from 1) of day `day` lands in a deck of `n`.
fn skip_position(day: i64, n: i64, k: i64) -> usize {
    (day + (n + 1) / 2 + k - 1).rem_euclid(n) as usize
}

/// The positions of a deck of `n` (in id order) in the order the days
/// visit them.
fn day_order(n: usize) -> Vec<usize> {
    let mut order: Vec<usize> = (0..n).collect();
    shuffle(&mut order, SEED);
    order
}

/// The Fisher–Yates shuffle every rotation of couple uses.
fn shuffle<T>(items: &mut [T], seed: u64) {
    let mut rng = SplitMix64(seed);
    for i in (1..items.len()).rev() {
        let j = rng.below(i as u64 + 1) as usize;
        items.swap(i, j);
    }
}

/// How prompt ids are looked up, and what their errors say.
const PROMPT_IDS: Lookup<'static> = Lookup {
    what: "prompt",
    plural: "prompts",
    by: By::Id {
        listed_by: "couple prompt --list",
    },
};

/// How theme names are looked up, and what their errors say.
const THEME_NAMES: Lookup<'static> = Lookup {
    what: "theme",
    plural: "themes",
    by: By::Name,
};

/// The prompt with this id, or the one whose id it uniquely begins (any case).
pub(crate) fn by_id<'d>(prompts: &[&'d Prompt], id: &str) -> Result<&'d Prompt> {
    let ids: Vec<&str> = prompts.iter().map(|p| &*p.id).collect();
    let at = PROMPT_IDS.pick(&ids, id, |i| ids[i].to_string())?;
    Ok(prompts[at])
}

/// The deck's own spelling of each theme asked for (any case, or a unique
/// prefix); an unknown one is refused with the closest theme suggested.
pub(crate) fn themes_named(deck: &[Prompt], asked: &[String]) -> Result<Vec<String>> {
    if asked.is_empty() {
        return Ok(Vec::new());
    }
    let themes = themes(deck);
    let names: Vec<&str> = themes.iter().map(|t| t.theme).collect();
    asked
        .iter()
        .map(|theme| {
            let at = THEME_NAMES.pick(&names, theme, |i| names[i].to_string())?;
            Ok(names[at].to_string())
        })
        .collect()
}

/// SplitMix64 (Steele, Lea and Flood, 2014): tiny, and ours to keep stable.
struct SplitMix64(u64);

impl SplitMix64 {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A number in `0..bound`, without modulo bias (Lemire's method).
    fn below(&mut self, bound: u64) -> u64 {
        loop {
            let wide = u128::from(self.next()) * u128::from(bound);
            let low = wide as u64;
            if low >= bound.wrapping_neg() % bound {
                return (wide >> 64) as u64;
            }
        }
    }
}

#[cfg(test)]
mod rules;
#[cfg(test)]
mod tests;
