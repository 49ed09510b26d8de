# styr assignments: the "Fattade politiska beslut" tables of Prognosrapport
# 1-2020 and Delårsrapport 2020 with their rows, statuses and counts.
. "$TOP/tests/e2e/lib.sh"
example_db a.db
tab=$(printf '\t')
run_styr 0 assignments a.db --occasion 2020-04-30
expect_contains out.txt "Beslut${tab}Status${tab}Kommentar"
# Rows as Prognosrapport 1-2020 prints them.
expect_contains out.txt "Uppdrag till förvaltningschefen att genomföra förstudien kring datakapacitet och infrastruktur (SYD-IT 18-27)${tab}Avslutad${tab}Åtterrapporerad till nämnden 2019-01-30."
expect_contains out.txt "Uppdrag till förvaltningen att slutföra projektet \"gemensam IT-plattform\" 2018 (SYD-IT14-26), § 13, 2018-05-16${tab}Avslutad${tab}Blev klar under hösten 2019."
expect_contains out.txt "Uppdrag till förvaltningschef att inleda en dialog med Lekebergs kommun om hur lokalfrågan ska lösas. (SYD-IT 19-49)${tab}Pågår${tab}Finns uppdrag hos LEBO/LEKO att se över kommunhuset."
expect_contains out.txt "Uppdrag till förvaltningschef för Sydnärkes IT-förvaltning att initiera och vid behov facilitera genomförandet av informationsklassificering i medlemskommunerna. (Syd-IT 19-61)${tab}Pågår${tab}Uppstartat i Hallsberg, ligger vilande pga resursbrist."
expect_contains out.txt "Uppdrag till Sydnärkes IT-förvaltning att ta fram en kompetenstryggande${tab}Avslutad${tab}Antogs på nämndens sammanträde i februari"
# Nine rows in the table: 3 Pågår, 6 Avslutad; the text states 6 and 5.
[ "$(grep -c "${tab}Pågår${tab}" out.txt)" -eq 3 ] || fail "expected 3 Pågår rows"
[ "$(grep -c "${tab}Avslutad${tab}" out.txt)" -eq 6 ] || fail "expected 6 Avslutad rows"
expect_contains out.txt "Totalt finns 3 st pågående uppdrag och 6 är avslutade."
expect_contains out.txt "Rapporten anger: 6 pågående (avviker från tabellen), 5 avslutade (avviker från tabellen), 3 nya."
# Open ones come first, the oldest open one (SYD-IT 19-49) at the top.
sed -n 4p out.txt | grep -qF "(SYD-IT 19-49)" || fail "the oldest open assignment is not first"

run_styr 0 assignments a.db --occasion 2020-07-31
expect_contains out.txt "Fattade politiska beslut — Delårsrapport 2020 (2020-07-31)"
expect_contains out.txt "Uppdrag till förvaltningschefen att genomföra aktiviteter i linje med den kompetenstryggande strategin${tab}Pågår${tab}Samverkat med fackliga organisationer och upphandling går ut tredje kvartal."
expect_contains out.txt "Uppdrar till förvaltningschefen att ta frågan om digitaliseringsledare vidare till beredningsgruppen.${tab}Pågår${tab}"
[ "$(grep -c "${tab}Pågår${tab}" out.txt)" -eq 6 ] || fail "expected 6 Pågår rows"
expect_contains out.txt "Totalt finns 6 st pågående uppdrag och 0 är avslutade."
expect_contains out.txt "Sedan senaste rapporteringen (Prognosrapport 1-2020) har 3 nya uppdrag tillkommit: kompetenstryggande-aktiviteter, digitaliseringsledare, msb-sakerhetsatgarder."

run_styr 0 assignments a.db --occasion 2020-07-31 --json
expect_contains out.txt '"ongoing": 6'
expect_contains out.txt '"new": 3'
expect_contains out.txt '"case": "Syd-IT 19-57"'
run_styr 0 assignments a.db --occasion 2020-04-30 --json
expect_contains out.txt '"new": null'
expect_contains out.txt '"finished": 5'
expect_contains out.txt '"paragraph": 13'

run_styr 2 assignments a.db --occasion 2019-01-01
expect_contains err.txt "no report occasion '2019-01-01'"
run_styr 2 assignments a.db
expect_contains err.txt "--occasion is required"
