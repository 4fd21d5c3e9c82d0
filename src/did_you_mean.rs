//! Which activity to suggest when `plan show` (or `held`, `cancel`, ...) names none.
//!
//! A number `S.A` is close to the activities of its own section, not to whatever string is a
//! typo away: `1.3` in a section of two means `1.2`, not `1.1`; a section past the last one
//! means the last section. Anything else is taken as a misspelt id.

use crate::model::{Number, Plan};

/// The number or id to offer for `query`, or `None` when nothing is close.
#[must_use]
pub(crate) fn nearest_activity(plan: &Plan, query: &str) -> Option<String> {
    let query = query.trim();
    match parse_number(query) {
        Some(wanted) => nearest_number(plan, wanted).map(|number| number.to_string()),
        None => {
            let ids = plan.activities().filter_map(|(_, a)| a.id.as_deref());
            crate::i18n::nearest(query, ids).map(str::to_owned)
        }
    }
}

/// `S.A`, `S,A` (a Russian decimal comma) or a bare section number `S` (taken as `S.1`).
fn parse_number(query: &str) -> Option<Number> {
    let (section, activity) = match query.split_once(['.', ',']) {
        Some((section, activity)) => (section, activity),
        None => (query, "1"),
    };
    Some(Number { section: section.trim().parse().ok()?, activity: activity.trim().parse().ok()? })
}

/// The section nearest to the wanted one (on a tie, the earlier), then in it the activity
/// nearest to the wanted one (on a tie, the earlier).
fn nearest_number(plan: &Plan, wanted: Number) -> Option<Number> {
    let section = plan
        .sections
        .iter()
        .filter(|s| !s.activities.is_empty())
        .min_by_key(|s| (s.number.abs_diff(wanted.section), s.number))?;
    let activity =
        section.activities.iter().min_by_key(|a| (a.number.activity.abs_diff(wanted.activity), a.number.activity))?;
    Some(activity.number)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plan() -> Plan {
        let text = r#"
[plan]
title = "План"
year = 2019

[parties.board]
name = "Совет"

[[section]]
title = "Заседания"
responsible = ["board"]

[[section.activity]]
id = "council-sessions"
title = "Совет"
when = "ежеквартально"

[[section.activity]]
id = "presidium-sessions"
title = "Президиум"
when = "ежемесячно"

[[section]]
title = "Прочее"
responsible = ["board"]

[[section.activity]]
title = "Одно"
when = "апрель"

[[section.activity]]
title = "Другое"
when = "май"

[[section.activity]]
title = "Третье"
when = "июнь"
"#;
        crate::model::parse("plan.toml", text.as_bytes()).expect("the test plan loads")
    }

    #[test]
    fn numbers_prefer_their_own_section_and_ids_their_typos() {
        let plan = plan();
        let cases = [
            // Past the end of a section: its last activity.
            ("1.3", Some("1.2")),
            ("1.9", Some("1.2")),
            ("2.4", Some("2.3")),
            // Activity 0 of a section: its first.
            ("2.0", Some("2.1")),
            // A section past the last one: the last section, the activity nearest by number.
            ("3.1", Some("2.1")),
            ("8.2", Some("2.2")),
            ("8.7", Some("2.3")),
            // Section 0: the first section.
            ("0.2", Some("1.2")),
            // A comma for the dot, spaces, a bare section number.
            ("2,5", Some("2.3")),
            (" 1.4 ", Some("1.2")),
            ("2", Some("2.1")),
            // Not a number: a misspelt id, or nothing near.
            ("council-sesions", Some("council-sessions")),
            ("presidium", None),
            ("1.x", None),
        ];
        for (query, expected) in cases {
            assert_eq!(nearest_activity(&plan, query).as_deref(), expected, "{query}");
        }
    }
}
