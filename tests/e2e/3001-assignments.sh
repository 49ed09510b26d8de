# styr assignments: the "Fattade politiska beslut" tables of Prognosrapport
# 1-2020 and Delårsrapport 2020 with their rows, statuses and counts. The
# text view is the table of the reports (the control module's section,
# drawn by the text renderer) with the counts under it.
. "$TOP/tests/e2e/lib.sh"
example_db a.db
# flat FILE — FILE with its line breaks as spaces (the renderer wraps).
flat() { tr '\n' ' ' <"$1" | tr -s ' '; }
# row TEXT STATUS COMMENT — the JSON row with TEXT has STATUS and COMMENT.
row() {
	grep -F -A6 "\"text\": \"$1\"" out.txt >row.txt || { cat out.txt; fail "no row: $1"; }
	expect_contains row.txt "\"status\": \"$2\""
	[ -z "$3" ] || expect_contains row.txt "\"comment\": \"$3\""
}

run_styr 0 assignments a.db --occasion 2020-04-30
expect_file "$TOP/tests/e2e/3001-assignments.expected" out.txt
cp out.txt view.txt
flat view.txt >flat.txt
expect_contains view.txt "Fattade politiska beslut"
grep -q "^Beslut  *Status  *Kommentar$" view.txt || fail "no header Beslut | Status | Kommentar"
# Nine rows in the table: 3 Pågår, 6 Avslutad; the text states 6 and 5.
[ "$(grep -cE "  Pågår( |$)" view.txt)" -eq 3 ] || fail "expected 3 Pågår rows"
[ "$(grep -cE "  Avslutad( |$)" view.txt)" -eq 6 ] || fail "expected 6 Avslutad rows"
expect_contains view.txt "Totalt finns 3 st pågående uppdrag och 6 är avslutade."
expect_contains flat.txt "Rapporten anger: 6 pågående (avviker från tabellen), 5 avslutade (avviker från tabellen), 3 nya."
# Open ones come first, the oldest open one (SYD-IT 19-49) at the top.
awk '/^Beslut  / { h = 1; next } h && /^=+$/ { on = 1; next } on && /  (Pågår|Avslutad)( |$)/ && n++ { exit } on' view.txt \
	| tr '\n' ' ' | tr -s ' ' | grep -qF "(SYD-IT 19-49)" || fail "the oldest open assignment is not first"
# The table is the one of the report, which notes the counts instead.
run_styr 0 report prognos a.db --occasion 2020-04-30 --format text -o -
sed -n '/^Fattade politiska beslut$/,/^$/p' out.txt | grep -v "^Pågående: 3, avslutade: 6" >report.txt
sed -n '/^Fattade politiska beslut$/,/^$/p' view.txt >table.txt
expect_file report.txt table.txt
# Rows as Prognosrapport 1-2020 prints them (the same data as JSON).
run_styr 0 assignments a.db --occasion 2020-04-30 --json
row "Uppdrag till förvaltningschefen att genomföra förstudien kring datakapacitet och infrastruktur (SYD-IT 18-27)" Avslutad "Åtterrapporerad till nämnden 2019-01-30."
row "Uppdrag till förvaltningen att slutföra projektet \\\"gemensam IT-plattform\\\" 2018 (SYD-IT14-26), § 13, 2018-05-16" Avslutad "Blev klar under hösten 2019."
row "Uppdrag till förvaltningschef att inleda en dialog med Lekebergs kommun om hur lokalfrågan ska lösas. (SYD-IT 19-49)" Pågår "Finns uppdrag hos LEBO/LEKO att se över kommunhuset."
row "Uppdrag till förvaltningschef för Sydnärkes IT-förvaltning att initiera och vid behov facilitera genomförandet av informationsklassificering i medlemskommunerna. (Syd-IT 19-61)" Pågår "Uppstartat i Hallsberg, ligger vilande pga resursbrist."
row "Uppdrag till Sydnärkes IT-förvaltning att ta fram en kompetenstryggande" Avslutad "Antogs på nämndens sammanträde i februari"
expect_contains out.txt '"new": null'
expect_contains out.txt '"finished": 5'
expect_contains out.txt '"paragraph": 13'

run_styr 0 assignments a.db --occasion 2020-07-31
cp out.txt view.txt
flat view.txt >flat.txt
expect_contains view.txt "Delårsrapport 2020 (2020-07-31)"
[ "$(grep -cE "  Pågår( |$)" view.txt)" -eq 6 ] || fail "expected 6 Pågår rows"
expect_contains view.txt "Totalt finns 6 st pågående uppdrag och 0 är avslutade."
expect_contains flat.txt "Sedan senaste rapporteringen (Prognosrapport 1-2020) har 3 nya uppdrag tillkommit: kompetenstryggande-aktiviteter, digitaliseringsledare, msb-sakerhetsatgarder."
run_styr 0 assignments a.db --occasion 2020-07-31 --json
row "Uppdrag till förvaltningschefen att genomföra aktiviteter i linje med den kompetenstryggande strategin" Pågår "Samverkat med fackliga organisationer och upphandling går ut tredje kvartal."
row "Uppdrar till förvaltningschefen att ta frågan om digitaliseringsledare vidare till beredningsgruppen." Pågår ""
expect_contains out.txt '"ongoing": 6'
expect_contains out.txt '"new": 3'
expect_contains out.txt '"case": "Syd-IT 19-57"'

run_styr 2 assignments a.db --occasion 2019-01-01
expect_contains err.txt "no report occasion '2019-01-01'"
run_styr 2 assignments a.db
expect_contains err.txt "--occasion is required"
