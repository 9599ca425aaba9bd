//! The review: pure functions from log entries to a report. One streaming
//! pass folds each entry into per-ritual day sets, per-day charts and
//! per-partner counts, so memory grows with the days and partners seen,
//! never with the rows. Nothing dated after the as-of date counts.

use chrono::NaiveDate;
use serde::Serialize;

use crate::dates::Period;
use crate::model::{Entry, Goal, Kind, Pause, Paused, Per, Ritual, countable, same_partner};

pub(crate) mod answers;
mod due;
mod goals;
pub(crate) mod history;
pub(crate) mod partner;
mod rituals;
mod state_of_us;
pub(crate) mod trend;

pub(crate) use due::{Due, Remind, Said, to_say};
pub(crate) use goals::GoalsSummary;
pub(crate) use rituals::{Drift, Score};
pub(crate) use state_of_us::{StateOfUs, window as state_of_us_window};
pub(crate) use trend::{Trend, TrendRow};

use rituals::{DaySet, Tally};

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

/// Everything a review is computed from, folded one entry at a time.
#[derive(Debug)]
pub(crate) struct Fold {
    range: Period,
    as_of: NaiveDate,
    rituals: Vec<Ritual>,
    /// For each kind (by its place in `Kind::ALL`), the rituals counting it.
    counted_by: Vec<Vec<usize>>,
    /// For each ritual, the days it was done, up to the as-of date.
    done: Vec<DaySet>,
    /// For each ritual, its minutes within the range.
    minutes: Vec<u64>,
    /// Every partner met in the log, named as first written.
    partners: Vec<PartnerCounts>,
    last_sit_down: Option<NaiveDate>,
    state_of_us: state_of_us::Latest,
    /// Per day of the range (when it spans at most a year): talk minutes,
    /// whether there was a talk, and the check-ins' mood (sum, count).
    talk_by_day: Vec<u32>,
    talked: Vec<bool>,
    mood_by_day: Vec<(u32, u32)>,
    /// The trend's columns, when not those the range's length gives.
    trend_by: Option<Per>,
}

/// The longest range that gets day-by-day charts.
const CHART_DAYS: usize = 366;

impl Fold {
    pub(crate) fn new(range: Period, as_of: NaiveDate, rituals: Vec<Ritual>) -> Self {
        let chart = if range.days() <= CHART_DAYS {
            range.days()
        } else {
            0
        };
        let mut counted_by = vec![Vec::new(); Kind::ALL.len()];
        for (i, ritual) in rituals.iter().enumerate() {
            for kind in &ritual.kinds {
                if countable(*kind) {
                    counted_by[*kind as usize].push(i);
                }
            }
        }
        Self {
            range,
            as_of,
            counted_by,
            done: rituals.iter().map(|_| DaySet::default()).collect(),
            minutes: vec![0; rituals.len()],
            rituals,
            partners: Vec::new(),
            last_sit_down: None,
            state_of_us: state_of_us::Latest::new(range, as_of),
            talk_by_day: vec![0; chart],
            talked: vec![false; chart],
            mood_by_day: vec![(0, 0); chart],
            trend_by: None,
        }
    }

    /// The trend a column per `per` (a year's page shows it week by week).
    pub(crate) fn trend_by(mut self, per: Per) -> Self {
        self.trend_by = Some(per);
        self
    }

    pub(crate) fn add(&mut self, entry: &Entry) {
        // A true as-of: what happened after it does not count.
        if entry.date > self.as_of {
            return;
        }
        self.state_of_us.add(entry);
        let in_range = entry.date >= self.range.from && entry.date <= self.range.to;
        let who = self.partner(&entry.partner);
        for &i in &self.counted_by[entry.kind as usize] {
            if self.rituals[i].counts(entry.kind, entry.minutes) {
                self.done[i].insert(entry.date);
                if in_range {
                    self.minutes[i] += u64::from(entry.minutes.unwrap_or(0));
                }
            }
        }
        let day = if in_range && !self.talk_by_day.is_empty() {
            Some((entry.date - self.range.from).num_days() as usize)
        } else {
            None
        };
        match entry.kind {
            Kind::Talk => {
                if let Some(day) = day {
                    self.talk_by_day[day] += u32::from(entry.minutes.unwrap_or(0));
                    self.talked[day] = true;
                }
            }
            Kind::Checkin => {
                if let (Some(day), Some(mood)) = (day, entry.mood) {
                    self.mood_by_day[day].0 += u32::from(mood);
                    self.mood_by_day[day].1 += 1;
                }
            }
            Kind::SitDown => {
                self.last_sit_down = self.last_sit_down.max(Some(entry.date));
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

    /// The review as seen by `caller`, with the goals and pauses as they
    /// stood on the as-of date; `only` narrows the partner counts.
    // One pass over the rituals, then the partners, answers and goals, in
    // the order the review shows them: split up, a dozen locals would be
    // passed around.
    #[allow(clippy::too_many_lines)]
    pub(crate) fn finish(
        mut self,
        caller: &str,
        only: Option<&str>,
        goals: &[Goal],
        pauses: &[Pause],
    ) -> Review {
        let as_of = self.as_of;
        // Pauses begun after the as-of date were not there yet.
        let pauses: Vec<Pause> = pauses.iter().filter(|p| p.from <= as_of).cloned().collect();
        let (trend_per, columns) = match self.trend_by {
            Some(per) => (
                per,
                rituals::periods_in(per, self.range, self.range.to, false),
            ),
            None => rituals::trend_columns(self.range),
        };
        let mut rituals = Vec::new();
        let mut due = Vec::new();
        let mut drift = Vec::new();
        let mut trend_rows = Vec::new();
        for ((ritual, done), minutes) in self.rituals.iter().zip(&self.done).zip(&self.minutes) {
            let tally = Tally {
                ritual,
                done,
                paused: Paused::of(&pauses, &ritual.name),
                as_of,
            };
            let score = tally.score(self.range, true);
            if let Some(risk) = tally.at_risk() {
                due.push(Due {
                    what: ritual.name.clone(),
                    message: risk_message(ritual, risk),
                    remind: Remind::Always,
                });
            }
            if let Some(d) = tally.drift() {
                due.push(Due {
                    what: "drift".into(),
                    message: d.message(),
                    remind: Remind::Weekly(format!("drift {}", ritual.name)),
                });
                drift.push(d);
            }
            if !columns.is_empty() && rituals::fits(ritual.per, trend_per) {
                trend_rows.push(TrendRow {
                    ritual: ritual.name.clone(),
                    cells: tally.trend(&columns),
                });
            }
            rituals.push(RitualLine {
                ritual: ritual.name.clone(),
                kinds: ritual.kinds.clone(),
                every: ritual.target,
                per: ritual.per,
                min_minutes: ritual.minutes,
                target: score.target,
                done: score.done,
                minutes: *minutes,
                streak: tally.streak(),
                paused: tally.paused.contains(as_of),
            });
        }

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

        let counted = Period {
            from: self.range.from,
            to: self.range.to.min(as_of),
        };
        let (goals, goals_due) = goals::summarize(goals, as_of, counted);
        due.extend(goals_due);
        // A break from everything silences everything.
        let on_break: Vec<Pause> = pauses
            .iter()
            .filter(|p| p.is_total() && p.from <= as_of && as_of <= p.to)
            .cloned()
            .collect();
        if !on_break.is_empty() {
            due.clear();
        }
        let shown_pauses = pauses
            .into_iter()
            .filter(|p| p.from <= counted.to && p.to >= counted.from)
            .collect();
        Review {
            from: self.range.from,
            to: self.range.to,
            as_of,
            rituals,
            partners,
            last_sit_down: self.last_sit_down,
            // The answers keep the blind rule by question: `partner`.
            answers: Vec::new(),
            state_of_us: self.state_of_us.finish(caller),
            goals,
            pauses: shown_pauses,
            drift,
            due,
            trend: Trend {
                per: trend_per,
                columns,
                rows: trend_rows,
            },
            talked: self.talked,
            talk_by_day: self.talk_by_day,
            mood_by_day: self
                .mood_by_day
                .iter()
                .map(|&(sum, n)| (n > 0).then(|| (sum + n / 2) / n))
                .collect(),
        }
    }
}

/// `talk: none yet today`, `us-time: none yet this week, 2 days left`.
fn risk_message(ritual: &Ritual, risk: rituals::AtRisk) -> String {
    let name = &ritual.name;
    let this = match ritual.per {
        Per::Day => return format!("{name}: none yet today"),
        Per::Week => "this week",
        Per::Month => "this month",
    };
    let done = if risk.done == 0 {
        format!("none yet {this}")
    } else {
        format!("{} of {} {this}", risk.done, risk.target)
    };
    let left = match risk.days_left {
        1 => "today is the last day".to_string(),
        n => format!("{n} days left"),
    };
    format!("{name}: {done}, {left}")
}

/// One ritual's line of a review.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub(crate) struct RitualLine {
    pub(crate) ritual: String,
    pub(crate) kinds: Vec<Kind>,
    /// The target per period: `every` per `per`.
    pub(crate) every: u32,
    pub(crate) per: Per,
    /// Only entries of at least this many minutes count.
    pub(crate) min_minutes: Option<u16>,
    /// What the periods counted in the range ask, up to the as-of date.
    pub(crate) target: u32,
    /// Days done toward it (at most each period's target).
    pub(crate) done: u32,
    /// Minutes logged for it within the range.
    pub(crate) minutes: u64,
    /// Periods met in a row, up to the as-of period.
    pub(crate) streak: u32,
    /// Whether it is paused on the as-of date.
    pub(crate) paused: bool,
}

impl RitualLine {
    /// `3 days`, `1 week`.
    pub(crate) fn streak_text(&self) -> String {
        match self.streak {
            0 => "—".to_string(),
            n => format!("{n} {}", self.per.unit(n)),
        }
    }

    /// `5/week`, `1/day ≥10 min`.
    pub(crate) fn cadence(&self) -> String {
        match self.min_minutes {
            Some(min) => format!("{}/{} ≥{min} min", self.every, self.per),
            None => format!("{}/{}", self.every, self.per),
        }
    }
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
    pub(crate) answers: Vec<partner::Answer>,
    /// The other partners' latest weekly "state of us".
    pub(crate) state_of_us: Vec<StateOfUs>,
    pub(crate) goals: GoalsSummary,
    /// The pauses touching the range, up to the as-of date.
    pub(crate) pauses: Vec<Pause>,
    pub(crate) drift: Vec<Drift>,
    pub(crate) due: Vec<Due>,
    pub(crate) trend: Trend,
    /// Per day of the range (empty past a year); days after the as-of
    /// date hold nothing.
    #[serde(skip)]
    pub(crate) talk_by_day: Vec<u32>,
    #[serde(skip)]
    pub(crate) talked: Vec<bool>,
    /// The check-ins' mood per day, rounded.
    #[serde(skip)]
    pub(crate) mood_by_day: Vec<Option<u32>>,
}

#[cfg(test)]
mod tests;
