//! A builder for running the `plan` binary the same way in every test: colour off, English
//! unless asked, no inherited plan settings, and a fixed as-of date.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use assert_cmd::Command;

/// The repository root, where `plans/2019.toml` lives.
pub(crate) fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A fixture file under `tests/fixtures/`, relative to the repository root where [`plan`] runs,
/// so that paths in the output do not depend on where the repository is checked out.
pub(crate) fn fixture(name: &str) -> PathBuf {
    Path::new("tests").join("fixtures").join(name)
}

/// The date every test runs as of, unless it gives its own `--as-of` (a later `--as-of` wins):
/// mid-April 2019, inside the shipped plan, so that no test depends on the day it runs.
pub(crate) const AS_OF: &str = "2019-04-15";

/// The frozen copy of the shipped plan, `tests/fixtures/plan-2019.toml`: what the tests read where
/// they mean the 2019 plan, so that the secretary's own edits of `plans/2019.toml` (meetings
/// recorded, results written) change no test's outcome.
pub(crate) fn shipped() -> PathBuf {
    root().join("tests/fixtures/plan-2019.toml")
}

/// The text of [`shipped`].
pub(crate) fn shipped_text() -> String {
    std::fs::read_to_string(shipped()).expect("the frozen 2019 plan")
}

/// A folder that looks like the repository to `plan`, with [`shipped`] as its `plans/2019.toml`:
/// every other entry of the repository root is a link to the real one (so `tests/fixtures/...`
/// and the READMEs read as from the root), and `plans/` holds the frozen plan with links to the
/// plan folder's documentation. Made once per test run, under the target folder.
pub(crate) fn sandbox() -> &'static Path {
    static SANDBOX: std::sync::OnceLock<PathBuf> = std::sync::OnceLock::new();
    SANDBOX.get_or_init(|| {
        let tmp = PathBuf::from(env!("CARGO_TARGET_TMPDIR"));
        // Those of earlier runs, an hour old or more, are removed (a run at the same time keeps its own).
        for old in std::fs::read_dir(&tmp).into_iter().flatten().flatten() {
            let stale = old.metadata().and_then(|m| m.modified()).ok().and_then(|t| t.elapsed().ok());
            if old.file_name().to_string_lossy().starts_with("repository-")
                && stale.is_some_and(|age| age.as_secs() > 3600)
            {
                let _ = std::fs::remove_dir_all(old.path());
            }
        }
        let sandbox = tmp.join(format!("repository-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&sandbox);
        std::fs::create_dir_all(sandbox.join("plans")).expect("the sandbox is made");
        // A real folder below the root, for discovery from a subdirectory.
        std::fs::create_dir_all(sandbox.join("folder")).expect("the sandbox is made");
        for entry in std::fs::read_dir(root()).expect("the repository root").flatten() {
            let name = entry.file_name();
            if name != "plans" && name != "target" && name != ".git" {
                link(&entry.path(), &sandbox.join(&name));
            }
        }
        for entry in std::fs::read_dir(root().join("plans")).expect("plans/").flatten() {
            if entry.path().extension().is_none_or(|e| e != "toml") {
                link(&entry.path(), &sandbox.join("plans").join(entry.file_name()));
            }
        }
        std::fs::copy(shipped(), sandbox.join("plans/2019.toml")).expect("the frozen plan is copied");
        sandbox
    })
}

#[cfg(unix)]
fn link(target: &Path, at: &Path) {
    std::os::unix::fs::symlink(target, at).expect("a link in the sandbox");
}

#[cfg(not(unix))]
fn link(target: &Path, at: &Path) {
    if target.is_dir() {
        std::os::windows::fs::symlink_dir(target, at).expect("a link in the sandbox");
    } else {
        std::fs::copy(target, at).expect("a copy in the sandbox");
    }
}

/// `plan` run from [`sandbox`] (so discovery finds the frozen `plans/2019.toml`), with a clean
/// environment: English, no colour, as of 2019-04-15 unless a test says otherwise.
pub(crate) fn plan() -> Command {
    let mut command = Command::cargo_bin("plan").expect("the plan binary is built");
    command
        .current_dir(sandbox())
        .env_remove("PLAN_FILE")
        .env_remove("PLAN_LANG")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "C")
        .env("NO_COLOR", "1")
        .env("COLUMNS", "100")
        .args(["--color", "never", "--as-of", AS_OF]);
    command
}

/// `plan --file FILE ...`.
pub(crate) fn plan_file(file: &Path) -> Command {
    let mut command = plan();
    command.arg("--file").arg(file);
    command
}

/// Runs the command and returns (exit code, stdout, stderr).
pub(crate) fn run(command: &mut Command) -> (i32, String, String) {
    let output = command.output().expect("plan runs");
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

/// Writes `text` to a fresh temporary plan file and returns its directory guard and path.
pub(crate) fn temp_plan(text: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let path = dir.path().join("plan.toml");
    std::fs::write(&path, text).expect("the plan is written");
    (dir, path)
}

/// `text` with `old` (which must occur exactly once) replaced by `new`.
pub(crate) fn once(text: &str, old: &str, new: &str) -> String {
    assert_eq!(text.matches(old).count(), 1, "{old:?} occurs once");
    text.replacen(old, new, 1)
}

/// The names in a folder, sorted: to see that no temporary file was left behind.
pub(crate) fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> =
        std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    names.sort();
    names
}

/// The odd fixture (comments, odd spacing, literal strings, inline tables, trailing spaces, a
/// tab), in a fresh folder of its own, optionally with CRLF line ends and a BOM.
pub(crate) fn odd_plan(crlf: bool, bom: bool) -> (tempfile::TempDir, PathBuf, String) {
    let mut text = std::fs::read_to_string(root().join("tests/fixtures/odd.toml")).unwrap();
    if crlf {
        text = text.replace('\n', "\r\n");
    }
    if bom {
        text.insert(0, '\u{feff}');
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("2019.toml");
    std::fs::write(&path, &text).unwrap();
    (dir, path, text)
}

/// `plan --file PATH --as-of 2019-12-31 ARGS...`: (exit code, stdout, stderr, the file after).
pub(crate) fn edit(path: &Path, args: &[&str]) -> (i32, String, String, String) {
    let (code, stdout, stderr) = run(plan_file(path).args(["--as-of", "2019-12-31"]).args(args));
    (code, stdout, stderr, std::fs::read_to_string(path).unwrap())
}

/// Splits a command line on spaces, keeping "quoted words" together.
pub(crate) fn words(line: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut word = String::new();
    let mut quoted = false;
    for c in line.chars() {
        match c {
            '"' => quoted = !quoted,
            ' ' if !quoted => {
                if !word.is_empty() {
                    words.push(std::mem::take(&mut word));
                }
            }
            c => word.push(c),
        }
    }
    if !word.is_empty() {
        words.push(word);
    }
    words
}

/// For a test that cannot run here because `what` is missing (a tool, a user that is not root):
/// under CI (`CI` set, as `.ci/run` and CI services set it) that fails the test, since CI has
/// what the tests need; elsewhere the test says it was skipped and returns.
pub(crate) fn cannot_run_without(what: &str) {
    let ci = std::env::var_os("CI").is_some_and(|v| !v.is_empty() && v != "false" && v != "0");
    assert!(!ci, "this test needs {what}, and CI must have it (see .ci/run)");
    eprintln!("skipped: this test needs {what}");
}
