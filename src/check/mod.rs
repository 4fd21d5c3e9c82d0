//! `plan check`: the meeting-frequency rules and every other finding, as data.
//!
//! [`rules`] judges one recurring activity on dates alone; this module feeds it from the plan,
//! adds the findings that need the plan itself (held dates outside the plan or the window, windows
//! that closed with nothing recorded, unused parties), and places each finding in the file.

mod message;
pub mod outcome;
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
    /// The plan's first day when the as-of date is before it: nothing is due yet, and only the
    /// findings that do not depend on the as-of date are reported.
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
    pub times: u32,
    pub months: u32,
    pub as_needed: bool,
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
            // Before the start only what does not depend on the as-of date is said.
            if not_started.is_none() || matches!(what, What::LastBeforeMismatch { .. }) {
                findings.push(Finding {
                    what,
                    recorded_in,
                    number: Some(activity.number),
                    title: activity.title.clone(),
                    pos,
                });
            }
        }
        rules.extend(report.map(|mut r| {
            if not_started.is_some() {
                r.status = Status::Ok;
            }
            r
        }));
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

/// What the other plans of the series say of one activity (spec §4).
#[derive(Debug, Default)]
struct Series<'o> {
    /// The last N held dates of the nearest earlier plan that records any, with its file.
    history: Vec<(NaiveDate, &'o str)>,
    /// That plan's last held date, for `last-before-mismatch`.
    earlier_last: Option<(NaiveDate, &'o str)>,
    /// Held dates of later plans, inside their own periods.
    later: Vec<(NaiveDate, &'o str)>,
    /// First and last day of the series: of `plan` and every other plan that holds the id.
    span: Option<DateRange>,
}

fn series<'o>(plan: &Plan, others: &'o [Plan], id: &str, times: usize) -> Series<'o> {
    let mut series = Series::default();
    let mut span = plan.period;
    let held_in = |other: &'o Plan| -> Option<Vec<NaiveDate>> {
        let (_, activity) = other.activities().find(|(_, a)| a.id.as_deref() == Some(id))?;
        let mut dates: Vec<NaiveDate> =
            activity.held.iter().map(|d| d.date).filter(|&d| other.period.contains(d)).collect();
        dates.sort_unstable();
        dates.dedup();
        Some(dates)
    };
    let mut nearest: Option<(&'o Plan, Vec<NaiveDate>)> = None;
    for other in others {
        let Some(dates) = held_in(other) else { continue };
        // A plan that overlaps this one is not part of its series.
        if plan.period.overlaps(&other.period) {
            continue;
        }
        span = DateRange { from: span.from.min(other.period.from), to: span.to.max(other.period.to) };
        if other.period.to < plan.period.from {
            if !dates.is_empty() && nearest.as_ref().is_none_or(|(n, _)| n.period.to < other.period.to) {
                nearest = Some((other, dates));
            }
        } else if other.period.from > plan.period.to {
            series.later.extend(dates.into_iter().map(|d| (d, other.path.as_str())));
        }
    }
    if let Some((earlier, dates)) = nearest {
        let file = earlier.path.as_str();
        series.earlier_last = dates.last().map(|&d| (d, file));
        series.history = dates[dates.len().saturating_sub(times)..].iter().map(|&d| (d, file)).collect();
    }
    series.span = Some(span);
    series
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
    let times = usize::try_from(recurrence.times.max(1)).unwrap_or(usize::MAX);
    let series = match activity.id.as_deref() {
        Some(id) if !others.is_empty() => series(plan, others, id, times),
        _ => Series::default(),
    };
    let span = series.span.unwrap_or(plan.period);
    let mut held: Vec<NaiveDate> =
        activity.held.iter().map(|d| d.date).filter(|&d| plan.period.contains(d) && d <= as_of).collect();
    held.sort_unstable();
    held.dedup();
    // The series' dates: the earlier plan's history and the later plans' meetings, up to the as-of date.
    let mut counted: Vec<NaiveDate> = series
        .history
        .iter()
        .chain(&series.later)
        .map(|&(d, _)| d)
        .filter(|&d| d <= as_of)
        .chain(held.iter().copied())
        .collect();
    counted.sort_unstable();
    counted.dedup();
    let elsewhere = |date: NaiveDate| {
        series.history.iter().chain(&series.later).find(|(d, _)| *d == date).map(|(_, f)| (*f).to_owned())
    };
    // Planned dates already past were either held (and recorded so) or not: only the future is judged.
    let mut planned: Vec<NaiveDate> = activity.planned.iter().map(|d| d.date).filter(|&d| d >= as_of).collect();
    planned.sort_unstable();
    planned.dedup();
    let rule = activity.rule.unwrap_or(Rule::Rolling);
    let input = RuleInput {
        times: recurrence.times,
        months: recurrence.every,
        kind: match rule {
            Rule::Rolling => RuleKind::Rolling,
            Rule::Calendar => RuleKind::Calendar,
            Rule::Both => RuleKind::Both,
        },
        plan_start: plan.period.from,
        plan_end: span.to,
        as_of,
        last_before: activity.last_before.as_ref().map(|d| d.date),
        held: &counted,
        planned: &planned,
        due_within_days: due_within,
    };
    let mut outcome = rules::evaluate(&input);
    // Past breaches belong to the plan whose period holds the due date or the block's end; one
    // before the series' first plan to the first, one after its last plan to the last.
    let owns = |due: NaiveDate| {
        plan.period.contains(due)
            || (due > span.to && plan.period.to == span.to)
            || (due < span.from && plan.period.from == span.from)
    };
    outcome.violations.retain(|v| match *v {
        Violation::GapExceeded { due, .. } | Violation::PlannedTooLate { due, .. } => owns(due),
        Violation::BlockMissed { to, .. } => owns(to),
        Violation::Overdue { .. } | Violation::DueSoon { .. } => true,
    });
    outcome.status = rules::status_of(&outcome.violations);
    let required = rules::fewest_meetings(&input, as_of.min(plan.period.to));
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
        times: recurrence.times,
        months: recurrence.every,
        as_needed: recurrence.as_needed,
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
}
