//! `plan rollup`: one row per branch, then the totals, as a drawn table, JSON, CSV or Markdown
//! (the Word document is [`crate::render::rollup_docx`]). The columns are said once, here.

use std::io::{self, Write};
use std::path::Path;

use comfy_table::{Attribute, Cell, CellAlignment, ColumnConstraint, ContentArrangement, Table, Width, presets};
use serde::Serialize;
use unicode_width::UnicodeWidthStr;

use crate::fulfilment::Outcome;
use crate::i18n::{Lang, Message, msg};
use crate::render::style::{Paint, Role};
use crate::render::{escape_block, escape_line, words};
use crate::rollup::{Located, Note, Outcomes, Rollup, Row, Rules, Trouble};

/// The columns of the table, Markdown, CSV and the document: the branch, its name, its plan in
/// force, four outcomes, four rule statuses, errors, warnings and a note.
pub(crate) const COLUMNS: usize = 14;

/// The least width of the name and note columns on a narrow terminal.
const NARROWEST: u16 = 16;

/// Where the counts start and end (right-aligned).
pub(crate) const COUNTS: std::ops::Range<usize> = 3..13;

/// The column headings in `lang`.
#[must_use]
pub fn headers(lang: Lang) -> [String; COLUMNS] {
    let rules = |status: &'static str| msg!("rollup-rules", status = Message::new(status));
    [
        msg!("rollup-branch"),
        msg!("rollup-name"),
        msg!("rollup-plan"),
        words::fulfilment(Outcome::Held),
        words::fulfilment(Outcome::NotRecorded),
        words::fulfilment(Outcome::NotDone),
        words::fulfilment(Outcome::Cancelled),
        rules("check-status-ok"),
        rules("check-status-due-soon"),
        rules("check-status-overdue"),
        rules("check-status-violated"),
        msg!("rollup-errors"),
        msg!("rollup-warnings"),
        msg!("rollup-note"),
    ]
    .map(|m| lang.say(&m))
}

/// One branch's cells; a branch without figures (no plan, a plan that does not load) shows none
/// but its errors.
#[must_use]
pub fn cells(row: &Row, lang: Lang) -> [String; COLUMNS] {
    let o = &row.outcomes;
    let r = &row.rules;
    let counts = [o.done, o.no_mark, o.not_done, o.cancelled, r.ok, r.due_soon, r.overdue, r.violated];
    let counts = counts.map(|n| if row.trouble.is_some() { String::new() } else { n.to_string() });
    let [c0, c1, c2, c3, c4, c5, c6, c7] = counts;
    [
        row.branch.clone(),
        row.name.clone().unwrap_or_default(),
        row.plan.clone().unwrap_or_default(),
        c0,
        c1,
        c2,
        c3,
        c4,
        c5,
        c6,
        c7,
        row.errors.to_string(),
        if row.trouble.is_some() { String::new() } else { row.warnings.to_string() },
        note(row, lang),
    ]
}

/// The totals' cells: how many branches, how many with errors, and every count added up.
#[must_use]
pub fn total_cells(rollup: &Rollup, lang: Lang) -> [String; COLUMNS] {
    let t = &rollup.totals;
    let (o, r) = (&t.outcomes, &t.rules);
    [
        lang.say(&msg!("rollup-total", branches = t.branches)),
        lang.say(&msg!("rollup-total-with-errors", count = t.with_errors)),
        String::new(),
        o.done.to_string(),
        o.no_mark.to_string(),
        o.not_done.to_string(),
        o.cancelled.to_string(),
        r.ok.to_string(),
        r.due_soon.to_string(),
        r.overdue.to_string(),
        r.violated.to_string(),
        t.errors.to_string(),
        t.warnings.to_string(),
        String::new(),
    ]
}

/// Why a branch has no figures, or what of it was passed over.
fn note(row: &Row, lang: Lang) -> String {
    let trouble = match &row.trouble {
        Some(Trouble::Broken(located)) => Some(located_text(located, lang)),
        Some(Trouble::Unreadable(reason)) => Some(lang.say(&msg!("rollup-unreadable", reason = reason.clone()))),
        Some(Trouble::NoPlan) => Some(lang.say(&msg!("rollup-no-plan"))),
        None => None,
    };
    trouble.into_iter().chain(row.notes.iter().map(|n| note_text(n, lang))).collect::<Vec<_>>().join("; ")
}

/// `FILE:LINE:COL: message`.
fn located_text(located: &Located, lang: Lang) -> String {
    let message = lang.say(&located.message);
    match located.at {
        Some((line, column)) => format!("{}:{line}:{column}: {message}", located.file),
        None => format!("{}: {message}", located.file),
    }
}

fn note_text(note: &Note, lang: Lang) -> String {
    format!("{}: {}", note.path, lang.say(&note.message))
}

/// The title: «Branches as of …».
#[must_use]
pub fn title(rollup: &Rollup, lang: Lang) -> String {
    lang.say(&msg!("rollup-title", date = rollup.as_of))
}

/// The folder's own notes (entries that are not branches), one line each.
fn folder_notes(rollup: &Rollup, lang: Lang) -> impl Iterator<Item = String> + '_ {
    rollup.notes.iter().map(move |n| note_text(n, lang))
}

/// The table drawn with comfy-table, the totals as its last row; `width` wraps it to a terminal,
/// none keeps each branch on one line (for a pipe). To fit a terminal, the four outcomes share a
/// column, as do the four rule statuses: «7 / 0 / 3 / 0» under «done / no mark / not done /
/// cancelled».
pub fn table(out: &mut impl Write, rollup: &Rollup, lang: Lang, paint: Paint, width: Option<u16>) -> io::Result<()> {
    let mut table = Table::new();
    table.load_style(presets::UTF8_FULL_CONDENSED);
    match width {
        Some(width) => {
            table.set_content_arrangement(ContentArrangement::Dynamic).set_width(width);
        }
        None => {
            table.set_content_arrangement(ContentArrangement::Disabled);
        }
    }
    if paint.enabled() {
        table.enforce_styling();
    } else {
        table.force_no_tty();
    }
    let figures = |group: &[String]| if group.iter().all(String::is_empty) { String::new() } else { group.join(" / ") };
    let mut rows: Vec<[String; 8]> = rollup.rows.iter().map(|row| compact(cells(row, lang), figures)).collect();
    rows.push(compact(total_cells(rollup, lang), figures));
    let mut headers = compact_headers(lang).to_vec();
    // The note column only when a branch has a note.
    let columns = if rows.iter().all(|row| row[7].is_empty()) { 7 } else { 8 };
    headers.truncate(columns);
    let bold = |text: &str| Cell::new(escape_block(text)).add_attribute(Attribute::Bold);
    table.set_header(headers.iter().map(|h| bold(h)));
    let last = rows.len() - 1;
    for (i, row) in rows.iter().enumerate() {
        let cells =
            row.iter().take(columns).map(|text| if i == last { bold(text) } else { Cell::new(escape_block(text)) });
        table.add_row(cells);
    }
    // The figures, ids and file names are never broken across lines, nor a word of a heading; the
    // names and the notes take what is left.
    for (i, column) in table.column_iter_mut().enumerate() {
        if width.is_some() && [0, 2, 3, 4, 5, 6].contains(&i) {
            // The totals' label may wrap; their figures may not.
            let data = rows.iter().take(if i == 0 { last } else { rows.len() }).map(|row| row[i].width());
            let words = headers[i].split_whitespace().map(UnicodeWidthStr::width);
            let widest = data.chain(words).max().unwrap_or(0);
            // The width comfy-table fixes counts the padding on both sides.
            column.set_constraint(ColumnConstraint::Absolute(Width::Fixed(widest as u16 + 2)));
        }
        if (3..7).contains(&i) {
            column.set_cell_alignment(CellAlignment::Right);
        }
        if width.is_some() && [1, 7].contains(&i) {
            // A name or a note a letter wide is no use: the table grows past a narrow terminal
            // instead.
            column.set_constraint(ColumnConstraint::LowerBoundary(Width::Fixed(NARROWEST + 2)));
        }
    }
    writeln!(out, "{}", paint.paint(Role::Heading, &escape_line(&title(rollup, lang))))?;
    writeln!(out, "{table}")?;
    for line in folder_notes(rollup, lang) {
        writeln!(out, "{}", escape_line(&line))?;
    }
    Ok(())
}

/// The fourteen columns as eight: the four outcomes joined by `join` into one column, the four
/// rule statuses into another.
fn compact(columns: [String; COLUMNS], join: impl Fn(&[String]) -> String) -> [String; 8] {
    let [branch, name, plan, o1, o2, o3, o4, r1, r2, r3, r4, errors, warnings, note] = columns;
    [branch, name, plan, join(&[o1, o2, o3, o4]), join(&[r1, r2, r3, r4]), errors, warnings, note]
}

/// The eight headings of the drawn table: «activities: done / no mark / …», «rules: ok / …».
fn compact_headers(lang: Lang) -> [String; 8] {
    let [branch, name, plan, o1, o2, o3, o4, ..] = headers(lang);
    let statuses = ["check-status-ok", "check-status-due-soon", "check-status-overdue", "check-status-violated"];
    let group = |what: &'static str, list: Vec<String>| {
        lang.say(&msg!("rollup-group", what = Message::new(what), list = list.join(" / ")))
    };
    [
        branch,
        name,
        plan,
        group("rollup-activities", vec![o1, o2, o3, o4]),
        group("rollup-rules-total", statuses.iter().map(|s| lang.word(s)).collect()),
        lang.word("rollup-errors"),
        lang.word("rollup-warnings"),
        lang.word("rollup-note"),
    ]
}

/// A Markdown table, the totals in bold as its last row, the folder's notes after it.
pub fn markdown(out: &mut impl Write, rollup: &Rollup, lang: Lang) -> io::Result<()> {
    use crate::render::markdown::cell;
    writeln!(out, "## {}\n", cell(&title(rollup, lang)))?;
    let line = |cells: &[String]| format!("| {} |", cells.join(" | "));
    writeln!(out, "{}", line(&headers(lang).map(|h| cell(&h))))?;
    let rule: Vec<String> =
        (0..COLUMNS).map(|i| if COUNTS.contains(&i) { "---:".to_owned() } else { "---".to_owned() }).collect();
    writeln!(out, "{}", line(&rule))?;
    for row in &rollup.rows {
        writeln!(out, "{}", line(&cells(row, lang).map(|c| cell(&c))))?;
    }
    let totals = total_cells(rollup, lang).map(|c| if c.is_empty() { c } else { format!("**{}**", cell(&c)) });
    writeln!(out, "{}", line(&totals))?;
    let notes: Vec<String> = folder_notes(rollup, lang).collect();
    if !notes.is_empty() {
        writeln!(out)?;
        for note in notes {
            writeln!(out, "- {}", cell(&note))?;
        }
    }
    Ok(())
}

/// CSV: a header row, one row per branch with every count (also planned and in progress), then
/// the totals; cells a spreadsheet would run as a formula are neutralised.
pub fn csv(out: &mut impl Write, rollup: &Rollup, lang: Lang) -> io::Result<()> {
    let [
        branch,
        name,
        plan,
        done,
        no_mark,
        not_done,
        cancelled,
        ok,
        due_soon,
        overdue,
        violated,
        errors,
        warnings,
        note_header,
    ] = headers(lang);
    let header = [
        branch,
        name,
        plan,
        lang.say(&msg!("rollup-activities")),
        done,
        no_mark,
        not_done,
        cancelled,
        lang.say(&words::fulfilment(Outcome::Planned)),
        lang.say(&words::fulfilment(Outcome::Open)),
        lang.say(&msg!("rollup-rules-total")),
        ok,
        due_soon,
        overdue,
        violated,
        errors,
        warnings,
        note_header,
    ];
    let record = |first: [String; 3], o: &Outcomes, r: &Rules, errors: usize, warnings: usize, note: String| {
        let counts = [
            o.activities,
            o.done,
            o.no_mark,
            o.not_done,
            o.cancelled,
            o.planned,
            o.in_progress,
            r.total,
            r.ok,
            r.due_soon,
            r.overdue,
            r.violated,
            errors,
            warnings,
        ];
        first.into_iter().chain(counts.map(|n| n.to_string())).chain([note]).collect::<Vec<String>>()
    };
    let mut writer = csv::Writer::from_writer(out);
    let mut put = |cells: Vec<String>| {
        let cells = cells.iter().map(|c| crate::render::csv::neutralise(&escape_block(c)).into_owned());
        writer.write_record(cells).map_err(crate::render::csv::io_error)
    };
    put(header.to_vec())?;
    for row in &rollup.rows {
        let first = [row.branch.clone(), row.name.clone().unwrap_or_default(), row.plan.clone().unwrap_or_default()];
        put(record(first, &row.outcomes, &row.rules, row.errors, row.warnings, note(row, lang)))?;
    }
    let t = &rollup.totals;
    let [total, with_errors, ..] = total_cells(rollup, lang);
    put(record([total, with_errors, String::new()], &t.outcomes, &t.rules, t.errors, t.warnings, String::new()))?;
    writer.flush()
}

/// The JSON document: the as-of date, whether every branch is free of errors, one object per
/// branch (worst first), the totals and the folder's notes. Keys and codes are English and
/// stable; messages are in `lang`.
pub fn json(out: &mut impl Write, rollup: &Rollup, dir: &Path, lang: Lang) -> io::Result<()> {
    let t = &rollup.totals;
    let document = RollupJson {
        dir: dir.display().to_string(),
        as_of: rollup.as_of.to_string(),
        ok: !rollup.has_errors(),
        branches: rollup.rows.iter().map(|row| BranchJson::new(row, lang)).collect(),
        totals: TotalsJson {
            branches: t.branches,
            with_errors: t.with_errors,
            activities: t.outcomes.into(),
            rules: t.rules.into(),
            errors: t.errors,
            warnings: t.warnings,
        },
        notes: rollup.notes.iter().map(|n| NoteJson::new(n, lang)).collect(),
    };
    crate::render::json::write(out, &document)
}

#[derive(Serialize)]
struct RollupJson {
    dir: String,
    as_of: String,
    ok: bool,
    branches: Vec<BranchJson>,
    totals: TotalsJson,
    notes: Vec<NoteJson>,
}

#[derive(Serialize)]
struct BranchJson {
    branch: String,
    name: Option<String>,
    plan: Option<String>,
    period: Option<PeriodJson>,
    /// `ok` (the plan in force was judged), `broken`, `unreadable` or `no-plan`.
    state: &'static str,
    activities: OutcomesJson,
    rules: RulesJson,
    errors: usize,
    warnings: usize,
    error: Option<ErrorJson>,
    notes: Vec<NoteJson>,
}

impl BranchJson {
    fn new(row: &Row, lang: Lang) -> Self {
        let (state, error) = match &row.trouble {
            None => ("ok", None),
            Some(Trouble::Broken(located)) => ("broken", Some(ErrorJson::new(located, lang))),
            Some(Trouble::Unreadable(reason)) => {
                let message = lang.say(&msg!("rollup-unreadable", reason = reason.clone()));
                ("unreadable", Some(ErrorJson { file: None, line: None, column: None, message }))
            }
            Some(Trouble::NoPlan) => ("no-plan", None),
        };
        BranchJson {
            branch: row.branch.clone(),
            name: row.name.clone(),
            plan: row.plan.clone(),
            period: row.period.map(|p| PeriodJson { from: p.from.to_string(), to: p.to.to_string() }),
            state,
            activities: row.outcomes.into(),
            rules: row.rules.into(),
            errors: row.errors,
            warnings: row.warnings,
            error,
            notes: row.notes.iter().map(|n| NoteJson::new(n, lang)).collect(),
        }
    }
}

#[derive(Serialize)]
struct PeriodJson {
    from: String,
    to: String,
}

#[derive(Serialize)]
struct OutcomesJson {
    total: usize,
    done: usize,
    no_mark: usize,
    not_done: usize,
    cancelled: usize,
    planned: usize,
    in_progress: usize,
}

impl From<Outcomes> for OutcomesJson {
    fn from(o: Outcomes) -> Self {
        OutcomesJson {
            total: o.activities,
            done: o.done,
            no_mark: o.no_mark,
            not_done: o.not_done,
            cancelled: o.cancelled,
            planned: o.planned,
            in_progress: o.in_progress,
        }
    }
}

#[derive(Serialize)]
struct RulesJson {
    total: usize,
    ok: usize,
    due_soon: usize,
    overdue: usize,
    violated: usize,
}

impl From<Rules> for RulesJson {
    fn from(r: Rules) -> Self {
        RulesJson { total: r.total, ok: r.ok, due_soon: r.due_soon, overdue: r.overdue, violated: r.violated }
    }
}

#[derive(Serialize)]
struct ErrorJson {
    file: Option<String>,
    line: Option<u32>,
    column: Option<u32>,
    message: String,
}

impl ErrorJson {
    fn new(located: &Located, lang: Lang) -> Self {
        ErrorJson {
            file: Some(located.file.clone()),
            line: located.at.map(|(line, _)| line),
            column: located.at.map(|(_, column)| column),
            message: lang.say(&located.message),
        }
    }
}

#[derive(Serialize)]
struct NoteJson {
    path: String,
    message: String,
}

impl NoteJson {
    fn new(note: &Note, lang: Lang) -> Self {
        NoteJson { path: note.path.clone(), message: lang.say(&note.message) }
    }
}

#[derive(Serialize)]
struct TotalsJson {
    branches: usize,
    with_errors: usize,
    activities: OutcomesJson,
    rules: RulesJson,
    errors: usize,
    warnings: usize,
}
