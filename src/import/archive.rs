//! The .docx container: a zip archive, opened with hard limits before anything is unpacked.
//!
//! Only the main part (`word/document.xml`, or the part `_rels/.rels` names) is read. A hostile file cannot make this unbounded: the archive's
//! size, its number of entries and the unpacked size of the document are capped, and the
//! unpacked size is measured while reading (through [`Read::take`]), not trusted from the
//! archive's own header, so a zip bomb stops at the cap.

use std::io::{Cursor, Read};

use super::Problem;

/// The largest .docx read: a plan is tens of kilobytes; photos may make it a few megabytes.
pub const MAX_DOCX_BYTES: u64 = 32 << 20;
/// The most entries an archive may list: Word writes about a dozen, plus one per picture.
pub const MAX_ENTRIES: usize = 2_000;
/// The largest unpacked `word/document.xml`: about 40 times what a long plan needs.
pub const MAX_DOCUMENT_XML_BYTES: u64 = 16 << 20;

/// The part of a .docx that holds the text.
const DOCUMENT: &str = "word/document.xml";
/// The package relationships, which name the main part when it is not [`DOCUMENT`].
const RELATIONSHIPS: &str = "_rels/.rels";
/// The largest `_rels/.rels`: it holds a handful of lines.
const MAX_RELATIONSHIPS_BYTES: u64 = 1 << 20;

/// The main part of the .docx in `bytes` (`word/document.xml`), as text.
pub fn document_xml(bytes: &[u8]) -> Result<String, Problem> {
    let size = bytes.len() as u64;
    if size > MAX_DOCX_BYTES {
        return Err(Problem::TooLarge { size, limit: MAX_DOCX_BYTES });
    }
    if let Some(format) = other_format(bytes) {
        return Err(Problem::OtherFormat { format });
    }
    // Counted from the archive's last record before the zip reader lists (and allocates for)
    // every entry.
    // A zip starts with a local file header; one whose end record is missing was cut short.
    let zip_start = bytes.starts_with(b"PK\x03\x04");
    let not_a_zip = || if zip_start { Problem::Truncated } else { Problem::NotAZip };
    let entries = entry_count(bytes).ok_or_else(not_a_zip)?;
    if entries > MAX_ENTRIES {
        return Err(Problem::TooManyEntries { count: entries, limit: MAX_ENTRIES });
    }
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|_| not_a_zip())?;
    if archive.len() > MAX_ENTRIES {
        return Err(Problem::TooManyEntries { count: archive.len(), limit: MAX_ENTRIES });
    }
    // Word names the part `word/document.xml`; other writers may name it otherwise, and the
    // package's relationships say which it is.
    let part = if archive.index_for_name(DOCUMENT).is_some() {
        DOCUMENT.to_owned()
    } else if archive.index_for_name("content.xml").is_some() {
        return Err(Problem::OtherFormat { format: super::Format::Odt });
    } else if archive.index_for_name(RELATIONSHIPS).is_some() {
        let rels = entry(&mut archive, RELATIONSHIPS, MAX_RELATIONSHIPS_BYTES)?;
        main_part(&rels)?.ok_or(Problem::NoDocumentPart)?
    } else {
        return Err(Problem::NoDocumentPart);
    };
    entry(&mut archive, &part, MAX_DOCUMENT_XML_BYTES)
}

/// The kinds of document often taken for a .docx, by their first bytes.
fn other_format(bytes: &[u8]) -> Option<super::Format> {
    use super::Format;
    let starts = |magic: &[u8]| bytes.starts_with(magic);
    if starts(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1") {
        Some(Format::Doc)
    } else if starts(b"%PDF") {
        Some(Format::Pdf)
    } else if starts(b"{\\rtf") {
        Some(Format::Rtf)
    } else {
        None
    }
}

/// The text of entry `name`, refused past `limit` bytes unpacked.
fn entry(archive: &mut zip::ZipArchive<Cursor<&[u8]>>, name: &str, limit: u64) -> Result<String, Problem> {
    let entry = match archive.by_name(name) {
        Ok(entry) => entry,
        Err(zip::result::ZipError::FileNotFound) => return Err(Problem::NoDocumentPart),
        Err(zip::result::ZipError::UnsupportedArchive(what)) => {
            return Err(Problem::Unpack { detail: what.to_owned() });
        }
        Err(error) => return Err(Problem::Unpack { detail: error.to_string() }),
    };
    let bomb = || Problem::Bomb { entry: name.to_owned(), limit };
    if entry.size() > limit {
        return Err(bomb());
    }
    let mut xml = Vec::new();
    entry.take(limit + 1).read_to_end(&mut xml).map_err(|error| Problem::Unpack { detail: error.to_string() })?;
    // The header may understate the size: what counts is what came out.
    if xml.len() as u64 > limit {
        return Err(bomb());
    }
    String::from_utf8(xml).map_err(|_| Problem::Unpack { detail: format!("{name} is not UTF-8") })
}

/// The main part named by the package relationships (`_rels/.rels`): the target of the
/// `officeDocument` relationship.
fn main_part(rels: &str) -> Result<Option<String>, Problem> {
    let mut reader = quick_xml::Reader::from_str(rels);
    loop {
        let event =
            reader.read_event().map_err(|error| Problem::Unpack { detail: format!("{RELATIONSHIPS}: {error}") })?;
        match event {
            quick_xml::events::Event::DocType(_) => return Err(Problem::Dtd),
            quick_xml::events::Event::Start(element) | quick_xml::events::Event::Empty(element)
                if element.local_name().as_ref() == b"Relationship" =>
            {
                let attribute = |key: &[u8]| {
                    element
                        .attributes()
                        .flatten()
                        .find(|a| a.key.as_ref() == key)
                        .map(|a| String::from_utf8_lossy(&a.value).into_owned())
                };
                if attribute(b"Type").is_some_and(|t| t.ends_with("/officeDocument"))
                    && let Some(target) = attribute(b"Target")
                {
                    return Ok(Some(target.trim_start_matches('/').to_owned()));
                }
            }
            quick_xml::events::Event::Eof => return Ok(None),
            _ => {}
        }
    }
}

/// The number of entries the archive's end-of-central-directory record declares, or `None` when
/// there is no such record (not a zip). A ZIP64 archive (65,535 entries or more) counts as
/// `usize::MAX`: no .docx needs one.
fn entry_count(bytes: &[u8]) -> Option<usize> {
    const SIGNATURE: &[u8] = b"PK\x05\x06";
    const RECORD: usize = 22;
    if bytes.len() < RECORD {
        return None;
    }
    // The record is the last thing in the file, followed by a comment of at most 65,535 bytes.
    let window_start = bytes.len().saturating_sub(RECORD + usize::from(u16::MAX));
    let window = &bytes[window_start..bytes.len() - RECORD + SIGNATURE.len()];
    let at = window.windows(SIGNATURE.len()).rposition(|w| w == SIGNATURE)? + window_start;
    let total = u16::from_le_bytes([bytes[at + 10], bytes[at + 11]]);
    Some(if total == u16::MAX { usize::MAX } else { usize::from(total) })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_not_a_zip() {
        assert!(matches!(document_xml(b"just some text, not a document"), Err(Problem::NotAZip)));
        assert!(matches!(document_xml(b""), Err(Problem::NotAZip)));
    }

    #[test]
    fn a_zip_cut_short_is_called_truncated() {
        let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
        zip.start_file(DOCUMENT, zip::write::SimpleFileOptions::default()).unwrap();
        std::io::Write::write_all(&mut zip, b"<w:document/>").unwrap();
        let bytes = zip.finish().unwrap().into_inner();
        assert_eq!(document_xml(&bytes), Ok("<w:document/>".to_owned()));
        assert_eq!(document_xml(&bytes[..bytes.len() / 2]), Err(Problem::Truncated));
        assert_eq!(document_xml(&bytes[..bytes.len() - 10]), Err(Problem::Truncated));
    }

    #[test]
    fn the_main_part_may_have_another_name() {
        let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
        let options = zip::write::SimpleFileOptions::default();
        zip.start_file("_rels/.rels", options).unwrap();
        std::io::Write::write_all(
            &mut zip,
            br#"<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="/word/document2.xml"/></Relationships>"#,
        )
        .unwrap();
        zip.start_file("word/document2.xml", options).unwrap();
        std::io::Write::write_all(&mut zip, b"<w:document/>").unwrap();
        let bytes = zip.finish().unwrap().into_inner();
        assert_eq!(document_xml(&bytes).unwrap(), "<w:document/>");
    }

    #[test]
    fn documents_often_taken_for_a_docx_are_named() {
        use crate::import::Format;
        let doc = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1 and the rest of an old Word file";
        assert_eq!(document_xml(doc), Err(Problem::OtherFormat { format: Format::Doc }));
        assert_eq!(document_xml(b"%PDF-1.7\n"), Err(Problem::OtherFormat { format: Format::Pdf }));
        assert_eq!(document_xml(b"{\\rtf1\\ansi }"), Err(Problem::OtherFormat { format: Format::Rtf }));
        let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
        zip.start_file("content.xml", zip::write::SimpleFileOptions::default()).unwrap();
        std::io::Write::write_all(&mut zip, b"<office:document-content/>").unwrap();
        let odt = zip.finish().unwrap().into_inner();
        assert_eq!(document_xml(&odt), Err(Problem::OtherFormat { format: Format::Odt }));
    }

    #[test]
    fn a_zip_without_a_document_part_is_named_as_such() {
        let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
        // An .xlsx: a zip of Office XML, but no document.
        zip.start_file("xl/workbook.xml", zip::write::SimpleFileOptions::default()).unwrap();
        std::io::Write::write_all(&mut zip, b"<workbook/>").unwrap();
        let bytes = zip.finish().unwrap().into_inner();
        assert!(matches!(document_xml(&bytes), Err(Problem::NoDocumentPart)));
    }
}
