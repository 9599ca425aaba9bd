//! `couple prompt` as a shell start-up file runs it, recognised without
//! clap. Building clap's command (a dozen subcommands, every option and
//! its help text) and parsing against it was half of `couple prompt`'s
//! start-up, which runs in every new shell. So the few exact command lines
//! a start-up file uses — `prompt`, with `--dir DIR` or `--dir=DIR` before
//! or after it, or neither — become the [`Cli`] clap would make of them,
//! and everything else (any other word or flag, `--help`, a value clap
//! might question, a shell asking for completions) goes to clap, which
//! answers as it always has. A unit test holds the two to the same result.

use std::ffi::OsString;

use super::{Cli, ColorChoice, Command, GlobalArgs, PromptArgs, PromptFormat};

/// The [`Cli`] clap makes of `args` (the words after the program's name)
/// when they are one of the start-up forms of `couple prompt`; `env`
/// reads an environment variable. `None`: let clap parse.
pub(super) fn parse(
    args: impl IntoIterator<Item = OsString>,
    env: impl Fn(&str) -> Option<OsString>,
) -> Option<Cli> {
    // A shell asking for completions, or a variable clap would refuse or
    // Config would question: clap's way, so every message stays its own.
    if env("COMPLETE").is_some() {
        return None;
    }
    let mut dir = None;
    let mut prompt = false;
    let mut args = args.into_iter();
    while let Some(arg) = args.next() {
        let bytes = arg.as_encoded_bytes();
        if bytes == b"prompt" && !prompt {
            prompt = true;
        } else if bytes == b"--dir" && dir.is_none() {
            dir = Some(plain_value(args.next()?)?);
        } else if bytes.starts_with(b"--dir=") && dir.is_none() {
            let value = arg.to_str()?["--dir=".len()..].to_string();
            dir = Some(plain_value(value.into())?);
        } else {
            return None;
        }
    }
    if !prompt {
        return None;
    }
    let dir = match (dir, env("COUPLE_DIR")) {
        (Some(dir), _) => Some(dir),
        (None, Some(value)) => Some(plain_value(value)?),
        (None, None) => None,
    };
    let partner = match env("COUPLE_PARTNER") {
        None => None,
        Some(name) => Some(name.into_string().ok().filter(|n| !n.is_empty())?),
    };
    Some(Cli {
        global: GlobalArgs {
            dir: dir.map(Into::into),
            partner,
            no_input: false,
            color: ColorChoice::Auto,
            quiet: false,
        },
        command: Some(Command::Prompt(PromptArgs {
            theme: Vec::new(),
            depth: None,
            date: None,
            random: false,
            id: None,
            list: false,
            themes: false,
            skip: false,
            upgrade_deck: false,
            idea: None,
            deck: None,
            format: PromptFormat::Text,
            raw: false,
        })),
    })
}

/// A value taken as it is: not empty, not starting with `-` (which clap
/// would take for an option, or question).
fn plain_value(value: OsString) -> Option<OsString> {
    let bytes = value.as_encoded_bytes();
    (!bytes.is_empty() && bytes[0] != b'-').then_some(value)
}

#[cfg(test)]
mod tests {
    use clap::{CommandFactory, FromArgMatches};

    use super::*;

    /// What clap makes of `args` with `env` as the environment (passed as
    /// the options the two variables stand for, so the test does not
    /// depend on the environment it runs in).
    fn by_clap(args: &[&str], env: &[(&str, &str)]) -> Option<Cli> {
        let mut words: Vec<String> = vec!["couple".into()];
        words.extend(args.iter().map(|a| (*a).to_string()));
        for (name, value) in env {
            let flag = match *name {
                "COUPLE_DIR" if !args.iter().any(|a| a.starts_with("--dir")) => "--dir",
                "COUPLE_PARTNER" => "--partner",
                _ => continue,
            };
            words.push(flag.into());
            words.push((*value).to_string());
        }
        let matches = Cli::command()
            .mut_arg("dir", |arg| arg.env(None))
            .mut_arg("partner", |arg| arg.env(None))
            .try_get_matches_from(words)
            .ok()?;
        Cli::from_arg_matches(&matches).ok()
    }

    fn fast(args: &[&str], env: &[(&str, &str)]) -> Option<Cli> {
        parse(args.iter().map(OsString::from), |name| {
            env.iter()
                .find(|(n, _)| *n == name)
                .map(|(_, v)| OsString::from(*v))
        })
    }

    #[test]
    fn the_start_up_forms_parse_as_clap_parses_them() {
        let envs: [&[(&str, &str)]; 4] = [
            &[],
            &[("COUPLE_DIR", "/data/us")],
            &[("COUPLE_PARTNER", "sam")],
            &[("COUPLE_DIR", "/data/us"), ("COUPLE_PARTNER", "Alex B")],
        ];
        let forms: [&[&str]; 7] = [
            &["prompt"],
            &["--dir", "/x", "prompt"],
            &["--dir=/x", "prompt"],
            &["prompt", "--dir", "/x y"],
            &["prompt", "--dir=/x"],
            &["--dir", "prompt", "prompt"],
            &["--dir=prompt", "prompt"],
        ];
        for env in envs {
            for args in forms {
                let fast = fast(args, env).unwrap_or_else(|| panic!("{args:?} {env:?}"));
                let clap = by_clap(args, env).expect("clap parses it");
                assert_eq!(format!("{fast:?}"), format!("{clap:?}"), "{args:?} {env:?}");
            }
        }
    }

    #[test]
    fn everything_else_goes_to_clap() {
        let others: [&[&str]; 22] = [
            &[],
            &["prompt", "prompt"],
            &["prompt", "--help"],
            &["prompt", "-h"],
            &["--help"],
            &["--version"],
            &["help", "prompt"],
            &["prompt", "--skip"],
            &["prompt", "--theme", "play"],
            &["prompt", "--format", "json"],
            &["prompt", "-q"],
            &["--no-input", "prompt"],
            &["prompt", "--dir"],
            &["prompt", "--dir", ""],
            &["prompt", "--dir="],
            &["prompt", "--dir", "-q"],
            &["--dir", "/a", "prompt", "--dir", "/b"],
            &["prompt", "--"],
            &["prompt", "extra"],
            &["log", "prompt"],
            &["--partner", "sam", "prompt"],
            &["Prompt"],
        ];
        for args in others {
            assert!(fast(args, &[]).is_none(), "{args:?}");
        }
        for env in [
            &[("COMPLETE", "bash")][..],
            &[("COMPLETE", "0")],
            &[("COUPLE_DIR", "")],
            &[("COUPLE_PARTNER", "")],
        ] {
            assert!(fast(&["prompt"], env).is_none(), "{env:?}");
        }
    }

    #[cfg(unix)]
    #[test]
    fn a_name_that_is_not_utf8_goes_to_clap() {
        use std::os::unix::ffi::OsStringExt;
        let odd = OsString::from_vec(b"caf\xe9".to_vec());
        let partner = odd.clone();
        assert!(
            parse([OsString::from("prompt")], |n| (n == "COUPLE_PARTNER")
                .then(|| partner.clone()))
            .is_none()
        );
        let mut dir = b"--dir=".to_vec();
        dir.extend(b"/caf\xe9");
        assert!(parse([OsString::from_vec(dir), "prompt".into()], |_| None).is_none());
        // A directory's name is any bytes, for clap as here.
        let fast = parse(["--dir".into(), odd, "prompt".into()], |_| None).expect("parsed");
        assert_eq!(
            fast.global
                .dir
                .as_deref()
                .map(|d| d.as_os_str().as_encoded_bytes()),
            Some(&b"caf\xe9"[..])
        );
    }
}
