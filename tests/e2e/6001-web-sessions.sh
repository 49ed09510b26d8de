# Sessions, CSRF and API tokens: a login sets an HttpOnly SameSite=Strict
# cookie and renews the id, a form without the session's CSRF token is
# refused, logging out ends the session, failed logins are slowed down per
# account, a disabled account and a wrong token get nothing.
. "$TOP/tests/e2e/lib.sh"
. "$TOP/tests/e2e/lib-web.sh"
DB=s.db
example_db $DB
web_users
run_styr 2 user add $DB nisse --role kung </dev/null
expect_contains err.txt "unknown role 'kung', expected one of administratör, redaktör:mål"
echo kort | "$STYR" user add $DB nisse --role läsare >out.txt 2>err.txt && fail "a short password was taken"
expect_contains err.txt "at least 8 characters"
echo "$PASSWORD" | "$STYR" user add $DB admin --role läsare >out.txt 2>err.txt && fail "a name twice"
expect_contains err.txt "user 'admin' already exists"
run_styr 0 user list $DB
expect_row out.txt "ik" "redaktör:internkontroll"
# The hash is argon2id; no password is stored.
sqlite3 $DB "SELECT hash FROM web_users WHERE name = 'admin'" | grep -q '^\$argon2id\$' ||
	fail "not an argon2id hash"
sqlite3 $DB "SELECT count(*) FROM web_users WHERE hash LIKE '%$PASSWORD%'" | grep -qx 0

web_start $DB

# The cookie: HttpOnly, SameSite=Strict, not readable by scripts.
http in -c jar --data-urlencode "name=mal" --data-urlencode "password=$PASSWORD" "$WEB/login"
expect_status in 303
expect_contains in.head "Set-Cookie: styr_session="
expect_contains in.head "HttpOnly; SameSite=Strict"
first=$(sed -n 's/.*styr_session=\([0-9a-f]*\);.*/\1/p' in.head)
# Logging in again renews the session id (the form of a logged-in user
# carries the session's CSRF token).
http form -b jar "$WEB/login"
CSRF=$(grep -o 'name="csrf" value="[0-9a-f]*"' form.body | head -n 1 | sed 's/.*value="//; s/"//')
http again -b jar -c jar --data-urlencode "name=mal" --data-urlencode "password=$PASSWORD" \
	-d "csrf=$CSRF" "$WEB/login"
expect_status again 303
second=$(sed -n 's/.*styr_session=\([0-9a-f]*\);.*/\1/p' again.head)
[ -n "$second" ] && [ "$first" != "$second" ] || fail "the session id was not renewed"
http old -b "styr_session=$first" "$WEB/sections"
expect_status old 303
http new -b "styr_session=$second" "$WEB/sections"
expect_status new 200

# CSRF: a form from elsewhere (no token, a wrong token) changes nothing.
login jar mal
for t in "" "csrf=0000" "csrf=$CSRF""x"; do
	http csrf -b jar --data-binary "$t&version=1&name=X" "$WEB/sections/indicators/1"
	expect_status csrf 403
	expect_contains csrf.body "the form has expired or did not come from styr"
done
http csrf-api -b jar -X PUT -H 'Content-Type: application/json' -H 'If-Match: "1"' \
	--data-binary '{"note": "x"}' "$WEB/api/v1/persons/adam-kolthoff"
expect_status csrf-api 403
# A login form posted by a logged-in user needs the token too.
http csrf-login -b jar --data-urlencode "name=admin" --data-urlencode "password=$PASSWORD" "$WEB/login"
expect_status csrf-login 403

# Logging out ends the session on the server, not only in the browser.
cp jar stolen
http out -b jar -c jar -d "csrf=$CSRF" "$WEB/logout"
expect_status out 303
expect_contains out.head "Max-Age=0"
http after -b stolen "$WEB/sections"
expect_status after 303

# Wrong passwords: the same message for an unknown user; after five the
# account is held back, even with the right password.
http bad -d "name=nobody&password=whatever1" "$WEB/login"
expect_status bad 401
expect_contains bad.body "Fel användarnamn eller lösenord."
for i in 1 2 3 4 5; do
	http bad -d "name=lasare&password=fel-fel-fel" "$WEB/login"
	expect_status bad 401
done
http held -d "name=lasare&password=$PASSWORD" "$WEB/login"
expect_status held 429
expect_contains held.body "För många misslyckade inloggningar"

# API tokens: the right one reads, a wrong one gets 401 in JSON.
TOKEN=$("$STYR" token add $DB ekonomi)
[ ${#TOKEN} -eq 64 ] || fail "token: $TOKEN"
sqlite3 $DB "SELECT count(*) FROM web_tokens WHERE token_hash = '$TOKEN'" | grep -qx 0
http tok -H "Authorization: Bearer $TOKEN" "$WEB/api/v1/municipalities/1814"
expect_status tok 200
expect_contains tok.body '"name": "Lekeberg"'
http badtok -H "Authorization: Bearer 0123" "$WEB/api/v1/municipalities/1814"
expect_status badtok 401
expect_contains badtok.body '"message": "the API token is not valid"'
http none "$WEB/api/v1/municipalities"
expect_status none 401

# A disabled user: sessions and tokens end at once, also when the server
# has just answered them (what it keeps of an id holds only until the
# database changes, here from another process).
login jar ekonomi
for i in 1 2 3 4; do
	http pre -b jar "$WEB/sections"
	expect_status pre 200
	http pre-tok -H "Authorization: Bearer $TOKEN" "$WEB/api/v1/municipalities"
	expect_status pre-tok 200
done
# A new role holds at once too.
run_styr 0 user role $DB ekonomi läsare
http role -b jar --data-binary "csrf=$CSRF&version=1&name=X" "$WEB/sections/indicators/1"
expect_status role 403
expect_contains role.body "a reader may not change anything"
http pre -b jar "$WEB/sections"
expect_status pre 200
run_styr 0 user disable $DB ekonomi
http dis -b jar "$WEB/sections"
expect_status dis 303
http dis-tok -H "Authorization: Bearer $TOKEN" "$WEB/api/v1/municipalities"
expect_status dis-tok 401
http dis-login -d "name=ekonomi&password=$PASSWORD" "$WEB/login"
expect_status dis-login 401

# A new password works; the old one no longer does.
echo "nytt-losen-1" | "$STYR" user passwd $DB sam >/dev/null
http pw -d "name=sam&password=nytt-losen-1" "$WEB/login"
expect_status pw 303
http pw-old -d "name=sam&password=$PASSWORD" "$WEB/login"
expect_status pw-old 401

# Redirects after login stay on this site.
http next --data-urlencode "name=admin" --data-urlencode "password=$PASSWORD" \
	--data-urlencode "next=//evil.example/x" "$WEB/login"
expect_status next 303
expect_contains next.head "Location: /"
grep -q "evil" next.head && fail "redirected off the site"
web_stop
