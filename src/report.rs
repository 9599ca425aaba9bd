//! The review: pure functions from log entries to a report. One streaming
//! pass folds each entry into per-period sets and per-partner counts, so
//! memory grows with the days and partners seen, never with the rows.

use std::collections::HashSet;

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use crate::dates::Period;
use crate::model::{Entry, Goal, Kind, same_partner};

mod goals;
mod state_of_us;

pub(crate) use goals::GoalsSummary;
pub(crate) use state_of_us::{StateOfUs, window as state_of_us_window};

crate::model::vocabulary! {
    /// How often a ritual is meant to happen.
    enum Cadence ("cadence", "cadences") {
        Daily => "daily", "every day";
        Weekly => "weekly", "every week";
        Monthly => "monthly", "every month";
    }
}

impl Cadence {
    /// A number for the period holding `date`; consecutive periods get
    /// consecutive numbers (ISO weeks start on Monday; 0001-01-01 was one).
    pub(crate) fn key(self, date: NaiveDate) -> i32 {
        match self {
            Cadence::Daily => date.num_days_from_ce(),
            Cadence::Weekly => (date.num_days_from_ce() - 1).div_euclid(7),
            Cadence::Monthly => date.year() * 12 + date.month0() as i32,
        }
    }

    fn unit(self) -> &'static str {
        match self {
            Cadence::Daily => "day",
            Cadence::Weekly => "week",
            Cadence::Monthly => "month",
        }
    }
}

/// The rituals a review follows, with their cadences.
pub(crate) const RITUALS: [(Kind, Cadence); 3] = [
    (Kind::Talk, Cadence::Daily),
    (Kind::UsTime, Cadence::Weekly),
    (Kind::SitDown, Cadence::Monthly),
];

/// The periods in which a ritual was done at least once.
#[derive(Debug, Default)]
struct Met {
    keys: HashSet<i32>,
    last: Option<i32>,
}

impl Met {
    fn insert(&mut self, key: i32) {
        // Logs are mostly in date order: skip the hash for a repeat.
        if self.last != Some(key) {
            self.keys.insert(key);
            self.last = Some(key);
        }
    }

    fn contains(&self, key: i32) -> bool {
        self.keys.contains(&key)
    }

    /// Periods in a row that were met, ending at `now` if it is met, else at
    /// the one before (the current period is not lost until it is over).
    fn streak(&self, now: i32) -> u32 {
        let mut key = if self.contains(now) { now } else { now - 1 };
        let mut count = 0;
        while self.contains(key) {
            count += 1;
            key -= 1;
        }
        count
    }
}

/// Counts for one partner over the range.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub(crate) struct PartnerCounts {
    pub(crate) partner: String,
    pub(crate) care: u32,
    pub(crate) appreciation: u32,
    pub(crate) repair: u32,
    pub(crate) affection: u32,
    pub(crate) answers: u32,
    pub(crate) checkins: u32,
    /// The average mood of check-ins that gave one, to one decimal.
    pub(crate) mood: Option<f64>,
    #[serde(skip)]
    mood_sum: u32,
    /// Whether the partner has an entry in the range (or is the caller):
    /// only they get a line.
    #[serde(skip)]
    shown: bool,
    #[serde(skip)]
    moods: u32,
}

/// An answer to the question of the as-of date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub(crate) struct Answer {
    pub(crate) partner: String,
    pub(crate) prompt: String,
    /// `None` while the caller has not answered: blind until you answer.
    pub(crate) text: Option<String>,
}

/// Everything a review is computed from, folded one entry at a time.
#[derive(Debug)]
pub(crate) struct Fold {
    range: Period,
    as_of: NaiveDate,
    met: [Met; 3],
    minutes: [u64; 3],
    /// Every partner met in the log, named as first written.
    partners: Vec<PartnerCounts>,
    last_sit_down: Option<NaiveDate>,
    answers: Vec<Answer>,
    state_of_us: state_of_us::Latest,
    /// Talk minutes per day of the range, when the range is short enough to chart.
    talk_by_day: Vec<u32>,
}

/// The longest range that gets a day-by-day chart.
const CHART_DAYS: usize = 31;

impl Fold {
    pub(crate) fn new(range: Period, as_of: NaiveDate) -> Self {
        let chart = if range.days() <= CHART_DAYS {
            range.days()
        } else {
            0
        };
        Self {
            range,
            as_of,
            met: Default::default(),
            minutes: [0; 3],
            partners: Vec::new(),
            last_sit_down: None,
            answers: Vec::new(),
            state_of_us: state_of_us::Latest::new(range, as_of),
            talk_by_day: vec![0; chart],
        }
    }

    pub(crate) fn add(&mut self, entry: &Entry) {
        self.state_of_us.add(entry);
        let in_range = self.range.contains(entry.date);
        let who = self.partner(&entry.partner);
        if let Some(i) = RITUALS.iter().position(|(kind, _)| *kind == entry.kind) {
            self.met[i].insert(RITUALS[i].1.key(entry.date));
            if in_range {
                self.minutes[i] += u64::from(entry.minutes.unwrap_or(0));
            }
        }
        match entry.kind {
            Kind::Talk if in_range && !self.talk_by_day.is_empty() => {
                let day = (entry.date - self.range.from).num_days() as usize;
                self.talk_by_day[day] += u32::from(entry.minutes.unwrap_or(0));
            }
            Kind::SitDown if entry.date <= self.as_of => {
                self.last_sit_down = self.last_sit_down.max(Some(entry.date));
            }
            Kind::Answer if entry.date == self.as_of => {
                self.answers.push(Answer {
                    partner: self.partners[who].partner.clone(),
                    prompt: entry.prompt.clone(),
                    text: Some(entry.note.clone()),
                });
            }
            _ => {}
        }
        if in_range {
            self.count(who, entry);
        }
    }

    /// Where `name`'s partner stands in `partners`: `Alex` and ` alex` are
    /// one, named as first written; a new name is added.
    fn partner(&mut self, name: &str) -> usize {
        // Nearly every row names one of two partners exactly as before.
        if let Some(at) = self.partners.iter().position(|p| p.partner == name) {
            return at;
        }
        if let Some(at) = self
            .partners
            .iter()
            .position(|p| same_partner(&p.partner, name))
        {
            return at;
        }
        self.partners.push(PartnerCounts {
            partner: name.trim().to_string(),
            ..PartnerCounts::default()
        });
        self.partners.len() - 1
    }

    fn count(&mut self, at: usize, entry: &Entry) {
        let counts = &mut self.partners[at];
        counts.shown = true;
        match entry.kind {
            Kind::Care => counts.care += 1,
            Kind::Appreciation => counts.appreciation += 1,
            Kind::Repair => counts.repair += 1,
            Kind::Affection => counts.affection += 1,
            Kind::Answer => counts.answers += 1,
            Kind::Checkin => {
                counts.checkins += 1;
                if let Some(mood) = entry.mood {
                    counts.mood_sum += u32::from(mood);
                    counts.moods += 1;
                }
            }
            _ => {}
        }
    }

    /// The review as seen by `caller`, with the goals as they stood on the
    /// as-of date; `only` narrows the partner counts.
    pub(crate) fn finish(mut self, caller: &str, only: Option<&str>, goals: &[Goal]) -> Review {
        let rituals = RITUALS
            .iter()
            .zip(&self.met)
            .zip(self.minutes)
            .map(|(((kind, cadence), met), minutes)| {
                let (first, last) = (cadence.key(self.range.from), cadence.key(self.range.to));
                RitualLine {
                    ritual: *kind,
                    cadence: *cadence,
                    target: (last - first + 1) as u32,
                    done: (first..=last).filter(|k| met.contains(*k)).count() as u32,
                    minutes,
                    streak: met.streak(cadence.key(self.as_of)),
                }
            })
            .collect();

        if !caller.is_empty() {
            let at = self.partner(caller);
            self.partners[at].shown = true;
        }
        let mut partners: Vec<PartnerCounts> = self
            .partners
            .into_iter()
            .filter(|p| p.shown && only.is_none_or(|name| same_partner(&p.partner, name)))
            .map(|mut p| {
                p.mood = (p.moods > 0)
                    .then(|| (f64::from(p.mood_sum) / f64::from(p.moods) * 10.0).round() / 10.0);
                p
            })
            .collect();
        let not_caller = |name: &str| !same_partner(name, caller);
        partners.sort_by(|a, b| {
            (not_caller(&a.partner), &a.partner).cmp(&(not_caller(&b.partner), &b.partner))
        });

        let caller_answered = self
            .answers
            .iter()
            .any(|a| same_partner(&a.partner, caller));
        let mut answers = self.answers;
        if !caller_answered {
            for answer in &mut answers {
                answer.text = None;
            }
        }
        answers.sort_by(|a, b| {
            (not_caller(&a.partner), &a.partner).cmp(&(not_caller(&b.partner), &b.partner))
        });

        let mut due = due(&self.met, self.as_of, caller, &answers);
        let (goals, goals_due) = goals::summarize(goals, self.as_of, self.range);
        due.extend(goals_due);
        Review {
            from: self.range.from,
            to: self.range.to,
            as_of: self.as_of,
            rituals,
            partners,
            last_sit_down: self.last_sit_down,
            answers,
            state_of_us: self.state_of_us.finish(caller),
            goals,
            due,
            talk_by_day: self.talk_by_day,
        }
    }
}

/// What is due for `caller` as of the date.
fn due(met: &[Met; 3], as_of: NaiveDate, caller: &str, answers: &[Answer]) -> Vec<Due> {
    let mut due = Vec::new();
    let phrases = [
        "no talk yet today",
        "no us-time yet this week",
        "no sit-down yet this month",
    ];
    for (((kind, cadence), met), phrase) in RITUALS.iter().zip(met).zip(phrases) {
        if !met.contains(cadence.key(as_of)) {
            due.push(Due {
                what: kind.as_str().to_string(),
                message: format!("{kind}: {phrase}"),
            });
        }
    }
    let caller_answered = answers.iter().any(|a| same_partner(&a.partner, caller));
    let others: Vec<&str> = answers
        .iter()
        .filter(|a| !same_partner(&a.partner, caller))
        .map(|a| a.partner.as_str())
        .collect();
    if !caller_answered && !others.is_empty() {
        due.push(Due {
            what: "answer".into(),
            message: format!(
                "answer: {} answered today's question; answer it to see theirs",
                others.join(" and ")
            ),
        });
    }
    due
}

/// One ritual's line of a review.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub(crate) struct RitualLine {
    pub(crate) ritual: Kind,
    pub(crate) cadence: Cadence,
    /// How many of its periods the range touches.
    pub(crate) target: u32,
    /// How many of those had at least one entry, by either partner.
    pub(crate) done: u32,
    /// Minutes logged for it within the range.
    pub(crate) minutes: u64,
    /// Periods met in a row, up to the as-of period.
    pub(crate) streak: u32,
}

impl RitualLine {
    /// `3 days`, `1 week`.
    pub(crate) fn streak_text(&self) -> String {
        let unit = self.cadence.unit();
        match self.streak {
            0 => "—".to_string(),
            1 => format!("1 {unit}"),
            n => format!("{n} {unit}s"),
        }
    }
}

/// Something due now.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub(crate) struct Due {
    pub(crate) what: String,
    pub(crate) message: String,
}

/// A review of a period.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub(crate) struct Review {
    pub(crate) from: NaiveDate,
    pub(crate) to: NaiveDate,
    pub(crate) as_of: NaiveDate,
    pub(crate) rituals: Vec<RitualLine>,
    pub(crate) partners: Vec<PartnerCounts>,
    pub(crate) last_sit_down: Option<NaiveDate>,
    pub(crate) answers: Vec<Answer>,
    /// The other partners' latest weekly "state of us".
    pub(crate) state_of_us: Vec<StateOfUs>,
    pub(crate) goals: GoalsSummary,
    pub(crate) due: Vec<Due>,
    #[serde(skip)]
    pub(crate) talk_by_day: Vec<u32>,
}

#[cfg(test)]
mod tests;
