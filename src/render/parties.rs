//! `plan parties`: each party with its activity counts.

use std::io::{self, Write};

use serde::Serialize;
use unicode_width::UnicodeWidthStr;

use crate::i18n::{Lang, msg};
use crate::model::Plan;
use crate::render::escape_line;
use crate::render::style::{Paint, Role};

/// Aligned columns: id, name, responsible count, agrees count.
pub fn text(out: &mut impl Write, plan: &Plan, counts: &[(usize, usize)], lang: Lang, paint: Paint) -> io::Result<()> {
    let header = [msg!("parties-party"), msg!("parties-name"), msg!("parties-responsible"), msg!("parties-agrees")]
        .map(|m| lang.say(&m));
    let rows: Vec<[String; 4]> = plan
        .parties
        .iter()
        .zip(counts)
        .map(|(p, (responsible, agrees))| {
            [
                escape_line(&p.id).into_owned(),
                escape_line(&p.name).into_owned(),
                responsible.to_string(),
                agrees.to_string(),
            ]
        })
        .collect();
    let mut widths = [0; 4];
    for row in std::iter::once(&header).chain(&rows) {
        for (width, cell) in widths.iter_mut().zip(row) {
            *width = (*width).max(cell.width());
        }
    }
    for (i, row) in std::iter::once(&header).chain(&rows).enumerate() {
        let mut line = String::new();
        for (column, cell) in row.iter().enumerate() {
            let pad = " ".repeat(widths[column] - cell.width());
            // Counts are right-aligned, text left-aligned.
            let cell = if column >= 2 { format!("{pad}{cell}") } else { format!("{cell}{pad}") };
            if column > 0 {
                line.push_str("  ");
            }
            line.push_str(&cell);
        }
        let line = line.trim_end();
        if i == 0 { writeln!(out, "{}", paint.paint(Role::Heading, line))? } else { writeln!(out, "{line}")? }
    }
    Ok(())
}

#[derive(Serialize)]
struct PartyJson<'p> {
    id: &'p str,
    name: &'p str,
    full_name: Option<&'p str>,
    aliases: &'p [String],
    responsible: usize,
    agreed_with: usize,
}

/// An array of parties with their counts.
pub fn json(out: &mut impl Write, plan: &Plan, counts: &[(usize, usize)]) -> io::Result<()> {
    let items: Vec<PartyJson> = plan
        .parties
        .iter()
        .zip(counts)
        .map(|(p, &(responsible, agreed_with))| PartyJson {
            id: &p.id,
            name: &p.name,
            full_name: p.full_name.as_deref(),
            aliases: &p.aliases,
            responsible,
            agreed_with,
        })
        .collect();
    crate::render::json::write(out, &items)
}
