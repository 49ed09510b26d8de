# Names and texts longer than any fixed field, ending in "åäö", come out
# of the case register, the assignments and the internal control whole
# and as valid UTF-8 (result structs own their strings; nothing is cut,
# and nothing inside a character).
. "$TOP/tests/e2e/lib.sh"
example_db a.db
# Two-byte letters after an even number of bytes: a cut after an odd
# number of bytes (as str_copy into char[256], [128], [96], [64], [32]
# made) falls inside a letter.
aao() { printf 'åäö%.0s' $(seq "$1"); }
long="Namn: $(aao 100)"            # 306 characters, 606 bytes
key="uppdrag-$(aao 20)"             # 68 characters
level="Nivå $(aao 10)"              # 35 characters
cat >long.json <<JSON
{ "cases": [ { "number": "Syd-IT 21-9", "title": "$long" } ],
  "assignments": [ { "key": "$key", "text": "$long", "case": "Syd-IT 21-9" } ],
  "assignment_status": [ { "assignment": "$key", "occasion": "2020-07-31", "status": "Pågår",
                           "comment": "$long" } ],
  "control_plans": [ { "year": 2021, "title": "$long" } ],
  "risk_levels": [ { "plan": 2021, "name": "$level", "min": 1, "max": 16, "colour": "#ffc107" } ],
  "risks": [ { "key": "2021-$key", "plan": 2021, "area": "Ekonomi", "number": 1, "text": "$long",
               "probability": 2, "consequence": 3 } ],
  "control_moments": [ { "key": "2021-moment-$key", "risk": "2021-$key", "text": "$long",
                         "method": "$long" } ],
  "control_followups": [ { "moment": "2021-moment-$key", "label": "$long", "date": "2021-04-30",
                           "status": "Mindre avvikelser", "responsible_text": "$long",
                           "comment": "$long" } ]
}
JSON
run_styr 0 load a.db long.json

# valid FILE — FILE is well-formed UTF-8.
valid() {
	iconv -f UTF-8 -t UTF-8 "$1" >/dev/null 2>&1 || fail "$1 is not valid UTF-8"
}

run_styr 0 case list a.db
valid out.txt
expect_contains out.txt "Syd-IT 21-9                   öppet   $long"
run_styr 0 case show a.db "Syd-IT 21-9" --json
valid out.txt
expect_contains out.txt "\"title\": \"$long\""
expect_contains out.txt "\"key\": \"$key\""

run_styr 0 assignments a.db --occasion 2020-07-31 --json
valid out.txt
expect_contains out.txt "\"key\": \"$key\""
expect_contains out.txt "\"text\": \"$long\""
expect_contains out.txt "\"comment\": \"$long\""
run_styr 0 assignments a.db --occasion 2020-07-31
valid out.txt
tr '\n' ' ' <out.txt | tr -s ' ' >flat.txt
expect_contains flat.txt "har 4 nya uppdrag tillkommit: $key, "

run_styr 0 control a.db --year 2021 --json
valid out.txt
expect_contains out.txt "\"title\": \"$long\""
expect_contains out.txt "\"name\": \"$level\""
expect_contains out.txt "\"key\": \"2021-$key\""
expect_contains out.txt "\"key\": \"2021-moment-$key\""
expect_contains out.txt "\"label\": \"$long\""
expect_contains out.txt "\"responsible\": \"$long\""
run_styr 0 control a.db --year 2021
valid out.txt
expect_contains out.txt "Intern kontroll 2021 — $long"
expect_contains out.txt "$level  1–16"
