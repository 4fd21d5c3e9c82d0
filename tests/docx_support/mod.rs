//! Word documents for the import tests, built with `docx-rs` (the crate `export docx` writes
//! with), in the shapes real plans take: a title above a table, bulleted items in one cell beside
//! as many times, bold section rows, rows spanning the table, merged cells, Word list items with a
//! numbering definition, text carried to the next page by a page break.
#![allow(dead_code)]

use std::io::Cursor;

pub(crate) mod layouts;

use docx_rs::{
    AbstractNumbering, BreakType, Docx, IndentLevel, Level, LevelJc, LevelText, NumberFormat, Numbering, NumberingId,
    Paragraph, Run, Start, Table, TableCell, TableRow, VMergeType,
};

/// A paragraph of a cell or above the table.
// Four independent marks a paragraph may carry, as Word's own properties are.
#[allow(clippy::struct_excessive_bools)]
#[derive(Debug, Clone)]
pub(crate) struct P {
    pub text: String,
    pub bold: bool,
    /// A Word list item (`w:numPr`), shown with a dash.
    pub listed: bool,
    /// Starts with a page break, as text carried to the next page.
    pub page_break: bool,
    /// With `listed`: a list that shows no mark (`list-style-type: none`), the dash typed in the
    /// text instead, as in the 2019 document.
    pub bare: bool,
    /// With `listed`: Word's numbered list (1., 2., …), the number not in the text.
    pub numbered: bool,
}

/// Plain text.
pub(crate) fn p(text: &str) -> P {
    P { text: text.to_owned(), bold: false, listed: false, page_break: false, bare: false, numbered: false }
}

/// Bold text.
pub(crate) fn b(text: &str) -> P {
    P { bold: true, ..p(text) }
}

/// A Word list item.
pub(crate) fn li(text: &str) -> P {
    P { listed: true, ..p(text) }
}

/// An item of a list that shows no mark.
pub(crate) fn li_bare(text: &str) -> P {
    P { listed: true, bare: true, ..p(text) }
}

/// An item of Word's numbered list.
pub(crate) fn ni(text: &str) -> P {
    P { listed: true, numbered: true, ..p(text) }
}

/// Text after a page break.
pub(crate) fn after_break(text: &str) -> P {
    P { page_break: true, ..p(text) }
}

/// How a cell is merged.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Merge {
    None,
    /// Starts a vertical merge.
    Start,
    /// Continues the merge from the row above.
    Continue,
}

/// A table cell.
#[derive(Debug, Clone)]
pub(crate) struct Cell {
    pub paragraphs: Vec<P>,
    pub span: usize,
    pub merge: Merge,
}

/// A cell of paragraphs.
pub(crate) fn cell(paragraphs: Vec<P>) -> Cell {
    Cell { paragraphs, span: 1, merge: Merge::None }
}

/// A cell of one plain paragraph (none when empty).
pub(crate) fn text(t: &str) -> Cell {
    cell(if t.is_empty() { Vec::new() } else { vec![p(t)] })
}

/// An empty cell.
pub(crate) fn empty() -> Cell {
    cell(Vec::new())
}

impl Cell {
    /// Spanning `n` grid columns.
    pub(crate) fn span(mut self, n: usize) -> Self {
        self.span = n;
        self
    }

    /// Starting a vertical merge.
    pub(crate) fn merge_start(mut self) -> Self {
        self.merge = Merge::Start;
        self
    }
}

/// A cell continuing the vertical merge above.
pub(crate) fn merged() -> Cell {
    Cell { paragraphs: Vec::new(), span: 1, merge: Merge::Continue }
}

/// The numbering definition of list items: a dash, as Russian documents write lists (`docx-rs`
/// keeps 1 for its own decimal list).
const DASHES: usize = 2;
/// The numbering definition of lists that show no mark.
const BARE: usize = 3;
/// The numbering definition of numbered lists («1.»).
const NUMBERED: usize = 4;

fn paragraph(para: &P) -> Paragraph {
    let mut run = Run::new();
    if para.page_break {
        run = run.add_break(BreakType::Page);
    }
    for (i, line) in para.text.split('\n').enumerate() {
        if i > 0 {
            run = run.add_break(BreakType::TextWrapping);
        }
        run = run.add_text(line);
    }
    if para.bold {
        run = run.bold();
    }
    let paragraph = Paragraph::new().add_run(run);
    match (para.listed, para.bare, para.numbered) {
        (false, _, _) => paragraph,
        (true, _, true) => paragraph.numbering(NumberingId::new(NUMBERED), IndentLevel::new(0)),
        (true, false, false) => paragraph.numbering(NumberingId::new(DASHES), IndentLevel::new(0)),
        (true, true, false) => paragraph.numbering(NumberingId::new(BARE), IndentLevel::new(0)),
    }
}

/// A part of a document's body.
pub(crate) enum Part {
    Para(P),
    Table(Vec<Vec<Cell>>),
}

/// The .docx: paragraphs above the table, then the table, then paragraphs below it.
pub(crate) fn document(above: &[P], rows: &[Vec<Cell>], below: &[P]) -> Vec<u8> {
    let parts: Vec<Part> = above
        .iter()
        .cloned()
        .map(Part::Para)
        .chain([Part::Table(rows.to_vec())])
        .chain(below.iter().cloned().map(Part::Para))
        .collect();
    build(&parts)
}

/// The .docx of these parts, in order: paragraphs and tables (a table broken across pages is two).
pub(crate) fn build(parts: &[Part]) -> Vec<u8> {
    let level = |format: &str, text: &str| {
        Level::new(0, Start::new(1), NumberFormat::new(format), LevelText::new(text), LevelJc::new("left"))
    };
    let mut docx = Docx::new()
        .add_abstract_numbering(AbstractNumbering::new(DASHES).add_level(level("bullet", "–")))
        .add_numbering(Numbering::new(DASHES, DASHES))
        .add_abstract_numbering(AbstractNumbering::new(BARE).add_level(level("none", "")))
        .add_numbering(Numbering::new(BARE, BARE));
    // Only where used, so that the documents without it stay as they were committed.
    if parts.iter().any(|part| matches!(part, Part::Para(P { numbered: true, .. }))) {
        docx = docx
            .add_abstract_numbering(AbstractNumbering::new(NUMBERED).add_level(level("decimal", "%1.")))
            .add_numbering(Numbering::new(NUMBERED, NUMBERED));
    }
    for part in parts {
        docx = match part {
            Part::Para(para) => docx.add_paragraph(paragraph(para)),
            Part::Table(rows) => docx.add_table(table(rows)),
        };
    }
    let mut written = Cursor::new(Vec::new());
    docx.build().pack(&mut written).expect("docx-rs writes the document");
    written.into_inner()
}

fn table(rows: &[Vec<Cell>]) -> Table {
    let columns = rows.iter().map(|row| row.iter().map(|c| c.span).sum::<usize>()).max().unwrap_or(1);
    let width = 9000 / columns;
    let table_rows = rows
        .iter()
        .map(|row| {
            let cells = row
                .iter()
                .map(|c| {
                    let mut cell = TableCell::new();
                    for para in &c.paragraphs {
                        cell = cell.add_paragraph(paragraph(para));
                    }
                    if c.paragraphs.is_empty() {
                        // Word wants a paragraph in every cell.
                        cell = cell.add_paragraph(Paragraph::new());
                    }
                    if c.span > 1 {
                        cell = cell.grid_span(c.span);
                    }
                    match c.merge {
                        Merge::None => cell,
                        Merge::Start => cell.vertical_merge(VMergeType::Restart),
                        Merge::Continue => cell.vertical_merge(VMergeType::Continue),
                    }
                })
                .collect();
            TableRow::new(cells)
        })
        .collect();
    Table::new(table_rows).set_grid(vec![width; columns])
}

/// The title of the 2019 plan: one bold paragraph of three lines, as in the document.
pub(crate) fn title_2019() -> Vec<P> {
    vec![b(
        "План работы Смоленского Регионального отделения\nОбщероссийской общественной организации\n«Всероссийский Совет местного самоуправления» на 2019 год",
    )]
}

/// Items typed with a dash in a list that shows no mark, as the 2019 document writes them.
fn dashed(items: &[&str]) -> Cell {
    cell(items.iter().map(|i| li_bare(&format!("- {i}"))).collect())
}

/// Times as the items of a list that shows no mark.
fn listed_lines(items: &[&str]) -> Cell {
    cell(items.iter().map(|i| li_bare(i)).collect())
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
pub(crate) fn plan_2019() -> Vec<u8> {
    let header = vec![b_cell("Мероприятия"), b_cell("Время проведения"), b_cell("Ответственные")];
    let rows = vec![
        header,
        bold_section("Заседания руководящих органов регионального отделения"),
        vec![
            dashed(&[
                "Заседания Смоленского Регионального совета",
                "Заседания Президиума Смоленского Регионального совета",
            ]),
            listed_lines(&["не реже 1-го раза в 6 месяцев", "по мере необходимости, но не реже 1-го раза в 3 месяца"]),
            text("Президиум РС ВСМС"),
        ],
        bold_section("Участие в избирательных компаниях"),
        vec![
            dashed(&[
                "Дополнительные выборы депутатов Смоленского городского Совета",
                "Выборы депутатов представительных органов вновь образованных муниципальных образований Смоленской области",
            ]),
            listed_lines(&["июнь – сентябрь", "февраль – май"]),
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

pub(crate) fn b_cell(t: &str) -> Cell {
    cell(vec![b(t)])
}

/// A plan with a «№ п/п» column, headings in odd case and spacing, Word list items, section rows
/// spanning all four columns, and a time merged down over a section.
pub(crate) fn numbered() -> Vec<u8> {
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
/// three items beside two times, two paragraphs without list marks beside one time.
pub(crate) fn faulty() -> Vec<u8> {
    let header = vec![text("Мероприятия"), text("Время проведения"), text("Ответственные")];
    let rows = vec![
        header,
        bold_section("Раздел"),
        vec![text("Собрание актива"), text("в течении года"), text("Президиум")],
        vec![dashed(&["Выезд в районы", "Отчёт"]), empty(), text("Президиум")],
        vec![dashed(&["Первое", "Второе", "Третье"]), lines(&["май", "июнь"]), text("Совет")],
        vec![lines(&["Встреча с избирателями", "Приём граждан"]), text("май"), text("Совет")],
    ];
    document(&[p("План работы на 2021 год")], &rows, &[])
}
