//! `plan export ics|html|docx`.

use std::io::{self, Write};
use std::path::Path;
use std::process::ExitCode;

use crate::cli::{ExportArgs, ExportFormat};
use crate::config::Config;
use crate::error::Error;
use crate::model::{Activity, Plan, Section};
use crate::render;

/// Writes the selected activities as a calendar or a page, to `--output` or standard output.
pub(super) fn run(
    args: &ExportArgs,
    config: &Config,
    out: &mut impl Write,
    err: &mut impl Write,
) -> Result<ExitCode, Error> {
    let plan = config.load_plan()?;
    let rows = super::select(&plan, &args.filters, config, err)?;
    match args.output.as_deref().filter(|path| *path != Path::new("-")) {
        None if args.format == ExportFormat::Docx && config.stdout_is_terminal => {
            return Err(Error::BinaryToTerminal { format: "docx" });
        }
        None => write(out, args.format, &plan, &rows, args.remind, config)?,
        Some(path) => {
            // Made whole in memory, then written at once: a full disk leaves the old file as it was.
            let mut document = Vec::new();
            write(&mut document, args.format, &plan, &rows, args.remind, config)?;
            crate::write::output_file(path, &document, args.force)?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn write(
    out: &mut impl Write,
    format: ExportFormat,
    plan: &Plan,
    rows: &[(&Section, &Activity)],
    remind: u32,
    config: &Config,
) -> io::Result<()> {
    match format {
        ExportFormat::Ics => {
            let judged = crate::fulfilment::judge(plan, rows, config.as_of);
            render::ics::calendar(out, plan, &judged, config.as_of, remind, config.lang)
        }
        ExportFormat::Html => render::html::plan_page(out, plan, rows, config.lang),
        ExportFormat::Docx => render::docx::write(render::docx::plan_document(plan, rows, config.lang), out),
    }
}
