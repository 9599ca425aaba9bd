//! `couple merge-driver`: git's merge of couple's data files, for a data
//! directory kept in a git repository.

use crate::cli::MergeDriverArgs;
use crate::config::Config;
use crate::error::Result;
use crate::store;

pub(crate) fn run(args: MergeDriverArgs, _cfg: &Config) -> Result<()> {
    store::git_merge::merge(&args.ancestor, &args.ours, &args.theirs, &args.path)?.print();
    Ok(())
}
