//! Decks: the built-in one, a user's `prompts.csv`, a `--deck FILE`.

use std::collections::HashSet;
use std::fs;
use std::io;
use std::path::Path;

use csv::ByteRecord;

use super::read_if_exists;
use super::table::{Schema, Table, line};
use crate::deck;
use crate::error::{Error, Result};
use crate::model::{Depth, Prompt};

pub(crate) const PROMPTS_FILE: &str = "prompts.csv";

/// The deck a command works with: the `--deck` file alone when one is
/// named, else the built-in deck plus the user's `DIR/prompts.csv`.
pub(crate) fn load(dir: &Path, deck_file_named: Option<&Path>) -> Result<Vec<Prompt>> {
    if let Some(path) = deck_file_named {
        let (name, bytes) = deck_file(path)?;
        return parse(&name, &bytes);
    }
    let mut deck = deck::builtin();
    if let Some((name, bytes)) = user_deck(dir)? {
        extend(&mut deck, &name, &bytes)?;
    }
    Ok(deck)
}

/// The user's own prompts, `DIR/prompts.csv`, as (display name, bytes).
fn user_deck(dir: &Path) -> Result<Option<(String, Vec<u8>)>> {
    let path = dir.join(PROMPTS_FILE);
    Ok(read_if_exists(&path)?.map(|bytes| (PROMPTS_FILE.to_string(), bytes)))
}

/// A deck file named on the command line, as (display name, bytes).
fn deck_file(path: &Path) -> Result<(String, Vec<u8>)> {
    let bytes = fs::read(path).map_err(|err| {
        let e = Error::io("cannot read deck", path, &err);
        if err.kind() == io::ErrorKind::NotFound {
            Error::usage(e.message)
        } else {
            e
        }
    })?;
    Ok((path.display().to_string(), bytes))
}

const SCHEMA: Schema = Schema {
    columns: &["id", "theme", "depth", "text"],
    required: 4,
};
const ID: usize = 0;
const THEME: usize = 1;
const DEPTH: usize = 2;
const TEXT: usize = 3;

/// Parses a deck named `name` (as errors show it) from its CSV bytes.
pub(crate) fn parse(name: &str, bytes: &[u8]) -> Result<Vec<Prompt>> {
    let mut table = Table::open(name, bytes, &SCHEMA)?;
    let mut record = ByteRecord::new();
    let mut prompts = Vec::new();
    let mut ids = HashSet::new();
    while table.next(&mut record)? {
        let id = table.text(&record, ID, &SCHEMA)?.trim();
        let theme = table.text(&record, THEME, &SCHEMA)?.trim();
        let depth = table.text(&record, DEPTH, &SCHEMA)?.trim();
        let text = table.text(&record, TEXT, &SCHEMA)?.trim();
        if id.is_empty() && theme.is_empty() && depth.is_empty() && text.is_empty() {
            continue; // a blank spreadsheet row
        }
        if id.is_empty() || id.chars().any(char::is_whitespace) {
            return Err(table.value_error(&record, "id", "must be one word, like listening-012"));
        }
        if !ids.insert(id.to_string()) {
            return Err(table.value_error(&record, "id", &format!("{id} appears twice")));
        }
        if theme.is_empty() {
            return Err(table.value_error(&record, "theme", "is empty"));
        }
        let depth = Depth::from_bytes(depth.as_bytes()).ok_or_else(|| {
            table.value_error(
                &record,
                "depth",
                &format!("{depth:?} is neither light nor deep"),
            )
        })?;
        if text.is_empty() {
            return Err(table.value_error(&record, "text", "is empty"));
        }
        prompts.push(Prompt {
            id: id.to_string().into(),
            theme: theme.to_string().into(),
            depth,
            text: text.to_string().into(),
        });
    }
    Ok(prompts)
}

/// Adds the prompts of a user's deck to `deck`, refusing an id the deck
/// already has (answers refer to ids, so one id must mean one question).
pub(crate) fn extend(deck: &mut Vec<Prompt>, name: &str, bytes: &[u8]) -> Result<()> {
    let known: HashSet<&str> = deck.iter().map(|p| &*p.id).collect();
    let extra = parse(name, bytes)?;
    if let Some(clash) = extra.iter().find(|p| known.contains(&*p.id)) {
        // Find the line again for the message; decks are small.
        let mut table = Table::open(name, bytes, &SCHEMA)?;
        let mut record = ByteRecord::new();
        let mut at = 0;
        while table.next(&mut record)? {
            if table.bytes(&record, ID).trim_ascii() == clash.id.as_bytes() {
                at = line(&record);
                break;
            }
        }
        return Err(Error::data(
            name,
            at,
            format!("id {} is already in the built-in deck", clash.id),
        )
        .with_hint("give your own prompts ids of their own, like mine-001"));
    }
    deck.extend(extra);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_are_found_by_name_in_any_order() {
        let csv = "\u{feff}text,depth,id,theme,extra\r\n\"Hi, you?\",light,a-1,play,x\r\n";
        let deck = parse("d.csv", csv.as_bytes()).unwrap();
        assert_eq!(deck[0].id, "a-1");
        assert_eq!(deck[0].text, "Hi, you?");
        assert_eq!(deck[0].depth, Depth::Light);
    }

    #[test]
    fn a_ragged_row_names_its_line() {
        let csv = "id,theme,depth,text\na-1,play,light,ok\na-2,play,light\n";
        let err = parse("d.csv", csv.as_bytes()).unwrap_err();
        assert_eq!(err.message, "d.csv line 3: expected 4 fields, found 3");
        assert_eq!(err.exit_code(), 65);
    }

    #[test]
    fn a_bad_depth_names_line_and_column() {
        let csv = "id,theme,depth,text\na-1,play,medium,ok\n";
        let err = parse("d.csv", csv.as_bytes()).unwrap_err();
        assert_eq!(
            err.message,
            "d.csv line 2: column depth: \"medium\" is neither light nor deep"
        );
    }

    #[test]
    fn a_missing_column_is_named() {
        let err = parse("d.csv", b"id;theme;depth;text\n").unwrap_err();
        assert_eq!(
            err.message,
            "d.csv line 1: the header lacks the column(s) id, theme, depth, text"
        );
        assert!(err.hint.unwrap().contains("';'"));
    }

    #[test]
    fn invalid_utf8_names_the_line() {
        let err = parse("d.csv", b"id,theme,depth,text\na-1,play,light,caf\xe9\n").unwrap_err();
        assert_eq!(err.message, "d.csv line 2: column text: is not valid UTF-8");
    }

    #[test]
    fn a_user_prompt_may_not_reuse_a_built_in_id() {
        let mut deck = parse("a", b"id,theme,depth,text\nx-1,play,light,one\n").unwrap();
        let err = extend(
            &mut deck,
            "prompts.csv",
            b"id,theme,depth,text\nmine,play,light,two\nx-1,play,deep,three\n",
        )
        .unwrap_err();
        assert_eq!(
            err.message,
            "prompts.csv line 3: id x-1 is already in the built-in deck"
        );
    }
}
