//! The plain data couple works with, and what makes a value valid. No I/O.

mod entry;
mod goal;
mod id;
mod kind;
mod prompt;

pub(crate) use entry::{Entry, EntryRef, MAX_MINUTES, MOOD_RANGE};
pub(crate) use goal::{Goal, Horizon, IdMatch, Standing, Status, find_id, list_order};
pub(crate) use id::{ENTRY_ID_LEN, GOAL_ID_LEN, fresh_id};
pub(crate) use kind::Kind;
pub(crate) use prompt::{Depth, Prompt};

/// The closest of `candidates` to `input` by edit distance, when it is close
/// enough to be what the user meant ("did you mean …?").
pub(crate) fn closest<'a>(
    input: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    let input = input.to_lowercase();
    candidates
        .into_iter()
        .map(|c| (edit_distance(&input, c), c))
        .filter(|&(d, c)| d <= 2.max(c.len() / 3) || c.starts_with(&input) && !input.is_empty())
        .min_by_key(|&(d, _)| d)
        .map(|(_, c)| c)
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let substitution = diagonal + usize::from(ca != cb);
            diagonal = row[j + 1];
            row[j + 1] = substitution.min(row[j] + 1).min(diagonal + 1);
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn closest_finds_typos_and_prefixes() {
        let kinds = ["talk", "us-time", "care", "appreciation"];
        assert_eq!(closest("tlak", kinds), Some("talk"));
        assert_eq!(closest("ustime", kinds), Some("us-time"));
        assert_eq!(closest("appr", kinds), Some("appreciation"));
        assert_eq!(closest("zebra-crossing", kinds), None);
    }

    #[test]
    fn edit_distance_counts_single_edits() {
        assert_eq!(edit_distance("", "abc"), 3);
        assert_eq!(edit_distance("kitten", "sitting"), 3);
        assert_eq!(edit_distance("same", "same"), 0);
    }
}
