//! The whole command surface, in one place. The doc comments are the help
//! text: the first line is the short help, the paragraphs after it the long
//! help, and the same definitions feed the man pages and the completions.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};
use clap_complete::engine::ArgValueCompleter;

use crate::model::{Depth, Horizon, IdeaKind, Kind, Status};

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
    max_term_width = 100,
    after_help = "Without a command: today's question, and what is due.\nStart with:  couple prompt"
)]
pub(crate) struct Cli {
    #[command(flatten)]
    pub(crate) global: GlobalArgs,

    /// None: bare `couple`, today's question and what is due.
    #[command(subcommand)]
    pub(crate) command: Option<Command>,
}

mod shell_prompt;

/// The command line, parsed, and whether `--partner` was typed on it (a
/// typed name also narrows what a report shows; from COUPLE_PARTNER it
/// only says who is calling). On a usage error, clap's message is printed
/// and the process exits 2.
pub(crate) fn parse() -> (Cli, bool) {
    use clap::FromArgMatches;
    use clap::parser::ValueSource;
    if let Some(cli) =
        shell_prompt::parse(std::env::args_os().skip(1), |name| std::env::var_os(name))
    {
        return (cli, false);
    }
    let mut matches = matches();
    let typed = |m: &clap::ArgMatches| m.value_source("partner") == Some(ValueSource::CommandLine);
    let partner_typed = matches.subcommand().is_some_and(|(_, sub)| typed(sub)) || typed(&matches);
    let cli = Cli::from_arg_matches_mut(&mut matches).unwrap_or_else(|err| err.exit());
    (cli, partner_typed)
}

/// The command line, parsed by clap; on a usage error, clap's message is
/// printed and the process exits 2.
///
/// clap's usage line in an error lists every option that has a value,
/// including those COUPLE_DIR and COUPLE_PARTNER supplied, so a forgotten
/// goal id read `Usage: couple goals done --dir <DIR> --partner <NAME>
/// <ID>`, as if those were needed. The error is therefore made again by a
/// parse that does not read the environment: the same mistake, the usage
/// line as typed.
fn matches() -> clap::ArgMatches {
    use clap::CommandFactory;
    use clap::error::ErrorKind;
    // A shell asking for completions (COMPLETE=SHELL): answer, and exit.
    // Asked for the registration script itself, print the committed one.
    if std::env::var_os("COMPLETE").is_some_and(|v| !v.is_empty() && v != "0")
        && std::env::args_os().nth(1).is_none()
    {
        let name = std::env::var("COMPLETE").unwrap_or_default();
        if let Ok(shell) = name.parse::<clap_complete::Shell>() {
            use std::io::Write;
            let _ = std::io::stdout().write_all(&crate::generated::script(shell));
            std::process::exit(0);
        }
    }
    completions_env().complete();
    let mut command = Cli::command();
    let parsed = command.try_get_matches_from_mut(std::env::args_os());
    // The tree of a dozen subcommands is not needed again, and freeing it
    // node by node was a tenth of `couple prompt`'s start-up: the process
    // ends soon and the OS takes it back whole.
    std::mem::forget(command);
    match parsed {
        Ok(matches) => matches,
        Err(err)
            if matches!(
                err.kind(),
                ErrorKind::DisplayHelp | ErrorKind::DisplayVersion
            ) =>
        {
            err.exit()
        }
        Err(err) => {
            let unaided = Cli::command()
                .mut_arg("dir", |arg| arg.env(None))
                .mut_arg("partner", |arg| arg.env(None))
                .try_get_matches()
                .err()
                .filter(|again| again.kind() == err.kind());
            unaided.unwrap_or(err).exit()
        }
    }
}

/// Completions from the clap definitions, as the scripts in completions/
/// ask for them: `COMPLETE=bash couple -- couple log ""`.
pub(crate) fn completions_env() -> clap_complete::CompleteEnv<'static, fn() -> clap::Command> {
    use clap::CommandFactory;
    clap_complete::CompleteEnv::with_factory(Cli::command as fn() -> clap::Command)
        .bin("couple")
        .completer("couple")
        .shells(clap_complete::env::Shells(&crate::complete::SHELLS))
}

/// Options every subcommand takes, before or after its name.
#[derive(Debug, Args)]
#[command(next_help_heading = "Global options")]
pub(crate) struct GlobalArgs {
    /// The data directory [default: $XDG_DATA_HOME/couple]
    ///
    /// Holds log.csv, goals.csv and an optional prompts.csv. Created on the
    /// first write, private to you (0700). Point both partners' COUPLE_DIR
    /// at one synced folder to share it.
    // Empty is let through (clap would say "a value is required") so that
    // Config can name COUPLE_DIR in its message.
    #[arg(
        long,
        global = true,
        env = "COUPLE_DIR",
        value_name = "DIR",
        value_parser = clap::builder::TypedValueParser::map(clap::builder::OsStringValueParser::new(), PathBuf::from)
    )]
    pub(crate) dir: Option<PathBuf>,

    /// Who you are [default: your login name]
    ///
    /// Entries are recorded under this name; `review` shows each partner.
    /// Typed on the command line of history, review or export, it narrows
    /// them to that partner and never reads as them: you are still
    /// COUPLE_PARTNER (else your login name), so their answers stay hidden
    /// until you answer.
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

    /// Print only what was asked for: no new ids, no confirmations
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
    Log(LogArgs),
    Goals(GoalsArgs),
    Review(ReviewArgs),
    History(HistoryArgs),
    Export(ExportArgs),
    Talk(TalkArgs),
    Rituals(RitualsArgs),
    Crypt(CryptArgs),
    Completions(CompletionsArgs),
    MergeDriver(MergeDriverArgs),
}

/// Print the question of the day, or browse the deck
///
/// Both partners get the same question on the same date, on any machine,
/// and no question comes back until the whole deck (after --theme and
/// --depth) has been used. How it is chosen: the prompts in play that day
/// — the built-in prompts of the couple's deck edition, and your own from
/// the day each was added — in id order, shuffled once with a fixed seed;
/// day d gets position d mod n. Adding a prompt changes no past day.
///
/// Editions: the built-in deck grows in editions (1: 384 prompts; 2: over
/// 1,000). settings.csv in the data directory pins the couple's edition,
/// so both machines ask the same question even when one partner's couple is
/// newer:
/// a data directory from before editions stays on edition 1, a new one
/// starts on the newest. --upgrade-deck moves you both to the newest from
/// today on (earlier days keep their question).
///
/// --skip skips today's question for you both: it is recorded in log.csv
/// and both partners see the same next one for the rest of the day.
///
/// --idea us-time|care gives an idea for time together (the same for you
/// both all week) or for a small act of care (yours, one a day), whatever
/// the deck edition. An ideas.csv in the data directory adds your own
/// (columns id,kind,text,added).
///
/// A prompts.csv in the data directory adds your own questions (columns
/// id,theme,depth,text, and added: the day each joins, empty for from the
/// start). When settings.csv names a timezone, "today" is the date there.
///
/// It reads the deck, settings.csv and at most the last 64 KiB of log.csv
/// (for today's skips), and writes nothing unless asked (--skip,
/// --upgrade-deck), so it is safe in ~/.bashrc.
#[derive(Debug, Args)]
#[command(after_help = "Examples:
  couple prompt                          today's question
  couple prompt --skip                   not today's: the next one, for you both
  couple prompt --theme play --depth light
  couple prompt --date tomorrow
  couple prompt --list --format csv > deck.csv
  couple prompt --themes
  couple prompt --idea us-time           this week's idea for time together
  couple prompt --idea care --list
  couple prompt --upgrade-deck           the newest deck edition, for you both")]
pub(crate) struct PromptArgs {
    /// Only prompts of this theme (repeat for several)
    #[arg(short, long, value_name = "THEME", value_parser = Suggest(themes), hide_possible_values = true, add = ArgValueCompleter::new(crate::complete::themes))]
    pub(crate) theme: Vec<String>,

    /// Only light or only deep prompts
    #[arg(long, value_enum, value_name = "DEPTH")]
    pub(crate) depth: Option<Depth>,

    /// The question of this day instead of today's (2026-03-01, tomorrow, …)
    #[arg(short, long, value_name = "DATE")]
    pub(crate) date: Option<String>,

    /// Any prompt at random, instead of the question of the day
    #[arg(long, conflicts_with_all = ["date", "id", "list", "themes", "skip", "upgrade_deck"])]
    pub(crate) random: bool,

    /// The prompt with this id (or a unique prefix of it)
    #[arg(long, value_name = "ID", conflicts_with_all = ["list", "themes", "skip", "upgrade_deck"])]
    pub(crate) id: Option<String>,

    /// Every prompt of the (filtered) deck
    #[arg(long, conflicts_with_all = ["themes", "skip", "upgrade_deck"])]
    pub(crate) list: bool,

    /// Each theme with its number of prompts
    #[arg(long, conflicts_with_all = ["skip", "upgrade_deck", "idea"])]
    pub(crate) themes: bool,

    /// Skip today's question for you both, and print the next one
    #[arg(long, conflicts_with_all = ["date", "upgrade_deck", "idea", "deck"])]
    pub(crate) skip: bool,

    /// Move the couple to the newest deck edition from today on
    #[arg(long, conflicts_with_all = ["date", "theme", "depth", "idea", "deck"])]
    pub(crate) upgrade_deck: bool,

    /// An idea for time together (us-time) or a small act of care (care)
    #[arg(long, value_enum, value_name = "KIND", conflicts_with_all = ["theme", "depth", "random", "id", "deck"])]
    pub(crate) idea: Option<IdeaKind>,

    /// Use this deck instead of the built-in one (columns id,theme,depth,text)
    #[arg(long, value_name = "FILE")]
    pub(crate) deck: Option<PathBuf>,

    /// Output format
    #[arg(long, value_enum, default_value_t = PromptFormat::Text, value_name = "FORMAT")]
    pub(crate) format: PromptFormat,

    /// CSV cells exactly as stored, formulas and all (no leading ')
    #[arg(long)]
    pub(crate) raw: bool,
}

impl PromptArgs {
    /// `couple prompt` with no option at all, as a shell start-up file runs
    /// it: it never asks for a passphrase (see `store::quiet`).
    pub(crate) fn is_bare(&self) -> bool {
        self.is_the_question_of_the_day()
            && self.date.is_none()
            && self.format == PromptFormat::Text
            && !self.raw
    }

    /// Just the question of the day (of `--date`, in any `--format`): no
    /// deck but the built-in one and the couple's own, no filter, no other
    /// way of choosing, nothing written.
    pub(crate) fn is_the_question_of_the_day(&self) -> bool {
        self.theme.is_empty()
            && self.depth.is_none()
            && !self.random
            && self.id.is_none()
            && !self.list
            && !self.themes
            && !self.skip
            && !self.upgrade_deck
            && self.idea.is_none()
            && self.deck.is_none()
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum PromptFormat {
    Text,
    Csv,
    Json,
}

/// Record a ritual: a talk, time together, a small act of care, …
///
/// One row is appended to log.csv under your name. It prints the new
/// entry's id. Without KIND, on a terminal, it asks what to record; without
/// a terminal it fails rather than wait.
///
/// Kinds: talk (the daily talk), us-time (weekly time together), care (a
/// small act of care), appreciation, repair (an apology, forgiveness,
/// revisiting a hurt with care), affection, checkin (a mood check-in; add
/// --mood), answer (your answer to the question of the day), sit-down (the
/// monthly sit-down over goals), state-of-us (the weekly "state of us", as
/// `couple talk --weekly` records it).
///
/// `couple log repair` without a NOTE, on a terminal, walks the repair
/// steps, each skippable with Enter: what happened, as I saw it; what I
/// felt; what I needed; my part in it; what I will do next time; anything
/// I want to say. The answers become one labelled note ("What happened: …
/// · I felt: …"), which your partner reads in history and review. Skipping
/// every step records nothing. A NOTE on the command line (or --no-input)
/// records it as it is.
#[derive(Debug, Args)]
#[command(after_help = "Examples:
  couple log talk --minutes 15 \"about the move\"
  couple log care \"left a note in her bag\"
  couple log checkin --mood 4
  couple log answer \"The walk by the river, before the rain.\"
  couple log us-time --date yesterday --minutes 90 \"cooked together\"
  couple log repair                      on a terminal: the repair, step by step
  couple log state-of-us \"What would make me feel loved: a walk on Sunday\"
  couple log --undo")]
pub(crate) struct LogArgs {
    /// What you did
    #[arg(value_name = "KIND", value_parser = Suggest(logged_kinds), hide_possible_values = true)]
    pub(crate) kind: Option<String>,

    /// A few words about it, in your own words (quotes optional: the words
    /// after KIND are joined)
    #[arg(value_name = "NOTE", num_args = 0..)]
    pub(crate) note: Vec<String>,

    /// How long it lasted, in minutes (0–1440)
    #[arg(short, long, value_name = "N", value_parser = clap::value_parser!(u16).range(0..=1440))]
    pub(crate) minutes: Option<u16>,

    /// How you feel, from 1 (low) to 5 (high)
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u8).range(1..=5))]
    pub(crate) mood: Option<u8>,

    /// The day it happened, if not today (2026-11-20, yesterday, last friday, …)
    #[arg(short, long, value_name = "DATE")]
    pub(crate) date: Option<String>,

    /// The prompt it is about [default for answer: that day's question]
    #[arg(long, value_name = "ID")]
    pub(crate) prompt: Option<String>,

    /// Remove your own most recent entry instead
    #[arg(long, conflicts_with_all = ["kind", "note", "minutes", "mood", "date", "prompt"])]
    pub(crate) undo: bool,
}

/// The built-in deck's themes, in deck order, offered to completions
/// (a user's deck may add more; `deck` tests that these are the deck's).
pub(crate) const THEMES: [&str; 12] = [
    "check-in",
    "listening",
    "vulnerability",
    "reconnecting",
    "transitions",
    "healing",
    "small-moments",
    "blind-spots",
    "passion",
    "dreams",
    "appreciation",
    "play",
];

/// How it is going, and what is due
///
/// For a period (the ISO week of today by default): each ritual with its
/// target, how many of its periods were done, minutes, and the current
/// streak; each partner's care, appreciation, repair, affection, answers and
/// check-ins; talk minutes per day as a small chart; the last sit-down; and
/// today's answers side by side once you have both answered (until you
/// answer, you only see that your partner did).
///
/// Rituals: by default talk 1/day, us-time 1/week (ISO weeks, Monday
/// first) and sit-down 1/month; `couple rituals` sets your own. A ritual
/// counts the days with an entry of its kinds, by either of you, at most
/// its target per period. Only days up to the as-of date count: on the
/// 25th a month shows talk n/25. A week counts in the month or year that
/// holds its Thursday (as ISO years count weeks), a month in the range that
/// holds its 15th; a range too short for that (a week, for a monthly
/// ritual) shows the period holding its as-of date. A paused day asks
/// nothing: a week or month asks its target scaled to its days not
/// paused. A streak counts the periods in a row that were met, up to the
/// current one if it is met already, else up to the one before: a day is
/// not lost until it is over; paused periods neither extend nor break it.
///
/// --due prints one line per thing due now and nothing at all when all is
/// well, so `0 20 * * * couple review --due` mails only when it matters:
/// a daily ritual when today's is missing; a weekly one when what is left
/// needs every day after today (from Saturday for 1/week); a monthly one in
/// its last 7 days; your partner's answer waiting for yours; what is new
/// from your partner, once (told even during a pause); a goal once
/// when it is due within 3 days and once a week while it is overdue; a
/// drift (a ritual's last 2 weeks below half its rate over the 8 weeks
/// before, when that was at least once a week) once a week. Nothing for a
/// paused ritual, nothing at all during a pause of every ritual. What was
/// said is remembered in $XDG_STATE_HOME/couple/due.csv (per machine).
/// --exit-code exits 1 exactly when --due would print something.
///
/// --month shows each ritual week by week and --year month by month as a
/// row of blocks (█ met, ▁–▇ part of it, · none, blank not yet or paused),
/// the year a heatmap of talks, and the check-ins' mood as a line of blocks.
///
/// --format html writes the period as one web page to keep or print: each
/// ritual week by week, a heatmap of talks, the mood over time, the goals
/// done and the period's answers side by side (your partner's answer to a
/// question you have not answered stays hidden), as inline pictures; the
/// page loads nothing and runs nothing.
#[derive(Debug, Args)]
#[command(after_help = "Examples:
  couple review                          this week
  couple review --year --format html -o 2026.html
  couple review --month --date 2026-10-01
  couple review --from 2026-01-01 --to 2026-06-30 --format json
  couple review --due --exit-code        for cron and scripts")]
pub(crate) struct ReviewArgs {
    /// The ISO week holding the as-of date (the default)
    #[arg(long, group = "period")]
    pub(crate) week: bool,

    /// The calendar month holding the as-of date
    #[arg(long, group = "period")]
    pub(crate) month: bool,

    /// The calendar year holding the as-of date
    #[arg(long, group = "period")]
    pub(crate) year: bool,

    /// The first day of a period of your own
    #[arg(long, value_name = "DATE", requires = "to", group = "period")]
    pub(crate) from: Option<String>,

    /// The last day of a period of your own
    #[arg(long, value_name = "DATE", requires = "from")]
    pub(crate) to: Option<String>,

    /// The day to review as of [default: today; with --to, the earlier of it and today]
    ///
    /// Nothing dated after it counts: entries, goals created, pauses begun.
    #[arg(short, long, value_name = "DATE")]
    pub(crate) date: Option<String>,

    /// Print only what is due now, one line each; nothing when all is well
    #[arg(long)]
    pub(crate) due: bool,

    /// Exit with 1 when something is due (0 when nothing is)
    #[arg(long)]
    pub(crate) exit_code: bool,

    /// Output format
    #[arg(long, value_enum, default_value_t = ReviewFormat::Table, value_name = "FORMAT")]
    pub(crate) format: ReviewFormat,

    /// Write the page to FILE instead of stdout (html; atomically, mode 0600)
    #[arg(short, long, value_name = "FILE")]
    pub(crate) output: Option<PathBuf>,

    /// CSV cells exactly as stored, formulas and all (no leading ')
    #[arg(long)]
    pub(crate) raw: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum ReviewFormat {
    Table,
    Csv,
    Json,
    /// One self-contained web page with charts, to keep or print
    Html,
}

/// Read each other: the shared journal, newest first
///
/// Day by day, newest first: each question you answered, its text above
/// both answers side by side, and every note (care, appreciation, repair,
/// affection, talks, time together, check-ins with their mood, sit-downs)
/// with who wrote it.
///
/// Blind answers: your partner's answer to a question stays hidden until
/// you have answered that question yourself, on any day: answering
/// yesterday's question this morning (couple log answer --prompt ID)
/// reveals theirs. An answer given within a week of the other joins it
/// under the question.
///
/// The log is filtered as by export (--from, --to, --kind, and --partner
/// when typed on the command line); --grep finds words in notes, answers
/// and questions, in any case; --on-this-day shows the same calendar date
/// in every earlier year, and a month ago.
///
/// On a terminal the journal goes through your pager ($PAGER, else less -R;
/// PAGER=cat or --no-pager for none); in a pipe it is printed as it is. It
/// streams: memory stays the same however long a log in rough date order
/// (as couple writes it, a mistyped year here and there included).
#[derive(Debug, Args)]
#[command(after_help = "Examples:
  couple history                         everything, newest first
  couple history --from \"last monday\"
  couple history --kind appreciation --partner sam
  couple history --grep lisbon
  couple history --on-this-day
  couple history --format csv > journal.csv")]
pub(crate) struct HistoryArgs {
    /// Only days on or after this date
    #[arg(long, value_name = "DATE")]
    pub(crate) from: Option<String>,

    /// Only days on or before this date
    #[arg(long, value_name = "DATE")]
    pub(crate) to: Option<String>,

    /// Only entries of this kind (repeat for several)
    #[arg(long, value_name = "KIND", value_parser = Suggest(Kind::names), hide_possible_values = true)]
    pub(crate) kind: Vec<String>,

    /// Only entries whose note, answer or question holds TEXT (any case)
    #[arg(long, value_name = "TEXT")]
    pub(crate) grep: Option<String>,

    /// Only this day in earlier years, and a month ago
    #[arg(long)]
    pub(crate) on_this_day: bool,

    /// Output format
    #[arg(long, value_enum, default_value_t = HistoryFormat::Text, value_name = "FORMAT")]
    pub(crate) format: HistoryFormat,

    /// CSV cells exactly as stored, formulas and all (no leading ')
    #[arg(long)]
    pub(crate) raw: bool,

    /// Print to stdout even on a terminal, without the pager
    #[arg(long)]
    pub(crate) no_pager: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum HistoryFormat {
    Text,
    Csv,
    Json,
}

/// Write the log, the goals or the deck as CSV, JSON or a spreadsheet
///
/// CSV is safe to open in a spreadsheet: a text cell that a spreadsheet
/// would run as a formula (one starting with =, +, -, @, a tab, a carriage
/// return or a line feed) gets a leading ' so it shows as text. Numbers and
/// dates are written bare. --raw writes every cell exactly as stored;
/// --excel adds the byte-order mark Excel needs to read UTF-8, and CRLF line
/// ends.
///
/// JSON is for programs: an array of objects with the same fields, values
/// as stored (never neutralised), numbers as numbers, empty cells as null.
///
/// xlsx is a spreadsheet file: dates as dates, minutes and moods as
/// numbers, text as text that never runs as a formula (no ' needed), a
/// frozen header row, an autofilter and fitting column widths. `couple
/// export all --format xlsx` puts the log, the goals, and the rituals and
/// pauses (when their files exist) on one sheet each. A spreadsheet is
/// never written to a terminal: give -o FILE, or redirect stdout to a file
/// or a pipe.
///
/// The log is filtered by --from, --to, --kind and --partner; the goals by
/// --status and --horizon; the prompts by --theme. --partner filters only
/// when given on the command line (COUPLE_PARTNER never filters).
///
/// It streams: memory stays the same however long the log. -o writes the
/// file whole or not at all, readable by you alone.
#[derive(Debug, Args)]
#[command(after_help = "Examples:
  couple export > log.csv                everything logged, as CSV
  couple export --from 2026-01-01 --to 2026-12-31 -o 2026.csv
  couple export --kind talk --kind us-time --partner sam
  couple export --excel -o log.csv       for Excel
  couple export goals --status open --format json
  couple export prompts --theme play
  couple export all --format xlsx -o ours.xlsx")]
pub(crate) struct ExportArgs {
    /// What to export
    #[arg(value_enum, default_value_t = ExportData::Log, value_name = "DATA")]
    pub(crate) data: ExportData,

    /// Only entries on or after this date (log)
    #[arg(long, value_name = "DATE")]
    pub(crate) from: Option<String>,

    /// Only entries on or before this date (log)
    #[arg(long, value_name = "DATE")]
    pub(crate) to: Option<String>,

    /// Only entries of this kind (log; repeat for several)
    #[arg(long, value_name = "KIND", value_parser = Suggest(Kind::names), hide_possible_values = true)]
    pub(crate) kind: Vec<String>,

    /// Only goals with this status (goals) [default: all]
    #[arg(long, value_enum, value_name = "STATUS")]
    pub(crate) status: Option<StatusFilter>,

    /// Only goals of this horizon (goals)
    #[arg(long, value_enum, value_name = "HORIZON")]
    pub(crate) horizon: Option<Horizon>,

    /// Only prompts of this theme (prompts; repeat for several)
    #[arg(short, long, value_name = "THEME", value_parser = Suggest(themes), hide_possible_values = true, add = ArgValueCompleter::new(crate::complete::themes))]
    pub(crate) theme: Vec<String>,

    /// Output format
    #[arg(long, value_enum, default_value_t = ExportFormat::Csv, value_name = "FORMAT")]
    pub(crate) format: ExportFormat,

    /// Write to FILE instead of stdout (atomically, mode 0600)
    #[arg(short, long, value_name = "FILE")]
    pub(crate) output: Option<PathBuf>,

    /// CSV cells exactly as stored, formulas and all (no leading ')
    #[arg(long)]
    pub(crate) raw: bool,

    /// CSV for Excel: a UTF-8 byte-order mark and CRLF line ends
    #[arg(long)]
    pub(crate) excel: bool,
}

/// The data `couple export` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum ExportData {
    /// log.csv: every entry
    Log,
    /// goals.csv: shared goals and dreams
    Goals,
    /// the deck: built-in prompts and your prompts.csv
    Prompts,
    /// the log, the goals, the rituals and the pauses, a sheet each (xlsx)
    All,
}

impl ExportData {
    pub(crate) fn name(self) -> &'static str {
        match self {
            ExportData::Log => "log",
            ExportData::Goals => "goals",
            ExportData::Prompts => "prompts",
            ExportData::All => "all",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum ExportFormat {
    /// Comma-separated values with a header row
    Csv,
    /// An array of objects, for programs
    Json,
    /// A spreadsheet file (Excel, LibreOffice, Numbers): typed cells
    Xlsx,
}

/// Print the shell completion script
///
/// The same scripts are kept in the repository under completions/.
#[derive(Debug, Args)]
#[command(after_help = "Examples:
  couple completions bash > ~/.local/share/bash-completion/completions/couple
  couple completions zsh > ~/.zfunc/_couple
  couple completions fish > ~/.config/fish/completions/couple.fish")]
pub(crate) struct CompletionsArgs {
    /// The shell to complete in
    #[arg(value_enum, value_name = "SHELL")]
    pub(crate) shell: clap_complete::Shell,
}

/// Merge two versions of a data file: git's merge driver for couple
///
/// For a data directory kept in a git repository. git calls it when a pull
/// or a merge meets log.csv, goals.csv or removed.csv changed on both
/// sides, once .gitattributes gives them merge=couple and git config names
/// the driver (on each machine: git config is not pushed):
///
///   git config merge.couple.name "couple's merge of its data files"
///   git config merge.couple.driver "couple merge-driver %O %A %B %P"
///
/// log.csv and removed.csv: every row of both sides, each id once: ours
/// first, as they were, then the rows only theirs has, in their order. An
/// entry undone on either side since the common ancestor (or named in
/// removed.csv) stays out.
///
/// goals.csv: each goal once; of a goal both sides changed, each field from
/// the side that changed it since the common ancestor; a field both
/// changed takes the later change (by the goal's changed stamps), and the
/// value it overwrote is reported on stderr and kept in
/// .merged/goals-overwritten.csv.
///
/// The result replaces OURS, and the exit status is 0. When a version
/// cannot be read it exits 65 naming it, the line and the column, and
/// writes nothing: git then stops with the file unmerged, for you to fix.
#[derive(Debug, Args)]
#[command(after_help = "Examples:
  printf '%s merge=couple\\n' log.csv goals.csv removed.csv >> .gitattributes
  git config merge.couple.driver \"couple merge-driver %O %A %B %P\"")]
pub(crate) struct MergeDriverArgs {
    /// The common ancestor's version (git's %O)
    #[arg(value_name = "ANCESTOR")]
    pub(crate) ancestor: PathBuf,

    /// Our version, which the merge replaces (git's %A)
    #[arg(value_name = "OURS")]
    pub(crate) ours: PathBuf,

    /// Their version (git's %B)
    #[arg(value_name = "THEIRS")]
    pub(crate) theirs: PathBuf,

    /// The file's path in the repository (git's %P): its name says which
    /// file it is, its directory is the data directory
    #[arg(value_name = "PATH")]
    pub(crate) path: PathBuf,
}

/// The daily talk, timed and calm; or the weekly "state of us"
///
/// On a terminal: the question of the day (or --theme, --depth, --id,
/// --random, as in `couple prompt`), how to talk (one speaks, the other
/// listens without fixing; swap halfway), and a countdown with a progress
/// bar, 15 minutes unless --for says otherwise. Halfway the screen says
/// "swap".
///
/// Keys: space pauses and resumes; q or Esc ends the talk early; Ctrl-C
/// stops and asks whether to keep the minutes so far (y) or not (n).
///
/// What it records: one talk entry with the minutes spent talking (pauses
/// left out, rounded up to the whole minute) and the prompt's id. A talk
/// that runs to the end records at least 1 minute. Ended early with q or
/// Esc, it records the minutes if at least one minute was spent, and
/// nothing under a minute. After Ctrl-C, y records the minutes so far (at
/// least 1) and n records nothing (exit 1). Then it offers to write your
/// answer to the question now (an answer entry for the same prompt).
///
/// --weekly walks the weekly "state of us": three things you appreciated
/// about your partner this week (each an appreciation entry they will
/// read), what went well for you two, one thing to talk about (optional; it
/// offers the repair steps), and what would make you feel loved this coming
/// week. That is recorded as one state-of-us entry, which your partner sees
/// in `couple review` this week and next. Every step can be skipped with
/// Enter; nothing is written until the end.
///
/// It needs a terminal: without one it exits 2 at once. In scripts, record
/// the same with `couple log talk --minutes 15 --prompt ID` or
/// `couple log state-of-us "…"`. The terminal is given back as it was on
/// every way out (the end, q, Ctrl-C, an error, a kill).
#[derive(Debug, Args)]
#[command(after_help = "Examples:
  couple talk                            15 minutes around today's question
  couple talk --for 10m --theme play
  couple talk --for 90s --random
  couple talk --weekly                   the weekly state of us")]
pub(crate) struct TalkArgs {
    /// How long to talk: 15m, 10m, 90s, 1h 30m (a bare number is minutes)
    #[arg(
        long = "for",
        value_name = "LENGTH",
        default_value = crate::guide::countdown::DEFAULT_LENGTH,
        value_parser = crate::guide::countdown::parse_length
    )]
    pub(crate) length: std::time::Duration,

    /// A question of this theme (repeat for several)
    #[arg(short, long, value_name = "THEME", value_parser = Suggest(themes), hide_possible_values = true, add = ArgValueCompleter::new(crate::complete::themes))]
    pub(crate) theme: Vec<String>,

    /// Only light or only deep questions
    #[arg(long, value_enum, value_name = "DEPTH")]
    pub(crate) depth: Option<Depth>,

    /// Any question at random, instead of the question of the day
    #[arg(long, conflicts_with = "id")]
    pub(crate) random: bool,

    /// The question with this id (or a unique prefix of it)
    #[arg(long, value_name = "ID")]
    pub(crate) id: Option<String>,

    /// The weekly "state of us" instead of the daily talk
    #[arg(long, conflicts_with_all = ["length", "theme", "depth", "random", "id"])]
    pub(crate) weekly: bool,
}

/// Any value, with these offered to completions. The command checks it,
/// so the error reads like every other (`couple: unknown kind …`, with a
/// "did you mean"), and a user's own deck may bring themes of its own.
pub(crate) struct Suggest<I: Iterator<Item = &'static str>>(pub(crate) fn() -> I);

// Not derived: a derive would ask `I: Clone`, and only the fn is copied.
impl<I: Iterator<Item = &'static str>> Clone for Suggest<I> {
    fn clone(&self) -> Self {
        Self(self.0)
    }
}

/// The kinds `couple log` records (and rituals count), for [`Suggest`].
fn logged_kinds() -> std::vec::IntoIter<&'static str> {
    Kind::ALL
        .iter()
        .filter(|k| k.is_logged_by_hand())
        .map(|k| k.as_str())
        .collect::<Vec<_>>()
        .into_iter()
}

/// The built-in themes, for [`Suggest`].
fn themes() -> std::array::IntoIter<&'static str, 12> {
    THEMES.into_iter()
}

impl<I: Iterator<Item = &'static str> + 'static> clap::builder::TypedValueParser for Suggest<I> {
    type Value = String;

    fn parse_ref(
        &self,
        _cmd: &clap::Command,
        _arg: Option<&clap::Arg>,
        value: &std::ffi::OsStr,
    ) -> Result<String, clap::Error> {
        Ok(value.to_string_lossy().into_owned())
    }

    fn possible_values(
        &self,
    ) -> Option<Box<dyn Iterator<Item = clap::builder::PossibleValue> + '_>> {
        Some(Box::new((self.0)().map(clap::builder::PossibleValue::new)))
    }
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
    #[command(after_help = "Examples:
  couple goals add See the northern lights
  couple goals add \"Book the Lisbon trip\" --due 2026-12-15 --owner sam
  couple goals add \"Learn to sail\" --horizon year --note \"ask Jo about lessons\"")]
    Add(GoalsAddArgs),
    #[command(after_help = "Examples:
  couple goals list                      the open goals, overdue first
  couple goals list --status done --horizon year
  couple goals list --status all --format csv > goals.csv")]
    List(GoalsListArgs),
    /// Mark a goal done
    #[command(after_help = "Examples:
  couple goals done 7kq                  by a unique prefix of the id
  couple goals done 7kq3m9xa")]
    Done(GoalIdArgs),
    /// Drop a goal you no longer want (it stays in the file, as dropped)
    #[command(after_help = "Examples:
  couple goals drop 7kq                  it stays in goals.csv, as dropped
  couple goals list --status dropped     what you let go of")]
    Drop(GoalIdArgs),
    /// Open a done or dropped goal again
    #[command(after_help = "Examples:
  couple goals reopen 7kq                open again, its closed date cleared")]
    Reopen(GoalReopenArgs),
    #[command(after_help = "Examples:
  couple goals edit 7kq --due \"next friday\" --note \"ask about trains\"
  couple goals edit 7kq --title \"Lisbon in spring\" --no-due
  couple goals edit 7kq --owner us --horizon someday")]
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
    pub(crate) horizon: Option<Horizon>,

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
    pub(crate) horizon: Option<Horizon>,

    /// Output format
    #[arg(long, value_enum, default_value_t = GoalsFormat::Table, value_name = "FORMAT")]
    pub(crate) format: GoalsFormat,

    /// CSV cells exactly as stored, formulas and all (no leading ')
    #[arg(long)]
    pub(crate) raw: bool,
}

/// The goal a command acts on.
#[derive(Debug, Args)]
pub(crate) struct GoalIdArgs {
    /// The goal's id, or any unique prefix of it
    #[arg(add = ArgValueCompleter::new(crate::complete::open_goals))]
    pub(crate) id: String,
}

/// The goal `reopen` acts on (completions offer the done and dropped).
#[derive(Debug, Args)]
pub(crate) struct GoalReopenArgs {
    /// The goal's id, or any unique prefix of it
    #[arg(add = ArgValueCompleter::new(crate::complete::closed_goals))]
    pub(crate) id: String,
}

/// Change a goal's title, horizon, due date, owner or note
#[derive(Debug, Args)]
#[command(arg_required_else_help = true)]
pub(crate) struct GoalsEditArgs {
    /// The goal's id, or any unique prefix of it
    #[arg(add = ArgValueCompleter::new(crate::complete::open_goals))]
    pub(crate) id: String,

    /// A new title
    #[arg(long, value_name = "TITLE")]
    pub(crate) title: Option<String>,

    /// A new horizon
    #[arg(long, value_enum, value_name = "HORIZON")]
    pub(crate) horizon: Option<Horizon>,

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
    #[arg(short, long, value_name = "DATE")]
    pub(crate) date: Option<String>,
}

/// `--status`: one status, or all of them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum StatusFilter {
    Open,
    Done,
    Dropped,
    All,
}

impl StatusFilter {
    /// Whether a goal with `status` passes; the names are [`Status`]'s own
    /// (a test keeps them in step) plus `all`.
    pub(crate) fn keeps(self, status: Status) -> bool {
        self == StatusFilter::All
            || self
                .to_possible_value()
                .is_some_and(|v| v.get_name() == status.as_str())
    }
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

    #[test]
    fn status_filter_names_are_the_statuses_and_all() {
        use clap::ValueEnum;
        let names: Vec<String> = super::StatusFilter::value_variants()
            .iter()
            .filter_map(|v| v.to_possible_value().map(|p| p.get_name().to_string()))
            .collect();
        let mut want: Vec<String> = crate::model::Status::names().map(String::from).collect();
        want.push("all".into());
        assert_eq!(names, want);
    }
}

/// Your own rituals and targets, and breaks that keep a streak
///
/// Without a subcommand, shows the rituals (from rituals.csv in the data
/// directory; talk 1/day, us-time 1/week and sit-down 1/month while it does
/// not exist) and the pauses (pauses.csv). A ritual counts the days with an
/// entry of its kinds, by either of you. Both files are shared, and stay
/// editable in a spreadsheet.
///
/// A pause (travel, illness, a new baby) takes its days out of the targets:
/// paused days neither extend nor break a streak, and `review --due` says
/// nothing of a paused ritual (nothing at all while every ritual is
/// paused). A week or month partly paused asks its target scaled to its
/// days not paused, rounded.
#[derive(Debug, Args)]
#[command(
    args_conflicts_with_subcommands = true,
    after_help = "Examples:
  couple rituals                              the rituals and the pauses
  couple rituals set talk 5/week              talk five days a week
  couple rituals set talk 1/day --minutes 10  only talks of 10 minutes or more count
  couple rituals set closeness 3/week --kind affection --kind care
  couple rituals pause --from 2026-12-20 --to 2027-01-03 \"at my parents'\"
  couple rituals pause --from today --to \"next sunday\" us-time
  couple rituals unpause 7kq3"
)]
pub(crate) struct RitualsArgs {
    #[command(subcommand)]
    pub(crate) command: Option<RitualsCommand>,
}

#[derive(Debug, Subcommand)]
pub(crate) enum RitualsCommand {
    #[command(after_help = "Examples:
  couple rituals set talk 5/week              talk five days a week
  couple rituals set talk 1/day --minutes 10  only talks of 10 minutes or more count
  couple rituals set closeness 3/week --kind affection --kind care")]
    Set(RitualsSetArgs),
    #[command(after_help = "Examples:
  couple rituals pause --from 2026-12-20 --to 2027-01-03 \"at my parents'\"
  couple rituals pause --from today --to \"next sunday\" us-time")]
    Pause(RitualsPauseArgs),
    #[command(after_help = "Examples:
  couple rituals unpause 7kq3                by a unique prefix of the id")]
    Unpause(RitualsUnpauseArgs),
}

/// Set a ritual's target (adding the ritual if it is new)
///
/// Writes rituals.csv (from the defaults, the first time), atomically,
/// under the lock. A ritual named after a kind counts that kind unless
/// --kind says otherwise.
#[derive(Debug, Args)]
pub(crate) struct RitualsSetArgs {
    /// The ritual: talk, us-time, sit-down, or a name of your own
    #[arg(value_name = "RITUAL")]
    pub(crate) name: String,

    /// How many days per day, week or month: 1/day, 5/week (at most 7), 2/month (at most 28)
    #[arg(value_name = "N/PER")]
    pub(crate) cadence: String,

    /// A kind it counts (repeat for several) [default: the kind it is named after]
    #[arg(long = "kind", value_name = "KIND", value_parser = Suggest(logged_kinds), hide_possible_values = true)]
    pub(crate) kinds: Vec<String>,

    /// Count only entries of at least this many minutes
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..=1440))]
    pub(crate) minutes: Option<u16>,

    /// Count entries of any length again
    #[arg(long, conflicts_with = "minutes")]
    pub(crate) any_length: bool,
}

/// Pause some rituals, or all, from one day to another
///
/// Appends a row to pauses.csv. Name rituals to pause only those; the last
/// word, if it is not a ritual, is a note ("visiting mum"). A note of one
/// word a letter or two from a ritual's name is taken for that name
/// mistyped, and refused.
#[derive(Debug, Args)]
pub(crate) struct RitualsPauseArgs {
    /// The first day of the break
    #[arg(long, value_name = "DATE")]
    pub(crate) from: String,

    /// The last day of the break
    #[arg(long, value_name = "DATE")]
    pub(crate) to: String,

    /// The rituals to pause [default: all], then an optional note
    #[arg(value_name = "RITUAL… NOTE")]
    pub(crate) words: Vec<String>,
}

/// Remove a pause, by its id or a unique prefix of it
#[derive(Debug, Args)]
pub(crate) struct RitualsUnpauseArgs {
    #[arg(value_name = "ID")]
    pub(crate) id: String,
}

/// Keep the data files encrypted at rest, with age, for you both
///
/// Opt-in, per data directory. Each partner runs `couple crypt init` once
/// on their own machine: it makes that machine's key in
/// $XDG_CONFIG_HOME/couple/identity.txt (else ~/.config/couple; 0600, never
/// in the data directory) and adds its public key to .age-recipients in
/// the data directory. `couple crypt on` then encrypts log.csv, goals.csv
/// and the other files to every key there (log.csv.age, …) and removes the
/// plain ones; from then on every read decrypts in memory and every write
/// encrypts to the keys listed then. settings.csv stays plain (it holds no
/// words of yours, and `couple prompt` reads it in every new shell).
///
/// The files are age files: `age --decrypt -i identity.txt log.csv.age`
/// opens them without couple. Losing every key loses the data: keep a
/// backup key on paper (--backup).
#[derive(Debug, Args)]
#[command(after_help = "Examples:
  couple crypt init                       this machine's key, added to the recipients
  couple crypt init --backup age1…        and a backup key's public half
  couple crypt on                         encrypt every data file
  couple crypt status                     which files are encrypted, to whom
  couple crypt off                        back to plain CSV")]
pub(crate) struct CryptArgs {
    #[command(subcommand)]
    pub(crate) command: CryptCommand,
}

#[derive(Debug, Subcommand)]
pub(crate) enum CryptCommand {
    #[command(after_help = "Examples:
  couple crypt init                       this machine's key, added to the recipients
  couple crypt init --backup age1…        and a backup key's public half")]
    Init(CryptInitArgs),
    #[command(after_help = "Examples:
  couple crypt on                         encrypt every data file (again: to every key now listed)")]
    On(CryptOnArgs),
    #[command(after_help = "Examples:
  couple crypt off                        back to plain CSV")]
    Off(CryptOffArgs),
    #[command(after_help = "Examples:
  couple crypt status                     which files are encrypted, to whom")]
    Status(CryptStatusArgs),
}

/// Make this machine's key (once) and add it to the data directory's recipients
///
/// Run it on each partner's machine. When the files are already encrypted,
/// a new key can read them after the next write by a partner who can (any
/// `couple log`), or after that partner runs `couple crypt on` again.
#[derive(Debug, Args)]
pub(crate) struct CryptInitArgs {
    /// Also encrypt to this public key (age1…): a backup key kept on paper
    #[arg(long, value_name = "AGE_PUBLIC_KEY")]
    pub(crate) backup: Option<String>,
}

/// Encrypt every data file to every recipient, and remove the plain ones
///
/// Run again after a key joined, to re-encrypt every file to it at once.
#[derive(Debug, Args)]
pub(crate) struct CryptOnArgs {}

/// Decrypt every data file back to plain CSV
#[derive(Debug, Args)]
pub(crate) struct CryptOffArgs {}

/// Say whether encryption is on, which files are encrypted, and to whom
#[derive(Debug, Args)]
pub(crate) struct CryptStatusArgs {}
