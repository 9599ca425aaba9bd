//! Another version of goals.csv merged into it: a sync tool's conflict
//! copy, or (for git's merge driver) the other branch's file with the
//! common ancestor. Each goal once by id; of a goal both hold, each field
//! from the version that changed it last (`model::goal_merge`), the users'
//! own columns from the version changed last as a whole. A field both
//! changed is an [`Overwritten`]: the caller reports it once and keeps the
//! value in `DIR/.merged/` (encrypted when the data directory is).

use std::collections::HashMap;
use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use super::{GoalsFile, StoredGoal};
use crate::error::{Error, Result};
use crate::model::goal_merge::{Side, merge};
use crate::printer::Warning;
use crate::render::csv::{Csv, CsvStyle};
use crate::store::conflicts::MERGED_DIR;
use crate::store::crypt::{self, SUFFIX};
use crate::store::fsx;

/// Where overwritten values are kept, in `DIR/.merged/`.
pub(crate) const OVERWRITTEN_FILE: &str = "goals-overwritten.csv";

/// A value a merge overwrote: a field both versions of a goal changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Overwritten {
    pub(crate) id: String,
    pub(crate) title: String,
    pub(crate) conflict: crate::model::goal_merge::Conflict,
    /// The file the overwritten value came from.
    pub(crate) from: String,
}

/// What a merge did.
#[derive(Debug, Default)]
pub(crate) struct Outcome {
    pub(crate) changed: bool,
    pub(crate) overwritten: Vec<Overwritten>,
}

impl GoalsFile {
    /// Takes in the goals of `theirs`: one not here yet is added at the
    /// end, one here is merged field by field with this file's version (see
    /// the module comment). `ancestor`, when given, is the version both grew
    /// from; `names` name this file and theirs in reports.
    pub(crate) fn merge(
        &mut self,
        theirs: GoalsFile,
        ancestor: Option<&GoalsFile>,
        names: [&str; 2],
    ) -> Outcome {
        let mut at: HashMap<String, usize> = self
            .rows
            .iter()
            .enumerate()
            .map(|(i, s)| (s.record.id.to_lowercase(), i))
            .collect();
        let in_ancestor = |id: &str| {
            ancestor.and_then(|a| {
                a.rows
                    .iter()
                    .find(|s| s.record.id.eq_ignore_ascii_case(id))
                    .map(|s| (a, s))
            })
        };
        let mut outcome = Outcome::default();
        for their in theirs.rows {
            let key = their.record.id.to_lowercase();
            let Some(&i) = at.get(&key) else {
                let row = self.adopt_row(&theirs.header, &their.row);
                at.insert(key, self.rows.len());
                self.rows.push(StoredGoal {
                    record: their.record,
                    row,
                });
                outcome.changed = true;
                continue;
            };
            let base = in_ancestor(&their.record.id);
            let merged = merge(
                &self.rows[i].record,
                &their.record,
                base.map(|(_, s)| &s.record),
            );
            let their_row = self.adopt_row(&theirs.header, &their.row);
            let base_row = base.map(|(file, s)| self.place_row(&file.header, &s.row));
            let ours = &mut self.rows[i];
            let mut row = ours.row.clone();
            row.resize(self.header.len(), Vec::new());
            for (column, cell) in row.iter_mut().enumerate() {
                let theirs_cell = their_row.get(column).cloned().unwrap_or_default();
                let base_cell = base_row.as_ref().and_then(|r| r.get(column));
                let take_theirs = match base_cell {
                    Some(base) if base == cell => true,
                    Some(base) if *base == theirs_cell => false,
                    _ => merged.newer == Side::Theirs,
                };
                if take_theirs && column_is_theirs(&theirs.header, &self.header[column]) {
                    *cell = theirs_cell;
                }
            }
            for conflict in merged.conflicts {
                outcome.overwritten.push(Overwritten {
                    id: merged.goal.id.clone(),
                    title: merged.goal.title.clone(),
                    from: match conflict.lost_side {
                        Side::Ours => names[0].to_string(),
                        Side::Theirs => names[1].to_string(),
                    },
                    conflict,
                });
            }
            if merged.goal != ours.record || row != ours.row {
                outcome.changed = true;
                ours.record = merged.goal;
                ours.row = row;
            }
        }
        outcome
    }

    /// A row of a file headed `header`, its cells moved to this file's
    /// columns by name; columns this file lacks are added to its header.
    fn adopt_row(&mut self, header: &[Vec<u8>], row: &[Vec<u8>]) -> Vec<Vec<u8>> {
        let mut adopted: Vec<Vec<u8>> = vec![Vec::new(); self.header.len()];
        for (name, cell) in header.iter().zip(row) {
            let key = column_key(name);
            let known = self.header.iter().position(|h| column_key(h) == key);
            let at = known.unwrap_or_else(|| {
                self.header.push(name.clone());
                adopted.push(Vec::new());
                self.header.len() - 1
            });
            adopted[at].clone_from(cell);
        }
        adopted
    }

    /// A row of a file headed `header` in this file's columns, by name;
    /// columns this file lacks are left out.
    fn place_row(&self, header: &[Vec<u8>], row: &[Vec<u8>]) -> Vec<Vec<u8>> {
        let mut placed: Vec<Vec<u8>> = vec![Vec::new(); self.header.len()];
        for (name, cell) in header.iter().zip(row) {
            let key = column_key(name);
            if let Some(at) = self.header.iter().position(|h| column_key(h) == key) {
                placed[at].clone_from(cell);
            }
        }
        placed
    }
}

/// Whether a file headed `header` has the column `name`.
fn column_is_theirs(header: &[Vec<u8>], name: &[u8]) -> bool {
    let key = column_key(name);
    header.iter().any(|h| column_key(h) == key)
}

/// Reports each overwritten value once, as a warning, and keeps it in
/// `DIR/.merged/goals-overwritten.csv` (appended; made private). When
/// `sealed` (the data directory is encrypted, or git's merge driver merges
/// an encrypted file), it is kept in `goals-overwritten.csv.age` instead:
/// decrypted in memory, the new rows added, encrypted to the current keys
/// and replaced atomically, so no plaintext reaches the disk; a plain one
/// left by an earlier couple is taken in and removed. Called with the
/// lock held.
pub(crate) fn keep_overwritten(
    dir: &Path,
    overwritten: &[Overwritten],
    sealed: bool,
) -> Result<Vec<Warning>> {
    if overwritten.is_empty() {
        return Ok(Vec::new());
    }
    let merged = dir.join(MERGED_DIR);
    let mut warnings: Vec<Warning> = fsx::ensure_dir(&merged)?.into_iter().collect();
    let path = merged.join(OVERWRITTEN_FILE);
    let shown = if sealed {
        format!("{MERGED_DIR}/{OVERWRITTEN_FILE}{SUFFIX}")
    } else {
        format!("{MERGED_DIR}/{OVERWRITTEN_FILE}")
    };
    let fail = |e: &std::io::Error| Error::runtime(format!("writing {}: {e}", path.display()));
    let mut header = Vec::new();
    let mut csv = Csv::new(&mut header, CsvStyle::default(), &fail)?;
    csv.row([
        "id",
        "title",
        "field",
        "kept",
        "kept_changed",
        "overwritten",
        "overwritten_changed",
        "from",
    ])?;
    csv.finish()?;
    let mut rows = Vec::new();
    let mut csv = Csv::new(&mut rows, CsvStyle::default(), &fail)?;
    for o in overwritten {
        let c = &o.conflict;
        csv.row([
            o.id.as_str(),
            &o.title,
            c.field.as_str(),
            &c.kept,
            c.kept_at.as_deref().unwrap_or_default(),
            &c.lost,
            c.lost_at.as_deref().unwrap_or_default(),
            &o.from,
        ])?;
        warnings.push(
            Warning::new(format!(
                "goal {} {:?}: {} was changed on both machines; kept {:?}{}, overwrote {:?}{} from {}",
                o.id,
                o.title,
                c.field,
                c.kept,
                when(c.kept_at.as_deref()),
                c.lost,
                when(c.lost_at.as_deref()),
                o.from,
            ))
            .with_hint(format!("the overwritten value is kept in {shown}")),
        );
    }
    csv.finish()?;
    if sealed {
        warnings.extend(keep_sealed(dir, &path, &header, rows)?);
        return Ok(warnings);
    }
    let mut file = fsx::open_to_append(&path).map_err(|e| Error::io("cannot open", &path, &e))?;
    if file.metadata().map_or(true, |m| m.len() == 0) {
        rows.splice(0..0, header);
    }
    file.write_all(&rows)
        .map_err(|e| Error::io("cannot append to", &path, &e))?;
    file.sync_data()
        .map_err(|e| Error::io("cannot sync", &path, &e))?;
    Ok(warnings)
}

/// Adds `rows` to `PATH.age` (see [`keep_overwritten`]). One this machine
/// cannot open (encrypted before its key joined, or damaged) is kept under
/// a free name, not overwritten.
fn keep_sealed(
    dir: &Path,
    path: &Path,
    header: &[u8],
    mut rows: Vec<u8>,
) -> Result<Option<Warning>> {
    let recipients = crypt::Recipients::read(dir)?;
    let target = crypt::sealed_path(path);
    let mut warning = None;
    let mut text = match fsx::read(&target) {
        Ok(bytes) => {
            let shown = format!("{MERGED_DIR}/{OVERWRITTEN_FILE}{SUFFIX}");
            match crypt::decrypt_as(&shown, dir, &bytes) {
                Ok(plain) => plain,
                Err(err) => {
                    let aside = free_name(&target);
                    fs::rename(&target, &aside)
                        .map_err(|e| Error::io("cannot move aside", &target, &e))?;
                    warning = Some(
                        Warning::new(format!(
                            "{shown} could not be opened here ({}); kept as {}, and started anew",
                            err.message,
                            aside.display()
                        ))
                        .with_hint("it opens on the machine whose key it was encrypted to"),
                    );
                    Vec::new()
                }
            }
        }
        Err(err) if err.kind() == io::ErrorKind::NotFound => Vec::new(),
        Err(err) => return Err(Error::io("cannot read", &target, &err)),
    };
    // A plain file an earlier couple kept while encryption was on.
    let plain_existed = match fsx::read(path) {
        Ok(mut old) => {
            let body = if text.is_empty() {
                &old[..]
            } else {
                old.iter()
                    .position(|&b| b == b'\n')
                    .map_or(&[][..], |at| &old[at + 1..])
            };
            text.extend_from_slice(body);
            old.fill(0);
            true
        }
        Err(err) if err.kind() == io::ErrorKind::NotFound => false,
        Err(err) => return Err(Error::io("cannot read", path, &err)),
    };
    if text.is_empty() {
        text.extend_from_slice(header);
    }
    text.append(&mut rows);
    let ciphertext = recipients.encrypt(&text);
    text.fill(0);
    let ciphertext = ciphertext?;
    fsx::replace_plain(&target, |out| {
        out.write_all(&ciphertext)
            .map_err(|e| Error::io("cannot write", &target, &e))
    })?;
    if plain_existed {
        fs::remove_file(path).map_err(|e| Error::io("cannot remove the plain copy", path, &e))?;
        fsx::sync_dir(path.parent().unwrap_or(dir))?;
    }
    Ok(warning)
}

/// `DIR/NAME.age` → the first free `DIR/NAME-N.age` (N from 2).
fn free_name(target: &Path) -> PathBuf {
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let stem = name.strip_suffix(SUFFIX).unwrap_or(&name).to_string();
    let (base, ext) = stem.rsplit_once('.').unwrap_or((&stem, "csv"));
    (2..10_000)
        .map(|n| target.with_file_name(format!("{base}-{n}.{ext}{SUFFIX}")))
        .find(|p| !p.exists())
        .unwrap_or_else(|| target.with_file_name(format!("{base}-aside.{ext}{SUFFIX}")))
}

/// ` (changed AT)`, or nothing when no moment is known.
fn when(at: Option<&str>) -> String {
    at.map(|at| format!(" (changed {at})")).unwrap_or_default()
}

/// A header name as columns are matched: trimmed, any case.
fn column_key(name: &[u8]) -> String {
    String::from_utf8_lossy(name)
        .trim_start_matches('\u{feff}')
        .trim()
        .to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::super::{GOALS_FILE, parse, write};
    use crate::model::Goal;
    use crate::model::goal_merge::newer_row;

    const HEADER: &str = "id,title,horizon,status,owner,due,created,closed,note,updated_at,changed";

    fn version(updated_at: &str) -> Goal {
        let file = parse(
            GOALS_FILE,
            format!("{HEADER}\nab,Tango,year,open,us,,2026-01-02,,,{updated_at},\n").as_bytes(),
        )
        .unwrap();
        file.rows[0].record.clone()
    }

    #[test]
    fn the_later_updated_at_wins_compared_as_instants() {
        let earlier = version("2026-11-25T10:00:00.000+00:00");
        let later = version("2026-11-25T10:00:00.001+00:00");
        assert!(newer_row(&later, &earlier));
        assert!(!newer_row(&earlier, &later));
        // 09:30 in UTC-01:00 is 10:30 UTC: later, though it reads earlier.
        let west = version("2026-11-25T09:30:00-01:00");
        assert!(newer_row(&west, &later));
        // 11:00 in UTC+02:00 is 09:00 UTC: earlier, though it reads later.
        let east = version("2026-11-25T11:00:00+02:00");
        assert!(newer_row(&earlier, &east));
    }

    #[test]
    fn a_tie_keeps_the_current_version() {
        let a = version("2026-11-25T10:00:00Z");
        let b = version("2026-11-25T11:00:00+01:00");
        assert!(!newer_row(&a, &b));
        assert!(!newer_row(&b, &a));
        let empty = version("");
        assert!(!newer_row(&empty, &version("")));
    }

    #[test]
    fn an_unreadable_updated_at_loses_to_a_readable_one() {
        let readable = version("2001-01-01T00:00:00Z");
        for bad in ["", "yesterday", "2026-11-25", "46082.5"] {
            assert!(newer_row(&readable, &version(bad)), "{bad:?}");
            assert!(!newer_row(&version(bad), &readable), "{bad:?}");
        }
    }

    #[test]
    fn merging_adds_new_goals_replaces_older_ones_and_keeps_newer_ones() {
        let mut main = parse(
            GOALS_FILE,
            format!(
                "{HEADER}\n\
                 a,Main newer,year,done,us,,2026-01-02,2026-11-20,,2026-11-20T10:00:00Z,\n\
                 b,Main older,year,open,us,,2026-01-02,,,2026-11-01T10:00:00Z,\n"
            )
            .as_bytes(),
        )
        .unwrap();
        let copy = parse(
            "copy.csv",
            format!(
                "{HEADER}\n\
                 A,Copy older,year,open,us,,2026-01-02,,,2026-11-10T10:00:00Z,\n\
                 b,Copy newer,year,done,us,,2026-01-02,2026-11-21,,2026-11-21T10:00:00Z,\n\
                 c,Copy only,someday,open,us,,2026-01-02,,,,\n"
            )
            .as_bytes(),
        )
        .unwrap();
        assert!(main.merge(copy, None, [GOALS_FILE, "copy.csv"]).changed);
        let titles: Vec<&str> = main.rows.iter().map(|s| s.record.title.as_str()).collect();
        assert_eq!(titles, ["Main newer", "Copy newer", "Copy only"]);
    }

    #[test]
    fn merging_what_is_already_here_changes_nothing() {
        let text = format!("{HEADER}\na,One,year,open,us,,2026-01-02,,,2026-11-01T10:00:00Z,\n");
        let mut main = parse(GOALS_FILE, text.as_bytes()).unwrap();
        assert!(
            !main
                .merge(
                    parse("copy.csv", text.as_bytes()).unwrap(),
                    None,
                    [GOALS_FILE, "copy.csv"]
                )
                .changed
        );
        assert!(
            !main
                .merge(
                    parse("copy.csv", b"").unwrap(),
                    None,
                    [GOALS_FILE, "copy.csv"]
                )
                .changed
        );
        assert_eq!(main.rows.len(), 1);
    }

    #[test]
    fn a_copys_rows_keep_their_own_columns_whatever_the_order() {
        let mut main = parse(
            GOALS_FILE,
            b"id,title,horizon,status,created,mood\r\na,One,year,open,2026-01-02,keen\r\n",
        )
        .unwrap();
        let copy = parse(
            "copy.csv",
            b"Status,ID,Title,Horizon,Created,place,MOOD\nopen,b,Two,year,2026-01-03,Paris,calm\n",
        )
        .unwrap();
        assert!(main.merge(copy, None, [GOALS_FILE, "copy.csv"]).changed);
        let mut out = Vec::new();
        write(&mut out, &main).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "id,title,horizon,status,created,mood,owner,due,closed,note,updated_at,place\r\n\
             a,One,year,open,2026-01-02,keen,us,,,,,\r\n\
             b,Two,year,open,2026-01-03,calm,us,,,,,Paris\r\n"
        );
    }
}
