//! The imported plan as TOML, in the layout of `plans/2019.toml`, with each guess written as a
//! `# проверьте: …` comment just above what it concerns.

use std::fmt::Write;

use super::rows::{Activity, Section};
use super::{Column, Draft, Guess, GuessKind, PLACEHOLDER_WHEN};
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
    for party in &draft.parties {
        out.push('\n');
        comments(&mut out, &party.guesses);
        let _ = writeln!(out, "[parties.{}]", party.id);
        let _ = writeln!(out, "name = {}", quote(&party.name));
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
        if let Some(written) = &activity.when_written {
            let _ = writeln!(out, "# {}", one_line(&format!("в документе: when = {}", quote(written))));
        }
        let _ = writeln!(out, "when = {}", quote(when));
    }
    if !activity.responsible.is_empty() {
        let _ = writeln!(out, "responsible = {}", list(&activity.responsible));
    }
    if !activity.agreed_with.is_empty() {
        let _ = writeln!(out, "agreed_with = {}", list(&activity.agreed_with));
    }
    if let Some(partner) = &activity.partner {
        let _ = writeln!(out, "partner = {}", quote(partner));
    }
}

fn comments(out: &mut String, guesses: &[Guess]) {
    for guess in guesses {
        let _ = writeln!(out, "# проверьте: {}", one_line(&describe(guess, Lang::Ru)));
    }
}

/// Where a guess is and what it is, in `lang`: `строка 7, «Время проведения»: …`.
#[must_use]
pub fn describe(guess: &Guess, lang: Lang) -> String {
    let mut place = Vec::new();
    if let Some(row) = guess.row {
        place.push(match lang {
            Lang::En => format!("row {row}"),
            Lang::Ru => format!("строка {row}"),
        });
    }
    if let Some((column, role)) = guess.column {
        let [activity, time, responsible] = Lang::Ru.table_headers();
        let heading = match role {
            Column::Activity => activity,
            Column::Time => time,
            Column::Responsible => responsible,
        };
        place.push(match lang {
            Lang::En => format!("column {column} «{heading}»"),
            Lang::Ru => format!("столбец {column} «{heading}»"),
        });
    }
    let what = what(&guess.kind, lang);
    if place.is_empty() { what } else { format!("{}: {what}", place.join(", ")) }
}

fn what(kind: &GuessKind, lang: Lang) -> String {
    let en = lang == Lang::En;
    match kind {
        GuessKind::NoYear { year } => {
            if en {
                format!("no year in the title above the table; {year} taken from the as-of date")
            } else {
                format!("в заголовке над таблицей нет года; взят {year} (по дате --as-of)")
            }
        }
        GuessKind::BadWhen { text, reason } => {
            if en {
                format!("the time «{text}» does not read ({reason}); «{PLACEHOLDER_WHEN}» written in its place")
            } else {
                format!("время «{text}» не читается ({reason}); вместо него записано «{PLACEHOLDER_WHEN}»")
            }
        }
        GuessKind::NoTime { items } => {
            if en {
                format!("no time for {items} item(s); «{PLACEHOLDER_WHEN}» written")
            } else {
                format!("у пунктов ({items}) нет времени проведения; записано «{PLACEHOLDER_WHEN}»")
            }
        }
        GuessKind::Mismatch { items, times, extra } => {
            let extra = if extra.is_empty() { String::new() } else { format!(" ({})", extra.join("; ")) };
            if en {
                format!(
                    "{items} item(s) but {times} time(s){extra}: paired in order, unpaired items get «{PLACEHOLDER_WHEN}»"
                )
            } else {
                format!(
                    "пунктов {items}, а времён {times}{extra}: сопоставлены по порядку, пунктам без времени записано «{PLACEHOLDER_WHEN}»"
                )
            }
        }
        GuessKind::NoResponsible => {
            if en {
                format!("no responsible party; «{}» written", super::PLACEHOLDER_PARTY)
            } else {
                format!("ответственные не указаны; записано «{}»", super::PLACEHOLDER_PARTY)
            }
        }
        GuessKind::Joined { text } => {
            if en {
                format!("«{text}» continues the activity above (a page break): joined to it")
            } else {
                format!("«{text}» продолжает мероприятие выше (разрыв страницы): присоединено к нему")
            }
        }
        GuessKind::Hyphen { written, read } => {
            if en {
                format!("«{written}» read as «{read}»")
            } else {
                format!("«{written}» прочитано как «{read}»")
            }
        }
        GuessKind::ShortName { written, name } => {
            if en {
                format!("«{written}» taken as «{name}»")
            } else {
                format!("«{written}» принято за «{name}»")
            }
        }
        GuessKind::Ambiguous { written, candidates } => {
            let list = candidates.iter().map(|c| format!("«{c}»")).collect::<Vec<_>>().join(", ");
            if en {
                format!("«{written}» could be any of {list}; the first was taken")
            } else {
                format!("«{written}» может означать {list}; взято первое")
            }
        }
        GuessKind::NoSection => {
            if en {
                format!("activities before any section row: put in a section «{}»", super::PLACEHOLDER_SECTION)
            } else {
                format!("мероприятия до первой строки раздела: помещены в раздел «{}»", super::PLACEHOLDER_SECTION)
            }
        }
        GuessKind::NoActivity { text } => {
            if en {
                format!("a row with «{text}» but no activity: left out")
            } else {
                format!("строка с «{text}», но без мероприятия: пропущена")
            }
        }
    }
}

/// A TOML basic string: quotes, backslashes and control characters escaped.
fn quote(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for ch in text.chars() {
        match ch {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => {
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

/// A comment stays one line: line breaks and control characters become spaces.
fn one_line(text: &str) -> String {
    text.chars().map(|c| if c.is_control() { ' ' } else { c }).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_are_escaped_for_toml() {
        assert_eq!(quote("a \"b\" \\ c\u{7}"), "\"a \\\"b\\\" \\\\ c\\u0007\"");
        assert_eq!(one_line("a\nb"), "a b");
    }
}
