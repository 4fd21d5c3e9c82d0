//! `plan timeline`: the year as a chart in the terminal.

use crate::common::{fixture, plan, plan_file, run, temp_plan};

/// Width in terminal columns: every character the chart draws is one column wide.
fn widest(text: &str) -> usize {
    text.lines().map(|line| line.chars().count()).max().unwrap_or(0)
}

#[test]
fn timeline_of_the_2019_plan_in_mid_april() {
    let (code, stdout, stderr) = run(plan().args(["--as-of", "2019-04-15", "timeline"]));
    assert_eq!(code, 0, "{stderr}");
    insta::assert_snapshot!(stdout);
}

#[test]
fn timeline_marks_held_planned_and_due_dates() {
    let (code, stdout, _) =
        run(plan_file(&fixture("meetings/meetings.toml")).args(["--as-of", "2019-11-20", "timeline"]));
    assert_eq!(code, 0);
    insta::assert_snapshot!(stdout);
}

#[test]
fn narrow_timeline_in_russian_uses_initials() {
    let (code, stdout, _) = run(plan_file(&fixture("meetings/meetings.toml")).args([
        "--lang",
        "ru",
        "--as-of",
        "2019-11-20",
        "timeline",
        "--width",
        "50",
    ]));
    assert_eq!(code, 0);
    insta::assert_snapshot!(stdout);
}

#[test]
fn piped_timeline_is_80_columns_wide() {
    let (_, stdout, _) = run(plan().args(["--as-of", "2019-04-15", "timeline"]));
    assert_eq!(widest(&stdout), 80, "{stdout}");
}

#[test]
fn timeline_fits_every_width() {
    for width in [30, 40, 47, 50, 60, 80, 100, 160] {
        let (code, stdout, _) = run(plan().args(["--as-of", "2019-04-15", "timeline", "--width", &width.to_string()]));
        assert_eq!(code, 0);
        assert!(widest(&stdout) <= width, "{width}:\n{stdout}");
        assert_eq!(stdout.lines().filter(|l| l.starts_with("3.1 ")).count(), 1, "{width}:\n{stdout}");
    }
}

#[test]
fn timeline_rows_follow_the_filters_of_list() {
    let args = ["--period", "II полугодие", "--no-ongoing", "--responsible", "presidium"];
    let (_, list, _) = run(plan().arg("list").args(args));
    // The list's first line is its header row.
    let list = list.split_once('\n').map_or("", |(_, rows)| rows);
    let (_, chart, _) = run(plan().args(["--as-of", "2019-04-15", "timeline"]).args(args));
    let numbers = |text: &str| -> Vec<String> {
        text.lines()
            .filter_map(|l| l.split_whitespace().next())
            .filter(|n| n.contains('.'))
            .map(str::to_owned)
            .collect()
    };
    assert!(!numbers(list).is_empty());
    assert_eq!(numbers(&chart), numbers(list), "{chart}");
}

#[test]
fn timeline_is_readable_without_colour_and_coloured_when_asked() {
    let (_, plain, _) = run(plan_file(&fixture("meetings/meetings.toml")).args(["--as-of", "2019-11-20", "timeline"]));
    assert!(!plain.contains('\u{1b}'));
    for mark in ['█', '░', '●', '○', '!', '×', '▼'] {
        assert!(plain.contains(mark), "{mark} missing:\n{plain}");
    }
    let (_, coloured, _) = run(plan_file(&fixture("meetings/meetings.toml")).args([
        "--color",
        "always",
        "--as-of",
        "2019-11-20",
        "timeline",
    ]));
    assert!(coloured.contains("\u{1b}["), "{coloured}");
    let stripped = strip_ansi(&coloured);
    assert_eq!(stripped, plain);
}

#[test]
fn as_of_outside_the_plan_is_not_marked() {
    let (_, stdout, _) = run(plan().args(["--as-of", "2020-02-01", "timeline"]));
    assert!(!stdout.contains('▼'), "{stdout}");
}

#[test]
fn a_plan_over_two_years_labels_the_years() {
    let (_dir, path) = temp_plan(
        "[plan]\ntitle = \"Season 2019/20\"\nstart = 2019-09-01\nend = 2020-08-31\n\
         [parties.p]\nname = \"P\"\n[[section]]\ntitle = \"S\"\nresponsible = [\"p\"]\n\
         [[section.activity]]\ntitle = \"Winter school\"\nwhen = \"2019-12-15..2020-02-10\"\nheld = [2020-01-20]\n\
         [[section.activity]]\ntitle = \"Board\"\nwhen = \"ежеквартально\"\n",
    );
    let (code, stdout, _) = run(plan_file(&path).args(["--as-of", "2020-01-10", "timeline"]));
    assert_eq!(code, 0);
    insta::assert_snapshot!(stdout);
}

#[test]
fn control_characters_in_titles_are_escaped() {
    let (_dir, path) = temp_plan(
        "[plan]\ntitle = \"Plan \\u001b[2J\"\nyear = 2019\n[parties.p]\nname = \"P\"\n[[section]]\ntitle = \"S\"\n\
         [[section.activity]]\ntitle = \"Bell \\u0007 here\"\nwhen = \"май\"\nresponsible = [\"p\"]\n",
    );
    let (code, stdout, _) = run(plan_file(&path).args(["--as-of", "2019-04-15", "timeline"]));
    assert_eq!(code, 0);
    assert!(!stdout.chars().any(|c| c.is_control() && c != '\n'), "{stdout:?}");
    assert!(stdout.contains("Plan \\u{1b}[2J") && stdout.contains("Bell \\u{7} here"), "{stdout}");
}

/// Removes the SGR sequences `anstyle` writes.
fn strip_ansi(text: &str) -> String {
    let mut out = String::new();
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' {
            for c in chars.by_ref() {
                if c == 'm' {
                    break;
                }
            }
        } else {
            out.push(c);
        }
    }
    out
}
