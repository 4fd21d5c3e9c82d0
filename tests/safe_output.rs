//! Safe output (spec §5): whatever text the plan file holds, no command prints a raw control
//! character, terminal escape sequence or bidirectional override from it, in any format; JSON
//! stays valid and gives the text back exactly; CSV keeps the text but defuses formulas; and a
//! reader that stops early (`plan list | head -1`) is not an error.

use std::fmt::Write as _;
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Stdio};

use crate::common::{plan_file, run, temp_plan};

/// Clear the screen, go red, set the window title (OSC, ended by BEL), backspace, carriage
/// return, a right-to-left override and isolate, DEL, an 8-bit CSI, NUL.
/// Then the marks that turn text right to left (RLM, ALM, LRM) and the line and paragraph
/// separators, which break a line where no newline is seen.
const NASTY: &str = "\u{1b}[2J\u{1b}[31m\u{1b}]0;owned\u{7}\u{8}\r\u{202e}evil\u{2066}\u{7f}\u{9b}6n\u{0}\
                     \u{200f}\u{61c}\u{200e}\u{2028}\u{2029}";

/// `text` as a TOML basic string: control characters must be escaped there; the bidi
/// characters are written raw, as an editor would save them.
fn toml_string(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{:04X}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn title(n: u32) -> String {
    format!("Заседание {n} {NASTY} <script>alert({n})</script> конец")
}

/// The `when` of activity 1.2: a tab, a newline and a carriage return, and it still parses.
const WHEN_WITH_CONTROLS: &str = "июнь\t–\nсентябрь\r";

/// A plan that loads, with hostile text in every field that is printed anywhere.
fn hostile_plan() -> String {
    let s = toml_string;
    format!(
        "[plan]\ntitle = {plan_title}\norganization = {org}\nyear = 2019\n\n\
[parties.presidium]\nname = {p1}\nfull_name = {p1full}\naliases = [{alias}]\n\n\
[parties.unused]\nname = {p2}\n\n\
[[section]]\ntitle = {section}\nresponsible = [\"presidium\"]\n\n\
[[section.activity]]\nid = \"council-sessions\"\ntitle = {t1}\nwhen = \"не реже 1 раза в 3 месяца\"\n\
held = [{{ on = 2019-02-01, note = {held_note} }}, 2019-09-01]\nplanned = [2019-12-20]\nnote = {note}\n\n\
[[section.activity]]\ntitle = {t2}\nwhen = {when}\npartner = {partner}\nnote = {multiline}\n\n\
[[section.activity]]\ntitle = {t3}\nwhen = \"апрель\"\nheld = [2019-08-01]\n\n\
[[section]]\ntitle = {formula_section}\n\n\
[[section.activity]]\ntitle = {t4}\nwhen = \"весь период\"\nresponsible = [\"presidium\"]\nstatus = \"cancelled\"\n",
        plan_title = s(&format!("План {NASTY}")),
        org = s(&format!("Отделение {NASTY}")),
        p1 = s(&format!("Президиум {NASTY}")),
        p1full = s(&format!("Президиум полностью {NASTY}")),
        alias = s(&format!("президиум{NASTY}")),
        p2 = s(&format!("Никто {NASTY}")),
        section = s(&format!("Раздел {NASTY}")),
        t1 = s(&title(1)),
        held_note = s(&format!("протокол {NASTY}")),
        note = s(&format!("+7 999 {NASTY}")),
        t2 = s(&title(2)),
        when = s(WHEN_WITH_CONTROLS),
        partner = s("=HYPERLINK(\"http://example.com\",\"click\")"),
        multiline = s(&format!("строка 1\nстрока 2 {NASTY}")),
        t3 = s(&format!("-1 {}", title(3))),
        formula_section = s(&format!("@SUM(A1) {NASTY}")),
        t4 = s(&title(4)),
    )
}

fn is_bidi(c: char) -> bool {
    matches!(c, '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{2028}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// No control character but `\n` (and `\r\n`, where the format wants it: iCalendar), no bidi
/// override, and, with colour on, no escape sequence but the colours `plan` paints itself.
fn assert_clean(what: &str, text: &str, crlf: bool, colour: bool) {
    let mut text = text.to_owned();
    if crlf {
        text = text.replace("\r\n", "\n");
    }
    if colour {
        // Select Graphic Rendition, `ESC [ params m`: plan's own colours.
        let mut plain = String::with_capacity(text.len());
        let mut rest = text.as_str();
        while let Some(at) = rest.find("\u{1b}[") {
            plain.push_str(&rest[..at]);
            let after = &rest[at + 2..];
            let end = after.find(|c: char| !(c.is_ascii_digit() || c == ';')).unwrap_or(after.len());
            if after[end..].starts_with('m') {
                rest = &after[end + 1..];
            } else {
                plain.push('\u{1b}');
                rest = &rest[at + 1..];
            }
        }
        plain.push_str(rest);
        text = plain;
    }
    let bad: Vec<(usize, char)> =
        text.char_indices().filter(|&(_, c)| (c.is_control() && c != '\n') || is_bidi(c)).collect();
    assert!(bad.is_empty(), "{what}: raw {:?} in:\n{text}", bad.iter().take(5).collect::<Vec<_>>());
}

/// Every command and format that prints the plan's text; `show` for every activity.
fn invocations() -> Vec<Vec<&'static str>> {
    let mut all: Vec<Vec<&str>> = Vec::new();
    for format in ["plain", "json", "csv", "md"] {
        all.push(vec!["list", "--format", format]);
    }
    for format in ["table", "json", "csv", "md"] {
        all.push(vec!["table", "--format", format]);
    }
    for number in ["1.1", "1.2", "1.3", "2.1", "council-sessions"] {
        for format in ["text", "json"] {
            all.push(vec!["show", number, "--format", format]);
        }
    }
    for format in ["text", "json"] {
        all.push(vec!["parties", "--format", format]);
        all.push(vec!["check", "--format", format]);
    }
    all.push(vec!["check", "--quiet"]);
    all.push(vec!["timeline"]);
    all.push(vec!["export", "ics"]);
    all.push(vec!["export", "html"]);
    for format in ["text", "md", "html", "json"] {
        all.push(vec!["report", "--format", format]);
    }
    all.push(vec!["result", "1.2", "Проведено \u{1b}[2J", "--dry-run"]);
    all.push(vec!["held", "1.2", "2019-07-01", "--dry-run"]);
    all.push(vec!["planned", "1.1", "2019-12-25", "--dry-run"]);
    all.push(vec!["cancel", "1.3", "--dry-run"]);
    all.push(vec!["new", "2020", "--dry-run"]);
    all
}

/// Commands that print nothing from the plan, or whose output is not plan text.
// `import` reads a .docx, not the plan: tests/import.rs feeds it hostile text
// (`hostile_text_in_the_document_is_escaped`). `rollup` reads a folder of branch folders, not
// `--file`: tests/rollup.rs feeds it hostile names and plans (`hostile_text_is_escaped_in_every_format`).
const NOT_PLAN_OUTPUT: &[&str] = &["completions", "man", "schema", "hook", "help", "import", "rollup"];

#[test]
fn every_command_and_format_escapes_the_files_text() {
    let (_dir, path) = temp_plan(&hostile_plan());
    for args in invocations() {
        for lang in ["en", "ru"] {
            for colour in ["never", "always"] {
                let what = format!("plan --lang {lang} --color {colour} {}", args.join(" "));
                let (code, stdout, stderr) = run(plan_file(&path)
                    .args(["--lang", lang, "--color", colour, "--as-of", "2019-10-15"])
                    .args(&args));
                assert!(code == 0 || code == 1, "{what}: exit {code}: {stderr}");
                assert!(!stdout.is_empty(), "{what}: printed nothing");
                let crlf = args == ["export", "ics"];
                assert_clean(&format!("{what}, stdout"), &stdout, crlf, colour == "always");
                assert_clean(&format!("{what}, stderr"), &stderr, false, colour == "always");
            }
        }
    }
}

#[test]
fn every_command_that_prints_the_plan_is_tested() {
    let (_, help, _) = run(crate::common::plan().arg("--help"));
    let commands: Vec<&str> = help
        .lines()
        .skip_while(|l| !l.starts_with("Commands:"))
        .skip(1)
        .take_while(|l| !l.is_empty())
        .filter(|l| l.starts_with("  ") && !l.starts_with("   "))
        .filter_map(|l| l.split_whitespace().next())
        .collect();
    assert!(commands.contains(&"list"), "{help}");
    let tested = invocations();
    for command in commands {
        assert!(
            NOT_PLAN_OUTPUT.contains(&command) || tested.iter().any(|args| args[0] == command),
            "`plan {command}` is not in tests/safe_output.rs: add it to `invocations`"
        );
    }
}

#[test]
fn json_keeps_the_text_exactly() {
    let (_dir, path) = temp_plan(&hostile_plan());
    for command in ["list", "table"] {
        let (code, stdout, stderr) = run(plan_file(&path).args([command, "--format", "json"]));
        assert_eq!(code, 0, "{stderr}");
        let items: serde_json::Value = serde_json::from_str(&stdout).expect("valid JSON");
        assert_eq!(items[0]["title"], title(1));
        assert_eq!(items[0]["section"], format!("Раздел {NASTY}"));
        assert_eq!(items[0]["responsible"][0], format!("Президиум {NASTY}"));
        assert_eq!(items[0]["note"], format!("+7 999 {NASTY}"));
        assert_eq!(items[1]["when"], WHEN_WITH_CONTROLS);
        assert_eq!(items[1]["partner"], "=HYPERLINK(\"http://example.com\",\"click\")");
        assert_eq!(items[1]["note"], format!("строка 1\nстрока 2 {NASTY}"));
    }
    let (_, stdout, _) = run(plan_file(&path).args(["show", "1.1", "--format", "json"]));
    let shown: serde_json::Value = serde_json::from_str(&stdout).expect("valid JSON");
    assert_eq!(shown["title"], title(1), "{stdout}");
    let (_, stdout, _) = run(plan_file(&path).args(["parties", "--format", "json"]));
    let parties: serde_json::Value = serde_json::from_str(&stdout).expect("valid JSON");
    assert_eq!(parties[0]["name"], format!("Президиум {NASTY}"));
    assert_eq!(parties[0]["full_name"], format!("Президиум полностью {NASTY}"));
    assert_eq!(parties[0]["aliases"][0], format!("президиум{NASTY}"));
    let (_, stdout, _) = run(plan_file(&path).args(["--as-of", "2019-10-15", "check", "--format", "json"]));
    let report: serde_json::Value = serde_json::from_str(&stdout).expect("valid JSON");
    assert_eq!(report["rules"][0]["title"], title(1), "{stdout}");
}

#[test]
fn csv_keeps_the_text_and_defuses_formulas() {
    let (_dir, path) = temp_plan(&hostile_plan());
    for command in ["list", "table"] {
        let (code, stdout, stderr) = run(plan_file(&path).args([command, "--format", "csv"]));
        assert_eq!(code, 0, "{stderr}");
        let mut reader = csv::Reader::from_reader(stdout.as_bytes());
        let header = reader.headers().unwrap().clone();
        let column = |name: &str| header.iter().position(|h| h == name).unwrap();
        let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
        assert_eq!(rows.len(), 4);
        for row in &rows {
            for cell in row {
                assert!(!cell.starts_with(['=', '+', '-', '@', '\t', '\r']), "a formula: {cell:?}");
            }
        }
        assert_eq!(&rows[1][column("partner")], "'=HYPERLINK(\"http://example.com\",\"click\")");
        assert!(rows[0][column("note")].starts_with("'+7 999 "), "{:?}", &rows[0][column("note")]);
        assert!(rows[2][column("title")].starts_with("'-1 Заседание 3 "), "{:?}", &rows[2][column("title")]);
        assert!(rows[3][column("section")].starts_with("'@SUM(A1) "), "{:?}", &rows[3][column("section")]);
        // The text is kept, its control characters shown as escapes.
        assert_eq!(
            &rows[0][column("title")],
            "Заседание 1 \\u{1b}[2J\\u{1b}[31m\\u{1b}]0;owned\\u{7}\\u{8}\\r\\u{202e}evil\\u{2066}\\u{7f}\\u{9b}6n\\u{0}\
             \\u{200f}\\u{61c}\\u{200e}\\u{2028}\\u{2029} <script>alert(1)</script> конец"
        );
    }
}

#[test]
fn html_pages_do_not_run_the_files_text() {
    let (_dir, path) = temp_plan(&hostile_plan());
    for args in [&["export", "html"][..], &["report", "--format", "html"][..]] {
        let (code, stdout, stderr) = run(plan_file(&path).args(args));
        assert!(code == 0 || code == 1, "{stderr}");
        assert!(!stdout.contains("<script>alert"), "{args:?}: {stdout}");
        assert!(stdout.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "{args:?}: {stdout}");
    }
}

/// A plan that does not load, with hostile text in each place an error quotes the file.
fn hostile_broken_plan() -> String {
    let s = toml_string;
    format!(
        "[plan]\ntitle = \"T\"\nyear = 2019\n{bad_key} = 1\n\n[parties.{bad_id}]\nname = \"P\"\n\n\
[[section]]\ntitle = \"S\"\n\n[[section.activity]]\nid = {bad_id}\ntitle = \"A\"\nwhen = {bad_when}\n\
responsible = [{ghost}]\n\n[[section.activity]]\ntitle = \"B {bidi}\"\nwhen = \"апрель\"\nresponsible = [{ghost}]\n",
        bad_key = s(&format!("key{NASTY}")),
        bad_id = s(&format!("evil{NASTY}")),
        bad_when = s(&format!("апрель{NASTY}")),
        ghost = s(&format!("ghost{NASTY}")),
        bidi = "\u{202e}\u{2066}",
    )
}

#[test]
fn error_messages_and_the_source_lines_under_them_are_escaped() {
    let text = hostile_broken_plan();
    let (_dir, path) = temp_plan(&text);
    // The unknown key stops the TOML layer first; without it, every semantic error is shown.
    let without_key: String = text.lines().filter(|l| !l.contains("= 1")).flat_map(|l| [l, "\n"]).collect();
    let (_dir2, path2) = temp_plan(&without_key);
    for path in [&path, &path2] {
        for lang in ["en", "ru"] {
            for colour in ["never", "always"] {
                let (code, stdout, stderr) = run(plan_file(path).args(["--lang", lang, "--color", colour, "list"]));
                assert_eq!((code, stdout.as_str()), (2, ""), "{stderr}");
                assert_clean(&format!("errors in {lang}"), &stderr, false, colour == "always");
            }
        }
    }
    let (_, _, stderr) = run(plan_file(&path2).arg("list"));
    assert!(stderr.contains("`evil\\u{1b}[2J\\u{1b}[31m"), "{stderr}");
    assert!(stderr.contains("unknown party `ghost\\u{1b}[2J"), "{stderr}");
    assert!(stderr.contains("unknown time expression `апрель\\u{1b}[2J"), "{stderr}");
}

#[test]
fn command_line_errors_that_list_the_plan_are_escaped() {
    let (_dir, path) = temp_plan(&hostile_plan());
    for args in [
        &["list", "--section", "no such section"][..],
        &["list", "--responsible", "nobody at all"][..],
        &["show", "9.9"][..],
        &["list", "--period", "\u{1b}[2Japril"][..],
    ] {
        let (code, stdout, stderr) = run(plan_file(&path).args(args));
        assert_eq!((code, stdout.as_str()), (2, ""), "{args:?}: {stderr}");
        assert_clean(&format!("{args:?}"), &stderr, false, false);
    }
}

#[test]
fn a_path_with_control_characters_is_escaped_in_messages() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan\u{1b}[2J.toml");
    let (code, _, stderr) = run(plan_file(&path).arg("list"));
    assert_eq!(code, 2);
    assert_clean("a missing file's path", &stderr, false, false);
    std::fs::write(&path, "[plan]\ntitle = 1\n").unwrap();
    let (code, _, stderr) = run(plan_file(&path).arg("list"));
    assert_eq!(code, 2);
    assert_clean("an invalid file's path", &stderr, false, false);
}

/// A plan long enough that its output overflows any pipe buffer.
fn many_activities() -> String {
    let mut text = String::from("[plan]\ntitle = \"Big\"\nyear = 2019\n[parties.p]\nname = \"P\"\n");
    text.push_str("[[section]]\ntitle = \"S\"\nresponsible = [\"p\"]\n");
    for i in 0..3000 {
        let _ = write!(
            text,
            "[[section.activity]]\ntitle = \"Activity {i}, with a title long enough to fill the pipe quickly\"\n\
             when = \"апрель\"\nnote = \"=1+{i}\"\n"
        );
    }
    text
}

/// Starts `plan ARGS`, reads its first line, closes the pipe, and returns its exit code and
/// stderr: as `plan ... | head -1` does.
fn first_line_then_close(path: &Path, args: &[&str]) -> (Option<i32>, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_plan"))
        .args(["--color", "never", "--lang", "en", "--file"])
        .arg(path)
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("plan starts");
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap()).read_line(&mut line).unwrap();
    assert!(!line.is_empty(), "{args:?}: no output");
    // The reader is dropped here: the pipe closes while plan is still writing.
    let output = child.wait_with_output().unwrap();
    (output.status.code(), String::from_utf8_lossy(&output.stderr).into_owned())
}

#[test]
fn a_reader_that_stops_early_is_not_an_error() {
    let (_dir, path) = temp_plan(&many_activities());
    let cases: &[&[&str]] = &[
        &["list"],
        &["list", "--format", "json"],
        &["list", "--format", "csv"],
        &["list", "--format", "md"],
        &["table"],
        &["table", "--format", "csv"],
        &["table", "--format", "md"],
        &["timeline"],
        &["export", "ics"],
        &["export", "html"],
        &["report"],
        &["report", "--format", "html"],
    ];
    for args in cases {
        let (code, stderr) = first_line_then_close(&path, args);
        assert_eq!((code, stderr.as_str()), (Some(0), ""), "plan {} | head -1", args.join(" "));
    }
}

#[cfg(unix)]
#[test]
fn plan_list_into_head_exits_0_in_a_shell_pipeline() {
    let (_dir, path) = temp_plan(&many_activities());
    let Ok(output) = Command::new("bash")
        .arg("-c")
        .arg("set -o pipefail; \"$0\" --color never --file \"$1\" list | head -1")
        .arg(env!("CARGO_BIN_EXE_plan"))
        .arg(&path)
        .output()
    else {
        crate::common::cannot_run_without("bash, to run the pipeline");
        return;
    };
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(0), "{stderr}");
    assert_eq!(stdout.lines().count(), 1, "{stdout}");
    assert!(stderr.is_empty(), "{stderr}");
}

/// Runs `plan ARGS` with its stdout already closed by the reader (`plan ... | true`): the first
/// write meets a closed pipe. Returns the exit code and stderr.
fn stdout_closed_at_once(args: &[&str]) -> (Option<i32>, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_plan"))
        .current_dir(crate::common::sandbox())
        .args(["--color", "never", "--lang", "en", "--as-of", "2019-04-15"])
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("plan starts");
    drop(child.stdout.take());
    let output = child.wait_with_output().unwrap();
    (output.status.code(), String::from_utf8_lossy(&output.stderr).into_owned())
}

#[test]
fn completions_into_a_closed_pipe_exit_0_without_a_panic() {
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        let (code, stderr) = stdout_closed_at_once(&["completions", shell]);
        assert_eq!((code, stderr.as_str()), (Some(0), ""), "plan completions {shell} | true");
    }
}

#[test]
fn a_closed_stdout_does_not_change_the_exit_code_of_check() {
    let fixture = crate::common::fixture("council/council.toml");
    let fixture = fixture.to_str().unwrap();
    let (code, stderr) = stdout_closed_at_once(&["--file", fixture, "--as-of", "2019-12-31", "check"]);
    assert_eq!((code, stderr.as_str()), (Some(1), ""), "plan check | true, with errors");
    let (code, _) = stdout_closed_at_once(&["--file", fixture, "--as-of", "2019-12-31", "check", "--format", "json"]);
    assert_eq!(code, Some(1), "plan check --format json | true, with errors");
    let (code, _) = stdout_closed_at_once(&["--file", "plans/2019.toml", "--as-of", "2019-01-10", "check"]);
    assert_eq!(code, Some(0), "plan check | true, no errors");
}

#[test]
fn a_closed_stdout_is_not_an_error_for_any_command() {
    for args in [&["--help"][..], &["--version"], &["man"], &["schema"], &["hook"], &["list"], &["held", "--help"]] {
        let (code, stderr) = stdout_closed_at_once(args);
        assert_eq!((code, stderr.as_str()), (Some(0), ""), "plan {} | true", args.join(" "));
    }
}

/// `plan ARGS >/dev/full`: every write fails with "no space left on device".
#[cfg(target_os = "linux")]
fn into_a_full_disk(args: &[&str]) -> (Option<i32>, String) {
    let full = std::fs::OpenOptions::new().write(true).open("/dev/full").expect("/dev/full exists on Linux");
    let output = Command::new(env!("CARGO_BIN_EXE_plan"))
        .current_dir(crate::common::sandbox())
        .args(["--color", "never", "--lang", "en", "--as-of", "2019-04-15"])
        .args(args)
        .stdout(full)
        .output()
        .expect("plan runs");
    (output.status.code(), String::from_utf8_lossy(&output.stderr).into_owned())
}

#[cfg(target_os = "linux")]
#[test]
fn a_full_disk_is_exit_2_with_a_message_never_a_panic() {
    for args in [
        &["completions", "bash"][..],
        &["completions", "zsh"],
        &["--help"],
        &["list", "--help"],
        &["--version"],
        &["list"],
        &["check", "--as-of", "2019-01-10"],
        &["man"],
    ] {
        let (code, stderr) = into_a_full_disk(args);
        assert_eq!(code, Some(2), "plan {} >/dev/full: {stderr}", args.join(" "));
        assert!(stderr.starts_with("error: "), "plan {} >/dev/full: {stderr}", args.join(" "));
        assert!(!stderr.contains("panicked"), "{stderr}");
    }
}

#[test]
fn argument_errors_do_not_echo_raw_control_or_bidi_characters() {
    for args in [
        &["--as-of", "2019\r\u{202e}-01-01", "list"][..],
        &["--lang", "ru\r\u{202e}\u{1b}[2J", "list"],
        &["list", "--format", "json\r\u{202e}\u{200f}"],
        &["check", "--format", "x\u{2028}y"],
    ] {
        let (code, stdout, stderr) = run(crate::common::plan().args(args));
        assert_eq!((code, stdout.as_str()), (2, ""), "{args:?}: {stderr}");
        assert!(stderr.contains("\\u{202e}") || stderr.contains("\\u{2028}"), "{args:?}: {stderr}");
        assert_clean(&format!("{args:?}"), &stderr, false, false);
    }
}

#[test]
fn notes_of_commands_that_write_escape_the_path() {
    // A committed `plans/2020<ESC>[2J.toml` is the newest plan: discovery picks it by itself.
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("plans")).unwrap();
    let name = "2020\u{1b}[2J\u{202e}.toml";
    let text = crate::common::shipped_text();
    std::fs::write(dir.path().join("plans").join(name), text.replace("year = 2019", "year = 2020")).unwrap();
    let runs: [&[&str]; 6] = [
        &["--as-of", "2020-12-31", "held", "1.1", "2020-03-14", "--dry-run"],
        &["--as-of", "2020-12-31", "held", "1.1", "2020-03-14"],
        &["--as-of", "2020-01-01", "planned", "1.1", "2020-06-14"],
        &["cancel", "2.1"],
        &["new", "2021", "--dry-run", "-o", "plans/2021\u{1b}[2J.toml"],
        &["new", "2021", "-o", "plans/2021\u{1b}[2J.toml"],
    ];
    for args in runs {
        let (code, stdout, stderr) = run(crate::common::plan().current_dir(dir.path()).args(args));
        assert_eq!(code, 0, "{args:?}: {stderr}");
        assert!(stderr.contains("\\u{1b}[2J"), "{args:?}: the path is shown, escaped: {stderr}");
        assert_clean(&format!("{args:?}, stderr"), &stderr, false, false);
        assert_clean(&format!("{args:?}, stdout"), &stdout, false, false);
    }
}
