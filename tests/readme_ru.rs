//! The Russian guide's examples are real: every `$ plan ...` of a `console` block in
//! `README.ru.md` is run with a Russian locale and its output (stdout, then stderr) compared with
//! what the guide shows; an excerpt (a block with `...` lines) must show real lines in order.
//!
//! After a change of wording, `PLAN_UPDATE_README=1 cargo test --test main readme_ru` writes the new
//! outputs into the guide (excerpts are left for a person to redo); review the diff.

use crate::common::{plan, run, words};

/// One `$ plan ...` of a `console` block: the command, the output shown, and the line range of
/// that output in the guide.
struct Example {
    command: String,
    shown: String,
    lines: std::ops::Range<usize>,
}

fn examples(guide: &str) -> Vec<Example> {
    let mut examples = Vec::new();
    let mut in_block = false;
    let mut current: Option<Example> = None;
    for (number, line) in guide.lines().enumerate() {
        if line.starts_with("```") {
            examples.extend(current.take());
            in_block = line == "```console";
            continue;
        }
        if !in_block {
            continue;
        }
        if let Some(command) = line.strip_prefix("$ ") {
            examples.extend(current.take());
            current = command.starts_with("plan ").then(|| Example {
                command: command.to_owned(),
                shown: String::new(),
                lines: number + 1..number + 1,
            });
        } else if let Some(example) = current.as_mut() {
            example.shown.push_str(line);
            example.shown.push('\n');
            example.lines.end = number + 1;
        }
    }
    examples
}

/// Commands that change files or need a shell are shown, not run; `--dry-run` changes nothing.
fn runnable(command: &str) -> bool {
    let changes_things = ["held", "planned", "cancel", "new", "hook", "-o "].iter().any(|w| command.contains(w));
    let needs_a_shell = command.contains('|') || command.contains('>');
    (!changes_things || command.contains("--dry-run")) && !needs_a_shell
}

fn output(command: &str) -> String {
    let args = words(command);
    let (_, stdout, stderr) = run(plan().env("LANG", "ru_RU.UTF-8").args(&args[1..]));
    stdout + &stderr
}

#[test]
fn the_russian_guide_prints_what_it_shows() {
    let path = crate::common::root().join("README.ru.md");
    let guide = std::fs::read_to_string(&path).unwrap();
    let update = std::env::var_os("PLAN_UPDATE_README").is_some();
    let mut lines: Vec<String> = guide.lines().map(str::to_owned).collect();
    let mut checked = 0;
    // From the end, so that replacing one output keeps the line numbers of those before it.
    for example in examples(&guide).into_iter().rev().filter(|e| runnable(&e.command)) {
        let actual = output(&example.command);
        let excerpt = example.shown.lines().any(|line| line == "...");
        if excerpt {
            let mut actual_lines = actual.lines();
            for line in example.shown.lines().filter(|line| *line != "...") {
                assert!(
                    actual_lines.any(|a| a == line),
                    "`{}` in README.ru.md: `{line}` is not printed",
                    example.command
                );
            }
        } else if update {
            lines.splice(example.lines.clone(), actual.lines().map(str::to_owned));
        } else {
            assert_eq!(actual, example.shown, "`{}` in README.ru.md", example.command);
        }
        checked += 1;
    }
    if update {
        std::fs::write(&path, lines.join("\n") + "\n").unwrap();
    }
    assert!(checked >= 8, "only {checked} examples of README.ru.md were checked");
}

#[test]
fn the_readme_links_the_russian_guide_at_its_top() {
    let readme = std::fs::read_to_string(crate::common::root().join("README.md")).unwrap();
    let top: String = readme.lines().take(5).collect::<Vec<_>>().join("\n");
    assert!(top.contains("(README.ru.md)"), "{top}");
}
