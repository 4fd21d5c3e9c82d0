//! `plan check` output: a block per recurring activity, the findings, one summary line; or JSON.

use std::io::{self, Write};

use serde::Serialize;
use unicode_width::UnicodeWidthStr;

use crate::check::rules::Status;
use crate::check::{Report, Severity};
use crate::i18n::{CheckLabel, Lang};
use crate::render::escape_line;
use crate::render::json::rule_name;
use crate::render::style::{Paint, Role};

/// The stable status word of spec §4.
#[must_use]
pub fn status_name(status: Status) -> &'static str {
    match status {
        Status::Ok => "ok",
        Status::DueSoon => "due-soon",
        Status::Overdue => "overdue",
        Status::Violated => "violated",
    }
}

fn status_role(status: Status) -> Role {
    match status {
        Status::Ok => Role::Good,
        Status::DueSoon => Role::Warning,
        Status::Overdue | Status::Violated => Role::Error,
    }
}

/// How much of the text report to print.
#[derive(Debug, Clone, Copy)]
pub struct TextOptions {
    /// `--strict`: warnings make the summary a failure.
    pub strict: bool,
    /// `--quiet`: the findings alone, so that a clean plan prints nothing.
    pub quiet: bool,
}

/// One `FILE:LINE:COL: severity[code]: message` line per finding.
fn findings(out: &mut impl Write, report: &Report, path: &str, lang: Lang, paint: Paint) -> io::Result<()> {
    for finding in &report.findings {
        let severity = finding.what.severity();
        let role = if severity == Severity::Error { Role::Error } else { Role::Warning };
        let head = paint.paint(role, &format!("{}[{}]", lang.severity(severity), finding.what.code()));
        writeln!(
            out,
            "{}:{}:{}: {head}: {}",
            escape_line(path),
            finding.pos.line,
            finding.pos.column,
            lang.finding(finding)
        )?;
    }
    Ok(())
}

/// The text report; `path` names the file in `FILE:LINE:COL`.
pub fn text(
    out: &mut impl Write,
    report: &Report,
    path: &str,
    options: TextOptions,
    lang: Lang,
    paint: Paint,
) -> io::Result<()> {
    if options.quiet {
        return findings(out, report, path, lang, paint);
    }
    let labels = [CheckLabel::Rule, CheckLabel::Held, CheckLabel::NextDue, CheckLabel::Status];
    let width = labels.iter().map(|l| lang.check_label(*l).width()).max().unwrap_or(0);
    let label = |l: CheckLabel| {
        let text = lang.check_label(l);
        format!("{}{}", paint.paint(Role::Dim, text), " ".repeat(width - text.width()))
    };
    if report.rules.is_empty() {
        writeln!(out, "{}", lang.no_rules())?;
    }
    for rule in &report.rules {
        writeln!(out, "{}", paint.paint(Role::Heading, &format!("{} {}", rule.number, escape_line(&rule.title))))?;
        let recurrence = crate::when::Recurrence { times: rule.times, months: rule.months, as_needed: rule.as_needed };
        writeln!(
            out,
            "  {}  {} [{}]",
            label(CheckLabel::Rule),
            lang.recurrence(&recurrence),
            rule_name(Some(rule.rule))
        )?;
        let held = if rule.held.is_empty() {
            lang.check_label(CheckLabel::None).to_owned()
        } else {
            rule.held.iter().map(ToString::to_string).collect::<Vec<_>>().join(", ")
        };
        writeln!(out, "  {}  {held}", label(CheckLabel::Held))?;
        writeln!(out, "  {}  {}", label(CheckLabel::NextDue), rule.next_due)?;
        writeln!(
            out,
            "  {}  {}",
            label(CheckLabel::Status),
            paint.paint(status_role(rule.status), status_name(rule.status))
        )?;
        writeln!(out)?;
    }
    findings(out, report, path, lang, paint)?;
    if !report.findings.is_empty() {
        writeln!(out)?;
    }
    let role = if report.ok(options.strict) { Role::Good } else { Role::Error };
    if let Some(start) = report.not_started {
        // Never "no problems": nothing has been judged yet.
        writeln!(out, "{}", paint.paint(Role::Warning, &lang.plan_not_started(start)))?;
        if report.findings.is_empty() {
            return Ok(());
        }
    }
    let summary = lang.check_summary(report.errors(), report.warnings(), report.as_of);
    writeln!(out, "{}", paint.paint(role, &summary))
}

#[derive(Serialize)]
struct ReportJson<'r> {
    file: &'r str,
    as_of: String,
    ok: bool,
    errors: usize,
    warnings: usize,
    /// Only when the as-of date is before the plan's start: that start, and why nothing is due.
    #[serde(skip_serializing_if = "Option::is_none")]
    not_started: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    note: Option<String>,
    rules: Vec<RuleJson<'r>>,
    findings: Vec<FindingJson>,
}

#[derive(Serialize)]
struct RuleJson<'r> {
    number: String,
    title: &'r str,
    times: u32,
    months: u32,
    rule: &'static str,
    held: Vec<String>,
    next_due: String,
    status: &'static str,
}

#[derive(Serialize)]
struct FindingJson {
    code: &'static str,
    severity: &'static str,
    number: Option<String>,
    line: u32,
    column: u32,
    message: String,
}

/// The JSON report of spec §4.
pub fn json(out: &mut impl Write, report: &Report, path: &str, strict: bool, lang: Lang) -> io::Result<()> {
    let value = ReportJson {
        file: path,
        as_of: report.as_of.to_string(),
        ok: report.ok(strict),
        errors: report.errors(),
        warnings: report.warnings(),
        not_started: report.not_started.map(|d| d.to_string()),
        note: report.not_started.map(|d| lang.plan_not_started(d)),
        rules: report
            .rules
            .iter()
            .map(|r| RuleJson {
                number: r.number.to_string(),
                title: &r.title,
                times: r.times,
                months: r.months,
                rule: rule_name(Some(r.rule)),
                held: r.held.iter().map(ToString::to_string).collect(),
                next_due: r.next_due.to_string(),
                status: status_name(r.status),
            })
            .collect(),
        findings: report
            .findings
            .iter()
            .map(|f| FindingJson {
                code: f.what.code(),
                severity: match f.what.severity() {
                    Severity::Error => "error",
                    Severity::Warning => "warning",
                },
                number: f.number.map(|n| n.to_string()),
                line: f.pos.line,
                column: f.pos.column,
                message: lang.finding(f),
            })
            .collect(),
    };
    crate::render::json::write(out, &value)
}
