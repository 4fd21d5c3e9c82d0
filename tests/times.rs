//! Times as real plans write them, through the whole tool (spec §1 `period`, §2, §4's
//! `when-partly-read` and `window-clipped`): loading, `show`, `list --format json`, `check`,
//! and dates typed in words. Every plan is written here; nothing reads plans/2019.toml.

use std::fmt::Write as _;

use crate::common::{plan_file, run, temp_plan};

/// A plan of `header` lines (after the title) with one activity per `(when, extra lines)`.
fn plan_text(header: &str, activities: &[(&str, &str)]) -> String {
    let mut text = format!(
        "[plan]\ntitle = \"T\"\n{header}\n[parties.p]\nname = \"P\"\n\n[[section]]\ntitle = \"S\"\nresponsible = [\"p\"]\n"
    );
    for (i, (when, extra)) in activities.iter().enumerate() {
        let _ = write!(text, "\n[[section.activity]]\ntitle = \"A{}\"\nwhen = {when:?}\n{extra}\n", i + 1);
    }
    text
}

/// `list --format json`'s schedule of each activity.
fn schedules(path: &std::path::Path) -> Vec<serde_json::Value> {
    let (code, stdout, stderr) = run(plan_file(path).args(["list", "--format", "json"]));
    assert_eq!(code, 0, "{stderr}");
    let list: Vec<serde_json::Value> = serde_json::from_str(&stdout).unwrap();
    list.into_iter().map(|a| a["schedule"].clone()).collect()
}

fn window(ranges: &[(&str, &str)]) -> serde_json::Value {
    let ranges: Vec<serde_json::Value> =
        ranges.iter().map(|(from, to)| serde_json::json!({ "from": from, "to": to })).collect();
    serde_json::json!({ "kind": "window", "ranges": ranges })
}

#[test]
fn new_forms_have_their_exact_dates_in_the_json_schedule() {
    let table: &[(&str, serde_json::Value)] = &[
        ("28 мая 2019 г.", window(&[("2019-05-28", "2019-05-28")])),
        ("12.04.2019 в 14.00", window(&[("2019-04-12", "2019-04-12")])),
        ("первая декада января", window(&[("2019-01-01", "2019-01-10")])),
        ("третья декада февраля", window(&[("2019-02-21", "2019-02-28")])),
        ("до 15 марта", window(&[("2019-01-01", "2019-03-15")])),
        ("до конца I квартала", window(&[("2019-01-01", "2019-03-31")])),
        ("до конца года", window(&[("2019-01-01", "2019-12-31")])),
        ("Апрель\nмай", window(&[("2019-04-01", "2019-04-30"), ("2019-05-01", "2019-05-31")])),
        ("апрель (по согласованию)", window(&[("2019-04-01", "2019-04-30")])),
        ("по отдельному плану", serde_json::json!({ "kind": "as-needed" })),
        ("2019 год", window(&[("2019-01-01", "2019-12-31")])),
    ];
    let activities: Vec<(&str, &str)> = table.iter().map(|(when, _)| (*when, "")).collect();
    let (_dir, path) = temp_plan(&plan_text("year = 2019", &activities));
    let got = schedules(&path);
    for ((when, expected), got) in table.iter().zip(&got) {
        assert_eq!(got, expected, "{when:?}");
    }
}

#[test]
fn a_deadline_runs_from_the_plan_s_start_not_its_year_s() {
    let (_dir, path) = temp_plan(&plan_text("year = 2019\nstart = 2019-02-01", &[("до 15 марта", "")]));
    assert_eq!(schedules(&path), [window(&[("2019-02-01", "2019-03-15")])]);
}

#[test]
fn whole_years_make_a_plan_of_several_years_and_are_clipped_in_a_shorter_one_with_one_warning() {
    let long = plan_text("start = 2019-01-01\nend = 2020-12-31", &[("2019 - 2020 гг.", "")]);
    let (_dir, path) = temp_plan(&long);
    assert_eq!(schedules(&path), [window(&[("2019-01-01", "2020-12-31")])]);
    let (code, stdout, _) = run(plan_file(&path).args(["check", "--as-of", "2019-02-01"]));
    assert!(!stdout.contains("window-clipped"), "{stdout}");
    assert_eq!(code, 0);

    let short = plan_text("year = 2019", &[("2019 - 2020 гг.", ""), ("апрель", ""), ("2019–2021 годы", "")]);
    let (_dir, path) = temp_plan(&short);
    assert_eq!(
        schedules(&path),
        [
            window(&[("2019-01-01", "2019-12-31")]),
            window(&[("2019-04-01", "2019-04-30")]),
            window(&[("2019-01-01", "2019-12-31")])
        ]
    );
    let (_, stdout, _) = run(plan_file(&path).args(["check", "--as-of", "2019-02-01"]));
    assert_eq!(stdout.matches("window-clipped").count(), 1, "{stdout}");
    assert!(
        stdout.contains(
            "warning[window-clipped]: 1.1 «A1»: the years «2019 - 2020 гг.» run past the plan period 2019-01-01 – \
             2019-12-31 and were read within it, as was the time of 1 more activity"
        ),
        "{stdout}"
    );
    let (_, stdout, _) = run(plan_file(&path).args(["--lang", "ru", "check", "--as-of", "2019-02-01"]));
    assert!(stdout.contains("годы «2019 - 2020 гг.» выходят за период плана 01.01.2019 – 31.12.2019"), "{stdout}");
}

#[test]
fn a_deadline_without_a_year_is_an_error_in_a_plan_of_several_years() {
    let text = plan_text("start = 2019-01-01\nend = 2020-12-31", &[("до 15 марта", ""), ("до 15 марта 2020", "")]);
    let (_dir, path) = temp_plan(&text);
    let (code, _, stderr) = run(plan_file(&path).arg("list"));
    assert_eq!(code, 2);
    assert!(
        stderr.contains("the deadline `до 15 марта` has no year, and the plan runs from 2019-01-01 to 2020-12-31"),
        "{stderr}"
    );
    assert_eq!(stderr.matches("has no year").count(), 1, "a deadline with its year is fine: {stderr}");
}

#[test]
fn a_partly_read_when_is_read_by_its_start_and_check_quotes_the_unused_words() {
    let text =
        plan_text("year = 2019", &[("в течение года по заявлениям ветеранов", ""), ("ежемесячно, кроме июля", "")]);
    let (_dir, path) = temp_plan(&text);
    let (code, stdout, _) = run(plan_file(&path).args(["check", "--as-of", "2019-01-15"]));
    assert_eq!(code, 0, "warnings alone pass");
    assert!(
        stdout.contains(
            "warning[when-partly-read]: 1.1 «A1»: its time was read by its start; these words were not used: \
             «по заявлениям ветеранов»"
        ),
        "{stdout}"
    );
    assert!(stdout.contains("1.2 «A2»: its time was read by its start; these words were not used: «кроме июля»"));
    let (code, _, _) = run(plan_file(&path).args(["check", "--strict", "--as-of", "2019-01-15"]));
    assert_eq!(code, 1);
    let (_, stdout, _) = run(plan_file(&path).args(["--lang", "ru", "check", "--as-of", "2019-01-15"]));
    assert!(stdout.contains("время прочитано по началу; эти слова не учтены: «кроме июля»"), "{stdout}");
    let (_, stdout, _) = run(plan_file(&path).args(["show", "1.2"]));
    assert!(stdout.contains("  not read     кроме июля\n"), "{stdout}");
    // The time is printed as written everywhere.
    let (_, stdout, _) = run(plan_file(&path).arg("list"));
    assert!(stdout.contains("ежемесячно, кроме июля"), "{stdout}");
}

#[test]
fn show_prints_the_remark_and_the_time_of_day_and_the_when_as_written() {
    let text = plan_text("year = 2019", &[("ежемесячно (последний четверг)", ""), ("12.04.2019 в 14.00", "")]);
    let (_dir, path) = temp_plan(&text);
    let (_, stdout, _) = run(plan_file(&path).args(["show", "1.1"]));
    assert!(stdout.contains("  when         ежемесячно (последний четверг)\n"), "{stdout}");
    assert!(stdout.contains("  remark       последний четверг\n"), "{stdout}");
    let (_, stdout, _) = run(plan_file(&path).args(["show", "1.2"]));
    assert!(stdout.contains("  meaning      2019-04-12\n  time of day  в 14.00\n"), "{stdout}");
    let (_, stdout, _) = run(plan_file(&path).args(["check", "--as-of", "2019-01-15"]));
    assert!(!stdout.contains("when-partly-read"), "a remark is read, not left unread: {stdout}");
}

#[test]
fn an_unreadable_when_needs_period_which_then_gives_the_dates() {
    let text = plan_text("year = 2019", &[("в дни школьных каникул", "")]);
    let (_dir, path) = temp_plan(&text);
    for (lang, words) in [
        ("en", "to keep these words, give the dates in `period`"),
        ("ru", "чтобы оставить эти слова, укажите даты в `period`"),
    ] {
        let (code, _, stderr) = run(plan_file(&path).args(["--lang", lang, "list"]));
        assert_eq!(code, 2);
        assert!(stderr.contains("plan.toml:13:11:"), "{stderr}");
        assert!(stderr.contains(words), "{stderr}");
        assert!(stderr.contains("`первая декада января`"), "the accepted forms are listed: {stderr}");
    }
    let text = plan_text("year = 2019", &[("в дни школьных каникул", "period = \"июнь – август\"")]);
    let (_dir, path) = temp_plan(&text);
    assert_eq!(schedules(&path), [window(&[("2019-06-01", "2019-08-31")])]);
    let (_, stdout, _) = run(plan_file(&path).arg("list"));
    assert!(stdout.contains("в дни школьных каникул"), "{stdout}");
    let (_, stdout, _) = run(plan_file(&path).args(["show", "1.1"]));
    assert!(stdout.contains("  when         в дни школьных каникул\n  period       июнь – август\n"), "{stdout}");
    let (code, stdout, _) = run(plan_file(&path).args(["check", "--as-of", "2019-01-15"]));
    assert_eq!(code, 0, "{stdout}");
    assert!(!stdout.contains("when-partly-read"), "{stdout}");
    // A `period` that does not read is an error at the period.
    let text = plan_text("year = 2019", &[("в дни школьных каникул", "period = \"летом\"")]);
    let (_dir, path) = temp_plan(&text);
    let (code, _, stderr) = run(plan_file(&path).arg("list"));
    assert_eq!(code, 2);
    assert!(stderr.contains("unknown time expression `летом`"), "{stderr}");
    assert!(stderr.contains("accepted forms: ") && stderr.contains("`первая декада января`"), "{stderr}");
    assert!(!stderr.contains("give the dates in `period`"), "the period itself is wrong: {stderr}");
}

#[test]
fn dates_are_typed_in_words_and_relative_days_on_the_command_line() {
    let text = plan_text("year = 2019", &[("весь период", "")]);
    let (_dir, path) = temp_plan(&text);
    let (code, stdout, stderr) =
        run(plan_file(&path).args(["held", "1.1", "28 мая 2019", "--dry-run", "--as-of", "2019-06-01"]));
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("2019-05-28"), "{stdout}");
    let (code, stdout, stderr) =
        run(plan_file(&path).args(["held", "1.1", "вчера", "--dry-run", "--as-of", "2019-06-01"]));
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("2019-05-31"), "{stdout}");
    let (code, _, stderr) = run(plan_file(&path).args(["held", "1.1", "31.04.2019"]));
    assert_eq!(code, 2);
    assert!(stderr.contains("`31.04.2019` is not a date: April 2019 has 30 days"), "{stderr}");
    let (_, _, stderr) = run(plan_file(&path).args(["--lang", "ru", "held", "1.1", "31 апреля 2019"]));
    assert!(stderr.contains("в апреле 2019 года 30 дней"), "{stderr}");
    let (code, _, stderr) = run(plan_file(&path).args(["--as-of", "31.04.2019", "list"]));
    assert_eq!(code, 2);
    assert!(stderr.contains("April 2019 has 30 days"), "{stderr}");
    let (code, _, stderr) = run(plan_file(&path).args(["--lang", "ru", "--as-of", "31.04.2019", "list"]));
    assert_eq!(code, 2);
    assert!(stderr.contains("в апреле 2019 года 30 дней"), "{stderr}");
    let (code, _, stderr) = run(plan_file(&path).args(["--as-of", "28 мая 2019", "list"]));
    assert_eq!(code, 0, "{stderr}");
    let (code, stdout, stderr) = run(plan_file(&path).args(["list", "--period", "до конца марта", "--format", "json"]));
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("\"number\": \"1.1\""), "{stdout}");
}

#[test]
fn only_whole_years_are_clipped_other_windows_past_the_plan_stay_errors() {
    let text = plan_text("year = 2019", &[("2019 - 2020 гг., 15.12.2019 – 15.01.2020", "")]);
    let (_dir, path) = temp_plan(&text);
    let (code, _, stderr) = run(plan_file(&path).arg("list"));
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("the time 2019-12-15 – 2020-01-15 lies outside the plan period"), "{stderr}");
}

#[test]
fn the_new_forms_select_by_their_dates_on_the_command_line() {
    let activities = [
        ("январь", ""),
        ("10.03.2019", ""),
        ("апрель", ""),
        ("май", ""),
        ("20.05.2019 – 31.05.2019", ""),
        ("декабрь", ""),
    ];
    let (_dir, path) = temp_plan(&plan_text("year = 2019", &activities));
    // Each period's dates worked out by hand against the windows above.
    let table: &[(&str, &[&str])] = &[
        ("до 15 марта", &["1.1", "1.2"]),
        ("к 9 мая", &["1.1", "1.2", "1.3", "1.4"]),
        ("первая декада мая", &["1.4"]),
        ("третья декада мая", &["1.4", "1.5"]),
        ("Апрель / май", &["1.3", "1.4", "1.5"]),
        ("апрель\nмай", &["1.3", "1.4", "1.5"]),
        ("28 мая 2019", &["1.4", "1.5"]),
        ("28 мая 2019 г.", &["1.4", "1.5"]),
        ("9 мая", &["1.4"]),
        ("10.03", &["1.2"]),
        ("май 2019", &["1.4", "1.5"]),
        ("в мае 2019 года", &["1.4", "1.5"]),
        ("до конца года", &["1.1", "1.2", "1.3", "1.4", "1.5", "1.6"]),
        ("2019 год", &["1.1", "1.2", "1.3", "1.4", "1.5", "1.6"]),
        ("апрель (по согласованию)", &["1.3"]),
    ];
    for (period, expected) in table {
        let (code, stdout, stderr) = run(plan_file(&path).args(["list", "--format", "json", "--period", period]));
        assert_eq!(code, 0, "{period:?}: {stderr}");
        let list: Vec<serde_json::Value> = serde_json::from_str(&stdout).unwrap();
        let numbers: Vec<&str> = list.iter().map(|a| a["number"].as_str().unwrap()).collect();
        assert_eq!(numbers, *expected, "{period:?}");
    }
}

#[test]
fn a_date_in_words_is_the_date_check_judges_and_edits_record() {
    let text = plan_text("year = 2019", &[("весь период", "")]);
    let (_dir, path) = temp_plan(&text);
    let as_of = |date: &str| {
        let (code, stdout, stderr) = run(plan_file(&path).args(["--as-of", date, "check", "--format", "json"]));
        assert!(code < 2, "{date:?}: {stderr}");
        let report: serde_json::Value = serde_json::from_str(&stdout).unwrap();
        report["as_of"].as_str().unwrap().to_owned()
    };
    assert_eq!(as_of("28 мая 2019"), "2019-05-28");
    assert_eq!(as_of("28 мая 2019 г."), "2019-05-28");
    assert_eq!(as_of("1 декабря 2019 года"), "2019-12-01");
    let today = chrono::Local::now().date_naive();
    assert_eq!(as_of("сегодня"), today.to_string());
    assert_eq!(as_of("вчера"), today.pred_opt().unwrap().to_string());
    assert_eq!(as_of("завтра"), today.succ_opt().unwrap().to_string());
    let (code, _, stderr) =
        run(plan_file(&path).args(["--as-of", "2019-06-01", "planned", "1.1", "1 декабря 2019 г."]));
    assert_eq!(code, 0, "{stderr}");
    let (code, _, stderr) = run(plan_file(&path).args(["--as-of", "2019-06-01", "held", "1.1", "28 мая"]));
    assert_eq!(code, 0, "{stderr}");
    let written = std::fs::read_to_string(&path).unwrap();
    assert!(written.contains("held = [2019-05-28]"), "{written}");
    assert!(written.contains("planned = [2019-12-01]"), "{written}");
    let (code, _, stderr) = run(plan_file(&path).args(["planned", "1.1", "31 июня 2019"]));
    assert_eq!(code, 2);
    assert!(stderr.contains("`31 июня 2019` is not a date: June 2019 has 30 days"), "{stderr}");
}

/// A deadline that falls before the plan starts is told as that, in both languages, with where
/// to look; it is not a range "running backwards".
#[test]
fn a_deadline_before_the_plan_starts_says_so() {
    let (_dir, path) = temp_plan(&plan_text("year = 2019", &[("к 9 мая 2018", "")]));
    let (code, _, ru) = run(plan_file(&path).args(["--lang", "ru", "check"]));
    assert_eq!(code, 2);
    assert!(ru.contains("срок `к 9 мая 2018` (09.05.2018) наступает раньше начала плана (01.01.2019)"), "{ru}");
    assert!(ru.contains("проверьте год срока или начало плана (`start` в [plan])"), "{ru}");
    let (_, _, en) = run(plan_file(&path).args(["--lang", "en", "check"]));
    assert!(en.contains("the deadline `к 9 мая 2018` (2018-05-09) comes before the plan starts (2019-01-01)"), "{en}");
}
