//! The whole vocabulary of the time grammar: every word and phrase the parser matches, and the
//! set near-miss suggestions are drawn from. Phrases are words separated by single spaces; `-`
//! stands for any hyphen or dash. Every phrase starts with a word.

use std::collections::HashSet;
use std::sync::LazyLock;

use super::Unit;

/// The unit a relative form (`next month`) counts in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum RelUnit {
    Day,
    Month,
    Quarter,
    Year,
}

pub(super) const MONTHS: &[(&str, u32)] = &[
    ("январь", 1),
    ("января", 1),
    ("январю", 1),
    ("январем", 1),
    ("январе", 1),
    ("янв", 1),
    ("january", 1),
    ("jan", 1),
    ("февраль", 2),
    ("февраля", 2),
    ("февралю", 2),
    ("февралем", 2),
    ("феврале", 2),
    ("фев", 2),
    ("февр", 2),
    ("february", 2),
    ("feb", 2),
    ("март", 3),
    ("марта", 3),
    ("марту", 3),
    ("мартом", 3),
    ("марте", 3),
    ("мар", 3),
    ("march", 3),
    ("mar", 3),
    ("апрель", 4),
    ("апреля", 4),
    ("апрелю", 4),
    ("апрелем", 4),
    ("апреле", 4),
    ("апр", 4),
    ("april", 4),
    ("apr", 4),
    ("май", 5),
    ("мая", 5),
    ("маю", 5),
    ("маем", 5),
    ("мае", 5),
    ("may", 5),
    ("июнь", 6),
    ("июня", 6),
    ("июню", 6),
    ("июнем", 6),
    ("июне", 6),
    ("июн", 6),
    ("june", 6),
    ("jun", 6),
    ("июль", 7),
    ("июля", 7),
    ("июлю", 7),
    ("июлем", 7),
    ("июле", 7),
    ("июл", 7),
    ("july", 7),
    ("jul", 7),
    ("август", 8),
    ("августа", 8),
    ("августу", 8),
    ("августом", 8),
    ("августе", 8),
    ("авг", 8),
    ("august", 8),
    ("aug", 8),
    ("сентябрь", 9),
    ("сентября", 9),
    ("сентябрю", 9),
    ("сентябрем", 9),
    ("сентябре", 9),
    ("сен", 9),
    ("сент", 9),
    ("september", 9),
    ("sep", 9),
    ("sept", 9),
    ("октябрь", 10),
    ("октября", 10),
    ("октябрю", 10),
    ("октябрем", 10),
    ("октябре", 10),
    ("окт", 10),
    ("october", 10),
    ("oct", 10),
    ("ноябрь", 11),
    ("ноября", 11),
    ("ноябрю", 11),
    ("ноябрем", 11),
    ("ноябре", 11),
    ("ноя", 11),
    ("нояб", 11),
    ("november", 11),
    ("nov", 11),
    ("декабрь", 12),
    ("декабря", 12),
    ("декабрю", 12),
    ("декабрем", 12),
    ("декабре", 12),
    ("дек", 12),
    ("december", 12),
    ("dec", 12),
];

/// Ordinals that number a quarter or a half-year.
pub(super) const ORDINALS: &[(&str, u32)] = &[
    ("i", 1),
    ("ii", 2),
    ("iii", 3),
    ("iv", 4),
    ("first", 1),
    ("second", 2),
    ("third", 3),
    ("fourth", 4),
    ("первый", 1),
    ("первое", 1),
    ("первого", 1),
    ("первому", 1),
    ("первым", 1),
    ("первом", 1),
    ("первая", 1),
    ("первой", 1),
    ("первую", 1),
    ("второй", 2),
    ("второе", 2),
    ("второго", 2),
    ("второму", 2),
    ("вторым", 2),
    ("втором", 2),
    ("вторая", 2),
    ("вторую", 2),
    ("третий", 3),
    ("третье", 3),
    ("третьего", 3),
    ("третьему", 3),
    ("третьим", 3),
    ("третьем", 3),
    ("третья", 3),
    ("третьей", 3),
    ("третью", 3),
    ("четвертый", 4),
    ("четвертое", 4),
    ("четвертого", 4),
    ("четвертому", 4),
    ("четвертым", 4),
    ("четвертом", 4),
    ("четвертая", 4),
    ("четвертой", 4),
    ("четвертую", 4),
];

/// Endings written after a numeral: `1-го`, `1-й`, `2-е`, `1st`.
pub(super) const ORD_SUFFIXES: &[&str] =
    &["й", "ый", "ий", "ой", "е", "ое", "ье", "го", "ого", "его", "м", "ом", "ем", "я", "ая", "st", "nd", "rd", "th"];

pub(super) const QUARTER_WORDS: &[&str] = &[
    "квартал",
    "квартала",
    "кварталу",
    "кварталом",
    "квартале",
    "кварталы",
    "кварталов",
    "кварталах",
    "кв",
    "quarter",
    "quarters",
    "qtr",
];

pub(super) const HALF_WORDS: &[&str] = &[
    "полугодие",
    "полугодия",
    "полугодию",
    "полугодием",
    "полугодии",
    "полугодье",
    "полугодья",
    "half",
    "half year",
    "half - year",
    "halfyear",
    "halves",
];

/// Words after a year number: `2019 года`, `2019 г.`, `2019 – 2020 гг.`, `2019–2021 годы`.
pub(super) const YEAR_WORDS: &[&str] = &["год", "года", "году", "годы", "годов", "годах", "гг", "г", "year", "years"];

/// Tails that name the year without a number: `first half of the year`.
pub(super) const YEAR_TAILS: &[&str] = &["of the year", "of year"];

/// Words that may stand before a window without changing it.
pub(super) const PREFIXES: &[&str] = &[
    "в",
    "во",
    "в течение",
    "в период",
    "на протяжении",
    "in",
    "in the",
    "during",
    "during the",
    "on",
    "within",
    "within the",
    "throughout",
    "throughout the",
    "for",
    "for the",
    "the",
];

/// Words that open a range: `с июня по сентябрь`, `from june to september`.
pub(super) const RANGE_OPENERS: &[&str] = &["с", "со", "from", "between", "между"];

/// Words between the ends of a range, besides hyphens, dashes and `..`.
pub(super) const RANGE_WORDS: &[&str] = &["по", "до", "to", "till", "until", "through", "thru"];

/// Range words after `between`/`между`.
pub(super) const BETWEEN_WORDS: &[&str] = &["and", "и"];

pub(super) const WHOLE_PERIOD: &[&str] = &[
    "весь период",
    "весь год",
    "весь срок",
    "в течение года",
    "в течение всего года",
    "в течение периода",
    "в течение всего периода",
    "в течение всего срока",
    "на протяжении года",
    "на протяжении всего года",
    "на протяжении всего периода",
    "круглый год",
    "постоянно",
    "whole period",
    "the whole period",
    "entire period",
    "the entire period",
    "all period",
    "all year",
    "all year round",
    "all the year",
    "whole year",
    "the whole year",
    "throughout the year",
    "throughout the period",
    "ongoing",
    "continuously",
];

pub(super) const AS_NEEDED: &[&str] = &[
    "по мере необходимости",
    "по мере поступления",
    "по отдельному плану",
    "по отдельному графику",
    "по отдельному расписанию",
    "по плану",
    "по графику",
    "по расписанию",
    "согласно плану",
    "согласно графику",
    "в установленные сроки",
    "в установленный срок",
    "by a separate schedule",
    "on a separate schedule",
    "by a separate plan",
    "as scheduled",
    "on schedule",
    "when received",
    "по мере надобности",
    "при необходимости",
    "по необходимости",
    "as needed",
    "as required",
    "as necessary",
    "when needed",
    "when necessary",
    "if needed",
    "if necessary",
];

/// Words that join "as needed" and a rule: `по мере необходимости, но не реже ...`.
pub(super) const JOINERS: &[&str] = &["но", "а", "и", "однако", "или", "but", "and", "however", "or", "yet"];

pub(super) const AT_LEAST: &[&str] = &[
    "не реже",
    "не менее",
    "как минимум",
    "минимум",
    "at least",
    "not less than",
    "no less than",
    "not less often than",
    "no less often than",
    "minimum",
];

/// Words allowed after `не реже,`: `не реже, чем раз в квартал`.
pub(super) const THAN: &[&str] = &["чем", "than"];

/// Rules said in one word: the period and what it is counted in.
pub(super) const ADVERBS: &[(&str, (u32, Unit))] = &[
    ("еженедельно", (1, Unit::Week)),
    ("ежемесячно", (1, Unit::Month)),
    ("ежеквартально", (3, Unit::Month)),
    ("ежеполугодно", (6, Unit::Month)),
    ("ежегодно", (12, Unit::Month)),
    ("weekly", (1, Unit::Week)),
    ("monthly", (1, Unit::Month)),
    ("quarterly", (3, Unit::Month)),
    ("semiannually", (6, Unit::Month)),
    ("semi annually", (6, Unit::Month)),
    ("semi - annually", (6, Unit::Month)),
    ("halfyearly", (6, Unit::Month)),
    ("half yearly", (6, Unit::Month)),
    ("half - yearly", (6, Unit::Month)),
    ("yearly", (12, Unit::Month)),
    ("annually", (12, Unit::Month)),
];

/// Words that make a rule of a bare period: `every 6 months`, `каждый квартал`.
pub(super) const EVERY: &[&str] = &["every", "each", "каждые", "каждый", "каждое", "каждую", "каждая"];

/// Ten days of a month: `первая декада января`.
pub(super) const DECADE_WORDS: &[&str] = &["декада", "декады", "декаде", "декаду", "декадой"];

/// Words that open a deadline: `до 15 марта`, `к 9 мая`, `не позднее 1 апреля`.
pub(super) const DEADLINE: &[&str] = &[
    "до",
    "к",
    "ко",
    "не позднее",
    "не позже",
    "в срок до",
    "в срок не позднее",
    "by",
    "no later than",
    "not later than",
];

/// `конца` in `до конца марта`: the deadline is the last day of what follows.
pub(super) const END_OF: &[&str] = &["конца", "концу", "окончания", "the end of", "end of"];

/// Words before a time of day after a date: `12.04.2018 в 14.00`.
pub(super) const AT_TIME: &[&str] = &["в", "во", "at", "с"];

/// Words after a time of day: `14.00 ч.`.
pub(super) const HOURS: &[&str] = &["ч", "час", "часов", "h"];

/// Words between a count and its period: `раз в год`, `once a quarter`.
pub(super) const PER: &[&str] = &["в", "во", "за", "every", "each", "per", "a", "an", "in", "in a", "in an"];

/// Counts that include their `times`.
pub(super) const ONCE_WORDS: &[(&str, u32)] =
    &[("однажды", 1), ("once", 1), ("дважды", 2), ("twice", 2), ("трижды", 3), ("thrice", 3)];

/// `раз`/`times` after a count.
pub(super) const TIMES: &[&str] = &["раз", "раза", "time", "times"];

/// `раз` alone means once: `не реже раза в квартал`.
pub(super) const TIMES_ALONE: &[&str] = &["раз", "раза"];

/// Number words, in the cases a count or a period takes.
pub(super) const NUMBER_WORDS: &[(&str, u32)] = &[
    ("ноль", 0),
    ("нуля", 0),
    ("zero", 0),
    ("один", 1),
    ("одного", 1),
    ("одному", 1),
    ("одним", 1),
    ("одна", 1),
    ("одной", 1),
    ("одну", 1),
    ("one", 1),
    ("два", 2),
    ("две", 2),
    ("двух", 2),
    ("двум", 2),
    ("двумя", 2),
    ("two", 2),
    ("три", 3),
    ("трех", 3),
    ("трем", 3),
    ("тремя", 3),
    ("three", 3),
    ("четыре", 4),
    ("четырех", 4),
    ("четырем", 4),
    ("four", 4),
    ("пять", 5),
    ("пяти", 5),
    ("five", 5),
    ("шесть", 6),
    ("шести", 6),
    ("six", 6),
    ("семь", 7),
    ("семи", 7),
    ("seven", 7),
    ("восемь", 8),
    ("восьми", 8),
    ("eight", 8),
    ("девять", 9),
    ("девяти", 9),
    ("nine", 9),
    ("десять", 10),
    ("десяти", 10),
    ("ten", 10),
    ("одиннадцать", 11),
    ("одиннадцати", 11),
    ("eleven", 11),
    ("двенадцать", 12),
    ("двенадцати", 12),
    ("twelve", 12),
];

/// Periods of a rule: how many of which unit.
pub(super) const UNITS: &[(&str, (u32, Unit))] = &[
    ("месяц", (1, Unit::Month)),
    ("месяца", (1, Unit::Month)),
    ("месяцев", (1, Unit::Month)),
    ("мес", (1, Unit::Month)),
    ("month", (1, Unit::Month)),
    ("months", (1, Unit::Month)),
    ("квартал", (3, Unit::Month)),
    ("квартала", (3, Unit::Month)),
    ("кварталов", (3, Unit::Month)),
    ("quarter", (3, Unit::Month)),
    ("quarters", (3, Unit::Month)),
    ("полугодие", (6, Unit::Month)),
    ("полугодия", (6, Unit::Month)),
    ("полугодий", (6, Unit::Month)),
    ("полгода", (6, Unit::Month)),
    ("пол года", (6, Unit::Month)),
    ("half year", (6, Unit::Month)),
    ("half - year", (6, Unit::Month)),
    ("half a year", (6, Unit::Month)),
    ("halfyear", (6, Unit::Month)),
    ("год", (12, Unit::Month)),
    ("года", (12, Unit::Month)),
    ("лет", (12, Unit::Month)),
    ("year", (12, Unit::Month)),
    ("years", (12, Unit::Month)),
    ("неделя", (1, Unit::Week)),
    ("неделю", (1, Unit::Week)),
    ("недели", (1, Unit::Week)),
    ("недель", (1, Unit::Week)),
    ("week", (1, Unit::Week)),
    ("weeks", (1, Unit::Week)),
];

/// Relative days, counted from today.
pub(super) const REL_DAYS: &[(&str, i32)] =
    &[("сегодня", 0), ("today", 0), ("завтра", 1), ("tomorrow", 1), ("вчера", -1), ("yesterday", -1)];

/// `this`/`next`/`last` before a relative unit.
pub(super) const REL_MODS: &[(&str, i32)] = &[
    ("этот", 0),
    ("этом", 0),
    ("текущий", 0),
    ("текущем", 0),
    ("this", 0),
    ("current", 0),
    ("следующий", 1),
    ("следующем", 1),
    ("next", 1),
    ("прошлый", -1),
    ("прошлом", -1),
    ("предыдущий", -1),
    ("предыдущем", -1),
    ("last", -1),
    ("previous", -1),
];

pub(super) const REL_UNITS: &[(&str, RelUnit)] = &[
    ("месяц", RelUnit::Month),
    ("месяце", RelUnit::Month),
    ("month", RelUnit::Month),
    ("квартал", RelUnit::Quarter),
    ("квартале", RelUnit::Quarter),
    ("quarter", RelUnit::Quarter),
    ("год", RelUnit::Year),
    ("году", RelUnit::Year),
    ("year", RelUnit::Year),
];

/// Words the parser matches literally rather than through a table.
pub(super) const LITERALS: &[&str] = &["q", "h", "of", "year"];

/// Every word the grammar knows, in table order (so the nominative of a
/// month, listed first, wins a tie between equally near suggestions).
pub(super) struct Vocabulary {
    pub(super) words: Vec<&'static str>,
    pub(super) lens: Vec<usize>,
    pub(super) known: HashSet<&'static str>,
}

pub(super) static VOCABULARY: LazyLock<Vocabulary> = LazyLock::new(|| {
    fn words_of(phrase: &'static str) -> impl Iterator<Item = &'static str> {
        phrase.split(' ').filter(|w| w.chars().all(char::is_alphabetic))
    }
    let mut phrases: Vec<&'static str> = Vec::new();
    phrases.extend(MONTHS.iter().map(|e| e.0));
    phrases.extend(ORDINALS.iter().map(|e| e.0));
    for table in [
        ORD_SUFFIXES,
        QUARTER_WORDS,
        HALF_WORDS,
        YEAR_WORDS,
        YEAR_TAILS,
        PREFIXES,
        RANGE_OPENERS,
        RANGE_WORDS,
        BETWEEN_WORDS,
        WHOLE_PERIOD,
        AS_NEEDED,
        JOINERS,
        AT_LEAST,
        THAN,
        EVERY,
        PER,
        TIMES,
        TIMES_ALONE,
        LITERALS,
        DECADE_WORDS,
        DEADLINE,
        END_OF,
        AT_TIME,
        HOURS,
    ] {
        phrases.extend_from_slice(table);
    }
    for table in [ONCE_WORDS, NUMBER_WORDS] {
        phrases.extend(table.iter().map(|e| e.0));
    }
    for table in [ADVERBS, UNITS] {
        phrases.extend(table.iter().map(|e| e.0));
    }
    phrases.extend(REL_DAYS.iter().map(|e| e.0));
    phrases.extend(REL_MODS.iter().map(|e| e.0));
    phrases.extend(REL_UNITS.iter().map(|e| e.0));

    let mut known = HashSet::new();
    let mut words = Vec::new();
    for word in phrases.into_iter().flat_map(words_of) {
        if known.insert(word) {
            words.push(word);
        }
    }
    let lens = words.iter().map(|w| w.chars().count()).collect();
    Vocabulary { words, lens, known }
});
