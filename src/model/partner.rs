//! Partner names: `Alex`, `alex` and ` alex ` are one partner. A name is
//! kept as it was first written; comparing ignores case and the spaces
//! around it, so a spreadsheet's stray space or a capital typed once never
//! splits one person in two.

/// Whether `a` and `b` name the same partner: equal ignoring case (Unicode
/// lowercase) and surrounding whitespace.
pub(crate) fn same_partner(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    let (a, b) = (a.trim(), b.trim());
    if a.is_ascii() && b.is_ascii() {
        return a.eq_ignore_ascii_case(b);
    }
    a.chars()
        .flat_map(char::to_lowercase)
        .eq(b.chars().flat_map(char::to_lowercase))
}

/// Whether `owner` is the goal owner "us" (both of you), however written.
pub(crate) fn is_us(owner: &str) -> bool {
    same_partner(owner, "us")
}

#[cfg(test)]
mod tests {
    use super::{is_us, same_partner};

    #[test]
    fn case_and_surrounding_spaces_do_not_make_another_partner() {
        assert!(same_partner("alex", "alex"));
        assert!(same_partner("Alex", "alex"));
        assert!(same_partner(" ALEX\t", "alex"));
        assert!(same_partner("Émile", "émile"));
        assert!(!same_partner("alex", "alexa"));
        assert!(!same_partner("al ex", "alex"));
        assert!(is_us(" US") && !is_us("usa"));
    }
}
