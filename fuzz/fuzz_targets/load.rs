//! The plan loader takes any bytes and must never panic: every input is either a plan or a list
//! of diagnostics. A successful load is then checked and rendered in every format, and a failed
//! one has its messages rendered in both languages (which slices the source line under each
//! diagnostic, so a span that is off a character boundary panics here).
#![no_main]

use chrono::NaiveDate;
use libfuzzer_sys::fuzz_target;
use plan::check::{self, Options};
use plan::i18n::Lang;
use plan::render::{self, style::Paint};

fuzz_target!(|data: &[u8]| {
    match plan::model::parse("fuzz.toml", data) {
        Ok(plan) => exercise_plan(&plan),
        Err(invalid) => {
            for diagnostic in &invalid.diagnostics {
                let _ = invalid.pos(diagnostic);
            }
            let error = plan::Error::Invalid(invalid);
            for lang in [Lang::En, Lang::Ru] {
                let _ = lang.error(&error, false);
                let _ = lang.error(&error, true);
            }
        }
    }
});

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
            let _ = lang.schedule(&activity.schedule, plan.period);
            let verdict = report.rules.iter().find(|r| r.number == activity.number);
            let _ = render::show::text(&mut out, plan, (section, activity), verdict, lang, Paint::new(false));
        }
        let _ = render::list::plain(&mut out, plan, &rows, lang, Paint::new(true));
        let _ = render::table::draw(&mut out, plan, &rows, lang, Paint::new(false), Some(80));
        let _ = render::markdown::list(&mut out, plan, &rows, lang);
        let _ = render::markdown::table(&mut out, plan, &rows, lang);
    }
    let _ = render::json::activities(&mut out, plan, &rows);
    let _ = render::csv::activities(&mut out, plan, &rows);
}
