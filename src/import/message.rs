//! What `plan import` says, as messages of the catalogue: why a document was refused
//! (`locales/*/errors.ftl`) and what was guessed (`locales/*/output.ftl`).

use std::fmt::Write as _;

use crate::error::message::io_reason;
use crate::i18n::{Arg, Lang, Message, msg};
use crate::import::table::{ColumnUse, Role};
use crate::import::{BodyFrom, Problem, WhenFault};
use crate::import::{Column, Format, Guess, GuessKind, PLACEHOLDER_PARTY, PLACEHOLDER_SECTION, PLACEHOLDER_WHEN};

impl Problem {
    /// Why the document at `path` was refused.
    #[must_use]
    pub fn message(&self, path: &str) -> Message {
        match self {
            Problem::NotFound => msg!("import-not-found", path = path),
            Problem::Unreadable { kind, detail } => {
                let reason = io_reason(&std::io::Error::new(*kind, detail.clone()));
                msg!("import-unreadable", path = path, reason = reason)
            }
            Problem::TooLarge { size, limit } => {
                msg!("import-too-large", path = path, size = *size, limit = *limit, mib = *limit >> 20)
            }
            Problem::NotAZip => msg!("import-not-a-zip", path = path),
            Problem::NotAFile => msg!("import-not-a-file", path = path),
            Problem::Truncated => msg!("import-truncated", path = path),
            Problem::OtherFormat { format } => msg!("import-other-format", path = path, format = format_name(*format)),
            Problem::NoDocumentPart => msg!("import-no-document-part", path = path),
            Problem::TooManyEntries { count, limit } => {
                msg!("import-too-many-entries", path = path, count = *count, limit = *limit)
            }
            Problem::Bomb { entry, limit } => {
                msg!("import-bomb", path = path, entry = entry, limit = *limit, mib = *limit >> 20)
            }
            Problem::Unpack { detail } => msg!("import-unpack", path = path, detail = detail),
            Problem::Dtd => msg!("import-dtd", path = path),
            Problem::Entity { text } => msg!("import-entity", path = path, text = text),
            Problem::BadXml { line, column, detail } => {
                msg!("import-bad-xml", path = path, line = *line, column = *column, detail = detail)
            }
            Problem::NoPlanTable { tables, .. } => msg!("import-no-plan-table", path = path, tables = *tables),
            Problem::NestedTable { table, row, column, in_plan: true } => {
                msg!("import-nested-table", path = path, table = *table, row = *row, column = *column)
            }
            Problem::NestedTable { table, row, column, in_plan: false } => {
                msg!("import-nested-plan-table", path = path, table = *table, row = *row, column = *column)
            }
            Problem::TooManyRows { rows, limit } => {
                msg!("import-too-many-rows", path = path, rows = *rows, limit = *limit)
            }
            Problem::NoYear => msg!("import-no-year", path = path),
            Problem::NoConverter { format } => {
                msg!("import-no-converter", path = path, format = format_name(*format))
            }
            Problem::ConversionFailed { detail } => msg!("import-conversion-failed", path = path, detail = detail),
            Problem::ConversionTimeout { seconds } => {
                msg!("import-conversion-timeout", path = path, seconds = seconds.to_string())
            }
        }
    }

    /// How to fix it (the tables found are listed under the help, one a line).
    #[must_use]
    pub fn help(&self, path: &str) -> Message {
        match self {
            Problem::NotFound => msg!("import-not-found-help"),
            Problem::Unreadable { .. } | Problem::NotAFile => msg!("import-unreadable-help"),
            Problem::Truncated => msg!("import-truncated-help"),
            Problem::TooLarge { .. } => msg!("import-too-large-help"),
            Problem::OtherFormat { format: Format::Pdf } => msg!("import-pdf-help"),
            Problem::OtherFormat { .. } | Problem::NoConverter { .. } | Problem::ConversionFailed { .. } => {
                msg!("import-convert-help", command = super::convert::command_line(std::path::Path::new(path)))
            }
            Problem::ConversionTimeout { .. } => msg!("import-conversion-timeout-help"),
            Problem::NoYear => msg!("import-no-year-help", path = path),
            Problem::Bomb { .. } => msg!("import-bomb-help"),
            Problem::TooManyRows { .. } => msg!("import-too-many-rows-help"),
            Problem::NestedTable { in_plan: true, .. } => msg!("import-nested-table-help"),
            Problem::NestedTable { in_plan: false, .. } => msg!("import-nested-plan-table-help"),
            Problem::NoPlanTable { first_rows, .. } => {
                let found = if first_rows.is_empty() {
                    Arg::Text(String::new())
                } else {
                    let rows = first_rows.iter().fold(String::new(), |mut rows, row| {
                        let _ = write!(rows, "\n      {row}");
                        rows
                    });
                    Arg::from(msg!("import-tables-found", rows = rows))
                };
                msg!("import-no-plan-table-help", found = found)
            }
            Problem::NotAZip
            | Problem::NoDocumentPart
            | Problem::TooManyEntries { .. }
            | Problem::Unpack { .. }
            | Problem::Dtd
            | Problem::Entity { .. }
            | Problem::BadXml { .. } => msg!("import-save-again"),
        }
    }
}

/// The kind of document, in words.
fn format_name(format: Format) -> Message {
    match format {
        Format::Doc => msg!("import-format-doc"),
        Format::Odt => msg!("import-format-odt"),
        Format::Pdf => msg!("import-format-pdf"),
        Format::Rtf => msg!("import-format-rtf"),
    }
}

impl ColumnUse {
    /// «столбец 2 «Дата» → время (по содержимому)».
    #[must_use]
    pub fn message(&self) -> Message {
        let role = match &self.role {
            Role::Number => msg!("import-role-number"),
            Role::Activity => msg!("import-role-activity"),
            Role::Time => msg!("import-role-time"),
            Role::Responsible => msg!("import-role-responsible"),
            Role::Place => msg!("import-role-place"),
            Role::Result => msg!("import-role-result"),
            Role::Note { heading } => msg!("import-role-note", heading = heading),
        };
        let how = if self.by_content { msg!("import-by-content") } else { msg!("import-by-heading") };
        msg!("import-column", column = self.column, heading = self.heading.as_str(), role = role, how = how)
    }
}

impl Guess {
    /// Where the guess is and what it is: `строка 7, столбец 3 «Время проведения»: …`.
    #[must_use]
    pub fn message(&self) -> Message {
        let mut place = Vec::new();
        if let Some(row) = self.row {
            place.push(msg!("import-place-row", row = row));
        }
        if let Some((column, role)) = self.column {
            // The heading as the document writes it; else the usual one, in Russian whatever the
            // interface language.
            let heading = self.heading.clone().unwrap_or_else(|| {
                Lang::Ru.word(match role {
                    Column::Activity => "document-activities",
                    Column::Time => "document-time",
                    Column::Responsible => "document-responsible",
                })
            });
            place.push(msg!("import-place-column", column = column, heading = heading));
        }
        let what = self.kind.message();
        if place.is_empty() { what } else { msg!("import-guess-at", place = place, what = what) }
    }
}

impl GuessKind {
    /// What was guessed, and what was written for it.
    #[must_use]
    pub fn message(&self) -> Message {
        match self {
            GuessKind::YearFromTimes { year } => msg!("import-year-from-times", year = year.to_string()),
            GuessKind::NoTitle { title } => msg!("import-no-title", title = title),
            GuessKind::IssuingBody { name, from } => {
                let from = match from {
                    BodyFrom::Organization => msg!("import-body-from-organization"),
                    BodyFrom::Title => msg!("import-body-from-title"),
                    BodyFrom::Signature => msg!("import-body-from-signature"),
                    BodyFrom::Approval => msg!("import-body-from-approval"),
                    BodyFrom::Nowhere => msg!("import-body-from-nowhere"),
                };
                msg!("import-issuing-body", name = name, from = from)
            }
            GuessKind::UndatedApproval { text } => msg!("import-undated-approval", text = text),
            GuessKind::ListItem { time, responsible } => msg!(
                "import-list-item",
                time = time.as_deref().unwrap_or("—"),
                responsible = responsible.as_deref().unwrap_or("—")
            ),
            GuessKind::BadWhen { text, reason } => {
                msg!("import-bad-when", text = text, reason = reason.message(text), placeholder = PLACEHOLDER_WHEN)
            }
            GuessKind::NoTime { items } => msg!("import-no-time", items = *items, placeholder = PLACEHOLDER_WHEN),
            GuessKind::Mismatch { items, times, extra } => {
                let extra = if extra.is_empty() { String::new() } else { format!(" ({})", extra.join("; ")) };
                msg!("import-mismatch", items = *items, times = *times, extra = extra, placeholder = PLACEHOLDER_WHEN)
            }
            GuessKind::NoResponsible => msg!("import-no-responsible", placeholder = PLACEHOLDER_PARTY),
            GuessKind::Joined { text } => msg!("import-joined", text = text),
            GuessKind::Hyphen { written, read } => msg!("import-hyphen", written = written, read = read),
            GuessKind::ShortName { written, name } => msg!("import-short-name", written = written, name = name),
            GuessKind::Ambiguous { written, candidates } => {
                let list = candidates.iter().map(|c| format!("«{c}»")).collect::<Vec<_>>().join(", ");
                msg!("import-ambiguous", written = written, list = list)
            }
            GuessKind::NoSection => msg!("import-no-section", placeholder = PLACEHOLDER_SECTION),
            GuessKind::NoActivity { text } => msg!("import-no-activity", text = text),
            GuessKind::Unmarked { items } => msg!("import-unmarked", items = *items),
        }
    }
}

impl WhenFault {
    /// Why the time `text` of an imported plan was not taken as written.
    #[must_use]
    pub fn message(&self, text: &str) -> Message {
        match self {
            WhenFault::Grammar(error) => {
                let reason = error.message(&crate::render::escape_line(text));
                match &error.suggestion {
                    Some(suggestion) => msg!("import-when-suggestion", reason = reason, suggestion = suggestion),
                    None => reason,
                }
            }
            WhenFault::OutsideYear(year) => msg!("import-outside-year", year = year.to_string()),
        }
    }
}
