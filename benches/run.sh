#!/usr/bin/env bash
# Whole-process performance of `plan` against its floors, as the README's "Performance" reports.
#
#   benches/run.sh            # needs hyperfine (apt-get install hyperfine) and GNU time
#
# Times are medians of 20 runs; instruction counts (when valgrind is there) are exact.
# Floors: `toml-floor` reads the same file and parses it into a generic `toml::Table` and does
# nothing else; `hello` is the smallest Rust program. Both are built from benches/ with the
# same release profile as `plan`. Plans come from `plan-gen` (benches/support/generate.rs).
set -euo pipefail
cd "$(dirname "$0")/.."

command -v hyperfine >/dev/null || { echo "run.sh needs hyperfine: apt-get install hyperfine" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "run.sh needs GNU time: apt-get install time" >&2; exit 2; }

cargo build --release --locked --features bench-tools --bins >&2
bin=target/release
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# 180,000 activities is the most that fits under the 64 MiB limit with 16 dates on every tenth.
for n in 2000 20000 180000; do
    # Every recurring activity with 12 meetings held and 4 planned.
    # Each in a folder of its own: plans in one folder form a series, which `check` reads whole.
    mkdir "$work/$n"
    "$bin/plan-gen" "$n" 12 4 > "$work/$n/plan.toml"
done

# Median wall time in seconds of a command over 20 runs or more (the median, because a shared
# virtual machine has outliers that would drag a mean).
mean() {
    hyperfine -N --style none --warmup 3 --min-runs 20 --export-json "$work/h.json" "$1" >/dev/null 2>&1
    python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['results'][0]['median'])" "$work/h.json"
}

# Instructions executed by one run (valgrind's callgrind): the same on every run, whatever else
# the machine is doing, so the ratios to the floor can be compared from one machine to the next.
instructions() {
    # `check` exits 1 when it finds errors (the varied plan has some): that is no failure here.
    { valgrind --tool=callgrind --callgrind-out-file=/dev/null $1 2>&1 >/dev/null || true; } | sed -n 's/.*Collected : //p'
}

# Peak resident memory in KiB of one run.
peak() {
    /usr/bin/time -f %M bash -c "$1 > /dev/null" 2>&1 | tail -1
}

ratio() { python3 -c "import sys; print(f'{float(sys.argv[1]) / float(sys.argv[2]):.2f}')" "$1" "$2"; }

f20="$work/20000/plan.toml"
# The second plan of the issue: the same with an id on every activity and random held dates.
mkdir "$work/varied"
python3 benches/vary.py < "$f20" > "$work/varied/plan.toml"
floor="$bin/toml-floor $f20"
list="$bin/plan -f $f20 list --period april --format json"
all="$bin/plan -f $f20 list --format json"
check="$bin/plan -f $f20 --as-of 2019-12-31 check --format json"

# The four are timed in turn, round after round, so that a slow spell of the machine falls on
# all of them alike; each gets the median of its rounds.
read -r t_floor t_list t_all t_check < <(python3 benches/support/rounds.py "$floor" "$list" "$all" "$check")
m_floor=$(peak "$floor"); m_list=$(peak "$list"); m_all=$(peak "$all"); m_check=$(peak "$check")

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(free -g | awk '/Mem:/ {print $2}') GiB"
echo "plan of 20,000 activities: $(wc -c < "$f20") bytes"
echo
echo "| command | time | × floor | peak memory | × floor |"
echo "|---|---|---|---|---|"
printf '| floor: parse into toml::Table | %.0f ms | 1.00 | %d MiB | 1.00 |\n' "$(python3 -c "print($t_floor*1000)")" $((m_floor / 1024))
printf '| plan list --period april --format json | %.0f ms | %s | %d MiB | %s |\n' "$(python3 -c "print($t_list*1000)")" "$(ratio "$t_list" "$t_floor")" $((m_list / 1024)) "$(ratio "$m_list" "$m_floor")"
printf '| plan list --format json | %.0f ms | %s | %d MiB | %s |\n' "$(python3 -c "print($t_all*1000)")" "$(ratio "$t_all" "$t_floor")" $((m_all / 1024)) "$(ratio "$m_all" "$m_floor")"
printf '| plan check --format json | %.0f ms | %s | %d MiB | %s |\n' "$(python3 -c "print($t_check*1000)")" "$(ratio "$t_check" "$t_floor")" $((m_check / 1024)) "$(ratio "$m_check" "$m_floor")"

if command -v valgrind >/dev/null; then
    echo
    echo "| plan | command | instructions | × floor |"
    echo "|---|---|---|---|"
    for which in generated varied; do
        if [ "$which" = generated ]; then f="$f20"; else f="$work/varied/plan.toml"; fi
        i_floor=$(instructions "$bin/toml-floor $f")
        printf '| %s | floor: parse into toml::Table | %s M | 1.00 |\n' "$which" $((i_floor / 1000000))
        for command in "list --period april --format json" "list --format json" "--as-of 2019-12-31 check --format json"; do
            i=$(instructions "$bin/plan -f $f $command")
            printf '| %s | plan %s | %s M | %s |\n' "$which" "${command#--as-of 2019-12-31 }" $((i / 1000000)) "$(ratio "$i" "$i_floor")"
        done
    done
fi

echo
echo "| activities | list --period april --format json | per activity | × per activity at 2,000 |"
echo "|---|---|---|---|"
base=""
for n in 2000 20000 180000; do
    t=$(mean "$bin/plan -f $work/$n/plan.toml list --period april --format json")
    per=$(python3 -c "print($t / $n * 1e6)")
    [ -n "$base" ] || base=$per
    printf '| %d | %.0f ms | %.2f µs | %s |\n' "$n" "$(python3 -c "print($t*1000)")" "$per" "$(ratio "$per" "$base")"
done

echo
t_hello=$(mean "$bin/hello")
t_small=$(mean "$bin/plan -f plans/2019.toml list")
echo "| start-up | time | × hello world |"
echo "|---|---|---|"
printf '| hello world | %.2f ms | 1.00 |\n' "$(python3 -c "print($t_hello*1000)")"
printf '| plan list on plans/2019.toml | %.2f ms | %s |\n' "$(python3 -c "print($t_small*1000)")" "$(ratio "$t_small" "$t_hello")"
