# A meeting made with styr meeting new|attend|agenda|decide|justera|anslag,
# and the refusals naming meeting and paragraph.
. "$TOP/tests/e2e/lib.sh"
example_db a.db
run_styr 0 meeting new a.db 2021-03-10 --start 13:00 --end 14:00 --place "Kommunhuset, Askersund" --chair magnus-andersson --secretary emil-pettersson
run_styr 2 meeting new a.db 2021-03-10
expect_contains err.txt "meeting 2021-03-10: already exists"
run_styr 0 meeting attend a.db 2021-03-10 magnus-andersson --role ordinarie --title ordförande
run_styr 0 meeting attend a.db 2021-03-10 torbjorn-appelqvist --role "tjänstgörande ersättare" --for caroline-dieker --remote
run_styr 0 meeting attend a.db 2021-03-10 marcus-cederberg --role tjänsteperson
run_styr 0 meeting agenda a.db 2021-03-10 --standard --item "Delårsrapport (Syd-IT 21-9)"
expect_contains out.txt "meeting 2021-03-10: §§8-13 added"
expect_contains out.txt "- §10 Delårsrapport (Syd-IT 21-9)"
expect_contains out.txt "- §13 Övriga frågor"
# An earlier meeting of the year cannot take numbers any more.
run_styr 0 meeting new a.db 2021-01-20
run_styr 2 meeting agenda a.db 2021-01-20 --item "Extra"
expect_contains err.txt "meeting 2021-01-20: 1 item does not fit before §1 of 2021-02-10, no § number is free"
run_styr 2 meeting decide a.db 2021-03-10 §14 --decision "x"
expect_contains err.txt "meeting 2021-03-10: no §14 (the meeting has §§8-13)"
run_styr 0 meeting decide a.db 2021-03-10 §10 --proposal "Nämnden godkänner." --decision "Nämnden godkänner." --basis "Tjänsteskrivelse"
run_styr 2 meeting justera a.db 2021-03-10 --date 2021-03-12 --justerare bo-rudolfsson
expect_contains err.txt "meeting 2021-03-10: justerare bo-rudolfsson was not present as a member or substitute (present: magnus-andersson, torbjorn-appelqvist)"
run_styr 2 meeting justera a.db 2021-03-10 --date 2021-03-12 --justerare marcus-cederberg
run_styr 0 meeting justera a.db 2021-03-10 --date 2021-03-26 --justerare torbjorn-appelqvist
expect_contains err.txt "warning: meeting 2021-03-10: justering 2021-03-26 is after the deadline 2021-03-24"
run_styr 2 meeting anslag a.db 2021-03-10 --municipality Lekeberg --date 2021-03-25
expect_contains err.txt "meeting 2021-03-10: anslag 2021-03-25 is before the justering 2021-03-26"
run_styr 0 meeting anslag a.db 2021-03-10 --municipality Lekeberg --date 2021-03-26
# Justering Friday 2021-03-26 + 2 days is Sunday 2021-03-28: lag 1930:173
# moves the anslag deadline to Monday 2021-03-29, so Tuesday is late.
run_styr 0 meeting anslag a.db 2021-03-10 --municipality 1860 --date 2021-03-30
expect_contains err.txt "warning: meeting 2021-03-10: anslag 2021-03-30 in 1860 is after the deadline 2021-03-29 (justering + 2 days, moved to the next working day by lag 1930:173)"
# Three weeks from Tuesday 2021-03-30 is Tuesday 2021-04-20.
run_styr 0 meeting dates a.db 2021-03-10 --json
expect_contains out.txt '"appeal_from": "2021-03-30"'
expect_contains out.txt '"last_day": "2021-04-20"'
run_styr 0 meeting show a.db 2021-03-10
tr '\n' ' ' <out.txt | tr -s ' ' >flat.txt
expect_contains flat.txt "Torbjörn Appelqvist (M) (tjänstgör för Caroline Dieker) (Hallsbergs kommun (Distans))"
expect_contains out.txt "§10 - Delårsrapport (Syd-IT 21-9)"
# A bevis per municipality, the appeal period from the latest anslag.
expect_contains out.txt "LEKEBERGS KOMMUN"
expect_contains out.txt "LAXÅ KOMMUN"
expect_contains out.txt "Laxå      2021-03-30  2021-04-20                  2021-04-21"
# The report draws the same protocol (and no longer crashes on a late date).
cp out.txt show.txt
run_styr 0 report protokoll a.db --meeting 2021-03-10 --format text -o -
expect_file show.txt out.txt
# The changes are in the audit log, and check reports the late dates.
[ "$(sqlite3 a.db "SELECT count(*) FROM audit_log WHERE tbl IN ('meeting','agenda_item','anslag','meeting_justerare','meeting_attendance','basis_document') AND key LIKE '2021-03-10%'")" -ge 14 ] || fail "audit entries missing"
run_styr 1 check a.db
expect_contains out.txt "meeting 2021-03-10: justering 2021-03-26 is after the deadline"
expect_contains out.txt "meeting 2021-03-10: anslag in Laxå 2021-03-30 is after the deadline 2021-03-29"
# Replacing an anslag keeps the old date in the audit log.
run_styr 0 meeting anslag a.db 2021-03-10 --municipality Lekeberg --date 2021-03-27
[ "$(sqlite3 a.db "SELECT old_value FROM audit_log WHERE tbl = 'anslag' AND key = '2021-03-10/1814' AND old_value IS NOT NULL")" = '{"meeting":"2021-03-10","municipality":"1814","date":"2021-03-26"}' ] || fail "old anslag not in the audit log"
run_styr 0 meeting dates a.db 2021-03-10
expect_contains out.txt "Anslag Laxå                        2021-03-30"
expect_contains out.txt "Anslag senast:                     2021-03-29 (justeringen + 2 dagar, flyttad till nästa arbetsdag enligt lag 1930:173)"
expect_contains out.txt "Anslag Lekeberg                    2021-03-27"
