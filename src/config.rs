//! The command line turned, once, into the settings every command runs with.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use crate::cli::{Cli, ColorChoice};
use crate::error::Error;
use crate::i18n::Lang;
use crate::model::{self, Plan};
use crate::render::style::Paint;

/// Runtime settings shared by every command.
#[derive(Debug, Clone)]
pub struct Config {
    pub lang: Lang,
    /// Colour on stdout.
    pub paint: Paint,
    /// Colour on stderr.
    pub paint_err: Paint,
    /// Whether stdout is a terminal (tables then take its width).
    pub stdout_is_terminal: bool,
    /// `--as-of`, or today.
    pub as_of: NaiveDate,
    /// `--file` / `PLAN_FILE`; discovery when `None`.
    pub file: Option<PathBuf>,
    /// `--quiet`: no notes, and `check` without its rule blocks and summary.
    pub quiet: bool,
}

impl Config {
    /// Reads the environment (locale, `NO_COLOR`, terminals, today's date) once.
    #[must_use]
    pub fn from_cli(cli: &Cli) -> Self {
        let env = |key: &str| std::env::var(key).ok();
        let no_color = env("NO_COLOR").is_some_and(|v| !v.is_empty());
        let colour = |is_terminal: bool| match cli.color {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => is_terminal && !no_color,
        };
        let stdout_is_terminal = std::io::stdout().is_terminal();
        Config {
            lang: Lang::detect(cli.lang, env),
            paint: Paint::new(colour(stdout_is_terminal)),
            paint_err: Paint::new(colour(std::io::stderr().is_terminal())),
            stdout_is_terminal,
            as_of: cli.as_of.unwrap_or_else(|| chrono::Local::now().date_naive()),
            file: cli.file.clone(),
            quiet: cli.quiet,
        }
    }

    /// The plan file: `--file` (or `PLAN_FILE`), else the one discovered from the current directory.
    pub fn plan_path(&self) -> Result<PathBuf, Error> {
        locate(self.file.as_deref())
    }

    /// Loads the plan file (see [`Config::plan_path`]).
    pub fn load_plan(&self) -> Result<Plan, Error> {
        let path = self.plan_path()?;
        model::load(&path, &path.display().to_string())
    }
}

/// `file` when given, else the plan discovered from the current directory.
pub fn locate(file: Option<&Path>) -> Result<PathBuf, Error> {
    match file {
        Some(path) => Ok(path.to_path_buf()),
        None => {
            let here = std::env::current_dir().map_err(|_| Error::NoPlanFound { searched_from: PathBuf::from(".") })?;
            discover(&here).ok_or(Error::NoPlanFound { searched_from: here })
        }
    }
}

/// The newest (by name) `*.toml` in the nearest `plans/` folder at or above `start`, named
/// relative to `start` (`plans/2019.toml`, `../plans/2019.toml`) so messages stay short.
#[must_use]
pub fn discover(start: &Path) -> Option<PathBuf> {
    let mut relative = PathBuf::new();
    for dir in start.ancestors() {
        let plans = dir.join("plans");
        if let Ok(entries) = std::fs::read_dir(&plans) {
            let newest = entries
                .filter_map(Result::ok)
                .map(|entry| entry.path())
                .filter(|path| path.extension().is_some_and(|e| e == "toml") && path.is_file())
                .max();
            if let Some(newest) = newest {
                return Some(relative.join("plans").join(newest.file_name()?));
            }
        }
        relative.push("..");
    }
    None
}
