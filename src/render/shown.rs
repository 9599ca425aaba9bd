//! Text from the shared files, made safe to show on a terminal.
//!
//! A note, an answer, a goal title or a partner's name comes from a file
//! the other partner (or anyone who can write to the synced folder) wrote.
//! Shown raw, `ESC ] 0 ; … BEL` would retitle the terminal and `ESC [ 2 J`
//! clear it; a bare carriage return would let a line overwrite another.
//! Every text couple shows a person goes through [`shown`]; data outputs
//! (`--format csv|json`, `export`) keep the text exact and do not.

use std::borrow::Cow;
use std::fmt::Write as _;

/// `text` with every control character written as an escape (`\x1b`,
/// `\r`, `\u{9b}`), but line breaks and tabs kept: they lay text out and
/// drive nothing. Borrowed, without a copy, when there is nothing to escape.
pub(crate) fn shown(text: &str) -> Cow<'_, str> {
    if !text.chars().any(hidden) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '\r' => out.push_str("\\r"),
            c if hidden(c) && u32::from(c) < 0x80 => {
                let _ = write!(out, "\\x{:02x}", u32::from(c));
            }
            c if hidden(c) => {
                let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// A control character (C0, DEL, C1) other than a line break or a tab.
fn hidden(c: char) -> bool {
    c.is_control() && c != '\n' && c != '\t'
}

#[cfg(test)]
mod tests {
    use super::shown;

    #[test]
    fn terminal_sequences_are_escaped_and_layout_is_kept() {
        assert_eq!(shown("\x1b]0;pwned\x07tea"), "\\x1b]0;pwned\\x07tea");
        assert_eq!(shown("a\x1b[2Jb"), "a\\x1b[2Jb");
        assert_eq!(shown("one\rtwo"), "one\\rtwo");
        assert_eq!(shown("\u{9b}31m\u{7f}"), "\\u{9b}31m\\x7f");
        assert_eq!(
            shown("two\nlines\tand a tab, é, 😊"),
            "two\nlines\tand a tab, é, 😊"
        );
        assert!(matches!(
            shown("plain"),
            std::borrow::Cow::Borrowed("plain")
        ));
    }
}
