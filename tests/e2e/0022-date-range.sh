# Dates are read from 1900-01-01 to 2199-12-31, the years the Swedish
# calendar is computed for, at every door (arguments, data files, SIE and
# CSV). 'calendar appeal --anslag 9999-12-30' printed "0000-01-20": a
# deadline past 9999-12-31 wrapped to year 0000. Now such a date is
# refused with exit 2, and one at the end of the range computes deadlines
# into 2200, written in full.
. "$TOP/tests/e2e/lib.sh"
run_styr 2 calendar appeal --anslag 9999-12-30
expect_contains err.txt "--anslag: expected a date YYYY-MM-DD from 1900-01-01 to 2199-12-31, found '9999-12-30'"
run_styr 2 calendar next 9999-12-31
expect_contains err.txt "expected a date YYYY-MM-DD from 1900-01-01 to 2199-12-31, found '9999-12-31'"
run_styr 2 calendar workdays 1899-12-31 1900-01-02
expect_contains err.txt "FROM: expected a date YYYY-MM-DD from 1900-01-01 to 2199-12-31, found '1899-12-31'"
if grep -q 0000- out.txt; then fail "a year 0000 was printed"; fi

# the last day of the range: the appeal period runs into 2200
run_styr 0 calendar appeal --anslag 2199-12-30
expect_contains out.txt 'Tre veckor från anslaget: 2200-01-20'

# data files and imports
example_db a.db
printf '{ "occasions": [ { "key": "x", "kind": "prognos", "year": 2020, "date": "9999-12-31", "title": "x" } ] }\n' > far.json
run_styr 2 load a.db far.json
expect_contains err.txt 'far.json:1: date: expected a date YYYY-MM-DD from 1900-01-01 to 2199-12-31'
printf '#FLAGGA 0\n#RAR 0 99990101 99991231\n' > far.se
run_styr 2 import sie a.db far.se
expect_contains err.txt 'far.se:2:8: #RAR: expected the first day of the year as YYYYMMDD, found "99990101"'
