# Legal dates of the 2021-02-10 protocol and `styr calendar appeal`. The
# seed's "till och med 2021-03-18" is the day the anslag comes down: three
# weeks from the anslag of Wednesday 2021-02-24 is Wednesday 2021-03-17,
# the last day of appeal; the anslag stays up through it and is taken
# down the day after.
. "$TOP/tests/e2e/lib.sh"
example_db a.db
run_styr 0 meeting dates a.db 2021-02-10
expect_contains out.txt "Justering senast:                  2021-02-24"
expect_contains out.txt "Anslag senast:                     2021-02-26"
expect_contains out.txt "Sista dag för överklagande:        2021-03-17"
expect_contains out.txt "Anslaget tas ned:                  2021-03-18"
expect_contains out.txt "Anslag ej registrerat:             Laxå, Hallsberg, Askersund"
run_styr 0 meeting dates a.db 2021-02-10 --json
expect_contains out.txt '"last_day": "2021-03-17"'
expect_contains out.txt '"anslag_removal": "2021-03-18"'

run_styr 0 calendar appeal --anslag 2021-02-24
[ "$(tail -n 1 out.txt)" = "2021-03-17" ] || fail "last line is not the last day: $(tail -n 1 out.txt)"
expect_contains out.txt "Anslaget tas ned: 2021-03-18"
# Midsommardagen 2021-06-26; a joint committee runs from the latest anslag.
run_styr 0 calendar appeal --anslag 2021-06-03 --anslag 2021-06-05 --anslag 2021-06-02
[ "$(tail -n 1 out.txt)" = "2021-06-28" ] || fail "midsommar: $(tail -n 1 out.txt)"
expect_contains out.txt "Midsommardagen"
# Juldagen 2024-12-25 (and Annandag jul) and Nyårsdagen 2025-01-01.
run_styr 0 calendar appeal --anslag 2024-12-04 --json
expect_contains out.txt '"last_day": "2024-12-27"'
run_styr 0 calendar appeal --anslag 2024-12-11 --json
expect_contains out.txt '"last_day": "2025-01-02"'
run_styr 2 calendar appeal --anslag 2021-02-30
expect_contains err.txt "--anslag: expected a date YYYY-MM-DD from 1900-01-01 to 2199-12-31, found '2021-02-30'"
run_styr 2 calendar appeal
expect_contains err.txt "expected at least one date"
