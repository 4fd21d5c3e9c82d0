//! `plan check`: the meeting-frequency rules and every other finding, as data.
//!
//! [`rules`] judges one recurring activity on dates alone; this module feeds it from the plan and
//! the other plans of its series (`series.rs`: one plan spanning them all, spec §4), adds the
//! findings that need the plan itself (held dates outside the plan or the window, windows that
//! closed with nothing recorded, unused parties, overlapping plans), and places each finding in
//! the file. [`folder`] finds the series' other plans on disk, the one place `check` reads it.
//!
//! Public API: [`check`] and [`check_series`] give a [`Report`] of [`RuleReport`]s and
//! [`Finding`]s; [`judge_one`], [`judge_in_series`] and [`judge_period`] give one activity's
//! verdict for `show`, `held` and `report`.

pub mod folder;
mod message;
pub mod outcome;
pub mod rules;
mod series;

use chrono::NaiveDate;

use crate::model::{Activity, Number, Plan, Rule, Status as ActivityStatus};
use crate::span::Pos;
use crate::when::{DateRange, Recurrence, Schedule};
use rules::{RuleInput, RuleKind, Status, Violation};

/// `--due-within` when not given: a month's notice before a meeting is due.
pub const DEFAULT_DUE_WITHIN: u32 = 30;

/// What the check is run with.
#[derive(Debug, Clone, Copy)]
pub struct Options {
    /// `--as-of`. Not clamped: a due date that passed unmet by it is overdue even after the plan's end.
    pub as_of: NaiveDate,
    /// `--due-within`: days ahead of the as-of date that count as due soon.
    pub due_within: u32,
}

impl Options {
    /// `check`'s options at `as_of` with the default `--due-within`.
    #[must_use]
    pub fn at(as_of: NaiveDate) -> Self {
        Options { as_of, due_within: DEFAULT_DUE_WITHIN }
    }
}

/// Everything `check` found.
#[derive(Debug, Clone)]
pub struct Report {
    /// The as-of date.
    pub as_of: NaiveDate,
    /// The plan's first day when the as-of date is before it: what the series has due now is
    /// reported, and the findings that do not depend on the as-of date; the plan's own past is not.
    pub not_started: Option<NaiveDate>,
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
    /// The rule as the plan states it: N per M months or W weeks, and whether "as needed".
    pub recurrence: Recurrence,
    pub rule: Rule,
    pub last_before: Option<NaiveDate>,
    /// The held dates the rule counted: inside the plan, not after the as-of date, sorted.
    pub held: Vec<NaiveDate>,
    pub next_due: NaiveDate,
    pub status: Status,
    /// The breaches on the record (`gap-exceeded`, `block-missed`) and `overdue`, in the engine's
    /// order: what a report explains.
    pub breaches: Vec<Violation>,
    /// The rolling due dates the engine judged by (see [`rules::RuleOutcome::dues`]).
    pub dues: Vec<rules::Due>,
    /// The calendar blocks the engine judged by (see [`rules::RuleOutcome::blocks`]).
    pub blocks: Vec<rules::Block>,
    /// The fewest meetings that would have kept the rule from the plan's start to the as-of date
    /// or the plan's end, whichever is earlier ([`rules::fewest_meetings`]).
    pub required: u64,
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
    /// The file of another plan of the series where the date this finding is about is recorded.
    pub recorded_in: Option<String>,
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
    /// A `planned` date before the as-of date that is not also held.
    PlannedPassed {
        date: NaiveDate,
    },
    /// `last_before` disagrees with the last held date of the activity in the earlier plan.
    LastBeforeMismatch {
        last_before: NaiveDate,
        held: NaiveDate,
        file: String,
    },
    /// `when` was read by its start; `unread` are the words after it that were not used.
    WhenPartlyRead {
        unread: String,
    },
    /// A time of whole years ran past the plan's period and was clipped to it; said once per
    /// plan, at the first such activity, with how many `more` there are.
    WindowClipped {
        when: String,
        plan: DateRange,
        more: usize,
    },
    /// Another plan of the folder covers part of this plan's period: the two are no series.
    SeriesOverlap {
        file: String,
        period: DateRange,
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
            What::PlannedPassed { .. } => "planned-passed",
            What::LastBeforeMismatch { .. } => "last-before-mismatch",
            What::WhenPartlyRead { .. } => "when-partly-read",
            What::WindowClipped { .. } => "window-clipped",
            What::SeriesOverlap { .. } => "series-overlap",
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

/// Runs every check on `plan` alone.
#[must_use]
pub fn check(plan: &Plan, options: Options) -> Report {
    check_series(plan, &[], options)
}

/// Runs every check on `plan`, with `others` the other plans of its folder: an activity with an
/// `id` continues in them (spec §4, the series).
#[must_use]
pub fn check_series(plan: &Plan, others: &[Plan], options: Options) -> Report {
    let as_of = options.as_of;
    // Before the plan starts nothing is due, and every held date lies after the as-of date: only
    // what does not depend on it is said.
    let not_started = (as_of < plan.period.from).then_some(plan.period.from);
    let mut rules = Vec::new();
    let mut findings = Vec::new();
    findings.extend(times_not_fully_read(plan));
    for (_, activity) in plan.activities() {
        // The windows of a windowed activity; "whole period" is a window too (spec §2): the plan's.
        let windows: Option<&[DateRange]> = match &activity.schedule {
            Schedule::Window(ranges) => Some(ranges),
            Schedule::WholePeriod => Some(std::slice::from_ref(&plan.period)),
            Schedule::AtLeast(_) | Schedule::AsNeeded => None,
        };
        let mut found = |what: What, pos: Pos| {
            findings.push(Finding {
                what,
                recorded_in: None,
                number: Some(activity.number),
                title: activity.title.clone(),
                pos,
            });
        };
        for held in &activity.held {
            // At most one of outside-the-plan (first) and after-the-as-of-date; the window on its own.
            if !plan.period.contains(held.date) {
                found(What::HeldOutsidePlan { date: held.date, plan: plan.period }, held.pos);
            } else if held.date > as_of && not_started.is_none() {
                found(What::HeldAfterAsOf { date: held.date, as_of }, held.pos);
            }
            if let Some(ranges) = windows
                && !ranges.iter().any(|r| r.contains(held.date))
            {
                found(What::HeldOutsideWindow { date: held.date }, held.pos);
            }
        }
        if activity.status == ActivityStatus::Cancelled {
            continue;
        }
        if not_started.is_none() {
            for planned in &activity.planned {
                if planned.date < as_of && !activity.held.iter().any(|h| h.date == planned.date) {
                    found(What::PlannedPassed { date: planned.date }, planned.pos);
                }
            }
        }
        let mut judged = Vec::new();
        let report = judge(plan, others, activity, as_of, options.due_within, &mut |what, pos, file| {
            judged.push((what, pos, file));
        });
        // The one judge of "done" (the report asks it too): a time that ended before the as-of
        // date with no mark. (On the plan's last day the report already says «нет отметки»: the
        // year is being closed; `check` waits for the window to close, as spec §4 says.)
        if not_started.is_none()
            && let outcome::Judgement { outcome: outcome::Outcome::NotRecorded, closed: Some(closed) } =
                outcome::judge(plan, activity, as_of, report.as_ref())
            && closed < as_of
            // `not-recorded` is for a time with a window (spec §4); rules have their own findings.
            && windows.is_some()
        {
            found(What::NotRecorded { closed }, activity.pos);
        }
        for (what, pos, recorded_in) in judged {
            // Before the start, what is due now (the series' at the as-of date) and what does not
            // depend on the as-of date are said; this plan's past and plans are not judged yet.
            let now = matches!(
                what,
                What::LastBeforeMismatch { .. } | What::Rule(Violation::Overdue { .. } | Violation::DueSoon { .. })
            );
            if not_started.is_none() || now {
                findings.push(Finding {
                    what,
                    recorded_in,
                    number: Some(activity.number),
                    title: activity.title.clone(),
                    pos,
                });
            }
        }
        rules.extend(report);
    }
    for other in series::overlapping(plan, others) {
        findings.push(Finding {
            what: What::SeriesOverlap { file: other.path.clone(), period: other.period },
            recorded_in: None,
            number: None,
            title: String::new(),
            pos: Pos { line: 1, column: 1 },
        });
    }
    for (party, (responsible, agrees)) in plan.parties.iter().zip(crate::query::party_counts(plan)) {
        if responsible + agrees == 0 {
            let what = What::UnusedParty { id: party.id.clone() };
            findings.push(Finding { what, recorded_in: None, number: None, title: party.name.clone(), pos: party.pos });
        }
    }
    // In file order, as a compiler lists its messages; the sort is stable, so findings at one
    // place keep the order they were found in.
    findings.sort_by_key(|f| f.pos);
    Report { as_of, not_started, rules, findings }
}

/// `when-partly-read` for every `when` read by its start, and `window-clipped` once for the plan.
fn times_not_fully_read(plan: &Plan) -> Vec<Finding> {
    let finding = |activity: &Activity, what| Finding {
        what,
        recorded_in: None,
        number: Some(activity.number),
        title: activity.title.clone(),
        pos: activity.pos,
    };
    let mut found: Vec<Finding> = plan
        .activities()
        .filter_map(|(_, a)| {
            let unread = crate::when::Aside::words(&a.when, a.aside.unread.as_ref())?;
            Some(finding(a, What::WhenPartlyRead { unread: unread.to_owned() }))
        })
        .collect();
    let mut clipped = plan.activities().map(|(_, a)| a).filter(|a| a.aside.clipped);
    if let Some(first) = clipped.next() {
        let what = What::WindowClipped { when: first.when.clone(), plan: plan.period, more: clipped.count() };
        found.push(finding(first, what));
    }
    found
}

/// The verdict on one recurring activity alone (for `plan show`); `None` when it is not recurring.
#[must_use]
pub fn judge_one(plan: &Plan, activity: &Activity, options: Options) -> Option<RuleReport> {
    judge(plan, &[], activity, options.as_of, options.due_within, &mut |_, _, _| {})
}

/// [`judge_one`] with the other plans of the series.
#[must_use]
pub fn judge_in_series(plan: &Plan, others: &[Plan], activity: &Activity, options: Options) -> Option<RuleReport> {
    judge(plan, others, activity, options.as_of, options.due_within, &mut |_, _, _| {})
}

/// The verdict on one recurring activity over the plan's own period, as the fulfilment report
/// judges it: with the as-of date at or after the plan's end the period is complete, and every
/// block and due date up to its last day is judged (a fourth quarter without a meeting is
/// `block-missed`); a due date after the plan's end is not this plan's.
#[must_use]
pub fn judge_period(plan: &Plan, activity: &Activity, as_of: NaiveDate) -> Option<RuleReport> {
    let judged_on = match plan.period.to.succ_opt() {
        Some(day_after) if as_of >= plan.period.to => day_after,
        _ => as_of,
    };
    let mut report = judge(plan, &[], activity, judged_on, 0, &mut |_, _, _| {})?;
    // Days late are counted to the last day judged, as `check` on that day counts them.
    let until = as_of.min(plan.period.to);
    for breach in &mut report.breaches {
        if let Violation::Overdue { due, days } = breach {
            *days = (until - *due).num_days().max(1);
        }
    }
    // The report states what happened, not what is coming.
    if report.status == Status::DueSoon {
        report.status = Status::Ok;
    }
    Some(report)
}

/// Reports each violation at the date it is about (its first mention in the file), or at the
/// activity; a date recorded in another plan of the series is named with that plan's file.
fn place(
    activity: &Activity,
    violations: Vec<Violation>,
    elsewhere: &impl Fn(NaiveDate) -> Option<String>,
    found: &mut impl FnMut(What, Pos, Option<String>),
) {
    // Looked up in a map, since a rule with thousands of dates may break on many of them.
    let first_mention = |dates: &[crate::model::Dated]| {
        let mut at = std::collections::BTreeMap::new();
        for dated in dates {
            at.entry(dated.date).or_insert(dated.pos);
        }
        at
    };
    let (held_at, planned_at) = if violations.is_empty() {
        Default::default()
    } else {
        (first_mention(&activity.held), first_mention(&activity.planned))
    };
    for violation in violations {
        let (pos, file) = match violation {
            Violation::GapExceeded { held: date, .. } => match held_at.get(&date) {
                Some(&pos) => (Some(pos), None),
                None => (None, elsewhere(date)),
            },
            Violation::PlannedTooLate { planned: date, .. } => (planned_at.get(&date).copied(), None),
            _ => (None, None),
        };
        found(What::Rule(violation), pos.unwrap_or(activity.pos), file);
    }
}

/// Evaluates the frequency rule of a recurring activity, reporting its violations through `found`
/// with the file of another plan of the series when the date they are about is recorded there.
fn judge(
    plan: &Plan,
    others: &[Plan],
    activity: &Activity,
    as_of: NaiveDate,
    due_within: u32,
    found: &mut impl FnMut(What, Pos, Option<String>),
) -> Option<RuleReport> {
    let recurrence = activity.recurrence()?;
    let series = series::series(plan, others, activity, as_of);
    let mut held: Vec<NaiveDate> =
        activity.held.iter().map(|d| d.date).filter(|&d| plan.period.contains(d) && d <= as_of).collect();
    held.sort_unstable();
    held.dedup();
    // The series' dates, up to the as-of date: judged as one plan spanning the series judges them.
    let mut counted: Vec<NaiveDate> = series.elsewhere.iter().map(|&(d, _)| d).chain(held.iter().copied()).collect();
    counted.sort_unstable();
    counted.dedup();
    let elsewhere = |date: NaiveDate| series.elsewhere.iter().find(|(d, _)| *d == date).map(|(_, f)| (*f).to_owned());
    // Planned dates already past were either held (and recorded so) or not: only the future is judged.
    let mut planned: Vec<NaiveDate> = activity.planned.iter().map(|d| d.date).filter(|&d| d >= as_of).collect();
    planned.sort_unstable();
    planned.dedup();
    let rule = activity.rule.unwrap_or(Rule::Rolling);
    let input = RuleInput {
        times: recurrence.times,
        every: recurrence.every,
        unit: recurrence.unit,
        kind: match rule {
            Rule::Rolling => RuleKind::Rolling,
            Rule::Calendar => RuleKind::Calendar,
            Rule::Both => RuleKind::Both,
        },
        plan_start: plan.period.from,
        plan_end: series.span.to,
        as_of,
        last_before: Some(series.clock),
        held: &counted,
        planned: &planned,
        due_within_days: due_within,
    };
    let mut outcome = rules::evaluate(&input);
    // Past breaches belong to the plan whose period holds the due date or the block's end.
    let owns = |due: NaiveDate| series.owned_by(plan.period.to, due);
    outcome.violations.retain(|v| match *v {
        Violation::GapExceeded { due, .. } | Violation::PlannedTooLate { due, .. } => owns(due),
        Violation::BlockMissed { to, .. } => owns(to),
        Violation::Overdue { .. } | Violation::DueSoon { .. } => true,
    });
    // What is due now is the series' at the as-of date: the calendar blocks of the plan in force then.
    if series.in_force_start != plan.period.from && input.kind != RuleKind::Rolling {
        let now = rules::evaluate(&RuleInput { plan_start: series.in_force_start, ..input });
        outcome.next_due = now.next_due;
        outcome.violations.retain(|v| !matches!(v, Violation::Overdue { .. } | Violation::DueSoon { .. }));
        outcome.violations.extend(
            now.violations.into_iter().filter(|v| matches!(v, Violation::Overdue { .. } | Violation::DueSoon { .. })),
        );
    }
    outcome.status = rules::status_of(&outcome.violations);
    // What the rule required of this plan alone, from its own clock.
    let own = RuleInput { last_before: activity.last_before.as_ref().map(|d| d.date), ..input };
    let required = rules::fewest_meetings(&own, as_of.min(plan.period.to));
    if let (Some(last_before), Some((last, file))) = (&activity.last_before, series.earlier_last)
        && last_before.date != last
    {
        found(
            What::LastBeforeMismatch { last_before: last_before.date, held: last, file: file.to_owned() },
            last_before.pos,
            None,
        );
    }
    let breaches: Vec<Violation> = outcome.violations.iter().copied().filter(Violation::is_error).collect();
    place(activity, outcome.violations, &elsewhere, found);
    Some(RuleReport {
        number: activity.number,
        title: activity.title.clone(),
        recurrence: *recurrence,
        rule,
        last_before: activity.last_before.as_ref().map(|d| d.date),
        held,
        next_due: outcome.next_due,
        status: outcome.status,
        breaches,
        dues: outcome.dues,
        blocks: outcome.blocks,
        required,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    /// A one-activity plan for 2019 whose activity has the given `when` and extra keys.
    fn plan(when: &str, extra: &str) -> Plan {
        let text = format!(
            "[plan]\ntitle = \"T\"\nyear = 2019\n[parties.p]\nname = \"P\"\n[[section]]\ntitle = \"S\"\n\
             [[section.activity]]\ntitle = \"A\"\nwhen = \"{when}\"\nresponsible = [\"p\"]\n{extra}"
        );
        crate::model::parse("t.toml", text.as_bytes()).unwrap_or_else(|e| panic!("{:?}", e.diagnostics))
    }

    fn codes(report: &Report) -> Vec<&'static str> {
        report.findings.iter().map(|f| f.what.code()).collect()
    }

    fn run(plan: &Plan, as_of: &str) -> Report {
        check(plan, Options { as_of: day(as_of), due_within: DEFAULT_DUE_WITHIN })
    }

    #[test]
    fn findings_on_recorded_dates_and_windows() {
        // (when, extra keys, as of, expected codes)
        let table: [(&str, &str, &str, &[&str]); 17] = [
            ("май", "held = [2019-05-10]", "2019-06-01", &[]),
            // Something is recorded, at a wrong date: no `not-recorded` on top; the window is judged
            // on its own (spec §4), and no date outside the plan is inside a window.
            ("май", "held = [2018-05-10]", "2019-06-01", &["held-outside-plan", "held-outside-window"]),
            ("май", "held = [2020-01-10]", "2019-06-01", &["held-outside-plan", "held-outside-window"]),
            // A date after the as-of date and outside the window gets both.
            ("май", "held = [2019-06-03]", "2019-06-01", &["held-after-as-of", "held-outside-window"]),
            ("май", "held = [2019-05-20]", "2019-05-10", &["held-after-as-of"]),
            ("май", "held = [2019-06-03]", "2019-07-01", &["held-outside-window"]),
            ("май", "", "2019-06-01", &["not-recorded"]),
            // The window closes on 31 May: on that day it is still open.
            ("май", "", "2019-05-31", &[]),
            ("апрель, октябрь", "", "2019-06-01", &[]),
            ("апрель, октябрь", "", "2019-11-01", &["not-recorded"]),
            ("май", "status = \"cancelled\"", "2019-06-01", &[]),
            // A cancelled activity held outside the plan is still a wrong date.
            (
                "май",
                "held = [2018-05-10]\nstatus = \"cancelled\"",
                "2019-06-01",
                &["held-outside-plan", "held-outside-window"],
            ),
            ("весь период", "", "2019-12-31", &[]),
            // "Whole period" is a window (spec §2): the plan's own, closed the day after its end.
            ("весь период", "", "2020-01-01", &["not-recorded"]),
            ("весь период", "status = \"cancelled\"", "2020-01-01", &[]),
            ("весь период", "held = [2019-05-10]", "2020-01-01", &[]),
            ("весь период", "held = [2018-12-31]", "2019-06-01", &["held-outside-plan", "held-outside-window"]),
        ];
        for (when, extra, as_of, expected) in table {
            let report = run(&plan(when, extra), as_of);
            assert_eq!(codes(&report), expected, "{when} / {extra} / {as_of}");
        }
    }

    #[test]
    fn findings_point_at_the_date_or_the_activity() {
        let report = run(&plan("май", "held = [2019-05-02, 2018-05-10]"), "2019-06-01");
        let finding = &report.findings[0];
        assert_eq!(finding.what, What::HeldOutsidePlan { date: day("2018-05-10"), plan: report_plan() });
        assert_eq!((finding.pos.line, finding.pos.column), (12, 21));
        let report = run(&plan("май", ""), "2019-06-01");
        assert_eq!((report.findings[0].pos.line, report.findings[0].pos.column), (8, 1));
    }

    fn report_plan() -> DateRange {
        DateRange { from: day("2019-01-01"), to: day("2019-12-31") }
    }

    #[test]
    fn rules_count_only_held_dates_inside_the_plan_and_not_after_as_of() {
        let plan = plan("ежеквартально", "held = [2018-12-20, 2019-03-01, 2019-05-30]");
        let report = run(&plan, "2019-04-15");
        let rule = &report.rules[0];
        assert_eq!(rule.held, [day("2019-03-01")]);
        assert_eq!(rule.next_due, day("2019-06-01"));
        assert_eq!(codes(&report), ["held-outside-plan", "held-after-as-of"]);
    }

    #[test]
    fn cancelled_recurring_activities_are_not_judged() {
        let report = run(&plan("ежемесячно", "status = \"cancelled\""), "2019-12-31");
        assert!(report.rules.is_empty());
        assert!(report.findings.is_empty());
    }

    #[test]
    fn as_of_is_not_clamped_and_due_dates_run_past_the_plans_end() {
        let plan = plan("не реже 1-го раза в 6 месяцев", "held = [2019-06-20, 2019-11-30]");
        let report = run(&plan, "2026-11-26");
        assert_eq!(report.as_of, day("2026-11-26"));
        assert_eq!(report.rules[0].next_due, day("2020-05-30"));
        assert_eq!(report.rules[0].status, rules::Status::Overdue);
        // The case: last met 10.07.2019 under a half-year rule, checked in February 2020.
        let plan = self::plan("не реже 1-го раза в 6 месяцев", "held = [2019-03-10, 2019-07-10]");
        let report = run(&plan, "2020-02-20");
        assert_eq!(codes(&report), ["overdue"]);
        assert_eq!(report.rules[0].next_due, day("2020-01-10"));
    }

    #[test]
    fn planned_dates_before_as_of_are_not_judged() {
        let plan = plan("ежемесячно", "held = [2019-01-20]\nplanned = [2019-01-25, 2019-04-01]");
        let report = run(&plan, "2019-02-10");
        // 1 April is after the due date of 20 February; 25 January is past and not judged.
        let late: Vec<_> = report
            .findings
            .iter()
            .filter_map(|f| match f.what {
                What::Rule(rules::Violation::PlannedTooLate { planned, due }) => Some((planned, due)),
                _ => None,
            })
            .collect();
        assert_eq!(late, [(day("2019-04-01"), day("2019-02-20"))]);
    }

    #[test]
    fn unused_parties_are_warned_about() {
        let text = "[plan]\ntitle = \"T\"\nyear = 2019\n[parties.p]\nname = \"P\"\n[parties.q]\nname = \"Q\"\n\
                    [[section]]\ntitle = \"S\"\n[[section.activity]]\ntitle = \"A\"\nwhen = \"весь период\"\nresponsible = [\"p\"]\n";
        let plan = crate::model::parse("t.toml", text.as_bytes()).unwrap();
        let report = run(&plan, "2019-06-01");
        assert_eq!(codes(&report), ["unused-party"]);
        assert_eq!(report.findings[0].what.severity(), Severity::Warning);
        assert_eq!((report.findings[0].pos.line, report.findings[0].pos.column), (6, 10));
    }

    #[test]
    fn severities_and_the_strict_reading() {
        let report = run(&plan("май", ""), "2019-06-01");
        assert_eq!((report.errors(), report.warnings()), (0, 1));
        assert!(report.ok(false));
        assert!(!report.ok(true));
        let report = run(&plan("май", "held = [2018-05-10]"), "2019-06-01");
        assert_eq!(report.errors(), 1);
        assert!(!report.ok(false));
    }

    /// A plan at `path` over `period` (TOML keys) with one activity `council` of rule `when`.
    fn member(path: &str, period: &str, when: &str, held: &[&str]) -> Plan {
        let text = format!(
            "[plan]\ntitle = \"T\"\n{period}\n[parties.p]\nname = \"P\"\n[[section]]\ntitle = \"S\"\n\
             [[section.activity]]\nid = \"council\"\ntitle = \"A\"\nwhen = \"{when}\"\nresponsible = [\"p\"]\n\
             held = [{}]\n",
            held.join(", ")
        );
        crate::model::parse(path, text.as_bytes()).unwrap_or_else(|e| panic!("{:?}", e.diagnostics))
    }

    fn rule_codes(report: &Report) -> Vec<(&'static str, Option<NaiveDate>, Option<&str>)> {
        report
            .findings
            .iter()
            .map(|f| {
                let due = match f.what {
                    What::Rule(rules::Violation::GapExceeded { due, .. } | rules::Violation::Overdue { due, .. }) => {
                        Some(due)
                    }
                    What::Rule(rules::Violation::DueSoon { due, .. }) => Some(due),
                    _ => None,
                };
                (f.what.code(), due, f.recorded_in.as_deref())
            })
            .collect()
    }

    #[test]
    fn two_per_twelve_months_split_across_plans_is_judged_as_one_plan() {
        // The case: 27.04.2018 in the 2018 plan, 05.01.2019 in the 2019 plan. From the
        // series' clock, 01.01.2018, both meetings were due by 01.01.2019: the second was late.
        let when = "не реже 2 раз в 12 месяцев";
        let y2018 = member("plans/2018.toml", "year = 2018", when, &["2018-04-27"]);
        let y2019 = member("plans/2019.toml", "year = 2019", when, &["2019-01-05"]);
        let options = Options::at(day("2019-02-01"));
        let report = check_series(&y2019, std::slice::from_ref(&y2018), options);
        assert_eq!(rule_codes(&report), [("gap-exceeded", Some(day("2019-01-01")), None)]);
        // The third is due 12 months after the first.
        assert_eq!(report.rules[0].next_due, day("2019-04-27"));
        // The due date lies in 2019: the 2018 plan does not report it, and says the same of now.
        let report = check_series(&y2018, std::slice::from_ref(&y2019), options);
        assert_eq!(rule_codes(&report), []);
        assert_eq!(report.rules[0].next_due, day("2019-04-27"));
    }

    #[test]
    fn three_per_twelve_months_runs_across_plans_in_both_directions() {
        // Spec §4: the third meeting was due on 01.01.2020; the 2020 plan reports it 14 days late.
        let when = "не реже 3 раз в 12 месяцев";
        let y2019 = member("plans/2019.toml", "year = 2019", when, &["2019-02-10", "2019-11-20"]);
        let y2020 = member("plans/2020.toml", "year = 2020", when, &["2020-01-15"]);
        let options = Options::at(day("2020-02-01"));
        // The fourth is due 12 months after the first: 10.02.2020, 9 days away, in both plans.
        let soon = ("due-soon", Some(day("2020-02-10")), None);
        let report = check_series(&y2020, std::slice::from_ref(&y2019), options);
        assert_eq!(rule_codes(&report), [soon, ("gap-exceeded", Some(day("2020-01-01")), None)]);
        let report = check_series(&y2019, std::slice::from_ref(&y2020), options);
        assert_eq!(rule_codes(&report), [soon]);
    }

    #[test]
    fn before_its_start_a_plan_says_what_the_series_has_due() {
        // Spec §4: in December 2019 the 2020 plan too says the council must meet by 10.01.2020.
        let when = "не реже 1-го раза в 6 месяцев";
        let y2019 = member("plans/2019.toml", "year = 2019", when, &["2019-03-10", "2019-07-10"]);
        let y2020 = member("plans/2020.toml", "year = 2020", when, &[]);
        let report = check_series(&y2020, std::slice::from_ref(&y2019), Options::at(day("2019-12-15")));
        assert_eq!(report.not_started, Some(day("2020-01-01")));
        assert_eq!(report.rules[0].next_due, day("2020-01-10"));
        assert_eq!(rule_codes(&report), [("due-soon", Some(day("2020-01-10")), None)]);
        // The case: a 2019–2020 plan checked as of 01.09.2018 is due when the series is.
        let long = member("plans/2019-2020.toml", "start = 2019-01-01\nend = 2020-12-31", when, &[]);
        let y2018 = member("plans/2018.toml", "year = 2018", when, &["2018-09-01"]);
        let report = check_series(&long, std::slice::from_ref(&y2018), Options::at(day("2018-09-01")));
        assert_eq!(report.rules[0].next_due, day("2019-03-01"));
        // With no earlier plan the clock starts at the plan's own start.
        let report = check_series(&long, &[], Options::at(day("2018-09-01")));
        assert_eq!(report.rules[0].next_due, day("2019-07-01"));
    }

    #[test]
    fn overlapping_plans_are_judged_apart_and_warned_about() {
        let when = "не реже 1-го раза в 6 месяцев";
        let y2018 = member("plans/2018.toml", "year = 2018", when, &["2018-11-01"]);
        let y2019 = member("plans/2019.toml", "year = 2019", when, &["2019-03-01"]);
        let copy = member("plans/2019-copy.toml", "start = 2019-06-01\nend = 2020-05-31", when, &["2019-08-01"]);
        let report = check_series(&y2019, &[y2018.clone(), copy.clone()], Options::at(day("2019-10-01")));
        // The copy's 01.08.2019 is not counted: 6 months after 01.03.2019 passed on 01.09.2019.
        assert_eq!(report.rules[0].next_due, day("2019-09-01"));
        let overlap: Vec<_> = report.findings.iter().filter(|f| f.what.code() == "series-overlap").collect();
        assert_eq!(overlap.len(), 1);
        assert_eq!(
            overlap[0].what,
            What::SeriesOverlap {
                file: "plans/2019-copy.toml".into(),
                period: DateRange { from: day("2019-06-01"), to: day("2020-05-31") }
            }
        );
        assert_eq!(overlap[0].what.severity(), Severity::Warning);
        // And the copy warns of the 2019 plan, and continues the 2018 plan, which it does not overlap.
        let report = check_series(&copy, &[y2018, y2019], Options::at(day("2019-10-01")));
        let files: Vec<_> = report
            .findings
            .iter()
            .filter_map(|f| match &f.what {
                What::SeriesOverlap { file, .. } => Some(file.as_str()),
                _ => None,
            })
            .collect();
        assert_eq!(files, ["plans/2019.toml"]);
        // From 01.11.2018 of the 2018 plan, 01.08.2019 came after 01.05.2019: a due date between
        // the two plans belongs to the next one.
        assert_eq!(rule_codes(&report).iter().filter(|c| c.0 == "gap-exceeded").count(), 1);
    }

    /// `plan` with its one activity's rule made weekly: `times` per `weeks` weeks.
    pub(crate) fn weekly(mut plan: Plan, times: u32, weeks: u32) -> Plan {
        let activity = &mut plan.sections[0].activities[0];
        activity.schedule =
            Schedule::AtLeast(Recurrence { times, every: weeks, unit: crate::when::Unit::Week, as_needed: false });
        plan
    }

    #[test]
    fn weekly_rules_are_judged_in_weeks() {
        // Every 2 weeks from Tuesday 1 January: 10 January met 15 January; 30 January came after
        // 24 January; the next is due 13 February.
        let every_two = weekly(plan("ежемесячно", "held = [2019-01-10, 2019-01-30]"), 1, 2);
        let report = run(&every_two, "2019-02-01");
        let rule = &report.rules[0];
        assert_eq!(rule.recurrence.unit, crate::when::Unit::Week);
        assert_eq!(rule.next_due, day("2019-02-13"));
        assert_eq!(
            rule_codes(&report),
            [("due-soon", Some(day("2019-02-13")), None), ("gap-exceeded", Some(day("2019-01-24")), None)]
        );
        // Calendar: the week from Monday 14 January went without.
        let calendar = weekly(plan("ежемесячно", "held = [2019-01-05, 2019-01-22]\nrule = \"calendar\""), 1, 1);
        let report = run(&calendar, "2019-01-29");
        let missed: Vec<_> = report.rules[0].breaches.iter().collect();
        assert_eq!(
            missed,
            [&rules::Violation::BlockMissed { from: day("2019-01-14"), to: day("2019-01-20"), held: 0, needed: 1 }]
        );
    }

    #[test]
    fn a_planned_date_due_after_the_series_belongs_to_its_last_plan() {
        let when = "не реже 1-го раза в 6 месяцев";
        let y2019 = member("plans/2019.toml", "year = 2019", when, &["2019-07-10"]);
        let mut y2020 = member("plans/2020.toml", "year = 2020", when, &["2020-11-01"]);
        let planned =
            crate::model::Dated { date: day("2021-06-01"), ..y2020.sections[0].activities[0].held[0].clone() };
        y2020.sections[0].activities[0].planned.push(planned);
        // Due 01.05.2021, after the series' last day: the 2020 plan's, not the 2019 plan's.
        let late = |report: &Report| {
            report
                .findings
                .iter()
                .filter(|f| f.what.code() == "planned-too-late")
                .map(|f| f.what.clone())
                .collect::<Vec<_>>()
        };
        let options = Options::at(day("2020-11-15"));
        assert_eq!(
            late(&check_series(&y2020, std::slice::from_ref(&y2019), options)),
            [What::Rule(rules::Violation::PlannedTooLate { planned: day("2021-06-01"), due: day("2021-05-01") })]
        );
        assert_eq!(late(&check_series(&y2019, std::slice::from_ref(&y2020), options)), []);
    }

    #[test]
    fn two_earlier_plans_overlapping_each_other_are_no_part_of_the_series() {
        let when = "не реже 1-го раза в 6 месяцев";
        let y2019 = member("plans/2019.toml", "year = 2019", when, &["2019-10-01"]);
        let copy = member("plans/2019-copy.toml", "year = 2019", when, &["2019-03-01"]);
        let y2020 = member("plans/2020.toml", "year = 2020", when, &[]);
        // Neither of the two can be told to be the right one: the 2020 plan counts from its start.
        let report = check_series(&y2020, &[y2019, copy], Options::at(day("2020-03-01")));
        assert_eq!(report.rules[0].next_due, day("2020-07-01"));
        assert!(report.findings.iter().all(|f| f.what.code() != "series-overlap"));
    }

    #[test]
    fn what_a_rule_required_of_a_plan_counts_from_its_own_clock() {
        // Once in 6 months over 2020: due 01.07.2020 and 01.01.2021 from the plan's own start,
        // whatever the 2019 plan of the series holds.
        let when = "не реже 1-го раза в 6 месяцев";
        let y2019 = member("plans/2019.toml", "year = 2019", when, &["2019-10-01"]);
        let y2020 = member("plans/2020.toml", "year = 2020", when, &["2020-03-01"]);
        let report = check_series(&y2020, std::slice::from_ref(&y2019), Options::at(day("2020-12-31")));
        assert_eq!(report.rules[0].required, 2);
    }

    #[test]
    fn last_before_is_held_to_the_earlier_plan_only() {
        // 10.07.2019 is the 2019 plan's last meeting: `last_before` agrees, whatever 2020 holds.
        let when = "не реже 1-го раза в 6 месяцев";
        let y2019 = member("plans/2019.toml", "year = 2019", when, &["2019-07-10"]);
        let text = "[plan]\ntitle = \"T\"\nyear = 2020\n[parties.p]\nname = \"P\"\n[[section]]\ntitle = \"S\"\n\
                    [[section.activity]]\nid = \"council\"\ntitle = \"A\"\nwhen = \"не реже 1-го раза в 6 месяцев\"\n\
                    responsible = [\"p\"]\nheld = [2020-01-05]\nlast_before = 2019-07-10\n";
        let y2020 = crate::model::parse("plans/2020.toml", text.as_bytes()).unwrap();
        let report = check_series(&y2020, std::slice::from_ref(&y2019), Options::at(day("2020-02-01")));
        assert!(report.findings.iter().all(|f| f.what.code() != "last-before-mismatch"), "{:?}", report.findings);
    }
}
