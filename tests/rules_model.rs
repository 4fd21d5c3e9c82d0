//! `plan check` against a small model of spec §4 written here from the spec's words alone: no
//! code of the engine is called to decide what the answer should be, and the calendar arithmetic
//! is done on month numbers rather than with chrono's month addition.
//!
//! Plans are generated with rolling, calendar and both rules, N 1–4 and M 1/2/3/4/6/12, held
//! dates on their due dates, one day after and around them, plan periods that start on a month's
//! last day and run over 29 February, `last_before`, planned dates, and as-of dates before,
//! inside and after the plan. The number of plans is `PROPTEST_CASES` (2,000 by default, to keep
//! the suite quick; run with more in release to search harder).

// Dates here are small and positive: plan years around 2019, offsets of days and months.
#![allow(clippy::cast_sign_loss, clippy::cast_possible_wrap, clippy::many_single_char_names)]

use std::fmt::Write as _;

use chrono::{Datelike, Days, NaiveDate};
use proptest::prelude::*;

use plan::check::rules::{Status, Violation};
use plan::check::{self, Options, What};

// ---------------------------------------------------------------------------------------------
// The model.

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

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Rolling,
    Calendar,
    Both,
}

#[derive(Debug, Clone)]
struct Case {
    start: NaiveDate,
    end: NaiveDate,
    times: u32,
    months: u32,
    /// `None`: no `rule` key (rolling).
    kind: Option<Kind>,
    last_before: Option<NaiveDate>,
    held: Vec<NaiveDate>,
    planned: Vec<NaiveDate>,
    as_of: NaiveDate,
}

/// A finding as the model and the test compare it: code and the dates that identify it.
type Seen = (&'static str, NaiveDate, Option<NaiveDate>);

#[derive(Debug, PartialEq)]
struct Expected {
    next_due: NaiveDate,
    status: Status,
    findings: Vec<Seen>,
}

fn model(case: &Case) -> Expected {
    let a = case.as_of;
    let kind = case.kind.unwrap_or(Kind::Rolling);
    let in_plan = |d: NaiveDate| case.start <= d && d <= case.end;
    let not_started = a < case.start;
    let mut findings = Vec::new();

    // Held dates: outside the plan first, else after the as-of date; only the rest are counted.
    for &h in &case.held {
        if !in_plan(h) {
            findings.push(("held-outside-plan", h, None));
        } else if h > a && !not_started {
            findings.push(("held-after-as-of", h, None));
        }
    }
    if !not_started {
        for &p in &case.planned {
            if p < a && !case.held.contains(&p) {
                findings.push(("planned-passed", p, None));
            }
        }
    }
    let mut held: Vec<NaiveDate> = case.held.iter().copied().filter(|&h| in_plan(h) && h <= a).collect();
    held.sort();
    held.dedup();

    // Planned dates from the as-of date on are judged; those before it were held or not.
    let mut planned: Vec<NaiveDate> = case.planned.iter().copied().filter(|&p| p >= a).collect();
    planned.sort();
    planned.dedup();
    let mut late: Vec<(NaiveDate, NaiveDate)> = Vec::new();
    let mut breaches = Vec::new();
    let mut next_due: Option<NaiveDate> = None;
    for reading in [
        (kind != Kind::Calendar).then(|| rolling_model(case, &held, &planned)),
        (kind != Kind::Rolling).then(|| calendar_model(case, &held, &planned)),
    ]
    .into_iter()
    .flatten()
    {
        next_due = Some(next_due.map_or(reading.next_due, |d| d.min(reading.next_due)));
        breaches.extend(reading.breaches);
        late.extend(reading.late);
    }
    let next_due = next_due.unwrap();
    // What is due now is judged at A, even before the plan starts (from its own clock, there
    // being no earlier plan); the record and the plans only once it has started.
    let days = (next_due - a).num_days();
    let timing = if days < 0 {
        Some(("overdue", next_due, None))
    } else if days <= 30 {
        Some(("due-soon", next_due, None))
    } else {
        None
    };
    let status = match (timing, breaches.is_empty()) {
        (Some(("overdue", ..)), _) => Status::Overdue,
        (_, false) => Status::Violated,
        (Some(_), true) => Status::DueSoon,
        (None, true) => Status::Ok,
    };
    findings.extend(timing);
    if !not_started {
        findings.extend(breaches);
        // Each planned date once, against the earlier of the two readings' due dates.
        late.sort();
        late.dedup_by_key(|&mut (p, _)| p);
        findings.extend(late.into_iter().map(|(p, due)| ("planned-too-late", p, Some(due))));
    }
    findings.sort();
    Expected { next_due, status, findings }
}

/// One reading's verdict in the model: its next due date, its breaches, its late planned dates.
struct Reading {
    next_due: NaiveDate,
    breaches: Vec<Seen>,
    late: Vec<(NaiveDate, NaiveDate)>,
}

/// `held`: inside the plan, not after A, sorted; `planned`: from A on, sorted.
fn rolling_model(case: &Case, held: &[NaiveDate], planned: &[NaiveDate]) -> Reading {
    let (n, m) = (case.times as usize, case.months);
    let mut breaches = Vec::new();
    let mut late = Vec::new();
    // Rolling: h1..hN due by clock + M; hk by h(k-N) + M.
    let clock = case.last_before.unwrap_or(case.start);
    let rolling_due = |k: usize| if k < n { plus_months(clock, m) } else { plus_months(held[k - n], m) };
    for (k, &h) in held.iter().enumerate() {
        if h > rolling_due(k) {
            breaches.push(("gap-exceeded", h, Some(rolling_due(k))));
        }
    }
    let next_due = rolling_due(held.len());
    // A planned meeting counts as held for the ones after it; one after its due date is late.
    let mut merged: Vec<(NaiveDate, bool)> = held.iter().map(|&h| (h, false)).collect();
    merged.extend(planned.iter().filter(|p| !held.contains(p)).map(|&p| (p, true)));
    merged.sort();
    for k in 0..merged.len() {
        let due = if k < n { plus_months(clock, m) } else { plus_months(merged[k - n].0, m) };
        if merged[k].1 && merged[k].0 > due {
            late.push((merged[k].0, due));
        }
    }
    Reading { next_due, breaches, late }
}

fn calendar_model(case: &Case, held: &[NaiveDate], planned: &[NaiveDate]) -> Reading {
    let (n, m, a) = (case.times as usize, case.months, case.as_of);
    let mut breaches = Vec::new();
    let mut late = Vec::new();
    // Calendar: blocks of M months from the start; the plan's blocks that ended before A are judged.
    let first = |i: u32| plus_months(case.start, i * m);
    let last = |i: u32| plus_months(case.start, (i + 1) * m).pred_opt().unwrap();
    let count = |i: u32| held.iter().filter(|&&h| first(i) <= h && h <= last(i)).count();
    let mut i = 0;
    // A block straddling the plan's end is judged like the blocks after it: only for what is
    // due now.
    while last(i) <= case.end && last(i) < a {
        if count(i) < n {
            breaches.push(("block-missed", first(i), Some(last(i))));
        }
        i += 1;
    }
    // From the block holding A (or the first after the plan), the first that lacks meetings.
    let open = i;
    while count(i) >= n {
        i += 1;
    }
    let next_due = last(i);
    // Planned dates must fill the blocks from the open one on, with the held dates there:
    // for each block they leave short, the first planned date after it comes too late.
    let future: Vec<NaiveDate> = planned.iter().copied().filter(|&p| p >= first(open)).collect();
    let mut dates: Vec<NaiveDate> = held.iter().copied().filter(|&h| h >= first(open)).chain(future.clone()).collect();
    dates.sort();
    dates.dedup();
    let mut j = open;
    let mut reported = Vec::new();
    while dates.iter().any(|&d| d >= first(j)) {
        let in_block = dates.iter().filter(|&&d| first(j) <= d && d <= last(j)).count();
        if in_block < n
            && let Some(&p) = future.iter().find(|&&p| p > last(j))
            && !reported.contains(&p)
        {
            reported.push(p);
            late.push((p, last(j)));
        }
        j += 1;
    }
    Reading { next_due, breaches, late }
}

// ---------------------------------------------------------------------------------------------
// The engine, through the library, from the TOML text a user would write.

fn toml(case: &Case) -> String {
    let dates = |dates: &[NaiveDate]| dates.iter().map(ToString::to_string).collect::<Vec<_>>().join(", ");
    let mut text = format!(
        "[plan]\ntitle = \"T\"\nstart = {}\nend = {}\n[parties.p]\nname = \"P\"\n[[section]]\ntitle = \"S\"\n\
         [[section.activity]]\ntitle = \"A\"\nwhen = \"at least {} times every {} months\"\nresponsible = [\"p\"]\n\
         held = [{}]\nplanned = [{}]\n",
        case.start,
        case.end,
        case.times,
        case.months,
        dates(&case.held),
        dates(&case.planned)
    );
    if let Some(kind) = case.kind {
        text.push_str(match kind {
            Kind::Rolling => "rule = \"rolling\"\n",
            Kind::Calendar => "rule = \"calendar\"\n",
            Kind::Both => "rule = \"both\"\n",
        });
    }
    if let Some(date) = case.last_before {
        let _ = writeln!(text, "last_before = {date}");
    }
    text
}

fn engine(case: &Case) -> Expected {
    let text = toml(case);
    let plan = plan::model::parse("model.toml", text.as_bytes()).unwrap_or_else(|e| panic!("{text}\n{e:?}"));
    let report = check::check(&plan, Options { as_of: case.as_of, due_within: 30 });
    let rule = &report.rules[0];
    let mut findings: Vec<Seen> = report
        .findings
        .iter()
        .map(|f| match &f.what {
            What::Rule(Violation::GapExceeded { held, due }) => ("gap-exceeded", *held, Some(*due)),
            What::Rule(Violation::BlockMissed { from, to, .. }) => ("block-missed", *from, Some(*to)),
            What::Rule(Violation::Overdue { due, .. }) => ("overdue", *due, None),
            What::Rule(Violation::DueSoon { due, .. }) => ("due-soon", *due, None),
            What::HeldOutsidePlan { date, .. } => ("held-outside-plan", *date, None),
            What::HeldAfterAsOf { date, .. } => ("held-after-as-of", *date, None),
            What::PlannedPassed { date } => ("planned-passed", *date, None),
            What::Rule(Violation::PlannedTooLate { planned, due }) => ("planned-too-late", *planned, Some(*due)),
            other => panic!("unexpected finding {other:?}\n{text}"),
        })
        .collect();
    findings.sort();
    Expected { next_due: rule.next_due, status: rule.status, findings }
}

// ---------------------------------------------------------------------------------------------
// Generated plans.

/// Plan periods: calendar years (one a leap year), a year from 31 August over 29 February, a
/// ten-month plan, a plan starting on 31 January.
type Ymd = (i32, u32, u32);

const PERIODS: [(Ymd, Ymd); 5] = [
    ((2019, 1, 1), (2019, 12, 31)),
    ((2020, 1, 1), (2020, 12, 31)),
    ((2019, 8, 31), (2020, 8, 30)),
    ((2019, 3, 1), (2019, 12, 31)),
    ((2020, 1, 31), (2020, 12, 31)),
];

/// How each next held date is placed against the due date the model gives it.
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
        2 => (1u32..80).prop_map(Step::Early),
        1 => (2u32..120).prop_map(Step::Late),
    ]
}

#[derive(Debug, Clone, Copy)]
enum AsOf {
    Before(u32),
    Inside(u32),
    After(u32),
    /// On a due date of the model's chain, or the day after.
    AtDue(usize, bool),
}

fn as_of() -> impl Strategy<Value = AsOf> {
    prop_oneof![
        1 => (1u32..90).prop_map(AsOf::Before),
        4 => (0u32..400).prop_map(AsOf::Inside),
        2 => (0u32..900).prop_map(AsOf::After),
        2 => (0usize..12, any::<bool>()).prop_map(|(k, after)| AsOf::AtDue(k, after)),
    ]
}

prop_compose! {
    fn case()(
        period in 0..PERIODS.len(),
        times in 1u32..=4,
        months in prop::sample::select(vec![1u32, 2, 3, 4, 6, 12]),
        kind in prop::option::of(prop_oneof![Just(Kind::Rolling), Just(Kind::Calendar), Just(Kind::Both)]),
        last_before in prop::option::of(prop_oneof![
            (1u64..400).prop_map(Some),
            Just(None), // the month end before the start
        ]),
        steps in prop::collection::vec(step(), 0..14),
        strays in prop::collection::vec(prop_oneof![(1u64..200).prop_map(|d| -(d as i64)), (1i64..200).prop_map(|d| 400 + d)], 0..2),
        planned in prop::collection::vec(0i64..600, 0..3),
        as_of in as_of(),
    ) -> Case {
        let ((sy, sm, sd), (ey, em, ed)) = PERIODS[period];
        let (start, end) = (ymd(sy, sm, sd), ymd(ey, em, ed));
        let last_before = last_before.map(|days| match days {
            Some(days) => start - Days::new(days),
            None => start.pred_opt().unwrap(),
        });
        // Held dates walk the rolling chain (each N-th back plus M months, as the spec defines it),
        // placed on, after or before each due date.
        let clock = last_before.unwrap_or(start);
        let mut held: Vec<NaiveDate> = Vec::new();
        for step in steps {
            let k = held.len();
            let due = if k < times as usize { plus_months(clock, months) } else { plus_months(held[k - times as usize], months) };
            let date = match step {
                Step::OnDue => due,
                Step::DayAfter => due.succ_opt().unwrap(),
                Step::Early(days) => due - Days::new(u64::from(days)),
                Step::Late(days) => due + Days::new(u64::from(days)),
            };
            if date > end || date < start {
                break;
            }
            // Keep the walk increasing; a repeat is dropped.
            if held.last().is_some_and(|&last| date <= last) {
                continue;
            }
            held.push(date);
        }
        let chain: Vec<NaiveDate> = {
            let mut dues = Vec::new();
            for k in 0..=held.len() {
                dues.push(if k < times as usize { plus_months(clock, months) } else { plus_months(held[k - times as usize], months) });
            }
            dues
        };
        for stray in strays {
            // Dates outside the plan: before its start, or after its end.
            let date = if stray < 0 { start - Days::new(stray.unsigned_abs()) } else { end + Days::new((stray - 400) as u64) };
            held.push(date);
        }
        let planned = {
            let mut p: Vec<NaiveDate> = planned.into_iter().map(|d| start + Days::new(d as u64)).collect();
            p.sort();
            p.dedup();
            p
        };
        let as_of = match as_of {
            AsOf::Before(days) => start - Days::new(u64::from(days)),
            AsOf::Inside(days) => (start + Days::new(u64::from(days))).min(end),
            AsOf::After(days) => end + Days::new(u64::from(days)),
            AsOf::AtDue(k, after) => {
                let due = chain[k.min(chain.len() - 1)];
                if after { due.succ_opt().unwrap() } else { due }
            }
        };
        Case { start, end, times, months, kind, last_before, held, planned, as_of }
    }
}

fn cases() -> u32 {
    std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(2_000)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(), failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn check_agrees_with_the_model_of_spec_section_4(case in case()) {
        let expected = model(&case);
        let got = engine(&case);
        prop_assert_eq!(got, expected, "{}as of {}", toml(&case), case.as_of);
    }
}

#[test]
fn the_model_reads_the_spec_examples() {
    // 31 August + 6 months = 29 February in a leap year.
    assert_eq!(plus_months(ymd(2019, 8, 31), 6), ymd(2020, 2, 29));
    assert_eq!(plus_months(ymd(2018, 8, 31), 6), ymd(2019, 2, 28));
    // The council: last met 10.07.2019 under "once in 6 months", checked in February 2020.
    let case = Case {
        start: ymd(2019, 1, 1),
        end: ymd(2019, 12, 31),
        times: 1,
        months: 6,
        kind: None,
        last_before: Some(ymd(2018, 12, 20)),
        held: vec![ymd(2019, 6, 1), ymd(2019, 7, 10)],
        planned: vec![],
        as_of: ymd(2020, 2, 10),
    };
    let expected = model(&case);
    assert_eq!((expected.next_due, expected.status), (ymd(2020, 1, 10), Status::Overdue));
    assert_eq!(engine(&case), expected);
}
