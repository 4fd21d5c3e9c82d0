//! `plan check`: the meeting-frequency rules and every other finding, as data.
//!
//! [`rules`] judges one recurring activity on dates alone; this module feeds it from the plan,
//! adds the findings that need the plan itself (held dates outside the plan or the window, windows
//! that closed with nothing recorded, unused parties), and places each finding in the file.

pub mod rules;

use chrono::NaiveDate;

use crate::model::{Activity, Number, Plan, Rule, Status as ActivityStatus};
use crate::span::Pos;
use crate::when::{DateRange, Schedule};
use rules::{RuleInput, RuleKind, Status, Violation};

/// `--due-within` when not given: a month's notice before a meeting is due.
pub const DEFAULT_DUE_WITHIN: u32 = 30;

/// What the check is run with.
#[derive(Debug, Clone, Copy)]
pub struct Options {
    /// `--as-of`, before clamping to the plan's end.
    pub as_of: NaiveDate,
    /// `--due-within`: days ahead of the as-of date that count as due soon.
    pub due_within: u32,
}

/// Everything `check` found.
#[derive(Debug, Clone)]
pub struct Report {
    /// The as-of date actually used (clamped to the plan's end).
    pub as_of: NaiveDate,
    /// One per recurring activity that is not cancelled, in file order.
    pub rules: Vec<RuleReport>,
    /// In file order of where each stands.
    pub findings: Vec<Finding>,
}

/// The verdict on one recurring activity.
#[derive(Debug, Clone)]
pub struct RuleReport {
    pub number: Number,
    pub title: String,
    pub times: u32,
    pub months: u32,
    pub as_needed: bool,
    pub rule: Rule,
    pub last_before: Option<NaiveDate>,
    /// The held dates the rule counted: inside the plan, not after the as-of date, sorted.
    pub held: Vec<NaiveDate>,
    pub next_due: NaiveDate,
    pub status: Status,
}

/// Errors make `check` exit 1; warnings only with `--strict`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Warning,
    Error,
}

/// One finding, placed at the activity (or the offending date) in the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub what: What,
    /// The activity, or `None` for a party.
    pub number: Option<Number>,
    pub title: String,
    pub pos: Pos,
}

/// What was found, with the dates that explain it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum What {
    /// A finding of the frequency rules.
    Rule(Violation),
    HeldOutsidePlan {
        date: NaiveDate,
        plan: DateRange,
    },
    HeldAfterAsOf {
        date: NaiveDate,
        as_of: NaiveDate,
    },
    HeldOutsideWindow {
        date: NaiveDate,
    },
    NotRecorded {
        closed: NaiveDate,
    },
    UnusedParty {
        id: String,
    },
}

impl What {
    /// The stable code of spec §4, for scripts and for `error[code]`.
    #[must_use]
    pub fn code(&self) -> &'static str {
        match self {
            What::Rule(Violation::GapExceeded { .. }) => "gap-exceeded",
            What::Rule(Violation::BlockMissed { .. }) => "block-missed",
            What::Rule(Violation::Overdue { .. }) => "overdue",
            What::Rule(Violation::DueSoon { .. }) => "due-soon",
            What::Rule(Violation::PlannedTooLate { .. }) => "planned-too-late",
            What::HeldOutsidePlan { .. } => "held-outside-plan",
            What::HeldAfterAsOf { .. } => "held-after-as-of",
            What::HeldOutsideWindow { .. } => "held-outside-window",
            What::NotRecorded { .. } => "not-recorded",
            What::UnusedParty { .. } => "unused-party",
        }
    }

    /// Error or warning, as spec §4 fixes it per code.
    #[must_use]
    pub fn severity(&self) -> Severity {
        match self {
            What::Rule(violation) if violation.is_error() => Severity::Error,
            What::HeldOutsidePlan { .. } => Severity::Error,
            _ => Severity::Warning,
        }
    }
}

impl Report {
    /// How many findings are errors.
    #[must_use]
    pub fn errors(&self) -> usize {
        self.findings.iter().filter(|f| f.what.severity() == Severity::Error).count()
    }

    /// How many findings are warnings.
    #[must_use]
    pub fn warnings(&self) -> usize {
        self.findings.len() - self.errors()
    }

    /// Whether `check` passes: no errors, and no warnings either when `strict`.
    #[must_use]
    pub fn ok(&self, strict: bool) -> bool {
        self.errors() == 0 && !(strict && self.warnings() > 0)
    }
}

/// Runs every check on `plan`.
#[must_use]
pub fn check(plan: &Plan, options: Options) -> Report {
    let as_of = options.as_of.min(plan.period.to);
    let mut rules = Vec::new();
    let mut findings = Vec::new();
    for (_, activity) in plan.activities() {
        let mut found = |what: What, pos: Pos| {
            findings.push(Finding { what, number: Some(activity.number), title: activity.title.clone(), pos });
        };
        for held in &activity.held {
            if !plan.period.contains(held.date) {
                found(What::HeldOutsidePlan { date: held.date, plan: plan.period }, held.pos);
            } else if held.date > as_of {
                found(What::HeldAfterAsOf { date: held.date, as_of }, held.pos);
            } else if let Schedule::Window(ranges) = &activity.schedule
                && !ranges.iter().any(|r| r.contains(held.date))
            {
                found(What::HeldOutsideWindow { date: held.date }, held.pos);
            }
        }
        if activity.status == ActivityStatus::Cancelled {
            continue;
        }
        if let Schedule::Window(ranges) = &activity.schedule
            && let Some(closed) = ranges.iter().map(|r| r.to).max()
            && closed < as_of
            && activity.held.is_empty()
        {
            found(What::NotRecorded { closed }, activity.pos);
        }
        if let Some(report) = judge(plan, activity, as_of, options.due_within, &mut found) {
            rules.push(report);
        }
    }
    for (party, (responsible, agrees)) in plan.parties.iter().zip(crate::query::party_counts(plan)) {
        if responsible + agrees == 0 {
            let what = What::UnusedParty { id: party.id.clone() };
            findings.push(Finding { what, number: None, title: party.name.clone(), pos: party.pos });
        }
    }
    // In file order, as a compiler lists its messages; the sort is stable, so findings at one
    // place keep the order they were found in.
    findings.sort_by_key(|f| f.pos);
    Report { as_of, rules, findings }
}

/// The verdict on one recurring activity alone (for `plan show`); `None` when it is not recurring.
#[must_use]
pub fn judge_one(plan: &Plan, activity: &Activity, options: Options) -> Option<RuleReport> {
    judge(plan, activity, options.as_of.min(plan.period.to), options.due_within, &mut |_, _| {})
}

/// Evaluates the frequency rule of a recurring activity, reporting its violations through `found`.
fn judge(
    plan: &Plan,
    activity: &Activity,
    as_of: NaiveDate,
    due_within: u32,
    found: &mut impl FnMut(What, Pos),
) -> Option<RuleReport> {
    let recurrence = activity.recurrence()?;
    let mut held: Vec<NaiveDate> =
        activity.held.iter().map(|d| d.date).filter(|&d| plan.period.contains(d) && d <= as_of).collect();
    held.sort_unstable();
    held.dedup();
    // Planned dates already past were either held (and recorded so) or not: only the future is judged.
    let mut planned: Vec<NaiveDate> = activity.planned.iter().map(|d| d.date).filter(|&d| d >= as_of).collect();
    planned.sort_unstable();
    planned.dedup();
    let rule = activity.rule.unwrap_or(Rule::Rolling);
    let outcome = rules::evaluate(&RuleInput {
        times: recurrence.times,
        months: recurrence.months,
        kind: match rule {
            Rule::Rolling => RuleKind::Rolling,
            Rule::Calendar => RuleKind::Calendar,
            Rule::Both => RuleKind::Both,
        },
        plan_start: plan.period.from,
        plan_end: plan.period.to,
        as_of,
        last_before: activity.last_before.as_ref().map(|d| d.date),
        held: &held,
        planned: &planned,
        due_within_days: due_within,
    });
    for violation in outcome.violations {
        // A late meeting or a late plan is pointed at where its date is written.
        let pos = match violation {
            Violation::GapExceeded { held: date, .. } => activity.held.iter().find(|d| d.date == date).map(|d| d.pos),
            Violation::PlannedTooLate { planned: date, .. } => {
                activity.planned.iter().find(|d| d.date == date).map(|d| d.pos)
            }
            _ => None,
        };
        found(What::Rule(violation), pos.unwrap_or(activity.pos));
    }
    Some(RuleReport {
        number: activity.number,
        title: activity.title.clone(),
        times: recurrence.times,
        months: recurrence.months,
        as_needed: recurrence.as_needed,
        rule,
        last_before: activity.last_before.as_ref().map(|d| d.date),
        held,
        next_due: outcome.next_due,
        status: outcome.status,
    })
}
