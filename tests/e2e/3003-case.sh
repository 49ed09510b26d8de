# styr case: the register keeps numbers as written, finds them in any
# spelling and numbers new cases and documents from the year's sequence.
. "$TOP/tests/e2e/lib.sh"
example_db a.db
run_styr 0 case list a.db
expect_contains out.txt "Syd-IT 20-6-11"
expect_contains out.txt "Syd-IT 21-1 "
# Documents of case 20-6 in number order: 9, 10, 11.
[ "$(grep "Syd-IT 20-6-" out.txt | awk '{print $2}' | tr '\n' ' ')" = "20-6-9 20-6-10 20-6-11 " ] \
	|| fail "documents out of order"
run_styr 0 case list a.db --search "SYD-IT 21-1"
expect_contains out.txt "Årsredovisning 2020 för Sydnärkes IT-nämnd"
run_styr 0 case list a.db --search "SYD-IT20-6"
[ "$(wc -l <out.txt)" -eq 3 ] || fail "search for case 20-6 should give its 3 documents"
run_styr 0 case list a.db --search "intern kontroll"
expect_contains out.txt "Syd-IT 21-2"
# An assignment's case in another spelling.
run_styr 0 case show a.db "Syd-IT 19-49"
expect_contains out.txt "lokalfragan: Uppdrag till förvaltningschef att inleda en dialog med Lekebergs kommun om hur lokalfrågan ska lösas. (SYD-IT 19-49)"
run_styr 0 case show a.db "syd-it 14-26" --json
expect_contains out.txt '"normalised": "SYD-IT 14-26"'
expect_contains out.txt '"key": "gemensam-it-plattform"'
# 2021 has 21-1, 21-2 and a document in 21-4: the next case is 21-5.
run_styr 0 case new a.db --title "Delårsrapport 2021" --date 2021-08-20
expect_contains out.txt "Syd-IT 21-5"
run_styr 0 case new a.db --year 2021 --title "Intern kontroll 2021"
expect_contains out.txt "Syd-IT 21-6"
run_styr 0 case new a.db --in "syd-it 20-6" --title "Anmälan av delegationsbeslut - avtal"
expect_contains out.txt "Syd-IT 20-6-12"
run_styr 0 case new a.db --year 2022 --title "Första 2022"
expect_contains out.txt "Syd-IT 22-1"
run_styr 0 log a.db --table case_file --last 1
expect_contains out.txt '"number":"Syd-IT 22-1"'
run_styr 2 case new a.db --in "Syd-IT 20-99" --title "x"
expect_contains err.txt "no case Syd-IT 20-99 in the register"
run_styr 2 case new a.db --title "x"
expect_contains err.txt "--year or --date is required"
run_styr 2 case show a.db "Syd-IT 17-1"
expect_contains err.txt "no case Syd-IT 17-1"
run_styr 2 case frob a.db
expect_contains err.txt "'frob' is not a subcommand of styr case"
