# § numbers of a year that starts mid-year (the committee's first
# protocol in styr is § 23), and a meeting added between two others: it
# takes the numbers free between them, and when its items do not fit,
# styr says which numbers are free.
. "$TOP/tests/e2e/lib.sh"
"$STYR" init m.db >/dev/null
cat >m.json <<'JSON'
{
  "municipalities": [ { "code": "1980", "name": "Västerås", "member": true } ],
  "committee": [ { "short_name": "BN", "name": "Byggnadsnämnden", "case_prefix": "BN",
                   "host_municipality": "1980" } ],
  "paragraph_starts": [ { "year": 2025, "first": 23, "note": "styr från juni 2025" } ],
  "meetings": [ { "date": "2025-06-11" }, { "date": "2025-09-10" } ],
  "agenda_items": [
    { "meeting": "2025-06-11", "paragraph": 23, "title": "Val av justerare" },
    { "meeting": "2025-06-11", "paragraph": 24, "title": "Bygglov" },
    { "meeting": "2025-09-10", "paragraph": 28, "title": "Val av justerare" }
  ]
}
JSON
run_styr 0 load m.db m.json
# §§25-27 are not used yet: a gap.
run_styr 1 check m.db
expect_contains out.txt "meeting 2025-09-10: §28 follows §24 of 2025 (§ numbers run on through the year without gaps)"
# A meeting between two others: 4 items do not fit in §§25-27 ...
run_styr 0 meeting new m.db 2025-08-20
run_styr 2 meeting agenda m.db 2025-08-20 --item A --item B --item C --item D
expect_contains err.txt "meeting 2025-08-20: 4 items do not fit between §24 of 2025-06-11 and §28 of 2025-09-10, §§25-27 are free (§ numbers run on through the year and are never reused)"
# ... 3 do.
run_styr 0 meeting agenda m.db 2025-08-20 --item A --item B --item C
expect_contains out.txt "meeting 2025-08-20: §§25-27 added"
# The year starts at § 23 and has no gap now: no finding.
run_styr 0 check m.db
run_styr 0 meeting new m.db 2025-08-27
run_styr 2 meeting agenda m.db 2025-08-27 --item E
expect_contains err.txt "meeting 2025-08-27: 1 item does not fit between §27 of 2025-08-20 and §28 of 2025-09-10, no § number is free"
run_styr 0 meeting agenda m.db 2025-09-10 --item F
expect_contains out.txt "meeting 2025-09-10: §29 added"
# A new meeting in a year without a setting starts at § 1.
run_styr 0 meeting new m.db 2026-01-21
run_styr 0 meeting agenda m.db 2026-01-21 --item G
expect_contains out.txt "- §1 G"
# The first meeting of a year with a setting starts at its first §.
echo '{ "paragraph_starts": [ { "year": 2027, "first": 5 } ] }' >p27.json
run_styr 0 load m.db p27.json
run_styr 0 meeting new m.db 2027-02-03
run_styr 0 meeting agenda m.db 2027-02-03 --item H
expect_contains out.txt "- §5 H"
# Below the first § is refused on load; a year that starts later without
# saying so is a finding.
echo '{ "agenda_items": [ { "meeting": "2027-02-03", "paragraph": 4, "title": "x" } ] }' >low.json
run_styr 2 load m.db low.json
expect_contains err.txt "the paragraph (§) number is below the first § of the year (paragraph_starts)"
run_styr 2 set m.db agenda_items 2027-02-03/5 paragraph=4
expect_contains err.txt "below the first § of the year (paragraph_starts)"
echo '{ "meetings": [ { "date": "2028-03-01" } ], "agenda_items": [ { "meeting": "2028-03-01", "paragraph": 12, "title": "x" } ] }' >late.json
run_styr 0 load m.db late.json
run_styr 1 check m.db
expect_contains out.txt "meeting 2028-03-01: the year's first § is §12, expected §1 (§ numbers run from 1 at the year's first meeting; a year that starts later says so in paragraph_starts)"
echo '{ "paragraph_starts": [ { "year": 2029, "first": 0 } ] }' >zero.json
run_styr 2 load m.db zero.json
expect_contains err.txt "first: expected a § number 1 or more, found 0"
