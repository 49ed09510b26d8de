# The split key is data per year: fixed shares in percent, or another
# number per member (here, employees), beside the population key of the
# example. The report says what the result was split by. A committee of
# one municipality has no split: no section, and check says why.
. "$TOP/tests/e2e/lib.sh"
. "$TOP/tests/e2e/lib-economy.sh"
"$STYR" init j.db >/dev/null
cat >org.json <<'JSON'
{
  "municipalities": [ { "code": "0180", "name": "Stockholm", "member": true },
                      { "code": "0186", "name": "Lidingö", "member": true } ],
  "committee": [ { "short_name": "GN", "name": "Gemensam nämnd", "case_prefix": "GN",
                   "host_municipality": "0180" } ],
  "occasions": [ { "key": "2025-12-31", "kind": "arsredovisning", "year": 2025,
                   "date": "2025-12-31", "title": "Årsredovisning 2025" },
                 { "key": "2026-12-31", "kind": "arsredovisning", "year": 2026,
                   "date": "2026-12-31", "title": "Årsredovisning 2026" } ]
}
JSON
cat >split.json <<'JSON'
{
  "result_splits": [
    { "year": 2025, "amount": 81000, "key": "shares" },
    { "year": 2026, "amount": -400000, "key": "key", "key_name": "anställda" }
  ],
  "result_split_keys": [
    { "year": 2025, "municipality": "0180", "value": 62.5 },
    { "year": 2025, "municipality": "0186", "value": 37.5 },
    { "year": 2026, "municipality": "0180", "value": 1214 },
    { "year": 2026, "municipality": "0186", "value": 803 }
  ]
}
JSON
run_styr 0 load j.db org.json
run_styr 0 load j.db split.json
# 81 tkr at 62,5 and 37,5 %: 50,625 and 30,375 → 51 and 30.
run_styr 0 economy split j.db --year 2025
expect_contains out.txt "Resultatet 81 tkr fördelat efter fasta andelar, i hela tkr"
expect_contains out.txt "Andel %"
row out.txt "Stockholm" 62,5 51
row out.txt "Lidingö" 37,5 30
row out.txt "Summa" 100 81
# −400 tkr over 1 214 and 803 employees: −240,75… and −159,24… → −241, −159.
run_styr 0 report arsredovisning j.db --year 2026 --format text -o -
expect_contains out.txt "Fördelning av årets resultat 2026"
expect_contains out.txt "Resultatet -400 tkr fördelat efter anställda, i hela tkr"
expect_contains out.txt "Anställda"
row out.txt "Stockholm" 1 214 -241
row out.txt "Lidingö" 803 -159
run_styr 0 economy split j.db --year 2026 --json
expect_contains out.txt '"key": "key"'
expect_contains out.txt '"key_value": "1214"'
# The population key says its date, and where the date came from.
run_styr 0 check j.db

# Shares that do not add up to 100, and a member without a key value.
cat >bad.json <<'JSON'
{ "result_splits": [ { "year": 2027, "amount": 10000, "key": "shares" } ],
  "result_split_keys": [ { "year": 2027, "municipality": "0180", "value": 60 },
                         { "year": 2027, "municipality": "0186", "value": 30.5 } ] }
JSON
run_styr 0 load j.db bad.json
run_styr 2 economy split j.db --year 2027
expect_contains err.txt "split 2027: the shares add up to 90,5 %, expected 100 %"
echo '{ "result_splits": [ { "year": 2028, "amount": 10000, "key": "key" } ], "result_split_keys": [ { "year": 2028, "municipality": "0180", "value": 7 } ] }' >bad2.json
run_styr 0 load j.db bad2.json
run_styr 1 check j.db
expect_contains out.txt "result_splits 2027: split 2027: the shares add up to 90,5 %, expected 100 %"
expect_contains out.txt "result_splits 2028: split 2028: no key value of Lidingö (0186) in result_split_keys"
echo '{ "result_splits": [ { "year": 2029, "amount": 1000, "key": "antal" } ] }' >bad3.json
run_styr 2 load j.db bad3.json
expect_contains err.txt 'key: expected one of "population", "shares", "key", found "antal"'

# One municipality: no split and no split section.
"$STYR" init e.db >/dev/null
cat >one.json <<'JSON'
{
  "municipalities": [ { "code": "1980", "name": "Västerås", "member": true } ],
  "committee": [ { "short_name": "BN", "name": "Byggnadsnämnden", "case_prefix": "BN",
                   "host_municipality": "1980" } ],
  "occasions": [ { "key": "2025-12-31", "kind": "arsredovisning", "year": 2025,
                   "date": "2025-12-31", "title": "Årsredovisning 2025" } ]
}
JSON
run_styr 0 load e.db one.json
run_styr 0 report arsredovisning e.db --year 2025 --format text -o -
! grep -q "Fördelning" out.txt || fail "a committee of one municipality has no split section"
echo '{ "result_splits": [ { "year": 2025, "amount": 5000 } ] }' >s1.json
run_styr 0 load e.db s1.json
run_styr 0 report arsredovisning e.db --year 2025 --format text -o -
! grep -q "Fördelning" out.txt || fail "no split section even with a split row"
run_styr 2 economy split e.db --year 2025
expect_contains err.txt "split 2025: the committee has one member; a result is split among two or more"
run_styr 1 check e.db
expect_contains out.txt "result_splits 2025: split 2025: the committee has one member"
