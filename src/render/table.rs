//! `plan table`: the printed plan's layout ([`crate::render::layout`]) drawn with comfy-table and
//! wrapped to a width: the approval block, the title, «№ п/п» and the document's three columns,
//! time and responsible centred (a value a whole section shares written once), the signature.

use std::borrow::Cow;
use std::io::{self, Write};

use comfy_table::{Attribute, Cell, CellAlignment, ColumnConstraint, ContentArrangement, Table, Width, presets};
use unicode_width::UnicodeWidthStr;

use crate::i18n::Lang;
use crate::model::{Activity, Plan, Section};
use crate::render::style::Paint;
use crate::render::{escape_block, escape_line, layout};

/// Draws the table; `width` is the total width, `None` to let comfy-table ask the terminal; a
/// cancelled activity is marked only with `mark_cancelled`.
pub fn draw(
    out: &mut impl Write,
    plan: &Plan,
    rows: &[(&Section, &Activity)],
    lang: Lang,
    paint: Paint,
    width: Option<u16>,
    mark_cancelled: bool,
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
    table.set_header(crate::render::document_headers(lang).map(|h| heading(&h)));
    for (section, cells) in layout::text_rows(&layout::blocks(plan, rows, lang, mark_cancelled)) {
        let longest = usize::from(width.unwrap_or(WIDEST));
        let cells = cells.map(|text| break_long_words(&escape_block(&text), longest).into_owned());
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

/// The longest line of a cell when the table takes the terminal's width, which is not known here.
const WIDEST: u16 = 1000;

/// `text` with every word longer than `longest` characters cut into lines of `longest`: no word
/// that long fits the table anyway, and comfy-table's own cutting of a word takes time growing
/// with the square of its length (a 1,000,000-character title took minutes).
fn break_long_words(text: &str, longest: usize) -> Cow<'_, str> {
    let longest = longest.max(1);
    let too_long = text.split_whitespace().any(|word| word.len() > longest && word.chars().count() > longest);
    if !too_long {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + text.len() / longest);
    let mut run = 0;
    for c in text.chars() {
        if c.is_whitespace() {
            run = 0;
        } else if run == longest {
            out.push('\n');
            run = 1;
        } else {
            run += 1;
        }
        out.push(c);
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_words_longer_than_the_table_are_cut() {
        assert!(matches!(break_long_words("короткие слова", 8), Cow::Borrowed(_)));
        assert_eq!(break_long_words("ab abcdefg", 3), "ab abc\ndef\ng");
        assert_eq!(break_long_words("жжжжж\nжж", 2), "жж\nжж\nж\nжж");
    }
}
