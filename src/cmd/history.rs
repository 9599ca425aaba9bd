//! `couple history`: the shared journal, newest first, for reading each
//! other: the answers side by side under their question (blind until you
//! answered it), and every note with its author.

use chrono::NaiveDate;
use rustc_hash::FxHashMap;

use crate::cli::{HistoryArgs, HistoryFormat};
use crate::config::Config;
use crate::dates;
use crate::error::{Error, Result};
use crate::model::{Entry, Kind, LogFilter, same_partner};
use crate::render;
use crate::render::csv::{Sink, Style};
use crate::report::history::{Blind, Grep, Journal, Row, view_into};
use crate::store;

const COLUMNS: [&str; 9] = [
    "date", "partner", "kind", "minutes", "mood", "prompt", "question", "note", "hidden",
];

pub(crate) fn run(args: HistoryArgs, cfg: &Config) -> Result<()> {
    // The reader, for the blind rule: a typed --partner only filters.
    let caller = match cfg.reader() {
        Some(reader) => reader.to_string(),
        // Nobody to read as when --partner was typed: every answer hidden.
        None if cfg.partner_filter.is_some() => String::new(),
        None => cfg.partner()?.to_string(),
    };
    let filter = LogFilter::parse(
        args.from.as_deref(),
        args.to.as_deref(),
        &args.kind,
        cfg.partner_filter.clone(),
        cfg.today,
    )?;
    let grep = args.grep.as_deref().map(Grep::new);
    let deck = store::prompts::load(&cfg.dir, None)?;
    let questions: FxHashMap<&str, &str> = deck.iter().map(|p| (&*p.id, &*p.text)).collect();
    let today = cfg.today;
    let shows = |kind: Kind, date: NaiveDate| {
        filter.keeps_kind_and_date(kind, date)
            && (!args.on_this_day || dates::on_this_day(date, today))
    };

    // Read: first which questions the reader has answered, on any day.
    let (log, answered) =
        store::log::newest_first(&cfg.dir, &|kind, _| kind == Kind::Answer, &|entry| {
            same_partner(&entry.partner, &caller).then(|| entry.prompt.clone())
        })?;
    let blind = Blind {
        caller: &caller,
        answered: &answered,
    };
    let pager = (cfg.stdout_is_terminal && !args.no_pager)
        .then_some(cfg.pager.as_ref())
        .flatten();

    // Then the log again, newest first: each row's view, rendered. The
    // rows' strings are reused (a million rows, a few days' worth of them).
    let question = |entry: &Entry| {
        if entry.prompt.is_empty() {
            None
        } else {
            questions.get(entry.prompt.as_str()).copied()
        }
    };
    let keeps = |entry: &Entry| filter.keeps(entry) && shows(entry.kind, entry.date);
    render::pager::page(pager, cfg.color, |out| match args.format {
        HistoryFormat::Text => {
            let mut journal = Journal::default();
            let mut first = true;
            let mut text = Vec::new();
            let visited = log.visit(&shows, |entry| {
                if !keeps(entry) {
                    return Ok(());
                }
                let mut row = journal.blank();
                if !view_into(entry, question(entry), blind, grep.as_ref(), &mut row) {
                    journal.give_back(row);
                    return Ok(());
                }
                if let Some(day) = journal.push(row) {
                    render::journal::day(out, &day, first, &mut text)?;
                    first = false;
                    journal.recycle(day);
                }
                Ok(())
            });
            // The last day, also when a bad row ended the reading: it holds
            // rows newer than that one.
            match journal.finish() {
                Some(day) => visited.and(render::journal::day(out, &day, first, &mut text)),
                None => visited,
            }
        }
        HistoryFormat::Csv | HistoryFormat::Json => {
            let style = Style {
                json: args.format == HistoryFormat::Json,
                raw: args.raw,
                excel: false,
            };
            let mut sink = Sink::open(out.writer(), style, &COLUMNS, &Error::output)?;
            let mut row = Row::blank();
            let visited = log.visit(&shows, |entry| {
                if keeps(entry) && view_into(entry, question(entry), blind, grep.as_ref(), &mut row)
                {
                    write_row(&mut sink, &row)?;
                }
                Ok(())
            });
            // What was gathered, also when a bad row ended the reading.
            let finished = sink.finish();
            visited.and(finished)
        }
    })
}

fn write_row(sink: &mut Sink<'_>, row: &Row) -> Result<()> {
    match sink {
        Sink::Json(json) => json.row(row),
        Sink::Csv(csv) => {
            csv.date(row.date)?;
            csv.text(&row.partner)?;
            csv.text(row.kind.as_str())?;
            csv.number(row.minutes)?;
            csv.number(row.mood.map(u16::from))?;
            csv.text(row.prompt().unwrap_or_default())?;
            csv.text(row.question.unwrap_or_default())?;
            csv.text(row.note().unwrap_or_default())?;
            csv.text(if row.hidden { "true" } else { "false" })?;
            csv.end_row()
        }
    }
}
