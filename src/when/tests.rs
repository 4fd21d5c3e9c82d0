//! The grammar, table-driven: every documented form, every error and its span.

use super::lexer::{Kind, lex};
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

/// Every spelling of every month, with its number and its last day in 2019, written by hand so
/// that a wrong entry in the vocabulary (`июне` → 7) fails here.
const MONTH_FORMS: [(u32, u32, &[&str]); 12] = [
    (1, 31, &["январь", "января", "январю", "январем", "январе", "янв", "january", "jan"]),
    (2, 28, &["февраль", "февраля", "февралю", "февралем", "феврале", "фев", "февр", "february", "feb"]),
    (3, 31, &["март", "марта", "марту", "мартом", "марте", "мар", "march", "mar"]),
    (4, 30, &["апрель", "апреля", "апрелю", "апрелем", "апреле", "апр", "april", "apr"]),
    (5, 31, &["май", "мая", "маю", "маем", "мае", "may"]),
    (6, 30, &["июнь", "июня", "июню", "июнем", "июне", "июн", "june", "jun"]),
    (7, 31, &["июль", "июля", "июлю", "июлем", "июле", "июл", "july", "jul"]),
    (8, 31, &["август", "августа", "августу", "августом", "августе", "авг", "august", "aug"]),
    (9, 30, &["сентябрь", "сентября", "сентябрю", "сентябрем", "сентябре", "сен", "сент", "september", "sep", "sept"]),
    (10, 31, &["октябрь", "октября", "октябрю", "октябрем", "октябре", "окт", "october", "oct"]),
    (11, 30, &["ноябрь", "ноября", "ноябрю", "ноябрем", "ноябре", "ноя", "нояб", "november", "nov"]),
    (12, 31, &["декабрь", "декабря", "декабрю", "декабрем", "декабре", "дек", "december", "dec"]),
];

#[test]
fn every_month_form_means_that_month_of_the_plan_year() {
    for (month, last, words) in MONTH_FORMS {
        let from = NaiveDate::from_ymd_opt(2019, month, 1).unwrap();
        let to = NaiveDate::from_ymd_opt(2019, month, last).unwrap();
        let expected = Schedule::Window(vec![DateRange { from, to }]);
        for word in words {
            for text in [(*word).to_owned(), word.to_uppercase(), format!("в {word}")] {
                assert_eq!(parse(&text, &ctx(), Source::File).as_ref(), Ok(&expected), "{text:?}");
            }
            // The day in words, too: `15 июне` is not Russian, but its month must still be June.
            let text = format!("15 {word}");
            let day = NaiveDate::from_ymd_opt(2019, month, 15).unwrap();
            assert_eq!(
                parse(&text, &ctx(), Source::File),
                Ok(Schedule::Window(vec![DateRange { from: day, to: day }]))
            );
        }
    }
    // And the vocabulary has no month form the list above does not know.
    let listed: usize = MONTH_FORMS.iter().map(|(_, _, words)| words.len()).sum();
    assert_eq!(MONTHS.len(), listed);
}

/// Every ordinal with its number, by hand.
const ORDINAL_FORMS: [(u32, &[&str]); 4] = [
    (1, &["i", "first", "первый", "первое", "первого", "первому", "первым", "первом", "первая", "первой", "первую"]),
    (2, &["ii", "second", "второй", "второе", "второго", "второму", "вторым", "втором", "вторая", "вторую"]),
    (
        3,
        &[
            "iii",
            "third",
            "третий",
            "третье",
            "третьего",
            "третьему",
            "третьим",
            "третьем",
            "третья",
            "третьей",
            "третью",
        ],
    ),
    (
        4,
        &[
            "iv",
            "fourth",
            "четвертый",
            "четвертое",
            "четвертого",
            "четвертому",
            "четвертым",
            "четвертом",
            "четвертая",
            "четвертой",
            "четвертую",
        ],
    ),
];

#[test]
fn every_quarter_and_half_ordinal_is_understood() {
    // Quarter n: months 3n-2..3n, last days by hand; halves: Jan–Jun and Jul–Dec.
    let quarters = [
        ("2019-01-01", "2019-03-31"),
        ("2019-04-01", "2019-06-30"),
        ("2019-07-01", "2019-09-30"),
        ("2019-10-01", "2019-12-31"),
    ];
    let halves = [("2019-01-01", "2019-06-30"), ("2019-07-01", "2019-12-31")];
    let listed: usize = ORDINAL_FORMS.iter().map(|(_, words)| words.len()).sum();
    assert_eq!(ORDINALS.len(), listed);
    for (n, words) in ORDINAL_FORMS {
        let (from, to) = quarters[n as usize - 1];
        let quarter = Schedule::Window(vec![DateRange { from: date(from), to: date(to) }]);
        for word in words {
            for text in [format!("{word} квартал"), format!("{word} quarter")] {
                assert_eq!(parse(&text, &ctx(), Source::File).as_ref(), Ok(&quarter), "{text}");
            }
            for noun in ["полугодие", "half-year", "half"] {
                let text = format!("{word} {noun}");
                let parsed = parse(&text, &ctx(), Source::File);
                match halves.get(n as usize - 1) {
                    Some(&(from, to)) => {
                        let half = Schedule::Window(vec![DateRange { from: date(from), to: date(to) }]);
                        assert_eq!(parsed, Ok(half), "{text}");
                    }
                    // Only the first two ordinals number a half-year; a third half is an impossible date.
                    None => assert_eq!(parsed.map_err(|e| e.kind), Err(WhenErrorKind::InvalidDate), "{text}"),
                }
            }
        }
    }
}

#[test]
fn every_period_word_counts_its_months_or_weeks() {
    // By hand: the unit words of a rule and what one of them is.
    let table: &[(&str, u32, Unit)] = &[
        ("месяц", 1, Unit::Month),
        ("месяца", 1, Unit::Month),
        ("месяцев", 1, Unit::Month),
        ("мес", 1, Unit::Month),
        ("month", 1, Unit::Month),
        ("months", 1, Unit::Month),
        ("квартал", 3, Unit::Month),
        ("квартала", 3, Unit::Month),
        ("кварталов", 3, Unit::Month),
        ("quarter", 3, Unit::Month),
        ("quarters", 3, Unit::Month),
        ("полугодие", 6, Unit::Month),
        ("полугодия", 6, Unit::Month),
        ("полугодий", 6, Unit::Month),
        ("полгода", 6, Unit::Month),
        ("пол года", 6, Unit::Month),
        ("half year", 6, Unit::Month),
        ("half-year", 6, Unit::Month),
        ("half a year", 6, Unit::Month),
        ("halfyear", 6, Unit::Month),
        ("год", 12, Unit::Month),
        ("года", 12, Unit::Month),
        ("лет", 12, Unit::Month),
        ("year", 12, Unit::Month),
        ("years", 12, Unit::Month),
        ("неделя", 1, Unit::Week),
        ("неделю", 1, Unit::Week),
        ("недели", 1, Unit::Week),
        ("недель", 1, Unit::Week),
        ("week", 1, Unit::Week),
        ("weeks", 1, Unit::Week),
    ];
    assert_eq!(UNITS.len(), table.len());
    for &(word, every, unit) in table {
        let text = format!("раз в {word}");
        let expected = Schedule::AtLeast(Recurrence { times: 1, every, unit, as_needed: false });
        assert_eq!(parse(&text, &ctx(), Source::File), Ok(expected), "{text}");
    }
    let adverbs: &[(&str, u32, Unit)] = &[
        ("еженедельно", 1, Unit::Week),
        ("ежемесячно", 1, Unit::Month),
        ("ежеквартально", 3, Unit::Month),
        ("ежеполугодно", 6, Unit::Month),
        ("ежегодно", 12, Unit::Month),
        ("weekly", 1, Unit::Week),
        ("monthly", 1, Unit::Month),
        ("quarterly", 3, Unit::Month),
        ("semiannually", 6, Unit::Month),
        ("semi annually", 6, Unit::Month),
        ("semi-annually", 6, Unit::Month),
        ("halfyearly", 6, Unit::Month),
        ("half yearly", 6, Unit::Month),
        ("half-yearly", 6, Unit::Month),
        ("yearly", 12, Unit::Month),
        ("annually", 12, Unit::Month),
    ];
    assert_eq!(ADVERBS.len(), adverbs.len());
    for &(text, every, unit) in adverbs {
        let expected = Schedule::AtLeast(Recurrence { times: 1, every, unit, as_needed: false });
        assert_eq!(parse(text, &ctx(), Source::File), Ok(expected), "{text}");
    }
}

#[test]
fn two_digit_years_are_this_century_wherever_dates_are_read() {
    let june_15 = date("2019-06-15");
    assert_eq!(parse_date("15.06.19"), Ok(june_15));
    assert_eq!(parse_date(" 15.06.2019 "), Ok(june_15));
    assert_eq!(parse_date("2019-06-15"), Ok(june_15));
    let short_april = DateError { no_such_day: true, short_month: Some((2019, 4, 30)), year_out_of_range: false };
    assert_eq!(parse_date("31.04.19"), Err(short_april));
    let refused = DateError { no_such_day: false, short_month: None, year_out_of_range: false };
    for text in ["15.06.019", "06.2019", "15/06/19", "", "июнь"] {
        assert_eq!(parse_date(text), Err(refused), "{text:?}");
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
        let impossible = matches!(
            e.kind,
            WhenErrorKind::InvalidDate | WhenErrorKind::NoSuchDay { .. } | WhenErrorKind::YearOutOfRange
        );
        assert!(impossible, "{text:?}: {:?}", e.kind);
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

/// A weekly rule: `times` in every `weeks` weeks.
fn weekly(times: u32, weeks: u32) -> Schedule {
    Schedule::AtLeast(Recurrence { times, every: weeks, unit: Unit::Week, as_needed: false })
}

fn window(ranges: &[(&str, &str)]) -> Schedule {
    Schedule::Window(ranges.iter().map(|&(from, to)| DateRange { from: date(from), to: date(to) }).collect())
}

/// The forms of spec §2 added for real plans' cells, each with its exact dates (plan year 2019,
/// read in the file, the plan starting on 1 January).
#[test]
fn real_plans_forms_read_to_their_exact_dates() {
    let start = Context { year: 2019, today: date("2019-01-01") };
    let table: &[(&str, Schedule)] = &[
        // month with a year
        ("май 2019", window(&[("2019-05-01", "2019-05-31")])),
        ("мая 2019 г.", window(&[("2019-05-01", "2019-05-31")])),
        ("в мае 2019 года", window(&[("2019-05-01", "2019-05-31")])),
        ("май 2020", window(&[("2020-05-01", "2020-05-31")])),
        // day in words
        ("28 мая 2019", window(&[("2019-05-28", "2019-05-28")])),
        ("28 мая 2019 г.", window(&[("2019-05-28", "2019-05-28")])),
        ("28 мая", window(&[("2019-05-28", "2019-05-28")])),
        ("28.05", window(&[("2019-05-28", "2019-05-28")])),
        ("9 мая", window(&[("2019-05-09", "2019-05-09")])),
        ("12.04.2018 в 14.00", window(&[("2018-04-12", "2018-04-12")])),
        ("12.04.2019 14:00", window(&[("2019-04-12", "2019-04-12")])),
        ("28 мая в 9.30", window(&[("2019-05-28", "2019-05-28")])),
        // ten days
        ("первая декада января", window(&[("2019-01-01", "2019-01-10")])),
        ("1-я декада апреля", window(&[("2019-04-01", "2019-04-10")])),
        ("вторая декада апреля", window(&[("2019-04-11", "2019-04-20")])),
        ("во второй декаде июня", window(&[("2019-06-11", "2019-06-20")])),
        ("третья декада февраля", window(&[("2019-02-21", "2019-02-28")])),
        ("третья декада января", window(&[("2019-01-21", "2019-01-31")])),
        ("III декада апреля", window(&[("2019-04-21", "2019-04-30")])),
        ("в первой декаде января 2020 г.", window(&[("2020-01-01", "2020-01-10")])),
        // deadlines: from the plan's start
        ("до 15 марта", window(&[("2019-01-01", "2019-03-15")])),
        ("до 15.03.2019", window(&[("2019-01-01", "2019-03-15")])),
        ("к 9 мая", window(&[("2019-01-01", "2019-05-09")])),
        ("не позднее 1 апреля", window(&[("2019-01-01", "2019-04-01")])),
        ("в срок до 10 июня", window(&[("2019-01-01", "2019-06-10")])),
        ("до конца марта", window(&[("2019-01-01", "2019-03-31")])),
        ("до конца I квартала", window(&[("2019-01-01", "2019-03-31")])),
        ("до конца первого полугодия", window(&[("2019-01-01", "2019-06-30")])),
        ("до конца года", window(&[("2019-01-01", "2019-12-31")])),
        ("до конца 2019 года", window(&[("2019-01-01", "2019-12-31")])),
        ("к концу второй декады мая", window(&[("2019-01-01", "2019-05-20")])),
        ("by 15 March", window(&[("2019-01-01", "2019-03-15")])),
        ("by the end of march", window(&[("2019-01-01", "2019-03-31")])),
        ("no later than april 1", window(&[("2019-01-01", "2019-04-01")])),
        // whole years
        ("2019 год", window(&[("2019-01-01", "2019-12-31")])),
        ("в 2019 году", window(&[("2019-01-01", "2019-12-31")])),
        ("2019 - 2020 гг.", window(&[("2019-01-01", "2020-12-31")])),
        ("2019–2021 годы", window(&[("2019-01-01", "2021-12-31")])),
        ("2009 - 2011 годы", window(&[("2009-01-01", "2011-12-31")])),
        ("в 2019-2020 годах", window(&[("2019-01-01", "2020-12-31")])),
        ("2019 - 2020 гг., май 2021", window(&[("2019-01-01", "2020-12-31"), ("2021-05-01", "2021-05-31")])),
        // two lines
        ("Апрель\nмай", window(&[("2019-04-01", "2019-04-30"), ("2019-05-01", "2019-05-31")])),
        ("апрель\r\nмай", window(&[("2019-04-01", "2019-04-30"), ("2019-05-01", "2019-05-31")])),
        ("I квартал\nIII квартал", window(&[("2019-01-01", "2019-03-31"), ("2019-07-01", "2019-09-30")])),
        ("апрель,\nмай", window(&[("2019-04-01", "2019-04-30"), ("2019-05-01", "2019-05-31")])),
        ("июнь –\nсентябрь", window(&[("2019-06-01", "2019-09-30")])),
        // two lines typed on one, with a slash
        ("Апрель / май", window(&[("2019-04-01", "2019-04-30"), ("2019-05-01", "2019-05-31")])),
        ("март/апрель", window(&[("2019-03-01", "2019-03-31"), ("2019-04-01", "2019-04-30")])),
        ("I квартал / III квартал", window(&[("2019-01-01", "2019-03-31"), ("2019-07-01", "2019-09-30")])),
        // by a separate schedule: ongoing, as needed, no rule
        ("по отдельному плану", Schedule::AsNeeded),
        ("По плану", Schedule::AsNeeded),
        ("по графику", Schedule::AsNeeded),
        ("по мере поступления", Schedule::AsNeeded),
        ("в установленные сроки", Schedule::AsNeeded),
        // weekly recurrence
        ("еженедельно", weekly(1, 1)),
        ("раз в неделю", weekly(1, 1)),
        ("не реже 1 раза в 2 недели", weekly(1, 2)),
        ("не реже одного раза в две недели", weekly(1, 2)),
        ("2 раза в неделю", weekly(2, 1)),
        ("каждую неделю", weekly(1, 1)),
        ("weekly", weekly(1, 1)),
        ("every 2 weeks", weekly(1, 2)),
        ("once a week", weekly(1, 1)),
        ("по мере необходимости, но не реже раза в неделю", {
            Schedule::AtLeast(Recurrence { times: 1, every: 1, unit: Unit::Week, as_needed: true })
        }),
        // words in parentheses
        ("ежемесячно (последний четверг)", E::At(1, 1).schedule()),
        ("апрель (по согласованию)", window(&[("2019-04-01", "2019-04-30")])),
        ("апрель (по согласованию), октябрь", window(&[("2019-04-01", "2019-04-30"), ("2019-10-01", "2019-10-31")])),
    ];
    for (text, expected) in table {
        assert_eq!(parse(text, &start, Source::File).as_ref(), Ok(expected), "{text:?}");
        let reading = read(text, &start, Source::File).unwrap_or_else(|e| panic!("{text:?}: {e:?}"));
        assert_eq!(&reading.schedule, expected, "{text:?}");
        assert_eq!(reading.aside.unread, None, "{text:?}");
    }
}

#[test]
fn deadlines_on_the_command_line_run_from_the_plan_year_s_start_and_are_clipped_later() {
    let table = [
        ("до 15 марта", "2019-01-01", "2019-03-15"),
        ("до конца года", "2019-01-01", "2019-12-31"),
        ("до конца I квартала", "2019-01-01", "2019-03-31"),
        ("первая декада мая", "2019-05-01", "2019-05-10"),
        ("2019 – 2020 гг.", "2019-01-01", "2020-12-31"),
        ("28 мая 2019 г.", "2019-05-28", "2019-05-28"),
    ];
    for (text, from, to) in table {
        assert_eq!(parse(text, &ctx(), Source::CommandLine), Ok(window(&[(from, to)])), "{text:?}");
    }
}

#[test]
fn what_a_when_says_besides_its_dates_is_kept_aside() {
    let start = Context { year: 2019, today: date("2019-01-01") };
    let aside = |text: &str| read(text, &start, Source::File).map(|r| r.aside).unwrap();
    let words = |text: &str, span: Option<Range<usize>>| span.map(|s| text[s].to_owned());
    let text = "ежемесячно (последний четверг)";
    assert_eq!(words(text, aside(text).remark).as_deref(), Some("последний четверг"));
    let text = "12.04.2018 в 14.00";
    assert_eq!(words(text, aside(text).time).as_deref(), Some("в 14.00"));
    let text = "2019 - 2020 гг.";
    assert!(aside(text).whole_years);
    assert!(!aside("апрель").whole_years);
    assert!(aside("до 15 марта").deadline_without_year);
    assert!(aside("до конца года").deadline_without_year);
    assert!(!aside("до 15.03.2019").deadline_without_year);
    assert!(!aside("до конца 2019 года").deadline_without_year);
    assert_eq!(aside("апрель"), Aside::default());
}

#[test]
fn a_readable_start_is_read_and_the_rest_kept_as_unread() {
    let start = Context { year: 2019, today: date("2019-01-01") };
    let table = [
        ("в течение года по заявлениям ветеранов", E::Whole, "по заявлениям ветеранов"),
        (
            "ежеквартально, до 10 числа месяца, следующего за отчётным",
            E::At(1, 3),
            "до 10 числа месяца, следующего за отчётным",
        ),
        ("ежемесячно, кроме июля", E::At(1, 1), "кроме июля"),
        ("апрель октябрь", APRIL, "октябрь"),
        ("1–15 апреля и далее по необходимости", APRIL_1_15, "и далее по необходимости"),
    ];
    for (text, expected, unread) in table {
        let reading = read(text, &start, Source::File).unwrap_or_else(|e| panic!("{text:?}: {e:?}"));
        assert_eq!(reading.schedule, expected.schedule(), "{text:?}");
        assert_eq!(reading.aside.unread.map(|s| &text[s]), Some(unread), "{text:?}");
        // `parse` reads all or nothing: the unread words are an error there.
        assert_eq!(error(text, Source::File).kind, WhenErrorKind::Unknown, "{text:?}");
    }
    // Nothing readable, or a typo that has a fix: still an error.
    for text in ["в дни школьных каникул", "апрель, октбярь"] {
        assert!(read(text, &start, Source::File).is_err(), "{text:?}");
    }
}

#[test]
fn days_past_the_month_s_end_say_how_many_days_it_has() {
    let table = [
        ("31.04.2019", 2019, 4, 30),
        ("29.02.2019", 2019, 2, 28),
        ("30.02.2020", 2020, 2, 29),
        ("2019-06-31", 2019, 6, 30),
        ("31 апреля", 2019, 4, 30),
        ("32 апреля 2019 г.", 2019, 4, 30),
        ("0 апреля", 2019, 4, 30),
        ("31 ноября", 2019, 11, 30),
    ];
    for (text, year, month, days) in table {
        assert_eq!(error(text, Source::File).kind, WhenErrorKind::NoSuchDay { year, month, days }, "{text:?}");
        let refused = parse_day(text, date("2019-05-15")).unwrap_err();
        assert_eq!(refused.short_month, Some((year, month, days)), "{text:?}");
        assert!(refused.no_such_day);
    }
}

#[test]
fn years_past_9999_and_numbers_past_any_count_are_named_as_such() {
    for text in ["апрель 300000", "20199-4", "44444", "0000-04-01", "Q1 2147483648", "01.01.10000", "2.44444"] {
        assert_eq!(error(text, Source::File).kind, WhenErrorKind::YearOutOfRange, "{text:?}");
    }
    assert!(parse_day("01.01.10000", date("2019-05-15")).unwrap_err().year_out_of_range);
    for (text, number) in [
        ("не реже 4294967296 раз в 1 месяц", "4294967296"),
        ("не реже 99999999999 раз в год", "99999999999"),
        ("раз в 4294967295 лет", "4294967295"),
    ] {
        let e = error(text, Source::File);
        assert_eq!(e.kind, WhenErrorKind::TooLarge, "{text:?}");
        assert_eq!(e.span, span_of(text, number), "{text:?}");
    }
}

#[test]
fn a_day_is_read_in_words_and_relative_to_today_wherever_a_date_is_typed() {
    let today = date("2019-05-15");
    let table = [
        ("28 мая 2019", "2019-05-28"),
        ("28 мая 2019 г.", "2019-05-28"),
        ("28 мая 2019 года", "2019-05-28"),
        ("28 мая", "2019-05-28"),
        ("9 мая", "2019-05-09"),
        ("28.05", "2019-05-28"),
        ("May 28, 2020", "2020-05-28"),
        ("сегодня", "2019-05-15"),
        ("Сегодня", "2019-05-15"),
        ("вчера", "2019-05-14"),
        ("завтра", "2019-05-16"),
        ("today", "2019-05-15"),
        ("yesterday", "2019-05-14"),
        ("tomorrow", "2019-05-16"),
        ("15.06.19", "2019-06-15"),
        ("2019-06-15", "2019-06-15"),
    ];
    for (text, expected) in table {
        assert_eq!(parse_day(text, today), Ok(date(expected)), "{text:?}");
    }
    for text in ["май", "I квартал", "до 15 марта", "12.04.2018 в 14.00", "апрель (по плану)", "next month", ""]
    {
        let refused = parse_day(text, today).unwrap_err();
        assert!(!refused.no_such_day, "{text:?}");
    }
}

#[test]
fn a_deadline_before_the_plan_s_start_is_said_to_be_so() {
    let start = Context { year: 2019, today: date("2019-07-01") };
    let e = parse("до 15 марта", &start, Source::File).unwrap_err();
    assert_eq!(e.kind, WhenErrorKind::DeadlineBeforeStart { start: date("2019-07-01"), deadline: date("2019-03-15") });
}

#[test]
fn decades_past_the_third_do_not_exist() {
    for text in ["4-я декада мая", "четвертая декада мая"] {
        assert_eq!(error(text, Source::File).kind, WhenErrorKind::InvalidDate, "{text:?}");
    }
}

#[test]
fn control_characters_are_never_read_as_unread_words() {
    let start = Context { year: 2019, today: date("2019-01-01") };
    let e = read("апрель\u{1b}[2J", &start, Source::File).unwrap_err();
    assert_eq!(e.kind, WhenErrorKind::Unknown);
}

#[test]
fn what_mutations_left_standing_is_pinned() {
    let start = Context { year: 2019, today: date("2019-01-01") };
    // `до конца` takes a month, a quarter, a half, a decade or the year, never a day.
    assert!(parse("до конца 15 марта", &start, Source::File).is_err());
    // A time of day runs to 23:59: `24:00` is no time, so the text does not read.
    assert!(parse("28 мая 24:00", &start, Source::File).is_err());
    assert_eq!(parse("28 мая 23:59", &start, Source::File), Ok(window(&[("2019-05-28", "2019-05-28")])));
    // A line break after a comma adds no second separator.
    let three = window(&[("2019-04-01", "2019-04-30"), ("2019-05-01", "2019-05-31"), ("2019-06-01", "2019-06-30")]);
    assert_eq!(parse("апрель,\nмай\nиюнь", &start, Source::File), Ok(three));
    // Nine digits are a number the grammar takes; the word after it is what is not understood.
    let text = "не реже 100000000 раз в блах";
    let e = error(text, Source::File);
    assert_eq!((e.kind, e.span), (WhenErrorKind::Unknown, span_of(text, "блах")));
}

/// Brackets that do not pair up are no remark: a stray closing one is not read at all, and an
/// opening one that is never closed leaves its words unread (`when-partly-read`), the month
/// still read; two remarks make one span from the first opening to the last closing bracket.
#[test]
fn brackets_that_do_not_pair_up_are_no_remark() {
    let start = Context { year: 2019, today: date("2019-01-01") };
    assert!(read("апрель)", &start, Source::File).is_err());
    assert!(read("(апрель", &start, Source::File).is_err());
    assert!(read("апрель) (по согласованию)", &start, Source::File).is_err());
    let text = "апрель (по согласованию";
    let reading = read(text, &start, Source::File).unwrap();
    assert_eq!(reading.schedule, window(&[("2019-04-01", "2019-04-30")]));
    assert_eq!(reading.aside.remark, None);
    assert_eq!(reading.aside.unread.map(|s| &text[s]), Some("по согласованию"));
    let text = "апрель (в школах) (по согласованию)";
    let reading = read(text, &start, Source::File).unwrap();
    assert_eq!(reading.schedule, window(&[("2019-04-01", "2019-04-30")]));
    assert_eq!(reading.aside.remark.map(|s| &text[s]), Some("в школах) (по согласованию"));
    let text = "май ((после выборов))";
    assert_eq!(read(text, &start, Source::File).unwrap().aside.remark.map(|s| &text[s]), Some("(после выборов)"));
}

/// A date with a month past December is "no such day" (not an unknown form), as February 30 is.
#[test]
fn a_thirteenth_month_is_no_such_day() {
    for text in ["31.13.2019", "2019-13-01", "00.00.2019"] {
        let refused = parse_day(text, date("2019-05-15")).unwrap_err();
        assert!(refused.no_such_day && refused.short_month.is_none() && !refused.year_out_of_range, "{text}");
    }
    let refused = parse_day("15 мартобря 2019", date("2019-05-15")).unwrap_err();
    assert!(!refused.no_such_day, "an unknown word is not a day that does not exist");
}
