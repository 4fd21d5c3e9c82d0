#!/usr/bin/env bash
# `plan rollup` over a tree of branches against `plan check` on one file holding as many
# activities, as the README's "Performance" reports (issue 24: no slower than 1.5×).
#
#   benches/rollup.sh [BRANCHES [YEARS [ACTIVITIES]]]     # default 85 10 24: 20,400 activities in 850 files
#
# The tree comes from `plan-branches` (benches/support/branches.rs), the one file from `plan-gen`
# (benches/support/generate.rs, the plan of benches/run.sh). Both commands are timed in turn, round
# after round, so that a slow spell of the shared machine falls on both alike; each gets the median
# of its rounds, and the ratio is of the two medians of the same run. Needs python3 and GNU time.
set -euo pipefail
cd "$(dirname "$0")/.."

[ -x /usr/bin/time ] || { echo "rollup.sh needs GNU time: apt-get install time" >&2; exit 2; }
branches=${1:-85} years=${2:-10} per_plan=${3:-24}
activities=$((branches * years * per_plan))

cargo build --release --locked --features bench-tools --bins >&2
bin=target/release
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

"$bin/plan-branches" "$work/branches" "$branches" "$years" "$per_plan" 2024
mkdir "$work/one"
"$bin/plan-gen" "$activities" 12 4 > "$work/one/plan.toml"
# The same kind of activities as the tree's, all in one plan: one branch, one year.
"$bin/plan-branches" "$work/flat" 1 1 "$activities" 2024
flat=$(echo "$work"/flat/*/2024.toml)

as_of=2024-12-10
rollup="$bin/plan --as-of $as_of rollup $work/branches --format json"
check="$bin/plan -f $work/one/plan.toml --as-of 2019-12-10 check --format json"
rollup_one="env RAYON_NUM_THREADS=1 $rollup"
check_flat="$bin/plan -f $flat --as-of $as_of check --format json"

read -r t_rollup t_check t_one t_flat < <(python3 benches/support/rounds.py "$rollup" "$check" "$rollup_one" "$check_flat")

# Peak resident memory in KiB of one run.
# (`rollup` exits 1 when a branch has errors, as the generated ones do.)
peak() { /usr/bin/time -f %M bash -c "$1 > /dev/null; true" 2>&1 | tail -1; }
m_rollup=$(peak "$rollup"); m_check=$(peak "$check"); m_flat=$(peak "$check_flat")
# Twice the branches: the memory of the rollup follows the largest series, not the tree.
"$bin/plan-branches" "$work/twice" $((branches * 2)) "$years" "$per_plan" 2024
m_twice=$(peak "$bin/plan --as-of $as_of rollup $work/twice --format json")

ms() { python3 -c "import sys; print(f'{float(sys.argv[1]) * 1000:.0f} ms')" "$1"; }
ratio() { python3 -c "import sys; print(f'{float(sys.argv[1]) / float(sys.argv[2]):.2f}')" "$1" "$2"; }

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
echo "tree: $branches branches × $years plans = $(find "$work/branches" -name '*.toml' | wc -l) files, $activities activities, $(du -sb "$work/branches" | cut -f1) bytes"
echo "one file (plan-gen): $activities activities, $(wc -c < "$work/one/plan.toml") bytes"
echo "one file (plan-branches, one branch, one year): $activities activities, $(wc -c < "$flat") bytes"
echo
echo "| command | time | × check | peak memory |"
echo "|---|---|---|---|"
echo "| plan check --format json (one file, plan-gen) | $(ms "$t_check") | 1.00 | $((m_check / 1024)) MiB |"
echo "| plan check --format json (one file, plan-branches) | $(ms "$t_flat") | $(ratio "$t_flat" "$t_check") | $((m_flat / 1024)) MiB |"
echo "| plan rollup --format json (the tree) | $(ms "$t_rollup") | $(ratio "$t_rollup" "$t_check") | $((m_rollup / 1024)) MiB |"
echo "| plan rollup, one thread (RAYON_NUM_THREADS=1) | $(ms "$t_one") | $(ratio "$t_one" "$t_check") | |"
echo "| plan rollup, twice the branches | | | $((m_twice / 1024)) MiB |"
echo
echo "rollup ÷ check on the plan-branches file: $(ratio "$t_rollup" "$t_flat") (one thread: $(ratio "$t_one" "$t_flat"))"
