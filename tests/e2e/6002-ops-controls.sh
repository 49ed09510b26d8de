# styr ops controls: the internal controls of the 2020 report that run
# themselves, over the exports of tests/e2e/ops_lib.sh: "26 st ärenden
# som är äldre än 1 månad ... Äldsta ärendet från 5 december" and "Endast
# 2 st ärende ... som inte följer rutinerna" at 2020-04-30, 62 old tickets
# (the oldest from January 2020) and 6 off the routine at 2020-06-30, no
# ticket without a solution, "3226 datorer i Efecte och 3221 i SCCM" with
# each differing machine listed, a reproducible invoice sample and the
# backup log.
. "$TOP/tests/e2e/lib.sh"
. "$TOP/tests/e2e/ops_lib.sh"
ops_db o.db
mkdir f
ops_gen_2020 f
imp() { f=$1 src=$2 p=$3; shift 3; run_styr 0 ops import o.db "f/$f" --source "$src" --profile "$p" "$@"; }
imp tickets-2020.csv tickets efecte
imp history-2020.csv ticket-history efecte
imp efecte-datorer.csv assets efecte --to 2020-12-15
expect_contains out.txt "Lagrade: 3 226 rader"
expect_contains out.txt "Överhoppade: 55"
imp sccm-datorer.csv assets sccm --to 2020-12-15
expect_contains out.txt "Lagrade: 3 221 rader"
imp fakturor-2020.csv invoices generic
imp backup-2020.csv backup-jobs generic

# field MOMENT KEY — a field of the run of a control moment in runs.json
field() {
	python3 -c 'import json, sys
for r in json.load(open("runs.json")):
    if r["moment"] == sys.argv[1]:
        v = r[sys.argv[2]]
        print(len(v) if isinstance(v, list) else v)' "$@"
}

run_styr 0 ops controls o.db --at 2020-04-30 --seed 20200430 --json
cp out.txt runs.json
[ "$(field 2020-support-rutin status)" = "Mindre avvikelser" ] || fail "support at 04-30: $(field 2020-support-rutin status)"
expect_contains runs.json "Gamla ärenden: 26 st ärenden (incidenter och tjänsteförfrågningar) är äldre än 1 månad vid 2020-04-30, av 55 st pågående. Äldsta ärendet, INC-OLD1, registrerades 2019-12-05."
expect_contains runs.json "Lösning i slutrapport för ärendehantering: Inga ärenden lösta 2020-01-01–2020-04-30 saknar lösning i ärendets slutrapport (100 st lösta)."
expect_contains runs.json "Statushantering av ärenden: 2 st ärenden lösta 2020-01-01–2020-04-30 följer inte rutinen"
expect_contains runs.json '"REQ-V1 (tjänsteförfrågan, löst 2020-03-02 13:00) har inte haft status pågående före lösningen"'
[ "$(field 2020-support-rutin findings)" = 28 ] || fail "26 + 0 + 2 findings listed"
# changes are not counted among old tickets
if grep -q 'CHG-' runs.json; then fail "a change among the old tickets"; fi
[ "$(field 2020-backup-jobb status)" = "Mindre avvikelser" ] || fail "backup at 04-30"
expect_contains runs.json '"Databaser misslyckades 2020-03-14"'
expect_contains runs.json '"Filserver kördes inte 2020-04-02"'
[ "$(field 2020-datorer-antal status)" = "Ej påbörjad" ] || fail "no asset export by 04-30"
[ "$(field 2020-inkop-fakturor seed)" = 20200430 ] || fail "the seed is recorded"
expect_contains runs.json "5 leverantörsfakturor från olika leverantörer är slumpmässigt utvalda ur 6 fakturor 2020-01-01–2020-04-30 (frö 20200430, samma frö ger samma urval)"

run_styr 0 ops controls o.db --at 2020-06-30 --seed 1 --json
cp out.txt runs.json
[ "$(field 2020-support-rutin status)" = "Större avvikelser" ] || fail "support at 06-30"
expect_contains runs.json "Gamla ärenden: 62 st ärenden (incidenter och tjänsteförfrågningar) är äldre än 1 månad vid 2020-06-30, av 62 st pågående. Äldsta ärendet, OPEN-A-00, registrerades 2020-01-20."
expect_contains runs.json "Statushantering av ärenden: 6 st ärenden lösta 2020-01-01–2020-06-30 följer inte rutinen"
expect_contains runs.json "Inga ärenden lösta 2020-01-01–2020-06-30 saknar lösning"
# backups since the previous occasion (2020-04-30)
expect_contains runs.json "2 jobb med 122 körningar 2020-05-01–2020-06-30: alla har körts och lyckats."

run_styr 0 ops controls o.db --at 2020-12-31 --seed 7 --json
cp out.txt runs.json
[ "$(field 2020-datorer-antal status)" = "Inga avvikelser" ] || fail "assets: 9 differences, below minor_from 10"
expect_contains runs.json "Antal datorer: Vid kontroll redovisade 3 226 datorer i Efecte och 3 221 i SCCM: 7 finns bara i Efecte, 2 bara i SCCM."
for m in LAP-9001 LAP-9002 LAP-9003 LAP-9004 LAP-9005 LAP-9006 LAP-9007; do
	expect_contains runs.json "\"$m finns i Efecte men inte i SCCM\""
done
expect_contains runs.json '"VM-TEST1 finns i SCCM men inte i Efecte"'
expect_contains runs.json '"VM-TEST2 finns i SCCM men inte i Efecte"'
[ "$(field 2020-datorer-antal findings)" = 9 ] || fail "each differing machine, and only those (sn-00010 is SN-00010)"
[ "$(field 2020-backup-jobb status)" = "Inga avvikelser" ] || fail "backup at 12-31"
# the same seed gives the same sample; another seed another
cp runs.json first.json
run_styr 0 ops controls o.db --at 2020-12-31 --seed 7 --json
expect_file first.json out.txt
python3 -c 'import json; print([r["comment"] for r in json.load(open("first.json")) if r["moment"] == "2020-inkop-fakturor"][0])' > sample7.txt
run_styr 0 ops controls o.db --at 2020-12-31 --seed 8 --json
cp out.txt runs.json
python3 -c 'import json; print([r["comment"] for r in json.load(open("runs.json")) if r["moment"] == "2020-inkop-fakturor"][0])' > sample8.txt
if cmp -s sample7.txt sample8.txt; then fail "seeds 7 and 8 drew the same sample"; fi
expect_contains sample7.txt "5 leverantörsfakturor från olika leverantörer är slumpmässigt utvalda ur 15 fakturor 2020-01-01–2020-12-31 (frö 7,"

# the text view
run_styr 0 ops controls o.db --at 2020-04-30 --seed 20200430
expect_contains out.txt "Kontroller som gjort sig själva"
expect_contains out.txt "2020-support-rutin (old-tickets,"

run_styr 2 ops controls o.db --at 2019-12-31
expect_contains err.txt "2019"
run_styr 2 ops controls o.db --at 2020-04-30 --seed x
expect_contains err.txt "--seed: expected a whole number, found 'x'"
