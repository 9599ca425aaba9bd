//! `couple review`: how it is going over a period, and what is due now.

use comfy_table::{Cell, Table, presets};

use crate::cli::{ReviewArgs, ReviewFormat};
use crate::config::Config;
use crate::dates::{self, Period};
use crate::error::{Error, Result};
use crate::guide::steps::SEPARATOR;
use chrono::NaiveDate;

use crate::model::{Kind, Per};
use crate::render::{self, Out, shown, shown_line};
use crate::report::answers::Answers;
use crate::report::partner::{self, FromPartner, NEWS_DAYS, PartnerFold};
use crate::report::{self, Fold, Review};
use crate::store;

mod charts;

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
            ReviewFormat::Csv => render_csv(&mut out, &review, &extra, args.raw)?,
            ReviewFormat::Html => unreachable!("written above"),
            ReviewFormat::Table => {
                render_table(&mut out, &review, &extra, cfg.stdout_is_terminal)?;
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

/// Long form, one measure per row, for a spreadsheet's pivot table.
fn render_csv(out: &mut Out, review: &Review, extra: &FromPartner, raw: bool) -> Result<()> {
    let mut rows: Vec<[String; 4]> = Vec::new();
    let mut add = |section: &str, item: &str, measure: &str, value: String| {
        rows.push([section.into(), item.into(), measure.into(), value]);
    };
    add("period", "range", "from", dates::iso(review.from));
    add("period", "range", "to", dates::iso(review.to));
    add("period", "range", "as_of", dates::iso(review.as_of));
    for r in &review.rituals {
        let name = r.ritual.as_str();
        add("ritual", name, "cadence", r.cadence());
        add("ritual", name, "target", r.target.to_string());
        add("ritual", name, "done", r.done.to_string());
        add("ritual", name, "minutes", r.minutes.to_string());
        add("ritual", name, "streak", r.streak.to_string());
    }
    for p in &review.partners {
        for (measure, value) in [
            ("care", p.care),
            ("appreciation", p.appreciation),
            ("repair", p.repair),
            ("affection", p.affection),
            ("answers", p.answers),
            ("checkins", p.checkins),
        ] {
            add("partner", &p.partner, measure, value.to_string());
        }
        add(
            "partner",
            &p.partner,
            "mood",
            p.mood.map(|m| m.to_string()).unwrap_or_default(),
        );
    }
    add(
        "sit-down",
        "last",
        "date",
        review.last_sit_down.map(dates::iso).unwrap_or_default(),
    );
    for a in &review.answers {
        add(
            "answer",
            &a.partner,
            &a.prompt,
            a.text.clone().unwrap_or_default(),
        );
    }
    for state in &review.state_of_us {
        add(
            "state-of-us",
            &state.partner,
            &dates::iso(state.date),
            state.note.clone(),
        );
    }
    add("goals", "open", "count", review.goals.open.to_string());
    for (measure, list) in [
        ("overdue", &review.goals.overdue),
        ("due_soon", &review.goals.due_soon),
        ("done_in_period", &review.goals.done_in_period),
    ] {
        for goal in list {
            add("goals", &goal.id, measure, goal.title.clone());
        }
    }
    for p in &review.pauses {
        let what = if p.is_total() {
            "all".to_string()
        } else {
            p.rituals_text()
        };
        add("pause", &p.id, "from", dates::iso(p.from));
        add("pause", &p.id, "to", dates::iso(p.to));
        add("pause", &p.id, "rituals", what);
    }
    for d in &review.drift {
        add("drift", &d.ritual, "recent", d.recent.to_string());
        add("drift", &d.ritual, "earlier", d.earlier.to_string());
    }
    for d in &review.due {
        add("due", &d.what, "message", d.message.clone());
    }
    for n in &extra.notes {
        let measure = format!("{} {}", n.kind, dates::iso(n.date));
        add("from_partner", &n.partner, &measure, n.text.clone());
    }
    for d in &extra.on_this_day {
        let question = d.question.clone().unwrap_or_default();
        add("on_this_day", &dates::iso(d.date), &d.prompt, question);
    }
    out.csv(["section", "item", "measure", "value"], rows, raw)
}

fn render_table(out: &mut Out, review: &Review, extra: &FromPartner, terminal: bool) -> Result<()> {
    let title = format!(
        "{} to {} (as of {})",
        review.from.format("%a %-d %b %Y"),
        review.to.format("%a %-d %b %Y"),
        review.as_of.format("%a %-d %b")
    );
    out.line(&out.bold(&title))?;
    out.line("")?;

    let mut rituals = new_table(["ritual", "target", "done", "minutes", "streak"]);
    for r in &review.rituals {
        rituals.add_row(vec![
            Cell::new(if r.paused {
                format!("{} (paused)", r.ritual)
            } else {
                r.ritual.clone()
            }),
            Cell::new(r.cadence()),
            Cell::new(format!("{}/{}", r.done, r.target)),
            Cell::new(r.minutes),
            Cell::new(r.streak_text()),
        ]);
    }
    out.line(&rituals.to_string())?;
    render_pauses(out, review)?;
    out.line("")?;

    let mut partners = new_table([
        "partner",
        "care",
        "appreciation",
        "repair",
        "affection",
        "answers",
        "check-ins",
        "mood",
    ]);
    for p in &review.partners {
        partners.add_row(vec![
            Cell::new(shown_line(&p.partner)),
            Cell::new(p.care),
            Cell::new(p.appreciation),
            Cell::new(p.repair),
            Cell::new(p.affection),
            Cell::new(p.answers),
            Cell::new(p.checkins),
            Cell::new(
                p.mood
                    .map_or_else(|| "—".to_string(), |m| format!("{m:.1}")),
            ),
        ]);
    }
    out.line(&partners.to_string())?;

    charts::render(out, review)?;

    out.line("")?;
    let last = review
        .last_sit_down
        .map_or_else(|| "never".to_string(), dates::iso);
    out.line(&format!("Last sit-down: {last}"))?;

    render_goals(out, review)?;

    partner_sections(out, review, extra, terminal)?;

    render_state_of_us(out, review)?;

    if !review.due.is_empty() {
        out.line("")?;
        out.line("Due")?;
        for d in &review.due {
            out.line(&format!("  {}", out.warn(&d.message)))?;
        }
    }
    Ok(())
}

/// The answers side by side under their question, on this day, and (on a
/// terminal only: not in a cron mail) the notes from the partner.
fn partner_sections(
    out: &mut Out,
    review: &Review,
    extra: &FromPartner,
    terminal: bool,
) -> Result<()> {
    if !review.answers.is_empty() {
        out.line("")?;
        out.line(&format!("Answers of {}", dates::iso(review.as_of)))?;
        let mut prompt = None;
        for a in &review.answers {
            if prompt != Some(&a.prompt) {
                prompt = Some(&a.prompt);
                let question = a
                    .question
                    .as_deref()
                    .unwrap_or("(a question not in the deck)");
                let id = out.dim(&format!("[{}]", shown_line(&a.prompt)));
                out.line(&format!("  {}  {id}", shown_line(question)))?;
            }
            let when = if a.date == review.as_of {
                String::new()
            } else {
                a.date.format(", %a %-d %b").to_string()
            };
            let who = shown_line(&a.partner);
            match &a.text {
                Some(text) => out.line(&format!("    {who}{when}: {}", shown(text)))?,
                None => out.line(&format!(
                    "    {who}{when} answered: answer it to see theirs"
                ))?,
            }
        }
    }
    if !extra.on_this_day.is_empty() {
        out.line("")?;
        for day in &extra.on_this_day {
            out.line(&shown(&partner::on_this_day_line(day)))?;
        }
    }
    if terminal && !extra.notes.is_empty() {
        /// A week of notes reads well; a year's are in `couple history`.
        const SHOWN: usize = 20;
        let mut names: Vec<&str> = extra.notes.iter().map(|n| n.partner.as_str()).collect();
        names.dedup();
        out.line("")?;
        out.line(&format!("From {}", shown_line(&names.join(" and "))))?;
        for n in extra.notes.iter().take(SHOWN) {
            let text = n.text.replace(SEPARATOR, "; ");
            let note = if text.is_empty() {
                String::new()
            } else {
                format!(": {}", shown(&text))
            };
            out.line(&format!(
                "  {}  {}{note}",
                n.date.format("%a %-d %b"),
                n.kind
            ))?;
        }
        if extra.notes.len() > SHOWN {
            out.line(&format!(
                "  … and {} more: couple history --kind appreciation --kind care --kind repair --kind affection",
                extra.notes.len() - SHOWN
            ))?;
        }
    }
    Ok(())
}

/// The partner's latest weekly "state of us", one labelled answer a line.
fn render_state_of_us(out: &mut Out, review: &Review) -> Result<()> {
    for state in &review.state_of_us {
        out.line("")?;
        out.line(&format!(
            "{}'s state of us ({})",
            shown_line(&state.partner),
            dates::iso(state.date)
        ))?;
        for part in state.note.split(SEPARATOR) {
            out.line(&format!("  {}", shown(part)))?;
        }
    }
    Ok(())
}

fn render_pauses(out: &mut Out, review: &Review) -> Result<()> {
    for p in &review.pauses {
        let what = p.what();
        let note = if p.note.is_empty() {
            String::new()
        } else {
            format!(": {}", shown(&p.note))
        };
        out.line(&format!(
            " paused {} to {}, {what}{note}",
            p.from.format("%a %-d %b"),
            p.to.format("%a %-d %b")
        ))?;
    }
    Ok(())
}

fn render_goals(out: &mut Out, review: &Review) -> Result<()> {
    let goals = &review.goals;
    let done = match goals.done_in_period.len() {
        0 => String::new(),
        n => format!(", {n} done in this period"),
    };
    out.line("")?;
    out.line(&format!("Goals: {} open{done}", goals.open))?;
    for (label, list) in [("overdue", &goals.overdue), ("due soon", &goals.due_soon)] {
        for goal in list {
            let due = goal.due.map(dates::iso).unwrap_or_default();
            out.line(&shown(&format!(
                "  {label}: {} ({due}, {})",
                goal.title, goal.id
            )))?;
        }
    }
    Ok(())
}

fn new_table<const N: usize>(header: [&str; N]) -> Table {
    let mut table = Table::new();
    table.load_preset(presets::NOTHING).set_header(header);
    table
}
