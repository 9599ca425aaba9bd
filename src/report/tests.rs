use super::*;
use crate::dates::parse_iso;

fn day(text: &str) -> NaiveDate {
    parse_iso(text.as_bytes()).unwrap()
}

fn entry(date: &str, partner: &str, kind: Kind, minutes: Option<u16>) -> Entry {
    Entry {
        id: "x".into(),
        date: day(date),
        partner: partner.into(),
        kind,
        minutes,
        ..Entry::default()
    }
}

fn review(range: Period, as_of: &str, entries: &[Entry]) -> Review {
    let mut fold = Fold::new(range, day(as_of));
    for e in entries {
        fold.add(e);
    }
    fold.finish("alex", None, &[])
}

#[test]
fn consecutive_periods_get_consecutive_keys() {
    for cadence in [Cadence::Daily, Cadence::Weekly, Cadence::Monthly] {
        let mut prev = cadence.key(day("2019-12-01"));
        for d in day("2019-12-02").iter_days().take(800) {
            let key = cadence.key(d);
            assert!(key == prev || key == prev + 1, "{cadence:?} jumps at {d}");
            prev = key;
        }
    }
}

#[test]
fn weekly_keys_follow_iso_weeks_across_a_year_boundary_and_week_53() {
    let weekly = Cadence::Weekly;
    // 2020-W53 ran from Monday 2020-12-28 to Sunday 2021-01-03.
    assert_eq!(weekly.key(day("2020-12-28")), weekly.key(day("2021-01-03")));
    assert_ne!(weekly.key(day("2020-12-27")), weekly.key(day("2020-12-28")));
    assert_ne!(weekly.key(day("2021-01-03")), weekly.key(day("2021-01-04")));
    // A week with a daylight-saving change (Europe, 2026-03-29) is still 7 local days.
    assert_eq!(weekly.key(day("2026-03-23")), weekly.key(day("2026-03-29")));
    assert_eq!(Period::week_of(day("2026-03-25")).days(), 7);
}

#[test]
fn a_streak_runs_across_new_year_and_the_29th_of_february() {
    let talks: Vec<Entry> = ["2024-02-27", "2024-02-28", "2024-02-29", "2024-03-01"]
        .iter()
        .map(|d| entry(d, "alex", Kind::Talk, Some(10)))
        .collect();
    let r = review(Period::week_of(day("2024-03-01")), "2024-03-01", &talks);
    assert_eq!(r.rituals[0].streak, 4);

    let talks: Vec<Entry> = ["2025-12-30", "2025-12-31", "2026-01-01"]
        .iter()
        .map(|d| entry(d, "sam", Kind::Talk, None))
        .collect();
    let r = review(Period::week_of(day("2026-01-01")), "2026-01-01", &talks);
    assert_eq!(r.rituals[0].streak, 3);
}

#[test]
fn today_is_not_lost_until_it_is_over() {
    let talks = [
        entry("2026-11-23", "alex", Kind::Talk, None),
        entry("2026-11-24", "sam", Kind::Talk, None),
    ];
    let r = review(Period::week_of(day("2026-11-25")), "2026-11-25", &talks);
    assert_eq!(
        r.rituals[0].streak, 2,
        "yesterday's streak still stands today"
    );
    assert!(r.due.iter().any(|d| d.what == "talk"));
    let r = review(Period::week_of(day("2026-11-26")), "2026-11-26", &talks);
    assert_eq!(
        r.rituals[0].streak, 0,
        "a whole day without a talk breaks it"
    );
}

#[test]
fn weekly_and_monthly_streaks_count_their_own_periods() {
    let entries = [
        entry("2025-12-29", "alex", Kind::UsTime, Some(60)), // 2026-W01
        entry("2026-01-07", "sam", Kind::UsTime, Some(30)),  // W02
        entry("2026-01-12", "alex", Kind::UsTime, None),     // W03
        entry("2025-11-30", "alex", Kind::SitDown, None),
        entry("2025-12-31", "alex", Kind::SitDown, None),
        entry("2026-01-02", "sam", Kind::SitDown, None),
    ];
    let r = review(Period::week_of(day("2026-01-14")), "2026-01-14", &entries);
    assert_eq!(r.rituals[1].streak, 3);
    assert_eq!(r.rituals[2].streak, 3);
    assert_eq!(r.last_sit_down, Some(day("2026-01-02")));
}

#[test]
fn targets_and_done_count_periods_not_entries() {
    let entries = [
        entry("2026-11-23", "alex", Kind::Talk, Some(15)),
        entry("2026-11-23", "sam", Kind::Talk, Some(10)),
        entry("2026-11-25", "alex", Kind::Talk, Some(20)),
        entry("2026-11-30", "alex", Kind::Talk, Some(99)), // next week
    ];
    let r = review(Period::week_of(day("2026-11-25")), "2026-11-25", &entries);
    let talk = &r.rituals[0];
    assert_eq!((talk.target, talk.done, talk.minutes), (7, 2, 45));
    assert_eq!(r.talk_by_day, vec![25, 0, 20, 0, 0, 0, 0]);
    let month = review(Period::month_of(day("2026-11-25")), "2026-11-25", &entries);
    assert_eq!(
        (
            month.rituals[0].target,
            month.rituals[1].target,
            month.rituals[2].target
        ),
        (30, 6, 1)
    );
    let year = review(Period::year_of(day("2026-11-25")), "2026-11-25", &entries);
    assert_eq!(year.rituals[2].target, 12);
    assert!(year.talk_by_day.is_empty(), "no day chart for a year");
}

#[test]
fn answers_stay_hidden_until_the_caller_answers() {
    let mut theirs = entry("2026-11-25", "sam", Kind::Answer, None);
    theirs.note = "the river walk".into();
    theirs.prompt = "play-001".into();
    let r = review(
        Period::week_of(day("2026-11-25")),
        "2026-11-25",
        &[theirs.clone()],
    );
    assert_eq!(r.answers[0].text, None);
    assert!(
        r.due
            .iter()
            .any(|d| d.what == "answer" && d.message.contains("sam answered"))
    );

    let mut mine = entry("2026-11-25", "alex", Kind::Answer, None);
    mine.note = "the market".into();
    let r = review(
        Period::week_of(day("2026-11-25")),
        "2026-11-25",
        &[theirs, mine],
    );
    let texts: Vec<_> = r
        .answers
        .iter()
        .map(|a| (a.partner.as_str(), a.text.as_deref()))
        .collect();
    assert_eq!(
        texts,
        [
            ("alex", Some("the market")),
            ("sam", Some("the river walk"))
        ]
    );
    assert!(!r.due.iter().any(|d| d.what == "answer"));
}

#[test]
fn nothing_is_due_when_every_ritual_is_met() {
    let entries = [
        entry("2026-11-25", "sam", Kind::Talk, Some(15)),
        entry("2026-11-23", "alex", Kind::UsTime, None),
        entry("2026-11-02", "sam", Kind::SitDown, None),
    ];
    let r = review(Period::week_of(day("2026-11-25")), "2026-11-25", &entries);
    assert_eq!(r.due, vec![]);
}

#[test]
fn partners_are_counted_in_range_with_their_average_mood() {
    let mut a = entry("2026-11-24", "alex", Kind::Checkin, None);
    a.mood = Some(4);
    let mut b = a.clone();
    b.mood = Some(3);
    let entries = [
        a,
        b,
        entry("2026-11-24", "sam", Kind::Care, None),
        entry("2026-11-01", "sam", Kind::Care, None),
    ];
    let r = review(Period::week_of(day("2026-11-25")), "2026-11-25", &entries);
    assert_eq!(r.partners[0].partner, "alex", "the caller comes first");
    assert_eq!((r.partners[0].checkins, r.partners[0].mood), (2, Some(3.5)));
    assert_eq!(
        (r.partners[1].partner.as_str(), r.partners[1].care),
        ("sam", 1)
    );

    let mut fold = Fold::new(Period::week_of(day("2026-11-25")), day("2026-11-25"));
    for e in &entries {
        fold.add(e);
    }
    let only = fold.finish("alex", Some("sam"), &[]);
    assert_eq!(only.partners.len(), 1);
}
