//! `couple prompt`: the question of the day, and the deck to browse.

use crate::cli::{PromptArgs, PromptFormat};
use crate::config::Config;
use crate::dates;
use crate::deck::{self, Filter};
use crate::error::{Error, Result};
use crate::model::Prompt;
use crate::render::{Out, shown};
use crate::store::{self, schema};

pub(crate) fn run(args: PromptArgs, cfg: &Config) -> Result<()> {
    let deck = store::prompts::load(&cfg.dir, args.deck.as_deref())?;

    let filter = Filter {
        themes: deck::themes_named(&deck, &args.theme)?,
        depth: args.depth,
    };
    let prompts = deck::select(&deck, &filter);
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
    if args.themes {
        let owned: Vec<Prompt> = prompts.into_iter().cloned().collect();
        render_themes(&mut out, &deck::themes(&owned), args.format, args.raw)?;
    } else if args.list {
        render_list(&mut out, &prompts, args.format, args.raw)?;
    } else {
        let prompt = if let Some(id) = &args.id {
            deck::by_id(&prompts, id)?
        } else if args.random {
            prompts[random_below(prompts.len())]
        } else {
            let date = dates::day_or_today(args.date.as_deref(), cfg.today)?;
            deck::question_of_the_day(&prompts, date).unwrap_or(prompts[0])
        };
        render_one(
            &mut out,
            prompt,
            args.format,
            args.raw,
            cfg.stdout_is_terminal,
        )?;
    }
    out.finish()
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
    terminal: bool,
) -> Result<()> {
    match format {
        PromptFormat::Text if terminal => {
            let theme = out.dim(&format!("— {}", prompt.theme));
            out.line(&format!("{}  {theme}", shown(&prompt.text)))
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
