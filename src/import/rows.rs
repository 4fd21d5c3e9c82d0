//! The plan's table read row by row: section rows, activity rows (a cell of several items beside
//! a cell of as many times), rows that continue an activity after a page break.

use chrono::{Datelike, NaiveDate};

use super::document::Paragraph;
use super::parties::{self, Mention};
use super::table::{PlanTable, Slot, cell_text, collapse, heading};
use super::{Column, Draft, Guess, GuessKind, PLACEHOLDER_PARTY, PLACEHOLDER_SECTION, PLACEHOLDER_WHEN, WhenFault};
use crate::when::{self, Schedule};

/// A section of the imported plan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    pub title: String,
    /// Given when every activity of the section has the same time (a merged cell in Word).
    pub when: Option<String>,
    pub responsible: Vec<String>,
    pub agreed_with: Vec<String>,
    pub activities: Vec<Activity>,
    pub guesses: Vec<Guess>,
}

/// An activity of the imported plan; party ids.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Activity {
    pub title: String,
    pub when: Option<String>,
    /// The time as written, when it could not be read and [`PLACEHOLDER_WHEN`] stands in `when`.
    pub when_written: Option<String>,
    pub responsible: Vec<String>,
    pub agreed_with: Vec<String>,
    pub partner: Option<String>,
    /// Marked «[отменено]» (or «[cancelled]») after its title, as `export docx` marks it.
    pub cancelled: bool,
    pub guesses: Vec<Guess>,
}

/// An activity while the rows are read: parties still as mentions.
struct Pending {
    title: String,
    when: String,
    when_written: Option<String>,
    responsible: Vec<usize>,
    agreed_with: Vec<usize>,
    partner: Option<String>,
    cancelled: bool,
    guesses: Vec<Guess>,
}

struct PendingSection {
    title: String,
    activities: Vec<Pending>,
    guesses: Vec<Guess>,
}

/// Reads the table as a plan.
#[must_use]
pub fn interpret(table: &PlanTable<'_>, as_of: NaiveDate) -> Draft {
    let mut guesses = Vec::new();
    let (approval, above) = approval(&table.above);
    let (title, organization) = title(above);
    let signature = signature(&table.below);
    let year = year_of(&title).unwrap_or_else(|| {
        guesses.push(Guess { row: None, column: None, kind: GuessKind::NoYear { year: as_of.year() } });
        as_of.year()
    });
    let title = if title.is_empty() { format!("План работы на {year} год") } else { title };
    let mut reader = Reader { table, year, mentions: Vec::new(), sections: Vec::new() };
    for row in table.heading + 1..table.rows.len() {
        reader.row(row);
    }
    let (parties, of_mention) = parties::resolve(&reader.mentions);
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
                    when: Some(a.when),
                    when_written: a.when_written,
                    responsible: ids(&a.responsible),
                    agreed_with: ids(&a.agreed_with),
                    partner: a.partner,
                    cancelled: a.cancelled,
                    guesses: a.guesses,
                })
                .collect();
            hoist(Section {
                title: section.title,
                when: None,
                responsible: Vec::new(),
                agreed_with: Vec::new(),
                activities,
                guesses: section.guesses,
            })
        })
        .collect();
    Draft { title, organization, year, approval, signature, parties, sections, guesses }
}

/// What every activity of a section shares moves to the section, as the merged cells of the
/// document gave it once for all of them.
fn hoist(mut section: Section) -> Section {
    let acts = &section.activities;
    if acts.len() < 2 {
        return section;
    }
    let same = |f: &dyn Fn(&Activity) -> bool| acts.iter().all(f);
    let first = &acts[0];
    if first.when_written.is_none() && same(&|a| a.when == first.when && a.when_written.is_none()) {
        section.when = first.when.clone();
    }
    if same(&|a| a.responsible == first.responsible) {
        section.responsible = first.responsible.clone();
    }
    if !first.agreed_with.is_empty() && same(&|a| a.agreed_with == first.agreed_with) {
        section.agreed_with = first.agreed_with.clone();
    }
    let (when, responsible, agreed) =
        (section.when.is_some(), !section.responsible.is_empty(), !section.agreed_with.is_empty());
    for activity in &mut section.activities {
        if when {
            activity.when = None;
        }
        if responsible {
            activity.responsible.clear();
        }
        if agreed {
            activity.agreed_with.clear();
        }
    }
    section
}

/// «УТВЕРЖДЁН» and «{by} от {ДД.ММ.ГГГГ} № {number}» under it (or `plan --lang en`'s «APPROVED»,
/// «{by} of {YYYY-MM-DD}, No. {number}»), and the paragraphs after them.
fn approval<'a, 'd>(above: &'a [&'d Paragraph]) -> (Option<crate::model::Approval>, &'a [&'d Paragraph]) {
    let Some(at) = above.iter().position(|p| {
        let head = collapse(&p.text).to_uppercase();
        head.starts_with("УТВЕРЖД") || head == "APPROVED"
    }) else {
        return (None, above);
    };
    let Some(line) = above.get(at + 1).map(|p| collapse(&p.text)) else { return (None, &above[at + 1..]) };
    let parsed = (|| {
        let (rest, number) = line.rsplit_once(" № ").or_else(|| line.rsplit_once(", No. "))?;
        let (by, date) = rest.rsplit_once(" от ").or_else(|| rest.rsplit_once(" of "))?;
        let date = NaiveDate::parse_from_str(date.trim(), "%d.%m.%Y")
            .or_else(|_| NaiveDate::parse_from_str(date.trim(), "%Y-%m-%d"))
            .ok()?;
        Some(crate::model::Approval {
            by: by.trim().to_owned(),
            date: Some(date),
            number: Some(number.trim().to_owned()),
        })
    })();
    match parsed {
        Some(approval) => (Some(approval), &above[at + 2..]),
        None => (None, &above[at + 1..]),
    }
}

/// «{position}  ____________  {name}» below the table.
fn signature(below: &[&Paragraph]) -> Option<crate::model::Signature> {
    below.iter().find_map(|p| {
        let at = p.text.find("___")?;
        let position = p.text[..at].trim();
        let name = p.text[at..].trim_start_matches('_').trim();
        (!position.is_empty() && !name.is_empty())
            .then(|| crate::model::Signature { position: collapse(position), name: collapse(name) })
    })
}

/// The title from the paragraphs above the table: from the one that starts with «План» down to
/// the table (else the last one); the bold paragraph just before it, if any, is the organisation.
fn title(above: &[&Paragraph]) -> (String, Option<String>) {
    let start = above
        .iter()
        .position(|p| collapse(&p.text).to_lowercase().starts_with("план"))
        .unwrap_or(above.len().saturating_sub(1));
    let joined: Vec<&str> = above[start.min(above.len())..].iter().map(|p| p.text.as_str()).collect();
    let organization = start
        .checked_sub(1)
        .map(|i| above[i])
        .filter(|p| p.bold && !p.text.trim().to_lowercase().starts_with("утвержд"))
        .map(|p| collapse(&p.text));
    (collapse(&joined.join(" ")), organization)
}

/// The year a title names: a four-digit year before «год», else the last four-digit year.
fn year_of(title: &str) -> Option<i32> {
    let words: Vec<&str> = title.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
    let is_year = |w: &&str| w.len() == 4 && w.parse::<i32>().is_ok_and(|y| (1900..=2199).contains(&y));
    let before_god = words
        .windows(2)
        .find(|pair| is_year(&pair[0]) && (pair[1].starts_with("год") || matches!(pair[1], "г" | "гг")))
        .map(|pair| pair[0]);
    before_god.or_else(|| words.iter().rev().copied().find(is_year)).and_then(|w| w.parse().ok())
}

struct Reader<'t, 'd> {
    table: &'t PlanTable<'d>,
    year: i32,
    mentions: Vec<Mention>,
    sections: Vec<PendingSection>,
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
        if heading(&activity_text) == Some(Column::Activity) && heading(&time_text) == Some(Column::Time) {
            return;
        }
        let numbers_only = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_digit() || c == '.');
        if numbers_only(&activity_text) && (time_text.is_empty() || numbers_only(&time_text)) {
            return;
        }
        if activity_text.is_empty() {
            if !time_text.is_empty() || !responsible_text.is_empty() {
                let text = [time_text, responsible_text].join(" ").trim().to_owned();
                let guess = Guess { row: Some(row + 1), column: None, kind: GuessKind::NoActivity { text } };
                match self.sections.last_mut() {
                    Some(section) => section.guesses.push(guess),
                    None => self.section(PLACEHOLDER_SECTION.to_owned(), vec![guess]),
                }
            }
            return;
        }
        // A row across the table, or bold text with the other cells empty, is a section.
        let spans = Some(activity) == time || Some(activity) == responsible;
        let cell = t.cell(activity);
        let bold = cell.lines().all(|p| p.bold);
        if !activity.continued
            && (spans || time.is_none() || (bold && time_text.is_empty() && responsible_text.is_empty()))
        {
            let title = strip_number(&activity_text);
            self.section(title.to_owned(), Vec::new());
            return;
        }
        self.activities(row, activity, time, responsible);
    }

    fn section(&mut self, title: String, guesses: Vec<Guess>) {
        self.sections.push(PendingSection { title, activities: Vec::new(), guesses });
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
            let guess = Guess { row: Some(row + 1), column: None, kind: GuessKind::NoSection };
            self.section(PLACEHOLDER_SECTION.to_owned(), vec![guess]);
        }
        let times: Vec<String> = time
            .map(|s| t.cell(s).lines().map(|p| clean_time(&p.text)).filter(|s| !s.is_empty()).collect())
            .unwrap_or_default();
        let time_column = t.time;
        let (responsible_ids, agreed_ids, mut row_guesses) = self.parties(row, responsible);
        let n = items.len();
        // Paragraphs without list marks beside fewer times may be one activity typed over several
        // lines as well as several activities.
        if n > 1 && times.len() < n && items.iter().all(|i| !i.bulleted) {
            row_guesses.push(self.guess_at(row, t.activity, Column::Activity, GuessKind::Unmarked { items: n }));
        }
        let mut whens: Vec<Option<String>> = match times.len() {
            0 => {
                row_guesses.push(self.guess_at(row, time_column, Column::Time, GuessKind::NoTime { items: n }));
                vec![None; n]
            }
            1 => vec![Some(times[0].clone()); n],
            m if m == n => times.iter().cloned().map(Some).collect(),
            m => {
                let extra = times.iter().skip(n).cloned().collect();
                let kind = GuessKind::Mismatch { items: n, times: m, extra };
                row_guesses.push(self.guess_at(row, time_column, Column::Time, kind));
                (0..n).map(|i| times.get(i).cloned()).collect()
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
            let (when, when_written) = match when {
                None => (PLACEHOLDER_WHEN.to_owned(), None),
                Some(text) => match self.check_when(&text) {
                    Ok(()) => (text, None),
                    Err(reason) => {
                        let kind = GuessKind::BadWhen { text: text.clone(), reason };
                        guesses.push(self.guess_at(row, time_column, Column::Time, kind));
                        (PLACEHOLDER_WHEN.to_owned(), Some(text))
                    }
                },
            };
            let pending = Pending {
                title,
                when,
                when_written,
                responsible: responsible_ids.clone(),
                agreed_with: agreed_ids.clone(),
                partner,
                cancelled,
                guesses,
            };
            if let Some(section) = self.sections.last_mut() {
                section.activities.push(pending);
            }
        }
    }

    /// The responsible parties and those to agree with, as mentions, from the responsible cell.
    fn parties(&mut self, row: usize, slot: Option<Slot>) -> (Vec<usize>, Vec<usize>, Vec<Guess>) {
        let t = self.table;
        let column = t.responsible + 1;
        let mut responsible = Vec::new();
        let mut agreed = Vec::new();
        let mut guesses = Vec::new();
        let lines: Vec<String> =
            slot.map(|s| t.cell(s).lines().map(|p| collapse(&p.text)).collect()).unwrap_or_default();
        let origin_row = slot.map_or(row, |s| s.row) + 1;
        for line in &lines {
            let (who, with) = split_agreed(line);
            for name in names(who) {
                self.mentions.push(Mention { written: name, agreed: false, row: origin_row, column });
                responsible.push(self.mentions.len() - 1);
            }
            for name in with.map(names).unwrap_or_default() {
                self.mentions.push(Mention { written: name, agreed: true, row: origin_row, column });
                agreed.push(self.mentions.len() - 1);
            }
        }
        if responsible.is_empty() {
            guesses.push(self.guess_at(row, t.responsible, Column::Responsible, GuessKind::NoResponsible));
            self.mentions.push(Mention { written: PLACEHOLDER_PARTY.to_owned(), agreed: false, row: row + 1, column });
            responsible.push(self.mentions.len() - 1);
        }
        (responsible, agreed, guesses)
    }

    /// Whether the grammar reads `text` as a time inside the plan's year; else why not.
    fn check_when(&self, text: &str) -> Result<(), WhenFault> {
        let start = NaiveDate::from_ymd_opt(self.year, 1, 1).unwrap_or_default();
        let end = NaiveDate::from_ymd_opt(self.year, 12, 31).unwrap_or_default();
        let context = when::Context { year: self.year, today: start };
        match when::parse(text, &context, when::Source::File) {
            Ok(Schedule::Window(ranges)) if ranges.iter().any(|r| r.from < start || r.to > end) => {
                Err(WhenFault::OutsideYear(self.year))
            }
            Ok(_) => Ok(()),
            Err(error) => Err(WhenFault::Grammar(error)),
        }
    }

    #[allow(clippy::unused_self)]
    fn guess_at(&self, row: usize, grid_column: usize, column: Column, kind: GuessKind) -> Guess {
        Guess { row: Some(row + 1), column: Some((grid_column + 1, column)), kind }
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

/// «X по согласованию с Y» → (X, Some(Y)); the «с» may be missing («по согласованию РС ВСМС»), and
/// the agreement may stand in parentheses («X (по согласованию с Y)»).
fn split_agreed(line: &str) -> (&str, Option<&str>) {
    let lower = line.to_lowercase();
    // `plan --lang en export docx` writes «X (agreed with Y)».
    let Some((at, phrase)) = ["по согласованию", "agreed with"].iter().find_map(|p| lower.find(p).map(|at| (at, *p)))
    else {
        return (line, None);
    };
    let who = line[..at].trim_end();
    let mut with = line[at + phrase.len()..].trim();
    for preposition in ["со ", "с "] {
        if with.to_lowercase().starts_with(preposition) {
            with = with[preposition.len()..].trim_start();
            break;
        }
    }
    match who.strip_suffix('(') {
        Some(who) => (who.trim_end(), Some(with.strip_suffix(')').unwrap_or(with).trim_end())),
        None => (who, Some(with)),
    }
}

/// The names in a piece of a responsible cell: split at commas and semicolons.
fn names(text: &str) -> Vec<String> {
    text.split([',', ';']).map(|n| n.trim().trim_end_matches('.').trim().to_owned()).filter(|n| !n.is_empty()).collect()
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
    fn agreed_parties_are_split_off() {
        assert_eq!(split_agreed("члены РО ВСМС по согласованию с Президиумом"), ("члены РО ВСМС", Some("Президиумом")));
        assert_eq!(split_agreed("Члены РО по согласованию РС ВСМС"), ("Члены РО", Some("РС ВСМС")));
        assert_eq!(split_agreed("РО ВСМС"), ("РО ВСМС", None));
        assert_eq!(split_agreed("члены РО ВСМС (по согласованию с РС ВСМС)"), ("члены РО ВСМС", Some("РС ВСМС")));
    }

    #[test]
    fn the_year_comes_from_the_title() {
        assert_eq!(year_of("План работы … на 2019 год"), Some(2019));
        assert_eq!(year_of("План на 2018–2019 гг., утверждён в 2017"), Some(2019));
        assert_eq!(year_of("План работы"), None);
        assert_eq!(strip_number("1. Заседания"), "Заседания");
        assert_eq!(strip_number("IV. Работа"), "Работа");
        assert_eq!(strip_number("2019 год"), "2019 год");
    }
}
