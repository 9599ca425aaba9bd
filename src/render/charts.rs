//! Small charts in text: blocks per period, a year's heatmap, a line of
//! moods. Glyphs carry the meaning; colour, where on, only underlines it.

use chrono::{Datelike, Days, NaiveDate, Weekday};

use crate::dates::{Period, week_start};

/// A trend cell's glyph for a level of 0 (nothing) to 8 (met); `None` is a
/// future or paused cell.
pub(crate) fn block(level: Option<u32>) -> char {
    const LEVELS: [char; 9] = ['·', '▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];
    level.map_or(' ', |l| LEVELS[l.min(8) as usize])
}

/// A mood of 1 to 5 as a block; `·` for a day without one.
pub(crate) fn mood(value: Option<u32>) -> char {
    const LEVELS: [char; 5] = ['▁', '▃', '▄', '▆', '█'];
    value.map_or('·', |v| LEVELS[(v.clamp(1, 5) - 1) as usize])
}

/// One heatmap cell: ' ' outside the range or after `as_of`, `·` without
/// a talk, then `░▒▓█` by minutes against the year's longest day.
pub(crate) fn heat(talked: bool, minutes: u32, max: u32) -> char {
    if !talked {
        return '·';
    }
    if max == 0 {
        return '░';
    }
    ['░', '░', '▒', '▓', '█'][(minutes * 4).div_ceil(max).min(4) as usize]
}

/// A contribution-graph heatmap of `range` (a year at most): a row per
/// weekday, a column per ISO week, month names over the weeks they start
/// in. `cell` gives each day's glyph; days outside the range are blank.
pub(crate) fn heatmap(range: Period, cell: impl Fn(NaiveDate) -> char) -> Vec<String> {
    let first = week_start(range.from);
    let weeks = ((range.to - first).num_days() / 7 + 1) as usize;
    let mut months = vec![' '; weeks + 4];
    let mut day = range.from;
    while day <= range.to {
        if day.day() == 1 || day == range.from {
            let column = ((day - first).num_days() / 7) as usize;
            let name = day.format("%b").to_string();
            if months[column..].iter().take(4).all(|c| *c == ' ') {
                for (i, c) in name.chars().enumerate() {
                    months[column + i] = c;
                }
            }
        }
        match day.checked_add_days(Days::new(1)) {
            Some(next) => day = next,
            None => break,
        }
    }
    let mut lines = vec![format!(
        "    {}",
        months.iter().collect::<String>().trim_end()
    )];
    for (row, weekday) in [
        Weekday::Mon,
        Weekday::Tue,
        Weekday::Wed,
        Weekday::Thu,
        Weekday::Fri,
        Weekday::Sat,
        Weekday::Sun,
    ]
    .into_iter()
    .enumerate()
    {
        let mut line = format!("{weekday} ");
        for week in 0..weeks {
            let day = first + Days::new((week * 7 + row) as u64);
            line.push(if range.contains(day) { cell(day) } else { ' ' });
        }
        lines.push(line.trim_end().to_string());
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn a_heatmap_has_a_row_per_weekday_and_a_column_per_week() {
        let year = Period::year_of(day("2026-06-01"));
        let lines = heatmap(year, |d| if d.day() == 1 { '█' } else { '·' });
        assert_eq!(lines.len(), 8);
        assert!(lines[0].starts_with("    Jan"), "{:?}", lines[0]);
        // 2026 begins on a Thursday: the first column is blank Monday to Wednesday.
        assert!(lines[1].starts_with("Mon  ·"), "{:?}", lines[1]);
        assert!(lines[4].starts_with("Thu █"), "{:?}", lines[4]);
        assert_eq!(lines[1].chars().count(), 4 + 53);
    }

    #[test]
    fn glyphs_grade_their_values() {
        assert_eq!(block(Some(0)), '·');
        assert_eq!(block(Some(8)), '█');
        assert_eq!(block(None), ' ');
        assert_eq!(mood(Some(5)), '█');
        assert_eq!(mood(None), '·');
        assert_eq!(heat(false, 0, 60), '·');
        assert_eq!(heat(true, 0, 60), '░');
        assert_eq!(heat(true, 60, 60), '█');
    }
}
