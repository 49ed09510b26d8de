# styr control: the 2020 internal-control report of the 2021-02-10
# protocol (§ 4): risk matrix, risks, follow-ups, conclusions, actions.
# The text view is the plan's sections of `styr report internkontroll`,
# drawn by the text renderer.
. "$TOP/tests/e2e/lib.sh"
example_db a.db
run_styr 0 control a.db --year 2020
expect_file "$TOP/tests/e2e/3002-control.expected" out.txt
cp out.txt view.txt
tr '\n' ' ' <view.txt | tr -s ' ' >flat.txt
expect_contains view.txt "Intern kontroll 2020 — Internkontrollrapport Sydnärkes IT-nämnd 2020 (Syd-IT 21-2)"
# The grades as section 1.1 Riskbedömningsmatris explains them.
expect_contains view.txt "   4  Sannolik (det är mycket troligt att fel   Allvarlig (konsekvenserna för"
expect_contains view.txt "   1  Osannolik (risken är praktiskt taget      Försumbar (konsekvensen för"
# The matrix with the seed's labels; risks 1 and 3 at 2 × 3, 2 and 4 at 2 × 4, 5 at 3 × 2.
expect_contains view.txt "Sannolikhet \\ Konsekvens  1 Försumbar  2 Lindrig  3 Kännbar  4 Allvarlig"
expect_contains view.txt "4 Sannolik                          0          0          0            0"
expect_contains view.txt "3 Möjlig                            0          1          0            0"
expect_contains view.txt "2 Mindre sannolik                   0          0          2            2"
expect_contains view.txt "1 Osannolik                         0          0          0            0"
# "5 Medium Totalt: 5"
expect_contains view.txt "Medium  5–8                   5"
grep -q "^Totalt  *5$" view.txt || fail "expected Totalt 5 risks"
expect_contains view.txt "Utan riskvärde (sannolikhet eller konsekvens saknas): Att flextidsavtalet inte efterlevs."
# The risk table as in the report: values 6, 8, (none), 6, 8, 6.
expect_contains view.txt "Administration       1 Nämndens beslut                   2. Mindre sannolik  3. Kännbar            6"
expect_contains view.txt "Ekonomi              2 Inköp enligt ramavtal följs inte  2. Mindre sannolik  4. Allvarlig          8"
grep -q "^Personal  *Att flextidsavtalet inte efterlevs$" view.txt || fail "a missing grade is not left empty"
expect_contains view.txt "Verksamhetsspecifik  3 Förvaltningen har inte kontroll   2. Mindre sannolik  3. Kännbar            6"
expect_contains view.txt "                     4 Säkerhetskopierings systemet      2. Mindre sannolik  4. Allvarlig          8"
expect_contains view.txt "                     5 Supportärenden dokumenteras       3. Möjlig           2. Lindrig            6"
# Follow-ups with statuses, dates and who was responsible: 13 in all.
[ "$(grep -c "^Sammanställning" view.txt)" -eq 13 ] || fail "expected 13 follow-ups"
expect_contains view.txt "Sammanställning           Mindre avvikelser  2020-12-31  Kajsa Rosén"
expect_contains view.txt "Sammanställning tillfälle 1  Inga avvikelser  2020-04-30  Adam Kolthoff"
expect_contains view.txt "Sammanställning           Mindre avvikelser  2020-06-30  Marcus Cederberg"
expect_contains view.txt "Sammanställning 1  Ej påbörjad  2020-12-31  Annelie Damin (borttagen)"
expect_contains view.txt "Sammanställning tillfälle 3  Inga avvikelser    2020-12-31  Azra Prepic"
expect_contains flat.txt "Metod: Kör rapport i verksamhetssystemet Efecte för att se avvikelser gentemot förvaltningens rutiner."
expect_contains view.txt "Sammanställning tillfälle 2  Större avvikelser  2020-06-30  Azra Prepic  Gamla ärenden 62 st"
expect_contains flat.txt "Endast mindre avvikelser totalt sett men positivt att inga avvikelser noterats"
# No actions: the heading ends the view, with no table under it.
[ "$(tail -n 2 view.txt | head -n 1)" = "2.6 Åtgärder" ] || fail "actions should be empty"
# From 1.1 on it is the report's text, line for line.
run_styr 0 report internkontroll a.db --year 2020 --format text -o -
sed -n '/^1.1 Riskbedömningsmatris$/,/^2.6 Åtgärder$/p' out.txt >report.txt
sed -n '/^1.1 Riskbedömningsmatris$/,/^2.6 Åtgärder$/p' view.txt >sections.txt
expect_file report.txt sections.txt

run_styr 0 control a.db --year 2020 --json
expect_contains out.txt '"text": "Att flextidsavtalet inte efterlevs",'
grep -A3 '"text": "Att flextidsavtalet inte efterlevs"' out.txt | grep -qF '"probability": null' \
	|| fail "missing probability is not null"
expect_contains out.txt '"level": "Medium"'
expect_contains out.txt '"probability": ['
expect_contains out.txt '"comment": "Gamla ärenden 62 st ärenden som är äldre än 1 månad'

run_styr 2 control a.db --year 2019
expect_contains err.txt "no internal-control plan for 2019 (plans: 2020)"
run_styr 2 control a.db
expect_contains err.txt "--year"
