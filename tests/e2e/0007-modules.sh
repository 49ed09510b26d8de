# The shared modules beside styr (src/base/loadable.h): each loads with all
# its symbols bound at once (LD_BIND_NOW), so that a function of styr a
# module calls but the program does not hold fails here and not in the
# middle of a command; a program without its modules names the file it
# misses, and the commands that do not need them still work.
# store: sqlite only (copies the program; PostgreSQL's module is loaded below)
. "$TOP/tests/e2e/lib.sh"
example_db s.db

export LD_BIND_NOW=1
run_styr 0 report prognos s.db --occasion 2020-04-30 --format pdf -o p.pdf   # styr-pdf.so
run_styr 0 report arsredovisning s.db --year 2020 --format docx -o a.docx    # its charts
run_styr 0 report arsredovisning s.db --year 2020 --format xlsx -o a.xlsx    # styr-xlsx.so
run_styr 0 report protokoll s.db --meeting 2021-02-10 --format pdf -o prot.pdf # styr-pdfjoin.so
cat > logo.svg <<'SVG'
<svg xmlns="http://www.w3.org/2000/svg" width="60" height="60"><rect width="60" height="60" fill="#6a3d9a"/></svg>
SVG
cp s.db svg.db
sqlite3 svg.db "UPDATE committee SET logo = '$PWD/logo.svg'"
run_styr 0 report prognos svg.db --occasion 2020-04-30 --format pdf -o svg.pdf  # styr-svg.so
run_styr 2 user disable s.db nobody                                           # styr-web.so
expect_contains err.txt "no user 'nobody'"
run_styr 2 list "postgres:host=$PWD/nowhere"                                  # styr-pg.so
expect_contains err.txt "nowhere"
if grep -q "cannot load" err.txt; then cat err.txt; fail "styr-pg.so did not load"; fi
unset LD_BIND_NOW

mkdir alone
cp "$STYR" alone/styr
"$PWD/alone/styr" report prognos s.db --occasion 2020-04-30 --format html -o p.html
for f in pdf docx; do
	if "$PWD/alone/styr" report prognos s.db --occasion 2020-04-30 --format $f -o p2.$f 2>err.txt; then
		fail "a $f without styr-pdf.so"
	fi
	expect_contains err.txt "styr: cannot load a part of styr this needs: $PWD/alone/styr-pdf.so: cannot open shared object file"
	[ ! -e p2.$f ] || fail "p2.$f written"
done
if "$PWD/alone/styr" report prognos s.db --occasion 2020-04-30 --format xlsx -o p2.xlsx 2>err.txt; then
	fail "an xlsx without styr-xlsx.so"
fi
expect_contains err.txt "styr: cannot load a part of styr this needs: $PWD/alone/styr-xlsx.so: cannot open shared object file"
[ ! -e p2.xlsx ] || fail "p2.xlsx written"
# The SVG logo's purple on the cover: drawn by styr-svg.so; without it
# the logo is left out, as a file that cannot be read is, and the PDF is
# made.
purple() { # PDF: the purple pixels of its first page
	pdftoppm -r 30 -f 1 -l 1 "$1" cover
	python3 -c '
import sys
px = open("cover-1.ppm", "rb").read().split(b"\n", 3)[3]
print(sum(1 for i in range(0, len(px) - 2, 3)
          if abs(px[i] - 0x6a) < 12 and abs(px[i + 1] - 0x3d) < 12 and abs(px[i + 2] - 0x9a) < 12))'
}
[ "$(purple svg.pdf)" -gt 20 ] || fail "svg.pdf: styr-svg.so did not draw the logo"
cp "$(dirname "$STYR")/styr-pdf.so" alone/
"$PWD/alone/styr" report prognos svg.db --occasion 2020-04-30 --format pdf -o svg2.pdf ||
	fail "no PDF without styr-svg.so"
[ "$(purple svg2.pdf)" -eq 0 ] || fail "svg2.pdf: a logo drawn without styr-svg.so"
# A protocol's attachments are joined by styr-pdfjoin.so (libqpdf): a PDF
# without attachments is made without it, a protocol with them is not.
"$PWD/alone/styr" report prognos s.db --occasion 2020-04-30 --format pdf -o p3.pdf ||
	fail "no PDF without styr-pdfjoin.so"
if "$PWD/alone/styr" report protokoll s.db --meeting 2021-02-10 --format pdf -o prot2.pdf 2>err.txt; then
	fail "a protocol with attachments without styr-pdfjoin.so"
fi
expect_contains err.txt "styr: cannot load a part of styr this needs: $PWD/alone/styr-pdfjoin.so: cannot open shared object file"
[ ! -e prot2.pdf ] || fail "prot2.pdf written"
rm alone/styr-pdf.so
"$PWD/alone/styr" user list s.db   # the roles are the program's own
if "$PWD/alone/styr" user disable s.db nobody 2>err.txt; then fail "user disable without styr-web.so"; fi
expect_contains err.txt "$PWD/alone/styr-web.so: cannot open shared object file"
