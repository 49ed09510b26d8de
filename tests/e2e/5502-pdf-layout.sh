# The document model's layout rules (src/doc/doc.h) on the rendered PDFs
# of every report type, for the example data and for a second committee
# made from it (another name and host municipality, three times the
# political assignments so that a table runs over several pages): no
# table of up to 15 rows split, a longer one with at least 3 rows each
# side, no heading last on a page, no line breaking inside a number or
# between a number and its unit (tests/e2e/pdf_layout.py).
. "$TOP/tests/e2e/lib.sh"

reports() {
	db=$1
	dir=$2
	mkdir -p "$dir"
	for r in "mer-plan --year 2023" "prognos --occasion 2020-04-30" \
	         "delar --occasion 2020-07-31" "arsredovisning --year 2020" \
	         "arsredovisning --year 2024" "internkontroll --year 2020" \
	         "protokoll --meeting 2021-02-10" "utdrag --meeting 2021-02-10 --paragraph 3"; do
		set -- $r
		name=$(echo "$r" | sed 's/ --[a-z]* /-/g; s/ /-/g')
		run_styr 0 report $r "$db" --format pdf -o "$dir/$name.pdf"
	done
}

example_db s.db
reports s.db sydnarke
python3 "$TOP/tests/e2e/second_committee.py" "$TOP/examples/sydnarke" second >/dev/null
"$STYR" init b.db >/dev/null
"$STYR" load b.db second >/dev/null
reports b.db bergslagen

python3 "$TOP/tests/e2e/pdf_layout.py" sydnarke/*.pdf bergslagen/*.pdf >layout.txt ||
	{ cat layout.txt; fail "layout rules broken"; }

# The second committee's decisions table is longer than a page: it has
# split (the checker above saw three rows or more on each page).
n=0
for p in 3 4 5 6; do
	pdftotext -f $p -l $p bergslagen/prognos-2020-04-30.pdf - | grep -q '(del 3)' && n=$((n + 1))
done
[ "$n" -ge 2 ] || fail "the second committee's decisions table is not on two pages or more"

# The checker itself finds a split short table, a lone heading and a
# number broken from its unit, in a small PDF made to break each rule.
python3 "$TOP/tests/e2e/bad_layout_pdf.py" bad.pdf
qpdf --check bad.pdf >/dev/null 2>&1 || fail "bad.pdf is not a valid PDF"
python3 "$TOP/tests/e2e/pdf_layout.py" bad.pdf >bad.txt &&
	fail "the checker passes a PDF that breaks the rules"
grep -q 'split over pages' bad.txt || { cat bad.txt; fail "the checker misses a split table"; }
grep -q 'a number breaks over a line' bad.txt || { cat bad.txt; fail "the checker misses a broken number"; }
grep -q 'is last on p' bad.txt || { cat bad.txt; fail "the checker misses a lone heading"; }
