# Every report type of the example data as Word (.docx): a well-formed
# Office Open XML package with real heading styles, a table of contents
# field, header rows repeated, rows that do not split, page numbers
# (PAGE / NUMPAGES) and the seeds' figures; python-docx opens it, and
# LibreOffice (Debian libreoffice-writer-nogui, headless) converts it to a
# PDF in which the figures and the resolved page numbers are found.
. "$TOP/tests/e2e/lib.sh"
example_db s.db

PY=python3
/usr/bin/python3 -c 'import docx' 2>/dev/null && PY=/usr/bin/python3
$PY -c 'import docx' 2>/dev/null || fail "python3-docx is missing: run make deps"
command -v soffice >/dev/null || fail "soffice is missing (libreoffice-writer-nogui): run make deps"

for r in "mer-plan --year 2023" "prognos --occasion 2020-04-30" "delar --occasion 2020-07-31" \
         "arsredovisning --year 2020" "arsredovisning --year 2024" "internkontroll --year 2020" \
         "protokoll --meeting 2021-02-10" "utdrag --meeting 2021-02-10 --paragraph 3"; do
	set -- $r
	name=$(echo "$r" | sed 's/ --[a-z]* /-/g; s/ /-/g')
	run_styr 0 report $r s.db --format docx -o "$name.docx"
done

$PY - *.docx <<'PY' || fail "a .docx is not what Word expects"
import re, sys, zipfile
import xml.dom.minidom
import docx

W = '{http://schemas.openxmlformats.org/wordprocessingml/2006/main}'
for path in sys.argv[1:]:
    z = zipfile.ZipFile(path)
    assert z.testzip() is None, path
    names = set(z.namelist())
    for part in ('[Content_Types].xml', '_rels/.rels', 'word/document.xml', 'word/styles.xml',
                 'word/settings.xml', 'word/numbering.xml', 'word/header1.xml',
                 'word/footer1.xml', 'docProps/core.xml'):
        assert part in names, f'{path}: no {part}'
    for n in names:
        if n.endswith('.xml') or n.endswith('.rels'):
            xml.dom.minidom.parseString(z.read(n))   # well-formed
    body = z.read('word/document.xml').decode()
    foot = z.read('word/footer1.xml').decode()
    assert ' PAGE ' in foot and ' NUMPAGES ' in foot, f'{path}: no page numbers'
    assert 'Sida ' in foot, path
    assert '<w:cantSplit/>' in body or '<w:tbl>' not in body, f'{path}: rows may split'
    d = docx.Document(path)
    styles = [p.style.name for p in d.paragraphs]
    assert any(s.startswith('heading ') or s.startswith('Heading') for s in styles), \
        f'{path}: no Word headings ({set(styles)})'
    if 'protokoll' not in path and 'utdrag' not in path:
        assert ' TOC \\o "1-3"' in body, f'{path}: no table of contents field'
        assert '<w:tblHeader/>' in body, f'{path}: no repeated header rows'
    assert d.core_properties.title, f'{path}: no title'
# the seeds' figures, as cell and paragraph text
text = lambda p: '\n'.join([x.text for x in docx.Document(p).paragraphs] +
                           [c.text for t in docx.Document(p).tables for r in t.rows for c in r.cells])
t = text('prognos-2020-04-30.docx').replace('\u00a0', ' ').replace('\u00ad', '')
for fig in ('Prognosrapport 1-2020', '-34 559', '-11 539', '1 001', '-1 923', '10 769', '30,7',
            'Öka från 71,13', 'överskott på 1 923 tkr'):
    assert fig in t, f'prognos.docx lacks {fig}'
t = text('arsredovisning-2024.docx').replace('\u00a0', ' ').replace('\u00ad', '')
for fig in ('NETTORESULTAT', '-43 752', '-852', '11 334', '12 486'):
    assert fig in t, f'arsredovisning-2024.docx lacks {fig}'
PY

# LibreOffice opens every file and lays it out; its PDF has the figures
# and the page fields resolved ("Sida 1 av N").
soffice --headless --norestore "-env:UserInstallation=file://$PWD/lo-profile" \
	--convert-to pdf --outdir lo ./*.docx >lo.log 2>&1 || { cat lo.log; fail "soffice failed"; }
for f in *.docx; do
	pdf=lo/${f%.docx}.pdf
	[ -s "$pdf" ] || { cat lo.log; fail "LibreOffice made no PDF of $f"; }
	pages=$(pdfinfo "$pdf" | sed -n 's/^Pages: *//p')
	pdftotext -layout "$pdf" "${f%.docx}.lo.txt"
	grep -q "Sida 1 av $pages" "${f%.docx}.lo.txt" ||
		grep -q "Sida 2 av $pages" "${f%.docx}.lo.txt" || fail "$pdf: no resolved page numbers"
done
expect_contains prognos-2020-04-30.lo.txt "-34 559"
expect_contains prognos-2020-04-30.lo.txt "Politiskt fattade beslut"
expect_contains arsredovisning-2024.lo.txt "NETTORESULTAT"

# The committee's logo in the letterhead: a PNG goes in as it is (its own
# bytes, fitted into the 160 x 48 pt box as the PDF's: the example's
# 240 x 240 placeholder is 48 pt square, 609 600 EMU); an SVG is drawn
# into a PNG (librsvg); a logo file that is not there leaves no picture.
ln -s "$TOP/examples" examples
run_styr 0 report utdrag s.db --meeting 2021-02-10 --paragraph 3 --format docx -o png.docx
cat > logo.svg <<'SVG'
<svg xmlns="http://www.w3.org/2000/svg" width="120" height="60"><rect width="120" height="60" fill="#6a3d9a"/></svg>
SVG
example_db svg.db
sqlite3 svg.db "UPDATE committee SET logo = '$PWD/logo.svg'"
run_styr 0 report utdrag svg.db --meeting 2021-02-10 --paragraph 3 --format docx -o svg.docx
sqlite3 svg.db "UPDATE committee SET logo = '$PWD/gone.png'"
run_styr 0 report utdrag svg.db --meeting 2021-02-10 --paragraph 3 --format docx -o gone.docx
$PY - "$TOP/examples/sydnarke/logo.png" <<'PY' || fail "the DOCX logo is not the committee's"
import re, sys, zipfile
png = open(sys.argv[1], 'rb').read()
z = zipfile.ZipFile('png.docx')
assert z.read('word/media/image1.png') == png, 'png.docx: the PNG was not kept as it is'
assert '<wp:extent cx="609600" cy="609600"/>' in z.read('word/document.xml').decode(), 'png.docx: size'
z = zipfile.ZipFile('svg.docx')
pic = z.read('word/media/image1.png')
assert pic[:8] == b'\x89PNG\r\n\x1a\n', 'svg.docx: no PNG of the SVG'
w, h = int.from_bytes(pic[16:20], 'big'), int.from_bytes(pic[20:24], 'big')
assert 380 <= w <= 390 and 190 <= h <= 195, f'svg.docx: {w} x {h} pixels, expected 4 a point of 96 x 48 pt'
assert '<wp:extent cx="1219200" cy="609600"/>' in z.read('word/document.xml').decode(), 'svg.docx: size'
z = zipfile.ZipFile('gone.docx')
assert not [n for n in z.namelist() if n.startswith('word/media/')], 'gone.docx: a picture of no file'
PY
