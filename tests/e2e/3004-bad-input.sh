# Bad input to cases, assignments and internal control is refused with the
# field and what is allowed, and nothing of the file is stored.
. "$TOP/tests/e2e/lib.sh"
example_db a.db
count() { sqlite3 a.db "SELECT (SELECT count(*) FROM case_file) + (SELECT count(*) FROM assignment)
  + (SELECT count(*) FROM assignment_status) + (SELECT count(*) FROM risk)
  + (SELECT count(*) FROM control_followup) + (SELECT count(*) FROM control_plan)"; }
before=$(count)

# A case number that does not have the committee's prefix; the good row
# before it is not stored either.
cat >bad1.json <<'JSON'
{ "cases": [
  { "number": "Syd-IT 21-9", "title": "ok" },
  { "number": "KS 2021-10", "title": "fel prefix" }
] }
JSON
run_styr 2 load a.db bad1.json
expect_contains err.txt 'bad1.json:3: cases KS 2021-10: number: "KS 2021-10" is not a case number of this committee: expected "Syd-IT YY-N" or "Syd-IT YY-N-M"'

cat >bad2.json <<'JSON'
{ "assignments": [ { "key": "x", "text": "Uppdrag", "case": "Syd-IT 2021-1" } ] }
JSON
run_styr 2 load a.db bad2.json
expect_contains err.txt 'bad2.json:1: assignments x: case: "Syd-IT 2021-1" is not a case number of this committee'

# The same case written another way is the same case.
cat >bad3.json <<'JSON'
{ "cases": [ { "number": "SYD-IT21-1", "title": "dubblett" } ] }
JSON
run_styr 2 load a.db bad3.json
expect_contains err.txt "number: SYD-IT 21-1 is already registered (written another way)"

# Probability 5.
cat >bad4.json <<'JSON'
{ "risks": [
  { "key": "2020-ny", "plan": 2020, "area": "Ekonomi", "text": "Ny risk",
    "probability": 5, "consequence": 2 }
] }
JSON
run_styr 2 load a.db bad4.json
expect_contains err.txt 'bad4.json:2: risks 2020-ny: probability: expected 1 (Osannolik), 2 (Mindre sannolik), 3 (Möjlig) or 4 (Sannolik), or leave it out when not assessed; found 5'

cat >bad5.json <<'JSON'
{ "risks": [
  { "key": "2020-ny", "plan": 2020, "area": "Ekonomi", "text": "Ny risk",
    "probability": 2, "consequence": 0 }
] }
JSON
run_styr 2 load a.db bad5.json
expect_contains err.txt 'consequence: expected 1 (Försumbar), 2 (Lindrig), 3 (Kännbar) or 4 (Allvarlig)'

# Unknown statuses and areas.
cat >bad6.json <<'JSON'
{ "assignment_status": [ { "assignment": "lokalfragan", "occasion": "2020-12-31", "status": "Klar" } ] }
JSON
run_styr 2 load a.db bad6.json
expect_contains err.txt 'status: expected one of "Pågår", "Avslutad", "Vilande/nedprioriterad", "Ej påbörjad", found "Klar"'
cat >bad7.json <<'JSON'
{ "control_followups": [ { "moment": "2020-backup-jobb", "label": "Sammanställning tillfälle 4",
    "date": "2020-12-31", "status": "Ok" } ] }
JSON
run_styr 2 load a.db bad7.json
expect_contains err.txt 'status: expected one of "Inga avvikelser", "Mindre avvikelser", "Större avvikelser", "Ej påbörjad", found "Ok"'
cat >bad8.json <<'JSON'
{ "risks": [ { "key": "2020-ny", "plan": 2020, "area": "IT", "text": "Ny risk" } ] }
JSON
run_styr 2 load a.db bad8.json
expect_contains err.txt 'area: expected one of "Administration", "Ekonomi", "Personal", "Verksamhetsspecifik" (the plan'"'"'s areas), found "IT"'

# A follow-up dated in another year than its control moment's plan.
cat >bad9.json <<'JSON'
{ "control_followups": [ { "moment": "2020-backup-jobb", "label": "Sammanställning tillfälle 1 2021",
    "date": "2021-04-30", "status": "Inga avvikelser", "responsible": "azra-prepic" } ] }
JSON
run_styr 2 load a.db bad9.json
expect_contains err.txt 'bad9.json:1: control_followups 2020-backup-jobb/Sammanställning tillfälle 1 2021: date: 2021-04-30 is not in 2020, the year of the plan of control moment "2020-backup-jobb": expected a date in 2020'

# A follow-up for a control moment or person that does not exist.
cat >bad10.json <<'JSON'
{ "control_followups": [ { "moment": "2020-backup-jobb", "label": "x", "date": "2020-10-01",
    "responsible": "okand-person" } ] }
JSON
run_styr 2 load a.db bad10.json
expect_contains err.txt 'responsible: no entry in "persons" has key "okand-person"'

[ "$(count)" -eq "$before" ] || fail "rows were stored from refused files"
