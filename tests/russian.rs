//! Russian throughout (spec §6): under `--lang ru` no Latin word is printed except what may stay
//! Latin — names of commands, flags and environment variables, the values a user types (ids,
//! formats, file paths, whole example command lines), the finding codes in brackets, text in
//! backticks (keys and values as the file writes them), and data from the plan file itself.
//!
//! The test walks every command's `-h` and `--help`, the manual page, every argument error that
//! clap can give here, every broken plan of `tests/hostile/` and every text format.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use crate::common::{plan, run};

/// Names of formats, programs and standards that Russian text writes in Latin letters too.
const NAMES: &[&str] = &[
    "TOML",
    "JSON",
    "Schema",
    "UTF-8",
    "UTF-16",
    "NUL",
    "git",
    "diff",
    "Markdown",
    "Word",
    "LibreOffice",
    "Writer",
    "zip",
    "HTML",
    "iCalendar",
    "RFC",
    "A4",
    "Taplo",
    "Even",
    "Better",
    "stderr",
    "roff",
    "pre-commit",
    "LC_ALL",
    "LC_MESSAGES",
    "LANG",
    "NO_COLOR",
    "PLAN_FILE",
    "PLAN_LANG",
    "COMPLETE",
];

/// Every word a user may type: command names, long flags, possible values, from the CLI itself.
fn typed_words() -> BTreeSet<String> {
    fn walk(command: &clap::Command, words: &mut BTreeSet<String>) {
        words.insert(command.get_name().to_lowercase());
        for arg in command.get_arguments() {
            words.extend(arg.get_long().map(str::to_owned));
            words.extend(arg.get_possible_values().iter().map(|v| v.get_name().to_owned()));
        }
        for sub in command.get_subcommands() {
            walk(sub, words);
        }
    }
    let mut words = BTreeSet::new();
    walk(&plan::help::command(plan::i18n::Lang::Ru), &mut words);
    words.extend(NAMES.iter().map(|w| w.to_lowercase()));
    words
}

/// The Latin words of one file's text: its data may appear anywhere in the output.
fn file_words(path: &Path) -> BTreeSet<String> {
    let text = std::fs::read(path).map(|b| String::from_utf8_lossy(&b).into_owned()).unwrap_or_default();
    // Comments are not data: an English comment must not let English words through.
    let data: Vec<&str> = text.lines().map(without_comment).collect();
    latin_words(&data.join("\n")).into_iter().map(str::to_lowercase).collect()
}

/// A TOML line up to its `#` comment (a `#` inside quotes is text).
fn without_comment(line: &str) -> &str {
    let mut quote = None;
    for (at, c) in line.char_indices() {
        match (c, quote) {
            ('"' | '\'', None) => quote = Some(c),
            (c, Some(q)) if c == q => quote = None,
            ('#', None) => return &line[..at],
            _ => {}
        }
    }
    line
}

/// The words of `text` that start with a Latin letter (`U+001B` gives `U`, not `001B`).
fn latin_words(text: &str) -> Vec<&str> {
    text.split(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '-'))
        .map(|w| w.trim_matches('-'))
        .filter(|w| w.starts_with(|c: char| c.is_ascii_alphabetic()))
        .collect()
}

/// `text` without what may stay Latin whatever it says: `quoted` parts, `[codes]` after the
/// severity, paths, the command part of example lines, HTML markup and style.
fn checked_part(line: &str) -> String {
    let mut line = line.to_owned();
    // An example: `  plan list --period апрель      что идёт в апреле`; only the description counts.
    let trimmed = line.trim_start();
    if ["plan ", "git ", "echo "].iter().any(|p| trimmed.starts_with(p)) {
        line = trimmed.split_once("   ").map(|(_, about)| about.to_owned()).unwrap_or_default();
    }
    // A line break inside a Markdown cell is markup.
    let line = line.replace("<br>", " ");
    let mut out = String::new();
    for (i, part) in line.split('`').enumerate() {
        if i % 2 == 0 {
            out.push_str(part);
            out.push(' ');
        }
    }
    out.split_whitespace()
        .filter(|word| !word.contains('/') && !word.contains(".toml"))
        .map(|word| match word.find('[') {
            // ошибка[overdue]: the code is a stable identifier.
            Some(at) if at > 0 && word[at..].contains(']') => &word[..at],
            _ => word,
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// The text of a manual page, without roff requests and font escapes.
fn strip_roff(roff: &str) -> String {
    roff.lines()
        .filter(|line| !line.starts_with(".ie") && !line.starts_with(".el"))
        .map(|line| if line.starts_with('.') { line.split_once(' ').map_or("", |(_, rest)| rest) } else { line })
        .map(|line| line.replace("\\fB", "").replace("\\fI", "").replace("\\fR", "").replace("\\-", "-"))
        .collect::<Vec<_>>()
        .join("\n")
}

fn strip_html(html: &str) -> String {
    let html = match (html.find("<style>"), html.find("</style>")) {
        (Some(from), Some(to)) => format!("{}{}", &html[..from], &html[to..]),
        _ => html.to_owned(),
    };
    let mut out = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => {
                in_tag = false;
                out.push(' ');
            }
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out
}

/// The Latin words of `output` that are neither typed, nor names, nor data of `file`.
fn foreign(output: &str, file: Option<&Path>, typed: &BTreeSet<String>) -> Vec<String> {
    let data = file.map(file_words).unwrap_or_default();
    let mut found = Vec::new();
    for line in output.lines() {
        let checked = checked_part(line);
        for word in latin_words(&checked) {
            let lower = word.to_lowercase();
            // `plan-list(1)`: a manual page; `v0.1.0`: the version.
            let page = lower.strip_prefix("plan-").is_some_and(|command| typed.contains(command));
            let version = lower.strip_prefix('v').is_some_and(|n| n.chars().all(|c| c.is_ascii_digit()));
            if word.chars().count() > 1 && !typed.contains(&lower) && !data.contains(&lower) && !page && !version {
                found.push(format!("`{word}` in: {line}"));
            }
        }
    }
    found
}

struct Walk {
    typed: BTreeSet<String>,
    failures: Vec<String>,
    runs: usize,
}

impl Walk {
    fn new() -> Walk {
        Walk { typed: typed_words(), failures: Vec::new(), runs: 0 }
    }

    /// Runs `plan --lang ru ARGS` and checks stdout and stderr.
    fn check(&mut self, args: &[&str], file: Option<&Path>) {
        let (_, stdout, stderr) = run(plan().args(["--lang", "ru"]).args(args));
        self.runs += 1;
        // A `--dry-run` prints a diff of the file: all of it is the file's text, comments too.
        let stdout = if args.contains(&"--dry-run") {
            String::new()
        } else if stdout.trim_start().starts_with("<!DOCTYPE") {
            strip_html(&stdout)
        } else if args.last() == Some(&"man") {
            strip_roff(&stdout)
        } else {
            stdout
        };
        for word in foreign(&stdout, file, &self.typed).into_iter().chain(foreign(&stderr, file, &self.typed)) {
            self.failures.push(format!("plan --lang ru {}: {word}", args.join(" ")));
        }
    }
}

fn hostile_fixtures() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(crate::common::root().join("tests/hostile"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .map(|p| Path::new("tests/hostile").join(p.file_name().unwrap()))
        .collect();
    files.sort();
    files
}

#[test]
fn every_help_is_russian() {
    let mut walk = Walk::new();
    walk.check(&["--help"], None);
    walk.check(&["-h"], None);
    walk.check(&["man"], None);
    let command = plan::help::command(plan::i18n::Lang::Ru);
    for sub in command.get_subcommands() {
        walk.check(&[sub.get_name(), "--help"], None);
        walk.check(&[sub.get_name(), "-h"], None);
    }
    assert!(walk.runs > 30);
    assert!(walk.failures.is_empty(), "Latin words in Russian help:\n{}", walk.failures.join("\n"));
}

#[test]
fn every_argument_error_is_russian() {
    let mut walk = Walk::new();
    for args in [
        &["list", "--periode", "апрель"][..],
        &["--as-of", "31.06.2019", "list"],
        &["list", "--format", "xml"],
        &["lst"],
        &["show"],
        &[],
        &["table", "--width", "5"],
        &["new", "0"],
        &["check", "--due-within", "-3"],
        &["hook", "--force"],
        &["list", "extra"],
        &["--lang"],
        &["completions", "tcsh"],
    ] {
        walk.check(args, None);
    }
    assert!(walk.failures.is_empty(), "Latin words in Russian argument errors:\n{}", walk.failures.join("\n"));
}

#[test]
fn every_broken_plan_is_told_in_russian() {
    let mut walk = Walk::new();
    let fixtures = hostile_fixtures();
    assert!(fixtures.len() > 40);
    for file in &fixtures {
        walk.check(&["--file", file.to_str().unwrap(), "check"], Some(file));
    }
    for args in [
        &["--file", "no-such.toml", "list"][..],
        &["--file", "tests", "list"],
        &["list", "--period", "апрел"],
        &["list", "--period", "сентябрь – июнь"],
        &["list", "--responsible", "никто"],
        &["list", "--section", "99"],
        &["show", "9.9"],
        &["show", "council-sesions"],
        &["held", "1.1", "2019-02-30"],
        &["held", "1.1", "2030-01-01", "--dry-run"],
        &["new", "2018", "--dry-run"],
    ] {
        walk.check(args, Some(Path::new("plans/2019.toml")));
    }
    // The inputs hostile.rs makes in a temporary folder: bytes that are not text, a file too large
    // (sparse), a file that may not be read, deep nesting, thousands of mistakes.
    let dir = tempfile::tempdir().unwrap();
    let made: [(&str, Vec<u8>); 6] = [
        ("not-utf8.toml", b"[plan]\ntitle = \"\xcf\xeb\xe0\xed\"\nyear = 2019\n".to_vec()),
        ("utf16.toml", [0xFF, 0xFE, b'[', 0, b'p', 0].to_vec()),
        ("binary.toml", b"\x7fELF\x02\x01\x01\x00\x00\x1b[2J".to_vec()),
        ("control.toml", b"[plan]\ntitle = \"a\x07b\"\nyear = 2019\n".to_vec()),
        ("deep.toml", format!("x = {}", "[".repeat(10_000)).into_bytes()),
        (
            "many.toml",
            "[plan]\ntitle = \"x\"\nyear = 2019\n"
                .to_owned()
                .into_bytes()
                .into_iter()
                .chain("zz = 1\n".repeat(200).into_bytes())
                .collect(),
        ),
    ];
    for (name, bytes) in made {
        let path = dir.path().join(name);
        std::fs::write(&path, bytes).unwrap();
        walk.check(&["--file", path.to_str().unwrap(), "check"], Some(&path));
    }
    let large = dir.path().join("large.toml");
    std::fs::File::create(&large).unwrap().set_len(65 * 1024 * 1024).unwrap();
    walk.check(&["--file", large.to_str().unwrap(), "list"], None);
    assert!(walk.failures.is_empty(), "Latin words in Russian errors:\n{}", walk.failures.join("\n"));
}

#[test]
fn every_text_format_is_russian() {
    let mut walk = Walk::new();
    let plan_file = Path::new("plans/2019.toml");
    let meetings = Path::new("tests/fixtures/meetings/meetings.toml");
    for file in [plan_file, meetings] {
        let f = file.to_str().unwrap();
        for args in [
            &["list"][..],
            &["list", "--format", "md"],
            &["list", "--format", "csv"],
            &["table"],
            &["table", "--format", "md"],
            &["show", "1.1"],
            &["show", "1.2"],
            &["parties"],
            &["check"],
            &["check", "--quiet"],
            &["timeline"],
            &["report"],
            &["report", "--format", "md"],
            &["report", "--format", "html"],
            &["export", "html"],
            &["held", "1.1", "2019-11-01", "--dry-run"],
            &["held", "1.1", "2018-12-01", "--dry-run"],
            &["held", "2.2", "2019-11-01", "--dry-run"],
            &["held", "2.4", "2019-11-01", "--dry-run"],
            &["result", "1.1", "Утверждён отчёт", "--dry-run"],
            &["report", "--format", "text"],
            &["export", "docx", "-o", f],
            &["report", "--format", "docx", "-o", f],
            &["new", "2020", "--dry-run"],
        ] {
            let mut full = vec!["--file", f, "--as-of", "2019-11-20"];
            full.extend_from_slice(args);
            walk.check(&full, Some(file));
        }
    }
    assert!(walk.failures.is_empty(), "Latin words in Russian output:\n{}", walk.failures.join("\n"));
}

#[test]
fn import_is_told_in_russian() {
    let mut walk = Walk::new();
    let dir = tempfile::tempdir().unwrap();
    let docx = crate::common::root().join("tests/fixtures/docx");
    for (i, name) in ["plan-2019.docx", "faulty.docx", "numbered.docx"].into_iter().enumerate() {
        let source = docx.join(name);
        let target = dir.path().join(format!("{i}.toml"));
        // The plan's names are data of the document: the parties' ids are made from them.
        let (_, text, _) = run(plan().args(["import"]).arg(&source));
        let words = dir.path().join(format!("{i}-words.toml"));
        std::fs::write(&words, text).unwrap();
        walk.check(&["import", source.to_str().unwrap(), "-o", target.to_str().unwrap()], Some(&words));
        // An existing file is refused.
        walk.check(&["import", source.to_str().unwrap(), "-o", target.to_str().unwrap()], Some(&words));
    }
    // Not a .docx at all, and no such file.
    walk.check(&["import", "plans/2019.toml"], None);
    walk.check(&["import", "no-such.docx"], None);
    assert!(walk.failures.is_empty(), "Latin words in Russian import:\n{}", walk.failures.join("\n"));
}

/// Errors the walk cannot cause (a Word file to a terminal needs one), said directly.
#[test]
fn errors_that_need_a_terminal_are_russian_too() {
    let typed = typed_words();
    let error = plan::Error::BinaryToTerminal { format: "docx" };
    let text = plan::render::error::text(&error, plan::i18n::Lang::Ru, false);
    assert!(text.contains("в терминал"), "{text}");
    assert!(foreign(&text, None, &typed).is_empty(), "{:?}", foreign(&text, None, &typed));
}

#[test]
fn the_check_finds_english_words_and_lets_the_rest_through() {
    let typed = typed_words();
    let english = foreign("ошибка: cannot read `plan.toml`: no such file", None, &typed);
    // `file` is a flag's name, so it may stay.
    assert_eq!(english.len(), 4, "{english:?}");
    let allowed = "tests/x.toml:3:1: ошибка[not-recorded]: `--period` в TOML, см. plans/README.md; plan-list(1) v0.1.0";
    assert!(foreign(allowed, None, &typed).is_empty(), "{:?}", foreign(allowed, None, &typed));
}

#[test]
fn a_mistyped_flag_is_told_in_russian_with_the_near_one() {
    let (code, stdout, stderr) = run(plan().env("LANG", "ru_RU.UTF-8").args(["list", "--periode", "апрель"]));
    assert_eq!(code, 2);
    assert!(stdout.is_empty());
    assert_eq!(
        stderr,
        "ошибка: неизвестный аргумент `--periode`\n\n  подсказка: есть похожий аргумент: `--period`\n\n\
         Использование: plan list [ПАРАМЕТРЫ]\n\nПодробнее: `plan list --help`.\n"
    );
}

#[test]
fn an_impossible_date_on_the_command_line_is_told_in_russian() {
    let (code, _, stderr) = run(plan().env("PLAN_LANG", "ru").args(["--as-of", "31.06.2019", "list"]));
    assert_eq!(code, 2);
    assert_eq!(
        stderr,
        "ошибка: недопустимое значение `31.06.2019` для `--as-of <ДАТА>`\n\n  \
         подсказка: `31.06.2019` — не дата: в июне 2019 года 30 дней\n\n  \
         подсказка: запишите существующую дату как ДД.ММ.ГГГГ, ГГГГ-ММ-ДД или словами (`1 апреля 2019`, \
         `сегодня`, `вчера`), например 01.04.2019\n\n\
         Подробнее: `plan --help`.\n"
    );
}

#[test]
fn help_headings_are_russian_and_english_help_is_unchanged() {
    let (code, stdout, _) = run(plan().args(["--lang", "ru", "check", "--help"]));
    assert_eq!(code, 0);
    assert!(stdout.contains("\nИспользование: plan check [ПАРАМЕТРЫ]\n"), "{stdout}");
    assert!(stdout.contains("\nПараметры:\n"), "{stdout}");
    assert!(stdout.contains("[возможные значения: text, json]") || stdout.contains("Возможные значения:"), "{stdout}");
    let (_, english, _) = run(plan().args(["check", "--help"]));
    assert!(english.contains("\nUsage: plan check [OPTIONS]\n") && english.contains("\nOptions:\n"), "{english}");
}

#[test]
fn help_gives_russian_dates_first_and_says_held_plainly() {
    let (_, list, _) = run(plan().args(["--lang", "ru", "list", "--help"]));
    assert!(list.contains("`01.04.2019..15.04.2019`"), "{list}");
    assert!(!list.contains("2019-04-01..2019-04-15"), "{list}");
    // The value is named ЧИСЛО, not N; no «в канал» jargon.
    assert!(list.contains("Ширина простого списка в столбцах"), "{list}");
    assert!(!list.contains("в канал") && !list.contains(" N "), "{list}");
    let (_, held, _) = run(plan().args(["--lang", "ru", "held", "--help"]));
    assert!(held.contains("Отметить в самом файле, что мероприятие проведено ДАТА"), "{held}");
    assert!(held.contains("14.03.2019 или 2019-03-14"), "{held}");
    assert!(!held.contains("в ДАТУ"), "{held}");
}

#[test]
fn a_bad_date_in_a_command_is_told_with_a_russian_example() {
    let (code, _, stderr) = run(plan().env("PLAN_LANG", "ru").args(["held", "1.1", "31.06.2019", "--dry-run"]));
    assert_eq!(code, 2);
    assert!(stderr.contains("например 14.03.2019") || stderr.contains("например 01.04.2019"), "{stderr}");
    assert!(!stderr.contains("например 2019-"), "{stderr}");
}

#[test]
fn the_example_plan_agrees_with_the_presidium_in_the_instrumental_case() {
    for command in [&["list", "--section", "2"][..], &["report"], &["report", "--format", "md"]] {
        let (code, stdout, stderr) = run(crate::common::plan_file(&crate::common::fixture("council-2019.toml"))
            .env("PLAN_LANG", "ru")
            .args(["--as-of", "2019-12-31"])
            .args(command));
        assert_eq!(code, 0, "{stderr}");
        let flat = stdout.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(flat.contains("по согласованию с Президиумом"), "{command:?}: {stdout}");
        assert!(!flat.contains("согласованию с Президиум "), "{command:?}: {stdout}");
    }
}

/// `show` and `report` on an 80-column terminal: long values wrap under their value column, long
/// titles under themselves (in a pipe, one line each as before). Called through the library, as
/// the tests cannot give the binary a terminal.
#[test]
fn show_and_report_wrap_to_an_80_column_terminal() {
    use plan::i18n::Lang;
    use plan::render::style::Paint;
    let text = std::fs::read(crate::common::root().join("tests/fixtures/council-2019.toml")).unwrap();
    let plan = plan::model::parse("council-2019.toml", &text).unwrap();
    let as_of = chrono::NaiveDate::from_ymd_opt(2019, 12, 31).unwrap();
    let (section, activity) = plan.find("1.2").unwrap();
    let verdict = plan::check::judge_in_series(&plan, &[], activity, plan::check::Options::at(as_of));
    let mut out = Vec::new();
    plan::render::show::text(
        &mut out,
        &plan,
        (section, activity),
        (verdict.as_ref(), plan::fulfilment::outcome(&plan, activity, as_of).0),
        Lang::Ru,
        Paint::new(false),
        Some(80),
    )
    .unwrap();
    let show = String::from_utf8(out).unwrap();
    assert!(
        show.contains(
            "  проведено       20.02.2019 (протокол № 5), 28.05.2019 (протокол № 6),\n                  \
             25.09.2019 (протокол № 7), 17.12.2019 (протокол № 8)\n"
        ),
        "{show}"
    );
    let rows: Vec<_> = plan.activities().collect();
    let report = plan::fulfilment::report(&plan, &rows, as_of);
    let mut out = Vec::new();
    plan::render::fulfilment::text(&mut out, &report, &plan, Lang::Ru, Paint::new(false), Some(80)).unwrap();
    let report_text = String::from_utf8(out).unwrap();
    assert!(
        report_text.starts_with(
            "Отчёт о выполнении плана работы Смоленского Регионального отделения\n\
             Общероссийской общественной организации «Всероссийский Совет местного\n\
             самоуправления» за 2019 год\n"
        ),
        "{report_text}"
    );
    assert!(
        report_text.contains(
            "  2.2 Выборы депутатов представительных органов вновь образованных муниципальных\n      \
             образований Смоленской области\n"
        ),
        "{report_text}"
    );
    for text in [&show, &report_text] {
        for line in text.lines() {
            assert!(unicode_width::UnicodeWidthStr::width(line) <= 80, "{line}");
        }
    }
}

#[test]
fn an_unknown_party_is_told_by_its_russian_names_and_the_agreed_form_finds_the_party() {
    let (code, stdout, stderr) = run(plan().env("PLAN_LANG", "ru").args(["list", "--responsible", "мвд"]));
    assert_eq!((code, stdout.as_str()), (2, ""));
    assert_eq!(
        stderr,
        "ошибка: ни одна сторона не подходит под `мвд`\n  = подсказка: известные стороны: Президиум РС ВСМС \
         (`presidium`), РС ВСМС (`council`), РО ВСМС (`branch`), члены РО ВСМС (`members`); подойдёт \
         обозначение, название или его часть\n"
    );
    // «по согласованию с Президиумом», as `list` prints it, names the presidium too.
    let (code, stdout, stderr) = run(plan().env("PLAN_LANG", "ru").args(["list", "--responsible", "Президиумом"]));
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.lines().any(|line| line.starts_with("2.1 ")), "{stdout}");
}

/// `plan new` tells the line it wrote, ISO date and all, as a quoted line of the file (in
/// backticks), not as Russian prose with an ISO date in it.
#[test]
fn plan_new_quotes_the_carried_line_of_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let source = dir.path().join("2019.toml");
    std::fs::copy(crate::common::root().join("tests/fixtures/council-2019.toml"), &source).unwrap();
    let (code, _, stderr) = run(plan()
        .current_dir(dir.path())
        .env("PLAN_LANG", "ru")
        .arg("--file")
        .arg(&source)
        .args(["new", "2020", "--output"])
        .arg(dir.path().join("2020.toml")));
    assert_eq!(code, 0, "{stderr}");
    assert!(stderr.contains("\n  1.1 `last_before = 2019-10-02` (последнее заседание)\n"), "{stderr}");
}

/// The examples and notes after each command's options fit an 80-column terminal as written, a
/// comment that goes on continuing under itself: clap would otherwise wrap them to the margin.
/// Dates in the examples are as Russian users write them.
#[test]
fn russian_examples_fit_80_columns_and_write_dates_the_russian_way() {
    let catalogue = std::fs::read_to_string(crate::common::root().join("locales/ru/cli.ftl")).unwrap();
    let ids: Vec<&str> = catalogue
        .lines()
        .filter_map(|line| line.split_once(" =").map(|(id, _)| id))
        .filter(|id| id.starts_with("cli-") && id.ends_with("-examples"))
        .collect();
    assert!(ids.len() >= 15, "{ids:?}");
    for id in ids {
        let text = plan::i18n::Lang::Ru.lookup(id).unwrap();
        for line in text.lines() {
            assert!(unicode_width::UnicodeWidthStr::width(line) <= 80, "{id}: {line}");
            let iso = line.split([' ', '\'']).any(|w| chrono::NaiveDate::parse_from_str(w, "%Y-%m-%d").is_ok());
            assert!(!iso, "{id}: {line}");
        }
    }
    let (_, help, _) = run(plan().env("COLUMNS", "80").args(["--lang", "ru", "check", "--help"]));
    // The as-of date is not clamped to the plan's end (spec §4), and the help says so.
    assert!(help.contains("  plan check                               на сегодня, даже после конца плана\n"), "{help}");
    assert!(
        help.contains(
            "  plan check --strict --due-within 14      предупреждения — тоже ошибки;\n                                           \
             предупреждать за две недели до срока\n"
        ),
        "{help}"
    );
}

#[test]
fn show_says_how_the_time_is_understood() {
    let (code, stdout, stderr) = run(plan().env("PLAN_LANG", "ru").args(["show", "3.1"]));
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("\n  понимается как  01.04.2019 – 30.04.2019\n"), "{stdout}");
    assert!(!stdout.contains("значение"), "{stdout}");
}

/// The command a refusal suggests carries the date as the user wrote it in Russian, ДД.ММ.ГГГГ.
#[test]
fn a_refused_date_is_suggested_back_in_russian_form() {
    let (code, _, stderr) =
        run(plan().env("PLAN_LANG", "ru").args(["--as-of", "01.06.2019", "held", "1.1", "14.06.2019", "--dry-run"]));
    assert_eq!(code, 2);
    assert!(
        stderr.ends_with("  = подсказка: чтобы назначить будущую дату, используйте `plan planned 1.1 14.06.2019`\n"),
        "{stderr}"
    );
    let (code, _, stderr) =
        run(plan().env("PLAN_LANG", "ru").args(["--as-of", "01.06.2019", "planned", "1.1", "01.01.2019", "--dry-run"]));
    assert_eq!(code, 2);
    assert!(
        stderr.ends_with("  = подсказка: если оно состоялось, отметьте его: `plan held 1.1 01.01.2019`\n"),
        "{stderr}"
    );
}

/// A filter that leaves nothing says so on stderr, instead of a blank screen; stdout stays empty.
#[test]
fn a_list_that_finds_nothing_says_so() {
    let (code, stdout, stderr) = run(plan().env("PLAN_LANG", "ru").args(["list", "--grep", "нетакого"]));
    assert_eq!((code, stdout.as_str()), (0, ""));
    assert_eq!(
        stderr,
        "примечание: ни одно мероприятие не подходит под этот отбор; `plan list` без него покажет все\n"
    );
    // Said once: the note on a period outside the plan already tells it.
    let (_, _, stderr) = run(plan().env("PLAN_LANG", "ru").args(["list", "--period", "май 2020"]));
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    let (_, _, stderr) = run(plan().env("PLAN_LANG", "ru").args(["-q", "list", "--grep", "нетакого"]));
    assert_eq!(stderr, "");
}
