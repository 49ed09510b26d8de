# A plan's risk scales, their labels and its areas are data: a 3 × 3
# matrix with areas of its own, refusals that name the plan's grades and
# areas, a 5 × 5 matrix up to 25, and roles the committee names itself.
. "$TOP/tests/e2e/lib.sh"
"$STYR" init c.db >/dev/null
cat >org.json <<'JSON'
{
  "municipalities": [ { "code": "1980", "name": "Västerås", "member": true } ],
  "committee": [ { "short_name": "BN", "name": "Byggnadsnämnden", "case_prefix": "BN",
                   "host_municipality": "1980" } ],
  "persons": [ { "key": "eva", "name": "Eva Ek" } ],
  "role_kinds": [ { "name": "byggnadsinspektör" } ],
  "roles": [ { "person": "eva", "role": "byggnadsinspektör", "from": "2025-01-01" } ],
  "occasions": [ { "key": "2027-12-31", "kind": "arsredovisning", "year": 2027,
                   "date": "2027-12-31", "title": "Årsredovisning 2027" } ]
}
JSON
run_styr 0 load c.db org.json
cat >plan.json <<'JSON'
{
  "control_plans": [ { "year": 2025, "title": "Internkontrollplan 2025" } ],
  "risk_grades": [
    { "plan": 2025, "axis": "probability", "grade": 1, "label": "Låg" },
    { "plan": 2025, "axis": "probability", "grade": 2, "label": "Medel" },
    { "plan": 2025, "axis": "probability", "grade": 3, "label": "Hög", "text": "det händer varje år" },
    { "plan": 2025, "axis": "consequence", "grade": 1, "label": "Liten" },
    { "plan": 2025, "axis": "consequence", "grade": 2, "label": "Märkbar" },
    { "plan": 2025, "axis": "consequence", "grade": 3, "label": "Allvarlig" }
  ],
  "control_areas": [
    { "plan": 2025, "name": "Tillsyn", "position": 2 },
    { "plan": 2025, "name": "Bygglov", "position": 1 }
  ],
  "risk_levels": [
    { "plan": 2025, "name": "Låg", "min": 1, "max": 2, "colour": "#4caf50" },
    { "plan": 2025, "name": "Hög", "min": 3, "max": 9, "colour": "#e53935" }
  ],
  "risks": [
    { "key": "2025-tillsyn", "plan": 2025, "area": "Tillsyn", "number": 1,
      "text": "Tillsyn hinns inte med", "probability": 3, "consequence": 3, "value": 9 },
    { "key": "2025-handlaggning", "plan": 2025, "area": "Bygglov", "number": 2,
      "text": "Handläggningstiden överskrids", "probability": 2, "consequence": 1 }
  ]
}
JSON
run_styr 0 load c.db plan.json
run_styr 0 control c.db --year 2025
expect_contains out.txt "Sannolikhet \\ Konsekvens  1 Liten  2 Märkbar  3 Allvarlig"
expect_row out.txt "3 Hög" 0 0 1
expect_row out.txt "2 Medel" 1 0 0
expect_row out.txt "1 Låg" 0 0 0
! grep -q "^ *4  \|^4 " out.txt || fail "a 3 × 3 plan has no grade 4"
expect_contains out.txt "   3  Hög (det händer varje år)  Allvarlig"
# The areas in the plan's order: Bygglov (position 1) before Tillsyn.
expect_row out.txt "Bygglov" "2 Handläggningstiden överskrids" "2. Medel" "1. Liten" "2"
expect_row out.txt "Tillsyn" "1 Tillsyn hinns inte med" "3. Hög" "3. Allvarlig" "9"
[ "$(grep -n '^[0-9.]* *Bygglov$\|^[0-9.]* *Tillsyn$' out.txt | head -n 1 | grep -c Bygglov)" = 1 ] \
	|| fail "Bygglov is the first area"
run_styr 0 control c.db --year 2025 --json
expect_contains out.txt '"probability": ['
expect_contains out.txt '"Hög"'
expect_contains out.txt '"areas": ['
run_styr 0 check c.db
# An edit that leaves a risk outside the scale or area: check says so.
run_styr 0 rm c.db risk_grades 2025/probability/3
run_styr 0 set c.db control_areas 2025/Tillsyn name=Kontroll
run_styr 1 check c.db
expect_contains out.txt "risk 2025-tillsyn: probability 3 × consequence 3 is outside its plan's 2 × 3 scales"
expect_contains out.txt 'risk 2025-tillsyn: area "Tillsyn" is not one of its plan'"'"'s areas'
run_styr 0 set c.db control_areas 2025/Kontroll name=Tillsyn
echo '{ "risk_grades": [ { "plan": 2025, "axis": "probability", "grade": 3, "label": "Hög", "text": "det händer varje år" } ] }' >g3.json
run_styr 0 load c.db g3.json
run_styr 0 check c.db

# Refusals name the plan's grades, areas and matrix.
echo '{ "risks": [ { "key": "x", "plan": 2025, "area": "Tillsyn", "text": "x", "probability": 4 } ] }' >bad.json
run_styr 2 load c.db bad.json
expect_contains err.txt "probability: expected 1 (Låg), 2 (Medel) or 3 (Hög), or leave it out when not assessed; found 4"
echo '{ "risks": [ { "key": "x", "plan": 2025, "area": "Ekonomi", "text": "x" } ] }' >bad.json
run_styr 2 load c.db bad.json
expect_contains err.txt 'area: expected one of "Bygglov", "Tillsyn" (the plan'"'"'s areas), found "Ekonomi"'
echo '{ "risks": [ { "key": "x", "plan": 2025, "area": "Tillsyn", "text": "x", "value": 12 } ] }' >bad.json
run_styr 2 load c.db bad.json
expect_contains err.txt "value: expected the stated risk value 1-9, found 12"
echo '{ "risk_levels": [ { "plan": 2025, "name": "Mycket hög", "min": 10, "max": 16, "colour": "#000000" } ] }' >bad.json
run_styr 2 load c.db bad.json
expect_contains err.txt "min, max: expected 1 <= min <= max <= 9 (the plan's 3 × 3 matrix), found 10-16"
echo '{ "risk_grades": [ { "plan": 2025, "axis": "probability", "grade": 6, "label": "x" } ] }' >bad.json
run_styr 2 load c.db bad.json
expect_contains err.txt "grade: expected 1-5, found 6"
echo '{ "roles": [ { "person": "eva", "role": "lönechef" } ] }' >bad.json
run_styr 2 load c.db bad.json
expect_contains err.txt 'role: expected one of "ordförande", "vice ordförande", "ledamot", "ersättare", "förvaltningschef", "ställföreträdande förvaltningschef", "sekreterare", "tjänsteperson", "ekonom", "kvalitetsansvarig" or a role named in role_kinds, found "lönechef"'

# A scale with a gap is a finding; a 5 × 5 plan reaches 25.
cat >p26.json <<'JSON'
{
  "control_plans": [ { "year": 2026, "title": "Plan 2026" }, { "year": 2027, "title": "Plan 2027" } ],
  "risk_grades": [
    { "plan": 2026, "axis": "probability", "grade": 1, "label": "a" },
    { "plan": 2026, "axis": "probability", "grade": 3, "label": "c" },
    { "plan": 2027, "axis": "probability", "grade": 1, "label": "1" },
    { "plan": 2027, "axis": "probability", "grade": 2, "label": "2" },
    { "plan": 2027, "axis": "probability", "grade": 3, "label": "3" },
    { "plan": 2027, "axis": "probability", "grade": 4, "label": "4" },
    { "plan": 2027, "axis": "probability", "grade": 5, "label": "5" },
    { "plan": 2027, "axis": "consequence", "grade": 1, "label": "I" },
    { "plan": 2027, "axis": "consequence", "grade": 2, "label": "II" },
    { "plan": 2027, "axis": "consequence", "grade": 3, "label": "III" },
    { "plan": 2027, "axis": "consequence", "grade": 4, "label": "IV" },
    { "plan": 2027, "axis": "consequence", "grade": 5, "label": "V" }
  ],
  "risk_levels": [ { "plan": 2027, "name": "Kritisk", "min": 17, "max": 25, "colour": "#000000" } ],
  "risks": [ { "key": "2027-x", "plan": 2027, "area": "Ekonomi", "text": "Allt", "probability": 5,
               "consequence": 5, "value": 25 } ]
}
JSON
run_styr 0 load c.db p26.json
run_styr 1 check c.db
expect_contains out.txt "control plan 2026: probability grade 2 has no label in risk_grades: expected grades 1 to 3 without gaps"
run_styr 0 control c.db --year 2027
expect_contains out.txt "Sannolikhet \\ Konsekvens  1 I  2 II  3 III  4 IV  5 V"
expect_row out.txt "5 5" 0 0 0 0 1
expect_row out.txt "Kritisk" "17–25" "1"
run_styr 0 report internkontroll c.db --year 2027 --format html -o k.html
grep -q "Riskvärde 25, Kritisk: 1 risker" k.html || fail "the html matrix has the 5 × 5 cell"
run_styr 0 report internkontroll c.db --year 2027 --format pdf -o k.pdf
