//! Markdown tables, for pasting the plan into a wiki, an issue or a report.

use std::io::{self, Write};

use crate::i18n::Lang;
use crate::model::{Activity, Plan, Section};
use crate::render::{escape_block, layout, responsible};

/// A Markdown table cell: HTML special characters as entities (Markdown passes HTML through),
/// backslashes and pipes escaped, line breaks as `<br>`, control characters shown as escapes.
pub(crate) fn cell(text: &str) -> String {
    escape_block(text)
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('\\', "\\\\")
        .replace('|', "\\|")
        .replace('\n', "<br>")
}

/// `list --format md`: number, time, responsible, title.
pub fn list(out: &mut impl Write, plan: &Plan, rows: &[(&Section, &Activity)], lang: Lang) -> io::Result<()> {
    let [title, when, who] = crate::render::table_headers(lang);
    writeln!(out, "| {} | {when} | {who} | {title} |", lang.word("number-header"))?;
    writeln!(out, "|---|---|---|---|")?;
    for (_, activity) in rows {
        let mut name = activity.title.clone();
        if activity.status == crate::model::Status::Cancelled {
            name = format!("{name} {}", lang.word("cancelled-mark"));
        }
        writeln!(
            out,
            "| {} | {} | {} | {} |",
            activity.number,
            cell(&activity.when),
            cell(&responsible(plan, activity, lang)),
            cell(&name)
        )?;
    }
    Ok(())
}

/// `table --format md`: the printed plan's four columns (spec §7), a bold heading row per
/// section, a time or responsible party the whole section shares written on its first row only.
/// The table alone, for pasting into a wiki: no approval, title or signature.
pub fn table(
    out: &mut impl Write,
    plan: &Plan,
    rows: &[(&Section, &Activity)],
    lang: Lang,
    mark_cancelled: bool,
) -> io::Result<()> {
    writeln!(out, "| {} |", crate::render::document_headers(lang).join(" | "))?;
    writeln!(out, "|---|---|---|---|")?;
    for (section, [number, title, when, who]) in layout::text_rows(&layout::blocks(plan, rows, lang, mark_cancelled)) {
        if section {
            writeln!(out, "| {} | **{}** | | |", cell(&number), cell(&title))?;
        } else {
            writeln!(out, "| {} | {} | {} | {} |", cell(&number), cell(&title), cell(&when), cell(&who))?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::cell;

    #[test]
    fn markdown_cells_cannot_break_the_table_or_inject_html() {
        assert_eq!(cell("a|b\nc"), "a\\|b<br>c");
        assert_eq!(cell("<script>&"), "&lt;script&gt;&amp;");
    }
}
