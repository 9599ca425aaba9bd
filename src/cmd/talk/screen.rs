//! The talk on the alternate screen: the question, how to talk, the
//! clock, and the keys that pause, end or stop it.

use std::time::{Duration, Instant};

use crate::guide::countdown::{self, Countdown, Ending, minutes_to_record};
use crate::model::Prompt;
use crate::render::shown;
use crate::term::{Key, Session, Tone};

/// How often the screen is looked at (and keys read): often enough for
/// the clock to tick each second without lag.
const TICK: Duration = Duration::from_millis(100);

/// The talk itself, on the alternate screen: how it ended and how long
/// was spent talking. The terminal is restored when this returns, however
/// it returns (the session is dropped).
pub(super) fn hold(
    prompt: &Prompt,
    length: Duration,
    styled: bool,
) -> std::io::Result<(Ending, Duration)> {
    let mut session = Session::start()?;
    let started = Instant::now();
    let mut clock = Countdown::new(length);
    // After Ctrl-C: the clock stopped, asking whether to keep the minutes.
    let mut asking_to_keep = false;
    let mut drawn: Vec<(Tone, String)> = Vec::new();
    loop {
        let now = started.elapsed();
        if clock.is_over(now) && !asking_to_keep {
            return Ok((Ending::Completed, clock.spent(now)));
        }
        let screen = talk_screen(prompt, &clock, now, asking_to_keep, Session::size().0);
        if screen != drawn {
            session.draw(&screen, styled)?;
            drawn = screen;
        }
        let key = session.key(TICK.min(clock.remaining(now).max(Duration::from_millis(1))))?;
        let now = started.elapsed();
        match (key, asking_to_keep) {
            (Some(Key::Stop), _) => return Ok((Ending::Discarded, clock.spent(now))),
            (Some(Key::Resized), _) => drawn.clear(),
            (Some(Key::Yes), true) => return Ok((Ending::InterruptedKept, clock.spent(now))),
            (Some(Key::No | Key::End | Key::Interrupt), true) => {
                return Ok((Ending::Discarded, clock.spent(now)));
            }
            (Some(Key::Pause), false) => clock.toggle_pause(now),
            (Some(Key::End), false) => return Ok((Ending::EndedEarly, clock.spent(now))),
            (Some(Key::Interrupt), false) => {
                clock.pause(now);
                asking_to_keep = true;
            }
            // No key, or one that means nothing here.
            _ => {}
        }
    }
}

/// The lines of the talk screen, top to bottom, for a screen `cols` wide
/// (at least 20); the session centres them.
fn talk_screen(
    prompt: &Prompt,
    clock: &Countdown,
    now: Duration,
    asking_to_keep: bool,
    cols: u16,
) -> Vec<(Tone, String)> {
    let width = usize::from(cols).saturating_sub(4).clamp(16, 64);
    let mut lines = Vec::new();
    // A line as it is where it fits, else wrapped to the screen.
    let mut add = |tone: Tone, text: &str| {
        if text.chars().count() <= width {
            lines.push((tone, text.to_string()));
        } else {
            lines.extend(wrap(text, width).into_iter().map(|line| (tone, line)));
        }
    };
    add(
        Tone::Quiet,
        &format!("today's talk · {}", shown(&prompt.theme)),
    );
    add(Tone::Plain, "");
    add(Tone::Strong, &shown(&prompt.text));
    add(Tone::Plain, "");
    let how = if clock.past_halfway(now) {
        [
            "Swap: the one who listened speaks now.",
            "The other listens, without fixing.",
        ]
    } else {
        [
            "One of you speaks; the other listens, without fixing.",
            "No phones. Halfway, swap.",
        ]
    };
    for line in how {
        add(Tone::Plain, line);
    }
    add(Tone::Plain, "");
    // The bar and the clock fit: one line.
    let bar_width = width.saturating_sub(8).max(10);
    add(
        Tone::Plain,
        &format!(
            "{}  {}",
            countdown::bar(clock.fraction(now), bar_width),
            countdown::clock(clock.remaining(now))
        ),
    );
    add(Tone::Plain, "");
    if asking_to_keep {
        let spent = clock.spent(now);
        let keep = minutes_to_record(spent, Ending::InterruptedKept).unwrap_or(1);
        add(
            Tone::Strong,
            &format!(
                "Stopped at {}. Keep the minutes so far ({keep} min)?",
                countdown::clock(Duration::from_secs(spent.as_secs()))
            ),
        );
        add(Tone::Plain, "y keep · n discard");
    } else if clock.is_paused() {
        add(Tone::Strong, "paused · space to go on · q to end");
    } else {
        add(Tone::Quiet, "space pause · q end · ctrl-c stop");
    }
    lines
}

/// Greedy word wrap to `width` characters.
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > width {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    /// On a narrow terminal every line fits: the long ones are wrapped,
    /// the bar and its clock stay one line.
    #[test]
    fn on_a_narrow_screen_every_line_fits() {
        let prompt = Prompt {
            text: "What is something small I did this month that you noticed?".into(),
            ..Prompt::default()
        };
        let clock = Countdown::new(Duration::from_secs(600));
        for cols in [20, 40, 80] {
            for asking in [false, true] {
                let lines = talk_screen(&prompt, &clock, Duration::from_secs(61), asking, cols);
                let widest = lines.iter().map(|(_, l)| l.chars().count()).max();
                assert!(widest <= Some(usize::from(cols)), "{cols}: {lines:?}");
                let bar = lines.iter().filter(|(_, l)| l.contains('░')).count();
                assert_eq!(bar, 1, "{cols}: {lines:?}");
            }
        }
    }

    #[test]
    fn the_screen_says_swap_from_halfway() {
        let prompt = Prompt {
            id: "play-001".into(),
            theme: "play".into(),
            depth: crate::model::Depth::Light,
            text: "What game did you love as a child?".into(),
            ..Prompt::default()
        };
        let clock = Countdown::new(Duration::from_secs(600));
        let text = |lines: Vec<(Tone, String)>| -> Vec<String> {
            lines.into_iter().map(|(_, line)| line).collect()
        };
        let before = text(talk_screen(
            &prompt,
            &clock,
            Duration::from_secs(299),
            false,
            80,
        ));
        assert!(
            before.contains(&"No phones. Halfway, swap.".to_string()),
            "{before:?}"
        );
        assert!(before.contains(&"space pause · q end · ctrl-c stop".to_string()));
        assert!(before.iter().any(|l| l.ends_with("05:01")), "{before:?}");
        let after = text(talk_screen(
            &prompt,
            &clock,
            Duration::from_secs(300),
            false,
            80,
        ));
        assert!(
            after.contains(&"Swap: the one who listened speaks now.".to_string()),
            "{after:?}"
        );
        let asking = talk_screen(&prompt, &clock, Duration::from_secs(61), true, 80);
        assert_eq!(
            asking[asking.len() - 2..],
            [
                (
                    Tone::Strong,
                    "Stopped at 01:01. Keep the minutes so far (2 min)?".to_string()
                ),
                (Tone::Plain, "y keep · n discard".to_string())
            ]
        );
        let question = talk_screen(&prompt, &clock, Duration::ZERO, false, 80);
        assert!(question.contains(&(Tone::Strong, prompt.text.to_string())));
    }

    #[test]
    fn wrap_keeps_words_whole_within_the_width() {
        assert_eq!(
            wrap(
                "What is one small thing I did this week that you noticed?",
                20
            ),
            [
                "What is one small",
                "thing I did this",
                "week that you",
                "noticed?"
            ]
        );
        assert_eq!(wrap("", 10), Vec::<String>::new());
        assert_eq!(wrap("unbreakablewordlongerthanwidth", 5).len(), 1);
    }
}
