//! `couple prompt`: the question of the day, and the deck to browse.

use crate::cli::{DepthArg, PromptArgs, PromptFormat};
use crate::config::Config;
use crate::dates;
use crate::deck::{self, Filter, Lookup};
use crate::error::{Error, Result};
use crate::model::{self, Depth, Prompt};
use crate::render::Out;
use crate::store;

pub(crate) fn run(args: PromptArgs, cfg: &Config) -> Result<()> {
    let deck = load_deck(args.deck.as_deref(), cfg)?;

    let filter = Filter {
        themes: known_themes(&deck, &args.theme)?,
        depth: args.depth.map(|d| match d {
            DepthArg::Light => Depth::Light,
            DepthArg::Deep => Depth::Deep,
        }),
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
        render_themes(&mut out, &deck::themes(&owned), args.format)?;
    } else if args.list {
        render_list(&mut out, &prompts, args.format)?;
    } else {
        let prompt = if let Some(id) = &args.id {
            by_id(&prompts, id)?
        } else if args.random {
            prompts[random_below(prompts.len())]
        } else {
            let date = dates::day_or_today(args.date.as_deref(), cfg.today)?;
            deck::question_of_the_day(&prompts, date).unwrap_or(prompts[0])
        };
        render_one(&mut out, prompt, args.format, cfg.stdout_is_terminal)?;
    }
    out.finish()
}

/// The built-in deck plus `DIR/prompts.csv`, or the `--deck` file alone.
pub(crate) fn load_deck(deck_file: Option<&std::path::Path>, cfg: &Config) -> Result<Vec<Prompt>> {
    if let Some(path) = deck_file {
        let (name, bytes) = store::deck_file(path)?;
        return store::prompts::parse(&name, &bytes);
    }
    let mut deck = deck::builtin();
    if let Some((name, bytes)) = store::user_deck(&cfg.dir)? {
        store::prompts::extend(&mut deck, &name, &bytes)?;
    }
    Ok(deck)
}

/// The themes asked for, each checked to be in the deck.
pub(crate) fn known_themes(deck: &[Prompt], asked: &[String]) -> Result<Vec<String>> {
    if asked.is_empty() {
        return Ok(Vec::new());
    }
    let themes = deck::themes(deck);
    let names = || themes.iter().map(|t| t.theme);
    asked
        .iter()
        .map(|theme| {
            let theme = theme.trim().to_lowercase();
            if names().any(|known| known == theme) {
                return Ok(theme);
            }
            let err = Error::usage(format!("unknown theme {theme:?}"));
            let list = names().collect::<Vec<_>>().join(", ");
            Err(match model::closest(&theme, names()) {
                Some(near) => err.with_hint(format!("did you mean {near}? themes: {list}")),
                None => err.with_hint(format!("themes: {list}")),
            })
        })
        .collect()
}

/// The prompt with this id, or the one whose id it uniquely begins.
pub(crate) fn by_id<'d>(prompts: &[&'d Prompt], id: &str) -> Result<&'d Prompt> {
    if id.trim().is_empty() {
        return Err(Error::usage("the prompt id is empty")
            .with_hint("`couple prompt --list` shows every id"));
    }
    match deck::find(prompts, id.trim()) {
        Lookup::Found(found) => Ok(found),
        Lookup::Missing => Err(Error::usage(format!("no prompt has the id {id:?}"))
            .with_hint("`couple prompt --list` shows every id")),
        Lookup::Ambiguous(ids) => Err(Error::usage(format!(
            "{id:?} could be any of {}{}",
            ids[..ids.len().min(10)].join(", "),
            if ids.len() > 10 {
                format!(" and {} more", ids.len() - 10)
            } else {
                String::new()
            }
        ))
        .with_hint("type more of the id")),
    }
}

fn random_below(n: usize) -> usize {
    let mut bytes = [0u8; 8];
    // A failing random source only makes --random less random.
    let _ = getrandom::fill(&mut bytes);
    (u64::from_le_bytes(bytes) % n as u64) as usize
}

fn render_one(out: &mut Out, prompt: &Prompt, format: PromptFormat, terminal: bool) -> Result<()> {
    match format {
        PromptFormat::Text if terminal => {
            let theme = out.dim(&format!("— {}", prompt.theme));
            out.line(&format!("{}  {theme}", prompt.text))
        }
        PromptFormat::Text => out.line(&prompt.text),
        PromptFormat::Csv => out.csv(CSV_HEADER, [csv_row(prompt)]),
        PromptFormat::Json => out.json(prompt),
    }
}

fn render_list(out: &mut Out, prompts: &[&Prompt], format: PromptFormat) -> Result<()> {
    match format {
        PromptFormat::Text => {
            let width = prompts.iter().map(|p| p.id.len()).max().unwrap_or(0);
            for prompt in prompts {
                let depth = out.dim(&format!("{:<5}", prompt.depth.as_str()));
                out.line(&format!("{:<width$}  {depth}  {}", prompt.id, prompt.text))?;
            }
            Ok(())
        }
        PromptFormat::Csv => out.csv(CSV_HEADER, prompts.iter().map(|p| csv_row(p))),
        PromptFormat::Json => out.json(&prompts),
    }
}

fn render_themes(
    out: &mut Out,
    themes: &[deck::ThemeCount<'_>],
    format: PromptFormat,
) -> Result<()> {
    match format {
        PromptFormat::Text => {
            let width = themes.iter().map(|t| t.theme.len()).max().unwrap_or(0);
            for t in themes {
                let split = out.dim(&format!("({} light, {} deep)", t.light, t.deep));
                out.line(&format!("{:<width$}  {:>3}  {split}", t.theme, t.prompts))?;
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
        ),
        PromptFormat::Json => out.json(&themes),
    }
}

const CSV_HEADER: [&str; 4] = ["id", "theme", "depth", "text"];

fn csv_row(prompt: &Prompt) -> [String; 4] {
    [
        prompt.id.to_string(),
        prompt.theme.to_string(),
        prompt.depth.as_str().to_string(),
        prompt.text.to_string(),
    ]
}
