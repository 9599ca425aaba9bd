//! Ids that two machines can mint without talking to each other.
//!
//! An id is random, in a lowercase base-32 alphabet without the letters that
//! read as digits (i, l, o, u), so it is short to type and hard to misread.
//! Log entries get 10 characters (50 bits: a couple logging 20 entries a day
//! for 50 years has about one chance in three million of a clash); goals, of
//! which there are dozens, get 8. Commands accept any unique prefix.

pub(crate) const ENTRY_ID_LEN: usize = 10;
pub(crate) const GOAL_ID_LEN: usize = 8;

const ALPHABET: &[u8; 32] = b"0123456789abcdefghjkmnpqrstvwxyz";

/// A new random id of `len` characters (at most 12).
pub(crate) fn fresh_id(len: usize) -> String {
    let mut bytes = [0u8; 12];
    let bytes = &mut bytes[..len];
    // The OS random source does not fail on any platform couple supports; if
    // it ever did, the time is a poorer but still unique-enough source.
    if getrandom::fill(bytes).is_err() {
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos());
        for (i, b) in bytes.iter_mut().enumerate() {
            *b = (nanos >> (i * 5)) as u8 ^ (std::process::id() >> (i % 4 * 8)) as u8;
        }
    }
    bytes
        .iter()
        .map(|b| ALPHABET[usize::from(b % 32)] as char)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_have_the_length_and_alphabet_asked_for() {
        let id = fresh_id(ENTRY_ID_LEN);
        assert_eq!(id.len(), ENTRY_ID_LEN);
        assert!(id.bytes().all(|b| ALPHABET.contains(&b)), "{id}");
        assert_ne!(fresh_id(GOAL_ID_LEN), fresh_id(GOAL_ID_LEN));
    }
}
