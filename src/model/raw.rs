//! The plan file as serde sees it: every key, with its span, before any meaning is given to it.
//!
//! `deny_unknown_fields` everywhere, so that a typo such as `responsable` is an error, not a
//! silently ignored key.

use chrono::NaiveDate;
use indexmap::IndexMap;
use serde::Deserialize;
use serde::de::{self, Deserializer};
use toml::Spanned;

/// The whole file.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct File {
    pub plan: Spanned<Header>,
    #[serde(default)]
    pub parties: IndexMap<Spanned<String>, Spanned<Party>>,
    #[serde(default)]
    pub section: Vec<Spanned<Section>>,
}

/// `[plan]`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Header {
    pub title: Spanned<String>,
    pub organization: Option<String>,
    pub year: Option<Spanned<i64>>,
    pub start: Option<Spanned<LocalDate>>,
    pub end: Option<Spanned<LocalDate>>,
}

/// `[parties.ID]`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Party {
    pub name: Spanned<String>,
    pub full_name: Option<String>,
    #[serde(default)]
    pub aliases: Vec<String>,
}

/// A list of party ids, each with its span.
pub type PartyRefs = Spanned<Vec<Spanned<String>>>;

/// `[[section]]`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Section {
    pub title: Spanned<String>,
    pub when: Option<Spanned<String>>,
    pub responsible: Option<PartyRefs>,
    pub agreed_with: Option<PartyRefs>,
    #[serde(default)]
    pub activity: Vec<Spanned<Activity>>,
}

/// `[[section.activity]]`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Activity {
    pub id: Option<Spanned<String>>,
    pub title: Spanned<String>,
    pub when: Option<Spanned<String>>,
    pub responsible: Option<PartyRefs>,
    pub agreed_with: Option<PartyRefs>,
    pub partner: Option<String>,
    #[serde(default)]
    pub held: Vec<Spanned<Held>>,
    #[serde(default)]
    pub planned: Vec<Spanned<LocalDate>>,
    pub rule: Option<Spanned<Rule>>,
    pub last_before: Option<Spanned<LocalDate>>,
    pub status: Option<Status>,
    pub note: Option<String>,
}

/// How a recurring rule is read (spec §4).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Rule {
    /// No gap longer than M months.
    Rolling,
    /// At least N in each block of M months.
    Calendar,
    /// Both readings must hold.
    Both,
}

/// Whether an activity is still on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// The default.
    #[default]
    Planned,
    /// Will not take place; `check` stops asking for it.
    Cancelled,
}

/// A TOML local date (`2019-03-14`); a time, an offset or a quoted string is refused with a hint.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LocalDate(pub NaiveDate);

impl<'de> Deserialize<'de> for LocalDate {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        date_from_value(&toml::Value::deserialize(deserializer)?).map(LocalDate).map_err(de::Error::custom)
    }
}

/// One entry of `held`: a bare date, or `{ on = DATE, note = "..." }`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Held {
    pub on: NaiveDate,
    pub note: Option<String>,
}

impl<'de> Deserialize<'de> for Held {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let value = toml::Value::deserialize(deserializer)?;
        let toml::Value::Table(table) = value else {
            let on = date_from_value(&value).map_err(de::Error::custom)?;
            return Ok(Held { on, note: None });
        };
        let mut on = None;
        let mut note = None;
        for (key, value) in table {
            match key.as_str() {
                "on" => on = Some(date_from_value(&value).map_err(de::Error::custom)?),
                "note" => match value {
                    toml::Value::String(text) => note = Some(text),
                    other => {
                        return Err(de::Error::custom(format!(
                            "invalid type: {}, expected a string for `note`",
                            other.type_str()
                        )));
                    }
                },
                _ => return Err(de::Error::unknown_field(&key, &["on", "note"])),
            }
        }
        let on = on.ok_or_else(|| de::Error::missing_field("on"))?;
        Ok(Held { on, note })
    }
}

/// The messages here are matched by `load` (prefix `invalid type:`), so keep their shape.
fn date_from_value(value: &toml::Value) -> Result<NaiveDate, String> {
    match value {
        toml::Value::Datetime(datetime) => match (datetime.date, datetime.time, datetime.offset) {
            (Some(date), None, None) => {
                NaiveDate::from_ymd_opt(i32::from(date.year), u32::from(date.month), u32::from(date.day))
                    .ok_or_else(|| format!("invalid date: {datetime}"))
            }
            _ => Err(format!(
                "invalid type: date-time {datetime}, expected a date such as 2019-03-14 (no time, no offset)"
            )),
        },
        toml::Value::String(text) => Err(format!(
            "invalid type: string \"{text}\", expected a date such as 2019-03-14 (TOML dates are written without quotes)"
        )),
        other => Err(format!("invalid type: {}, expected a date such as 2019-03-14", other.type_str())),
    }
}
