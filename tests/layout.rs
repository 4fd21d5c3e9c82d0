//! `plan export html` and `plan table` follow the printed plan's layout (spec §7): approval,
//! «№ п/п», shared cells merged over a section, time and responsible centred, page numbers in
//! print, the signature.

use crate::common::{fixture, plan_file, run};

fn output(args: &[&str]) -> String {
    let (code, stdout, stderr) = run(plan_file(&fixture("council-2019.toml")).args(args));
    assert_eq!(code, 0, "{stderr}");
    stdout
}

#[test]
fn the_page_has_the_approval_the_number_column_the_merged_cells_and_the_signature() {
    let page = output(&["--lang", "ru", "export", "html"]);
    let document = scraper::Html::parse_document(&page);
    assert!(document.errors.is_empty(), "{:?}", document.errors);
    let select = |css: &str| document.select(&scraper::Selector::parse(css).unwrap()).collect::<Vec<_>>();
    let text = |element: &scraper::ElementRef| element.text().collect::<String>();
    let approval: Vec<String> = select(".approval p").iter().map(text).collect();
    assert_eq!(approval, ["УТВЕРЖДЁН", "решением Президиума Смоленского Регионального совета ВСМС от 20.12.2018 № 12"]);
    let headers: Vec<String> = select("thead th").iter().map(text).collect();
    assert_eq!(headers, ["№ п/п", "Мероприятия", "Время проведения", "Ответственные"]);
    assert_eq!(select("tr.section th[colspan=\"4\"]").len(), 7);
    assert_eq!(select("td.number").len(), 23);
    // Section 1: the presidium once, over two rows; section 5: time and party once, over three.
    let merged: Vec<(String, String)> =
        select("td[rowspan]").iter().map(|td| (text(td), td.value().attr("rowspan").unwrap().to_owned())).collect();
    assert_eq!(merged[0], ("Президиум РС ВСМС".to_owned(), "2".to_owned()));
    assert!(merged.contains(&("весь период".to_owned(), "3".to_owned())));
    assert_eq!(select("tbody tr:not(.section)").len(), 23);
    assert!(page.contains("td.when, td.who { text-align: center;"));
    assert!(page.contains("@bottom-center { content: counter(page); }"));
    assert_eq!(text(&select("p.signature")[0]), "Председатель Президиума РС ВСМС  ____________  И. И. Иванов");
}

#[test]
fn the_table_has_the_approval_the_title_the_number_column_and_the_signature() {
    let table = output(&["--lang", "ru", "table", "--width", "100", "--section", "5"]);
    let lines: Vec<&str> = table.lines().collect();
    assert_eq!(lines[0].trim(), "УТВЕРЖДЁН");
    assert!(lines[0].starts_with(&" ".repeat(50)), "the approval block is on the right: {:?}", lines[0]);
    assert!(table.contains("│ № п/п ┆ Мероприятия"), "{table}");
    // Section 5 shares «весь период» and the presidium: written on its first row only.
    assert_eq!(table.matches("весь период").count(), 1, "{table}");
    assert_eq!(table.matches("Президиум РС ВСМС").count(), 1, "{table}");
    assert_eq!(lines.last().unwrap(), &"Председатель Президиума РС ВСМС  ____________  И. И. Иванов");
}

#[test]
fn the_report_as_json_has_one_object_per_activity_and_one_per_rule() {
    let json = output(&["--as-of", "2019-12-31", "report", "--format", "json"]);
    let report: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(report["as_of"], "2019-12-31");
    let activities = report["activities"].as_array().unwrap();
    assert_eq!(activities.len(), 23);
    let council = &activities[0];
    assert_eq!(council["number"], "1.1");
    // Held twice, the second time 18 days late: the rule was broken.
    assert_eq!(council["outcome"], "not-done");
    assert_eq!(council["held"][1], serde_json::json!({"date": "2019-10-02", "note": "протокол № 2"}));
    let lessons = activities.iter().find(|a| a["number"] == "3.1").unwrap();
    assert_eq!(lessons["result"], "Проведено 14 уроков в 9 школах Смоленска и Вязьмы");
    let game = activities.iter().find(|a| a["number"] == "4.2").unwrap();
    assert_eq!(
        (game["outcome"].as_str(), game["note"].as_str()),
        (Some("cancelled"), Some("игра перенесена организатором на 2020 год"))
    );
    let rules = report["rules"].as_array().unwrap();
    assert_eq!(rules.len(), 2);
    assert_eq!(rules[0]["held"], serde_json::json!(["2019-03-14", "2019-10-02"]));
    assert_eq!(rules[0]["required"], 2);
    assert_eq!(
        rules[0]["breaches"],
        serde_json::json!([{"code": "gap-exceeded", "held": "2019-10-02", "due": "2019-09-14", "days_late": 18}])
    );
    let totals = &report["totals"];
    let sum: u64 = ["done", "no_mark", "not_done", "cancelled", "planned", "in_progress"]
        .iter()
        .map(|k| totals[k].as_u64().unwrap())
        .sum();
    assert_eq!(totals["activities"].as_u64(), Some(sum));
}

#[test]
fn the_report_page_keeps_the_totals_together_and_ends_with_the_signature() {
    let page = output(&["--lang", "ru", "--as-of", "2019-12-31", "report", "--format", "html"]);
    let document = scraper::Html::parse_document(&page);
    assert!(document.errors.is_empty(), "{:?}", document.errors);
    let select = |css: &str| document.select(&scraper::Selector::parse(css).unwrap()).collect::<Vec<_>>();
    let text = |element: &scraper::ElementRef| element.text().collect::<String>();
    assert!(text(&select("h1")[0]).ends_with("за 2019 год"));
    let headers: Vec<String> = select("table.report thead th").iter().map(text).collect();
    assert_eq!(headers, ["№ п/п", "Мероприятие", "Срок", "Ответственные", "Отметка о выполнении"]);
    assert_eq!(select("table.meetings tbody tr").len(), 2);
    assert!(page.contains("section.totals { break-inside: avoid; page-break-inside: avoid; }"));
    assert_eq!(
        text(&select("section.totals p.signature")[0]),
        "Председатель Президиума РС ВСМС  ____________  И. И. Иванов"
    );
}

/// With `WeasyPrint` installed (a renderer of CSS paged media): the printed page numbers itself
/// and repeats the table's header row on every page.
#[test]
fn the_printed_page_numbers_its_pages_and_repeats_the_header() {
    use std::process::Command;
    if Command::new("weasyprint").arg("--version").output().is_err()
        || Command::new("pdftotext").arg("-v").output().is_err()
    {
        crate::common::cannot_run_without("weasyprint and pdftotext (apt-get install weasyprint poppler-utils)");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let html = dir.path().join("plan.html");
    std::fs::write(&html, output(&["--lang", "ru", "export", "html"])).unwrap();
    let pdf = dir.path().join("plan.pdf");
    let status = Command::new("weasyprint").arg(&html).arg(&pdf).output().unwrap();
    assert!(status.status.success(), "{}", String::from_utf8_lossy(&status.stderr));
    let text = Command::new("pdftotext").args(["-layout"]).arg(&pdf).arg("-").output().unwrap().stdout;
    let text = String::from_utf8(text).unwrap();
    let pages: Vec<&str> = text.split('\u{c}').filter(|p| !p.trim().is_empty()).collect();
    assert!(pages.len() >= 2, "{text}");
    for (i, page) in pages.iter().enumerate() {
        assert!(page.contains("Ответственные"), "the header row on page {}", i + 1);
        assert_eq!(page.trim_end().lines().last().map(str::trim), Some((i + 1).to_string().as_str()), "page {}", i + 1);
    }
}
