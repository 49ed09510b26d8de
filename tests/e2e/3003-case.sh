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
STYR_NOW=2022-01-10 run_styr 0 case new a.db --year 2022 --title "Första 2022"
expect_contains out.txt "Syd-IT 22-1"
run_styr 0 log a.db --table case_file --last 1
expect_contains out.txt '"number":"Syd-IT 22-1"'
run_styr 2 case new a.db --in "Syd-IT 20-99" --title "x"
expect_contains err.txt "no case Syd-IT 20-99 in the register"
# Neither --year nor --date: registered today, in today's year.
STYR_NOW=2022-03-15 run_styr 0 case new a.db --title "Idag"
expect_contains out.txt "Syd-IT 22-2"
run_styr 0 case list a.db --search "Syd-IT 22-2" --json
expect_contains out.txt '"registered": "2022-03-15"'
# Closing a case: status avslutat and the day, in the audit log.
STYR_NOW=2022-04-01 run_styr 0 case close a.db "syd-it 22-2"
expect_contains out.txt "Syd-IT 22-2        2022-03-15 avslutat Idag (avslutat 2022-04-01)"
run_styr 0 case close a.db "Syd-IT 22-1" --date 2022-05-02
run_styr 0 case show a.db "Syd-IT 22-1" --json
expect_contains out.txt '"status": "avslutat"'
expect_contains out.txt '"closed": "2022-05-02"'
run_styr 2 case close a.db "Syd-IT 22-1"
expect_contains err.txt "case Syd-IT 22-1 is closed already (on 2022-05-02)"
run_styr 2 case close a.db "Syd-IT 22-2" --date 2022-03-01
expect_contains err.txt "case Syd-IT 22-2 is closed already (on 2022-04-01)"
run_styr 2 case close a.db "Syd-IT 21-60"
expect_contains err.txt "no case Syd-IT 21-60 in the register"
STYR_NOW=2021-09-01 run_styr 0 case new a.db --title "Sent" --date 2021-09-01
run_styr 2 case close a.db "Syd-IT 21-7" --date 2021-08-01
expect_contains err.txt "case Syd-IT 21-7: closed 2021-08-01 is before its registration 2021-09-01"
run_styr 0 log a.db --table case_file --last 4
expect_contains out.txt '"status":"öppet"} -> {"number":"Syd-IT 22-1","title":"Första 2022","registered":"2022-01-10","status":"avslutat","closed":"2022-05-02"}'
run_styr 2 case show a.db "Syd-IT 17-1"
expect_contains err.txt "no case Syd-IT 17-1"
run_styr 2 case frob a.db
expect_contains err.txt "'frob' is not a subcommand of styr case"
