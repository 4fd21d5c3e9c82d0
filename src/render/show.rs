//! `plan show`: everything about one activity, label by label.

use std::io::{self, Write};

use unicode_width::UnicodeWidthStr;

use crate::check::RuleReport;
use crate::i18n::{Lang, Message, msg};
use crate::model::{Activity, Dated, Plan, Section};
use crate::render::style::{Paint, Role};
use crate::render::{escape_block, escape_line, hang, words};

/// The activity's fields, skipping the empty ones; `next_due` for recurring activities; the
/// outcome the report gives it (`judgement`). With a
/// `width` (a terminal's), the heading and long values wrap under themselves.
pub fn text(
    out: &mut impl Write,
    plan: &Plan,
    (section, activity): (&Section, &Activity),
    (verdict, judgement): (Option<&RuleReport>, crate::check::outcome::Judgement),
    lang: Lang,
    paint: Paint,
    width: Option<usize>,
) -> io::Result<()> {
    let number = activity.number.to_string();
    let heading = format!("{number} {}", hang(&escape_line(&activity.title), number.width() + 1, width));
    writeln!(out, "{}", paint.paint(Role::Heading, &heading))?;
    let dates = |dates: &[Dated]| escape_line(&words::dates(lang, dates)).into_owned();
    let mut fields: Vec<(Message, String)> =
        vec![(msg!("show-section"), format!("{}. {}", section.number, escape_line(&section.title)))];
    if let Some(id) = &activity.id {
        fields.push((msg!("show-id"), escape_line(id).into_owned()));
    }
    fields.push((msg!("show-when"), escape_line(&activity.when).into_owned()));
    if let Some(period) = &activity.period {
        fields.push((msg!("show-period"), escape_line(period).into_owned()));
    }
    fields.push((msg!("show-meaning"), lang.say(&words::schedule(&activity.schedule, plan.period))));
    // What `when` says besides its dates: shown, never judged.
    let aside = &activity.aside;
    let said = |span| crate::when::Aside::words(&activity.when, span).map(|w| escape_line(w).into_owned());
    if let Some(time) = said(aside.time.as_ref()) {
        fields.push((msg!("show-when-time"), time));
    }
    if let Some(remark) = said(aside.remark.as_ref()) {
        fields.push((msg!("show-when-remark"), remark));
    }
    if let Some(unread) = said(aside.unread.as_ref()) {
        fields.push((msg!("show-when-unread"), unread));
    }
    if aside.clipped {
        fields.push((msg!("show-when-clipped"), lang.say(&msg!("show-when-clipped-to", plan = plan.period))));
    }
    fields.push((
        msg!("show-responsible"),
        escape_line(&crate::render::responsible_names(plan, activity, lang)).into_owned(),
    ));
    if !activity.agreed_with.is_empty() {
        fields.push((
            msg!("show-agreed-with"),
            // In Russian the label is «по согласованию с», so the parties follow in the form the
            // document gives them there (`agreed_form`: «Президиумом»), as `responsible` does.
            escape_line(&if lang == Lang::Ru {
                plan.agreed_forms(&activity.agreed_with).collect::<Vec<_>>().join(", ")
            } else {
                plan.names(&activity.agreed_with).collect::<Vec<_>>().join(", ")
            })
            .into_owned(),
        ));
    }
    if let Some(partner) = &activity.partner {
        fields.push((msg!("show-partner"), escape_line(partner).into_owned()));
    }
    if let Some(place) = &activity.place {
        fields.push((msg!("show-place"), escape_line(place).into_owned()));
    }
    if activity.recurrence().is_some() {
        fields.push((msg!("show-rule"), lang.say(&words::rule(activity.rule.unwrap_or(crate::model::Rule::Rolling)))));
        if let Some(last) = &activity.last_before {
            fields.push((msg!("show-last-before"), lang.date(last.date)));
        }
    }
    if !activity.held.is_empty() {
        fields.push((msg!("show-held"), dates(&activity.held)));
    }
    if !activity.planned.is_empty() {
        fields.push((msg!("show-planned"), dates(&activity.planned)));
    }
    if let Some(verdict) = verdict {
        let status = lang.say(&verdict.status.message());
        // Each breach explained, as `check` and `report` explain it.
        let mut line = format!("{} ({status})", lang.date(verdict.next_due));
        for breach in verdict.breaches.iter().filter_map(crate::check::rules::Violation::breach) {
            line.push_str("; ");
            line.push_str(&lang.say(&breach));
        }
        fields.push((msg!("show-next-due"), line));
    }
    fields.push((msg!("show-status"), lang.say(&words::status(activity.status))));
    // What the report says of it, from the same judge.
    let mut outcome = lang.say(&words::fulfilment(judgement.outcome));
    if let Some(closed) = judgement.closed {
        outcome = format!("{outcome} ({})", lang.say(&msg!("not-recorded", closed = closed)));
    }
    fields.push((msg!("show-outcome"), outcome));
    if let Some(result) = &activity.result {
        fields.push((msg!("show-result"), escape_block(result).into_owned()));
    }
    if let Some(note) = &activity.note {
        fields.push((msg!("show-note"), escape_block(note).into_owned()));
    }
    fields.push((
        msg!("show-location"),
        format!("{}:{}:{}", escape_line(&plan.path), activity.pos.line, activity.pos.column),
    ));
    let labels: Vec<(String, String)> = fields.into_iter().map(|(field, value)| (lang.say(&field), value)).collect();
    let label_width = labels.iter().map(|(label, _)| label.width()).max().unwrap_or(0);
    for (label, value) in labels {
        let pad = " ".repeat(label_width - label.width());
        // A multi-line note keeps its lines, indented under the value column.
        let value = hang(&value, 2 + label_width + 2, width);
        writeln!(out, "  {}{pad}  {value}", paint.paint(Role::Dim, &label))?;
    }
    Ok(())
}
