//! What each error says, as a message of the catalogue (`locales/*/errors.ftl`, `file.ftl`),
//! with the facts it carries as arguments, and the help that goes with it.

use std::io;

use crate::error::{DateFault, Error, Expected, Found, Problem, ReadProblem, Refusal};
use crate::i18n::{Message, msg, nearest};
use crate::when::{WhenError, WhenErrorKind};

/// Why `text`, typed where a DATE goes, is not one: the month's days («в апреле 30 дней»), a year
/// past 9999, or no such day.
#[must_use]
pub(crate) fn not_a_date(text: &str, error: crate::when::DateError) -> Message {
    let text = text.trim();
    match error {
        crate::when::DateError { short_month: Some((year, month, days)), .. } => {
            msg!("problem-no-such-day", text = text, month = month_name(month), year = year.to_string(), days = days)
        }
        crate::when::DateError { year_out_of_range: true, .. } => msg!("when-year-out-of-range", text = text),
        crate::when::DateError { no_such_day: true, .. } => msg!("not-a-date-no-such-day", text = text),
        crate::when::DateError { .. } => msg!("not-a-date", text = text),
    }
}

/// `a`, `b`, `c` in backticks, comma-separated.
fn quoted_list<'a>(items: impl Iterator<Item = &'a str>) -> String {
    items.map(|item| format!("`{item}`")).collect::<Vec<_>>().join(", ")
}

/// Why an I/O operation failed, in words of the catalogue where the kind is a common one.
#[must_use]
pub fn io_reason(error: &io::Error) -> Message {
    match error.get_ref().and_then(|inner| inner.downcast_ref::<crate::write::Refused>()) {
        Some(crate::write::Refused::NotARegularFile) => return msg!("io-not-a-regular-file"),
        Some(crate::write::Refused::KeepGroup { gid, error }) => {
            return msg!("io-keep-group", gid = gid.to_string(), reason = io_reason(error));
        }
        Some(crate::write::Refused::KeepAttribute { name, error }) => {
            return msg!("io-keep-attribute", name = name, reason = io_reason(error));
        }
        None => {}
    }
    match error.kind() {
        io::ErrorKind::NotFound => msg!("io-not-found"),
        io::ErrorKind::PermissionDenied => msg!("io-permission-denied"),
        io::ErrorKind::AlreadyExists => msg!("io-already-exists"),
        io::ErrorKind::IsADirectory => msg!("io-is-a-directory"),
        io::ErrorKind::StorageFull => msg!("io-storage-full"),
        io::ErrorKind::ReadOnlyFilesystem => msg!("io-read-only"),
        io::ErrorKind::BrokenPipe => msg!("io-broken-pipe"),
        _ if is_loop(error) => msg!("io-loop"),
        _ => msg!("io-other", reason = error.to_string()),
    }
}

/// Too many symbolic links: a loop (`io::ErrorKind::FilesystemLoop` is not stable yet).
fn is_loop(error: &io::Error) -> bool {
    #[cfg(unix)]
    return error.raw_os_error() == Some(libc::ELOOP);
    #[cfg(not(unix))]
    return false;
}

impl Error {
    /// What went wrong, in one line. [`Error::Invalid`] says only how many problems the file has;
    /// each of them is a [`Problem`] with its own place in the file.
    #[must_use]
    // One arm per variant: splitting the match would only hide which variant says what.
    #[allow(clippy::too_many_lines)]
    pub fn message(&self) -> Message {
        match self {
            Error::NoPlanFound { searched_from } => msg!("no-plan-found", path = searched_from.display().to_string()),
            Error::Read { path, problem } => {
                let path = path.display().to_string();
                match problem {
                    ReadProblem::NotFound => msg!("read-not-found", path = path),
                    ReadProblem::PermissionDenied => msg!("read-permission", path = path),
                    ReadProblem::IsDirectory => msg!("read-directory", path = path),
                    ReadProblem::NotAFile => msg!("read-not-a-file", path = path),
                    ReadProblem::TooLarge { size, limit } => {
                        msg!("read-too-large", path = path, size = *size, limit = *limit, mib = *limit >> 20)
                    }
                    ReadProblem::Other(io) => msg!("read-other", path = path, reason = io_reason(io)),
                }
            }
            Error::Invalid(invalid) => msg!("invalid-count", path = &invalid.path, count = invalid.diagnostics.len()),
            Error::BadPeriod { text, error } => error.message(text),
            Error::BadDate { option, text } => msg!("bad-date-option", option = *option, text = text),
            Error::UnknownParty { who, .. } => msg!("unknown-party-option", who = who),
            Error::AmbiguousParty { who, .. } => msg!("ambiguous-party-option", who = who),
            Error::UnknownSection { query, .. } => msg!("unknown-section", query = query),
            Error::UnknownActivity { query, .. } => msg!("unknown-activity", query = query),
            Error::NotARepository => msg!("not-a-repository"),
            Error::HookExists { path } => msg!("hook-exists", path = path.display().to_string()),
            Error::HookWrite { path, source } => {
                msg!("hook-write", path = path.display().to_string(), reason = io_reason(source))
            }
            Error::NotADate { text, error } => not_a_date(text, *error),
            Error::Refused { number, title, reason } => {
                let title = crate::i18n::nested_quotes(&crate::render::clip(title)).into_owned();
                msg!("refused", who = msg!("who-numbered", number = number, title = title), why = reason.message())
            }
            Error::CannotEdit { path, number: Some(number) } => {
                msg!("cannot-edit-activity", path = path, number = number)
            }
            Error::CannotEdit { path, number: None } => msg!("cannot-edit-file", path = path),
            Error::EditBroke { path, invalid } => {
                let first = invalid.as_ref().and_then(|invalid| Some((invalid, invalid.diagnostics.first()?)));
                match first {
                    Some((invalid, diagnostic)) => {
                        let pos = invalid.pos(diagnostic);
                        msg!(
                            "edit-broke-at",
                            path = path,
                            line = pos.line,
                            column = pos.column,
                            problem = diagnostic.problem.message()
                        )
                    }
                    None => msg!("edit-broke", path = path),
                }
            }
            Error::ChangedOnDisk { path } => msg!("changed-on-disk", path = path.display().to_string()),
            Error::Write { path, error } => msg!("write", path = path.display().to_string(), reason = io_reason(error)),
            Error::OutputExists { path } => msg!("output-exists", path = path.display().to_string()),
            Error::YearNotAfter { year, path, source } => {
                msg!("year-not-after", year = year.to_string(), path = path, source = source.to_string())
            }
            Error::YearOutOfRange { year, path, end } => {
                msg!("year-out-of-range", year = year.to_string(), path = path, end = end.to_string())
            }
            Error::TimesDoNotFit { path, year, times } => {
                let list: Vec<Message> = times
                    .iter()
                    .map(|time| {
                        let place = match time.activity {
                            Some(activity) => msg!("misfit-activity", number = format!("{}.{activity}", time.section)),
                            None => msg!("misfit-section", section = time.section),
                        };
                        msg!("misfit-time", place = place, when = &time.when)
                    })
                    .collect();
                msg!("times-do-not-fit", path = path, year = year.to_string(), list = list)
            }
            Error::OutputIsPlan { path } => msg!("output-is-plan", path = path.display().to_string()),
            Error::OutputNotOurs { path } => msg!("output-not-ours", path = path.display().to_string()),
            Error::OutputIsFolder { path } => msg!("output-is-folder", path = path.display().to_string()),
            Error::OutputIsSymlink { path } => msg!("output-is-symlink", path = path.display().to_string()),
            Error::HookIsSymlink { path, target } => {
                msg!("hook-is-symlink", path = path.display().to_string(), target = target.display().to_string())
            }
            Error::LockTimeout { path, seconds } => {
                msg!("lock-timeout", path = path.display().to_string(), seconds = *seconds)
            }
            Error::BadLockTimeout { text } => msg!("bad-lock-timeout", text = text),
            Error::FolderUnreadable { path } => msg!("folder-unreadable", path = path.display().to_string()),
            Error::EditTooLarge { path, size, limit } => msg!(
                "edit-too-large",
                path = path.display().to_string(),
                size = *size,
                limit = *limit,
                mib = *limit >> 20
            ),
            Error::TextExists { number, title, key, text } => msg!(
                "text-exists",
                who = msg!("who-numbered", number = number, title = crate::render::clip(title)),
                key = *key,
                text = crate::render::clip(text)
            ),
            Error::LoneCarriageReturn { path, line } => msg!("lone-carriage-return", path = path, line = *line),
            Error::Output(io) => msg!("output", reason = io_reason(io)),
            Error::BinaryToTerminal { format } => msg!("binary-to-terminal", format = *format),
            Error::Import { path, problem } => problem.message(&path.display().to_string()),
            Error::ImportExists { path } => msg!("import-exists", path = path.display().to_string()),
            Error::NotAFolder { path } => msg!("rollup-dir-not-a-folder", path = path.display().to_string()),
        }
    }

    /// How to fix it, when there is something useful to say.
    #[must_use]
    pub fn help(&self) -> Option<Message> {
        Some(match self {
            Error::NoPlanFound { .. } => msg!("no-plan-found-help"),
            Error::Read { problem, .. } => match problem {
                ReadProblem::NotFound => msg!("read-not-found-help"),
                ReadProblem::PermissionDenied => msg!("read-permission-help"),
                ReadProblem::IsDirectory => msg!("read-directory-help"),
                ReadProblem::NotAFile => msg!("read-not-a-file-help"),
                ReadProblem::TooLarge { .. } => msg!("read-too-large-help"),
                ReadProblem::Other(io) if is_loop(io) => msg!("io-loop-help"),
                ReadProblem::Other(_) => return None,
            },
            Error::BadPeriod { error, .. } => return error.help(),
            Error::BadDate { .. } => msg!("bad-date-option-help"),
            Error::UnknownParty { known, .. } => {
                let list: Vec<String> = known.iter().map(|(id, name)| format!("{name} (`{id}`)")).collect();
                msg!("known-parties", list = list.join(", "))
            }
            Error::AmbiguousParty { candidates, .. } => {
                let list: Vec<String> = candidates.iter().map(|(id, name)| format!("{name} (`{id}`)")).collect();
                msg!("ambiguous-party-help", list = list.join(", "))
            }
            Error::UnknownSection { known, .. } => {
                let list: Vec<String> =
                    known.iter().enumerate().map(|(i, t)| format!("\n      {}. {t}", i + 1)).collect();
                let list = list.concat();
                msg!("unknown-section-help", list = list)
            }
            Error::UnknownActivity { suggestion: Some(suggestion), .. } => {
                msg!("did-you-mean", suggestion = suggestion)
            }
            Error::UnknownActivity { suggestion: None, .. } => msg!("unknown-activity-help"),
            Error::NotARepository => msg!("not-a-repository-help"),
            Error::HookExists { .. } => msg!("hook-exists-help"),
            Error::NotADate { .. } => msg!("not-a-date-help"),
            Error::Refused { number, reason, .. } => return reason.help(number),
            Error::CannotEdit { .. } => msg!("by-hand"),
            Error::EditBroke { .. } => msg!("edit-broke-help"),
            Error::ChangedOnDisk { .. } => msg!("changed-on-disk-help"),
            Error::Write { error, .. } if error.kind() == io::ErrorKind::PermissionDenied => msg!("write-help"),
            Error::Write { error, .. } if is_loop(error) => msg!("io-loop-help"),
            Error::OutputExists { .. } => msg!("output-exists-help"),
            Error::OutputIsPlan { .. } => msg!("output-is-plan-help"),
            Error::OutputNotOurs { .. } => msg!("output-not-ours-help"),
            Error::OutputIsFolder { .. } => msg!("output-is-folder-help"),
            Error::OutputIsSymlink { .. } => msg!("output-is-symlink-help"),
            Error::HookIsSymlink { .. } => msg!("hook-is-symlink-help"),
            Error::LockTimeout { .. } => msg!("lock-timeout-help"),
            Error::BadLockTimeout { .. } => msg!("bad-lock-timeout-help"),
            Error::FolderUnreadable { path } => msg!("folder-unreadable-help", path = path.display().to_string()),
            Error::EditTooLarge { .. } => msg!("edit-too-large-help"),
            Error::TextExists { number, key, .. } => msg!("text-exists-help", number = number, key = *key),
            Error::LoneCarriageReturn { .. } => msg!("lone-carriage-return-help"),
            Error::BinaryToTerminal { format } => msg!("binary-to-terminal-help", format = *format),
            Error::Import { path, problem } => problem.help(&path.display().to_string()),
            Error::ImportExists { .. } => msg!("import-exists-help"),
            Error::NotAFolder { .. } => msg!("rollup-dir-not-a-folder-help"),
            Error::YearNotAfter { source, .. } => msg!("year-not-after-help", next = (source + 1).to_string()),
            Error::YearOutOfRange { .. } => msg!("year-out-of-range-help"),
            Error::TimesDoNotFit { .. } => msg!("times-do-not-fit-help"),
            Error::Invalid(_) | Error::HookWrite { .. } | Error::Write { .. } | Error::Output(_) => return None,
        })
    }
}

impl Refusal {
    /// Why the change was refused.
    #[must_use]
    // One arm per variant: splitting the match would only hide which variant says what.
    #[allow(clippy::too_many_lines)]
    pub fn message(&self) -> Message {
        match self {
            Refusal::OutsidePlan { date, plan } => msg!("refusal-outside-plan", date = *date, plan = *plan),
            Refusal::AlreadyHeld { date } => msg!("refusal-already-held", date = *date),
            Refusal::AlreadyPlanned { date } => msg!("refusal-already-planned", date = *date),
            Refusal::HeldInFuture { date, as_of } => msg!("refusal-held-in-future", date = *date, as_of = *as_of),
            Refusal::PlannedInPast { date, as_of } => msg!("refusal-planned-in-past", date = *date, as_of = *as_of),
            Refusal::Cancelled => msg!("refusal-cancelled"),
            Refusal::AlreadyCancelled => msg!("refusal-already-cancelled"),
        }
    }

    /// What to do instead; `number` is the activity's.
    #[must_use]
    pub fn help(&self, number: &str) -> Option<Message> {
        Some(match self {
            Refusal::OutsidePlan { .. } => msg!("refusal-outside-plan-help"),
            Refusal::AlreadyHeld { .. } | Refusal::AlreadyPlanned { .. } => msg!("refusal-show", number = number),
            Refusal::HeldInFuture { date, .. } => {
                msg!("refusal-held-in-future-help", number = number, date = *date)
            }
            Refusal::PlannedInPast { date, .. } => {
                msg!("refusal-planned-in-past-help", number = number, date = *date)
            }
            Refusal::Cancelled => msg!("refusal-cancelled-help"),
            Refusal::AlreadyCancelled => msg!("refusal-already-cancelled-help"),
        })
    }
}

impl WhenError {
    /// Why the time expression `text` was refused.
    #[must_use]
    pub fn message(&self, text: &str) -> Message {
        match &self.kind {
            WhenErrorKind::Empty => msg!("when-empty"),
            WhenErrorKind::Unknown => msg!("when-unknown", text = text),
            WhenErrorKind::InvalidDate => msg!("when-invalid-date", text = text),
            WhenErrorKind::Reversed { from, to } => msg!("when-reversed", text = text, from = *from, to = *to),
            WhenErrorKind::DeadlineBeforeStart { start, deadline } => {
                msg!("when-deadline-before-start", text = text, start = *start, deadline = *deadline)
            }
            WhenErrorKind::RecurrenceOnlyInFile => msg!("when-recurrence-only-in-file", text = text),
            WhenErrorKind::RelativeOnlyOnCommandLine => msg!("when-relative-only-on-command-line", text = text),
            WhenErrorKind::ZeroCount => msg!("when-zero-count", text = text),
            WhenErrorKind::NoSuchDay { year, month, days } => msg!(
                "problem-no-such-day",
                text = text.get(self.span.clone()).unwrap_or(text).trim(),
                month = month_name(*month),
                year = year.to_string(),
                days = *days
            ),
            WhenErrorKind::YearOutOfRange => {
                msg!("when-year-out-of-range", text = text.get(self.span.clone()).unwrap_or(text).trim())
            }
            WhenErrorKind::TooLarge => {
                msg!("when-too-large", text = text, number = text.get(self.span.clone()).unwrap_or(text))
            }
        }
    }

    /// The suggestion, or the accepted forms.
    #[must_use]
    pub fn help(&self) -> Option<Message> {
        if let Some(suggestion) = &self.suggestion {
            return Some(msg!("did-you-mean", suggestion = suggestion));
        }
        Some(match self.kind {
            WhenErrorKind::Reversed { .. } => msg!("when-reversed-help"),
            WhenErrorKind::DeadlineBeforeStart { .. } => msg!("when-deadline-before-start-help"),
            WhenErrorKind::InvalidDate | WhenErrorKind::NoSuchDay { .. } => msg!("when-invalid-date-help"),
            WhenErrorKind::YearOutOfRange => msg!("when-year-out-of-range-help"),
            WhenErrorKind::TooLarge => msg!("when-too-large-help"),
            _ => msg!("when-accepted"),
        })
    }
}

impl Expected {
    fn message(&self) -> Message {
        match self {
            Expected::Text => msg!("expected-text"),
            Expected::WholeNumber => msg!("expected-whole-number"),
            Expected::List => msg!("expected-list"),
            Expected::Table => msg!("expected-table"),
            Expected::Date => msg!("expected-date"),
            Expected::Other(other) => msg!("expected-other", text = other),
        }
    }
}

impl Found {
    fn message(&self) -> Message {
        match self {
            Found::Text(text) => msg!("found-text", text = text),
            Found::Number(text) => msg!("found-number", text = text),
            Found::Date(text) => msg!("found-date", text = text),
            Found::Boolean(text) => msg!("found-boolean", text = text),
            Found::List => msg!("found-list"),
            Found::Table => msg!("found-table"),
            Found::Other(other) => msg!("found-other", text = other),
        }
    }
}

/// The name of a month (1 to 12), in the form "in FEBRUARY 2019" takes.
fn month_name(month: u32) -> Message {
    const IDS: [&str; 12] = [
        "month-name-1",
        "month-name-2",
        "month-name-3",
        "month-name-4",
        "month-name-5",
        "month-name-6",
        "month-name-7",
        "month-name-8",
        "month-name-9",
        "month-name-10",
        "month-name-11",
        "month-name-12",
    ];
    Message::new(IDS[(month.clamp(1, 12) - 1) as usize])
}

impl Problem {
    /// What is wrong, in one line.
    #[must_use]
    // One arm per variant: splitting the match would only hide which variant says what.
    #[allow(clippy::too_many_lines)]
    pub fn message(&self) -> Message {
        match self {
            Problem::Empty => msg!("problem-empty"),
            Problem::Binary => msg!("problem-binary"),
            Problem::NotUtf8 => msg!("problem-not-utf8"),
            Problem::MergeConflict { marker } => msg!("problem-merge-conflict", marker = marker),
            Problem::Syntax { message } => {
                let message = message.lines().next().unwrap_or("").trim_end_matches('.');
                msg!("problem-syntax", message = message)
            }
            Problem::UnknownKey { key, .. } => msg!("problem-unknown-key", key = key),
            Problem::MissingKey { key } if key == "plan" => msg!("problem-missing-plan"),
            Problem::MissingKey { key } => msg!("problem-missing-key", key = key),
            Problem::WrongValue { message } => msg!("problem-wrong-value", message = message),
            Problem::MissingYear => msg!("problem-missing-year"),
            Problem::YearOutOfRange { year } => msg!("problem-year-out-of-range", year = year.to_string()),
            Problem::StartAfterEnd { start, end } => msg!("problem-start-after-end", start = *start, end = *end),
            Problem::BadId { id } => msg!("problem-bad-id", id = id),
            Problem::UnknownParty { id, .. } => msg!("problem-unknown-party", id = id),
            Problem::DuplicateId { id, first } => msg!("problem-duplicate-id", id = id, line = first.line),
            Problem::EmptyTitle => msg!("problem-empty-title"),
            Problem::MissingWhen => msg!("problem-missing-when"),
            Problem::MissingResponsible => msg!("problem-missing-responsible"),
            Problem::BadWhen { text, error, .. } => error.message(text),
            Problem::DeadlineWithoutYear { text, start, end } => {
                msg!("problem-deadline-without-year", text = text, start = *start, end = *end)
            }
            Problem::WindowOutsidePlan { range, plan } => {
                msg!("problem-window-outside-plan", range = *range, plan = *plan)
            }
            Problem::NotRecurring { key } => msg!("problem-not-recurring", key = *key),
            Problem::LastBeforeInPlan { date, start } => {
                msg!("problem-last-before-in-plan", date = *date, start = *start)
            }
            Problem::Utf16 => msg!("problem-utf16"),
            Problem::WrongType { key: Some(key), found, expected } => {
                msg!("problem-wrong-type-key", key = key, expected = expected.message(), found = found.message())
            }
            Problem::WrongType { key: None, found, expected } => {
                msg!("problem-wrong-type", expected = expected.message(), found = found.message())
            }
            Problem::QuotedDate { written, .. } => msg!("problem-quoted-date", written = written),
            Problem::DateWithTime { text } => msg!("problem-date-with-time", text = text),
            Problem::UnknownValue { key: Some(key), value, .. } => {
                msg!("problem-unknown-value-key", key = key, value = value)
            }
            Problem::UnknownValue { key: None, value, .. } => msg!("problem-unknown-value", value = value),
            Problem::BadDate { text, fault } => match fault {
                DateFault::NoSuchMonth(month) => msg!("problem-no-such-month", text = text, month = *month),
                DateFault::NoSuchDay { year, month, days } => msg!(
                    "problem-no-such-day",
                    text = text,
                    month = month_name(*month),
                    year = year.to_string(),
                    days = *days
                ),
                DateFault::Form => msg!("problem-bad-date", text = text),
            },
            Problem::DuplicateKey { key } => msg!("problem-duplicate-key", key = key),
            Problem::UnclosedString => msg!("problem-unclosed-string"),
            Problem::UnquotedText => msg!("problem-unquoted-text"),
            Problem::TooDeep => msg!("problem-too-deep"),
            Problem::BadEscape => msg!("problem-bad-escape"),
            Problem::MissingEquals => msg!("problem-missing-equals"),
            Problem::MissingValue => msg!("problem-missing-value"),
            Problem::MissingComma => msg!("problem-missing-comma"),
            Problem::Unclosed { closing } => msg!("problem-unclosed", closing = *closing),
            Problem::TrailingText => msg!("problem-trailing-text"),
            Problem::BadKey => msg!("problem-bad-key"),
            Problem::NotTomlDate { written, .. } => msg!("problem-not-toml-date", written = written),
            Problem::ControlCharacter { code } => {
                msg!("problem-control-character", hex = format!("{code:04X}"), short = format!("{code:x}"))
            }
            Problem::ExtraComma => msg!("problem-extra-comma"),
            Problem::BadNumber { text } => msg!("problem-bad-number", text = text),
        }
    }

    /// How to fix it, when there is something useful to say.
    #[must_use]
    pub fn help(&self) -> Option<Message> {
        Some(match self {
            Problem::MissingKey { key } if key == "on" => msg!("help-missing-on"),
            Problem::MissingKey { key } if key != "plan" => msg!("help-missing-key", key = key),
            Problem::Empty | Problem::MissingKey { .. } => msg!("help-empty"),
            Problem::Binary | Problem::NotUtf8 => msg!("help-binary"),
            Problem::MergeConflict { .. } => msg!("help-merge-conflict"),
            Problem::UnknownKey { key, expected } | Problem::UnknownValue { value: key, expected, .. } => {
                let list = quoted_list(expected.iter().map(String::as_str));
                match nearest(key, expected.iter().map(String::as_str)) {
                    Some(nearest) => msg!("help-did-you-mean-allowed", nearest = nearest, list = list),
                    None if expected.is_empty() => msg!("see-readme"),
                    None => msg!("help-allowed", list = list),
                }
            }
            Problem::WrongValue { .. } => msg!("see-readme"),
            Problem::Syntax { .. } => msg!("help-syntax"),
            Problem::MissingYear | Problem::YearOutOfRange { .. } => msg!("help-year"),
            Problem::StartAfterEnd { .. } => msg!("help-start-after-end"),
            Problem::BadId { .. } => msg!("help-bad-id"),
            Problem::UnknownParty { id, known } => {
                let list = quoted_list(known.iter().map(String::as_str));
                match nearest(id, known.iter().map(String::as_str)) {
                    Some(nearest) => msg!("help-unknown-party-nearest", nearest = nearest, list = list),
                    None => msg!("help-unknown-party", list = list),
                }
            }
            Problem::DuplicateId { .. } => msg!("help-duplicate-id"),
            Problem::EmptyTitle => msg!("help-empty-title"),
            Problem::MissingWhen => msg!("help-missing-when"),
            Problem::MissingResponsible => msg!("help-missing-responsible"),
            // In the file an unreadable time can keep its words when `period` gives the dates.
            Problem::BadWhen { error, in_period: false, .. }
                if error.kind == WhenErrorKind::Unknown && error.suggestion.is_none() =>
            {
                msg!("when-accepted-file")
            }
            Problem::BadWhen { error, .. } => return error.help(),
            Problem::DeadlineWithoutYear { .. } => msg!("help-deadline-without-year"),
            Problem::WindowOutsidePlan { .. } => msg!("help-window-outside-plan"),
            Problem::NotRecurring { key } => msg!("help-not-recurring", key = *key),
            Problem::LastBeforeInPlan { .. } => msg!("help-last-before-in-plan"),
            Problem::Utf16 => msg!("help-utf16"),
            Problem::WrongType { expected: Expected::List, found: Found::Table, .. } => msg!("help-list-not-table"),
            Problem::WrongType { expected: Expected::Table, found: Found::List, .. } => msg!("help-table-not-list"),
            Problem::WrongType { key, expected, .. } => {
                let key = key.as_deref();
                let example = match (expected, key) {
                    (Expected::Text, key) => format!("`{} = \"...\"`", key.unwrap_or("title")),
                    (Expected::WholeNumber, key) => format!("`{} = 2019`", key.unwrap_or("year")),
                    (Expected::List, Some(key @ ("held" | "planned"))) => format!("`{key} = [2019-03-14]`"),
                    (Expected::List, Some(key @ ("aliases" | "responsible" | "agreed_with"))) => {
                        format!("`{key} = [\"presidium\"]`")
                    }
                    (Expected::List, key) => format!("`{} = [\"...\"]`", key.unwrap_or("responsible")),
                    (Expected::Date, key) => format!("`{} = 2019-03-14`", key.unwrap_or("start")),
                    (Expected::Table | Expected::Other(_), _) => return Some(msg!("see-readme")),
                };
                match expected {
                    Expected::Text => msg!("help-wrong-type-text", example = example),
                    Expected::WholeNumber => msg!("help-wrong-type-number", example = example),
                    Expected::List => msg!("help-wrong-type-list", example = example),
                    _ => msg!("help-wrong-type-date", example = example),
                }
            }
            Problem::QuotedDate { date, .. } => msg!("help-quoted-date", date = date),
            Problem::DateWithTime { .. } => msg!("help-date-with-time"),
            Problem::BadDate { .. } => msg!("help-bad-date"),
            Problem::DuplicateKey { .. } => msg!("help-duplicate-key"),
            Problem::UnclosedString => msg!("help-unclosed-string"),
            Problem::UnquotedText => msg!("help-unquoted-text"),
            Problem::TooDeep => msg!("help-too-deep"),
            Problem::BadEscape => msg!("help-bad-escape"),
            Problem::MissingEquals => msg!("help-missing-equals"),
            Problem::MissingValue => msg!("help-missing-value"),
            Problem::MissingComma => msg!("help-missing-comma"),
            Problem::Unclosed { closing } => msg!("help-unclosed", closing = *closing),
            Problem::TrailingText => msg!("help-trailing-text"),
            Problem::BadKey => msg!("help-bad-key"),
            Problem::ControlCharacter { code } => msg!("help-control-character", hex = format!("{code:04X}")),
            Problem::NotTomlDate { date: Some(date), .. } => msg!("help-not-toml-date", date = date),
            Problem::NotTomlDate { date: None, .. } => msg!("help-not-toml-date-no-such-day"),
            Problem::ExtraComma => msg!("help-extra-comma"),
            Problem::BadNumber { .. } => msg!("help-bad-number"),
        })
    }
}
