# styr economy ledger: the outcome per Kommun-Bas report line summed from
# an imported SIE 4 file (UTF-8, å ä ö in account names), compared with
# the stored outcome of the 2024 annual report (2024-12-31), and the
# result account no range covers (the 5-digit 45011). The expected sums
# are worked out by hand from the file below.
. "$TOP/tests/e2e/lib.sh"
. "$TOP/tests/e2e/lib-economy.sh"
example_db a.db

cat > l.se <<'S'
#FLAGGA 0
#SIETYP 4
#FNAMN "Sydnärkes IT-nämnd"
#RAR 0 20240101 20241231
#RAR -1 20230101 20231231
#KONTO 1930 "Bank"
#KONTO 3010 "Försäljning åäö"
#KONTO 4110 "Köp av datorer"
#KONTO 5010 "Löner"
#KONTO 5410 "Sociala avgifter"
#KONTO 6110 "Licenser & serviceavtal"
#KONTO 7010 "Resor"
#KONTO 45011 "Övrigt köp åäö"
#RES 0 3010 -165000.00
#RES 0 5010 10900000.00
#VER A 1 20240131 "Januari"
{
   #TRANS 5010 {} 900000.00
   #TRANS 5410 {} 282780.50
   #TRANS 1930 {} -1182780.50
}
#VER A 2 20240630 "Juni"
{
   #TRANS 3010 {} -125000.00
   #TRANS 1930 {} 125000.00
}
#VER A 3 20240701 "Juli"
{
   #TRANS 6110 {} 300000.00
   #TRANS 7010 {} 12345.67
   #TRANS 45011 {} 5000
   #TRANS 4110 {} 80000
   #TRANS 1930 {} -397345.67
}
#VER A 4 20241231 "December"
{
   #TRANS 5010 {} 10000000.00
   #TRANS 3010 {} -40000
   #TRANS 1930 {} -9960000.00
}
S
run_styr 0 import sie a.db l.se
expect_contains out.txt "Obalanserade verifikationer: 0"

# Full year. 3010: −125 000 − 40 000 = −165 000. 4110: 80 000.
# 5010 + 5410: 900 000 + 282 780,50 + 10 000 000 = 11 182 780,50 → 11 183;
# the annual report stores 11 352, difference −169 219,50 → −169.
# 6110 + 7010: 300 000 + 12 345,67 = 312 345,67 → 312. 45011: 5 000, in
# no range. All result accounts: 11 415 126,17 → 11 415.
run_styr 0 economy ledger a.db --year 2024
expect_contains out.txt "Jämfört med lagrat utfall vid tillfälle 2024-12-31"
row out.txt "VERKSAMHETENS INTÄKTER" -165
row out.txt "KÖP AV VAROR OCH TJÄNSTER" 80
row out.txt "PERSONALKOSTNADER" 11 183 11 352 -169
row out.txt "ÖVRIGA VERKSAMHETSKOSTNADER" 312
row out.txt "FINANSIELLA POSTER OCH AVSKRIVNINGAR" 0
row out.txt "Summa resultatkonton" 11 415
expect_contains out.txt "Konton utanför raderna:"
row out.txt "45011 Övrigt köp åäö" 5

run_styr 0 economy ledger a.db --year 2024 --json
expect_contains out.txt '"occasion": "2024-12-31"'
expect_contains out.txt '"ledger": 11182780.5'
expect_contains out.txt '"stated": 11352000'
expect_contains out.txt '"difference": -169219.5'
expect_contains out.txt '"account": "45011"'
expect_contains out.txt '"total": 11415126.17'

# Up to 30 June: vouchers A 1 and A 2 only; no occasion has that cut-off.
run_styr 0 economy ledger a.db --year 2024 --until 2024-06-30
expect_contains out.txt "Inget rapporttillfälle har brytdatum 2024-06-30"
row out.txt "VERKSAMHETENS INTÄKTER" -125
row out.txt "KÖP AV VAROR OCH TJÄNSTER" 0
row out.txt "PERSONALKOSTNADER" 1 183
row out.txt "ÖVRIGA VERKSAMHETSKOSTNADER" 0
row out.txt "Summa resultatkonton" 1 058
if grep -q "Konton utanför" out.txt; then cat out.txt; fail "45011 is booked in July"; fi

# Bad input.
run_styr 2 economy ledger a.db --year 2024 --until 2025-01-01
expect_contains err.txt "--until 2025-01-01: expected a date in fiscal year 2024 (2024-01-01–2024-12-31)"
run_styr 2 economy ledger a.db --year 2024 --until 30/6
expect_contains err.txt '--until "30/6": expected a date YYYY-MM-DD'
run_styr 2 economy ledger a.db --year 2023
expect_contains err.txt 'no import with the outcome of 2023: import an SIE file with fiscal year 2023 (#RAR 0) with `styr import sie`, or outcome rows of 2023 with `styr import csv`'
run_styr 2 economy ledger a.db --year 2024 --mapping okänd
expect_contains err.txt 'no line_mappings rows for mapping "okänd"'
