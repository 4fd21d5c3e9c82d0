//! `plan import`: a plan written in Word turned into a plan file (spec §8).
//!
//! The steps, one file each, depending downward only:
//! [`archive`] (the .docx container, with hard limits) → [`document`] (its XML as paragraphs and
//! tables) → [`table`] (the plan's table found by its headings, merges resolved into a grid) →
//! [`rows`] (rows read as sections and activities) with [`parties`] (names made into parties) →
//! [`write`] (the plan's TOML, with a `# проверьте:` comment at every guess).
//!
//! What cannot be read with certainty is never dropped silently: it becomes a [`Guess`], told on
//! stderr with its table row and column and written into the file as a comment, and the file
//! still loads.

pub mod archive;
pub mod document;
mod message;
pub mod parties;
pub mod plan_text;
pub mod rows;
pub mod table;

use chrono::NaiveDate;

/// Why a .docx could not be imported at all (exit 2).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// The .docx file is a folder, or cannot be read: the kind of the failure (said in the
    /// user's language where the catalogue knows it) and the system's words.
    Unreadable { kind: std::io::ErrorKind, detail: String },
    /// No such file.
    NotFound,
    /// The file is larger than [`archive::MAX_DOCX_BYTES`].
    TooLarge { size: u64, limit: u64 },
    /// Not a zip archive, so not a .docx (text, or something unknown).
    NotAZip,
    /// A document of another kind, known by its first bytes or its parts.
    OtherFormat { format: Format },
    /// A zip, but with no `word/document.xml` (an .xlsx, an .odt).
    NoDocumentPart,
    /// The archive lists more entries than [`archive::MAX_ENTRIES`].
    TooManyEntries { count: usize, limit: usize },
    /// `entry` unpacks to more than `limit` bytes.
    Bomb { entry: String, limit: u64 },
    /// The archive or its document part could not be unpacked.
    Unpack { detail: String },
    /// The document's XML declares a DTD.
    Dtd,
    /// An entity reference other than the five of XML (`&lol;`).
    Entity { text: String },
    /// The document's XML is malformed at this place.
    BadXml { line: u32, column: u32, detail: String },
    /// No table has the plan's headings; `tables` is how many tables there are, `first_rows` the
    /// text of the first row of each (a few).
    NoPlanTable { tables: usize, first_rows: Vec<String> },
    /// The plan's table has more rows than [`table::MAX_ROWS`].
    TooManyRows { rows: usize, limit: usize },
}

/// Documents that are not .docx but are often taken for one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Word 97–2003 (.doc): an OLE2 compound file.
    Doc,
    /// `OpenDocument` text (.odt), as `LibreOffice` saves by default.
    Odt,
    Pdf,
    Rtf,
}

/// Something read with less than certainty, told on stderr and written as a `# проверьте:`
/// comment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Guess {
    /// Row in the table, from 1 (the heading row counts); `None` for what is not in the table.
    pub row: Option<usize>,
    /// Grid column, from 1, with its role.
    pub column: Option<(usize, Column)>,
    pub kind: GuessKind,
}

/// The columns of the plan's table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Column {
    Activity,
    Time,
    Responsible,
}

/// What was guessed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum GuessKind {
    /// No year in the title: the year of `--as-of` was used.
    NoYear { year: i32 },
    /// A time the grammar does not read, or that lies outside the plan's year; replaced by
    /// [`PLACEHOLDER_WHEN`].
    BadWhen { text: String, reason: WhenFault },
    /// A row's items have no time at all; [`PLACEHOLDER_WHEN`] written.
    NoTime { items: usize },
    /// A row's items and times do not line up: `items` items, `times` times; items without a time
    /// get [`PLACEHOLDER_WHEN`], times without an item are kept in the comment.
    Mismatch { items: usize, times: usize, extra: Vec<String> },
    /// No responsible party in the row; [`PLACEHOLDER_PARTY`] written.
    NoResponsible,
    /// Several paragraphs without list marks, beside fewer times: each read as an activity.
    Unmarked { items: usize },
    /// A row that continues the activity above (a page break): joined to it.
    Joined { text: String },
    /// A hyphen before a space inside a word (`семинара- совещания`), read as a hyphenated word.
    Hyphen { written: String, read: String },
    /// A name taken as a shorter way of writing a party's name.
    ShortName { written: String, name: String },
    /// A name that could be either of several parties; the first was taken.
    Ambiguous { written: String, candidates: Vec<String> },
    /// Activities before any section row: put into a section titled [`PLACEHOLDER_SECTION`].
    NoSection,
    /// A row with a time or a responsible party but no activity: left out.
    NoActivity { text: String },
}

/// Why a time was not taken as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WhenFault {
    /// The grammar's own error.
    Grammar(crate::when::WhenError),
    /// It reads, but names days outside the plan's year.
    OutsideYear(i32),
}

/// Written where a time could not be read, so that the file loads; its comment keeps the original.
pub const PLACEHOLDER_WHEN: &str = "весь период";
/// Written where no responsible party is given.
pub const PLACEHOLDER_PARTY: &str = "не указано";
/// The title of the section made for activities that come before any section row.
pub const PLACEHOLDER_SECTION: &str = "Без раздела";

/// A plan read from a .docx, ready to be written.
#[derive(Debug, Clone, PartialEq)]
pub struct Draft {
    pub title: String,
    pub organization: Option<String>,
    pub year: i32,
    /// «УТВЕРЖДЁН» and the line under it, above the title.
    pub approval: Option<crate::model::Approval>,
    /// «{position}  ____________  {name}» below the table.
    pub signature: Option<crate::model::Signature>,
    pub parties: Vec<parties::Party>,
    pub sections: Vec<rows::Section>,
    /// Guesses about the plan as a whole (the year).
    pub guesses: Vec<Guess>,
}

impl Draft {
    /// Every guess, in the order of the file.
    pub fn all_guesses(&self) -> impl Iterator<Item = &Guess> {
        self.guesses.iter().chain(self.parties.iter().flat_map(|p| &p.guesses)).chain(
            self.sections.iter().flat_map(|s| s.guesses.iter().chain(s.activities.iter().flat_map(|a| &a.guesses))),
        )
    }
}

/// Reads the .docx in `bytes` as a plan; `as_of` gives the year when the title has none.
pub fn read(bytes: &[u8], as_of: NaiveDate) -> Result<Draft, Problem> {
    let xml = archive::document_xml(bytes)?;
    let document = document::parse(&xml)?;
    let found = table::find(&document)?;
    Ok(rows::interpret(&found, as_of))
}
