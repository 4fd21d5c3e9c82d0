//! `plan export ics`: the plan as an RFC 5545 calendar, to import into any calendar program.
//!
//! Events, all of them all-day: one spanning each window of an activity (`DTEND` is the day after
//! its last day, as RFC 5545 counts; identical and overlapping windows merged into one, so that
//! the calendar stays within a small constant of the plan's size), one on each held and each
//! planned date, and for each recurring activity one on its next due date as of the as-of date
//! («…: последний срок», spec §3) with a reminder (`VALARM`) `--remind` days before it, so that a
//! phone or Outlook warns before the charter is broken. Whole-period and as-needed activities
//! have no window of their own, so they get events only for their recorded dates.
//!
//! The output depends on nothing but the plan and the as-of date, so that importing it again
//! updates the events instead of duplicating them, and that two runs give the same bytes:
//! - `UID` is `YEAR-KEY-WHAT@plan`, where KEY is the activity's `id` (else its number) and WHAT
//!   is `window-N` for its N-th window, the date (`20190614`) for a held or planned date — so a
//!   date moved from `planned` to `held` updates its event — or `due` for the next due date, so
//!   the one "due by" event moves as meetings are recorded;
//! - `DTSTAMP` is the as-of date at midnight UTC (a later export is a newer version);
//! - events come in file order, each activity's in a fixed order.
//!
//! Text is escaped as RFC 5545 §3.3.11 says (`\\`, `\;`, `\,`, `\n`; control characters from the
//! file are shown as escapes first), and lines are folded at 75 octets, never inside a UTF-8
//! character, and end in CRLF.

use std::io::{self, Write};

use chrono::{Datelike, NaiveDate};

use crate::check::RuleReport;
use crate::fulfilment::Judged;
use crate::i18n::{Lang, Message, msg};
use crate::model::{Activity, Dated, Plan, Status};
use crate::render::words;
use crate::render::{escape_block, numbered_title, responsible};
use crate::when::{DateRange, Schedule};

/// `--remind` when not given: two weeks before a due date.
pub const DEFAULT_REMIND: u32 = 14;

/// Longest content line in octets, CRLF not counted (RFC 5545 §3.1).
const MAX_LINE: usize = 75;

/// Writes the calendar of `rows`; `as_of` stamps it (see the module's documentation); each due
/// date gets a reminder `remind` days before it.
pub fn calendar(
    out: &mut impl Write,
    plan: &Plan,
    rows: &[Judged],
    as_of: NaiveDate,
    remind: u32,
    lang: Lang,
) -> io::Result<()> {
    let mut ics = Writer { out };
    let stamp = format!("{}T000000Z", date(as_of.clamp(first_day(), last_day())).unwrap_or_default());
    ics.line("BEGIN:VCALENDAR")?;
    ics.line("VERSION:2.0")?;
    let (name, version) = (crate::render::GENERATOR, env!("CARGO_PKG_VERSION"));
    ics.line(&format!("PRODID:-//{name}//{name} {version}//{}", lang.code().to_uppercase()))?;
    ics.line("CALSCALE:GREGORIAN")?;
    ics.line("METHOD:PUBLISH")?;
    ics.line(&format!("X-WR-CALNAME:{}", text(&plan.title)))?;
    for row in rows {
        for event in events(plan, row, remind, lang) {
            ics.event(&event, &stamp)?;
        }
    }
    ics.line("END:VCALENDAR")
}

/// One all-day event, before it is written.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Event {
    uid: String,
    /// First day.
    from: NaiveDate,
    /// Last day, included.
    to: NaiveDate,
    summary: String,
    description: String,
    cancelled: bool,
    /// Days before the event to remind: a due date's.
    alarm: Option<u32>,
}

/// The events of one activity: its windows, its dates (a date both held and planned once, as
/// held), then its next due date.
fn events(plan: &Plan, row: &Judged, remind: u32, lang: Lang) -> Vec<Event> {
    let activity = row.activity;
    let key = activity.id.clone().unwrap_or_else(|| activity.number.to_string());
    let uid = |what: &str| format!("{}-{key}-{what}@plan", plan.year);
    // Repeated in every event of the activity: clipped, so that the calendar stays linear in the
    // plan (a `when` listing N dates made N events each holding all N dates).
    let about = clip(&about(plan, row, lang), MAX_SHARED).into_owned();
    let cancelled = activity.status == Status::Cancelled;
    let mut events = Vec::new();
    if let Schedule::Window(ranges) = &activity.schedule {
        for (i, range) in merged(ranges).iter().enumerate() {
            events.push(Event {
                uid: uid(&format!("window-{}", i + 1)),
                from: range.from,
                to: range.to,
                summary: clip(&numbered_title(activity, lang), MAX_SHARED).into_owned(),
                description: about.clone(),
                cancelled,
                alarm: None,
            });
        }
    }
    let mut dated: Vec<(&Dated, Message)> = activity.held.iter().map(|d| (d, msg!("event-held"))).collect();
    dated.extend(
        activity
            .planned
            .iter()
            .filter(|p| !activity.held.iter().any(|h| h.date == p.date))
            .map(|d| (d, msg!("event-planned"))),
    );
    dated.sort_by_key(|(d, _)| d.date);
    dated.dedup_by_key(|(d, _)| d.date);
    for (day, kind) in dated {
        let description = match &day.note {
            Some(note) => format!("{note}\n{about}"),
            None => about.clone(),
        };
        events.push(Event {
            uid: uid(&date(day.date).unwrap_or_default()),
            from: day.date,
            to: day.date,
            summary: titled(activity, &lang.say(&kind)),
            description,
            cancelled,
            alarm: None,
        });
    }
    if let Some(verdict) = &row.verdict {
        events.push(Event {
            uid: uid("due"),
            from: verdict.next_due,
            to: verdict.next_due,
            summary: lang.say(&msg!("event-last-due", title = clip(&activity.title, MAX_SHARED).into_owned())),
            description: format!("{}\n{about}", rule_line(verdict, lang)),
            cancelled: false,
            alarm: Some(remind),
        });
    }
    events
}

/// The windows sorted, identical and overlapping ones merged into one (a `when` that repeats a
/// month, or lists a range and a month inside it).
fn merged(ranges: &[DateRange]) -> Vec<DateRange> {
    let mut sorted = ranges.to_vec();
    sorted.sort_by_key(|r| (r.from, r.to));
    let mut merged: Vec<DateRange> = Vec::with_capacity(sorted.len().min(16));
    for range in sorted {
        match merged.last_mut() {
            Some(last) if range.from <= last.to => last.to = last.to.max(range.to),
            _ => merged.push(range),
        }
    }
    merged
}

/// `1.1 Title — what`.
fn titled(activity: &Activity, what: &str) -> String {
    format!("{} {} — {what}", activity.number, clip(&activity.title, MAX_SHARED))
}

/// The most characters of the text an activity's events share (its title, its description): no
/// real title or time comes near it, and each event then costs at most a few kilobytes.
const MAX_SHARED: usize = 1000;

/// `text` cut to `max` characters, with `…` where it was cut.
fn clip(text: &str, max: usize) -> std::borrow::Cow<'_, str> {
    match text.char_indices().nth(max) {
        None => std::borrow::Cow::Borrowed(text),
        Some((at, _)) => std::borrow::Cow::Owned(format!("{}…", &text[..at])),
    }
}

/// The rule and its verdict, for a due event.
fn rule_line(verdict: &RuleReport, lang: Lang) -> String {
    format!(
        "{}: {} [{}]; {}: {}",
        lang.word("show-rule"),
        lang.say(&words::recurrence(&verdict.recurrence)),
        lang.say(&words::rule_short(verdict.rule)),
        lang.word("show-status"),
        lang.say(&verdict.status.message())
    )
}

/// The description shared by an activity's events: section, time, responsible, partner, note.
fn about(plan: &Plan, row: &Judged, lang: Lang) -> String {
    let activity = row.activity;
    let mut lines = vec![
        format!("{}: {}. {}", lang.word("show-section"), row.section.number, row.section.title),
        format!("{}: {}", lang.word("show-when"), activity.when),
        format!("{}: {}", lang.word("show-responsible"), responsible(plan, activity, lang)),
    ];
    if let Some(partner) = &activity.partner {
        lines.push(format!("{}: {partner}", lang.word("show-partner")));
    }
    if let Some(note) = &activity.note {
        lines.push(format!("{}: {note}", lang.word("show-note")));
    }
    lines.join("\n")
}

fn first_day() -> NaiveDate {
    NaiveDate::from_ymd_opt(1, 1, 1).unwrap_or(NaiveDate::MIN)
}

fn last_day() -> NaiveDate {
    NaiveDate::from_ymd_opt(9999, 12, 31).unwrap_or(NaiveDate::MAX)
}

/// A DATE value (`20190614`); `None` outside the four-digit years RFC 5545 can write.
fn date(day: NaiveDate) -> Option<String> {
    (1..=9999).contains(&day.year()).then(|| day.format("%Y%m%d").to_string())
}

/// A TEXT value (RFC 5545 §3.3.11): control characters from the file shown as escapes, then
/// backslash, semicolon, comma and newline escaped.
fn text(value: &str) -> String {
    let mut out = String::with_capacity(value.len() + 8);
    for c in escape_block(value).chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            c => out.push(c),
        }
    }
    out
}

struct Writer<W> {
    out: W,
}

impl<W: Write> Writer<W> {
    /// One content line, folded: at most 75 octets per physical line, a continuation starting
    /// with a space, a break never inside a character or an escape, nor right after a space.
    fn line(&mut self, line: &str) -> io::Result<()> {
        let mut rest = line;
        let mut limit = MAX_LINE;
        loop {
            if rest.len() <= limit {
                return write!(self.out, "{rest}\r\n");
            }
            let mut cut = limit;
            while !rest.is_char_boundary(cut) {
                cut -= 1;
            }
            // Readers that trim each physical line would lose a space before the break: break
            // before the spaces instead (unless the piece is all spaces).
            let kept = rest[..cut].trim_end_matches([' ', '\t']).len();
            if kept > 0 {
                cut = kept;
            }
            // Nor split an escape such as `\n` (RFC 5545 allows it; naive readers do not).
            let backslashes = rest[..cut].len() - rest[..cut].trim_end_matches('\\').len();
            if backslashes % 2 == 1 && cut > 1 {
                cut -= 1;
            }
            write!(self.out, "{}\r\n ", &rest[..cut])?;
            rest = &rest[cut..];
            // The leading space of a continuation line counts towards its 75 octets.
            limit = MAX_LINE - 1;
        }
    }

    /// One all-day event; an event on a date RFC 5545 cannot write is left out.
    fn event(&mut self, event: &Event, stamp: &str) -> io::Result<()> {
        let (Some(from), Some(_)) = (date(event.from), date(event.to)) else { return Ok(()) };
        self.line("BEGIN:VEVENT")?;
        self.line(&format!("UID:{}", text(&event.uid)))?;
        self.line(&format!("DTSTAMP:{stamp}"))?;
        self.line(&format!("DTSTART;VALUE=DATE:{from}"))?;
        match event.to.succ_opt().and_then(date) {
            Some(end) => self.line(&format!("DTEND;VALUE=DATE:{end}"))?,
            // The day after 9999-12-31 has no four-digit year: say how long instead.
            None => self.line(&format!("DURATION:P{}D", (event.to - event.from).num_days() + 1))?,
        }
        self.line(&format!("SUMMARY:{}", text(&event.summary)))?;
        self.line(&format!("DESCRIPTION:{}", text(&event.description)))?;
        if event.cancelled {
            self.line("STATUS:CANCELLED")?;
        }
        // A window of months is not time taken: it must not show the day as busy.
        self.line("TRANSP:TRANSPARENT")?;
        if let Some(days) = event.alarm {
            self.line("BEGIN:VALARM")?;
            self.line("ACTION:DISPLAY")?;
            self.line(&format!("DESCRIPTION:{}", text(&event.summary)))?;
            // Before the start of the all-day event: its midnight.
            self.line(&if days == 0 { "TRIGGER:PT0S".to_owned() } else { format!("TRIGGER:-P{days}D") })?;
            self.line("END:VALARM")?;
        }
        self.line("END:VEVENT")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn folded(line: &str) -> String {
        let mut out = Vec::new();
        Writer { out: &mut out }.line(line).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn text_is_escaped_as_rfc_5545_says() {
        assert_eq!(text("a\\b;c,d\ne"), "a\\\\b\\;c\\,d\\ne");
        assert_eq!(text("bell\u{7}"), "bell\\\\u{7}");
        assert_eq!(text("Заседания: «совет»"), "Заседания: «совет»");
    }

    #[test]
    fn long_lines_fold_at_75_octets_between_characters() {
        let line = format!("SUMMARY:{}", "Заседание ".repeat(20));
        let out = folded(&line);
        assert!(out.ends_with("\r\n"));
        let physical: Vec<&str> = out.trim_end_matches("\r\n").split("\r\n").collect();
        assert!(physical.len() > 1);
        for (i, part) in physical.iter().enumerate() {
            assert!(part.len() <= MAX_LINE, "{i}: {} octets", part.len());
            assert_eq!(part.starts_with(' '), i > 0);
            assert!(i + 1 == physical.len() || !part.ends_with(' '), "{i}: {part:?}");
        }
        let unfolded: String = physical.iter().enumerate().map(|(i, p)| if i == 0 { *p } else { &p[1..] }).collect();
        assert_eq!(unfolded, line);
    }

    #[test]
    fn folds_keep_escapes_whole() {
        for shift in 0..4 {
            let line = format!("DESCRIPTION:{}{}", "x".repeat(60 + shift), "\\n\\;\\,".repeat(10));
            let out = folded(&line);
            for part in out.trim_end_matches("\r\n").split("\r\n") {
                let backslashes = part.len() - part.trim_end_matches('\\').len();
                assert_eq!(backslashes % 2, 0, "{part:?}");
            }
            assert_eq!(out.replace("\r\n ", ""), format!("{line}\r\n"));
        }
    }

    #[test]
    fn short_lines_are_not_folded() {
        assert_eq!(folded("VERSION:2.0"), "VERSION:2.0\r\n");
        let exact = "X".repeat(MAX_LINE);
        assert_eq!(folded(&exact), format!("{exact}\r\n"));
    }

    #[test]
    fn dates_outside_four_digit_years_are_not_written() {
        assert_eq!(date(NaiveDate::from_ymd_opt(2019, 6, 14).unwrap()), Some("20190614".to_owned()));
        assert_eq!(date(NaiveDate::MAX), None);
    }
}
