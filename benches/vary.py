#!/usr/bin/env python3
"""`benches/vary.py < plan.toml > varied.toml`: the generator's plan (benches/gen.rs) with an `id` on
every activity and random held dates, the second plan the README's Performance section measures.

Every activity gets an id (the generator gives one only to recurring activities); every recurring
activity's `held` becomes 0 to 16 distinct random dates of 2019, and one other activity in three
gets 1 or 2, often outside its window, so that `check` has findings of every kind to say. The
random generator is seeded: the same input gives the same plan.
"""
import datetime
import random
import re
import sys

rng = random.Random(2019)
start = datetime.date(2019, 1, 1)


def held(count):
    days = sorted(rng.sample(range(365), count))
    return "held = [" + ", ".join(str(start + datetime.timedelta(days=d)) for d in days) + "]"


out = []
number = 0
for block in re.split(r"(?m)^(?=\[\[section\.activity\]\]\n)", sys.stdin.read()):
    if not block.startswith("[[section.activity]]"):
        out.append(block)
        continue
    number += 1
    # The activity's lines end at the first blank line; a section header may follow.
    own, _, after = block.partition("\n\n")
    lines = own.split("\n")
    if not any(line.startswith("id = ") for line in lines):
        lines.insert(1, f'id = "activity-{number}"')
    if any(line.startswith("held = ") for line in lines):
        lines = [held(rng.randint(0, 16)) if line.startswith("held = ") else line for line in lines]
    elif rng.randrange(3) == 0:
        lines.append(held(rng.randint(1, 2)))
    out.append("\n".join(lines) + "\n\n" + after)
sys.stdout.write("".join(out))
