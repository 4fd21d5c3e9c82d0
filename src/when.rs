//! The time grammar: what a plan's `when` and the command line's `--period` mean.
//!
//! One grammar serves both (spec section 2), so a month, a quarter or a date
//! range reads the same in the file and on the command line; only recurrence
//! (file only) and relative forms (command line only) depend on the
//! [`Source`].
//!
//! The text is lexed once into tokens that keep their byte spans, so errors
//! point into the text as written. Words are lower-cased and `ё` is folded to
//! `е`, so every table below holds one spelling per form. Those tables are
//! the whole vocabulary: the parser matches against them and near-miss
//! suggestions are drawn from them, so a word the parser accepts is always a
//! word it can suggest.

use std::collections::HashSet;
use std::fmt;
use std::ops::Range;
use std::sync::LazyLock;

use chrono::{Datelike, Days, NaiveDate};

/// Inclusive date range.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct DateRange {
    /// First day of the range.
    pub from: NaiveDate,
    /// Last day of the range, included.
    pub to: NaiveDate,
}

impl DateRange {
    /// Whether the two ranges share at least one day.
    #[must_use]
    pub fn overlaps(&self, other: &DateRange) -> bool {
        self.from <= other.to && other.from <= self.to
    }

    /// Whether `d` lies in the range, both ends included.
    #[must_use]
    pub fn contains(&self, d: NaiveDate) -> bool {
        self.from <= d && d <= self.to
    }
}

/// "At least `times` in every `months` months", the charter's wording of a
/// meeting-frequency rule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Recurrence {
    /// Least number of occurrences per period; at least 1.
    pub times: u32,
    /// Length of the period in calendar months; at least 1.
    pub months: u32,
    /// The text also said "as needed": the rule is a floor, not a timetable.
    pub as_needed: bool,
}

/// What a time expression means.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Schedule {
    /// Dated windows in the order written; never empty when produced by [`parse`].
    Window(Vec<DateRange>),
    /// The whole plan period.
    WholePeriod,
    /// A recurring rule.
    AtLeast(Recurrence),
    /// Whenever needed, with no rule.
    AsNeeded,
}

impl Schedule {
    /// Whole-period, recurring and as-needed activities are "ongoing": they
    /// overlap every period inside the plan.
    #[must_use]
    pub fn is_ongoing(&self) -> bool {
        !matches!(self, Schedule::Window(_))
    }

    /// The `schedule.kind` JSON tag: `window`, `whole-period`, `at-least` or `as-needed`.
    #[must_use]
    pub fn kind(&self) -> &'static str {
        match self {
            Schedule::Window(_) => "window",
            Schedule::WholePeriod => "whole-period",
            Schedule::AtLeast(_) => "at-least",
            Schedule::AsNeeded => "as-needed",
        }
    }
}

/// Where the text comes from: recurrence forms are allowed only in the file,
/// relative forms only on the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    /// A `when` in the plan file.
    File,
    /// A `--period` argument.
    CommandLine,
}

/// What a month name, a quarter or a relative form resolves against.
#[derive(Debug, Clone, Copy)]
pub struct Context {
    /// The plan's year: `апрель` means April of this year.
    pub year: i32,
    /// The as-of date that `today`, `next month` and the like count from.
    pub today: NaiveDate,
}

/// Why a time expression was rejected. Data only: the i18n module words it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WhenError {
    /// What went wrong.
    pub kind: WhenErrorKind,
    /// Byte range within `text` of the offending part (the whole trimmed
    /// text when no smaller part is to blame).
    pub span: Range<usize>,
    /// A corrected whole expression that parses, for a near miss.
    pub suggestion: Option<String>,
}

impl WhenError {
    fn new(kind: WhenErrorKind, span: Range<usize>) -> Self {
        WhenError { kind, span, suggestion: None }
    }
}

/// The kinds of [`WhenError`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WhenErrorKind {
    /// The text is empty or only white space.
    Empty,
    /// Nothing in the grammar matches.
    Unknown,
    /// A date that does not exist: `2019-02-30`, `31.04.2019`, month 13,
    /// quarter 5, or a year outside the calendar's range.
    InvalidDate,
    /// A range that runs backwards (`сентябрь – июнь`).
    Reversed {
        /// Start of the range as written.
        from: NaiveDate,
        /// End of the range as written, before `from`.
        to: NaiveDate,
    },
    /// A recurrence (or "as needed") given on the command line.
    RecurrenceOnlyInFile,
    /// A relative form (`next month`) in the file, where it would change meaning over time.
    RelativeOnlyOnCommandLine,
    /// A recurrence with zero times or zero months.
    ZeroCount,
}

/// Parses a time expression.
///
/// Never panics and takes time linear in the length of `text`.
///
/// # Errors
///
/// A [`WhenError`] saying what is wrong and where; an unknown expression that
/// is one or two typos away from a valid one carries the corrected text.
pub fn parse(text: &str, ctx: &Context, source: Source) -> Result<Schedule, WhenError> {
    parse_inner(text, *ctx, source, true)
}

fn parse_inner(text: &str, ctx: Context, source: Source, suggest: bool) -> Result<Schedule, WhenError> {
    let lexed = lex(text);
    if lexed.toks.is_empty() {
        return Err(WhenError::new(WhenErrorKind::Empty, 0..text.len()));
    }
    let parser = Parser { norm: &lexed.norm, toks: &lexed.toks, ctx, source };
    match parser.schedule() {
        Ok(schedule) => Ok(schedule),
        Err(Fail::Error(e)) => Err(e),
        Err(Fail::Unknown(span)) => {
            let span = first_not_understood(&lexed).unwrap_or(span);
            let mut e = WhenError::new(WhenErrorKind::Unknown, span);
            if suggest {
                e.suggestion = suggest_fix(text, &lexed, ctx, source);
            }
            Err(e)
        }
    }
}

// ---------------------------------------------------------------------------
// Display: the canonical English form, which parses back to an equal value.

impl fmt::Display for DateRange {
    /// `2019-04-01..2019-04-30`, or `2019-04-21` for a single day.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.from == self.to { write!(f, "{}", self.from) } else { write!(f, "{}..{}", self.from, self.to) }
    }
}

impl fmt::Display for Recurrence {
    /// `at least once every 6 months`, `as needed, at least 2 times every 12 months`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.as_needed {
            f.write_str("as needed, ")?;
        }
        f.write_str("at least ")?;
        if self.times == 1 {
            f.write_str("once")?;
        } else {
            write!(f, "{} times", self.times)?;
        }
        if self.months == 1 { f.write_str(" every month") } else { write!(f, " every {} months", self.months) }
    }
}

impl fmt::Display for Schedule {
    /// Windows joined by `, `, `whole period`, the recurrence, or `as needed`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Schedule::Window(ranges) => {
                for (i, range) in ranges.iter().enumerate() {
                    if i > 0 {
                        f.write_str(", ")?;
                    }
                    write!(f, "{range}")?;
                }
                Ok(())
            }
            Schedule::WholePeriod => f.write_str("whole period"),
            Schedule::AtLeast(rule) => write!(f, "{rule}"),
            Schedule::AsNeeded => f.write_str("as needed"),
        }
    }
}

// ---------------------------------------------------------------------------
// Vocabulary. Phrases are words separated by single spaces; `-` stands for
// any hyphen or dash. Every phrase starts with a word.

const MONTHS: &[(&str, u32)] = &[
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
const ORDINALS: &[(&str, u32)] = &[
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
const ORD_SUFFIXES: &[&str] =
    &["й", "ый", "ий", "ой", "е", "ое", "ье", "го", "ого", "его", "м", "ом", "ем", "я", "ая", "st", "nd", "rd", "th"];

const QUARTER_WORDS: &[&str] = &[
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

const HALF_WORDS: &[&str] = &[
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

/// Words after a year number: `2019 года`, `2019 г.`.
const YEAR_WORDS: &[&str] = &["год", "года", "году", "г", "year"];

/// Tails that name the year without a number: `first half of the year`.
const YEAR_TAILS: &[&str] = &["of the year", "of year"];

/// Words that may stand before a window without changing it.
const PREFIXES: &[&str] = &[
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
const RANGE_OPENERS: &[&str] = &["с", "со", "from", "between", "между"];

/// Words between the ends of a range, besides hyphens, dashes and `..`.
const RANGE_WORDS: &[&str] = &["по", "до", "to", "till", "until", "through", "thru"];

/// Range words after `between`/`между`.
const BETWEEN_WORDS: &[&str] = &["and", "и"];

const WHOLE_PERIOD: &[&str] = &[
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

const AS_NEEDED: &[&str] = &[
    "по мере необходимости",
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
const JOINERS: &[&str] = &["но", "а", "и", "однако", "или", "but", "and", "however", "or", "yet"];

const AT_LEAST: &[&str] = &[
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
const THAN: &[&str] = &["чем", "than"];

/// Rules said in one word.
const ADVERBS: &[(&str, u32)] = &[
    ("ежемесячно", 1),
    ("ежеквартально", 3),
    ("ежеполугодно", 6),
    ("ежегодно", 12),
    ("monthly", 1),
    ("quarterly", 3),
    ("semiannually", 6),
    ("semi annually", 6),
    ("semi - annually", 6),
    ("halfyearly", 6),
    ("half yearly", 6),
    ("half - yearly", 6),
    ("yearly", 12),
    ("annually", 12),
];

/// Words that make a rule of a bare period: `every 6 months`, `каждый квартал`.
const EVERY: &[&str] = &["every", "each", "каждые", "каждый", "каждое", "каждую"];

/// Words between a count and its period: `раз в год`, `once a quarter`.
const PER: &[&str] = &["в", "во", "за", "every", "each", "per", "a", "an", "in", "in a", "in an"];

/// Counts that include their `times`.
const ONCE_WORDS: &[(&str, u32)] =
    &[("однажды", 1), ("once", 1), ("дважды", 2), ("twice", 2), ("трижды", 3), ("thrice", 3)];

/// `раз`/`times` after a count.
const TIMES: &[&str] = &["раз", "раза", "time", "times"];

/// `раз` alone means once: `не реже раза в квартал`.
const TIMES_ALONE: &[&str] = &["раз", "раза"];

/// Number words, in the cases a count or a period takes.
const NUMBER_WORDS: &[(&str, u32)] = &[
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

/// Periods of a rule, in months.
const UNITS: &[(&str, u32)] = &[
    ("месяц", 1),
    ("месяца", 1),
    ("месяцев", 1),
    ("мес", 1),
    ("month", 1),
    ("months", 1),
    ("квартал", 3),
    ("квартала", 3),
    ("кварталов", 3),
    ("quarter", 3),
    ("quarters", 3),
    ("полугодие", 6),
    ("полугодия", 6),
    ("полугодий", 6),
    ("полгода", 6),
    ("пол года", 6),
    ("half year", 6),
    ("half - year", 6),
    ("half a year", 6),
    ("halfyear", 6),
    ("год", 12),
    ("года", 12),
    ("лет", 12),
    ("year", 12),
    ("years", 12),
];

/// Relative days, counted from today.
const REL_DAYS: &[(&str, i32)] =
    &[("сегодня", 0), ("today", 0), ("завтра", 1), ("tomorrow", 1), ("вчера", -1), ("yesterday", -1)];

/// `this`/`next`/`last` before a relative unit.
const REL_MODS: &[(&str, i32)] = &[
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

const REL_UNITS: &[(&str, RelUnit)] = &[
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
const LITERALS: &[&str] = &["q", "h", "of", "year"];

/// Every word the grammar knows, in table order (so the nominative of a
/// month, listed first, wins a tie between equally near suggestions).
struct Vocabulary {
    words: Vec<&'static str>,
    lens: Vec<usize>,
    known: HashSet<&'static str>,
}

static VOCABULARY: LazyLock<Vocabulary> = LazyLock::new(|| {
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
    ] {
        phrases.extend_from_slice(table);
    }
    for table in [ADVERBS, ONCE_WORDS, NUMBER_WORDS, UNITS] {
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

// ---------------------------------------------------------------------------
// Lexer.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Word,
    /// ASCII digits only: other scripts' digits are not numbers here.
    Num,
    /// `-` and the Unicode hyphens: a range, or part of `2019-04-21`/`1-го`.
    Hyphen,
    /// En dash, em dash, figure dash, minus: always a range.
    Dash,
    /// `..` (or more dots, or `…`): always a range.
    DotDot,
    Dot,
    Comma,
    Semi,
    Other,
}

#[derive(Debug, Clone, Copy)]
struct Tok {
    kind: Kind,
    /// Byte span in the original text.
    start: usize,
    end: usize,
    /// Byte span of the normalized spelling in [`Lexed::norm`].
    n0: usize,
    n1: usize,
}

struct Lexed {
    norm: String,
    toks: Vec<Tok>,
}

fn lex(text: &str) -> Lexed {
    let mut norm = String::with_capacity(text.len());
    let mut toks = Vec::new();
    let mut chars = text.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        if c.is_whitespace() {
            continue;
        }
        let n0 = norm.len();
        let kind = if c.is_ascii_digit() {
            norm.push(c);
            while let Some(&(_, d)) = chars.peek() {
                if !d.is_ascii_digit() {
                    break;
                }
                norm.push(d);
                chars.next();
            }
            Kind::Num
        } else if c.is_alphabetic() {
            push_letter(&mut norm, n0, c);
            while let Some(&(_, d)) = chars.peek() {
                if !(d.is_alphabetic() || is_combining(d)) {
                    break;
                }
                push_letter(&mut norm, n0, d);
                chars.next();
            }
            Kind::Word
        } else {
            match c {
                '-' | '\u{2010}' | '\u{2011}' => Kind::Hyphen,
                '\u{2012}'..='\u{2015}' | '\u{2212}' | '\u{FE58}' | '\u{FE63}' | '\u{FF0D}' => Kind::Dash,
                '.' => {
                    let mut dots = 1;
                    while chars.next_if(|&(_, d)| d == '.').is_some() {
                        dots += 1;
                    }
                    if dots == 1 { Kind::Dot } else { Kind::DotDot }
                }
                '\u{2026}' => Kind::DotDot,
                ',' => Kind::Comma,
                ';' => Kind::Semi,
                _ => Kind::Other,
            }
        };
        let end = chars.peek().map_or(text.len(), |&(i, _)| i);
        toks.push(Tok { kind, start, end, n0, n1: norm.len() });
    }
    Lexed { norm, toks }
}

fn is_combining(c: char) -> bool {
    ('\u{300}'..='\u{36F}').contains(&c)
}

/// Appends `c` to the word begun at `word_start`, lower-cased and folded.
fn push_letter(norm: &mut String, word_start: usize, c: char) {
    match c {
        'ё' | 'Ё' => norm.push('е'),
        // Cyrillic І and the Unicode Roman numerals stand in for Latin ones.
        'І' | 'і' | 'Ⅰ' | 'ⅰ' => norm.push('i'),
        'Ⅱ' | 'ⅱ' => norm.push_str("ii"),
        'Ⅲ' | 'ⅲ' => norm.push_str("iii"),
        'Ⅳ' | 'ⅳ' => norm.push_str("iv"),
        // Decomposed й and ё, as some keyboards and PDFs produce them.
        '\u{306}' if norm.len() > word_start && norm.ends_with('и') => {
            norm.pop();
            norm.push('й');
        }
        '\u{308}' if norm.len() > word_start && norm.ends_with('е') => {}
        _ => norm.extend(c.to_lowercase()),
    }
}

/// The first token no table knows, for an error's span.
fn first_not_understood(lexed: &Lexed) -> Option<Range<usize>> {
    lexed
        .toks
        .iter()
        .find(|t| match t.kind {
            Kind::Other => true,
            Kind::Word => !VOCABULARY.known.contains(&lexed.norm[t.n0..t.n1]),
            Kind::Num => t.n1 - t.n0 > MAX_DIGITS,
            _ => false,
        })
        .map(|t| t.start..t.end)
}

/// Longer digit strings would overflow `u32`.
const MAX_DIGITS: usize = 9;

fn small(digits: &str) -> Option<u32> {
    if digits.len() > MAX_DIGITS { None } else { digits.parse().ok() }
}

/// A year number; one too large for `i64` becomes one no calendar holds.
fn year_value(digits: &str) -> i64 {
    digits.parse().unwrap_or(i64::MAX)
}

// ---------------------------------------------------------------------------
// Parser.

enum Fail {
    /// Nothing matched; the span is the part to blame if no single token is.
    Unknown(Range<usize>),
    Error(WhenError),
}

fn fail(kind: WhenErrorKind, span: Range<usize>) -> Fail {
    Fail::Error(WhenError::new(kind, span))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum RelUnit {
    Day,
    Month,
    Quarter,
    Year,
}

#[derive(Debug, Clone, Copy)]
enum What {
    Month(u32),
    Quarter(u32),
    Half(u32),
    /// Day and month.
    Day(u32, u32),
    /// A day whose month comes from the range's other end: `1–15 апреля`.
    BareDay(u32),
    Year,
    Relative(RelUnit, i32),
}

/// One end of a range, or a whole window, before its year is settled.
#[derive(Debug, Clone, Copy)]
struct End {
    what: What,
    /// The year written with it, if any.
    year: Option<i64>,
    /// Tokens `first..last` it was read from.
    first: usize,
    last: usize,
}

struct RuleMatch {
    times: u32,
    months: u32,
    /// Token of a zero count, for the error's span.
    zero_at: Option<usize>,
}

enum Found {
    AsNeeded,
    Rule(RuleMatch, bool),
}

struct Parser<'a> {
    norm: &'a str,
    toks: &'a [Tok],
    ctx: Context,
    source: Source,
}

impl<'a> Parser<'a> {
    fn sub(&self, range: Range<usize>) -> Parser<'a> {
        Parser { toks: &self.toks[range], ..*self }
    }

    fn len(&self) -> usize {
        self.toks.len()
    }

    fn kind(&self, i: usize) -> Option<Kind> {
        self.toks.get(i).map(|t| t.kind)
    }

    fn word(&self, i: usize) -> Option<&'a str> {
        let t = self.toks.get(i)?;
        (t.kind == Kind::Word).then(|| &self.norm[t.n0..t.n1])
    }

    fn is(&self, i: usize, word: &str) -> bool {
        self.word(i) == Some(word)
    }

    fn digits(&self, i: usize) -> Option<&'a str> {
        let t = self.toks.get(i)?;
        (t.kind == Kind::Num).then(|| &self.norm[t.n0..t.n1])
    }

    /// A one- or two-digit number: a day or a month.
    fn num12(&self, i: usize) -> Option<u32> {
        self.digits(i).filter(|d| d.len() <= 2).and_then(small)
    }

    /// A one-digit number: a quarter or a half.
    fn num1(&self, i: usize) -> Option<u32> {
        self.digits(i).filter(|d| d.len() == 1).and_then(small)
    }

    /// A number of four digits or more: a year.
    fn year_num(&self, i: usize) -> Option<i64> {
        self.digits(i).filter(|d| d.len() >= 4).map(year_value)
    }

    /// Byte span of tokens `a..b`.
    fn span(&self, a: usize, b: usize) -> Range<usize> {
        match (self.toks.get(a), b.checked_sub(1).and_then(|l| self.toks.get(l))) {
            (Some(first), Some(last)) if a < b => first.start..last.end,
            (Some(first), _) => first.start..first.end,
            _ => 0..0,
        }
    }

    fn whole_span(&self) -> Range<usize> {
        self.span(0, self.len())
    }

    fn skip_dot(&self, i: usize) -> usize {
        if self.kind(i) == Some(Kind::Dot) { i + 1 } else { i }
    }

    /// Where `phrase` ends if it starts at token `i`.
    fn phrase(&self, mut i: usize, phrase: &str) -> Option<usize> {
        for part in phrase.split(' ') {
            let matched = match part {
                "-" => matches!(self.kind(i), Some(Kind::Hyphen | Kind::Dash)),
                word => self.word(i) == Some(word),
            };
            if !matched {
                return None;
            }
            i += 1;
        }
        Some(i)
    }

    /// The longest phrase of `table` at `i`, with its value and end.
    fn longest<T: Copy>(&self, i: usize, table: &[(&str, T)]) -> Option<(T, usize)> {
        let first = self.word(i)?;
        let mut best: Option<(T, usize)> = None;
        for &(phrase, value) in table {
            // Cheap reject before the token-by-token match.
            if !phrase.starts_with(first) {
                continue;
            }
            if let Some(end) = self.phrase(i, phrase)
                && best.is_none_or(|(_, b)| end > b)
            {
                best = Some((value, end));
            }
        }
        best
    }

    fn longest_of(&self, i: usize, table: &[&str]) -> Option<usize> {
        let first = self.word(i)?;
        table.iter().filter(|p| p.starts_with(first)).filter_map(|p| self.phrase(i, p)).max()
    }

    /// The whole text: whole period, a rule, or a list of windows.
    fn schedule(&self) -> Result<Schedule, Fail> {
        // A closing full stop ends the sentence, not an abbreviation.
        let n =
            if self.len() > 1 && self.kind(self.len() - 1) == Some(Kind::Dot) { self.len() - 1 } else { self.len() };
        let body = self.sub(0..n);
        if body.longest_of(0, WHOLE_PERIOD) == Some(n) {
            return Ok(Schedule::WholePeriod);
        }
        // Rules go first: `по мере необходимости, но не реже ...` has a comma
        // that is not a list separator.
        if let Some(found) = body.recurring() {
            if self.source == Source::CommandLine {
                return Err(fail(WhenErrorKind::RecurrenceOnlyInFile, self.whole_span()));
            }
            return body.rule_schedule(found);
        }
        let mut ranges = Vec::new();
        let mut start = 0;
        for i in 0..=n {
            if i < n && !body.is_list_separator(i) {
                continue;
            }
            if i == start {
                // An empty item: blame the separator next to it.
                return Err(Fail::Unknown(body.span(i.min(n - 1), i.min(n - 1) + 1)));
            }
            ranges.push(body.sub(start..i).item()?);
            start = i + 1;
        }
        Ok(Schedule::Window(ranges))
    }

    /// Commas and semicolons separate list items, except the comma before
    /// the year in `April 21, 2019`, `21 April, 2019` or `April, 2020`.
    fn is_list_separator(&self, i: usize) -> bool {
        match self.kind(i) {
            Some(Kind::Semi) => true,
            Some(Kind::Comma) => !self.is_year_comma(i),
            _ => false,
        }
    }

    fn is_year_comma(&self, i: usize) -> bool {
        let is_month = |t: usize| self.month(t).is_some();
        let Some(mut before) = i.checked_sub(1) else {
            return false;
        };
        if self.kind(before) == Some(Kind::Dot) || self.longest_of(before, ORD_SUFFIXES).is_some() {
            let Some(earlier) = before.checked_sub(1) else {
                return false;
            };
            before = earlier;
        }
        let after_date =
            is_month(before) || (self.num12(before).is_some() && before.checked_sub(1).is_some_and(is_month));
        // A year with more after it (`2019-05-01`, `2020 год`) is an item of its own.
        after_date
            && self.year_num(i + 1).is_some()
            && !matches!(self.kind(i + 2), Some(Kind::Hyphen | Kind::Dot | Kind::Word))
    }

    fn rule_schedule(&self, found: Found) -> Result<Schedule, Fail> {
        match found {
            Found::AsNeeded => Ok(Schedule::AsNeeded),
            Found::Rule(rule, as_needed) => {
                if let Some(z) = rule.zero_at {
                    return Err(fail(WhenErrorKind::ZeroCount, self.span(z, z + 1)));
                }
                if rule.times == 0 || rule.months == 0 {
                    return Err(fail(WhenErrorKind::ZeroCount, self.whole_span()));
                }
                Ok(Schedule::AtLeast(Recurrence { times: rule.times, months: rule.months, as_needed }))
            }
        }
    }

    /// "As needed", a rule, or both, filling the whole text.
    fn recurring(&self) -> Option<Found> {
        let n = self.len();
        if let Some(j) = self.longest_of(0, AS_NEEDED) {
            if j == n {
                return Some(Found::AsNeeded);
            }
            return match self.rule(self.skip_joiners(j)) {
                Some((rule, end)) if end == n => Some(Found::Rule(rule, true)),
                _ => None,
            };
        }
        let (rule, end) = self.rule(0)?;
        if end == n {
            return Some(Found::Rule(rule, false));
        }
        (self.longest_of(self.skip_joiners(end), AS_NEEDED) == Some(n)).then_some(Found::Rule(rule, true))
    }

    fn skip_joiners(&self, mut i: usize) -> usize {
        if matches!(self.kind(i), Some(Kind::Comma | Kind::Semi)) {
            i += 1;
        }
        if let Some(end) = self.longest_of(i, JOINERS) {
            i = end;
            if self.kind(i) == Some(Kind::Comma) {
                i += 1;
            }
        }
        i
    }

    /// `не реже 1-го раза в 6 месяцев`, `twice a year`, `ежеквартально`, ...
    fn rule(&self, i: usize) -> Option<(RuleMatch, usize)> {
        let mut j = i;
        if let Some(end) = self.longest_of(j, AT_LEAST) {
            j = end;
            if self.kind(j) == Some(Kind::Comma) {
                j += 1;
            }
            j = self.longest_of(j, THAN).unwrap_or(j);
        }
        if let Some((months, end)) = self.longest(j, ADVERBS) {
            let rule = RuleMatch { times: 1, months, zero_at: None };
            return Some((rule, end));
        }
        if let Some(k) = self.longest_of(j, EVERY)
            && let Some((months, zero_at, end)) = self.period(k)
        {
            let rule = RuleMatch { times: 1, months, zero_at };
            return Some((rule, end));
        }
        let (times, zero_times, k) = self.count(j)?;
        let k = self.longest_of(k, PER)?;
        let (months, zero_months, end) = self.period(k)?;
        let rule = RuleMatch { times, months, zero_at: zero_times.or(zero_months) };
        Some((rule, end))
    }

    /// How many times: `1-го раза`, `двух раз`, `раза`, `twice`, `2 times`.
    fn count(&self, i: usize) -> Option<(u32, Option<usize>, usize)> {
        if let Some((times, end)) = self.longest(i, ONCE_WORDS) {
            return Some((times, None, end));
        }
        if let Some((times, zero_at, k)) = self.number(i) {
            return Some((times, zero_at, self.longest_of(k, TIMES)?));
        }
        Some((1, None, self.longest_of(i, TIMES_ALONE)?))
    }

    /// A count in digits (with an optional ending) or in words.
    fn number(&self, i: usize) -> Option<(u32, Option<usize>, usize)> {
        let (value, end) = match self.digits(i) {
            Some(digits) => (small(digits)?, self.ord_suffix(i + 1)),
            None => self.longest(i, NUMBER_WORDS)?,
        };
        Some((value, (value == 0).then_some(i), end))
    }

    /// `6 месяцев`, `полгода`, `quarter`: the period in months.
    fn period(&self, i: usize) -> Option<(u32, Option<usize>, usize)> {
        let (amount, zero_at, k) = self.number(i).unwrap_or((1, None, i));
        let (unit, end) = self.longest(k, UNITS)?;
        Some((amount.checked_mul(unit)?, zero_at, end))
    }

    /// Skips the ending of a numeral (`-го`, `-й`, `st`), if there is one.
    fn ord_suffix(&self, i: usize) -> usize {
        let k = if self.kind(i) == Some(Kind::Hyphen) { i + 1 } else { i };
        self.longest_of(k, ORD_SUFFIXES).unwrap_or(i)
    }

    /// One list item: a window or a range of two.
    fn item(&self) -> Result<DateRange, Fail> {
        let n = self.len();
        let i = self.longest_of(0, PREFIXES).unwrap_or(0);
        let opener = self.longest_of(i, RANGE_OPENERS);
        let between = opener.is_some() && matches!(self.word(i), Some("between" | "между"));
        let i = opener.unwrap_or(i);
        for a in self.endpoints(i) {
            if a.last == n {
                if opener.is_none() && !matches!(a.what, What::BareDay(_)) {
                    return self.single(a);
                }
                continue;
            }
            let Some(k) = self.separator(a.last, between) else {
                continue;
            };
            for b in self.endpoints(k) {
                if b.last == n && ends_fit(&a, &b) {
                    return self.range(a, b);
                }
            }
        }
        if opener.is_none()
            && let Some((a, b)) = self.shared_noun_range(i)
        {
            return self.range(a, b);
        }
        Err(Fail::Unknown(self.whole_span()))
    }

    fn separator(&self, i: usize, between: bool) -> Option<usize> {
        match self.kind(i)? {
            Kind::Hyphen | Kind::Dash | Kind::DotDot => Some(i + 1),
            Kind::Word if between => self.longest_of(i, BETWEEN_WORDS),
            Kind::Word => self.longest_of(i, RANGE_WORDS),
            _ => None,
        }
    }

    /// Every way a window can start at token `i`, longest first where it matters.
    fn endpoints(&self, i: usize) -> Vec<End> {
        let mut out = Vec::new();
        let this_year = Some(i64::from(self.ctx.today.year()));
        let mut push = |what, year, last| {
            out.push(End { what, year, first: i, last });
        };
        if let Some((days, end)) = self.longest(i, REL_DAYS) {
            push(What::Relative(RelUnit::Day, days), this_year, end);
        }
        if let Some((delta, k)) = self.longest(i, REL_MODS)
            && let Some((unit, end)) = self.longest(k, REL_UNITS)
        {
            push(What::Relative(unit, delta), this_year, end);
        }
        match self.kind(i) {
            Some(Kind::Num) => self.number_endpoints(i, &mut out),
            Some(Kind::Word) => self.word_endpoints(i, &mut out),
            _ => {}
        }
        out
    }

    fn number_endpoints(&self, i: usize, out: &mut Vec<End>) {
        let Some(digits) = self.digits(i) else {
            return;
        };
        let mut push = |what, year, last| {
            out.push(End { what, year, first: i, last });
        };
        if digits.len() >= 4 {
            let year = Some(year_value(digits));
            if self.kind(i + 1) == Some(Kind::Hyphen)
                && let Some(month) = self.num12(i + 2)
            {
                if self.kind(i + 3) == Some(Kind::Hyphen)
                    && let Some(day) = self.num12(i + 4)
                {
                    push(What::Day(day, month), year, self.year_word(i + 5));
                }
                push(What::Month(month), year, i + 3);
            }
            if let Some(n) = self.num1(i + 2) {
                if self.is(i + 1, "q") {
                    push(What::Quarter(n), year, i + 3);
                } else if self.is(i + 1, "h") {
                    push(What::Half(n), year, i + 3);
                }
            }
            push(What::Year, year, self.year_word(i + 1));
            return;
        }
        if digits.len() > 2 {
            return;
        }
        let Some(n) = small(digits) else {
            return;
        };
        if self.kind(i + 1) == Some(Kind::Dot) {
            if let Some(month) = self.num12(i + 2) {
                if self.kind(i + 3) == Some(Kind::Dot)
                    && let Some(year) = self.year_num(i + 4)
                {
                    push(What::Day(n, month), Some(year), self.year_word(i + 5));
                }
                push(What::Day(n, month), None, i + 3);
            }
            if let Some(year) = self.year_num(i + 2) {
                push(What::Month(n), Some(year), self.year_word(i + 3));
            }
        }
        let k = self.ord_suffix(i + 1);
        if let Some((month, k2)) = self.month(k) {
            let (year, end) = self.year_suffix(k2);
            push(What::Day(n, month), year, end);
        }
        push(What::BareDay(n), None, k);
        if digits.len() == 1 {
            self.unit_endpoints(i, n, k, out);
        }
    }

    fn word_endpoints(&self, i: usize, out: &mut Vec<End>) {
        let Some(word) = self.word(i) else {
            return;
        };
        let mut push = |what, year, last| {
            out.push(End { what, year, first: i, last });
        };
        if let Some((month, k)) = self.month(i) {
            if let Some(day) = self.num12(k) {
                let (year, end) = self.year_suffix(self.ord_suffix(k + 1));
                push(What::Day(day, month), year, end);
            }
            let (year, end) = self.year_suffix(k);
            push(What::Month(month), year, end);
        }
        if let Some(n) = self.num1(i + 1) {
            let (year, end) = self.year_suffix(i + 2);
            match word {
                "q" => push(What::Quarter(n), year, end),
                "h" => push(What::Half(n), year, end),
                _ => {}
            }
        }
        if word == "year"
            && let Some(year) = self.year_num(i + 1)
        {
            push(What::Year, Some(year), i + 2);
        }
        if let Some((n, k)) = self.longest(i, ORDINALS) {
            self.unit_endpoints(i, n, k, out);
        }
    }

    /// `квартал`/`полугодие` after an ordinal `n` that ended at `k`.
    fn unit_endpoints(&self, first: usize, n: u32, k: usize, out: &mut Vec<End>) {
        for (table, quarter) in [(QUARTER_WORDS, true), (HALF_WORDS, false)] {
            if let Some(end) = self.longest_of(k, table) {
                let (year, last) = self.year_suffix(self.skip_dot(end));
                let what = if quarter { What::Quarter(n) } else { What::Half(n) };
                out.push(End { what, year, first, last });
            }
        }
    }

    /// `I–II квартал`: two ordinals sharing one noun.
    fn shared_noun_range(&self, start: usize) -> Option<(End, End)> {
        let (first, first_end) = self.ordinal(start)?;
        let second_start = self.separator(first_end, false)?;
        let (second, noun) = self.ordinal(second_start)?;
        for (table, quarter) in [(QUARTER_WORDS, true), (HALF_WORDS, false)] {
            let Some(end) = self.longest_of(noun, table) else {
                continue;
            };
            let (year, last) = self.year_suffix(self.skip_dot(end));
            if last != self.len() {
                continue;
            }
            let what = |n| {
                if quarter { What::Quarter(n) } else { What::Half(n) }
            };
            let from = End { what: what(first), year, first: start, last: first_end };
            let to = End { what: what(second), year, first: second_start, last };
            return Some((from, to));
        }
        None
    }

    fn ordinal(&self, i: usize) -> Option<(u32, usize)> {
        match self.num1(i) {
            Some(n) => Some((n, self.ord_suffix(i + 1))),
            None => self.longest(i, ORDINALS),
        }
    }

    fn month(&self, i: usize) -> Option<(u32, usize)> {
        let word = self.word(i)?;
        let &(_, month) = MONTHS.iter().find(|(w, _)| *w == word)?;
        Some((month, self.skip_dot(i + 1)))
    }

    /// Skips `год`/`года`/`г.` after a year number.
    fn year_word(&self, i: usize) -> usize {
        match self.longest_of(i, YEAR_WORDS) {
            Some(end) if self.is(i, "г") => self.skip_dot(end),
            Some(end) => end,
            None => i,
        }
    }

    /// An optional year after a window: `2019`, `2019 года`, `of 2019`, `of the year`.
    fn year_suffix(&self, i: usize) -> (Option<i64>, usize) {
        // Within an item a comma survives only before a year (see `is_year_comma`).
        let j = if self.is(i, "of") || self.kind(i) == Some(Kind::Comma) { i + 1 } else { i };
        if let Some(year) = self.year_num(j) {
            return (Some(year), self.year_word(j + 1));
        }
        match self.longest_of(i, YEAR_TAILS) {
            Some(end) => (None, end),
            None => (None, i),
        }
    }

    fn allow_relative(&self, end: &End) -> Result<(), Fail> {
        if matches!(end.what, What::Relative(..)) && self.source == Source::File {
            return Err(fail(WhenErrorKind::RelativeOnlyOnCommandLine, self.whole_span()));
        }
        Ok(())
    }

    fn single(&self, end: End) -> Result<DateRange, Fail> {
        self.allow_relative(&end)?;
        self.resolve(&end, end.year.unwrap_or(i64::from(self.ctx.year)))
    }

    /// A range of two ends. An end without a year takes the other end's year
    /// (`ноябрь – февраль 2020` starts in November 2019), else the plan's.
    fn range(&self, a: End, b: End) -> Result<DateRange, Fail> {
        self.allow_relative(&a)?;
        self.allow_relative(&b)?;
        let a = match (a.what, b.what) {
            (What::BareDay(day), What::Day(_, month)) => End { what: What::Day(day, month), year: b.year, ..a },
            _ => a,
        };
        let (from, to) = match (a.year, b.year) {
            (Some(ya), Some(yb)) => (self.resolve(&a, ya)?, self.resolve(&b, yb)?),
            (None, Some(yb)) => {
                let to = self.resolve(&b, yb)?;
                let mut from = self.resolve(&a, yb)?;
                if from.from > to.to
                    && let Ok(earlier) = self.resolve(&a, yb.saturating_sub(1))
                {
                    from = earlier;
                }
                (from, to)
            }
            (Some(ya), None) => {
                let from = self.resolve(&a, ya)?;
                let mut to = self.resolve(&b, ya)?;
                if to.to < from.from
                    && let Ok(later) = self.resolve(&b, ya.saturating_add(1))
                {
                    to = later;
                }
                (from, to)
            }
            (None, None) => {
                let year = i64::from(self.ctx.year);
                (self.resolve(&a, year)?, self.resolve(&b, year)?)
            }
        };
        if to.to < from.from {
            let kind = WhenErrorKind::Reversed { from: from.from, to: to.to };
            return Err(fail(kind, self.whole_span()));
        }
        Ok(DateRange { from: from.from, to: to.to })
    }

    fn resolve(&self, end: &End, year: i64) -> Result<DateRange, Fail> {
        let invalid = || fail(WhenErrorKind::InvalidDate, self.span(end.first, end.last));
        let year = i32::try_from(year).map_err(|_| invalid())?;
        let range = match end.what {
            What::Month(m) => months(year, m, m),
            What::Quarter(q @ 1..=4) => months(year, 3 * q - 2, 3 * q),
            What::Half(h @ 1..=2) => months(year, 6 * h - 5, 6 * h),
            What::Day(d, m) => NaiveDate::from_ymd_opt(year, m, d).map(|day| DateRange { from: day, to: day }),
            What::Year => months(year, 1, 12),
            What::Relative(unit, delta) => relative(self.ctx.today, unit, delta),
            What::Quarter(_) | What::Half(_) | What::BareDay(_) => None,
        };
        // Years past 9999 print as `+10000-01-01`, which no one writes and the grammar does not
        // read back; years before 1 are no plan's. Both are refused like any impossible date.
        let printable = |r: &DateRange| (1..=9999).contains(&r.from.year()) && (1..=9999).contains(&r.to.year());
        range.filter(printable).ok_or_else(invalid)
    }
}

/// A bare day needs a dated end after it; nothing may end in a bare day.
fn ends_fit(a: &End, b: &End) -> bool {
    match b.what {
        What::BareDay(_) => false,
        What::Day(..) => true,
        _ => !matches!(a.what, What::BareDay(_)),
    }
}

/// Months `first..=last` of `year`; `None` for a month outside 1..=12.
fn months(year: i32, first: u32, last: u32) -> Option<DateRange> {
    let from = NaiveDate::from_ymd_opt(year, first, 1)?;
    let to = if last == 12 {
        NaiveDate::from_ymd_opt(year, 12, 31)?
    } else {
        NaiveDate::from_ymd_opt(year, last.checked_add(1)?, 1)?.pred_opt()?
    };
    Some(DateRange { from, to })
}

fn relative(today: NaiveDate, unit: RelUnit, delta: i32) -> Option<DateRange> {
    let year = i64::from(today.year());
    let delta = i64::from(delta);
    // Counting months and quarters from year 0 makes `next` cross year ends.
    let block = |per_year: i64, index: i64| -> Option<DateRange> {
        let index = year * per_year + index + delta;
        let y = i32::try_from(index.div_euclid(per_year)).ok()?;
        let n = u32::try_from(index.rem_euclid(per_year)).ok()?;
        let size = 12 / u32::try_from(per_year).ok()?;
        months(y, n * size + 1, n * size + size)
    };
    match unit {
        RelUnit::Day => {
            let days = Days::new(delta.unsigned_abs());
            let day = if delta < 0 { today.checked_sub_days(days) } else { today.checked_add_days(days) }?;
            Some(DateRange { from: day, to: day })
        }
        RelUnit::Month => block(12, i64::from(today.month0())),
        RelUnit::Quarter => block(4, i64::from(today.month0() / 3)),
        RelUnit::Year => block(1, 0),
    }
}

// ---------------------------------------------------------------------------
// Suggestions.

/// Suggestions are for short, hand-typed expressions; longer text is not
/// worth the extra parses.
const MAX_SUGGEST_LEN: usize = 256;
const MAX_UNKNOWN_WORDS: usize = 3;
const CANDIDATES_PER_WORD: usize = 3;

/// Replaces each unknown word by a near vocabulary word and keeps the first
/// combination that parses, in the user's own spelling elsewhere.
fn suggest_fix(text: &str, lexed: &Lexed, ctx: Context, source: Source) -> Option<String> {
    if text.len() > MAX_SUGGEST_LEN {
        return None;
    }
    let mut fixes: Vec<(Range<usize>, Vec<&'static str>)> = Vec::new();
    for tok in &lexed.toks {
        let word = &lexed.norm[tok.n0..tok.n1];
        if tok.kind != Kind::Word || VOCABULARY.known.contains(word) {
            continue;
        }
        let near = nearest_words(word);
        if near.is_empty() || fixes.len() == MAX_UNKNOWN_WORDS {
            return None;
        }
        fixes.push((tok.start..tok.end, near));
    }
    if fixes.is_empty() {
        return None;
    }
    let mut choice = vec![0; fixes.len()];
    loop {
        let mut attempt = String::with_capacity(text.len() + 8);
        let mut at = 0;
        for ((span, near), &c) in fixes.iter().zip(&choice) {
            attempt.push_str(&text[at..span.start]);
            attempt.push_str(&styled(&text[span.clone()], near[c]));
            at = span.end;
        }
        attempt.push_str(&text[at..]);
        if parse_inner(&attempt, ctx, source, false).is_ok() {
            return Some(attempt);
        }
        // Next combination, odometer-style.
        let mut k = 0;
        loop {
            if k == choice.len() {
                return None;
            }
            choice[k] += 1;
            if choice[k] < fixes[k].1.len() {
                break;
            }
            choice[k] = 0;
            k += 1;
        }
    }
}

/// Vocabulary words within Damerau–Levenshtein distance of about a third of
/// `word` (at most 2), nearest first; ties go to the longer word, then to
/// table order.
fn nearest_words(word: &str) -> Vec<&'static str> {
    let len = word.chars().count();
    if len < 3 {
        return Vec::new();
    }
    let max = (len / 3).clamp(1, 2);
    let vocabulary = &*VOCABULARY;
    let mut scored: Vec<(usize, f64, usize)> = vocabulary
        .words
        .iter()
        .zip(&vocabulary.lens)
        .enumerate()
        .filter(|&(_, (_, &l))| l >= 3 && l.abs_diff(len) <= max)
        .filter_map(|(index, (&candidate, _))| {
            let distance = strsim::damerau_levenshtein(word, candidate);
            (distance <= max).then(|| {
                let similarity = strsim::normalized_damerau_levenshtein(word, candidate);
                (distance, similarity, index)
            })
        })
        .collect();
    scored.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.total_cmp(&a.1)).then(a.2.cmp(&b.2)));
    scored.into_iter().take(CANDIDATES_PER_WORD).map(|(_, _, index)| vocabulary.words[index]).collect()
}

/// `word` in the letter case of `original`: `Апрелл` → `Апрель`, `APRL` → `APRIL`.
fn styled(original: &str, word: &str) -> String {
    let mut letters = original.chars().filter(|c| c.is_alphabetic());
    let first_upper = letters.next().is_some_and(char::is_uppercase);
    let rest_upper = letters.all(char::is_uppercase);
    if first_upper && rest_upper && original.chars().count() > 1 {
        word.to_uppercase()
    } else if first_upper {
        let mut chars = word.chars();
        chars.next().map(|c| c.to_uppercase().chain(chars).collect()).unwrap_or_default()
    } else {
        word.to_owned()
    }
}

#[cfg(test)]
mod tests {
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
                E::At(times, months) => Schedule::AtLeast(Recurrence { times, months, as_needed: false }),
                E::AtNeeded(times, months) => Schedule::AtLeast(Recurrence { times, months, as_needed: true }),
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
        }
    }

    #[test]
    fn every_period_number_up_to_twelve_is_understood() {
        for &(word, n) in NUMBER_WORDS {
            if n == 0 {
                continue;
            }
            let expected = Schedule::AtLeast(Recurrence { times: n, months: n, as_needed: false });
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
        for text in [
            "next month",
            "сегодня",
            "этот квартал",
            "в следующем году",
            "апрель, next month",
            "from today to december",
        ] {
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
    fn huge_input_is_handled_in_linear_time() {
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
}
