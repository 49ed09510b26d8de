# Loading refuses what styr meeting refuses (the row is named by file and
# line; nothing is stored), and styr check reports broken deadlines, a
# stated "till och med" of the appeal period that differs from the last
# day of appeal the law gives, and case
# numbers missing from the case register.
. "$TOP/tests/e2e/lib.sh"
example_db a.db
# Other modules report the seeds' own errors; the one about meetings is
# the seed's bevis, which states a day too many for appeal.
"$STYR" check a.db >out.txt 2>err.txt || true
[ "$(grep -c "meeting 20" out.txt)" = 1 ] || { cat out.txt; fail "meeting findings on the example data"; }
expect_contains out.txt "meeting 2021-02-10: the anslag in Lekeberg states the appeal period until 2021-03-18, later than the law gives: the last day of appeal is 2021-03-17 (2021-02-24 + 21 days, lag 1930:173); the report prints 2021-03-17"

cat >late.json <<'JSON'
{
  "meetings": [ { "date": "2021-03-10" } ],
  "agenda_items": [ { "meeting": "2021-03-10", "paragraph": 7, "title": "Övriga frågor" } ]
}
JSON
run_styr 2 load a.db late.json
expect_contains err.txt "late.json:3: § 7 in the meeting of 2021-03-10: the paragraph (§) number collides with another meeting of the same year"

cat >basis.json <<'JSON'
{
  "basis_documents": [ { "meeting": "2021-02-10", "paragraph": 9, "title": "Tjänsteskrivelse" } ]
}
JSON
run_styr 2 load a.db basis.json
expect_contains err.txt "basis.json:2: basis document \"Tjänsteskrivelse\" of § 9 in the meeting of 2021-02-10: the meeting has no agenda item with this paragraph (§) number"

cat >just.json <<'JSON'
{
  "justerare": [ { "meeting": "2021-02-10", "person": "kajsa-rosen" } ]
}
JSON
run_styr 2 load a.db just.json
expect_contains err.txt "just.json:2: justerare kajsa-rosen of the meeting of 2021-02-10: the justerare is not a member or substitute present at the meeting"

cat >anslag.json <<'JSON'
{
  "meetings": [ { "date": "2021-04-14", "justering": "2021-04-20" } ],
  "anslag": [ { "meeting": "2021-04-14", "municipality": "1860", "date": "2021-04-19" } ]
}
JSON
run_styr 2 load a.db anslag.json
expect_contains err.txt "anslag.json:3: the anslag in 1860 of the meeting of 2021-04-14: the anslag date is before the justering (or the meeting)"
[ "$(sqlite3 a.db "SELECT count(*) FROM meeting")" = 1 ] || fail "a refused load stored rows"

# Accepted, but late: check reports each broken deadline.
cat >ok.json <<'JSON'
{
  "meetings": [ { "date": "2021-04-14", "justering": "2021-04-30" } ],
  "agenda_items": [ { "meeting": "2021-04-14", "paragraph": 8, "title": "Val av justerare", "case": "Syd-IT 21-99" } ],
  "anslag": [ { "meeting": "2021-04-14", "municipality": "1860", "date": "2021-05-04", "until": "2021-05-24" } ],
  "delegation_decisions": [ { "meeting": "2021-02-10", "paragraph": 5, "case": "Syd-IT 20-6-9", "title": "Sent", "date": "2021-02-04" } ]
}
JSON
run_styr 0 load a.db ok.json
run_styr 1 check a.db
expect_contains out.txt "meeting 2021-04-14: justering 2021-04-30 is after the deadline 2021-04-28 (meeting + 14 days)"
# Justering Friday 2021-04-30 + 2 days is Sunday 2021-05-02: the deadline
# is Monday 2021-05-03 (lag 1930:173).
expect_contains out.txt "meeting 2021-04-14: anslag in Laxå 2021-05-04 is after the deadline 2021-05-03 (justering + 2 days, moved to the next working day by lag 1930:173)"
# 2021-05-04 + 21 = Tuesday 2021-05-25, the last day; the anslag stays up until 2021-05-26.
# The bevis states an appeal period shorter than the law's: a day too few.
expect_contains out.txt "meeting 2021-04-14: the anslag in Laxå states the appeal period until 2021-05-24, earlier than the law gives: the last day of appeal is 2021-05-25 (2021-05-04 + 21 days, lag 1930:173); the report prints 2021-05-25"
expect_contains out.txt "meeting 2021-04-14 §8: case Syd-IT 21-99 is not in the case register"
expect_contains out.txt "meeting 2021-02-10 §5: delegation decision Syd-IT 20-6-9 of 2021-02-04 is outside the period reported, 2020-11-25 – 2021-02-03"
