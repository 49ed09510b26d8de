#!/usr/bin/python3
# second_committee.py SRC DST — a second committee's data for the layout
# tests, made from the example (examples/sydnarke) so that every section
# has data: another name, short name, case prefix and host municipality
# (Askersund, whose name heads its documents), a colour of its own, and
# three times the political assignments, so that the
# decisions table is longer than a page and must split by the rules.
# Its figures are not asserted anywhere; only the layout is checked.
import json
import os
import sys

src, dst = sys.argv[1], sys.argv[2]
os.makedirs(dst, exist_ok=True)
NAMES = [("Sydnärkes IT-nämnd", "Bergslagens kultur- och fritidsnämnd"),
         ("Sydärkes IT-nämnd", "Bergslagens kultur- och fritidsnämnd"),
         ("Sydnärkes IT-förvaltning", "Bergslagens kultur- och fritidsförvaltning"),
         ("Syd-IT", "BKF"), ("SYD-IT", "BKF")]


def rename(v):
    if isinstance(v, str):
        for a, b in NAMES:
            v = v.replace(a, b)
        return v
    if isinstance(v, list):
        return [rename(x) for x in v]
    if isinstance(v, dict):
        return {k: rename(x) for k, x in v.items()}
    return v


for name in sorted(os.listdir(src)):
    if not name.endswith('.json'):
        continue
    with open(os.path.join(src, name), encoding='utf-8') as f:
        d = rename(json.load(f))
    if 'committee' in d:
        for c in d['committee']:
            c['host_municipality'] = '1882'
            c.pop('note', None)
            # its own identity: the host's name as letterhead, no logo,
            # a colour of its own
            c.pop('letterhead', None)
            c.pop('logo', None)
            c['colour'] = '#6a3d9a'
    if 'assignments' in d:
        extra, status = [], []
        for n in (2, 3):
            for a in d['assignments']:
                b = dict(a)
                b['key'] = f"{a['key']}-{n}"
                b['text'] = f"{a['text']} (del {n})"
                extra.append(b)
            for s in d.get('assignment_status', []):
                t = dict(s)
                t['assignment'] = f"{s['assignment']}-{n}"
                status.append(t)
        d['assignments'] += extra
        d['assignment_status'] += status
        for r in d.get('assignment_reports', []):
            for k in ('stated_ongoing', 'stated_finished', 'stated_new'):
                r.pop(k, None)
    with open(os.path.join(dst, name), 'w', encoding='utf-8') as f:
        json.dump(d, f, ensure_ascii=False, indent=1)
