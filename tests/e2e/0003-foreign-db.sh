# Files that are not styr databases, or are newer, are refused untouched.
# store: sqlite only (files that are not databases; PostgreSQL has e2e 0020)
. "$TOP/tests/e2e/lib.sh"
echo "Protokoll 2021-02-10" > notes.txt
cp notes.txt notes.orig
run_styr 2 load notes.txt "$TOP/examples/sydnarke"
expect_contains err.txt "not a styr database"
expect_file notes.orig notes.txt

sqlite3 other.db "CREATE TABLE kund(namn TEXT)"
run_styr 2 dump other.db
expect_contains err.txt "not a styr database (application id 0"

"$STYR" init new.db >/dev/null
sqlite3 new.db "INSERT INTO schema_migrations(version, name) VALUES(9999, 'from the future')"
run_styr 2 dump new.db
expect_contains err.txt "database schema version 9999 is newer than this styr"

run_styr 2 init new.db
expect_contains err.txt "already exists"
run_styr 2 dump missing.db
expect_contains err.txt "missing.db: cannot open database"

# A file with styr's application id but no migrations table: the message
# quotes the driver's own (it used to be formatted into itself).
sqlite3 damaged.db "PRAGMA application_id=1937013106;"
run_styr 2 dump damaged.db
expect_contains err.txt "styr: damaged.db: damaged styr database: damaged.db: preparing statement: no such table: schema_migrations"
