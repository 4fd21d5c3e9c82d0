//! The words of spec §6: only meetings are «заседания», titles in «ёлочки» are quoted without a
//! doubled closing quote, `--responsible` takes a party's name in any case form and refuses an
//! ambiguous part of a name, and `plan held` leaves no empty `planned = []` behind.

use crate::common::{fixture, plan_file, run, shipped_text, temp_plan};

#[test]
fn responsible_takes_a_partys_name_in_any_case_form() {
    for who in ["президиума", "президиумом", "президиуму", "Президиум", "ПРЕЗИДИУМА"]
    {
        let (code, stdout, stderr) =
            run(plan_file(&fixture("plan-2019.toml")).args(["list", "--responsible", who, "--section", "1"]));
        assert_eq!(code, 0, "{who}: {stderr}");
        assert!(stdout.contains("1.1 ") && stdout.contains("1.2 "), "{who}: {stdout}");
    }
    // «членов» is the members' party alone.
    let (code, stdout, _) = run(plan_file(&fixture("plan-2019.toml")).args(["list", "--responsible", "членов"]));
    assert_eq!(code, 0);
    assert!(stdout.lines().all(|l| !l.starts_with("1.")), "{stdout}");
}

#[test]
fn an_ambiguous_part_of_a_name_is_refused_with_the_candidates() {
    for (lang, said) in [("en", "`ВСМС` matches several parties"), ("ru", "под `ВСМС` подходят несколько сторон")]
    {
        let (code, stdout, stderr) =
            run(plan_file(&fixture("plan-2019.toml")).args(["--lang", lang, "list", "--responsible", "ВСМС"]));
        assert_eq!((code, stdout.as_str()), (2, ""), "{stderr}");
        assert!(stderr.contains(said), "{stderr}");
        for candidate in [
            "Президиум РС ВСМС (`presidium`)",
            "РС ВСМС (`council`)",
            "РО ВСМС (`branch`)",
            "члены РО ВСМС (`members`)",
        ] {
            assert!(stderr.contains(candidate), "{candidate}: {stderr}");
        }
    }
}

#[test]
fn a_title_in_quotes_is_quoted_without_a_doubled_closing_quote() {
    let (code, stdout, _) =
        run(plan_file(&fixture("plan-2019.toml")).args(["--lang", "ru", "--as-of", "2019-12-01", "check"]));
    assert_eq!(code, 1);
    assert!(!stdout.contains("»»"), "{stdout}");
    assert!(
        stdout.contains(
            "4.5 «Конкурс „Лучший руководитель территориального общественного самоуправления Смоленской области“»"
        ),
        "{stdout}"
    );
}

#[test]
fn held_on_an_activity_that_is_no_meeting_never_says_meeting_and_leaves_no_empty_planned() {
    let text =
        shipped_text().replacen("when = \"февраль – май\"\n", "when = \"февраль – май\"\nplanned = [2019-04-10]\n", 1);
    let (_dir, path) = temp_plan(&text);
    let (code, _, stderr) =
        run(plan_file(&path).args(["--lang", "ru", "--as-of", "2019-06-01", "held", "2.2", "2019-04-10"]));
    assert_eq!(code, 0, "{stderr}");
    let after = std::fs::read_to_string(&path).unwrap();
    assert!(!after.contains("planned"), "{after}");
    assert_eq!(after, text.replacen("planned = [2019-04-10]\n", "held = [2019-04-10]\n", 1));
    // A future date on the elections: refused in words that fit any activity.
    let (code, _, stderr) =
        run(plan_file(&path).args(["--lang", "ru", "--as-of", "2019-06-01", "held", "2.1", "2019-09-10"]));
    assert_eq!(code, 2);
    assert!(!stderr.contains("заседание"), "{stderr}");
    assert!(stderr.contains("проведённым мероприятие отмечают после того, как оно состоялось"), "{stderr}");
}
