//! The README's examples are real: every read-only `$ plan ...` in a `console` block is run and
//! its output compared with what the README shows.

use crate::common::{plan, run, words};

/// Commands that change files, write elsewhere, need a pipe or a prepared directory are shown
/// for the reader but not re-run here (each has its own test elsewhere).
fn rerunnable(command: &str, expected: &str) -> bool {
    let changes_things = ["held", "planned", "cancel", "new", "hook", "-o "].iter().any(|word| command.contains(word));
    let needs_a_shell = command.contains('|') || command.contains('>');
    // An excerpt, with `...` for the lines left out.
    let excerpt = expected.lines().any(|line| line == "...");
    // Error examples are run too, on the plan with the mistake they show ([`error_example`]).
    !(changes_things || needs_a_shell || excerpt)
}

/// An example that shows an error (a message at `plans/2019.toml:62:9`, then the line itself)
/// is run on a copy of the shipped plan with the line shown put in at that line. Returns the
/// folder to run in, which guards the copy.
fn error_example(expected: &str) -> Option<tempfile::TempDir> {
    let first = expected.lines().next()?.strip_prefix("error: plans/2019.toml:")?;
    let line: usize = first.split(':').next()?.parse().ok()?;
    // The source line under the message: `62 | when = "феврал – май"`.
    let shown = expected.lines().find_map(|l| l.strip_prefix(&format!("{line} | ")))?;
    let shipped = crate::common::shipped_text();
    let mut lines: Vec<&str> = shipped.lines().collect();
    *lines.get_mut(line - 1)? = shown;
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("plans")).unwrap();
    std::fs::write(dir.path().join("plans/2019.toml"), lines.join("\n") + "\n").unwrap();
    Some(dir)
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
    let readme = std::fs::read_to_string(crate::common::root().join("README.md")).unwrap();
    let mut checked = 0;
    let mut errors = 0;
    for (command, expected) in examples(&readme) {
        if !rerunnable(&command, &expected) {
            continue;
        }
        let args = words(&command);
        if expected.starts_with("error:") {
            let dir = error_example(&expected).unwrap_or_else(|| panic!("`{command}`: no plan line to put in"));
            let (code, stdout, stderr) = run(plan().current_dir(dir.path()).args(&args[1..]));
            assert_eq!(
                (code, stdout.as_str(), stderr.as_str()),
                (2, "", expected.as_str()),
                "`{command}` in the README"
            );
            errors += 1;
        } else {
            let (_, stdout, _) = run(plan().args(&args[1..]));
            assert_eq!(stdout, expected, "`{command}` in the README");
        }
        checked += 1;
    }
    assert!(checked >= 8, "only {checked} README examples were checked");
    assert!(errors >= 1, "the README's error example was not checked");
}
