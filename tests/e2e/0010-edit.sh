# Correcting records: show, list, set, rm (and --cascade), undo and log,
# and every kind of bad input refused with the record named, exit 2 and
# the database exactly as before.
. "$TOP/tests/e2e/lib.sh"
example_db a.db
"$STYR" dump a.db > before.json

# unchanged: the dump is still before.json
unchanged() {
	"$STYR" dump a.db > now.json
	expect_file before.json now.json
}

# show and list name records by the keys the data files use.
run_styr 0 list a.db
expect_contains out.txt "population                20  municipality/date"
expect_contains out.txt "agenda_items               7  meeting/paragraph"
run_styr 0 list a.db population
expect_contains out.txt "1814/2018-12-31  count=8116  source=SCB"
run_styr 0 show a.db population 1814/2018-12-31
expect_contains out.txt "population 1814/2018-12-31"
expect_contains out.txt "version 1, changed "
expect_contains out.txt "  count        8116"
run_styr 0 show a.db agenda_items 2021-02-10/3
expect_contains out.txt "§ 3 in the meeting of 2021-02-10"
expect_contains out.txt "Årsredovisning 2020 för Sydnärkes IT-nämnd"
run_styr 0 list a.db contributions --json
expect_contains out.txt '"amount": -9755000'
# list --json is a data document that load reads (and finds unchanged).
cp out.txt contributions.json
run_styr 0 load a.db contributions.json
expect_contains out.txt "8 rows from 1 file: 0 added, 0 changed, 8 unchanged"

# Bad input: a message naming the record, exit 2, nothing stored.
run_styr 2 show a.db budget 1814
expect_contains err.txt "unknown section 'budget', expected one of municipalities, committee,"
run_styr 2 set a.db persons nobody party=S
expect_contains err.txt 'persons: no record with key "nobody" (the key is key)'
run_styr 2 show a.db population 1814
expect_contains err.txt 'population: "1814" is not a key: expected municipality/date'
run_styr 2 show a.db population 9999/2018-12-31
expect_contains err.txt 'population: no record with key "9999/2018-12-31"'
run_styr 2 set a.db persons magnus-andersson colour=red
expect_contains err.txt "persons: unknown field 'colour', expected one of key, name, party, municipality, title, note"
run_styr 2 set a.db population 1814/2018-12-31 count=8,5
expect_contains err.txt 'population 1814/2018-12-31: count: expected a whole number (number of inhabitants), found "8,5"'
run_styr 2 set a.db persons magnus-andersson municipality=9999
expect_contains err.txt 'persons magnus-andersson: municipality: no entry in "municipalities" has code "9999"'
run_styr 2 set a.db risks 2020-backup probability=5
expect_contains err.txt 'risks 2020-backup: probability: expected 1 (Osannolik), 2 (Mindre sannolik), 3 (Möjlig) or 4 (Sannolik)'
run_styr 2 set a.db meetings 2021-02-10 justering=2021-02-01
expect_contains err.txt 'the meeting of 2021-02-10: justering: not allowed: expected date the protocol was justerat (YYYY-MM-DD), on or after the meeting'
run_styr 2 set a.db agenda_items 2021-02-10/7 paragraph=6
expect_contains err.txt '§ 6 in the meeting of 2021-02-10 already exists'
run_styr 2 set a.db agenda_items 2021-02-10/3 paragraph=30
expect_contains err.txt '§ 3 in the meeting of 2021-02-10: basis documents, delegation decisions or messages are listed under this paragraph (§); move them first'
run_styr 2 set a.db indicators 2020-handlaggningstid direction=higher
expect_contains err.txt 'indicators 2020-handlaggningstid: unit, direction: the target of 2020, "högst 20 st", would not fit'
run_styr 2 set a.db cases "Syd-IT 21-1" "number=KS 2021-10"
expect_contains err.txt 'cases Syd-IT 21-1: number: "KS 2021-10" is not a case number of this committee'
run_styr 2 rm a.db persons magnus-andersson
expect_contains err.txt 'persons magnus-andersson is referred to by 3 records: roles magnus-andersson/ordförande/ (person), the meeting of 2021-02-10 (chair), magnus-andersson at the meeting of 2021-02-10 (person); remove or change them first, or remove them with it (cascade)'
run_styr 2 rm a.db agenda_items 2021-02-10/3
expect_contains err.txt '§ 3 in the meeting of 2021-02-10: basis documents, delegation decisions or messages are listed under this paragraph (§); remove them first'
run_styr 2 rm a.db attendance 2021-02-10/bo-rudolfsson
expect_contains err.txt 'bo-rudolfsson at the meeting of 2021-02-10: the person justerar the protocol; remove the justerare first'
run_styr 2 set a.db persons magnus-andersson party=M --if-version 2
expect_contains err.txt 'persons magnus-andersson is version 1, not 2, changed by '
if grep -q "constraint\|SQLITE\|sqlite" err.txt; then fail "a raw database message"; fi
unchanged

# set: values as a person writes them; the change is one change set.
STYR_USER=anna run_styr 0 set a.db population 1814/2018-12-31 "count=8 117" "note=rättad"
expect_contains out.txt "changed population 1814/2018-12-31"
expect_contains out.txt "  count: 8116 → 8117"
expect_contains out.txt '  note: (none) → "rättad"'
run_styr 0 show a.db population 1814/2018-12-31 --json
expect_contains out.txt '"version": 2'
expect_contains out.txt '"changed_by": "anna"'
expect_contains out.txt '"count": 8117'
set_cs=$(sed -n 's/.*"change_set": \([0-9]*\).*/\1/p' out.txt)
run_styr 0 set a.db population 1814/2018-12-31 "count=8 117"
expect_contains out.txt "unchanged: population 1814/2018-12-31 already has these values"
# A stale version is refused, naming who changed the record and when.
run_styr 2 set a.db population 1814/2018-12-31 count=8120 --if-version 1
expect_contains err.txt "population 1814/2018-12-31 was changed since version 1: it is version 2, changed by anna at "
expect_contains err.txt "(change set $set_cs); nothing was stored"
run_styr 0 set a.db population 1814/2018-12-31 "note=" --if-version 2
expect_contains out.txt '  note: "rättad" → (none)'
run_styr 0 set a.db contributions 1814/2023 "amount=-9 755 000,50"
expect_contains out.txt "  amount: -9755000 → -9755000.50"

# log lists the change sets; one shows its records field by field.
run_styr 0 log a.db
expect_contains out.txt "$set_cs "
expect_contains out.txt "anna: styr set a.db population 1814/2018-12-31 'count=8 117' note=rättad (1 record)"
run_styr 0 log a.db "$set_cs"
expect_contains out.txt "change set $set_cs, "
expect_contains out.txt "command: styr set a.db population 1814/2018-12-31 'count=8 117' note=rättad"
expect_contains out.txt "  count: 8116 → 8117"
run_styr 0 log a.db "$set_cs" --json
expect_contains out.txt '"old": {"municipality":"1814","date":"2018-12-31","count":8116,"source":"SCB"}'

# undo, newest first, brings back the dump byte for byte; an undo that a
# later change depends on is refused, naming the record and the change.
run_styr 2 undo a.db "$set_cs"
expect_contains err.txt "change set $set_cs cannot be undone: later changes touched its records: population 1814/2018-12-31 was changed later (change set "
for cs in $(seq $((set_cs + 2)) -1 "$set_cs"); do
	run_styr 0 undo a.db "$cs"
done
expect_contains out.txt "  count: 8117 → 8116"
unchanged
run_styr 0 log a.db --last 1
expect_contains out.txt "undoes $set_cs)"

# rm --cascade removes what refers to the record too, and undo brings it
# all back with the same ids (so the dump, ordered partly by id, is equal).
run_styr 0 rm a.db persons magnus-andersson --cascade
expect_contains out.txt "removed magnus-andersson at the meeting of 2021-02-10"
expect_contains out.txt "removed the meeting of 2021-02-10"
expect_contains out.txt "removed § 3 in the meeting of 2021-02-10"
expect_contains out.txt "removed persons magnus-andersson"
rm_cs=$(sed -n 's/^change set \([0-9]*\)$/\1/p' out.txt)
run_styr 2 show a.db meetings 2021-02-10
run_styr 0 undo a.db "$rm_cs"
expect_contains out.txt "added the meeting of 2021-02-10"
unchanged
run_styr 2 undo a.db 999
expect_contains err.txt "no change set 999"
unchanged

# A ledger import is no section's records: its change set cannot be undone
# (nothing is changed), and it says so.
run_styr 0 import sie a.db "$TOP/tests/e2e/ledger.se"
run_styr 0 log a.db --last 1
import_cs=$(sed -n 's/^\([0-9]*\) .*styr import sie.*/\1/p' out.txt)
[ -n "$import_cs" ] || fail "no change set for the import"
run_styr 2 undo a.db "$import_cs"
expect_contains err.txt "change set $import_cs cannot be undone: it changed ledger_import 1, which only its own command can revert"
unchanged
