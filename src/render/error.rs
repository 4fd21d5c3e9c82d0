//! Errors on stderr: `error: message` and `= help: ...`; for a plan file with problems, each at
//! `FILE:LINE:COL` with the source line and a caret under the mistake.

use std::fmt::Write as _;

use crate::error::{Diagnostic, Error, Invalid};
use crate::i18n::Lang;
use crate::render::escape_line;
use crate::render::style::{Paint, Role};

/// How many of a file's problems are shown; the rest are counted.
const DIAGNOSTICS_SHOWN: usize = 50;

/// How many characters of a source line an error shows; a longer line is cut around the mistake.
const SOURCE_SHOWN: usize = 120;

/// The whole message for an error, starting with `error:`, ready for stderr.
#[must_use]
pub fn text(error: &Error, lang: Lang, color: bool) -> String {
    let paint = Paint::new(color);
    if let Error::Invalid(invalid) = error {
        return invalid_text(invalid, lang, paint);
    }
    let head = paint.paint(Role::Error, &lang.word("error"));
    // Paths, command-line text and titles quoted in messages may hold control characters.
    let message = clip_quoted(&escape_line(&lang.say(&error.message())));
    let mut out = format!("{head}: {message}\n");
    if let Some(help) = error.help() {
        let help = clip_quoted(&crate::render::escape_block(&lang.say(&help)));
        let _ = writeln!(out, "  = {}: {help}", paint.paint(Role::Help, &lang.word("help")));
    }
    out
}

fn invalid_text(invalid: &Invalid, lang: Lang, paint: Paint) -> String {
    let mut out = String::new();
    // The same advice under every conflict marker or every bad time would bury the messages.
    let mut helped = std::collections::HashSet::new();
    // A file with thousands of mistakes (a list pasted in the wrong place, a file that is not a
    // plan) is told by its first ones and a count, not by pages of messages.
    for diagnostic in invalid.diagnostics.iter().take(DIAGNOSTICS_SHOWN) {
        let help = diagnostic.problem.help().map(|help| lang.say(&help)).filter(|help| helped.insert(help.clone()));
        diagnostic_text(&mut out, invalid, diagnostic, help.as_deref(), lang, paint);
    }
    let count = invalid.diagnostics.len();
    if count > 1 {
        let head = paint.paint(Role::Error, &lang.word("error"));
        let path = escape_line(&invalid.path);
        let shown = DIAGNOSTICS_SHOWN.min(count);
        let message = if count > shown {
            crate::msg!("invalid-count-shown", path = path, count = count, shown = shown)
        } else {
            crate::msg!("invalid-count", path = path, count = count)
        };
        let _ = writeln!(out, "{head}: {}", lang.say(&message));
    }
    out
}

/// One diagnostic: `error: FILE:LINE:COL: message`, the source line, a caret, and help.
fn diagnostic_text(
    out: &mut String,
    invalid: &Invalid,
    diagnostic: &Diagnostic,
    help: Option<&str>,
    lang: Lang,
    paint: Paint,
) {
    let pos = invalid.pos(diagnostic);
    let head = paint.paint(Role::Error, &lang.word("error"));
    // Keys, ids and values quoted from the file may hold control characters.
    let message = lang.say(&diagnostic.problem.message());
    let message = clip_quoted(&escape_line(&message));
    let path = escape_line(&invalid.path);
    let _ = writeln!(out, "{head}: {path}:{}:{}: {message}", pos.line, pos.column);
    let line = invalid.index.line_text(&invalid.text, pos.line);
    let number = pos.line.to_string();
    let gutter = " ".repeat(number.len());
    let bar = paint.paint(Role::Gutter, "|");
    // A long line (a binary file may have one of megabytes) is shown only around the mistake,
    // marked `…` where it is cut; widths are measured after escaping.
    let width = |text: &str| unicode_width::UnicodeWidthStr::width(escape_line(text).as_ref());
    let char_width = |c: char| width(c.encode_utf8(&mut [0; 4]));
    let at = line.char_indices().nth(pos.column as usize - 1).map_or(line.len(), |(i, _)| i);
    let (mut start, mut end, mut used) = (at, at, 0);
    for (budget, backwards) in [(SOURCE_SHOWN / 3, true), (SOURCE_SHOWN, false), (SOURCE_SHOWN, true)] {
        let chars: Box<dyn Iterator<Item = char>> =
            if backwards { Box::new(line[..start].chars().rev()) } else { Box::new(line[end..].chars()) };
        for c in chars {
            let w = char_width(c);
            if used + w > budget {
                break;
            }
            used += w;
            if backwards { start -= c.len_utf8() } else { end += c.len_utf8() }
        }
    }
    let (before, after) = (if start > 0 { "…" } else { "" }, if end < line.len() { "…" } else { "" });
    let _ = writeln!(out, "{gutter} {bar}");
    let _ =
        writeln!(out, "{} {bar} {before}{}{after}", paint.paint(Role::Gutter, &number), escape_line(&line[start..end]));
    // The caret sits under the escaped text, so measure the escaped prefix.
    let indent = usize::from(start > 0) + width(&line[start..at]);
    let shown = line[at..end].chars().count();
    let carets = crate::span::caret_width(&invalid.text, &diagnostic.span).min(shown).max(1);
    let _ = writeln!(out, "{gutter} {bar} {}{}", " ".repeat(indent), paint.paint(Role::Error, &"^".repeat(carets)));
    if let Some(help) = help.map(|help| clip_quoted(&escape_line(help))) {
        let _ = writeln!(out, "{gutter} = {}: {help}", paint.paint(Role::Help, &lang.word("help")));
    }
}

/// `text` with each part in backticks (text quoted from the file: a key, an id, a time) cut to
/// 60 characters, so that a megabyte-long key makes a message of one readable line.
fn clip_quoted(text: &str) -> String {
    const MAX: usize = 60;
    let mut out = String::with_capacity(text.len().min(1024));
    for (i, part) in text.split('`').enumerate() {
        if i > 0 {
            out.push('`');
        }
        match part.char_indices().nth(MAX) {
            Some((cut, _)) if i % 2 == 1 => {
                out.push_str(&part[..cut]);
                out.push('…');
            }
            _ => out.push_str(part),
        }
    }
    out
}
