//! `plan import`: Word documents built with `docx-rust` (`tests/docx_support`) imported and checked
//! against what they hold; hostile documents refused cleanly.

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::io::{Cursor, Write};
use std::path::{Path, PathBuf};
use std::time::Duration;

use crate::common::{names, plan, run};
use plan::model::{self, Plan};

type Builder = fn() -> Vec<u8>;

/// An activity as the tests compare it: number and section, title, when, responsible, agreed, partner.
type Row<'p> = (String, &'p str, String, Vec<&'p str>, Vec<&'p str>, Option<&'p str>);

/// The committed fixtures, each with the function that builds it.
const FIXTURES: [(&str, Builder); 3] = [
    ("plan-2019.docx", crate::docx_support::plan_2019),
    ("numbered.docx", crate::docx_support::numbered),
    ("faulty.docx", crate::docx_support::faulty),
];

fn fixture(name: &str) -> PathBuf {
    Path::new("tests").join("fixtures").join("docx").join(name)
}

/// The fixtures under tests/fixtures/docx are what the builders make (`UPDATE_FIXTURES=1` writes
/// them anew), so the README's run and these tests read the same files.
#[test]
fn committed_fixtures_are_what_the_builders_make() {
    for (name, build) in FIXTURES {
        let path = crate::common::root().join(fixture(name));
        let built = build();
        if std::env::var_os("UPDATE_FIXTURES").is_some() {
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(&path, &built).unwrap();
        }
        assert!(std::fs::read(&path).unwrap() == built, "{name} differs from its builder; run with UPDATE_FIXTURES=1");
    }
}

/// The same documents opened and saved again by `LibreOffice` Writer 7.4, committed under
/// `tests/fixtures/docx/libreoffice` (made with `soffice --headless --convert-to docx`): Writer's
/// own XML (its styles, revision ids, its way of writing merges) imports to the same plan.
#[test]
fn documents_saved_again_by_libreoffice_import_to_the_same_plan() {
    for (name, _) in FIXTURES {
        let (code, ours, our_notes) = run(plan().arg("import").arg(fixture(name)));
        let resaved = fixture(&format!("libreoffice/{name}"));
        let (their_code, theirs, their_notes) = run(plan().arg("import").arg(&resaved));
        assert_eq!((code, their_code), (0, 0), "{our_notes}\n{their_notes}");
        assert_eq!(ours, theirs, "{name}");
        let path = |p: &Path| p.display().to_string();
        assert_eq!(our_notes.replace(&path(&fixture(name)), "FILE"), their_notes.replace(&path(&resaved), "FILE"));
    }
}

/// The 2019 document as another writer makes it: `libreoffice/plan-2019.html` (the source text's
/// structure as HTML: lists in cells, a cell over two rows for section 4's page break, rows across
/// the table) saved by `LibreOffice` Writer 7.4 as a Word 97 binary .doc, and that .doc converted to
/// .docx with the command `import` suggests for a .doc (`soffice --headless --convert-to docx`).
#[test]
fn the_2019_document_by_way_of_a_word_97_file_imports_to_the_shipped_plan() {
    let (code, stdout, stderr) = run(plan().arg("import").arg(fixture("libreoffice/plan-2019-via-doc.docx")));
    assert_eq!(code, 0, "{stderr}");
    assert_same_as_shipped(&parse(&stdout));
}

/// `plan import` of a .docx written to a temporary folder; the plan on stdout.
fn import(docx: &[u8]) -> (i32, String, String) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.docx");
    std::fs::write(&path, docx).unwrap();
    run(plan().arg("import").arg(&path).timeout(Duration::from_secs(20)))
}

fn parse(text: &str) -> Plan {
    match model::parse("imported.toml", text.as_bytes()) {
        Ok(plan) => plan,
        Err(invalid) => panic!("the imported plan does not load: {invalid:?}\n{text}"),
    }
}

/// The imported plan has the shipped plan's title, year, sections, activities (title, time,
/// responsible and agreed parties by name, partner) and parties, ids aside.
fn assert_same_as_shipped(imported: &Plan) {
    let shipped = model::load(&crate::common::root().join("plans/2019.toml"), "plans/2019.toml").unwrap();
    assert_eq!(imported.title, shipped.title);
    assert_eq!(imported.year, 2019);
    assert_eq!(imported.period, shipped.period);
    assert_eq!(imported.sections.len(), 7);
    assert_eq!(imported.activity_count(), 23);
    for (mine, theirs) in imported.sections.iter().zip(&shipped.sections) {
        assert_eq!(mine.title, theirs.title);
        assert_eq!(mine.activities.len(), theirs.activities.len(), "section {}", theirs.number);
        for (a, b) in mine.activities.iter().zip(&theirs.activities) {
            let number = b.number;
            assert_eq!(a.title, b.title, "{number}");
            assert_eq!(a.when, b.when, "{number}");
            assert_eq!(a.schedule, b.schedule, "{number}");
            let names = |plan: &Plan, parties: &[usize]| plan.names(parties).map(str::to_owned).collect::<Vec<_>>();
            assert_eq!(names(imported, &a.responsible), names(&shipped, &b.responsible), "{number}");
            assert_eq!(names(imported, &a.agreed_with), names(&shipped, &b.agreed_with), "{number}");
            // «по согласованию с Президиумом», as the document writes it: the form after «с» is kept
            // as the party's `agreed_form`, not only as an alias.
            let forms =
                |plan: &Plan, parties: &[usize]| plan.agreed_forms(parties).map(str::to_owned).collect::<Vec<_>>();
            assert_eq!(forms(imported, &a.agreed_with), forms(&shipped, &b.agreed_with), "{number}");
            assert_eq!(a.partner, b.partner, "{number}");
            assert_eq!((a.held.len(), a.planned.len(), a.status, a.note.as_deref()), (0, 0, b.status, None));
        }
    }
    let party_names = |plan: &Plan| plan.parties.iter().map(|p| p.name.clone()).collect::<BTreeSet<_>>();
    assert_eq!(party_names(imported), party_names(&shipped));
}

#[test]
fn the_2019_document_imports_to_the_shipped_plan() {
    let (code, stdout, stderr) = import(&crate::docx_support::plan_2019());
    assert_eq!(code, 0, "{stderr}");
    assert_same_as_shipped(&parse(&stdout));
    // The merges and the page break are read, and said: the joined row, the mended word, the short name.
    assert!(
        stderr.contains(
            "row 13, column 1 «Мероприятия»: «общественными организациями, ассоциациями» continues the activity above"
        ),
        "{stderr}"
    );
    assert!(stderr.contains("«семинара- совещания» read as «семинара-совещания»"), "{stderr}");
    assert!(stderr.contains("«Члены РО» taken as «члены РО ВСМС»"), "{stderr}");
    assert!(stderr.contains("prezidium-rs-vsms        Президиум РС ВСМС (also written «Президиумом»)"), "{stderr}");
    assert!(
        stdout.contains(
            "# проверьте: строка 13, столбец 1 «Мероприятия»: «общественными организациями, ассоциациями» продолжает"
        ),
        "{stdout}"
    );
}

#[test]
fn a_numbered_table_with_spanning_section_rows_and_list_items() {
    let (code, stdout, stderr) = import(&crate::docx_support::numbered());
    assert_eq!(code, 0, "{stderr}");
    let plan = parse(&stdout);
    assert_eq!(plan.title, "ПЛАН РАБОТЫ на 2020 год");
    assert_eq!(plan.organization.as_deref(), Some("Смоленское отделение"));
    assert_eq!(plan.year, 2020);
    let rows: Vec<Row> = plan
        .activities()
        .map(|(s, a)| {
            (
                format!("{} {}", a.number, s.title),
                a.title.as_str(),
                a.when.clone(),
                plan.names(&a.responsible).collect(),
                plan.names(&a.agreed_with).collect(),
                a.partner.as_deref(),
            )
        })
        .collect();
    assert_eq!(
        rows,
        [
            ("1.1 Заседания".into(), "Заседание совета", "ежеквартально".into(), vec!["Совет"], vec![], None),
            (
                "1.2 Заседания".into(),
                "Заседание президиума",
                "ежеквартально".into(),
                vec!["Президиум", "Совет"],
                vec![],
                None
            ),
            (
                "2.1 Мероприятия".into(),
                "Семинар для глав поселений",
                "март".into(),
                vec!["Президиум"],
                vec!["Совет"],
                None
            ),
            (
                "2.2 Мероприятия".into(),
                "Конкурс проектов",
                "I квартал".into(),
                vec!["Президиум"],
                vec!["Совет"],
                Some("Администрация области")
            ),
        ]
    );
    // The merged time is given once, by the section.
    assert!(stdout.contains("[[section]]\ntitle = \"Заседания\"\nwhen = \"ежеквартально\"\n"), "{stdout}");
    assert!(!stdout.contains("\n# проверьте:"), "{stdout}");
}

#[test]
fn faults_are_told_with_row_and_column_and_the_plan_still_loads() {
    let (code, stdout, stderr) = import(&crate::docx_support::faulty());
    assert_eq!(code, 0, "{stderr}");
    let plan = parse(&stdout);
    assert_eq!(plan.activity_count(), 8);
    for expected in [
        "row 3, column 2 «Время проведения»: the time «в течении года» does not read",
        "row 4, column 2 «Время проведения»: no time for 2 items; «весь период» written",
        "row 5, column 2 «Время проведения»: 3 items but 2 times",
        "row 6, column 1 «Мероприятия»: 2 paragraphs without list marks, each read as an activity",
    ] {
        assert!(stderr.contains(expected), "{expected}\n{stderr}");
    }
    assert!(
        stdout.contains("# проверьте: строка 3, столбец 2 «Время проведения»: время «в течении года» не читается"),
        "{stdout}"
    );
    // The document's wording stays in `when`; `period` gives the dates.
    assert!(stdout.contains("when = \"в течении года\"\nperiod = \"весь период\""), "{stdout}");
    let whens: Vec<&str> = plan.activities().map(|(_, a)| a.when.as_str()).collect();
    assert_eq!(whens, ["в течении года", "весь период", "весь период", "май", "июнь", "весь период", "май", "май"]);
}

/// Escape sequences, bidi overrides and NUL in every cell and in the title: the plan file keeps
/// the text (escaped as TOML wants), and nothing raw reaches the terminal.
#[test]
fn hostile_text_in_the_document_is_escaped() {
    const NASTY: &str = "\u{1b}[2J\u{1b}]0;owned\u{7}\u{8}\r\u{202e}evil\u{2066}\u{7f}\u{9b}6n";
    let nasty = |text: &str| format!("{text} {NASTY}");
    let header = vec![
        crate::docx_support::text("Мероприятия"),
        crate::docx_support::text("Время проведения"),
        crate::docx_support::text("Ответственные"),
    ];
    let rows = vec![
        header,
        vec![
            crate::docx_support::cell(vec![crate::docx_support::b(&nasty("Раздел"))]),
            crate::docx_support::empty(),
            crate::docx_support::empty(),
        ],
        vec![
            crate::docx_support::text(&nasty("Собрание")),
            crate::docx_support::text(&nasty("апрель")),
            crate::docx_support::text(&nasty("Совет")),
        ],
        vec![
            crate::docx_support::text(&nasty("- семинар- совещание")),
            crate::docx_support::text("май"),
            crate::docx_support::text(&nasty("Совет по согласованию с Президиумом")),
        ],
    ];
    let docx = crate::docx_support::document(&[crate::docx_support::p(&nasty("План на 2019 год"))], &rows, &[]);
    for lang in ["en", "ru"] {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("plan.docx");
        std::fs::write(&path, &docx).unwrap();
        let (code, stdout, stderr) = run(plan().args(["--lang", lang, "import"]).arg(&path));
        assert_eq!(code, 0, "{stderr}");
        let plan = parse(&stdout);
        assert!(plan.title.contains("\u{202e}evil"), "{}", plan.title);
        for (name, text) in [("stdout", &stdout), ("stderr", &stderr)] {
            let raw: Vec<char> = text
                .chars()
                .filter(|&c| {
                    (c.is_control() && c != '\n') || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
                })
                .collect();
            assert!(raw.is_empty(), "{lang} {name}: {raw:?}\n{text}");
        }
        assert!(stderr.contains("\\u{1b}"), "{stderr}");
    }
}

#[test]
fn output_goes_to_a_new_file_and_never_over_an_existing_one() {
    let dir = tempfile::tempdir().unwrap();
    let docx = dir.path().join("plan.docx");
    std::fs::write(&docx, crate::docx_support::plan_2019()).unwrap();
    let target = dir.path().join("2019.toml");
    let (code, stdout, stderr) = run(plan().arg("import").arg(&docx).arg("-o").arg(&target));
    assert_eq!((code, stdout.as_str()), (0, ""), "{stderr}");
    assert!(stderr.contains("2019.toml` from"), "{stderr}");
    let written = std::fs::read_to_string(&target).unwrap();
    parse(&written);
    let (code, _, stderr) = run(plan().arg("import").arg(&docx).arg("-o").arg(&target));
    assert_eq!(code, 2);
    assert!(stderr.contains("already exists; `plan import` never overwrites a file"), "{stderr}");
    assert_eq!(std::fs::read_to_string(&target).unwrap(), written);
    assert_eq!(names(dir.path()), ["2019.toml", "plan.docx"]);
}

// ----- hostile documents: a clear error, exit 2, quickly -----

fn refused(docx: &[u8], expected: &str) {
    // Without LibreOffice on PATH, so that a .doc or .odt is refused with the hint, not converted.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.docx");
    std::fs::write(&path, docx).unwrap();
    let (code, stdout, stderr) =
        run(plan().arg("import").arg(&path).env("PATH", dir.path()).timeout(Duration::from_secs(20)));
    assert_eq!(code, 2, "{stderr}");
    assert_eq!(stdout, "");
    assert!(stderr.starts_with("error: "), "{stderr}");
    assert!(stderr.contains(expected), "{expected}\n{stderr}");
    assert!(stderr.contains("= help: "), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
}

/// A zip with these entries, deflated.
fn zip_of(entries: &[(&str, &[u8])]) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    for (name, content) in entries {
        zip.start_file(*name, options).unwrap();
        zip.write_all(content).unwrap();
    }
    zip.finish().unwrap().into_inner()
}

#[test]
fn not_a_zip_is_refused() {
    refused(b"This is a plain text file, not a Word document.\n", "is not a .docx file");
    refused(
        b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\0\0\0\0",
        "is an old Word 97\u{2013}2003 document (.doc); converting it needs LibreOffice (`soffice`), which is not on PATH",
    );
}

#[test]
fn a_zip_bomb_is_refused_at_the_cap() {
    // 24 MiB of spaces deflate to about 24 KiB; the reader stops after 16 MiB, whatever the
    // archive's header says.
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .compression_level(Some(1));
    zip.start_file("word/document.xml", options).unwrap();
    let chunk = vec![b' '; 1 << 20];
    for _ in 0..24 {
        zip.write_all(&chunk).unwrap();
    }
    let bomb = zip.finish().unwrap().into_inner();
    assert!(bomb.len() < 1 << 20, "{}", bomb.len());
    refused(&bomb, "unpacks to more than 16777216 bytes");
}

#[test]
fn a_zip_bomb_that_understates_its_size_is_refused() {
    // The archive says the document is 1,000 bytes; it unpacks to 24 MiB. The size that counts is
    // the one measured while unpacking.
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .compression_level(Some(1));
    zip.start_file("word/document.xml", options).unwrap();
    let chunk = vec![b' '; 1 << 20];
    for _ in 0..24 {
        zip.write_all(&chunk).unwrap();
    }
    let mut bomb = zip.finish().unwrap().into_inner();
    let size = u32::try_from(24 << 20).unwrap().to_le_bytes();
    let lie = 1000_u32.to_le_bytes();
    let mut patched = 0;
    for (signature, offset) in [(b"PK\x03\x04", 22), (b"PK\x01\x02", 24)] {
        let at = bomb.windows(4).position(|w| w == signature).unwrap();
        assert_eq!(bomb[at + offset..at + offset + 4], size);
        bomb[at + offset..at + offset + 4].copy_from_slice(&lie);
        patched += 1;
    }
    assert_eq!(patched, 2);
    let (code, stdout, stderr) = import(&bomb);
    assert_eq!((code, stdout.as_str()), (2, ""), "{stderr}");
    assert!(stderr.starts_with("error: ") && stderr.contains("= help: "), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
}

#[test]
fn a_billion_laughs_is_refused() {
    let mut xml = String::from("<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n<!ENTITY lol \"lol\">\n");
    for i in 1..10 {
        let previous = if i == 1 { "lol".to_owned() } else { format!("lol{}", i - 1) };
        let _ = writeln!(xml, "<!ENTITY lol{i} \"{}\">", format!("&{previous};").repeat(10));
    }
    xml.push_str("]>\n<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>");
    refused(&zip_of(&[("word/document.xml", xml.as_bytes())]), "declares a DTD");
}

#[test]
fn a_table_of_ten_thousand_rows_is_refused() {
    let header = vec![
        crate::docx_support::text("Мероприятия"),
        crate::docx_support::text("Время проведения"),
        crate::docx_support::text("Ответственные"),
    ];
    let mut rows = vec![header];
    for i in 0..10_000 {
        rows.push(vec![
            crate::docx_support::text(&format!("Мероприятие {i}")),
            crate::docx_support::text("апрель"),
            crate::docx_support::text("Президиум"),
        ]);
    }
    let docx = crate::docx_support::document(&[crate::docx_support::p("План на 2019 год")], &rows, &[]);
    refused(&docx, "the plan's table has 10001 rows, the limit is 2000");
}

#[test]
fn a_document_without_the_plan_table_is_refused() {
    let rows = vec![vec![crate::docx_support::text("Фамилия"), crate::docx_support::text("Телефон")]];
    let docx = crate::docx_support::document(&[crate::docx_support::p("Список членов")], &rows, &[]);
    refused(
        &docx,
        "has no plan table (activities, times and parties, under these or other headings: «Мероприятия», «Срок», «Ответственные»…) and no numbered list (1 table in the document",
    );
    let no_table = zip_of(&[(
        "word/document.xml",
        b"<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p/></w:body></w:document>",
    )]);
    refused(&no_table, "(0 tables in the document)");
}

#[test]
fn a_zip_that_is_not_a_word_document_is_refused() {
    refused(&zip_of(&[("xl/workbook.xml", b"<workbook/>")]), "it has no `word/document.xml`");
    refused(
        &zip_of(&[("content.xml", b"<office:document-content/>")]),
        "is an OpenDocument text (.odt); converting it needs LibreOffice",
    );
}

#[test]
fn notes_are_russian_with_lang_ru_and_quiet_keeps_only_the_guesses() {
    let path = fixture("plan-2019.docx");
    let (code, _, stderr) = run(plan().args(["--lang", "ru", "import"]).arg(&path));
    assert_eq!(code, 0, "{stderr}");
    let shown = path.display();
    assert!(stderr.contains(&format!("{shown}: проверьте: строка 8, столбец 1 «Мероприятия»: «семинара- совещания» прочитано как «семинара-совещания»")), "{stderr}");
    assert!(stderr.contains(&format!("прочитан `{shown}`: 7 разделов, 23 мероприятия, 4 стороны")), "{stderr}");
    assert!(stderr.contains("3 места отмечены `# проверьте:` в файле"), "{stderr}");
    let (code, _, quiet) = run(plan().args(["--quiet", "import"]).arg(&path));
    assert_eq!(code, 0, "{quiet}");
    assert_eq!(quiet.lines().count(), 3, "{quiet}");
    assert!(quiet.lines().all(|l| l.contains(": check: row ")), "{quiet}");
}

#[test]
fn errors_are_russian_with_lang_ru() {
    let (code, _, stderr) = run(plan().args(["--lang", "ru", "import", "нет-такого.docx"]));
    assert_eq!(code, 2);
    assert!(stderr.contains("ошибка: не удаётся прочитать `нет-такого.docx`: нет такого файла"), "{stderr}");
}

#[test]
fn a_truncated_docx_is_called_truncated() {
    let whole = crate::docx_support::plan_2019();
    refused(&whole[..whole.len() / 2], "is a truncated zip archive");
    refused(&whole[..whole.len() - 8], "is a truncated zip archive");
}

#[cfg(unix)]
#[test]
fn a_fifo_is_refused_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("plan.docx");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status().unwrap();
    assert!(made.success());
    // Opening a FIFO for reading waits for a writer: the import must refuse before it opens it.
    let (code, stdout, stderr) = run(plan().arg("import").arg(&fifo).timeout(Duration::from_secs(20)));
    assert_eq!((code, stdout.as_str()), (2, ""), "{stderr}");
    assert!(stderr.contains("is not a regular file (a FIFO, a device or a socket)"), "{stderr}");
    let (code, _, stderr) = run(plan().arg("import").arg("/dev/zero").timeout(Duration::from_secs(20)));
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("is not a regular file"), "{stderr}");
}

/// A cell of plain paragraphs, for the documents built with `docx-rs` directly below.
fn docx_cell(text: &str) -> docx_rs::TableCell {
    docx_rs::TableCell::new().add_paragraph(docx_rs::Paragraph::new().add_run(docx_rs::Run::new().add_text(text)))
}

fn docx_row(cells: &[&str]) -> docx_rs::TableRow {
    docx_rs::TableRow::new(cells.iter().map(|c| docx_cell(c)).collect())
}

fn packed(docx: docx_rs::Docx) -> Vec<u8> {
    let mut written = Cursor::new(Vec::new());
    docx.build().pack(&mut written).unwrap();
    written.into_inner()
}

/// A table inside a cell of the plan's table: its rows are not lines of the cell, so the import
/// refuses with the row and column rather than make activities of them (or drop them) silently.
#[test]
fn a_table_inside_a_cell_of_the_plan_is_refused_with_its_place() {
    let inner = docx_rs::Table::new(vec![docx_row(&["Секция А", "10:00"]), docx_row(&["Секция Б", "12:00"])]);
    let table = docx_rs::Table::new(vec![
        docx_row(&["Мероприятия", "Срок", "Ответственные"]),
        docx_row(&["Собрание", "март", "Совет"]),
        docx_rs::TableRow::new(vec![docx_cell("Конференция").add_table(inner), docx_cell("май"), docx_cell("Совет")]),
    ]);
    let docx = packed(
        docx_rs::Docx::new()
            .add_paragraph(docx_rs::Paragraph::new().add_run(docx_rs::Run::new().add_text("План работы на 2024 год")))
            .add_table(table),
    );
    // The heading row is row 1: the conference is row 3, in the first column.
    refused(&docx, "row 3, column 1 of the plan's table holds a table of its own");
}

/// The plan's table put inside a one-cell frame table, as some offices lay out their pages: not
/// found as the plan's table, and the error says where it probably is.
#[test]
fn a_plan_table_inside_another_table_is_named_in_the_error() {
    let plan_table = docx_rs::Table::new(vec![
        docx_row(&["Мероприятия", "Срок", "Ответственные"]),
        docx_row(&["Собрание", "март", "Совет"]),
    ]);
    let frame = docx_rs::Table::new(vec![docx_rs::TableRow::new(vec![docx_cell("План").add_table(plan_table)])]);
    let docx = packed(docx_rs::Docx::new().add_table(frame));
    refused(&docx, "has no plan table of its own, but table 1 holds a table inside its row 1, column 1");
}

/// An empty file and a zip with only an empty document: exit 2 with what was found.
#[test]
fn an_empty_file_and_an_empty_document_are_refused() {
    refused(b"", "is not a .docx file");
    refused(&packed(docx_rs::Docx::new()), "no numbered list (0 tables in the document)");
}

/// A cell of a million characters (the document under the size limits) imports in bounded time,
/// its text whole in the title.
#[test]
fn a_huge_cell_imports_whole_in_bounded_time() {
    let huge = "длинный текст ".repeat(75_000);
    let table = docx_rs::Table::new(vec![
        docx_row(&["Мероприятия", "Срок", "Ответственные"]),
        docx_row(&[&huge, "март", "Совет"]),
    ]);
    let docx = packed(
        docx_rs::Docx::new()
            .add_paragraph(docx_rs::Paragraph::new().add_run(docx_rs::Run::new().add_text("План работы на 2024 год")))
            .add_table(table),
    );
    let started = std::time::Instant::now();
    let (code, stdout, stderr) = import(&docx);
    assert_eq!(code, 0, "{stderr}");
    assert!(started.elapsed() < Duration::from_secs(20), "{:?}", started.elapsed());
    let plan = parse(&stdout);
    let titles: Vec<usize> = plan.activities().map(|(_, a)| a.title.chars().count()).collect();
    // 75,000 times 14 characters, the last space trimmed.
    assert_eq!(titles, [75_000 * 14 - 1]);
}
