//! Positions in the plan file: byte offsets turned into the line and column people see.

use std::ops::Range;

/// A 1-based line and column (the column counts characters, not bytes).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default)]
pub struct Pos {
    /// Line number, from 1.
    pub line: u32,
    /// Column in characters, from 1.
    pub column: u32,
}

/// Where each line of a text starts, so that an offset maps to a [`Pos`] in `O(log lines)`.
#[derive(Debug, Clone)]
pub struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    /// Indexes `text` once; every later lookup is a binary search.
    #[must_use]
    pub fn new(text: &str) -> Self {
        let mut starts = vec![0];
        starts.extend(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1));
        LineIndex { starts }
    }

    /// The position of byte `offset` in `text` (clamped to the text, and to a character boundary).
    #[must_use]
    pub fn pos(&self, text: &str, offset: usize) -> Pos {
        let offset = floor_char_boundary(text, offset.min(text.len()));
        let line = self.starts.partition_point(|&s| s <= offset) - 1;
        let start = self.starts[line];
        let column = text[start..offset].chars().count() + 1;
        Pos { line: line as u32 + 1, column: column as u32 }
    }

    /// The text of line `pos.line`, without its line ending.
    #[must_use]
    pub fn line_text<'t>(&self, text: &'t str, line: u32) -> &'t str {
        let index = (line as usize).saturating_sub(1);
        let Some(&start) = self.starts.get(index) else { return "" };
        let end = self.starts.get(index + 1).map_or(text.len(), |&next| next - 1);
        text[start..end].trim_end_matches('\r')
    }
}

/// How many characters of `span` lie on its first line (at least 1), for the caret under it.
#[must_use]
pub(crate) fn caret_width(text: &str, span: &Range<usize>) -> usize {
    let start = floor_char_boundary(text, span.start.min(text.len()));
    let end = floor_char_boundary(text, span.end.min(text.len())).max(start);
    let first_line = text[start..end].split('\n').next().unwrap_or("");
    first_line.trim_end_matches('\r').chars().count().max(1)
}

/// The largest char boundary at or below `offset` (`str::floor_char_boundary` is unstable).
fn floor_char_boundary(text: &str, mut offset: usize) -> usize {
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_characters_not_bytes() {
        let text = "a = 1\nкод = \"x\"\r\nlast";
        let index = LineIndex::new(text);
        assert_eq!(index.pos(text, 0), Pos { line: 1, column: 1 });
        let x = text.find('x').unwrap();
        assert_eq!(index.pos(text, x), Pos { line: 2, column: 8 });
        assert_eq!(index.line_text(text, 2), "код = \"x\"");
        assert_eq!(index.line_text(text, 3), "last");
        assert_eq!(index.pos(text, text.len() + 10), Pos { line: 3, column: 5 });
    }

    #[test]
    fn offsets_inside_a_character_fall_back_to_its_start() {
        let text = "ж";
        assert_eq!(LineIndex::new(text).pos(text, 1), Pos { line: 1, column: 1 });
    }
}
