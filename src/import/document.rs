//! `word/document.xml` read into a small model of what a plan needs: the body's paragraphs and
//! tables, each table cell with its merges (`gridSpan`, `vMerge`) and its paragraphs, each
//! paragraph with its text, whether it is bold and whether it is a list item.
//!
//! The XML is read by `xmlparser`, a pull tokenizer without recursion that never expands
//! entities (no .docx crate is needed to read: `docx-rs` reads into a model that would have to be
//! walked the same way). A DTD is refused outright; Word never writes one, and refusing it closes
//! the door on entity tricks ("billion laughs").

use xmlparser::{ElementEnd, Token, Tokenizer};

use super::Problem;

/// The `WordprocessingML` namespace; its prefix is `w` in every file Word writes, but it is looked
/// up, not assumed.
const W_NS: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
/// The widest a cell may span: more is a broken or hostile file, clamped so that a row stays small.
const MAX_SPAN: usize = 64;

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
    pub rows: Vec<Row>,
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
    Root,
    Other,
}

impl Reader {
    fn read(mut self, xml: &str) -> Result<Document, Problem> {
        let mut merge_value: Option<String> = None;
        // The local name of the last W element started, for `<w:p/>` and the like.
        let mut last_start: Option<&str> = None;
        for token in Tokenizer::from(xml) {
            let token = token.map_err(|error| {
                let pos = error.pos();
                Problem::BadXml { line: pos.row, column: pos.col, detail: error.to_string() }
            })?;
            match token {
                Token::DtdStart { .. } | Token::EmptyDtd { .. } | Token::EntityDeclaration { .. } => {
                    return Err(Problem::Dtd);
                }
                Token::ElementStart { prefix, local, .. } => {
                    self.open = None;
                    merge_value = None;
                    last_start = None;
                    if !self.root_seen {
                        // The root's namespace declarations come as its attributes.
                        self.root_seen = true;
                        self.open = Some(Open::Root);
                        continue;
                    }
                    if self.skipping > 0 {
                        self.skipping += 1;
                        continue;
                    }
                    if !self.is_w(prefix.as_str()) {
                        if prefix.as_str() == "mc" && local.as_str() == "AlternateContent" {
                            self.skipping = 1;
                        }
                        continue;
                    }
                    last_start = Some(local.as_str());
                    self.start(local.as_str());
                }
                Token::Attribute { prefix, local, value, .. } => match self.open {
                    Some(Open::Root) if prefix.as_str() == "xmlns" && value.as_str() == W_NS => {
                        self.w = Some(local.as_str().to_owned());
                    }
                    Some(open)
                        if open != Open::Root
                            && open != Open::Other
                            && self.is_w(prefix.as_str())
                            && (local.as_str() == "val" || (open == Open::Break && local.as_str() == "type")) =>
                    {
                        merge_value = Some(value.as_str().to_owned());
                    }
                    _ => {}
                },
                Token::ElementEnd { end: ElementEnd::Open, .. } => {
                    if self.skipping == 0 {
                        self.attributes_done(merge_value.take().as_deref());
                    }
                    self.open = None;
                }
                Token::ElementEnd { end: ElementEnd::Empty, .. } => {
                    if self.skipping > 0 {
                        self.skipping -= 1;
                        continue;
                    }
                    self.attributes_done(merge_value.take().as_deref());
                    self.open = None;
                    // An empty container (`<w:p/>`, `<w:tc/>`) ends like a full one.
                    if let Some(local) = last_start.take() {
                        self.end(local);
                    }
                }
                Token::ElementEnd { end: ElementEnd::Close(prefix, local), .. } => {
                    if self.skipping > 0 {
                        self.skipping -= 1;
                        continue;
                    }
                    if self.is_w(prefix.as_str()) {
                        self.end(local.as_str());
                    }
                }
                Token::Text { text } if self.in_text && self.skipping == 0 => {
                    let text = unescape(text.as_str())?;
                    self.push_text(&text);
                }
                Token::Cdata { text, .. } if self.in_text && self.skipping == 0 => self.push_text(text.as_str()),
                _ => {}
            }
        }
        Ok(self.document)
    }

    fn is_w(&self, prefix: &str) -> bool {
        prefix == self.w.as_deref().unwrap_or("w")
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
                }
            }
            "tr" if self.table_depth == 1 => {
                if let Some(table) = &mut self.table {
                    table.rows.push(Row::default());
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
                    && let Some(row) = self.table.as_mut().and_then(|t| t.rows.last_mut())
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
        let lines = built.text.split('\n').map(|line| Paragraph { text: line.to_owned(), bold, listed: built.listed });
        if let Some(cell) = &mut self.cell {
            cell.paragraphs.extend(lines);
        } else if self.table_depth == 0 {
            self.document.blocks.extend(lines.map(Block::Paragraph));
        }
    }
}

/// The text of an XML text node: the five predefined entities and character references. Any
/// other entity is refused (there is no DTD to define one).
fn unescape(text: &str) -> Result<std::borrow::Cow<'_, str>, Problem> {
    if !text.contains('&') {
        return Ok(text.into());
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        let after = &rest[at + 1..];
        let end = after.find(';').filter(|&end| end <= 12).ok_or_else(|| bad_entity(after))?;
        let name = &after[..end];
        let ch = match name {
            "lt" => '<',
            "gt" => '>',
            "amp" => '&',
            "quot" => '"',
            "apos" => '\'',
            _ => {
                let code = if let Some(hex) = name.strip_prefix("#x") {
                    u32::from_str_radix(hex, 16).ok()
                } else if let Some(dec) = name.strip_prefix('#') {
                    dec.parse().ok()
                } else {
                    None
                };
                code.and_then(char::from_u32).ok_or_else(|| bad_entity(after))?
            }
        };
        out.push(ch);
        rest = &after[end + 1..];
    }
    out.push_str(rest);
    Ok(out.into())
}

fn bad_entity(after: &str) -> Problem {
    let shown: String = after.chars().take(12).collect();
    Problem::Entity { text: format!("&{shown}") }
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
