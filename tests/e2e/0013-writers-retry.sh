# Many writers at once, each command run once: every one succeeds. On
# PostgreSQL a transaction that lost a serialization conflict or a
# deadlock to another writer is run again by the command itself (and by
# the web server for a request), and what the lost attempt printed is not
# printed; on SQLite the writers wait their turn. Nothing is lost: each
# write is its own change set.
. "$TOP/tests/e2e/lib.sh"
. "$TOP/tests/e2e/lib-web.sh"
DB=a.db
example_db $DB
web_users

# 8 writers, 5 sets each, two to a record: none may fail.
export STYR_BUSY_TIMEOUT=60000
writer() { # NAME KEY
	i=0
	while [ $i -lt 5 ]; do
		STYR_USER=$1 "$STYR" set $DB population "$2" "note=$1 $i" >"$1.$i.out" 2>>"$1.err" ||
			echo "$1 $i" >>failed.txt
		i=$((i + 1))
	done
}
pids=""
for w in a b c d e f g h; do
	case $w in
	a|b) k=1814/2018-12-31 ;; c|d) k=1860/2018-12-31 ;;
	e|f) k=1861/2018-12-31 ;; *) k=1882/2018-12-31 ;;
	esac
	writer $w $k &
	pids="$pids $!"
done
for p in $pids; do wait $p; done
[ ! -f failed.txt ] || { cat failed.txt ./*.err; fail "sets failed"; }
# Each printed its change once, as a set that ran once does.
for f in ./*.out; do
	[ "$(grep -c '^changed population ' "$f")" -eq 1 ] || { cat "$f"; fail "$f: printed twice"; }
done
run_styr 0 log $DB --table population
[ "$(grep -c 'population 18[0-9]*/2018-12-31: {' out.txt)" -eq 40 ] ||
	{ cat out.txt; fail "expected 40 logged sets"; }

# 12 requests at once through the web server, each adding a person: all
# are stored.
TOKEN=$("$STYR" token add $DB admin)
web_start $DB
pids=""
for i in 1 2 3 4 5 6 7 8 9 10 11 12; do
	curl -s -o "p$i.body" -w '%{http_code}' -H "Authorization: Bearer $TOKEN" \
		-H 'Content-Type: application/json' \
		-d "{\"key\": \"samtidig-$i\", \"name\": \"Samtidig $i\", \"municipality\": \"1814\"}" \
		"$WEB/api/v1/persons" >"p$i.status" &
	pids="$pids $!"
done
for p in $pids; do wait $p; done
for i in 1 2 3 4 5 6 7 8 9 10 11 12; do
	[ "$(cat p$i.status)" = 201 ] || { cat "p$i.body"; fail "request $i: $(cat p$i.status)"; }
done
web_stop
run_styr 0 list $DB persons
[ "$(grep -c '^samtidig-' out.txt)" -eq 12 ] || { cat out.txt; fail "expected 12 persons"; }
