//! Ideas: the built-in ideas deck, and the user's `DIR/ideas.csv`.

use std::collections::HashSet;
use std::path::Path;

use super::read_if_exists;
use super::schema::{Cell, Column, Problem, Reader, Record};
use crate::deck::ideas;
use crate::error::Result;
use crate::model::{Idea, IdeaKind};

pub(crate) const IDEAS_FILE: &str = "ideas.csv";

/// The built-in ideas plus the user's `DIR/ideas.csv`.
pub(crate) fn load(dir: &Path) -> Result<Vec<Idea>> {
    let mut all = ideas::builtin();
    if let Some(bytes) = read_if_exists(&dir.join(IDEAS_FILE))? {
        let known: HashSet<String> = all.iter().map(|i| i.id.to_string()).collect();
        all.extend(parse(IDEAS_FILE, &bytes, &known)?);
    }
    Ok(all)
}

/// The columns of an ideas file: all but `added` required; cells are
/// trimmed.
impl Record for Idea {
    const COLUMNS: &'static [Column<Self>] = &[
        Column::required(
            "id",
            |i, cell| {
                let id = trimmed(cell)?;
                if id.is_empty() || id.chars().any(char::is_whitespace) {
                    return Err(Problem::new("must be one word, like mine-001"));
                }
                i.id = id.to_string().into();
                Ok(())
            },
            |i, csv| csv.text(&i.id),
        ),
        Column::required(
            "kind",
            |i, cell| {
                let kind = trimmed(cell)?;
                i.kind = IdeaKind::from_bytes(kind.as_bytes())
                    .ok_or_else(|| Problem::new(format!("{kind:?} is neither us-time nor care")))?;
                Ok(())
            },
            |i, csv| csv.text(i.kind.as_str()),
        ),
        Column::required(
            "text",
            |i, cell| {
                let text = trimmed(cell)?;
                if text.is_empty() {
                    return Err(Problem::new("is empty"));
                }
                i.text = text.to_string().into();
                Ok(())
            },
            |i, csv| csv.text(&i.text),
        ),
        // The day a user's idea joins; empty: from the start.
        Column::optional(
            "added",
            |i, cell| {
                i.added = cell.optional_date()?;
                Ok(())
            },
            |i, csv| csv.optional_date(i.added),
        ),
    ];
}

fn trimmed(cell: Cell<'_>) -> Result<&str, Problem> {
    cell.text().map(str::trim)
}

/// Reads a user's ideas file, refusing an id the built-in deck (`known`)
/// or the file itself already has.
fn parse(name: &str, bytes: &[u8], known: &HashSet<String>) -> Result<Vec<Idea>> {
    let mut reader = Reader::<_, Idea>::open(name, bytes)?.skipping_blank_rows();
    let mut found: Vec<Idea> = Vec::new();
    let mut idea = Idea::default();
    while reader.next(&mut idea, |_| true)? {
        if known.contains(&*idea.id) {
            return Err(
                Problem::new(format!("{} is already a built-in idea", idea.id))
                    .hint("give your own ideas ids of their own, like mine-001")
                    .at(name, reader.line(), "id"),
            );
        }
        if found.iter().any(|i| i.id == idea.id) {
            return Err(Problem::new(format!("{} appears twice", idea.id)).at(
                name,
                reader.line(),
                "id",
            ));
        }
        found.push(idea.clone());
    }
    Ok(found)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_users_ideas_are_read_by_header_and_checked() {
        let known = HashSet::from(["care-001".to_string()]);
        let ideas = parse(
            "ideas.csv",
            b"kind,text,id\ncare,Warm the towel.,mine-1\n",
            &known,
        )
        .unwrap();
        assert_eq!(ideas[0].kind, IdeaKind::Care);
        assert_eq!(ideas[0].added, None);
        let err = parse("ideas.csv", b"id,kind,text\ncare-001,care,Again.\n", &known).unwrap_err();
        assert_eq!(
            err.message,
            "ideas.csv line 2: column id: care-001 is already a built-in idea"
        );
        let err = parse("ideas.csv", b"id,kind,text\nm,walk,Go.\n", &known).unwrap_err();
        assert_eq!(
            err.message,
            "ideas.csv line 2: column kind: \"walk\" is neither us-time nor care"
        );
        assert_eq!(err.exit_code(), 65);
    }
}
