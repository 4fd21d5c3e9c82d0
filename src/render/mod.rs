//! Output: each format writes to a `&mut impl Write` and never decides what to show.
//!
//! Text from the plan file may hold control characters or terminal escape sequences; every
//! renderer passes it through [`escape_line`] or [`escape_block`] so that a file cannot move the
//! cursor, recolour or clear the terminal of whoever reads it.

pub mod check;
pub mod csv;
pub mod html;
pub mod ics;
pub mod json;
pub mod list;
pub mod markdown;
pub mod parties;
pub mod report;
pub mod show;
pub mod style;
pub mod table;
pub mod timeline;

use std::borrow::Cow;
use std::fmt::Write as _;

use crate::i18n::Lang;
use crate::model::{Activity, Plan, Status};

/// `text` with every control character (newlines too) shown as an escape such as `\u{1b}`.
#[must_use]
pub fn escape_line(text: &str) -> Cow<'_, str> {
    escape(text, false)
}

/// Like [`escape_line`] but keeps newlines, for cells that may span lines.
#[must_use]
pub fn escape_block(text: &str) -> Cow<'_, str> {
    escape(text, true)
}

/// Bidirectional overrides can make text read differently from what it is ("Trojan Source").
pub(crate) fn is_unsafe(c: char, keep_newlines: bool) -> bool {
    (c.is_control() && !(keep_newlines && c == '\n')) || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Whether `text` may hold a character that [`is_unsafe`] refuses, judged on its bytes alone:
/// C0 and DEL are single bytes, the C1 controls are `C2 80..=9F`, the bidirectional overrides
/// `E2 80 AA..=AE` and `E2 81 A6..=A9`. Cyrillic and «» never match, so ordinary text takes
/// this scan and nothing else (`char::is_control` looks up Unicode tables per character).
#[allow(clippy::needless_bitwise_bool)] // `|` on purpose: see below
pub(crate) fn may_be_unsafe(text: &str) -> bool {
    let bytes = text.as_bytes();
    // No early exit, so that the compiler can vectorise it.
    let c0 = bytes.iter().fold(false, |found, &b| found | (b < 0x20));
    c0 || may_hold_del_c1_or_bidi(bytes)
}

/// The multi-byte half of [`may_be_unsafe`]: `memchr3` jumps to the few lead bytes that matter.
pub(crate) fn may_hold_del_c1_or_bidi(bytes: &[u8]) -> bool {
    memchr::memchr3_iter(0x7F, 0xC2, 0xE2, bytes).any(|i| match bytes[i] {
        0xC2 => bytes.get(i + 1).is_some_and(|n| (0x80..=0x9F).contains(n)),
        0xE2 => matches!(bytes.get(i + 1..i + 3), Some([0x80, 0xAA..=0xAE] | [0x81, 0xA6..=0xA9])),
        _ => true,
    })
}

fn escape(text: &str, keep_newlines: bool) -> Cow<'_, str> {
    if !may_be_unsafe(text) || !text.chars().any(|c| is_unsafe(c, keep_newlines)) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            c if !is_unsafe(c, keep_newlines) => out.push(c),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c => {
                let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
            }
        }
    }
    Cow::Owned(out)
}

/// The responsible parties as one string: `A, B (agreed with C)` in English, and in Russian as
/// the document writes it, `A по согласованию с Президиумом`, with each party's `agreed_form`.
#[must_use]
pub fn responsible(plan: &Plan, activity: &Activity, lang: Lang) -> String {
    let text = plan.names(&activity.responsible).collect::<Vec<_>>().join(", ");
    if activity.agreed_with.is_empty() {
        return text;
    }
    let names = plan.names(&activity.agreed_with).collect::<Vec<_>>().join(", ");
    let forms = plan.agreed_forms(&activity.agreed_with).collect::<Vec<_>>().join(", ");
    lang.responsible_agreed(&text, &names, &forms)
}

/// The title with its number, marked when cancelled.
#[must_use]
pub fn numbered_title(activity: &Activity, lang: Lang) -> String {
    let mut text = format!("{} {}", activity.number, activity.title);
    if activity.status == Status::Cancelled {
        text.push(' ');
        text.push_str(lang.cancelled_mark());
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_byte_scan_finds_every_unsafe_character() {
        // Every character below U+3000, and the bidi ranges: the scan may flag more, never less.
        for c in (0..0x3000).filter_map(char::from_u32) {
            if is_unsafe(c, false) {
                assert!(may_be_unsafe(&c.to_string()), "{c:?}");
            }
        }
        assert!(!may_be_unsafe("Заседания «Президиума» – весь период"));
    }

    #[test]
    fn escapes_terminal_sequences_and_bidi_overrides() {
        assert_eq!(escape_line("a\u{1b}[2Jb"), "a\\u{1b}[2Jb");
        assert_eq!(escape_line("x\u{202E}y"), "x\\u{202e}y");
        assert_eq!(escape_line("line\nnext\t"), "line\\nnext\\t");
        assert_eq!(escape_block("line\nnext\u{7}"), "line\nnext\\u{7}");
        assert!(matches!(escape_line("обычный текст"), Cow::Borrowed(_)));
    }
}
