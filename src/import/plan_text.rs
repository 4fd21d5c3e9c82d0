//! The imported plan as TOML, in the layout of `plans/2019.toml`, with each guess written as a
//! `# проверьте: …` comment just above what it concerns.

use std::fmt::Write;

use super::rows::{Activity, Section};
use super::{Draft, Guess};
use crate::i18n::Lang;

/// The plan file's text.
#[must_use]
pub fn toml(draft: &Draft, source: &str) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# {}", one_line(&format!("Импортировано командой `plan import` из «{source}».")));
    out.push_str("# Проверьте каждый комментарий «# проверьте:» и удалите его, когда всё верно.\n\n");
    comments(&mut out, &draft.guesses);
    out.push_str("[plan]\n");
    let _ = writeln!(out, "title = {}", quote(&draft.title));
    if let Some(organization) = &draft.organization {
        let _ = writeln!(out, "organization = {}", quote(organization));
    }
    let _ = writeln!(out, "year = {}", draft.year);
    if let Some((start, end)) = draft.period {
        let _ = writeln!(out, "start = {start}");
        let _ = writeln!(out, "end = {end}");
    }
    if let Some(approval) = &draft.approval {
        out.push_str("\n[plan.approval]\n");
        let _ = writeln!(out, "by = {}", quote(&approval.by));
        if let Some(date) = approval.date {
            let _ = writeln!(out, "date = {date}");
        }
        match &approval.number {
            Some(number) => {
                let _ = writeln!(out, "number = {}", quote(number));
            }
            None => out.push_str("# проверьте: в документе у утверждения нет номера\n"),
        }
    }
    if let Some(signature) = &draft.signature {
        out.push_str("\n[plan.signature]\n");
        let _ = writeln!(out, "position = {}", quote(&signature.position));
        let _ = writeln!(out, "name = {}", quote(&signature.name));
    }
    for party in &draft.parties {
        out.push('\n');
        comments(&mut out, &party.guesses);
        let _ = writeln!(out, "[parties.{}]", party.id);
        let _ = writeln!(out, "name = {}", quote(&party.name));
        if let Some(form) = &party.agreed_form {
            let _ = writeln!(out, "agreed_form = {}", quote(form));
        }
        if !party.aliases.is_empty() {
            let _ = writeln!(out, "aliases = {}", list(&party.aliases));
        }
    }
    for section in &draft.sections {
        write_section(&mut out, section);
    }
    out
}

fn write_section(out: &mut String, section: &Section) {
    out.push('\n');
    comments(out, &section.guesses);
    out.push_str("[[section]]\n");
    let _ = writeln!(out, "title = {}", quote(&section.title));
    if let Some(when) = &section.when {
        let _ = writeln!(out, "when = {}", quote(when));
    }
    if !section.responsible.is_empty() {
        let _ = writeln!(out, "responsible = {}", list(&section.responsible));
    }
    if !section.agreed_with.is_empty() {
        let _ = writeln!(out, "agreed_with = {}", list(&section.agreed_with));
    }
    if !section.by_agreement.is_empty() {
        let _ = writeln!(out, "by_agreement = {}", list(&section.by_agreement));
    }
    for activity in &section.activities {
        write_activity(out, activity);
    }
}

fn write_activity(out: &mut String, activity: &Activity) {
    out.push('\n');
    comments(out, &activity.guesses);
    out.push_str("[[section.activity]]\n");
    let _ = writeln!(out, "title = {}", quote(&activity.title));
    if let Some(when) = &activity.when {
        let _ = writeln!(out, "when = {}", quote(when));
    }
    if let Some(period) = &activity.period {
        let _ = writeln!(out, "period = {}", quote(period));
    }
    if !activity.responsible.is_empty() {
        let _ = writeln!(out, "responsible = {}", list(&activity.responsible));
    }
    if !activity.agreed_with.is_empty() {
        let _ = writeln!(out, "agreed_with = {}", list(&activity.agreed_with));
    }
    if !activity.by_agreement.is_empty() {
        let _ = writeln!(out, "by_agreement = {}", list(&activity.by_agreement));
    }
    if let Some(partner) = &activity.partner {
        let _ = writeln!(out, "partner = {}", quote(partner));
    }
    if let Some(place) = &activity.place {
        let _ = writeln!(out, "place = {}", quote(place));
    }
    if let Some(note) = &activity.note {
        let _ = writeln!(out, "note = {}", quote(note));
    }
    if let Some(result) = &activity.result {
        let _ = writeln!(out, "result = {}", quote(result));
    }
    if activity.cancelled {
        out.push_str("status = \"cancelled\"\n");
    }
}

fn comments(out: &mut String, guesses: &[Guess]) {
    for guess in guesses {
        let _ = writeln!(out, "# проверьте: {}", one_line(&Lang::Ru.say(&guess.message())));
    }
}

/// A TOML basic string: quotes, backslashes, control and bidi characters escaped.
fn quote(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for ch in text.chars() {
        match ch {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            // Control characters must be escaped in TOML; bidi overrides may be, and are, so that
            // the plan printed to a terminal cannot reorder what is shown.
            c if c.is_control() || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}') => {
                let _ = write!(out, "\\u{:04X}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn list(items: &[String]) -> String {
    let quoted: Vec<String> = items.iter().map(|i| quote(i)).collect();
    format!("[{}]", quoted.join(", "))
}

/// A comment stays one line, and shows control and bidi characters from the document as escapes
/// (`\u{1b}`), never raw.
fn one_line(text: &str) -> String {
    crate::render::escape_line(text).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_are_escaped_for_toml() {
        assert_eq!(quote("a \"b\" \\ c\u{7}"), "\"a \\\"b\\\" \\\\ c\\u0007\"");
        assert_eq!(one_line("a\nb\u{202e}"), "a\\nb\\u{202e}");
    }
}
