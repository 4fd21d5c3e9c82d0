//! `plan report`.

use std::io::Write;
use std::process::ExitCode;

use crate::cli::{ReportArgs, ReportFormat};
use crate::config::Config;
use crate::error::Error;
use crate::render;

/// Prints the fulfilment report of the selected activities as of `--as-of`.
pub fn run(args: &ReportArgs, config: &Config, out: &mut impl Write, err: &mut impl Write) -> Result<ExitCode, Error> {
    let plan = config.load_plan()?;
    let rows = super::select(&plan, &args.filters, config, err)?;
    let report = crate::report::report(&plan, &rows, config.as_of);
    match args.format {
        ReportFormat::Text => render::report::text(out, &report, &plan, config.lang, config.paint)?,
        ReportFormat::Md => render::report::markdown(out, &report, &plan, config.lang)?,
        ReportFormat::Html => render::report::html(out, &report, &plan, config.lang)?,
    }
    Ok(ExitCode::SUCCESS)
}
