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
                map.serialize_field(crate::render::words::unit_key(r.unit), &r.every)?;
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
pub(crate) struct Iso(pub(crate) chrono::NaiveDate);

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
        Status::NotDone => "not-done",
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

/// `serde_json`'s pretty printer (two spaces a level; the same bytes), with the escapes of
/// [`write`]. Written out rather than wrapping `PrettyFormatter`: a line's indentation goes out in
/// one write instead of one per level, and keys, which are this program's own words, skip the
/// scan for unsafe characters.
#[derive(Default)]
struct SafeFormatter {
    level: usize,
    has_value: bool,
    in_key: bool,
}

/// A line end and the indentation of up to 39 levels, sliced to fit.
const NEWLINE_AND_INDENT: &[u8; 80] =
    b",\n                                                                              ";

impl SafeFormatter {
    /// `,` (unless `first`), a line end and the indentation of the current level.
    fn next_line<W: ?Sized + Write>(&self, out: &mut W, first: bool) -> io::Result<()> {
        let from = usize::from(first);
        let to = 2 + 2 * self.level;
        match NEWLINE_AND_INDENT.get(from..to) {
            Some(line) => out.write_all(line),
            None => {
                out.write_all(&NEWLINE_AND_INDENT[from..2])?;
                (0..self.level).try_for_each(|_| out.write_all(b"  "))
            }
        }
    }

    fn open<W: ?Sized + Write>(&mut self, out: &mut W, bracket: &[u8]) -> io::Result<()> {
        self.level += 1;
        self.has_value = false;
        out.write_all(bracket)
    }

    fn close<W: ?Sized + Write>(&mut self, out: &mut W, bracket: &[u8]) -> io::Result<()> {
        self.level -= 1;
        if self.has_value {
            self.next_line(out, true)?;
        }
        out.write_all(bracket)
    }
}

impl serde_json::ser::Formatter for SafeFormatter {
    fn write_string_fragment<W: ?Sized + Write>(&mut self, out: &mut W, fragment: &str) -> io::Result<()> {
        // serde_json has escaped C0 itself: fragments never hold it.
        if self.in_key || !crate::render::may_hold_del_c1_or_bidi(fragment.as_bytes()) {
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
        self.open(out, b"[")
    }

    fn end_array<W: ?Sized + Write>(&mut self, out: &mut W) -> io::Result<()> {
        self.close(out, b"]")
    }

    fn begin_array_value<W: ?Sized + Write>(&mut self, out: &mut W, first: bool) -> io::Result<()> {
        self.next_line(out, first)
    }

    fn end_array_value<W: ?Sized + Write>(&mut self, _: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }

    fn begin_object<W: ?Sized + Write>(&mut self, out: &mut W) -> io::Result<()> {
        self.open(out, b"{")
    }

    fn end_object<W: ?Sized + Write>(&mut self, out: &mut W) -> io::Result<()> {
        self.close(out, b"}")
    }

    fn begin_object_key<W: ?Sized + Write>(&mut self, out: &mut W, first: bool) -> io::Result<()> {
        self.in_key = true;
        self.next_line(out, first)
    }

    fn end_object_key<W: ?Sized + Write>(&mut self, _: &mut W) -> io::Result<()> {
        self.in_key = false;
        Ok(())
    }

    fn begin_object_value<W: ?Sized + Write>(&mut self, out: &mut W) -> io::Result<()> {
        out.write_all(b": ")
    }

    fn end_object_value<W: ?Sized + Write>(&mut self, _: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }
}

/// `list --format json`: an array of activities in file order, the same bytes as [`write`] of
/// their [`ActivityJson`]s.
///
/// Written by hand, because on a large plan this is most of what `list` does: each string is
/// checked in one vectorised pass for anything to escape and then copied as it is, where
/// `serde_json` looks every byte up in a table, then our formatter scans it again, and each key
/// and indentation is a call of its own. A test holds it to `serde_json`'s bytes.
pub fn activities(out: &mut impl Write, plan: &Plan, rows: &[(&Section, &Activity)]) -> io::Result<()> {
    if rows.is_empty() {
        return out.write_all(b"[]\n");
    }
    let mut buf = Vec::with_capacity(4096);
    for (i, (section, activity)) in rows.iter().enumerate() {
        buf.clear();
        buf.extend_from_slice(if i == 0 { b"[\n  {" } else { b",\n  {" });
        activity_fields(&mut buf, plan, section, activity);
        buf.extend_from_slice(b"\n  }");
        out.write_all(&buf)?;
    }
    out.write_all(b"\n]\n")
}

/// The fields of one activity, at the indentation of `list`'s array (4 spaces).
fn activity_fields(buf: &mut Vec<u8>, plan: &Plan, section: &Section, activity: &Activity) {
    let key = |buf: &mut Vec<u8>, first: bool, name: &str| {
        buf.extend_from_slice(if first { b"\n    \"" } else { b",\n    \"" });
        buf.extend_from_slice(name.as_bytes());
        buf.extend_from_slice(b"\": ");
    };
    key(buf, true, "number");
    json_string(buf, &activity.number.to_string());
    key(buf, false, "id");
    json_option(buf, activity.id.as_deref());
    key(buf, false, "section");
    json_string(buf, &section.title);
    key(buf, false, "title");
    json_string(buf, &activity.title);
    key(buf, false, "when");
    json_string(buf, &activity.when);
    key(buf, false, "schedule");
    buf.extend_from_slice(b"{\n      \"kind\": ");
    json_string(buf, activity.schedule.kind());
    match &activity.schedule {
        Schedule::Window(ranges) => {
            buf.extend_from_slice(b",\n      \"ranges\": ");
            if ranges.is_empty() {
                buf.extend_from_slice(b"[]");
            } else {
                for (i, range) in ranges.iter().enumerate() {
                    buf.extend_from_slice(if i == 0 {
                        b"[\n        {\n          \"from\": "
                    } else {
                        b",\n        {\n          \"from\": "
                    });
                    json_date(buf, range.from);
                    buf.extend_from_slice(b",\n          \"to\": ");
                    json_date(buf, range.to);
                    buf.extend_from_slice(b"\n        }");
                }
                buf.extend_from_slice(b"\n      ]");
            }
        }
        Schedule::AtLeast(r) => {
            let _ = write!(
                buf,
                ",\n      \"times\": {},\n      \"{}\": {},\n      \"as_needed\": {},\n      \"rule\": ",
                r.times,
                crate::render::words::unit_key(r.unit),
                r.every,
                r.as_needed
            );
            json_string(buf, rule_name(activity.rule));
        }
        Schedule::WholePeriod | Schedule::AsNeeded => {}
    }
    buf.extend_from_slice(b"\n    }");
    key(buf, false, "responsible");
    json_array(buf, plan.names(&activity.responsible), json_string);
    key(buf, false, "agreed_with");
    json_array(buf, plan.names(&activity.agreed_with), json_string);
    key(buf, false, "partner");
    json_option(buf, activity.partner.as_deref());
    key(buf, false, "held");
    json_array(buf, activity.held.iter().map(|d| d.date), json_date);
    key(buf, false, "planned");
    json_array(buf, activity.planned.iter().map(|d| d.date), json_date);
    key(buf, false, "status");
    json_string(buf, status_name(activity.status));
    key(buf, false, "note");
    json_option(buf, activity.note.as_deref());
}

/// A value of an activity's array (6 spaces in), or `[]`.
fn json_array<T>(buf: &mut Vec<u8>, items: impl Iterator<Item = T>, mut item: impl FnMut(&mut Vec<u8>, T)) {
    let mut empty = true;
    for value in items {
        buf.extend_from_slice(if empty { b"[\n      " } else { b",\n      " });
        item(buf, value);
        empty = false;
    }
    buf.extend_from_slice(if empty { b"[]" } else { b"\n    ]" });
}

pub(crate) fn json_option(buf: &mut Vec<u8>, text: Option<&str>) {
    match text {
        Some(text) => json_string(buf, text),
        None => buf.extend_from_slice(b"null"),
    }
}

/// A date as `"YYYY-MM-DD"`, as [`Iso`] writes it.
fn json_date(buf: &mut Vec<u8>, date: chrono::NaiveDate) {
    use chrono::Datelike;
    match u32::try_from(date.year()) {
        Ok(year @ 0..=9999) => {
            let digit = |n: u32| b'0' + u8::try_from(n % 10).unwrap_or(0);
            let (month, day) = (date.month(), date.day());
            buf.extend_from_slice(&[
                b'"',
                digit(year / 1000),
                digit(year / 100),
                digit(year / 10),
                digit(year),
                b'-',
                digit(month / 10),
                digit(month),
                b'-',
                digit(day / 10),
                digit(day),
                b'"',
            ]);
        }
        _ => json_string(buf, &date.to_string()),
    }
}

/// A JSON string with `serde_json`'s escapes and those of [`SafeFormatter`]: text with nothing
/// to escape, nearly all of it, is found so in one pass and copied whole.
#[allow(clippy::needless_bitwise_bool)] // `|` on purpose: no early exit, so that it vectorises
pub(crate) fn json_string(buf: &mut Vec<u8>, text: &str) {
    let bytes = text.as_bytes();
    let plain = !bytes.iter().fold(false, |found, &b| found | (b < 0x20) | (b == b'"') | (b == b'\\'))
        && !crate::render::may_hold_del_c1_or_bidi(bytes);
    buf.push(b'"');
    if plain {
        buf.extend_from_slice(bytes);
    } else {
        for c in text.chars() {
            match c {
                '"' => buf.extend_from_slice(b"\\\""),
                '\\' => buf.extend_from_slice(b"\\\\"),
                '\u{8}' => buf.extend_from_slice(b"\\b"),
                '\u{c}' => buf.extend_from_slice(b"\\f"),
                '\n' => buf.extend_from_slice(b"\\n"),
                '\r' => buf.extend_from_slice(b"\\r"),
                '\t' => buf.extend_from_slice(b"\\t"),
                c if crate::render::is_unsafe(c, false) => {
                    let _ = write!(buf, "\\u{:04x}", u32::from(c));
                }
                c => {
                    let mut utf8 = [0; 4];
                    buf.extend_from_slice(c.encode_utf8(&mut utf8).as_bytes());
                }
            }
        }
    }
    buf.push(b'"');
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_layout_is_serde_jsons_pretty_printer_byte_for_byte() {
        // Deeper than the indentation kept in one piece (39 levels), with empty and full values.
        let mut deep = serde_json::json!(["level 50", [], {}]);
        for level in 0..50 {
            deep = if level % 2 == 0 {
                serde_json::json!({ "k": deep, "n": level })
            } else {
                serde_json::json!([deep, level])
            };
        }
        let value = serde_json::json!({ "a": [], "b": {}, "c": [1, [2, {"d": [[], {}]}]], "e": deep, "ключ": "значение \u{202e}" });
        let mut ours = Vec::new();
        super::write(&mut ours, &value).unwrap();
        let theirs = serde_json::to_string_pretty(&value).unwrap().replace("\u{202e}", "\\u202e") + "\n";
        assert_eq!(String::from_utf8(ours).unwrap(), theirs);
    }

    /// `activities` against `write` of the same activities through `serde_json`.
    fn assert_same_as_serde(plan: &crate::model::Plan) {
        let rows: Vec<_> = plan.activities().collect();
        let mut fast = Vec::new();
        super::activities(&mut fast, plan, &rows).unwrap();
        let items: Vec<super::ActivityJson> = rows.iter().map(|(s, a)| super::ActivityJson::new(plan, s, a)).collect();
        let mut slow = Vec::new();
        super::write(&mut slow, &items).unwrap();
        assert_eq!(String::from_utf8(fast).unwrap(), String::from_utf8(slow).unwrap());
    }

    #[test]
    fn the_list_written_by_hand_is_what_serde_json_writes() {
        for plan in crate::render::fixture_plans() {
            assert_same_as_serde(&plan);
        }
        // Every escape: quotes, backslashes, C0 with and without short forms, DEL, C1, bidi.
        let nasty =
            "\\\"q\\\\ \\b\\f\\n\\r\\t\\u0001\\u001b \\u007f \\u0085 \u{202e}\u{2066}\u{200f}\u{61c}\u{2028} «№–» 𝄞";
        let text = format!(
            "[plan]\ntitle = \"{nasty}\"\nyear = 2019\n[parties.p]\nname = \"{nasty}\"\n[[section]]\ntitle = \"{nasty}\"\n\
             responsible = [\"p\"]\n[[section.activity]]\ntitle = \"{nasty}\"\nwhen = \"апрель\"\nnote = \"{nasty}\"\n\
             partner = \"{nasty}\"\nid = \"x\"\nagreed_with = [\"p\"]\n"
        );
        assert_same_as_serde(&crate::model::parse("nasty.toml", text.as_bytes()).unwrap());
        let empty = crate::model::parse("e.toml", b"[plan]\ntitle = \"t\"\nyear = 2019\n").unwrap();
        let mut fast = Vec::new();
        super::activities(&mut fast, &empty, &[]).unwrap();
        assert_eq!(fast, b"[]\n");
    }

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
