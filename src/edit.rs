//! Changing one activity of a plan file in place: `plan held`, `plan planned`, `plan cancel`, `plan result`.
//!
//! The file is kept in git and edited by hand, so an edit must not move a byte it does not have
//! to. `toml_edit` parses the file with spans, and the change is made as a few splices of the
//! original text — a value replaced, or one `key = value` line inserted — so everything else
//! (comments, blank lines, key order, quoting, trailing spaces, CRLF line ends, a BOM) stays
//! exactly as it was. Rendering the whole document again with `toml_edit` would not give that
//! guarantee: it writes LF line ends and adds a final newline. An array that gains or loses an
//! element is re-rendered by `toml_edit` from its own text, keeping its layout: one line, or one
//! element per line, with its comments.
//!
//! Everything here is pure: text in, text out. Reading, validating and writing are the
//! command's (`commands/record.rs`), and the atomic write is [`crate::write`]'s.

use std::ops::Range;

use chrono::{Datelike, NaiveDate};
use toml_edit::{Array, ArrayOfTables, Document, InlineTable, Item, Table, Value};

use crate::error::{Error, Refusal};
use crate::model::{Activity, Number, Plan, Rule, Status};

/// What to record on one activity.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    /// `plan held`: the activity took place on `date`. A `planned` entry of the same date is
    /// removed: the meeting it announced has happened.
    Held { date: NaiveDate, note: Option<String> },
    /// `plan planned`: a future date fixed for the activity.
    Planned { date: NaiveDate },
    /// `plan cancel`: `status = "cancelled"`, and `note` when given (replacing an earlier note).
    Cancel { note: Option<String> },
    /// `plan result`: what was done, in words (replacing an earlier `result`).
    Result { text: String },
    /// `plan held` with a date before the plan's start on a recurring activity: `last_before =
    /// date`, the meeting that starts the rolling clock.
    LastBefore { date: NaiveDate },
}

/// What `result` and `cancel --note` do with a different text already recorded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Existing {
    /// Refuse, showing it: never replaced silently.
    #[default]
    Refuse,
    /// `--replace`.
    Replace,
    /// `--append`: the new text on a new line after it.
    Append,
}

/// `change` with the text it records settled against the one already there: the same text, or
/// none, is recorded as given; a different one is refused, replaced or added to, as `existing`
/// says. Called under the lock, so that of two writers the second sees the first's text.
pub fn settle(change: &Change, activity: &Activity, existing: Existing) -> Result<Change, Error> {
    let (key, old, new) = match change {
        Change::Result { text } => ("result", activity.result.as_deref(), text),
        Change::Cancel { note: Some(note) } => ("note", activity.note.as_deref(), note),
        _ => return Ok(change.clone()),
    };
    let text = match (old, existing) {
        (Some(old), Existing::Refuse) if old != new => {
            return Err(Error::TextExists {
                number: activity.number.to_string(),
                title: activity.title.clone(),
                key,
                text: old.to_owned(),
            });
        }
        (Some(old), Existing::Append) if old != new => format!("{old}\n{new}"),
        _ => new.clone(),
    };
    Ok(match change {
        Change::Result { .. } => Change::Result { text },
        _ => Change::Cancel { note: Some(text) },
    })
}

/// The canonical order of an activity's keys (spec §1): a new key goes before the first key that
/// comes after it in this order, so `held` lands above `status` and `note`, not below them.
const KEY_ORDER: [&str; 14] = [
    "id",
    "title",
    "when",
    "period",
    "responsible",
    "agreed_with",
    "partner",
    "held",
    "planned",
    "rule",
    "last_before",
    "status",
    "note",
    "result",
];

/// Refuses a change that makes no sense for this activity, with the reason. `as_of` is
/// `--as-of` or today: a meeting cannot be held after it, nor planned before it.
pub fn refuse(plan: &Plan, activity: &Activity, change: &Change, as_of: NaiveDate) -> Result<(), Error> {
    let held = |date| activity.held.iter().any(|d| d.date == date);
    let planned = |date| activity.planned.iter().any(|d| d.date == date);
    let cancelled = activity.status == Status::Cancelled;
    let reason = match *change {
        Change::Held { .. } | Change::Planned { .. } | Change::LastBefore { .. } if cancelled => {
            Some(Refusal::Cancelled)
        }
        Change::LastBefore { date } if date >= plan.period.from => {
            Some(Refusal::OutsidePlan { date, plan: plan.period })
        }
        Change::Held { date, .. } | Change::Planned { date } if !plan.period.contains(date) => {
            Some(Refusal::OutsidePlan { date, plan: plan.period })
        }
        Change::Held { date, .. } if held(date) => Some(Refusal::AlreadyHeld { date }),
        Change::Held { date, .. } if date > as_of => Some(Refusal::HeldInFuture { date, as_of }),
        Change::Planned { date } if planned(date) => Some(Refusal::AlreadyPlanned { date }),
        Change::Planned { date } if held(date) => Some(Refusal::AlreadyHeld { date }),
        Change::Planned { date } if date < as_of => Some(Refusal::PlannedInPast { date, as_of }),
        Change::Cancel { ref note } if cancelled && (note.is_none() || *note == activity.note) => {
            Some(Refusal::AlreadyCancelled)
        }
        _ => None,
    };
    match reason {
        Some(reason) => {
            Err(Error::Refused { number: activity.number.to_string(), title: activity.title.clone(), reason })
        }
        None => Ok(()),
    }
}

/// The plan text with `change` made to activity `number`, or `None` when the activity is not laid
/// out in a way this editor knows (`[[section]]`/`[[section.activity]]` tables, or arrays of
/// inline tables in their place).
#[must_use]
pub fn apply(text: &str, number: Number, change: &Change) -> Option<String> {
    let (bom, body) = split_bom(text);
    let document = Document::parse(body).ok()?;
    let ops = ops(change);
    let splices = match locate(document.as_table(), number)? {
        Located::Table(table) => table_splices(body, document.as_table(), table, &ops)?,
        Located::Inline(span) => vec![inline_splice(body, span, &ops)?],
    };
    let mut edited = body.to_owned();
    // Back to front, so that earlier offsets stay valid; at one offset the first op ends up first.
    for splice in splices.iter().rev() {
        edited.replace_range(splice.range.clone(), &splice.text);
    }
    Some(format!("{bom}{edited}"))
}

/// Whether `after` is `before` with exactly `change` made to activity `number`: every other
/// activity's records, and the target's other keys, read back the same. This catches an edit
/// that landed in the wrong place, which the loader alone would accept.
#[must_use]
pub fn verify(before: &Plan, after: &Plan, number: Number, change: &Change) -> bool {
    let records = |plan: &Plan| plan.activities().map(|(_, activity)| Record::of(activity)).collect::<Vec<_>>();
    let mut expected = records(before);
    let Some(target) = before.activities().position(|(_, a)| a.number == number) else { return false };
    expected[target].apply(change);
    before.title == after.title
        && before.period == after.period
        && before.parties.len() == after.parties.len()
        && before.sections.len() == after.sections.len()
        && records(after) == expected
}

/// The change from file `old_name` to file `new_name` as a unified diff, as `git diff` prints it,
/// with control characters escaped.
#[must_use]
pub fn unified_diff(old: &str, new: &str, old_name: &str, new_name: &str) -> String {
    let diff = similar::TextDiff::from_lines(old, new);
    let header = (format!("a/{old_name}"), format!("b/{new_name}"));
    let text = diff.unified_diff().context_radius(3).header(&header.0, &header.1).to_string();
    let mut out = String::with_capacity(text.len());
    for line in text.split_inclusive('\n') {
        let bare = line.strip_suffix('\n').unwrap_or(line);
        out.push_str(&crate::render::escape_line(bare.strip_suffix('\r').unwrap_or(bare)));
        out.push('\n');
    }
    out
}

/// Refuses a text whose lines end with a lone CR: the splices keep line ends as they are and
/// know only LF and CRLF, and `toml_edit` would misplace them. `path` names the file.
pub fn refuse_lone_carriage_returns(text: &str, path: &str) -> Result<(), Error> {
    let bytes = text.as_bytes();
    match memchr::memchr_iter(b'\r', bytes).find(|&at| bytes.get(at + 1) != Some(&b'\n')) {
        Some(at) => {
            // Lines before it end with LF, CRLF (counted once, by its LF) or a lone CR.
            let ends =
                bytes[..at].iter().enumerate().filter(|&(i, &b)| b == b'\n' || (b == b'\r' && bytes[i + 1] != b'\n'));
            let line = 1 + ends.count();
            Err(Error::LoneCarriageReturn { path: path.to_owned(), line })
        }
        None => Ok(()),
    }
}

/// A leading UTF-8 BOM, kept aside: `toml_edit` does not want it, the file keeps it.
pub(crate) fn split_bom(text: &str) -> (&str, &str) {
    match text.strip_prefix('\u{feff}') {
        Some(body) => ("\u{feff}", body),
        None => ("", text),
    }
}

/// Turns bare LF line ends into CRLF when the file uses CRLF.
pub(crate) fn line_ends(text: &str, crlf: bool) -> String {
    if !crlf {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len() + 16);
    let mut previous = '\0';
    for c in text.chars() {
        if c == '\n' && previous != '\r' {
            out.push('\r');
        }
        out.push(c);
        previous = c;
    }
    out
}

/// A TOML local date.
pub(crate) fn date_value(date: NaiveDate) -> Value {
    // Plan years are 1..=9999 (the loader refuses others), so the year fits.
    let year = u16::try_from(date.year()).unwrap_or_default();
    let date = toml_edit::Date { year, month: date.month() as u8, day: date.day() as u8 };
    Value::from(toml_edit::Datetime { date: Some(date), time: None, offset: None })
}

/// The date of a `held`/`planned` entry: a bare date or `{ on = DATE, ... }`.
pub(crate) fn entry_date(value: &Value) -> Option<NaiveDate> {
    let datetime = match value {
        Value::Datetime(datetime) => datetime.value(),
        Value::InlineTable(table) => table.get("on")?.as_datetime()?,
        _ => return None,
    };
    let date = datetime.date?;
    NaiveDate::from_ymd_opt(i32::from(date.year), u32::from(date.month), u32::from(date.day))
}

/// One step of a change, on one key of the activity.
enum Op {
    /// Add an entry to the `held`/`planned` array, in date order; create the key when missing.
    Insert { key: &'static str, date: NaiveDate, entry: Value },
    /// Take the entry of this date out of an array, when it is there.
    Remove { key: &'static str, date: NaiveDate },
    /// Set a string key.
    Set { key: &'static str, value: String },
    /// Set a date key.
    SetDate { key: &'static str, date: NaiveDate },
}

impl Op {
    fn key(&self) -> &'static str {
        match self {
            Op::Insert { key, .. } | Op::Remove { key, .. } | Op::Set { key, .. } | Op::SetDate { key, .. } => key,
        }
    }
}

fn ops(change: &Change) -> Vec<Op> {
    match change {
        Change::Held { date, note } => {
            let entry = match note {
                Some(note) => {
                    let mut table = InlineTable::new();
                    table.insert("on", date_value(*date));
                    table.insert("note", Value::from(note.as_str()));
                    Value::InlineTable(table)
                }
                None => date_value(*date),
            };
            vec![Op::Remove { key: "planned", date: *date }, Op::Insert { key: "held", date: *date, entry }]
        }
        Change::Planned { date } => vec![Op::Insert { key: "planned", date: *date, entry: date_value(*date) }],
        Change::Cancel { note } => {
            let mut ops = vec![Op::Set { key: "status", value: "cancelled".to_owned() }];
            if let Some(note) = note {
                ops.push(Op::Set { key: "note", value: note.clone() });
            }
            ops
        }
        Change::Result { text } => vec![Op::Set { key: "result", value: text.clone() }],
        Change::LastBefore { date } => vec![Op::SetDate { key: "last_before", date: *date }],
    }
}

/// Where an activity is written.
enum Located<'d> {
    /// A `[[section.activity]]` table.
    Table(&'d Table),
    /// An inline table in an `activity = [...]` array: its span.
    Inline(Range<usize>),
}

/// Finds activity `S.A` by position, the way the loader numbers them (file order).
fn locate(root: &Table, number: Number) -> Option<Located<'_>> {
    let section = (number.section as usize).checked_sub(1)?;
    let activity = (number.activity as usize).checked_sub(1)?;
    let activities = match root.get("section")? {
        Item::ArrayOfTables(sections) => sections.get(section)?.get("activity")?,
        Item::Value(Value::Array(sections)) => sections.get(section)?.as_inline_table()?.get_key_value("activity")?.1,
        _ => return None,
    };
    match activities {
        Item::ArrayOfTables(activities) => Some(Located::Table(activities.get(activity)?)),
        Item::Value(Value::Array(activities)) => {
            let value = activities.get(activity)?;
            value.as_inline_table()?;
            Some(Located::Inline(value.span()?))
        }
        _ => None,
    }
}

/// A piece of the original text to replace (an empty range: to insert at).
#[derive(Debug)]
struct Splice {
    range: Range<usize>,
    text: String,
}

/// The splices for a `[[section.activity]]` table: each existing value changed in place, each
/// missing key inserted as a line of its own.
fn table_splices(body: &str, root: &Table, table: &Table, ops: &[Op]) -> Option<Vec<Splice>> {
    let mut splices = Vec::new();
    // The comment beside a `planned` date that `held` takes: it goes with the date.
    let mut carried: Option<String> = None;
    for op in ops {
        let key = op.key();
        match table.get(key) {
            // `[[section.activity.held]]` tables: one more table, in date order.
            Some(Item::ArrayOfTables(entries)) => match op {
                Op::Insert { date, entry, .. } => {
                    splices.push(table_entry(body, root, entries, *date, entry, carried.take().as_deref())?);
                }
                _ => return None,
            },
            Some(item) => {
                let span = item.span()?;
                let old: Value = body.get(span.clone())?.parse().ok()?;
                // Whether the comment at the end of the `planned = [DATE]  # …` line went with
                // its only date: the line then goes whole.
                let mut line_comment_taken = false;
                if let Op::Remove { date, .. } = op {
                    carried = old.as_array().and_then(|array| beside(array, *date));
                    let only =
                        old.as_array().is_some_and(|a| a.len() == 1 && a.get(0).and_then(entry_date) == Some(*date));
                    if carried.is_none()
                        && only
                        && let Some((_, after)) = key_line(body, span.clone(), key)
                        && after.starts_with('#')
                    {
                        carried = Some(after.to_owned());
                        line_comment_taken = true;
                    }
                }
                let comment = match op {
                    Op::Insert { .. } => carried.take(),
                    _ => None,
                };
                if let Some((new, unplaced)) = changed(old, op, comment) {
                    // A `planned` emptied by `held` goes, line and all: no `planned = []` is left.
                    let line = whole_line(body, span.clone(), key).or_else(|| {
                        key_line(body, span.clone(), key).filter(|_| line_comment_taken).map(|(line, _)| line)
                    });
                    if emptied(op, &new)
                        && let Some(line) = line
                    {
                        splices.push(Splice { range: line, text: String::new() });
                        continue;
                    }
                    let crlf = crlf_at(body, span.start);
                    splices.push(Splice { range: span.clone(), text: line_ends(&new.to_string(), crlf) });
                    if let Some(comment) = unplaced {
                        splices.push(line_end_comment(body, span.end, &comment));
                    }
                }
            }
            None => {
                let Some(value) = created(op) else { continue };
                let comment = match op {
                    Op::Insert { .. } => carried.take(),
                    _ => None,
                };
                splices.push(new_line(body, table, key, &value, comment.as_deref())?);
            }
        }
    }
    // Stable: two lines inserted at one place keep the order of the ops.
    // An insertion where a removed line starts sorts first, so that, applied from the end, the
    // line is removed before the new one is put in its place.
    splices.sort_by_key(|splice| (splice.range.start, splice.range.end));
    Some(splices)
}

/// The splice that adds `entry` (a date, or `{ on = DATE, note = ... }`) as one more table of
/// `entries` (`[[section.activity.held]]`), before the first one dated after it or after the
/// last, with the header as the file writes it; `comment` goes on its `on` line.
fn table_entry(
    body: &str,
    root: &Table,
    entries: &ArrayOfTables,
    date: NaiveDate,
    entry: &Value,
    comment: Option<&str>,
) -> Option<Splice> {
    let dated = |t: &Table| t.get("on").and_then(Item::as_value).and_then(entry_date);
    let first = entries.iter().next()?.span()?;
    let header = body.get(first.clone())?;
    let line_start = |at: usize| body[..at].rfind('\n').map_or(0, |n| n + 1);
    let mut lines = Vec::new();
    match entry {
        Value::InlineTable(fields) => {
            for (key, value) in fields {
                lines.push(format!("{key} = {}", value.to_string().trim()));
            }
        }
        value => lines.push(format!("on = {}", value.to_string().trim())),
    }
    if let Some(comment) = comment {
        lines[0] = format!("{} {comment}", lines[0]);
    }
    let indent = indentation(body, first.start);
    let mut text = format!("{indent}{header}\n");
    for line in &lines {
        text.push_str(indent);
        text.push_str(line);
        text.push('\n');
    }
    let (at, text) = match entries.iter().find(|t| dated(t).is_some_and(|d| d > date)) {
        Some(next) => (line_start(next.span()?.start), format!("{text}\n")),
        None => {
            let last = entries.iter().last()?.span()?.start;
            let mut starts = Vec::new();
            header_starts(root, &mut starts);
            match starts.into_iter().filter(|&s| s > last).min() {
                Some(next) => (line_start(next), format!("{text}\n")),
                None if body.ends_with('\n') => (body.len(), format!("\n{text}")),
                None => (body.len(), format!("\n\n{text}")),
            }
        }
    };
    Some(Splice { range: at..at, text: line_ends(&text, crlf_at(body, at.min(body.len().saturating_sub(1)))) })
}

/// Where every table header of the document starts, for the end of a table's text.
fn header_starts(table: &Table, out: &mut Vec<usize>) {
    for (_, item) in table {
        match item {
            Item::Table(inner) => {
                out.extend(inner.span().map(|span| span.start));
                header_starts(inner, out);
            }
            Item::ArrayOfTables(tables) => {
                for inner in tables {
                    out.extend(inner.span().map(|span| span.start));
                    header_starts(inner, out);
                }
            }
            _ => {}
        }
    }
}

/// The comment written on the line of the entry dated `date`, when the entry has a line of its
/// own (`  2019-05-20, # в Смоленске`): `# в Смоленске`.
fn beside(array: &Array, date: NaiveDate) -> Option<String> {
    let at = array.iter().position(|value| entry_date(value) == Some(date))?;
    let entry = array.get(at)?;
    if !prefix(entry).contains('\n') {
        return None;
    }
    // The rest of the entry's line: after the comma, the next entry's head or the array's
    // trailing text; without a comma, the entry's own suffix.
    let rest = match array.get(at + 1) {
        Some(next) => prefix(next),
        None if array.trailing_comma() => array.trailing().as_str().unwrap_or("").to_owned(),
        None => entry.decor().suffix().and_then(|s| s.as_str()).unwrap_or("").to_owned(),
    };
    let line = rest.split('\n').next().filter(|_| rest.contains('\n'))?.trim();
    line.starts_with('#').then(|| line.to_owned())
}

/// Puts `comment` on the line of the entry dated `date`, when it has a line of its own; whether
/// it could.
fn place_comment(array: &mut Array, date: NaiveDate, comment: &str) -> bool {
    let Some(at) = array.iter().position(|value| entry_date(value) == Some(date)) else { return false };
    if !array.get(at).is_some_and(|entry| prefix(entry).contains('\n')) {
        return false;
    }
    let with = |text: &str| text.starts_with('\n').then(|| format!(" {comment}{text}"));
    if let Some(next) = array.get_mut(at + 1) {
        let Some(text) = with(&prefix(next)) else { return false };
        next.decor_mut().set_prefix(text);
        return true;
    }
    if array.trailing_comma() {
        let Some(text) = with(array.trailing().as_str().unwrap_or("")) else { return false };
        array.set_trailing(text);
        return true;
    }
    let Some(entry) = array.get_mut(at) else { return false };
    let Some(text) = with(entry.decor().suffix().and_then(|s| s.as_str()).unwrap_or("")) else { return false };
    entry.decor_mut().set_suffix(text);
    true
}

/// A splice that adds `comment` at the end of the line where a value ends at `end`: after the
/// value, or after the comment already there (`# old; new`).
fn line_end_comment(body: &str, end: usize, comment: &str) -> Splice {
    let line_end = body[end..].find('\n').map_or(body.len(), |n| end + n);
    let line_end = if body[..line_end].ends_with('\r') { line_end - 1 } else { line_end };
    let rest = &body[end..line_end];
    if rest.contains('#') {
        let more = comment.trim_start_matches('#').trim();
        Splice { range: line_end..line_end, text: format!("; {more}") }
    } else {
        Splice { range: end..end, text: format!(" {comment}") }
    }
}

/// The splice for an activity written as an inline table: the table, changed by `toml_edit` from
/// its own text, replaces its old text.
fn inline_splice(body: &str, span: Range<usize>, ops: &[Op]) -> Option<Splice> {
    let mut value: Value = body.get(span.clone())?.parse().ok()?;
    let table = value.as_inline_table_mut()?;
    for op in ops {
        let key = op.key();
        match table.get_mut(key) {
            Some(old) => {
                if let Some((mut new, _)) = changed(old.clone(), op, None) {
                    if emptied(op, &new) {
                        table.remove(key);
                        continue;
                    }
                    *new.decor_mut() = old.decor().clone();
                    *old = new;
                }
            }
            None => {
                if let Some(new) = created(op) {
                    insert_inline(table, key, new);
                }
            }
        }
    }
    let crlf = crlf_at(body, span.start);
    Some(Splice { range: span, text: line_ends(&value.to_string(), crlf) })
}

/// A key added at the end of an inline table takes over the spacing before the closing brace.
fn insert_inline(table: &mut InlineTable, key: &str, mut value: Value) {
    let closing = table.iter_mut().last().map(|(_, last)| {
        let suffix = last.decor().suffix().and_then(|s| s.as_str()).unwrap_or("").to_owned();
        last.decor_mut().set_suffix("");
        suffix
    });
    value.decor_mut().set_prefix(" ");
    value.decor_mut().set_suffix(closing.unwrap_or_else(|| " ".to_owned()));
    table.insert(key, value);
}

/// Whether `op` took the last date out of its array.
fn emptied(op: &Op, new: &Value) -> bool {
    matches!(op, Op::Remove { .. }) && new.as_array().is_some_and(Array::is_empty)
}

/// The whole line `key = VALUE` whose value spans `value`, with its line end, when nothing else
/// (such as a comment) shares it; `None` otherwise.
fn whole_line(body: &str, value: Range<usize>, key: &str) -> Option<Range<usize>> {
    key_line(body, value, key).filter(|(_, after)| after.is_empty()).map(|(line, _)| line)
}

/// The whole line `key = VALUE` whose value spans `value`, with its line end, and what follows
/// the value on it, trimmed (a comment, or nothing); `None` when the line holds more before the
/// value than the key.
fn key_line<'b>(body: &'b str, value: Range<usize>, key: &str) -> Option<(Range<usize>, &'b str)> {
    let start = body.get(..value.start)?.rfind('\n').map_or(0, |n| n + 1);
    let before = body.get(start..value.start)?.trim();
    let after_end = body.get(value.end..)?.find('\n').map_or(body.len(), |n| value.end + n + 1);
    let after = body.get(value.end..after_end)?;
    let key_only = before.strip_suffix('=').is_some_and(|k| k.trim() == key);
    key_only.then_some((start..after_end, after.trim()))
}

/// The new value of an existing key, or `None` when the op leaves it as it is. A value of another
/// type, which the loader refuses, is left too, and [`verify`] then finds the change missing.
/// `comment`, for an insertion, goes on the new entry's line; when the array has no line per
/// entry, it is returned, to go at the end of the array's line.
fn changed(mut old: Value, op: &Op, comment: Option<String>) -> Option<(Value, Option<String>)> {
    old.decor_mut().clear();
    let new = match op {
        Op::Insert { date, entry, .. } => {
            let array = old.as_array_mut()?;
            insert_dated(array, *date, entry.clone());
            let unplaced = comment.filter(|comment| !place_comment(array, *date, comment));
            return Some((old, unplaced));
        }
        Op::Remove { date, .. } => remove_dated(old.as_array_mut()?, *date).then_some(old),
        Op::Set { value, .. } => (old.as_str()? != value).then(|| Value::from(value.as_str())),
        Op::SetDate { date, .. } => {
            old.as_datetime()?;
            (entry_date(&old) != Some(*date)).then(|| date_value(*date))
        }
    };
    new.map(|new| (new, None))
}

/// The value of a key the op creates, or `None` when it creates nothing (removing from a missing
/// array).
fn created(op: &Op) -> Option<Value> {
    match op {
        Op::Insert { entry, .. } => {
            let mut array = Array::new();
            array.push(entry.clone());
            Some(Value::Array(array))
        }
        Op::Remove { .. } => None,
        Op::Set { value, .. } => Some(Value::from(value.as_str())),
        Op::SetDate { date, .. } => Some(date_value(*date)),
    }
}

/// A `key = value` line for a key the table does not have, placed in [`KEY_ORDER`]: right after
/// the line of the last key that comes before it, with that line's indentation and line end.
fn new_line(body: &str, table: &Table, key: &str, value: &Value, comment: Option<&str>) -> Option<Splice> {
    let rank = |k: &str| KEY_ORDER.iter().position(|&o| o == k).unwrap_or(KEY_ORDER.len());
    // (key span, value span) in file order.
    let mut keys = Vec::new();
    // Sub-tables (`[[section.activity.held]]`) are written after the activity's own lines.
    for (name, item) in table.iter().filter(|(_, item)| item.is_value()) {
        keys.push((table.key(name)?.span()?, item.span()?, rank(name)));
    }
    let before = keys.iter().take_while(|(_, _, r)| *r <= rank(key)).last();
    let (anchor_end, indent_of) = match before {
        Some((key_span, value_span, _)) => (value_span.end, key_span.start),
        // Nothing comes before it: right under the `[[section.activity]]` header.
        None => (table.span()?.end, keys.first().map_or(usize::MAX, |(key_span, _, _)| key_span.start)),
    };
    let indent = indentation(body, indent_of);
    let line = match comment {
        Some(comment) => format!("{indent}{key} = {value} {comment}"),
        None => format!("{indent}{key} = {value}"),
    };
    Some(match body[anchor_end..].find('\n') {
        Some(offset) => {
            let at = anchor_end + offset + 1;
            let crlf = body[..at].ends_with("\r\n");
            Splice { range: at..at, text: line_ends(&format!("{line}\n"), crlf) }
        }
        // The anchor is the file's last line, without a line end: start a new line, and end the
        // file as it ended, without one.
        None => {
            let crlf = body.contains("\r\n");
            Splice { range: body.len()..body.len(), text: line_ends(&format!("\n{line}"), crlf) }
        }
    })
}

/// The white space before `offset` on its line, when there is only white space there.
fn indentation(body: &str, offset: usize) -> &str {
    let Some(prefix) = body.get(..offset) else { return "" };
    let start = prefix.rfind('\n').map_or(0, |n| n + 1);
    let indent = &prefix[start..];
    if indent.chars().all(|c| c == ' ' || c == '\t') { indent } else { "" }
}

/// Whether the line at `offset` ends with CRLF.
fn crlf_at(body: &str, offset: usize) -> bool {
    match body[offset..].find('\n') {
        Some(n) => body[..offset + n].ends_with('\r'),
        None => body.contains("\r\n"),
    }
}

/// Inserts `entry` before the first entry dated after `date`, in the layout of its neighbours.
fn insert_dated(array: &mut Array, date: NaiveDate, mut entry: Value) {
    let at = array.iter().position(|value| entry_date(value).is_some_and(|d| d > date)).unwrap_or(array.len());
    let len = array.len();
    if len == 0 {
        // `[]`, or `[\n]` with nothing but blank space: `[DATE]`.
        if array.trailing().as_str().is_some_and(|t| t.trim().is_empty()) {
            array.set_trailing("");
        }
        entry.decor_mut().set_prefix("");
        entry.decor_mut().set_suffix("");
        array.push_formatted(entry);
        return;
    }
    if at < len {
        let next = array.get_mut(at).expect("at < len");
        let prefix = prefix(next);
        let (new_prefix, next_prefix) = if prefix.contains('\n') {
            // One entry per line: the new line goes where the next one's comment-free head ends,
            // and the next entry keeps its own comments above it.
            let (head, rest) = split_line(&prefix);
            (format!("{head}{}", last_line(&prefix)), format!("\n{rest}"))
        } else if at == 0 {
            (prefix.clone(), " ".to_owned())
        } else {
            (prefix.clone(), prefix.clone())
        };
        next.decor_mut().set_prefix(next_prefix);
        entry.decor_mut().set_prefix(new_prefix);
        // `[ a , b ]` puts space before each comma; in `[ a ]` the space is the bracket's.
        entry.decor_mut().set_suffix(if len >= 2 { plain_suffix(next) } else { String::new() });
        array.insert_formatted(at, entry);
        return;
    }
    // After the last entry. Where a comment ends the last line, the new entry goes under it.
    let trailing = array.trailing().as_str().unwrap_or("").to_owned();
    let last = array.get_mut(len - 1).expect("len > 0");
    let last_prefix = prefix(last);
    let last_suffix = last.decor().suffix().and_then(|s| s.as_str()).unwrap_or("").to_owned();
    let indent = if last_prefix.contains('\n') { last_line(&last_prefix).to_owned() } else { String::new() };
    if last_suffix.contains('\n') {
        // `[\n  a,\n  b # note\n]`: no comma after the last entry, the comment is its suffix.
        let (head, rest) = split_line(&last_suffix);
        last.decor_mut().set_suffix("");
        entry.decor_mut().set_prefix(format!("{head}{indent}"));
        entry.decor_mut().set_suffix(format!("\n{rest}"));
    } else if trailing.contains('\n') {
        // `[\n  a,\n  b, # note\n]`: after the comma, the rest of the line is the array's.
        let (head, rest) = split_line(&trailing);
        entry.decor_mut().set_prefix(format!("{head}{indent}"));
        entry.decor_mut().set_suffix("");
        array.set_trailing(format!("\n{rest}"));
    } else if last_prefix.contains('\n') {
        entry.decor_mut().set_prefix(format!("\n{indent}"));
        entry.decor_mut().set_suffix(last_suffix);
    } else if len == 1 {
        // `[ a ]`: the space before the bracket stays before the bracket.
        last.decor_mut().set_suffix("");
        entry.decor_mut().set_prefix(" ");
        entry.decor_mut().set_suffix(last_suffix);
    } else {
        entry.decor_mut().set_prefix(last_prefix);
        entry.decor_mut().set_suffix(last_suffix);
    }
    array.push_formatted(entry);
}

/// Removes the entry dated `date`; whether there was one. Its line goes with it, comments of the
/// neighbours stay.
pub(crate) fn remove_dated(array: &mut Array, date: NaiveDate) -> bool {
    let Some(at) = array.iter().position(|value| entry_date(value) == Some(date)) else { return false };
    let removed = array.get(at).expect("found").clone();
    let removed_prefix = prefix(&removed);
    let removed_suffix = removed.decor().suffix().and_then(|s| s.as_str()).unwrap_or("").to_owned();
    array.remove(at);
    let len = array.len();
    if at < len {
        let next = array.get_mut(at).expect("at < len");
        let next_prefix = prefix(next);
        let new_prefix = if removed_prefix.contains('\n') && next_prefix.contains('\n') {
            // Drop the removed entry's line, with its end-of-line comment (the next entry's head).
            format!("{}{}", through_last_newline(&removed_prefix), split_line(&next_prefix).1)
        } else if at == 0 {
            removed_prefix
        } else {
            next_prefix
        };
        next.decor_mut().set_prefix(new_prefix);
    } else if len > 0 {
        let trailing = array.trailing().as_str().unwrap_or("").to_owned();
        if array.trailing_comma() && trailing.contains('\n') && removed_prefix.contains('\n') {
            array.set_trailing(format!("{}{}", through_last_newline(&removed_prefix), split_line(&trailing).1));
        } else if removed_suffix.contains('\n') {
            let last = array.get_mut(len - 1).expect("len > 0");
            last.decor_mut().set_suffix(format!(
                "{}{}",
                through_last_newline(&removed_prefix),
                split_line(&removed_suffix).1
            ));
        }
    } else {
        // The array is empty now. A comment on the `planned = [` line stays on it, `[ # note` and
        // `]` below; the rest of what surrounded the entry goes with it.
        let first_line = |text: &str| text.contains('\n').then(|| split_line(text).0.to_owned());
        let bracket_line =
            first_line(&removed_prefix).or_else(|| first_line(&removed_suffix)).filter(|l| l.contains('#'));
        if let Some(line) = bracket_line {
            array.set_trailing(line);
            array.set_trailing_comma(false);
        } else if array.trailing().as_str().is_some_and(|t| t.trim().is_empty()) && removed_suffix.trim().is_empty() {
            array.set_trailing("");
            array.set_trailing_comma(false);
        } else if removed_prefix.contains('\n') && array.trailing_comma() {
            // `[\n  2019-03-14, # the date\n]`: the rest of the entry's line goes with it (a
            // `held` takes the comment, see `beside`); comment lines under it stay.
            let trailing = array.trailing().as_str().unwrap_or("").to_owned();
            let rest = split_line(&trailing).1;
            array.set_trailing(if rest.trim().is_empty() { String::new() } else { format!("\n{rest}") });
            array.set_trailing_comma(false);
        }
    }
    true
}

fn prefix(value: &Value) -> String {
    value.decor().prefix().and_then(|p| p.as_str()).unwrap_or("").to_owned()
}

/// The neighbour's space before its comma, when it is only space (`[ a , b ]`).
fn plain_suffix(value: &Value) -> String {
    let suffix = value.decor().suffix().and_then(|s| s.as_str()).unwrap_or("");
    if suffix.chars().all(|c| c == ' ' || c == '\t') { suffix.to_owned() } else { String::new() }
}

/// `text` split after its first line end: (the first line with its end, the rest).
fn split_line(text: &str) -> (&str, &str) {
    match text.find('\n') {
        Some(n) => text.split_at(n + 1),
        None => (text, ""),
    }
}

/// What follows the last line end: the indentation of the line the text leads into.
fn last_line(text: &str) -> &str {
    text.rfind('\n').map_or(text, |n| &text[n + 1..])
}

/// Everything up to and with the last line end.
fn through_last_newline(text: &str) -> &str {
    text.rfind('\n').map_or("", |n| &text[..=n])
}

/// What a change may touch on an activity, for [`verify`].
#[derive(Debug, Clone, PartialEq, Eq)]
struct Record {
    id: Option<String>,
    title: String,
    when: String,
    held: Vec<(NaiveDate, Option<String>)>,
    planned: Vec<NaiveDate>,
    rule: Option<Rule>,
    last_before: Option<NaiveDate>,
    status: Status,
    note: Option<String>,
    result: Option<String>,
}

impl Record {
    fn of(activity: &Activity) -> Self {
        Record {
            id: activity.id.clone(),
            title: activity.title.clone(),
            when: activity.when.clone(),
            held: activity.held.iter().map(|d| (d.date, d.note.clone())).collect(),
            planned: activity.planned.iter().map(|d| d.date).collect(),
            rule: activity.rule,
            last_before: activity.last_before.as_ref().map(|d| d.date),
            status: activity.status,
            note: activity.note.clone(),
            result: activity.result.clone(),
        }
    }

    /// The same change, made to the record the way [`apply`] makes it to the text.
    fn apply(&mut self, change: &Change) {
        match change {
            Change::Held { date, note } => {
                self.planned.retain(|d| d != date);
                let at = self.held.iter().position(|(d, _)| d > date).unwrap_or(self.held.len());
                self.held.insert(at, (*date, note.clone()));
            }
            Change::Planned { date } => {
                let at = self.planned.iter().position(|d| d > date).unwrap_or(self.planned.len());
                self.planned.insert(at, *date);
            }
            Change::Cancel { note } => {
                self.status = Status::Cancelled;
                if note.is_some() {
                    self.note.clone_from(note);
                }
            }
            Change::Result { text } => self.result = Some(text.clone()),
            Change::LastBefore { date } => self.last_before = Some(*date),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
    }

    fn with_inserted(array: &str, date: &str) -> String {
        let mut value: Value = array.parse().unwrap();
        insert_dated(value.as_array_mut().unwrap(), day(date), date_value(day(date)));
        value.to_string()
    }

    fn with_removed(array: &str, date: &str) -> String {
        let mut value: Value = array.parse().unwrap();
        assert!(remove_dated(value.as_array_mut().unwrap(), day(date)));
        value.to_string()
    }

    #[test]
    fn insertion_keeps_the_arrays_layout_and_date_order() {
        let cases = [
            ("[]", "2019-03-14", "[2019-03-14]"),
            ("[\n]", "2019-03-14", "[2019-03-14]"),
            ("[2019-06-14]", "2019-03-14", "[2019-03-14, 2019-06-14]"),
            ("[2019-06-14]", "2019-09-14", "[2019-06-14, 2019-09-14]"),
            ("[2019-01-01, 2019-06-14]", "2019-03-14", "[2019-01-01, 2019-03-14, 2019-06-14]"),
            ("[2019-01-01,2019-06-14]", "2019-09-14", "[2019-01-01,2019-06-14,2019-09-14]"),
            ("[ 2019-01-01 , 2019-06-14 ]", "2019-09-14", "[ 2019-01-01 , 2019-06-14 , 2019-09-14 ]"),
            ("[ 2019-06-14 ]", "2019-01-01", "[ 2019-01-01, 2019-06-14 ]"),
            ("[ 2019-06-14 ]", "2019-09-14", "[ 2019-06-14, 2019-09-14 ]"),
            ("[ 2019-01-01 , 2019-06-14 ]", "2019-03-14", "[ 2019-01-01 , 2019-03-14 , 2019-06-14 ]"),
            ("[{ on = 2019-06-14, note = 'a' }]", "2019-09-14", "[{ on = 2019-06-14, note = 'a' }, 2019-09-14]"),
            ("[\n  2019-01-01,\n  2019-06-14,\n]", "2019-09-14", "[\n  2019-01-01,\n  2019-06-14,\n  2019-09-14,\n]"),
            ("[\n  2019-01-01,\n  2019-06-14,\n]", "2019-03-14", "[\n  2019-01-01,\n  2019-03-14,\n  2019-06-14,\n]"),
            ("[\n  2019-06-14,\n]", "2019-03-14", "[\n  2019-03-14,\n  2019-06-14,\n]"),
            ("[\n  2019-01-01,\n  2019-06-14\n]", "2019-09-14", "[\n  2019-01-01,\n  2019-06-14,\n  2019-09-14\n]"),
            (
                "[\n  2019-01-01, # first\n  2019-06-14, # second\n]",
                "2019-03-14",
                "[\n  2019-01-01, # first\n  2019-03-14,\n  2019-06-14, # second\n]",
            ),
            (
                "[\n  2019-01-01, # first\n  2019-06-14, # second\n]",
                "2019-09-14",
                "[\n  2019-01-01, # first\n  2019-06-14, # second\n  2019-09-14,\n]",
            ),
            (
                "[\n  2019-01-01,\n  2019-06-14 # second\n]",
                "2019-09-14",
                "[\n  2019-01-01,\n  2019-06-14, # second\n  2019-09-14\n]",
            ),
            (
                "[\n  # the first one\n  2019-06-14,\n]",
                "2019-03-14",
                "[\n  2019-03-14,\n  # the first one\n  2019-06-14,\n]",
            ),
            // toml_edit reads CRLF as LF; the splice puts CRLF back (`line_ends`).
            ("[\r\n  2019-01-01,\r\n]", "2019-09-14", "[\n  2019-01-01,\n  2019-09-14,\n]"),
        ];
        for (array, date, expected) in cases {
            assert_eq!(with_inserted(array, date), expected, "inserting {date} into {array:?}");
        }
    }

    #[test]
    fn removal_takes_the_entrys_line_and_leaves_the_neighbours() {
        let cases = [
            ("[2019-03-14]", "2019-03-14", "[]"),
            ("[ 2019-03-14 ]", "2019-03-14", "[]"),
            ("[2019-03-14, 2019-06-14]", "2019-03-14", "[2019-06-14]"),
            ("[2019-03-14, 2019-06-14]", "2019-06-14", "[2019-03-14]"),
            ("[2019-01-01, 2019-03-14, 2019-06-14]", "2019-03-14", "[2019-01-01, 2019-06-14]"),
            ("[\n  2019-03-14,\n  2019-06-14,\n]", "2019-03-14", "[\n  2019-06-14,\n]"),
            ("[\n  2019-03-14, # soon\n  2019-06-14,\n]", "2019-03-14", "[\n  2019-06-14,\n]"),
            ("[\n  2019-03-14,\n  2019-06-14, # later\n]", "2019-06-14", "[\n  2019-03-14,\n]"),
            ("[\n  2019-03-14,\n  2019-06-14 # later\n]", "2019-06-14", "[\n  2019-03-14\n]"),
            // The last entry: a comment on the bracket's line stays there, the entry's goes.
            ("[\n  2019-03-14,\n]", "2019-03-14", "[]"),
            ("[ # next meeting\n  2019-03-14,\n]", "2019-03-14", "[ # next meeting\n]"),
            ("[  # next meeting\n  2019-03-14\n]", "2019-03-14", "[  # next meeting\n]"),
            ("[ # next\n  2019-03-14, # the date\n]", "2019-03-14", "[ # next\n]"),
            ("[2019-03-14 # next\n]", "2019-03-14", "[ # next\n]"),
            ("[\n  # the date\n  2019-03-14,\n]", "2019-03-14", "[]"),
            ("[\n  2019-03-14,  # the date\n]", "2019-03-14", "[]"),
            ("[\n  2019-03-14, # the date\n  # a note below\n]", "2019-03-14", "[\n  # a note below\n]"),
        ];
        for (array, date, expected) in cases {
            assert_eq!(with_removed(array, date), expected, "removing {date} from {array:?}");
        }
    }

    #[test]
    fn crlf_is_kept_and_a_bom_survives() {
        let text = "\u{feff}[plan]\r\ntitle = \"t\"\r\nyear = 2019\r\n[parties.p]\r\nname = \"P\"\r\n\r\n[[section]]\r\n\
                    title = \"s\"\r\nresponsible = [\"p\"]\r\n\r\n[[section.activity]]\r\ntitle = 'a'   \r\n\
                    when = \"апрель\"  # the month\r\n";
        let number = Number { section: 1, activity: 1 };
        let edited = apply(text, number, &Change::Held { date: day("2019-04-21"), note: None }).unwrap();
        let expected = text.replace("# the month\r\n", "# the month\r\nheld = [2019-04-21]\r\n");
        assert_eq!(edited, expected);
        let text = expected.replace("[2019-04-21]", "[\r\n  2019-04-21, # first\r\n]");
        let edited = apply(&text, number, &Change::Held { date: day("2019-04-28"), note: None }).unwrap();
        let expected = text.replace("# first\r\n]", "# first\r\n  2019-04-28,\r\n]");
        assert_eq!(edited, expected);
    }

    #[test]
    fn a_comment_beside_a_planned_date_moves_with_it_into_held() {
        let head = "[[section]]\ntitle = \"s\"\n[[section.activity]]\ntitle = \"a\"\n";
        let number = Number { section: 1, activity: 1 };
        let change = Change::Held { date: day("2019-02-14"), note: None };
        let cases = [
            // One line per entry in both: the comment goes to the new line in `held`.
            (
                "held = [\n  2019-01-10,\n]\nplanned = [\n  2019-02-14, # в Смоленске\n  2019-03-14, # в Вязьме\n]\n",
                "held = [\n  2019-01-10,\n  2019-02-14, # в Смоленске\n]\nplanned = [\n  2019-03-14, # в Вязьме\n]\n",
            ),
            // `held` on one line: the comment goes to the end of its line.
            (
                "held = [2019-01-10]\nplanned = [\n  2019-02-14,  # протокол позже\n]\n",
                "held = [2019-01-10, 2019-02-14] # протокол позже\n",
            ),
            // ... after the comment already there.
            (
                "held = [2019-01-10] # январь\nplanned = [\n  2019-02-14 # февраль\n]\n",
                "held = [2019-01-10, 2019-02-14] # январь; февраль\n",
            ),
            // No `held` yet: the new line carries it.
            ("planned = [\n  2019-02-14, # без held\n]\n", "held = [2019-02-14] # без held\n"),
        ];
        for (before, after) in cases {
            let edited = apply(&format!("{head}{before}"), number, &change).unwrap();
            assert_eq!(edited, format!("{head}{after}"), "{before}");
        }
    }

    #[test]
    fn a_last_line_without_a_line_end_stays_without_one() {
        let text =
            "[plan]\ntitle = \"t\"\nyear = 2019\n[[section]]\ntitle = \"s\"\n[[section.activity]]\ntitle = \"a\"";
        let number = Number { section: 1, activity: 1 };
        let edited = apply(text, number, &Change::Cancel { note: None }).unwrap();
        assert_eq!(edited, format!("{text}\nstatus = \"cancelled\""));
    }

    #[test]
    fn new_keys_follow_the_canonical_order_and_the_indentation() {
        let text = "[[section]]\ntitle = \"s\"\n  [[section.activity]]\n  title = \"a\"\n  when = \"май\"\n\n  \
                    # why\n  note = \"n\"\n";
        let number = Number { section: 1, activity: 1 };
        let edited = apply(text, number, &Change::Planned { date: day("2019-05-20") }).unwrap();
        assert_eq!(edited, text.replace("when = \"май\"\n", "when = \"май\"\n  planned = [2019-05-20]\n"));
    }

    #[test]
    fn activities_in_inline_tables_are_edited_in_place() {
        let text =
            "[[section]]\ntitle = \"s\"\nactivity = [\n  { title = 'a', when = \"май\" },\n  { title = 'b' },\n]\n";
        let number = Number { section: 1, activity: 2 };
        let edited = apply(text, number, &Change::Held { date: day("2019-05-20"), note: Some("x".into()) }).unwrap();
        let expected = text.replace("{ title = 'b' }", "{ title = 'b', held = [{ on = 2019-05-20, note = \"x\" }] }");
        assert_eq!(edited, expected);
    }

    #[test]
    fn an_activity_that_is_not_there_is_none() {
        let text = "[[section]]\ntitle = \"s\"\n";
        assert_eq!(apply(text, Number { section: 1, activity: 1 }, &Change::Cancel { note: None }), None);
        assert_eq!(apply(text, Number { section: 2, activity: 1 }, &Change::Cancel { note: None }), None);
    }

    #[test]
    fn diff_escapes_control_characters_and_hides_carriage_returns() {
        let diff = unified_diff("a\r\nb\u{1b}\r\n", "a\r\nc\r\n", "p.toml", "p.toml");
        assert_eq!(diff, "--- a/p.toml\n+++ b/p.toml\n@@ -1,2 +1,2 @@\n a\n-b\\u{1b}\n+c\n");
    }
}
