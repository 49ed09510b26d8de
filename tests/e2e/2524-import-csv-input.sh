# styr import csv: the result does not depend on where the 64 KiB read
# boundary falls, and what cannot be read whole is refused — a NUL byte
# (it cut the field), an empty file or one with headings only (accepted
# as an import of 0 rows), a record beyond 1 MiB (docs/limits.md). Each
# refusal: exit 2, file:line:column, nothing stored.
. "$TOP/tests/e2e/lib.sh"
"$STYR" init l.db >/dev/null
q() { sqlite3 l.db "$1"; }
bad() { # FILE EXPECTED [OPTIONS] — importing FILE fails with EXPECTED
	f=$1 expected=$2
	shift 2
	run_styr 2 import csv l.db "$f" --account 1 --amount 2 --year 2024 "$@"
	expect_contains err.txt "$expected"
	[ "$(q "SELECT count(*) FROM ledger_import")" = "$imports" ] || fail "$f: something was stored"
}

# A first record whose quoted text holds a line break that falls on the
# read boundary, and whose ';' comes after it: read as ';' whatever the cut.
spaces() { head -c "$1" /dev/zero | tr '\0' ' '; }
{ printf '"'; spaces 65534; printf '\nx";Belopp\n5010;-1 234,50\n6110;"12,5"\n'; } > cut.csv
[ "$(head -c 65536 cut.csv | tail -c 1)" = "" ] || fail "cut.csv: the 65536th byte is not the line break"
run_styr 0 import csv l.db cut.csv --account 1 --amount 2 --year 2024 --header
expect_contains out.txt "avgränsare ';'"
expect_contains out.txt 'Utfall: 2 rader, år 2024, summa -1 222,00 kr'

# A CRLF inside quotes split by the read boundary is one line: the error on
# the next record names its real line, 3.
{ printf '5010;1;"'; spaces 65527; printf '\r\n2"\r\n5020;tusen\r\n'; } > crlf.csv
[ "$(head -c 65536 crlf.csv | od -An -c | tail -n 1 | tr -d ' ')" = '\r' ] || fail "crlf.csv: the CR is not the 65536th byte"
run_styr 2 import csv l.db crlf.csv --account 1 --amount 2 --year 2024 --separator ';'
expect_contains err.txt 'crlf.csv:3:6: amount: expected an amount in kronor such as -1 234,50, found "tusen"'

imports=$(q "SELECT count(*) FROM ledger_import")
rows=$(q "SELECT count(*) FROM ledger_period")
: > empty.csv
bad empty.csv 'empty.csv: no rows with an account and an amount (the file is empty)'
printf 'Konto;Belopp\r\n;\r\n' > heading.csv
bad heading.csv 'heading.csv: no rows with an account and an amount (the file is empty but for headings or blank rows)' --header
printf '5010;1\n5020;2\0003\n' > nul.csv
bad nul.csv 'nul.csv:2:7: a NUL byte is not text (a UTF-16 file? save it as CSV UTF-8)'
printf '\377\3765\0000\0001\0000\000;\0001\000\n\000' > utf16.csv
bad utf16.csv 'utf16.csv:1:4: a NUL byte is not text'
bad /dev/zero '/dev/zero:1:1: a NUL byte is not text'
{ printf '5010;"'; spaces 1100000; printf '"\n'; } > long.csv
bad long.csv 'long.csv:1:1: the record is longer than 1048576 bytes, the limit of a CSV record (docs/limits.md)'
[ "$(q "SELECT count(*) FROM ledger_period")" = "$rows" ] || fail "a refused import stored rows"
