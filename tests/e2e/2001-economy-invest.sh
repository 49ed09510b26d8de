# styr economy invest: the investment tables; the total's percent used is
# total outcome / total budget (21,0), not the seed's mean of the rows (17,14).
. "$TOP/tests/e2e/lib.sh"
example_db a.db

run_styr 0 economy invest a.db --year 2020 --occasion 2020-04-30
expect_contains out.txt "IT INVEST LEKEBERG                       1 478         137       1 341         9,3       1 478           0"
expect_contains out.txt "IT INVEST GEMENSAMT                      3 000       1 131       1 869        37,7       3 000           0"
expect_contains out.txt "Summa                                   10 769       2 261       8 508        21,0      10 769           0  (procent i underlaget 17,14)"

run_styr 0 economy invest a.db --occasion 2020-07-31
expect_contains out.txt "Summa                                   10 769       5 227"

run_styr 0 economy invest a.db --year 2020
expect_contains out.txt "IT INVEST LEKEBERG                       1 478       2 291        -813"
expect_contains out.txt "TOTALT INVESTERAT 2018                  10 769      11 227        -458"
expect_contains out.txt "Varav Sydnet 2.0"
expect_contains out.txt "Sydnet 2.0                                           1 523"
expect_contains out.txt "Hallsberg                                              666                                 -22"

run_styr 0 economy invest a.db --year 2024
expect_contains out.txt "IT-INVEST. GEMENSAMT                     3 000       5 077      -2 077"
expect_contains out.txt "TOTALT INVESTERAT 2024                  11 334      12 486      -1 152"

run_styr 0 economy invest a.db --year 2020 --occasion 2020-04-30 --json
expect_contains out.txt '"percent_used": 21.0'
expect_contains out.txt '"stated_percent": 17.14'
