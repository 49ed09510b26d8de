# A malformed SIE line fails the import with file:line:column: expected …,
# exit status 2, and the database is left unchanged.
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
printf '%s\n#VER A 1 20240101 "x"\n{\n#TRANS 1930 {} 10.005\n#TRANS 3010 {} -10.005\n}\n' "$head" > decimals.se
bad decimals "decimals.se:7:16: #TRANS: expected an amount with at most two decimals (öre), found \"10.005\""
printf '%s\n#UB -1 1930 100\n' "$head" > noyear.se
bad noyear "noyear.se:5:5: #UB: expected a year index declared by #RAR, found -1"
printf '%s\n#KONTO 1930 "Bank\n' "$head" > quote.se
bad quote "quote.se:5:18: expected \" closing the text that starts at column 13"
printf '%s\n#TRANS 1930 {} 1\n' "$head" > outside.se
bad outside "outside.se:5:1: #TRANS: expected inside the { } block of a #VER"
printf '%s\n#VER A 1 20240231 "x"\n{\n}\n' "$head" > date.se
bad date "date.se:5:10: #VER: expected the voucher date as YYYYMMDD, found \"20240231\""
printf '%s\n#PSALDO 0 202413 3010 {} 1\n' "$head" > period.se
bad period "period.se:5:11: #PSALDO: expected a period YYYYMM, found \"202413\""
printf '%s\n#PSALDO 0 202401 3010 {1} 1\n' "$head" > objects.se
bad objects "objects.se:5:25: #PSALDO: expected an object code after dimension 1"
printf '%s\n#VER A 1 20240101 "x"\n#TRANS 1930 {} 1\n' "$head" > block.se
bad block "block.se:6:1: expected { on the line after the #VER of line 5"
printf '%s\n#VER A 1 20240101 "x"\n{\n#TRANS 1930 {} 1\n' "$head" > open.se
bad open "open.se:8: expected } closing the voucher of line 5"
printf '%s\n#KONTO 1930 "Bank" {1 "x"\n' "$head" > brace.se
bad brace "brace.se:5:26: expected } closing the object list of column 20"
printf '#FLAGGA 0\n#KSUMMA\n#FNAMN "Test"\n#KSUMMA 12345\n' > ksumma.se
bad ksumma "ksumma.se:4:9: #KSUMMA: expected checksum"
# A #TRANS on the line of the voucher's { was dropped silently (the rest
# of a brace line was never read).
printf '%s\n#VER A 1 20240101 "x"\n{ #TRANS 1930 {} 100\n#TRANS 3010 {} -100\n}\n' "$head" > braceline.se
bad braceline 'braceline.se:6:3: expected nothing after { on its line (a #TRANS goes on a line of its own)'
