//! The command line: every flag, with its help text, as clap sees it.

// Doc comments here are `--help` text, printed verbatim: backticks would show.
#![allow(clippy::doc_markdown)]

use std::path::PathBuf;

use chrono::NaiveDate;
use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::i18n::Lang;

/// Read, filter, print and check a regional work plan kept as a TOML file.
///
/// Without --file, `plan` takes the newest `*.toml` in the nearest `plans/` folder
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
    /// The plan file [default: newest plans/*.toml found from here upwards]
    #[arg(short, long, global = true, env = "PLAN_FILE", value_name = "PATH")]
    pub file: Option<PathBuf>,

    /// The date to judge against: what is "this month", what is overdue [default: today]
    #[arg(long, global = true, value_name = "DATE", value_parser = parse_date)]
    pub as_of: Option<NaiveDate>,

    /// Interface language [default: ru if LC_ALL/LC_MESSAGES/LANG starts with "ru", else en]
    #[arg(long, global = true, env = "PLAN_LANG", value_name = "LANG", ignore_case = true)]
    pub lang: Option<Lang>,

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
    /// The plan as the document's three-column table, with a heading row per section
    #[command(after_help = TABLE_EXAMPLES)]
    Table(TableArgs),
    /// Everything about one activity, with its time interpreted as exact dates
    #[command(after_help = SHOW_EXAMPLES)]
    Show(ShowArgs),
    /// Each party, with how many activities it is responsible for or must agree
    Parties(PartiesArgs),
    /// Validate the file and the meeting-frequency rules; exit 1 when there are errors
    #[command(after_help = CHECK_EXAMPLES)]
    Check(CheckArgs),
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
  plan check                               as of today (clamped to the plan's end)
  plan check --as-of 2019-03-15            before the council meeting of 15 March
  plan check --strict --due-within 14      warnings fail too; due within two weeks is a warning
  plan check --format json | jq '.findings[] | .code'

Exit status: 0 no errors (warnings allowed unless --strict), 1 errors found, 2 the plan could not be read";

/// Which activities to include; options combine with AND, a repeated option with OR.
#[derive(Debug, Args, Default, Clone)]
pub struct FilterArgs {
    /// Activities whose time overlaps PERIOD: `april`, `апрель`, `июнь – сентябрь`, `Q3`, `II полугодие`, `2019-04-01..2019-04-15`, `this month`
    #[arg(long, value_name = "PERIOD")]
    pub period: Vec<String>,
    /// Leave out ongoing activities (whole period, recurring, as needed)
    #[arg(long)]
    pub no_ongoing: bool,
    /// Activities a party is responsible for or must agree: an id, alias or (part of a) name
    #[arg(long, value_name = "WHO")]
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
}

/// `plan show`.
#[derive(Debug, Args)]
pub struct ShowArgs {
    /// The activity: its id (`council-sessions`) or number (`2.2`)
    #[arg(value_name = "ID|S.A")]
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
    /// The three columns as a Markdown table
    Md,
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

/// Accepts `2019-04-01` and `01.04.2019`.
fn parse_date(text: &str) -> Result<NaiveDate, String> {
    let text = text.trim();
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .or_else(|_| NaiveDate::parse_from_str(text, "%d.%m.%Y"))
        .map_err(|_| format!("`{text}` is not a date; write it as YYYY-MM-DD, for example 2019-04-01"))
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
        assert!(parse_date("2019-02-30").is_err());
    }
}
