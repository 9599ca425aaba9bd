//! Finding what a user typed among a list of names: goal ids, prompt ids,
//! theme names, kinds. One rule everywhere: case does not matter, an exact
//! name wins, else the one name the input begins; an ambiguous input lists
//! at most [`SHOWN`] candidates; an unknown one gets a "did you mean".

use crate::error::{Error, Result};

/// How many candidates an ambiguous input lists before "and N more".
pub(crate) const SHOWN: usize = 10;

/// What a typed name (or prefix of one) picks out of a list of names.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Found {
    /// The index of the one name that is, or starts with, the input.
    One(usize),
    None,
    /// The indices of every name starting with the input.
    Many(Vec<usize>),
}

/// Finds `input` among `names`: an exact name wins, else the one name it is
/// a prefix of. Case and surrounding blanks do not matter; an empty input
/// matches nothing.
pub(crate) fn find<'a>(names: impl IntoIterator<Item = &'a str>, input: &str) -> Found {
    let input = input.trim().to_lowercase();
    if input.is_empty() {
        return Found::None;
    }
    let mut prefixed = Vec::new();
    for (i, name) in names.into_iter().enumerate() {
        let name = name.to_lowercase();
        if name == input {
            return Found::One(i);
        }
        if name.starts_with(&input) {
            prefixed.push(i);
        }
    }
    match prefixed.as_slice() {
        [] => Found::None,
        [one] => Found::One(*one),
        _ => Found::Many(prefixed),
    }
}

/// What is being looked up, for the errors: `goal`/`id`, `theme`/`name`.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Lookup<'a> {
    /// What the names name: `goal`, `prompt`, `theme`.
    pub(crate) what: &'a str,
    /// Its plural, for the list of known names: `themes`.
    pub(crate) plural: &'a str,
    /// Ids are looked up by id and listed by a command; names are listed
    /// in the hint.
    pub(crate) by: By<'a>,
}

#[derive(Debug, Clone, Copy)]
pub(crate) enum By<'a> {
    /// By id; the hint names the command that lists the ids.
    Id { listed_by: &'a str },
    /// By name; the hint lists the names.
    Name,
}

impl Lookup<'_> {
    /// The index of the one name `input` picks, or the error that says why
    /// there is none. `label` shows a candidate in an "any of" list.
    pub(crate) fn pick(
        &self,
        names: &[&str],
        input: &str,
        label: impl Fn(usize) -> String,
    ) -> Result<usize> {
        let key = match self.by {
            By::Id { .. } => "id",
            By::Name => "name",
        };
        match find(names.iter().copied(), input) {
            Found::One(at) => Ok(at),
            Found::Many(at) => {
                let shown: Vec<String> = at.iter().take(SHOWN).map(|&i| label(i)).collect();
                let more = match at.len().saturating_sub(SHOWN) {
                    0 => String::new(),
                    n => format!(" and {n} more"),
                };
                Err(Error::usage(format!(
                    "{input:?} could be any of {}{more}",
                    shown.join(", ")
                ))
                .with_hint(format!("type more of the {key}")))
            }
            Found::None if input.trim().is_empty() => {
                Err(Error::usage(format!("the {} {key} is empty", self.what))
                    .with_hint(self.list_hint(names)))
            }
            Found::None => match self.by {
                By::Id { listed_by } => Err(Error::usage(format!(
                    "no {} has the id {input:?}",
                    self.what
                ))
                .with_hint(format!("`{listed_by}` shows every id"))),
                By::Name => Err(self.unknown(input, names)),
            },
        }
    }

    /// `unknown kind "tlak"`, hint `did you mean talk? kinds: talk, …`.
    pub(crate) fn unknown(&self, input: &str, names: &[&str]) -> Error {
        let err = Error::usage(format!("unknown {} {:?}", self.what, input.trim()));
        match closest(input.trim(), names.iter().copied()) {
            Some(near) => err.with_hint(format!("did you mean {near}? {}", self.list_hint(names))),
            None => err.with_hint(self.list_hint(names)),
        }
    }

    fn list_hint(&self, names: &[&str]) -> String {
        match self.by {
            By::Id { listed_by } => format!("`{listed_by}` shows every id"),
            By::Name => format!("{}: {}", self.plural, names.join(", ")),
        }
    }
}

/// The closest of `candidates` to `input`, when it is close enough to be
/// what the user meant: a few edits away, or the start of it.
pub(crate) fn closest<'a>(
    input: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    let input = input.to_lowercase();
    candidates
        .into_iter()
        .map(|c| (strsim::levenshtein(&input, &c.to_lowercase()), c))
        .filter(|&(d, c)| {
            d <= 2.max(c.len() / 3) || (!input.is_empty() && c.to_lowercase().starts_with(&input))
        })
        .min_by_key(|&(d, _)| d)
        .map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_is_found_whole_or_by_a_unique_prefix_in_any_case() {
        let ids = ["7kq3m2xa", "7kx90abc", "p4n2h8rt", "7k"];
        assert_eq!(find(ids, "p4"), Found::One(2));
        assert_eq!(find(ids, " P4N2H8RT "), Found::One(2));
        assert_eq!(find(ids, "7KQ"), Found::One(0));
        assert_eq!(find(ids, "7k"), Found::One(3), "an exact name wins");
        assert_eq!(
            find(ids[..3].iter().copied(), "7k"),
            Found::Many(vec![0, 1])
        );
        assert_eq!(find(ids, "zz"), Found::None);
        assert_eq!(find(ids, ""), Found::None);
        assert_eq!(find(["Work", "play"], "work"), Found::One(0));
    }

    #[test]
    fn an_ambiguous_input_lists_at_most_ten_candidates() {
        let names: Vec<String> = (0..13).map(|i| format!("x-{i:02}")).collect();
        let names: Vec<&str> = names.iter().map(String::as_str).collect();
        let lookup = Lookup {
            what: "prompt",
            plural: "prompts",
            by: By::Id {
                listed_by: "couple prompt --list",
            },
        };
        let err = lookup
            .pick(&names, "x", |i| names[i].to_string())
            .unwrap_err();
        assert_eq!(
            err.message,
            "\"x\" could be any of x-00, x-01, x-02, x-03, x-04, x-05, x-06, x-07, x-08, x-09 and 3 more"
        );
        assert_eq!(err.hint.as_deref(), Some("type more of the id"));
    }

    #[test]
    fn an_unknown_name_gets_the_closest_one_suggested() {
        let kinds = ["talk", "us-time", "care", "appreciation"];
        assert_eq!(closest("tlak", kinds), Some("talk"));
        assert_eq!(closest("ustime", kinds), Some("us-time"));
        assert_eq!(closest("appr", kinds), Some("appreciation"));
        assert_eq!(closest("TLAK", kinds), Some("talk"));
        assert_eq!(closest("zebra-crossing", kinds), None);
        let lookup = Lookup {
            what: "kind",
            plural: "kinds",
            by: By::Name,
        };
        let err = lookup.unknown("tlak", &kinds);
        assert_eq!(err.message, "unknown kind \"tlak\"");
        assert_eq!(
            err.hint.as_deref(),
            Some("did you mean talk? kinds: talk, us-time, care, appreciation")
        );
    }
}
