//! `plan report`: the fulfilment report as text, Markdown, an HTML page or JSON (the Word file
//! is [`crate::render::docx`]'s).
//!
//! All show the same facts, built once by [`crate::fulfilment`]: per section, each activity with its
//! outcome and what backs it (held dates with their notes, planned dates, the result, the reason
//! for a cancellation, the closed time of an unrecorded one, meetings held against required with
//! each breach), then the totals. The printed forms (Markdown, HTML, Word) follow spec §7: the
//! title «Отчёт о выполнении плана работы … за 2019 год», the columns «№ п/п», «Мероприятие»,
//! «Срок», «Ответственные», «Отметка о выполнении», the meetings against the charter, the totals
//! kept on one page, the signature. The text form is for the terminal: the same title, a block
//! per activity, no signature.

use std::io::{self, Write};

use maud::html;
use unicode_width::UnicodeWidthStr;

use crate::check::rules::Status as Verdict;
use crate::fulfilment::{ActivityReport, Outcome, Report};
use crate::i18n::{Lang, Message, msg};
use crate::model::Dated;
use crate::render::check::status_name;
use crate::render::docx::fulfilment_lines;
use crate::render::json::rule_name;
use crate::render::markdown::cell;
use crate::render::style::{Paint, Role};
use crate::render::words::{self, FulfilmentLabel};
use crate::render::{escape_block, escape_line, hang, html as page, layout, responsible};

/// The heading: «Отчёт о выполнении плана работы … за 2019 год» (spec §7).
fn title(report: &Report, plan: &crate::model::Plan, lang: Lang) -> String {
    words::report_title(lang, plan, report.as_of)
}

/// The labels of an activity's lines in the report.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ReportLabel {
    /// What became of it.
    Outcome,
    /// Its `when`, as written.
    When,
    /// Held dates.
    Held,
    /// Planned dates.
    Planned,
    /// Meetings held against required.
    Meetings,
    /// The next due date and the verdict.
    NextDue,
    /// The activity's note.
    Note,
}

impl ReportLabel {
    fn message(self) -> Message {
        match self {
            ReportLabel::Outcome => msg!("report-outcome"),
            ReportLabel::When => msg!("report-when"),
            ReportLabel::Held => msg!("report-held"),
            ReportLabel::Planned => msg!("report-planned"),
            ReportLabel::Meetings => msg!("report-meetings"),
            ReportLabel::NextDue => msg!("report-next-due"),
            ReportLabel::Note => msg!("report-note"),
        }
    }
}

/// The report's closing count of activities by outcome.
fn totals(report: &Report, lang: Lang) -> String {
    let parts: Vec<Message> = report
        .totals
        .by_outcome()
        .into_iter()
        .map(|(outcome, count)| msg!("report-total-part", count = count, outcome = words::fulfilment(outcome)))
        .collect();
    lang.say(&msg!("report-totals", count = report.totals.activities, parts = parts))
}

/// Every selected activity that carries a meeting rule.
fn with_meetings<'r, 'p>(report: &'r Report<'p>) -> impl Iterator<Item = &'r ActivityReport<'p>> {
    report.sections.iter().flat_map(|s| &s.activities).filter(|a| a.meetings.is_some())
}

/// A rule as the meetings table names it: "Заседания совета (не реже 1 раза в 6 месяцев)".
fn rule_title(entry: &ActivityReport, lang: Lang) -> String {
    let Some(meetings) = &entry.meetings else { return entry.activity.title.clone() };
    let v = &meetings.verdict;
    format!("{} ({})", entry.activity.title, lang.say(&words::recurrence(&v.recurrence)))
}

/// Each breach of a rule explained, or «нет».
fn breaches(entry: &ActivityReport, lang: Lang) -> Vec<String> {
    let explained: Vec<String> = entry
        .meetings
        .iter()
        .flat_map(|m| &m.verdict.breaches)
        .filter_map(|breach| Some(lang.say(&breach.breach()?)))
        .collect();
    if explained.is_empty() { vec![lang.word("no-breaches")] } else { explained }
}

/// The outcome, with when the time ended for an unrecorded activity.
fn outcome(entry: &ActivityReport, lang: Lang) -> String {
    match (entry.outcome, entry.closed) {
        (Outcome::NotRecorded, Some(closed)) => {
            format!(
                "{} ({})",
                lang.say(&words::fulfilment(entry.outcome)),
                lang.say(&msg!("not-recorded", closed = closed))
            )
        }
        (outcome, _) => lang.say(&words::fulfilment(outcome)),
    }
}

/// The lines under an activity, raw (each format escapes them): its time, held and planned dates,
/// meetings held against required, the next due date, its note.
fn details(entry: &ActivityReport, report: &Report, lang: Lang) -> Vec<(ReportLabel, String)> {
    let dates = |dates: &[&Dated]| words::dates(lang, dates.iter().copied());
    let mut lines = vec![(ReportLabel::When, entry.activity.when.clone())];
    if !entry.held.is_empty() {
        lines.push((ReportLabel::Held, dates(&entry.held)));
    }
    if !entry.planned.is_empty() {
        lines.push((ReportLabel::Planned, dates(&entry.planned)));
    }
    if !entry.passed.is_empty() {
        lines.push((ReportLabel::Planned, lang.say(&msg!("report-passed", dates = dates(&entry.passed)))));
    }
    if let Some(meetings) = &entry.meetings {
        let v = &meetings.verdict;
        lines.push((
            ReportLabel::Meetings,
            format!(
                "{} ({} [{}])",
                lang.say(&msg!(
                    "meetings-tally",
                    held = v.held.len(),
                    required = meetings.required,
                    as_of = report.until
                )),
                lang.say(&words::recurrence(&v.recurrence)),
                lang.say(&words::rule_short(v.rule))
            ),
        ));
        // Each breach explained: which meeting came late and by how much, or which block went without.
        let mut verdict = format!("{} ({})", lang.date(v.next_due), lang.say(&v.status.message()));
        for breach in v.breaches.iter().filter_map(crate::check::rules::Violation::breach) {
            verdict.push_str("; ");
            verdict.push_str(&lang.say(&breach));
        }
        lines.push((ReportLabel::NextDue, verdict));
    }
    if let Some(note) = &entry.activity.note {
        lines.push((ReportLabel::Note, note.clone()));
    }
    lines
}

fn outcome_role(entry: &ActivityReport) -> Role {
    match entry.outcome {
        Outcome::Held => match &entry.meetings {
            Some(m) if matches!(m.verdict.status, Verdict::Overdue | Verdict::Violated) => Role::Warning,
            _ => Role::Good,
        },
        Outcome::Planned => Role::Help,
        Outcome::NotRecorded => Role::Warning,
        Outcome::NotDone => Role::Error,
        Outcome::Cancelled => Role::Dim,
        Outcome::Open => Role::Heading,
    }
}

/// The report for reading: a block of labelled lines per activity, sections as headings.
pub fn text(
    out: &mut impl Write,
    report: &Report,
    plan: &crate::model::Plan,
    lang: Lang,
    paint: Paint,
    columns: Option<usize>,
) -> io::Result<()> {
    writeln!(out, "{}", paint.paint(Role::Heading, &hang(&escape_line(&title(report, plan, lang)), 0, columns)))?;
    if let Some(organization) = &plan.organization {
        writeln!(out, "{}", hang(&escape_line(organization), 0, columns))?;
    }
    let extra = [FulfilmentLabel::Responsible, FulfilmentLabel::Result];
    let labels = [
        ReportLabel::Outcome,
        ReportLabel::When,
        ReportLabel::Held,
        ReportLabel::Planned,
        ReportLabel::Meetings,
        ReportLabel::NextDue,
        ReportLabel::Note,
    ];
    let width = labels
        .iter()
        .map(|l| lang.say(&l.message()))
        .chain(extra.iter().map(|l| lang.say(&l.message())))
        .map(|text| text.width())
        .max()
        .unwrap_or(0);
    let padded = |text: &str| format!("    {}{}  ", paint.paint(Role::Dim, text), " ".repeat(width - text.width()));
    let label = |l: ReportLabel| padded(&lang.say(&l.message()));
    // A multi-line note keeps its lines, indented under the value column; on a terminal long
    // values wrap there too.
    let value = |text: &str| hang(text, 4 + width + 2, columns);
    for section in &report.sections {
        writeln!(out)?;
        let number = format!("{}.", section.section.number);
        let heading = format!("{number} {}", hang(&escape_line(&section.section.title), number.width() + 1, columns));
        writeln!(out, "{}", paint.paint(Role::Heading, &heading))?;
        for entry in &section.activities {
            writeln!(out)?;
            let number = entry.activity.number.to_string();
            let title = hang(&escape_line(&entry.activity.title), 2 + number.width() + 1, columns);
            writeln!(out, "  {number} {title}")?;
            writeln!(
                out,
                "{}{}",
                label(ReportLabel::Outcome),
                paint.paint(outcome_role(entry), &value(&outcome(entry, lang)))
            )?;
            let who = responsible(plan, entry.activity, lang);
            writeln!(
                out,
                "{}{}",
                padded(&lang.say(&FulfilmentLabel::Responsible.message())),
                value(&escape_line(&who))
            )?;
            for (l, text) in details(entry, report, lang) {
                writeln!(out, "{}{}", label(l), value(&escape_block(&text)))?;
            }
            if let Some(result) = &entry.activity.result {
                let text = value(&escape_block(result));
                writeln!(out, "{}{text}", padded(&lang.say(&FulfilmentLabel::Result.message())))?;
            }
        }
    }
    writeln!(out)?;
    let total = format!("{}: {}", lang.word("report-total"), totals(report, lang));
    writeln!(out, "{}", paint.paint(Role::Heading, &hang(&total, 0, columns)))
}

/// The report as Markdown: the title, one table in the columns of spec §7 with a bold row per
/// section, the meetings against the charter, the totals, the signature.
pub fn markdown(out: &mut impl Write, report: &Report, plan: &crate::model::Plan, lang: Lang) -> io::Result<()> {
    if let Some(organization) = &plan.organization {
        writeln!(out, "**{}**", cell(organization))?;
        writeln!(out)?;
    }
    writeln!(out, "# {}", cell(&title(report, plan, lang)))?;
    writeln!(out)?;
    writeln!(out, "| {} |", words::report_headers(lang).join(" | "))?;
    writeln!(out, "|---|---|---|---|---|")?;
    for section in &report.sections {
        writeln!(out, "| | **{}** | | | |", cell(&layout::section_heading(section.section)))?;
        for entry in &section.activities {
            let activity = entry.activity;
            let mut mark = vec![format!("**{}**", lang.say(&words::fulfilment(entry.outcome)))];
            mark.extend(fulfilment_lines(entry, lang).iter().map(|line| cell(line)));
            writeln!(
                out,
                "| {} | {} | {} | {} | {} |",
                activity.number,
                cell(&activity.title),
                cell(&activity.when),
                cell(&responsible(plan, activity, lang)),
                mark.join("<br>")
            )?;
        }
    }
    if with_meetings(report).next().is_some() {
        writeln!(out)?;
        writeln!(out, "## {}", lang.word("charter-heading"))?;
        writeln!(out)?;
        writeln!(out, "| {} |", words::charter_headers(lang).join(" | "))?;
        writeln!(out, "|---|---|---|---|---|")?;
        for entry in with_meetings(report) {
            let Some(meetings) = &entry.meetings else { continue };
            let breaches: Vec<String> = breaches(entry, lang).iter().map(|b| cell(b)).collect();
            writeln!(
                out,
                "| {} | {} | {} | {} | {} |",
                entry.activity.number,
                cell(&rule_title(entry, lang)),
                meetings.verdict.held.len(),
                meetings.required,
                breaches.join("<br>")
            )?;
        }
    }
    writeln!(out)?;
    writeln!(out, "## {}", lang.word("totals-heading"))?;
    writeln!(out)?;
    for (outcome, count) in report.totals.by_outcome() {
        writeln!(out, "- {}: {count}", lang.say(&words::fulfilment(outcome)))?;
    }
    writeln!(out, "- **{}: {}**", lang.word("totals-all"), report.totals.activities)?;
    if let Some(line) = layout::signature_line(plan) {
        writeln!(out)?;
        writeln!(out, "{}", cell(&line))?;
    }
    Ok(())
}

/// The report as a standalone page, styled and printable like `export html`: the columns of spec
/// §7, the meetings against the charter, the totals (never split across pages), the signature.
pub fn html(out: &mut impl Write, report: &Report, plan: &crate::model::Plan, lang: Lang) -> io::Result<()> {
    let [number, what, when, who, mark] = words::report_headers(lang);
    let heading = title(report, plan, lang);
    let totals = &report.totals;
    let body = html! {
        header {
            @if let Some(organization) = &plan.organization {
                p.organization { (escape_block(organization)) }
            }
            h1 { (escape_block(&heading)) }
        }
        table.report {
            colgroup { col.number; col.what; col.when; col.who; col.outcome; }
            thead { tr { th scope="col" { (number) } th scope="col" { (what) } th scope="col" { (when) } th scope="col" { (who) } th scope="col" { (mark) } } }
            @for section in &report.sections {
                tbody {
                    tr.section {
                        th colspan="5" scope="colgroup" { (escape_block(&layout::section_heading(section.section))) }
                    }
                    @for entry in &section.activities {
                        tr class=[(entry.outcome == Outcome::Cancelled).then_some("cancelled")] {
                            td.number { (entry.activity.number) }
                            td { (escape_block(&entry.activity.title)) }
                            td.when { (page::text(&entry.activity.when)) }
                            td.who { (escape_block(&responsible(plan, entry.activity, lang))) }
                            td {
                                strong { (lang.say(&words::fulfilment(entry.outcome))) }
                                @let lines = fulfilment_lines(entry, lang);
                                @if !lines.is_empty() {
                                    ul {
                                        @for line in &lines {
                                            li { (page::text(line)) }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        @if with_meetings(report).next().is_some() {
            section.meetings {
                h2 { (lang.word("charter-heading")) }
                table.meetings {
                    thead { tr { @for heading in words::charter_headers(lang) { th scope="col" { (heading) } } } }
                    tbody {
                        @for entry in with_meetings(report) {
                            @if let Some(meetings) = &entry.meetings {
                                tr {
                                    td.number { (entry.activity.number) }
                                    td { (escape_block(&rule_title(entry, lang))) }
                                    td.count { (meetings.verdict.held.len()) }
                                    td.count { (meetings.required) }
                                    td {
                                        ul { @for breach in breaches(entry, lang) { li { (breach) } } }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        section.totals {
            h2 { (lang.word("totals-heading")) }
            table.totals {
                @for (outcome, count) in totals.by_outcome() {
                    tr { td { (lang.say(&words::fulfilment(outcome))) } td { (count) } }
                }
                tr { th scope="row" { (lang.word("totals-all")) } td { (totals.activities) } }
            }
            (page::signature(plan))
        }
    };
    out.write_all(page::page(lang, &heading, &body).into_string().as_bytes())?;
    writeln!(out)
}

/// The outcome as a stable code for scripts.
fn outcome_code(outcome: Outcome) -> &'static str {
    match outcome {
        Outcome::Held => "done",
        Outcome::NotRecorded => "no-mark",
        Outcome::NotDone => "not-done",
        Outcome::Cancelled => "cancelled",
        Outcome::Planned => "planned",
        Outcome::Open => "in-progress",
    }
}

/// The report for scripts: one object per activity (outcome, dates with notes, result) and one
/// per meeting rule (held, required, breaches). Dates are ISO.
pub fn json(out: &mut impl Write, report: &Report, plan: &crate::model::Plan) -> io::Result<()> {
    use crate::check::rules::Violation as V;
    use serde_json::{Value, json};
    let dated = |dates: &[&Dated]| -> Vec<Value> {
        dates.iter().map(|d| json!({"date": d.date.to_string(), "note": d.note})).collect()
    };
    let entries = || report.sections.iter().flat_map(|s| s.activities.iter().map(move |a| (s.section, a)));
    let activities: Vec<Value> = entries()
        .map(|(section, entry)| {
            let a = entry.activity;
            json!({
                "number": a.number.to_string(),
                "id": a.id,
                "section": section.title,
                "title": a.title,
                "when": a.when,
                "responsible": plan.names(&a.responsible).collect::<Vec<_>>(),
                "agreed_with": plan.names(&a.agreed_with).collect::<Vec<_>>(),
                "by_agreement": plan.names(&a.by_agreement).collect::<Vec<_>>(),
                "outcome": outcome_code(entry.outcome),
                "held": dated(&entry.held),
                "planned": dated(&entry.planned),
                // Dates fixed and missed, as the other formats show them («дата прошла»).
                "planned_passed": dated(&entry.passed),
                "closed": entry.closed.map(|d| d.to_string()),
                "result": a.result,
                "note": a.note,
            })
        })
        .collect();
    let rules: Vec<Value> = entries()
        .filter_map(|(_, entry)| {
            let m = entry.meetings.as_ref()?;
            let v = &m.verdict;
            let breaches: Vec<Value> = m
                .verdict
                .breaches
                .iter()
                .map(|b| match *b {
                    V::GapExceeded { held, due } => json!({"code": "gap-exceeded", "held": held.to_string(),
                        "due": due.to_string(), "days_late": (held - due).num_days()}),
                    V::BlockMissed { from, to, held, needed } => json!({"code": "block-missed",
                        "from": from.to_string(), "to": to.to_string(), "held": held, "needed": needed}),
                    V::Overdue { due, days } => json!({"code": "overdue", "due": due.to_string(), "days_late": days}),
                    V::DueSoon { due, days } => json!({"code": "due-soon", "due": due.to_string(), "days": days}),
                    V::PlannedTooLate { planned, due } => json!({"code": "planned-too-late",
                        "planned": planned.to_string(), "due": due.to_string()}),
                })
                .collect();
            Some(json!({
                "number": entry.activity.number.to_string(),
                "title": entry.activity.title,
                "times": v.recurrence.times,
                (words::unit_key(v.recurrence.unit)): v.recurrence.every,
                "rule": rule_name(Some(v.rule)),
                "held": v.held.iter().map(ToString::to_string).collect::<Vec<_>>(),
                "required": m.required,
                "next_due": v.next_due.to_string(),
                "status": status_name(v.status),
                "breaches": breaches,
            }))
        })
        .collect();
    let t = &report.totals;
    let value = json!({
        "file": plan.path,
        "title": plan.title,
        "as_of": report.as_of.to_string(),
        "period": {"from": plan.period.from.to_string(), "to": plan.period.to.to_string()},
        "activities": activities,
        "rules": rules,
        "totals": {"activities": t.activities, "done": t.held, "no_mark": t.not_recorded, "not_done": t.not_done,
                   "cancelled": t.cancelled, "planned": t.planned, "in_progress": t.open},
    });
    crate::render::json::write(out, &value)
}

/// The command that records a mark for `entry`: `plan result 5.1 "…"`, with `--file` when the
/// plan was named on the command line.
fn record_command(entry: &ActivityReport, file: Option<&str>) -> String {
    let file = file.map(|path| format!(" --file {}", shell_quote(path))).unwrap_or_default();
    format!("plan{file} result {} \"…\"", entry.activity.number)
}

/// A path as a POSIX shell reads it back: as it is when it holds only safe characters, else in
/// single quotes.
fn shell_quote(text: &str) -> String {
    let safe = |c: char| c.is_alphanumeric() || "-_./,:+=@%".contains(c);
    if !text.is_empty() && text.chars().all(safe) {
        text.to_owned()
    } else {
        format!("'{}'", text.replace('\'', "'\\''"))
    }
}

/// `plan report --missing`: what still lacks a mark, each with the command that records it, so
/// that the year can be completed before the report is printed. `file` is the `--file` given;
/// `columns` the terminal's width, to wrap to.
pub fn missing(
    out: &mut impl Write,
    (entries, report): (&[&ActivityReport], &Report),
    lang: Lang,
    paint: Paint,
    file: Option<&str>,
    columns: Option<usize>,
) -> io::Result<()> {
    if entries.is_empty() {
        return writeln!(out, "{}", lang.say(&msg!("report-missing-none", as_of = report.as_of)));
    }
    let heading = lang.say(&msg!("report-missing-heading", count = entries.len(), as_of = report.as_of));
    writeln!(out, "{}", paint.paint(Role::Heading, &hang(&heading, 0, columns)))?;
    for entry in entries {
        writeln!(out)?;
        let number = entry.activity.number.to_string();
        let title = hang(&escape_line(&entry.activity.title), 2 + number.width() + 1, columns);
        writeln!(out, "  {number} {title}")?;
        let mut about = escape_line(&entry.activity.when).into_owned();
        if let Some(closed) = entry.closed {
            about = format!("{about}; {}", lang.say(&msg!("not-recorded", closed = closed)));
        }
        writeln!(out, "    {}", paint.paint(Role::Dim, &hang(&about, 4, columns)))?;
        writeln!(out, "    {}", paint.paint(Role::Help, &escape_line(&record_command(entry, file))))?;
    }
    writeln!(out)?;
    writeln!(out, "{}", hang(&lang.say(&msg!("report-missing-hint")), 0, columns))
}

/// `plan report --missing --format json`: one object per activity that lacks a mark.
pub fn missing_json(out: &mut impl Write, entries: &[&ActivityReport], file: Option<&str>) -> io::Result<()> {
    use serde_json::{Value, json};
    let items: Vec<Value> = entries
        .iter()
        .map(|entry| {
            json!({
                "number": entry.activity.number.to_string(),
                "id": entry.activity.id,
                "title": entry.activity.title,
                "when": entry.activity.when,
                "closed": entry.closed.map(|d| d.to_string()),
                "command": record_command(entry, file),
            })
        })
        .collect();
    crate::render::json::write(out, &Value::Array(items))
}
