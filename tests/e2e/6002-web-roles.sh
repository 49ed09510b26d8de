# The role × write-route matrix: every role against every route that
# changes something, in every area. An administrator may change all; an
# editor (redaktör) the registers of its area; a reader nothing. Allowed
# writes succeed and are change sets with the user; refused ones answer
# 403 and store nothing.
. "$TOP/tests/e2e/lib.sh"
. "$TOP/tests/e2e/lib-web.sh"
DB=s.db
example_db $DB
web_users
web_start $DB

# area:section:key:field — one record per area (org is the administrator's).
records="org:persons:adam-kolthoff:note goals:council_goals:2020-kf-enkelt:note
economy:investment_projects:it-invest-askersund:note control:cases:Syd-IT%2020-6-9:note
meetings:meetings:2021-02-10:note reports:report_texts:2020-04-30/beslut:note"
# user:areas it may change
users="admin:org,goals,economy,control,meetings,reports mal:goals ekonomi:economy
ik:control sam:meetings lasare:"

may() { # user area
	for u in $users; do
		[ "${u%%:*}" = "$1" ] || continue
		case ",${u#*:}," in *",$2,"*) return 0 ;; esac
	done
	return 1
}

version() { # section key — the record's version now
	http v -H "Authorization: Bearer $ADMIN" "$WEB/api/v1/$1/$2"
	expect_status v 200
	sed -n 's/.*"version": \([0-9]*\).*/\1/p' v.body
}

ADMIN=$("$STYR" token add $DB admin)
n=0
for u in $users; do
	user=${u%%:*}
	token=$("$STYR" token add $DB "$user")
	login jar "$user"
	for r in $records; do
		area=${r%%:*}; rest=${r#*:}; section=${rest%%:*}; rest=${rest#*:}
		key=${rest%%:*}; field=${rest#*:}
		if may "$user" "$area"; then want=ok; else want=403; fi

		# PUT /api/v1/SECTION/KEY
		v=$(version "$section" "$key")
		http put -X PUT -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
			-H "If-Match: \"$v\"" --data-binary "{\"$field\": \"put by $user\"}" \
			"$WEB/api/v1/$section/$key"
		[ $want = ok ] && expect_status put 200 || expect_status put 403
		# POST /sections/SECTION/KEY (the form)
		v=$(version "$section" "$key")
		http form -b jar --data-urlencode "csrf=$CSRF" -d "version=$v" \
			--data-urlencode "$field=form by $user" "$WEB/sections/$section/$key"
		[ $want = ok ] && expect_status form 303 || expect_status form 403
		# POST /api/v1/SECTION and DELETE /api/v1/SECTION/KEY with a copy
		# of the record under a new key (sections with a text key only).
		n=$((n + 1))
		http show -H "Authorization: Bearer $ADMIN" "$WEB/api/v1/$section/$key"
		case $section in persons|council_goals|investment_projects)
			row=$(tr -d '\n' <show.body | sed 's/.*"row": //; s/}$//' |
				sed "s/\"key\": \"[^\"]*\"/\"key\": \"copy-$n\"/")
			http post -X POST -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
				--data-binary "$row" "$WEB/api/v1/$section"
			[ $want = ok ] && expect_status post 201 || expect_status post 403
			if [ $want = ok ]; then
				http del -X DELETE -H "Authorization: Bearer $token" \
					"$WEB/api/v1/$section/copy-$n?version=1"
				expect_status del 204
			else
				# The administrator makes it; the user may not remove it.
				http post -X POST -H "Authorization: Bearer $ADMIN" \
					-H 'Content-Type: application/json' --data-binary "$row" \
					"$WEB/api/v1/$section"
				expect_status post 201
				http del -X DELETE -H "Authorization: Bearer $token" \
					"$WEB/api/v1/$section/copy-$n?version=1"
				expect_status del 403
			fi
			# POST /sections/SECTION (the new-record form)
			http newform -b jar --data-urlencode "csrf=$CSRF" -d "key=form-$n" \
				-d "name=Formulär $n" -d "year=2020" -d "position=9$n" "$WEB/sections/$section"
			[ $want = ok ] && expect_status newform 303 || expect_status newform 403
			;;
		esac
	done
	# POST /log/ID/undo: administrators only.
	last=$(sqlite3 $DB "SELECT max(id) FROM change_set")
	http undo -b jar --data-urlencode "csrf=$CSRF" "$WEB/log/$last/undo"
	if [ "$user" = admin ]; then expect_status undo 200; else expect_status undo 403; fi
done

# What was allowed is in the audit log with the user and the request.
run_styr 0 log $DB
expect_contains out.txt "PUT /api/v1/council_goals/2020-kf-enkelt"
grep -q "mal: PUT /api/v1/council_goals/2020-kf-enkelt" out.txt || { cat out.txt; fail "no change set of mal"; }
grep -q "lasare:" out.txt && { cat out.txt; fail "a reader changed something"; }
grep -q "ik: .*council_goals" out.txt && { cat out.txt; fail "ik changed a goal"; }
run_styr 0 show $DB meetings 2021-02-10
expect_contains out.txt "form by sam"
run_styr 0 show $DB persons adam-kolthoff
grep -q "by mal\|by sam\|by ik\|by ekonomi\|by lasare" out.txt && fail "an editor changed a person"
web_stop
