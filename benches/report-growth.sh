#!/usr/bin/env bash
# `plan report` grows linearly with the plan (issue 23): the time of the year-end report on a
# generated plan of 10,000 and of 100,000 activities, and their ratio (10 would be exactly
# linear; the target is within 12). Text and JSON, with the whole year judged.
#
#   benches/report-growth.sh        # needs hyperfine (apt-get install hyperfine)
set -euo pipefail
cd "$(dirname "$0")/.."
command -v hyperfine >/dev/null || { echo "report-growth.sh needs hyperfine: apt-get install hyperfine" >&2; exit 2; }
cargo build --release --locked --features bench-tools --bins >&2
bin=target/release
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
median() {
    hyperfine -N --style none --warmup 1 --min-runs "$2" --export-json "$work/h.json" "$1" >/dev/null 2>&1
    python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['results'][0]['median'])" "$work/h.json"
}
for format in text json; do
    declare -A took=()
    for n in 10000 100000; do
        mkdir -p "$work/$n"
        [ -f "$work/$n/plan.toml" ] || "$bin/plan-gen" "$n" 12 4 > "$work/$n/plan.toml"
        runs=$([ "$n" = 10000 ] && echo 10 || echo 3)
        took[$n]=$(median "$bin/plan --file $work/$n/plan.toml --as-of 2020-01-10 report --format $format" "$runs")
    done
    python3 -c "import sys; a,b=float(sys.argv[1]),float(sys.argv[2]); print(f'report --format {sys.argv[3]}: 10,000 activities {a*1000:.0f} ms, 100,000 {b*1000:.0f} ms, ratio {b/a:.1f}')" \
        "${took[10000]}" "${took[100000]}" "$format"
done
