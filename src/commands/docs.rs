//! `plan completions`, `plan man`, `plan schema`: the tool describing itself.

use std::io::Write;
use std::process::ExitCode;

use crate::cli::CompletionsArgs;
use crate::error::Error;

/// A static completion script for one shell.
pub(super) fn completions(
    args: &CompletionsArgs,
    lang: crate::i18n::Lang,
    out: &mut impl Write,
) -> Result<ExitCode, Error> {
    // clap_complete panics when its writer fails (a closed pipe, a full disk): it writes to memory
    // here, and the write that may fail is ours.
    let mut script = Vec::new();
    clap_complete::generate(args.shell, &mut crate::help::command(lang), "plan", &mut script);
    out.write_all(&script)?;
    Ok(ExitCode::SUCCESS)
}

/// The manual page, in roff.
pub(super) fn man(out: &mut impl Write, lang: crate::i18n::Lang) -> Result<ExitCode, Error> {
    crate::help::man(out, lang)?;
    Ok(ExitCode::SUCCESS)
}

/// The JSON Schema of the plan file, derived from the types the loader reads.
pub(super) fn schema(out: &mut impl Write) -> Result<ExitCode, Error> {
    crate::render::json::write(out, &crate::model::schema())?;
    Ok(ExitCode::SUCCESS)
}
