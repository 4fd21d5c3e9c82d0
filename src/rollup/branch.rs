//! One branch folder judged: its plan in force, as `plan check` and `plan report` would judge it
//! from inside the folder.

use std::path::{Path, PathBuf};

use crate::check::{self, RuleReport};
use crate::config::{self, Shape};
use crate::error::Error;
use crate::i18n::msg;
use crate::model::{self, Number, Plan};
use crate::query::Filter;
use crate::rollup::{Located, Note, Options, Outcomes, Row, Rules, Trouble};
use crate::when::DateRange;

/// The branch `id` in `folder`. Only a command line that cannot run anywhere (a `--period` that
/// does not parse) is an error; whatever is wrong with the branch itself is its row.
pub(super) fn judge(id: &str, folder: &Path, options: &Options) -> Result<Row, Error> {
    let mut row = Row {
        branch: id.to_owned(),
        name: None,
        plan: None,
        period: None,
        trouble: None,
        outcomes: Outcomes::default(),
        rules: Rules::default(),
        errors: 0,
        warnings: 0,
        notes: Vec::new(),
    };
    if let Err(error) = std::fs::read_dir(folder) {
        row.trouble = Some(Trouble::Unreadable(crate::error::io_reason(&error)));
        row.errors = 1;
        return Ok(row);
    }
    // Each file is read once: what discovery needs (the period) comes from the loaded plan, and
    // only a file that does not load is looked at again, as discovery looks at it.
    let mut loaded: Vec<(PathBuf, Result<Plan, Error>)> = Vec::new();
    let mut candidates: Vec<(PathBuf, Option<DateRange>)> = Vec::new();
    for path in crate::check::folder::toml_files(folder) {
        let plan = model::load(&path, &path.display().to_string());
        let shape = match &plan {
            Ok(plan) => Shape::Plan(Some(plan.period)),
            Err(_) => config::period_of(&path),
        };
        match shape {
            Shape::Plan(period) => candidates.push((path.clone(), period)),
            Shape::NotAPlan => {
                row.notes.push(Note { path: path.display().to_string(), message: msg!("rollup-not-a-plan") });
            }
        }
        loaded.push((path, plan));
    }
    row.notes.extend(passed_over(folder));
    let Some((chosen, _)) = config::in_force(&candidates, options.as_of) else {
        row.trouble = Some(Trouble::NoPlan);
        return Ok(row);
    };
    let chosen = chosen.to_path_buf();
    row.plan = chosen.file_name().map(|name| name.to_string_lossy().into_owned());
    let mut plan = None;
    let mut others = Vec::new();
    for (path, loaded) in loaded {
        match loaded {
            Ok(loaded) if path == chosen => plan = Some(loaded),
            Ok(loaded) => others.push(loaded),
            Err(error) if path == chosen => {
                row.errors = problems(&error);
                row.trouble = Some(Trouble::Broken(first_problem(&error)));
            }
            // Another year that does not load is left out of the series, as `check` leaves it.
            Err(error) if candidates.iter().any(|(c, _)| *c == path) => {
                let first = first_problem(&error);
                row.notes.push(Note { path: first.file.clone(), message: located_message(&first) });
            }
            Err(_) => {}
        }
    }
    let Some(plan) = plan else { return Ok(row) };
    let series = crate::check::folder::continuing(&plan, others);
    let checked =
        check::check_series(&plan, &series, check::Options { as_of: options.as_of, due_within: options.due_within });
    let selected = match Filter::resolve(&plan, &options.criteria, options.as_of) {
        Ok((filter, _)) => filter.select(&plan),
        // A party or section one branch does not have: nothing of this branch is selected.
        Err(error @ (Error::UnknownParty { .. } | Error::UnknownSection { .. })) => {
            row.notes.push(Note { path: plan.path.clone(), message: error.message() });
            Vec::new()
        }
        Err(error) => return Err(error),
    };
    let report = crate::fulfilment::report(&plan, &selected, options.as_of);
    let numbers: Vec<Number> = selected.iter().map(|(_, a)| a.number).collect();
    row.outcomes = Outcomes::of(&report.totals);
    row.rules = Rules::of(checked.rules.iter().filter(|rule| counted(rule, &numbers, options)));
    row.errors = checked.errors();
    row.warnings = checked.warnings();
    row.name.clone_from(&plan.organization);
    row.period = Some(plan.period);
    Ok(row)
}

/// The `*.toml` entries of the folder that [`crate::check::folder::toml_files`] passes over
/// because they are not regular files: a link that leads nowhere (a plan moved away), a folder, a
/// FIFO. Each is a note, so that a plan that cannot be read is never silently «no plan».
fn passed_over(folder: &Path) -> Vec<Note> {
    let Ok(entries) = std::fs::read_dir(folder) else { return Vec::new() };
    let mut notes: Vec<Note> = entries
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| path.extension().is_some_and(|e| e == "toml") && !path.is_file())
        .map(|path| {
            let message =
                if std::fs::metadata(&path).is_err() { msg!("rollup-broken-link") } else { msg!("rollup-not-a-file") };
            Note { path: path.display().to_string(), message }
        })
        .collect();
    notes.sort_by(|a, b| a.path.cmp(&b.path));
    notes
}

/// Whether a rule is counted: its activity is among the selected ones, and its title holds
/// `--rule-title` (case-insensitive).
fn counted(rule: &RuleReport, selected: &[Number], options: &Options) -> bool {
    let titled =
        options.rule_title.as_ref().is_none_or(|text| rule.title.to_lowercase().contains(&text.to_lowercase()));
    titled && selected.contains(&rule.number)
}

/// How many problems a plan that does not load has.
fn problems(error: &Error) -> usize {
    match error {
        Error::Invalid(invalid) => invalid.diagnostics.len().max(1),
        _ => 1,
    }
}

/// The first problem of a plan that does not load, with its place in the file.
fn first_problem(error: &Error) -> Located {
    match error {
        Error::Invalid(invalid) => match invalid.diagnostics.first() {
            Some(first) => {
                let pos = invalid.pos(first);
                Located {
                    file: invalid.path.clone(),
                    at: Some((pos.line, pos.column)),
                    message: first.problem.message(),
                }
            }
            None => Located { file: invalid.path.clone(), at: None, message: error.message() },
        },
        Error::Read { path, .. } => Located { file: path.display().to_string(), at: None, message: error.message() },
        _ => Located { file: String::new(), at: None, message: error.message() },
    }
}

/// `FILE:LINE:COL: message` as one message, for a note.
fn located_message(located: &Located) -> crate::i18n::Message {
    match located.at {
        Some((line, column)) => {
            msg!("rollup-problem-at", line = line, column = column, message = located.message.clone())
        }
        None => located.message.clone(),
    }
}
