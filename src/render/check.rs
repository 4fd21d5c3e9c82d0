//! `plan check` output: a block per recurring activity, the findings, one summary line; or JSON.

use std::io::{self, Write};

use serde::Serialize;
use unicode_width::UnicodeWidthStr;

use crate::check::rules::Status;
use crate::check::{Finding, Report, Severity};
use crate::i18n::{Lang, msg};
use crate::render::json::{Iso, rule_name};
use crate::render::style::{Paint, Role};
use crate::render::{escape_line, words};
use crate::when::Unit;

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

/// `check` with an as-of date before the plan's start: said plainly, never "no problems". The
/// date is written ДД.ММ.ГГГГ in both languages, as the spec words the message.
fn not_started(start: chrono::NaiveDate, lang: Lang) -> String {
    lang.say(&msg!("check-not-started", start = start.format("%d.%m.%Y").to_string()))
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
    finding_lines(out, report.findings.iter(), path, lang, paint)
}

/// One `FILE:LINE:COL: severity[code]: message` line for each of `findings` (the pre-commit hook
/// prints only those a commit brings).
pub fn finding_lines<'f>(
    out: &mut impl Write,
    findings: impl IntoIterator<Item = &'f crate::check::Finding>,
    path: &str,
    lang: Lang,
    paint: Paint,
) -> io::Result<()> {
    for finding in findings {
        let severity = finding.what.severity();
        let role = if severity == Severity::Error { Role::Error } else { Role::Warning };
        let head = paint.paint(role, &format!("{}[{}]", lang.say(&severity.message()), finding.what.code()));
        writeln!(
            out,
            "{}:{}:{}: {head}: {}",
            escape_line(path),
            finding.pos.line,
            finding.pos.column,
            escape_line(&lang.say(&finding.message()))
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
    let [rule_label, held_label, due_label, status_label] =
        [lang.word("check-rule"), lang.word("check-held"), lang.word("check-next-due"), lang.word("check-status")];
    let width = [&rule_label, &held_label, &due_label, &status_label].iter().map(|l| l.width()).max().unwrap_or(0);
    let label = |text: &str| format!("{}{}", paint.paint(Role::Dim, text), " ".repeat(width - text.width()));
    if report.rules.is_empty() {
        writeln!(out, "{}", lang.word("no-rules"))?;
    }
    for rule in &report.rules {
        writeln!(out, "{}", paint.paint(Role::Heading, &format!("{} {}", rule.number, escape_line(&rule.title))))?;
        writeln!(
            out,
            "  {}  {} [{}]",
            label(&rule_label),
            lang.say(&words::recurrence(&rule.recurrence)),
            lang.say(&words::rule_short(rule.rule))
        )?;
        let held = if rule.held.is_empty() {
            lang.word("check-none")
        } else {
            rule.held.iter().map(|d| lang.date(*d)).collect::<Vec<_>>().join(", ")
        };
        writeln!(out, "  {}  {held}", label(&held_label))?;
        writeln!(out, "  {}  {}", label(&due_label), lang.date(rule.next_due))?;
        writeln!(
            out,
            "  {}  {}",
            label(&status_label),
            paint.paint(status_role(rule.status), &lang.say(&rule.status.message()))
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
        writeln!(out, "{}", paint.paint(Role::Warning, &not_started(start, lang)))?;
        if report.findings.is_empty() {
            return Ok(());
        }
    }
    let summary = if report.errors() + report.warnings() == 0 {
        lang.say(&msg!("check-ok", as_of = report.as_of))
    } else {
        lang.say(&msg!("check-summary", errors = report.errors(), warnings = report.warnings(), as_of = report.as_of))
    };
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
    /// Written by hand after the rest ([`findings_json`]); kept here for the test that holds the
    /// two to the same bytes.
    #[serde(skip_serializing_if = "Option::is_none")]
    findings: Option<Vec<FindingJson>>,
}

#[derive(Serialize)]
struct RuleJson<'r> {
    number: String,
    title: &'r str,
    times: u32,
    /// Months for a monthly rule (spec §4), absent for a weekly one.
    #[serde(skip_serializing_if = "Option::is_none")]
    months: Option<u32>,
    /// Weeks for a weekly rule (spec §2), in place of `months`.
    #[serde(skip_serializing_if = "Option::is_none")]
    weeks: Option<u32>,
    rule: &'static str,
    held: Vec<Iso>,
    next_due: Iso,
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
///
/// The findings, tens of thousands on a large plan, are written by hand after the rest: each
/// message is checked in one pass for anything to escape and copied whole, where `serde_json`
/// looks every byte up in a table. A test holds the bytes to `serde_json`'s.
pub fn json(out: &mut impl Write, report: &Report, path: &str, strict: bool, lang: Lang) -> io::Result<()> {
    let mut head = Vec::new();
    crate::render::json::write(&mut head, &report_json(report, path, strict, lang, false))?;
    // `head` ends with the last field, then `\n}\n`: the findings go before that brace.
    head.truncate(head.len().saturating_sub(3));
    out.write_all(&head)?;
    out.write_all(b",\n  \"findings\": ")?;
    findings_json(out, report, lang)?;
    out.write_all(b"\n}\n")
}

fn report_json<'r>(report: &'r Report, path: &'r str, strict: bool, lang: Lang, findings: bool) -> ReportJson<'r> {
    ReportJson {
        file: path,
        as_of: report.as_of.to_string(),
        ok: report.ok(strict),
        errors: report.errors(),
        warnings: report.warnings(),
        not_started: report.not_started.map(|d| d.to_string()),
        note: report.not_started.map(|d| not_started(d, lang)),
        rules: report
            .rules
            .iter()
            .map(|r| RuleJson {
                number: r.number.to_string(),
                title: &r.title,
                times: r.recurrence.times,
                months: (r.recurrence.unit == Unit::Month).then_some(r.recurrence.every),
                weeks: (r.recurrence.unit == Unit::Week).then_some(r.recurrence.every),
                rule: rule_name(Some(r.rule)),
                held: r.held.iter().copied().map(Iso).collect(),
                next_due: Iso(r.next_due),
                status: status_name(r.status),
            })
            .collect(),
        findings: findings.then(|| report.findings.iter().map(|f| finding_json(f, lang)).collect()),
    }
}

fn finding_json(f: &Finding, lang: Lang) -> FindingJson {
    FindingJson {
        code: f.what.code(),
        severity: severity_name(f.what.severity()),
        number: f.number.map(|n| n.to_string()),
        line: f.pos.line,
        column: f.pos.column,
        message: escape_line(&lang.say(&f.message())).into_owned(),
    }
}

fn severity_name(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    }
}

/// The findings as `serde_json`'s pretty printer writes them at the report's second level.
fn findings_json(out: &mut impl Write, report: &Report, lang: Lang) -> io::Result<()> {
    use crate::render::json::json_string;
    if report.findings.is_empty() {
        return out.write_all(b"[]");
    }
    let mut buf = Vec::with_capacity(512);
    for (i, f) in report.findings.iter().enumerate() {
        buf.clear();
        buf.extend_from_slice(if i == 0 { b"[\n    {\n      \"code\": " } else { b",\n    {\n      \"code\": " });
        json_string(&mut buf, f.what.code());
        buf.extend_from_slice(b",\n      \"severity\": ");
        json_string(&mut buf, severity_name(f.what.severity()));
        buf.extend_from_slice(b",\n      \"number\": ");
        match f.number {
            Some(number) => {
                buf.push(b'"');
                decimal(&mut buf, number.section);
                buf.push(b'.');
                decimal(&mut buf, number.activity);
                buf.push(b'"');
            }
            None => buf.extend_from_slice(b"null"),
        }
        buf.extend_from_slice(b",\n      \"line\": ");
        decimal(&mut buf, f.pos.line);
        buf.extend_from_slice(b",\n      \"column\": ");
        decimal(&mut buf, f.pos.column);
        buf.extend_from_slice(b",\n      \"message\": ");
        json_string(&mut buf, &escape_line(&lang.say(&f.message())));
        buf.extend_from_slice(b"\n    }");
        out.write_all(&buf)?;
    }
    out.write_all(b"\n  ]")
}

/// `n` in decimal, as `Display` writes it.
fn decimal(buf: &mut Vec<u8>, n: u32) {
    let mut digits = [0u8; 10];
    let mut at = digits.len();
    let mut rest = n;
    loop {
        at -= 1;
        digits[at] = b'0' + u8::try_from(rest % 10).unwrap_or(0);
        rest /= 10;
        if rest == 0 {
            break;
        }
    }
    buf.extend_from_slice(&digits[at..]);
}

#[cfg(test)]
mod json_tests {
    use super::*;

    /// The findings written by hand are the bytes `serde_json` writes for the whole report.
    #[test]
    fn the_report_written_by_hand_is_what_serde_json_writes() {
        for plan in crate::render::fixture_plans() {
            for as_of in ["2018-06-01", "2019-04-15", "2019-12-31", "2021-03-01"] {
                let report = crate::check::check(&plan, crate::check::Options::at(as_of.parse().unwrap()));
                for lang in [Lang::En, Lang::Ru] {
                    let mut fast = Vec::new();
                    json(&mut fast, &report, "plan.toml", false, lang).unwrap();
                    let mut slow = Vec::new();
                    crate::render::json::write(&mut slow, &report_json(&report, "plan.toml", false, lang, true))
                        .unwrap();
                    assert_eq!(
                        String::from_utf8(fast).unwrap(),
                        String::from_utf8(slow).unwrap(),
                        "{} {as_of}",
                        plan.path
                    );
                }
            }
        }
    }
}

#[cfg(test)]
mod weekly_tests {
    use super::*;

    fn weekly_report() -> Report {
        let text = "[plan]\ntitle = \"T\"\nyear = 2019\n[parties.p]\nname = \"P\"\n[[section]]\ntitle = \"S\"\n\
                    [[section.activity]]\ntitle = \"A\"\nwhen = \"ежемесячно\"\nresponsible = [\"p\"]\n";
        let mut plan = crate::model::parse("t.toml", text.as_bytes()).unwrap();
        plan.sections[0].activities[0].schedule = crate::when::Schedule::AtLeast(crate::when::Recurrence {
            times: 1,
            every: 2,
            unit: Unit::Week,
            as_needed: false,
        });
        crate::check::check(&plan, crate::check::Options::at("2019-01-05".parse().unwrap()))
    }

    #[test]
    fn a_weekly_rule_has_weeks_in_json_and_words_in_text() {
        let report = weekly_report();
        let mut out = Vec::new();
        json(&mut out, &report, "t.toml", false, Lang::En).unwrap();
        let value: serde_json::Value = serde_json::from_slice(&out).unwrap();
        assert_eq!(value["rules"][0]["weeks"], 2);
        assert!(value["rules"][0].get("months").is_none(), "{value}");
        assert_eq!(value["rules"][0]["next_due"], "2019-01-15");
        for (lang, words) in [(Lang::En, "once every 2 weeks"), (Lang::Ru, "раз в 2 недели")] {
            let mut out = Vec::new();
            let options = TextOptions { strict: false, quiet: false };
            text(&mut out, &report, "t.toml", options, lang, Paint::new(false)).unwrap();
            let out = String::from_utf8(out).unwrap();
            assert!(out.contains(words), "{out}");
        }
    }
}
