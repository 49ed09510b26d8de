# The ANSLAG/BEVIS of a protocol states the day the notice is posted, the
# last day of appeal and the day it is taken down, each under its own
# label, with the law's dates: a committee of one municipality whose
# anslag of Friday 2026-03-13 runs three weeks to Långfredagen 2026-04-03,
# moved past Annandag påsk to Tuesday 2026-04-07 (lag 1930:173). Its
# protocol speaks of one anslag, not of member municipalities. A stored
# "till och med" a day later than the law is named by check, and the
# report prints the lawful day.
. "$TOP/tests/e2e/lib.sh"
"$STYR" init b.db >/dev/null
cat >b.json <<'JSON'
{
  "municipalities": [ { "code": "1980", "name": "Västerås", "member": true } ],
  "committee": [ { "short_name": "BN", "name": "Byggnadsnämnden", "case_prefix": "BN",
                   "case_format": "YYYY.N", "host_municipality": "1980" } ],
  "persons": [ { "key": "lisa", "name": "Lisa Berg", "party": "S", "municipality": "1980" },
               { "key": "nils", "name": "Nils Ek", "party": "M", "municipality": "1980" },
               { "key": "tove", "name": "Tove Ahl", "title": "Nämndsekreterare" } ],
  "meetings": [ { "date": "2026-03-04", "chair": "lisa", "secretary": "tove", "justering": "2026-03-11" } ],
  "attendance": [ { "meeting": "2026-03-04", "person": "lisa", "role": "ordinarie", "title": "ordförande" },
                  { "meeting": "2026-03-04", "person": "nils", "role": "ordinarie" } ],
  "justerare": [ { "meeting": "2026-03-04", "person": "nils" } ],
  "agenda_items": [ { "meeting": "2026-03-04", "paragraph": 1, "title": "Val av justerare" } ],
  "anslag": [ { "meeting": "2026-03-04", "municipality": "1980", "date": "2026-03-13",
                "storage_place": "Stadshuset, Västerås", "posted_by": "tove" } ]
}
JSON
run_styr 0 load b.db b.json
run_styr 0 check b.db
run_styr 0 report protokoll b.db --meeting 2026-03-04 --format text -o -
expect_contains out.txt "VÄSTERÅS KOMMUN"
tr '\n' ' ' <out.txt | tr -s ' ' >flat.txt
expect_contains flat.txt "Datum då anslaget sätts upp: 2026-03-13 Sista dag för överklagande: 2026-04-07 Datum då anslaget tas ned: 2026-04-08"
! grep -qi "medlemskommun" out.txt || fail "one municipality has no member municipalities"
! grep -q "till och med" out.txt || fail "no period printed as 'till och med' the removal day"
run_styr 0 meeting dates b.db 2026-03-04
expect_contains out.txt "Sista dag för överklagande:        2026-04-07"
expect_contains out.txt "Anslaget tas ned:                  2026-04-08"
# The deadlines of the justering and the anslag hold too: justering
# 2026-03-11 + 2 = Friday 2026-03-13.
expect_contains out.txt "Anslag senast:                     2026-03-13"

# A bevis that printed the removal day as the end of the appeal period.
echo '{ "anslag": [ { "meeting": "2026-03-04", "municipality": "1980", "date": "2026-03-13", "until": "2026-04-08", "storage_place": "Stadshuset, Västerås" } ] }' >until.json
run_styr 0 load b.db until.json
run_styr 1 check b.db
expect_contains out.txt "meeting 2026-03-04: the anslag in Västerås states the appeal period until 2026-04-08, later than the law gives: the last day of appeal is 2026-04-07 (2026-03-13 + 21 days, lag 1930:173); the report prints 2026-04-07"
run_styr 0 report protokoll b.db --meeting 2026-03-04 --format html -o p.html
grep -q "2026-04-07" p.html || fail "the report prints the lawful last day"
! grep -q "Sista dag för överklagande</dt><dd>2026-04-08" p.html || fail "not the stated day"
