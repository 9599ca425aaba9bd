use chrono::Datelike;

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
    review_with(range, as_of, entries, Ritual::defaults(), &[])
}

fn review_with(
    range: Period,
    as_of: &str,
    entries: &[Entry],
    rituals: Vec<Ritual>,
    pauses: &[Pause],
) -> Review {
    let mut fold = Fold::new(range, day(as_of), rituals);
    for e in entries {
        fold.add(e);
    }
    fold.finish("alex", None, &[], pauses)
}

/// Every day from `from` to `to` that `on` picks, as talks.
fn talks(from: &str, to: &str, on: impl Fn(NaiveDate) -> bool) -> Vec<Entry> {
    day(from)
        .iter_days()
        .take_while(|d| *d <= day(to))
        .filter(|d| on(*d))
        .map(|d| Entry {
            date: d,
            ..entry(from, "sam", Kind::Talk, Some(15))
        })
        .collect()
}

fn pause(from: &str, to: &str, rituals: &[&str]) -> Pause {
    Pause {
        id: "p1".into(),
        from: day(from),
        to: day(to),
        rituals: rituals.iter().map(|r| (*r).to_string()).collect(),
        partner: "alex".into(),
        note: String::new(),
        logged_at: String::new(),
    }
}

fn whats(r: &Review) -> Vec<&str> {
    r.due.iter().map(|d| d.what.as_str()).collect()
}

#[test]
fn weeks_follow_iso_weeks_across_a_year_boundary_and_week_53() {
    use rituals::period_of;
    // 2020-W53 ran from Monday 2020-12-28 to Sunday 2021-01-03.
    let w53 = period_of(Per::Week, day("2020-12-28"));
    assert_eq!(w53, period_of(Per::Week, day("2021-01-03")));
    assert_eq!(w53.from, day("2020-12-28"));
    assert_ne!(w53, period_of(Per::Week, day("2021-01-04")));
    // A week with a daylight-saving change (Europe, 2026-03-29) is still 7 local days.
    assert_eq!(period_of(Per::Week, day("2026-03-25")).days(), 7);
    // 2020 counts W53 (its Thursday is 2020-12-31); 2021 does not.
    let year = |y| Period::year_of(day(&format!("{y}-06-01")));
    assert_eq!(
        rituals::periods_in(Per::Week, year(2020), day("2021-06-01"), true).len(),
        53
    );
    assert_eq!(
        rituals::periods_in(Per::Week, year(2021), day("2022-06-01"), true).len(),
        52
    );
}

#[test]
fn a_week_spanning_two_months_counts_in_the_month_holding_its_thursday() {
    // Mon 30 Nov to Sun 6 Dec 2026: its Thursday is 3 December.
    let nov = Period::month_of(day("2026-11-10"));
    let dec = Period::month_of(day("2026-12-10"));
    let weeks = |range| rituals::periods_in(Per::Week, range, day("2027-01-31"), true);
    assert_eq!(weeks(nov).len(), 4, "2 Nov to 29 Nov");
    assert_eq!(weeks(dec)[0].from, day("2026-11-30"));
    let us_time = [entry("2026-11-30", "sam", Kind::UsTime, Some(60))];
    let r = review(dec, "2026-12-31", &us_time);
    assert_eq!((r.rituals[1].done, r.rituals[1].target), (1, 5));
    let r = review(nov, "2026-11-30", &us_time);
    assert_eq!((r.rituals[1].done, r.rituals[1].target), (0, 4));
    // The week itself sees one month only for a monthly ritual: the as-of one.
    let sit = [entry("2026-11-02", "sam", Kind::SitDown, None)];
    let r = review(Period::week_of(day("2026-11-30")), "2026-12-02", &sit);
    assert_eq!((r.rituals[2].done, r.rituals[2].target), (0, 1));
    let r = review(Period::week_of(day("2026-11-30")), "2026-11-30", &sit);
    assert_eq!((r.rituals[2].done, r.rituals[2].target), (1, 1));
}

/// In the first days of a month (or a year), the week begun in the one
/// before is still the one before's: the new month counts it neither as
/// done nor as asked (it did, twice over).
#[test]
fn the_first_days_of_a_month_count_no_week_of_the_month_before() {
    let us_time = [entry("2027-01-01", "sam", Kind::UsTime, Some(60))];
    for range in [
        Period::month_of(day("2027-01-10")),
        Period::year_of(day("2027-01-10")),
    ] {
        let r = review(range, "2027-01-03", &us_time);
        assert_eq!((r.rituals[1].done, r.rituals[1].target), (0, 0));
        let r = review(range, "2027-01-04", &us_time);
        assert_eq!((r.rituals[1].done, r.rituals[1].target), (0, 1));
    }
    let dec = review(Period::month_of(day("2026-12-10")), "2027-01-03", &us_time);
    assert_eq!((dec.rituals[1].done, dec.rituals[1].target), (1, 5));
    // A week still counts the one month it sees.
    let r = review(Period::week_of(day("2027-01-03")), "2027-01-03", &us_time);
    assert_eq!((r.rituals[1].done, r.rituals[1].target), (1, 1));
}

#[test]
fn denominators_count_only_days_up_to_the_as_of_date() {
    let entries = talks("2026-11-01", "2026-11-30", |d| d.day() % 2 == 0);
    let r = review(Period::month_of(day("2026-11-25")), "2026-11-25", &entries);
    assert_eq!((r.rituals[0].done, r.rituals[0].target), (12, 25));
    assert_eq!(r.rituals[0].minutes, 12 * 15, "later talks do not count");
    let r = review(Period::year_of(day("2026-11-25")), "2026-11-25", &entries);
    assert_eq!((r.rituals[0].done, r.rituals[0].target), (12, 329));
    assert_eq!(r.rituals[2].target, 11, "January to November");
}

#[test]
fn a_two_week_pause_inside_a_five_week_daily_streak_keeps_it() {
    // Talks every day of 2 to 29 November but 9 to 22, paused for travel.
    let entries = talks("2026-10-26", "2026-11-29", |d| {
        !(day("2026-11-09") <= d && d <= day("2026-11-22"))
    });
    let travel = [pause("2026-11-09", "2026-11-22", &[])];
    let defaults = Ritual::defaults;
    let r = review_with(
        Period::month_of(day("2026-11-29")),
        "2026-11-29",
        &entries,
        defaults(),
        &travel,
    );
    assert_eq!(
        r.rituals[0].streak,
        35 - 14,
        "paused days neither count nor break"
    );
    assert_eq!((r.rituals[0].done, r.rituals[0].target), (15, 15));
    assert_eq!(r.rituals[1].target, 2, "2 of the 4 weeks ask nothing");
    let r = review(Period::month_of(day("2026-11-29")), "2026-11-29", &entries);
    assert_eq!(r.rituals[0].streak, 7, "without the pause it broke");
}

#[test]
fn a_pause_makes_nothing_due_and_a_partial_one_only_its_rituals() {
    let goal = crate::model::Goal {
        id: "g1".into(),
        title: "Lisbon".into(),
        horizon: crate::model::Horizon::Month,
        status: crate::model::Status::Open,
        owner: "us".into(),
        due: Some(day("2026-11-20")),
        created: day("2026-11-01"),
        closed: None,
        note: String::new(),
        updated_at: String::new(),
        changed: crate::model::Changes::default(),
    };
    let finish = |pauses: &[Pause]| {
        let mut fold = Fold::new(
            Period::week_of(day("2026-11-28")),
            day("2026-11-28"),
            Ritual::defaults(),
        );
        fold.add(&entry("2026-11-02", "sam", Kind::SitDown, None));
        fold.finish("alex", None, std::slice::from_ref(&goal), pauses)
    };
    assert_eq!(whats(&finish(&[])), ["talk", "us-time", "goal"]);
    assert_eq!(
        whats(&finish(&[pause("2026-11-27", "2026-12-01", &[])])),
        Vec::<&str>::new()
    );
    assert_eq!(
        whats(&finish(&[pause("2026-11-27", "2026-12-01", &["talk"])])),
        ["us-time", "goal"]
    );
    // A pause that has not begun by the as-of date changes nothing.
    assert_eq!(
        whats(&finish(&[pause("2026-11-29", "2026-12-01", &[])])),
        ["talk", "us-time", "goal"]
    );
}

#[test]
fn a_weekly_ritual_is_due_when_what_is_left_needs_every_day_after_today() {
    let five = vec![Ritual {
        name: "talk".into(),
        kinds: vec![Kind::Talk],
        target: 5,
        per: Per::Week,
        minutes: None,
    }];
    // Week of Mon 23 Nov 2026; talks on Monday and Tuesday.
    let entries = talks("2026-11-23", "2026-11-24", |_| true);
    let due_on = |d: &str, rituals: Vec<Ritual>| {
        let r = review_with(Period::week_of(day(d)), d, &entries, rituals, &[]);
        r.due
            .iter()
            .find(|x| x.what != "sit-down")
            .map(|x| x.message.clone())
    };
    assert_eq!(
        due_on("2026-11-25", five.clone()),
        None,
        "3 left, 4 days after Wednesday"
    );
    assert_eq!(
        due_on("2026-11-26", five.clone()).as_deref(),
        Some("talk: 2 of 5 this week, 4 days left")
    );
    let weekly = || vec![Ritual::defaults().remove(1)];
    assert_eq!(due_on("2026-11-27", weekly()), None, "Friday: 2 days after");
    assert_eq!(
        due_on("2026-11-28", weekly()).as_deref(),
        Some("us-time: none yet this week, 2 days left")
    );
    assert_eq!(
        due_on("2026-11-29", weekly()).as_deref(),
        Some("us-time: none yet this week, today is the last day")
    );
}

#[test]
fn a_monthly_ritual_is_due_in_its_last_seven_days() {
    let monthly = || vec![Ritual::defaults().remove(2)];
    let due_on = |d: &str| {
        let r = review_with(Period::week_of(day(d)), d, &[], monthly(), &[]);
        whats(&r).len()
    };
    assert_eq!(due_on("2026-11-23"), 0);
    assert_eq!(
        due_on("2026-11-24"),
        1,
        "the 24th to the 30th are the last 7"
    );
    assert_eq!(due_on("2026-11-30"), 1);
}

#[test]
fn drift_is_said_when_the_last_two_weeks_fall_below_half_the_eight_before() {
    // About 4 talks a week from September, then 1 a week from 10 November.
    let falling = talks("2026-09-01", "2026-11-24", |d| {
        if d < day("2026-11-10") {
            d.weekday().num_days_from_monday() % 2 == 0
        } else {
            d.weekday() == chrono::Weekday::Sat
        }
    });
    let r = review(Period::week_of(day("2026-11-25")), "2026-11-25", &falling);
    assert_eq!(
        r.drift.iter().map(Drift::message).collect::<Vec<_>>(),
        ["drift: talk 1.0 days a week over the last 2 weeks, down from 4.0 in the 8 weeks before"]
    );
    assert!(whats(&r).contains(&"drift"));
    let steady = talks("2026-09-01", "2026-11-24", |d| {
        d.weekday().num_days_from_monday() % 2 == 0
    });
    let r = review(Period::week_of(day("2026-11-25")), "2026-11-25", &steady);
    assert_eq!(r.drift, []);
    // A pause over the last two weeks is not a drift.
    let r = review_with(
        Period::week_of(day("2026-11-25")),
        "2026-11-25",
        &falling,
        Ritual::defaults(),
        &[pause("2026-11-10", "2026-11-23", &["talk"])],
    );
    assert_eq!(r.drift, []);
}

#[test]
fn a_skip_is_counted_by_no_ritual_even_one_that_names_it() {
    let mut rituals = Ritual::defaults();
    // A hand-edited rituals.csv cannot name skip; were one to, still nothing.
    rituals[0].kinds.push(Kind::Skip);
    let entries = [entry("2026-11-25", "alex", Kind::Skip, None)];
    let r = review_with(
        Period::week_of(day("2026-11-25")),
        "2026-11-25",
        &entries,
        rituals,
        &[],
    );
    assert_eq!(r.rituals[0].done, 0);
    assert!(whats(&r).contains(&"talk"));
}

#[test]
fn a_target_of_five_a_week_counts_at_most_five_days_each_week() {
    let five = vec![Ritual {
        name: "talk".into(),
        kinds: vec![Kind::Talk],
        target: 5,
        per: Per::Week,
        minutes: Some(10),
    }];
    let mut entries = talks("2026-11-02", "2026-11-29", |_| true);
    entries.push(entry("2026-11-03", "alex", Kind::Talk, Some(5)));
    let r = review_with(
        Period::month_of(day("2026-11-25")),
        "2026-11-29",
        &entries,
        five,
        &[],
    );
    assert_eq!((r.rituals[0].done, r.rituals[0].target), (20, 20));
    assert_eq!(
        r.rituals[0].minutes,
        28 * 15,
        "the 5-minute talk is under the minimum"
    );
    assert_eq!(r.rituals[0].streak, 4);
    assert_eq!(r.rituals[0].streak_text(), "4 weeks");
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
    assert_eq!((talk.target, talk.done, talk.minutes), (3, 2, 45));
    assert_eq!(r.talk_by_day, vec![25, 0, 20, 0, 0, 0, 0]);
    let month = review(Period::month_of(day("2026-11-25")), "2026-11-25", &entries);
    assert_eq!(
        (
            month.rituals[0].target,
            month.rituals[1].target,
            month.rituals[2].target
        ),
        (25, 4, 1)
    );
    let year = review(Period::year_of(day("2026-11-25")), "2026-11-25", &entries);
    assert_eq!(year.rituals[2].target, 11);
    assert_eq!(year.talk_by_day.len(), 365);
    let decade = Period {
        from: day("2020-01-01"),
        to: day("2029-12-31"),
    };
    assert!(
        review(decade, "2026-11-25", &entries)
            .talk_by_day
            .is_empty(),
        "no day chart past a year"
    );
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

    let mut fold = Fold::new(
        Period::week_of(day("2026-11-25")),
        day("2026-11-25"),
        Ritual::defaults(),
    );
    for e in &entries {
        fold.add(e);
    }
    let only = fold.finish("alex", Some("sam"), &[], &[]);
    assert_eq!(only.partners.len(), 1);
}
