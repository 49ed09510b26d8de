# A second committee, entered from data files alone (examples/lonenamnd):
# a joint salary committee of two municipalities with case numbers "GLN
# YYYY/N", a result split by fixed shares (70/30), a 3 × 3 risk scale
# with its own areas, its own words and standing items, and protocols
# from § 23 of a year that started before styr. Every report of it holds
# its own words, names and years, and none of the example committee's.
. "$TOP/tests/e2e/lib.sh"
"$STYR" init g.db >/dev/null
run_styr 0 load g.db "$TOP/examples/lonenamnd"
run_styr 0 check g.db
expect_contains out.txt "no findings"

: >all.txt
report() {
	run_styr 0 report "$@" --format text -o -
	cp out.txt "$1.txt"
	cat out.txt >>all.txt
}
report mer-plan g.db --year 2025
report prognos g.db --occasion 2025-04-30
report delar g.db --occasion 2025-08-31
report arsredovisning g.db --year 2025
report internkontroll g.db --year 2025
report protokoll g.db --meeting 2025-09-17
report utdrag g.db --meeting 2025-09-17 --paragraph 25
for f in html xlsx pdf; do
	run_styr 0 report arsredovisning g.db --year 2025 --format $f -o ar.$f
	run_styr 0 report internkontroll g.db --year 2025 --format $f -o ik.$f
done
# Views print the same sections.
for v in "economy split g.db --year 2025" "control g.db --year 2025" \
         "assess g.db --year 2025" "meeting show g.db 2025-09-17" "case list g.db"; do
	run_styr 0 $v
	cat out.txt >>all.txt
done
cat ar.html ik.html >>all.txt

# Nothing of the example committee: its names, places, case prefix, words
# and years.
for word in Sydnärke Sydnarke Syd-IT SYD-IT Lekeberg Laxå Askersund Hallsberg Fjugesta \
            "IT-nämnd" MER-styrning MER-plan Kontotext "Förvaltningschefen informerar" \
            Förvaltningschef "invånarantal"; do
	if grep -n -F -- "$word" all.txt >found.txt; then
		head -n 5 found.txt
		fail "the second committee's reports say \"$word\""
	fi
done
if grep -n -E '(^|[^0-9])(20(1[0-9]|2[0-4])|2028|2029)([^0-9]|$)' all.txt >found.txt; then
	head -n 5 found.txt
	fail "a year that is not the committee's (2025-2027)"
fi

# Its own: names, case numbers in its form, words, years.
expect_contains all.txt "Gemensamma lönenämnden"
expect_contains all.txt "GLN 2025/14"
expect_contains all.txt "GLN 2025/14-1 - Lönesättning vid nyanställning"
expect_contains prognos.txt "2 Mål och uppföljning"
expect_contains arsredovisning.txt "Verksamhet               Budget 2025"
expect_contains mer-plan.txt "Målvärde 2027"
# Targets in its own words, judged (årsredovisning 2025).
expect_row arsredovisning.txt "Rätt lön i rätt tid" "Andel felaktiga" "0,4 %" "≤ 0,5 %" "Uppnådd"
expect_row arsredovisning.txt "" "Antal sena" "3 st" "max 2 st" "Ej uppnådd"
expect_row arsredovisning.txt "" "Kostnad per" "64" "under 60" "Delvis uppnådd"
expect_row arsredovisning.txt "Effektiv och digital" "Nöjd kund-index bland" "72" "över 70" "Uppnådd"
expect_contains arsredovisning.txt "2 st av 2 bedöms uppnås delvis, vilket gör att nämndmålen uppnås delvis"
# The surplus of 480 tkr by the fixed shares 70/30: 336 and 144.
expect_contains arsredovisning.txt "Resultatet -480 tkr fördelat efter fasta andelar"
grep -q "^Västerås  *70  *-336$" arsredovisning.txt || fail "Västerås 70 % -336"
grep -q "^Surahammar  *30  *-144$" arsredovisning.txt || fail "Surahammar 30 % -144"
grep -q "^Summa  *100  *-480$" arsredovisning.txt || fail "Summa 100 % -480"
# The 3 × 3 matrix with its labels and areas.
expect_contains internkontroll.txt "Sannolikhet \\ Konsekvens  1 Liten  2 Märkbar  3 Allvarlig"
expect_row internkontroll.txt "2 Medel" 0 1 1
expect_row internkontroll.txt "1 Låg" 0 0 1
expect_row internkontroll.txt "Lönehantering" "1 Felaktiga utbetalningar av lön" "2. Medel" "3. Allvarlig" 6
expect_contains internkontroll.txt "2.3 Informationssäkerhet"
# The protocol runs from § 23; the two municipalities' anslag.
expect_contains protokoll.txt "Protokollet innehåller paragraferna §§23-28"
expect_contains protokoll.txt "SURAHAMMARS KOMMUN"
expect_contains protokoll.txt "VÄSTERÅS KOMMUN"
expect_row protokoll.txt "Surahammar" 2025-09-26 2025-10-17 2025-10-18

# Working on: the next case and § follow its own form and numbering.
run_styr 0 case new g.db --title "Budget 2026" --date 2025-10-01
[ "$(cat out.txt)" = "GLN 2025/17" ] || fail "next case: $(cat out.txt)"
run_styr 0 meeting new g.db 2025-11-12
run_styr 0 meeting agenda g.db 2025-11-12 --standard --item "Budget 2026 (GLN 2025/17)"
expect_contains out.txt "- §29 Upprop"
expect_contains out.txt "- §31 Budget 2026 (GLN 2025/17)"
expect_contains out.txt "- §33 Övriga frågor"
run_styr 0 check g.db
# Its data dumps and reloads unchanged.
run_styr 0 dump g.db
cp out.txt dump1.json
"$STYR" init h.db >/dev/null
run_styr 0 load h.db dump1.json
run_styr 0 dump h.db
expect_file dump1.json out.txt
