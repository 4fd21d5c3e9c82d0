//! What `plan import` says, as messages of the catalogue: why a document was refused
//! (`locales/*/errors.ftl`) and what was guessed (`locales/*/output.ftl`).

use std::fmt::Write as _;

use crate::error::message::io_reason;
use crate::i18n::{Arg, Lang, Message, msg};
use crate::import::{Column, Format, Guess, GuessKind, PLACEHOLDER_PARTY, PLACEHOLDER_SECTION, PLACEHOLDER_WHEN};
use crate::import::{Problem, WhenFault};

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
            Problem::OtherFormat { format } => {
                let format = match format {
                    Format::Doc => msg!("import-format-doc"),
                    Format::Odt => msg!("import-format-odt"),
                    Format::Pdf => msg!("import-format-pdf"),
                    Format::Rtf => msg!("import-format-rtf"),
                };
                msg!("import-other-format", path = path, format = format)
            }
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
            Problem::TooManyRows { rows, limit } => {
                msg!("import-too-many-rows", path = path, rows = *rows, limit = *limit)
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
            Problem::OtherFormat { .. } => msg!("import-convert-help", path = path),
            Problem::Bomb { .. } => msg!("import-bomb-help"),
            Problem::TooManyRows { .. } => msg!("import-too-many-rows-help"),
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

impl Guess {
    /// Where the guess is and what it is: `строка 7, столбец 3 «Время проведения»: …`.
    #[must_use]
    pub fn message(&self) -> Message {
        let mut place = Vec::new();
        if let Some(row) = self.row {
            place.push(msg!("import-place-row", row = row));
        }
        if let Some((column, role)) = self.column {
            // The heading as the document writes it, in Russian whatever the interface language.
            let heading = Lang::Ru.word(match role {
                Column::Activity => "document-activities",
                Column::Time => "document-time",
                Column::Responsible => "document-responsible",
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
            GuessKind::NoYear { year } => msg!("import-no-year", year = year.to_string()),
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
