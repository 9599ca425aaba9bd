use std::collections::HashSet;

use super::*;
use crate::store::prompts::parse;

#[test]
fn the_compiled_deck_is_what_the_runtime_parser_reads_from_prompts_csv() {
    let mut parsed =
        parse("prompts.csv", include_bytes!("prompts.csv")).expect("the built-in deck parses");
    parsed.sort_by(|a, b| a.id.cmp(&b.id));
    let fields = |p: &Prompt| {
        (
            p.id.to_string(),
            p.theme.to_string(),
            p.depth,
            p.text.to_string(),
        )
    };
    assert_eq!(
        builtin().iter().map(fields).collect::<Vec<_>>(),
        parsed.iter().map(fields).collect::<Vec<_>>(),
        "the compiled deck is prompts.csv in id order"
    );
}

fn day(text: &str) -> NaiveDate {
    crate::dates::parse_iso(text.as_bytes()).unwrap()
}

#[test]
fn the_built_in_deck_holds_a_year_over_the_twelve_themes() {
    let deck = builtin();
    assert!(deck.len() >= 365, "only {} prompts", deck.len());
    let counts = themes(&deck);
    let mut names: Vec<&str> = counts.iter().map(|t| t.theme).collect();
    let mut wanted = crate::cli::THEMES.to_vec();
    names.sort_unstable();
    wanted.sort_unstable();
    assert_eq!(names, wanted, "exactly the twelve themes completions offer");
    for t in counts {
        assert!(t.prompts >= 20, "{} has {} prompts", t.theme, t.prompts);
        assert!(
            t.light > 0 && t.deep > 0,
            "{} needs light and deep prompts",
            t.theme
        );
    }
}

#[test]
fn built_in_ids_and_texts_are_unique_and_well_formed() {
    let deck = builtin();
    let mut ids = HashSet::new();
    let mut texts = HashSet::new();
    for p in &deck {
        assert!(ids.insert(&p.id), "duplicate id {}", p.id);
        assert!(
            texts.insert(p.text.to_lowercase()),
            "duplicate text {}",
            p.text
        );
        let number = p.id.strip_prefix(&format!("{}-", p.theme));
        assert!(
            number.is_some_and(|n| n.len() == 3 && n.bytes().all(|b| b.is_ascii_digit())),
            "id {} is not <theme>-NNN",
            p.id
        );
    }
}

#[test]
fn no_built_in_prompt_can_be_answered_yes_or_no() {
    let closed = [
        "do ", "does ", "did ", "is ", "are ", "was ", "were ", "have ", "has ", "can ", "could ",
        "would ", "will ", "should ",
    ];
    for p in builtin() {
        let start = p.text.to_lowercase();
        assert!(
            !closed.iter().any(|c| start.starts_with(c)),
            "{} opens like a yes/no question",
            p.id
        );
    }
}

#[test]
fn the_question_of_the_day_is_pinned_for_known_dates() {
    // If this fails, the day-to-prompt rule changed: every couple would get a
    // different question today than yesterday's version promised.
    let deck = builtin();
    let all = in_play(&select(&deck, &Filter::default()), 1, day("2026-01-01"));
    let pinned = [
        ("2026-03-01", "reconnecting-006"),
        ("2026-11-25", "reconnecting-013"),
        ("2000-01-01", "transitions-004"),
        ("2024-02-29", "check-in-013"),
        ("2038-01-19", "listening-011"),
    ];
    for (date, id) in pinned {
        assert_eq!(
            question_of_the_day(&all, day(date)).unwrap().id,
            id,
            "{date}"
        );
    }
}

#[test]
fn any_n_consecutive_days_give_n_different_prompts() {
    let deck = builtin();
    for filter in [
        Filter::default(),
        Filter {
            themes: vec!["listening".into()],
            depth: None,
        },
        Filter {
            themes: vec!["play".into(), "dreams".into()],
            depth: Some(Depth::Deep),
        },
    ] {
        let prompts = select(&deck, &filter);
        let n = prompts.len();
        for start in ["2026-12-20", "1999-12-31", "2024-02-01"] {
            let seen: HashSet<&str> = day(start)
                .iter_days()
                .take(n)
                .map(|d| question_of_the_day(&prompts, d).unwrap().id.as_ref())
                .collect();
            assert_eq!(seen.len(), n, "from {start} with {filter:?}");
        }
    }
}

#[test]
fn the_filtered_deck_decides_the_question() {
    let deck = builtin();
    let listening = select(
        &deck,
        &Filter {
            themes: vec!["listening".into()],
            depth: Some(Depth::Light),
        },
    );
    for d in day("2026-01-01").iter_days().take(40) {
        let p = question_of_the_day(&listening, d).unwrap();
        assert_eq!((&*p.theme, p.depth), ("listening", Depth::Light));
    }
    assert_eq!(question_of_the_day(&[], day("2026-01-01")), None);
}

#[test]
fn the_deck_order_in_the_file_does_not_matter() {
    let deck = builtin();
    let mut reversed = deck.clone();
    reversed.reverse();
    let a = select(&deck, &Filter::default());
    let b = select(&reversed, &Filter::default());
    for d in day("2026-05-01").iter_days().take(30) {
        assert_eq!(question_of_the_day(&a, d), question_of_the_day(&b, d));
    }
}

#[test]
fn ids_are_found_by_unique_prefix() {
    let deck = builtin();
    let all = select(&deck, &Filter::default());
    assert_eq!(by_id(&all, "play-001").unwrap().id, "play-001");
    assert_eq!(by_id(&all, "PLAY-001").unwrap().id, "play-001");
    let err = by_id(&all, "healing-08").unwrap_err();
    assert_eq!(
        err.message.matches("healing-08").count(),
        1 + 5,
        "{}",
        err.message
    );
    assert!(by_id(&all, "nope").is_err());
}

#[test]
fn the_bounded_generator_stays_in_bounds_and_reaches_every_value() {
    let mut rng = SplitMix64(1);
    let mut seen = [false; 7];
    for _ in 0..1000 {
        seen[rng.below(7) as usize] = true;
    }
    assert!(seen.iter().all(|&s| s));
    // The first outputs of SplitMix64 from seed 0 (the reference sequence).
    let mut rng = SplitMix64(0);
    assert_eq!(rng.next(), 0xe220_a839_7b1d_cdaf);
}

/// The edition-1 deck, all themes, on `date`.
fn edition_1(deck: &[Prompt], date: NaiveDate) -> Vec<&Prompt> {
    in_play(&select(deck, &Filter::default()), 1, date)
}

#[test]
fn edition_1_gives_the_365_questions_the_edition_1_binary_gave() {
    // Captured from couple 0.1.0 (edition 1) on 2026-11-30, the day
    // edition 2 was written: `couple prompt --date D --format csv`.
    let deck = builtin();
    let fixture = include_str!("fixtures/edition1-days.csv");
    let mut days = 0;
    for line in fixture.lines().skip(1) {
        let (date, id) = line.split_once(',').unwrap();
        let date = day(date);
        assert_eq!(
            question_of_the_day(&edition_1(&deck, date), date)
                .unwrap()
                .id,
            id,
            "{date}"
        );
        days += 1;
    }
    assert_eq!(days, 365);
}

#[test]
fn an_upgrade_pin_keeps_the_days_before_it_on_the_older_edition() {
    let pin = Pin {
        edition: 2,
        since: Some(day("2027-01-01")),
        before: 1,
    };
    assert_eq!(pin.edition_on(day("2026-12-31")), 1);
    assert_eq!(pin.edition_on(day("2027-01-01")), 2);
    assert_eq!(Pin::always(1).edition_on(day("2099-01-01")), 1);
    let deck = builtin();
    let all = select(&deck, &Filter::default());
    assert_eq!(in_play(&all, 1, day("2026-01-01")).len(), 384);
    assert_eq!(in_play(&all, 2, day("2026-01-01")).len(), deck.len());
}

fn user_prompt(id: &str, added: Option<&str>) -> Prompt {
    Prompt {
        id: id.to_string().into(),
        theme: "ours".into(),
        depth: Depth::Light,
        text: format!("What about {id}?").into(),
        joins: Joins::Added(added.map(day)),
    }
}

#[test]
fn a_prompt_added_today_changes_no_earlier_day() {
    let mut deck = builtin();
    let start = day("2026-10-01");
    let before: Vec<String> = start
        .iter_days()
        .take(60)
        .map(|d| {
            let all = select(&deck, &Filter::default());
            question_of_the_day(&in_play(&all, 2, d), d)
                .unwrap()
                .id
                .to_string()
        })
        .collect();
    // Added on the 60th day after `start`: the 60 days before keep theirs.
    deck.push(user_prompt("mine-001", Some("2026-11-30")));
    let all = select(&deck, &Filter::default());
    for (d, was) in start.iter_days().zip(&before) {
        assert_eq!(
            &question_of_the_day(&in_play(&all, 2, d), d).unwrap().id,
            was,
            "{d}"
        );
    }
    let today = day("2026-11-30");
    assert_eq!(
        in_play(&all, 2, today).len(),
        deck.len(),
        "it joins that day"
    );
    // Without a date, a user prompt is in play from the start (as before).
    deck.push(user_prompt("mine-002", None));
    let all = select(&deck, &Filter::default());
    assert!(in_play(&all, 1, start).iter().any(|p| p.id == "mine-002"));
}

#[test]
fn a_skip_moves_half_the_deck_away_and_never_to_yesterday_or_tomorrow() {
    let deck = builtin();
    for d in day("2026-11-01").iter_days().take(60) {
        let all = edition_1(&deck, d);
        let today = question_of_the_day(&all, d).unwrap();
        let mut skipped = vec![&*today.id];
        let neighbours = [d.pred_opt().unwrap(), d.succ_opt().unwrap()]
            .map(|n| question_of_the_day(&all, n).unwrap().id.clone());
        for _ in 0..3 {
            let next = question_after_skips(&all, d, &skipped).unwrap();
            assert!(!skipped.contains(&&*next.id), "{d}: {} came back", next.id);
            assert!(
                !neighbours.contains(&next.id),
                "{d}: {} is a neighbour's",
                next.id
            );
            skipped.push(&next.id);
        }
        // A skip names its question: one of another day changes nothing.
        let yesterday = &neighbours[0];
        assert_eq!(question_after_skips(&all, d, &[yesterday]), Some(today));
    }
    assert_eq!(skip_position(10, 384, 1), 10 + 192);
    assert_eq!(skip_position(10, 384, 2), 10 + 193);
    assert_eq!(skip_position(380, 384, 1), (380 + 192) % 384);
    // One prompt: a skip has nowhere to go and shows it again.
    let one = [user_prompt("only", None)];
    let refs: Vec<&Prompt> = one.iter().collect();
    assert_eq!(
        question_after_skips(&refs, day("2026-01-01"), &["only"])
            .unwrap()
            .id,
        "only"
    );
}

#[test]
fn the_built_in_question_is_the_rules_question_over_the_built_in_deck() {
    let deck = builtin();
    assert!(
        deck.is_sorted_by(|a, b| a.id < b.id),
        "compiled in id order, so neither path sorts"
    );
    let all: Vec<&Prompt> = deck.iter().collect();
    let mut d = day("2026-01-01");
    for _ in 0..800 {
        for edition in 1..=NEWEST_EDITION {
            let in_play = in_play(&all, edition, d);
            let plain = question_after_skips(&in_play, d, &[]).unwrap();
            assert_eq!(builtin_question(edition, d, &[]).as_ref(), Some(plain));
            // Skipped once, twice, and a skip of some other question.
            let once = question_after_skips(&in_play, d, &[&plain.id]).unwrap();
            assert_eq!(
                builtin_question(edition, d, &[&plain.id]).as_ref(),
                Some(once)
            );
            let twice = [&*plain.id, &*once.id, "not-a-prompt"];
            assert_eq!(
                builtin_question(edition, d, &twice).as_ref(),
                question_after_skips(&in_play, d, &twice)
            );
        }
        d = d.succ_opt().unwrap();
    }
}
