//! `plan table`.

use std::io::Write;
use std::process::ExitCode;

use crate::cli::{TableArgs, TableFormat};
use crate::config::Config;
use crate::error::Error;
use crate::render;

pub(super) fn run(
    args: &TableArgs,
    config: &Config,
    out: &mut impl Write,
    err: &mut impl Write,
) -> Result<ExitCode, Error> {
    let plan = config.load_plan()?;
    let rows = super::select(&plan, &args.filters, config, err)?;
    match args.format {
        TableFormat::Table => {
            let width = args.width.or((!config.stdout_is_terminal).then_some(super::PIPE_WIDTH));
            render::table::draw(out, &plan, &rows, config.lang, config.paint, width)?;
        }
        TableFormat::Json => render::json::activities(out, &plan, &rows)?,
        TableFormat::Csv => render::csv::activities(out, &plan, &rows, config.lang)?,
        TableFormat::Md => render::markdown::table(out, &plan, &rows, config.lang)?,
    }
    Ok(ExitCode::SUCCESS)
}
