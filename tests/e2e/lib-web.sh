# Helpers for the web tests: a server of the example data on a free
# loopback port, users of every role, and curl wrappers. Source after lib.sh.
#
#   web_start DB      serve DB on 127.0.0.1 (the system picks the port);
#                     sets WEB (http://127.0.0.1:PORT) and stops the server
#                     when the test exits
#   web_stop          SIGTERM; fails unless it stops cleanly
#   web_users DB      users of every role, password "hemligt-123":
#                     admin, mal, ekonomi, ik, sam, lasare
#   http NAME ARGS... curl ARGS against $WEB; the status into NAME.status,
#                     headers into NAME.head, the body into NAME.body
#   login JAR USER    log USER in with cookie jar JAR; CSRF=the form token
PASSWORD=hemligt-123

web_start() {
	"$STYR" serve "$1" --listen 127.0.0.1:0 --threads 2 >access.log 2>serve.err &
	WEB_PID=$!
	trap 'kill $WEB_PID 2>/dev/null || true' EXIT
	i=0
	while ! grep -q 'serving' serve.err 2>/dev/null; do
		i=$((i + 1))
		[ $i -lt 100 ] || { cat serve.err; fail "the server did not start"; }
		kill -0 $WEB_PID 2>/dev/null || { cat serve.err; fail "the server exited"; }
		sleep 0.1
	done
	WEB=$(sed -n 's|.*on \(http://127.0.0.1:[0-9]*\)/.*|\1|p' serve.err)
	[ -n "$WEB" ] || fail "no address in: $(cat serve.err)"
}

web_stop() {
	kill -TERM $WEB_PID
	set +e
	wait $WEB_PID
	status=$?
	set -e
	trap - EXIT
	[ "$status" -eq 0 ] || { cat serve.err; fail "styr serve exited $status after SIGTERM"; }
	grep -q 'styr: stopped' serve.err || { cat serve.err; fail "no clean stop"; }
}

web_users() {
	for u in "admin administratör" "mal redaktör:mål" "ekonomi redaktör:ekonomi" \
	         "ik redaktör:internkontroll" "sam redaktör:sammanträden" "lasare läsare"; do
		set -- $u
		echo "$PASSWORD" | "$STYR" user add "$DB" "$1" --role "$2" >/dev/null
	done
}

http() {
	name=$1
	shift
	curl -s -o "$name.body" -D "$name.head" -w '%{http_code}' "$@" >"$name.status" || true
}

# expect_status NAME CODE — the request NAME answered CODE.
expect_status() {
	got=$(cat "$1.status")
	[ "$got" = "$2" ] || { cat "$1.head" "$1.body"; fail "$1: status $got, expected $2"; }
}

login() {
	rm -f "$1"
	http login -c "$1" -b "$1" --data-urlencode "name=$2" --data-urlencode "password=$PASSWORD" \
		"$WEB/login"
	expect_status login 303
	http login-page -b "$1" "$WEB/sections"
	CSRF=$(grep -o 'name="csrf" value="[0-9a-f]*"' login-page.body | head -n 1 |
		sed 's/.*value="//; s/"//')
	[ -n "$CSRF" ] || fail "no CSRF token after logging in $2"
}
