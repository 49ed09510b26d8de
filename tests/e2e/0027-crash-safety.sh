# Crash safety: an import and a load killed with SIGKILL at random moments
# leave a database that passes SQLite's integrity check, opens in styr,
# and holds all of the import (or load) or none of it. Each is killed
# STYR_CRASH_RUNS times (20 by default; more to search longer).
# store: sqlite only (kills on a SQLite file; a connection lost on PostgreSQL is 0020-pg-bad-input)
. "$TOP/tests/e2e/lib.sh"
runs=${STYR_CRASH_RUNS:-20}
"$STYR" init empty.db >/dev/null
example_db base.db

# ~0.3 s of work for each: 20 000 vouchers of two lines; the example
# data and 3 000 cases
awk 'BEGIN { print "#FLAGGA 0"; print "#SIETYP 4"; print "#RAR 0 20240101 20241231"
	for(a = 1000; a < 1100; a++) print "#KONTO " a " \"Konto " a "\""
	for(v = 1; v <= 20000; v++) {
		print "#VER A " v " 20240105 \"Verifikation " v "\""; print "{"
		print "#TRANS 1930 {} " v ".50"; print "#TRANS " (1000 + v % 100) " {} -" v ".50"; print "}" } }' > big.se
mkdir data
cp "$TOP"/examples/sydnarke/*.json data/
awk 'BEGIN { printf "{ \"cases\": [\n"; for(i = 1; i <= 3000; i++) {
	printf "%s{ \"number\": \"Syd-IT 24-%d\", \"title\": \"Ärende %d\" }\n", (i > 1 ? "," : ""), i, i }
	print "] }" }' > data/99-cases.json

# state DB — counts that tell none from all
state() {
	sqlite3 "$1" "SELECT (SELECT count(*) FROM ledger_import) || ' ' || (SELECT count(*) FROM ledger_voucher)
	  || ' ' || (SELECT count(*) FROM ledger_trans) || ' ' || (SELECT count(*) FROM ledger_account)
	  || ' ' || (SELECT count(*) FROM case_file) || ' ' || (SELECT count(*) FROM population)
	  || ' ' || (SELECT count(*) FROM indicator) || ' ' || (SELECT count(*) FROM audit_log)"
}
# sound DB — integrity, foreign keys, and styr can read it
sound() {
	[ "$(sqlite3 "$1" 'PRAGMA integrity_check')" = ok ] || fail "$2: integrity_check: $(sqlite3 "$1" 'PRAGMA integrity_check' | head -n 3)"
	[ -z "$(sqlite3 "$1" 'PRAGMA foreign_key_check')" ] || fail "$2: foreign_key_check"
	"$STYR" dump "$1" >/dev/null 2>dump.err || { cat dump.err; fail "$2: styr cannot read it"; }
}

# crash KIND BASE WORK... — kill `styr WORK` on a copy of BASE $runs times
crash() {
	kind=$1 base=$2
	shift 2
	cp "$base" t.db
	start=$(date +%s%N)
	"$STYR" "$@" >/dev/null
	took=$(( ($(date +%s%N) - start) / 1000000 ))
	full=$(state t.db)
	none=$(state "$base")
	[ "$full" != "$none" ] || fail "$kind: the full run changed nothing"
	i=0 killed=0 committed=0
	while [ $i -lt "$runs" ]; do
		rm -f t.db t.db-wal t.db-shm
		cp "$base" t.db
		ms=$(awk -v s="$i$$" -v t="$took" 'BEGIN { srand(s); printf "%d", rand() * t }')
		"$STYR" "$@" >/dev/null 2>&1 &
		pid=$!
		sleep "$(awk -v m="$ms" 'BEGIN { printf "%.3f", m / 1000 }')"
		if kill -9 "$pid" 2>/dev/null; then killed=$((killed + 1)); fi
		wait "$pid" 2>/dev/null || true
		sound t.db "$kind run $i (killed after $ms ms)"
		now=$(state t.db)
		if [ "$now" = "$full" ]; then
			committed=$((committed + 1))
		elif [ "$now" != "$none" ]; then
			fail "$kind run $i (killed after $ms ms): part of it was stored: $now (none: $none, all: $full)"
		fi
		i=$((i + 1))
	done
	echo "$kind: $runs runs (a full one took $took ms), $killed killed while running, $committed of all found whole"
}
crash import base.db import sie t.db big.se
crash load empty.db load t.db data
