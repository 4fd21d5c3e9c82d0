//! `plan import`: a plan written in Word turned into a plan file (spec §8).
//!
//! The steps, one file each, depending downward only:
//! [`convert`] (a .doc, .odt or .rtf through `LibreOffice`) → [`archive`] (the .docx container,
//! with hard limits) → [`document`] (its XML as paragraphs and tables) → [`table`] (the plan's
//! table found by its headings or its content, continued across pages, merges resolved into a
//! grid; or [`list`], a plan written as a numbered list, read as such a table) →
//! [`rows`] (rows read as sections and activities) with [`parties`] (names made into parties) and
//! [`front`] (approval, title, year, signature) →
//! [`write`] (the plan's TOML, with a `# проверьте:` comment at every guess).
//!
//! What cannot be read with certainty is never dropped silently: it becomes a [`Guess`], told on
//! stderr with its table row and column and written into the file as a comment, and the file
//! still loads.

pub mod archive;
pub mod convert;
pub mod document;
pub mod front;
pub mod list;
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
    /// A FIFO, a device or a socket: reading it could block for ever or never end.
    NotAFile,
    /// A zip archive cut short: it starts as one but its end (the central directory) is missing
    /// or broken, as a download or a copy that stopped half-way leaves it.
    Truncated,
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
    /// A table inside a cell: of the plan's table (`in_plan`, its row and grid column counted as
    /// the notes count them), or of a table the plan's table may be hidden in (no plan table
    /// found, and this one holds a table: `table` is its number in the document).
    NestedTable { table: usize, row: usize, column: usize, in_plan: bool },
    /// The plan's table has more rows than [`table::MAX_ROWS`].
    TooManyRows { rows: usize, limit: usize },
    /// Neither the title nor the times name a year, and `--year` was not given.
    NoYear,
    /// A .doc, .odt or .rtf, and `soffice` is not on PATH to convert it.
    NoConverter { format: Format },
    /// `LibreOffice` ran but made no .docx: its words.
    ConversionFailed { detail: String },
    /// `LibreOffice` took longer than this many seconds, and was stopped.
    ConversionTimeout { seconds: u64 },
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
    /// The column's heading as the document writes it, where it has one («Дата»).
    pub heading: Option<String>,
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
    /// No year in the title: the most common year among the times was taken.
    YearFromTimes { year: i32 },
    /// No title above the table: this one written.
    NoTitle { title: String },
    /// No responsible column: every activity is the issuing body's, found there.
    IssuingBody { name: String, from: BodyFrom },
    /// An approval block without a date, which `[plan.approval]` needs: kept in this comment.
    UndatedApproval { text: String },
    /// An item of a numbered list, read as an activity: its time and parties as found.
    ListItem { time: Option<String>, responsible: Option<String> },
}

/// Where the name of the body that issued the plan was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BodyFrom {
    /// The organisation above the title.
    Organization,
    Title,
    /// The signer's position.
    Signature,
    Approval,
    /// Nowhere: [`rows::PLACEHOLDER_BODY`].
    Nowhere,
}

/// What the command line adds to the document.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Options {
    /// `--year`: the plan's year, whatever the title says.
    pub year: Option<i32>,
    /// `--title`: the title when the document has none above its table.
    pub title: Option<String>,
}

/// Why a time was not taken as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WhenFault {
    /// The grammar's own error.
    Grammar(crate::when::WhenError),
    /// It reads, but names days outside the plan's year.
    OutsideYear(i32),
}

/// Written as `period` where a time could not be read (and as `when` where there is none), so that
/// the file loads; `when` keeps the document's words.
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
    /// The first and last day, when the title names several years («на 2019–2020 годы»).
    pub period: Option<(NaiveDate, NaiveDate)>,
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

/// Reads the .docx in `bytes` as a plan, with its table, or else its numbered list; also the
/// columns and what each was taken as.
pub fn read(bytes: &[u8], options: &Options) -> Result<(Draft, Vec<table::ColumnUse>), Problem> {
    let xml = archive::document_xml(bytes)?;
    let document = document::parse(&xml)?;
    let found = match table::find(&document) {
        Ok(found) => found,
        Err(no_table @ Problem::NoPlanTable { .. }) => list::find(&document).ok_or(no_table)?,
        Err(other) => return Err(other),
    };
    let draft = rows::interpret(&found, options)?;
    let columns = if found.list { Vec::new() } else { found.columns.clone() };
    Ok((draft, columns))
}
