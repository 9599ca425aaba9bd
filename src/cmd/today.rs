//! bare `couple`: today's question and what is due, the way `task` with no
//! arguments prints its next list.

use crate::config::Config;
use crate::dates::Period;
use crate::deck::{self, Filter};
use crate::error::Result;
use crate::model::Kind;
use crate::render::{Out, shown};
use crate::report::{self, Fold};
use crate::store;
use crate::store::log::Look;

pub(crate) fn run(cfg: &Config) -> Result<()> {
    // Reading: the deck, then this week's log and the goals, as
    // `couple review --due` reads them.
    let deck = store::prompts::load(&cfg.dir, None)?;
    let all = deck::select(&deck, &Filter::default());
    // The same question `couple prompt` shows: the couple's edition, after
    // today's skips.
    let pin = store::prompts::pin(&cfg.dir, &cfg.settings, None)?;
    let question =
        store::prompts::question_of_the_day(&cfg.dir, &all, pin, cfg.today, Look::AsEveryRead)?;

    let caller = cfg.caller().unwrap_or_default().to_string();
    let week = Period::week_of(cfg.today);
    let (rituals, _) = store::rituals::read(&cfg.dir)?;
    let pauses = store::rituals::pauses(&cfg.dir)?;
    let mut fold = Fold::new(week, cfg.today, rituals);
    let states = report::state_of_us_window(week, cfg.today);
    let read_notes = |kind, date| {
        kind == Kind::Answer && date == cfg.today
            || kind == Kind::StateOfUs && states.contains(date)
    };
    store::log::for_each_decoding(&cfg.dir, &read_notes, |entry| {
        fold.add(entry);
        Ok(())
    })?;
    let goals = store::goals::read(&cfg.dir)?;
    let review = fold.finish(&caller, None, &goals, &pauses);

    // Rendering: the question, then one line per thing due (nothing when
    // all is well). Unlike `review --due` it marks nothing as said: a look
    // at the day, not the evening's reminder.
    let mut out = Out::stdout(cfg.color);
    if let Some(prompt) = question {
        if cfg.stdout_is_terminal {
            let theme = out.dim(&format!("— {}", prompt.theme));
            out.line(&format!("{}  {theme}", prompt.text))?;
        } else {
            out.line(&prompt.text)?;
        }
    }
    if !review.due.is_empty() {
        out.line("")?;
        for item in &review.due {
            out.line(&shown(&item.message))?;
        }
    }
    out.finish()
}
