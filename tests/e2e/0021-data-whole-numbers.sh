# A whole number in a data file (a year, a position, a § number, an
# account number, a count, a population) lies within ±2 147 483 647
# (docs/limits.md): all are read back as int, and a split's population
# total of four populations of 2^62 once overflowed to "Summa 0". A larger
# one is refused with the field named, and nothing is stored.
. "$TOP/tests/e2e/lib.sh"
example_db a.db
rows=$(sqlite3 a.db "SELECT count(*) FROM population")
cat > pop.json <<'JSON'
{ "population": [
  { "municipality": "1814", "date": "2025-12-31", "count": 4611686018427387904 },
  { "municipality": "1860", "date": "2025-12-31", "count": 4611686018427387904 },
  { "municipality": "1861", "date": "2025-12-31", "count": 4611686018427387904 },
  { "municipality": "1882", "date": "2025-12-31", "count": 4611686018427387904 } ],
  "result_splits": [ { "year": 2027, "amount": 1000000 } ] }
JSON
run_styr 2 load a.db pop.json
expect_contains err.txt 'pop.json:2: count: expected a whole number from -2147483647 to 2147483647 (number of inhabitants), found 4611686018427387904'
printf '{ "result_splits": [ { "year": 99999999999999999999, "amount": 1 } ] }\n' > year.json
run_styr 2 load a.db year.json
expect_contains err.txt 'year.json:1: year: expected a whole number from -2147483647 to 2147483647 (accounting year), found 99999999999999999999'
[ "$(sqlite3 a.db "SELECT count(*) FROM population")" = "$rows" ] || fail "a refused file was stored"

# the largest populations allowed split and sum exactly
sed 's/4611686018427387904/2147483647/' pop.json > ok.json
run_styr 0 load a.db ok.json
run_styr 0 economy split a.db --year 2027
expect_contains out.txt 'Summa'
expect_contains out.txt '8 589 934 588'
