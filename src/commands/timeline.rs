//! `plan timeline`.

use std::io::Write;
use std::process::ExitCode;

use crate::cli::TimelineArgs;
use crate::config::Config;
use crate::error::Error;
use crate::render;

/// Narrowest chart drawn for a terminal, however narrow it says it is (`--width` allows 30).
const MIN_WIDTH: usize = 30;

/// Draws the chart of the selected activities, as wide as `--width`, the terminal, or 80 columns.
pub(super) fn run(
    args: &TimelineArgs,
    config: &Config,
    out: &mut impl Write,
    err: &mut impl Write,
) -> Result<ExitCode, Error> {
    let plan = config.load_plan()?;
    let rows = super::select(&plan, &args.filters, config, err)?;
    let judged = crate::fulfilment::judge(&plan, &rows, config.as_of);
    let width = match args.width {
        Some(width) => usize::from(width),
        None if config.stdout_is_terminal => super::terminal_width().max(MIN_WIDTH),
        None => usize::from(super::PIPE_WIDTH),
    };
    render::timeline::draw(out, &plan, &judged, config.as_of, config.lang, config.paint, width)?;
    Ok(ExitCode::SUCCESS)
}
