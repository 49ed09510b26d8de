# styr import csv: outcome and budget rows as Swedish Excel saves them —
# ';', decimal comma, quotes, UTF-8 with a byte-order mark or Windows-1252
# — with the columns named on the command line; errors name
# file:line:column and nothing is stored.
. "$TOP/tests/e2e/lib.sh"
"$STYR" init l.db >/dev/null
q() { sqlite3 l.db "$1"; }

# UTF-8 with BOM, CRLF, a header, a blank row and a quoted text with ';'.
printf '\357\273\277Period;Konto;Text;Belopp\r\n2024-03;5010;"Löner; mars";"-1 234,50"\r\n;;;\r\n202404;6110;Telefon åäö;12,5\r\n' > utfall.csv
run_styr 0 import csv l.db utfall.csv --period 1 --account 2 --amount 4 --header
expect_contains out.txt "Fil: utfall.csv (teckenkodning UTF-8, avgränsare ';')"
expect_contains out.txt "Utfall: 2 rader, år 2024, summa -1 222,00 kr"
expect_contains out.txt "Tomma rader: 1"
[ "$(q "SELECT kind, year, month, account, amount FROM ledger_period ORDER BY id")" = 'outcome|2024|3|5010|-123450
outcome|2024|4|6110|1250' ] || fail "outcome rows"

# Windows-1252 (ä = 0xe4, å = 0xe5), budget per object, comma separator.
printf 'Konto,Ansvar,Budget\n5010,L\344xa,"1 000,00"\n4010,Lax\345,-250\n' > budget.csv
run_styr 0 import csv l.db budget.csv --account 1 --amount 3 --object 2 --object-dim 1 --year 2025 --kind budget --header --json
expect_contains out.txt '"encoding": "Windows-1252"'
expect_contains out.txt '"separator": ","'
expect_contains out.txt '"rows": 2'
expect_contains out.txt '"sum": 750'
[ "$(q "SELECT objects, amount FROM ledger_period WHERE kind = 'budget' ORDER BY id")" = '1 "Läxa"|100000
1 "Laxå"|-25000' ] || fail "budget rows"
[ "$(q "SELECT count(*) FROM audit_log WHERE tbl = 'ledger_import'")" = 2 ] || fail "one audit row per import"

# Errors: file:line:column, exit 2, nothing stored.
before=$(q "SELECT count(*) FROM ledger_period")
printf '5010;202401;100\n5020;202401;12,345\n' > decimals.csv
run_styr 2 import csv l.db decimals.csv --account 1 --period 2 --amount 3
expect_contains err.txt 'decimals.csv:2:13: amount: expected an amount with at most two decimals (öre), found "12,345"'
printf '5010;202401;100\n5020;2024-13;1\n' > period.csv
run_styr 2 import csv l.db period.csv --account 1 --period 2 --amount 3
expect_contains err.txt 'period.csv:2:6: period: expected a period YYYYMM, YYYY-MM, a date YYYY-MM-DD or a year, found "2024-13"'
printf '5010;202401;tusen\n' > amount.csv
run_styr 2 import csv l.db amount.csv --account 1 --period 2 --amount 3
expect_contains err.txt 'amount.csv:1:13: amount: expected an amount in kronor such as -1 234,50, found "tusen"'
printf '5010;202401\n' > short.csv
run_styr 2 import csv l.db short.csv --account 1 --period 2 --amount 3
expect_contains err.txt 'short.csv:1:12: amount: expected column 3, the row has 2'
printf '5010;"202401\n' > quote.csv
run_styr 2 import csv l.db quote.csv --account 1 --period 2 --amount 3
expect_contains err.txt 'quote.csv:1:6: expected a closing quote for the field that starts here'
run_styr 2 import csv l.db utfall.csv --account 1
expect_contains err.txt "--account and --amount are required"
[ "$(q "SELECT count(*) FROM ledger_period")" = "$before" ] || fail "a failed import stored rows"
[ "$(q "SELECT count(*) FROM ledger_import")" = 2 ] || fail "a failed import left an import row"
