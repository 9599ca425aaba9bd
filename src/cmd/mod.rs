//! One module per subcommand, each with the same shape: `run(args, config)`
//! reads what it needs through `store`, computes with the pure core, and
//! renders with `render`.

pub(crate) mod completions;
pub(crate) mod crypt;
pub(crate) mod export;
pub(crate) mod goals;
pub(crate) mod history;
pub(crate) mod log;
pub(crate) mod merge_driver;
pub(crate) mod prompt;
pub(crate) mod review;
pub(crate) mod rituals;
pub(crate) mod talk;
pub(crate) mod today;
