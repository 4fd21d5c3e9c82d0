//! `plan new YEAR`: next year's plan, written beside this year's, never over an existing file.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use crate::cli::NewArgs;
use crate::config::Config;
use crate::edit;
use crate::error::Error;
use crate::model;
use crate::render::escape_line;
use crate::rollover;
use crate::write;

/// `plan new YEAR [--from FILE] [-o FILE] [--dry-run]`.
pub(super) fn run(
    args: &NewArgs,
    config: &Config,
    out: &mut impl Write,
    err: &mut impl Write,
) -> Result<ExitCode, Error> {
    let source = match &args.from {
        Some(path) => path.clone(),
        None => config.plan_path()?,
    };
    let source_display = source.display().to_string();
    let bytes = write::read(&source)?;
    let plan = model::parse(&source_display, &bytes).map_err(Error::Invalid)?;
    rollover::check_year(&plan, args.year)?;
    let output = args.output.clone().unwrap_or_else(|| source.with_file_name(format!("{}.toml", args.year)));
    // `-o -`: the new plan on standard output, as `export -o -` does; no file is made.
    let to_stdout = output == Path::new("-");
    let display = output.display().to_string();
    // Said before any work; `create_new` refuses again should the file appear meanwhile.
    if !to_stdout && output.is_dir() {
        return Err(Error::OutputIsFolder { path: output });
    }
    if !to_stdout && output.symlink_metadata().is_ok() {
        return Err(Error::OutputExists { path: output });
    }
    let text = String::from_utf8_lossy(&bytes);
    edit::refuse_lone_carriage_returns(&text, &source_display)?;
    let rollover = rollover::next_year(&text, &plan, args.year)?;
    let new = model::parse(&display, rollover.text.as_bytes())
        .map_err(|invalid| Error::EditBroke { path: display.clone(), invalid: Some(invalid) })?;
    if !rollover::verify(&plan, &new, &rollover) {
        return Err(Error::EditBroke { path: display, invalid: None });
    }
    let note = if args.write.dry_run {
        out.write_all(edit::unified_diff(&text, &rollover.text, &source_display, &display).as_bytes())?;
        format!("{}\n", crate::render::record::dry_run(config.lang, &escape_line(&display)))
    } else if to_stdout {
        out.write_all(rollover.text.as_bytes())?;
        // The summary would name a file that was not made; the text itself says it all.
        String::new()
    } else {
        let metadata = std::fs::metadata(&source).map_err(|error| Error::Write { path: output.clone(), error })?;
        write::create_new(&output, rollover.text.as_bytes(), Some(&metadata))?;
        crate::render::record::created(
            config.lang,
            &escape_line(&display),
            &escape_line(&source_display),
            &new,
            &rollover,
        )
    };
    if !config.quiet {
        err.write_all(note.as_bytes())?;
    }
    Ok(ExitCode::SUCCESS)
}
