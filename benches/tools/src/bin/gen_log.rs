//! Writes a deterministic `log.csv` of N rows for the benchmarks.
//!
//! Usage: gen-log N OUT
//!
//! The rows follow DESIGN.md §3: the header `id,date,partner,kind,minutes,
//! mood,prompt,note,logged_at`, rows in date order over the 40 years ending
//! 2026-11-25, `logged_at` non-decreasing. The mix of kinds, minutes, moods and
//! prompts looks like two people's real use, and about one note in ten needs
//! RFC 4180 quoting (commas, double quotes, line breaks), some with non-ASCII
//! text. Everything comes from one fixed-seed splitmix64 stream, so the same N
//! always gives the same bytes, on any machine.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::process::ExitCode;

const HEADER: &str = "id,date,partner,kind,minutes,mood,prompt,note,logged_at\n";
const FIRST_DAY: Date = Date {
    y: 1986,
    m: 11,
    d: 26,
};
const LAST_DAY: Date = Date {
    y: 2026,
    m: 11,
    d: 25,
};
const SEED: u64 = 0x636f_7570_6c65_2121; // "couple!!"

const PARTNERS: [&str; 2] = ["alex", "sam"];

/// (kind, weight out of 100).
const KINDS: [(&str, u64); 9] = [
    ("talk", 22),
    ("care", 15),
    ("checkin", 14),
    ("answer", 14),
    ("appreciation", 12),
    ("affection", 10),
    ("us-time", 7),
    ("repair", 4),
    ("sit-down", 2),
];

/// The built-in deck's themes; its ids run from `-001` to `-032`.
const THEMES: [&str; 12] = [
    "check-in",
    "listening",
    "vulnerability",
    "reconnecting",
    "transitions",
    "healing",
    "small-moments",
    "blind-spots",
    "passion",
    "dreams",
    "appreciation",
    "play",
];

const DOINGS: [&str; 24] = [
    "walked by the river",
    "cooked dinner together",
    "left a note in her bag",
    "made coffee before work",
    "talked about the move",
    "watched a film on the sofa",
    "called at lunch",
    "long hug at the door",
    "said sorry for snapping",
    "thanked him for the dishes",
    "planned the summer trip",
    "read aloud in bed",
    "picked up the prescription",
    "danced in the kitchen",
    "talked about work stress",
    "brought flowers home",
    "crêpes for breakfast",
    "sat on the balcony",
    "fixed the bike",
    "texted a silly photo",
    "talked about her mother",
    "morning run together",
    "board games with tea",
    "forgave the missed call",
];

const TAILS: [&str; 10] = [
    "",
    "",
    "",
    "",
    " again",
    " after a long day",
    " before the kids woke up",
    " and laughed a lot",
    " in the rain",
    " like we used to",
];

/// Notes a CSV writer must quote: commas, double quotes, line breaks, and
/// some non-ASCII text among them.
const QUOTED: [&str; 12] = [
    "walked to the river, then coffee",
    "she said \"thank you\" twice",
    "first line\nsecond line",
    "café ❤, just us",
    "\"we're okay\", he said",
    "talked late, about everything, and nothing",
    "a note on the fridge:\n\"you've got this\"",
    "Grüße aus München, bis bald",
    "dinner, a walk, a film",
    "revisited the \"budget talk\" calmly",
    "list for the weekend:\n- market\n- call mum",
    "smørrebrød, then the harbour ⚓",
];

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().collect();
    let (Some(n), Some(out)) = (args.get(1).and_then(|n| n.parse::<u64>().ok()), args.get(2))
    else {
        eprintln!("usage: gen-log N OUT");
        return ExitCode::from(2);
    };
    let written = File::create(out).and_then(|file| {
        let mut w = BufWriter::with_capacity(1 << 20, file);
        write_log(&mut w, n)?;
        w.into_inner()
            .map_err(std::io::IntoInnerError::into_error)?
            .sync_all()
    });
    match written {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("gen-log: {out}: {err}");
            ExitCode::FAILURE
        }
    }
}

fn write_log(w: &mut impl Write, n: u64) -> std::io::Result<()> {
    w.write_all(HEADER.as_bytes())?;
    let days = FIRST_DAY.days_until(LAST_DAY) + 1;
    let mut rng = SplitMix64(SEED);
    let mut day = FIRST_DAY;
    let mut day_index = 0;
    let mut last_ms = 0;
    let mut line = Vec::with_capacity(256);
    for i in 0..n {
        // Spread rows evenly: row i falls on day i*days/n; the remainder is
        // how far through that day it is, so times rise within a day.
        let pos = i * days;
        let (target, through) = (pos / n, (pos % n) as f64 / n as f64);
        if target != day_index {
            while day_index < target {
                day = day.next();
                day_index += 1;
            }
            last_ms = 0;
        }
        // Between 07:00 and 23:00, a little jitter, never before the last row.
        let base = 7 * 3_600_000 + (through * 16.0 * 3_600_000.0) as u64;
        let ms = (base + rng.below(60_000)).max(last_ms).min(86_399_999);
        last_ms = ms;

        line.clear();
        write_row(&mut line, &mut rng, i, day, ms);
        w.write_all(&line)?;
    }
    Ok(())
}

fn write_row(line: &mut Vec<u8>, rng: &mut SplitMix64, i: u64, day: Date, ms: u64) {
    push_id(line, i);
    line.push(b',');
    day.push_iso(line);
    line.push(b',');
    line.extend_from_slice(PARTNERS[rng.below(2) as usize].as_bytes());
    line.push(b',');

    let kind = pick_kind(rng.below(100));
    line.extend_from_slice(kind.as_bytes());
    line.push(b',');

    let minutes = match kind {
        "talk" if rng.below(100) < 95 => Some(5 + rng.below(41)),
        "us-time" if rng.below(1000) == 0 => Some(1440),
        "us-time" if rng.below(100) < 90 => Some(20 + rng.below(221)),
        "sit-down" if rng.below(100) < 95 => Some(20 + rng.below(101)),
        "talk" | "us-time" | "sit-down" => None,
        _ if rng.below(100) < 5 => Some(rng.below(31)),
        _ => None,
    };
    if let Some(m) = minutes {
        push_uint(line, m, 1);
    }
    line.push(b',');

    // Check-ins lean to the good side of the scale.
    let mood = match kind {
        "checkin" => Some([1, 2, 3, 3, 4, 4, 4, 5, 5, 5][rng.below(10) as usize]),
        _ if rng.below(100) < 5 => Some(1 + rng.below(5)),
        _ => None,
    };
    if let Some(m) = mood {
        push_uint(line, m, 1);
    }
    line.push(b',');

    if kind == "answer" || (kind == "talk" && rng.below(100) < 30) {
        line.extend_from_slice(THEMES[rng.below(12) as usize].as_bytes());
        line.push(b'-');
        push_uint(line, 1 + rng.below(32), 3);
    }
    line.push(b',');

    push_note(line, rng, kind);
    line.push(b',');

    day.push_iso(line);
    line.push(b'T');
    push_uint(line, ms / 3_600_000, 2);
    line.push(b':');
    push_uint(line, ms / 60_000 % 60, 2);
    line.push(b':');
    push_uint(line, ms / 1000 % 60, 2);
    line.push(b'.');
    push_uint(line, ms % 1000, 3);
    // Summer time, roughly: the offset changes only between days, so instants
    // stay in order too.
    let offset: &[u8] = if (4..=10).contains(&day.m) {
        b"+02:00"
    } else {
        b"+01:00"
    };
    line.extend_from_slice(offset);
    line.push(b'\n');
}

fn pick_kind(roll: u64) -> &'static str {
    let mut left = roll;
    for (kind, weight) in KINDS {
        if left < weight {
            return kind;
        }
        left -= weight;
    }
    KINDS[0].0
}

fn push_note(line: &mut Vec<u8>, rng: &mut SplitMix64, kind: &str) {
    let roll = rng.below(100);
    if roll < 10 {
        push_quoted(line, QUOTED[rng.below(QUOTED.len() as u64) as usize]);
    } else if kind == "checkin" && roll < 55 {
        // Many check-ins are just a mood.
    } else {
        line.extend_from_slice(DOINGS[rng.below(DOINGS.len() as u64) as usize].as_bytes());
        line.extend_from_slice(TAILS[rng.below(TAILS.len() as u64) as usize].as_bytes());
    }
}

fn push_quoted(line: &mut Vec<u8>, text: &str) {
    line.push(b'"');
    for &b in text.as_bytes() {
        if b == b'"' {
            line.push(b'"');
        }
        line.push(b);
    }
    line.push(b'"');
}

/// Row i's id: 10 letters of couple's alphabet from a bijection of i on 50
/// bits, so ids look random but never collide.
fn push_id(line: &mut Vec<u8>, i: u64) {
    const ALPHABET: &[u8; 32] = b"0123456789abcdefghjkmnpqrstvwxyz";
    const MASK: u64 = (1 << 50) - 1;
    // Each step (xor with a right shift, multiply by an odd number) is a
    // bijection modulo 2^50.
    let mut x = (i ^ SEED) & MASK;
    x ^= x >> 23;
    x = x.wrapping_mul(0x2545_f491_4f6c_dd1d) & MASK;
    x ^= x >> 27;
    x = x.wrapping_mul(0x9e37_79b9_7f4a_7c15) & MASK;
    x ^= x >> 25;
    for k in (0..10).rev() {
        line.push(ALPHABET[((x >> (5 * k)) & 31) as usize]);
    }
}

fn push_uint(line: &mut Vec<u8>, value: u64, width: usize) {
    let mut digits = [b'0'; 20];
    let mut v = value;
    let mut len = 0;
    while v > 0 || len == 0 {
        digits[19 - len] = b'0' + (v % 10) as u8;
        v /= 10;
        len += 1;
    }
    let len = len.max(width);
    line.extend_from_slice(&digits[20 - len..]);
}

#[derive(Clone, Copy, PartialEq)]
struct Date {
    y: u64,
    m: u64,
    d: u64,
}

impl Date {
    fn next(self) -> Date {
        let leap =
            self.y.is_multiple_of(4) && (!self.y.is_multiple_of(100) || self.y.is_multiple_of(400));
        let month_len = match self.m {
            2 if leap => 29,
            2 => 28,
            4 | 6 | 9 | 11 => 30,
            _ => 31,
        };
        match (self.d < month_len, self.m < 12) {
            (true, _) => Date {
                d: self.d + 1,
                ..self
            },
            (false, true) => Date {
                m: self.m + 1,
                d: 1,
                ..self
            },
            (false, false) => Date {
                y: self.y + 1,
                m: 1,
                d: 1,
            },
        }
    }

    fn days_until(self, last: Date) -> u64 {
        let mut day = self;
        let mut count = 0;
        while day != last {
            day = day.next();
            count += 1;
        }
        count
    }

    fn push_iso(self, line: &mut Vec<u8>) {
        push_uint(line, self.y, 4);
        line.push(b'-');
        push_uint(line, self.m, 2);
        line.push(b'-');
        push_uint(line, self.d, 2);
    }
}

/// splitmix64: tiny, fast, and the same stream everywhere.
struct SplitMix64(u64);

impl SplitMix64 {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A number in 0..n (the tiny modulo bias does not matter here).
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}
