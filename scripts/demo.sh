#!/bin/sh
# make demo: load the Sydnärke example data into a fresh database and run
# the main job on it. Each module adds its step below.
set -eu
styr=$1
db=$2
example=$3
mkdir -p "$(dirname "$db")"
rm -f "$db" "$db-wal" "$db-shm"
"$styr" init "$db"
"$styr" load "$db" "$example"
"$styr" org "$db"

# calendar
"$styr" calendar holidays 2024
"$styr" calendar workdays 2024-01-01 2024-12-31 | head -n 1
# goals and indicators
"$styr" assess "$db" --year 2024
# the computed summary of 2020 and the one the document states (paragraphs)
"$styr" assess "$db" --year 2020 | awk -v RS= -v ORS='\n\n' '/^([0-9]+ st |Enligt dokumentet:)/'
# economy
"$styr" economy drift "$db" --year 2024
"$styr" economy split "$db" --year 2024
# ledger import
# cases, assignments, internal control
"$styr" assignments "$db" --occasion 2020-04-30
"$styr" assignments "$db" --occasion 2020-07-31
"$styr" control "$db" --year 2020
"$styr" case list "$db"
# meetings and protocols
"$styr" meeting show "$db" 2021-02-10 | head -n 40
"$styr" meeting dates "$db" 2021-02-10
"$styr" calendar appeal --anslag 2021-02-24
# reports
out=${OUT:-out}
mkdir -p "$out"
for r in "mer-plan --year 2023" "prognos --occasion 2020-04-30" "delar --occasion 2020-07-31" \
         "arsredovisning --year 2020" "arsredovisning --year 2024" "internkontroll --year 2020" \
         "protokoll --meeting 2021-02-10" "utdrag --meeting 2021-02-10 --paragraph 3" \
         "tjansteskrivelse --meeting 2021-02-10 --paragraph 3"; do
	set -- $r
	name=$(echo "$r" | sed 's/ --[a-z]* /-/g; s/ /-/g')
	for f in html pdf docx xlsx text; do
		ext=$f; [ "$f" = text ] && ext=txt
		"$styr" report $r "$db" --format $f -o "$out/$name.$ext"
	done
done
ls "$out"

"$styr" check "$db" || true
echo
echo "demo database: $db (try: $styr help)"

# the web application: a demo user with a password made now (never built
# into styr), then serve until Ctrl-C. DEMO_SERVE=0 stops before serving.
[ "${DEMO_SERVE:-1}" = 1 ] || exit 0
listen=${DEMO_LISTEN:-127.0.0.1:8080}
password=$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')
echo "$password" | "$styr" user add "$db" demo --role administratör
echo
echo "styr is served on http://$listen/ — log in as 'demo' with password '$password'"
echo "(the anslagstavla needs no login: http://$listen/anslagstavla; Ctrl-C stops)"
exec "$styr" serve "$db" --listen "$listen"
