//! The plan's table: the first table with the headings Мероприятия / Время проведения /
//! Ответственные (a «№ п/п» column may come first), with its merged cells resolved into a grid.

use super::document::{Block, Cell, Document, Merge, Paragraph, Row};
use super::{Column, Problem};

pub use super::document::MAX_ROWS;
/// How far down a table its heading row is looked for (a title row may come first).
const HEADING_ROWS: usize = 5;

/// The plan's table, found.
#[derive(Debug)]
pub struct PlanTable<'d> {
    /// The non-empty paragraphs above the table, in order.
    pub above: Vec<&'d Paragraph>,
    /// The non-empty paragraphs below it (the signature), in order.
    pub below: Vec<&'d Paragraph>,
    pub rows: &'d [Row],
    /// Index in `rows` of the heading row; data rows follow it.
    pub heading: usize,
    /// Grid column of each role.
    pub activity: usize,
    pub time: usize,
    pub responsible: usize,
    /// Grid column of «№ п/п», when the table has one.
    pub number: Option<usize>,
    /// `grid[row][column]`: the cell that shows there (for a `vMerge` continuation, the cell that
    /// starts the merge), and whether it is continued from above.
    pub grid: Vec<Vec<Slot>>,
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

impl<'d> PlanTable<'d> {
    /// The grid column of a role.
    #[must_use]
    pub fn column(&self, column: Column) -> usize {
        match column {
            Column::Activity => self.activity,
            Column::Time => self.time,
            Column::Responsible => self.responsible,
        }
    }

    /// What row `row` shows in the column of `column`, if the row reaches that far.
    #[must_use]
    pub fn slot(&self, row: usize, column: Column) -> Option<Slot> {
        self.grid.get(row)?.get(self.column(column)).copied()
    }

    /// The cell of a slot.
    #[must_use]
    pub fn cell(&self, slot: Slot) -> &'d Cell {
        &self.rows[slot.row].cells[slot.cell]
    }
}

/// Finds the plan's table in the document.
pub fn find<'d>(document: &'d Document) -> Result<PlanTable<'d>, Problem> {
    let mut tables = 0;
    let mut first_rows = Vec::new();
    for (index, block) in document.blocks.iter().enumerate() {
        let Block::Table(table) = block else { continue };
        tables += 1;
        let rows = table.rows.len() + table.rows_dropped;
        if rows > MAX_ROWS {
            return Err(Problem::TooManyRows { rows, limit: MAX_ROWS });
        }
        let grid = grid(&table.rows);
        for heading in 0..table.rows.len().min(HEADING_ROWS) {
            if let Some((activity, time, responsible)) = headings(&table.rows, &grid[heading]) {
                let number = grid[heading].iter().position(|slot| {
                    let text = cell_text(&table.rows[slot.row].cells[slot.cell]).to_lowercase();
                    text.starts_with('№') || text.starts_with("no.") || text == "п/п"
                });
                let paragraphs = |blocks: &'d [Block]| -> Vec<&'d Paragraph> {
                    blocks
                        .iter()
                        .filter_map(|b| match b {
                            Block::Paragraph(p) if !p.text.trim().is_empty() => Some(p),
                            _ => None,
                        })
                        .collect()
                };
                let (above, below) = (paragraphs(&document.blocks[..index]), paragraphs(&document.blocks[index + 1..]));
                return Ok(PlanTable {
                    above,
                    below,
                    rows: &table.rows,
                    heading,
                    activity,
                    time,
                    responsible,
                    number,
                    grid,
                });
            }
        }
        if first_rows.len() < 3
            && let Some(row) = table.rows.first()
        {
            let text: Vec<String> = row.cells.iter().map(cell_text).filter(|t| !t.is_empty()).collect();
            first_rows.push(text.join(" | "));
        }
    }
    Err(Problem::NoPlanTable { tables, first_rows })
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

/// The grid columns of Мероприятия, Время проведения and Ответственные when `slots` is the
/// heading row.
fn headings(rows: &[Row], slots: &[Slot]) -> Option<(usize, usize, usize)> {
    let (mut activity, mut time, mut responsible) = (None, None, None);
    for (column, slot) in slots.iter().enumerate() {
        // A heading cell spanning columns is found at its first column only.
        if column > 0 && slots[column - 1].cell == slot.cell && slots[column - 1].row == slot.row {
            continue;
        }
        let slot = match heading(&cell_text(&rows[slot.row].cells[slot.cell])) {
            Some(Column::Activity) => &mut activity,
            Some(Column::Time) => &mut time,
            Some(Column::Responsible) => &mut responsible,
            None => continue,
        };
        slot.get_or_insert(column);
    }
    Some((activity?, time?, responsible?))
}

/// The column a heading names, in the wordings plans use: «Мероприятия», «Наименование
/// мероприятия»; «Время проведения», «Срок(и) исполнения», «Дата проведения»; «Ответственные»,
/// «Ответственный исполнитель», «Исполнители»; and the English ones of `plan --lang en export
/// docx`. The time is tried first: «Сроки проведения мероприятий» is a time.
#[must_use]
pub fn heading(text: &str) -> Option<Column> {
    let text = collapse(&text.to_lowercase());
    let text = text.trim_end_matches([':', '.']);
    if ["время", "срок", "дата проведения", "период"].iter().any(|h| text.starts_with(h)) || text == "time"
    {
        Some(Column::Time)
    } else if ["ответственн", "исполнител", "responsib"].iter().any(|h| text.starts_with(h)) {
        Some(Column::Responsible)
    } else if text.contains("мероприяти") || text.starts_with("activit") {
        Some(Column::Activity)
    } else {
        None
    }
}

/// Each row's grid positions, merges resolved.
fn grid(rows: &[Row]) -> Vec<Vec<Slot>> {
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
        let cases = [
            ("Мероприятия", Some(Column::Activity)),
            ("  НАИМЕНОВАНИЕ   мероприятия ", Some(Column::Activity)),
            ("Время  проведения", Some(Column::Time)),
            ("Сроки проведения мероприятий", Some(Column::Time)),
            ("Срок исполнения:", Some(Column::Time)),
            ("ответственные", Some(Column::Responsible)),
            ("Ответственный исполнитель", Some(Column::Responsible)),
            ("Activities", Some(Column::Activity)),
            ("№ п/п", None),
            ("Примечание", None),
        ];
        for (text, column) in cases {
            assert_eq!(heading(text), column, "{text}");
        }
    }
}
