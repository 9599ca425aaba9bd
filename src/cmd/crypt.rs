//! `couple crypt`: encryption at rest (see `store::crypt`).

use crate::cli::{CryptArgs, CryptCommand};
use crate::config::Config;
use crate::error::Result;
use crate::printer::{self, Warning};
use crate::render::Out;
use crate::store;
use crate::store::crypt::RECIPIENTS_FILE;

pub(crate) fn run(args: CryptArgs, cfg: &Config) -> Result<()> {
    match args.command {
        CryptCommand::Init(init) => {
            let name = cfg
                .caller()
                .map_or_else(|| "this machine".to_string(), str::to_string);
            let done = store::sealing::init(&cfg.dir, &name, init.backup.as_deref())?.print();
            if !cfg.quiet {
                if done.made {
                    printer::say(format_args!(
                        "made this machine's key: {} (keep it private; back it up)",
                        done.identity.display()
                    ));
                }
                let what = if done.added { "added to" } else { "already in" };
                printer::say(format_args!("{} {what} {RECIPIENTS_FILE}", done.public));
                if done.backup_added {
                    printer::say(format_args!("the backup key added to {RECIPIENTS_FILE}"));
                }
            }
            Ok(())
        }
        CryptCommand::On(_) => {
            let done = store::sealing::on(&cfg.dir)?.print();
            if !cfg.quiet {
                printer::say(format_args!("encrypted: {}", done.join(", ")));
            }
            Ok(())
        }
        CryptCommand::Off(_) => {
            let done = store::sealing::off(&cfg.dir)?.print();
            if !cfg.quiet {
                if done.is_empty() {
                    printer::say("nothing was encrypted");
                } else {
                    printer::say(format_args!("decrypted: {}", done.join(", ")));
                }
            }
            Ok(())
        }
        CryptCommand::Status(_) => status(cfg),
    }
}

fn status(cfg: &Config) -> Result<()> {
    let status = store::sealing::status(&cfg.dir)?;
    let mut out = Out::stdout(cfg.color);
    out.line(&format!(
        "encryption: {}",
        if status.on { "on" } else { "off" }
    ))?;
    if status.recipients.is_empty() {
        out.line(&format!("recipients: none ({RECIPIENTS_FILE} is missing)"))?;
    } else {
        out.line("recipients:")?;
        for (who, key) in &status.recipients {
            let who = if who.is_empty() { "?" } else { who };
            out.line(&format!("  {who}  {key}"))?;
        }
    }
    out.line("files:")?;
    for (name, sealed) in &status.files {
        let how = if *sealed { "encrypted" } else { "plain" };
        out.line(&format!("  {name}  {how}"))?;
    }
    if !status.plaintext.is_empty() {
        out.line("plain text, though encryption is on:")?;
        for name in &status.plaintext {
            out.line(&format!("  {name}"))?;
        }
        printer::warn(
            &Warning::new(format!(
                "{} in plain text in the data directory though encryption is on",
                match status.plaintext.len() {
                    1 => "1 file is".to_string(),
                    n => format!("{n} files are"),
                }
            ))
            .with_hint("`couple crypt on` encrypts them (a plain log.csv, goals.csv or removed.csv beside its .age file is folded in first)"),
        );
    }
    match (&status.identity, &status.public) {
        (Some(path), Some((key, known))) => {
            let among = if *known {
                "among the recipients"
            } else {
                "NOT among the recipients"
            };
            out.line(&format!(
                "this machine: {key} ({}), {among}",
                path.display()
            ))?;
        }
        (Some(path), None) if path.exists() => {
            out.line(&format!(
                "this machine: {} (protected by a passphrase)",
                path.display()
            ))?;
        }
        _ => out.line("this machine: no key (run `couple crypt init`)")?,
    }
    out.finish()
}
