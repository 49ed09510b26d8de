#!/usr/bin/env python3
# bench/load/gen.py EXAMPLE_DIR OUT_DIR SCALE — the Sydnärke example data
# at SCALE times its number of rows: the example's own files, and then
# meetings like the example's meeting of 2021-02-10 (its attendance,
# justerare, agenda items, basis documents, delegation decisions, messages
# and anslag) ten a year from 2030 on, § numbers running on through each
# year, until the rows number SCALE × the example's. Prints the row count.
import json, os, shutil, sys

src, out, scale = sys.argv[1], sys.argv[2], int(sys.argv[3])
os.makedirs(out, exist_ok=True)
rows = 0
meeting = None
for name in sorted(os.listdir(src)):
    if not name.endswith(".json"):
        continue
    shutil.copy(os.path.join(src, name), os.path.join(out, name))
    with open(os.path.join(src, name), encoding="utf-8") as f:
        data = json.load(f)
    rows += sum(len(v) if isinstance(v, list) else 1 for v in data.values())
    if "agenda_items" in data:
        meeting = data
base = rows
want = base * scale
per = sum(len(v) for v in meeting.values())
nitems = len(meeting["agenda_items"])
k = 0
while rows + per <= want:
    year, j = 2030 + k // 10, k % 10
    date = "%d-%02d-10" % (year, j + 1)
    shift = j * nitems
    copy = {}
    for sec, lst in meeting.items():
        copy[sec] = []
        for r in lst:
            r = dict(r)
            if sec == "meetings":
                r["date"] = date
            else:
                r["meeting"] = date
            if "paragraph" in r:
                r["paragraph"] += shift
            if sec == "anslag":
                r["date"] = r["until"] = date
            copy[sec].append(r)
    with open(os.path.join(out, "50-bench-%05d.json" % k), "w", encoding="utf-8") as f:
        json.dump(copy, f, ensure_ascii=False, indent=1)
    rows += per
    k += 1
print(rows)
