//! `plan list`: filters and formats, on the shipped plan and on fixtures.

use crate::common::{fixture, plan, plan_file, run};

/// The activity numbers listed after the header row, in order: which activities, not only how many.
fn numbers(stdout: &str) -> Vec<&str> {
    let mut lines = stdout.lines();
    if let Some(header) = lines.next() {
        assert!(header.starts_with("No.") || header.starts_with('№'), "no header row: {stdout}");
    }
    lines.filter_map(|line| line.split_whitespace().next()).collect()
}

/// The activities in a plain list: its lines after the header row.
fn lines(stdout: &str) -> usize {
    numbers(stdout).len()
}

fn list(args: &[&str]) -> (i32, String, String) {
    run(plan().arg("list").args(args))
}

#[test]
fn period_april_includes_ongoing_activities() {
    let (code, stdout, _) = list(&["--period", "april"]);
    assert_eq!(code, 0);
    let expected = [
        "1.1", "1.2", "2.2", "3.1", "3.3", "3.4", "4.1", "4.5", "4.6", "5.1", "5.2", "5.3", "6.1", "6.2", "6.3", "7.1",
        "7.2", "7.3",
    ];
    assert_eq!(numbers(&stdout), expected, "{stdout}");
}

#[test]
fn period_april_without_ongoing_lists_the_three_april_activities() {
    let (code, stdout, _) = list(&["--period", "april", "--no-ongoing"]);
    assert_eq!(code, 0);
    insta::assert_snapshot!(stdout);
}

#[test]
fn russian_period_words_work_like_english_ones() {
    for period in ["апрель", "апреля", "апр", "2019-04", "April"] {
        let (code, stdout, _) = list(&["--period", period, "--no-ongoing"]);
        assert_eq!((code, numbers(&stdout)), (0, vec!["2.2", "3.1", "4.5"]), "--period {period}");
    }
}

#[test]
fn second_half_without_ongoing_lists_four() {
    let (code, stdout, _) = list(&["--period", "II полугодие", "--no-ongoing"]);
    assert_eq!(code, 0);
    assert_eq!(numbers(&stdout), ["2.1", "3.2", "4.2", "4.4"], "{stdout}");
}

#[test]
fn responsible_presidium_includes_what_it_must_agree() {
    let (code, stdout, _) = list(&["--responsible", "presidium"]);
    let expected = [
        "1.1", "1.2", "2.1", "2.2", "3.2", "4.1", "4.2", "4.3", "4.4", "4.5", "4.6", "5.1", "5.2", "5.3", "7.1", "7.2",
        "7.3",
    ];
    assert_eq!((code, numbers(&stdout)), (0, expected.to_vec()), "{stdout}");
}

#[test]
fn responsible_by_exact_name_does_not_match_longer_names() {
    let (code, stdout, _) = list(&["--responsible", "РО ВСМС"]);
    let expected = ["3.1", "3.3", "3.4", "4.1", "4.2", "4.3", "4.4", "4.5", "4.6"];
    assert_eq!((code, numbers(&stdout)), (0, expected.to_vec()), "{stdout}");
}

#[test]
fn responsible_by_alias_and_by_part_of_a_name() {
    let (_, by_alias, _) = list(&["--responsible", "presidium"]);
    let (_, by_name, _) = list(&["--responsible", "Президиум"]);
    assert_eq!(numbers(&by_name), numbers(&by_alias));
    assert_eq!(numbers(&list(&["--responsible", "члены"]).1), ["2.1", "2.2", "6.1", "6.2", "6.3"]);
    // "совет" is the council's alias; it must agree the three activities of section 6.
    assert_eq!(numbers(&list(&["--responsible", "council"]).1), ["6.1", "6.2", "6.3"]);
}

#[test]
fn repeated_options_are_or_and_different_options_are_and() {
    let (_, either, _) = list(&["--period", "ноябрь", "--period", "октябрь", "--no-ongoing"]);
    assert_eq!(numbers(&either), ["3.2", "4.2", "4.4"], "ноябрь, октябрь and II полугодие: {either}");
    let (_, both, _) = list(&["--period", "april", "--responsible", "branch"]);
    assert_eq!(numbers(&both), ["3.1", "3.3", "3.4", "4.1", "4.5", "4.6"], "{both}");
}

#[test]
fn unknown_party_exits_2_and_lists_the_known_ones() {
    let (code, stdout, stderr) = list(&["--responsible", "nobody"]);
    assert_eq!(code, 2);
    assert!(stdout.is_empty());
    insta::assert_snapshot!(stderr);
}

#[test]
fn section_by_number_or_title() {
    assert_eq!(numbers(&list(&["--section", "1"]).1), ["1.1", "1.2"]);
    assert_eq!(numbers(&list(&["--section", "сми"]).1), ["7.1", "7.2", "7.3"]);
    let (code, _, stderr) = list(&["--section", "9"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("no section matches `9`"), "{stderr}");
}

#[test]
fn grep_searches_title_and_partner_ignoring_case() {
    assert_eq!(numbers(&list(&["--grep", "ВЫБОР"]).1), ["2.1", "2.2", "4.2"]);
    let (_, by_partner, _) = list(&["--grep", "избирком"]);
    assert_eq!(numbers(&by_partner), ["4.2"], "the partner is searched");
    assert!(!by_partner.to_lowercase().contains("избирком"), "found by its partner, not its title: {by_partner}");
}

#[test]
fn misspelt_period_exits_2_with_a_suggestion() {
    let (code, stdout, stderr) = list(&["--period", "апрелл"]);
    assert_eq!(code, 2);
    assert!(stdout.is_empty());
    assert!(stderr.starts_with("error: unknown time expression `апрелл`"), "{stderr}");
    assert!(stderr.contains("did you mean `апрель`?"), "{stderr}");
}

#[test]
fn period_outside_the_plan_matches_nothing_and_says_so() {
    let (code, stdout, stderr) = list(&["--period", "2020-04"]);
    assert_eq!(code, 0);
    assert!(stdout.is_empty());
    assert!(stderr.contains("lies outside the plan (2019-01-01 – 2019-12-31)"), "{stderr}");
}

#[test]
fn relative_periods_follow_as_of() {
    let (_, stdout, _) = run(plan().args(["--as-of", "2019-04-10", "list", "--period", "this month", "--no-ongoing"]));
    assert_eq!(numbers(&stdout), ["2.2", "3.1", "4.5"]);
    let (_, stdout, _) =
        run(plan().args(["--as-of", "2019-09-10", "list", "--period", "следующий месяц", "--no-ongoing"]));
    assert_eq!(numbers(&stdout), ["3.2", "4.4"], "октябрь and II полугодие: {stdout}");
}

#[test]
fn json_has_every_activity_with_every_key() {
    let (code, stdout, _) = list(&["--format", "json"]);
    assert_eq!(code, 0);
    let value: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    let items = value.as_array().unwrap();
    assert_eq!(items.len(), 23);
    let keys = [
        "number",
        "id",
        "section",
        "title",
        "when",
        "schedule",
        "responsible",
        "agreed_with",
        "partner",
        "held",
        "planned",
        "status",
        "note",
    ];
    for item in items {
        let object = item.as_object().unwrap();
        assert_eq!(object.len(), keys.len(), "{item}");
        for key in keys {
            assert!(object.contains_key(key), "{key} missing in {item}");
        }
    }
}

#[test]
fn json_of_an_election_matches_the_spec_example() {
    let (_, stdout, _) = list(&["--format", "json", "--section", "2"]);
    let value: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    let expected = serde_json::json!({
        "number": "2.2", "id": null, "section": "Участие в избирательных компаниях",
        "title": "Выборы депутатов представительных органов вновь образованных муниципальных образований Смоленской области",
        "when": "февраль – май",
        "schedule": {"kind": "window", "ranges": [{"from": "2019-02-01", "to": "2019-05-31"}]},
        "responsible": ["члены РО ВСМС"], "agreed_with": ["Президиум РС ВСМС"],
        "partner": null, "held": [], "planned": [], "status": "planned", "note": null
    });
    // Exactly the spec's object: `by_agreement` (spec §8's «(по согласованию)» after a responsible
    // name) is shown only by an activity that has it.
    assert_eq!(value[1], expected);
}

#[test]
fn json_of_a_recurring_activity_carries_its_rule() {
    let (_, stdout, _) = list(&["--format", "json", "--section", "1"]);
    let value: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(value[1]["id"], "presidium-sessions");
    assert_eq!(
        value[1]["schedule"],
        serde_json::json!({"kind": "at-least", "times": 1, "months": 3, "as_needed": true, "rule": "rolling"})
    );
    assert_eq!(value[0]["schedule"]["as_needed"], false);
}

#[test]
fn every_format_of_a_small_plan() {
    for format in ["plain", "json", "csv", "md"] {
        let (code, stdout, stderr) = run(plan_file(&fixture("small.toml")).args(["list", "--format", format]));
        assert_eq!(code, 0, "{stderr}");
        insta::assert_snapshot!(format!("small_{format}"), stdout);
    }
}

#[test]
fn russian_interface_from_the_locale() {
    let (_, stdout, _) =
        run(plan_file(&fixture("small.toml")).env("LANG", "ru_RU.UTF-8").args(["list", "--section", "2"]));
    // The fixture's board gives no `agreed_form`: its name follows «по согласованию с».
    assert!(stdout.contains("Members по согласованию с Board"), "{stdout}");
    let (_, stdout, _) =
        run(plan_file(&fixture("small.toml")).env("LANG", "ru_RU.UTF-8").args(["--lang", "en", "list"]));
    assert!(stdout.contains("(agreed with Board)"), "{stdout}");
}

#[test]
fn discovery_finds_plans_from_a_subdirectory() {
    let (code, stdout, _) =
        run(plan().current_dir(crate::common::sandbox().join("folder")).args(["list", "--section", "1"]));
    assert_eq!((code, numbers(&stdout)), (0, vec!["1.1", "1.2"]));
}

#[test]
fn no_plan_found_says_how_to_name_one() {
    let dir = tempfile::tempdir().unwrap();
    let (code, _, stderr) = run(plan().current_dir(dir.path()).arg("list"));
    assert_eq!(code, 2);
    assert!(stderr.contains("no plan file"), "{stderr}");
    assert!(stderr.contains("--file"), "{stderr}");
}

#[test]
fn plan_file_variable_names_the_plan() {
    let (code, stdout, _) = run(plan().env("PLAN_FILE", fixture("small.toml")).arg("list"));
    assert_eq!((code, numbers(&stdout)), (0, vec!["1.1", "2.1", "2.2", "2.3", "2.4", "2.5"]));
}

/// `plan --lang ru list --width N` on the shipped plan, checked to stay within N columns.
fn list_at_width(width: usize, args: &[&str]) -> String {
    let width_arg = width.to_string();
    let (code, stdout, stderr) = run(plan().args(["--lang", "ru", "list", "--width", &width_arg]).args(args));
    assert_eq!(code, 0, "{stderr}");
    for line in stdout.lines() {
        assert!(unicode_width::UnicodeWidthStr::width(line) <= width, "wider than {width}: {line:?}");
    }
    stdout
}

#[test]
fn width_80_wraps_time_parties_and_title_in_their_columns() {
    insta::assert_snapshot!(list_at_width(80, &["--period", "апрель"]));
}

#[test]
fn width_100_gives_the_title_the_room_the_other_columns_leave() {
    insta::assert_snapshot!(list_at_width(100, &["--section", "1", "--section", "2", "--section", "6"]));
}

#[test]
fn width_40_stacks_time_and_parties_under_the_title() {
    insta::assert_snapshot!(list_at_width(40, &["--section", "2"]));
}

#[test]
fn short_cells_keep_their_natural_width_under_a_header() {
    insta::assert_snapshot!(list_at_width(100, &["--period", "апрель", "--no-ongoing", "--responsible", "branch"]));
}

#[test]
fn piped_without_width_each_activity_is_one_whole_line() {
    let (_, stdout, _) = list(&[]);
    assert_eq!(lines(&stdout), 23);
    assert!(stdout.lines().any(|line| line.ends_with("муниципальных образований Смоленской области")), "{stdout}");
}

#[test]
fn nothing_selected_prints_no_header() {
    let (code, stdout, _) = list(&["--grep", "нет такого"]);
    assert_eq!((code, stdout.as_str()), (0, ""));
}

#[test]
fn agreed_parties_read_as_the_document_writes_them_in_russian() {
    let expected = "члены РО ВСМС по согласованию с Президиумом";
    let (_, table, _) = run(plan().args(["--lang", "ru", "table", "--section", "2", "--width", "200"]));
    assert!(table.contains(expected), "{table}");
    let (_, html, _) = run(plan().args(["--lang", "ru", "export", "html"]));
    assert!(html.contains(expected), "{html}");
    let (_, list, _) = run(plan().args(["--lang", "ru", "list", "--section", "6"]));
    assert_eq!(list.matches("члены РО ВСМС по согласованию с РС ВСМС").count(), 3, "{list}");
    // English keeps the parties' names.
    let (_, english, _) = run(plan().args(["--lang", "en", "list", "--section", "2"]));
    assert!(english.contains("члены РО ВСМС (agreed with Президиум РС ВСМС)"), "{english}");
}

#[test]
fn json_keeps_the_names_of_agreed_parties() {
    let (_, stdout, _) = run(plan().args(["--lang", "ru", "list", "--section", "2", "--format", "json"]));
    let value: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(value[0]["agreed_with"], serde_json::json!(["Президиум РС ВСМС"]));
}
