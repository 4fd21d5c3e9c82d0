//! Reading a plan file and giving it meaning: every semantic error is collected in one run.

// BTreeMaps, not HashMaps: the keys are few short strings (parties, distinct `when`s), looked up
// once or twice per activity, where comparing a few strings is cheaper than hashing one.
use std::collections::{BTreeMap, HashMap};
use std::fs;
use std::io::{self, Read};
use std::ops::Range;
use std::path::Path;

use chrono::{Datelike, NaiveDate};
use toml::Spanned;

use super::raw;
use super::written::{clip, date_fault, quoted_date};
use super::{Activity, Approval, Dated, Number, Party, PartyIndex, Plan, Section, Signature};
use crate::error::{Diagnostic, Error, Expected, Found, Invalid, Problem, ReadProblem};
use crate::span::{LineIndex, Pos};
use crate::when::{self, Aside, DateRange, Reading, Schedule};

/// The largest plan file `plan` reads (64 MiB): a merged plan of every region over several
/// years is a few MB, so anything near this is a mistake, and it is refused before it is read.
pub const MAX_PLAN_BYTES: u64 = 64 * 1024 * 1024;

/// Reads and validates the plan at `path`; `display` is how messages name it.
pub fn load(path: &Path, display: &str) -> Result<Plan, Error> {
    let bytes = read_limited(path).map_err(|problem| Error::Read { path: path.to_path_buf(), problem })?;
    parse(display, &bytes).map_err(Error::Invalid)
}

/// Reads a plan file whole, refusing a directory, anything else that is not a regular file (a
/// FIFO or a device would block or never end), and one over [`MAX_PLAN_BYTES`] before reading it.
pub fn read_limited(path: &Path) -> Result<Vec<u8>, ReadProblem> {
    check_regular(&fs::metadata(path).map_err(classify)?)?;
    read_open(&mut fs::File::open(path).map_err(classify)?)
}

/// [`read_limited`] of a file already open (and perhaps locked) by the caller.
pub fn read_open(file: &mut fs::File) -> Result<Vec<u8>, ReadProblem> {
    // The path may have become something else between `metadata` and `open`: ask the file itself.
    let metadata = file.metadata().map_err(classify)?;
    check_regular(&metadata)?;
    // The size can change between `metadata` and `read`: never read past the limit.
    let mut bytes = Vec::with_capacity(metadata.len() as usize);
    file.take(MAX_PLAN_BYTES + 1).read_to_end(&mut bytes).map_err(classify)?;
    if bytes.len() as u64 > MAX_PLAN_BYTES {
        return Err(ReadProblem::TooLarge { size: bytes.len() as u64, limit: MAX_PLAN_BYTES });
    }
    Ok(bytes)
}

fn classify(error: io::Error) -> ReadProblem {
    match error.kind() {
        io::ErrorKind::NotFound => ReadProblem::NotFound,
        io::ErrorKind::PermissionDenied => ReadProblem::PermissionDenied,
        io::ErrorKind::IsADirectory => ReadProblem::IsDirectory,
        _ => ReadProblem::Other(error),
    }
}

fn check_regular(metadata: &fs::Metadata) -> Result<(), ReadProblem> {
    if metadata.is_dir() {
        return Err(ReadProblem::IsDirectory);
    }
    if !metadata.is_file() {
        return Err(ReadProblem::NotAFile);
    }
    if metadata.len() > MAX_PLAN_BYTES {
        return Err(ReadProblem::TooLarge { size: metadata.len(), limit: MAX_PLAN_BYTES });
    }
    Ok(())
}

/// Validates a plan held in memory; `path` names it in messages.
pub fn parse(path: &str, bytes: &[u8]) -> Result<Plan, Box<Invalid>> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let fail = |text: String, span: Range<usize>, problem: Problem| {
        let index = LineIndex::new(&text);
        Box::new(Invalid { path: path.to_owned(), text, index, diagnostics: vec![Diagnostic { span, problem }] })
    };
    if is_utf16(bytes) {
        return Err(fail(String::from_utf8_lossy(bytes).into_owned(), 0..0, Problem::Utf16));
    }
    if let Some(nul) = memchr::memchr(0, bytes) {
        return Err(fail(String::from_utf8_lossy(bytes).into_owned(), nul..nul + 1, Problem::Binary));
    }
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text,
        Err(error) => {
            let at = error.valid_up_to();
            return Err(fail(String::from_utf8_lossy(bytes).into_owned(), at..at + 1, Problem::NotUtf8));
        }
    };
    let text = &*lone_carriage_returns_as_newlines(text);
    if text.lines().all(|line| line.trim().is_empty() || line.trim_start().starts_with('#')) {
        return Err(fail(text.to_owned(), 0..0, Problem::Empty));
    }
    let file: raw::File = match toml::from_str(text) {
        Ok(file) => file,
        Err(error) => {
            let index = LineIndex::new(text);
            let mut diagnostics = merge_conflicts(text);
            if diagnostics.is_empty() {
                diagnostics = diagnose(text, &error);
            }
            return Err(Box::new(Invalid { path: path.to_owned(), text: text.to_owned(), index, diagnostics }));
        }
    };
    let mut builder = Builder { text, index: LineIndex::new(text), diagnostics: Vec::new(), parsed: BTreeMap::new() };
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

/// A line ending of a lone CR (classic Mac OS, or a file whose endings were mixed up) read as LF.
/// TOML allows only LF and CRLF, but to the person editing the file each of these is a line
/// break. One byte for one byte, so every span into the text stays right.
fn lone_carriage_returns_as_newlines(text: &str) -> std::borrow::Cow<'_, str> {
    let lone = |bytes: &[u8], i: usize| bytes[i] == b'\r' && bytes.get(i + 1) != Some(&b'\n');
    let bytes = text.as_bytes();
    if !memchr::memchr_iter(b'\r', bytes).any(|i| lone(bytes, i)) {
        return text.into();
    }
    let fixed: Vec<u8> = (0..bytes.len()).map(|i| if lone(bytes, i) { b'\n' } else { bytes[i] }).collect();
    String::from_utf8(fixed).map_or_else(|_| text.into(), Into::into)
}

/// Notepad's "Unicode": a UTF-16 byte-order mark, or ASCII text with a NUL after (or before)
/// every character.
fn is_utf16(bytes: &[u8]) -> bool {
    let ascii_pairs = |nul_first: bool| {
        bytes.len() >= 8
            && bytes[..8].chunks(2).all(|pair| {
                let (nul, ch) = if nul_first { (pair[0], pair[1]) } else { (pair[1], pair[0]) };
                nul == 0 && (ch.is_ascii_graphic() || ch.is_ascii_whitespace())
            })
    };
    bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") || ascii_pairs(false) || ascii_pairs(true)
}

/// What is wrong with a file that serde refused: told by the file itself where it can be
/// ([`told_by_the_file`]); the library's English message is read only when it cannot.
fn diagnose(text: &str, error: &toml::de::Error) -> Vec<Diagnostic> {
    match told_by_the_file(text) {
        Ok(found) => found,
        Err(refused) => {
            let (span, message) = match &refused {
                Some(refused) => (refused.span(), refused.message()),
                None => (error.span(), error.message()),
            };
            let span = span.unwrap_or(0..0);
            let problem = classify_toml_error(message, &span, text);
            vec![Diagnostic { span, problem }]
        }
    }
}

/// The document the parser built, checked against the plan's shape; or, where the parser
/// refused the text, what the document and the source show at that place. `Err` holds the
/// parser's refusal (`None` when it read the text) when neither tells what is wrong.
fn told_by_the_file(text: &str) -> Result<Vec<Diagnostic>, Option<toml::de::Error>> {
    let (document, mut refused) = toml::de::DeTable::parse_recoverable(text);
    if refused.is_empty() {
        let mut found = super::shape::check(&document, text);
        found.sort_by_key(|d| d.span.start);
        return if found.is_empty() { Err(None) } else { Ok(found) };
    }
    let first = refused.swap_remove(0);
    let Some(span) = first.span() else { return Err(Some(first)) };
    let problem = if super::syntax::too_deep(text, span.start) {
        Some((span.clone(), Problem::TooDeep))
    } else if let Some(key) = super::shape::given_twice(&document, text, &span) {
        Some((span.clone(), Problem::DuplicateKey { key: clip(&key) }))
    } else {
        super::syntax::classify(text, &span)
    };
    match problem {
        Some((span, problem)) => Ok(vec![Diagnostic { span, problem }]),
        None => Err(Some(first)),
    }
}

/// Gives the TOML library's messages a type, so that they can be told in either language with
/// advice; `span` is where the library points and `text` the file, for what is written there.
fn classify_toml_error(message: &str, span: &Range<usize>, text: &str) -> Problem {
    let message = message.trim();
    let quoted = |s: &str| -> Vec<String> { s.split('`').skip(1).step_by(2).map(str::to_owned).collect() };
    let written = clip(text.get(span.clone()).unwrap_or("").trim());
    // Whatever the parser expected, a control character where it stopped is the thing to name.
    if let Some(c) = text.get(span.start..).and_then(|rest| rest.chars().next())
        && c.is_control()
        && !matches!(c, '\t' | '\n' | '\r')
    {
        return Problem::ControlCharacter { code: u32::from(c) };
    }
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
    if let Some(rest) = message.strip_prefix("unknown variant ") {
        let mut names = quoted(rest);
        if !names.is_empty() {
            let value = clip(&names.remove(0));
            return Problem::UnknownValue { key: key_before(text, span.start), value, expected: names };
        }
    }
    if let Some((found, expected)) = message.strip_prefix("invalid type: ").and_then(|r| r.rsplit_once(", expected ")) {
        // `[[parties.presidium]]`: serde reads a struct from a list too, and then complains about
        // its first item; the list itself is the mistake.
        if written.starts_with("[[") && expected != "a sequence" {
            return Problem::WrongType { key: None, found: Found::List, expected: Expected::Table };
        }
        return wrong_type(found, expected, &written, key_before(text, span.start));
    }
    // An enum key (`rule`, `status`) given a number or a list.
    if message == "wanted string or table" {
        return Problem::WrongType {
            key: key_before(text, span.start),
            found: found_in_source(&written),
            expected: Expected::Text,
        };
    }
    if message.starts_with("duplicate key") {
        let key = quoted(message).into_iter().next().unwrap_or(written);
        return Problem::DuplicateKey { key: clip(key.trim_matches(['"', '\''])) };
    }
    if ["invalid date", "invalid time", "invalid date-time"].iter().any(|p| message.starts_with(p)) {
        return Problem::BadDate { fault: date_fault(&written), text: written };
    }
    let unclosed = ["invalid basic string", "invalid multi-line basic string", "invalid literal string"]
        .iter()
        .any(|p| message.starts_with(p))
        && (message.ends_with("expected `\"`") || message.ends_with("expected `'`"));
    if unclosed {
        return Problem::UnclosedString;
    }
    // `title = Trial`: a word that starts like `true` or `false` is read as one.
    if message.starts_with("string values must be quoted") || message.starts_with("invalid boolean") {
        return if written.is_empty() { Problem::MissingValue } else { Problem::UnquotedText };
    }
    if message.starts_with("cannot recurse further") || message == "recursion limit" {
        return Problem::TooDeep;
    }
    let description = message.split(", expected").next().unwrap_or(message);
    let syntax = match description {
        "missing escaped value" | "too few unicode value digits" | "invalid unicode escape" => Some(Problem::BadEscape),
        "key with no value" | "missing assignment between key-value pairs" => Some(Problem::MissingEquals),
        "missing value" | "missing value for key" => Some(Problem::MissingValue),
        "missing comma between array elements" | "missing comma between key-value pairs" => Some(Problem::MissingComma),
        "invalid inline table element" if message.ends_with("expected `,`") => Some(Problem::MissingComma),
        "unclosed array" | "unclosed table" => Some(Problem::Unclosed { closing: "]" }),
        "unclosed array table" => Some(Problem::Unclosed { closing: "]]" }),
        "unclosed inline table" => Some(Problem::Unclosed { closing: "}" }),
        "unexpected key or value" | "unexpected content" | "extra assignment between key-value pairs" | "extra `=`" => {
            Some(Problem::TrailingText)
        }
        "invalid unquoted key" | "unquoted keys cannot be empty" | "invalid key-value pair" => Some(Problem::BadKey),
        _ => None,
    };
    if let Some(problem) = syntax {
        return problem;
    }
    let value_error = ["invalid value", "invalid length"];
    if value_error.iter().any(|prefix| message.starts_with(prefix)) {
        return Problem::WrongValue { message: message.to_owned() };
    }
    Problem::Syntax { message: message.to_owned() }
}

/// serde's `invalid type: FOUND, expected EXPECTED`, typed.
fn wrong_type(found: &str, expected: &str, written: &str, key: Option<String>) -> Problem {
    // `a string for `note``: the key is named where the span covers more than its value.
    let (expected, key) = match expected.strip_suffix('`').and_then(|e| e.rsplit_once(" for `")) {
        Some((expected, named)) => (expected, Some(named.to_owned())),
        None => (expected, key),
    };
    let expected = match expected {
        e if e == raw::EXPECTED_DATE => Expected::Date,
        "a string" | "a borrowed string" | "string" => Expected::Text,
        "a sequence" => Expected::List,
        e if e == "a map" || e.starts_with("struct ") => Expected::Table,
        "i8" | "i16" | "i32" | "i64" | "u8" | "u16" | "u32" | "u64" | "an integer" => Expected::WholeNumber,
        other => Expected::Other(other.to_owned()),
    };
    // A number as written (`nan`, `1_000`), unless the span covers more than the value.
    let ticked = |s: &str| match s.split('`').nth(1) {
        _ if !written.is_empty() && !written.starts_with(['{', '[']) => written.to_owned(),
        Some(value) => clip(value),
        None => written.to_owned(),
    };
    let found = if let Some(text) = found.strip_prefix("string ") {
        Found::Text(clip(text))
    } else if let Some(datetime) = found.strip_prefix("date-time ").or_else(|| found.strip_prefix("date ")) {
        Found::Date(clip(datetime))
    } else if found.starts_with("integer") || found.starts_with("floating point") {
        Found::Number(ticked(found))
    } else if found.starts_with("boolean") {
        Found::Boolean(ticked(found))
    } else if found == "sequence" {
        Found::List
    } else if found == "map" {
        // A TOML date reaches serde as a map: tell it by what is written.
        if looks_like_date(written) { Found::Date(written.to_owned()) } else { Found::Table }
    } else {
        Found::Other(found.to_owned())
    };
    if expected == Expected::Date {
        if let Found::Text(text) = &found
            && let Some(date) = quoted_date(text)
        {
            return Problem::QuotedDate { written: text.clone(), date };
        }
        if let Found::Date(text) = &found {
            return Problem::DateWithTime { text: text.clone() };
        }
    }
    Problem::WrongType { key, found, expected }
}

/// The key whose value starts at `offset`: the bare word before the last `=` on its line
/// (`note` in `held = [{ on = 2019-04-10, note = 2 }]`), if there is one.
fn key_before(text: &str, offset: usize) -> Option<String> {
    let before = text.get(..offset)?;
    let line = &before[before.rfind('\n').map_or(0, |i| i + 1)..];
    let (left, _) = line.rsplit_once('=')?;
    let key = left.trim_end().rsplit(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '-')).next()?;
    (!key.is_empty()).then(|| key.to_owned())
}

/// Whether `written` starts like a TOML date (`2019-`) or time (`10:`).
fn looks_like_date(written: &str) -> bool {
    let bytes = written.as_bytes();
    let digits = |range: Range<usize>| bytes.get(range).is_some_and(|b| b.iter().all(u8::is_ascii_digit));
    digits(0..4) && bytes.get(4) == Some(&b'-') || digits(0..2) && bytes.get(2) == Some(&b':')
}

/// What kind of value `written` is, by its first characters.
fn found_in_source(written: &str) -> Found {
    match written.as_bytes().first() {
        _ if looks_like_date(written) => Found::Date(written.to_owned()),
        Some(b'"' | b'\'') => Found::Text(written.to_owned()),
        Some(b'[') => Found::List,
        Some(b'{') => Found::Table,
        Some(b't' | b'f') if written == "true" || written == "false" => Found::Boolean(written.to_owned()),
        Some(b) if b.is_ascii_digit() || matches!(b, b'+' | b'-' | b'.') => Found::Number(written.to_owned()),
        _ => Found::Table,
    }
}

/// Turns the raw file into a [`Plan`], collecting every semantic error on the way.
struct Builder<'t> {
    text: &'t str,
    index: LineIndex,
    diagnostics: Vec<Diagnostic>,
    /// Each distinct `when` text parsed once: plans repeat a handful of times ("весь период",
    /// the months) over thousands of activities, and the year and period are fixed per file.
    parsed: BTreeMap<&'t str, Result<Reading, when::WhenError>>,
}

/// How a time of the file is read by [`Builder::schedule`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Reader {
    /// A `when`: an unreadable one is an error.
    When,
    /// A `when` beside a `period`, which gives the dates: nothing is reported of it.
    Quiet,
    /// A `period`: read whole, or it is an error.
    Period,
}

/// A section's `when`, parsed once and shared by the activities that inherit it.
struct Inherited<'r> {
    when: Option<(&'r str, Option<(Schedule, Aside)>)>,
    responsible: Option<Vec<PartyIndex>>,
    agreed_with: Option<Vec<PartyIndex>>,
    by_agreement: Option<Vec<PartyIndex>>,
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
                    agreed_form: party.agreed_form,
                    aliases: party.aliases,
                }
            })
            .collect();
        let party_ids: BTreeMap<&str, PartyIndex> =
            parties.iter().enumerate().map(|(i, p)| (p.id.as_str(), i)).collect();
        // Sized for every id at once: grown step by step, it hashed each id of a large plan again
        // at every step.
        let id_count =
            file.section.iter().flat_map(|s| &s.get_ref().activity).filter(|a| a.get_ref().id.is_some()).count();
        let mut context = Context { year, period, party_ids: &party_ids, ids: HashMap::with_capacity(id_count) };
        let sections = file
            .section
            .into_iter()
            .enumerate()
            .map(|(i, section)| self.section(i as u32 + 1, section, &mut context))
            .collect();
        let period = period.unwrap_or(DateRange { from: ymd(year, 1, 1), to: ymd(year, 12, 31) });
        let approval = header.approval.map(|a| Approval { by: a.by, date: a.date.map(|d| d.0), number: a.number });
        let signature = header.signature.map(|s| Signature { position: s.position, name: s.name });
        Plan {
            path: path.to_owned(),
            title,
            organization: header.organization,
            year,
            period,
            parties,
            sections,
            approval,
            signature,
        }
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

    /// Reads a `when` or a `period`, reporting a bad one or a window outside the plan at the
    /// string. Whole years running past the plan's period are clipped to it (and marked so); a
    /// deadline without a year is refused in a plan of several years.
    fn schedule(&mut self, when: &Spanned<String>, context: &Context, reader: Reader) -> Option<(Schedule, Aside)> {
        let text = when.get_ref();
        // The plan's start: where a deadline's window begins.
        let today = context.period.map_or_else(|| ymd(context.year, 1, 1), |p| p.from);
        let parsed = match self.parsed.get(text.as_str()) {
            Some(parsed) => parsed.clone(),
            None => {
                let parsed = when::read(text, &when::Context { year: context.year, today }, when::Source::File);
                // Keyed by the text in the file when the value is written plainly (the usual case),
                // so the key costs no allocation; an escaped string is simply not cached.
                if let Some(key) =
                    self.text.get(when.span().start + 1..when.span().end.saturating_sub(1)).filter(|k| k == text)
                {
                    self.parsed.insert(key, parsed.clone());
                }
                parsed
            }
        };
        let parsed = match parsed {
            Ok(Reading { aside: Aside { unread: Some(unread), .. }, .. }) if reader == Reader::Period => {
                Err(when::WhenError { kind: when::WhenErrorKind::Unknown, span: unread, suggestion: None })
            }
            parsed => parsed,
        };
        let Reading { mut schedule, mut aside } = match parsed {
            Ok(reading) => reading,
            Err(error) => {
                if reader != Reader::Quiet {
                    let span = self.inner_span(when, &error.span);
                    let in_period = reader == Reader::Period;
                    self.report(span, Problem::BadWhen { text: text.clone(), error, in_period });
                }
                return None;
            }
        };
        let Some(plan) = context.period else {
            return Some((schedule, aside));
        };
        if aside.deadline_without_year && plan.from.year() != plan.to.year() {
            if reader != Reader::Quiet {
                let problem = Problem::DeadlineWithoutYear { text: text.clone(), start: plan.from, end: plan.to };
                self.report(when.span(), problem);
            }
            return None;
        }
        if let Schedule::Window(ranges) = &mut schedule
            && aside.whole_years
        {
            aside.clipped = clip_whole_years(ranges, plan);
        }
        if let Schedule::Window(ranges) = &schedule
            && let Some(&range) = ranges.iter().find(|r| r.from < plan.from || r.to > plan.to)
            && reader != Reader::Quiet
        {
            self.report(when.span(), Problem::WindowOutsidePlan { range, plan });
        }
        Some((schedule, aside))
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
        let when = section.when.as_ref().map(|when| (when, self.schedule(when, context, Reader::When)));
        let inherited = Inherited {
            when: when.as_ref().map(|(when, schedule)| (when.get_ref().as_str(), schedule.clone())),
            responsible: self.parties(section.responsible, context),
            agreed_with: self.parties(section.agreed_with, context),
            by_agreement: self.parties(section.by_agreement, context),
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
        let period = raw.period.as_ref().map(|period| self.schedule(period, context, Reader::Period));
        let reader = if period.is_some() { Reader::Quiet } else { Reader::When };
        let (when, mut schedule) = match raw.when {
            Some(when) => {
                let schedule = self.schedule(&when, context, reader);
                (when.into_inner(), schedule)
            }
            None => match &inherited.when {
                Some((text, schedule)) => ((*text).to_owned(), schedule.clone()),
                None => {
                    self.report(span.start..span.start, Problem::MissingWhen);
                    (String::new(), None)
                }
            },
        };
        // `period` gives the dates; what `when` says besides them (a remark, a time) still shows,
        // and words it did not read are no warning: `period` has told what they mean.
        if let Some(period) = period {
            let aside = schedule.map(|(_, aside)| aside).unwrap_or_default();
            schedule = period
                .map(|(dates, from_period)| (dates, Aside { unread: None, clipped: from_period.clipped, ..aside }));
        }
        let (schedule, aside) = schedule.unzip();
        let responsible = self.parties(raw.responsible, context).or_else(|| inherited.responsible.clone());
        if responsible.as_ref().is_none_or(Vec::is_empty) && !self.reported_unknown_party_since(span.start) {
            self.report(span.start..span.start, Problem::MissingResponsible);
        }
        let agreed_with = self.parties(raw.agreed_with, context).or_else(|| inherited.agreed_with.clone());
        let by_agreement = self.parties(raw.by_agreement, context).or_else(|| inherited.by_agreement.clone());
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
            period: raw.period.map(Spanned::into_inner),
            aside: aside.unwrap_or_default(),
            responsible: responsible.unwrap_or_default(),
            agreed_with: agreed_with.unwrap_or_default(),
            by_agreement: by_agreement.unwrap_or_default(),
            partner: raw.partner,
            place: raw.place,
            held,
            planned: raw.planned.iter().map(|date| self.dated(date)).collect(),
            rule: raw.rule.map(Spanned::into_inner),
            last_before: raw.last_before.as_ref().map(|date| self.dated(date)),
            status: raw.status.unwrap_or_default(),
            note: raw.note,
            result: raw.result,
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
    party_ids: &'p BTreeMap<&'p str, PartyIndex>,
    /// Activity ids seen so far, with where each first stood.
    ids: HashMap<String, Pos>,
}

/// Cuts the windows of whole years (1 January to 31 December) to the plan's period, where they
/// overlap it; whether any was cut. One wholly outside stays, to be reported as such.
fn clip_whole_years(ranges: &mut [DateRange], plan: DateRange) -> bool {
    let mut clipped = false;
    for range in ranges {
        let whole = (range.from.month(), range.from.day(), range.to.month(), range.to.day()) == (1, 1, 12, 31);
        if whole && range.overlaps(&plan) && (range.from < plan.from || range.to > plan.to) {
            *range = DateRange { from: range.from.max(plan.from), to: range.to.min(plan.to) };
            clipped = true;
        }
    }
    clipped
}

fn ymd(year: i32, month: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, month, day).unwrap_or(NaiveDate::MIN)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn problem(text: &str) -> Problem {
        let invalid = parse("t.toml", text.as_bytes()).expect_err("the text is not a plan");
        invalid.diagnostics[0].problem.clone()
    }

    #[test]
    fn a_key_is_the_word_before_the_last_equals_sign_of_the_line() {
        let text = "year = \"2019\"\nheld = [{ on = 2019-04-10, note = 2 }]\n  [1, 2]";
        assert_eq!(key_before(text, text.find('"').unwrap()).as_deref(), Some("year"));
        assert_eq!(key_before(text, text.find("2 }").unwrap()).as_deref(), Some("note"));
        assert_eq!(key_before(text, text.rfind('[').unwrap()), None);
        assert_eq!(key_before(text, text.len() + 1), None);
    }

    #[test]
    fn utf16_is_told_from_binary() {
        assert!(is_utf16(b"\xFF\xFE[\0p\0"));
        assert!(is_utf16(b"[\0p\0l\0a\0n\0]\0"));
        assert!(is_utf16(b"\0[\0p\0l\0a\0n"));
        assert!(!is_utf16(b"\x7fELF\x02\x01\x01\0\0\0"));
        assert!(!is_utf16(b"[plan]\n"));
    }

    #[test]
    fn lone_carriage_returns_become_newlines_and_crlf_stays() {
        assert_eq!(lone_carriage_returns_as_newlines("a\rb\r\nc\r"), "a\nb\r\nc\n");
        assert!(matches!(lone_carriage_returns_as_newlines("a\r\nb\n"), std::borrow::Cow::Borrowed(_)));
    }

    #[test]
    fn toml_errors_become_typed_problems() {
        assert_eq!(
            problem("[plan]\ntitle = \"T\"\nyear = 2019\nyear = 2020\n"),
            Problem::DuplicateKey { key: "year".into() }
        );
        assert_eq!(problem("[plan]\ntitle = \"T"), Problem::UnclosedString);
        assert_eq!(problem("[plan]\ntitle = T"), Problem::UnquotedText);
        assert_eq!(problem("[plan]\ntitle ="), Problem::MissingValue);
        assert_eq!(problem("[plan]\ntitle: \"T\""), Problem::MissingEquals);
        assert_eq!(problem("[plan"), Problem::Unclosed { closing: "]" });
        assert_eq!(problem(&format!("x = {}", "[".repeat(1000))), Problem::TooDeep);
        assert_eq!(
            problem("[plan]\ntitle = \"T\"\nyear = \"2019\""),
            Problem::WrongType {
                key: Some("year".into()),
                found: Found::Text("\"2019\"".into()),
                expected: Expected::WholeNumber
            }
        );
        assert_eq!(
            problem(
                "[plan]\ntitle = \"T\"\nyear = 2019\n[[section]]\ntitle = \"S\"\n[[section.activity]]\ntitle = \"A\"\nheld = [2019-01-02, \"2019-05-01\"]"
            ),
            Problem::QuotedDate { written: "\"2019-05-01\"".into(), date: "2019-05-01".into() }
        );
    }

    #[test]
    fn every_mistake_of_a_hostile_fixture_is_told_without_the_library_s_words() {
        // The fixtures whose mistake the TOML library reports; none needs its English to be named.
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/hostile");
        let mut fixtures: Vec<_> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).collect();
        fixtures.sort();
        let mut untold = Vec::new();
        for path in fixtures {
            let text = std::fs::read_to_string(&path).unwrap();
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            if name.starts_with("merge-conflict")
                || toml::from_str::<raw::File>(&text).is_ok()
                || text.trim().is_empty()
            {
                continue;
            }
            if told_by_the_file(&text).is_err() {
                untold.push(name);
            }
        }
        assert!(untold.is_empty(), "told only by the library's message: {untold:?}");
    }

    #[test]
    fn the_last_resort_says_in_russian_what_happened_without_the_library_s_english() {
        use crate::i18n::Lang;
        let problem = Problem::Syntax { message: "some new parser message, expected something".into() };
        assert_eq!(
            Lang::Ru.say(&problem.message()),
            "здесь нарушена запись TOML, и `plan` не может назвать ошибку точнее"
        );
        assert_eq!(Lang::En.say(&problem.message()), "TOML syntax: some new parser message, expected something");
        let help = problem.help().unwrap();
        assert_eq!(Lang::Ru.say(&help), "сверьте строку с образцами в plans/README.md: кавычки, скобки, запятые и `=`");
        let problem = Problem::WrongValue { message: "invalid length 3, expected 2".into() };
        assert_eq!(Lang::Ru.say(&problem.message()), "это значение здесь не подходит");
    }

    #[test]
    fn a_quoted_date_is_pointed_at_not_its_whole_list() {
        let text = "[plan]\ntitle = \"T\"\nyear = 2019\n[[section]]\ntitle = \"S\"\n[[section.activity]]\n\
                    title = \"A\"\nheld = [2019-01-02, \"2019-05-01\"]";
        let invalid = parse("t.toml", text.as_bytes()).unwrap_err();
        let at = text.find("\"2019-05-01\"").unwrap();
        assert_eq!(invalid.diagnostics[0].span, at..at + 12);
    }
}
