#!/usr/bin/env python3
"""An independent model of spec section 4 (`plan check`) for one plan, written
from the spec text alone, and a random comparison against the binary.

    python3 tests/model/check_model.py [COUNT] [SEED] [BINARY]
"""
import calendar
import json
import os
import random
import subprocess
import sys
import tempfile
from datetime import date, timedelta

DAY = timedelta(days=1)


def add_months(d, m):
    """Calendar months, clamped to the month's end (spec section 4)."""
    y, mo = divmod(d.month - 1 + m, 12)
    y += d.year
    mo += 1
    return date(y, mo, min(d.day, calendar.monthrange(y, mo)[1]))


# ----------------------------------------------------------------- the model

def judge_rolling(start, end, clock, n, m, held, a):
    """Returns (next_due, gap_exceeded?, chain due dates for planned)."""
    hs = sorted(h for h in held if h <= a)
    dues = []
    gap = False
    for k, h in enumerate(hs):
        due = add_months(clock, m) if k < n else add_months(hs[k - n], m)
        dues.append(due)
        if h > due:
            gap = True
    k = len(hs)
    next_due = add_months(clock, m) if k < n else add_months(hs[k - n], m)
    return next_due, gap, hs


def rolling_planned_late(clock, n, m, hs, planned, a):
    """Planned dates from A on, taken after the held ones, each due by its
    place in the chain."""
    seq = list(hs)
    late = False
    for p in sorted(p for p in planned if p >= a and p not in hs):
        k = len(seq)
        due = add_months(clock, m) if k < n else add_months(seq[k - n], m)
        if p > due:
            late = True
        seq.append(p)
        seq.sort()
    return late


def blocks(start, m, upto):
    i = 0
    while True:
        b0 = add_months(start, i * m)
        b1 = add_months(start, (i + 1) * m) - DAY
        yield i, b0, b1
        if b0 > upto:
            return
        i += 1


def calendar_planned_late(start, end, n, m, held, planned, a):
    """Each planned date from A on should meet the calendar due date left by
    the held dates and the planned dates before it."""
    seq = list(held)
    late = False
    for p in sorted(p for p in planned if p >= a and p not in held):
        due, _ = judge_calendar(start, end, n, m, seq, a, upto_a=False)
        if p > due:
            late = True
        seq.append(p)
    return late


def judge_calendar(start, end, n, m, held, a, upto_a=True):
    """Returns (next_due, block_missed?)."""
    hs = [h for h in held if h <= a or not upto_a]
    missed = False
    next_due = None
    for i, b0, b1 in blocks(start, m, max(a, end) + timedelta(days=400)):
        cnt = sum(1 for h in hs if b0 <= h <= b1)
        in_plan = b0 <= end
        finished = b1 < a
        if in_plan and finished and cnt < n:
            missed = True
            continue
        if next_due is None and cnt < n and (b1 >= a or not in_plan):
            next_due = b1
        if next_due is not None and b0 > a:
            break
    return next_due, missed


def model(plan, a, due_within=30):
    start, end = plan["start"], plan["end"]
    rules = []
    findings = set()
    before = a < start
    for act in plan["activities"]:
        num = act["number"]
        held = act["held"]
        planned = act["planned"]
        cancelled = act["cancelled"]
        for h in held:
            if h < start or h > end:
                findings.add(("held-outside-plan", num))
            elif h > a:
                findings.add(("held-after-as-of", num))
        if not cancelled:
            for p in planned:
                if p < a and p not in held:
                    findings.add(("planned-passed", num))
        if act["kind"] == "window":
            w0, w1 = act["window"]
            for h in held:
                if not (w0 <= h <= w1):
                    findings.add(("held-outside-window", num))
            if not cancelled and not held and w1 < a:
                findings.add(("not-recorded", num))
            continue
        if act["kind"] != "rule" or cancelled:
            continue
        n, m, kind = act["times"], act["months"], act["rule"]
        # the rule judges the dates recorded in the plan period, up to A
        held = [h for h in held if start <= h <= end and h <= a]
        clock = act["last_before"] or start
        dues = []
        violated = False
        late = False
        if kind in ("rolling", "both"):
            nd, gap, hs = judge_rolling(start, end, clock, n, m, held, a)
            dues.append(nd)
            if gap:
                violated = True
                findings.add(("gap-exceeded", num))
            if rolling_planned_late(clock, n, m, hs, planned, a):
                findings.add(("planned-too-late", num))
        if kind in ("calendar", "both"):
            nd, missed = judge_calendar(start, end, n, m, held, a)
            dues.append(nd)
            if missed:
                violated = True
                findings.add(("block-missed", num))
            if calendar_planned_late(start, end, n, m, held, planned, a):
                findings.add(("planned-too-late", num))
        next_due = min(d for d in dues if d is not None)
        overdue = next_due < a
        soon = not overdue and (next_due - a).days <= due_within
        if overdue:
            findings.add(("overdue", num))
            status = "overdue"
        elif violated:
            status = "violated"
        elif soon:
            status = "due-soon"
        else:
            status = "ok"
        if soon:
            findings.add(("due-soon", num))
        rules.append({
            "number": num,
            "status": status,
            "next_due": next_due.isoformat(),
            "held": [h.isoformat() for h in held],
        })
    for p in plan["parties"]:
        if p not in plan["used"]:
            findings.add(("unused-party", None))
    if before:
        # only findings that do not depend on A
        # findings that do not depend on A; the rules say "ok" (nothing is
        # due yet) with the first due date from the clock
        findings = {f for f in findings if f[0] in A_FREE}
        for r in rules:
            r["status"] = "ok"
    return rules, findings


WINDOW_KINDS = os.environ.get("WINDOWS", "month,range,quarter,half,whole,dates,list").split(",")
A_FREE = {"unused-party", "held-outside-plan", "held-outside-window"}

# ----------------------------------------------------------------- the plans

MONTHS_EN = ["january", "february", "march", "april", "may", "june", "july",
             "august", "september", "october", "november", "december"]


def rand_date_near(rng, start, end, specials):
    r = rng.random()
    if specials and r < 0.5:
        return rng.choice(specials)
    span = (end - start).days + 120
    return start - timedelta(days=60) + timedelta(days=rng.randrange(span))


def gen_plan(rng):
    year = rng.choice([2019, 2020, 2023, 2024])
    if rng.random() < 0.8:
        start, end = date(year, 1, 1), date(year, 12, 31)
        explicit = False
    else:
        start = rng.choice([date(year, rng.choice([1, 2, 3, 7]), 1), date(year, 1, 31),
                            date(year, 1, 15), date(year, 2, 28), date(year, 8, 31)])
        if year % 4 == 0 and rng.random() < 0.3:
            start = date(year, 2, 29)
        end = rng.choice([add_months(start, rng.choice([6, 9, 12, 14])) - DAY,
                          start + timedelta(days=rng.randrange(40, 500))])
        explicit = True
    parties = ["p1", "p2", "p3"]
    used = set()
    acts = []
    section = 1
    for i in range(rng.randint(1, 4)):
        if i and rng.random() < 0.3:
            section += 1
        resp = rng.choice(parties[:2] if rng.random() < 0.7 else parties)
        used.add(resp)
        agreed = ["p3"] if rng.random() < 0.1 else []
        used.update(agreed)
        kind = rng.choice(["rule", "rule", "rule", "window", "window", "asneeded"])
        act = {"number": f"{section}.{sum(1 for x in acts if x['section'] == section) + 1}",
               "section": section, "resp": resp, "agreed": agreed, "kind": kind,
               "cancelled": rng.random() < 0.1, "held": [], "planned": []}
        specials = [start - DAY, end, end + DAY, start]
        for y in range(start.year, end.year + 1):
            specials += [date(y, 2, calendar.monthrange(y, 2)[1]), date(y, 8, 31), date(y, 3, 31)]
        if kind == "rule":
            act["times"] = rng.randint(1, 4)
            act["months"] = rng.choice([1, 2, 3, 4, 6, 12])
            act["rule"] = rng.choice([None, "rolling", "calendar", "both"])
            act["last_before"] = None
            if rng.random() < 0.3:
                act["last_before"] = start - timedelta(days=rng.randrange(1, 200))
            clock = act["last_before"] or start
            # due dates: on, before, one day after
            d = clock
            for _ in range(6):
                d = add_months(d, act["months"])
                specials += [d, d - DAY, d + DAY]
            k = rng.randint(0, 3 * act["times"] + 2)
            if kind == "rule" and rng.random() < 0.5:
                # a plausible chain of meetings
                d = clock
                for _ in range(k):
                    step = (add_months(d, act["months"]) - d).days // act["times"]
                    d = d + timedelta(days=max(1, step + rng.randint(-5, 5)))
                    act["held"].append(d)
            else:
                act["held"] = [rand_date_near(rng, start, end, specials) for _ in range(k)]
            act["rule_kind"] = act["rule"] or "rolling"
        else:
            wk = rng.choice(WINDOW_KINDS)
            if wk == "month":
                mo = rng.randint(1, 12)
                w0 = date(start.year, mo, 1)
                w1 = add_months(w0, 1) - DAY
                act["when"] = MONTHS_EN[mo - 1]
            elif wk == "range":
                a1 = rng.randint(1, 11)
                a2 = rng.randint(a1 + 1, 12)
                w0 = date(start.year, a1, 1)
                w1 = add_months(date(start.year, a2, 1), 1) - DAY
                act["when"] = f"{MONTHS_EN[a1 - 1]}..{MONTHS_EN[a2 - 1]}"
            elif wk == "quarter":
                q = rng.randint(1, 4)
                w0 = date(start.year, 3 * q - 2, 1)
                w1 = add_months(w0, 3) - DAY
                act["when"] = f"Q{q}"
            elif wk == "whole":
                w0, w1 = start, end
                act["when"] = rng.choice(["whole period", "весь период", "all year"])
            elif wk in ("dates", "list"):
                w0 = start + timedelta(days=rng.randrange((end - start).days + 1))
                w1 = min(end, w0 + timedelta(days=rng.randrange(0, 90)))
                act["when"] = str(w0) if w0 == w1 else f"{w0}..{w1}"
                if wk == "list":
                    act["when"] += f", {w1}"
            else:
                h = rng.randint(1, 2)
                w0 = date(start.year, 6 * h - 5, 1)
                w1 = add_months(w0, 6) - DAY
                act["when"] = f"H{h}"
            if w0 < start or w1 > end:
                # windows must lie inside the plan: fall back to a date range
                w0, w1 = start, min(end, add_months(start, 2) - DAY)
                act["when"] = f"{w0.isoformat()}..{w1.isoformat()}"
            act["window"] = (w0, w1)
            specials += [w0, w1, w0 - DAY, w1 + DAY]
            act["held"] = [rand_date_near(rng, start, end, specials)
                           for _ in range(rng.choice([0, 0, 1, 1, 2]))]
        if kind == "asneeded":
            act["when"] = rng.choice(["as needed", "по мере необходимости"])
            act["held"] = [rand_date_near(rng, start, end, specials)
                           for _ in range(rng.choice([0, 1, 2]))]
        act["held"] = sorted(set(act["held"]))
        act["planned"] = sorted(set(rand_date_near(rng, start, end, specials)
                                    for _ in range(rng.choice([0, 0, 1, 2]))))
        if act["held"] and rng.random() < 0.15:
            # a planned date also recorded as held
            act["planned"] = sorted(set(act["planned"] + [rng.choice(act["held"])]))
        acts.append(act)
    a_specials = [start - DAY, start, end, end + DAY, end + timedelta(days=200),
                  end + timedelta(days=500)]
    for act in acts:
        a_specials += act["held"] + act["planned"]
    a = rand_date_near(rng, start, end + timedelta(days=300), a_specials)
    if rng.random() < 0.3:
        a += timedelta(days=rng.choice([-1, 1, 30, -30, 31]))
    plan = {"year": year, "start": start, "end": end, "explicit": explicit,
            "parties": parties, "used": used, "activities": acts}
    return plan, a


def to_toml(plan, rng):
    out = ["[plan]", 'title = "Model plan"']
    if plan["explicit"]:
        out += [f"start = {plan['start']}", f"end = {plan['end']}"]
    else:
        out.append(f"year = {plan['year']}")
    for p in plan["parties"]:
        out += ["", f"[parties.{p}]", f'name = "Party {p}"']
    section = 0
    for act in plan["activities"]:
        if act["section"] != section:
            section = act["section"]
            out += ["", "[[section]]", f'title = "S{section}"']
        out += ["", "[[section.activity]]", f'title = "Activity {act["number"]}"',
                f'responsible = ["{act["resp"]}"]']
        if act["agreed"]:
            out.append(f'agreed_with = {json.dumps(act["agreed"])}')
        if act["kind"] == "rule":
            n, m = act["times"], act["months"]
            words = {(1, 1): "monthly", (1, 3): "ежеквартально", (1, 12): "yearly",
                     (1, 6): "не реже 1-го раза в 6 месяцев", (2, 12): "не реже 2 раз в год"}
            if (n, m) in words and rng.random() < 0.5:
                out.append(f'when = "{words[(n, m)]}"')
            elif rng.random() < 0.2:
                out.append(f'when = "as needed, at least {n} times every {m} months"')
            else:
                out.append(f'when = "at least {n} times every {m} months"')
            if act["rule"]:
                out.append(f'rule = "{act["rule"]}"')
            if act["last_before"]:
                out.append(f"last_before = {act['last_before']}")
        else:
            out.append(f'when = "{act["when"]}"')
        if act["held"]:
            # the same day written twice is one meeting
            held = act["held"] + ([act["held"][0]] if rng.random() < 0.05 else [])
            out.append("held = [" + ", ".join(
                str(h) if rng.random() < 0.8 else f'{{ on = {h}, note = "n" }}'
                for h in held) + "]")
        if act["planned"]:
            out.append("planned = [" + ", ".join(str(p) for p in act["planned"]) + "]")
        if act["cancelled"]:
            out.append('status = "cancelled"')
    return "\n".join(out) + "\n"


def run_binary(binary, path, a, due_within):
    args = [binary, "--file", path, "--as-of", a.isoformat(), "--lang", "en", "check",
            "--format", "json"]
    if due_within != 30:
        args += ["--due-within", str(due_within)]
    p = subprocess.run(args, capture_output=True, text=True)
    if p.returncode not in (0, 1):
        raise RuntimeError(f"exit {p.returncode}: {p.stderr}")
    return json.loads(p.stdout)


def compare(plan, a, due_within, got):
    for act in plan["activities"]:
        if act["kind"] == "rule":
            act["rule"] = act["rule_kind"] if act["rule"] is None else act["rule"]
    rules, findings = model(plan, a, due_within)
    got_f = {(f["code"], f.get("number")) for f in got["findings"]}
    diffs = []
    if findings != got_f:
        diffs.append(f"findings: model-only {sorted(findings - got_f, key=str)}, "
                     f"binary-only {sorted(got_f - findings, key=str)}")
    errors = {"gap-exceeded", "block-missed", "overdue", "held-outside-plan"}
    if got["ok"] != (not any(code in errors for code, _ in findings)):
        diffs.append(f"ok: binary {got['ok']}")
    got_rules = {r["number"]: r for r in got["rules"]}
    if sorted(got_rules) != sorted(r["number"] for r in rules):
        diffs.append(f"rules: model {[r['number'] for r in rules]} binary {sorted(got_rules)}")
    for r in rules or []:
        g = got_rules.get(r["number"])
        if g is None:
            diffs.append(f"rule {r['number']} missing in binary")
            continue
        for k in ("status", "next_due", "held"):
            if g.get(k) != r[k]:
                diffs.append(f"rule {r['number']} {k}: model {r[k]} binary {g.get(k)}")
    return diffs


def main():
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    seed = int(sys.argv[2]) if len(sys.argv) > 2 else 1
    binary = sys.argv[3] if len(sys.argv) > 3 else "target/debug/plan"
    rng = random.Random(seed)
    bad = 0
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "plan.toml")
        for i in range(count):
            plan, a = gen_plan(rng)
            due_within = rng.choice([30, 30, 0, 7, 60, 400])
            text = to_toml(plan, rng)
            with open(path, "w") as f:
                f.write(text)
            got = run_binary(binary, path, a, due_within)
            diffs = compare(plan, a, due_within, got)
            if diffs:
                bad += 1
                if bad <= int(os.environ.get("SHOW", "3")):
                    print(f"--- plan {i} as of {a} due-within {due_within}")
                    print(text)
                    print("\n".join(diffs))
                    print(json.dumps(got["rules"], indent=1))
    print(f"{count} plans, {bad} disagreements")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
