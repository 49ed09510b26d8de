# Loading goals: a target contradicting the indicator's direction is refused
# with nothing stored; a target that is no known form loads and styr check
# lists it as "kan ej bedömas".
. "$TOP/tests/e2e/lib.sh"
example_db a.db
cat > bad.json <<'JSON'
{
  "committee_goals": [ { "key": "t-mal", "year": 2026, "name": "Ge god service", "position": 1 } ],
  "indicators": [
    { "key": "t-sjuk", "year": 2026, "committee_goal": "t-mal", "name": "Sjukfrånvaro",
      "unit": "percent", "direction": "lower", "position": 1 },
    { "key": "t-hme", "year": 2026, "committee_goal": "t-mal", "name": "HME",
      "unit": "number", "direction": "higher", "position": 2 }
  ],
  "indicator_targets": [
    { "indicator": "t-sjuk", "year": 2026, "target": "Minska från 5%" },
    { "indicator": "t-hme", "year": 2026, "target": "högst 74" }
  ]
}
JSON
run_styr 2 load a.db bad.json
expect_contains err.txt 'bad.json:11: indicator_targets t-hme/2026: target: "högst 74" does not fit indicator t-hme: the target asks for a lower value but higher is better'
run_styr 2 goals list a.db --year 2026
expect_contains err.txt "no goals or indicators for 2026"

sed 's/"högst 74"/"Ja"/' bad.json > yes.json
run_styr 2 load a.db yes.json
expect_contains err.txt 'does not fit indicator t-hme: a yes/no target for an indicator that is measured as a number'

sed 's/"högst 74"/"bättre än i fjol"/' bad.json > text.json
run_styr 0 load a.db text.json
cat > occasion.json <<'JSON'
{ "occasions": [ { "key": "2026-12-31", "kind": "arsredovisning", "year": 2026,
                   "date": "2026-12-31", "title": "Årsredovisning 2026" } ] }
JSON
run_styr 0 load a.db occasion.json
run_styr 0 assess a.db --year 2026
expect_row out.txt "HME" "bättre än i fjol" "Kan ej bedömas"
run_styr 1 check a.db
expect_contains out.txt 'indicator t-hme target 2026: "bättre än i fjol" is not a target styr understands (kan ej bedömas)'

cat > verdict.json <<'JSON'
{ "indicator_values": [ { "indicator": "t-sjuk", "occasion": "2024-12-31", "outcome": "3 %", "verdict": "uppnådd" } ] }
JSON
run_styr 2 load a.db verdict.json
expect_contains err.txt "verdict.json:1: indicator_values t-sjuk/2024-12-31: verdict: not allowed: expected a verdict set by hand (needs a motivation)"
