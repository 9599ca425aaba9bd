//! Compiles the built-in deck (src/deck/prompts.csv) into a static table,
//! so `couple prompt`, which runs in every new shell, parses nothing at
//! start-up. Writes only into OUT_DIR.

use std::fmt::Write as _;
use std::path::PathBuf;

fn main() {
    let source = "src/deck/prompts.csv";
    println!("cargo::rerun-if-changed={source}");
    let mut reader = csv::Reader::from_path(source).expect("src/deck/prompts.csv is readable");
    let headers = reader.headers().expect("the deck has a header").clone();
    let column = |name: &str| {
        headers
            .iter()
            .position(|h| h == name)
            .unwrap_or_else(|| panic!("the deck lacks the column {name}"))
    };
    let (id, theme, depth, text) = (
        column("id"),
        column("theme"),
        column("depth"),
        column("text"),
    );
    let mut records: Vec<csv::StringRecord> = reader
        .records()
        .enumerate()
        .map(|(at, record)| record.unwrap_or_else(|e| panic!("{source} row {}: {e}", at + 2)))
        .collect();
    // In id order: the question of the day is defined over that order, and
    // a deck already in it needs no sort at start-up.
    records.sort_by(|a, b| a[id].cmp(&b[id]));
    let mut code = String::from("/// The built-in deck: (id, theme, depth, text), in id order.\n");
    code.push_str("pub(crate) static BUILTIN: &[(&str, &str, crate::model::Depth, &str)] = &[\n");
    for (at, record) in records.iter().enumerate() {
        let depth = match &record[depth] {
            "light" => "Light",
            "deep" => "Deep",
            other => panic!("{source} row {}: depth {other:?}", at + 2),
        };
        writeln!(
            code,
            "    ({:?}, {:?}, crate::model::Depth::{depth}, {:?}),",
            &record[id], &record[theme], &record[text]
        )
        .expect("writing to a String");
    }
    code.push_str("];\n");
    let out =
        PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR")).join("deck.rs");
    std::fs::write(out, code).expect("OUT_DIR is writable");
}
