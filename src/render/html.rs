//! A review as one self-contained web page (`couple review --year --format
//! html`): inline SVG charts, a stylesheet for the screen and one for
//! print, and nothing else — no script, no link, no font or image to
//! fetch. A pure function of a computed review: what the page shows was
//! decided in `report` (blind answers included); here it is only drawn.
//!
//! Every text from the data files (names, notes, answers, titles) goes
//! through [`esc`]: control characters made visible, then `& < > " '`
//! written as entities, so a note holding `<script>` is the text
//! `<script>`.

use std::fmt::Write as _;

use chrono::{Datelike, Days, NaiveDate};

use super::shown;
use crate::dates::{Period, iso, week_start};
use crate::model::Per;
use crate::report::answers::Question;
use crate::report::{Review, trend};

/// What a page is drawn from.
pub(crate) struct Page<'a> {
    pub(crate) review: &'a Review,
    /// The period's questions, each partner's answer side by side (hidden
    /// ones already `None`).
    pub(crate) questions: &'a [Question],
    /// The text of a prompt, by its id, where the deck has it.
    pub(crate) prompt_text: &'a dyn Fn(&str) -> Option<String>,
    /// Who runs it: their column comes first.
    pub(crate) caller: &'a str,
}

/// The whole page.
pub(crate) fn page(page: &Page<'_>) -> String {
    let review = page.review;
    let title = title(review);
    let mut html = String::with_capacity(64 * 1024);
    let _ = write!(
        html,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"generator\" content=\"couple\">\n\
         <title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n",
        esc(&title)
    );
    let _ = write!(
        html,
        "<header>\n<h1>{}</h1>\n<p class=\"period\">{} to {}, as of {}</p>\n</header>\n",
        esc(&title),
        long_date(review.from),
        long_date(review.to),
        long_date(review.as_of)
    );
    rituals(&mut html, review);
    talks(&mut html, review);
    mood(&mut html, review);
    goals(&mut html, review);
    answers(&mut html, page);
    let _ = write!(
        html,
        "<footer>Made by couple from your own files, on {}.</footer>\n</body>\n</html>\n",
        long_date(review.as_of)
    );
    html
}

/// `2026`, `November 2026`, or the range.
fn title(review: &Review) -> String {
    let (from, to) = (review.from, review.to);
    if from.ordinal() == 1 && to == NaiveDate::from_ymd_opt(from.year(), 12, 31).unwrap_or(to) {
        format!("{} in pictures", from.year())
    } else if from.day() == 1 && Period::month_of(from).to == to {
        format!("{} in pictures", from.format("%B %Y"))
    } else {
        format!("{} to {} in pictures", iso(from), iso(to))
    }
}

fn long_date(date: NaiveDate) -> String {
    date.format("%a %-d %b %Y").to_string()
}

// ---- the sections -------------------------------------------------------

/// Rituals: the table of the period, then each ritual week by week.
fn rituals(html: &mut String, review: &Review) {
    html.push_str("<section id=\"rituals\">\n<h2>Rituals</h2>\n");
    if review.rituals.is_empty() {
        html.push_str("<p class=\"none\">No rituals.</p>\n</section>\n");
        return;
    }
    html.push_str(
        "<table>\n<thead><tr><th>ritual</th><th>target</th><th>done</th>\
         <th>minutes</th><th>streak</th></tr></thead>\n<tbody>\n",
    );
    for r in &review.rituals {
        let paused = if r.paused { " (paused)" } else { "" };
        let _ = writeln!(
            html,
            "<tr><td>{}{paused}</td><td>{}</td><td class=\"n\">{}/{}</td>\
             <td class=\"n\">{}</td><td>{}</td></tr>",
            esc(&r.ritual),
            esc(&r.cadence()),
            r.done,
            r.target,
            r.minutes,
            esc(&r.streak_text())
        );
    }
    html.push_str("</tbody>\n</table>\n");
    for p in &review.pauses {
        let what = p.what();
        let note = if p.note.is_empty() {
            String::new()
        } else {
            format!(": {}", p.note)
        };
        let _ = writeln!(
            html,
            "<p class=\"pause\">Paused {} to {}, {}{}</p>",
            long_date(p.from),
            long_date(p.to),
            esc(&what),
            esc(&note)
        );
    }
    trend_chart(html, review);
    html.push_str("</section>\n");
}

const CELL: u32 = 12;
const GAP: u32 = 2;
const STEP: u32 = CELL + GAP;
/// Room for the labels left of and above a grid.
const LEFT: u32 = 120;
const TOP: u32 = 18;

/// Each ritual's row of cells, one per week (or month), filled by how much
/// of its target was met.
fn trend_chart(html: &mut String, review: &Review) {
    let trend = &review.trend;
    if trend.columns.is_empty() || trend.rows.is_empty() {
        return;
    }
    let (unit, heading) = match trend.per {
        Per::Month => ("month", "Month by month"),
        _ => ("week", "Week by week"),
    };
    let _ = writeln!(html, "<h3>{heading}</h3>");
    let width = LEFT + trend.columns.len() as u32 * STEP;
    let height = TOP + trend.rows.len() as u32 * STEP;
    let _ = writeln!(
        html,
        "<figure><svg class=\"chart\" role=\"img\" aria-label=\"Each ritual {unit} by {unit}\" \
         viewBox=\"0 0 {width} {height}\" width=\"{width}\" height=\"{height}\">"
    );
    // Month names over the columns where a month starts.
    let mut last_month = 0;
    for (i, column) in trend.columns.iter().enumerate() {
        let shown_day = if trend.per == Per::Week {
            column.from + Days::new(3)
        } else {
            column.from
        };
        if shown_day.month() != last_month {
            last_month = shown_day.month();
            let _ = writeln!(
                html,
                "<text class=\"axis\" x=\"{}\" y=\"{}\">{}</text>",
                LEFT + i as u32 * STEP,
                TOP - 6,
                shown_day.format("%b")
            );
        }
    }
    for (r, row) in trend.rows.iter().enumerate() {
        let y = TOP + r as u32 * STEP;
        let _ = writeln!(
            html,
            "<text class=\"label\" x=\"{}\" y=\"{}\">{}</text>",
            LEFT - 8,
            y + CELL - 2,
            esc(&row.ritual)
        );
        for (c, (cell, column)) in row.cells.iter().zip(&trend.columns).enumerate() {
            let level = trend::level(*cell);
            let tip = match cell {
                None => "not yet".to_string(),
                Some(s) if s.target == 0 => "paused".to_string(),
                Some(s) => format!("{} of {}", s.done, s.target),
            };
            let _ = writeln!(
                html,
                "<rect x=\"{}\" y=\"{y}\" width=\"{CELL}\" height=\"{CELL}\" rx=\"2\" class=\"{}\">\
                 <title>{}, {unit} of {}: {tip}</title></rect>",
                LEFT + c as u32 * STEP,
                level_class(level),
                esc(&row.ritual),
                iso(column.from)
            );
        }
    }
    html.push_str("</svg></figure>\n");
    html.push_str(
        "<p class=\"legend\"><span class=\"key l0\"></span> none \
         <span class=\"key l4\"></span> some <span class=\"key l8\"></span> met \
         <span class=\"key na\"></span> paused or not yet</p>\n",
    );
}

/// A trend cell's class: `l0` (nothing) to `l8` (met), `na` for paused or
/// future.
fn level_class(level: Option<u32>) -> String {
    level.map_or_else(|| "na".to_string(), |l| format!("l{}", l.min(8)))
}

/// Talks: a heatmap, a row per weekday, a column per week.
fn talks(html: &mut String, review: &Review) {
    html.push_str("<section id=\"talks\">\n<h2>Talks, day by day</h2>\n");
    let days = review.talk_by_day.len();
    if days == 0 {
        html.push_str("<p class=\"none\">Too long a period to draw day by day.</p>\n</section>\n");
        return;
    }
    let talks = review.talked.iter().filter(|t| **t).count();
    let minutes: u32 = review.talk_by_day.iter().sum();
    let max = review.talk_by_day.iter().copied().max().unwrap_or(0);
    let first = week_start(review.from);
    let weeks = ((review.to - first).num_days() / 7 + 1) as u32;
    let left = 36;
    let width = left + weeks * STEP;
    let height = TOP + 7 * STEP;
    let _ = writeln!(
        html,
        "<figure><svg class=\"chart\" role=\"img\" aria-label=\"Talk minutes, day by day\" \
         viewBox=\"0 0 {width} {height}\" width=\"{width}\" height=\"{height}\">"
    );
    for (row, name) in ["Mon", "", "Wed", "", "Fri", "", "Sun"].iter().enumerate() {
        if !name.is_empty() {
            let _ = writeln!(
                html,
                "<text class=\"axis\" x=\"0\" y=\"{}\">{name}</text>",
                TOP + row as u32 * STEP + CELL - 2
            );
        }
    }
    let mut day = review.from;
    for i in 0..days {
        let column = ((day - first).num_days() / 7) as u32;
        let row = day.weekday().num_days_from_monday();
        let x = left + column * STEP;
        if day.day() == 1 || i == 0 {
            let _ = writeln!(
                html,
                "<text class=\"axis\" x=\"{x}\" y=\"{}\">{}</text>",
                TOP - 6,
                day.format("%b")
            );
        }
        let (class, tip) = if day > review.as_of {
            ("na".to_string(), "not yet".to_string())
        } else if review.talked[i] {
            let m = review.talk_by_day[i];
            let heat = if max == 0 {
                1
            } else {
                (m * 4).div_ceil(max).clamp(1, 4)
            };
            (format!("h{heat}"), format!("talked, {m} min"))
        } else {
            ("h0".to_string(), "no talk".to_string())
        };
        let _ = writeln!(
            html,
            "<rect x=\"{x}\" y=\"{}\" width=\"{CELL}\" height=\"{CELL}\" rx=\"2\" class=\"{class}\">\
             <title>{}: {tip}</title></rect>",
            TOP + row * STEP,
            long_date(day)
        );
        match day.checked_add_days(Days::new(1)) {
            Some(next) => day = next,
            None => break,
        }
    }
    html.push_str("</svg></figure>\n");
    let _ = writeln!(
        html,
        "<p class=\"legend\"><span class=\"key h0\"></span> no talk \
         <span class=\"key h1\"></span> short <span class=\"key h4\"></span> long \
         — {talks} {}, {minutes} minutes in all</p>",
        if talks == 1 { "day" } else { "days" }
    );
    html.push_str("</section>\n");
}

/// The check-ins' mood: day by day for a month, week by week for longer.
// Axes, labels, the line and its points, in the order they are drawn:
// split up, the geometry would be passed around.
#[allow(clippy::too_many_lines)]
fn mood(html: &mut String, review: &Review) {
    html.push_str("<section id=\"mood\">\n<h2>Mood</h2>\n");
    let by_week = review.mood_by_day.len() > 31;
    let points = if by_week {
        weekly(review)
    } else {
        review
            .mood_by_day
            .iter()
            .zip(review.from.iter_days())
            .filter(|(_, day)| *day <= review.as_of)
            .map(|(m, day)| (day, m.map(f64::from)))
            .collect()
    };
    if !points.iter().any(|(_, m)| m.is_some()) {
        html.push_str(
            "<p class=\"none\">No check-in with a mood in this period.</p>\n</section>\n",
        );
        return;
    }
    let slots = if by_week {
        ((review.to - week_start(review.from)).num_days() / 7 + 1) as u32
    } else {
        review.mood_by_day.len() as u32
    };
    let (left, band) = (28, 24);
    let dx = if by_week { STEP } else { 22 };
    let width = left + slots * dx + 8;
    let height = TOP + 4 * band + 24;
    let y = |m: f64| f64::from(TOP) + (5.0 - m) * f64::from(band);
    let x = |i: u32| left + i * dx + dx / 2;
    let unit = if by_week {
        "week by week"
    } else {
        "day by day"
    };
    let _ = writeln!(
        html,
        "<figure><svg class=\"chart\" role=\"img\" aria-label=\"Mood, {unit}, from 1 to 5\" \
         viewBox=\"0 0 {width} {height}\" width=\"{width}\" height=\"{height}\">"
    );
    for level in 1..=5 {
        let ly = y(f64::from(level));
        let _ = writeln!(
            html,
            "<line class=\"grid\" x1=\"{left}\" y1=\"{ly}\" x2=\"{}\" y2=\"{ly}\"/>\
             <text class=\"axis\" x=\"8\" y=\"{}\">{level}</text>",
            width - 8,
            ly + 4.0
        );
    }
    let first = if by_week {
        week_start(review.from)
    } else {
        review.from
    };
    let index = |day: NaiveDate| {
        let days = (day - first).num_days() as u32;
        if by_week { days / 7 } else { days }
    };
    // Month names along the bottom; a line through the moods, broken
    // where there is none.
    let mut last_month = 0;
    for (day, _) in &points {
        if day.month() != last_month && (day.day() <= 7 || *day == review.from) {
            last_month = day.month();
            let label = if by_week {
                day.format("%b").to_string()
            } else {
                day.format("%-d %b").to_string()
            };
            let _ = writeln!(
                html,
                "<text class=\"axis\" x=\"{}\" y=\"{}\">{label}</text>",
                x(index(*day)) - dx / 2,
                height - 6
            );
        }
    }
    let mut segment: Vec<String> = Vec::new();
    let mut segments: Vec<Vec<String>> = Vec::new();
    for (day, m) in &points {
        match m {
            Some(m) => segment.push(format!("{},{:.1}", x(index(*day)), y(*m))),
            None => segments.push(std::mem::take(&mut segment)),
        }
    }
    segments.push(segment);
    for s in segments.iter().filter(|s| s.len() > 1) {
        let _ = writeln!(
            html,
            "<polyline class=\"mood\" points=\"{}\"/>",
            s.join(" ")
        );
    }
    for (day, m) in &points {
        if let Some(m) = m {
            let what = if by_week { "week of " } else { "" };
            let _ = writeln!(
                html,
                "<circle class=\"mood\" cx=\"{}\" cy=\"{:.1}\" r=\"3\"><title>{what}{}: {m:.1}</title></circle>",
                x(index(*day)),
                y(*m),
                long_date(*day)
            );
        }
    }
    html.push_str("</svg></figure>\n");
    let _ = writeln!(
        html,
        "<p class=\"legend\">The check-ins' mood, 1 to 5, {unit}.</p>"
    );
    html.push_str("</section>\n");
}

/// Each ISO week's average mood, up to the as-of date: (its Monday, mood).
fn weekly(review: &Review) -> Vec<(NaiveDate, Option<f64>)> {
    let first = week_start(review.from);
    let mut weeks: Vec<(NaiveDate, u32, u32)> = Vec::new();
    for (mood, day) in review.mood_by_day.iter().zip(review.from.iter_days()) {
        if day > review.as_of {
            break;
        }
        let week = ((day - first).num_days() / 7) as usize;
        while weeks.len() <= week {
            weeks.push((first + Days::new(7 * weeks.len() as u64), 0, 0));
        }
        if let Some(m) = mood {
            weeks[week].1 += m;
            weeks[week].2 += 1;
        }
    }
    weeks
        .into_iter()
        .map(|(monday, sum, n)| (monday, (n > 0).then(|| f64::from(sum) / f64::from(n))))
        .collect()
}

/// The goals done in the period, and how many stay open.
fn goals(html: &mut String, review: &Review) {
    let goals = &review.goals;
    html.push_str("<section id=\"goals\">\n<h2>Goals done</h2>\n");
    if goals.done_in_period.is_empty() {
        html.push_str("<p class=\"none\">No goal done in this period yet.</p>\n");
    } else {
        html.push_str("<ul class=\"done\">\n");
        for goal in &goals.done_in_period {
            let closed = goal.closed.map(long_date).unwrap_or_default();
            let _ = writeln!(
                html,
                "<li><span class=\"check\">✓</span> {} <span class=\"when\">{closed}</span></li>",
                esc(&goal.title)
            );
        }
        html.push_str("</ul>\n");
    }
    let _ = writeln!(
        html,
        "<p>{} open on {}.</p>\n</section>",
        match goals.open {
            1 => "One goal".to_string(),
            n => format!("{n} goals"),
        },
        long_date(review.as_of)
    );
}

/// The period's questions, a column per partner; an answer you may not see
/// yet says so.
fn answers(html: &mut String, page: &Page<'_>) {
    html.push_str("<section id=\"answers\">\n<h2>Answers, side by side</h2>\n");
    if page.questions.is_empty() {
        html.push_str("<p class=\"none\">No question answered in this period.</p>\n</section>\n");
        return;
    }
    let mut partners: Vec<&str> = Vec::new();
    for q in page.questions {
        for a in &q.answers {
            if !partners
                .iter()
                .any(|p| crate::model::same_partner(p, &a.partner))
            {
                partners.push(&a.partner);
            }
        }
    }
    let not_caller = |name: &str| !crate::model::same_partner(name, page.caller);
    partners.sort_by_key(|p| (not_caller(p), p.to_string()));
    html.push_str("<table class=\"answers\">\n<thead><tr><th>day</th><th>question</th>");
    for p in &partners {
        let _ = write!(html, "<th>{}</th>", esc(p));
    }
    html.push_str("</tr></thead>\n<tbody>\n");
    for q in page.questions {
        let question = (page.prompt_text)(&q.prompt).unwrap_or_else(|| q.prompt.clone());
        let _ = write!(
            html,
            "<tr><td class=\"when\">{}</td><td class=\"q\">{}</td>",
            q.date.format("%-d %b"),
            esc(&question)
        );
        for p in &partners {
            match q
                .answers
                .iter()
                .find(|a| crate::model::same_partner(&a.partner, p))
            {
                Some(a) => match &a.text {
                    Some(text) => {
                        let _ = write!(html, "<td>{}</td>", esc(text));
                    }
                    None => {
                        html.push_str(
                            "<td class=\"blind\">answered — answer it to see theirs</td>",
                        );
                    }
                },
                None => html.push_str("<td class=\"none\">—</td>"),
            }
        }
        html.push_str("</tr>\n");
    }
    html.push_str("</tbody>\n</table>\n</section>\n");
}

/// Text from the files, safe in HTML text and attribute values: control
/// characters made visible as [`shown()`] does, markup characters as
/// entities.
pub(crate) fn esc(text: &str) -> String {
    let text = shown(text);
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// The stylesheet: system fonts only, colours a printer copes with, and a
/// print layout (no backgrounds to waste ink, no section split over pages).
const STYLE: &str = "
:root { color-scheme: light; --ink: #1f2328; --muted: #656d76; --line: #d0d7de; }
* { box-sizing: border-box; }
body { font-family: system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif;
  color: var(--ink); background: #fff; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.45; }
h1 { font-size: 2rem; margin: 0; }
h2 { font-size: 1.25rem; border-bottom: 1px solid var(--line); padding-bottom: .25rem; margin-top: 2rem; }
h3 { font-size: 1rem; color: var(--muted); }
.period, .legend, .when, .none, footer { color: var(--muted); }
.legend { font-size: .85rem; }
figure { margin: .5rem 0; overflow-x: auto; }
svg.chart { max-width: 100%; height: auto; font-size: 10px; }
svg text { fill: var(--muted); }
svg text.label { text-anchor: end; fill: var(--ink); }
table { border-collapse: collapse; margin: .5rem 0; }
th, td { text-align: left; vertical-align: top; padding: .25rem .75rem .25rem 0; border-bottom: 1px solid var(--line); }
td.n { text-align: right; font-variant-numeric: tabular-nums; }
table.answers td { white-space: pre-wrap; }
td.blind { font-style: italic; color: var(--muted); }
ul.done { list-style: none; padding: 0; }
.check { color: #1a7f37; font-weight: bold; }
.key { display: inline-block; width: .8rem; height: .8rem; border-radius: 2px; vertical-align: middle; }
.l0, .h0 { fill: #ebeef1; background: #ebeef1; }
.l1, .l2 { fill: #c6e6cf; background: #c6e6cf; }
.l3, .l4, .h1 { fill: #9bd3a9; background: #9bd3a9; }
.l5, .l6, .h2 { fill: #5fb878; background: #5fb878; }
.l7, .h3 { fill: #2f9a4f; background: #2f9a4f; }
.l8, .h4 { fill: #1a6b35; background: #1a6b35; }
.na { fill: #fff; stroke: var(--line); stroke-dasharray: 2 2; background: #fff; border: 1px dashed var(--line); }
line.grid { stroke: var(--line); stroke-width: 1; }
polyline.mood { fill: none; stroke: #8250df; stroke-width: 2; }
circle.mood { fill: #8250df; }
footer { margin-top: 3rem; font-size: .85rem; }
@media print {
  @page { margin: 1.5cm; }
  body { margin: 0; max-width: none; font-size: 10pt; }
  section { break-inside: avoid; page-break-inside: avoid; }
  h2 { break-after: avoid; page-break-after: avoid; }
  figure { overflow: visible; }
  .key, rect { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
  footer { display: none; }
}
";

#[cfg(test)]
mod tests {
    use super::esc;

    #[test]
    fn markup_and_control_characters_are_escaped() {
        assert_eq!(
            esc("<script>alert('x')</script> & \"q\""),
            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;"
        );
        assert_eq!(esc("a\x1b[2Jb\u{0}"), "a\\x1b[2Jb\\x00");
        assert_eq!(esc("schön 😀\nzwei"), "schön 😀\nzwei");
    }
}
