//! Filters: which activities a command shows (`--period`, `--responsible`, `--section`, `--grep`).
//!
//! The command-line words are resolved against the plan once ([`Filter::resolve`]); matching
//! an activity is then plain data comparison.

use chrono::NaiveDate;

use crate::error::Error;
use crate::model::{Activity, PartyIndex, Plan, Section};
use crate::when::{self, DateRange, Schedule};

/// What the user asked for, as words (from the command line).
#[derive(Debug, Clone, Default)]
pub struct Criteria {
    pub periods: Vec<String>,
    pub no_ongoing: bool,
    pub responsible: Vec<String>,
    pub sections: Vec<String>,
    pub greps: Vec<String>,
}

/// The criteria resolved against one plan.
#[derive(Debug, Clone, Default)]
pub struct Filter {
    /// Each `--period` as date ranges, clipped to the plan; an empty list matches nothing.
    periods: Option<Vec<Vec<DateRange>>>,
    no_ongoing: bool,
    parties: Option<Vec<PartyIndex>>,
    sections: Option<Vec<u32>>,
    greps: Vec<String>,
}

/// Something the user should know about the query that is not an error.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Notice {
    /// A `--period` lies wholly outside the plan, so it matches nothing.
    PeriodOutsidePlan { text: String, plan: DateRange },
}

impl Filter {
    /// Resolves the words against `plan`; `today` anchors relative periods such as `this month`.
    pub fn resolve(plan: &Plan, criteria: &Criteria, today: NaiveDate) -> Result<(Filter, Vec<Notice>), Error> {
        let mut notices = Vec::new();
        let periods = if criteria.periods.is_empty() {
            None
        } else {
            let context = when::Context { year: plan.year, today };
            let mut periods = Vec::with_capacity(criteria.periods.len());
            for text in &criteria.periods {
                let ranges = period_ranges(text, context)?;
                let inside: Vec<DateRange> = ranges.iter().filter_map(|r| clip(*r, plan.period)).collect();
                if inside.is_empty() {
                    notices.push(Notice::PeriodOutsidePlan { text: text.clone(), plan: plan.period });
                }
                periods.push(inside);
            }
            Some(periods)
        };
        let parties = if criteria.responsible.is_empty() {
            None
        } else {
            let mut found = Vec::new();
            for who in &criteria.responsible {
                found.extend(find_parties(plan, who)?);
            }
            Some(found)
        };
        let sections = if criteria.sections.is_empty() {
            None
        } else {
            let mut found = Vec::new();
            for query in &criteria.sections {
                found.extend(find_sections(plan, query)?);
            }
            Some(found)
        };
        let greps = criteria.greps.iter().map(|g| fold(g)).collect();
        Ok((Filter { periods, no_ongoing: criteria.no_ongoing, parties, sections, greps }, notices))
    }

    /// Whether the activity passes every filter.
    #[must_use]
    pub fn matches(&self, section: &Section, activity: &Activity) -> bool {
        if self.no_ongoing && activity.schedule.is_ongoing() {
            return false;
        }
        if let Some(periods) = &self.periods
            && !periods.iter().any(|ranges| overlaps(&activity.schedule, ranges))
        {
            return false;
        }
        if let Some(parties) = &self.parties
            && !activity.responsible.iter().chain(&activity.agreed_with).any(|p| parties.contains(p))
        {
            return false;
        }
        if let Some(sections) = &self.sections
            && !sections.contains(&section.number)
        {
            return false;
        }
        self.greps.iter().all(|grep| {
            [Some(&activity.title), activity.note.as_ref(), activity.partner.as_ref()]
                .into_iter()
                .flatten()
                .any(|text| fold(text).contains(grep.as_str()))
        })
    }

    /// The activities of `plan` that pass, in file order.
    #[must_use]
    pub fn select<'p>(&self, plan: &'p Plan) -> Vec<(&'p Section, &'p Activity)> {
        plan.activities().filter(|(s, a)| self.matches(s, a)).collect()
    }
}

/// For each party, in plan order: how many activities it is responsible for, and how many it
/// must agree (`agreed_with`).
#[must_use]
pub fn party_counts(plan: &Plan) -> Vec<(usize, usize)> {
    let mut counts = vec![(0, 0); plan.parties.len()];
    for (_, activity) in plan.activities() {
        for &p in &activity.responsible {
            counts[p].0 += 1;
        }
        for &p in &activity.agreed_with {
            counts[p].1 += 1;
        }
    }
    counts
}

/// Whether a schedule overlaps `period` (already clipped to the plan). Ongoing activities
/// overlap every period inside the plan; an empty period (outside the plan) overlaps nothing.
#[must_use]
pub fn overlaps(schedule: &Schedule, period: &[DateRange]) -> bool {
    match schedule {
        Schedule::Window(ranges) => ranges.iter().any(|r| period.iter().any(|p| r.overlaps(p))),
        Schedule::WholePeriod | Schedule::AtLeast(_) | Schedule::AsNeeded => !period.is_empty(),
    }
}

fn period_ranges(text: &str, context: when::Context) -> Result<Vec<DateRange>, Error> {
    match when::parse(text, &context, when::Source::CommandLine) {
        Ok(Schedule::Window(ranges)) => Ok(ranges),
        // "весь период" on the command line: the plan's whole period.
        Ok(_) => Ok(vec![DateRange { from: NaiveDate::MIN, to: NaiveDate::MAX }]),
        Err(error) => Err(Error::BadPeriod { text: text.to_owned(), error }),
    }
}

fn clip(range: DateRange, to: DateRange) -> Option<DateRange> {
    let clipped = DateRange { from: range.from.max(to.from), to: range.to.min(to.to) };
    (clipped.from <= clipped.to).then_some(clipped)
}

/// Case-insensitive, and `ё` matches `е` (both spellings are common in Russian text).
fn fold(text: &str) -> String {
    text.to_lowercase().replace('ё', "е")
}

/// The stem of a Russian word: without the case ending of a noun or adjective, so that
/// «президиума», «президиумом», «президиуму» and «президиум» share one. Words of three letters or
/// fewer (abbreviations: «РС», «ВСМС» keep theirs) and other scripts are left whole.
fn stem(word: &str) -> &str {
    // Longest first: «-ого» before «-о».
    const ENDINGS: [&str; 27] = [
        "ами", "ями", "ого", "его", "ому", "ему", "ыми", "ими", "ой", "ей", "ом", "ем", "ам", "ям", "ах", "ях", "ов",
        "ев", "ую", "ые", "ый", "ий", "ы", "и", "а", "я", "у",
    ];
    for ending in ENDINGS.iter().chain(&["ю", "е", "о"]) {
        if let Some(stem) = word.strip_suffix(ending)
            && stem.chars().count() >= 4
        {
            return stem;
        }
    }
    word
}

/// Whether every word of `wanted` is, up to its case ending, a word of `name` (both folded).
fn same_words(wanted: &str, name: &str) -> bool {
    let words = |text: &str| -> Vec<String> {
        text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(|w| stem(w).to_owned()).collect()
    };
    let (wanted, name) = (words(wanted), words(name));
    !wanted.is_empty() && wanted.iter().all(|w| name.contains(w))
}

/// Exact match on id, alias, name, full name or agreed form («Президиумом», as the output writes
/// it) first; else the parties whose names hold its words in any case form («президиума»); else
/// the one party whose name contains it. Several parties found only by their forms or a part of
/// their names (`ВСМС`) is an error that lists them, never all of them silently.
fn find_parties(plan: &Plan, who: &str) -> Result<Vec<PartyIndex>, Error> {
    let wanted = fold(who.trim());
    let names = |i: usize| {
        let party = &plan.parties[i];
        std::iter::once(&party.name).chain(&party.full_name).chain(&party.agreed_form).map(|n| fold(n))
    };
    let exact: Vec<PartyIndex> = (0..plan.parties.len())
        .filter(|&i| {
            let party = &plan.parties[i];
            fold(&party.id) == wanted
                || party.aliases.iter().any(|a| fold(a) == wanted)
                || names(i).any(|n| n == wanted)
        })
        .collect();
    if !exact.is_empty() {
        return Ok(exact);
    }
    let aliases = |i: usize| plan.parties[i].aliases.iter().map(|a| fold(a)).collect::<Vec<_>>();
    let forms: Vec<PartyIndex> =
        (0..plan.parties.len()).filter(|&i| names(i).chain(aliases(i)).any(|n| same_words(&wanted, &n))).collect();
    let partial: Vec<PartyIndex> = if forms.is_empty() {
        (0..plan.parties.len()).filter(|&i| !wanted.is_empty() && names(i).any(|n| n.contains(&wanted))).collect()
    } else {
        forms
    };
    match partial.len() {
        0 => {
            let known = plan.parties.iter().map(|p| (p.id.clone(), p.name.clone())).collect();
            Err(Error::UnknownParty { who: who.to_owned(), known })
        }
        1 => Ok(partial),
        _ => {
            let candidates =
                partial.iter().map(|&i| (plan.parties[i].id.clone(), plan.parties[i].name.clone())).collect();
            Err(Error::AmbiguousParty { who: who.to_owned(), candidates })
        }
    }
}

/// A section number, or every section whose title contains the text.
fn find_sections(plan: &Plan, query: &str) -> Result<Vec<u32>, Error> {
    let query = query.trim();
    let found: Vec<u32> = match query.parse::<u32>() {
        Ok(number) => plan.sections.iter().filter(|s| s.number == number).map(|s| s.number).collect(),
        Err(_) => {
            let wanted = fold(query);
            plan.sections
                .iter()
                .filter(|s| !wanted.is_empty() && fold(&s.title).contains(&wanted))
                .map(|s| s.number)
                .collect()
        }
    };
    if found.is_empty() {
        let known = plan.sections.iter().map(|s| s.title.clone()).collect();
        return Err(Error::UnknownSection { query: query.to_owned(), known });
    }
    Ok(found)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::when::Recurrence;

    fn day(month: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2019, month, day).unwrap()
    }

    fn range(from: (u32, u32), to: (u32, u32)) -> DateRange {
        DateRange { from: day(from.0, from.1), to: day(to.0, to.1) }
    }

    #[test]
    fn windows_overlap_when_they_share_a_day() {
        let april = [range((4, 1), (4, 30))];
        let cases = [
            (range((2, 1), (5, 31)), true),
            (range((4, 30), (4, 30)), true),
            (range((5, 1), (5, 31)), false),
            (range((3, 1), (3, 31)), false),
            (range((1, 1), (12, 31)), true),
        ];
        for (window, expected) in cases {
            assert_eq!(overlaps(&Schedule::Window(vec![window]), &april), expected, "{window:?}");
            // Overlap is symmetric.
            assert_eq!(overlaps(&Schedule::Window(april.to_vec()), &[window]), expected, "{window:?}");
        }
    }

    #[test]
    fn any_range_of_a_list_can_overlap() {
        let list = Schedule::Window(vec![range((4, 1), (4, 30)), range((10, 1), (10, 31))]);
        assert!(overlaps(&list, &[range((10, 15), (10, 15))]));
        assert!(!overlaps(&list, &[range((6, 1), (9, 30))]));
    }

    #[test]
    fn ongoing_activities_overlap_every_period_inside_the_plan() {
        let recurring =
            Schedule::AtLeast(Recurrence { times: 1, every: 6, unit: crate::when::Unit::Month, as_needed: false });
        for schedule in [Schedule::WholePeriod, Schedule::AsNeeded, recurring] {
            assert!(overlaps(&schedule, &[range((4, 1), (4, 30))]));
            assert!(!overlaps(&schedule, &[]), "a period outside the plan matches nothing");
        }
    }

    #[test]
    fn periods_are_clipped_to_the_plan() {
        let plan = range((1, 1), (12, 31));
        let next_year = DateRange {
            from: NaiveDate::from_ymd_opt(2020, 1, 1).unwrap(),
            to: NaiveDate::from_ymd_opt(2020, 1, 31).unwrap(),
        };
        assert_eq!(clip(next_year, plan), None);
        let straddling = DateRange { from: NaiveDate::from_ymd_opt(2018, 12, 1).unwrap(), to: day(1, 31) };
        assert_eq!(clip(straddling, plan), Some(range((1, 1), (1, 31))));
    }

    #[test]
    fn folding_ignores_case_and_yo() {
        assert_eq!(fold("Учёт"), fold("УЧЕТ"));
    }
}
