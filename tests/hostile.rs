//! Bad input never hurts (spec §5): whatever the file holds, `plan` answers with one clear
//! message naming the file, line and column, what is wrong and how to fix it, and exits 2 with
//! nothing on stdout; it never panics, hangs or runs out of memory.
//!
//! The broken plans small enough to read live in `tests/hostile/`, one mistake each, with the
//! exact first line of the message in [`CASES`]. The inputs that cannot or should not be
//! committed (non-UTF-8 and binary bytes, a directory, a missing or unreadable file, megabytes
//! of text) are made in a temporary folder by the tests below them.

use std::fs;
use std::path::Path;
use std::process::Command as Process;

use crate::common::{plan, plan_file, run, temp_plan};

/// Each fixture `tests/hostile/NAME.toml` and the first line of stderr it must give, after
/// `error: tests/hostile/NAME.toml:`.
const CASES: &[(&str, &str)] = &[
    ("activity-duplicate-id", "18:6: duplicate activity id `meeting` (first used on line 11)"),
    ("activity-empty-title", "12:9: the title is empty"),
    ("activity-no-responsible", "11:1: the activity has no `responsible`, and its section gives none"),
    ("activity-no-when", "11:1: the activity has no `when`, and its section gives none"),
    ("date-february-30", "15:9: `2019-02-30` is not a date: February 2019 has 28 days"),
    ("date-in-quotes-in-table", "15:16: the date `\"2019-04-10\"` is in quotes, so TOML reads it as text"),
    ("date-in-quotes-russian-form", "15:12: the date `\"24.12.2019\"` is in quotes, so TOML reads it as text"),
    ("date-in-quotes", "15:21: the date `\"2019-04-24\"` is in quotes, so TOML reads it as text"),
    ("date-month-13", "3:9: `2019-13-01` is not a date: there is no month 13"),
    ("date-one-digit-month", "15:9: `2019-4-10` is not a valid date"),
    ("date-russian-form", "15:9: `24.10.2019` is not a date TOML can read: dates are written YYYY-MM-DD"),
    ("date-russian-form-no-such-day", "15:12: `31.02.2019` is not a date TOML can read: dates are written YYYY-MM-DD"),
    (
        "date-slashes-in-list-over-lines",
        "17:10: `2019/10/24` is not a date TOML can read: dates are written YYYY-MM-DD",
    ),
    ("date-start-after-end", "3:9: the plan starts (2019-12-31) after it ends (2019-01-01)"),
    ("date-with-time", "15:12: `2019-12-10T10:00:00` has a time of day; only a date is recorded here"),
    ("empty", "1:1: the file is empty: a plan needs at least a `[plan]` table"),
    ("key-duplicate-table", "11:10: `presidium` is given twice"),
    ("key-duplicate", "4:1: `year` is given twice"),
    ("key-missing-held-on", "15:9: missing key `on`"),
    ("key-missing-plan", "1:1: missing table `[plan]`"),
    ("key-missing-title", "1:1: missing key `title`"),
    ("key-missing-year", "1:1: `[plan]` needs `year`, or both `start` and `end`"),
    ("key-unknown-in-activity", "14:1: unknown key `responsable`"),
    ("key-unknown-in-held", "15:28: unknown key `notes`"),
    ("key-unknown-in-plan", "3:1: unknown key `yaer`"),
    ("key-unknown-table", "5:2: unknown key `party`"),
    ("last-before-in-plan", "15:15: `last_before` (2019-02-01) must lie before the plan's start (2019-01-01)"),
    ("merge-conflict", "13:1: git merge-conflict marker `<<<<<<<` left in the file"),
    ("only-comments", "1:1: the file is empty: a plan needs at least a `[plan]` table"),
    ("party-bad-id", "5:10: `Presidium` is not a valid id"),
    ("party-unknown", "14:16: unknown party `presidum`"),
    ("range-reversed", "13:9: the range `сентябрь – июнь` runs backwards (2019-09-01 is after 2019-06-30)"),
    ("rule-not-recurring", "15:8: `rule` is only for recurring activities (\"at least once every N months\")"),
    (
        "syntax-backslash-in-text",
        "15:16: `\\` in quoted text starts an escape such as `\\n`, and this one is not valid",
    ),
    ("syntax-colon-instead-of-equals", "2:8: a key must be followed by `=` and a value"),
    ("syntax-comma-after-value", "3:12: unexpected text after the value"),
    ("syntax-cyrillic-key", "15:1: a key without quotes may have only Latin letters, digits, `-` and `_`"),
    ("syntax-json", "1:1: a key without quotes may have only Latin letters, digits, `-` and `_`"),
    ("syntax-missing-comma", "14:28: a comma is missing between two items"),
    ("syntax-missing-comma-between-dates", "15:19: a comma is missing between two items"),
    ("syntax-missing-value", "15:7: the value after `=` is missing"),
    ("syntax-two-values", "13:17: unexpected text after the value"),
    ("syntax-unclosed-header", "5:19: a bracket is not closed: `]` is missing"),
    ("syntax-unclosed-list", "14:27: a bracket is not closed: `]` is missing"),
    ("syntax-unclosed-string", "12:19: the text in quotes is not closed on this line"),
    ("syntax-unquoted-text", "15:11: text must be in quotes"),
    ("syntax-yaml", "1:6: a key must be followed by `=` and a value"),
    ("type-held-not-a-list", "15:8: `held` takes a list in square brackets, not the date `2019-04-10`"),
    ("type-held-note-number", "15:35: `note` takes text in quotes, not the number `2`"),
    ("type-party-double-brackets", "5:1: expected a table, found a list"),
    (
        "type-responsible-not-a-list",
        "14:15: `responsible` takes a list in square brackets, not the text `\"presidium\"`",
    ),
    ("type-section-single-brackets", "8:1: expected a list in square brackets, found a table"),
    ("type-status-number", "15:10: `status` takes text in quotes, not the number `1`"),
    ("type-title-number", "12:9: `title` takes text in quotes, not the number `2019`"),
    ("type-when-date", "13:8: `when` takes text in quotes, not the date `2019-04-01`"),
    ("type-year-fraction", "3:8: `year` takes a whole number, not the number `2019.5`"),
    ("type-year-in-quotes", "3:8: `year` takes a whole number, not the text `\"2019\"`"),
    ("value-unknown-rule", "15:8: `rule` does not take the value `weekly`"),
    ("value-unknown-status", "15:10: `status` does not take the value `done`"),
    ("when-empty", "13:8: the time is empty"),
    ("when-impossible-date", "13:9: `31.04.2019` is not a date: April 2019 has 30 days"),
    ("when-relative", "13:9: `next month` is relative to today; the file needs a fixed time"),
    ("when-unknown", "13:9: unknown time expression `апрел`"),
    ("when-zero-months", "13:26: `не реже 1 раза в 0 месяцев`: the count and the months or weeks must be at least 1"),
    (
        "window-outside-plan",
        "13:8: the time 2020-03-01 – 2020-03-31 lies outside the plan period 2019-01-01 – 2019-12-31",
    ),
    ("year-out-of-range", "3:8: year 20190 is out of range"),
    ("key-unknown-top-level", "1:1: unknown key `version`"),
    ("key-unknown-in-section", "10:1: unknown key `responsibles`"),
    ("key-unknown-in-party", "7:1: unknown key `fullname`"),
    ("key-duplicate-in-held", "15:42: `note` is given twice"),
    ("syntax-nested-too-deep", "15:88: brackets are nested too deeply"),
    ("type-when-list", "13:8: `when` takes text in quotes, not a list"),
    ("type-plan-title-list", "2:9: `title` takes text in quotes, not a list"),
    ("syntax-extra-comma", "15:20: an extra comma: there is no item before it"),
    ("syntax-bad-number", "3:8: `2_019_` is not a number TOML can read"),
    ("date-in-quotes-approval", "6:8: the date `\"20.12.2018\"` is in quotes, so TOML reads it as text"),
];

/// A small plan that loads, for the cases that must.
const GOOD: &str = "[plan]\ntitle = \"T\"\nyear = 2019\n[parties.p]\nname = \"P\"\n[[section]]\ntitle = \"S\"\n\
[[section.activity]]\ntitle = \"A\"\nwhen = \"апрель\"\nresponsible = [\"p\"]\n";

/// What every refused input must give: exit 2, nothing on stdout, a first line of stderr as
/// expected and a `= help:` line. Returns stderr.
fn refused(path: &Path, first_line: &str) -> String {
    let (code, stdout, stderr) = run(plan_file(path).arg("list"));
    assert_eq!(code, 2, "{}: {stderr}", path.display());
    assert!(stdout.is_empty(), "{}: stdout should be empty: {stdout}", path.display());
    assert_eq!(stderr.lines().next(), Some(first_line), "{}:\n{stderr}", path.display());
    assert!(stderr.lines().any(|l| l.trim_start().starts_with("= help: ")), "no help: {stderr}");
    assert!(!stderr.chars().any(|c| c.is_control() && c != '\n'), "raw control character: {stderr:?}");
    assert!(stderr.lines().all(|l| l.chars().count() <= 1000), "a line too long to read: {stderr}");
    stderr
}

#[test]
fn every_broken_plan_gets_its_message_line_column_and_exit_2() {
    assert!(CASES.len() >= 30);
    let mut failures = Vec::new();
    for &(name, expected) in CASES {
        let path = Path::new("tests").join("hostile").join(format!("{name}.toml"));
        let (code, stdout, stderr) = run(plan_file(&path).arg("list"));
        let first = stderr.lines().next().unwrap_or("");
        let want = format!("error: {}:{expected}", path.display());
        let helped = stderr.lines().any(|l| l.trim_start().starts_with("= help: "));
        if code != 2 || !stdout.is_empty() || first != want || !helped {
            failures.push(format!("{name}: exit {code}, stdout {stdout:?}\n  want {want}\n  got  {first}\n{stderr}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_broken_plan_is_explained_in_russian_at_the_same_place() {
    for &(name, expected) in CASES {
        let path = Path::new("tests").join("hostile").join(format!("{name}.toml"));
        let (code, _, stderr) = run(plan_file(&path).args(["--lang", "ru", "list"]));
        assert_eq!(code, 2, "{name}");
        let position = expected.split(": ").next().unwrap();
        let head = format!("ошибка: {}:{position}: ", path.display());
        let first = stderr.lines().next().unwrap_or("");
        let message = first.strip_prefix(&head).unwrap_or_else(|| panic!("{name}: {first}"));
        // The words are Russian: text quoted from the file, in backticks, aside.
        let own_words: String = message.split('`').step_by(2).collect();
        assert!(own_words.chars().any(|c| ('а'..='я').contains(&c)), "{name}: not translated: {first}");
        assert!(stderr.contains("= подсказка: "), "{name}: {stderr}");
    }
}

/// The mistakes the TOML library refuses (a key the table does not have, a value of the wrong
/// type, a word outside a fixed set, a key missing or given twice, brackets nested too deeply,
/// an extra comma, a broken number), each told from the parsed document or the source itself,
/// not from the library's English: fixture, then the first line after `FILE:` and the help, in
/// English and in Russian.
const KIND_CASES: &[(&str, [&str; 2], [&str; 2])] = &[
    (
        "key-unknown-top-level",
        ["1:1: unknown key `version`", "allowed here: `plan`, `parties`, `section`"],
        ["1:1: неизвестный ключ `version`", "здесь допустимы: `plan`, `parties`, `section`"],
    ),
    (
        "key-unknown-table",
        ["5:2: unknown key `party`", "allowed here: `plan`, `parties`, `section`"],
        ["5:2: неизвестный ключ `party`", "здесь допустимы: `plan`, `parties`, `section`"],
    ),
    (
        "key-unknown-in-plan",
        [
            "3:1: unknown key `yaer`",
            "did you mean `year`? Allowed here: `title`, `organization`, `year`, `start`, `end`, `approval`, `signature`",
        ],
        [
            "3:1: неизвестный ключ `yaer`",
            "возможно, имелось в виду `year`? Здесь допустимы: `title`, `organization`, `year`, `start`, `end`, `approval`, `signature`",
        ],
    ),
    (
        "key-unknown-in-section",
        [
            "10:1: unknown key `responsibles`",
            "did you mean `responsible`? Allowed here: `title`, `when`, `responsible`, `agreed_with`, `by_agreement`, `activity`",
        ],
        [
            "10:1: неизвестный ключ `responsibles`",
            "возможно, имелось в виду `responsible`? Здесь допустимы: `title`, `when`, `responsible`, `agreed_with`, `by_agreement`, `activity`",
        ],
    ),
    (
        "key-unknown-in-activity",
        [
            "14:1: unknown key `responsable`",
            "did you mean `responsible`? Allowed here: `id`, `title`, `when`, `period`, `responsible`, `agreed_with`, `by_agreement`, `partner`, `place`, `held`, `planned`, `rule`, `last_before`, `status`, `note`, `result`",
        ],
        [
            "14:1: неизвестный ключ `responsable`",
            "возможно, имелось в виду `responsible`? Здесь допустимы: `id`, `title`, `when`, `period`, `responsible`, `agreed_with`, `by_agreement`, `partner`, `place`, `held`, `planned`, `rule`, `last_before`, `status`, `note`, `result`",
        ],
    ),
    (
        "key-unknown-in-party",
        [
            "7:1: unknown key `fullname`",
            "did you mean `full_name`? Allowed here: `name`, `full_name`, `agreed_form`, `aliases`",
        ],
        [
            "7:1: неизвестный ключ `fullname`",
            "возможно, имелось в виду `full_name`? Здесь допустимы: `name`, `full_name`, `agreed_form`, `aliases`",
        ],
    ),
    (
        "key-unknown-in-held",
        ["15:28: unknown key `notes`", "did you mean `note`? Allowed here: `on`, `note`"],
        ["15:28: неизвестный ключ `notes`", "возможно, имелось в виду `note`? Здесь допустимы: `on`, `note`"],
    ),
    (
        "key-missing-title",
        ["1:1: missing key `title`", "add `title = ...` to this table; see plans/README.md"],
        ["1:1: не хватает ключа `title`", "добавьте в эту таблицу `title = ...`; см. plans/README.md"],
    ),
    (
        "key-missing-held-on",
        ["15:9: missing key `on`", "a date with a note is written `{ on = 2019-03-14, note = \"...\" }`"],
        ["15:9: не хватает ключа `on`", "дата с примечанием пишется `{ on = 2019-03-14, note = \"...\" }`"],
    ),
    (
        "type-title-number",
        [
            "12:9: `title` takes text in quotes, not the number `2019`",
            "put the text in double quotes: `title = \"...\"`",
        ],
        [
            "12:9: в `title` ожидается текст в кавычках, а не число `2019`",
            "возьмите текст в двойные кавычки: `title = \"...\"`",
        ],
    ),
    (
        "type-plan-title-list",
        ["2:9: `title` takes text in quotes, not a list", "put the text in double quotes: `title = \"...\"`"],
        [
            "2:9: в `title` ожидается текст в кавычках, а не список",
            "возьмите текст в двойные кавычки: `title = \"...\"`",
        ],
    ),
    (
        "type-when-date",
        [
            "13:8: `when` takes text in quotes, not the date `2019-04-01`",
            "put the text in double quotes: `when = \"...\"`",
        ],
        [
            "13:8: в `when` ожидается текст в кавычках, а не дата `2019-04-01`",
            "возьмите текст в двойные кавычки: `when = \"...\"`",
        ],
    ),
    (
        "type-when-list",
        ["13:8: `when` takes text in quotes, not a list", "put the text in double quotes: `when = \"...\"`"],
        [
            "13:8: в `when` ожидается текст в кавычках, а не список",
            "возьмите текст в двойные кавычки: `when = \"...\"`",
        ],
    ),
    (
        "type-held-not-a-list",
        [
            "15:8: `held` takes a list in square brackets, not the date `2019-04-10`",
            "put the values in square brackets, even a single one: `held = [2019-03-14]`",
        ],
        [
            "15:8: в `held` ожидается список в квадратных скобках, а не дата `2019-04-10`",
            "возьмите значения в квадратные скобки, даже одно: `held = [2019-03-14]`",
        ],
    ),
    (
        "type-responsible-not-a-list",
        [
            "14:15: `responsible` takes a list in square brackets, not the text `\"presidium\"`",
            "put the values in square brackets, even a single one: `responsible = [\"presidium\"]`",
        ],
        [
            "14:15: в `responsible` ожидается список в квадратных скобках, а не текст `\"presidium\"`",
            "возьмите значения в квадратные скобки, даже одно: `responsible = [\"presidium\"]`",
        ],
    ),
    (
        "type-year-in-quotes",
        ["3:8: `year` takes a whole number, not the text `\"2019\"`", "write the number without quotes: `year = 2019`"],
        ["3:8: в `year` ожидается целое число, а не текст `\"2019\"`", "напишите число без кавычек: `year = 2019`"],
    ),
    (
        "value-unknown-rule",
        ["15:8: `rule` does not take the value `weekly`", "allowed here: `rolling`, `calendar`, `both`"],
        ["15:8: `weekly` — недопустимое значение для `rule`", "здесь допустимы: `rolling`, `calendar`, `both`"],
    ),
    (
        "value-unknown-status",
        ["15:10: `status` does not take the value `done`", "allowed here: `planned`, `cancelled`, `not-done`"],
        ["15:10: `done` — недопустимое значение для `status`", "здесь допустимы: `planned`, `cancelled`, `not-done`"],
    ),
    (
        "key-duplicate",
        [
            "4:1: `year` is given twice",
            "keep one of them: a key is given once in its table, a `[table]` once in the file (sections and activities repeat as `[[section]]`, `[[section.activity]]`)",
        ],
        [
            "4:1: `year` указан дважды",
            "оставьте одно: ключ задаётся в таблице один раз, таблица `[...]` — один раз в файле (разделы и мероприятия повторяются как `[[section]]`, `[[section.activity]]`)",
        ],
    ),
    (
        "key-duplicate-table",
        [
            "11:10: `presidium` is given twice",
            "keep one of them: a key is given once in its table, a `[table]` once in the file (sections and activities repeat as `[[section]]`, `[[section.activity]]`)",
        ],
        [
            "11:10: `presidium` указан дважды",
            "оставьте одно: ключ задаётся в таблице один раз, таблица `[...]` — один раз в файле (разделы и мероприятия повторяются как `[[section]]`, `[[section.activity]]`)",
        ],
    ),
    (
        "key-duplicate-in-held",
        [
            "15:42: `note` is given twice",
            "keep one of them: a key is given once in its table, a `[table]` once in the file (sections and activities repeat as `[[section]]`, `[[section.activity]]`)",
        ],
        [
            "15:42: `note` указан дважды",
            "оставьте одно: ключ задаётся в таблице один раз, таблица `[...]` — один раз в файле (разделы и мероприятия повторяются как `[[section]]`, `[[section.activity]]`)",
        ],
    ),
    (
        "syntax-nested-too-deep",
        [
            "15:88: brackets are nested too deeply",
            "a plan needs no more than two levels of `[` or `{`: look for brackets that are not closed",
        ],
        [
            "15:88: скобки вложены слишком глубоко",
            "плану нужно не больше двух уровней `[` или `{`: проверьте, все ли скобки закрыты",
        ],
    ),
    (
        "syntax-extra-comma",
        [
            "15:20: an extra comma: there is no item before it",
            "remove it: a comma goes only between two items, `[2019-03-14, 2019-04-10]`",
        ],
        [
            "15:20: лишняя запятая: перед ней нет элемента",
            "уберите её: запятая ставится только между двумя элементами, `[2019-03-14, 2019-04-10]`",
        ],
    ),
    (
        "syntax-bad-number",
        [
            "3:8: `2_019_` is not a number TOML can read",
            "write a whole number in digits, such as `2019` (`_` may stand only between digits); text goes in quotes",
        ],
        [
            "3:8: `2_019_` — TOML не читает такое число",
            "напишите целое число цифрами, например `2019` (`_` допустим только между цифрами); текст пишется в кавычках",
        ],
    ),
    (
        "date-in-quotes-approval",
        [
            "6:8: the date `\"20.12.2018\"` is in quotes, so TOML reads it as text",
            "write the date without quotes: `2018-12-20`",
        ],
        [
            "6:8: дата `\"20.12.2018\"` в кавычках, и TOML читает её как текст",
            "напишите дату без кавычек: `2018-12-20`",
        ],
    ),
];

#[test]
fn every_kind_of_toml_mistake_is_told_whole_with_help_in_both_languages() {
    let mut failures = Vec::new();
    for &(name, english, russian) in KIND_CASES {
        let path = Path::new("tests").join("hostile").join(format!("{name}.toml"));
        for (lang, [message, help], error, helped) in
            [("en", english, "error", "= help: "), ("ru", russian, "ошибка", "= подсказка: ")]
        {
            let (code, stdout, stderr) = run(plan_file(&path).args(["--lang", lang, "list"]));
            let first = stderr.lines().next().unwrap_or("");
            let want = format!("{error}: {}:{message}", path.display());
            let help_line = stderr.lines().find_map(|l| l.trim_start().strip_prefix(helped)).unwrap_or("");
            if code != 2 || !stdout.is_empty() || first != want || help_line != help {
                failures.push(format!(
                    "{name} ({lang}):\n  want {want}\n       {help}\n  got  {first}\n       {help_line}"
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn the_source_line_and_a_caret_show_where() {
    let stderr = refused(
        Path::new("tests/hostile/date-in-quotes.toml"),
        "error: tests/hostile/date-in-quotes.toml:15:21: the date `\"2019-04-24\"` is in quotes, so TOML reads it as text",
    );
    assert!(
        stderr.contains(
            "15 | held = [2019-04-10, \"2019-04-24\"]\n   |                     ^^^^^^^^^^^^\n   = help: write the date without quotes: `2019-04-24`\n"
        ),
        "{stderr}"
    );
}

#[test]
fn a_date_written_the_russian_way_is_named_with_its_toml_form_in_both_languages() {
    let path = Path::new("tests/hostile/date-russian-form.toml");
    let (code, _, english) = run(plan_file(path).arg("list"));
    assert_eq!(code, 2);
    assert_eq!(
        english,
        "error: tests/hostile/date-russian-form.toml:15:9: `24.10.2019` is not a date TOML can read: dates are written YYYY-MM-DD\n   |\n15 | held = [24.10.2019]\n   |         ^^^^^^^^^^\n   = help: write `2019-10-24`, without quotes\n"
    );
    let (code, _, russian) = run(plan_file(path).args(["--lang", "ru", "list"]));
    assert_eq!(code, 2);
    assert_eq!(
        russian,
        "ошибка: tests/hostile/date-russian-form.toml:15:9: `24.10.2019` — TOML не читает такую дату: даты пишутся в виде ГГГГ-ММ-ДД\n   |\n15 | held = [24.10.2019]\n   |         ^^^^^^^^^^\n   = подсказка: напишите `2019-10-24`, без кавычек\n"
    );
    let (_, _, no_such_day) =
        run(plan_file(Path::new("tests/hostile/date-russian-form-no-such-day.toml")).args(["--lang", "ru", "list"]));
    assert!(
        no_such_day.contains("= подсказка: такого дня нет: напишите существующую дату в виде ГГГГ-ММ-ДД"),
        "{no_such_day}"
    );
}

#[test]
fn merge_conflict_markers_are_named_as_such_every_one() {
    let (_, _, stderr) = run(plan_file(Path::new("tests/hostile/merge-conflict.toml")).arg("list"));
    let heads: Vec<&str> = stderr.lines().filter(|l| l.starts_with("error: ")).collect();
    assert_eq!(
        heads,
        [
            "error: tests/hostile/merge-conflict.toml:13:1: git merge-conflict marker `<<<<<<<` left in the file",
            "error: tests/hostile/merge-conflict.toml:15:1: git merge-conflict marker `=======` left in the file",
            "error: tests/hostile/merge-conflict.toml:17:1: git merge-conflict marker `>>>>>>>` left in the file",
            "error: `tests/hostile/merge-conflict.toml` has 3 problems; nothing was done",
        ]
    );
}

#[test]
fn not_utf8_text_is_named_at_its_first_bad_byte() {
    // "План" in Windows-1251, as an old Russian Windows editor saves it.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("cp1251.toml");
    fs::write(&path, b"[plan]\ntitle = \"\xcf\xeb\xe0\xed\"\nyear = 2019\n").unwrap();
    refused(&path, &format!("error: {}:2:10: the file is not valid UTF-8 from here on", path.display()));
}

#[test]
fn utf16_is_named_as_such() {
    let dir = tempfile::tempdir().unwrap();
    for (name, bom) in [("with-bom.toml", true), ("without-bom.toml", false)] {
        let path = dir.path().join(name);
        let mut bytes = if bom { vec![0xFF, 0xFE] } else { Vec::new() };
        bytes.extend(GOOD.encode_utf16().flat_map(u16::to_le_bytes));
        fs::write(&path, bytes).unwrap();
        refused(
            &path,
            &format!("error: {}:1:1: the file is saved as UTF-16 (\"Unicode\"), not as UTF-8", path.display()),
        );
    }
}

#[test]
fn a_binary_file_is_not_read_as_a_plan() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("program.toml");
    // The start of an ELF executable: control characters, then NUL.
    fs::write(&path, b"\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x02\x00>\x00\x01\x1b[2J").unwrap();
    let stderr = refused(
        &path,
        &format!("error: {}:1:8: this is a binary file (it contains a NUL byte), not a TOML plan", path.display()),
    );
    assert!(stderr.contains("\\u{7f}ELF\\u{2}\\u{1}\\u{1}\\u{0}"), "{stderr}");
}

#[test]
fn random_bytes_never_panic() {
    // A fixed pseudo-random sequence (xorshift), so that a failure can be repeated.
    let mut state = 0x2545_f491_4f6c_dd1d_u64;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("noise.toml");
    for length in [1, 7, 64, 1000, 65_536] {
        let bytes: Vec<u8> = (0..length)
            .map(|_| {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                state.to_le_bytes()[0]
            })
            .collect();
        fs::write(&path, &bytes).unwrap();
        let (code, stdout, stderr) = run(plan_file(&path).arg("list"));
        assert_eq!((code, stdout.as_str()), (2, ""), "{length} bytes: {stderr}");
        assert!(stderr.starts_with(&format!("error: {}:", path.display())), "{stderr}");
        assert!(!stderr.chars().any(|c| c.is_control() && c != '\n'), "{stderr:?}");
    }
}

#[test]
fn a_byte_order_mark_is_accepted_and_positions_stay_right() {
    let (_dir, path) = temp_plan(&format!("\u{feff}{GOOD}"));
    let (code, stdout, stderr) = run(plan_file(&path).arg("list"));
    assert_eq!((code, stdout.as_str()), (0, GOOD_LIST), "{stderr}");
    let (_dir, path) = temp_plan(&format!("\u{feff}{}", GOOD.replace("апрель", "апрел")));
    refused(&path, &format!("error: {}:10:9: unknown time expression `апрел`", path.display()));
}

/// What `plan list` prints for [`GOOD`]: the header row, then its one activity.
const GOOD_LIST: &str = "No.  Time    Responsible  Activity\n1.1  апрель  P            A\n";

/// `text` with its lines ending in turn with CRLF, LF and a lone CR.
fn mixed_line_endings(text: &str) -> String {
    text.split_inclusive('\n')
        .enumerate()
        .map(|(i, line)| match i % 3 {
            0 => line.replace('\n', "\r\n"),
            1 => line.to_owned(),
            _ => line.replace('\n', "\r"),
        })
        .collect()
}

#[test]
fn crlf_and_mixed_line_endings_load() {
    let crlf = GOOD.replace('\n', "\r\n");
    let mixed = mixed_line_endings(GOOD);
    for text in [crlf, mixed] {
        let (_dir, path) = temp_plan(&text);
        let (code, stdout, stderr) = run(plan_file(&path).arg("list"));
        assert_eq!((code, stdout.as_str(), stderr.as_str()), (0, GOOD_LIST, ""), "{text:?}");
    }
}

#[test]
fn line_numbers_count_every_kind_of_line_ending() {
    let text = mixed_line_endings(&GOOD.replace("апрель", "апрел"));
    let (_dir, path) = temp_plan(&text);
    refused(&path, &format!("error: {}:10:9: unknown time expression `апрел`", path.display()));
}

#[test]
fn a_directory_is_not_a_plan() {
    let dir = tempfile::tempdir().unwrap();
    let (code, stdout, stderr) = run(plan_file(dir.path()).arg("list"));
    assert_eq!((code, stdout.as_str()), (2, ""));
    assert_eq!(
        stderr.lines().next(),
        Some(format!("error: cannot read `{}`: it is a directory, not a plan file", dir.path().display()).as_str())
    );
    assert!(stderr.contains("= help: "), "{stderr}");
}

#[test]
fn a_missing_file_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("2019.toml");
    let (code, stdout, stderr) = run(plan_file(&path).arg("list"));
    assert_eq!((code, stdout.as_str()), (2, ""));
    assert_eq!(
        stderr,
        format!(
            "error: cannot read `{}`: no such file\n  = help: check the path given with `--file` or `PLAN_FILE`\n",
            path.display()
        )
    );
}

#[cfg(unix)]
#[test]
fn an_unreadable_file_is_named() {
    use std::os::unix::fs::PermissionsExt;
    let (dir, path) = temp_plan(GOOD);
    fs::set_permissions(&path, fs::Permissions::from_mode(0o000)).unwrap();
    let mut command = plan_file(&path);
    // Root (as in CI containers) reads the file whatever its mode: `plan` then runs as `nobody`.
    if fs::File::open(&path).is_ok() {
        if Process::new("setpriv").arg("--version").output().is_err() {
            crate::common::cannot_run_without("a user other than root, or `setpriv` (util-linux) to become one");
            return;
        }
        fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o755)).unwrap();
        command = assert_cmd::Command::new("setpriv");
        command
            .args(["--reuid=65534", "--regid=65534", "--clear-groups", env!("CARGO_BIN_EXE_plan")])
            .args(["--color", "never", "--file"])
            .arg(&path)
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .env_remove("PLAN_LANG")
            .env("LANG", "C");
    }
    let (code, stdout, stderr) = run(command.arg("list"));
    assert_eq!((code, stdout.as_str()), (2, ""));
    assert_eq!(
        stderr,
        format!(
            "error: cannot read `{}`: permission denied\n  = help: make the file readable (`chmod u+r`)\n",
            path.display()
        )
    );
    fs::set_permissions(&path, fs::Permissions::from_mode(0o600)).unwrap();
    drop(dir);
}

#[test]
fn very_long_lines_load_and_are_cut_short_in_messages() {
    let title = "Заседание ".repeat(100_000);
    let (_dir, path) = temp_plan(&GOOD.replace("title = \"A\"", &format!("title = \"{title}\"")));
    let (code, stdout, stderr) = run(plan_file(&path).arg("list"));
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains(&title), "the whole title is printed");
    // A mistake at the end of a megabyte line: the message shows the part of the line around it.
    let (_dir, path) = temp_plan(&GOOD.replace("title = \"A\"", &format!("title = \"{title}\" x")));
    let column = "title = \"\"".chars().count() + title.chars().count() + 2;
    let stderr = refused(&path, &format!("error: {}:9:{column}: unexpected text after the value", path.display()));
    assert!(stderr.lines().any(|l| l.starts_with("9 | …") && l.ends_with("Заседание \" x")), "{stderr}");
}

#[test]
fn deep_nesting_is_refused_without_overflowing_the_stack() {
    for (open, column) in [("[", 85), ("{a=", 245)] {
        let (_dir, path) = temp_plan(&format!("{GOOD}x = {}", open.repeat(100_000)));
        refused(&path, &format!("error: {}:12:{column}: brackets are nested too deeply", path.display()));
    }
}

#[test]
fn a_50_mb_plan_is_read_whole_and_its_last_line_found() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("big.toml");
    let comment = format!("# {}\n", "x".repeat(97));
    let lines = 50 * 1024 * 1024 / comment.len();
    let mut text = String::with_capacity(GOOD.len() + lines * comment.len() + 16);
    text.push_str(GOOD);
    for _ in 0..lines {
        text.push_str(&comment);
    }
    text.push_str("oops\n");
    fs::write(&path, &text).unwrap();
    assert!(fs::metadata(&path).unwrap().len() > 50 * 1024 * 1024);
    let line = GOOD.lines().count() + lines + 1;
    refused(&path, &format!("error: {}:{line}:5: a key must be followed by `=` and a value", path.display()));
}

#[test]
fn a_plan_over_64_mib_is_refused_before_it_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.toml");
    // A sparse file: 64 MiB and one byte, made in no time and taking no disk space.
    fs::File::create(&path).unwrap().set_len(plan::model::MAX_PLAN_BYTES + 1).unwrap();
    let (code, stdout, stderr) = run(plan_file(&path).arg("list"));
    assert_eq!((code, stdout.as_str()), (2, ""));
    assert_eq!(
        stderr,
        format!(
            "error: `{}` is too large to be a plan: 67108865 bytes, the limit is 67108864 bytes (64 MiB)\n  \
             = help: check that this is the right file; split a larger plan by year\n",
            path.display()
        )
    );
}

#[test]
fn a_plan_of_exactly_64_mib_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("limit.toml");
    fs::File::create(&path).unwrap().set_len(plan::model::MAX_PLAN_BYTES).unwrap();
    // All NUL bytes: read, then refused for what it holds, not for its size.
    refused(
        &path,
        &format!("error: {}:1:1: this is a binary file (it contains a NUL byte), not a TOML plan", path.display()),
    );
}

#[cfg(target_os = "linux")]
#[test]
fn a_device_is_refused_before_it_is_read() {
    // `/dev/zero` says it is empty and never ends; `/dev/stdin` may wait forever: neither is a
    // regular file, and neither is read at all.
    for device in ["/dev/zero", "/dev/null"] {
        let (code, stdout, stderr) = run(plan().args(["--file", device, "list"]));
        assert_eq!((code, stdout.as_str()), (2, ""));
        assert!(stderr.starts_with(&format!("error: cannot read `{device}`: it is not a regular file")), "{stderr}");
    }
}

#[test]
fn text_quoted_from_the_file_is_cut_short_in_messages() {
    let long = "к".repeat(100_000);
    for (text, message) in [
        (GOOD.replace("year = 2019", &format!("year = 2019\n\"{long}\" = 1")), "unknown key"),
        (GOOD.replace("\"апрель\"", &format!("\"{long}\"")), "unknown time expression"),
        (GOOD.replace("[\"p\"]", &format!("[\"{long}\"]")), "unknown party"),
    ] {
        let (_dir, path) = temp_plan(&text);
        let (code, _, stderr) = run(plan_file(&path).arg("list"));
        assert_eq!(code, 2);
        let first = stderr.lines().next().unwrap();
        assert!(first.contains(&format!("{message} `{}…`", "к".repeat(60))), "{first}");
        assert!(stderr.len() < 2000, "{stderr}");
    }
}

#[test]
fn a_lone_carriage_return_ends_a_line_like_a_newline() {
    // Classic Mac OS line endings, or one stray CR left by a tool.
    let (_dir, path) = temp_plan(&GOOD.replace('\n', "\r"));
    let (code, stdout, stderr) = run(plan_file(&path).arg("list"));
    assert_eq!((code, stdout.as_str()), (0, GOOD_LIST), "{stderr}");
}

#[test]
fn thousands_of_mistakes_are_told_by_the_first_fifty_and_a_count() {
    let mut text = GOOD.to_owned();
    for _ in 0..5000 {
        text.push_str("[[section.activity]]\ntitle = \"A\"\nwhen = \"апрель\"\nresponsible = [\"nobody\"]\n");
    }
    let (_dir, path) = temp_plan(&text);
    let (code, stdout, stderr) = run(plan_file(&path).arg("list"));
    assert_eq!((code, stdout.as_str()), (2, ""));
    assert_eq!(stderr.lines().filter(|l| l.starts_with("error: ")).count(), 51, "{stderr}");
    assert_eq!(
        stderr.lines().last(),
        Some(format!("error: `{}` has 5000 problems, the first 50 shown; nothing was done", path.display()).as_str())
    );
}

#[test]
fn a_raw_control_character_is_named_and_shown_escaped() {
    for (text, position, code, shown) in [
        (GOOD.replace("title = \"A\"", "title = \"A\u{1b}[31m\""), "9:11", "001B", "1b"),
        (GOOD.replace("year = 2019", "year = 2019 # \u{7}"), "3:15", "0007", "7"),
    ] {
        let (_dir, path) = temp_plan(&text);
        let stderr = refused(
            &path,
            &format!(
                "error: {}:{position}: an invisible control character (U+{code}, shown as `\\u{{{shown}}}`) is in the file",
                path.display()
            ),
        );
        assert!(stderr.contains(&format!("\\u{{{shown}}}")), "{stderr}");
    }
}
