# styr ops import: exports read through the shipped profiles (Efecte in
# Windows-1252 with Swedish headings and words, ServiceNow in UTC, the
# generic one), the repeated autumn hour flagged, the same period
# replaced, and every kind of bad input refused with file, line and
# column, exit 2 and nothing stored.
. "$TOP/tests/e2e/lib.sh"
. "$TOP/tests/e2e/ops_lib.sh"
ops_db o.db
q() { sqlite3 o.db "$1"; }
mkdir f
ops_gen_2024 f

run_styr 0 ops import o.db f/tickets-2024.csv --source tickets --profile efecte
expect_contains out.txt "Import #1: f/tickets-2024.csv (tickets, profil efecte), period 2024-01-08–2024-12-29"
expect_contains out.txt "Teckenkodning Windows-1252, avgränsare ';'"
expect_contains out.txt "Lagrade: 366 rader"
[ "$(q "SELECT count(*) FROM ops_ticket WHERE type = 4")" = 17 ] || fail "Beställning read as an order"
[ "$(q "SELECT status FROM ops_ticket WHERE ticket = 'REQ-C00'")" = 5 ] || fail "Stängd read as closed"

run_styr 0 ops import o.db f/history-2024.csv --source ticket-history --profile efecte --json
expect_contains out.txt '"rows": 53'
expect_contains out.txt '"to": "2025-01-03"'

# the queue system writes two calls in the repeated hour of 27 October
run_styr 0 ops import o.db f/calls-2024.csv --source calls --profile generic
expect_contains out.txt "Flaggade: 2 tider i den dubblerade timmen 02:00–03:00 när sommartiden slutar (första på rad 420)"
# 02:30 is read as summer time (00:30 UTC), 02:15 after it as winter (01:15 UTC)
[ "$(q "SELECT datetime(at, 'unixepoch') FROM ops_call WHERE wait IN (12, 3) AND at > 1729900000 ORDER BY at")" = "2024-10-27 00:30:00
2024-10-27 01:15:00" ] || fail "the repeated hour resolved by file order"
[ "$(q "SELECT flagged FROM ops_import WHERE id = 3")" = 2 ] || fail "flag stored with the import"

run_styr 0 ops import o.db f/availability-2024.csv --source availability --profile generic --from 2024-01-01 --to 2024-12-31
expect_contains out.txt "period 2024-01-01–2024-12-31"
expect_contains out.txt "Överhoppade: 1"

# ServiceNow exports UTC: no conversion, no flag
printf 'number,sys_class_name,priority,opened_at,state,resolved_at,closed_at,assignment_group,close_notes\nINC0010001,incident,2 - High,2024-10-27 00:30:00,Resolved,2024-10-27 01:15:00,,Service Desk,Fixed\n' > sn.csv
run_styr 0 ops import o.db sn.csv --source tickets --profile servicenow --json
expect_contains out.txt '"count": 0'
[ "$(q "SELECT created, resolved FROM ops_ticket WHERE ticket = 'INC0010001'")" = "1729989000|1729991700" ] || fail "servicenow times are UTC"

# one audit row per import
[ "$(q "SELECT count(*) FROM audit_log WHERE tbl = 'ops_import'")" = 5 ] || fail "audit rows"

# the same period again replaces it; the list shows the new one
run_styr 0 ops import o.db f/availability-2024.csv --source availability --profile generic --from 2024-01-01 --to 2024-12-31
expect_contains out.txt "Ersätter import #4 av samma period"
[ "$(q "SELECT count(*) FROM ops_outage")" = 7 ] || fail "a re-import duplicated rows"
run_styr 0 ops imports o.db
expect_contains out.txt "#6    availability   generic    2024-01-01–2024-12-31        7 rader  f/availability-2024.csv"

# ---- bad input: file, line, column; exit 2; nothing stored ----
tables="ops_import ops_ticket ops_history ops_call ops_outage ops_asset ops_invoice ops_backup"
snapshot() { for t in $tables; do q "SELECT '$t', count(*) FROM $t"; done; }
snapshot > before.txt
printf 'id;type;priority;created\nX1;incident;high;2024-03-04 10:00\nX2;incident;urgent;2024-03-04 11:00\n' > prio.csv
run_styr 2 ops import o.db prio.csv --source tickets --profile generic
expect_contains err.txt 'prio.csv:3:13: priority (priority): "urgent" is not a priority profile generic knows: expected one of "critical", "high", "low", "normal"'
printf 'Ärende-ID;Ärendetyp;Prioritet;Skapad;Status\nE1;Incident;Hög;2024-03-04 10:00;Parkerad\n' > status.csv
run_styr 2 ops import o.db status.csv --source tickets --profile efecte
expect_contains err.txt 'status.csv:2:35: status (Status): "Parkerad" is not a status profile efecte knows'
printf 'id;type;priority;created\nX1;incident;high;2024-03-04 10.00.00.0\nX2;incident;high;igår\n' > stamp.csv
run_styr 2 ops import o.db stamp.csv --source tickets --profile generic
expect_contains err.txt 'stamp.csv:3:18: created (created): expected a date and time such as 2020-04-30 13:45, 2020-04-30T11:45:00Z or 30/4 2020 13.45, found "igår"'
printf 'id;type;priority;created\nX1;incident;high;2024-03-31 02:30\n' > spring.csv
run_styr 2 ops import o.db spring.csv --source tickets --profile generic
expect_contains err.txt 'spring.csv:2:18: created (created): 2024-03-31 02:30 does not exist in Swedish time: the clocks went from 02:00 to 03:00 that night'
printf 'id;type;priority;created;resolved\nX1;incident;high;2024-03-04 10:00;2024-03-04 09:00\n' > backwards.csv
run_styr 2 ops import o.db backwards.csv --source tickets --profile generic
expect_contains err.txt 'backwards.csv:2:35: resolved (resolved): 2024-03-04 09:00 is before created 2024-03-04 10:00: the times run backwards'
printf 'service,start,end,kind\nS,2024-03-04 10:00,2024-03-04 09:00,down\n' > outage.csv
run_styr 2 ops import o.db outage.csv --source availability --profile generic
expect_contains err.txt 'outage.csv:2:20: end (end): 2024-03-04 09:00 is before start 2024-03-04 10:00'
printf 'Ärende;Typ;Prio\n1;2;3\n' > heading.csv
run_styr 2 ops import o.db heading.csv --source tickets --profile efecte
expect_contains err.txt 'heading.csv:1:1: the heading line does not match profile efecte for tickets: missing "Ärende-ID" (id), "Ärendetyp" (type), "Prioritet" (priority), "Skapad" (created); the file has "Ärende", "Typ", "Prio"'
printf 'id;type;priority;created\nX1;incident;high;2024-03-04 10:00\nX2;incident;;2024-03-04 11:00\n' > empty.csv
run_styr 2 ops import o.db empty.csv --source tickets --profile generic
expect_contains err.txt 'empty.csv:3:13: priority (priority): expected a value, found an empty field'
printf 'id;type;priority;created\nX1;incident;"high;2024-03-04 10:00\n' > quote.csv
run_styr 2 ops import o.db quote.csv --source tickets --profile generic
expect_contains err.txt 'quote.csv:2:13: expected a closing quote for the field that starts here'
# a period given: rows outside it are refused
printf 'at,wait,result\n2024-12-31 23:59,10,answered\n2025-01-01 00:01,10,answered\n' > outside.csv
run_styr 2 ops import o.db outside.csv --source calls --profile generic --from 2024-12-01 --to 2024-12-31
expect_contains err.txt 'outside.csv:3:1: at (at): dated 2025-01-01, outside the period 2024-12-01 to 2024-12-31 given'
# an overlapping period: the first row inside the earlier import's period
printf 'at,wait,result\n2023-12-30 10:00,5,answered\n2024-01-03 10:00,5,answered\n' > overlap.csv
run_styr 2 ops import o.db overlap.csv --source calls --profile generic
expect_contains err.txt 'overlap.csv:3:1: the row is dated in 2024-01-02 to 2024-12-26, the period of import #3 of calls (generic); this file covers 2023-12-30 to 2024-01-03, which overlaps it'
run_styr 2 ops import o.db overlap.csv --source calls --profile nosuch
expect_contains err.txt "no profile 'nosuch' in the database"
run_styr 2 ops import o.db overlap.csv --source tickets-x --profile generic
expect_contains err.txt "--source: expected tickets, ticket-history"
run_styr 2 ops import o.db missing.csv --source calls --profile generic
expect_contains err.txt "missing.csv: cannot open"
snapshot > after.txt
expect_file before.txt after.txt
