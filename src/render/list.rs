//! `list --format plain`: one aligned line per activity, for reading and for grep.

use std::io::{self, Write};

use unicode_width::UnicodeWidthStr;

use crate::i18n::Lang;
use crate::model::{Activity, Plan, Section, Status};
use crate::render::style::{Paint, Role};
use crate::render::{escape_line, responsible};

/// Number, time, responsible, title; columns padded to the widest cell shown.
pub fn plain(
    out: &mut impl Write,
    plan: &Plan,
    rows: &[(&Section, &Activity)],
    lang: Lang,
    paint: Paint,
) -> io::Result<()> {
    let cells: Vec<[String; 3]> = rows
        .iter()
        .map(|(_, a)| {
            [
                a.number.to_string(),
                escape_line(&a.when).into_owned(),
                escape_line(&responsible(plan, a, lang)).into_owned(),
            ]
        })
        .collect();
    let mut widths = [0; 3];
    for row in &cells {
        for (width, cell) in widths.iter_mut().zip(row) {
            *width = (*width).max(cell.width());
        }
    }
    for ((_, activity), [number, when, who]) in rows.iter().zip(&cells) {
        let pad = |text: &str, width: usize| " ".repeat(width - text.width());
        let mut title = escape_line(&activity.title).into_owned();
        if activity.status == Status::Cancelled {
            title = format!("{title} {}", paint.paint(Role::Dim, &lang.word("cancelled-mark")));
        }
        writeln!(
            out,
            "{}{}  {when}{}  {who}{}  {title}",
            paint.paint(Role::Heading, number),
            pad(number, widths[0]),
            pad(when, widths[1]),
            pad(who, widths[2]),
        )?;
    }
    Ok(())
}
