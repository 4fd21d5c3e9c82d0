//! A branch's figures: the report's outcomes and the check's rule statuses, counted.

use crate::check::RuleReport;
use crate::check::rules::Status;
use crate::fulfilment::{Outcome, Totals};

/// What became of a branch's activities, as `plan report` counts them.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Outcomes {
    /// Every activity counted.
    pub activities: usize,
    /// Done (выполнено).
    pub done: usize,
    /// No mark (нет отметки): the report's own count of it, once the report has that outcome.
    pub no_mark: usize,
    /// Not done (не выполнено).
    pub not_done: usize,
    /// Cancelled (отменено).
    pub cancelled: usize,
    /// Scheduled (запланировано).
    pub planned: usize,
    /// In progress (в работе).
    pub in_progress: usize,
}

impl Outcomes {
    /// The report's totals, outcome by outcome, as the report itself lists them.
    #[must_use]
    pub fn of(totals: &Totals) -> Self {
        let mut outcomes = Outcomes { activities: totals.activities, ..Outcomes::default() };
        for (outcome, count) in totals.by_outcome() {
            *outcomes.slot(outcome) += count;
        }
        outcomes
    }

    /// The column an outcome of the report is counted in. An outcome the report adds stops the
    /// build here until it is given its column: none is lost.
    fn slot(&mut self, outcome: Outcome) -> &mut usize {
        match outcome {
            Outcome::Held => &mut self.done,
            Outcome::NotRecorded => &mut self.no_mark,
            Outcome::NotDone => &mut self.not_done,
            Outcome::Cancelled => &mut self.cancelled,
            Outcome::Planned => &mut self.planned,
            Outcome::Open => &mut self.in_progress,
        }
    }

    pub(crate) fn add(&mut self, other: &Outcomes) {
        self.activities += other.activities;
        self.done += other.done;
        self.no_mark += other.no_mark;
        self.not_done += other.not_done;
        self.cancelled += other.cancelled;
        self.planned += other.planned;
        self.in_progress += other.in_progress;
    }
}

/// A branch's meeting rules by status, as `plan check` gives them.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Rules {
    /// Every rule counted.
    pub total: usize,
    /// `ok`.
    pub ok: usize,
    /// `due-soon`.
    pub due_soon: usize,
    /// `overdue`.
    pub overdue: usize,
    /// `violated`.
    pub violated: usize,
}

impl Rules {
    /// The statuses of `rules`, counted.
    pub fn of<'r>(rules: impl IntoIterator<Item = &'r RuleReport>) -> Self {
        let mut counts = Rules::default();
        for rule in rules {
            counts.total += 1;
            *match rule.status {
                Status::Ok => &mut counts.ok,
                Status::DueSoon => &mut counts.due_soon,
                Status::Overdue => &mut counts.overdue,
                Status::Violated => &mut counts.violated,
            } += 1;
        }
        counts
    }

    pub(crate) fn add(&mut self, other: &Rules) {
        self.total += other.total;
        self.ok += other.ok;
        self.due_soon += other.due_soon;
        self.overdue += other.overdue;
        self.violated += other.violated;
    }
}
