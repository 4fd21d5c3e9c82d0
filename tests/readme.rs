//! The README's examples are real: every read-only `$ plan ...` in a `console` block is run and
//! its output compared with what the README shows.

mod common;

use common::{plan, run};

/// Commands that change files, write elsewhere, need a pipe or a prepared directory are shown
/// for the reader but not re-run here (each has its own test elsewhere).
fn rerunnable(command: &str, expected: &str) -> bool {
    let changes_things = ["held", "planned", "cancel", "new", "hook", "-o "].iter().any(|word| command.contains(word));
    let needs_a_shell = command.contains('|') || command.contains('>');
    // "When the plan has a mistake" shows a plan with a typo put in on purpose.
    let broken_plan = expected.starts_with("error:");
    // An excerpt, with `...` for the lines left out.
    let excerpt = expected.lines().any(|line| line == "...");
    !(changes_things || needs_a_shell || broken_plan || excerpt)
}

/// Splits a command line on spaces, keeping "quoted words" together.
fn words(line: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut word = String::new();
    let mut quoted = false;
    for c in line.chars() {
        match c {
            '"' => quoted = !quoted,
            ' ' if !quoted => {
                if !word.is_empty() {
                    words.push(std::mem::take(&mut word));
                }
            }
            c => word.push(c),
        }
    }
    if !word.is_empty() {
        words.push(word);
    }
    words
}

/// (command line, expected output) for every `$ plan` of every `console` block.
fn examples(readme: &str) -> Vec<(String, String)> {
    let mut examples = Vec::new();
    let mut in_block = false;
    let mut current: Option<(String, String)> = None;
    for line in readme.lines() {
        if line.starts_with("```") {
            if let Some(example) = current.take() {
                examples.push(example);
            }
            in_block = line == "```console";
            continue;
        }
        if !in_block {
            continue;
        }
        if let Some(command) = line.strip_prefix("$ ") {
            if let Some(example) = current.take() {
                examples.push(example);
            }
            current = command.starts_with("plan ").then(|| (command.to_owned(), String::new()));
        } else if let Some((_, output)) = current.as_mut() {
            output.push_str(line);
            output.push('\n');
        }
    }
    examples
}

#[test]
fn readme_examples_print_what_the_readme_shows() {
    let readme = std::fs::read_to_string(common::root().join("README.md")).unwrap();
    let mut checked = 0;
    for (command, expected) in examples(&readme) {
        if !rerunnable(&command, &expected) {
            continue;
        }
        let args = words(&command);
        let (_, stdout, _) = run(plan().args(&args[1..]));
        assert_eq!(stdout, expected, "`{command}` in the README");
        checked += 1;
    }
    assert!(checked >= 8, "only {checked} README examples were checked");
}
