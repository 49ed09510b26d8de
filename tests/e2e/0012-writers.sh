# Many writers at once: two processes that read a record and write it back
# with --if-version lose no update (a stale write is refused and retried);
# a writer that cannot get the database within $STYR_BUSY_TIMEOUT gets
# styr's sentence, never SQLite's, and nothing is stored.
. "$TOP/tests/e2e/lib.sh"
example_db a.db

# writer NAME: add 1 to Lekeberg's population of 2018 ten times, each time
# reading the record and its version and writing with --if-version.
writer() {
	n=0
	tries=0
	while [ "$n" -lt 10 ]; do
		tries=$((tries + 1))
		[ "$tries" -lt 500 ] || { echo "gave up" >>"$1.err"; return 1; }
		"$STYR" show a.db population 1814/2018-12-31 --json >"$1.json" 2>>"$1.err" || continue
		v=$(sed -n 's/.*"version": \([0-9]*\).*/\1/p' "$1.json")
		c=$(sed -n 's/.*"count": \([0-9]*\).*/\1/p' "$1.json")
		if STYR_USER="$1" "$STYR" set a.db population 1814/2018-12-31 "count=$((c + 1))" \
		   --if-version "$v" >/dev/null 2>>"$1.err"; then
			n=$((n + 1))
		fi
	done
}
writer anna & a=$!
writer bertil & b=$!
wait $a || fail "writer anna: $(cat anna.err)"
wait $b || fail "writer bertil: $(cat bertil.err)"

# 8 116 (SCB, 2018-12-31) and twenty increments, none lost.
run_styr 0 show a.db population 1814/2018-12-31
expect_contains out.txt "  count        8136"
expect_contains out.txt "version 21, "
run_styr 0 log a.db --table population
[ "$(grep -c 'population 1814/2018-12-31: {' out.txt)" -eq 20 ] || fail "expected 20 logged increments"
# A refusal is only ever styr's own words.
cat anna.err bertil.err > refusals.txt
if grep -v -e "was changed since version" -e "the database is busy writing another change; nothing was stored" refusals.txt; then
	fail "unexpected message from a writer"
fi

# A writer held off past the timeout.
"$STYR" dump a.db > before.json
(printf 'BEGIN IMMEDIATE;\nUPDATE person SET note = note;\n.shell sleep 2\nCOMMIT;\n' | sqlite3 a.db) &
holder=$!
sleep 0.5
STYR_BUSY_TIMEOUT=200 run_styr 2 set a.db persons magnus-andersson party=M
expect_contains err.txt "styr: a.db: the database is busy writing another change; nothing was stored"
wait $holder
"$STYR" dump a.db > now.json
expect_file before.json now.json
# After it, the write goes through.
run_styr 0 set a.db persons magnus-andersson party=M
STYR_BUSY_TIMEOUT=soon run_styr 2 show a.db persons magnus-andersson
expect_contains err.txt "STYR_BUSY_TIMEOUT: 'soon' is not a time to wait, expected milliseconds 0-3600000"
