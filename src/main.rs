//! couple: small daily rituals for two, over plain CSV files you own.

// The model and store already hold what `log` and `review` are about to use.
#![allow(dead_code, unused_imports)]

mod cli;
mod cmd;
mod config;
mod dates;
mod deck;
mod error;
mod model;
mod render;
mod store;

use std::io::Write;
use std::process::ExitCode;

use clap::Parser;

use crate::cli::{Cli, Command};
use crate::config::Config;
use crate::error::{Error, Result};

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => report(&err),
    }
}

fn run(cli: Cli) -> Result<()> {
    let config = Config::resolve(&cli.global)?;
    match cli.command {
        Command::Prompt(args) => cmd::prompt::run(args, &config),
        Command::Goals(args) => cmd::goals::run(args, &config),
    }
}

/// The one place an error is printed: one line, then a hint if there is one.
fn report(err: &Error) -> ExitCode {
    if err.kind != error::Kind::BrokenPipe {
        let mut stderr = std::io::stderr().lock();
        let _ = writeln!(stderr, "couple: {}", err.message);
        if let Some(hint) = &err.hint {
            let _ = writeln!(stderr, "hint: {hint}");
        }
    }
    ExitCode::from(err.exit_code())
}
