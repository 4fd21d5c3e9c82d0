//! The fulfilment report (отчёт о выполнении плана): what became of each activity by the as-of
//! date, as data.
//!
//! Nothing here judges anew: the verdicts, the next due dates and the `not-recorded` windows all
//! come from [`crate::check`], so the report, `plan check`, `plan timeline` and the calendar export
//! can never disagree. The one number the check engine does not give is how many meetings a rule
//! required so far ([`required`]); it is counted here from the engine's own pieces.

use chrono::{Datelike, NaiveDate};

use crate::check::rules::{self, RuleInput, RuleKind, Violation};
use crate::check::{self, Options, RuleReport, What};
use crate::model::{Activity, Dated, Plan, Rule, Section, Status};

/// An activity with its section and, for a recurring activity that is not cancelled, the check
/// engine's verdict at the as-of date (what `timeline` marks and `export ics` puts in the calendar).
#[derive(Debug, Clone)]
pub struct Judged<'p> {
    /// The section the activity is in.
    pub section: &'p Section,
    /// The activity.
    pub activity: &'p Activity,
    /// `None` for an activity without a rule, or a cancelled one (`check` does not judge those).
    pub verdict: Option<RuleReport>,
}

/// The check engine's verdict on each selected activity, as of `as_of` (clamped to the plan's end).
#[must_use]
pub fn judge<'p>(plan: &'p Plan, rows: &[(&'p Section, &'p Activity)], as_of: NaiveDate) -> Vec<Judged<'p>> {
    let options = Options { as_of, due_within: check::DEFAULT_DUE_WITHIN };
    rows.iter()
        .map(|&(section, activity)| Judged {
            section,
            activity,
            verdict: if activity.status == Status::Cancelled {
                None
            } else {
                check::judge_one(plan, activity, options)
            },
        })
        .collect()
}

/// What became of one activity by the as-of date. Each activity has exactly one, so the totals
/// add up; the first that applies, in the order declared here, wins.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Outcome {
    /// `status = "cancelled"`.
    Cancelled,
    /// At least one `held` date inside the plan, on or before the as-of date.
    Held,
    /// Its window closed before the as-of date with nothing held: `check`'s `not-recorded`.
    NotRecorded,
    /// Nothing held yet, and a `planned` date on or after the as-of date.
    Planned,
    /// Nothing held, nothing planned, and its time is not over (or it has no end: ongoing).
    Open,
}

/// The fulfilment report over the selected activities.
#[derive(Debug, Clone)]
pub struct Report<'p> {
    /// The as-of date used: `--as-of` (or today) clamped to the plan's end, as `check` does.
    pub as_of: NaiveDate,
    /// The sections that have selected activities, in file order.
    pub sections: Vec<SectionReport<'p>>,
    /// How the activities ended, counted.
    pub totals: Totals,
}

/// One section with its selected activities.
#[derive(Debug, Clone)]
pub struct SectionReport<'p> {
    /// The section.
    pub section: &'p Section,
    /// Its selected activities, in file order.
    pub activities: Vec<ActivityReport<'p>>,
}

/// One activity in the report.
#[derive(Debug, Clone)]
pub struct ActivityReport<'p> {
    /// The activity.
    pub activity: &'p Activity,
    /// What became of it.
    pub outcome: Outcome,
    /// Held dates inside the plan and on or before the as-of date, in date order, with their notes.
    pub held: Vec<&'p Dated>,
    /// Planned dates on or after the as-of date that are not also held, in date order. Earlier
    /// planned dates are left out, as `check` leaves them: they were either held or not.
    pub planned: Vec<&'p Dated>,
    /// For [`Outcome::NotRecorded`]: the last day of its time.
    pub closed: Option<NaiveDate>,
    /// For a recurring activity that is not cancelled: meetings held against meetings required.
    pub meetings: Option<Meetings>,
}

/// Meetings held against meetings required so far, with the check engine's verdict.
#[derive(Debug, Clone)]
pub struct Meetings {
    /// The verdict of `check` (its `held` are the meetings counted).
    pub verdict: RuleReport,
    /// See [`required`].
    pub required: u64,
    /// The engine's findings of a missed meeting on this rule: late, missed blocks, overdue.
    pub breaches: Vec<Violation>,
}

/// How many activities ended each way; `activities` is their sum.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Totals {
    /// Every activity in the report.
    pub activities: usize,
    /// [`Outcome::Held`].
    pub held: usize,
    /// [`Outcome::Planned`].
    pub planned: usize,
    /// [`Outcome::NotRecorded`].
    pub not_recorded: usize,
    /// [`Outcome::Cancelled`].
    pub cancelled: usize,
    /// [`Outcome::Open`].
    pub open: usize,
}

impl Totals {
    /// Each outcome with its count, in the order reports list them.
    #[must_use]
    pub fn by_outcome(&self) -> [(Outcome, usize); 5] {
        [
            (Outcome::Held, self.held),
            (Outcome::Planned, self.planned),
            (Outcome::NotRecorded, self.not_recorded),
            (Outcome::Cancelled, self.cancelled),
            (Outcome::Open, self.open),
        ]
    }
}

/// Builds the report over `rows` (already filtered) as of `as_of`.
#[must_use]
pub fn report<'p>(plan: &'p Plan, rows: &[(&'p Section, &'p Activity)], as_of: NaiveDate) -> Report<'p> {
    let checked = check::check(plan, Options { as_of, due_within: check::DEFAULT_DUE_WITHIN });
    let as_of = checked.as_of;
    let mut sections: Vec<SectionReport<'p>> = Vec::new();
    let mut totals = Totals::default();
    for judged in judge(plan, rows, as_of) {
        let activity = judged.activity;
        let closed = checked.findings.iter().find_map(|f| match f.what {
            What::NotRecorded { closed } if f.number == Some(activity.number) => Some(closed),
            _ => None,
        });
        let mut held: Vec<&Dated> =
            activity.held.iter().filter(|d| plan.period.contains(d.date) && d.date <= as_of).collect();
        held.sort_by_key(|d| d.date);
        let mut planned: Vec<&Dated> = activity
            .planned
            .iter()
            .filter(|p| p.date >= as_of && !activity.held.iter().any(|h| h.date == p.date))
            .collect();
        planned.sort_by_key(|d| d.date);
        let outcome = if activity.status == Status::Cancelled {
            Outcome::Cancelled
        } else if !held.is_empty() {
            Outcome::Held
        } else if closed.is_some() {
            Outcome::NotRecorded
        } else if !planned.is_empty() {
            Outcome::Planned
        } else {
            Outcome::Open
        };
        let breaches: Vec<Violation> = checked
            .findings
            .iter()
            .filter(|f| f.number == Some(activity.number))
            .filter_map(|f| match &f.what {
                What::Rule(
                    v @ (Violation::GapExceeded { .. } | Violation::BlockMissed { .. } | Violation::Overdue { .. }),
                ) => Some(*v),
                _ => None,
            })
            .collect();
        let meetings =
            judged.verdict.map(|verdict| Meetings { required: required(plan, &verdict, as_of), verdict, breaches });
        totals.activities += 1;
        *match outcome {
            Outcome::Cancelled => &mut totals.cancelled,
            Outcome::Held => &mut totals.held,
            Outcome::NotRecorded => &mut totals.not_recorded,
            Outcome::Planned => &mut totals.planned,
            Outcome::Open => &mut totals.open,
        } += 1;
        let entry = ActivityReport { activity, outcome, held, planned, closed, meetings };
        match sections.last_mut() {
            Some(last) if last.section.number == judged.section.number => last.activities.push(entry),
            _ => sections.push(SectionReport { section: judged.section, activities: vec![entry] }),
        }
    }
    Report { as_of, sections, totals }
}

/// How many meetings the rule required by the end of the as-of day: the due dates of the check
/// engine's reading that fell on or before it.
///
/// - **rolling**: the engine's due dates (spec §4): the k-th meeting is due M months after the
///   (k−N)-th, the first N M months after the clock (`last_before`, else the plan's start). Each
///   held meeting whose due date has come counts once, on time or late. Once the next due date has
///   passed unmet, each further M months since it require one more, as if each missing meeting
///   had fallen on its due date. With N per M months the meetings form N interleaved series (the
///   k-th follows the (k−N)-th), each counted so; that keeps the count linear in the meetings.
///   A meeting held early brings the next due date forward, so meeting more often than the rule
///   asks can raise the count too — it stays at or below what was held unless a date was missed.
/// - **calendar**: N × the blocks of M months from the plan's start that ended on or before the
///   as-of date (the engine's own blocks: it is asked which ones a record with no meetings would
///   have missed by the end of the as-of day).
/// - **both**: the larger of the two.
///
/// A due date or block end on the as-of day itself counts, so a report as of 31 December counts
/// the fourth quarter; `check` still calls such a date due, not overdue, since the day is not over.
#[must_use]
pub fn required(plan: &Plan, verdict: &RuleReport, as_of: NaiveDate) -> u64 {
    let times = usize::try_from(verdict.times.max(1)).unwrap_or(usize::MAX);
    let months = verdict.months.max(1);
    let held = &verdict.held;
    let rolling = || {
        let first = rules::add_months(verdict.last_before.unwrap_or(plan.period.from), months);
        let series = times.min(held.len());
        let mut count = 0u64;
        for start in 0..series {
            let mut due = first;
            for &date in held.iter().skip(start).step_by(times) {
                count += u64::from(due <= as_of);
                due = rules::add_months(date, months);
            }
            count += every(due, months, as_of);
        }
        // Series with no meeting at all: all alike, each due M months after the clock.
        let empty = u64::try_from(times - series).unwrap_or(u64::MAX);
        count.saturating_add(empty.saturating_mul(every(first, months, as_of)))
    };
    let calendar = || {
        let Some(day_after) = as_of.succ_opt() else { return 0 };
        let outcome = rules::evaluate(&RuleInput {
            times: 1,
            months,
            kind: RuleKind::Calendar,
            plan_start: plan.period.from,
            plan_end: plan.period.to,
            as_of: day_after,
            last_before: None,
            held: &[],
            planned: &[],
            due_within_days: 0,
        });
        let blocks = outcome.violations.iter().filter(|v| matches!(v, Violation::BlockMissed { .. })).count();
        u64::from(verdict.times.max(1)).saturating_mul(blocks as u64)
    };
    match verdict.rule {
        Rule::Rolling => rolling(),
        Rule::Calendar => calendar(),
        Rule::Both => rolling().max(calendar()),
    }
}

/// How many of `from`, `from` + M months, + 2M months, … fall on or before `as_of` (each counted
/// from `from`, as the engine counts its calendar blocks, so month-end clamping does not drift).
fn every(from: NaiveDate, months: u32, as_of: NaiveDate) -> u64 {
    if from > as_of {
        return 0;
    }
    let month = |d: NaiveDate| i64::from(d.year()) * 12 + i64::from(d.month0());
    let mut steps = u32::try_from((month(as_of) - month(from)) / i64::from(months)).unwrap_or(u32::MAX);
    // The last step lands in the as-of month or before it; in that month its day may be later.
    if rules::add_months(from, steps.saturating_mul(months)) > as_of {
        steps -= 1;
    }
    u64::from(steps) + 1
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
    }

    fn plan(activity: &str) -> Plan {
        let text = format!(
            "[plan]\ntitle = \"t\"\nyear = 2019\n[parties.p]\nname = \"P\"\n[[section]]\ntitle = \"s\"\n\
             [[section.activity]]\ntitle = \"a\"\nresponsible = [\"p\"]\n{activity}\n"
        );
        crate::model::parse("test.toml", text.as_bytes()).unwrap()
    }

    fn verdict(plan: &Plan, as_of: NaiveDate) -> RuleReport {
        let options = Options { as_of, due_within: 0 };
        check::judge_one(plan, &plan.sections[0].activities[0], options).unwrap()
    }

    fn required_at(activity: &str, as_of: &str) -> u64 {
        let plan = plan(activity);
        required(&plan, &verdict(&plan, d(as_of)), d(as_of))
    }

    #[test]
    fn required_counts_due_dates_and_finished_blocks_on_or_before_the_as_of_day() {
        let quarterly = "when = \"ежеквартально\"";
        let cases = [
            // Rolling from 1 January, nothing held: due 1 April, then every 3 months.
            (quarterly.to_owned(), "2019-03-31", 0),
            (quarterly.to_owned(), "2019-04-01", 1),
            (quarterly.to_owned(), "2019-12-31", 3),
            // Calendar: the quarters that ended; 31 December ends the fourth.
            (format!("{quarterly}\nrule = \"calendar\""), "2019-03-30", 0),
            (format!("{quarterly}\nrule = \"calendar\""), "2019-03-31", 1),
            (format!("{quarterly}\nrule = \"calendar\""), "2019-12-31", 4),
            (format!("{quarterly}\nrule = \"both\""), "2019-12-31", 4),
            // The clock starts at the last meeting before the plan: due 20 May and 20 November.
            ("when = \"не реже 1-го раза в 6 месяцев\"\nlast_before = 2018-11-20".to_owned(), "2019-12-31", 2),
            ("when = \"не реже 1-го раза в 6 месяцев\"".to_owned(), "2019-12-31", 1),
            // N meetings fall due at each step.
            ("when = \"не реже 2 раз в 6 месяцев\"".to_owned(), "2019-12-31", 2),
            ("when = \"не реже 2 раз в 6 месяцев\"\nrule = \"calendar\"".to_owned(), "2019-12-31", 4),
            // Late meetings move the due dates: 1 April, 20 May, 25 August, 30 November.
            (format!("{quarterly}\nheld = [2019-02-20, 2019-05-25, 2019-08-30]"), "2019-12-31", 4),
            // Each on its due date: 1 April, 1 July, 1 October; the next is due in 2020.
            (format!("{quarterly}\nheld = [2019-04-01, 2019-07-01, 2019-10-01]"), "2019-12-31", 3),
            // A day earlier each time, and the fourth falls due on 30 December.
            (format!("{quarterly}\nheld = [2019-03-31, 2019-06-30, 2019-09-29]"), "2019-12-31", 4),
            // Held early, nothing has fallen due yet...
            (format!("{quarterly}\nheld = [2019-01-10, 2019-02-10, 2019-03-10]"), "2019-03-31", 0),
            // ...but every meeting brings the next due date forward: monthly, ten are due by December.
            (
                format!(
                    "{quarterly}\nheld = [{}]",
                    (1..=12).map(|m| format!("2019-{m:02}-15")).collect::<Vec<_>>().join(", ")
                ),
                "2019-12-31",
                10,
            ),
            // Two a half-year: each is due six months after the one two before it, so after
            // 1 March the next was due by 1 September, and 1 September met only 1 August's.
            (
                "when = \"не реже 2 раз в 6 месяцев\"\nheld = [2019-02-01, 2019-03-01, 2019-09-01]".to_owned(),
                "2019-12-31",
                4,
            ),
        ];
        for (activity, as_of, expected) in cases {
            assert_eq!(required_at(&activity, as_of), expected, "{activity} as of {as_of}");
        }
    }

    #[test]
    fn held_falls_short_of_required_exactly_when_the_engine_finds_the_rule_overdue() {
        let as_of = d("2019-12-31");
        for held in ["", "2019-03-30", "2019-03-30, 2019-06-30", "2019-03-30, 2019-06-30, 2019-09-30", "2019-11-01"] {
            let plan = plan(&format!("when = \"ежеквартально\"\nheld = [{held}]"));
            let v = verdict(&plan, as_of);
            let short = (v.held.len() as u64) < required(&plan, &v, as_of);
            assert_eq!(short, v.status == crate::check::rules::Status::Overdue, "held [{held}]");
        }
    }

    #[test]
    fn every_counts_steps_from_the_start_without_drift() {
        assert_eq!(every(d("2019-08-31"), 6, d("2020-02-29")), 2);
        assert_eq!(every(d("2019-08-31"), 6, d("2020-02-28")), 1);
        assert_eq!(every(d("2019-04-01"), 3, d("2019-12-31")), 3);
        assert_eq!(every(d("2020-01-01"), 3, d("2019-12-31")), 0);
        assert_eq!(every(d("0001-01-31"), 1, d("9999-12-31")), 119_988);
    }

    #[test]
    fn outcomes_follow_the_record_and_add_up() {
        use Outcome::{Cancelled, Held, Open};
        let bytes = std::fs::read("tests/fixtures/meetings.toml").unwrap();
        let plan = crate::model::parse("meetings.toml", &bytes).unwrap();
        let rows: Vec<_> = plan.activities().collect();
        let report = report(&plan, &rows, d("2019-11-20"));
        let outcomes: Vec<Outcome> =
            report.sections.iter().flat_map(|s| s.activities.iter().map(|a| a.outcome)).collect();
        assert_eq!(outcomes, [Held, Held, Held, Held, Open, Cancelled, Held]);
        let t = report.totals;
        assert_eq!(t.activities, t.held + t.planned + t.not_recorded + t.cancelled + t.open);
        let presidium = &report.sections[0].activities[1];
        assert_eq!(presidium.planned.len(), 1);
        assert_eq!(presidium.meetings.as_ref().map(|m| (m.verdict.held.len(), m.required)), Some((3, 3)));
    }

    #[test]
    fn a_closed_window_with_nothing_held_is_not_recorded() {
        let plan = plan("when = \"апрель\"");
        let rows: Vec<_> = plan.activities().collect();
        let at = |date: &str| report(&plan, &rows, d(date)).sections[0].activities[0].clone();
        assert_eq!(at("2019-04-30").outcome, Outcome::Open);
        let after = at("2019-05-01");
        assert_eq!((after.outcome, after.closed), (Outcome::NotRecorded, Some(d("2019-04-30"))));
    }
}
