//! `plan held`, `plan planned`, `plan cancel` and `plan result`: one change to one activity, written in place.
//!
//! Read once; refuse what makes no sense; change the text ([`edit::apply`]); load the result with
//! the same loader as every command and check that it says what was meant ([`edit::verify`]);
//! then show the diff (`--dry-run`) or write atomically, unless the file changed meanwhile.

use std::io::Write;
use std::process::ExitCode;

use chrono::NaiveDate;

use crate::check::{self, rules::Violation};
use crate::cli::{CancelArgs, HeldArgs, PlannedArgs, ResultArgs};
use crate::config::Config;
use crate::edit::{self, Change};
use crate::error::Error;
use crate::model;
use crate::when::Schedule;
use crate::write;

/// `plan held ID DATE [--note TEXT]`.
pub fn held(args: &HeldArgs, config: &Config, out: &mut impl Write, err: &mut impl Write) -> Result<ExitCode, Error> {
    let change = Change::Held { date: date_argument(&args.date)?, note: args.note.clone() };
    record(&args.activity, &change, args.write.dry_run, config, out, err)
}

/// `plan planned ID DATE`.
pub fn planned(
    args: &PlannedArgs,
    config: &Config,
    out: &mut impl Write,
    err: &mut impl Write,
) -> Result<ExitCode, Error> {
    let change = Change::Planned { date: date_argument(&args.date)? };
    record(&args.activity, &change, args.write.dry_run, config, out, err)
}

/// `plan cancel ID [--note TEXT]`.
pub fn cancel(
    args: &CancelArgs,
    config: &Config,
    out: &mut impl Write,
    err: &mut impl Write,
) -> Result<ExitCode, Error> {
    let change = Change::Cancel { note: args.note.clone() };
    record(&args.activity, &change, args.write.dry_run, config, out, err)
}

/// `plan result ID TEXT`.
pub fn result(
    args: &ResultArgs,
    config: &Config,
    out: &mut impl Write,
    err: &mut impl Write,
) -> Result<ExitCode, Error> {
    let change = Change::Result { text: args.text.clone() };
    record(&args.activity, &change, args.write.dry_run, config, out, err)
}

fn record(
    query: &str,
    change: &Change,
    dry_run: bool,
    config: &Config,
    out: &mut impl Write,
    err: &mut impl Write,
) -> Result<ExitCode, Error> {
    let path = config.plan_path()?;
    let display = path.display().to_string();
    let bytes = write::read(&path)?;
    let plan = model::parse(&display, &bytes).map_err(Error::Invalid)?;
    let (_, activity) = super::find_activity(&plan, query)?;
    // A meeting before the plan's start on a recurring activity is the one that starts its clock.
    let last_before = match *change {
        Change::Held { date, .. } if date < plan.period.from && activity.recurrence().is_some() => {
            if let Some(current) = activity.last_before.as_ref().filter(|d| d.date >= date) {
                if !config.quiet {
                    writeln!(err, "{}", config.lang.held_before_last_before(date, current.date))?;
                }
                return Ok(ExitCode::SUCCESS);
            }
            Some(Change::LastBefore { date })
        }
        _ => None,
    };
    let change = last_before.as_ref().unwrap_or(change);
    edit::refuse(&plan, activity, change, config.as_of)?;
    // The loader accepted the bytes, so they are UTF-8.
    let text = String::from_utf8_lossy(&bytes);
    let cannot = || Error::CannotEdit { path: display.clone(), number: Some(activity.number.to_string()) };
    let edited = edit::apply(&text, activity.number, change).ok_or_else(cannot)?;
    let after = model::parse(&display, edited.as_bytes())
        .map_err(|invalid| Error::EditBroke { path: display.clone(), invalid: Some(invalid) })?;
    if !edit::verify(&plan, &after, activity.number, change) {
        return Err(Error::EditBroke { path: display, invalid: None });
    }
    let note = if dry_run {
        out.write_all(edit::unified_diff(&text, &edited, &display, &display).as_bytes())?;
        config.lang.dry_run(&display)
    } else {
        write::replace(&path, &bytes, edited.as_bytes())?;
        config.lang.recorded(&display, activity, change)
    };
    if !config.quiet {
        writeln!(err, "{note}")?;
        for warning in told_at_once(&plan, &after, activity, change, config) {
            writeln!(err, "{warning}")?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// What `check` will say of the date just recorded, told at once: a meeting later than its due
/// date (with the due date and the days late), a date outside the activity's time, or that a date
/// before the plan's start became `last_before`.
fn told_at_once(
    before: &model::Plan,
    after: &model::Plan,
    activity: &model::Activity,
    change: &Change,
    config: &Config,
) -> Vec<String> {
    let lang = config.lang;
    match *change {
        Change::LastBefore { date } => vec![lang.held_as_last_before(date, before.period.from)],
        Change::Held { date, .. } => {
            let mut told = Vec::new();
            let Some((_, edited)) = after.activities().find(|(_, a)| a.number == activity.number) else {
                return told;
            };
            if let Some(verdict) = check::judge_one(after, edited, check::Options::at(config.as_of)) {
                for breach in &verdict.breaches {
                    if let Violation::GapExceeded { held, due } = *breach
                        && held == date
                    {
                        told.push(lang.held_late(due, (held - due).num_days()));
                    }
                }
            }
            if let Schedule::Window(ranges) = &edited.schedule
                && !ranges.iter().any(|r| r.contains(date))
            {
                told.push(lang.held_outside_time(date, &edited.when));
            }
            told
        }
        _ => Vec::new(),
    }
}

/// A DATE argument: `2019-03-14`, `14.03.2019` or `14.03.19`, a day that exists.
fn date_argument(text: &str) -> Result<NaiveDate, Error> {
    crate::when::parse_date(text).map_err(|e| Error::NotADate { text: text.to_owned(), no_such_day: e.no_such_day })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_iso_or_russian_and_must_exist() {
        let day = NaiveDate::from_ymd_opt(2019, 3, 14).unwrap();
        assert_eq!(date_argument("2019-03-14").unwrap(), day);
        assert_eq!(date_argument("14.03.2019").unwrap(), day);
        assert_eq!(date_argument("14.03.19").unwrap(), day);
        assert!(matches!(date_argument("31.04.19"), Err(Error::NotADate { no_such_day: true, .. })));
        assert!(matches!(date_argument("2019-02-30"), Err(Error::NotADate { no_such_day: true, .. })));
        assert!(matches!(date_argument("31.04.2019"), Err(Error::NotADate { no_such_day: true, .. })));
        assert!(matches!(date_argument("14/03/2019"), Err(Error::NotADate { no_such_day: false, .. })));
        assert!(matches!(date_argument("march"), Err(Error::NotADate { no_such_day: false, .. })));
    }
}
