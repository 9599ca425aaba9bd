//! The guided conversations as data: the repair steps after a fight, and
//! the weekly "state of us". Each step is a question with a short label;
//! the answers become one labelled note, readable in `history` and `review`.

/// One question of a guided conversation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Step {
    /// What the answer is called in the note: `I felt`.
    pub(crate) label: &'static str,
    /// What is asked on the terminal.
    pub(crate) question: &'static str,
    /// One line of help under the question.
    pub(crate) hint: &'static str,
}

/// The repair after a fight, after the Gottman "aftermath of a fight" steps:
/// feelings, each one's reality, what was needed, one's own part, and one
/// thing to do next time. Every step can be skipped.
pub(crate) const REPAIR: [Step; 6] = [
    Step {
        label: "What happened",
        question: "What happened, as I saw it",
        hint: "Describe it like a reporter would: no blame, just what you saw and heard.",
    },
    Step {
        label: "I felt",
        question: "What I felt",
        hint: "Start with \"I felt…\" (hurt, alone, defensive, scared), not \"you…\".",
    },
    Step {
        label: "I needed",
        question: "What I needed",
        hint: "What would have helped in that moment?",
    },
    Step {
        label: "My part",
        question: "My part in it",
        hint: "Only your own share, however small: \"I was tired and snapped\".",
    },
    Step {
        label: "Next time",
        question: "What I will do next time",
        hint: "One thing you can do yourself.",
    },
    Step {
        label: "I want to say",
        question: "Anything I want to say",
        hint: "An apology, a thank-you, a reassurance.",
    },
];

/// How many appreciations the weekly "state of us" asks for.
pub(crate) const APPRECIATIONS: usize = 3;

/// Each appreciation is recorded as its own `appreciation` entry.
pub(crate) const APPRECIATION: Step = Step {
    label: "Appreciation",
    question: "Something I appreciated about you this week",
    hint: "Small and specific works best: \"you made tea when I came home late\".",
};

/// What went well for us, asked after the appreciations.
pub(crate) const WENT_WELL: Step = Step {
    label: "Went well",
    question: "What went well for us this week",
    hint: "A moment, a habit, a hard thing you got through together.",
};

/// The one thing to talk about; an answer offers the repair steps.
pub(crate) const TO_TALK_ABOUT: Step = Step {
    label: "To talk about",
    question: "One thing to talk about (optional)",
    hint: "Something that is bothering you. Enter to skip.",
};

/// The question the partner reads in next week's `review`.
pub(crate) const FEEL_LOVED: Step = Step {
    label: "What would make me feel loved this week",
    question: "What would make you feel loved this coming week",
    hint: "Something your partner can actually do: a walk, a note, an evening without phones.",
};

/// The steps of the weekly "state of us" recorded in its `state-of-us` entry.
pub(crate) const STATE_OF_US: [Step; 3] = [WENT_WELL, TO_TALK_ABOUT, FEEL_LOVED];

/// What separates one labelled answer from the next in a note.
pub(crate) const SEPARATOR: &str = " · ";

/// One note from the answers to `steps` (answer `i` to step `i`): each
/// answered step as `Label: answer`, skipped ones left out, in order.
/// Empty when every step was skipped: then nothing is recorded.
pub(crate) fn labelled_note(steps: &[Step], answers: &[String]) -> String {
    steps
        .iter()
        .zip(answers)
        .filter_map(|(step, answer)| {
            let answer = one_line(answer);
            (!answer.is_empty()).then(|| format!("{}: {answer}", step.label))
        })
        .collect::<Vec<_>>()
        .join(SEPARATOR)
}

/// An answer on one line: inner line breaks and runs of spaces become one
/// space, so a note reads the same in a table, a CSV cell and a pager.
pub(crate) fn one_line(answer: &str) -> String {
    answer.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn answers(texts: &[&str]) -> Vec<String> {
        texts.iter().map(|t| (*t).to_string()).collect()
    }

    #[test]
    fn a_note_labels_each_answer_and_leaves_out_skipped_steps() {
        let note = labelled_note(
            &REPAIR,
            &answers(&[
                "We argued about the trip",
                "",
                "  to be heard ",
                "",
                "",
                "Sorry.",
            ]),
        );
        assert_eq!(
            note,
            "What happened: We argued about the trip · I needed: to be heard · I want to say: Sorry."
        );
    }

    #[test]
    fn skipping_every_step_gives_no_note() {
        assert_eq!(
            labelled_note(&REPAIR, &answers(&["", " ", "", "", "", ""])),
            ""
        );
    }

    #[test]
    fn answers_are_kept_on_one_line() {
        assert_eq!(one_line(" a\nb\r\n  c\t"), "a b c");
    }

    #[test]
    fn every_step_has_a_label_question_and_hint() {
        for step in REPAIR.iter().chain(&STATE_OF_US).chain([&APPRECIATION]) {
            assert!(!step.label.is_empty() && !step.question.is_empty() && !step.hint.is_empty());
            assert!(!step.label.contains(':'), "a label ends where its colon is");
        }
    }
}
