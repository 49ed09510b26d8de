# Narrative text refers to a figure of its document ({{name}},
# docs/figures.md) and follows the data; styr check finds a typed figure
# that contradicts the document's (the delårsrapport's "1564 tkr" against
# its 1 579) and a reference to no figure.
. "$TOP/tests/e2e/lib.sh"
example_db a.db

# The example's delår and prognos introductions refer to the net result.
run_styr 0 report delar a.db --occasion 2020-07-31 --format text -o d.txt
tr '\n' ' ' <d.txt | tr -s ' ' >flat.txt
expect_contains flat.txt "redovisar till och med 31 juli ett överskott på 1 579 tkr."
grep -q '{{' d.txt && fail "a reference was left in the delår"
run_styr 0 report prognos a.db --occasion 2020-04-30 --format html -o p.html
grep -q '{{' p.html && fail "a reference was left in the prognos"
tr '\n' ' ' <p.html | sed 's/\xc2\xad//g' >flat.html
expect_contains flat.html "30 april ett överskott på 1 923 tkr."

export STYR_NOW=2021-02-10T13:00:00Z
run_styr 1 check a.db
expect_contains out.txt 'report delar 2020-07-31: the text says "1564 tkr", the document'"'"'s figure is 1 579 tkr (Summa, summa utfall)'
# the seed's other typed figures agree with their tables
[ "$(grep -c 'the text says' out.txt)" -eq 1 ] || { cat out.txt; fail "a typed figure was flagged that agrees"; }

# The outcome changes: the text follows, the typed figure does not.
sqlite3 a.db "UPDATE econ_drift_line SET outcome = outcome - 1000000 WHERE name = 'Intäkter'
  AND occasion_id = (SELECT id FROM occasion WHERE key = '2020-07-31')"
run_styr 0 report delar a.db --occasion 2020-07-31 --format text -o d2.txt
tr '\n' ' ' <d2.txt | tr -s ' ' >flat2.txt
expect_contains flat2.txt "redovisar till och med 31 juli ett överskott på 1 589 tkr."
expect_contains flat2.txt "ett överskott på 1564 tkr"

# A reference to no figure stays as written and check names it.
sqlite3 a.db "UPDATE report_text SET text = text || ' Resultat: {{resultat.nada}}.'
  WHERE occasion_id = (SELECT id FROM occasion WHERE key = '2020-07-31') AND part = 'inledning'"
run_styr 0 report delar a.db --occasion 2020-07-31 --format text -o d3.txt
expect_contains d3.txt "{{resultat.nada}}"
run_styr 1 check a.db
expect_contains out.txt "report delar 2020-07-31: the text refers to {{resultat.nada}}, which is no figure of the report"
