# Every input is text or refused with the field named: UTF-8 without
# store: sqlite only (the PostgreSQL wrapper of tests/pg rewrites arguments and output)
# control characters but tab and line breaks, at every door — command-line
# arguments (one check in cli_parse), data files (load), SIE and CSV
# fields after decoding. Invalid UTF-8 given to 'case new --title' was
# stored and the dump could not be loaded back; ESC and BEL reached the
# terminal. Messages that quote what was given print such bytes as \xNN.
. "$TOP/tests/e2e/lib.sh"
example_db a.db
q() { sqlite3 a.db "$1"; }
cases=$(q "SELECT count(*) FROM case_file")
audit=$(q "SELECT count(*) FROM audit_log")

# command-line arguments
run_styr 2 case new a.db --title "$(printf '\377')" --year 2024
expect_contains err.txt 'styr case new: --title: expected text, found invalid UTF-8 (byte 0xff at byte 1)'
run_styr 2 value set a.db 2024-nki --occasion 2024-12-31 --comment "$(printf '\303\050')"
expect_contains err.txt 'styr value set: --comment: expected text, found invalid UTF-8 (byte 0xc3 at byte 1)'
run_styr 2 case new a.db --title="$(printf 'R\303\266d\033[31m')" --year 2024
expect_contains err.txt 'styr case new: --title: expected text, found control character U+001B at character 4'
run_styr 2 case new a.db --title x --year "$(printf '20\a24')"
expect_contains err.txt 'styr case new: --year: expected text, found control character U+0007 at character 3'
run_styr 2 org "$(printf 'a\377.db')"
expect_contains err.txt 'styr org: argument 1: expected text, found invalid UTF-8 (byte 0xff at byte 2)'
run_styr 2 case new a.db --title "$(head -c 70000 /dev/zero | tr '\0' x)" --year 2024
expect_contains err.txt 'styr case new: --title: longer than 65536 bytes, the limit of an argument (docs/limits.md)'
# nothing reaches the terminal raw, even in a usage error
run_styr 2 case "$(printf 'n\033[2Jew')"
expect_contains err.txt "styr case: 'n\\x1b[2Jew' is not a subcommand of styr case"
if grep -q "$(printf '\033')" err.txt; then fail "ESC printed raw"; fi
[ "$(q "SELECT count(*) FROM case_file")" = "$cases" ] || fail "a refused argument was stored"
[ "$(q "SELECT count(*) FROM audit_log")" = "$audit" ] || fail "a refused argument was logged"
# text with a line break and a tab is text
run_styr 0 case new a.db --title "$(printf 'Två rader\n\tindragen')" --year 2024
run_styr 0 dump a.db
mv out.txt dump.json
"$STYR" init b.db >/dev/null
run_styr 0 load b.db dump.json

# data files: the field is named
printf '{ "cases": [ { "number": "Syd-IT 24-9", "title": "Ljud\\u0007 och \\u001b[2J" } ] }\n' > bell.json
run_styr 2 load a.db bell.json
expect_contains err.txt 'bell.json:1: title: expected text (title of the case), found control character U+0007 at character 5; a text may hold tabs and line breaks but no other control characters'
printf '{ "cases": [ { "number": "Syd-IT 24-9", "title": "C1 \302\233 31m" } ] }\n' > c1.json
run_styr 2 load a.db c1.json
expect_contains err.txt 'c1.json:1: title: expected text (title of the case), found control character U+009B at character 4'

# SIE: a text field after decoding, with its record and field
printf '#FLAGGA 0\n#KONTO 1930 "Bank\033[2J"\n' > esc.se
run_styr 2 import sie a.db esc.se
expect_contains err.txt 'esc.se:2:13: #KONTO: the account name: expected text, found control character U+001B at character 5'
printf '#FLAGGA 0\n#FORMAT UTF8\n#FNAMN "F\302\205retag"\n' > c1.se
run_styr 2 import sie a.db c1.se
expect_contains err.txt 'c1.se:3:8: #FNAMN: the company name: expected text, found control character U+0085 at character 2'

# CSV: a field after decoding, with its column
printf '5010;100;"Telefon\a"\n' > bel.csv
run_styr 2 import csv a.db bel.csv --account 1 --amount 2 --year 2024
expect_contains err.txt 'bel.csv:1:10: column 3: expected text, found control character U+0007 at character 8'
[ "$(q "SELECT count(*) FROM ledger_import")" = 0 ] || fail "a refused import was stored"

# the person in the audit log comes from the environment: text too
set +e
STYR_USER="$(printf 'Anna\033[2J')" "$STYR" case new a.db --title x --year 2024 >out.txt 2>err.txt
got=$?
set -e
[ "$got" -eq 2 ] || fail "STYR_USER with ESC: exit $got"
expect_contains err.txt 'styr: STYR_USER or USER: expected text, found control character U+001B at character 5'
