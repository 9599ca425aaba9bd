//! The charts of a review: talk minutes per day (a week's bars, a month's
//! calendar, a year's heatmap), each ritual period by period, and the
//! check-ins' mood as a line of blocks.

use chrono::{Datelike, Days};

use crate::dates::Period;
use crate::error::Result;
use crate::model::Per;
use crate::render::{self, Out, charts};
use crate::report::{Review, trend};

pub(super) fn render(out: &mut Out, review: &Review) -> Result<()> {
    let days = review.talk_by_day.len();
    if days == 0 {
        return Ok(());
    }
    let range = Period {
        from: review.from,
        to: review.to,
    };
    if days <= 7 {
        out.line("")?;
        out.line("Talk minutes")?;
        let labels: String = review
            .from
            .iter_days()
            .take(days)
            .map(|d| d.format("%a").to_string().chars().next().unwrap_or(' '))
            .collect();
        out.line(&format!("  {labels}"))?;
        out.line(&format!(
            "  {}   {} min",
            render::bars(&review.talk_by_day),
            review.talk_by_day.iter().sum::<u32>()
        ))?;
        mood_by_day(out, review, "   mood")?;
        return Ok(());
    }
    render_trend(out, review)?;
    out.line("")?;
    if days <= 31 {
        out.line("Talk minutes")?;
        for line in render::calendar(review.from, &review.talk_by_day) {
            out.line(&line)?;
        }
        if review.mood_by_day.iter().any(Option::is_some) {
            out.line("")?;
            out.line("Mood, day by day")?;
            mood_by_day(out, review, "")?;
        }
    } else {
        out.line("Talks, day by day")?;
        let max = review.talk_by_day.iter().copied().max().unwrap_or(0);
        let lines = charts::heatmap(range, |day| {
            if day > review.as_of {
                return ' ';
            }
            let i = (day - review.from).num_days() as usize;
            charts::heat(review.talked[i], review.talk_by_day[i], max)
        });
        for line in lines {
            out.line(&colour_heat(out, &line))?;
        }
        mood_by_week(out, review)?;
    }
    Ok(())
}

/// Each ritual's row of blocks, one column per week or month.
fn render_trend(out: &mut Out, review: &Review) -> Result<()> {
    let trend = &review.trend;
    if trend.columns.is_empty() || trend.rows.is_empty() {
        return Ok(());
    }
    let width = trend
        .rows
        .iter()
        .map(|r| r.ritual.chars().count())
        .max()
        .unwrap_or(0)
        .max(10);
    let labels: Vec<String> = trend
        .columns
        .iter()
        .map(|c| match trend.per {
            Per::Month => c.from.format("%b").to_string(),
            _ => format!("W{:02}", (c.from + Days::new(3)).iso_week().week()),
        })
        .collect();
    let title = match trend.per {
        Per::Month => "By month",
        _ => "By week",
    };
    out.line("")?;
    out.line(format!(" {title:<width$}  {}", labels.join(" ")).trim_end())?;
    for row in &trend.rows {
        let cells: Vec<String> = row
            .cells
            .iter()
            .map(|cell| {
                let level = trend::level(*cell);
                let glyph = charts::block(level).to_string().repeat(3);
                match level {
                    Some(8) => out.good(&glyph),
                    Some(0) => out.dim(&glyph),
                    _ => glyph,
                }
            })
            .collect();
        out.line(format!(" {:<width$}  {}", row.ritual, cells.join(" ")).trim_end())?;
    }
    Ok(())
}

/// The mood of each day of a week or month, up to the as-of date, then
/// `label`.
fn mood_by_day(out: &mut Out, review: &Review, label: &str) -> Result<()> {
    if !review.mood_by_day.iter().any(Option::is_some) {
        return Ok(());
    }
    let line: String = review
        .mood_by_day
        .iter()
        .zip(review.from.iter_days())
        .map(|(mood, day)| {
            if day > review.as_of {
                ' '
            } else {
                charts::mood(*mood)
            }
        })
        .collect();
    out.line(&format!("  {}{label}", line.trim_end()))
}

/// A year's mood, one block per ISO week (the average of its days).
fn mood_by_week(out: &mut Out, review: &Review) -> Result<()> {
    if !review.mood_by_day.iter().any(Option::is_some) {
        return Ok(());
    }
    let first = crate::dates::week_start(review.from);
    let mut weeks: Vec<(u32, u32)> = Vec::new();
    for (mood, day) in review.mood_by_day.iter().zip(review.from.iter_days()) {
        let week = ((day - first).num_days() / 7) as usize;
        if day > review.as_of {
            break;
        }
        if weeks.len() <= week {
            weeks.resize(week + 1, (0, 0));
        }
        if let (Some(m), true) = (mood, day <= review.as_of) {
            weeks[week].0 += m;
            weeks[week].1 += 1;
        }
    }
    let line: String = weeks
        .iter()
        .map(|&(sum, n)| charts::mood((n > 0).then(|| (sum + n / 2) / n)))
        .collect();
    out.line("")?;
    out.line("Mood, week by week")?;
    out.line(&format!("    {line}"))
}

fn colour_heat(out: &Out, line: &str) -> String {
    let mut coloured = String::with_capacity(line.len());
    for (i, c) in line.chars().enumerate() {
        match c {
            '░' | '▒' | '▓' | '█' if i >= 4 => coloured.push_str(&out.good(&c.to_string())),
            _ => coloured.push(c),
        }
    }
    coloured
}
