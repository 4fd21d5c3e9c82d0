//! `plan new`: next year's plan from this year's.
//!
//! The new plan keeps the parties, the sections and the activities with their `when`,
//! `responsible`, `rule` and the rest, and the comments around them; it drops what belonged to the
//! old year: `held`, `planned`, `result`, `status` and `note` (a cancelled activity is planned
//! again), and the approval's `date` and `number` (the new plan is not approved yet; `by` and the
//! signature stay). So
//! that the rolling rule carries across the new year's first day, each recurring activity gets
//! its last meeting as `last_before`.
//!
//! Everything in the file that names the old year moves with it:
//! - `year` is set (added when the file had only `start` and `end`);
//! - explicit `start` and `end` move by the same number of years (29 February becomes 28);
//! - the old year in `[plan].title` ("… на 2019 год") becomes the new one;
//! - a `when` that names a year (`2019-04-21`, `21.04.2019`, `2019Q1`, `апрель 2019`) and so would
//!   fall outside the new plan has its years moved; month names need nothing, they mean the
//!   plan's year. A `when` that still does not fit (`29 февраля` in a year that has none) stops
//!   the command with a list of the places to fix: nothing is written.
//!
//! Comments that name the old year are left as they are, for a person to reread.
//!
//! Unlike `plan held`, this renders the whole document with `toml_edit` (the output is a new file,
//! not an edit); the source's CRLF line ends and BOM are restored afterwards.

use std::ops::RangeInclusive;

use chrono::{Datelike, Months, NaiveDate};
use toml_edit::{DocumentMut, Item, TableLike, Value};

use crate::edit::{date_value, entry_date, line_ends, remove_dated, split_bom};
use crate::error::{Error, MisfitTime};
use crate::model::{Number, Plan};
use crate::when::{self, DateRange, Schedule};

/// The keys that record what happened in the old year.
const CLEARED: [&str; 5] = ["held", "planned", "result", "status", "note"];

/// The keys of `[plan.approval]` that belong to the old plan's approval.
const APPROVAL_CLEARED: [&str; 2] = ["date", "number"];

/// The new plan's text, and what was carried over, for the summary.
#[derive(Debug, Clone)]
pub struct Rollover {
    /// The new plan file.
    pub text: String,
    /// The new plan's period.
    pub period: DateRange,
    /// Recurring activities whose `last_before` is now their last meeting of the old plan.
    pub carried: Vec<(Number, NaiveDate)>,
    /// Times that named a year and were moved: where, the old text, the new text.
    pub moved: Vec<(Place, String, String)>,
}

/// A section (its number) or an activity, for messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    /// A section's own `when`.
    Section(u32),
    /// An activity's `when`.
    Activity(Number),
}

/// Refuses a `year` that does not come after the plan's, or whose plan would end after 9999 (a
/// plan of several years moves its end by as many years).
pub fn check_year(plan: &Plan, year: i32) -> Result<(), Error> {
    let end_of = |year: i32| plan.period.to.year() + (year - plan.year);
    // No plan can follow one that already ends in 9999: say so, rather than suggest 10000.
    let year = if year <= plan.year && end_of(plan.year + 1) <= 9999 {
        return Err(Error::YearNotAfter { year, path: plan.path.clone(), source: plan.year });
    } else {
        year.max(plan.year + 1)
    };
    if end_of(year) > 9999 {
        return Err(Error::YearOutOfRange { year, path: plan.path.clone(), end: end_of(year) });
    }
    Ok(())
}

/// The plan for `year` made from `plan`, whose file text is `text`.
pub fn next_year(text: &str, plan: &Plan, year: i32) -> Result<Rollover, Error> {
    check_year(plan, year)?;
    let (bom, body) = split_bom(text);
    let crlf = body.find('\n').is_some_and(|n| body[..n].ends_with('\r'));
    let cannot = || Error::CannotEdit { path: plan.path.clone(), number: None };
    let mut document: DocumentMut = body.parse().map_err(|_| cannot())?;
    let shift = Shift { years: year - plan.year, old: plan.period.from.year()..=plan.period.to.year() };
    let period = DateRange { from: shift.date(plan.period.from), to: shift.date(plan.period.to) };
    let mut rollover = Rollover { text: String::new(), period, carried: Vec::new(), moved: Vec::new() };
    let mut misfits = Vec::new();

    let header = document.get_mut("plan").and_then(Item::as_table_like_mut).ok_or_else(cannot)?;
    set(header, "year", Value::from(i64::from(year)));
    for key in ["start", "end"] {
        if let Some(date) = header.get(key).and_then(Item::as_value).and_then(as_date) {
            set(header, key, date_value(shift.date(date)));
        }
    }
    let inline = matches!(header.get("approval"), Some(Item::Value(_)));
    if let Some(approval) = header.get_mut("approval").and_then(Item::as_table_like_mut) {
        for key in APPROVAL_CLEARED {
            remove(approval, key, inline);
        }
    }
    if let Some(title) = header.get("title").and_then(Item::as_str) {
        let moved = shift.text(title);
        if moved != title {
            let value = string_like(header.get("title").and_then(Item::as_value), &moved);
            set(header, "title", value);
        }
    }

    let sections = document.get_mut("section").map(tables).unwrap_or_default();
    for (s, ((section, _), old_section)) in sections.into_iter().zip(&plan.sections).enumerate() {
        let place = Place::Section(s as u32 + 1);
        retime(section, place, year, period, &shift, &mut rollover.moved, &mut misfits);
        let activities = section.get_mut("activity").map(tables).unwrap_or_default();
        for ((activity, inline), old) in activities.into_iter().zip(&old_section.activities) {
            for key in CLEARED {
                // Meetings recorded on days inside the new period (periods that overlap) are
                // meetings of the new plan too: they stay.
                if !(matches!(key, "held" | "planned") && keep_dates_within(activity, key, period)) {
                    remove(activity, key, inline);
                }
            }
            if old.recurrence().is_some() {
                let last = old.held.iter().map(|d| d.date).filter(|&d| d < period.from).max();
                let kept = old.last_before.as_ref().map(|d| d.date);
                if let Some(last) = last.filter(|&last| kept.is_none_or(|kept| last > kept)) {
                    set(activity, "last_before", date_value(last));
                    rollover.carried.push((old.number, last));
                }
            }
            retime(activity, Place::Activity(old.number), year, period, &shift, &mut rollover.moved, &mut misfits);
        }
    }
    if !misfits.is_empty() {
        return Err(Error::TimesDoNotFit { path: plan.path.clone(), year, times: misfits });
    }
    rollover.text = format!("{bom}{}", line_ends(&document.to_string(), crlf));
    Ok(rollover)
}

/// Whether `new` is a fresh start of `old`: the same sections and activities, in the new period,
/// with nothing recorded but the old plan's dates inside the new period. A check on the output,
/// which the loader has already accepted.
#[must_use]
pub fn verify(old: &Plan, new: &Plan, rollover: &Rollover) -> bool {
    let titles =
        |plan: &Plan| plan.activities().map(|(_, a)| (a.number, a.id.clone(), a.title.clone())).collect::<Vec<_>>();
    let inside = |dates: &[crate::model::Dated]| {
        dates.iter().map(|d| d.date).filter(|&d| rollover.period.contains(d)).collect::<Vec<_>>()
    };
    let records = |plan: &Plan, within: bool| {
        plan.activities()
            .map(|(_, a)| {
                let all = |dates: &[crate::model::Dated]| dates.iter().map(|d| d.date).collect::<Vec<_>>();
                if within { (inside(&a.held), inside(&a.planned)) } else { (all(&a.held), all(&a.planned)) }
            })
            .collect::<Vec<_>>()
    };
    new.period == rollover.period
        && titles(new) == titles(old)
        && new.parties.len() == old.parties.len()
        && records(new, false) == records(old, true)
        && new
            .activities()
            .all(|(_, a)| a.status == crate::model::Status::Planned && a.note.is_none() && a.result.is_none())
        && new.approval.as_ref().is_none_or(|a| a.date.is_none() && a.number.is_none())
}

/// How years move: by `years`, and in text only the years `old` of the old plan.
struct Shift {
    years: i32,
    old: RangeInclusive<i32>,
}

impl Shift {
    /// The same day `years` later; 29 February becomes 28 in a year without it.
    fn date(&self, date: NaiveDate) -> NaiveDate {
        let months = Months::new(self.years.unsigned_abs() * 12);
        let moved = if self.years >= 0 { date.checked_add_months(months) } else { date.checked_sub_months(months) };
        moved.unwrap_or(date)
    }

    /// `text` with each four-digit number that is a year of the old plan moved.
    fn text(&self, text: &str) -> String {
        let mut out = String::with_capacity(text.len());
        let mut rest = text;
        while let Some(start) = rest.find(|c: char| c.is_ascii_digit()) {
            out.push_str(&rest[..start]);
            let digits = rest[start..].find(|c: char| !c.is_ascii_digit()).map_or(rest.len() - start, |n| n);
            let number = &rest[start..start + digits];
            match number.parse::<i32>() {
                Ok(year) if digits == 4 && self.old.contains(&year) && (1..=9999).contains(&(year + self.years)) => {
                    out.push_str(&(year + self.years).to_string());
                }
                _ => out.push_str(number),
            }
            rest = &rest[start + digits..];
        }
        out.push_str(rest);
        out
    }
}

/// Moves the years of a `when` that would fall outside the new plan; notes where that fails.
fn retime(
    table: &mut dyn TableLike,
    place: Place,
    year: i32,
    period: DateRange,
    shift: &Shift,
    moved: &mut Vec<(Place, String, String)>,
    misfits: &mut Vec<MisfitTime>,
) {
    let Some(when) = table.get("when").and_then(Item::as_str).map(str::to_owned) else { return };
    // Every year named moves by the same number of years, whether or not the old text would
    // still fall inside the new period (a plan over 2019–2020 moved to 2020–2021 moves its 2020
    // dates to 2021 too).
    let shifted = shift.text(&when);
    if shifted == when && fits(&when, year, period) {
        return;
    }
    if shifted != when && fits(&shifted, year, period) {
        let value = string_like(table.get("when").and_then(Item::as_value), &shifted);
        set(table, "when", value);
        moved.push((place, when, shifted));
    } else {
        let (section, activity) = match place {
            Place::Section(section) => (section, None),
            Place::Activity(number) => (number.section, Some(number.activity)),
        };
        misfits.push(MisfitTime { section, activity, when });
    }
}

/// Whether a `when` means something inside the new plan.
fn fits(when: &str, year: i32, period: DateRange) -> bool {
    // Read as the loader reads it, so a time read by its start (with a warning) still fits.
    match when::read(when, &when::Context { year, today: period.from }, when::Source::File).map(|r| r.schedule) {
        Ok(Schedule::Window(ranges)) => ranges.iter().all(|r| period.contains(r.from) && period.contains(r.to)),
        Ok(_) => true,
        Err(_) => false,
    }
}

/// The tables of `[[section]]`-like items: an array of tables, or an array of inline tables
/// (marked `true`).
fn tables(item: &mut Item) -> Vec<(&mut dyn TableLike, bool)> {
    match item {
        Item::ArrayOfTables(tables) => tables.iter_mut().map(|t| (t as &mut dyn TableLike, false)).collect(),
        Item::Value(Value::Array(values)) => {
            values.iter_mut().filter_map(Value::as_inline_table_mut).map(|t| (t as &mut dyn TableLike, true)).collect()
        }
        _ => Vec::new(),
    }
}

/// Keeps, in the `held` or `planned` array at `key`, only the entries dated inside `period`;
/// whether any is left (when none is, the caller removes the key).
fn keep_dates_within(table: &mut dyn TableLike, key: &str, period: DateRange) -> bool {
    let Some(array) = table.get_mut(key).and_then(Item::as_value_mut).and_then(Value::as_array_mut) else {
        return false;
    };
    // One by one, the way `plan held` takes a date out of `planned`: the layout and the
    // comments of the entries that stay are kept.
    let outside: Vec<NaiveDate> = array.iter().filter_map(entry_date).filter(|&d| !period.contains(d)).collect();
    for date in outside {
        remove_dated(array, date);
    }
    !array.is_empty()
}

/// Removes `key` with its comments. In an inline table, the space before the closing brace,
/// which belongs to the last value, stays when the last value goes.
fn remove(table: &mut dyn TableLike, key: &str, inline: bool) {
    let last = table.iter().last().map(|(k, _)| k.to_owned());
    let Some(Item::Value(removed)) = table.remove(key) else { return };
    if inline && last.as_deref() == Some(key) {
        let closing = removed.decor().suffix().and_then(|s| s.as_str()).unwrap_or("").to_owned();
        if let Some((_, Item::Value(value))) = table.iter_mut().last() {
            value.decor_mut().set_suffix(closing);
        }
    }
}

/// Sets `key`, keeping the spacing and comment around an existing value.
fn set(table: &mut dyn TableLike, key: &str, mut value: Value) {
    match table.get_mut(key).and_then(Item::as_value_mut) {
        Some(old) => {
            *value.decor_mut() = old.decor().clone();
            *old = value;
        }
        None => {
            table.insert(key, Item::Value(value));
        }
    }
}

/// A string written the way `old` was: a literal string ('…') stays literal when it can.
fn string_like(old: Option<&Value>, text: &str) -> Value {
    let literal = old
        .and_then(|old| match old {
            Value::String(s) => s.as_repr().and_then(|r| r.as_raw().as_str()).map(|raw| raw.starts_with('\'')),
            _ => None,
        })
        .unwrap_or(false);
    if literal
        && !text.contains(['\'', '\n', '\r'])
        && let Ok(value) = format!("'{text}'").parse::<Value>()
    {
        return value;
    }
    Value::from(text)
}

fn as_date(value: &Value) -> Option<NaiveDate> {
    let date = value.as_datetime()?.date?;
    NaiveDate::from_ymd_opt(i32::from(date.year), u32::from(date.month), u32::from(date.day))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_years_of_the_old_plan_move() {
        let shift = Shift { years: 1, old: 2019..=2019 };
        let cases = [
            ("2019-04-21", "2020-04-21"),
            ("21.04.2019", "21.04.2020"),
            ("2019Q1", "2020Q1"),
            ("апрель 2019", "апрель 2020"),
            ("2019-04-01..2019-04-15", "2020-04-01..2020-04-15"),
            ("на 2019 год", "на 2020 год"),
            ("не реже 1-го раза в 6 месяцев", "не реже 1-го раза в 6 месяцев"),
            ("20190", "20190"),
            ("2018 – 2019", "2018 – 2020"),
        ];
        for (text, expected) in cases {
            assert_eq!(shift.text(text), expected, "{text}");
        }
    }

    #[test]
    fn the_29th_of_february_becomes_the_28th() {
        let shift = Shift { years: 1, old: 2020..=2020 };
        let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
        assert_eq!(shift.date(day(2020, 2, 29)), day(2021, 2, 28));
        assert_eq!(shift.date(day(2019, 12, 31)), day(2020, 12, 31));
    }

    #[test]
    fn literal_strings_stay_literal() {
        let old: Value = "'на 2019 год'".parse().unwrap();
        assert_eq!(string_like(Some(&old), "на 2020 год").to_string(), "'на 2020 год'");
        assert_eq!(string_like(Some(&old), "it's").to_string(), "\"it's\"");
        let basic: Value = "\"x\"".parse().unwrap();
        assert_eq!(string_like(Some(&basic), "y").to_string(), "\"y\"");
    }
}
