//! The plan's table: the first table whose heading row names its columns (in any of the wordings
//! plans use, in any order), or whose columns are recognised by what they hold where a heading is
//! unfamiliar; continued by the tables that follow it after a page break; its merged cells
//! resolved into a grid.

use super::document::{Block, Cell, Document, MAX_ROWS, Merge, Paragraph, Row};
use super::{Column, Problem};
use crate::when;

/// How far down a table its heading row is looked for (a title row may come first).
const HEADING_ROWS: usize = 5;
/// How many data rows are read to recognise a column by its content.
const SAMPLE_ROWS: usize = 200;

/// What a column of the plan's table holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Role {
    /// «№ п/п».
    Number,
    Activity,
    Time,
    Responsible,
    /// «Место проведения» → `place`.
    Place,
    /// «Отметка о выполнении» → `result`.
    Result,
    /// «Примечание», «Ожидаемые результаты», any other column → `note`, as «{heading}: {text}».
    Note {
        heading: String,
    },
}

/// A column of the table and what it was taken as, for stderr.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ColumnUse {
    /// Grid column, from 1.
    pub column: usize,
    /// The heading as the document writes it (empty when it has none).
    pub heading: String,
    pub role: Role,
    /// Recognised by what its cells hold, not by its heading.
    pub by_content: bool,
}

/// The plan's table, found.
#[derive(Debug)]
pub struct PlanTable<'d> {
    /// The non-empty paragraphs above the table, in order.
    pub above: Vec<&'d Paragraph>,
    /// The non-empty paragraphs below it (the signature), in order.
    pub below: Vec<&'d Paragraph>,
    /// The rows of the table and of the tables that continue it.
    pub rows: Vec<Row>,
    /// Index in `rows` of the heading row; data rows follow it.
    pub heading: usize,
    /// Grid column of each role.
    pub activity: usize,
    pub time: Option<usize>,
    pub responsible: Option<usize>,
    /// Grid column of «№ п/п», when the table has one.
    pub number: Option<usize>,
    /// The other columns, kept as `place`, `result` or `note`.
    pub extras: Vec<(usize, Role)>,
    /// Every column and its role, in order, for stderr.
    pub columns: Vec<ColumnUse>,
    /// `grid[row][column]`: the cell that shows there (for a `vMerge` continuation, the cell that
    /// starts the merge), and whether it is continued from above.
    pub grid: Vec<Vec<Slot>>,
    /// How many tables the plan's table was printed as (a page break starts a new one).
    pub parts: usize,
    /// Read from a numbered list, not a table: a row is an item.
    pub list: bool,
}

/// What one grid position of one row shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Slot {
    /// Row and index in `Row::cells` of the cell whose text shows here.
    pub row: usize,
    pub cell: usize,
    /// Covered by a vertical merge from the row above.
    pub continued: bool,
}

impl PlanTable<'_> {
    /// The grid column of a role, when the table has it.
    #[must_use]
    pub fn column(&self, column: Column) -> Option<usize> {
        match column {
            Column::Activity => Some(self.activity),
            Column::Time => self.time,
            Column::Responsible => self.responsible,
        }
    }

    /// What row `row` shows in the column of `column`, if the table has it and the row reaches
    /// that far.
    #[must_use]
    pub fn slot(&self, row: usize, column: Column) -> Option<Slot> {
        self.at(row, self.column(column)?)
    }

    /// What row `row` shows in grid column `column`.
    #[must_use]
    pub fn at(&self, row: usize, column: usize) -> Option<Slot> {
        self.grid.get(row)?.get(column).copied()
    }

    /// The cell of a slot.
    #[must_use]
    pub fn cell(&self, slot: Slot) -> &Cell {
        &self.rows[slot.row].cells[slot.cell]
    }

    /// The texts of the heading row, one per grid column.
    #[must_use]
    pub fn heading_texts(&self) -> Vec<String> {
        self.row_texts(self.heading)
    }

    /// The text each grid column of `row` shows itself (empty where merged from above).
    #[must_use]
    pub fn row_texts(&self, row: usize) -> Vec<String> {
        self.grid[row]
            .iter()
            .map(|slot| if slot.continued { String::new() } else { cell_text(self.cell(*slot)).to_lowercase() })
            .collect()
    }
}

/// Finds the plan's table in the document.
pub fn find(document: &Document) -> Result<PlanTable<'_>, Problem> {
    let mut tables = 0;
    let mut first_rows = Vec::new();
    // The first table with a table inside a cell, for the error when no plan table is found.
    let mut nesting = None;
    for (index, block) in document.blocks.iter().enumerate() {
        let Block::Table(table) = block else { continue };
        tables += 1;
        let count = table.rows.len() + table.rows_dropped;
        if count > MAX_ROWS {
            return Err(Problem::TooManyRows { rows: count, limit: MAX_ROWS });
        }
        if nesting.is_none()
            && let Some((row, column)) = table.nested
        {
            nesting = Some(Problem::NestedTable { table: tables, row, column, in_plan: false });
        }
        let first_grid = grid(&table.rows);
        for heading in 0..table.rows.len().min(HEADING_ROWS) {
            let Some(layout) = layout(&table.rows, &first_grid, heading) else { continue };
            let columns = width(&first_grid);
            let nested_in_plan = |offset: usize, nested: Option<(usize, usize)>| match nested {
                Some((row, column)) => {
                    Err(Problem::NestedTable { table: tables, row: offset + row, column, in_plan: true })
                }
                None => Ok(()),
            };
            nested_in_plan(0, table.nested)?;
            let mut rows = table.rows.clone();
            let mut parts = 1;
            let mut end = index + 1;
            // The tables that continue it after a page break: the same columns, only a heading
            // line («Продолжение таблицы») between them.
            let mut next = index + 1;
            while let Some(block) = document.blocks.get(next) {
                match block {
                    Block::Paragraph(p) if is_continuation_note(&p.text) => next += 1,
                    Block::Table(more) if width(&grid(&more.rows)) == columns => {
                        let total = rows.len() + more.rows.len() + more.rows_dropped;
                        if total > MAX_ROWS {
                            return Err(Problem::TooManyRows { rows: total, limit: MAX_ROWS });
                        }
                        nested_in_plan(rows.len(), more.nested)?;
                        rows.extend(more.rows.iter().cloned());
                        parts += 1;
                        next += 1;
                        end = next;
                    }
                    _ => break,
                }
            }
            let grid = grid(&rows);
            return Ok(PlanTable {
                above: paragraphs(&document.blocks[..index]),
                below: paragraphs(&document.blocks[end..]),
                rows,
                heading,
                activity: layout.activity,
                time: layout.time,
                responsible: layout.responsible,
                number: layout.number,
                extras: layout.extras,
                columns: layout.columns,
                grid,
                parts,
                list: false,
            });
        }
        if first_rows.len() < 3
            && let Some(row) = table.rows.first()
        {
            let text: Vec<String> = row.cells.iter().map(cell_text).filter(|t| !t.is_empty()).collect();
            first_rows.push(text.join(" | "));
        }
    }
    Err(nesting.unwrap_or(Problem::NoPlanTable { tables, first_rows }))
}

/// The non-empty paragraphs among `blocks`.
fn paragraphs(blocks: &[Block]) -> Vec<&Paragraph> {
    blocks
        .iter()
        .filter_map(|b| match b {
            Block::Paragraph(p) if !p.text.trim().is_empty() && !is_continuation_note(&p.text) => Some(p),
            _ => None,
        })
        .collect()
}

/// «Продолжение таблицы», «Окончание табл. 1»: the line Word users type above the rest of a table
/// on a new page.
fn is_continuation_note(text: &str) -> bool {
    let lower = collapse(&text.to_lowercase());
    lower.chars().count() < 60 && (lower.starts_with("продолжение табл") || lower.starts_with("окончание табл"))
}

/// The widest row of a grid.
fn width(grid: &[Vec<Slot>]) -> usize {
    grid.iter().map(Vec::len).max().unwrap_or(0)
}

/// The columns of a table whose heading row is `heading`.
struct Layout {
    activity: usize,
    time: Option<usize>,
    responsible: Option<usize>,
    number: Option<usize>,
    extras: Vec<(usize, Role)>,
    columns: Vec<ColumnUse>,
}

/// The table's columns when `heading` is its heading row: by their headings, and where these are
/// unfamiliar, by what the cells below hold. `None` when the row names none of the plan's columns
/// or no column holds activities.
fn layout(rows: &[Row], grid: &[Vec<Slot>], heading: usize) -> Option<Layout> {
    let slots = &grid[heading];
    // A heading cell spanning columns is found at its first column only.
    let starts: Vec<usize> = (0..slots.len()).filter(|&c| c == 0 || slots[c - 1] != slots[c]).collect();
    if starts.len() < 2 {
        return None;
    }
    let texts: Vec<String> = starts.iter().map(|&c| cell_text(&rows[slots[c].row].cells[slots[c].cell])).collect();
    let mut roles: Vec<Option<Role>> = texts.iter().map(|t| self::heading(t)).collect();
    let named = |roles: &[Option<Role>], role: &Role| roles.iter().any(|r| r.as_ref() == Some(role));
    // The row must name at least one of the plan's own columns to be its heading row.
    if ![Role::Activity, Role::Time, Role::Responsible].iter().any(|role| named(&roles, role)) {
        return None;
    }
    let mut by_content = vec![false; starts.len()];
    let samples: Vec<Vec<String>> = starts.iter().map(|&c| column_texts(rows, grid, heading, c)).collect();
    let free = |roles: &[Option<Role>]| -> Vec<usize> {
        (0..roles.len()).filter(|&i| roles[i].is_none() && !samples[i].is_empty()).collect()
    };
    if !named(&roles, &Role::Time)
        && let Some(i) = best(&free(&roles), |i| share(&samples[i], reads_as_time)).filter(|(_, s)| *s >= 0.5)
    {
        roles[i.0] = Some(Role::Time);
        by_content[i.0] = true;
    }
    // Names before the longest texts: a cell of several bodies may be longer than a title. Of
    // columns that name bodies equally often, the shorter texts are the parties.
    if !named(&roles, &Role::Responsible)
        && let Some((i, _)) =
            best(&free(&roles), |i| share(&samples[i], names_someone) - average_length(&samples[i]) / 1e6)
                .filter(|(_, s)| *s >= 0.5)
    {
        roles[i] = Some(Role::Responsible);
        by_content[i] = true;
    }
    if !named(&roles, &Role::Activity)
        && let Some((i, _)) = best(&free(&roles), |i| average_length(&samples[i]))
    {
        roles[i] = Some(Role::Activity);
        by_content[i] = true;
    }
    let mut layout =
        Layout { activity: 0, time: None, responsible: None, number: None, extras: Vec::new(), columns: Vec::new() };
    let mut activity = None;
    for (i, role) in roles.into_iter().enumerate() {
        let column = starts[i];
        // A note keeps its heading as the document writes it: «Примечание: …».
        let role = match role {
            None | Some(Role::Note { .. }) => Role::Note {
                heading: if texts[i].is_empty() { format!("Столбец {}", column + 1) } else { texts[i].clone() },
            },
            Some(role) => role,
        };
        // A second column of the same kind is kept as a note, not lost.
        let role = match role {
            Role::Activity if activity.is_some() => Role::Note { heading: texts[i].clone() },
            Role::Time if layout.time.is_some() => Role::Note { heading: texts[i].clone() },
            Role::Responsible if layout.responsible.is_some() => Role::Note { heading: texts[i].clone() },
            Role::Number if layout.number.is_some() => Role::Note { heading: texts[i].clone() },
            other => other,
        };
        match &role {
            Role::Activity => activity = Some(column),
            Role::Time => layout.time = Some(column),
            Role::Responsible => layout.responsible = Some(column),
            Role::Number => layout.number = Some(column),
            other => layout.extras.push((column, other.clone())),
        }
        layout.columns.push(ColumnUse {
            column: column + 1,
            heading: texts[i].clone(),
            role,
            by_content: by_content[i],
        });
    }
    layout.activity = activity?;
    // Without a time or a responsible column it is some other table (a layout grid, a list of
    // names).
    (layout.time.is_some() || layout.responsible.is_some()).then_some(layout)
}

/// The column whose score is highest (the first of equals), with its score.
fn best(columns: &[usize], score: impl Fn(usize) -> f64) -> Option<(usize, f64)> {
    let mut best: Option<(usize, f64)> = None;
    for &column in columns {
        let s = score(column);
        if best.is_none_or(|(_, b)| s > b) {
            best = Some((column, s));
        }
    }
    best
}

/// The texts a column shows below the heading row (merged cells once; rows across the table,
/// which are section rows, left out), the first [`SAMPLE_ROWS`].
fn column_texts(rows: &[Row], grid: &[Vec<Slot>], heading: usize, column: usize) -> Vec<String> {
    grid.iter()
        .skip(heading + 1)
        .take(SAMPLE_ROWS)
        .filter_map(|slots| {
            let slot = slots.get(column)?;
            let across = slots.iter().filter(|s| *s == slot).count() > 1;
            (!slot.continued && !across).then(|| cell_text(&rows[slot.row].cells[slot.cell]))
        })
        .filter(|text| !text.is_empty() && !text.chars().all(|c| c.is_ascii_digit() || c == '.'))
        .collect()
}

#[allow(clippy::cast_precision_loss)] // a few hundred cells
fn share(texts: &[String], test: fn(&str) -> bool) -> f64 {
    texts.iter().filter(|t| test(t)).count() as f64 / texts.len().max(1) as f64
}

#[allow(clippy::cast_precision_loss)] // a few hundred cells
fn average_length(texts: &[String]) -> f64 {
    texts.iter().map(|t| t.chars().count()).sum::<usize>() as f64 / texts.len().max(1) as f64
}

/// Whether the time grammar reads a cell (its first line, or its lines as a list).
fn reads_as_time(text: &str) -> bool {
    let context = when::Context { year: 2000, today: chrono::NaiveDate::from_ymd_opt(2000, 1, 1).unwrap_or_default() };
    when::parse(text, &context, when::Source::File).is_ok()
}

/// Words that name bodies and people in the responsible column of plans.
const BODY_WORDS: &[&str] = &[
    "совет",
    "администрац",
    "комитет",
    "комисси",
    "отдел",
    "управлен",
    "председател",
    "депутат",
    "глава",
    "директор",
    "руководител",
    "член",
    "секретар",
    "специалист",
    "заместител",
    "библиотек",
    "учреждени",
    "президиум",
    "отделени",
    "организаци",
    "служб",
    "центр",
    "школ",
    "профком",
    "аппарат",
    "инспектор",
    "методист",
    "заведующ",
    "избирком",
];

/// Whether a cell names people or bodies: initials («Иванов И.И.», «И. И. Иванов»), an
/// abbreviation in capitals (РО ВСМС), or a word bodies and positions are named with.
#[must_use]
pub fn names_someone(text: &str) -> bool {
    let lower = text.to_lowercase();
    let initials = text.split(|c: char| c.is_whitespace() || c == ',').any(|word| {
        let letters: Vec<char> = word.chars().collect();
        letters.len() >= 2 && letters.len() <= 4 && letters[0].is_uppercase() && letters[1] == '.'
    });
    let capitals = text.split_whitespace().any(|word| {
        let letters: Vec<char> = word.chars().filter(|c| c.is_alphabetic()).collect();
        letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase())
    });
    initials || capitals || BODY_WORDS.iter().any(|w| lower.contains(w))
}

/// The cell's lines joined by spaces, white space collapsed.
#[must_use]
pub fn cell_text(cell: &Cell) -> String {
    let joined: Vec<&str> = cell.lines().map(|p| p.text.as_str()).collect();
    collapse(&joined.join(" "))
}

/// White space runs as one space, trimmed.
#[must_use]
pub fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The column a heading names, in the wordings plans use: «Мероприятия», «Наименование
/// мероприятия», «Содержание работы»; «Время проведения», «Срок(и) исполнения», «Дата»;
/// «Ответственные», «Ответственный за исполнение», «Исполнители»; «Место проведения»,
/// «Отметка о выполнении», «Примечание», «Ожидаемые результаты»; and the English ones of `plan
/// --lang en export docx`. The time is tried before the activity: «Сроки проведения
/// мероприятий» is a time, «Место проведения мероприятия» a place.
#[must_use]
pub fn heading(text: &str) -> Option<Role> {
    let text = collapse(&text.to_lowercase());
    let text = text.trim_end_matches([':', '.', '*']);
    let starts = |words: &[&str]| words.iter().any(|w| text.starts_with(w));
    if text.starts_with('№') || text.starts_with("no.") || text == "п/п" || text == "n п/п" || text == "no" {
        Some(Role::Number)
    } else if starts(&["время", "срок", "дата", "даты", "период", "когда", "time", "date", "when"])
    {
        Some(Role::Time)
    } else if starts(&["ответственн", "исполнител", "соисполнител", "responsib", "кто проводит", "who"])
    {
        Some(Role::Responsible)
    } else if starts(&["место", "place", "venue"]) {
        Some(Role::Place)
    } else if starts(&["отметк", "информация о выполнении", "результат выполнения", "выполнение", "result"])
    {
        Some(Role::Result)
    } else if starts(&["примечани", "ожидаем", "note"]) {
        Some(Role::Note { heading: collapse(text) })
    } else if text.contains("мероприяти") || starts(&["наименование", "содержание", "activit", "тема ", "вопрос"])
    {
        Some(Role::Activity)
    } else {
        None
    }
}

/// Each row's grid positions, merges resolved.
#[must_use]
pub fn grid(rows: &[Row]) -> Vec<Vec<Slot>> {
    let mut grid: Vec<Vec<Slot>> = Vec::with_capacity(rows.len());
    for (r, row) in rows.iter().enumerate() {
        let mut slots = Vec::new();
        for (c, cell) in row.cells.iter().enumerate() {
            let column = slots.len();
            let slot = match cell.merge {
                // Continued: show the cell above in this column, and that cell's own origin.
                Merge::Continue => match grid.last().and_then(|above| above.get(column)) {
                    Some(above) => Slot { continued: true, ..*above },
                    None => Slot { row: r, cell: c, continued: false },
                },
                Merge::None | Merge::Start => Slot { row: r, cell: c, continued: false },
            };
            slots.extend(std::iter::repeat_n(slot, cell.span));
        }
        grid.push(slots);
    }
    grid
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_are_read_in_the_wordings_plans_use() {
        let note = |h: &str| Some(Role::Note { heading: h.to_owned() });
        let cases = [
            ("Мероприятия", Some(Role::Activity)),
            ("  НАИМЕНОВАНИЕ   мероприятия ", Some(Role::Activity)),
            ("Содержание работы", Some(Role::Activity)),
            ("Наименование", Some(Role::Activity)),
            ("Время  проведения", Some(Role::Time)),
            ("Сроки проведения мероприятий", Some(Role::Time)),
            ("Срок исполнения:", Some(Role::Time)),
            ("Дата", Some(Role::Time)),
            ("Дата проведения", Some(Role::Time)),
            ("ответственные", Some(Role::Responsible)),
            ("Ответственный за исполнение", Some(Role::Responsible)),
            ("Исполнители", Some(Role::Responsible)),
            ("Место проведения мероприятия", Some(Role::Place)),
            ("Отметка о выполнении", Some(Role::Result)),
            ("Примечание", note("примечание")),
            ("Ожидаемые результаты", note("ожидаемые результаты")),
            ("Activities", Some(Role::Activity)),
            ("№ п/п", Some(Role::Number)),
            ("Виды работ", None),
            ("Бюджет", None),
        ];
        for (text, role) in cases {
            assert_eq!(heading(text), role, "{text}");
        }
    }

    #[test]
    fn names_of_bodies_and_people_are_recognised() {
        assert!(names_someone("Станчев А.Е."));
        assert!(names_someone("И. И. Иванов"));
        assert!(names_someone("РО ВСМС"));
        assert!(names_someone("Совет депутатов"));
        assert!(!names_someone("семинар"));
        assert!(!names_someone("Подготовка отчёта о работе за год"));
    }
}
