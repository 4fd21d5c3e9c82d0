//! `plan show` and `plan parties`.

use crate::common::{fixture, plan, plan_file, run};

#[test]
fn show_by_number_interprets_the_time() {
    let (code, stdout, _) = run(plan().args(["show", "2.2"]));
    assert_eq!(code, 0);
    insta::assert_snapshot!(stdout);
}

#[test]
fn show_by_id_in_russian() {
    let (code, stdout, _) = run(plan().args(["--lang", "ru", "--as-of", "2019-12-31", "show", "presidium-sessions"]));
    assert_eq!(code, 0);
    insta::assert_snapshot!(stdout);
}

#[test]
fn show_everything_recorded() {
    let (code, stdout, _) =
        run(plan_file(&fixture("meetings/meetings.toml")).args(["--as-of", "2019-12-31", "show", "council-sessions"]));
    assert_eq!(code, 0);
    insta::assert_snapshot!(stdout);
}

#[test]
fn show_as_json_is_the_list_object() {
    let (_, show, _) = run(plan().args(["show", "4.2", "--format", "json"]));
    let (_, list, _) = run(plan().args(["list", "--format", "json"]));
    let list: serde_json::Value = serde_json::from_str(&list).unwrap();
    let show: serde_json::Value = serde_json::from_str(&show).unwrap();
    assert_eq!(show, list[9]);
    assert_eq!(show["partner"], "Избирком Смоленской области");
}

#[test]
fn show_unknown_activity_suggests_the_nearest() {
    let (code, _, stderr) = run(plan().args(["show", "council-sesions"]));
    assert_eq!(code, 2);
    assert!(stderr.contains("did you mean `council-sessions`?"), "{stderr}");
}

#[test]
fn parties_count_responsibilities_and_agreements() {
    let (code, stdout, _) = run(plan().arg("parties"));
    assert_eq!(code, 0);
    insta::assert_snapshot!(stdout);
}

#[test]
fn parties_as_json() {
    let (_, stdout, _) = run(plan_file(&fixture("small.toml")).args(["parties", "--format", "json"]));
    insta::assert_snapshot!(stdout);
}

#[test]
fn a_missing_number_suggests_the_nearest_activity_of_its_own_section() {
    for (query, lang, expected) in [
        ("1.3", "en", "did you mean `1.2`?"),
        ("1.3", "ru", "возможно, имелось в виду `1.2`?"),
        ("4.9", "en", "did you mean `4.6`?"),
        // Past the last section: the last section's activity, not 1.1.
        ("8.1", "en", "did you mean `7.1`?"),
        ("8.1", "ru", "возможно, имелось в виду `7.1`?"),
    ] {
        let (code, stdout, stderr) = run(plan().args(["--lang", lang, "show", query]));
        assert_eq!((code, stdout.as_str()), (2, ""));
        assert!(stderr.contains(expected), "{query}: {stderr}");
    }
}

#[test]
fn show_in_russian_names_the_agreeing_party_as_the_document_does() {
    // 2.2: «члены РО ВСМС по согласованию с Президиумом»: after the label «по согласованию с»
    // the presidium is in the instrumental case, as in the document, not «Президиум РС ВСМС».
    let (code, stdout, _) = run(plan().args(["--lang", "ru", "show", "2.2"]));
    assert_eq!(code, 0);
    assert!(stdout.contains("  по согласованию с  Президиумом\n"), "{stdout}");
    let (_, stdout, _) = run(plan().args(["--lang", "en", "show", "2.2"]));
    assert!(stdout.contains("  agreed with  Президиум РС ВСМС\n"), "{stdout}");
}
