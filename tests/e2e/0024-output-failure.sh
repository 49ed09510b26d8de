# An import is committed only once its output is written: 'import …
# store: sqlite only (the PostgreSQL wrapper of tests/pg rewrites arguments and output)
# > /dev/full' exited 2 after committing the import. The summary is now
# printed and flushed just before the commit (a ledger_hook); when it
# cannot be written the import is rolled back, and exit status 2 means
# the database is unchanged.
. "$TOP/tests/e2e/lib.sh"
[ -w /dev/full ] || fail "/dev/full is missing"
example_db a.db
q() { sqlite3 a.db "$1"; }
state() { q "SELECT (SELECT count(*) FROM audit_log) || '/' || (SELECT count(*) FROM ledger_import) || '/' || (SELECT count(*) FROM ledger_trans) || '/' || (SELECT count(*) FROM ledger_period)"; }
before=$(state)
full() { # ARGS... — styr ARGS with its output to /dev/full: exit 2, nothing changed
	set +e
	"$STYR" "$@" >/dev/full 2>err.txt
	got=$?
	set -e
	[ "$got" -eq 2 ] || { cat err.txt; fail "styr $* > /dev/full: exit $got, expected 2"; }
	expect_contains err.txt "styr: writing output: No space left on device (nothing was imported)"
	[ "$(state)" = "$before" ] || fail "styr $* > /dev/full changed the database"
}
printf '5010;2024;100\n' > one.csv
full import csv a.db one.csv --account 1 --period 2 --amount 3
full import sie a.db "$TOP/tests/e2e/ledger.se"
full import sie a.db "$TOP/tests/e2e/ledger.se" --json
full import csv a.db one.csv --account 1 --period 2 --amount 3 --json

# the same imports with somewhere to write: stored, and printed
run_styr 0 import csv a.db one.csv --account 1 --period 2 --amount 3
expect_contains out.txt 'Utfall: 1 rader, år 2024, summa 100,00 kr'
run_styr 0 import sie a.db "$TOP/tests/e2e/ledger.se" --json
expect_contains out.txt '"import": 2'
[ "$(state)" != "$before" ] || fail "nothing was stored"
[ "$(q "SELECT count(*) FROM ledger_import")" = 2 ] || fail "the imports"
