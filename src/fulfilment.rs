//! The fulfilment report (отчёт о выполнении плана): what became of each activity by the as-of
//! date, as data.
//!
//! Nothing here judges anew: the verdicts, the due dates and blocks, the breaches, how many
//! meetings a rule required and the `not-recorded` windows all come from [`crate::check`], so the
//! report, `plan check`, `plan timeline` and the calendar export can never disagree.

use chrono::NaiveDate;

use crate::check::{self, Options, RuleReport};
use crate::model::{Activity, Dated, Plan, Section, Status};

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

/// The check engine's verdict on each selected activity, as of `as_of`.
#[must_use]
pub fn judge<'p>(plan: &'p Plan, rows: &[(&'p Section, &'p Activity)], as_of: NaiveDate) -> Vec<Judged<'p>> {
    let options = Options::at(as_of);
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

pub use crate::check::outcome::Outcome;

/// The fulfilment report over the selected activities.
#[derive(Debug, Clone)]
pub struct Report<'p> {
    /// The as-of date: `--as-of` (or today). At or after the plan's end the period is complete.
    pub as_of: NaiveDate,
    /// The last day judged: the as-of date, or the plan's end when that comes first.
    pub until: NaiveDate,
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
    /// Planned dates before the as-of date that were never recorded as held (`check`'s
    /// `planned-passed`), in date order, so that a date fixed and missed does not vanish.
    pub passed: Vec<&'p Dated>,
    /// For [`Outcome::NotRecorded`]: the last day of its time (the plan's last day for an ongoing
    /// activity).
    pub closed: Option<NaiveDate>,
    /// For a recurring activity that is not cancelled: meetings held against meetings required.
    pub meetings: Option<Meetings>,
}

/// Meetings held against meetings required so far, with the check engine's verdict over the
/// plan's own period ([`check::judge_period`]): its `held` are the meetings counted, its
/// `required` the fewest that would have kept the rule, its `breaches` what to explain.
#[derive(Debug, Clone)]
pub struct Meetings {
    /// The verdict.
    pub verdict: RuleReport,
    /// The same as `verdict.required`, kept for the renderers.
    pub required: u64,
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
    /// [`Outcome::NotRecorded`] (нет отметки).
    pub not_recorded: usize,
    /// [`Outcome::NotDone`] (не выполнено).
    pub not_done: usize,
    /// [`Outcome::Cancelled`].
    pub cancelled: usize,
    /// [`Outcome::Open`].
    pub open: usize,
}

impl Totals {
    /// Each outcome with its count, in the order reports list them.
    #[must_use]
    pub fn by_outcome(&self) -> [(Outcome, usize); 6] {
        [
            (Outcome::Held, self.held),
            (Outcome::Planned, self.planned),
            (Outcome::NotRecorded, self.not_recorded),
            (Outcome::NotDone, self.not_done),
            (Outcome::Cancelled, self.cancelled),
            (Outcome::Open, self.open),
        ]
    }
}

/// What became of one activity at `as_of`, with the rule engine's verdict over the plan's own
/// period: what the report, `show` and the documents say of it.
#[must_use]
pub fn outcome(plan: &Plan, activity: &Activity, as_of: NaiveDate) -> (check::outcome::Judgement, Option<RuleReport>) {
    let verdict = if activity.status == Status::Cancelled { None } else { check::judge_period(plan, activity, as_of) };
    (check::outcome::judge(plan, activity, as_of, verdict.as_ref()), verdict)
}

/// Builds the report over `rows` (already filtered) as of `as_of`. Each activity is judged on its
/// own, so the work grows linearly with the plan.
#[must_use]
pub fn report<'p>(plan: &'p Plan, rows: &[(&'p Section, &'p Activity)], as_of: NaiveDate) -> Report<'p> {
    let mut sections: Vec<SectionReport<'p>> = Vec::new();
    let mut totals = Totals::default();
    for &(section, activity) in rows {
        let (judgement, verdict) = outcome(plan, activity, as_of);
        let mut held: Vec<&Dated> =
            activity.held.iter().filter(|d| plan.period.contains(d.date) && d.date <= as_of).collect();
        held.sort_by_key(|d| d.date);
        let held_on: std::collections::HashSet<NaiveDate> = activity.held.iter().map(|h| h.date).collect();
        let (mut planned, mut passed): (Vec<&Dated>, Vec<&Dated>) =
            activity.planned.iter().filter(|p| !held_on.contains(&p.date)).partition(|p| p.date >= as_of);
        planned.sort_by_key(|d| d.date);
        passed.sort_by_key(|d| d.date);
        let meetings = verdict.map(|verdict| Meetings { required: verdict.required, verdict });
        totals.activities += 1;
        *match judgement.outcome {
            Outcome::Cancelled => &mut totals.cancelled,
            Outcome::NotDone => &mut totals.not_done,
            Outcome::Held => &mut totals.held,
            Outcome::NotRecorded => &mut totals.not_recorded,
            Outcome::Planned => &mut totals.planned,
            Outcome::Open => &mut totals.open,
        } += 1;
        let entry = ActivityReport {
            activity,
            outcome: judgement.outcome,
            held,
            planned,
            passed,
            closed: judgement.closed,
            meetings,
        };
        match sections.last_mut() {
            Some(last) if last.section.number == section.number => last.activities.push(entry),
            _ => sections.push(SectionReport { section, activities: vec![entry] }),
        }
    }
    Report { as_of, until: as_of.min(plan.period.to), sections, totals }
}

/// What still lacks a mark: the activities with [`Outcome::NotRecorded`], in file order, for
/// `plan report --missing`.
#[must_use]
pub fn missing<'r, 'p>(report: &'r Report<'p>) -> Vec<&'r ActivityReport<'p>> {
    report.sections.iter().flat_map(|s| &s.activities).filter(|a| a.outcome == Outcome::NotRecorded).collect()
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
        check::judge_period(plan, &plan.sections[0].activities[0], as_of).unwrap()
    }

    fn required_at(activity: &str, as_of: &str) -> u64 {
        verdict(&plan(activity), d(as_of)).required
    }

    #[test]
    fn required_is_the_fewest_meetings_that_keep_the_rule_whatever_was_held() {
        let quarterly = "when = \"ежеквартально\"";
        let monthly_dates = (1..=12).map(|m| format!("2019-{m:02}-15")).collect::<Vec<_>>().join(", ");
        let cases = [
            // Rolling from 1 January: due 1 April, 1 July, 1 October, 1 January; the day after the
            // judged date closes its three months, as 31 March closes the first quarter.
            (quarterly.to_owned(), "2019-03-30", 0),
            (quarterly.to_owned(), "2019-03-31", 1),
            (quarterly.to_owned(), "2019-12-31", 4),
            // After the plan's end the year is complete: still 4.
            (quarterly.to_owned(), "2020-06-30", 4),
            // Calendar: the quarters that ended; 31 December ends the fourth.
            (format!("{quarterly}\nrule = \"calendar\""), "2019-03-30", 0),
            (format!("{quarterly}\nrule = \"calendar\""), "2019-03-31", 1),
            (format!("{quarterly}\nrule = \"calendar\""), "2019-12-31", 4),
            (format!("{quarterly}\nrule = \"both\""), "2019-12-31", 4),
            // Met every month, a quarterly rule still requires 4 (the issue saw "12 held, 10 required").
            (format!("{quarterly}\nheld = [{monthly_dates}]"), "2019-12-31", 4),
            (format!("when = \"ежемесячно\"\nheld = [{monthly_dates}]"), "2019-12-31", 12),
            // Late meetings do not raise it.
            (format!("{quarterly}\nheld = [2019-02-20, 2019-05-25, 2019-08-30]"), "2019-12-31", 4),
            // The clock starts at the last meeting before the plan: due 20 May and 20 November.
            ("when = \"не реже 1-го раза в 6 месяцев\"\nlast_before = 2018-11-20".to_owned(), "2019-12-31", 2),
            ("when = \"не реже 1-го раза в 6 месяцев\"".to_owned(), "2019-12-31", 2),
            // N meetings fall due at each step.
            ("when = \"не реже 2 раз в 6 месяцев\"".to_owned(), "2019-12-31", 4),
            ("when = \"не реже 2 раз в 6 месяцев\"\nrule = \"calendar\"".to_owned(), "2019-12-31", 4),
            ("when = \"ежегодно\"".to_owned(), "2019-12-31", 1),
        ];
        for (activity, as_of, expected) in cases {
            assert_eq!(required_at(&activity, as_of), expected, "{activity} as of {as_of}");
        }
    }

    #[test]
    fn the_year_end_report_judges_the_fourth_quarter() {
        let plan = plan("when = \"ежеквартально\"\nrule = \"calendar\"\nheld = [2019-02-01, 2019-05-01, 2019-08-01]");
        let q4 = crate::check::rules::Violation::BlockMissed {
            from: d("2019-10-01"),
            to: d("2019-12-31"),
            held: 0,
            needed: 1,
        };
        for as_of in ["2019-12-31", "2020-01-15", "2021-01-01"] {
            let v = verdict(&plan, d(as_of));
            assert_eq!(v.breaches, [q4], "as of {as_of}");
            assert_eq!(
                (v.held.len(), v.required, v.status),
                (3, 4, crate::check::rules::Status::Violated),
                "as of {as_of}"
            );
        }
        // `check` on 31 December still counts the fourth quarter as open.
        let checked = check::judge_one(&plan, &plan.sections[0].activities[0], Options::at(d("2019-12-31"))).unwrap();
        assert!(checked.breaches.is_empty());
        // A due date after the plan's end is not the 2019 report's.
        let rolling = plan_with("when = \"не реже 1-го раза в 6 месяцев\"\nheld = [2019-03-10, 2019-07-10]");
        let v = verdict(&rolling, d("2020-02-10"));
        assert!(v.breaches.is_empty(), "{:?}", v.breaches);
    }

    fn plan_with(activity: &str) -> Plan {
        plan(activity)
    }

    #[test]
    fn every_breach_is_explained_with_its_date_and_days_late() {
        let plan = plan("when = \"ежемесячно\"\nheld = [2019-01-20, 2019-03-06]");
        let v = verdict(&plan, d("2019-03-10"));
        let explained: Vec<String> =
            v.breaches.iter().filter_map(|b| Some(crate::i18n::Lang::En.say(&b.breach()?))).collect();
        assert_eq!(explained, ["the meeting of 2019-03-06 came 14 days late: it was due by 2019-02-20"]);
        let explained: Vec<String> =
            v.breaches.iter().filter_map(|b| Some(crate::i18n::Lang::Ru.say(&b.breach()?))).collect();
        assert_eq!(explained, ["заседание 06.03.2019 проведено с опозданием на 14 дней: срок был 20.02.2019"]);
    }

    #[test]
    fn outcomes_follow_the_record_and_add_up() {
        use Outcome::{Cancelled, Held, NotDone, Open};
        let bytes = std::fs::read("tests/fixtures/meetings/meetings.toml").unwrap();
        let plan = crate::model::parse("meetings.toml", &bytes).unwrap();
        let rows: Vec<_> = plan.activities().collect();
        let report = report(&plan, &rows, d("2019-11-20"));
        let outcomes: Vec<Outcome> =
            report.sections.iter().flat_map(|s| s.activities.iter().map(|a| a.outcome)).collect();
        // 1.2 met once 5 days late, 1.3 missed the second quarter: broken rules are not done.
        assert_eq!(outcomes, [Held, NotDone, NotDone, Held, Open, Cancelled, Held]);
        let t = report.totals;
        assert_eq!(t.activities, t.held + t.planned + t.not_recorded + t.not_done + t.cancelled + t.open);
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
