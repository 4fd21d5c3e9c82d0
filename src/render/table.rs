//! `plan table`: the printed plan's layout ([`crate::render::layout`]) drawn with comfy-table and
//! wrapped to a width: the approval block, the title, «№ п/п» and the document's three columns,
//! time and responsible centred (a value a whole section shares written once), the signature.

use std::io::{self, Write};

use comfy_table::{Attribute, Cell, CellAlignment, ColumnConstraint, ContentArrangement, Table, Width, presets};
use unicode_width::UnicodeWidthStr;

use crate::i18n::Lang;
use crate::model::{Activity, Plan, Section};
use crate::render::style::Paint;
use crate::render::{escape_block, escape_line, layout};

/// Draws the table; `width` is the total width, `None` to let comfy-table ask the terminal.
pub fn draw(
    out: &mut impl Write,
    plan: &Plan,
    rows: &[(&Section, &Activity)],
    lang: Lang,
    paint: Paint,
    width: Option<u16>,
) -> io::Result<()> {
    let mut table = Table::new();
    table.load_style(presets::UTF8_FULL).set_content_arrangement(ContentArrangement::Dynamic);
    if paint.enabled() {
        table.enforce_styling();
    } else {
        table.force_no_tty();
    }
    if let Some(width) = width {
        table.set_width(width);
    }
    let heading = |text: &str| Cell::new(text).add_attribute(Attribute::Bold);
    table.set_header(lang.document_headers().map(heading));
    for (section, cells) in layout::text_rows(&layout::blocks(plan, rows, lang)) {
        let cells = cells.map(|text| escape_block(&text).into_owned());
        table.add_row(if section { cells.map(|text| heading(&text)) } else { cells.map(Cell::new) });
    }
    for column in table.column_iter_mut().skip(2) {
        column.set_cell_alignment(CellAlignment::Center);
    }
    // The activity column carries the long text; time and responsible are kept to a quarter each.
    for column in table.column_iter_mut().skip(2) {
        column.set_constraint(ColumnConstraint::UpperBoundary(Width::Percentage(25)));
    }
    let drawn = table.to_string();
    let width = drawn.lines().next().map_or(0, UnicodeWidthStr::width);
    // The approval block fills the right half, as on the printed page.
    if let Some(lines) = layout::approval_lines(plan, lang) {
        let indent = width / 2;
        for line in lines.iter().flat_map(|line| wrap(&escape_line(line), width - indent)) {
            writeln!(out, "{}{line}", " ".repeat(indent))?;
        }
        writeln!(out)?;
    }
    for text in plan.organization.iter().chain([&plan.title]) {
        for line in wrap(&escape_line(text), width) {
            writeln!(out, "{}", paint.paint(crate::render::style::Role::Heading, &centre(&line, width)))?;
        }
    }
    writeln!(out)?;
    writeln!(out, "{drawn}")?;
    if let Some(line) = layout::signature_line(plan) {
        writeln!(out)?;
        writeln!(out, "{}", escape_line(&line))?;
    }
    Ok(())
}

/// `text` in lines of at most `width` columns, broken at spaces (a longer word keeps its line).
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for word in text.split_whitespace() {
        match lines.last_mut() {
            Some(line) if line.width() + 1 + word.width() <= width.max(1) => {
                line.push(' ');
                line.push_str(word);
            }
            _ => lines.push(word.to_owned()),
        }
    }
    lines
}

/// `text` centred in `width` columns (or as it is, when wider).
fn centre(text: &str, width: usize) -> String {
    let pad = width.saturating_sub(text.width()) / 2;
    format!("{}{text}", " ".repeat(pad))
}
