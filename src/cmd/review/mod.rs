//! `couple review`: how it is going over a period, and what is due now.

use chrono::NaiveDate;

use crate::cli::{ReviewArgs, ReviewFormat};
use crate::config::Config;
use crate::dates::{self, Period};
use crate::error::{Error, Result};
use crate::model::{Kind, Per};
use crate::render::{self, Out, shown};
use crate::report::answers::Answers;
use crate::report::partner::{self, FromPartner, NEWS_DAYS, PartnerFold};
use crate::report::{self, Fold, Review};
use crate::store;

mod charts;
mod rows;
mod table;

pub(crate) fn run(args: ReviewArgs, cfg: &Config) -> Result<()> {
    // The reader, not a typed --partner (which only narrows the table).
    let caller = cfg.reader().unwrap_or_default().to_string();
    let (range, as_of) = period(&args, cfg)?;

    let (rituals, _) = store::rituals::read(&cfg.dir)?;
    let pauses = store::rituals::pauses(&cfg.dir)?;
    let html = args.format == ReviewFormat::Html && !args.due;
    if args.output.is_some() && !html {
        return Err(Error::usage("-o writes the web page of --format html")
            .with_hint("add --format html, or redirect stdout: couple review > review.txt"));
    }
    let mut fold = Fold::new(range, as_of, rituals);
    if html {
        // The page shows each ritual week by week, whatever the period.
        fold = fold.trend_by(Per::Week);
    }
    // The page's answers by question: only the page shows them.
    let mut period_answers = html.then(|| Answers::new(range, as_of, &caller));
    let mut partner = PartnerFold::new(&caller, range, as_of);
    // Only the answers, the partner's notes and the recent states of us
    // are read whole.
    let states = report::state_of_us_window(range, as_of);
    let read_notes = |kind, date| {
        PartnerFold::wants_text(range, as_of, kind, date)
            || kind == Kind::StateOfUs && states.contains(date)
    };
    store::log::for_each_decoding(&cfg.dir, &read_notes, |entry| {
        fold.add(entry);
        partner.add(entry);
        if let Some(answers) = &mut period_answers {
            answers.add(entry);
        }
        Ok(())
    })?;
    let goals = store::goals::read(&cfg.dir)?;
    let mut review = fold.finish(&caller, cfg.partner_filter.as_deref(), &goals, &pauses);
    let deck = store::prompts::load(&cfg.dir, None)?;
    let (answers, answer_due, extra) =
        partner.finish(|id| deck.iter().find(|p| p.id == id).map(|p| &*p.text));
    review.answers = answers;
    // A break from everything silences everything (see `Fold::finish`).
    let on_break = review
        .pauses
        .iter()
        .any(|p| p.is_total() && p.from <= as_of && as_of <= p.to);
    if !on_break {
        review.due.extend(answer_due);
    }

    if html {
        let questions = period_answers.map(Answers::finish).unwrap_or_default();
        let prompt_text = |id: &str| deck.iter().find(|p| p.id == id).map(|p| p.text.to_string());
        let page = render::html::page(&render::html::Page {
            review: &review,
            questions: &questions,
            prompt_text: &prompt_text,
            caller: &caller,
        });
        write_page(&page, args.output.as_deref(), cfg)?;
        if args.exit_code && !review.due.is_empty() {
            return Err(Error::quiet_failure());
        }
        return Ok(());
    }

    let mut out = Out::stdout(cfg.color);
    let mut said_anything = !review.due.is_empty();
    if args.due {
        let news = news(&extra, &caller, as_of, cfg)?;
        for item in &news {
            out.line(&shown(&item.message))?;
        }
        let (said, memory) = say_due(&mut out, &review, &caller, as_of, cfg)?;
        // --exit-code answers "did it say anything": news counts too.
        said_anything = said || !news.is_empty();
        out.finish()?;
        // Only what reached stdout is remembered as said.
        if let (Some(dir), Some(memory)) = (&cfg.state_dir, memory) {
            store::said::write(dir, &caller, &memory)?.print();
        }
        remember(&news, &caller, as_of, cfg);
    } else {
        match args.format {
            ReviewFormat::Json => out.json(&WithPartner {
                review: &review,
                extra: &extra,
            })?,
            ReviewFormat::Csv => rows::render(&mut out, &review, &extra, args.raw)?,
            ReviewFormat::Html => unreachable!("written above"),
            ReviewFormat::Table => {
                table::render(&mut out, &review, &extra, cfg.stdout_is_terminal)?;
            }
        }
        out.finish()?;
    }
    if args.exit_code && said_anything {
        // Not an error to report: the exit code is the answer.
        return Err(Error::quiet_failure());
    }
    Ok(())
}

/// A review and what the partner wrote, as one JSON object.
#[derive(serde::Serialize)]
struct WithPartner<'a> {
    #[serde(flatten)]
    review: &'a Review,
    #[serde(flatten)]
    extra: &'a FromPartner,
}

/// What is new from the partner that the caller has not been told on this
/// machine yet; nothing when reviewing another day than today.
fn news<'a>(
    extra: &'a FromPartner,
    caller: &str,
    as_of: NaiveDate,
    cfg: &Config,
) -> Result<Vec<&'a partner::News>> {
    if as_of != cfg.today {
        return Ok(Vec::new());
    }
    let told = match &cfg.state_dir {
        Some(state) => store::told::read(state, &cfg.dir, caller)?,
        None => std::collections::HashSet::new(),
    };
    Ok(extra
        .news
        .iter()
        .filter(|n| !told.contains(&n.id))
        .collect())
}

/// Remembers the news told, so that it is told once. A failure is said,
/// not fatal: the news was printed, and will come once more.
fn remember(news: &[&partner::News], caller: &str, as_of: NaiveDate, cfg: &Config) {
    let Some(state) = &cfg.state_dir else {
        return;
    };
    if news.is_empty() {
        return;
    }
    let told: Vec<(String, NaiveDate)> = news.iter().map(|n| (n.id.clone(), n.date)).collect();
    let keep_from = as_of - chrono::Days::new(NEWS_DAYS);
    match store::told::remember(state, &cfg.dir, caller, &told, keep_from) {
        Ok(warned) => warned.print(),
        Err(err) => crate::printer::warn(
            &crate::printer::Warning::new(format!("cannot remember the news told: {err}"))
                .with_hint("it will be told again next time"),
        ),
    }
}

/// The web page, to `-o FILE` as every export is written, or to stdout.
fn write_page(page: &str, output: Option<&std::path::Path>, cfg: &Config) -> Result<()> {
    if let Some(path) = output {
        store::write_output(path, &cfg.dir, |out| {
            out.write_all(page.as_bytes())
                .map_err(|e| Error::io("cannot write", path, &e))
        })
    } else {
        let mut out = Out::stdout(false);
        out.raw(page.as_bytes())?;
        out.finish()
    }
}

/// `--due`: the due items this evening's rule says, so that a goal turning
/// due is said once, an overdue goal or a drift once a week. Whether it
/// said anything, and what to remember (per machine, in the state
/// directory) once the output is out.
fn say_due(
    out: &mut Out,
    review: &Review,
    caller: &str,
    as_of: NaiveDate,
    cfg: &Config,
) -> Result<(bool, Option<Vec<report::Said>>)> {
    // Reviewing another day is a look, not the evening's reminder.
    if as_of != cfg.today {
        for item in &review.due {
            out.line(&shown(&item.message))?;
        }
        return Ok((!review.due.is_empty(), None));
    }
    let memory = match &cfg.state_dir {
        Some(dir) => store::said::read(dir, caller)?,
        None => Vec::new(),
    };
    let (spoken, remember) = report::to_say(&review.due, &memory, as_of);
    for item in &spoken {
        out.line(&shown(&item.message))?;
    }
    Ok((!spoken.is_empty(), (remember != memory).then_some(remember)))
}

/// The range the flags ask for, and the as-of date: `--date`, else for
/// `--from/--to` the end of the range (today if that is later), else today.
fn period(args: &ReviewArgs, cfg: &Config) -> Result<(Period, NaiveDate)> {
    let date = args
        .date
        .as_deref()
        .map(|text| dates::parse_past_date(text, cfg.today))
        .transpose()?;
    if let (Some(from), Some(to)) = (&args.from, &args.to) {
        let range = Period {
            from: dates::parse_user_date(from, cfg.today)?,
            to: dates::parse_user_date(to, cfg.today)?,
        };
        if range.from > range.to {
            return Err(Error::usage(format!(
                "--from {} is after --to {}",
                dates::iso(range.from),
                dates::iso(range.to)
            )));
        }
        return Ok((range, date.unwrap_or(range.to.min(cfg.today))));
    }
    let as_of = date.unwrap_or(cfg.today);
    let range = if args.month {
        Period::month_of(as_of)
    } else if args.year {
        Period::year_of(as_of)
    } else {
        Period::week_of(as_of)
    };
    Ok((range, as_of))
}
