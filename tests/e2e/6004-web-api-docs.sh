# The curl examples of docs/api.md run as they stand against a server of
# the example data, and answer what the text around them says.
. "$TOP/tests/e2e/lib.sh"
. "$TOP/tests/e2e/lib-web.sh"
DB=s.db
example_db $DB
web_users
web_start $DB
TOKEN=$("$STYR" token add $DB admin)
STYR_URL=$WEB
# Each ```sh block of the document, in order, into block-N.sh.
awk '/^```sh$/ { n++; f = "block-" n ".sh"; next } /^```$/ { f = ""; next } f { print > f }' \
	"$TOP/docs/api.md"
[ -f block-6.sh ] || fail "docs/api.md has fewer than six examples"
for b in block-*.sh; do
	STYR=$STYR_URL TOKEN=$TOKEN sh -e "$b" >"$b.out" 2>&1 || { cat "$b.out"; fail "$b failed"; }
done
expect_contains block-1.sh.out '"name": "Lekeberg"'
expect_contains block-2.sh.out '"party": "S"'
expect_contains block-2.sh.out '"changed_by": "admin"'
expect_contains block-3.sh.out '"status": 409'
expect_contains block-3.sh.out 'changed by admin at'
expect_contains block-4.sh.out '"field": "municipality"'
expect_contains block-4.sh.out 'no entry in \"municipalities\" has code \"9999\"'
# Servicedesk: 43 % against 45 %; the anslag of 2021-02-24 runs to 2021-03-17.
tr -d '\n' <block-5.sh.out | tr -s ' ' | grep -q '"key": "2020-servicedesk", "name": "[^"]*", "target": "45%", "value": "43%", "verdict": "delvis uppnådd"' ||
	{ cat block-5.sh.out; fail "no verdict of Servicedesk"; }
expect_contains block-5.sh.out '"anslag": "2021-02-24"'
expect_contains block-5.sh.out '"last_day_of_appeal": "2021-03-17"'
expect_contains block-6.sh.out '204'
# The description of the sections names them in Swedish too, as the pages do.
http desc -H "Authorization: Bearer $TOKEN" "$WEB/api/v1"
expect_status desc 200
expect_contains desc.body '"title_sv": "Personer"'
expect_contains desc.body '"label_sv": "Kommun"'
expect_contains desc.body '"årsredovisning"'
head -c 5 prognos.pdf | grep -q '%PDF-' || fail "no PDF downloaded"
run_styr 0 log $DB
expect_contains out.txt "admin: DELETE /api/v1/persons/anna-berg"
web_stop
