//! `list --format plain`: a header row, then one aligned row per activity.
//!
//! Piped (no width), every row is one whole line, for grep and `wc -l`. Given a width (`--width`,
//! or the terminal's), the columns take the width of their content as far as it fits, and the
//! cells that do not fit wrap at spaces, so no row runs past the width and no word is cut
//! unless it is longer than its whole column.

use std::io::{self, Write};

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use crate::i18n::Lang;
use crate::model::{Activity, Plan, Section, Status};
use crate::render::style::{Paint, Role};
use crate::render::{escape_line, responsible};

/// Spaces between two columns.
const GAP: usize = 2;

/// The title column keeps at least this share (in tenths) of what the number column leaves,
/// so that the time and the parties never squeeze the activity itself into a sliver.
const TITLE_SHARE_TENTHS: usize = 5;

/// Number, time, responsible, title under a header; wrapped to `width` when one is given.
pub fn plain(
    out: &mut impl Write,
    plan: &Plan,
    rows: &[(&Section, &Activity)],
    lang: Lang,
    paint: Paint,
    width: Option<usize>,
) -> io::Result<()> {
    if rows.is_empty() {
        // Nothing matched (stderr says why when it can): a header over nothing would be noise.
        return Ok(());
    }
    let [title_header, when_header, who_header] = crate::render::table_headers(lang);
    let header = [lang.word("number-header"), when_header, who_header, title_header];
    let cells: Vec<[String; 4]> = rows
        .iter()
        .map(|(_, a)| {
            let mut title = escape_line(&a.title).into_owned();
            if a.status == Status::Cancelled {
                title = format!("{title} {}", lang.word("cancelled-mark"));
            }
            [
                a.number.to_string(),
                escape_line(&a.when).into_owned(),
                escape_line(&responsible(plan, a, lang)).into_owned(),
                title,
            ]
        })
        .collect();
    let mut natural = [0; 4];
    for row in std::iter::once(&header).chain(&cells) {
        for (width, cell) in natural.iter_mut().zip(row) {
            *width = (*width).max(cell.width());
        }
    }
    let Some(total) = width else {
        return write_rows(out, &header, &cells, natural, paint);
    };
    let widths = fit(natural, total);
    let longest_word = |column: usize| {
        let words = std::iter::once(&header).chain(&cells).flat_map(|row| row[column].split(' '));
        words.map(UnicodeWidthStr::width).max().unwrap_or(0)
    };
    if (1..3).all(|column| longest_word(column) <= widths[column]) {
        write_rows(out, &header, &cells, widths, paint)
    } else {
        write_stacked(out, &header, &cells, [natural[0], total.saturating_sub(natural[0] + GAP).max(1)], paint)
    }
}

/// The header and the rows side by side in columns of `widths`.
fn write_rows(
    out: &mut impl Write,
    header: &[String; 4],
    cells: &[[String; 4]],
    widths: [usize; 4],
    paint: Paint,
) -> io::Result<()> {
    write_row(out, header, widths, |line| paint.paint(Role::Heading, line))?;
    for row in cells {
        write_row(out, row, widths, str::to_owned)?;
    }
    Ok(())
}

/// Too narrow for four columns without cutting words: the number, and beside it the title, the
/// time and the parties one under another, a blank line between activities.
fn write_stacked(
    out: &mut impl Write,
    header: &[String; 4],
    cells: &[[String; 4]],
    widths: [usize; 2],
    paint: Paint,
) -> io::Result<()> {
    let heading = |line: &str| paint.paint(Role::Heading, line);
    write_block(out, header, widths, heading, heading)?;
    for row in cells {
        writeln!(out)?;
        write_block(out, row, widths, str::to_owned, |line| paint.paint(Role::Dim, line))?;
    }
    Ok(())
}

/// One activity of [`write_stacked`]: the number and the title in `title_style`, the time and
/// the parties under the title in `detail_style`.
fn write_block(
    out: &mut impl Write,
    row: &[String; 4],
    [number, text]: [usize; 2],
    title_style: impl Fn(&str) -> String,
    detail_style: impl Fn(&str) -> String,
) -> io::Result<()> {
    let indent = " ".repeat(number + GAP);
    for (i, line) in wrap(&row[3], text).iter().enumerate() {
        if i == 0 {
            let pad = " ".repeat(number.saturating_sub(row[0].width()) + GAP);
            writeln!(out, "{}{pad}{}", title_style(&row[0]), title_style(line))?;
        } else {
            writeln!(out, "{indent}{}", title_style(line))?;
        }
    }
    for line in [&row[1], &row[2]].into_iter().flat_map(|cell| wrap(cell, text)) {
        writeln!(out, "{indent}{}", detail_style(&line))?;
    }
    Ok(())
}

/// Column widths for a total of `total` columns: the number column as it is; time and parties
/// at their natural width when the title still gets its share, else cut down evenly; the title
/// takes the rest.
fn fit(natural: [usize; 4], total: usize) -> [usize; 4] {
    let [number, when, who, title] = natural;
    let rest = total.saturating_sub(number + 3 * GAP).max(3);
    let title_min = title.min(rest * TITLE_SHARE_TENTHS / 10).max(1);
    let mut sides = [when, who];
    // Shrink the wider side first, one column at a time, until the title has its share.
    while sides[0] + sides[1] + title_min > rest && sides.iter().any(|&w| w > 1) {
        let wider = usize::from(sides[1] > sides[0]);
        sides[wider] -= 1;
    }
    let title = rest.saturating_sub(sides[0] + sides[1]).min(title).max(1);
    [number, sides[0], sides[1], title]
}

/// One row, each cell wrapped to its column, the cells side by side, `style` on every line.
fn write_row(
    out: &mut impl Write,
    row: &[String; 4],
    widths: [usize; 4],
    style: impl Fn(&str) -> String,
) -> io::Result<()> {
    let wrapped: Vec<Vec<String>> = row.iter().zip(widths).map(|(cell, width)| wrap(cell, width)).collect();
    let height = wrapped.iter().map(Vec::len).max().unwrap_or(1);
    for i in 0..height {
        let mut line = String::new();
        // Padding only between cells: no trailing spaces, and the title's own text untouched.
        let mut padding = 0;
        for (lines, width) in wrapped.iter().zip(widths) {
            let text = lines.get(i).map_or("", String::as_str);
            if !text.is_empty() {
                line.push_str(&" ".repeat(padding));
                line.push_str(text);
                padding = 0;
            }
            padding += width.saturating_sub(text.width()) + GAP;
        }
        writeln!(out, "{}", style(&line))?;
    }
    Ok(())
}

/// `text` cut into lines of at most `width` columns at spaces; a word longer than a whole line
/// is cut where the line ends. Linear in the text: widths are counted once, as it goes.
pub(crate) fn wrap(text: &str, width: usize) -> Vec<String> {
    if text.width() <= width {
        return vec![text.to_owned()];
    }
    let mut lines = Vec::new();
    let mut line = String::new();
    let mut used = 0;
    for word in text.split(' ').filter(|w| !w.is_empty()) {
        let word_width = word.width();
        let needed = if line.is_empty() { word_width } else { used + 1 + word_width };
        if needed <= width {
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(word);
            used = needed;
            continue;
        }
        if !line.is_empty() {
            lines.push(std::mem::take(&mut line));
            used = 0;
        }
        for c in word.chars() {
            let c_width = c.width().unwrap_or(0);
            if used + c_width > width && !line.is_empty() {
                lines.push(std::mem::take(&mut line));
                used = 0;
            }
            line.push(c);
            used += c_width;
        }
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrap_breaks_at_spaces_and_cuts_only_overlong_words() {
        assert_eq!(wrap("весь период", 20), ["весь период"]);
        assert_eq!(wrap("не реже 1-го раза в 6 месяцев", 12), ["не реже 1-го", "раза в 6", "месяцев"]);
        assert_eq!(wrap("необходимости", 5), ["необх", "одимо", "сти"]);
        assert_eq!(wrap("", 5), [""]);
    }

    #[test]
    fn fit_keeps_natural_widths_when_they_fit_and_shares_the_rest_when_not() {
        assert_eq!(fit([3, 6, 13, 30], 80), [3, 6, 13, 30]);
        // 80 columns: 71 after the number and the gaps; the title keeps half of them.
        assert_eq!(fit([3, 54, 42, 200], 80), [3, 18, 18, 35]);
        assert_eq!(fit([3, 16, 13, 20], 40), [3, 8, 8, 15]);
    }
}
