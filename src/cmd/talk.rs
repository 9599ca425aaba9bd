//! `couple talk`: the daily talk on a terminal, timed and calm, recorded by
//! itself; and with `--weekly`, the weekly "state of us".

use std::time::Duration;

use chrono::SecondsFormat;

use crate::cli::TalkArgs;
use crate::config::Config;
use crate::deck::{self, Filter};
use crate::error::{Error, Result};
use crate::guide::countdown::{self, Ending, minutes_to_record};
use crate::guide::steps::{self, APPRECIATION, APPRECIATIONS, REPAIR, STATE_OF_US, TO_TALK_ABOUT};
use crate::model::{ENTRY_ID_LEN, Entry, Kind, Prompt, fresh_id, same_partner};
use crate::printer;
use crate::render::Out;
use crate::store;
use crate::store::log::Look;
use crate::term::walk::Asker;

mod screen;

pub(crate) fn run(args: TalkArgs, cfg: &Config) -> Result<()> {
    // First, before reading anything: a script must learn at once that
    // this needs a person.
    if !(cfg.interactive && cfg.stdout_is_terminal) {
        return Err(no_terminal(args.weekly));
    }
    let partner = cfg.partner()?.to_string();
    // What the talk ends in must be writable: say so now, not after it.
    store::log::check_appendable(&cfg.dir)?;
    if args.weekly {
        return weekly(&partner, cfg);
    }
    let deck = store::prompts::load(&cfg.dir, None)?;
    let prompt = choose(&args, &deck, cfg)?;

    let (ending, spent) = screen::hold(prompt, args.length, cfg.color).map_err(terminal_error)?;
    let Some(minutes) = minutes_to_record(spent, ending) else {
        return match ending {
            Ending::EndedEarly => {
                printer::say(format_args!(
                    "Ended after {}: under a minute, so nothing was recorded.",
                    // Time spent reads rounded down: 1.4 s is "00:01".
                    countdown::clock(Duration::from_secs(spent.as_secs()))
                ));
                Ok(())
            }
            _ => Err(Error::runtime("the talk was stopped: nothing was recorded")),
        };
    };
    let talk = entry(
        Kind::Talk,
        Some(minutes),
        &prompt.id,
        String::new(),
        &partner,
        cfg,
    );
    store::log::append(&cfg.dir, &talk)?.print();
    crate::hooks::entry_written(cfg, &talk);
    let mut out = Out::stdout(cfg.color);
    if !cfg.quiet {
        out.line(&talk.id)?;
    }
    if !cfg.quiet {
        printer::say(format_args!(
            "Recorded {minutes} minute{} of talk about {}.",
            if minutes == 1 { "" } else { "s" },
            prompt.id
        ));
    }
    offer_answer(prompt, &partner, cfg, &mut out)?;
    out.finish_recorded(None, &format!("the talk {}", talk.id))
}

/// Exit 2, and what to do instead.
fn no_terminal(weekly: bool) -> Error {
    if weekly {
        Error::usage("couple talk --weekly needs a terminal to ask on").with_hint(
            "record it with couple log appreciation \"…\" and couple log state-of-us \"…\"",
        )
    } else {
        Error::usage("couple talk needs a terminal to show the countdown on")
            .with_hint("record a talk with couple log talk --minutes 15 [--prompt ID]")
    }
}

/// The question to talk about: `--id`, `--random`, else the question of the
/// day of the (filtered) deck.
fn choose<'d>(args: &TalkArgs, deck: &'d [Prompt], cfg: &Config) -> Result<&'d Prompt> {
    let filter = Filter {
        themes: deck::themes_named(deck, &args.theme)?,
        depth: args.depth,
    };
    let prompts = deck::select(deck, &filter);
    if prompts.is_empty() {
        return Err(
            Error::usage("no prompt in the deck matches --theme and --depth")
                .with_hint("see `couple prompt --themes` for what each theme holds"),
        );
    }
    let pin = store::prompts::pin(&cfg.dir, &cfg.settings, None)?;
    let in_edition = deck::in_edition(&prompts, pin.edition_on(cfg.today));
    Ok(if let Some(id) = &args.id {
        deck::by_id(&prompts, id)?
    } else if args.random && !in_edition.is_empty() {
        in_edition[random_below(in_edition.len())]
    } else {
        // The same question `couple prompt` shows: the couple's edition,
        // after today's skips.
        store::prompts::question_of_the_day(&cfg.dir, &prompts, pin, cfg.today, Look::AsEveryRead)?
            .unwrap_or(prompts[0])
    })
}

fn random_below(n: usize) -> usize {
    let mut bytes = [0u8; 8];
    // A failing random source only makes --random less random.
    let _ = getrandom::fill(&mut bytes);
    (u64::from_le_bytes(bytes) % n as u64) as usize
}

/// After the talk: write your answer now, as an `answer` entry.
fn offer_answer(prompt: &Prompt, partner: &str, cfg: &Config, out: &mut Out) -> Result<()> {
    if answered(&prompt.id, partner, cfg)? {
        printer::say("You have answered it already; couple review shows both answers.");
        return Ok(());
    }
    let asker = Asker::new(cfg.color);
    asker.tell(&prompt.text).map_err(asking)?;
    if !asker
        .confirm("Write your answer to it now?", false)
        .map_err(asking)?
    {
        return Ok(());
    }
    let text = asker.line("Your answer").map_err(asking)?;
    if text.is_empty() {
        printer::say("No answer written.");
        return Ok(());
    }
    let answer = entry(Kind::Answer, None, &prompt.id, text, partner, cfg);
    store::log::append(&cfg.dir, &answer)?.print();
    crate::hooks::entry_written(cfg, &answer);
    if !cfg.quiet {
        out.line(&answer.id)?;
    }
    Ok(())
}

/// Whether `partner` has answered the prompt `id` before (any day).
fn answered(id: &str, partner: &str, cfg: &Config) -> Result<bool> {
    let mut found = false;
    store::log::for_each_decoding(&cfg.dir, &|kind, _| kind == Kind::Answer, |entry| {
        found |= entry.kind == Kind::Answer
            && same_partner(&entry.partner, partner)
            && entry.prompt == id;
        Ok(())
    })?;
    Ok(found)
}

/// The weekly "state of us": appreciations, what went well, one thing to
/// talk about (with the repair steps if you like), and what would make you
/// feel loved. Nothing is written until every question is answered.
fn weekly(partner: &str, cfg: &Config) -> Result<()> {
    let asker = Asker::new(cfg.color);
    asker
        .tell(&format!(
            "State of us, week {} — every question can be skipped with Enter.",
            cfg.today.format("%G-W%V")
        ))
        .map_err(asking)?;
    let mut entries = Vec::new();
    for n in 1..=APPRECIATIONS {
        let question = format!("({n}/{APPRECIATIONS}) {}", APPRECIATION.question);
        // The hint once, before the first.
        let hint = if n == 1 { APPRECIATION.hint } else { "" };
        let text = asker.ask(&question, hint).map_err(asking)?;
        if !text.is_empty() {
            entries.push(entry(Kind::Appreciation, None, "", text, partner, cfg));
        }
    }
    let mut answers = Vec::new();
    for step in &STATE_OF_US {
        let text = asker.step(step).map_err(asking)?;
        let offer_repair = *step == TO_TALK_ABOUT && !text.is_empty();
        answers.push(text);
        if offer_repair
            && asker
                .confirm("Walk the repair steps about it now?", false)
                .map_err(asking)?
        {
            let note = steps::labelled_note(&REPAIR, &asker.steps(&REPAIR).map_err(asking)?);
            if !note.is_empty() {
                entries.push(entry(Kind::Repair, None, "", note, partner, cfg));
            }
        }
    }
    let note = steps::labelled_note(&STATE_OF_US, &answers);
    if !note.is_empty() {
        entries.push(entry(Kind::StateOfUs, None, "", note, partner, cfg));
    }
    if entries.is_empty() {
        return Err(Error::runtime(
            "every step was skipped: nothing was recorded",
        ));
    }
    let mut out = Out::stdout(cfg.color);
    for entry in &entries {
        store::log::append(&cfg.dir, entry)?.print();
        crate::hooks::entry_written(cfg, entry);
        if !cfg.quiet {
            out.line(&entry.id)?;
        }
    }
    if !cfg.quiet {
        printer::say(format_args!("Recorded: {}.", recorded(&entries)));
    }
    let ids: Vec<&str> = entries.iter().map(|e| e.id.as_str()).collect();
    out.finish_recorded(None, &format!("the entries {}", ids.join(", ")))
}

/// `3 appreciations, a state-of-us`.
fn recorded(entries: &[Entry]) -> String {
    let mut parts = Vec::new();
    for kind in [Kind::Appreciation, Kind::Repair, Kind::StateOfUs] {
        let n = entries.iter().filter(|e| e.kind == kind).count();
        match n {
            0 => {}
            1 => parts.push(format!("1 {kind}")),
            _ => parts.push(format!("{n} {kind}s")),
        }
    }
    parts.join(", ")
}

/// A new entry of today, by `partner`.
fn entry(
    kind: Kind,
    minutes: Option<u16>,
    prompt: &str,
    note: String,
    partner: &str,
    cfg: &Config,
) -> Entry {
    Entry {
        id: fresh_id(ENTRY_ID_LEN),
        date: cfg.today,
        partner: partner.to_string(),
        kind,
        minutes,
        prompt: prompt.to_string(),
        note,
        logged_at: cfg.now().to_rfc3339_opts(SecondsFormat::Millis, false),
        ..Entry::default()
    }
}

fn terminal_error(err: std::io::Error) -> Error {
    Error::runtime(format!(
        "the terminal: {}: nothing was recorded",
        crate::error::plain(&err)
    ))
}

fn asking(err: dialoguer::Error) -> Error {
    crate::term::asking_failed(err, "nothing was recorded")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_summary_counts_each_kind() {
        let cfg_like = |kind| Entry {
            date: chrono::NaiveDate::MIN,
            kind,
            ..Entry::default()
        };
        let entries = [
            cfg_like(Kind::Appreciation),
            cfg_like(Kind::Appreciation),
            cfg_like(Kind::StateOfUs),
        ];
        assert_eq!(recorded(&entries), "2 appreciations, 1 state-of-us");
    }
}
