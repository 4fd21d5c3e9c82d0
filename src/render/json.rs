//! The JSON shape of spec §3: scripts depend on it, so every key is always present.

use std::io::{self, Write};

use serde::Serialize;

use crate::model::{Activity, Plan, Rule, Section, Status};
use crate::when::Schedule;

/// One activity as `list --format json` prints it.
#[derive(Debug, Serialize)]
pub struct ActivityJson<'p> {
    pub number: String,
    pub id: Option<&'p str>,
    pub section: &'p str,
    pub title: &'p str,
    pub when: &'p str,
    pub schedule: ScheduleJson,
    pub responsible: Vec<&'p str>,
    pub agreed_with: Vec<&'p str>,
    pub partner: Option<&'p str>,
    pub held: Vec<String>,
    pub planned: Vec<String>,
    pub status: &'static str,
    pub note: Option<&'p str>,
}

/// `schedule`: tagged by `kind`.
#[derive(Debug, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum ScheduleJson {
    Window { ranges: Vec<RangeJson> },
    WholePeriod,
    AtLeast { times: u32, months: u32, as_needed: bool, rule: &'static str },
    AsNeeded,
}

/// An inclusive date range.
#[derive(Debug, Serialize)]
pub struct RangeJson {
    pub from: String,
    pub to: String,
}

/// The `rule` key as written in the file; `rolling` when absent.
#[must_use]
pub fn rule_name(rule: Option<Rule>) -> &'static str {
    match rule.unwrap_or(Rule::Rolling) {
        Rule::Rolling => "rolling",
        Rule::Calendar => "calendar",
        Rule::Both => "both",
    }
}

/// The `status` key as written in the file.
#[must_use]
pub fn status_name(status: Status) -> &'static str {
    match status {
        Status::Planned => "planned",
        Status::Cancelled => "cancelled",
    }
}

impl<'p> ActivityJson<'p> {
    /// The JSON view of one activity.
    #[must_use]
    pub fn new(plan: &'p Plan, section: &'p Section, activity: &'p Activity) -> Self {
        let schedule = match &activity.schedule {
            Schedule::Window(ranges) => ScheduleJson::Window {
                ranges: ranges.iter().map(|r| RangeJson { from: r.from.to_string(), to: r.to.to_string() }).collect(),
            },
            Schedule::WholePeriod => ScheduleJson::WholePeriod,
            Schedule::AsNeeded => ScheduleJson::AsNeeded,
            Schedule::AtLeast(r) => ScheduleJson::AtLeast {
                times: r.times,
                months: r.months,
                as_needed: r.as_needed,
                rule: rule_name(activity.rule),
            },
        };
        ActivityJson {
            number: activity.number.to_string(),
            id: activity.id.as_deref(),
            section: &section.title,
            title: &activity.title,
            when: &activity.when,
            schedule,
            responsible: plan.names(&activity.responsible).collect(),
            agreed_with: plan.names(&activity.agreed_with).collect(),
            partner: activity.partner.as_deref(),
            held: activity.held.iter().map(|d| d.date.to_string()).collect(),
            planned: activity.planned.iter().map(|d| d.date.to_string()).collect(),
            status: status_name(activity.status),
            note: activity.note.as_deref(),
        }
    }
}

/// Writes `value` as pretty JSON followed by a newline.
pub fn write<T: Serialize + ?Sized>(out: &mut impl Write, value: &T) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, value).map_err(io::Error::from)?;
    writeln!(out)
}

/// `list --format json`: an array of activities in file order.
pub fn activities(out: &mut impl Write, plan: &Plan, rows: &[(&Section, &Activity)]) -> io::Result<()> {
    let items: Vec<ActivityJson> = rows.iter().map(|(s, a)| ActivityJson::new(plan, s, a)).collect();
    write(out, &items)
}
