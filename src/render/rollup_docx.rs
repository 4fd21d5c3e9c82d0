//! `plan rollup --format docx`: the branches as a Word document for the central office, made as
//! the council's other documents are ([`crate::render::docx`]): A4, here landscape for the
//! fourteen columns, page numbers, the header row repeated on every page, the totals in bold.

use std::io::{self, Write};
use std::path::Path;

use docx_rs::{PageOrientationType, Paragraph, Run, Table, TableCell, TableLayoutType, TableRow, WidthType};

use crate::i18n::Lang;
use crate::render::docx::{A4, Document, MARGIN, cell, centred, centred_bold, finish, header_row, page};
use crate::render::rollup::{COLUMNS, COUNTS, cells, headers, title, total_cells};
use crate::rollup::Rollup;

/// 10 pt, in half-points: fourteen columns.
const SIZE: usize = 20;

/// Writes the document: the folder and the date as the title, then the table.
pub fn write(out: &mut impl Write, rollup: &Rollup, dir: &Path, lang: Lang) -> io::Result<()> {
    let (portrait_width, portrait_height) = A4;
    let (_, left, _, right) = MARGIN;
    let text_width = portrait_height as usize - left.unsigned_abs() as usize - right.unsigned_abs() as usize;
    // Branch, name, plan, the note; the counts share the rest alike.
    let count = 720;
    let (branch, plan) = (1300, 1200);
    let rest = text_width - branch - plan - count * COUNTS.len();
    let widths: [usize; COLUMNS] = std::array::from_fn(|i| match i {
        0 => branch,
        1 => rest * 3 / 5,
        2 => plan,
        13 => rest - rest * 3 / 5,
        _ => count,
    });
    let mut docx = page(SIZE).page_size(portrait_height, portrait_width).page_orient(PageOrientationType::Landscape);
    docx = docx
        .add_paragraph(centred_bold(&title(rollup, lang)))
        .add_paragraph(centred_bold(&dir.display().to_string()))
        .add_paragraph(Paragraph::new());
    let row = |texts: [String; COLUMNS]| {
        let cells = texts
            .iter()
            .enumerate()
            .map(|(i, text)| if COUNTS.contains(&i) { centred(text, widths[i]) } else { cell(text, widths[i]) })
            .collect();
        TableRow::new(cells).cant_split()
    };
    // The totals: our own words and numbers, in bold.
    let bold = |texts: [String; COLUMNS]| {
        let cells = texts
            .iter()
            .zip(widths)
            .map(|(text, width)| {
                TableCell::new()
                    .width(width, WidthType::Dxa)
                    .add_paragraph(Paragraph::new().add_run(Run::new().add_text(text).bold()))
            })
            .collect();
        TableRow::new(cells).cant_split()
    };
    let header = headers(lang);
    let mut rows = vec![header_row(&header.each_ref().map(String::as_str), &widths)];
    rows.extend(rollup.rows.iter().map(|r| row(cells(r, lang))));
    rows.push(bold(total_cells(rollup, lang)));
    let table =
        Table::new(rows).set_grid(widths.to_vec()).width(text_width, WidthType::Dxa).layout(TableLayoutType::Fixed);
    docx = docx.add_table(table);
    out.write_all(&finish(Document::whole(docx))?)
}
