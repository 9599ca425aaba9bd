//! The deck edition the couple uses, as settings.csv pins it: read on
//! every run, pinned by the first write into a fresh data directory,
//! moved on by `couple prompt --upgrade-deck`.

use std::path::Path;

use chrono::NaiveDate;

use super::{
    DECK_EDITION, DECK_EDITION_BEFORE, DECK_EDITION_NEEDS, DECK_EDITION_SINCE, SETTINGS_FILE,
    Settings, SettingsFile, parse,
};
use crate::dates;
use crate::deck::{NEWEST_EDITION, Pin};
use crate::error::{Error, Result};
use crate::printer::Warned;
use crate::store::crypt::sealed_path;
use crate::store::fsx::{self, Lock};
use crate::store::{goals::GOALS_FILE, log::LOG_FILE, read_if_exists};

/// The deck edition the couple uses: the pinned one; else edition 1 when
/// the data directory already holds data (every couple from before
/// editions, so that upgrading couple changes nobody's question), else
/// the newest. Refuses an edition newer than this couple knows.
pub(crate) fn deck_pin(dir: &Path, settings: &Settings) -> Result<Pin> {
    match &settings.deck {
        Some(deck) if deck.pin.edition.max(deck.pin.before) > NEWEST_EDITION => {
            // The row that names the edition this couple does not know.
            let (key, edition, line) = if deck.pin.edition > NEWEST_EDITION {
                (DECK_EDITION, deck.pin.edition, deck.line)
            } else {
                (DECK_EDITION_BEFORE, deck.pin.before, deck.before_line)
            };
            let needs = deck.needs.as_deref().map_or_else(
                || format!("a couple newer than {}", env!("CARGO_PKG_VERSION")),
                |v| format!("couple {v} or newer"),
            );
            Err(Error::data(
                SETTINGS_FILE,
                line,
                format!(
                    "{key} {edition} needs {needs}: this couple {} knows editions 1 to {NEWEST_EDITION}",
                    env!("CARGO_PKG_VERSION"),
                ),
            )
            .with_hint(
                "your partner's couple pinned a newer deck so you both get the same question: install {needs} too"
                    .replace("{needs}", &needs),
            ))
        }
        Some(deck) => Ok(deck.pin),
        None if holds_data(dir) => Ok(Pin::always(1)),
        None => Ok(Pin::always(NEWEST_EDITION)),
    }
}

/// Whether the data directory holds the couple's data, plain or
/// encrypted. A look at a few names, never a read: `couple prompt` runs in
/// every new shell.
fn holds_data(dir: &Path) -> bool {
    [LOG_FILE, GOALS_FILE].iter().any(|name| {
        let path = dir.join(name);
        path.symlink_metadata().is_ok() || sealed_path(&path).symlink_metadata().is_ok()
    })
}

/// Pins the newest edition in a data directory that holds no data yet and
/// pins none: the first write into a fresh directory. Call with the lock
/// held, before writing.
pub(in crate::store) fn pin_if_fresh(dir: &Path) -> Result<()> {
    if holds_data(dir) {
        return Ok(());
    }
    let path = dir.join(SETTINGS_FILE);
    let mut file = match read_if_exists(&path)? {
        Some(bytes) => parse(&bytes)?,
        None => SettingsFile::new()?,
    };
    if file.settings.deck.is_some() {
        return Ok(());
    }
    file.set(DECK_EDITION, &NEWEST_EDITION.to_string());
    file.set(DECK_EDITION_NEEDS, env!("CARGO_PKG_VERSION"));
    fsx::replace(&path, |out| file.write(out))
}

/// What `--upgrade-deck` did.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct Upgrade {
    /// The edition in use before (on `today`).
    pub(crate) from: u8,
    pub(crate) to: u8,
}

/// Pins the newest edition from `today` on, keeping earlier days on the
/// edition they had, under the lock. `None` when already on the newest.
pub(crate) fn upgrade_deck(dir: &Path, today: NaiveDate) -> Result<Warned<Option<Upgrade>>> {
    let warnings: Vec<_> = fsx::ensure_dir(dir)?.into_iter().collect();
    let _lock = Lock::acquire(dir)?;
    let path = dir.join(SETTINGS_FILE);
    let mut file = match read_if_exists(&path)? {
        Some(bytes) => parse(&bytes)?,
        None => SettingsFile::new()?,
    };
    let pin = deck_pin(dir, &file.settings)?;
    let from = pin.edition_on(today);
    if from == NEWEST_EDITION && pin.edition == NEWEST_EDITION {
        return Ok(Warned::new(None, warnings));
    }
    // Days before `today` keep the edition in use today. (After two
    // upgrades, the days before the first take the middle edition too:
    // the file keeps one step of history.)
    file.set(DECK_EDITION, &NEWEST_EDITION.to_string());
    file.set(DECK_EDITION_SINCE, &dates::iso(today));
    file.set(DECK_EDITION_BEFORE, &from.to_string());
    file.set(DECK_EDITION_NEEDS, env!("CARGO_PKG_VERSION"));
    fsx::replace(&path, |out| file.write(out))?;
    Ok(Warned::new(
        Some(Upgrade {
            from,
            to: NEWEST_EDITION,
        }),
        warnings,
    ))
}
