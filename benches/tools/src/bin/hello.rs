//! The start-up floor for `couple prompt`: a clap (derive) hello-world.

use clap::Parser;

/// Say hello.
#[derive(Parser)]
#[command(version)]
struct Args {
    /// Who to greet (parsed, so clap does real work, but not printed).
    #[arg(long)]
    name: Option<String>,
}

fn main() {
    let args = Args::parse();
    let _ = args.name;
    println!("hello");
}
