//! couple: small daily rituals for two, over plain CSV files you own.

mod cli;
mod cmd;
mod complete;
mod config;
mod dates;
mod deck;
mod error;
mod generated;
mod guide;
mod hooks;
mod model;
mod printer;
mod render;
mod report;
mod store;
mod term;

use std::process::ExitCode;

use crate::cli::{Cli, Command};
use crate::config::Config;
use crate::error::{Error, Result};

fn main() -> ExitCode {
    let (cli, partner_typed) = cli::parse();
    match run(cli, partner_typed) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => report(&err),
    }
}

fn run(cli: Cli, partner_typed: bool) -> Result<()> {
    let config = Config::resolve(&cli.global, partner_typed)?;
    let Some(command) = cli.command else {
        return cmd::today::run(&config);
    };
    match command {
        Command::Prompt(args) => cmd::prompt::run(args, &config),
        Command::Log(args) => cmd::log::run(args, &config),
        Command::Goals(args) => cmd::goals::run(args, &config),
        Command::Review(args) => cmd::review::run(args, &config),
        Command::History(args) => cmd::history::run(args, &config),
        Command::Export(args) => cmd::export::run(args, &config),
        Command::Talk(args) => cmd::talk::run(args, &config),
        Command::Rituals(args) => cmd::rituals::run(args, &config),
        Command::Crypt(args) => cmd::crypt::run(args, &config),
        Command::Completions(args) => cmd::completions::run(args, &config),
        Command::MergeDriver(args) => cmd::merge_driver::run(args, &config),
    }
}

/// The one place an error is printed: one line, then a hint if there is one.
fn report(err: &Error) -> ExitCode {
    if !matches!(
        err.kind,
        error::Kind::BrokenPipe | error::Kind::QuietFailure
    ) {
        printer::error(&err.message, err.hint.as_deref());
    }
    ExitCode::from(err.exit_code())
}
