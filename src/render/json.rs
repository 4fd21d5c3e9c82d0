//! The JSON shape of spec §3: scripts depend on it, so every key is always present.

use std::io::{self, Write};

use serde::Serialize;
use serde::ser::{SerializeStruct, Serializer};

use crate::model::{Activity, Plan, Rule, Section, Status};
use crate::when::Schedule;

/// One activity as `list --format json` prints it: a view of the model, written field by field
/// with no copy of it built first (`list` on a large plan writes tens of thousands of these).
#[derive(Debug, Clone, Copy)]
pub struct ActivityJson<'p> {
    plan: &'p Plan,
    section: &'p Section,
    activity: &'p Activity,
}

impl Serialize for ActivityJson<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let (plan, activity) = (self.plan, self.activity);
        let mut fields = serializer.serialize_struct("Activity", 13)?;
        fields.serialize_field("number", &activity.number.to_string())?;
        fields.serialize_field("id", &activity.id)?;
        fields.serialize_field("section", &self.section.title)?;
        fields.serialize_field("title", &activity.title)?;
        fields.serialize_field("when", &activity.when)?;
        fields.serialize_field("schedule", &ScheduleJson(activity))?;
        fields.serialize_field("responsible", &Names(plan, &activity.responsible))?;
        fields.serialize_field("agreed_with", &Names(plan, &activity.agreed_with))?;
        fields.serialize_field("partner", &activity.partner)?;
        fields.serialize_field("held", &Dates(&activity.held))?;
        fields.serialize_field("planned", &Dates(&activity.planned))?;
        fields.serialize_field("status", status_name(activity.status))?;
        fields.serialize_field("note", &activity.note)?;
        fields.end()
    }
}

/// `schedule`, tagged by `kind`: `window` with `ranges`, `whole-period`, `at-least` with `times`,
/// `months`, `as_needed` and `rule`, or `as-needed`.
struct ScheduleJson<'p>(&'p Activity);

impl Serialize for ScheduleJson<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let fields = match &self.0.schedule {
            Schedule::Window(_) => 2,
            Schedule::AtLeast(_) => 5,
            Schedule::WholePeriod | Schedule::AsNeeded => 1,
        };
        let mut map = serializer.serialize_struct("Schedule", fields)?;
        map.serialize_field("kind", self.0.schedule.kind())?;
        match &self.0.schedule {
            Schedule::Window(ranges) => map.serialize_field("ranges", &Ranges(ranges))?,
            Schedule::AtLeast(r) => {
                map.serialize_field("times", &r.times)?;
                map.serialize_field("months", &r.months)?;
                map.serialize_field("as_needed", &r.as_needed)?;
                map.serialize_field("rule", rule_name(self.0.rule))?;
            }
            Schedule::WholePeriod | Schedule::AsNeeded => {}
        }
        map.end()
    }
}

/// `[{"from": DATE, "to": DATE}, ...]`.
struct Ranges<'p>(&'p [crate::when::DateRange]);

impl Serialize for Ranges<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct Range {
            from: Iso,
            to: Iso,
        }
        serializer.collect_seq(self.0.iter().map(|r| Range { from: Iso(r.from), to: Iso(r.to) }))
    }
}

/// Party indices as the parties' names.
struct Names<'p>(&'p Plan, &'p [crate::model::PartyIndex]);

impl Serialize for Names<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.0.names(self.1))
    }
}

/// Recorded dates as ISO dates (their notes show in `show` and `report`).
struct Dates<'p>(&'p [crate::model::Dated]);

impl Serialize for Dates<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.0.iter().map(|d| Iso(d.date)))
    }
}

/// A date as `YYYY-MM-DD`, formatted on the stack: `list` writes tens of thousands of them, and
/// going through `Display` costs more than the rest of a date's share of the output.
struct Iso(chrono::NaiveDate);

impl Serialize for Iso {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use chrono::Datelike;
        let (year, month, day) = (self.0.year(), self.0.month(), self.0.day());
        let Ok(year @ 0..=9999) = u32::try_from(year) else {
            // Outside four digits, chrono's form (`+10000-01-01`) is the right one.
            return serializer.collect_str(&self.0);
        };
        let digits = |n: u32| b'0' + u8::try_from(n % 10).unwrap_or(0);
        let text = [
            digits(year / 1000),
            digits(year / 100),
            digits(year / 10),
            digits(year),
            b'-',
            digits(month / 10),
            digits(month),
            b'-',
            digits(day / 10),
            digits(day),
        ];
        serializer.serialize_str(std::str::from_utf8(&text).unwrap_or_default())
    }
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
        ActivityJson { plan, section, activity }
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
    fn iso_dates_are_what_display_gives() {
        for (y, m, d) in [(2019, 4, 1), (1, 1, 1), (9999, 12, 31), (2020, 2, 29), (0, 10, 5)] {
            let date = chrono::NaiveDate::from_ymd_opt(y, m, d).unwrap();
            assert_eq!(serde_json::to_string(&super::Iso(date)).unwrap(), format!("\"{date}\""));
        }
    }

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
