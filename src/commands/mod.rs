//! One module per subcommand, each a short `run` from arguments to output.

mod check;
mod docs;
mod export;
mod hook;
mod import;
mod list;
mod new;
mod parties;
mod pre_commit;
mod record;
mod report;
mod rollup;
mod show;
mod table;
mod timeline;

use std::io::Write;
use std::process::ExitCode;

use crate::cli::{Command, FilterArgs};
use crate::config::Config;
use crate::error::Error;
use crate::model::{Activity, Plan, Section};
use crate::query::{Criteria, Filter, Notice};

/// Width of tables and charts when stdout is not a terminal and no `--width` is given.
const PIPE_WIDTH: u16 = 80;

/// The terminal's width in columns, or [`PIPE_WIDTH`] when it cannot be told.
fn terminal_width() -> usize {
    terminal_size::terminal_size_of(std::io::stdout())
        .map_or(usize::from(PIPE_WIDTH), |(terminal_size::Width(w), _)| usize::from(w))
}

/// Runs one subcommand, writing data to `out` and notes to `err`.
pub(crate) fn run(
    command: Command,
    config: &Config,
    out: &mut impl Write,
    err: &mut impl Write,
) -> Result<ExitCode, Error> {
    match command {
        Command::List(args) => list::run(&args, config, out, err),
        Command::Table(args) => table::run(&args, config, out, err),
        Command::Show(args) => show::run(&args, config, out),
        Command::Parties(args) => parties::run(&args, config, out),
        Command::Check(args) => check::run(&args, config, out),
        Command::Completions(args) => docs::completions(&args, config.lang, out),
        Command::Man => docs::man(out, config.lang),
        Command::Schema => docs::schema(out),
        Command::Hook(args) if args.pre_commit => pre_commit::run(config, err),
        Command::Hook(args) => hook::run(&args, out),
        Command::Held(args) => record::held(&args, config, out, err),
        Command::Planned(args) => record::planned(&args, config, out, err),
        Command::Cancel(args) => record::cancel(&args, config, out, err),
        Command::Result(args) => record::result(&args, config, out, err),
        Command::New(args) => new::run(&args, config, out, err),
        Command::Timeline(args) => timeline::run(&args, config, out, err),
        Command::Export(args) => export::run(&args, config, out, err),
        Command::Report(args) => report::run(&args, config, out, err),
        Command::Import(args) => import::run(&args, config, out, err),
        Command::Rollup(args) => rollup::run(&args, config, out),
    }
}

impl From<&FilterArgs> for Criteria {
    fn from(args: &FilterArgs) -> Self {
        Criteria {
            periods: args.period.clone(),
            no_ongoing: args.no_ongoing,
            responsible: args.responsible.clone(),
            sections: args.section.clone(),
            greps: args.grep.clone(),
        }
    }
}

/// The activities the filters select, with their notices already told on `err`.
fn select<'p>(
    plan: &'p Plan,
    filters: &FilterArgs,
    config: &Config,
    err: &mut impl Write,
) -> Result<Vec<(&'p Section, &'p Activity)>, Error> {
    let (filter, notices) = Filter::resolve(plan, &filters.into(), config.as_of)?;
    for notice in notices.into_iter().filter(|_| !config.quiet) {
        match notice {
            Notice::PeriodOutsidePlan { text, plan } => {
                writeln!(
                    err,
                    "{}",
                    config.lang.say(&crate::msg!(
                        "period-outside-plan",
                        text = crate::render::escape_line(&text),
                        plan = plan
                    ))
                )?;
            }
        }
    }
    Ok(filter.select(plan))
}

/// The activity with this id or `S.A` number, or the error with the nearest one as a suggestion.
fn find_activity<'p>(plan: &'p Plan, query: &str) -> Result<(&'p Section, &'p Activity), Error> {
    plan.find(query).ok_or_else(|| Error::UnknownActivity {
        query: query.to_owned(),
        suggestion: crate::did_you_mean::nearest_activity(plan, query),
    })
}
