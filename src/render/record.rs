//! What `held`, `planned`, `cancel` and `new` say on stderr once they have written the file.

use std::fmt::Write as _;

use crate::edit::Change;
use crate::i18n::{Lang, msg};
use crate::model::{Activity, Plan};
use crate::render::{clip, escape_line};
use crate::rollover::{Place, Rollover};

/// After `--dry-run` printed the diff.
#[must_use]
pub fn dry_run(lang: Lang, path: &str) -> String {
    lang.say(&msg!("dry-run", path = path))
}

/// Once `held`, `planned` or `cancel` has written the file; `activity` is as it was before.
#[must_use]
pub fn recorded(lang: Lang, path: &str, activity: &Activity, change: &Change) -> String {
    let who = msg!(
        "who-numbered",
        number = activity.number.to_string(),
        title = crate::i18n::nested_quotes(&clip(&activity.title)).into_owned()
    );
    let what = match change {
        Change::Held { date, note } => {
            let mut what = lang.say(&msg!("recorded-held", date = *date));
            if let Some(note) = note {
                let _ = write!(what, " ({})", clip(note));
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
                let _ = write!(what, " ({})", clip(note));
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

/// Said on stderr after `plan import`: the guesses in document order, then (unless `--quiet`)
/// what was read, the parties to review and how many places are marked. Text from the document
/// is escaped (control and bidi characters shown, never sent raw).
#[must_use]
pub fn imported(
    lang: Lang,
    source: &str,
    target: Option<&str>,
    draft: &crate::import::Draft,
    columns: &[crate::import::table::ColumnUse],
    notes: bool,
) -> String {
    let mut out = String::new();
    let mut guesses: Vec<&crate::import::Guess> = draft.all_guesses().collect();
    // In the order of the document, whichever part of the file each was written to.
    guesses.sort_by_key(|g| (g.row, g.column.map(|(column, _)| column)));
    // A guess about a row of several items is written at each of them, and told once.
    guesses.dedup();
    let mut lines = Vec::new();
    for guess in &guesses {
        lines.push(lang.say(&msg!("import-check", source = source, guess = guess.message())));
    }
    if notes {
        let activities: usize = draft.sections.iter().map(|s| s.activities.len()).sum();
        let counts = msg!(
            "import-counts",
            sections = draft.sections.len(),
            activities = activities,
            parties = draft.parties.len()
        );
        lines.push(lang.say(&match target {
            Some(target) => msg!("import-wrote", target = target, source = source, counts = counts),
            None => msg!("import-read", source = source, counts = counts),
        }));
        if !columns.is_empty() {
            lines.push(lang.word("import-columns"));
            for column in columns {
                lines.push(format!("  {}", lang.say(&column.message())));
            }
        }
        lines.push(lang.word("import-parties"));
        for party in &draft.parties {
            let mut line = format!("  {:<24} {}", party.id, party.name);
            if !party.aliases.is_empty() {
                let list = party.aliases.iter().map(|a| format!("«{a}»")).collect::<Vec<_>>().join(", ");
                let _ = write!(line, " ({})", lang.say(&msg!("import-also-written", list = list)));
            }
            lines.push(line);
        }
        if !guesses.is_empty() {
            lines.push(lang.say(&msg!("import-guesses-marked", count = guesses.len())));
        }
    }
    for line in lines.iter().flat_map(|text| text.lines()) {
        out.push_str(&escape_line(line));
        out.push('\n');
    }
    out
}
