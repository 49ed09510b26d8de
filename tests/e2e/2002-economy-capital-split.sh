# styr economy capital (MER-plan 2023) and split (2020, 2024).
. "$TOP/tests/e2e/lib.sh"
example_db a.db

run_styr 0 economy capital a.db --year 2023
expect_contains out.txt "internränta 1,25 %"
expect_contains out.txt "Gemensam IT-invest                       3 000         519        3 år         519"
expect_contains out.txt "IT-invest Askersund                      2 452         322        4 år         322"
expect_contains out.txt "IT-invest Hallsberg                      1 953         256        4 år         256"
# The 3/4-year split of Lekeberg and Laxå is not in the plan: a range.
expect_contains out.txt "IT-invest Lekeberg                       3 004     394–519  3 och 4 år         434"
expect_contains out.txt "IT-invest Laxå                           1 686     221–292  3 och 4 år         233"
expect_contains out.txt "TOTALT                                  12 095 1 712–1 908                   1 764"

run_styr 0 economy split a.db --year 2020
expect_contains out.txt "823 tkr efter folkmängd 2018-12-31"
expect_contains out.txt "Askersund                               11 313         227         227"
expect_contains out.txt "Hallsberg                               15 954         320         320"
expect_contains out.txt "Laxå                                     5 637         113         113"
expect_contains out.txt "Lekeberg                                 8 116         163         163"

run_styr 0 economy split a.db --year 2024
expect_contains out.txt "-852 tkr efter folkmängd 2022-12-31"
expect_contains out.txt "Lekeberg                                 8 756        -177        -177"
expect_contains out.txt "Laxå                                     5 576        -113        -113"
expect_contains out.txt "Askersund                               11 497        -233        -233"
expect_contains out.txt "Hallsberg                               16 290        -329        -329"
expect_contains out.txt "Summa                                   42 119        -852"

run_styr 0 economy split a.db --year 2024 --json
expect_contains out.txt '"part": -177000'
