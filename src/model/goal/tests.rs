use super::merge::Changes;
use super::*;

fn day(text: &str) -> NaiveDate {
    crate::dates::parse_iso(text.as_bytes()).unwrap()
}

fn goal(id: &str, status: Status, due: Option<&str>, created: &str) -> Goal {
    Goal {
        id: id.into(),
        title: format!("goal {id}"),
        horizon: Horizon::Year,
        status,
        owner: "us".into(),
        due: due.map(day),
        created: day(created),
        closed: None,
        note: String::new(),
        updated_at: String::new(),
        changed: Changes::default(),
    }
}

fn ids(goals: &[&Goal]) -> Vec<String> {
    goals.iter().map(|g| g.id.clone()).collect()
}

#[test]
fn overdue_comes_first_then_by_due_date_then_undated_by_creation() {
    let today = day("2026-11-25");
    let mut goals = [
        goal("undated-late", Status::Open, None, "2026-06-01"),
        goal("due-later", Status::Open, Some("2027-03-01"), "2026-01-01"),
        goal("undated-early", Status::Open, None, "2026-02-01"),
        goal("overdue", Status::Open, Some("2026-11-01"), "2026-09-01"),
        goal("due-soon", Status::Open, Some("2026-11-28"), "2026-09-01"),
    ];
    goals.sort_by(|a, b| list_order(a, b, today));
    let order: Vec<&str> = goals.iter().map(|g| g.id.as_str()).collect();
    assert_eq!(
        order,
        [
            "overdue",
            "due-soon",
            "due-later",
            "undated-early",
            "undated-late"
        ]
    );
}

#[test]
fn due_soon_means_from_the_as_of_date_to_seven_days_after() {
    let today = day("2026-11-25");
    let due = |d: &str| goal("g", Status::Open, Some(d), "2026-01-01");
    assert!(!due("2026-11-24").is_due_soon(today));
    assert!(due("2026-11-24").is_overdue(today));
    assert!(due("2026-11-25").is_due_soon(today));
    assert!(
        !due("2026-11-25").is_overdue(today),
        "due today is not late yet"
    );
    assert!(due("2026-12-02").is_due_soon(today));
    assert!(!due("2026-12-03").is_due_soon(today));
    let done = goal("g", Status::Done, Some("2026-11-20"), "2026-01-01");
    assert!(!done.is_overdue(today) && !done.is_due_soon(today));
}

#[test]
fn standing_sorts_goals_out_as_of_a_date() {
    let as_of = day("2026-11-25");
    let mut done_in = goal("done-in", Status::Done, None, "2026-01-01");
    done_in.closed = Some(day("2026-11-10"));
    let mut done_before = goal("done-before", Status::Done, None, "2026-01-01");
    done_before.closed = Some(day("2026-10-31"));
    let mut dropped = goal("dropped", Status::Dropped, None, "2026-01-01");
    dropped.closed = Some(day("2026-11-12"));
    let goals = [
        goal("someday", Status::Open, None, "2026-01-01"),
        goal("soon", Status::Open, Some("2026-11-30"), "2026-01-01"),
        goal("late", Status::Open, Some("2026-11-02"), "2026-01-01"),
        done_in,
        done_before,
        dropped,
    ];
    let standing = Standing::of(&goals, as_of, Period::month_of(as_of));
    assert_eq!(ids(&standing.open), ["late", "soon", "someday"]);
    assert_eq!(ids(&standing.overdue), ["late"]);
    assert_eq!(ids(&standing.due_soon), ["soon"]);
    assert_eq!(ids(&standing.done_in_period), ["done-in"]);
    let later: Vec<&Goal> = standing.later().collect();
    assert_eq!(ids(&later), ["someday"]);
}

#[test]
fn standing_on_an_earlier_day_sees_goals_as_they_were() {
    let mut done_later = goal("done-later", Status::Done, Some("2026-10-05"), "2026-01-01");
    done_later.closed = Some(day("2026-11-10"));
    let goals = [
        done_later,
        goal("added-later", Status::Open, None, "2026-11-01"),
        goal("open", Status::Open, None, "2026-01-01"),
    ];
    let as_of = day("2026-10-15");
    let standing = Standing::of(&goals, as_of, Period::month_of(as_of));
    assert_eq!(ids(&standing.open), ["done-later", "open"]);
    assert_eq!(ids(&standing.overdue), ["done-later"]);
    assert!(standing.done_in_period.is_empty());
}

#[test]
fn the_horizon_follows_the_due_date() {
    let today = day("2026-11-25");
    assert_eq!(Horizon::for_due(None, today), Horizon::Someday);
    assert_eq!(
        Horizon::for_due(Some(day("2026-12-25")), today),
        Horizon::Month
    );
    assert_eq!(
        Horizon::for_due(Some(day("2026-12-26")), today),
        Horizon::Year
    );
    assert_eq!(
        Horizon::for_due(Some(day("2027-11-25")), today),
        Horizon::Year
    );
    assert_eq!(
        Horizon::for_due(Some(day("2027-11-26")), today),
        Horizon::Someday
    );
    assert_eq!(
        Horizon::for_due(Some(day("2026-01-01")), today),
        Horizon::Month
    );
}
