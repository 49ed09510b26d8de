# styr plan copy carries the MER-plan 2023 structure, with its baselines and
# plan-year targets, to a new year and leaves 2023 as it was; it carries
# the year's assessment rules too, takes baselines from the last outcome,
# and lists the indicators it has no target for.
. "$TOP/tests/e2e/lib.sh"
example_db a.db
run_styr 2 plan copy a.db --from 2023 --to 2024
expect_contains err.txt "2024 already has goals and indicators; nothing copied"
run_styr 2 plan copy a.db --from 2019 --to 2026
expect_contains err.txt "2019 has no goals or indicators to copy"
run_styr 0 plan copy a.db --from 2023 --to 2025
expect_contains out.txt "copied 2023 to 2025: 4 kommunfullmäktiges mål, 3 nämndmål, 13 indikatorer, 4 målvärden"
# The plan 2023 sets targets for 2025 on four indicators only.
expect_contains out.txt "inget målvärde för 2025 (9 indikatorer):"
expect_contains out.txt "  2025-hme (Värde medarbetarundersökningen - Medarbetarengagemang (HME))"
[ "$(grep -c '^  2025-' out.txt)" -eq 9 ] || fail "nine indicators without a 2025 target"
run_styr 0 goals list a.db --year 2025
expect_contains out.txt "2025-handlaggningstid        Minska genomsnittlig ärendehanteringstid för incidenter; utgångsvärde 34 st; målvärde 2025: högst 10 st"
expect_contains out.txt "2025-mobila                  Införa återvinning/återbruk för nya mobila enheter.; utgångsvärde 25 st; målvärde 2025: 250 st"
run_styr 0 goals show a.db 2023-handlaggningstid
expect_contains out.txt "Målvärde 2023: högst 20 st"
expect_contains out.txt "Målvärde 2025: högst 10 st"
run_styr 0 log a.db --table indicator_target --last 1
expect_contains out.txt "250 st"
run_styr 2 plan copy a.db --from 2023 --to 2025
expect_contains err.txt "2025 already has goals and indicators"

# 2020 to 2021: the year's rules (delvis within 5 %, more than half) come
# along; baselines are 2020's outcomes in the annual report 2020
# (medarbetarengagemang 55 %, sjukfrånvaro 6,58 %, budget −823 tkr).
run_styr 0 plan copy a.db --from 2020 --to 2021
expect_contains out.txt "bedömningsregler för 2021 kopierade från 2020"
expect_contains out.txt "utgångsvärde från senaste utfall: 8 indikatorer"
expect_contains out.txt "inget målvärde för 2021 (11 indikatorer):"
[ "$(sqlite3 a.db "SELECT delvis, tolerance, goal_rule, summary, coalesce(stated_summary, '-') FROM goal_settings WHERE year = 2021")" = "tolerance|5|more-than-half|indicators|-" ] \
	|| fail "the 2020 rules for 2021, without 2020's stated summary"
run_styr 0 goals show a.db 2021-hme
expect_contains out.txt "utgångsvärde: 55%"
run_styr 0 goals show a.db 2021-sjukfranvaro
expect_contains out.txt "utgångsvärde: 6,58%"
run_styr 0 goals show a.db 2021-budgetram
expect_contains out.txt "utgångsvärde: -823 tkr"
# No values in 2021 yet: every nämndmål "kan ej bedömas", not "uppnås ej".
sqlite3 a.db "INSERT INTO occasion(key, kind, year, date, title) VALUES('2021-04-30', 'prognos', 2021, '2021-04-30', 'Prognosrapport 1-2021')"
run_styr 0 assess a.db --year 2021 --occasion 2021-04-30
expect_contains out.txt "kan ej bedömas"
! grep -q "uppnås ej" out.txt || fail "a year with no values is not uppnås ej"
