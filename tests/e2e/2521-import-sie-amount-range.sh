# styr import sie: an amount out of range is refused with the field
# named, and a voucher whose lines sum beyond 64 bits is refused rather
# than wrapped. Three #TRANS of about 6,1·10^16 kr once summed to exactly
# 2^64 öre, wrapped to 0 and passed as balanced. Exit 2, nothing stored.
. "$TOP/tests/e2e/lib.sh"
"$STYR" init l.db >/dev/null
head='#FLAGGA 0
#SIETYP 4
#FNAMN "Test"
#RAR 0 20240101 20241231'
bad() { # NAME EXPECTED — the file NAME.se fails with EXPECTED
	run_styr 2 import sie l.db "$1.se"
	expect_contains err.txt "$2"
	[ "$(sqlite3 l.db "SELECT count(*) FROM ledger_import")" = 0 ] || fail "$1: something was stored"
}
printf '%s\n#VER A 1 20240101 "x"\n{\n#TRANS 1930 {} 61489146912365172.05\n#TRANS 1930 {} 61489146912365172.05\n#TRANS 1930 {} 61489146912365172.06\n}\n' "$head" > wrap.se
bad wrap 'wrap.se:7:16: #TRANS: expected an amount within ±999 999 999 999 999,99 kr, found "61489146912365172.05"'
printf '%s\n#UB 0 1930 -1000000000000000\n' "$head" > ub.se
bad ub 'ub.se:5:12: #UB: expected an amount within ±999 999 999 999 999,99 kr, found "-1000000000000000"'

# 93 lines at the edge of the range sum beyond int64
{ printf '%s\n#VER A 1 20240101 "x"\n{\n' "$head"
  i=0; while [ $i -lt 93 ]; do echo '#TRANS 1930 {} 999999999999999.99'; i=$((i + 1)); done
  echo '}'; } > sum.se
bad sum 'sum.se:99:1: #TRANS: the lines of the voucher of line 5 sum beyond ±92 233 720 368 547 758,07 kr'

# the edge itself is stored exactly, and an unbalanced voucher is reported
printf '%s\n#VER A 1 20240101 "x"\n{\n#TRANS 1930 {} 999999999999999.99\n#TRANS 3010 {} -999999999999999.98\n}\n' "$head" > edge.se
run_styr 0 import sie l.db edge.se
expect_contains out.txt 'Obalanserade verifikationer: 1'
expect_contains out.txt 'rad 5: serie A nr 1, summa 0,01 kr'
[ "$(sqlite3 l.db "SELECT amount FROM ledger_trans ORDER BY amount DESC")" = '99999999999999999
-99999999999999998' ] || fail "edge amounts"
