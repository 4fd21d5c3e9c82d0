//! Output: each format writes to a `&mut impl Write` and never decides what to show.
//!
//! Text from the plan file may hold control characters or terminal escape sequences; every
//! renderer passes it through [`escape_line`] or [`escape_block`] so that a file cannot move the
//! cursor, recolour or clear the terminal of whoever reads it.

pub mod check;
pub mod csv;
pub mod docx;
pub mod error;
pub mod fulfilment;
pub mod html;
pub mod ics;
pub mod json;
pub mod layout;
pub mod list;
pub mod markdown;
pub mod parties;
pub mod record;
pub mod rollup;
pub mod rollup_docx;
pub mod show;
pub mod style;
pub mod table;
pub mod timeline;
pub mod words;

use std::borrow::Cow;
use std::fmt::Write as _;

use crate::i18n::Lang;
use crate::model::{Activity, Plan, Status};

/// The name `plan` signs the documents it writes with: the HTML `<meta name="generator">`, the
/// .docx's application (`docProps/app.xml`) and the calendar's PRODID. `-o` replaces a document
/// signed so without `--force` (see `write::sniff`).
pub const GENERATOR: &str = "plan";

/// How many characters of a title or a note a message quotes.
const CLIPPED: usize = 80;

/// `text` escaped as [`escape_line`] does and cut to [`CLIPPED`] characters with `…`: a title
/// or a note quoted in a message, where a megabyte-long one must still make one readable line.
#[must_use]
pub fn clip(text: &str) -> String {
    let cut = match text.char_indices().nth(CLIPPED) {
        Some((end, _)) => &text[..end],
        None => text,
    };
    let mut clipped = escape_line(cut).into_owned();
    if cut.len() < text.len() {
        clipped.push('…');
    }
    clipped
}

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

/// Bidirectional overrides, isolates and marks can make text read differently from what it is
/// ("Trojan Source"); the line and paragraph separators break a line where no newline is seen.
pub(crate) fn is_unsafe(c: char, keep_newlines: bool) -> bool {
    (c.is_control() && !(keep_newlines && c == '\n'))
        || matches!(
            c,
            '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{2028}'..='\u{202E}' | '\u{2066}'..='\u{2069}'
        )
}

/// Whether `text` holds a character that [`is_unsafe`] refuses, judged on its bytes alone: C0
/// and DEL are single bytes, the C1 controls are `C2 80..=9F`, the marks and separators
/// `E2 80 8E..=8F` and `E2 80 A8..=AE`, the isolates `E2 81 A6..=A9`, and the Arabic letter mark
/// `D8 9C`. Cyrillic, «», № and – never match, so ordinary text takes this scan and nothing else
/// (`char::is_control` looks up Unicode tables per character).
#[allow(clippy::needless_bitwise_bool)] // `|` on purpose: no early exit, so that it vectorises
pub(crate) fn may_be_unsafe(text: &str) -> bool {
    let bytes = text.as_bytes();
    // No early exit, so that the compiler can vectorise it.
    let c0 = bytes.iter().fold(false, |found, &b| found | (b < 0x20));
    c0 || may_hold_del_c1_or_bidi(bytes)
}

/// The part of [`may_be_unsafe`] beyond C0, exact for UTF-8: `memchr` finds DEL and the lead
/// bytes of the rest (`C2`, `D8`, `E2`), and only there are the bytes that follow looked at.
/// Ordinary text has few of them (`«`, `»`, `–`, `№`), so this costs little more than the
/// vectorised searches themselves (a branch-free look at every byte with the two after it, used
/// before, cost about 1.6 times as much on a large plan's titles).
pub(crate) fn may_hold_del_c1_or_bidi(bytes: &[u8]) -> bool {
    memchr::memchr(0x7F, bytes).is_some()
        || memchr::memchr3_iter(0xC2, 0xD8, 0xE2, bytes).any(|at| {
            matches!(
                bytes[at..],
                [0xC2, 0x80..=0x9F, ..]
                    | [0xD8, 0x9C, ..]
                    | [0xE2, 0x80, 0x8E | 0x8F | 0xA8..=0xAE, ..]
                    | [0xE2, 0x81, 0xA6..=0xA9, ..]
            )
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

/// Text made elsewhere (clap's usage errors, which quote the user's arguments) made safe for a
/// terminal: line breaks and colour (SGR: `ESC [ digits ; ... m`) stay, every other unsafe
/// character is shown as an escape. One function, so that every message rendered outside our
/// own catalogue goes through the same gate.
#[must_use]
pub fn escape_terminal(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some((at, c)) = rest.char_indices().find(|&(_, c)| is_unsafe(c, true)) {
        out.push_str(&rest[..at]);
        rest = &rest[at + c.len_utf8()..];
        if c == '\u{1b}'
            && let Some(sgr) = sgr_length(rest)
        {
            out.push(c);
            out.push_str(&rest[..sgr]);
            rest = &rest[sgr..];
        } else {
            out.push_str(&escape_line(&c.to_string()));
        }
    }
    out.push_str(rest);
    out
}

/// The length of a colour sequence's tail (`[1;31m`) at the start of `text`, if it is one.
fn sgr_length(text: &str) -> Option<usize> {
    let body = text.strip_prefix('[')?;
    let digits = body.bytes().take_while(|b| b.is_ascii_digit() || *b == b';').count();
    (body.as_bytes().get(digits) == Some(&b'm')).then_some(digits + 2)
}

/// `text` (its lines kept) wrapped to `width` columns when there is one, the lines after the first
/// indented by `indent` columns to stand under the first, which starts at column `indent`: a
/// value beside its label in `show` and `report` on a terminal. Without a width, as it was.
#[must_use]
pub fn hang(text: &str, indent: usize, width: Option<usize>) -> String {
    let room = width.map(|width| width.saturating_sub(indent).max(20));
    let lines: Vec<String> = text
        .split('\n')
        .flat_map(|line| match room {
            Some(room) => list::wrap(line, room),
            None => vec![line.to_owned()],
        })
        .collect();
    lines.join(&format!("\n{}", " ".repeat(indent)))
}

/// The responsible parties as one string: `A, B (agreed with C)` in English, and in Russian as
/// the document writes it, `A по согласованию с Президиумом`, with each party's `agreed_form`.
#[must_use]
pub fn responsible(plan: &Plan, activity: &Activity, lang: Lang) -> String {
    let text = responsible_names(plan, activity, lang);
    if activity.agreed_with.is_empty() {
        return text;
    }
    let names = plan.names(&activity.agreed_with).collect::<Vec<_>>().join(", ");
    let forms = plan.agreed_forms(&activity.agreed_with).collect::<Vec<_>>().join(", ");
    // Russian names the parties that must agree in the form the plan gives after «по
    // согласованию с» (`agreed_form`: «Президиумом»); English by their names, in brackets.
    let agreed = if lang == Lang::Ru { forms } else { names };
    lang.say(&crate::i18n::msg!("responsible-agreed", responsible = text, agreed = agreed))
}

/// The responsible parties' names, each of `by_agreement` marked as the document marks it:
/// «Совет ветеранов (по согласованию)».
#[must_use]
pub fn responsible_names(plan: &Plan, activity: &Activity, lang: Lang) -> String {
    responsible_list(plan, activity, lang).join(", ")
}

/// The responsible parties' names one by one, each of `by_agreement` marked as the document
/// marks it; CSV joins them with `; `, the printed forms with `, `.
#[must_use]
pub fn responsible_list(plan: &Plan, activity: &Activity, lang: Lang) -> Vec<String> {
    activity
        .responsible
        .iter()
        .map(|&p| {
            let name = plan.parties[p].name.as_str();
            if activity.by_agreement.contains(&p) {
                // The body takes part if it agrees, as the document wrote it.
                lang.say(&crate::i18n::msg!("responsible-by-agreement", name = name))
            } else {
                name.to_owned()
            }
        })
        .collect()
}

/// The four column headings of the printed plan (`export html|docx`, `table`, markdown).
#[must_use]
pub fn document_headers(lang: Lang) -> [String; 4] {
    [
        lang.word("document-number"),
        lang.word("document-activities"),
        lang.word("document-time"),
        lang.word("document-responsible"),
    ]
}

/// The three column headings of the document's table.
#[must_use]
pub fn table_headers(lang: Lang) -> [String; 3] {
    [lang.word("table-activity"), lang.word("table-time"), lang.word("table-responsible")]
}

/// The title with its number, marked when cancelled.
#[must_use]
pub fn numbered_title(activity: &Activity, lang: Lang) -> String {
    let mut text = format!("{} {}", activity.number, activity.title);
    if activity.status == Status::Cancelled {
        text.push(' ');
        text.push_str(&lang.word("cancelled-mark"));
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
    fn the_byte_scan_is_exact_at_every_place_in_a_text() {
        for c in (0..0x3000).filter_map(char::from_u32) {
            for (before, after) in [("", ""), ("ж", ""), ("", "ж"), ("ab", "–cd"), ("№", "«»")] {
                let text = format!("{before}{c}{after}");
                assert_eq!(may_be_unsafe(&text), text.chars().any(|c| is_unsafe(c, false)), "{text:?}");
            }
        }
    }

    #[test]
    fn escapes_terminal_sequences_and_bidi_overrides() {
        assert_eq!(escape_line("a\u{1b}[2Jb"), "a\\u{1b}[2Jb");
        assert_eq!(escape_line("x\u{202E}y"), "x\\u{202e}y");
        assert_eq!(
            escape_line("a\u{200F}b\u{61C}c\u{2028}d\u{2029}e\u{200E}"),
            "a\\u{200f}b\\u{61c}c\\u{2028}d\\u{2029}e\\u{200e}"
        );
        assert_eq!(escape_line("line\nnext\t"), "line\\nnext\\t");
        assert_eq!(escape_block("line\nnext\u{7}"), "line\nnext\\u{7}");
        assert!(matches!(escape_line("обычный текст"), Cow::Borrowed(_)));
    }

    #[test]
    fn terminal_text_keeps_lines_and_colour_but_nothing_else() {
        let clap = "\u{1b}[1;31merror:\u{1b}[0m invalid value 'x\ry\u{202e}z\u{1b}[2J' for '--as-of'\n";
        assert_eq!(
            escape_terminal(clap),
            "\u{1b}[1;31merror:\u{1b}[0m invalid value 'x\\ry\\u{202e}z\\u{1b}[2J' for '--as-of'\n"
        );
    }
}
