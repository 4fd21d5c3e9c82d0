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
fn a_million_character_word_is_drawn_whole() {
    let (_dir, path) = crate::common::temp_plan(&plan_with_one_long_word(1_000_000));
    for width in [Some("100"), None] {
        let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_plan"));
        command.args(["--color", "never", "--file"]).arg(&path).arg("table");
        if let Some(width) = width {
            command.args(["--width", width]);
        }
        // How fast is measured in benches/plan.rs (`long_word`): it took 299 s when comfy-table
        // cut the word itself.
        let output = command.output().unwrap();
        assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
        let text = String::from_utf8(output.stdout).unwrap();
        assert_eq!(text.matches('ж').count(), 1_000_000, "the whole word is shown");
    }
}
