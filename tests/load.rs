//! Loading: every semantic error in one run, with positions; BOM and CRLF accepted.

use crate::common::{plan_file, run, temp_plan};

const GOOD: &str = "[plan]\ntitle = \"T\"\nyear = 2019\n[parties.p]\nname = \"P\"\n[[section]]\ntitle = \"S\"\n\
[[section.activity]]\ntitle = \"A\"\nwhen = \"апрель\"\nresponsible = [\"p\"]\n";

#[test]
fn bom_and_crlf_line_endings_load() {
    let crlf = GOOD.replace('\n', "\r\n");
    for text in [format!("\u{feff}{GOOD}"), crlf.clone(), format!("\u{feff}{crlf}")] {
        let (_dir, path) = temp_plan(&text);
        let (code, stdout, stderr) = run(plan_file(&path).arg("list"));
        assert_eq!(code, 0, "{stderr}");
        assert_eq!(stdout, "No.  Time    Responsible  Activity\n1.1  апрель  P            A\n");
    }
}

#[test]
fn error_positions_are_right_after_a_bom_and_with_crlf() {
    let text = format!("\u{feff}{}", GOOD.replace("апрель", "апрелл").replace('\n', "\r\n"));
    let (_dir, path) = temp_plan(&text);
    let (code, _, stderr) = run(plan_file(&path).arg("list"));
    assert_eq!(code, 2);
    assert!(stderr.contains("plan.toml:10:9: unknown time expression `апрелл`"), "{stderr}");
    assert!(stderr.contains("10 | when = \"апрелл\"\n   |         ^^^^^^\n"), "{stderr}");
}

#[test]
fn every_semantic_error_is_reported_in_one_run() {
    let text = "[plan]\ntitle = \"\"\nyear = 2019\n\
[parties.p]\nname = \"P\"\n\
[parties.Bad_Id]\nname = \"B\"\n\
[[section]]\ntitle = \"S\"\n\
[[section.activity]]\nid = \"a\"\ntitle = \"A\"\nwhen = \"сентябрь – июнь\"\nresponsible = [\"p\", \"q\"]\n\
[[section.activity]]\nid = \"a\"\ntitle = \" \"\nwhen = \"2020-03\"\nresponsible = [\"p\"]\n\
[[section.activity]]\ntitle = \"C\"\n\
[[section.activity]]\ntitle = \"D\"\nwhen = \"май\"\nresponsible = [\"p\"]\nrule = \"calendar\"\nlast_before = 2018-05-01\n";
    let (_dir, path) = temp_plan(text);
    let (code, stdout, stderr) = run(plan_file(&path).arg("list"));
    assert_eq!(code, 2);
    assert!(stdout.is_empty());
    let headlines: Vec<&str> = stderr.lines().filter(|l| l.starts_with("error: ")).collect();
    let expected = [
        "2:9: the title is empty",
        "6:10: `Bad_Id` is not a valid id",
        "13:9: the range `сентябрь – июнь` runs backwards (2019-09-01 is after 2019-06-30)",
        "14:21: unknown party `q`",
        "16:6: duplicate activity id `a` (first used on line 10)",
        "17:9: the title is empty",
        "18:8: the time 2020-03-01 – 2020-03-31 lies outside the plan period 2019-01-01 – 2019-12-31",
        "20:1: the activity has no `when`, and its section gives none",
        "20:1: the activity has no `responsible`, and its section gives none",
        "26:8: `rule` is only for recurring activities (\"at least once every N months\")",
        "27:15: `last_before` is only for recurring activities (\"at least once every N months\")",
    ];
    assert_eq!(headlines.len(), expected.len() + 1, "{stderr}");
    for (line, want) in headlines.iter().zip(expected) {
        assert!(line.ends_with(want), "{line} should end with {want}");
    }
    assert!(headlines.last().unwrap().ends_with("has 11 problems; nothing was done"), "{stderr}");
}

#[test]
fn start_after_end_and_a_missing_year_are_errors() {
    let (_dir, path) = temp_plan("[plan]\ntitle = \"T\"\nstart = 2019-12-01\nend = 2019-01-01\n");
    let (code, _, stderr) = run(plan_file(&path).arg("list"));
    assert_eq!(code, 2);
    assert!(stderr.contains("3:9: the plan starts (2019-12-01) after it ends (2019-01-01)"), "{stderr}");
    let (_dir, path) = temp_plan("[plan]\ntitle = \"T\"\n");
    let (_, _, stderr) = run(plan_file(&path).arg("list"));
    assert!(stderr.contains("`[plan]` needs `year`, or both `start` and `end`"), "{stderr}");
}

#[test]
fn a_plan_may_span_other_dates_than_a_calendar_year() {
    let (_dir, path) = temp_plan(
        "[plan]\ntitle = \"T\"\nstart = 2019-07-01\nend = 2020-06-30\n[parties.p]\nname = \"P\"\n[[section]]\ntitle = \"S\"\n\
         responsible = [\"p\"]\n[[section.activity]]\ntitle = \"A\"\nwhen = \"2020-03\"\n",
    );
    let (code, stdout, stderr) = run(plan_file(&path).args(["list", "--period", "2020-03-15"]));
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(stdout, "No.  Time     Responsible  Activity\n1.1  2020-03  P            A\n");
}

#[test]
fn unknown_keys_are_refused_with_the_nearest_key() {
    let (_dir, path) = temp_plan(&GOOD.replace("responsible", "responsable"));
    let (code, _, stderr) = run(plan_file(&path).arg("list"));
    assert_eq!(code, 2);
    assert!(stderr.contains("11:1: unknown key `responsable`"), "{stderr}");
    assert!(stderr.contains("did you mean `responsible`?"), "{stderr}");
}

#[test]
fn russian_errors_in_a_russian_locale() {
    let (_dir, path) = temp_plan(&GOOD.replace("апрель", "апрелл"));
    let (code, _, stderr) = run(plan_file(&path).env("LANG", "ru_RU.UTF-8").arg("list"));
    assert_eq!(code, 2);
    assert!(stderr.starts_with("ошибка: "), "{stderr}");
    assert!(stderr.contains("непонятное время `апрелл`"), "{stderr}");
    assert!(stderr.contains("возможно, имелось в виду `апрель`?"), "{stderr}");
}

#[test]
fn colour_only_when_asked_or_on_a_terminal() {
    let (_dir, path) = temp_plan(GOOD);
    let (_, plain, _) = run(plan_file(&path).args(["table"]));
    assert!(!plain.contains('\u{1b}'));
    let (_, coloured, _) = run(plan_file(&path).args(["--color", "always", "table"]));
    assert!(coloured.contains("\u{1b}[1m"), "{coloured}");
    let (_, coloured, _) = run(plan_file(&path).args(["--color", "always", "--as-of", "2019-05-02", "check"]));
    assert!(coloured.contains('\u{1b}'), "{coloured}");
}
