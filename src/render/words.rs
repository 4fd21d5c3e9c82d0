//! The words for the plan's own values (status, rule, time, outcome), as messages of the
//! catalogue, shared by the renderers.

use crate::i18n::{Lang, Message, msg};
use crate::model::{Rule, Status};
use crate::report::Outcome;
use crate::when::{DateRange, Recurrence, Schedule};

/// An activity's `status`.
#[must_use]
pub fn status(status: Status) -> Message {
    match status {
        Status::Planned => msg!("status-planned"),
        Status::Cancelled => msg!("status-cancelled"),
    }
}

/// A `rule`, explained.
#[must_use]
pub fn rule(rule: Rule) -> Message {
    match rule {
        Rule::Rolling => msg!("rule-rolling"),
        Rule::Calendar => msg!("rule-calendar"),
        Rule::Both => msg!("rule-both"),
    }
}

/// A `rule` in one word, as `check` shows it in brackets.
#[must_use]
pub fn rule_short(rule: Rule) -> Message {
    match rule {
        Rule::Rolling => msg!("check-rule-rolling"),
        Rule::Calendar => msg!("check-rule-calendar"),
        Rule::Both => msg!("check-rule-both"),
    }
}

/// "at least N times every M months", with "as needed" when marked so.
#[must_use]
pub fn recurrence(recurrence: &Recurrence) -> Message {
    let Recurrence { times, months, as_needed } = *recurrence;
    let rule = msg!("recurrence", times = times, months = months);
    if as_needed { msg!("recurrence-as-needed", rule = rule) } else { rule }
}

/// What a schedule means, with exact dates; `period` is the plan's.
#[must_use]
pub fn schedule(schedule: &Schedule, period: DateRange) -> Message {
    match schedule {
        Schedule::Window(ranges) => {
            msg!("list", items = ranges.iter().map(|r| msg!("range", range = *r)).collect::<Vec<_>>())
        }
        Schedule::WholePeriod => msg!("schedule-whole-period", range = period),
        Schedule::AsNeeded => msg!("schedule-as-needed"),
        Schedule::AtLeast(r) => recurrence(r),
    }
}

/// What became of an activity, in the report.
#[must_use]
pub fn outcome(outcome: Outcome) -> Message {
    match outcome {
        Outcome::Held => msg!("outcome-held"),
        Outcome::Planned => msg!("outcome-planned"),
        Outcome::NotRecorded => msg!("outcome-not-recorded"),
        Outcome::Cancelled => msg!("outcome-cancelled"),
        Outcome::Open => msg!("outcome-open"),
    }
}

/// A month's short name (`month` from 1 to 12), for the timeline's header.
#[must_use]
pub fn month_abbr(lang: Lang, month: u32) -> String {
    const IDS: [&str; 12] = [
        "month-1", "month-2", "month-3", "month-4", "month-5", "month-6", "month-7", "month-8", "month-9", "month-10",
        "month-11", "month-12",
    ];
    lang.say(&Message::new(IDS[(month.clamp(1, 12) - 1) as usize]))
}

/// Dates (with their notes) as the language writes them, comma-separated.
#[must_use]
pub fn dates<'d>(lang: Lang, dates: impl IntoIterator<Item = &'d crate::model::Dated>) -> String {
    dates
        .into_iter()
        .map(|d| match &d.note {
            Some(note) => format!("{} ({note})", lang.date(d.date)),
            None => lang.date(d.date),
        })
        .collect::<Vec<_>>()
        .join(", ")
}
