//! The rolling reading ("no gap longer than M months"): `rolling` gives each held meeting its
//! due date, the next due date, `gap-exceeded` and `planned-too-late`.

use chrono::NaiveDate;

use super::period::Period;
use super::{Due, Reading, RuleInput, Violation, merge, times_and_period, timing};

/// The rolling due dates: the k-th meeting (from 0) is due a period (M months or 7·W days) after
/// the clock while fewer than N came before it, else a period after the
/// meeting N places earlier, so that any period holds N meetings.
struct RollingDue {
    first: NaiveDate,
    times: usize,
    period: Period,
}

impl RollingDue {
    fn nth(&self, k: usize, earlier: impl Fn(usize) -> NaiveDate) -> NaiveDate {
        k.checked_sub(self.times).map_or(self.first, |j| self.period.after(earlier(j)))
    }
}

pub(super) fn rolling(input: &RuleInput<'_>) -> Reading {
    let (times, period) = times_and_period(input);
    let clock = input.last_before.unwrap_or(input.plan_start);
    let due = RollingDue { first: period.after(clock), times, period };
    let held = input.held;

    let mut dues: Vec<Due> =
        held.iter().enumerate().map(|(k, &date)| Due { due: due.nth(k, |j| held[j]), met: Some(date) }).collect();
    let mut violations: Vec<Violation> = dues
        .iter()
        .filter_map(|d| d.met.filter(|&held| held > d.due).map(|held| Violation::GapExceeded { held, due: d.due }))
        .collect();
    let next_due = due.nth(held.len(), |j| held[j]);
    dues.push(Due { due: next_due, met: None });
    violations.extend(timing(next_due, input));

    // A planned meeting resets the clock for the ones after it as if it had
    // been held, so each is judged by the plan as a whole.
    if !input.planned.is_empty() {
        let merged = merge(held, input.planned);
        for (k, &(date, planned)) in merged.iter().enumerate() {
            let due = due.nth(k, |j| merged[j].0);
            if planned && date > due {
                violations.push(Violation::PlannedTooLate { planned: date, due });
            }
        }
    }
    Reading { next_due, violations, dues, blocks: Vec::new() }
}
