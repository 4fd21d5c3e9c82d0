//! Text as the file wrote it, read again for a message: a value cut short to quote it, a date
//! written in quotes, and why a date the TOML parser refused is not one. The loader, the shape
//! check and the syntax check all quote the file, so this sits below the three of them.

use chrono::NaiveDate;

use crate::error::DateFault;

/// The date in a quoted string such as `"2019-05-01"` or `"01.05.2019"`, as TOML wants it written.
pub(super) fn quoted_date(quoted: &str) -> Option<String> {
    let inner = quoted.strip_prefix('"')?.strip_suffix('"')?.trim();
    if let Ok(date) =
        NaiveDate::parse_from_str(inner, "%Y-%m-%d").or_else(|_| NaiveDate::parse_from_str(inner, "%d.%m.%Y"))
    {
        return Some(date.format("%Y-%m-%d").to_string());
    }
    // `"2019-02-30"`: a date in form, if not in fact; the quotes are the first thing to fix.
    let b = inner.as_bytes();
    let form = b.len() == 10
        && b.iter().enumerate().all(|(i, c)| if i == 4 || i == 7 { *c == b'-' } else { c.is_ascii_digit() });
    form.then(|| inner.to_owned())
}

/// Why a date the TOML parser refused is not one.
pub(super) fn date_fault(written: &str) -> DateFault {
    let date = written.split(['T', 't', ' ']).next().unwrap_or("");
    let parts: Vec<&str> = date.split('-').collect();
    let [y, m, d] = parts.as_slice() else { return DateFault::Form };
    if y.len() != 4 || m.len() != 2 || d.len() != 2 {
        return DateFault::Form;
    }
    let (Ok(year), Ok(month), Ok(day)) = (y.parse::<i32>(), m.parse::<u32>(), d.parse::<u32>()) else {
        return DateFault::Form;
    };
    if !(1..=12).contains(&month) {
        return DateFault::NoSuchMonth(month);
    }
    let days = (28..=31).rev().find(|&last| NaiveDate::from_ymd_opt(year, month, last).is_some()).unwrap_or(31);
    if day == 0 || day > days {
        return DateFault::NoSuchDay { year, month, days };
    }
    DateFault::Form
}

/// Text from the file quoted in a message, cut short: the line itself is shown below it.
pub(super) fn clip(text: &str) -> String {
    const MAX: usize = 60;
    match text.char_indices().nth(MAX) {
        Some((end, _)) => format!("{}…", &text[..end]),
        None => text.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoted_dates_are_recognised_in_both_written_forms() {
        assert_eq!(quoted_date("\"2019-05-01\"").as_deref(), Some("2019-05-01"));
        assert_eq!(quoted_date("\"01.05.2019\"").as_deref(), Some("2019-05-01"));
        assert_eq!(quoted_date("\"2019-02-30\"").as_deref(), Some("2019-02-30"));
        assert_eq!(quoted_date("\"апрель\""), None);
        assert_eq!(quoted_date("2019-05-01"), None);
    }

    #[test]
    fn a_refused_date_says_which_part_does_not_exist() {
        assert_eq!(date_fault("2019-13-01"), DateFault::NoSuchMonth(13));
        assert_eq!(date_fault("2019-02-29"), DateFault::NoSuchDay { year: 2019, month: 2, days: 28 });
        assert_eq!(date_fault("2020-02-30"), DateFault::NoSuchDay { year: 2020, month: 2, days: 29 });
        assert_eq!(date_fault("2019-04-00"), DateFault::NoSuchDay { year: 2019, month: 4, days: 30 });
        assert_eq!(date_fault("2019-4-1"), DateFault::Form);
        assert_eq!(date_fault("2019-05-01T25:00:00"), DateFault::Form);
    }
}
