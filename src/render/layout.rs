//! The layout of the printed plan (spec §7), shared by `export docx`, `export html` and `plan
//! table`: a row per section across the table, then its activities under the columns «№ п/п»,
//! «Мероприятия», «Время проведения», «Ответственные», with the time or the responsible parties
//! merged down over a section when all its activities share them, as the source document does.

use crate::i18n::Lang;
use crate::model::{Activity, Plan, Section, Status};
use crate::render::responsible;

/// The selected activities of one section, laid out.
#[derive(Debug, Clone)]
pub struct SectionBlock<'p> {
    /// The section.
    pub section: &'p Section,
    /// Its selected activities, in file order.
    pub rows: Vec<Row<'p>>,
    /// Whether every row has the same time: the time is printed once, in a cell merged down.
    pub merged_when: bool,
    /// Whether every row has the same responsible parties: printed once, merged down.
    pub merged_responsible: bool,
}

/// One activity's cells, unescaped (each format escapes its own way).
#[derive(Debug, Clone)]
pub struct Row<'p> {
    /// The activity.
    pub activity: &'p Activity,
    /// «№ п/п»: `S.A`.
    pub number: String,
    /// The title, with the partner in parentheses, and the cancelled mark when `marked`.
    pub title: String,
    /// Printed as cancelled: the activity is cancelled and marks were asked for.
    pub marked: bool,
    /// The time, as written.
    pub when: String,
    /// The responsible parties, with the ones to agree with.
    pub responsible: String,
}

/// The section row's text: "1. Заседания руководящих органов …".
#[must_use]
pub fn section_heading(section: &Section) -> String {
    format!("{}. {}", section.number, section.title)
}

/// Lays out the selected rows by section. A cell is merged only over two rows or more. A
/// cancelled activity is printed like the others (the plan as planned) unless `mark_cancelled`.
#[must_use]
pub fn blocks<'p>(
    plan: &Plan,
    rows: &[(&'p Section, &'p Activity)],
    lang: Lang,
    mark_cancelled: bool,
) -> Vec<SectionBlock<'p>> {
    rows.chunk_by(|a, b| a.0.number == b.0.number)
        .map(|group| {
            let rows: Vec<Row<'p>> = group
                .iter()
                .map(|&(_, activity)| {
                    let mut title = activity.title.clone();
                    // The organiser in parentheses after the title, as the source document writes it.
                    if let Some(partner) = &activity.partner {
                        title.push_str(" (");
                        title.push_str(partner);
                        title.push(')');
                    }
                    let marked = mark_cancelled && activity.status == Status::Cancelled;
                    if marked {
                        title.push(' ');
                        title.push_str(&lang.word("cancelled-mark"));
                    }
                    Row {
                        activity,
                        number: activity.number.to_string(),
                        title,
                        marked,
                        when: activity.when.clone(),
                        responsible: responsible(plan, activity, lang),
                    }
                })
                .collect();
            let merged_when = rows.len() > 1 && rows.iter().all(|r| r.when == rows[0].when);
            let merged_responsible = rows.len() > 1 && rows.iter().all(|r| r.responsible == rows[0].responsible);
            SectionBlock { section: group[0].0, rows, merged_when, merged_responsible }
        })
        .collect()
}

/// The approval block's two lines, when the plan has `[plan.approval]`.
#[must_use]
pub fn approval_lines(plan: &Plan, lang: Lang) -> Option<[String; 2]> {
    plan.approval.as_ref().map(|approval| crate::render::words::approval(lang, approval))
}

/// «{position}  ____________  {name}», when the plan has `[plan.signature]`.
#[must_use]
pub fn signature_line(plan: &Plan) -> Option<String> {
    plan.signature.as_ref().map(|s| format!("{}  ____________  {}", s.position, s.name))
}

/// The rows of a text table, unescaped: a section row ("1.", its title, two empty cells), then
/// its activities, where a merged time or responsible party is written in the first row only.
#[must_use]
pub fn text_rows(blocks: &[SectionBlock]) -> Vec<(bool, [String; 4])> {
    let mut rows = Vec::new();
    for block in blocks {
        let number = format!("{}.", block.section.number);
        rows.push((true, [number, block.section.title.clone(), String::new(), String::new()]));
        for (i, row) in block.rows.iter().enumerate() {
            let shown = |merged: bool, text: &str| if merged && i > 0 { String::new() } else { text.to_owned() };
            rows.push((
                false,
                [
                    row.number.clone(),
                    row.title.clone(),
                    shown(block.merged_when, &row.when),
                    shown(block.merged_responsible, &row.responsible),
                ],
            ));
        }
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_are_merged_only_where_every_activity_of_the_section_shares_them() {
        let plan = crate::model::load(std::path::Path::new("plans/2019.toml"), "plans/2019.toml").unwrap();
        let rows: Vec<_> = plan.activities().collect();
        let merged: Vec<(bool, bool)> =
            blocks(&plan, &rows, Lang::Ru, false).iter().map(|b| (b.merged_when, b.merged_responsible)).collect();
        // As the source document: section 1 shares the presidium, 2 the members, 3 nothing,
        // 4 the two parties, 5–7 both the whole period and their party.
        assert_eq!(
            merged,
            [(false, true), (false, true), (false, false), (false, true), (true, true), (true, true), (true, true)]
        );
    }
}
