# An interrupted 'styr init' leaves nothing that blocks the next one: the
# store: sqlite only (read-only, WAL and half-made database files)
# new database is made in one transaction, so a kill leaves no file, an
# empty SQLite file, or the whole database. Before, a kill after the
# journal mode was set left a 4 096-byte file that every command refused
# ("empty file; create one with 'styr init'") and init would not replace.
. "$TOP/tests/e2e/lib.sh"

# what an init killed after 'PRAGMA journal_mode = WAL' left
sqlite3 half.db "PRAGMA journal_mode = WAL" >/dev/null
[ "$(wc -c < half.db)" -gt 0 ] || fail "the half-made file is empty"
run_styr 0 init half.db
run_styr 0 load half.db "$TOP/examples/sydnarke"

# but never a file that holds anything
echo "Protokoll 2021-02-10" > notes.txt
run_styr 2 init notes.txt
expect_contains err.txt "notes.txt: already exists and is not an empty database; it is never overwritten"
[ "$(cat notes.txt)" = "Protokoll 2021-02-10" ] || fail "notes.txt was changed"
run_styr 2 init half.db
expect_contains err.txt "half.db: already exists and is not an empty database"
sqlite3 other.db "CREATE TABLE kund(namn TEXT)"
run_styr 2 init other.db
expect_contains err.txt "other.db: already exists and is not an empty database"

# killed at random moments: each time the next init (or the finished
# database) works
n=${STYR_CRASH_RUNS:-20}
i=0
while [ $i -lt "$n" ]; do
	rm -f k.db k.db-wal k.db-shm
	"$STYR" init k.db >/dev/null 2>&1 &
	pid=$!
	sleep "0.0$(awk -v s="$i" 'BEGIN { srand(s); printf "%02d", int(rand() * 25) }')"
	kill -9 "$pid" 2>/dev/null || true
	wait "$pid" 2>/dev/null || true
	if [ -e k.db ]; then
		if ! "$STYR" init k.db >/dev/null 2>init.txt; then
			"$STYR" dump k.db >/dev/null 2>dump.txt ||
				{ cat init.txt dump.txt; fail "run $i: a killed init left a file that neither init nor dump takes"; }
		fi
	fi
	i=$((i + 1))
done
