//! The arithmetic every reading shares: a rule's [`Period`] of M calendar months or W weeks,
//! [`add_months`] (clamped to the month's end) and [`add_weeks`] for rolling due dates, and
//! `months_after` for calendar blocks, which must tell a saturated date from a real one.

use chrono::{Days, Months, NaiveDate};

use crate::when::Unit;

/// The length of a rule's period: `every` months or weeks, 0 read as 1.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Period {
    /// At least 1.
    pub(super) every: u32,
    pub(super) unit: Unit,
}

impl Period {
    pub(super) fn new(every: u32, unit: Unit) -> Self {
        Period { every: every.max(1), unit }
    }

    /// `date` plus one period: M calendar months, or 7·W days; saturated at chrono's last day.
    pub(super) fn after(self, date: NaiveDate) -> NaiveDate {
        match self.unit {
            Unit::Month => add_months(date, self.every),
            Unit::Week => add_weeks(date, self.every),
        }
    }
}

/// Adds calendar months, landing on the month's last day when the day does
/// not exist there (31 August + 6 months = 29 February in a leap year).
///
/// Saturates at the latest date chrono can represent instead of panicking,
/// so absurd inputs give absurd but harmless due dates.
#[must_use]
pub fn add_months(date: NaiveDate, months: u32) -> NaiveDate {
    months_after(date, u64::from(months)).unwrap_or(NaiveDate::MAX)
}

/// Adds weeks of seven days, saturating as [`add_months`] does.
#[must_use]
pub fn add_weeks(date: NaiveDate, weeks: u32) -> NaiveDate {
    date.checked_add_days(Days::new(7 * u64::from(weeks))).unwrap_or(NaiveDate::MAX)
}

/// `None` when the result is past chrono's range, so callers can tell a
/// saturated date from a real one.
pub(super) fn months_after(date: NaiveDate, months: u64) -> Option<NaiveDate> {
    let months = u32::try_from(months).ok()?;
    date.checked_add_months(Months::new(months))
}
