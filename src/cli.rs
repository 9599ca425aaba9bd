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
    Goals(GoalsArgs),
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

/// Shared goals, dreams and bucket-list ideas, and the monthly sit-down
///
/// Goals live in goals.csv in the data directory, one row each, and both of
/// you can add, finish, drop and edit them. Every command takes a goal's id
/// or any unique prefix of it. Without a subcommand, lists the open goals.
#[derive(Debug, Args)]
#[command(
    args_conflicts_with_subcommands = true,
    after_help = "Examples:
  couple goals add \"See the northern lights\"
  couple goals add \"Book the Lisbon trip\" --due 2026-12-15 --owner sam
  couple goals                           the open goals, overdue first
  couple goals done 7kq                  by a unique prefix of the id
  couple goals edit 7kq --due \"next friday\" --note \"ask about trains\"
  couple goals review                    the monthly sit-down"
)]
pub(crate) struct GoalsArgs {
    #[command(subcommand)]
    pub(crate) command: Option<GoalsCommand>,

    #[command(flatten)]
    pub(crate) list: GoalsListArgs,
}

#[derive(Debug, Subcommand)]
pub(crate) enum GoalsCommand {
    Add(GoalsAddArgs),
    List(GoalsListArgs),
    /// Mark a goal done
    Done(GoalIdArgs),
    /// Drop a goal you no longer want (it stays in the file, as dropped)
    Drop(GoalIdArgs),
    /// Open a done or dropped goal again
    Reopen(GoalIdArgs),
    Edit(GoalsEditArgs),
    Review(GoalsReviewArgs),
}

/// Add a goal; prints its new id
///
/// A goal can be a plan with a date, a dream for some day, or a silly
/// bucket-list idea. Its id is 8 characters, unique without the two
/// machines ever talking to each other.
#[derive(Debug, Args)]
pub(crate) struct GoalsAddArgs {
    /// What you want to do, see or become (quote it, or just type the words)
    #[arg(required = true, num_args = 1.., value_name = "TITLE")]
    pub(crate) title: Vec<String>,

    /// How far away it is [default: month if due within a month, year if
    /// within a year, else someday]
    #[arg(long, value_enum, value_name = "HORIZON")]
    pub(crate) horizon: Option<HorizonArg>,

    /// When you want it done (2026-12-24, "next friday", …)
    #[arg(long, value_name = "DATE")]
    pub(crate) due: Option<String>,

    /// Whose goal it is: us (both of you), me, or a partner's name
    #[arg(long, default_value = "us", value_name = "us|NAME")]
    pub(crate) owner: String,

    /// A note to keep with it
    #[arg(long, value_name = "TEXT")]
    pub(crate) note: Option<String>,
}

/// List goals: the open ones, overdue first
///
/// Overdue goals come first, then by due date, then the undated ones, each
/// group by when it was added. csv and json carry every column of goals.csv.
#[derive(Debug, Args)]
pub(crate) struct GoalsListArgs {
    /// Which goals to list
    #[arg(long, value_enum, default_value_t = StatusFilter::Open, value_name = "STATUS")]
    pub(crate) status: StatusFilter,

    /// Only goals of this horizon
    #[arg(long, value_enum, value_name = "HORIZON")]
    pub(crate) horizon: Option<HorizonArg>,

    /// Output format
    #[arg(long, value_enum, default_value_t = GoalsFormat::Table, value_name = "FORMAT")]
    pub(crate) format: GoalsFormat,
}

/// The goal a command acts on.
#[derive(Debug, Args)]
pub(crate) struct GoalIdArgs {
    /// The goal's id, or any unique prefix of it
    pub(crate) id: String,
}

/// Change a goal's title, horizon, due date, owner or note
#[derive(Debug, Args)]
#[command(arg_required_else_help = true)]
pub(crate) struct GoalsEditArgs {
    /// The goal's id, or any unique prefix of it
    pub(crate) id: String,

    /// A new title
    #[arg(long, value_name = "TITLE")]
    pub(crate) title: Option<String>,

    /// A new horizon
    #[arg(long, value_enum, value_name = "HORIZON")]
    pub(crate) horizon: Option<HorizonArg>,

    /// A new due date
    #[arg(long, value_name = "DATE", conflicts_with = "no_due")]
    pub(crate) due: Option<String>,

    /// Remove the due date
    #[arg(long)]
    pub(crate) no_due: bool,

    /// A new owner: us, me, or a partner's name
    #[arg(long, value_name = "us|NAME")]
    pub(crate) owner: Option<String>,

    /// A new note, in place of the old one ("" removes it)
    #[arg(long, value_name = "TEXT")]
    pub(crate) note: Option<String>,
}

/// The monthly sit-down: go through the open goals together
///
/// On a terminal, walks each open goal (keep it, mark it done, drop it,
/// give it a new due date, add a note), then asks for new goals — dreams,
/// plans, silly bucket-list ideas — and records a sit-down in log.csv.
///
/// Without a terminal, or with --no-input, prints the agenda instead:
/// overdue goals, goals due within 7 days, the other open goals, the last
/// sit-down and what was done since. It records nothing, so a crontab line
/// mails the agenda on the first of the month.
#[derive(Debug, Args)]
#[command(after_help = "Examples:
  couple goals review                    the sit-down, on a terminal
  couple goals review --no-input         just the agenda
  0 9 1 * * couple goals review          (crontab) the agenda by mail, monthly")]
pub(crate) struct GoalsReviewArgs {
    /// The day of the sit-down [default: today]
    #[arg(long, value_name = "DATE")]
    pub(crate) date: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum HorizonArg {
    Month,
    Year,
    Someday,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum StatusFilter {
    Open,
    Done,
    Dropped,
    All,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum GoalsFormat {
    Table,
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
