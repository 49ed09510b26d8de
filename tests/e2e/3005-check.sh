# styr check on cases, assignments and internal control: the seeds' own
# errors, and each rule on data changed to break it.
. "$TOP/tests/e2e/lib.sh"
example_db a.db
export STYR_NOW=2021-02-10T13:00:00Z
run_styr 1 check a.db
# Prognosrapport 1-2020 says 6 ongoing and 5 finished; its table has 3 and 6.
expect_contains out.txt "assignments 2020-04-30: 6 ongoing stated, 3 in the table"
expect_contains out.txt "assignments 2020-04-30: 5 finished stated, 6 in the table"
expect_contains out.txt 'risk 2020-flextid (2020): probability and consequence not assessed ("Att flextidsavtalet inte efterlevs")'
expect_contains out.txt "control moment 2020-datorer-antal: Sammanställning 1 dated 2020-12-31 has passed and is still Ej påbörjad"
expect_contains out.txt "control moment 2020-datorer-antal: Sammanställning 1 is recorded for Annelie Damin (borttagen), who is not in the organisation on 2020-12-31"
grep -q "risk value" out.txt && fail "the seed's risk values are all probability × consequence"
grep -q "no status" out.txt && fail "every assignment of the example has its statuses"

# Break each rule.
sqlite3 a.db "UPDATE risk SET stated_value = 9 WHERE key = '2020-backup'"
sqlite3 a.db "UPDATE control_followup SET status = NULL WHERE label = 'Sammanställning tillfälle 3'
  AND moment_id = (SELECT id FROM control_moment WHERE key = '2020-support-rutin')"
sqlite3 a.db "UPDATE assignment_status SET status = NULL WHERE assignment_id =
  (SELECT id FROM assignment WHERE key = 'digitaliseringsledare')"
sqlite3 a.db "DELETE FROM assignment_status WHERE assignment_id = (SELECT id FROM assignment
  WHERE key = 'utvecklingsportfolj') AND occasion_id = (SELECT id FROM occasion WHERE key = '2020-07-31')"
sqlite3 a.db "INSERT INTO role(person_id, role, from_date, to_date) SELECT id, 'tjänsteperson',
  '2019-01-01', '2020-09-30' FROM person WHERE key = 'kajsa-rosen'"
run_styr 1 check a.db
expect_contains out.txt "risk 2020-backup: risk value 9 stated, probability × consequence is 8"
expect_contains out.txt "control moment 2020-support-rutin: Sammanställning tillfälle 3 dated 2020-12-31 has passed without a status"
expect_contains out.txt "assignment digitaliseringsledare: no status for occasion 2020-07-31"
expect_contains out.txt "assignment utvecklingsportfolj: open at 2020-04-30 but no status for occasion 2020-07-31"
expect_contains out.txt "control moment 2020-beslut-verkstallighet: Sammanställning tillfälle 2 is recorded for Kajsa Rosén, who is not in the organisation on 2020-12-31"
# Before its date a follow-up without status is not late.
STYR_NOW=2020-11-01T00:00:00Z run_styr 1 check a.db
grep -q "2020-support-rutin: Sammanställning tillfälle 3" out.txt && fail "not yet due"
true
