# Case numbers in the committee's own form: "GLN 2025/14" with a prefix
# of letters, and a prefix holding a digit ("N2 25-3"). Load refuses a
# number in another form, naming the form expected; new cases and
# documents are numbered in the form; show and search find any spelling.
. "$TOP/tests/e2e/lib.sh"
org() { # PREFIX FORMAT
	cat <<JSON
{
  "municipalities": [ { "code": "1480", "name": "Göteborg", "member": true } ],
  "committee": [ { "short_name": "$1", "name": "Nämnd $1", "case_prefix": "$1",
                   "case_format": "$2", "host_municipality": "1480" } ]
}
JSON
}
"$STYR" init g.db >/dev/null
org GLN "YYYY/N" >org.json
run_styr 0 load g.db org.json
cat >cases.json <<'JSON'
{ "cases": [
  { "number": "GLN 2025/13", "title": "Lönekartläggning", "registered": "2025-02-03" },
  { "number": "GLN 2025/14", "title": "Löneöversyn 2025", "registered": "2025-02-10" },
  { "number": "gln 2025/14-1", "title": "Tjänsteskrivelse" },
  { "number": "GLN 2024/40", "title": "Budget", "status": "avslutat", "closed": "2024-12-12" }
] }
JSON
run_styr 0 load g.db cases.json
run_styr 0 case list g.db --search "GLN2025/014"
expect_contains out.txt "GLN 2025/14 "
expect_contains out.txt "gln 2025/14-1"
[ "$(wc -l <out.txt)" -eq 2 ] || fail "case 2025/14 and its document"
run_styr 0 case new g.db --title "Lönerevision" --date 2025-03-01
[ "$(cat out.txt)" = "GLN 2025/15" ] || fail "next case: $(cat out.txt)"
run_styr 0 case new g.db --in "GLN 2025/14" --title "Protokollsutdrag"
[ "$(cat out.txt)" = "GLN 2025/14-2" ] || fail "next document: $(cat out.txt)"
run_styr 0 case new g.db --year 2026 --title "Första 2026"
[ "$(cat out.txt)" = "GLN 2026/1" ] || fail "first of 2026: $(cat out.txt)"
run_styr 0 case show g.db "gln 2025/14" --json
expect_contains out.txt '"normalised": "GLN 2025/14"'
run_styr 0 case list g.db --search "GLN 2024/40" --json
expect_contains out.txt '"closed": "2024-12-12"'
# Another form is refused, and says which form the committee uses.
echo '{ "cases": [ { "number": "GLN 25-16", "title": "Fel form" } ] }' >bad.json
run_styr 2 load g.db bad.json
expect_contains err.txt 'number: "GLN 25-16" is not a case number of this committee: expected "GLN YYYY/N" or "GLN YYYY/N-M" (YYYY the year, N the case, M the document)'
echo '{ "cases": [ { "number": "GLN 2025/16", "title": "Öppen", "status": "öppet", "closed": "2025-03-01" } ] }' >bad.json
run_styr 2 load g.db bad.json
expect_contains err.txt 'status: a case closed on 2025-03-01 is avslutat, found "öppet"'
run_styr 2 case new g.db --in "GLN 25-14" --title x
expect_contains err.txt 'expected "GLN YYYY/N"'
echo '{ "committee": [ { "short_name": "X", "name": "X", "case_prefix": "X", "case_format": "YY/N", "host_municipality": "1480" } ] }' >bad.json
"$STYR" init h.db >/dev/null
run_styr 2 load h.db bad.json
expect_contains err.txt 'case_format: expected one of "YY-N", "YYYY/N", "YYYY.N", "YYYY-NNNN", found "YY/N"'

# A prefix with a digit, the form of the default (YY-N).
"$STYR" init n.db >/dev/null
org N2 "YY-N" >org.json
run_styr 0 load n.db org.json
echo '{ "cases": [ { "number": "N2 25-3", "title": "Bygglov" }, { "number": "N225-3-1", "title": "Ritning" } ] }' >cases.json
run_styr 0 load n.db cases.json
run_styr 0 case show n.db "n2 25-3"
expect_contains out.txt "N2 25-3 "
expect_contains out.txt "N225-3-1"
STYR_NOW=2025-06-01 run_styr 0 case new n.db --title "Strandskydd"
[ "$(cat out.txt)" = "N2 25-4" ] || fail "N2 next: $(cat out.txt)"

# YYYY-NNNN pads the case to four digits.
"$STYR" init k.db >/dev/null
org KS "YYYY-NNNN" >org.json
run_styr 0 load k.db org.json
run_styr 0 case new k.db --title "Budget" --date 2025-01-07
[ "$(cat out.txt)" = "KS 2025-0001" ] || fail "KS: $(cat out.txt)"
run_styr 0 case show k.db "KS 2025-1"
expect_contains out.txt "KS 2025-0001"
# Data written before case_format: the default, YY-N.
run_styr 0 dump k.db
expect_contains out.txt '"case_format": "YYYY-NNNN"'
