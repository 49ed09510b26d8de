#!/usr/bin/python3
# pdf_layout.py FILE.pdf... — check the document model's layout rules
# (src/doc/doc.h) on rendered PDFs, reading back what a reader sees:
#
#   1. a table of at most 15 body rows is on one page; a longer one breaks
#      only with at least 3 body rows on each side of every break
#      (from the tagged structure: each TR's cells carry their page). A
#      short table may split only where it cannot be whole: it starts at
#      the top of a page, alone or under its headings (it is, with them,
#      taller than a page);
#   2. no heading is the last thing on its page: the next tagged element
#      after a heading (a paragraph, a table row, a list item, a figure,
#      another heading) starts on the heading's page;
#   3. no line breaks inside a number or between a number and its unit:
#      no line ends in a number while the next line of the same block
#      starts with a three-digit group or a unit ("1 / 923", "20 / st",
#      "6,72 / %"), and no line starts with "%" (pdftotext -bbox-layout).
#
# Prints one line per violation and exits 1 when there is any. Needs qpdf
# and poppler-utils.
import json
import re
import subprocess
import sys
import xml.etree.ElementTree as ET

KEEP_ROWS = 15
MIN_SPLIT = 3
HEADINGS = {'/H', '/H1', '/H2', '/H3', '/H4', '/H5', '/H6'}
UNITS = {'%', 'st', 'st.', 'tkr', 'kr', 'mnkr', 'ggr', 'dagar', 'ton', 'procent'}


def load(path):
    out = subprocess.run(['qpdf', '--json=2', '--json-key=qpdf', '--json-key=pages', path],
                         check=True, capture_output=True).stdout
    j = json.loads(out)
    objs = {k[4:]: v.get('value') for k, v in j['qpdf'][1].items() if k.startswith('obj:')}
    pages = {p['object']: i + 1 for i, p in enumerate(j['pages'])}
    return objs, pages


def kids(objs, ref):
    v = objs.get(ref)
    if not isinstance(v, dict):
        return []
    k = v.get('/K')
    if k is None:
        return []
    return k if isinstance(k, list) else [k]


def first_page(objs, pages, ref):
    """Page of the first marked content under a structure element."""
    v = objs.get(ref)
    if isinstance(v, dict) and '/Pg' in v and pages.get(v['/Pg']):
        return pages[v['/Pg']]
    for k in kids(objs, ref):
        if isinstance(k, str) and k.endswith(' R'):
            p = first_page(objs, pages, k)
            if p:
                return p
        elif isinstance(k, dict) and '/Pg' in k:
            return pages.get(k['/Pg'])
    return None


def walk(objs, ref, out):
    """Structure elements in document order (depth first)."""
    v = objs.get(ref)
    if not isinstance(v, dict):
        return
    out.append(ref)
    for k in kids(objs, ref):
        if isinstance(k, str) and k.endswith(' R'):
            walk(objs, k, out)


def check_structure(path, errors):
    objs, pages = load(path)
    root = next((v for v in objs.values() if isinstance(v, dict) and v.get('/Type') == '/Catalog'), None)
    tree = objs.get(root.get('/StructTreeRoot')) if root else None
    if not tree:
        errors.append(f'{path}: not tagged')
        return
    order = []
    for k in (tree['/K'] if isinstance(tree['/K'], list) else [tree['/K']]):
        walk(objs, k, order)
    # 1. tables
    for ref in order:
        v = objs[ref]
        if v.get('/S') != '/Table':
            continue
        rows = [k for k in kids(objs, ref) if objs.get(k, {}).get('/S') == '/TR']
        body = [r for r in rows
                if any(objs.get(c, {}).get('/S') == '/TD' for c in kids(objs, r))]
        bpages = [first_page(objs, pages, r) for r in body]
        if not bpages:
            continue
        name = table_name(objs, ref)
        segs = []
        for p in bpages:
            if segs and segs[-1][0] == p:
                segs[-1][1] += 1
            else:
                segs.append([p, 1])
        if len(segs) > 1 and len(body) <= KEEP_ROWS:
            tall = any(page_span(objs, pages, r) > 1 for r in body)
            # what comes before the table on its page: only its headings
            before = previous_content(objs, pages, order, ref)
            while (before is not None and objs[before].get('/S') in HEADINGS
                   and first_page(objs, pages, before) == segs[0][0]):
                before = previous_content(objs, pages, order, before)
            at_top = before is None or first_page(objs, pages, before) != segs[0][0]
            if not (tall or at_top):
                errors.append(f'{path}: table "{name}" of {len(body)} rows split over pages '
                              + ' + '.join(f'{n} on p. {p}' for p, n in segs))
        elif len(segs) > 1:
            for i, (p, n) in enumerate(segs):
                if n < MIN_SPLIT and not any(page_span(objs, pages, r) > 1 for r in body):
                    errors.append(f'{path}: table "{name}" has {n} row(s) on p. {p} '
                                  f'(a split needs {MIN_SPLIT} on each side)')
    # 2. headings
    for i, ref in enumerate(order):
        v = objs[ref]
        if v.get('/S') not in HEADINGS:
            continue
        hp = first_page(objs, pages, ref)
        for nxt in order[i + 1:]:
            if nxt in descendants(objs, ref):
                continue
            np_ = first_page(objs, pages, nxt)
            if np_ is None:
                continue
            if np_ != hp:
                errors.append(f'{path}: heading "{heading_text(path, objs, ref)}" is last on p. {hp}')
            break


def previous_content(objs, pages, order, ref):
    """The element before ref in document order that holds content of its
    own (not an ancestor of ref), or None."""
    i = order.index(ref)
    for prev in reversed(order[:i]):
        if ref in descendants(objs, prev):
            continue
        if first_page(objs, pages, prev) is not None:
            # the innermost: a row's cell, a list's item — its top element
            return top_of(objs, order, prev, i)
    return None


def top_of(objs, order, ref, limit):
    """The outermost element among order[:limit] that contains ref."""
    for cand in order[:limit]:
        if cand == ref or ref in descendants(objs, cand):
            if objs[cand].get('/S') in ('/Document', '/Part', '/Sect', '/Div'):
                continue
            return cand
    return ref


def descendants(objs, ref):
    out = []
    walk(objs, ref, out)
    return set(out[1:])


def page_span(objs, pages, ref):
    """How many pages a structure element's marked content runs over."""
    ps = set()

    def go(r):
        v = objs.get(r)
        if not isinstance(v, dict):
            return
        if '/Pg' in v and pages.get(v['/Pg']):
            ps.add(pages[v['/Pg']])
        for k in kids(objs, r):
            if isinstance(k, str) and k.endswith(' R'):
                go(k)
            elif isinstance(k, dict) and '/Pg' in k:
                ps.add(pages.get(k['/Pg']))
    go(ref)
    return len(ps)


def table_name(objs, ref):
    return f'table {ref.split()[0]}'


def heading_text(path, objs, ref):
    return f'element {ref.split()[0]}'


NUM_END = re.compile(r'(^|[\s(])-?\d{1,3}(,\d+)?$')
GROUP = re.compile(r'^\d{3}(\D|$)')


def check_lines(path, errors):
    xml = subprocess.run(['pdftotext', '-bbox-layout', path, '-'], check=True,
                         capture_output=True).stdout.decode('utf-8', 'replace')
    xml = re.sub(r'<!DOCTYPE[^>]*>', '', xml)
    xml = xml.replace('xmlns="http://www.w3.org/1999/xhtml"', '')
    doc = ET.fromstring(xml)
    for pno, page in enumerate(doc.iter('page'), 1):
        for block in page.iter('block'):
            lines = [' '.join(w.text or '' for w in line.iter('word'))
                     for line in block.iter('line')]
            for a, b in zip(lines, lines[1:]):
                first = b.split(' ', 1)[0] if b else ''
                if NUM_END.search(a) and (GROUP.match(b) or first in UNITS):
                    errors.append(f'{path}: p. {pno}: a number breaks over a line: "{a[-20:]} / {b[:20]}"')
            for line in lines:
                if line.startswith('%') and line != '%':  # a chart's unit alone is fine
                    errors.append(f'{path}: p. {pno}: a line starts with "%": "{line[:30]}"')


def main():
    errors = []
    for path in sys.argv[1:]:
        check_structure(path, errors)
        check_lines(path, errors)
    for e in errors:
        print(e)
    return 1 if errors else 0


if __name__ == '__main__':
    sys.exit(main())
