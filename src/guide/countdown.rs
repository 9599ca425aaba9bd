//! The clock of the daily talk, without a clock: a countdown that is told
//! how much time has passed, so it can be paused, tested and drawn without
//! touching the terminal or the system time.

use std::time::Duration;

/// The shortest and longest talk `--for` accepts.
pub(crate) const SHORTEST: Duration = Duration::from_secs(1);
pub(crate) const LONGEST: Duration = Duration::from_secs(3 * 60 * 60);

/// How long the talk lasts when `--for` is not given.
pub(crate) const DEFAULT_LENGTH: &str = "15m";

/// A countdown of `total`, driven by the moments the caller passes in
/// (time since the countdown started, from a monotonic clock).
#[derive(Debug, Clone)]
pub(crate) struct Countdown {
    total: Duration,
    /// Time spent talking before the current run (pauses left out).
    banked: Duration,
    /// When the current run began; `None` while paused.
    running_since: Option<Duration>,
}

impl Countdown {
    /// A countdown that starts running at moment zero.
    pub(crate) fn new(total: Duration) -> Self {
        Self {
            total,
            banked: Duration::ZERO,
            running_since: Some(Duration::ZERO),
        }
    }

    /// Time spent talking at moment `now`: pauses left out, never past the end.
    pub(crate) fn spent(&self, now: Duration) -> Duration {
        let running = self
            .running_since
            .map_or(Duration::ZERO, |since| now.saturating_sub(since));
        (self.banked + running).min(self.total)
    }

    pub(crate) fn remaining(&self, now: Duration) -> Duration {
        self.total.saturating_sub(self.spent(now))
    }

    pub(crate) fn is_paused(&self) -> bool {
        self.running_since.is_none()
    }

    /// Pauses a running countdown, or resumes a paused one.
    pub(crate) fn toggle_pause(&mut self, now: Duration) {
        match self.running_since {
            Some(_) => self.pause(now),
            None => self.running_since = Some(now),
        }
    }

    /// Stops the clock (for a question asked in the middle of the talk).
    pub(crate) fn pause(&mut self, now: Duration) {
        if self.running_since.is_some() {
            self.banked = self.spent(now);
            self.running_since = None;
        }
    }

    /// Whether the whole time has been spent.
    pub(crate) fn is_over(&self, now: Duration) -> bool {
        self.spent(now) >= self.total
    }

    /// Whether the halfway mark (time to swap roles) has passed.
    pub(crate) fn past_halfway(&self, now: Duration) -> bool {
        self.spent(now) >= self.total / 2
    }

    /// How far along the talk is, from 0.0 to 1.0.
    pub(crate) fn fraction(&self, now: Duration) -> f64 {
        if self.total.is_zero() {
            return 1.0;
        }
        self.spent(now).as_secs_f64() / self.total.as_secs_f64()
    }
}

/// How a talk ended, which decides what it records.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Ending {
    /// The countdown ran to the end.
    Completed,
    /// `q` or Esc before the end.
    EndedEarly,
    /// Ctrl-C, then "yes, keep the minutes so far".
    InterruptedKept,
    /// Ctrl-C, then "no"; or a signal.
    Discarded,
}

/// The minutes a talk records, or `None` for nothing.
///
/// Time is counted without pauses and rounded up to the whole minute. A talk
/// that ran to the end, or whose minutes you chose to keep after Ctrl-C,
/// records at least one minute; a talk ended early with `q` records nothing
/// under one minute (it had barely begun).
pub(crate) fn minutes_to_record(spent: Duration, ending: Ending) -> Option<u16> {
    let whole_seconds = spent.as_secs() + u64::from(spent.subsec_nanos() > 0);
    let rounded_up = whole_seconds.div_ceil(60);
    let minutes = u16::try_from(rounded_up).unwrap_or(u16::MAX);
    match ending {
        Ending::Completed | Ending::InterruptedKept => Some(minutes.max(1)),
        Ending::EndedEarly if spent >= Duration::from_secs(60) => Some(minutes),
        Ending::EndedEarly | Ending::Discarded => None,
    }
}

/// Reads `--for`: `15m`, `10m`, `90s`, `1h 30m`, or a bare number of minutes.
pub(crate) fn parse_length(text: &str) -> Result<Duration, String> {
    let text = text.trim();
    let length = match text.parse::<u64>() {
        Ok(minutes) => Duration::from_secs(minutes.saturating_mul(60)),
        Err(_) => humantime::parse_duration(text).map_err(|err| {
            format!("{text:?} is not a length of time ({err}); try 15m, 10m or 90s")
        })?,
    };
    if length < SHORTEST || length > LONGEST {
        return Err(format!(
            "{text:?} is out of range: a talk lasts from 1s to 3h; try 15m, 10m or 90s"
        ));
    }
    Ok(length)
}

/// `mm:ss` (or `h:mm:ss` past an hour), rounding up so the last second
/// shows as `00:01`, not `00:00`.
pub(crate) fn clock(left: Duration) -> String {
    let secs = left.as_secs() + u64::from(left.subsec_nanos() > 0);
    let (h, m, s) = (secs / 3600, secs / 60 % 60, secs % 60);
    if h > 0 {
        format!("{h}:{m:02}:{s:02}")
    } else {
        format!("{m:02}:{s:02}")
    }
}

/// A progress bar `width` cells wide, filled to `fraction`, with a mark at
/// the halfway point while it is not yet reached.
pub(crate) fn bar(fraction: f64, width: usize) -> String {
    let width = width.max(2);
    let filled = ((fraction.clamp(0.0, 1.0) * width as f64).round() as usize).min(width);
    let half = width / 2;
    (0..width)
        .map(|cell| match cell {
            c if c < filled => '█',
            c if c == half => '┆',
            _ => '░',
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const fn secs(n: u64) -> Duration {
        Duration::from_secs(n)
    }

    #[test]
    fn pauses_are_not_counted() {
        let mut c = Countdown::new(secs(60));
        c.toggle_pause(secs(10));
        assert!(c.is_paused());
        assert_eq!(c.spent(secs(40)), secs(10));
        c.toggle_pause(secs(40));
        assert_eq!(c.spent(secs(45)), secs(15));
        assert_eq!(c.remaining(secs(45)), secs(45));
        assert!(!c.is_over(secs(89)));
        assert!(c.is_over(secs(90)));
    }

    #[test]
    fn spent_never_passes_the_total() {
        let c = Countdown::new(secs(90));
        assert_eq!(c.spent(secs(500)), secs(90));
        assert!((c.fraction(secs(500)) - 1.0).abs() < f64::EPSILON);
        assert_eq!(
            minutes_to_record(c.spent(secs(500)), Ending::Completed),
            Some(2)
        );
    }

    #[test]
    fn halfway_is_half_the_talking_time() {
        let mut c = Countdown::new(secs(600));
        c.pause(secs(100));
        assert!(
            !c.past_halfway(secs(400)),
            "a pause does not bring the swap"
        );
        c.toggle_pause(secs(400));
        assert!(!c.past_halfway(secs(599)));
        assert!(c.past_halfway(secs(600)));
    }

    #[test]
    fn what_each_ending_records() {
        assert_eq!(minutes_to_record(secs(3), Ending::Completed), Some(1));
        assert_eq!(minutes_to_record(secs(900), Ending::Completed), Some(15));
        assert_eq!(minutes_to_record(secs(1), Ending::EndedEarly), None);
        assert_eq!(minutes_to_record(secs(59), Ending::EndedEarly), None);
        assert_eq!(minutes_to_record(secs(60), Ending::EndedEarly), Some(1));
        assert_eq!(minutes_to_record(secs(61), Ending::EndedEarly), Some(2));
        assert_eq!(minutes_to_record(secs(1), Ending::InterruptedKept), Some(1));
        assert_eq!(minutes_to_record(secs(600), Ending::Discarded), None);
        assert_eq!(
            minutes_to_record(Duration::from_millis(60_001), Ending::EndedEarly),
            Some(2)
        );
    }

    #[test]
    fn lengths_read_like_people_write_them() {
        assert_eq!(parse_length("15m"), Ok(secs(900)));
        assert_eq!(parse_length("90s"), Ok(secs(90)));
        assert_eq!(parse_length("1h 30m"), Ok(secs(5400)));
        assert_eq!(parse_length("10"), Ok(secs(600)));
        assert!(parse_length("0s").unwrap_err().contains("out of range"));
        assert!(parse_length("4h").unwrap_err().contains("out of range"));
        assert!(parse_length("soon").unwrap_err().contains("not a length"));
        assert!(parse_length("99999999999999999").is_err());
    }

    #[test]
    fn the_clock_rounds_up_to_the_second() {
        assert_eq!(clock(secs(900)), "15:00");
        assert_eq!(clock(Duration::from_millis(200)), "00:01");
        assert_eq!(clock(Duration::ZERO), "00:00");
        assert_eq!(clock(secs(3 * 3600)), "3:00:00");
    }

    #[test]
    fn the_bar_fills_and_marks_halfway() {
        assert_eq!(bar(0.0, 10), "░░░░░┆░░░░");
        assert_eq!(bar(0.3, 10), "███░░┆░░░░");
        assert_eq!(bar(0.5, 10), "█████┆░░░░");
        assert_eq!(bar(0.6, 10), "██████░░░░");
        assert_eq!(bar(1.0, 10), "██████████");
        assert_eq!(bar(7.0, 4).chars().count(), 4);
    }
}
