//! `word/document.xml` read into a small model of what a plan needs: the body's paragraphs and
//! tables, each table cell with its merges (`gridSpan`, `vMerge`) and its paragraphs, each
//! paragraph with its text, whether it is bold and whether it is a list item.
//!
//! The XML is read by `quick-xml` (the reader `docx-rs` itself is built on), as a stream of
//! events: no recursion, so no depth is too deep, and no entity is ever expanded. A DTD is refused
//! outright; Word never writes one, and refusing it closes the door on entity tricks ("billion
//! laughs"). Only the five entities of XML and character references are read.

use quick_xml::events::Event;

use super::Problem;

/// The `WordprocessingML` namespaces (transitional, and strict as Word's «Strict Open XML» saves);
/// the prefix is `w` in every file Word writes, but it is looked up, not assumed.
const W_NS: [&str; 2] = [
    "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "http://purl.oclc.org/ooxml/wordprocessingml/main",
];
/// The widest a cell may span, and the most cells a row keeps: more is a broken or hostile file,
/// clamped so that a row stays small.
const MAX_SPAN: usize = 64;
/// The most rows the plan's table may have: a plan has tens; thousands mean a wrong file
/// (`table` refuses more).
pub const MAX_ROWS: usize = 2_000;
/// The most rows a table keeps: one past [`MAX_ROWS`], so that more can be told.
const KEPT_ROWS: usize = MAX_ROWS + 1;

/// The body of the document, in order.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Document {
    pub blocks: Vec<Block>,
}

/// What the body holds, in order.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    Paragraph(Paragraph),
    Table(Table),
}

/// A paragraph (or a line of one, split at a line break), with white space as written.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Paragraph {
    pub text: String,
    /// Every run that has text is bold.
    pub bold: bool,
    /// A list item (`w:numPr`): Word's bullets and numbers are not part of the text.
    pub listed: bool,
}

/// A top-level table; the paragraphs of a table nested in a cell belong to that cell.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Table {
    /// At most [`KEPT_ROWS`] rows are kept.
    pub rows: Vec<Row>,
    /// Rows past [`KEPT_ROWS`]: counted, not kept, so that a hostile table costs no memory.
    pub rows_dropped: usize,
    /// The first table nested in one of its cells: that cell's row and grid column, from 1. Its
    /// text is not read as the cell's lines (a row of a table is not a line of text), so the import
    /// refuses a plan table that holds one rather than garble or drop it.
    pub nested: Option<(usize, usize)>,
}

/// One row, its cells left to right.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Row {
    pub cells: Vec<Cell>,
}

/// One cell.
#[derive(Debug, Clone, PartialEq)]
pub struct Cell {
    /// Grid columns it covers (`gridSpan`), at least 1.
    pub span: usize,
    pub merge: Merge,
    pub paragraphs: Vec<Paragraph>,
}

/// A vertical merge (`vMerge`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Merge {
    /// Not merged.
    None,
    /// The first cell of a vertical merge: its text is the merged cell's.
    Start,
    /// Covered by the cell above: no text of its own.
    Continue,
}

impl Cell {
    fn new() -> Self {
        Cell { span: 1, merge: Merge::None, paragraphs: Vec::new() }
    }

    /// The non-empty paragraphs, trimmed.
    pub fn lines(&self) -> impl Iterator<Item = &Paragraph> {
        self.paragraphs.iter().filter(|p| !p.text.trim().is_empty())
    }

    /// Whether the cell holds no text.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.lines().next().is_none()
    }
}

/// Elements whose text is not the document's running text: drawings and text boxes (Word writes
/// their content twice, as a choice and a fallback), deleted text, field codes.
const SKIPPED: &[&str] = &["drawing", "pict", "object", "txbxContent", "delText", "instrText", "footnoteReference"];

/// Reads the document's body.
pub fn parse(xml: &str) -> Result<Document, Problem> {
    Reader::default().read(xml)
}

// One flag per element the reader may be inside: the XML's nesting, not a set of options.
#[allow(clippy::struct_excessive_bools)]
#[derive(Default)]
struct Reader {
    w: Option<String>,
    document: Document,
    /// Open top-level table (nested tables only deepen `table_depth`).
    table: Option<Table>,
    table_depth: usize,
    cell: Option<Cell>,
    paragraph: Option<ParagraphBuilder>,
    /// Inside a `w:r`, and whether that run is bold.
    run: Option<bool>,
    in_paragraph_properties: bool,
    in_run_properties: bool,
    in_cell_properties: bool,
    /// Depth inside a skipped element (0: not skipped).
    skipping: usize,
    /// The element whose attributes are being read, with its local name.
    open: Option<Open>,
    in_text: bool,
    root_seen: bool,
}

#[derive(Default)]
struct ParagraphBuilder {
    text: String,
    listed: bool,
    /// Runs with text seen, and whether all were bold.
    any_text: bool,
    all_bold: bool,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Open {
    Bold,
    GridSpan,
    VMerge,
    HMerge,
    Break,
    GridBefore,
    Other,
}

impl Reader {
    fn read(mut self, xml: &str) -> Result<Document, Problem> {
        let mut reader = quick_xml::Reader::from_str(xml);
        loop {
            let event = reader.read_event().map_err(|error| bad_xml(xml, reader.error_position(), &error))?;
            match event {
                Event::DocType(_) => return Err(Problem::Dtd),
                Event::Start(element) => self.element(xml, &reader, &element, false)?,
                Event::Empty(element) => self.element(xml, &reader, &element, true)?,
                Event::End(element) => {
                    if self.skipping > 0 {
                        self.skipping -= 1;
                        continue;
                    }
                    let name = element.name();
                    if self.is_w(name.prefix().map(quick_xml::name::Prefix::into_inner)) {
                        self.end(std::str::from_utf8(name.local_name().into_inner()).unwrap_or(""));
                    }
                }
                Event::Text(text) if self.in_text && self.skipping == 0 => {
                    let text = text.decode().map_err(|e| bad_xml(xml, reader.buffer_position(), &e.into()))?;
                    self.push_text(&text);
                }
                Event::CData(text) if self.in_text && self.skipping == 0 => {
                    let text = text.decode().map_err(|e| bad_xml(xml, reader.buffer_position(), &e.into()))?;
                    self.push_text(&text);
                }
                // `&amp;`, `&#1055;`: the five entities of XML and character references; there
                // is no DTD to define any other.
                Event::GeneralRef(reference) => {
                    let name = reference.decode().map_err(|e| bad_xml(xml, reader.buffer_position(), &e.into()))?;
                    let resolved = match reference.resolve_char_ref() {
                        Ok(Some(ch)) => Some(ch.to_string()),
                        Ok(None) => quick_xml::escape::resolve_predefined_entity(&name).map(str::to_owned),
                        Err(_) => None,
                    };
                    let Some(resolved) = resolved else {
                        return Err(Problem::Entity {
                            text: format!("&{};", name.chars().take(12).collect::<String>()),
                        });
                    };
                    if self.in_text && self.skipping == 0 {
                        self.push_text(&resolved);
                    }
                }
                Event::Eof => break,
                _ => {}
            }
        }
        Ok(self.document)
    }

    /// An element's start (and, when `empty`, its end).
    fn element(
        &mut self,
        xml: &str,
        reader: &quick_xml::Reader<&[u8]>,
        element: &quick_xml::events::BytesStart<'_>,
        empty: bool,
    ) -> Result<(), Problem> {
        if self.skipping > 0 {
            if !empty {
                self.skipping += 1;
            }
            return Ok(());
        }
        let name = element.name();
        let local = std::str::from_utf8(name.local_name().into_inner()).unwrap_or("");
        let mut value = None;
        for attribute in element.attributes() {
            let attribute = attribute.map_err(|e| bad_xml(xml, reader.buffer_position(), &e.into()))?;
            let key = attribute.key;
            let text = std::str::from_utf8(&attribute.value).unwrap_or("");
            if !self.root_seen && key.prefix().is_some_and(|p| p.into_inner() == b"xmlns") && W_NS.contains(&text) {
                self.w = Some(String::from_utf8_lossy(key.local_name().into_inner()).into_owned());
            } else if self.is_w(key.prefix().map(quick_xml::name::Prefix::into_inner)) {
                match key.local_name().into_inner() {
                    b"val" => value = Some(text.to_owned()),
                    b"type" if local == "br" => value = Some(text.to_owned()),
                    _ => {}
                }
            }
        }
        if !self.root_seen {
            // The root (`w:document`): its attributes declare the namespaces.
            self.root_seen = true;
            return Ok(());
        }
        if !self.is_w(name.prefix().map(quick_xml::name::Prefix::into_inner)) {
            if name.as_ref() == b"mc:AlternateContent" && !empty {
                self.skipping = 1;
            }
            return Ok(());
        }
        self.open = None;
        self.start(local);
        if self.skipping > 0 {
            // A skipped element: its content is not read; an empty one ends here.
            if empty {
                self.skipping = 0;
            }
            return Ok(());
        }
        self.attributes_done(value.as_deref());
        self.open = None;
        if empty {
            self.end(local);
        }
        Ok(())
    }

    fn is_w(&self, prefix: Option<&[u8]>) -> bool {
        prefix == Some(self.w.as_deref().unwrap_or("w").as_bytes())
    }

    fn start(&mut self, local: &str) {
        if SKIPPED.contains(&local) {
            self.skipping = 1;
            return;
        }
        match local {
            "tbl" => {
                self.table_depth += 1;
                if self.table_depth == 1 {
                    self.table = Some(Table::default());
                } else if self.table_depth == 2
                    && let Some(table) = self.table.as_mut().filter(|t| t.nested.is_none())
                {
                    let row = table.rows.len().max(1);
                    let column = table.rows.last().map_or(0, |r| r.cells.iter().map(|c| c.span).sum::<usize>()) + 1;
                    table.nested = Some((row, column));
                }
            }
            "tr" if self.table_depth == 1 => {
                if let Some(table) = &mut self.table {
                    if table.rows.len() < KEPT_ROWS {
                        table.rows.push(Row::default());
                    } else {
                        table.rows_dropped += 1;
                    }
                }
            }
            "tc" if self.table_depth == 1 => self.cell = Some(Cell::new()),
            "tcPr" if self.table_depth == 1 => self.in_cell_properties = true,
            "gridSpan" if self.in_cell_properties => self.set_open(Open::GridSpan),
            "vMerge" if self.in_cell_properties => self.set_open(Open::VMerge),
            "hMerge" if self.in_cell_properties => self.set_open(Open::HMerge),
            "gridBefore" if self.table_depth == 1 && self.cell.is_none() => self.set_open(Open::GridBefore),
            "p" => {
                if self.paragraph.is_none() {
                    self.paragraph = Some(ParagraphBuilder { all_bold: true, ..ParagraphBuilder::default() });
                }
            }
            "pPr" => self.in_paragraph_properties = true,
            "numPr" if self.in_paragraph_properties => {
                if let Some(p) = &mut self.paragraph {
                    p.listed = true;
                }
            }
            "r" => self.run = Some(false),
            "rPr" if self.run.is_some() => self.in_run_properties = true,
            "b" if self.in_run_properties => self.set_open(Open::Bold),
            "t" => self.in_text = true,
            "tab" if self.run.is_some() => self.push_text(" "),
            "noBreakHyphen" => self.push_text("-"),
            "br" | "cr" => self.set_open(Open::Break),
            _ => self.set_open(Open::Other),
        }
    }

    fn set_open(&mut self, open: Open) {
        self.open = Some(open);
    }

    /// The element's attributes are read; `value` is its `w:val` (or, for a break, `w:type`).
    fn attributes_done(&mut self, value: Option<&str>) {
        match self.open {
            Some(Open::Bold) => {
                let bold = !matches!(value, Some("0" | "false" | "off"));
                self.run = Some(bold);
            }
            Some(Open::GridSpan) => {
                if let Some(cell) = &mut self.cell {
                    cell.span = value.and_then(|v| v.parse::<usize>().ok()).unwrap_or(1).clamp(1, MAX_SPAN);
                }
            }
            Some(Open::VMerge) => {
                if let Some(cell) = &mut self.cell {
                    cell.merge = if value == Some("restart") { Merge::Start } else { Merge::Continue };
                }
            }
            Some(Open::HMerge) => {
                // The legacy horizontal merge: a continuing cell widens the one before it.
                if value != Some("restart")
                    && let Some(cell) = &mut self.cell
                {
                    cell.span = 0;
                }
            }
            Some(Open::GridBefore) => {
                let columns = value.and_then(|v| v.parse::<usize>().ok()).unwrap_or(0).min(MAX_SPAN);
                if columns > 0
                    && let Some(row) = self.table.as_mut().and_then(|t| t.rows.last_mut())
                {
                    row.cells.push(Cell { span: columns, ..Cell::new() });
                }
            }
            // A line break inside a paragraph separates lines as a new paragraph would; a page or
            // column break does not.
            Some(Open::Break) if !matches!(value, Some("page" | "column")) => self.push_text("\n"),
            _ => {}
        }
    }

    fn end(&mut self, local: &str) {
        match local {
            "tbl" => {
                if self.table_depth == 1
                    && let Some(table) = self.table.take()
                {
                    self.document.blocks.push(Block::Table(table));
                }
                self.table_depth = self.table_depth.saturating_sub(1);
            }
            "tc" if self.table_depth == 1 => {
                if let Some(cell) = self.cell.take()
                    && let Some(table) = self.table.as_mut().filter(|t| t.rows_dropped == 0)
                    && let Some(row) = table.rows.last_mut().filter(|r| r.cells.len() < MAX_SPAN)
                {
                    if cell.span == 0 {
                        if let Some(before) = row.cells.last_mut() {
                            before.span = (before.span + 1).min(MAX_SPAN);
                        }
                    } else {
                        row.cells.push(cell);
                    }
                }
            }
            "tcPr" => self.in_cell_properties = false,
            "p" => self.end_paragraph(),
            "pPr" => self.in_paragraph_properties = false,
            "r" => self.run = None,
            "rPr" => self.in_run_properties = false,
            "t" => self.in_text = false,
            _ => {}
        }
    }

    fn push_text(&mut self, text: &str) {
        let bold = self.run.unwrap_or(false);
        if let Some(p) = &mut self.paragraph {
            if !text.trim().is_empty() {
                p.any_text = true;
                p.all_bold &= bold;
            }
            p.text.push_str(text);
        }
    }

    fn end_paragraph(&mut self) {
        let Some(built) = self.paragraph.take() else { return };
        let bold = built.any_text && built.all_bold;
        // Empty paragraphs say nothing here (spacing, an empty cell), and are not kept.
        let lines = built.text.split('\n').filter(|line| !line.trim().is_empty()).map(|line| Paragraph {
            text: line.to_owned(),
            bold,
            listed: built.listed,
        });
        if let Some(cell) = &mut self.cell {
            cell.paragraphs.extend(lines);
        } else if self.table_depth == 0 {
            self.document.blocks.extend(lines.map(Block::Paragraph));
        }
    }
}

/// Malformed XML at byte `position`, told by line and column.
fn bad_xml(xml: &str, position: u64, error: &quick_xml::Error) -> Problem {
    let before = &xml.as_bytes()[..usize::try_from(position).unwrap_or(usize::MAX).min(xml.len())];
    let line = memchr::memchr_iter(b'\n', before).count() + 1;
    let line_start = before.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
    let column = String::from_utf8_lossy(&before[line_start..]).chars().count() + 1;
    let (line, column) = (u32::try_from(line).unwrap_or(u32::MAX), u32::try_from(column).unwrap_or(u32::MAX));
    Problem::BadXml { line, column, detail: error.to_string() }
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEAD: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>"#;

    fn doc(body: &str) -> Document {
        parse(&format!("{HEAD}{body}</w:body></w:document>")).unwrap()
    }

    #[test]
    fn paragraphs_keep_text_bold_and_list_marks() {
        let d = doc(
            r#"<w:p><w:r><w:rPr><w:b/></w:rPr><w:t>План &amp; </w:t></w:r><w:r><w:rPr><w:b w:val="1"/></w:rPr><w:t>работы</w:t></w:r></w:p>
               <w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>пункт</w:t></w:r></w:p>
               <w:p><w:r><w:rPr><w:b w:val="0"/></w:rPr><w:t>обычный</w:t></w:r></w:p>"#,
        );
        let texts: Vec<(&str, bool, bool)> = d
            .blocks
            .iter()
            .map(|b| match b {
                Block::Paragraph(p) => (p.text.as_str(), p.bold, p.listed),
                Block::Table(_) => unreachable!(),
            })
            .collect();
        assert_eq!(texts, [("План & работы", true, false), ("пункт", false, true), ("обычный", false, false)]);
    }

    #[test]
    fn cells_keep_their_merges_and_line_breaks_split_lines() {
        let d = doc(
            r#"<w:tbl><w:tr><w:tc><w:tcPr><w:gridSpan w:val="3"/></w:tcPr><w:p><w:r><w:t>Раздел</w:t></w:r></w:p></w:tc></w:tr>
               <w:tr><w:tc><w:p><w:r><w:t>а</w:t><w:br/><w:t>б</w:t></w:r></w:p></w:tc>
                     <w:tc><w:tcPr><w:vMerge w:val="restart"/></w:tcPr><w:p/></w:tc>
                     <w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc></w:tr></w:tbl>"#,
        );
        let Block::Table(table) = &d.blocks[0] else { panic!("{d:?}") };
        assert_eq!(table.rows[0].cells[0].span, 3);
        let row = &table.rows[1];
        assert_eq!(row.cells[0].paragraphs.iter().map(|p| p.text.as_str()).collect::<Vec<_>>(), ["а", "б"]);
        assert_eq!(row.cells[1].merge, Merge::Start);
        assert_eq!(row.cells[2].merge, Merge::Continue);
    }

    #[test]
    fn text_boxes_and_deleted_text_are_not_running_text() {
        let d = doc(
            r"<w:p><w:r><w:t>видно</w:t></w:r><w:r><w:drawing><w:txbxContent><w:p><w:r><w:t>в рамке</w:t></w:r></w:p></w:txbxContent></w:drawing></w:r><w:del><w:r><w:delText>удалено</w:delText></w:r></w:del></w:p>",
        );
        assert_eq!(d.blocks, [Block::Paragraph(Paragraph { text: "видно".into(), bold: false, listed: false })]);
    }

    #[test]
    fn a_dtd_is_refused_and_entities_are_never_expanded() {
        let laughs = r#"<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;">]><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&lol2;</w:t></w:r></w:p></w:body></w:document>"#;
        assert!(matches!(parse(laughs), Err(Problem::Dtd)));
        let undefined = format!("{HEAD}<w:p><w:r><w:t>&lol2;</w:t></w:r></w:p></w:body></w:document>");
        assert!(matches!(parse(&undefined), Err(Problem::Entity { .. })));
    }

    #[test]
    fn broken_xml_says_where() {
        let Err(Problem::BadXml { line, .. }) = parse(&format!("{HEAD}\n<w:p><w:r w:x=></w:r></w:p>")) else {
            panic!()
        };
        assert_eq!(line, 3);
    }
}
