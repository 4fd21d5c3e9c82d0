//! `plan export docx` and `plan report --format docx`: the Word files are opened (a zip of XML)
//! and their structure asserted, as spec §7 lays it out; with `LibreOffice` installed they are also
//! converted to PDF and the pages and the text checked.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::Command as Process;

use crate::common::{fixture, plan_file};

const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

/// Runs `plan -f council-2019.toml ARGS -o OUT` and returns the .docx path.
fn docx(dir: &Path, name: &str, args: &[&str]) -> PathBuf {
    let out = dir.join(name);
    plan_file(&fixture("council-2019.toml")).args(args).arg("-o").arg(&out).assert().success();
    out
}

/// One part of the package, as text.
pub(crate) fn part(path: &Path, name: &str) -> String {
    let mut archive = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
    let mut text = String::new();
    archive.by_name(name).unwrap().read_to_string(&mut text).unwrap();
    text
}

pub(crate) fn is(node: &roxmltree::Node, name: &str) -> bool {
    node.is_element() && node.tag_name().namespace() == Some(W) && node.tag_name().name() == name
}

pub(crate) fn children<'a, 'i>(
    node: roxmltree::Node<'a, 'i>,
    name: &'a str,
) -> impl Iterator<Item = roxmltree::Node<'a, 'i>> {
    node.children().filter(move |n| is(n, name))
}

fn attr(node: roxmltree::Node, name: &str) -> Option<String> {
    node.attribute((W, name)).map(str::to_owned)
}

/// The text of a node: its `w:t`s, paragraphs joined by newlines.
pub(crate) fn text(node: roxmltree::Node) -> String {
    let paragraphs: Vec<String> = node
        .descendants()
        .filter(|n| is(n, "p"))
        .map(|p| p.descendants().filter(|n| is(n, "t")).filter_map(|t| t.text()).collect())
        .collect();
    paragraphs.join("\n")
}

/// A cell's `w:tcPr` child value, such as `vMerge` or `gridSpan`.
fn cell_property(cell: roxmltree::Node, name: &str) -> Option<String> {
    let properties = children(cell, "tcPr").next()?;
    let property = children(properties, name).next()?;
    Some(attr(property, "val").unwrap_or_default())
}

#[test]
fn the_plan_is_an_a4_document_with_approval_table_page_numbers_and_signature() {
    let dir = tempfile::tempdir().unwrap();
    let path = docx(dir.path(), "plan.docx", &["--lang", "ru", "export", "docx"]);
    let xml = part(&path, "word/document.xml");
    let doc = roxmltree::Document::parse(&xml).unwrap();
    let body = doc.descendants().find(|n| is(n, "body")).unwrap();
    let paragraphs: Vec<String> = children(body, "p").map(text).collect();

    // The approval block, then the organisation and the title, centred and bold.
    assert_eq!(paragraphs[0], "УТВЕРЖДЁН");
    assert_eq!(paragraphs[1], "решением Президиума Смоленского Регионального совета ВСМС от 20.12.2018 № 12");
    let title = children(body, "p").find(|p| text(*p).starts_with("План работы")).unwrap();
    assert!(title.descendants().any(|n| is(&n, "jc") && attr(n, "val").as_deref() == Some("center")));
    assert!(title.descendants().any(|n| is(&n, "b")));

    // One table of four columns; its first row repeats on every page.
    let tables: Vec<_> = children(body, "tbl").collect();
    assert_eq!(tables.len(), 1);
    let table = tables[0];
    let grid = children(table, "tblGrid").next().unwrap();
    assert_eq!(children(grid, "gridCol").count(), 4);
    let rows: Vec<_> = children(table, "tr").collect();
    let header = rows[0];
    assert_eq!(
        children(header, "tc").map(text).collect::<Vec<_>>(),
        ["№ п/п", "Мероприятия", "Время проведения", "Ответственные"]
    );
    let repeats = |row: roxmltree::Node| row.descendants().any(|n| is(&n, "tblHeader"));
    assert!(repeats(header));
    assert!(rows[1..].iter().all(|r| !repeats(*r)), "only the header row repeats");

    // Section rows span the four columns, bold; 7 sections and 23 activities.
    let sections: Vec<_> =
        rows.iter().filter(|r| children(**r, "tc").count() == 1).map(|r| children(*r, "tc").next().unwrap()).collect();
    assert_eq!(sections.len(), 7);
    assert!(sections.iter().all(|c| cell_property(*c, "gridSpan").as_deref() == Some("4")));
    assert!(sections.iter().all(|c| c.descendants().any(|n| is(&n, "b"))));
    assert_eq!(text(sections[0]), "1. Заседания руководящих органов регионального отделения");
    let activities: Vec<Vec<roxmltree::Node>> = rows
        .iter()
        .filter(|r| children(**r, "tc").count() == 4)
        .skip(1)
        .map(|r| children(*r, "tc").collect())
        .collect();
    assert_eq!(activities.len(), 23);
    assert_eq!(text(activities[0][0]), "1.1");

    // Section 1 shares its responsible party: one cell merged down over both rows; the times differ.
    assert_eq!(cell_property(activities[0][3], "vMerge").as_deref(), Some("restart"));
    assert_eq!(text(activities[0][3]), "Президиум РС ВСМС");
    assert_eq!(cell_property(activities[1][3], "vMerge").as_deref(), Some("continue"));
    assert_eq!(text(activities[1][3]), "");
    assert_eq!(cell_property(activities[0][2], "vMerge"), None);
    // Section 5 (rows 5.1–5.3) shares both: «весь период» and the presidium, once each.
    let five: Vec<_> = activities.iter().filter(|r| text(r[0]).starts_with("5.")).collect();
    assert_eq!(five.len(), 3);
    assert_eq!(text(five[0][2]), "весь период");
    assert!(five[1..].iter().all(|r| cell_property(r[2], "vMerge").as_deref() == Some("continue")));
    // Time and responsible are centred.
    let centred =
        |cell: roxmltree::Node| cell.descendants().any(|n| is(&n, "jc") && attr(n, "val").as_deref() == Some("center"));
    assert!(activities.iter().all(|r| centred(r[2]) || cell_property(r[2], "vMerge").as_deref() == Some("continue")));

    // The signature block ends the document.
    assert_eq!(paragraphs.last().unwrap(), "Председатель Президиума РС ВСМС  ____________  И. И. Иванов");

    // A4, and a footer with a PAGE field.
    let size = body.descendants().find(|n| is(n, "pgSz")).unwrap();
    assert_eq!((attr(size, "w").as_deref(), attr(size, "h").as_deref()), (Some("11906"), Some("16838")));
    let reference = body.descendants().find(|n| is(n, "footerReference")).unwrap();
    let id =
        reference.attribute(("http://schemas.openxmlformats.org/officeDocument/2006/relationships", "id")).unwrap();
    let rels = part(&path, "word/_rels/document.xml.rels");
    let target = roxmltree::Document::parse(&rels)
        .unwrap()
        .descendants()
        .find(|n| n.attribute("Id") == Some(id))
        .and_then(|n| n.attribute("Target").map(str::to_owned))
        .unwrap();
    let footer = part(&path, &format!("word/{target}"));
    let footer = roxmltree::Document::parse(&footer).unwrap();
    assert!(footer.descendants().any(|n| is(&n, "fldChar")));
    assert!(footer.descendants().any(|n| is(&n, "instrText") && n.text().is_some_and(|t| t.trim() == "PAGE")));
}

#[test]
fn english_labels_under_lang_en() {
    let dir = tempfile::tempdir().unwrap();
    let path = docx(dir.path(), "plan.docx", &["--lang", "en", "export", "docx"]);
    let xml = part(&path, "word/document.xml");
    assert!(xml.contains(">APPROVED<"));
    assert!(xml.contains("решением Президиума Смоленского Регионального совета ВСМС of 2018-12-20, No. 12"));
    for heading in ["No.", "Activities", "Time", "Responsible"] {
        assert!(xml.contains(&format!(">{heading}<")), "{heading}");
    }
}

#[test]
fn the_year_end_report_has_five_columns_what_was_done_the_meetings_and_the_totals() {
    let dir = tempfile::tempdir().unwrap();
    let path =
        docx(dir.path(), "report.docx", &["--lang", "ru", "--as-of", "2019-12-31", "report", "--format", "docx"]);
    let xml = part(&path, "word/document.xml");
    let doc = roxmltree::Document::parse(&xml).unwrap();
    let body = doc.descendants().find(|n| is(n, "body")).unwrap();
    let paragraphs: Vec<String> = children(body, "p").map(text).collect();
    assert!(!paragraphs.iter().any(|p| p == "УТВЕРЖДЁН"), "the approval belongs to the plan, not to the report");
    assert!(
        paragraphs.contains(
            &"Отчёт о выполнении плана работы Смоленского Регионального отделения Общероссийской общественной \
          организации «Всероссийский Совет местного самоуправления» за 2019 год"
                .to_owned()
        )
    );
    let tables: Vec<_> = children(body, "tbl").collect();
    assert_eq!(tables.len(), 2, "the activities, then the meetings against the charter");
    let header = children(tables[0], "tr").next().unwrap();
    assert_eq!(
        children(header, "tc").map(text).collect::<Vec<_>>(),
        ["№ п/п", "Мероприятие", "Срок", "Ответственные", "Отметка о выполнении"]
    );
    assert!(header.descendants().any(|n| is(&n, "tblHeader")));
    let row = |number: &str| {
        children(tables[0], "tr")
            .map(|r| children(r, "tc").map(text).collect::<Vec<_>>())
            .find(|cells| cells.first().map(String::as_str) == Some(number))
            .unwrap()
    };
    // Held, but late: a broken rule is «не выполнено».
    assert_eq!(row("1.1")[4], "не выполнено\nпроведено: 14.03.2019 (протокол № 1); 02.10.2019 (протокол № 2)");
    assert_eq!(
        row("3.1")[4],
        "выполнено\nпроведено: 19.04.2019\nрезультат: Проведено 14 уроков в 9 школах Смоленска и Вязьмы"
    );
    assert_eq!(row("4.2")[4], "отменено\nпричина: игра перенесена организатором на 2020 год");
    assert_eq!(row("2.2")[4], "нет отметки\nсрок истёк 31.05.2019");

    // The council met on 02.10.2019, 18 days after its due date 14.09.2019.
    let meetings: Vec<Vec<String>> = children(tables[1], "tr").map(|r| children(r, "tc").map(text).collect()).collect();
    assert_eq!(meetings[0], ["№ п/п", "Орган и требование", "Проведено", "Требуется", "Нарушения"]);
    assert_eq!(meetings[1][2..4], ["2", "2"]);
    assert_eq!(meetings[1][4], "заседание 02.10.2019 проведено с опозданием на 18 дней: срок был 14.09.2019");

    // The totals and the signature are kept together: each paragraph keeps with the next.
    let totals = paragraphs.iter().position(|p| p == "Итоги").unwrap();
    assert!(paragraphs[totals..].iter().any(|p| p == "Всего мероприятий: 23"));
    let kept: Vec<bool> =
        children(body, "p").skip(totals).map(|p| p.descendants().any(|n| is(&n, "keepNext"))).collect();
    assert!(kept[..kept.len() - 1].iter().all(|k| *k), "{kept:?}");
    assert_eq!(paragraphs.last().unwrap(), "Председатель Президиума РС ВСМС  ____________  И. И. Иванов");
}

#[test]
fn a_docx_is_not_written_to_a_terminal_but_is_to_a_pipe() {
    // Piped (as here), standard output takes the zip.
    let output = plan_file(&fixture("council-2019.toml")).args(["export", "docx"]).output().unwrap();
    assert!(output.status.success());
    assert!(output.stdout.starts_with(b"PK\x03\x04"));
}

/// With `LibreOffice` installed: the files open and convert, page by page, with their text.
#[test]
fn libreoffice_converts_both_documents_to_pdf() {
    let found = |tool: &str| Process::new(tool).arg("--version").output().is_ok_and(|o| o.status.success());
    if !found("soffice") || Process::new("pdftotext").arg("-v").output().is_err() {
        crate::common::cannot_run_without(
            "soffice and pdftotext (apt-get install libreoffice-writer-nogui poppler-utils)",
        );
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let plan = docx(dir.path(), "plan.docx", &["--lang", "ru", "export", "docx"]);
    let report =
        docx(dir.path(), "report.docx", &["--lang", "ru", "--as-of", "2019-12-31", "report", "--format", "docx"]);
    let status = Process::new("soffice")
        .args(["--headless", "--convert-to", "pdf", "--outdir"])
        .arg(dir.path())
        .arg(&plan)
        .arg(&report)
        .env("HOME", dir.path())
        .output()
        .unwrap();
    assert!(status.status.success(), "{}", String::from_utf8_lossy(&status.stderr));
    let pdf_text = |name: &str| {
        let out = Process::new("pdftotext").args(["-layout"]).arg(dir.path().join(name)).arg("-").output().unwrap();
        String::from_utf8(out.stdout).unwrap()
    };
    let plan_text = pdf_text("plan.pdf");
    let pages: Vec<&str> = plan_text.split('\u{c}').filter(|p| !p.trim().is_empty()).collect();
    // Two or three pages, by the fonts installed; rows are never split, so a page may end early.
    assert!(pages.len() >= 2, "{plan_text}");
    for (i, page) in pages.iter().enumerate() {
        assert!(page.contains("Ответственные"), "the header row repeats on page {}", i + 1);
        assert!(page.trim_end().ends_with(&(i + 1).to_string()), "page {} ends with its number", i + 1);
    }
    assert!(pages[0].contains("УТВЕРЖДЁН"));
    assert!(pages[pages.len() - 1].contains("И. И. Иванов"));
    let report_text = pdf_text("report.pdf");
    assert!(report_text.contains("за 2019 год"));
    assert!(report_text.contains("Всего мероприятий: 23"));
    // The totals and the signature share the last page.
    let last = report_text.split('\u{c}').rfind(|p| !p.trim().is_empty()).unwrap();
    assert!(last.contains("Итоги") && last.contains("И. И. Иванов"), "{last}");
}

#[test]
fn text_from_the_plan_is_escaped_into_well_formed_xml() {
    let plan = "[plan]\ntitle = \"План <w:p> & \\u001B[2J \\u0007\"\nyear = 2019\n\
                [plan.signature]\nposition = \"Председатель </w:t>\"\nname = \"И. И. \\u0000Иванов\"\n\
                [parties.p]\nname = \"P\"\n[[section]]\ntitle = \"Раздел\"\n\
                [[section.activity]]\ntitle = \"Строка\\nвторая\"\nwhen = \"апрель\"\nresponsible = [\"p\"]\n";
    let (dir, path) = crate::common::temp_plan(plan);
    let out = dir.path().join("plan.docx");
    plan_file(&path).args(["export", "docx", "-o"]).arg(&out).assert().success();
    let xml = part(&out, "word/document.xml");
    let doc = roxmltree::Document::parse(&xml).expect("well-formed XML");
    assert!(!xml.chars().any(|c| c.is_control() && c != '\n'), "no raw control characters");
    let texts: String = doc.descendants().filter(|n| is(n, "t")).filter_map(|t| t.text()).collect();
    assert!(texts.contains("План <w:p> & \\u{1b}[2J \\u{7}"), "{texts}");
    assert!(texts.contains("Председатель </w:t>  ____________  И. И. \\u{0}Иванов"), "{texts}");
    // A newline in the text is a line break in its cell, not a lost character.
    let title = doc.descendants().find(|n| is(n, "t") && n.text() == Some("Строка")).unwrap();
    assert!(title.parent().unwrap().children().any(|n| is(&n, "br")));
}

/// Run under `script`, which gives the command a terminal: a .docx is refused there, with exit 2.
#[test]
fn a_docx_to_a_terminal_is_refused_with_exit_2() {
    if Process::new("script").arg("--version").output().is_err() {
        crate::common::cannot_run_without("`script` (util-linux)");
        return;
    }
    let plan = env!("CARGO_BIN_EXE_plan");
    let fixture = crate::common::root().join(fixture("council-2019.toml"));
    for args in ["export docx", "report --format docx"] {
        let command = format!("{plan} --color never --lang en -f {} {args}", fixture.display());
        let output = Process::new("script").args(["-qec", &command, "/dev/null"]).output().unwrap();
        let text = String::from_utf8_lossy(&output.stdout);
        assert_eq!(output.status.code(), Some(2), "{args}: {text}");
        assert!(text.contains("error: a .docx file is not for the terminal"), "{args}: {text}");
        assert!(!text.contains("PK"), "{args}: nothing of the zip is written");
    }
}

#[test]
fn the_last_rows_of_the_report_and_the_plan_keep_with_the_totals_and_the_signature() {
    let dir = tempfile::tempdir().unwrap();
    for (name, args) in [
        ("report.docx", &["--lang", "ru", "--as-of", "2019-12-31", "report", "--format", "docx"][..]),
        ("plan.docx", &["--lang", "ru", "export", "docx"][..]),
    ] {
        let path = docx(dir.path(), name, args);
        let xml = part(&path, "word/document.xml");
        let doc = roxmltree::Document::parse(&xml).unwrap();
        let body = doc.descendants().find(|n| is(n, "body")).unwrap();
        let last_table = children(body, "tbl").last().unwrap();
        let rows: Vec<_> = children(last_table, "tr").collect();
        let keeps = |row: &roxmltree::Node| {
            row.descendants().filter(|n| is(n, "p")).all(|p| p.descendants().any(|n| is(&n, "keepNext")))
        };
        let unsplit = |row: &roxmltree::Node| row.descendants().any(|n| is(&n, "cantSplit"));
        // The last two rows go with what follows (the totals, the signature), whole.
        for row in &rows[rows.len() - 2..] {
            assert!(keeps(row) && unsplit(row), "{name}: {}", text(*row));
        }
        // The rows before them may stay behind on their page.
        assert!(!keeps(&rows[rows.len() - 3]), "{name}");
        // After the table, every paragraph but the signature keeps with the next.
        let after: Vec<_> = body.children().skip_while(|n| *n != last_table).skip(1).filter(|n| is(n, "p")).collect();
        let (signature, before) = after.split_last().unwrap();
        assert_eq!(text(*signature), "Председатель Президиума РС ВСМС  ____________  И. И. Иванов", "{name}");
        assert!(before.iter().all(|p| p.descendants().any(|n| is(&n, "keepNext"))), "{name}");
    }
}
