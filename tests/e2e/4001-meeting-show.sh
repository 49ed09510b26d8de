# styr meeting show on the example data prints the protocol of 2021-02-10
# (seed 004) in the seed's order with its content and dates; the expected
# text holds the seed's wording, typos included ("Sydärkes"). It is the
# protocol document of `styr report protokoll`, drawn by the same text
# renderer.
. "$TOP/tests/e2e/lib.sh"
example_db a.db
run_styr 0 meeting show a.db 2021-02-10
expect_file "$TOP/tests/e2e/4001-meeting-show.expected" out.txt
cp out.txt show.txt
cp err.txt show-err.txt
run_styr 0 report protokoll a.db --meeting 2021-02-10 --format text -o -
expect_file show.txt out.txt
# Lines exactly as in the seed (the renderer wraps long lines: compare
# the text with its line breaks as spaces).
tr '\n' ' ' <show.txt | tr -s ' ' >out.txt
expect_contains out.txt "Magnus Andersson (S) (ordförande) (Hallsbergs kommun (Distans))"
expect_contains out.txt "Bo Rudolfsson (KD) (vice ordförande) (Laxå kommun (Distans))"
expect_contains out.txt "§3 - Årsredovisning 2020 för Sydnärkes IT-nämnd (Syd-IT 21-1)"
expect_contains out.txt "13:00-13:45"
expect_contains out.txt "Kommunhuset, Hallsberg/Digitalt"
expect_contains out.txt "Torbjörn Appelqvist (M) (Hallsbergs"
expect_contains out.txt "Marcus Cederberg (Förvaltningschef (Distans))"
expect_contains out.txt "Protokollet innehåller paragraferna §§1-7"
expect_contains out.txt "LEKEBERGS KOMMUN"
# The bevis names each date under its own label: posted, last day of
# appeal, taken down (the seed printed the last as the end of the period).
expect_contains out.txt "Datum då anslaget sätts upp: 2021-02-24 Sista dag för överklagande: 2021-03-17 Datum då anslaget tas ned: 2021-03-18"
expect_contains out.txt "Kommunhuset i Fjugesta"
expect_contains out.txt "- §4 Uppföljning av intern kontroll Sydnärkes IT-nämnd 2020-12-31"
expect_contains out.txt "§4 - Uppföljning av intern kontroll Sydärkes IT-nämnd 2020-12-31 (Syd-IT 21-2)"
expect_contains out.txt "Redovisning omfattar delegationsbeslut fattade under perioden 2020-11-25 till och med 2021-02-03."
expect_contains out.txt "- Syd-IT 20-6-11 - Anmälan av delegationsbeslut - Uppsägning eller avskedande av personal"
expect_contains out.txt "- §87 KF Revidering av överenskommelse för Sydärkes IT-nämnd - Hallsbergs kommun"
# The delegation period is said once, as the description says it.
[ "$(grep -o "under perioden 2020-11-25" out.txt | wc -l)" -eq 1 ] || fail "period said twice"
# The one warning is the seed's own: a day too many for appeal.
[ "$(cat show-err.txt)" = "styr: warning: meeting 2021-02-10: the anslag in Lekeberg states the appeal period until 2021-03-18, later than the law gives: the last day of appeal is 2021-03-17 (2021-02-24 + 21 days, lag 1930:173); the report prints 2021-03-17" ] \
	|| { cat show-err.txt; fail "warnings on the seed protocol"; }
run_styr 0 meeting show a.db 2021-02-10 --json
expect_contains out.txt '"case": "Syd-IT 21-1"'
expect_contains out.txt '"until": "2021-03-18"'
expect_contains out.txt '"last_day": "2021-03-17"'
run_styr 2 meeting show a.db 2021-02-11
expect_contains err.txt "no meeting on '2021-02-11' (known: 2021-02-10)"
run_styr 0 meeting agenda a.db 2021-02-10
expect_contains out.txt "- §3 Årsredovisning 2020 för Sydnärkes IT-nämnd (Syd-IT 21-1)"
