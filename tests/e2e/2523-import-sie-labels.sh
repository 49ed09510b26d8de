# styr import sie: at most 200 different record labels in a file, each
# '#' and at most 22 letters, digits, - or _ (docs/limits.md). 40 000
# labels took 11 s (a linear search per record); now the file is refused
# at the 201st, with exit 2 and an unchanged database.
. "$TOP/tests/e2e/lib.sh"
"$STYR" init l.db >/dev/null
bad() { # FILE EXPECTED — importing FILE fails with EXPECTED
	run_styr 2 import sie l.db "$1"
	expect_contains err.txt "$2"
	[ "$(sqlite3 l.db "SELECT count(*) FROM ledger_import")" = 0 ] || fail "$1: something was stored"
}

# labels: at most 200 different ones, each at most 22 characters after #
awk 'BEGIN { print "#FLAGGA 0"; for(i = 0; i < 40000; i++) print "#X" i " 1" }' > labels.se
start=$(date +%s)
bad labels.se 'labels.se:201:1: #X199: more than 200 different record labels in one file, the limit of an SIE file (docs/limits.md)'
[ $(($(date +%s) - start)) -lt 3 ] || fail "40 000 labels took too long"
printf '#FLAGGA 0\n#ABCDEFGHIJKLMNOPQRSTUVW 1\n' > long.se
bad long.se 'long.se:2:1: expected a record label of at most 22 letters, digits, - or _ after the # such as #KONTO, found "#ABCDEFGHIJKLMNOPQRSTUVW"'
printf '#FLAGGA 0\n#KONTO\033[2J 1\n' > esc.se
bad esc.se 'esc.se:2:1: expected a record label of at most 22 letters'

# 199 different unknown labels are fine, and counted; a DOS end-of-file mark too
awk 'BEGIN { print "#FLAGGA 0"; for(i = 0; i < 5000; i++) print "#X" (i % 199) " 1"; printf "\032" }' > many.se
run_styr 0 import sie l.db many.se
expect_contains out.txt 'Överhoppade poster: 5000'
grep -q '^  #X198  *25$' out.txt || fail "#X198 counted"
