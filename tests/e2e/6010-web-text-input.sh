# The web's doors take text only, as the command line does: the path and
# every query and form field is UTF-8 without control characters but tab
# and line breaks, or the request is refused with 400 naming the field,
# and nothing is stored (a comment with ESC, invalid UTF-8 in a field).
. "$TOP/tests/e2e/lib.sh"
. "$TOP/tests/e2e/lib-web.sh"
DB=s.db
example_db $DB
web_users
web_start $DB
login jar admin
values() { sqlite3 $DB "SELECT count(*) || '/' || coalesce(group_concat(comment, '|'), '') FROM indicator_value"; }
before=$(values)

http esc -b jar --data-urlencode "csrf=$CSRF" --data-urlencode "outcome=46%" \
	--data-urlencode "comment=$(printf 'R\303\266d \033[31mtext')" \
	"$WEB/mal/indikator/2020-servicedesk?occasion=2020-04-30"
expect_status esc 400
expect_contains esc.body 'comment: expected text, found control character U+001B at character 5'
http bad -b jar --data "csrf=$CSRF&outcome=46%25&comment=%FF" \
	"$WEB/mal/indikator/2020-servicedesk?occasion=2020-04-30"
expect_status bad 400
expect_contains bad.body 'comment: expected text, found invalid UTF-8 (byte 0xff at byte 1)'
http query -b jar "$WEB/mal?occasion=2020-04-30%1B"
expect_status query 400
expect_contains query.body 'occasion: expected text, found control character U+001B at character 11'
[ "$(values)" = "$before" ] || fail "a refused request stored something"

# text with line breaks is text
http ok -b jar --data-urlencode "csrf=$CSRF" --data-urlencode "outcome=46%" \
	--data-urlencode "forecast=46%" --data-urlencode "comment=$(printf 'två\nrader')" \
	"$WEB/mal/indikator/2020-servicedesk?occasion=2020-04-30"
expect_status ok 303
web_stop
