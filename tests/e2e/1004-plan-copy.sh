# styr plan copy carries the MER-plan 2023 structure, with its baselines and
# plan-year targets, to a new year and leaves 2023 as it was.
. "$TOP/tests/e2e/lib.sh"
example_db a.db
run_styr 2 plan copy a.db --from 2023 --to 2024
expect_contains err.txt "2024 already has goals and indicators; nothing copied"
run_styr 2 plan copy a.db --from 2019 --to 2026
expect_contains err.txt "2019 has no goals or indicators to copy"
run_styr 0 plan copy a.db --from 2023 --to 2025
expect_contains out.txt "copied 2023 to 2025: 4 kommunfullmäktiges mål, 3 nämndmål, 13 indikatorer, 4 målvärden"
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
