# styr calendar holidays: the holidays of lag 1989:253 and the eves, as
# text and JSON, computed for years on both sides of the 2005 change.
. "$TOP/tests/e2e/lib.sh"

# 2024 as printed in any Swedish almanac (Easter 31 March).
run_styr 0 calendar holidays 2024
cat >want.txt <<'END'
Helgdagar 2024 (lag 1989:253) och helgaftnar
2024-01-01  måndag   Nyårsdagen
2024-01-06  lördag   Trettondedag jul
2024-03-29  fredag   Långfredagen
2024-03-31  söndag   Påskdagen
2024-04-01  måndag   Annandag påsk
2024-05-01  onsdag   Första maj
2024-05-09  torsdag  Kristi himmelsfärds dag
2024-05-19  söndag   Pingstdagen
2024-06-06  torsdag  Sveriges nationaldag
2024-06-21  fredag   Midsommarafton (helgafton)
2024-06-22  lördag   Midsommardagen
2024-11-02  lördag   Alla helgons dag
2024-12-24  tisdag   Julafton (helgafton)
2024-12-25  onsdag   Juldagen
2024-12-26  torsdag  Annandag jul
2024-12-31  tisdag   Nyårsafton (helgafton)
END
expect_file want.txt out.txt

# The 2005 change: Annandag pingst until 2004, 6 June from 2005.
run_styr 0 calendar holidays 2004
expect_contains out.txt "2004-05-31  måndag   Annandag pingst"
if grep -q "06-06" out.txt; then fail "2004 has no holiday on 6 June"; fi
run_styr 0 calendar holidays 2005
expect_contains out.txt "2005-06-06  måndag   Sveriges nationaldag"
if grep -q "Annandag pingst" out.txt; then fail "2005 has no Annandag pingst"; fi

# 2008: Kristi himmelsfärds dag falls on Första maj; both are listed.
run_styr 0 calendar holidays 2008 --json
cat >want.json <<'END'
    {
      "date": "2008-05-01",
      "weekday": "torsdag",
      "name": "Första maj",
      "kind": "public"
    },
    {
      "date": "2008-05-01",
      "weekday": "torsdag",
      "name": "Kristi himmelsfärds dag",
      "kind": "public"
    },
END
grep -B 1 -A 10 '"date": "2008-05-01"' out.txt | head -n 12 >got.json
expect_file want.json got.json
expect_contains out.txt '"year": 2008'
expect_contains out.txt '"name": "Midsommarafton",'
test "$(grep -c '"kind": "eve"' out.txt)" -eq 3 || fail "2008 should have three eves"
test "$(grep -c '"kind": "public"' out.txt)" -eq 13 || fail "2008 should have 13 public holidays"

# Bad input.
run_styr 2 calendar holidays 20x4
expect_contains err.txt "styr calendar holidays: expected a year from 1900 to 2199, found '20x4'"
run_styr 2 calendar holidays
expect_contains err.txt "styr calendar holidays: missing argument"
run_styr 2 calendar
expect_contains err.txt "holidays"
run_styr 2 calendar nonsense
expect_contains err.txt "'nonsense' is not a subcommand of styr calendar"
run_styr 0 calendar --help
expect_contains out.txt "workdays"
