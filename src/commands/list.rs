//! `plan list`.

use std::io::Write;
use std::process::ExitCode;

use crate::cli::{ListArgs, ListFormat};
use crate::config::Config;
use crate::error::Error;
use crate::render;

pub(super) fn run(
    args: &ListArgs,
    config: &Config,
    out: &mut impl Write,
    err: &mut impl Write,
) -> Result<ExitCode, Error> {
    let plan = config.load_plan()?;
    let rows = super::select(&plan, &args.filters, config, err)?;
    // An empty list looks like a fault: say that the filters left nothing, unless the note that
    // the period lies outside the plan has said so already.
    if rows.is_empty() && args.format == ListFormat::Plain && !config.quiet {
        let criteria = crate::query::Criteria::from(&args.filters);
        let noted =
            crate::query::Filter::resolve(&plan, &criteria, config.as_of).is_ok_and(|(_, notices)| !notices.is_empty());
        if !noted {
            writeln!(err, "{}", config.lang.word("list-nothing"))?;
        }
    }
    match args.format {
        ListFormat::Plain => {
            let width = args.width.map(usize::from).or_else(|| config.stdout_is_terminal.then(super::terminal_width));
            render::list::plain(out, &plan, &rows, config.lang, config.paint, width)?;
        }
        ListFormat::Json => render::json::activities(out, &plan, &rows)?,
        ListFormat::Csv => render::csv::activities(out, &plan, &rows, config.lang)?,
        ListFormat::Md => render::markdown::list(out, &plan, &rows, config.lang)?,
    }
    Ok(ExitCode::SUCCESS)
}
