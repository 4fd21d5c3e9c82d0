//! `plan`: read, filter, print and check a regional work plan kept as a TOML file.
//!
//! The layers depend downward only: [`cli`] → [`commands`] → ([`query`], [`check`]) →
//! [`model`] → [`when`]. Logic returns data; only [`render`] and `main` print. Words are data
//! too: errors and findings carry a [`i18n::Message`], and [`i18n`] says it from the catalogues
//! in `locales/`; [`help`] says the command line (help, usage, argument errors) the same way.

pub mod check;
pub mod cli;
mod commands;
mod complete;
pub mod config;
mod did_you_mean;
pub mod edit;
pub mod error;
mod exit;
pub mod fulfilment;
pub mod help;
pub mod i18n;
pub mod import;
pub mod model;
pub mod query;
pub mod render;
pub mod rollover;
mod rollup;
mod span;
pub mod when;
mod write;

use std::io::{self, Write};
use std::process::ExitCode;

pub use config::Config;
pub use error::Error;

/// Runs one command with stdout and stderr locked and buffered. A reader that stops early
/// (`plan check | grep -q x`) does not stop the command: the rest of its output is dropped and
/// its exit code stays what the work decided.
pub fn run(command: cli::Command, config: &Config) -> Result<ExitCode, Error> {
    let mut out = io::BufWriter::new(ClosedPipeIsFine::new(io::stdout().lock()));
    let mut err = io::stderr().lock();
    let code = commands::run(command, config, &mut out, &mut err)?;
    out.flush()?;
    Ok(code)
}

/// Tells the error on stderr, once, and gives the exit code. A closed pipe (`plan list | head -1`)
/// is not an error: the reader has all it wanted.
#[must_use]
pub fn report_error(error: &Error, config: &Config) -> ExitCode {
    if let Error::Output(io) = error
        && io.kind() == io::ErrorKind::BrokenPipe
    {
        return exit::Exit::Success.into();
    }
    let _ =
        io::stderr().lock().write_all(render::error::text(error, config.lang, config.paint_err.enabled()).as_bytes());
    error.exit_code()
}

/// Prints what clap has to say when the command line did not parse, or asked for `--help` or
/// `--version`, and gives the exit code. clap's own `exit` ignores a failed write, so that
/// `plan --help` into a full disk would exit 0; here a full disk is exit 2, and a closed pipe is
/// not an error. The text is passed through [`render::escape_terminal`]: clap quotes the
/// offending argument, which may hold a carriage return or a bidirectional override. Help is in
/// `lang` already; an error is worded by [`help::error_text`] in a language other than English.
#[must_use]
pub fn report_usage(error: &clap::Error, lang: i18n::Lang) -> ExitCode {
    use std::io::IsTerminal;
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    let rendered = error.render();
    let written = if error.use_stderr() {
        // Help shown for a missing command is clap's, in `lang` already.
        let told_by_clap = error.kind() == clap::error::ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand;
        let text = if lang != i18n::Lang::En && !told_by_clap {
            help::error_text(error, lang)
        } else if io::stderr().is_terminal() && !no_color {
            rendered.ansi().to_string()
        } else {
            rendered.to_string()
        };
        io::stderr().lock().write_all(render::escape_terminal(&text).as_bytes())
    } else {
        let text =
            if io::stdout().is_terminal() && !no_color { rendered.ansi().to_string() } else { rendered.to_string() };
        let mut out = io::stdout().lock();
        out.write_all(render::escape_terminal(&text).as_bytes()).and_then(|()| out.flush())
    };
    match written {
        Err(io) if io.kind() != io::ErrorKind::BrokenPipe => {
            let _ = io::stderr().lock().write_all(render::error::text(&Error::Output(io), lang, false).as_bytes());
            exit::Exit::Error.into()
        }
        _ if error.use_stderr() => exit::Exit::Error.into(),
        _ => exit::Exit::Success.into(),
    }
}

/// A writer that takes a closed pipe as the end of the output: once the reader is gone, every
/// further write "succeeds" without going anywhere. Every other error (a full disk) stays one.
struct ClosedPipeIsFine<W> {
    inner: W,
    closed: bool,
}

impl<W> ClosedPipeIsFine<W> {
    fn new(inner: W) -> Self {
        ClosedPipeIsFine { inner, closed: false }
    }

    fn absorb<T>(&mut self, result: io::Result<T>, nothing: T) -> io::Result<T> {
        match result {
            Err(error) if error.kind() == io::ErrorKind::BrokenPipe => {
                self.closed = true;
                Ok(nothing)
            }
            other => other,
        }
    }
}

impl<W: Write> Write for ClosedPipeIsFine<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        if self.closed {
            return Ok(buf.len());
        }
        let result = self.inner.write(buf);
        self.absorb(result, buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        if self.closed {
            return Ok(());
        }
        let result = self.inner.flush();
        self.absorb(result, ())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A pipe whose reader has gone, after `room` bytes.
    struct Pipe {
        room: usize,
        taken: Vec<u8>,
        kind: io::ErrorKind,
    }

    impl Write for Pipe {
        fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
            if self.taken.len() >= self.room {
                return Err(self.kind.into());
            }
            let n = buf.len().min(self.room - self.taken.len());
            self.taken.extend_from_slice(&buf[..n]);
            Ok(n)
        }

        fn flush(&mut self) -> io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn a_closed_pipe_ends_the_output_but_no_other_error_does() {
        let mut out = ClosedPipeIsFine::new(Pipe { room: 3, taken: vec![], kind: io::ErrorKind::BrokenPipe });
        out.write_all(b"hello").unwrap();
        out.write_all(b"more").unwrap();
        assert_eq!(out.inner.taken, b"hel");
        let mut full = ClosedPipeIsFine::new(Pipe { room: 3, taken: vec![], kind: io::ErrorKind::StorageFull });
        assert_eq!(full.write_all(b"hello").unwrap_err().kind(), io::ErrorKind::StorageFull);
    }
}
