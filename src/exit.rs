//! The exit codes of `plan` (spec §5), as one enum: no command writes a number.

use std::process::ExitCode;

/// How a run of `plan` ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    /// The command did its work; `check` found no errors (warnings allowed unless `--strict`).
    Success,
    /// `check` found errors (or warnings, with `--strict`).
    Findings,
    /// The command could not run: bad arguments, no plan, an unreadable or invalid plan, a
    /// failed write.
    Error,
}

impl Exit {
    /// The number the shell sees.
    #[must_use]
    pub fn code(self) -> u8 {
        match self {
            Exit::Success => 0,
            Exit::Findings => 1,
            Exit::Error => 2,
        }
    }
}

impl From<Exit> for ExitCode {
    fn from(exit: Exit) -> Self {
        ExitCode::from(exit.code())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_those_of_the_spec() {
        assert_eq!([Exit::Success, Exit::Findings, Exit::Error].map(Exit::code), [0, 1, 2]);
        assert_eq!(ExitCode::from(Exit::Success), ExitCode::SUCCESS);
    }
}
