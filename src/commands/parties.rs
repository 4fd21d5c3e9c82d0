//! `plan parties`.

use std::io::Write;
use std::process::ExitCode;

use crate::cli::{PartiesArgs, ShowFormat};
use crate::config::Config;
use crate::error::Error;
use crate::render;

pub(super) fn run(args: &PartiesArgs, config: &Config, out: &mut impl Write) -> Result<ExitCode, Error> {
    let plan = config.load_plan()?;
    let counts = crate::query::party_counts(&plan);
    match args.format {
        ShowFormat::Text => render::parties::text(out, &plan, &counts, config.lang, config.paint)?,
        ShowFormat::Json => render::parties::json(out, &plan, &counts)?,
    }
    Ok(ExitCode::SUCCESS)
}
