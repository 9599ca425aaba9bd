//! `couple export`: the log, the goals or the deck as CSV or JSON, for
//! spreadsheets and programs, streamed to stdout or written to a file; or
//! as an .xlsx workbook, a typed sheet per data set.

use std::io::{self, Write};

use serde::Serialize;

use crate::cli::{ExportArgs, ExportData, ExportFormat, StatusFilter};
use crate::config::Config;
use crate::deck;
use crate::error::{Error, Result};
use crate::model::{Entry, Goal, LogFilter, Pause, Prompt, Ritual, same_partner};
use crate::printer::{self, Warning};
use crate::render::Out;
use crate::render::csv::{OnError, Sink, Style};
use crate::render::xlsx::Book;
use crate::store;
use crate::store::schema::{self, Record};

pub(crate) fn run(args: ExportArgs, cfg: &Config) -> Result<()> {
    refuse_foreign_filters(&args, cfg)?;
    if args.format == ExportFormat::Xlsx {
        return spreadsheet(&args, cfg);
    }
    let style = style(&args)?;
    let job = match args.data {
        ExportData::Log => Job::Log(log_filter(&args, cfg)?),
        ExportData::Goals => Job::Goals(goals(&args, cfg)?),
        ExportData::Prompts => Job::Prompts(prompts(&args, cfg)?),
        ExportData::All => {
            return Err(Error::usage(
                "`couple export all` writes a sheet per data set: it needs --format xlsx",
            )
            .with_hint("couple export all --format xlsx -o ours.xlsx"));
        }
    };

    if let Some(path) = &args.output {
        let on_error = |e: &io::Error| Error::io("cannot write", path, e);
        store::write_output(path, &cfg.dir, |out| job.write(out, style, &on_error, cfg))
    } else {
        let mut out = Out::stdout(false);
        job.write(out.writer(), style, &Error::output, cfg)?;
        out.finish()
    }
}

/// What to write, its filters checked (and small data already read).
enum Job {
    /// The log is streamed while writing: it may hold millions of rows.
    Log(LogFilter),
    Goals(Vec<Goal>),
    Prompts(Vec<Prompt>),
}

impl Job {
    fn write(
        &self,
        out: &mut dyn Write,
        style: Style,
        on_error: OnError<'_>,
        cfg: &Config,
    ) -> Result<()> {
        match self {
            Job::Log(filter) => {
                let mut sink = Sink::open(out, style, &schema::names::<Entry>(), on_error)?;
                write_log(filter, cfg, |entry| match &mut sink {
                    Sink::Csv(csv) => schema::write_row(csv, entry),
                    Sink::Json(json) => json.row(entry),
                })?;
                sink.finish()
            }
            Job::Goals(goals) => records(out, style, on_error, goals),
            Job::Prompts(prompts) => records(out, style, on_error, prompts),
        }
    }
}

/// Writes `rows` whole: CSV by their file's columns, or JSON by serde.
fn records<R: Record + Serialize>(
    out: &mut dyn Write,
    style: Style,
    on_error: OnError<'_>,
    rows: &[R],
) -> Result<()> {
    let mut sink = Sink::open(out, style, &schema::names::<R>(), on_error)?;
    for row in rows {
        match &mut sink {
            Sink::Csv(csv) => schema::write_row(csv, row)?,
            Sink::Json(json) => json.row(row)?,
        }
    }
    sink.finish()
}

/// Each filter belongs to one kind of data; one given for another is a
/// mistake worth saying, not something to ignore.
fn refuse_foreign_filters(args: &ExportArgs, cfg: &Config) -> Result<()> {
    let given = [
        ("--from", args.from.is_some(), ExportData::Log),
        ("--to", args.to.is_some(), ExportData::Log),
        ("--kind", !args.kind.is_empty(), ExportData::Log),
        ("--partner", cfg.partner_filter.is_some(), ExportData::Log),
        ("--status", args.status.is_some(), ExportData::Goals),
        ("--horizon", args.horizon.is_some(), ExportData::Goals),
        ("--theme", !args.theme.is_empty(), ExportData::Prompts),
    ];
    // `all` is the log and the goals (and the rituals and pauses, unfiltered).
    let applies = |owner: ExportData| {
        owner == args.data || args.data == ExportData::All && owner != ExportData::Prompts
    };
    match given
        .into_iter()
        .find(|&(_, on, owner)| on && !applies(owner))
    {
        Some((flag, _, owner)) => Err(Error::usage(format!(
            "{flag} does not apply to `couple export {}`",
            args.data.name()
        ))
        .with_hint(format!("{flag} filters `couple export {}`", owner.name()))),
        None => Ok(()),
    }
}

fn style(args: &ExportArgs) -> Result<Style> {
    let json = args.format == ExportFormat::Json;
    if json && args.excel {
        return Err(Error::usage("--excel shapes CSV, not JSON")
            .with_hint("drop --excel, or use --format csv"));
    }
    // JSON is always written as stored, so --raw changes nothing there.
    Ok(Style {
        json,
        raw: args.raw,
        excel: args.excel,
    })
}

fn log_filter(args: &ExportArgs, cfg: &Config) -> Result<LogFilter> {
    LogFilter::parse(
        args.from.as_deref(),
        args.to.as_deref(),
        &args.kind,
        cfg.partner_filter.clone(),
        cfg.today,
    )
}

/// Streams the log through `filter` into `row`: one pass, no row kept.
fn write_log(
    filter: &LogFilter,
    cfg: &Config,
    mut row: impl FnMut(&Entry) -> Result<()>,
) -> Result<()> {
    // A mistyped --partner would give an empty export and no clue why.
    let mut partner_seen = filter.partner.is_none();
    let mut partners: Vec<String> = Vec::new();
    store::log::for_each(&cfg.dir, |entry| {
        if !partner_seen {
            if filter
                .partner
                .as_deref()
                .is_some_and(|p| same_partner(p, &entry.partner))
            {
                partner_seen = true;
            } else if !partners.iter().any(|p| same_partner(p, &entry.partner)) {
                partners.push(entry.partner.trim().to_string());
            }
        }
        if !filter.keeps(entry) {
            return Ok(());
        }
        row(entry)
    })?;
    if let (false, Some(partner)) = (partner_seen, &filter.partner) {
        let known = if partners.is_empty() {
            "the log is empty".to_string()
        } else {
            format!("partners in the log: {}", partners.join(", "))
        };
        printer::warn(&Warning::new(format!(
            "no entry is by {partner:?} ({known})"
        )));
    }
    Ok(())
}

fn goals(args: &ExportArgs, cfg: &Config) -> Result<Vec<Goal>> {
    let status = args.status.unwrap_or(StatusFilter::All);
    let mut goals = store::goals::read(&cfg.dir)?;
    goals.retain(|g| status.keeps(g.status) && args.horizon.is_none_or(|h| g.horizon == h));
    Ok(goals)
}

fn prompts(args: &ExportArgs, cfg: &Config) -> Result<Vec<Prompt>> {
    let deck = store::prompts::load(&cfg.dir, None)?;
    let filter = deck::Filter {
        themes: deck::themes_named(&deck, &args.theme)?,
        depth: None,
    };
    Ok(deck::select(&deck, &filter).into_iter().cloned().collect())
}

/// `--format xlsx`: a workbook with a typed sheet per data set asked for,
/// written whole to `-o FILE` or to a stdout that is not a terminal.
fn spreadsheet(args: &ExportArgs, cfg: &Config) -> Result<()> {
    for (flag, on) in [("--raw", args.raw), ("--excel", args.excel)] {
        if on {
            return Err(Error::usage(format!(
                "{flag} shapes CSV; a spreadsheet's text is never run as a formula"
            ))
            .with_hint(format!("drop {flag}, or use --format csv")));
        }
    }
    // Checked before anything is read: binary on a terminal is garbage.
    if args.output.is_none() && cfg.stdout_is_terminal {
        return Err(
            Error::usage("refusing to write a spreadsheet to the terminal").with_hint(format!(
                "write it to a file: couple export {} --format xlsx -o ours.xlsx",
                args.data.name()
            )),
        );
    }
    let wants = |data: ExportData| args.data == data || args.data == ExportData::All;
    let mut book = Book::new();
    if wants(ExportData::Log) {
        let filter = log_filter(args, cfg)?;
        let mut sheet = book.sheet("log", &schema::names::<Entry>())?;
        write_log(&filter, cfg, |entry| sheet.record(entry))?;
        sheet.finish()?;
    }
    if wants(ExportData::Goals) {
        sheet(&mut book, "goals", &goals(args, cfg)?)?;
    }
    if args.data == ExportData::Prompts {
        sheet(&mut book, "prompts", &prompts(args, cfg)?)?;
    }
    if args.data == ExportData::All {
        let (rituals, from_file) = store::rituals::read(&cfg.dir)?;
        if from_file {
            sheet::<Ritual>(&mut book, "rituals", &rituals)?;
        }
        let pauses = store::rituals::pauses(&cfg.dir)?;
        if !pauses.is_empty() {
            sheet::<Pause>(&mut book, "pauses", &pauses)?;
        }
    }
    let bytes = book.finish()?;
    if let Some(path) = &args.output {
        store::write_output(path, &cfg.dir, |out| {
            out.write_all(&bytes)
                .map_err(|e| Error::io("cannot write", path, &e))
        })
    } else {
        // A file or a pipe; never a terminal (refused above).
        let mut out = Out::stdout(false);
        out.raw(&bytes)?;
        out.finish()
    }
}

/// A sheet named `name` holding `rows` by their file's columns.
fn sheet<R: Record>(book: &mut Book, name: &str, rows: &[R]) -> Result<()> {
    let mut sheet = book.sheet(name, &schema::names::<R>())?;
    for row in rows {
        sheet.record(row)?;
    }
    sheet.finish()
}
