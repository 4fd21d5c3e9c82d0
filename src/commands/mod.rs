//! One module per subcommand, each a short `run` from arguments to output.

mod check;
mod list;
mod parties;
mod show;
mod table;

use std::io::Write;
use std::process::ExitCode;

use crate::cli::{Command, FilterArgs};
use crate::config::Config;
use crate::error::Error;
use crate::model::{Activity, Plan, Section};
use crate::query::{Criteria, Filter, Notice};

/// Runs one subcommand, writing data to `out` and notes to `err`.
pub fn run(command: Command, config: &Config, out: &mut impl Write, err: &mut impl Write) -> Result<ExitCode, Error> {
    match command {
        Command::List(args) => list::run(&args, config, out, err),
        Command::Table(args) => table::run(&args, config, out, err),
        Command::Show(args) => show::run(&args, config, out),
        Command::Parties(args) => parties::run(&args, config, out),
        Command::Check(args) => check::run(&args, config, out),
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
    for notice in notices {
        match notice {
            Notice::PeriodOutsidePlan { text, plan } => {
                writeln!(err, "{}", config.lang.period_outside_plan(&text, plan))?;
            }
        }
    }
    Ok(filter.select(plan))
}
