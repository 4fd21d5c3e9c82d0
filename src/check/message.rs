//! What each finding says, as a message of the catalogue (`locales/*/check.ftl`).

use crate::check::rules::{Status, Violation as V};
use crate::check::{Finding, Severity, What};
use crate::i18n::{Message, msg};

impl Finding {
    /// The finding in words (without its place and code), the activity or party named first.
    #[must_use]
    pub fn message(&self) -> Message {
        let who = match &self.number {
            Some(number) => msg!("who-numbered", number = number.to_string(), title = &self.title),
            None => msg!("who", title = &self.title),
        };
        match &self.what {
            What::Rule(V::GapExceeded { held, due }) => {
                msg!("finding-gap-exceeded", who = who, held = *held, due = *due)
            }
            What::Rule(V::BlockMissed { from, to, held, needed }) => {
                msg!("finding-block-missed", who = who, from = *from, to = *to, held = *held, needed = *needed)
            }
            What::Rule(V::Overdue { due }) => msg!("finding-overdue", who = who, due = *due),
            What::Rule(V::DueSoon { due, days }) => msg!("finding-due-soon", who = who, due = *due, days = *days),
            What::Rule(V::PlannedTooLate { planned, due }) => {
                msg!("finding-planned-too-late", who = who, planned = *planned, due = *due)
            }
            What::HeldOutsidePlan { date, plan } => {
                msg!("finding-held-outside-plan", who = who, date = *date, plan = *plan)
            }
            What::HeldAfterAsOf { date, as_of } => {
                msg!("finding-held-after-as-of", who = who, date = *date, as_of = *as_of)
            }
            What::HeldOutsideWindow { date } => msg!("finding-held-outside-window", who = who, date = *date),
            What::NotRecorded { closed } => msg!("finding-not-recorded", who = who, closed = *closed),
            What::UnusedParty { id } => msg!("finding-unused-party", who = who, id = id),
        }
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
