//! The whole command surface, in one place. The doc comments are the help
//! text: the first line is the short help, the paragraphs after it the long
//! help, and the same definitions feed the man pages and the completions.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// Small daily rituals for two, over plain CSV files you own.
///
/// couple gives both partners the same open question every day, records the
/// rituals that keep closeness alive (a daily talk, weekly time together,
/// small acts of care, repair after hurt, a monthly sit-down over shared
/// goals), and shows how it is going and what is due. Everything lives in a
/// few CSV files in one private directory: no account, no server.
#[derive(Debug, Parser)]
#[command(
    name = "couple",
    version,
    arg_required_else_help = true,
    max_term_width = 100,
    after_help = "Start with:  couple prompt"
)]
pub(crate) struct Cli {
    #[command(flatten)]
    pub(crate) global: GlobalArgs,

    #[command(subcommand)]
    pub(crate) command: Command,
}

/// Options every subcommand takes, before or after its name.
#[derive(Debug, Args)]
pub(crate) struct GlobalArgs {
    /// The data directory [default: $XDG_DATA_HOME/couple]
    ///
    /// Holds log.csv, goals.csv and an optional prompts.csv. Created on the
    /// first write, private to you (0700). Point both partners' COUPLE_DIR
    /// at one synced folder to share it.
    #[arg(long, global = true, env = "COUPLE_DIR", value_name = "DIR")]
    pub(crate) dir: Option<PathBuf>,

    /// Who you are [default: your login name]
    ///
    /// Entries are recorded under this name; `review` shows each partner.
    #[arg(long, global = true, env = "COUPLE_PARTNER", value_name = "NAME")]
    pub(crate) partner: Option<String>,

    /// Never ask anything interactively
    ///
    /// Implied when stdin is not a terminal, so cron jobs and scripts never
    /// wait for input; a command that needs an answer fails instead.
    #[arg(long, global = true)]
    pub(crate) no_input: bool,

    /// When to use colour
    ///
    /// `auto` colours only a terminal, and never when NO_COLOR is set.
    #[arg(
        long,
        global = true,
        value_enum,
        default_value_t = ColorChoice::Auto,
        value_name = "WHEN"
    )]
    pub(crate) color: ColorChoice,

    /// Print only data: no confirmations
    #[arg(short, long, global = true)]
    pub(crate) quiet: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum ColorChoice {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Subcommand)]
pub(crate) enum Command {
    Prompt(PromptArgs),
}

/// Print the question of the day, or browse the deck
///
/// Both partners get the same question on the same date, on any machine,
/// and no question comes back until the whole deck (after --theme and
/// --depth) has been used: a year of days without a repeat. A prompts.csv
/// in the data directory adds your own questions to the built-in deck.
///
/// It reads nothing but the deck and writes nothing, so it is safe in
/// ~/.bashrc.
#[derive(Debug, Args)]
#[command(after_help = "Examples:
  couple prompt                          today's question
  couple prompt --theme play --depth light
  couple prompt --date tomorrow
  couple prompt --list --format csv > deck.csv
  couple prompt --themes")]
pub(crate) struct PromptArgs {
    /// Only prompts of this theme (repeat for several)
    #[arg(long, value_name = "THEME")]
    pub(crate) theme: Vec<String>,

    /// Only light or only deep prompts
    #[arg(long, value_enum, value_name = "DEPTH")]
    pub(crate) depth: Option<DepthArg>,

    /// The question of this day instead of today's (2026-03-01, tomorrow, …)
    #[arg(long, value_name = "DATE")]
    pub(crate) date: Option<String>,

    /// Any prompt at random, instead of the question of the day
    #[arg(long, conflicts_with_all = ["date", "id", "list", "themes"])]
    pub(crate) random: bool,

    /// The prompt with this id (or a unique prefix of it)
    #[arg(long, value_name = "ID", conflicts_with_all = ["list", "themes"])]
    pub(crate) id: Option<String>,

    /// Every prompt of the (filtered) deck
    #[arg(long, conflicts_with = "themes")]
    pub(crate) list: bool,

    /// Each theme with its number of prompts
    #[arg(long)]
    pub(crate) themes: bool,

    /// Use this deck instead of the built-in one (columns id,theme,depth,text)
    #[arg(long, value_name = "FILE")]
    pub(crate) deck: Option<PathBuf>,

    /// Output format
    #[arg(long, value_enum, default_value_t = PromptFormat::Text, value_name = "FORMAT")]
    pub(crate) format: PromptFormat,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum DepthArg {
    Light,
    Deep,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum PromptFormat {
    Text,
    Csv,
    Json,
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    use super::Cli;

    #[test]
    fn verify_cli() {
        Cli::command().debug_assert();
    }
}
