//! Decks: the built-in one, a user's `prompts.csv`, a `--deck FILE`.

use std::collections::HashSet;
use std::fs;
use std::io;
use std::path::Path;

use chrono::NaiveDate;

use super::fsx;
use super::log::{self, Look};
use super::quiet::{self, Quiet};
use super::read_if_exists;
use super::schema::{Cell, Column, Problem, Reader, Record};
use super::settings::{self, Settings};
use crate::deck::{self, Pin};
use crate::error::{Error, Result};
use crate::model::{Depth, Joins, Prompt};

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

/// The deck edition in use: the couple's pinned one (settings.csv), or
/// every prompt of a `--deck` file.
pub(crate) fn pin(dir: &Path, settings: &Settings, deck_file_named: Option<&Path>) -> Result<Pin> {
    if deck_file_named.is_some() {
        return Ok(Pin::always(deck::NEWEST_EDITION));
    }
    settings::deck_pin(dir, settings)
}

/// The question of the day for `date`: of `prompts` (a filter's choice),
/// those in play that day under `pin`, after the skips of that day that
/// the end of log.csv records (looked for as `look` says). Reads no more
/// of the log than its last 64 KiB.
pub(crate) fn question_of_the_day<'d>(
    dir: &Path,
    prompts: &[&'d Prompt],
    pin: Pin,
    date: NaiveDate,
    look: Look,
) -> Result<Option<&'d Prompt>> {
    let in_play = deck::in_play(prompts, pin.edition_on(date), date);
    let skipped = log::skipped_on(dir, date, look)?;
    let skipped: Vec<&str> = skipped.iter().map(String::as_str).collect();
    Ok(deck::question_after_skips(&in_play, date, &skipped))
}

/// Whether the data directory holds prompts of the couple's own
/// (`prompts.csv`, plain or encrypted): a look at two names, no read.
/// Anything but "not found" (a file, a directory, no permission, a link
/// to nowhere) counts: [`load`] then reads it, and says what is wrong with
/// it.
pub(crate) fn has_own(dir: &Path) -> bool {
    let own = dir.join(PROMPTS_FILE);
    let absent = |path: &Path| {
        fs::symlink_metadata(path).is_err_and(|e| e.kind() == io::ErrorKind::NotFound)
    };
    !(absent(&own) && absent(&super::crypt::sealed_path(&own)))
}

/// Whether the couple's own prompts are encrypted and this machine's key
/// asks for a passphrase to open them (see [`super::quiet`]).
pub(crate) fn own_need_a_passphrase(dir: &Path) -> Result<bool> {
    Ok(
        matches!(quiet::open(&dir.join(PROMPTS_FILE))?, Some(Quiet::Locked))
            && quiet::key_needs_passphrase(),
    )
}

/// The question of the day for `date` as [`question_of_the_day`] gives it
/// over [`load`]'s deck when that is the built-in deck alone (no `--deck`,
/// not [`has_own`]), without making a thousand prompts first.
pub(crate) fn builtin_question_of_the_day(
    dir: &Path,
    pin: Pin,
    date: NaiveDate,
    look: Look,
) -> Result<Option<Prompt>> {
    let skipped = log::skipped_on(dir, date, look)?;
    let skipped: Vec<&str> = skipped.iter().map(String::as_str).collect();
    Ok(deck::builtin_question(pin.edition_on(date), date, &skipped))
}

/// The user's own prompts, `DIR/prompts.csv`, as (display name, bytes).
fn user_deck(dir: &Path) -> Result<Option<(String, Vec<u8>)>> {
    let path = dir.join(PROMPTS_FILE);
    Ok(read_if_exists(&path)?.map(|bytes| (PROMPTS_FILE.to_string(), bytes)))
}

/// A deck file named on the command line, as (display name, bytes).
fn deck_file(path: &Path) -> Result<(String, Vec<u8>)> {
    let bytes = fsx::read(path).map_err(|err| {
        let e = Error::io("cannot read deck", path, &err);
        if err.kind() == io::ErrorKind::NotFound {
            Error::usage(e.message)
        } else {
            e
        }
    })?;
    Ok((path.display().to_string(), bytes))
}

/// The columns of a deck file (`prompts.csv`, `--deck FILE`): all but
/// `added` required; cells are trimmed.
impl Record for Prompt {
    const COLUMNS: &'static [Column<Self>] = &[
        Column::required(
            "id",
            |p, cell| {
                let id = trimmed(cell)?;
                if id.is_empty() || id.chars().any(char::is_whitespace) {
                    return Err(Problem::new("must be one word, like listening-012"));
                }
                p.id = id.to_string().into();
                Ok(())
            },
            |p, csv| csv.text(&p.id),
        ),
        Column::required(
            "theme",
            |p, cell| {
                p.theme = non_empty(cell)?.to_string().into();
                Ok(())
            },
            |p, csv| csv.text(&p.theme),
        ),
        Column::required(
            "depth",
            |p, cell| {
                let depth = trimmed(cell)?;
                p.depth = Depth::from_bytes(depth.as_bytes())
                    .ok_or_else(|| Problem::new(format!("{depth:?} is neither light nor deep")))?;
                Ok(())
            },
            |p, csv| csv.text(p.depth.as_str()),
        ),
        Column::required(
            "text",
            |p, cell| {
                p.text = non_empty(cell)?.to_string().into();
                Ok(())
            },
            |p, csv| csv.text(&p.text),
        ),
        // The day a user's prompt joins the rotation; empty: from the start.
        Column::optional(
            "added",
            |p, cell| {
                let added = cell.optional_date()?;
                p.joins = Joins::Added(added);
                Ok(())
            },
            |p, csv| match p.joins {
                Joins::Added(added) => csv.optional_date(added),
                Joins::Edition(_) => csv.text(""),
            },
        ),
    ];
}

fn trimmed(cell: Cell<'_>) -> Result<&str, Problem> {
    cell.text().map(str::trim)
}

fn non_empty(cell: Cell<'_>) -> Result<&str, Problem> {
    let text = trimmed(cell)?;
    if text.is_empty() {
        return Err(Problem::new("is empty"));
    }
    Ok(text)
}

/// Parses a deck named `name` (as errors show it) from its CSV bytes.
pub(crate) fn parse(name: &str, bytes: &[u8]) -> Result<Vec<Prompt>> {
    Ok(parse_with_lines(name, bytes)?
        .into_iter()
        .map(|(prompt, _)| prompt)
        .collect())
}

/// The prompts of a deck, each with the line it starts on.
fn parse_with_lines(name: &str, bytes: &[u8]) -> Result<Vec<(Prompt, u64)>> {
    let mut reader = Reader::<_, Prompt>::open(name, bytes)?.skipping_blank_rows();
    let mut prompts: Vec<(Prompt, u64)> = Vec::new();
    let mut ids = HashSet::new();
    let mut prompt = Prompt::default();
    while reader.next(&mut prompt, |_| true)? {
        if !ids.insert(prompt.id.clone()) {
            return Err(Problem::new(format!("{} appears twice", prompt.id)).at(
                name,
                reader.line(),
                "id",
            ));
        }
        prompts.push((prompt.clone(), reader.line()));
    }
    Ok(prompts)
}

/// Adds the prompts of a user's deck to `deck`, refusing an id the deck
/// already has (answers refer to ids, so one id must mean one question).
pub(crate) fn extend(deck: &mut Vec<Prompt>, name: &str, bytes: &[u8]) -> Result<()> {
    let known: HashSet<&str> = deck.iter().map(|p| &*p.id).collect();
    let extra = parse_with_lines(name, bytes)?;
    if let Some((clash, at)) = extra.iter().find(|(p, _)| known.contains(&*p.id)) {
        return Err(Error::data(
            name,
            *at,
            format!("id {} is already in the built-in deck", clash.id),
        )
        .with_hint("give your own prompts ids of their own, like mine-001"));
    }
    deck.extend(extra.into_iter().map(|(prompt, _)| prompt));
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
    fn the_added_column_is_optional_and_checked() {
        let csv = "id,theme,depth,text,added\na-1,play,light,one,\na-2,play,light,two,2026-11-30\n";
        let deck = parse("d.csv", csv.as_bytes()).unwrap();
        assert_eq!(deck[0].joins, Joins::Added(None));
        assert_eq!(
            deck[1].joins,
            Joins::Added(crate::dates::parse_iso(b"2026-11-30"))
        );
        let err = parse(
            "d.csv",
            b"id,theme,depth,text,added\na-1,play,light,one,soon\n",
        )
        .unwrap_err();
        assert!(
            err.message.starts_with("d.csv line 2: column added: "),
            "{}",
            err.message
        );
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
