//! Integration tests: every behaviour through the built binary, in a
//! sandbox per test (see `harness`).

mod harness;
mod terminal;

mod goals;
mod prompt;
