//! The calendar reading ("at least N in each block"): `calendar` cuts the plan into `Blocks`
//! of M months from its start, reports each finished block that falls short, and finds the next
//! due date in the first open block still lacking meetings.

use chrono::{Datelike, NaiveDate};

use super::months::months_after;
use super::{Block, Reading, RuleInput, Violation, merge, times_and_months, timing};

/// Blocks of M months cut from the plan start and not clipped at its end.
/// Each block's bounds are computed from the origin rather than from the
/// previous block, so month-end clamping never drifts.
pub(super) struct Blocks {
    pub(super) origin: NaiveDate,
    pub(super) months: u64,
}

impl Blocks {
    pub(super) fn first_day(&self, index: u64) -> NaiveDate {
        months_after(self.origin, index.saturating_mul(self.months)).unwrap_or(NaiveDate::MAX)
    }

    /// The last block chrono can start runs to its latest date.
    pub(super) fn last_day(&self, index: u64) -> NaiveDate {
        months_after(self.origin, index.saturating_add(1).saturating_mul(self.months))
            .and_then(|next| next.pred_opt())
            .unwrap_or(NaiveDate::MAX)
    }

    /// The block holding `date`, found from the month count in constant time
    /// so that stretches of empty blocks cost nothing.
    pub(super) fn index_of(&self, date: NaiveDate) -> Option<u64> {
        let month_number = |d: NaiveDate| i64::from(d.year()) * 12 + i64::from(d.month0());
        let elapsed = u64::try_from(month_number(date) - month_number(self.origin)).ok()?;
        let index = elapsed / self.months;
        // In the block's first month a day before the origin's day of the
        // month still belongs to the block before.
        if self.first_day(index) > date { index.checked_sub(1) } else { Some(index) }
    }
}

/// Takes the dates up to `last` off the front of `dates` and counts them.
fn take_until(dates: &mut &[NaiveDate], last: NaiveDate) -> usize {
    let count = dates.iter().take_while(|&&date| date <= last).count();
    *dates = &dates[count..];
    count
}

pub(super) fn calendar(input: &RuleInput<'_>) -> Reading {
    let (times, months) = times_and_months(input);
    let needed = u32::try_from(times).unwrap_or(u32::MAX);
    let blocks = Blocks { origin: input.plan_start, months: u64::from(months) };
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
    // The block holding the as-of date is still open: it can be made up.
    let mut current = 0;
    while blocks.first_day(current) <= input.plan_end && blocks.last_day(current) < input.as_of {
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
