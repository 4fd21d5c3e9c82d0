//! `plan timeline`: the plan period as a chart, one row per activity and one column per month.
//!
//! Every mark is its own character (█ window, ░ ongoing, ● held, ○ planned, ! next due, × cancelled,
//! ▼ the as-of date), so the chart reads the same without colour; colour only adds to it.
//! A month is three characters and a gap, which a window fills when it runs on into the next
//! month; a held, planned or due date lands in the first, second or third character by the third
//! of the month it falls in. When the width is short the months narrow to one character, and a
//! period too long even for that (a plan over many years) gets several months to a column.

use std::io::{self, Write};

use chrono::{Datelike, NaiveDate};
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use crate::check::rules::Status as Verdict;
use crate::fulfilment::Judged;
use crate::i18n::{Lang, msg};
use crate::model::{Plan, Status};
use crate::render::escape_line;
use crate::render::style::{Paint, Role};
use crate::when::{DateRange, Schedule};

const WINDOW: char = '█';
const ONGOING: char = '░';
const HELD: char = '●';
const PLANNED: char = '○';
const DUE: char = '!';
const CANCELLED: char = '×';
const EMPTY: char = '·';
const AS_OF: char = '▼';

/// The activity column is not narrowed below this before the months are.
const MIN_LABEL: usize = 16;

/// One character of the chart and its colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Glyph {
    c: char,
    role: Option<Role>,
}

impl Glyph {
    const BLANK: Glyph = Glyph { c: ' ', role: None };

    fn new(c: char, role: Role) -> Self {
        Glyph { c, role: Some(role) }
    }
}

/// How the plan period is cut into columns.
struct Grid {
    /// `year × 12 + month0` of the first month.
    first: i64,
    /// Months per column: 1 unless the period is too long for the width.
    per: i64,
    /// Characters per column: 4 (three for marks and a gap), 2 (one and a gap) or 1.
    cell: usize,
    /// Each column's days, clipped to the plan period.
    columns: Vec<DateRange>,
}

fn month_index(date: NaiveDate) -> i64 {
    i64::from(date.year()) * 12 + i64::from(date.month0())
}

fn month_start(index: i64) -> Option<NaiveDate> {
    let year = i32::try_from(index.div_euclid(12)).ok()?;
    NaiveDate::from_ymd_opt(year, u32::try_from(index.rem_euclid(12)).ok()? + 1, 1)
}

impl Grid {
    /// Months as wide as `room` allows: four characters, else two, else one, else several months
    /// to a one-character column.
    fn new(period: DateRange, room: usize) -> Self {
        let first = month_index(period.from);
        let months = usize::try_from(month_index(period.to) - first + 1).unwrap_or(1).max(1);
        let room = room.max(1);
        let (per, cell) = [4, 2, 1]
            .into_iter()
            .find(|cell| months * cell <= room)
            .map_or((months.div_ceil(room), 1), |cell| (1, cell));
        // Both are at most the months of a plan (under 120 000), so they fit an i64.
        let count = i64::try_from(months.div_ceil(per)).unwrap_or(i64::MAX);
        let per = i64::try_from(per).unwrap_or(i64::MAX);
        let columns = (0..count)
            .map(|i| {
                let from = month_start(first + i * per).map_or(period.from, |d| d.max(period.from));
                let to = month_start(first + (i + 1) * per)
                    .and_then(|next| next.pred_opt())
                    .map_or(period.to, |d| d.min(period.to));
                DateRange { from, to }
            })
            .collect();
        Grid { first, per, cell, columns }
    }

    /// Characters of a column that take marks (the rest is the gap to the next column).
    fn slots(&self) -> usize {
        if self.cell > 1 { self.cell - 1 } else { 1 }
    }

    fn width(&self) -> usize {
        self.columns.len() * self.cell
    }

    /// The character position of `date` in the chart, when it lies in the plan period.
    fn position(&self, date: NaiveDate) -> Option<usize> {
        let column = usize::try_from((month_index(date) - self.first).div_euclid(self.per)).ok()?;
        let range = self.columns.get(column)?;
        if !range.contains(date) {
            return None;
        }
        let days = (range.to - range.from).num_days() + 1;
        let slots = i64::try_from(self.slots()).unwrap_or(1);
        let slot = (date - range.from).num_days() * slots / days;
        Some(column * self.cell + usize::try_from(slot).ok()?)
    }
}

/// Draws the chart of `rows`, at most `width` columns wide; `as_of` is marked when it lies in the
/// plan period.
pub fn draw(
    out: &mut impl Write,
    plan: &Plan,
    rows: &[Judged],
    as_of: NaiveDate,
    lang: Lang,
    paint: Paint,
    width: usize,
) -> io::Result<()> {
    let labels: Vec<String> =
        rows.iter().map(|r| format!("{} {}", r.activity.number, escape_line(&r.activity.title))).collect();
    let grid = Grid::new(plan.period, width.saturating_sub(MIN_LABEL + 1));
    let longest = labels.iter().map(|l| l.width()).max().unwrap_or(MIN_LABEL);
    let label_width = width.saturating_sub(grid.width() + 1).min(longest);
    let as_of_at = grid.position(as_of);
    let indent = " ".repeat(label_width + 1);

    writeln!(out, "{}", paint.paint(Role::Heading, &fit(&escape_line(&plan.title), width, false)))?;
    let years = header_years(&grid);
    if grid.per > 1 || plan.period.from.year() != plan.period.to.year() {
        writeln!(out, "{indent}{}", years.trim_end())?;
    }
    if let Some(at) = as_of_at {
        writeln!(out, "{indent}{}{}", " ".repeat(at), paint.paint(Role::Heading, &AS_OF.to_string()))?;
    }
    if grid.per == 1 {
        let months: Vec<Glyph> = header_months(&grid, lang, as_of_at.map(|at| at / grid.cell));
        writeln!(out, "{indent}{}", painted(&months, paint).trim_end())?;
    }
    for (row, label) in rows.iter().zip(&labels) {
        writeln!(out, "{} {}", fit(label, label_width, true), painted(&row_glyphs(row, &grid), paint).trim_end())?;
    }
    writeln!(out)?;
    legend(out, as_of_at.map(|_| as_of), lang, paint, width)
}

/// The year over the first column and over each column where a new year starts, where it fits.
fn header_years(grid: &Grid) -> String {
    let mut line = vec![' '; grid.width()];
    let mut free_from = 0;
    let mut last_year = None;
    for (i, column) in grid.columns.iter().enumerate() {
        let year = column.from.year();
        let at = i * grid.cell;
        if last_year != Some(year) && at >= free_from {
            let text = year.to_string();
            if at + text.len() <= line.len() {
                line.splice(at..at + text.len(), text.chars());
                free_from = at + text.len() + 1;
            }
        }
        last_year = Some(year);
    }
    line.into_iter().collect()
}

/// Month names as wide as the columns: `янв `, or initials.
fn header_months(grid: &Grid, lang: Lang, as_of_column: Option<usize>) -> Vec<Glyph> {
    let mut glyphs = Vec::with_capacity(grid.width());
    for (i, column) in grid.columns.iter().enumerate() {
        let abbr = crate::render::words::month_abbr(lang, column.from.month());
        let text: String =
            if grid.cell >= 4 { abbr.clone() } else { abbr.chars().take(1).flat_map(char::to_uppercase).collect() };
        let role = if as_of_column == Some(i) { Some(Role::Heading) } else { None };
        let mut chars = text.chars();
        glyphs.extend((0..grid.cell).map(|_| chars.next().map_or(Glyph::BLANK, |c| Glyph { c, role })));
    }
    glyphs
}

/// One activity's row: its time as a bar, then its dates marked on it.
fn row_glyphs(row: &Judged, grid: &Grid) -> Vec<Glyph> {
    let activity = row.activity;
    let base: Vec<Option<Glyph>> = grid
        .columns
        .iter()
        .map(|column| {
            let covered = match &activity.schedule {
                Schedule::Window(ranges) => ranges.iter().any(|r| r.overlaps(column)),
                Schedule::WholePeriod | Schedule::AtLeast(_) | Schedule::AsNeeded => true,
            };
            covered.then(|| match &activity.schedule {
                _ if activity.status == Status::Cancelled => Glyph::new(CANCELLED, Role::Dim),
                Schedule::Window(_) => Glyph::new(WINDOW, Role::Gutter),
                _ => Glyph::new(ONGOING, Role::Dim),
            })
        })
        .collect();
    let mut glyphs = Vec::with_capacity(grid.width());
    for (i, fill) in base.iter().enumerate() {
        let empty = Glyph::new(EMPTY, Role::Dim);
        glyphs.extend((0..grid.slots()).map(|slot| fill.unwrap_or(if slot == 0 { empty } else { Glyph::BLANK })));
        if grid.cell > 1 {
            // The gap is bridged only inside one run of the same mark.
            let next = base.get(i + 1).copied().flatten();
            glyphs.push(match (fill, next) {
                (Some(fill), Some(next)) if fill.c == next.c => *fill,
                _ => Glyph::BLANK,
            });
        }
    }
    // Later marks win a shared character: a held date over a planned one over the due date.
    let mut mark = |date: NaiveDate, glyph: Glyph| {
        if let Some(at) = grid.position(date) {
            glyphs[at] = glyph;
        }
    };
    if let Some(verdict) = &row.verdict {
        let role =
            if matches!(verdict.status, Verdict::Overdue | Verdict::Violated) { Role::Error } else { Role::Warning };
        mark(verdict.next_due, Glyph::new(DUE, role));
    }
    for planned in &activity.planned {
        mark(planned.date, Glyph::new(PLANNED, Role::Help));
    }
    for held in &activity.held {
        mark(held.date, Glyph::new(HELD, Role::Good));
    }
    glyphs
}

/// The glyphs as text, each run of one colour painted once.
fn painted(glyphs: &[Glyph], paint: Paint) -> String {
    let mut line = String::new();
    for run in glyphs.chunk_by(|a, b| a.role == b.role) {
        let text: String = run.iter().map(|g| g.c).collect();
        match run[0].role {
            Some(role) if !text.trim().is_empty() => line.push_str(&paint.paint(role, &text)),
            _ => line.push_str(&text),
        }
    }
    line
}

/// `text` cut to `width` columns with `…`, padded with spaces to exactly `width` when `pad`.
fn fit(text: &str, width: usize, pad: bool) -> String {
    let mut out = String::new();
    let mut used = 0;
    if text.width() <= width {
        out.push_str(text);
        used = text.width();
    } else if width > 0 {
        for c in text.chars() {
            let w = c.width().unwrap_or(0);
            if used + w + 1 > width {
                break;
            }
            out.push(c);
            used += w;
        }
        out.push('…');
        used += 1;
    }
    if pad {
        out.push_str(&" ".repeat(width.saturating_sub(used)));
    }
    out
}

/// What each mark means, wrapped to the width.
fn legend(out: &mut impl Write, as_of: Option<NaiveDate>, lang: Lang, paint: Paint, width: usize) -> io::Result<()> {
    let mut items: Vec<(Glyph, String)> = [
        (Glyph::new(WINDOW, Role::Gutter), msg!("mark-window")),
        (Glyph::new(ONGOING, Role::Dim), msg!("mark-ongoing")),
        (Glyph::new(HELD, Role::Good), msg!("mark-held")),
        (Glyph::new(PLANNED, Role::Help), msg!("mark-planned")),
        (Glyph::new(DUE, Role::Warning), msg!("mark-due")),
        (Glyph::new(CANCELLED, Role::Dim), msg!("mark-cancelled")),
    ]
    .into_iter()
    .map(|(glyph, mark)| (glyph, lang.say(&mark)))
    .collect();
    if let Some(as_of) = as_of {
        items.push((Glyph::new(AS_OF, Role::Heading), lang.say(&msg!("as-of", date = as_of))));
    }
    let mut line = String::new();
    let mut used = 0;
    for (glyph, text) in items {
        let item_width = 2 + text.width();
        if used > 0 && used + 2 + item_width > width {
            writeln!(out, "{line}")?;
            line.clear();
            used = 0;
        }
        if used > 0 {
            line.push_str("  ");
            used += 2;
        }
        line.push_str(&painted(&[glyph], paint));
        line.push(' ');
        line.push_str(&text);
        used += item_width;
    }
    writeln!(out, "{line}")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
    }

    fn year(y: i32) -> DateRange {
        DateRange { from: NaiveDate::from_ymd_opt(y, 1, 1).unwrap(), to: NaiveDate::from_ymd_opt(y, 12, 31).unwrap() }
    }

    #[test]
    fn months_narrow_before_they_are_merged() {
        let widths: Vec<(i64, usize, usize)> = [63, 48, 47, 24, 12, 11, 1]
            .into_iter()
            .map(|room| {
                let grid = Grid::new(year(2019), room);
                (grid.per, grid.cell, grid.columns.len())
            })
            .collect();
        assert_eq!(widths, [(1, 4, 12), (1, 4, 12), (1, 2, 12), (1, 2, 12), (1, 1, 12), (2, 1, 6), (12, 1, 1)]);
    }

    #[test]
    fn dates_land_in_the_third_of_their_month() {
        let grid = Grid::new(year(2019), 48);
        assert_eq!(grid.position(d("2019-01-01")), Some(0));
        assert_eq!(grid.position(d("2019-01-15")), Some(1));
        assert_eq!(grid.position(d("2019-01-31")), Some(2));
        assert_eq!(grid.position(d("2019-04-21")), Some(3 * 4 + 2));
        assert_eq!(grid.position(d("2019-12-31")), Some(11 * 4 + 2));
        assert_eq!(grid.position(d("2020-01-01")), None);
        assert_eq!(grid.position(d("2018-12-31")), None);
    }

    #[test]
    fn a_period_of_many_years_gets_several_months_a_column() {
        let period = DateRange { from: d("0001-01-01"), to: d("9999-12-31") };
        let grid = Grid::new(period, 60);
        assert!(grid.columns.len() <= 60);
        assert_eq!(grid.columns.first().map(|c| c.from), Some(period.from));
        assert_eq!(grid.columns.last().map(|c| c.to), Some(period.to));
        assert!(grid.position(d("5000-06-15")).is_some());
    }

    #[test]
    fn labels_are_cut_to_their_width() {
        assert_eq!(fit("1.1 Заседания совета", 10, true), "1.1 Засед…");
        assert_eq!(fit("1.1 short", 12, true), "1.1 short   ");
        assert_eq!(fit("abc", 0, true), "");
    }
}
