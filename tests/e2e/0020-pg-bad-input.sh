# store: postgresql only (a server that is not there, refuses, or goes away)
# Bad input on PostgreSQL: an unreachable server, a wrong password, a
# database that is not styr's, a newer schema and a connection lost in the
# middle of a load: a clear message, exit 2, nothing half-written.
. "$TOP/tests/e2e/lib.sh"
real=$STYR_REAL
base=$STYR_TEST_PG
dir=$STYR_TEST_PG_DIR
schema_url() { printf '%s&options=-csearch_path%%3D%s' "$base" "$1"; }
psql -XAtq -d "$base" -c "SET client_min_messages = warning" \
	-c "DROP SCHEMA IF EXISTS bad_foreign CASCADE" -c "CREATE SCHEMA bad_foreign" \
	-c "CREATE TABLE bad_foreign.kund(namn text)" \
	-c "DROP SCHEMA IF EXISTS bad_newer CASCADE" -c "CREATE SCHEMA bad_newer" \
	-c "DROP SCHEMA IF EXISTS bad_lost CASCADE" -c "CREATE SCHEMA bad_lost" \
	-c "GRANT ALL ON SCHEMA bad_foreign TO pwuser"

# A server that is not there.
STYR=$real run_styr 2 dump "postgresql:///styr?host=$PWD/nowhere"
expect_contains err.txt "styr: postgresql:///styr?host=$PWD/nowhere: cannot connect to the database server: "
expect_contains err.txt "No such file or directory"

# A wrong password: refused, and the password is never printed.
STYR=$real run_styr 2 dump "postgresql://pwuser:wrong-secret@/styr?host=$dir"
expect_contains err.txt "styr: postgresql://pwuser@/styr?host=$dir: cannot connect to the database server: "
expect_contains err.txt ': password authentication failed for user "pwuser"'
grep -q "wrong-secret" err.txt out.txt && fail "the password was printed"

# A database that is not styr's: refused, and left as it was.
STYR=$real run_styr 2 load "$(schema_url bad_foreign)" "$TOP/examples/sydnarke"
expect_contains err.txt "not a styr database (application id 0, expected"
[ "$(psql -XAtq -d "$base" -c "SELECT count(*) FROM pg_tables WHERE schemaname = 'bad_foreign'")" = 1 ] ||
	fail "the foreign database was changed"

# A schema written by a newer styr.
STYR=$real run_styr 0 init "$(schema_url bad_newer)"
psql -XAtq -d "$(schema_url bad_newer)" -c "INSERT INTO schema_migrations(version, name) VALUES(9999, 'from the future')"
STYR=$real run_styr 2 load "$(schema_url bad_newer)" "$TOP/examples/sydnarke"
expect_contains err.txt "database schema version 9999 is newer than this styr"
STYR=$real run_styr 2 init "$(schema_url bad_newer)"
expect_contains err.txt "already exists and is not an empty database; it is never overwritten"

# The connection lost in the middle of a load: a session holds the table
# of persons, so the load, which has stored the municipalities in its
# transaction, waits there; then the server stops at once.
lost=$(schema_url bad_lost)
STYR=$real run_styr 0 init "$lost"
"$real" dump "$lost" > before.json
psql -XAtq -d "$lost" -c "BEGIN" -c "LOCK TABLE person IN ACCESS EXCLUSIVE MODE" \
	-c "SELECT pg_sleep(60)" >/dev/null 2>&1 &
holder=$!
sleep 1
STYR_BUSY_TIMEOUT=60000 "$real" load "$lost" "$TOP/examples/sydnarke" >load.out 2>load.err &
loader=$!
# Wait until the load waits for the lock.
n=0
until [ "$(psql -XAtq -d "$base" -c "SELECT count(*) FROM pg_locks WHERE NOT granted")" -ge 1 ]; do
	n=$((n + 1))
	[ "$n" -lt 100 ] || fail "the load never waited for the lock"
	sleep 0.1
done
[ "$(psql -XAtq -d "$base" -c "SELECT count(*) FROM pg_stat_activity WHERE application_name = 'styr' AND state = 'active' AND xact_start IS NOT NULL")" -ge 1 ] ||
	fail "the load is not inside its transaction"
"$TOP/scripts/pg-server.sh" halt "$dir"
set +e
wait $loader
status=$?
wait $holder
set -e
"$TOP/scripts/pg-server.sh" resume "$dir"
[ "$status" -eq 2 ] || { cat load.out load.err; fail "the load exited $status, expected 2"; }
expect_contains load.err "styr: $lost: the connection to the database server was lost ("
expect_contains load.err "); nothing was stored"
"$real" dump "$lost" > after.json
expect_file before.json after.json
[ "$(psql -XAtq -d "$lost" -c "SELECT count(*) FROM municipality")" = 0 ] ||
	fail "municipalities of the lost load were stored"
