//! Word documents for the import tests, built with `docx-rust` (the crate `export docx` writes
//! with), in the shapes real plans take: a title above a table, bulleted items in one cell beside
//! as many times, bold section rows, rows spanning the table, merged cells.
//!
//! `docx-rust` 0.1.11 has no model for merged cells (its `w:tcPr` holds only `w:tcW` and
//! `w:vAlign`), so a merged cell is built with a marker width and the marker is replaced by
//! `w:gridSpan` / `w:vMerge` in `word/document.xml` afterwards. Everything else is the crate's
//! own output.
#![allow(dead_code)]

use std::io::{Cursor, Read, Write};

use docx_rust::Docx;
use docx_rust::document::{BreakType, Paragraph, Run, Table, TableCell, TableRow};
use docx_rust::formatting::{
    CharacterProperty, NumberingProperty, ParagraphProperty, TableCellProperty, TableCellWidth,
};

/// A paragraph of a cell or above the table.
#[derive(Debug, Clone)]
pub struct P {
    pub text: String,
    pub bold: bool,
    /// A Word list item (`w:numPr`).
    pub listed: bool,
    /// Starts with a page break, as text carried to the next page.
    pub page_break: bool,
}

/// Plain text.
pub fn p(text: &str) -> P {
    P { text: text.to_owned(), bold: false, listed: false, page_break: false }
}

/// Bold text.
pub fn b(text: &str) -> P {
    P { bold: true, ..p(text) }
}

/// A Word list item.
pub fn li(text: &str) -> P {
    P { listed: true, ..p(text) }
}

/// Text after a page break.
pub fn after_break(text: &str) -> P {
    P { page_break: true, ..p(text) }
}

/// How a cell is merged.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Merge {
    None,
    /// Starts a vertical merge.
    Start,
    /// Continues the merge from the row above.
    Continue,
}

/// A table cell.
#[derive(Debug, Clone)]
pub struct Cell {
    pub paragraphs: Vec<P>,
    pub span: usize,
    pub merge: Merge,
}

/// A cell of paragraphs.
pub fn cell(paragraphs: Vec<P>) -> Cell {
    Cell { paragraphs, span: 1, merge: Merge::None }
}

/// A cell of one plain paragraph (none when empty).
pub fn text(t: &str) -> Cell {
    cell(if t.is_empty() { Vec::new() } else { vec![p(t)] })
}

/// An empty cell.
pub fn empty() -> Cell {
    cell(Vec::new())
}

impl Cell {
    /// Spanning `n` grid columns.
    pub fn span(mut self, n: usize) -> Self {
        self.span = n;
        self
    }

    /// Starting a vertical merge.
    pub fn merge_start(mut self) -> Self {
        self.merge = Merge::Start;
        self
    }
}

/// A cell continuing the vertical merge above.
pub fn merged() -> Cell {
    Cell { paragraphs: Vec::new(), span: 1, merge: Merge::Continue }
}

/// Marker widths, replaced after writing: 90000 + 10 × span + merge (0 none, 1 start, 2 continue).
const MARK: isize = 90_000;

fn paragraph(para: &P) -> Paragraph<'static> {
    let mut run = Run::default();
    if para.bold {
        run = run.property(CharacterProperty::default().bold(true));
    }
    if para.page_break {
        run = run.push_break(BreakType::Page);
    }
    let run = run.push_text(para.text.clone());
    let mut paragraph = Paragraph::default().push(run);
    if para.listed {
        let numbering =
            NumberingProperty { level: Some(0_isize.into()), id: Some(1_isize.into()), ..NumberingProperty::default() };
        paragraph = paragraph.property(ParagraphProperty::default().numbering(numbering));
    }
    paragraph
}

/// The .docx: paragraphs above the table, then the table, then paragraphs below it.
pub fn document(above: &[P], rows: &[Vec<Cell>], below: &[P]) -> Vec<u8> {
    let mut docx = Docx::default();
    for para in above {
        docx.document.push(paragraph(para));
    }
    let mut table = Table::default();
    for row in rows {
        let mut table_row = TableRow::default();
        for c in row {
            let mut paragraphs: Vec<Paragraph> = c.paragraphs.iter().map(paragraph).collect();
            if paragraphs.is_empty() {
                paragraphs.push(Paragraph::default());
            }
            let mut table_cell = TableCell::paragraph(paragraphs.remove(0));
            table_cell.content.extend(paragraphs.into_iter().map(Into::into));
            if c.span != 1 || c.merge != Merge::None {
                let merge = match c.merge {
                    Merge::None => 0,
                    Merge::Start => 1,
                    Merge::Continue => 2,
                };
                let width =
                    TableCellWidth { value: Some(MARK + 10 * isize::try_from(c.span).unwrap() + merge), unit: None };
                table_cell = table_cell.property(TableCellProperty::default().wide(width));
            }
            table_row = table_row.push_cell(table_cell);
        }
        table = table.push_row(table_row);
    }
    docx.document.push(table);
    for para in below {
        docx.document.push(paragraph(para));
    }
    let mut written = Cursor::new(Vec::new());
    docx.write(&mut written).expect("docx-rust writes the document");
    with_merges(&written.into_inner())
}

/// The archive with the marker widths of `word/document.xml` replaced by merges.
fn with_merges(docx: &[u8]) -> Vec<u8> {
    let mut archive = zip::ZipArchive::new(Cursor::new(docx)).unwrap();
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    for i in 0..archive.len() {
        let mut entry = archive.by_index(i).unwrap();
        let name = entry.name().to_owned();
        let mut content = Vec::new();
        entry.read_to_end(&mut content).unwrap();
        if name == "word/document.xml" {
            content = replace_marks(&String::from_utf8(content).unwrap()).into_bytes();
        }
        out.start_file(name, options).unwrap();
        out.write_all(&content).unwrap();
    }
    out.finish().unwrap().into_inner()
}

fn replace_marks(xml: &str) -> String {
    let mut out = String::with_capacity(xml.len());
    let mut rest = xml;
    while let Some(at) = rest.find("<w:tcW w:w=\"9") {
        out.push_str(&rest[..at]);
        let tail = &rest[at..];
        let end = tail.find("/>").unwrap() + 2;
        let value: isize = tail["<w:tcW w:w=\"".len()..].split('"').next().unwrap().parse().unwrap();
        let (span, merge) = ((value - MARK) / 10, (value - MARK) % 10);
        if span > 1 {
            out.push_str(&["<w:gridSpan w:val=\"", &span.to_string(), "\"/>"].concat());
        }
        match merge {
            1 => out.push_str("<w:vMerge w:val=\"restart\"/>"),
            2 => out.push_str("<w:vMerge/>"),
            _ => {}
        }
        rest = &tail[end..];
    }
    out.push_str(rest);
    out
}

/// The title of the 2019 plan, in three bold lines as in the document.
pub fn title_2019() -> Vec<P> {
    vec![
        b("План работы Смоленского Регионального отделения"),
        b("Общероссийской общественной организации"),
        b("«Всероссийский Совет местного самоуправления» на 2019 год"),
    ]
}

fn dashed(items: &[&str]) -> Cell {
    cell(items.iter().map(|i| p(&format!("- {i}"))).collect())
}

fn lines(items: &[&str]) -> Cell {
    cell(items.iter().map(|i| p(i)).collect())
}

/// A bold section row: the title in the first cell, the others empty.
fn bold_section(title: &str) -> Vec<Cell> {
    vec![cell(vec![b(title)]), empty(), empty()]
}

/// A section row spanning the table.
fn spanning_section(title: &str, columns: usize) -> Vec<Cell> {
    vec![cell(vec![b(title)]).span(columns)]
}

/// The 2019 plan as `../shared/source/plan-2019-source.txt` shows it: sections 1, 2, 5 and 6 as
/// bold rows with empty cells beside, 3, 4 and 7 as rows spanning the table; bulleted items in
/// one cell beside as many times; section 3 a row per activity; section 4's last sentence split
/// by a page break into the next row, where the time and responsible cells are merged from above;
/// «по согласованию с Президиумом», «(Избирком Смоленской области)», «семинара- совещания».
pub fn plan_2019() -> Vec<u8> {
    let header = vec![b_cell("Мероприятия"), b_cell("Время проведения"), b_cell("Ответственные")];
    let rows = vec![
        header,
        bold_section("Заседания руководящих органов регионального отделения"),
        vec![
            dashed(&[
                "Заседания Смоленского Регионального совета",
                "Заседания Президиума Смоленского Регионального совета",
            ]),
            lines(&["не реже 1-го раза в 6 месяцев", "по мере необходимости, но не реже 1-го раза в 3 месяца"]),
            text("Президиум РС ВСМС"),
        ],
        bold_section("Участие в избирательных компаниях"),
        vec![
            dashed(&[
                "Дополнительные выборы депутатов Смоленского городского Совета",
                "Выборы депутатов представительных органов вновь образованных муниципальных образований Смоленской области",
            ]),
            lines(&["июнь – сентябрь", "февраль – май"]),
            text("члены РО ВСМС по согласованию с Президиумом"),
        ],
        spanning_section(
            "Мероприятия в рамках информационно-и учебно-методического, консультационного, аналитического и экспертного направления деятельности ВСМС",
            3,
        ),
        vec![
            text(
                "- Проведение тематических уроков посвященных Дню местного самоуправления в общеобразовательных учреждениях Смоленской области",
            ),
            text("апрель"),
            text("РО ВСМС"),
        ],
        vec![
            text("- Организация семинара- совещания Смоленского РО ВСМС"),
            text("II полугодие"),
            text("Президиум РС ВСМС"),
        ],
        vec![
            text(
                "- Участие в конференциях, круглых столах с представителями муниципальных образований по актуальным вопросам развития местного самоуправления",
            ),
            text("весь период"),
            text("РО ВСМС"),
        ],
        vec![
            text(
                "- Подготовка и проведение общественных, образовательных, информационных, просветительских и иных мероприятий, соответствующих целям и задачам Организации",
            ),
            text("весь период"),
            text("РО ВСМС"),
        ],
        spanning_section(
            "Мероприятия по взаимодействию с органами государственной власти, политическими партиями, общественными организациями, ассоциациями",
            3,
        ),
        vec![
            dashed(&[
                "Участие в тематических мероприятиях СОО «Поисковое объединение «Долг»",
                "Участие в проведении деловой игры «МОЙ ВЫБОР 2018» (Избирком Смоленской области)",
                "Олимпиада по основам местного самоуправления",
                "Участие в съезде территориального общественного самоуправления Смоленской области (Департамент по внутренней политике Смоленской области)",
                "Конкурс «Лучший руководитель территориального общественного самоуправления Смоленской области»",
                "Участие в региональных мероприятиях, касающихся местного самоуправления, организованных органами государственной власти, органами МСУ, политическими партиями,",
            ]),
            lines(&["весь период", "ноябрь", "май", "октябрь", "I полугодие", "весь период"]).merge_start(),
            lines(&["Президиум РС ВСМС", "РО ВСМС"]).merge_start(),
        ],
        vec![cell(vec![after_break("общественными организациями, ассоциациями")]), merged(), merged()],
        bold_section("Работа по наращиванию персонального состава Регионального отделения"),
        vec![
            dashed(&[
                "Организация приема в члены ВСМС вновь избранных глав и депутатов местного самоуправления;",
                "Прием в члены ВСМС активных участников региональных проектов и мероприятий Регионального отделения ВСМС",
                "Формирование и обновление базы контактов РО ВСМС",
            ]),
            text("весь период"),
            text("Президиум РС ВСМС"),
        ],
        bold_section("Организационная работа"),
        vec![
            dashed(&[
                "Проведение работы по росту численности членов ВСМС",
                "Обновление реестров членов Регионального отделения ВСМС",
                "Сбор, анализ и распространение лучших практик муниципального управления",
            ]),
            text("весь период"),
            text("Члены РО по согласованию РС ВСМС"),
        ],
        spanning_section("Работа со СМИ", 3),
        vec![
            dashed(&[
                "Организация информационного освещения мероприятий Смоленского Регионального отделения в сети Интернет и СМИ",
                "Регулярное размещение информации о ситуации в муниципальных образованиях, о лучших практиках муниципального управления на сайте ВСМС, в федеральных СМИ",
                "Сбор информации о ситуации в муниципальных образованиях",
            ]),
            text("Весь период"),
            text("Президиум РС ВСМС"),
        ],
    ];
    document(&title_2019(), &rows, &[])
}

fn b_cell(t: &str) -> Cell {
    cell(vec![b(t)])
}

/// A plan with a «№ п/п» column, headings in odd case and spacing, Word list items, section rows
/// spanning all four columns, and a time merged down over a section.
pub fn numbered() -> Vec<u8> {
    let header = vec![b_cell("№ п/п"), b_cell("  МЕРОПРИЯТИЯ "), b_cell("Время  проведения"), b_cell("ответственные")];
    let rows = vec![
        header,
        vec![b_cell("1. Заседания").span(4)],
        vec![text("1.1"), text("Заседание совета"), text("ежеквартально").merge_start(), text("Совет")],
        vec![text("1.2"), text("Заседание президиума"), merged(), text("Президиум, Совет")],
        vec![b_cell("2. Мероприятия").span(4)],
        vec![
            text("2.1"),
            cell(vec![li("Семинар для глав поселений"), li("Конкурс проектов (Администрация области)")]),
            lines(&["март", "I квартал"]),
            text("Президиум по согласованию с Советом"),
        ],
    ];
    document(&[b("Смоленское отделение"), b("ПЛАН РАБОТЫ на 2020 год")], &rows, &[])
}

/// A plan with faults: a time the grammar does not read, a row of items with no time, a row of
/// three items beside two times.
pub fn faulty() -> Vec<u8> {
    let header = vec![text("Мероприятия"), text("Время проведения"), text("Ответственные")];
    let rows = vec![
        header,
        bold_section("Раздел"),
        vec![text("Собрание актива"), text("в течении года"), text("Президиум")],
        vec![dashed(&["Выезд в районы", "Отчёт"]), empty(), text("Президиум")],
        vec![dashed(&["Первое", "Второе", "Третье"]), lines(&["май", "июнь"]), text("Совет")],
    ];
    document(&[p("План работы на 2021 год")], &rows, &[])
}
