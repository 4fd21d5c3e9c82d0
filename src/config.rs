//! The settings every command runs with (the command line turns into them once, in
//! [`crate::cli::Cli::config`]), and where the plan file is.

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use crate::error::Error;
use crate::i18n::{Lang, msg};
use crate::model::{self, Plan};
use crate::render::style::Paint;
use crate::when::DateRange;

/// Runtime settings shared by every command.
#[derive(Debug, Clone)]
pub struct Config {
    pub lang: Lang,
    /// Colour on stdout.
    pub paint: Paint,
    /// Colour on stderr.
    pub paint_err: Paint,
    /// Whether stdout is a terminal (tables then take its width).
    pub stdout_is_terminal: bool,
    /// `--as-of`, or today.
    pub as_of: NaiveDate,
    /// `--file` / `PLAN_FILE`; discovery when `None`.
    pub file: Option<PathBuf>,
    /// `--quiet`: no notes, and `check` without its rule blocks and summary.
    pub quiet: bool,
}

impl Config {
    /// The plan file: `--file` (or `PLAN_FILE`), else the plan in force on the as-of date in the
    /// `plans/` folder discovered from the current directory, told on stderr when there are several.
    pub fn plan_path(&self) -> Result<PathBuf, Error> {
        locate_on(self.file.as_deref(), self.as_of, &mut |found: &Discovered| {
            if let Some(note) = stale(found.last, self.as_of).filter(|_| !self.quiet) {
                // Once per run, however many times the plan is looked for.
                static SAID: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);
                if !SAID.swap(true, std::sync::atomic::Ordering::Relaxed) {
                    let _ = writeln!(io::stderr().lock(), "{}", self.lang.say(&note));
                }
            }
            if found.plans < 2 {
                return;
            }
            if !self.quiet {
                let path = found.path.display().to_string();
                let id = match found.why {
                    InForce::Holds => "plan-in-force-holds",
                    InForce::EndedBefore => "plan-in-force-ended-before",
                    InForce::StartsFirst => "plan-in-force-starts-first",
                };
                let path = crate::render::escape_line(&path);
                let note = self.lang.say(&msg!(id, path = path, on = self.as_of, plans = found.plans));
                let _ = writeln!(io::stderr().lock(), "{note}");
            }
        })
    }

    /// The other plans of `plan`'s folder that continue one of its recurring activities by `id`
    /// (spec §4, the series), in file-name order ([`crate::check::folder::series_plans`]); the
    /// files left out are told on stderr, unless `--quiet`.
    #[must_use]
    pub fn series(&self, plan: &Plan) -> Vec<Plan> {
        let (plans, skipped) = crate::check::folder::series_plans(plan);
        if !self.quiet {
            let mut err = io::stderr().lock();
            for note in &skipped {
                let _ = writeln!(err, "{}", crate::render::escape_line(&self.lang.say(&note.message())));
            }
        }
        plans
    }

    /// Loads the plan file (see [`Config::plan_path`]).
    pub fn load_plan(&self) -> Result<Plan, Error> {
        let path = self.plan_path()?;
        model::load(&path, &path.display().to_string())
    }
}

/// `file` when given, else the plan discovered from the current directory.
pub fn locate(file: Option<&Path>) -> Result<PathBuf, Error> {
    locate_on(file, chrono::Local::now().date_naive(), &mut |_: &Discovered| {})
}

/// `file` when given, else the plan in force on `as_of` in the nearest `plans/` folder, shown to
/// `note` (which says which was taken and why when the folder holds more than one).
pub fn locate_on(file: Option<&Path>, as_of: NaiveDate, note: &mut impl FnMut(&Discovered)) -> Result<PathBuf, Error> {
    match file {
        Some(path) => Ok(path.to_path_buf()),
        None => {
            let here = std::env::current_dir().map_err(|_| Error::NoPlanFound { searched_from: PathBuf::from(".") })?;
            let found = discover(&here, as_of).ok_or_else(|| match unreadable_plans(&here) {
                Some(path) => Error::FolderUnreadable { path },
                None => Error::NoPlanFound { searched_from: here },
            })?;
            note(&found);
            Ok(found.path)
        }
    }
}

/// The hint of spec §3 when `as_of` lies more than a month past the end of the series' last plan
/// (`last`): that plan is over, and `plan new` starts the next one.
#[must_use]
pub fn stale(last: Option<DateRange>, as_of: NaiveDate) -> Option<crate::i18n::Message> {
    use chrono::Datelike as _;
    let last = last?;
    let month_after = last.to.checked_add_months(chrono::Months::new(1))?;
    if as_of <= month_after {
        return None;
    }
    let (first, end_year) = (last.from.year(), last.to.year());
    let next = (end_year + 1).to_string();
    Some(if first == end_year {
        msg!("plan-ended-year", year = first.to_string(), end = last.to, next = next)
    } else {
        msg!("plan-ended-years", from = first.to_string(), to = end_year.to_string(), end = last.to, next = next)
    })
}

/// Why discovery took the plan it took (spec §3).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InForce {
    /// Its period holds the as-of date.
    Holds,
    /// None holds it; this one ended last before it.
    EndedBefore,
    /// None has started by the as-of date; this one starts first.
    StartsFirst,
}

/// The plan discovery took.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Discovered {
    /// Named relative to the directory searched from (`plans/2019.toml`, `../plans/2019.toml`).
    pub path: PathBuf,
    /// How many plans the folder holds (files that are not plans left out).
    pub plans: usize,
    /// Why this one.
    pub why: InForce,
    /// The period of the series' last plan (the one that ends last), when any period can be read.
    pub last: Option<DateRange>,
}

/// The plan in force on `as_of` in the nearest `plans/` folder at or above `start` (spec §3): the
/// one whose period holds `as_of`, else the one that ended last before it, else the one that starts
/// first. Files with no `[plan]` table are passed over.
#[must_use]
pub fn discover(start: &Path, as_of: NaiveDate) -> Option<Discovered> {
    let mut relative = PathBuf::new();
    for dir in start.ancestors() {
        let plans = plans_in(&dir.join("plans"));
        if let Some((chosen, why)) = in_force(&plans, as_of) {
            let path = relative.join("plans").join(chosen.file_name()?);
            let last = plans.iter().filter_map(|(_, period)| *period).max_by_key(|p| p.to);
            return Some(Discovered { path, plans: plans.len(), why, last });
        }
        relative.push("..");
    }
    None
}

/// The first `plans/` folder from `start` upwards that exists but cannot be listed: what to name
/// when discovery finds no plan, rather than saying there is none.
fn unreadable_plans(start: &Path) -> Option<PathBuf> {
    start.ancestors().map(|dir| dir.join("plans")).find(|plans| plans.is_dir() && std::fs::read_dir(plans).is_err())
}

/// The plans of one folder, by file name, each with its period when it can be read. A file that
/// is not TOML counts as a plan (with no period), so that the loader, not discovery, says what is
/// wrong with it; valid TOML without a `[plan]` table is not a plan.
#[must_use]
pub fn plans_in(folder: &Path) -> Vec<(PathBuf, Option<DateRange>)> {
    crate::check::folder::toml_files(folder)
        .into_iter()
        .filter_map(|path| match period_of(&path) {
            Shape::NotAPlan => None,
            Shape::Plan(period) => Some((path, period)),
        })
        .collect()
}

/// What discovery makes of one file.
pub(crate) enum Shape {
    /// Valid TOML without a `[plan]` table.
    NotAPlan,
    /// A plan (or a file that cannot be read as TOML), with its period when it can be read.
    Plan(Option<DateRange>),
}

/// Reads only `[plan]`'s `year`, `start` and `end`, as the loader reads them.
pub(crate) fn period_of(path: &Path) -> Shape {
    let Ok(bytes) = model::read_limited(path) else { return Shape::Plan(None) };
    let text = String::from_utf8_lossy(&bytes);
    let Ok(table) = text.trim_start_matches('\u{feff}').parse::<toml::Table>() else { return Shape::Plan(None) };
    let Some(plan) = table.get("plan").and_then(toml::Value::as_table) else { return Shape::NotAPlan };
    let date = |key: &str| match plan.get(key) {
        Some(toml::Value::Datetime(toml::value::Datetime { date: Some(d), time: None, offset: None })) => {
            NaiveDate::from_ymd_opt(i32::from(d.year), u32::from(d.month), u32::from(d.day))
        }
        _ => None,
    };
    let year = plan.get("year").and_then(toml::Value::as_integer).and_then(|y| i32::try_from(y).ok());
    let from = date("start").or_else(|| NaiveDate::from_ymd_opt(year?, 1, 1));
    let to = date("end").or_else(|| NaiveDate::from_ymd_opt(year?, 12, 31));
    Shape::Plan(match (from, to) {
        (Some(from), Some(to)) if from <= to => Some(DateRange { from, to }),
        _ => None,
    })
}

/// Spec §3's choice among `plans`; plans whose period cannot be read are taken only when no plan's
/// can, the last by name, so that loading it says what is wrong.
pub(crate) fn in_force(plans: &[(PathBuf, Option<DateRange>)], as_of: NaiveDate) -> Option<(&Path, InForce)> {
    let dated = || plans.iter().filter_map(|(path, period)| period.map(|p| (path.as_path(), p)));
    // On a tie the first by name wins (`2019.toml` before `example.toml`): `min_by_key` keeps the
    // first of equal keys, hence the reversed ones.
    let latest = |key: fn(&DateRange) -> NaiveDate| move |(_, p): &(&Path, DateRange)| std::cmp::Reverse(key(p));
    if let Some((path, _)) = dated().filter(|(_, p)| p.contains(as_of)).min_by_key(latest(|p| p.from)) {
        return Some((path, InForce::Holds));
    }
    if let Some((path, _)) = dated().filter(|(_, p)| p.to < as_of).min_by_key(latest(|p| p.to)) {
        return Some((path, InForce::EndedBefore));
    }
    if let Some((path, _)) = dated().min_by_key(|(_, p)| p.from) {
        return Some((path, InForce::StartsFirst));
    }
    plans.last().map(|(path, _)| (path.as_path(), InForce::StartsFirst))
}
