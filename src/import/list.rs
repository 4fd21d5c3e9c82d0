//! A plan written as a numbered list, not a table (spec §8): each item an activity; its time and
//! parties taken from its own lines («Срок: март», «Ответственный: …») or its trailing «— срок —
//! ответственный» parts where the time grammar and the party names recognise them; the rest is
//! the title. Bold lines between the items are sections. The list is read as a table of three
//! columns, so that every later step is the table's.

use super::document::{Block, Cell, Document, Merge, Paragraph, Row};
use super::table::{self, ColumnUse, PlanTable, Role, collapse, names_someone};
use crate::when;

/// The fewest items that make a list a plan.
const MIN_ITEMS: usize = 2;

/// One item as read.
struct Item {
    title: String,
    time: Option<String>,
    responsible: Option<String>,
}

/// The plan's numbered list, as a table, when the document has one.
#[must_use]
pub fn find(document: &Document) -> Option<PlanTable<'_>> {
    let paragraphs: Vec<&Paragraph> = document
        .blocks
        .iter()
        .filter_map(|b| match b {
            Block::Paragraph(p) => Some(p),
            Block::Table(_) => None,
        })
        .collect();
    let first = paragraphs.iter().position(|p| is_item(p))?;
    let last = paragraphs.iter().rposition(|p| is_item(p))?;
    // A section heading may stand just above the first item.
    let start = if first > 0 && paragraphs[first - 1].bold && !starts_title(&paragraphs[first - 1].text) {
        first - 1
    } else {
        first
    };
    let mut rows = vec![heading_row()];
    let mut items = 0;
    let mut end = last + 1;
    let mut i = start;
    while i < paragraphs.len() {
        let p = paragraphs[i];
        if is_item(p) {
            let mut lines = vec![strip_number(&collapse(&p.text)).to_owned()];
            i += 1;
            // The item's own further lines: labelled, or continuing in lower case.
            while i < paragraphs.len() && !is_item(paragraphs[i]) && is_item_line(&paragraphs[i].text) {
                lines.push(collapse(&paragraphs[i].text));
                i += 1;
            }
            end = i;
            rows.push(item_row(&read_item(&lines)));
            items += 1;
        } else if i <= last && p.bold {
            rows.push(section_row(&collapse(&p.text)));
            i += 1;
        } else if i <= last {
            // A plain line between items: a section heading too, as lists often write them.
            rows.push(section_row(&collapse(&p.text)));
            i += 1;
        } else {
            break;
        }
    }
    if items < MIN_ITEMS {
        return None;
    }
    let grid = table::grid(&rows);
    let columns = vec![
        ColumnUse { column: 1, heading: String::new(), role: Role::Activity, by_content: true },
        ColumnUse { column: 2, heading: String::new(), role: Role::Time, by_content: true },
        ColumnUse { column: 3, heading: String::new(), role: Role::Responsible, by_content: true },
    ];
    Some(PlanTable {
        above: paragraphs[..start].to_vec(),
        below: paragraphs[end.min(paragraphs.len())..].to_vec(),
        rows,
        heading: 0,
        activity: 0,
        time: Some(1),
        responsible: Some(2),
        number: None,
        extras: Vec::new(),
        columns,
        grid,
        parts: 1,
        list: true,
    })
}

/// A list item: Word's numbering, or a number typed by hand («1.», «2)»).
fn is_item(p: &Paragraph) -> bool {
    let text = collapse(&p.text);
    (p.listed && !text.is_empty()) || strip_number(&text).len() < text.len()
}

fn starts_title(text: &str) -> bool {
    collapse(&text.to_lowercase()).starts_with("план")
}

/// A line that belongs to the item above: «Срок: …», «Ответственный: …», or text in lower case.
fn is_item_line(text: &str) -> bool {
    let text = collapse(text);
    label(&text).is_some() || text.chars().next().is_some_and(char::is_lowercase)
}

/// «Срок: март» → (Time, «март»); «Ответственные: …» → (Responsible, …).
fn label(text: &str) -> Option<(Role, &str)> {
    let (head, rest) = text.split_once(':')?;
    let role = table::heading(head).filter(|r| matches!(r, Role::Time | Role::Responsible))?;
    Some((role, rest.trim()))
}

/// «12.» or «3)» typed before an item, without it.
fn strip_number(text: &str) -> &str {
    let digits = text.len() - text.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    // No number, or a long one (a year): not an item's.
    if digits == 0 || digits > 3 {
        return text;
    }
    match text[digits..].strip_prefix(['.', ')']) {
        Some(rest) if rest.starts_with(' ') => rest.trim_start(),
        _ => text,
    }
}

/// An item's title, time and parties from its lines.
fn read_item(lines: &[String]) -> Item {
    let mut item = Item { title: String::new(), time: None, responsible: None };
    let mut rest = Vec::new();
    for line in lines {
        match label(line) {
            Some((Role::Time, text)) => item.time = Some(text.to_owned()),
            Some((_, text)) => item.responsible = Some(text.to_owned()),
            None => rest.push(line.clone()),
        }
    }
    let mut first = rest.first().cloned().unwrap_or_default();
    // «Заседание Совета — март — Председатель»: trailing parts after a long dash.
    let mut parts: Vec<&str> = first.split(" — ").collect();
    if parts.len() == 1 {
        parts = first.split(" – ").collect();
    }
    let mut keep = parts.len();
    if keep > 1 && item.responsible.is_none() && !reads(parts[keep - 1]) && names_someone(parts[keep - 1]) {
        item.responsible = Some(parts[keep - 1].trim().to_owned());
        keep -= 1;
    }
    if item.time.is_none() {
        // The longest run of trailing parts the grammar reads («июнь – сентябрь» is two parts).
        if let Some(from) = (1..keep).find(|&from| reads(&parts[from..keep].join(" – "))) {
            item.time = Some(parts[from..keep].join(" – ").trim().to_owned());
            keep = from;
        }
    }
    first = parts[..keep].join(" — ");
    if let Some(line) = rest.first_mut() {
        *line = first;
    }
    rest.join(" ").trim().trim_end_matches([';', ',']).clone_into(&mut item.title);
    item
}

fn reads(text: &str) -> bool {
    let year = 2000;
    let Some(today) = chrono::NaiveDate::from_ymd_opt(year, 1, 1) else { return false };
    when::parse(text.trim(), &when::Context { year, today }, when::Source::File).is_ok()
}

fn paragraph(text: &str, bold: bool) -> Paragraph {
    Paragraph { text: text.to_owned(), bold, listed: false }
}

fn cell(text: Option<&str>, span: usize, bold: bool) -> Cell {
    Cell {
        span,
        merge: Merge::None,
        paragraphs: text.filter(|t| !t.is_empty()).map(|t| paragraph(t, bold)).into_iter().collect(),
    }
}

fn heading_row() -> Row {
    Row {
        cells: vec![
            cell(Some("Мероприятия"), 1, false),
            cell(Some("Срок"), 1, false),
            cell(Some("Ответственные"), 1, false),
        ],
    }
}

fn section_row(title: &str) -> Row {
    Row { cells: vec![cell(Some(title), 3, true)] }
}

fn item_row(item: &Item) -> Row {
    Row {
        cells: vec![
            cell(Some(&item.title), 1, false),
            cell(item.time.as_deref(), 1, false),
            cell(item.responsible.as_deref(), 1, false),
        ],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(line: &str) -> (String, Option<String>, Option<String>) {
        let item = read_item(&[line.to_owned()]);
        (item.title, item.time, item.responsible)
    }

    #[test]
    fn trailing_time_and_parties_are_found() {
        assert_eq!(
            read("Заседание Совета — март — Председатель Совета"),
            ("Заседание Совета".into(), Some("март".into()), Some("Председатель Совета".into()))
        );
        assert_eq!(
            read("Выборы — июнь – сентябрь — РО ВСМС"),
            ("Выборы".into(), Some("июнь – сентябрь".into()), Some("РО ВСМС".into()))
        );
        assert_eq!(read("Конкурс «Лучший — из лучших»"), ("Конкурс «Лучший — из лучших»".into(), None, None));
        assert_eq!(strip_number("12. Семинар"), "Семинар");
        assert_eq!(strip_number("3) Семинар"), "Семинар");
        assert_eq!(strip_number("2019 год"), "2019 год");
    }
}
