# styr economy drift prints the operating accounts of the seeds: prognos
# 2020-04-30, delår 2020-07-31, årsredovisning 2020 and 2024, MER-plan 2023,
# as the reports' own table (the text renderer's columns), with the
# figures the data states otherwise listed under it.
. "$TOP/tests/e2e/lib.sh"
. "$TOP/tests/e2e/lib-economy.sh"
example_db a.db

run_styr 0 economy drift a.db --year 2020 --occasion 2020-04-30
row out.txt "Intäkter" -34 559 -11 539 -34 611 52
row out.txt "Personalkostnader" 12 337 3 321 11 336 1 001
row out.txt "Övrigt tjänsteköp" 1 015 1 041 2 276 -1 261
row out.txt "Kapitalkostnader" 11 728 3 607 11 120 608
row out.txt "Summa" 0 -1 923 0 0

run_styr 0 economy drift a.db --year 2020 --occasion 2020-07-31
row out.txt "Personalkostnader" 12 337 5 672 10 800 1 537
row out.txt "Övrigt tjänsteköp" 1 015 2 212 2 810 -1 795
row out.txt "Summa" 0 -1 579 -420 420

# The year's default is its last occasion: the annual report.
run_styr 0 economy drift a.db --year 2020
expect_contains out.txt "Årsredovisning 2020 för Sydnärkes IT-nämnd (2020-12-31)"
expect_contains out.txt "Kontotext                         Budget 2020  Utfall 2020  Avvikelse"
row out.txt "TOTALT INTÄKTER" -34 559 -34 663 104
row out.txt "UTRUSTNING OCH DATAKOMMUNIKATION" 2 580 1 738 842
row out.txt "TJÄNSTER" 1 015 4 985 -3 970
row out.txt "TOTALT KOSTNADER" 34 559 35 486 -927
row out.txt "NETTORESULTAT" 0 823 -823

run_styr 0 economy drift a.db --year 2024
row out.txt "TOTALT INTÄKTER" -43 306 -43 860 554
row out.txt "LICENSER & SERVICEAVTAL" 11 143 13 065 -1 922
row out.txt "TOTALT KOSTNADER" 43 306 44 712 -1 406
row out.txt "NETTORESULTAT" 0 852 -852
# Seed error kept and flagged: 100 − 48 = 52, the document says 53.
row out.txt "RESOR & KURSER" 100 48 52
expect_contains out.txt "RESOR & KURSER                       100           48         52"
expect_contains out.txt "Skillnader mot dokumentet:"
expect_contains out.txt "- RESOR & KURSER, avvikelse = budget − utfall: 52; dokumentet anger 53"
[ "$(grep -c '^- ' out.txt)" -eq 1 ] || fail "one figure differs from the document in 2024"

# The prognos has no difference to list, and its columns are the report's.
run_styr 0 economy drift a.db --occasion 2020-04-30
expect_contains out.txt "Kontotext                Budget   Utfall 200430  Årsprognos  Avvikelse"
! grep -q "Skillnader mot dokumentet" out.txt || fail "2020-04-30 lists differences"

# The plan view: budget 2023, budget 2022, change, with the contributions.
run_styr 0 economy drift a.db --year 2023
expect_contains out.txt "Driftbudget"
expect_contains out.txt "Kontotext                        Budget 2023  Budget 2022  Förändring"
row out.txt "Lekeberg" -9 755 -9 316 -439
row out.txt "Hallsberg" -14 012 -13 063 -949
row out.txt "Driftbidrag och övriga intäkter" -41 391 -39 012 -2 379
row out.txt "Licenser och serviceavtal" 8 400 7 378 1 022
row out.txt "Kostnader" 41 391 39 012 2 379

run_styr 0 economy drift a.db --year 2024 --json
expect_contains out.txt '"deviation": 52000'
expect_contains out.txt '"stated_deviation": 53000'
