//! `--cancelled plain|mark|omit` of `plan table` and `plan export` (spec §7): the printed plan is
//! the plan as planned, so a cancelled activity is printed like the others unless asked otherwise.

use crate::common::{plan_file, run, temp_plan};
use crate::docx::part;

/// A section of three activities, the middle one cancelled; the same time and party for all three,
/// so the merged cells show whether leaving one out keeps the layout whole.
const PLAN: &str = r#"
[plan]
title = "План работы на 2019 год"
organization = "Тестовое отделение"
year = 2019

[parties.presidium]
name = "Президиум"

[[section]]
title = "Мероприятия"
when = "II полугодие"
responsible = ["presidium"]

[[section.activity]]
title = "Семинар глав поселений"

[[section.activity]]
title = "Олимпиада школьников"
status = "cancelled"

[[section.activity]]
title = "Съезд ТОС"
"#;

fn output(file: &std::path::Path, args: &[&str]) -> String {
    let (code, stdout, stderr) = run(plan_file(file).args(["--lang", "ru"]).args(args));
    assert_eq!(code, 0, "{args:?}: {stderr}");
    stdout
}

/// The lines of the drawn table that hold the olympiad, trimmed of borders.
fn olympiad(table: &str) -> Vec<String> {
    table.lines().filter(|line| line.contains("Олимпиада")).map(|line| line.split_whitespace().collect()).collect()
}

#[test]
fn the_table_prints_a_cancelled_activity_plainly_by_default_marked_on_request_or_not_at_all() {
    let (_dir, file) = temp_plan(PLAN);
    let plain = output(&file, &["table", "--width", "100"]);
    assert_eq!(olympiad(&plain), ["│1.2┆Олимпиадашкольников┆┆│"]);
    assert_eq!(plain, output(&file, &["table", "--width", "100", "--cancelled", "plain"]));
    let marked = output(&file, &["table", "--width", "100", "--cancelled", "mark"]);
    assert_eq!(olympiad(&marked), ["│1.2┆Олимпиадашкольников[отменено]┆┆│"]);
    let omitted = output(&file, &["table", "--width", "100", "--cancelled", "omit"]);
    assert!(!omitted.contains("Олимпиада"), "{omitted}");
    // The others keep their numbers, and the shared time is still written once over what is left.
    assert!(omitted.contains("1.1") && omitted.contains("1.3") && !omitted.contains("1.2"), "{omitted}");
    assert_eq!(omitted.matches("II полугодие").count(), 1, "{omitted}");
    // In English the mark is English.
    let english = output(&file, &["--lang", "en", "table", "--width", "100", "--cancelled", "mark"]);
    assert!(english.contains("Олимпиада школьников [cancelled]"), "{english}");
}

#[test]
fn markdown_follows_the_same_choice() {
    let (_dir, file) = temp_plan(PLAN);
    let row = |text: &str| text.lines().find(|l| l.contains("Олимпиада")).map(str::to_owned);
    let plain = output(&file, &["table", "--format", "md"]);
    assert_eq!(row(&plain).as_deref(), Some("| 1.2 | Олимпиада школьников |  |  |"));
    let marked = output(&file, &["table", "--format", "md", "--cancelled", "mark"]);
    assert_eq!(row(&marked).as_deref(), Some("| 1.2 | Олимпиада школьников [отменено] |  |  |"));
    assert_eq!(row(&output(&file, &["table", "--format", "md", "--cancelled", "omit"])), None);
    // The data formats carry the status; `omit` still leaves the activity out of them.
    let json = output(&file, &["table", "--format", "json", "--cancelled", "omit"]);
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    let titles: Vec<&str> = value.as_array().unwrap().iter().map(|a| a["title"].as_str().unwrap()).collect();
    assert_eq!(titles, ["Семинар глав поселений", "Съезд ТОС"]);
}

#[test]
fn the_page_marks_and_greys_only_when_asked() {
    let (_dir, file) = temp_plan(PLAN);
    let rows = |page: &str| {
        let document = scraper::Html::parse_document(page);
        let selector = scraper::Selector::parse("tbody tr:not(.section)").unwrap();
        document
            .select(&selector)
            .map(|tr| (tr.value().attr("class").map(str::to_owned), tr.text().collect::<String>()))
            .collect::<Vec<_>>()
    };
    let plain = rows(&output(&file, &["export", "html"]));
    assert_eq!(plain[1], (None, "1.2Олимпиада школьников".to_owned()));
    let marked = rows(&output(&file, &["export", "html", "--cancelled", "mark"]));
    assert_eq!(marked[1], (Some("cancelled".to_owned()), "1.2Олимпиада школьников [отменено]".to_owned()));
    let omitted = rows(&output(&file, &["export", "html", "--cancelled", "omit"]));
    let numbers: Vec<&str> = omitted.iter().map(|(_, text)| &text[..3]).collect();
    assert_eq!(numbers, ["1.1", "1.3"]);
}

#[test]
fn the_word_document_follows_the_same_choice() {
    let (dir, file) = temp_plan(PLAN);
    let body = |how: &str| {
        let out = dir.path().join(format!("{how}.docx"));
        output(&file, &["export", "docx", "--cancelled", how, "-o", out.to_str().unwrap()]);
        part(&out, "word/document.xml")
    };
    let plain = body("plain");
    assert!(plain.contains("Олимпиада школьников") && !plain.contains("[отменено]"));
    assert!(body("mark").contains("Олимпиада школьников [отменено]"));
    let omitted = body("omit");
    assert!(!omitted.contains("Олимпиада") && omitted.contains("Съезд ТОС"));
}

#[test]
fn the_calendar_leaves_a_cancelled_activity_out_only_with_omit() {
    let (_dir, file) = temp_plan(PLAN);
    let events = |args: &[&str]| output(&file, &[&["--as-of", "2019-03-01", "export", "ics"], args].concat());
    let all = events(&[]);
    assert!(all.contains("Олимпиада школьников") && all.contains("STATUS:CANCELLED"), "{all}");
    let omitted = events(&["--cancelled", "omit"]);
    assert!(!omitted.contains("Олимпиада") && !omitted.contains("STATUS:CANCELLED"), "{omitted}");
    assert!(omitted.contains("Съезд ТОС"));
}

#[test]
fn an_unknown_choice_is_refused_with_the_three_it_takes() {
    let (_dir, file) = temp_plan(PLAN);
    let (code, _, stderr) = run(plan_file(&file).args(["--lang", "en", "table", "--cancelled", "hide"]));
    assert_eq!(code, 2);
    assert!(stderr.contains("plain") && stderr.contains("mark") && stderr.contains("omit"), "{stderr}");
}
