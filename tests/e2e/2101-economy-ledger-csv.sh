# A CSV import feeds the outcome per report line exactly as an SIE import
# does: the same figures booked as monthly CSV rows give the same lines,
# sums and differences as the vouchers of e2e 2100 (worked out there by
# hand), up to the year's end and up to a month's end. A committee without
# line_mappings of its own gets the built-in Kommun-Bas lines.
. "$TOP/tests/e2e/lib.sh"
. "$TOP/tests/e2e/lib-economy.sh"
cat > l.se <<'S'
#FLAGGA 0
#SIETYP 4
#RAR 0 20240101 20241231
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
printf 'Period;Konto;Belopp\n202401;5010;900 000,00\n202401;5410;282 780,50\n202401;1930;-1 182 780,50\n202406;3010;-125 000\n202407;6110;300 000\n202407;7010;12 345,67\n202407;45011;5 000\n202407;4110;80 000\n202412;5010;10 000 000\n202412;3010;-40 000\n' > utfall.csv
example_db sie.db
example_db csv.db
run_styr 0 import sie sie.db l.se
run_styr 0 import csv csv.db utfall.csv --period 1 --account 2 --amount 3 --header
for until in "" "--until 2024-06-30" "--until 2024-07-31"; do
	run_styr 0 economy ledger sie.db --year 2024 $until --json
	sed -n '/"lines"/,/"unmapped"/p' out.txt >sie.txt
	grep '"total"' out.txt >>sie.txt
	run_styr 0 economy ledger csv.db --year 2024 $until --json
	sed -n '/"lines"/,/"unmapped"/p' out.txt >csv.txt
	grep '"total"' out.txt >>csv.txt
	expect_file sie.txt csv.txt
done
run_styr 0 economy ledger csv.db --year 2024
expect_contains out.txt "(CSV-import"
row out.txt "PERSONALKOSTNADER" 11 183 11 352 -169
row out.txt "Summa resultatkonton" 11 415
row out.txt "45011" 5
run_styr 0 economy ledger csv.db --year 2024 --until 2024-06-30
row out.txt "PERSONALKOSTNADER" 1 183
row out.txt "Summa resultatkonton" 1 058
# A CSV row is a whole month: a cut-off inside one is refused.
run_styr 2 economy ledger csv.db --year 2024 --until 2024-06-15
expect_contains err.txt "--until 2024-06-15: import 1 (utfall.csv) is a CSV file of whole months; expected the last day of a month such as 2024-06-30"
# Whole-year rows count at the year's end only. The newest import holds
# the year, as for SIE: only its 1 000 kr.
printf '5010;2024;1 000\n' > helar.csv
run_styr 0 import csv csv.db helar.csv --period 2 --account 1 --amount 3
run_styr 0 economy ledger csv.db --year 2024
expect_contains out.txt "(CSV-import 2: helar.csv)"
row out.txt "PERSONALKOSTNADER" 1 11 352 -11 351
run_styr 2 economy ledger csv.db --year 2024 --until 2024-06-30
expect_contains err.txt "holds 1 whole-year rows of 2024, which cannot be cut at 2024-06-30; expected 2024-12-31"

# A committee without line_mappings: the built-in Kommun-Bas lines.
"$STYR" init b.db >/dev/null
cat > org.json <<'JSON'
{ "municipalities": [ { "code": "1980", "name": "Västerås", "member": true } ],
  "committee": [ { "short_name": "BN", "name": "Byggnadsnämnden", "case_prefix": "BN",
                   "host_municipality": "1980" } ] }
JSON
run_styr 0 load b.db org.json
run_styr 0 import csv b.db utfall.csv --period 1 --account 2 --amount 3 --header
run_styr 0 economy ledger b.db --year 2024
expect_contains out.txt "rader enligt kommun-bas (inbyggd: Kommun-Bas kontoklass 3–8, SKR)"
row out.txt "VERKSAMHETENS INTÄKTER" -165
row out.txt "KÖP AV VAROR OCH TJÄNSTER" 80
row out.txt "PERSONALKOSTNADER" 11 183
row out.txt "ÖVRIGA VERKSAMHETSKOSTNADER" 312
row out.txt "FINANSIELLA POSTER OCH AVSKRIVNINGAR" 0
run_styr 0 economy ledger b.db --year 2024 --json
expect_contains out.txt '"builtin_mapping": true'
run_styr 2 economy ledger b.db --year 2024 --mapping egen
expect_contains err.txt 'no line_mappings rows for mapping "egen"'
