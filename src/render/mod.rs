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

fn escape(text: &str, keep_newlines: bool) -> Cow<'_, str> {
    if !text.chars().any(|c| is_unsafe(c, keep_newlines)) {
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

/// The responsible parties as one string: `A, B (agreed with C)`.
#[must_use]
pub fn responsible(plan: &Plan, activity: &Activity, lang: Lang) -> String {
    let mut text = plan.names(&activity.responsible).collect::<Vec<_>>().join(", ");
    if !activity.agreed_with.is_empty() {
        let agreed = plan.names(&activity.agreed_with).collect::<Vec<_>>().join(", ");
        text = format!("{text} ({} {agreed})", lang.agreed_with());
    }
    text
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
    fn escapes_terminal_sequences_and_bidi_overrides() {
        assert_eq!(escape_line("a\u{1b}[2Jb"), "a\\u{1b}[2Jb");
        assert_eq!(escape_line("x\u{202E}y"), "x\\u{202e}y");
        assert_eq!(escape_line("line\nnext\t"), "line\\nnext\\t");
        assert_eq!(escape_block("line\nnext\u{7}"), "line\nnext\\u{7}");
        assert!(matches!(escape_line("обычный текст"), Cow::Borrowed(_)));
    }
}
