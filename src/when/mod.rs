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

use lexer::{Kind, Tok, first_not_understood, is_too_large, lex};
use parser::{Fail, Notes, Parser};
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
    /// The as-of date that `today`, `next month` and the like count from. In the file, where
    /// nothing is relative, the plan's start: a deadline's window (`до 15 марта`) begins there.
    pub today: NaiveDate,
}

/// A time expression read: its [`Schedule`], and what the text says besides its dates.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reading {
    /// What the text means.
    pub schedule: Schedule,
    /// The words kept in `when` but not judged.
    pub aside: Aside,
}

/// What a `when` says besides its dates: byte spans into the text, and how its windows were made.
/// Spans are kept rather than strings, so an ordinary `when` costs no allocation.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Aside {
    /// Words after a readable start that were not read (`кроме июля` in `ежемесячно, кроме июля`):
    /// `check` warns `when-partly-read` quoting them.
    pub unread: Option<Range<usize>>,
    /// Words in parentheses, read without them (`последний четверг`): `show` prints them as a note.
    pub remark: Option<Range<usize>>,
    /// A time of day after a date (`в 14.00`): kept and shown, not judged.
    pub time: Option<Range<usize>>,
    /// Some window is of whole years (`2019 – 2020 гг.`): the loader clips it to the plan's period.
    pub whole_years: bool,
    /// A deadline without its year (`до 15 марта`): an error in a plan of several years.
    pub deadline_without_year: bool,
    /// Set by the loader: whole years ran past the plan's period and were cut to it.
    pub clipped: bool,
}

impl Aside {
    /// The words at `span` of `text`, for a message.
    #[must_use]
    pub fn words<'t>(text: &'t str, span: Option<&Range<usize>>) -> Option<&'t str> {
        span.and_then(|span| text.get(span.clone())).map(str::trim).filter(|w| !w.is_empty())
    }
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
    /// A date that does not exist: month 13, quarter 5, the third half-year, the fourth decade.
    InvalidDate,
    /// A day past the end of its month (or day 0): `31.04.2019` («в апреле 30 дней»).
    NoSuchDay {
        /// The year the day was read in.
        year: i32,
        /// 1–12.
        month: u32,
        /// How many days that month has.
        days: u32,
    },
    /// A year before 1 or after 9999: no plan's, and not printable as a date.
    YearOutOfRange,
    /// A number with more digits than any count or period takes: `4294967296 раз`.
    TooLarge,
    /// A range that runs backwards (`сентябрь – июнь`).
    Reversed {
        /// Start of the range as written.
        from: NaiveDate,
        /// End of the range as written, before `from`.
        to: NaiveDate,
    },
    /// A deadline before the plan's start (`к 9 мая 2018` in a plan from 01.01.2019).
    DeadlineBeforeStart {
        /// The plan's start.
        start: NaiveDate,
        /// The deadline, before `start`.
        deadline: NaiveDate,
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
    parse_inner(text, *ctx, source, true, false).map(|reading| reading.schedule)
}

/// Reads a `when` of the file as a secretary means it: like [`parse`], and also a readable start
/// followed by words the grammar does not read («ежемесячно, кроме июля»), which is read by its
/// start with the rest in [`Aside::unread`], never silently.
///
/// # Errors
///
/// As [`parse`]: when not even a start reads, or a near miss has a suggestion (a typo is no
/// remark), or a part is wrong (an impossible date, a backwards range).
pub fn read(text: &str, ctx: &Context, source: Source) -> Result<Reading, WhenError> {
    parse_inner(text, *ctx, source, true, true)
}

/// Why a DATE argument was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DateError {
    /// It has a date's shape but the day does not exist (`2019-02-30`, `31.04.19`).
    pub no_such_day: bool,
    /// The month that is too short, when that is what is wrong: (year, month, its days).
    pub short_month: Option<(i32, u32, u32)>,
    /// The year is before 1 or after 9999.
    pub year_out_of_range: bool,
}

/// Reads one day as every DATE of the command line is read (`--as-of`, `held`, `planned`):
/// `2019-04-21`, `21.04.2019` or `21.04.19`, the same shapes the grammar reads in a `when`;
/// `28 мая 2019`, `28 мая 2019 г.`; `28 мая` and `28.05` in the year of `today`; `сегодня`,
/// `вчера`, `завтра` (and `today`, `yesterday`, `tomorrow`) from `today`.
/// `ДД.ММ.ГГ` is 20ГГ: `15.06.19` is 15 June 2019, never year 0019.
///
/// # Errors
///
/// A [`DateError`] for anything that is not exactly one such day, saying why where it can.
pub fn parse_day(text: &str, today: NaiveDate) -> Result<NaiveDate, DateError> {
    let refused = DateError { no_such_day: false, short_month: None, year_out_of_range: false };
    let ctx = Context { year: chrono::Datelike::year(&today), today };
    match parse_inner(text, ctx, Source::CommandLine, false, false) {
        Ok(Reading { schedule: Schedule::Window(ranges), aside }) if aside == Aside::default() => match ranges[..] {
            [DateRange { from, to }] if from == to => Ok(from),
            _ => Err(refused),
        },
        Ok(_) => Err(refused),
        Err(e) => Err(match e.kind {
            WhenErrorKind::NoSuchDay { year, month, days } => {
                DateError { no_such_day: true, short_month: Some((year, month, days)), ..refused }
            }
            WhenErrorKind::InvalidDate => DateError { no_such_day: true, ..refused },
            WhenErrorKind::YearOutOfRange => DateError { no_such_day: true, year_out_of_range: true, ..refused },
            _ => refused,
        }),
    }
}

/// [`parse_day`] against the real today.
///
/// # Errors
///
/// As [`parse_day`].
pub fn parse_date(text: &str) -> Result<NaiveDate, DateError> {
    parse_day(text, chrono::Local::now().date_naive())
}

/// One reading of a token list: its schedule and what it noted, or why not.
type Attempt = Result<(Schedule, Notes), Fail>;

/// How far back a partly read `when` is cut to find its readable start.
const MAX_PARTIAL_TOKENS: usize = 40;

fn parse_inner(text: &str, ctx: Context, source: Source, suggest: bool, lenient: bool) -> Result<Reading, WhenError> {
    let lexed = lex(text);
    if lexed.toks.is_empty() {
        return Err(WhenError::new(WhenErrorKind::Empty, 0..text.len()));
    }
    let (toks, remark) = without_remarks(&lexed.toks);
    let attempt = |toks: &[Tok]| -> Attempt {
        if toks.is_empty() {
            return Err(Fail::Unknown(0..text.len()));
        }
        let notes = Notes::default();
        let parser = Parser { norm: &lexed.norm, toks, ctx, source, notes: &notes };
        parser.schedule().map(|schedule| (schedule, notes))
    };
    let (schedule, notes, unread) = match attempt(&toks) {
        Ok((schedule, notes)) => (schedule, notes, None),
        Err(Fail::Error(e)) => return Err(e),
        Err(Fail::Unknown(span)) => match as_lines(&toks).map(|lines| attempt(&lines)) {
            Some(Ok((schedule, notes))) => (schedule, notes, None),
            Some(Err(Fail::Error(e))) => return Err(e),
            _ => {
                let blamed = first_not_understood(&lexed.norm, &toks);
                if let Some(tok) = blamed.filter(|t| is_too_large(t)) {
                    return Err(WhenError::new(WhenErrorKind::TooLarge, tok.start..tok.end));
                }
                let mut e = WhenError::new(WhenErrorKind::Unknown, blamed.map_or(span, |t| t.start..t.end));
                if suggest {
                    e.suggestion = suggest_fix(text, &lexed, ctx, source);
                }
                if !lenient || e.suggestion.is_some() {
                    return Err(e);
                }
                // Control characters are no words of a secretary's: text with them is refused whole.
                match readable_start(&toks, &attempt) {
                    Some((schedule, notes, unread, rest)) if !text[rest..].chars().any(char::is_control) => {
                        (schedule, notes, Some(unread))
                    }
                    _ => return Err(e),
                }
            }
        },
    };
    let aside = Aside {
        unread,
        remark,
        time: notes.time.get().map(|(from, to)| from..to),
        whole_years: notes.whole_years.get(),
        deadline_without_year: notes.yearless_deadline.get(),
        clipped: false,
    };
    Ok(Reading { schedule, aside })
}

/// The tokens without the words in balanced parentheses, and the span of those words (from the
/// first opening to the last closing bracket, brackets left out).
fn without_remarks(toks: &[Tok]) -> (std::borrow::Cow<'_, [Tok]>, Option<Range<usize>>) {
    if !toks.iter().any(|t| t.kind == Kind::Open) {
        return (toks.into(), None);
    }
    let mut kept = Vec::with_capacity(toks.len());
    let mut depth = 0usize;
    let mut span: Option<Range<usize>> = None;
    let mut opened_at = 0;
    for (i, tok) in toks.iter().enumerate() {
        match tok.kind {
            Kind::Open => {
                if depth == 0 {
                    opened_at = i;
                }
                depth += 1;
            }
            Kind::Close if depth > 0 => {
                depth -= 1;
                if depth == 0 {
                    let inner = toks[opened_at].end..tok.start;
                    span = Some(span.map_or(inner.clone(), |s| s.start..inner.end));
                }
            }
            _ if depth == 0 => kept.push(*tok),
            _ => {}
        }
    }
    if depth > 0 {
        // Unbalanced: nothing is a remark.
        return (toks.into(), None);
    }
    (kept.into(), span)
}

/// The tokens with a list separator at each line break, when the text has one: a cell written
/// on two lines («Апрель» / «май») is a list.
fn as_lines(toks: &[Tok]) -> Option<Vec<Tok>> {
    if !toks.iter().skip(1).any(|t| t.after_break) {
        return None;
    }
    let mut lines = Vec::with_capacity(toks.len() + 2);
    for (i, tok) in toks.iter().enumerate() {
        let separated = i > 0 && matches!(toks[i - 1].kind, Kind::Comma | Kind::Semi);
        if tok.after_break && i > 0 && !separated {
            lines.push(Tok { kind: Kind::Semi, end: tok.start, n1: tok.n0, after_break: false, ..*tok });
        }
        lines.push(*tok);
    }
    Some(lines)
}

/// The longest start of `toks` that reads, with the span of the words after it and where the
/// text after the start (signs included) begins.
fn readable_start(toks: &[Tok], attempt: &dyn Fn(&[Tok]) -> Attempt) -> Option<(Schedule, Notes, Range<usize>, usize)> {
    let separator = |t: &Tok| !matches!(t.kind, Kind::Word | Kind::Num | Kind::Date(_));
    let last = toks.last()?;
    for keep in (1..toks.len().min(MAX_PARTIAL_TOKENS + 1)).rev() {
        if separator(&toks[keep]) {
            continue;
        }
        let mut end = keep;
        while end > 0 && separator(&toks[end - 1]) && toks[end - 1].kind != Kind::Dot {
            end -= 1;
        }
        if end == 0 {
            continue;
        }
        if let Ok((schedule, notes)) = attempt(&toks[..end]) {
            return Some((schedule, notes, toks[keep].start..last.end, toks[end].start));
        }
    }
    None
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
