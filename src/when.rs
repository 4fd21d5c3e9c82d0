//! TEMPORARY STUB (replaced by the real grammar).
use chrono::NaiveDate;
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct DateRange { pub from: NaiveDate, pub to: NaiveDate }
impl DateRange {
    pub fn overlaps(&self, other: &DateRange) -> bool { self.from <= other.to && other.from <= self.to }
    pub fn contains(&self, d: NaiveDate) -> bool { self.from <= d && d <= self.to }
}
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Recurrence { pub times: u32, pub months: u32, pub as_needed: bool }
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Schedule { Window(Vec<DateRange>), WholePeriod, AtLeast(Recurrence), AsNeeded }
impl Schedule {
    pub fn is_ongoing(&self) -> bool { !matches!(self, Schedule::Window(_)) }
    pub fn kind(&self) -> &'static str { match self { Schedule::Window(_) => "window", Schedule::WholePeriod => "whole-period", Schedule::AtLeast(_) => "at-least", Schedule::AsNeeded => "as-needed" } }
}
impl std::fmt::Display for Schedule { fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result { write!(f, "{self:?}") } }
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source { File, CommandLine }
#[derive(Debug, Clone, Copy)]
pub struct Context { pub year: i32, pub today: NaiveDate }
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WhenError { pub kind: WhenErrorKind, pub span: std::ops::Range<usize>, pub suggestion: Option<String> }
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WhenErrorKind { Empty, Unknown, InvalidDate, Reversed { from: NaiveDate, to: NaiveDate }, RecurrenceOnlyInFile, RelativeOnlyOnCommandLine, ZeroCount }
pub fn parse(text: &str, ctx: &Context, _source: Source) -> Result<Schedule, WhenError> {
    let m = |a: u32, b: u32| DateRange { from: NaiveDate::from_ymd_opt(ctx.year, a, 1).unwrap(), to: NaiveDate::from_ymd_opt(ctx.year, b, 1).unwrap() };
    match text.trim().to_lowercase().as_str() {
        "апрель" | "april" => Ok(Schedule::Window(vec![m(4, 4)])),
        "весь период" => Ok(Schedule::WholePeriod),
        "не реже 1-го раза в 6 месяцев" => Ok(Schedule::AtLeast(Recurrence { times: 1, months: 6, as_needed: false })),
        _ => Err(WhenError { kind: WhenErrorKind::Unknown, span: 0..text.len(), suggestion: None }),
    }
}
