//! Calendar-month arithmetic shared by every reading: [`add_months`] for rolling due dates,
//! `months_after` for calendar blocks, which must tell a saturated date from a real one.

use chrono::{Months, NaiveDate};

/// Adds calendar months, landing on the month's last day when the day does
/// not exist there (31 August + 6 months = 29 February in a leap year).
///
/// Saturates at the latest date chrono can represent instead of panicking,
/// so absurd inputs give absurd but harmless due dates.
#[must_use]
pub fn add_months(date: NaiveDate, months: u32) -> NaiveDate {
    months_after(date, u64::from(months)).unwrap_or(NaiveDate::MAX)
}

/// `None` when the result is past chrono's range, so callers can tell a
/// saturated date from a real one.
pub(super) fn months_after(date: NaiveDate, months: u64) -> Option<NaiveDate> {
    let months = u32::try_from(months).ok()?;
    date.checked_add_months(Months::new(months))
}
