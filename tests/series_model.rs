//! The series (spec §4) against a model written here from the spec's words alone: no code of the
//! engine decides what the answer should be, and the month arithmetic is done on month numbers.
//!
//! A series of 2 to 4 plans, short and long, cut at random points, continues one activity by
//! `id`: N 1–4 per M months (1, 2, 3, 4, 6, 12) or per W weeks (1–3), rolling, calendar or both,
//! held dates walked along the due dates (on them, a day after, early, late) and split across the
//! plans wherever they fall, `last_before` on some plans, and an as-of date before, inside and
//! after the series. One plan of it is checked; the model reads the series as one plan spanning
//! it reads it:
//!
//! - the clock is the `last_before` (or start) of the first plan recording a meeting by the as-of
//!   date, or, with none, of the latest plan started by then (or the first);
//! - rolling: h1..hN are due by clock + period, each later hk by h(k-N) + period;
//! - calendar: blocks of the checked plan, of M months from its start or of W weeks from Monday
//!   (days before the first Monday joining the first block); a block ending by the series' end
//!   and before the as-of date is judged; what is due now comes from the blocks of the plan in
//!   force at the as-of date;
//! - a past breach belongs to the first plan not ended by its due date (the last plan after all),
//!   and is not judged before the checked plan starts; what is due now is said by every plan.
//!
//! `PROPTEST_CASES` series (2,000 by default; run with 1,000,000 in release to search harder).

// Offsets of days are small and positive here.
#![allow(clippy::cast_sign_loss, clippy::cast_possible_wrap, clippy::cast_possible_truncation)]

use chrono::{Datelike, Days, NaiveDate, Weekday};
use proptest::prelude::*;

use plan::check::rules::{Status, Violation};
use plan::check::{Options, What, check_series};
use plan::model::Plan;

fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn days_in_month(y: i32, m: u32) -> u32 {
    let (ny, nm) = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
    (ymd(ny, nm, 1) - ymd(y, m, 1)).num_days() as u32
}

/// "Months are calendar months, clamped to the month's end."
fn plus_months(date: NaiveDate, months: u32) -> NaiveDate {
    let index = date.year() * 12 + date.month0() as i32 + months as i32;
    let (y, m) = (index.div_euclid(12), index.rem_euclid(12) as u32 + 1);
    ymd(y, m, date.day().min(days_in_month(y, m)))
}

fn plus_days(date: NaiveDate, days: i64) -> NaiveDate {
    if days >= 0 { date + Days::new(days as u64) } else { date - Days::new(days.unsigned_abs()) }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Rolling,
    Calendar,
    Both,
}

/// The rule's period: months, or weeks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Per {
    Months(u32),
    Weeks(u32),
}

impl Per {
    /// One period after `date`.
    fn after(self, date: NaiveDate) -> NaiveDate {
        match self {
            Per::Months(m) => plus_months(date, m),
            Per::Weeks(w) => plus_days(date, 7 * i64::from(w)),
        }
    }

    /// The first and last day of block `i` of a plan starting on `start`.
    fn block(self, start: NaiveDate, i: u32) -> (NaiveDate, NaiveDate) {
        match self {
            Per::Months(m) => (plus_months(start, i * m), plus_months(start, (i + 1) * m).pred_opt().unwrap()),
            Per::Weeks(w) => {
                let mut monday = start;
                while monday.weekday() != Weekday::Mon {
                    monday = monday.succ_opt().unwrap();
                }
                let from = if i == 0 { start } else { plus_days(monday, 7 * i64::from(w * i)) };
                (from, plus_days(monday, 7 * i64::from(w * (i + 1)) - 1))
            }
        }
    }
}

#[derive(Debug, Clone)]
struct Member {
    file: String,
    start: NaiveDate,
    end: NaiveDate,
    last_before: Option<NaiveDate>,
    held: Vec<NaiveDate>,
}

#[derive(Debug, Clone)]
struct Case {
    times: u32,
    per: Per,
    kind: Kind,
    /// In time order, end to end.
    members: Vec<Member>,
    checked: usize,
    as_of: NaiveDate,
}

/// A finding as compared: code, its date (the held date, the block's first day, the due date),
/// the due date or the block's end, and the file recording the date when another plan does.
type Seen = (&'static str, NaiveDate, Option<NaiveDate>, Option<String>);

#[derive(Debug, PartialEq)]
struct Verdict {
    next_due: NaiveDate,
    status: Status,
    findings: Vec<Seen>,
}

/// The calendar reading over the blocks of the plan starting on `start`: the blocks judged (ended
/// by the series' end and before A) that lack meetings, and the next due date.
fn calendar(case: &Case, start: NaiveDate, held: &[NaiveDate]) -> (Vec<(NaiveDate, NaiveDate)>, NaiveDate) {
    let (n, a) = (case.times as usize, case.as_of);
    let series_end = case.members.last().unwrap().end;
    let count = |(from, to): (NaiveDate, NaiveDate)| held.iter().filter(|&&h| from <= h && h <= to).count();
    let mut missed = Vec::new();
    let mut i = 0;
    while case.per.block(start, i).1 <= series_end && case.per.block(start, i).1 < a {
        if count(case.per.block(start, i)) < n {
            missed.push(case.per.block(start, i));
        }
        i += 1;
    }
    while count(case.per.block(start, i)) >= n {
        i += 1;
    }
    (missed, case.per.block(start, i).1)
}

fn model(case: &Case) -> Verdict {
    let (n, a) = (case.times as usize, case.as_of);
    let members = &case.members;
    let me = &members[case.checked];
    let counted = |m: &Member| m.held.iter().copied().filter(|&h| h <= a).collect::<Vec<_>>();
    // The clock.
    let first_recording = members.iter().position(|m| !counted(m).is_empty());
    let latest_started = members.iter().rposition(|m| m.start <= a).unwrap_or(0);
    let clocked = &members[first_recording.unwrap_or(latest_started)];
    let clock = clocked.last_before.unwrap_or(clocked.start);
    let mut held: Vec<(NaiveDate, usize)> =
        members.iter().enumerate().flat_map(|(i, m)| counted(m).into_iter().map(move |h| (h, i))).collect();
    held.sort();
    let owner = |due: NaiveDate| members.iter().position(|m| due <= m.end).unwrap_or(members.len() - 1);
    let file_of = |i: usize| (i != case.checked).then(|| members[i].file.clone());

    let mut past: Vec<Seen> = Vec::new();
    let mut next_due = None;
    if case.kind != Kind::Calendar {
        let due = |k: usize| if k < n { case.per.after(clock) } else { case.per.after(held[k - n].0) };
        for (k, &(h, i)) in held.iter().enumerate() {
            if h > due(k) && owner(due(k)) == case.checked {
                past.push(("gap-exceeded", h, Some(due(k)), file_of(i)));
            }
        }
        next_due = Some(due(held.len()));
    }
    if case.kind != Kind::Rolling {
        let dates: Vec<NaiveDate> = held.iter().map(|&(h, _)| h).collect();
        let mine: Vec<NaiveDate> = dates.iter().copied().filter(|&h| h >= me.start).collect();
        let (missed, _) = calendar(case, me.start, &mine);
        for (from, to) in missed {
            if owner(to) == case.checked {
                past.push(("block-missed", from, Some(to), None));
            }
        }
        // What is due now: the blocks of the plan in force at A.
        let in_force = &members[latest_started];
        let theirs: Vec<NaiveDate> = dates.iter().copied().filter(|&h| h >= in_force.start).collect();
        let (_, due) = calendar(case, in_force.start, &theirs);
        next_due = Some(next_due.map_or(due, |d: NaiveDate| d.min(due)));
    }
    let next_due = next_due.unwrap();
    if a < me.start {
        past.clear();
    }
    let days = (next_due - a).num_days();
    let now = if days < 0 {
        Some(("overdue", next_due, None, None))
    } else if days <= 30 {
        Some(("due-soon", next_due, None, None))
    } else {
        None
    };
    let status = match (&now, past.is_empty()) {
        (Some(("overdue", ..)), _) => Status::Overdue,
        (_, false) => Status::Violated,
        (Some(_), true) => Status::DueSoon,
        (None, true) => Status::Ok,
    };
    let mut findings = past;
    findings.extend(now);
    findings.sort();
    Verdict { next_due, status, findings }
}

// ---------------------------------------------------------------------------------------------
// The engine, through the library, from the TOML text a user would write.

fn plan_of(case: &Case, member: &Member) -> Plan {
    let dates = member.held.iter().map(ToString::to_string).collect::<Vec<_>>().join(", ");
    let when = match case.per {
        Per::Months(m) => format!("at least {} times every {m} months", case.times),
        Per::Weeks(w) => format!("at least {} times every {w} weeks", case.times),
    };
    let rule = match case.kind {
        Kind::Rolling => "rolling",
        Kind::Calendar => "calendar",
        Kind::Both => "both",
    };
    let last_before = member.last_before.map(|d| format!("last_before = {d}\n")).unwrap_or_default();
    let text = format!(
        "[plan]\ntitle = \"T\"\nstart = {}\nend = {}\n[parties.p]\nname = \"P\"\n[[section]]\ntitle = \"S\"\n\
         [[section.activity]]\nid = \"council\"\ntitle = \"A\"\nwhen = \"{when}\"\nresponsible = [\"p\"]\n\
         held = [{dates}]\nrule = \"{rule}\"\n{last_before}",
        member.start, member.end
    );
    plan::model::parse(&member.file, text.as_bytes()).unwrap_or_else(|e| panic!("{text}\n{e:?}"))
}

fn engine(case: &Case) -> Verdict {
    let plans: Vec<Plan> = case.members.iter().map(|m| plan_of(case, m)).collect();
    let others: Vec<Plan> =
        plans.iter().enumerate().filter(|&(i, _)| i != case.checked).map(|(_, p)| p.clone()).collect();
    let report = check_series(&plans[case.checked], &others, Options { as_of: case.as_of, due_within: 30 });
    let mut findings: Vec<Seen> = report
        .findings
        .iter()
        .filter_map(|f| match f.what {
            What::Rule(Violation::GapExceeded { held, due }) => {
                Some(("gap-exceeded", held, Some(due), f.recorded_in.clone()))
            }
            What::Rule(Violation::BlockMissed { from, to, .. }) => Some(("block-missed", from, Some(to), None)),
            What::Rule(Violation::Overdue { due, .. }) => Some(("overdue", due, None, None)),
            What::Rule(Violation::DueSoon { due, .. }) => Some(("due-soon", due, None, None)),
            _ => None,
        })
        .collect();
    findings.sort();
    Verdict { next_due: report.rules[0].next_due, status: report.rules[0].status, findings }
}

// ---------------------------------------------------------------------------------------------
// Generated series.

/// How each next held date is placed against the rolling due date the series gives it.
#[derive(Debug, Clone, Copy)]
enum Step {
    OnDue,
    DayAfter,
    Early(u32),
    Late(u32),
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        3 => Just(Step::OnDue),
        3 => Just(Step::DayAfter),
        3 => (1u32..120).prop_map(Step::Early),
        1 => (2u32..200).prop_map(Step::Late),
    ]
}

prop_compose! {
    fn case()(
        times in 1u32..=4,
        per in prop_oneof![
            3 => prop::sample::select(vec![1u32, 2, 3, 4, 6, 12]).prop_map(Per::Months),
            1 => (1u32..=3).prop_map(Per::Weeks),
        ],
        kind in prop_oneof![Just(Kind::Rolling), Just(Kind::Calendar), Just(Kind::Both)],
        // The series' first day: a month's first or last day, or any day.
        first in prop_oneof![Just(0i64), Just(30), 0i64..365],
        // Short series (a year or less) and long ones (up to four years).
        length in prop_oneof![60i64..400, 400i64..1500],
        plans in 2usize..=4,
        // Where each plan ends, in thousandths of the series.
        cuts in prop::collection::vec(1i64..1000, 3),
        last_befores in prop::collection::vec(prop::option::weighted(0.3, 1i64..300), 4),
        steps in prop::collection::vec(step(), 0..24),
        checked in 0usize..4,
        as_of in -200i64..1900,
    ) -> Case {
        let start = plus_days(ymd(2018, 1, 1), first);
        let end = plus_days(start, length);
        // Cut points, at least a day apart, so every plan has a day.
        let mut points: Vec<i64> = cuts[..plans - 1].iter().map(|c| c * length / 1000).collect();
        points.sort_unstable();
        points.dedup();
        points.retain(|&p| p > 0);
        let mut bounds = vec![start];
        bounds.extend(points.iter().map(|&p| plus_days(start, p)));
        bounds.dedup();
        let mut members: Vec<Member> = bounds
            .iter()
            .enumerate()
            .map(|(i, &from)| Member {
                file: format!("plans/{i}.toml"),
                start: from,
                end: bounds.get(i + 1).map_or(end, |next| next.pred_opt().unwrap()),
                last_before: last_befores[i].map(|days| plus_days(from, -days)),
                held: Vec::new(),
            })
            .filter(|m| m.start <= m.end)
            .collect();
        // Held dates walk the rolling chain from the first plan's clock, each placed in the plan
        // whose period holds it.
        let clock = members[0].last_before.unwrap_or(start);
        let mut held: Vec<NaiveDate> = Vec::new();
        for step in steps {
            let k = held.len();
            let due = if k < times as usize { per.after(clock) } else { per.after(held[k - times as usize]) };
            let date = match step {
                Step::OnDue => due,
                Step::DayAfter => due.succ_opt().unwrap(),
                Step::Early(days) => plus_days(due, -i64::from(days)),
                Step::Late(days) => plus_days(due, i64::from(days)),
            };
            if date > end {
                break;
            }
            if date < start || held.last().is_some_and(|&last| date <= last) {
                continue;
            }
            held.push(date);
        }
        for date in held {
            let member = members.iter_mut().find(|m| m.start <= date && date <= m.end).unwrap();
            member.held.push(date);
        }
        let checked = checked % members.len();
        Case { times, per, kind, members, checked, as_of: plus_days(start, as_of) }
    }
}

fn cases() -> u32 {
    std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(2_000)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(), failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn check_of_any_plan_of_a_series_agrees_with_the_model(case in case()) {
        prop_assert_eq!(engine(&case), model(&case), "{:#?}", case);
    }
}

#[test]
fn the_model_reads_the_spec_and_issue_examples() {
    let member = |i: usize, start: NaiveDate, end: NaiveDate, held: &[NaiveDate]| Member {
        file: format!("plans/{i}.toml"),
        start,
        end,
        last_before: None,
        held: held.to_vec(),
    };
    // The issue: 2 in 12 months, 27.04.2018 in 2018, 05.01.2019 in 2019, as of 01.02.2019.
    let case = Case {
        times: 2,
        per: Per::Months(12),
        kind: Kind::Rolling,
        members: vec![
            member(0, ymd(2018, 1, 1), ymd(2018, 12, 31), &[ymd(2018, 4, 27)]),
            member(1, ymd(2019, 1, 1), ymd(2019, 12, 31), &[ymd(2019, 1, 5)]),
        ],
        checked: 1,
        as_of: ymd(2019, 2, 1),
    };
    let expected = model(&case);
    assert_eq!(expected.findings, [("gap-exceeded", ymd(2019, 1, 5), Some(ymd(2019, 1, 1)), None)]);
    assert_eq!(engine(&case), expected);
    // Spec §4: 3 in 12 months, 2019 holds 10.02 and 20.11, 2020 holds 15.01.2020: the 2020 plan
    // reports the third meeting 14 days late against 01.01.2020.
    let case = Case {
        times: 3,
        members: vec![
            member(0, ymd(2019, 1, 1), ymd(2019, 12, 31), &[ymd(2019, 2, 10), ymd(2019, 11, 20)]),
            member(1, ymd(2020, 1, 1), ymd(2020, 12, 31), &[ymd(2020, 1, 15)]),
        ],
        as_of: ymd(2020, 1, 20),
        ..case
    };
    let expected = model(&case);
    assert!(expected.findings.contains(&("gap-exceeded", ymd(2020, 1, 15), Some(ymd(2020, 1, 1)), None)));
    assert_eq!(engine(&case), expected);
    // The issue: a 2019–2020 plan checked as of 01.09.2018 is due when the series is (01.03.2019
    // after a 2018 meeting on 01.09.2018, once in 6 months), not a year after its own start.
    let case = Case {
        times: 1,
        per: Per::Months(6),
        members: vec![
            member(0, ymd(2018, 1, 1), ymd(2018, 12, 31), &[ymd(2018, 9, 1)]),
            member(1, ymd(2019, 1, 1), ymd(2020, 12, 31), &[]),
        ],
        as_of: ymd(2018, 9, 1),
        ..case
    };
    assert_eq!(model(&case).next_due, ymd(2019, 3, 1));
    assert_eq!(engine(&case), model(&case));
    // Weeks from Monday: 1 January 2019 is a Tuesday, so the first block runs to Sunday 13 January.
    assert_eq!(Per::Weeks(1).block(ymd(2019, 1, 1), 0), (ymd(2019, 1, 1), ymd(2019, 1, 13)));
    assert_eq!(Per::Weeks(2).block(ymd(2019, 1, 1), 1), (ymd(2019, 1, 21), ymd(2019, 2, 3)));
}
