//! The time grammar: what a plan's `when` and the command line's `--period` mean.
//!
//! One grammar serves both (spec section 2), so a month, a quarter or a date
//! range reads the same in the file and on the command line; only recurrence
//! (file only) and relative forms (command line only) depend on the
//! [`Source`].
//!
//! The text is lexed once into tokens that keep their byte spans, so errors
//! point into the text as written. Words are lower-cased and `ё` is folded to
//! `е`, so every table below holds one spelling per form. Those tables are
//! the whole vocabulary: the parser matches against them and near-miss
//! suggestions are drawn from them, so a word the parser accepts is always a
//! word it can suggest.

mod lexer;
mod parser;
mod suggest;
mod vocabulary;

use std::fmt;
use std::ops::Range;

use chrono::NaiveDate;

use lexer::{first_not_understood, lex};
use parser::{Fail, Parser};
use suggest::suggest_fix;

/// Inclusive date range.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct DateRange {
    /// First day of the range.
    pub from: NaiveDate,
    /// Last day of the range, included.
    pub to: NaiveDate,
}

impl DateRange {
    /// Whether the two ranges share at least one day.
    #[must_use]
    pub fn overlaps(&self, other: &DateRange) -> bool {
        self.from <= other.to && other.from <= self.to
    }

    /// Whether `d` lies in the range, both ends included.
    #[must_use]
    pub fn contains(&self, d: NaiveDate) -> bool {
        self.from <= d && d <= self.to
    }
}

/// "At least `times` in every `every` months (or weeks)", the charter's wording of a
/// meeting-frequency rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Recurrence {
    /// Least number of occurrences per period; at least 1.
    pub times: u32,
    /// Length of the period in [`Unit`]s; at least 1.
    pub every: u32,
    /// What the period is counted in: calendar months, or weeks of seven days.
    pub unit: Unit,
    /// The text also said "as needed": the rule is a floor, not a timetable.
    pub as_needed: bool,
}

/// The unit a [`Recurrence`]'s period is counted in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Unit {
    /// Calendar months, clamped to the month's end (31 August + 6 months = 29 February).
    #[default]
    Month,
    /// Weeks of seven days; calendar blocks start on a Monday.
    Week,
}

/// What a time expression means.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Schedule {
    /// Dated windows in the order written; never empty when produced by [`parse`].
    Window(Vec<DateRange>),
    /// The whole plan period.
    WholePeriod,
    /// A recurring rule.
    AtLeast(Recurrence),
    /// Whenever needed, with no rule.
    AsNeeded,
}

impl Schedule {
    /// Whole-period, recurring and as-needed activities are "ongoing": they
    /// overlap every period inside the plan.
    #[must_use]
    pub fn is_ongoing(&self) -> bool {
        !matches!(self, Schedule::Window(_))
    }

    /// The `schedule.kind` JSON tag: `window`, `whole-period`, `at-least` or `as-needed`.
    #[must_use]
    pub fn kind(&self) -> &'static str {
        match self {
            Schedule::Window(_) => "window",
            Schedule::WholePeriod => "whole-period",
            Schedule::AtLeast(_) => "at-least",
            Schedule::AsNeeded => "as-needed",
        }
    }
}

/// Where the text comes from: recurrence forms are allowed only in the file,
/// relative forms only on the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    /// A `when` in the plan file.
    File,
    /// A `--period` argument.
    CommandLine,
}

/// What a month name, a quarter or a relative form resolves against.
#[derive(Debug, Clone, Copy)]
pub struct Context {
    /// The plan's year: `апрель` means April of this year.
    pub year: i32,
    /// The as-of date that `today`, `next month` and the like count from.
    pub today: NaiveDate,
}

/// Why a time expression was rejected. Data only: the i18n module words it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WhenError {
    /// What went wrong.
    pub kind: WhenErrorKind,
    /// Byte range within `text` of the offending part (the whole trimmed
    /// text when no smaller part is to blame).
    pub span: Range<usize>,
    /// A corrected whole expression that parses, for a near miss.
    pub suggestion: Option<String>,
}

impl WhenError {
    fn new(kind: WhenErrorKind, span: Range<usize>) -> Self {
        WhenError { kind, span, suggestion: None }
    }
}

/// The kinds of [`WhenError`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WhenErrorKind {
    /// The text is empty or only white space.
    Empty,
    /// Nothing in the grammar matches.
    Unknown,
    /// A date that does not exist: `2019-02-30`, `31.04.2019`, month 13,
    /// quarter 5, or a year outside the calendar's range.
    InvalidDate,
    /// A range that runs backwards (`сентябрь – июнь`).
    Reversed {
        /// Start of the range as written.
        from: NaiveDate,
        /// End of the range as written, before `from`.
        to: NaiveDate,
    },
    /// A recurrence (or "as needed") given on the command line.
    RecurrenceOnlyInFile,
    /// A relative form (`next month`) in the file, where it would change meaning over time.
    RelativeOnlyOnCommandLine,
    /// A recurrence with zero times or zero months.
    ZeroCount,
}

/// Parses a time expression.
///
/// Never panics and takes time linear in the length of `text`.
///
/// # Errors
///
/// A [`WhenError`] saying what is wrong and where; an unknown expression that
/// is one or two typos away from a valid one carries the corrected text.
pub fn parse(text: &str, ctx: &Context, source: Source) -> Result<Schedule, WhenError> {
    parse_inner(text, *ctx, source, true)
}

/// Why a DATE argument was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DateError {
    /// It has a date's shape but the day does not exist (`2019-02-30`, `31.04.19`).
    pub no_such_day: bool,
}

/// Reads one day as every DATE of the command line is read (`--as-of`, `held`, `planned`):
/// `2019-04-21`, `21.04.2019` or `21.04.19`, the same shapes the grammar reads in a `when`.
/// `ДД.ММ.ГГ` is 20ГГ: `15.06.19` is 15 June 2019, never year 0019.
///
/// # Errors
///
/// A [`DateError`] for anything that is not exactly one such day.
pub fn parse_date(text: &str) -> Result<NaiveDate, DateError> {
    let lexed = lex(text);
    match lexed.toks.as_slice() {
        [tok] => match tok.kind {
            lexer::Kind::Date(lexer::DateShape { year: Some(year), month, day: Some(day) }) => i32::try_from(year)
                .ok()
                .filter(|y| (1..=9999).contains(y))
                .and_then(|y| NaiveDate::from_ymd_opt(y, month, day))
                .ok_or(DateError { no_such_day: true }),
            _ => Err(DateError { no_such_day: false }),
        },
        _ => Err(DateError { no_such_day: false }),
    }
}

fn parse_inner(text: &str, ctx: Context, source: Source, suggest: bool) -> Result<Schedule, WhenError> {
    let lexed = lex(text);
    if lexed.toks.is_empty() {
        return Err(WhenError::new(WhenErrorKind::Empty, 0..text.len()));
    }
    let parser = Parser { norm: &lexed.norm, toks: &lexed.toks, ctx, source };
    match parser.schedule() {
        Ok(schedule) => Ok(schedule),
        Err(Fail::Error(e)) => Err(e),
        Err(Fail::Unknown(span)) => {
            let span = first_not_understood(&lexed).unwrap_or(span);
            let mut e = WhenError::new(WhenErrorKind::Unknown, span);
            if suggest {
                e.suggestion = suggest_fix(text, &lexed, ctx, source);
            }
            Err(e)
        }
    }
}

// ---------------------------------------------------------------------------
// Display: the canonical English form, which parses back to an equal value.

impl fmt::Display for DateRange {
    /// `2019-04-01..2019-04-30`, or `2019-04-21` for a single day.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.from == self.to { write!(f, "{}", self.from) } else { write!(f, "{}..{}", self.from, self.to) }
    }
}

impl fmt::Display for Recurrence {
    /// `at least once every 6 months`, `as needed, at least 2 times every 12 months`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.as_needed {
            f.write_str("as needed, ")?;
        }
        f.write_str("at least ")?;
        if self.times == 1 {
            f.write_str("once")?;
        } else {
            write!(f, "{} times", self.times)?;
        }
        match (self.unit, self.every) {
            (Unit::Month, 1) => f.write_str(" every month"),
            (Unit::Month, n) => write!(f, " every {n} months"),
            (Unit::Week, 1) => f.write_str(" every week"),
            (Unit::Week, n) => write!(f, " every {n} weeks"),
        }
    }
}

impl fmt::Display for Schedule {
    /// Windows joined by `, `, `whole period`, the recurrence, or `as needed`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Schedule::Window(ranges) => {
                for (i, range) in ranges.iter().enumerate() {
                    if i > 0 {
                        f.write_str(", ")?;
                    }
                    write!(f, "{range}")?;
                }
                Ok(())
            }
            Schedule::WholePeriod => f.write_str("whole period"),
            Schedule::AtLeast(rule) => write!(f, "{rule}"),
            Schedule::AsNeeded => f.write_str("as needed"),
        }
    }
}

#[cfg(test)]
mod tests;
