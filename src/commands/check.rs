//! `plan check`.

use std::io::Write;
use std::process::ExitCode;

use crate::check::{self, Options};
use crate::cli::{CheckArgs, CheckFormat};
use crate::config::Config;
use crate::error::Error;
use crate::exit::Exit;
use crate::render;

pub(super) fn run(args: &CheckArgs, config: &Config, out: &mut impl Write) -> Result<ExitCode, Error> {
    let plan = config.load_plan()?;
    let others = config.series(&plan);
    let report = check::check_series(&plan, &others, Options { as_of: config.as_of, due_within: args.due_within });
    match args.format {
        CheckFormat::Text => {
            let options = render::check::TextOptions { strict: args.strict, quiet: config.quiet };
            render::check::text(out, &report, &plan.path, options, config.lang, config.paint)?;
        }
        CheckFormat::Json => render::check::json(out, &report, &plan.path, args.strict, config.lang)?,
    }
    let exit = if report.ok(args.strict) { Exit::Success } else { Exit::Findings };
    Ok(exit.into())
}
