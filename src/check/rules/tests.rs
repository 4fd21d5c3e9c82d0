//! The rules as tables: each row a rule, its dates and the whole outcome expected, reasoned by hand.

use super::*;
use crate::when::Unit;
use RuleKind::{Both, Calendar, Rolling};
use Violation::{BlockMissed, DueSoon, GapExceeded, Overdue, PlannedTooLate};

fn d(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
}

fn dates(texts: &[&str]) -> Vec<NaiveDate> {
    texts.iter().map(|t| d(t)).collect()
}

/// A rule over the 2019 plan with nothing held, to be adjusted per row.
#[derive(Clone)]
struct Case {
    times: u32,
    months: u32,
    unit: Unit,
    kind: RuleKind,
    plan: (&'static str, &'static str),
    as_of: &'static str,
    last_before: Option<&'static str>,
    held: Vec<&'static str>,
    planned: Vec<&'static str>,
    within: u32,
}

fn rule(times: u32, months: u32, kind: RuleKind) -> Case {
    Case {
        times,
        months,
        unit: Unit::Month,
        kind,
        plan: ("2019-01-01", "2019-12-31"),
        as_of: "2019-12-31",
        last_before: None,
        held: Vec::new(),
        planned: Vec::new(),
        within: 30,
    }
}

impl Case {
    fn at(mut self, date: &'static str) -> Self {
        self.as_of = date;
        self
    }
    fn plan(mut self, start: &'static str, end: &'static str) -> Self {
        self.plan = (start, end);
        self
    }
    fn last_before(mut self, date: &'static str) -> Self {
        self.last_before = Some(date);
        self
    }
    fn held(mut self, held: &[&'static str]) -> Self {
        self.held = held.to_vec();
        self
    }
    fn planned(mut self, planned: &[&'static str]) -> Self {
        self.planned = planned.to_vec();
        self
    }
    fn within(mut self, days: u32) -> Self {
        self.within = days;
        self
    }
    fn weeks(mut self) -> Self {
        self.unit = Unit::Week;
        self
    }
    fn kind(mut self, kind: RuleKind) -> Self {
        self.kind = kind;
        self
    }
    fn run(&self) -> RuleOutcome {
        let held = dates(&self.held);
        let planned = dates(&self.planned);
        evaluate(&RuleInput {
            times: self.times,
            every: self.months,
            unit: self.unit,
            kind: self.kind,
            plan_start: d(self.plan.0),
            plan_end: d(self.plan.1),
            as_of: d(self.as_of),
            last_before: self.last_before.map(d),
            held: &held,
            planned: &planned,
            due_within_days: self.within,
        })
    }
}

fn gap(held: &str, due: &str) -> Violation {
    GapExceeded { held: d(held), due: d(due) }
}

fn missed(from: &str, to: &str, held: u32, needed: u32) -> Violation {
    BlockMissed { from: d(from), to: d(to), held, needed }
}

fn overdue(due: &str, days: i64) -> Violation {
    Overdue { due: d(due), days }
}

fn soon(due: &str, days: i64) -> Violation {
    DueSoon { due: d(due), days }
}

fn late(planned: &str, due: &str) -> Violation {
    PlannedTooLate { planned: d(planned), due: d(due) }
}

/// Runs each row and compares the whole outcome, naming the row on failure.
fn check(rows: &[(&str, Case, &str, Status, Vec<Violation>)]) {
    for (name, case, next_due, status, violations) in rows {
        let outcome = case.run();
        assert_eq!((outcome.next_due, outcome.status), (d(next_due), *status), "{name}");
        assert_eq!(&outcome.violations, violations, "{name}");
    }
}

#[test]
fn add_months_clamps_to_month_end() {
    let rows = [
        ("2019-08-31", 6, "2020-02-29"),
        ("2018-08-31", 6, "2019-02-28"),
        ("2019-01-31", 1, "2019-02-28"),
        ("2020-01-31", 1, "2020-02-29"),
        ("2018-11-30", 3, "2019-02-28"),
        ("2019-11-30", 3, "2020-02-29"),
        ("2019-03-31", 1, "2019-04-30"),
        ("2019-01-15", 12, "2020-01-15"),
        ("2019-01-15", 0, "2019-01-15"),
    ];
    for (from, months, to) in rows {
        assert_eq!(add_months(d(from), months), d(to), "{from} + {months}");
    }
}

#[test]
fn add_months_saturates_instead_of_panicking() {
    assert_eq!(add_months(NaiveDate::MAX, 1), NaiveDate::MAX);
    assert_eq!(add_months(d("2019-01-01"), u32::MAX), NaiveDate::MAX);
    assert_eq!(add_months(NaiveDate::MIN, u32::MAX), NaiveDate::MAX);
}

#[test]
fn acceptance_2019_presidium_and_council_with_nothing_held() {
    let presidium = rule(1, 3, Rolling);
    check(&[
        ("31 days ahead is not due soon at 30", presidium.clone().at("2019-03-01"), "2019-04-01", Status::Ok, vec![]),
        (
            "17 days ahead is due soon",
            presidium.clone().at("2019-03-15"),
            "2019-04-01",
            Status::DueSoon,
            vec![soon("2019-04-01", 17)],
        ),
        (
            "the day after the due date is overdue",
            presidium.at("2019-04-02"),
            "2019-04-01",
            Status::Overdue,
            vec![overdue("2019-04-01", 1)],
        ),
        (
            "council once in 6 months is due on 1 July",
            rule(1, 6, Rolling).at("2019-03-01"),
            "2019-07-01",
            Status::Ok,
            vec![],
        ),
    ]);
}

#[test]
fn rolling_meeting_on_its_due_date_complies_and_one_day_late_does_not() {
    check(&[
        (
            "on the due date",
            rule(1, 3, Rolling).held(&["2019-04-01"]).at("2019-05-01"),
            "2019-07-01",
            Status::Ok,
            vec![],
        ),
        (
            "one day late",
            rule(1, 3, Rolling).held(&["2019-04-02"]).at("2019-05-01"),
            "2019-07-02",
            Status::Violated,
            vec![gap("2019-04-02", "2019-04-01")],
        ),
        (
            "each next meeting counts from the previous one, clamped",
            rule(1, 6, Rolling)
                .plan("2019-01-01", "2020-12-31")
                .held(&["2019-06-30", "2019-08-31", "2020-02-29"])
                .at("2020-03-01"),
            "2020-08-29",
            Status::Ok,
            vec![],
        ),
    ]);
}

#[test]
fn rolling_last_before_starts_the_clock() {
    let case = rule(1, 3, Rolling).held(&["2019-03-01"]).at("2019-04-10");
    check(&[
        ("without last_before the clock starts at the plan start", case.clone(), "2019-06-01", Status::Ok, vec![]),
        (
            "a meeting in November 2018 made the first one due in February",
            case.last_before("2018-11-20"),
            "2019-06-01",
            Status::Violated,
            vec![gap("2019-03-01", "2019-02-20")],
        ),
        (
            "with nothing held, last_before makes it overdue sooner",
            rule(1, 3, Rolling).last_before("2018-11-30").at("2019-03-01"),
            "2019-02-28",
            Status::Overdue,
            vec![overdue("2019-02-28", 1)],
        ),
    ]);
}

#[test]
fn rolling_overdue_only_after_the_due_day() {
    let case = rule(1, 6, Rolling).held(&["2019-02-15"]);
    check(&[
        (
            "on the due day itself it is due, not overdue",
            case.clone().at("2019-08-15"),
            "2019-08-15",
            Status::DueSoon,
            vec![soon("2019-08-15", 0)],
        ),
        (
            "the next day it is overdue",
            case.at("2019-08-16"),
            "2019-08-15",
            Status::Overdue,
            vec![overdue("2019-08-15", 1)],
        ),
    ]);
}

#[test]
fn rolling_two_per_twelve_months_counts_from_the_meeting_two_back() {
    let case = rule(2, 12, Rolling).plan("2019-01-01", "2020-12-31");
    check(&[
        (
            "the first two are both due a year after the clock",
            case.clone().held(&["2019-02-01", "2020-01-01"]).at("2020-01-05"),
            "2020-02-01",
            Status::DueSoon,
            vec![soon("2020-02-01", 27)],
        ),
        (
            "the third is due a year after the first, the fourth after the second",
            case.clone().held(&["2019-02-01", "2019-03-01", "2020-02-01", "2020-03-02"]).at("2020-06-01"),
            "2021-02-01",
            Status::Violated,
            vec![gap("2020-03-02", "2020-03-01")],
        ),
        (
            "two meetings close together do not satisfy the year after",
            case.held(&["2019-02-01", "2019-02-02"]).at("2020-02-03"),
            "2020-02-01",
            Status::Overdue,
            vec![overdue("2020-02-01", 2)],
        ),
    ]);
}

#[test]
fn rolling_and_calendar_judge_the_same_dates_differently() {
    let once_a_quarter = rule(1, 3, Rolling).held(&["2019-01-10", "2019-06-25"]).at("2019-07-01");
    let twice_a_half_year = rule(2, 6, Rolling).held(&["2019-05-01", "2019-07-01"]).at("2019-07-02");
    check(&[
        (
            "a five-month gap breaks the rolling rule",
            once_a_quarter.clone(),
            "2019-09-25",
            Status::Violated,
            vec![gap("2019-06-25", "2019-04-10")],
        ),
        (
            "yet one meeting in each of Q1 and Q2 satisfies the quarters",
            once_a_quarter.kind(Calendar),
            "2019-09-30",
            Status::Ok,
            vec![],
        ),
        (
            "two meetings by 1 July satisfy the rolling rule",
            twice_a_half_year.clone(),
            "2019-11-01",
            Status::Ok,
            vec![],
        ),
        (
            "yet the first half-year held only one",
            twice_a_half_year.kind(Calendar),
            "2019-12-31",
            Status::Violated,
            vec![missed("2019-01-01", "2019-06-30", 1, 2)],
        ),
    ]);
}

#[test]
fn both_reports_the_union_of_the_readings() {
    check(&[
        (
            "gap, overdue and a missed quarter; the earlier next due date",
            rule(1, 3, Both).held(&["2019-01-10", "2019-06-25"]).at("2019-10-02"),
            "2019-09-25",
            Status::Overdue,
            vec![gap("2019-06-25", "2019-04-10"), missed("2019-07-01", "2019-09-30", 0, 1), overdue("2019-09-25", 7)],
        ),
        (
            "a missed block alone violates the combined rule",
            rule(2, 6, Both).held(&["2019-05-01", "2019-07-01"]).at("2019-07-02"),
            "2019-11-01",
            Status::Violated,
            vec![missed("2019-01-01", "2019-06-30", 1, 2)],
        ),
    ]);
}

#[test]
fn both_warns_due_soon_once_on_the_earlier_date() {
    check(&[(
        "quarter ends 31 March, rolling due 1 April",
        rule(1, 3, Both).at("2019-03-15"),
        "2019-03-31",
        Status::DueSoon,
        vec![soon("2019-03-31", 16)],
    )]);
}

#[test]
fn both_reports_a_planned_date_once_against_its_earlier_due_date() {
    check(&[(
        "rolling wants it by 1 April, the quarter by 31 March",
        rule(1, 3, Both).planned(&["2019-04-15"]).at("2019-02-01"),
        "2019-03-31",
        Status::Ok,
        vec![late("2019-04-15", "2019-03-31")],
    )]);
}

#[test]
fn next_due_may_lie_past_the_plan_end() {
    let quarterly = rule(1, 3, Rolling).held(&["2019-03-01", "2019-06-01", "2019-09-01", "2019-11-15"]);
    check(&[
        ("rolling: three months after a November meeting", quarterly.clone(), "2020-02-15", Status::Ok, vec![]),
        ("calendar: Q4 is done, so the next quarter's end", quarterly.kind(Calendar), "2020-03-31", Status::Ok, vec![]),
        (
            "calendar blocks are not clipped at the plan end",
            rule(1, 6, Calendar).plan("2019-03-01", "2019-12-31").held(&["2019-05-01"]),
            "2020-02-29",
            Status::Ok,
            vec![],
        ),
    ]);
}

#[test]
fn rolling_planned_dates_are_judged_in_sequence() {
    check(&[
        (
            "a planned date in time",
            rule(1, 6, Rolling).held(&["2019-03-14"]).planned(&["2019-09-14"]).at("2019-04-01"),
            "2019-09-14",
            Status::Ok,
            vec![],
        ),
        (
            "a planned date one day too late",
            rule(1, 6, Rolling).held(&["2019-03-14"]).planned(&["2019-09-15"]).at("2019-04-01"),
            "2019-09-14",
            Status::Ok,
            vec![late("2019-09-15", "2019-09-14")],
        ),
        (
            "each planned date counts from the one planned before it",
            rule(1, 3, Rolling).planned(&["2019-03-01", "2019-06-01", "2019-09-02"]).at("2019-01-15"),
            "2019-04-01",
            Status::Ok,
            vec![late("2019-09-02", "2019-09-01")],
        ),
        (
            "planned dates never meet a due date",
            rule(1, 3, Rolling).planned(&["2019-03-01"]).at("2019-04-02"),
            "2019-04-01",
            Status::Overdue,
            vec![overdue("2019-04-01", 1)],
        ),
        (
            "a planned date also recorded as held is judged once, as held",
            rule(1, 3, Rolling).held(&["2019-03-01"]).planned(&["2019-03-01", "2019-06-02"]).at("2019-03-02"),
            "2019-06-01",
            Status::Ok,
            vec![late("2019-06-02", "2019-06-01")],
        ),
    ]);
}

#[test]
fn due_soon_boundary_is_inclusive() {
    let case = rule(1, 3, Rolling);
    check(&[
        (
            "exactly due_within days ahead",
            case.clone().at("2019-03-02"),
            "2019-04-01",
            Status::DueSoon,
            vec![soon("2019-04-01", 30)],
        ),
        ("one day more", case.clone().at("2019-03-01"), "2019-04-01", Status::Ok, vec![]),
        (
            "a window of zero days warns only on the due day",
            case.clone().within(0).at("2019-04-01"),
            "2019-04-01",
            Status::DueSoon,
            vec![soon("2019-04-01", 0)],
        ),
        (
            "a window of zero days is quiet the day before",
            case.within(0).at("2019-03-31"),
            "2019-04-01",
            Status::Ok,
            vec![],
        ),
    ]);
}

#[test]
fn calendar_reports_each_finished_block_that_fell_short() {
    check(&[
        (
            "an empty first quarter",
            rule(1, 3, Calendar).held(&["2019-05-05"]).at("2019-07-01"),
            "2019-09-30",
            Status::Violated,
            vec![missed("2019-01-01", "2019-03-31", 0, 1)],
        ),
        (
            "the block holding the as-of date is not finished on its last day",
            rule(1, 3, Calendar).at("2019-03-31"),
            "2019-03-31",
            Status::DueSoon,
            vec![soon("2019-03-31", 0)],
        ),
        (
            "it is finished the day after, and calendar is never overdue",
            rule(1, 3, Calendar).at("2019-04-01"),
            "2019-06-30",
            Status::Violated,
            vec![missed("2019-01-01", "2019-03-31", 0, 1)],
        ),
        (
            "every empty block is reported",
            rule(2, 3, Calendar).held(&["2019-02-01", "2019-03-01", "2019-08-01"]).at("2019-12-31"),
            "2019-12-31",
            Status::Violated,
            vec![
                missed("2019-04-01", "2019-06-30", 0, 2),
                missed("2019-07-01", "2019-09-30", 1, 2),
                soon("2019-12-31", 0),
            ],
        ),
    ]);
}

#[test]
fn calendar_next_due_skips_a_block_already_satisfied() {
    check(&[
        (
            "Q2 still lacks: its end",
            rule(1, 3, Calendar).held(&["2019-02-01"]).at("2019-05-10"),
            "2019-06-30",
            Status::Ok,
            vec![],
        ),
        (
            "Q2 is done: the end of Q3",
            rule(1, 3, Calendar).held(&["2019-02-01", "2019-04-20"]).at("2019-05-10"),
            "2019-09-30",
            Status::Ok,
            vec![],
        ),
        (
            "Q2 with one of two: still Q2",
            rule(2, 3, Calendar).held(&["2019-02-01", "2019-03-01", "2019-04-20"]).at("2019-06-10"),
            "2019-06-30",
            Status::DueSoon,
            vec![soon("2019-06-30", 20)],
        ),
    ]);
}

#[test]
fn calendar_planned_dates_must_fill_the_open_blocks() {
    check(&[
        (
            "a planned date inside the open quarter is in time",
            rule(1, 3, Calendar).held(&["2019-02-01"]).planned(&["2019-06-20"]).at("2019-04-10"),
            "2019-06-30",
            Status::Ok,
            vec![],
        ),
        (
            // The open quarter starts on the as-of date: a date planned on its first day fills it.
            "a planned date on the open quarter's first day is in time",
            rule(1, 3, Calendar).held(&["2019-02-01"]).planned(&["2019-04-01", "2019-07-15"]).at("2019-04-01"),
            "2019-06-30",
            Status::Ok,
            vec![],
        ),
        (
            "the first planned date after an empty quarter is too late",
            rule(1, 3, Calendar).held(&["2019-02-01"]).planned(&["2019-07-15"]).at("2019-04-10"),
            "2019-06-30",
            Status::Ok,
            vec![late("2019-07-15", "2019-06-30")],
        ),
        (
            "a date failing two quarters is reported once, against the first",
            rule(1, 3, Calendar)
                .held(&["2019-02-01"])
                .planned(&["2019-10-05", "2019-10-06", "2020-05-01"])
                .at("2019-04-10"),
            "2019-06-30",
            Status::Ok,
            vec![late("2019-10-05", "2019-06-30"), late("2020-05-01", "2020-03-31")],
        ),
        (
            "a held date fills the open block, planned dates fill later ones",
            rule(1, 3, Calendar)
                .held(&["2019-02-01", "2019-04-02"])
                .planned(&["2019-08-01", "2019-11-01"])
                .at("2019-04-10"),
            "2019-09-30",
            Status::Ok,
            vec![],
        ),
        (
            "planned dates in finished blocks are not judged again",
            rule(1, 3, Calendar).held(&["2019-05-01"]).planned(&["2019-03-01"]).at("2019-05-10"),
            "2019-09-30",
            Status::Violated,
            vec![missed("2019-01-01", "2019-03-31", 0, 1)],
        ),
    ]);
}

#[test]
fn yearly_and_monthly_rules() {
    check(&[
        (
            "calendar yearly: the plan year is one block",
            rule(1, 12, Calendar).at("2019-12-20"),
            "2019-12-31",
            Status::DueSoon,
            vec![soon("2019-12-31", 11)],
        ),
        (
            "rolling yearly: due a year after the plan start",
            rule(1, 12, Rolling).at("2019-12-20"),
            "2020-01-01",
            Status::DueSoon,
            vec![soon("2020-01-01", 12)],
        ),
        (
            "calendar monthly: February missed, April open",
            rule(1, 1, Calendar).held(&["2019-01-31", "2019-03-01"]).at("2019-04-10"),
            "2019-04-30",
            Status::Violated,
            vec![missed("2019-02-01", "2019-02-28", 0, 1), soon("2019-04-30", 20)],
        ),
        (
            "rolling monthly: 31 January makes the next due 28 February",
            rule(1, 1, Rolling).held(&["2019-01-31", "2019-03-01"]).at("2019-03-02"),
            "2019-04-01",
            Status::Violated,
            vec![gap("2019-03-01", "2019-02-28"), soon("2019-04-01", 30)],
        ),
    ]);
}

#[test]
fn status_priority_is_overdue_then_violated_then_due_soon() {
    check(&[
        (
            "overdue beats an earlier gap",
            rule(1, 3, Rolling).held(&["2019-05-01"]).at("2019-09-01"),
            "2019-08-01",
            Status::Overdue,
            vec![gap("2019-05-01", "2019-04-01"), overdue("2019-08-01", 31)],
        ),
        (
            "a gap beats due soon",
            rule(1, 3, Rolling).held(&["2019-05-01"]).at("2019-07-20"),
            "2019-08-01",
            Status::Violated,
            vec![gap("2019-05-01", "2019-04-01"), soon("2019-08-01", 12)],
        ),
        (
            "a planned-too-late warning leaves the status alone",
            rule(1, 3, Rolling).planned(&["2019-05-01"]).at("2019-01-10"),
            "2019-04-01",
            Status::Ok,
            vec![late("2019-05-01", "2019-04-01")],
        ),
    ]);
    assert!(Status::Overdue > Status::Violated);
    assert!(Status::Violated > Status::DueSoon);
    assert!(Status::DueSoon > Status::Ok);
}

#[test]
fn zero_times_or_months_are_read_as_one() {
    check(&[
        ("rolling", rule(0, 0, Rolling).at("2019-01-15"), "2019-02-01", Status::DueSoon, vec![soon("2019-02-01", 17)]),
        (
            "calendar",
            rule(0, 0, Calendar).at("2019-02-15"),
            "2019-02-28",
            Status::Violated,
            vec![missed("2019-01-01", "2019-01-31", 0, 1), soon("2019-02-28", 13)],
        ),
    ]);
}

#[test]
fn as_of_before_the_plan_start_judges_nothing_yet() {
    check(&[
        ("rolling", rule(1, 3, Rolling).at("2018-12-01"), "2019-04-01", Status::Ok, vec![]),
        (
            "calendar: the first block is the open one",
            rule(1, 3, Calendar).planned(&["2019-05-01"]).at("2018-12-01"),
            "2019-03-31",
            Status::Ok,
            vec![late("2019-05-01", "2019-03-31")],
        ),
    ]);
}

#[test]
fn a_rule_gets_at_most_one_of_overdue_and_due_soon() {
    check(&[
        (
            "both: held 1 March, as of 10 September: overdue, the missed quarter, no due-soon",
            rule(1, 3, Both).held(&["2019-03-01"]).at("2019-09-10"),
            "2019-06-01",
            Status::Overdue,
            vec![missed("2019-04-01", "2019-06-30", 0, 1), overdue("2019-06-01", 101)],
        ),
        (
            "both: calendar due soon, rolling overdue",
            rule(1, 3, Both).held(&["2019-01-05"]).at("2019-04-10"),
            "2019-04-05",
            Status::Overdue,
            vec![overdue("2019-04-05", 5)],
        ),
    ]);
}

#[test]
fn calendar_blocks_go_on_past_the_plans_end_with_one_overdue() {
    check(&[
        (
            "Q4 missed in the plan, then Q1 and Q2 of the next year: one overdue on Q1's end",
            rule(1, 3, Calendar).held(&["2019-02-01", "2019-05-01", "2019-08-01"]).at("2020-07-15"),
            "2020-03-31",
            Status::Overdue,
            vec![missed("2019-10-01", "2019-12-31", 0, 1), overdue("2020-03-31", 106)],
        ),
        (
            "in the first block after the plan: due at its end",
            rule(1, 3, Calendar).held(&["2019-02-01", "2019-05-01", "2019-08-01", "2019-11-01"]).at("2020-03-15"),
            "2020-03-31",
            Status::DueSoon,
            vec![soon("2020-03-31", 16)],
        ),
        (
            "a half-year rule over a plan of ten months: the block straddling the end is overdue",
            rule(1, 6, Calendar).plan("2019-03-01", "2019-12-31").held(&["2019-05-01"]).at("2020-03-10"),
            "2020-02-29",
            Status::Overdue,
            vec![overdue("2020-02-29", 10)],
        ),
    ]);
}

#[test]
fn the_engine_returns_the_due_dates_and_blocks_it_judged_by() {
    let outcome = rule(1, 3, Both).held(&["2019-03-01", "2019-07-20"]).at("2019-08-01").run();
    assert_eq!(
        outcome.dues,
        [
            Due { due: d("2019-04-01"), met: Some(d("2019-03-01")) },
            Due { due: d("2019-06-01"), met: Some(d("2019-07-20")) },
            Due { due: d("2019-10-20"), met: None },
        ]
    );
    let block = |from: &str, to: &str, held| Block { from: d(from), to: d(to), held, needed: 1 };
    assert_eq!(
        outcome.blocks,
        [
            block("2019-01-01", "2019-03-31", 1),
            block("2019-04-01", "2019-06-30", 0),
            block("2019-07-01", "2019-09-30", 1),
            block("2019-10-01", "2019-12-31", 0),
        ]
    );
}

#[test]
fn fewest_meetings_counts_the_rule_not_the_record() {
    let run = |case: Case, until: &str| {
        let held = dates(&case.held);
        let input = RuleInput {
            times: case.times,
            every: case.months,
            unit: case.unit,
            kind: case.kind,
            plan_start: d(case.plan.0),
            plan_end: d(case.plan.1),
            as_of: d(case.as_of),
            last_before: case.last_before.map(d),
            held: &held,
            planned: &[],
            due_within_days: 30,
        };
        fewest_meetings(&input, d(until))
    };
    let monthly: Vec<&str> = vec![
        "2019-01-15",
        "2019-02-15",
        "2019-03-15",
        "2019-04-15",
        "2019-05-15",
        "2019-06-15",
        "2019-07-15",
        "2019-08-15",
        "2019-09-15",
        "2019-10-15",
        "2019-11-15",
        "2019-12-15",
    ];
    assert_eq!(run(rule(1, 3, Rolling).held(&monthly), "2019-12-31"), 4);
    assert_eq!(run(rule(1, 3, Rolling), "2019-12-31"), 4);
    assert_eq!(run(rule(1, 3, Calendar), "2019-12-30"), 3);
    assert_eq!(run(rule(2, 6, Both), "2019-12-31"), 4);
    assert_eq!(run(rule(1, 6, Rolling).last_before("2018-08-31"), "2019-12-31"), 2);
    assert_eq!(run(rule(1, 1, Rolling), "2019-12-31"), 12);
    assert_eq!(run(rule(1, 12, Calendar), "2019-12-31"), 1);
}

#[test]
fn calendar_blocks_from_a_month_end_start_do_not_drift() {
    let blocks = Blocks::new(d("2019-01-31"), Period::new(1, Unit::Month));
    assert_eq!(blocks.first_day(1), d("2019-02-28"));
    assert_eq!(blocks.last_day(1), d("2019-03-30"));
    assert_eq!(blocks.first_day(2), d("2019-03-31"));
    for (date, index) in [
        ("2019-01-31", Some(0)),
        ("2019-02-27", Some(0)),
        ("2019-02-28", Some(1)),
        ("2019-03-30", Some(1)),
        ("2019-03-31", Some(2)),
        ("2019-01-30", None),
    ] {
        assert_eq!(blocks.index_of(d(date)), index, "{date}");
    }
}

#[test]
fn thousands_of_regular_meetings_break_no_rule() {
    let start = d("1990-01-01");
    let held: Vec<NaiveDate> = start.iter_days().step_by(3).take(10_000).collect();
    let planned: Vec<NaiveDate> = held.last().unwrap().iter_days().skip(1).step_by(3).take(10_000).collect();
    let input = RuleInput {
        times: 2,
        every: 1,
        unit: Unit::Month,
        kind: Both,
        plan_start: start,
        plan_end: d("2100-12-31"),
        as_of: *held.last().unwrap(),
        last_before: None,
        held: &held,
        planned: &planned,
        due_within_days: 30,
    };
    let outcome = evaluate(&input);
    assert!(outcome.status <= Status::DueSoon, "{outcome:?}");
    assert!(!outcome.violations.iter().any(Violation::is_error), "{outcome:?}");
    // Every held date is judged against its own due date, and every month is a block.
    assert_eq!(outcome.dues.len(), held.len() + 1);
    assert!(outcome.dues.iter().all(|due| due.met.is_none_or(|met| met <= due.due)));
    assert!(outcome.blocks.iter().all(|block| block.held >= block.needed || block.to >= input.as_of));
}

#[test]
fn dates_at_the_end_of_time_do_not_panic_or_hang() {
    let end = NaiveDate::MAX;
    let start = end - chrono::Days::new(400);
    let held = [start, end - chrono::Days::new(10)];
    let planned = [end - chrono::Days::new(5), end];
    for (kind, unit) in [Rolling, Calendar, Both].into_iter().flat_map(|k| [(k, Unit::Month), (k, Unit::Week)]) {
        for months in [1, 12, u32::MAX] {
            let input = RuleInput {
                times: 1,
                every: months,
                unit,
                kind,
                plan_start: start,
                plan_end: end,
                as_of: end,
                last_before: None,
                held: &held,
                planned: &planned,
                due_within_days: u32::MAX,
            };
            let outcome = evaluate(&input);
            // Due dates past chrono's range saturate at its last day instead of wrapping.
            assert!(outcome.next_due >= start, "{kind:?} {months}: {outcome:?}");
            assert!(outcome.dues.iter().all(|due| due.due >= start), "{kind:?} {months}");
            if months == u32::MAX {
                assert_eq!(outcome.next_due, end, "{kind:?}: saturated");
            }
            // A month or more between meetings 400 days apart is not overdue at the end of time;
            // a week is.
            if unit == Unit::Month {
                assert!(outcome.status <= Status::Violated, "{kind:?} {months}: {outcome:?}");
            }
        }
    }
}

#[test]
fn weekly_rolling_rules_count_gaps_of_seven_days_a_week() {
    check(&[
        (
            "weekly from Tuesday 1 January: due on Tuesday 8 January",
            rule(1, 1, Rolling).weeks().at("2019-01-05"),
            "2019-01-08",
            Status::DueSoon,
            vec![soon("2019-01-08", 3)],
        ),
        (
            "every 2 weeks: 10 January met 15 January; 30 January came 6 days after 24 January",
            rule(1, 2, Rolling).weeks().held(&["2019-01-10", "2019-01-30"]).at("2019-02-01"),
            "2019-02-13",
            Status::Violated,
            vec![gap("2019-01-30", "2019-01-24"), soon("2019-02-13", 12)],
        ),
        (
            "twice a week: the third is due 7 days after the first, the fourth after the second",
            rule(2, 1, Rolling).weeks().held(&["2019-01-02", "2019-01-03", "2019-01-12"]).at("2019-01-12"),
            "2019-01-10",
            Status::Overdue,
            vec![gap("2019-01-12", "2019-01-09"), overdue("2019-01-10", 2)],
        ),
        (
            "a planned meeting 15 days after the last held one misses a two-week rule",
            rule(1, 2, Rolling)
                .weeks()
                .plan("2019-02-25", "2019-12-31")
                .held(&["2019-03-01"])
                .planned(&["2019-03-16"])
                .at("2019-03-02"),
            "2019-03-15",
            Status::DueSoon,
            vec![soon("2019-03-15", 13), late("2019-03-16", "2019-03-15")],
        ),
    ]);
}

#[test]
fn weekly_calendar_blocks_are_weeks_from_monday() {
    check(&[
        (
            "a plan from Tuesday 1 January: its first days join the week from Monday 7 January",
            rule(1, 1, Calendar).weeks().held(&["2019-01-05", "2019-01-22"]).at("2019-01-29"),
            "2019-02-03",
            Status::Violated,
            vec![missed("2019-01-14", "2019-01-20", 0, 1), soon("2019-02-03", 5)],
        ),
        (
            "every 2 weeks from Monday 1 April",
            rule(1, 2, Calendar).weeks().plan("2019-04-01", "2019-12-31").at("2019-04-20"),
            "2019-04-28",
            Status::Violated,
            vec![missed("2019-04-01", "2019-04-14", 0, 1), soon("2019-04-28", 8)],
        ),
    ]);
    // 1 January 2023 is a Sunday: that day joins the week from Monday 2 January.
    let blocks = Blocks::new(d("2023-01-01"), Period::new(1, Unit::Week));
    assert_eq!((blocks.first_day(0), blocks.last_day(0)), (d("2023-01-01"), d("2023-01-08")));
    assert_eq!((blocks.first_day(1), blocks.last_day(1)), (d("2023-01-09"), d("2023-01-15")));
    for (date, index) in
        [("2023-01-01", Some(0)), ("2023-01-08", Some(0)), ("2023-01-09", Some(1)), ("2022-12-31", None)]
    {
        assert_eq!(blocks.index_of(d(date)), index, "{date}");
    }
}

#[test]
fn fewest_weekly_meetings_over_a_year() {
    let run = |case: Case| {
        let input = RuleInput {
            times: case.times,
            every: case.months,
            unit: case.unit,
            kind: case.kind,
            plan_start: d(case.plan.0),
            plan_end: d(case.plan.1),
            as_of: d(case.as_of),
            last_before: None,
            held: &[],
            planned: &[],
            due_within_days: 30,
        };
        fewest_meetings(&input, d("2019-12-31"))
    };
    // Rolling: 1 January + 7k for k = 1..=52 is at most 1 January 2020 (52 weeks and a day).
    assert_eq!(run(rule(1, 1, Rolling).weeks()), 52);
    // Calendar: blocks end 13 January + 7i, the last by 31 December at i = 50.
    assert_eq!(run(rule(1, 1, Calendar).weeks()), 51);
    assert_eq!(run(rule(2, 1, Both).weeks()), 104);
}

#[test]
fn a_meeting_held_and_planned_on_the_as_of_date_is_one_held_meeting() {
    check(&[(
        "held late on 1 May and also planned for that day: a gap, not also a late plan",
        rule(1, 3, Rolling).held(&["2019-05-01"]).planned(&["2019-05-01"]).at("2019-05-01"),
        "2019-08-01",
        Status::Violated,
        vec![gap("2019-05-01", "2019-04-01")],
    )]);
}
