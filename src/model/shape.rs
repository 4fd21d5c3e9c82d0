//! The plan file's shape checked on the parsed document: every key against the keys its table
//! allows, every value against the type its key takes, every required key present.
//!
//! serde stops at the first such mistake and says it in English prose; this walk reads the
//! document the TOML parser built (keys and values with their spans) and names each mistake as
//! a typed [`Problem`] at the key or value itself. The keys of each table come from the types of
//! `raw.rs` themselves (what serde's derive knows of them), so the two cannot drift apart.

use std::ops::Range;

use serde::de::{self, Deserialize, Deserializer, Visitor};
use toml::Spanned;
use toml::de::{DeTable, DeValue};

use super::raw;
use crate::error::{Diagnostic, Expected, Found, Problem};

/// The tables of a plan file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Table {
    File,
    Header,
    Approval,
    Signature,
    Party,
    Section,
    Activity,
    /// `{ on = DATE, note = "..." }` in `held`.
    Held,
}

/// What a key takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    Text,
    WholeNumber,
    Date,
    /// A list of text (party ids, aliases).
    Texts,
    /// A list of dates.
    Dates,
    /// A list of dates or `{ on = DATE, note = "..." }`.
    Helds,
    Table(Table),
    /// A list of tables: `[[section]]`.
    Tables(Table),
    /// `[parties.ID]`: a table of party tables.
    Parties,
    /// One of a fixed set of words.
    Choice(&'static [&'static str]),
}

impl Table {
    /// The keys the table allows, as serde reads them.
    pub(super) fn keys(self) -> &'static [&'static str] {
        match self {
            Table::File => names::<raw::File>(),
            Table::Header => names::<raw::Header>(),
            Table::Approval => names::<raw::Approval>(),
            Table::Signature => names::<raw::Signature>(),
            Table::Party => names::<raw::Party>(),
            Table::Section => names::<raw::Section>(),
            Table::Activity => names::<raw::Activity>(),
            Table::Held => raw::HELD_KEYS,
        }
    }

    /// The keys that must be given (the fields of `raw.rs` that are neither `Option` nor `default`).
    fn required(self) -> &'static [&'static str] {
        match self {
            Table::File => &["plan"],
            Table::Header | Table::Section | Table::Activity => &["title"],
            Table::Approval => &["by", "date", "number"],
            Table::Signature => &["position", "name"],
            Table::Party => &["name"],
            Table::Held => &["on"],
        }
    }

    /// What `key` takes in this table; `None` for a key the table does not have.
    pub(super) fn kind(self, key: &str) -> Option<Kind> {
        use Kind::{Date, Dates, Helds, Text, Texts, WholeNumber};
        Some(match (self, key) {
            (Table::File, "plan") => Kind::Table(Table::Header),
            (Table::File, "parties") => Kind::Parties,
            (Table::File, "section") => Kind::Tables(Table::Section),
            (Table::Header, "approval") => Kind::Table(Table::Approval),
            (Table::Header, "signature") => Kind::Table(Table::Signature),
            (Table::Section, "activity") => Kind::Tables(Table::Activity),
            (Table::Header, "title" | "organization")
            | (Table::Approval, "by" | "number")
            | (Table::Signature, "position" | "name")
            | (Table::Party, "name" | "full_name" | "agreed_form")
            | (Table::Section | Table::Activity, "title" | "when")
            | (Table::Activity, "id" | "partner" | "note" | "result" | "place" | "period")
            | (Table::Held, "note") => Text,
            (Table::Header, "year") => WholeNumber,
            (Table::Header, "start" | "end")
            | (Table::Approval, "date")
            | (Table::Activity, "last_before")
            | (Table::Held, "on") => Date,
            (Table::Party, "aliases")
            | (Table::Section | Table::Activity, "responsible" | "agreed_with" | "by_agreement") => Texts,
            (Table::Activity, "held") => Helds,
            (Table::Activity, "planned") => Dates,
            (Table::Activity, "rule") => Kind::Choice(names::<raw::Rule>()),
            (Table::Activity, "status") => Kind::Choice(names::<raw::Status>()),
            _ => return None,
        })
    }
}

/// The field names of a struct, or the variant names of an enum, as its `Deserialize` gives
/// them to a deserializer (renamed as the file writes them).
fn names<'de, T: Deserialize<'de>>() -> &'static [&'static str] {
    let mut names: &'static [&'static str] = &[];
    let _ = T::deserialize(Names(&mut names));
    names
}

/// A deserializer that only records the names a type asks for, then stops.
struct Names<'a>(&'a mut &'static [&'static str]);

impl<'de> Deserializer<'de> for Names<'_> {
    type Error = de::value::Error;

    fn deserialize_any<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Self::Error> {
        Err(de::Error::custom("names only"))
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        fields: &'static [&'static str],
        _: V,
    ) -> Result<V::Value, Self::Error> {
        *self.0 = fields;
        Err(de::Error::custom("names only"))
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _: &'static str,
        variants: &'static [&'static str],
        _: V,
    ) -> Result<V::Value, Self::Error> {
        *self.0 = variants;
        Err(de::Error::custom("names only"))
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf option unit
        unit_struct newtype_struct seq tuple tuple_struct map identifier ignored_any
    }
}

/// Every mistake of shape in the document, in no particular order.
pub(super) fn check(document: &Spanned<DeTable<'_>>, text: &str) -> Vec<Diagnostic> {
    let mut walk = Walk { text, found: Vec::new() };
    walk.table(Table::File, document.get_ref(), document.span());
    walk.found
}

struct Walk<'t> {
    text: &'t str,
    found: Vec<Diagnostic>,
}

impl Walk<'_> {
    fn report(&mut self, span: Range<usize>, problem: Problem) {
        self.found.push(Diagnostic { span, problem });
    }

    fn table(&mut self, table: Table, entries: &DeTable<'_>, span: Range<usize>) {
        for (key, value) in entries {
            match table.kind(key.get_ref()) {
                Some(kind) => self.value(kind, key.get_ref(), value),
                None => {
                    let expected = table.keys().iter().map(|k| (*k).to_owned()).collect();
                    self.report(key.span(), Problem::UnknownKey { key: super::written::clip(key.get_ref()), expected });
                }
            }
        }
        for &required in table.required() {
            if !entries.keys().any(|key| key.get_ref() == required) {
                self.report(span.start..span.start, Problem::MissingKey { key: required.to_owned() });
            }
        }
    }

    fn value(&mut self, kind: Kind, key: &str, value: &Spanned<DeValue<'_>>) {
        let span = value.span();
        match (kind, value.get_ref()) {
            (Kind::Date, _) => self.date(key, value),
            // `0x`, or more digits than a whole number holds: read as one, but not a number.
            (Kind::WholeNumber, DeValue::Integer(n)) if i64::from_str_radix(n.as_str(), n.radix()).is_err() => {
                self.wrong_type(Some(key), value, Expected::WholeNumber);
            }
            (Kind::Text, DeValue::String(_)) | (Kind::WholeNumber, DeValue::Integer(_)) => {}
            (Kind::Parties, DeValue::Table(parties)) => {
                for (id, party) in parties {
                    self.value(Kind::Table(Table::Party), id.get_ref(), party);
                }
            }
            (Kind::Choice(allowed), DeValue::String(word)) => {
                if !allowed.contains(&word.as_ref()) {
                    let expected = allowed.iter().map(|a| (*a).to_owned()).collect();
                    self.report(
                        span,
                        Problem::UnknownValue {
                            key: Some(key.to_owned()),
                            value: super::written::clip(word),
                            expected,
                        },
                    );
                }
            }
            (Kind::Texts | Kind::Dates | Kind::Helds, DeValue::Array(items)) => {
                let item = match kind {
                    Kind::Texts => Kind::Text,
                    Kind::Dates => Kind::Date,
                    _ => Kind::Helds,
                };
                for value in items {
                    match (item, value.get_ref()) {
                        (Kind::Helds, DeValue::Table(entries)) => self.table(Table::Held, entries, value.span()),
                        (Kind::Helds, _) => self.date(key, value),
                        (item, _) => self.value(item, key, value),
                    }
                }
            }
            (Kind::Table(table), DeValue::Table(entries)) => self.table(table, entries, span),
            (Kind::Tables(table), DeValue::Array(items)) => {
                for item in items {
                    match item.get_ref() {
                        DeValue::Table(entries) => self.table(table, entries, item.span()),
                        _ => self.wrong_type(None, item, Expected::Table),
                    }
                }
            }
            // `[[parties.presidium]]`, `[section]`: the brackets are the mistake, not a key.
            (Kind::Table(_) | Kind::Parties, DeValue::Array(_)) if self.header_at(span.start) => {
                self.report(span.start..span.start, wrong(None, Found::List, Expected::Table));
            }
            (Kind::Tables(_), DeValue::Table(_)) if self.header_at(span.start) => {
                self.report(span.start..span.start, wrong(None, Found::Table, Expected::List));
            }
            (Kind::Text | Kind::Choice(_), _) => self.wrong_type(Some(key), value, Expected::Text),
            (Kind::WholeNumber, _) => self.wrong_type(Some(key), value, Expected::WholeNumber),
            (Kind::Texts | Kind::Dates | Kind::Helds | Kind::Tables(_), _) => {
                self.wrong_type(Some(key), value, Expected::List);
            }
            (Kind::Table(_) | Kind::Parties, _) => self.wrong_type(Some(key), value, Expected::Table),
        }
    }

    /// A TOML local date: not a time, not a date in quotes.
    fn date(&mut self, key: &str, value: &Spanned<DeValue<'_>>) {
        let written = self.written(value.span());
        match value.get_ref() {
            DeValue::Datetime(datetime)
                if datetime.date.is_some() && datetime.time.is_none() && datetime.offset.is_none() => {}
            DeValue::Datetime(_) => self.report(value.span(), Problem::DateWithTime { text: written }),
            DeValue::String(_) => match super::written::quoted_date(&written) {
                Some(date) => self.report(value.span(), Problem::QuotedDate { written, date }),
                None => self.wrong_type(Some(key), value, Expected::Date),
            },
            _ => self.wrong_type(Some(key), value, Expected::Date),
        }
    }

    fn wrong_type(&mut self, key: Option<&str>, value: &Spanned<DeValue<'_>>, expected: Expected) {
        let written = self.written(value.span());
        let found = match value.get_ref() {
            DeValue::String(_) => Found::Text(written),
            DeValue::Integer(_) | DeValue::Float(_) => Found::Number(written),
            DeValue::Boolean(_) => Found::Boolean(written),
            DeValue::Datetime(_) => Found::Date(written),
            DeValue::Array(_) => Found::List,
            DeValue::Table(_) => Found::Table,
        };
        self.report(value.span(), wrong(key, found, expected));
    }

    /// The value as the file writes it, cut short.
    fn written(&self, span: Range<usize>) -> String {
        super::written::clip(self.text.get(span).unwrap_or("").trim())
    }

    /// Whether a `[table]` or `[[table]]` header starts at `offset`.
    fn header_at(&self, offset: usize) -> bool {
        self.text.get(offset..).is_some_and(|rest| rest.starts_with('['))
    }
}

fn wrong(key: Option<&str>, found: Found, expected: Expected) -> Problem {
    Problem::WrongType { key: key.map(str::to_owned), found, expected }
}

/// Whether the key written at `span` (where the parser refused it) is a key the document
/// already has elsewhere: then the refusal is a key given twice.
pub(super) fn given_twice(document: &Spanned<DeTable<'_>>, text: &str, span: &Range<usize>) -> Option<String> {
    let written = text.get(span.clone())?.trim();
    let name = written.trim_matches(['"', '\'']);
    if name.is_empty() || written.contains(['\n', '=', '[', ']']) {
        return None;
    }
    // A key: `KEY =`, or a name in a `[table]` header; not a word in a value (`["presidium"]`).
    let line_start = text[..span.start].rfind('\n').map_or(0, |i| i + 1);
    let after = text[span.end..].trim_start();
    let in_header = text[line_start..].trim_start().starts_with('[') && after.starts_with([']', '.']);
    if !after.starts_with('=') && !in_header {
        return None;
    }
    has(document.get_ref(), name, span).then(|| name.to_owned())
}

/// Whether `entries`, or a table within them, has the key `name` other than the one at `span`.
fn has(entries: &DeTable<'_>, name: &str, span: &Range<usize>) -> bool {
    entries.iter().any(|(key, value)| {
        let earlier = match value.get_ref() {
            // A `[table]` given twice keeps the later header's span, and the earlier one's keys.
            DeValue::Table(inner) if key.span() == *span => inner.keys().any(|k| k.span().start < span.start),
            _ => key.span() != *span,
        };
        (key.get_ref() == name && earlier) || value_has(value.get_ref(), name, span)
    })
}

/// [`has`] for the tables within a value.
fn value_has(value: &DeValue<'_>, name: &str, span: &Range<usize>) -> bool {
    match value {
        DeValue::Table(entries) => has(entries, name, span),
        DeValue::Array(items) => items.iter().any(|item| value_has(item.get_ref(), name, span)),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TABLES: [Table; 8] = [
        Table::File,
        Table::Header,
        Table::Approval,
        Table::Signature,
        Table::Party,
        Table::Section,
        Table::Activity,
        Table::Held,
    ];

    #[test]
    fn every_key_serde_reads_has_a_kind_and_every_kind_a_key() {
        for table in TABLES {
            assert!(!table.keys().is_empty(), "{table:?}");
            for key in table.keys() {
                assert!(table.kind(key).is_some(), "{table:?}.{key} has no kind");
            }
            for key in table.required() {
                assert!(table.keys().contains(key), "{table:?}.{key} is required but not a key");
            }
        }
        assert_eq!(Table::Activity.kind("rule"), Some(Kind::Choice(&["rolling", "calendar", "both"])));
        assert_eq!(Table::Activity.kind("status"), Some(Kind::Choice(&["planned", "cancelled", "not-done"])));
        assert_eq!(Table::Activity.kind("responsable"), None);
    }

    /// A file with every table and key: the walk finds nothing in it, and serde reads it.
    const FULL: &str = "[plan]\ntitle = \"T\"\norganization = \"O\"\nyear = 2019\nstart = 2019-01-01\n\
end = 2019-12-31\n[plan.approval]\nby = \"B\"\ndate = 2018-12-20\nnumber = \"1\"\n[plan.signature]\n\
position = \"P\"\nname = \"N\"\n[parties.p]\nname = \"P\"\nfull_name = \"F\"\nagreed_form = \"A\"\n\
aliases = [\"a\"]\n[[section]]\ntitle = \"S\"\nwhen = \"май\"\nresponsible = [\"p\"]\nagreed_with = [\"p\"]\nby_agreement = [\"p\"]\n\
[[section.activity]]\nid = \"a\"\ntitle = \"A\"\nwhen = \"не реже 1 раза в 6 месяцев\"\nresponsible = [\"p\"]\n\
agreed_with = [\"p\"]\npartner = \"X\"\nheld = [2019-01-10, { on = 2019-02-10, note = \"n\" }]\n\
planned = [2019-03-10]\nrule = \"calendar\"\nlast_before = 2018-12-01\nstatus = \"planned\"\nnote = \"n\"\nresult = \"r\"\n\
by_agreement = [\"p\"]\nplace = \"P\"\nperiod = \"весь период\"\n";

    #[test]
    fn a_file_with_every_key_has_the_shape() {
        let document = DeTable::parse(FULL).unwrap();
        assert_eq!(check(&document, FULL), []);
        assert!(toml::from_str::<raw::File>(FULL).is_ok());
        // And every required key, taken out, is missed by both.
        for (line, key) in [("title = \"T\"\n", "title"), ("name = \"P\"\n", "name"), ("by = \"B\"\n", "by")] {
            let text = FULL.replacen(line, "", 1);
            let document = DeTable::parse(&text).unwrap();
            let found = check(&document, &text);
            assert_eq!(found.len(), 1, "{key}: {found:?}");
            assert_eq!(found[0].problem, Problem::MissingKey { key: key.into() });
            assert!(toml::from_str::<raw::File>(&text).is_err(), "{key}");
        }
    }

    /// The problems the walk finds in `text`, each with the text its span covers.
    fn walk(text: &str) -> Vec<(String, Problem)> {
        let document = DeTable::parse(text).unwrap();
        check(&document, text).into_iter().map(|d| (text[d.span].to_owned(), d.problem)).collect()
    }

    #[test]
    fn each_mistake_is_named_at_its_key_or_value() {
        let text = "[plan]\ntitle = 2019\nyaer = 2019\n[parties.p]\nname = \"P\"\nalias = []\n[[section]]\ntitle = \"S\"\n\
                    [[section.activity]]\ntitle = \"A\"\nheld = [2019-01-02, { on = 2019-01-03, notes = \"x\" }]\n\
                    rule = \"weekly\"\nstatus = 1\nplanned = [\"2019-05-01\"]\n";
        let strings = |list: &[&str]| list.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>();
        let found = walk(text);
        let expected = [
            ("2019", wrong(Some("title"), Found::Number("2019".into()), Expected::Text)),
            ("yaer", Problem::UnknownKey { key: "yaer".into(), expected: strings(Table::Header.keys()) }),
            ("alias", Problem::UnknownKey { key: "alias".into(), expected: strings(Table::Party.keys()) }),
            ("notes", Problem::UnknownKey { key: "notes".into(), expected: strings(&["on", "note"]) }),
            (
                "\"weekly\"",
                Problem::UnknownValue {
                    key: Some("rule".into()),
                    value: "weekly".into(),
                    expected: strings(&["rolling", "calendar", "both"]),
                },
            ),
            ("1", wrong(Some("status"), Found::Number("1".into()), Expected::Text)),
            ("\"2019-05-01\"", Problem::QuotedDate { written: "\"2019-05-01\"".into(), date: "2019-05-01".into() }),
        ];
        let expected: Vec<(String, Problem)> = expected.into_iter().map(|(at, p)| (at.to_owned(), p)).collect();
        assert_eq!(found, expected);
    }

    #[test]
    fn a_key_refused_by_the_parser_is_given_twice_only_where_the_document_has_it() {
        let twice = |text: &str, at: &str| {
            let (document, _) = DeTable::parse_recoverable(text);
            let start = text.rfind(at).unwrap();
            given_twice(&document, text, &(start..start + at.len()))
        };
        assert_eq!(twice("[plan]\nyear = 2019\nyear = 2020\n", "year").as_deref(), Some("year"));
        assert_eq!(twice("[parties.p]\nname = \"P\"\n[parties.p]\n", "p").as_deref(), Some("p"));
        assert_eq!(twice("x = [{ on = 1, on = 2 }]\n", "on").as_deref(), Some("on"));
        // A word in a value is not a key, even when a key has that name.
        assert_eq!(twice("[parties.p]\nname = \"P\"\nresponsible = [p]\n", "p"), None);
        assert_eq!(twice("[plan]\nyear = 2019 2020\n", "2020"), None);
    }

    #[test]
    fn a_number_too_large_or_not_written_whole_is_not_a_whole_number() {
        for written in ["0x", "99999999999999999999"] {
            let text = format!("[plan]\ntitle = \"T\"\nyear = {written}\n");
            let Ok(document) = DeTable::parse(&text) else { continue };
            assert_eq!(
                check(&document, &text).first().map(|d| &d.problem),
                Some(&wrong(Some("year"), Found::Number(written.into()), Expected::WholeNumber)),
                "{written}"
            );
        }
    }
}
