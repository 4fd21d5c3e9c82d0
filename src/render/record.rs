//! What `held`, `planned`, `cancel` and `new` say on stderr once they have written the file.

use std::fmt::Write as _;

use crate::edit::Change;
use crate::i18n::{Lang, msg};
use crate::model::{Activity, Plan};
use crate::render::escape_line;
use crate::rollover::{Place, Rollover};

/// After `--dry-run` printed the diff.
#[must_use]
pub fn dry_run(lang: Lang, path: &str) -> String {
    lang.say(&msg!("dry-run", path = path))
}

/// Once `held`, `planned` or `cancel` has written the file; `activity` is as it was before.
#[must_use]
pub fn recorded(lang: Lang, path: &str, activity: &Activity, change: &Change) -> String {
    let who = msg!("who-numbered", number = activity.number.to_string(), title = escape_line(&activity.title));
    let what = match change {
        Change::Held { date, note } => {
            let mut what = lang.say(&msg!("recorded-held", date = *date));
            if let Some(note) = note {
                let _ = write!(what, " ({})", escape_line(note));
            }
            if activity.planned.iter().any(|d| d.date == *date) {
                what.push_str(&lang.word("recorded-moved"));
            }
            what
        }
        Change::Planned { date } => lang.say(&msg!("recorded-planned", date = *date)),
        Change::Result { .. } => lang.word("recorded-result"),
        Change::LastBefore { date } => lang.say(&msg!("recorded-last-before", date = *date)),
        Change::Cancel { note } => {
            let mut what = lang.word("recorded-cancelled");
            if let Some(note) = note {
                let _ = write!(what, " ({})", escape_line(note));
            }
            what
        }
    };
    lang.say(&msg!("recorded", path = path, who = who, what = what))
}

/// Once `plan new` has written the new plan: what it holds, and what was carried over.
#[must_use]
pub fn created(lang: Lang, path: &str, source: &str, plan: &Plan, rollover: &Rollover) -> String {
    let summary = msg!(
        "created",
        path = path,
        source = source,
        sections = plan.sections.len(),
        activities = plan.activity_count(),
        period = rollover.period
    );
    let mut out = format!("{}\n", lang.say(&summary));
    for (number, date) in &rollover.carried {
        // The line as the new file has it: an ISO date.
        let carried = msg!("created-carried", number = number.to_string(), date = date.to_string());
        let _ = writeln!(out, "  {}", lang.say(&carried));
    }
    for (place, old, new) in &rollover.moved {
        let place = match place {
            Place::Section(n) => msg!("misfit-section", section = *n),
            Place::Activity(number) => msg!("misfit-activity", number = number.to_string()),
        };
        let moved = msg!("created-moved", place = place, old = escape_line(old), new = escape_line(new));
        let _ = writeln!(out, "  {}", lang.say(&moved));
    }
    let _ = writeln!(out, "{}", lang.say(&msg!("created-review", source = source, path = path)));
    out
}
