//! The other plans of a plan's folder that may continue its recurring activities (spec §4, the
//! series): the one place `check` reads the disk. [`series_plans`] sniffs each `.toml` file for a
//! `[plan]` table and one of the ids before parsing it, so that a folder of backups, exports or
//! large unrelated files costs a text scan each, and says on [`Skipped`] what it left out and why.

use std::path::{Path, PathBuf};

use crate::error::ReadProblem;
use crate::i18n::{Message, msg};
use crate::model::{self, Plan};

/// A file of the folder left out of the series, said as a note on stderr.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Skipped {
    /// Over the size limit: not read.
    TooLarge { file: String, limit: u64 },
    /// No `[plan]` table.
    NotAPlan { file: String },
    /// A plan holding one of the ids that does not load; its own `check` says why.
    NotLoaded { file: String },
}

impl Skipped {
    /// The note, in the catalogue's words.
    #[must_use]
    pub fn message(&self) -> Message {
        match self {
            Skipped::TooLarge { file, limit } => msg!("note-series-too-large", file = file, limit = *limit),
            Skipped::NotAPlan { file } => msg!("note-series-not-a-plan", file = file),
            Skipped::NotLoaded { file } => msg!("note-series-not-loaded", file = file),
        }
    }
}

/// The other plans of `plan`'s folder that hold an `id` of one of its recurring activities, in
/// file-name order, and the files left out with a note. Files that are plans but hold none of the
/// ids are left out silently: they are no part of the series.
#[must_use]
pub fn series_plans(plan: &Plan) -> (Vec<Plan>, Vec<Skipped>) {
    let ids = recurring_ids(plan);
    let (mut plans, mut skipped) = (Vec::new(), Vec::new());
    if ids.is_empty() {
        return (plans, skipped);
    }
    let path = Path::new(&plan.path);
    let folder = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let itself = std::fs::canonicalize(path).ok();
    for other in toml_files(folder) {
        // The plan itself is not read again (a second parse of a large plan doubled `check`'s cost).
        if std::fs::canonicalize(&other).ok() == itself {
            continue;
        }
        let file = other.display().to_string();
        let bytes = match model::read_limited(&other) {
            Ok(bytes) => bytes,
            Err(ReadProblem::TooLarge { limit, .. }) => {
                skipped.push(Skipped::TooLarge { file, limit });
                continue;
            }
            // Unreadable, or not a regular file: its own `check` says why.
            Err(_) => continue,
        };
        let text = String::from_utf8_lossy(&bytes);
        if !has_plan_table(&text) {
            skipped.push(Skipped::NotAPlan { file });
            continue;
        }
        if !ids.iter().any(|id| names_id(&text, id)) {
            continue;
        }
        match model::parse(&file, &bytes) {
            Ok(other) if other.activities().any(|(_, a)| a.id.as_deref().is_some_and(|id| ids.contains(&id))) => {
                plans.push(other);
            }
            Ok(_) => {}
            Err(_) => skipped.push(Skipped::NotLoaded { file }),
        }
    }
    (plans, skipped)
}

/// The `.toml` files of `folder`, in name order (none when it cannot be read).
#[must_use]
pub fn toml_files(folder: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(folder) else { return Vec::new() };
    let mut files: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| path.extension().is_some_and(|e| e == "toml") && path.is_file())
        .collect();
    files.sort();
    files
}

/// The ids of `plan`'s recurring activities: what another plan of the folder must hold to
/// continue its series.
fn recurring_ids(plan: &Plan) -> Vec<&str> {
    plan.activities().filter(|(_, a)| a.recurrence().is_some()).filter_map(|(_, a)| a.id.as_deref()).collect()
}

/// The plans among `others` (the other loaded plans of `plan`'s folder, in file-name order) that
/// continue one of its recurring activities by `id`: the series `check` judges `plan` in (spec §4).
/// `plan rollup` takes the series from here, from plans it has loaded already; [`series_plans`]
/// reads them from the folder.
pub(crate) fn continuing(plan: &Plan, others: impl IntoIterator<Item = Plan>) -> Vec<Plan> {
    let ids = recurring_ids(plan);
    if ids.is_empty() {
        return Vec::new();
    }
    others
        .into_iter()
        .filter(|other| other.activities().any(|(_, a)| a.id.as_deref().is_some_and(|id| ids.contains(&id))))
        .collect()
}

/// Whether some line opens the `[plan]` table (or sets `plan.` keys or `plan = {…}`): a liberal
/// sniff, since a plan missed here would silently leave the series.
fn has_plan_table(text: &str) -> bool {
    text.lines().any(|line| {
        let line: String = line.chars().filter(|c| !c.is_whitespace()).collect();
        let line = line.trim_start_matches('\u{feff}');
        line.starts_with("[plan]") || line.starts_with("plan.") || line.starts_with("plan=")
    })
}

/// Whether `id` appears as a quoted string anywhere: liberal, as [`has_plan_table`] is.
fn names_id(text: &str, id: &str) -> bool {
    text.contains(&format!("\"{id}\"")) || text.contains(&format!("'{id}'"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sniff_finds_plans_and_ids_without_parsing() {
        assert!(has_plan_table("# c\n[plan]\ntitle = \"T\"\n"));
        assert!(has_plan_table("\u{feff}[ plan ]\n"));
        assert!(has_plan_table("plan.title = \"T\"\n"));
        assert!(!has_plan_table("[plans]\n[other]\nplan_b = 1\n"));
        assert!(names_id("id = \"council\"\n", "council"));
        assert!(names_id("id='council'\n", "council"));
        assert!(!names_id("id = \"council-2\"\n", "council"));
    }
}
