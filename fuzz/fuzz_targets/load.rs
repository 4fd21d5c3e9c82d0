//! The plan loader takes any bytes and must never panic: every input is either a plan or a list
//! of diagnostics. A successful load is then checked and rendered in every format (and the
//! output must hold no raw control character: spec §5), and edited the way `plan held`,
//! `planned`, `cancel` and `new` edit it; a failed one has its messages rendered in both
//! languages (which slices the source line under each diagnostic, so a span that is off a
//! character boundary panics here), with no raw control character either.
#![no_main]

use chrono::NaiveDate;
use libfuzzer_sys::fuzz_target;
use plan::check::{self, Options};
use plan::edit::{self, Change};
use plan::i18n::Lang;
use plan::render::{self, style::Paint};

fuzz_target!(|data: &[u8]| {
    match plan::model::parse("fuzz.toml", data) {
        Ok(plan) => {
            exercise_plan(&plan);
            if let Ok(text) = std::str::from_utf8(data) {
                exercise_edits(text, &plan);
            }
        }
        Err(invalid) => {
            for diagnostic in &invalid.diagnostics {
                let _ = invalid.pos(diagnostic);
            }
            let error = plan::Error::Invalid(invalid);
            for lang in [Lang::En, Lang::Ru] {
                assert_clean("an error", &render::error::text(&error, lang, false));
                let _ = render::error::text(&error, lang, true);
            }
        }
    }
});

/// No raw control character but a newline (spec §5): the file's text is escaped everywhere.
fn assert_clean(what: &str, text: &str) {
    let text = text.replace("\r\n", "\n");
    assert!(!text.chars().any(|c| c.is_control() && c != '\n'), "raw control character in {what}: {text:?}");
}

fn exercise_plan(plan: &plan::model::Plan) {
    let rows: Vec<_> = plan.activities().collect();
    let mut out = Vec::new();
    let as_of = NaiveDate::from_ymd_opt(2019, 6, 1).expect("a valid date");
    let mut reports = Vec::new();
    for as_of in [as_of, plan.period.from, plan.period.to] {
        let report = check::check(plan, Options { as_of, due_within: 30 });
        for (strict, quiet) in [(true, false), (false, true)] {
            let options = render::check::TextOptions { strict, quiet };
            let _ = render::check::text(&mut out, &report, "fuzz.toml", options, Lang::Ru, Paint::new(false));
        }
        let _ = render::check::json(&mut out, &report, "fuzz.toml", true, Lang::En);
        reports.push(report);
    }
    let report = &reports[0];
    for lang in [Lang::En, Lang::Ru] {
        for &(section, activity) in &rows {
            let _ = lang.say(&render::words::schedule(&activity.schedule, plan.period));
            let verdict = report.rules.iter().find(|r| r.number == activity.number);
            let (judgement, _) = plan::fulfilment::outcome(plan, activity, as_of);
            let _ = render::show::text(
                &mut out,
                plan,
                (section, activity),
                (verdict, judgement),
                lang,
                Paint::new(false),
                Some(80),
            );
        }
        let _ = render::list::plain(&mut out, plan, &rows, lang, Paint::new(false), Some(80));
        let _ = render::list::plain(&mut Vec::new(), plan, &rows, lang, Paint::new(true), None);
        let _ = render::table::draw(&mut out, plan, &rows, lang, Paint::new(false), Some(80), true);
        let _ = render::markdown::list(&mut out, plan, &rows, lang);
        let _ = render::markdown::table(&mut out, plan, &rows, lang, true);
        let judged = plan::fulfilment::judge(plan, &rows, as_of);
        let _ = render::timeline::draw(&mut out, plan, &judged, as_of, lang, Paint::new(false), 80);
        let _ = render::ics::calendar(&mut out, plan, &judged, as_of, 7, lang);
        let _ = render::html::plan_page(&mut out, plan, &rows, lang, true);
        let fulfilment = plan::fulfilment::report(plan, &rows, as_of);
        let _ = render::fulfilment::text(&mut out, &fulfilment, plan, lang, Paint::new(false), Some(80));
        let _ = render::fulfilment::markdown(&mut out, &fulfilment, plan, lang);
        let _ = render::fulfilment::html(&mut out, &fulfilment, plan, lang);
    }
    let _ = render::json::activities(&mut out, plan, &rows);
    let _ = render::csv::activities(&mut out, plan, &rows, Lang::Ru);
    assert_clean("the output", &String::from_utf8_lossy(&out));
}

/// The edits of `plan held`, `planned`, `cancel` and `new`, on whatever loaded: no panic. (An edit
/// whose result does not load or does not say what was asked is refused by the command, which
/// loads and verifies it before writing.)
fn exercise_edits(text: &str, plan: &plan::model::Plan) {
    let changes = [
        Change::Held { date: plan.period.from, note: Some("протокол \"1\"\n".to_owned()) },
        Change::Planned { date: plan.period.to },
        Change::Cancel { note: None },
    ];
    for (_, activity) in plan.activities().take(3) {
        for change in &changes {
            let _ = edit::refuse(plan, activity, change, plan.period.to);
            let Some(edited) = edit::apply(text, activity.number, change) else { continue };
            if let Ok(after) = plan::model::parse("fuzz.toml", edited.as_bytes()) {
                let _ = edit::verify(plan, &after, activity.number, change);
            }
            let _ = edit::unified_diff(text, &edited, "a", "b");
        }
    }
    if plan.year < 9999
        && let Ok(rollover) = plan::rollover::next_year(text, plan, plan.year + 1)
        && let Ok(next) = plan::model::parse("fuzz.toml", rollover.text.as_bytes())
    {
        let _ = plan::rollover::verify(plan, &next, &rollover);
    }
}
