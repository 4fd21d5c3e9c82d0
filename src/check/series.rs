//! What the other plans of a folder say of one activity (spec §4, the series), read as one plan
//! spanning them all would read it. Public to the check module only: [`series`] gives the
//! [`Series`] of an activity at the as-of date, and [`overlapping`] the plans that are no part of
//! any series of the checked plan because their periods overlap it.

use chrono::NaiveDate;

use crate::model::{Activity, Plan};
use crate::when::DateRange;

/// One activity's series at the as-of date.
#[derive(Debug)]
pub(super) struct Series<'p> {
    /// The held dates of the other plans of the series, each inside its own plan's period and not
    /// after the as-of date, with the plan's file.
    pub(super) elsewhere: Vec<(NaiveDate, &'p str)>,
    /// Where the rolling clock starts: the `last_before` (or the start) of the series' first plan
    /// that records a meeting by the as-of date; with none, of the latest plan started by then.
    pub(super) clock: NaiveDate,
    /// The start of the plan in force at the as-of date (the latest started by then, or the
    /// first): its calendar blocks say what is due now.
    pub(super) in_force_start: NaiveDate,
    /// First and last day of the series' plans.
    pub(super) span: DateRange,
    /// The last day of each plan of the series, in time order: a past breach belongs to the first
    /// plan that has not ended by its due date (the last plan for a due date after them all).
    pub(super) ends: Vec<NaiveDate>,
    /// The last held date of the nearest earlier plan that records one, for `last-before-mismatch`.
    pub(super) earlier_last: Option<(NaiveDate, &'p str)>,
}

/// One plan of a series: its period, the activity's `last_before` and held dates.
struct Member<'p> {
    period: DateRange,
    file: &'p str,
    last_before: Option<NaiveDate>,
    /// Inside the period, sorted, without duplicates (not yet cut at the as-of date).
    held: Vec<NaiveDate>,
}

fn member<'p>(plan: &'p Plan, activity: &Activity) -> Member<'p> {
    let mut held: Vec<NaiveDate> = activity.held.iter().map(|d| d.date).filter(|&d| plan.period.contains(d)).collect();
    held.sort_unstable();
    held.dedup();
    Member { period: plan.period, file: &plan.path, last_before: activity.last_before.as_ref().map(|d| d.date), held }
}

/// The other plans whose periods overlap `plan`'s: each is judged without the other.
pub(super) fn overlapping<'p>(plan: &Plan, others: &'p [Plan]) -> impl Iterator<Item = &'p Plan> {
    let period = plan.period;
    others.iter().filter(move |other| other.period.overlaps(&period))
}

/// The series of `activity` of `plan` at `as_of`. Plans overlapping `plan`, or overlapping each
/// other, are no part of it (neither of a pair can be told to be the right one).
pub(super) fn series<'p>(plan: &'p Plan, others: &'p [Plan], activity: &Activity, as_of: NaiveDate) -> Series<'p> {
    let Some(id) = activity.id.as_deref().filter(|_| !others.is_empty()) else {
        // A plan alone, the common case: nothing to collect.
        return Series {
            elsewhere: Vec::new(),
            clock: activity.last_before.as_ref().map_or(plan.period.from, |d| d.date),
            in_force_start: plan.period.from,
            span: plan.period,
            ends: vec![plan.period.to],
            earlier_last: None,
        };
    };
    let mut members = vec![(true, member(plan, activity))];
    let candidates: Vec<&Plan> = others.iter().filter(|o| !o.period.overlaps(&plan.period)).collect();
    for (i, other) in candidates.iter().enumerate() {
        if candidates.iter().enumerate().any(|(j, o)| i != j && o.period.overlaps(&other.period)) {
            continue;
        }
        if let Some((_, same)) = other.activities().find(|(_, a)| a.id.as_deref() == Some(id)) {
            members.push((false, member(other, same)));
        }
    }
    members.sort_by_key(|(_, m)| m.period.from);
    let this = members.iter().position(|(is_plan, _)| *is_plan).unwrap_or(0);
    let started = |m: &Member<'_>| m.period.from <= as_of;
    // The clock restarts at each plan while nothing is recorded before it (spec §4: only where no
    // earlier plan records a meeting does `last_before` or the start give the clock).
    let first_held = members.iter().position(|(_, m)| m.held.first().is_some_and(|&d| d <= as_of));
    let latest_started = members.iter().rposition(|(_, m)| started(m)).unwrap_or(0);
    let clocked = &members[first_held.unwrap_or(latest_started)].1;
    let earlier_last = members[..this].iter().rev().find_map(|(_, m)| m.held.last().map(|&d| (d, m.file)));
    Series {
        elsewhere: members
            .iter()
            .filter(|(is_plan, _)| !is_plan)
            .flat_map(|(_, m)| m.held.iter().filter(|&&d| d <= as_of).map(|&d| (d, m.file)))
            .collect(),
        clock: clocked.last_before.unwrap_or(clocked.period.from),
        in_force_start: members[latest_started].1.period.from,
        span: DateRange {
            from: members.first().map_or(plan.period.from, |(_, m)| m.period.from),
            to: members.iter().map(|(_, m)| m.period.to).max().unwrap_or(plan.period.to),
        },
        ends: members.iter().map(|(_, m)| m.period.to).collect(),
        earlier_last,
    }
}

impl Series<'_> {
    /// Whether a past breach due on `due` belongs to the plan ending on `end`.
    pub(super) fn owned_by(&self, end: NaiveDate, due: NaiveDate) -> bool {
        let owner = self.ends.iter().find(|&&e| due <= e).or(self.ends.last());
        owner == Some(&end)
    }
}
