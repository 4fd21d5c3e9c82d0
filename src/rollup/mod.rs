//! `plan rollup`: many branches at once (spec §9), as data.
//!
//! A folder holds one folder per branch, each a series of yearly plans. For each branch the plan
//! in force is picked as discovery picks it for one folder ([`crate::config::in_force`]), and its
//! figures come from the same judges `plan check` and `plan report` call: [`crate::check::check_series`]
//! over the series of [`crate::check::folder::continuing`], and [`crate::fulfilment::report`]. Nothing is judged
//! anew here; this module only counts what they say and orders the branches, worst first.

mod branch;
mod figures;

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use rayon::prelude::*;

use crate::error::Error;
use crate::i18n::Message;
use crate::query::Criteria;
use crate::when::DateRange;

pub(crate) use figures::{Outcomes, Rules};

/// What the rollup is run with.
#[derive(Debug, Clone)]
pub(crate) struct Options {
    /// The as-of date, as for `check` and `report`.
    pub as_of: NaiveDate,
    /// `--due-within`, as for `check`.
    pub due_within: u32,
    /// `--rule-title`: only the rules whose title holds this text (case-insensitive) are counted.
    pub rule_title: Option<String>,
    /// `--period` and `--responsible`: the activities counted, as `plan report` selects them.
    pub criteria: Criteria,
}

/// The branches of one folder.
#[derive(Debug, Clone)]
pub struct Rollup {
    /// The as-of date.
    pub as_of: NaiveDate,
    /// One per branch folder, worst first; equal branches by id.
    pub rows: Vec<Row>,
    /// What in the folder is not a branch (a file, a link that leads nowhere), by name.
    pub notes: Vec<Note>,
    /// Every row's figures added up.
    pub totals: Totals,
}

/// One branch.
#[derive(Debug, Clone)]
pub struct Row {
    /// The branch's id: its folder's name.
    pub branch: String,
    /// The plan in force's `organization`.
    pub name: Option<String>,
    /// The plan in force's file name, when the folder holds a plan.
    pub plan: Option<String>,
    /// The plan in force's period, when it loads.
    pub period: Option<DateRange>,
    /// Why the branch has no figures, when it has none.
    pub trouble: Option<Trouble>,
    /// What became of the selected activities (`plan report`'s totals).
    pub outcomes: Outcomes,
    /// The rules' statuses (`plan check`'s `rules`), narrowed by `--rule-title`.
    pub rules: Rules,
    /// `plan check`'s errors; for a plan that does not load, its problems.
    pub errors: usize,
    /// `plan check`'s warnings.
    pub warnings: usize,
    /// Files of the branch passed over: not plans, or other years that do not load.
    pub notes: Vec<Note>,
}

/// Why a branch has no figures.
#[derive(Debug, Clone)]
pub enum Trouble {
    /// The plan in force does not load: its first problem.
    Broken(Located),
    /// The folder cannot be read.
    Unreadable(Message),
    /// The folder holds no plan.
    NoPlan,
}

/// A message with the file (and the place in it) it is about.
#[derive(Debug, Clone)]
pub struct Located {
    /// The file, as `DIR/branch/file.toml`.
    pub file: String,
    /// 1-based line and column, when the problem has a place in the file.
    pub at: Option<(u32, u32)>,
    /// What is wrong.
    pub message: Message,
}

/// Something passed over, and why.
#[derive(Debug, Clone)]
pub struct Note {
    /// The entry or file passed over.
    pub path: String,
    /// Why.
    pub message: Message,
}

/// Every row added up.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Totals {
    /// Branch folders.
    pub branches: usize,
    /// Branches with errors (a plan that does not load counts).
    pub with_errors: usize,
    /// Every branch's outcomes.
    pub outcomes: Outcomes,
    /// Every branch's rules.
    pub rules: Rules,
    /// Every branch's errors.
    pub errors: usize,
    /// Every branch's warnings.
    pub warnings: usize,
}

impl Rollup {
    /// Whether any branch has errors (`plan rollup` then exits 1).
    #[must_use]
    pub fn has_errors(&self) -> bool {
        self.totals.with_errors > 0
    }
}

/// Judges every branch folder of `dir` as of `options.as_of`, in parallel; the rows come back
/// worst first, in an order that does not depend on which branch finished first.
pub(crate) fn rollup(dir: &Path, options: &Options) -> Result<Rollup, Error> {
    let (branches, notes) = branches(dir)?;
    let mut rows = branches
        .par_iter()
        .map(|(id, folder)| branch::judge(id, folder, options))
        .collect::<Result<Vec<Row>, Error>>()?;
    rows.sort_by(|a, b| a.severity().cmp(&b.severity()).then_with(|| a.branch.cmp(&b.branch)));
    let mut totals = Totals::default();
    for row in &rows {
        totals.branches += 1;
        totals.with_errors += usize::from(row.errors > 0);
        totals.outcomes.add(&row.outcomes);
        totals.rules.add(&row.rules);
        totals.errors += row.errors;
        totals.warnings += row.warnings;
    }
    Ok(Rollup { as_of: options.as_of, rows, notes, totals })
}

impl Row {
    /// The sort key, worst first: a branch without figures (a plan that does not load, a folder
    /// that cannot be read or holds no plan), then by errors, overdue and violated rules,
    /// activities not done or without a mark, warnings and rules due soon.
    fn severity(&self) -> impl Ord {
        use std::cmp::Reverse;
        (
            self.trouble.is_none(),
            Reverse(self.errors),
            Reverse(self.rules.overdue),
            Reverse(self.rules.violated),
            Reverse(self.outcomes.not_done),
            Reverse(self.outcomes.no_mark),
            Reverse(self.warnings),
            Reverse(self.rules.due_soon),
        )
    }
}

/// Each branch's id and folder.
type Branches = Vec<(String, PathBuf)>;

/// The branch folders of `dir` by name, and what else it holds. Hidden entries (`.git`) are
/// passed over without a word; a file, or a link that leads nowhere or in a loop, is a note.
fn branches(dir: &Path) -> Result<(Branches, Vec<Note>), Error> {
    let read_error = |error: std::io::Error| {
        use crate::error::ReadProblem;
        let problem = match error.kind() {
            std::io::ErrorKind::PermissionDenied => ReadProblem::PermissionDenied,
            _ => ReadProblem::Other(error),
        };
        Error::Read { path: dir.to_path_buf(), problem }
    };
    // A missing DIR is told as one that is not a folder: the help then says what DIR should be
    // (the loader's help for a missing file speaks of `--file`).
    if !std::fs::metadata(dir).is_ok_and(|meta| meta.is_dir()) {
        return Err(Error::NotAFolder { path: dir.to_path_buf() });
    }
    let mut branches = Vec::new();
    let mut notes = Vec::new();
    for entry in std::fs::read_dir(dir).map_err(read_error)? {
        let entry = entry.map_err(read_error)?;
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with('.') {
            continue;
        }
        let path = entry.path();
        let shown = path.display().to_string();
        // `metadata` follows links: a link to a branch folder is a branch.
        match std::fs::metadata(&path) {
            Ok(meta) if meta.is_dir() => branches.push((name, path)),
            Ok(_) => notes.push(Note { path: shown, message: crate::msg!("rollup-not-a-folder") }),
            // A link whose target cannot be reached: gone, or a loop of links.
            Err(_) if std::fs::symlink_metadata(&path).is_ok_and(|meta| meta.is_symlink()) => {
                notes.push(Note { path: shown, message: crate::msg!("rollup-broken-link") });
            }
            Err(error) => notes.push(Note { path: shown, message: crate::error::io_reason(&error) }),
        }
    }
    branches.sort();
    notes.sort_by(|a, b| a.path.cmp(&b.path));
    Ok((branches, notes))
}
