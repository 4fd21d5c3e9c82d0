//! What became of an activity by the as-of date: the one judge of "done".
//!
//! `check`'s `not-recorded`, the fulfilment report in every format, `plan show` and the printed
//! documents all ask [`judge`], so that they can never disagree on an activity (spec §4, §7).

use chrono::NaiveDate;

use super::RuleReport;
use super::rules::{Status, Violation};
use crate::model::{Activity, Plan, Status as ActivityStatus};
use crate::when::Schedule;

/// What became of one activity. Each activity has exactly one, so the totals add up; the first
/// that applies, in the order declared here, wins.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Outcome {
    /// `status = "cancelled"` (отменено).
    Cancelled,
    /// `status = "not-done"`, or a recurring rule that was broken (не выполнено).
    NotDone,
    /// A `held` date inside the plan on or before the as-of date, or a `result` (выполнено).
    Held,
    /// Its time ended before the as-of date, or the plan is over, with nothing recorded: no held
    /// date, no `result`, no status (нет отметки). Not a failure: nobody said it failed.
    NotRecorded,
    /// Nothing held yet, and a `planned` date on or after the as-of date (запланировано).
    Planned,
    /// Nothing recorded, and its time is not over (в работе).
    Open,
}

/// The verdict with, for [`Outcome::NotRecorded`], the last day of its time (the plan's last day
/// for an ongoing activity).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Judgement {
    /// What became of it.
    pub outcome: Outcome,
    /// When its time ended, for an activity with no mark.
    pub closed: Option<NaiveDate>,
}

/// Whether the activity carries a mark: a `result`, or a held date. A date recorded at a wrong
/// place (outside the plan, after the as-of date) is a mark too: `check` reports the date on its
/// own, and nobody is asked again to record what was recorded.
#[must_use]
pub fn recorded(activity: &Activity) -> bool {
    activity.result.is_some() || !activity.held.is_empty()
}

/// Whether a rule's verdict says it was broken: a meeting came late, a block went without, or a
/// due date has passed unmet.
#[must_use]
pub fn broken(verdict: &RuleReport) -> bool {
    matches!(verdict.status, Status::Overdue | Status::Violated)
        || verdict.breaches.iter().any(|b| {
            matches!(b, Violation::GapExceeded { .. } | Violation::BlockMissed { .. } | Violation::Overdue { .. })
        })
}

/// What became of `activity` at `as_of`; `verdict` is the rule engine's on it, for a recurring
/// activity.
#[must_use]
pub fn judge(plan: &Plan, activity: &Activity, as_of: NaiveDate, verdict: Option<&RuleReport>) -> Judgement {
    let judged = |outcome| Judgement { outcome, closed: None };
    match activity.status {
        ActivityStatus::Cancelled => return judged(Outcome::Cancelled),
        ActivityStatus::NotDone => return judged(Outcome::NotDone),
        ActivityStatus::Planned => {}
    }
    if verdict.is_some_and(broken) {
        return judged(Outcome::NotDone);
    }
    if recorded(activity) {
        return judged(Outcome::Held);
    }
    let window_end = match &activity.schedule {
        Schedule::Window(ranges) => ranges.iter().map(|r| r.to).max(),
        Schedule::WholePeriod => Some(plan.period.to),
        Schedule::AtLeast(_) | Schedule::AsNeeded => None,
    };
    if let Some(closed) = window_end.filter(|&closed| closed < as_of) {
        return Judgement { outcome: Outcome::NotRecorded, closed: Some(closed) };
    }
    let held = |date: NaiveDate| activity.held.iter().any(|h| h.date == date);
    if activity.planned.iter().any(|p| p.date >= as_of && !held(p.date)) {
        return judged(Outcome::Planned);
    }
    // The plan is over: at or after its end nothing is still in progress.
    if as_of >= plan.period.to {
        return Judgement { outcome: Outcome::NotRecorded, closed: Some(window_end.unwrap_or(plan.period.to)) };
    }
    judged(Outcome::Open)
}
