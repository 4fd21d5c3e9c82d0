//! `plan import` of plans as other bodies write them (`tests/docx_support/layouts.rs`): each
//! document imported, loaded, and compared whole with the plan it holds, written out by hand.

use crate::docx_support::layouts;

type Builder = fn() -> Vec<u8>;

/// The layout documents, committed under tests/fixtures/docx/layouts.
pub(crate) const LAYOUTS: [(&str, Builder); 5] = [
    ("split-table.docx", layouts::split_table),
    ("date-heading.docx", layouts::date_heading),
    ("numbered-list.docx", layouts::numbered_list),
    ("quoted-commas.docx", layouts::quoted_commas),
    ("no-responsible.docx", layouts::no_responsible),
];

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::time::Duration;

use crate::common::{plan, root, run};
use crate::docx_support::{document, p, text};
use plan::i18n::Lang;
use plan::model::{self, Plan};

fn fixture(name: &str) -> PathBuf {
    Path::new("tests").join("fixtures").join("docx").join("layouts").join(name)
}

/// The committed layout fixtures are what their builders make (`UPDATE_FIXTURES=1` writes them),
/// so that the README's run and these tests read the same files.
#[test]
fn committed_layouts_are_what_the_builders_make() {
    for (name, build) in LAYOUTS {
        let path = root().join(fixture(name));
        let built = build();
        if std::env::var_os("UPDATE_FIXTURES").is_some() {
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(&path, &built).unwrap();
        }
        assert!(std::fs::read(&path).unwrap() == built, "{name} differs from its builder; run with UPDATE_FIXTURES=1");
    }
}

/// `plan import FIXTURE` (more arguments after it): exit code, the plan loaded, the file, stderr.
fn import(name: &str, more: &[&str]) -> (i32, Option<Plan>, String, String) {
    let (code, stdout, stderr) =
        run(plan().arg("import").arg(fixture(name)).args(more).timeout(Duration::from_secs(60)));
    let plan = (code == 0).then(|| match model::parse("imported.toml", stdout.as_bytes()) {
        Ok(plan) => plan,
        Err(invalid) => panic!("{invalid:?}\n{stdout}"),
    });
    (code, plan, stdout, stderr)
}

/// The whole plan, one line per fact: header, approval, signature, then each section and each
/// activity with its time, `period`, its parties as every printed form writes them, and the other
/// columns.
fn summary(plan: &Plan) -> String {
    let mut out = String::new();
    let organization = plan.organization.as_deref().unwrap_or("-");
    let _ = writeln!(out, "{} | {organization} | {}..{}", plan.title, plan.period.from, plan.period.to);
    let _ = match &plan.approval {
        Some(a) => writeln!(
            out,
            "approval: {} | {} | {}",
            a.by,
            a.date.map(|d| d.to_string()).unwrap_or_default(),
            a.number.as_deref().unwrap_or("")
        ),
        None => writeln!(out, "approval: -"),
    };
    let _ = match &plan.signature {
        Some(s) => writeln!(out, "signature: {} | {}", s.position, s.name),
        None => writeln!(out, "signature: -"),
    };
    for section in &plan.sections {
        let _ = writeln!(out, "# {}", section.title);
        for a in &section.activities {
            let period = a.period.as_deref().unwrap_or("-");
            let who = plan::render::responsible(plan, a, Lang::Ru);
            let _ = writeln!(out, "{} {} | {} | {period} | {who}", a.number, a.title, a.when);
            for (key, value) in [("partner", &a.partner), ("place", &a.place), ("note", &a.note), ("result", &a.result)]
            {
                if let Some(value) = value {
                    let _ = writeln!(out, "    {key}: {value}");
                }
            }
        }
    }
    out
}

/// Imports the fixture, compares the whole plan with `expected`; stderr for more checks.
fn expect(name: &str, expected: &str) -> String {
    let (code, plan, stdout, stderr) = import(name, &[]);
    assert_eq!(code, 0, "{stderr}");
    let got = summary(&plan.unwrap());
    assert!(got == expected, "got:\n{got}\nexpected:\n{expected}\nfile:\n{stdout}");
    stderr
}

#[test]
fn a_table_broken_across_pages_with_six_columns_imports_every_row_and_column() {
    let stderr = expect(
        "split-table.docx",
        "План работы Совета ветеранов на 2024 год | Совет ветеранов Кардымовского района | 2024-01-01..2024-12-31
approval: протоколом заседания Совета ветеранов | 2024-01-25 | 1
signature: Председатель Совета ветеранов | А. Е. Станчев
# Организационная работа
1.1 Заседание Совета ветеранов | ежеквартально | - | Председатель Совета
    place: г. Кардымово, ул. Ленина, 1
    result: выполнено
1.2 Приём граждан по личным вопросам | весь период | - | Станчев А.Е.
    place: г. Кардымово, ул. Ленина, 1
# Патриотическое воспитание
2.1 Уроки мужества в школах района | Апрель, май | - | Совет ветеранов, МБОУ «Кардымовская СШ»
    place: школы района
2.2 Акция «Бессмертный полк» | 09.05.2024 | - | Администрация района, Совет ветеранов (по согласованию)
    place: п. Кардымово
",
    );
    for line in [
        "column 1 «№ п/п» → the number (by its heading)",
        "column 3 «Срок исполнения» → the time (when) (by its heading)",
        "column 5 «Место проведения» → the place (place) (by its heading)",
        "column 6 «Отметка о выполнении» → the result (result) (by its heading)",
    ] {
        assert!(stderr.contains(line), "{line}\n{stderr}");
    }
}

#[test]
fn a_date_heading_five_columns_in_another_order_and_a_historical_year_in_the_title() {
    let stderr = expect(
        "date-heading.docx",
        "План мероприятий, посвящённых 80-летию Победы в Великой Отечественной войне 1941–1945 гг. | - | 2025-01-01..2025-12-31
approval: -
signature: -
# Без раздела
1.1 Конкурс чтецов «Строки, опалённые войной» | 15.04.2025 | - | Библиотека
    note: Примечание: для учащихся 5–9 классов
1.2 Выставка «Они сражались за Родину» | май 2025 | - | Библиотека, Совет ветеранов
1.3 Встречи с ветеранами | в дни школьных каникул | весь период | Совет ветеранов
",
    );
    assert!(stderr.contains("2025, the most common year of the times, taken"), "{stderr}");
    assert!(stderr.contains("row 4, column 2 «Дата»: the time «в дни школьных каникул» does not read"), "{stderr}");
    assert!(stderr.contains("column 5 «Примечание» → a note (note = «Примечание: …»)"), "{stderr}");
}

#[test]
fn a_plan_written_as_a_numbered_list_imports_with_a_signature() {
    let stderr = expect(
        "numbered-list.docx",
        "План работы профсоюзного комитета на 2024 год | Профсоюзный комитет МБОУ СШ № 2 | 2024-01-01..2024-12-31
approval: -
signature: Председатель профкома | Н. В. Смирнова
# Организационная работа
1.1 Заседание профкома | ежемесячно | - | Председатель профкома
1.2 Отчётное собрание | декабрь | - | Профком
# Культурно-массовая работа
2.1 Новогодний вечер для сотрудников | декабрь | - | Культмассовый сектор
2.2 Поздравление ветеранов педагогического труда | весь период | - | Профсоюзный комитет МБОУ СШ № 2
",
    );
    assert!(
        stderr.contains("row 4, column 1 «Мероприятия»: an item of a numbered list, read as an activity; time: «—»"),
        "{stderr}"
    );
}

#[test]
fn unfamiliar_headings_quoted_commas_by_agreement_and_a_two_year_period() {
    let stderr = expect(
        "quoted-commas.docx",
        "План работы администрации Заречного сельского поселения на 2024–2025 годы | - | 2024-01-01..2025-12-31
approval: -
signature: -
# Работа с населением
1.1 Сходы граждан в населённых пунктах | весь период | - | Администрация поселения
1.2 Работа с обращениями граждан | весь период | - | МКУ «Центр обслуживания, учёта и отчётности»
# Благоустройство
2.1 Субботники по уборке территории | апрель | - | Администрация поселения, ТОС «Заречье» (по согласованию)
2.2 Обустройство детской площадки | II квартал | - | Администрация поселения, Совет депутатов (по согласованию)
",
    );
    for line in [
        "column 1 «Виды работ» → the activity (title) (by its content)",
        "column 3 «Участники» → the responsible parties (by its content)",
        "an approval block without a date, not written as [plan.approval]: «УТВЕРЖДАЮ Глава муниципального образования",
    ] {
        assert!(stderr.contains(line), "{line}\n{stderr}");
    }
}

#[test]
fn no_title_and_no_responsible_column_are_never_a_refusal() {
    let stderr = expect(
        "no-responsible.docx",
        "План работы | - | 2024-01-01..2024-12-31
approval: -
signature: Директор МБУК «ЦБС» | О. В. Петрова
# Массовые мероприятия
1.1 День открытых дверей | март 2024 | - | Директор МБУК «ЦБС»
1.2 Неделя детской книги | 25.03.2024 – 31.03.2024 | - | Директор МБУК «ЦБС»
1.3 Летние чтения | июнь, август | - | Директор МБУК «ЦБС»
",
    );
    assert!(stderr.contains("no title above the table; «План работы» written (give one with `--title`)"), "{stderr}");
    assert!(
        stderr.contains("every activity is the responsibility of «Директор МБУК «ЦБС»», the signer's position"),
        "{stderr}"
    );
    // `--title` and `--year` are the user's word over the document's.
    let (code, plan, _, stderr) =
        import("no-responsible.docx", &["--title", "План работы библиотеки", "--year", "2024"]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(plan.unwrap().title, "План работы библиотеки");
    assert!(!stderr.contains("no title"), "{stderr}");
}

#[test]
fn without_a_year_anywhere_the_import_asks_for_year() {
    let docx = document(
        &[p("План работы")],
        &[
            vec![text("Мероприятия"), text("Срок"), text("Ответственные")],
            vec![text("Собрание"), text("март"), text("Совет")],
        ],
        &[],
    );
    let (_dir, path) = written(&docx);
    let (code, stdout, stderr) = run(plan().arg("import").arg(&path));
    assert_eq!((code, stdout.as_str()), (2, ""), "{stderr}");
    assert!(stderr.contains("neither the title nor the times name the plan's year"), "{stderr}");
    assert!(stderr.contains(&format!("plan import \"{}\" --year 2024", path.display())), "{stderr}");
    let (code, stdout, stderr) = run(plan().arg("import").arg(&path).args(["--year", "2023"]));
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("year = 2023\n"), "{stdout}");
}

/// Every layout imports to a plan that loads and whose `list --format json` has exactly the
/// document's activity rows, in order (counted by hand from the builders).
#[test]
fn every_layout_imports_every_row_of_its_document() {
    let rows: [(&str, &[&str]); 5] = [
        (
            "split-table.docx",
            &[
                "Заседание Совета ветеранов",
                "Приём граждан по личным вопросам",
                "Уроки мужества в школах района",
                "Акция «Бессмертный полк»",
            ],
        ),
        (
            "date-heading.docx",
            &[
                "Конкурс чтецов «Строки, опалённые войной»",
                "Выставка «Они сражались за Родину»",
                "Встречи с ветеранами",
            ],
        ),
        (
            "numbered-list.docx",
            &[
                "Заседание профкома",
                "Отчётное собрание",
                "Новогодний вечер для сотрудников",
                "Поздравление ветеранов педагогического труда",
            ],
        ),
        (
            "quoted-commas.docx",
            &[
                "Сходы граждан в населённых пунктах",
                "Работа с обращениями граждан",
                "Субботники по уборке территории",
                "Обустройство детской площадки",
            ],
        ),
        ("no-responsible.docx", &["День открытых дверей", "Неделя детской книги", "Летние чтения"]),
    ];
    assert_eq!(rows.len(), LAYOUTS.len());
    for (name, titles) in rows {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("plan.toml");
        let (code, _, stderr) = run(plan().arg("import").arg(fixture(name)).arg("-o").arg(&out));
        assert_eq!(code, 0, "{name}: {stderr}");
        let (code, json, stderr) = run(plan().arg("--file").arg(&out).args(["list", "--format", "json"]));
        assert_eq!(code, 0, "{name}: {stderr}");
        let listed: Vec<serde_json::Value> = serde_json::from_str(&json).unwrap();
        let listed: Vec<&str> = listed.iter().map(|a| a["title"].as_str().unwrap()).collect();
        assert_eq!(listed, titles, "{name}");
    }
}

/// `LibreOffice`'s `soffice`, which CI installs (`.ci/run`); these tests need it.
fn soffice() -> PathBuf {
    let found = std::env::split_paths(&std::env::var_os("PATH").unwrap_or_default())
        .map(|dir| dir.join("soffice"))
        .find(|candidate| candidate.is_file());
    found.expect("LibreOffice's `soffice` on PATH (CI installs it)")
}

/// A .odt, .rtf and .doc made by `LibreOffice` from the split table import through `LibreOffice`
/// to the same plan as the .docx, and leave no temporary folder behind.
#[test]
fn odt_rtf_and_doc_import_through_libreoffice_to_the_same_plan() {
    let soffice = soffice();
    let work = tempfile::tempdir().unwrap();
    let profile = format!("-env:UserInstallation=file://{}", work.path().join("profile").display());
    let (_, expected, _) = run(plan().arg("import").arg(fixture("split-table.docx")));
    for format in ["odt", "rtf", "doc"] {
        let made = std::process::Command::new(&soffice)
            .arg(&profile)
            .args(["--headless", "--convert-to", format, "--outdir"])
            .arg(work.path())
            .arg(root().join(fixture("split-table.docx")))
            .output()
            .unwrap();
        let converted = work.path().join(format!("split-table.{format}"));
        assert!(converted.is_file(), "{}", String::from_utf8_lossy(&made.stderr));
        let tmp = tempfile::tempdir().unwrap();
        let (code, stdout, stderr) =
            run(plan().arg("import").arg(&converted).env("TMPDIR", tmp.path()).timeout(Duration::from_secs(180)));
        assert_eq!(code, 0, "{format}: {stderr}");
        // The first line names the source file; the plan is the same.
        assert_eq!(stdout.split_once('\n').unwrap().1, expected.split_once('\n').unwrap().1, "{format}");
        assert_eq!(crate::common::names(tmp.path()), Vec::<String>::new(), "{format}: the temporary folder is left");
    }
}

/// A file `LibreOffice` converts to a document with no table says so, exit 2.
#[test]
fn a_conversion_that_yields_no_table_is_a_clear_error() {
    soffice();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("план на 2024 год.doc");
    std::fs::write(&path, b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1 not really an old Word file").unwrap();
    let (code, stdout, stderr) = run(plan().arg("import").arg(&path).timeout(Duration::from_secs(180)));
    assert_eq!((code, stdout.as_str()), (2, ""), "{stderr}");
    assert!(stderr.contains("has no plan table ("), "{stderr}");
    assert!(stderr.contains("and no numbered list (0 tables in the document)"), "{stderr}");
}

/// Without `LibreOffice`, the Russian hint gives the whole command with the path quoted.
#[test]
fn without_libreoffice_the_russian_hint_gives_the_whole_command() {
    let dir = tempfile::tempdir().unwrap();
    let long = "Очень длинное имя папки, в которой секретарь хранит планы других отделений за много лет";
    std::fs::create_dir(dir.path().join(long)).unwrap();
    let path = dir.path().join(long).join("план работы на 2024 год (итог).odt");
    std::fs::write(&path, build_odt()).unwrap();
    let (code, _, stderr) = run(plan()
        .args(["--lang", "ru", "import"])
        .arg(&path)
        .env("PATH", dir.path())
        .timeout(Duration::from_secs(20)));
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("чтобы его преобразовать, нужен LibreOffice (`soffice`), а его нет в PATH"), "{stderr}");
    let command = format!("soffice --headless --convert-to \"docx:MS Word 2007 XML\" '{}'", path.display());
    assert!(stderr.contains(&command), "{stderr}");
    let hint = stderr.lines().find(|l| l.starts_with("soffice ")).unwrap();
    assert!(!hint.contains('…'), "{stderr}");
}

/// The smallest .odt the import knows as one: a zip with `content.xml`.
fn build_odt() -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    zip.start_file("content.xml", zip::write::SimpleFileOptions::default()).unwrap();
    std::io::Write::write_all(&mut zip, b"<office:document-content/>").unwrap();
    zip.finish().unwrap().into_inner()
}

/// «(по согласованию)» after a name prints as the document wrote it in every printed form, and
/// `show` gives the place.
#[test]
fn by_agreement_prints_as_the_document_wrote_it_everywhere() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("plan.toml");
    let (code, _, stderr) = run(plan().arg("import").arg(fixture("split-table.docx")).arg("-o").arg(&file));
    assert_eq!(code, 0, "{stderr}");
    let marked = "Администрация района, Совет ветеранов (по согласованию)";
    let ru = |args: &[&str]| {
        let (code, stdout, stderr) = run(plan().args(["--lang", "ru", "--file"]).arg(&file).args(args));
        assert_eq!(code, 0, "{args:?}: {stderr}");
        stdout
    };
    assert!(ru(&["list"]).contains(marked));
    assert!(ru(&["table", "--format", "md"]).contains(marked));
    assert!(ru(&["export", "html"]).contains(marked));
    let docx = dir.path().join("plan.docx");
    ru(&["export", "docx", "-o", docx.to_str().unwrap()]);
    let bytes = std::fs::read(&docx).unwrap();
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut xml = String::new();
    std::io::Read::read_to_string(&mut archive.by_name("word/document.xml").unwrap(), &mut xml).unwrap();
    assert!(xml.contains(marked), "{xml}");
    let shown = ru(&["show", "1.1"]);
    assert!(shown.contains("место проведения") && shown.contains("г. Кардымово, ул. Ленина, 1"), "{shown}");
    let (_, english, _) = run(plan().args(["--lang", "en", "--file"]).arg(&file).arg("list"));
    assert!(english.contains("Администрация района, Совет ветеранов (if it agrees)"), "{english}");
}

/// A plan's table continued after a page break without its heading row, the second part starting
/// with the row of column numbers: every row is imported, the numbers are not an activity.
#[test]
fn a_continuation_without_headings_but_with_column_numbers_is_read_on() {
    use crate::docx_support::{Part, build};
    let first = vec![
        vec![text("№"), text("Мероприятие"), text("Срок"), text("Ответственный")],
        vec![text("1"), text("Собрание"), text("март"), text("Совет")],
    ];
    let second = vec![
        vec![text("1"), text("2"), text("3"), text("4")],
        vec![text("2"), text("Отчёт"), text("декабрь"), text("Совет")],
    ];
    let docx = build(&[Part::Para(p("План работы на 2024 год")), Part::Table(first), Part::Table(second)]);
    let (_dir, path) = written(&docx);
    let (code, stdout, stderr) = run(plan().arg("import").arg(&path));
    assert_eq!(code, 0, "{stderr}");
    let plan = model::parse("imported.toml", stdout.as_bytes()).unwrap();
    let titles: Vec<&str> = plan.activities().map(|(_, a)| a.title.as_str()).collect();
    assert_eq!(titles, ["Собрание", "Отчёт"]);
}

/// Times of several years, or of another year, in a one-year plan keep their wording and get
/// `period`, so the plan loads.
#[test]
fn times_beyond_a_one_year_plan_never_make_an_unloadable_file() {
    let docx = document(
        &[p("План работы на 2024 год")],
        &[
            vec![text("Мероприятия"), text("Срок"), text("Ответственные")],
            vec![text("Программа благоустройства"), text("2024–2026 гг."), text("Администрация")],
            vec![text("Отчёт за год"), text("январь 2025 г."), text("Администрация")],
            vec![text("Собрание"), text("март"), text("Администрация")],
        ],
        &[],
    );
    let (_dir, path) = written(&docx);
    let (code, stdout, stderr) = run(plan().arg("import").arg(&path));
    assert_eq!(code, 0, "{stderr}");
    let plan = model::parse("imported.toml", stdout.as_bytes()).unwrap();
    let whens: Vec<(&str, Option<&str>)> =
        plan.activities().map(|(_, a)| (a.when.as_str(), a.period.as_deref())).collect();
    assert_eq!(
        whens,
        [("2024–2026 гг.", Some("весь период")), ("январь 2025 г.", Some("весь период")), ("март", None)]
    );
}

/// The document written to `plan.docx` in a fresh folder (kept while the guard lives).
fn written(docx: &[u8]) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.docx");
    std::fs::write(&path, docx).unwrap();
    (dir, path)
}
