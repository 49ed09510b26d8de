# styr serve: the front door answers every request with the right status
# and security headers, one access-log line each, refuses bad input with a
# clear message and keeps serving, and stops cleanly on SIGTERM.
. "$TOP/tests/e2e/lib.sh"
. "$TOP/tests/e2e/lib-web.sh"
DB=s.db
example_db $DB
web_users

# A wrong address is refused before serving.
run_styr 2 serve $DB --listen nowhere
expect_contains err.txt "--listen: expected ADDRESS:PORT"
run_styr 2 serve missing.db --listen 127.0.0.1:0
run_styr 2 serve $DB --threads 0

web_start $DB

# The style sheet is public; pages need a login and send people to it.
http css "$WEB/static/styr.css"
expect_status css 200
expect_contains css.head "Content-Type: text/css"
http start "$WEB/"
expect_status start 303
expect_contains start.head "Location: /login?next=/"
http login-form "$WEB/login"
expect_status login-form 200
expect_contains login-form.body '<html lang="sv">'
# Security headers on every answer.
for h in "Content-Security-Policy: default-src 'none'; style-src 'self'" \
         "frame-ancestors 'none'" "X-Content-Type-Options: nosniff" \
         "Referrer-Policy: same-origin"; do
	expect_contains login-form.head "$h"
	expect_contains start.head "$h"
done

# Unknown routes and methods.
login jar admin
http nope -b jar "$WEB/nowhere"
expect_status nope 404
expect_contains nope.body "there is no page /nowhere"
http nope-api -b jar "$WEB/api/v1/nosuch"
expect_status nope-api 404
expect_contains nope-api.body '"message": "there is no section'
http method -b jar -X PATCH "$WEB/api/v1/persons/adam-kolthoff"
expect_status method 405
http method2 -b jar -X DELETE "$WEB/sections"
expect_status method2 405

# An oversized body is refused unread; the server goes on.
head -c 2000000 /dev/zero | tr '\0' a >big.txt
http big -b jar -H "X-CSRF-Token: $CSRF" -H 'Content-Type: application/json' \
	--data-binary @big.txt "$WEB/api/v1/persons"
expect_status big 413
expect_contains big.body "larger than 1048576 bytes"

# Malformed forms and bodies: a message, nothing stored.
"$STYR" dump $DB >before.json
http form -b jar --data-binary 'csrf=%zz&&=&version=x%' "$WEB/sections/persons/adam-kolthoff"
expect_status form 403
http form2 -b jar --data-binary "csrf=$CSRF&version=1&municipality=9999" \
	"$WEB/sections/persons/adam-kolthoff"
expect_status form2 422
expect_contains form2.body 'municipality: no entry in &quot;municipalities&quot; has code &quot;9999&quot;'
http json -b jar -H "X-CSRF-Token: $CSRF" -H 'Content-Type: application/json' \
	--data-binary '{"key": "x", "name": ' "$WEB/api/v1/persons"
expect_status json 400
expect_contains json.body '"message": "body:1:'
http ctype -b jar -H "X-CSRF-Token: $CSRF" -H 'Content-Type: text/plain' \
	--data-binary '{"key": "x"}' "$WEB/api/v1/persons"
expect_status ctype 415
http arr -b jar -H "X-CSRF-Token: $CSRF" -H 'Content-Type: application/json' \
	--data-binary '[1, 2]' "$WEB/api/v1/persons"
expect_status arr 400
http bin -b jar -H "X-CSRF-Token: $CSRF" -H 'Content-Type: application/json' \
	--data-binary "$(printf '{"key": "x\\u0000\377"}')" "$WEB/api/v1/persons"
[ "$(cat bin.status)" -ge 400 ] || fail "a broken body was accepted"
"$STYR" dump $DB >after.json
expect_file before.json after.json

# HEAD answers without a body; the server is still serving.
http head -I -b jar "$WEB/sections"
expect_status head 200
http still -b jar "$WEB/sections/persons"
expect_status still 200
expect_contains still.body "Adam Kolthoff"

# One access-log line per request, with the user.
grep -q '^127.0.0.1 - "GET /static/styr.css" 200 ' access.log || { cat access.log; fail "no log line"; }
grep -q '^127.0.0.1 admin "GET /sections/persons" 200 ' access.log || { cat access.log; fail "no user"; }
[ "$(grep -c '^127.0.0.1 ' access.log)" -ge 18 ] || { cat access.log; fail "lines missing"; }

# SIGTERM with a request in flight (a body sent slowly, over about two
# seconds): it is answered and stored, then the server stops.
TOKEN=$("$STYR" token add $DB admin)
{ printf '{"key": "slow", "name": "Långsam", "note": "'; head -c 100000 /dev/zero | tr '\0' a
  printf '"}'; } >slow.json
curl -s -o inflight.body -w '%{http_code}' --limit-rate 50K -H "Authorization: Bearer $TOKEN" \
	-H 'Content-Type: application/json' --data-binary @slow.json "$WEB/api/v1/persons" \
	>inflight.status &
cpid=$!
sleep 0.7
web_stop
wait $cpid || fail "the request in flight was cut"
[ "$(cat inflight.status)" = 201 ] || { cat inflight.body; fail "the request in flight was not answered"; }
run_styr 0 show $DB persons slow
grep -q 'Långsam' out.txt || fail "the slow record was not stored"
