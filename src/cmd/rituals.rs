//! `couple rituals`: the couple's own rituals and targets (rituals.csv),
//! and breaks from them (pauses.csv).

use chrono::SecondsFormat;
use comfy_table::{Cell, Table, presets};

use crate::cli::{RitualsArgs, RitualsCommand, RitualsPauseArgs, RitualsSetArgs};
use crate::config::Config;
use crate::dates;
use crate::error::{Error, Result};
use crate::model::lookup::{By, Found, Lookup, find};
use crate::model::{
    GOAL_ID_LEN, Kind, Pause, Removal, Ritual, fresh_id, parse_cadence, parse_kinds,
};
use crate::printer;
use crate::render::{Out, shown};
use crate::store;

const RITUALS: Lookup<'static> = Lookup {
    what: "ritual",
    plural: "rituals",
    by: By::Name,
};

const PAUSE_IDS: Lookup<'static> = Lookup {
    what: "pause",
    plural: "pauses",
    by: By::Id {
        listed_by: "couple rituals",
    },
};

pub(crate) fn run(args: RitualsArgs, cfg: &Config) -> Result<()> {
    match args.command {
        None => show(cfg),
        Some(RitualsCommand::Set(set)) => set_target(set, cfg),
        Some(RitualsCommand::Pause(pause)) => add_pause(pause, cfg),
        Some(RitualsCommand::Unpause(unpause)) => remove_pause(&unpause.id, cfg),
    }
}

fn show(cfg: &Config) -> Result<()> {
    let (rituals, from_file) = store::rituals::read(&cfg.dir)?;
    let pauses = store::rituals::pauses(&cfg.dir)?;
    let mut out = Out::stdout(cfg.color);
    let mut table = Table::new();
    table
        .load_preset(presets::NOTHING)
        .set_header(["ritual", "target", "counts", "minutes"]);
    for r in &rituals {
        table.add_row(vec![
            Cell::new(shown(&r.name)),
            Cell::new(r.cadence()),
            Cell::new(r.kinds_text()),
            Cell::new(
                r.minutes
                    .map_or_else(|| "any".to_string(), |m| format!("≥{m}")),
            ),
        ]);
    }
    out.line(&table.to_string())?;
    if !from_file {
        out.line(&out.dim(" (the defaults: `couple rituals set` writes rituals.csv)"))?;
    }
    if !pauses.is_empty() {
        out.line("")?;
        let mut table = Table::new();
        table
            .load_preset(presets::NOTHING)
            .set_header(["pause", "from", "to", "rituals", "by", "note"]);
        for p in &pauses {
            table.add_row(vec![
                Cell::new(shown(&p.id)),
                Cell::new(dates::iso(p.from)),
                Cell::new(dates::iso(p.to)),
                Cell::new(if p.is_total() {
                    "all".into()
                } else {
                    shown(&p.rituals.join(", ")).into_owned()
                }),
                Cell::new(shown(&p.partner)),
                Cell::new(shown(&p.note)),
            ]);
        }
        out.line(&table.to_string())?;
    }
    out.finish()
}

fn set_target(args: RitualsSetArgs, cfg: &Config) -> Result<()> {
    // Everything the user typed is checked before the lock is taken.
    let (target, per) = parse_cadence(&args.cadence).map_err(|problem| {
        Error::usage(problem).with_hint("write it like 1/day, 5/week or 1/month")
    })?;
    let kinds = if args.kinds.is_empty() {
        None
    } else {
        let kinds = args
            .kinds
            .iter()
            .map(|k| Kind::parse_typed(k))
            .collect::<Result<Vec<_>>>()?;
        Some(
            parse_kinds(
                &kinds
                    .iter()
                    .map(|k| k.as_str())
                    .collect::<Vec<_>>()
                    .join(" "),
            )
            .map_err(Error::usage)?,
        )
    };
    let name = args.name.trim().to_string();
    if name.is_empty() || name.chars().any(char::is_whitespace) {
        return Err(
            Error::usage(format!("{:?} is not a ritual name", args.name))
                .with_hint("a ritual's name is one word, like talk or closeness"),
        );
    }
    let (known, _) = store::rituals::read(&cfg.dir)?;
    let existing = known
        .iter()
        .position(|r| r.name.eq_ignore_ascii_case(&name));
    let kinds = match (kinds, existing) {
        (Some(kinds), _) => kinds,
        (None, Some(at)) => known[at].kinds.clone(),
        (None, None) => {
            let Some(kind) = Kind::parse(&name) else {
                let names: Vec<&str> = known.iter().map(|r| r.name.as_str()).collect();
                return Err(RITUALS.unknown(&name, &names).with_hint(format!(
                    "a new ritual needs the kinds it counts: couple rituals set {name} {} --kind care",
                    args.cadence
                )));
            };
            parse_kinds(kind.as_str()).map_err(Error::usage)?
        }
    };
    let ritual = store::rituals::update(&cfg.dir, |rows| {
        let at = rows
            .iter()
            .position(|s| s.record.name.eq_ignore_ascii_case(&name));
        let minutes = |old: Option<u16>| {
            if args.any_length {
                None
            } else {
                args.minutes.or(old)
            }
        };
        let ritual = if let Some(at) = at {
            let r = &mut rows[at].record;
            r.kinds.clone_from(&kinds);
            r.target = target;
            r.per = per;
            r.minutes = minutes(r.minutes);
            r.clone()
        } else {
            let ritual = Ritual {
                name: name.clone(),
                kinds: kinds.clone(),
                target,
                per,
                minutes: minutes(None),
            };
            rows.push(store::whole_stored(ritual.clone()));
            ritual
        };
        Ok(ritual)
    })?
    .print();
    if !cfg.quiet {
        let minutes = ritual
            .minutes
            .map(|m| format!(", at least {m} minutes each"))
            .unwrap_or_default();
        printer::say(format_args!(
            "{}: {} ({}{minutes})",
            shown(&ritual.name),
            ritual.cadence(),
            ritual.kinds_text()
        ));
    }
    Ok(())
}

fn add_pause(args: RitualsPauseArgs, cfg: &Config) -> Result<()> {
    let from = dates::parse_user_date(&args.from, cfg.today)?;
    let to = dates::parse_user_date(&args.to, cfg.today)?;
    if to < from {
        return Err(Error::usage(format!(
            "--to {} is before --from {}",
            dates::iso(to),
            dates::iso(from)
        )));
    }
    let (known, _) = store::rituals::read(&cfg.dir)?;
    let names: Vec<&str> = known.iter().map(|r| r.name.as_str()).collect();
    let mut rituals: Vec<String> = Vec::new();
    let mut note = String::new();
    for (i, word) in args.words.iter().enumerate() {
        let last = i + 1 == args.words.len();
        match find(names.iter().copied(), word) {
            Found::One(at) if names[at].eq_ignore_ascii_case(word.trim()) => {
                rituals.push(names[at].to_string());
            }
            // One word a letter or two from a ritual's name is more
            // likely that ritual mistyped than a note: pausing every
            // ritual for it would be a surprise.
            // `talk,us-time`: rituals listed with commas, not a note.
            _ if last
                && word.contains(',')
                && word.split(',').all(|part| {
                    names
                        .iter()
                        .any(|name| name.eq_ignore_ascii_case(part.trim()))
                }) =>
            {
                return Err(Error::usage(format!(
                    "{:?} names rituals joined by commas",
                    word.trim()
                ))
                .with_hint(format!(
                    "name them apart, with spaces: couple rituals pause --from D --to D {}",
                    word.split(',').map(str::trim).collect::<Vec<_>>().join(" ")
                )));
            }
            _ if last && let Some(near) = mistyped(word.trim(), &names) => {
                return Err(RITUALS.unknown(word, &names).with_hint(format!(
                    "did you mean {near}? (a note of one word this close to a ritual's name needs a second word)"
                )));
            }
            _ if last => note = word.trim().to_string(),
            _ => {
                return Err(RITUALS.unknown(word, &names).with_hint(
                    "name rituals first, then the note in quotes: couple rituals pause --from D --to D talk \"a cold\"",
                ));
            }
        }
    }
    rituals.dedup();
    let partner = cfg.partner()?.to_string();
    let pause = Pause {
        id: fresh_id(GOAL_ID_LEN),
        from,
        to,
        rituals,
        partner,
        note,
        logged_at: cfg.now().to_rfc3339_opts(SecondsFormat::Millis, false),
    };
    let added = pause.clone();
    store::rituals::update_pauses(&cfg.dir, move |rows| {
        rows.push(store::whole_stored(added));
        Ok(())
    })?
    .print();
    if cfg.quiet {
        return Ok(());
    }
    let what = pause.what();
    // The pause is recorded: a failing stdout only warns (a retry would
    // record it twice).
    Out::stdout(false).finish_recorded(Some(&pause.id), &format!("the pause {}", pause.id))?;
    let days = match pause.days() {
        1 => "1 day".to_string(),
        n => format!("{n} days"),
    };
    printer::say(format_args!(
        "paused {what} from {} to {} ({days})",
        dates::iso(pause.from),
        dates::iso(pause.to),
    ));
    Ok(())
}

fn remove_pause(id: &str, cfg: &Config) -> Result<()> {
    let pauses = store::rituals::pauses(&cfg.dir)?;
    let ids: Vec<&str> = pauses.iter().map(|p| p.id.as_str()).collect();
    let at = PAUSE_IDS.pick(&ids, id, |i| {
        format!(
            "{} ({} to {})",
            pauses[i].id,
            dates::iso(pauses[i].from),
            dates::iso(pauses[i].to)
        )
    })?;
    let gone = pauses[at].id.clone();
    let removal = Removal {
        id: gone.clone(),
        partner: cfg.caller().unwrap_or_default().to_string(),
        removed_at: cfg.now().to_rfc3339_opts(SecondsFormat::Millis, false),
        ..Removal::default()
    };
    store::rituals::remove_pause(&cfg.dir, removal)?.print();
    if !cfg.quiet {
        printer::say(format_args!("removed pause {gone}"));
    }
    Ok(())
}

/// The ritual `word` is a letter or two from, when it is one word long
/// enough for that to be a typo rather than a short note of its own
/// (`talkk`, `sitdown`; not `walk`, `us`).
fn mistyped<'n>(word: &str, names: &[&'n str]) -> Option<&'n str> {
    let length = word.chars().count();
    if length < 5 || word.contains(char::is_whitespace) {
        return None;
    }
    let most = if length >= 7 { 2 } else { 1 };
    let word = word.to_lowercase();
    names
        .iter()
        .copied()
        .find(|name| strsim::damerau_levenshtein(&word, &name.to_lowercase()) <= most)
}
