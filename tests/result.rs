//! `plan result ID|S.A TEXT` and `plan held --note`: what was done, written in place through the
//! same editing path as `held`, byte for byte nothing else.

use crate::common::{edit, names, odd_plan, once, plan_file, run};

#[test]
fn result_goes_after_the_note_and_nothing_else_changes() {
    let (dir, path, before) = odd_plan(false, false);
    let (code, _, stderr, after) = edit(&path, &["result", "3.1", "Олимпиада для 46 школьников"]);
    assert_eq!(code, 0, "{stderr}");
    let note = "note = \"если будут средства\"\n";
    assert_eq!(after, once(&before, note, &format!("{note}result = \"Олимпиада для 46 школьников\"\n")));
    assert_eq!(names(dir.path()), ["2019.toml"]);
    assert!(stderr.contains("3.1 «Олимпиада»: result recorded"), "{stderr}");
}

#[test]
fn a_second_result_replaces_the_first_in_place_with_replace() {
    let (_dir, path, _) = odd_plan(false, false);
    let (code, _, stderr, first) = edit(&path, &["result", "council-sessions", "Утверждён отчёт"]);
    assert_eq!(code, 0, "{stderr}");
    let (code, _, stderr, second) = edit(&path, &["result", "1.1", "Утверждены отчёт и план на 2020 год", "--replace"]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(second, once(&first, "\"Утверждён отчёт\"", "\"Утверждены отчёт и план на 2020 год\""));
}

#[test]
fn result_in_an_inline_table_activity_and_with_quotes_kept_losslessly() {
    let (_dir, path, before) = odd_plan(false, false);
    let text = "Семинар «Бюджет поселения», 38 участников; \"цитата\" и \\ косая";
    let (code, _, stderr, after) = edit(&path, &["result", "2.2", text]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(
        after,
        once(
            &before,
            "note = \"в Смоленске\" }",
            // toml_edit picks a literal string for text with quotes and backslashes: no escapes.
            "note = \"в Смоленске\", result = 'Семинар «Бюджет поселения», 38 участников; \"цитата\" и \\ косая' }",
        )
    );
    // Read back through the loader, the text is exactly what was given.
    let (code, json, _) = run(plan_file(&path).args(["--as-of", "2019-12-31", "report", "--format", "json"]));
    assert_eq!(code, 0);
    let report: serde_json::Value = serde_json::from_str(&json).unwrap();
    let seminar = report["activities"].as_array().unwrap().iter().find(|a| a["number"] == "2.2").unwrap();
    assert_eq!(seminar["result"], text);
}

#[test]
fn crlf_and_a_bom_are_kept_and_dry_run_writes_nothing() {
    let (_dir, path, before) = odd_plan(true, true);
    let (code, diff, stderr, unchanged) = edit(&path, &["result", "3.1", "Проведена", "--dry-run"]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(unchanged, before);
    assert!(diff.contains("+result = \"Проведена\""), "{diff}");
    let (code, _, stderr, after) = edit(&path, &["result", "3.1", "Проведена"]);
    assert_eq!(code, 0, "{stderr}");
    let note = "note = \"если будут средства\"\r\n";
    assert_eq!(after, once(&before, note, &format!("{note}result = \"Проведена\"\r\n")));
}

#[test]
fn held_with_a_note_writes_an_inline_table() {
    let (_dir, path, before) = odd_plan(false, false);
    let (code, _, stderr, after) = edit(&path, &["held", "1.2", "2019-05-28", "--note", "протокол № 6"]);
    assert_eq!(code, 0, "{stderr}");
    let when = "  when = \"по мере необходимости, но не реже 1-го раза в 3 месяца\"\n";
    assert_eq!(
        after,
        once(&before, when, &format!("{when}  held = [{{ on = 2019-05-28, note = \"протокол № 6\" }}]\n"))
    );
}

#[test]
fn an_unknown_activity_is_refused_with_a_suggestion() {
    let (_dir, path, before) = odd_plan(false, false);
    let (code, _, stderr, after) = edit(&path, &["result", "council-sesions", "x"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("council-sessions"), "{stderr}");
    assert_eq!(after, before);
}

#[test]
fn an_empty_result_is_refused_and_the_file_is_left_alone() {
    let (_dir, path, before) = odd_plan(false, false);
    let (code, stdout, stderr, after) = edit(&path, &["result", "3.1", ""]);
    assert_eq!((code, stdout.as_str(), after.as_str()), (2, "", before.as_str()), "{stderr}");
    assert!(stderr.starts_with("error: a value is required for '<TEXT>' but none was supplied"), "{stderr}");
    let (code, _, stderr, after) = edit(&path, &["--lang", "ru", "result", "3.1", ""]);
    assert_eq!((code, after.as_str()), (2, before.as_str()), "{stderr}");
    assert_eq!(stderr, "ошибка: для `<ТЕКСТ>` нужно значение\n\nПодробнее: `plan --help`.\n");
}
