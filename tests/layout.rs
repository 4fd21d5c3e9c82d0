//! `plan export html` and `plan table` follow the printed plan's layout (spec §7): approval,
//! «№ п/п», shared cells merged over a section, time and responsible centred, page numbers in
//! print, the signature.

mod common;

use common::{fixture, plan_file, run};

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
