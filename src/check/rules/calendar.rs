//! The calendar reading ("at least N in each block"): `calendar` cuts the plan into `Blocks`
//! of M months from its start (or of W weeks from Monday), reports each finished block that falls short, and finds the next
//! due date in the first open block still lacking meetings.

use chrono::{Datelike, Days, NaiveDate};

use super::period::{Period, months_after};
use super::{Block, Reading, RuleInput, Violation, merge, times_and_period, timing};
use crate::when::Unit;

/// The calendar blocks of a rule, not clipped at the plan's end. Each block's bounds are computed
/// from the origin rather than from the previous block, so month-end clamping never drifts.
pub(super) enum Blocks {
    /// Blocks of M months cut from the plan start.
    Months { origin: NaiveDate, months: u64 },
    /// Blocks of W weeks from Monday: the first starts on the first Monday on or after the plan
    /// start, and the days before it (a plan starting midweek) join the first block, so that no
    /// block is a stub of a day or two.
    Weeks { origin: NaiveDate, monday: NaiveDate, days: u64 },
}

impl Blocks {
    /// The blocks of `period` cut from `origin`.
    pub(super) fn new(origin: NaiveDate, period: Period) -> Self {
        match period.unit {
            Unit::Month => Blocks::Months { origin, months: u64::from(period.every) },
            Unit::Week => {
                let ahead = (7 - u64::from(origin.weekday().num_days_from_monday())) % 7;
                let monday = origin.checked_add_days(Days::new(ahead)).unwrap_or(NaiveDate::MAX);
                Blocks::Weeks { origin, monday, days: 7 * u64::from(period.every) }
            }
        }
    }

    pub(super) fn first_day(&self, index: u64) -> NaiveDate {
        match *self {
            Blocks::Months { origin, months } => {
                months_after(origin, index.saturating_mul(months)).unwrap_or(NaiveDate::MAX)
            }
            Blocks::Weeks { origin, .. } if index == 0 => origin,
            Blocks::Weeks { monday, days, .. } => days_after(monday, index.saturating_mul(days)),
        }
    }

    /// The last block chrono can start runs to its latest date.
    pub(super) fn last_day(&self, index: u64) -> NaiveDate {
        let next = index.saturating_add(1);
        match *self {
            Blocks::Months { origin, months } => months_after(origin, next.saturating_mul(months))
                .and_then(|next| next.pred_opt())
                .unwrap_or(NaiveDate::MAX),
            Blocks::Weeks { monday, days, .. } => {
                let next = days_after(monday, next.saturating_mul(days));
                if next == NaiveDate::MAX { next } else { next.pred_opt().unwrap_or(NaiveDate::MAX) }
            }
        }
    }

    /// The block holding `date`, found from the month or day count in constant time
    /// so that stretches of empty blocks cost nothing.
    pub(super) fn index_of(&self, date: NaiveDate) -> Option<u64> {
        match *self {
            Blocks::Months { origin, months } => {
                let month_number = |d: NaiveDate| i64::from(d.year()) * 12 + i64::from(d.month0());
                let elapsed = u64::try_from(month_number(date) - month_number(origin)).ok()?;
                let index = elapsed / months;
                // In the block's first month a day before the origin's day of the
                // month still belongs to the block before.
                if self.first_day(index) > date { index.checked_sub(1) } else { Some(index) }
            }
            Blocks::Weeks { origin, monday, days } => {
                if date < origin {
                    return None;
                }
                Some(u64::try_from((date - monday).num_days()).map_or(0, |elapsed| elapsed / days))
            }
        }
    }
}

/// `date` plus `days`, saturated at chrono's last day.
fn days_after(date: NaiveDate, days: u64) -> NaiveDate {
    date.checked_add_days(Days::new(days)).unwrap_or(NaiveDate::MAX)
}

/// Takes the dates up to `last` off the front of `dates` and counts them.
fn take_until(dates: &mut &[NaiveDate], last: NaiveDate) -> usize {
    let count = dates.iter().take_while(|&&date| date <= last).count();
    *dates = &dates[count..];
    count
}

pub(super) fn calendar(input: &RuleInput<'_>) -> Reading {
    let (times, period) = times_and_period(input);
    let needed = u32::try_from(times).unwrap_or(u32::MAX);
    let blocks = Blocks::new(input.plan_start, period);
    let mut violations = Vec::new();
    let mut judged = Vec::new();
    let block = |index: u64, count: usize| Block {
        from: blocks.first_day(index),
        to: blocks.last_day(index),
        held: u32::try_from(count).unwrap_or(u32::MAX),
        needed,
    };

    // Held dates before the plan start are the caller's to report; skip them.
    let mut held = &input.held[input.held.partition_point(|&d| d < input.plan_start)..];
    // The plan's blocks that ended before the as-of date: each one short is a breach on the record.
    // A block straddling the end of the series' last plan is judged like the blocks after it.
    // The block holding the as-of date is still open: it can be made up.
    let mut current = 0;
    while blocks.last_day(current) <= input.plan_end && blocks.last_day(current) < input.as_of {
        let count = take_until(&mut held, blocks.last_day(current));
        let judged_block = block(current, count);
        if count < times {
            violations.push(Violation::BlockMissed {
                from: judged_block.from,
                to: judged_block.to,
                held: judged_block.held,
                needed,
            });
        }
        judged.push(judged_block);
        if blocks.last_day(current) == NaiveDate::MAX {
            break;
        }
        current += 1;
    }

    // From the open block on (or, past the plan, from its first block after the plan), the first
    // block still lacking meetings is the next due date. Past the plan's end the blocks go on with
    // the same length, and a finished one that lacks meetings makes the rule overdue (once, not a
    // `block-missed` per block). Each block passed over holds N meetings, so this is linear.
    let (open, open_held) = (current, held);
    let next_due = loop {
        let last = blocks.last_day(current);
        let count = take_until(&mut held, last);
        judged.push(block(current, count));
        if count < times || last == NaiveDate::MAX {
            break last;
        }
        current += 1;
    };
    violations.extend(timing(next_due, input));
    calendar_planned(&blocks, open, open_held, input.planned, times, &mut violations);
    Reading { next_due, violations, dues: Vec::new(), blocks: judged }
}

/// For each block from the current one on that held and planned meetings
/// together leave short, the first planned meeting after it comes too late.
/// A planned date is reported once, against the earliest block it fails.
fn calendar_planned(
    blocks: &Blocks,
    current: u64,
    held: &[NaiveDate],
    planned: &[NaiveDate],
    times: usize,
    violations: &mut Vec<Violation>,
) {
    let future = &planned[planned.partition_point(|&d| d < blocks.first_day(current))..];
    if future.is_empty() {
        return;
    }
    let dates: Vec<NaiveDate> = merge(held, future).into_iter().map(|(d, _)| d).collect();
    let mut rest = dates.as_slice();
    let mut reported = None;
    let mut index = current;
    loop {
        let last = blocks.last_day(index);
        let count = take_until(&mut rest, last);
        if count < times
            && let Some(&planned) = future.get(future.partition_point(|&d| d <= last))
            && reported != Some(planned)
        {
            violations.push(Violation::PlannedTooLate { planned, due: last });
            reported = Some(planned);
        }
        let Some(&next) = rest.first() else { break };
        // Empty blocks before the next date all point at that same date,
        // which is reported by now, so jump straight to its block.
        index = if count == 0 { blocks.index_of(next).map_or(index + 1, |i| i.max(index + 1)) } else { index + 1 };
    }
}
