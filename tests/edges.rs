//! The edges of the year (issue 11): each case a user met, with the exact words of the verdict in
//! English and in Russian.

use std::path::Path;

use crate::common::{plan, plan_file, run};

/// A 2019 plan with one party and the given activities (TOML of `[[section.activity]]` tables).
fn plan_2019(activities: &str) -> String {
    plan_of("year = 2019", activities)
}

fn plan_of(period: &str, activities: &str) -> String {
    format!(
        "[plan]\ntitle = \"План\"\n{period}\n[parties.p]\nname = \"Президиум\"\n[[section]]\ntitle = \"Заседания\"\n{activities}"
    )
}

fn write(dir: &Path, name: &str, text: &str) -> std::path::PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

/// Runs `plan --file FILE ARGS` in English and in Russian; returns both stdouts and exit codes.
fn both(file: &Path, args: &[&str]) -> ((i32, String), (i32, String)) {
    let en = run(plan_file(file).args(args));
    let ru = run(plan_file(file).args(["--lang", "ru"]).args(args));
    ((en.0, en.1), (ru.0, ru.1))
}

fn has(stdout: &str, line: &str) {
    assert!(stdout.lines().any(|l| l == line || l.ends_with(line)), "missing {line:?} in:\n{stdout}");
}

#[test]
fn a_two_digit_year_is_this_century() {
    let (code, stdout, _) = run(plan().args(["--as-of", "15.06.19", "check"]));
    assert_eq!(code, 1);
    assert!(stdout.ends_with("1 error, 4 warnings (as of 2019-06-15)\n"), "{stdout}");
    assert!(!stdout.contains("0019"), "{stdout}");
    let (_, stdout, _) = run(plan().args(["--lang", "ru", "--as-of", "15.06.19", "check"]));
    assert!(stdout.ends_with("1 ошибка, 4 предупреждения (на 15.06.2019)\n"), "{stdout}");
    // `held` reads the date the same way (dry run: the shipped plan is not touched).
    let (code, _, stderr) = run(plan().args(["--as-of", "2019-06-20", "held", "1.1", "14.06.19", "--dry-run"]));
    assert_eq!(code, 0, "{stderr}");
}

#[test]
fn a_missed_deadline_after_the_plans_end_is_overdue() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(
        dir.path(),
        "2019.toml",
        &plan_2019(
            "[[section.activity]]\ntitle = \"Совет\"\nwhen = \"не реже 1-го раза в 6 месяцев\"\nresponsible = [\"p\"]\nheld = [2019-03-14, 2019-07-10]\n",
        ),
    );
    let ((en_code, en), (_, ru)) = both(&file, &["--as-of", "2020-02-20", "check"]);
    assert_eq!(en_code, 1);
    has(&en, "error[overdue]: 1.1 «Совет»: overdue by 41 days: the next meeting was due by 2020-01-10");
    has(
        &ru,
        "ошибка[overdue]: 1.1 «Совет»: просрочено на 41 день: следующее заседание нужно было провести до 10.01.2020",
    );
    assert!(!en.contains("due-soon"), "{en}");
    // In December the 2019 plan warns of the meeting due in January.
    let ((_, en), (_, ru)) = both(&file, &["--as-of", "2019-12-20", "check"]);
    has(&en, "warning[due-soon]: 1.1 «Совет»: the next meeting is due by 2020-01-10 (in 21 days)");
    has(&ru, "предупреждение[due-soon]: 1.1 «Совет»: следующее заседание нужно провести до 10.01.2020 (через 21 день)");
}

#[test]
fn an_overdue_rule_is_not_also_due_soon() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(
        dir.path(),
        "2019.toml",
        &plan_2019(
            "[[section.activity]]\ntitle = \"Президиум\"\nwhen = \"ежеквартально\"\nrule = \"both\"\nresponsible = [\"p\"]\nheld = [2019-03-01]\n",
        ),
    );
    let ((code, en), (_, ru)) = both(&file, &["--as-of", "2019-09-10", "check"]);
    assert_eq!(code, 1);
    has(&en, "error[overdue]: 1.1 «Президиум»: overdue by 101 days: the next meeting was due by 2019-06-01");
    has(
        &en,
        "error[block-missed]: 1.1 «Президиум»: 0 of 1 required meeting held in the block 2019-04-01 – 2019-06-30 (due by 2019-06-30)",
    );
    has(
        &ru,
        "ошибка[overdue]: 1.1 «Президиум»: просрочено на 101 день: следующее заседание нужно было провести до 01.06.2019",
    );
    has(
        &ru,
        "ошибка[block-missed]: 1.1 «Президиум»: за период 01.04.2019 – 30.06.2019 проведено 0 из 1 обязательных (срок 30.06.2019)",
    );
    assert!(!en.contains("due-soon") && !ru.contains("due-soon"), "{en}");
    assert!(en.ends_with("2 errors, 0 warnings (as of 2019-09-10)\n"), "{en}");
}

#[test]
fn a_quarterly_rule_met_monthly_requires_four() {
    let dir = tempfile::tempdir().unwrap();
    let dates: Vec<String> = (1..=12).map(|m| format!("2019-{m:02}-15")).collect();
    let file = write(
        dir.path(),
        "2019.toml",
        &plan_2019(&format!(
            "[[section.activity]]\ntitle = \"Президиум\"\nwhen = \"ежеквартально\"\nresponsible = [\"p\"]\nheld = [{}]\n",
            dates.join(", ")
        )),
    );
    let ((_, en), (_, ru)) = both(&file, &["--as-of", "2019-12-31", "report"]);
    has(&en, "    meetings  12 held, 4 required by 2019-12-31 (at least once every 3 months [rolling])");
    assert!(ru.contains("проведено 12, требовалось к 31.12.2019: 4"), "{ru}");
}

#[test]
fn a_late_meeting_is_named_in_check_show_report_and_when_recorded() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(
        dir.path(),
        "2019.toml",
        &plan_2019(
            "[[section.activity]]\ntitle = \"Президиум\"\nwhen = \"ежемесячно\"\nresponsible = [\"p\"]\nheld = [2019-01-20, 2019-02-18, 2019-03-15, 2019-04-02]\n",
        ),
    );
    // Recording the late May meeting says so at once.
    let (code, _, stderr) = run(plan_file(&file).args(["--as-of", "2019-06-01", "held", "1.1", "2019-05-16"]));
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stderr.contains(
            "warning: this meeting is 14 days late: it was due by 2019-05-02 (check will report gap-exceeded)"
        ),
        "{stderr}"
    );
    let late = "the meeting of 2019-05-16 came 14 days late: it was due by 2019-05-02";
    let late_ru = "заседание 16.05.2019 проведено с опозданием на 14 дней: срок был 02.05.2019";
    let ((_, en), (_, ru)) = both(&file, &["--as-of", "2019-06-01", "check"]);
    has(&en, &format!("error[gap-exceeded]: 1.1 «Президиум»: {late}"));
    has(&ru, &format!("ошибка[gap-exceeded]: 1.1 «Президиум»: {late_ru}"));
    let ((_, en), (_, ru)) = both(&file, &["--as-of", "2019-06-01", "show", "1.1"]);
    assert!(en.contains(late), "{en}");
    assert!(ru.contains(late_ru), "{ru}");
    let ((_, en), (_, ru)) = both(&file, &["--as-of", "2019-12-31", "report"]);
    assert!(en.contains(late), "{en}");
    assert!(ru.contains(late_ru), "{ru}");
}

#[test]
fn a_date_outside_the_window_is_told_when_recorded() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(
        dir.path(),
        "2019.toml",
        &plan_2019("[[section.activity]]\ntitle = \"Семинар\"\nwhen = \"II полугодие\"\nresponsible = [\"p\"]\n"),
    );
    let (code, _, stderr) =
        run(plan_file(&file).args(["--lang", "ru", "--as-of", "2019-06-20", "held", "1.1", "18.06.19"]));
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stderr.contains("предупреждение: 18.06.2019 — вне срока «II полугодие» (check сообщит `held-outside-window`)"),
        "{stderr}"
    );
}

#[test]
fn at_the_years_end_nothing_is_open_and_a_passed_planned_date_is_said() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(
        dir.path(),
        "2019.toml",
        &plan_2019(
            "[[section.activity]]\ntitle = \"Семинар\"\nwhen = \"II полугодие\"\nresponsible = [\"p\"]\nplanned = [2019-12-12]\n\
             [[section.activity]]\ntitle = \"Работа\"\nwhen = \"весь период\"\nresponsible = [\"p\"]\n\
             [[section.activity]]\ntitle = \"Отчёт\"\nwhen = \"весь период\"\nresponsible = [\"p\"]\nresult = \"подготовлен\"\n",
        ),
    );
    let ((_, en), (_, ru)) = both(&file, &["--as-of", "2019-12-31", "check"]);
    has(
        &en,
        "warning[planned-passed]: 1.1 «Семинар»: planned for 2019-12-12, which has passed, and not recorded as held",
    );
    has(
        &ru,
        "предупреждение[planned-passed]: 1.1 «Семинар»: было запланировано на 12.12.2019, дата прошла, а проведение не отмечено",
    );
    let ((_, en), (_, ru)) = both(&file, &["--as-of", "2019-12-31", "report"]);
    // Nobody recorded a failure: what lacks a mark is «no mark», not «not done».
    assert!(
        en.ends_with("Total: 3 activities: 1 done, 0 scheduled, 2 no mark, 0 not done, 0 cancelled, 0 in progress\n"),
        "{en}"
    );
    has(&en, "    outcome   no mark (its time ended 2019-12-31)");
    has(&en, "    planned   2019-12-12 (passed, not recorded as held)");
    assert!(ru.contains("12.12.2019 (дата прошла, проведение не отмечено)"), "{ru}");
}

#[test]
fn a_meeting_before_the_plan_is_recorded_as_last_before() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(
        dir.path(),
        "2019.toml",
        &plan_2019(
            "[[section.activity]]\ntitle = \"Совет\"\nwhen = \"не реже 1-го раза в 6 месяцев\"\nresponsible = [\"p\"]\n",
        ),
    );
    let (code, _, stderr) = run(plan_file(&file).args(["--as-of", "2019-02-01", "held", "1.1", "2018-12-18"]));
    assert_eq!(code, 0, "{stderr}");
    assert!(stderr.contains("recorded as last_before = 2018-12-18"), "{stderr}");
    assert!(std::fs::read_to_string(&file).unwrap().contains("last_before = 2018-12-18\n"));
    // An earlier one changes nothing, and says so.
    let (code, _, stderr) =
        run(plan_file(&file).args(["--lang", "ru", "--as-of", "2019-02-01", "held", "1.1", "2018-11-18"]));
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stderr.contains(
            "примечание: 18.11.2018 — раньше начала плана и не позже `last_before` 18.12.2018; менять нечего"
        )
    );
    let (_, stdout, _) = run(plan_file(&file).args(["--as-of", "2019-02-01", "check"]));
    assert!(stdout.contains("next due  2019-06-18"), "{stdout}");
}

#[test]
fn an_as_of_date_before_the_plan_is_said_plainly() {
    let ((code, en), (_, ru)) = both(Path::new("plans/2019.toml"), &["--as-of", "2018-12-01", "check"]);
    assert_eq!(code, 0);
    assert!(en.ends_with("the plan starts on 01.01.2019: its own dates are not judged yet\n"), "{en}");
    assert!(ru.ends_with("план начинается 01.01.2019: его собственные сроки ещё не наступили\n"), "{ru}");
    assert!(!en.contains("no problems"), "{en}");
}

#[test]
fn the_plan_in_force_is_the_one_whose_period_holds_the_as_of_date() {
    let dir = tempfile::tempdir().unwrap();
    let plans = dir.path().join("plans");
    std::fs::create_dir(&plans).unwrap();
    let activity = "[[section.activity]]\ntitle = \"Совет\"\nwhen = \"весь период\"\nresponsible = [\"p\"]\n";
    write(&plans, "2019.toml", &plan_2019(activity));
    write(&plans, "2020.toml", &plan_of("year = 2020", activity));
    // Not a plan: passed over, though its name sorts last.
    write(&plans, "zz-notes.toml", "[notes]\ntext = \"черновик\"\n");
    // A stray example for the same year loses the tie to the plan named by its year.
    write(&plans, "example.toml", &plan_2019(activity));
    let in_dir = |args: &[&str]| {
        let mut command = plan();
        command.current_dir(dir.path()).args(args);
        run(&mut command)
    };
    let (_, stdout, stderr) = in_dir(&["--as-of", "2019-12-31", "report"]);
    assert!(stdout.starts_with("Fulfilment report for 2019: "), "{stdout}");
    assert!(stderr.contains("note: reading plans/2019.toml, the plan in force on 2019-12-31 (of 3 plans)"), "{stderr}");
    let (_, _, stderr) = in_dir(&["--as-of", "2020-01-15", "list"]);
    assert!(stderr.contains("reading plans/2020.toml"), "{stderr}");
    let (_, _, stderr) = in_dir(&["--as-of", "2021-03-01", "list"]);
    assert!(stderr.contains("note: reading plans/2020.toml, the last plan to end before 2021-03-01"), "{stderr}");
    let (_, _, stderr) = in_dir(&["--lang", "ru", "--as-of", "2018-03-01", "list"]);
    assert!(
        stderr.contains("примечание: читаю plans/2019.toml — первый по началу план: ни один не начался к 01.03.2018"),
        "{stderr}"
    );
}

/// The council of the 2019 and 2020 plans in one folder, one series by `id`.
fn series(held_2019: &str, held_2020: &str, extra_2020: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let plans = dir.path().join("plans");
    std::fs::create_dir(&plans).unwrap();
    let council = |held: &str, extra: &str| {
        format!(
            "[[section.activity]]\nid = \"council\"\ntitle = \"Совет\"\nwhen = \"не реже 1-го раза в 6 месяцев\"\nresponsible = [\"p\"]\nheld = [{held}]\n{extra}"
        )
    };
    write(&plans, "2019.toml", &plan_2019(&council(held_2019, "")));
    write(&plans, "2020.toml", &plan_of("year = 2020", &council(held_2020, extra_2020)));
    dir
}

fn check_in(dir: &Path, file: &str, args: &[&str]) -> (i32, String) {
    let (code, stdout, _) = run(plan().current_dir(dir).args(["--file", file]).args(args).arg("check"));
    (code, stdout)
}

#[test]
fn the_series_judges_what_is_due_now_on_every_plan_of_it() {
    let dir = series("2019-03-10, 2019-07-10", "", "");
    for file in ["plans/2019.toml", "plans/2020.toml"] {
        let (code, stdout) = check_in(dir.path(), file, &["--as-of", "2020-02-20"]);
        assert_eq!(code, 1, "{file}: {stdout}");
        has(&stdout, "error[overdue]: 1.1 «Совет»: overdue by 41 days: the next meeting was due by 2020-01-10");
    }
    // A meeting recorded in the 2020 plan on 05.01.2020 satisfies both.
    let dir = series("2019-03-10, 2019-07-10", "2020-01-05", "");
    for file in ["plans/2019.toml", "plans/2020.toml"] {
        let (code, stdout) = check_in(dir.path(), file, &["--as-of", "2020-02-20"]);
        assert_eq!(code, 0, "{file}: {stdout}");
        assert!(stdout.contains("status    ok"), "{file}: {stdout}");
    }
}

#[test]
fn a_past_breach_belongs_to_the_plan_whose_period_holds_the_due_date() {
    let dir = series("2019-06-20", "2020-01-15", "");
    // Due 20.12.2019, held 15.01.2020 in the 2020 plan: the 2019 plan's gap, named with the file.
    let (code, stdout) = check_in(dir.path(), "plans/2019.toml", &["--as-of", "2020-02-01"]);
    assert_eq!(code, 1, "{stdout}");
    has(
        &stdout,
        "error[gap-exceeded]: 1.1 «Совет»: the meeting of 2020-01-15 came 26 days late: it was due by 2019-12-20 (recorded in plans/2020.toml)",
    );
    let (code, stdout) = check_in(dir.path(), "plans/2020.toml", &["--as-of", "2020-02-01"]);
    assert_eq!(code, 0, "{stdout}");
    assert!(!stdout.contains("gap-exceeded"), "{stdout}");
}

#[test]
fn the_earlier_plan_gives_the_clock_and_last_before_must_agree_with_it() {
    let dir = series("2019-03-10, 2019-07-10", "", "last_before = 2019-06-01\n");
    let (_, stdout) = check_in(dir.path(), "plans/2020.toml", &["--as-of", "2020-01-05"]);
    has(&stdout, "next due  2020-01-10");
    has(
        &stdout,
        "warning[last-before-mismatch]: 1.1 «Совет»: last_before is 2019-06-01, but plans/2019.toml records the last meeting on 2019-07-10; the series counts from 2019-07-10",
    );
    let (_, stdout, _) = run(plan().current_dir(dir.path()).args([
        "--lang",
        "ru",
        "--file",
        "plans/2020.toml",
        "--as-of",
        "2020-01-05",
        "check",
    ]));
    has(
        &stdout,
        "предупреждение[last-before-mismatch]: 1.1 «Совет»: `last_before` = 01.06.2019, но в plans/2019.toml последнее заседание отмечено 10.07.2019; серия считается от 10.07.2019",
    );
}

/// A folder `plans/` with the council («не реже 2 раз в 12 месяцев») in each `(file, period, held)`.
fn folder(plans: &[(&str, &str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("plans");
    std::fs::create_dir(&folder).unwrap();
    for (file, period, held) in plans {
        let council = format!(
            "[[section.activity]]\nid = \"council\"\ntitle = \"Совет\"\nwhen = \"не реже 2 раз в 12 месяцев\"\nresponsible = [\"p\"]\nheld = [{held}]\n"
        );
        write(&folder, file, &plan_of(period, &council));
    }
    dir
}

#[test]
fn two_meetings_a_year_split_across_plans_are_judged_as_one_plan_would_judge_them() {
    // The case: 27.04.2018 in the 2018 plan, 05.01.2019 in the 2019 plan; both were due by
    // 01.01.2019, twelve months after the series' start.
    let dir = folder(&[("2018.toml", "year = 2018", "2018-04-27"), ("2019.toml", "year = 2019", "2019-01-05")]);
    let (code, stdout) = check_in(dir.path(), "plans/2019.toml", &["--as-of", "2019-02-01"]);
    assert_eq!(code, 1, "{stdout}");
    has(
        &stdout,
        "error[gap-exceeded]: 1.1 «Совет»: the meeting of 2019-01-05 came 4 days late: it was due by 2019-01-01",
    );
    has(&stdout, "next due  2019-04-27");
    // The 2018 plan does not own the breach, and says the same of what is due now.
    let (code, stdout) = check_in(dir.path(), "plans/2018.toml", &["--as-of", "2019-02-01"]);
    assert_eq!(code, 0, "{stdout}");
    has(&stdout, "next due  2019-04-27");
}

#[test]
fn overlapping_plans_warn_series_overlap_and_are_judged_apart() {
    let dir = folder(&[("2019.toml", "year = 2019", "2019-03-01"), ("2019-draft.toml", "year = 2019", "2019-01-15")]);
    // Not a plan: no `[plan]` table.
    std::fs::write(dir.path().join("plans/notes.toml"), "title = \"not a plan\"\nid = \"council\"\n").unwrap();
    // A plan (broken, even) that names none of the ids is no part of the series: never parsed,
    // nothing said.
    std::fs::write(dir.path().join("plans/other.toml"), "[plan]\ntitle = \n").unwrap();
    // Over the size limit: refused before it is read (a sparse file costs nothing here).
    std::fs::File::create(dir.path().join("plans/huge.toml")).unwrap().set_len(65 * 1024 * 1024).unwrap();
    let (code, stdout, stderr) =
        run(plan().current_dir(dir.path()).args(["--file", "plans/2019.toml", "--as-of", "2019-10-01", "check"]));
    assert_eq!(code, 0, "{stdout}");
    has(
        &stdout,
        "plans/2019.toml:1:1: warning[series-overlap]: plans/2019-draft.toml covers 2019-01-01 – 2019-12-31, which overlaps this plan: the two are not read as one series, and each is judged on its own",
    );
    assert_eq!(
        stderr,
        "note: plans/huge.toml is over the size limit of 67108864 bytes and is left out of the series\n\
         note: plans/notes.toml has no [plan] table and is left out of the series\n"
    );
    // The draft's 15.01.2019 is not counted (it would make the next due 15.01.2020): the second
    // meeting is due, as the first was, by 01.01.2020.
    has(&stdout, "next due  2020-01-01");
    let (_, stdout, stderr) = run(plan().current_dir(dir.path()).args([
        "--lang",
        "ru",
        "--file",
        "plans/2019-draft.toml",
        "--as-of",
        "2019-10-01",
        "check",
    ]));
    has(
        &stdout,
        "plans/2019-draft.toml:1:1: предупреждение[series-overlap]: plans/2019.toml охватывает 01.01.2019 – 31.12.2019 и перекрывается с этим планом: это не одна серия, каждый план проверяется отдельно",
    );
    assert_eq!(
        stderr,
        "примечание: plans/huge.toml больше предела в 67108864 байт и не входит в серию\n\
         примечание: в plans/notes.toml нет таблицы [plan], он не входит в серию\n"
    );
}
