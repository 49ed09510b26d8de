# styr ops: 30 000 generated tickets with history (bench/ops/gen.c), whose
# import is written by a second thread and whose indicators are computed
# by two threads, each over half the ticket numbers: the figures are the
# same as with one thread ($STYR_OPS_THREADS=1), and the same after the
# import is done again.
. "$TOP/tests/e2e/lib.sh"
cc -O2 -o gen "$TOP/bench/ops/gen.c" || fail "cannot build the generator"
./gen 30000 .
"$STYR" init o.db >/dev/null
"$STYR" load o.db "$TOP/data/ops-profiles/generic.json" >/dev/null
printf '{"ops_settings": [{"name": "service-desk", "value": "Servicedesk"}]}\n' > cfg.json
"$STYR" load o.db cfg.json >/dev/null
run_styr 0 ops import o.db tickets.csv --source tickets --profile generic
expect_contains out.txt "Lagrade: 30 000 rader"
run_styr 0 ops import o.db history.csv --source ticket-history --profile generic
events=$(($(wc -l < history.csv) - 1))
[ "$(sqlite3 o.db 'SELECT sum(count) FROM ops_history')" = "$events" ] || fail "every event stored"
run_styr 0 ops kpi o.db --from 2023-01-01 --to 2023-12-31 --json
cp out.txt two.json
STYR_OPS_THREADS=1 "$STYR" ops kpi o.db --from 2023-01-01 --to 2023-12-31 --json > one.json
expect_file one.json two.json
grep -q '"value": "' two.json || fail "no values"
run_styr 0 ops import o.db history.csv --source ticket-history --profile generic
expect_contains out.txt "Ersätter import #2 av samma period"
run_styr 0 ops kpi o.db --from 2023-01-01 --to 2023-12-31 --json
sed 's/#3 history/#2 history/' out.txt > again.json
expect_file two.json again.json
