//! The review as rows for a spreadsheet: one measure per row.

use crate::dates;
use crate::error::Result;
use crate::render::Out;
use crate::report::Review;
use crate::report::partner::FromPartner;

/// Long form, one measure per row, for a spreadsheet's pivot table.
pub(super) fn render(out: &mut Out, review: &Review, extra: &FromPartner, raw: bool) -> Result<()> {
    let mut rows: Vec<[String; 4]> = Vec::new();
    let mut add = |section: &str, item: &str, measure: &str, value: String| {
        rows.push([section.into(), item.into(), measure.into(), value]);
    };
    add("period", "range", "from", dates::iso(review.from));
    add("period", "range", "to", dates::iso(review.to));
    add("period", "range", "as_of", dates::iso(review.as_of));
    for r in &review.rituals {
        let name = r.ritual.as_str();
        add("ritual", name, "cadence", r.cadence());
        add("ritual", name, "target", r.target.to_string());
        add("ritual", name, "done", r.done.to_string());
        add("ritual", name, "minutes", r.minutes.to_string());
        add("ritual", name, "streak", r.streak.to_string());
    }
    for p in &review.partners {
        for (measure, value) in [
            ("care", p.care),
            ("appreciation", p.appreciation),
            ("repair", p.repair),
            ("affection", p.affection),
            ("answers", p.answers),
            ("checkins", p.checkins),
        ] {
            add("partner", &p.partner, measure, value.to_string());
        }
        add(
            "partner",
            &p.partner,
            "mood",
            p.mood.map(|m| m.to_string()).unwrap_or_default(),
        );
    }
    add(
        "sit-down",
        "last",
        "date",
        review.last_sit_down.map(dates::iso).unwrap_or_default(),
    );
    for a in &review.answers {
        add(
            "answer",
            &a.partner,
            &a.prompt,
            a.text.clone().unwrap_or_default(),
        );
    }
    for state in &review.state_of_us {
        add(
            "state-of-us",
            &state.partner,
            &dates::iso(state.date),
            state.note.clone(),
        );
    }
    add("goals", "open", "count", review.goals.open.to_string());
    for (measure, list) in [
        ("overdue", &review.goals.overdue),
        ("due_soon", &review.goals.due_soon),
        ("done_in_period", &review.goals.done_in_period),
    ] {
        for goal in list {
            add("goals", &goal.id, measure, goal.title.clone());
        }
    }
    for p in &review.pauses {
        let what = if p.is_total() {
            "all".to_string()
        } else {
            p.rituals_text()
        };
        add("pause", &p.id, "from", dates::iso(p.from));
        add("pause", &p.id, "to", dates::iso(p.to));
        add("pause", &p.id, "rituals", what);
    }
    for d in &review.drift {
        add("drift", &d.ritual, "recent", d.recent.to_string());
        add("drift", &d.ritual, "earlier", d.earlier.to_string());
    }
    for d in &review.due {
        add("due", &d.what, "message", d.message.clone());
    }
    for n in &extra.notes {
        let measure = format!("{} {}", n.kind, dates::iso(n.date));
        add("from_partner", &n.partner, &measure, n.text.clone());
    }
    for d in &extra.on_this_day {
        let question = d.question.clone().unwrap_or_default();
        add("on_this_day", &dates::iso(d.date), &d.prompt, question);
    }
    out.csv(["section", "item", "measure", "value"], rows, raw)
}
