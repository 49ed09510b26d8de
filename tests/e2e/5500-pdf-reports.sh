# Every report type of the example data as PDF: a valid, tagged A4 PDF
# with its fonts embedded, no text outside the margins, an outline,
# "Sida N av M" on its last page, and the seeds' figures in its text; and
# the structural parts of PDF/A-2b (tests/e2e/pdfa_check.py: XMP with the
# PDF/A identification, sRGB output intent, /ID, printable annotations).
. "$TOP/tests/e2e/lib.sh"
example_db s.db

# check_pdf NAME ARGS... — render, then check structure and furniture.
check_pdf() {
	name=$1
	shift
	run_styr 0 report "$@" --format pdf -o "$name.pdf"
	qpdf --check "$name.pdf" >/dev/null 2>&1 || fail "$name.pdf: qpdf --check failed"
	pdfinfo "$name.pdf" >info.txt
	grep -q '^Tagged: *yes$' info.txt || fail "$name.pdf: not tagged"
	grep -q '^Creator: *styr$' info.txt || fail "$name.pdf: creator is not styr"
	grep -q '^Page size: *595.276 x 841.89 pts (A4)$' info.txt || fail "$name.pdf: not A4"
	pages=$(sed -n 's/^Pages: *//p' info.txt)
	# Every font embedded (column "emb" of pdffonts).
	pdffonts "$name.pdf" | awk 'NR > 2 && $(NF-4) != "yes" { bad = 1 } END { exit bad }' ||
		fail "$name.pdf: a font is not embedded"
	# Every word inside the side margins (20 mm) and none running into
	# the footer (body ends 22 mm, footer text starts 16 mm above the foot).
	pdftotext -bbox "$name.pdf" - | awk -F'"' '/<word / {
		if ($2 < 54.7 || $6 > 540.6 || ($8 > 779.5 && $4 < 794.5)) { print; bad = 1 }
	} END { exit bad }' || fail "$name.pdf: text outside the text area"
	pdftotext -layout -f "$pages" -l "$pages" "$name.pdf" last.txt
	# the last page is numbered as the last of its document (a protocol's
	# attachments follow with their own numbers)
	grep -qE 'Sida ([0-9]+) av \1$' last.txt || { cat last.txt; fail "$name.pdf: no \"Sida N av N\" on the last page"; }
	pdftotext "$name.pdf" "$name.txt"
	pdftotext -layout "$name.pdf" "$name.lay"
	python3 "$TOP/tests/e2e/pdfa_check.py" "$name.pdf" >pdfa.txt ||
		{ cat pdfa.txt; fail "$name.pdf: not PDF/A-2b"; }
	grep -q '^Metadata Stream: *yes$' info.txt || fail "$name.pdf: no XMP metadata"
}

# expect_row FILE REGEX — a table row as pdftotext -layout lays it out.
expect_row() {
	grep -qE -- "$2" "$1" || { cat "$1"; fail "$1 has no row matching: $2"; }
}

check_pdf prognos prognos s.db --occasion 2020-04-30
expect_contains prognos.txt "Prognosrapport 1-2020"
expect_contains prognos.txt "överskott på 1 923 tkr"
expect_contains prognos.txt "Totalt finns 6 st pågående uppdrag"
expect_row prognos.lay "Intäkter +-34 559 +-11 539 +-34 611 +52"
expect_row prognos.lay "Summa +0 +-1 923 +0 +0"
expect_row prognos.lay "Summa +10 769 +2 261 +8 508"
qpdf --json --json-key=outlines prognos.pdf >outline.json
expect_contains outline.json "Inledning"

check_pdf delar delar s.db --occasion 2020-07-31
expect_contains delar.txt "överskott på 1 579 tkr"
expect_contains delar.txt "Sjukfrånvaron har ökat"

check_pdf merplan mer-plan s.db --year 2023
expect_contains merplan.txt "41 391 tkr"
expect_row merplan.lay "Gemensam IT-invest +3 000 +519"
expect_row merplan.lay "IT-invest Askersund +2 452 +322"

check_pdf ar2020 arsredovisning s.db --year 2020
expect_contains ar2020.txt "underskott med 823 tkr"
expect_contains ar2020.txt "Askersund 227 tkr"

check_pdf ar2024 arsredovisning s.db --year 2024
expect_contains ar2024.txt "-852 tkr"
expect_row ar2024.lay "TOTALT INVESTERAT 2024 +11 334 +12 486 +-1 152"

check_pdf ik2020 internkontroll s.db --year 2020
expect_contains ik2020.txt "Windows 10"
expect_contains ik2020.txt "Inköp enligt ramavtal följs inte"
# The risk matrix: two risks each at Mindre sannolik x Kännbar / Allvarlig.
expect_row ik2020.lay "Mindre sannolik +2 st +2 st"

check_pdf protokoll protokoll s.db --meeting 2021-02-10
expect_contains protokoll.txt "Bo Rudolfsson"
expect_contains protokoll.txt "2021-03-18"
# signature lines with names and roles, the boxes for initials on every
# page, the host municipality as letterhead and above ANSLAG/BEVIS
expect_row protokoll.lay "Magnus Andersson +Bo Rudolfsson"
expect_row protokoll.lay "Ordförande +Justerare"
expect_contains protokoll.txt "Sekreterare"
[ "$(grep -c 'Justerare signatur' protokoll.txt)" -ge 9 ] || fail "protokoll.pdf: no signature box on every page"
[ "$(grep -c 'LEKEBERGS KOMMUN' protokoll.txt)" -ge 2 ] || fail "protokoll.pdf: no host municipality"
# the decided documents appended, each with a bookmark
qpdf --json --json-key=outlines protokoll.pdf >outline.json
expect_contains outline.json '"§3 Årsredovisning 2020 för Sydnärkes IT-nämnd"'
expect_contains outline.json '"§3 Tjänsteskrivelse - Årsredovisning 2020 för Sydnärkes IT-nämnd"'
expect_contains outline.json '"§4 internkontrollrapport (Sydnärkes IT-nämnd)"'
expect_contains protokoll.txt "Årets resultat för Sydnärkes IT-nämnd visar ett underskott med 823 tkr"
[ "$(sed -n 's/^Pages: *//p' info.txt)" -gt 20 ] || fail "protokoll.pdf: the attachments are missing"
# The tables of contents of the appended reports lead to their own pages,
# not by name to the protocol's (whose names were the same: "h3" ...).
qpdf --json protokoll.pdf >all.json
python3 - all.json <<'PY' || fail "protokoll.pdf: a link of an appended document goes astray"
import json, sys
j = json.load(open(sys.argv[1]))
objs = j['qpdf'][1]
pages = [p['object'] for p in j['pages']]
val = lambda ref: objs['obj:' + ref]['value'] if isinstance(ref, str) and ref.endswith(' R') else ref
# each appended document starts at its bookmark (/Fit, made by the join)
starts = sorted(o['destpageposfrom1'] for o in j['outlines'] if o['dest'][1] == '/Fit')
assert starts, 'no appended documents'
links = 0
for n, ref in enumerate(pages, 1):
    if n < starts[0]:
        continue
    doc = max(s for s in starts if s <= n)
    end = min([s for s in starts if s > n] + [len(pages) + 1])
    for a in val(val(ref).get('/Annots', [])):
        d = val(val(a).get('/Dest'))
        if d is None:
            continue
        assert isinstance(d, list), 'page %d: a link by name, %s' % (n, d)
        to = pages.index(d[0]) + 1 if d[0] in pages else None
        assert to and doc <= to < end, 'page %d: a link to page %s, outside %d-%d' % (n, to, doc, end - 1)
        links += 1
assert links >= 10, 'only %d links in the appended documents' % links
PY

# the officer's report on §3, built from the item's data
check_pdf tjs tjansteskrivelse s.db --meeting 2021-02-10 --paragraph 3
expect_contains tjs.txt "Att Sydnärkes IT-nämnd godkänner årsredovisningen för 2020"
expect_contains tjs.txt "Syd-IT 21-1"
expect_contains tjs.txt "Handläggare"
expect_contains tjs.txt "Marcus Cederberg"
expect_contains tjs.txt "LEKEBERGS KOMMUN"

check_pdf utdrag utdrag s.db --meeting 2021-02-10 --paragraph 3
expect_contains utdrag.txt "Årsredovisning 2020"
expect_contains utdrag.txt "Rätt utdraget intygar"
expect_contains utdrag.txt "Emil Pettersson"
expect_contains utdrag.txt "Utdragsbestyrande"

# The same data gives the same bytes (the /ID is derived from the content).
run_styr 0 report protokoll s.db --meeting 2021-02-10 --format pdf -o again.pdf
cmp -s protokoll.pdf again.pdf || fail "the PDF is not reproducible"

# The committee's identity on the cover: its letterhead and its logo (the
# example's placeholder, examples/sydnarke/logo.png, found from where
# styr runs) and a date on every cover.
ln -s "$TOP/examples" examples
run_styr 0 report prognos s.db --occasion 2020-04-30 --format pdf -o logo.pdf
pdfimages -list logo.pdf | awk 'NR > 2 && $1 == 1 && $3 == "image" { found = 1 } END { exit !found }' ||
	fail "logo.pdf: no logo on the cover"
pdftotext -f 1 -l 1 logo.pdf cover.txt
expect_contains cover.txt "LEKEBERGS KOMMUN"
for f in merplan ar2020 ik2020; do
	pdftotext -f 1 -l 1 "$f.pdf" cover.txt
	grep -qE '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' cover.txt || fail "$f.pdf: no date on the cover"
done

# An SVG logo is drawn too (librsvg): the cover has its colour.
cat > logo.svg <<'SVG'
<svg xmlns="http://www.w3.org/2000/svg" width="60" height="60"><rect width="60" height="60" fill="#6a3d9a"/></svg>
SVG
sqlite3 s.db "UPDATE committee SET logo = '$PWD/logo.svg'"
run_styr 0 report prognos s.db --occasion 2020-04-30 --format pdf -o svg.pdf
pdftoppm -r 30 -f 1 -l 1 svg.pdf svg
python3 - svg-1.ppm <<'PY' || fail "svg.pdf: the SVG logo is not on the cover"
import sys
data = open(sys.argv[1], 'rb').read()
# P6 header: magic, width height, maxval, then RGB bytes
parts = data.split(b'\n', 3)
px = parts[3]
purple = sum(1 for i in range(0, len(px) - 2, 3)
             if abs(px[i] - 0x6a) < 12 and abs(px[i + 1] - 0x3d) < 12 and abs(px[i + 2] - 0x9a) < 12)
sys.exit(0 if purple > 20 else 1)
PY
