//! The interface language, and the catalogues that say a message in it.
//!
//! Every word `plan` prints lives in a Fluent catalogue, one folder per language:
//! `locales/en/*.ftl`, `locales/ru/*.ftl` (translators edit those, not Rust). Code never spells a
//! word out: it names a message and gives its arguments, and asks the language to say it.
//!
//! ```
//! use plan::i18n::{Lang, msg};
//! let date = chrono::NaiveDate::from_ymd_opt(2019, 4, 1).unwrap();
//! assert_eq!(Lang::Ru.say(&msg!("check-summary", errors = 2, warnings = 5, as_of = date)),
//!            "2 ошибки, 5 предупреждений (на 01.04.2019)");
//! assert_eq!(Lang::En.word("show-status"), "status");
//! ```
//!
//! How a `Lang` method written elsewhere maps onto this: a method such as
//! `fn thing(self, n: usize, when: NaiveDate) -> String` returning `format!("… {n} … {when}")` in
//! English and Russian becomes `self.say(&msg!("thing", n = n, when = when))`, and its two texts
//! go, as `thing = … { $n } … { $when }`, into a `locales/en/*.ftl` and a `locales/ru/*.ftl` file
//! (a count that a noun agrees with uses a Fluent select: `{ $n -> [one] … *[other] … }`).
//! Arguments are text, whole numbers, dates (written ISO in English, `ДД.ММ.ГГГГ` in Russian),
//! date ranges, or other messages; domain types carry a [`Message`] (`fn message(&self)`), and
//! the renderers say it.
//!
//! The test `every_catalogue_has_the_same_messages_and_arguments` keeps the languages equal, and
//! `every_message_the_code_names_is_in_the_catalogues` fails on an id the code uses but no
//! catalogue has.

use std::fmt;
use std::sync::OnceLock;

use crate::when::DateRange;
use chrono::NaiveDate;
use chrono::format::{Item, StrftimeItems};
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

/// The interface language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, clap::ValueEnum)]
pub enum Lang {
    /// English.
    En,
    /// Russian.
    Ru,
}

/// The Fluent files of one language, in `locales/<code>/`; every language has the same files.
macro_rules! catalogue {
    ($code:literal) => {
        [
            include_str!(concat!("../locales/", $code, "/output.ftl")),
            include_str!(concat!("../locales/", $code, "/check.ftl")),
            include_str!(concat!("../locales/", $code, "/errors.ftl")),
            include_str!(concat!("../locales/", $code, "/file.ftl")),
            include_str!(concat!("../locales/", $code, "/cli.ftl")),
        ]
    };
}

/// The catalogue files read together, as ranges of [`Lang::catalogue`]: a run that prints a
/// list reads only the words of the outputs; the messages of errors and the command line's help
/// are read when one is said.
const PARTS: [std::ops::Range<usize>; 3] = [0..2, 2..4, 4..5];

impl Lang {
    /// `--lang` / `PLAN_LANG` when given, else the language whose code starts the locale
    /// (`LC_ALL`, then `LC_MESSAGES`, then `LANG`, the first one set: `ru_RU.UTF-8` is Russian),
    /// else the system's language as `sys-locale` reads it (the user's language on Windows and
    /// macOS, where those variables are seldom set; `LANGUAGE` elsewhere), else English.
    #[must_use]
    pub fn detect(explicit: Option<Lang>, env: impl Fn(&str) -> Option<String>) -> Lang {
        Lang::detect_with(explicit, env, sys_locale::get_locale)
    }

    /// [`Lang::detect`] with the system's locale asked of `system`.
    fn detect_with(
        explicit: Option<Lang>,
        env: impl Fn(&str) -> Option<String>,
        system: impl FnOnce() -> Option<String>,
    ) -> Lang {
        use clap::ValueEnum;
        if let Some(lang) = explicit {
            return lang;
        }
        let locale = ["LC_ALL", "LC_MESSAGES", "LANG"].into_iter().find_map(|key| env(key).filter(|v| !v.is_empty()));
        let locale = locale.or_else(system).unwrap_or_default().to_ascii_lowercase();
        Lang::value_variants().iter().copied().find(|lang| locale.starts_with(lang.code())).unwrap_or(Lang::En)
    }

    /// The language's code: its `locales/` folder, `<html lang>`, `--lang`.
    #[must_use]
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Ru => "ru",
        }
    }

    /// The texts of this language's catalogue files.
    #[must_use]
    pub fn catalogue(self) -> &'static [&'static str] {
        const EN: [&str; 5] = catalogue!("en");
        const RU: [&str; 5] = catalogue!("ru");
        match self {
            Lang::En => &EN,
            Lang::Ru => &RU,
        }
    }

    /// Part `part` of the catalogue (see [`PARTS`]), read on first use.
    fn bundle(self, part: usize) -> &'static FluentBundle<FluentResource> {
        type Parts = [OnceLock<FluentBundle<FluentResource>>; PARTS.len()];
        static EN: Parts = [const { OnceLock::new() }; PARTS.len()];
        static RU: Parts = [const { OnceLock::new() }; PARTS.len()];
        let cells = match self {
            Lang::En => &EN,
            Lang::Ru => &RU,
        };
        cells[part].get_or_init(|| {
            let locale = self.code().parse().expect("a language code is a valid language identifier");
            let mut bundle = FluentBundle::new_concurrent(vec![locale]);
            // Unicode isolation marks around arguments would land in terminals, CSV and HTML.
            bundle.set_use_isolating(false);
            for text in &self.catalogue()[PARTS[part].clone()] {
                let resource = FluentResource::try_new((*text).to_owned()).unwrap_or_else(|(resource, _)| resource);
                // A message given twice keeps its first text; the catalogue tests fail on both.
                let _ = bundle.add_resource(resource);
            }
            bundle
        })
    }

    /// The bundle that has message `id`, and the message.
    fn find(self, id: &str) -> Option<(&'static FluentBundle<FluentResource>, fluent_bundle::FluentMessage<'static>)> {
        (0..PARTS.len()).find_map(|part| {
            let bundle = self.bundle(part);
            bundle.get_message(id).map(|message| (bundle, message))
        })
    }

    /// The message in this language, said by Fluent; a message the catalogue lacks is shown by
    /// its id.
    #[must_use]
    pub fn say(self, message: &Message) -> String {
        let Some((bundle, pattern)) = self.find(message.id).and_then(|(b, m)| Some((b, m.value()?))) else {
            return message.id.to_owned();
        };
        let mut args = FluentArgs::with_capacity(message.args.len());
        for (name, arg) in &message.args {
            let value = match arg {
                Arg::Text(text) => FluentValue::from(text.as_str()),
                Arg::Number(n) => FluentValue::from(*n),
                Arg::Date(date) => FluentValue::from(self.date(*date)),
                Arg::Range(range) => FluentValue::from(self.range(*range)),
                Arg::Message(inner) => FluentValue::from(self.say(inner)),
                Arg::List(items) => FluentValue::from(items.iter().map(|m| self.say(m)).collect::<Vec<_>>().join(", ")),
            };
            args.set(*name, value);
        }
        let mut errors = Vec::new();
        bundle.format_pattern(pattern, Some(&args), &mut errors).into_owned()
    }

    /// The text of message `id` without arguments, or `None` when the catalogue lacks it (for ids
    /// made at run time, such as the help of each flag).
    #[must_use]
    pub fn lookup(self, id: &str) -> Option<String> {
        let (bundle, message) = self.find(id)?;
        let pattern = message.value()?;
        let mut errors = Vec::new();
        Some(bundle.format_pattern(pattern, None, &mut errors).into_owned())
    }

    /// A message without arguments: a label, a heading, a status word.
    #[must_use]
    pub fn word(self, id: &'static str) -> String {
        self.say(&Message::new(id))
    }

    /// A date as this language writes it in text (`date-format` of the catalogue, in chrono's
    /// `strftime` form): `2019-04-01`, `01.04.2019`. JSON, CSV and ICS keep ISO dates.
    #[must_use]
    pub fn date(self, date: NaiveDate) -> String {
        use std::fmt::Write as _;
        // The format is read from the catalogue and parsed once per language: a report or a check
        // of a large plan writes tens of thousands of dates.
        static EN: OnceLock<Option<Vec<Item<'static>>>> = OnceLock::new();
        static RU: OnceLock<Option<Vec<Item<'static>>>> = OnceLock::new();
        let cell = match self {
            Lang::En => &EN,
            Lang::Ru => &RU,
        };
        let items = cell.get_or_init(|| {
            let format = self.lookup("date-format").filter(|f| !f.is_empty())?;
            // A format with an unknown `%` item does not parse: ISO then, not a panic.
            StrftimeItems::new(&format).parse_to_owned().ok()
        });
        let mut text = String::new();
        let written = match items {
            Some(items) if write!(text, "{}", date.format_with_items(items.iter())).is_ok() => text,
            _ => date.to_string(),
        };
        // chrono writes a year past 9999 as `+10000`: written in the language's own order without
        // the sign, and said what it is (issue 23).
        if chrono::Datelike::year(&date) > 9999 {
            return self.say(&crate::msg!("date-beyond-9999", date = written.replace('+', "")));
        }
        written
    }

    /// A date range, one date when it is a single day.
    #[must_use]
    pub fn range(self, range: DateRange) -> String {
        if range.from == range.to {
            self.date(range.from)
        } else {
            self.say(&msg!("date-range", from = range.from, to = range.to))
        }
    }
}

/// A message of the catalogue: its id and its named arguments.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    /// The id in `locales/*/*.ftl`.
    pub id: &'static str,
    /// The arguments, by the names the catalogue writes as `{ $name }`.
    pub args: Vec<(&'static str, Arg)>,
}

impl Message {
    /// A message without arguments yet.
    #[must_use]
    pub fn new(id: &'static str) -> Message {
        Message { id, args: Vec::new() }
    }

    /// The message with one more argument.
    #[must_use]
    pub fn arg(mut self, name: &'static str, value: impl Into<Arg>) -> Message {
        self.args.push((name, value.into()));
        self
    }
}

/// `msg!("id", name = value, ...)`: a [`Message`] with its arguments.
#[macro_export]
macro_rules! msg {
    ($id:expr $(, $name:ident = $value:expr)* $(,)?) => {
        $crate::i18n::Message::new($id)$(.arg(stringify!($name), $value))*
    };
}
pub use crate::msg;

/// Said without a language (`Display` of errors, logs): the id and the arguments.
impl fmt::Display for Message {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id)?;
        for (i, (name, arg)) in self.args.iter().enumerate() {
            f.write_str(if i == 0 { " (" } else { ", " })?;
            match arg {
                Arg::Text(text) => write!(f, "{name} = {text:?}")?,
                Arg::Number(n) => write!(f, "{name} = {n}")?,
                Arg::Date(date) => write!(f, "{name} = {date}")?,
                Arg::Range(range) => write!(f, "{name} = {}..{}", range.from, range.to)?,
                Arg::Message(inner) => write!(f, "{name} = [{inner}]")?,
                Arg::List(items) => {
                    let items: Vec<String> = items.iter().map(ToString::to_string).collect();
                    write!(f, "{name} = [{}]", items.join("; "))?;
                }
            }
        }
        if self.args.is_empty() { Ok(()) } else { f.write_str(")") }
    }
}

/// One argument of a [`Message`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Arg {
    /// Text inserted as it is (names, paths, values from the file).
    Text(String),
    /// A count or a number; Fluent picks the plural form by it.
    Number(i64),
    /// A date, written the language's way.
    Date(NaiveDate),
    /// A date range, written the language's way.
    Range(DateRange),
    /// Another message, said in the same language first.
    Message(Box<Message>),
    /// Several messages, said one after another, comma-separated.
    List(Vec<Message>),
}

impl From<&str> for Arg {
    fn from(text: &str) -> Arg {
        Arg::Text(text.to_owned())
    }
}

impl From<String> for Arg {
    fn from(text: String) -> Arg {
        Arg::Text(text)
    }
}

impl From<&String> for Arg {
    fn from(text: &String) -> Arg {
        Arg::Text(text.clone())
    }
}

impl From<std::borrow::Cow<'_, str>> for Arg {
    fn from(text: std::borrow::Cow<'_, str>) -> Arg {
        Arg::Text(text.into_owned())
    }
}

macro_rules! number_args {
    ($($t:ty),*) => {$(
        impl From<$t> for Arg {
            fn from(n: $t) -> Arg {
                Arg::Number(i64::try_from(n).unwrap_or(i64::MAX))
            }
        }
    )*};
}
number_args!(i32, i64, u32, u64, usize);

impl From<NaiveDate> for Arg {
    fn from(date: NaiveDate) -> Arg {
        Arg::Date(date)
    }
}

impl From<DateRange> for Arg {
    fn from(range: DateRange) -> Arg {
        Arg::Range(range)
    }
}

impl From<Vec<Message>> for Arg {
    fn from(items: Vec<Message>) -> Arg {
        Arg::List(items)
    }
}

impl From<Message> for Arg {
    fn from(message: Message) -> Arg {
        Arg::Message(Box::new(message))
    }
}

/// The candidate closest to `word` when it is a plausible typo of it.
#[must_use]
pub fn nearest<'a>(word: &str, candidates: impl Iterator<Item = &'a str>) -> Option<&'a str> {
    let word = word.to_lowercase();
    candidates
        .map(|c| (strsim::damerau_levenshtein(&word, &c.to_lowercase()), c))
        .filter(|&(distance, c)| distance <= 2.max(c.chars().count() / 4) && distance < c.chars().count())
        .min_by_key(|&(distance, _)| distance)
        .map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use std::collections::{BTreeMap, BTreeSet};

    use clap::ValueEnum;
    use fluent_syntax::ast;

    use super::*;

    /// Every message id of a language, with the `$arguments` its text uses.
    fn messages(lang: Lang) -> BTreeMap<String, BTreeSet<String>> {
        fn pattern(p: &ast::Pattern<&str>, out: &mut BTreeSet<String>) {
            for element in &p.elements {
                if let ast::PatternElement::Placeable { expression } = element {
                    expression_args(expression, out);
                }
            }
        }
        fn inline(e: &ast::InlineExpression<&str>, out: &mut BTreeSet<String>) {
            match e {
                ast::InlineExpression::VariableReference { id } => {
                    out.insert(id.name.to_owned());
                }
                ast::InlineExpression::Placeable { expression } => expression_args(expression, out),
                _ => {}
            }
        }
        fn expression_args(e: &ast::Expression<&str>, out: &mut BTreeSet<String>) {
            match e {
                ast::Expression::Select { selector, variants } => {
                    inline(selector, out);
                    for variant in variants {
                        pattern(&variant.value, out);
                    }
                }
                ast::Expression::Inline(e) => inline(e, out),
            }
        }
        let mut all = BTreeMap::new();
        for (file, text) in lang.catalogue().iter().enumerate() {
            let resource = match FluentResource::try_new((*text).to_owned()) {
                Ok(resource) => resource,
                Err((_, errors)) => panic!("locales/{}/ file {file}: {errors:?}", lang.code()),
            };
            for entry in resource.entries() {
                if let ast::Entry::Message(message) = entry {
                    let mut args = BTreeSet::new();
                    if let Some(value) = &message.value {
                        pattern(value, &mut args);
                    }
                    let id = message.id.name.to_owned();
                    assert!(all.insert(id.clone(), args).is_none(), "{}: `{id}` is given twice", lang.code());
                }
            }
        }
        all
    }

    #[test]
    fn every_catalogue_has_the_same_messages_and_arguments() {
        let english = messages(Lang::En);
        for &lang in Lang::value_variants() {
            let other = messages(lang);
            let missing: Vec<_> = english.keys().filter(|id| !other.contains_key(*id)).collect();
            let extra: Vec<_> = other.keys().filter(|id| !english.contains_key(*id)).collect();
            assert!(missing.is_empty(), "locales/{}/ lacks {missing:?}", lang.code());
            assert!(extra.is_empty(), "locales/{}/ has messages English lacks: {extra:?}", lang.code());
            for (id, args) in &english {
                assert_eq!(&other[id], args, "locales/{}/: `{id}` takes other arguments than in English", lang.code());
            }
        }
    }

    #[test]
    fn every_message_the_code_names_is_in_the_catalogues() {
        // The ids the code names: the first string of `msg!(...)` and of `.word(...)`.
        let english = messages(Lang::En);
        let mut missing = Vec::new();
        let mut stack = vec![std::path::PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/src"))];
        while let Some(path) = stack.pop() {
            if path.is_dir() {
                stack.extend(std::fs::read_dir(&path).unwrap().map(|e| e.unwrap().path()));
                continue;
            }
            if path.extension().is_none_or(|e| e != "rs") {
                continue;
            }
            let text = std::fs::read_to_string(&path).unwrap();
            for opening in ["msg!(\"", ".word(\"", "Message::new(\""] {
                for (at, _) in text.match_indices(opening) {
                    let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
                    if text[line_start..at].trim_start().starts_with("//") {
                        continue;
                    }
                    let rest = &text[at + opening.len()..];
                    let id = &rest[..rest.find('"').unwrap()];
                    if id != "id" && !english.contains_key(id) {
                        missing.push(format!("{}: {id}", path.display()));
                    }
                }
            }
        }
        assert!(missing.is_empty(), "messages no catalogue has: {missing:#?}");
    }

    #[test]
    fn every_message_of_the_catalogues_is_used() {
        // Ids made at run time: the command line's words (by command and flag), the month names.
        let made = ["cli-", "man-", "month-", "date-format"];
        let mut code = String::new();
        let mut stack = vec![std::path::PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/src"))];
        while let Some(path) = stack.pop() {
            if path.is_dir() {
                stack.extend(std::fs::read_dir(&path).unwrap().map(|e| e.unwrap().path()));
            } else if path.extension().is_some_and(|e| e == "rs") {
                code.push_str(&std::fs::read_to_string(&path).unwrap());
            }
        }
        let unused: Vec<String> = messages(Lang::En)
            .into_keys()
            .filter(|id| !made.iter().any(|prefix| id.starts_with(prefix)) && !code.contains(&format!("\"{id}\"")))
            .collect();
        assert!(unused.is_empty(), "messages no code says: {unused:?}");
    }

    #[test]
    fn russian_counts_agree_with_their_nouns() {
        let date = NaiveDate::from_ymd_opt(2019, 4, 1).unwrap();
        let said: Vec<String> = [1, 2, 5, 11, 21, 22, 111]
            .iter()
            .map(|&n| Lang::Ru.say(&msg!("check-summary", errors = n, warnings = 0, as_of = date)))
            .collect();
        let heads: Vec<&str> = said.iter().map(|s| s.split(',').next().unwrap()).collect();
        assert_eq!(heads, ["1 ошибка", "2 ошибки", "5 ошибок", "11 ошибок", "21 ошибка", "22 ошибки", "111 ошибок"]);
        assert_eq!(said[0], "1 ошибка, 0 предупреждений (на 01.04.2019)");
    }

    #[test]
    fn dates_are_iso_in_english_and_day_first_in_russian() {
        let date = NaiveDate::from_ymd_opt(2019, 5, 31).unwrap();
        assert_eq!(Lang::En.date(date), "2019-05-31");
        assert_eq!(Lang::Ru.date(date), "31.05.2019");
        let range = DateRange { from: NaiveDate::from_ymd_opt(2019, 5, 1).unwrap(), to: date };
        assert_eq!(Lang::Ru.range(range), "01.05.2019 – 31.05.2019");
    }

    #[test]
    fn a_missing_message_is_shown_by_its_id() {
        let id = "no-such-message";
        assert_eq!(Lang::En.word(id), id);
    }

    #[test]
    fn locale_decides_the_language_unless_given() {
        let env = |pairs: &'static [(&'static str, &'static str)]| {
            move |key: &str| pairs.iter().find(|(k, _)| *k == key).map(|(_, v)| (*v).to_owned())
        };
        let russian_system = || Some("ru-RU".to_owned());
        let no_system = || None;
        let detect =
            |explicit, pairs, system: &dyn Fn() -> Option<String>| Lang::detect_with(explicit, env(pairs), system);
        assert_eq!(detect(None, &[("LANG", "ru_RU.UTF-8")], &no_system), Lang::Ru);
        assert_eq!(detect(None, &[("LC_ALL", "C"), ("LANG", "ru_RU.UTF-8")], &no_system), Lang::En);
        assert_eq!(detect(None, &[("LC_ALL", ""), ("LC_MESSAGES", "ru_RU")], &no_system), Lang::Ru);
        assert_eq!(detect(Some(Lang::En), &[("LANG", "ru_RU.UTF-8")], &russian_system), Lang::En);
        assert_eq!(detect(None, &[], &no_system), Lang::En);
        // No locale variable (Windows, macOS): the system's language.
        assert_eq!(detect(None, &[], &russian_system), Lang::Ru);
        assert_eq!(detect(None, &[("LANG", "")], &|| Some("ru".to_owned())), Lang::Ru);
        assert_eq!(detect(None, &[], &|| Some("en-GB".to_owned())), Lang::En);
        // A variable that is set wins over the system, even when it names no language of ours.
        assert_eq!(detect(None, &[("LANG", "C.UTF-8")], &russian_system), Lang::En);
        assert_eq!(detect(None, &[("LC_MESSAGES", "en_US.UTF-8")], &russian_system), Lang::En);
    }

    #[test]
    fn nearest_finds_typos_only() {
        let keys = ["responsible", "agreed_with", "title"];
        assert_eq!(nearest("responsable", keys.into_iter()), Some("responsible"));
        assert_eq!(nearest("colour", keys.into_iter()), None);
    }
}

/// A text to be put in «ёлочки» by a message (`who = «{ $title }»`): quotes of the same kind
/// inside it become „лапки“, as Russian nests quotes, so that a title holding «…» never ends
/// in a doubled »» («Конкурс „Лучший руководитель“»).
#[must_use]
pub fn nested_quotes(text: &str) -> std::borrow::Cow<'_, str> {
    if text.contains(['«', '»']) {
        std::borrow::Cow::Owned(text.replace('«', "„").replace('»', "“"))
    } else {
        std::borrow::Cow::Borrowed(text)
    }
}

#[cfg(test)]
mod quote_tests {
    #[test]
    fn a_title_in_quotes_nests_its_own_quotes() {
        let title = "Конкурс «Лучший руководитель ТОС»";
        assert_eq!(super::nested_quotes(title), "Конкурс „Лучший руководитель ТОС“");
        assert_eq!(super::nested_quotes("Заседания совета"), "Заседания совета");
    }
}
