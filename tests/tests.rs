//! Integration tests: every behaviour through the built binary, in a
//! sandbox per test (see `harness`).

mod harness;
mod keyholders;
mod terminal;

mod completions;
#[cfg(unix)]
mod crash;
mod crypt;
#[cfg(unix)]
mod crypt_keys;
mod crypt_prompt;
#[cfg(unix)]
mod crypt_sync;
#[cfg(unix)]
mod crypt_twins;
mod deck;
mod export;
mod forgiving;
mod generated;
#[cfg(unix)]
mod git;
mod goal_sync;
mod goals;
mod guided;
mod history;
mod hooks;
mod hostile;
mod identity_dates;
mod layers;
mod log;
mod prompt;
mod properties;
mod reading;
mod recipes;
mod reliability;
mod review;
mod review_html;
mod rituals;
mod rituals_month;
mod safety;
mod spreadsheets;
mod startup;
mod sync;
mod talk;
mod undo_sync;
