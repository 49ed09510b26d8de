# styr calendar workdays and next: counting working days and moving a
# deadline to the next working day (lag 1930:173).
. "$TOP/tests/e2e/lib.sh"

# Easter 2024: two weeks of ten weekdays less Långfredagen and Annandag påsk.
run_styr 0 calendar workdays 2024-03-25 2024-04-05
cat >want.txt <<'END'
2024-03-25 – 2024-04-05: 8 arbetsdagar av 12 dagar
Lediga vardagar:
2024-03-29  fredag   Långfredagen
2024-04-01  måndag   Annandag påsk
END
expect_file want.txt out.txt

# All of 2024: 262 weekdays, 11 of them holidays or eves.
run_styr 0 calendar workdays 2024-01-01 2024-12-31 --json
expect_contains out.txt '"days": 366,'
expect_contains out.txt '"workdays": 251,'
test "$(grep -c '"reason"' out.txt)" -eq 11 || fail "2024 has 11 weekdays off"
expect_contains out.txt '"reason": "Kristi himmelsfärds dag"'

# An organisation's own day off (klämdag after Kristi himmelsfärds dag).
run_styr 0 calendar workdays 2024-05-06 2024-05-10 --off 2024-05-10
expect_contains out.txt "2024-05-06 – 2024-05-10: 3 arbetsdagar av 5 dagar"
expect_contains out.txt "2024-05-10  fredag   Ledig dag"

# A weekend only: no working day, and no list.
run_styr 0 calendar workdays 2024-06-22 2024-06-23
cat >want.txt <<'END'
2024-06-22 – 2024-06-23: 0 arbetsdagar av 2 dagar
END
expect_file want.txt out.txt

run_styr 2 calendar workdays 2024-04-05 2024-03-25
expect_contains err.txt "FROM 2024-04-05 is after TO 2024-03-25"
run_styr 2 calendar workdays 2024-02-30 2024-03-25
expect_contains err.txt "FROM: expected a date YYYY-MM-DD from 1900-01-01 to 2199-12-31, found '2024-02-30'"
run_styr 2 calendar workdays 2024-01-01 2024-03-25 --off 10/5
expect_contains err.txt "--off: expected a date YYYY-MM-DD from 1900-01-01 to 2199-12-31, found '10/5'"

# Next working day over midsommar, Christmas and New Year.
run_styr 0 calendar next 2021-06-25
expect_contains out.txt "2021-06-25 (fredag) är inte en arbetsdag: Midsommarafton; nästa arbetsdag 2021-06-28 (måndag)"
run_styr 0 calendar next 2020-12-24 --json
cat >want.json <<'END'
{
  "date": "2020-12-24",
  "workday": false,
  "reason": "Julafton",
  "next_workday": "2020-12-28"
}
END
expect_file want.json out.txt
run_styr 0 calendar next 2021-12-31
expect_contains out.txt "nästa arbetsdag 2022-01-03 (måndag)"
run_styr 0 calendar next 2021-03-17
expect_contains out.txt "2021-03-17 (onsdag) är en arbetsdag"
run_styr 0 calendar next 2021-03-17 --off 2021-03-17 --json
expect_contains out.txt '"next_workday": "2021-03-18"'
