//! `settings.csv`: the couple's shared settings, one `key,value` row each —
//! the time zone of the question-day and the pinned deck edition. Read on
//! every run (a few bytes, no log), rewritten atomically under the lock;
//! rows and columns couple does not know are kept as they are.

use std::path::Path;

use chrono::NaiveDate;
use jiff::tz::TimeZone;

use super::fsx;
use super::read_if_exists;
use super::schema::{Cell, Column, Document, Problem, Record, Stored, plain_records};
use crate::dates;
use crate::deck::Pin;
use crate::error::{Error, Result};
use crate::model::Setting;

mod deck;

pub(super) use deck::pin_if_fresh;
pub(crate) use deck::{deck_pin, upgrade_deck};

pub(crate) const SETTINGS_FILE: &str = "settings.csv";

/// The columns of settings.csv; cells are trimmed.
impl Record for Setting {
    const COLUMNS: &'static [Column<Self>] = &[
        Column::required(
            "key",
            |s, cell| {
                s.key = trimmed(cell)?.to_ascii_lowercase();
                Ok(())
            },
            |s, csv| csv.text(&s.key),
        ),
        Column::required(
            "value",
            |s, cell| {
                s.value = trimmed(cell)?.to_string();
                Ok(())
            },
            |s, csv| csv.text(&s.value),
        ),
    ];
}

fn trimmed(cell: Cell<'_>) -> Result<&str, Problem> {
    cell.text().map(str::trim)
}

/// The couple's time zone: "today" is its date, for both partners.
const TIMEZONE: &str = "timezone";
/// The deck edition in use.
const DECK_EDITION: &str = "deck_edition";
/// The day `--upgrade-deck` ran: earlier days keep the edition before.
const DECK_EDITION_SINCE: &str = "deck_edition_since";
/// The edition in use before `deck_edition_since`.
const DECK_EDITION_BEFORE: &str = "deck_edition_before";
/// The couple version that pinned the edition, for an older one to name.
const DECK_EDITION_NEEDS: &str = "deck_edition_needs";

/// What settings.csv says, checked.
#[derive(Debug, Default)]
pub(crate) struct Settings {
    /// The couple's time zone, when set (from the system's time-zone
    /// database, read only when a zone is named: no tables in the binary
    /// to relocate at every start).
    pub(crate) timezone: Option<TimeZone>,
    deck: Option<DeckSetting>,
}

/// The pinned edition as the file has it (maybe newer than we know).
#[derive(Debug)]
struct DeckSetting {
    pin: Pin,
    /// The lines of the deck_edition row and the deck_edition_before row
    /// (the former's when there is none).
    line: u64,
    before_line: u64,
    needs: Option<String>,
}

impl Settings {
    /// The date in the couple's time zone at `instant`, when one is set.
    pub(crate) fn date_at(&self, instant: chrono::DateTime<chrono::Utc>) -> Option<NaiveDate> {
        let zone = self.timezone.as_ref()?;
        let at = jiff::Timestamp::from_second(instant.timestamp()).ok()?;
        let offset = i64::from(zone.to_offset(at).seconds());
        let local = instant.naive_utc() + chrono::Duration::seconds(offset);
        Some(local.date())
    }
}

/// Where systems keep the time-zone database.
const ZONEINFO: [&str; 3] = [
    "/usr/share/zoneinfo",
    "/usr/lib/zoneinfo",
    "/usr/share/lib/zoneinfo",
];

/// The zone named `name` (`Europe/Berlin`), from the system's database:
/// its one file read directly, since a lookup through jiff's database
/// first lists every zone (forty directories read at every start). A name
/// that is not a plain path below the database is refused.
fn zone(name: &str) -> Option<TimeZone> {
    let plain = name.split('/').all(|part| {
        !part.is_empty()
            && part != "."
            && part != ".."
            && part
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '+' | '-'))
    });
    if !plain {
        return None;
    }
    for dir in ZONEINFO {
        if let Ok(bytes) = std::fs::read(Path::new(dir).join(name)) {
            return TimeZone::tzif(name, &bytes).ok();
        }
    }
    // Elsewhere (another spelling of the name, another system), the
    // database's own lookup.
    TimeZone::get(name).ok()
}

/// Reads `DIR/settings.csv`; a missing file sets nothing.
pub(crate) fn read(dir: &Path) -> Result<Settings> {
    match read_if_exists(&dir.join(SETTINGS_FILE))? {
        Some(bytes) => match parse_plain(&bytes) {
            Some(settings) => Ok(settings),
            None => Ok(parse(&bytes)?.settings),
        },
        None => Ok(Settings::default()),
    }
}

/// Folds the sync-conflict copies of settings.csv into it and moves them
/// into `.merged/`: a key only a copy has is added; of the deck edition,
/// the newer pin wins whole (so both partners get the same question);
/// otherwise settings.csv's value is kept. Every write does this first,
/// under the lock (reading them on every run would list the directory at
/// every shell start-up). Call with the lock held.
pub(super) fn fold_copies(dir: &Path) -> Result<()> {
    let copies = super::conflicts::copies(dir, SETTINGS_FILE)?;
    if copies.is_empty() {
        return Ok(());
    }
    let path = dir.join(SETTINGS_FILE);
    let mut file = match read_if_exists(&path)? {
        Some(bytes) => parse(&bytes)?,
        None => SettingsFile::new()?,
    };
    for copy in &copies {
        let Some(bytes) = read_if_exists(copy)? else {
            continue;
        };
        let theirs = parse_named(&super::conflicts::display_name(copy), &bytes)?;
        let edition = |f: &SettingsFile| f.settings.deck.as_ref().map(|d| d.pin.edition);
        let newer_deck = edition(&theirs) > edition(&file);
        if newer_deck {
            file.doc.rows.retain(|s| !is_deck_key(&s.record.key));
        }
        for stored in theirs.doc.rows {
            let key = &stored.record.key;
            let ours = file.doc.rows.iter().any(|s| &s.record.key == key);
            if !key.is_empty() && !ours && (newer_deck || !is_deck_key(key)) {
                file.set(key, &stored.record.value);
            }
        }
    }
    let mut merged = Vec::new();
    file.write(&mut merged)?;
    // What is written must read back.
    parse(&merged)?;
    fsx::replace(&path, |out| {
        out.write_all(&merged)
            .map_err(|e| Error::io("cannot write", &path, &e))
    })?;
    super::conflicts::set_aside(dir, &copies)?;
    Ok(())
}

fn is_deck_key(key: &str) -> bool {
    [
        DECK_EDITION,
        DECK_EDITION_SINCE,
        DECK_EDITION_BEFORE,
        DECK_EDITION_NEEDS,
    ]
    .contains(&key)
}

/// The file, kept whole for a rewrite.
struct SettingsFile {
    settings: Settings,
    doc: Document<Setting>,
}

impl SettingsFile {
    /// A file not yet written.
    fn new() -> Result<Self> {
        parse(b"")
    }

    /// Sets `key` to `value`: in its row if it has one, else a new row.
    fn set(&mut self, key: &str, value: &str) {
        match self.doc.rows.iter_mut().find(|s| s.record.key == key) {
            Some(stored) => stored.record.value = value.to_string(),
            None => self.doc.rows.push(Stored::new(Setting {
                key: key.to_string(),
                value: value.to_string(),
            })),
        }
    }

    fn write(&self, out: &mut dyn std::io::Write) -> Result<()> {
        self.doc.write(out, SETTINGS_FILE)
    }
}

/// The deck rows as read: the first one's line, edition, since, before.
type DeckRows = (u64, Option<u8>, Option<NaiveDate>, Option<u8>);

/// Reads and checks settings.csv: every key couple knows must hold a value
/// it can use, and no key may appear twice.
fn parse(bytes: &[u8]) -> Result<SettingsFile> {
    parse_named(SETTINGS_FILE, bytes)
}

/// [`parse`], `name` in errors (a sync-conflict copy's).
fn parse_named(name: &str, bytes: &[u8]) -> Result<SettingsFile> {
    let mut gathered = Gathered {
        file: name.to_string(),
        ..Gathered::default()
    };
    let doc = Document::<Setting>::parse(name, bytes, |setting, at| gathered.row(setting, at))?;
    Ok(SettingsFile {
        settings: gathered.finish()?,
        doc,
    })
}

/// [`parse`]'s settings, for a file in the plain form couple writes (see
/// [`plain_records`]): without a CSV parser, which would cost more than the
/// rest of the read. `None` for any other file, or one with a problem:
/// [`parse`] then says what it is.
fn parse_plain(bytes: &[u8]) -> Option<Settings> {
    let mut gathered = Gathered::default();
    for (setting, at) in plain_records::<Setting>(bytes)? {
        gathered.row(&setting, at).ok()?;
    }
    gathered.finish().ok()
}

/// The name errors give the file [`Gathered`] reads (empty: settings.csv).
fn file_name(file: &str) -> &str {
    if file.is_empty() { SETTINGS_FILE } else { file }
}

/// What the rows of settings.csv say, gathered row by row.
#[derive(Default)]
struct Gathered {
    /// The file's name in errors (empty: settings.csv).
    file: String,
    settings: Settings,
    deck: Option<DeckRows>,
    needs: Option<String>,
    /// Each key met, with its line.
    seen: Vec<(String, u64)>,
}

impl Gathered {
    fn row(&mut self, setting: &Setting, at: u64) -> Result<()> {
        let file = file_name(&self.file);
        let (key, value) = (setting.key.as_str(), setting.value.as_str());
        if key.is_empty() {
            return Ok(()); // a row with only a value: nothing of ours
        }
        if let Some((_, first)) = self.seen.iter().find(|(k, _)| k == key) {
            return Err(Error::data(
                file,
                at,
                format!("key {key} appears twice (first on line {first})"),
            )
            .with_hint("keep one row per key"));
        }
        self.seen.push((key.to_string(), at));
        let bad = |problem: String, hint: &str| {
            Problem::new(format!("{key} {problem}"))
                .hint(hint)
                .at(file, at, "value")
        };
        let edition = |value: &str| {
            value.parse::<u8>().ok().filter(|&e| e >= 1).ok_or_else(|| {
                bad(
                    format!("{value:?} is not an edition number"),
                    "editions are numbered from 1; `couple prompt --upgrade-deck` sets it",
                )
            })
        };
        let deck = &mut self.deck;
        match key {
            TIMEZONE if value.is_empty() => {}
            TIMEZONE => {
                self.settings.timezone = Some(zone(value).ok_or_else(|| {
                    bad(
                        format!("{value:?} is not a time zone"),
                        "name a zone of the IANA database, like Europe/Berlin or America/New_York (see /usr/share/zoneinfo), or remove the row",
                    )
                })?);
            }
            DECK_EDITION => deck.get_or_insert((at, None, None, None)).1 = Some(edition(value)?),
            DECK_EDITION_SINCE => {
                let since = dates::parse_iso(value.as_bytes()).ok_or_else(|| {
                    bad(format!("{value:?} is not a date"), "write it as YYYY-MM-DD")
                })?;
                deck.get_or_insert((at, None, None, None)).2 = Some(since);
            }
            DECK_EDITION_BEFORE => {
                deck.get_or_insert((at, None, None, None)).3 = Some(edition(value)?);
            }
            DECK_EDITION_NEEDS => self.needs = Some(value.to_string()).filter(|v| !v.is_empty()),
            _ => {}
        }
        Ok(())
    }

    fn finish(self) -> Result<Settings> {
        let mut settings = self.settings;
        if let Some((at, edition, since, before)) = self.deck {
            let Some(edition) = edition else {
                return Err(Error::data(
                    file_name(&self.file),
                    at,
                    "deck_edition_since and deck_edition_before need a deck_edition row",
                )
                .with_hint("add a row deck_edition,N, or remove them"));
            };
            let line_of = |key: &str| self.seen.iter().find(|(k, _)| k == key).map(|(_, l)| *l);
            let line = line_of(DECK_EDITION).unwrap_or(at);
            let before_line = line_of(DECK_EDITION_BEFORE).unwrap_or(line);
            settings.deck = Some(DeckSetting {
                pin: Pin {
                    edition,
                    since,
                    before: before.unwrap_or(edition),
                },
                line,
                before_line,
                needs: self.needs,
            });
        }
        Ok(settings)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_time_zone_and_an_upgrade_pin_are_read() {
        let file = parse(
            b"key,value\ntimezone,America/New_York\ndeck_edition,2\ndeck_edition_since,2026-12-01\ndeck_edition_before,1\nmine,kept\n",
        )
        .unwrap();
        let zone = file.settings.timezone.unwrap();
        assert_eq!(zone.iana_name(), Some("America/New_York"));
        let deck = file.settings.deck.unwrap();
        assert_eq!(deck.pin.edition, 2);
        assert_eq!(deck.pin.before, 1);
        assert_eq!(deck.line, 3);
        assert_eq!(file.doc.rows.len(), 5);
    }

    #[test]
    fn a_zone_is_a_plain_name_below_the_database() {
        assert_eq!(
            zone("Europe/Berlin").and_then(|z| z.iana_name().map(str::to_string)),
            Some("Europe/Berlin".to_string())
        );
        for bad in [
            "",
            "/etc/passwd",
            "../../etc/passwd",
            "Europe//Berlin",
            "Europe/Pariss",
            "America",
        ] {
            assert!(zone(bad).is_none(), "{bad:?}");
        }
    }

    #[test]
    fn a_bad_time_zone_names_the_file_and_line() {
        let err = parse(b"key,value\ndeck_edition,1\nmine,x\ntimezone,Mars/Olympus\n")
            .err()
            .expect("refused");
        assert_eq!(
            err.message,
            "settings.csv line 4: column value: timezone \"Mars/Olympus\" is not a time zone"
        );
        assert_eq!(err.exit_code(), 65);
    }

    #[test]
    fn a_key_twice_and_a_bad_edition_are_refused() {
        let err = parse(b"key,value\ntimezone,UTC\nTimezone,UTC\n")
            .err()
            .expect("refused");
        assert_eq!(
            err.message,
            "settings.csv line 3: key timezone appears twice (first on line 2)"
        );
        let err = parse(b"key,value\ndeck_edition,two\n")
            .err()
            .expect("refused");
        assert_eq!(
            err.message,
            "settings.csv line 2: column value: deck_edition \"two\" is not an edition number"
        );
    }

    #[test]
    fn setting_a_key_keeps_other_rows_columns_and_line_ends() {
        let mut file = parse(b"\xef\xbb\xbfvalue,key,note\r\nx,mine,hello\r\n").unwrap();
        file.set(DECK_EDITION, "2");
        file.set("mine", "y");
        let mut out = Vec::new();
        file.write(&mut out).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "\u{feff}value,key,note\r\ny,mine,hello\r\n2,deck_edition,\r\n"
        );
    }

    #[test]
    fn a_file_couple_wrote_is_read_without_a_csv_parser_and_the_same() {
        let mut file = SettingsFile::new().unwrap();
        file.set(DECK_EDITION, "2");
        file.set(DECK_EDITION_SINCE, "2026-12-01");
        file.set(DECK_EDITION_BEFORE, "1");
        file.set(DECK_EDITION_NEEDS, "0.1.0");
        file.set(TIMEZONE, "Europe/Berlin");
        let mut written = Vec::new();
        file.write(&mut written).unwrap();
        let plain = parse_plain(&written).expect("couple's own file is in the plain form");
        assert_eq!(
            format!("{plain:?}"),
            format!("{:?}", parse(&written).unwrap().settings)
        );
        assert!(plain.timezone.is_some());
    }

    #[test]
    fn the_plain_read_agrees_with_the_whole_read_or_leaves_it_the_file() {
        let files: [&[u8]; 16] = [
            b"",
            b"key,value\n",
            b"key,value\ntimezone,UTC\n",
            b"key,value\n Timezone , UTC \ndeck_edition,1\n",
            b"key,value\nmine,kept\n,only a value\n",
            b"key,value\ntimezone,\n",
            b"value,key\nUTC,timezone\n",
            b"KEY,value\ntimezone,UTC\n",
            b"key,value\r\ntimezone,UTC\r\n",
            b"key,value\ntimezone,UTC",
            b"key,value\n\ntimezone,UTC\n",
            b"key,value\n\"timezone\",UTC\n",
            b"key,value\ntimezone,UTC,extra\n",
            b"key,value\n=======,x\n",
            b"key,value\ndeck_edition,9\ndeck_edition_needs,9.0\n",
            b"key,value\ncaf\xe9,x\n",
        ];
        for bytes in files {
            let whole = parse(bytes).map(|f| format!("{:?}", f.settings));
            if let Some(plain) = parse_plain(bytes) {
                let plain = Ok(format!("{plain:?}"));
                assert_eq!(plain, whole.map_err(|e| e.message), "{bytes:?}");
            }
        }
        for refused in [
            &b"key,value\ntimezone,Mars/Olympus\n"[..],
            b"key,value\ntimezone,UTC\nTimezone,UTC\n",
            b"key,value\ndeck_edition,two\n",
            b"key,value\ndeck_edition_since,2026-12-01\n",
        ] {
            assert!(parse_plain(refused).is_none(), "{refused:?}");
            assert!(parse(refused).is_err(), "{refused:?}");
        }
    }
}
