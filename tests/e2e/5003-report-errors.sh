# Bad report requests fail with exit status 2 and a message that names
# what is wrong and what was expected; no output file is left behind.
. "$TOP/tests/e2e/lib.sh"
example_db s.db

run_styr 2 report budget s.db --year 2020 --format html -o x.html
expect_contains err.txt 'unknown report type "budget"'
expect_contains err.txt 'mer-plan, prognos, delar'
run_styr 2 report prognos s.db --occasion 2020-04-30 --format odt -o x.odt
expect_contains err.txt 'unknown --format "odt"'
run_styr 2 report prognos s.db --occasion 2020-04-30 -o x.html
expect_contains err.txt '--format is required'
run_styr 2 report prognos s.db --occasion 2020-04-30 --format html
expect_contains err.txt '-o FILE is required'
run_styr 2 report prognos s.db --year 2020 --occasion 2020-04-30 --format html -o x.html
expect_contains err.txt 'exactly one of --year, --occasion and --meeting'
run_styr 2 report prognos s.db --occasion 2020-07-31 --format html -o x.html
expect_contains err.txt 'occasion 2020-07-31 is a delar occasion, not prognos'
run_styr 2 report prognos s.db --year 1999 --format html -o x.html
expect_contains err.txt 'no prognos occasion in 1999'
run_styr 2 report protokoll s.db --year 2021 --format html -o x.html
expect_contains err.txt 'report protokoll is chosen by --meeting DATE'
run_styr 2 report protokoll s.db --meeting 2021-03-01 --format html -o x.html
run_styr 2 report utdrag s.db --meeting 2021-02-10 --paragraph 9 --format text -o x.txt
expect_contains err.txt 'no §9'
run_styr 2 report utdrag s.db --meeting 2021-02-10 --format text -o x.txt
expect_contains err.txt '--paragraph N'
run_styr 2 report internkontroll s.db --year 2024 --format text -o x.txt
expect_contains err.txt 'no internal-control plan for 2024'
run_styr 2 report arsredovisning s.db --year 20x4 --format text -o x.txt
expect_contains err.txt '--year: expected a year'
[ ! -e x.html ] && [ ! -e x.txt ] && [ ! -e x.odt ] || fail "an output file was left behind"
run_styr 2 report prognos s.db --occasion 2020-04-30 --format text -o no-such-dir/x.txt
expect_contains err.txt 'no-such-dir/x.txt'

# The parts of a report's narrative text are one list (report_part_names):
# a part outside it is refused at load, naming the parts.
cat > part.json <<'JSON'
{ "report_texts": [ { "occasion": "2020-04-30", "part": "slutord", "text": "Tack." } ] }
JSON
run_styr 2 load s.db part.json
expect_contains err.txt 'part.json:1: part: expected one of "inledning", "ansvar", "verksamhetsrapport", "verksamhetsberattelse", "ekonomisk-rapport", "driftbudget", "investeringar", "mal", "beslut", "internkontroll-inledning", "internkontroll-slutsatser", "internkontroll-atgarder", found "slutord"'
