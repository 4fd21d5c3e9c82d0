//! What each finding says, as a message of the catalogue (`locales/*/check.ftl`).

use crate::check::rules::{Status, Violation as V};
use crate::check::{Finding, Severity, What};
use crate::i18n::{Arg, Message, msg};

impl Finding {
    /// The finding in words (without its place and code), the activity or party named first.
    #[must_use]
    pub fn message(&self) -> Message {
        let who = match &self.number {
            Some(number) => {
                msg!(
                    "who-numbered",
                    number = number.to_string(),
                    title = crate::i18n::nested_quotes(&self.title).into_owned()
                )
            }
            None => msg!("who", title = crate::i18n::nested_quotes(&self.title).into_owned()),
        };
        let message = match &self.what {
            What::Rule(V::DueSoon { due, days }) => msg!("finding-due-soon", who = who, due = *due, days = *days),
            What::Rule(V::PlannedTooLate { planned, due }) => {
                msg!("finding-planned-too-late", who = who, planned = *planned, due = *due)
            }
            // The others are breaches: gap exceeded, block missed, overdue.
            What::Rule(v) => {
                let breach = v.breach().map_or_else(|| Arg::Text(String::new()), Arg::from);
                msg!("finding-breach", who = who, breach = breach)
            }
            What::HeldOutsidePlan { date, plan } => {
                msg!("finding-held-outside-plan", who = who, date = *date, plan = *plan)
            }
            What::HeldAfterAsOf { date, as_of } => {
                msg!("finding-held-after-as-of", who = who, date = *date, as_of = *as_of)
            }
            What::HeldOutsideWindow { date } => msg!("finding-held-outside-window", who = who, date = *date),
            What::NotRecorded { closed } => msg!("finding-not-recorded", who = who, closed = *closed),
            What::PlannedPassed { date } => msg!("finding-planned-passed", who = who, date = *date),
            What::LastBeforeMismatch { last_before, held, file } => {
                msg!("finding-last-before-mismatch", who = who, last_before = *last_before, held = *held, file = file)
            }
            What::UnusedParty { id } => msg!("finding-unused-party", who = who, id = id),
            What::WhenPartlyRead { unread } => msg!("finding-when-partly-read", who = who, unread = unread),
            What::WindowClipped { when, plan, more } => {
                msg!("finding-window-clipped", who = who, when = when, plan = *plan, more = *more)
            }
            What::SeriesOverlap { file, period } => msg!("finding-series-overlap", file = file, period = *period),
        };
        match &self.recorded_in {
            Some(file) => msg!("recorded-in", message = message, file = file),
            None => message,
        }
    }
}

impl V {
    /// A breach of a frequency rule, explained: which meeting or block, the due date, the days
    /// late. `None` for what is not a breach (due soon, a plan).
    #[must_use]
    pub fn breach(&self) -> Option<Message> {
        Some(match *self {
            V::GapExceeded { held, due } => {
                msg!("breach-gap-exceeded", held = held, due = due, days = (held - due).num_days())
            }
            V::Overdue { due, days } => msg!("breach-overdue", due = due, days = days),
            V::BlockMissed { from, to, held, needed } => {
                msg!("breach-block-missed", from = from, to = to, held = held, needed = needed)
            }
            V::DueSoon { .. } | V::PlannedTooLate { .. } => return None,
        })
    }
}

impl Severity {
    /// The word before the code, as in `error[overdue]`.
    #[must_use]
    pub fn message(self) -> Message {
        match self {
            Severity::Error => msg!("severity-error"),
            Severity::Warning => msg!("severity-warning"),
        }
    }
}

impl Status {
    /// The status word of a rule block: ok, due soon, overdue, violated.
    #[must_use]
    pub fn message(self) -> Message {
        match self {
            Status::Ok => msg!("check-status-ok"),
            Status::DueSoon => msg!("check-status-due-soon"),
            Status::Overdue => msg!("check-status-overdue"),
            Status::Violated => msg!("check-status-violated"),
        }
    }
}
