//! `plan held`, `plan planned`, `plan cancel` and `plan result`: one change to one activity, written in place.
//!
//! Read once; refuse what makes no sense; change the text ([`edit::apply`]); load the result with
//! the same loader as every command and check that it says what was meant ([`edit::verify`]);
//! then show the diff (`--dry-run`) or write atomically, unless the file changed meanwhile.

use std::borrow::Cow;
use std::io::Write;
use std::process::ExitCode;
use std::time::Duration;

use chrono::NaiveDate;

use crate::check::{self, rules::Violation};
use crate::cli::{CancelArgs, ExistingText, HeldArgs, PlannedArgs, ResultArgs};
use crate::config::Config;
use crate::edit::{self, Change, Existing};
use crate::error::Error;
use crate::i18n::msg;
use crate::model;
use crate::render::escape_line;
use crate::when::Schedule;
use crate::write;

/// `plan held ID DATE [--note TEXT]`.
pub(super) fn held(
    args: &HeldArgs,
    config: &Config,
    out: &mut impl Write,
    err: &mut impl Write,
) -> Result<ExitCode, Error> {
    let change = Change::Held { date: date_argument(&args.date, config.as_of)?, note: args.note.clone() };
    record(&args.activity, &change, Existing::Refuse, args.write.dry_run, config, out, err)
}

/// `plan planned ID DATE`.
pub(super) fn planned(
    args: &PlannedArgs,
    config: &Config,
    out: &mut impl Write,
    err: &mut impl Write,
) -> Result<ExitCode, Error> {
    let change = Change::Planned { date: date_argument(&args.date, config.as_of)? };
    record(&args.activity, &change, Existing::Refuse, args.write.dry_run, config, out, err)
}

/// `plan cancel ID [--note TEXT]`.
pub(super) fn cancel(
    args: &CancelArgs,
    config: &Config,
    out: &mut impl Write,
    err: &mut impl Write,
) -> Result<ExitCode, Error> {
    let change = Change::Cancel { note: args.note.clone() };
    record(&args.activity, &change, existing(args.existing), args.write.dry_run, config, out, err)
}

/// `plan result ID TEXT`.
pub(super) fn result(
    args: &ResultArgs,
    config: &Config,
    out: &mut impl Write,
    err: &mut impl Write,
) -> Result<ExitCode, Error> {
    let change = Change::Result { text: args.text.clone() };
    record(&args.activity, &change, existing(args.existing), args.write.dry_run, config, out, err)
}

fn existing(flags: ExistingText) -> Existing {
    match (flags.replace, flags.append) {
        (true, _) => Existing::Replace,
        (_, true) => Existing::Append,
        _ => Existing::Refuse,
    }
}

/// How long to wait for another command's lock on the plan: `PLAN_LOCK_TIMEOUT` seconds, or
/// [`write::DEFAULT_LOCK_TIMEOUT`].
fn lock_timeout() -> Result<Duration, Error> {
    match std::env::var("PLAN_LOCK_TIMEOUT") {
        Err(_) => Ok(write::DEFAULT_LOCK_TIMEOUT),
        Ok(text) => text
            .trim()
            .parse::<f64>()
            .ok()
            .and_then(|seconds| Duration::try_from_secs_f64(seconds).ok())
            .ok_or(Error::BadLockTimeout { text }),
    }
}

fn record(
    query: &str,
    change: &Change,
    existing: Existing,
    dry_run: bool,
    config: &Config,
    out: &mut impl Write,
    err: &mut impl Write,
) -> Result<ExitCode, Error> {
    let path = config.plan_path()?;
    let display = path.display().to_string();
    // The lock is held from this read to the rename, so that two edits at once both land. A dry
    // run writes nothing and takes no lock.
    let locked = if dry_run {
        None
    } else {
        let timeout = lock_timeout()?;
        let quiet = config.quiet;
        let mut waiting = || {
            if !quiet {
                let _ = writeln!(err, "{}", config.lang.word("lock-waiting"));
                let _ = err.flush();
            }
        };
        Some(write::Locked::open_waiting(&path, write::Wait { timeout, waiting: &mut waiting })?)
    };
    let bytes = match &locked {
        Some(locked) => Cow::Borrowed(locked.contents()),
        None => Cow::Owned(write::read(&path)?),
    };
    let plan = model::parse(&display, &bytes).map_err(Error::Invalid)?;
    let (_, activity) = super::find_activity(&plan, query)?;
    // Under the lock: a text another writer recorded a moment ago is seen here.
    let settled = edit::settle(change, activity, existing)?;
    let change = &settled;
    // A meeting before the plan's start on a recurring activity is the one that starts its clock.
    let last_before = match *change {
        Change::Held { date, .. } if date < plan.period.from && activity.recurrence().is_some() => {
            if let Some(current) = activity.last_before.as_ref().filter(|d| d.date >= date) {
                if !config.quiet {
                    writeln!(
                        err,
                        "{}",
                        config.lang.say(&msg!("held-before-last-before", date = date, last_before = current.date))
                    )?;
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
    edit::refuse_lone_carriage_returns(&text, &display)?;
    let cannot = || Error::CannotEdit { path: display.clone(), number: Some(activity.number.to_string()) };
    let edited = edit::apply(&text, activity.number, change).ok_or_else(cannot)?;
    let after = model::parse(&display, edited.as_bytes())
        .map_err(|invalid| Error::EditBroke { path: display.clone(), invalid: Some(invalid) })?;
    if !edit::verify(&plan, &after, activity.number, change) {
        return Err(Error::EditBroke { path: display, invalid: None });
    }
    // Paths are shown escaped: a committed `plans/2020\x1b[2J.toml` is picked automatically.
    let shown = crate::render::escape_line(&display);
    let note = match locked {
        None => {
            out.write_all(edit::unified_diff(&text, &edited, &display, &display).as_bytes())?;
            crate::render::record::dry_run(config.lang, &shown)
        }
        Some(locked) => {
            locked.replace(edited.as_bytes())?;
            crate::render::record::recorded(config.lang, &shown, activity, change)
        }
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
        Change::LastBefore { date } => {
            vec![lang.say(&msg!("held-as-last-before", date = date, start = before.period.from))]
        }
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
                        told.push(lang.say(&msg!("held-late", due = due, days = (held - due).num_days())));
                    }
                }
            }
            if let Schedule::Window(ranges) = &edited.schedule
                && !ranges.iter().any(|r| r.contains(date))
            {
                told.push(lang.say(&msg!("held-outside-time", date = date, when = escape_line(&edited.when))));
            }
            told
        }
        _ => Vec::new(),
    }
}

/// A DATE argument: `2019-03-14`, `14.03.2019`, `14.03.19`, `14 марта 2019`, `14 марта` (the
/// year of `today`, the as-of date), `сегодня`, `вчера`: a day that exists.
fn date_argument(text: &str, today: NaiveDate) -> Result<NaiveDate, Error> {
    crate::when::parse_day(text, today).map_err(|error| Error::NotADate { text: text.to_owned(), error })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_iso_russian_or_in_words_and_must_exist() {
        let today = NaiveDate::from_ymd_opt(2019, 5, 15).unwrap();
        let day = NaiveDate::from_ymd_opt(2019, 3, 14).unwrap();
        for text in ["2019-03-14", "14.03.2019", "14.03.19", "14 марта 2019", "14 марта 2019 г.", "14 марта", "14.03"]
        {
            assert_eq!(date_argument(text, today).unwrap(), day, "{text}");
        }
        assert_eq!(date_argument("вчера", today).unwrap(), NaiveDate::from_ymd_opt(2019, 5, 14).unwrap());
        let no_such_day = |text| match date_argument(text, today) {
            Err(Error::NotADate { error, .. }) => error.no_such_day,
            other => panic!("{text}: {other:?}"),
        };
        for text in ["31.04.19", "2019-02-30", "31.04.2019", "31 апреля"] {
            assert!(no_such_day(text), "{text}");
        }
        for text in ["14/03/2019", "march"] {
            assert!(!no_such_day(text), "{text}");
        }
    }
}
