//! `plan`: read, filter, print and check a regional work plan kept as a TOML file.
//!
//! The layers depend downward only: [`cli`] → [`commands`] → ([`query`], [`check`]) →
//! [`model`] → [`when`]. Logic returns data; only [`render`] and `main` print.

pub mod check;
pub mod cli;
mod commands;
pub mod complete;
pub mod config;
pub mod edit;
pub mod error;
pub mod i18n;
pub mod model;
pub mod query;
pub mod render;
pub mod report;
pub mod rollover;
pub mod span;
pub mod suggest;
pub mod when;
pub mod write;

use std::io::{self, Write};
use std::process::ExitCode;

pub use config::Config;
pub use error::Error;

/// Runs one command with stdout and stderr locked and buffered.
pub fn run(command: cli::Command, config: &Config) -> Result<ExitCode, Error> {
    let mut out = io::BufWriter::new(io::stdout().lock());
    let mut err = io::stderr().lock();
    let code = commands::run(command, config, &mut out, &mut err)?;
    out.flush()?;
    Ok(code)
}

/// Tells the error on stderr, once, and gives the exit code. A closed pipe (`plan list | head -1`)
/// is not an error: the reader has all it wanted.
#[must_use]
pub fn report(error: &Error, config: &Config) -> ExitCode {
    if let Error::Output(io) = error
        && io.kind() == io::ErrorKind::BrokenPipe
    {
        return ExitCode::SUCCESS;
    }
    let _ = io::stderr().lock().write_all(config.lang.error(error, config.paint_err.enabled()).as_bytes());
    error.exit_code()
}
