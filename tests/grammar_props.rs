//! Properties of the time grammar (spec §2), over generated input: parsing never panics and
//! points only inside the text; every schedule prints (`Display`) as text that parses back to
//! it; overlap of windows does not depend on which side is asked.
//!
//! Case counts are modest so that the file runs in seconds; the fuzz target `when` (see
//! `fuzz/README.md`) searches the same ground for minutes.

use chrono::NaiveDate;
use proptest::prelude::*;

use plan::when::{Context, DateRange, Recurrence, Schedule, Source, parse};

fn context(year: i32) -> Context {
    Context { year, today: NaiveDate::from_ymd_opt(year, 4, 15).expect("15 April exists") }
}

/// Words, numbers and signs of the grammar, and some that are not, to be strung together.
const TOKENS: &[&str] = &[
    "апрель",
    "апреля",
    "апр",
    "april",
    "Apr",
    "май",
    "июнь",
    "сентябрь",
    "декабрь",
    "jan",
    "sep",
    "с",
    "по",
    "до",
    "квартал",
    "квартала",
    "полугодие",
    "I",
    "II",
    "III",
    "IV",
    "V",
    "Q1",
    "Q4",
    "Q5",
    "H1",
    "H2",
    "H3",
    "2019Q1",
    "2019H2",
    "первое",
    "второе",
    "1-й",
    "1-е",
    "2-го",
    "не",
    "реже",
    "раза",
    "раз",
    "в",
    "месяц",
    "месяца",
    "месяцев",
    "полгода",
    "год",
    "ежемесячно",
    "ежеквартально",
    "ежегодно",
    "monthly",
    "yearly",
    "at",
    "least",
    "once",
    "times",
    "every",
    "months",
    "month",
    "по мере необходимости",
    "as needed",
    "но",
    "весь период",
    "в течение года",
    "постоянно",
    "whole period",
    "all year",
    "this",
    "next",
    "quarter",
    "today",
    "сегодня",
    "этот",
    "следующий",
    "2019",
    "2019-04",
    "2019-04-21",
    "21.04.2019",
    "2019-02-30",
    "31.04.2019",
    "0000-01-01",
    "9999-12-31",
    "10000",
    "+2019",
    "-1",
    "0",
    "1",
    "2",
    "3",
    "6",
    "12",
    "13",
    "24",
    "99999999999999999999",
    "-",
    "–",
    "—",
    "..",
    "...",
    ",",
    ";",
    ".",
    "(",
    ")",
    "ё",
    "Ё",
    "İ",
    "ß",
    "\u{1b}[31m",
    "\u{202e}",
    "\u{0}",
    "\t",
    "\n",
    " ",
];

/// Text made of grammar tokens with random separators: close to valid, so the parser's deeper
/// branches are reached.
fn grammar_ish() -> impl Strategy<Value = String> {
    let piece = (prop::sample::select(TOKENS), prop::sample::select(&["", " ", "  ", "-", " – ", ".."][..]));
    prop::collection::vec(piece, 0..8)
        .prop_map(|pieces| pieces.into_iter().flat_map(|(token, separator)| [token, separator]).collect())
}

/// Any text at all: every Unicode scalar value, control characters included.
fn any_text() -> impl Strategy<Value = String> {
    prop::collection::vec(any::<char>(), 0..48).prop_map(String::from_iter)
}

fn date_in(year: i32) -> impl Strategy<Value = NaiveDate> {
    (0..365u64).prop_map(move |day| {
        let first = NaiveDate::from_ymd_opt(year, 1, 1).expect("1 January exists");
        first.checked_add_days(chrono::Days::new(day)).expect("inside the year")
    })
}

fn range_in(year: i32) -> impl Strategy<Value = DateRange> {
    (date_in(year), date_in(year)).prop_map(|(a, b)| DateRange { from: a.min(b), to: a.max(b) })
}

/// Any schedule a file's `when` can mean, in `year`.
fn schedule_in(year: i32) -> impl Strategy<Value = Schedule> {
    prop_oneof![
        prop::collection::vec(range_in(year), 1..5).prop_map(Schedule::Window),
        (1..=24u32, 1..=24u32, any::<bool>()).prop_map(|(times, months, as_needed)| Schedule::AtLeast(Recurrence {
            times,
            every: months,
            unit: plan::when::Unit::Month,
            as_needed
        })),
        Just(Schedule::WholePeriod),
        Just(Schedule::AsNeeded),
    ]
}

/// What every parse must give, success or not: no panic, and an error span on character
/// boundaries inside the text (the loader slices the file with it).
fn parses_cleanly(text: &str) {
    for source in [Source::File, Source::CommandLine] {
        match parse(text, &context(2019), source) {
            Ok(schedule) if source == Source::File => {
                let printed = schedule.to_string();
                assert_eq!(
                    parse(&printed, &context(2019), Source::File),
                    Ok(schedule),
                    "{text:?} printed as {printed:?}"
                );
            }
            Ok(_) => {}
            Err(error) => {
                let span = error.span.clone();
                assert!(span.start <= span.end && span.end <= text.len(), "{text:?}: span {span:?} outside the text");
                assert!(
                    text.is_char_boundary(span.start) && text.is_char_boundary(span.end),
                    "{text:?}: span {span:?}"
                );
                if let Some(suggestion) = &error.suggestion {
                    assert!(parse(suggestion, &context(2019), source).is_ok(), "{text:?}: suggested {suggestion:?}");
                }
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(4096))]

    #[test]
    fn parsing_any_text_never_panics(text in any_text()) {
        parses_cleanly(&text);
    }

    #[test]
    fn parsing_grammar_like_text_never_panics(text in grammar_ish()) {
        parses_cleanly(&text);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1024))]

    #[test]
    fn every_schedule_parses_back_from_its_printed_form(
        (year, schedule) in (1..=9999i32).prop_flat_map(|year| (Just(year), schedule_in(year)))
    ) {
        let printed = schedule.to_string();
        prop_assert_eq!(parse(&printed, &context(year), Source::File), Ok(schedule.clone()), "printed as {:?}", printed);
        // A window is also a period for `--period`.
        if let Schedule::Window(_) = schedule {
            prop_assert_eq!(parse(&printed, &context(year), Source::CommandLine), Ok(schedule), "printed as {:?}", printed);
        }
    }

    #[test]
    fn overlap_of_two_ranges_is_symmetric_and_means_a_shared_day(a in range_in(2019), b in range_in(2019)) {
        prop_assert_eq!(a.overlaps(&b), b.overlaps(&a));
        let shared = a.from.iter_days().take_while(|d| *d <= a.to).any(|d| b.contains(d));
        prop_assert_eq!(a.overlaps(&b), shared);
        prop_assert!(a.overlaps(&a));
    }

    #[test]
    fn overlap_of_windows_and_periods_is_symmetric(
        xs in prop::collection::vec(range_in(2019), 1..4),
        ys in prop::collection::vec(range_in(2019), 1..4),
    ) {
        let forward = plan::query::overlaps(&Schedule::Window(xs.clone()), &ys);
        let backward = plan::query::overlaps(&Schedule::Window(ys.clone()), &xs);
        prop_assert_eq!(forward, backward);
        // The meaning, counted day by day rather than restated from query.rs: some day of the
        // year lies both in a window and in the period.
        let days = |ranges: &[DateRange]| -> std::collections::BTreeSet<NaiveDate> {
            ranges.iter().flat_map(|r| r.from.iter_days().take_while(move |d| *d <= r.to)).collect()
        };
        let shared_day = !days(&xs).is_disjoint(&days(&ys));
        prop_assert_eq!(forward, shared_day);
        // Ongoing activities meet every period inside the plan, and an empty period meets nothing.
        for ongoing in [Schedule::WholePeriod, Schedule::AsNeeded] {
            prop_assert!(plan::query::overlaps(&ongoing, &ys));
            prop_assert!(!plan::query::overlaps(&ongoing, &[]));
        }
        prop_assert!(!plan::query::overlaps(&Schedule::Window(xs.clone()), &[]));
    }
}
