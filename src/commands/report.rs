//! `plan report`.

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::Path;
use std::process::ExitCode;

use crate::cli::{ReportArgs, ReportFormat};
use crate::config::Config;
use crate::error::Error;
use crate::model::Plan;
use crate::render;
use crate::report::Report;

/// Writes the fulfilment report of the selected activities as of `--as-of`, to `--output` or
/// standard output.
pub fn run(args: &ReportArgs, config: &Config, out: &mut impl Write, err: &mut impl Write) -> Result<ExitCode, Error> {
    let plan = config.load_plan()?;
    let rows = super::select(&plan, &args.filters, config, err)?;
    let report = crate::report::report(&plan, &rows, config.as_of);
    match args.output.as_deref().filter(|path| *path != Path::new("-")) {
        None if args.format == ReportFormat::Docx && config.stdout_is_terminal => {
            return Err(Error::BinaryToTerminal { format: "docx" });
        }
        None => write(out, args.format, &report, &plan, config)?,
        Some(path) => {
            let named = |error: io::Error| {
                Error::Output(io::Error::new(error.kind(), format!("`{}`: {error}", path.display())))
            };
            let mut file = BufWriter::new(File::create(path).map_err(named)?);
            write(&mut file, args.format, &report, &plan, config).map_err(named)?;
            file.flush().map_err(named)?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn write(out: &mut impl Write, format: ReportFormat, report: &Report, plan: &Plan, config: &Config) -> io::Result<()> {
    match format {
        ReportFormat::Text => render::report::text(out, report, plan, config.lang, config.paint),
        ReportFormat::Md => render::report::markdown(out, report, plan, config.lang),
        ReportFormat::Html => render::report::html(out, report, plan, config.lang),
        ReportFormat::Docx => render::docx::write(render::docx::report_document(plan, report, config.lang), out),
        ReportFormat::Json => render::report::json(out, report, plan),
    }
}
