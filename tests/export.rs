//! `plan export ics` and `plan export html`: a calendar and a printable page.

use std::io::BufReader;

use crate::common::{fixture, plan, plan_file, run, temp_plan};

fn export(file: &str, as_of: &str, format: &str) -> String {
    let (code, stdout, stderr) = run(plan_file(&fixture(file)).args(["--as-of", as_of, "export", format]));
    assert_eq!(code, 0, "{stderr}");
    stdout
}

/// Parses a calendar with the `ical` crate, an independent RFC 5545 reader.
fn parse_ics(text: &str) -> ical::parser::ical::component::IcalCalendar {
    let mut calendars = ical::IcalParser::new(BufReader::new(text.as_bytes()));
    let calendar = calendars.next().expect("one calendar").expect("the calendar parses");
    assert!(calendars.next().is_none(), "only one calendar");
    calendar
}

fn property<'e>(event: &'e ical::parser::ical::component::IcalEvent, name: &str) -> Option<&'e str> {
    event.properties.iter().find(|p| p.name == name).and_then(|p| p.value.as_deref())
}

/// Reverses RFC 5545 TEXT escaping.
fn unescape(value: &str) -> String {
    let mut out = String::new();
    let mut chars = value.chars();
    while let Some(c) = chars.next() {
        match (c, c == '\\') {
            (_, true) => match chars.next() {
                Some('n' | 'N') => out.push('\n'),
                Some(other) => out.push(other),
                None => {}
            },
            (c, false) => out.push(c),
        }
    }
    out
}

#[test]
fn calendar_of_recorded_meetings() {
    let ics = export("meetings/meetings.toml", "2019-11-20", "ics");
    insta::assert_snapshot!(ics.replace("\r\n", "\n"));
}

#[test]
fn calendar_parses_with_an_icalendar_reader() {
    let ics = export("meetings/meetings.toml", "2019-11-20", "ics");
    let calendar = parse_ics(&ics);
    // 1.1: 2 held + due; 1.2: 3 held, 1 planned + due; 1.3: 2 held + due;
    // 2.1: window + held; 2.2: window; 2.3: window (cancelled); 2.4: window + held.
    assert_eq!(calendar.events.len(), 17);
    let mut uids: Vec<&str> = calendar.events.iter().map(|e| property(e, "UID").expect("a UID")).collect();
    uids.sort_unstable();
    uids.dedup();
    assert_eq!(uids.len(), 17, "UIDs are unique");
    for event in &calendar.events {
        for name in ["DTSTAMP", "DTSTART", "DTEND", "SUMMARY", "DESCRIPTION"] {
            assert!(property(event, name).is_some(), "{name} missing in {event:?}");
        }
        let start = property(event, "DTSTART").unwrap();
        let end = property(event, "DTEND").unwrap();
        assert!(start.len() == 8 && end.len() == 8 && start < end, "{start}..{end}");
        let value = event.properties.iter().find(|p| p.name == "DTSTART").and_then(|p| p.params.clone());
        assert_eq!(value, Some(vec![("VALUE".to_owned(), vec!["DATE".to_owned()])]));
        assert_eq!(property(event, "DTSTAMP"), Some("20191120T000000Z"));
    }
    let window = calendar.events.iter().find(|e| property(e, "UID") == Some("2019-2.2-window-1@plan")).unwrap();
    // II полугодие: 1 July to 31 December, DTEND the day after.
    assert_eq!((property(window, "DTSTART"), property(window, "DTEND")), (Some("20190701"), Some("20200101")));
    let cancelled = calendar.events.iter().find(|e| property(e, "UID") == Some("2019-2.3-window-1@plan")).unwrap();
    assert_eq!(property(cancelled, "STATUS"), Some("CANCELLED"));
    let due = calendar.events.iter().find(|e| property(e, "UID") == Some("2019-presidium-sessions-due@plan")).unwrap();
    assert_eq!(property(due, "DTSTART"), Some("20191130"));
}

#[test]
fn calendar_text_is_escaped_and_lines_fold_at_75_octets() {
    let ics = export("escapes.toml", "2019-04-15", "ics");
    assert!(ics.ends_with("END:VCALENDAR\r\n"));
    let physical: Vec<&str> = ics.strip_suffix("\r\n").unwrap().split("\r\n").collect();
    for line in &physical {
        assert!(line.len() <= 75, "{} octets: {line}", line.len());
        assert!(!line.contains(['\n', '\r']) && !line.chars().any(char::is_control), "{line:?}");
    }
    assert!(physical.iter().any(|l| l.starts_with(' ')), "something is folded");
    let calendar = parse_ics(&ics);
    let name = calendar.properties.iter().find(|p| p.name == "X-WR-CALNAME").and_then(|p| p.value.clone());
    assert_eq!(
        name.as_deref().map(unescape).as_deref(),
        Some("План <script>alert(1)</script>, с запятой; и точкой с запятой \\ и чертой")
    );
    let held = calendar.events.iter().find(|e| property(e, "UID") == Some("2019-board-20190320@plan")).unwrap();
    assert_eq!(
        property(held, "SUMMARY").map(unescape).as_deref(),
        Some("1.1 Заседания правления, с очень длинным названием, чтобы строка iCalendar превысила 75 октетов — held")
    );
    let description = unescape(property(held, "DESCRIPTION").unwrap());
    assert!(
        description.starts_with("протокол № 1; зал 2, этаж 3\nвторая строка\nsection: 1. Раздел <i>1</i>\n"),
        "{description}"
    );
    let bell = calendar.events.iter().find(|e| property(e, "UID") == Some("2019-1.2-window-2@plan")).unwrap();
    assert_eq!(property(bell, "SUMMARY").map(unescape).as_deref(), Some("1.2 Звонок \\u{7} и escape \\u{1b}[2J"));
}

#[test]
fn calendar_is_the_same_from_run_to_run() {
    let first = export("meetings/meetings.toml", "2019-11-20", "ics");
    let second = export("meetings/meetings.toml", "2019-11-20", "ics");
    assert_eq!(first, second);
}

#[test]
fn a_date_moved_from_planned_to_held_keeps_its_event() {
    let plan_with = |dates: &str| {
        format!(
            "[plan]\ntitle = \"t\"\nyear = 2019\n[parties.p]\nname = \"P\"\n[[section]]\ntitle = \"s\"\n\
             [[section.activity]]\nid = \"board\"\ntitle = \"Board\"\nwhen = \"ежеквартально\"\nresponsible = [\"p\"]\n{dates}\n"
        )
    };
    let events = |text: &str, as_of: &str| {
        let (_dir, path) = temp_plan(text);
        let (_, ics, _) = run(plan_file(&path).args(["--as-of", as_of, "export", "ics"]));
        parse_ics(&ics)
            .events
            .iter()
            .map(|e| (property(e, "UID").unwrap().to_owned(), property(e, "SUMMARY").unwrap().to_owned()))
            .collect::<Vec<_>>()
    };
    let before = events(&plan_with("planned = [2019-03-20]"), "2019-03-01");
    let after = events(&plan_with("held = [2019-03-20]"), "2019-03-21");
    let uids = |events: &[(String, String)]| events.iter().map(|(uid, _)| uid.clone()).collect::<Vec<_>>();
    assert_eq!(uids(&before), ["2019-board-20190320@plan", "2019-board-due@plan"]);
    assert_eq!(uids(&after), uids(&before));
    assert!(before[0].1.ends_with("planned") && after[0].1.ends_with("held"));
}

#[test]
fn output_option_writes_the_same_bytes_to_a_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.ics");
    let (code, stdout, _) = run(plan_file(&fixture("meetings/meetings.toml"))
        .args(["--as-of", "2019-11-20", "export", "ics", "-o"])
        .arg(&path));
    assert_eq!((code, stdout.as_str()), (0, ""));
    assert_eq!(std::fs::read_to_string(&path).unwrap(), export("meetings/meetings.toml", "2019-11-20", "ics"));
    let (_, dash, _) =
        run(plan_file(&fixture("meetings/meetings.toml")).args(["--as-of", "2019-11-20", "export", "ics", "-o", "-"]));
    assert_eq!(dash, export("meetings/meetings.toml", "2019-11-20", "ics"));
}

#[test]
fn output_to_a_missing_folder_is_an_error_that_names_it() {
    let (code, stdout, stderr) = run(plan().args(["export", "html", "-o", "no-such-folder/plan.html"]));
    assert_eq!(code, 2);
    assert!(stdout.is_empty());
    assert!(stderr.starts_with("error: ") && stderr.contains("`no-such-folder/plan.html`"), "{stderr}");
}

#[test]
fn page_of_a_small_plan() {
    insta::assert_snapshot!(export("small.toml", "2019-04-15", "html"));
}

#[test]
fn page_has_the_documents_table_and_escapes_every_text() {
    let page = export("escapes.toml", "2019-04-15", "html");
    let document = scraper::Html::parse_document(&page);
    assert!(document.errors.is_empty(), "{:?}", document.errors);
    let select = |css: &str| document.select(&scraper::Selector::parse(css).unwrap()).collect::<Vec<_>>();
    let text = |element: &scraper::ElementRef| element.text().collect::<String>();
    assert_eq!(select("html")[0].value().attr("lang"), Some("en"));
    let title = "План <script>alert(1)</script>, с запятой; и точкой с запятой \\ и чертой";
    assert_eq!(text(&select("title")[0]), title);
    assert_eq!(text(&select("h1")[0]), title);
    assert!(select("script").is_empty(), "a title must not become markup");
    assert!(select("b, i").is_empty(), "names must not become markup");
    assert_eq!(text(&select(".organization")[0]), "Отделение «Тест» & Co");
    let headers: Vec<String> = select("thead th").iter().map(text).collect();
    assert_eq!(headers, ["No.", "Activities", "Time", "Responsible"]);
    let sections: Vec<String> = select("tbody tr.section th[colspan=\"4\"]").iter().map(text).collect();
    assert_eq!(sections, ["1. Раздел <i>1</i>"]);
    let rows = select("tbody tr:not(.section)");
    assert_eq!(rows.len(), 2);
    let cells: Vec<String> = rows[1].child_elements().map(|cell| text(&cell)).collect();
    assert_eq!(cells[..2], ["1.2", "Звонок \\u{7} и escape \\u{1b}[2J"]);
    assert!(!page.chars().any(|c| c.is_control() && c != '\n'), "no raw control characters");
}

#[test]
fn page_needs_nothing_from_outside_and_prints_on_a4() {
    let page = export("meetings/meetings.toml", "2019-04-15", "html");
    let document = scraper::Html::parse_document(&page);
    let count = |css: &str| document.select(&scraper::Selector::parse(css).unwrap()).count();
    assert_eq!(count("[src], link, script, iframe, object, img"), 0);
    assert!(!page.contains("url(") && !page.contains("@import"));
    assert!(page.contains("@page { size: A4;") && page.contains("thead { display: table-header-group; }"));
    assert_eq!(count("tbody tr.section"), 2);
    assert_eq!(count("tbody tr:not(.section)"), 7);
}

#[test]
fn page_speaks_the_interface_language() {
    let (_, page, _) = run(plan().args(["--lang", "ru", "export", "html", "--section", "1"]));
    let document = scraper::Html::parse_document(&page);
    let html = document.select(&scraper::Selector::parse("html").unwrap()).next().unwrap();
    assert_eq!(html.value().attr("lang"), Some("ru"));
    assert!(page.contains("<th scope=\"col\">Мероприятия</th>"), "{page}");
}

/// A plan over 2019–2022 whose one activity's `when` lists `n` days, one after another.
fn plan_with_a_when_list(n: usize) -> String {
    let first = chrono::NaiveDate::from_ymd_opt(2019, 1, 1).unwrap();
    let days: Vec<String> =
        (0..n).map(|i| (first + chrono::Days::new(i as u64)).format("%d.%m.%Y").to_string()).collect();
    format!(
        "[plan]\ntitle = \"T\"\nstart = 2019-01-01\nend = 2022-12-31\n[parties.p]\nname = \"P\"\n\
         [[section]]\ntitle = \"S\"\nresponsible = [\"p\"]\n[[section.activity]]\ntitle = \"A\"\nwhen = \"{}\"\n",
        days.join(", ")
    )
}

#[test]
fn ics_output_grows_linearly_with_a_long_when_list() {
    let size = |n: usize| {
        let text = plan_with_a_when_list(n);
        let (_dir, path) = temp_plan(&text);
        let (code, stdout, stderr) = run(plan_file(&path).args(["--as-of", "2019-01-01", "export", "ics"]));
        assert_eq!(code, 0, "{stderr}");
        assert_eq!(stdout.matches("BEGIN:VEVENT").count(), n, "one event per day listed");
        (text.len(), stdout.len())
    };
    let (small_in, small_out) = size(300);
    let (big_in, big_out) = size(1200);
    // Four times the input: about four times the output, not sixteen (every event used to repeat
    // the whole list).
    // big_out / small_out < 1.25 × big_in / small_in, in integers.
    assert!(
        big_out * small_in * 4 < big_in * small_out * 5,
        "output grew from {small_out} to {big_out} bytes for input from {small_in} to {big_in} bytes"
    );
}

/// The events of a calendar whose `UID` ends with `-due@plan`: the meeting rules' last due dates.
fn due_events(
    calendar: &ical::parser::ical::component::IcalCalendar,
) -> Vec<&ical::parser::ical::component::IcalEvent> {
    calendar.events.iter().filter(|e| property(e, "UID").is_some_and(|uid| uid.ends_with("-due@plan"))).collect()
}

#[test]
fn each_rules_last_due_date_is_an_all_day_event_with_a_reminder() {
    let (code, ics, stderr) = run(plan_file(&fixture("meetings/meetings.toml")).args([
        "--lang",
        "ru",
        "--as-of",
        "2019-11-20",
        "export",
        "ics",
    ]));
    assert_eq!(code, 0, "{stderr}");
    let calendar = parse_ics(&ics);
    let due = due_events(&calendar);
    // One per meeting rule: the council, the presidium, the quarterly report.
    assert_eq!(due.len(), 3);
    let presidium = due.iter().find(|e| property(e, "UID") == Some("2019-presidium-sessions-due@plan")).unwrap();
    assert_eq!(property(presidium, "SUMMARY").map(unescape).as_deref(), Some("Заседания президиума: последний срок"));
    // Its last meeting was 30.08.2019: due by 30.11.2019, a whole day.
    assert_eq!((property(presidium, "DTSTART"), property(presidium, "DTEND")), (Some("20191130"), Some("20191201")));
    let council = due.iter().find(|e| property(e, "UID") == Some("2019-council-sessions-due@plan")).unwrap();
    // 10.10.2019 + 6 months.
    assert_eq!(property(council, "DTSTART"), Some("20200410"));
    for event in &due {
        assert_eq!(event.alarms.len(), 1, "{event:?}");
        let alarm = &event.alarms[0];
        let get = |name: &str| alarm.properties.iter().find(|p| p.name == name).and_then(|p| p.value.as_deref());
        assert_eq!(get("ACTION"), Some("DISPLAY"));
        assert_eq!(get("TRIGGER"), Some("-P14D"), "two weeks before by default");
        assert_eq!(get("DESCRIPTION"), property(event, "SUMMARY"));
    }
    // Only the due dates remind.
    assert_eq!(calendar.events.iter().filter(|e| !e.alarms.is_empty()).count(), 3);
    // `--remind DAYS` sets how long before.
    let (_, ics, _) = run(plan_file(&fixture("meetings/meetings.toml")).args([
        "--as-of",
        "2019-11-20",
        "export",
        "ics",
        "--remind",
        "3",
    ]));
    let calendar = parse_ics(&ics);
    let triggers: Vec<&str> = due_events(&calendar)
        .iter()
        .flat_map(|e| &e.alarms)
        .filter_map(|a| a.properties.iter().find(|p| p.name == "TRIGGER").and_then(|p| p.value.as_deref()))
        .collect();
    assert_eq!(triggers, ["-P3D", "-P3D", "-P3D"]);
    let summary = due_events(&calendar).iter().find_map(|e| property(e, "SUMMARY")).map(unescape);
    assert_eq!(summary.as_deref(), Some("Заседания совета: last due date"));
}

#[test]
fn identical_and_overlapping_windows_are_one_event_and_the_calendar_stays_small() {
    let plan = |when: &str| {
        format!(
            "[plan]\ntitle = \"T\"\nyear = 2019\n[parties.p]\nname = \"P\"\n[[section]]\ntitle = \"S\"\n\
             responsible = [\"p\"]\n[[section.activity]]\ntitle = \"A\"\nwhen = \"{when}\"\n"
        )
    };
    let windows = |text: &str| {
        let (_dir, path) = temp_plan(text);
        let (code, ics, stderr) = run(plan_file(&path).args(["--as-of", "2019-01-01", "export", "ics"]));
        assert_eq!(code, 0, "{stderr}");
        let calendar = parse_ics(&ics);
        let spans: Vec<(String, String)> = calendar
            .events
            .iter()
            .map(|e| (property(e, "DTSTART").unwrap().to_owned(), property(e, "DTEND").unwrap().to_owned()))
            .collect();
        (spans, ics.len())
    };
    let day = |d: &str| d.to_owned();
    // The same month twice, a range and a month inside it, two ranges that overlap: one each.
    assert_eq!(windows(&plan("апрель, апрель")).0, [(day("20190401"), day("20190501"))]);
    assert_eq!(windows(&plan("март – май, апрель")).0, [(day("20190301"), day("20190601"))]);
    assert_eq!(windows(&plan("март – апрель, апрель – июнь")).0, [(day("20190301"), day("20190701"))]);
    // Windows apart stay apart.
    assert_eq!(
        windows(&plan("октябрь, апрель")).0,
        [(day("20190401"), day("20190501")), (day("20191001"), day("20191101"))]
    );
    // 20,000 times «апрель»: one event, and a calendar far smaller than the plan.
    let long = plan(&vec!["апрель"; 20_000].join(", "));
    let (spans, size) = windows(&long);
    assert_eq!(spans.len(), 1);
    assert!(size < long.len(), "{size} bytes of calendar for {} bytes of plan", long.len());
}
