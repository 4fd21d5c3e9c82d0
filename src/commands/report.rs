//! `plan report`.

use std::io::{self, Write};
use std::path::Path;
use std::process::ExitCode;

use crate::cli::{ReportArgs, ReportFormat};
use crate::config::Config;
use crate::error::Error;
use crate::fulfilment::Report;
use crate::model::Plan;
use crate::render;

/// Writes the fulfilment report of the selected activities as of `--as-of`, to `--output` or
/// standard output.
pub(super) fn run(
    args: &ReportArgs,
    config: &Config,
    out: &mut impl Write,
    err: &mut impl Write,
) -> Result<ExitCode, Error> {
    let plan = config.load_plan()?;
    let rows = super::select(&plan, &args.filters, config, err)?;
    let report = crate::fulfilment::report(&plan, &rows, config.as_of);
    if args.missing {
        return missing(args, &report, config, out);
    }
    match args.output.as_deref().filter(|path| *path != Path::new("-")) {
        None if args.format == ReportFormat::Docx && config.stdout_is_terminal => {
            return Err(Error::BinaryToTerminal { format: "docx" });
        }
        None => {
            let columns = config.stdout_is_terminal.then(super::terminal_width);
            write(out, args.format, &report, &plan, config, columns)?;
        }
        Some(path) => {
            // Made whole in memory, then written at once by the one writer: a full disk leaves the
            // old file as it was, and a plan is never overwritten.
            let mut document = Vec::new();
            write(&mut document, args.format, &report, &plan, config, None)?;
            crate::write::output_file(path, &document, args.force)?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// `columns`: the terminal's width, for the text report to wrap to; none for a file or a pipe.
fn write(
    out: &mut impl Write,
    format: ReportFormat,
    report: &Report,
    plan: &Plan,
    config: &Config,
    columns: Option<usize>,
) -> io::Result<()> {
    match format {
        ReportFormat::Text => render::fulfilment::text(out, report, plan, config.lang, config.paint, columns),
        ReportFormat::Md => render::fulfilment::markdown(out, report, plan, config.lang),
        ReportFormat::Html => render::fulfilment::html(out, report, plan, config.lang),
        ReportFormat::Docx => render::docx::write(render::docx::report_document(plan, report, config.lang), out),
        ReportFormat::Json => render::fulfilment::json(out, report, plan),
    }
}

/// `--missing`: what still lacks a mark, as text or JSON; the other formats are for printing.
fn missing(args: &ReportArgs, report: &Report, config: &Config, out: &mut impl Write) -> Result<ExitCode, Error> {
    let entries = crate::fulfilment::missing(report);
    let file = config.file.as_deref().map(|path| path.display().to_string());
    match args.format {
        ReportFormat::Json => render::fulfilment::missing_json(out, &entries, file.as_deref())?,
        ReportFormat::Text | ReportFormat::Md | ReportFormat::Html | ReportFormat::Docx => {
            let columns = config.stdout_is_terminal.then(super::terminal_width);
            render::fulfilment::missing(out, (&entries, report), config.lang, config.paint, file.as_deref(), columns)?;
        }
    }
    Ok(ExitCode::SUCCESS)
}
