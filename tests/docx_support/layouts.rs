//! Plans as other branches and bodies write them (spec §8, «Real plans … vary»): a table broken
//! across pages, headings in other words and orders, five and six columns, a numbered list, an
//! approval block over several lines, a signature blank, commas inside quotes, «(по
//! согласованию)», a historical year in the title, times on two lines, no responsible column, no
//! title, unfamiliar headings recognised by their content.

use super::{Cell, P, Part, b, b_cell, build, cell, empty, merged, ni, p, text};

fn lines(items: &[&str]) -> Cell {
    cell(items.iter().map(|i| p(i)).collect())
}

fn row(cells: &[&str]) -> Vec<Cell> {
    cells.iter().map(|c| text(c)).collect()
}

/// A council of veterans' plan: a six-column table broken across two pages (the second part
/// repeats the heading row after «Продолжение таблицы»), a row of column numbers under the
/// headings, section rows numbered «I.», a place merged down over two rows, a result column, a
/// time on two lines, «(по согласованию)», an approval block on three lines and a signature blank
/// with the name on the next line.
pub(crate) fn split_table() -> Vec<u8> {
    let header = || {
        vec![
            b_cell("№ п/п"),
            b_cell("Наименование мероприятия"),
            b_cell("Срок исполнения"),
            b_cell("Ответственный за исполнение"),
            b_cell("Место проведения"),
            b_cell("Отметка о выполнении"),
        ]
    };
    let first = vec![
        header(),
        row(&["1", "2", "3", "4", "5", "6"]),
        vec![b_cell("I. Организационная работа").span(6)],
        vec![
            text("1."),
            text("Заседание Совета ветеранов"),
            text("ежеквартально"),
            text("Председатель Совета"),
            text("г. Кардымово, ул. Ленина, 1").merge_start(),
            text("выполнено"),
        ],
        vec![
            text("2."),
            text("Приём граждан по личным вопросам"),
            text("весь период"),
            text("Станчев А.Е."),
            merged(),
            empty(),
        ],
    ];
    let second = vec![
        header(),
        vec![b_cell("II. Патриотическое воспитание").span(6)],
        vec![
            text("3."),
            text("Уроки мужества в школах района"),
            lines(&["Апрель", "май"]),
            text("Совет ветеранов, МБОУ «Кардымовская СШ»"),
            text("школы района"),
            empty(),
        ],
        vec![
            text("4."),
            text("Акция «Бессмертный полк»"),
            text("09.05.2024"),
            text("Администрация района, Совет ветеранов (по согласованию)"),
            text("п. Кардымово"),
            empty(),
        ],
    ];
    build(&[
        Part::Para(p("УТВЕРЖДЕН")),
        Part::Para(p("протоколом заседания Совета ветеранов")),
        Part::Para(p("от 25.01.2024 № 1")),
        Part::Para(b("Совет ветеранов Кардымовского района")),
        Part::Para(b("План работы Совета ветеранов на 2024 год")),
        Part::Table(first),
        Part::Para(p("Продолжение таблицы")),
        Part::Table(second),
        Part::Para(p("Председатель Совета ветеранов ____________ (подпись)")),
        Part::Para(p("А. Е. Станчев")),
    ])
}

/// A library's plan for an anniversary: five columns in another order («№ | Дата | Содержание
/// работы | Исполнители | Примечание»), a historical range and an anniversary in the title and no
/// plan year there (the times give it), no section rows, a time no grammar reads.
pub(crate) fn date_heading() -> Vec<u8> {
    let rows = vec![
        vec![b_cell("№"), b_cell("Дата"), b_cell("Содержание работы"), b_cell("Исполнители"), b_cell("Примечание")],
        row(&[
            "1",
            "15.04.2025",
            "Конкурс чтецов «Строки, опалённые войной»",
            "Библиотека",
            "для учащихся 5–9 классов",
        ]),
        row(&["2", "май 2025", "Выставка «Они сражались за Родину»", "Библиотека, Совет ветеранов", ""]),
        row(&["3", "в дни школьных каникул", "Встречи с ветеранами", "Совет ветеранов", ""]),
    ];
    build(&[
        Part::Para(b("План мероприятий, посвящённых 80-летию Победы в Великой Отечественной войне 1941–1945 гг.")),
        Part::Table(rows),
    ])
}

/// A trade union's plan written as a numbered list, no table: «— срок — ответственный» after the
/// title, or «Срок:» and «Ответственные:» on the item's own lines, or neither.
pub(crate) fn numbered_list() -> Vec<u8> {
    let parts: Vec<P> = vec![
        b("Профсоюзный комитет МБОУ СШ № 2"),
        b("План работы профсоюзного комитета на 2024 год"),
        b("Организационная работа"),
        ni("Заседание профкома — ежемесячно — Председатель профкома"),
        ni("Отчётное собрание — декабрь — Профком"),
        b("Культурно-массовая работа"),
        ni("Новогодний вечер для сотрудников"),
        p("Срок: декабрь"),
        p("Ответственные: Культмассовый сектор"),
        ni("Поздравление ветеранов педагогического труда"),
        p("Председатель профкома ____________ Н. В. Смирнова"),
    ];
    build(&parts.into_iter().map(Part::Para).collect::<Vec<_>>())
}

/// A rural administration's two-year plan: headings no list knows («Виды работ», «Участники»,
/// recognised by their content), section rows in bold that give their activities a time and a
/// party, a party whose name holds a comma inside quotes, a stray «)», «(по согласованию)» after
/// a semicolon, an approval «УТВЕРЖДАЮ» by a person without a date.
pub(crate) fn quoted_commas() -> Vec<u8> {
    let rows = vec![
        vec![b_cell("Виды работ"), b_cell("Сроки"), b_cell("Участники")],
        vec![b_cell("Работа с населением"), text("весь период"), text("Администрация поселения")],
        vec![text("Сходы граждан в населённых пунктах"), empty(), empty()],
        vec![text("Работа с обращениями граждан"), empty(), text("МКУ «Центр обслуживания, учёта и отчётности», )")],
        vec![b_cell("Благоустройство"), empty(), empty()],
        vec![
            text("Субботники по уборке территории"),
            text("апрель"),
            text("Администрация поселения, ТОС «Заречье» (по согласованию)"),
        ],
        vec![
            text("Обустройство детской площадки"),
            text("II квартал"),
            text("Администрация поселения; Совет депутатов (по согласованию)"),
        ],
    ];
    build(&[
        Part::Para(p("УТВЕРЖДАЮ")),
        Part::Para(p("Глава муниципального образования")),
        Part::Para(p("____________ И.И. Иванов")),
        Part::Para(p("«___» __________ 2024 г.")),
        Part::Para(b("План работы администрации Заречного сельского поселения на 2024–2025 годы")),
        Part::Table(rows),
    ])
}

/// A library's table with no title above it and no responsible column, times on two lines, a
/// signature below.
pub(crate) fn no_responsible() -> Vec<u8> {
    let rows = vec![
        vec![b_cell("Мероприятие"), b_cell("Дата проведения")],
        vec![b_cell("Массовые мероприятия").span(2)],
        row(&["День открытых дверей", "март 2024"]),
        vec![text("Неделя детской книги"), lines(&["25.03.2024 –", "31.03.2024"])],
        vec![text("Летние чтения"), lines(&["июнь", "август"])],
    ];
    build(&[Part::Table(rows), Part::Para(p("Директор МБУК «ЦБС» ____________ О. В. Петрова"))])
}
