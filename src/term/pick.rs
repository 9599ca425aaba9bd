//! A menu that narrows as you type: the best matches first, arrows to move,
//! Enter to take one. Esc leaves, and so does `q` before anything is typed
//! (the key every other menu in couple leaves with); once a filter is
//! being typed, `q` is a letter like any other.

use std::io;

use dialoguer::console::{Key, Term};
use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

/// Asks on `term` (stderr, so stdout keeps only data) which of `items` is
/// meant: `Some(index into items)`, or `None` when the user left.
pub(crate) fn pick(term: &Term, prompt: &str, items: &[String]) -> io::Result<Option<usize>> {
    if !term.is_term() {
        // Keys cannot be read from a pipe: refuse rather than spin.
        return Err(io::Error::new(
            io::ErrorKind::NotConnected,
            "not a terminal",
        ));
    }
    let matcher = SkimMatcherV2::default();
    let mut query = String::new();
    let mut active = 0;
    let mut drawn = 0;
    term.hide_cursor()?;
    let chosen = loop {
        let shown = matching(&matcher, items, &query);
        active = active.min(shown.len().saturating_sub(1));
        term.clear_last_lines(drawn)?;
        drawn = draw(term, prompt, &query, items, &shown, active)?;
        match term.read_key() {
            Ok(Key::Escape) => break Ok(None),
            Ok(Key::Char('q')) if query.is_empty() => break Ok(None),
            Ok(Key::Enter) if !shown.is_empty() => break Ok(Some(shown[active])),
            Ok(Key::ArrowUp | Key::BackTab) if !shown.is_empty() => {
                active = active.checked_sub(1).unwrap_or(shown.len() - 1);
            }
            Ok(Key::ArrowDown | Key::Tab) if !shown.is_empty() => {
                active = (active + 1) % shown.len();
            }
            Ok(Key::Backspace) => {
                query.pop();
                active = 0;
            }
            Ok(Key::Char(c)) if !c.is_control() => {
                query.push(c);
                active = 0;
            }
            Ok(Key::CtrlC) => {
                break Err(io::Error::new(io::ErrorKind::Interrupted, "interrupted"));
            }
            Ok(_) => {}
            Err(err) => break Err(err),
        }
    };
    // Whatever happened, the menu goes and the cursor comes back.
    term.clear_last_lines(drawn)?;
    term.show_cursor()?;
    let chosen = chosen?;
    if let Some(index) = chosen {
        term.write_line(&format!("{prompt}: {}", items[index]))?;
    }
    Ok(chosen)
}

/// The indices of the items `query` matches, best first; all of them, in
/// order, while nothing is typed.
fn matching(matcher: &SkimMatcherV2, items: &[String], query: &str) -> Vec<usize> {
    let mut scored: Vec<(i64, usize)> = items
        .iter()
        .enumerate()
        .filter_map(|(i, item)| matcher.fuzzy_match(item, query).map(|s| (s, i)))
        .collect();
    // Stable: equal scores keep the menu's own order.
    scored.sort_by_key(|&(score, _)| std::cmp::Reverse(score));
    scored.into_iter().map(|(_, i)| i).collect()
}

/// Draws the prompt line and as many matches as fit; returns the lines drawn.
fn draw(
    term: &Term,
    prompt: &str,
    query: &str,
    items: &[String],
    shown: &[usize],
    active: usize,
) -> io::Result<usize> {
    term.write_line(&format!("{prompt}: {query}"))?;
    if shown.is_empty() {
        term.write_line("  (nothing matches; Backspace to widen, Esc to leave)")?;
        return Ok(2);
    }
    let room = usize::from(term.size().0).saturating_sub(2).max(3);
    let first = active.saturating_sub(room - 1);
    let mut lines = 1;
    for (row, &index) in shown.iter().enumerate().skip(first).take(room) {
        let marker = if row == active { '>' } else { ' ' };
        term.write_line(&format!("{marker} {}", items[index]))?;
        lines += 1;
    }
    Ok(lines)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn items() -> Vec<String> {
        [
            "talk — the daily talk",
            "care — a small act of care",
            "checkin — how you feel",
        ]
        .map(String::from)
        .to_vec()
    }

    #[test]
    fn nothing_typed_shows_every_item_in_order() {
        assert_eq!(matching(&SkimMatcherV2::default(), &items(), ""), [0, 1, 2]);
    }

    #[test]
    fn typing_narrows_to_the_items_that_match() {
        let found = matching(&SkimMatcherV2::default(), &items(), "care");
        assert_eq!(found[0], 1);
        assert!(!found.contains(&0), "{found:?}");
        assert!(matching(&SkimMatcherV2::default(), &items(), "zzz").is_empty());
    }
}
