//! Completion of values from the plan itself (`COMPLETE=bash plan`): party ids and aliases for
//! `--responsible`, activity ids and numbers for the commands that take an activity.
//!
//! The shell asks while the user types, before any argument is parsed, so the plan is found the
//! same way a command would find it without `--file`: `PLAN_FILE`, else `plans/` from here up.
//! A plan that cannot be loaded completes nothing rather than printing an error into the prompt.

use std::path::PathBuf;

use clap_complete::CompletionCandidate;

use crate::model::{self, Plan};

fn plan() -> Option<Plan> {
    let path = crate::config::locate(std::env::var_os("PLAN_FILE").map(PathBuf::from).as_deref()).ok()?;
    model::load(&path, &path.display().to_string()).ok()
}

/// Party ids (with their names as help) and aliases.
#[must_use]
pub(crate) fn parties() -> Vec<CompletionCandidate> {
    let Some(plan) = plan() else { return Vec::new() };
    let mut candidates = Vec::new();
    for party in &plan.parties {
        candidates.push(CompletionCandidate::new(&party.id).help(Some(party.name.clone().into())));
        for alias in &party.aliases {
            candidates.push(CompletionCandidate::new(alias).help(Some(party.name.clone().into())).hide(true));
        }
    }
    candidates
}

/// Activity numbers and ids, with their titles as help.
#[must_use]
pub(crate) fn activities() -> Vec<CompletionCandidate> {
    let Some(plan) = plan() else { return Vec::new() };
    let mut candidates = Vec::new();
    for (_, activity) in plan.activities() {
        let title = crate::render::escape_line(&activity.title).into_owned();
        if let Some(id) = &activity.id {
            candidates.push(CompletionCandidate::new(id).help(Some(title.clone().into())));
        }
        candidates.push(CompletionCandidate::new(activity.number.to_string()).help(Some(title.into())));
    }
    candidates
}
