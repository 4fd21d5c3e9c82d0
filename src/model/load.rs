//! Reading a plan file and giving it meaning: every semantic error is collected in one run.

use std::collections::HashMap;
use std::fs;
use std::io::{self, Read};
use std::ops::Range;
use std::path::Path;

use chrono::{Datelike, NaiveDate};
use toml::Spanned;

use super::raw;
use super::{Activity, Dated, Number, Party, PartyIndex, Plan, Section};
use crate::error::{Diagnostic, Error, Invalid, Problem, ReadProblem};
use crate::span::{LineIndex, Pos};
use crate::when::{self, DateRange, Schedule};

/// The largest plan file `plan` reads (64 MiB): a merged plan of every region over several
/// years is a few MB, so anything near this is a mistake, and it is refused before it is read.
pub const MAX_PLAN_BYTES: u64 = 64 * 1024 * 1024;

/// Reads and validates the plan at `path`; `display` is how messages name it.
pub fn load(path: &Path, display: &str) -> Result<Plan, Error> {
    let bytes = read_limited(path).map_err(|problem| Error::Read { path: path.to_path_buf(), problem })?;
    parse(display, &bytes).map_err(Error::Invalid)
}

fn read_limited(path: &Path) -> Result<Vec<u8>, ReadProblem> {
    let classify = |error: io::Error| match error.kind() {
        io::ErrorKind::NotFound => ReadProblem::NotFound,
        io::ErrorKind::PermissionDenied => ReadProblem::PermissionDenied,
        io::ErrorKind::IsADirectory => ReadProblem::IsDirectory,
        _ => ReadProblem::Other(error),
    };
    let metadata = fs::metadata(path).map_err(classify)?;
    if metadata.is_dir() {
        return Err(ReadProblem::IsDirectory);
    }
    if metadata.len() > MAX_PLAN_BYTES {
        return Err(ReadProblem::TooLarge { size: metadata.len(), limit: MAX_PLAN_BYTES });
    }
    // The size can change between `metadata` and `read` (or lie, for a FIFO): never read past the limit.
    let mut bytes = Vec::with_capacity(metadata.len() as usize);
    fs::File::open(path).map_err(classify)?.take(MAX_PLAN_BYTES + 1).read_to_end(&mut bytes).map_err(classify)?;
    if bytes.len() as u64 > MAX_PLAN_BYTES {
        return Err(ReadProblem::TooLarge { size: bytes.len() as u64, limit: MAX_PLAN_BYTES });
    }
    Ok(bytes)
}

/// Validates a plan held in memory; `path` names it in messages.
pub fn parse(path: &str, bytes: &[u8]) -> Result<Plan, Box<Invalid>> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let fail = |text: String, span: Range<usize>, problem: Problem| {
        let index = LineIndex::new(&text);
        Box::new(Invalid { path: path.to_owned(), text, index, diagnostics: vec![Diagnostic { span, problem }] })
    };
    if let Some(nul) = bytes.iter().position(|&b| b == 0) {
        return Err(fail(String::from_utf8_lossy(bytes).into_owned(), nul..nul + 1, Problem::Binary));
    }
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text,
        Err(error) => {
            let at = error.valid_up_to();
            return Err(fail(String::from_utf8_lossy(bytes).into_owned(), at..at + 1, Problem::NotUtf8));
        }
    };
    if text.lines().all(|line| line.trim().is_empty() || line.trim_start().starts_with('#')) {
        return Err(fail(text.to_owned(), 0..0, Problem::Empty));
    }
    let file: raw::File = match toml::from_str(text) {
        Ok(file) => file,
        Err(error) => {
            let index = LineIndex::new(text);
            let mut diagnostics = merge_conflicts(text);
            if diagnostics.is_empty() {
                let span = error.span().unwrap_or(0..0);
                diagnostics.push(Diagnostic { span, problem: classify_toml_error(error.message()) });
            }
            return Err(Box::new(Invalid { path: path.to_owned(), text: text.to_owned(), index, diagnostics }));
        }
    };
    let mut builder = Builder { text, index: LineIndex::new(text), diagnostics: Vec::new() };
    let plan = builder.plan(path, file);
    if builder.diagnostics.is_empty() {
        Ok(plan)
    } else {
        let Builder { index, mut diagnostics, .. } = builder;
        diagnostics.sort_by_key(|d| d.span.start);
        Err(Box::new(Invalid { path: path.to_owned(), text: text.to_owned(), index, diagnostics }))
    }
}

/// The lines git leaves in a file after a conflicted merge; the most common way a plan kept in
/// git gets broken, so it is named as such instead of as a TOML syntax error.
fn merge_conflicts(text: &str) -> Vec<Diagnostic> {
    let mut offset = 0;
    let mut found = Vec::new();
    for line in text.split_inclusive('\n') {
        let marker = ["<<<<<<<", "|||||||", "=======", ">>>>>>>"]
            .into_iter()
            .find(|m| line.starts_with(m) && line[m.len()..].chars().next().is_none_or(char::is_whitespace));
        if let Some(marker) = marker {
            let end = offset + line.trim_end().len();
            found.push(Diagnostic { span: offset..end, problem: Problem::MergeConflict { marker: marker.to_owned() } });
        }
        offset += line.len();
    }
    found
}

/// Gives serde's messages a type, so they can be told in either language with a suggestion.
fn classify_toml_error(message: &str) -> Problem {
    let message = message.trim();
    let quoted = |s: &str| -> Vec<String> { s.split('`').skip(1).step_by(2).map(str::to_owned).collect() };
    if let Some(rest) = message.strip_prefix("unknown field ") {
        let mut names = quoted(rest);
        if !names.is_empty() {
            let key = names.remove(0);
            return Problem::UnknownKey { key, expected: names };
        }
    }
    if let Some(rest) = message.strip_prefix("missing field ")
        && let Some(key) = quoted(rest).into_iter().next()
    {
        return Problem::MissingKey { key };
    }
    let value_error = ["invalid type", "invalid value", "unknown variant", "invalid date", "invalid length"];
    if value_error.iter().any(|prefix| message.starts_with(prefix)) {
        return Problem::WrongValue { message: message.to_owned() };
    }
    Problem::Syntax { message: message.to_owned() }
}

/// Turns the raw file into a [`Plan`], collecting every semantic error on the way.
struct Builder<'t> {
    text: &'t str,
    index: LineIndex,
    diagnostics: Vec<Diagnostic>,
}

/// A section's `when`, parsed once and shared by the activities that inherit it.
struct Inherited<'r> {
    when: Option<(&'r str, Option<Schedule>)>,
    responsible: Option<Vec<PartyIndex>>,
    agreed_with: Option<Vec<PartyIndex>>,
}

impl Builder<'_> {
    fn report(&mut self, span: Range<usize>, problem: Problem) {
        self.diagnostics.push(Diagnostic { span, problem });
    }

    fn pos(&self, offset: usize) -> Pos {
        self.index.pos(self.text, offset)
    }

    fn plan(&mut self, path: &str, file: raw::File) -> Plan {
        let header_span = file.plan.span();
        let header = file.plan.into_inner();
        let (year, period) = self.period(&header, header_span);
        let title = self.title(header.title);
        let parties: Vec<Party> = file
            .parties
            .into_iter()
            .map(|(id, party)| {
                self.check_id(&id);
                let party = party.into_inner();
                Party {
                    pos: self.pos(id.span().start),
                    id: id.into_inner(),
                    name: party.name.into_inner(),
                    full_name: party.full_name,
                    aliases: party.aliases,
                }
            })
            .collect();
        let party_ids: HashMap<&str, PartyIndex> =
            parties.iter().enumerate().map(|(i, p)| (p.id.as_str(), i)).collect();
        let mut context = Context { year, period, party_ids: &party_ids, ids: HashMap::new() };
        let sections = file
            .section
            .into_iter()
            .enumerate()
            .map(|(i, section)| self.section(i as u32 + 1, section, &mut context))
            .collect();
        let period = period.unwrap_or(DateRange { from: ymd(year, 1, 1), to: ymd(year, 12, 31) });
        Plan { path: path.to_owned(), title, organization: header.organization, year, period, parties, sections }
    }

    fn title(&mut self, title: Spanned<String>) -> String {
        if title.get_ref().trim().is_empty() {
            self.report(title.span(), Problem::EmptyTitle);
        }
        title.into_inner()
    }

    /// The year month names refer to, and the period (`None` when it is invalid, which is reported).
    fn period(&mut self, header: &raw::Header, header_span: Range<usize>) -> (i32, Option<DateRange>) {
        let start = header.start.as_ref().map(|s| s.get_ref().0);
        let end = header.end.as_ref().map(|e| e.get_ref().0);
        let year = match &header.year {
            Some(year) if (1..=9999).contains(year.get_ref()) => Some(*year.get_ref() as i32),
            Some(year) => {
                self.report(year.span(), Problem::YearOutOfRange { year: *year.get_ref() });
                return (start.map_or(2000, |d| d.year()), None);
            }
            None => None,
        };
        let Some(year) = year.or_else(|| start.zip(end).map(|(s, _)| s.year())) else {
            self.report(header_span.start..header_span.start, Problem::MissingYear);
            return (start.or(end).map_or(2000, |d| d.year()), None);
        };
        let from = start.unwrap_or_else(|| ymd(year, 1, 1));
        let to = end.unwrap_or_else(|| ymd(year, 12, 31));
        if from > to {
            let span = header.start.as_ref().or(header.end.as_ref()).map_or(header_span, Spanned::span);
            self.report(span, Problem::StartAfterEnd { start: from, end: to });
            return (year, None);
        }
        (year, Some(DateRange { from, to }))
    }

    fn check_id(&mut self, id: &Spanned<String>) {
        let valid = !id.get_ref().is_empty()
            && id.get_ref().bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
        if !valid {
            self.report(id.span(), Problem::BadId { id: id.get_ref().clone() });
        }
    }

    fn parties(&mut self, refs: Option<raw::PartyRefs>, context: &Context) -> Option<Vec<PartyIndex>> {
        let refs = refs?.into_inner();
        let mut resolved = Vec::with_capacity(refs.len());
        for id in refs {
            match context.party_ids.get(id.get_ref().as_str()) {
                Some(&index) => resolved.push(index),
                None => {
                    let mut known: Vec<String> = context.party_ids.keys().map(|k| (*k).to_owned()).collect();
                    known.sort_unstable();
                    self.report(id.span(), Problem::UnknownParty { id: id.get_ref().clone(), known });
                }
            }
        }
        Some(resolved)
    }

    /// Parses a `when`, reporting a bad one or a window outside the plan at the string.
    fn schedule(&mut self, when: &Spanned<String>, context: &Context) -> Option<Schedule> {
        let text = when.get_ref();
        let today = context.period.map_or_else(|| ymd(context.year, 1, 1), |p| p.from);
        let schedule = match when::parse(text, &when::Context { year: context.year, today }, when::Source::File) {
            Ok(schedule) => schedule,
            Err(error) => {
                let span = self.inner_span(when, &error.span);
                self.report(span, Problem::BadWhen { text: text.clone(), error });
                return None;
            }
        };
        if let (Schedule::Window(ranges), Some(plan)) = (&schedule, context.period)
            && let Some(&range) = ranges.iter().find(|r| r.from < plan.from || r.to > plan.to)
        {
            self.report(when.span(), Problem::WindowOutsidePlan { range, plan });
        }
        Some(schedule)
    }

    /// Maps a span inside a string's value to the file, when the string is written plainly
    /// (no escapes), else the whole string.
    fn inner_span(&self, value: &Spanned<String>, inner: &Range<usize>) -> Range<usize> {
        let outer = value.span();
        let plain = outer.len() == value.get_ref().len() + 2
            && self.text.get(outer.start + 1..outer.end - 1) == Some(value.get_ref().as_str());
        if plain && inner.end <= value.get_ref().len() && inner.start < inner.end {
            outer.start + 1 + inner.start..outer.start + 1 + inner.end
        } else {
            outer
        }
    }

    fn section(&mut self, number: u32, section: Spanned<raw::Section>, context: &mut Context) -> Section {
        let pos = self.pos(section.span().start);
        let section = section.into_inner();
        let title = self.title(section.title);
        let when = section.when.as_ref().map(|when| (when, self.schedule(when, context)));
        let inherited = Inherited {
            when: when.as_ref().map(|(when, schedule)| (when.get_ref().as_str(), schedule.clone())),
            responsible: self.parties(section.responsible, context),
            agreed_with: self.parties(section.agreed_with, context),
        };
        let activities = section
            .activity
            .into_iter()
            .enumerate()
            .map(|(i, activity)| {
                self.activity(Number { section: number, activity: i as u32 + 1 }, activity, &inherited, context)
            })
            .collect();
        Section { number, title, activities, pos }
    }

    fn activity(
        &mut self,
        number: Number,
        activity: Spanned<raw::Activity>,
        inherited: &Inherited,
        context: &mut Context,
    ) -> Activity {
        let span = activity.span();
        let pos = self.pos(span.start);
        let raw = activity.into_inner();
        if let Some(id) = &raw.id {
            self.check_id(id);
            let first = *context.ids.entry(id.get_ref().clone()).or_insert(pos);
            if first != pos {
                self.report(id.span(), Problem::DuplicateId { id: id.get_ref().clone(), first });
            }
        }
        let title = self.title(raw.title);
        let (when, schedule) = match &raw.when {
            Some(when) => (when.get_ref().clone(), self.schedule(when, context)),
            None => match &inherited.when {
                Some((text, schedule)) => ((*text).to_owned(), schedule.clone()),
                None => {
                    self.report(span.start..span.start, Problem::MissingWhen);
                    (String::new(), None)
                }
            },
        };
        let responsible = self.parties(raw.responsible, context).or_else(|| inherited.responsible.clone());
        if responsible.as_ref().is_none_or(Vec::is_empty) && !self.reported_unknown_party_since(span.start) {
            self.report(span.start..span.start, Problem::MissingResponsible);
        }
        let agreed_with = self.parties(raw.agreed_with, context).or_else(|| inherited.agreed_with.clone());
        let recurring = schedule.as_ref().map(|s| matches!(s, Schedule::AtLeast(_)));
        if recurring == Some(false) {
            if let Some(rule) = &raw.rule {
                self.report(rule.span(), Problem::NotRecurring { key: "rule" });
            }
            if let Some(last_before) = &raw.last_before {
                self.report(last_before.span(), Problem::NotRecurring { key: "last_before" });
            }
        }
        if let (Some(last_before), Some(period)) = (&raw.last_before, context.period)
            && last_before.get_ref().0 >= period.from
        {
            let problem = Problem::LastBeforeInPlan { date: last_before.get_ref().0, start: period.from };
            self.report(last_before.span(), problem);
        }
        let held = raw
            .held
            .into_iter()
            .map(|held| {
                let pos = self.pos(held.span().start);
                let held = held.into_inner();
                Dated { date: held.on, note: held.note, pos }
            })
            .collect();
        Activity {
            number,
            id: raw.id.map(Spanned::into_inner),
            title,
            when,
            schedule: schedule.unwrap_or(Schedule::WholePeriod),
            responsible: responsible.unwrap_or_default(),
            agreed_with: agreed_with.unwrap_or_default(),
            partner: raw.partner,
            held,
            planned: raw.planned.iter().map(|date| self.dated(date)).collect(),
            rule: raw.rule.map(Spanned::into_inner),
            last_before: raw.last_before.as_ref().map(|date| self.dated(date)),
            status: raw.status.unwrap_or_default(),
            note: raw.note,
            pos,
        }
    }

    fn dated(&self, date: &Spanned<raw::LocalDate>) -> Dated {
        Dated { date: date.get_ref().0, note: None, pos: self.pos(date.span().start) }
    }

    /// An activity whose only responsible party is unknown has been told so already.
    fn reported_unknown_party_since(&self, offset: usize) -> bool {
        self.diagnostics
            .iter()
            .rev()
            .take_while(|d| d.span.start >= offset)
            .any(|d| matches!(d.problem, Problem::UnknownParty { .. }))
    }
}

/// What every section and activity is checked against.
struct Context<'p> {
    year: i32,
    period: Option<DateRange>,
    party_ids: &'p HashMap<&'p str, PartyIndex>,
    /// Activity ids seen so far, with where each first stood.
    ids: HashMap<String, Pos>,
}

fn ymd(year: i32, month: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, month, day).unwrap_or(NaiveDate::MIN)
}
