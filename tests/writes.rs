//! Writes that never surprise (issue 23): `-o` replaces only what `plan` wrote itself, a recorded
//! text is never silently replaced, a lock is waited for out loud, permissions, ACLs and
//! attributes survive an edit, and no temporary file outlives a signal.

use std::fs;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use crate::common::{edit, names, odd_plan, once, plan_file, root, run};

/// A copy of the small fixture plan in a fresh folder.
fn plan_copy() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("2019.toml");
    fs::copy(root().join("tests/fixtures/council-2019.toml"), &path).unwrap();
    (dir, path)
}

/// `plan --file PLAN ARGS -o OUT`: (exit code, stderr).
fn output(plan: &Path, args: &[&str], out: &Path) -> (i32, String) {
    let (code, _, stderr) = run(plan_file(plan).args(args).arg("-o").arg(out));
    (code, stderr)
}

#[test]
fn output_replaces_its_own_documents_and_nothing_else_without_force() {
    let (dir, plan) = plan_copy();
    // The README's own flow: the Word document a plan was imported from is not `plan`'s.
    let word = dir.path().join("plan-2019.docx");
    fs::write(&word, b"PK\x03\x04 the council's own document").unwrap();
    let (code, stderr) = output(&plan, &["export", "docx"], &word);
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("already exists, and `plan` did not write it"), "{stderr}");
    assert!(stderr.contains("--force"), "{stderr}");
    assert_eq!(fs::read(&word).unwrap(), b"PK\x03\x04 the council's own document");
    let (_, _, russian) = run(plan_file(&plan).env("PLAN_LANG", "ru").args(["export", "docx", "-o"]).arg(&word));
    assert!(russian.contains("уже существует, и записал его не `plan`"), "{russian}");
    // Each document `plan` writes is signed, and written again without a word.
    for (args, name) in [
        (&["export", "docx"][..], "plan.docx"),
        (&["export", "html"], "plan.html"),
        (&["export", "ics"], "plan.ics"),
        (&["report", "--format", "docx"], "report.docx"),
        (&["report", "--format", "html"], "report.html"),
    ] {
        let out = dir.path().join(name);
        assert_eq!(output(&plan, args, &out), (0, String::new()), "{name} the first time");
        let (code, stderr) = output(&plan, args, &out);
        assert_eq!(code, 0, "{name} again: {stderr}");
    }
    // A Markdown report carries no mark: the second time needs --force.
    let markdown = dir.path().join("report.md");
    assert_eq!(output(&plan, &["report", "--format", "md"], &markdown).0, 0);
    assert_eq!(output(&plan, &["report", "--format", "md"], &markdown).0, 2);
    assert_eq!(output(&plan, &["report", "--format", "md", "--force"], &markdown).0, 0);
    // --force replaces the user's file, keeping nothing of it.
    assert_eq!(output(&plan, &["export", "docx", "--force"], &word).0, 0);
    assert!(fs::read(&word).unwrap().len() > 1000);
    assert_eq!(output(&plan, &["export", "docx"], &word).0, 0, "and now it is plan's own");
}

#[test]
fn output_never_overwrites_what_looks_like_a_plan_even_with_force() {
    let (dir, plan) = plan_copy();
    let utf16: Vec<u8> =
        [0xFF, 0xFE].into_iter().chain("[plan]\ntitle = \"x\"\n".encode_utf16().flat_map(u16::to_le_bytes)).collect();
    let broken: [(&str, &[u8]); 7] = [
        ("spaced.txt", b"[ plan ]\ntitle = \"x\"\n"),
        ("quoted.txt", b"[\"plan\"]\ntitle = \"x\"\n"),
        ("dotted.txt", b"plan.title = \"x\"\nplan.year = 2019\n"),
        ("unclosed.txt", b"plan = { title = \"x\", year = 2019\n"),
        ("utf16.txt", &utf16),
        ("notes.toml", b"anything = 1\n"),
        ("2018.TOML", b""),
    ];
    for (name, bytes) in broken {
        let path = dir.path().join(name);
        fs::write(&path, bytes).unwrap();
        for force in [false, true] {
            let args: &[&str] = if force { &["export", "ics", "--force"] } else { &["export", "ics"] };
            let (code, stderr) = output(&plan, args, &path);
            assert_eq!(code, 2, "{name}: {stderr}");
            assert!(stderr.contains("is a plan file"), "{name}: {stderr}");
            assert_eq!(fs::read(&path).unwrap(), bytes, "{name}");
        }
    }
    // A `.toml` name that does not exist yet is refused too: `-o` makes no plans.
    let (code, stderr) = output(&plan, &["export", "html"], &dir.path().join("new.toml"));
    assert_eq!(code, 2, "{stderr}");
    assert!(!dir.path().join("new.toml").exists());
}

#[cfg(unix)]
#[test]
fn output_is_never_written_through_a_link_and_a_folder_is_called_a_folder() {
    let (dir, plan) = plan_copy();
    let target = dir.path().join("real.ics");
    assert_eq!(output(&plan, &["export", "ics"], &target).0, 0);
    let before = fs::read(&target).unwrap();
    let link = dir.path().join("link.ics");
    std::os::unix::fs::symlink(&target, &link).unwrap();
    let (code, stderr) = output(&plan, &["export", "ics", "--force"], &link);
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("is a symbolic link; `plan` never writes through one"), "{stderr}");
    assert!(fs::symlink_metadata(&link).unwrap().file_type().is_symlink());
    assert_eq!(fs::read(&target).unwrap(), before);
    let (code, stderr) = output(&plan, &["report"], dir.path());
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("is a folder; `-o` takes the name of a file"), "{stderr}");
    let (_, _, russian) = run(plan_file(&plan).env("PLAN_LANG", "ru").args(["report", "-o"]).arg(dir.path()));
    assert!(russian.contains("— это папка"), "{russian}");
}

#[test]
fn a_different_result_is_refused_showing_it_and_replace_or_append_say_what_to_do() {
    let (_dir, path, _) = odd_plan(false, false);
    let (code, _, stderr, first) = edit(&path, &["result", "1.1", "Утверждён отчёт"]);
    assert_eq!(code, 0, "{stderr}");
    // The same text again changes nothing and is no error.
    let (code, _, stderr, same) = edit(&path, &["result", "1.1", "Утверждён отчёт"]);
    assert_eq!((code, same.as_str()), (0, first.as_str()), "{stderr}");
    let (code, _, stderr, after) = edit(&path, &["result", "1.1", "Другой текст"]);
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("already has a `result`: «Утверждён отчёт»"), "{stderr}");
    assert!(stderr.contains("--replace") && stderr.contains("--append"), "{stderr}");
    assert_eq!(after, first);
    let (code, _, stderr, appended) = edit(&path, &["result", "1.1", "И план", "--append"]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(appended, once(&first, "\"Утверждён отчёт\"", "\"\"\"\nУтверждён отчёт\nИ план\"\"\""));
    let (code, _, stderr, replaced) = edit(&path, &["result", "1.1", "Заново", "--replace"]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(replaced, once(&first, "\"Утверждён отчёт\"", "\"Заново\""));
    let (code, _, stderr) = run(plan_file(&path).args(["result", "1.1", "x", "--replace", "--append"]));
    assert_eq!(code, 2, "the two flags contradict each other: {stderr}");
}

#[test]
fn a_cancellation_note_is_not_replaced_silently_either() {
    let (_dir, path, before) = odd_plan(false, false);
    let (code, _, stderr, after) = edit(&path, &["cancel", "2.2", "--note", "перенесён"]);
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("already has a `note`: «в Смоленске»"), "{stderr}");
    assert_eq!(after, before);
    let (_, _, russian) = run(plan_file(&path).env("PLAN_LANG", "ru").args(["cancel", "2.2", "--note", "перенесён"]));
    assert!(russian.contains("уже записано примечание (`note`): «в Смоленске»"), "{russian}");
    let (code, _, stderr, after) = edit(&path, &["cancel", "2.2", "--note", "перенесён", "--append"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(after.contains("note = \"\"\"\nв Смоленске\nперенесён\"\"\", status = \"cancelled\""), "{after}");
}

/// Holds the exclusive lock of `folder`, as another `plan` or a script under `flock DIR` would,
/// until the value is dropped.
fn hold_lock(folder: &Path) -> fs::File {
    let file = fs::File::open(folder).unwrap();
    file.lock().unwrap();
    file
}

/// `plan --file PATH ARGS`, started now, its stderr piped.
fn spawn(path: &Path, args: &[&str], env: &[(&str, &str)]) -> Child {
    Command::new(env!("CARGO_BIN_EXE_plan"))
        .args(["--color", "never", "--as-of", "2019-12-31", "--file"])
        .arg(path)
        .args(args)
        .envs(env.iter().copied())
        .env_remove("LC_ALL")
        .env("LANG", "C")
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap()
}

#[test]
fn of_two_concurrent_results_the_second_sees_the_first_and_is_refused() {
    let (dir, path, before) = odd_plan(false, false);
    let lock = hold_lock(dir.path());
    // Both start while the plan is locked: both have read nothing yet, and wait.
    let first = spawn(&path, &["result", "1.1", "Текст первого"], &[("PLAN_LANG", "en")]);
    let second = spawn(&path, &["result", "1.1", "Текст второго"], &[("PLAN_LANG", "en")]);
    std::thread::sleep(Duration::from_millis(300));
    drop(lock);
    let outputs = [first.wait_with_output().unwrap(), second.wait_with_output().unwrap()];
    let codes: Vec<i32> = outputs.iter().map(|o| o.status.code().unwrap()).collect();
    let mut sorted = codes.clone();
    sorted.sort_unstable();
    assert_eq!(sorted, [0, 2], "one lands, one is refused: {outputs:?}");
    let (won, lost) = if codes[0] == 0 { (0, 1) } else { (1, 0) };
    let texts = ["Текст первого", "Текст второго"];
    let after = fs::read_to_string(&path).unwrap();
    assert!(after.contains(texts[won]) && !after.contains(texts[lost]), "{after}");
    let refused = String::from_utf8_lossy(&outputs[lost].stderr);
    assert!(refused.contains(&format!("already has a `result`: «{}»", texts[won])), "{refused}");
    assert_ne!(after, before);
}

#[test]
fn a_writer_that_must_wait_says_so_at_once_and_gives_up_after_the_timeout() {
    let (dir, path, before) = odd_plan(false, false);
    let lock = hold_lock(dir.path());
    let started = Instant::now();
    let mut waiting = spawn(&path, &["held", "1.1", "2019-07-01"], &[("PLAN_LANG", "ru")]);
    let mut line = String::new();
    BufReader::new(waiting.stderr.take().unwrap()).read_line(&mut line).unwrap();
    // Said while the other command still holds the plan, long before any timeout.
    assert_eq!(line, "план занят другой командой; жду…\n");
    assert!(started.elapsed() < Duration::from_secs(10));
    assert_eq!(waiting.try_wait().unwrap(), None, "still waiting");
    drop(lock);
    assert!(waiting.wait().unwrap().success(), "and writes once the lock is free");
    assert!(fs::read_to_string(&path).unwrap().contains("2019-07-01"));

    let lock = hold_lock(dir.path());
    let edited = fs::read_to_string(&path).unwrap();
    let gives_up = spawn(&path, &["held", "1.1", "2019-08-01"], &[("PLAN_LOCK_TIMEOUT", "1"), ("PLAN_LANG", "en")]);
    let output = gives_up.wait_with_output().unwrap();
    drop(lock);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    assert!(stderr.starts_with("the plan is busy with another command; waiting…\n"), "{stderr}");
    assert!(stderr.contains("still busy with another command after 1 s; nothing was written"), "{stderr}");
    assert_eq!(fs::read_to_string(&path).unwrap(), edited);
    let (code, _, stderr) = run(plan_file(&path).env("PLAN_LOCK_TIMEOUT", "soon").args(["held", "1.1", "2019-04-01"]));
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("`PLAN_LOCK_TIMEOUT=soon` is not a number of seconds"), "{stderr}");
    assert_ne!(edited, before);
}

#[test]
fn a_comment_beside_a_planned_date_moves_with_it_into_held() {
    let (_dir, path, before) = odd_plan(false, false);
    let text = once(&before, "planned = [ 2019-12-10 ]   # назначено", "planned = [\n  2019-10-01, # в Вязьме\n]");
    fs::write(&path, &text).unwrap();
    let (code, _, stderr, after) = edit(&path, &["held", "1.1", "2019-10-01"]);
    assert_eq!(code, 0, "{stderr}");
    let expected = once(
        &once(
            &text,
            "  { on = 2019-06-14, note = 'протокол № 2' },\n]",
            "  { on = 2019-06-14, note = 'протокол № 2' },\n  2019-10-01, # в Вязьме\n]",
        ),
        // Emptied, `planned` goes, line and all.
        "planned = [\n  2019-10-01, # в Вязьме\n]\n",
        "",
    );
    assert_eq!(after, expected);
}

#[test]
fn the_comment_of_a_one_date_planned_line_moves_into_held_and_no_empty_planned_is_left() {
    // `planned = [ 2019-12-10 ]   # назначено`: the comment ends the line of the only date (a
    // `held` of one date per line: see `edit::held_on_a_planned_date_moves_it_from_planned`).
    let (_dir, path, before) = odd_plan(false, false);
    // On a one-line `held` the comment ends its line.
    let text = once(
        &before,
        "held = [\n  2019-03-14, # первое\n  { on = 2019-06-14, note = 'протокол № 2' },\n]",
        "held = [2019-03-14]",
    );
    fs::write(&path, &text).unwrap();
    let (code, _, stderr, after) = edit(&path, &["held", "1.1", "2019-12-10"]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(
        after,
        once(
            &text,
            "held = [2019-03-14]\nplanned = [ 2019-12-10 ]   # назначено\n",
            "held = [2019-03-14, 2019-12-10] # назначено\n"
        )
    );
}

#[test]
fn held_written_as_tables_works_with_every_edit_command() {
    let (_dir, path) = plan_copy();
    let text = "[plan]\ntitle = \"t\"\nyear = 2019\n[parties.p]\nname = \"P\"\n\n[[section]]\ntitle = \"s\"\n\
                responsible = [\"p\"]\n\n[[section.activity]]\ntitle = \"a\"\nwhen = \"ежемесячно\"\n\
                planned = [2019-05-10]\n\n[[section.activity.held]]\non = 2019-01-10\nnote = \"первое\"\n\n\
                [[section.activity.held]]\non = 2019-03-10\n\n[[section.activity]]\ntitle = \"b\"\nwhen = \"май\"\n";
    let table = |date: &str| format!("[[section.activity.held]]\non = {date}\n\n");
    let cases: [(&[&str], String); 5] = [
        (
            &["held", "1.1", "2019-02-10"],
            once(
                text,
                "[[section.activity.held]]\non = 2019-03-10",
                &format!("{}[[section.activity.held]]\non = 2019-03-10", table("2019-02-10")),
            ),
        ),
        (
            &["held", "1.1", "2019-05-10", "--note", "z"],
            once(
                &once(text, "planned = [2019-05-10]\n", ""),
                "on = 2019-03-10\n\n",
                "on = 2019-03-10\n\n[[section.activity.held]]\non = 2019-05-10\nnote = \"z\"\n\n",
            ),
        ),
        (&["planned", "1.1", "2019-12-31"], once(text, "planned = [2019-05-10]", "planned = [2019-05-10, 2019-12-31]")),
        (
            &["cancel", "1.1"],
            once(text, "planned = [2019-05-10]\n", "planned = [2019-05-10]\nstatus = \"cancelled\"\n"),
        ),
        (&["result", "1.1", "y"], once(text, "planned = [2019-05-10]\n", "planned = [2019-05-10]\nresult = \"y\"\n")),
    ];
    for (args, expected) in cases {
        fs::write(&path, text).unwrap();
        let (code, _, stderr, after) = edit(&path, args);
        assert_eq!(code, 0, "{args:?}: {stderr}");
        assert_eq!(after, expected, "{args:?}");
    }
}

#[test]
fn long_titles_and_notes_are_cut_in_messages() {
    let (_dir, path, before) = odd_plan(false, false);
    let long = "Очень длинное название ".repeat(20_000);
    fs::write(&path, once(&before, "title = \"Заседания совета\"", &format!("title = \"{long}\""))).unwrap();
    let note = "Длинное примечание ".repeat(1_000);
    let (code, _, stderr, _) = edit(&path, &["held", "1.1", "2019-07-01", "--note", &note]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stderr.len() < 2_000, "{} bytes of stderr", stderr.len());
    assert!(stderr.contains("«Очень длинное название Очень"), "{stderr}");
    assert!(stderr.contains('…'), "{stderr}");
    let (code, _, stderr, _) = edit(&path, &["held", "1.1", "2019-07-01"]);
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.len() < 2_000, "{} bytes of stderr", stderr.len());
}

#[cfg(unix)]
#[test]
fn a_symbolic_link_loop_is_named_with_a_way_out() {
    let dir = tempfile::tempdir().unwrap();
    let looped = dir.path().join("loop.toml");
    std::os::unix::fs::symlink(&looped, &looped).unwrap();
    for lang in ["en", "ru"] {
        let (code, _, stderr) = run(plan_file(&looped).env("PLAN_LANG", lang).arg("list"));
        assert_eq!(code, 2, "{stderr}");
        let expected = if lang == "en" {
            "too many symbolic links"
        } else {
            "слишком много символических ссылок"
        };
        assert!(stderr.contains(expected), "{stderr}");
        assert!(stderr.contains("readlink -f"), "{stderr}");
    }
}

#[cfg(target_os = "linux")]
mod permissions {
    use super::*;

    fn getfacl(path: &Path) -> Vec<String> {
        let output = Command::new("getfacl")
            .args(["--omit-header", "--absolute-names", "--numeric"])
            .arg(path)
            .output()
            .unwrap();
        String::from_utf8_lossy(&output.stdout).lines().filter(|l| !l.is_empty()).map(str::to_owned).collect()
    }

    fn setfacl(args: &[&str], path: &Path) {
        let status = Command::new("setfacl").args(args).arg(path).status().expect("setfacl(1) from the acl package");
        assert!(status.success());
    }

    #[test]
    fn an_edit_keeps_the_acl_and_never_widens_the_group() {
        use std::os::unix::fs::PermissionsExt;
        let (_dir, path) = plan_copy();
        fs::set_permissions(&path, fs::Permissions::from_mode(0o640)).unwrap();
        // The group may only read; one colleague (uid 65534) may also write: the ACL's mask is rw,
        // and `ls -l` shows the mask as the group's bits.
        setfacl(&["-m", "g::r--,u:65534:rw-"], &path);
        let before = getfacl(&path);
        assert!(before.contains(&"user:65534:rw-".to_owned()), "{before:?}");
        let (code, _, stderr) = run(plan_file(&path).args(["--as-of", "2019-12-31", "held", "1.1", "2019-07-01"]));
        assert_eq!(code, 0, "{stderr}");
        assert_eq!(getfacl(&path), before, "the ACL is carried over whole");
        assert!(getfacl(&path).contains(&"group::r--".to_owned()));
        let (code, _, stderr) = run(plan_file(&path).args(["--as-of", "2019-12-31", "result", "1.1", "Итог"]));
        assert_eq!(code, 0, "{stderr}");
        assert_eq!(getfacl(&path), before);
    }

    #[test]
    fn an_edit_keeps_extended_attributes() {
        let (_dir, path) = plan_copy();
        if xattr::set(&path, "user.reviewed-by", b"presidium").is_err() {
            crate::common::cannot_run_without("a temporary folder whose file system keeps user extended attributes");
            return;
        }
        let (code, _, stderr) = run(plan_file(&path).args(["--as-of", "2019-12-31", "held", "1.1", "2019-07-01"]));
        assert_eq!(code, 0, "{stderr}");
        assert_eq!(xattr::get(&path, "user.reviewed-by").unwrap().as_deref(), Some(&b"presidium"[..]));
    }

    #[test]
    fn a_default_acl_of_the_folder_gives_the_plan_nothing_new() {
        use std::os::unix::fs::PermissionsExt;
        let (dir, path) = plan_copy();
        fs::set_permissions(&path, fs::Permissions::from_mode(0o600)).unwrap();
        let before = getfacl(&path);
        setfacl(&["-d", "-m", "u:65534:rwx"], dir.path());
        let (code, _, stderr) = run(plan_file(&path).args(["--as-of", "2019-12-31", "held", "1.1", "2019-07-01"]));
        assert_eq!(code, 0, "{stderr}");
        assert_eq!(getfacl(&path), before);
        assert_eq!(fs::metadata(&path).unwrap().permissions().mode() & 0o777, 0o600);
    }
}

#[cfg(unix)]
mod hook {
    use super::*;

    fn git(dir: &Path, args: &[&str]) {
        let status = Command::new("git").current_dir(dir).args(args).stdout(Stdio::null()).status().unwrap();
        assert!(status.success(), "git {args:?}");
    }

    fn install(dir: &Path, force: bool) -> (i32, String) {
        let mut command = Command::new(env!("CARGO_BIN_EXE_plan"));
        command.current_dir(dir).env("LANG", "C").env_remove("PLAN_LANG").args(["hook", "--install"]);
        if force {
            command.arg("--force");
        }
        let output = command.output().unwrap();
        (output.status.code().unwrap(), String::from_utf8_lossy(&output.stderr).into_owned())
    }

    #[test]
    fn a_linked_hook_is_replaced_only_with_force_and_then_the_link_not_its_target() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        git(dir.path(), &["init", "-q"]);
        // The team keeps its hook in the repository and links it into .git/hooks.
        let script = dir.path().join("tools-pre-commit.sh");
        fs::write(&script, "#!/bin/sh\necho team hook\n").unwrap();
        let hook = dir.path().join(".git/hooks/pre-commit");
        fs::create_dir_all(hook.parent().unwrap()).unwrap();
        std::os::unix::fs::symlink(&script, &hook).unwrap();
        let (code, stderr) = install(dir.path(), false);
        assert_eq!(code, 2, "{stderr}");
        assert!(stderr.contains("is a symbolic link to"), "{stderr}");
        assert!(stderr.contains("--force"), "{stderr}");
        assert!(fs::symlink_metadata(&hook).unwrap().file_type().is_symlink());
        let (code, stderr) = install(dir.path(), true);
        assert_eq!(code, 0, "{stderr}");
        assert!(!fs::symlink_metadata(&hook).unwrap().file_type().is_symlink(), "the link itself is replaced");
        assert_eq!(fs::read_to_string(&script).unwrap(), "#!/bin/sh\necho team hook\n", "its target is untouched");
        assert!(fs::read_to_string(&hook).unwrap().starts_with("#!/bin/sh"));
        assert_ne!(fs::metadata(&hook).unwrap().permissions().mode() & 0o100, 0, "executable");
    }
}

/// A plan big enough that writing it takes a moment: the window in which a signal is sent.
fn big_plan(dir: &Path) -> PathBuf {
    let mut text = fs::read_to_string(root().join("tests/fixtures/council-2019.toml")).unwrap();
    text.push_str(&format!("# {}\n", "x".repeat(100)).repeat(40_000));
    let path = dir.join("2019.toml");
    fs::write(&path, text).unwrap();
    path
}

/// Starts `plan held` on `path`, waits for its temporary file to appear, and sends `signal`.
/// Whether the file was seen before the process ended.
fn signal_mid_write(path: &Path, signal: &str) -> bool {
    let dir = path.parent().unwrap();
    let mut child = spawn(path, &["held", "1.1", "2019-07-01"], &[]);
    let deadline = Instant::now() + Duration::from_secs(60);
    while Instant::now() < deadline {
        if names(dir).iter().any(|n| n.starts_with(".2019.toml.")) {
            let _ = Command::new("kill").args([signal, &child.id().to_string()]).status();
            child.wait().unwrap();
            return true;
        }
        if child.try_wait().unwrap().is_some() {
            return false;
        }
        std::thread::sleep(Duration::from_micros(200));
    }
    child.kill().unwrap();
    child.wait().unwrap();
    panic!("the write did not finish");
}

#[cfg(unix)]
#[test]
fn sigterm_and_sigint_leave_no_temporary_file_and_kill_9_leaves_one_the_next_edit_removes() {
    let dir = tempfile::tempdir().unwrap();
    let path = big_plan(dir.path());
    let before = fs::read(&path).unwrap();
    for signal in ["-TERM", "-INT"] {
        // The temporary file exists only for a moment; try until the signal lands in it.
        let landed = (0..10).any(|_| {
            fs::write(&path, &before).unwrap();
            signal_mid_write(&path, signal)
        });
        assert!(landed, "{signal} never landed during a write");
        assert_eq!(names(dir.path()), ["2019.toml"], "{signal}");
        let after = fs::read(&path).unwrap();
        assert!(after == before || String::from_utf8_lossy(&after).contains("2019-07-01"), "whole, old or new");
    }
    fs::write(&path, &before).unwrap();
    let landed = (0..10).any(|_| {
        fs::write(&path, &before).unwrap();
        signal_mid_write(&path, "-KILL") && names(dir.path()).len() == 2
    });
    if landed {
        // What no process can catch is cleaned up by the next write, under the lock.
        let (code, _, stderr) = run(plan_file(&path).args(["--as-of", "2019-12-31", "held", "1.1", "2019-08-01"]));
        assert_eq!(code, 0, "{stderr}");
        assert_eq!(names(dir.path()), ["2019.toml"]);
    }
}

#[test]
fn dates_beyond_the_year_9999_are_named_as_such() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("9999.toml");
    fs::write(
        &path,
        "[plan]\ntitle = \"t\"\nyear = 9999\n[parties.p]\nname = \"P\"\n\n[[section]]\ntitle = \"s\"\n\
         responsible = [\"p\"]\n\n[[section.activity]]\ntitle = \"a\"\nwhen = \"не реже 1 раза в 6 месяцев\"\n\
         held = [9999-12-30]\n",
    )
    .unwrap();
    for (lang, said) in [("en", "10000-06-30 (after the year 9999)"), ("ru", "30.06.10000 (после 9999 года)")]
    {
        for args in [&["check"][..], &["show", "1.1"], &["report"]] {
            let (_, stdout, stderr) =
                run(plan_file(&path).env("PLAN_LANG", lang).args(["--as-of", "9999-12-31"]).args(args));
            assert!(stdout.contains(said), "{lang} {args:?}: {stdout}{stderr}");
            assert!(!stdout.contains("+10000"), "{lang} {args:?}: {stdout}");
        }
    }
}

#[cfg(target_os = "linux")]
#[test]
fn an_unreadable_plans_folder_is_named_with_a_way_out() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o755)).unwrap();
    let plans = dir.path().join("plans");
    fs::create_dir(&plans).unwrap();
    fs::copy(root().join("tests/fixtures/council-2019.toml"), plans.join("2019.toml")).unwrap();
    fs::set_permissions(&plans, fs::Permissions::from_mode(0o000)).unwrap();
    // Root reads any folder: the test runs `plan` as `nobody` then (as tests/writing.rs does).
    let root_user =
        Command::new("id").arg("-u").output().is_ok_and(|o| String::from_utf8_lossy(&o.stdout).trim() == "0");
    for (lang, said) in [("en", "cannot read the folder"), ("ru", "не удаётся прочитать папку")]
    {
        let mut command = if root_user {
            let mut command = Command::new("setpriv");
            command.args(["--reuid", "65534", "--regid", "65534", "--clear-groups", "--"]);
            command.arg(env!("CARGO_BIN_EXE_plan"));
            command
        } else {
            Command::new(env!("CARGO_BIN_EXE_plan"))
        };
        let output = command.current_dir(dir.path()).env("PLAN_LANG", lang).arg("list").output().unwrap();
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(2), "{stderr}");
        assert!(stderr.contains(said), "{stderr}");
        assert!(stderr.contains("chmod u+rx"), "{stderr}");
    }
    fs::set_permissions(&plans, fs::Permissions::from_mode(0o755)).unwrap();
}

#[test]
fn new_and_import_call_a_folder_given_to_o_a_folder() {
    let (dir, plan) = plan_copy();
    let (code, _, stderr) = run(plan_file(&plan).args(["new", "2020", "-o"]).arg(dir.path()));
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("is a folder; `-o` takes the name of a file"), "{stderr}");
    let docx = dir.path().join("plan.docx");
    assert_eq!(output(&plan, &["export", "docx"], &docx).0, 0);
    let (code, _, stderr) = run(crate::common::plan().arg("import").arg(&docx).arg("-o").arg(dir.path()));
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("is a folder; `-o` takes the name of a file"), "{stderr}");
    assert_eq!(names(dir.path()), ["2019.toml", "plan.docx"]);
}

#[test]
fn what_a_kill_9_left_beside_an_output_or_a_new_plan_goes_with_the_next_write_of_it() {
    let (dir, plan) = plan_copy();
    let dir = dir.path();
    // What `kill -9` leaves mid-write (no process can catch it): `.NAME.XXXXXX.tmp`, half filled.
    let stale = |name: &str| {
        let path = dir.join(format!(".{name}.Kill09.tmp"));
        fs::write(&path, "half a document").unwrap();
        path
    };
    // A write of the same name going on right now in another process: its writer holds the
    // temporary file locked, and it must survive.
    let live = dir.join(".otchet.docx.Alive1.tmp");
    fs::write(&live, "being written").unwrap();
    let writer = fs::File::open(&live).unwrap();
    writer.lock().unwrap();
    stale("otchet.docx");
    stale("plan.html");
    stale("2020.toml");
    let report = dir.join("otchet.docx");
    assert_eq!(output(&plan, &["--as-of", "2019-12-31", "report", "--format", "docx"], &report).0, 0);
    assert_eq!(
        names(dir),
        [".2020.toml.Kill09.tmp", ".otchet.docx.Alive1.tmp", ".plan.html.Kill09.tmp", "2019.toml", "otchet.docx"],
        "only the dead temporary file of the report is gone"
    );
    assert_eq!(output(&plan, &["export", "html"], &dir.join("plan.html")).0, 0);
    let (code, _, stderr) = run(plan_file(&plan).args(["new", "2020"]));
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(names(dir), [".otchet.docx.Alive1.tmp", "2019.toml", "2020.toml", "otchet.docx", "plan.html"]);
    // Once its writer is gone, it is stale too.
    drop(writer);
    let (code, _) = output(&plan, &["--as-of", "2019-12-31", "report", "--format", "docx"], &report);
    assert_eq!(code, 0);
    assert_eq!(names(dir), ["2019.toml", "2020.toml", "otchet.docx", "plan.html"]);
}

#[test]
fn an_edit_that_would_outgrow_the_size_limit_is_refused_and_the_plan_stays() {
    // A plan 100 bytes under the 64 MiB the loader reads (a long comment at its end): it loads,
    // and a result of 200 letters (400 bytes) would push it over.
    let (dir, path) = plan_copy();
    let mut text = fs::read_to_string(&path).unwrap();
    let limit = 64 * 1024 * 1024;
    let pad = limit - text.len() - 100;
    text.push('#');
    text.push_str(&"x".repeat(pad - 2));
    text.push('\n');
    assert_eq!(text.len(), limit - 100);
    fs::write(&path, &text).unwrap();
    let (code, _, stderr) = run(plan_file(&path).args(["--as-of", "2019-12-31", "result", "1.1", &"а".repeat(200)]));
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("over the 64 MiB that `plan` reads; nothing was written"), "{stderr}");
    assert!(fs::read_to_string(&path).unwrap() == text, "the plan is unchanged");
    assert_eq!(names(dir.path()), ["2019.toml"], "no temporary file is left");
}
