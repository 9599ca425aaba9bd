//! Compiles the built-in decks (src/deck/prompts.csv, src/deck/ideas.csv)
//! into static tables, so `couple prompt`, which runs in every new shell,
//! parses nothing at start-up. The strings all live in one `TEXT`, and the
//! tables hold offsets into it, not pointers: a table of a thousand `&str`
//! would cost the dynamic loader thousands of relocations at every start.
//! Writes only into OUT_DIR.

use std::fmt::Write as _;
use std::path::PathBuf;

fn main() {
    let mut code = String::new();
    let mut text = Text::default();
    prompts(&mut code, &mut text);
    ideas(&mut code, &mut text);
    writeln!(
        code,
        "/// Every string of the built-in decks, end to end.\nstatic TEXT: &str = {:?};",
        text.all
    )
    .expect("writing to a String");
    let out =
        PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR")).join("deck.rs");
    std::fs::write(out, code).expect("OUT_DIR is writable");
}

/// The strings of the decks, each stored once.
#[derive(Default)]
struct Text {
    all: String,
    seen: std::collections::HashMap<String, (usize, usize)>,
}

impl Text {
    /// `Span(start, end)` of `s` in the text, as Rust source.
    fn span(&mut self, s: &str) -> String {
        let (start, end) = *self.seen.entry(s.to_string()).or_insert_with(|| {
            let start = self.all.len();
            self.all.push_str(s);
            (start, self.all.len())
        });
        format!("Span({start}, {end})")
    }
}

/// Reads a deck file: its rows in id order, and a column finder.
fn read(source: &str, columns: &[&str]) -> (Vec<csv::StringRecord>, Vec<usize>) {
    println!("cargo::rerun-if-changed={source}");
    let mut reader =
        csv::Reader::from_path(source).unwrap_or_else(|e| panic!("{source} is readable: {e}"));
    let headers = reader.headers().expect("the deck has a header").clone();
    let positions: Vec<usize> = columns
        .iter()
        .map(|name| {
            headers
                .iter()
                .position(|h| h == *name)
                .unwrap_or_else(|| panic!("{source} lacks the column {name}"))
        })
        .collect();
    let mut records: Vec<csv::StringRecord> = reader
        .records()
        .enumerate()
        .map(|(at, record)| record.unwrap_or_else(|e| panic!("{source} row {}: {e}", at + 2)))
        .collect();
    // In id order: the question of the day is defined over that order, and
    // a deck already in it needs no sort at start-up.
    let id = positions[0];
    records.sort_by(|a, b| a[id].cmp(&b[id]));
    (records, positions)
}

fn edition(source: &str, at: usize, text: &str) -> u8 {
    text.parse::<u8>()
        .ok()
        .filter(|&e| e >= 1)
        .unwrap_or_else(|| panic!("{source} row {}: edition {text:?}", at + 2))
}

fn prompts(code: &mut String, text: &mut Text) {
    let source = "src/deck/prompts.csv";
    let (records, at) = read(source, &["id", "theme", "depth", "edition", "text"]);
    let (id, theme, depth, edition_at, text_at) = (at[0], at[1], at[2], at[3], at[4]);
    let mut newest = 0;
    code.push_str(
        "/// The built-in deck: (id, theme, depth, edition, text), in id order.\n\
         #[allow(clippy::unreadable_literal)]\n\
         static BUILTIN: &[(Span, Span, crate::model::Depth, u8, Span)] = &[\n",
    );
    for (row, record) in records.iter().enumerate() {
        let depth = match &record[depth] {
            "light" => "Light",
            "deep" => "Deep",
            other => panic!("{source} row {}: depth {other:?}", row + 2),
        };
        let added = edition(source, row, &record[edition_at]);
        newest = newest.max(added);
        let (id, theme, prompt) = (
            text.span(&record[id]),
            text.span(&record[theme]),
            text.span(&record[text_at]),
        );
        writeln!(
            code,
            "    ({id}, {theme}, crate::model::Depth::{depth}, {added}, {prompt}),"
        )
        .expect("writing to a String");
    }
    code.push_str("];\n");
    writeln!(
        code,
        "/// The newest edition of the built-in deck this binary holds.\n\
         pub(crate) const NEWEST_EDITION: u8 = {newest};"
    )
    .expect("writing to a String");
}

fn ideas(code: &mut String, text: &mut Text) {
    let source = "src/deck/ideas.csv";
    let (records, at) = read(source, &["id", "kind", "edition", "text"]);
    let (id, kind, edition_at, text_at) = (at[0], at[1], at[2], at[3]);
    code.push_str(
        "/// The built-in ideas: (id, kind, text), in id order.\n\
         #[allow(clippy::unreadable_literal)]\n\
         static IDEAS: &[(Span, crate::model::IdeaKind, Span)] = &[\n",
    );
    for (row, record) in records.iter().enumerate() {
        let kind = match &record[kind] {
            "us-time" => "UsTime",
            "care" => "Care",
            other => panic!("{source} row {}: kind {other:?}", row + 2),
        };
        edition(source, row, &record[edition_at]);
        let (id, idea) = (text.span(&record[id]), text.span(&record[text_at]));
        writeln!(code, "    ({id}, crate::model::IdeaKind::{kind}, {idea}),")
            .expect("writing to a String");
    }
    code.push_str("];\n");
}
