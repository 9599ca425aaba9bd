//! `couple log`: record one ritual, or take back your last entry.

use chrono::SecondsFormat;

use crate::cli::LogArgs;
use crate::config::Config;
use crate::dates;
use crate::deck::{self, Filter};
use crate::error::{Error, Result};
use crate::guide::steps::{REPAIR, labelled_note};
use crate::model::{ENTRY_ID_LEN, Entry, Kind, fresh_id, same_partner};
use crate::render::{Out, shown};
use crate::store;
use crate::store::log::Look;
use crate::term::walk::Asker;

pub(crate) fn run(args: LogArgs, cfg: &Config) -> Result<()> {
    let partner = cfg.partner()?.to_string();
    let out = Out::stdout(cfg.color);
    if args.undo {
        let removed = store::log::remove_last_of(
            &cfg.dir,
            &partner,
            &cfg.now().to_rfc3339_opts(SecondsFormat::Millis, false),
        )?
        .print()
        .ok_or_else(|| Error::runtime(format!("{partner} has no entry to undo")))?;
        let line = format!("removed {}", describe(&removed));
        return out.finish_recorded(
            (!cfg.quiet).then_some(line.as_str()),
            &format!("the removal of {}", removed.id),
        );
    }

    let entry = match args.kind.as_deref() {
        Some(kind) => entry_from_flags(&args, kind, &partner, cfg)?,
        None if cfg.interactive => ask::entry(&args, &partner, cfg)?,
        None => {
            return Err(Error::usage("what to log? KIND is missing").with_hint(
                "couple log KIND [NOTE], e.g. couple log talk --minutes 15; see couple log --help",
            ));
        }
    };
    store::log::append(&cfg.dir, &entry)?.print();
    crate::hooks::entry_written(cfg, &entry);
    out.finish_recorded(
        (!cfg.quiet).then_some(entry.id.as_str()),
        &format!("the entry {}", entry.id),
    )
}

/// Builds the entry the flags describe, checking what clap cannot.
fn entry_from_flags(args: &LogArgs, kind: &str, partner: &str, cfg: &Config) -> Result<Entry> {
    let kind = Kind::parse_logged(kind)?;
    let date = dates::past_day_or_today(args.date.as_deref(), cfg.today)?;
    let typed = note_from_words(&args.note, kind)?;
    let note = match typed {
        Some(note) => note,
        // A repair without a note, on a terminal: walk the repair steps
        // (unless the date is refused anyway, below).
        None if kind == Kind::Repair && cfg.interactive && date <= cfg.today => guided_repair(cfg)?,
        None => String::new(),
    };
    // An answer to no question in particular, on a terminal: which of the
    // recent questions you have not answered yet.
    let prompt = match &args.prompt {
        None if kind == Kind::Answer && cfg.interactive && args.date.is_none() => {
            ask::question(partner, cfg)?
        }
        given => given.clone(),
    };
    build(
        Draft {
            kind,
            date,
            minutes: args.minutes,
            mood: args.mood,
            prompt,
            note,
        },
        partner,
        cfg,
    )
}

/// How many days back an answer may still pick its question from.
const RECENT_QUESTIONS: u64 = 7;

/// The questions of the last [`RECENT_QUESTIONS`] days that `partner` has
/// not answered, newest first, as (day, id, text).
fn unanswered(partner: &str, cfg: &Config) -> Result<Vec<(chrono::NaiveDate, String, String)>> {
    let deck = store::prompts::load(&cfg.dir, None)?;
    let pin = store::prompts::pin(&cfg.dir, &cfg.settings, None)?;
    let all = deck::select(&deck, &Filter::default());
    let mut recent: Vec<(chrono::NaiveDate, String, String)> = Vec::new();
    for back in 0..RECENT_QUESTIONS {
        let Some(day) = cfg.today.checked_sub_days(chrono::Days::new(back)) else {
            break;
        };
        if let Some(p) =
            store::prompts::question_of_the_day(&cfg.dir, &all, pin, day, Look::AsEveryRead)?
        {
            recent.push((day, p.id.to_string(), p.text.to_string()));
        }
    }
    let oldest = cfg.today - chrono::Days::new(RECENT_QUESTIONS);
    let mut answered: Vec<String> = Vec::new();
    store::log::for_each_decoding(
        &cfg.dir,
        &|kind, date| kind == Kind::Answer && date >= oldest,
        |entry| {
            if entry.kind == Kind::Answer
                && entry.date >= oldest
                && same_partner(&entry.partner, partner)
            {
                answered.push(entry.prompt.clone());
            }
            Ok(())
        },
    )?;
    recent.retain(|(_, id, _)| !answered.contains(id));
    Ok(recent)
}

/// The words after KIND, joined: `couple log talk about the move` means
/// the note "about the move". A note that is only a number is refused: it
/// is almost always a forgotten flag (`couple log talk 15`).
fn note_from_words(words: &[String], kind: Kind) -> Result<Option<String>> {
    if words.is_empty() {
        return Ok(None);
    }
    let note = words.join(" ");
    let bare = note.trim();
    if !bare.is_empty() && bare.parse::<f64>().is_ok() {
        let flag = if kind == Kind::Checkin {
            "--mood"
        } else {
            "--minutes"
        };
        return Err(Error::usage(format!(
            "the note {bare:?} is only a number: did you mean {flag} {bare}?"
        ))
        .with_hint(format!(
            "couple log {kind} {flag} {bare}; a note of words is recorded as typed"
        )));
    }
    Ok(Some(note))
}

/// The repair steps, one question at a time; the answers as one labelled
/// note. Every step skipped records nothing.
fn guided_repair(cfg: &Config) -> Result<String> {
    // The repair ends in log.csv: refuse now, before asking anything.
    store::log::check_appendable(&cfg.dir)?;
    let asker = Asker::new(cfg.color);
    let asking = |err| crate::term::asking_failed(err, "nothing was recorded");
    asker
        .tell("A repair, step by step. Each step can be skipped with Enter.")
        .map_err(asking)?;
    let answers = asker.steps(&REPAIR).map_err(asking)?;
    let note = labelled_note(&REPAIR, &answers);
    if note.is_empty() {
        return Err(
            Error::runtime("every step was skipped: nothing was recorded")
                .with_hint("to record a repair without words: couple log repair --no-input"),
        );
    }
    Ok(note)
}

/// What the user said, before it is checked and stamped.
struct Draft {
    kind: Kind,
    date: chrono::NaiveDate,
    minutes: Option<u16>,
    mood: Option<u8>,
    prompt: Option<String>,
    note: String,
}

fn build(draft: Draft, partner: &str, cfg: &Config) -> Result<Entry> {
    if draft.date > cfg.today {
        return Err(
            Error::usage(format!("{} has not come yet", dates::iso(draft.date)))
                .with_hint("--date takes today or a day before it"),
        );
    }
    let note = draft.note.trim().to_string();
    if draft.kind == Kind::Answer && note.is_empty() {
        return Err(Error::usage("an answer needs its text")
            .with_hint("couple log answer \"what you would say to the question\""));
    }
    let prompt = match (&draft.prompt, draft.kind) {
        (Some(id), _) => resolve_prompt(id, cfg)?,
        (None, Kind::Answer) => question_of(draft.date, cfg)?,
        (None, _) => String::new(),
    };
    Ok(Entry {
        id: fresh_id(ENTRY_ID_LEN),
        date: draft.date,
        partner: partner.to_string(),
        kind: draft.kind,
        minutes: draft.minutes,
        mood: draft.mood,
        prompt,
        note,
        logged_at: cfg.now().to_rfc3339_opts(SecondsFormat::Millis, false),
    })
}

/// The full id of a prompt in the deck, from an id or a unique prefix.
fn resolve_prompt(id: &str, cfg: &Config) -> Result<String> {
    let deck = store::prompts::load(&cfg.dir, None)?;
    let all = deck::select(&deck, &Filter::default());
    Ok(deck::by_id(&all, id)?.id.to_string())
}

/// The id of the question of the day for `date`, from the whole deck (in
/// the couple's edition, after that day's skips).
fn question_of(date: chrono::NaiveDate, cfg: &Config) -> Result<String> {
    let deck = store::prompts::load(&cfg.dir, None)?;
    let pin = store::prompts::pin(&cfg.dir, &cfg.settings, None)?;
    let all = deck::select(&deck, &Filter::default());
    Ok(
        store::prompts::question_of_the_day(&cfg.dir, &all, pin, date, Look::AsEveryRead)?
            .map(|p| p.id.to_string())
            .unwrap_or_default(),
    )
}

/// One line about an entry: `k3j9x2m4qa (2026-11-25 talk, 15 min, "about the move")`.
fn describe(entry: &Entry) -> String {
    let mut parts = vec![format!("{} {}", dates::iso(entry.date), entry.kind)];
    if let Some(minutes) = entry.minutes {
        parts.push(format!("{minutes} min"));
    }
    if !entry.note.is_empty() {
        let short: String = entry.note.chars().take(40).collect();
        let more = if short.len() < entry.note.len() {
            "…"
        } else {
            ""
        };
        parts.push(format!("{short:?}{more}"));
    }
    shown(&format!("{} ({})", entry.id, parts.join(", "))).into_owned()
}

/// Asking on a terminal, when no KIND was given.
mod ask {
    use dialoguer::console::Term;
    use dialoguer::theme::SimpleTheme;
    use dialoguer::{Input, Select};

    use super::{Draft, build};
    use crate::cli::LogArgs;
    use crate::config::Config;
    use crate::dates;
    use crate::error::{Error, Result};
    use crate::model::{Entry, Kind};

    pub(super) fn entry(args: &LogArgs, partner: &str, cfg: &Config) -> Result<Entry> {
        let _asking = crate::term::asking();
        // A bad --date or --prompt is refused before anything is asked.
        let date = dates::past_day_or_today(args.date.as_deref(), cfg.today)?;
        if let Some(id) = &args.prompt {
            super::resolve_prompt(id, cfg)?;
        }
        let theme = SimpleTheme;
        let kinds: Vec<Kind> = Kind::ALL
            .iter()
            .copied()
            .filter(|k| k.is_logged_by_hand())
            .collect();
        // Typing filters the kinds; Esc (or q, before typing) leaves with
        // nothing written.
        let labels: Vec<String> = kinds
            .iter()
            .map(|k| format!("{k} — {}", k.label()))
            .collect();
        let choice = crate::term::pick::pick(
            &Term::stderr(),
            "What would you like to log? (type to filter, Esc or q to cancel)",
            &labels,
        )
        .map_err(|err| cancelled(dialoguer::Error::IO(err)))?
        .ok_or_else(nothing_logged)?;
        let kind = kinds[choice];
        let minutes = match args.minutes {
            Some(m) => Some(m),
            None if kind.has_minutes() => {
                let text: String = Input::with_theme(&theme)
                    .with_prompt("Minutes (empty to skip)")
                    .allow_empty(true)
                    .validate_with(|t: &String| -> std::result::Result<(), &str> {
                        if t.trim().is_empty() || t.trim().parse::<u16>().is_ok_and(|m| m <= 1440) {
                            Ok(())
                        } else {
                            Err("a whole number from 0 to 1440")
                        }
                    })
                    .interact_text()
                    .map_err(cancelled)?;
                text.trim().parse().ok()
            }
            None => None,
        };
        let mood = match args.mood {
            Some(m) => Some(m),
            None if kind == Kind::Checkin => {
                let moods = ["1 — low", "2", "3 — alright", "4", "5 — wonderful"];
                let pick = Select::with_theme(&theme)
                    .with_prompt("Mood")
                    .items(&moods)
                    .default(2)
                    .interact_opt()
                    .map_err(cancelled)?
                    .ok_or_else(nothing_logged)?;
                Some(pick as u8 + 1)
            }
            None => None,
        };
        let prompt = match &args.prompt {
            None if kind == Kind::Answer && args.date.is_none() => question(partner, cfg)?,
            given => given.clone(),
        };
        let note: String = if kind == Kind::Repair {
            // The same steps as `couple log repair`.
            super::guided_repair(cfg)?
        } else {
            Input::with_theme(&theme)
                .with_prompt(if kind == Kind::Answer {
                    "Your answer"
                } else {
                    "A note (empty to skip)"
                })
                .allow_empty(kind != Kind::Answer)
                .interact_text()
                .map_err(cancelled)?
        };
        build(
            Draft {
                kind,
                date,
                minutes,
                mood,
                prompt,
                note,
            },
            partner,
            cfg,
        )
    }

    /// Which recent question an answer is to: asked only when one you have
    /// not answered is not today's (`None`: today's question).
    pub(super) fn question(partner: &str, cfg: &Config) -> Result<Option<String>> {
        let _asking = crate::term::asking();
        let open = super::unanswered(partner, cfg)?;
        if open.is_empty() || (open.len() == 1 && open[0].0 == cfg.today) {
            return Ok(None);
        }
        let items: Vec<String> = open
            .iter()
            .map(|(day, _, text)| {
                let when = match (cfg.today - *day).num_days() {
                    0 => "today".to_string(),
                    1 => "yesterday".to_string(),
                    _ => day.format("%a %-d %b").to_string(),
                };
                crate::render::shown(&format!("{when}: {text}")).into_owned()
            })
            .collect();
        let pick = Select::with_theme(&SimpleTheme)
            .with_prompt("Which question are you answering? (Esc to cancel)")
            .items(&items)
            .default(0)
            .interact_opt()
            .map_err(cancelled)?
            .ok_or_else(nothing_logged)?;
        Ok(Some(open[pick].1.clone()))
    }

    /// Esc or q: the user changed their mind.
    fn nothing_logged() -> Error {
        Error::runtime("cancelled: nothing was logged")
    }

    fn cancelled(err: dialoguer::Error) -> Error {
        crate::term::asking_failed(err, "nothing was logged")
    }
}
