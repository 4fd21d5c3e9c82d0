//! Criterion benchmarks: loading, filtering, checking and rendering a large plan, against the
//! floor of parsing the same text into a generic `toml::Table`.
//!
//! `cargo bench --bench plan`; see the README's "Performance" for the whole-process measurements.

#[path = "support/generate.rs"]
mod generate;

use std::hint::black_box;

use chrono::NaiveDate;
use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use plan::check::{self, Options};
use plan::i18n::Lang;
use plan::query::{Criteria, Filter};
use plan::render::style::Paint;

fn sizes(c: &mut Criterion) {
    let as_of = NaiveDate::from_ymd_opt(2019, 12, 31).unwrap();
    let mut group = c.benchmark_group("plan");
    group.sample_size(10);
    for activities in [2_000, 20_000] {
        let text = generate::plan(activities, 12, 4);
        group.throughput(Throughput::Elements(activities as u64));
        group.bench_with_input(BenchmarkId::new("floor: toml::Table", activities), &text, |b, text| {
            b.iter(|| black_box(text.parse::<toml::Table>().unwrap()));
        });
        group.bench_with_input(BenchmarkId::new("load", activities), &text, |b, text| {
            b.iter(|| black_box(plan::model::parse("bench.toml", text.as_bytes()).unwrap()));
        });
        let loaded = plan::model::parse("bench.toml", text.as_bytes()).unwrap();
        let criteria = Criteria { periods: vec!["april".into()], ..Criteria::default() };
        group.bench_with_input(BenchmarkId::new("list --period april", activities), &loaded, |b, plan| {
            b.iter(|| {
                let (filter, _) = Filter::resolve(plan, &criteria, as_of).unwrap();
                let rows = filter.select(plan);
                let mut out = Vec::with_capacity(1 << 20);
                plan::render::json::activities(&mut out, plan, &rows).unwrap();
                black_box(out)
            });
        });
        group.bench_with_input(BenchmarkId::new("check", activities), &loaded, |b, plan| {
            b.iter(|| black_box(check::check(plan, Options { as_of, due_within: 30 })));
        });
        group.bench_with_input(BenchmarkId::new("table", activities), &loaded, |b, plan| {
            b.iter(|| {
                let rows: Vec<_> = plan.activities().collect();
                let mut out = Vec::with_capacity(1 << 20);
                plan::render::table::draw(&mut out, plan, &rows, Lang::Ru, Paint::new(false), Some(120), false)
                    .unwrap();
                black_box(out)
            });
        });
    }
    group.finish();
}

/// One rule judged on ten thousand held and ten thousand planned dates, every reading: what the
/// unit test `thousands_of_regular_meetings_break_no_rule` checks for correctness, timed here.
fn rule_engine(c: &mut Criterion) {
    use plan::check::rules::{RuleInput, RuleKind, evaluate};
    let start = NaiveDate::from_ymd_opt(1990, 1, 1).unwrap();
    let held: Vec<NaiveDate> = start.iter_days().step_by(3).take(10_000).collect();
    let planned: Vec<NaiveDate> = held[held.len() - 1].iter_days().skip(1).step_by(3).take(10_000).collect();
    let mut group = c.benchmark_group("rules");
    group.sample_size(10);
    for kind in [RuleKind::Rolling, RuleKind::Calendar, RuleKind::Both] {
        let input = RuleInput {
            times: 2,
            every: 1,
            unit: plan::when::Unit::Month,
            kind,
            plan_start: start,
            plan_end: NaiveDate::from_ymd_opt(2100, 12, 31).unwrap(),
            as_of: held[held.len() - 1],
            last_before: None,
            held: &held,
            planned: &planned,
            due_within_days: 30,
        };
        group.bench_function(BenchmarkId::new("evaluate 10k held + 10k planned", format!("{kind:?}")), |b| {
            b.iter(|| black_box(evaluate(black_box(&input))));
        });
    }
    group.finish();
}

/// `plan table` of a plan whose one title is a single word of a million characters, at a fixed
/// width and unwrapped: it took 299 s when comfy-table cut the word itself, and must stay well
/// under a second (once a wall-clock bound of 10 s in tests/table.rs; speed is measured here).
fn long_word(c: &mut Criterion) {
    let text = format!(
        "[plan]\ntitle = \"T\"\nyear = 2019\n[parties.p]\nname = \"P\"\n[[section]]\ntitle = \"S\"\n\
         responsible = [\"p\"]\n[[section.activity]]\ntitle = \"{}\"\nwhen = \"апрель\"\n",
        "ж".repeat(1_000_000)
    );
    let loaded = plan::model::parse("bench.toml", text.as_bytes()).unwrap();
    let mut group = c.benchmark_group("table of a million-character word");
    group.sample_size(10);
    for width in [Some(100), None] {
        group.bench_with_input(BenchmarkId::from_parameter(format!("{width:?}")), &width, |b, &width| {
            b.iter(|| {
                let rows: Vec<_> = loaded.activities().collect();
                let mut out = Vec::with_capacity(4 << 20);
                plan::render::table::draw(&mut out, &loaded, &rows, Lang::Ru, Paint::new(false), width, false).unwrap();
                black_box(out)
            });
        });
    }
    group.finish();
}

criterion_group!(benches, sizes, rule_engine, long_word);
criterion_main!(benches);
