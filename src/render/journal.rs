//! `couple history` as text for people: a day's heading, its questions
//! with the answers under them, then its notes, each with its author. What
//! people wrote goes through [`shown()`], so a note cannot move the cursor or
//! recolour the screen.

use std::io::{self, Write};

use chrono::{Datelike, NaiveDate};

use super::{Out, shown, shown_line};
use crate::error::{Error, Result};
use crate::report::history::{Day, Row};

/// Writes one day; `first` leaves out the blank line before it. The day
/// is put together in `text` (kept from day to day), then written at once.
pub(crate) fn day(out: &mut Out, day: &Day, first: bool, text: &mut Vec<u8>) -> Result<()> {
    text.clear();
    write_day(text, out.color(), day, first).map_err(|e| Error::output(&e))?;
    out.raw(text)
}

// A few bytes at a time into a plain buffer: no string is made per row
// (`couple history` writes a million of them), no call through `dyn Write`.
fn write_day(w: &mut impl Write, color: bool, day: &Day, first: bool) -> io::Result<()> {
    if !first {
        w.write_all(b"\n")?;
    }
    // `Wed 25 Nov 2026`, bold.
    paint(w, color, b"1", |w| {
        w.write_all(weekday(day.date).as_bytes())?;
        w.write_all(b" ")?;
        number(w, day.date.day())?;
        w.write_all(b" ")?;
        w.write_all(month(day.date).as_bytes())?;
        w.write_all(b" ")?;
        year(w, day.date)
    })?;
    w.write_all(b"\n")?;
    for question in &day.questions {
        w.write_all(b"  ")?;
        match question.text {
            Some(text) => w.write_all(shown_line(text).as_bytes())?,
            None => w.write_all(b"(a question not in the deck)")?,
        }
        w.write_all(b"  ")?;
        let id = shown_line(&question.prompt);
        paint(w, color, b"2", |w| {
            w.write_all(b"[")?;
            w.write_all(id.as_bytes())?;
            w.write_all(b"]")
        })?;
        w.write_all(b"\n")?;
        for answer in &question.answers {
            w.write_all(b"    ")?;
            w.write_all(shown_line(&answer.partner).as_bytes())?;
            if answer.date != day.date {
                // `, Tue 24 Nov`
                w.write_all(b", ")?;
                w.write_all(weekday(answer.date).as_bytes())?;
                w.write_all(b" ")?;
                number(w, answer.date.day())?;
                w.write_all(b" ")?;
                w.write_all(month(answer.date).as_bytes())?;
            }
            if answer.hidden {
                w.write_all(b" answered: answer it to see theirs (couple log answer --prompt ")?;
                w.write_all(id.as_bytes())?;
                w.write_all(b")\n")?;
            } else {
                w.write_all(b": ")?;
                note(w, answer.note().unwrap_or_default())?;
            }
        }
    }
    for row in &day.notes {
        note_line(w, row)?;
    }
    Ok(())
}

/// What `write` writes, in SGR `sgr` when colour is on (text from the
/// files goes through [`shown()`] before).
fn paint<W: Write>(
    w: &mut W,
    color: bool,
    sgr: &[u8],
    write: impl FnOnce(&mut W) -> io::Result<()>,
) -> io::Result<()> {
    if color {
        w.write_all(b"\x1b[")?;
        w.write_all(sgr)?;
        w.write_all(b"m")?;
        write(w)?;
        w.write_all(b"\x1b[0m")
    } else {
        write(w)
    }
}

/// `Mon`…`Sun`, as chrono's `%a`.
fn weekday(date: NaiveDate) -> &'static str {
    ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
        [date.weekday().num_days_from_monday() as usize]
}

/// `Jan`…`Dec`, as chrono's `%b`.
fn month(date: NaiveDate) -> &'static str {
    [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ][date.month0() as usize]
}

/// The year as chrono's `%Y`: four digits at least, a sign outside 0…9999.
fn year(w: &mut impl Write, date: NaiveDate) -> io::Result<()> {
    let year = date.year();
    if (0..=9999).contains(&year) {
        let year = year as u32;
        let digits = [
            b'0' + (year / 1000) as u8,
            b'0' + (year / 100 % 10) as u8,
            b'0' + (year / 10 % 10) as u8,
            b'0' + (year % 10) as u8,
        ];
        w.write_all(&digits)
    } else {
        write!(w, "{}", date.format("%Y"))
    }
}

/// A whole number in decimal.
fn number(w: &mut impl Write, n: u32) -> io::Result<()> {
    let mut digits = [0u8; 10];
    let mut at = digits.len();
    let mut n = n;
    loop {
        at -= 1;
        digits[at] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    w.write_all(&digits[at..])
}

/// `  sam, talk 15 min: about the move`.
fn note_line(w: &mut impl Write, row: &Row) -> io::Result<()> {
    w.write_all(b"  ")?;
    w.write_all(shown_line(&row.partner).as_bytes())?;
    w.write_all(b", ")?;
    w.write_all(row.kind.as_str().as_bytes())?;
    if let Some(minutes) = row.minutes {
        w.write_all(b" ")?;
        number(w, minutes.into())?;
        w.write_all(b" min")?;
    }
    if let Some(mood) = row.mood {
        w.write_all(b" mood ")?;
        number(w, mood.into())?;
        w.write_all(b"/5")?;
    }
    match row.note() {
        Some(text) => {
            w.write_all(b": ")?;
            note(w, text)
        }
        None => w.write_all(b"\n"),
    }
}

/// A note and its line end; its own line breaks are kept, indented.
fn note(w: &mut impl Write, text: &str) -> io::Result<()> {
    if !text.contains('\n') {
        w.write_all(shown(text.strip_suffix('\r').unwrap_or(text)).as_bytes())?;
        return w.write_all(b"\n");
    }
    let mut lines = text.split('\n');
    if let Some(line) = lines.next() {
        w.write_all(shown(line.strip_suffix('\r').unwrap_or(line)).as_bytes())?;
    }
    for line in lines {
        w.write_all(b"\n      ")?;
        w.write_all(shown(line.strip_suffix('\r').unwrap_or(line)).as_bytes())?;
    }
    w.write_all(b"\n")
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    #[test]
    fn dates_are_written_as_chrono_writes_them() {
        let mut day = NaiveDate::from_ymd_opt(1, 1, 1).unwrap();
        let last = NaiveDate::from_ymd_opt(9999, 12, 31).unwrap();
        while day <= last {
            let mut ours = Vec::new();
            ours.extend_from_slice(super::weekday(day).as_bytes());
            ours.push(b' ');
            super::number(&mut ours, chrono::Datelike::day(&day)).unwrap();
            ours.push(b' ');
            ours.extend_from_slice(super::month(day).as_bytes());
            ours.push(b' ');
            super::year(&mut ours, day).unwrap();
            assert_eq!(
                String::from_utf8(ours).unwrap(),
                day.format("%a %-d %b %Y").to_string()
            );
            day = day + chrono::Days::new(97);
        }
    }
}
