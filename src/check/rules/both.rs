//! The "both" reading: `combine` unites a rolling and a calendar reading of one rule.

use super::{Reading, RuleInput, Violation, timing};

/// Unites the two readings: the earlier next due date, judged once for overdue or due soon (never
/// both), and each planned date reported once against its earlier due date.
pub(super) fn combine(rolling: Reading, calendar: Reading, input: &RuleInput<'_>) -> Reading {
    let next_due = rolling.next_due.min(calendar.next_due);
    let mut violations = Vec::new();
    let mut late = Vec::new();
    for violation in rolling.violations.into_iter().chain(calendar.violations) {
        match violation {
            Violation::DueSoon { .. } | Violation::Overdue { .. } => {}
            Violation::PlannedTooLate { planned, due } => late.push((planned, due)),
            _ => violations.push(violation),
        }
    }
    late.sort_unstable();
    late.dedup_by_key(|&mut (planned, _)| planned);
    violations.extend(timing(next_due, input));
    violations.extend(late.into_iter().map(|(planned, due)| Violation::PlannedTooLate { planned, due }));
    Reading { next_due, violations, dues: rolling.dues, blocks: calendar.blocks }
}
