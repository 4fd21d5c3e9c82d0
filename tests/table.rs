//! `plan table`: the document's three columns.

use crate::common::{fixture, plan, plan_file, run};

#[test]
fn table_of_the_2019_plan_in_russian() {
    let (code, stdout, _) = run(plan().args(["--lang", "ru", "table", "--width", "100"]));
    assert_eq!(code, 0);
    insta::assert_snapshot!(stdout);
}

#[test]
fn table_in_english_keeps_the_plan_text() {
    let (code, stdout, _) = run(plan().args(["table", "--width", "80", "--section", "2"]));
    assert_eq!(code, 0);
    insta::assert_snapshot!(stdout);
}

#[test]
fn table_fits_the_width() {
    for width in [60, 80, 120] {
        let (_, stdout, _) = run(plan().args(["table", "--width", &width.to_string()]));
        for line in stdout.lines() {
            assert!(line.chars().count() <= width, "{width}: {line}");
        }
    }
}

#[test]
fn piped_table_defaults_to_80_columns() {
    let (_, stdout, _) = run(plan().arg("table"));
    assert!(stdout.lines().all(|line| line.chars().count() <= 80));
    assert!(stdout.lines().any(|line| line.chars().count() == 80));
}

#[test]
fn markdown_table_has_a_heading_row_per_section() {
    let (code, stdout, _) = run(plan_file(&fixture("small.toml")).args(["table", "--format", "md"]));
    assert_eq!(code, 0);
    insta::assert_snapshot!(stdout);
}

#[test]
fn json_and_csv_are_the_same_as_list() {
    for format in ["json", "csv"] {
        let (_, table, _) = run(plan().args(["table", "--format", format]));
        let (_, list, _) = run(plan().args(["list", "--format", format]));
        assert_eq!(table, list, "{format}");
    }
}

/// A plan whose one activity has a title of `n` characters with no space in it.
fn plan_with_one_long_word(n: usize) -> String {
    format!(
        "[plan]\ntitle = \"T\"\nyear = 2019\n[parties.p]\nname = \"P\"\n[[section]]\ntitle = \"S\"\n\
         responsible = [\"p\"]\n[[section.activity]]\ntitle = \"{}\"\nwhen = \"апрель\"\n",
        "ж".repeat(n)
    )
}

#[test]
fn a_million_character_word_is_drawn_in_seconds_and_whole() {
    let (_dir, path) = crate::common::temp_plan(&plan_with_one_long_word(1_000_000));
    for width in [Some("100"), None] {
        let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_plan"));
        command.args(["--color", "never", "--file"]).arg(&path).arg("table");
        if let Some(width) = width {
            command.args(["--width", width]);
        }
        let mut child = command.stdout(std::process::Stdio::piped()).spawn().unwrap();
        let mut stdout = child.stdout.take().unwrap();
        let reader = std::thread::spawn(move || {
            let mut text = String::new();
            std::io::Read::read_to_string(&mut stdout, &mut text).map(|_| text)
        });
        // It took 299 s (release build) when comfy-table cut the word itself; it now takes well
        // under a second. Ten seconds leave room for a debug build on a busy machine.
        let started = std::time::Instant::now();
        while child.try_wait().unwrap().is_none() {
            if started.elapsed() > std::time::Duration::from_secs(10) {
                let _ = child.kill();
                panic!("plan table (width {width:?}) still runs after 10 s");
            }
            std::thread::sleep(std::time::Duration::from_millis(20));
        }
        let text = reader.join().unwrap().unwrap();
        assert_eq!(text.matches('ж').count(), 1_000_000, "the whole word is shown");
    }
}
