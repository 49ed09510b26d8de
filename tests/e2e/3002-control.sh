# styr control: the 2020 internal-control report of the 2021-02-10
# protocol (§ 4): risk matrix, risks, follow-ups, conclusions, actions.
. "$TOP/tests/e2e/lib.sh"
example_db a.db
tab=$(printf '\t')
run_styr 0 control a.db --year 2020
expect_contains out.txt "Intern kontroll 2020 — Internkontrollrapport Sydnärkes IT-nämnd 2020 (Syd-IT 21-2)"
# The matrix with the seed's labels; risks 1 and 3 at 2 × 3, 2 and 4 at 2 × 4, 5 at 3 × 2.
expect_contains out.txt "1 Försumbar     2 Lindrig       3 Kännbar       4 Allvarlig"
expect_contains out.txt "4 Sannolik"
expect_contains out.txt "3 Möjlig             3 Låg           6 Medium [5]"
expect_contains out.txt "2 Mindre sannolik    2 Låg           4 Låg           6 Medium [1,3]  8 Medium [2,4]"
expect_contains out.txt "1 Osannolik"
# "5 Medium Totalt: 5"
expect_contains out.txt "Medium (5–8, #ffc107): 5"
expect_contains out.txt "Totalt: 5"
expect_contains out.txt "Utan riskvärde (sannolikhet eller konsekvens saknas): Att flextidsavtalet inte efterlevs"
# The risk table as in the report.
expect_contains out.txt "Administration${tab}1  Nämndens beslut genomförs/verkställs inte av förvaltningen${tab}2. Mindre sannolik${tab}3. Kännbar${tab}6"
expect_contains out.txt "Ekonomi${tab}2  Inköp enligt ramavtal följs inte${tab}2. Mindre sannolik${tab}4. Allvarlig${tab}8"
expect_contains out.txt "Personal${tab}Att flextidsavtalet inte efterlevs${tab}saknas${tab}saknas${tab}saknas"
expect_contains out.txt "Verksamhetsspecifik${tab}5  Supportärenden dokumenteras inte enligt rutin${tab}3. Möjlig${tab}2. Lindrig${tab}6"
# Follow-ups with dates, statuses and who was responsible.
expect_contains out.txt "  Sammanställning tillfälle 2${tab}Mindre avvikelser${tab}2020-12-31${tab}Kajsa Rosén"
expect_contains out.txt "  Sammanställning tillfälle 1${tab}Inga avvikelser${tab}2020-04-30${tab}Adam Kolthoff"
expect_contains out.txt "  Sammanställning tillfälle 1${tab}Mindre avvikelser${tab}2020-06-30${tab}Marcus Cederberg"
expect_contains out.txt "  Sammanställning 1${tab}Ej påbörjad${tab}2020-12-31${tab}Annelie Damin (borttagen)"
expect_contains out.txt "  Sammanställning tillfälle 2${tab}Större avvikelser${tab}2020-06-30${tab}Azra Prepic"
expect_contains out.txt "  Sammanställning tillfälle 3${tab}Inga avvikelser${tab}2020-12-31${tab}Azra Prepic"
expect_contains out.txt "Metod: Kör rapport i verksamhetssystemet Efecte för att se avvikelser gentemot förvaltningens rutiner."
expect_contains out.txt "Kommentar: Gamla ärenden 62 st ärenden som är äldre än 1 månad"
[ "$(grep -c "^  Sammanställning" out.txt)" -eq 13 ] || fail "expected 13 follow-ups"
expect_contains out.txt "Endast mindre avvikelser totalt sett men positivt att inga avvikelser noterats"
grep -A1 "^Åtgärder" out.txt | grep -qF "(inga angivna)" || fail "actions should be empty"

run_styr 0 control a.db --year 2020 --json
expect_contains out.txt '"text": "Att flextidsavtalet inte efterlevs",'
grep -A3 '"text": "Att flextidsavtalet inte efterlevs"' out.txt | grep -qF '"probability": null' \
	|| fail "missing probability is not null"
expect_contains out.txt '"level": "Medium"'
expect_contains out.txt '"probability": ['

run_styr 2 control a.db --year 2019
expect_contains err.txt "no internal-control plan for 2019 (plans: 2020)"
run_styr 2 control a.db
expect_contains err.txt "--year"
# The grade table of section 1.1 Riskbedömningsmatris.
run_styr 0 control a.db --year 2020
expect_contains out.txt "4${tab}Sannolik (det är mycket troligt att fel ska uppstå)${tab}Allvarlig (konsekvenserna för verksamheten skulle vara allvarliga)"
expect_contains out.txt "1${tab}Osannolik (risken är praktiskt taget obefintlig att fel ska uppstå)${tab}Försumbar (konsekvensen för verksamheten är försumbar och kan negligeras)"
