//! `couple prompt`: the question of the day, the deck to browse, a skip,
//! the deck edition, and ideas for the other rituals.

use chrono::SecondsFormat;

use crate::cli::{PromptArgs, PromptFormat};
use crate::config::Config;
use crate::dates;
use crate::deck::{self, Filter};
use crate::error::{Error, Result};
use crate::model::{ENTRY_ID_LEN, Entry, Idea, IdeaKind, Kind, Prompt, fresh_id};
use crate::printer::{self, Warning};
use crate::render::{Out, shown};
use crate::store::log::Look;
use crate::store::{self, schema};

pub(crate) fn run(args: PromptArgs, cfg: &Config) -> Result<()> {
    if let Some(kind) = args.idea {
        return idea(&args, kind, cfg);
    }
    if args.upgrade_deck {
        return upgrade_deck(cfg);
    }
    // `couple prompt` alone, as a shell start-up file runs it, never asks
    // for a passphrase, and encryption never makes it fail: skips in a log
    // it cannot open so are not looked for.
    let look = if args.is_bare() {
        Look::Quietly
    } else {
        Look::AsEveryRead
    };
    let own = store::prompts::has_own(&cfg.dir);
    if own && look == Look::Quietly && store::prompts::own_need_a_passphrase(&cfg.dir)? {
        printer::warn(
            &Warning::new(
                "today's question needs your own prompts (prompts.csv.age), and your key asks for a passphrase, which `couple prompt` alone never does",
            )
            .with_hint("`couple prompt --date today` asks for it"),
        );
        return Ok(());
    }
    if args.is_the_question_of_the_day() && !own {
        // The built-in deck alone: the question found without building
        // the deck (same question, same errors).
        let pin = store::prompts::pin(&cfg.dir, &cfg.settings, None)?;
        let date = dates::day_or_today(args.date.as_deref(), cfg.today)?;
        let prompt = store::prompts::builtin_question_of_the_day(&cfg.dir, pin, date, look)?
            .ok_or_else(|| no_prompt_on(date))?;
        let mut out = Out::stdout(cfg.color);
        let terminal = cfg.stdout_is_terminal;
        render_one(&mut out, &prompt, args.format, args.raw, (terminal, false))?;
        return out.finish();
    }
    let deck = store::prompts::load(&cfg.dir, args.deck.as_deref())?;
    let pin = store::prompts::pin(&cfg.dir, &cfg.settings, args.deck.as_deref())?;
    let date = dates::day_or_today(args.date.as_deref(), cfg.today)?;

    let filter = Filter {
        themes: deck::themes_named(&deck, &args.theme)?,
        depth: args.depth,
    };
    // Every edition, for --id (old answers name old ids); the couple's
    // edition for the rest.
    let every = deck::select(&deck, &filter);
    let prompts = deck::in_edition(&every, pin.edition_on(date));
    if deck.is_empty() {
        return Err(Error::usage("the deck holds no prompts").with_hint(
            "a deck is a CSV file with the columns id,theme,depth,text and a row per prompt",
        ));
    }
    if prompts.is_empty() && !args.themes {
        return Err(
            Error::usage("no prompt in the deck matches --theme and --depth")
                .with_hint("see `couple prompt --themes` for what each theme holds"),
        );
    }

    let mut out = Out::stdout(cfg.color);
    let mut skipped = None;
    if args.themes {
        let owned: Vec<Prompt> = prompts.into_iter().cloned().collect();
        render_themes(&mut out, &deck::themes(&owned), args.format, args.raw)?;
    } else if args.list {
        render_list(&mut out, &prompts, args.format, args.raw)?;
    } else {
        let prompt = if let Some(id) = &args.id {
            deck::by_id(&every, id)?
        } else if args.random {
            prompts[random_below(prompts.len())]
        } else {
            if args.skip {
                skipped = skip(&every, pin, cfg)?;
            }
            store::prompts::question_of_the_day(&cfg.dir, &every, pin, date, look)?
                .ok_or_else(|| no_prompt_on(date))?
        };
        // A card drawn at random or by id says its id, so it can be
        // answered: couple log answer --prompt ID.
        let with_id = args.random || args.id.is_some();
        let written = render_one(
            &mut out,
            prompt,
            args.format,
            args.raw,
            (cfg.stdout_is_terminal, with_id),
        );
        if let Some(id) = skipped {
            // The skip is recorded: a failing stdout only warns (run
            // again, it would skip the next question too).
            return out.settle_recorded(written, &format!("the skip {id}"));
        }
        written?;
    }
    out.finish()
}

fn no_prompt_on(date: chrono::NaiveDate) -> Error {
    Error::usage(format!("no prompt is in play on {}", dates::iso(date)))
        .with_hint("your own prompts join on the day their added column names")
}

/// Records in log.csv that today's question (as it stands now) is
/// skipped, for both partners.
fn skip(prompts: &[&Prompt], pin: deck::Pin, cfg: &Config) -> Result<Option<String>> {
    let partner = cfg.partner()?;
    let Some(today) =
        store::prompts::question_of_the_day(&cfg.dir, prompts, pin, cfg.today, Look::AsEveryRead)?
    else {
        return Ok(None);
    };
    let entry = Entry {
        id: fresh_id(ENTRY_ID_LEN),
        date: cfg.today,
        partner: partner.to_string(),
        kind: Kind::Skip,
        prompt: today.id.to_string(),
        logged_at: cfg.now().to_rfc3339_opts(SecondsFormat::Millis, false),
        ..Entry::default()
    };
    store::log::append(&cfg.dir, &entry)?.print();
    crate::hooks::entry_written(cfg, &entry);
    Ok(Some(entry.id))
}

/// `--upgrade-deck`: the newest edition from today on, and what changes.
fn upgrade_deck(cfg: &Config) -> Result<()> {
    let mut out = Out::stdout(cfg.color);
    let upgrade = store::settings::upgrade_deck(&cfg.dir, cfg.today)?.print();
    let sizes = deck::edition_sizes();
    let total = |edition: u8| -> usize {
        sizes
            .iter()
            .filter(|(e, _)| *e <= edition)
            .map(|(_, n)| n)
            .sum()
    };
    let upgraded = upgrade.as_ref().map(|up| up.to);
    let written = match upgrade {
        None => out.line(&format!(
            "already on deck edition {}, the newest this couple knows ({} prompts)",
            deck::NEWEST_EDITION,
            total(deck::NEWEST_EDITION)
        )),
        Some(up) => out.line(&format!(
            "deck edition {} → {} from {} on: {} new prompts join the {} of edition {} ({} in all). Earlier days keep their question; your partner needs a couple that knows edition {} (this one, {}, or newer).",
            up.from,
            up.to,
            dates::iso(cfg.today),
            total(up.to) - total(up.from),
            total(up.from),
            up.from,
            total(up.to),
            up.to,
            env!("CARGO_PKG_VERSION"),
        )),
    };
    match upgraded {
        // settings.csv is written: a failing stdout only warns.
        Some(to) => out.settle_recorded(written, &format!("the upgrade to deck edition {to}")),
        None => written.and_then(|()| out.finish()),
    }
}

/// `--idea KIND`: this week's us-time idea, or today's care idea of the
/// caller; with `--list`, every idea of the kind.
fn idea(args: &PromptArgs, kind: IdeaKind, cfg: &Config) -> Result<()> {
    let ideas = store::ideas::load(&cfg.dir)?;
    let mut out = Out::stdout(cfg.color);
    if args.list {
        let listed = deck::ideas::of_kind(&ideas, kind);
        match args.format {
            PromptFormat::Text => {
                let width = listed.iter().map(|i| i.id.len()).max().unwrap_or(0);
                for idea in &listed {
                    out.line(&format!(
                        "{:<width$}  {}",
                        shown(&idea.id),
                        shown(&idea.text)
                    ))?;
                }
            }
            PromptFormat::Csv => {
                out.csv(IDEA_HEADER, listed.iter().map(|i| idea_row(i)), args.raw)?;
            }
            PromptFormat::Json => out.json(&listed)?,
        }
        return out.finish();
    }
    let date = dates::day_or_today(args.date.as_deref(), cfg.today)?;
    let partner = match kind {
        IdeaKind::Care => cfg.partner()?,
        IdeaKind::UsTime => "",
    };
    let idea = deck::ideas::idea_for(&ideas, kind, date, partner).ok_or_else(|| {
        Error::usage(format!("no {kind} idea is in play on {}", dates::iso(date)))
    })?;
    match args.format {
        PromptFormat::Text if cfg.stdout_is_terminal => {
            let when = match kind {
                IdeaKind::UsTime => "— us-time, this week",
                IdeaKind::Care => "— care, today",
            };
            let when = out.dim(when);
            out.line(&format!("{}  {when}", shown(&idea.text)))?;
        }
        PromptFormat::Text => out.line(&shown(&idea.text))?,
        PromptFormat::Csv => out.csv(IDEA_HEADER, [idea_row(idea)], args.raw)?,
        PromptFormat::Json => out.json(idea)?,
    }
    out.finish()
}

const IDEA_HEADER: [&str; 3] = ["id", "kind", "text"];

fn idea_row(idea: &Idea) -> [String; 3] {
    [
        idea.id.to_string(),
        idea.kind.as_str().to_string(),
        idea.text.to_string(),
    ]
}

fn random_below(n: usize) -> usize {
    let mut bytes = [0u8; 8];
    // A failing random source only makes --random less random.
    let _ = getrandom::fill(&mut bytes);
    (u64::from_le_bytes(bytes) % n as u64) as usize
}

fn render_one(
    out: &mut Out,
    prompt: &Prompt,
    format: PromptFormat,
    raw: bool,
    (terminal, with_id): (bool, bool),
) -> Result<()> {
    match format {
        PromptFormat::Text if terminal => {
            let id = if with_id {
                format!(", {}", shown(&prompt.id))
            } else {
                String::new()
            };
            let theme = out.dim(&format!("— {}{id}", prompt.theme));
            out.line(&format!("{}  {theme}", shown(&prompt.text)))
        }
        PromptFormat::Text if with_id => {
            out.line(&format!("{}  [{}]", shown(&prompt.text), shown(&prompt.id)))
        }
        PromptFormat::Text => out.line(&shown(&prompt.text)),
        PromptFormat::Csv => out.csv_with(raw, |csv| schema::write_all(csv, [prompt])),
        PromptFormat::Json => out.json(prompt),
    }
}

fn render_list(out: &mut Out, prompts: &[&Prompt], format: PromptFormat, raw: bool) -> Result<()> {
    match format {
        PromptFormat::Text => {
            let width = prompts.iter().map(|p| p.id.len()).max().unwrap_or(0);
            for prompt in prompts {
                let depth = out.dim(&format!("{:<5}", prompt.depth.as_str()));
                let id = shown(&prompt.id);
                out.line(&format!("{id:<width$}  {depth}  {}", shown(&prompt.text)))?;
            }
            Ok(())
        }
        PromptFormat::Csv => {
            out.csv_with(raw, |csv| schema::write_all(csv, prompts.iter().copied()))
        }
        PromptFormat::Json => out.json(&prompts),
    }
}

fn render_themes(
    out: &mut Out,
    themes: &[deck::ThemeCount<'_>],
    format: PromptFormat,
    raw: bool,
) -> Result<()> {
    match format {
        PromptFormat::Text => {
            let width = themes.iter().map(|t| t.theme.len()).max().unwrap_or(0);
            for t in themes {
                let split = out.dim(&format!("({} light, {} deep)", t.light, t.deep));
                let theme = shown(t.theme);
                out.line(&format!("{theme:<width$}  {:>3}  {split}", t.prompts))?;
            }
            Ok(())
        }
        PromptFormat::Csv => out.csv(
            ["theme", "prompts", "light", "deep"],
            themes.iter().map(|t| {
                [
                    t.theme.to_string(),
                    t.prompts.to_string(),
                    t.light.to_string(),
                    t.deep.to_string(),
                ]
            }),
            raw,
        ),
        PromptFormat::Json => out.json(&themes),
    }
}
