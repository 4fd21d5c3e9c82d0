//! `plan report`: the fulfilment report for the year's account.

use crate::common::{fixture, plan, plan_file, run};

fn report(file: &str, args: &[&str]) -> String {
    let (code, stdout, stderr) = run(plan_file(&fixture(file)).args(args));
    assert_eq!(code, 0, "{stderr}");
    stdout
}

#[test]
fn report_on_recorded_meetings_at_the_years_end() {
    insta::assert_snapshot!(report("meetings/meetings.toml", &["--as-of", "2019-12-31", "report"]));
}

#[test]
fn report_in_russian_mid_november() {
    insta::assert_snapshot!(report("meetings/meetings.toml", &["--lang", "ru", "--as-of", "2019-11-20", "report"]));
}

#[test]
fn report_as_markdown() {
    insta::assert_snapshot!(report("meetings/meetings.toml", &["--as-of", "2019-12-31", "report", "--format", "md"]));
}

#[test]
fn report_of_the_shipped_plan_at_the_years_end_counts_what_is_missing() {
    let (code, stdout, _) = run(plan().args(["--as-of", "2019-12-31", "report"]));
    assert_eq!(code, 0);
    // Nothing is recorded in the shipped plan, and at the year's end nothing is open: every
    // activity, the whole-period ones and the second-half seminar too, is not recorded, and the
    // meetings are 0 of what the charter required.
    assert!(
        stdout.ends_with(
            "Total: 23 activities: 0 done, 0 scheduled, 21 no mark, 2 not done, 0 cancelled, 0 in progress\n"
        ),
        "{stdout}"
    );
    assert!(stdout.contains("meetings  0 held, 2 required by 2019-12-31 (at least once every 6 months [rolling])"));
    assert!(
        stdout
            .contains("meetings  0 held, 4 required by 2019-12-31 (as needed, at least once every 3 months [rolling])")
    );
    assert!(stdout.contains("outcome   no mark (its time ended 2019-05-31)"), "{stdout}");
    assert!(!stdout.contains("outcome   in progress"), "{stdout}");
}

#[test]
fn report_takes_the_filters_of_list() {
    let stdout =
        report("meetings/meetings.toml", &["--as-of", "2019-12-31", "report", "--section", "2", "--grep", "олимп"]);
    assert!(stdout.contains("2.3 Олимпиада") && !stdout.contains("2.1 "), "{stdout}");
    assert!(
        stdout.ends_with("Total: 1 activity: 0 done, 0 scheduled, 0 no mark, 0 not done, 1 cancelled, 0 in progress\n"),
        "{stdout}"
    );
}

#[test]
fn totals_add_up_to_the_activities() {
    for as_of in ["2019-01-01", "2019-06-30", "2019-12-31"] {
        let stdout = report("meetings/meetings.toml", &["--as-of", as_of, "report"]);
        let total = stdout.lines().last().unwrap();
        let numbers: Vec<usize> = total.split([' ', ':', ',']).filter_map(|word| word.parse().ok()).collect();
        assert_eq!(numbers.len(), 7, "{total}");
        assert_eq!(numbers[0], numbers[1..].iter().sum::<usize>(), "{total}");
    }
}

#[test]
fn report_as_a_page_parses_and_escapes() {
    let page = report("escapes.toml", &["--as-of", "2019-12-31", "report", "--format", "html"]);
    let document = scraper::Html::parse_document(&page);
    assert!(document.errors.is_empty(), "{:?}", document.errors);
    let select = |css: &str| document.select(&scraper::Selector::parse(css).unwrap()).collect::<Vec<_>>();
    let text = |element: &scraper::ElementRef| element.text().collect::<String>();
    assert!(select("script, b, i").is_empty());
    assert_eq!(
        text(&select("h1")[0]),
        "Fulfilment report for 2019: План <script>alert(1)</script>, с запятой; и точкой с запятой \\ и чертой"
    );
    assert_eq!(select("table.report thead th").len(), 5);
    assert_eq!(select("tbody tr.section th[colspan=\"5\"]").len(), 1);
    assert_eq!(select("table.report tbody tr:not(.section)").len(), 2);
    let details = text(&select("table.report tbody tr:not(.section) td:last-child li")[0]);
    assert_eq!(details, "held: 2019-03-20 (протокол № 1; зал 2, этаж 3\nвторая строка)");
    assert!(!page.chars().any(|c| c.is_control() && c != '\n'));
}

#[test]
fn control_characters_are_escaped_in_text_and_markdown() {
    for format in ["text", "md"] {
        let stdout = report("escapes.toml", &["--as-of", "2019-12-31", "report", "--format", format]);
        assert!(!stdout.chars().any(|c| c.is_control() && c != '\n'), "{format}: {stdout:?}");
        assert!(stdout.contains("Звонок \\u{7} и escape \\u{1b}[2J") || stdout.contains("Звонок \\\\u{7}"), "{stdout}");
    }
}

#[test]
fn json_keeps_a_planned_date_that_passed_as_the_text_does() {
    // The presidium planned a meeting for 20.12.2019 and recorded none that day: at the year's
    // end the text says so («date passed»), and the JSON keeps the date apart from future ones.
    let text = report("meetings/meetings.toml", &["--as-of", "2019-12-31", "report"]);
    assert!(text.contains("2019-12-20 (passed, not recorded as held)"), "{text}");
    let json: serde_json::Value = serde_json::from_str(&report(
        "meetings/meetings.toml",
        &["--as-of", "2019-12-31", "report", "--format", "json"],
    ))
    .unwrap();
    let presidium = &json["activities"][1];
    assert_eq!(presidium["number"], "1.2");
    assert_eq!(presidium["planned"], serde_json::json!([]));
    assert_eq!(presidium["planned_passed"], serde_json::json!([{"date": "2019-12-20", "note": null}]));
    // Before the date it is still a planned one.
    let json: serde_json::Value = serde_json::from_str(&report(
        "meetings/meetings.toml",
        &["--as-of", "2019-12-01", "report", "--format", "json"],
    ))
    .unwrap();
    assert_eq!(json["activities"][1]["planned"], serde_json::json!([{"date": "2019-12-20", "note": null}]));
    assert_eq!(json["activities"][1]["planned_passed"], serde_json::json!([]));
}
