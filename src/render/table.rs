//! `plan table`: the document's three columns, drawn with comfy-table and wrapped to a width.

use std::borrow::Cow;
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
    table.set_header(lang.table_headers().map(heading));
    let mut last_section = None;
    for (section, activity) in rows {
        if last_section != Some(section.number) {
            last_section = Some(section.number);
            let title = format!("{}. {}", section.number, escape_block(&section.title));
            table.add_row(vec![heading(&title), Cell::new(""), Cell::new("")]);
        }
        let longest = usize::from(width.unwrap_or(WIDEST));
        let cell = |text: &str| Cell::new(break_long_words(&escape_block(text), longest));
        table.add_row(vec![
            cell(&numbered_title(activity, lang)),
            cell(&activity.when),
            cell(&responsible(plan, activity, lang)),
        ]);
    }
    // The activity column carries the long text; the other two are kept to a quarter each.
    for column in table.column_iter_mut().skip(1) {
        column.set_constraint(ColumnConstraint::UpperBoundary(Width::Percentage(25)));
    }
    writeln!(out, "{table}")
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
