//! `plan report`: the fulfilment report as text, Markdown or an HTML page.
//!
//! All three show the same facts, built once by [`crate::report`]: per section, each activity
//! with its outcome and what backs it (held dates with their notes, planned dates, the closed
//! time of an unrecorded one, meetings held against required with the next due date), then the
//! totals.

use std::io::{self, Write};

use maud::html;
use unicode_width::UnicodeWidthStr;

use crate::check::rules::Status as Verdict;
use crate::i18n::{Lang, Message, msg};
use crate::model::Dated;
use crate::render::markdown::cell;
use crate::render::style::{Paint, Role};
use crate::render::words;
use crate::render::{escape_block, escape_line, html as page, numbered_title};
use crate::report::{ActivityReport, Outcome, Report};
use crate::when::Recurrence;

/// The heading line: "Fulfilment report as of 2019-12-31".
fn title(report: &Report, lang: Lang) -> String {
    format!("{} {}", lang.word("report-title"), lang.say(&msg!("as-of", date = report.as_of)))
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
        .map(|(outcome, count)| msg!("report-total-part", count = count, outcome = words::outcome(outcome)))
        .collect();
    lang.say(&msg!("report-totals", count = report.totals.activities, parts = parts))
}

/// The column headings of the report as a table (Markdown and HTML).
fn headers(lang: Lang) -> [String; 4] {
    [lang.word("report-activity"), lang.word("report-time"), lang.word("report-result"), lang.word("report-details")]
}

/// The outcome, with when the time ended for an unrecorded activity.
fn outcome(entry: &ActivityReport, lang: Lang) -> String {
    match (entry.outcome, entry.closed) {
        (Outcome::NotRecorded, Some(closed)) => {
            format!(
                "{} ({})",
                lang.say(&words::outcome(entry.outcome)),
                lang.say(&msg!("not-recorded", closed = closed))
            )
        }
        (outcome, _) => lang.say(&words::outcome(outcome)),
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
    if let Some(meetings) = &entry.meetings {
        let v = &meetings.verdict;
        let recurrence = Recurrence { times: v.times, months: v.months, as_needed: v.as_needed };
        lines.push((
            ReportLabel::Meetings,
            format!(
                "{} ({} [{}])",
                lang.say(&msg!(
                    "meetings-tally",
                    held = v.held.len(),
                    required = meetings.required,
                    as_of = report.as_of
                )),
                lang.say(&words::recurrence(&recurrence)),
                lang.say(&words::rule_short(v.rule))
            ),
        ));
        lines.push((ReportLabel::NextDue, format!("{} ({})", lang.date(v.next_due), lang.say(&v.status.message()))));
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
) -> io::Result<()> {
    writeln!(out, "{}", paint.paint(Role::Heading, &title(report, lang)))?;
    writeln!(out, "{}", escape_line(&plan.title))?;
    if let Some(organization) = &plan.organization {
        writeln!(out, "{}", escape_line(organization))?;
    }
    let labels = [
        ReportLabel::Outcome,
        ReportLabel::When,
        ReportLabel::Held,
        ReportLabel::Planned,
        ReportLabel::Meetings,
        ReportLabel::NextDue,
        ReportLabel::Note,
    ];
    let width = labels.iter().map(|l| lang.say(&l.message()).width()).max().unwrap_or(0);
    let label = |l: ReportLabel| {
        let text = lang.say(&l.message());
        format!("    {}{}  ", paint.paint(Role::Dim, &text), " ".repeat(width - text.width()))
    };
    // A multi-line note keeps its lines, indented under the value column.
    let continuation = format!("\n{}", " ".repeat(4 + width + 2));
    for section in &report.sections {
        writeln!(out)?;
        let heading = format!("{}. {}", section.section.number, escape_line(&section.section.title));
        writeln!(out, "{}", paint.paint(Role::Heading, &heading))?;
        for entry in &section.activities {
            writeln!(out)?;
            writeln!(out, "  {} {}", entry.activity.number, escape_line(&entry.activity.title))?;
            writeln!(
                out,
                "{}{}",
                label(ReportLabel::Outcome),
                paint.paint(outcome_role(entry), &outcome(entry, lang))
            )?;
            for (l, value) in details(entry, report, lang) {
                writeln!(out, "{}{}", label(l), escape_block(&value).replace('\n', &continuation))?;
            }
        }
    }
    writeln!(out)?;
    let total = format!("{}: {}", lang.word("report-total"), totals(report, lang));
    writeln!(out, "{}", paint.paint(Role::Heading, &total))
}

/// The report as Markdown: a title, one table with a bold heading row per section, the totals.
pub fn markdown(out: &mut impl Write, report: &Report, plan: &crate::model::Plan, lang: Lang) -> io::Result<()> {
    writeln!(out, "# {}", cell(&title(report, lang)))?;
    writeln!(out)?;
    writeln!(out, "**{}**", cell(&plan.title))?;
    if let Some(organization) = &plan.organization {
        writeln!(out)?;
        writeln!(out, "{}", cell(organization))?;
    }
    writeln!(out)?;
    let [what, when, result, more] = headers(lang);
    writeln!(out, "| {what} | {when} | {result} | {more} |")?;
    writeln!(out, "|---|---|---|---|")?;
    for section in &report.sections {
        writeln!(out, "| **{}. {}** | | | |", section.section.number, cell(&section.section.title))?;
        for entry in &section.activities {
            let lines: Vec<String> = details(entry, report, lang)
                .into_iter()
                .filter(|(l, _)| *l != ReportLabel::When)
                .map(|(l, value)| format!("{}: {}", lang.say(&l.message()), value))
                .collect();
            writeln!(
                out,
                "| {} | {} | {} | {} |",
                cell(&numbered_title(entry.activity, lang)),
                cell(&entry.activity.when),
                cell(&outcome(entry, lang)),
                cell(&lines.join("\n"))
            )?;
        }
    }
    writeln!(out)?;
    writeln!(out, "**{}:** {}", lang.word("report-total"), cell(&totals(report, lang)))
}

/// The report as a standalone page, styled and printable like `export html`.
pub fn html(out: &mut impl Write, report: &Report, plan: &crate::model::Plan, lang: Lang) -> io::Result<()> {
    let [what, when, result, more] = headers(lang);
    let heading = title(report, lang);
    let totals = &report.totals;
    let counts = totals.by_outcome();
    let body = html! {
        (page::heading(plan, Some(&heading)))
        table.report {
            colgroup { col.what; col.when; col.outcome; col.details; }
            thead { tr { th scope="col" { (what) } th scope="col" { (when) } th scope="col" { (result) } th scope="col" { (more) } } }
            @for section in &report.sections {
                tbody {
                    tr.section {
                        th colspan="4" scope="colgroup" { (section.section.number) ". " (escape_block(&section.section.title)) }
                    }
                    @for entry in &section.activities {
                        tr class=[(entry.outcome == Outcome::Cancelled).then_some("cancelled")] {
                            td { (escape_block(&numbered_title(entry.activity, lang))) }
                            td { (page::text(&entry.activity.when)) }
                            td { (page::text(&outcome(entry, lang))) }
                            td {
                                @let lines: Vec<_> = details(entry, report, lang).into_iter().filter(|(l, _)| *l != ReportLabel::When).collect();
                                @if !lines.is_empty() {
                                    ul {
                                        @for (label, value) in lines {
                                            li { (lang.say(&label.message())) ": " (page::text(&value)) }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        table.totals {
            @for (outcome, count) in counts {
                tr { td { (lang.say(&words::outcome(outcome))) } td { (count) } }
            }
            tr { th scope="row" { (lang.word("report-total")) } td { (totals.activities) } }
        }
    };
    out.write_all(page::page(lang, &format!("{heading} — {}", plan.title), &body).into_string().as_bytes())?;
    writeln!(out)
}
