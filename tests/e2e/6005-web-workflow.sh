# The report workflow: parts with a responsible person and a status, the
# progress on the start page, and fastställd — the committee's § freezes
# the occasion's values and texts for every front door until an
# administrator reopens it with a reason; both are in the audit log.
. "$TOP/tests/e2e/lib.sh"
. "$TOP/tests/e2e/lib-web.sh"
DB=s.db
example_db $DB
web_users
web_start $DB
W="$WEB/rapporter/arbete"
Q="occasion=2020-04-30"

login admin.jar admin
ADMIN_CSRF=$CSRF
login mal.jar mal
MAL_CSRF=$CSRF
login lasare.jar lasare
READ_CSRF=$CSRF

http page -b admin.jar "$W?$Q"
expect_status page 200
expect_contains page.body '0 av 0 delar'
# The start page is rendered once per state of the data: it must change
# when the data does (below).
http start0 -b admin.jar "$WEB/?$Q"
expect_contains start0.body 'Rapportarbetet har inte börjat.'
# The administrator names who is responsible; the editor marks it klar.
http resp -b admin.jar --data-urlencode "csrf=$ADMIN_CSRF" -d part=mal \
	-d responsible=adam-kolthoff -d "status=pågår" "$W/del?$Q"
expect_status resp 303
http klar -b mal.jar --data-urlencode "csrf=$MAL_CSRF" -d part=mal --data-urlencode "status=klar" "$W/del?$Q"
expect_status klar 303
http resp2 -b mal.jar --data-urlencode "csrf=$MAL_CSRF" -d part=mal -d responsible=adam-kolthoff "$W/del?$Q"
expect_status resp2 403
http reader -b lasare.jar --data-urlencode "csrf=$READ_CSRF" -d part=mal -d status=klar "$W/del?$Q"
expect_status reader 403
http badstatus -b mal.jar --data-urlencode "csrf=$MAL_CSRF" -d part=inledning -d status=halvklar "$W/del?$Q"
expect_status badstatus 422
http page -b mal.jar "$W?$Q"
expect_contains page.body '1 av 1 delar med ansvarig eller status är klara.'
expect_contains page.body '<th scope="row">mal</th><td>adam-kolthoff</td><td>klar</td>'
http start -b admin.jar "$WEB/?$Q"
expect_contains start.body 'Rapportarbetet: 1 av 1 delar klara.'

# Fastställ: an editor may not; a § that does not exist is refused.
http fix -b mal.jar --data-urlencode "csrf=$MAL_CSRF" -d meeting=2021-02-10 -d paragraph=3 "$W/faststall?$Q"
expect_status fix 403
http fix -b admin.jar --data-urlencode "csrf=$ADMIN_CSRF" -d meeting=2021-02-10 -d paragraph=99 "$W/faststall?$Q"
expect_status fix 409
expect_contains fix.body 'the meeting has no agenda item with this paragraph (§) number'
http fix -b admin.jar --data-urlencode "csrf=$ADMIN_CSRF" -d meeting=2021-02-10 -d paragraph=3 "$W/faststall?$Q"
expect_status fix 303
http page -b admin.jar "$W?$Q"
expect_contains page.body 'Rapporten är fastställd (§ 3, sammanträdet 2021-02-10)'

# The public anslagstavla now lists the fastställd report, without a login.
http board "$WEB/anslagstavla"
expect_contains board.body '<a href="/anslagstavla/rapport/2020-04-30">Prognosrapport 1-2020</a>'
http pubpdf "$WEB/anslagstavla/rapport/2020-04-30?format=pdf"
expect_status pubpdf 200
head -c 5 pubpdf.body | grep -q '%PDF-' || fail "no public PDF"
http pubpage "$WEB/anslagstavla/rapport/2020-04-30"
expect_status pubpage 200
http notfixed "$WEB/anslagstavla/rapport/2020-07-31"
expect_status notfixed 404

# Frozen for every front door: the value form, the API, the command line.
http val -b mal.jar --data-urlencode "csrf=$MAL_CSRF" --data-urlencode "outcome=99%" \
	"$WEB/mal/indikator/2020-servicedesk?$Q"
expect_status val 409
expect_contains val.body 'the report of this occasion is fastställd'
run_styr 2 value set $DB 2020-servicedesk --occasion 2020-04-30 --outcome 99%
expect_contains err.txt 'the report of this occasion is fastställd'
TOKEN=$("$STYR" token add $DB admin)
http api -X PUT -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
	-H 'If-Match: "1"' --data-binary '{"comment": "x"}' \
	"$WEB/api/v1/indicator_values/2020-servicedesk/2020-04-30"
expect_status api 409
# Another occasion is not frozen.
run_styr 0 value set $DB 2020-servicedesk --occasion 2020-07-31 --comment "delår"

# Reopening needs a reason; then values change again.
http reopen -b admin.jar --data-urlencode "csrf=$ADMIN_CSRF" -d "reason=" "$W/ateroppna?$Q"
expect_status reopen 422
expect_contains reopen.body 'a report is reopened with a reason'
http reopen -b mal.jar --data-urlencode "csrf=$MAL_CSRF" -d "reason=fel" "$W/ateroppna?$Q"
expect_status reopen 403
http reopen -b admin.jar --data-urlencode "csrf=$ADMIN_CSRF" \
	--data-urlencode "reason=Fel utfall för Servicedesk" "$W/ateroppna?$Q"
expect_status reopen 303
run_styr 0 value set $DB 2020-servicedesk --occasion 2020-04-30 --outcome 44%
http gone "$WEB/anslagstavla/rapport/2020-04-30"
expect_status gone 404
run_styr 0 log $DB
expect_contains out.txt "admin: POST /rapporter/arbete/faststall"
expect_contains out.txt "admin: POST /rapporter/arbete/ateroppna"
run_styr 0 show $DB report_decisions 2020-04-30
expect_contains out.txt "Fel utfall för Servicedesk"
expect_contains out.txt "återöppnad"
web_stop
