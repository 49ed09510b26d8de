# `-o -` writes the PDF to standard output, byte for byte the file that
# `-o FILE` writes (a dated report renders the same bytes every time).
. "$TOP/tests/e2e/lib.sh"
example_db s.db
run_styr 0 report protokoll s.db --meeting 2021-02-10 --format pdf -o file.pdf
"$STYR" report protokoll s.db --meeting 2021-02-10 --format pdf -o - >stdout.pdf ||
	fail "styr report -o - failed"
cmp -s file.pdf stdout.pdf || fail "-o - and -o FILE differ"
head -c 5 stdout.pdf | grep -q '^%PDF-' || fail "standard output is not a PDF"
qpdf --check stdout.pdf >/dev/null 2>&1 || fail "qpdf --check failed"
pdfinfo stdout.pdf | grep -q '^CreationDate: *Wed Feb 10 00:00:00 2021' ||
	fail "creation date is not the meeting date"
