//! The words for the plan's own values (status, rule, time, outcome), as messages of the
//! catalogue, shared by the renderers.

use crate::fulfilment::Outcome;
use crate::i18n::{Lang, Message, msg};
use crate::model::{Rule, Status};
use crate::when::{DateRange, Recurrence, Schedule};

/// An activity's `status`.
#[must_use]
pub fn status(status: Status) -> Message {
    match status {
        Status::Planned => msg!("status-planned"),
        Status::Cancelled => msg!("status-cancelled"),
        Status::NotDone => msg!("status-not-done"),
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

/// The JSON key of a rule's period: `months`, or `weeks` for a weekly rule (spec section 2).
#[must_use]
pub fn unit_key(unit: crate::when::Unit) -> &'static str {
    match unit {
        crate::when::Unit::Month => "months",
        crate::when::Unit::Week => "weeks",
    }
}

/// "at least N times every M months" (or "weekly", "once every W weeks"), with "as needed" when
/// marked so.
#[must_use]
pub fn recurrence(recurrence: &Recurrence) -> Message {
    let Recurrence { times, every, unit, as_needed } = *recurrence;
    let rule = match unit {
        crate::when::Unit::Month => msg!("recurrence", times = times, months = every),
        crate::when::Unit::Week => msg!("recurrence-weeks", times = times, weeks = every),
    };
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

/// What became of an activity, in every form of the report: the words of the printed report's
/// «Отметка о выполнении» column (выполнено, нет отметки, не выполнено, отменено, запланировано,
/// в работе).
#[must_use]
pub fn fulfilment(outcome: Outcome) -> Message {
    match outcome {
        Outcome::Held => msg!("fulfilment-done"),
        Outcome::NotRecorded => msg!("fulfilment-no-mark"),
        Outcome::NotDone => msg!("fulfilment-not-done"),
        Outcome::Cancelled => msg!("fulfilment-cancelled"),
        Outcome::Planned => msg!("fulfilment-scheduled"),
        Outcome::Open => msg!("fulfilment-in-progress"),
    }
}

/// The labels of what was done, under the outcome in the printed report.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FulfilmentLabel {
    /// Held dates.
    Held,
    /// Planned dates.
    Planned,
    /// The recorded result.
    Result,
    /// Why it was cancelled.
    Reason,
    /// The activity's note.
    Note,
    /// When the time of an unrecorded activity ended.
    TimeEnded,
    /// Who is responsible.
    Responsible,
}

impl FulfilmentLabel {
    /// The label's words.
    #[must_use]
    pub fn message(self) -> Message {
        match self {
            FulfilmentLabel::Held => msg!("fulfilment-held"),
            FulfilmentLabel::Planned => msg!("fulfilment-planned"),
            FulfilmentLabel::Result => msg!("fulfilment-result"),
            FulfilmentLabel::Reason => msg!("fulfilment-reason"),
            FulfilmentLabel::Note => msg!("fulfilment-note"),
            FulfilmentLabel::TimeEnded => msg!("fulfilment-time-ended"),
            FulfilmentLabel::Responsible => msg!("fulfilment-responsible"),
        }
    }
}

/// The approval block, top right of the plan: «УТВЕРЖДЁН», «{by} от {ДД.ММ.ГГГГ} № {number}».
#[must_use]
pub fn approval(lang: Lang, approval: &crate::model::Approval) -> [String; 2] {
    // A plan not yet approved (made by `plan new`) keeps blanks to fill in by hand.
    let date = approval.date.map_or_else(|| "«____» ____________ ______".to_owned(), |date| lang.date(date));
    let number = approval.number.clone().unwrap_or_else(|| "______".to_owned());
    let line = msg!("approval-line", by = &approval.by, date = date, number = number);
    [lang.word("approved"), lang.say(&line)]
}

/// The five column headings of the printed fulfilment report.
#[must_use]
pub fn report_headers(lang: Lang) -> [String; 5] {
    [
        lang.word("document-number"),
        lang.word("report-document-activity"),
        lang.word("report-document-time"),
        lang.word("document-responsible"),
        lang.word("report-document-fulfilment"),
    ]
}

/// The columns of the meetings table of the printed report.
#[must_use]
pub fn charter_headers(lang: Lang) -> [String; 5] {
    [
        lang.word("document-number"),
        lang.word("charter-body"),
        lang.word("charter-held"),
        lang.word("charter-required"),
        lang.word("charter-breaches"),
    ]
}

/// The title of the fulfilment report: «Отчёт о выполнении плана работы … за 2019 год» when the
/// plan's period is over at `as_of`, else «… за период с 01.01.2019 по 20.11.2019».
#[must_use]
pub fn report_title(lang: Lang, plan: &crate::model::Plan, as_of: chrono::NaiveDate) -> String {
    use chrono::Datelike as _;
    let title = plan.title.trim();
    let (from, to) = (plan.period.from, plan.period.to);
    let whole_year = (from.month(), from.day(), to.month(), to.day()) == (1, 1, 12, 31) && from.year() == to.year();
    let complete = as_of >= to;
    let span = if complete && whole_year {
        msg!("report-span-year", year = plan.year.to_string())
    } else {
        msg!("report-span-period", from = from, to = if complete { to } else { as_of })
    };
    let object = match lang {
        // Russian names the plan in the genitive, so that the title reads on: «План работы X на
        // 2019 год» → «плана работы X». (The patterns are the plan's own words, not output.)
        Lang::Ru => {
            let year_suffix = format!(" на {} год", plan.year);
            let core = title.strip_suffix(&year_suffix).unwrap_or(title);
            match core.strip_prefix("План ") {
                Some(rest) => lang.say(&msg!("report-object-plan", rest = rest)),
                None => lang.say(&msg!("report-object-quoted", title = core)),
            }
        }
        Lang::En => title.to_owned(),
    };
    lang.say(&msg!("report-document-title", object = object, span = span))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::when::Unit;

    #[test]
    fn weekly_rules_in_words() {
        let rows: [(u32, u32, &str, &str); 5] = [
            (1, 1, "weekly", "еженедельно"),
            (1, 2, "once every 2 weeks", "раз в 2 недели"),
            (1, 5, "once every 5 weeks", "раз в 5 недель"),
            (2, 1, "at least 2 times every week", "не реже 2 раз в неделю"),
            (3, 2, "at least 3 times every 2 weeks", "не реже 3 раз в 2 недели"),
        ];
        for (times, weeks, en, ru) in rows {
            let rule = recurrence(&Recurrence { times, every: weeks, unit: Unit::Week, as_needed: false });
            assert_eq!((Lang::En.say(&rule), Lang::Ru.say(&rule)), (en.to_owned(), ru.to_owned()));
        }
        let monthly = recurrence(&Recurrence { times: 1, every: 6, unit: Unit::Month, as_needed: false });
        assert_eq!(Lang::Ru.say(&monthly), "не реже 1 раза в 6 месяцев");
    }
}
