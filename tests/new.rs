//! `plan new YEAR`: next year's plan from this year's, loading and checking, never over a file.

use std::fs;
use std::path::Path;

use crate::common::{names, once, plan, root, run};

/// A fresh folder with `plans/2019.toml` holding `text`.
fn repository(text: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir(dir.path().join("plans")).unwrap();
    fs::write(dir.path().join("plans/2019.toml"), text).unwrap();
    dir
}

/// `plan ARGS...` run inside `dir`: (exit code, stdout, stderr).
fn plan_in(dir: &Path, args: &[&str]) -> (i32, String, String) {
    run(plan().current_dir(dir).args(args))
}

fn fixture_text(name: &str) -> String {
    fs::read_to_string(root().join("tests/fixtures").join(name)).unwrap()
}

/// `plan check` on the new plan runs: exit 0 (no findings) or 1 (findings), never 2.
fn assert_checks(dir: &Path, file: &str, as_of: &str) {
    let (code, stdout, stderr) = plan_in(dir, &["--file", file, "--as-of", as_of, "check"]);
    assert!(code == 0 || code == 1, "check exited {code}: {stdout}{stderr}");
}

#[test]
fn the_shipped_plan_becomes_2020_with_only_its_year_changed() {
    // The frozen copy: the user's plans/2019.toml may have meetings recorded by now.
    let shipped = fixture_text("plan-2019.toml");
    let dir = repository(&shipped);
    let (code, stdout, stderr) = plan_in(dir.path(), &["new", "2020"]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(stdout, "");
    assert!(
        stderr.starts_with(
            "created `plans/2020.toml` from `plans/2019.toml`: 7 sections, 23 activities, 2020-01-01 – 2020-12-31"
        ),
        "{stderr}"
    );
    let new = fs::read_to_string(dir.path().join("plans/2020.toml")).unwrap();
    let expected = once(&once(&shipped, "» на 2019 год\"", "» на 2020 год\""), "\nyear = 2019\n", "\nyear = 2020\n");
    assert_eq!(new, expected);
    assert_checks(dir.path(), "plans/2020.toml", "2020-03-01");
    // The plan in force is the one `plan` finds by itself: 2019 in 2019, 2020 once it starts.
    let (_, shown, _) = plan_in(dir.path(), &["--as-of", "2019-12-31", "show", "1.1"]);
    assert!(shown.contains("plans/2019.toml:"), "{shown}");
    let (_, shown, _) = plan_in(dir.path(), &["--as-of", "2020-01-01", "show", "1.1"]);
    assert!(shown.contains("plans/2020.toml:"), "{shown}");
}

#[test]
fn records_are_cleared_and_the_last_meeting_carries_over() {
    let dir = repository(&fixture_text("odd.toml"));
    let (code, _, stderr) = plan_in(dir.path(), &["new", "2020"]);
    assert_eq!(code, 0, "{stderr}");
    insta::assert_snapshot!(
        "new_plan_from_the_odd_fixture",
        fs::read_to_string(dir.path().join("plans/2020.toml")).unwrap()
    );
    insta::assert_snapshot!("new_plan_summary", stderr);
    assert_checks(dir.path(), "plans/2020.toml", "2020-06-01");
    // The rolling rule counts from the last meeting of 2019 (14 June), not from 1 January.
    let (_, check, _) = plan_in(dir.path(), &["--file", "plans/2020.toml", "--as-of", "2020-01-10", "check"]);
    assert!(check.contains("next due  2019-12-14"), "{check}");
}

#[test]
fn crlf_line_ends_and_a_bom_carry_over() {
    let new_plan = |text: &str| {
        let dir = repository(text);
        let (code, _, stderr) = plan_in(dir.path(), &["new", "2020"]);
        assert_eq!(code, 0, "{stderr}");
        fs::read_to_string(dir.path().join("plans/2020.toml")).unwrap()
    };
    let lf = new_plan(&fixture_text("odd.toml"));
    let crlf = new_plan(&format!("\u{feff}{}", fixture_text("odd.toml").replace('\n', "\r\n")));
    assert_eq!(crlf, format!("\u{feff}{}", lf.replace('\n', "\r\n")));
}

#[test]
fn an_existing_file_is_never_overwritten() {
    let dir = repository(&fixture_text("odd.toml"));
    fs::write(dir.path().join("plans/2020.toml"), "mine\n").unwrap();
    let (code, _, stderr) = plan_in(dir.path(), &["new", "2020", "--from", "plans/2019.toml"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("`plans/2020.toml` already exists; `plan new` never overwrites a file"), "{stderr}");
    assert_eq!(fs::read_to_string(dir.path().join("plans/2020.toml")).unwrap(), "mine\n");
    let (code, _, stderr) = plan_in(dir.path(), &["new", "2020", "-o", "plans/2019.toml"]);
    assert_eq!(code, 2, "{stderr}");
    assert_eq!(fs::read_to_string(dir.path().join("plans/2019.toml")).unwrap(), fixture_text("odd.toml"));
    assert_eq!(names(&dir.path().join("plans")), ["2019.toml", "2020.toml"]);
}

#[test]
fn from_and_output_name_the_files() {
    let dir = repository(&fixture_text("odd.toml"));
    fs::rename(dir.path().join("plans/2019.toml"), dir.path().join("old.toml")).unwrap();
    let (code, _, stderr) = plan_in(dir.path(), &["new", "2021", "--from", "old.toml", "-o", "plans/next.toml"]);
    assert_eq!(code, 0, "{stderr}");
    let new = fs::read_to_string(dir.path().join("plans/next.toml")).unwrap();
    assert!(new.contains("year=2021\n") && new.contains("'План работы на 2021 год'"), "{new}");
    assert!(new.contains("when = \"21.04.2021\""), "{new}");
    assert_checks(dir.path(), "plans/next.toml", "2021-02-01");
}

#[test]
fn the_year_must_come_after_the_source() {
    let dir = repository(&fixture_text("odd.toml"));
    for year in ["2019", "2018"] {
        let (code, _, stderr) = plan_in(dir.path(), &["new", year]);
        assert_eq!(code, 2);
        assert!(
            stderr.contains("must come after that of `plans/2019.toml`, the plan it starts from (2019)"),
            "{stderr}"
        );
        assert!(stderr.contains("`plan new 2020`"), "{stderr}");
    }
    let (code, _, stderr) = plan_in(dir.path(), &["new", "0"]);
    assert_eq!(code, 2, "{stderr}");
    assert_eq!(names(&dir.path().join("plans")), ["2019.toml"]);
}

#[test]
fn explicit_start_end_and_dated_times_move_with_the_year() {
    let text = "[plan]\ntitle = \"План на 2019/2020 год\"\nstart = 2019-07-01 # a school year\nend = 2020-06-30\n\n\
                [parties.p]\nname = \"P\"\n\n[[section]]\ntitle = \"s\"\nresponsible = [\"p\"]\nwhen = \"2019-09..2019-12\"\n\n\
                [[section.activity]]\ntitle = \"a\"\nwhen = \"март 2020\"\n\n[[section.activity]]\ntitle = \"b\"\n\n\
                [[section.activity]]\ntitle = \"c\"\nwhen = \"весь период\"\n";
    let dir = repository(text);
    let (code, _, stderr) = plan_in(dir.path(), &["new", "2020"]);
    assert_eq!(code, 0, "{stderr}");
    let new = fs::read_to_string(dir.path().join("plans/2020.toml")).unwrap();
    let expected = "[plan]\ntitle = \"План на 2020/2021 год\"\nstart = 2020-07-01 # a school year\nend = 2021-06-30\nyear = 2020\n\n\
                    [parties.p]\nname = \"P\"\n\n[[section]]\ntitle = \"s\"\nresponsible = [\"p\"]\nwhen = \"2020-09..2020-12\"\n\n\
                    [[section.activity]]\ntitle = \"a\"\nwhen = \"март 2021\"\n\n[[section.activity]]\ntitle = \"b\"\n\n\
                    [[section.activity]]\ntitle = \"c\"\nwhen = \"весь период\"\n";
    assert_eq!(new, expected);
    assert!(stderr.contains("  section 1 when: `2019-09..2019-12` → `2020-09..2020-12`\n"), "{stderr}");
    assert!(stderr.contains("  1.1 when: `март 2020` → `март 2021`\n"), "{stderr}");
    assert_checks(dir.path(), "plans/2020.toml", "2020-08-01");
}

#[test]
fn a_time_without_a_date_in_the_new_year_stops_it() {
    let text = "[plan]\ntitle = \"t\"\nyear = 2020\n[parties.p]\nname = \"P\"\n[[section]]\ntitle = \"s\"\n\
                responsible = [\"p\"]\n[[section.activity]]\ntitle = \"leap day\"\nwhen = \"29 февраля\"\n";
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("2020.toml"), text).unwrap();
    let (code, _, stderr) = plan_in(dir.path(), &["new", "2021", "--from", "2020.toml"]);
    assert_eq!(code, 2);
    assert!(
        stderr.contains("these times of `2020.toml` have no date in 2021: 1.1 `29 февраля`; nothing was written"),
        "{stderr}"
    );
    assert_eq!(names(dir.path()), ["2020.toml"]);
}

#[test]
fn dry_run_prints_the_diff_and_writes_nothing() {
    let dir = repository(&fixture_text("odd.toml"));
    let (code, stdout, stderr) = plan_in(dir.path(), &["new", "2020", "--dry-run"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.starts_with("--- a/plans/2019.toml\n+++ b/plans/2020.toml\n"), "{stdout}");
    assert!(stdout.contains("\n-year=2019\n") && stdout.contains("\n+year=2020\n"), "{stdout}");
    assert_eq!(stderr, "dry run: nothing was written to `plans/2020.toml`\n");
    assert_eq!(names(&dir.path().join("plans")), ["2019.toml"]);
}

#[test]
fn the_new_plan_is_written_in_russian_too() {
    let dir = repository(&fixture_text("odd.toml"));
    let (code, _, stderr) = plan_in(dir.path(), &["--lang", "ru", "new", "2020"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stderr.starts_with("создан `plans/2020.toml` из `plans/2019.toml`: 3 раздела, 5 мероприятий"), "{stderr}");
}

/// A plan over 2019-01-01..2020-06-30 that names both its years, with meetings in both.
const TWO_YEARS: &str = "[plan]\ntitle = \"План на 2019–2020 годы\"\nstart = 2019-01-01\nend = 2020-06-30\n\n\
[parties.p]\nname = \"P\"\n\n[[section]]\ntitle = \"S\"\nresponsible = [\"p\"]\n\n\
[[section.activity]]\ntitle = \"Весной 2019\"\nwhen = \"март 2019\"\n\n\
[[section.activity]]\ntitle = \"Весной 2020\"\nwhen = \"март 2020\"\n\n\
[[section.activity]]\ntitle = \"Заседания\"\nwhen = \"не реже 1 раза в 3 месяца\"\n\
held = [2019-03-01, 2019-11-20, { on = 2020-02-10, note = \"в новом периоде\" }]\nplanned = [2020-05-15]\n";

#[test]
fn every_date_of_a_two_year_plan_moves_by_the_same_years_and_meetings_in_the_new_period_stay() {
    let dir = repository(TWO_YEARS);
    let (code, _, stderr) = plan_in(dir.path(), &["new", "2020"]);
    assert_eq!(code, 0, "{stderr}");
    let new = fs::read_to_string(dir.path().join("plans/2020.toml")).unwrap();
    assert!(new.contains("start = 2020-01-01\nend = 2021-06-30\n"), "{new}");
    assert!(new.contains("title = \"План на 2020–2021 годы\""), "{new}");
    // Both years move by one: 2019 → 2020 and 2020 → 2021, not 2019 → 2020 only.
    assert!(
        new.contains("when = \"март 2020\"\n\n[[section.activity]]\ntitle = \"Весной 2020\"\nwhen = \"март 2021\""),
        "{new}"
    );
    // The meeting of 10 February 2020 and the date planned for May 2020 lie inside the new
    // period: they are kept; the 2019 meetings are not, the last of them carried as last_before.
    assert!(new.contains("held = [{ on = 2020-02-10, note = \"в новом периоде\" }]"), "{new}");
    assert!(new.contains("planned = [2020-05-15]"), "{new}");
    assert!(new.contains("last_before = 2019-11-20"), "{new}");
    assert!(!new.contains("2019-03-01"), "{new}");
    assert_checks(dir.path(), "plans/2020.toml", "2020-03-01");
}

#[test]
fn new_with_output_dash_writes_the_plan_to_stdout_and_makes_no_file() {
    let shipped = crate::common::shipped_text();
    let dir = repository(&shipped);
    let (code, stdout, stderr) = plan_in(dir.path(), &["new", "2020", "-o", "-"]);
    assert_eq!((code, stderr.as_str()), (0, ""));
    assert!(stdout.contains("\nyear = 2020\n"), "{stdout}");
    assert_eq!(names(dir.path()), ["plans"]);
    assert_eq!(names(&dir.path().join("plans")), ["2019.toml"]);
}

#[cfg(unix)]
#[test]
fn a_new_plan_from_a_read_only_plan_can_be_edited() {
    use std::os::unix::fs::PermissionsExt;
    let dir = repository(&crate::common::shipped_text());
    fs::set_permissions(dir.path().join("plans/2019.toml"), fs::Permissions::from_mode(0o444)).unwrap();
    let (code, _, stderr) = plan_in(dir.path(), &["new", "2020"]);
    assert_eq!(code, 0, "{stderr}");
    let mode = fs::metadata(dir.path().join("plans/2020.toml")).unwrap().permissions().mode();
    assert_eq!(mode & 0o777, 0o644, "the source's mode, writable by its owner");
    let (code, _, stderr) = plan_in(dir.path(), &["--as-of", "2020-12-31", "held", "1.1", "2020-03-14"]);
    assert_eq!(code, 0, "the new plan takes a meeting: {stderr}");
}

#[test]
fn a_plan_with_lone_carriage_returns_is_refused_for_that_reason() {
    let text = crate::common::shipped_text().replace('\n', "\r");
    let dir = repository(&text);
    for args in [&["new", "2020"][..], &["--as-of", "2019-12-31", "held", "1.1", "2019-03-14"], &["cancel", "2.1"]] {
        let (code, _, stderr) = plan_in(dir.path(), args);
        assert_eq!(code, 2, "{args:?}: {stderr}");
        assert!(
            stderr.starts_with("error: cannot change `plans/2019.toml`: line 1 ends with a lone carriage return (CR)"),
            "{args:?}: {stderr}"
        );
        assert!(stderr.contains("mac2unix"), "{stderr}");
    }
    assert_eq!(fs::read_to_string(dir.path().join("plans/2019.toml")).unwrap(), text);
    assert_eq!(names(&dir.path().join("plans")), ["2019.toml"]);
}

#[test]
fn the_new_plan_drops_the_old_years_records_and_its_report_says_nothing_was_done() {
    // The outcomes fixture has every kind of record: held dates, a result, `not-done`,
    // `cancelled`, planned dates; an approval and a signature are added.
    let text = once(
        &fixture_text("outcomes.toml"),
        "year = 2019\n",
        "year = 2019\n\n[plan.approval]\nby = \"решением Президиума\"\ndate = 2018-12-20\nnumber = \"12\"\n\n\
         [plan.signature]\nposition = \"Председатель\"\nname = \"И. И. Иванов\"\n",
    );
    let dir = repository(&text);
    let (code, _, stderr) = plan_in(dir.path(), &["new", "2020"]);
    assert_eq!(code, 0, "{stderr}");
    let new = fs::read_to_string(dir.path().join("plans/2020.toml")).unwrap();
    for gone in ["held", "planned", "result", "status", "date =", "number ="] {
        assert!(!new.contains(gone), "{gone} is left in:\n{new}");
    }
    for kept in ["by = \"решением Президиума\"", "position = \"Председатель\"", "name = \"И. И. Иванов\""]
    {
        assert!(new.contains(kept), "{kept} is lost:\n{new}");
    }
    // Each recurring activity's clock continues from its last meeting of 2019.
    assert!(new.contains("last_before = 2019-08-01"), "{new}");
    assert!(new.contains("last_before = 2019-02-01"), "{new}");
    // Nothing is done, cancelled or planned in the new year. Early in it, only the presidium has
    // failed: its last meeting, 01.02.2019, left it due by 01.05.2019 (the charter does not stop
    // with the year); at its end the council too (due 01.02.2020, nobody recorded a meeting).
    for (as_of, expected) in [("2020-01-15", [0, 0, 1, 0]), ("2021-01-10", [0, 0, 2, 0])] {
        let (code, json, stderr) =
            plan_in(dir.path(), &["--file", "plans/2020.toml", "--as-of", as_of, "report", "--format", "json"]);
        assert_eq!(code, 0, "{stderr}");
        let report: serde_json::Value = serde_json::from_str(&json).unwrap();
        let totals = &report["totals"];
        let counts = ["done", "cancelled", "not_done", "planned"].map(|k| totals[k].as_u64().unwrap());
        assert_eq!(counts, expected, "as of {as_of}: {totals}");
        assert!(
            report["activities"]
                .as_array()
                .unwrap()
                .iter()
                .all(|a| a["result"].is_null() && a["held"] == serde_json::json!([]))
        );
    }
    // The approval line of the unapproved plan has blanks to fill in.
    let (_, table, _) = plan_in(dir.path(), &["--lang", "ru", "--file", "plans/2020.toml", "table", "--width", "120"]);
    let words = table.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(words.contains("УТВЕРЖДЁН решением Президиума от «____» ____________ ______ № ______"), "{table}");
}

#[test]
fn no_plan_can_follow_one_that_ends_in_9999() {
    let plan = |header: &str| {
        format!(
            "[plan]\ntitle = \"t\"\n{header}\n[parties.p]\nname = \"P\"\n[[section]]\ntitle = \"s\"\n\
             [[section.activity]]\ntitle = \"a\"\nwhen = \"весь период\"\nresponsible = [\"p\"]\n"
        )
    };
    // A two-year plan over 9998–9999 would move to 9999–10000; a plan of 9999 has no next year.
    for (header, year) in [("year = 9998\nstart = 9998-01-01\nend = 9999-12-31", "9999"), ("year = 9999", "9999")] {
        let dir = repository(&plan(header));
        let (code, _, stderr) = plan_in(dir.path(), &["new", year]);
        assert_eq!(code, 2, "{stderr}");
        assert!(stderr.contains("would end in 10000, after 9999"), "{stderr}");
        assert!(!stderr.contains("internal error") && !stderr.contains("plan new 10000"), "{stderr}");
        assert_eq!(names(&dir.path().join("plans")), ["2019.toml"]);
    }
}

#[test]
fn a_month_after_the_last_plan_ends_every_command_says_to_start_the_next_once() {
    let dir = repository(&fixture_text("plan-2019.toml"));
    let hint = "note: the plan for 2019 ended on 2019-12-31; start the next one: `plan new 2020`";
    for args in [&["list"][..], &["check"], &["report"], &["show", "1.1"], &["export", "ics"]] {
        let (_, _, stderr) = plan_in(dir.path(), &[&["--as-of", "2020-02-01"][..], args].concat());
        assert_eq!(stderr.matches(hint).count(), 1, "{args:?}: {stderr}");
        // A month after the end it is not said yet.
        let (_, _, stderr) = plan_in(dir.path(), &[&["--as-of", "2020-01-31"][..], args].concat());
        assert!(!stderr.contains("plan new"), "{args:?}: {stderr}");
    }
    let (_, _, stderr) = plan_in(dir.path(), &["--lang", "ru", "--as-of", "2026-12-07", "check"]);
    assert!(
        stderr.contains("примечание: план на 2019 год закончился 31.12.2019; новый план: `plan new 2020`"),
        "{stderr}"
    );
    // `--quiet` silences it; once the next plan is there, nothing is said until it too is over.
    let (_, _, stderr) = plan_in(dir.path(), &["--quiet", "--as-of", "2020-02-01", "list"]);
    assert_eq!(stderr, "");
    assert_eq!(plan_in(dir.path(), &["new", "2020"]).0, 0);
    let (_, _, stderr) = plan_in(dir.path(), &["--as-of", "2020-02-01", "list"]);
    assert!(!stderr.contains("plan new"), "{stderr}");
    let (_, _, stderr) = plan_in(dir.path(), &["--as-of", "2021-02-01", "list"]);
    assert!(stderr.contains("the plan for 2020 ended on 2020-12-31; start the next one: `plan new 2021`"), "{stderr}");
}
