//! `rituals.csv` (the couple's rituals and targets; the seed's three while
//! it does not exist) and `pauses.csv` (their breaks). Both shared, both
//! small: read whole, changed under the lock, rewritten atomically.

use std::path::Path;

use super::removed::{self, Removed};
use super::schema::{Column, Problem, Record, Stored};
use super::whole;
use crate::error::Result;
use crate::model::{MAX_MINUTES, Pause, Per, Removal, Ritual, check_target, parse_kinds};
use crate::printer::{Warned, Warning};

pub(crate) const RITUALS_FILE: &str = "rituals.csv";
pub(crate) const PAUSES_FILE: &str = "pauses.csv";

impl Record for Ritual {
    const COLUMNS: &'static [Column<Self>] = &[
        Column::required(
            "name",
            |r, cell| {
                let name = cell.text()?.trim();
                if name.is_empty() || name.chars().any(char::is_whitespace) {
                    return Err(Problem::new("must be one word, like talk or connection"));
                }
                name.clone_into(&mut r.name);
                Ok(())
            },
            |r, csv| csv.text(&r.name),
        ),
        Column::required(
            "kinds",
            |r, cell| {
                r.kinds = parse_kinds(cell.text()?).map_err(Problem::new)?;
                Ok(())
            },
            |r, csv| csv.text(&r.kinds_text()),
        ),
        Column::required(
            "target",
            |r, cell| {
                r.target = cell
                    .trimmed_number(1, 28)?
                    .map(u32::from)
                    .ok_or_else(|| Problem::new("is empty; write how many days, like 5"))?;
                Ok(())
            },
            |r, csv| csv.number(Some(r.target as u16)),
        ),
        Column::required(
            "per",
            |r, cell| {
                let text = cell.text()?;
                r.per = Per::parse(text)
                    .ok_or_else(|| Problem::new(format!("{text:?} is not day, week or month")))?;
                Ok(())
            },
            |r, csv| csv.text(r.per.as_str()),
        ),
        Column::optional(
            "minutes",
            |r, cell| {
                r.minutes = cell.trimmed_number(1, MAX_MINUTES)?;
                Ok(())
            },
            |r, csv| csv.number(r.minutes),
        ),
    ];
}

impl Record for Pause {
    const COLUMNS: &'static [Column<Self>] = &[
        Column::required(
            "id",
            |p, cell| cell.text_into(&mut p.id),
            |p, csv| csv.text(&p.id),
        ),
        Column::required(
            "from",
            |p, cell| {
                p.from = cell.date()?;
                Ok(())
            },
            |p, csv| csv.date(p.from),
        ),
        Column::required(
            "to",
            |p, cell| {
                p.to = cell.date()?;
                Ok(())
            },
            |p, csv| csv.date(p.to),
        ),
        Column::required(
            "rituals",
            |p, cell| {
                p.rituals = cell
                    .text()?
                    .split_whitespace()
                    .map(str::to_string)
                    .collect();
                Ok(())
            },
            |p, csv| csv.text(&p.rituals_text()),
        ),
        Column::optional(
            "partner",
            |p, cell| cell.text_into(&mut p.partner),
            |p, csv| csv.text(&p.partner),
        ),
        Column::optional(
            "note",
            |p, cell| cell.text_into(&mut p.note),
            |p, csv| csv.text(&p.note),
        ),
        Column::optional(
            "logged_at",
            |p, cell| cell.text_into(&mut p.logged_at),
            |p, csv| csv.text(&p.logged_at),
        ),
    ];
}

/// A checker of rituals.csv rows (or a copy's, `name` in errors):
/// targets their periods allow, each name once.
fn ritual_check(name: &str) -> impl FnMut(&Ritual, u64) -> Result<()> + use<> {
    let file = name.to_string();
    let mut names: Vec<(String, u64)> = Vec::new();
    move |r, line| {
        check_target(r.target, r.per).map_err(|p| Problem::new(p).at(&file, line, "target"))?;
        let key = r.name.to_lowercase();
        if let Some((_, first)) = names.iter().find(|(n, _)| *n == key) {
            return Err(
                Problem::new(format!("{} is also the name on line {first}", r.name))
                    .hint("each ritual needs a name of its own")
                    .at(&file, line, "name"),
            );
        }
        names.push((key, line));
        Ok(())
    }
}

/// A checker of pauses.csv rows (or a copy's, `name` in errors).
fn pause_check(name: &str) -> impl FnMut(&Pause, u64) -> Result<()> + use<> {
    let file = name.to_string();
    let mut ids: Vec<(String, u64)> = Vec::new();
    move |p, line| {
        if p.id.trim().is_empty() {
            return Err(Problem::new("is empty")
                .hint("every pause needs an id; give it any unique word")
                .at(&file, line, "id"));
        }
        // `rituals unpause` takes a pause out by its id: two of one id
        // would go together.
        if let Some((_, first)) = ids.iter().find(|(id, _)| *id == p.id) {
            return Err(
                Problem::new(format!("{} is also the id on line {first}", p.id))
                    .hint("each pause needs an id of its own: give one of them another word")
                    .at(&file, line, "id"),
            );
        }
        ids.push((p.id.clone(), line));
        if p.to < p.from {
            return Err(Problem::new(format!(
                "{} is before from {}",
                crate::dates::iso(p.to),
                crate::dates::iso(p.from)
            ))
            .at(&file, line, "to"));
        }
        Ok(())
    }
}

/// Rituals are told apart by name, in any case.
fn ritual_key(r: &Ritual) -> String {
    r.name.to_lowercase()
}

/// Pauses by id.
fn pause_key(p: &Pause) -> String {
    p.id.clone()
}

/// The couple's rituals (with those only a sync-conflict copy of
/// rituals.csv holds), and whether they come from rituals.csv (else they
/// are the defaults).
pub(crate) fn read(dir: &Path) -> Result<(Vec<Ritual>, bool)> {
    let rules = whole::Rules {
        key: ritual_key,
        check: ritual_check,
    };
    match whole::read(dir, RITUALS_FILE, &rules)? {
        Some(doc) => Ok((doc.rows.into_iter().map(|s| s.record).collect(), true)),
        None => Ok((Ritual::defaults(), false)),
    }
}

/// Changes the rituals under the lock, creating rituals.csv from the
/// defaults when it does not exist, and folding its copies in.
pub(crate) fn update<T>(
    dir: &Path,
    change: impl FnOnce(&mut Vec<Stored<Ritual>>) -> Result<T>,
) -> Result<Warned<T>> {
    let rules = whole::Rules {
        key: ritual_key,
        check: ritual_check,
    };
    whole::update(dir, RITUALS_FILE, &rules, Ritual::defaults, |doc| {
        change(&mut doc.rows)
    })
}

/// Folds the sync-conflict copies of rituals.csv and pauses.csv in (a
/// plain one beside its `.age` file among them), for `crypt on` and
/// `off`. Call with the lock held.
pub(crate) fn fold_copies(dir: &Path) -> Result<Vec<Warning>> {
    let rituals = whole::Rules {
        key: ritual_key,
        check: ritual_check,
    };
    let pauses = whole::Rules {
        key: pause_key,
        check: pause_check,
    };
    let mut warnings = whole::fold_copies(dir, RITUALS_FILE, &rituals)?;
    warnings.extend(whole::fold_copies(dir, PAUSES_FILE, &pauses)?);
    Ok(warnings)
}

/// Every pause, in file order, then those only its sync-conflict copies
/// hold; never one `rituals unpause` removed (its id is in removed.csv,
/// so a copy or the other machine's file that still holds it does not
/// bring it back).
pub(crate) fn pauses(dir: &Path) -> Result<Vec<Pause>> {
    let rules = whole::Rules {
        key: pause_key,
        check: pause_check,
    };
    let Some(doc) = whole::read(dir, PAUSES_FILE, &rules)? else {
        return Ok(Vec::new());
    };
    let removed = if doc.rows.is_empty() {
        Removed::default()
    } else {
        removed::read(dir)?
    };
    Ok(doc
        .rows
        .into_iter()
        .map(|s| s.record)
        .filter(|p| !removed.holds_pause(p.id.as_bytes()))
        .collect())
}

/// Changes the pauses under the lock, folding the copies in (and leaving
/// out those removed before).
pub(crate) fn update_pauses<T>(
    dir: &Path,
    change: impl FnOnce(&mut Vec<Stored<Pause>>) -> Result<T>,
) -> Result<Warned<T>> {
    let rules = whole::Rules {
        key: pause_key,
        check: pause_check,
    };
    whole::update(dir, PAUSES_FILE, &rules, Vec::new, |doc| {
        if !doc.rows.is_empty() {
            let removed = removed::read(dir)?;
            doc.rows
                .retain(|s| !removed.holds_pause(s.record.id.as_bytes()));
        }
        change(&mut doc.rows)
    })
}

/// Removes the pause `removal` names, and records its id in removed.csv
/// (as `log --undo` does an entry's, with its file), so that no copy
/// brings it back.
pub(crate) fn remove_pause(dir: &Path, mut removal: Removal) -> Result<Warned<()>> {
    removal.file = PAUSES_FILE.to_string();
    let mut folded = None;
    let done = update_pauses(dir, |rows| {
        rows.retain(|s| s.record.id != removal.id);
        // The lock is held: removed.csv first, so that a pauses.csv not
        // rewritten still reads without it.
        folded = removed::add(dir, std::slice::from_ref(&removal))?;
        Ok(())
    })?;
    let mut warnings = done.warnings;
    warnings.extend(folded);
    Ok(Warned::new((), warnings))
}
