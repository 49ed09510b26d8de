# SIE files written here: one in UTF-8 (no #FORMAT), one in CP437 (#FORMAT
# PC8) with å ä ö as the bytes 0x86 0x84 0x94; escapes, object lists,
# an unknown record (skipped and counted) and an unbalanced voucher.
. "$TOP/tests/e2e/lib.sh"
"$STYR" init l.db >/dev/null

cat > utf8.se <<'S'
#FLAGGA 0
#SIETYP 4
#PROGRAM "Testprogram" 1.0
#FNAMN "Sydnärkes IT-nämnd"
#ORGNR 212000-1234
#RAR 0 20240101 20241231
#KONTO 5010 "Lön \"månad\" åäö"
#KTYP 5010 K
#DIM 1 "Kostnadsställe"
#OBJEKT 1 "Lkb" "Lekeberg Ö"
#IB 0 1930 1000.50
#PSALDO 0 202403 5010 {1 "Lkb"} 2500.75
#PBUDGET 0 202403 5010 {} 3000
#OKAND "något nytt" 1
#VER A 1 20240315 "Lön mars"
{
   #TRANS 5010 {1 "Lkb"} 2500.75 20240315 "Lön"
   #TRANS 1930 {} -2500.75
}
#VER A 2 20240316 "Felaktig"
{
   #TRANS 5010 {} 100.00
   #TRANS 1930 {} -99.99
}
S
run_styr 0 import sie l.db utf8.se
expect_contains out.txt "Företag: Sydnärkes IT-nämnd (212000-1234)"
expect_contains out.txt "teckenkodning UTF-8"
expect_contains out.txt "Överhoppade poster: 1 (#OKAND 1)"
expect_contains out.txt "Obalanserade verifikationer: 1"
expect_contains out.txt "  rad 20: serie A nr 2, summa 0,01 kr"
expect_contains out.txt "  #TRANS              4"
q() { sqlite3 l.db "$1"; }
[ "$(q "SELECT name, type FROM ledger_account WHERE number = '5010'")" = 'Lön "månad" åäö|K' ] || fail "account 5010"
[ "$(q "SELECT name FROM ledger_object WHERE code = 'Lkb'")" = 'Lekeberg Ö' ] || fail "object Lkb"
[ "$(q "SELECT amount FROM ledger_balance WHERE kind = 'IB'")" = 100050 ] || fail "#IB 1000.50 is 100050 öre"
[ "$(q "SELECT kind, year, month, objects, amount FROM ledger_period ORDER BY kind")" = 'budget|2024|3||300000
outcome|2024|3|1 "Lkb"|250075' ] || fail "period rows"
[ "$(q "SELECT sum(amount) FROM ledger_trans")" = 1 ] || fail "the unbalanced voucher keeps its lines"

# The same in CP437: 0x86 å, 0x84 ä, 0x94 ö, 0x99 Ö.
printf '#FLAGGA 0\r\n#FORMAT PC8\r\n#SIETYP 4\r\n#FNAMN "Sydn\204rkes IT-n\204mnd"\r\n#KONTO 5010 "L\224n \206\204\224 \231"\r\n' > cp437.se
run_styr 0 import sie l.db cp437.se --json
expect_contains out.txt '"company": "Sydnärkes IT-nämnd"'
expect_contains out.txt '"encoding": "CP437"'
expect_contains out.txt '"#KONTO": 1'
[ "$(q "SELECT name FROM ledger_account WHERE number = '5010' AND import_id = 2")" = 'Lön åäö Ö' ] || fail "CP437 account name"

# An unknown record inside a voucher block is skipped too; #RTRANS is not
# counted in the voucher's sum (its #TRANS repeats it).
printf '#SIETYP 4\n#VER B 1 20240101\n{\n#TRANS 1930 {} 5\n#RTRANS 3010 {} -5\n#TRANS 3010 {} -5\n#NYPOST 1 2\n}\n' > block.se
run_styr 0 import sie l.db block.se
expect_contains out.txt "Överhoppade poster: 2 (#RTRANS 1, #NYPOST 1)"
expect_contains out.txt "Obalanserade verifikationer: 0"
