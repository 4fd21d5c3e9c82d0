//! The typed plan: [`Plan`], [`Party`], [`Section`], [`Activity`], built once at load time.
//!
//! Everything downstream works on these types; nothing re-reads the TOML or re-parses a `when`.

mod load;
mod raw;
mod shape;
mod syntax;
mod written;

use std::fmt;

use chrono::NaiveDate;

pub use load::{MAX_PLAN_BYTES, load, parse, read_limited, read_open};
pub use raw::{Rule, Status};

use crate::span::Pos;
use crate::when::{Aside, DateRange, Schedule};

/// A loaded, validated plan.
#[derive(Debug, Clone)]
pub struct Plan {
    /// The path as given or discovered, for messages.
    pub path: String,
    pub title: String,
    pub organization: Option<String>,
    /// The year month names refer to.
    pub year: i32,
    /// `start..=end` of the plan.
    pub period: DateRange,
    /// In file order.
    pub parties: Vec<Party>,
    /// In file order.
    pub sections: Vec<Section>,
    /// `[plan.approval]`: printed top right of the plan.
    pub approval: Option<Approval>,
    /// `[plan.signature]`: printed at the end of the plan and the report.
    pub signature: Option<Signature>,
}

/// Who approved the plan, when, and under which number: «УТВЕРЖДЁН {by} от {date} № {number}».
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Approval {
    pub by: String,
    /// `None` until the plan is approved (a plan made by `plan new`): printed as a blank.
    pub date: Option<NaiveDate>,
    /// `None` until the plan is approved: printed as a blank.
    pub number: Option<String>,
}

/// Who signs the printed plan and report: «{position}  ____________  {name}».
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Signature {
    pub position: String,
    pub name: String,
}

/// One party that can be responsible for activities.
#[derive(Debug, Clone)]
pub struct Party {
    /// The key of `[parties.ID]`.
    pub id: String,
    /// How it is printed.
    pub name: String,
    pub full_name: Option<String>,
    /// How the name reads after «по согласованию с», when it differs from `name`.
    pub agreed_form: Option<String>,
    pub aliases: Vec<String>,
    pub pos: Pos,
}

/// Index into [`Plan::parties`].
pub type PartyIndex = usize;

/// A section of the plan with its activities.
#[derive(Debug, Clone)]
pub struct Section {
    /// From 1, in file order.
    pub number: u32,
    pub title: String,
    pub activities: Vec<Activity>,
    pub pos: Pos,
}

/// The `S.A` number of an activity: section S, activity A within it, both from 1.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Number {
    pub section: u32,
    pub activity: u32,
}

impl fmt::Display for Number {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}.{}", self.section, self.activity)
    }
}

/// One activity, with everything inherited from its section already filled in.
#[derive(Debug, Clone)]
pub struct Activity {
    pub number: Number,
    pub id: Option<String>,
    pub title: String,
    /// `when` as written in the file (the section's, when inherited).
    pub when: String,
    /// `when`, interpreted (or `period`, when the activity gives one).
    pub schedule: Schedule,
    /// `period` as written: the time the dates come from when the grammar does not read `when`.
    pub period: Option<String>,
    /// What `when` says besides its dates (a remark, a time of day, words not read), as spans
    /// into `when`, and whether whole years were clipped to the plan's period.
    pub aside: Aside,
    pub responsible: Vec<PartyIndex>,
    pub agreed_with: Vec<PartyIndex>,
    /// Those of `responsible` that take part if they agree: «X (по согласованию)».
    pub by_agreement: Vec<PartyIndex>,
    pub partner: Option<String>,
    /// Where it takes place.
    pub place: Option<String>,
    /// In file order; `check` sorts.
    pub held: Vec<Dated>,
    pub planned: Vec<Dated>,
    /// Only on recurring activities.
    pub rule: Option<Rule>,
    /// Only on recurring activities: the last meeting before the plan period.
    pub last_before: Option<Dated>,
    pub status: Status,
    pub note: Option<String>,
    /// What was done, in words, for the fulfilment report (spec §1).
    pub result: Option<String>,
    /// Where its `[[section.activity]]` header is.
    pub pos: Pos,
}

/// A date recorded in the file, with an optional note and where it stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dated {
    pub date: NaiveDate,
    pub note: Option<String>,
    pub pos: Pos,
}

/// The JSON Schema of the plan file (`plan schema`), from the same types the loader reads, so the
/// two cannot drift apart.
#[must_use]
pub fn schema() -> schemars::Schema {
    // TOML has no null: an optional key is one that may be left out, not one that may be null.
    let no_null = |schema: &mut schemars::Schema| {
        if let Some(serde_json::Value::Array(types)) = schema.get_mut("type") {
            types.retain(|t| t != "null");
            if let [only] = types.as_slice() {
                let only = only.clone();
                schema.insert("type".to_owned(), only);
            }
        }
        // `Option<Named>` is `anyOf: [{$ref}, {type: null}]`: keep the reference alone.
        if let Some(serde_json::Value::Array(choices)) = schema.get_mut("anyOf") {
            choices.retain(|c| c.get("type").is_none_or(|t| t != "null"));
            if let [serde_json::Value::Object(only)] = choices.as_slice() {
                let only = only.clone();
                schema.remove("anyOf");
                for (key, value) in only {
                    schema.insert(key, value);
                }
            }
        }
    };
    schemars::generate::SchemaSettings::draft2020_12()
        .with_transform(schemars::transform::RecursiveTransform(no_null))
        .into_generator()
        .into_root_schema_for::<raw::File>()
}

impl Plan {
    /// Every activity with its section, in file order.
    pub fn activities(&self) -> impl Iterator<Item = (&Section, &Activity)> {
        self.sections.iter().flat_map(|section| section.activities.iter().map(move |activity| (section, activity)))
    }

    /// How many activities the plan has.
    #[must_use]
    pub fn activity_count(&self) -> usize {
        self.sections.iter().map(|s| s.activities.len()).sum()
    }

    /// The activity with this id or `S.A` number.
    #[must_use]
    pub fn find(&self, query: &str) -> Option<(&Section, &Activity)> {
        let query = query.trim();
        // Parsed once, and only in its canonical spelling (`2.2`, not `02.2`), instead of
        // formatting every activity's number to compare.
        let number = query
            .split_once('.')
            .and_then(|(s, a)| Some(Number { section: s.parse().ok()?, activity: a.parse().ok()? }))
            .filter(|n| n.to_string() == query);
        self.activities().find(|(_, a)| a.id.as_deref() == Some(query) || Some(a.number) == number)
    }

    /// These parties as they read after «по согласованию с»: each one's `agreed_form`, else its name.
    pub fn agreed_forms<'p>(&'p self, parties: &'p [PartyIndex]) -> impl Iterator<Item = &'p str> + 'p {
        parties.iter().map(|&p| {
            let party = &self.parties[p];
            party.agreed_form.as_deref().unwrap_or(&party.name)
        })
    }

    /// The printed names of these parties.
    pub fn names<'p>(&'p self, parties: &'p [PartyIndex]) -> impl Iterator<Item = &'p str> + 'p {
        parties.iter().map(|&p| self.parties[p].name.as_str())
    }
}

impl Activity {
    /// Whether this activity carries a meeting-frequency rule.
    #[must_use]
    pub fn recurrence(&self) -> Option<&crate::when::Recurrence> {
        match &self.schedule {
            Schedule::AtLeast(recurrence) => Some(recurrence),
            _ => None,
        }
    }
}
