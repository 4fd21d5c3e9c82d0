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
        (1..=24u32, 1..=24u32, any::<bool>(), any::<bool>()).prop_map(|(times, every, weeks, as_needed)| {
            let unit = if weeks { plan::when::Unit::Week } else { plan::when::Unit::Month };
            Schedule::AtLeast(Recurrence { times, every, unit, as_needed })
        }),
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

// ---------------------------------------------------------------------------
// Meaning: what quarters, half-years, month ranges, decades, deadlines and the relative forms
// stand for, against calendar arithmetic written here (no code shared with the engine: the
// month names, the leap-year rule and the month lengths are restated by hand).

const NOMINATIVE: [&str; 12] = [
    "январь",
    "февраль",
    "март",
    "апрель",
    "май",
    "июнь",
    "июль",
    "август",
    "сентябрь",
    "октябрь",
    "ноябрь",
    "декабрь",
];
const GENITIVE: [&str; 12] = [
    "января",
    "февраля",
    "марта",
    "апреля",
    "мая",
    "июня",
    "июля",
    "августа",
    "сентября",
    "октября",
    "ноября",
    "декабря",
];
const ROMAN: [&str; 4] = ["I", "II", "III", "IV"];
const DECADE_ORDINALS: [&str; 3] = ["первая", "вторая", "третья"];

fn leap(year: i32) -> bool {
    year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
}

fn days_in(year: i32, month: u32) -> u32 {
    match month {
        2 if leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

fn ymd(year: i32, month: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, month, day).expect("the model builds only real days")
}

/// Months `first..=last` of `year`, by hand.
fn months_model(year: i32, first: u32, last: u32) -> Schedule {
    Schedule::Window(vec![DateRange { from: ymd(year, first, 1), to: ymd(year, last, days_in(year, last)) }])
}

fn one(from: NaiveDate, to: NaiveDate) -> Schedule {
    Schedule::Window(vec![DateRange { from, to }])
}

/// The day after (or before) `(y, m, d)`, by hand.
fn next_day(y: i32, m: u32, d: u32) -> NaiveDate {
    if d < days_in(y, m) {
        ymd(y, m, d + 1)
    } else if m < 12 {
        ymd(y, m + 1, 1)
    } else {
        ymd(y + 1, 1, 1)
    }
}

fn previous_day(y: i32, m: u32, d: u32) -> NaiveDate {
    if d > 1 {
        ymd(y, m, d - 1)
    } else if m > 1 {
        ymd(y, m - 1, days_in(y, m - 1))
    } else {
        ymd(y - 1, 12, 31)
    }
}

/// Month `m` of `y` moved by `delta` months, by hand.
fn shift_month(y: i32, m: u32, delta: i32) -> (i32, u32) {
    let index = y * 12 + (m.cast_signed() - 1) + delta;
    (index.div_euclid(12), index.rem_euclid(12).cast_unsigned() + 1)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn quarters_and_half_years_are_their_months(year in 1900..=2100i32, q in 1..=4u32, h in 1..=2u32) {
        let quarter = months_model(year, 3 * q - 2, 3 * q);
        for text in [
            format!("{} квартал {year}", ROMAN[q as usize - 1]),
            format!("{q}-й квартал {year} г."),
            format!("Q{q} {year}"),
            format!("{year}Q{q}"),
        ] {
            prop_assert_eq!(parse(&text, &context(year), Source::File), Ok(quarter.clone()), "{}", text);
        }
        let half = months_model(year, 6 * h - 5, 6 * h);
        for text in [format!("{} полугодие {year} года", ROMAN[h as usize - 1]), format!("H{h} {year}"), format!("{year}H{h}")] {
            prop_assert_eq!(parse(&text, &context(year), Source::File), Ok(half.clone()), "{}", text);
        }
        // Without a year, the plan's.
        let text = format!("{} квартал", ROMAN[q as usize - 1]);
        prop_assert_eq!(parse(&text, &context(year), Source::CommandLine), Ok(quarter), "{}", text);
    }

    #[test]
    fn month_ranges_run_from_the_first_day_of_one_to_the_last_of_the_other(
        year in 1900..=2100i32, a in 1..=12u32, b in 1..=12u32,
    ) {
        let (first, last) = (a.min(b), a.max(b));
        let expected = months_model(year, first, last);
        for text in [
            format!("{} – {} {year}", NOMINATIVE[first as usize - 1], NOMINATIVE[last as usize - 1]),
            format!("с {} по {} {year} г.", GENITIVE[first as usize - 1], NOMINATIVE[last as usize - 1]),
            format!("{year}-{first:02}..{year}-{last:02}"),
        ] {
            prop_assert_eq!(parse(&text, &context(year), Source::File), Ok(expected.clone()), "{}", text);
        }
        if first < last {
            let backwards = format!("{} – {}", NOMINATIVE[last as usize - 1], NOMINATIVE[first as usize - 1]);
            prop_assert!(parse(&backwards, &context(year), Source::File).is_err(), "{}", backwards);
        }
    }

    #[test]
    fn decades_are_days_1_to_10_11_to_20_and_21_to_the_month_s_end(
        year in 1900..=2100i32, month in 1..=12u32, n in 1..=3u32,
    ) {
        let (from, to) = match n {
            1 => (1, 10),
            2 => (11, 20),
            _ => (21, days_in(year, month)),
        };
        let expected = one(ymd(year, month, from), ymd(year, month, to));
        for text in [
            format!("{} декада {} {year}", DECADE_ORDINALS[n as usize - 1], GENITIVE[month as usize - 1]),
            format!("{n}-я декада {} {year} г.", GENITIVE[month as usize - 1]),
        ] {
            prop_assert_eq!(parse(&text, &context(year), Source::File), Ok(expected.clone()), "{}", text);
        }
    }

    #[test]
    fn deadlines_run_from_the_plan_s_start_to_their_day(
        year in 1900..=2100i32, start_day in 0..365u64, month in 1..=12u32, day in 1..=31u32,
    ) {
        let start = ymd(year, 1, 1).checked_add_days(chrono::Days::new(start_day)).unwrap();
        let ctx = Context { year, today: start };
        let day = day.min(days_in(year, month));
        let deadline = ymd(year, month, day);
        let end_of_month = ymd(year, month, days_in(year, month));
        let q = (month - 1) / 3 + 1;
        let end_of_quarter = ymd(year, 3 * q, days_in(year, 3 * q));
        for (text, to) in [
            (format!("до {day} {}", GENITIVE[month as usize - 1]), deadline),
            (format!("к {day} {} {year} г.", GENITIVE[month as usize - 1]), deadline),
            (format!("не позднее {day:02}.{month:02}.{year}"), deadline),
            (format!("до конца {}", GENITIVE[month as usize - 1]), end_of_month),
            (format!("до конца {} квартала", ROMAN[q as usize - 1]), end_of_quarter),
            ("до конца года".to_owned(), ymd(year, 12, 31)),
        ] {
            let parsed = parse(&text, &ctx, Source::File);
            if to >= start {
                prop_assert_eq!(parsed, Ok(one(start, to)), "{} from {}", text, start);
            } else {
                prop_assert!(parsed.is_err(), "{} from {}", text, start);
            }
        }
    }

    #[test]
    fn relative_forms_count_from_today(y in 1900..=2100i32, m in 1..=12u32, d in 1..=31u32) {
        let d = d.min(days_in(y, m));
        let ctx = Context { year: y, today: ymd(y, m, d) };
        let month = |delta: i32| {
            let (y, m) = shift_month(y, m, delta);
            months_model(y, m, m)
        };
        let q0 = (m - 1) / 3; // 0-based quarter of today
        let quarter = |delta: i32| {
            let (qy, first) = shift_month(y, q0 * 3 + 1, delta * 3);
            months_model(qy, first, first + 2)
        };
        let table = [
            ("today", one(ymd(y, m, d), ymd(y, m, d))),
            ("сегодня", one(ymd(y, m, d), ymd(y, m, d))),
            ("tomorrow", one(next_day(y, m, d), next_day(y, m, d))),
            ("завтра", one(next_day(y, m, d), next_day(y, m, d))),
            ("yesterday", one(previous_day(y, m, d), previous_day(y, m, d))),
            ("вчера", one(previous_day(y, m, d), previous_day(y, m, d))),
            ("this month", month(0)),
            ("этот месяц", month(0)),
            ("next month", month(1)),
            ("следующий месяц", month(1)),
            ("last month", month(-1)),
            ("this quarter", quarter(0)),
            ("next quarter", quarter(1)),
            ("следующий квартал", quarter(1)),
            ("last quarter", quarter(-1)),
            ("next year", months_model(y + 1, 1, 12)),
        ];
        for (text, expected) in table {
            prop_assert_eq!(parse(text, &ctx, Source::CommandLine), Ok(expected), "{} on {}-{}-{}", text, y, m, d);
        }
    }
}
