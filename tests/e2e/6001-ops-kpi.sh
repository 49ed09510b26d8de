# styr ops kpi: the indicators of "Ge god service och IT-drift av hög
# kvalitet" computed from the exports of tests/e2e/ops_lib.sh, which are
# made up so that the figures are the ones the seed documents print:
# Årsredovisning 2024 (18 st, 72,25 %, 99,58 %, 111, 161 and 19 st) and
# Prognosrapport 1-2020 (90 %, 90 %, 90 %, 43 %, 10 st, 64 %).
. "$TOP/tests/e2e/lib.sh"
. "$TOP/tests/e2e/ops_lib.sh"
ops_db o.db
mkdir f
ops_gen_2024 f
ops_gen_2020 f
imp() { f=$1 src=$2 p=$3; shift 3; run_styr 0 ops import o.db "f/$f" --source "$src" --profile "$p" "$@"; }
imp tickets-2024.csv tickets efecte
imp history-2024.csv ticket-history efecte
imp calls-2024.csv calls generic
imp availability-2024.csv availability generic --from 2024-01-01 --to 2024-12-31
imp tickets-2020.csv tickets efecte
imp history-2020.csv ticket-history efecte
imp calls-2020.csv calls generic

# value MEASURE [ARGUMENT] — the figure's value in kpi.json
value() {
	python3 -c 'import json, sys
for f in json.load(open("kpi.json"))["indicators"]:
    if f["measure"] == sys.argv[1] and f.get("argument", "") == (sys.argv[2] if len(sys.argv) > 2 else ""):
        print(f["value"])' "$@"
}
check() { got=$(value "$1" ${3+"$3"}); [ "$got" = "$2" ] || fail "$1 ${3-}: $got, expected $2"; }

run_styr 0 ops kpi o.db --from 2024-01-01 --to 2024-12-31 --json
cp out.txt kpi.json
check handling.mean "18,0 h"
check handling.median "18,0 h"
check handling.p90 "27,0 h"
check calls.level1 "64,50 %"
check calls.level2 "80,00 %"
check calls.mean "72,25 %"
check availability.total "99,58 %"
check availability.category "99,66 %" servrar
check availability.category "99,43 %" accesspunkter
check availability.service "99,66 %" "Microsoft 365"
check open.incidents "111 st"
check open.requests "161 st"
check open.changes "19 st"
expect_contains kpi.json '"detail": "24 incidenter slutligt lösta i perioden; tid i paus och från lösning till återöppning avräknad; hela minuter"'
expect_contains kpi.json '"detail": "mätt 26 320,0 h, avbrott 110,0 h, planerat underhåll 8,0 h (räknas inte), saknar data 24,0 h (räknas inte som avbrott)"'
# every ticket import up to the cut-off is read: a 2020 ticket may still be open
expect_contains kpi.json '"files": "#1 tickets-2024.csv (efecte, 2024-01-08–2024-12-29), #5 tickets-2020.csv (efecte, 2019-12-05–2020-06-08), #2 history-2024.csv (efecte, 2024-01-08–2025-01-03), #6 history-2020.csv (efecte, 2019-12-05–2020-09-01)"'
expect_contains kpi.json '"definition": "ops.availability"'

run_styr 0 ops kpi o.db --from 2020-01-01 --to 2020-04-30 --json
cp out.txt kpi.json
check response.critical "90,00 %"
check response.high "90,00 %"
check response.normal "90,00 %"
check desk.strict "43,00 %"
check handling.mean "10,0 h"
check calls.level1 "64,00 %"
check old.incidents "14 st"
check old.requests "12 st"
# the clock was stopped by the reply to the customer every time
expect_contains kpi.json 'klockan stoppad av svar till kunden 30, lämnade Ny 0, tilldelning 0, ej stoppad 0'
# no orders: no value, never 0 %
[ "$(value orders.on-time)" = "None" ] || fail "orders without any: $(value orders.on-time)"

# the text view is the document section
run_styr 0 ops kpi o.db --from 2024-01-01 --to 2024-12-31
expect_contains out.txt "Andel besvarade samtal, medel av               72,25 %"
expect_contains out.txt "Perioden 2024-01-01–2024-12-31. Arbetstid: öppettider enligt ops_hours (5"

run_styr 2 ops kpi o.db --from 2024-12-31 --to 2024-01-01
expect_contains err.txt "the period 2024-12-31 to 2024-01-01 ends before it begins"
run_styr 2 ops kpi o.db --from 2024-01-01
expect_contains err.txt "give --from and --to"
