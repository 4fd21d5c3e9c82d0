//! Fitting in: completions (static and from the plan), the man page, the version, the git hook,
//! `--quiet`, and stdout/stderr discipline.

use crate::common::{fixture, plan, plan_file, run};

/// Every subcommand, as `plan --help` lists them.
const SUBCOMMANDS: [&str; 16] = [
    "list",
    "table",
    "show",
    "parties",
    "check",
    "held",
    "planned",
    "cancel",
    "new",
    "timeline",
    "export",
    "report",
    "completions",
    "man",
    "schema",
    "hook",
];

#[test]
fn static_bash_completion_completes_subcommands_and_flags_in_bash() {
    let (code, script, stderr) = run(plan().args(["completions", "bash"]));
    assert_eq!(code, 0, "{stderr}");
    // Load the script into bash and ask it what `plan <TAB>` and `plan list --fo<TAB>` offer.
    let ask = |words: &str, current: usize| {
        let program = format!(
            "eval \"$PLAN_SCRIPT\"; COMP_WORDS=({words}); COMP_CWORD={current}; COMP_LINE=\"${{COMP_WORDS[*]}}\"; \
             COMP_POINT=${{#COMP_LINE}}; _plan plan \"${{COMP_WORDS[$COMP_CWORD]}}\" plan; printf '%s\\n' \"${{COMPREPLY[@]}}\""
        );
        let output = std::process::Command::new("bash")
            .args(["--norc", "-c", &program])
            .env("PLAN_SCRIPT", &script)
            .output()
            .expect("bash runs (CI installs it with git)");
        assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
        String::from_utf8_lossy(&output.stdout).lines().map(str::to_owned).collect::<Vec<_>>()
    };
    let offered = ask("plan \"\"", 1);
    for subcommand in SUBCOMMANDS {
        assert!(offered.iter().any(|o| o == subcommand), "`plan <TAB>` offers {subcommand}: {offered:?}");
    }
    assert_eq!(ask("plan list --fo", 2), ["--format"]);
}

#[test]
fn static_completions_for_other_shells_register_plan_and_list_every_subcommand() {
    // zsh, fish, elvish and PowerShell are not installed on CI: each script is checked for the
    // line that registers it for `plan` and for each subcommand as a candidate in its syntax.
    type Candidate = fn(&str) -> String;
    let shells: [(&str, &str, Candidate); 4] = [
        ("zsh", "#compdef plan\n", |c| format!("\n'{c}:")),
        ("fish", "complete -c plan ", |c| format!("-f -a \"{c}\" -d '")),
        ("elvish", "set edit:completion:arg-completer[plan]", |c| format!("cand {c} '")),
        ("powershell", "Register-ArgumentCompleter -Native -CommandName 'plan'", |c| {
            format!("[CompletionResult]::new('{c}', '{c}', [CompletionResultType]::ParameterValue")
        }),
    ];
    for (shell, registration, candidate) in shells {
        let (code, stdout, stderr) = run(plan().args(["completions", shell]));
        assert_eq!(code, 0, "{shell}: {stderr}");
        assert!(stdout.contains(registration), "{shell} registers for plan");
        for subcommand in SUBCOMMANDS {
            assert!(stdout.contains(&candidate(subcommand)), "{shell} completes {subcommand}");
        }
    }
}

#[test]
fn dynamic_completion_registers_with_the_shell() {
    let (code, stdout, _) = run(plan().env("COMPLETE", "bash"));
    assert_eq!(code, 0);
    assert!(stdout.contains("complete -o nospace -o bashdefault"), "{stdout}");
    assert!(stdout.contains("COMPLETE=\"bash\""), "{stdout}");
}

/// What the shell gets back when it asks for the completions of `words`, the last one being typed.
fn complete(words: &[&str]) -> Vec<String> {
    let (code, stdout, stderr) = run(plan()
        .env("COMPLETE", "bash")
        .env("_CLAP_COMPLETE_INDEX", (words.len() - 1).to_string())
        .env("_CLAP_IFS", "\n")
        .arg("--")
        .args(words));
    assert_eq!(code, 0, "{stderr}");
    stdout.lines().map(str::to_owned).collect()
}

#[test]
fn responsible_completes_party_ids_from_the_plan() {
    assert_eq!(complete(&["plan", "list", "--responsible", ""]), ["presidium", "council", "branch", "members"]);
    assert_eq!(complete(&["plan", "list", "--responsible", "pr"]), ["presidium"]);
}

#[test]
fn show_completes_activity_ids_and_numbers() {
    let candidates = complete(&["plan", "show", ""]);
    assert!(candidates.contains(&"council-sessions".to_owned()), "{candidates:?}");
    assert!(candidates.contains(&"2.2".to_owned()), "{candidates:?}");
    let values: Vec<&String> = candidates.iter().filter(|c| !c.starts_with('-')).collect();
    assert_eq!(values.len(), 25, "23 numbers and 2 ids: {candidates:?}");
    assert_eq!(complete(&["plan", "show", "presidium-"]), ["presidium-sessions"]);
}

#[test]
fn completion_follows_plan_file() {
    let candidates = complete_with_file(&["plan", "list", "--responsible", ""]);
    assert_eq!(candidates, ["board", "office", "members"]);
}

fn complete_with_file(words: &[&str]) -> Vec<String> {
    let (_, stdout, _) = run(plan()
        .env("PLAN_FILE", fixture("small.toml"))
        .env("COMPLETE", "bash")
        .env("_CLAP_COMPLETE_INDEX", (words.len() - 1).to_string())
        .env("_CLAP_IFS", "\n")
        .arg("--")
        .args(words));
    stdout.lines().map(str::to_owned).collect()
}

#[test]
fn man_page_is_roff_with_every_command() {
    let (code, stdout, _) = run(plan().arg("man"));
    assert_eq!(code, 0);
    assert!(stdout.starts_with(".ie \\n(.g .ds Aq"), "{}", &stdout[..80]);
    assert!(stdout.contains(".TH plan 1"), "a section-1 page");
    for subcommand in ["list", "table", "show", "check", "parties"] {
        assert!(stdout.contains(&format!("plan\\-{subcommand}")), "{subcommand}");
    }
}

#[test]
fn version_is_plan_and_the_crate_version() {
    let (code, stdout, _) = run(plan().arg("--version"));
    assert_eq!(code, 0);
    assert_eq!(stdout, format!("plan {}\n", env!("CARGO_PKG_VERSION")));
}

#[test]
fn every_command_help_ends_with_examples() {
    for command in SUBCOMMANDS {
        let (code, stdout, _) = run(plan().args([command, "--help"]));
        assert_eq!(code, 0);
        assert!(stdout.contains("Examples:\n  plan"), "{command} --help has examples");
    }
}

#[test]
fn hook_install_writes_an_executable_hook_once() {
    let dir = tempfile::tempdir().unwrap();
    let git =
        |args: &[&str]| std::process::Command::new("git").args(args).current_dir(dir.path()).output().expect(NEEDS_GIT);
    assert!(git(&["init", "-q"]).status.success(), "{NEEDS_GIT}");
    let (code, stdout, stderr) = run(plan().current_dir(dir.path()).args(["hook", "--install"]));
    assert_eq!(code, 0, "{stderr}");
    let hook = dir.path().join(".git/hooks/pre-commit");
    assert_eq!(stdout.trim(), hook.display().to_string().trim_start_matches(&format!("{}/", dir.path().display())));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(std::fs::metadata(&hook).unwrap().permissions().mode() & 0o111, 0o111);
    }
    let (code, _, stderr) = run(plan().current_dir(dir.path()).args(["hook", "--install"]));
    assert_eq!(code, 2);
    assert!(stderr.contains("already exists"), "{stderr}");
    assert!(stderr.contains("--force"), "{stderr}");
    let (code, _, _) = run(plan().current_dir(dir.path()).args(["hook", "--install", "--force"]));
    assert_eq!(code, 0);
}

#[test]
fn hook_install_outside_a_repository_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let (code, _, stderr) =
        run(plan().current_dir(dir.path()).env("GIT_CEILING_DIRECTORIES", dir.path()).args(["hook", "--install"]));
    assert_eq!(code, 2);
    assert!(stderr.contains("not inside a git repository"), "{stderr}");
}

#[test]
fn quiet_check_prints_only_findings() {
    let (code, stdout, _) = run(plan().args(["--quiet", "--as-of", "2019-03-01", "check"]));
    assert_eq!((code, stdout.as_str()), (0, ""));
    let (code, stdout, _) = run(plan().args(["-q", "--as-of", "2019-04-02", "check"]));
    assert_eq!(code, 1);
    assert_eq!(stdout.lines().count(), 1, "{stdout}");
    assert!(stdout.starts_with("plans/2019.toml:45:1: error[overdue]"), "{stdout}");
}

#[test]
fn quiet_silences_notes_but_not_errors() {
    let (code, stdout, stderr) = run(plan().args(["-q", "list", "--period", "2020-04"]));
    assert_eq!((code, stdout.as_str(), stderr.as_str()), (0, "", ""));
    let (code, _, stderr) = run(plan().args(["-q", "list", "--period", "апрелл"]));
    assert_eq!(code, 2);
    assert!(stderr.starts_with("error: "));
}

#[test]
fn data_goes_to_stdout_and_notes_to_stderr() {
    let (_, stdout, stderr) =
        run(plan_file(&fixture("small.toml")).args(["list", "--period", "2020-04", "--format", "json"]));
    assert_eq!(stdout, "[]\n");
    assert!(stderr.starts_with("note: "), "{stderr}");
}

/// The hook tests need git: without it they would test nothing, so they fail instead of skipping.
const NEEDS_GIT: &str = "git is required for the hook tests (.ci/run installs it)";

#[test]
fn readme_shows_the_current_help_verbatim() {
    let (_, help, _) = run(plan().arg("--help"));
    let readme = std::fs::read_to_string(crate::common::root().join("README.md")).unwrap();
    let start = readme.find("$ plan --help\n").expect("the README quotes `plan --help`") + "$ plan --help\n".len();
    let end = start + readme[start..].find("```").unwrap();
    assert_eq!(&readme[start..end], help, "update the README's `plan --help` block");
}
