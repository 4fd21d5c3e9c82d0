//! `plan-gen N [HELD [PLANNED]] > plan.toml`: a large valid plan for the performance measurements
//! (see benches/run.sh). Built only with `--features bench-tools`.

#[path = "support/generate.rs"]
mod generate;

use std::io::Write;

fn main() {
    let mut args = std::env::args().skip(1);
    let usage = "usage: plan-gen ACTIVITIES [HELD_PER_RULE [PLANNED_PER_RULE]] > plan.toml";
    let activities: usize = args.next().and_then(|a| a.parse().ok()).expect(usage);
    // The plan of the issue: every recurring activity with 12 meetings held and 4 planned.
    let held: usize = args.next().map_or(Some(12), |a| a.parse().ok()).expect(usage);
    let planned: usize = args.next().map_or(Some(4), |a| a.parse().ok()).expect(usage);
    std::io::stdout().lock().write_all(generate::plan(activities, held, planned).as_bytes()).expect("stdout");
}
