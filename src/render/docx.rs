//! `plan export docx` and `plan report --format docx`: the documents the council receives, as
//! Word files (spec §7), built with `docx-rs`.
//!
//! A4 with the margins of Russian office documents, Times New Roman 12 pt, page numbers centred
//! in the footer (a `PAGE` field), the approval block top right, the organisation and the title
//! centred and bold, then the table: its header row repeats on every page, a bold row per
//! section spans it, and a time or a responsible party that a whole section shares is one cell
//! merged down over the section's rows. Last, the signature block.
//!
//! `docx-rs` writes all of that except the mark that makes a row repeat on each page
//! (`<w:tblHeader/>`), for which it has no setter; [`finish`] adds it to the first row of each
//! table (every table here starts with its [`header_row`]) before the package is zipped.

use std::io::{self, Cursor, Write};

use docx_rs::{
    AlignmentType, BreakType, Docx, Footer, PageMargin, PageNum, Paragraph, Run, RunFonts, Table, TableCell,
    TableLayoutType, TableRow, VAlignType, VMergeType, WidthType,
};

use crate::fulfilment::{ActivityReport, Outcome, Report};
use crate::i18n::Lang;
use crate::model::{Activity, Dated, Plan, Section, Status};
use crate::render::escape_block;
use crate::render::layout::{self, SectionBlock};
use crate::render::words::{self, FulfilmentLabel};

/// A4 in twentieths of a point.
pub(crate) const A4: (u32, u32) = (11_906, 16_838);
/// Margins: 20 mm top and bottom, 30 mm left, 15 mm right (ГОСТ Р 7.0.97).
pub(crate) const MARGIN: (i32, i32, i32, i32) = (1134, 1701, 1134, 850);
/// The width between the margins, which the tables fill.
const TEXT_WIDTH: usize = 11_906 - 1701 - 850;
/// 12 pt, in half-points: the plan.
const BODY_SIZE: usize = 24;
/// 11 pt: the report, whose five columns are narrower.
const REPORT_SIZE: usize = 22;
/// The approval block starts a little past the middle of the line.
const APPROVAL_INDENT: i32 = 5103;

/// A document ready to zip: the `docx-rs` document with the header row of its first table, and
/// the rest of that table's rows already written as XML.
///
/// `docx-rs` keeps every cell, paragraph and run as a value of a few hundred bytes, which made a
/// plan of 20,000 activities take 70 to 110 times its own size in memory. Each row of the big
/// table is turned into XML as soon as it is made and dropped; [`finish`] puts the rows in place.
pub struct Document {
    docx: Docx,
    /// `<w:tr>…</w:tr>` of the first table, after its header row.
    rows: Vec<u8>,
}

/// The rows of the big table as they are made: each turned into XML at once, but for the last
/// [`KEPT_ROWS`], held back until the end, when they may be told to keep with what follows.
#[derive(Default)]
struct Rows {
    xml: Vec<u8>,
    tail: std::collections::VecDeque<TableRow>,
}

impl Rows {
    fn push(&mut self, row: TableRow) {
        self.tail.push_back(row);
        if self.tail.len() > KEPT_ROWS
            && let Some(row) = self.tail.pop_front()
        {
            push_row(&mut self.xml, &row);
        }
    }

    /// The XML of every row; with `keep_last`, the last rows keep with what follows the table.
    fn finish(self, keep_last: bool) -> Vec<u8> {
        let Rows { mut xml, tail } = self;
        let mut tail: Vec<TableRow> = tail.into();
        if keep_last {
            keep_with_next(&mut tail);
        }
        for row in &tail {
            push_row(&mut xml, row);
        }
        xml
    }
}

impl Document {
    /// A document built whole by `docx-rs`, with no rows written ahead.
    pub(crate) fn whole(docx: Docx) -> Self {
        Document { docx, rows: Vec::new() }
    }
}

/// Appends `row`, as XML, to `rows`.
fn push_row(rows: &mut Vec<u8>, row: &TableRow) {
    rows.extend_from_slice(&docx_rs::BuildXML::build(row));
}

/// The plan as the document the council approves.
#[must_use]
pub fn plan_document(plan: &Plan, rows: &[(&Section, &Activity)], lang: Lang, mark_cancelled: bool) -> Document {
    let mut docx = page(BODY_SIZE);
    docx = approval(docx, plan, lang);
    docx = heading(docx, plan, &plan.title);
    let widths = [850, TEXT_WIDTH - 850 - 1900 - 2750, 1900, 2750];
    let header = header_row(&crate::render::document_headers(lang).each_ref().map(String::as_str), &widths);
    let mut table = Rows::default();
    for block in layout::blocks(plan, rows, lang, mark_cancelled) {
        table.push(section_row(&block.section.number.to_string(), &block.section.title, &widths));
        plan_rows(&block, &widths, &mut table);
    }
    docx = docx.add_table(grid(vec![header], &widths));
    // The signature follows the table: its last rows go with it to the next page.
    let xml = table.finish(plan.signature.is_some());
    Document { docx: signature(docx, plan), rows: xml }
}

/// The fulfilment report: the activities with what became of them, the meetings against the
/// charter, the totals, the signature.
#[must_use]
pub fn report_document(plan: &Plan, report: &Report, lang: Lang) -> Document {
    let mut docx = page(REPORT_SIZE);
    docx = heading(docx, plan, &words::report_title(lang, plan, report.as_of));
    // Wide enough for each heading's longest word in bold 11 pt («Ответственные»).
    let widths = [650, TEXT_WIDTH - 650 - 1350 - 2450 - 2400, 1350, 2450, 2400];
    let header = header_row(&words::report_headers(lang).each_ref().map(String::as_str), &widths);
    let mut table = Rows::default();
    for section in &report.sections {
        table.push(section_row(&section.section.number.to_string(), &section.section.title, &widths));
        for entry in &section.activities {
            let activity = entry.activity;
            let cells = vec![
                cell(&activity.number.to_string(), widths[0]).vertical_align(VAlignType::Top),
                cell(&activity.title, widths[1]),
                centred(&activity.when, widths[2]),
                centred(&crate::render::responsible(plan, activity, lang), widths[3]),
                fulfilment_cell(entry, lang, widths[4]),
            ];
            // A row is never split across two pages.
            table.push(TableRow::new(cells).cant_split());
        }
    }
    let has_meetings = report.sections.iter().flat_map(|s| &s.activities).any(|a| a.meetings.is_some());
    // Without a meetings table, the totals follow this table: its last rows go with them.
    let xml = table.finish(!has_meetings);
    docx = docx.add_table(grid(vec![header], &widths));
    docx = meetings(docx, report, lang);
    docx = totals(docx, report, lang);
    Document { docx: signature(docx, plan), rows: xml }
}

/// Zips the document into `out`, with the repeating header rows marked.
pub fn write(document: Document, out: &mut impl Write) -> io::Result<()> {
    out.write_all(&finish(document)?)
}

/// The .docx bytes.
pub fn finish(document: Document) -> io::Result<Vec<u8>> {
    let Document { docx, rows } = document;
    let mut xml = docx.build();
    // Every table's header row is in the document `docx-rs` built; the rows written ahead go
    // after the first one's, before its `</w:tbl>`.
    let marked = repeat_header_rows(&String::from_utf8_lossy(&xml.document));
    let end = marked.find("</w:tbl>").unwrap_or(marked.len());
    let mut body = Vec::with_capacity(marked.len() + rows.len());
    body.extend_from_slice(&marked.as_bytes()[..end]);
    body.extend_from_slice(&rows);
    drop(rows);
    body.extend_from_slice(&marked.as_bytes()[end..]);
    drop(marked);
    xml.document = body;
    xml.doc_props.app = app_properties().into_bytes();
    let mut zipped = Cursor::new(Vec::new());
    xml.pack(&mut zipped).map_err(io::Error::other)?;
    Ok(zipped.into_inner())
}

/// `docProps/app.xml`, naming `plan` as the application that wrote the document: the mark by
/// which `-o` knows a .docx of its own (Word writes its own name there when it saves one).
fn app_properties() -> String {
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
         <Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\" \
         xmlns:vt=\"http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes\">\
         <Application>{}</Application></Properties>",
        crate::render::GENERATOR
    )
}

/// Marks the first row of every table to repeat on each page: `<w:tblHeader />` in its row
/// properties, which `docx-rs` writes as `<w:trPr />` or `<w:trPr>…`. Text from the plan cannot
/// take part: it is XML-escaped, so `<` never occurs in it.
fn repeat_header_rows(document: &str) -> String {
    let mut out = String::with_capacity(document.len() + 64);
    let mut rest = document;
    while let Some(table) = rest.find("<w:tbl>") {
        let Some(row) = rest[table..].find("<w:trPr").map(|at| table + at) else { break };
        out.push_str(&rest[..row]);
        rest = &rest[row..];
        if let Some(after) = rest.strip_prefix("<w:trPr />") {
            out.push_str("<w:trPr><w:tblHeader /></w:trPr>");
            rest = after;
        } else if let Some(after) = rest.strip_prefix("<w:trPr>") {
            out.push_str("<w:trPr><w:tblHeader />");
            rest = after;
        } else {
            out.push_str("<w:trPr");
            rest = &rest["<w:trPr".len()..];
        }
    }
    out.push_str(rest);
    out
}

/// An empty A4 document with the fonts, the margins and page numbers in the footer.
pub(crate) fn page(size: usize) -> Docx {
    let (width, height) = A4;
    let (top, left, bottom, right) = MARGIN;
    let margin = PageMargin { top, left, bottom, right, header: 709, footer: 709, gutter: 0 };
    let footer =
        Footer::new().add_paragraph(Paragraph::new().align(AlignmentType::Center).add_page_num(PageNum::new()));
    let fonts = RunFonts::new().ascii("Times New Roman").hi_ansi("Times New Roman").cs("Times New Roman");
    Docx::new().page_size(width, height).page_margin(margin).default_fonts(fonts).default_size(size).footer(footer)
}

/// The approval block top right: «УТВЕРЖДЁН», «{by} от {date} № {number}».
fn approval(mut docx: Docx, plan: &Plan, lang: Lang) -> Docx {
    if let Some(approval) = &plan.approval {
        let right =
            |text: &str| Paragraph::new().indent(Some(APPROVAL_INDENT), None, None, None).add_run(text_run(text));
        let [approved, line] = words::approval(lang, approval);
        docx = docx
            .add_paragraph(right(&approved).keep_next(true))
            .add_paragraph(right(&line))
            .add_paragraph(Paragraph::new());
    }
    docx
}

/// The organisation and the title, centred and bold.
fn heading(mut docx: Docx, plan: &Plan, title: &str) -> Docx {
    if let Some(organization) = &plan.organization {
        docx = docx.add_paragraph(centred_bold(organization));
    }
    docx.add_paragraph(centred_bold(title)).add_paragraph(Paragraph::new())
}

/// «{position}  ____________  {name}», after a blank line.
fn signature(docx: Docx, plan: &Plan) -> Docx {
    let Some(signature) = &plan.signature else { return docx };
    let line = format!("{}  ____________  {}", signature.position, signature.name);
    docx.add_paragraph(Paragraph::new().keep_next(true))
        .add_paragraph(Paragraph::new().keep_next(true))
        .add_paragraph(Paragraph::new().add_run(text_run(&line)))
}

/// A run of plan text: control characters shown as escapes, lines kept as line breaks.
fn text_run(text: &str) -> Run {
    let text = escape_block(text);
    let mut run = Run::new();
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            run = run.add_break(BreakType::TextWrapping);
        }
        run = run.add_text(line);
    }
    run
}

pub(crate) fn centred_bold(text: &str) -> Paragraph {
    Paragraph::new().align(AlignmentType::Center).add_run(text_run(text).bold())
}

pub(crate) fn cell(text: &str, width: usize) -> TableCell {
    TableCell::new().width(width, WidthType::Dxa).add_paragraph(Paragraph::new().add_run(text_run(text)))
}

pub(crate) fn centred(text: &str, width: usize) -> TableCell {
    TableCell::new()
        .width(width, WidthType::Dxa)
        .vertical_align(VAlignType::Center)
        .add_paragraph(Paragraph::new().align(AlignmentType::Center).add_run(text_run(text)))
}

/// The table with fixed columns filling the text width.
fn grid(rows: Vec<TableRow>, widths: &[usize]) -> Table {
    Table::new(rows).set_grid(widths.to_vec()).width(TEXT_WIDTH, WidthType::Dxa).layout(TableLayoutType::Fixed)
}

/// The column headings, bold and centred; repeated on every page (see [`finish`]), never split.
pub(crate) fn header_row(headings: &[&str], widths: &[usize]) -> TableRow {
    let cells = headings
        .iter()
        .zip(widths)
        .map(|(text, &width)| {
            TableCell::new()
                .width(width, WidthType::Dxa)
                .vertical_align(VAlignType::Center)
                .add_paragraph(Paragraph::new().align(AlignmentType::Center).add_run(text_run(text).bold()))
        })
        .collect();
    TableRow::new(cells).cant_split()
}

/// A section's row: its number and title, bold, across the whole table.
fn section_row(number: &str, title: &str, widths: &[usize]) -> TableRow {
    let text = format!("{number}. {title}");
    let cell = TableCell::new()
        .width(widths.iter().sum(), WidthType::Dxa)
        .grid_span(widths.len())
        .add_paragraph(Paragraph::new().keep_next(true).add_run(text_run(&text).bold()));
    TableRow::new(vec![cell])
}

/// A section's activities; a time or responsible party the section shares is merged down.
fn plan_rows(block: &SectionBlock, widths: &[usize], table: &mut Rows) {
    for (i, row) in block.rows.iter().enumerate() {
        {
            let merged = |merged: bool, text: &str, width: usize| match (merged, i) {
                (false, _) => centred(text, width),
                (true, 0) => centred(text, width).vertical_merge(VMergeType::Restart),
                (true, _) => TableCell::new()
                    .width(width, WidthType::Dxa)
                    .vertical_merge(VMergeType::Continue)
                    .add_paragraph(Paragraph::new()),
            };
            // A row is never split across two pages.
            let row = TableRow::new(vec![
                cell(&row.number, widths[0]),
                cell(&row.title, widths[1]),
                merged(block.merged_when, &row.when, widths[2]),
                merged(block.merged_responsible, &row.responsible, widths[3]),
            ])
            .cant_split();
            table.push(row);
        }
    }
}

/// «Отметка о выполнении»: the outcome in bold, then what was done.
fn fulfilment_cell(entry: &ActivityReport, lang: Lang, width: usize) -> TableCell {
    let mut cell = TableCell::new().width(width, WidthType::Dxa).add_paragraph(
        Paragraph::new().add_run(Run::new().add_text(lang.say(&words::fulfilment(entry.outcome))).bold()),
    );
    for line in fulfilment_lines(entry, lang) {
        cell = cell.add_paragraph(Paragraph::new().add_run(text_run(&line)));
    }
    cell
}

/// What was done, line by line, unescaped: held dates with their notes, the result, the reason
/// for a cancellation, when an unrecorded activity's time ended, the planned dates.
#[must_use]
pub fn fulfilment_lines(entry: &ActivityReport, lang: Lang) -> Vec<String> {
    let dates = |dates: &[&Dated]| {
        dates
            .iter()
            .map(|d| match &d.note {
                Some(note) => format!("{} ({note})", lang.date(d.date)),
                None => lang.date(d.date),
            })
            .collect::<Vec<_>>()
            .join("; ")
    };
    let label = |l: FulfilmentLabel| lang.say(&l.message());
    let activity = entry.activity;
    let mut lines = Vec::new();
    if !entry.held.is_empty() {
        lines.push(format!("{}: {}", label(FulfilmentLabel::Held), dates(&entry.held)));
    }
    if !entry.planned.is_empty() {
        lines.push(format!("{}: {}", label(FulfilmentLabel::Planned), dates(&entry.planned)));
    }
    if let (Outcome::NotRecorded, Some(closed)) = (entry.outcome, entry.closed) {
        lines.push(format!("{} {}", label(FulfilmentLabel::TimeEnded), lang.date(closed)));
    }
    if let Some(result) = &activity.result {
        lines.push(format!("{}: {result}", label(FulfilmentLabel::Result)));
    }
    if let Some(note) = &activity.note {
        let which = if matches!(activity.status, Status::Cancelled | Status::NotDone) {
            FulfilmentLabel::Reason
        } else {
            FulfilmentLabel::Note
        };
        lines.push(format!("{}: {note}", label(which)));
    }
    lines
}

/// The meetings of the governing bodies against the charter: held, required, each breach.
fn meetings(docx: Docx, report: &Report, lang: Lang) -> Docx {
    let entries: Vec<&ActivityReport> =
        report.sections.iter().flat_map(|s| &s.activities).filter(|a| a.meetings.is_some()).collect();
    if entries.is_empty() {
        return docx;
    }
    // Wide enough for «Проведено» and «Требуется» in bold 11 pt.
    let widths = [650, TEXT_WIDTH - 650 - 1800 - 1800 - 2800, 1800, 1800, 2800];
    let mut rows = vec![header_row(&words::charter_headers(lang).each_ref().map(String::as_str), &widths)];
    for entry in entries {
        let Some(meetings) = &entry.meetings else { continue };
        let verdict = &meetings.verdict;
        let body = format!("{} ({})", entry.activity.title, lang.say(&words::recurrence(&verdict.recurrence)));
        let breaches: Vec<String> =
            meetings.verdict.breaches.iter().filter_map(|b| Some(lang.say(&b.breach()?))).collect();
        let breaches = if breaches.is_empty() { lang.word("no-breaches") } else { breaches.join("\n") };
        rows.push(
            TableRow::new(vec![
                cell(&entry.activity.number.to_string(), widths[0]),
                cell(&body, widths[1]),
                centred(&verdict.held.len().to_string(), widths[2]),
                centred(&meetings.required.to_string(), widths[3]),
                cell(&breaches, widths[4]),
            ])
            .cant_split(),
        );
    }
    // The totals follow this table: its last rows (never its header) go with them to the next page.
    let from = rows.len().saturating_sub(KEPT_ROWS).max(1);
    keep_with_next(&mut rows[from..]);
    docx.add_paragraph(Paragraph::new())
        .add_paragraph(centred_bold(&lang.word("charter-heading")).keep_next(true))
        .add_paragraph(Paragraph::new().keep_next(true))
        .add_table(grid(rows, &widths))
}

/// How many rows at the end of a table are kept with the totals and signature after it, so that
/// these never stand alone on a page (spec §7).
const KEPT_ROWS: usize = 2;

/// Marks rows to keep with what follows: every paragraph in them keeps with the next (Word and
/// `LibreOffice` then move the rows to the page of the totals), and the rows do not split.
fn keep_with_next(rows: &mut [TableRow]) {
    for row in rows {
        row.property = std::mem::take(&mut row.property).cant_split();
        for docx_rs::TableRowChild::TableCell(cell) in &mut row.cells {
            for child in &mut cell.children {
                if let docx_rs::TableCellContent::Paragraph(paragraph) = child {
                    **paragraph = std::mem::take(&mut **paragraph).keep_next(true);
                }
            }
        }
    }
}

/// The totals, as paragraphs kept with each other so that they stay on one page.
fn totals(mut docx: Docx, report: &Report, lang: Lang) -> Docx {
    docx = docx
        .add_paragraph(Paragraph::new().keep_next(true))
        .add_paragraph(centred_bold(&lang.word("totals-heading")).keep_next(true));
    for (outcome, count) in report.totals.by_outcome() {
        let line = format!("{}: {count}", lang.say(&words::fulfilment(outcome)));
        docx = docx.add_paragraph(Paragraph::new().keep_next(true).keep_lines(true).add_run(Run::new().add_text(line)));
    }
    let all = format!("{}: {}", lang.word("totals-all"), report.totals.activities);
    // Kept with the signature that follows, too.
    docx.add_paragraph(Paragraph::new().keep_next(true).keep_lines(true).add_run(Run::new().add_text(all).bold()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_row_of_each_table_is_marked_to_repeat() {
        let document = "<w:body><w:tbl><w:tblPr /><w:tr><w:trPr /><w:tc /></w:tr><w:tr><w:trPr /></w:tr></w:tbl>\
                        <w:p /><w:tbl><w:tr><w:trPr><w:cantSplit /></w:trPr></w:tr><w:tr><w:trPr /></w:tr></w:tbl></w:body>";
        assert_eq!(
            repeat_header_rows(document),
            "<w:body><w:tbl><w:tblPr /><w:tr><w:trPr><w:tblHeader /></w:trPr><w:tc /></w:tr><w:tr><w:trPr /></w:tr></w:tbl>\
             <w:p /><w:tbl><w:tr><w:trPr><w:tblHeader /><w:cantSplit /></w:trPr></w:tr><w:tr><w:trPr /></w:tr></w:tbl></w:body>"
        );
    }
}
