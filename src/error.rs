//! Everything that stops a command from running, as typed values that know their exit code.
//!
//! The wording lives in [`crate::i18n`]: an error here carries only the facts (path, span,
//! offending text), so that it can be told in either language.

use std::io;
use std::ops::Range;
use std::path::PathBuf;
use std::process::ExitCode;

use chrono::NaiveDate;

use crate::span::{LineIndex, Pos};
use crate::when::{DateRange, WhenError};

/// A failure that ends the command with exit code 2.
#[derive(Debug)]
pub enum Error {
    /// No `--file`, and no `plans/` folder with a `*.toml` in the current directory or above.
    NoPlanFound { searched_from: PathBuf },
    /// The plan file could not be read as text.
    Read { path: PathBuf, problem: ReadProblem },
    /// The plan file was read but is not a valid plan.
    Invalid(Box<Invalid>),
    /// `--period` (or another time option) does not parse.
    BadPeriod { text: String, error: WhenError },
    /// A date option (`--as-of`) is not a date.
    BadDate { option: &'static str, text: String },
    /// `--responsible` names no party; `known` is (id, name) of every party.
    UnknownParty { who: String, known: Vec<(String, String)> },
    /// `--section` names no section; `known` is every section title, in order.
    UnknownSection { query: String, known: Vec<String> },
    /// `show` and friends: no activity has this id or number.
    UnknownActivity { query: String, suggestion: Option<String> },
    /// Writing the output failed (a closed pipe is not an error and never gets here).
    Output(io::Error),
}

impl Error {
    /// Every `Error` means the command could not run (spec §5).
    #[must_use]
    pub fn exit_code(&self) -> ExitCode {
        ExitCode::from(2)
    }
}

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&crate::i18n::Lang::En.error(self, false))
    }
}

impl std::error::Error for Error {}

impl From<io::Error> for Error {
    fn from(error: io::Error) -> Self {
        Error::Output(error)
    }
}

/// Why the plan file could not be read.
#[derive(Debug)]
pub enum ReadProblem {
    NotFound,
    PermissionDenied,
    IsDirectory,
    /// Larger than [`crate::model::MAX_PLAN_BYTES`]; refused before reading it whole.
    TooLarge {
        size: u64,
        limit: u64,
    },
    Other(io::Error),
}

/// A plan file with one or more problems, with the text needed to show each one in place.
#[derive(Debug)]
pub struct Invalid {
    /// The path as the user gave it (or as discovery found it).
    pub path: String,
    /// The file's text (lossy where it was not UTF-8), for the source line under each message.
    pub text: String,
    pub index: LineIndex,
    pub diagnostics: Vec<Diagnostic>,
}

impl Invalid {
    /// The 1-based line and column of a diagnostic.
    #[must_use]
    pub fn pos(&self, diagnostic: &Diagnostic) -> Pos {
        self.index.pos(&self.text, diagnostic.span.start)
    }
}

/// One problem at one place in the file.
#[derive(Debug, Clone, PartialEq)]
pub struct Diagnostic {
    /// Byte range in the file's text.
    pub span: Range<usize>,
    pub problem: Problem,
}

/// What is wrong with a plan file.
#[derive(Debug, Clone, PartialEq)]
pub enum Problem {
    /// The file holds nothing but white space and comments.
    Empty,
    /// A NUL byte: this is not a text file.
    Binary,
    /// Not valid UTF-8 from this byte on.
    NotUtf8,
    /// A git merge-conflict marker line (`<<<<<<<`, `=======`, `>>>>>>>`).
    MergeConflict {
        marker: String,
    },
    /// The TOML parser's own message (syntax, duplicate keys, nesting too deep).
    Syntax {
        message: String,
    },
    /// A key the format does not have; `expected` lists the keys allowed there.
    UnknownKey {
        key: String,
        expected: Vec<String>,
    },
    /// A required key is missing.
    MissingKey {
        key: String,
    },
    /// A value of the wrong type or an unknown enum value (serde's message).
    WrongValue {
        message: String,
    },
    /// `[plan]` has neither `year` nor both `start` and `end`.
    MissingYear,
    /// `year` outside 1..=9999.
    YearOutOfRange {
        year: i64,
    },
    StartAfterEnd {
        start: NaiveDate,
        end: NaiveDate,
    },
    /// A party or activity id that is not `[a-z0-9-]+`.
    BadId {
        id: String,
    },
    UnknownParty {
        id: String,
        known: Vec<String>,
    },
    DuplicateId {
        id: String,
        first: Pos,
    },
    EmptyTitle,
    /// No `when` on the activity nor on its section.
    MissingWhen,
    /// No `responsible` on the activity nor on its section.
    MissingResponsible,
    BadWhen {
        text: String,
        error: WhenError,
    },
    WindowOutsidePlan {
        range: DateRange,
        plan: DateRange,
    },
    /// `rule` or `last_before` on an activity whose `when` is not a recurrence.
    NotRecurring {
        key: &'static str,
    },
    /// `last_before` must lie before the plan's start.
    LastBeforeInPlan {
        date: NaiveDate,
        start: NaiveDate,
    },
}
