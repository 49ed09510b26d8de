# styr economy invest: the investment tables as the reports draw them, with
# deviation and percent used wherever there are budget and outcome; the
# total's percent used is total outcome / total budget (21,0), not the
# seed's mean of the rows (17,14), which the list under the table names.
. "$TOP/tests/e2e/lib.sh"
. "$TOP/tests/e2e/lib-economy.sh"
example_db a.db

# Prognos: budget, outcome, deviation, percent, forecast, its deviation.
run_styr 0 economy invest a.db --year 2020 --occasion 2020-04-30
row out.txt "IT INVEST|LEKEBERG" 1 478 137 1 341 9,3 1 478 0
row out.txt "IT INVEST LAXÅ" 1 336 51 1 285 3,8 1 336 0
row out.txt "IT INVEST|GEMENSAMT" 3 000 1 131 1 869 37,7 3 000 0
row out.txt "Summa" 10 769 2 261 8 508 21,0 10 769 0
expect_contains out.txt "- Summa, procent förbrukning: 21,0; dokumentet anger 17,14"

# Delår: the document prints no budget − outcome; the detail has it.
run_styr 0 economy invest a.db --occasion 2020-07-31
row out.txt "IT INVEST|LEKEBERG" 1 478 621 857 42,0 1 478 0
row out.txt "Summa" 10 769 5 227 5 542 48,5 10 769 0

# Annual report 2020: the main table, then Sydnet 2.0 with what remains
# of each member's frame (the document gives no budget per member).
run_styr 0 economy invest a.db --year 2020
expect_contains out.txt "Projekt                 Budget 2020  Utfall 2020  Avvikelse  Procent förbrukning"
row out.txt "IT INVEST LEKEBERG" 1 478 2 291 -813 155,0
row out.txt "TOTALT INVESTERAT 2018" 10 769 11 227 -458 104,3
[ "$(grep -x -A 1 "Sydnet 2.0" out.txt | tail -n 1)" = "Projekt     Utfall 2020  Återstår" ] ||
	{ cat out.txt; fail "Sydnet 2.0 should have outcome and remaining only"; }
row out.txt "Lekeberg" 320 312
row out.txt "Hallsberg" 666 -22
row out.txt "Sydnet 2.0" 1 523

run_styr 0 economy invest a.db --year 2024
row out.txt "IT-INVEST. GEMENSAMT" 3 000 5 077 -2 077 169,2
row out.txt "TOTALT INVESTERAT 2024" 11 334 12 486 -1 152 110,2
! grep -q "Skillnader mot dokumentet" out.txt || fail "2024 lists differences"

run_styr 0 economy invest a.db --year 2020 --occasion 2020-04-30 --json
expect_contains out.txt '"percent_used": 21.0'
expect_contains out.txt '"stated_percent": 17.14'
