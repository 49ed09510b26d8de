# styr value set: values are checked against the indicator's unit, a verdict
# needs a motivation, nothing is stored on error, every change is audited.
. "$TOP/tests/e2e/lib.sh"
example_db a.db

run_styr 2 value set a.db 2024-nki --occasion 2024-12-31 --outcome Ja
expect_contains err.txt 'indicator 2024-nki: value "Ja" does not fit, expected a number'
run_styr 2 value set a.db 2024-sjukfranvaro --occasion 2024-12-31 --outcome Ja
expect_contains err.txt 'indicator 2024-sjukfranvaro: value "Ja" does not fit, expected a percentage'
run_styr 2 value set a.db 2024-handlaggningstid --occasion 2024-12-31 --outcome "18 tkr"
expect_contains err.txt "expected a count such as 18 st"
run_styr 2 value set a.db 2024-okand --occasion 2024-12-31 --outcome 5
expect_contains err.txt "no indicator '2024-okand'"
run_styr 2 value set a.db 2024-nki --occasion 2024-06-30 --outcome 7
expect_contains err.txt "no report occasion '2024-06-30'"
run_styr 2 value set a.db 2024-nki --occasion 2024-12-31 --outcome 7 --verdict uppnådd
expect_contains err.txt "needs a motivation"
run_styr 2 value set a.db 2024-nki --occasion 2024-12-31 --verdict klar --motivation x
expect_contains err.txt 'verdict "klar" is not one of'

# Nothing of the refused calls was stored.
run_styr 0 goals show a.db 2024-nki
if grep -q "2024-12-31" out.txt; then fail "a refused value was stored"; fi
run_styr 0 log a.db --table indicator_value --json
before=$(grep -c '"key"' out.txt || true)

# NKI has no result in Årsredovisning 2024; with 7,8 against 7,5 it is reached.
run_styr 0 value set a.db 2024-nki --occasion 2024-12-31 --outcome "7,8" --comment "Mätning i december"
run_styr 0 assess a.db --year 2024
expect_row out.txt "Värde Nöjd Kund Index" "7,8" "7,5" "Uppnådd"
run_styr 0 value set a.db 2024-nki --occasion 2024-12-31 --verdict "delvis uppnådd" --motivation "Mätningen omfattade bara en kommun"
run_styr 0 assess a.db --year 2024
expect_row out.txt "Värde Nöjd Kund Index" "7,8" "7,5" "Delvis uppnådd"
expect_row out.txt "Värde Nöjd Kund Index (NKI)" "Delvis uppnådd" "Uppnådd" "Mätningen omfattade bara en kommun"
run_styr 0 log a.db --table indicator_value --json
after=$(grep -c '"key"' out.txt || true)
[ "$after" -eq $((before + 2)) ] || fail "expected two audit rows, got $before then $after"
expect_contains out.txt '2024-nki/2024-12-31'
run_styr 1 check a.db
expect_contains out.txt 'indicator 2024-nki at 2024-12-31: verdict set by hand "delvis uppnådd", computed "uppnådd"'
