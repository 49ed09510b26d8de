# Loading goals: a target contradicting the indicator's direction is refused
# with nothing stored; so is a target that is no form styr can read, with
# the list of forms it reads. One stored by an older styr is judged "kan ej
# bedömas" and listed by styr check. The common Swedish ways to write a
# bound load and are judged.
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
run_styr 2 load a.db text.json
expect_contains err.txt 'text.json:11: indicator_targets t-hme/2026: target: "bättre än i fjol" is not a target styr can read; expected högst 15 st, max 40, ≤ 5 %, 5 % eller lägre, minska till 90 st (at most); minst 75 st, min 40, ≥ 74, 74 eller högre, öka till 90 st (at least); < 5 %, under 5 %, Minska från 5% (below); > 70 %, över 70 %, Öka från 71,13 (above); 80–90 %, mellan 80 och 90 % (a range); Ja, Nej; or a figure such as 85%, 0 tkr or 50 st'
echo '{ "indicator_values": [ { "indicator": "2024-nki", "occasion": "2024-12-31", "target": "bra" } ] }' >vt.json
run_styr 2 load a.db vt.json
expect_contains err.txt 'indicator_values 2024-nki/2024-12-31: target: "bra" is not a target styr can read'
# Stored before targets were checked (an older styr): kan ej bedömas.
sed 's/"högst 74"/"≥ 74"/' bad.json > ok.json
run_styr 0 load a.db ok.json
sqlite3 a.db "UPDATE indicator_target SET target = 'bättre än i fjol' WHERE year = 2026 AND indicator_id = (SELECT id FROM indicator WHERE key = 't-hme')"
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

# Every common way to write a bound: at most, under, over, at least, a
# range; each judged against a 2027 outcome.
cat > forms.json <<'JSON'
{
  "occasions": [ { "key": "2027-12-31", "kind": "arsredovisning", "year": 2027,
                   "date": "2027-12-31", "title": "Årsredovisning 2027" } ],
  "goal_settings": [ { "year": 2027, "delvis": "none", "goal_rule": "at-least-half", "summary": "goals" } ],
  "committee_goals": [ { "key": "f-mal", "year": 2027, "name": "Former", "position": 1 } ],
  "indicators": [
    { "key": "f-le", "year": 2027, "committee_goal": "f-mal", "name": "Sjuk ≤", "unit": "percent", "direction": "lower", "position": 1 },
    { "key": "f-max", "year": 2027, "committee_goal": "f-mal", "name": "Ärenden max", "unit": "count", "direction": "lower", "position": 2 },
    { "key": "f-lagre", "year": 2027, "committee_goal": "f-mal", "name": "Sjuk eller lägre", "unit": "percent", "direction": "lower", "position": 3 },
    { "key": "f-under", "year": 2027, "committee_goal": "f-mal", "name": "Sjuk under", "unit": "percent", "direction": "lower", "position": 4 },
    { "key": "f-over", "year": 2027, "committee_goal": "f-mal", "name": "Nöjd över", "unit": "percent", "direction": "higher", "position": 5 },
    { "key": "f-range", "year": 2027, "committee_goal": "f-mal", "name": "Beläggning", "unit": "percent", "direction": "higher", "position": 6 },
    { "key": "f-mellan", "year": 2027, "committee_goal": "f-mal", "name": "Beläggning mellan", "unit": "percent", "direction": "higher", "position": 7 },
    { "key": "f-min", "year": 2027, "committee_goal": "f-mal", "name": "Utbildade", "unit": "count", "direction": "higher", "position": 8 }
  ],
  "indicator_targets": [
    { "indicator": "f-le", "year": 2027, "target": "≤ 5 %" },
    { "indicator": "f-max", "year": 2027, "target": "max 40" },
    { "indicator": "f-lagre", "year": 2027, "target": "5 % eller lägre" },
    { "indicator": "f-under", "year": 2027, "target": "under 5 %" },
    { "indicator": "f-over", "year": 2027, "target": "över 70 %" },
    { "indicator": "f-range", "year": 2027, "target": "80–90 %" },
    { "indicator": "f-mellan", "year": 2027, "target": "mellan 80 och 90 %" },
    { "indicator": "f-min", "year": 2027, "target": "min 12 st" }
  ],
  "indicator_values": [
    { "indicator": "f-le", "occasion": "2027-12-31", "outcome": "5 %" },
    { "indicator": "f-max", "occasion": "2027-12-31", "outcome": "41" },
    { "indicator": "f-lagre", "occasion": "2027-12-31", "outcome": "4,9 %" },
    { "indicator": "f-under", "occasion": "2027-12-31", "outcome": "5 %" },
    { "indicator": "f-over", "occasion": "2027-12-31", "outcome": "70,1 %" },
    { "indicator": "f-range", "occasion": "2027-12-31", "outcome": "90 %" },
    { "indicator": "f-mellan", "occasion": "2027-12-31", "outcome": "79 %" },
    { "indicator": "f-min", "occasion": "2027-12-31", "outcome": "12 st" }
  ]
}
JSON
run_styr 0 load a.db forms.json
run_styr 0 assess a.db --year 2027 --json
# ≤ 5 % with 5 %: uppnådd; max 40 with 41: ej; under 5 % with 5 %: ej
# (strictly under); över 70 % with 70,1 %: uppnådd; 80–90 % with 90 %:
# uppnådd (both ends count); mellan 80 och 90 % with 79 %: ej.
for pair in "f-le:uppnådd" "f-max:ej uppnådd" "f-lagre:uppnådd" "f-under:ej uppnådd" \
            "f-over:uppnådd" "f-range:uppnådd" "f-mellan:ej uppnådd" "f-min:uppnådd"; do
	key=${pair%%:*}; want=${pair#*:}
	tr -d '\n' <out.txt | tr -s ' ' | grep -q "\"key\": \"$key\"[^}]*\"verdict\": \"$want\"" \
		|| { grep -A12 "\"$key\"" out.txt; fail "$key: expected $want"; }
done
# A range's unit must fit, and its ends run low to high.
echo '{ "indicator_targets": [ { "indicator": "f-max", "year": 2028, "target": "80–90 %" } ] }' >bad2.json
run_styr 2 load a.db bad2.json
expect_contains err.txt 'target: "80–90 %" does not fit indicator f-max: the target'"'"'s unit does not fit the indicator'
echo '{ "indicator_targets": [ { "indicator": "f-range", "year": 2028, "target": "90–80 %" } ] }' >bad3.json
run_styr 2 load a.db bad3.json
expect_contains err.txt 'is not a target styr can read'
