//! `plan show ID|S.A`.

use std::io::Write;
use std::process::ExitCode;

use crate::check;
use crate::cli::{ShowArgs, ShowFormat};
use crate::config::Config;
use crate::error::Error;
use crate::model::Plan;
use crate::render;

pub fn run(args: &ShowArgs, config: &Config, out: &mut impl Write) -> Result<ExitCode, Error> {
    let plan = config.load_plan()?;
    let (section, activity) = plan.find(&args.activity).ok_or_else(|| unknown(&plan, &args.activity))?;
    match args.format {
        ShowFormat::Text => {
            let others = config.series(&plan);
            let verdict = check::judge_in_series(&plan, &others, activity, check::Options::at(config.as_of));
            render::show::text(out, &plan, (section, activity), verdict.as_ref(), config.lang, config.paint)?;
        }
        ShowFormat::Json => render::json::write(out, &render::json::ActivityJson::new(&plan, section, activity))?,
    }
    Ok(ExitCode::SUCCESS)
}

/// The error for an activity that is not there, with the nearest id or number as a suggestion.
fn unknown(plan: &Plan, query: &str) -> Error {
    let numbers: Vec<String> = plan.activities().map(|(_, a)| a.number.to_string()).collect();
    let ids = plan.activities().filter_map(|(_, a)| a.id.as_deref());
    let suggestion = crate::i18n::nearest(query, ids.chain(numbers.iter().map(String::as_str))).map(str::to_owned);
    Error::UnknownActivity { query: query.to_owned(), suggestion }
}
