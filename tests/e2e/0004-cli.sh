# The command line: help, usage errors, unknown commands, --json output.
. "$TOP/tests/e2e/lib.sh"
run_styr 0 help
expect_contains out.txt "load"
expect_contains out.txt "check"
run_styr 0 load --help
expect_contains out.txt "usage: styr load DB PATH"
run_styr 2 load
expect_contains err.txt "styr load: missing argument"
run_styr 2 frobnicate
expect_contains err.txt "'frobnicate' is not a styr command"
run_styr 2 dump --nonsense x.db
expect_contains err.txt "unknown option '--nonsense'"
example_db a.db
run_styr 0 org a.db
expect_contains out.txt "1861   Hallsberg      15 954   15 932   15 990   16 290   16 232"
expect_contains out.txt "2020-04-30       prognos        2020 2020-04-30 Prognosrapport 1-2020"
run_styr 0 org a.db --json
expect_contains out.txt '"2022-12-31": 16290'
# The organisation alone has no findings (the example data of other
# modules keeps the seeds' own errors, which check reports).
"$STYR" init org.db >/dev/null
"$STYR" load org.db "$TOP/examples/sydnarke/00-organisation.json" >/dev/null
run_styr 0 check org.db
expect_contains out.txt "no findings"
sqlite3 org.db "DELETE FROM population WHERE municipality_id = (SELECT id FROM municipality WHERE code = '1860') AND date = '2019-12-31'"
run_styr 1 check org.db
expect_contains out.txt "population 2019-12-31: no figure for member Laxå"

# The audit log names who changed what.
STYR_USER=sekreterare STYR_NOW=2026-11-23T10:00:00Z "$STYR" init log.db >/dev/null
STYR_USER=sekreterare STYR_NOW=2026-11-23T10:00:00Z "$STYR" load log.db "$TOP/examples/sydnarke/00-organisation.json" >/dev/null
run_styr 0 log log.db --table municipality --last 1
expect_contains out.txt '2026-11-23T10:00:00Z sekreterare municipality 1882: (ny) -> {"code":"1882","name":"Askersund","member":true}'
run_styr 0 log log.db --json --table population
expect_contains out.txt '"key": "1814/2018-12-31"'

# One clock: $STYR_NOW is read once, strictly, in UTC.
STYR_NOW=yesterday run_styr 2 calendar holidays 2024
expect_contains err.txt "STYR_NOW: 'yesterday' is not a time, expected YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ (UTC)"
"$STYR" init clock.db >/dev/null
STYR_NOW=2021-02-10 STYR_USER=x "$STYR" load clock.db "$TOP/examples/sydnarke/00-organisation.json" >/dev/null
run_styr 0 log clock.db --json
expect_contains out.txt '"at": "2021-02-10T00:00:00Z"'
