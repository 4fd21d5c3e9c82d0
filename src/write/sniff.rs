//! What an existing file at an `-o` path is, judged from its first bytes: a plan (even a broken
//! one, even UTF-16), or a document `plan` wrote itself and marked so, or anything else.

use std::fs::File;
use std::io::{self, Read};
use std::path::Path;

/// How much of a file is read to judge it: a plan's header and a document's mark are near its top.
const SNIFF_BYTES: u64 = 256 * 1024;

use crate::render::GENERATOR;

/// What stands at an output path.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// A plan, or what looks like one: never replaced by a document.
    Plan,
    /// A document that `plan` wrote itself: replaced without asking.
    Ours,
    /// Anything else: replaced only with `--force`.
    Other,
}

/// Judges the regular file at `path`.
pub(crate) fn kind(path: &Path) -> io::Result<Kind> {
    if has_toml_extension(path) {
        return Ok(Kind::Plan);
    }
    let mut head = Vec::new();
    File::open(path)?.take(SNIFF_BYTES).read_to_end(&mut head)?;
    let text = decode(&head);
    if looks_like_plan(&text) {
        return Ok(Kind::Plan);
    }
    let ours = is_our_calendar(&text) || is_our_page(&text) || (head.starts_with(b"PK") && is_our_docx(path));
    Ok(if ours { Kind::Ours } else { Kind::Other })
}

/// `*.toml`, in any case: the plan format's extension is never an output.
#[must_use]
pub(crate) fn has_toml_extension(path: &Path) -> bool {
    path.extension().is_some_and(|ext| ext.eq_ignore_ascii_case("toml"))
}

/// The bytes as text: UTF-16 (with a BOM, or with the NULs of ASCII text in it) decoded, anything
/// else read as UTF-8 with the bad bytes replaced.
fn decode(bytes: &[u8]) -> String {
    let utf16 = |little: bool, body: &[u8]| {
        let units = body.chunks_exact(2).map(|pair| {
            if little { u16::from_le_bytes([pair[0], pair[1]]) } else { u16::from_be_bytes([pair[0], pair[1]]) }
        });
        char::decode_utf16(units).map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER)).collect::<String>()
    };
    match bytes {
        [0xFF, 0xFE, body @ ..] => utf16(true, body),
        [0xFE, 0xFF, body @ ..] => utf16(false, body),
        [_, 0, ..] => utf16(true, bytes),
        [0, _, ..] => utf16(false, bytes),
        _ => String::from_utf8_lossy(bytes).into_owned(),
    }
}

/// Whether the text has the shape of a plan, however broken: a `plan` table written in any
/// TOML form (`[plan]`, `[ plan ]`, `["plan"]`, `[plan.approval]`, `plan.title = …`,
/// `plan = { …`, closed or not), or the `[[section]]` tables of a plan.
#[must_use]
pub(crate) fn looks_like_plan(text: &str) -> bool {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    text.lines().any(|line| {
        let line = line.trim();
        if let Some(header) = line.strip_prefix('[') {
            let header = header.trim_start_matches('[').trim_start();
            starts_with_key(header, "plan") || starts_with_key(header, "section")
        } else {
            starts_with_key(line, "plan")
        }
    })
}

/// Whether `text` starts with the key `key` (bare or quoted), followed by the end of a header,
/// a dot of a dotted key, or `=`.
fn starts_with_key(text: &str, key: &str) -> bool {
    let rest = ["\"", "'", ""].iter().find_map(|quote| {
        let rest = text.strip_prefix(quote)?.strip_prefix(key)?;
        rest.strip_prefix(quote)
    });
    rest.is_some_and(|rest| matches!(rest.trim_start().chars().next(), Some(']' | '.' | '=')))
}

fn is_our_calendar(text: &str) -> bool {
    let prodid = format!("PRODID:-//{GENERATOR}//{GENERATOR} ");
    text.trim_start_matches('\u{feff}').starts_with("BEGIN:VCALENDAR")
        && text.lines().any(|line| line.starts_with(&prodid))
}

fn is_our_page(text: &str) -> bool {
    let head = text.find("</head>").map_or(text, |end| &text[..end]);
    head.contains(&format!("<meta name=\"generator\" content=\"{GENERATOR} "))
}

/// A .docx whose `docProps/app.xml` names `plan` as the application that wrote it. Word puts
/// its own name there when it saves the document, which makes it the user's.
fn is_our_docx(path: &Path) -> bool {
    let Ok(file) = File::open(path) else { return false };
    let Ok(mut archive) = zip::ZipArchive::new(file) else { return false };
    let Ok(app) = archive.by_name("docProps/app.xml") else { return false };
    let mut xml = String::new();
    if app.take(SNIFF_BYTES).read_to_string(&mut xml).is_err() {
        return false;
    }
    xml.contains(&format!("<Application>{GENERATOR}</Application>"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn broken_plans_in_every_form_still_look_like_plans() {
        let plans = [
            "[plan]\ntitle = \n",
            "[ plan ]\ntitle = \"x\"",
            "[\"plan\"]\n",
            "['plan']\n",
            "  [plan.approval]\n",
            "plan.title = \"x\"\n",
            "\"plan\" . title = 1\n",
            "plan = { title = \"x\", year = 2019\n",
            "# comment\n[[section]]\ntitle = \"s\"\n",
            "[[ section . activity ]]\n",
            "\u{feff}[plan]\n",
        ];
        for text in plans {
            assert!(looks_like_plan(text), "{text:?}");
        }
        let others = [
            "BEGIN:VCALENDAR\nPRODID:-//x//y\n",
            "<html><head><title>plan</title></head>",
            "planning = 1\n",
            "[planner]\n",
            "title = \"plan\"\n",
            "# [plan]\n",
        ];
        for text in others {
            assert!(!looks_like_plan(text), "{text:?}");
        }
    }

    #[test]
    fn utf16_is_decoded_with_or_without_a_bom() {
        let little: Vec<u8> = "[plan]\n".encode_utf16().flat_map(u16::to_le_bytes).collect();
        let big: Vec<u8> = "[plan]\n".encode_utf16().flat_map(u16::to_be_bytes).collect();
        assert_eq!(decode(&[&[0xFF, 0xFE][..], &little].concat()), "[plan]\n");
        assert_eq!(decode(&[&[0xFE, 0xFF][..], &big].concat()), "[plan]\n");
        assert_eq!(decode(&little), "[plan]\n");
        assert_eq!(decode(&big), "[plan]\n");
    }

    #[test]
    fn only_our_own_marks_make_a_document_ours() {
        assert!(is_our_calendar("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//plan//plan 0.1.0//RU\r\n"));
        assert!(!is_our_calendar("BEGIN:VCALENDAR\r\nPRODID:-//Google Inc//Google Calendar 70.9054//EN\r\n"));
        assert!(!is_our_calendar("X\r\nPRODID:-//plan//plan 0.1.0//RU\r\n"));
        assert!(is_our_page("<html><head><meta name=\"generator\" content=\"plan 0.1.0\"></head>"));
        assert!(!is_our_page("<html><head><meta name=\"generator\" content=\"LibreOffice\"></head>"));
        // A mark in the body, as text a user pasted, is not the page's own.
        assert!(!is_our_page("<html><head></head><body><meta name=\"generator\" content=\"plan\"></body>"));
    }

    #[test]
    fn the_toml_extension_is_a_plan_in_any_case() {
        assert!(has_toml_extension(Path::new("a/b.toml")));
        assert!(has_toml_extension(Path::new("B.TOML")));
        assert!(!has_toml_extension(Path::new("b.toml.html")));
    }
}
