# styr import csv: an amount that does not fit is refused with the field
# named, never wrapped (9223372036854775807 kr was once stored as -1,00
# kr); so is a file whose amounts sum beyond 64 bits. Exit 2, nothing
# stored.
. "$TOP/tests/e2e/lib.sh"
"$STYR" init l.db >/dev/null
q() { sqlite3 l.db "$1"; }

printf '1910;2024;9223372036854775807\n' > big.csv
run_styr 2 import csv l.db big.csv --account 1 --period 2 --amount 3
expect_contains err.txt 'big.csv:1:11: amount: expected an amount within ±999 999 999 999 999,99 kr, found "9223372036854775807"'
printf '1910;2024;100\n1910;2024;-1 000 000 000 000 000\n' > big2.csv
run_styr 2 import csv l.db big2.csv --account 1 --period 2 --amount 3
expect_contains err.txt 'big2.csv:2:11: amount: expected an amount within'

# the largest amount is stored exactly
printf '1910;2024;999 999 999 999 999,99\n1911;2024;-999999999999999,99\n' > edge.csv
run_styr 0 import csv l.db edge.csv --account 1 --period 2 --amount 3
[ "$(q "SELECT amount FROM ledger_period ORDER BY id")" = '99999999999999999
-99999999999999999' ] || fail "edge amounts"

# 93 amounts at the edge sum beyond int64: refused, not wrapped
i=0; : > sum.csv
while [ $i -lt 93 ]; do echo "1910;2024;999999999999999,99" >> sum.csv; i=$((i + 1)); done
run_styr 2 import csv l.db sum.csv --account 1 --period 2 --amount 3
expect_contains err.txt 'sum.csv:93:11: amount: the sum of the amounts so far leaves the range'
[ "$(q "SELECT count(*) FROM ledger_import")" = 1 ] || fail "a refused import was stored"
[ "$(q "SELECT count(*) FROM ledger_period")" = 2 ] || fail "a refused import stored rows"
