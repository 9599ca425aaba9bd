//! `goals.csv`: the shared goals, read strictly.

use std::collections::HashSet;
use std::path::Path;

use csv::ByteRecord;

use super::table::{Schema, Table};
use crate::dates;
use crate::error::Result;
use crate::model::{Goal, Horizon, Status};

pub(crate) const GOALS_FILE: &str = "goals.csv";

/// A file must name the columns up to `created` to be read.
const SCHEMA: Schema = Schema {
    columns: &Goal::COLUMNS,
    required: 7,
};
const ID: usize = 0;
const TITLE: usize = 1;
const HORIZON: usize = 2;
const STATUS: usize = 3;
const OWNER: usize = 4;
const DUE: usize = 5;
const CREATED: usize = 6;
const CLOSED: usize = 7;
const NOTE: usize = 8;
const UPDATED_AT: usize = 9;

/// Every goal of `DIR/goals.csv`, in file order; none when it does not exist.
pub(crate) fn read(dir: &Path) -> Result<Vec<Goal>> {
    let Some(bytes) = super::read_if_exists(&dir.join(GOALS_FILE))? else {
        return Ok(Vec::new());
    };
    let mut table = Table::open(GOALS_FILE, bytes.as_slice(), &SCHEMA)?;
    let mut record = ByteRecord::new();
    let mut goals = Vec::new();
    let mut ids = HashSet::new();
    while table.next(&mut record)? {
        if record.iter().all(|cell| cell.trim_ascii().is_empty()) {
            continue; // a blank spreadsheet row
        }
        let goal = row(&table, &record)?;
        if !ids.insert(goal.id.clone()) {
            return Err(table.value_error(&record, "id", &format!("{} appears twice", goal.id)));
        }
        goals.push(goal);
    }
    Ok(goals)
}

fn row(t: &Table<&[u8]>, record: &ByteRecord) -> Result<Goal> {
    let text = |column| t.text(record, column, &SCHEMA);
    let bad = |column: usize, problem: &str| t.value_error(record, SCHEMA.columns[column], problem);
    let required = |column| {
        let value = text(column)?.trim();
        if value.is_empty() {
            Err(bad(column, "is empty"))
        } else {
            Ok(value.to_string())
        }
    };
    let date = |column| {
        let raw = t.bytes(record, column).trim_ascii();
        if raw.is_empty() {
            return Ok(None);
        }
        dates::parse_file_date(raw).map(Some).map_err(|problem| {
            bad(column, &problem).with_hint(
                "if a spreadsheet changed the dates, format that column as text YYYY-MM-DD",
            )
        })
    };

    let horizon = text(HORIZON)?.trim().to_ascii_lowercase();
    let horizon = Horizon::parse(&horizon).ok_or_else(|| {
        bad(HORIZON, &format!("{horizon:?} is not a horizon"))
            .with_hint("horizons: month, year, someday")
    })?;
    let status = text(STATUS)?.trim().to_ascii_lowercase();
    let status = Status::parse(&status).ok_or_else(|| {
        bad(STATUS, &format!("{status:?} is not a status"))
            .with_hint("statuses: open, done, dropped")
    })?;
    Ok(Goal {
        id: required(ID)?,
        title: required(TITLE)?,
        horizon,
        status,
        owner: required(OWNER)?,
        due: date(DUE)?,
        created: date(CREATED)?.ok_or_else(|| bad(CREATED, "is empty"))?,
        closed: date(CLOSED)?,
        note: text(NOTE)?.to_string(),
        updated_at: text(UPDATED_AT)?.trim().to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEADER: &str = "id,title,horizon,status,owner,due,created,closed,note,updated_at\n";

    fn read_str(csv: &str) -> Result<Vec<Goal>> {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join(GOALS_FILE), csv).unwrap();
        read(dir.path())
    }

    #[test]
    fn goals_are_read_by_column_name() {
        let csv = "\u{feff}note,id,title,horizon,status,owner,due,created,extra\r\n\
                   \"a, b\",g1,Walk the Camino,someday,open,us,,2026-01-02,x\r\n";
        let goals = read_str(csv).unwrap();
        assert_eq!(goals.len(), 1);
        assert_eq!(goals[0].title, "Walk the Camino");
        assert_eq!(goals[0].note, "a, b");
        assert_eq!(goals[0].horizon, Horizon::Someday);
        assert_eq!(goals[0].due, None);
        assert_eq!(goals[0].closed, None);
    }

    #[test]
    fn a_missing_file_has_no_goals() {
        let dir = tempfile::tempdir().unwrap();
        assert!(read(&dir.path().join("nowhere")).unwrap().is_empty());
    }

    #[test]
    fn bad_cells_name_line_and_column() {
        let cases = [
            (
                "g1,T,soon,open,us,,2026-01-02,,,\n",
                "column horizon: \"soon\" is not a horizon",
            ),
            (
                "g1,T,year,finished,us,,2026-01-02,,,\n",
                "column status: \"finished\" is not a status",
            ),
            (
                "g1,T,year,open,us,46082,2026-01-02,,,\n",
                "column due: \"46082\" looks like",
            ),
            ("g1,T,year,open,us,,,,,\n", "column created: is empty"),
            (
                "g1,,year,open,us,,2026-01-02,,,\n",
                "column title: is empty",
            ),
        ];
        for (row, want) in cases {
            let err = read_str(&format!("{HEADER}{row}")).unwrap_err();
            assert_eq!(err.exit_code(), 65, "{row}");
            assert!(
                err.message.starts_with("goals.csv line 2: "),
                "{}",
                err.message
            );
            assert!(err.message.contains(want), "{}", err.message);
        }
    }

    #[test]
    fn a_repeated_id_is_refused() {
        let csv =
            format!("{HEADER}g1,A,year,open,us,,2026-01-02,,,\ng1,B,year,open,us,,2026-01-02,,,\n");
        let err = read_str(&csv).unwrap_err();
        assert_eq!(err.message, "goals.csv line 3: column id: g1 appears twice");
    }
}
