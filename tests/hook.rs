//! The pre-commit hook (spec §3), in a real temporary git repository: it stops a commit only for
//! what the commit itself breaks, speaks the user's language, and reads plans whose paths have
//! spaces and Cyrillic letters.

use std::path::Path;
use std::process::Output;

use crate::common::{fixture, plan, root, run};

/// The hook tests need git: without it they would test nothing, so they fail instead of skipping.
const NEEDS_GIT: &str = "git is required for the hook tests (.ci/run installs it)";

/// Where the plan lives in the test repository: a folder and a file name with spaces.
const PLAN: &str = "архив планов/plans/план 2019.toml";

/// A fresh repository with the hook installed.
fn repository() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    assert!(git(dir.path(), "2019-01-02", &["init", "-q"]).status.success(), "{NEEDS_GIT}");
    std::fs::create_dir_all(dir.path().join(PLAN).parent().unwrap()).unwrap();
    let (code, _, stderr) = run(plan().current_dir(dir.path()).args(["hook", "--install"]));
    assert_eq!(code, 0, "{stderr}");
    dir
}

/// git in `dir`, in a Russian locale, with the built `plan` on `PATH` and the hook judging as of
/// `as_of`.
fn git(dir: &Path, as_of: &str, args: &[&str]) -> Output {
    std::process::Command::new("git")
        .args(["-c", "user.name=t", "-c", "user.email=t@example.invalid", "-c", "core.quotePath=false"])
        .args(args)
        .current_dir(dir)
        .env("PATH", path_with_plan())
        .env("PLAN_HOOK_ARGS", format!("--as-of {as_of}"))
        .env_remove("PLAN_FILE")
        .env_remove("PLAN_LANG")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "ru_RU.UTF-8")
        .env("NO_COLOR", "1")
        .output()
        .expect(NEEDS_GIT)
}

/// Writes the plan, stages it and commits as of `as_of`: (committed, what the hook said).
fn commit(dir: &Path, as_of: &str, text: &str) -> (bool, String) {
    std::fs::write(dir.join(PLAN), text).unwrap();
    assert!(git(dir, as_of, &["add", "--all"]).status.success());
    let output = git(dir, as_of, &["commit", "-q", "-m", "план"]);
    let said = format!("{}{}", String::from_utf8_lossy(&output.stdout), String::from_utf8_lossy(&output.stderr));
    (output.status.success(), said)
}

/// `PATH` with the directory of the built `plan` first, as if it were installed.
fn path_with_plan() -> std::ffi::OsString {
    let binary = assert_cmd::cargo::cargo_bin("plan");
    let mut paths = vec![binary.parent().unwrap().to_path_buf()];
    paths.extend(std::env::split_paths(&std::env::var_os("PATH").unwrap_or_default()));
    std::env::join_paths(paths).unwrap()
}

/// The frozen copy of the shipped plan, with `held = [...]` added under the activity whose `when`
/// line is `when`.
fn with_held(text: &str, when: &str, held: &str) -> String {
    let line = format!("when = \"{when}\"\n");
    assert_eq!(text.matches(&line).count(), 1, "{when}");
    text.replacen(&line, &format!("{line}held = [{held}]\n"), 1)
}

#[test]
fn the_hook_runs_plan_hook_pre_commit() {
    let (code, stdout, _) = run(plan().arg("hook"));
    assert_eq!(code, 0);
    assert!(stdout.starts_with("#!/bin/sh\n"));
    assert!(stdout.contains("exec plan $PLAN_HOOK_ARGS hook --pre-commit\n"), "{stdout}");
}

#[test]
fn a_meeting_held_late_in_july_never_stops_the_december_commits() {
    let dir = repository();
    let dir = dir.path();
    let shipped = std::fs::read_to_string(root().join(fixture("plan-2019.toml"))).unwrap();
    // On 2 January the plan has no findings: the first commit, compared with nothing, goes in.
    let (ok, said) = commit(dir, "2019-01-02", &shipped);
    assert!(ok, "{said}");

    // 20 July: the council met on 17 July, 16 days after its due date (1 July). The commit that
    // records it turns the committed `overdue` into a `gap-exceeded` against the same date.
    let july = with_held(&shipped, "не реже 1-го раза в 6 месяцев", "2019-07-17");
    let (ok, said) = commit(dir, "2019-07-20", &july);
    assert!(ok, "recording a late meeting is not a new breach: {said}");
    assert!(said.contains("уже были в последнем коммите"), "{said}");

    // 10 December: the presidium's meeting, also late; July's breach is in HEAD and stops nothing.
    let december = with_held(&july, "по мере необходимости, но не реже 1-го раза в 3 месяца", "2019-12-05");
    let (ok, said) = commit(dir, "2019-12-10", &december);
    assert!(ok, "{said}");
    let (ok, said) = commit(dir, "2019-12-11", &december.replace("# 2. ", "# 2 (раздел). "));
    assert!(ok, "a change that brings nothing new: {said}");

    // What a commit breaks itself stops it, in the user's language, naming only the new finding.
    let outside = with_held(&december, "апрель", "2019-11-05");
    let (ok, said) = commit(dir, "2019-12-12", &outside);
    assert!(!ok, "{said}");
    assert!(
        said.contains("`архив планов/plans/план 2019.toml`: этот коммит вносит 1 замечание, которого не было"),
        "{said}"
    );
    assert!(said.contains("предупреждение[held-outside-window]"), "{said}");
    assert!(!said.contains("[gap-exceeded]"), "the committed breaches are not listed: {said}");
    assert!(said.contains("git commit --no-verify"), "{said}");

    // A plan that no longer loads stops it too.
    let (ok, said) = commit(dir, "2019-12-12", &december.replace("year = 2019", "year = \"2019\""));
    assert!(!ok, "{said}");
    assert!(said.contains("не читается; коммит остановлен"), "{said}");
    assert!(said.contains("ошибка: архив планов/plans/план 2019.toml:"), "{said}");
}

#[test]
fn a_first_commit_compares_with_nothing_and_the_staged_version_is_judged() {
    let dir = repository();
    let dir = dir.path();
    let shipped = std::fs::read_to_string(root().join(fixture("plan-2019.toml"))).unwrap();
    // In May the presidium is overdue: a first commit has nothing to compare with.
    let (ok, said) = commit(dir, "2019-05-08", &shipped);
    assert!(!ok, "{said}");
    assert!(said.contains("ошибка[overdue]"), "{said}");
    let (ok, said) = commit(dir, "2019-01-02", &shipped);
    assert!(ok, "{said}");
    // A change staged, then the working copy broken without staging it: the staged version is
    // what gets judged, and the hook says the two differ.
    std::fs::write(dir.join(PLAN), shipped.replace("# 2. ", "# 2 (раздел). ")).unwrap();
    assert!(git(dir, "2019-01-03", &["add", "--all"]).status.success());
    std::fs::write(dir.join(PLAN), "not a plan").unwrap();
    let output = git(dir, "2019-01-03", &["commit", "-q", "-m", "comment"]);
    let said = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{said}");
    assert!(said.contains("есть изменения, не добавленные в коммит; проверяется добавленная версия"), "{said}");
}

#[test]
fn a_late_meeting_recorded_long_after_does_not_stop_the_commit() {
    let dir = repository();
    let dir = dir.path();
    let shipped = std::fs::read_to_string(root().join(fixture("plan-2019.toml"))).unwrap();
    let (ok, said) = commit(dir, "2019-01-02", &shipped);
    assert!(ok, "{said}");
    // On 1 March 2020 the council, unrecorded since the plan began, is overdue (due 01.07.2019).
    // Recording its meeting of 17 July 2019 turns that into a `gap-exceeded` against 01.07.2019,
    // and the rule is overdue again (due 17.01.2020): the state HEAD was already in.
    let late = with_held(&shipped, "не реже 1-го раза в 6 месяцев", "2019-07-17");
    let (ok, said) = commit(dir, "2020-03-01", &late);
    assert!(ok, "recording a meeting brings no new breach: {said}");
    assert!(said.contains("уже были в последнем коммите и этот коммит не останавливают"), "{said}");
    // A breach the commit does bring still stops it: a held date outside its window.
    let (ok, said) = commit(dir, "2020-03-01", &with_held(&late, "апрель", "2019-11-05"));
    assert!(!ok, "{said}");
    assert!(said.contains("этот коммит вносит 1 замечание, которого не было"), "{said}");
    assert!(!said.contains("[overdue]"), "{said}");
}
