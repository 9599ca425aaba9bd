//! Walking a guided conversation on the terminal: one question at a time,
//! with its hint, each skippable with Enter. The questions are data in
//! `guide::steps`; this only asks them.

use dialoguer::console::{Style, Term};
use dialoguer::theme::SimpleTheme;
use dialoguer::{Confirm, Input};

use crate::guide::steps::{Step, one_line};
use crate::render::shown;

/// Asking, on stderr, so stdout keeps only what the command prints as data.
pub(crate) struct Asker {
    term: Term,
    hint: Style,
    /// Ctrl-C at a question is an error returned, the cursor shown again.
    _asking: super::Asking,
}

impl Asker {
    pub(crate) fn new(color: bool) -> Self {
        let hint = if color {
            Style::new().dim().for_stderr().force_styling(true)
        } else {
            Style::new().force_styling(false)
        };
        Self {
            term: Term::stderr(),
            hint,
            _asking: super::asking(),
        }
    }

    /// Says a line.
    pub(crate) fn tell(&self, text: &str) -> Result<(), dialoguer::Error> {
        Ok(self.term.write_line(&shown(text))?)
    }

    /// Asks one step: its hint, then its question; Enter skips (empty).
    pub(crate) fn step(&self, step: &Step) -> Result<String, dialoguer::Error> {
        self.ask(step.question, step.hint)
    }

    /// Asks `question` after its `hint` (if any); Enter skips (empty).
    pub(crate) fn ask(&self, question: &str, hint: &str) -> Result<String, dialoguer::Error> {
        if !hint.is_empty() {
            // Escaped first, styled after: the styling's own escape codes
            // are meant for the terminal.
            let hint = self.hint.apply_to(shown(hint)).to_string();
            self.term.write_line(&hint)?;
        }
        let answer: String = Input::with_theme(&SimpleTheme)
            .with_prompt(question)
            .allow_empty(true)
            .interact_text_on(&self.term)?;
        Ok(one_line(&answer))
    }

    /// Asks every step in order; the answers in the same order.
    pub(crate) fn steps(&self, steps: &[Step]) -> Result<Vec<String>, dialoguer::Error> {
        steps.iter().map(|step| self.step(step)).collect()
    }

    /// A yes/no question; `default` on Enter.
    pub(crate) fn confirm(&self, question: &str, default: bool) -> Result<bool, dialoguer::Error> {
        Confirm::with_theme(&SimpleTheme)
            .with_prompt(question)
            .default(default)
            .interact_on(&self.term)
    }

    /// A line of text, trimmed; empty allowed.
    pub(crate) fn line(&self, question: &str) -> Result<String, dialoguer::Error> {
        let answer: String = Input::with_theme(&SimpleTheme)
            .with_prompt(question)
            .allow_empty(true)
            .interact_text_on(&self.term)?;
        Ok(one_line(&answer))
    }
}
