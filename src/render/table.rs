//! `plan table`: the document's three columns, drawn with comfy-table and wrapped to a width.

use std::io::{self, Write};

use comfy_table::{Attribute, Cell, ColumnConstraint, ContentArrangement, Table, Width, presets};

use crate::i18n::Lang;
use crate::model::{Activity, Plan, Section};
use crate::render::style::Paint;
use crate::render::{escape_block, numbered_title, responsible};

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
    table.set_header(crate::render::table_headers(lang).map(|h| heading(&h)));
    let mut last_section = None;
    for (section, activity) in rows {
        if last_section != Some(section.number) {
            last_section = Some(section.number);
            let title = format!("{}. {}", section.number, escape_block(&section.title));
            table.add_row(vec![heading(&title), Cell::new(""), Cell::new("")]);
        }
        table.add_row(vec![
            Cell::new(escape_block(&numbered_title(activity, lang))),
            Cell::new(escape_block(&activity.when)),
            Cell::new(escape_block(&responsible(plan, activity, lang))),
        ]);
    }
    // The activity column carries the long text; the other two are kept to a quarter each.
    for column in table.column_iter_mut().skip(1) {
        column.set_constraint(ColumnConstraint::UpperBoundary(Width::Percentage(25)));
    }
    writeln!(out, "{table}")
}
