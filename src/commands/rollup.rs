//! `plan rollup DIR`.

use std::io::{self, Write};
use std::path::Path;
use std::process::ExitCode;

use crate::cli::{RollupArgs, RollupFormat};
use crate::config::Config;
use crate::error::Error;
use crate::exit::Exit;
use crate::query::Criteria;
use crate::render;
use crate::rollup::{Options, Rollup};

/// Judges every branch folder of DIR and writes one row per branch, worst first, to `--output`
/// or standard output; exit 1 when a branch has errors.
pub(super) fn run(args: &RollupArgs, config: &Config, out: &mut impl Write) -> Result<ExitCode, Error> {
    let options = Options {
        as_of: config.as_of,
        due_within: args.due_within,
        rule_title: args.rule_title.clone(),
        criteria: Criteria {
            periods: args.period.clone(),
            responsible: args.responsible.clone(),
            ..Criteria::default()
        },
    };
    let rollup = crate::rollup::rollup(&args.dir, &options)?;
    match args.output.as_deref().filter(|path| *path != Path::new("-")) {
        None if args.format == RollupFormat::Docx && config.stdout_is_terminal => {
            return Err(Error::BinaryToTerminal { format: "docx" });
        }
        None => {
            // On a terminal the table wraps to it; piped, each branch keeps one line.
            let width = args.width.or_else(|| config.stdout_is_terminal.then(|| super::terminal_width() as u16));
            write(out, args.format, &rollup, &args.dir, config, width)?;
        }
        Some(path) => {
            // Made whole in memory, then written at once by the one writer (see `report -o`).
            let mut document = Vec::new();
            write(&mut document, args.format, &rollup, &args.dir, config, args.width)?;
            crate::write::output_file(path, &document, args.force)?;
        }
    }
    Ok(if rollup.has_errors() { Exit::Findings } else { Exit::Success }.into())
}

fn write(
    out: &mut impl Write,
    format: RollupFormat,
    rollup: &Rollup,
    dir: &Path,
    config: &Config,
    width: Option<u16>,
) -> io::Result<()> {
    let lang = config.lang;
    match format {
        RollupFormat::Table => render::rollup::table(out, rollup, lang, config.paint, width),
        RollupFormat::Json => render::rollup::json(out, rollup, dir, lang),
        RollupFormat::Csv => render::rollup::csv(out, rollup, lang),
        RollupFormat::Md => render::rollup::markdown(out, rollup, lang),
        RollupFormat::Docx => render::rollup_docx::write(out, rollup, dir, lang),
    }
}
