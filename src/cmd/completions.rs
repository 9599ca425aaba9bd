//! `couple completions SHELL`: the completion script for a shell.

use crate::cli::CompletionsArgs;
use crate::config::Config;
use crate::error::Result;
use crate::generated;
use crate::render::Out;

pub(crate) fn run(args: CompletionsArgs, cfg: &Config) -> Result<()> {
    let mut out = Out::stdout(cfg.color);
    out.raw(&generated::script(args.shell))?;
    out.finish()
}
