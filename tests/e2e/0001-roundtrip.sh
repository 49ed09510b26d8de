# Load the example data, dump, load the dump, dump again: byte-identical.
. "$TOP/tests/e2e/lib.sh"
example_db a.db
run_styr 0 dump a.db
cp out.txt dump1.json
"$STYR" init b.db >/dev/null
run_styr 0 load b.db dump1.json
run_styr 0 dump b.db
expect_file dump1.json out.txt
