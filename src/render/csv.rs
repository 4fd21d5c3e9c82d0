//! CSV: one row per activity with every field, safe to open in a spreadsheet.

use std::io::{self, Write};

use crate::i18n::{Lang, msg};
use crate::model::{Activity, Plan, Section};
use crate::render::words;

/// A cell that a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, or a tab or carriage
/// return before one) gets a leading `'`, which spreadsheets show as text.
#[must_use]
pub fn neutralise(cell: &str) -> std::borrow::Cow<'_, str> {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) { format!("'{cell}").into() } else { cell.into() }
}

/// The header row, in the interface language (the columns are the same in every language).
fn header(lang: Lang) -> [String; 12] {
    [
        msg!("csv-number"),
        msg!("csv-id"),
        msg!("csv-section"),
        msg!("csv-title"),
        msg!("csv-when"),
        msg!("csv-responsible"),
        msg!("csv-agreed-with"),
        msg!("csv-partner"),
        msg!("csv-held"),
        msg!("csv-planned"),
        msg!("csv-status"),
        msg!("csv-note"),
    ]
    .map(|m| lang.say(&m))
}

/// `list --format csv`: a header row, then one row per activity; lists are joined with `; `.
pub fn activities(out: &mut impl Write, plan: &Plan, rows: &[(&Section, &Activity)], lang: Lang) -> io::Result<()> {
    let mut writer = csv::Writer::from_writer(out);
    writer.write_record(header(lang)).map_err(io_error)?;
    for (section, activity) in rows {
        let join_dates =
            |dates: &[crate::model::Dated]| dates.iter().map(|d| d.date.to_string()).collect::<Vec<_>>().join("; ");
        let record = [
            activity.number.to_string(),
            activity.id.clone().unwrap_or_default(),
            section.title.clone(),
            activity.title.clone(),
            activity.when.clone(),
            // Marked as every printed form marks it: «Совет ветеранов (по согласованию)».
            crate::render::responsible_list(plan, activity, lang).join("; "),
            plan.names(&activity.agreed_with).collect::<Vec<_>>().join("; "),
            activity.partner.clone().unwrap_or_default(),
            join_dates(&activity.held),
            join_dates(&activity.planned),
            lang.say(&words::status(activity.status)),
            activity.note.clone().unwrap_or_default(),
        ];
        writer
            .write_record(record.iter().map(|cell| neutralise(&crate::render::escape_block(cell)).into_owned()))
            .map_err(io_error)?;
    }
    writer.flush()
}

/// The I/O error inside a CSV error, as it was: `csv`'s own conversion wraps it as `Other`, and
/// then a closed pipe (`plan list --format csv | head -1`) would no longer read as one.
pub(crate) fn io_error(error: csv::Error) -> io::Error {
    let kind = match error.kind() {
        csv::ErrorKind::Io(io) => io.kind(),
        _ => io::ErrorKind::Other,
    };
    io::Error::new(kind, error)
}

#[cfg(test)]
mod tests {
    use super::neutralise;

    #[test]
    fn formula_cells_are_neutralised() {
        assert_eq!(neutralise("=SUM(A1)"), "'=SUM(A1)");
        assert_eq!(neutralise("+7 999"), "'+7 999");
        assert_eq!(neutralise("-1"), "'-1");
        assert_eq!(neutralise("@cmd"), "'@cmd");
        assert_eq!(neutralise("апрель"), "апрель");
    }
}
