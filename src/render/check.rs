//! `plan check` output: a block per recurring activity, the findings, one summary line; or JSON.

use std::io::{self, Write};

use serde::{Serialize, Serializer};
use unicode_width::UnicodeWidthStr;

use crate::check::rules::Status;
use crate::check::{Finding, Report, RuleReport, Severity};
use crate::i18n::{Lang, msg};
use crate::model::Number;
use crate::render::json::{Iso, IsoDates, as_text, rule_name};
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

/// The JSON report of spec §4, a borrowed view of the [`Report`]: the rules and the findings
/// are written as they are said, with no list of them built first.
#[derive(Serialize)]
struct ReportJson<'r> {
    file: &'r str,
    as_of: Iso,
    ok: bool,
    errors: usize,
    warnings: usize,
    /// Only when the as-of date is before the plan's start: that start, and why nothing is due.
    #[serde(skip_serializing_if = "Option::is_none")]
    not_started: Option<Iso>,
    #[serde(skip_serializing_if = "Option::is_none")]
    note: Option<String>,
    rules: Rules<'r>,
    findings: Findings<'r>,
}

#[derive(Serialize)]
struct RuleJson<'r> {
    #[serde(serialize_with = "as_text")]
    number: Number,
    title: &'r str,
    times: u32,
    /// Months for a monthly rule (spec §4), absent for a weekly one.
    #[serde(skip_serializing_if = "Option::is_none")]
    months: Option<u32>,
    /// Weeks for a weekly rule (spec §2), in place of `months`.
    #[serde(skip_serializing_if = "Option::is_none")]
    weeks: Option<u32>,
    rule: &'static str,
    held: IsoDates<'r>,
    next_due: Iso,
    status: &'static str,
}

#[derive(Serialize)]
struct FindingJson {
    code: &'static str,
    severity: &'static str,
    #[serde(serialize_with = "optional_text")]
    number: Option<Number>,
    line: u32,
    column: u32,
    message: String,
}

/// The rules of a report, each viewed as a [`RuleJson`].
struct Rules<'r>(&'r [RuleReport]);

impl Serialize for Rules<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.0.iter().map(|r| RuleJson {
            number: r.number,
            title: &r.title,
            times: r.recurrence.times,
            months: (r.recurrence.unit == Unit::Month).then_some(r.recurrence.every),
            weeks: (r.recurrence.unit == Unit::Week).then_some(r.recurrence.every),
            rule: rule_name(Some(r.rule)),
            held: IsoDates(&r.held),
            next_due: Iso(r.next_due),
            status: status_name(r.status),
        }))
    }
}

/// The findings of a report, each said in `lang` as it is written.
struct Findings<'r>(&'r [Finding], Lang);

impl Serialize for Findings<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let lang = self.1;
        serializer.collect_seq(self.0.iter().map(|f| FindingJson {
            code: f.what.code(),
            severity: severity_name(f.what.severity()),
            number: f.number,
            line: f.pos.line,
            column: f.pos.column,
            message: escape_line(&lang.say(&f.message())).into_owned(),
        }))
    }
}

/// An activity number as its text, or `null`.
#[allow(clippy::ref_option)] // the signature `serialize_with` calls
fn optional_text<S: Serializer>(number: &Option<Number>, serializer: S) -> Result<S::Ok, S::Error> {
    match number {
        Some(number) => as_text(number, serializer),
        None => serializer.serialize_none(),
    }
}

/// The JSON report of spec §4.
pub fn json(out: &mut impl Write, report: &Report, path: &str, strict: bool, lang: Lang) -> io::Result<()> {
    let view = ReportJson {
        file: path,
        as_of: Iso(report.as_of),
        ok: report.ok(strict),
        errors: report.errors(),
        warnings: report.warnings(),
        not_started: report.not_started.map(Iso),
        note: report.not_started.map(|d| not_started(d, lang)),
        rules: Rules(&report.rules),
        findings: Findings(&report.findings, lang),
    };
    crate::render::json::write(out, &view)
}

fn severity_name(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    }
}

#[cfg(test)]
mod json_tests {
    use super::*;

    const PLAN: &str = "[plan]\ntitle = \"t\"\nyear = 2019\n[parties.p]\nname = \"P\"\n[[section]]\ntitle = \"S\"\n\
                        responsible = [\"p\"]\n[[section.activity]]\ntitle = \"Заседание\"\n\
                        when = \"не реже 1 раза в 3 месяца\"\nheld = [2019-02-01]\n[[section.activity]]\n\
                        title = \"Выборы\"\nwhen = \"май\"\nheld = [2019-07-03]\n";

    fn json_at(as_of: &str, lang: Lang) -> String {
        let plan = crate::model::parse("plan.toml", PLAN.as_bytes()).unwrap();
        let report = crate::check::check(&plan, crate::check::Options::at(as_of.parse().unwrap()));
        let mut out = Vec::new();
        json(&mut out, &report, "plans/2019.toml", false, lang).unwrap();
        String::from_utf8(out).unwrap()
    }

    /// Spec §4's shape, whole: held 01.02 on a three-month rule is due 01.05 and by 31.12 is
    /// 244 days late (30 + 30 + 31 + 31 + 30 + 31 + 30 + 31); the May meeting held in July is
    /// outside its window, at the date's line and column.
    #[test]
    fn the_report_has_the_spec_shape() {
        assert_eq!(
            json_at("2019-12-31", Lang::En),
            r#"{
  "file": "plans/2019.toml",
  "as_of": "2019-12-31",
  "ok": false,
  "errors": 1,
  "warnings": 1,
  "rules": [
    {
      "number": "1.1",
      "title": "Заседание",
      "times": 1,
      "months": 3,
      "rule": "rolling",
      "held": [
        "2019-02-01"
      ],
      "next_due": "2019-05-01",
      "status": "overdue"
    }
  ],
  "findings": [
    {
      "code": "overdue",
      "severity": "error",
      "number": "1.1",
      "line": 9,
      "column": 1,
      "message": "1.1 «Заседание»: overdue by 244 days: the next meeting was due by 2019-05-01"
    },
    {
      "code": "held-outside-window",
      "severity": "warning",
      "number": "1.2",
      "line": 16,
      "column": 9,
      "message": "1.2 «Выборы»: held 2019-07-03, outside its time"
    }
  ]
}
"#
        );
    }

    #[test]
    fn before_the_plan_starts_the_report_says_why_nothing_is_due() {
        let value: serde_json::Value = serde_json::from_str(&json_at("2018-12-31", Lang::Ru)).unwrap();
        assert_eq!(value["not_started"], "2019-01-01");
        assert_eq!(value["ok"], true);
        assert_eq!(value["rules"][0]["held"], serde_json::json!([]));
        assert_eq!(value["rules"][0]["next_due"], "2019-04-01");
        let note = value["note"].as_str().unwrap();
        assert!(note.contains("01.01.2019"), "{note}");
        // Only the finding that does not hang on the as-of date, said in Russian.
        assert_eq!(value["findings"].as_array().unwrap().len(), 1);
        let message = value["findings"][0]["message"].as_str().unwrap();
        assert!(message.starts_with("1.2 «Выборы»") && message.contains("03.07.2019"), "{message}");
        // A clean report has no not_started, and no note.
        assert!(!json_at("2019-03-01", Lang::En).contains("\"note\""));
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
