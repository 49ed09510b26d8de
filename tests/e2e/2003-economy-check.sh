# styr check on the example data names exactly the seeds' two economic
# errors; a changed figure is named with table, row and both figures.
. "$TOP/tests/e2e/lib.sh"
example_db a.db
run_styr 1 check a.db
expect_contains out.txt "investment_totals 2020-04-30 Summa: percent used 17,14 in the data, 21,0 computed"
expect_contains out.txt "drift_lines 2024-12-31 row 9 RESOR & KURSER: deviation (budget − outcome) 53 tkr in the data, 52 tkr computed"
[ "$(grep -c '^drift\|^investment\|^capital\|^result\|^contrib' out.txt)" -eq 2 ] || fail "unexpected economy findings"

# A plan whose contribution does not match the contributions data, a total
# that does not add up and a split part that is off.
cat > bad.json <<'JSON'
{
  "contributions": [ { "municipality": "1814", "year": 2021, "amount": -1000 } ],
  "drift_lines": [
    { "occasion": "delar-2019", "position": 1, "name": "Lekeberg", "kind": "contribution", "municipality": "1814", "budget": -9000000 },
    { "occasion": "delar-2019", "position": 2, "name": "Personal", "kind": "cost", "budget": 9000000, "outcome": 100000 }
  ],
  "drift_totals": [
    { "occasion": "delar-2019", "position": 3, "name": "Summa", "kind": "net", "budget": 1000, "outcome": 100000 }
  ]
}
JSON
"$STYR" init b.db >/dev/null
run_styr 0 load b.db "$TOP/examples/sydnarke/00-organisation.json"
run_styr 0 load b.db bad.json
run_styr 1 check b.db
expect_contains out.txt "drift_lines delar-2019 row 1 Lekeberg: no contributions row for 1814 2019"
expect_contains out.txt "drift_totals delar-2019 row 3 Summa: budget total 1 tkr in the data, 0 tkr computed"
# The text view shows the computed total and lists the stated one.
run_styr 0 economy drift b.db --occasion delar-2019
expect_contains out.txt "- Summa, summa budget: 0; dokumentet anger 1"

# Bad input: a rate with three decimals is refused when computing.
cat > rate.json <<'JSON'
{ "capital_parameters": [ { "year": 2030, "interest_rate": 1.255, "activation_month": 7 } ] }
JSON
run_styr 0 load b.db rate.json
run_styr 2 economy capital b.db --year 2030
expect_contains err.txt 'interest rate "1.255": expected a percent with at most two decimals'
run_styr 2 economy nonsense b.db --year 2020
expect_contains err.txt "'nonsense' is not a subcommand of styr economy"
run_styr 2 economy drift b.db
expect_contains err.txt "give --year or --occasion"

# Contributions against a contribution line without a member; mappings.
cat > more.json <<'JSON'
{
  "contributions": [ { "municipality": "1860", "year": 2019, "amount": -2000000 } ],
  "drift_lines": [
    { "occasion": "delar-2019", "position": 4, "name": "DRIFTBIDRAG", "kind": "contribution", "budget": -4000000 }
  ],
  "accounts": [ { "number": 9100, "name": "Interna poster", "kind": "cost" } ],
  "line_mappings": [
    { "mapping": "test", "line": "A", "from": 3000, "to": 3999 },
    { "mapping": "test", "line": "B", "from": 3900, "to": 4999 }
  ]
}
JSON
run_styr 0 load b.db more.json
run_styr 1 check b.db
expect_contains out.txt "drift_lines delar-2019 row 4 DRIFTBIDRAG: budget against the sum of contributions 2019 -4 000 tkr in the data, -2 000 tkr computed"
expect_contains out.txt "line_mappings test: A 3000-3999 overlaps B 3900-4999"
expect_contains out.txt "line_mappings test: account 9100 Interna poster is in no report line"
expect_contains out.txt 'capital_parameters 2030: interest rate "1.255": expected a percent'
