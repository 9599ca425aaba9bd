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
    if plain(text.as_bytes()) || !text.chars().any(hidden) {
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

/// [`shown`] on one line: a line break is written `\n` too. For what must
/// not start a line of its own (a name, an id, a question): a name with a
/// line break in a shared file could otherwise fake a line of the journal.
pub(crate) fn shown_line(text: &str) -> Cow<'_, str> {
    if !text.contains('\n') {
        return shown(text);
    }
    Cow::Owned(shown(&text.replace('\n', "\\n")).into_owned())
}

/// Whether `bytes` hold no C0 control but line breaks and tabs, no DEL and
/// no 0xC2 (the first byte of every C1 control, U+0080 to U+009F, and of
/// some printable characters): then no character is hidden. Sixteen bytes
/// at a time, without a branch inside (the compiler's vector code).
// `&` and `|`, not `&&` and `||`: no branch, so the loop is vectorised.
#[allow(clippy::needless_bitwise_bool)]
fn plain(bytes: &[u8]) -> bool {
    let odd = |b: u8| (b < 0x20) & (b != b'\n') & (b != b'\t') | (b == 0x7f) | (b == 0xc2);
    let mut chunks = bytes.chunks_exact(16);
    for chunk in &mut chunks {
        if chunk.iter().fold(false, |any, &b| any | odd(b)) {
            return false;
        }
    }
    !chunks.remainder().iter().any(|&b| odd(b))
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
        // 0xC2 starts C1 controls and printable characters alike.
        assert!(matches!(shown("20°C, £5"), std::borrow::Cow::Borrowed(_)));
        assert_eq!(shown("a\u{85}b"), "a\\u{85}b");
        assert_eq!(super::shown_line("sam\nFri 1 Jan\r"), "sam\\nFri 1 Jan\\r");
        assert!(matches!(
            super::shown_line("sam"),
            std::borrow::Cow::Borrowed("sam")
        ));
    }

    #[test]
    fn the_byte_check_agrees_with_the_character_check() {
        for c in (0..0x3000).filter_map(char::from_u32) {
            let hidden = super::hidden(c);
            // In the tail, and in a run of sixteen bytes.
            for pad in [1, 7, 20] {
                let text = format!("{}{c}{}", "a".repeat(pad), "b".repeat(pad));
                assert_eq!(
                    matches!(shown(&text), std::borrow::Cow::Owned(_)),
                    hidden,
                    "{:x}",
                    u32::from(c)
                );
            }
        }
    }
}
