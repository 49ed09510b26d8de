# Loading again applies the files: new records are added, changed ones
# updated field by field, unchanged ones left alone (no change set);
# --dry-run shows the difference and stores nothing; --prune removes what
# the files no longer hold. And every example file reloads after one field
# of every section was edited with styr set.
. "$TOP/tests/e2e/lib.sh"
ex="$TOP/examples/sydnarke"
example_db a.db
"$STYR" dump a.db > before.json
"$STYR" log a.db > log-before.txt

run_styr 0 load a.db "$ex"
expect_contains out.txt "loaded 442 rows from 7 files: 0 added, 0 changed, 442 unchanged"
"$STYR" log a.db > log-after.txt
expect_file log-before.txt log-after.txt

# An edited file: one field changed, one record added, one left out.
sed -e 's/"count": 8116/"count": 8117/' \
    -e 's/"name": "Laxå", "member": true/"name": "Laxå kommun", "member": true/' \
    "$ex/00-organisation.json" > org.json
grep -q '"count": 8117' org.json || fail "sed did not edit the count"
grep -q '"Laxå kommun"' org.json || fail "sed did not edit the name"
cat > more.json <<'J'
{ "municipalities": [ { "code": "1880", "name": "Örebro", "member": false } ] }
J
run_styr 0 load a.db org.json --dry-run
expect_contains out.txt "municipalities:"
expect_contains out.txt '  changed municipalities 1860'
expect_contains out.txt '    name: "Laxå" → "Laxå kommun"'
expect_contains out.txt "population:"
expect_contains out.txt "  changed population 1814/2018-12-31"
expect_contains out.txt "    count: 8116 → 8117"
expect_contains out.txt "dry run: would load 50 rows from 1 file: 0 added, 2 changed, 48 unchanged; nothing was stored"
"$STYR" dump a.db > now.json
expect_file before.json now.json

run_styr 0 load a.db org.json
expect_contains out.txt "loaded 50 rows from 1 file: 0 added, 2 changed, 48 unchanged"
run_styr 0 log a.db --last 1
expect_contains out.txt "styr load a.db org.json (2 records)"
run_styr 0 show a.db municipalities 1860
expect_contains out.txt "  name   Laxå kommun"
run_styr 0 load a.db more.json
expect_contains out.txt "1 added, 0 changed, 0 unchanged"

# --prune removes the records of the file's sections that it no longer
# holds, and refuses, naming them, while other records refer to one.
run_styr 0 load a.db "$ex/00-organisation.json" --prune --dry-run
expect_contains out.txt "  removed municipalities 1880"
expect_contains out.txt '  name: "Laxå kommun" → "Laxå"'
expect_contains out.txt "2 changed, 48 unchanged, 1 removed; nothing was stored"
run_styr 0 load a.db "$ex/00-organisation.json" --prune
expect_contains out.txt "loaded 50 rows from 1 file: 0 added, 2 changed, 48 unchanged, 1 removed"
"$STYR" dump a.db > now.json
expect_file before.json now.json
sed '/{ "code": "1860", "name": "Laxå"/d' "$ex/00-organisation.json" > no-laxa.json
grep -q '"1860", "name"' no-laxa.json && fail "sed did not remove Laxå"
run_styr 2 load a.db no-laxa.json --prune
expect_contains err.txt "--prune: municipalities 1860 is referred to by"
expect_contains err.txt "persons bo-rudolfsson (municipality)"
"$STYR" dump a.db > now.json
expect_file before.json now.json

# One field of every section edited with styr set (the first field that
# takes "... (ändrad)"), dumped, and loaded over a fresh copy of the
# example: the dump is the edited one. The example files loaded once more
# bring every record back as it was.
sections=$("$STYR" list a.db | awk '$2 > 0 { print $1 }')
[ "$(echo $sections | wc -w)" -ge 40 ] || fail "too few sections: $sections"
edited=0
for sec in $sections; do
	key=$("$STYR" list a.db "$sec" | head -n 1 | sed 's/  .*//')
	keyfields=$("$STYR" list a.db | awk -v s="$sec" '$1 == s { print $3 }' | tr '/' ' ')
	"$STYR" show a.db "$sec" "$key" > show.txt
	done_sec=no
	for field in $(sed -n 's/^  \([a-z_]*\).*/\1/p' show.txt); do
		case " $keyfields " in *" $field "*) continue ;; esac
		old=$(sed -n "s/^  $field *\(.*\)$/\1/p" show.txt)
		if "$STYR" set a.db "$sec" "$key" "$field=${old:+$old }(ändrad)" >/dev/null 2>&1; then
			done_sec=yes
			break
		fi
	done
	[ "$done_sec" = yes ] && edited=$((edited + 1))
done
# justerare has no field outside its key.
[ "$edited" -eq $(($(echo $sections | wc -w) - 1)) ] || fail "edited $edited sections of $(echo $sections | wc -w)"
"$STYR" dump a.db > edited.json
example_db b.db
run_styr 0 load b.db edited.json
expect_contains out.txt " 0 added, $edited changed, "
"$STYR" dump b.db > now.json
expect_file edited.json now.json
run_styr 0 load b.db "$ex"
expect_contains out.txt "0 added, $edited changed, "
"$STYR" dump b.db > now.json
expect_file before.json now.json
run_styr 0 load b.db "$ex"
expect_contains out.txt "0 added, 0 changed, 442 unchanged"
