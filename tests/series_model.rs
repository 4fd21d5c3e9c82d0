//! The series (spec §4) against a property that needs no model of the rules: a 2019 plan and a
//! 2020 plan that continue one activity by `id` must, between them, say exactly what one plan
//! running over both years says. What is due now (the next due date, `overdue`, `due-soon`) is the
//! same whichever of the two is checked, and each past breach (`gap-exceeded`, `block-missed`) is
//! reported by exactly one of them, the one whose year holds its due date. `PROPTEST_CASES` plans
//! (1,000 by default).

use chrono::{Days, NaiveDate};
use proptest::prelude::*;

use plan::check::rules::Violation;
use plan::check::{Options, What, check_series};
use plan::model::Plan;

fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

#[derive(Debug, Clone)]
struct Case {
    times: u32,
    months: u32,
    rule: &'static str,
    last_before: Option<NaiveDate>,
    held_2019: Vec<NaiveDate>,
    held_2020: Vec<NaiveDate>,
    as_of: NaiveDate,
}

fn plan(path: &str, period: &str, rule: &str, held: &[NaiveDate], extra: &str) -> Plan {
    let held: Vec<String> = held.iter().map(ToString::to_string).collect();
    let text = format!(
        "[plan]\ntitle = \"T\"\n{period}\n[parties.p]\nname = \"P\"\n[[section]]\ntitle = \"S\"\n\
         [[section.activity]]\nid = \"council\"\ntitle = \"A\"\nwhen = \"{rule}\"\nresponsible = [\"p\"]\nheld = [{}]\n{extra}",
        held.join(", ")
    );
    plan::model::parse(path, text.as_bytes()).unwrap_or_else(|e| panic!("{text}\n{e:?}"))
}

type Seen = (&'static str, NaiveDate, Option<NaiveDate>);

/// The next due date, what is due now, and the past breaches, of the one activity.
fn verdict(plan: &Plan, others: &[Plan], as_of: NaiveDate) -> (NaiveDate, Vec<Seen>, Vec<Seen>) {
    let report = check_series(plan, others, Options { as_of, due_within: 30 });
    let mut now = Vec::new();
    let mut past = Vec::new();
    for finding in &report.findings {
        match finding.what {
            What::Rule(Violation::Overdue { due, .. }) => now.push(("overdue", due, None)),
            What::Rule(Violation::DueSoon { due, .. }) => now.push(("due-soon", due, None)),
            What::Rule(Violation::GapExceeded { held, due }) => past.push(("gap-exceeded", held, Some(due))),
            What::Rule(Violation::BlockMissed { from, to, .. }) => past.push(("block-missed", from, Some(to))),
            _ => {}
        }
    }
    past.sort();
    (report.rules[0].next_due, now, past)
}

fn dates_in(year: i32, count: std::ops::Range<usize>) -> impl Strategy<Value = Vec<NaiveDate>> {
    prop::collection::btree_set(0u64..365, count)
        .prop_map(move |days| days.into_iter().map(|d| ymd(year, 1, 1) + Days::new(d)).collect())
}

prop_compose! {
    fn case()(
        times in 1u32..=4,
        months in prop::sample::select(vec![1u32, 2, 3, 4, 6, 12]),
        rule in prop::sample::select(vec!["rolling", "calendar", "both"]),
        last_before in prop::option::of(1u64..300),
        // At least 4 = the largest N: see the test.
        held_2019 in dates_in(2019, 4..12),
        held_2020 in dates_in(2020, 0..10),
        as_of in 0u64..900,
    ) -> Case {
        Case {
            times,
            months,
            rule,
            last_before: last_before.map(|d| ymd(2019, 1, 1) - Days::new(d)),
            held_2019,
            held_2020,
            // Both plans have started, so both judge the rule.
            as_of: ymd(2020, 1, 1) + Days::new(as_of),
        }
    }
}

fn cases() -> u32 {
    std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(1_000)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(), failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn two_plans_of_a_series_say_what_one_plan_over_both_years_says(case in case()) {
        // The 2020 plan's clock comes from the 2019 plan's last N meetings; with fewer than N
        // there, each plan starts its own clock, and one plan over both years would not.
        assert!(case.held_2019.len() >= case.times as usize);
        let when = format!("at least {} times every {} months", case.times, case.months);
        let rule = format!("rule = \"{}\"\n", case.rule);
        let last_before = case.last_before.map(|d| format!("last_before = {d}\n")).unwrap_or_default();
        let first = plan("plans/2019.toml", "year = 2019", &when, &case.held_2019, &format!("{rule}{last_before}"));
        let second = plan("plans/2020.toml", "year = 2020", &when, &case.held_2020, &rule);
        let both_years: Vec<NaiveDate> = case.held_2019.iter().chain(&case.held_2020).copied().collect();
        let whole = plan(
            "whole.toml",
            "start = 2019-01-01\nend = 2020-12-31",
            &when,
            &both_years,
            &format!("{rule}{last_before}"),
        );

        let (due_whole, now_whole, past_whole) = verdict(&whole, &[], case.as_of);
        let (due_first, now_first, past_first) = verdict(&first, std::slice::from_ref(&second), case.as_of);
        let (due_second, now_second, past_second) = verdict(&second, std::slice::from_ref(&first), case.as_of);
        prop_assert_eq!(due_first, due_whole);
        prop_assert_eq!(due_second, due_whole);
        prop_assert_eq!(&now_first, &now_whole);
        prop_assert_eq!(&now_second, &now_whole);
        // Each breach once, by the plan whose year holds its due date.
        let mut split: Vec<Seen> = past_first.iter().chain(&past_second).copied().collect();
        split.sort();
        prop_assert_eq!(&split, &past_whole);
        let year_of = |seen: &Seen| seen.2.unwrap_or(seen.1);
        prop_assert!(past_first.iter().all(|s| year_of(s) <= ymd(2019, 12, 31)), "{:?}", past_first);
        prop_assert!(past_second.iter().all(|s| year_of(s) >= ymd(2020, 1, 1)), "{:?}", past_second);
    }
}
