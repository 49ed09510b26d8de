# Every real SIE file of ../shared/testdata/sie (eight accounting programs)
# imports; the counts styr prints and stores equal the lines of each record
# type in the file, counted here with awk; company names in CP437 come out
# as UTF-8 with å ä ö. The files are private test data, not in the
# repository: on a machine without them (a fresh clone, CI) the test is
# skipped and says so (exit 77, tests/run).
. "$TOP/tests/e2e/lib.sh"
data=$TOP/../shared/testdata/sie
[ -d "$data" ] || data=/work/shared/testdata/sie
if ! ls "$data"/*.[sS][eEiI] >/dev/null 2>&1; then
	echo "the real SIE files of ../shared/testdata/sie are not on this machine"
	exit 77
fi
"$STYR" init l.db >/dev/null
n=0
for f in "$data"/*.[sS][eEiI]; do
	n=$((n + 1))
	run_styr 0 import sie l.db "$f" --json
	cp out.txt "import-$n.json"
	id=$(sqlite3 l.db "SELECT max(id) FROM ledger_import")
	for label in VER TRANS KONTO PSALDO PBUDGET IB UB RES RAR; do
		want=$(awk -v l="#$label" '$1 == l { n++ } END { print n + 0 }' "$f")
		got=$(sed -n "s/^    \"#$label\": \([0-9]*\),\{0,1\}\$/\1/p" out.txt)
		[ "${got:-0}" = "$want" ] || fail "$f: #$label printed ${got:-0}, file has $want"
	done
	want=$(awk '$1 == "#TRANS" { n++ } END { print n + 0 }' "$f")
	got=$(sqlite3 l.db "SELECT count(*) FROM ledger_trans t JOIN ledger_voucher v ON v.id = t.voucher_id WHERE v.import_id = $id")
	[ "$got" = "$want" ] || fail "$f: $got #TRANS rows stored, file has $want"
	want=$(awk '$1 == "#PSALDO" || $1 == "#PBUDGET" { n++ } END { print n + 0 }' "$f")
	got=$(sqlite3 l.db "SELECT count(*) FROM ledger_period WHERE import_id = $id")
	[ "$got" = "$want" ] || fail "$f: $got period rows stored, file has $want"
	want=$(awk '$1 == "#KONTO" { print $2 }' "$f" | sort -u | wc -l)
	got=$(sqlite3 l.db "SELECT count(*) FROM ledger_account WHERE import_id = $id AND name IS NOT NULL")
	[ "$got" = "$want" ] || fail "$f: $got accounts stored, file has $want"
	expect_contains out.txt '"unbalanced_total": 0'
done
[ "$n" -eq 8 ] || fail "expected 8 SIE files in $data, found $n"

# Company names and texts in CP437 (#FORMAT PC8) read as UTF-8.
run_styr 0 import sie l.db "$data/transaktioner_ovnbolag.se"
expect_contains out.txt "Företag: Övningsbolaget AB (Ekonomi 60) (5555555555)"
expect_contains out.txt "Program: Avendo 5.20"
expect_contains out.txt "    0  2011-01-01 – 2011-12-31"
expect_contains out.txt "   -1  2010-01-01 – 2010-12-31"
expect_contains out.txt "  #PBUDGET        1 248"
run_styr 0 import sie l.db "$data/Edison_typ1.se"
expect_contains out.txt "Företag: Övningsföretaget AB (000000-0000)"
expect_contains out.txt "Program: Edison Ekonomi Byrå 4.9G"
expect_contains out.txt "SIE-typ: 1"
run_styr 0 import sie l.db "$data/BL0001_typ4.SE"
expect_contains out.txt "Överhoppade poster: 9 (#BTRANS 3, #RTRANS 6)"
[ "$(sqlite3 l.db "SELECT name FROM ledger_object WHERE dim = 1 AND code = '10' AND import_id = (SELECT max(id) FROM ledger_import)")" = "Östervåla" ] ||
	fail "object 1/10 is not Östervåla"
[ "$(sqlite3 l.db "SELECT name FROM ledger_object WHERE dim = 6 AND code = '┼1' AND import_id = (SELECT max(id) FROM ledger_import)")" = "årsta" ] ||
	fail "object 6/┼1 is not årsta (BL writes a Latin-1 Å in its CP437 file, which is ┼)"
# Norstedts opens and closes with #KSUMMA: the CRC-32 is checked.
run_styr 0 import sie l.db "$data/Norstedts_Bokslut_SIE4E.se"
expect_contains out.txt "Kontrollsumma (#KSUMMA): stämmer"
expect_contains out.txt "Företag: Datakonsulterna AB (556639-1537)"
# A voucher with an object list: MAMUT's first #TRANS.
[ "$(sqlite3 l.db "SELECT t.objects, t.amount, t.text FROM ledger_trans t JOIN ledger_voucher v ON v.id = t.voucher_id JOIN ledger_import i ON i.id = v.import_id WHERE i.file LIKE '%MAMUT%' AND t.account = '3051' ORDER BY t.rowid LIMIT 1")" = '1 "2" 10 "12"|-30105000|30083 Svenska Mässan i Göteborg, 12' ] ||
	fail "MAMUT's first 3051 line was not stored as read"
# One audit row per import.
[ "$(sqlite3 l.db "SELECT count(*) FROM audit_log WHERE tbl = 'ledger_import'")" = 12 ] ||
	fail "expected one audit row per import"
