//! The meeting-frequency rules of `plan check`: for one recurring activity,
//! "at least N times per M months" judged against its held and planned
//! dates at the as-of date.
//!
//! Everything here is a pure function over dates. The caller filters the
//! held dates, turns [`Violation`]s into findings with file positions, and
//! words the messages; keeping those out lets the rules be tested as a table.
//!
//! Public API: [`evaluate`] judges a [`RuleInput`] into a [`RuleOutcome`] (next due date,
//! [`Status`], [`Violation`]s, and the [`Due`]s and [`Block`]s it judged by); [`status_of`]
//! re-derives a status after the caller drops violations; [`fewest_meetings`] counts what the
//! rule required; [`add_months`] and [`add_weeks`] are the arithmetic every reading shares. Each
//! reading has its own file: `rolling.rs`, `calendar.rs`, `both.rs`; `period.rs` holds the shared
//! arithmetic of months and weeks.

mod both;
mod calendar;
mod period;
mod rolling;
#[cfg(test)]
mod tests;

use chrono::NaiveDate;

use crate::when::Unit;

use both::combine;
use calendar::{Blocks, calendar};
use period::Period;
pub use period::{add_months, add_weeks};
use rolling::rolling;

/// Which reading of "at least N times per M months" the charter is held to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum RuleKind {
    /// No gap longer than M months: at every moment at least N meetings lie
    /// in the last M months. The default, because "не реже" reads this way.
    #[default]
    Rolling,
    /// At least N meetings in each block of M months cut from the plan start.
    Calendar,
    /// Both readings must hold.
    Both,
}

/// A rule's verdict at the as-of date.
///
/// The variants are declared from best to worst, so `max` picks the status
/// that wins when several apply.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub enum Status {
    /// Nothing is missed and the next due date is not close.
    #[default]
    Ok,
    /// The next due date falls within the `--due-within` window.
    DueSoon,
    /// An earlier due date or calendar block was missed. Nothing is overdue
    /// now, but the breach stays on the record.
    Violated,
    /// The next due date has passed and nothing was held to meet it.
    Overdue,
}

/// Everything one rule is judged on.
#[derive(Debug, Clone, Copy)]
pub struct RuleInput<'a> {
    /// N, the meetings required per period; 0 is read as 1.
    pub times: u32,
    /// M or W, the period length in `unit`s; 0 is read as 1.
    pub every: u32,
    /// Calendar months (rolling due dates clamped to the month's end; blocks cut from the plan
    /// start), or weeks (rolling gaps of 7·W days; blocks of W weeks from Monday).
    pub unit: Unit,
    /// Which reading to apply.
    pub kind: RuleKind,
    /// First day of the plan period: the rolling clock's default start and
    /// the origin of the calendar blocks.
    pub plan_start: NaiveDate,
    /// Last day of the plan period (of the series' last plan): calendar blocks that end after it
    /// are past the plan, and are judged only for what is due now (one `overdue`, not one
    /// `block-missed` each).
    pub plan_end: NaiveDate,
    /// The day the rule is judged on. Not clamped to the plan: the charter does not stop with the
    /// plan year, so a due date that passed unmet by it is overdue even after the plan's end.
    pub as_of: NaiveDate,
    /// The last meeting before the plan period, which starts the rolling
    /// clock in place of the plan start.
    pub last_before: Option<NaiveDate>,
    /// Meetings held: sorted, without duplicates, not after `as_of` (the caller reports the
    /// others). They may lie before the plan start (the series' history) or after its end.
    pub held: &'a [NaiveDate],
    /// Meetings fixed for the future: sorted, without duplicates. They never
    /// meet a due date; they are only judged for whether they would.
    pub planned: &'a [NaiveDate],
    /// How many days ahead of `as_of` a due date counts as due soon.
    pub due_within_days: u32,
}

/// What a rule found, with the due dates and blocks it judged by, so that reports count and
/// explain from the engine's own reading instead of deriving it again.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleOutcome {
    /// The earliest due date not yet met; may lie after the plan's end.
    pub next_due: NaiveDate,
    /// The verdict, derived from `violations`.
    pub status: Status,
    /// Errors first, then warnings; each kind in date order.
    pub violations: Vec<Violation>,
    /// Rolling (and both): each held meeting with the date it was due by, in date order, then the
    /// next due date with no meeting. Empty for calendar.
    pub dues: Vec<Due>,
    /// Calendar (and both): every block from the plan start to the one holding the next due date,
    /// with the meetings held in it. Empty for rolling.
    pub blocks: Vec<Block>,
}

/// One rolling due date and the meeting that met it (on time or late).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Due {
    /// The day the meeting was due by.
    pub due: NaiveDate,
    /// The meeting counted against it; `None` for the next due date.
    pub met: Option<NaiveDate>,
}

/// One calendar block and how many meetings it holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Block {
    /// First day of the block.
    pub from: NaiveDate,
    /// Last day of the block.
    pub to: NaiveDate,
    /// Meetings held in it (up to the as-of date).
    pub held: u32,
    /// Meetings required in it.
    pub needed: u32,
}

/// One thing wrong with a rule, carrying the dates a message needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Violation {
    /// Rolling: a meeting was held after the date it was due by.
    GapExceeded {
        /// The late meeting.
        held: NaiveDate,
        /// The date it should have come by.
        due: NaiveDate,
    },
    /// Calendar: a block of the plan that ended before the as-of date had too few meetings.
    BlockMissed {
        /// First day of the block.
        from: NaiveDate,
        /// Last day of the block.
        to: NaiveDate,
        /// Meetings held in it.
        held: u32,
        /// Meetings required in it.
        needed: u32,
    },
    /// At the as-of date the next due date has passed with nothing held.
    Overdue {
        /// The missed due date.
        due: NaiveDate,
        /// Days from the due date to the as-of date, at least 1.
        days: i64,
    },
    /// The next due date is close.
    DueSoon {
        /// The next due date.
        due: NaiveDate,
        /// Days from the as-of date to it, from 0 to `due_within_days`.
        days: i64,
    },
    /// A planned meeting would come after the due date it should meet.
    PlannedTooLate {
        /// The planned meeting.
        planned: NaiveDate,
        /// The due date it misses.
        due: NaiveDate,
    },
}

impl Violation {
    /// Whether this makes `plan check` fail; the rest are warnings.
    #[must_use]
    pub fn is_error(&self) -> bool {
        matches!(self, Self::GapExceeded { .. } | Self::BlockMissed { .. } | Self::Overdue { .. })
    }

    /// Whether this is a breach already on the record (as opposed to what is due now, or a plan).
    #[must_use]
    pub fn is_past_breach(&self) -> bool {
        matches!(self, Self::GapExceeded { .. } | Self::BlockMissed { .. })
    }

    /// The status this violation alone would give the rule.
    fn status(&self) -> Status {
        match self {
            Self::Overdue { .. } => Status::Overdue,
            Self::GapExceeded { .. } | Self::BlockMissed { .. } => Status::Violated,
            Self::DueSoon { .. } => Status::DueSoon,
            Self::PlannedTooLate { .. } => Status::Ok,
        }
    }
}

/// The status of a rule with these violations: the first that applies of overdue, violated,
/// due soon, ok.
#[must_use]
pub fn status_of(violations: &[Violation]) -> Status {
    violations.iter().map(Violation::status).max().unwrap_or_default()
}

/// Judges one rule at the as-of date.
#[must_use]
pub fn evaluate(input: &RuleInput<'_>) -> RuleOutcome {
    debug_assert!(is_strictly_sorted(input.held), "held dates must be sorted");
    debug_assert!(is_strictly_sorted(input.planned), "planned dates must be sorted");
    let reading = match input.kind {
        RuleKind::Rolling => rolling(input),
        RuleKind::Calendar => calendar(input),
        RuleKind::Both => combine(rolling(input), calendar(input), input),
    };
    RuleOutcome {
        next_due: reading.next_due,
        status: status_of(&reading.violations),
        violations: reading.violations,
        dues: reading.dues,
        blocks: reading.blocks,
    }
}

/// The fewest meetings that would have kept the rule up to the end of `until` (spec §4), whatever
/// was held: for rolling, N at each due date of the chain that starts at the clock and steps M
/// months from each due date met exactly on time; for calendar, N in each block of the plan that
/// ended by `until`; for both, the larger.
///
/// A rolling due date on the day after `until` counts: it closes the M months that began at the
/// clock, as 31 March closes the first quarter. So a quarterly rule over a calendar year requires
/// 4 either way, and a rule met more often than it asks requires no more.
#[must_use]
pub fn fewest_meetings(input: &RuleInput<'_>, until: NaiveDate) -> u64 {
    let (times, period) = times_and_period(input);
    let times = times as u64;
    let rolling = || {
        let limit = until.succ_opt().unwrap_or(until);
        let mut due = period.after(input.last_before.unwrap_or(input.plan_start));
        let mut steps = 0u64;
        while due <= limit {
            steps += 1;
            let next = period.after(due);
            if next == due {
                break;
            }
            due = next;
        }
        steps.saturating_mul(times)
    };
    let calendar = || {
        let blocks = Blocks::new(input.plan_start, period);
        let mut count = 0u64;
        let mut index = 0;
        while blocks.first_day(index) <= input.plan_end && blocks.last_day(index) <= until {
            count += 1;
            index += 1;
            if blocks.last_day(index - 1) == NaiveDate::MAX {
                break;
            }
        }
        count.saturating_mul(times)
    };
    match input.kind {
        RuleKind::Rolling => rolling(),
        RuleKind::Calendar => calendar(),
        RuleKind::Both => rolling().max(calendar()),
    }
}

fn is_strictly_sorted(dates: &[NaiveDate]) -> bool {
    dates.windows(2).all(|pair| pair[0] < pair[1])
}

/// One reading's result, before the status is derived.
struct Reading {
    next_due: NaiveDate,
    violations: Vec<Violation>,
    dues: Vec<Due>,
    blocks: Vec<Block>,
}

/// N and the period with the "0 is read as 1" rule applied once.
fn times_and_period(input: &RuleInput<'_>) -> (usize, Period) {
    let times = usize::try_from(input.times.max(1)).unwrap_or(usize::MAX);
    (times, Period::new(input.every, input.unit))
}

/// Overdue strictly after the due day, so a meeting on the due day itself
/// still complies; due soon from that day back to `due_within_days` before.
/// Never both: a rule that is overdue is not "due soon".
fn timing(next_due: NaiveDate, input: &RuleInput<'_>) -> Option<Violation> {
    let days = next_due.signed_duration_since(input.as_of).num_days();
    if days < 0 {
        Some(Violation::Overdue { due: next_due, days: -days })
    } else if days <= i64::from(input.due_within_days) {
        Some(Violation::DueSoon { due: next_due, days })
    } else {
        None
    }
}

/// Held and planned dates in one sequence, each tagged with whether it is
/// planned. A planned date that was also recorded as held is the same
/// meeting, so it appears once, as held.
fn merge(held: &[NaiveDate], planned: &[NaiveDate]) -> Vec<(NaiveDate, bool)> {
    let mut merged = Vec::with_capacity(held.len() + planned.len());
    let (mut h, mut p) = (0, 0);
    while h < held.len() || p < planned.len() {
        match (held.get(h), planned.get(p)) {
            (Some(&a), Some(&b)) if a == b => {
                merged.push((a, false));
                h += 1;
                p += 1;
            }
            (Some(&a), Some(&b)) if a < b => {
                merged.push((a, false));
                h += 1;
            }
            (_, Some(&b)) => {
                merged.push((b, true));
                p += 1;
            }
            (Some(&a), None) => {
                merged.push((a, false));
                h += 1;
            }
            (None, None) => break,
        }
    }
    merged
}
