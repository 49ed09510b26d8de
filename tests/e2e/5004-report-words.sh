# A committee's own words for what the reports call by the example's
# names: the governance model ("MER-styrning") and the operating
# account's line column ("Kontotext"); and its standing agenda items.
# Without them, the example's words.
. "$TOP/tests/e2e/lib.sh"
example_db a.db
run_styr 0 report prognos a.db --occasion 2020-04-30 --format text -o -
expect_contains out.txt "2 MER-styrning"
run_styr 0 report arsredovisning a.db --year 2024 --format text -o -
expect_contains out.txt "Kontotext"
cat >words.json <<'JSON'
{ "words": [ { "key": "governance_model", "text": "Styrning och uppföljning" },
             { "key": "account_line", "text": "Verksamhet" } ],
  "standard_items": [ { "place": "before", "position": 1, "title": "Mötets öppnande" },
                      { "place": "before", "position": 2, "title": "Val av justerare" },
                      { "place": "after", "position": 1, "title": "Mötets avslutande" } ] }
JSON
run_styr 0 load a.db words.json
run_styr 0 report prognos a.db --occasion 2020-04-30 --format text -o -
expect_contains out.txt "2 Styrning och uppföljning"
! grep -q "MER-styrning" out.txt || fail "the example's word is gone"
run_styr 0 report arsredovisning a.db --year 2024 --format text -o -
expect_contains out.txt "Verksamhet    "
! grep -q "Kontotext" out.txt || fail "Kontotext is the committee's Verksamhet"
run_styr 0 economy drift a.db --occasion 2024-12-31
grep -q "^Verksamhet  " out.txt || fail "the text view has the committee's word"
run_styr 0 meeting new a.db 2021-06-09
run_styr 0 meeting agenda a.db 2021-06-09 --standard --item "Budget 2022"
expect_contains out.txt "- §8 Mötets öppnande"
expect_contains out.txt "- §9 Val av justerare"
expect_contains out.txt "- §10 Budget 2022"
expect_contains out.txt "- §11 Mötets avslutande"
! grep -q "Förvaltningschefen informerar" out.txt || fail "not the example's standing items"
run_styr 0 dump a.db
expect_contains out.txt '"key": "governance_model"'
expect_contains out.txt '"title": "Mötets öppnande"'
echo '{ "words": [ { "key": "plan", "text": "Plan" } ] }' >bad.json
run_styr 2 load a.db bad.json
expect_contains err.txt 'key: expected one of "governance_model", "account_line", found "plan"'
