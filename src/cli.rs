//! The command line: every flag, with its help text, as clap sees it.

// Doc comments here are `--help` text, printed verbatim: backticks would show.
#![allow(clippy::doc_markdown)]

use std::io::{self, IsTerminal};
use std::path::PathBuf;

use chrono::NaiveDate;
use clap::{Args, Parser, Subcommand, ValueEnum};
use clap_complete::ArgValueCandidates;

use crate::config::Config;
use crate::i18n::Lang;
use crate::render::style::Paint;

/// Read, filter, print and check a regional work plan kept as a TOML file.
///
/// Without --file, `plan` reads the plan in force on the as-of date in the nearest `plans/` folder
/// (in the current directory or above), so inside the plan's repository `plan list` just works.
#[derive(Debug, Parser)]
#[command(
    name = "plan",
    version,
    about,
    long_about,
    help_expected = true,
    max_term_width = 100,
    args_override_self = true
)]
pub struct Cli {
    /// The plan file [default: the plan in force in plans/, found from here upwards]
    #[arg(short, long, global = true, env = "PLAN_FILE", value_name = "PATH")]
    pub file: Option<PathBuf>,

    /// The date to judge against: what is "this month", what is overdue [default: today]
    #[arg(long, global = true, value_name = "DATE", value_parser = parse_date)]
    pub as_of: Option<NaiveDate>,

    /// Interface language [default: ru if LC_ALL/LC_MESSAGES/LANG, else the system's language, is Russian; else en]
    #[arg(long, global = true, env = "PLAN_LANG", value_name = "LANG", ignore_case = true)]
    pub lang: Option<Lang>,

    /// Print only data and errors: no notes on stderr; `check` prints only its findings
    #[arg(short, long, global = true)]
    pub quiet: bool,

    /// When to use colour (NO_COLOR turns off `auto`)
    #[arg(long, global = true, value_name = "WHEN", default_value = "auto")]
    pub color: ColorChoice,

    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// One line per activity: number, time, responsible, title
    #[command(after_help = LIST_EXAMPLES)]
    List(ListArgs),
    /// The plan as the printed document's table, numbered, with a heading row per section
    #[command(after_help = TABLE_EXAMPLES)]
    Table(TableArgs),
    /// Everything about one activity, with its time interpreted as exact dates
    #[command(after_help = SHOW_EXAMPLES)]
    Show(ShowArgs),
    /// Each party, with how many activities it is responsible for or must agree
    #[command(
        after_help = "Examples:\n  plan parties\n  plan parties --format json | jq '.[] | select(.responsible == 0)'"
    )]
    Parties(PartiesArgs),
    /// Validate the file and the meeting-frequency rules; exit 1 when there are errors
    #[command(after_help = CHECK_EXAMPLES)]
    Check(CheckArgs),
    /// Record that an activity took place on DATE, in the file itself (a planned DATE moves to held)
    #[command(after_help = HELD_EXAMPLES)]
    Held(HeldArgs),
    /// Record a date fixed for an activity in the future, in the file itself
    #[command(after_help = PLANNED_EXAMPLES)]
    Planned(PlannedArgs),
    /// Mark an activity as cancelled (status = "cancelled"), in the file itself
    #[command(after_help = CANCEL_EXAMPLES)]
    Cancel(CancelArgs),
    /// Record what was done, in words, for the fulfilment report (`result`), in the file itself
    #[command(after_help = RESULT_EXAMPLES)]
    Result(ResultArgs),
    /// Start next year's plan from this one: the same activities, nothing recorded yet
    #[command(after_help = NEW_EXAMPLES)]
    New(NewArgs),
    /// The plan period as a chart: a row per activity, a column per month, recorded dates marked
    #[command(after_help = TIMELINE_EXAMPLES)]
    Timeline(TimelineArgs),
    /// Write the plan as a calendar (ics), a printable web page (html) or a Word document (docx)
    #[command(after_help = EXPORT_EXAMPLES)]
    Export(ExportArgs),
    /// The fulfilment report: what became of each activity, and meetings against the charter
    #[command(after_help = REPORT_EXAMPLES)]
    Report(ReportArgs),
    /// Turn a plan written in Word (.docx) into a plan file, guesses marked for review
    #[command(after_help = IMPORT_EXAMPLES)]
    Import(ImportArgs),
    /// Many branches at once: a row per branch folder of DIR (its plan in force judged), worst first
    #[command(after_help = ROLLUP_EXAMPLES)]
    Rollup(RollupArgs),
    /// Print a shell completion script (static; see `COMPLETE=bash plan` for completion of plan values)
    #[command(after_help = COMPLETIONS_EXAMPLES)]
    Completions(CompletionsArgs),
    /// Print the manual page (roff)
    #[command(after_help = "Examples:\n  plan man | man -l -\n  plan man > ~/.local/share/man/man1/plan.1")]
    Man,
    /// Print the JSON Schema of the plan file, for editors (Taplo, Even Better TOML)
    #[command(after_help = "Examples:\n  plan schema > plans/plan.schema.json")]
    Schema,
    /// Print the git pre-commit hook that checks changed plans, or install it
    #[command(
        after_help = "Examples:\n  plan hook --install          in the repository that keeps plans/\n  plan hook > .git/hooks/pre-commit && chmod +x .git/hooks/pre-commit"
    )]
    Hook(HookArgs),
}

const LIST_EXAMPLES: &str = "Examples:
  plan list --period april                 what is on in April (ongoing activities included)
  plan list --period 'II полугодие' --no-ongoing
  plan list --responsible presidium        what the presidium must do or agree
  plan list --section 3 --format md        one section as a Markdown table
  plan list --format json | jq '.[].title'";

const TABLE_EXAMPLES: &str = "Examples:
  plan table                               the whole plan, wrapped to the terminal
  plan table --lang ru --width 120 > plan.txt
  plan table --period 'I квартал' --format md";

const SHOW_EXAMPLES: &str = "Examples:
  plan show 2.2
  plan show presidium-sessions --format json";

const CHECK_EXAMPLES: &str = "Examples:
  plan check                               as of today, even after the plan's end
  plan check --as-of 2019-03-15            before the council meeting of 15 March
  plan check --strict --due-within 14      warnings fail too; due within two weeks is a warning
  plan check --format json | jq '.findings[] | .code'

Exit status: 0 no errors (warnings allowed unless --strict), 1 errors found, 2 the plan could not be read";

const COMPLETIONS_EXAMPLES: &str = "Examples:
  plan completions bash > ~/.local/share/bash-completion/completions/plan
  plan completions zsh > ~/.zfunc/_plan
  plan completions fish > ~/.config/fish/completions/plan.fish

Completion of party ids and activity numbers from the plan itself needs the dynamic form instead:
  echo 'source <(COMPLETE=bash plan)' >> ~/.bashrc
  echo 'source <(COMPLETE=zsh plan)' >> ~/.zshrc
  echo 'COMPLETE=fish plan | source' >> ~/.config/fish/completions/plan.fish";

/// `plan hook`.
#[derive(Debug, Args)]
pub struct HookArgs {
    /// Write the hook to the current repository's `.git/hooks/pre-commit`
    #[arg(long)]
    pub install: bool,
    /// With --install: replace an existing pre-commit hook
    #[arg(long, requires = "install")]
    pub force: bool,
    /// Judge the staged plans as the installed hook does: stop only for what the commit brings
    #[arg(long, conflicts_with = "install")]
    pub pre_commit: bool,
}

/// `plan completions`.
#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell to complete for
    #[arg(value_name = "SHELL")]
    pub shell: clap_complete::Shell,
}

const HELD_EXAMPLES: &str = "Examples:
  plan held council-sessions 2019-03-14
  plan held 1.2 2019-05-28 --note 'протокол № 3'
  plan held 1.1 14.03.2019 --dry-run        show the change as a diff; write nothing
  git diff plans/2019.toml                  review the change, then commit it

The file is changed in place: only the activity's `held` (and `planned`) value changes; comments, layout and
line ends stay as they are.";

const PLANNED_EXAMPLES: &str = "Examples:
  plan planned council-sessions 2019-12-12
  plan planned 1.2 2019-11-28 --dry-run";

const CANCEL_EXAMPLES: &str = "Examples:
  plan cancel 3.3
  plan cancel 3.3 --note 'перенесено на 2020 год'";

const RESULT_EXAMPLES: &str = "Examples:
  plan result 3.1 'Проведено 12 уроков в 9 школах'
  plan result council-sessions 'Утверждены отчёт и план на 2020 год' --dry-run

A different `result` already there is kept unless --replace or --append says what to do with it; only that
line of the file changes.";

/// `plan result`.
#[derive(Debug, Args)]
pub struct ResultArgs {
    /// The activity: its id (`council-sessions`) or number (`3.1`)
    #[arg(value_name = "ID|S.A", add = ArgValueCandidates::new(crate::complete::activities))]
    pub activity: String,
    /// What was done, in words
    #[arg(value_name = "TEXT", value_parser = clap::builder::NonEmptyStringValueParser::new())]
    pub text: String,
    #[command(flatten)]
    pub existing: ExistingText,
    #[command(flatten)]
    pub write: DryRun,
}

/// What `result` and `cancel --note` do with a different text already recorded (without either
/// flag, they refuse and show it).
#[derive(Debug, Args, Clone, Copy, Default)]
pub struct ExistingText {
    /// Replace a different text already recorded
    #[arg(long, conflicts_with = "append")]
    pub replace: bool,
    /// Add the text on a new line after one already recorded
    #[arg(long)]
    pub append: bool,
}

const NEW_EXAMPLES: &str = "Examples:
  plan new 2020                             plans/2020.toml from the newest plan in plans/
  plan new 2020 --from plans/2019.toml -o plans/2020.toml
  plan new 2020 --dry-run                   what would change, as a diff against this year's plan
  plan --file plans/2020.toml check";

/// `--dry-run` of the commands that write the plan.
#[derive(Debug, Args)]
pub struct DryRun {
    /// Print the change as a unified diff and write nothing
    #[arg(long)]
    pub dry_run: bool,
}

/// `plan held`.
#[derive(Debug, Args)]
pub struct HeldArgs {
    /// The activity: its id (`council-sessions`) or number (`1.1`)
    #[arg(value_name = "ID|S.A", add = ArgValueCandidates::new(crate::complete::activities))]
    pub activity: String,
    /// The day it took place: 2019-03-14 or 14.03.2019 (not after --as-of, default today)
    #[arg(value_name = "DATE")]
    pub date: String,
    /// Record the date as `{ on = DATE, note = "TEXT" }`: a protocol number, a place
    #[arg(long, value_name = "TEXT")]
    pub note: Option<String>,
    #[command(flatten)]
    pub write: DryRun,
}

/// `plan planned`.
#[derive(Debug, Args)]
pub struct PlannedArgs {
    /// The activity: its id (`council-sessions`) or number (`1.1`)
    #[arg(value_name = "ID|S.A", add = ArgValueCandidates::new(crate::complete::activities))]
    pub activity: String,
    /// The day fixed for it: 2019-12-12 or 12.12.2019 (not before --as-of, default today)
    #[arg(value_name = "DATE")]
    pub date: String,
    #[command(flatten)]
    pub write: DryRun,
}

/// `plan cancel`.
#[derive(Debug, Args)]
pub struct CancelArgs {
    /// The activity: its id (`council-sessions`) or number (`3.3`)
    #[arg(value_name = "ID|S.A", add = ArgValueCandidates::new(crate::complete::activities))]
    pub activity: String,
    /// Why: written as the activity's `note` (a different note already there is kept unless --replace or --append)
    #[arg(long, value_name = "TEXT")]
    pub note: Option<String>,
    #[command(flatten)]
    pub existing: ExistingText,
    #[command(flatten)]
    pub write: DryRun,
}

/// `plan new`.
#[derive(Debug, Args)]
pub struct NewArgs {
    /// The year of the new plan; after the source plan's year
    #[arg(value_name = "YEAR", value_parser = clap::value_parser!(i32).range(1..=9999))]
    pub year: i32,
    /// This year's plan [default: --file, or the plan in force in plans/]
    #[arg(long, value_name = "FILE")]
    pub from: Option<PathBuf>,
    /// Where to write the new plan; never overwritten; `-` for standard output [default: YEAR.toml beside the source]
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    #[command(flatten)]
    pub write: DryRun,
}

/// Which activities to include; options combine with AND, a repeated option with OR.
#[derive(Debug, Args, Default, Clone)]
pub struct FilterArgs {
    /// Activities whose time overlaps PERIOD: `april`, `апрель`, `июнь – сентябрь`, `Q3`, `II полугодие`, `первая декада мая`, `до 15 марта`, `28 мая 2019`, `2019-04-01..2019-04-15`, `this month`
    #[arg(long, value_name = "PERIOD")]
    pub period: Vec<String>,
    /// Leave out ongoing activities (whole period, recurring, as needed)
    #[arg(long)]
    pub no_ongoing: bool,
    /// Activities a party is responsible for or must agree: an id, alias or (part of a) name
    #[arg(long, value_name = "WHO", add = ArgValueCandidates::new(crate::complete::parties))]
    pub responsible: Vec<String>,
    /// Activities of a section: its number, or part of its title
    #[arg(long, value_name = "N|TEXT")]
    pub section: Vec<String>,
    /// Activities whose title, note or partner contains TEXT (case-insensitive)
    #[arg(long, value_name = "TEXT")]
    pub grep: Vec<String>,
}

/// `plan list`.
#[derive(Debug, Args)]
pub struct ListArgs {
    #[command(flatten)]
    pub filters: FilterArgs,
    /// Output format
    #[arg(long, value_name = "FORMAT", default_value = "plain")]
    pub format: ListFormat,
    /// Wrap the plain list to N columns [default: the terminal's; piped, one whole line per activity]
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(30..))]
    pub width: Option<u16>,
}

/// `plan table`.
#[derive(Debug, Args)]
pub struct TableArgs {
    #[command(flatten)]
    pub filters: FilterArgs,
    /// Output format
    #[arg(long, value_name = "FORMAT", default_value = "table")]
    pub format: TableFormat,
    /// Table width in columns [default: the terminal's, or 80 when not a terminal]
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(30..))]
    pub width: Option<u16>,
    /// How cancelled activities are printed: as planned (`plain`, the default), marked, or left out
    #[arg(long, value_name = "HOW", default_value = "plain")]
    pub cancelled: Cancelled,
}

/// `plan show`.
#[derive(Debug, Args)]
pub struct ShowArgs {
    /// The activity: its id (`council-sessions`) or number (`2.2`)
    #[arg(value_name = "ID|S.A", add = ArgValueCandidates::new(crate::complete::activities))]
    pub activity: String,
    /// Output format
    #[arg(long, value_name = "FORMAT", default_value = "text")]
    pub format: ShowFormat,
}

/// `plan check`.
#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Treat warnings as errors (exit 1 on any finding)
    #[arg(long)]
    pub strict: bool,
    /// Output format
    #[arg(long, value_name = "FORMAT", default_value = "text")]
    pub format: CheckFormat,
    /// A next due date at most DAYS after the as-of date is a `due-soon` warning
    #[arg(long, value_name = "DAYS", default_value_t = crate::check::DEFAULT_DUE_WITHIN)]
    pub due_within: u32,
}

/// Formats of `plan check`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CheckFormat {
    /// A block per recurring activity, the findings, a summary line
    Text,
    /// The report as one JSON object (the shape is stable)
    Json,
}

/// `plan parties`.
#[derive(Debug, Args)]
pub struct PartiesArgs {
    /// Output format
    #[arg(long, value_name = "FORMAT", default_value = "text")]
    pub format: ShowFormat,
}

/// Formats of `plan list`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ListFormat {
    /// Aligned columns for reading
    Plain,
    /// An array of objects, one per activity (the shape is stable)
    Json,
    /// One row per activity, every field
    Csv,
    /// A Markdown table
    Md,
}

/// Formats of `plan table`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum TableFormat {
    /// A drawn table for the terminal
    Table,
    /// Same as `list --format json`
    Json,
    /// Same as `list --format csv`
    Csv,
    /// The printed plan's four columns as a Markdown table
    Md,
}

/// How `plan table` and `plan export` print a cancelled activity (spec §7).
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Cancelled {
    /// Like the others, without a mark: the plan as it was planned
    Plain,
    /// With a mark after the title: [cancelled]
    Mark,
    /// Left out
    Omit,
}

/// Formats of `plan show` and `plan parties`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ShowFormat {
    /// For reading
    Text,
    /// For scripts
    Json,
}

/// `--color`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    /// Colour when writing to a terminal and NO_COLOR is not set
    Auto,
    /// Always colour
    Always,
    /// Never colour
    Never,
}

// ----- timeline, export, report -----

const TIMELINE_EXAMPLES: &str = "Marks: █ the activity's time  ░ ongoing  ● held  ○ planned  ! next due  × cancelled
       ▼ the as-of date; a mark lands in the first, second or last third of its month

Examples:
  plan timeline                            the whole year, as wide as the terminal
  plan timeline --section 1 --as-of 2019-11-20
  plan timeline --period 'II полугодие' --no-ongoing --width 100
  plan timeline --color always | less -R";

const EXPORT_EXAMPLES: &str = "The calendar has an all-day event for each window, held, planned and next due date;
importing it again updates those events instead of adding them twice.

Examples:
  plan export ics -o plan-2019.ics
  plan export ics --responsible presidium > presidium.ics
  plan export html -o plan-2019.html       one page for the website; print it from the browser
  plan export docx -o plan-2019.docx       the plan for approval, as a Word document
  plan --lang ru export html --section 4 > section-4.html";

const REPORT_EXAMPLES: &str = "Examples:
  plan report --as-of 2019-12-31           the year's account
  plan report --format md > report.md
  plan --lang ru report --format html > otchet-2019.html
  plan --as-of 2019-12-31 report --format docx -o otchet-2019.docx
  plan report --section 1                  the governing bodies' meetings only";

/// `plan timeline`.
#[derive(Debug, Args)]
pub struct TimelineArgs {
    #[command(flatten)]
    pub filters: FilterArgs,
    /// Chart width in columns [default: the terminal's, or 80 when not a terminal]
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(30..))]
    pub width: Option<u16>,
}

/// `plan export`.
#[derive(Debug, Args)]
pub struct ExportArgs {
    /// What to write
    #[arg(value_name = "FORMAT")]
    pub format: ExportFormat,
    #[command(flatten)]
    pub filters: FilterArgs,
    /// Write to FILE instead of standard output (`-` is standard output)
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// With -o: replace an existing FILE that plan did not write (never a plan, a .toml file or a link)
    #[arg(long)]
    pub force: bool,
    /// ics: remind this many days before each meeting rule's last due date
    #[arg(long, value_name = "DAYS", default_value_t = crate::render::ics::DEFAULT_REMIND)]
    pub remind: u32,
    /// How cancelled activities are printed: as planned (`plain`, the default), marked, or left out (`omit` leaves them out of the calendar too)
    #[arg(long, value_name = "HOW", default_value = "plain")]
    pub cancelled: Cancelled,
}

/// Formats of `plan export`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    /// An iCalendar file (RFC 5545) of all-day events
    Ics,
    /// A standalone web page with the document's table, ready to print on A4
    Html,
    /// The plan as a Word document (.docx) for approval: A4, page numbers, approval and signature
    Docx,
}

/// `plan report`.
#[derive(Debug, Args)]
pub struct ReportArgs {
    #[command(flatten)]
    pub filters: FilterArgs,
    /// Output format
    #[arg(long, value_name = "FORMAT", default_value = "text")]
    pub format: ReportFormat,
    /// Write to FILE instead of standard output (`-` is standard output)
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// With -o: replace an existing FILE that plan did not write (never a plan, a .toml file or a link)
    #[arg(long)]
    pub force: bool,
    /// Only list what still lacks a mark, each with the command that records it
    #[arg(long)]
    pub missing: bool,
}

/// Formats of `plan report`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    /// For reading in the terminal
    Text,
    /// Markdown, for a wiki or an e-mail
    Md,
    /// A standalone web page, ready to print
    Html,
    /// A Word document (.docx), ready to print and sign
    Docx,
    /// One object per activity and one per meeting rule, for scripts
    Json,
}

// ----- issue 15: import -----

const IMPORT_EXAMPLES: &str = "Examples:
  plan import plan-2019.docx -o plans/2019.toml
  plan import plan-2019.docx > draft.toml     the plan on standard output
  plan --file plans/2019.toml check           then check what was imported

What cannot be read with certainty (a time the grammar does not know, items without times, a name
that could be two parties) is told on stderr with its row and column and written into the file as
a `# проверьте:` comment; the file still loads. An existing file is never overwritten.";

/// `plan import`.
#[derive(Debug, Args)]
pub struct ImportArgs {
    /// The Word document (.docx) holding the plan's table
    #[arg(value_name = "FILE.docx")]
    pub docx: PathBuf,
    /// Write the plan to FILE, never over an existing one (`-` is standard output) [default: standard output]
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// The plan's year, when its title names none (or names another)
    #[arg(long, value_name = "YEAR", value_parser = clap::value_parser!(i32).range(1900..=2199))]
    pub year: Option<i32>,
    /// The plan's title, when the document has none above its table
    #[arg(long, value_name = "TEXT")]
    pub title: Option<String>,
}

// ----- issue 24: rollup -----

const ROLLUP_EXAMPLES: &str =
    "Each folder of DIR is a branch (its name the branch's id) holding that branch's yearly plans;
each branch is judged on its plan in force, exactly as `plan check` and `plan report` judge it.

Examples:
  plan rollup branches/                        every branch as of today, worst first
  plan rollup branches/ --as-of 2024-12-31 --format md > rollup-2024.md
  plan rollup branches/ --rule-title 'заседания совета'    who kept the council's meetings
  plan rollup branches/ --format docx -o rollup.docx
  plan rollup branches/ --format json | jq '.branches[] | select(.errors > 0) | .branch'

Exit status: 0 no branch has errors, 1 a branch has errors (or a plan that does not load),
2 DIR could not be read";

/// `plan rollup`.
#[derive(Debug, Args)]
pub struct RollupArgs {
    /// The folder holding one folder per branch, each with that branch's yearly plans
    #[arg(value_name = "DIR")]
    pub dir: PathBuf,
    /// Count only the meeting rules whose title contains TEXT (case-insensitive)
    #[arg(long, value_name = "TEXT")]
    pub rule_title: Option<String>,
    /// Count only activities (and their rules) whose time overlaps PERIOD, as `report --period` does
    #[arg(long, value_name = "PERIOD")]
    pub period: Vec<String>,
    /// Count only activities (and their rules) a party is responsible for or must agree, as `report --responsible` does
    #[arg(long, value_name = "WHO")]
    pub responsible: Vec<String>,
    /// A next due date at most DAYS after the as-of date is a `due-soon` warning, as in `check`
    #[arg(long, value_name = "DAYS", default_value_t = crate::check::DEFAULT_DUE_WITHIN)]
    pub due_within: u32,
    /// Output format
    #[arg(long, value_name = "FORMAT", default_value = "table")]
    pub format: RollupFormat,
    /// Write to FILE instead of standard output (`-` is standard output)
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// With -o: replace an existing FILE that plan did not write (never a plan, a .toml file or a link)
    #[arg(long)]
    pub force: bool,
    /// Table width in columns [default: the terminal's; piped, one line per branch]
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(30..))]
    pub width: Option<u16>,
}

/// Formats of `plan rollup`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum RollupFormat {
    /// A drawn table for the terminal, with the totals at the end
    Table,
    /// One object per branch and the totals, for scripts (the shape is stable)
    Json,
    /// One row per branch, then the totals, for a spreadsheet
    Csv,
    /// A Markdown table, for a wiki or an e-mail
    Md,
    /// A Word document (.docx), ready to print
    Docx,
}

/// Accepts `2019-04-01`, `01.04.2019`, `01.04.19`, `1 апреля 2019`, `сегодня`, `вчера`,
/// `завтра`, read as the time grammar reads dates (the words of the refusal: `help::error_text`).
fn parse_date(text: &str) -> Result<NaiveDate, String> {
    crate::when::parse_date(text).map_err(|refused| {
        // English only: clap prints this where the interface is English; Russian has its own.
        let why = crate::i18n::Lang::En.say(&crate::error::message::not_a_date(text, refused));
        format!("{why}; write it as YYYY-MM-DD or DD.MM.YYYY, for example 2019-04-01")
    })
}

impl Cli {
    /// The settings every command runs with: the command line, and the environment (locale,
    /// `NO_COLOR`, terminals, today's date) read once. Here rather than in `config`, so that the
    /// settings do not depend on the command line that depends on them for its completions.
    #[must_use]
    pub fn config(&self) -> Config {
        let cli = self;
        let env = |key: &str| std::env::var(key).ok();
        let no_color = env("NO_COLOR").is_some_and(|v| !v.is_empty());
        let colour = |is_terminal: bool| match cli.color {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => is_terminal && !no_color,
        };
        let stdout_is_terminal = io::stdout().is_terminal();
        Config {
            lang: Lang::detect(cli.lang, env),
            paint: Paint::new(colour(stdout_is_terminal)),
            paint_err: Paint::new(colour(io::stderr().is_terminal())),
            stdout_is_terminal,
            as_of: cli.as_of.unwrap_or_else(|| chrono::Local::now().date_naive()),
            file: cli.file.clone(),
            quiet: cli.quiet,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn cli_definition_is_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn as_of_accepts_iso_and_russian_dates() {
        let day = NaiveDate::from_ymd_opt(2019, 4, 1).unwrap();
        assert_eq!(parse_date("2019-04-01"), Ok(day));
        assert_eq!(parse_date("01.04.2019"), Ok(day));
        assert_eq!(parse_date("01.04.19"), Ok(day));
        assert!(parse_date("2019-02-30").is_err());
        assert!(parse_date("01.04.019").is_err());
    }
}
