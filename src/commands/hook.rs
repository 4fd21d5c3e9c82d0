//! `plan hook`: the git pre-commit hook that checks changed plans before each commit.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use crate::cli::HookArgs;
use crate::error::Error;

/// The hook script; POSIX sh so that it runs under git on every platform git runs on.
pub(super) const PRE_COMMIT: &str = include_str!("pre-commit.sh");

/// Prints the hook, or installs it as `.git/hooks/pre-commit` of the current repository.
pub(super) fn run(args: &HookArgs, out: &mut impl Write) -> Result<ExitCode, Error> {
    if !args.install {
        out.write_all(PRE_COMMIT.as_bytes())?;
        return Ok(ExitCode::SUCCESS);
    }
    let path = hooks_dir()?.join("pre-commit");
    // Whatever is there, a dangling link too, is the user's: replaced only with `--force`.
    if let Ok(old) = std::fs::symlink_metadata(&path)
        && !args.force
    {
        if old.file_type().is_symlink() {
            let target = std::fs::read_link(&path).unwrap_or_default();
            return Err(Error::HookIsSymlink { path, target });
        }
        return Err(Error::HookExists { path });
    }
    // Through the one writer: all or nothing, executable, a `--force` over an old hook keeps its
    // owners, and over a link replaces the link itself, never the script it points to.
    crate::write::hook_file(&path, PRE_COMMIT.as_bytes())?;
    writeln!(out, "{}", path.display())?;
    Ok(ExitCode::SUCCESS)
}

/// Asks git where this repository keeps its hooks (it may be `core.hooksPath`, or a worktree's).
fn hooks_dir() -> Result<PathBuf, Error> {
    let output = std::process::Command::new("git")
        .args(["rev-parse", "--git-path", "hooks"])
        .output()
        .map_err(|_| Error::NotARepository)?;
    if !output.status.success() {
        return Err(Error::NotARepository);
    }
    let dir = PathBuf::from(String::from_utf8_lossy(&output.stdout).trim());
    std::fs::create_dir_all(&dir).map_err(|source| Error::HookWrite { path: dir.clone(), source })?;
    Ok(dir)
}
