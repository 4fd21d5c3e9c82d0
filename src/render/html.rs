//! `plan export html`: the plan as one standalone page, for the website and for printing.
//!
//! The page needs nothing from outside (no fonts, scripts or style sheets to fetch): the style is
//! inline, and its print part sets A4 pages, numbers them in the footer (CSS paged media, where
//! the browser supports margin boxes) and repeats the table's header row on each of them. The
//! layout is the printed plan's (spec §7, [`crate::render::layout`]): the approval block top
//! right, a «№ п/п» column, a time or responsible party shared by a whole section in one cell
//! spanning its rows, time and responsible centred, the signature at the end.
//! Every text from the plan goes through maud, which escapes it, after control characters are
//! shown as escapes ([`escape_block`]). The fulfilment report's HTML uses the same [`page`].

use std::io::{self, Write};

use maud::{DOCTYPE, Markup, PreEscaped, html};

use crate::i18n::Lang;
use crate::model::{Activity, Plan, Section};
use crate::render::escape_block;
use crate::render::layout;

/// The style of every page: plain on screen, A4 with a repeated table header in print.
const CSS: &str = "
body { font-family: 'PT Serif', 'Times New Roman', Times, serif; color: #111; background: #fff;
  max-width: 60rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.35; }
header { text-align: center; margin-bottom: 1.5rem; }
header .organization { margin: 0 0 .5rem; font-size: .95rem; letter-spacing: .02em; }
h1 { font-size: 1.35rem; margin: 0; }
header .as-of { margin: .5rem 0 0; }
.approval { margin: 0 0 1.5rem 55%; }
.approval p { margin: 0; }
.signature { margin-top: 2.5rem; white-space: pre; break-inside: avoid; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid #333; padding: .35rem .5rem; vertical-align: top; text-align: left; }
td { white-space: pre-line; }
.date { white-space: nowrap; }
thead th { background: #e8e8e8; text-align: center; }
tr.section th { background: #f4f4f4; }
tr.cancelled td { color: #666; }
col.number { width: 4.5rem; }
col.when, col.who { width: 20%; }
td.when, td.who { text-align: center; vertical-align: middle; }
col.outcome { width: 12%; }
table.report col.number { width: 3.5rem; }
table.report col.when { width: 15%; }
table.report col.who { width: 15%; }
table.report col.outcome { width: 27%; }
table.totals { width: auto; margin-top: .5rem; }
h2 { font-size: 1.1rem; text-align: center; margin: 1.5rem 0 .5rem; }
td.count { text-align: center; }
section.totals { break-inside: avoid; page-break-inside: avoid; }
table.totals td:last-child { text-align: right; }
ul { margin: 0; padding-left: 1.1rem; }
thead { display: table-header-group; }
@page { size: A4; margin: 20mm 15mm 20mm 30mm; @bottom-center { content: counter(page); } }
@media print {
  body { max-width: none; margin: 0; padding: 0; font-size: 10.5pt; }
  thead th, tr.section th { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  tr { break-inside: avoid; }
  tr.section { break-after: avoid; }
}
";

/// Text from the plan or the report, escaped, with each date (`2019-05-31`, `31.05.2019`) in a
/// `span.date` that the style keeps on one line.
#[must_use]
pub fn text(text: &str) -> Markup {
    let text = escape_block(text);
    let bytes = text.as_bytes();
    let is_date = |at: usize| {
        let Some(window) = bytes.get(at..at + 10) else { return false };
        let shape = |pattern: &[u8]| {
            window.iter().zip(pattern).all(|(&b, &p)| if p == b'9' { b.is_ascii_digit() } else { b == p })
        };
        let boundary = at == 0 || !bytes[at - 1].is_ascii_digit();
        boundary
            && (shape(b"9999-99-99") || shape(b"99.99.9999"))
            && !bytes.get(at + 10).is_some_and(u8::is_ascii_digit)
    };
    let mut parts: Vec<(&str, bool)> = Vec::new();
    let (mut start, mut at) = (0, 0);
    while at < bytes.len() {
        if is_date(at) {
            parts.push((&text[start..at], false));
            parts.push((&text[at..at + 10], true));
            at += 10;
            start = at;
        } else {
            at += 1;
        }
    }
    parts.push((&text[start..], false));
    html! {
        @for (part, date) in parts {
            @if date { span.date { (part) } } @else { (part) }
        }
    }
}

/// A whole page: `<html lang>` in the interface language, the title, the style, then `body`.
#[must_use]
pub fn page(lang: Lang, title: &str, body: &Markup) -> Markup {
    html! {
        (DOCTYPE)
        html lang=(lang.code()) {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                meta name="generator" content=(format!("{} {}", crate::render::GENERATOR, env!("CARGO_PKG_VERSION")));
                title { (escape_block(title)) }
                style { (PreEscaped(CSS)) }
            }
            body { (body) }
        }
    }
}

/// The organisation over the title, as the document has them.
#[must_use]
pub fn heading(plan: &Plan, extra: Option<&str>) -> Markup {
    html! {
        header {
            @if let Some(organization) = &plan.organization {
                p.organization { (escape_block(organization)) }
            }
            h1 { (escape_block(&plan.title)) }
            @if let Some(extra) = extra {
                p."as-of" { (text(extra)) }
            }
        }
    }
}

/// The rows grouped by section, in order.
pub fn by_section<'r, 'p>(
    rows: &'r [(&'p Section, &'p Activity)],
) -> impl Iterator<Item = &'r [(&'p Section, &'p Activity)]> {
    rows.chunk_by(|a, b| a.0.number == b.0.number)
}

/// «УТВЕРЖДЁН» and «{by} от {date} № {number}», top right, when the plan has `[plan.approval]`.
#[must_use]
pub fn approval(plan: &Plan, lang: Lang) -> Markup {
    html! {
        @if let Some(approval) = &plan.approval {
            @let [approved, line] = crate::render::words::approval(lang, approval);
            div.approval {
                p { (approved) }
                p { (text(&line)) }
            }
        }
    }
}

/// «{position}  ____________  {name}», when the plan has `[plan.signature]`.
#[must_use]
pub fn signature(plan: &Plan) -> Markup {
    html! {
        @if let Some(signature) = &plan.signature {
            p.signature { (escape_block(&format!("{}  ____________  {}", signature.position, signature.name))) }
        }
    }
}

/// `plan export html`: the page with the printed plan's four-column table, a heading row per
/// section, shared times and parties in one cell over the section's rows.
pub fn plan_page(
    out: &mut impl Write,
    plan: &Plan,
    rows: &[(&Section, &Activity)],
    lang: Lang,
    mark_cancelled: bool,
) -> io::Result<()> {
    let [number, what, when, who] = crate::render::document_headers(lang);
    let body = html! {
        (approval(plan, lang))
        (heading(plan, None))
        table.plan {
            colgroup { col.number; col.what; col.when; col.who; }
            thead { tr { th scope="col" { (number) } th scope="col" { (what) } th scope="col" { (when) } th scope="col" { (who) } } }
            @for block in layout::blocks(plan, rows, lang, mark_cancelled) {
                tbody {
                    tr.section {
                        th colspan="4" scope="colgroup" { (escape_block(&layout::section_heading(block.section))) }
                    }
                    @let span = block.rows.len();
                    @for (i, row) in block.rows.iter().enumerate() {
                        tr class=[row.marked.then_some("cancelled")] {
                            td.number { (row.number) }
                            td { (escape_block(&row.title)) }
                            @if !block.merged_when {
                                td.when { (text(&row.when)) }
                            } @else if i == 0 {
                                td.when rowspan=(span) { (text(&row.when)) }
                            }
                            @if !block.merged_responsible {
                                td.who { (escape_block(&row.responsible)) }
                            } @else if i == 0 {
                                td.who rowspan=(span) { (escape_block(&row.responsible)) }
                            }
                        }
                    }
                }
            }
        }
        (signature(plan))
    };
    out.write_all(page(lang, &plan.title, &body).into_string().as_bytes())?;
    writeln!(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_kept_on_one_line_and_text_is_escaped() {
        let markup = text("2019-05-01 – 31.05.2019 <b> 12019-05-011").into_string();
        assert_eq!(
            markup,
            "<span class=\"date\">2019-05-01</span> – <span class=\"date\">31.05.2019</span> &lt;b&gt; 12019-05-011"
        );
    }
}
