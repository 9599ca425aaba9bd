//! The countable rules of the built-in deck, checked over the compiled
//! deck (PROMPTS.md and issue 15 say why each one matters).

use std::collections::{BTreeMap, HashMap};

use super::*;

fn words(text: &str) -> usize {
    text.split_whitespace().count()
}

/// The text lower-cased, without punctuation: what two prompts are
/// compared by.
fn plain(text: &str) -> String {
    text.to_lowercase()
        .replace('’', "'")
        .chars()
        .filter(|c| c.is_alphanumeric() || c.is_whitespace() || matches!(c, '\'' | '-'))
        .collect()
}

#[test]
fn the_deck_holds_a_thousand_prompts_each_theme_70_with_30_light_and_30_deep() {
    let deck = builtin();
    assert!(deck.len() >= 1000, "only {} prompts", deck.len());
    for t in themes(&deck) {
        assert!(t.prompts >= 70, "{} has {} prompts", t.theme, t.prompts);
        assert!(t.light >= 30 && t.deep >= 30, "{}: {t:?}", t.theme);
    }
}

#[test]
fn every_edition_1_prompt_keeps_its_id_theme_and_depth() {
    let deck = builtin();
    let by_id: HashMap<&str, &Prompt> = deck.iter().map(|p| (&*p.id, p)).collect();
    let fixture = include_str!("fixtures/edition1.csv");
    let mut pinned = 0;
    for line in fixture.lines().skip(1) {
        let [id, theme, depth] = line.split(',').collect::<Vec<_>>()[..] else {
            panic!("fixture line {line:?}");
        };
        let prompt = by_id.get(id).unwrap_or_else(|| panic!("{id} is gone"));
        assert_eq!(
            (&*prompt.theme, prompt.depth.as_str(), prompt.joins),
            (theme, depth, Joins::Edition(1)),
            "{id}"
        );
        pinned += 1;
    }
    assert_eq!(pinned, 384);
    let first = deck.iter().filter(|p| p.joins == Joins::Edition(1)).count();
    assert_eq!(first, 384, "edition 1 had 384 prompts, no more");
}

#[test]
fn editions_are_one_and_two_and_new_prompts_take_new_ids() {
    assert_eq!(NEWEST_EDITION, 2);
    assert_eq!(edition_sizes()[0], (1, 384));
    for p in builtin() {
        let number: u32 = p.id.rsplit('-').next().unwrap().parse().unwrap();
        let want = if number <= 32 { 1 } else { 2 };
        assert_eq!(p.joins, Joins::Edition(want), "{}", p.id);
    }
}

#[test]
fn at_least_a_quarter_are_one_short_clause_of_8_to_12_words() {
    let deck = builtin();
    let short = deck
        .iter()
        .filter(|p| {
            (8..=12).contains(&words(&p.text))
                && !p.text.contains(',')
                && p.text.matches('?').count() <= 1
        })
        .count();
    assert!(
        short * 4 >= deck.len(),
        "{short} of {} are one short clause",
        deck.len()
    );
}

#[test]
fn no_closing_tail_is_used_more_than_8_times() {
    let deck = builtin();
    let mut tails: BTreeMap<String, Vec<&str>> = BTreeMap::new();
    for p in &deck {
        // The last comma-joined part, when it is short enough to be a stock
        // phrase ("and why?", "how could I help?").
        if let Some((_, tail)) = p.text.rsplit_once(", ")
            && words(tail) <= 5
        {
            tails.entry(plain(tail)).or_default().push(&p.id);
        }
    }
    for (tail, ids) in tails {
        assert!(
            ids.len() <= 8,
            "{tail:?} closes {} prompts: {ids:?}",
            ids.len()
        );
    }
    for stock in [
        "and why?",
        "why that one?",
        "how could i help?",
        "what made it so good?",
    ] {
        let uses = deck
            .iter()
            .filter(|p| p.text.to_lowercase().ends_with(stock))
            .count();
        assert!(uses <= 8, "{stock:?} closes {uses} prompts");
    }
}

#[test]
fn softeners_are_in_at_most_a_tenth_of_the_prompts() {
    let deck = builtin();
    let softeners = ["small", "little", "secretly", "quietly", "tiny"];
    let soft = deck
        .iter()
        .filter(|p| {
            plain(&p.text)
                .split_whitespace()
                .any(|w| softeners.contains(&w))
        })
        .count();
    assert!(soft * 10 <= deck.len(), "{soft} of {} soften", deck.len());
}

#[test]
fn no_two_prompts_open_with_the_same_four_words() {
    let mut openings: HashMap<String, &str> = HashMap::new();
    let deck = builtin();
    for p in &deck {
        let text = plain(&p.text);
        let opening: Vec<&str> = text.split_whitespace().take(4).collect();
        if let Some(other) = openings.insert(opening.join(" "), &p.id) {
            panic!("{} and {other} both open {:?}", p.id, opening.join(" "));
        }
    }
}

#[test]
fn a_which_or_favourite_question_asks_for_the_moment_or_the_reason_too() {
    // "Which song …?" or "What's your favourite …?" alone can be answered
    // in one word; a second clause asking why, when, how (…) cannot, and
    // neither can "Which moment …?" or "Which story …?", which ask for one.
    let openers = [
        "which ",
        "what's your favourite",
        "what is your favourite",
        "what was your favourite",
        "what's your favorite",
    ];
    let asks = [
        "what", "how", "when", "why", "where", "who", "which", "whose",
    ];
    let mut one_word = Vec::new();
    for p in builtin() {
        let text = plain(&p.text);
        if !openers.iter().any(|o| text.starts_with(o)) {
            continue;
        }
        let second_clause = p.text.split([',', ';', ':', '—']).skip(1).any(|clause| {
            // "and why", "and at what time", "or which": an ask word among
            // the clause's first three words.
            plain(clause)
                .split_whitespace()
                .take(3)
                .any(|w| asks.contains(&w.trim_end_matches("'s")))
        }) || ["moment", "moments", "story", "stories", "memory"]
            .contains(&text.split_whitespace().nth(1).unwrap_or(""))
            || text.contains(" and what ")
            || text.contains(" and how ")
            || text.contains(" and why ")
            || text.contains(" and when ")
            || text.contains(" and where ");
        if !second_clause {
            one_word.push(format!("{}: {}", p.id, p.text));
        }
    }
    assert!(
        one_word.is_empty(),
        "{} prompts can be answered in a word:\n{}",
        one_word.len(),
        one_word.join("\n")
    );
}

#[test]
fn every_prompt_is_8_to_25_words_and_asks_or_invites() {
    for p in builtin() {
        let n = words(&p.text);
        assert!((8..=25).contains(&n), "{}: {n} words", p.id);
        assert!(
            p.text.ends_with('?') || p.text.ends_with('.'),
            "{} neither asks nor invites",
            p.id
        );
    }
}
