//! `goals.csv`: read whole (a couple has dozens of goals, not millions),
//! changed only by a read-modify-write under the lock, and rewritten
//! atomically in the file's own column order, line ends and BOM, with the
//! users' own columns and their values kept. Sync-conflict copies are read
//! with it (see `merge`) and folded into it by the next write.

pub(crate) mod merge;

use std::collections::HashMap;
use std::io::Write;
use std::path::{Path, PathBuf};

use super::fsx::{self, Lock};
use super::read_if_exists;
use super::schema::{Column, Document, Problem, Record, Stored};
use super::{conflicts, crypt};
use crate::error::Result;
use crate::model::{Changes, Goal, Horizon, Status};
use crate::printer::{Warned, Warning};

pub(crate) const GOALS_FILE: &str = "goals.csv";
/// The column of per-field change stamps (see `model::goal_merge`).
const CHANGED: &str = "changed";

/// The columns of goals.csv, in the order a new file gets them. A file must
/// name at least id, title, horizon and status to be read; the other
/// columns read as empty when missing, and a rewrite adds them at the end.
impl Record for Goal {
    const COLUMNS: &'static [Column<Self>] = &[
        Column::required(
            "id",
            |g, cell| {
                cell.text_into(&mut g.id)?;
                if g.id.is_empty() || g.id.chars().any(char::is_whitespace) {
                    return Err(Problem::new("must be one word, like 7kq3m2xa").hint(
                        "`couple goals add` makes ids; for a row of your own, any unique word will do",
                    ));
                }
                Ok(())
            },
            |g, csv| csv.text(&g.id),
        ),
        Column::required(
            "title",
            |g, cell| {
                cell.text_into(&mut g.title)?;
                if g.title.trim().is_empty() {
                    return Err(Problem::new("is empty"));
                }
                Ok(())
            },
            |g, csv| csv.text(&g.title),
        ),
        Column::required(
            "horizon",
            |g, cell| {
                let text = cell.text()?;
                g.horizon = Horizon::from_bytes(text.as_bytes()).ok_or_else(|| {
                    Problem::new(format!("{text:?} is not a horizon"))
                        .hint("a horizon is month, year or someday")
                })?;
                Ok(())
            },
            |g, csv| csv.text(g.horizon.as_str()),
        ),
        Column::required(
            "status",
            |g, cell| {
                let text = cell.text()?;
                g.status = Status::from_bytes(text.as_bytes()).ok_or_else(|| {
                    Problem::new(format!("{text:?} is not a status"))
                        .hint("a status is open, done or dropped")
                })?;
                Ok(())
            },
            |g, csv| csv.text(g.status.as_str()),
        ),
        Column::optional(
            "owner",
            |g, cell| {
                let owner = cell.text()?;
                // An owner left blank in a spreadsheet is both of you.
                g.owner = if owner.trim().is_empty() { "us" } else { owner }.to_string();
                Ok(())
            },
            |g, csv| csv.text(&g.owner),
        ),
        Column::optional(
            "due",
            |g, cell| {
                g.due = cell.optional_date()?;
                Ok(())
            },
            |g, csv| csv.optional_date(g.due),
        ),
        Column::optional(
            "created",
            |g, cell| {
                g.created = cell.optional_date()?.ok_or_else(|| {
                    Problem::new("is empty").hint("write the day the goal was added, as YYYY-MM-DD")
                })?;
                Ok(())
            },
            |g, csv| csv.date(g.created),
        ),
        Column::optional(
            "closed",
            |g, cell| {
                g.closed = cell.optional_date()?;
                Ok(())
            },
            |g, csv| csv.optional_date(g.closed),
        ),
        Column::optional(
            "note",
            |g, cell| cell.text_into(&mut g.note),
            |g, csv| csv.text(&g.note),
        ),
        Column::optional(
            "updated_at",
            |g, cell| cell.text_into(&mut g.updated_at),
            |g, csv| csv.text(&g.updated_at),
        ),
        Column::optional(
            CHANGED,
            |g, cell| {
                g.changed = Changes::parse(cell.text()?).map_err(|problem| {
                    Problem::new(problem).hint(
                        "couple keeps when each field changed here; empty the cell if in doubt",
                    )
                })?;
                Ok(())
            },
            |g, csv| csv.text(&g.changed.to_string()),
        ),
    ];
}

/// A goal as it stands in goals.csv, with the rest of its row.
pub(crate) type StoredGoal = Stored<Goal>;

/// The file as read: its shape, to write it back the same way, and its goals.
type GoalsFile = Document<Goal>;

/// Every goal in `DIR/goals.csv`, in file order, then those only its
/// sync-conflict copies hold; each goal once, in its latest version. A
/// missing file has none.
pub(crate) fn read(dir: &Path) -> Result<Vec<Goal>> {
    let (file, _, _) = read_merged(dir)?;
    Ok(file.rows.into_iter().map(|s| s.record).collect())
}

/// `DIR/goals.csv` with its sync-conflict copies merged in; the copies'
/// paths; and what merging them did.
fn read_merged(dir: &Path) -> Result<(GoalsFile, Vec<PathBuf>, merge::Outcome)> {
    let bytes = read_if_exists(&dir.join(GOALS_FILE))?.unwrap_or_default();
    let mut file = parse(GOALS_FILE, &bytes)?;
    let copies = conflicts::copies(dir, GOALS_FILE)?;
    let mut outcome = merge::Outcome::default();
    for copy in &copies {
        // A copy another writer just moved aside reads as empty: its goals
        // are in goals.csv by then.
        let bytes = conflicts::read(copy)?.unwrap_or_default();
        let name = conflicts::display_name(copy);
        let step = file.merge(parse(&name, &bytes)?, None, [GOALS_FILE, &name]);
        outcome.changed |= step.changed;
        outcome.overwritten.extend(step.overwritten);
    }
    Ok((file, copies, outcome))
}

/// Reads the goals under the lock, lets `change` change them, and writes
/// them back atomically, the lock held throughout so that two writers never
/// lose each other's change. Nothing is written when the file does not
/// parse, when `change` fails, or when it changed nothing. Each field
/// `change` changed is stamped (in `changed`) with the goal's new
/// `updated_at`, for merging it with another machine's version later.
///
/// Sync-conflict copies are merged in before `change` sees the goals; once
/// the merged goals are safely in goals.csv, the copies move to
/// `DIR/.merged/`, and a value the merge overwrote (a field both machines
/// changed) is warned about and kept there.
///
/// When the data directory does not exist yet, `change` first runs on no
/// goals without creating anything (so a refusal leaves no trace), and runs
/// again under the lock if it changed something: it must only change the
/// goals it is given.
pub(crate) fn update<T>(
    dir: &Path,
    mut change: impl FnMut(&mut Vec<StoredGoal>) -> Result<T>,
) -> Result<Warned<T>> {
    if !dir.exists() {
        let mut goals = Vec::new();
        let value = change(&mut goals)?;
        if goals.is_empty() {
            return Ok(Warned::new(value, Vec::new()));
        }
    }
    let mut warnings: Vec<Warning> = fsx::ensure_dir(dir)?.into_iter().collect();
    let _lock = Lock::acquire(dir)?;
    let (mut file, copies, merged) = read_merged(dir)?;
    let before = file.rows.clone();
    let value = change(&mut file.rows)?;
    if file.rows != before {
        stamp_changes(&mut file.rows, &before);
    }
    if merged.changed || file.rows != before {
        fsx::replace(&dir.join(GOALS_FILE), |out| write(out, &file))?;
    }
    // Only now is everything the copies held in goals.csv.
    warnings.extend(conflicts::set_aside(dir, &copies)?);
    warnings.extend(merge::keep_overwritten(
        dir,
        &merged.overwritten,
        crypt::is_on(dir),
    )?);
    Ok(Warned::new(value, warnings))
}

/// Folds goals.csv's sync-conflict copies (and a plain twin) into it and
/// sets them aside, as [`update`] does before a change: for `crypt on`
/// and `off`. Call with the lock held.
pub(crate) fn fold_copies(dir: &Path) -> Result<Vec<Warning>> {
    let (file, copies, merged) = read_merged(dir)?;
    if merged.changed {
        fsx::replace(&dir.join(GOALS_FILE), |out| write(out, &file))?;
    }
    let mut warnings: Vec<Warning> = conflicts::set_aside(dir, &copies)?.into_iter().collect();
    warnings.extend(merge::keep_overwritten(
        dir,
        &merged.overwritten,
        crypt::is_on(dir),
    )?);
    Ok(warnings)
}

/// Stamps the fields of each goal that changed since `before`.
fn stamp_changes(goals: &mut [StoredGoal], before: &[StoredGoal]) {
    let was: HashMap<String, &Goal> = before
        .iter()
        .map(|s| (s.record.id.to_lowercase(), &s.record))
        .collect();
    for stored in goals {
        if let Some(&was) = was.get(&stored.record.id.to_lowercase())
            && *was != stored.record
        {
            stored.record.stamp_changes_since(was);
        }
    }
}

/// Reads one goals file; `name` is the file name its errors give.
pub(crate) fn parse(name: &str, bytes: &[u8]) -> Result<GoalsFile> {
    let mut lines: HashMap<String, u64> = HashMap::new();
    let mut file = Document::parse(name, bytes, |goal: &Goal, line| {
        match lines.insert(goal.id.to_lowercase(), line) {
            Some(first) => Err(
                Problem::new(format!("{} is also the id on line {first}", goal.id))
                    .hint("every goal needs an id of its own; change one of them")
                    .at(name, line, "id"),
            ),
            None => Ok(()),
        }
    })?;
    // `changed` joins a file only when a goal has a change to stamp (see
    // `write`): a file written before it existed keeps its shape till then.
    if !names_column(bytes, CHANGED) {
        file.header.retain(|h| h != CHANGED.as_bytes());
    }
    Ok(file)
}

/// Whether the header of `bytes` (a file that parsed) names `column`.
fn names_column(bytes: &[u8], column: &str) -> bool {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(bytes);
    let mut header = csv::ByteRecord::new();
    matches!(reader.read_byte_record(&mut header), Ok(true))
        && header.iter().any(|name| {
            String::from_utf8_lossy(name)
                .trim_start_matches('\u{feff}')
                .trim()
                .eq_ignore_ascii_case(column)
        })
}

/// Writes `file` in its own shape, with the `changed` column once a goal
/// has a change stamped.
pub(crate) fn write(out: &mut dyn Write, file: &GoalsFile) -> Result<()> {
    let has_column = file.header.iter().any(|h| {
        String::from_utf8_lossy(h)
            .trim()
            .eq_ignore_ascii_case(CHANGED)
    });
    if has_column || file.rows.iter().all(|s| s.record.changed.is_empty()) {
        return file.write(out, GOALS_FILE);
    }
    let mut header = file.header.clone();
    header.push(CHANGED.as_bytes().to_vec());
    GoalsFile {
        header,
        crlf: file.crlf,
        bom: file.bom,
        rows: file.rows.clone(),
    }
    .write(out, GOALS_FILE)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn round_trip(input: &str) -> String {
        let file = parse(GOALS_FILE, input.as_bytes()).unwrap();
        let mut out = Vec::new();
        write(&mut out, &file).unwrap();
        String::from_utf8(out).unwrap()
    }

    const HEADER: &str = "id,title,horizon,status,owner,due,created,closed,note,updated_at";

    #[test]
    fn a_file_written_by_couple_round_trips_byte_for_byte() {
        let input = format!(
            "{HEADER}\nab12cd34,\"Paris, at last\",year,open,us,2027-05-01,2026-11-01,,\"say \"\"oui\"\"\",2026-11-01T10:00:00.000+00:00\n"
        );
        assert_eq!(round_trip(&input), input);
    }

    #[test]
    fn a_spreadsheet_file_keeps_its_bom_crlf_order_and_own_columns() {
        let input = "\u{feff}title,mood,id,status,horizon,created\r\nTango,\"keen, very\",ab12cd34,open,someday,2026-01-02\r\n";
        let output = round_trip(input);
        assert_eq!(
            output,
            "\u{feff}title,mood,id,status,horizon,created,owner,due,closed,note,updated_at\r\n\
             Tango,\"keen, very\",ab12cd34,open,someday,2026-01-02,us,,,,\r\n"
        );
    }

    #[test]
    fn an_empty_file_gets_the_contract_header() {
        let file = parse(GOALS_FILE, b"").unwrap();
        let mut out = Vec::new();
        write(&mut out, &file).unwrap();
        assert_eq!(String::from_utf8(out).unwrap(), format!("{HEADER}\n"));
    }

    #[test]
    fn bad_values_name_the_line_and_column() {
        let cases = [
            (
                "ab,Tango,decade,open,us,,2026-01-02,,,",
                "line 2: column horizon: \"decade\" is not a horizon",
            ),
            (
                "ab,Tango,year,finished,us,,2026-01-02,,,",
                "line 2: column status: \"finished\" is not a status",
            ),
            (
                "ab,Tango,year,open,us,46082,2026-01-02,,,",
                "line 2: column due: \"46082\" looks like a spreadsheet's date serial number, not a YYYY-MM-DD date",
            ),
            (
                "ab,Tango,year,open,us,,,,,",
                "line 2: column created: is empty",
            ),
            (
                "ab, ,year,open,us,,2026-01-02,,,",
                "line 2: column title: is empty",
            ),
            (
                "a b,Tango,year,open,us,,2026-01-02,,,",
                "line 2: column id: must be one word, like 7kq3m2xa",
            ),
            (
                "ab,Tango,year,open,us",
                "line 2: expected 10 fields, found 5",
            ),
        ];
        for (row, want) in cases {
            let err = parse(GOALS_FILE, format!("{HEADER}\n{row}\n").as_bytes()).unwrap_err();
            assert_eq!(err.message, format!("goals.csv {want}"), "{row}");
            assert_eq!(err.exit_code(), 65);
        }
    }

    #[test]
    fn a_repeated_id_is_refused() {
        let input = format!(
            "{HEADER}\nab,One,year,open,us,,2026-01-02,,,\nAB,Two,year,open,us,,2026-01-02,,,\n"
        );
        let err = parse(GOALS_FILE, input.as_bytes()).unwrap_err();
        assert_eq!(
            err.message,
            "goals.csv line 3: column id: AB is also the id on line 2"
        );
    }
}
