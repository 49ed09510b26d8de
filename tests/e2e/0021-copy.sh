# styr copy: a whole database, its history too, into a new one; the dump
# of the copy is the dump of the source byte for byte. Run on PostgreSQL
# (tests/run-pg) the .db names are PostgreSQL and copy.sqlite stays a
# file, so the copy goes PostgreSQL -> SQLite -> PostgreSQL.
. "$TOP/tests/e2e/lib.sh"
example_db a.db
run_styr 0 set a.db population 1814/2018-12-31 "count=8 117"
run_styr 0 set a.db persons magnus-andersson party=M
run_styr 0 undo a.db 3
"$STYR" dump a.db > a.json
"$STYR" log a.db > a.log

run_styr 0 copy a.db copy.sqlite
expect_contains out.txt "tables from a.db to copy.sqlite"
run_styr 0 copy copy.sqlite b.db
expect_contains out.txt "tables from copy.sqlite to b.db"
"$STYR" dump b.db > b.json
expect_file a.json b.json
# The history came along: the same change sets, and undo goes on from it.
"$STYR" log b.db > b.log
expect_file a.log b.log
run_styr 0 show b.db population 1814/2018-12-31
expect_contains out.txt "version 2, "
run_styr 0 undo b.db 2
run_styr 0 show b.db population 1814/2018-12-31
expect_contains out.txt "  count        8116"
expect_contains out.txt "version 3, "

# The target must be new: nothing is written over a database.
run_styr 2 copy a.db b.db
expect_contains err.txt "styr: b.db: already exists and is not an empty database; it is never overwritten"
"$STYR" dump b.db > b2.json
cmp -s a.json b2.json && fail "b.db was not changed by undo"
run_styr 2 copy a.db
expect_contains err.txt "usage: styr copy SRC DST"
