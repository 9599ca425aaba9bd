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

/// The first character that may not be in a partner's name: a control
/// character (a line break, a tab, an escape) or a Unicode line or
/// paragraph separator. A name is printed on lines of its own in the
/// journal and review, so such a name could fake lines there.
pub(crate) fn unfit_in_name(name: &str) -> Option<char> {
    name.chars()
        .find(|&c| c.is_control() || matches!(c, '\u{2028}' | '\u{2029}'))
}

#[cfg(test)]
mod tests {
    use super::{is_us, same_partner, unfit_in_name};

    #[test]
    fn a_name_holds_no_control_character_or_line_separator() {
        assert_eq!(unfit_in_name("Émile O'Neil-Smith"), None);
        assert_eq!(unfit_in_name("a\nb"), Some('\n'));
        assert_eq!(unfit_in_name("a\tb"), Some('\t'));
        assert_eq!(unfit_in_name("a\u{1b}[2J"), Some('\u{1b}'));
        assert_eq!(unfit_in_name("a\u{85}"), Some('\u{85}'));
        assert_eq!(unfit_in_name("a\u{2028}b"), Some('\u{2028}'));
    }

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
