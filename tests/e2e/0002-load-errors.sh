# A broken data file fails with file:line: key: expected, exit status 2,
# and leaves the database exactly as it was.
. "$TOP/tests/e2e/lib.sh"
example_db a.db
"$STYR" dump a.db > before.json

cat > unknown-key.json <<'J'
{
  "municipalities": [
    { "code": "1880", "name": "Örebro", "member": false },
    { "code": "1881", "name": "Kumla", "member": false,
      "inhabitants": 21000 }
  ]
}
J
run_styr 2 load a.db unknown-key.json
expect_contains err.txt "unknown-key.json:5: inhabitants: unknown field of \"municipalities\", expected one of code, name, member, note"

cat > wrong-type.json <<'J'
{
  "population": [
    { "municipality": "1814", "date": "2024-12-31", "count": "8 700" }
  ]
}
J
run_styr 2 load a.db wrong-type.json
expect_contains err.txt "wrong-type.json:3: count: expected a whole number (number of inhabitants), found a string"

cat > dangling.json <<'J'
{
  "municipalities": [ { "code": "1880", "name": "Örebro", "member": false } ],
  "population": [
    { "municipality": "1880", "date": "2024-12-31", "count": 160000 },
    { "municipality": "9999", "date": "2024-12-31", "count": 1 }
  ]
}
J
run_styr 2 load a.db dangling.json
expect_contains err.txt "dangling.json:5: municipality: no entry in \"municipalities\" has code \"9999\""

cat > bad-date.json <<'J'
{ "occasions": [ { "key": "x", "kind": "prognos", "year": 2021,
  "date": "2021-02-30", "title": "x" } ] }
J
run_styr 2 load a.db bad-date.json
expect_contains err.txt "bad-date.json:2: date: expected a date YYYY-MM-DD"

cat > bad-enum.json <<'J'
{ "occasions": [ { "key": "x", "kind": "budget", "year": 2021, "title": "x" } ] }
J
run_styr 2 load a.db bad-enum.json
expect_contains err.txt "bad-enum.json:1: kind: expected one of \"mer-plan\", \"prognos\", \"delar\", \"arsredovisning\", found \"budget\""

printf '{ "municipalities": [\n  { "code": "1880", }\n] }\n' > syntax.json
run_styr 2 load a.db syntax.json
expect_contains err.txt "syntax.json:2:21: expected a key in double quotes"

cat > duplicate.json <<'J'
{ "municipalities": [
  { "code": "1880", "name": "Örebro", "member": false },
  { "code": "1880", "name": "Örebro kommun", "member": false } ] }
J
run_styr 2 load a.db duplicate.json
expect_contains err.txt "duplicate.json:3: municipalities 1880: given twice (also at duplicate.json:2)"

cat > missing.json <<'J'
{ "persons": [ { "key": "ny-person" } ] }
J
run_styr 2 load a.db missing.json
expect_contains err.txt "missing.json:1: name: missing in \"persons\": expected full name"

cat > unknown-section.json <<'J'
{ "budget": [] }
J
run_styr 2 load a.db unknown-section.json
expect_contains err.txt "unknown-section.json:1: budget: unknown section"

# Nothing of the good rows before each error was kept.
"$STYR" dump a.db > after.json
expect_file before.json after.json
