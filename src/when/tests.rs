//! The grammar, table-driven: every documented form, every error and its span.

use super::lexer::{Kind, lex};
use super::parser::months;
use super::vocabulary::*;
use super::*;

fn date(s: &str) -> NaiveDate {
    s.parse().unwrap_or_else(|e| panic!("bad test date {s}: {e}"))
}

fn ctx() -> Context {
    Context { year: 2019, today: date("2019-05-15") }
}

/// Expected results, written compactly so the tables stay readable.
#[derive(Debug, Clone, Copy)]
enum E {
    W(&'static [(&'static str, &'static str)]),
    Whole,
    At(u32, u32),
    AtNeeded(u32, u32),
    Needed,
}

impl E {
    fn schedule(self) -> Schedule {
        match self {
            E::W(ranges) => Schedule::Window(
                ranges.iter().map(|&(from, to)| DateRange { from: date(from), to: date(to) }).collect(),
            ),
            E::Whole => Schedule::WholePeriod,
            E::At(times, months) => {
                Schedule::AtLeast(Recurrence { times, every: months, unit: Unit::Month, as_needed: false })
            }
            E::AtNeeded(times, months) => {
                Schedule::AtLeast(Recurrence { times, every: months, unit: Unit::Month, as_needed: true })
            }
            E::Needed => Schedule::AsNeeded,
        }
    }
}

const APRIL: E = E::W(&[("2019-04-01", "2019-04-30")]);
const JUN_SEP: E = E::W(&[("2019-06-01", "2019-09-30")]);
const Q1: E = E::W(&[("2019-01-01", "2019-03-31")]);
const Q4: E = E::W(&[("2019-10-01", "2019-12-31")]);
const H1: E = E::W(&[("2019-01-01", "2019-06-30")]);
const H2: E = E::W(&[("2019-07-01", "2019-12-31")]);
const APRIL_21: E = E::W(&[("2019-04-21", "2019-04-21")]);
const APRIL_1_15: E = E::W(&[("2019-04-01", "2019-04-15")]);
const YEAR_2019: E = E::W(&[("2019-01-01", "2019-12-31")]);

/// Every form the grammar documents, read in the file with plan year 2019.
const FILE_FORMS: &[(&str, E)] = &[
    // month
    ("апрель", APRIL),
    ("апреля", APRIL),
    ("апрелю", APRIL),
    ("апрелем", APRIL),
    ("апреле", APRIL),
    ("Апрель", APRIL),
    ("АПРЕЛЬ", APRIL),
    ("апр", APRIL),
    ("апр.", APRIL),
    ("april", APRIL),
    ("April", APRIL),
    ("apr", APRIL),
    ("Apr.", APRIL),
    ("2019-04", APRIL),
    ("04.2019", APRIL),
    ("апрель 2019", APRIL),
    ("апреля 2019 года", APRIL),
    ("в апреле", APRIL),
    ("в апреле 2019 г.", APRIL),
    ("in april", APRIL),
    ("during April", APRIL),
    ("  апрель  ", APRIL),
    ("январём", E::W(&[("2019-01-01", "2019-01-31")])),
    ("январем", E::W(&[("2019-01-01", "2019-01-31")])),
    ("май", E::W(&[("2019-05-01", "2019-05-31")])),
    ("в мае", E::W(&[("2019-05-01", "2019-05-31")])),
    ("маи\u{306}", E::W(&[("2019-05-01", "2019-05-31")])),
    ("февр.", E::W(&[("2019-02-01", "2019-02-28")])),
    ("sept", E::W(&[("2019-09-01", "2019-09-30")])),
    ("нояб", E::W(&[("2019-11-01", "2019-11-30")])),
    ("апрель 2020", E::W(&[("2020-04-01", "2020-04-30")])),
    // month range
    ("июнь – сентябрь", JUN_SEP),
    ("июнь-сентябрь", JUN_SEP),
    ("июнь - сентябрь", JUN_SEP),
    ("июнь — сентябрь", JUN_SEP),
    ("июнь ‒ сентябрь", JUN_SEP),
    ("июнь − сентябрь", JUN_SEP),
    ("июнь..сентябрь", JUN_SEP),
    ("июнь … сентябрь", JUN_SEP),
    ("Июнь – Сентябрь", JUN_SEP),
    ("с июня по сентябрь", JUN_SEP),
    ("с июня до сентября", JUN_SEP),
    ("в период с июня по сентябрь", JUN_SEP),
    ("между июнем и сентябрем", JUN_SEP),
    ("jun..sep", JUN_SEP),
    ("june to september", JUN_SEP),
    ("from june to september", JUN_SEP),
    ("from June until September", JUN_SEP),
    ("between june and september", JUN_SEP),
    ("2019-06..2019-09", JUN_SEP),
    ("2019-06 – 2019-09", JUN_SEP),
    ("2019-06-2019-09", JUN_SEP),
    ("июн. – сент.", JUN_SEP),
    ("февраль – май", E::W(&[("2019-02-01", "2019-05-31")])),
    ("ноябрь 2019 – февраль 2020", E::W(&[("2019-11-01", "2020-02-29")])),
    ("ноябрь – февраль 2020", E::W(&[("2019-11-01", "2020-02-29")])),
    ("апрель 2019 – июнь", E::W(&[("2019-04-01", "2019-06-30")])),
    ("ноябрь 2019 – февраль", E::W(&[("2019-11-01", "2020-02-29")])),
    // quarter
    ("I квартал", Q1),
    ("1 квартал", Q1),
    ("1-й квартал", Q1),
    ("1й квартал", Q1),
    ("первый квартал", Q1),
    ("в I квартале", Q1),
    ("в первом квартале", Q1),
    ("I квартал 2019 года", Q1),
    ("1 кв. 2019 г.", Q1),
    ("І квартал", Q1),
    ("Q1", Q1),
    ("q1", Q1),
    ("2019Q1", Q1),
    ("2019 Q1", Q1),
    ("Q1 2019", Q1),
    ("first quarter", Q1),
    ("1st quarter", Q1),
    ("in the first quarter", Q1),
    ("first quarter of 2019", Q1),
    ("IV квартал", Q4),
    ("4-й квартал", Q4),
    ("четвертый квартал", Q4),
    ("четвёртый квартал", Q4),
    ("четве\u{308}ртый квартал", Q4),
    ("Q4", Q4),
    ("Ⅲ квартал", E::W(&[("2019-07-01", "2019-09-30")])),
    ("Q2 2020", E::W(&[("2020-04-01", "2020-06-30")])),
    ("I–II квартал", H1),
    ("1-2 кварталы", H1),
    ("Q1..Q2", H1),
    ("Q1-Q3", E::W(&[("2019-01-01", "2019-09-30")])),
    // half-year
    ("I полугодие", H1),
    ("1-е полугодие", H1),
    ("первое полугодие", H1),
    ("в первом полугодии", H1),
    ("H1", H1),
    ("first half", H1),
    ("1st half", H1),
    ("first half of the year", H1),
    ("first half-year", H1),
    ("II полугодие", H2),
    ("2-е полугодие", H2),
    ("второе полугодие", H2),
    ("во II полугодии", H2),
    ("во втором полугодии", H2),
    ("ІІ полугодие", H2),
    ("Ⅱ полугодие", H2),
    ("H2", H2),
    ("h2", H2),
    ("2019H2", H2),
    ("H2 2019", H2),
    ("second half", H2),
    ("second half of 2019", H2),
    ("2nd half", H2),
    ("H1-H2", YEAR_2019),
    // whole period
    ("весь период", E::Whole),
    ("Весь период", E::Whole),
    ("весь период.", E::Whole),
    ("в течение года", E::Whole),
    ("в течение всего периода", E::Whole),
    ("весь год", E::Whole),
    ("постоянно", E::Whole),
    ("whole period", E::Whole),
    ("all year", E::Whole),
    ("throughout the year", E::Whole),
    ("ongoing", E::Whole),
    // date and date range
    ("2019-04-21", APRIL_21),
    ("21.04.2019", APRIL_21),
    ("21.04.19", APRIL_21),
    ("21.04.19 г.", APRIL_21),
    ("21.04.2019 г.", APRIL_21),
    ("21.04", APRIL_21),
    ("21 апреля", APRIL_21),
    ("21 апреля 2019", APRIL_21),
    ("21 апреля 2019 года", APRIL_21),
    ("21-го апреля", APRIL_21),
    ("21 april", APRIL_21),
    ("21st April", APRIL_21),
    ("april 21", APRIL_21),
    ("April 21 2019", APRIL_21),
    ("April 21, 2019", APRIL_21),
    ("April 21st, 2019", APRIL_21),
    ("21 April, 2019", APRIL_21),
    ("апрель, 2019", APRIL),
    ("апрель, 2019-05-01", E::W(&[("2019-04-01", "2019-04-30"), ("2019-05-01", "2019-05-01")])),
    ("апрель, 2020 год", E::W(&[("2019-04-01", "2019-04-30"), ("2020-01-01", "2020-12-31")])),
    ("April 21, 2019, May 2", E::W(&[("2019-04-21", "2019-04-21"), ("2019-05-02", "2019-05-02")])),
    ("2019-04-01..2019-04-15", APRIL_1_15),
    ("2019-04-01 – 2019-04-15", APRIL_1_15),
    ("2019-04-01 - 2019-04-15", APRIL_1_15),
    ("2019-04-01-2019-04-15", APRIL_1_15),
    ("01.04.2019 – 15.04.2019", APRIL_1_15),
    ("01.04.2019-15.04.2019", APRIL_1_15),
    ("1–15 апреля", APRIL_1_15),
    ("с 1 по 15 апреля", APRIL_1_15),
    ("с 1-го по 15-е апреля", APRIL_1_15),
    ("с 1 апреля по 15 апреля", APRIL_1_15),
    ("from april 1 to april 15", APRIL_1_15),
    ("с 1 апреля по 15 мая", E::W(&[("2019-04-01", "2019-05-15")])),
    ("29.02.2020", E::W(&[("2020-02-29", "2020-02-29")])),
    // year
    ("2019", YEAR_2019),
    ("2019 год", YEAR_2019),
    ("в 2019 году", YEAR_2019),
    ("2020", E::W(&[("2020-01-01", "2020-12-31")])),
    // list
    ("апрель, октябрь", E::W(&[("2019-04-01", "2019-04-30"), ("2019-10-01", "2019-10-31")])),
    ("апрель; октябрь", E::W(&[("2019-04-01", "2019-04-30"), ("2019-10-01", "2019-10-31")])),
    ("октябрь, апрель", E::W(&[("2019-10-01", "2019-10-31"), ("2019-04-01", "2019-04-30")])),
    (
        "I квартал, 2019-07-01..2019-07-15, декабрь",
        E::W(&[("2019-01-01", "2019-03-31"), ("2019-07-01", "2019-07-15"), ("2019-12-01", "2019-12-31")]),
    ),
    ("апрель, апрель", E::W(&[("2019-04-01", "2019-04-30"), ("2019-04-01", "2019-04-30")])),
    // recurrence
    ("не реже 1-го раза в 6 месяцев", E::At(1, 6)),
    ("не реже 1 раза в 6 месяцев", E::At(1, 6)),
    ("не реже одного раза в полгода", E::At(1, 6)),
    ("не реже раза в квартал", E::At(1, 3)),
    ("не реже, чем раз в квартал", E::At(1, 3)),
    ("не реже 2 раз в год", E::At(2, 12)),
    ("не реже двух раз в год", E::At(2, 12)),
    ("не реже трёх раз в год", E::At(3, 12)),
    ("не реже двенадцати раз в год", E::At(12, 12)),
    ("не менее 4 раз в год", E::At(4, 12)),
    ("дважды в год", E::At(2, 12)),
    ("2 раза в год", E::At(2, 12)),
    ("раз в 2 месяца", E::At(1, 2)),
    ("раз в 3 месяца", E::At(1, 3)),
    ("раз в двенадцать месяцев", E::At(1, 12)),
    ("1 раз в 2 года", E::At(1, 24)),
    ("раз в полугодие", E::At(1, 6)),
    ("раз в полгода", E::At(1, 6)),
    ("каждый квартал", E::At(1, 3)),
    ("каждые 2 месяца", E::At(1, 2)),
    ("ежемесячно", E::At(1, 1)),
    ("ежеквартально", E::At(1, 3)),
    ("ежеполугодно", E::At(1, 6)),
    ("ежегодно", E::At(1, 12)),
    ("at least once every 6 months", E::At(1, 6)),
    ("every 6 months", E::At(1, 6)),
    ("every six months", E::At(1, 6)),
    ("at least 2 times every 12 months", E::At(2, 12)),
    ("twice a year", E::At(2, 12)),
    ("once a quarter", E::At(1, 3)),
    ("once per month", E::At(1, 1)),
    ("3 times a year", E::At(3, 12)),
    ("every month", E::At(1, 1)),
    ("every quarter", E::At(1, 3)),
    ("every half year", E::At(1, 6)),
    ("monthly", E::At(1, 1)),
    ("quarterly", E::At(1, 3)),
    ("semiannually", E::At(1, 6)),
    ("semi-annually", E::At(1, 6)),
    ("yearly", E::At(1, 12)),
    ("annually", E::At(1, 12)),
    ("at least monthly", E::At(1, 1)),
    // as needed
    ("по мере необходимости, но не реже 1-го раза в 3 месяца", E::AtNeeded(1, 3)),
    ("По мере необходимости, но не реже 1-го раза в 3 месяца.", E::AtNeeded(1, 3)),
    ("as needed, at least once every 3 months", E::AtNeeded(1, 3)),
    ("as needed; quarterly", E::AtNeeded(1, 3)),
    ("не реже раза в квартал и по мере необходимости", E::AtNeeded(1, 3)),
    ("по мере необходимости", E::Needed),
    ("as needed", E::Needed),
    ("при необходимости", E::Needed),
];

#[test]
fn every_documented_form_parses_to_its_schedule() {
    for &(text, expected) in FILE_FORMS {
        assert_eq!(parse(text, &ctx(), Source::File), Ok(expected.schedule()), "{text:?}");
    }
}

#[test]
fn windows_read_the_same_on_the_command_line() {
    for &(text, expected) in FILE_FORMS {
        if !matches!(expected, E::W(_) | E::Whole) {
            continue;
        }
        assert_eq!(parse(text, &ctx(), Source::CommandLine), Ok(expected.schedule()), "{text:?}");
    }
}

#[test]
fn every_month_form_means_that_month_of_the_plan_year() {
    for &(word, month) in MONTHS {
        let expected = months(2019, month, month).map(|r| Schedule::Window(vec![r]));
        for text in [word.to_owned(), word.to_uppercase(), format!("в {word}")] {
            assert_eq!(parse(&text, &ctx(), Source::File).ok(), expected, "{text:?}");
        }
    }
}

#[test]
fn every_quarter_and_half_ordinal_is_understood() {
    for &(word, n) in ORDINALS {
        let quarter = months(2019, 3 * n - 2, 3 * n).map(|r| Schedule::Window(vec![r]));
        let text = format!("{word} квартал");
        assert_eq!(parse(&text, &ctx(), Source::File).ok(), quarter, "{text}");
        let text = format!("{word} quarter");
        assert_eq!(parse(&text, &ctx(), Source::File).ok(), quarter, "{text}");
        // Only the first two ordinals number a half-year; a third half is an impossible date.
        let half = (n <= 2).then(|| months(2019, 6 * n - 5, 6 * n).map(|r| Schedule::Window(vec![r]))).flatten();
        for noun in ["полугодие", "half-year", "half"] {
            let text = format!("{word} {noun}");
            let parsed = parse(&text, &ctx(), Source::File);
            match &half {
                Some(half) => assert_eq!(parsed.as_ref(), Ok(half), "{text}"),
                None => assert_eq!(parsed.map_err(|e| e.kind), Err(WhenErrorKind::InvalidDate), "{text}"),
            }
        }
    }
}

#[test]
fn two_digit_years_are_this_century_wherever_dates_are_read() {
    let june_15 = date("2019-06-15");
    assert_eq!(parse_date("15.06.19"), Ok(june_15));
    assert_eq!(parse_date(" 15.06.2019 "), Ok(june_15));
    assert_eq!(parse_date("2019-06-15"), Ok(june_15));
    assert_eq!(parse_date("31.04.19"), Err(DateError { no_such_day: true }));
    for text in ["15.06.019", "15.06", "06.2019", "15/06/19", "15.06.19 г", "", "июнь"] {
        assert_eq!(parse_date(text), Err(DateError { no_such_day: false }), "{text:?}");
    }
    let day = Schedule::Window(vec![DateRange { from: june_15, to: june_15 }]);
    for source in [Source::File, Source::CommandLine] {
        assert_eq!(parse("15.06.19", &ctx(), source), Ok(day.clone()));
    }
    let range = Schedule::Window(vec![DateRange { from: date("2019-06-01"), to: date("2019-06-15") }]);
    assert_eq!(parse("01.06.19 – 15.06.19", &ctx(), Source::CommandLine), Ok(range.clone()));
    assert_eq!(parse("01.06 – 15.06.19", &ctx(), Source::File), Ok(range));
}

#[test]
fn every_period_number_up_to_twelve_is_understood() {
    for &(word, n) in NUMBER_WORDS {
        if n == 0 {
            continue;
        }
        let expected = Schedule::AtLeast(Recurrence { times: n, every: n, unit: Unit::Month, as_needed: false });
        let text = format!("не реже {word} раз в {word} месяцев");
        assert_eq!(parse(&text, &ctx(), Source::File), Ok(expected.clone()), "{text}");
        let text = format!("{n} раз в {n} месяцев");
        assert_eq!(parse(&text, &ctx(), Source::File), Ok(expected), "{text}");
    }
}

#[test]
fn the_source_documents_times_all_parse() {
    let times = [
        ("не реже 1-го раза в 6 месяцев", E::At(1, 6)),
        ("по мере необходимости, но не реже 1-го раза в 3 месяца", E::AtNeeded(1, 3)),
        ("июнь – сентябрь", JUN_SEP),
        ("февраль – май", E::W(&[("2019-02-01", "2019-05-31")])),
        ("апрель", APRIL),
        ("II полугодие", H2),
        ("I полугодие", H1),
        ("весь период", E::Whole),
        ("Весь период", E::Whole),
        ("ноябрь", E::W(&[("2019-11-01", "2019-11-30")])),
        ("май", E::W(&[("2019-05-01", "2019-05-31")])),
        ("октябрь", E::W(&[("2019-10-01", "2019-10-31")])),
    ];
    for (text, expected) in times {
        assert_eq!(parse(text, &ctx(), Source::File), Ok(expected.schedule()), "{text:?}");
    }
}

fn on(today: &str) -> Context {
    Context { year: 2019, today: date(today) }
}

#[test]
fn relative_forms_resolve_against_today_on_the_command_line() {
    let table: &[(&str, &str, &str, &str)] = &[
        ("2019-11-20", "today", "2019-11-20", "2019-11-20"),
        ("2019-11-20", "сегодня", "2019-11-20", "2019-11-20"),
        ("2019-11-20", "tomorrow", "2019-11-21", "2019-11-21"),
        ("2019-11-20", "вчера", "2019-11-19", "2019-11-19"),
        ("2019-11-20", "this month", "2019-11-01", "2019-11-30"),
        ("2019-11-20", "этот месяц", "2019-11-01", "2019-11-30"),
        ("2019-11-20", "текущий месяц", "2019-11-01", "2019-11-30"),
        ("2019-11-20", "в этом месяце", "2019-11-01", "2019-11-30"),
        ("2019-11-20", "next month", "2019-12-01", "2019-12-31"),
        ("2019-11-20", "Следующий месяц", "2019-12-01", "2019-12-31"),
        ("2019-11-20", "в следующем месяце", "2019-12-01", "2019-12-31"),
        ("2019-11-20", "last month", "2019-10-01", "2019-10-31"),
        ("2019-11-20", "this quarter", "2019-10-01", "2019-12-31"),
        ("2019-11-20", "этот квартал", "2019-10-01", "2019-12-31"),
        ("2019-11-20", "текущий квартал", "2019-10-01", "2019-12-31"),
        ("2019-11-20", "next quarter", "2020-01-01", "2020-03-31"),
        ("2019-11-20", "следующий квартал", "2020-01-01", "2020-03-31"),
        ("2019-11-20", "previous quarter", "2019-07-01", "2019-09-30"),
        ("2019-11-20", "this year", "2019-01-01", "2019-12-31"),
        ("2019-11-20", "этот год", "2019-01-01", "2019-12-31"),
        ("2019-11-20", "next year", "2020-01-01", "2020-12-31"),
        ("2019-11-20", "следующий год", "2020-01-01", "2020-12-31"),
        ("2019-11-20", "from today to next month", "2019-11-20", "2019-12-31"),
        ("2019-11-20", "today..2019-12-10", "2019-11-20", "2019-12-10"),
        ("2019-11-20", "с сегодня по декабрь", "2019-11-20", "2019-12-31"),
        ("2019-12-31", "next month", "2020-01-01", "2020-01-31"),
        ("2019-12-31", "tomorrow", "2020-01-01", "2020-01-01"),
        ("2020-01-15", "last month", "2019-12-01", "2019-12-31"),
        ("2020-01-15", "last quarter", "2019-10-01", "2019-12-31"),
        ("2020-02-29", "next year", "2021-01-01", "2021-12-31"),
    ];
    for &(today, text, from, to) in table {
        let expected = Schedule::Window(vec![DateRange { from: date(from), to: date(to) }]);
        assert_eq!(parse(text, &on(today), Source::CommandLine), Ok(expected), "{text:?} on {today}");
    }
}

fn error(text: &str, source: Source) -> WhenError {
    match parse(text, &ctx(), source) {
        Ok(s) => panic!("{text:?} parsed as {s:?}"),
        Err(e) => e,
    }
}

/// The byte span of `part` within `text`.
fn span_of(text: &str, part: &str) -> Range<usize> {
    let start = text.find(part).unwrap_or_else(|| panic!("{part:?} not in {text:?}"));
    start..start + part.len()
}

#[test]
fn relative_forms_are_rejected_in_the_file() {
    for text in
        ["next month", "сегодня", "этот квартал", "в следующем году", "апрель, next month", "from today to december"]
    {
        let e = error(text, Source::File);
        assert_eq!(e.kind, WhenErrorKind::RelativeOnlyOnCommandLine, "{text:?}");
    }
    let e = error("апрель, next month", Source::File);
    assert_eq!(e.span, span_of("апрель, next month", "next month"));
}

#[test]
fn recurrence_is_rejected_on_the_command_line() {
    for text in [
        "не реже 1-го раза в 6 месяцев",
        "по мере необходимости, но не реже 1-го раза в 3 месяца",
        "monthly",
        "every 6 months",
        "as needed",
        "по мере необходимости",
    ] {
        let e = error(text, Source::CommandLine);
        assert_eq!(e.kind, WhenErrorKind::RecurrenceOnlyInFile, "{text:?}");
        assert_eq!(e.span, 0..text.len(), "{text:?}");
    }
}

#[test]
fn empty_text_is_an_empty_error() {
    for text in ["", "   ", "\t\n ", "\u{a0}"] {
        let e = error(text, Source::File);
        assert_eq!(e.kind, WhenErrorKind::Empty, "{text:?}");
        assert_eq!(e.span, 0..text.len());
    }
}

#[test]
fn impossible_dates_are_invalid_and_point_at_the_date() {
    let table = [
        ("2019-02-30", "2019-02-30"),
        ("31.04.2019", "31.04.2019"),
        ("29.02.2019", "29.02.2019"),
        ("2019-13", "2019-13"),
        ("2019-00", "2019-00"),
        ("13.2019", "13.2019"),
        ("32 апреля", "32 апреля"),
        ("0 апреля", "0 апреля"),
        ("Q5", "Q5"),
        ("5 квартал", "5 квартал"),
        ("III полугодие", "III полугодие"),
        ("H3", "H3"),
        ("апрель, 2019-02-30", "2019-02-30"),
        ("2019-04-01..2019-04-31", "2019-04-31"),
        ("апрель 300000", "апрель 300000"),
        ("апрель 99999999999999999999999", "апрель 99999999999999999999999"),
        ("99999999999-04-01", "99999999999-04-01"),
        ("Q1 2147483648", "Q1 2147483648"),
        // Found by fuzzing: five-digit years printed as `+20199-04-01`, which did not parse back.
        ("20199-4", "20199-4"),
        ("44444", "44444"),
        ("2.44444", "2.44444"),
        ("4444;40444", "40444"),
        ("0000-04-01", "0000-04-01"),
    ];
    for (text, part) in table {
        let e = error(text, Source::File);
        assert_eq!(e.kind, WhenErrorKind::InvalidDate, "{text:?}");
        assert_eq!(e.span, span_of(text, part), "{text:?}");
    }
}

#[test]
fn backwards_ranges_are_reversed_errors() {
    let table = [
        ("сентябрь – июнь", "2019-09-01", "2019-06-30"),
        ("с сентября по июнь", "2019-09-01", "2019-06-30"),
        ("ноябрь – февраль", "2019-11-01", "2019-02-28"),
        ("2019-04-10..2019-04-05", "2019-04-10", "2019-04-05"),
        ("15–1 апреля", "2019-04-15", "2019-04-01"),
        ("Q3-Q1", "2019-07-01", "2019-03-31"),
        ("II–I полугодие", "2019-07-01", "2019-06-30"),
        ("2020-01..2019-12", "2020-01-01", "2019-12-31"),
    ];
    for (text, from, to) in table {
        let e = error(text, Source::File);
        let expected = WhenErrorKind::Reversed { from: date(from), to: date(to) };
        assert_eq!(e.kind, expected, "{text:?}");
        assert_eq!(e.span, 0..text.len(), "{text:?}");
    }
    let text = "апрель, сентябрь – июнь";
    assert_eq!(error(text, Source::File).span, span_of(text, "сентябрь – июнь"));
}

#[test]
fn zero_counts_are_rejected_at_the_zero() {
    let table = [
        ("0 раз в 0 месяцев", "0 "),
        ("не реже 0 раз в год", "0"),
        ("раз в 0 месяцев", "0"),
        ("every 0 months", "0"),
        ("ноль раз в год", "ноль"),
        ("as needed, 0 times a year", "0"),
    ];
    for (text, part) in table {
        let e = error(text, Source::File);
        assert_eq!(e.kind, WhenErrorKind::ZeroCount, "{text:?}");
        assert_eq!(e.span, span_of(text, part.trim()), "{text:?}");
    }
}

#[test]
fn unknown_text_points_at_the_first_word_not_understood() {
    let table = [
        ("blah", "blah"),
        ("весь перод", "перод"),
        ("апрель, октябрь, декабрьь", "декабрьь"),
        ("ноябрь!", "!"),
        ("не реже 99999999999 раз в год", "99999999999"),
        ("раз в 4294967295 лет", "4294967295"),
        ("апрель и 😀", "😀"),
    ];
    for (text, part) in table {
        let e = error(text, Source::File);
        assert_eq!(e.kind, WhenErrorKind::Unknown, "{text:?}");
        assert_eq!(e.span, span_of(text, part), "{text:?}");
    }
}

#[test]
fn unknown_structure_of_known_words_points_at_the_item() {
    let table = [
        ("  апрель октябрь ", "апрель октябрь"),
        ("апрель, с апреля", "с апреля"),
        ("1", "1"),
        ("квартал", "квартал"),
        ("апрель,", ","),
        (", апрель", ","),
        ("в течение", "в течение"),
    ];
    for (text, part) in table {
        let e = error(text, Source::File);
        assert_eq!(e.kind, WhenErrorKind::Unknown, "{text:?}");
        assert_eq!(e.span, span_of(text, part), "{text:?}");
        assert_eq!(e.suggestion, None, "{text:?}");
    }
    // Between two separators, the second one is to blame.
    assert_eq!(error("апрель,, май", Source::File).span, 13..14);
}

#[test]
fn near_misses_get_a_corrected_suggestion() {
    let table = [
        ("апрелл", "апрель"),
        ("апрел", "апрель"),
        ("Апрелл", "Апрель"),
        ("АПРЕЛЛ", "АПРЕЛЬ"),
        ("июнь – сентябрл", "июнь – сентябрь"),
        ("aprl", "april"),
        ("весь перод", "весь период"),
        ("Весь перод", "Весь период"),
        ("I кватрал", "I квартал"),
        ("II полугодте", "II полугодие"),
        ("sptember", "september"),
        ("every 6 monts", "every 6 months"),
        ("не реже 1-го раза в 6 месяцв", "не реже 1-го раза в 6 месяцев"),
        ("по мере необходимсти", "по мере необходимости"),
        ("с июня по сентяборь", "с июня по сентябрь"),
        ("июль  -  агуст", "июль  -  август"),
    ];
    for (text, suggestion) in table {
        let e = error(text, Source::File);
        assert_eq!(e.kind, WhenErrorKind::Unknown, "{text:?}");
        assert_eq!(e.suggestion.as_deref(), Some(suggestion), "{text:?}");
        assert!(parse(suggestion, &ctx(), Source::File).is_ok());
    }
}

#[test]
fn far_misses_get_no_suggestion() {
    for text in ["blah", "xyz", "апрелл октябрь", "ап", "qwertyuiop", "абв – где"] {
        assert_eq!(error(text, Source::File).suggestion, None, "{text:?}");
    }
}

#[test]
fn suggestions_respect_the_source() {
    // The fix would be a rule, which the command line does not take.
    assert_eq!(error("evry 6 months", Source::CommandLine).suggestion, None);
    assert_eq!(error("evry 6 months", Source::File).suggestion.as_deref(), Some("every 6 months"));
}

#[test]
fn display_prints_the_canonical_english_form() {
    let table = [
        (APRIL, "2019-04-01..2019-04-30"),
        (APRIL_21, "2019-04-21"),
        (E::W(&[("2019-04-01", "2019-04-30"), ("2019-10-21", "2019-10-21")]), "2019-04-01..2019-04-30, 2019-10-21"),
        (E::Whole, "whole period"),
        (E::At(1, 6), "at least once every 6 months"),
        (E::At(2, 12), "at least 2 times every 12 months"),
        (E::At(1, 1), "at least once every month"),
        (E::AtNeeded(1, 3), "as needed, at least once every 3 months"),
        (E::Needed, "as needed"),
    ];
    for (schedule, text) in table {
        assert_eq!(schedule.schedule().to_string(), text);
    }
}

#[test]
fn display_parses_back_to_an_equal_schedule() {
    let mut schedules: Vec<Schedule> = FILE_FORMS.iter().map(|&(_, e)| e.schedule()).collect();
    schedules.extend([
        E::W(&[("0999-01-01", "0999-12-31")]).schedule(),
        E::W(&[("2019-12-31", "2020-01-01"), ("2019-01-01", "2019-01-01")]).schedule(),
        E::At(7, 1).schedule(),
        E::At(1, 24).schedule(),
        E::At(100, 1000).schedule(),
        E::AtNeeded(2, 1).schedule(),
    ]);
    for schedule in schedules {
        let text = schedule.to_string();
        assert_eq!(parse(&text, &ctx(), Source::File), Ok(schedule), "{text:?}");
    }
}

#[test]
fn date_range_overlap_and_containment_include_both_ends() {
    let range = |from, to| DateRange { from: date(from), to: date(to) };
    let april = range("2019-04-01", "2019-04-30");
    assert!(april.overlaps(&range("2019-04-30", "2019-05-31")));
    assert!(april.overlaps(&range("2019-01-01", "2019-04-01")));
    assert!(april.overlaps(&range("2019-04-10", "2019-04-10")));
    assert!(april.overlaps(&range("2019-01-01", "2019-12-31")));
    assert!(!april.overlaps(&range("2019-05-01", "2019-05-31")));
    assert!(!april.overlaps(&range("2019-03-01", "2019-03-31")));
    assert!(april.contains(date("2019-04-01")));
    assert!(april.contains(date("2019-04-30")));
    assert!(!april.contains(date("2019-05-01")));
    assert!(!april.contains(date("2019-03-31")));
}

#[test]
fn only_windows_are_not_ongoing() {
    let table = [
        (APRIL, "window", false),
        (E::Whole, "whole-period", true),
        (E::At(1, 6), "at-least", true),
        (E::AtNeeded(1, 3), "at-least", true),
        (E::Needed, "as-needed", true),
    ];
    for (e, kind, ongoing) in table {
        assert_eq!(e.schedule().kind(), kind);
        assert_eq!(e.schedule().is_ongoing(), ongoing);
    }
}

#[test]
fn every_word_of_the_accepted_forms_is_in_the_vocabulary() {
    // Spans and suggestions rely on the vocabulary knowing every word the
    // parser accepts.
    for &(text, _) in FILE_FORMS {
        let lexed = lex(text);
        for tok in lexed.toks.iter().filter(|t| t.kind == Kind::Word) {
            let word = &lexed.norm[tok.n0..tok.n1];
            assert!(VOCABULARY.known.contains(word), "{word:?} in {text:?}");
        }
    }
}

#[test]
fn vocabulary_is_stored_normalized() {
    for word in &VOCABULARY.words {
        assert_eq!(*word, word.to_lowercase(), "{word}");
        assert!(!word.contains('ё'), "{word}");
        assert!(!word.is_empty());
    }
}

#[test]
fn hyphens_split_iso_dates_only_between_whole_dates() {
    let ok = [
        ("2019-04-01-2019-04-15", "2019-04-01", "2019-04-15"),
        ("2019-04-2019-06", "2019-04-01", "2019-06-30"),
        ("2019-04-15", "2019-04-15", "2019-04-15"),
        ("2019-04-01-2019-04", "2019-04-01", "2019-04-30"),
    ];
    for (text, from, to) in ok {
        let expected = Schedule::Window(vec![DateRange { from: date(from), to: date(to) }]);
        assert_eq!(parse(text, &ctx(), Source::File), Ok(expected), "{text:?}");
    }
    for text in ["2019-04-01-15", "2019-04-01-", "2019-04-01-04-15"] {
        assert!(parse(text, &ctx(), Source::File).is_err(), "{text:?}");
    }
}

/// xorshift64: a fixed, dependency-free source of varied inputs.
struct Rng(u64);

impl Rng {
    fn next(&mut self, bound: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        usize::try_from(self.0 % bound as u64).unwrap_or(0)
    }
}

fn check_invariants(text: &str, ctx: Context, source: Source) {
    let result = parse(text, &ctx, source);
    match &result {
        Ok(Schedule::Window(ranges)) => {
            assert!(!ranges.is_empty(), "{text:?}");
            assert!(ranges.iter().all(|r| r.from <= r.to), "{text:?}");
        }
        Ok(_) => {}
        Err(e) => {
            assert!(text.get(e.span.clone()).is_some(), "{text:?} {e:?}");
            if let Some(fixed) = &e.suggestion {
                assert!(parse(fixed, &ctx, source).is_ok(), "{fixed:?}");
            }
        }
    }
}

#[test]
fn never_panics_on_odd_input() {
    let odd = [
        "-",
        "–",
        "..",
        ".",
        "...",
        "…",
        ",",
        ";",
        ",,,",
        "-.-",
        "--",
        "1-",
        "-1",
        "1.",
        ".1",
        "1..",
        "q",
        "h",
        "Q",
        "q0",
        "h0",
        "q99",
        "2019q",
        "2019-",
        "2019--04",
        "2019-04-",
        "2019-4-1",
        "1.1.1",
        "1.1.1.1",
        "31.12.9999",
        "01.01.0000",
        "2019-02-29",
        "с",
        "с по",
        "по",
        "from",
        "between and",
        "of",
        "the",
        "в",
        "во",
        "не реже",
        "не реже раз",
        "раз в",
        "раз",
        "as needed,",
        "as needed, but",
        ", but monthly",
        "\u{0}",
        "\u{feff}апрель",
        "апрель\u{0}",
        "й\u{306}",
        "\u{306}",
        "\u{308}е",
        "İ",
        "ǅ",
        "ﬀ",
        "Ⅻ квартал",
        "४ квартал",
        "٣",
        "ⅰⅰ полугодие",
        "𝐀pril",
        "4294967296 раз в год",
        "раз в 4294967296 месяцев",
        "1 раз в 999999999 лет",
        "18446744073709551616",
        "-2019-04-01",
        "+2019-04-01",
        "262143-12-31",
        "262144-01-01",
        "апрель -262144",
        "today, today, today",
        "next next month",
        "2019-04-01..",
        "..2019-04-01",
        "апрель..",
        "–апрель",
        "апрель–",
        "1–",
        "–15 апреля",
    ];
    let extremes = ["2019-05-15", "+262142-12-31", "-262143-01-01"];
    for text in odd {
        for source in [Source::File, Source::CommandLine] {
            for today in extremes {
                let ctx = Context { year: 2019, today: today.parse().unwrap_or(NaiveDate::MAX) };
                check_invariants(text, ctx, source);
            }
        }
    }
}

#[test]
fn never_panics_on_random_input() {
    let pieces = [
        "апрель",
        "июня",
        "-",
        "–",
        "..",
        ".",
        ",",
        ";",
        " ",
        "1",
        "15",
        "2019",
        "04",
        "0",
        "99999999999999999999",
        "q",
        "h",
        "i",
        "ii",
        "квартал",
        "полугодие",
        "не",
        "реже",
        "раз",
        "в",
        "месяцев",
        "с",
        "по",
        "between",
        "and",
        "today",
        "next",
        "month",
        "ё",
        "\u{306}",
        "Ⅱ",
        "І",
        "😀",
        "as needed",
        "every",
        "of",
        "г",
        "года",
        "-го",
        "st",
        "апрелл",
        "aprl",
        "весь",
        "период",
        "\u{0}",
        "\t",
    ];
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    for _ in 0..5_000 {
        let mut text = String::new();
        for _ in 0..=rng.next(8) {
            text.push_str(pieces[rng.next(pieces.len())]);
        }
        check_invariants(&text, ctx(), Source::File);
        check_invariants(&text, ctx(), Source::CommandLine);
    }
}

#[test]
fn never_panics_at_the_ends_of_the_calendar() {
    for year in [i32::MIN, -262_144, 262_143, i32::MAX] {
        let ctx = Context { year, today: NaiveDate::MAX };
        for text in ["апрель", "Q4", "II полугодие", "ноябрь – февраль", "next year", "tomorrow"]
        {
            let _ = parse(text, &ctx, Source::File);
            let _ = parse(text, &ctx, Source::CommandLine);
        }
    }
}

#[test]
fn huge_input_is_parsed_or_refused_without_a_suggestion() {
    let many = "апрель, ".repeat(50_000) + "май";
    match parse(&many, &ctx(), Source::File) {
        Ok(Schedule::Window(ranges)) => assert_eq!(ranges.len(), 50_001),
        other => panic!("{other:?}"),
    }
    for text in [
        "а".repeat(1_000_000),
        "1".repeat(1_000_000),
        "-".repeat(1_000_000),
        "апрель – ".repeat(100_000),
        "не реже ".repeat(100_000),
        "апрелл ".repeat(100_000),
        ", ".repeat(100_000),
    ] {
        let e = error(&text, Source::File);
        assert_eq!(e.suggestion, None);
        assert!(text.get(e.span).is_some());
    }
}
