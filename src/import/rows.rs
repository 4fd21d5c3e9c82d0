//! The plan's table read row by row: section rows (with the time and parties they give their
//! activities), activity rows (a cell of several items beside a cell of as many times), rows that
//! continue an activity after a page break, and the other columns kept as `place`, `result` and
//! `note`.

use chrono::NaiveDate;

use super::document::Paragraph;
use super::front::{self, ApprovalBlock};
use super::parties::{self, Mention};
use super::table::{PlanTable, Role, Slot, cell_text, collapse, heading};
use super::{
    Column, Draft, Guess, GuessKind, Options, PLACEHOLDER_PARTY, PLACEHOLDER_SECTION, PLACEHOLDER_WHEN, Problem,
    WhenFault,
};
use crate::when::{self, Schedule};

/// The title written when the document has none above its table.
pub const PLACEHOLDER_TITLE: &str = "План работы";
/// The party made when the document names no responsible party and no body that issued it.
pub const PLACEHOLDER_BODY: &str = "исполнитель не указан";

/// A section of the imported plan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    pub title: String,
    /// Given when every activity of the section has the same time (a merged cell in Word), or
    /// when the section's own row gives one.
    pub when: Option<String>,
    pub responsible: Vec<String>,
    pub agreed_with: Vec<String>,
    pub by_agreement: Vec<String>,
    pub activities: Vec<Activity>,
    pub guesses: Vec<Guess>,
}

/// An activity of the imported plan; party ids.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Activity {
    pub title: String,
    /// The time as the document writes it (`None`: the section's).
    pub when: Option<String>,
    /// [`PLACEHOLDER_WHEN`] when the grammar does not read `when`.
    pub period: Option<String>,
    pub responsible: Vec<String>,
    pub agreed_with: Vec<String>,
    /// Those of `responsible` written «(по согласованию)».
    pub by_agreement: Vec<String>,
    pub partner: Option<String>,
    pub place: Option<String>,
    pub result: Option<String>,
    pub note: Option<String>,
    /// Marked «[отменено]» (or «[cancelled]») after its title, as `export docx` marks it.
    pub cancelled: bool,
    pub guesses: Vec<Guess>,
}

/// The parties of one cell, as mentions.
#[derive(Default, Clone)]
struct Parties {
    responsible: Vec<usize>,
    agreed_with: Vec<usize>,
    by_agreement: Vec<usize>,
}

/// An activity while the rows are read: parties still as mentions.
struct Pending {
    title: String,
    when: Option<String>,
    period: Option<String>,
    parties: Parties,
    partner: Option<String>,
    extras: Extras,
    cancelled: bool,
    guesses: Vec<Guess>,
}

/// The other columns of a row.
#[derive(Default, Clone)]
struct Extras {
    place: Option<String>,
    result: Option<String>,
    note: Option<String>,
}

struct PendingSection {
    title: String,
    /// The time the section's own row gives, and whether the grammar reads it.
    when: Option<(String, bool)>,
    parties: Parties,
    activities: Vec<Pending>,
    guesses: Vec<Guess>,
}

/// Reads the table as a plan.
pub fn interpret(table: &PlanTable<'_>, options: &Options) -> Result<Draft, Problem> {
    let mut guesses = Vec::new();
    let (approval, above) = front::approval(&table.above);
    let approval = match approval {
        Some(ApprovalBlock::Read(approval)) => Some(approval),
        Some(ApprovalBlock::Undated(text)) => {
            guesses.push(Guess { row: None, column: None, heading: None, kind: GuessKind::UndatedApproval { text } });
            None
        }
        None => None,
    };
    let (title, organization) = front::title(&above);
    let signature = front::signature(&table.below);
    let (first, last) = plan_years(table, &title, options, &mut guesses)?;
    let title = if title.is_empty() {
        let title = options.title.clone().unwrap_or_else(|| PLACEHOLDER_TITLE.to_owned());
        if options.title.is_none() {
            guesses.push(Guess {
                row: None,
                column: None,
                heading: None,
                kind: GuessKind::NoTitle { title: title.clone() },
            });
        }
        title
    } else {
        title
    };
    let period = (
        NaiveDate::from_ymd_opt(first, 1, 1).unwrap_or_default(),
        NaiveDate::from_ymd_opt(last, 12, 31).unwrap_or_default(),
    );
    let mut reader = Reader { table, year: first, period, mentions: Vec::new(), sections: Vec::new(), body: None };
    if table.responsible.is_none() || table.list {
        // Every activity without a responsible party is the issuing body's.
        let (name, from) = issuing_body(&title, organization.as_deref(), signature.as_ref(), approval.as_ref());
        reader.mentions.push(Mention { written: name.clone(), agreed: false, row: 0, column: 0 });
        reader.body = Some(0);
        if table.responsible.is_none() {
            guesses.push(Guess { row: None, column: None, heading: None, kind: GuessKind::IssuingBody { name, from } });
        }
    }
    for row in table.heading + 1..table.rows.len() {
        reader.row(row);
    }
    let (mut parties, of_mention) = parties::resolve(&reader.mentions);
    // The responsible column's heading as the document writes it, for the guesses about names.
    let heading = table.responsible.and_then(|c| table.columns.iter().find(|u| u.column == c + 1));
    if let Some(heading) = heading.filter(|h| !table.list && !h.heading.is_empty()) {
        for guess in parties.iter_mut().flat_map(|p| &mut p.guesses) {
            guess.heading.get_or_insert_with(|| heading.heading.clone());
        }
    }
    let ids = |mentions: &[usize]| -> Vec<String> {
        let mut ids: Vec<String> = Vec::new();
        for &m in mentions {
            let id = &parties[of_mention[m]].id;
            if !ids.contains(id) {
                ids.push(id.clone());
            }
        }
        ids
    };
    let sections = reader
        .sections
        .into_iter()
        .map(|section| {
            let activities = section
                .activities
                .into_iter()
                .map(|a| Activity {
                    title: a.title,
                    when: a.when,
                    period: a.period,
                    responsible: ids(&a.parties.responsible),
                    agreed_with: ids(&a.parties.agreed_with),
                    by_agreement: ids(&a.parties.by_agreement),
                    partner: a.partner,
                    place: a.extras.place,
                    result: a.extras.result,
                    note: a.extras.note,
                    cancelled: a.cancelled,
                    guesses: a.guesses,
                })
                .collect();
            hoist(Section {
                title: section.title,
                when: section.when.filter(|(_, reads)| *reads).map(|(when, _)| when),
                responsible: ids(&section.parties.responsible),
                agreed_with: ids(&section.parties.agreed_with),
                by_agreement: ids(&section.parties.by_agreement),
                activities,
                guesses: section.guesses,
            })
        })
        .collect();
    let period = (first != last).then_some(period);
    Ok(Draft { title, organization, year: first, period, approval, signature, parties, sections, guesses })
}

/// The plan's first and last year: `--year`, else the title's, else the most common among the
/// times (said), else [`Problem::NoYear`].
fn plan_years(
    table: &PlanTable<'_>,
    title: &str,
    options: &Options,
    guesses: &mut Vec<Guess>,
) -> Result<(i32, i32), Problem> {
    let times = table.time.map(|c| {
        (table.heading + 1..table.rows.len())
            .filter_map(|r| table.at(r, c))
            .filter(|s| !s.continued)
            .map(|s| cell_text(table.cell(s)))
            .collect::<Vec<_>>()
    });
    Ok(match (options.year, front::title_years(title)) {
        (Some(year), _) => (year, year),
        (None, Some(years)) => years,
        (None, None) => {
            let year = front::common_year(times.iter().flatten().map(String::as_str)).ok_or(Problem::NoYear)?;
            guesses.push(Guess { row: None, column: None, heading: None, kind: GuessKind::YearFromTimes { year } });
            (year, year)
        }
    })
}

/// The body that issued the plan, and where its name was found: the organisation above the
/// title, the title, the signer's position, the approval; else [`PLACEHOLDER_BODY`].
fn issuing_body(
    title: &str,
    organization: Option<&str>,
    signature: Option<&crate::model::Signature>,
    approval: Option<&crate::model::Approval>,
) -> (String, super::BodyFrom) {
    use super::BodyFrom;
    if let Some(organization) = organization {
        return (organization.to_owned(), BodyFrom::Organization);
    }
    if let Some(body) = front::body_in_title(title) {
        return (body, BodyFrom::Title);
    }
    if let Some(signature) = signature.filter(|s| !s.position.is_empty()) {
        return (signature.position.clone(), BodyFrom::Signature);
    }
    if let Some(approval) = approval.filter(|a| !a.by.is_empty()) {
        return (approval.by.clone(), BodyFrom::Approval);
    }
    (PLACEHOLDER_BODY.to_owned(), BodyFrom::Nowhere)
}

/// What every activity of a section shares moves to the section, as the merged cells of the
/// document gave it once for all of them; what the section's own row gives stays.
fn hoist(mut section: Section) -> Section {
    let acts = &section.activities;
    if acts.len() < 2 {
        return section;
    }
    let same = |f: &dyn Fn(&Activity) -> bool| acts.iter().all(f);
    let first = &acts[0];
    let when = section.when.is_none()
        && first.when.is_some()
        && first.period.is_none()
        && same(&|a| a.when == first.when && a.period.is_none());
    if when {
        section.when.clone_from(&first.when);
    }
    let responsible = section.responsible.is_empty()
        && !first.responsible.is_empty()
        && same(&|a| a.responsible == first.responsible && a.by_agreement == first.by_agreement);
    if responsible {
        section.responsible.clone_from(&first.responsible);
        section.by_agreement.clone_from(&first.by_agreement);
    }
    let agreed = section.agreed_with.is_empty()
        && !first.agreed_with.is_empty()
        && same(&|a| a.agreed_with == first.agreed_with);
    if agreed {
        section.agreed_with.clone_from(&first.agreed_with);
    }
    for activity in &mut section.activities {
        if when {
            activity.when = None;
        }
        if responsible {
            activity.responsible.clear();
            activity.by_agreement.clear();
        }
        if agreed {
            activity.agreed_with.clear();
        }
    }
    section
}

struct Reader<'t, 'd> {
    table: &'t PlanTable<'d>,
    year: i32,
    period: (NaiveDate, NaiveDate),
    mentions: Vec<Mention>,
    sections: Vec<PendingSection>,
    /// The mention of the issuing body, responsible where the document names no one.
    body: Option<usize>,
}

impl Reader<'_, '_> {
    fn row(&mut self, row: usize) {
        let t = self.table;
        let Some(activity) = t.slot(row, Column::Activity) else { return };
        let time = t.slot(row, Column::Time);
        let responsible = t.slot(row, Column::Responsible);
        let own_text =
            |slot: Option<Slot>| slot.filter(|s| !s.continued).map(|s| cell_text(t.cell(s))).unwrap_or_default();
        let (activity_text, time_text, responsible_text) =
            (own_text(Some(activity)), own_text(time), own_text(responsible));
        // A heading row repeated on a new page, or the row of column numbers under the headings.
        let texts = t.row_texts(row);
        if !t.list && texts == t.heading_texts() {
            return;
        }
        if heading(&activity_text) == Some(Role::Activity)
            && (t.time.is_none() || heading(&time_text) == Some(Role::Time))
        {
            return;
        }
        let numbers_only = |s: &String| s.chars().all(|c| c.is_ascii_digit() || c == '.');
        if texts.iter().filter(|s| !s.is_empty()).count() >= 2 && texts.iter().all(numbers_only) {
            return;
        }
        if activity_text.is_empty() {
            if !activity.continued && (!time_text.is_empty() || !responsible_text.is_empty()) {
                let text = [time_text, responsible_text].join(" ").trim().to_owned();
                let guess =
                    Guess { row: Some(row + 1), column: None, heading: None, kind: GuessKind::NoActivity { text } };
                match self.sections.last_mut() {
                    Some(section) => section.guesses.push(guess),
                    None => self.section(PLACEHOLDER_SECTION.to_owned(), vec![guess]),
                }
            }
            return;
        }
        if !activity.continued && self.is_section(row, activity, time, responsible, &time_text, &responsible_text) {
            let title = strip_number(&activity_text).to_owned();
            self.section(title, Vec::new());
            // A title across the time or responsible column is not a time or a party.
            let time_text = if time == Some(activity) { String::new() } else { time_text };
            let responsible_text = if responsible == Some(activity) { String::new() } else { responsible_text };
            // A section row that gives a time or parties gives them to its activities.
            if !time_text.is_empty() {
                let time_text = clean_time(&time_text);
                let reads = self.check_when(&time_text).is_ok();
                if !reads && let Some(column) = t.time {
                    let reason = self.check_when(&time_text).err().unwrap_or(WhenFault::OutsideYear(self.year));
                    let kind = GuessKind::BadWhen { text: time_text.clone(), reason };
                    let guess = self.guess_at(row, column, Column::Time, kind);
                    self.sections.last_mut().into_iter().for_each(|s| s.guesses.push(guess.clone()));
                }
                self.sections.last_mut().into_iter().for_each(|s| s.when = Some((time_text.clone(), reads)));
            }
            if !responsible_text.is_empty() {
                let parties = self.mentions_of(row, responsible);
                self.sections.last_mut().into_iter().for_each(|s| s.parties = parties.clone());
            }
            return;
        }
        self.activities(row, activity, time, responsible);
    }

    /// Whether a row is a section row: across the table, or shorter than it, or in bold where
    /// activities are not, or numbered as a section («I.», «Раздел 2»).
    fn is_section(
        &self,
        row: usize,
        activity: Slot,
        time: Option<Slot>,
        responsible: Option<Slot>,
        time_text: &str,
        responsible_text: &str,
    ) -> bool {
        let t = self.table;
        let spans = Some(activity) == time || Some(activity) == responsible;
        let short = |c: Option<usize>| c.is_some_and(|c| t.grid[row].len() <= c);
        if spans || short(t.time) || short(t.responsible) {
            return true;
        }
        let bold = t.cell(activity).lines().all(|p| p.bold);
        let number = t.number.and_then(|n| t.at(row, n)).filter(|s| !s.continued).map(|s| cell_text(t.cell(s)));
        let section_number = number.as_deref().is_some_and(|n| {
            let n = n.trim_end_matches(['.', ')']);
            (!n.is_empty() && n.chars().all(|c| matches!(c, 'I' | 'V' | 'X'))) || n.to_lowercase().starts_with("раздел")
        });
        let own_parts_empty = time_text.is_empty() && responsible_text.is_empty();
        section_number || (bold && (own_parts_empty || !self.bold_activities()))
    }

    /// Whether most activity cells are bold, so that bold says nothing of a row.
    fn bold_activities(&self) -> bool {
        let t = self.table;
        let (mut bold, mut all) = (0, 0);
        for row in t.heading + 1..t.rows.len() {
            if let Some(slot) = t.slot(row, Column::Activity).filter(|s| !s.continued && !t.cell(*s).is_empty()) {
                all += 1;
                bold += usize::from(t.cell(slot).lines().all(|p| p.bold));
            }
        }
        bold * 2 > all
    }

    fn section(&mut self, title: String, guesses: Vec<Guess>) {
        self.sections.push(PendingSection {
            title,
            when: None,
            parties: Parties::default(),
            activities: Vec::new(),
            guesses,
        });
    }

    /// The other columns of a row: `place`, `result`, and `note` as «{heading}: {text}».
    fn extras(&self, row: usize) -> Extras {
        let t = self.table;
        let mut extras = Extras::default();
        let add = |field: &mut Option<String>, text: String, separator: &str| {
            *field = Some(match field.take() {
                Some(before) => format!("{before}{separator}{text}"),
                None => text,
            });
        };
        for (column, role) in &t.extras {
            let Some(slot) = t.at(row, *column) else { continue };
            let lines: Vec<String> = t.cell(slot).lines().map(|p| collapse(&p.text)).collect();
            let text = lines.join("\n");
            if text.is_empty() {
                continue;
            }
            match role {
                Role::Place => add(&mut extras.place, text, "; "),
                Role::Result => add(&mut extras.result, text, "\n"),
                Role::Note { heading } => add(&mut extras.note, format!("{heading}: {text}"), "\n"),
                Role::Number | Role::Activity | Role::Time | Role::Responsible => {}
            }
        }
        extras
    }

    fn activities(&mut self, row: usize, activity: Slot, time: Option<Slot>, responsible: Option<Slot>) {
        let t = self.table;
        let mut items = if activity.continued { Vec::new() } else { items(t.cell(activity).lines()) };
        let time_own_empty = time.is_none_or(|s| s.continued || t.cell(s).is_empty());
        // A row with its own number is an activity of its own, whatever its first letter.
        let numbered =
            t.number.and_then(|n| t.grid[row].get(n)).is_some_and(|s| !s.continued && !t.cell(*s).is_empty());
        // The rest of the activity above, carried to this row by a page break.
        let has_previous = self.sections.last().is_some_and(|s| !s.activities.is_empty());
        if let Some(first) = items.first()
            && !first.bulleted
            && first.text.chars().next().is_some_and(char::is_lowercase)
            && time_own_empty
            && !numbered
            && has_previous
            && !t.list
        {
            let first = items.remove(0);
            let guess =
                self.guess_at(row, t.activity, Column::Activity, GuessKind::Joined { text: first.text.clone() });
            if let Some(previous) = self.sections.last_mut().and_then(|s| s.activities.last_mut()) {
                let space = if previous.title.ends_with('-') { "" } else { " " };
                previous.title = format!("{}{space}{}", previous.title, first.text);
                previous.guesses.push(guess);
            }
        }
        if items.is_empty() {
            return;
        }
        if self.sections.is_empty() {
            let guess = Guess { row: Some(row + 1), column: None, heading: None, kind: GuessKind::NoSection };
            self.section(PLACEHOLDER_SECTION.to_owned(), vec![guess]);
        }
        let mut times: Vec<String> = time
            .map(|s| t.cell(s).lines().map(|p| clean_time(&p.text)).filter(|s| !s.is_empty()).collect())
            .unwrap_or_default();
        let n = items.len();
        // One activity beside a time on two lines («Апрель» / «май»): one time, a list — or one
        // expression wrapped over two lines.
        if n == 1 && times.len() > 1 {
            let spaced = times.join(" ");
            times = vec![if self.check_when(&spaced).is_ok() { spaced } else { times.join(", ") }];
        }
        let time_column = t.time.unwrap_or(t.activity);
        let (parties, mut row_guesses) = self.parties(row, responsible);
        let extras = self.extras(row);
        // Paragraphs without list marks beside fewer times may be one activity typed over several
        // lines as well as several activities.
        if n > 1 && times.len() < n && items.iter().all(|i| !i.bulleted) {
            row_guesses.push(self.guess_at(row, t.activity, Column::Activity, GuessKind::Unmarked { items: n }));
        }
        let section_when = self.sections.last().and_then(|s| s.when.clone());
        let mut whens: Vec<Option<String>> = match times.len() {
            0 if section_when.is_some() => vec![None; n],
            0 => {
                row_guesses.push(self.guess_at(row, time_column, Column::Time, GuessKind::NoTime { items: n }));
                vec![Some(PLACEHOLDER_WHEN.to_owned()); n]
            }
            1 => vec![Some(times[0].clone()); n],
            m if m == n => times.iter().cloned().map(Some).collect(),
            m => {
                let extra = times.iter().skip(n).cloned().collect();
                let kind = GuessKind::Mismatch { items: n, times: m, extra };
                row_guesses.push(self.guess_at(row, time_column, Column::Time, kind));
                (0..n).map(|i| Some(times.get(i).cloned().unwrap_or_else(|| PLACEHOLDER_WHEN.to_owned()))).collect()
            }
        };
        for (item, when) in items.into_iter().zip(whens.drain(..)) {
            let mut guesses = row_guesses.clone();
            let (title, cancelled) = match strip_cancelled(&item.text) {
                Some(title) => (title, true),
                None => (item.text.as_str(), false),
            };
            let (title, partner, hyphen) = clean_title(title);
            if let Some((written, read)) = hyphen {
                guesses.push(self.guess_at(row, t.activity, Column::Activity, GuessKind::Hyphen { written, read }));
            }
            // The section's own time, when the grammar does not read it, is each activity's.
            let when = when.or_else(|| section_when.clone().filter(|(_, reads)| !reads).map(|(text, _)| text));
            if t.list {
                let kind = GuessKind::ListItem {
                    time: times.first().cloned(),
                    responsible: responsible.map(|s| cell_text(t.cell(s))).filter(|s| !s.is_empty()),
                };
                guesses.push(self.guess_at(row, t.activity, Column::Activity, kind));
            }
            let fault = when.as_ref().and_then(|text| self.check_when(text).err().map(|reason| (text.clone(), reason)));
            // Told at the row; a section's own time was told at the section's row.
            if let Some((text, reason)) = fault.clone().filter(|_| !times.is_empty()) {
                let kind = GuessKind::BadWhen { text, reason };
                guesses.push(self.guess_at(row, time_column, Column::Time, kind));
            }
            let period = fault.map(|_| PLACEHOLDER_WHEN.to_owned());
            let pending = Pending {
                title,
                when,
                period,
                parties: parties.clone(),
                partner,
                extras: extras.clone(),
                cancelled,
                guesses,
            };
            if let Some(section) = self.sections.last_mut() {
                section.activities.push(pending);
            }
        }
    }

    /// The parties of a responsible cell, as mentions: whom it names, whom they agree with, and
    /// who takes part «(по согласованию)».
    fn mentions_of(&mut self, row: usize, slot: Option<Slot>) -> Parties {
        let t = self.table;
        let column = t.responsible.map_or(0, |c| c + 1);
        let origin_row = slot.map_or(row, |s| s.row) + 1;
        let lines: Vec<String> =
            slot.map(|s| t.cell(s).lines().map(|p| collapse(&p.text)).collect()).unwrap_or_default();
        let mut parties = Parties::default();
        for line in &lines {
            for name in parties::read_cell_line(line) {
                self.mentions.push(Mention { written: name.written, agreed: name.agreed, row: origin_row, column });
                let m = self.mentions.len() - 1;
                if name.agreed {
                    parties.agreed_with.push(m);
                } else {
                    parties.responsible.push(m);
                    if name.if_agrees {
                        parties.by_agreement.push(m);
                    }
                }
            }
        }
        parties
    }

    /// The parties of an activity row; where it names none, the section's, the issuing body, or
    /// [`PLACEHOLDER_PARTY`].
    fn parties(&mut self, row: usize, slot: Option<Slot>) -> (Parties, Vec<Guess>) {
        let t = self.table;
        let mut parties = self.mentions_of(row, slot);
        let mut guesses = Vec::new();
        let section_gives = self.sections.last().is_some_and(|s| !s.parties.responsible.is_empty());
        if parties.responsible.is_empty() && !section_gives {
            if let Some(body) = self.body {
                parties.responsible.push(body);
            } else {
                let column = t.responsible.unwrap_or(t.activity);
                guesses.push(self.guess_at(row, column, Column::Responsible, GuessKind::NoResponsible));
                let mention =
                    Mention { written: PLACEHOLDER_PARTY.to_owned(), agreed: false, row: row + 1, column: column + 1 };
                self.mentions.push(mention);
                parties.responsible.push(self.mentions.len() - 1);
            }
        }
        (parties, guesses)
    }

    /// Whether the grammar reads `text` as a time inside the plan's period; else why not.
    fn check_when(&self, text: &str) -> Result<(), WhenFault> {
        let (start, end) = self.period;
        let context = when::Context { year: self.year, today: start };
        match when::parse(text, &context, when::Source::File) {
            Ok(Schedule::Window(ranges)) if ranges.iter().any(|r| r.from < start || r.to > end) => {
                Err(WhenFault::OutsideYear(self.year))
            }
            Ok(_) => Ok(()),
            Err(error) => Err(WhenFault::Grammar(error)),
        }
    }

    fn guess_at(&self, row: usize, grid_column: usize, column: Column, kind: GuessKind) -> Guess {
        // A list's rows are its items, counted from 1 (its section lines are rows of one cell).
        let t = self.table;
        let row = if t.list { (1..=row).filter(|&r| t.rows[r].cells.len() > 1).count() } else { row + 1 };
        let heading = (!t.list)
            .then(|| t.columns.iter().find(|c| c.column == grid_column + 1))
            .flatten()
            .map(|c| c.heading.clone())
            .filter(|h| !h.is_empty());
        Guess { row: Some(row), column: Some((grid_column + 1, column)), heading, kind }
    }
}

/// One item of an activity cell.
struct Item {
    text: String,
    bulleted: bool,
}

/// The items of a cell: each list item or paragraph; a paragraph that starts in lower case
/// without a bullet continues the item before it.
fn items<'p>(lines: impl Iterator<Item = &'p Paragraph>) -> Vec<Item> {
    let mut items: Vec<Item> = Vec::new();
    for line in lines {
        let text = collapse(&line.text);
        let stripped = strip_bullet(&text);
        let bulleted = line.listed || stripped.len() != text.len();
        match items.last_mut() {
            Some(last) if !bulleted && stripped.chars().next().is_some_and(char::is_lowercase) => {
                last.text = format!("{} {stripped}", last.text);
            }
            _ => items.push(Item { text: stripped.to_owned(), bulleted }),
        }
    }
    items
}

/// The text without its list mark: a dash or bullet, or a number typed by hand (`1.`, `2.3)`).
fn strip_bullet(text: &str) -> &str {
    let rest = text.trim_start_matches(['-', '–', '—', '•', '·', '*', '▪', '●', '◦']);
    if rest.len() != text.len() {
        return rest.trim_start();
    }
    let digits = text.trim_start_matches(|c: char| c.is_ascii_digit() || c == '.');
    let numbered = digits.len() < text.len()
        && text.as_bytes()[0].is_ascii_digit()
        && (text[..text.len() - digits.len()].ends_with('.') || digits.starts_with(')'));
    match digits.strip_prefix(')').unwrap_or(digits).strip_prefix(' ') {
        Some(rest) if numbered => rest.trim_start(),
        _ => text,
    }
}

/// The title without the mark `export docx` puts after a cancelled activity's title.
fn strip_cancelled(title: &str) -> Option<&str> {
    ["[отменено]", "[cancelled]"].iter().find_map(|mark| title.strip_suffix(mark)).map(str::trim_end)
}

/// A section title without its number (`1.`, `IV.`).
fn strip_number(title: &str) -> &str {
    let Some((head, rest)) = title.split_once(' ') else { return title };
    let numbered = head.len() <= 5
        && head.ends_with(['.', ')'])
        && head[..head.len() - 1].chars().all(|c| c.is_ascii_digit() || matches!(c, 'I' | 'V' | 'X'));
    if numbered && !rest.is_empty() { rest } else { title }
}

/// A time as written, without list marks and the trailing `;`.
fn clean_time(text: &str) -> String {
    strip_bullet(&collapse(text)).trim_end_matches([';', ',']).trim_end().to_owned()
}

/// The item's title (trailing `;` dropped, a word broken by `- ` mended), its organiser in
/// trailing parentheses, and the mended word as (written, read) when there was one.
fn clean_title(text: &str) -> (String, Option<String>, Option<(String, String)>) {
    let text = text.trim_end_matches(';').trim_end();
    let (text, hyphen) = mend_hyphens(text);
    if let Some(inner) = text.strip_suffix(')')
        && let Some(open) = inner.rfind('(')
    {
        let partner = inner[open + 1..].trim();
        let title = inner[..open].trim_end();
        if !partner.is_empty() && !title.is_empty() && !partner.contains(['(', ')']) {
            return (title.to_owned(), Some(partner.to_owned()), hyphen);
        }
    }
    (text, None, hyphen)
}

/// `семинара- совещания` → `семинара-совещания`: a hyphen after a letter and before a space and a
/// lower-case word, except before «и»/«или» (`информационно- и учебно-методический`).
fn mend_hyphens(text: &str) -> (String, Option<(String, String)>) {
    let mut out = String::with_capacity(text.len());
    let mut mended = None;
    let mut rest = text;
    while let Some(at) = rest.find("- ") {
        let before = &rest[..at];
        let after = &rest[at + 2..];
        let next_word = after.split(' ').next().unwrap_or("");
        let joins = before.chars().next_back().is_some_and(char::is_alphabetic)
            && next_word.chars().next().is_some_and(char::is_lowercase)
            && !matches!(next_word.trim_end_matches([',', '.']), "и" | "или" | "и/или");
        out.push_str(before);
        out.push('-');
        if joins {
            if mended.is_none() {
                let word_start = before.rfind(' ').map_or(0, |i| i + 1);
                let written = format!("{}- {next_word}", &before[word_start..]);
                let read = format!("{}-{next_word}", &before[word_start..]);
                mended = Some((written, read));
            }
        } else {
            out.push(' ');
        }
        rest = after;
    }
    out.push_str(rest);
    (out, mended)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_lose_bullets_semicolons_and_their_organiser() {
        let (title, partner, _) = clean_title("Участие в деловой игре «МОЙ ВЫБОР 2018» (Избирком Смоленской области);");
        assert_eq!(title, "Участие в деловой игре «МОЙ ВЫБОР 2018»");
        assert_eq!(partner.as_deref(), Some("Избирком Смоленской области"));
        assert_eq!(strip_bullet("- Заседания"), "Заседания");
        assert_eq!(strip_bullet("-2 градуса"), "2 градуса");
        assert_eq!(strip_bullet("1. Заседание"), "Заседание");
        assert_eq!(strip_bullet("2.3) Семинар"), "Семинар");
        assert_eq!(strip_bullet("2019 год"), "2019 год");
        assert_eq!(strip_bullet("15.05.2019"), "15.05.2019");
    }

    #[test]
    fn broken_words_are_mended_but_suspended_hyphens_kept() {
        assert_eq!(mend_hyphens("семинара- совещания РО").0, "семинара-совещания РО");
        assert_eq!(mend_hyphens("информационно- и учебно-методического").0, "информационно- и учебно-методического");
        assert_eq!(mend_hyphens("апрель - май").0, "апрель - май");
    }

    #[test]
    fn section_numbers_are_dropped() {
        assert_eq!(strip_number("1. Заседания"), "Заседания");
        assert_eq!(strip_number("IV. Работа"), "Работа");
        assert_eq!(strip_number("2019 год"), "2019 год");
    }
}
