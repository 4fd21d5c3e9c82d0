#!/usr/bin/env bash
# `plan import` against the number of distinct party names (issue 23: it was quadratic).
#
#   benches/import.sh          # prints a table: names, rows, median time of `plan import`
#
# Each document is a plan table of 2,000 rows (the most a plan table may have) whose responsible
# cells name N distinct bodies in all (at least one a row), about N/2,000 to a cell, half of them also «по согласованию с»
# a body in the instrumental case, so both the name index and the inflected-form search work.
set -euo pipefail
cd "$(dirname "$0")/.."

cargo build --release --locked --bin plan >&2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

make_docx() { # NAMES OUT
    python3 - "$1" "$2" <<'PY'
import sys, zipfile
names, out = int(sys.argv[1]), sys.argv[2]
rows_n = 1999  # and the heading row: the most a plan table may have
per = -(-names // rows_n)
def cell(text):
    return f'<w:tc><w:p><w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p></w:tc>'
rows = [f'<w:tr>{cell("Мероприятия")}{cell("Срок")}{cell("Ответственные")}</w:tr>']
n = 0
for r in range(rows_n):
    who = []
    for _ in range(per):
        if n < names or not who:
            who.append(f"Отдел {n}")
            n += 1
    # The first name of the cell again after «по согласованию с», declined.
    agreed = f" по согласованию с Отделом {n - len(who)}" if r % 2 == 0 else ""
    rows.append(f'<w:tr>{cell(f"Мероприятие {r}")}{cell("апрель")}{cell(", ".join(who[1:] + [who[0] + agreed]))}</w:tr>')
body = f'<w:p><w:r><w:t>План работы на 2024 год</w:t></w:r></w:p><w:tbl>{"".join(rows)}</w:tbl>'
xml = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
       '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
       f'<w:body>{body}</w:body></w:document>')
with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("word/document.xml", xml)
PY
}

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
echo
echo "| distinct names | rows | plan import (median of 5) | per name |"
echo "|---|---|---|---|"
for names in 2000 8000 20000; do
    make_docx "$names" "$work/$names.docx"
    median=$(python3 - "target/release/plan" "$work/$names.docx" <<'PY'
import statistics, subprocess, sys, time
times = []
for _ in range(5):
    start = time.perf_counter()
    subprocess.run([sys.argv[1], "import", sys.argv[2]], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    times.append(time.perf_counter() - start)
print(statistics.median(times))
PY
)
    python3 -c "import sys; n=int(sys.argv[1]); t=float(sys.argv[2]); print(f'| {n:,} | 2,000 | {t*1000:.0f} ms | {t/n*1e6:.1f} µs |')" "$names" "$median"
done
