//! `plan hook --pre-commit`: what the installed git hook runs before each commit (spec §3).
//!
//! Each plan the commit adds or changes (`plans/*.toml` at any depth) is judged twice, as staged
//! and as in the last commit (HEAD), on the same as-of date and with the same other plans of its
//! series. The commit is stopped only for what it brings itself: a staged plan that does not load,
//! or findings the staged plan has and HEAD's has not. A breach already committed (a meeting held
//! late in July) never stops a later commit; a first commit, or a new file, compares with nothing.
//! Recording a late meeting turns HEAD's `overdue` into a `gap-exceeded` against the same due
//! date: the same breach, now on the record, which does not stop the commit either.

use std::collections::HashMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};

use chrono::NaiveDate;

use crate::check::rules::Violation;
use crate::check::{self, Finding, Options, What};
use crate::config::Config;
use crate::error::Error;
use crate::exit::Exit;
use crate::i18n::msg;
use crate::model::{self, Plan};
use crate::render::{self, escape_line};

/// Judges every staged plan; exit 1 (the commit stops) when one does not load or brings new
/// findings.
pub(super) fn run(config: &Config, err: &mut impl Write) -> Result<ExitCode, Error> {
    let prefix = git(&["rev-parse", "--show-cdup"]).ok_or(Error::NotARepository)?;
    let prefix = PathBuf::from(String::from_utf8_lossy(&prefix).trim());
    let staged = git(&["diff", "--cached", "--name-only", "-z", "--diff-filter=ACMR"]).unwrap_or_default();
    let mut stopped = false;
    for name in staged.split(|&b| b == 0).filter(|n| !n.is_empty()) {
        let name = String::from_utf8_lossy(name).into_owned();
        if !is_plan(Path::new(&name)) {
            continue;
        }
        stopped |= judge(config, &prefix, &name, err)?;
    }
    if stopped {
        writeln!(err, "{}", config.lang.say(&msg!("hook-stopped-help")))?;
        return Ok(Exit::Findings.into());
    }
    Ok(Exit::Success.into())
}

/// A `.toml` file in a folder named `plans`.
fn is_plan(path: &Path) -> bool {
    path.extension().is_some_and(|e| e == "toml")
        && path.parent().and_then(Path::file_name).is_some_and(|folder| folder == "plans")
}

/// Judges one staged plan (`name` as git names it, from the top of the work tree); whether it
/// stops the commit.
fn judge(config: &Config, prefix: &Path, name: &str, err: &mut impl Write) -> Result<bool, Error> {
    let lang = config.lang;
    // Named from the current directory, so that messages and the series' folder read as usual.
    let path = prefix.join(name);
    let shown = path.display().to_string();
    let quoted = escape_line(&shown).into_owned();
    let Some(bytes) = git(&["cat-file", "blob", &format!(":{name}")]) else { return Ok(false) };
    if !config.quiet && git_status(&["diff", "--quiet", "--", name]) == Some(false) {
        writeln!(err, "{}", lang.say(&msg!("hook-unstaged", path = quoted.as_str())))?;
    }
    let staged = match model::parse(&shown, &bytes) {
        Ok(plan) => plan,
        Err(invalid) => {
            writeln!(err, "{}", lang.say(&msg!("hook-does-not-load", path = quoted.as_str())))?;
            write!(err, "{}", render::error::text(&Error::Invalid(invalid), lang, config.paint_err.enabled()))?;
            return Ok(true);
        }
    };
    // The last commit's version; none for a first commit or a new file, and one that did not
    // load is compared with nothing too.
    let committed = git(&["cat-file", "blob", &format!("HEAD:{name}")]).and_then(|b| model::parse(&shown, &b).ok());
    let others = config.series(&staged);
    let options = Options::at(config.as_of);
    let after = check::check_series(&staged, &others, options);
    let mut before: HashMap<Key, usize> = HashMap::new();
    if let Some(committed) = &committed {
        for finding in &check::check_series(committed, &others, options).findings {
            *before.entry(Key::of(committed, finding)).or_default() += 1;
        }
    }
    let brought: Vec<&Finding> = after
        .findings
        .iter()
        .filter(|finding| match before.get_mut(&Key::of(&staged, finding)) {
            Some(count) if *count > 0 => {
                *count -= 1;
                false
            }
            _ => true,
        })
        .collect();
    let already = after.findings.len() - brought.len();
    if brought.is_empty() {
        if !config.quiet && already > 0 {
            writeln!(err, "{}", lang.say(&msg!("hook-known", path = quoted.as_str(), count = already)))?;
        }
        return Ok(false);
    }
    writeln!(err, "{}", lang.say(&msg!("hook-brought", path = quoted.as_str(), count = brought.len())))?;
    render::check::finding_lines(err, brought, &shown, lang, config.paint_err)?;
    Ok(true)
}

/// What makes two findings the same across two versions of a plan: the activity by its `id`
/// (else its title: numbers shift when an activity is added) and what was found, without where
/// it stands in the file.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum Key {
    /// A due date met late or not yet: `overdue` before the meeting is recorded, `gap-exceeded`
    /// after. The same breach.
    Late { who: String, due: NaiveDate },
    /// A calendar block with too few meetings, however many it has.
    Block { who: String, from: NaiveDate, to: NaiveDate },
    /// Any other finding, whole.
    Other { who: String, what: String },
}

impl Key {
    fn of(plan: &Plan, finding: &Finding) -> Key {
        let who = finding
            .number
            .and_then(|number| plan.activities().find(|(_, a)| a.number == number))
            .and_then(|(_, a)| a.id.clone())
            .unwrap_or_else(|| finding.title.clone());
        match &finding.what {
            What::Rule(Violation::Overdue { due, .. } | Violation::GapExceeded { due, .. }) => {
                Key::Late { who, due: *due }
            }
            What::Rule(Violation::BlockMissed { from, to, .. }) => Key::Block { who, from: *from, to: *to },
            what => Key::Other { who, what: format!("{what:?}") },
        }
    }
}

/// Runs git; its standard output when it succeeds.
fn git(args: &[&str]) -> Option<Vec<u8>> {
    let output = Command::new("git").args(args).stderr(std::process::Stdio::null()).output().ok()?;
    output.status.success().then_some(output.stdout)
}

/// Runs git for its exit status alone.
fn git_status(args: &[&str]) -> Option<bool> {
    let status = Command::new("git")
        .args(args)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .status()
        .ok()?;
    Some(status.success())
}
