//! `plan-branches DIR [BRANCHES [YEARS [ACTIVITIES [LAST_YEAR]]]]`: a tree of branch folders for
//! `plan rollup` (see benches/rollup.sh): 85 branches of 10 yearly plans of 24 activities ending
//! in 2024 by default, about 20,000 activities in 850 files. Built only with `--features bench-tools`.

#[path = "support/branches.rs"]
mod branches;

fn main() {
    let mut args = std::env::args().skip(1);
    let usage = "usage: plan-branches DIR [BRANCHES [YEARS [ACTIVITIES [LAST_YEAR]]]]";
    let dir = std::path::PathBuf::from(args.next().expect(usage));
    let mut number = |default: usize| args.next().map_or(Some(default), |a| a.parse().ok()).expect(usage);
    let (count, years, activities, last_year) = (number(85), number(10), number(24), number(2024));
    let last_year = i32::try_from(last_year).expect(usage);
    branches::tree(&dir, count, years, last_year, activities).expect("the tree is written");
}
