//! The plan file as serde sees it: every key, with its span, before any meaning is given to it.
//!
//! `deny_unknown_fields` everywhere, so that a typo such as `responsable` is an error, not a
//! silently ignored key.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use indexmap::IndexMap;
use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::Deserialize;
use serde::de::{self, Deserializer};
use toml::Spanned;

// The doc comments on the types below are also the descriptions of `plan schema`, which editors
// show while the plan is typed: they are written for the people who edit the plan.

/// A plan file: the plan, its parties and its sections of activities. Documented in plans/README.md.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "plan file")]
pub(super) struct File {
    /// The plan itself: title, organisation and period.
    #[schemars(with = "Header")]
    pub plan: Spanned<Header>,
    /// The parties that can be responsible for activities, one table per party: `[parties.presidium]`.
    /// The key is the party's id: lowercase Latin letters, digits and `-`.
    #[serde(default)]
    #[schemars(with = "BTreeMap<String, Party>", extend("propertyNames" = {"pattern": ID_PATTERN}))]
    pub parties: IndexMap<Spanned<String>, Spanned<Party>>,
    /// The sections of the plan, in the document's order: `[[section]]`.
    #[serde(default)]
    #[schemars(with = "Vec<Section>")]
    pub section: Vec<Spanned<Section>>,
}

/// The pattern of party and activity ids.
const ID_PATTERN: &str = "^[a-z0-9-]+$";

/// `[plan]`: what the plan is and which period it covers.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(super) struct Header {
    /// The plan's title, printed above tables: "План работы ... на 2019 год".
    #[schemars(with = "String", length(min = 1))]
    pub title: Spanned<String>,
    /// The organisation the plan belongs to.
    pub organization: Option<String>,
    /// The plan year; month names in `when` mean months of this year. Required unless both `start` and `end` are given.
    #[schemars(with = "Option<u16>", range(min = 1, max = 9999))]
    pub year: Option<Spanned<i64>>,
    /// The first day of the plan period (default: 1 January of `year`). A TOML date, without quotes: 2019-01-01.
    #[schemars(with = "Option<LocalDate>")]
    pub start: Option<Spanned<LocalDate>>,
    /// The last day of the plan period (default: 31 December of `year`). A TOML date, without quotes: 2019-12-31.
    #[schemars(with = "Option<LocalDate>")]
    pub end: Option<Spanned<LocalDate>>,
    /// The approval line of the printed plan: «УТВЕРЖДЁН {by} от {date} № {number}».
    pub approval: Option<Approval>,
    /// Who signs the printed plan and the fulfilment report.
    pub signature: Option<Signature>,
}

/// `[plan.approval]`: who approved the plan, when, and under which number.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(super) struct Approval {
    /// Who approved it, as the line reads after «УТВЕРЖДЁН»: "решением Президиума Смоленского Регионального совета ВСМС".
    pub by: String,
    /// The day of the decision. A TOML date, without quotes: 2018-12-20. Left out in a plan not
    /// yet approved (`plan new` drops it): the printed line then has a blank to fill in.
    #[schemars(with = "Option<LocalDate>")]
    pub date: Option<LocalDate>,
    /// The number of the decision or protocol: "12". Left out, like `date`, until it is known.
    pub number: Option<String>,
}

/// `[plan.signature]`: who signs the printed documents.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(super) struct Signature {
    /// The signer's position: "Председатель Президиума РС ВСМС".
    pub position: String,
    /// The signer's name as printed: "И. И. Иванов".
    pub name: String,
}

/// `[parties.ID]`: a party that can be responsible for activities.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(super) struct Party {
    /// How the party is printed: "Президиум РС ВСМС".
    #[schemars(with = "String", length(min = 1))]
    pub name: Spanned<String>,
    /// The unabbreviated name: "Президиум Смоленского Регионального совета ВСМС".
    pub full_name: Option<String>,
    /// The name as it reads after «по согласованию с» (the instrumental case): "Президиумом".
    /// Default: `name`.
    #[schemars(length(min = 1))]
    pub agreed_form: Option<String>,
    /// Other names accepted by `--responsible`, such as `["президиум", "presidium"]`.
    #[serde(default)]
    pub aliases: Vec<String>,
}

/// A list of party ids, each with its span.
pub(super) type PartyRefs = Spanned<Vec<Spanned<String>>>;

/// `[[section]]`: a section of the plan; its activities follow as `[[section.activity]]`.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(super) struct Section {
    /// The section heading, as in the document.
    #[schemars(with = "String", length(min = 1))]
    pub title: Spanned<String>,
    /// The time of every activity of the section that has no `when` of its own (a merged cell in the document).
    #[schemars(with = "Option<String>")]
    pub when: Option<Spanned<String>>,
    /// Party ids responsible for every activity of the section that has no `responsible` of its own.
    #[schemars(with = "Option<Vec<PartyId>>")]
    pub responsible: Option<PartyRefs>,
    /// Party ids to agree with ("по согласованию с ...") for every activity that has no `agreed_with` of its own.
    #[schemars(with = "Option<Vec<PartyId>>")]
    pub agreed_with: Option<PartyRefs>,
    /// Party ids of `responsible` that take part if they agree, for every activity that has no
    /// `by_agreement` of its own: printed «Совет ветеранов (по согласованию)».
    #[schemars(with = "Option<Vec<PartyId>>")]
    pub by_agreement: Option<PartyRefs>,
    /// The activities of the section, in the document's order.
    #[serde(default)]
    #[schemars(with = "Vec<Activity>")]
    pub activity: Vec<Spanned<Activity>>,
}

/// `[[section.activity]]`: one activity; numbered S.A in file order.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(super) struct Activity {
    /// A stable name for the activity, unique in the file: "council-sessions".
    #[schemars(with = "Option<String>", regex(pattern = ID_PATTERN))]
    pub id: Option<Spanned<String>>,
    /// The activity, in the document's wording.
    #[schemars(with = "String", length(min = 1))]
    pub title: Spanned<String>,
    /// When it takes place: "апрель", "июнь – сентябрь", "II полугодие", "весь период",
    /// "не реже 1-го раза в 6 месяцев". Required unless the section gives it.
    #[schemars(with = "Option<String>")]
    pub when: Option<Spanned<String>>,
    /// A readable time that gives the dates when `when` is text the grammar does not read
    /// ("по отдельному плану администрации"): `when` is still printed as written.
    #[schemars(with = "Option<String>")]
    pub period: Option<Spanned<String>>,
    /// Party ids responsible for the activity. Required unless the section gives them.
    #[schemars(with = "Option<Vec<PartyId>>")]
    pub responsible: Option<PartyRefs>,
    /// Party ids whose agreement is needed: "по согласованию с Президиумом" is `["presidium"]`.
    #[schemars(with = "Option<Vec<PartyId>>")]
    pub agreed_with: Option<PartyRefs>,
    /// Party ids of `responsible` that take part if they agree (the document writes «(по
    /// согласованию)» after their names): `["sovet-veteranov"]`. They stay responsible; printed
    /// «Совет ветеранов (по согласованию)».
    #[schemars(with = "Option<Vec<PartyId>>")]
    pub by_agreement: Option<PartyRefs>,
    /// An outside organiser or partner: "Избирком Смоленской области".
    pub partner: Option<String>,
    /// Where it takes place: "г. Смоленск, ул. Ленина, 1".
    pub place: Option<String>,
    /// When the activity took place: dates, or { on = DATE, note = "..." }.
    #[serde(default)]
    #[schemars(with = "Vec<Held>")]
    pub held: Vec<Spanned<Held>>,
    /// Future dates already fixed.
    #[serde(default)]
    #[schemars(with = "Vec<LocalDate>")]
    pub planned: Vec<Spanned<LocalDate>>,
    /// Recurring activities only: how `plan check` reads "at least N times in M months".
    #[schemars(with = "Option<Rule>")]
    pub rule: Option<Spanned<Rule>>,
    /// Recurring activities only: the last meeting before the plan period; the rolling clock starts there.
    #[schemars(with = "Option<LocalDate>")]
    pub last_before: Option<Spanned<LocalDate>>,
    /// `planned` (the default), `cancelled`, or `not-done` (explicitly not done; `note` says why).
    pub status: Option<Status>,
    /// Free text; searched by `--grep`.
    pub note: Option<String>,
    /// What was done, in words, for the fulfilment report.
    pub result: Option<String>,
}

/// A party id, as declared under `[parties.ID]`.
#[derive(JsonSchema)]
#[schemars(transparent)]
#[allow(dead_code)] // exists only to give the schema a named, patterned string
struct PartyId(#[schemars(regex(pattern = ID_PATTERN))] String);

/// How a recurring rule is read (spec §4).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Rule {
    /// No gap longer than M months (the default).
    Rolling,
    /// At least N in each block of M months from the plan's start.
    Calendar,
    /// Both readings must hold.
    Both,
}

/// Whether an activity is still on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// The default.
    #[default]
    Planned,
    /// Will not take place; `check` stops asking for it.
    Cancelled,
    /// Was not done, and the secretariat says so: the report counts it «не выполнено», and
    /// `check` stops asking for a mark (`note` says why).
    #[serde(rename = "not-done")]
    NotDone,
}

/// A TOML local date (`2019-03-14`); a time, an offset or a quoted string is refused with a hint.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct LocalDate(pub NaiveDate);

impl JsonSchema for LocalDate {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "LocalDate".into()
    }

    /// Editors convert TOML local dates to strings of this format when they validate.
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "string",
            "format": "date",
            "description": "A TOML local date, written without quotes: 2019-03-14."
        })
    }
}

impl<'de> Deserialize<'de> for LocalDate {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(DateVisitor { table: false }).map(|held| LocalDate(held.on))
    }
}

/// One entry of `held`: a bare date, or `{ on = DATE, note = "..." }`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Held {
    pub on: NaiveDate,
    pub note: Option<String>,
}

impl JsonSchema for Held {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Held".into()
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        let date = generator.subschema_for::<LocalDate>();
        json_schema!({
            "description": "A date the activity took place, or { on = DATE, note = \"...\" }.",
            "anyOf": [
                date,
                {
                    "type": "object",
                    "properties": {
                        "on": date,
                        "note": { "type": "string", "description": "A protocol number, a place, ..." }
                    },
                    "required": ["on"],
                    "additionalProperties": false
                }
            ]
        })
    }
}

impl<'de> Deserialize<'de> for Held {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(DateVisitor { table: true })
    }
}

/// The keys of `{ on = DATE, note = "..." }` in `held`.
pub(super) const HELD_KEYS: &[&str] = &["on", "note"];

/// What the type error of a date says it expected; `load` knows a date's errors by it.
pub(super) const EXPECTED_DATE: &str = "a date such as 2019-03-14";

/// Visits a date, and for `held` also `{ on = DATE, note = "..." }`.
///
/// A visitor, rather than reading a `toml::Value` and checking it afterwards: an error raised
/// while the value is visited gets the span of this value, so `held = [2019-03-14, "2019-05-01"]`
/// points at the quoted date rather than at the whole array. The errors keep serde's shapes
/// (`invalid type: string "2019-05-01", expected a date such as 2019-03-14`), which `load` turns
/// into typed problems.
struct DateVisitor {
    table: bool,
}

impl<'de> de::Visitor<'de> for DateVisitor {
    type Value = Held;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str(EXPECTED_DATE)
    }

    /// A TOML date arrives as a map with one private key, which `toml_datetime` recognises
    /// without building a table (a `toml::Value` for each of a large plan's dates cost more than
    /// the rest of reading them); an inline table arrives as its keys.
    fn visit_map<A: de::MapAccess<'de>>(self, mut map: A) -> Result<Held, A::Error> {
        use toml_datetime::de::VisitMap;
        match VisitMap::next_key_seed(&mut map)? {
            Some(VisitMap::Datetime(datetime)) => {
                Ok(Held { on: date_from_value(&toml::Value::Datetime(datetime))?, note: None })
            }
            Some(VisitMap::Key(first)) if self.table => held_from_entries(first.into_owned(), map),
            None if self.table => Err(de::Error::missing_field("on")),
            Some(VisitMap::Key(_)) | None => Err(de::Error::invalid_type(de::Unexpected::Map, &EXPECTED_DATE)),
        }
    }
}

/// `{ on = DATE, note = "..." }`, from its first key on.
fn held_from_entries<'de, A: de::MapAccess<'de>>(first: String, mut map: A) -> Result<Held, A::Error> {
    let mut on = None;
    let mut note = None;
    let mut key = Some(first);
    while let Some(name) = key {
        match (name.as_str(), map.next_value::<toml::Value>()?) {
            ("on", value) => on = Some(date_from_value(&value)?),
            ("note", toml::Value::String(text)) => note = Some(text),
            // The error's span is the whole `{ ... }`: name the key in it (`load` reads it back).
            ("note", other) => return Err(de::Error::invalid_type(unexpected(&other), &"a string for `note`")),
            _ => return Err(de::Error::unknown_field(&name, HELD_KEYS)),
        }
        key = map.next_key::<String>()?;
    }
    let on = on.ok_or_else(|| de::Error::missing_field("on"))?;
    Ok(Held { on, note })
}

fn date_from_value<E: de::Error>(value: &toml::Value) -> Result<NaiveDate, E> {
    match value {
        toml::Value::Datetime(datetime) => match (datetime.date, datetime.time, datetime.offset) {
            (Some(date), None, None) => {
                NaiveDate::from_ymd_opt(i32::from(date.year), u32::from(date.month), u32::from(date.day))
                    .ok_or_else(|| E::invalid_value(de::Unexpected::Other(&format!("date {datetime}")), &EXPECTED_DATE))
            }
            _ => Err(E::invalid_type(de::Unexpected::Other(&format!("date-time {datetime}")), &EXPECTED_DATE)),
        },
        other => Err(E::invalid_type(unexpected(other), &EXPECTED_DATE)),
    }
}

fn unexpected(value: &toml::Value) -> de::Unexpected<'_> {
    match value {
        toml::Value::String(text) => de::Unexpected::Str(text),
        toml::Value::Integer(n) => de::Unexpected::Signed(*n),
        toml::Value::Float(x) => de::Unexpected::Float(*x),
        toml::Value::Boolean(b) => de::Unexpected::Bool(*b),
        toml::Value::Datetime(_) => de::Unexpected::Other("date-time"),
        toml::Value::Array(_) => de::Unexpected::Seq,
        toml::Value::Table(_) => de::Unexpected::Map,
    }
}
