//! `plan show`: everything about one activity, label by label.

use std::io::{self, Write};

use unicode_width::UnicodeWidthStr;

use crate::check::RuleReport;
use crate::i18n::{Lang, ShowField};
use crate::model::{Activity, Dated, Plan, Section};
use crate::render::style::{Paint, Role};
use crate::render::{escape_block, escape_line};

/// The activity's fields, skipping the empty ones; `next_due` for recurring activities.
pub fn text(
    out: &mut impl Write,
    plan: &Plan,
    (section, activity): (&Section, &Activity),
    verdict: Option<&RuleReport>,
    lang: Lang,
    paint: Paint,
) -> io::Result<()> {
    writeln!(out, "{}", paint.paint(Role::Heading, &format!("{} {}", activity.number, escape_line(&activity.title))))?;
    let dates = |dates: &[Dated]| {
        dates
            .iter()
            .map(|d| match &d.note {
                Some(note) => format!("{} ({})", d.date, escape_line(note)),
                None => d.date.to_string(),
            })
            .collect::<Vec<_>>()
            .join(", ")
    };
    let mut fields: Vec<(ShowField, String)> =
        vec![(ShowField::Section, format!("{}. {}", section.number, escape_line(&section.title)))];
    if let Some(id) = &activity.id {
        fields.push((ShowField::Id, escape_line(id).into_owned()));
    }
    fields.push((ShowField::When, escape_line(&activity.when).into_owned()));
    fields.push((ShowField::Schedule, lang.schedule(&activity.schedule, plan.period)));
    fields.push((
        ShowField::Responsible,
        escape_line(&plan.names(&activity.responsible).collect::<Vec<_>>().join(", ")).into_owned(),
    ));
    if !activity.agreed_with.is_empty() {
        fields.push((
            ShowField::AgreedWith,
            escape_line(&plan.names(&activity.agreed_with).collect::<Vec<_>>().join(", ")).into_owned(),
        ));
    }
    if let Some(partner) = &activity.partner {
        fields.push((ShowField::Partner, escape_line(partner).into_owned()));
    }
    if activity.recurrence().is_some() {
        fields.push((ShowField::Rule, lang.rule(activity.rule.unwrap_or(crate::model::Rule::Rolling)).to_owned()));
        if let Some(last) = &activity.last_before {
            fields.push((ShowField::LastBefore, last.date.to_string()));
        }
    }
    if !activity.held.is_empty() {
        fields.push((ShowField::Held, dates(&activity.held)));
    }
    if !activity.planned.is_empty() {
        fields.push((ShowField::Planned, dates(&activity.planned)));
    }
    if let Some(verdict) = verdict {
        let status = crate::render::check::status_name(verdict.status);
        // Each breach explained, as `check` and `report` explain it.
        let mut line = format!("{} ({status})", verdict.next_due);
        for breach in verdict.breaches.iter().filter_map(|b| lang.breach(b)) {
            line.push_str("; ");
            line.push_str(&breach);
        }
        fields.push((ShowField::NextDue, line));
    }
    fields.push((ShowField::Status, lang.status(activity.status).to_owned()));
    if let Some(note) = &activity.note {
        fields.push((ShowField::Note, escape_block(note).into_owned()));
    }
    fields.push((
        ShowField::Location,
        format!("{}:{}:{}", escape_line(&plan.path), activity.pos.line, activity.pos.column),
    ));
    let width = fields.iter().map(|(f, _)| lang.show_label(*f).width()).max().unwrap_or(0);
    for (field, value) in fields {
        let label = lang.show_label(field);
        let pad = " ".repeat(width - label.width());
        // A multi-line note keeps its lines, indented under the value column.
        let value = value.replace('\n', &format!("\n  {}  ", " ".repeat(width)));
        writeln!(out, "  {}{pad}  {value}", paint.paint(Role::Dim, label))?;
    }
    Ok(())
}
