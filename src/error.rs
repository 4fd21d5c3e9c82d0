//! Everything that stops a command from running, as typed values that know their exit code.
//!
//! An error carries only the facts (path, span, offending text); `message` and `help` (in
//! `error/message.rs`) name them as messages of the catalogue, and `render::error` says them.

pub(crate) mod message;

pub use message::io_reason;

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
    /// `--responsible WHO` matches several parties only by part of their names (`ВСМС`): each
    /// candidate's id and name, to choose from.
    AmbiguousParty { who: String, candidates: Vec<(String, String)> },
    /// `--section` names no section; `known` is every section title, in order.
    UnknownSection { query: String, known: Vec<String> },
    /// `show` and friends: no activity has this id or number.
    UnknownActivity { query: String, suggestion: Option<String> },
    /// `plan hook --install` outside a git repository.
    NotARepository,
    /// `plan hook --install` would replace a hook the user already has.
    HookExists { path: PathBuf },
    /// The hook could not be written.
    HookWrite { path: PathBuf, source: io::Error },
    // ----- recording meetings and new plans (`held`, `planned`, `cancel`, `new`) -----
    /// A DATE argument that is not a date; `error` says why (a day past its month's end, a year
    /// past 9999) where it can.
    NotADate { text: String, error: crate::when::DateError },
    /// `held`, `planned` or `cancel` refused for activity `number`; the file is untouched.
    Refused { number: String, title: String, reason: Refusal },
    /// The activity (`number`), or the whole file, is not laid out in a way `plan` can change
    /// without rewriting it.
    CannotEdit { path: String, number: Option<String> },
    /// The changed text did not read back as intended (a bug in `plan`); nothing was written.
    EditBroke { path: String, invalid: Option<Box<Invalid>> },
    /// The plan file changed on disk after `plan` read it; nothing was written.
    ChangedOnDisk { path: PathBuf },
    /// Writing a plan file failed; the original is untouched and no temporary file is left.
    Write { path: PathBuf, error: io::Error },
    /// `plan new` never overwrites a file.
    OutputExists { path: PathBuf },
    /// The plan ends lines with a lone carriage return (old Mac style), first at `line`: the
    /// editors of `held`, `planned`, `cancel` and `new` keep line ends as they are and know only
    /// LF and CRLF.
    LoneCarriageReturn { path: String, line: usize },
    /// `export -o` / `report -o` name a plan file: a `*.toml` file, or one that looks like a plan.
    OutputIsPlan { path: PathBuf },
    // ----- issue 23: writes that never surprise -----
    /// `-o` names an existing file that `plan` did not write; `--force` replaces it.
    OutputNotOurs { path: PathBuf },
    /// `-o` names a folder.
    OutputIsFolder { path: PathBuf },
    /// `-o` names a symbolic link: `plan` never writes through one.
    OutputIsSymlink { path: PathBuf },
    /// `plan hook --install` would replace a symbolic link (to `target`) without `--force`.
    HookIsSymlink { path: PathBuf, target: PathBuf },
    /// Another process held the plan's lock for `seconds` seconds; nothing was written.
    LockTimeout { path: PathBuf, seconds: u64 },
    /// A `plans/` folder that discovery could not list (no permission).
    FolderUnreadable { path: PathBuf },
    /// `PLAN_LOCK_TIMEOUT` is not a number of seconds.
    BadLockTimeout { text: String },
    /// The edit would make the plan larger than the loader reads; nothing was written.
    EditTooLarge { path: PathBuf, size: u64, limit: u64 },
    /// `result` or `cancel --note` on an activity whose `key` already holds another `text`.
    TextExists { number: String, title: String, key: &'static str, text: String },
    /// `plan new YEAR`: YEAR must come after the year of the source plan at `path` (and be at
    /// most 9999).
    YearNotAfter { year: i32, path: String, source: i32 },
    /// `plan new YEAR`: the new plan would end in `end`, after 9999, the last year a date can have.
    YearOutOfRange { year: i32, path: String, end: i32 },
    /// `plan new`: times that name a date which does not exist in the new year.
    TimesDoNotFit { path: String, year: i32, times: Vec<MisfitTime> },
    /// Writing the output failed (a closed pipe is not an error and never gets here).
    Output(io::Error),
    /// `export docx` / `report --format docx` without `-o`, with standard output a terminal.
    BinaryToTerminal { format: &'static str },
    // ----- issue 15: `plan import` -----
    /// The .docx at `path` could not be imported.
    Import { path: PathBuf, problem: crate::import::Problem },
    /// `plan import` never overwrites a file.
    ImportExists { path: PathBuf },
    // ----- issue 24: `plan rollup` -----
    /// `plan rollup DIR`: DIR is not a folder.
    NotAFolder { path: PathBuf },
}

impl Error {
    /// Every `Error` means the command could not run (spec §5).
    #[must_use]
    pub fn exit_code(&self) -> ExitCode {
        crate::exit::Exit::Error.into()
    }
}

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Without a language: the message id and its arguments (users see `render::error`).
        write!(f, "{}", self.message())
    }
}

impl std::error::Error for Error {}

impl From<io::Error> for Error {
    fn from(error: io::Error) -> Self {
        Error::Output(error)
    }
}

/// Why `plan held`, `plan planned` or `plan cancel` will not make a change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// The date lies outside the plan period.
    OutsidePlan { date: NaiveDate, plan: DateRange },
    /// `held` already has this date.
    AlreadyHeld { date: NaiveDate },
    /// `planned` already has this date.
    AlreadyPlanned { date: NaiveDate },
    /// A meeting cannot be recorded as held after the as-of date (today).
    HeldInFuture { date: NaiveDate, as_of: NaiveDate },
    /// A date to plan has already passed.
    PlannedInPast { date: NaiveDate, as_of: NaiveDate },
    /// The activity is cancelled: it is neither held nor planned.
    Cancelled,
    /// `cancel` on a cancelled activity, with no new note.
    AlreadyCancelled,
}

/// A `when` that `plan new` cannot carry into the new year; `activity` is `None` for a
/// section's own `when`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MisfitTime {
    /// The section's number, from 1.
    pub section: u32,
    /// The activity's number within the section, from 1.
    pub activity: Option<u32>,
    /// The `when` as written.
    pub when: String,
}

/// Why the plan file could not be read.
#[derive(Debug)]
pub enum ReadProblem {
    NotFound,
    PermissionDenied,
    IsDirectory,
    /// A FIFO, a socket or a device: reading it could block forever or never end.
    NotAFile,
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
    /// A value the TOML library refused for a reason not typed below (serde's message).
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
    /// A `when` or a `period` the grammar does not read.
    BadWhen {
        text: String,
        error: WhenError,
        /// The text is a `period`: its help cannot send the reader to `period` again.
        in_period: bool,
    },
    /// A deadline without a year (`до 15 марта`) in a plan that spans several years.
    DeadlineWithoutYear {
        text: String,
        start: NaiveDate,
        end: NaiveDate,
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
    /// The file is UTF-16 (Notepad's "Unicode"), not UTF-8.
    Utf16,
    /// A value of another type than the key takes (`year = "2019"`, `responsible = "presidium"`);
    /// `key` is the key written before it, when there is one on its line.
    WrongType {
        key: Option<String>,
        found: Found,
        expected: Expected,
    },
    /// A date in quotes (`held = ["2019-05-01"]`): TOML reads it as text. `written` is the quoted
    /// string as written, `date` the date as TOML wants it (`2019-05-01`, also for `"01.05.2019"`).
    QuotedDate {
        written: String,
        date: String,
    },
    /// A date with a time of day where only a date is kept (`2019-05-01T10:00:00`).
    DateWithTime {
        text: String,
    },
    /// A value outside a fixed set (`rule = "weekly"`); `expected` lists the allowed ones, `key`
    /// is the key it was given to, when known.
    UnknownValue {
        key: Option<String>,
        value: String,
        expected: Vec<String>,
    },
    /// A date that does not exist, or is not written `YYYY-MM-DD` (`2019-02-30`, `2019-1-1`).
    BadDate {
        text: String,
        fault: DateFault,
    },
    /// The same key (or table) twice in one table.
    DuplicateKey {
        key: String,
    },
    /// A quoted string that the line ends before closing.
    UnclosedString,
    /// Text written without quotes (`title = План`).
    UnquotedText,
    /// Brackets or braces nested deeper than the TOML parser goes.
    TooDeep,
    /// A backslash escape in quoted text that TOML does not know (`"C:\plans"`).
    BadEscape,
    /// A key with no `=` after it (`title: "A"`, a stray word).
    MissingEquals,
    /// Nothing after `=`.
    MissingValue,
    /// No comma between the items of a list or an inline table.
    MissingComma,
    /// A `[`, `[[` or `{` whose closing `]`, `]]` or `}` is missing.
    Unclosed {
        closing: &'static str,
    },
    /// More after a value on its line (`title = "A" "B"`, `year = 2019,`).
    TrailingText,
    /// A key with characters a bare key cannot have (`когда = ...`), or none at all.
    BadKey,
    /// A date written as people write it (`24.10.2019`, `2019/10/24`), which TOML cannot read;
    /// `date` is the same day as TOML writes it, `None` when no such day exists.
    NotTomlDate {
        written: String,
        date: Option<String>,
    },
    /// A control character written as it is (TOML wants it escaped, or not at all).
    ControlCharacter {
        code: u32,
    },
    /// A comma with no item before it (`[2019-03-14,,]`, `[, "a"]`).
    ExtraComma,
    /// A value that starts like a number but is none TOML reads (`1__0`, `1e`, `.5`, `0b2`).
    BadNumber {
        text: String,
    },
}

/// What stood where a value of another type was expected, as the file writes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Found {
    /// A quoted string, shown quoted and escaped: `"2019"`.
    Text(String),
    /// An integer or a float, as written.
    Number(String),
    /// `true` or `false`.
    Boolean(String),
    /// A date or a date and time, as written.
    Date(String),
    /// An array `[...]`.
    List,
    /// A table `{...}` or `[table]`.
    Table,
    /// Anything else, in the TOML library's words.
    Other(String),
}

/// What a key takes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Expected {
    /// A quoted string.
    Text,
    /// An integer.
    WholeNumber,
    /// An array.
    List,
    /// A table.
    Table,
    /// A TOML local date.
    Date,
    /// Anything else, in the TOML library's words.
    Other(String),
}

/// Why a written date is not a date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DateFault {
    /// The month is not 1 to 12.
    NoSuchMonth(u32),
    /// The day is past the month's last (`days`) or zero.
    NoSuchDay { year: i32, month: u32, days: u32 },
    /// Not `YYYY-MM-DD` (a one-digit month, a bad time after it).
    Form,
}
