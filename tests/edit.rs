//! `plan held`, `plan planned` and `plan cancel`: the file changed in place, byte for byte
//! nothing else, or not at all.
//!
//! Each test builds the whole expected file from the original by the one change it expects, and
//! compares every byte: a stray space, a lost comment or a CRLF turned LF anywhere fails it.

use std::fs;
use std::path::Path;

use crate::common::{edit, names, odd_plan, once, plan_file, run};

#[test]
fn held_goes_into_a_multiline_array_in_date_order_and_nothing_else_changes() {
    let (dir, path, before) = odd_plan(false, false);
    let (code, _, stderr, after) = edit(&path, &["held", "council-sessions", "2019-09-20"]);
    assert_eq!(code, 0, "{stderr}");
    let expected = once(
        &before,
        "  { on = 2019-06-14, note = 'протокол № 2' },\n",
        "  { on = 2019-06-14, note = 'протокол № 2' },\n  2019-09-20,\n",
    );
    assert_eq!(after, expected);
    assert_eq!(names(dir.path()), ["2019.toml"]);
    assert!(stderr.contains("1.1 «Заседания совета»: recorded as held on 2019-09-20"), "{stderr}");
}

#[test]
fn held_between_two_dates_keeps_the_comments_on_their_lines() {
    let (_dir, path, before) = odd_plan(false, false);
    let (code, _, stderr, after) = edit(&path, &["held", "1.1", "01.05.2019", "--note", "выездное"]);
    assert_eq!(code, 0, "{stderr}");
    let expected = once(
        &before,
        "  2019-03-14, # первое\n",
        "  2019-03-14, # первое\n  { on = 2019-05-01, note = \"выездное\" },\n",
    );
    assert_eq!(after, expected);
}

#[test]
fn held_on_a_planned_date_moves_it_from_planned() {
    let (_dir, path, before) = odd_plan(false, false);
    let (code, _, stderr, after) = edit(&path, &["held", "1.1", "2019-12-10"]);
    assert_eq!(code, 0, "{stderr}");
    // The comment at the end of `planned = [ 2019-12-10 ]   # назначено` is the only date's: it
    // goes with the date, and the emptied `planned` goes, line and all.
    let expected = once(
        &before,
        "  { on = 2019-06-14, note = 'протокол № 2' },\n]\nplanned = [ 2019-12-10 ]   # назначено\n",
        "  { on = 2019-06-14, note = 'протокол № 2' },\n  2019-12-10, # назначено\n]\n",
    );
    assert_eq!(after, expected);
    assert!(stderr.contains("moved from planned"), "{stderr}");
}

#[test]
fn a_new_key_gets_its_own_line_with_the_tables_indentation() {
    let (_dir, path, before) = odd_plan(false, false);
    let (code, _, stderr, after) = edit(&path, &["held", "presidium-sessions", "2019-02-20", "--note", "протокол № 1"]);
    assert_eq!(code, 0, "{stderr}");
    let when = "  when = \"по мере необходимости, но не реже 1-го раза в 3 месяца\"\n";
    let expected = once(&before, when, &format!("{when}  held = [{{ on = 2019-02-20, note = \"протокол № 1\" }}]\n"));
    assert_eq!(after, expected);
}

#[test]
fn planned_is_added_in_date_order() {
    let (_dir, path, before) = odd_plan(false, false);
    let (code, _, stderr, after) = run_with_as_of(&path, "2019-07-01", &["planned", "1.1", "2019-10-01"]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(after, once(&before, "planned = [ 2019-12-10 ]", "planned = [ 2019-10-01, 2019-12-10 ]"));
}

#[test]
fn cancel_goes_before_the_note_and_an_inherited_time_stays_inherited() {
    let (_dir, path, before) = odd_plan(false, false);
    let (code, _, stderr, after) = edit(&path, &["cancel", "3.1"]);
    assert_eq!(code, 0, "{stderr}");
    let expected = once(&before, "title = \"Олимпиада\"\n", "title = \"Олимпиада\"\nstatus = \"cancelled\"\n");
    assert_eq!(after, expected);
    assert!(stderr.contains("3.1 «Олимпиада»: marked as cancelled"), "{stderr}");
}

#[test]
fn cancel_with_a_note_edits_an_inline_table_in_place() {
    let (_dir, path, before) = odd_plan(false, false);
    let (code, _, stderr, after) = edit(&path, &["cancel", "2.2", "--note", "перенесён на 2020 год", "--replace"]);
    assert_eq!(code, 0, "{stderr}");
    let expected = once(
        &before,
        "{ title = 'Семинар', when = \"II полугодие\", note = \"в Смоленске\" }",
        "{ title = 'Семинар', when = \"II полугодие\", note = \"перенесён на 2020 год\", status = \"cancelled\" }",
    );
    assert_eq!(after, expected);
}

#[test]
fn held_in_an_inline_table_activity() {
    let (_dir, path, before) = odd_plan(false, false);
    let (code, _, stderr, after) = edit(&path, &["held", "2.1", "2019-04-19"]);
    assert_eq!(code, 0, "{stderr}");
    let expected = once(&before, "when = \"21.04.2019\" }", "when = \"21.04.2019\", held = [2019-04-19] }");
    assert_eq!(after, expected);
}

#[test]
fn crlf_line_ends_and_a_bom_are_kept() {
    let (_dir, path, before) = odd_plan(true, true);
    let (code, _, stderr, after) = edit(&path, &["held", "1.1", "2019-09-20"]);
    assert_eq!(code, 0, "{stderr}");
    let expected = once(
        &before,
        "  { on = 2019-06-14, note = 'протокол № 2' },\r\n",
        "  { on = 2019-06-14, note = 'протокол № 2' },\r\n  2019-09-20,\r\n",
    );
    assert_eq!(after, expected);
    let (code, _, stderr, again) = edit(&path, &["cancel", "1.2"]);
    assert_eq!(code, 0, "{stderr}");
    let when = "  when = \"по мере необходимости, но не реже 1-го раза в 3 месяца\"\r\n";
    assert_eq!(again, once(&after, when, &format!("{when}  status = \"cancelled\"\r\n")));
}

#[test]
fn refused_changes_leave_the_file_untouched_and_say_why() {
    let cases: [(&[&str], &str); 9] = [
        (&["held", "1.1", "2019-03-14"], "2019-03-14 is already recorded as held"),
        (&["held", "1.1", "2019-02-30"], "`2019-02-30` is not a date: February 2019 has 28 days"),
        (&["held", "1.1", "14/03/2019"], "`14/03/2019` is not a date"),
        (&["held", "1.1", "2020-01-10"], "2020-01-10 lies outside the plan period 2019-01-01 – 2019-12-31"),
        (&["--as-of", "2019-04-15", "held", "1.1", "2019-05-01"], "2019-05-01 is after 2019-04-15"),
        (&["--as-of", "2019-04-15", "planned", "1.1", "2019-04-01"], "2019-04-01 has already passed"),
        (&["planned", "1.1", "2019-12-10"], "2019-12-10 is already planned"),
        (&["held", "council-sesions", "2019-09-20"], "did you mean `council-sessions`?"),
        (&["cancel", "1.1", "--note", "x", "--dry-run", "--bogus"], "unexpected argument '--bogus'"),
    ];
    for (args, message) in cases {
        let (dir, path, before) = odd_plan(false, false);
        let (code, stdout, stderr, after) = edit(&path, args);
        assert_eq!(code, 2, "{args:?}: {stderr}");
        assert!(stderr.contains(message), "{args:?}: {stderr}");
        assert_eq!(stdout, "", "{args:?}");
        assert_eq!(after, before, "{args:?} changed the file");
        assert_eq!(names(dir.path()), ["2019.toml"], "{args:?}");
    }
}

#[test]
fn a_cancelled_activity_is_neither_held_nor_cancelled_again() {
    let (_dir, path, _) = odd_plan(false, false);
    assert_eq!(edit(&path, &["cancel", "3.1"]).0, 0);
    let before = fs::read_to_string(&path).unwrap();
    let (code, _, stderr, after) = edit(&path, &["held", "3.1", "2019-05-05"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("3.1 «Олимпиада»: the activity is cancelled; the file was not changed"), "{stderr}");
    assert!(stderr.contains("delete its `status = \"cancelled\"` line first"), "{stderr}");
    assert_eq!(after, before);
    let (code, _, stderr, _) = edit(&path, &["cancel", "3.1"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("already cancelled"), "{stderr}");
    // A new note on a cancelled activity is a change, once asked to replace the note there.
    let (code, _, stderr, after) = edit(&path, &["cancel", "3.1", "--note", "нет средств", "--replace"]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(after, once(&before, "\"если будут средства\"", "\"нет средств\""));
}

#[test]
fn refusals_are_told_in_russian_too() {
    let (_dir, path, before) = odd_plan(false, false);
    let (code, _, stderr, after) = edit(&path, &["--lang", "ru", "held", "1.1", "2019-03-14"]);
    assert_eq!(code, 2);
    assert_eq!(after, before);
    insta::assert_snapshot!(stderr);
}

#[test]
fn dry_run_prints_the_diff_and_writes_nothing() {
    let (dir, _path, before) = odd_plan(false, false);
    let (code, stdout, stderr, after) =
        run_in(dir.path(), &["--as-of", "2019-12-31", "held", "1.1", "2019-12-10", "--dry-run"]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(after, before);
    assert_eq!(names(dir.path()), ["2019.toml"]);
    assert_eq!(stderr, "dry run: nothing was written to `2019.toml`\n");
    insta::assert_snapshot!(stdout);
}

#[test]
fn the_edited_plan_still_loads_and_checks() {
    let (_dir, path, _) = odd_plan(true, false);
    for args in [
        &["held", "1.2", "2019-02-20"][..],
        &["held", "1.2", "2019-05-20", "--note", "в «Доме»"],
        &["--as-of", "2019-06-01", "planned", "1.2", "2019-08-20"],
        &["held", "1.2", "2019-08-20"],
        &["cancel", "2.1", "--note", "карантин"],
    ] {
        let (code, _, stderr, _) = edit(&path, args);
        assert_eq!(code, 0, "{args:?}: {stderr}");
    }
    let (code, stdout, stderr) = run(plan_file(&path).args(["--as-of", "2019-10-01", "check"]));
    assert_eq!(code, 0, "{stdout}{stderr}");
    let (_, shown, _) = run(plan_file(&path).args(["show", "1.2"]));
    assert!(shown.contains("2019-02-20, 2019-05-20 (в «Доме»), 2019-08-20"), "{shown}");
}

#[cfg(unix)]
#[test]
fn the_files_permissions_are_kept() {
    use std::os::unix::fs::PermissionsExt;
    let (dir, path, _) = odd_plan(false, false);
    fs::set_permissions(&path, fs::Permissions::from_mode(0o640)).unwrap();
    assert_eq!(edit(&path, &["held", "1.1", "2019-09-20"]).0, 0);
    assert_eq!(fs::metadata(&path).unwrap().permissions().mode() & 0o777, 0o640);
    assert_eq!(names(dir.path()), ["2019.toml"]);
}

#[test]
fn a_read_only_plan_is_not_written() {
    let (dir, path, before) = odd_plan(false, false);
    let mut permissions = fs::metadata(&path).unwrap().permissions();
    permissions.set_readonly(true);
    fs::set_permissions(&path, permissions).unwrap();
    let (code, _, stderr, after) = edit(&path, &["held", "1.1", "2019-09-20"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("cannot write") && stderr.contains("chmod u+w"), "{stderr}");
    assert_eq!(after, before);
    assert_eq!(names(dir.path()), ["2019.toml"]);
}

fn run_with_as_of(path: &Path, as_of: &str, args: &[&str]) -> (i32, String, String, String) {
    let (code, stdout, stderr) = run(plan_file(path).args(["--as-of", as_of]).args(args));
    (code, stdout, stderr, fs::read_to_string(path).unwrap())
}

/// Runs in `dir` with `--file 2019.toml`, so that paths in the output do not depend on it.
fn run_in(dir: &Path, args: &[&str]) -> (i32, String, String, String) {
    let (code, stdout, stderr) = run(plan_file(Path::new("2019.toml")).current_dir(dir).args(args));
    (code, stdout, stderr, fs::read_to_string(dir.join("2019.toml")).unwrap())
}
