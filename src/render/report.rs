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
use crate::i18n::{Lang, ReportLabel};
use crate::model::Dated;
use crate::render::check::status_name;
use crate::render::json::rule_name;
use crate::render::markdown::cell;
use crate::render::style::{Paint, Role};
use crate::render::{escape_block, escape_line, html as page, numbered_title};
use crate::report::{ActivityReport, Outcome, Report};
use crate::when::Recurrence;

/// The heading line: "Fulfilment report as of 2019-12-31".
fn title(report: &Report, lang: Lang) -> String {
    format!("{} {}", lang.report_title(), lang.as_of(report.as_of))
}

/// The outcome, with when the time ended for an unrecorded activity.
fn outcome(entry: &ActivityReport, lang: Lang) -> String {
    match (entry.outcome, entry.closed) {
        (Outcome::NotRecorded, Some(closed)) => {
            format!("{} ({})", lang.outcome(entry.outcome), lang.not_recorded(closed))
        }
        (outcome, _) => lang.outcome(outcome).to_owned(),
    }
}

/// The lines under an activity, raw (each format escapes them): its time, held and planned dates,
/// meetings held against required, the next due date, its note.
fn details(entry: &ActivityReport, report: &Report, lang: Lang) -> Vec<(ReportLabel, String)> {
    let dates = |dates: &[&Dated]| {
        dates
            .iter()
            .map(|d| match &d.note {
                Some(note) => format!("{} ({note})", d.date),
                None => d.date.to_string(),
            })
            .collect::<Vec<_>>()
            .join(", ")
    };
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
                lang.meetings_tally(v.held.len(), meetings.required, report.as_of),
                lang.recurrence(&recurrence),
                rule_name(Some(v.rule))
            ),
        ));
        lines.push((ReportLabel::NextDue, format!("{} ({})", v.next_due, status_name(v.status))));
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
    let width = labels.iter().map(|l| lang.report_label(*l).width()).max().unwrap_or(0);
    let label = |l: ReportLabel| {
        let text = lang.report_label(l);
        format!("    {}{}  ", paint.paint(Role::Dim, text), " ".repeat(width - text.width()))
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
    let total = format!("{}: {}", lang.report_label(ReportLabel::Total), lang.report_totals(&report.totals));
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
    let [what, when, result, more] = lang.report_headers();
    writeln!(out, "| {what} | {when} | {result} | {more} |")?;
    writeln!(out, "|---|---|---|---|")?;
    for section in &report.sections {
        writeln!(out, "| **{}. {}** | | | |", section.section.number, cell(&section.section.title))?;
        for entry in &section.activities {
            let lines: Vec<String> = details(entry, report, lang)
                .into_iter()
                .filter(|(l, _)| *l != ReportLabel::When)
                .map(|(l, value)| format!("{}: {}", lang.report_label(l), value))
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
    writeln!(out, "**{}:** {}", lang.report_label(ReportLabel::Total), cell(&lang.report_totals(&report.totals)))
}

/// The report as a standalone page, styled and printable like `export html`.
pub fn html(out: &mut impl Write, report: &Report, plan: &crate::model::Plan, lang: Lang) -> io::Result<()> {
    let [what, when, result, more] = lang.report_headers();
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
                            td { (escape_block(&entry.activity.when)) }
                            td { (outcome(entry, lang)) }
                            td {
                                @let lines: Vec<_> = details(entry, report, lang).into_iter().filter(|(l, _)| *l != ReportLabel::When).collect();
                                @if !lines.is_empty() {
                                    ul {
                                        @for (label, value) in lines {
                                            li { (lang.report_label(label)) ": " (escape_block(&value)) }
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
                tr { td { (lang.outcome(outcome)) } td { (count) } }
            }
            tr { th scope="row" { (lang.report_label(ReportLabel::Total)) } td { (totals.activities) } }
        }
    };
    out.write_all(page::page(lang, &format!("{heading} — {}", plan.title), &body).into_string().as_bytes())?;
    writeln!(out)
}

/// The outcome as a stable code for scripts.
fn outcome_code(outcome: Outcome) -> &'static str {
    match outcome {
        Outcome::Held => "done",
        Outcome::NotRecorded => "not-done",
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
                "outcome": outcome_code(entry.outcome),
                "held": dated(&entry.held),
                "planned": dated(&entry.planned),
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
                .breaches
                .iter()
                .map(|b| match *b {
                    V::GapExceeded { held, due } => json!({"code": "gap-exceeded", "held": held.to_string(),
                        "due": due.to_string(), "days_late": (held - due).num_days()}),
                    V::BlockMissed { from, to, held, needed } => json!({"code": "block-missed",
                        "from": from.to_string(), "to": to.to_string(), "held": held, "needed": needed}),
                    V::Overdue { due } => json!({"code": "overdue", "due": due.to_string()}),
                    V::DueSoon { due, days } => json!({"code": "due-soon", "due": due.to_string(), "days": days}),
                    V::PlannedTooLate { planned, due } => json!({"code": "planned-too-late",
                        "planned": planned.to_string(), "due": due.to_string()}),
                })
                .collect();
            Some(json!({
                "number": entry.activity.number.to_string(),
                "title": entry.activity.title,
                "times": v.times,
                "months": v.months,
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
        "totals": {"activities": t.activities, "done": t.held, "not_done": t.not_recorded,
                   "cancelled": t.cancelled, "planned": t.planned, "in_progress": t.open},
    });
    crate::render::json::write(out, &value)
}
