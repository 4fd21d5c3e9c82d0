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
    let (rows, mark_cancelled) = super::printed(super::select(&plan, &args.filters, config, err)?, args.cancelled);
    match args.output.as_deref().filter(|path| *path != Path::new("-")) {
        None if args.format == ExportFormat::Docx && config.stdout_is_terminal => {
            return Err(Error::BinaryToTerminal { format: "docx" });
        }
        None => write(out, args, &plan, &rows, mark_cancelled, config)?,
        Some(path) => {
            // Made whole in memory, then written at once: a full disk leaves the old file as it was.
            let mut document = Vec::new();
            write(&mut document, args, &plan, &rows, mark_cancelled, config)?;
            crate::write::output_file(path, &document, args.force)?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn write(
    out: &mut impl Write,
    args: &ExportArgs,
    plan: &Plan,
    rows: &[(&Section, &Activity)],
    mark_cancelled: bool,
    config: &Config,
) -> io::Result<()> {
    match args.format {
        ExportFormat::Ics => {
            let judged = crate::fulfilment::judge(plan, rows, config.as_of);
            render::ics::calendar(out, plan, &judged, config.as_of, args.remind, config.lang)
        }
        ExportFormat::Html => render::html::plan_page(out, plan, rows, config.lang, mark_cancelled),
        ExportFormat::Docx => {
            render::docx::write(render::docx::plan_document(plan, rows, config.lang, mark_cancelled), out)
        }
    }
}
