//! `plan check`: the frequency rules, findings, output and exit codes.

use crate::common::{fixture, plan, plan_file, run, temp_plan};

/// `plan --file tests/fixtures/NAME` run on a copy of the fixture alone in a temporary folder, so
/// that no plan later put beside it (they share ids and years) makes a series or an overlap.
fn alone(name: &str) -> (tempfile::TempDir, assert_cmd::Command) {
    let dir = tempfile::tempdir().expect("a temporary directory");
    std::fs::create_dir_all(dir.path().join(fixture(name)).parent().unwrap()).unwrap();
    std::fs::copy(crate::common::root().join(fixture(name)), dir.path().join(fixture(name))).unwrap();
    let mut command = plan_file(&fixture(name));
    command.current_dir(dir.path());
    (dir, command)
}

fn check_2019(as_of: &str, extra: &[&str]) -> (i32, String, String) {
    run(plan().args(["--as-of", as_of, "check"]).args(extra))
}

#[test]
fn shipped_plan_before_march_has_nothing_to_report() {
    let (code, stdout, stderr) = check_2019("2019-03-01", &[]);
    assert_eq!(code, 0, "{stderr}");
    assert!(!stdout.contains("error[") && !stdout.contains("warning["), "{stdout}");
    assert!(stdout.ends_with("ok: no problems (as of 2019-03-01)\n"), "{stdout}");
}

#[test]
fn shipped_plan_mid_march_warns_that_the_presidium_must_meet_by_1_april() {
    let (code, stdout, _) = check_2019("2019-03-15", &[]);
    assert_eq!(code, 0);
    insta::assert_snapshot!(stdout);
}

#[test]
fn shipped_plan_on_2_april_reports_the_presidium_overdue() {
    let (code, stdout, _) = check_2019("2019-04-02", &[]);
    assert_eq!(code, 1);
    assert!(stdout.contains("error[overdue]: 1.2 «Заседания Президиума Смоленского Регионального совета»"), "{stdout}");
    assert!(stdout.contains("due by 2019-04-01"), "{stdout}");
}

#[test]
fn strict_makes_warnings_fail() {
    assert_eq!(check_2019("2019-03-15", &["--strict"]).0, 1);
    assert_eq!(check_2019("2019-03-01", &["--strict"]).0, 0);
}

#[test]
fn due_within_sets_how_far_ahead_is_soon() {
    let (code, stdout, _) = check_2019("2019-03-15", &["--due-within", "10"]);
    assert_eq!(code, 0);
    assert!(!stdout.contains("due-soon]"), "{stdout}");
    let (_, stdout, _) = check_2019("2019-02-01", &["--due-within", "60"]);
    assert!(stdout.contains("warning[due-soon]"), "{stdout}");
}

#[test]
fn recorded_meetings_judged_at_the_years_end() {
    let (_dir, mut alone) = alone("meetings/meetings.toml");
    let (code, stdout, _) = run(alone.args(["--as-of", "2020-03-01", "check"]));
    assert_eq!(code, 1);
    insta::assert_snapshot!(stdout);
}

#[test]
fn recorded_meetings_in_russian() {
    let (_dir, mut alone) = alone("meetings/meetings.toml");
    let (code, stdout, _) = run(alone.args(["--lang", "ru", "--as-of", "2019-06-10", "check"]));
    assert_eq!(code, 1);
    insta::assert_snapshot!(stdout);
}

#[test]
fn json_report_has_the_spec_shape() {
    let (_dir, mut alone) = alone("meetings/meetings.toml");
    let (code, stdout, _) = run(alone.args(["--as-of", "2019-12-01", "check", "--format", "json"]));
    assert_eq!(code, 1);
    let value: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    insta::assert_snapshot!(serde_json::to_string_pretty(&value).unwrap());
    // Keys come in the spec's order.
    let positions: Vec<usize> =
        ["\"file\"", "\"as_of\"", "\"ok\"", "\"errors\"", "\"warnings\"", "\"rules\"", "\"findings\""]
            .iter()
            .map(|key| stdout.find(key).unwrap_or_else(|| panic!("{key} missing")))
            .collect();
    assert!(positions.is_sorted(), "{positions:?}");
}

#[test]
fn as_of_is_not_clamped_to_the_plans_end() {
    let (code, stdout, _) = run(plan().args(["--as-of", "2026-11-26", "check", "--format", "json"]));
    let value: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(value["as_of"], "2026-11-26");
    // No meeting is recorded in the shipped plan: by 2026 both councils are long overdue.
    assert_eq!(code, 1);
    assert_eq!(value["rules"][0]["status"], "overdue");
}

#[test]
fn next_due_may_lie_after_the_plans_end() {
    let (_, stdout, _) =
        run(plan_file(&fixture("meetings/meetings.toml")).args(["--as-of", "2019-12-31", "check", "--format", "json"]));
    let value: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(value["rules"][0]["number"], "1.1");
    assert_eq!(value["rules"][0]["next_due"], "2020-04-10");
    assert_eq!(value["rules"][0]["status"], "ok");
}

#[test]
fn held_outside_the_plan_is_an_error_at_the_date() {
    let (_dir, path) = temp_plan(
        "[plan]\ntitle = \"T\"\nyear = 2019\n[parties.p]\nname = \"P\"\n[[section]]\ntitle = \"S\"\n\
         [[section.activity]]\ntitle = \"A\"\nwhen = \"май\"\nresponsible = [\"p\"]\nheld = [2018-05-03]\n",
    );
    let (code, stdout, _) = run(plan_file(&path).args(["--as-of", "2019-06-01", "check"]));
    assert_eq!(code, 1);
    let line = stdout.lines().find(|l| l.contains("held-outside-plan")).expect("a finding");
    assert!(
        line.ends_with(
            ":12:9: error[held-outside-plan]: 1.1 «A»: held 2018-05-03, outside the plan period 2019-01-01 – 2019-12-31"
        ),
        "{line}"
    );
}

#[test]
fn an_invalid_plan_exits_2() {
    let (_dir, path) = temp_plan(
        "[plan]\ntitle = \"T\"\nyear = 2019\n[[section]]\ntitle = \"S\"\n[[section.activity]]\ntitle = \"A\"\nwhen = \"апрелл\"\nresponsible = [\"x\"]\n",
    );
    let (code, stdout, stderr) = run(plan_file(&path).arg("check"));
    assert_eq!(code, 2);
    assert!(stdout.is_empty());
    assert!(stderr.contains("unknown time expression `апрелл`"), "{stderr}");
    assert!(stderr.contains("unknown party `x`"), "every problem is reported in one run: {stderr}");
}

#[test]
fn readme_example_before_a_council_meeting() {
    let (_dir, mut alone) = alone("council/council.toml");
    let (code, stdout, _) = run(alone.args(["--as-of", "2019-11-20", "check"]));
    assert_eq!(code, 1);
    insta::assert_snapshot!(stdout);
}

/// A meeting due on the as-of date is due "today", not "in 0 days"; the day before, in one day.
#[test]
fn a_meeting_due_today_is_said_to_be_due_today() {
    let (_dir, file) = temp_plan(
        r#"
[plan]
title = "План"
year = 2019

[parties.board]
name = "Совет"

[[section]]
title = "Заседания"

[[section.activity]]
title = "Заседания совета"
when = "не реже 1-го раза в 3 месяца"
responsible = ["board"]
"#,
    );
    let said = |lang: &str, as_of: &str| {
        let (code, stdout, _) = run(plan_file(&file).args(["--lang", lang, "--as-of", as_of, "check"]));
        assert_eq!(code, 0, "{stdout}");
        stdout.lines().find(|l| l.contains("due-soon]")).unwrap().to_owned()
    };
    // Due three months after the plan's start: 01.04.2019.
    assert!(said("ru", "01.04.2019").ends_with("нужно провести до 01.04.2019 (это сегодня)"));
    assert!(said("en", "2019-04-01").ends_with("is due by 2019-04-01 (that is today)"));
    assert!(said("ru", "31.03.2019").ends_with("нужно провести до 01.04.2019 (через 1 день)"));
    assert!(said("en", "2019-03-30").ends_with("is due by 2019-04-01 (in 2 days)"));
}
