# Accessibility of every HTML report of the example data: axe-core (WCAG 2.1
# A and AA, colour contrast included) in Debian's headless Chromium finds no
# violation. Screenshots at phone (390 px) and desktop width go to
# $TOP/out/axe/ for a human to look at. Needs `make deps` (chromium and
# tests/browser/node_modules).
. "$TOP/tests/e2e/lib.sh"
example_db s.db

[ -x /usr/bin/chromium ] || fail "/usr/bin/chromium missing: run make deps"
[ -d "$TOP/tests/browser/node_modules/axe-core" ] ||
	fail "tests/browser/node_modules missing: run make deps"

files=""
for r in "mer-plan --year 2023" "prognos --occasion 2020-04-30" "delar --occasion 2020-07-31" \
         "arsredovisning --year 2020" "arsredovisning --year 2024" "internkontroll --year 2020" \
         "protokoll --meeting 2021-02-10" "utdrag --meeting 2021-02-10 --paragraph 3"; do
	set -- $r
	name=$(echo "$r" | sed 's/ --[a-z]* /-/g; s/ /-/g')
	type=$1
	shift
	run_styr 0 report "$type" s.db "$@" --format html -o "$name.html"
	files="$files $name.html"
done

shots=${AXE_SHOTS:-$TOP/out/axe}
mkdir -p "$shots"
for f in $files; do rm -f "$shots/${f%.html}-phone.png" "$shots/${f%.html}-desktop.png"; done
set +e
node "$TOP/tests/browser/axe.mjs" "$shots" $files >axe.txt 2>&1
status=$?
set -e
cat axe.txt
[ "$status" -eq 0 ] || fail "axe-core found accessibility violations (status $status)"
[ "$(grep -c ': 0 violations, [1-9][0-9]* passes' axe.txt)" -eq 8 ] ||
	fail "not every report was checked"
for f in $files; do
	[ -s "$shots/${f%.html}-phone.png" ] && [ -s "$shots/${f%.html}-desktop.png" ] ||
		fail "no screenshots of $f"
done
