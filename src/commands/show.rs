//! `plan show ID|S.A`.

use std::io::Write;
use std::process::ExitCode;

use crate::check;
use crate::cli::{ShowArgs, ShowFormat};
use crate::config::Config;
use crate::error::Error;
use crate::render;

pub(super) fn run(args: &ShowArgs, config: &Config, out: &mut impl Write) -> Result<ExitCode, Error> {
    let plan = config.load_plan()?;
    let (section, activity) = super::find_activity(&plan, &args.activity)?;
    match args.format {
        ShowFormat::Text => {
            let others = config.series(&plan);
            let verdict = check::judge_in_series(&plan, &others, activity, check::Options::at(config.as_of));
            let width = config.stdout_is_terminal.then(super::terminal_width);
            let (judgement, _) = crate::fulfilment::outcome(&plan, activity, config.as_of);
            render::show::text(
                out,
                &plan,
                (section, activity),
                (verdict.as_ref(), judgement),
                config.lang,
                config.paint,
                width,
            )?;
        }
        ShowFormat::Json => render::json::write(out, &render::json::ActivityJson::new(&plan, section, activity))?,
    }
    Ok(ExitCode::SUCCESS)
}
