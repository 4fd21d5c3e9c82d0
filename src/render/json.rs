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
///
/// Strings keep their text exactly, but every control character and bidirectional override in
/// them is written as a `\uXXXX` escape, so that the JSON shown in a terminal cannot drive it.
/// (`serde_json` escapes only U+0000 to U+001F; DEL, the C1 controls such as U+009B, an 8-bit
/// CSI, and U+202E would pass raw.)
pub fn write<T: Serialize + ?Sized>(out: &mut impl Write, value: &T) -> io::Result<()> {
    let mut serializer = serde_json::Serializer::with_formatter(&mut *out, SafeFormatter::default());
    value.serialize(&mut serializer).map_err(io::Error::from)?;
    writeln!(out)
}

/// `serde_json`'s pretty printer, with the escapes of [`write`].
#[derive(Default)]
struct SafeFormatter(serde_json::ser::PrettyFormatter<'static>);

impl serde_json::ser::Formatter for SafeFormatter {
    fn write_string_fragment<W: ?Sized + Write>(&mut self, out: &mut W, fragment: &str) -> io::Result<()> {
        // serde_json has escaped C0 itself: fragments never hold it.
        if !crate::render::may_hold_del_c1_or_bidi(fragment.as_bytes()) {
            return out.write_all(fragment.as_bytes());
        }
        let mut rest = fragment;
        while let Some((at, c)) = rest.char_indices().find(|&(_, c)| crate::render::is_unsafe(c, false)) {
            out.write_all(&rest.as_bytes()[..at])?;
            write!(out, "\\u{:04x}", u32::from(c))?;
            rest = &rest[at + c.len_utf8()..];
        }
        out.write_all(rest.as_bytes())
    }

    fn begin_array<W: ?Sized + Write>(&mut self, out: &mut W) -> io::Result<()> {
        self.0.begin_array(out)
    }

    fn end_array<W: ?Sized + Write>(&mut self, out: &mut W) -> io::Result<()> {
        self.0.end_array(out)
    }

    fn begin_array_value<W: ?Sized + Write>(&mut self, out: &mut W, first: bool) -> io::Result<()> {
        self.0.begin_array_value(out, first)
    }

    fn end_array_value<W: ?Sized + Write>(&mut self, out: &mut W) -> io::Result<()> {
        self.0.end_array_value(out)
    }

    fn begin_object<W: ?Sized + Write>(&mut self, out: &mut W) -> io::Result<()> {
        self.0.begin_object(out)
    }

    fn end_object<W: ?Sized + Write>(&mut self, out: &mut W) -> io::Result<()> {
        self.0.end_object(out)
    }

    fn begin_object_key<W: ?Sized + Write>(&mut self, out: &mut W, first: bool) -> io::Result<()> {
        self.0.begin_object_key(out, first)
    }

    fn begin_object_value<W: ?Sized + Write>(&mut self, out: &mut W) -> io::Result<()> {
        self.0.begin_object_value(out)
    }

    fn end_object_value<W: ?Sized + Write>(&mut self, out: &mut W) -> io::Result<()> {
        self.0.end_object_value(out)
    }
}

/// `list --format json`: an array of activities in file order.
pub fn activities(out: &mut impl Write, plan: &Plan, rows: &[(&Section, &Activity)]) -> io::Result<()> {
    let items: Vec<ActivityJson> = rows.iter().map(|(s, a)| ActivityJson::new(plan, s, a)).collect();
    write(out, &items)
}

#[cfg(test)]
mod tests {
    #[test]
    fn strings_keep_their_text_but_not_their_control_characters() {
        let text = "a\u{1b}[31m\u{7}\u{8}\r\n\u{7f}\u{9b}\u{202e}b «ё»";
        let mut out = Vec::new();
        super::write(&mut out, &[text]).unwrap();
        let json = String::from_utf8(out).unwrap();
        assert!(!json.chars().any(|c| crate::render::is_unsafe(c, true)), "{json:?}");
        assert!(json.contains("\\u001b[31m\\u0007\\b\\r\\n\\u007f\\u009b\\u202eb «ё»"), "{json}");
        let back: Vec<String> = serde_json::from_str(&json).unwrap();
        assert_eq!(back, [text]);
    }
}
