//! The JSON shapes of spec §3 (`list`, `table`, `show`): scripts depend on them, so every key is
//! always present, but `by_agreement`, which only a plan that has it shows. Everything here goes through `serde_json`: the shapes are borrowed views of the
//! model with `#[derive(Serialize)]`, and [`write`] streams them with `serde_json`'s pretty
//! printer, escaping the characters a terminal would act on.

use std::io::{self, Write};

use std::fmt::{self, Display};

use chrono::NaiveDate;
use serde::{Serialize, Serializer};

use crate::model::{Activity, Dated, PartyIndex, Plan, Rule, Section, Status};
use crate::when::{DateRange, Recurrence, Schedule, Unit};

/// One activity as `list --format json` prints it: a view of the model, borrowed, so that a list
/// of tens of thousands is written without a copy of it built first.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct ActivityJson<'p> {
    #[serde(serialize_with = "as_text")]
    number: crate::model::Number,
    id: Option<&'p str>,
    section: &'p str,
    title: &'p str,
    when: &'p str,
    schedule: ScheduleJson<'p>,
    responsible: Names<'p>,
    agreed_with: Names<'p>,
    /// Those of `responsible` that take part if they agree («(по согласованию)» after the name in
    /// the document): `responsible` keeps the bare names, as scripts match them. The one key
    /// that is left out when empty, so that a plan without it prints spec §3's object exactly.
    #[serde(skip_serializing_if = "Names::is_empty")]
    by_agreement: Names<'p>,
    partner: Option<&'p str>,
    held: Dates<'p>,
    planned: Dates<'p>,
    status: &'static str,
    note: Option<&'p str>,
}

impl<'p> ActivityJson<'p> {
    /// The JSON view of one activity.
    #[must_use]
    pub fn new(plan: &'p Plan, section: &'p Section, activity: &'p Activity) -> Self {
        ActivityJson {
            number: activity.number,
            id: activity.id.as_deref(),
            section: &section.title,
            title: &activity.title,
            when: &activity.when,
            schedule: ScheduleJson::new(activity),
            responsible: Names(plan, &activity.responsible),
            agreed_with: Names(plan, &activity.agreed_with),
            by_agreement: Names(plan, &activity.by_agreement),
            partner: activity.partner.as_deref(),
            held: Dates(&activity.held),
            planned: Dates(&activity.planned),
            status: status_name(activity.status),
            note: activity.note.as_deref(),
        }
    }
}

/// `schedule`, tagged by `kind`: `window` with `ranges`, `whole-period`, `at-least` with `times`,
/// `months` (or `weeks`), `as_needed` and `rule`, or `as-needed`.
#[derive(Debug, Clone, Copy, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
enum ScheduleJson<'p> {
    Window { ranges: Ranges<'p> },
    WholePeriod,
    AtLeast(AtLeastJson),
    AsNeeded,
}

impl<'p> ScheduleJson<'p> {
    fn new(activity: &'p Activity) -> Self {
        match &activity.schedule {
            Schedule::Window(ranges) => ScheduleJson::Window { ranges: Ranges(ranges) },
            Schedule::WholePeriod => ScheduleJson::WholePeriod,
            Schedule::AtLeast(recurrence) => ScheduleJson::AtLeast(AtLeastJson::new(recurrence, activity.rule)),
            Schedule::AsNeeded => ScheduleJson::AsNeeded,
        }
    }
}

/// The fields of an `at-least` schedule. The period is `months` or `weeks` by its unit (spec
/// section 2): exactly one of the two is there.
#[derive(Debug, Clone, Copy, Serialize)]
struct AtLeastJson {
    times: u32,
    #[serde(skip_serializing_if = "Option::is_none")]
    months: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    weeks: Option<u32>,
    as_needed: bool,
    rule: &'static str,
}

impl AtLeastJson {
    fn new(recurrence: &Recurrence, rule: Option<Rule>) -> Self {
        let every = |unit| (recurrence.unit == unit).then_some(recurrence.every);
        AtLeastJson {
            times: recurrence.times,
            months: every(Unit::Month),
            weeks: every(Unit::Week),
            as_needed: recurrence.as_needed,
            rule: rule_name(rule),
        }
    }
}

/// `[{"from": DATE, "to": DATE}, ...]`.
#[derive(Debug, Clone, Copy)]
struct Ranges<'p>(&'p [DateRange]);

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
#[derive(Debug, Clone, Copy)]
struct Names<'p>(&'p Plan, &'p [PartyIndex]);

impl Names<'_> {
    fn is_empty(&self) -> bool {
        self.1.is_empty()
    }
}

impl Serialize for Names<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.0.names(self.1))
    }
}

/// Recorded dates as ISO dates (their notes show in `show` and `report`).
#[derive(Debug, Clone, Copy)]
struct Dates<'p>(&'p [Dated]);

impl Serialize for Dates<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.0.iter().map(|d| Iso(d.date)))
    }
}

/// Dates as ISO dates.
#[derive(Debug, Clone, Copy)]
pub(crate) struct IsoDates<'d>(pub(crate) &'d [NaiveDate]);

impl Serialize for IsoDates<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.0.iter().copied().map(Iso))
    }
}

/// A date as JSON writes it: `"2019-04-01"` (chrono's `Display`, `+10000-01-01` beyond four
/// digits).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Iso(pub(crate) NaiveDate);

impl Serialize for Iso {
    /// A large plan's dates are a few hundred days repeated tens of thousands of times: each is
    /// formatted once (chrono's `Display`, the costliest part of a date in `list`) and its text
    /// kept in a small table by day, which a later date of the same day finds.
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        thread_local! {
            static SEEN: std::cell::RefCell<Vec<Option<(NaiveDate, String)>>> =
                std::cell::RefCell::new(vec![None; 1024]);
        }
        let slot = usize::try_from(chrono::Datelike::num_days_from_ce(&self.0).rem_euclid(1024)).unwrap_or(0);
        SEEN.with_borrow_mut(|seen| {
            let text = match &mut seen[slot] {
                Some((date, text)) if *date == self.0 => text,
                other => &other.insert((self.0, self.0.to_string())).1,
            };
            serializer.serialize_str(text)
        })
    }
}

/// A value that JSON shows as its `Display` text (`"1.2"` for activity 1.2), for
/// `serialize_with`. The text is formatted on the stack and given to the serializer whole:
/// `collect_str` would pass each piece `Display` writes (a date's every digit) through the string
/// escaper on its own, which on a large plan cost a tenth of `list`.
pub(crate) fn as_text<T: Display, S: Serializer>(value: &T, serializer: S) -> Result<S::Ok, S::Error> {
    match ShortText::of(value) {
        Some(text) => serializer.serialize_str(text.as_str()),
        // Longer than 32 bytes: piece by piece after all.
        None => serializer.collect_str(value),
    }
}

/// Up to 32 bytes of text on the stack; writing more fails.
#[derive(Debug, Clone, Copy)]
struct ShortText {
    bytes: [u8; 32],
    len: usize,
}

impl ShortText {
    /// `value`'s `Display` text, or `None` when longer than 32 bytes.
    fn of(value: &impl Display) -> Option<ShortText> {
        let mut text = ShortText { bytes: [0; 32], len: 0 };
        fmt::write(&mut text, format_args!("{value}")).ok()?;
        Some(text)
    }

    fn as_str(&self) -> &str {
        // Only whole `&str`s are ever copied in, so the bytes are UTF-8.
        std::str::from_utf8(&self.bytes[..self.len]).unwrap_or_default()
    }
}

impl fmt::Write for ShortText {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        let end = self.len + s.len();
        self.bytes.get_mut(self.len..end).ok_or(fmt::Error)?.copy_from_slice(s.as_bytes());
        self.len = end;
        Ok(())
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

/// `list --format json` and `table --format json`: an array of activities in file order.
pub fn activities(out: &mut impl Write, plan: &Plan, rows: &[(&Section, &Activity)]) -> io::Result<()> {
    write(out, &Seq(rows.iter().map(|&(section, activity)| ActivityJson::new(plan, section, activity))))
}

/// An iterator written as a JSON array as it goes, with nothing collected first.
struct Seq<I>(I);

impl<I: Iterator<Item = T> + Clone, T: Serialize> Serialize for Seq<I> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.0.clone())
    }
}

/// Writes `value` as pretty JSON (`serde_json`'s layout, two spaces a level) followed by a
/// newline.
///
/// Strings keep their text exactly, but every control character and bidirectional override in
/// them is written as a `\uXXXX` escape, so that the JSON shown in a terminal cannot drive it
/// (spec §5). `serde_json` escapes only U+0000 to U+001F; DEL, the C1 controls such as U+009B and
/// U+202E would pass raw.
pub fn write<T: Serialize + ?Sized>(out: &mut impl Write, value: &T) -> io::Result<()> {
    let mut serializer = serde_json::Serializer::with_formatter(&mut *out, SafeFormatter::default());
    value.serialize(&mut serializer).map_err(io::Error::from)?;
    writeln!(out)
}

/// `serde_json`'s pretty layout (two spaces a level), with the escapes of [`write`] added to its
/// strings.
///
/// The layout is `serde_json::ser::PrettyFormatter`'s, method for method; the one difference is
/// that a new line and its indentation are written with one call (`PrettyFormatter` writes the
/// indentation a level at a time, a call each, which was a tenth of writing a large list).
#[derive(Default)]
struct SafeFormatter {
    /// How many arrays and objects are open: the indentation of a new line, two spaces each.
    depth: usize,
    /// Whether the array or object being closed had a value (an empty one stays `[]` or `{}`).
    has_value: bool,
    /// Keys are this program's own words: nothing in them to escape, no scan.
    in_key: bool,
}

impl SafeFormatter {
    /// A comma if `comma`, then a new line indented to the current depth.
    fn new_line<W: ?Sized + Write>(&self, out: &mut W, comma: bool) -> io::Result<()> {
        // A comma, a newline and 32 levels of indentation, of which the start and length needed
        // are written.
        const LINE: &[u8] = b",\n                                                                ";
        const LEVELS: usize = (LINE.len() - 2) / 2;
        let start = usize::from(!comma);
        let end = 2 + 2 * self.depth.min(LEVELS);
        out.write_all(&LINE[start..end])?;
        for _ in LEVELS..self.depth {
            out.write_all(b"  ")?;
        }
        Ok(())
    }
}

impl serde_json::ser::Formatter for SafeFormatter {
    fn write_string_fragment<W: ?Sized + Write>(&mut self, out: &mut W, fragment: &str) -> io::Result<()> {
        // serde_json has escaped C0 itself: fragments never hold it. ASCII but DEL (dates,
        // numbers, this program's words) is safe at a glance.
        let bytes = fragment.as_bytes();
        if self.in_key || (bytes.is_ascii() && !bytes.contains(&0x7F)) || !crate::render::may_hold_del_c1_or_bidi(bytes)
        {
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
        self.depth += 1;
        self.has_value = false;
        out.write_all(b"[")
    }

    fn end_array<W: ?Sized + Write>(&mut self, out: &mut W) -> io::Result<()> {
        self.depth -= 1;
        if self.has_value {
            self.new_line(out, false)?;
        }
        out.write_all(b"]")
    }

    fn begin_array_value<W: ?Sized + Write>(&mut self, out: &mut W, first: bool) -> io::Result<()> {
        self.new_line(out, !first)
    }

    fn end_array_value<W: ?Sized + Write>(&mut self, _out: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }

    fn begin_object<W: ?Sized + Write>(&mut self, out: &mut W) -> io::Result<()> {
        self.depth += 1;
        self.has_value = false;
        out.write_all(b"{")
    }

    fn end_object<W: ?Sized + Write>(&mut self, out: &mut W) -> io::Result<()> {
        self.depth -= 1;
        if self.has_value {
            self.new_line(out, false)?;
        }
        out.write_all(b"}")
    }

    fn begin_object_key<W: ?Sized + Write>(&mut self, out: &mut W, first: bool) -> io::Result<()> {
        self.in_key = true;
        self.new_line(out, !first)
    }

    fn end_object_key<W: ?Sized + Write>(&mut self, _out: &mut W) -> io::Result<()> {
        self.in_key = false;
        Ok(())
    }

    fn begin_object_value<W: ?Sized + Write>(&mut self, out: &mut W) -> io::Result<()> {
        out.write_all(b": ")
    }

    fn end_object_value<W: ?Sized + Write>(&mut self, _out: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use serde_json::{Value, json};

    fn plan(text: &str) -> crate::model::Plan {
        crate::model::parse("plan.toml", text.as_bytes()).unwrap()
    }

    /// `list --format json` of a plan, parsed back.
    fn listed(plan: &crate::model::Plan) -> Value {
        let rows: Vec<_> = plan.activities().collect();
        let mut out = Vec::new();
        super::activities(&mut out, plan, &rows).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert!(text.ends_with("}\n]\n") || text == "[]\n", "{text:?}");
        serde_json::from_str(&text).unwrap()
    }

    const HEAD: &str = "[plan]\ntitle = \"t\"\nyear = 2019\n[parties.p]\nname = \"Президиум\"\n\
                        [parties.q]\nname = \"Совет\"\n[[section]]\ntitle = \"Раздел «1»\"\nresponsible = [\"p\"]\n";

    #[test]
    fn an_activity_has_every_key_of_spec_section_3_in_order() {
        let plan = plan(&format!(
            "{HEAD}[[section.activity]]\ntitle = \"Выборы\"\nwhen = \"февраль – май\"\nagreed_with = [\"q\"]\n"
        ));
        let text = {
            let mut out = Vec::new();
            super::activities(&mut out, &plan, &plan.activities().collect::<Vec<_>>()).unwrap();
            String::from_utf8(out).unwrap()
        };
        // The whole text, pretty-printed two spaces a level, keys in the spec's order.
        assert_eq!(
            text,
            r#"[
  {
    "number": "1.1",
    "id": null,
    "section": "Раздел «1»",
    "title": "Выборы",
    "when": "февраль – май",
    "schedule": {
      "kind": "window",
      "ranges": [
        {
          "from": "2019-02-01",
          "to": "2019-05-31"
        }
      ]
    },
    "responsible": [
      "Президиум"
    ],
    "agreed_with": [
      "Совет"
    ],
    "partner": null,
    "held": [],
    "planned": [],
    "status": "planned",
    "note": null
  }
]
"#
        );
    }

    #[test]
    fn every_kind_of_schedule_has_its_keys() {
        let plan = plan(&format!(
            "{HEAD}[[section.activity]]\ntitle = \"a\"\nwhen = \"весь период\"\n\
             [[section.activity]]\ntitle = \"b\"\nwhen = \"по мере необходимости\"\n\
             [[section.activity]]\ntitle = \"c\"\nwhen = \"не реже 1 раза в 3 месяца\"\nrule = \"calendar\"\n\
             held = [2019-02-03, 2019-05-06]\nplanned = [2019-12-10]\nid = \"sessions\"\n\
             [[section.activity]]\ntitle = \"e\"\nwhen = \"1 квартал\"\nstatus = \"cancelled\"\n\
             note = \"n\"\npartner = \"Избирком\"\n"
        ));
        let list = listed(&plan);
        let schedules: Vec<&Value> = list.as_array().unwrap().iter().map(|a| &a["schedule"]).collect();
        assert_eq!(schedules[0], &json!({"kind": "whole-period"}));
        assert_eq!(schedules[1], &json!({"kind": "as-needed"}));
        assert_eq!(
            schedules[2],
            &json!({"kind": "at-least", "times": 1, "months": 3, "as_needed": false, "rule": "calendar"})
        );
        assert_eq!(schedules[3], &json!({"kind": "window", "ranges": [{"from": "2019-01-01", "to": "2019-03-31"}]}));
        assert_eq!(list[2]["id"], json!("sessions"));
        assert_eq!(list[2]["held"], json!(["2019-02-03", "2019-05-06"]));
        assert_eq!(list[2]["planned"], json!(["2019-12-10"]));
        assert_eq!(list[3]["status"], json!("cancelled"));
        assert_eq!(list[3]["note"], json!("n"));
        assert_eq!(list[3]["partner"], json!("Избирком"));
        assert_eq!(list[3]["number"], json!("1.4"));
    }

    #[test]
    fn a_weekly_rule_counts_its_period_in_weeks() {
        use crate::when::{Recurrence, Unit};
        let weekly = Recurrence { times: 1, every: 2, unit: Unit::Week, as_needed: true };
        let view = super::AtLeastJson::new(&weekly, Some(crate::model::Rule::Both));
        assert_eq!(
            serde_json::to_value(view).unwrap(),
            json!({"times": 1, "weeks": 2, "as_needed": true, "rule": "both"})
        );
        let text = serde_json::to_string(&view).unwrap();
        assert!(text.find("\"weeks\"") < text.find("\"as_needed\""), "{text}");
    }

    #[test]
    fn the_layout_is_serde_json_s_pretty_printer_s() {
        let mut deep = json!("bottom");
        for _ in 0..40 {
            deep = json!([deep, {}]);
        }
        let value = json!({"a": [], "b": {}, "c": [1, [2, []], {"d": {"e": null}}], "f": "ж", "deep": deep});
        let mut out = Vec::new();
        super::write(&mut out, &value).unwrap();
        assert_eq!(String::from_utf8(out).unwrap(), serde_json::to_string_pretty(&value).unwrap() + "\n");
    }

    #[test]
    fn an_empty_list_is_an_empty_array() {
        let empty = plan("[plan]\ntitle = \"t\"\nyear = 2019\n");
        let mut out = Vec::new();
        super::activities(&mut out, &empty, &[]).unwrap();
        assert_eq!(out, b"[]\n");
    }

    #[test]
    fn dates_are_iso_and_beyond_four_digits_keep_their_sign() {
        let date = |y, m, d| super::Iso(chrono::NaiveDate::from_ymd_opt(y, m, d).unwrap());
        assert_eq!(serde_json::to_string(&date(2019, 4, 1)).unwrap(), "\"2019-04-01\"");
        assert_eq!(serde_json::to_string(&date(10_000, 1, 1)).unwrap(), "\"+10000-01-01\"");
        assert_eq!(serde_json::to_string(&date(-1, 12, 31)).unwrap(), "\"-0001-12-31\"");
    }

    #[test]
    fn a_date_seen_before_and_one_of_the_same_slot_are_each_their_own() {
        // 1024 days apart: the same slot of the table of dates already written.
        let first = chrono::NaiveDate::from_ymd_opt(2019, 4, 1).unwrap();
        let later = first + chrono::Days::new(1024);
        let written = |d| serde_json::to_string(&super::Iso(d)).unwrap();
        assert_eq!(written(first), "\"2019-04-01\"");
        assert_eq!(written(later), "\"2022-01-19\"");
        assert_eq!(written(first), "\"2019-04-01\"");
        assert_eq!(written(first), "\"2019-04-01\"");
    }

    #[test]
    fn text_too_long_for_the_stack_is_written_whole() {
        #[derive(serde::Serialize)]
        struct Long(#[serde(serialize_with = "super::as_text")] String);
        let long = "ж".repeat(40);
        assert_eq!(serde_json::to_string(&Long(long.clone())).unwrap(), format!("\"{long}\""));
        assert_eq!(serde_json::to_string(&Long("1.2".into())).unwrap(), "\"1.2\"");
    }

    #[test]
    fn strings_keep_their_text_but_not_their_control_characters() {
        let text = "a\u{1b}[31m\u{7}\u{8}\r\n\u{7f}\u{9b}\u{202e}b «ё» \\\"";
        let mut out = Vec::new();
        super::write(&mut out, &[text]).unwrap();
        let json = String::from_utf8(out).unwrap();
        assert!(!json.chars().any(|c| crate::render::is_unsafe(c, true)), "{json:?}");
        assert_eq!(json, "[\n  \"a\\u001b[31m\\u0007\\b\\r\\n\\u007f\\u009b\\u202eb «ё» \\\\\\\"\"\n]\n");
        let back: Vec<String> = serde_json::from_str(&json).unwrap();
        assert_eq!(back, [text]);
    }
}
